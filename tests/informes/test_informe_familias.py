"""El informe para las familias se lee como uno (issue 13): cada caso arreglado es una prueba.

Sin filas de total repetidas al imprimir ni bajo una sola fila, sin secciones ni columnas vacías,
singular y plural, rangos de fechas en español, comillas tipográficas y la versión en palabras.
La prueba de impresión usa Chromium (si está instalado), como lo imprimiría una escuela.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest

from rutamejora.informes.formas import comillas, rango_largo

EJEMPLOS = Path(__file__).resolve().parents[2] / "ejemplos"
PRIMARIA = EJEMPLOS / "primaria-2025-2026"
FECHA = "2026-07-15"


def _informe(invocar, carpeta: Path, *args: str, tipo: str = "rendicion") -> str:
    r = invocar(["informe", str(carpeta), "-t", tipo, "--fecha", FECHA, *args])
    assert r.exit_code == 0, r.output
    return r.stdout


# --- Formas -------------------------------------------------------------------------------------


@pytest.mark.parametrize("inicio, fin, texto", [
    (date(2026, 4, 20), date(2026, 4, 24), "del 20 al 24 de abril de 2026"),
    (date(2025, 9, 8), date(2025, 12, 12), "del 8 de septiembre al 12 de diciembre de 2025"),
    (date(2025, 9, 8), date(2026, 7, 3), "del 8 de septiembre de 2025 al 3 de julio de 2026"),
    (date(2026, 4, 20), date(2026, 4, 20), "el 20 de abril de 2026"),
])
def test_rangos_de_fechas_en_espanol(inicio, fin, texto):
    assert rango_largo(inicio, fin) == texto


def test_comillas_tipograficas():
    assert comillas('Escuela Primaria "Carmen Serdán"') == "Escuela Primaria “Carmen Serdán”"
    assert comillas('Un "par" y una "suelta') == 'Un “par” y una "suelta'


# --- En los informes ----------------------------------------------------------------------------


def test_se_hizo_con_un_rango_en_palabras(invocar):
    md = _informe(invocar, PRIMARIA, "-f", "md")
    assert "se hizo del 9 al 27 de febrero de 2026" in md
    assert "se hizo del 9–27" not in md
    html = _informe(invocar, PRIMARIA, "-f", "html")
    assert "Se hizo del 9 al 27 de febrero de 2026" in html
    # Lo planeado también, para las familias: «Del 8 de septiembre de 2025 al 3 de julio de 2026».
    assert "| Del 8 de septiembre de 2025 al 3 de julio de 2026; costo:" in md


def test_el_nombre_de_la_escuela_con_comillas_tipograficas(invocar):
    for formato in ("md", "html"):
        texto = _informe(invocar, PRIMARIA, "-f", formato)
        assert "Escuela Primaria “Carmen Serdán Alatriste”" in texto
        assert '"Carmen' not in texto and "&#34;Carmen" not in texto and "\\22 Carmen" not in texto


def test_la_version_para_las_familias_no_es_un_commit(invocar, tmp_path):
    """Fuera de git no hay versión; dentro, la prueba de git de test_informe.py la compara."""
    md = _informe(invocar, PRIMARIA, "-f", "md")
    assert "commit" not in md


def test_singular_y_plural(invocar, ruta_minima):
    plan = _informe(invocar, ruta_minima, "-f", "md", tipo="planeacion")
    assert "(meta M1)" in plan and "(metas M1)" not in plan
    assert "Meta: M1" in _informe(invocar, ruta_minima, "-f", "html", tipo="planeacion")
    rendicion = _informe(invocar, ruta_minima, "-f", "md")
    assert "**0 de 1 meta lograda (1 no lograda).**" in rendicion


def test_sin_secciones_vacias_para_las_familias(invocar, ruta_minima):
    """Sin evaluación final ni acuerdos, «Lo que sigue» no sale para las familias."""
    familias = _informe(invocar, ruta_minima, "-f", "html")
    assert 'id="siguiente"' not in familias and 'href="#siguiente"' not in familias
    assert "Lo que sigue" not in _informe(invocar, ruta_minima, "-f", "md")
    # La autoridad sí ve que la evaluación final falta.
    autoridad = _informe(invocar, ruta_minima, "-f", "md", "-a", "autoridad")
    assert "La evaluación final todavía no está en la bitácora." in autoridad


def test_sin_columnas_de_rayas_en_los_anexos(invocar):
    """Sin valoración final, los anexos no llevan una columna «Al final» llena de «—»."""
    md = _informe(invocar, EJEMPLOS / "secundaria-2025-2026", "-f", "md")
    seccion = md[md.index("Cómo funcionó la escuela"):md.index("Los recursos")]
    assert "la valoración final todavía no está en la bitácora" in seccion
    assert "Al final" not in seccion and "al final" not in seccion.split("\n", 3)[-1]
    assert "| — |" not in seccion
    html = _informe(invocar, EJEMPLOS / "preescolar-2025-2026", "-f", "html")
    rasgos = html[html.index('id="rasgos"'):html.index('id="dinero"')]
    assert rasgos.count("<td>—</td>") == 0 and 'estado-sin">—' not in rasgos
    assert "al final se volvió a valorar 1 rasgo y ninguno quedó logrado" in rasgos


def test_sin_columna_de_conclusiones_vacia(invocar):
    html = _informe(invocar, EJEMPLOS / "preescolar-2025-2026", "-f", "html")
    assert "Lo que concluyó el CTE" not in html  # ninguna acción tiene conclusión
    assert "Lo que concluyó el CTE" in _informe(invocar, PRIMARIA, "-f", "html")


def test_un_total_no_va_bajo_una_sola_fila(invocar):
    md = _informe(invocar, EJEMPLOS / "preescolar-2025-2026", "-f", "md")
    fuentes = md[md.index("| Fuente | Presupuesto"):]
    fuentes = fuentes[:fuentes.index("\n\n")]
    assert "**Total**" not in fuentes  # una sola fuente: su fila ya es el total


def test_el_total_no_se_repite_en_cada_pagina_impresa(invocar):
    html = _informe(invocar, PRIMARIA, "-f", "html")
    impresion = html[html.index("@media print"):]
    assert "tfoot { display: table-row-group; }" in impresion
    assert "tfoot { display: table-footer-group" not in impresion


@pytest.mark.skipif(shutil.which("chromium") is None or shutil.which("pdftotext") is None,
                    reason="sin Chromium o pdftotext para imprimir")
def test_impreso_con_chromium_cada_total_sale_una_vez(invocar, tmp_path):
    html = tmp_path / "rendicion.html"
    html.write_text(_informe(invocar, PRIMARIA, "-f", "html"), encoding="utf-8")
    pdf = tmp_path / "rendicion.pdf"
    subprocess.run(["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                    f"--print-to-pdf={pdf}", str(html)], capture_output=True, timeout=180, check=False)
    texto = subprocess.run(["pdftotext", "-layout", str(pdf), "-"], capture_output=True, text=True,
                           check=True).stdout
    assert texto.count("\f") >= 10  # varias páginas: la tabla de gastos ocupa dos
    totales = re.findall(r"^ *(Total(?: recibido)?) ", texto, flags=re.MULTILINE)
    assert totales == ["Total", "Total recibido", "Total"]
    assert "Escuela Primaria “Carmen Serdán Alatriste”" in texto
