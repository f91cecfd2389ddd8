"""Mide ``ruta exportar`` sobre zonas sintéticas: tiempo de pared por formato y por tamaño.

Uso (desde la raíz del repositorio, con el Python del proyecto):
    python benchmarks/exportar.py                        # 30 y 200 Rutas, los tres formatos
    python benchmarks/exportar.py --rutas 30,1000 --rondas 3

Qué hace:
1. Arma en una carpeta temporal una zona de N copias del ejemplo de primaria en
   ``escuelas/<cct>/<ciclo>/`` (``generar.py --zona``: cada una con su CCT válida).
2. Corre ``ruta exportar ZONA -o … --fecha 2026-03-27`` en SQLite, CSV y Excel, cada corrida en
   un proceso aparte (``python -m rutamejora``: el arranque cuenta) con todos los núcleos, y toma
   el tiempo de pared y la CPU (usuario + sistema, con los procesos del pool); en cada ronda,
   una vez cada formato en orden rotado, tras un calentamiento. Con la máquina cargada la pared
   se vuelve ruidosa; la CPU, mucho menos.
3. Imprime una tabla Markdown con la mediana de la pared, la CPU y la CPU por Ruta, para
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


def _pared(zona: Path, salida: Path, extra: list[str]) -> tuple[float, float]:
    """(pared, CPU de usuario + sistema del proceso y sus hijos) de una corrida."""
    import resource

    entorno = dict(os.environ, PYTHONPATH=str(RAIZ))
    antes = resource.getrusage(resource.RUSAGE_CHILDREN)
    inicio = time.perf_counter()
    hecho = subprocess.run([sys.executable, "-m", "rutamejora", "exportar", str(zona), "-o",
                            str(salida), "--fecha", FECHA, *extra], capture_output=True, text=True,
                           env=entorno)
    pared = time.perf_counter() - inicio
    despues = resource.getrusage(resource.RUSAGE_CHILDREN)
    if hecho.returncode != 0:
        raise SystemExit(f"ruta exportar falló ({hecho.returncode}): {hecho.stderr}")
    return pared, (despues.ru_utime - antes.ru_utime) + (despues.ru_stime - antes.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rutas", default="30,200", help="tamaños de zona, separados por coma")
    parser.add_argument("--rondas", type=int, default=3)
    args = parser.parse_args(argv)
    sys.path.insert(0, str(AQUI))
    from generar import generar_zona

    tamanos = [int(n) for n in args.rutas.split(",")]
    print(f"| Rutas | formato | pared (mediana de {args.rondas}) | CPU | CPU por Ruta |\n"
          "|---:|---|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as temporal:
        for n in tamanos:
            zona = Path(temporal) / f"zona{n}"
            generar_zona(RAIZ / "ejemplos" / "primaria-2025-2026", zona, n)
            salidas = Path(temporal) / f"salidas{n}"
            salidas.mkdir()
            _pared(zona, salidas / "calentamiento.db", [])
            tiempos: dict[str, list[tuple[float, float]]] = {f: [] for f, _, _ in FORMATOS}
            for ronda in range(args.rondas):
                orden = FORMATOS[ronda % 3:] + FORMATOS[:ronda % 3]
                for formato, nombre, extra in orden:
                    tiempos[formato].append(_pared(zona, salidas / nombre, extra))
            for formato, _, _ in FORMATOS:
                pared = statistics.median(t[0] for t in tiempos[formato])
                cpu = statistics.median(t[1] for t in tiempos[formato])
                print(f"| {n} | {formato} | {pared:.2f} s | {cpu:.2f} s | {1000 * cpu / n:.0f} ms |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
