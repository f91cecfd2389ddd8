"""Si un ajuste de la bitácora es el motivo de un cambio del plan hecho en git.

La rendición pone junto a cada cambio (un commit) el ajuste que lo explica; citar uno que habla
de otra cosa afirmaría un motivo falso. Un ajuste explica un cambio solo si:

- **nombra lo que cambió**: uno de sus ids (``metas``, ``acciones``) es el del cambio;
- **lo decidió antes**: su fecha es la del commit o de hasta ``VENTANA`` días antes (el CTE
  decide en su sesión y después se edita el plan; un ajuste anotado después de un cambio no lo
  motivó);
- **no dice que eso no cambia**: «Las metas M8 y M9 conservan su fecha», «Se mantiene como
  está» (la frase que lo dice, o la anterior si no nombra ids) no explica un cambio a M8;
- **habla de ese tipo de cambio**: si lo que dice del id es reprogramar (reprograma, pospone,
  recorre…), solo explica un cambio de fechas (inicio, fin, fecha límite), no uno de
  responsables o de costo;
- y **explica un solo cambio**: el primer commit, en orden de fecha, que cumple lo anterior
  (``ajustes`` lo lleva); uno posterior al mismo id ya no lo cita.

Lo que el texto libre no dice con claridad no descarta: solo se descarta con lo que dice.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Cuántos días puede pasar de la decisión (el ajuste) al commit que la lleva al plan.
VENTANA = 21

_IDS = re.compile(r"\b[A-Z]{1,3}\d+\b")
_FRASES = re.compile(r"(?<=[.;])\s+")
# Lo que dice que algo se queda como estaba.
_SIN_CAMBIO = re.compile(r"\b(conserva|conservan|mantiene|mantienen|sigue igual|siguen igual|"
                         r"sin cambio|sin cambios|no cambia|no cambian)\b")
# Los verbos de reprogramar: hablan de fechas.
_REPROGRAMA = re.compile(r"\b(reprogram\w*|pospon\w*|pospuest\w*|posterg\w*|aplaz\w*|recorr\w*|"
                         r"adelant\w*|atras\w*)\b")
# Los campos de fechas de una meta o una acción (de ``Diferencia``: ``inicio``, ``tiempos.fin``…).
_FECHAS = {"inicio", "fin", "fecha_limite", "periodos", "fecha", "fechas"}


def explica(ajuste, cambio, dia: date) -> bool:
    """¿El ajuste de la bitácora (``ajustes.Ajuste``: ``fecha``, ``ids``, ``motivo``) es el
    motivo de ``cambio`` (``Cambio``), hecho en un commit del día ``dia``?"""
    ids = set(cambio.ids) & set(ajuste.ids)
    return (bool(ids) and antes_del_commit(ajuste.fecha, dia)
            and not _dice_que_no_cambia(ajuste.motivo or "", ids)
            and _habla_de(ajuste.motivo or "", ids, cambio))


def antes_del_commit(anotado: date, dia: date) -> bool:
    """El ajuste es del día del commit o de hasta ``VENTANA`` días antes."""
    return 0 <= (dia - anotado).days <= VENTANA


def _normal(texto: str) -> str:
    """Minúsculas sin acentos, para buscar palabras (los ids se buscan en el texto escrito)."""
    sin = unicodedata.normalize("NFKD", texto)
    return "".join(c for c in sin if not unicodedata.combining(c)).lower()


def _frases_de(texto: str, ids: set) -> list[str]:
    """Las frases del texto que hablan de ``ids``: las que nombran alguno, y la que sigue a una
    de ellas sin nombrar ids («La meta M1 no se alcanzó… Se mantiene como está…»)."""
    frases, propias, sujeto = _FRASES.split(texto.strip()), [], False
    for frase in frases:
        nombrados = set(_IDS.findall(frase))
        if nombrados:
            sujeto = bool(nombrados & ids)
        if sujeto:
            propias.append(frase)
    return propias


def _dice_que_no_cambia(texto: str, ids: set) -> bool:
    """Lo que dice de ``ids`` es que se quedan como estaban."""
    return any(_SIN_CAMBIO.search(_normal(f)) for f in _frases_de(texto, ids))


def _habla_de(texto: str, ids: set, cambio) -> bool:
    """Si lo que dice de ``ids`` (o todo el texto, si ninguna frase los nombra) es reprogramar,
    el cambio toca fechas; de lo demás, el texto libre no basta para descartar."""
    frases = _frases_de(texto, ids) or [texto]
    if not any(_REPROGRAMA.search(_normal(f)) for f in frases):
        return True
    return any(c.campo.rsplit(".", 1)[-1] in _FECHAS for c in cambio.campos)
