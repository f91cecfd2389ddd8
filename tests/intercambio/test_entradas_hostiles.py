"""Archivos rotos, enormes o raros en ``ruta importar``: un mensaje en español con el archivo y
qué hacer, la salida que toca (1: el contenido del archivo; 2: uso o entorno) y nunca un
traceback, un mensaje en inglés, un «problema interno» ni una espera sin fin."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from rutamejora.commands import app

RAIZ = Path(__file__).resolve().parents[2]
PRIMARIA = RAIZ / "ejemplos" / "primaria-2025-2026"
runner = CliRunner()


def _ruta(tmp_path: Path) -> Path:
    copia = tmp_path / "ruta"
    shutil.copytree(PRIMARIA, copia)
    return copia


def _csv(tmp_path: Path) -> Path:
    hoja = tmp_path / "hoja.csv"
    hoja.write_text("Nombre,Nivel\nA,Esperado\nB,En desarrollo\nC,Esperado\n", encoding="utf-8")
    return hoja


def _importar(*args):
    return runner.invoke(app, ["importar", "resultados", *map(str, args)])


def test_una_fecha_que_no_existe_en_el_diagnostico_no_es_un_problema_interno(tmp_path):
    ruta = _ruta(tmp_path)
    diagnostico = ruta / "diagnostico.yaml"
    texto = diagnostico.read_text(encoding="utf-8").replace("fecha: 2025-08-27", "fecha: 2026-02-30", 1)
    diagnostico.write_text(texto, encoding="utf-8")
    r = _importar(_csv(tmp_path), ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (1, (
        "ruta: diagnostico.yaml, línea 10: La fecha `2026-02-30` no existe. Revisa el día y el mes "
        "(AAAA-MM-DD).\n"
        "ruta: corrige la fecha de diagnostico.yaml primero (`ruta validar` dice dónde). No se "
        "escribió nada.\n"))
    assert diagnostico.read_text(encoding="utf-8") == texto


# --- Una hoja con una celda lejísimos: no se llena el rectángulo hasta ella ----------------------

def _libro_lejano(destino: Path, encabezado: str = "Nivel") -> Path:
    """Cuatro celdas de una tabla de verdad y una sola más, escrita en XFD1048576: el archivo
    pesa kilobytes y openpyxl, con ``iter_rows``, armaba 17 mil millones de casillas."""
    from openpyxl import Workbook

    libro = Workbook()
    hoja = libro.active
    hoja.title = "Alumnos"
    hoja.append(["Nombre", encabezado])
    hoja.append(["A", "Esperado"])
    hoja["XFD1048576"] = "x"
    libro.save(destino)
    return destino


LEJANA = ("la hoja «Alumnos» de lejos.xlsx llega hasta la celda XFD1048576 (1,048,576 renglones "
          "por 16,384 columnas): más de las 1,000,000 casillas que se leen de una hoja. Si la tabla "
          "es más chica, hay algo escrito lejos de ella: en Excel, Ctrl+Fin lleva a la última "
          "celda; bórrala, guarda y vuelve a intentarlo.\n")


def test_resultados_de_una_hoja_con_una_celda_lejisimos_sale_pronto_con_1(tmp_path):
    ruta = _ruta(tmp_path)
    antes = (ruta / "diagnostico.yaml").read_bytes()
    r = _importar(_libro_lejano(tmp_path / "lejos.xlsx"), ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (1, "ruta: " + LEJANA)
    assert (ruta / "diagnostico.yaml").read_bytes() == antes


def test_plan_de_una_hoja_con_una_celda_lejisimos_sale_pronto_con_1(tmp_path):
    libro = _libro_lejano(tmp_path / "lejos.xlsx", "Acción")
    r = runner.invoke(app, ["importar", "plan", str(libro), str(tmp_path / "nueva"), "--cct", "21DPR0487A"])
    assert (r.exit_code, r.output) == (1, "ruta: " + LEJANA)
    assert not (tmp_path / "nueva").exists()


def test_una_combinada_hasta_el_final_de_la_hoja_sale_pronto_con_1(tmp_path):
    """openpyxl crea un objeto por casilla combinada al abrir el libro: C1:XFD1048576 se ataja
    antes, mirando el XML de la hoja."""
    from openpyxl import Workbook

    libro = Workbook()
    hoja = libro.active
    for fila in (["Nivel"], ["Esperado"], ["Esperado"], ["En desarrollo"]):
        hoja.append(fila)
    hoja.merged_cells.add("C1:XFD1048576")
    libro.save(tmp_path / "combinada.xlsx")
    ruta = _ruta(tmp_path)
    r = _importar(tmp_path / "combinada.xlsx", ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (1, (
        "ruta: combinada.xlsx combina celdas hasta XFD1048576 (más de las 1,000,000 casillas que se "
        "leen de una hoja). Si la tabla es más chica, separa esas celdas («Combinar y centrar» otra "
        "vez en Excel), guarda y vuelve a intentarlo.\n"))
    r = _plan(tmp_path, tmp_path / "combinada.xlsx")
    assert r.exit_code == 1 and r.output.startswith("ruta: combinada.xlsx combina celdas hasta XFD1048576")


def test_una_combinada_dentro_de_la_tabla_se_sigue_leyendo(tmp_path):
    from openpyxl import Workbook

    libro = Workbook()
    hoja = libro.active
    for fila in (["Grado", "Nivel"], ["3°", "Esperado"], [None, "Esperado"], [None, "En desarrollo"]):
        hoja.append(fila)
    hoja.merge_cells("A2:A4")
    libro.save(tmp_path / "grupo.xlsx")
    r = _importar(tmp_path / "grupo.xlsx", _ruta(tmp_path), "--columna", "Nivel", "--campo",
                  "Lenguajes", "--por", "Grado")
    assert r.exit_code == 0, r.output
    assert "  Grado 3° · Nivel: Esperado (2 de 3 alumnos): 66.7 %\n" in r.output


# --- Archivos rotos: en español, con el archivo y qué hacer ------------------------------------

def _zip(destino: Path, partes: dict[str, str]) -> Path:
    import zipfile

    with zipfile.ZipFile(destino, "w") as zf:
        for nombre, texto in partes.items():
            zf.writestr(nombre, texto)
    return destino


def _docx_anidado(destino: Path, niveles: int) -> Path:
    """Un .docx de verdad con ``niveles`` tablas, cada una dentro de una celda de la anterior."""
    import zipfile

    import docx

    base = tmp = destino.with_suffix(".base.docx")
    docx.Document().save(base)
    celda = "<w:p><w:r><w:t>hondo</w:t></w:r></w:p>"
    for _ in range(niveles):
        celda = f"<w:tbl><w:tr><w:tc>{celda}</w:tc></w:tr></w:tbl><w:p/>"
    with zipfile.ZipFile(base) as origen, zipfile.ZipFile(destino, "w") as zf:
        for info in origen.infolist():
            datos = origen.read(info.filename)
            if info.filename == "word/document.xml":
                datos = datos.replace(b"<w:body>", b"<w:body>" + celda.encode(), 1)
            zf.writestr(info, datos)
    tmp.unlink()
    return destino


def _plan(tmp_path: Path, archivo: Path):
    return runner.invoke(app, ["importar", "plan", str(archivo), str(tmp_path / "nueva"), "--cct", "21DPR0487A"])


def test_plan_de_word_roto_sin_ingles(tmp_path):
    sin_partes = _zip(tmp_path / "sin-partes.docx", {"word/document.xml": "<x/>"})
    r = _plan(tmp_path, sin_partes)
    assert (r.exit_code, r.output) == (2, (
        f"ruta: {sin_partes}: no se pudo leer como documento de Word (.docx): es un zip, pero le "
        "faltan las partes de un .docx (¿es otro archivo renombrado o está dañado?). Ábrelo en Word "
        "o LibreOffice y guárdalo otra vez como .docx.\n"))
    hondo = _docx_anidado(tmp_path / "hondo.docx", 200)
    r = _plan(tmp_path, hondo)
    assert (r.exit_code, r.output) == (2, (
        f"ruta: {hondo}: no se pudo leer como documento de Word (.docx): anida tablas o textos a "
        "más de 256 niveles, más de lo que se puede leer. Ábrelo en Word o LibreOffice y guárdalo "
        "otra vez como .docx.\n"))
    assert not (tmp_path / "nueva").exists()


def test_plan_de_excel_roto_sin_ingles(tmp_path):
    basura = tmp_path / "basura.xlsx"
    basura.write_bytes(bytes(range(256)) * 20)
    r = _plan(tmp_path, basura)
    assert (r.exit_code, r.output) == (2, (
        f"ruta: {basura}: no se pudo leer como libro de Excel (.xlsx): no es un archivo .xlsx (un "
        ".xlsx es un zip por dentro; ¿es otro archivo renombrado o está dañado?). Ábrelo en Excel o "
        "LibreOffice y guárdalo otra vez como .xlsx.\n"))


def test_resultados_de_un_libro_roto_sin_el_nombre_de_la_excepcion(tmp_path):
    ruta = _ruta(tmp_path)
    for nombre, que in (("basura.xlsx", "no es un archivo .xlsx (un .xlsx es un zip por dentro; ¿es "
                                        "otro archivo renombrado o está dañado?)"),
                        ("zip.xlsx", "es un zip, pero le faltan las partes de un .xlsx (¿es otro "
                                     "archivo renombrado o está dañado?)")):
        hoja = tmp_path / nombre
        if nombre == "zip.xlsx":
            _zip(hoja, {"hola.txt": "hola"})
        else:
            hoja.write_bytes(b"\x00\x01 no es un zip " * 50)
        r = _importar(hoja, ruta, "--columna", "Nivel", "--campo", "Lenguajes")
        assert (r.exit_code, r.output) == (2, (
            f"ruta: {hoja} no es un libro de Excel que se pueda leer: {que}. Si está protegido con "
            "contraseña, quítasela; ábrelo y guárdalo como .xlsx o .csv.\n"))


def test_csv_con_una_celda_enorme_sale_con_1(tmp_path):
    ruta = _ruta(tmp_path)
    hoja = tmp_path / "larga.csv"
    hoja.write_text('Grado,Nivel\n1,"' + "E" * 200_000 + '\n2,Esperado\n', encoding="utf-8")
    r = _importar(hoja, ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (1, (
        f"ruta: {hoja} tiene una celda de más de 131,072 caracteres: no parece una hoja de alumnos "
        "(¿unas comillas sin cerrar juntan el resto del archivo en una celda?). Revísalo en Excel y "
        "guárdalo otra vez como «CSV UTF-8 (delimitado por comas)».\n"))


def test_un_nivel_de_cientos_de_caracteres_no_se_escribe(tmp_path):
    ruta = _ruta(tmp_path)
    hoja = tmp_path / "nivel.csv"
    hoja.write_text("Nivel\n" + "E" * 500 + "\nEsperado\n", encoding="utf-8")
    r = _importar(hoja, ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (1, (
        "ruta: la columna «Nivel» (--columna) tiene un valor de 500 caracteres: un nivel o un grado "
        "tiene unas palabras (hasta 120). Revisa esa columna en la hoja; no se escribió nada.\n"))


def test_csv_en_utf16_de_excel_se_lee_por_su_bom(tmp_path):
    ruta = _ruta(tmp_path)
    hoja = tmp_path / "unicode.csv"
    hoja.write_bytes("Nombre\tNivel\r\nA\tEsperado\r\nB\tEn desarrollo\r\n".encode("utf-16"))
    r = _importar(hoja, ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert r.exit_code == 0, r.output
    assert "  Nivel: Esperado (1 de 2 alumnos): 50 %\n" in r.output


def test_un_binario_con_extension_csv_no_da_basura_por_encabezados(tmp_path):
    ruta = _ruta(tmp_path)
    hoja = tmp_path / "foto.csv"
    hoja.write_bytes(bytes(range(256)) * 20)
    r = _importar(hoja, ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (2, (
        f"ruta: {hoja} no es un CSV de texto (parece otro tipo de archivo, o un CSV en una "
        "codificación que no se reconoce). Ábrelo en Excel y guárdalo como «CSV UTF-8 (delimitado "
        "por comas)».\n"))


def test_pestana_en_un_csv(tmp_path):
    r = _importar(_csv(tmp_path), _ruta(tmp_path), "--columna", "Nivel", "--campo", "Lenguajes",
                  "--pestana", "X")
    assert (r.exit_code, r.output) == (2, "ruta: hoja.csv es un CSV: no tiene pestañas. Quita "
                                          "--pestana (solo un libro de Excel las tiene).\n")


def test_un_nul_en_una_celda_no_llega_al_diagnostico(tmp_path):
    ruta = _ruta(tmp_path)
    hoja = tmp_path / "nul.csv"
    hoja.write_bytes(b"Nivel\nEsperado\x00\nEsperado\n")
    r = _importar(hoja, ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert r.exit_code == 0, r.output
    assert "  Nivel: Esperado (2 de 2 alumnos): 100 %\n" in r.output
    assert "\x00" not in (ruta / "diagnostico.yaml").read_text(encoding="utf-8")
