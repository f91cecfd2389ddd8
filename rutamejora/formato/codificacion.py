"""El decodificado: de los bytes de un archivo a su texto.

Se acepta UTF-8, con o sin BOM; cualquier otra cosa (UTF-16, UTF-32, Latin-1, Windows-1252, un
archivo binario) es un problema RM006 que nombra la codificación probable y dice dónde está el
primer byte que no es UTF-8.
"""

from __future__ import annotations

from rutamejora.formato import codigos_lectura  # noqa: F401  registra RM006 antes de usarlo
from rutamejora.formato.posiciones import posicion
from rutamejora.nucleo.codigos import problema_de
from rutamejora.nucleo.problemas import Problema


def decodificar(crudo: bytes, nombre: str, problemas: list) -> str | None:
    """UTF-8 (con o sin BOM) o un problema, agregado a ``problemas``, que nombra la codificación
    probable del archivo ``nombre``."""
    for bom, codificacion in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                              (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if crudo.startswith(bom):
            problemas.append(_mala_codificacion(nombre, 1, 1,
                                                f"El archivo está en {codificacion}, no en UTF-8."))
            return None
    if crudo.startswith(b"\xef\xbb\xbf"):
        crudo = crudo[3:]  # La BOM de UTF-8 es inofensiva (la pone el Bloc de notas): se acepta.
    try:
        texto = crudo.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefijo = crudo[:exc.start].decode("utf-8", "replace")
        linea, columna = posicion(prefijo, len(prefijo))
        problemas.append(_mala_codificacion(
            nombre, linea, columna,
            f"El archivo no está en UTF-8; parece {_codificacion_probable(crudo)}."))
        return None
    if "\x00" in texto:
        linea, columna = posicion(texto, texto.index("\x00"))
        problemas.append(_mala_codificacion(
            nombre, linea, columna,
            "El archivo tiene bytes nulos: parece UTF-16 sin BOM o un archivo binario."))
        return None
    return texto


def _codificacion_probable(crudo: bytes) -> str:
    """Windows-1252 si usa sus caracteres propios (comillas curvas, guiones), si no Latin-1."""
    if any(0x80 <= b <= 0x9F for b in crudo):
        return "Windows-1252 (cp1252)"
    return "Latin-1 (ISO-8859-1)"


def _mala_codificacion(nombre: str, linea: int, columna: int, mensaje: str) -> Problema:
    return problema_de(
        "RM006", nombre, linea, columna, "", mensaje,
        pista="Guárdalo como UTF-8 (en el Bloc de notas: Guardar como → Codificación: UTF-8; "
              "en VS Code: «Reabrir con codificación» y luego «Guardar con codificación»).")
