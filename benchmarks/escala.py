"""Tiempo contra tamaño de cada comando y formato de ``ruta``: ¿el costo crece en línea recta?

Uso (desde la raíz del repositorio):
    python benchmarks/escala.py                               # todo: ~10 min con 2 núcleos
    python benchmarks/escala.py --factores 1,10 --entradas 10,1000 --rondas 3   # rápido
    python benchmarks/escala.py --solo validar-texto,informe-rendicion --salida escala.md

Mide el código de **este** árbol de trabajo (``python -m rutamejora`` con la raíz del repositorio
en ``PYTHONPATH``), no el ``ruta`` instalado. Dos series:

- **Por tamaño de la Ruta**: ``generar.py --factor`` escala el ejemplo de primaria (1×, 10×, 50×,
  100×) y sobre cada Ruta se corren todos los comandos y formatos de ``COMANDOS``: ``validar``
  (texto, json, github), ``resumen``, ``avance`` y ``pendientes`` (texto y json), ``informe``
  (rendición en HTML para la comunidad, planeación y seguimiento en Markdown para la autoridad)
  y ``bitacora agregar`` (un acuerdo; la bitácora se restaura después de cada corrida).
- **Por entradas de la bitácora**: ``generar.py --bitacora`` da la Ruta de primaria con 10,
  1 000, 10 000 y 21 000 entradas (4.9 MB, cerca del tope de 5 MB de la lectura), y en cada
  una se mide ``bitacora agregar`` junto a ``validar``.

Cada número es la CPU de usuario + sistema del proceso (``os.wait4``; con la máquina cargada la
pared sube y se vuelve ruidosa, la CPU mucho menos), mediana de ``--rondas`` rondas; en cada
ronda los comandos corren una vez cada uno en orden rotado. Imprime en Markdown, para pegar en
docs/rendimiento.md:

1. la CPU de cada comando a cada tamaño;
2. la razón contra ``validar`` (texto) a ese tamaño;
3. el costo marginal por tramo, ``(t[k] − t[k−1]) / (KB[k] − KB[k−1])`` en ms por KB: si el
   costo es lineal, es el mismo en todos los tramos (el primero incluye lo que falte del
   arranque); si crece de un tramo al siguiente, hay algo superlineal;
4. ``bitacora agregar`` contra ``validar`` por entradas.

No es una prueba: nada de esto corre en pytest ni en la CI. Ver docs/rendimiento.md.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import statistics
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

AQUI = Path(__file__).resolve().parent
sys.path[:0] = [str(AQUI), str(AQUI.parent)]   # _comun y generar, y el rutamejora de este árbol

from _comun import FECHA, RAIZ, Medida, aviso, carga, correr, kb  # noqa: E402  (junto a este archivo)

PRIMARIA = RAIZ / "ejemplos" / "primaria-2025-2026"
FECHA_AGREGAR = "2026-06-30"
ACUERDO = "Acuerdo agregado por benchmarks/escala.py."

# (clave, nombre en las tablas, argumentos después de ``python -m rutamejora``; CARPETA se
# reemplaza por la Ruta).
C = "CARPETA"
COMANDOS = [
    ("validar-texto", "validar (texto)", ["validar", C, "--fecha", FECHA]),
    ("validar-json", "validar (json)", ["validar", C, "--fecha", FECHA, "-f", "json"]),
    ("validar-github", "validar (github)", ["validar", C, "--fecha", FECHA, "-f", "github"]),
    ("resumen-texto", "resumen (texto)", ["resumen", C, "--fecha", FECHA]),
    ("resumen-json", "resumen (json)", ["resumen", C, "--fecha", FECHA, "-f", "json"]),
    ("avance-texto", "avance (texto)", ["avance", C, "--fecha", FECHA]),
    ("avance-json", "avance (json)", ["avance", C, "--fecha", FECHA, "-f", "json"]),
    ("pendientes-texto", "pendientes (texto)", ["pendientes", C, "--fecha", FECHA]),
    ("pendientes-json", "pendientes (json)", ["pendientes", C, "--fecha", FECHA, "-f", "json"]),
    ("informe-rendicion", "informe rendición (html, comunidad)",
     ["informe", C, "--tipo", "rendicion", "-f", "html", "--fecha", FECHA]),
    ("informe-planeacion", "informe planeación (md, autoridad)",
     ["informe", C, "--tipo", "planeacion", "-f", "md", "-a", "autoridad", "--fecha", FECHA]),
    ("informe-seguimiento", "informe seguimiento (md, autoridad)",
     ["informe", C, "--tipo", "seguimiento", "-f", "md", "--sesion", "4"]),
    ("bitacora-agregar", "bitacora agregar",
     ["bitacora", "agregar", C, "--fecha", FECHA_AGREGAR, "--acuerdo", ACUERDO]),
]
CLAVES = [clave for clave, _, _ in COMANDOS]
REFERENCIA = "validar-texto"


def _entorno() -> dict:
    """El entorno de los procesos: este árbol primero en ``PYTHONPATH`` y con ``.pyc`` (sin ellos
    cada proceso compilaría todo ``rutamejora`` de nuevo)."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = os.pathsep.join([str(RAIZ), *filter(None, [os.environ.get("PYTHONPATH")])])
    return env


