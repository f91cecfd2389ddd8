"""Mide lo que lee git: ``ruta cambios`` contra ``ruta validar``, ``ruta historia`` en 200 commits
y el programa ``git`` contra una biblioteca (pygit2) para las mismas lecturas.

Uso:
    python benchmarks/historia.py [--commits 200] [--rondas 7] [--json]

Arma en una carpeta temporal un repositorio con la Ruta de ejemplo
(``ejemplos/primaria-2025-2026``) y ``--commits`` commits deterministas (autor y fecha fijos),
que cambian por turnos un valor meta, el costo de una acción, los responsables de otra, la
bitácora (una entrada nueva) y un comentario. Luego mide, con procesos aparte y medianas:

- ``ruta validar EJEMPLO`` y ``ruta cambios EJEMPLO`` (el último commit contra el árbol de
  trabajo, con un valor meta cambiado): la meta es ``cambios ≤ 2 × validar``;
- ``ruta historia EJEMPLO`` con los ``--commits`` commits: la meta es ≤ 5 s;
- la lectura de los archivos de la Ruta en cada commit que la cambió (la lista de commits y los
  siete archivos de cada uno), con ``git`` (``git log`` y un ``git cat-file --batch``, como
  ``rutamejora.historia``) y con pygit2 si está instalado (si no, se dice y se omite).

La velocidad nunca se mide en las pruebas; ``tests/historia`` solo cuida que este script
arranque.
"""

from __future__ import annotations

import argparse
import json
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
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"
CARPETA = "escuelas/21DPR0487A/2025-2026"


