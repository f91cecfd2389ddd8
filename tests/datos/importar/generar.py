"""Genera los documentos de prueba de `ruta importar plan` (tests/datos/importar/).

Son planes como los escriben las escuelas, en los formatos de los tres marcos, con lo incómodo
de verdad: celdas combinadas, celdas con varios renglones y viñetas, encabezados repetidos
(Word los repite en cada página), renglones vacíos, texto antes y después de las tablas,
columnas que el formato no tiene. Textos inventados: ninguna escuela ni persona real. Uno
(``pemc-datos-personales.docx``) planta a propósito el nombre de una alumna y un teléfono para
probar el enmascarado.

    python tests/datos/importar/generar.py          # python-docx y openpyxl
    python tests/datos/importar/generar.py --libreoffice   # además, los guardados por LibreOffice
    python tests/datos/importar/generar.py --imagenes      # las imágenes de docs/importar-exportar.md

Los archivos se comitean: las pruebas y la CI no necesitan LibreOffice. Los de LibreOffice
(``lo-*.docx``, ``lo-*.xlsx``) se hacen pasando los de python-docx y openpyxl por ODF y de
vuelta con ``soffice --headless --convert-to``: el XML final es el que escribe LibreOffice.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

AQUI = Path(__file__).resolve().parent


# --- Word ------------------------------------------------------------------------------------

def _documento():
    import docx

    d = docx.Document()
    # Fecha fija en las propiedades: el archivo generado no cambia de una vez a otra sin motivo.
    from datetime import datetime
    d.core_properties.created = d.core_properties.modified = datetime(2025, 8, 20)
    d.core_properties.author = "Generador de pruebas"
    return d


def _tabla(d, encabezados, filas):
    t = d.add_table(rows=1, cols=len(encabezados))
    t.style = "Table Grid"
    for celda, texto in zip(t.rows[0].cells, encabezados):
        celda.text = texto
    for fila in filas:
        celdas = t.add_row().cells
        for celda, texto in zip(celdas, fila):
            if texto is None:
                continue
            renglones = texto.split("\n")
            celda.text = renglones[0]
            for r in renglones[1:]:
                celda.add_paragraph(r)
    return t


def _combinar_abajo(t, columna, desde, hasta):
    """Combina a lo alto las celdas de ``columna`` de los renglones ``desde``..``hasta``."""
    t.cell(desde, columna).merge(t.cell(hasta, columna))


def rme_docx():
    d = _documento()
    d.add_heading("Ruta de Mejora Escolar", level=1)
    d.add_paragraph("Escuela Primaria «Niños Héroes»")
    d.add_paragraph("CCT: 21DPR0487A        Turno: Matutino        Zona escolar: 045")
    d.add_paragraph("Ciclo escolar 2025-2026")
    d.add_paragraph("Diagnóstico: en la evaluación diagnóstica de septiembre, 46 de cada 100 alumnos de "
                    "3° a 6° leen con fluidez y comprensión del nivel esperado.")
    d.add_paragraph("Prioridad: Mejora de los aprendizajes")
    d.add_paragraph("Objetivo: Fortalecer la comprensión lectora de los alumnos de 1° a 6° "
                    "para que comprendan lo que leen en todos los campos formativos.")
    d.add_paragraph("Meta: Aumentar de 46 % a 60 % los alumnos de 3° a 6° en nivel esperado de "
                    "comprensión lectora al término del ciclo escolar.")
    encabezados = ["Acción", "Responsable(s)", "Recursos", "Costos", "Tiempo"]
    _tabla(d, encabezados, [
        ["Lectura diaria de 20 minutos al iniciar la jornada, con registro por grupo.",
         "Docentes de aula", "• Libros de la biblioteca de aula\n• Formato de registro", "Sin costo",
         "Todo el ciclo"],
        ["", "", "", "", ""],
        ["Círculo de lectura con padres de familia los viernes.", "Director y padres de familia",
         "Café y galletas para las sesiones", "$60 semanales", "Septiembre a noviembre"],
        encabezados,  # Word repite el encabezado al cambiar de página
        ["Compra de acervo para las bibliotecas de aula.", "Director 1°–3°",
         "Cuotas voluntarias", "$1,200.00", "Diciembre a marzo y marzo a junio"],
    ])
    d.add_paragraph("")
    d.add_paragraph("Prioridad: Convivencia escolar")
    d.add_paragraph("Objetivo: Favorecer una convivencia pacífica en el recreo mediante juegos organizados.")
    d.add_paragraph("Meta: Reducir del 12 % al 5 % los reportes de conflictos en el recreo para junio de 2026.")
    _tabla(d, encabezados, [
        ["Recreos con juegos organizados por grado.", "Docente de educación física, USAER",
         "Material deportivo", "$2,500", "Mensual"],
        ["Asamblea escolar sobre acuerdos de convivencia.", "Subdirectora", "Ninguno", "0",
         "Cada sesión de CTE"],
    ])
    d.add_paragraph("Elaboró: Director de la escuela")
    d.add_paragraph("Vo. Bo. Supervisión escolar")
    d.save(AQUI / "rme-acciones.docx")


def pemc_docx(nombre="pemc-ambitos.docx", con_datos_personales=False):
    d = _documento()
    d.add_paragraph("PROGRAMA ESCOLAR DE MEJORA CONTINUA")
    d.add_paragraph("Escuela Secundaria Técnica No. 12")
    d.add_paragraph("CCT: 21EST0012Z")
    d.add_paragraph("Ciclos escolares 2024-2026")
    encabezados = ["Ámbito", "Objetivo", "Meta", "Acciones", "Responsables", "Periodo", "Observaciones"]
    tutoria = ("Tutoría semanal a la alumna Ximena Torres Aguilar de 2°B; avisar a su mamá al 222 123 4567"
               if con_datos_personales else "Tutoría semanal a los alumnos con inasistencias de 2°B")
    filas = [
        ["Aprovechamiento académico y asistencia de los alumnos",
         "Disminuir el ausentismo en los tres grados para que los alumnos concluyan el ciclo.",
         "Reducir del 9 % al 5 % el ausentismo mensual al final del ciclo 2024-2025.",
         "1. Registro diario de asistencia por grupo\n2. Llamadas a las familias al tercer día de falta",
         "Docentes tutores", "Septiembre a junio", "Con apoyo de trabajo social"],
        [None, None, None, tutoria, "Docentes tutores y USAER", "Octubre a diciembre", ""],
        ["", "", "", "", "", "", ""],
        encabezados,
        ["Formación docente",
         "Fortalecer la planeación didáctica por proyectos para mejorar la enseñanza.",
         "Que el 90 % de los docentes planee por proyectos en diciembre.",
         "Taller de planeación por proyectos en CTE\nRevisión de planeaciones entre pares",
         "Director 1°–3°", "Diciembre a marzo y marzo a junio", ""],
        [None, None, None, "Observación de clase entre colegas", "Subdirector", "Mensual", ""],
    ]
    t = _tabla(d, encabezados, filas)
    for columna in (0, 1, 2):
        _combinar_abajo(t, columna, 1, 2)  # el ámbito, su objetivo y su meta abarcan sus renglones
        _combinar_abajo(t, columna, 5, 6)
    d.add_paragraph("Vo. Bo. Supervisor de zona")
    d.save(AQUI / nombre)


# --- Excel -----------------------------------------------------------------------------------

def _libro():
    import openpyxl
    from datetime import datetime

    libro = openpyxl.Workbook()
    libro.properties.created = libro.properties.modified = datetime(2025, 8, 20)
    libro.properties.creator = "Generador de pruebas"
    return libro


def pmc_xlsx():
    from openpyxl.styles import Alignment

    libro = _libro()
    hoja = libro.active
    hoja.title = "Plan"
    hoja.append(["Proceso de Mejora Continua"])
    hoja.merge_cells("A1:H1")
    hoja.append(["Nombre de la escuela:", "Escuela Primaria Benito Juárez"])
    hoja.append(["CCT:", "09DPR0133E", None, "Ciclo escolar:", "2025-2026"])
    hoja.append([])
    encabezados = ["Problemática", "Objetivo", "Meta", "Indicador", "Acciones", "Responsables",
                   "Tiempo", "¿Cómo estamos avanzando?"]
    hoja.append(encabezados)
    filas = [
        ["Bajo nivel de comprensión lectora en 3° y 4°",
         "Mejorar la comprensión lectora de los alumnos de 3° y 4° para que aprendan en todos los campos.",
         "Que el 75 % de los alumnos de 3° y 4° alcance el nivel esperado en comprensión lectora al término del ciclo escolar.",
         "Alumnos en nivel esperado / alumnos evaluados x 100",
         "- Lectura en voz alta diaria\n- Club de lectura los viernes", "Docentes de aula",
         "Septiembre a junio", "Registro mensual de lectura en la sesión de CTE"],
        [None, None, None, None, "Préstamo de libros a domicilio", "Docentes de aula, padres de familia",
         "Todo el ciclo", "Bitácora de préstamos"],
        [],
        ["Inasistencia frecuente de alumnos",
         "Reducir la inasistencia de los alumnos para que no pierdan aprendizajes.",
         "Reducir del 10 % al 6 % la inasistencia mensual en diciembre de 2025.",
         "Faltas del mes / días hábiles x alumnos x 100",
         "Seguimiento a las faltas con las familias", "Director, Comité de Planeación y Evaluación",
         None, "Lista de asistencia y citatorios"],
        [None, None, None, None, "Reconocimiento mensual al grupo con mejor asistencia", "Directora",
         "Mensual", ""],
    ]
    for fila in filas:
        hoja.append(fila)
    # Las fechas como fechas de Excel en una acción (así las escribe quien usa el calendario).
    hoja["G9"] = "Del 01/09/2025 al 30/11/2025"
    hoja.merge_cells("A6:A7")
    hoja.merge_cells("B6:B7")
    hoja.merge_cells("C6:C7")
    hoja.merge_cells("D6:D7")
    hoja.merge_cells("A9:A10")
    hoja.merge_cells("B9:B10")
    hoja.merge_cells("C9:C10")
    hoja.merge_cells("D9:D10")
    for fila in hoja.iter_rows(min_row=5):
        for celda in fila:
            celda.alignment = Alignment(wrap_text=True, vertical="top")
    hoja.append([])
    hoja.append(["Elaboró: Comité de Planeación y Evaluación"])
    libro.save(AQUI / "pmc-problematicas.xlsx")


def rme_xlsx():
    libro = _libro()
    hoja = libro.active
    hoja.title = "Ruta"
    hoja.append(["RUTA DE MEJORA ESCOLAR 2025-2026"])
    hoja.merge_cells("A1:E1")
    hoja.append(["Jardín de Niños «Rosario Castellanos»"])
    hoja.append(["C.C.T.", "15EJN0456F"])
    hoja.append([])
    hoja.append(["Actividades", "Responsables", "Recursos", "Costo", "Periodo"])
    hoja.append(["Prioridad: Normalidad mínima de operación escolar"])
    hoja.merge_cells("A6:E6")
    hoja.append(["Registro de puntualidad a la entrada", "Directora", "Libreta de registro", 0, "Todo el ciclo"])
    hoja.append(["Pase de lista con canto de bienvenida", "Educadoras", "Bocina", 850.5, "Septiembre"])
    hoja.append(["Prioridad: Mejora de los aprendizajes"])
    hoja.merge_cells("A9:E9")
    hoja.append(["Rincón de lectura en cada aula", "Educadoras", "Cuentos\nCojines\nAlfombra",
                 "$300 mensuales", "Octubre a febrero"])
    hoja.append(["Feria de matemáticas con familias", "Educadoras y APF", "Material de conteo",
                 "Por definir", "Marzo"])
    libro.save(AQUI / "rme-preescolar.xlsx")


# --- LibreOffice -----------------------------------------------------------------------------

def por_libreoffice(origen: str, destino: str, intermedio: str, final: str) -> None:
    """``origen`` → ODF → ``destino``, con LibreOffice (el XML de ``destino`` es suyo)."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        sys.exit("Falta LibreOffice (soffice): apt-get install libreoffice-writer-nogui libreoffice-calc-nogui")
    with tempfile.TemporaryDirectory() as tmp:
        perfil = Path(tmp) / "perfil"
        base = [soffice, f"-env:UserInstallation=file://{perfil}", "--headless", "--convert-to"]
        subprocess.run(base + [intermedio, "--outdir", tmp, str(AQUI / origen)], check=True,
                       capture_output=True)
        odf = Path(tmp) / (Path(origen).stem + "." + intermedio)
        subprocess.run(base + [final, "--outdir", tmp, str(odf)], check=True, capture_output=True)
        shutil.move(str(Path(tmp) / (Path(origen).stem + "." + final.split(":")[0])), AQUI / destino)


