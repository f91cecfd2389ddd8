"""Regenera ``rutamejora/catalogos/ladas.txt``: las ladas (los tres primeros dígitos) que puede
tener un teléfono de 10 dígitos de México.

El detector de privacidad usa la lada para decidir si un número de 10 cifras sin palabra que lo
anuncie es un teléfono o un folio («2101234567» no lo es: no hay lada 210). La lista sale del
plan de numeración que trae ``phonenumbers`` (la versión de Python de libphonenumber, licencia
Apache 2.0), copiada **como datos** en tiempo de desarrollo: no es dependencia del paquete ni de
las pruebas. Un prefijo de tres cifras es lada si algún número de 10 cifras que empieza con él
es válido para México y puede ser de una persona: fijo, celular, número personal o de voz por
internet (se prueban 40 terminaciones al azar, con semilla fija). No los 800 y 888 (gratuitos:
«Línea de la Vida 800 911 2000» es de una institución, no de una familia), los 900 (de tarifa
especial) ni los 300 (de costo compartido).

Uso (en el entorno de desarrollo):
    pip install phonenumbers
    python benchmarks/ladas.py            # reescribe el catálogo
    python benchmarks/ladas.py --revisar  # falla si el catálogo no está al día
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
CATALOGO = RAIZ / "rutamejora" / "catalogos" / "ladas.txt"
_CABECERA = """\
# Ladas de México: los tres primeros dígitos que puede tener un teléfono de 10 dígitos (las de
# dos dígitos, 55, 56, 33 y 81, están aquí con cada tercer dígito). El detector de privacidad
# toma un número de 10 cifras sin palabra que lo anuncie por teléfono solo si empieza con una.
# Generado por `python benchmarks/ladas.py` a partir de phonenumbers {version}: no se edita a mano.
"""


def _de_personas() -> frozenset:
    from phonenumbers import PhoneNumberType as T

    return frozenset({T.FIXED_LINE, T.MOBILE, T.FIXED_LINE_OR_MOBILE, T.PERSONAL_NUMBER, T.VOIP})


def ladas() -> tuple[str, list[str]]:
    """(versión de phonenumbers, los prefijos de tres cifras válidos)."""
    import phonenumbers

    de_personas = _de_personas()
    azar = random.Random(2026)
    validos = []
    for prefijo in range(200, 1000):
        for _ in range(40):
            numero = f"{prefijo}{azar.randrange(10 ** 7):07d}"
            telefono = phonenumbers.parse("+52" + numero)
            if phonenumbers.is_valid_number(telefono) and phonenumbers.number_type(telefono) in de_personas:
                validos.append(str(prefijo))
                break
    return phonenumbers.__version__, validos


def texto() -> str:
    version, validos = ladas()
    renglones = [" ".join(validos[i:i + 20]) for i in range(0, len(validos), 20)]
    return _CABECERA.format(version=version) + "\n".join(renglones) + "\n"


def main() -> int:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--revisar", action="store_true",
                            help="falla si el catálogo no está al día")
    nuevo = texto()
    if argumentos.parse_args().revisar:
        if CATALOGO.read_text(encoding="utf-8") != nuevo:
            print("ladas.txt no está al día: python benchmarks/ladas.py", file=sys.stderr)
            return 1
        return 0
    CATALOGO.write_text(nuevo, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
