"""El gancho de pre-commit (`.pre-commit-hooks.yaml`): en un repositorio con dos Rutas limpias
el commit pasa; con una Ruta rota, se detiene. Se prueba como lo usaría una zona escolar, con
``pre-commit try-repo`` contra este repositorio.

Es lenta (pre-commit instala `ruta` desde PyPI en su propio entorno, una vez por corrida de
try-repo) y CI la corre. try-repo solo ve los archivos versionados de este repositorio (con los
cambios sin commit de los archivos que git ya conoce).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
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
    assert gancho["pass_filenames"] is False
    assert gancho["types"] == ["yaml"]


def _pre_commit() -> str | None:
    junto = Path(sys.executable).parent / ("pre-commit.exe" if os.name == "nt" else "pre-commit")
    return str(junto) if junto.exists() else shutil.which("pre-commit")


def _git(*args, cwd: Path, **kw):
    return subprocess.run(["git", *args], cwd=cwd, check=True, capture_output=True, text=True, **kw)


def test_pre_commit_try_repo_pasa_limpio_y_detiene_lo_roto(tmp_path):
    if shutil.which("git") is None:
        pytest.skip("git no está instalado")
    pre_commit = _pre_commit()
    if pre_commit is None:
        pytest.skip("pre-commit no está instalado (viene con `pip install '.[pruebas]'`)")
    if not (RAIZ / ".git").exists():
        pytest.skip("este árbol no es un repositorio git: try-repo necesita uno")
    versionado = _git("ls-files", ".pre-commit-hooks.yaml", "pyproject.toml", cwd=RAIZ).stdout.split()
    assert versionado == [".pre-commit-hooks.yaml", "pyproject.toml"], \
        "try-repo solo ve lo versionado: agrega .pre-commit-hooks.yaml a git"

    env = dict(os.environ, PRE_COMMIT_HOME=str(tmp_path / "cache-pre-commit"), NO_COLOR="1",
               PIP_DISABLE_PIP_VERSION_CHECK="1", GIT_AUTHOR_NAME="Zona 045", GIT_AUTHOR_EMAIL="zona@example.org",
               GIT_COMMITTER_NAME="Zona 045", GIT_COMMITTER_EMAIL="zona@example.org")
    repo = tmp_path / "zona 045"
    primaria = repo / "escuelas" / "21DPR0123T" / "2025-2026"
    shutil.copytree(MINIMA, primaria)
    preescolar = repo / "escuelas" / "11DJN0041M" / "2025-2026"
    r = CliRunner().invoke(app, ["nueva", str(preescolar), "--nombre", "Jardín de Niños Ñandú", "--cct",
                                 "11DJN0041M", "--nivel", "preescolar", "--ciclo", "2025-2026", "--sin-preguntas"])
    assert r.exit_code == 0, r.output
    _git("init", "-q", cwd=repo, env=env)
    _git("add", ".", cwd=repo, env=env)
    _git("commit", "-q", "-m", "Rutas 2025-2026", cwd=repo, env=env)

    def gancho():
        return subprocess.run([pre_commit, "try-repo", str(RAIZ), "ruta-validar", "--all-files", "--color", "never"],
                              cwd=repo, env=env, capture_output=True, text=True, timeout=900)

    limpio = gancho()
    assert limpio.returncode == 0, limpio.stdout + limpio.stderr
    assert "ruta validar (Rutas de mejora escolar)" in limpio.stdout and "Passed" in limpio.stdout

    metas = primaria / "metas.yaml"
    metas.write_text(metas.read_text(encoding="utf-8").replace("linea_base: 40", "línea_base: 40"), encoding="utf-8")
    _git("add", ".", cwd=repo, env=env)
    roto = gancho()
    assert roto.returncode == 1, roto.stdout + roto.stderr
    assert "Failed" in roto.stdout
    assert "RM104  La clave `línea_base` no existe aquí." in roto.stdout
    # Una salida por Ruta: la otra se revisó y no tiene errores.
    assert "0 errores" in roto.stdout or "Todo en orden" in roto.stdout
