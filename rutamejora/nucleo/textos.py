"""Pequeñas formas del texto en español que usan varias capas."""

from __future__ import annotations


def mayuscula(texto: str) -> str:
    """``texto`` con su primera letra en mayúscula y el resto como estaba (``str.capitalize``
    bajaría las siglas: «CTE» → «Cte»)."""
    return texto[:1].upper() + texto[1:]
