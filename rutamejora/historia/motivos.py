"""Si un ajuste de la bitácora es el motivo de un cambio del plan hecho en git.

La rendición pone junto a cada cambio (un commit) el ajuste que lo explica; citar uno que habla
de otra cosa afirmaría un motivo falso, y no citar el que sí lo explica dejaría el cambio sin
motivo. Un ajuste explica un cambio solo si:

- **nombra lo que cambió**: uno de sus ids (``metas``, ``acciones``) es el del cambio;
- **es de cerca del commit**: su fecha es la del commit, de hasta ``VENTANA`` días antes (el CTE
  decide en su sesión y después se edita el plan) o de hasta ``DESPUES`` días después (el plan
  se editó antes de la sesión que anotó el ajuste: la propuesta se lleva ya escrita);
- **no dice que eso se queda igual**: lo que dice del id (las partes del texto que lo nombran y
  las que les siguen sin nombrar otro) no dice que el id o el campo que cambió se quedan como
  estaban sin decir también que cambian: «Las metas M8 y M9 conservan su fecha» no explica un
  cambio a la fecha límite de M8, ni «Se mantiene como está» tras la frase que nombra M1 uno a
  M1; «se mantienen sus responsables» sí explica un cambio de fechas si dice «se recorre», y
  «Lo demás sigue igual» habla de lo demás, no del id. Si lo único que dice del id es que algo
  suyo se queda igual («M8 y M9 conservan su fecha»), tampoco explica otro cambio de M8;
- **habla de ese tipo de cambio**: si lo que dice del id es que cambia algo con nombre («cambia
  de fecha», «se recorre», «cambian sus responsables»), el cambio toca eso: reprogramar
  (reprograma, pospone, recorre…) es cambiar fechas (inicio, fin, fecha límite);
- y **explica un solo cambio** (``ajustes`` lo lleva).

Lo que el texto libre no dice con claridad no descarta: solo se descarta con lo que dice.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import date

# Cuántos días puede pasar de la decisión (el ajuste) al commit que la lleva al plan.
VENTANA = 21
# Cuántos días puede anotarse el ajuste después del commit: la semana en que el plan ya editado
# se lleva a la sesión del CTE. Corta a propósito: entre varios ajustes del mismo id se cita el
# de fecha más reciente (``ajustes._juntar``), y uno de días después de un commit puede ser el
# motivo del siguiente.
DESPUES = 7

_IDS = re.compile(r"\b[A-Z]{1,3}\d+\b")
# Dónde se parte el texto para ver de qué habla cada parte: fin de frase, «;», «:», y las comas
# y conjunciones que no separan una lista de ids («M8 y M9», «A5, A6»).
_PARTES = re.compile(r"(?<=[.;:])\s+|,\s+(?![A-Z]{1,3}\d+\b)|"
                     r"\s+(?:y|pero|aunque|mientras que)\s+(?![A-Z]{1,3}\d+\b)")
# Los verbos de cambiar algo (sobre el texto en minúsculas y sin acentos).
_VERBOS = (r"cambi\w*|modific\w*|ajust\w*|sustitu\w*|reemplaz\w*|ampli\w*|reduc\w*|aument\w*|"
           r"disminu\w*|cancel\w*|agreg\w*|quit\w*|elimin\w*|increment\w*|mueve|mueven")
# Los de reprogramar: hablan de fechas.
_REPROGRAMA_VERBOS = (r"reprogram\w*|pospon\w*|pospuest\w*|posterg\w*|aplaz\w*|recorr\w*|"
                      r"adelant\w*|atras\w*")
_REPROGRAMA = re.compile(rf"\b({_REPROGRAMA_VERBOS})\b")
_CAMBIA = re.compile(rf"\b({_VERBOS})\b")
# Lo que dice que algo se queda como estaba (también un verbo de cambio negado).
_SIN_CAMBIO = re.compile(r"\b(conserva|conservan|mantiene|mantienen|sigue igual|siguen igual|"
                         r"queda igual|quedan igual|se queda como esta|se quedan como estan|"
                         r"sin cambio|sin cambios|sin modificaciones|"
                         rf"no (?:se )?(?:{_VERBOS}|{_REPROGRAMA_VERBOS}))\b")
# «Lo demás sigue igual», «el resto se recorre»: habla de lo que no es el id.
_OTROS = re.compile(r"\b(lo demas|el resto|lo restante|los demas|las demas|lo otro)\b")
# Cómo se nombra en el texto cada grupo de campos.
_NOMBRES = {
    "fechas": re.compile(r"\b(fecha\w*|plazo\w*|calendario\w*|periodo\w*|inicio|termino)\b"),
    "responsables": re.compile(r"\b(responsable\w*|encargad\w*)\b"),
    "costo": re.compile(r"\b(costo\w*|presupuest\w*|monto\w*|gasto\w*)\b"),
    "valor": re.compile(r"\b(valor\w*|porcentaje\w*)\b"),
    "descripcion": re.compile(r"\b(descripcion\w*|redaccion\w*)\b"),
}
# El grupo de cada campo de ``Diferencia`` (``inicio``, ``tiempos.fin``…, por su último nombre).
_GRUPO = {"inicio": "fechas", "fin": "fechas", "fecha_limite": "fechas", "periodos": "fechas",
          "fecha": "fechas", "fechas": "fechas", "responsables": "responsables",
          "responsable_seguimiento": "responsables", "costo": "costo", "monto": "costo",
          "valor_meta": "valor", "descripcion": "descripcion"}
# Lo que dice algo del id entero, no de uno de sus campos («Se mantiene como está»).
ID_ENTERO = "*"


def explica(ajuste, cambio, dia: date) -> bool:
    """¿El ajuste de la bitácora (``ajustes.Ajuste``: ``fecha``, ``ids``, ``motivo``) es el
    motivo de ``cambio`` (``Cambio``), hecho en un commit del día ``dia``?"""
    ids = set(cambio.ids) & set(ajuste.ids)
    if not ids or not cerca_del_commit(ajuste.fecha, dia):
        return False
    cambian, quedan, otras = _dichos(ajuste.motivo or "", ids)
    grupos = {_GRUPO.get(c.campo.rsplit(".", 1)[-1], c.campo) for c in cambio.campos}

    def toca(dicho: set) -> bool:
        return ID_ENTERO in dicho or bool(dicho & grupos)

    if quedan and not toca(cambian) and (toca(quedan) or not (cambian or otras)):
        return False     # dice que se queda igual (o solo eso dice del id)
    return not cambian or toca(cambian)   # si dice qué cambia, es lo que cambió


def cerca_del_commit(anotado: date, dia: date) -> bool:
    """El ajuste es de hasta ``VENTANA`` días antes del commit o ``DESPUES`` días después."""
    return -DESPUES <= (dia - anotado).days <= VENTANA


def _normal(texto: str) -> str:
    """Minúsculas sin acentos, para buscar palabras (los ids se buscan en el texto escrito)."""
    sin = unicodedata.normalize("NFKD", texto)
    return "".join(c for c in sin if not unicodedata.combining(c)).lower()


def _partes_de(texto: str, ids: set) -> list[str]:
    """Las partes del texto que hablan de ``ids``: las que nombran alguno, y las que les siguen
    sin nombrar ids («La meta M1 no se alcanzó… Se mantiene como está…»). Si ninguna los
    nombra, todo el texto (el ajuste los nombra en sus ``acciones`` o ``metas``)."""
    partes, propias, sujeto = _PARTES.split(texto.strip()), [], False
    for parte in partes:
        nombrados = set(_IDS.findall(parte))
        if nombrados:
            sujeto = bool(nombrados & ids)
        if sujeto:
            propias.append(parte)
    return propias or partes


def _dichos(texto: str, ids: set) -> tuple[set, set, int]:
    """Lo que el texto dice de ``ids``: los grupos de campos que cambian, los que se quedan
    igual (``ID_ENTERO``: el id entero) y cuántas partes dicen otra cosa. Una parte nombra sus
    campos («su costo no cambia»: costo); sin nombrarlos habla del id, y reprogramar, de fechas;
    la que habla de lo demás («Lo demás sigue igual») no cuenta."""
    cambian, quedan, otras = set(), set(), 0
    for parte in map(_normal, _partes_de(texto, ids)):
        if _OTROS.search(parte):
            continue      # «lo demás sigue igual», «el resto se recorre»: no es el id
        campos = {g for g, nombre in _NOMBRES.items() if nombre.search(parte)}
        resto = _SIN_CAMBIO.sub(" ", parte)
        if _SIN_CAMBIO.search(parte):
            quedan |= campos or {ID_ENTERO}
        else:
            otras += 1
        if _REPROGRAMA.search(resto):
            cambian.add("fechas")
        elif _CAMBIA.search(resto):
            cambian |= campos or {ID_ENTERO}
    return cambian, quedan, otras
