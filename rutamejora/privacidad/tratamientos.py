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

# Sin «señorita» ni «srta.» (así se nombra a la maestra de preescolar) ni «vecina» («la comunidad
# vecina Soledad»).
_TITULOS = "don dona senora senor".split()
_ABREVIADOS = "sra sr dna".split()
TITULOS, ABREVIADOS = _TITULOS, _ABREVIADOS  # ``cargos``: un tratamiento entre un cargo y un nombre
_FAMILIARES = ("mama papa mami papi tia tio prima primo abuela abuelo abuelita abuelito bisabuela "
               "bisabuelo madrastra padrastro madrina padrino tutor tutora").split()
# «tutor» y «tutora» son también el maestro tutor de un grupo de secundaria: solo como etiqueta
# («Tutora: Paz»).
_SOLO_COMO_ETIQUETA = frozenset({"tutor", "tutora"})
# Adjetivos y cosas que también son nombres: tras un familiar son la palabra («el papá güero», «su
# tío rico», «la abuela Luna» del cuento, «MAMÁ LINDA»).
_NO_TRAS_TRATAMIENTO = frozenset({
    "guero", "wero", "guera", "wera", "moreno", "morena", "rico", "rica", "alto", "alta", "segundo", "segunda",
    "linda", "lindo", "dulce", "blanca", "blanco", "rubio", "rubia", "bello", "bella", "leal",
    "franco", "justo", "bueno", "buena", "grande", "delgado", "delgada", "prieto", "prieta",
    "chato", "chata", "pura", "luna", "sol", "tierno", "tierna", "querido", "querida"})
# Las palabras sin las que nada de esto aplica (un filtro de ``nombres``).
PALABRAS = frozenset(_TITULOS + _ABREVIADOS + _FAMILIARES + ["llamo", "nombre", "soy"])

_TITULO = compilar(r"(?<![a-z])(" + "|".join(_TITULOS) + r")[ \t]+$")
_ABREVIADO = compilar(r"(?<![a-z])(" + "|".join(_ABREVIADOS) + r")\.?[ \t]*$")
# El familiar, también con coma o dos puntos: «su mamá, Rosa», «Tutora: Paz».
_FAMILIAR = compilar(r"(?<![a-z])(" + "|".join(_FAMILIARES) + r")([ \t]+|[ \t]*[,:][ \t]*)$")
_SE_PRESENTA = compilar(r"(?<![a-z])(me llamo|mi nombre es|soy)[ \t]+$")
# «soy» cuenta solo con el familiar después: «soy Mercedes, la mamá de Derek», «soy Pilar, mamá
# de Santi»; no «Soy Luz del mundo», un lema, ni «Soy Paz», una campaña.
_FAMILIAR_DESPUES = compilar(r"[ \t]*,?[ \t]*(?:(?:la|el|su)[ \t]+)?(?:mama|papa|abuela|abuelo|tia"
                             r"|tio|tutora?|madre|padre)(?![a-z])")
# El comienzo de una oración, de un renglón o de una viñeta («- Doña Rosa…», «(Doña Rosa)»).
_INICIO_DE_ORACION = compilar(r"(?:^|[.;!?¡¿\n(•*]|(?:^|\n)[ \t]*-)[ \t\"«]*$")
_TRAS_COMA = compilar(r"(?:[,:]|(?<![\wáéíóúñ])(?:a|con|por|para|que|de))[ \t]+$")
# Un número romano después: un papa o un rey («el Papa Urbano II»).
_ROMANO = compilar(r"[ \t]+(?:[IVX]{2,}|[IVX])(?![\w.])")


def tras_tratamiento(d: Datos, texto: str, plano: str, tramo, sin_caja: bool) -> bool:
    """Si ``tramo`` (un nombre de pila que también es palabra común, y quizá sus apellidos:
    «SRA. DOLORES ESPINOZA») va justo después de un tratamiento, de un familiar o de «me
    llamo»: el nombre de alguien. Con mayúscula inicial, o en un texto sin caja. No una figura
    que lleva el tratamiento en su nombre («Doña Blanca», «Papá Noel»: ``personajes.txt``)."""
    inicio, fin = tramo[0][0], tramo[-1][1]
    if tramo[0][2] in _NO_TRAS_TRATAMIENTO:
        return False
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
                or not _escrito_como_tratamiento(texto, m, sin_caja) \
                or (m.group(1) in _SOLO_COMO_ETIQUETA and ":" not in m.group(2)) \
                or (m.re is _FAMILIAR and not _separado_bien(texto, plano, m, fin)):
            return False
    return not es_personaje(d, frozenset(t[2] for t in tramo) - PARTICULAS | {m.group(1)})


def _escrito_como_tratamiento(texto: str, m, sin_caja: bool) -> bool:
    """«doña» con su eñe (sin ella es «una dona rosa», el pan) y, en un texto sin caja, «papá»
    con su acento («papa dulce», «PAPA DULCE» son el tubérculo)."""
    palabra = texto[m.start(1):m.end(1)].lower()
    if m.group(1) == "dona":
        return "ñ" in palabra
    return m.group(1) != "papa" or not sin_caja or not palabra.isascii()


# «Nombre de la mamá: Rosa», «Nombre del tutor: Ángel»: la etiqueta de un formato.
_NOMBRE_DE = compilar(r"(?<![a-z])nombre[ \t]+(?:de[ \t]+la|del|de[ \t]+su|de[ \t]+el)[ \t]+$")
_ARTICULO_ANTES = compilar(r"(?<![a-z])(?:su|la|el|mi|tu|sus|los|las)[ \t]+$")
_CIERRA_APOSICION = compilar(r"[ \t]*(?:,|\)|$)")


def _separado_bien(texto: str, plano: str, m, fin: int) -> bool:
    """El familiar y el nombre: con espacio («la mamá Rocío»); con dos puntos, solo como etiqueta
    al empezar el renglón («Mamá: Rosa»; no «Cita con la mamá: Domingo 8 de junio»); con coma,
    solo entre comas tras «su» o «la» («su mamá, Rosa, pidió»; no «Invitados: mamá, papá, Cruz
    Roja» ni «la mamá, Salud Digna y el DIF»)."""
    separador = m.group(2)
    if ":" in separador:
        return _INICIO_DE_ORACION.search(texto, max(0, m.start(1) - 6), m.start(1)) is not None \
            or _NOMBRE_DE.search(plano, max(0, m.start(1) - 16), m.start(1)) is not None
    if "," in separador:
        return _ARTICULO_ANTES.search(plano, max(0, m.start(1) - 6), m.start(1)) is not None \
            and _CIERRA_APOSICION.match(plano, fin) is not None
    return True


def _con_mayuscula(texto: str, m) -> bool:
    """Si el tratamiento con mayúscula es de una persona: un título al empezar la oración o tras
    una coma, dos puntos, «a», «con», «por», «para», «que» o «de» («Doña Rosa vino», «vive con
    su abuela, Doña Consuelo», «se habló con Doña Amparo», «la hija de Doña Concha»; no «la fonda
    Doña Paz» ni «la Señora Luna» del cuento); un familiar, solo como etiqueta con dos puntos al empezar («Tutora: Paz»;
    «Mamá Linda», al empezar, es un poema)."""
    # Con ``pos`` y no con un pedazo: «^» es solo el comienzo del texto de verdad.
    desde = max(0, m.start(1) - 6)
    if _INICIO_DE_ORACION.search(texto, desde, m.start(1)) is not None:
        return m.re is _TITULO or ":" in m.group(2)
    return m.re is _TITULO and _TRAS_COMA.search(texto, desde, m.start(1)) is not None
