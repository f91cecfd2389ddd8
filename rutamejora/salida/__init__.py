"""Salidas de ``ruta validar``: problemas → texto (personas), json (programas), github (CI).

Un solo registro de formatos. Cada formato recibe la lista de ``Resultado`` (una por Ruta) y
devuelve el texto completo; quien llama decide a dónde va (stdout).
"""

from __future__ import annotations

import importlib

FORMATOS = ("texto", "json", "github")


def formatear(resultados: list, formato: str, color: bool = False, base=None) -> str:
    """El texto de ``resultados`` en ``formato``. ``base`` es la carpeta contra la que se
    escriben las rutas de archivo en ``github`` (la actual, por omisión)."""
    modulo = importlib.import_module(f"rutamejora.salida.{formato}")
    return modulo.formatear(resultados, color=color, base=base)
