"""``ruta informe … -o informe.pdf``: el HTML impreso por el navegador, carta, reproducible.

Las pruebas que imprimen de verdad necesitan Chromium, Chrome o Edge (no vienen con Python ni con
`pip`): sin uno se omiten con su motivo; en CI `.ci/run` instala Chromium y poppler-utils. Las
demás (sin navegador, el arreglo de las fechas y la tabla xref) corren siempre.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.informes import pdf as modulo
from rutamejora.informes.pdf import COMO_CONSEGUIRLO, fijar
from rutamejora.informes.salida import es_pdf_de_ruta, texto_pdf

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"
FECHA = "2026-07-15"
runner = CliRunner()


def _navegador() -> str | None:
    try:
        return modulo.buscar_navegador()
    except modulo.SinNavegador:
        return None


NAVEGADOR = _navegador()
con_navegador = pytest.mark.skipif(
    NAVEGADOR is None, reason="no hay Chromium, Chrome ni Edge (Debian: apt-get install chromium): "
                              "se omiten las pruebas que imprimen el PDF")
con_poppler = pytest.mark.skipif(
    shutil.which("pdfinfo") is None or shutil.which("pdftotext") is None,
    reason="sin poppler-utils (pdfinfo, pdftotext) no se puede leer el PDF")


@pytest.fixture(autouse=True)
def _fuera_de_git(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


def informe(carpeta: Path, salida: Path, *extra: str):
    return runner.invoke(app, ["informe", str(carpeta), "--tipo", "rendicion", "--fecha", FECHA,
                               "-o", str(salida), *extra])


def xref_valida(pdf: bytes) -> bool:
    """Cada objeto de la tabla xref está donde ella dice, y startxref apunta a la tabla."""
    inicio = int(re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", pdf).group(1))
    if pdf[inicio:inicio + 4] != b"xref":
        return False
    tabla = pdf[inicio:pdf.index(b"trailer", inicio)]
    primero = int(re.search(rb"xref\s+(\d+)\s+\d+", tabla).group(1))
    entradas = re.findall(rb"(\d{10}) \d{5} ([nf])", tabla)
    return all(re.match(rb"%d 0 obj" % (primero + i), pdf[int(o):int(o) + 20])
               for i, (o, tipo) in enumerate(entradas) if tipo == b"n")


@con_navegador
@con_poppler
def test_pdf_carta_con_numeros_de_pagina_y_reproducible(tmp_path):
    uno, otro = tmp_path / "a" / "informe.pdf", tmp_path / "b" / "otro.pdf"
    uno.parent.mkdir(), otro.parent.mkdir()
    r = informe(EJEMPLO, uno)
    assert r.exit_code == 0, r.output
    assert r.output == f"Informe escrito en {uno}.\n"
    assert informe(EJEMPLO, otro).exit_code == 0
    crudo = uno.read_bytes()
    assert crudo == otro.read_bytes()            # byte por byte, otro día y otra carpeta temporal
    assert xref_valida(crudo)
    info = subprocess.run(["pdfinfo", str(uno)], capture_output=True, text=True, timeout=60).stdout
    assert re.search(r"^Page size:\s+612 x 792 pts \(letter\)", info, re.M), info
    assert re.search(r"^Creator:\s+Generado con «ruta informe» \(ruta [^)]+\)$", info, re.M), info
    assert re.search(r"^CreationDate:\s+Wed Jul 15 00:00:00 2026 UTC$", info, re.M), info
    assert re.search(r"^ModDate:\s+Wed Jul 15 00:00:00 2026 UTC$", info, re.M), info
    paginas = int(re.search(r"^Pages:\s+(\d+)", info, re.M).group(1))
    assert 2 <= paginas <= 20
    texto = subprocess.run(["pdftotext", "-layout", str(uno), "-"], capture_output=True, text=True,
                           timeout=60).stdout
    pies = re.findall(r"Página (\d+) de (\d+)", texto)
    assert pies == [(str(n), str(paginas)) for n in range(1, paginas + 1)]
    assert texto.count("Escuela Primaria “Carmen Serdán Alatriste” · CCT 21DPR0487A") == paginas
    assert "Rendición de cuentas 2025-2026" in texto


@con_navegador
def test_el_pdf_reemplaza_su_informe_y_respeta_otro_pdf(tmp_path):
    salida = tmp_path / "informe.pdf"
    assert informe(EJEMPLO, salida).exit_code == 0
    r = informe(EJEMPLO, salida)                 # el suyo: se reemplaza
    assert (r.exit_code, r.output) == (0, f"Informe escrito en {salida}.\n")
    ajeno = tmp_path / "oficio.pdf"
    ajeno.write_bytes(b"%PDF-1.4\n1 0 obj\n<</Creator (LibreOffice)>>\nendobj\n")
    r = informe(EJEMPLO, ajeno)
    assert r.exit_code == 2
    assert r.output == (f"ruta: {ajeno} ya existe y no es un informe hecho con `ruta informe`: no se "
                        "reemplaza. Bórralo o elige otro nombre.\n")
    assert ajeno.read_bytes().startswith(b"%PDF-1.4\n1 0 obj\n<</Creator (LibreOffice)>>")


def test_sin_navegador_dice_como_conseguir_uno_y_no_escribe_nada(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path / "vacia"))
    monkeypatch.delenv(modulo.VARIABLE, raising=False)
    monkeypatch.setattr(modulo, "_MACOS", ())
    monkeypatch.setattr(modulo, "_WINDOWS", ())
    salida = tmp_path / "informe.pdf"
    r = informe(EJEMPLO, salida)
    # Tras «ruta: », en minúscula («ruta: para escribir un PDF…»).
    assert COMO_CONSEGUIRLO.startswith("Para escribir un PDF")
    assert (r.exit_code, r.output) == (2, f"ruta: p{COMO_CONSEGUIRLO[1:]}\n")
    assert not salida.exists()
    monkeypatch.setenv(modulo.VARIABLE, str(tmp_path / "no-esta"))
    r = informe(EJEMPLO, salida)
    assert (r.exit_code, r.output) == (2, f"ruta: {modulo.VARIABLE}={tmp_path / 'no-esta'}, pero ese "
                                          f"navegador no existe. {COMO_CONSEGUIRLO}\n")


def test_un_pdf_no_va_a_la_terminal(tmp_path):
    r = runner.invoke(app, ["informe", str(EJEMPLO), "--tipo", "rendicion", "-f", "pdf"])
    assert (r.exit_code, r.output) == (2, "ruta: un PDF no se escribe en la terminal: indica el "
                                          "archivo con -o (p. ej. -o informe.pdf).\n")


def _pdf_de_prueba(hora: str, con_id: bytes = b"") -> bytes:
    """Un PDF mínimo como los de Chromium: /Info primero, tabla xref clásica."""
    objetos = [b"<</Title (Informe)\n/Creator (HeadlessChrome/156)\n/Producer (Skia/PDF m156)\n"
               b"/CreationDate (D:%s+00'00')\n/ModDate (D:%s+00'00')>>" % (hora.encode(), hora.encode()),
               b"<</Type /Catalog /Pages 3 0 R>>", b"<</Type /Pages /Kids [] /Count 0>>"]
    partes, posiciones = [b"%PDF-1.4\n"], []
    for i, o in enumerate(objetos, 1):
        posiciones.append(sum(map(len, partes)))
        partes.append(b"%d 0 obj\n%s\nendobj\n" % (i, o))
    xref = sum(map(len, partes))
    partes.append(b"xref\n0 4\n0000000000 65535 f \n" + b"".join(b"%010d 00000 n \n" % p for p in posiciones))
    partes.append(b"trailer\n<</Size 4\n/Root 2 0 R\n/Info 1 0 R%s>>\nstartxref\n%d\n%%%%EOF" % (con_id, xref))
    return b"".join(partes)


def test_fijar_pone_fechas_del_dia_la_marca_y_corrige_la_tabla_xref():
    marca = "Generado con «ruta informe» (ruta 0.1.0)"
    a = fijar(_pdf_de_prueba("20261129144741"), date(2026, 7, 15), marca)
    b = fijar(_pdf_de_prueba("20270101000001"), date(2026, 7, 15), marca)
    assert a == b
    assert b"/CreationDate (D:20260715000000+00'00')" in a and b"/ModDate (D:20260715000000+00'00')" in a
    assert b"/Creator " + texto_pdf(marca) in a and b"HeadlessChrome" not in a
    assert xref_valida(a)
    assert es_pdf_de_ruta(a[:65536])
    # Un /ID en el tráiler sale del contenido: el mismo para el mismo PDF, del mismo largo.
    con_id = b"\n/ID [<0123456789ABCDEF0123456789ABCDEF><FEDCBA9876543210FEDCBA9876543210>]"
    c = fijar(_pdf_de_prueba("20261129144741", con_id), date(2026, 7, 15), marca)
    d = fijar(_pdf_de_prueba("20250101101010", con_id.replace(b"0123", b"9999")), date(2026, 7, 15), marca)
    assert c == d and xref_valida(c) and b"0123456789ABCDEF" not in c
