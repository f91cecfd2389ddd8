"""El commit de cada Ruta en ``metadatos``: el último que tocó su carpeta y sus cambios (lo
da ``zona.versiones_de``, el mismo de ``ruta zona`` y ``ruta informe --tipo zona``)."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.zona import VersionRuta, versiones_de
from zonas import FECHA, armar_zona

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="sin git")
runner = CliRunner()


def _git(raiz, *args: str, fecha: str = "2026-01-10") -> str:
    entorno = dict(os.environ, GIT_AUTHOR_NAME="Supervisión", GIT_AUTHOR_EMAIL="zona@example.org",
                   GIT_COMMITTER_NAME="Supervisión", GIT_COMMITTER_EMAIL="zona@example.org",
                   GIT_AUTHOR_DATE=f"{fecha}T10:00:00+00:00",
                   GIT_COMMITTER_DATE=f"{fecha}T10:00:00+00:00")
    return subprocess.run(["git", "-C", str(raiz), *args], check=True, capture_output=True,
                          text=True, env=entorno).stdout.strip()


def test_commit_y_cambios_de_cada_ruta(tmp_path):
    raiz = armar_zona(tmp_path / "zona", rota=False, con_datos=False)
    _git(raiz, "init", "-q")
    _git(raiz, "add", ".")
    _git(raiz, "commit", "-q", "-m", "La zona")
    primero = _git(raiz, "rev-parse", "HEAD")
    pmc = raiz / "escuelas" / "29DPR0418X" / "2025-2026"
    with open(pmc / "bitacora.yaml", "a", encoding="utf-8") as f:
        f.write("# otra nota\n")
    _git(raiz, "commit", "-q", "-am", "Una nota en la bitácora", fecha="2026-02-20")
    segundo = _git(raiz, "rev-parse", "HEAD")
    primaria = raiz / "escuelas" / "21DPR0487A" / "2025-2026"
    (primaria / "metas.yaml").write_text((primaria / "metas.yaml").read_text(encoding="utf-8")
                                         + "# sin confirmar\n", encoding="utf-8")
    salida = tmp_path / "zona.db"
    r = runner.invoke(app, ["exportar", str(raiz), "-o", str(salida), "--fecha", FECHA])
    assert r.exit_code == 0, r.output
    filas = sqlite3.connect(salida).execute(
        "SELECT ruta, clave, valor FROM metadatos WHERE ruta IS NOT NULL").fetchall()
    assert filas == [
        ("escuelas/15EES0527T/2024-2026", "commit", primero),
        ("escuelas/15EES0527T/2024-2026", "fecha_commit", "2026-01-10"),
        ("escuelas/15EES0527T/2024-2026", "cambios_sin_confirmar", "no"),
        ("escuelas/21DPR0487A/2025-2026", "commit", primero),
        ("escuelas/21DPR0487A/2025-2026", "fecha_commit", "2026-01-10"),
        ("escuelas/21DPR0487A/2025-2026", "cambios_sin_confirmar", "si"),
        ("escuelas/29DPR0418X/2025-2026", "commit", segundo),
        ("escuelas/29DPR0418X/2025-2026", "fecha_commit", "2026-02-20"),
        ("escuelas/29DPR0418X/2025-2026", "cambios_sin_confirmar", "no"),
    ]


def test_fuera_de_git_no_hay_version_y_sin_commits_no_hay_commit(tmp_path):
    raiz = armar_zona(tmp_path / "zona", rota=False, con_datos=False)
    carpetas = sorted(p.parent for p in raiz.rglob("ruta.yaml"))
    assert versiones_de(carpetas) == {}
    salida = tmp_path / "fuera.db"
    r = runner.invoke(app, ["exportar", str(raiz), "-o", str(salida), "--fecha", FECHA])
    assert r.exit_code == 0, r.output
    assert sqlite3.connect(salida).execute(
        "SELECT COUNT(*) FROM metadatos WHERE ruta IS NOT NULL").fetchone() == (0,)
    _git(raiz, "init", "-q")
    # Sin commits todavía, todo es cambio sin confirmar, pero no hay commit que decir.
    assert versiones_de(carpetas) == {c: VersionRuta(None, None, True) for c in carpetas}
    assert VersionRuta(None, None, True).texto == "sin commits todavía, con cambios sin confirmar"
    salida = tmp_path / "sin-commits.db"
    r = runner.invoke(app, ["exportar", str(raiz), "-o", str(salida), "--fecha", FECHA])
    assert r.exit_code == 0, r.output
    assert sqlite3.connect(salida).execute(
        "SELECT ruta, clave, valor FROM metadatos WHERE ruta IS NOT NULL").fetchall() == [
        ("escuelas/15EES0527T/2024-2026", "cambios_sin_confirmar", "si"),
        ("escuelas/21DPR0487A/2025-2026", "cambios_sin_confirmar", "si"),
        ("escuelas/29DPR0418X/2025-2026", "cambios_sin_confirmar", "si"),
    ]


def test_una_ruta_en_la_raiz_del_repositorio(tmp_path):
    raiz = armar_zona(tmp_path / "zona", rota=False, con_datos=False)
    ruta = raiz / "escuelas" / "21DPR0487A" / "2025-2026"
    _git(ruta, "init", "-q")
    _git(ruta, "add", ".")
    _git(ruta, "commit", "-q", "-m", "La Ruta")
    commit = _git(ruta, "rev-parse", "HEAD")
    assert versiones_de([ruta]) == {ruta: VersionRuta(commit, "2026-01-10", False)}
    assert versiones_de([ruta])[ruta].texto == f"commit {commit[:7]}"
