"""Nombres de personas: de un catálogo de nombres y apellidos, no de las mayúsculas.

Un recorrido por las palabras del texto plegado: cada palabra se busca en conjuntos (nombres de
pila, apellidos, diminutivos, palabras comunes), las que son nombre y van juntas forman un
tramo («Pérez López, Juan», «María de la Luz Gómez», «jose_luis_paredes») y el tramo se juzga
entero. Cuenta como nombre de una persona:

- un nombre de pila (o un diminutivo) escrito con mayúscula que no es también una palabra
  común («Brayan», «Lupita», «JOSE MANUEL»);
- un nombre y un apellido en cualquier orden, también en minúsculas («alexa jimenez»);
- cualquier nombre, apellido o palabra común del catálogo justo después de «el alumno», «la
  niña», «la mamá de»…, o antes de un grado o grupo («Leo del 5° A»);
- en un campo de códigos, cualquier cosa que no sea un código.

Y no cuenta, salvo justo después de «el alumno» o en un campo de códigos, cuando es del
personal de la escuela (la lista ``personal``), va después de un cargo («la Mtra. …», «San …»),
es un personaje, autor o lugar del catálogo, va poco después de una palabra de obra o de lugar
(«libros de …», «calle …», «programa …») o entre comillas después de otra palabra
(«Escuela "…"»; no un nombre entero, solo: ``obras.persona_citada``), o la sigue el nombre de un
estado («Guadalupe, Zacatecas»).
"""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.catalogo import (PALABRA, PARTICULAS, entre_comillas, nombres, palabras_en, plegar,
                                            ultima)
from rutamejora.privacidad.conjuntos import Datos as _Datos
from rutamejora.privacidad.conjuntos import conjuntos_de_personal
from rutamejora.privacidad.desconocidos import (NO_SON_NOMBRE as _NO_SON_NOMBRE,
                                                apellido_de_personajes as _apellido_de_personajes,
                                                apellido_que_sigue as _apellido_que_sigue,
                                                disparador as _disparador, es_personaje as _es_personaje,
                                                personaje_entero as _personaje_entero,
                                                tras_alumno as _tras_alumno)
from rutamejora.privacidad.desconocidos import nada_tras_alumno  # noqa: F401  (la pide ``detector``)
# ``detector`` los pide aquí: el filtro de lo común es parte de lo que sabe ``buscar``.
from rutamejora.privacidad.conjuntos import del_catalogo, disparadores  # noqa: F401
from rutamejora.privacidad.conjuntos import datos as _datos
from rutamejora.privacidad.hallazgo import NOMBRE, Hallazgo
from rutamejora.privacidad import tratamientos
from rutamejora.privacidad import obras
from rutamejora.privacidad.apodos import en_campo_de_codigos as _apodos
from rutamejora.privacidad.apodos import (con_apodo_citado as _con_apodo_citado, posible as _apodo_posible,
                                         sueltos as _apodos_sueltos)
from rutamejora.privacidad.cargos import tras_cargo
from rutamejora.privacidad.listas import COORDINADOS as _COORDINADOS, entre_nombres, inicial_antes
from rutamejora.privacidad.obras import en_contexto_de_obra as _en_contexto_de_obra

_PALABRA = PALABRA
_DIMINUTIVO = compilar(r"([a-z]{2,}?)c?it(?:o|a|os|as)")
_DIMINUTIVO_CON_MAYUSCULA = compilar(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñ]+c?it[oa]s?(?![a-záéíóúñ])")
DIMINUTIVO_CON_MAYUSCULA = _DIMINUTIVO_CON_MAYUSCULA  # «Carlitos», «Lupita»
_GRADO = (r"(?:[1-6]\s*[°º]|[1-6](?:o|ro|do|er|ero|to|vo)\.?(?![a-z])"
          r"|(?:primer|segundo|tercer|cuarto|quinto|sexto)\s+(?:grado|ano)"
          r"|(?:primero|segundo|tercero|cuarto|quinto|sexto)\s+[a-h](?![a-z])|grupo\s+[1-6])")
