"""``ruta avance [CARPETA]``: cada meta de su línea base a su valor meta, con su estado."""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._vistas import (Formato, argumento_carpeta, ayuda, cargar_ruta, mostrar, opcion_fecha,
                                         opcion_formato)


def avance(carpeta: Path = argumento_carpeta(), fecha: str = opcion_fecha(),
           formato: Formato = opcion_formato()):
    """Muestra el avance de cada meta hacia su valor meta, con una barra y su estado.

    Por meta: línea base → último valor medido (con su fecha) → valor meta, qué parte del
    camino lleva y su estado (lograda, en camino, en riesgo, sin datos o no lograda), que
    compara lo avanzado con el tiempo transcurrido hacia su fecha límite (`ruta ayuda vistas`).

    Ejemplo: ruta avance ejemplos/primaria-2025-2026 --fecha 2026-01-30
    """
    resultado, hoy = cargar_ruta(carpeta, fecha)
    mostrar(formato, "avance", resultado.ruta, hoy)


def registrar(app: typer.Typer) -> None:
    app.command("avance", help=ayuda(avance))(avance)