def _programa(argumentos: list[str], carpeta: Path, env: dict) -> Callable[[], Medida]:
    comando = [sys.executable, "-m", "rutamejora", *[str(carpeta) if a == C else a for a in argumentos]]
    bitacora = carpeta / "bitacora.yaml"
    original = bitacora.read_bytes() if "agregar" in argumentos else None

    def correr_uno() -> Medida:
        medida = correr(comando, cwd=RAIZ, env=env)
        if original is not None:     # bitacora agregar: la siguiente corrida parte de lo mismo
            bitacora.write_bytes(original)
        if medida.codigo not in (0, 1):
            aviso(f"  ¡{' '.join(comando[3:5])} salió con {medida.codigo}!")
        return medida

    return correr_uno


def intercalar(programas: dict[str, Callable[[], Medida]], rondas: int) -> dict[str, float]:
    """La mediana de la CPU (ms) de cada programa en ``rondas`` rondas de orden rotado, después de
    una corrida de calentamiento de cada uno (caché de disco y ``.pyc``) que no cuenta."""
    nombres = list(programas)
    for nombre in nombres:
        programas[nombre]()
    cpu: dict[str, list[float]] = {n: [] for n in nombres}
    for ronda in range(rondas):
        k = ronda % len(nombres)
        for nombre in nombres[k:] + nombres[:k]:
            medida = programas[nombre]()
            cpu[nombre].append(medida.cpu_ms if medida.cpu_ms is not None else medida.pared_ms)
    return {n: statistics.median(v) for n, v in cpu.items()}


# --- Las series -------------------------------------------------------------------------------


def por_tamano(factores: list[int], claves: list[str], rondas: int, tmp: Path, env: dict):
    """{factor: (KB de la Ruta, {clave: CPU ms})}."""
    from generar import generar

    resultados = {}
    for factor in factores:
        carpeta = tmp / f"x{factor}"
        generar(PRIMARIA, carpeta, factor)
        tamano = kb(carpeta)
        aviso(f"{factor}×: {tamano:.0f} KB; {len(claves)} comandos × {rondas} rondas (carga {carga()})")
        programas = {clave: _programa(args, carpeta, env) for clave, _, args in COMANDOS if clave in claves}
        resultados[factor] = (tamano, intercalar(programas, rondas))
        shutil.rmtree(carpeta)
    return resultados


def por_entradas(entradas: list[int], rondas: int, tmp: Path, env: dict):
    """{entradas: (KB de la bitácora, CPU de validar, CPU de agregar)}."""
    from generar import generar_bitacora

    validar = dict((c, a) for c, _, a in COMANDOS)["validar-texto"]
    agregar = dict((c, a) for c, _, a in COMANDOS)["bitacora-agregar"]
    resultados = {}
    for n in entradas:
        carpeta = tmp / f"e{n}"
        tamano = generar_bitacora(PRIMARIA, carpeta, n) / 1024
        aviso(f"{n} entradas: bitácora de {tamano:.0f} KB; {rondas} rondas (carga {carga()})")
        cpu = intercalar({"validar": _programa(validar, carpeta, env),
                          "agregar": _programa(agregar, carpeta, env)}, rondas)
        resultados[n] = (tamano, cpu["validar"], cpu["agregar"])
        shutil.rmtree(carpeta)
    return resultados


# --- Las tablas -------------------------------------------------------------------------------


def _ms(valor: float) -> str:
    return f"{valor:,.0f}".replace(",", " ") if valor >= 100 else f"{valor:.1f}"


def _tabla(encabezados: list[str], filas: list[list[str]]) -> str:
    lineas = ["| " + " | ".join(encabezados) + " |",
              "|" + "|".join(["---"] + ["---:"] * (len(encabezados) - 1)) + "|"]
    return "\n".join(lineas + ["| " + " | ".join(f) + " |" for f in filas])


