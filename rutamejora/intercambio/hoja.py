"""Leer una hoja con un renglón por alumno, como la exportan SisAT y control escolar.

Un libro de Excel (``.xlsx``, con openpyxl) o un ``.csv`` (UTF-8 o el Windows-1252 con que lo
guarda Excel en español; separado por comas, punto y coma o tabuladores). Los encabezados
pueden estar en la fila 1 o más abajo (debajo del nombre de la escuela y del grupo), partidos
en dos filas («Lectura» combinada sobre «Nivel», «Escritura» sobre otro «Nivel») y con acentos,
mayúsculas o dos puntos: se buscan como los escribe la persona, sin importar nada de eso. Una
celda combinada vale en todas las que cubre (el grado escrito una vez para todo el grupo).

De la tabla solo se usan las columnas pedidas: los nombres y las CURP de las demás ni se
copian (ver ``resultados``).
"""

from __future__ import annotations

import codecs
import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from rutamejora.catalogos import normalizar
from rutamejora.nucleo.expresiones import compilar

EXTENSIONES_HOJA = (".xlsx", ".xlsm", ".csv")
# Una hoja de alumnos de una escuela pesa kilobytes; el tope evita leer por error un archivo enorme.
TOPE_BYTES = 50 * 1024 * 1024
# Los encabezados se buscan en las primeras filas (antes van el nombre de la escuela, el grupo…).
FILAS_DE_ENCABEZADO = 60


class HojaInvalida(Exception):
    """La hoja no se puede leer o no tiene lo pedido: un error de uso (salida 2); o (``salida``
    1) se lee pero su contenido es más de lo que se lee: una celda en XFD1048576."""

    def __init__(self, mensaje: str, salida: int = 2):
        super().__init__(mensaje)
        self.salida = salida


@dataclass
class Tabla:
    """Las celdas de una pestaña como texto (las combinadas, repetidas en todo su rango)."""

    archivo: Path
    pestana: str | None           # el nombre de la pestaña del libro; None en un .csv
    filas: list[list[str]]


@dataclass
class Columnas:
    """Dónde están las columnas pedidas: la fila de los encabezados (desde 0) y cada índice."""

    fila: int
    indices: list[int]
    nombres: list[str]            # cada encabezado como está en la hoja («Lectura / Nivel»)


def clave(texto: str) -> str:
    """Un encabezado o un valor para comparar: sin acentos, mayúsculas, signos ni espacios de más."""
    return normalizar(re.sub(r"[^\w°]+", " ", texto))


def texto_de(valor) -> str:
    """El texto de una celda: un número entero sin «.0», una fecha AAAA-MM-DD, espacios de más fuera."""
    if valor is None:
        return ""
    if isinstance(valor, bool):
        return "sí" if valor else "no"
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    if isinstance(valor, datetime):
        return valor.date().isoformat() if valor.time() == datetime.min.time() else valor.isoformat(" ")
    if isinstance(valor, date):
        return valor.isoformat()
    return " ".join(_CONTROL.sub("", str(valor)).split())


