"""El gancho de pre-commit (`.pre-commit-hooks.yaml`) y las dos configuraciones de
``docs/integracion.md``, copiadas de la página tal cual: en un repositorio con dos Rutas limpias
el commit pasa; con una Ruta rota, se detiene; y sin ``--all-files`` (los archivos del commit,
``pass_filenames: true``) solo se revisa la Ruta que los contiene.

- A (``repo: local``, el ``ruta`` instalado): rápida, usa el ``ruta`` de este árbol.
- B (``repo: RUTA_GIT`` con ``rev``): contra un clon local de este repositorio, con
  ``pre-commit autoupdate --bleeding-edge`` para poner el commit más nuevo, como dice la página.
  Es lenta (pre-commit instala `ruta` y sus dependencias desde PyPI en su propio entorno) y CI
  la corre. El clon solo tiene lo que está en commits.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from rutamejora.commands import app

RAIZ = Path(__file__).resolve().parents[2]
MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"

pytestmark = pytest.mark.lento


def test_el_gancho_se_declara_como_se_documenta():
    (gancho,) = YAML(typ="safe").load((RAIZ / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert gancho["id"] == "ruta-validar"
    assert gancho["entry"] == "ruta validar"
    assert gancho["language"] == "python"
    assert gancho["pass_filenames"] is True
    assert gancho["types"] == ["yaml"]


def _pre_commit() -> str | None:
    junto = Path(sys.executable).parent / ("pre-commit.exe" if os.name == "nt" else "pre-commit")
    return str(junto) if junto.exists() else shutil.which("pre-commit")


def _git(*args, cwd: Path, **kw):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, **kw)


def _configuracion(repo: str) -> str:
    """El bloque YAML de docs/integracion.md cuya configuración usa ``repo: <repo>``, tal cual."""
    texto = (RAIZ / "docs" / "integracion.md").read_text(encoding="utf-8")
    bloques = [textwrap.dedent(b) for _, b in re.findall(r"^( *)```yaml\n(.*?)^\1```", texto, re.M | re.S)]
    [bloque] = [b for b in bloques if re.search(rf"^\s*- repo: {re.escape(repo)}\b", b, re.M)]
    return bloque


def _entorno(tmp_path: Path, **mas) -> dict:
    return dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache-pre-commit"), NO_COLOR="1",
                PIP_DISABLE_PIP_VERSION_CHECK="1", GIT_AUTHOR_NAME="Zona 045",
                GIT_AUTHOR_EMAIL="zona@example.org", GIT_COMMITTER_NAME="Zona 045",
                GIT_COMMITTER_EMAIL="zona@example.org", **mas)


def _repositorio_de_rutas(tmp_path: Path, config: str, env: dict) -> tuple[Path, Path]:
    """Un repositorio de la zona con dos Rutas limpias y ``config`` como .pre-commit-config.yaml."""
    repo = tmp_path / "zona 045"
    primaria = repo / "escuelas" / "21DPR0123T" / "2025-2026"
    shutil.copytree(MINIMA, primaria)
    preescolar = repo / "escuelas" / "11DJN0041M" / "2025-2026"
    r = CliRunner().invoke(app, ["nueva", str(preescolar), "--nombre", "Jardín de Niños Ñandú", "--cct",
                                 "11DJN0041M", "--nivel", "preescolar", "--ciclo", "2025-2026", "--sin-preguntas"])
    assert r.exit_code == 0, r.output
    (repo / ".pre-commit-config.yaml").write_text(config, encoding="utf-8")
    _git("init", "-q", cwd=repo, env=env)
    _git("add", ".", cwd=repo, env=env)
    _git("commit", "-q", "-m", "Rutas 2025-2026", cwd=repo, env=env)
    return repo, primaria


def _pasa_limpio_y_detiene_lo_roto(pre_commit: str, repo: Path, primaria: Path, env: dict) -> None:
    def gancho():
        return subprocess.run([pre_commit, "run", "--all-files", "--color", "never"], cwd=repo, env=env,
                              capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)

    limpio = gancho()
    assert limpio.returncode == 0, limpio.stdout + limpio.stderr
    assert "ruta validar (Rutas de mejora escolar)" in limpio.stdout and "Passed" in limpio.stdout

    metas = primaria / "metas.yaml"
    metas.write_text(metas.read_text(encoding="utf-8").replace("linea_base: 40", "línea_base: 40"), encoding="utf-8")
    _git("add", ".", cwd=repo, env=env)
    roto = gancho()
    assert roto.returncode == 1, roto.stdout + roto.stderr
    assert "Failed" in roto.stdout
    assert "RM104  Meta M1: la clave `línea_base` no existe aquí." in roto.stdout
    # Una salida por Ruta: la otra se revisó y no tiene errores.
    assert "0 errores" in roto.stdout or "Todo en orden" in roto.stdout

    # Sin --all-files, pre-commit pasa los archivos del commit: solo se revisa la Ruta que los
    # contiene (pass_filenames: true).
    solo = subprocess.run([pre_commit, "run", "--color", "never"], cwd=repo, env=env,
                          capture_output=True, text=True, timeout=900, stdin=subprocess.DEVNULL)
    assert solo.returncode == 1, solo.stdout + solo.stderr
    assert "RM104  Meta M1: la clave `línea_base` no existe aquí." in solo.stdout
    assert "11DJN0041M" not in solo.stdout


def _requisitos() -> str:
    if shutil.which("git") is None:
        pytest.skip("git no está instalado")
    pre_commit = _pre_commit()
    if pre_commit is None:
        pytest.skip("pre-commit no está instalado (viene con `pip install '.[pruebas]'`)")
    return pre_commit


@pytest.mark.skipif(os.name == "nt", reason="el `ruta` de prueba es un guion de sh")
def test_la_configuracion_local_de_la_documentacion_funciona_tal_cual(tmp_path):
    pre_commit = _requisitos()
    # `ruta` instalado: uno en el PATH que corre el de este árbol.
    binarios = tmp_path / "bin"
    binarios.mkdir()
    (binarios / "ruta").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m rutamejora "$@"\n', encoding="utf-8")
    (binarios / "ruta").chmod(0o755)
    env = _entorno(tmp_path, PATH=f"{binarios}{os.pathsep}{os.environ.get('PATH', '')}",
                   PYTHONPATH=str(RAIZ))
    repo, primaria = _repositorio_de_rutas(tmp_path, _configuracion("local"), env)
    _pasa_limpio_y_detiene_lo_roto(pre_commit, repo, primaria, env)


def test_la_configuracion_con_el_repositorio_funciona_contra_un_clon(tmp_path):
    """`rev: COMMIT` y `pre-commit autoupdate --bleeding-edge`, como dice la página (no `v0.1.0`,
    una etiqueta que no existe)."""
    pre_commit = _requisitos()
    if not (RAIZ / ".git").exists():
        pytest.skip("este árbol no es un repositorio git: no se puede clonar")
    versionado = _git("ls-files", ".pre-commit-hooks.yaml", "pyproject.toml", cwd=RAIZ).stdout.split()
    assert versionado == [".pre-commit-hooks.yaml", "pyproject.toml"], \
        "pre-commit solo ve lo versionado: agrega .pre-commit-hooks.yaml a git"
    env = _entorno(tmp_path)
    clon = tmp_path / "ruta-clon"
    _git("clone", "-q", "--no-hardlinks", str(RAIZ), str(clon), cwd=tmp_path, env=env)
    config = _configuracion("RUTA_GIT")
    assert re.search(r"^\s*rev: COMMIT\b", config, re.M)
    repo, primaria = _repositorio_de_rutas(tmp_path, config.replace("RUTA_GIT", clon.as_posix()), env)

    r = subprocess.run([pre_commit, "autoupdate", "--bleeding-edge", "--color", "never"], cwd=repo, env=env,
                       capture_output=True, text=True, timeout=300, stdin=subprocess.DEVNULL)
    assert r.returncode == 0, r.stdout + r.stderr
    nuevo = _git("rev-parse", "HEAD", cwd=clon).stdout.strip()
    assert f"rev: {nuevo}" in (repo / ".pre-commit-config.yaml").read_text(encoding="utf-8")
    _git("commit", "-q", "-am", "ruta al commit más nuevo", cwd=repo, env=env)
    _pasa_limpio_y_detiene_lo_roto(pre_commit, repo, primaria, env)
