"""Los dos entornos virtuales que compara ``comparar.py``: un commit fijo (la base) y el árbol de trabajo.

Viven en una carpeta de caché fuera del repositorio (por omisión ``~/.cache/ruta-bancos/``) y
se reutilizan entre corridas:

- ``base-<commit>/venv``: ``git archive`` del commit, ``python -m venv`` y ``pip install`` de
  esa copia. Una marca en el entorno guarda el commit completo: si ya está, no se reinstala.
- ``actual/venv``: una copia de los archivos del árbol de trabajo (los de git y los nuevos no
  ignorados, sin ``tests/`` ni ``benchmarks/``), instalada sin ``-e`` como la instalaría un
  usuario. La marca guarda la huella (SHA-256) de esos archivos: si nada cambió desde la última
  corrida, no se reinstala; si cambió, se desinstala ``rutamejora`` y se instala la copia nueva
  (las dependencias que ya están se quedan).

Las dependencias del árbol de trabajo se instalan restringidas a las versiones de la base
(``pip install -c``), para que la diferencia medida sea la del código de ``rutamejora`` y no la
de otra versión de Typer o de ruamel.yaml.

Solo biblioteca estándar (se corre desde cualquier Python 3.10+).
"""

from __future__ import annotations

import hashlib
import io
import os
import shutil
import subprocess
import sys
import tarfile
from dataclasses import dataclass, field
from pathlib import Path

from _comun import RAIZ, aviso

MARCA = ".ruta-banco"
# Lo que no forma parte de lo que se instala: cambiarlo no obliga a reinstalar.
_FUERA = ("tests/", "benchmarks/", ".git")


def cache_por_omision() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "ruta-bancos"


def entorno_limpio() -> dict[str, str]:
    """Las variables del entorno sin las ``PYTHON*``: con ``PYTHONPATH`` apuntando al repositorio,
    los hijos importarían el árbol de trabajo en vez del paquete instalado, y con
    ``PYTHONDONTWRITEBYTECODE`` cada corrida recompilaría."""
    return {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}


@dataclass
class Entorno:
    nombre: str                  # «base» o «actual»
    descripcion: str             # el commit, o el árbol de trabajo con su HEAD
    venv: Path
    versiones: dict[str, str] = field(default_factory=dict)   # dependencias instaladas

    def _bin(self, nombre: str) -> str:
        carpeta = self.venv / ("Scripts" if os.name == "nt" else "bin")
        return str(carpeta / (nombre + (".exe" if os.name == "nt" else "")))

    @property
    def python(self) -> str:
        return self._bin("python")

    @property
    def ruta(self) -> str:
        return self._bin("ruta")


def _git(*argumentos: str, binario: bool = False):
    r = subprocess.run(["git", "-C", str(RAIZ), *argumentos], capture_output=True)
    if r.returncode != 0:
        raise SystemExit(f"error: git {' '.join(argumentos)}: {r.stderr.decode().strip()}")
    return r.stdout if binario else r.stdout.decode("utf-8").strip()


def _pip(venv_python: str, *argumentos: str) -> subprocess.CompletedProcess:
    return subprocess.run([venv_python, "-m", "pip", *argumentos, "--disable-pip-version-check"],
                          capture_output=True, text=True, env=entorno_limpio())


def _crear_venv(venv: Path) -> None:
    shutil.rmtree(venv, ignore_errors=True)
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True, env=entorno_limpio())


def _instalar(entorno: Entorno, fuente: Path, restricciones: Path | None) -> None:
    extra = ["-c", str(restricciones)] if restricciones else []
    r = _pip(entorno.python, "install", "-q", str(fuente), *extra)
    if r.returncode != 0 and restricciones:
        aviso(f"nota: {entorno.nombre}: no se pudo instalar con las versiones de la base; "
              "se instala sin restringirlas.")
        r = _pip(entorno.python, "install", "-q", str(fuente))
    if r.returncode != 0:
        raise SystemExit(f"error: pip install {fuente} falló en {entorno.venv}:\n{r.stdout}{r.stderr}")


def _versiones(entorno: Entorno) -> dict[str, str]:
    r = _pip(entorno.python, "list", "--format=freeze")
    pares = (linea.split("==", 1) for linea in r.stdout.splitlines() if "==" in linea)
    return {n.lower(): v for n, v in pares if n.lower() not in ("rutamejora", "pip", "setuptools")}


