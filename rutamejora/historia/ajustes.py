"""Los ajustes del ciclo: lo que cambió del plan mientras corría y por qué, para la rendición.

Junta dos fuentes: la historia de la Ruta en git (cada cambio a metas, acciones, prioridades u
objetivos hecho entre el inicio de clases y la fecha del informe, con su fecha y su commit) y
los ``ajustes`` de la bitácora (el motivo que anotó el CTE). Un cambio y un ajuste van juntos
solo si el ajuste de verdad lo explica (``motivos.explica``: nombra el mismo id, se anotó desde
``motivos.VENTANA`` días antes del commit hasta ``motivos.DESPUES`` días después, no dice que eso se
queda igual ni habla de otro tipo de cambio, y no explicó ya un commit anterior); si varios, el
más cercano al commit (a la misma distancia, el de antes). Un cambio sin ajuste
que lo explique va sin motivo, y el ajuste, en su propio renglón. Sin git (o fuera de un
repositorio), solo la bitácora, y lo dice.

No decide qué puede leer cada audiencia: eso lo hace ``informes`` con su voz.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rutamejora.formato import NoEsRuta
from rutamejora.historia.cronologia import historia_de
from rutamejora.historia.git import Commit, ErrorDeGit
from rutamejora.historia.motivos import explica
# Las partes del plan que cuentan como ajustes (no la bitácora, el formato ni el orden).
PARTES = ("metas", "acciones", "prioridades", "objetivos")


@dataclass
class Ajuste:
    """Un ajuste del plan: cuándo, qué ids, qué cambió (``cambios``, de la historia), en qué
    commit, y el motivo anotado en la bitácora (``motivo``, del día ``anotado``)."""

    fecha: date
    ids: list = field(default_factory=list)
    cambios: list = field(default_factory=list)
    commit: Commit | None = None
    motivo: str | None = None
    anotado: date | None = None


@dataclass
class AjustesDelCiclo:
    """Los ajustes en orden de fecha; ``sin_git`` dice por qué no hubo historia (o ``None``)."""

    ajustes: list
    sin_git: str | None = None
    # Los cambios a metas de cada commit desde el inicio de clases, también los posteriores al
    # fin del ciclo o a la fecha del informe (la Ruta de hoy ya los tiene): [(día, Cambio)] en
    # orden de fecha, para ``tardios``.
    de_metas: list = field(default_factory=list)
    # El clon es superficial: los commits de antes del primero que trae no se ven (ni lo que
    # cambiaron), así que esta historia puede estar incompleta.
    superficial: bool = False
    # Las mediciones corregidas en commits desde el inicio de clases: [(día del commit, fecha de
    # la medición, meta, antes, después)], en orden de fecha, para ``tardios``.
    de_mediciones: list = field(default_factory=list)
    # Las series de mediciones de una meta que cambiaron (de fecha, orden o número) en commits
    # desde el inicio de clases: [(día del commit, meta, serie de antes, serie de después)], en
    # orden de fecha, para ``tardios`` (ver ``Diferencia.series``).
    de_series: list = field(default_factory=list)
    # El día del commit más antiguo de la Ruta que trae esta copia: antes no hay versión que
    # diga qué medición juzgaba una meta (``tardios`` no lo compara con una que venció antes).
    desde: date | None = None

    @property
    def en_git(self) -> bool:
        return self.sin_git is None


def _de_la_bitacora(ruta, hoy: date) -> list[Ajuste]:
    ajustes = []
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                    key=lambda e: e.fecha):
        for a in e.ajustes or []:
            ids = [x for x in [*(a.acciones or []), *(a.metas or [])] if x]
            ajustes.append(Ajuste(fecha=e.fecha, ids=ids, motivo=a.descripcion, anotado=e.fecha))
    return ajustes


def _ventana(ruta, hoy: date) -> tuple[date | None, date]:
    """Del primer día de clases (del primer ciclo) al día del informe o al fin del horizonte."""
    calendarios = [c for c in ruta.calendarios.values() if c is not None]
    inicio = min((c.inicio_clases or c.inicio for c in calendarios), default=None)
    fin = min(hoy, max((c.fin for c in calendarios), default=hoy))
    return inicio, fin


def ajustes_del_ciclo(ruta, hoy: date) -> AjustesDelCiclo:
    """Los ajustes del plan de ``ruta`` (un ``formato.Ruta`` leído de su carpeta) hasta ``hoy``."""
    bitacora = _de_la_bitacora(ruta, hoy)
    try:
        pasos = historia_de(ruta.carpeta, destino="informe")
    except (ErrorDeGit, NoEsRuta) as exc:
        motivo = exc.mensaje if isinstance(exc, ErrorDeGit) else str(exc)
        return AjustesDelCiclo(bitacora, sin_git=motivo)
    inicio, fin = _ventana(ruta, hoy)
    de_git: list[Ajuste] = []
    de_metas, de_mediciones, de_series = [], [], []
    superficial = any(p.cortado for p in pasos)
    usados: dict[int, str] = {}   # id(ajuste de la bitácora) → el commit que explica
    for paso in reversed(pasos):
        dia = paso.commit.fecha.date()
        if paso.diferencia is None or (inicio is not None and dia < inicio):
            continue
        de_metas += [(dia, c) for c in paso.diferencia.cambios if c.parte == "metas"]
        de_mediciones += [(dia, *m) for m in paso.diferencia.mediciones]
        de_series += [(dia, meta, *par) for meta, par in paso.diferencia.series.items()]
        if dia > fin:
            continue
        cambios = [c for c in paso.diferencia.cambios
                   if c.parte in PARTES and c.tipo not in ("orden", "formato")]
        if cambios:
            de_git += _juntar(paso.commit, dia, cambios, bitacora, usados)
    sueltos = [a for a in bitacora if not any(g.anotado == a.anotado and g.motivo == a.motivo
                                             for g in de_git)]
    juntos = sorted(de_git + sueltos, key=lambda a: (a.fecha, a.ids[:1]))
    return AjustesDelCiclo(juntos, de_metas=de_metas, superficial=superficial,
                           de_mediciones=de_mediciones, de_series=de_series,
                           desde=pasos[-1].commit.fecha.date() if pasos else None)


def _juntar(commit: Commit, dia: date, cambios: list, bitacora: list[Ajuste],
            usados: dict[int, str]) -> list[Ajuste]:
    """Los cambios de un commit, agrupados por el ajuste de la bitácora que los explica (el
    más cercano al commit de los que lo explican y no explicaron otro commit: ``usados``; el
    más reciente se llevaría el ajuste anotado después para el commit siguiente)."""
    grupos: dict[int, Ajuste] = {}
    for c in cambios:
        libres = [a for a in bitacora if usados.get(id(a), commit.id) == commit.id
                  and explica(a, c, dia)]
        motivo = min(libres, key=lambda a: (abs((a.fecha - dia).days), a.fecha > dia)) if libres else None
        if motivo is not None:
            usados[id(motivo)] = commit.id
        llave = id(motivo)
        if llave not in grupos:
            grupos[llave] = Ajuste(fecha=dia, commit=commit,
                                   motivo=motivo.motivo if motivo else None,
                                   anotado=motivo.anotado if motivo else None)
        grupo = grupos[llave]
        grupo.cambios.append(c)
        grupo.ids += [i for i in c.ids if i not in grupo.ids]
    return list(grupos.values())
