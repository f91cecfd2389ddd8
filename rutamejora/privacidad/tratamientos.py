"""Un nombre que también es palabra común, dicho tras un tratamiento o un familiar: «doña Rosa»,
«la Sra. Luz», «su mamá, Rocío», «Tutora: Paz», «me llamo Esperanza», «soy Mercedes, la mamá de
Derek». Ahí es el nombre de alguien y no la palabra («rosa», «luz», «paz»). Lo usa ``nombres``.

La caja separa a la persona del título de una obra o de un negocio: a media oración, un
tratamiento se escribe en minúscula («doña Rosa»); con mayúscula es un nombre propio («la fonda
Doña Paz», «el cuento Don Sol y Doña Luna», «Menú: Papa Dulce»). Abreviado («Sra.»), con
cualquier caja. En un texto sin caja (todo en minúsculas o en mayúsculas) la caja no dice nada."""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.catalogo import PARTICULAS
from rutamejora.privacidad.conjuntos import Datos
from rutamejora.privacidad.desconocidos import es_personaje

_TITULOS = "don dona senora senor senorita".split()
_ABREVIADOS = "sra sr srta srita dna".split()
_FAMILIARES = ("mama papa mami papi tia tio prima primo abuela abuelo abuelita abuelito bisabuela "
               "bisabuelo madrastra padrastro madrina padrino tutor tutora vecina vecino").split()
# Las palabras sin las que nada de esto aplica (un filtro de ``nombres``).
PALABRAS = frozenset(_TITULOS + _ABREVIADOS + _FAMILIARES + ["llamo", "nombre", "soy"])

_TITULO = compilar(r"(?<![a-z])(" + "|".join(_TITULOS) + r")[ \t]+$")
_ABREVIADO = compilar(r"(?<![a-z])(" + "|".join(_ABREVIADOS) + r")\.?[ \t]*$")
# El familiar, también con coma o dos puntos: «su mamá, Rosa», «Tutora: Paz».
_FAMILIAR = compilar(r"(?<![a-z])(" + "|".join(_FAMILIARES) + r")([ \t]+|[ \t]*[,:][ \t]*)$")
_SE_PRESENTA = compilar(r"(?<![a-z])(me llamo|mi nombre es|soy)[ \t]+$")
# «soy» cuenta solo con el familiar después: «soy Mercedes, la mamá de Derek»; no «Soy Luz del
# mundo», un lema, ni «Soy Paz», una campaña.
_FAMILIAR_DESPUES = compilar(r"[ \t]*,?[ \t]*(?:la|el|su)[ \t]+(?:mama|papa|abuela|abuelo|tia|tio"
                             r"|tutora?|madre|padre)(?![a-z])")
_INICIO_DE_ORACION = compilar(r"(?:^|[.;!?¡¿\n])[ \t\"«]*$")
_TRAS_COMA = compilar(r"(?:[,:]|(?<![\wáéíóúñ])(?:a|con|por|para|que))[ \t]+$")
# Un número romano después: un papa o un rey («el Papa Urbano II»).
_ROMANO = compilar(r"[ \t]+[IVXL]+(?!\w)")


def tras_tratamiento(d: Datos, texto: str, plano: str, tramo, sin_caja: bool) -> bool:
    """Si ``tramo`` (un nombre de pila que también es palabra común, y quizá sus apellidos:
    «SRA. DOLORES ESPINOZA») va justo después de un tratamiento, de un familiar o de «me
    llamo»: el nombre de alguien. Con mayúscula inicial, o en un texto sin caja. No una figura
    que lleva el tratamiento en su nombre («Doña Blanca», «Papá Noel»: ``personajes.txt``)."""
    inicio, fin = tramo[0][0], tramo[-1][1]
    if not (sin_caja or tramo[0][3]) or tramo[0][2] not in d.pila or not all(
            t[2] in d.pila or t[2] in d.apellidos or t[2] in PARTICULAS for t in tramo[1:]):
        return False
    if _ROMANO.match(texto, fin):
        return False
    desde = max(0, inicio - 16)
    m = _ABREVIADO.search(plano, desde, inicio) or _SE_PRESENTA.search(plano, desde, inicio)
    if m is not None and m.group(1) == "soy" and not _FAMILIAR_DESPUES.match(plano, fin):
        return False
    if m is None:
        m = _TITULO.search(plano, desde, inicio) or _FAMILIAR.search(plano, desde, inicio)
        if m is None or not (sin_caja or texto[m.start(1)].islower() or _con_mayuscula(texto, m)) \
                or not _escrito_como_tratamiento(texto, m):
            return False
    return not es_personaje(d, frozenset(t[2] for t in tramo) - PARTICULAS | {m.group(1)})


def _escrito_como_tratamiento(texto: str, m) -> bool:
    """«doña» con su eñe (sin ella es «una dona rosa», el pan) y, en un texto sin caja, «papá»
    con su acento («papa dulce» es el tubérculo)."""
    palabra = texto[m.start(1):m.end(1)].lower()
    if m.group(1) == "dona":
        return "ñ" in palabra
    return m.group(1) != "papa" or not palabra.isascii() or texto[m.start(1)].isupper()


def _con_mayuscula(texto: str, m) -> bool:
    """Si el tratamiento con mayúscula es de una persona: un título al empezar la oración o tras
    una coma, dos puntos, «a», «con», «por», «para» o «que» («Doña Rosa vino», «vive con su
    abuela, Doña Consuelo», «se habló con Doña Amparo»; no «la fonda Doña Paz» ni «la Señora
    Luna» del cuento); un familiar, solo como etiqueta con dos puntos al empezar («Tutora: Paz»;
    «Mamá Linda», al empezar, es un poema)."""
    antes = texto[max(0, m.start(1) - 6):m.start(1)]
    if _INICIO_DE_ORACION.search(antes) is not None:
        return m.re is _TITULO or ":" in m.group(2)
    return m.re is _TITULO and _TRAS_COMA.search(antes) is not None
