"""``ruta importar resultados`` y ``bitacora agregar --hoja``: hojas de alumnos como conteos, nunca nombres.

Las hojas se arman como las exportan SisAT y control escolar (título y renglones antes de los
encabezados, celdas combinadas, encabezados en dos filas, acentos y mayúsculas distintos, un CSV
de Excel en Windows-1252 con punto y coma) y llevan nombres y CURP de alumnos plantados: después
se busca cada uno en cada archivo de la Ruta y en la salida.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.intercambio.diagnostico import injertar_resultados

RAIZ = Path(__file__).resolve().parents[2]
PRIMARIA = RAIZ / "ejemplos" / "primaria-2025-2026"
PEMC = RAIZ / "ejemplos" / "pemc-secundaria-2024-2026"
runner = CliRunner()

ALUMNOS = [  # nombre, CURP, grado, nivel (escrito con mayúsculas y acentos distintos)
    ("Juan Pérez López", "PELJ150304HPLRPN09", "3°", "Esperado"),
    ("María Fernanda Ruiz Soto", "RUSM150506MPLZTR02", "3°", "En desarrollo"),
    ("Pedro Gómez Díaz", "GODP151111HPLMZD05", "3°", "Requiere apoyo"),
    ("Ximena Arellano Tapia", "AETX150202MPLRPM03", "3°", "esperado"),
    ("Ana Torres Vega", "TOVA140101MPLRGN07", "4°", "ESPERADO"),
    ("Luis Hernández Cruz", "HECL140909HPLRRS01", "4°", "Requiere Apoyo"),
    ("Sofía Castañeda Ibarra", "CAIS140707MPLSBF04", "4°", "Esperado"),
    ("Diego Salazar Núñez", "SAND141212HPLLXG06", "4°", "Esperado"),
]
PLANTADOS = [x for a in ALUMNOS for x in (a[0], a[1])] + ["Pérez López", "Castañeda", "PELJ150304"]
AVISO = ("De la hoja solo se leyeron las columnas pedidas: no se escribió ningún nombre, CURP ni "
         "otro dato de los alumnos, solo conteos y porcentajes.")


def hoja_sisat(destino: Path, alumnos=ALUMNOS) -> Path:
    """Un libro como el de SisAT: título combinado, encabezados en las filas 3 y 4 («Lectura»
    combinada sobre «Nivel» y «Puntos», «Escritura» sobre otro «Nivel»), el grado combinado
    para todo su grupo, un renglón en blanco, un alumno sin nivel y el encabezado repetido."""
    from openpyxl import Workbook

    libro = Workbook()
    h = libro.active
    h.title = "Reporte"
    h["A1"] = "Escuela Primaria Carmen Serdán Alatriste — SisAT junio 2025"
    h.merge_cells("A1:G1")
    for celda, texto in (("A3", "Nombre del alumno"), ("B3", "CURP"), ("C3", "GRADO"),
                         ("D3", "Lectura"), ("F3", "Escritura")):
        h[celda] = texto
    for rango in ("A3:A4", "B3:B4", "C3:C4", "D3:E3", "F3:G3"):
        h.merge_cells(rango)
    h["D4"], h["E4"], h["F4"], h["G4"] = "Nivel", "Puntos", "Nivel", "Puntos"
    fila = 5
    for grado in ("3°", "4°"):
        del_grado = [a for a in alumnos if a[2] == grado]
        inicio = fila
        for nombre, curp, _, nivel in del_grado:
            h.cell(fila, 1, nombre), h.cell(fila, 2, curp), h.cell(fila, 4, nivel)
            h.cell(fila, 5, 7), h.cell(fila, 6, "Esperado"), h.cell(fila, 7, 8)
            fila += 1
        h.cell(inicio, 3, grado)
        h.merge_cells(start_row=inicio, start_column=3, end_row=fila - 1, end_column=3)
        fila += 1                                 # renglón en blanco entre grupos
    h.cell(fila, 1, "Renata Olvera Paz"), h.cell(fila, 2, "OEPR150808MPLLZN08"), h.cell(fila, 3, "4°")
    for c, texto in enumerate(("Nombre del alumno", "CURP", "GRADO", "Nivel"), 1):
        h.cell(fila + 1, c, texto)                # el encabezado repetido de la página siguiente
    libro.save(destino)
    return destino


def hoja_csv(destino: Path) -> Path:
    """Un CSV de control escolar guardado por Excel en español: Windows-1252 y punto y coma."""
    lineas = ["Control escolar;;;", "Alumno;CURP;Grupo;Nivel de lectura"]
    lineas += [f"{n};{c};{g} A;{v}" for n, c, g, v in ALUMNOS]
    destino.write_bytes(("\r\n".join(lineas) + "\r\n").encode("cp1252"))
    return destino


@pytest.fixture
def ruta(tmp_path):
    copia = tmp_path / "ruta"
    shutil.copytree(PRIMARIA, copia)
    return copia


def sin_plantados(textos: dict) -> None:
    for donde, texto in textos.items():
        for dato in PLANTADOS:
            assert dato.lower() not in texto.lower(), f"{dato!r} en {donde}"


def archivos_de(carpeta: Path) -> dict:
    return {str(p): p.read_text(encoding="utf-8", errors="replace")
            for p in carpeta.rglob("*") if p.is_file()}


def importar(*args):
    return runner.invoke(app, ["importar", "resultados", *map(str, args)])


def test_hoja_de_sisat_como_conteos_por_grado_sin_ningun_dato_de_los_alumnos(ruta, tmp_path):
    hoja = hoja_sisat(tmp_path / "sisat.xlsx")
    antes = (ruta / "diagnostico.yaml").read_text(encoding="utf-8")
    r = importar(hoja, ruta, "--columna", "lectura / NIVEL", "--campo", "lenguajes", "--por", "grado")
    assert r.exit_code == 0, r.output
    assert r.output.splitlines() == [
        "Agregados 6 resultados a Lenguajes (diagnostico.yaml, línea 48), de sisat.xlsx:",
        "  GRADO 3° · Lectura / Nivel: Esperado (2 de 4 alumnos): 50 %",
        "  GRADO 3° · Lectura / Nivel: En desarrollo (1 de 4 alumnos): 25 %",
        "  GRADO 3° · Lectura / Nivel: Requiere apoyo (1 de 4 alumnos): 25 %",
        "  GRADO 4° · Lectura / Nivel: Esperado (3 de 4 alumnos): 75 %",
        "  GRADO 4° · Lectura / Nivel: En desarrollo (0 de 4 alumnos): 0 %",
        "  GRADO 4° · Lectura / Nivel: Requiere apoyo (1 de 4 alumnos): 25 %",
        "No se contó 1 renglón sin nivel en «Lectura / Nivel».",
        AVISO,
    ]
    despues = (ruta / "diagnostico.yaml").read_text(encoding="utf-8")
    lineas = despues.splitlines(keepends=True)
    nuevas = lineas[47:47 + 30]
    # Lo de antes queda byte por byte; lo nuevo, con la sangría y el estilo del archivo.
    assert "".join(lineas[:47] + lineas[47 + 30:]) == antes
    assert "".join(nuevas[:5]) == (
        "      - indicador: 'Lectura / Nivel: Esperado (2 de 4 alumnos)'\n"
        "        valor: 50\n"
        "        unidad: porcentaje\n"
        "        grado: 3°\n"
        "        fuente: sisat.xlsx\n")
    assert nuevas[-5:][1] == "        valor: 25\n"
    sin_plantados({**archivos_de(ruta), "salida": r.output})
    v = runner.invoke(app, ["validar", str(ruta), "--fecha", "2026-03-27"])
    assert v.exit_code == 0, v.output


def test_formato_json_para_programas(ruta, tmp_path):
    """``--formato json``: en stdout solo el JSON (los conteos, nada de los alumnos); el aviso de
    privacidad, en stderr."""
    import json

    hoja = hoja_sisat(tmp_path / "sisat.xlsx")
    r = importar(hoja, ruta, "--columna", "lectura / NIVEL", "--campo", "lenguajes", "--por", "grado",
                 "--valores", "Esperado", "-f", "json")
    assert r.exit_code == 0, r.output
    assert r.stderr == AVISO + "\n"
    datos = json.loads(r.stdout)
    assert datos.pop("herramienta").startswith("ruta ")
    assert datos == {
        "version": 1, "vista": "importar_resultados", "archivo": "diagnostico.yaml",
        "campo": "Lenguajes", "campo_nuevo": False, "linea": 48, "fuente": "sisat.xlsx", "por": "GRADO",
        "resultados": [
            {"grado": "3°", "indicador": "Lectura / Nivel: Esperado (2 de 4 alumnos)", "valor": 50,
             "unidad": "porcentaje"},
            {"grado": "4°", "indicador": "Lectura / Nivel: Esperado (3 de 4 alumnos)", "valor": 75,
             "unidad": "porcentaje"}],
        "sin_contar": {"sin_nivel": 1, "sin_grupo": 0}}
    sin_plantados({**archivos_de(ruta), "salida": r.output})


@pytest.mark.parametrize("encabezado, args, mensaje", [
    ("Nivel,Grado,Nivel", ["--columna", "Nivel"],
     "ruta: «Nivel» es el encabezado de 2 columnas (la A y C); cámbiale el nombre a la que no se "
     "cuenta en la hoja.\n"),
    ("Nivel,Grado", ["--columna", "Nivel", "--por", "nivel"],
     "ruta: --por «nivel» es la misma columna que --columna: --por es la del grado o el grupo, y "
     "--columna la del nivel.\n"),
], ids=["encabezado-repetido", "por-igual-a-columna"])
def test_columnas_que_no_se_sabe_cual_contar(ruta, tmp_path, encabezado, args, mensaje):
    """Antes se contaba la primera de dos columnas con el mismo encabezado sin decirlo, y --por
    podía ser la misma columna del nivel."""
    hoja = tmp_path / "hoja.csv"
    hoja.write_text(encabezado + "\n" + "\n".join(["Esperado,3,Alto", "Bajo,3,Alto"] * 3) + "\n", encoding="utf-8")
    antes = (ruta / "diagnostico.yaml").read_bytes()
    r = importar(hoja, ruta, *args, "--campo", "Lenguajes")
    assert (r.exit_code, r.stderr) == (2, mensaje)
    assert (ruta / "diagnostico.yaml").read_bytes() == antes


def test_la_misma_hoja_dos_veces_no_se_escribe(ruta, tmp_path):
    hoja = hoja_sisat(tmp_path / "sisat.xlsx")
    args = (hoja, ruta, "--columna", "Lectura/Nivel", "--campo", "Lenguajes", "--valores", "Esperado")
    assert importar(*args).exit_code == 0
    antes = (ruta / "diagnostico.yaml").read_bytes()
    r = importar(*args)
    assert r.exit_code == 2
    assert r.output == ("ruta: Lenguajes ya tiene el resultado «Lectura / Nivel: Esperado (5 de 8 "
                        "alumnos)» en diagnostico.yaml (¿la misma hoja otra vez?). Bórralo allí si "
                        "quieres importarla de nuevo; no se escribió nada.\n")
    assert (ruta / "diagnostico.yaml").read_bytes() == antes


def test_csv_de_excel_con_valores_y_unidad_alumnos_en_resultados_en_linea(tmp_path):
    ruta = tmp_path / "ruta"
    shutil.copytree(PEMC, ruta)
    hoja = hoja_csv(tmp_path / "control escolar.csv")
    antes = (ruta / "diagnostico.yaml").read_text(encoding="utf-8")
    r = importar(hoja, ruta, "--columna", "nivel de lectura", "--campo", "Lenguajes",
                 "--valores", "requiere apoyo, esperado", "--unidad", "alumnos",
                 "--indicador", "Comprensión lectora")
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[1:3] == [
        "  Comprensión lectora: Requiere apoyo (25 % de 8 alumnos): 2 alumnos",
        "  Comprensión lectora: Esperado (62.5 % de 8 alumnos): 5 alumnos",
    ]
    despues = (ruta / "diagnostico.yaml").read_text(encoding="utf-8")
    agregado = ("      - {indicador: 'Comprensión lectora: Requiere apoyo (25 % de 8 alumnos)', valor: 2, "
                "unidad: alumnos, fuente: control escolar.csv}\n"
                "      - {indicador: 'Comprensión lectora: Esperado (62.5 % de 8 alumnos)', valor: 5, "
                "unidad: alumnos, fuente: control escolar.csv}\n")
    ancla = "fuente: Evaluación diagnóstica}\n"
    assert despues == antes.replace(ancla, ancla + agregado, 1)
    sin_plantados({**archivos_de(ruta), "salida": r.output})


@pytest.mark.parametrize("columna, motivo", [
    ("Nombre del alumno", "tiene datos personales de alumnos ([nombre], [nombre], [nombre])"),
    ("CURP", "tiene datos personales de alumnos ([CURP], [CURP], [CURP])"),
])
def test_la_columna_de_nombres_o_curp_no_se_escribe(ruta, tmp_path, columna, motivo):
    hoja = hoja_sisat(tmp_path / "sisat.xlsx")
    antes = archivos_de(ruta)
    r = importar(hoja, ruta, "--columna", columna, "--campo", "Lenguajes")
    assert r.exit_code == 2
    assert r.output == (f"ruta: la columna «{columna}» (--columna) {motivo}: no es de niveles ni "
                        "de grados. Elige otra columna; no se escribió nada.\n")
    assert archivos_de(ruta) == antes
    sin_plantados({"salida": r.output})


def test_columna_mal_escrita_con_los_encabezados_en_la_fila_3(ruta, tmp_path):
    """Una hoja de SisAT con el título combinado en la fila 1 y los encabezados en la 3: se
    listan los de la fila 3 (no el título) y se sugiere el parecido; nada se escribe."""
    from openpyxl import Workbook

    libro = Workbook()
    h = libro.active
    h.title = "SisAT"
    h["A1"] = "Resultados SisAT - Lectura - Junio 2026"
    h.merge_cells("A1:G1")
    for c, texto in enumerate(["No.", "Nombre del alumno", "CURP", "Grado", "Grupo", "Nivel de lectura",
                               "Tel. tutor"], 1):
        h.cell(3, c, texto)
    for i, (nombre, curp, grado, nivel) in enumerate(ALUMNOS, 4):
        for c, valor in enumerate([i - 3, nombre, curp, grado, "A", nivel, f"222 555 {i:04}"], 1):
            h.cell(i, c, valor)
    libro.save(tmp_path / "sisat.xlsx")
    antes = archivos_de(ruta)
    r = importar(tmp_path / "sisat.xlsx", ruta, "--columna", "Nivel de lecura", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (2, "ruta: sisat.xlsx no tiene la columna «Nivel de lecura». Encabezados "
                                          "que se ven en la fila 3: «No.», «Nombre del alumno», «CURP», «Grado», "
                                          "«Grupo», «Nivel de lectura», «Tel. tutor». ¿Quisiste decir «Nivel de "
                                          "lectura»?\n")
    assert archivos_de(ruta) == antes
    sin_plantados({"salida": r.output})
    r = importar(tmp_path / "sisat.xlsx", ruta, "--columna", "Nivel de lectura", "--campo", "Lenguajes")
    assert r.exit_code == 0, r.output


def test_una_columna_con_un_valor_por_alumno_no_se_escribe(ruta, tmp_path):
    hoja = tmp_path / "folios.csv"
    hoja.write_text("Folio,Nivel\n" + "".join(f"F-{i:03},Esperado\n" for i in range(12)), encoding="utf-8")
    r = importar(hoja, ruta, "--columna", "Folio", "--campo", "Lenguajes")
    assert r.exit_code == 2
    assert r.output == ("ruta: la columna «Folio» (--columna) tiene 12 valores distintos en 12 "
                        "alumnos: parece de nombres, CURP o calificaciones sueltas, no de niveles ni "
                        "de grados. Elige otra columna; no se escribió nada.\n")


def test_columna_que_no_esta_ambigua_y_campo_que_no_es_del_plan(ruta, tmp_path):
    hoja = hoja_sisat(tmp_path / "sisat.xlsx")
    r = importar(hoja, ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (2, "ruta: «Nivel» está en 2 columnas («Lectura / Nivel», "
                                          "«Escritura / Nivel»); di cuál con su grupo, p. ej. "
                                          "--columna \"Lectura / Nivel\".\n")
    # Los encabezados que se ven son los de la fila de encabezados, con su grupo (los que acepta
    # --columna), no el título combinado a lo ancho; sin uno parecido, ninguna sugerencia.
    hay = ("Encabezados que se ven en la fila 4: «Nombre del alumno», «CURP», «GRADO», «Lectura / Nivel», "
           "«Lectura / Puntos», «Escritura / Nivel», «Escritura / Puntos».")
    r = importar(hoja, ruta, "--columna", "Cálculo", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (2, f"ruta: sisat.xlsx no tiene la columna «Cálculo». {hay}\n")
    sin_plantados({"salida": r.output})
    # Con --por, se nombra solo la columna que falta, no la que sí está.
    r = importar(hoja, ruta, "--columna", "Cálculo", "--campo", "Lenguajes", "--por", "Grado")
    assert (r.exit_code, r.output) == (2, f"ruta: sisat.xlsx no tiene la columna «Cálculo». {hay}\n")
    r = importar(hoja, ruta, "--columna", "Cálculo", "--campo", "Lenguajes", "--por", "Turno")
    assert (r.exit_code, r.output) == (2, f"ruta: sisat.xlsx no tiene las columnas «Cálculo» y «Turno». {hay}\n")
    r = importar(hoja, ruta, "--columna", "Lectura / Nivle", "--campo", "Lenguajes", "--por", "Grdo")
    assert (r.exit_code, r.output) == (2, "ruta: sisat.xlsx no tiene las columnas «Lectura / Nivle» y «Grdo». "
                                          f"{hay} ¿Quisiste decir «Lectura / Nivel» y «GRADO»?\n")
    r = importar(hoja, ruta, "--columna", "Lectura/Nivel", "--campo", "Lenguaje")
    assert r.exit_code == 2
    assert r.output.startswith("ruta: «Lenguaje» no es una asignatura ni un campo formativo del plan")
    assert r.output.endswith("¿Quisiste decir «Lenguajes»?\n")
    r = importar(tmp_path / "no-existe.xlsx", ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (2, f"ruta: no se pudo leer {tmp_path / 'no-existe.xlsx'}: no existe.\n")
    r = importar(hoja, ruta, "--columna", "Lectura/Nivel", "--campo", "Lenguajes", "--valores", "Avanzado")
    assert (r.exit_code, r.output) == (2, "ruta: ningún alumno tiene «Avanzado» en la columna «Lectura "
                                          "/ Nivel»; los niveles de la hoja son: «Esperado», «En "
                                          "desarrollo», «Requiere apoyo».\n")


def test_xls_antiguo_y_libro_danado(ruta, tmp_path):
    viejo = tmp_path / "viejo.xls"
    viejo.write_bytes(b"\xd0\xcf\x11\xe0")
    r = importar(viejo, ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (2, f"ruta: {viejo} es un libro de Excel antiguo (.xls): ábrelo "
                                          "y guárdalo como .xlsx o .csv.\n")
    danado = tmp_path / "danado.xlsx"
    danado.write_bytes(b"no es un zip")
    r = importar(danado, ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert r.exit_code == 2
    assert r.output.startswith(f"ruta: {danado} no es un libro de Excel que se pueda leer")


TEXTO = "fecha: 2025-08-27\n# comentario\naprendizajes:\n  - campo: Lenguajes\n    resultados:\n" \
        "      - {indicador: Promedio, valor: 7.6, unidad: promedio}\n"
NUEVO = [{"indicador": "Nivel: Esperado (2 de 4 alumnos)", "valor": 50, "unidad": "porcentaje",
          "fuente": "h.csv"}]


@pytest.mark.parametrize("antes, campo, despues", [
    # Un campo que no está: un aprendizaje nuevo al final de la lista, en el estilo del archivo.
    (TEXTO, "Saberes y pensamiento científico", TEXTO +
     "  - campo: Saberes y pensamiento científico\n    resultados:\n"
     "      - {indicador: 'Nivel: Esperado (2 de 4 alumnos)', valor: 50, unidad: porcentaje, fuente: h.csv}\n"),
    # Sin `aprendizajes:`: se agrega al final (y el archivo sin salto final sigue sin él).
    ("fecha: 2025-08-27", "Lenguajes",
     "fecha: 2025-08-27\naprendizajes:\n  - campo: Lenguajes\n    resultados:\n"
     "      - indicador: 'Nivel: Esperado (2 de 4 alumnos)'\n        valor: 50\n"
     "        unidad: porcentaje\n        fuente: h.csv"),
    # `aprendizajes: []  # por llenar` y un campo sin `resultados`.
    ("aprendizajes: []  # por llenar\n", "Lenguajes",
     "aprendizajes:  # por llenar\n  - campo: Lenguajes\n    resultados:\n"
     "      - indicador: 'Nivel: Esperado (2 de 4 alumnos)'\n        valor: 50\n"
     "        unidad: porcentaje\n        fuente: h.csv\n"),
    ("aprendizajes:\n    -   campo: lenguajes\n        necesidades: Leer.\n", "Lenguajes",
     "aprendizajes:\n    -   campo: lenguajes\n        necesidades: Leer.\n        resultados:\n"
     "          - indicador: 'Nivel: Esperado (2 de 4 alumnos)'\n            valor: 50\n"
     "            unidad: porcentaje\n            fuente: h.csv\n"),
    # Resultados en una lista en línea; BOM y CRLF se conservan.
    ("\ufeffaprendizajes:\r\n  - campo: Lenguajes\r\n    resultados: [{indicador: A, valor: 1, unidad: alumnos}]"
     "\r\n", "Lenguajes",
     "\ufeffaprendizajes:\r\n  - campo: Lenguajes\r\n    resultados: [{indicador: A, valor: 1, unidad: alumnos}, "
     "{indicador: 'Nivel: Esperado (2 de 4 alumnos)', valor: 50, unidad: porcentaje, fuente: h.csv}]\r\n"),
], ids=["campo-nuevo", "sin-aprendizajes", "lista-vacia", "sin-resultados-sangria-4", "en-linea-bom-crlf"])
def test_injerto_en_cada_forma_del_diagnostico(antes, campo, despues):
    texto, _ = injertar_resultados(antes, campo, NUEVO)
    assert texto == despues


def test_medicion_de_una_meta_con_la_hoja(ruta, tmp_path):
    hoja = hoja_sisat(tmp_path / "sisat.xlsx")
    # Un día sin entrada: el 30 ene ya tiene la de la sesión 4, que mide M1, y lo nuevo se uniría a ella.
    r = runner.invoke(app, ["bitacora", "agregar", str(ruta), "--fecha", "2026-02-10", "--meta", "M1",
                            "--hoja", str(hoja), "--columna", "Lectura/Nivel", "--valores", "Esperado"])
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[0].endswith(": medición de M1 (62.5).")
    assert AVISO in r.output
    bitacora = (ruta / "bitacora.yaml").read_text(encoding="utf-8")
    assert ("{meta: M1, valor: 62.5, fuente: sisat.xlsx, nota: 5 de 8 alumnos (62.5 %) con Esperado "
            "en «Lectura / Nivel»}") in bitacora
    sin_plantados({**archivos_de(ruta), "salida": r.output})
    v = runner.invoke(app, ["validar", str(ruta), "--fecha", "2026-03-27"])
    assert v.exit_code == 0, v.output


@pytest.mark.parametrize("extra, mensaje", [
    (["--columna", "Lectura/Nivel", "--valores", "Esperado"],
     "ruta: --hoja, --columna y --valores van con --meta (la meta que se mide).\n"),
    (["--meta", "M1", "--columna", "Lectura/Nivel"],
     "ruta: para medir M1 con una hoja falta --valores (--hoja, --columna y --valores van juntas).\n"),
    (["--meta", "M1", "--columna", "Lectura/Nivel", "--valores", "Esperado", "--valor", "40"],
     "ruta: usa --valor o --hoja, no las dos: con --hoja el valor sale de la hoja.\n"),
])
def test_medicion_con_hoja_mal_pedida_no_escribe(ruta, tmp_path, extra, mensaje):
    hoja = hoja_sisat(tmp_path / "sisat.xlsx")
    antes = (ruta / "bitacora.yaml").read_bytes()
    r = runner.invoke(app, ["bitacora", "agregar", str(ruta), "--fecha", "2026-01-30",
                            "--hoja", str(hoja), *extra])
    assert r.exit_code == 2
    assert r.output == mensaje + "ruta: no se escribió nada en bitacora.yaml.\n"
    assert (ruta / "bitacora.yaml").read_bytes() == antes


def test_validar_y_bitacora_sin_hoja_no_importan_openpyxl(tmp_path):
    codigo = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: sys.stderr.write(json.dumps(sorted(sys.modules))))\n"
        f"sys.argv = ['ruta', 'validar', {str(PRIMARIA)!r}, '--fecha', '2025-10-01']\n"
        "from rutamejora.commands import main\n"
        "main()\n")
    r = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, PYTHONPATH=str(RAIZ)))
    assert r.returncode == 0, r.stderr
    modulos = set(json.loads(r.stderr))
    assert not {m for m in modulos if m.split(".")[0] == "openpyxl" or m.startswith("rutamejora.intercambio")}


def test_una_columna_de_observaciones_de_salud_no_agrupa(ruta, tmp_path):
    """`--por Observaciones` agrupaba por «TDAH, medicado» y «violencia familiar» y los escribía
    como grado en diagnostico.yaml («1 de 1 alumnos»): un dato de salud de ese alumno."""
    hoja = tmp_path / "observaciones.csv"
    hoja.write_text("Grado,Observaciones,Escritura\n3°A,TDAH medicado,Esperado\n"
                    "3°A,,Esperado\n4°B,violencia familiar,Requiere apoyo\n4°B,,Esperado\n",
                    encoding="utf-8")
    antes = archivos_de(ruta)
    r = importar(hoja, ruta, "--columna", "Escritura", "--campo", "Lenguajes", "--por", "Observaciones")
    assert r.exit_code == 2
    assert r.output == ("ruta: la columna «Observaciones» (--por) tiene datos personales de alumnos "
                        "([salud]): no es de niveles ni de grados. Elige otra columna; no se "
                        "escribió nada.\n")
    assert archivos_de(ruta) == antes
    assert "TDAH" not in r.output and "violencia" not in r.output


def test_la_hoja_de_la_documentacion_sin_combinar_hacia_abajo(ruta, tmp_path):
    """La hoja de docs/importar-exportar.md: «GRADO» en la fila 3 sin nada debajo (no combinada
    con la 4) junto a «Lectura» sobre «Nivel». `--por Grado` no la encontraba («no tiene las
    columnas … y «Grado»»), aunque era el ejemplo de la documentación."""
    from openpyxl import load_workbook

    hoja = hoja_sisat(tmp_path / "sisat.xlsx")
    libro = load_workbook(hoja)
    h = libro.active
    for rango in ("A3:A4", "B3:B4", "C3:C4"):
        h.unmerge_cells(rango)
    libro.save(hoja)
    r = importar(hoja, ruta, "--columna", "Lectura / Nivel", "--campo", "Lenguajes", "--por", "Grado")
    assert r.exit_code == 0, r.output
    assert r.output.splitlines()[1] == "  GRADO 3° · Lectura / Nivel: Esperado (2 de 4 alumnos): 50 %"
