"""`ruta importar plan` en la línea de comandos: informe, JSON, opciones, errores de uso."""

from __future__ import annotations

import json
import zipfile

from typer.testing import CliRunner

from rutamejora.commands import app
from pathlib import Path

from ruamel.yaml import YAML

DATOS = Path(__file__).resolve().parents[1] / "datos" / "importar"


def leer_yaml(ruta: Path):
    return YAML(typ="safe").load(ruta.read_text(encoding="utf-8"))

runner = CliRunner()
ENTORNO = {"COLUMNS": "200"}


def correr(*args):
    return runner.invoke(app, ["importar", "plan", *map(str, args)], env=ENTORNO)


def test_informe_en_la_terminal(tmp_path):
    r = correr(DATOS / "rme-acciones.docx", tmp_path / "ruta", "--fecha", "2025-10-01")
    assert r.exit_code == 0, r.output
    lineas = r.output.splitlines()
    assert lineas[0] == (f"Ruta importada en {tmp_path / 'ruta'} desde rme-acciones.docx "
                         "(marco rme-2014, por el texto del documento (párrafo 1)).")
    assert ("  2 tablas de plan (1 encabezados repetidos saltados): 2 prioridades (prioridades.yaml), "
            "2 objetivos (objetivos.yaml), 2 metas (metas.yaml), 5 acciones (acciones.yaml); 5 en "
            "colectivo y 1 en comunidad (ruta.yaml), por función.") in lineas
    assert "    acciones.yaml A3: «Diciembre a marzo y marzo a junio» → 2025-12-01 a 2026-03-31, " \
           "2026-03-01 a 2026-06-30" in lineas
    assert "    acciones.yaml A2.costo: 60 por semana × 13 semanas (de sus tiempos)" in lineas
    assert "    objetivos.yaml para_que: 1" in lineas
    assert "    ruta.yaml texto suelto ← párrafo 13: Elaboró: Director de la escuela" in lineas
    assert lineas[-1] == "`ruta validar`: 0 errores y 14 avisos."
    # Y `ruta validar` dice lo mismo: ningún error.
    v = runner.invoke(app, ["validar", str(tmp_path / "ruta"), "--fecha", "2025-10-01"], env=ENTORNO)
    resumen = v.output.strip().splitlines()[-1]
    assert v.exit_code == 0 and resumen.startswith("0 errores") and "14 avisos" in resumen


def test_formato_json(tmp_path):
    r = correr(DATOS / "pmc-problematicas.xlsx", tmp_path / "ruta", "--formato", "json", "--fecha", "2025-10-01")
    assert r.exit_code == 0, r.output
    datos = json.loads(r.output)
    assert datos["marco"] == {"clave": "pmc-2024", "de": "el texto del documento (hoja Plan, renglón 1)"}
    assert datos["escuela"]["cct"] == {"valor": "09DPR0133E", "de": "el documento (hoja Plan, renglón 3)"}
    assert datos["cuentas"]["acciones"] == 5 and datos["validacion"]["errores"] == 0
    assert datos["comentarios"][0] == {"archivo": "acciones.yaml", "que": "A1: Seguimiento",
                                       "lugar": "hoja Plan, renglón 6",
                                       "texto": "Registro mensual de lectura en la sesión de CTE"}
    assert {"archivo": "metas.yaml", "que": "M1.linea_base", "lugar": "hoja Plan, renglón 6"} in datos["por_llenar"]


def test_las_opciones_mandan_sobre_el_documento(tmp_path):
    r = correr(DATOS / "rme-acciones.docx", tmp_path / "ruta", "--nombre", "Primaria Revolución",
               "--cct", "14DPR0100Z", "--ciclo", "2024-2025", "--fecha", "2024-10-01")
    assert r.exit_code == 0, r.output
    ruta = leer_yaml(tmp_path / "ruta" / "ruta.yaml")
    assert (ruta["escuela"]["nombre"], ruta["escuela"]["cct"], ruta["ciclo"]) == (
        "Primaria Revolución", "14DPR0100Z", "2024-2025")
    assert "Escuela: nombre Primaria Revolución (--nombre); cct 14DPR0100Z (--cct); " \
           "ciclo 2024-2025 (--ciclo);" in r.output
    acciones = leer_yaml(tmp_path / "ruta" / "acciones.yaml")["acciones"]
    assert str(acciones[1]["inicio"]) == "2024-09-01"   # «septiembre» es del ciclo dado


