"""`ruta importar plan` solo dice lo que dice el documento: lo que halló una prueba con un usuario nuevo.

Cada prueba arma el plan como lo escribe una escuela (python-docx, openpyxl), lo importa con la
línea de comandos y afirma el YAML escrito y el informe de la importación tal cual; después,
lo que dicen `ruta validar` y `ruta resumen` de la Ruta escrita.
"""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from rutamejora.commands import app

runner = CliRunner()
ENTORNO = {"COLUMNS": "200"}
FECHA = "2025-09-01"


def correr(*args):
    return runner.invoke(app, [*map(str, args)], env=ENTORNO)


def importar(documento: Path, destino: Path, *opciones) -> list[str]:
    r = correr("importar", "plan", documento, destino, "--fecha", FECHA, *opciones)
    assert r.exit_code == 0, r.output
    return r.output.splitlines()


def bloque(archivo: Path, clave: str) -> str:
    """El texto de ``archivo`` desde el renglón ``clave:`` hasta el final (o el siguiente
    renglón en blanco)."""
    texto = archivo.read_text(encoding="utf-8")
    return texto[texto.index(f"\n{clave}:") + 1:].split("\n\n")[0]


def planeado(carpeta: Path) -> str:
    r = correr("resumen", carpeta, "--fecha", FECHA, "--formato", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.output)["dinero"]["total"]["planeado"]


def sin_errores(carpeta: Path) -> None:
    r = correr("validar", carpeta, "--fecha", FECHA)
    assert r.exit_code == 0 and r.output.strip().splitlines()[-1].startswith("0 errores"), r.output


def _pemc(destino: Path, filas, combinar=()) -> Path:
    import openpyxl

    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.title = "PEMC"
    hoja.append(["PROGRAMA ESCOLAR DE MEJORA CONTINUA 2025-2026"])
    hoja.append(["Escuela Secundaria Técnica No. 12   CCT: 21EST0012Z"])
    hoja.append(["Ámbito", "Objetivos", "Metas", "Acciones", "Responsable", "Periodo", "Costo"])
    for fila in filas:
        hoja.append(fila)
    for rango in combinar:
        hoja.merge_cells(rango)
    libro.save(destino)
    return destino


# --- 1. Un costo para varias acciones no se copia a cada una -------------------------------------

def test_un_costo_para_varias_acciones_queda_por_repartir(tmp_path):
    """«$2,500.00» para las dos acciones de una celda, y «$800» combinado a lo alto en dos
    renglones: cada acción queda con su costo por llenar, con el texto de la celda y quiénes
    lo comparten; «Sin costo» vale para las dos (cero repartido es cero)."""
    documento = _pemc(tmp_path / "pemc.xlsx", [
        ["Aprovechamiento académico y asistencia de los alumnos", "Mejorar la comprensión lectora",
         "Aumentar de 35 % a 55 % los alumnos en nivel esperado de lectura para junio de 2026",
         "Círculos de lectura semanales", "Director", "Septiembre a junio", 1500],
        [None, None, None, "Asesorías de matemáticas por las tardes\nExámenes diagnósticos mensuales",
         "Subdirector", "Noviembre a junio\nMensual", "$2,500.00"],
        [None, None, None, "Taller para padres", "Director", "Octubre", "$800"],
        [None, None, None, "Visitas domiciliarias", "Director", "Noviembre", None],
        [None, None, None, "Lectura en casa\nBiblioteca de aula", "Subdirector", "Todo el ciclo", "Sin costo"],
    ], combinar=["G6:G7"])
    lineas = importar(documento, tmp_path / "ruta")
    inicio = lineas.index("  Por llenar (21, el documento no lo dice; `ruta validar` lo avisa):")
    assert lineas[inicio + 6:inicio + 18] == [
        "    acciones.yaml costo: 4",
        "  Costos por repartir (2: un costo escrito una vez para varias acciones no se copió a cada "
        "una; repártelo entre ellas en acciones.yaml):",
        "    A2 y A3 ← hoja PEMC, renglón 5: $2,500.00",
        "    A4 y A5 ← hoja PEMC, renglón 6: $800",
        "  Comentarios (5, lo que el formato no puede guardar):",
        "    acciones.yaml A2: Costo de A2 y A3 juntas, por repartir ← hoja PEMC, renglón 5: $2,500.00",
        "    acciones.yaml A3: Costo de A2 y A3 juntas, por repartir ← hoja PEMC, renglón 5: $2,500.00",
        "    acciones.yaml A3: Tiempo del documento (frecuencia: mensual) ← hoja PEMC, renglón 5: Mensual",
        "    acciones.yaml A4: Costo de A4 y A5 juntas, por repartir ← hoja PEMC, renglón 6: $800",
        "    acciones.yaml A5: Costo de A4 y A5 juntas, por repartir ← hoja PEMC, renglón 7: $800",
        "  Datos personales: ninguno.",
        "`ruta validar`: 0 errores y 33 avisos."]
    costos = [renglon for renglon in bloque(tmp_path / "ruta" / "acciones.yaml", "acciones").splitlines()
              if renglon.startswith(("  #", "  - id", "    costo"))]
    assert costos == [
        "  - id: A1", "    costo: 1500",
        "  # Costo de A2 y A3 juntas, por repartir (hoja PEMC, renglón 5): $2,500.00",
        "  - id: A2", "    costo:",
        "  # Costo de A2 y A3 juntas, por repartir (hoja PEMC, renglón 5): $2,500.00",
        "  # Tiempo del documento (frecuencia: mensual) (hoja PEMC, renglón 5): Mensual",
        "  - id: A3", "    costo:",
        "  # Costo de A4 y A5 juntas, por repartir (hoja PEMC, renglón 6): $800",
        "  - id: A4", "    costo:",
        "  # Costo de A4 y A5 juntas, por repartir (hoja PEMC, renglón 7): $800",
        "  - id: A5", "    costo:",
        "  - id: A6", "    costo: 0",
        "  - id: A7", "    costo: 0"]
    # Lo planeado nunca pasa de lo que suma el documento ($4,800): solo lo que es de una acción.
    assert planeado(tmp_path / "ruta") == "1500.00"
    sin_errores(tmp_path / "ruta")


