"""Mide ``ruta validar`` en sus tres formatos (texto, json, github) contra el tamaño de la Ruta.

Uso (desde la raíz del repositorio):
    python benchmarks/formatos.py                          # 1×, 10×, 25×, 50× y 100×
    python benchmarks/formatos.py --factores 1,50 --repeticiones 3
    python benchmarks/formatos.py --antes /ruta/a/otro/checkout   # y el mismo caso con otro código

Qué hace:
1. Agranda el ejemplo de primaria con ``generar.py --factor N`` y le pone un problema por meta y
   por acción: ``linea_base`` → ``línea_base`` en ``metas.yaml`` y ``ambito`` → ``ámbito`` en
   ``acciones.yaml`` (RM104, cada uno con su línea citada). Así el número de problemas crece con
   el tamaño, que es lo que hacía cuadrática la salida de texto: re-partía todo el archivo en
   líneas por cada línea citada. A 1× son 28 errores; a 100×, 2 800 (y 13 avisos desde 10×).
2. Corre ``ruta validar CARPETA --fecha 2026-07-15 --formato F`` para cada formato, cada vez en
   un proceso aparte que importa el código de este repositorio (no el instalado) con la salida a
   /dev/null; tras una corrida de calentamiento, ``--repeticiones`` rondas en orden rotado.
3. Escribe una tabla Markdown: mediana del tiempo de pared, ms por KB y la «marginal» (lo que
   cuesta cada KB por encima de 1×: si el costo es lineal, es la misma en todos los tamaños), y
   la razón texto/json.
4. Aparte, en un proceso que valida una vez cada tamaño, cronometra solo la salida
   (``salida.formatear``) en cada formato: su costo por problema debe ser el mismo en todos los
   tamaños.

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
import time
from pathlib import Path

AQUI = Path(__file__).resolve().parent
RAIZ = AQUI.parent
FECHA = "2026-07-15"
FORMATOS = ("texto", "json", "github")
# (archivo, texto, reemplazo): una clave mal escrita por elemento, que se lee igual (RM104).
PROBLEMAS = (("metas.yaml", "    linea_base:", "    línea_base:"),
             ("acciones.yaml", "    ambito:", "    ámbito:"))


def preparar(origen: Path, destino: Path, factor: int) -> tuple[float, int]:
    """La Ruta ``factor`` veces más grande, con un problema por meta y acción: (KB, problemas)."""
    import generar

    generar.generar(origen, destino, factor)
    problemas = 0
    for nombre, viejo, nuevo in PROBLEMAS:
        archivo = destino / nombre
        texto = archivo.read_text(encoding="utf-8")
        problemas += texto.count(viejo)
        archivo.write_text(texto.replace(viejo, nuevo), encoding="utf-8")
    kb = sum(p.stat().st_size for p in destino.glob("*.yaml")) / 1024
    return kb, problemas


def _cronometrar(raiz: Path, carpeta: Path, formato: str) -> float:
    codigo = (f"import sys; sys.path.insert(0, {str(raiz)!r}); "
              f"sys.argv = ['ruta', 'validar', {str(carpeta)!r}, '--fecha', {FECHA!r}, "
              f"'--formato', {formato!r}]; "
              "from rutamejora.commands import main; main()")
    inicio = time.perf_counter()
    r = subprocess.run([sys.executable, "-c", codigo], stdout=subprocess.DEVNULL,
                       stderr=subprocess.PIPE)
    if r.returncode != 1:   # la Ruta tiene errores a propósito
        raise SystemExit(f"error: {formato} en {carpeta} salió con {r.returncode}:\n{r.stderr.decode()}")
    return time.perf_counter() - inicio


def _solo_la_salida(raiz: str, carpeta: str, repeticiones: int) -> None:
    """Modo interno: valida ``carpeta`` con el código de ``raiz`` y cronometra solo la salida."""
    import json
    from datetime import date

    sys.path.insert(0, raiz)
    from rutamejora.reglas import validar
    from rutamejora.salida import formatear

    resultados = [validar(Path(carpeta), date.fromisoformat(FECHA), True)]
    tiempos = {}
    for formato in FORMATOS:
        formatear(resultados, formato, color=False)   # importa su módulo: no cuenta
        medidas = []
        # Al menos 5 medidas, salvo que ya pasen de 10 s (la salida cuadrática de antes, a 100×).
        while len(medidas) < max(5, repeticiones) and (not medidas or sum(medidas) < 10):
            inicio = time.perf_counter()
            formatear(resultados, formato, color=False)
            medidas.append(time.perf_counter() - inicio)
        tiempos[formato] = statistics.median(medidas)
    print(json.dumps(tiempos))


def _medir_la_salida(raiz: Path, carpeta: Path, repeticiones: int) -> dict:
    import json

    r = subprocess.run([sys.executable, __file__, "--_salida", str(raiz), str(carpeta),
                        str(repeticiones)], capture_output=True, text=True, check=True)
    return json.loads(r.stdout)


def _informe(casos, resultados, variantes, repeticiones: int) -> str:
    lineas = ["## Entorno", "",
              f"- {platform.system()} {platform.release()} {platform.machine()}, {os.cpu_count()} CPU; "
              f"Python {platform.python_version()}",
              f"- {repeticiones} rondas por caso tras 1 de calentamiento; medianas del tiempo de "
              "pared de un proceso completo"]
    if hasattr(os, "getloadavg"):
        lineas.append(f"- Carga media (1 min) al terminar: {os.getloadavg()[0]:.2f}")
    for nombre in variantes:
        lineas += ["", f"## {nombre}", "",
                   "| Tamaño | KB | problemas | " + " | ".join(f"{f} (ms)" for f in FORMATOS)
                   + " | " + " | ".join(f"{f} marginal (ms/KB)" for f in FORMATOS) + " | texto/json |",
                   "|---|---:|---:|" + "---:|" * (2 * len(FORMATOS) + 1)]
        base = casos[0]
        for factor, kb, problemas in casos:
            med = {f: statistics.median(resultados[(nombre, factor, f)]) * 1000 for f in FORMATOS}
            if factor != base[0]:
                bmed = {f: statistics.median(resultados[(nombre, base[0], f)]) * 1000 for f in FORMATOS}
                marginal = [f"{(med[f] - bmed[f]) / (kb - base[1]):.2f}" for f in FORMATOS]
            else:
                marginal = ["—"] * len(FORMATOS)
            lineas.append(f"| {factor}× | {kb:.0f} | {problemas} | "
                          + " | ".join(f"{med[f]:.0f}" for f in FORMATOS) + " | "
                          + " | ".join(marginal) + f" | {med['texto'] / med['json']:.2f} |")
        lineas += ["", f"Solo la salida (`salida.formatear`, en el mismo proceso, ya validada; "
                   f"mediana de {max(5, repeticiones)} o de las que quepan en 10 s), en ms y en µs "
                   "por problema:", "",
                   "| Tamaño | problemas | " + " | ".join(f"{f} (ms)" for f in FORMATOS) + " | "
                   + " | ".join(f"{f} (µs/problema)" for f in FORMATOS) + " |",
                   "|---|---:|" + "---:|" * (2 * len(FORMATOS))]
        for factor, _, problemas in casos:
            salida = resultados[(nombre, factor, "salida")]
            lineas.append(f"| {factor}× | {problemas} | "
                          + " | ".join(f"{salida[f] * 1000:.1f}" for f in FORMATOS) + " | "
                          + " | ".join(f"{salida[f] * 1e6 / problemas:.0f}" for f in FORMATOS) + " |")
    return "\n".join(lineas)


def main(argv: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(description="Tiempo de validar contra el tamaño, por formato.")
    analizador.add_argument("--factores", default="1,10,25,50,100",
                            help="tamaños, en veces el ejemplo (por omisión 1,10,25,50,100)")
    analizador.add_argument("--repeticiones", type=int, default=3, help="rondas (por omisión 3)")
    analizador.add_argument("--origen", type=Path, default=RAIZ / "ejemplos" / "primaria-2025-2026")
    analizador.add_argument("--antes", type=Path, help="otra raíz de código para comparar")
    analizador.add_argument("--salida", type=Path, help="escribir también el informe aquí")
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--_salida"]:
        _solo_la_salida(argv[1], argv[2], int(argv[3]))
        return 0
    args = analizador.parse_args(argv)
    sys.path[:0] = [str(AQUI), str(RAIZ)]
    factores = sorted(int(f) for f in args.factores.split(","))
    variantes = {"este código": RAIZ}
    if args.antes:
        variantes["antes"] = args.antes.resolve()

    resultados: dict = {}
    with tempfile.TemporaryDirectory(prefix="ruta-formatos-") as tmp:
        casos = []
        for factor in factores:
            carpeta = Path(tmp) / f"x{factor}"
            casos.append((factor, *preparar(args.origen, carpeta, factor)))
        pruebas = [(n, f, formato) for n in variantes for f in factores for formato in FORMATOS]
        for nombre, raiz in variantes.items():   # calentamiento
            _cronometrar(raiz, Path(tmp) / f"x{factores[0]}", "texto")
        for ronda in range(args.repeticiones):
            orden = pruebas[ronda % len(pruebas):] + pruebas[:ronda % len(pruebas)]
            for nombre, factor, formato in orden:
                print(f"ronda {ronda + 1}: {nombre} {factor}× {formato}…", file=sys.stderr, flush=True)
                resultados.setdefault((nombre, factor, formato), []).append(
                    _cronometrar(variantes[nombre], Path(tmp) / f"x{factor}", formato))
        for nombre, raiz in variantes.items():
            for factor in factores:
                print(f"solo la salida: {nombre} {factor}×…", file=sys.stderr, flush=True)
                resultados[(nombre, factor, "salida")] = _medir_la_salida(
                    raiz, Path(tmp) / f"x{factor}", args.repeticiones)
    texto = _informe(casos, resultados, variantes, args.repeticiones)
    print(texto)
    if args.salida:
        args.salida.write_text(texto + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