def test_nunca_sobrescribe_sin_forzar(tmp_path):
    destino = tmp_path / "ruta"
    assert correr(DATOS / "rme-acciones.docx", destino).exit_code == 0
    (destino / "metas.yaml").write_text("# a mano\nmetas: []\n", encoding="utf-8")
    r = correr(DATOS / "pmc-problematicas.xlsx", destino)
    assert r.exit_code == 2
    assert r.output == f"ruta: la carpeta {destino} ya tiene archivos; para reemplazar la Ruta que haya usa --forzar.\n"
    assert (destino / "metas.yaml").read_text(encoding="utf-8") == "# a mano\nmetas: []\n"
    r = correr(DATOS / "pmc-problematicas.xlsx", destino, "--forzar")
    assert r.exit_code == 0 and leer_yaml(destino / "ruta.yaml")["marco"] == "pmc-2024"


def test_faltan_datos_de_la_escuela(tmp_path):
    import docx

    d = docx.Document()
    t = d.add_table(rows=2, cols=3)
    for celda, texto in zip(t.rows[0].cells, ["Acción", "Responsable", "Tiempo"]):
        celda.text = texto
    for celda, texto in zip(t.rows[1].cells, ["Lectura diaria", "Docentes", "Todo el ciclo"]):
        celda.text = texto
    d.save(tmp_path / "plan.docx")
    r = correr(tmp_path / "plan.docx", tmp_path / "ruta")
    assert (r.exit_code, r.output) == (2, "ruta: el documento no dice nombre, cct, ciclo de la escuela: dalos "
                                          "con --nombre, --cct, --ciclo.\n")
    assert not (tmp_path / "ruta").exists()
    r = correr(tmp_path / "plan.docx", tmp_path / "ruta", "--nombre", "Primaria", "--cct", "21DPR0487B",
               "--ciclo", "2025-2026")
    assert r.exit_code == 2
    assert r.output.startswith("ruta: la CCT «21DPR0487B» no es válida") and "¿Quisiste decir 21DPR0487A?" in r.output
    r = correr(tmp_path / "plan.docx", tmp_path / "ruta", "--nombre", "Primaria", "--cct", "21DPR0487A",
               "--ciclo", "2025-2026", "--fecha", "2025-10-01")
    assert r.exit_code == 0, r.output
    # Sin marco en el documento ni --marco: el de sus columnas (Acción, Responsable, Tiempo).
    assert "(marco rme-2014, por las columnas de la tabla)" in r.output


def test_documentos_que_no_se_pueden_importar(tmp_path):
    falso = tmp_path / "plan.docx"
    falso.write_text("no soy un docx", encoding="utf-8")
    r = correr(falso, tmp_path / "ruta")
    assert (r.exit_code, r.output) == (2, f"ruta: {falso}: no se pudo leer como documento de Word (.docx): "
                                          "no es un archivo .docx (un .docx es un zip por dentro; "
                                          "¿es otro archivo renombrado o está dañado?). Ábrelo en Word o "
                                          "LibreOffice y guárdalo otra vez como .docx.\n")
    r = correr(tmp_path / "plan.doc", tmp_path / "ruta")
    assert (r.exit_code, r.output) == (2, f"ruta: no existe el archivo {tmp_path / 'plan.doc'}.\n")
    (tmp_path / "plan.doc").write_bytes(b"\xd0\xcf\x11\xe0")
    r = correr(tmp_path / "plan.doc", tmp_path / "ruta")
    assert r.exit_code == 2 and "guárdalo como .docx" in r.output
    vacio = tmp_path / "vacio.xlsx"
    import openpyxl

    libro = openpyxl.Workbook()
    libro.active.append(["Lista de útiles"])
    libro.save(vacio)
    r = correr(vacio, tmp_path / "ruta")
    assert r.exit_code == 2 and r.output.startswith(f"ruta: {vacio}: no se reconoció ninguna tabla de plan.")
    roto = tmp_path / "roto.xlsx"
    with zipfile.ZipFile(roto, "w") as z:
        z.writestr("x.txt", "nada")
    r = correr(roto, tmp_path / "ruta")
    assert r.exit_code == 2 and r.output.startswith(f"ruta: {roto}: no se pudo leer como libro de Excel (.xlsx):")
    assert not (tmp_path / "ruta").exists()


def test_ayuda():
    r = runner.invoke(app, ["importar", "--help"], env=ENTORNO)
    assert r.exit_code == 0 and "plan" in r.output
    r = runner.invoke(app, ["importar", "plan", "--help"], env=ENTORNO)
    assert r.exit_code == 0
    assert "Escribe una Ruta desde las tablas de un plan de Word (.docx) o Excel (.xlsx)." in r.output
    assert "--forzar" in r.output and "--formato" in r.output


