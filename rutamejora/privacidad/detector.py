"""``detectar``: todos los datos personales de un texto, en una pasada por clase.

El texto se pliega una vez (minúsculas, sin acentos, mismo largo); sobre él corren una sola
expresión regular para CURP, RFC, correo y teléfono, un recorrido por palabras con búsqueda en
conjuntos para los nombres, y una expresión para los detalles sensibles. Los patrones se
compilan una vez por proceso. Un texto sin dígitos, sin @ y sin ningún nombre del catálogo
sale en pocos microsegundos.
"""

from __future__ import annotations

from functools import lru_cache

from rutamejora.nucleo.expresiones import compilar

from rutamejora.privacidad import apodos, domicilios, nombres, patrones, salud
from rutamejora.privacidad.catalogo import CINCO_LETRAS, PALABRA, plegar
from rutamejora.privacidad.conjuntos import datos
from rutamejora.privacidad.hallazgo import NOMBRE, Hallazgo
from rutamejora.privacidad.mascara import TERMINAL, enmascarar

# Contextos de un texto: ``CODIGOS`` es un campo donde van códigos de alumnos (``codigos:``, una
# lista de alumnos): ahí cualquier nombre suelto, diminutivo o apodo cuenta. ``MENSAJE`` es un
# mensaje de la herramienta que cita lo que alguien escribió («no hay ninguna acción con id
# «…»», ``La clave `…` no existe``): sus comillas son de la cita, no de un título.
CODIGOS = "codigos"
MENSAJE = "mensaje"
_COMILLAS_DE_CITA = str.maketrans({c: " " for c in "«»“”\"`'"})
# Un texto que es solo un número de hasta siete cifras (con dos decimales o no) o una fecha
# AAAA-MM-DD: ``patrones`` no ve ahí un teléfono (uno sin palabra que lo anuncie tiene diez
# cifras; una fecha nunca lo es) ni una CURP, y no hay palabras. Son muchos en una Ruta
# (costos, montos, valores, fechas).
_CIFRA_SOLA = compilar(r"\d{1,7}(?:\.\d{1,2})?|\d{4}-\d{2}-\d{2}")


def _es_de_codigos(contexto) -> bool:
    """``"codigos"`` y sus variantes («códigos», «lista_alumnos», «alumnos»), o ``True``."""
    if contexto is True:
        return True
    if not isinstance(contexto, str):
        return False
    contexto = plegar(contexto)
    return "codigo" in contexto or "alumno" in contexto or contexto == "lista"


