"""Mide ``ruta exportar`` sobre zonas sintéticas: tiempo de pared por formato y por tamaño.

Uso (desde la raíz del repositorio, con el Python del proyecto):
    python benchmarks/exportar.py                        # 30 y 200 Rutas, los tres formatos
    python benchmarks/exportar.py --rutas 30,1000 --rondas 3

Qué hace:
1. Arma en una carpeta temporal una zona de N copias del ejemplo de primaria en
   ``escuelas/<cct>/<ciclo>/`` (``generar.py --zona``: cada una con su CCT válida).
2. Corre ``ruta exportar ZONA -o … --fecha 2026-03-27`` en SQLite, CSV y Excel, cada corrida en
   un proceso aparte (``python -m rutamejora``: el arranque cuenta) con todos los núcleos, y toma
   el tiempo de pared; en cada ronda, una vez cada formato en orden rotado, tras un
   calentamiento.
3. Imprime una tabla Markdown con la mediana de la pared y los segundos por Ruta, para
   docs/rendimiento.md.

No lo corre la CI: la velocidad solo se mide aquí, nunca en las pruebas.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AQUI = Path(__file__).resolve().parent
RAIZ = AQUI.parent
FECHA = "2026-03-27"
FORMATOS = (("sqlite", "zona.db", []), ("csv", "zona", ["--formato", "csv"]),
            ("xlsx", "zona.xlsx", []))


def _pared(zona: Path, salida: Path, extra: list[str]) -> float:
    entorno = dict(os.environ, PYTHONPATH=str(RAIZ))
    inicio = time.perf_counter()
    hecho = subprocess.run([sys.executable, "-m", "rutamejora", "exportar", str(zona), "-o",
                            str(salida), "--fecha", FECHA, *extra], capture_output=True, text=True,
                           env=entorno)
    pared = time.perf_counter() - inicio
    if hecho.returncode != 0:
        raise SystemExit(f"ruta exportar falló ({hecho.returncode}): {hecho.stderr}")
    return pared


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rutas", default="30,200", help="tamaños de zona, separados por coma")
    parser.add_argument("--rondas", type=int, default=3)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(AQUI))
    from generar import generar_zona

    tamanos = [int(n) for n in args.rutas.split(",")]
    print(f"| Rutas | formato | pared (mediana de {args.rondas}) | por Ruta |\n|---:|---|---:|---:|")
    with tempfile.TemporaryDirectory() as temporal:
        for n in tamanos:
            zona = Path(temporal) / f"zona{n}"
            generar_zona(RAIZ / "ejemplos" / "primaria-2025-2026", zona, n)
            salidas = Path(temporal) / f"salidas{n}"
            salidas.mkdir()
            _pared(zona, salidas / "calentamiento.db", [])
            tiempos: dict[str, list[float]] = {f: [] for f, _, _ in FORMATOS}
            for ronda in range(args.rondas):
                orden = FORMATOS[ronda % 3:] + FORMATOS[:ronda % 3]
                for formato, nombre, extra in orden:
                    tiempos[formato].append(_pared(zona, salidas / nombre, extra))
            for formato, _, _ in FORMATOS:
                mediana = statistics.median(tiempos[formato])
                print(f"| {n} | {formato} | {mediana:.2f} s | {1000 * mediana / n:.0f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
