"""Ida y vuelta: ``ruta exportar -o ruta.xlsx`` y ``ruta importar plan ruta.xlsx`` devuelven el
mismo plan y los mismos registros de la bitácora.

Para cada ejemplo (los tres marcos: rme-2014, pemc-2019, pmc-2024) se exporta, se importa el libro a una
carpeta nueva y se compara de dos maneras:

- **campo por campo**: las tablas de las dos Rutas (las de ``ruta exportar``: prioridades,
  objetivos, metas, acciones, responsables, fuentes y cada registro de la bitácora, con el dinero
  en centavos exactos y las fechas ISO) son iguales fila por fila;
- **con ``ruta cambios --con``**: cada diferencia que ve es una de las esperadas, cada una con
  su porqué (lo que el libro a propósito no lleva).
"""

from __future__ import annotations

import json
import re
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from zonas import EJEMPLOS

runner = CliRunner()
# Después de la última entrada de los tres ejemplos: el libro lleva la bitácora entera.
FECHA = "2026-08-31"
# Todos los ejemplos: los tres marcos (rme-2014 en preescolar, primaria y secundaria).
MARCOS = ("primaria-2025-2026", "pemc-secundaria-2024-2026", "pmc-primaria-2025-2026",
          "preescolar-2025-2026", "secundaria-2025-2026")
# Las tablas que deben volver iguales (``rutas`` y ``problemas`` dicen cómo se validó, no el plan).
TABLAS = ("prioridades", "no_atendidas", "objetivos", "metas", "acciones", "acciones_metas", "responsables",
          "fuentes", "entradas", "avances", "gastos", "mediciones", "ingresos", "acuerdos", "ajustes",
          "rasgos", "balances")

# Lo que `ruta cambios` ve y el libro a propósito no lleva: (parte, patrón del texto, por qué).
ESPERADAS = (
    ("escuela", r"(Colectivo|Comunidad): \S+ cambió \(nombre\)",
     "el libro no lleva los nombres del personal ni de los órganos: vuelven «por llenar»"),
    ("diagnostico", r".*", "el libro no lleva el diagnóstico: queda el de `ruta nueva`, con las "
                           "necesidades que citan las prioridades por llenar"),
    # Los comentarios se dicen siempre, también junto a un cambio del plan del archivo.
    ("formato", r"\S+\.yaml: (solo cambiaron los comentarios \(el plan es el mismo\)|también "
                r"cambiaron los comentarios)",
     "los comentarios YAML no viajan en el libro"),
)
# Campos de una acción que el libro no lleva (``ruta cambios`` los dice por campo): ya ninguno;
# los periodos vuelven con su nombre («Corte inicial») y sus fechas.
CAMPOS_ACCION: dict = {}
# Por ejemplo, lo de la bitácora que el libro no lleva o no puede distinguir.
BITACORA = {
    # Ya nada: una evidencia que lleva «; » («Registros de lectura; 1 240 libros leídos…», en la
    # sesión 4 y en la evaluación final) vuelve entera (el libro escribe «;;»). Los rasgos y el
    # balance del cierre viajan (hojas «Rasgos» y «Balance»): si uno se perdiera, `ruta cambios`
    # lo diría aquí.
    "primaria-2025-2026": set(),
    "pmc-primaria-2025-2026": set(),
    "preescolar-2025-2026": set(),
    "secundaria-2025-2026": set(),
    "pemc-secundaria-2024-2026": set(),
}


def _invocar(*args: str):
    return runner.invoke(app, list(args))


@pytest.fixture(scope="module", params=MARCOS)
def ida_vuelta(request, tmp_path_factory):
    """(original, importada, salida de `importar plan`) de un ejemplo."""
    base = tmp_path_factory.mktemp("ida_vuelta")
    original = EJEMPLOS / request.param
    libro = base / "ruta.xlsx"
    r = _invocar("exportar", str(original), "-o", str(libro), "--fecha", FECHA)
    assert r.exit_code == 0, r.output
    importada = base / request.param
    r = _invocar("importar", "plan", str(libro), str(importada), "--fecha", FECHA)
    return request.param, original, importada, r


