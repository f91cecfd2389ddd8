"""Abrir un .docx o un .xlsx que alguien mandó sin que su forma tumbe a ``ruta``.

Un .docx y un .xlsx son un zip con XML adentro. Lo que llega de una escuela puede ser otro
archivo renombrado, un zip sin las partes de Office, un XML anidado a más niveles de los que
lee lxml o una hoja con una sola celda escrita lejísimos (``XFD1048576``): openpyxl llena la
hoja como un rectángulo hasta esa celda y eso son miles de millones de casillas. Aquí se dice
en español qué tiene el archivo (``razon_ilegible``) y se leen solo las celdas que existen,
con un tope (``celdas_de``).
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

# Una hoja de alumnos o un plan: unos cientos o miles de renglones por unas decenas de
# columnas. Un millón de casillas deja pasar cualquier hoja real y ataja la que llega a XFD1048576.
TOPE_CELDAS = 1_000_000
# Lo que ocupa el zip ya abierto: un plan de Word o Excel ocupa unos megabytes; más es un zip
# hecho para llenar la memoria.
TOPE_DESCOMPRIMIDO = 300 * 1024 * 1024


class Desmedido(Exception):
    """El archivo se lee, pero su contenido es más grande de lo que se lee (salida 1)."""


def razon_ilegible(exc: BaseException, extension: str) -> str:
    """Por qué no se abrió un .docx o .xlsx, en español (sin el texto en inglés de la biblioteca)."""
    nombre = type(exc).__name__
    if isinstance(exc, (zipfile.BadZipFile, EOFError)) or nombre == "PackageNotFoundError":
        return (f"no es un archivo {extension} (un {extension} es un zip por dentro; ¿es otro archivo "
                "renombrado o está dañado?)")
    if isinstance(exc, KeyError):
        return (f"es un zip, pero le faltan las partes de un {extension} (¿es otro archivo renombrado "
                "o está dañado?)")
    if "depth" in str(exc).lower():
        return "anida tablas o textos a más de 256 niveles, más de lo que se puede leer"
    return "su contenido está dañado (el texto de adentro no se puede leer)"


def revisar_zip(fuente, archivo: Path) -> None:
    """``Desmedido`` si el zip abierto ocuparía más de ``TOPE_DESCOMPRIMIDO`` o si una hoja
    combina más de ``TOPE_CELDAS`` casillas (openpyxl crea un objeto por cada casilla combinada
    al abrir el libro, antes de que se pueda mirar). Un zip roto se deja pasar: quien lo abre
    después dice por qué no se lee."""
    try:
        with zipfile.ZipFile(fuente) as zf:
            total = sum(i.file_size for i in zf.infolist())
            if total > TOPE_DESCOMPRIMIDO:
                raise Desmedido(f"{archivo.name} ocupa {total // (1024 * 1024)} MB ya descomprimido: "
                                f"más de los {TOPE_DESCOMPRIMIDO // (1024 * 1024)} MB que se leen de un "
                                "plan o una hoja. Ábrelo, quita lo que no es del plan y guárdalo otra vez.")
            for info in zf.infolist():
                if info.filename.startswith("xl/worksheets/") and info.filename.endswith(".xml"):
                    _combinadas(zf, info.filename, archivo)
    except (zipfile.BadZipFile, OSError, EOFError, ValueError, KeyError, RuntimeError):
        return
    finally:
        if hasattr(fuente, "seek"):
            fuente.seek(0)


_COMBINADA = re.compile(rb'<(?:\w+:)?mergeCell\s[^>]*ref="([A-Z]{1,3})(\d{1,7}):([A-Z]{1,3})(\d{1,7})"')


def _combinadas(zf, nombre: str, archivo: Path) -> None:
    """``Desmedido`` si las celdas combinadas de una hoja suman más de ``TOPE_CELDAS`` casillas."""
    from openpyxl.utils import column_index_from_string

    area, resto = 0, b""
    with zf.open(nombre) as xml:
        while trozo := xml.read(1 << 20):
            texto = resto + trozo
            ultimo = 0
            for m in _COMBINADA.finditer(texto):
                c1, f1, c2, f2 = m.groups()
                columnas = abs(column_index_from_string(c2.decode()) - column_index_from_string(c1.decode())) + 1
                area += columnas * (abs(int(f2) - int(f1)) + 1)
                ultimo = m.end()
                if area > TOPE_CELDAS:
                    raise Desmedido(
                        f"{archivo.name} combina celdas hasta {c2.decode()}{int(f2)} (más de las "
                        f"{TOPE_CELDAS:,} casillas que se leen de una hoja). Si la tabla es más "
                        "chica, separa esas celdas («Combinar y centrar» otra vez en Excel), guarda "
                        "y vuelve a intentarlo.")
            resto = texto[max(ultimo, len(texto) - 200):]


def celdas_de(hoja, archivo: Path) -> tuple[dict[tuple[int, int], object], int, int]:
    """Las celdas con valor de una hoja de openpyxl: ``{(renglón, columna): valor}`` (desde 1),
    el último renglón y la última columna con algo escrito.

    Se recorren las celdas guardadas (``_cells``, lo que trae el archivo) y no el rectángulo de
    ``iter_rows``, que llega hasta la última celda con formato. ``Desmedido`` si lo escrito
    ocupa más de ``TOPE_CELDAS`` casillas, con la celda más lejana y qué hacer.
    """
    valores = {pos: c.value for pos, c in getattr(hoja, "_cells", {}).items() if c.value is not None}
    if not valores:
        return {}, 0, 0
    ultima_fila = max(r for r, _ in valores)
    ultima_col = max(c for _, c in valores)
    if ultima_fila * ultima_col > TOPE_CELDAS:
        from openpyxl.utils import get_column_letter

        raise Desmedido(
            f"la hoja «{hoja.title}» de {archivo.name} llega hasta la celda "
            f"{get_column_letter(ultima_col)}{ultima_fila} ({ultima_fila:,} renglones por "
            f"{ultima_col:,} columnas): más de las {TOPE_CELDAS:,} casillas que se leen de una hoja. "
            "Si la tabla es más chica, hay algo escrito lejos de ella: en Excel, Ctrl+Fin lleva a "
            "la última celda; bórrala, guarda y vuelve a intentarlo.")
    return valores, ultima_fila, ultima_col
