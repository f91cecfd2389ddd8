"""La versión de la Ruta en git: el commit y si sus archivos tienen cambios sin confirmar.

Posee ``Version`` y ``version_git``: la única información externa de un informe, que por lo
demás no depende del reloj ni del sistema. Sin git o fuera de un repositorio, no hay versión.
La versión se dice de dos maneras: para la autoridad, el commit («commit 5a3b481»); para las
familias, con palabras («La del 10 de julio de 2026»: la fecha de ese commit, que no cambia).
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from rutamejora.formato.modelo import Ruta
from rutamejora.informes.salida import ARCHIVOS_RUTA
from rutamejora.vistas import fecha_larga


@dataclass
class Version:
    """El estado de la Ruta en git. ``commit`` es ``None`` fuera de un repositorio o sin commits."""

    en_git: bool
    commit: str | None = None
    cambios: bool = False
    fecha: date | None = None      # la fecha del commit (reproducible: es la del commit)

    @property
    def texto(self) -> str | None:
        if not self.en_git:
            return None
        base = f"commit {self.commit}" if self.commit else "sin commits todavía"
        return f"{base}, con cambios sin confirmar" if self.cambios else base

    def en_palabras(self, inicio: str = "La del") -> str | None:
        """La versión como la entiende una familia: «La del 10 de julio de 2026» (o, dentro de
        una frase, con otro ``inicio``: «versión del 10 de julio de 2026»)."""
        if not self.en_git or self.fecha is None:
            return None
        base = f"{inicio} {fecha_larga(self.fecha)}"
        return f"{base}, con cambios posteriores" if self.cambios else base


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
    nombres = sorted(set(ruta.documentos) | {d.ruta.name for d in ruta.documentos.values()}
                     | set(ARCHIVOS_RUTA))
    # El último commit que cambió los archivos de esta Ruta, no el del repositorio: en el de una
    # zona, el commit de otra escuela no cambia la versión de esta (como en ``ruta zona``).
    ultimo = _git(carpeta, "log", "-1", "--format=%h %cd", "--date=short", "--", *nombres)
    commit, dia = (ultimo.split() + [None, None])[:2] if ultimo and ultimo.strip() else (None, None)
    estado = _git(carpeta, "status", "--porcelain", "--untracked-files=all", "--", *nombres)
    try:
        fecha = date.fromisoformat(dia.strip()) if dia else None
    except ValueError:
        fecha = None
    return Version(en_git=True, commit=commit,
                   cambios=bool(estado and estado.strip()), fecha=fecha)
