"""El HTML de `ruta informe` en un navegador de verdad (Chromium sin pantalla).

Impreso a PDF, la rendición de cuentas del ejemplo da un número de páginas carta razonable; a
1280 px de ancho ninguna página tiene barra de desplazamiento horizontal. Sin Chromium (no
viene con Python ni con `pip`) estas pruebas se omiten con su motivo; en CI `.ci/run` lo instala.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

EJEMPLOS = Path(__file__).resolve().parents[2] / "ejemplos"
EJEMPLO = EJEMPLOS / "primaria-2025-2026"
FECHA = "2026-07-15"


def _chromium() -> str | None:
    for nombre in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        encontrado = shutil.which(nombre)
        if encontrado:
            return encontrado
    return "/usr/bin/chromium" if Path("/usr/bin/chromium").is_file() else None


CHROMIUM = _chromium()
pytestmark = pytest.mark.skipif(
    CHROMIUM is None,
    reason="Chromium no está instalado (Debian: apt-get install chromium): se omite la prueba "
           "del HTML en un navegador")
BANDERAS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--disable-dev-shm-usage")


def chromium(perfil: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([CHROMIUM, *BANDERAS, f"--user-data-dir={perfil}", *args],
                          capture_output=True, text=True, timeout=120)


@pytest.fixture(autouse=True)
def _fuera_de_git(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


def hacer_html(tmp_path: Path, *args: str, ejemplo: Path = EJEMPLO) -> Path:
    ruta = tmp_path / "ruta"
    if not ruta.exists():
        shutil.copytree(ejemplo, ruta)
    salida = tmp_path / f"informe-{len(list(tmp_path.glob('informe-*.html')))}.html"
    r = CliRunner().invoke(app, ["informe", str(ruta), *args, "-o", str(salida)])
    assert r.exit_code == 0, r.output
    return salida


def paginas(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        hecho = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60)
        m = re.search(r"^Pages:\s+(\d+)", hecho.stdout, re.M)
        if m:
            return int(m.group(1))
    return len(re.findall(rb"/Type\s*/Page(?![s\w])", pdf.read_bytes()))


@pytest.mark.parametrize("ejemplo, maximo", [
    (EJEMPLO, 20),
    # El informe final de cada marco: la evaluación del PEMC (dos ciclos, revisión anual) y la
    # comunicación de resultados del PMC (la meta, el indicador y la fórmula juntos).
    (EJEMPLOS / "pemc-secundaria-2024-2026", 16),
    (EJEMPLOS / "pmc-primaria-2025-2026", 20),
], ids=["rme", "pemc", "pmc"])
def test_rendicion_impresa_en_carta_con_paginas_razonables(tmp_path, ejemplo, maximo):
    html = hacer_html(tmp_path, "--tipo", "rendicion", "--fecha", FECHA, ejemplo=ejemplo)
    pdf = tmp_path / "rendicion.pdf"
    hecho = chromium(tmp_path / "perfil", f"--print-to-pdf={pdf}", "--no-pdf-header-footer",
                     html.as_uri())
    assert pdf.is_file() and pdf.stat().st_size > 10_000, hecho.stderr[-2000:]
    assert pdf.read_bytes().startswith(b"%PDF")
    n = paginas(pdf)
    assert 2 <= n <= maximo, f"{n} páginas"
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True).stdout
        assert re.search(r"Page size:\s+612 x 792 pts", info), info  # carta


MEDIR = ("<script>document.body.insertAdjacentHTML('beforeend', '<p id=\"medida\">' + "
         "document.documentElement.scrollWidth + ' ' + document.documentElement.clientWidth + "
         "'</p>');</script>")


PEMC = EJEMPLOS / "pemc-secundaria-2024-2026"
PMC = EJEMPLOS / "pmc-primaria-2025-2026"


@pytest.mark.parametrize("ejemplo, args", [
    (EJEMPLO, ("--tipo", "rendicion")),
    (EJEMPLO, ("--tipo", "rendicion", "--audiencia", "autoridad")),
    (EJEMPLO, ("--tipo", "planeacion")),
    (EJEMPLO, ("--tipo", "seguimiento", "--sesion", "5")),
    (PEMC, ("--tipo", "rendicion")),
    (PEMC, ("--tipo", "rendicion", "--audiencia", "autoridad")),
    (PEMC, ("--tipo", "planeacion")),
    (PMC, ("--tipo", "rendicion")),
    (PMC, ("--tipo", "rendicion", "--audiencia", "autoridad")),
    (PMC, ("--tipo", "planeacion")),
], ids=["rendicion", "rendicion-autoridad", "planeacion", "seguimiento", "pemc-evaluacion",
        "pemc-evaluacion-autoridad", "pemc-planeacion", "pmc-comunicacion",
        "pmc-comunicacion-autoridad", "pmc-planeacion"])
def test_sin_desplazamiento_horizontal_a_1280(tmp_path, ejemplo, args):
    fecha = () if "--sesion" in args else ("--fecha", FECHA)
    html = hacer_html(tmp_path, *args, *fecha, ejemplo=ejemplo)
    # El informe no usa JavaScript; solo esta copia de la prueba mide el ancho con una línea.
    copia = tmp_path / "medir.html"
    copia.write_text(html.read_text(encoding="utf-8").replace("</body>", MEDIR + "\n</body>"),
                     encoding="utf-8")
    hecho = chromium(tmp_path / "perfil", "--window-size=1280,900", "--dump-dom", copia.as_uri())
    m = re.search(r'<p id="medida">(\d+) (\d+)</p>', hecho.stdout)
    assert m, hecho.stderr[-2000:]
    ancho, visible = int(m.group(1)), int(m.group(2))
    assert visible > 1000
    assert ancho <= visible, f"el contenido mide {ancho} px en una ventana de {visible} px"
