"""El decodificado: de los bytes de un archivo a su texto.

Se acepta UTF-8, con o sin BOM; cualquier otra cosa (UTF-16, UTF-32, Latin-1, Windows-1252, un
archivo binario) es un problema RM006 que nombra la codificación probable y dice dónde está el
primer byte que no es UTF-8. Un archivo binario conocido (una imagen, un PDF, un documento de
Office) se nombra por su firma, no como un texto en otra codificación; UTF-16 sin BOM se
reconoce por sus bytes nulos alternados.
"""

from __future__ import annotations

from rutamejora.formato import codigos_lectura  # noqa: F401  registra RM006 antes de usarlo
from rutamejora.formato.posiciones import posicion
from rutamejora.nucleo.codigos import problema_de
from rutamejora.nucleo.problemas import Problema


def decodificar(crudo: bytes, nombre: str, problemas: list) -> str | None:
    """UTF-8 (con o sin BOM) o un problema, agregado a ``problemas``, que nombra la codificación
    probable del archivo ``nombre``."""
    binario = tipo_binario(crudo)
    if binario is not None:
        # Guardarlo «como UTF-8» no arregla una imagen o un .docx: la pista dice qué hacer con él.
        problemas.append(problema_de(
            "RM006", nombre, 1, 1, "", f"El archivo no es texto: parece un archivo binario ({binario}).",
            pista=_pista_binario(nombre, binario)))
        return None
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
        utf16 = _utf16_sin_bom(crudo)
        if utf16:
            linea, columna = 1, 1
        mensaje = (f"El archivo está en {utf16} sin BOM, no en UTF-8." if utf16 else
                   f"El archivo no está en UTF-8; parece {_codificacion_probable(crudo)}.")
        problemas.append(_mala_codificacion(nombre, linea, columna, mensaje))
        return None
    if "\x00" in texto:
        utf16 = _utf16_sin_bom(crudo)
        linea, columna = (1, 1) if utf16 else posicion(texto, texto.index("\x00"))
        problemas.append(_mala_codificacion(
            nombre, linea, columna,
            f"El archivo está en {utf16} sin BOM, no en UTF-8." if utf16 else
            "El archivo tiene bytes nulos: parece un archivo binario, no un texto."))
        return None
    return texto


# Las firmas (los primeros bytes) de los binarios que se pegan por error en lugar de un YAML.
_FIRMAS = ((b"\x89PNG\r\n\x1a\n", "imagen PNG"), (b"\xff\xd8\xff", "imagen JPEG"),
           (b"GIF87a", "imagen GIF"), (b"GIF89a", "imagen GIF"), (b"%PDF-", "documento PDF"),
           (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "documento de Office antiguo (.doc, .xls)"))


def tipo_binario(crudo: bytes) -> str | None:
    """«imagen PNG», «documento de Word (.docx)»… si los bytes empiezan con una firma conocida."""
    for firma, tipo in _FIRMAS:
        if crudo.startswith(firma):
            return tipo
    if crudo.startswith((b"PK\x03\x04", b"PK\x05\x06")):
        # .docx, .xlsx y .pptx son ZIP: el nombre de su primera carpeta los distingue.
        inicio = crudo[:65536]
        for carpeta, tipo in ((b"word/", "documento de Word (.docx)"), (b"xl/", "hoja de Excel (.xlsx)"),
                              (b"ppt/", "presentación de PowerPoint (.pptx)")):
            if carpeta in inicio:
                return tipo
        return "archivo ZIP"
    return None


def _utf16_sin_bom(crudo: bytes) -> str | None:
    """«UTF-16LE» o «UTF-16BE» si los bytes nulos caen en las posiciones de un texto así.

    El texto de una Ruta es casi todo ASCII: en UTF-16LE cada letra lleva un byte nulo después
    (en UTF-16BE, antes); ningún otro texto tiene tantos nulos en un solo lado."""
    muestra = crudo[:4096]
    pares = len(muestra) // 2
    if pares < 2:
        return None
    nulos_pares = muestra[0:pares * 2:2].count(0)
    nulos_impares = muestra[1:pares * 2:2].count(0)
    if nulos_impares >= pares * 0.3 and nulos_pares <= pares * 0.05:
        return "UTF-16LE"
    if nulos_pares >= pares * 0.3 and nulos_impares <= pares * 0.05:
        return "UTF-16BE"
    return None


def _codificacion_probable(crudo: bytes) -> str:
    """Windows-1252 si usa sus caracteres propios (comillas curvas, guiones), si no Latin-1."""
    if any(0x80 <= b <= 0x9F for b in crudo):
        return "Windows-1252 (cp1252)"
    return "Latin-1 (ISO-8859-1)"


def _pista_binario(nombre: str, binario: str) -> str:
    """Qué hacer con un archivo binario donde va el YAML de la Ruta."""
    if "Word" in binario or "Excel" in binario:
        return (f"Si es tu plan en Word o Excel, pásalo a la Ruta con `ruta importar plan ARCHIVO "
                f"CARPETA` y guarda el documento fuera de la carpeta; {nombre} debe ser texto YAML.")
    return (f"Mueve ese archivo fuera de la carpeta de la Ruta y vuelve a poner el {nombre} de "
            f"texto (`git checkout -- {nombre}` si está en git).")


def _mala_codificacion(nombre: str, linea: int, columna: int, mensaje: str) -> Problema:
    return problema_de(
        "RM006", nombre, linea, columna, "", mensaje,
        pista="Guárdalo como UTF-8 (en el Bloc de notas: Guardar como → Codificación: UTF-8; "
              "en VS Code: «Reabrir con codificación» y luego «Guardar con codificación»).")
