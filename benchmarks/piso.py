"""El piso de la medición: lo mínimo que cuesta abrir una Ruta desde una CLI de Typer.

Un programa de Typer con un solo comando que recibe una carpeta, lee cada ``*.yaml`` debajo de
ella (en una Ruta, sus 7 archivos; en una zona, los de todas sus escuelas) con el cargador
seguro de ruamel.yaml respaldado en C (``YAML(typ="safe", pure=False)``) y no imprime nada.
Ningún validador en Python que lea los mismos archivos con el mismo analizador y arranque
con Typer puede ser más rápido que esto; ``ruta validar`` se compara contra él.

Uso:
    python benchmarks/piso.py CARPETA
    python benchmarks/piso.py CARPETA --verificar   # dice en stderr qué analizador se usó
"""

from __future__ import annotations

import sys
from pathlib import Path

import typer

app = typer.Typer(add_completion=False)


@app.command()
def leer(carpeta: Path,
         verificar: bool = typer.Option(False, "--verificar",
                                        help="Decir en stderr qué analizador se usó (debe ser CParser).")):
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=False)
    if verificar:
        nombre = getattr(yaml.Parser, "__name__", repr(yaml.Parser))
        print(f"analizador: {yaml.Parser.__module__}.{nombre}", file=sys.stderr)
        if nombre != "CParser":
            print("error: no se está usando el analizador en C (falta ruamel.yaml.clib)",
                  file=sys.stderr)
            raise typer.Exit(1)
    for archivo in sorted(carpeta.rglob("*.yaml")):
        yaml.load(archivo.read_bytes())


if __name__ == "__main__":
    app()
