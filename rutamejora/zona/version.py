"""El commit de cada Ruta de la zona: con qué versión de sus archivos se hizo cada renglón.

``version_de(carpeta)`` pregunta a git (con ``historia.Repositorio``, que solo lee: no toca el
árbol ni el índice) el último commit que cambió la carpeta de la Ruta y si sus archivos tienen
cambios sin confirmar. Fuera de un repositorio, o sin git, no hay versión (``None``): la zona
se muestra igual. Se llama en el proceso del pool que lee la Ruta (``fila_de`` con
``con_version``), así que los git de mil Rutas también se reparten entre los núcleos.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class VersionRuta:
    commit: str | None           # el id corto del último commit que cambió la Ruta
    fecha: str | None = None     # la fecha de ese commit (AAAA-MM-DD)
    cambios: bool = False        # archivos de la Ruta distintos del commit (o sin seguir)

    @property
    def texto(self) -> str:
        base = f"commit {self.commit}" if self.commit else "sin commits todavía"
        return f"{base}, con cambios sin confirmar" if self.cambios else base


def version_de(carpeta: Path) -> VersionRuta | None:
    """La versión de la Ruta de ``carpeta`` en git, o ``None`` fuera de un repositorio."""
    from rutamejora.historia import ErrorDeGit, Repositorio

    try:
        repo = Repositorio.de(carpeta)
        relativa = repo.relativa(carpeta) or "."
        commits = repo.commits([relativa], limite=1) if repo.tiene_commits() else []
        estado = repo.git("status", "--porcelain", "--untracked-files=all", "--", relativa)
    except (ErrorDeGit, OSError):
        return None
    if not commits:
        return VersionRuta(None, None, bool(estado.strip()))
    return VersionRuta(commits[0].corto, commits[0].fecha.date().isoformat(), bool(estado.strip()))


__all__ = ["VersionRuta", "version_de"]
