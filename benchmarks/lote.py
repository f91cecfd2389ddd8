"""Mide ``ruta validar`` sobre muchas Rutas: tiempo de pared, CPU y memoria pico por proceso.

Uso (desde la raíz del repositorio):
    python benchmarks/lote.py                                  # 1, 10, 200 y 1000 copias
    python benchmarks/lote.py --copias 1,200 --repeticiones 5  # solo la meta de tiempo
    python benchmarks/lote.py --antes /ruta/a/otro/checkout    # y el mismo caso con otro código

Qué hace:
1. Crea en una carpeta temporal N copias del ejemplo de primaria en ``escuelas/<cct>/<ciclo>/``
   (``generar.py --zona``: cada una con su CCT válida) para cada N de ``--copias``.
2. Corre ``ruta validar CARPETA --fecha 2026-07-15 --procesos P`` para cada P de ``--procesos``
   (por omisión 1 y todos los núcleos), cada corrida en un proceso aparte que importa el código de
   este repositorio (no el instalado) y corre ``main()`` con la salida a /dev/null. En cada ronda
   corre una vez cada caso, en orden rotado, tras una corrida de calentamiento.
3. De cada corrida toma el tiempo de pared (``time.perf_counter`` alrededor del proceso), la CPU
   (``getrusage``: el proceso y sus hijos) y la memoria pico (``ru_maxrss``) del proceso
   principal y del mayor de sus procesos del pool. Escribe tablas Markdown con medianas y las dos
   metas: 200 copias en ≤ 15× el tiempo de una, y la memoria pico con 1000 en ≤ 2× la de 10.

Con ``--antes RAIZ`` mide además el código de otra carpeta (p. ej. un ``git worktree`` de un
commit anterior) con las mismas copias y sin ``--procesos`` (que ese código puede no tener).

No lo corre la CI: la velocidad solo se mide aquí, nunca en las pruebas.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

AQUI = Path(__file__).resolve().parent
RAIZ = AQUI.parent

FECHA = "2026-07-15"
META_TIEMPO = 15     # 200 copias en a lo más 15 veces lo que tarda una
META_MEMORIA = 2     # la memoria pico con 1000 copias, a lo más 2 veces la de 10


def _correr(raiz: str, informe: str, argumentos: list[str]) -> None:
    """Modo interno: corre ``ruta ARGUMENTOS`` con el código de ``raiz`` y anota su consumo."""
    import resource

    sys.path.insert(0, raiz)
    nulo = os.open(os.devnull, os.O_WRONLY)
    os.dup2(nulo, 1)
    sys.argv = ["ruta", *argumentos]
    codigo = 0
    try:
        from rutamejora.commands import main

        main()
    except SystemExit as exc:
        codigo = exc.code if isinstance(exc.code, int) else 1
    propio = resource.getrusage(resource.RUSAGE_SELF)
    hijos = resource.getrusage(resource.RUSAGE_CHILDREN)
    # Linux da ru_maxrss en KiB; macOS, en bytes.
    escala = 1 if sys.platform == "darwin" else 1024
    Path(informe).write_text(json.dumps({
        "codigo": codigo,
        "cpu": propio.ru_utime + propio.ru_stime + hijos.ru_utime + hijos.ru_stime,
        "rss_principal": propio.ru_maxrss * escala,
        "rss_hijo": hijos.ru_maxrss * escala,
    }), encoding="utf-8")


def _una_corrida(raiz: Path, carpeta: Path, procesos: int | None, informe: Path) -> dict:
    argumentos = ["validar", str(carpeta), "--fecha", FECHA]
    if procesos is not None:
        argumentos += ["--procesos", str(procesos)]
    entorno = dict(os.environ)
    entorno.pop("CI", None)
    inicio = time.perf_counter()
    subprocess.run([sys.executable, __file__, "--_correr", str(raiz), str(informe), "--", *argumentos],
                   check=True, env=entorno)
    pared = time.perf_counter() - inicio
    datos = json.loads(informe.read_text(encoding="utf-8"))
    if datos["codigo"] not in (0, 1):
        raise SystemExit(f"error: ruta {' '.join(argumentos)} salió con {datos['codigo']}")
    datos["pared"] = pared
    return datos


def _mediana(corridas: list[dict], clave: str) -> float:
    return statistics.median(c[clave] for c in corridas)


def _mib(n: float) -> str:
    return f"{n / 1048576:.1f}"


def _informe(resultados: dict, copias: list[int], variantes: list, repeticiones: int) -> str:
    lineas = [
        "## Entorno", "",
        f"- {platform.system()} {platform.release()} {platform.machine()}, {os.cpu_count()} CPU; "
        f"Python {platform.python_version()}",
        f"- {repeticiones} rondas por caso tras 1 de calentamiento; medianas",
        f"- Carga media (1 min) al terminar: {os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "",
        "",
        "## Resultados", "",
        "| Código | Rutas | procesos | pared (s) | × una Ruta | CPU total (s) | CPU por Ruta (ms) "
        "| RSS pico principal (MiB) | RSS pico de un proceso del pool (MiB) |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for nombre, raiz, procesos in variantes:
        base = _mediana(resultados[(nombre, procesos, copias[0])], "pared") if copias[0] == 1 else None
        for n in copias:
            corridas = resultados[(nombre, procesos, n)]
            pared = _mediana(corridas, "pared")
            cpu = _mediana(corridas, "cpu")
            hijo = max(c["rss_hijo"] for c in corridas)
            veces = f"{pared / base:.1f}×" if base else "—"
            lineas.append(
                f"| {nombre} | {n} | {procesos or 'sin la opción'} | {pared:.2f} | {veces} | {cpu:.2f} | "
                f"{1000 * cpu / n:.0f} | {_mib(max(c['rss_principal'] for c in corridas))} | "
                f"{_mib(hijo) if hijo else '—'} |")
    lineas += ["", "## Metas", ""]
    for nombre, raiz, procesos in variantes:
        if 1 in copias and 200 in copias:
            razon = (_mediana(resultados[(nombre, procesos, 200)], "pared")
                     / _mediana(resultados[(nombre, procesos, 1)], "pared"))
            lineas.append(f"- {nombre}, procesos {procesos or 'sin la opción'}: 200 copias en "
                          f"{razon:.1f}× el tiempo de una (meta ≤ {META_TIEMPO}×: "
                          f"{'se cumple' if razon <= META_TIEMPO else 'NO se cumple'})")
        if 10 in copias and 1000 in copias:
            def pico(n):
                cs = resultados[(nombre, procesos, n)]
                return max(c["rss_principal"] for c in cs), max(c["rss_hijo"] for c in cs)
            (p10, h10), (p1000, h1000) = pico(10), pico(1000)
            razon = max(p1000, h1000) / max(p10, h10)
            lineas.append(f"- {nombre}, procesos {procesos or 'sin la opción'}: memoria pico de un "
                          f"proceso con 1000 copias {_mib(max(p1000, h1000))} MiB contra "
                          f"{_mib(max(p10, h10))} con 10: {razon:.2f}× (meta ≤ {META_MEMORIA}×: "
                          f"{'se cumple' if razon <= META_MEMORIA else 'NO se cumple'})")
    return "\n".join(l for l in lineas if l is not None)


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--_correr"]:
        _correr(argv[1], argv[2], argv[4:])
        return 0
    analizador = argparse.ArgumentParser(description="Mide `ruta validar` sobre muchas Rutas.")
    analizador.add_argument("--copias", default="1,10,200,1000",
                            help="cuántas Rutas por caso (por omisión 1,10,200,1000)")
    analizador.add_argument("--procesos", default=f"1,{os.cpu_count() or 1}",
                            help="valores de --procesos (por omisión 1 y todos los núcleos)")
    analizador.add_argument("--repeticiones", type=int, default=3, help="rondas (por omisión 3)")
    analizador.add_argument("--origen", type=Path, default=RAIZ / "ejemplos" / "primaria-2025-2026")
    analizador.add_argument("--antes", type=Path, help="otra raíz de código para comparar")
    analizador.add_argument("--salida", type=Path, help="escribir también el informe aquí")
    args = analizador.parse_args(argv)
    # Aquí y no arriba: el modo interno no debe importar ``rutamejora`` de esta carpeta.
    sys.path[:0] = [str(AQUI), str(RAIZ)]
    import generar  # (vive junto a este archivo)

    copias = sorted(int(n) for n in args.copias.split(","))
    variantes = [("este", RAIZ, int(p)) for p in args.procesos.split(",")]
    if args.antes:
        variantes.append(("antes", args.antes.resolve(), None))

    resultados: dict = {}
    with tempfile.TemporaryDirectory(prefix="ruta-lote-") as tmp:
        tmp = Path(tmp)
        carpetas = {}
        for n in copias:
            carpetas[n] = tmp / f"z{n}"
            if n == 1:
                generar.generar(args.origen, carpetas[n], 1)
            else:
                generar.generar_zona(args.origen, carpetas[n], n)
        informe = tmp / "informe.json"
        casos = [(v, n) for v in variantes for n in copias]
        for nombre, raiz, procesos in variantes:   # calentamiento (caché de disco y bytecode)
            _una_corrida(raiz, carpetas[copias[0]], procesos, informe)
        for ronda in range(args.repeticiones):
            orden = casos[ronda % len(casos):] + casos[:ronda % len(casos)]
            for (nombre, raiz, procesos), n in orden:
                print(f"ronda {ronda + 1}: {nombre} procesos={procesos} copias={n}…",
                      file=sys.stderr, flush=True)
                resultados.setdefault((nombre, procesos, n), []).append(
                    _una_corrida(raiz, carpetas[n], procesos, informe))
    texto = _informe(resultados, copias, variantes, args.repeticiones)
    print(texto)
    if args.salida:
        args.salida.write_text(texto + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
