"""Dónde se va el tiempo de ``ruta validar``: importaciones (``-X importtime``) y cProfile.

Uso:
    python benchmarks/perfilar.py [--factor 50] [--escuelas 0] [--top 20]

Genera la Ruta de ejemplo a ``--factor``× (o, con ``--escuelas N``, una zona de N escuelas)
en una carpeta temporal y:
1. corre ``python -X importtime -m rutamejora validar …`` y lista los módulos que más tardan
   en importarse (tiempo acumulado, con lo que importan dentro);
2. corre ``ruta validar`` dentro de este proceso bajo cProfile (importaciones incluidas) y
   lista las funciones con más tiempo propio y con más tiempo acumulado.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import os
import pstats
import re
import subprocess
import sys
import tempfile
from pathlib import Path

AQUI = Path(__file__).resolve().parent
RAIZ = AQUI.parent
sys.path.insert(0, str(AQUI))

import generar  # noqa: E402
from _comun import FECHA, filas_importtime, total_importtime  # noqa: E402


def importaciones(carpeta: Path, top: int) -> str:
    """Los ``top`` módulos con más tiempo acumulado de importación (µs)."""
    r = subprocess.run([sys.executable, "-X", "importtime", "-m", "rutamejora", "validar",
                        str(carpeta), "--fecha", FECHA], capture_output=True, text=True)
    filas = filas_importtime(r.stderr)
    # Los módulos de primer nivel no llevan sangría; sumarlos da el total sin contar doble.
    total = total_importtime(filas)
    filas.sort(reverse=True)
    salida = [f"Importaciones: {total / 1000:.1f} ms en módulos de primer nivel "
              "(nivel 0: importado directamente; 1, 2…: dentro de otro, ya contado en él)", "",
              "| acumulado (ms) | propio (ms) | nivel | módulo |", "|---:|---:|---:|---|"]
    for acumulado, propio, modulo in filas[:top]:
        nivel = (len(modulo) - len(modulo.lstrip())) // 2
        salida.append(f"| {acumulado / 1000:.1f} | {propio / 1000:.1f} | {nivel} | `{modulo.strip()}` |")
    return "\n".join(salida)


def perfil(carpeta: Path, top: int) -> str:
    """cProfile de una corrida completa en este proceso (importaciones incluidas)."""
    argv = sys.argv
    sys.argv = ["ruta", "validar", str(carpeta), "--fecha", FECHA]
    perfilador = cProfile.Profile()
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            perfilador.enable()
            try:
                from rutamejora.commands import main
                main()
            except SystemExit:
                pass
            finally:
                perfilador.disable()
    finally:
        sys.argv = argv
    salida = []
    # Por tiempo propio, todo; por tiempo acumulado, solo funciones de rutamejora fuera de la
    # CLI (si no, la tabla se llena con la cadena de llamadas de Click y Typer).
    for orden, filtro, titulo in (("tottime", (), "tiempo propio"),
                                  ("cumulative", (r"rutamejora[/\\](?!commands)(?!__init__)",),
                                   "tiempo acumulado (solo rutamejora)")):
        texto = io.StringIO()
        stats = pstats.Stats(perfilador, stream=texto)
        stats.sort_stats(orden).print_stats(*filtro, top)
        salida.append(f"### Por {titulo}\n\n```\n{_recortar(texto.getvalue())}\n```")
    return "\n\n".join(salida)


def _recortar(texto: str) -> str:
    """Quita el encabezado de pstats salvo la línea del total."""
    # Rutas cortas: «rutamejora/modelo.py», «ruamel/yaml/main.py», «{built-in …}».
    texto = re.sub(r"\S*?(?:site-packages|lib/python3\.\d+)[/\\]", "", texto)
    lineas = [l for l in texto.splitlines() if l.strip() and "due to restriction" not in l
              and not l.lstrip().startswith("List reduced")]
    total = next((l.strip() for l in lineas if "function calls" in l), "")
    desde = next((i for i, l in enumerate(lineas) if l.lstrip().startswith("ncalls")), 0)
    return "\n".join([total] + lineas[desde:])


def main(argv: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(description="Perfil de `ruta validar`.")
    analizador.add_argument("--factor", type=int, default=50)
    analizador.add_argument("--escuelas", type=int, default=0,
                            help="perfilar una zona de N escuelas en vez de una Ruta escalada")
    analizador.add_argument("--origen", type=Path, default=RAIZ / "ejemplos" / "primaria-2025-2026")
    analizador.add_argument("--top", type=int, default=20)
    args = analizador.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="ruta-perfil-") as tmp:
        carpeta = Path(tmp) / "ruta"
        if args.escuelas:
            generar.generar_zona(args.origen, carpeta, args.escuelas)
            caso = f"zona de {args.escuelas} escuelas"
        else:
            generar.generar(args.origen, carpeta, args.factor)
            caso = f"{args.factor}×"
        kb = sum(p.stat().st_size for p in carpeta.rglob("*.yaml")) / 1024
        print(f"## Perfil de `ruta validar` en {caso} ({kb:.0f} KB)\n")
        print(importaciones(carpeta, args.top))
        print()
        print(perfil(carpeta, args.top))
    return 0


if __name__ == "__main__":
    sys.exit(main())
