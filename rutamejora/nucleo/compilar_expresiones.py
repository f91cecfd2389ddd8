"""Genera ``_expresiones/``: el código del motor de ``re`` de cada patrón que pasa por ``compilar``.

Uso (desde la raíz del repositorio, después de cambiar un patrón)::

    python -m rutamejora.nucleo.compilar_expresiones [--python python3.10 --python python3.12 …]

1. Importa todos los módulos de ``rutamejora`` (cada uno llama a ``expresiones.compilar`` al
   importarse) y junta los patrones registrados.
2. Para este Python y para cada ``--python``, compila cada patrón en un proceso de ese Python
   (solo con su biblioteca estándar: no necesita ``rutamejora`` instalado) y recoge lo que
   ``re`` le entrega a ``_sre.compile``.
3. Escribe la tabla de cada versión en su archivo (``cpython-3.11-little.marshal``, con
   ``marshal``). Las tablas de versiones que no se pidieron se conservan, quitándoles los
   patrones que ya no se usan.

``tests/nucleo/test_expresiones.py`` falla si la tabla del Python que corre las pruebas quedó
vieja. Ver ``expresiones.py`` y docs/rendimiento.md.
"""

from __future__ import annotations

import argparse
import importlib
import json
import marshal
import pkgutil
import subprocess
import sys
from pathlib import Path

import rutamejora
from rutamejora.nucleo import expresiones

DESTINO = Path(__file__).with_name("_expresiones")

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


def empacar(magico: int, palabra: int, entradas: list) -> bytes:
    """El archivo de una tabla: ``marshal`` de ``(magico, palabra, entradas)`` con cada entrada
    como la lee ``expresiones`` (el código en ``bytes``)."""
    crudas = tuple((e[0], e[1], e[2], bytes.fromhex(e[3]), e[4], tuple(map(tuple, e[5])), tuple(e[6]))
                   for e in entradas)
    return marshal.dumps((magico, palabra, crudas))


def tablas_escritas() -> dict[str, tuple]:
    """``{clave: (magico, palabra, entradas)}`` de los archivos de ``_expresiones/``."""
    tablas = {}
    for archivo in sorted(DESTINO.glob("*.marshal")):
        guardada = expresiones.leer_tabla(archivo.stem)
        if guardada is not None:
            tablas[archivo.stem] = guardada
    return tablas


def _anteriores(patrones: list[tuple[str, int]]) -> dict[str, tuple]:
    """Las tablas ya escritas, sin los patrones que ya no se registran, como las da ``capturar``
    (así se empacan igual que una nueva y el archivo sale igual byte por byte)."""
    vigentes = set(patrones)
    resultado = {}
    for clave, (magico, palabra, entradas) in tablas_escritas().items():
        vigentes_aqui = [[e[0], e[1], e[2], e[3].hex(), e[4], [list(par) for par in e[5]], list(e[6])]
                         for e in entradas if (e[0], e[1]) in vigentes]
        resultado[clave] = (magico, palabra, json.loads(json.dumps(vigentes_aqui)))
    return resultado


def main(argumentos: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(description="Genera rutamejora/nucleo/_expresiones/.")
    analizador.add_argument("--python", action="append", default=[], metavar="PYTHON",
                            help="otro intérprete para el que guardar la tabla (se repite)")
    args = analizador.parse_args(argumentos)
    patrones = registradas()
    tablas = _anteriores(patrones)
    for python in [sys.executable, *args.python]:
        capturado = capturar(python, patrones)
        tablas[capturado["clave"]] = (capturado["magico"], capturado["palabra"], capturado["entradas"])
        print(f"{capturado['clave']}: {len(patrones)} patrones", file=sys.stderr)
    DESTINO.mkdir(exist_ok=True)
    for viejo in DESTINO.glob("*.marshal"):
        if viejo.stem not in tablas:
            viejo.unlink()
    for clave, (magico, palabra, entradas) in sorted(tablas.items()):
        (DESTINO / f"{clave}.marshal").write_bytes(empacar(magico, palabra, entradas))
    return 0


if __name__ == "__main__":
    sys.exit(main())
