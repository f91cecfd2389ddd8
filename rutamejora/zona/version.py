"""El commit de cada Ruta de la zona: con qué versión de sus archivos se hizo cada renglón.

Es la única manera de preguntarlo para muchas Rutas: ``ruta zona --formato json|csv``, ``ruta
informe --tipo zona`` (con ``vista_zona(..., con_version=True)``) y ``ruta exportar`` (su tabla
``metadatos``) usan ``versiones_de``.

De cada Ruta en git, el último commit que tocó su carpeta, la fecha de ese commit (la de quien
lo confirmó, como ``ruta informe`` de una Ruta) y si sus archivos tienen cambios sin confirmar.
Preguntarlo Ruta por Ruta costaba tres procesos de git por Ruta (y cada ``git log -- carpeta``
recorre la historia entera): con mil Rutas, más que leerlas. Aquí las Rutas se agrupan por
repositorio (buscando ``.git`` hacia arriba, sin procesos) y cada repositorio se pregunta dos
veces, con ``historia.Repositorio`` (que solo lee: no toca el árbol ni el índice): un ``git
status`` y un ``git log --name-only`` sobre la carpeta común de sus Rutas (el primer commit en
que aparece un archivo de una Ruta es el último que la tocó). Fuera de un repositorio, o sin
git, no hay versión: la Ruta no aparece y la zona se muestra igual.
"""

from __future__ import annotations

import os
import posixpath
from dataclasses import dataclass
from pathlib import Path

_REGISTRO, _CAMPO = "\x1e", "\x1f"


@dataclass(frozen=True)
class VersionRuta:
    commit: str | None           # el id completo del último commit que cambió la Ruta
    fecha: str | None = None     # la fecha de ese commit (AAAA-MM-DD)
    cambios: bool = False        # archivos de la Ruta distintos del commit (o sin seguir)

    @property
    def corto(self) -> str | None:
        """El id de siete caracteres, el que se imprime («5a3b481»)."""
        return self.commit[:7] if self.commit else None

    @property
    def texto(self) -> str:
        base = f"commit {self.corto}" if self.commit else "sin commits todavía"
        return f"{base}, con cambios sin confirmar" if self.cambios else base

    def metadatos(self) -> list[tuple[str, str]]:
        """``[(clave, valor)]`` para ``metadatos`` de una exportación: ``commit`` y
        ``fecha_commit`` si hay commit, ``cambios_sin_confirmar`` (``si``/``no``) si hay algo
        que decir."""
        filas = [("commit", self.commit), ("fecha_commit", self.fecha)] if self.commit else []
        if self.commit or self.cambios:
            filas.append(("cambios_sin_confirmar", "si" if self.cambios else "no"))
        return filas


def raiz_git(carpeta: Path) -> Path | None:
    """La raíz de trabajo del repositorio que contiene ``carpeta`` (``None`` si no hay)."""
    actual = Path(os.path.abspath(carpeta))
    for candidata in (actual, *actual.parents):
        if (candidata / ".git").exists():
            return candidata
    return None


def versiones_de(carpetas: list[Path]) -> dict[Path, VersionRuta]:
    """``{carpeta: VersionRuta}`` de cada Ruta de ``carpetas`` que está en git (las demás no
    aparecen); dos procesos de git por repositorio."""
    por_repositorio: dict[Path, list[Path]] = {}
    for carpeta in carpetas:
        raiz = raiz_git(carpeta)
        if raiz is not None:
            por_repositorio.setdefault(raiz, []).append(carpeta)
    resultado: dict[Path, VersionRuta] = {}
    for raiz, grupo in por_repositorio.items():
        resultado.update(_de_repositorio(raiz, grupo))
    return resultado


def version_de(carpeta: Path) -> VersionRuta | None:
    """La versión de la Ruta de ``carpeta`` en git, o ``None`` fuera de un repositorio."""
    return versiones_de([carpeta]).get(carpeta)


def _de_repositorio(raiz: Path, carpetas: list[Path]) -> dict[Path, VersionRuta]:
    from rutamejora.historia import ErrorDeGit, Repositorio

    relativas = {Path(os.path.relpath(os.path.abspath(c), raiz)).as_posix(): c for c in carpetas}
    # Una Ruta en la raíz del repositorio es «.»: la carpeta común de «.» y «a/b» es «».
    comun = posixpath.commonpath(list(relativas)) or "."
    repositorio = Repositorio(raiz)
    try:
        estado = repositorio.git("status", "--porcelain", "-z", "--untracked-files=all", "--", comun)
    except ErrorDeGit:
        # Sin git, o un repositorio que git no quiere leer: fuera de git, sin versión.
        return {}
    try:
        historia = repositorio.git("-c", "core.quotepath=off", "log", "--no-renames",
                                   f"--format={_REGISTRO}%H{_CAMPO}%cI", "--name-only", "--", comun)
    except ErrorDeGit:
        historia = ""     # un repositorio sin commits todavía: todo es cambio sin confirmar
    ultimos = _ultimos_commits(historia, set(relativas))
    sucias = _con_cambios(estado, set(relativas))
    resultado = {}
    for relativa, carpeta in relativas.items():
        commit, fecha = ultimos.get(relativa, (None, None))
        resultado[carpeta] = VersionRuta(commit, fecha[:10] if fecha else None, relativa in sucias)
    return resultado


def _duena(archivo: str, rutas: set[str]) -> str | None:
    """La Ruta (su carpeta relativa) que contiene ``archivo``: la más cercana hacia arriba."""
    carpeta = posixpath.dirname(archivo)
    while True:
        if carpeta in rutas or (carpeta == "" and "." in rutas):
            return carpeta or "."
        if not carpeta:
            return None
        carpeta = posixpath.dirname(carpeta)


def _ultimos_commits(historia: str, rutas: set[str]) -> dict[str, tuple[str, str]]:
    """``{ruta: (commit, fecha)}``: el primer commit del log (el más nuevo) que toca cada una."""
    ultimos: dict[str, tuple[str, str]] = {}
    for registro in historia.split(_REGISTRO):
        if not registro.strip():
            continue
        cabeza, _, archivos = registro.partition("\n")
        commit, _, fecha = cabeza.partition(_CAMPO)
        for archivo in archivos.splitlines():
            ruta = _duena(archivo.strip(), rutas) if archivo.strip() else None
            if ruta is not None and ruta not in ultimos:
                ultimos[ruta] = (commit.strip(), fecha.strip())
        if len(ultimos) == len(rutas):
            break
    return ultimos


def _con_cambios(estado: str, rutas: set[str]) -> set[str]:
    """Las Rutas con algún archivo cambiado, nuevo o borrado según ``git status -z``."""
    sucias = set()
    partes = estado.split("\0")
    i = 0
    while i < len(partes):
        entrada = partes[i]
        i += 1
        if len(entrada) < 4:
            continue
        if entrada[0] in "RC":     # un renombrado trae después el nombre anterior
            i += 1
        ruta = _duena(entrada[3:], rutas)
        if ruta is not None:
            sucias.add(ruta)
    return sucias


__all__ = ["VersionRuta", "versiones_de", "version_de", "raiz_git"]
