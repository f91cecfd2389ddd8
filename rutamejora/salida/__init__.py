"""Salidas de ``ruta validar``: problemas → texto (personas), json (programas), github (CI).

Capa: encima de ``reglas`` (recibe sus ``Resultado``) y de ``nucleo``; solo ``commands`` la usa.
También genera ``docs/formato.md`` y ``docs/reglas.md`` (``documentacion``) y los imprime, con los
demás textos de ``docs/`` para quien usa ``ruta``, en ``ruta ayuda TEMA`` (``ayuda``).

Un solo registro de formatos. Cada formato recibe la lista de ``Resultado`` (una por Ruta) y
devuelve el texto completo; quien llama decide a dónde va (stdout).
"""

from __future__ import annotations

FORMATOS = ("texto", "json", "github")
# Lo de ``ruta ayuda``, importado a demanda (``ruta validar`` no lo paga).
_AYUDA = ("TEMAS", "TemaDesconocido", "temas", "texto_de_tema")
__all__ = ["FORMATOS", "formatear", *_AYUDA]


def __getattr__(nombre: str):
    if nombre in _AYUDA:
        from rutamejora.salida import ayuda

        return getattr(ayuda, nombre)
    raise AttributeError(f"module {__name__!r} has no attribute {nombre!r}")


def formatear(resultados: list, formato: str, color: bool = False, base=None) -> str:
    """El texto de ``resultados`` en ``formato``. ``base`` es la carpeta contra la que se
    escriben las rutas de archivo en ``github`` (la actual, por omisión)."""
    # Cada formato se importa solo cuando se pide (texto, el común, no carga json ni github).
    if formato == "json":
        from rutamejora.salida import json as modulo
    elif formato == "github":
        from rutamejora.salida import github as modulo
    else:
        from rutamejora.salida import texto as modulo
    return modulo.formatear(resultados, color=color, base=base)
