"""Las plantillas incluidas compiladas de antemano (``informes.compiladas``): la tabla está al
día, da los mismos informes que compilar cada vez y nunca tapa una plantilla propia."""

from __future__ import annotations

import base64
import marshal
import pickle
import shutil
import zlib
from datetime import date
from io import BytesIO
from pathlib import Path

import pytest
from jinja2.bccache import bc_magic

from rutamejora.informes import compiladas
from rutamejora.informes.compilar_plantillas import generar
from rutamejora.informes.entorno import _entorno, carpeta_de_plantillas, renderizar

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"


def _codigo(datos: str):
    crudo = BytesIO(zlib.decompress(base64.b64decode(datos)))
    assert crudo.read(len(bc_magic)) == bc_magic
    pickle.load(crudo)  # la suma del texto de la plantilla
    return marshal.load(crudo)


def _archivos(codigo) -> set[str]:
    return {codigo.co_filename} | {a for c in codigo.co_consts if hasattr(c, "co_filename")
                                   for a in _archivos(c)}


def test_la_tabla_esta_al_dia():
    from rutamejora.informes import _compiladas

    if not _compiladas.CLAVE.startswith(compiladas.versiones() + "|"):
        # Con otra versión de Python o de Jinja la tabla no se usa (se compila al correr, como
        # prueba ``test_mismo_informe_que_compilando``) y no se puede regenerar igual aquí.
        pytest.skip(f"la tabla es de {_compiladas.CLAVE} y este entorno es {compiladas.versiones()}")
    assert _compiladas.CLAVE == compiladas.clave_actual(), \
        "entorno.py o aislado.py cambiaron: `python -m rutamejora.informes.compilar_plantillas`"
    nueva = generar()
    assert sorted(nueva) == sorted(_compiladas.TABLA), "`python -m rutamejora.informes.compilar_plantillas`"
    incluidas = {f"{p.name.split('.')[1]}:{p.name}" for p in carpeta_de_plantillas().glob("*.j2")}
    assert set(nueva) == incluidas
    for clave, datos in nueva.items():
        assert _codigo(datos) == _codigo(_compiladas.TABLA[clave]), \
            f"{clave} cambió: `python -m rutamejora.informes.compilar_plantillas`"


def test_la_tabla_es_del_python_y_el_jinja_de_este_proyecto():
    """La tabla se genera con el Python de la CI (3.11) y el Jinja más nuevo de la serie que
    pide pyproject; una tabla de otra versión no se usaría nunca."""
    from rutamejora.informes import _compiladas

    assert _compiladas.CLAVE.startswith("cpython-3.11|jinja2-3.")


def test_el_codigo_no_lleva_la_ruta_de_quien_lo_genero():
    from rutamejora.informes import _compiladas

    for clave, datos in _compiladas.TABLA.items():
        assert _archivos(_codigo(datos)) == {clave.split(":", 1)[1]}


@pytest.mark.parametrize("tipo, formato", [("rendicion", "html"), ("planeacion", "md"),
                                           ("seguimiento", "html"), ("rendicion", "md")])
def test_mismo_informe_que_compilando(tipo, formato, monkeypatch):
    from rutamejora.informes.contexto import construir_contexto
    from rutamejora.formato.carga import cargar

    ruta, _ = cargar(EJEMPLO, date(2026, 7, 15))
    contexto = construir_contexto(ruta, date(2026, 7, 15), tipo=tipo, audiencia="comunidad")
    con_tabla = renderizar(contexto, tipo, formato)
    usadas = []

    def sin_tabla(self, bucket):
        usadas.append(bucket.key)  # se pidió a la tabla, y no se le da: se compila

    monkeypatch.setattr(compiladas.Compiladas, "load_bytecode", sin_tabla)
    assert renderizar(contexto, tipo, formato) == con_tabla
    assert f"{formato}:{tipo}.{formato}.j2" in usadas


def _la_tabla_sirve_aqui() -> bool:
    from rutamejora.informes import _compiladas

    return _compiladas.CLAVE == compiladas.clave_actual()


def test_la_tabla_se_usa():
    if not _la_tabla_sirve_aqui():
        pytest.skip("la tabla es de otra versión de Python o de Jinja: aquí se compila al correr")
    env = _entorno("html", None)
    plantilla = env.get_template("rendicion.html.j2")
    # Del código de la tabla: su archivo es el nombre, no la ruta de la plantilla en disco.
    assert plantilla.root_render_func.__code__.co_filename == "rendicion.html.j2"


def test_una_plantilla_propia_con_el_mismo_nombre_gana(tmp_path):
    propias = tmp_path / "plantillas"
    propias.mkdir()
    shutil.copy(carpeta_de_plantillas() / "planeacion.md.j2", propias / "planeacion.md.j2")
    with open(propias / "planeacion.md.j2", "a", encoding="utf-8") as f:
        f.write("\nPIE PROPIO\n")
    plantilla = _entorno("md", propias).get_template("planeacion.md.j2")
    # Compilada de su texto (la suma no coincide con la de la tabla), desde su archivo.
    assert plantilla.root_render_func.__code__.co_filename == str(propias / "planeacion.md.j2")
    assert "PIE PROPIO" in (propias / "planeacion.md.j2").read_text(encoding="utf-8")
    if _la_tabla_sirve_aqui():
        # Las demás, de la tabla (con otra versión de Python o de Jinja se compilan al correr).
        incluida = _entorno("md", propias).get_template("encabezado.md.j2")
        assert incluida.root_render_func.__code__.co_filename == "encabezado.md.j2"