def test_varias_acciones_en_una_celda_con_sus_tiempos(tmp_path):
    """Una celda con dos acciones y otra con dos tiempos: uno para cada una. Una prioridad en un
    renglón combinado a lo ancho dentro de la tabla y responsables con viñetas."""
    import docx

    d = docx.Document()
    d.add_paragraph("Escuela Primaria Ignacio Zaragoza · CCT: 21DPR0487A · Ciclo escolar 2025-2026")
    t = d.add_table(rows=4, cols=4)
    for celda, texto in zip(t.rows[0].cells, ["Actividades", "Responsables", "Costo", "Fechas"]):
        celda.text = texto
    fila = t.rows[1].cells
    fila[0].merge(fila[3])
    fila[0].text = "PRIORIDAD: Rezago y abandono escolar"
    valores = ["• Visitas a domicilio\n• Reunión con familias", "• Directora\n• Trabajo social",
               "$100\n$250", "Octubre\nEnero"]
    for celda, texto in zip(t.rows[2].cells, valores):
        celda.text = texto
    d.save(tmp_path / "plan.docx")
    r = correr(tmp_path / "plan.docx", tmp_path / "ruta", "--fecha", "2025-10-01")
    assert r.exit_code == 0, r.output
    prioridades = leer_yaml(tmp_path / "ruta" / "prioridades.yaml")["prioridades"]
    assert [p["prioridad"] for p in prioridades] == ["rezago-abandono"]
    acciones = leer_yaml(tmp_path / "ruta" / "acciones.yaml")["acciones"]
    assert [(a["actividad"], a["responsables"], a["costo"], str(a["inicio"]), str(a["fin"])) for a in acciones] == [
        ("Visitas a domicilio", ["DIR"], 100, "2025-10-01", "2025-10-31"),
        ("Reunión con familias", ["DIR"], 250, "2026-01-01", "2026-01-31")]
    # «Trabajo social» no es una función del colectivo: comentario junto a cada acción.
    assert "  # Responsables sin función reconocida (tabla 1, renglón 3): Trabajo social\n  - id: A1\n" in \
        (tmp_path / "ruta" / "acciones.yaml").read_text(encoding="utf-8")


def test_datos_de_la_escuela_en_dos_celdas(tmp_path):
    """«Nombre de la escuela | …» y «CCT | …» sin dos puntos, cada valor en la celda de junto."""
    import openpyxl

    libro = openpyxl.Workbook()
    hoja = libro.active
    hoja.append(["Nombre de la escuela", "Escuela Primaria Josefa Ortiz"])
    hoja.append(["CCT", "21DPR0487A", "Ciclo escolar", "2025-2026"])
    hoja.append(["Acción", "Responsable", "Tiempo"])
    hoja.append(["Lectura diaria", "Docentes", "Todo el ciclo"])
    libro.save(tmp_path / "plan.xlsx")
    r = correr(tmp_path / "plan.xlsx", tmp_path / "ruta", "--fecha", "2025-10-01")
    assert r.exit_code == 0, r.output
    assert ("  Escuela: nombre Escuela Primaria Josefa Ortiz (el documento (hoja Sheet, renglón 1)); "
            "cct 21DPR0487A (el documento (hoja Sheet, renglón 2)); ciclo 2025-2026 (el documento "
            "(hoja Sheet, renglón 2)).") in r.output.splitlines()


def test_el_informe_de_la_importacion_no_cita_datos_personales(tmp_path):
    """El informe citaba tal cual las celdas que interpretó («Tiempo»), el texto de lo ubicado,
    el nombre de la hoja y el del archivo: un nombre y un teléfono escritos ahí salían en claro."""
    import docx

    d = docx.Document()
    d.add_paragraph("Escuela Primaria Ignacio Zaragoza · CCT: 21DPR0487A · Ciclo escolar 2025-2026")
    d.add_paragraph("Prioridad: Mejora de los aprendizajes (sobre todo Kevin Pérez Soto, CURP PESK150101HPLRTVA2)")
    t = d.add_table(rows=2, cols=4)
    for celda, texto in zip(t.rows[0].cells, ["Actividades", "Responsables", "Costo", "Fechas"]):
        celda.text = texto
    for celda, texto in zip(t.rows[1].cells, ["Círculo de lectura", "Directora",
                                               "$1,200.00 (lo paga la mamá de Kevin, 5548129037)",
                                               "Septiembre a noviembre, con Yahir Sánchez cel 2223145587"]):
        celda.text = texto
    archivo = tmp_path / "plan Brayan Hernández 2223145587.docx"
    d.save(archivo)
    for formato in ("texto", "json"):
        r = correr(archivo, tmp_path / f"ruta-{formato}", "--fecha", "2025-10-01", "--formato", formato)
        assert r.exit_code in (0, 1), r.output
        for dato in ("Pérez Soto", "PESK150101", "5548129037", "2223145587", "Yahir Sánchez",
                     "Brayan Hernández"):
            assert dato not in r.output, (formato, dato)
    acciones = leer_yaml(tmp_path / "ruta-texto" / "acciones.yaml")["acciones"]
    assert acciones[0]["costo"] == 1200  # el teléfono no se suma al costo