def _tablas(carpeta: Path) -> dict:
    from rutamejora.intercambio import leer_tablas
    from rutamejora.zona import descubrir

    tablas = leer_tablas(descubrir([carpeta]), date.fromisoformat(FECHA), True, procesos=1).tablas
    # Sin la primera columna (la clave de la Ruta: el nombre de su carpeta).
    return {n: [fila[1:] for fila in tablas.get(n, [])] for n in TABLAS}


def test_importar_el_libro_sale_con_0_y_dice_de_donde(ida_vuelta):
    nombre, _, importada, r = ida_vuelta
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"Ruta importada en {importada} desde ruta.xlsx (marco ")
    assert "por el libro de `ruta exportar`)." in r.output.splitlines()[0]
    assert r.output.rstrip().splitlines()[-1].startswith("`ruta validar`: 0 errores y ")


def test_el_plan_y_la_bitacora_vuelven_campo_por_campo(ida_vuelta):
    nombre, original, importada, _ = ida_vuelta
    antes, despues = _tablas(original), _tablas(importada)
    for tabla in TABLAS:
        assert despues[tabla] == antes[tabla], tabla
    # No es una comparación de vacíos: el plan y la bitácora traen de todo.
    assert all(antes[t] for t in ("prioridades", "objetivos", "metas", "acciones", "entradas",
                                  "avances", "mediciones", "acuerdos"))
    # Los ejemplos que cierran su ciclo con rasgos valorados o con el balance de sus prioridades
    # (la secundaria no los escribe).
    assert bool(antes["rasgos"] or antes["balances"]) == (nombre != "secundaria-2025-2026")


def test_ruta_cambios_solo_ve_lo_que_el_libro_no_lleva(ida_vuelta):
    nombre, original, importada, _ = ida_vuelta
    r = _invocar("cambios", str(importada), "--con", str(original), "--formato", "json")
    assert r.exit_code == 0, r.output
    inesperadas, bitacora = [], set()
    for parte in json.loads(r.output)["partes"]:
        for cambio in parte["cambios"]:
            texto = cambio["texto"]
            if parte["parte"] == "bitacora":
                bitacora.add(texto)
            elif parte["parte"] == "acciones":
                campos = {c["campo"] for c in cambio.get("campos", [])}
                if not campos or not campos <= set(CAMPOS_ACCION):
                    inesperadas.append(texto)
            elif not any(p == parte["parte"] and re.fullmatch(patron, texto) for p, patron, _ in ESPERADAS):
                inesperadas.append(f"{parte['parte']}: {texto}")
    assert inesperadas == []
    assert bitacora == BITACORA[nombre]


def test_los_periodos_vuelven_con_su_nombre_y_sus_fechas(ida_vuelta):
    from ruamel.yaml import YAML

    _, original, importada, _ = ida_vuelta
    yaml = YAML(typ="safe")
    antes, despues = ({a["id"]: a.get("periodos") for a in yaml.load(
        (c / "acciones.yaml").read_text(encoding="utf-8"))["acciones"]} for c in (original, importada))
    assert despues == antes


def test_la_importada_pasa_ruta_validar(ida_vuelta):
    _, _, importada, _ = ida_vuelta
    r = _invocar("validar", str(importada), "--fecha", FECHA)
    assert r.exit_code == 0, r.output
    assert re.search(r"\n0 errores(,| y) \d+ avisos( y \d+ notas?)? en \d+ archivos", r.output)


def test_el_personal_vuelve_por_clave_y_funcion_sin_nombre(ida_vuelta):
    nombre, original, importada, _ = ida_vuelta
    texto = (importada / "ruta.yaml").read_text(encoding="utf-8")
    assert "nombre: por llenar" in texto
    # Ningún nombre del colectivo del ejemplo llega a la Ruta importada.
    for persona in re.findall(r"nombre: ([^,}\n]+), funcion", (original / "ruta.yaml").read_text(encoding="utf-8")):
        assert persona not in texto


