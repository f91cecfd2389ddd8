"""``ruta resumen [CARPETA]``: la Ruta de un vistazo (árbol, estados, conteos y dinero)."""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._vistas import (Formato, argumento_carpeta, ayuda, cargar_ruta, mostrar, opcion_fecha,
                                         opcion_formato)


def resumen(carpeta: Path = argumento_carpeta(), fecha: str = opcion_fecha(),
            formato: Formato = opcion_formato()):
    """Muestra la Ruta de un vistazo: el árbol con sus estados, los conteos y el dinero.

    La escuela; el árbol prioridades → objetivos → metas → acciones con el estado de cada meta y
    de cada acción; cuántas hay de cada cosa, y el dinero por fuente (previsto, recibido,
    planeado, ejercido y saldo). --fecha muestra la Ruta como estaba ese día.

    Ejemplo: ruta resumen ejemplos/primaria-2025-2026 --fecha 2026-01-30
    """
    resultado, hoy = cargar_ruta(carpeta, fecha)
    mostrar(formato, "resumen", resultado.ruta, hoy)


def registrar(app: typer.Typer) -> None:
    app.command("resumen", help=ayuda(resumen))(resumen)
