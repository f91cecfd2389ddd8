"""El commit de cada Ruta de una zona: dos llamadas a git por repositorio, no tres por Ruta.

De cada Ruta en git, ``metadatos`` lleva el último commit que tocó su carpeta, la fecha de ese
commit y si sus archivos tienen cambios sin confirmar. Preguntarlo Ruta por Ruta costaba tres
procesos de git por Ruta (y cada ``git log -- carpeta`` recorre la historia entera): con mil
Rutas, más que leerlas. Aquí las Rutas se agrupan por repositorio (buscando ``.git`` hacia
arriba, sin procesos) y cada repositorio se pregunta una vez: un ``git log --name-only`` sobre la
carpeta común de sus Rutas (el primer commit en que aparece un archivo de una Ruta es el último
que la tocó) y un ``git status``. Sin git o fuera de un repositorio, nada.
"""

from __future__ import annotations

import os
import posixpath
from pathlib import Path

_REGISTRO, _CAMPO = "\x1e", "\x1f"


def raiz_git(carpeta: Path) -> Path | None:
    """La raíz de trabajo del repositorio que contiene ``carpeta`` (``None`` si no hay)."""
    actual = Path(os.path.abspath(carpeta))
    for candidata in (actual, *actual.parents):
        if (candidata / ".git").exists():
            return candidata
    return None


def commits_de(carpetas: list[Path]) -> dict[Path, list[tuple[str, str]]]:
    """``{carpeta: [(clave, valor)]}`` con ``commit``, ``fecha_commit`` y
    ``cambios_sin_confirmar`` de cada Ruta en git (las demás no aparecen)."""
    por_repositorio: dict[Path, list[Path]] = {}
    for carpeta in carpetas:
        raiz = raiz_git(carpeta)
        if raiz is not None:
            por_repositorio.setdefault(raiz, []).append(carpeta)
    resultado: dict[Path, list[tuple[str, str]]] = {}
    for raiz, grupo in por_repositorio.items():
        resultado.update(_de_repositorio(raiz, grupo))
    return resultado


def _de_repositorio(raiz: Path, carpetas: list[Path]) -> dict[Path, list[tuple[str, str]]]:
    from rutamejora.historia import ErrorDeGit, Repositorio

    relativas = {Path(os.path.relpath(os.path.abspath(c), raiz)).as_posix(): c for c in carpetas}
    comun = posixpath.commonpath(list(relativas)) if relativas else "."
    repositorio = Repositorio(raiz)
    try:
        historia = repositorio.git("-c", "core.quotepath=off", "log", "--no-renames",
                                   f"--format={_REGISTRO}%H{_CAMPO}%cI", "--name-only", "--", comun)
        estado = repositorio.git("status", "--porcelain", "-z", "--untracked-files=all", "--", comun)
    except ErrorDeGit:
        # Un repositorio sin commits todavía (o git que no está): sin commit que decir.
        return {}
    ultimos = _ultimos_commits(historia, set(relativas))
    sucias = _con_cambios(estado, set(relativas))
    resultado = {}
    for relativa, carpeta in relativas.items():
        filas = []
        if relativa in ultimos:
            commit, fecha = ultimos[relativa]
            filas = [("commit", commit), ("fecha_commit", fecha[:10])]
        if filas or relativa in sucias:
            filas.append(("cambios_sin_confirmar", "si" if relativa in sucias else "no"))
        resultado[carpeta] = filas
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