def test_el_dinero_vuelve_con_sus_centavos(tmp_path):
    """Un gasto de $200.07 y una fuente de $14,000.05 vuelven exactos (Decimal, no float)."""
    from shutil import copytree

    carpeta = copytree(EJEMPLOS / "primaria-2025-2026", tmp_path / "r")
    bitacora = carpeta / "bitacora.yaml"
    bitacora.write_text(bitacora.read_text(encoding="utf-8").replace("gasto: 200.00", "gasto: 200.07", 1),
                        encoding="utf-8")
    ruta = carpeta / "ruta.yaml"
    ruta.write_text(ruta.read_text(encoding="utf-8").replace("monto: 14000.00", "monto: 14000.05", 1),
                    encoding="utf-8")
    r = _invocar("exportar", str(carpeta), "-o", str(tmp_path / "r.xlsx"), "--fecha", FECHA)
    assert r.exit_code == 0, r.output
    assert _invocar("importar", "plan", str(tmp_path / "r.xlsx"), str(tmp_path / "i")).exit_code == 0
    assert "      gasto: 200.07\n" in (tmp_path / "i" / "bitacora.yaml").read_text(encoding="utf-8")
    assert "      monto: 14000.05\n" in (tmp_path / "i" / "ruta.yaml").read_text(encoding="utf-8")


def test_un_libro_de_zona_es_error_de_uso(tmp_path):
    r = _invocar("exportar", str(EJEMPLOS / "primaria-2025-2026"), str(EJEMPLOS / "pmc-primaria-2025-2026"),
                 "-o", str(tmp_path / "zona.xlsx"), "--fecha", FECHA)
    assert r.exit_code == 0, r.output
    r = _invocar("importar", "plan", str(tmp_path / "zona.xlsx"), str(tmp_path / "r"))
    assert r.exit_code == 2
    assert "es el libro de una zona (hoja «Escuelas»)" in r.output
    assert "Exporta la Ruta sola (`ruta exportar CARPETA_DE_LA_RUTA -o ruta.xlsx`)" in r.output
    assert "El libro trae 2 Rutas." in r.output
    assert not (tmp_path / "r").exists()


def test_un_libro_editado_a_mano_pasa_por_el_detector(tmp_path):
    """Un dato personal escrito en el libro después de exportarlo se enmascara y se lista."""
    from openpyxl import load_workbook

    libro = tmp_path / "ruta.xlsx"
    assert _invocar("exportar", str(EJEMPLOS / "primaria-2025-2026"), "-o", str(libro),
                    "--fecha", FECHA).exit_code == 0
    xl = load_workbook(libro)
    hoja = xl["Bitácora"]
    columna = [c.value for c in hoja[1]].index("nota") + 1
    hoja.cell(row=2, column=columna, value="Citar a la familia (CURP UAZX150312MPLGMMA4).")
    xl.save(libro)
    r = _invocar("importar", "plan", str(libro), str(tmp_path / "r"), "--formato", "json")
    assert r.exit_code == 0, r.output
    datos = json.loads(r.output)
    assert datos["marco"] == {"clave": "rme-2014", "de": "el libro de `ruta exportar`"}
    assert datos["datos_personales"] == [{"archivo": "bitacora.yaml", "donde": "hoja entradas, renglón 2, nota",
                                          "clase": "curp", "marcador": "[CURP]"}]
    texto = (tmp_path / "r" / "bitacora.yaml").read_text(encoding="utf-8")
    assert "UAZX150312MPLGMMA4" not in texto
    assert "nota: Citar a la familia (CURP [CURP])." in texto


def test_una_celda_que_no_se_entiende_es_error_de_uso_con_su_lugar(tmp_path):
    from openpyxl import load_workbook

    libro = tmp_path / "ruta.xlsx"
    assert _invocar("exportar", str(EJEMPLOS / "primaria-2025-2026"), "-o", str(libro),
                    "--fecha", FECHA).exit_code == 0
    xl = load_workbook(libro)
    hoja = xl["Avances"]
    columna = [c.value for c in hoja[1]].index("avance") + 1
    hoja.cell(row=3, column=columna, value="la mitad")
    xl.save(libro)
    r = _invocar("importar", "plan", str(libro), str(tmp_path / "r"))
    assert r.exit_code == 2
    assert " ".join(r.output.split()) == (
        f"ruta: {libro}: hoja «Avances», renglón 3, columna avance: «la mitad» no es un número "
        "entero. Corrígelo en el libro y vuelve a importarlo.")
    assert not (tmp_path / "r").exists()