GRADO = compilar(_GRADO)
# Lo que, justo después de un nombre, dice que es un alumno: un grado o «, alumna de…». El
# prefijo no repite espacios opcionales seguidos (eran cúbicos con muchos espacios).
_ALUMNO_DESPUES = compilar(r"\s*(?:,\s*)?(?:\(\s*)?(?:(?:(?:de|del)\s+)?(?:grupo\s+)?" + _GRADO
                             + r"|(?:alumn[oa]|estudiante|nin[oa])(?![a-z]))")
# «Victoria, la niña de 2°», «Luz y Paz, las gemelas de 1° A», «Mercedes y Dolores (las
# gemelas)»: en plural solo gemelas y hermanos («Durante Abril, los alumnos de…» no).
_APOSICION = compilar(r"[ \t]*,[ \t]*(?:(?:el|la)[ \t]+(?:alumn[oa]|estudiante|nin[oa])|(?:los|las)[ \t]+"
                      r"(?:gemel[oa]s|herman[oa]s))[ \t]+del?(?![a-z])|[ \t]*\([ \t]*(?:el|la|los|las)[ \t]+"
                      r"(?:alumn[oa]s?|nin[oa]s?|gemel[oa]s|herman[oa]s)[ \t]*\)")
_UNION = compilar(r"[ \t_\-]{1,3}")
_PARTICULA = compilar(r" +(?:de|del|de la|de los|de las) +")
_COMA = compilar(r" *, *")
_COMILLA_O_PARENTESIS = compilar(r"[ \t][\"“«'(]")
# «Pérez L. Ángel», «Cruz M. Reyes»: la inicial del segundo apellido en medio, como en las listas.
_INICIAL_EN_MEDIO = compilar(r" [a-z]\. ")


def _inicial_en_medio(texto: str, separador: str, desde: int) -> bool:
    return _INICIAL_EN_MEDIO.fullmatch(separador) is not None and texto[desde + 1].isupper()

_INICIAL = compilar(r" [A-ZÁÉÍÓÚÑ]\.")
_ESTADO_DESPUES = compilar(r"\s*,\s*")
# «Santiago Jamiltepec, Oaxaca»: una o dos palabras más del lugar antes de la coma.
_LUGAR_Y_ESTADO = compilar(r"(?:\s+[a-z]{3,}){1,2}\s*,\s*")
# Un artículo con mayúscula a media oración, justo antes: nombre de lugar o título.
_ARTICULO_CON_MAYUSCULA = compilar(r"(?<=[\w,] )(?:El|La|Los|Las) $")
# «"Título" de …», ««Título», de …»: lo que sigue es el autor de la obra citada.
_DE_OBRA_CITADA = compilar(r"[\"”»]\s*,?\s+de\s+$")
# Diminutivos que solo con ñ son un nombre: plegados son palabras comunes («tono»). Se leen
# como el nombre del que son diminutivo.
_CON_ENIE = {"tono": "antonio", "tona": "antonia", "tonito": "antonio", "tonita": "antonia"}


def _caja(palabra: str) -> int:
    """0 en minúsculas, 1 con mayúscula inicial, 2 toda en mayúsculas."""
    if palabra.isupper() and len(palabra) > 1:
        return 2
    return 1 if palabra[0].isupper() else 0


def _es_de_pila(d: _Datos, palabra: str) -> bool:
    return palabra in d.pila or _derivado(d, palabra) is not None


def _derivado(d: _Datos, palabra: str) -> str | None:
    """El nombre del que ``palabra`` es diminutivo regular («carlitos» → «carlos»), o None."""
    m = _DIMINUTIVO.fullmatch(palabra)
    if m is None:
        return None
    raiz = m.group(1)
    for base in (raiz, raiz + "o", raiz + "a", raiz + "os", raiz + "e"):
        if base in d.pila:
            return base
    return None


