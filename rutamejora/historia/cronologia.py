"""La historia de una Ruta: los commits que la cambiaron, del más nuevo al más viejo, cada uno
con su fecha, su autor, su mensaje y sus cambios en las palabras del plan.

Con ``id_`` (una meta, una acción, una prioridad o la agrupación del marco) quedan solo los
commits que tocaron esa cosa, y de cada uno solo esos cambios; si en algún commit la cosa se
renombró, la historia sigue con su id anterior. Un ``id_`` que no existe en ninguna versión
leída (ni en el árbol de trabajo) lanza ``IdDesconocido``, con el id más parecido.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from rutamejora.formato import ARCHIVOS, NoEsRuta, es_ruta, sugerir
from rutamejora.historia.comparacion import comparar
from rutamejora.historia.diferencia import Diferencia, ids_y
from rutamejora.historia.git import Commit, Repositorio
from rutamejora.historia.palabras import Voz
from rutamejora.privacidad import NOMBRE, SALUD, detectar, enmascarar
from rutamejora.historia.versiones import Almacen, Version, de_carpeta


class IdDesconocido(ValueError):
    """``--id`` no existe en ninguna versión de la Ruta: un error de uso (salida 2) cuyo
    mensaje dice dónde se buscó y el id más parecido."""


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
                paso.diferencia.cambios = [c.para(seguidos) for c in propios]
            elif id_:
                continue
            pasos.append(paso)
        if id_ and not pasos:
            _revisar_id(id_, carpeta, [almacen.version(c, c.corto) for c in commits
                                       if c.id not in cortes], limite)
    return pasos


def ids_de(ruta) -> set[str]:
    """Los ids de una versión: metas, acciones, agrupaciones, objetivos, fuentes, necesidades y
    personas."""
    listas = (ruta.metas, ruta.acciones, ruta.prioridades, ruta.objetivos, ruta.fuentes,
              ruta.necesidades, ruta.colectivo, ruta.comunidad)
    return {o.id for lista in listas for o in lista if getattr(o, "id", None)}


def _revisar_id(id_: str, carpeta: Path, versiones: list, limite: int | None) -> None:
    """Sin commits que cambiaran ``id_``: si no existe en ninguna versión leída ni en el árbol
    de trabajo, ``IdDesconocido`` (como `ruta validar` con un id que nadie define: el más
    parecido y los que hay de su tipo)."""
    existentes: set[str] = set()
    for version in versiones:
        if version.ruta is not None:
            existentes |= ids_de(version.ruta)
    try:
        existentes |= ids_de(de_carpeta(carpeta).ruta)
    except NoEsRuta:
        pass
    if id_ in existentes:
        return
    n = len(versiones)
    donde = (f"en los {n} commits más nuevos (-n {limite}; sin -n, en toda la historia)"
             if limite else f"en ninguno de sus {n} commits") if n != 1 else "en su commit"
    texto = f"{id_} no existe {donde} ni en el árbol de trabajo de la Ruta."
    parecido = sugerir(id_, existentes)
    if parecido:
        texto += f" ¿Quisiste decir {parecido}?"
    letras = id_.rstrip("0123456789").upper()
    del_tipo = [i for i in existentes if i.rstrip("0123456789").upper() == letras]
    if del_tipo:
        texto += f" Los que hay con {letras}: {ids_y(del_tipo)}."
    raise IdDesconocido(texto)


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