def detectar(texto: str, *, personal=(), contexto: str | None = None) -> list[Hallazgo]:
    """Los datos personales de ``texto``, ordenados por posición.

    ``personal``: nombres del colectivo y de la comunidad (el personal de la escuela), que no
    cuentan como datos de alumnos. ``contexto``: ``"codigos"`` si el texto es un campo donde van
    códigos de alumnos (``codigos:``, una lista de alumnos); ``"mensaje"`` si es un mensaje de
    la herramienta que cita un valor; ``None`` en cualquier otro.
    Mayúsculas y acentos dan igual en todo.
    """
    if not texto:
        return []
    if contexto == MENSAJE:
        # Las comillas de la cita, como espacios (el texto mide lo mismo): lo citado se juzga
        # como si estuviera suelto, y cada hallazgo se toma del texto original.
        return [Hallazgo(h.clase, h.inicio, h.fin, texto[h.inicio:h.fin], h.gravedad)
                for h in detectar(texto.translate(_COMILLAS_DE_CITA), personal=personal)]
    if texto[0].isdigit() and _CIFRA_SOLA.fullmatch(texto):
        return []  # Un monto, una cantidad o una fecha y nada más: ni es teléfono ni nombra a nadie.
    plano = texto.lower()
    if not plano.isascii():  # lo mismo que ``plegar``, sin llamarla en un texto ASCII (la mitad)
        plano = plegar(texto)
    # Sin arroba ni seis cifras seguidas o siete en un número (lo común), ni se llama.
    hallados = patrones.estructurados(texto, plano) if patrones.POSIBLE.search(plano) else []
    palabras = PALABRA.findall(plano)
    if not palabras:
        return hallados  # Solo cifras y signos: ni nombres ni términos de salud.
    fijas, prefijos, todas, raras = _disparadores()
    # Lo común: ninguna palabra que dispare algo (un nombre, un término de salud, un domicilio,
    # un dato dictado). Una búsqueda en conjuntos, en C, en vez de una por cada clase.
    alguna = not todas.isdisjoint(palabras)
    if alguna:
        if not domicilios.DISPARADORES.isdisjoint(palabras) and domicilios.posible(plano):
            hallados += domicilios.buscar(texto, plano)
        if "arroba" in palabras:
            hallados += patrones.correos_dictados(texto, plano, hallados)
        # Un teléfono dictado tiene al menos tres cifras en letra («dos dos dos, …»); «dos
        # sesiones» o «tres alumnos» ni se miran.
        if not patrones.CIFRAS_EN_LETRA.isdisjoint(palabras) \
                and sum(map(patrones.CIFRAS_EN_LETRA.__contains__, palabras)) >= 3:
            hallados += patrones.telefonos_dictados(texto, plano, hallados)
    # Un diminutivo lleva «it» («Carlitos», «Lupita»): sin él, ni se busca.
    if contexto is None and ("it" not in plano
                             or nombres.DIMINUTIVO_CON_MAYUSCULA.search(texto) is None):
        # Lo común (cuatro de cada cinco textos de una Ruta): ninguna palabra que pueda empezar
        # un nombre o un término de salud. Se sabe con dos búsquedas en conjuntos, en C.
        sin_disparador = (not alguna or fijas.isdisjoint(palabras)) \
            and prefijos.isdisjoint(map(CINCO_LETRAS, palabras))
        if (sin_disparador or _solo_alumnos(texto, palabras)) \
                and (not alguna or raras.isdisjoint(palabras) or not _raro(texto, palabras)):
            if len(hallados) > 1:
                hallados.sort(key=lambda h: (h.inicio, h.fin))
            return hallados
    ocupados = [(h.inicio, h.fin) for h in hallados] if hallados else ()
    hallados += nombres.buscar(texto, plano, personal=_tupla(personal),
                               codigos=_es_de_codigos(contexto), ocupados=ocupados,
                               palabras=palabras)
    hallados += salud.buscar(texto, plano, hallados, palabras)
    if len(hallados) > 1:
        hallados.sort(key=lambda h: (h.inicio, h.fin))
    return hallados


def _raro(texto: str, palabras: list[str]) -> bool:
    """Lo que ``nombres.buscar`` halla sin las palabras del filtro, en un texto con una palabra
    de ``_disparadores()[3]``: un apodo que el catálogo no trae, con lo que solo hace un alumno
    («el Mayo faltó»: lo que pide ``apodos.posible``)."""
    d = datos()
    return not d.evidencia_apodo.isdisjoint(palabras) and apodos.hay_desconocido(d, texto)


def _solo_alumnos(texto: str, palabras: list[str]) -> bool:
    """Si el texto, sin diminutivos con mayúscula, habla de alumnos sin nombrar a ninguno: lo
    único que lo hizo pasar el filtro es «alumnos», «niña»… (uno de cada diez textos de una
    Ruta: «Alumnos de 3° a 6° en nivel esperado»). Sin nombres ni palabras comunes del catálogo
    ni términos de salud, ``nombres.buscar`` solo encuentra un nombre escrito justo después
    (``nada_tras_alumno``) y ``salud.buscar`` nada."""
    de_nombres, terminos, terminos_prefijo = _sin_alumno()
    return de_nombres.isdisjoint(palabras) and terminos.isdisjoint(palabras) \
        and terminos_prefijo.isdisjoint(map(CINCO_LETRAS, palabras)) \
        and nombres.nada_tras_alumno(texto, palabras)