def candidatos(texto: str, plano: str, codigos: bool, ocupados,
               gritado: bool = False) -> list[list[tuple]]:
    """Los tramos de palabras del catálogo que van juntas: listas de (inicio, fin, palabra, caja).

    ``gritado``: el texto entero va en mayúsculas, y la caja no dice nada (se toma como
    minúsculas)."""
    d = _datos()
    tramos: list[list[tuple]] = []
    actual: list[tuple] = []
    con_coma = False
    for m in _PALABRA.finditer(plano):
        palabra = m.group()
        if palabra in _CON_ENIE and "ñ" in texto[m.start():m.end()].lower():
            palabra = _CON_ENIE[palabra]  # «Toño» no es «tono» (al plegar, la ñ es n)
        if palabra not in d.todos and not (
                palabra.endswith(("ito", "ita", "itos", "itas")) and _derivado(d, palabra)):
            continue
        inicio, fin = m.span()
        if ocupados and any(a <= inicio < b for a, b in ocupados):
            continue
        if plano[fin:fin + 1].isdigit() or plano[inicio - 1:inicio].isdigit():
            continue  # Pegada a un número: una clave («EDU1», «DOC2»), no un nombre.
        caja = 0 if gritado else _caja(texto[inicio:fin])
        debil = caja == 0 and palabra in d.comunes and not codigos
        token = (inicio, fin, palabra, caja)
        if actual:
            separador = plano[actual[-1][1]:inicio]
            if _UNION.fullmatch(separador) or _inicial_en_medio(texto, separador, actual[-1][1]) or (
                    not debil and _PARTICULA.fullmatch(separador) and actual[-1][3] == caja
                    # «Beca Rita Cetina de Kevin»: tras un personaje entero, «de» es de otro.
                    and not _personaje_entero(d, actual)):
                actual.append(token)
                continue
            # «Pérez López, Juan»: antes de la coma, solo apellidos (y alguno que no sea también
            # nombre de pila: «Mateo, Santiago» es una enumeración).
            if (not con_coma and _COMA.fullmatch(separador) and _es_de_pila(d, palabra)
                    and all(t[2] in d.apellidos for t in actual)
                    and not all(_es_de_pila(d, t[2]) for t in actual)
                    and not _personaje_entero(d, actual)):  # «Benito Juárez, Lázaro Cárdenas»
                actual.append(token)
                con_coma = True
                continue
            tramos.append(actual)
        actual, con_coma = [token], False
    if actual:
        tramos.append(actual)
    return tramos


_CON_MAYUSCULA_INICIAL = compilar(r"(?<![\wáéíóúñü])[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+")


def _sin_caja(texto: str) -> bool:
    """Si la caja no distingue un nombre en ``texto``: no tiene ninguna palabra con mayúscula
    inicial (las siglas, «USAER», «CTE», no cuentan). Empezar en minúscula no basta: así empiezan
    los mensajes («ruta: no existe…») y las líneas de YAML («atenuacion: Los 20 minutos…»)."""
    return _CON_MAYUSCULA_INICIAL.search(texto) is None


def _cuenta(d: _Datos, tramo: list[tuple], grado: bool, sin_caja: bool = False,
            gritado: bool = False) -> bool:
    """Si el tramo, por su forma, es el nombre de una persona (sin disparador ni códigos).

    ``sin_caja``: el texto entero va en minúsculas o en mayúsculas («hoy falto brayan», «BRAYAN
    NO ENTREGÓ TAREA»): la caja no distingue un nombre, y uno de pila que no es palabra común
    cuenta solo, como con mayúscula en un texto escrito con caja."""
    palabras = [t[2] for t in tramo]
    de_pila = [i for i, p in enumerate(palabras) if _es_de_pila(d, p)]
    apellidos = [i for i, p in enumerate(palabras) if p in d.apellidos]
    completo = any(i != j for i in de_pila for j in apellidos)
    fuertes = [i for i in de_pila if palabras[i] not in d.comunes
               and (_derivado(d, palabras[i]) or palabras[i]) not in d.comunes]
    if all(t[3] == 0 for t in tramo):
        # En minúsculas: un nombre de pila que no es palabra común, y un apellido (o un grado).
        # O la forma entera de una lista escolar, tres palabras o más con nombre y apellidos de
        # los que alguno no es palabra común: «ROJAS PEREZ ANGEL» (rojas y ángel lo son).
        solo = sin_caja and any(palabras[i] not in d.comunes_sin_caja
                                and (len(palabras[i]) > 3 or not gritado) for i in fuertes)
        return (bool(fuertes) and (completo or grado or solo)) or (
            completo and len(tramo) >= 3 and any(palabras[i] not in d.comunes for i in apellidos))
    if grado or (completo and len(tramo) > 1):
        return True
    # Un nombre de pila con mayúscula; en mayúsculas y de tres letras o menos es más bien una
    # sigla («ANA», «EVA»).
    return any(tramo[i][3] == 1 or (tramo[i][3] == 2 and len(palabras[i]) > 3) for i in fuertes)