def test_un_costo_combinado_a_lo_alto_en_word(tmp_path):
    """En Word, la celda de costo combinada a lo alto (vMerge) es una sola para sus dos renglones;
    la de tiempos combinada igual sí vale para las dos."""
    import docx

    d = docx.Document()
    d.add_paragraph("Escuela Primaria Ignacio Zaragoza · CCT: 21DPR0487A · Ciclo escolar 2025-2026")
    t = d.add_table(rows=3, cols=4)
    for celda, texto in zip(t.rows[0].cells, ["Acción", "Responsable", "Costo", "Tiempo"]):
        celda.text = texto
    for fila, accion in zip(t.rows[1:], ["Recreo activo con juegos organizados", "Torneo de ajedrez"]):
        fila.cells[0].text, fila.cells[1].text = accion, "Director"
    t.cell(1, 2).text, t.cell(1, 3).text = "$2,000.00", "Enero a junio"
    t.cell(1, 2).merge(t.cell(2, 2))
    t.cell(1, 3).merge(t.cell(2, 3))
    d.save(tmp_path / "plan.docx")
    lineas = importar(tmp_path / "plan.docx", tmp_path / "ruta")
    assert "    A1 y A2 ← tabla 1, renglón 2: $2,000.00" in lineas
    texto = bloque(tmp_path / "ruta" / "acciones.yaml", "acciones")
    assert texto.count("    costo:\n") == 2 and texto.count("    inicio: 2026-01-01\n    fin: 2026-06-30") == 2
    assert planeado(tmp_path / "ruta") == "0.00"


# --- 2. Cada grupo que nombra el documento es su propia entrada ------------------------------------