def test_cada_registro_de_la_bitacora_vuelve_igual_en_el_yaml(ida_vuelta):
    """bitacora.yaml, entrada por entrada y campo por campo: lo único distinto es lo esperado
    (una evidencia con «; » vuelve partida en dos); los rasgos y el balance vuelven iguales."""
    from ruamel.yaml import YAML

    _, original, importada, _ = ida_vuelta
    yaml = YAML(typ="safe")
    antes = yaml.load((original / "bitacora.yaml").read_text(encoding="utf-8"))["entradas"]
    despues = yaml.load((importada / "bitacora.yaml").read_text(encoding="utf-8"))["entradas"]
    assert len(despues) == len(antes)
    for a, d in zip(antes, despues):
        registros_a, registros_d = a.pop("acciones", []), d.pop("acciones", [])
        assert d == a
        assert len(registros_d) == len(registros_a)
        for ra, rd in zip(registros_a, registros_d):
            evidencias_a, evidencias_d = ra.pop("evidencias", []), rd.pop("evidencias", [])
            assert rd == ra
            assert "; ".join(evidencias_d) == "; ".join(evidencias_a)
            if evidencias_d != evidencias_a:
                assert any("; " in e for e in evidencias_a)


def test_los_textos_nuevos_del_libro_pasan_por_el_detector(tmp_path):
    """Favorables, rasgos, balance y no atendidas: una CURP en la Ruta no sale en el libro, y
    una escrita a mano en el libro se enmascara al importarlo y se lista."""
    from shutil import copytree

    from openpyxl import load_workbook

    curp = "UAZX150312MPLGMMA4"
    carpeta = copytree(EJEMPLOS / "primaria-2025-2026", tmp_path / "r")
    acciones = carpeta / "acciones.yaml"
    texto = acciones.read_text(encoding="utf-8")
    assert "    favorables: A los alumnos" in texto
    acciones.write_text(texto.replace("    favorables: A los alumnos", f"    favorables: CURP {curp}. A los alumnos", 1),
                        encoding="utf-8")
    libro = tmp_path / "ruta.xlsx"
    r = _invocar("exportar", str(carpeta), "-o", str(libro), "--fecha", FECHA)
    # Una CURP en la Ruta es un error de `ruta validar`: el libro se escribe igual, enmascarado.
    assert r.exit_code == 1, r.output
    assert "1 Ruta tiene errores o no se pudo leer (r)" in r.output
    xl = load_workbook(libro)
    celdas = [str(c) for h in xl.worksheets for f in h.iter_rows(values_only=True) for c in f if c]
    assert not any(curp in c for c in celdas)
    assert any(c.startswith("CURP [CURP]. A los alumnos") for c in celdas)
    for titulo, campo in (("Rasgos", "comentario"), ("No atendidas", "motivo")):
        hoja = xl[titulo]
        hoja.cell(row=2, column=[c.value for c in hoja[1]].index(campo) + 1, value=f"Ver CURP {curp}.")
    xl.save(libro)
    r = _invocar("importar", "plan", str(libro), str(tmp_path / "i"), "--formato", "json")
    assert r.exit_code == 0, r.output
    assert json.loads(r.output)["datos_personales"] == [
        {"archivo": "prioridades.yaml", "donde": "hoja no_atendidas, renglón 2, motivo", "clase": "curp",
         "marcador": "[CURP]"},
        {"archivo": "bitacora.yaml", "donde": "hoja rasgos, renglón 2, comentario", "clase": "curp",
         "marcador": "[CURP]"}]
    for archivo in ("prioridades.yaml", "bitacora.yaml"):
        texto = (tmp_path / "i" / archivo).read_text(encoding="utf-8")
        assert curp not in texto and "Ver CURP [CURP]." in texto