def buscar(texto: str, plano: str, *, personal: tuple[str, ...] = (), codigos: bool = False,
           ocupados=(), palabras=None) -> list[Hallazgo]:
    """Los nombres de persona de ``texto`` (``plano`` es el mismo texto plegado; ``palabras``,
    sus palabras, si ya se tienen), y los apodos de alumnos («el Chino no trajo la tarea»)."""
    if palabras is None:
        palabras = _PALABRA.findall(plano)
    hallados = _buscar(texto, plano, personal, codigos, ocupados, palabras)
    # Un apodo no está en el catálogo de nombres (o es una palabra común): se busca aparte, al
    # final, para no repetir lo ya hallado. En un campo de códigos ya cuenta todo (``_apodos``).
    d = _datos()
    if not codigos and _apodo_posible(d, texto, palabras):
        hallados = _apodos_sueltos(d, texto, plano, palabras, hallados)
    # «Pedro "el Chino" Ruiz»: el apodo citado y los apellidos, con el nombre (``apodos``).
    if hallados and _COMILLA_O_PARENTESIS.search(texto):
        hallados = _con_apodo_citado(d, texto, plano, hallados)
    return hallados


def _buscar(texto: str, plano: str, personal, codigos: bool, ocupados, palabras) -> list[Hallazgo]:
    d = _datos()
    desconocidos = _tras_alumno(d, texto, plano, palabras) \
        if d.alumno.podria(palabras) or d.familiar.podria(palabras) else []
    if not codigos and d.fuertes.isdisjoint(palabras) and not _puede_haber_debiles(d, texto,
                                                                                   palabras):
        return desconocidos
    gritado = _gritado(texto)
    tramos = candidatos(texto, plano, codigos, ocupados, gritado)
    sin_caja = gritado or _sin_caja(texto)
    if not tramos and not codigos:
        return desconocidos
    conjuntos = conjuntos_de_personal(personal)
    marcas = _marcas(d, plano, tramos)
    hallados, contados, comunes = [], set(), []
    for n, (tramo, (disparador, grado)) in enumerate(zip(tramos, marcas)):
        inicio, fin = tramo[0][0], tramo[-1][1]
        if not (codigos or disparador):
            tratado = False
            con_inicial = inicial_antes(d, texto, plano, tramo)
            if con_inicial is not None:
                inicio = con_inicial
            elif not _cuenta(d, tramo, grado, sin_caja, gritado):
                if not tratamientos.tras_tratamiento(d, texto, plano, tramo, sin_caja):
                    comunes.append(n)  # quizá entre dos nombres de una enumeración (abajo)
                    continue  # «doña Rosa» sí sigue; sus exenciones, las de cualquier nombre
                tratado = True
            # Tras «doña» o «la mamá», un nombre de pila solo no basta para decir que es del
            # personal: «doña Rosa, mamá de un alumno» con una directora Rosa Elena; tampoco
            # con «, la niña de 3°A» después (una maestra Laura no es «la niña»; con apellido,
            # «Julián Torres, el alumno de 5°A y su papá», es otra cosa de la lista).
            de_personal = () if len(tramo) == 1 and (tratado or _APOSICION.match(plano, fin)) \
                else conjuntos
            if _exento(d, tramo, texto, plano, de_personal, solo_personal=grado, sin_caja=sin_caja):
                continue
        elif not codigos and (_figura(d, texto, plano, tramo)
                              or _hermanos_personajes(d, texto, plano, tramo)):
            continue  # «arrulla al Niño Dios», «los hermanos Flores Magón»: figuras, no alumnos
        elif not codigos and len(tramo) == 1 and tramo[0][2] in d.no_nombre:
            continue  # «el caso de Español», «los padres de Sexto»: una asignatura, un grado
        if _INICIAL.match(texto, fin):
            fin += 3
        inicio, fin = _ampliar(d, texto, inicio, fin)
        hallados.append(Hallazgo(NOMBRE, inicio, fin, texto[inicio:fin]))
        contados.add(n)
    for n in comunes:
        if entre_nombres(d, plano, tramos, contados, n) \
                and not _exento(d, tramos[n], texto, plano, conjuntos, sin_caja=sin_caja):
            inicio, fin = tramos[n][0][0], tramos[n][0][1]
            hallados.append(Hallazgo(NOMBRE, inicio, fin, texto[inicio:fin]))
    if codigos:
        hallados = _apodos(d, texto, plano, hallados)
    return _con_desconocidos(texto, hallados, desconocidos)


