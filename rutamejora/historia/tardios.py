"""Las metas que se hicieron más fáciles después de su fecha límite, según la historia en git.

Una meta se juzga en su fecha límite con lo medido hasta ese día (``vistas.avance_meta``). Si
después de ese día alguien bajó su valor meta (o lo subió, en una meta de disminuir) o corrió su
fecha límite, la Ruta de hoy la da por lograda con una vara que se puso cuando el resultado ya se
conocía. Eso no es un error del archivo (un ajuste puede tener motivo), pero la rendición no puede
decir «se logró» sin decirlo: ``informes`` lo cuenta junto a la meta.

Lee los cambios a metas que juntó ``ajustes.ajustes_del_ciclo`` (los de cada commit desde el
inicio de clases, con sus valores crudos; también los posteriores al ciclo o a la fecha del
informe: la Ruta de hoy ya los tiene), no git otra vez.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Los campos que pueden hacer más fácil una meta ya vencida.
CAMPOS = ("valor_meta", "fecha_limite")


@dataclass(frozen=True)
class CambioTardio:
    """Un cambio que hizo más fácil la meta ``meta`` el día ``fecha`` (el del commit), cuando su
    fecha límite vigente (``limite``) ya había pasado. ``antes`` y ``despues`` son los valores
    del modelo; ``antes_texto`` y ``despues_texto``, como se escriben («85 %», «12 jun 2026»)."""

    meta: str
    fecha: date
    campo: str
    antes: object
    despues: object
    antes_texto: str
    despues_texto: str
    limite: date


def cambios_tardios(de_metas: list, ruta) -> dict[str, list[CambioTardio]]:
    """``{id de meta: [CambioTardio]}`` en orden de fecha, de ``de_metas`` (``[(día, Cambio)]``
    de git, en orden de fecha: ``AjustesDelCiclo.de_metas``); ``ruta``, la Ruta de hoy (el
    sentido de cada meta). Solo metas que siguen en la Ruta."""
    metas = {m.id: m for m in ruta.metas if m.id}
    cambios = [(dia, c.id, campo) for dia, c in de_metas
               if c.tipo == "cambiado" and c.id in metas
               for campo in c.campos if campo.campo in CAMPOS]
    tardios: dict[str, list[CambioTardio]] = {}
    for dia, id_, campo in cambios:
        limite = _limite_vigente(cambios, id_, dia, metas[id_].fecha_limite)
        antes, despues = campo.crudo
        if limite is None or dia <= limite or not _mas_facil(metas[id_], campo.campo, antes, despues):
            continue
        tardios.setdefault(id_, []).append(CambioTardio(
            id_, dia, campo.campo, antes, despues, campo.antes, campo.despues, limite))
    return tardios


def _limite_vigente(cambios: list, id_: str, dia: date, actual: date | None) -> date | None:
    """La fecha límite de la meta el día ``dia``, antes de los cambios de ese día: la de antes
    del primer cambio de fecha límite de ese día o posterior; si no hubo, la de hoy."""
    for otro_dia, otro_id, campo in cambios:
        if otro_id == id_ and campo.campo == "fecha_limite" and otro_dia >= dia:
            antes = campo.crudo[0]
            return antes if isinstance(antes, date) else None
    return actual


def _mas_facil(meta, campo: str, antes, despues) -> bool:
    """Si el cambio acerca la meta: una fecha límite más tarde; un valor meta más bajo (al
    aumentar), más alto (al disminuir) o distinto (al mantener un valor igual a la línea base,
    donde solo ese valor la cumple)."""
    if antes is None or despues is None:
        return False
    if campo == "fecha_limite":
        return isinstance(antes, date) and isinstance(despues, date) and despues > antes
    sentido, base = meta.sentido, meta.linea_base
    if sentido == "mantener":
        if base is None or base == antes:
            return despues != antes
        sentido = "aumentar" if antes > base else "disminuir"
    return despues > antes if sentido == "disminuir" else despues < antes
