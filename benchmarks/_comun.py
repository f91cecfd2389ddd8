"""Piezas que comparten los scripts de ``benchmarks/`` (``medir.py``, ``perfilar.py``, ``comparar.py``).

Solo biblioteca estándar: ``comparar.py`` lo importa desde cualquier Python, sin ``rutamejora``
instalado (mide versiones instaladas en entornos virtuales aparte).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

AQUI = Path(__file__).resolve().parent
RAIZ = AQUI.parent

# La fecha de evaluación de todas las mediciones: dentro del ciclo de todos los ejemplos, para
# que las reglas que dependen de «hoy» corran igual en cada corrida.
FECHA = "2026-07-15"


def aviso(texto: str) -> None:
    """Progreso y notas a stderr (la salida estándar queda para las tablas)."""
    print(texto, file=sys.stderr, flush=True)


def kb(carpeta: Path) -> float:
    """Los KB de todos los ``*.yaml`` debajo de ``carpeta``."""
    return sum(p.stat().st_size for p in carpeta.rglob("*.yaml")) / 1024


def carga() -> str:
    """La carga media del sistema del último minuto, como texto (``?`` donde no se sabe)."""
    try:
        return f"{os.getloadavg()[0]:.2f}"
    except (AttributeError, OSError):  # Windows
        return "?"


def ejecutable(nombre: str) -> str | None:
    """El script instalado junto a este Python (el mismo entorno) o, si no, el del PATH."""
    junto = Path(sys.executable).parent / (nombre + (".exe" if os.name == "nt" else ""))
    return str(junto) if junto.is_file() else shutil.which(nombre)


def cronometrar(comando: list[str]) -> tuple[float, int]:
    """Tiempo de pared en ms de un proceso (salida a /dev/null) y su código de salida."""
    inicio = time.perf_counter()
    proceso = subprocess.run(comando, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return (time.perf_counter() - inicio) * 1000, proceso.returncode


@dataclass
class Medida:
    """Lo que cuesta un proceso: pared (ms), CPU de usuario + sistema (ms) y memoria pico (MB)."""

    pared_ms: float
    cpu_ms: float | None
    rss_mb: float | None
    codigo: int


def correr(comando: list[str], cwd: Path | None = None, env: dict | None = None) -> Medida:
    """Corre ``comando`` (salida a /dev/null) y mide su pared, su CPU y su memoria pico.

    La CPU y la memoria salen de la ``rusage`` del hijo (la misma estructura que
    ``resource.getrusage(RUSAGE_CHILDREN)``), pero tomada con ``os.wait4`` de ese hijo solo:
    ``ru_maxrss`` de ``RUSAGE_CHILDREN`` es el máximo de todos los hijos esperados hasta ahora,
    así que no sirve para el segundo proceso si el primero usó más. Donde no hay ``wait4``
    (Windows), solo la pared.
    """
    inicio = time.perf_counter()
    if not hasattr(os, "wait4"):
        proceso = subprocess.run(comando, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                                 cwd=cwd, env=env)
        return Medida((time.perf_counter() - inicio) * 1000, None, None, proceso.returncode)
    proceso = subprocess.Popen(comando, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               cwd=cwd, env=env)
    _, estado, uso = os.wait4(proceso.pid, 0)
    pared = (time.perf_counter() - inicio) * 1000
    # Ya lo esperó wait4: Popen no debe volver a esperarlo.
    proceso.returncode = os.waitstatus_to_exitcode(estado)
    # ru_maxrss está en KiB en Linux y en bytes en macOS.
    rss = uso.ru_maxrss / (1024 * 1024 if sys.platform == "darwin" else 1024)
    return Medida(pared, (uso.ru_utime + uso.ru_stime) * 1000, rss, proceso.returncode)


def filas_importtime(texto: str) -> list[tuple[int, int, str]]:
    """Las líneas de ``python -X importtime`` como ``(acumulado µs, propio µs, módulo)``.

    El módulo conserva su sangría: dos espacios por nivel (nivel 0: importado directamente o
    a demanda; 1, 2…: dentro de otro, ya contado en el acumulado de él).
    """
    filas = []
    for linea in texto.splitlines():
        if not linea.startswith("import time:") or "cumulative" in linea:
            continue
        propio, acumulado, modulo = linea.split(":", 1)[1].split("|")
        filas.append((int(acumulado), int(propio), modulo[1:].rstrip()))
    return filas


def total_importtime(filas: list[tuple[int, int, str]]) -> int:
    """µs de importación sin contar doble: la suma de los acumulados de nivel 0."""
    return sum(a for a, _, m in filas if not m.startswith(" "))