@lru_cache(maxsize=1)
def _sin_alumno() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(nombres y palabras comunes del catálogo, palabras de salud, comienzos de salud)."""
    return (nombres.del_catalogo(), *salud.disparadores())


@lru_cache(maxsize=1)
def _disparadores() -> tuple[frozenset[str], ...]:
    """(las palabras y los comienzos de palabra sin los que ni ``nombres.buscar`` ni
    ``salud.buscar`` encuentran nada en un texto sin contexto, los de ambos juntos; esas
    palabras con las que disparan los domicilios y los datos dictados y las raras; las raras sin las que
    ``_raro`` no halla nada: lo que hace o le hacen a un alumno con apodo, quién va antes, las
    cosas de un alumno). Un apodo con solo su grado después («la Yuyis de 3° B») necesita
    además otra palabra del filtro: un grado está en casi todo texto de una Ruta."""
    de_nombres, de_salud = nombres.disparadores(), salud.disparadores()
    fijas = de_nombres[0] | de_salud[0]
    raras = datos().evidencia_apodo
    # Las raras también en ``todas``: un texto sin ninguna no paga una búsqueda más.
    todas = fijas | domicilios.DISPARADORES | patrones.CIFRAS_EN_LETRA | {"arroba"} | raras
    return fijas, de_nombres[1] | de_salud[1], todas, raras


def _tupla(personal) -> tuple[str, ...]:
    """``personal`` como tupla: es la llave del caché de sus palabras."""
    if isinstance(personal, str):
        return (personal,)
    return personal if isinstance(personal, tuple) else tuple(personal or ())


# Lo que, justo antes de un nombre, dice que es de un alumno o de su familia: «Padres de Juanito
# Pérez», «mamá del alumno …», «tutora de …».
_DE_UN_ALUMNO = compilar(r"(?:alumn[oa]s?|ninos?|ninas?|hij[oa]s?|padres?|mama|papa|madre|tutor[a]?"
                         r"|abuel[oa]s?|familia|herman[oa]s?)\s+(?:del?\s+)?(?:(?:la|el|los|las|su|sus)\s+)?"
                         r"(?:(?:alumn[oa]|nin[oa]|estudiante)\s+)?$")


def mensaje_sin_datos(texto: str, destino: str = TERMINAL) -> str:
    """Un mensaje de la herramienta que cita lo que alguien escribió (una opción, una celda, un
    nombre de archivo), con cada dato personal cambiado por su marcador de ``destino``."""
    hallados = detectar(texto, contexto=MENSAJE)
    return enmascarar(texto, hallados, destino) if hallados else texto


# Las palabras con que empieza lo que dice que un nombre es de un alumno (``_DE_UN_ALUMNO``):
# un texto sin ninguna no pasa por el detector.
_ALGUIEN_DE_UN_ALUMNO = compilar(r"alumn|nin[oa]|hij[oa]|padre|mama|papa|madre|tutor|abuel|famil"
                                 r"|herman")


def alumnos_nombrados(texto: str) -> list[Hallazgo]:
    """Los nombres de alumnos que ``texto`` nombra por lo que los antecede («Padres de Juanito
    Pérez»): en un nombre propio (el de un órgano), los únicos que cuentan."""
    if _ALGUIEN_DE_UN_ALUMNO.search(plegar(texto)) is None:
        return []
    return [h for h in detectar(texto) if h.clase == NOMBRE and de_un_alumno(texto, h)]


def es_abreviatura(palabra: str) -> bool:
    """Si ``palabra`` (sin su punto) es una abreviatura de tratamiento, cargo o domicilio
    («Sr», «Mtra», «Lic», «Col»: ``[abreviaturas]`` de ``senales.txt``, la lista con la que el
    detector no corta una oración tras «la mtra. Norma»). Su punto no cierra la oración."""
    return plegar(palabra) in datos().abreviaturas


def de_un_alumno(texto: str, hallazgo: Hallazgo) -> bool:
    """Si el nombre ``hallazgo`` de ``texto`` es el de un alumno por lo que lo antecede («Padres
    de Juanito Pérez»): en un campo donde un nombre es legítimo (el de un órgano de la
    comunidad, el de una persona del colectivo), ese sí cuenta."""
    return _DE_UN_ALUMNO.search(plegar(texto[:hallazgo.inicio]).rstrip() + " ") is not None


def buscador_de_nombres(nombres):
    """Una función ``texto → [Hallazgo]`` con cada aparición de uno de ``nombres`` (ya hallados
    en otro texto), sin importar mayúsculas, acentos ni espacios; ``None`` si no hay nombres."""
    if not nombres:
        return None
    import re

    patron = re.compile(r"(?<![a-z0-9])(?:" + "|".join(
        r"\s+".join(re.escape(p) for p in plegar(n).split()) for n in nombres) + r")(?![a-z0-9])")

    def buscar(texto: str) -> list[Hallazgo]:
        plano = plegar(texto)
        return [Hallazgo(NOMBRE, m.start(), m.end(), texto[m.start():m.end()])
                for m in patron.finditer(plano)] if len(plano) == len(texto) else []
    return buscar

