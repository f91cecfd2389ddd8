"""Expresiones regulares compiladas de antemano: ``compilar`` en vez de ``re.compile``.

El compilador de ``re`` está escrito en Python: analizar y traducir un patrón grande cuesta
milisegundos en **cada** proceso. Las expresiones de RM302 (``reglas/cifras_meta.py``: una
alternancia de 11 700 caracteres con los números en letra repetidos por dentro) y las del
detector de privacidad sumaban ~40 ms de un ``ruta validar`` de ~160 ms con la Ruta de ejemplo.

``_expresiones/`` (generado, junto a este módulo) guarda, un archivo por versión de Python, lo
que el compilador de ``re`` le entrega al motor en C (``_sre.compile``: el código del patrón,
sus banderas y sus grupos) para cada patrón que pasa por ``compilar``. Armar el patrón con eso
cuesta ~0.1 ms en lugar de ~16 ms el más grande. Cada archivo es ``marshal`` sin comprimir
(~450 KB): leerlo cuesta ~0.3 ms; con ``zlib`` y base64 en un módulo eran ~2.3 ms en cada
arranque, y ``ruta validar`` sobre una Ruta cuesta poco más que el arranque de Python. Es el mismo objeto que daría ``re.compile``
(``tests/nucleo/test_expresiones.py`` compara el código byte por byte) y nunca uno viejo:

- la llave es el patrón entero con sus banderas: un patrón que cambió no está en la tabla;
- la tabla de cada versión guarda el número mágico del motor (``_sre.MAGIC``) y el tamaño de
  su palabra de código: si no coinciden con los del Python que corre, no se usa;
- el motor valida el código que recibe; ante cualquier error se compila con ``re.compile``.

Con un Python sin tabla (otra versión u otra implementación) todo funciona igual, solo sin el
ahorro. Después de cambiar un patrón, se regenera con::

    python -m rutamejora.nucleo.compilar_expresiones --python python3.10 --python python3.12 …

Solo importa la biblioteca estándar.
"""

from __future__ import annotations

import re
import sys

# Cada patrón que pasó por ``compilar`` en este proceso (el generador los junta de aquí).
REGISTRADAS: dict[tuple[str, int], None] = {}
_tabla: dict | None = None


def clave_de_version() -> str:
    """``cpython-3.11-little``: la versión de Python (y el orden de los bytes de la máquina) para
    la que vale una tabla."""
    return f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}-{sys.byteorder}"


def archivo_de_tabla(clave: str) -> str:
    """Dónde está la tabla de la versión ``clave`` (``_expresiones/cpython-3.11-little.marshal``)."""
    import os

    return os.path.join(os.path.dirname(os.path.abspath(__file__)), "_expresiones", f"{clave}.marshal")


def leer_tabla(clave: str) -> tuple | None:
    """``(_sre.MAGIC, _sre.CODESIZE, entradas)`` de la tabla de la versión ``clave``, o ``None``
    si no hay o no se puede leer. Cada entrada: ``(patrón, banderas, banderas finales, código,
    grupos, índice de grupos, nombres)``."""
    import marshal

    try:
        with open(archivo_de_tabla(clave), "rb") as archivo:
            guardada = marshal.loads(archivo.read())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    if not (isinstance(guardada, tuple) and len(guardada) == 3):
        return None
    return guardada


def _cargar_tabla() -> dict:
    """``{(patrón, banderas): argumentos de _sre.compile}`` de este Python, o vacío."""
    try:
        import _sre
    except ImportError:
        return {}
    guardada = leer_tabla(clave_de_version())
    if guardada is None or guardada[0] != getattr(_sre, "MAGIC", None) \
            or guardada[1] != getattr(_sre, "CODESIZE", None):
        return {}
    try:
        return {(e[0], e[1]): e[2:] for e in guardada[2]}
    except (TypeError, IndexError):
        return {}


def tabla() -> dict:
    """La tabla de este Python, leída una vez por proceso."""
    global _tabla
    if _tabla is None:
        _tabla = _cargar_tabla()
    return _tabla


def compilar(patron: str, banderas: int = 0) -> re.Pattern:
    """Lo mismo que ``re.compile(patron, banderas)``, sin compilar si el patrón está en la tabla.
    Un patrón de ``bytes`` se compila como siempre (la tabla es de patrones de texto)."""
    if not isinstance(patron, str):
        return re.compile(patron, banderas)
    llave = (patron, int(banderas))
    REGISTRADAS[llave] = None
    guardado = tabla().get(llave)
    if guardado is not None:
        try:
            return _armar(patron, guardado)
        except Exception:  # noqa: BLE001 — cualquier rechazo del motor: compilar como siempre
            pass
    return re.compile(patron, banderas)


def _armar(patron: str, guardado: tuple) -> re.Pattern:
    import _sre
    from array import array

    banderas, codigo, grupos, indice, nombres = guardado
    palabras = array(_TIPO_DE_PALABRA[_sre.CODESIZE])
    palabras.frombytes(codigo)
    return _sre.compile(patron, banderas, palabras.tolist(), grupos, dict(indice), nombres)


# El código del motor como bytes: palabras de 2 o 4 bytes según ``_sre.CODESIZE``.
_TIPO_DE_PALABRA = {2: "H", 4: "I"}