def _para_imprimir(hoja) -> None:
    """Columnas anchas, renglones tan altos como su texto y la cuadrícula visible (solo en la
    copia que se imprime para la imagen; el documento de prueba queda como está)."""
    from openpyxl.styles import Alignment, Border, Side

    linea = Side(style="thin", color="888888")
    for columna in "ABCDEFGH":
        hoja.column_dimensions[columna].width = 26
    for fila in hoja.iter_rows():
        renglones = 1
        for celda in fila:
            if celda.value is None:
                continue
            texto = str(celda.value)
            renglones = max(renglones, sum(1 + len(r) // 26 for r in texto.split("\n")))
            celda.alignment = Alignment(wrap_text=True, vertical="top")
            celda.border = Border(left=linea, right=linea, top=linea, bottom=linea)
        hoja.row_dimensions[fila[0].row].height = 15 * renglones


def imagenes() -> None:
    """Las imágenes de las tablas fuente para docs/importar-exportar.md (docs/img/importar-*.png):
    LibreOffice → PDF → pdftoppm → PNG, recortada con ImageMagick (``convert -trim``)."""
    import openpyxl

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None or shutil.which("pdftoppm") is None or shutil.which("convert") is None:
        sys.exit("Faltan LibreOffice (soffice), poppler-utils (pdftoppm) o ImageMagick (convert).")
    salida = AQUI.parents[2] / "docs" / "img"
    salida.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for nombre in ("rme-acciones.docx", "pemc-ambitos.docx", "pmc-problematicas.xlsx", "rme-preescolar.xlsx"):
            origen = Path(tmp) / nombre
            shutil.copy(AQUI / nombre, origen)
            if origen.suffix == ".xlsx":  # una hoja a lo ancho de una página, para verla entera
                libro = openpyxl.load_workbook(origen)
                for hoja in libro.worksheets:
                    hoja.page_setup.orientation = "landscape"
                    hoja.sheet_properties.pageSetUpPr.fitToPage = True
                    hoja.page_setup.fitToWidth, hoja.page_setup.fitToHeight = 1, 0
                    _para_imprimir(hoja)
                libro.save(origen)
            subprocess.run([soffice, f"-env:UserInstallation=file://{tmp}/perfil", "--headless",
                            "--convert-to", "pdf", "--outdir", tmp, str(origen)], check=True, capture_output=True)
            pdf = origen.with_suffix(".pdf")
            subprocess.run(["pdftoppm", "-png", "-r", "96" if origen.suffix == ".xlsx" else "80", "-f", "1", "-l", "1", "-singlefile", str(pdf),
                            str(Path(tmp) / origen.stem)], check=True)
            png = salida / f"importar-{origen.stem}.png"
            subprocess.run(["convert", str(Path(tmp) / f"{origen.stem}.png"), "-trim", "+repage",
                            "-bordercolor", "white", "-border", "12", "-strip", str(png)], check=True)


def main() -> None:
    if "--imagenes" in sys.argv:
        imagenes()
        return
    rme_docx()
    pemc_docx()
    pemc_docx("pemc-datos-personales.docx", con_datos_personales=True)
    pmc_xlsx()
    rme_xlsx()
    if "--libreoffice" in sys.argv:
        por_libreoffice("pemc-ambitos.docx", "lo-pemc-ambitos.docx", "odt", "docx:MS Word 2007 XML")
        por_libreoffice("pmc-problematicas.xlsx", "lo-pmc-problematicas.xlsx", "ods", "xlsx:Calc MS Excel 2007 XML")


if __name__ == "__main__":
    main()
