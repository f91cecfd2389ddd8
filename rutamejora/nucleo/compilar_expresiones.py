"""Genera ``_expresiones.py``: el código del motor de ``re`` de cada patrón que pasa por ``compilar``.

Uso (desde la raíz del repositorio, después de cambiar un patrón)::

    python -m rutamejora.nucleo.compilar_expresiones [--python python3.10 --python python3.12 …]

1. Importa todos los módulos de ``rutamejora`` (cada uno llama a ``expresiones.compilar`` al
   importarse) y junta los patrones registrados.
2. Para este Python y para cada ``--python``, compila cada patrón en un proceso de ese Python
   (solo con su biblioteca estándar: no necesita ``rutamejora`` instalado) y recoge lo que
   ``re`` le entrega a ``_sre.compile``.
3. Escribe la tabla de cada versión comprimida (``marshal`` + ``zlib`` + base64). Las tablas de
   versiones que no se pidieron se conservan, quitándoles los patrones que ya no se usan.

``tests/nucleo/test_expresiones.py`` falla si la tabla del Python que corre las pruebas quedó
vieja. Ver ``expresiones.py`` y docs/rendimiento.md.
"""

from __future__ import annotations

import argparse
import binascii
import importlib
import json
import marshal
import pkgutil
import subprocess
import sys
import zlib
from pathlib import Path

import rutamejora
from rutamejora.nucleo import expresiones

DESTINO = Path(__file__).with_name("_expresiones.py")

# Corre en el Python de cada versión, solo con su biblioteca estándar: recibe en stdin la lista
# de [patrón, banderas] y escribe en stdout los argumentos de ``_sre.compile`` de cada uno.
_CAPTURAR = r'''
import json, sys
try:
    from re import _compiler as comp
except ImportError:
    import sre_compile as comp
import _sre
from array import array
class Espia:
    def __getattr__(self, nombre):
        return getattr(_sre, nombre)
    def compile(self, *args):
        return args
comp._sre = Espia()
tipo = {2: "H", 4: "I"}[_sre.CODESIZE]
salida = []
for patron, banderas in json.load(sys.stdin):
    _, finales, codigo, grupos, indice, nombres = comp.compile(patron, banderas)
    salida.append([patron, banderas, int(finales), array(tipo, codigo).tobytes().hex(), grupos,
                   sorted(indice.items()), list(nombres)])
clave = f"{sys.implementation.name}-{sys.version_info[0]}.{sys.version_info[1]}-{sys.byteorder}"
json.dump({"clave": clave, "magico": _sre.MAGIC, "palabra": _sre.CODESIZE, "entradas": salida},
          sys.stdout)
'''

_CABECERA = '''\
# Generado por `python -m rutamejora.nucleo.compilar_expresiones`. NO EDITAR A MANO: se cambia el
# patrón y se regenera (tests/nucleo/test_expresiones.py falla si la tabla quedó vieja).
"""El código del motor de ``re`` de cada patrón de ``expresiones.compilar``, por versión de Python.

``TABLAS``: ``{"cpython-3.11-little": (_sre.MAGIC, _sre.CODESIZE, datos)}``; ``datos`` es la
lista de ``(patrón, banderas, banderas finales, código, grupos, índice de grupos, nombres)``
con ``marshal``, ``zlib`` y base64. Ver ``expresiones.py``.
"""

TABLAS = {
'''


def registradas() -> list[tuple[str, int]]:
    """Los patrones de ``compilar`` de todos los módulos de ``rutamejora``, sin repetir."""
    for modulo in pkgutil.walk_packages(rutamejora.__path__, "rutamejora."):
        if modulo.name.rsplit(".", 1)[-1] == "__main__":
            continue
        importlib.import_module(modulo.name)
    return sorted(expresiones.REGISTRADAS)


def capturar(python: str, patrones: list[tuple[str, int]]) -> dict:
    """Lo que el ``re`` de ``python`` entrega a ``_sre.compile`` por cada patrón."""
    r = subprocess.run([python, "-I", "-c", _CAPTURAR], input=json.dumps(patrones),
                       capture_output=True, text=True, encoding="utf-8", check=False)
    if r.returncode != 0:
        raise SystemExit(f"error: {python} no pudo compilar los patrones:\n{r.stderr}")
    return json.loads(r.stdout)


def _empacar(entradas: list) -> str:
    crudas = [(e[0], e[1], e[2], bytes.fromhex(e[3]), e[4], tuple(map(tuple, e[5])), tuple(e[6]))
              for e in entradas]
    return binascii.b2a_base64(zlib.compress(marshal.dumps(crudas), 9), newline=False).decode()


def _anteriores(patrones: list[tuple[str, int]]) -> dict[str, tuple]:
    """Las tablas ya escritas, sin los patrones que ya no se registran, como las da ``capturar``
    (así se empacan igual que una nueva y el archivo sale igual byte por byte)."""
    vigentes = set(patrones)
    try:
        from rutamejora.nucleo._expresiones import TABLAS
    except ImportError:
        return {}
    resultado = {}
    for clave, (magico, palabra, datos) in TABLAS.items():
        entradas = [[e[0], e[1], e[2], e[3].hex(), e[4], [list(par) for par in e[5]], list(e[6])]
                    for e in marshal.loads(zlib.decompress(binascii.a2b_base64(datos)))
                    if (e[0], e[1]) in vigentes]
        resultado[clave] = (magico, palabra, json.loads(json.dumps(entradas)))
    return resultado


def main(argumentos: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(description="Genera rutamejora/nucleo/_expresiones.py.")
    analizador.add_argument("--python", action="append", default=[], metavar="PYTHON",
                            help="otro intérprete para el que guardar la tabla (se repite)")
    args = analizador.parse_args(argumentos)
    patrones = registradas()
    tablas = _anteriores(patrones)
    for python in [sys.executable, *args.python]:
        capturado = capturar(python, patrones)
        tablas[capturado["clave"]] = (capturado["magico"], capturado["palabra"], capturado["entradas"])
        print(f"{capturado['clave']}: {len(patrones)} patrones", file=sys.stderr)
    lineas = [f"    {clave!r}: ({m}, {p}, {_empacar(e)!r}),\n" for clave, (m, p, e) in sorted(tablas.items())]
    DESTINO.write_text(_CABECERA + "".join(lineas) + "}\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
