"""La documentación se genera de las mismas definiciones: falla si está vieja. Y cada ejemplo
✓/✗ de cada regla se corre de verdad."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from rutamejora.salida.documentacion import GENERADOS
from rutamejora.reglas.registro import registradas
from rutamejora.reglas.validacion import validar

RAIZ = Path(__file__).resolve().parents[2]
MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
HOY = date(2025, 10, 1)


@pytest.mark.parametrize("nombre", sorted(GENERADOS))
def test_docs_generados_estan_al_dia(nombre):
    actual = (RAIZ / "docs" / nombre).read_text(encoding="utf-8")
    assert actual == GENERADOS[nombre](), (
        f"docs/{nombre} está desactualizado: corre `python -m rutamejora.salida.documentacion docs`")


def _mezclar(base, cambio):
    """Mezcla ``cambio`` sobre ``base``: mapas por clave, listas de objetos por ``id``."""
    if isinstance(base, dict) and isinstance(cambio, dict):
        for clave, valor in cambio.items():
            base[clave] = _mezclar(base[clave], valor) if clave in base else valor
        return base
    if isinstance(base, list) and isinstance(cambio, list) and cambio and \
            all(isinstance(x, dict) and "id" in x for x in cambio):
        por_id = {x.get("id"): x for x in base if isinstance(x, dict)}
        for x in cambio:
            if x["id"] in por_id:
                _mezclar(por_id[x["id"]], x)
            else:
                base.append(x)
        return base
    return cambio


def _aplicar(carpeta: Path, ejemplo) -> None:
    archivo = carpeta / ejemplo.archivo
    if ejemplo.completo:
        # Los ejemplos escriben a mano los bytes raros (\t, \xf1): se decodifican aquí.
        crudo = ejemplo.texto.encode("utf-8").decode("unicode_escape").encode("latin-1") \
            if "\\" in ejemplo.texto else ejemplo.texto.encode("utf-8")
        archivo.write_bytes(crudo)
        return
    yaml = YAML()
    base = yaml.load(archivo.read_text(encoding="utf-8"))
    _mezclar(base, yaml.load(ejemplo.texto))
    with archivo.open("w", encoding="utf-8") as f:
        yaml.dump(base, f)


EJEMPLOS = [(r.codigo, i, e) for r in registradas() for i, e in enumerate(r.ejemplos)]


def test_cada_regla_con_funcion_tiene_ejemplos_buenos_y_malos():
    sin = [r.codigo for r in registradas() if r.funcion is not None
           and not ({True, False} <= {e.bueno for e in r.ejemplos})]
    assert sin == []


@pytest.mark.parametrize("codigo,i,ejemplo", EJEMPLOS, ids=[f"{c}-{i}" for c, i, _ in EJEMPLOS])
def test_ejemplos_de_las_reglas(tmp_path, codigo, i, ejemplo):
    # Un ejemplo puede pedir su carpeta (`✗ ruta.yaml (en escuelas/<CCT>/<ciclo>)`).
    carpeta = tmp_path / (ejemplo.carpeta or "r")
    shutil.copytree(MINIMA, carpeta)
    _aplicar(carpeta, ejemplo)
    codigos = {p.codigo for p in validar(carpeta, HOY, False).problemas}
    if ejemplo.bueno:
        assert codigo not in codigos, f"el ejemplo ✓ de {codigo} lo dispara"
    else:
        assert codigo in codigos, f"el ejemplo ✗ de {codigo} no lo dispara: {sorted(codigos)}"


def test_el_catalogo_tiene_codigos_y_nombres_unicos():
    reglas = registradas()
    assert len({r.codigo for r in reglas}) == len(reglas)
    assert len({r.nombre for r in reglas}) == len(reglas)


def test_el_resumen_de_cada_regla_es_una_oracion_completa():
    """El resumen (``ruta reglas``, docs/reglas.md) es la primera línea de su documentación: si la
    primera oración sigue en la línea de abajo, el resumen queda cortado («…dos veces: los»)."""
    cortados = [(r.codigo, r.resumen) for r in registradas()
                if not r.resumen.endswith((".", ")", "»", "?"))]
    assert cortados == []