def tablas_por_tamano(resultados: dict) -> str:
    factores = sorted(resultados)
    columnas = [f"{f}× ({resultados[f][0]:.0f} KB)" for f in factores]
    nombres = {clave: nombre for clave, nombre, _ in COMANDOS}
    claves = [c for c in CLAVES if c in resultados[factores[0]][1]]
    cpu = [[nombres[c]] + [_ms(resultados[f][1][c]) for f in factores] for c in claves]
    partes = ["CPU de usuario + sistema, en ms (mediana):", "", _tabla(["Comando", *columnas], cpu)]
    if REFERENCIA in claves:
        razon = [[nombres[c]] + [f"{resultados[f][1][c] / resultados[f][1][REFERENCIA]:.2f}×" for f in factores]
                 for c in claves if c != REFERENCIA]
        partes += ["", "Contra `validar` (texto) sobre la misma Ruta:", "",
                   _tabla(["Comando", *columnas], razon)]
    if len(factores) > 1:
        tramos = list(zip(factores, factores[1:]))
        marginal = [[nombres[c]] + [
            f"{(resultados[b][1][c] - resultados[a][1][c]) / (resultados[b][0] - resultados[a][0]):.2f}"
            for a, b in tramos] for c in claves]
        partes += ["", "Costo marginal por tramo, en ms por KB (igual en todos los tramos si es lineal):", "",
                   _tabla(["Comando", *[f"{a}× → {b}×" for a, b in tramos]], marginal)]
    return "\n".join(partes)


def tabla_por_entradas(resultados: dict) -> str:
    filas = []
    anterior = None
    for n in sorted(resultados):
        tamano, validar, agregar = resultados[n]
        marginal = f"{(agregar - anterior[2]) / (tamano - anterior[0]):.2f}" if anterior else "—"
        filas.append([f"{n:,}".replace(",", " "), f"{tamano:.0f}", _ms(validar), _ms(agregar),
                      f"{agregar / validar:.2f}×", marginal])
        anterior = (tamano, validar, agregar)
    return "\n".join(["`bitacora agregar` por entradas de la bitácora (CPU en ms, mediana):", "",
                      _tabla(["Entradas", "KB de la bitácora", "validar", "bitacora agregar",
                              "agregar / validar", "agregar, ms por KB del tramo"], filas)])


def _lista(texto: str) -> list[int]:
    return [int(x) for x in texto.split(",") if x.strip()]


def main(argv: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(description="Tiempo contra tamaño de cada comando de ruta.")
    analizador.add_argument("--factores", default="1,10,50,100", help="tamaños de la Ruta (generar.py --factor)")
    analizador.add_argument("--entradas", default="10,1000,10000,21000",
                            help="entradas de la bitácora para bitacora agregar (0: no medir esa serie)")
    analizador.add_argument("--rondas", type=int, default=5, help="rondas por tamaño (se toma la mediana)")
    analizador.add_argument("--solo", help="solo estos comandos, separados por comas: " + ", ".join(CLAVES))
    analizador.add_argument("--salida", type=Path, help="además de imprimirlas, guardar las tablas aquí")
    args = analizador.parse_args(argv)
    claves = CLAVES if not args.solo else [c.strip() for c in args.solo.split(",") if c.strip()]
    desconocidas = [c for c in claves if c not in CLAVES]
    if desconocidas:
        analizador.error(f"comandos desconocidos: {', '.join(desconocidas)}")
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):
        aviso("PYTHONDONTWRITEBYTECODE está puesto: se quita para los procesos medidos.")
    env = _entorno()
    encabezado = (f"Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
                  f"{os.cpu_count()} CPU, carga al empezar {carga()}, {args.rondas} rondas.")
    partes = [encabezado]
    with tempfile.TemporaryDirectory(prefix="ruta-escala-") as tmp:
        factores = _lista(args.factores)
        if factores and claves:
            partes += ["", tablas_por_tamano(por_tamano(factores, claves, args.rondas, Path(tmp), env))]
        entradas = [n for n in _lista(args.entradas) if n > 0]
        if entradas:
            partes += ["", tabla_por_entradas(por_entradas(entradas, args.rondas, Path(tmp), env))]
    partes += ["", f"Carga al terminar: {carga()}."]
    texto = "\n".join(partes)
    print(texto)
    if args.salida:
        args.salida.write_text(texto + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
