"""La versión de la Ruta en git: el commit y si sus archivos tienen cambios sin confirmar.

Posee ``Version`` y ``version_git``: la única información externa de un informe, que por lo
demás no depende del reloj ni del sistema. Sin git o fuera de un repositorio, no hay versión.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from pathlib import Path

from rutamejora.formato.modelo import Ruta
from rutamejora.informes.salida import ARCHIVOS_RUTA


@dataclass
class Version:
    """El estado de la Ruta en git. ``commit`` es ``None`` fuera de un repositorio o sin commits."""

    en_git: bool
    commit: str | None = None
    cambios: bool = False

    @property
    def texto(self) -> str | None:
        if not self.en_git:
            return None
        base = f"commit {self.commit}" if self.commit else "sin commits todavía"
        return f"{base}, con cambios sin confirmar" if self.cambios else base


def _git(carpeta: Path, *args: str) -> str | None:
    entorno = dict(os.environ, LC_ALL="C", GIT_OPTIONAL_LOCKS="0", GIT_TERMINAL_PROMPT="0")
    try:
        hecho = subprocess.run(["git", "-C", str(carpeta), *args], capture_output=True, text=True,
                               timeout=15, env=entorno, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return hecho.stdout if hecho.returncode == 0 else None


def version_git(ruta: Ruta) -> Version:
    """El commit de la Ruta y si sus archivos difieren de él (tolerante: sin git, sin versión).

    Solo cuentan los archivos de la Ruta: un informe escrito en su carpeta no la «ensucia».
    """
    carpeta = ruta.carpeta
    dentro = _git(carpeta, "rev-parse", "--is-inside-work-tree")
    if dentro is None or dentro.strip() != "true":
        return Version(en_git=False)
    commit = _git(carpeta, "rev-parse", "--short", "HEAD")
    nombres = sorted(set(ruta.documentos) | {d.ruta.name for d in ruta.documentos.values()}
                     | set(ARCHIVOS_RUTA))
    estado = _git(carpeta, "status", "--porcelain", "--untracked-files=all", "--", *nombres)
    return Version(en_git=True, commit=commit.strip() if commit else None,
                   cambios=bool(estado and estado.strip()))
