"""El informe HTML como PDF: tamaño carta, con los números de página que pide su hoja de estilo.

El motor es el navegador que ya tiene la máquina (Chromium, Google Chrome o Microsoft Edge), sin
pantalla (``--headless --print-to-pdf``): imprime el mismo HTML que se ve en el navegador, con
``@page`` (carta, márgenes) y sus cajas del margen (el pie «Página N de M»). Por qué ese motor y
no una biblioteca de Python: docs/pdf.md (la comparación medida).

El PDF sale igual byte por byte con la misma Ruta, el mismo ``--fecha`` y el mismo navegador:
el navegador escribe la hora en ``/CreationDate`` y ``/ModDate``; aquí se cambian por el día
del informe (a las 00:00 UTC), ``/Creator`` lleva la marca de ``ruta informe`` (la que deja a
``-o`` reemplazar el archivo después) y un ``/ID``, si lo hubiera, se deriva del contenido. La
tabla ``xref`` se corrige con lo que cambió de largo.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import subprocess
import tempfile
from datetime import date
from pathlib import Path

from rutamejora.informes.errores import ErrorDeUso
from rutamejora.informes.salida import MARCA, texto_pdf

# Variable con el navegador que se quiere usar (un camino o un nombre en el PATH).
VARIABLE = "RUTA_NAVEGADOR"
_NOMBRES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome",
            "microsoft-edge", "microsoft-edge-stable", "msedge")
_MACOS = ("/Applications/Google Chrome.app/Contents/MacOS/Google Chrome",
          "/Applications/Chromium.app/Contents/MacOS/Chromium",
          "/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge")
_WINDOWS = (r"Google\Chrome\Application\chrome.exe", r"Microsoft\Edge\Application\msedge.exe",
            r"Chromium\Application\chrome.exe")
ESPERA = 180                     # segundos: un informe de 20 páginas tarda 2 o 3
COMO_CONSEGUIRLO = (
    "Para escribir un PDF, `ruta informe` usa Chromium, Google Chrome o Microsoft Edge, y no se "
    "encontró ninguno. Instala uno (Debian o Ubuntu: `sudo apt install chromium`; macOS: Google "
    "Chrome o `brew install --cask chromium`; Windows: Edge ya viene con el sistema) o di cuál usar "
    f"con la variable {VARIABLE} (p. ej. {VARIABLE}=/opt/google/chrome/chrome). Mientras, escribe "
    "el informe en HTML (-o informe.html) e imprímelo a PDF desde el navegador.")


class SinNavegador(ErrorDeUso):
    """No hay un navegador con el que imprimir el PDF (salida 2, con cómo conseguir uno)."""


def _candidatos() -> list[str]:
    vistos = [shutil.which(n) for n in _NOMBRES]
    if os.name == "nt":
        for base in (os.environ.get(v) for v in ("PROGRAMFILES", "PROGRAMFILES(X86)", "LOCALAPPDATA")):
            vistos += [str(Path(base) / r) for r in _WINDOWS] if base else []
    else:
        vistos += list(_MACOS)
    return [c for c in vistos if c]


def buscar_navegador() -> str:
    """El navegador que imprime el PDF: ``RUTA_NAVEGADOR`` o el primero que se encuentre.

    Lanza ``SinNavegador`` con cómo conseguir uno.
    """
    pedido = os.environ.get(VARIABLE)
    if pedido:
        encontrado = shutil.which(pedido) or (pedido if Path(pedido).is_file() else None)
        if encontrado is None:
            raise SinNavegador(f"{VARIABLE}={pedido}, pero ese navegador no existe. " + COMO_CONSEGUIRLO)
        return encontrado
    for candidato in _candidatos():
        if Path(candidato).is_file():
            return candidato
    raise SinNavegador(COMO_CONSEGUIRLO)


def _banderas(perfil: Path, pdf: Path) -> list[str]:
    banderas = ["--headless", "--disable-gpu", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-extensions", "--disable-dev-shm-usage", "--mute-audio",
                f"--user-data-dir={perfil}", "--no-pdf-header-footer", f"--print-to-pdf={pdf}"]
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        banderas.append("--no-sandbox")   # como root (contenedores, CI) el sandbox no arranca
    return banderas


def imprimir(html: str, dia: date, navegador: str | None = None) -> bytes:
    """El PDF de ``html`` (un informe de ``ruta informe``), reproducible (ver el docstring del módulo).

    ``/Creator`` lleva la marca del ``<meta name="generator">`` del HTML («Generado con «ruta
    informe» (ruta 0.1.0)»). Lanza ``SinNavegador`` o ``ErrorDeUso`` si el navegador no pudo.
    """
    navegador = navegador or buscar_navegador()
    generador = re.search(r'<meta name="generator" content="([^"]*)">', html[:4096])
    marca = generador.group(1) if generador else MARCA
    with tempfile.TemporaryDirectory(prefix="ruta-pdf-") as carpeta:
        carpeta_ = Path(carpeta)
        fuente, pdf = carpeta_ / "informe.html", carpeta_ / "informe.pdf"
        fuente.write_text(html, encoding="utf-8")
        try:
            hecho = subprocess.run([navegador, *_banderas(carpeta_ / "perfil", pdf), fuente.as_uri()],
                                   capture_output=True, text=True, errors="replace", timeout=ESPERA,
                                   stdin=subprocess.DEVNULL)
        except subprocess.TimeoutExpired:
            raise ErrorDeUso(f"el navegador ({navegador}) no terminó el PDF en {ESPERA} s.") from None
        except OSError as exc:
            raise ErrorDeUso(f"no se pudo abrir el navegador {navegador}: {exc.strerror or exc}.") from None
        crudo = pdf.read_bytes() if pdf.is_file() else b""
        if not crudo.startswith(b"%PDF-"):
            ultima = next((l for l in reversed(hecho.stderr.splitlines()) if l.strip()), "sin mensaje")
            raise ErrorDeUso(f"el navegador ({navegador}) no hizo el PDF (salió con "
                             f"{hecho.returncode}: {ultima.strip()[:300]}).")
    return fijar(crudo, dia, marca)


def _fecha_pdf(dia: date) -> bytes:
    return f"D:{dia:%Y%m%d}000000+00'00'".encode("ascii")


def fijar(crudo: bytes, dia: date, marca: str) -> bytes:
    """El PDF con fechas del día, la marca en ``/Creator`` e ``/ID`` del contenido.

    Con una tabla ``xref`` clásica (la de Chromium) se corrigen sus posiciones; si no la tiene,
    solo se cambia lo que mide lo mismo (las fechas), que no mueve nada.
    """
    fecha = _fecha_pdf(dia)
    info = re.search(rb"/Info\s+(\d+)\s+0\s+R", crudo[-4096:])
    xref = re.search(rb"startxref\s+(\d+)\s+%%EOF\s*$", crudo[-1024:])
    objeto = re.search(rb"(?m)^" + info.group(1) + rb" 0 obj\b.*?endobj", crudo, re.S) if info else None
    posicion = int(xref.group(1)) if xref else -1
    if objeto is None or not crudo[posicion:posicion + 4] == b"xref" or objeto.end() > posicion:
        return _mismo_largo(crudo, fecha)
    viejo = objeto.group(0)
    nuevo = re.sub(rb"/(CreationDate|ModDate)\s*\((D:[^)]*)\)", lambda m: b"/" + m.group(1) + b" (" + fecha + b")", viejo)
    nuevo = re.sub(rb"/Creator\s*(\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f]*>)", lambda m: b"/Creator " + texto_pdf(marca), nuevo)
    if b"/Creator" not in nuevo:
        nuevo = nuevo.replace(b">>", b"\n/Creator " + texto_pdf(marca) + b">>", 1)
    delta = len(nuevo) - len(viejo)
    cuerpo = crudo[:objeto.start()] + nuevo + crudo[objeto.end():posicion]
    cola = _mover_xref(crudo[posicion:], objeto.start(), delta)
    return _con_id(cuerpo + cola)


def _mover_xref(cola: bytes, desde: int, delta: int) -> bytes:
    """La tabla ``xref`` (y ``startxref``) con las posiciones después de ``desde`` corridas ``delta``."""
    def entrada(m):
        n = int(m.group(1))
        return (b"%010d" % (n + delta if n > desde and m.group(3) == b"n" else n)) + b" " + m.group(2) \
            + b" " + m.group(3)

    fin_tabla = cola.find(b"trailer")
    tabla = re.sub(rb"(\d{10}) (\d{5}) ([nf])", entrada, cola[:fin_tabla])
    resto = re.sub(rb"startxref\s+(\d+)", lambda m: b"startxref\n" + str(int(m.group(1)) + delta).encode(),
                   cola[fin_tabla:])
    return tabla + resto


def _con_id(pdf: bytes) -> bytes:
    """Un ``/ID [<…><…>]`` del tráiler, si lo hay, cambiado por uno derivado del contenido."""
    m = re.search(rb"/ID\s*\[\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*\]", pdf[-4096:])
    if m is None:
        return pdf
    inicio = len(pdf) - len(pdf[-4096:])
    huella = hashlib.sha256(pdf[:inicio + m.start()]).hexdigest().upper().encode("ascii") * 4
    fijo = b"/ID [<" + huella[:len(m.group(1))] + b"><" + huella[:len(m.group(2))] + b">]"
    fijo = fijo.ljust(m.end() - m.start())[:m.end() - m.start()]
    return pdf[:inicio + m.start()] + fijo + pdf[inicio + m.end():]


def _mismo_largo(crudo: bytes, fecha: bytes) -> bytes:
    """Sin una tabla ``xref`` clásica: solo las fechas que miden lo mismo que ``fecha``."""
    def cambiar(m):
        return m.group(0) if len(m.group(2)) != len(fecha) else b"/" + m.group(1) + b" (" + fecha + b")"
    return _con_id(re.sub(rb"/(CreationDate|ModDate)\s*\((D:[^)]*)\)", cambiar, crudo))