def _comprobar(entorno: Entorno) -> None:
    """El ``rutamejora`` que importa el entorno es el suyo, no el del repositorio."""
    r = subprocess.run([entorno.python, "-c", "import rutamejora; print(rutamejora.__file__)"],
                       capture_output=True, text=True, env=entorno_limpio(), cwd=entorno.venv)
    origen = Path(r.stdout.strip()).resolve()
    if r.returncode != 0 or entorno.venv.resolve() not in origen.parents:
        raise SystemExit(f"error: {entorno.nombre} importa rutamejora de {origen or '?'}, "
                         f"no de {entorno.venv}:\n{r.stderr}")


def preparar_base(commit: str, cache: Path) -> Entorno:
    """El entorno del commit ``commit`` (lo crea si no está en la caché)."""
    completo = _git("rev-parse", "--verify", f"{commit}^{{commit}}")
    titulo = _git("log", "-1", "--format=%h %s", completo)
    carpeta = cache / f"base-{completo[:12]}"
    entorno = Entorno("base", titulo, carpeta / "venv")
    marca = entorno.venv / MARCA
    if not (marca.is_file() and marca.read_text().strip() == completo and Path(entorno.ruta).is_file()):
        aviso(f"base: instalando {titulo[:60]} en {entorno.venv}…")
        fuente = carpeta / "fuente"
        shutil.rmtree(fuente, ignore_errors=True)
        fuente.mkdir(parents=True)
        with tarfile.open(fileobj=io.BytesIO(_git("archive", completo, binario=True))) as tar:
            try:
                tar.extractall(fuente, filter="data")
            except TypeError:   # Python sin filtros de tarfile (anterior a 3.10.12)
                tar.extractall(fuente)
        _crear_venv(entorno.venv)
        _instalar(entorno, fuente, None)
        shutil.rmtree(fuente, ignore_errors=True)
        marca.write_text(completo + "\n")
    else:
        aviso(f"base: reutilizo {entorno.venv}")
    _comprobar(entorno)
    entorno.versiones = _versiones(entorno)
    return entorno


def _archivos_del_arbol() -> list[str]:
    """Los archivos del árbol de trabajo que se instalan: los de git (con sus cambios) y los
    nuevos no ignorados, sin los de ``_FUERA`` ni los borrados."""
    crudo = _git("ls-files", "-z", "--cached", "--others", "--exclude-standard", binario=True)
    nombres = sorted({n for n in crudo.decode("utf-8").split("\0") if n})
    return [n for n in nombres if not n.startswith(_FUERA) and (RAIZ / n).is_file()]


def preparar_actual(cache: Path, base: Entorno | None) -> Entorno:
    """El entorno del árbol de trabajo (lo reinstala si sus archivos cambiaron)."""
    archivos = _archivos_del_arbol()
    huella = hashlib.sha256()
    for nombre in archivos:
        huella.update(nombre.encode() + b"\0" + (RAIZ / nombre).read_bytes() + b"\0")
    cambios = _git("status", "--porcelain", "--", "rutamejora", "plantillas", "pyproject.toml")
    descripcion = (f"árbol de trabajo ({_git('rev-parse', '--short', 'HEAD')}"
                   + (" con cambios sin commit)" if cambios else ")"))
    carpeta = cache / "actual"
    entorno = Entorno("actual", descripcion, carpeta / "venv")
    marca = entorno.venv / MARCA
    if marca.is_file() and marca.read_text().strip() == huella.hexdigest() and Path(entorno.ruta).is_file():
        aviso(f"actual: reutilizo {entorno.venv} (el árbol no cambió)")
    else:
        aviso(f"actual: instalando una copia del árbol de trabajo en {entorno.venv}…")
        fuente = carpeta / "fuente"
        shutil.rmtree(fuente, ignore_errors=True)
        for nombre in archivos:
            (fuente / nombre).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(RAIZ / nombre, fuente / nombre)
        if Path(entorno.python).is_file():
            _pip(entorno.python, "uninstall", "-y", "-q", "rutamejora")
        else:
            _crear_venv(entorno.venv)
        restricciones = None
        if base is not None and base.versiones:
            restricciones = carpeta / "restricciones.txt"
            restricciones.write_text("".join(f"{n}=={v}\n" for n, v in sorted(base.versiones.items())))
        _instalar(entorno, fuente, restricciones)
        shutil.rmtree(fuente, ignore_errors=True)
        marca.write_text(huella.hexdigest() + "\n")
    _comprobar(entorno)
    entorno.versiones = _versiones(entorno)
    return entorno
