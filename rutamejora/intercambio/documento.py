"""Un documento de plan leído, sin importar de dónde: sus textos sueltos y sus cuadrículas.

Word y Excel se leen a la misma forma (``tablas_docx``, ``tablas_xlsx``; ``leer`` elige): una lista de
``Bloque`` en el orden del documento. Un bloque es un párrafo suelto o una cuadrícula de
celdas de texto, con las celdas combinadas ya repetidas en cada casilla que cubren (una
prioridad combinada en cinco renglones se lee cinco veces) y el lugar de cada renglón para
decir de dónde salió cada cosa («tabla 2, renglón 4», «hoja Plan, renglón 7»). Cada renglón
dice también qué columnas siguen una celda combinada a lo alto desde el de arriba
(``continuas``): un costo combinado en dos renglones es uno solo, no uno por renglón.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path


class DocumentoIlegible(Exception):
    """El archivo no es un .docx o .xlsx que se pueda leer (es un error de uso: salida 2), o
    (``salida`` 1) se lee pero su contenido es más de lo que se lee: una hoja hasta XFD1048576."""

    def __init__(self, mensaje: str, salida: int = 2):
        super().__init__(mensaje)
        self.salida = salida


@dataclass
class Bloque:
    """Un párrafo (``filas`` de una sola celda y ``tabla`` False) o una cuadrícula."""

    filas: list[list[str]]
    lugares: list[str]
    tabla: bool = True
    nombre: str = ""          # «tabla 2», «hoja Plan»
    # Por renglón, las columnas cuya celda es la de arriba combinada hacia abajo (vacío: ninguna).
    continuas: list[frozenset[int]] = field(default_factory=list)

    def continua(self, renglon: int, columna: int) -> bool:
        """¿La celda (``renglon``, ``columna``) es la misma que la de arriba (combinada a lo alto)?"""
        return renglon < len(self.continuas) and columna in self.continuas[renglon]


@dataclass
class Documento:
    archivo: Path
    bloques: list[Bloque] = field(default_factory=list)

    def textos(self) -> list[tuple[str, str]]:
        """(texto, lugar) de cada párrafo suelto."""
        return [(b.filas[0][0], b.lugares[0]) for b in self.bloques if not b.tabla]


def limpiar(texto) -> str:
    """El texto de una celda: renglones sin espacios de sobra, sin renglones vacíos."""
    texto = "" if texto is None else str(texto)  # un 0 de Excel es «0», no vacío
    renglones = [" ".join(r.split()) for r in texto.replace("\r", "\n").split("\n")]
    return "\n".join(r for r in renglones if r)
