"""Mide ``ruta zona`` sobre zonas sintéticas hechas de los ejemplos: tiempo de pared y CPU.

Uso (desde la raíz del repositorio):
    python benchmarks/zona.py                          # 30, 100, 300 y 1000 Rutas, 2 procesos
    python benchmarks/zona.py --rutas 30 --repeticiones 5
    python benchmarks/zona.py --rutas 1000 --procesos 1,2

Qué hace:
1. Arma en una carpeta temporal una zona de N Rutas en ``escuelas/<cct>/<ciclo>/``: copias de
   los cinco ejemplos por turno (los tres marcos: rme-2014, pmc-2024 y pemc-2019), cada una con
   su CCT válida (mismo tipo y entidad, otro consecutivo y su verificador).
2. Corre ``ruta zona CARPETA --fecha 2026-03-27 --formato json --procesos P`` en un proceso
   aparte que importa el código de este repositorio, con la salida a /dev/null (la barra de
   progreso no sale: no es una terminal). Una corrida de calentamiento y después
   ``--repeticiones`` (3 por omisión); toma la mediana.
3. Escribe una tabla Markdown: Rutas, procesos, pared (s), CPU (s, el proceso y sus hijos),
   CPU ÷ procesos (la pared con los núcleos libres), CPU por Ruta (ms), la carga de la máquina
   y la meta que toca (30 Rutas ≤ 1 s; 1 000 Rutas ≤ 20 s en 2 núcleos), y
   la extrapolación a 10 000 Rutas con la pendiente medida entre las dos zonas más grandes
   (el costo por Ruta es constante: cada una se lee y se suelta en un proceso del pool).

No lo corre la CI: la velocidad solo se mide aquí, nunca en las pruebas.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AQUI = Path(__file__).resolve().parent
RAIZ = AQUI.parent
sys.path.insert(0, str(RAIZ))

from rutamejora.nucleo.cct import verificador  # noqa: E402

FECHA = "2026-03-27"
EJEMPLOS = ("primaria-2025-2026", "pmc-primaria-2025-2026", "preescolar-2025-2026",
            "secundaria-2025-2026", "pemc-secundaria-2024-2026")
METAS = {30: 1.0, 1000: 20.0}   # Rutas → segundos de pared


def armar_zona(destino: Path, rutas: int) -> None:
    """``rutas`` copias de los ejemplos, por turno, cada una con su CCT."""
    for i in range(rutas):
        origen = RAIZ / "ejemplos" / EJEMPLOS[i % len(EJEMPLOS)]
        texto = (origen / "ruta.yaml").read_text(encoding="utf-8")
        cct = re.search(r"^\s*cct:\s*\"?([0-9A-Z]{10})\"?\s*$", texto, re.M).group(1)
        base = f"{cct[:5]}{(int(cct[5:9]) + i) % 10000:04d}"
        nueva = base + verificador(base)
        carpeta = destino / "escuelas" / nueva / re.search(r"\d{4}-\d{4}$", origen.name).group(0)
        shutil.copytree(origen, carpeta)
        (carpeta / "ruta.yaml").write_text(texto.replace(cct, nueva), encoding="utf-8")


def correr(carpeta: Path, procesos: int) -> tuple[float, float]:
    """(pared, CPU) de una corrida de ``ruta zona`` en un proceso aparte."""
    codigo = ("import sys; sys.path.insert(0, %r); sys.argv = ['ruta', 'zona', %r, '--fecha', %r, "
              "'--formato', 'json', '--procesos', %r]\nfrom rutamejora.commands import main\n"
              "main()" % (str(RAIZ), str(carpeta), FECHA, str(procesos)))
    antes = os.times()
    inicio = time.perf_counter()
    subprocess.run([sys.executable, "-c", codigo], stdout=subprocess.DEVNULL, check=False,
                   env={**os.environ, "CI": "1"})
    pared = time.perf_counter() - inicio
    despues = os.times()
    cpu = (despues.children_user - antes.children_user) + (despues.children_system - antes.children_system)
    return pared, cpu


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rutas", default="30,100,300,1000")
    parser.add_argument("--procesos", default="2")
    parser.add_argument("--repeticiones", type=int, default=3)
    args = parser.parse_args(argv)
    tamanos = [int(n) for n in args.rutas.split(",")]
    procesos = [int(p) for p in args.procesos.split(",")]
    filas = []
    with tempfile.TemporaryDirectory(prefix="zona-") as tmp:
        for n in tamanos:
            carpeta = Path(tmp) / f"zona-{n}"
            armar_zona(carpeta, n)
            for p in procesos:
                correr(carpeta, p)   # calentamiento (caché de disco y de Python)
                medidas = [correr(carpeta, p) for _ in range(args.repeticiones)]
                pared = statistics.median(m[0] for m in medidas)
                cpu = statistics.median(m[1] for m in medidas)
                filas.append((n, p, pared, cpu))
                print(f"{n} Rutas, {p} procesos: {pared:.2f} s de pared, {cpu:.2f} s de CPU",
                      file=sys.stderr)
    # Con la máquina compartida la pared mide la espera; CPU ÷ procesos es la pared que daría
    # la misma corrida con esos núcleos libres (el trabajo se reparte parejo: ver nucleo.procesos).
    carga = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(f"Carga de la máquina al terminar (1 min): {carga:.1f} con {os.cpu_count()} núcleos.\n")
    print("| Rutas | procesos | pared (s) | CPU (s) | CPU ÷ procesos (s) | CPU por Ruta (ms) | meta |")
    print("|---:|---:|---:|---:|---:|---:|---|")
    for n, p, pared, cpu in filas:
        meta = METAS.get(n)
        marca = "" if meta is None else f"≤ {meta:g} s: {'sí' if pared <= meta else 'no'}"
        print(f"| {n} | {p} | {pared:.2f} | {cpu:.2f} | {cpu / p:.2f} | {1000 * cpu / n:.1f} | "
              f"{marca} |")
    for p in procesos:
        propias = sorted((n, pared, cpu) for n, q, pared, cpu in filas if q == p)
        if len(propias) >= 2:
            (n1, t1, c1), (n2, t2, c2) = propias[-2], propias[-1]
            pendiente = (t2 - t1) / (n2 - n1)
            pendiente_cpu = (c2 - c1) / (n2 - n1)
            cpu_10k = c2 + pendiente_cpu * (10000 - n2)
            print(f"\nCon {p} procesos, entre {n1} y {n2} Rutas: {1000 * pendiente:.1f} ms de pared "
                  f"y {1000 * pendiente_cpu:.1f} ms de CPU por Ruta. 10 000 Rutas ≈ "
                  f"{t2 + pendiente * (10000 - n2):.0f} s de pared medida así, "
                  f"{cpu_10k:.0f} s de CPU: {cpu_10k / p:.0f} s con {p} núcleos libres.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
