"""Regenera la parte de Faker de ``rutamejora/catalogos/nombres.txt``.

El detector de privacidad reconoce nombres de personas con un catálogo de nombres de pila y
apellidos. Su base son las listas de nombres de los locales en español de Faker (licencia MIT),
copiadas **como datos** en tiempo de desarrollo: Faker no es dependencia del paquete ni de las
pruebas. Este script lee los proveedores ``person`` de cada local ``es`` y ``es_*`` que traiga
la versión instalada, une sus nombres de pila (``first_names*``) y sus apellidos
(``last_names``), los parte en palabras («Juan Carlos» → juan, carlos; «De La Fuente» →
fuente), los normaliza (minúsculas, sin acentos, ñ como n) y reescribe la parte de arriba del
archivo. Lo que sigue a la línea ``# === A mano`` (nombres mexicanos que faltan, diminutivos,
palabras comunes, exclusiones) se conserva tal cual.

Uso (en el entorno de desarrollo):
    pip install faker
    python benchmarks/nombres.py            # reescribe el catálogo
    python benchmarks/nombres.py --revisar  # falla si el catálogo no está al día
"""

from __future__ import annotations

import argparse
import importlib
import pkgutil
import re
import sys
import unicodedata
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
CATALOGO = RAIZ / "rutamejora" / "catalogos" / "nombres.txt"
MARCA = "# === A mano"
# Palabras de función que traen algunos apellidos compuestos («De La Fuente», «Del Río»).
PARTICULAS = {"de", "del", "la", "las", "los", "y", "e", "i", "san", "santa"}


def normalizar(palabra: str) -> str:
    sin_acentos = "".join(c for c in unicodedata.normalize("NFD", palabra)
                          if unicodedata.category(c) != "Mn")
    return sin_acentos.lower()


def _lista(proveedor, atributo: str) -> list[str]:
    """Una lista de nombres del proveedor; algunas son dict con pesos, otras propiedades."""
    for clase in proveedor.__mro__:
        if atributo in clase.__dict__:
            valor = clase.__dict__[atributo]
            return [] if isinstance(valor, property) else list(valor)
    return []


def desde_faker():
    """(versión, locales, nombres de pila, apellidos) de los locales en español de Faker."""
    import faker
    import faker.providers.person as persona

    locales = sorted(m.name for m in pkgutil.iter_modules(persona.__path__)
                     if m.name == "es" or m.name.startswith("es_"))
    pila: set[str] = set()
    apellidos: set[str] = set()
    for local in locales:
        proveedor = importlib.import_module(f"faker.providers.person.{local}").Provider
        for atributo in ("first_names", "first_names_male", "first_names_female", "last_names"):
            destino = apellidos if atributo == "last_names" else pila
            for nombre in _lista(proveedor, atributo):
                for palabra in re.split(r"[\s\-']+", normalizar(str(nombre))):
                    if re.fullmatch(r"[a-z]{2,}", palabra) and palabra not in PARTICULAS:
                        destino.add(palabra)
    return faker.VERSION, locales, sorted(pila), sorted(apellidos)


def _renglones(palabras: list[str], ancho: int = 96) -> list[str]:
    renglones, actual = [], ""
    for palabra in palabras:
        if actual and len(actual) + 1 + len(palabra) > ancho:
            renglones.append(actual)
            actual = palabra
        else:
            actual = f"{actual} {palabra}" if actual else palabra
    return renglones + ([actual] if actual else [])


def generar(a_mano: str) -> str:
    version, locales, pila, apellidos = desde_faker()
    cabeza = [
        "# Catálogo de nombres del detector de privacidad (rutamejora.privacidad).",
        "#",
        f"# Fuente de la primera parte: Faker {version} (https://github.com/joke2k/faker,",
        "# licencia MIT), proveedores `person` de los locales",
        f"# {', '.join(locales)}:",
        "# la unión de sus nombres de pila y de sus apellidos, partidos en palabras y normalizados",
        "# (minúsculas, sin acentos, ñ como n). Son listas de nombres frecuentes que Faker publica",
        "# para inventar personas; ninguna viene de datos personales filtrados.",
        "# No se edita a mano: la regenera `python benchmarks/nombres.py` (Faker solo hace falta",
        "# en el entorno de desarrollo). Lo escrito a mano va al final, después de la marca.",
        "",
        f"[pila]  # {len(pila)} palabras",
        *_renglones(pila),
        "",
        f"[apellidos]  # {len(apellidos)} palabras",
        *_renglones(apellidos),
        "",
    ]
    return "\n".join(cabeza) + "\n" + a_mano


def main() -> int:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--revisar", action="store_true",
                            help="No escribe: falla si el catálogo no coincide con lo generado.")
    opciones = argumentos.parse_args()
    actual = CATALOGO.read_text(encoding="utf-8") if CATALOGO.exists() else ""
    if MARCA not in actual:
        print(f"{CATALOGO} no tiene la marca «{MARCA}»: no sé qué parte es a mano.", file=sys.stderr)
        return 2
    nuevo = generar(actual[actual.index(MARCA):])
    if opciones.revisar:
        if nuevo != actual:
            print(f"{CATALOGO} no está al día: corre python benchmarks/nombres.py", file=sys.stderr)
            return 1
        print("El catálogo de nombres está al día.")
        return 0
    CATALOGO.write_text(nuevo, encoding="utf-8")
    print(f"Escrito {CATALOGO.relative_to(RAIZ)}.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