def test_cada_grupo_es_su_propio_responsable(tmp_path):
    """«Docentes de matemáticas» no es «Docentes de español»; «Director y Orientación Educativa»
    son dos; lo que no es una función conocida queda como se escribió, en un comentario."""
    meta = "Aumentar de 35 % a 55 % los alumnos en nivel esperado de lectura para junio de 2026"
    documento = _pemc(tmp_path / "pemc.xlsx", [
        ["Aprovechamiento académico y asistencia de los alumnos", "Mejorar la comprensión lectora", meta,
         "Círculos de lectura semanales", "Docentes de español", "Septiembre a junio", "Sin costo"],
        [None, None, None, "Asesorías de matemáticas", "Docentes de matemáticas", "Noviembre a junio", 0],
        [None, None, None, "Exámenes diagnósticos", "Docente de Matemáticas", "Mensual", 0],
        [None, None, None, "Escuela para padres", "Director y Orientación Educativa", "Bimestral", 0],
        [None, None, None, "Visitas a las familias", "Directora y Trabajo Social", "Octubre", 0],
        [None, None, None, "Feria de ciencias", "Docentes de español y matemáticas", "Mayo", 0],
        [None, None, None, "Informe a la comunidad", "Comité de Planeación y Evaluación", "Junio", 0],
    ])
    lineas = importar(documento, tmp_path / "ruta")
    assert [renglon for renglon in lineas if renglon.startswith(("    colectivo", "    comunidad"))] == [
        "    colectivo DOC  ← responsables: Docentes de español",
        "    colectivo DOC2 ← responsables: Docentes de matemáticas",
        "    colectivo DIR  ← responsables: Director",
        "    colectivo ORI  ← responsables: Orientación Educativa",
        "    colectivo DOC3 ← responsables: Docentes de español y matemáticas"]
    assert "    acciones.yaml A5: Responsables sin función reconocida ← hoja PEMC, renglón 8: Trabajo Social" in lineas
    ruta = tmp_path / "ruta"
    assert bloque(ruta / "ruta.yaml", "colectivo") == "\n".join([
        "colectivo:",
        "  - {id: DOC, nombre: Docentes de español, funcion: docente}",
        "  - {id: DOC2, nombre: Docentes de matemáticas, funcion: docente}",
        "  - {id: DIR, nombre: Director, funcion: director}",
        "  - {id: ORI, nombre: Orientación Educativa, funcion: apoyo}",
        "  - {id: DOC3, nombre: Docentes de español y matemáticas, funcion: docente}"])
    acciones = [renglon for renglon in bloque(ruta / "acciones.yaml", "acciones").splitlines()
                if renglon.startswith(("    responsables", "  # Responsables"))]
    assert acciones == [
        "    responsables: [DOC]", "    responsables: [DOC2]", "    responsables: [DOC2]",
        "    responsables: [DIR, ORI]",
        "  # Responsables sin función reconocida (hoja PEMC, renglón 8): Trabajo Social",
        "    responsables: [DIR]", "    responsables: [DOC3]", "    responsables: [CPE]"]
    sin_errores(ruta)


# --- 3. Un encabezado mal escrito se reconoce, y el informe lo dice --------------------------------

def test_encabezado_con_una_letra_de_menos(tmp_path):
    """«Resposables» es «Responsables» (como `ruta validar` sugiere una clave); «Acciónes» y
    «Tiempo de realizacion» solo cambian en acentos y ya se reconocían: no se dicen."""
    import docx

    d = docx.Document()
    d.add_paragraph("Escuela Primaria Lázaro Cárdenas · CCT: 21DPR0487A · Ciclo escolar 2025-2026")
    encabezados = ["Acciónes", "Resposables", "Recursos", "Costo", "Tiempo de realizacion"]
    t = d.add_table(rows=3, cols=5)
    for fila, textos in zip(t.rows, [encabezados, ["Lectura diaria", "Docentes de aula", "Libros", "Sin costo",
                                                   "Todo el ciclo"], encabezados]):
        for celda, texto in zip(fila.cells, textos):
            celda.text = texto
    d.save(tmp_path / "plan.docx")
    lineas = importar(tmp_path / "plan.docx", tmp_path / "ruta")
    assert lineas[2:4] == [
        "  1 tabla de plan (1 encabezados repetidos saltados): 0 prioridades (prioridades.yaml), 0 objetivos "
        "(objetivos.yaml), 0 metas (metas.yaml), 1 acciones (acciones.yaml); 1 en colectivo y 0 en comunidad "
        "(ruta.yaml), por función.",
        "  Se leyó la columna «Resposables» como «Responsables» (tabla 1, renglón 1)."]
    assert bloque(tmp_path / "ruta" / "acciones.yaml", "acciones").splitlines()[:5] == [
        "acciones:", "  - id: A1", "    metas:", "    actividad: Lectura diaria", "    responsables: [DOC]"]
    r = correr("importar", "plan", tmp_path / "plan.docx", tmp_path / "json", "--fecha", FECHA, "--formato", "json")
    assert json.loads(r.output)["encabezados_parecidos"] == [
        {"columna": "Resposables", "como": "Responsables", "lugar": "tabla 1, renglón 1"}]


def test_que_encabezados_se_leen_como_parecidos():
    from rutamejora.intercambio.sinonimos import encabezado_parecido

    assert encabezado_parecido("Resposables") == ("responsables", "Responsables")
    assert encabezado_parecido("RESPONSABELS") == ("responsables", "Responsables")
    assert encabezado_parecido("Acividades a realizar") == ("accion", "Actividades a realizar")
    assert encabezado_parecido("Resposables de la acción") == ("responsables", "Responsables")
    # Una celda de datos que se parece un poco a un encabezado no es un encabezado.
    assert [encabezado_parecido(t) for t in ("Prefectos", "Docentes", "Mensual", "Ejo", "Libros")] == [None] * 5


