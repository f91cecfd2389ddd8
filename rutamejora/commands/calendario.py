"""``ruta calendario [CARPETA]``: el ciclo mes por mes, con acciones, sesiones y recesos."""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._vistas import (Formato, argumento_carpeta, ayuda, cargar_ruta, mostrar, opcion_fecha,
                                         opcion_formato)


def calendario(carpeta: Path = argumento_carpeta(), fecha: str = opcion_fecha(),
               formato: Formato = opcion_formato()):
    """Muestra el ciclo mes por mes: sesiones del CTE, recesos y acciones en marcha.

    Cada mes dice sus sesiones ordinarias (y si la bitácora ya las registra), los recesos, y las
    acciones que inician, terminan o siguen en marcha, con sus fechas vigentes (ya
    reprogramadas) y su estado al día de --fecha.

    Ejemplo: ruta calendario ejemplos/primaria-2025-2026 --fecha 2026-01-30
    """
    from rutamejora.vistas import calendario_del_ciclo

    resultado, hoy = cargar_ruta(carpeta, fecha)
    meses = calendario_del_ciclo(resultado.ruta, hoy)
    mostrar(formato, "calendario", resultado.ruta, meses, hoy)


def registrar(app: typer.Typer) -> None:
    app.command("calendario", help=ayuda(calendario))(calendario)
