"""La historia de una Ruta: los commits que la cambiaron, del más nuevo al más viejo, cada uno
con su fecha, su autor, su mensaje y sus cambios en las palabras del plan.

Con ``id_`` (una meta, una acción, una prioridad o la agrupación del marco) quedan solo los
commits que tocaron esa cosa, y de cada uno solo esos cambios; si en algún commit la cosa se
renombró, la historia sigue con su id anterior.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from rutamejora.formato import ARCHIVOS, NoEsRuta, es_ruta
from rutamejora.historia.comparacion import comparar
from rutamejora.historia.diferencia import Diferencia
from rutamejora.historia.git import Commit, Repositorio
from rutamejora.historia.palabras import Voz
from rutamejora.privacidad import NOMBRE, SALUD, detectar, enmascarar
from rutamejora.historia.versiones import Almacen, Version


@dataclass
class Paso:
    """Un commit de la historia y lo que cambió en él (``nota`` cuando no se puede comparar)."""

    commit: Commit
    diferencia: Diferencia | None = None
    nota: str = ""
    cortado: bool = False   # un clon superficial cortó aquí la historia: lo de antes no se ve


def rutas_de(rel: str) -> list[str]:
    """Los pathspecs de los archivos de una Ruta (solo los YAML de su carpeta, no de debajo).

    Un ``*``, ``?`` o ``[`` en el nombre de la carpeta se escapa: ahí es un carácter, no un
    comodín."""
    base = re.sub(r"([*?\[\]\\])", r"\\\1", rel) + "/" if rel else ""
    return [f":(glob){base}*.yaml", f":(glob){base}*.yml"]


def historia_de(carpeta: Path, id_: str | None = None, limite: int | None = None,
                destino: str = "terminal") -> list[Paso]:
    """Los pasos de la historia de la Ruta de ``carpeta`` (``ErrorDeGit`` si git no responde)."""
    if not carpeta.is_dir():
        raise NoEsRuta(f"La carpeta {carpeta} no existe.")
    if not es_ruta(carpeta) and not any((carpeta / n).is_file() for n in ARCHIVOS):
        raise NoEsRuta(f"La carpeta {carpeta} no contiene una Ruta (no hay ruta.yaml): indica "
                       "la carpeta de una Ruta (escuelas/<cct>/<ciclo>).")
    repo = Repositorio.de(carpeta)
    rel = repo.relativa(carpeta)
    if not repo.tiene_commits():
        return []
    commits = repo.commits(rutas_de(rel), limite)
    seguidos = {id_} if id_ else set()
    pasos: list[Paso] = []
    cortes = repo.cortes()
    with Almacen(repo, rel) as almacen:
        for commit in commits:
            paso = _paso(almacen, commit, destino, commit.id in cortes)
            if id_ and paso.diferencia is not None:
                propios = paso.diferencia.de_ids(seguidos)
                for c in propios:
                    if c.tipo == "renombrado":
                        seguidos |= set(c.ids)
                if not propios:
                    continue
                paso.diferencia.cambios = propios
            elif id_:
                continue
            pasos.append(paso)
    return pasos


def _paso(almacen: Almacen, commit: Commit, destino: str, cortado: bool) -> Paso:
    if cortado:
        return Paso(commit, nota="El commit anterior no está en este clon (es superficial): "
                                 "trae más historia con `git fetch --unshallow`.", cortado=True)
    despues = almacen.version(commit, commit.corto)
    if not commit.padres:
        antes = Version(etiqueta=f"antes de {commit.corto}")
    else:
        antes = almacen.version(commit.padres[0], commit.padres[0][:7])
    return Paso(_sin_datos(commit, (antes, despues), destino), comparar(antes, despues, destino))


def _sin_datos(commit: Commit, versiones, destino: str) -> Commit:
    """El commit sin datos personales en su mensaje (también se escribe con prisa: «cita con la
    mamá de Brayan…») ni su correo (un contacto: siempre «[correo]», también uno que el detector
    no reconocería, como ``ana@LAPTOP``). El autor es quien cambió la Ruta, un adulto
    que eligió cómo firmar: su nombre queda, como un nombre propio en un informe; un teléfono o
    una CURP escritos ahí, no. El personal de las dos versiones no cuenta como alumnos."""
    personal = sorted({p.nombre for v in versiones if v.ruta is not None
                       for p in v.ruta.colectivo + v.ruta.comunidad if p.nombre})
    voz = Voz(None, personal, destino)
    cuerpo = "\n".join(voz.limpio(linea) if linea.strip() else linea
                       for linea in commit.cuerpo.split("\n"))
    return replace(commit, mensaje=voz.limpio(commit.mensaje), cuerpo=cuerpo,
                   autor=_sin_contacto(commit.autor, destino),
                   correo="[correo]" if commit.correo.strip() else commit.correo)


def _sin_contacto(nombre: str, destino: str) -> str:
    """Un nombre propio con lo que no es un nombre (teléfono, correo, CURP, RFC) enmascarado."""
    if not nombre:
        return nombre
    hallados = [h for h in detectar(nombre) if h.clase not in (NOMBRE, SALUD)]
    return enmascarar(nombre, hallados, destino) if hallados else nombre
