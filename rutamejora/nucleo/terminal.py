"""La consola de Rich de las vistas, armada en un solo lugar.

Respeta ``NO_COLOR`` (https://no-color.org) y el ancho de la terminal (o ``COLUMNS``, o el
``ancho`` que pida una prueba). Sin terminal (una tubería, un archivo) no escribe ningún código
de escape. ``ruta validar`` no la usa: Rich cuesta al importarse.
"""

from __future__ import annotations

import os
import sys


def usar_color(archivo=None) -> bool:
    """Color solo en una terminal y sin ``NO_COLOR``."""
    archivo = archivo if archivo is not None else sys.stdout
    try:
        terminal = archivo.isatty()
    except (AttributeError, ValueError):
        terminal = False
    return terminal and not os.environ.get("NO_COLOR")


def consola(archivo=None, ancho: int | None = None, color: bool | None = None):
    """Una ``rich.console.Console`` que escribe en ``archivo`` (por omisión, la salida estándar).

    ``ancho`` fija las columnas (las pruebas usan 80); sin él, Rich toma el de la terminal o
    ``COLUMNS``, y 80 si no hay ninguno. El texto de la Ruta nunca se interpreta como marcado
    de Rich (``markup=False``): un `[b]` en una actividad se ve tal cual.
    """
    from rich.console import Console

    archivo = archivo if archivo is not None else sys.stdout
    color = usar_color(archivo) if color is None else color
    return Console(file=archivo, width=ancho, color_system="auto" if color else None,
                   force_terminal=color, no_color=not color, markup=False, highlight=False,
                   emoji=False, soft_wrap=False)