def _con_desconocidos(texto: str, hallados: list, desconocidos: list) -> list[Hallazgo]:
    """``hallados`` con los nombres que el catálogo no trae; cada uno absorbe lo que ya se halló
    dentro de él («Itzpapálotl Huerta»)."""
    for nuevo in desconocidos:
        encimados = [h for h in hallados if nuevo.inicio < h.fin and h.inicio < nuevo.fin]
        inicio = min([nuevo.inicio] + [h.inicio for h in encimados])
        fin = max([nuevo.fin] + [h.fin for h in encimados])
        hallados = [h for h in hallados if h not in encimados]
        hallados.append(Hallazgo(NOMBRE, inicio, fin, texto[inicio:fin]))
    return hallados


def _figura(d: _Datos, texto: str, plano: str, tramo) -> bool:
    """Si el tramo es una figura del catálogo y no un alumno: solo («Niño Dios»: «Dios») o con
    la palabra con mayúscula que lo dispara («el Niño Jesús»; «el niño Jesús», en minúsculas,
    es un alumno que se llama Jesús)."""
    palabras = frozenset(t[2] for t in tramo) - PARTICULAS
    if _es_personaje(d, palabras):
        return True
    antes = _PALABRA_ANTES.search(texto, max(0, tramo[0][0] - 12), tramo[0][0])
    return antes is not None and _es_personaje(d, palabras | {plegar(antes.group(1))})


_GRUPOS = frozenset({"familia", "hermanos", "hermanas", "gemelos", "gemelas", "mellizos", "mellizas",
                     "cuates", "cuatas", "primos", "primas", "hermanitos", "hermanitas"})


def _hermanos_personajes(d: _Datos, texto: str, plano: str, tramo) -> bool:
    """«los hermanos Flores Magón», «los hermanos Bravo»: tras unos hermanos o una familia, el
    apellido de unos personajes (con las palabras con mayúscula que lo siguen)."""
    antes, _ = palabras_en(plano, max(0, tramo[0][0] - 20), tramo[0][0])
    if not antes or antes[-1] not in _GRUPOS:
        return False
    inicio, fin = _ampliar(d, texto, tramo[0][0], tramo[-1][1])
    return _apellido_de_personajes(d, texto[inicio:fin])


_PALABRA_ANTES = compilar(r"([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)\s+$")
_CON_MAYUSCULA_DESPUES = compilar(r"[ \t]+([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)(?![\wáéíóúñü])")
# «Apellido Apellido, Nombre», como en las listas escolares.
_DOS_APELLIDOS_ANTES = compilar(
    r"(?<![\wáéíóúñüÁÉÍÓÚÑÜ])([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+[ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+) *, *$")