# --- 4. La Ruta dice que salió de la importación y no agrega ciclos ---------------------------------

def test_procedencia_y_solo_los_ciclos_del_documento(tmp_path):
    """ruta.yaml no dice «La hizo `ruta nueva`» sino de qué documento y qué día (--fecha) salió.
    Un PEMC (de 2 a 4 ciclos) que nombra solo 2025-2026 no recibe 2026-2027: `ciclos:` queda por
    llenar y el informe lo dice; lo que sí se interpretó (el orden de los ámbitos) se lista."""
    meta = "Aumentar de 35 % a 55 % los alumnos en nivel esperado de lectura para junio de 2026"
    documento = _pemc(tmp_path / "pemc.xlsx", [
        ["Aprovechamiento académico y asistencia de los alumnos", "Mejorar la comprensión lectora", meta,
         "Círculos de lectura semanales", "Director", "Septiembre a junio", 0]])
    lineas = importar(documento, tmp_path / "ruta")
    ruta = (tmp_path / "ruta" / "ruta.yaml").read_text(encoding="utf-8")
    assert ruta.splitlines()[1:16] == [
        "# Programa Escolar de Mejora Continua, ciclo 2025-2026: Escuela Secundaria Técnica No. 12 (21EST0012Z).",
        "# ¿Quiénes somos? La escuela, el ciclo, el colectivo y los recursos.",
        "# Fases (pemc-2019): Diagnóstico → Planeación → Seguimiento → Evaluación.",
        "# La escribió `ruta importar plan` el 2025-09-01 desde «pemc.xlsx»: lo que el documento no dice",
        "# quedó por llenar.",
        "# Antes de cada sesión del CTE: `ruta validar` dice qué está mal y qué falta por llenar.",
        "version: 1",
        "marco: pemc-2019",
        "ciclo: 2025-2026",
        "",
        "# El PEMC abarca de 2 a 4 ciclos: los que abarca esta Ruta, en orden (otro número:",
        "# `ruta nueva --ciclos N`). `ciclo` es el que está en curso y cada meta dice su `ciclo`.",
        "# Por llenar: el documento nombra solo el ciclo 2025-2026; escribe los que decidió el CTE, p.",
        "# ej. [2025-2026, 2026-2027].",
        "ciclos:"]
    # Ningún otro archivo habla del ciclo que nadie nombró.
    for archivo in sorted((tmp_path / "ruta").glob("*.yaml")):
        texto = archivo.read_text(encoding="utf-8")
        assert "2026-2027" not in texto.replace("# ej. [2025-2026, 2026-2027].", ""), archivo.name
    assert "ruta nueva`." not in ruta
    inicio = lineas.index("  Interpretado (8):")
    assert lineas[inicio + 1:inicio + 4] == [
        "    prioridades.yaml P1: ambito aprovechamiento-asistencia",
        "    prioridades.yaml P1.orden: 1 (su lugar en el documento)",
        "    diagnostico.yaml N1: la necesidad que atiende P1 (su texto)"]
    assert "    ruta.yaml ciclos: 1" in lineas
    r = correr("validar", tmp_path / "ruta", "--fecha", FECHA)
    assert r.exit_code == 0 and "RM121  El PEMC abarca de 2 a 4 ciclos y la Ruta no dice cuáles." in r.output


def test_sin_fecha_la_procedencia_dice_hoy(tmp_path):
    from datetime import date

    documento = _pemc(tmp_path / "pemc.xlsx", [
        ["Participación de la comunidad", "Involucrar a las familias", "Lograr que 60% de las familias asistan",
         "Escuela para padres", "Director", "Bimestral", 0]])
    r = correr("importar", "plan", documento, tmp_path / "ruta", "--ciclo", "2024-2026")
    assert r.exit_code in (0, 1), r.output
    ruta = (tmp_path / "ruta" / "ruta.yaml").read_text(encoding="utf-8")
    assert f"# La escribió `ruta importar plan` el {date.today().isoformat()} desde «pemc.xlsx»" in ruta
    # «--ciclo 2024-2026» sí dice dos ciclos: se escriben.
    assert "\nciclos: [2024-2025, 2025-2026]\n" in ruta
