"""Las plantillas incluidas, compiladas de antemano: ``ruta informe`` no las analiza en cada corrida.

Compilar una plantilla de Jinja (su analizador y su generador de código son Python; antes, las
expresiones de su analizador léxico) costaba más de un tercio de un informe: ~75 ms de los ~240
de la rendición en HTML del ejemplo. ``_compiladas.py``, generado y comiteado como las
expresiones de ``nucleo``, trae el código de cada plantilla incluida para cada formato (HTML con
escape automático, Markdown con ``escapar_md``), tal como lo produce el entorno aislado de
``entorno`` (con la vigilancia de ``aislado`` ya puesta).

``Compiladas`` es la caché de código de Jinja (``bytecode_cache``) que lo entrega; nunca escribe.
Jinja mismo descarta lo que no corresponde: el código lleva la suma (SHA-1) del texto de la
plantilla, así que una plantilla propia con el mismo nombre (``--plantillas``) o una incluida
que cambió sin regenerar la tabla se compila como siempre. La tabla solo vale con la versión de
Python y de Jinja con que se generó y con el mismo entorno (``CLAVE``: ``entorno.py`` y
``aislado.py`` como estaban); si no, se compila todo como siempre.

Regenerar, después de cambiar una plantilla o el entorno::

    python -m rutamejora.informes.compilar_plantillas

``tests/informes/test_compiladas.py`` falla si la tabla quedó vieja.
"""

from __future__ import annotations

import base64
import sys
import zlib
from functools import lru_cache
from pathlib import Path

from jinja2.bccache import BytecodeCache



def versiones() -> str:
    """La versión de Python y de Jinja: el código compilado solo sirve con las mismas."""
    import jinja2

    return f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}|jinja2-{jinja2.__version__}"


def huella_del_entorno() -> str:
    """Una suma de ``entorno.py`` y ``aislado.py``: el código de una plantilla depende también de
    cómo se arma el entorno (los topes que ``aislado`` mete en cada plantilla, el escape, las
    opciones), no solo de su texto. Si cambian sin regenerar la tabla, la tabla no se usa."""
    import hashlib

    suma = hashlib.sha1()
    for nombre in ("entorno.py", "aislado.py"):
        # Sin los fines de línea de Windows (un clon con autocrlf da los mismos bytes).
        suma.update(Path(__file__).with_name(nombre).read_bytes().replace(b"\r\n", b"\n"))
    return suma.hexdigest()[:16]


def clave_actual() -> str:
    """Con qué se puede usar la tabla: las versiones y la huella del entorno."""
    return f"{versiones()}|{huella_del_entorno()}"


@lru_cache(maxsize=1)
def _tabla() -> dict[str, str]:
    try:
        from rutamejora.informes import _compiladas
    except ImportError:  # aún no generada
        return {}
    return _compiladas.TABLA if _compiladas.CLAVE == clave_actual() else {}


class Compiladas(BytecodeCache):
    """La caché de código de Jinja con las plantillas incluidas de ``formato``, de solo lectura."""

    def __init__(self, formato: str):
        self.formato = formato

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        # Por nombre y formato, no por la ruta del archivo (cambia con cada instalación).
        return f"{self.formato}:{name}"

    def load_bytecode(self, bucket) -> None:
        datos = _tabla().get(bucket.key)
        if datos is not None:
            # ``Bucket`` comprueba la versión de Jinja y de Python y la suma del texto: si no
            # coinciden, queda vacío y Jinja compila la plantilla.
            bucket.bytecode_from_string(zlib.decompress(base64.b64decode(datos)))

    def dump_bytecode(self, bucket) -> None:
        """No escribe: una plantilla que no está en la tabla se compila en cada corrida."""