_NUNCA_APELLIDO = frozenset({"a", "al", "con", "de", "del", "el", "en", "la", "las", "los", "para",
                             "por", "que", "sin", "su", "sus", "un", "una", "y"})


def _ampliar(d: _Datos, texto: str, inicio: int, fin: int) -> tuple[int, int]:
    """El nombre hallado con los apellidos que el catálogo no trae y van pegados a él, para
    que el marcador lo cubra entero: «Ximena Robles Cházaro» (palabras con mayúscula inicial
    que siguen, aunque sean palabras comunes) y «Montes Iturbide, Renata» (dos palabras con
    mayúscula, alguna fuera del catálogo, y una coma antes de un nombre de pila)."""
    while (m := _CON_MAYUSCULA_DESPUES.match(texto, fin)) and _apellido_posible(d, m.group(1)):
        fin = m.end()
    primera = _PALABRA.search(plegar(texto[inicio:fin]))
    if primera is not None and _es_de_pila(d, primera.group()):
        m = _DOS_APELLIDOS_ANTES.search(texto, max(0, inicio - 40), inicio)
        antes = [plegar(p) for p in m.group(1).split()] if m else []
        # Si las dos ya son del catálogo, son otro nombre de una enumeración («Karen Soto, Luis»).
        # Ni un cargo («Profe Julián, Emily no trajo…»: la maestra y, a quien nombra, la alumna).
        if antes and not any(p in _NUNCA_APELLIDO or d.cargo.en([p], 0) for p in antes) and \
                not all(p in d.todos for p in antes):
            inicio = m.start(1)
    return inicio, fin


def _apellido_posible(d: _Datos, palabra: str) -> bool:
    """Una palabra con mayúscula pegada a un nombre que puede ser su apellido: también una
    palabra común («Pamela Ugalde Rosales»), no una de obra, lugar o cargo."""
    plana = plegar(palabra)
    return plana not in _NO_SON_NOMBRE and plana not in _NUNCA_APELLIDO \
        and not d.obra.en([plana], 0) and not d.cargo.en([plana], 0)


def _marcas(d: _Datos, plano: str, tramos) -> list[list[bool]]:
    """[disparador, grado] de cada tramo: «el alumno …» justo antes, un grado («(5° A)») o
    «, alumna de…» justo después.
    En una enumeración («el alumno Aarón y Samuel», «ximena y regina de 2°a») el disparador
    vale para los que siguen y el grado para los que van antes."""
    marcas = [[_disparador(d, plano, t[0][0]), _ALUMNO_DESPUES.match(plano, t[-1][1]) is not None
               or _APOSICION.match(plano, t[-1][1]) is not None] for t in tramos]
    for i in range(1, len(tramos)):
        juntos = _COORDINADOS.fullmatch(plano, tramos[i - 1][-1][1], tramos[i][0][0])
        if juntos and marcas[i - 1][0]:
            marcas[i][0] = True
    for i in range(len(tramos) - 2, -1, -1):
        juntos = _COORDINADOS.fullmatch(plano, tramos[i][-1][1], tramos[i + 1][0][0])
        if juntos and marcas[i + 1][1]:
            marcas[i][1] = True
    return marcas


def _gritado(texto: str) -> bool:
    """El texto va todo en mayúsculas (un encabezado, un rubro)."""
    mayusculas = sum(1 for c in texto if c.isupper())
    return mayusculas >= 12 and mayusculas > 6 * sum(1 for c in texto if c.islower())


_CON_MAYUSCULA = compilar(r"[A-ZÁÉÍÓÚÑ][A-Za-záéíóúñüÁÉÍÓÚÑÜ]+")


