"""Qué cambió en una Ruta: entre dos revisiones de git, entre una revisión y el árbol de trabajo,
o entre dos carpetas (sin git).

``comparar`` junta las partes (``partes``) de dos versiones ya leídas en una ``Diferencia``.

``cambios_git`` entiende las revisiones como ``ruta cambios``: sin ``desde`` ni ``hasta``, el
último commit contra el árbol de trabajo; con ``desde``, esa revisión contra el árbol de
trabajo; con solo ``hasta``, lo que cambió ese commit (contra su primer padre).
"""

from __future__ import annotations

from pathlib import Path

from rutamejora.formato import NoEsRuta, marco_de
from rutamejora.historia import partes
from rutamejora.historia.diferencia import ARCHIVO_DE, Comparador, Diferencia, mayuscula
from rutamejora.historia.git import Repositorio
from rutamejora.historia.palabras import Voz
from rutamejora.historia.versiones import Almacen, Version, de_carpeta
from rutamejora.privacidad import mensaje_sin_datos

ARBOL = "el árbol de trabajo"


def comparar(antes, despues, destino: str = "terminal") -> Diferencia:
    """La ``Diferencia`` de la versión ``antes`` a la versión ``despues`` (``versiones.Version``).

    ``destino`` decide cómo se enmascara un dato personal en los textos citados (``terminal``,
    ``json``, ``github``)."""
    diferencia = Diferencia(antes=antes.etiqueta, despues=despues.etiqueta)
    if antes.ruta is None and despues.ruta is None:
        return diferencia
    if antes.ruta is None or despues.ruta is None:
        diferencia.cambios.append(partes.ruta_entera(antes, despues))
        return diferencia
    marco = despues.ruta.marco or antes.ruta.marco
    personal = {p.nombre for r in (antes.ruta, despues.ruta) for p in r.colectivo + r.comunidad
                if p.nombre}
    voz = Voz(marco, sorted(personal), destino)
    comparador = Comparador(antes.ruta, despues.ruta, voz)
    plural = marco_de(despues.ruta).plural
    diferencia.titulos["prioridades"] = mayuscula(plural)
    omitidas = _ilegibles(antes, despues, diferencia)
    partes.todas(comparador, omitidas)
    diferencia.cambios = comparador.cambios
    diferencia.mediciones = comparador.mediciones
    diferencia.series = comparador.series
    diferencia.cambios += partes.forma(antes, despues, comparador.cambios, omitidas)
    return diferencia


def _ilegibles(antes, despues, diferencia: Diferencia) -> set[str]:
    """Las partes que no se comparan porque un archivo suyo no se pudo leer en una versión."""
    omitidas: set[str] = set()
    for version in (antes, despues):
        ruta = version.ruta
        for nombre in sorted(set(ruta.documentos) - ruta.legibles):
            diferencia.avisos.append(f"{nombre} no se pudo leer en {version.etiqueta} (corre "
                                     "ruta validar): sus cambios no se comparan.")
            omitidas |= {p for p, archivos in ARCHIVO_DE.items() if nombre in archivos}
    return omitidas


def cambios_carpetas(carpeta: Path, otra: Path, destino: str = "terminal") -> Diferencia:
    """De la Ruta de ``otra`` (la de antes) a la de ``carpeta`` (la de después), sin git.

    Lanza ``formato.NoEsRuta`` si alguna de las dos no es una Ruta."""
    antes = de_carpeta(otra, str(otra))
    despues = de_carpeta(carpeta, str(carpeta))
    return comparar(antes, despues, destino)


def cambios_git(carpeta: Path, desde: str | None = None, hasta: str | None = None,
                destino: str = "terminal") -> Diferencia:
    """La diferencia de la Ruta de ``carpeta`` entre dos revisiones (``ErrorDeGit`` si git no
    puede responder: sin git, fuera de un repositorio, una revisión que no existe)."""
    if not carpeta.is_dir():
        raise NoEsRuta(f"La carpeta {carpeta} no existe.")
    repo = Repositorio.de(carpeta)
    rel = repo.relativa(carpeta)
    with Almacen(repo, rel) as almacen:
        if hasta is None:
            antes = _en(almacen, repo, desde or "HEAD")
            despues = _arbol(carpeta)
        else:
            fin = repo.resolver(hasta)
            despues = almacen.version(fin, _etiqueta(hasta, fin))
            if desde is not None:
                antes = _en(almacen, repo, desde)
            else:
                antes = _padre(almacen, repo, fin, hasta)
        if antes.ruta is None and despues.ruta is None:
            raise NoEsRuta(f"La carpeta {carpeta} no contiene una Ruta en {antes.etiqueta} "
                           f"ni en {despues.etiqueta}.")
        return comparar(antes, despues, destino)


def _en(almacen: Almacen, repo: Repositorio, revision: str) -> Version:
    commit = repo.resolver(revision)
    return almacen.version(commit, _etiqueta(revision, commit))


def _padre(almacen: Almacen, repo: Repositorio, commit: str, nombre: str) -> Version:
    padres = repo.git("rev-list", "--parents", "-n", "1", commit).split()[1:]
    if not padres:
        return Version(etiqueta=f"antes de {mensaje_sin_datos(nombre)}")
    return almacen.version(repo.resolver(padres[0]), f"{mensaje_sin_datos(nombre)}^ ({padres[0][:7]})")


def _arbol(carpeta: Path) -> Version:
    try:
        return de_carpeta(carpeta, ARBOL)
    except NoEsRuta:
        return Version(etiqueta=ARBOL)


def _etiqueta(revision: str, commit: str) -> str:
    """«HEAD (abc1234)»; un id ya es su propia etiqueta. El nombre de una rama o de una
    etiqueta de git sale sin datos personales («caso-[nombre: K. P. S.]~1»): lo escribió alguien
    y la diferencia se imprime y se publica en un pull request."""
    if commit.startswith(revision.lower()):
        return commit[:7]
    return f"{mensaje_sin_datos(revision)} ({commit[:7]})"
