"""Un repositorio dañado o de otro usuario se dice como tal, en español y con salida 2.

Antes, con el árbol de la carpeta de la Ruta ilegible, ``cambios`` decía «La Ruta es nueva» con
salida 0, e ``historia`` citaba a git en inglés; un repositorio de otro usuario era «no está en
un repositorio de git».
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

from rutamejora.historia import git as G

PRIMARIA = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"
DANADO = ("ruta: el repositorio de git está dañado: git no puede leer el objeto {objeto}.\n"
          "Pista: Revísalo con `git fsck`; si el repositorio está en GitHub o en otra computadora, "
          "vuelve a clonarlo.")


def _danar(repo) -> str:
    """Cambia por basura el objeto del árbol de la carpeta de la Ruta en HEAD; su id corto."""
    rel = repo.carpeta.relative_to(repo.raiz).as_posix()
    arbol = repo.git("rev-parse", f"HEAD:{rel}").strip()
    objeto = repo.raiz / ".git" / "objects" / arbol[:2] / arbol[2:]
    objeto.chmod(0o644)
    objeto.write_bytes(b"basura")
    return arbol[:7]


def test_cambios_en_un_repositorio_danado(repo, correr):
    objeto = _danar(repo)
    r = correr("cambios", repo.carpeta)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.startswith(DANADO.format(objeto=objeto))


def test_historia_en_un_repositorio_danado(repo, correr):
    _danar(repo)
    r = correr("historia", repo.carpeta)
    assert r.exit_code == 2
    assert r.stderr == ("ruta: el repositorio de git está dañado: git no puede leer uno de sus objetos.\n"
                        "Pista: Revísalo con `git fsck`; si el repositorio está en GitHub o en otra "
                        "computadora, vuelve a clonarlo.\n")


def test_un_repositorio_de_otro_usuario_dice_safe_directory(tmp_path, monkeypatch, correr):
    """Como root (la CI) git no se queja de un repositorio ajeno de la misma forma en todas las
    versiones: se simula su respuesta, con su texto exacto."""
    aviso = (f"fatal: detected dubious ownership in repository at '{tmp_path}'\n"
             f"To add an exception for this directory, call:\n\n"
             f"\tgit config --global --add safe.directory {tmp_path}\n")
    carpeta = tmp_path / "r"
    shutil.copytree(PRIMARIA, carpeta)
    monkeypatch.setattr(G, "_correr", lambda orden: subprocess.CompletedProcess(orden, 128, "", aviso))
    r = correr("historia", carpeta)
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: git no confía en el repositorio de {carpeta}: es de otro usuario de esta "
                        f"computadora.\nPista: Si confías en él, agrégalo con `git config --global --add "
                        f"safe.directory {tmp_path}`.\n")