def entorno_git(n: int) -> dict:
    """Autor y fecha fijos para el commit ``n`` (uno por día desde el 1 de septiembre de 2025)."""
    dia = time.strftime("%Y-%m-%dT10:00:00", time.gmtime(1756684800 + n * 86400))
    return dict(os.environ, GIT_AUTHOR_NAME=f"Docente {n % 5}", GIT_AUTHOR_EMAIL=f"d{n % 5}@escuela.mx",
                GIT_COMMITTER_NAME="CTE", GIT_COMMITTER_EMAIL="cte@escuela.mx",
                GIT_AUTHOR_DATE=dia + "+00:00", GIT_COMMITTER_DATE=dia + "+00:00",
                GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")


def _git(repo: Path, *args: str, n: int = 0) -> str:
    return subprocess.run(["git", *args], cwd=repo, env=entorno_git(n), check=True,
                          capture_output=True, text=True).stdout


def _cambiar(carpeta: Path, n: int) -> None:
    """El cambio del commit ``n``: por turnos, un valor meta, un costo, responsables, la
    bitácora y un comentario. Siempre deja una Ruta legible."""
    turno = n % 5
    if turno == 0:
        archivo = carpeta / "metas.yaml"
        texto = archivo.read_text(encoding="utf-8")
        valores = re.findall(r"valor_meta: (\d+)", texto)
        i = (n // 5) % len(valores)
        partes = texto.split("valor_meta: ")
        viejo = re.match(r"\d+", partes[i + 1]).group()
        partes[i + 1] = str(int(viejo) + (1 if n % 2 else -1)) + partes[i + 1][len(viejo):]
        archivo.write_text("valor_meta: ".join(partes), encoding="utf-8")
    elif turno == 1:
        archivo = carpeta / "acciones.yaml"
        texto = archivo.read_text(encoding="utf-8")
        archivo.write_text(re.sub(r"costo: 600\.00|costo: 6\d\d\.00",
                                  f"costo: {600 + n % 100}.00", texto, count=1), encoding="utf-8")
    elif turno == 2:
        archivo = carpeta / "acciones.yaml"
        texto = archivo.read_text(encoding="utf-8")
        nuevo = "[DOC1, DOC2]" if "[DOC1, DOC2, DOC4]" in texto else "[DOC1, DOC2, DOC4]"
        texto = re.sub(r"responsables: \[DOC1, DOC2(, DOC4)?\]", f"responsables: {nuevo}", texto,
                       count=1)
        archivo.write_text(texto, encoding="utf-8")
    elif turno == 3:
        archivo = carpeta / "bitacora.yaml"
        dia = time.strftime("%Y-%m-%d", time.gmtime(1756684800 + n * 86400))
        with archivo.open("a", encoding="utf-8") as f:
            f.write(f"\n  - fecha: {dia}\n    tipo: registro\n    acuerdos:\n"
                    f"      - Revisar los avances de la semana {n}.\n")
    else:
        archivo = carpeta / "objetivos.yaml"
        texto = archivo.read_text(encoding="utf-8")
        archivo.write_text(re.sub(r"^# Objetivos\..*$", f"# Objetivos. Revisado {n}.", texto,
                                  count=1, flags=re.MULTILINE), encoding="utf-8")


def armar_repositorio(destino: Path, commits: int = 200, ejemplo: Path = EJEMPLO) -> Path:
    """Un repositorio en ``destino`` con la Ruta en ``CARPETA`` y ``commits`` commits (el primero
    la crea). Devuelve la carpeta de la Ruta."""
    destino.mkdir(parents=True, exist_ok=True)
    _git(destino, "init", "-q", "-b", "main")
    carpeta = destino / CARPETA
    shutil.copytree(ejemplo, carpeta)
    _git(destino, "add", "-A")
    _git(destino, "commit", "-q", "-m", "Ruta de mejora 2025-2026", n=0)
    for n in range(1, commits):
        _cambiar(carpeta, n)
        _git(destino, "commit", "-q", "-a", "-m", f"Seguimiento {n}", n=n)
    return carpeta


# --- Medir -------------------------------------------------------------------------------------


def _ruta() -> list[str]:
    junto = Path(sys.executable).parent / "ruta"
    return [str(junto)] if junto.is_file() else [sys.executable, "-m", "rutamejora"]


def _proceso(comando: list[str]) -> tuple[float, float]:
    """(pared, CPU) en segundos de un proceso; la CPU es la del proceso y sus hijos (git)."""
    from _comun import correr

    medida = correr(comando, env=dict(os.environ, PYTHONPATH=str(RAIZ)))
    return medida.pared_ms / 1000, medida.cpu_ms / 1000


def _en_este_proceso(funcion, *args) -> tuple[float, float]:
    """(pared, CPU) de una función: la CPU de este proceso más la de los hijos que terminaron
    (el ``git cat-file`` de la lectura con git)."""
    import resource

    def cpu():
        yo, hijos = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
        return yo.ru_utime + yo.ru_stime + hijos.ru_utime + hijos.ru_stime

    inicio, inicio_cpu = time.perf_counter(), cpu()
    funcion(*args)
    return time.perf_counter() - inicio, cpu() - inicio_cpu


def _medianas(casos: dict, rondas: int) -> dict:
    """Mediana y mínimo de pared y mediana de CPU (s) de cada caso, con las corridas
    intercaladas en orden rotado. La CPU casi no depende de la carga de la máquina."""
    tiempos = {k: [] for k in casos}
    nombres = list(casos)
    for k in nombres:
        casos[k]()  # calentamiento
    for r in range(rondas):
        for k in nombres[r % len(nombres):] + nombres[:r % len(nombres)]:
            tiempos[k].append(casos[k]())
    return {k: {"mediana": statistics.median(p for p, _ in v), "minimo": min(p for p, _ in v),
                "cpu": statistics.median(c for _, c in v)} for k, v in tiempos.items()}


def leer_con_git(repo: Path, rel: str) -> int:
    """Los siete archivos de la Ruta en cada commit que la cambió, con el programa git."""
    from rutamejora.historia.cronologia import rutas_de
    from rutamejora.historia.git import Repositorio
    from rutamejora.historia.versiones import Almacen

    repositorio = Repositorio(repo)
    leidos = 0
    with Almacen(repositorio, rel) as almacen:
        for commit in repositorio.commits(rutas_de(rel)):
            for id_ in almacen.archivos(commit.id).values():
                leidos += len(almacen.lector.objeto(id_)[1])
    return leidos


def leer_con_pygit2(repo: Path, rel: str) -> int:
    """Lo mismo con pygit2 (libgit2): recorrer la historia y leer los blobs de la carpeta."""
    import pygit2

    repositorio = pygit2.Repository(str(repo))
    leidos = 0
    previo = None
    for commit in repositorio.walk(repositorio.head.target, pygit2.enums.SortMode.TOPOLOGICAL):
        try:
            arbol = commit.tree[rel]
        except KeyError:
            continue
        padre = commit.parents[0].tree[rel].id if commit.parents else None
        if padre == arbol.id and previo is not None:
            continue  # el commit no cambió la carpeta
        previo = arbol.id
        for entrada in repositorio[arbol.id]:
            if entrada.name.endswith((".yaml", ".yml")):
                leidos += len(repositorio[entrada.id].data)
    return leidos


# Larga a propósito: arma el repositorio, corre cada caso y escribe la tabla en un solo lugar,
# para que quien lea el script vea en orden lo que se mide.
def main(argv: list[str] | None = None) -> int:
    opciones = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    opciones.add_argument("--commits", type=int, default=200)
    opciones.add_argument("--rondas", type=int, default=7)
    opciones.add_argument("--json", action="store_true", help="El resultado en JSON.")
    args = opciones.parse_args(argv)
    sys.path.insert(0, str(RAIZ))
    sys.path.insert(0, str(AQUI))
    with tempfile.TemporaryDirectory(prefix="ruta-bench-historia-") as tmp:
        repo = Path(tmp) / "rutas"
        print(f"Armando un repositorio de {args.commits} commits…", file=sys.stderr)
        carpeta = armar_repositorio(repo, args.commits)
        # Un cambio sin commit, para que `ruta cambios` tenga algo que decir.
        metas = carpeta / "metas.yaml"
        metas.write_text(metas.read_text(encoding="utf-8").replace("valor_meta: 85", "valor_meta: 80"),
                         encoding="utf-8")
        ruta = _ruta()
        casos = {
            "validar": lambda: _proceso(ruta + ["validar", str(carpeta), "--fecha", "2026-07-15"]),
            "cambios": lambda: _proceso(ruta + ["cambios", str(carpeta)]),
            "historia": lambda: _proceso(ruta + ["historia", str(carpeta)]),
        }
        resultado = _medianas(casos, args.rondas)
        lecturas = {"git": lambda: _en_este_proceso(leer_con_git, repo, CARPETA)}
        try:
            import pygit2  # noqa: F401
            lecturas["pygit2"] = lambda: _en_este_proceso(leer_con_pygit2, repo, CARPETA)
        except ImportError:
            print("pygit2 no está instalado: se mide solo git.", file=sys.stderr)
        resultado.update({f"leer con {k}": v for k, v in _medianas(lecturas, args.rondas).items()})
    razon = resultado["cambios"]["mediana"] / resultado["validar"]["mediana"]
    razon_cpu = resultado["cambios"]["cpu"] / resultado["validar"]["cpu"]
    if args.json:
        print(json.dumps({"commits": args.commits, "rondas": args.rondas, "carga": _carga(),
                          "casos": resultado, "cambios_entre_validar": razon,
                          "cambios_entre_validar_cpu": razon_cpu}, indent=2))
        return 0
    print(f"carga de la máquina: {_carga()}\n")
    print(f"{'caso':<18} {'pared (s)':>10} {'mínimo (s)':>11} {'CPU (s)':>9}")
    for k, v in resultado.items():
        print(f"{k:<18} {v['mediana']:>10.3f} {v['minimo']:>11.3f} {v['cpu']:>9.3f}")
    print(f"\ncambios / validar: {razon:.2f} de pared, {razon_cpu:.2f} de CPU (meta ≤ 2)")
    print(f"historia con {args.commits} commits: {resultado['historia']['mediana']:.2f} s de pared, "
          f"{resultado['historia']['cpu']:.2f} s de CPU (meta ≤ 5 s)")
    return 0


def _carga() -> str:
    from _comun import carga

    return carga()


if __name__ == "__main__":
    sys.exit(main())
