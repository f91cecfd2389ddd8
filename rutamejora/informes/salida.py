"""El archivo de salida de ``-o``: qué formato pide su extensión y cuándo puede escribirse.

Posee ``EXTENSIONES`` y ``formato_de_archivo``, la ``MARCA`` que distingue un archivo hecho por
``ruta informe`` (el único que ``-o`` reemplaza), ``ARCHIVOS_RUTA`` (los que nunca reemplaza),
``revisar_salida`` y ``escribir`` (de una vez, nunca a medias).

Un archivo es un informe solo si lleva la marca **en el lugar donde ``ruta informe`` la
escribe** para su formato, igual salvo el número de versión: la primera línea de un Markdown
(``<!-- Generado con «ruta informe» (ruta 0.1.0). Se reemplaza… -->``), el
``<meta name="generator">`` del ``<head>`` de un HTML o el ``/Creator`` de un PDF (``pdf``). Una página que solo cita la marca (la
documentación, una nota) no lo es. Tampoco una carpeta, un dispositivo, una FIFO ni un enlace
que no lleva a ningún lado: ``-o`` los rechaza y no toca nada.
"""

from __future__ import annotations

import os
import re
import stat
from pathlib import Path

from rutamejora.informes.errores import ErrorDeUso
from rutamejora.nucleo.archivos import abrir_regular, que_es
from rutamejora.nucleo.expresiones import compilar

EXTENSIONES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html", ".pdf": "pdf"}
# Marca de un archivo hecho por `ruta informe`: `-o` solo reemplaza archivos que la tienen.
MARCA = "Generado con «ruta informe»"
ARCHIVOS_RUTA = ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml",
                 "metas.yaml", "acciones.yaml", "bitacora.yaml")
_VERSION = r"\(ruta [0-9A-Za-z.+!_-]+\)"
_MARCA_MD = compilar(r"<!-- " + re.escape(MARCA) + " " + _VERSION
                     + r"\. Se reemplaza al volver a generarlo: no lo edites a mano\. -->\r?\n?")
_CABEZA_HTML = compilar(r"(?:<!DOCTYPE html>\s*)?<html[^>]*>\s*<head>(.*?)</head>", re.S | re.I)
_MARCA_HTML = compilar(r'<meta name="generator" content="' + re.escape(MARCA) + " " + _VERSION + r'">')


def formato_de_archivo(archivo: Path) -> str | None:
    """``informe.html`` → ``html``; ``None`` si la extensión no dice el formato."""
    return EXTENSIONES.get(archivo.suffix.lower())


def revisar_salida(salida: Path, carpeta: Path) -> None:
    """Que ``-o`` pueda escribirse: nunca un archivo de la Ruta, solo reemplaza un informe.

    Lanza ``ErrorDeUso`` con el motivo. Un informe es derivado (se rehace cuando se quiera), así
    que se reemplaza sin preguntar; cualquier otro archivo existente se respeta.
    """
    destino = salida.resolve()
    ruta = carpeta.resolve()
    if destino.parent == ruta and (destino.name.lower() in ARCHIVOS_RUTA
                                  or (destino.suffix.lower() in (".yaml", ".yml")
                                      and destino.exists())):
        raise ErrorDeUso(f"{salida} es un archivo de la Ruta: un informe nunca lo reemplaza. "
                         "Escribe el informe en un archivo .md, .html o .pdf.")
    if destino.suffix.lower() in (".yaml", ".yml"):
        raise ErrorDeUso(f"un informe no se escribe en un archivo .yaml ({salida}): usa .md, .html o .pdf.")
    if salida.is_dir():
        raise ErrorDeUso(f"{salida} es una carpeta; -o necesita un archivo "
                         f"(p. ej. {salida / 'informe.html'}).")
    if os.path.islink(salida) and not salida.exists():
        raise ErrorDeUso(f"{salida} es un enlace a {os.readlink(salida)}, que no existe: -o no escribe "
                         "a través de él. Bórralo o elige otro nombre.")
    if not destino.parent.is_dir():
        raise ErrorDeUso(f"la carpeta {salida.parent} no existe.")
    try:
        modo = os.stat(destino).st_mode
    except FileNotFoundError:
        return
    except OSError as exc:
        raise ErrorDeUso(f"no se puede revisar {salida}: {exc.strerror or exc}.") from None
    if not stat.S_ISREG(modo):
        raise ErrorDeUso(f"{salida} {que_es(modo)}: -o solo reemplaza un informe hecho con "
                         "`ruta informe`. Elige otro nombre.")
    if not es_informe(destino):
        raise ErrorDeUso(f"{salida} ya existe y no es un informe hecho con `ruta informe`: no se "
                         "reemplaza. Bórralo o elige otro nombre.")


def es_informe(archivo: Path) -> bool:
    """¿``archivo`` es un informe de ``ruta informe`` (marca en su lugar) o está vacío?

    Un archivo vacío no guarda nada que perder (``touch informe.md``): también se reemplaza.
    """
    try:
        with abrir_regular(archivo) as f:
            inicio = f.read(65536)
    except OSError:
        return False
    if not inicio:
        return True
    if inicio.startswith(b"%PDF-"):
        return es_pdf_de_ruta(inicio)
    texto = inicio.decode("utf-8", "replace")
    if _MARCA_MD.fullmatch(texto.split("\n", 1)[0] + "\n"):
        return True
    cabeza = _CABEZA_HTML.match(texto)
    return cabeza is not None and _MARCA_HTML.search(cabeza.group(1)) is not None


def texto_pdf(texto: str) -> bytes:
    """Un texto como cadena de PDF: UTF-16BE con BOM, en hexadecimal (acentos y «» incluidos)."""
    return b"<FEFF" + texto.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def es_pdf_de_ruta(inicio: bytes) -> bool:
    """¿Estos bytes (el principio de un archivo) son de un PDF con la marca en su ``/Creator``?"""
    prefijo = texto_pdf(MARCA + " (ruta ")[:-1]     # sin «>»: la versión cambia
    return inicio.startswith(b"%PDF-") and b"/Creator " + prefijo in inicio


def escribir(salida: Path, texto: str | bytes) -> None:
    """Escribe el informe (texto, o los bytes de un PDF) de una vez (archivo temporal y
    renombrar): nunca queda a medias."""
    from rutamejora.nucleo.atomico import escribir_atomico

    escribir_atomico(salida, texto if isinstance(texto, bytes) else texto.encode("utf-8"))
