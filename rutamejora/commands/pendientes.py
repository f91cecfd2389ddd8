"""``ruta pendientes [CARPETA]``: lo que la próxima sesión del CTE tiene que revisar."""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._comun import fallar_uso
from rutamejora.commands._vistas import (Formato, argumento_carpeta, ayuda, cargar_ruta, mostrar, opcion_fecha,
                                         opcion_formato)


def pendientes(carpeta: Path = argumento_carpeta(), fecha: str = opcion_fecha(),
               formato: Formato = opcion_formato(),
               hasta_sesion: str = typer.Option(None, "--hasta-sesion", metavar="N",
                                                help="Mira hasta la sesión N del CTE (por omisión, "
                                                     "la próxima).")):
    """Lista lo que la próxima sesión del CTE debe revisar, de lo más urgente a lo menos.

    Acciones vencidas o que terminan antes de la sesión, metas en riesgo o que hay que medir,
    acciones sin registro desde la última sesión, y los errores y avisos de `ruta validar`. Con
    --hasta-sesion N mira hasta la sesión N.

    Ejemplo: ruta pendientes --fecha 2026-01-15 --hasta-sesion 5
    """
    from rutamejora.vistas import SesionInvalida, pendientes as calcular

    numero = None
    if hasta_sesion is not None:
        try:
            numero = int(hasta_sesion)
        except ValueError:
            fallar_uso(f"--hasta-sesion: «{hasta_sesion}» no es un número de sesión (1, 2, …).")
    resultado, hoy = cargar_ruta(carpeta, fecha)
    try:
        lista = calcular(resultado.ruta, hoy, numero, resultado.problemas)
    except SesionInvalida as exc:
        fallar_uso(f"--hasta-sesion: {exc}")
    mostrar(formato, "pendientes", resultado.ruta, lista)


def registrar(app: typer.Typer) -> None:
    app.command("pendientes", help=ayuda(pendientes))(pendientes)
