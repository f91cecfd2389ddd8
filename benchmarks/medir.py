"""Mide la velocidad de ``ruta validar`` contra dos referencias, sobre Rutas de tamaño creciente.

Uso (desde la raíz del repositorio, con el paquete instalado en el mismo entorno):
    pip install .
    python benchmarks/medir.py [--repeticiones 15] [--salida resultados.md]

Qué hace:
1. Genera en una carpeta temporal la Ruta de ejemplo a 1×, 10× y 50× (``generar.py``) y una
   zona de 20 escuelas (``escuelas/<cct>/2025-2026/``, cada una copia del ejemplo), y comprueba
   que ``ruta validar`` no encuentre errores en ninguna.
2. Para cada caso corre, cada uno como un proceso aparte:
   - ``ruta validar CARPETA --fecha 2026-07-15`` (el script instalado junto a este Python);
   - ``python benchmarks/piso.py CARPETA`` (el piso: Typer + cargador en C de ruamel, sin salida);
   - ``yamllint -d relaxed CARPETA`` (si está instalado; si no, se dice y se omite).
   Primero ``--calentamiento`` corridas que no cuentan (cachés de disco y de bytecode), luego
   ``--repeticiones`` rondas; en cada ronda corre una vez cada programa, en orden rotado.
3. Mide el tiempo de pared de cada proceso con ``time.perf_counter`` alrededor de
   ``subprocess.run`` (salida a /dev/null) y escribe una tabla Markdown con la mediana y el
   mínimo en ms, la razón ruta/piso y los ms por KB (totales y marginales) para ver si el costo
   crece en línea recta con el tamaño.

No lo corre la CI: la velocidad solo se mide aquí, nunca en las pruebas.
"""

from __future__ import annotations

import argparse
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

AQUI = Path(__file__).resolve().parent
RAIZ = AQUI.parent
sys.path.insert(0, str(AQUI))

import generar  # noqa: E402  (vive junto a este archivo)
from _comun import FECHA, aviso as _aviso, carga as _carga, cronometrar as _cronometrar  # noqa: E402
from _comun import ejecutable as _ejecutable, kb as _kb  # noqa: E402

META = 1.5  # ruta validar debe tardar a lo más 1.5 veces el piso, en el ejemplo


def medir_caso(comandos: dict[str, list[str]], repeticiones: int, calentamiento: int) -> dict:
    """``{programa: [ms, …]}`` con ``repeticiones`` tiempos por programa."""
    nombres = list(comandos)
    for _ in range(calentamiento):
        for nombre in nombres:
            _cronometrar(comandos[nombre])
    tiempos: dict[str, list[float]] = {n: [] for n in nombres}
    for ronda in range(repeticiones):
        orden = nombres[ronda % len(nombres):] + nombres[:ronda % len(nombres)]
        for nombre in orden:
            ms, codigo = _cronometrar(comandos[nombre])
            if nombre != "yamllint" and codigo != 0:
                raise SystemExit(f"error: {' '.join(comandos[nombre])} salió con {codigo}")
            tiempos[nombre].append(ms)
    return tiempos