def _puede_haber_debiles(d: _Datos, texto: str, palabras) -> bool:
    """Sin nombres fuertes, un texto aún puede nombrar a alguien con palabras comunes con
    mayúscula («Rosa Flores»), con diminutivos regulares («Carlitos») o después de «el
    alumno» («el alumno rosa»)."""
    comunes = d.comunes.intersection(palabras)
    if not comunes:
        return _DIMINUTIVO_CON_MAYUSCULA.search(texto) is not None
    if _DIMINUTIVO_CON_MAYUSCULA.search(texto) or (
            d.alumno.podria(palabras) and _comun_tras_alumno(d, palabras, comunes)) \
            or not tratamientos.PALABRAS.isdisjoint(palabras):
        return True
    con_mayuscula = _CON_MAYUSCULA.findall(texto)
    return bool(con_mayuscula) and not d.comunes.isdisjoint(
        _PALABRA.findall(plegar(" ".join(con_mayuscula))))


def _comun_tras_alumno(d: _Datos, palabras: list[str], comunes) -> bool:
    """Una palabra común justo después de «alumno» o de «mamá de» («la alumna rosa»)."""
    for i in range(1, len(palabras)):
        if palabras[i] in comunes and (
                d.alumno.en(palabras, i - 1) == 1
                or (i > 1 and palabras[i - 1] in ("de", "del") and d.familiar.en(palabras, i - 2) == 1)):
            return True
    return False


def _seguido_de_estado(d: _Datos, plano: str, fin: int) -> bool:
    """«Guadalupe, Zacatecas»: la sigue el nombre de un estado."""
    coma = _ESTADO_DESPUES.match(plano, fin) or _LUGAR_Y_ESTADO.match(plano, fin)
    if coma is None or "," not in coma.group():
        return False
    palabras, _ = palabras_en(plano, coma.end(), coma.end() + 30)
    return bool(palabras) and d.estados.en(palabras, 0) > 0


def _exento(d: _Datos, tramo, texto: str, plano: str, conjuntos,
            solo_personal: bool = False, sin_caja: bool = False) -> bool:
    """Si el tramo es del personal, de un personaje o de un lugar u obra (no es un alumno).

    ``solo_personal``: lo sigue un grado («Paola Ríos (5°A)»): solo el personal y un cargo
    delante lo eximen."""
    inicio, fin = tramo[0][0], tramo[-1][1]
    palabras = frozenset(t[2] for t in tramo) - PARTICULAS
    if _del_personal(d, tramo, texto, plano, conjuntos, sin_caja) \
            or tras_cargo(d, plano, inicio, len(tramo) == 1):
        return True
    if solo_personal:
        return len(palabras) > 1 and _es_personaje(d, palabras)
    # «Escuela Juárez», y también «Centro de Salud Guadalupe» (la frase de obra acaba en la
    # primera palabra del tramo: «Salud» también es un nombre).
    de_obra = d.obra.en([tramo[0][2]], 0)
    if (de_obra and not obras.nombre_de_lista(d, tramo)) \
            or (not de_obra and ultima(d.obra, plano, inicio - 20, tramo[0][1]) == tramo[0][1]) \
            or _seguido_de_estado(d, plano, fin) or obras.lugar_con_estado(d, tramo, texto, plano) \
            or obras.negocio_antes(texto, inicio):
        return True
    if len(tramo) == 1 and texto[fin:fin + 1] == "!" and (texto[inicio - 1:inicio] == "¡" or (
            sin_caja and not texto[:inicio].strip())):
        return True  # «¡Jesús!», «¡JESÚS!», «jesus!! otra vez…»: una exclamación, no alguien
    if _ARTICULO_CON_MAYUSCULA.search(texto, max(0, inicio - 6), inicio):
        return True  # «y El Carmen», «de La Soledad»: un lugar o un título.
    if obras.papa_o_rey(d, tramo, texto):
        return True  # «el Papa Gregorio XIII», «Carlos V»: un papa o un rey.
    if _DE_OBRA_CITADA.search(texto, max(0, inicio - 8), inicio):
        return True  # «"Mi planta de naranja lima" de José Mauro…»: el autor de una obra.
    if any(_es_personaje(d, corrida) for corrida in _corridas(texto, plano, inicio, fin, sin_caja)):
        return True
    if obras.persona_citada(d, texto, plano, tramo):
        return False  # «la carta de "Sofía Ramírez López"»: un nombre entero, citado, no un título
    return _en_contexto_de_obra(d, texto, plano, inicio, sin_caja) or entre_comillas(texto, inicio, fin)