# Un NUL o un carácter de control en una celda no es parte de un nivel ni de un grado (y no
# cabe en un YAML): se quita.
_CONTROL = compilar(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def leer_tabla(archivo: Path) -> list[Tabla]:
    """Las pestañas de ``archivo`` (una sola en un ``.csv``). Lanza ``HojaInvalida``."""
    extension = archivo.suffix.lower()
    if extension == ".xls":
        raise HojaInvalida(f"{archivo} es un libro de Excel antiguo (.xls): ábrelo y guárdalo como "
                           ".xlsx o .csv.")
    if extension not in EXTENSIONES_HOJA:
        raise HojaInvalida(f"no se sabe leer {archivo}: usa una hoja .xlsx o .csv.")
    crudo = _leer(archivo)
    if extension == ".csv":
        return [Tabla(archivo, None, _filas_csv(crudo, archivo))]
    return _tablas_xlsx(crudo, archivo)


def _leer(archivo: Path) -> bytes:
    from rutamejora.nucleo.archivos import DemasiadoGrande, NoEsRegular, leer_regular, razon

    try:
        return leer_regular(archivo, TOPE_BYTES)
    except DemasiadoGrande:
        raise HojaInvalida(f"{archivo} pesa más de {TOPE_BYTES // (1024 * 1024)} MB: no parece una "
                           "hoja de alumnos de una escuela.") from None
    except NoEsRegular as exc:
        raise HojaInvalida(f"{archivo} {exc.strerror}.") from None
    except OSError as exc:
        raise HojaInvalida(f"no se pudo leer {archivo}: {razon(exc, leyendo=True)}.") from None


def _filas_csv(crudo: bytes, archivo: Path) -> list[list[str]]:
    """Las filas de un CSV; el separador (coma, punto y coma o tabulador) se deduce."""
    texto = _texto_csv(crudo, archivo)
    muestra = texto[:8192]
    try:
        dialecto = csv.Sniffer().sniff(muestra, delimiters=",;\t")
    except csv.Error:
        separador = max(",;\t", key=muestra.count)
        dialecto = type("Dialecto", (csv.excel,), {"delimiter": separador})
    try:
        return [[texto_de(c) for c in fila] for fila in csv.reader(io.StringIO(texto, newline=""), dialecto)]
    except csv.Error as exc:
        if "field larger" in str(exc):
            # El tope de ``csv`` (131072 caracteres) ataja una celda que no es de una hoja de
            # alumnos: casi siempre unas comillas sin cerrar que juntan el resto del archivo.
            raise HojaInvalida(f"{archivo} tiene una celda de más de {csv.field_size_limit():,} "
                               "caracteres: no parece una hoja de alumnos (¿unas comillas sin cerrar "
                               "juntan el resto del archivo en una celda?). Revísalo en Excel y "
                               "guárdalo otra vez como «CSV UTF-8 (delimitado por comas)».", salida=1) from None
        raise HojaInvalida(f"{archivo} no es un CSV que se pueda leer: tiene un renglón roto. Ábrelo "
                           "en Excel y guárdalo otra vez como «CSV UTF-8 (delimitado por comas)».") from None


def _texto_csv(crudo: bytes, archivo: Path) -> str:
    """El texto de un CSV: UTF-8 (con o sin BOM), UTF-16 con su BOM («Texto Unicode» de Excel)
    o el Windows-1252 con que lo guarda Excel en español. ``HojaInvalida`` si no es texto."""
    pista = "Ábrelo en Excel y guárdalo como «CSV UTF-8 (delimitado por comas)»."
    if crudo.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return crudo.decode("utf-16")
        except UnicodeDecodeError:
            raise HojaInvalida(f"{archivo} dice estar en UTF-16 pero no se puede leer así. {pista}") from None
    try:
        texto = crudo.decode("utf-8-sig")
    except UnicodeDecodeError:
        texto = crudo.decode("cp1252", errors="replace")   # Excel en español guarda así el CSV
    # Un archivo binario (un .xlsx o una imagen renombrados) decodifica a basura con caracteres
    # de control: sus «encabezados» no le dicen nada a nadie.
    raros = sum(1 for ch in texto[:65536] if ch == "\ufffd" or (ord(ch) < 32 and ch not in "\t\r\n"))
    if raros > max(2, len(texto[:65536]) // 100):
        cual = "un .xlsx renombrado" if crudo.startswith(b"PK") else "otro tipo de archivo"
        raise HojaInvalida(f"{archivo} no es un CSV de texto (parece {cual}, o un CSV en una "
                           f"codificación que no se reconoce). {pista}")
    return texto


def _tablas_xlsx(crudo: bytes, archivo: Path) -> list[Tabla]:
    """Cada pestaña de un libro, con las celdas combinadas llenas y los valores (no fórmulas)."""
    import warnings

    from openpyxl import load_workbook

    from rutamejora.intercambio.archivos_office import Desmedido, razon_ilegible, revisar_zip

    try:
        revisar_zip(io.BytesIO(crudo), archivo)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")   # «Data Validation extension is not supported» y similares
            libro = load_workbook(io.BytesIO(crudo), data_only=True)
    except Desmedido as exc:
        raise HojaInvalida(str(exc), salida=1) from None
    except Exception as exc:  # noqa: BLE001 - zip roto, XML roto, otro formato: todo es «ilegible»
        raise HojaInvalida(f"{archivo} no es un libro de Excel que se pueda leer: "
                           f"{razon_ilegible(exc, '.xlsx')}. Si está protegido con contraseña, "
                           "quítasela; ábrelo y guárdalo como .xlsx o .csv.") from None
    return [_pestana(hoja, archivo) for hoja in libro.worksheets]


def _pestana(hoja, archivo: Path) -> Tabla:
    """Una pestaña con las celdas combinadas llenas, hasta la última celda escrita."""
    from rutamejora.intercambio.archivos_office import Desmedido, celdas_de

    try:
        valores, ultima_fila, ultima_col = celdas_de(hoja, archivo)
    except Desmedido as exc:
        raise HojaInvalida(str(exc), salida=1) from None
    filas = [[""] * ultima_col for _ in range(ultima_fila)]
    for (r, c), valor in valores.items():
        filas[r - 1][c - 1] = texto_de(valor)
    for rango in hoja.merged_cells.ranges:
        if rango.min_row > ultima_fila or rango.min_col > ultima_col:
            continue
        valor = filas[rango.min_row - 1][rango.min_col - 1]
        for f in range(rango.min_row - 1, min(rango.max_row, ultima_fila)):
            for c in range(rango.min_col - 1, min(rango.max_col, ultima_col)):
                filas[f][c] = valor
    return Tabla(archivo, hoja.title, filas)


def _encabezados(filas: list[list[str]], f: int) -> list[tuple[str, str]]:
    """Los nombres de cada columna de la fila ``f``: el suyo y, si la fila de arriba agrupa
    (una celda combinada «Lectura» sobre «Nivel»), «Lectura / Nivel»."""
    fila = filas[f]
    arriba = filas[f - 1] if f > 0 else []
    nombres = []
    for c, celda in enumerate(fila):
        grupo = arriba[c] if c < len(arriba) else ""
        if not celda and grupo and f > 0:
            # Un encabezado de una fila junto a otros de dos, sin combinar hacia abajo («GRADO»
            # en la fila 3 y nada debajo, junto a «Lectura» sobre «Nivel»): es el de la columna.
            nombres.append((grupo, grupo))
            continue
        compuesto = f"{grupo} / {celda}" if grupo and celda and clave(grupo) != clave(celda) else celda
        nombres.append((celda, compuesto))
    return nombres


def buscar_columnas(tabla: Tabla, pedidas: list[str]) -> Columnas | None:
    """La primera fila con todas las columnas ``pedidas`` (por su nombre o por «Grupo / Nombre»).

    ``None`` si ninguna fila las tiene. Lanza ``HojaInvalida`` si un nombre está en varias
    columnas de esa fila y no se sabe cuál es.
    """
    claves = [clave(p) for p in pedidas]
    for f in range(min(len(tabla.filas), FILAS_DE_ENCABEZADO)):
        nombres = _encabezados(tabla.filas, f)
        indices, elegidos = [], []
        for pedida, k in zip(pedidas, claves):
            compuestas = [c for c, (_, comp) in enumerate(nombres) if comp and clave(comp) == k]
            simples = [c for c, (solo, _) in enumerate(nombres) if solo and clave(solo) == k]
            encontradas = compuestas or simples
            if not encontradas:
                break
            if len(set(nombres[c][1] for c in encontradas)) > 1:
                cuales = ", ".join(f"«{nombres[c][1]}»" for c in encontradas)
                raise HojaInvalida(f"«{pedida}» está en {len(encontradas)} columnas ({cuales}); di "
                                   f"cuál con su grupo, p. ej. --columna \"{nombres[encontradas[0]][1]}\".")
            if len(encontradas) > 1:
                # El mismo encabezado dos veces: contar la primera sin decirlo podría contar la otra.
                letras = " y ".join(_letra(c) for c in encontradas)
                raise HojaInvalida(f"«{pedida}» es el encabezado de {len(encontradas)} columnas "
                                   f"(la {letras}); cámbiale el nombre a la que no se cuenta en la hoja.")
            indices.append(encontradas[0])
            elegidos.append(nombres[encontradas[0]][1])
        else:
            return Columnas(f, indices, elegidos)
    return None


def _letra(indice: int) -> str:
    """La letra de una columna como la muestra Excel (0 → A, 26 → AA)."""
    letra = ""
    indice += 1
    while indice:
        indice, resto = divmod(indice - 1, 26)
        letra = chr(ord("A") + resto) + letra
    return letra


def encabezados_probables(tabla: Tabla) -> tuple[int | None, list[str]]:
    """La fila que parece de encabezados (desde 0; ``None`` si no hay texto) y sus nombres, para
    decir qué hay cuando no se halla una columna: entre las primeras, la de más nombres
    distintos. Un título combinado a lo ancho cuenta una vez (no gana por repetirse en cada
    casilla) y en un empate gana la de arriba (los renglones de alumnos vienen después). Si la
    fila de arriba agrupa («Lectura» sobre «Nivel»), los nombres son los que acepta
    ``--columna`` («Lectura / Nivel»)."""
    mejor, nombres = None, []
    for f in range(min(len(tabla.filas), FILAS_DE_ENCABEZADO)):
        agrupa = f > 0 and len(_textos(tabla.filas[f - 1])) >= 2
        propios = [compuesto if agrupa else celda for celda, compuesto in _encabezados(tabla.filas, f)
                   if celda and not _CIFRAS.fullmatch(celda)]
        distintos = list(dict.fromkeys(propios))
        if len(distintos) > len(nombres):
            mejor, nombres = f, distintos
    return mejor, nombres


# Una celda de puras cifras (un número de lista, un puntaje, un teléfono) no es un encabezado.
# (Solo se usa al explicar un error: ``re`` basta, sin la tabla de ``compilar``.)
_CIFRAS = re.compile(r"[\d.,:/ -]+")


def _textos(fila: list[str]) -> set[str]:
    """Los textos distintos de una fila que no son puras cifras."""
    return {c for c in fila if c and not _CIFRAS.fullmatch(c)}