def _entorno(ruta: str, yamllint: str | None) -> list[str]:
    """Lo que describe la máquina y las versiones, para el informe."""
    import ruamel.yaml

    import rutamejora

    verificar = subprocess.run([sys.executable, str(AQUI / "piso.py"), str(RAIZ), "--verificar"],
                               capture_output=True, text=True)
    analizador = verificar.stderr.strip().removeprefix("analizador: ")
    if verificar.returncode != 0:
        raise SystemExit(f"error: el piso no usa el analizador en C:\n{verificar.stderr}")
    commit = subprocess.run(["git", "-C", str(RAIZ), "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "?"
    cambios = subprocess.run(["git", "-C", str(RAIZ), "status", "--porcelain", "--", "rutamejora"],
                             capture_output=True, text=True).stdout.strip()
    lineas = [
        f"- Código: commit {commit}" + (" con cambios sin commit en `rutamejora/`" if cambios else "")
        + " (se mide el paquete instalado: `pip install .` antes de medir)",
        f"- Máquina: {platform.system()} {platform.release()}, {platform.machine()}, "
        f"{os.cpu_count()} CPU (nproc)",
        f"- Python {platform.python_version()} ({sys.executable})",
        f"- rutamejora {getattr(rutamejora, '__version__', '?')} instalado en "
        f"{Path(rutamejora.__file__).parent}",
        f"- ruamel.yaml {ruamel.yaml.__version__}; analizador del piso: `{analizador}`",
    ]
    if yamllint:
        version = subprocess.run([yamllint, "--version"], capture_output=True, text=True)
        lineas.append(f"- {(version.stdout or version.stderr).strip()}")
    return lineas


def main(argv: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(description="Mide la velocidad de `ruta validar`.")
    analizador.add_argument("--repeticiones", type=int, default=15,
                            help="rondas medidas por caso (por omisión 15)")
    analizador.add_argument("--calentamiento", type=int, default=2,
                            help="corridas previas que no cuentan (por omisión 2)")
    analizador.add_argument("--origen", type=Path, default=RAIZ / "ejemplos" / "primaria-2025-2026",
                            help="la Ruta que se escala (por omisión, el ejemplo)")
    analizador.add_argument("--factores", default="1,10,50",
                            help="tamaños a medir, en veces el origen (por omisión 1,10,50)")
    analizador.add_argument("--escuelas", type=int, default=20,
                            help="escuelas de la zona (0 para omitirla; por omisión 20)")
    analizador.add_argument("--salida", type=Path, help="escribir también la tabla en este archivo")
    args = analizador.parse_args(argv)

    ruta = _ejecutable("ruta")
    if ruta is None:
        raise SystemExit("error: no se encontró `ruta`; instala el paquete con `pip install .`")
    yamllint = _ejecutable("yamllint")
    if yamllint is None:
        _aviso("nota: yamllint no está instalado; se omite (pip install yamllint).")
    factores = [int(f) for f in args.factores.split(",")]

    with tempfile.TemporaryDirectory(prefix="ruta-medir-") as tmp:
        tmp = Path(tmp)
        casos: list[tuple[str, Path, float]] = []   # (nombre, carpeta, veces el ejemplo)
        for f in factores:
            carpeta = tmp / f"x{f}"
            generar.generar(args.origen, carpeta, f)
            casos.append((f"{f}×", carpeta, f))
        if args.escuelas:
            generar.generar_zona(args.origen, tmp / "zona", args.escuelas)
            casos.append((f"zona de {args.escuelas} escuelas", tmp / "zona", args.escuelas))

        for nombre, carpeta, _ in casos:
            r = subprocess.run([ruta, "validar", str(carpeta), "--fecha", FECHA],
                               capture_output=True, text=True)
            if r.returncode != 0:
                raise SystemExit(f"error: la Ruta {nombre} no valida sin errores:\n{r.stdout}{r.stderr}")
            _aviso(f"{nombre}: {_kb(carpeta):.0f} KB; ruta validar: {r.stdout.strip().splitlines()[-1]}")

        entorno = _entorno(ruta, yamllint)
        carga_inicial = _carga()
        resultados = []
        for nombre, carpeta, veces in casos:
            comandos = {
                "ruta": [ruta, "validar", str(carpeta), "--fecha", FECHA],
                "piso": [sys.executable, str(AQUI / "piso.py"), str(carpeta)],
            }
            if yamllint:
                comandos["yamllint"] = [yamllint, "-d", "relaxed", str(carpeta)]
            _aviso(f"midiendo {nombre} ({args.repeticiones} rondas)…")
            tiempos = medir_caso(comandos, args.repeticiones, args.calentamiento)
            resultados.append((nombre, _kb(carpeta), veces, tiempos))
        entorno.append(f"- Carga media del sistema (1 min): {carga_inicial} al empezar, "
                       f"{_carga()} al terminar (con más carga que CPU, los tiempos suben)")

    informe = _informe(resultados, entorno, args, yamllint is not None)
    print(informe)
    if args.salida:
        args.salida.write_text(informe + "\n", encoding="utf-8")
    return 0


def _informe(resultados, entorno, args, con_yamllint: bool) -> str:
    med = {n: {p: statistics.median(t) for p, t in ts.items()} for n, _, _, ts in resultados}
    programas = ["ruta", "piso"] + (["yamllint"] if con_yamllint else [])
    titulos = {"ruta": "`ruta validar`", "piso": "piso", "yamllint": "yamllint"}
    lineas = ["## Entorno", "", *entorno,
              f"- {args.repeticiones} rondas por caso tras {args.calentamiento} de calentamiento; "
              "tiempo de pared por proceso (`time.perf_counter` alrededor de `subprocess.run`)", "",
              "## Tiempos (ms: mediana / mínimo)", "",
              "| Caso | KB | " + " | ".join(titulos[p] for p in programas) + " | ruta/piso |",
              "|---|---:|" + "---:|" * len(programas) + "---:|"]
    for nombre, kb, _, ts in resultados:
        celdas = [f"{statistics.median(ts[p]):.1f} / {min(ts[p]):.1f}" for p in programas]
        razon = med[nombre]["ruta"] / med[nombre]["piso"]
        lineas.append(f"| {nombre} | {kb:.0f} | " + " | ".join(celdas) + f" | {razon:.2f}× |")

    base_nombre, base_kb = resultados[0][0], resultados[0][1]
    lineas += ["", f"## Linealidad (ms por KB; «marginal»: lo que cuesta cada KB más que {base_nombre})", "",
               "| Caso | KB | " + " | ".join(f"{titulos[p]} ms/KB" for p in programas) + " | "
               + " | ".join(f"{titulos[p]} marginal" for p in programas) + " |",
               "|---|---:|" + "---:|" * (2 * len(programas))]
    for nombre, kb, _, _ in resultados:
        totales = [f"{med[nombre][p] / kb:.3f}" for p in programas]
        if kb > base_kb:
            marginales = [f"{(med[nombre][p] - med[base_nombre][p]) / (kb - base_kb):.3f}"
                          for p in programas]
        else:
            marginales = ["—"] * len(programas)
        lineas.append(f"| {nombre} | {kb:.0f} | " + " | ".join(totales) + " | "
                      + " | ".join(marginales) + " |")

    razon = med[base_nombre]["ruta"] / med[base_nombre]["piso"]
    veredicto = "se cumple" if razon <= META else "NO se cumple"
    lineas += ["", f"Meta: en {base_nombre}, `ruta validar` ≤ {META}× el piso (medianas): "
               f"{razon:.2f}× → {veredicto}."]
    return "\n".join(lineas)


if __name__ == "__main__":
    sys.exit(main())