def _del_personal(d: _Datos, tramo, texto: str, plano: str, conjuntos, sin_caja: bool = False) -> bool:
    """Si el tramo nombra a alguien del personal. Un diminutivo a secas, solo con las palabras
    con mayúscula que lo rodean: «Lupita ya lee» es una alumna, «Lupita Morales», la maestra.
    Un nombre de pila del personal seguido de un apellido que no es el suyo es otra persona
    («la Sra. Guadalupe Tlapale» con una maestra Guadalupe Morales): el catálogo no trae todo
    apellido, así que el tramo puede acabar antes de él."""
    palabras = frozenset(t[2] for t in tramo) - PARTICULAS
    unica = next(iter(palabras)) if len(palabras) == 1 else None
    if unica is not None and (unica in nombres().get("diminutivos", ()) or _derivado(d, unica)):
        palabras = _corridas(texto, plano, tramo[0][0], tramo[-1][1])[3]
        return len(palabras) > 1 and any(palabras <= persona for persona in conjuntos)
    apellido = _apellido_que_sigue(d, texto, plano, tramo[0][0], tramo[-1][1]) \
        if unica and not sin_caja else None
    if apellido is not None:
        palabras = palabras | {apellido}
    return any(palabras <= persona for persona in conjuntos)


_CORRIDA_ANTES = compilar(r"(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñü'-]*\.? +(?:(?:de|del|la|las|los) +)*)+$")
_CORRIDA_DESPUES = compilar(r"(?: +(?:(?:de|del|el|la|las|los) +)*[A-ZÁÉÍÓÚÑ][\wáéíóúñü'-]*)+")


def _corridas(texto: str, plano: str, inicio: int, fin: int,
              sin_caja: bool = False) -> list[frozenset[str]]:
    """Las palabras del tramo, solo y con las palabras con mayúscula que lo rodean a un lado, al
    otro o a ambos («Pedro Páramo», «Santiago Apóstol», «Material de Jean Piaget»). En un texto
    sin caja (todo en minúsculas o en mayúsculas) las mayúsculas no dicen dónde empieza y acaba
    un nombre propio: además, con una a tres palabras de después o una o dos de antes («juan
    rulfo», «santiago de querétaro»)."""
    izquierda = _CORRIDA_ANTES.search(texto, max(0, inicio - 60), inicio)
    derecha = _CORRIDA_DESPUES.match(texto, fin, fin + 80)  # acotada: lineal en un texto enorme
    desde = izquierda.start() if izquierda else inicio
    hasta = derecha.end() if derecha else fin

    def palabras(a: int, b: int) -> frozenset[str]:
        return frozenset(p for p in _PALABRA.findall(plano[a:b]) if p not in PARTICULAS)

    corridas = [palabras(inicio, fin), palabras(inicio, hasta), palabras(desde, fin),
                palabras(desde, hasta)]
    if sin_caja:
        propias = corridas[0]
        despues = [p for p in _PALABRA.findall(plano, fin, fin + 40) if p not in PARTICULAS][:3]
        antes = [p for p in _PALABRA.findall(plano, max(0, inicio - 30), inicio)
                 if p not in PARTICULAS][-2:]
        # También desde la última palabra del tramo («el llano en llamas de juan rulfo»: el tramo
        # es «llamas de juan») y hasta la primera.
        ultima_, primera_ = frozenset(_PALABRA.findall(plano, inicio, fin)[-1:]), \
            frozenset(_PALABRA.findall(plano, inicio, fin)[:1])
        for k in range(1, len(despues) + 1):
            corridas += [propias | frozenset(despues[:k]), ultima_ | frozenset(despues[:k])]
        for k in range(1, len(antes) + 1):
            corridas += [propias | frozenset(antes[-k:]), frozenset(antes[-k:]) | primera_]
    return corridas
