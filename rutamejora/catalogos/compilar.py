"""Genera ``_compilado.py``: los YAML de esta carpeta ya leídos, como literales de Python.

Leer los catálogos con ruamel en cada arranque de ``ruta validar`` costaba ~9 ms (de ~130 ms);
importar sus literales desde el ``.pyc`` cuesta ~0.6 ms (las cifras, en docs/rendimiento.md).
Los YAML siguen siendo la fuente que se edita; después de editarlos, se regenera con::

    python -m rutamejora.catalogos.compilar

La salida es reproducible (mismos YAML → mismos bytes) y solo depende de ``repr`` de textos y
números, no de la versión de Python. ``tests/catalogos/test_catalogos_compilados.py`` falla si quedó
vieja. Cada catálogo guarda la huella de su YAML: si no coincide (alguien editó el YAML y no
regeneró), ``rutamejora.catalogos`` vuelve a leer el YAML, así que el resultado nunca es viejo.
"""

from __future__ import annotations

import math
import re
import sys
from datetime import date
from pathlib import Path

from rutamejora.catalogos import AQUI, CatalogoInvalido, _cargar_yaml, _huella

DESTINO = AQUI / "_compilado.py"
_ANCHO = 100

_CABECERA = '''\
# Generado por `python -m rutamejora.catalogos.compilar` a partir de los YAML de esta carpeta.
# NO EDITAR A MANO: se edita el YAML y se regenera (tests/catalogos/test_catalogos_compilados.py falla si
# quedó viejo).
"""Los catálogos del paquete ya leídos, como literales de Python (ver ``compilar.py``).

``CATALOGOS`` va de cada YAML (relativo a ``rutamejora/catalogos/``) a la huella CRC-32 del YAML
del que salió y a la función que arma su contenido: cada catálogo se arma solo cuando se pide.
"""

from datetime import date
'''


def fuentes() -> list[Path]:
    """Los YAML del paquete que se compilan: los de esta carpeta y los de ``marcos/``."""
    return sorted(AQUI.glob("*.yaml")) + sorted((AQUI / "marcos").glob("*.yaml"))


def _escalar(valor, ruta: Path) -> str:
    # `type(...) is` y no isinstance: bool es int y datetime es date, y se escriben distinto.
    if valor is None or type(valor) in (bool, int, str):
        return repr(valor)
    if type(valor) is float:
        return repr(valor) if math.isfinite(valor) else f"float({str(valor)!r})"
    if type(valor) is date:
        return f"date({valor.year}, {valor.month}, {valor.day})"
    raise CatalogoInvalido(f"El catálogo {ruta} tiene un valor de tipo {type(valor).__name__} "
                           "que el compilador no sabe escribir.")


def _literal(valor, sangria: int, ruta: Path) -> str:
    """El literal de Python de ``valor``: un elemento por renglón, salvo listas cortas de escalares."""
    interior = " " * (sangria + 4)
    if type(valor) is dict:
        if not valor:
            return "{}"
        renglones = [f"{interior}{_escalar(k, ruta)}: {_literal(v, sangria + 4, ruta)},"
                     for k, v in valor.items()]
        return "{\n" + "\n".join(renglones) + "\n" + " " * sangria + "}"
    if type(valor) is list:
        if not valor:
            return "[]"
        if not any(type(v) in (dict, list) for v in valor):
            en_linea = "[" + ", ".join(_escalar(v, ruta) for v in valor) + "]"
            if sangria + len(en_linea) <= _ANCHO:
                return en_linea
        renglones = [f"{interior}{_literal(v, sangria + 4, ruta)}," for v in valor]
        return "[\n" + "\n".join(renglones) + "\n" + " " * sangria + "]"
    return _escalar(valor, ruta)


def _funcion(clave: str) -> str:
    return "_" + re.sub(r"\W", "_", clave.removesuffix(".yaml"))


def generar() -> str:
    """El texto de ``_compilado.py`` para los YAML de hoy."""
    partes = [_CABECERA]
    tabla = []
    for ruta in fuentes():
        clave = ruta.relative_to(AQUI).as_posix()
        funcion = _funcion(clave)
        if any(funcion == f for _, _, f in tabla):
            raise CatalogoInvalido(f"Dos catálogos darían la misma función {funcion}: renombre {ruta}.")
        datos = _cargar_yaml(ruta)
        tabla.append((clave, _huella(ruta.read_bytes()), funcion))
        partes.append(f"\n\n# Larga a propósito: generada de {clave}.\n"
                      f"def {funcion}():\n    return {_literal(datos, 4, ruta)}\n")
    partes.append("\n\nCATALOGOS = {\n")
    partes.extend(f"    {clave!r}: (0x{h:08x}, {funcion}),\n" for clave, h, funcion in tabla)
    partes.append("}\n")
    return "".join(partes)


def escribir(destino: Path = DESTINO) -> bool:
    """Escribe ``destino`` si cambió; dice si lo escribió."""
    texto = generar()
    if destino.is_file() and destino.read_text(encoding="utf-8") == texto:
        return False
    destino.write_text(texto, encoding="utf-8", newline="\n")
    return True


if __name__ == "__main__":
    escrito = escribir()
    print(f"{DESTINO.name}: {'regenerado' if escrito else 'ya estaba al día'}.", file=sys.stderr)
