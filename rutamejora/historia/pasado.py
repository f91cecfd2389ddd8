"""Los datos personales que quedan en la historia: un nombre borrado sigue en cada clon.

``revisar_historia`` pasa el detector de datos personales (``privacidad.detectar``) por cada
versión de los archivos de la Ruta en la historia del repositorio (solo esos archivos: los YAML
de su carpeta), línea por línea, con el personal de la escuela de esa misma versión (los
nombres de ``colectivo`` y ``comunidad`` de su ruta.yaml, que no son datos de alumnos) y, tras
``codigos:``, como campo de códigos. De cada dato dice en qué commit entró, en qué archivo y
línea, y en qué commit salió (o que sigue en la versión más nueva); el dato sale siempre
enmascarado (``privacidad.enmascarar``).

Cada versión de un archivo se lee una vez (por su id de blob) y cada línea se revisa una vez
aunque se repita en cien versiones.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rutamejora.historia.cronologia import rutas_de
from rutamejora.historia.git import Commit, Repositorio
from rutamejora.historia.versiones import Almacen
from rutamejora.privacidad import CODIGOS, NOMBRES_DE_CLASE, detectar, enmascarar
from rutamejora.nucleo.expresiones import compilar

# Lo que sigue a «codigos:» en una línea va en un campo de códigos de alumnos.
_CLAVE_CODIGOS = compilar(r"\bc[oó]digos\s*:")


@dataclass
class DatoEnLaHistoria:
    """Un dato personal que entró en ``entro`` (commit) en ``archivo``:``linea``.

    ``cita`` es la línea con el dato ya enmascarado (para ``destino``); ``salio`` el commit que
    lo quitó, o ``None`` si sigue en la versión más nueva de la historia."""

    entro: Commit
    archivo: str
    linea: int
    clase: str
    cita: str
    salio: Commit | None = None

    @property
    def que(self) -> str:
        return NOMBRES_DE_CLASE.get(self.clase, self.clase)


@dataclass
class Revision:
    """El resultado de revisar la historia de una Ruta."""

    carpeta: Path
    commits: int
    datos: list

    @property
    def codigo_de_salida(self) -> int:
        return 1 if self.datos else 0


class _Detector:
    """El detector con memoria por (línea, personal): la mayoría de las líneas se repiten."""

    def __init__(self, destino: str):
        self.destino = destino
        self._memoria: dict = {}

    def linea(self, texto: str, personal: tuple) -> tuple[list, str]:
        llave = (texto, personal)
        if llave not in self._memoria:
            self._memoria[llave] = self._revisar(texto, personal)
        return self._memoria[llave]

    def _revisar(self, texto: str, personal: tuple) -> tuple[list, str]:
        if not texto.strip():
            return [], ""
        m = _CLAVE_CODIGOS.search(texto)
        partes = [(0, texto, None)] if m is None else \
            [(0, texto[:m.end()], None), (m.end(), texto[m.end():], CODIGOS)]
        hallados = []
        for inicio, parte, contexto in partes:
            for h in detectar(parte, personal=personal, contexto=contexto):
                hallados.append(type(h)(h.clase, h.inicio + inicio, h.fin + inicio, h.texto,
                                        h.gravedad))
        if not hallados:
            return [], ""
        return hallados, enmascarar(texto, hallados, self.destino).strip()


def _personal(texto: bytes) -> tuple[str, ...] | None:
    """Los nombres de colectivo y comunidad de un ruta.yaml (``None`` si no se pudo leer)."""
    from ruamel.yaml import YAML

    try:
        datos = YAML(typ="safe", pure=False).load(texto.decode("utf-8", "replace"))
    except Exception:  # noqa: BLE001 - un ruta.yaml roto en la historia no detiene la revisión
        return None
    if not isinstance(datos, dict):
        return None
    nombres = []
    for lista in ("colectivo", "comunidad"):
        for p in datos.get(lista) or []:
            if isinstance(p, dict) and isinstance(p.get("nombre"), str):
                nombres.append(p["nombre"])
    return tuple(sorted(set(nombres)))


# Larga a propósito: el recorrido de la historia, de lo más viejo a lo más nuevo, lleva a la vez
# las versiones de cada archivo, el personal vigente y los datos abiertos; partido, cada pedazo
# necesitaría los tres.
def revisar_historia(carpeta: Path, destino: str = "terminal") -> Revision:
    """Los datos personales de cada versión de los archivos de la Ruta de ``carpeta`` en la
    historia (``ErrorDeGit`` si git no puede responder)."""
    repo = Repositorio.de(carpeta)
    rel = repo.relativa(carpeta)
    if not repo.tiene_commits():
        return Revision(carpeta, 0, [])
    commits = list(reversed(repo.commits(rutas_de(rel))))
    detector = _Detector(destino)
    abiertos: dict[tuple, DatoEnLaHistoria] = {}
    encontrados: list[DatoEnLaHistoria] = []
    previos: dict[str, str] = {}          # archivo → blob de la versión anterior
    vistos: dict[str, set] = {}           # archivo → datos (clase, texto) de esa versión
    personal: tuple = ()
    personales: dict[str, tuple | None] = {}
    base = f"{rel}/" if rel else ""
    with Almacen(repo, rel) as almacen:
        for commit in commits:
            archivos = almacen.archivos(commit.id)
            if "ruta.yaml" in archivos:
                blob = archivos["ruta.yaml"]
                if blob not in personales:
                    personales[blob] = _personal(almacen.lector.objeto(blob)[1])
                personal = personales[blob] or personal
            for nombre in sorted(set(archivos) | set(previos)):
                blob = archivos.get(nombre)
                if blob == previos.get(nombre):
                    continue
                ahora = _datos_de(almacen, blob, personal, detector) if blob else {}
                antes = vistos.get(nombre, set())
                for llave, (linea, cita, clase) in ahora.items():
                    if llave not in antes:
                        dato = DatoEnLaHistoria(commit, base + nombre, linea, clase, cita)
                        abiertos[(nombre, llave)] = dato
                        encontrados.append(dato)
                for llave in antes - set(ahora):
                    dato = abiertos.pop((nombre, llave), None)
                    if dato is not None:
                        dato.salio = commit
                vistos[nombre] = set(ahora)
                if blob:
                    previos[nombre] = blob
                else:
                    previos.pop(nombre, None)
    return Revision(carpeta, len(commits), encontrados)


def _datos_de(almacen: Almacen, blob: str, personal: tuple, detector: _Detector) -> dict:
    """``{(clase, dato): (línea, cita, clase)}`` de una versión de un archivo (la primera vez
    que aparece cada dato en ella)."""
    objeto = almacen.lector.objeto(blob)
    if objeto is None:
        return {}
    texto = objeto[1].decode("utf-8", "replace")
    datos: dict = {}
    for numero, linea in enumerate(texto.splitlines(), start=1):
        hallados, cita = detector.linea(linea, personal)
        for h in hallados:
            datos.setdefault((h.clase, h.texto), (numero, cita, h.clase))
    return datos
