"""Lo que comparten las pruebas de la historia: repositorios git de verdad en carpetas temporales,
armados desde los ejemplos, con autor y fecha fijos en cada commit (``GIT_AUTHOR_DATE``,
``GIT_COMMITTER_DATE``), y ``ruta`` en el mismo proceso.

Las pruebas no importan este módulo: usan sus fixtures. ``repo`` (y ``repo_pemc``) es un ``Repo``,
un repositorio con una Ruta de ejemplo en ``escuelas/<cct>/<ciclo>``: se cambia con
``reemplazar`` y se guarda con ``commit``; ``correr`` es ``ruta`` en el mismo proceso (falla la
prueba ante un traceback). Sin git instalado, las pruebas que piden un repositorio se omiten.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

RAIZ = Path(__file__).resolve().parents[2]
EJEMPLOS = RAIZ / "ejemplos"
PRIMARIA = EJEMPLOS / "primaria-2025-2026"
PEMC = EJEMPLOS / "pemc-secundaria-2024-2026"
runner = CliRunner()



def entorno(fecha: str, autor: str = "Rosa Méndez") -> dict:
    correo = autor.split()[0].lower() + "@escuela.example"
    return dict(os.environ, GIT_AUTHOR_NAME=autor, GIT_AUTHOR_EMAIL=correo,
                GIT_COMMITTER_NAME=autor, GIT_COMMITTER_EMAIL=correo,
                GIT_AUTHOR_DATE=f"{fecha}T10:00:00+00:00", GIT_COMMITTER_DATE=f"{fecha}T10:00:00+00:00",
                GIT_CONFIG_GLOBAL=os.devnull, GIT_CONFIG_NOSYSTEM="1")


class Repo:
    """Un repositorio git con una Ruta de ejemplo (``carpeta``)."""

    def __init__(self, raiz: Path, ejemplo: Path = PRIMARIA, carpeta: str = "escuelas/21DPR0487A/2025-2026"):
        self.raiz = raiz
        self.carpeta = raiz / carpeta
        shutil.copytree(ejemplo, self.carpeta)
        self.git("init", "-q", "-b", "main")
        self.commit("Ruta de mejora 2025-2026", "2025-08-29", "Rosa Méndez")

    def git(self, *args: str, fecha: str = "2025-09-01", autor: str = "Rosa Méndez") -> str:
        hecho = subprocess.run(["git", *args], cwd=self.raiz, env=entorno(fecha, autor),
                               capture_output=True, text=True)
        assert hecho.returncode == 0, hecho.stderr
        return hecho.stdout

    def commit(self, mensaje: str, fecha: str, autor: str = "Rosa Méndez") -> str:
        self.git("add", "-A", fecha=fecha, autor=autor)
        self.git("commit", "-q", "-m", mensaje, fecha=fecha, autor=autor)
        return self.git("rev-parse", "HEAD").strip()

    def reemplazar(self, archivo: str, viejo: str, nuevo: str, veces: int = 1) -> None:
        ruta = self.carpeta / archivo
        texto = ruta.read_text(encoding="utf-8")
        assert texto.count(viejo) >= veces, f"{viejo!r} no está en {archivo}"
        ruta.write_text(texto.replace(viejo, nuevo, veces if veces > 0 else -1), encoding="utf-8")

    def quitar_bloque(self, archivo: str, desde: str, hasta: str) -> None:
        """Quita el texto de ``desde`` (incluido) a ``hasta`` (excluido)."""
        ruta = self.carpeta / archivo
        texto = ruta.read_text(encoding="utf-8")
        i, j = texto.index(desde), texto.index(hasta, texto.index(desde))
        ruta.write_text(texto[:i] + texto[j:], encoding="utf-8")

    def agregar(self, archivo: str, texto: str) -> None:
        with (self.carpeta / archivo).open("a", encoding="utf-8") as f:
            f.write(texto)

    def huellas(self) -> dict:
        """Lo que ``ruta`` nunca debe tocar: el índice, HEAD y cada archivo del árbol."""
        import hashlib

        archivos = [p for p in sorted(self.raiz.rglob("*")) if p.is_file()
                    and (".git" not in p.relative_to(self.raiz).parts or p.name in ("index", "HEAD"))]
        return {str(p.relative_to(self.raiz)): hashlib.sha256(p.read_bytes()).hexdigest()
                for p in archivos}


@pytest.fixture(autouse=True)
def _aislado(tmp_path, monkeypatch):
    """Ningún repositorio de fuera (el del proyecto) se ve desde tmp_path."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    monkeypatch.setenv("GIT_CONFIG_GLOBAL", os.devnull)
    monkeypatch.setenv("GIT_CONFIG_NOSYSTEM", "1")


def _con_git():
    if shutil.which("git") is None:
        pytest.skip("git no está instalado")


@pytest.fixture
def repo(tmp_path) -> Repo:
    _con_git()
    return Repo(tmp_path / "zona")


@pytest.fixture
def repo_pemc(tmp_path) -> Repo:
    _con_git()
    return Repo(tmp_path / "zona", PEMC, "escuelas/21DES0001A/2024-2026")


@pytest.fixture(name="correr")
def _correr():
    return correr


@pytest.fixture(name="lineas")
def _lineas():
    return lineas


def correr(*args):
    r = runner.invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        import traceback

        pytest.fail("".join(traceback.format_exception(*r.exc_info)))
    return r


def lineas(texto: str) -> list[str]:
    return [x.strip() for x in texto.splitlines() if x.strip()]
