"""Las recetas de CI de docs/integracion.md, tan lejos como llega una prueba: cada comando `ruta`
que escriben corre tal como está escrito (con la rama base cambiada por un commit de un
repositorio de prueba) y da el comentario que publicarían; y piden la historia completa."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

DOCS = Path(__file__).resolve().parents[2] / "docs" / "integracion.md"
# Lo que en CI nombra la rama base o el commit base del cambio.
VARIABLES = ("origin/$GITHUB_BASE_REF", "$CI_MERGE_REQUEST_DIFF_BASE_SHA")


def _comandos() -> list[str]:
    texto = DOCS.read_text(encoding="utf-8")
    return re.findall(r"ruta validar \. --(?:cambios-desde|historia)[^\n>;]*", texto)


def test_las_recetas_piden_la_historia_completa():
    texto = DOCS.read_text(encoding="utf-8")
    assert "fetch-depth: 0" in texto and "GIT_DEPTH: 0" in texto
    assert len(_comandos()) == 3


@pytest.mark.parametrize("comando", _comandos())
def test_cada_comando_de_las_recetas_corre(comando, repo, correr, monkeypatch):
    base = repo.git("rev-parse", "HEAD").strip()
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.commit("Sesión 2", "2025-10-31")
    monkeypatch.chdir(repo.raiz)
    args = [base if a in VARIABLES else a for a in shlex.split(comando, posix=True)]
    args = [base if "$" in a else a for a in args]
    r = correr(*args[1:])
    assert r.exit_code == 0, r.output
    if "--formato" in args and args[args.index("--formato") + 1] == "md":
        assert r.stdout.startswith("## Revisión de las Rutas de mejora")
        assert "- Meta M2: valor meta 85 % → 80 %" in r.stdout
    else:
        assert r.stdout.strip().endswith("Ningún dato personal en la historia.")
