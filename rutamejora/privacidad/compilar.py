"""Genera ``_compilado.py``: las ``Frases`` de ``senales.txt`` ya armadas, como literales.

Armarlas desde el texto en cada arranque de ``ruta validar`` costaba ~4 ms (plegar cada
renglón, partir cada frase, indexarla); importar sus literales desde el ``.pyc``, una fracción.
``senales.txt`` sigue siendo lo que se edita; después de editarlo, se regenera con::

    python -m rutamejora.privacidad.compilar

La salida es reproducible (los conjuntos van ordenados). ``tests/privacidad/test_privacidad_catalogo.py``
falla si quedó vieja; y si alguien edita ``senales.txt`` sin regenerar, la huella no coincide y
``catalogo.senales`` vuelve a armar las frases desde el texto: el resultado nunca es viejo.
"""

from __future__ import annotations

from pathlib import Path

from rutamejora.privacidad.catalogo import armar_senales, huella

DESTINO = Path(__file__).resolve().parent / "_compilado.py"


def texto() -> str:
    """El contenido de ``_compilado.py`` para el ``senales.txt`` de hoy."""
    estados = {seccion: frases.estado() for seccion, frases in sorted(armar_senales().items())}
    return ("# Generado por `python -m rutamejora.privacidad.compilar` a partir de senales.txt.\n"
            "# NO EDITAR A MANO: se edita senales.txt y se regenera.\n"
            '"""Las ``Frases`` de ``senales.txt`` ya armadas (ver ``compilar.py``)."""\n\n'
            f"HUELLA_SENALES = {huella('senales.txt')}\n"
            f"SENALES = {estados!r}\n")


def main() -> None:
    nuevo = texto()
    if DESTINO.exists() and DESTINO.read_text(encoding="utf-8") == nuevo:
        print(f"{DESTINO.name}: ya estaba al día.")
        return
    DESTINO.write_text(nuevo, encoding="utf-8")
    print(f"{DESTINO}: {len(nuevo) // 1024} KB")


if __name__ == "__main__":
    main()
