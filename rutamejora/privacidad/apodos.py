"""Los apodos de alumnos, que el catálogo de nombres no trae («el Chino», «la Flaca»).

En un campo de códigos (``codigos:``, una lista de alumnos) cada elemento que no es un código
es un apodo o un nombre («la Flaca», «el Pelón de 6°»): ``en_campo_de_codigos``. Fuera de él, un
apodo de ``[apodo]`` cuenta solo si la frase dice que es de un alumno: ``sueltos`` (la regla, abajo).
Los usa ``nombres.buscar``."""

from __future__ import annotations

from functools import lru_cache

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.catalogo import PALABRA, entre_comillas, palabras_en, plegar
from rutamejora.privacidad.conjuntos import Datos
from rutamejora.privacidad.desconocidos import es_personaje
from rutamejora.privacidad.hallazgo import NOMBRE, Hallazgo

# Un elemento de la lista: lo que va entre comas, corchetes, llaves o saltos de línea.
_ITEM = compilar(r"[^\[\]{},;\n]+")
_ARTICULO = compilar(r"(?:el|la|los|las)[ \t]+")
# El grado y grupo al final de un elemento («el Pelón de 6°», «Chuy (5° B)», «la Flaca 2°A»): no
# lo vuelve un código; el apodo es lo de antes.
_GRADO_AL_FINAL = compilar(r"[ \t]*(?:\(|(?:de|del)[ \t]+)?[1-6][ \t]*[°º]?[ \t]*[A-Ha-h]?\)?[ \t]*$")
# Los paréntesis o comillas que quedan al partir por comas («(Fernanda, TDAH)»).
_ORILLAS = " \t\"'()"


def en_campo_de_codigos(d: Datos, texto: str, plano: str, hallados: list[Hallazgo]) -> list[Hallazgo]:
    """``hallados`` y cada elemento sin dígitos (fuera de su grado al final) que no es un
    «pendiente» ni un término de salud (lo halla ``salud``): un apodo o un nombre que el
    catálogo no trae. Un nombre hallado con su artículo delante es el elemento entero («la
    Güera», no «la [nombre]»)."""
    hallados = list(hallados)
    for m in _ITEM.finditer(texto):
        crudo = m.group()
        valor = crudo.strip(_ORILLAS)
        grado = _GRADO_AL_FINAL.search(valor)
        if grado is not None and grado.start() > 0:
            valor = valor[:grado.start()].rstrip(_ORILLAS)
        if not valor or any(c.isdigit() for c in valor):
            continue
        inicio = m.start() + crudo.index(valor)
        fin = inicio + len(valor)
        dentro = [h for h in hallados if h.inicio < fin and inicio < h.fin]
        if dentro and not (len(dentro) == 1 and dentro[0].clase == NOMBRE and dentro[0].fin == fin
                           and _ARTICULO.fullmatch(plano, inicio, dentro[0].inicio)):
            continue  # ya hallado; solo «la Güera» (un artículo y el nombre) se toma entero
        if _vacio(d, plano[inicio:fin]) or not any(c.isalpha() for c in valor):
            continue
        if not dentro and valor.isupper() and len(valor) <= 4:
            continue  # Iniciales o siglas: hacen de código.
        hallados = [h for h in hallados if h not in dentro] + [Hallazgo(NOMBRE, inicio, fin, valor)]
    return hallados


def _vacio(d: Datos, plano: str) -> bool:
    """Si el elemento dice que aún no hay códigos («pendiente», «Ninguno por ahora (se asignan
    en octubre)», «por asignar») o es un término de salud («TDAH»: lo dice ``salud``)."""
    palabras = PALABRA.findall(plano)
    if plano.strip() in d.vacios or any(" ".join(palabras[:k]) in d.vacios for k in (1, 2)):
        return True
    return len(palabras) <= 3 and d.salud.en(palabras, 0) == len(palabras)


# --- Apodos fuera de un campo de códigos ----------------------------------------------------------
#
# «el Chino no trajo la tarea», «la mamá de la Flaca», «el Pelón de 6°»: un apodo de ``[apodo]``
# (``senales.txt``) es el nombre de un alumno solo si se cumplen las tres cosas:
#
# 1. va tras «el», «la» o «del», en minúscula a media oración (con mayúscula, «en La Chata»,
#    «la papelería La Güera», es el nombre de un lugar o de un negocio);
# 2. va con mayúscula inicial y el resto en minúsculas («la flaca asistencia», «comida china»,
#    «el güero del tianguis» son la palabra), salvo en un texto sin caja (todo en minúsculas o en
#    mayúsculas: «el chino no trajo la tarea», «EL CHINO NO TRAJO LA TAREA»), donde decide el 3;
# 3. la frase dice que es un alumno: un grado o grupo después («el Pelón de 6°»); un familiar,
#    un compañero o «le dicen» antes («la mamá de la Flaca», «le dicen el Chino»: ``[apodo_antes]``,
#    en singular: «los alumnos de la Chata» son de un lugar); «, el de la señora…» o «(así le
#    dicen…)» después; o, si
#    el apodo es el sujeto (no va tras «a», «en», «de»…), algo que hace un alumno justo después
#    («el Chino no trajo la tarea», «la Chata llegó tarde»: ``[apodo_hace]``; no «tiene» ni
#    «está», que también dice un lugar).
#
# También, si el apodo es el sujeto, su detalle de salud justo después («el Chino tiene asma»,
# «la Güera está embarazada»: solo verbos de enlace en medio, ``_ENLACE_SALUD``; «el Chino tiene
# razón» no), y tras «a la …» o «al …» con su pronombre, lo que se le hace a un alumno («a la
# Yuyis la regañaron», «al Pipo lo suspendieron»: ``[apodo_recibe]``).
#
# No cuenta dentro de un título entre comillas ni junto a la palabra con la que es un personaje
# («Paco el Chato», «el Chapulín Colorado»), ni seguido de otra palabra con mayúscula (un nombre
# propio más largo). El tramo es el apodo sin su artículo, como un nombre sin su tratamiento.
#
# Un apodo que ``[apodo]`` no trae («el Mayo», «la Yuyis») se juzga igual, pero solo en un texto
# con caja, con mayúscula inicial tras «el», «la», «del» o «al» en minúscula, y si la palabra no
# es de una oficina, un órgano, un evento o una región (``[no_apodo]``, las demás secciones de
# ``senales.txt``, un personaje, una terminación de palabra común, la forma de una sigla: «la
# Dirección», «el Festival de 6°», «la Profeco»). Sin caja, cualquier palabra tras «el» sería un
# apodo («el grupo llegó»). Y, como tras «el»/«la» con mayúscula va también un cargo, un órgano,
# una dependencia o una cosa («el Tesorero entregó cuentas», «la Sader entregó semillas», «al
# Sindicato le mandaron el oficio», «el Contingente de 6° desfiló»), solo cuenta con lo que dice
# sin duda que es un alumno: quién va antes (``[apodo_antes]``), «, el de la señora…», su detalle
# de salud, o lo que solo hace o se le hace a un alumno (``[apodo_fuerte]``: «faltó», «se peleó»,
# «lo suspendieron»; no «entregó», «vino», «le mandaron»), también tras su grado («la Moñitos de
# 2° A lloró»). Una falsa alarma bloquea ``ruta validar`` con un plan normal: se prefiere perder
# un apodo nuevo («el Tacho no entregó el proyecto»).

_ARTICULO_ANTES = compilar(r"(?<![a-z])(el|la|del|al)[ \t]+$")
# Un artículo con mayúscula a media oración: «en La Chata», «papelería La Güera».
_ARTICULO_PROPIO = compilar(r"(?<=[\w,] )(?:El|La|Del|Al)[ \t]+$")
_GRADO_DESPUES = compilar(r"[ \t]*,?[ \t]*\(?[ \t]*(?:(?:de|del)[ \t]+)?(?:grupo[ \t]+)?[1-6][ \t]*"
                          r"(?:[°º]|o(?![a-z])|ro|do|er|to|vo)")
# «el Güero, el de la señora Toña»; «El Chapulín (así le dicen a Josué…)».
_DE_ALGUIEN_DESPUES = compilar(r"[ \t]*,[ \t]*(?:el|la)[ \t]+de[ \t]+(?:la|el|su|sus|mi|don|dona|senora|senor)"
                               r"(?![a-z])|[ \t]*\([ \t]*(?:asi[ \t]+)?(?:le|les)[ \t]+(?:dicen|decimos)(?![a-z])")
_CON_MAYUSCULA_DESPUES = compilar(r"[ \t]+[A-ZÁÉÍÓÚÑ]")
# Dos apodos juntos o un apodo con un familiar: «la Güera y el Pelón faltaron», «el Chino y su
# hermano»: así se habla de alumnos, no de un lugar. El otro apodo, después o antes.
_Y_OTRO_DESPUES = compilar(r"[ \t]+y[ \t]+(?:el|la)[ \t]+([a-z]+)(?![a-z])")
_Y_OTRO_ANTES = compilar(r"(?<![a-z])(?:el|la)[ \t]+([a-z]+)[ \t]+y[ \t]+$")
_Y_SU_FAMILIAR = compilar(r"[ \t]+y[ \t]+su[ \t]+(?:herman|prim|amig|compan|mama|papa|abuel|tio|tia)")
# Una palabra con mayúscula inicial: sin ninguna (todo en minúsculas o en mayúsculas), la caja no
# separa el apodo de la palabra y cuenta el contexto solo («el chino no trajo la tarea»).
_CON_MAYUSCULA_INICIAL = compilar(r"(?<![\wáéíóúñü])[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+")
# Tras estas palabras el apodo no es el sujeto: «a la Chata llega el agua», «en la Chata hizo frío».
_PREPOSICIONES = frozenset({"a", "ante", "con", "contra", "de", "desde", "en", "entre", "hacia", "hasta",
                            "para", "por", "sin", "sobre", "tras"})
# Lo que puede ir entre el apodo y lo que hace: «el Chino no trajo», «la Flaca ya no le pegó».
_MODOS = frozenset({"ya", "no", "nunca", "siempre", "tampoco", "tambien", "casi", "todavia", "aun",
                    "otra", "vez", "le", "les", "lo", "la"})


# Un apodo que ``[apodo]`` no trae: una palabra con mayúscula inicial tras «el», «la», «del» o
# «al» (con mayúscula solo al empezar la oración: lo revisa ``_ARTICULO_PROPIO``). Se busca por
# la última letra del artículo, un espacio y la mayúscula (una expresión sin alternativas: tres
# veces más rápida), y el artículo se comprueba después.
_TRAS_ARTICULO = compilar(r"[lLa][ \t]+([A-ZÁÉÍÓÚÑ][a-záéíóúñü]{2,})(?![\wáéíóúñü])")
_ARTICULO_JUSTO = compilar(r"(?<![\wáéíóúñü])(?i:el|la|del|al)[ \t]+$")


def _desconocidos(d: Datos, texto: str, desde: int = 0, hasta: int | None = None):
    """Dónde está cada palabra de ``texto`` (entre ``desde`` y ``hasta``) que puede ser un apodo
    que el catálogo no trae."""
    for m in _TRAS_ARTICULO.finditer(texto, desde, len(texto) if hasta is None else hasta):
        if _apodo_posible(d, m.group(1)) and _ARTICULO_JUSTO.search(texto, max(0, m.start() - 2), m.start(1)):
            yield m.span(1)


# Una palabra con mayúscula tras «el»/«la» y su grado («la Yuyis de 3° B», «el Tacho (5°A)»): un
# grado a secas está en casi todo texto de una Ruta y no dice nada.
_CON_GRADO = compilar(r"[lLa][ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]{2,}[ \t]*,?[ \t]*\(?[ \t]*(?:del?[ \t]+)?[1-6][ \t]*[°º]")
# Terminaciones de palabras comunes, no de apodos («la Dirección», «la Secretaría»).
_TERMINACIONES = ("cion", "sion", "dad", "ismo", "mente", "aje", "encia", "ancia", "ura", "ria",
                  "miento", "tud")
# La forma de una sigla escrita como palabra (plegada): una dependencia («Conagua», «Conafor»,
# «Profeco», «Profepa», «Sedena», «Sedesol», «Semarnat», «Sectur», «Segob», «Sagarpa», «Inah»,
# «Inea») o dos consonantes al empezar que no abren una palabra en español («Cbtis», «Snte»).
_SIGLA = compilar(r"(?:cona|profe[cp]|sed[aeu]|sema|sec[rt]|seg[ao]|sag[a]|sad[e]|in[aebp][a-z]?h?$"
                  r"|(?![bcfgp][lr]|[dt]r|tl|ch|ll|rr)[b-df-hj-np-tv-z]{2})")
# El grupo que sigue al grado («de 2° A lloró»): lo que hace va después.
_GRUPO = compilar(r"(?:[ \t]*[a-h](?![a-z]))?(?:[ \t]*\))?")


def posible(d: Datos, texto: str, palabras) -> bool:
    """Si ``sueltos`` puede hallar algo: un apodo del catálogo, o una palabra con mayúscula tras
    «el»/«la» con algo que diga que es un alumno (lo que hace o le hacen, quién va antes, un
    grado): unas búsquedas en conjuntos, en C, y una expresión corta. Un apodo que el catálogo
    no trae con su detalle de salud («el Tacho tiene convulsiones») lo busca ``salud``, desde el
    término (``sujeto_de``): los términos de salud están en uno de cada diez textos."""
    if not d.apodos.isdisjoint(palabras):
        return True
    if d.evidencia_apodo.isdisjoint(palabras) and ("°" not in texto and "º" not in texto
                                                   or _CON_GRADO.search(texto) is None):
        return False
    return hay_desconocido(d, texto)


def sujeto_de(d: Datos, texto: str, plano: str, desde: int, inicio: int) -> Hallazgo | None:
    """El apodo que el catálogo no trae del que habla el término de salud que empieza en
    ``inicio`` («el Tacho tiene convulsiones»: el apodo, con solo verbos de enlace hasta el
    término; ``desde``, el principio de su oración), o ``None``."""
    desde = max(desde, inicio - 60)
    for i, f in _desconocidos(d, texto, desde, inicio):
        if _de_un_alumno(d, texto, plano, i, f, False):
            return Hallazgo(NOMBRE, i, f, texto[i:f])
    return None


def hay_desconocido(d: Datos, texto: str) -> bool:
    """Si hay en ``texto`` una palabra con mayúscula tras «el»/«la» que puede ser un apodo que
    el catálogo no trae (no «el Ayuntamiento», «la Dirección»)."""
    return next(_desconocidos(d, texto), None) is not None


def sueltos(d: Datos, texto: str, plano: str, palabras, hallados: list[Hallazgo]) -> list[Hallazgo]:
    """``hallados`` y cada apodo que la frase vuelve de un alumno (ver arriba); no los que ya
    están dentro de un hallazgo («la mamá del Chino» ya lo halla ``nombres``)."""
    sin_caja = _CON_MAYUSCULA_INICIAL.search(texto) is None
    candidatos = [] if d.apodos.isdisjoint(palabras) else [
        m.span() for m in PALABRA.finditer(plano) if m.group() in d.apodos and (
            sin_caja or (texto[m.start()].isupper() and texto[m.start() + 1:m.end()].islower()))]
    if not sin_caja:
        candidatos += list(_desconocidos(d, texto))
    candidatos = [c for c in sorted(set(candidatos))
                  if not any(h.inicio < c[1] and c[0] < h.fin for h in hallados)]
    hallados_aqui: set[int] = set()
    for _ in range(2):  # la segunda vez, con los hallados: «la Nena y el Canelo faltaron»
        for inicio, fin in candidatos:
            if inicio not in hallados_aqui and _de_un_alumno(d, texto, plano, inicio, fin, sin_caja,
                                                              hallados_aqui):
                hallados_aqui.add(inicio)
        if not hallados_aqui or len(hallados_aqui) == len(candidatos):
            break
    nuevos = [Hallazgo(NOMBRE, i, f, texto[i:f]) for i, f in candidatos if i in hallados_aqui]
    return hallados + nuevos if nuevos else hallados


@lru_cache(maxsize=2048)  # las mismas palabras vuelven en cada texto: «la Dirección», «el Consejo»
def _apodo_posible(d: Datos, palabra: str) -> bool:
    """Si una palabra que ``[apodo]`` no trae puede ser un apodo: no un nombre de pila (lo juzga
    ``nombres``), ni una palabra de oficina, evento, cargo, obra, lugar, tema o salud, ni un
    personaje, ni con una terminación de palabra común."""
    palabra = plegar(palabra)
    if palabra in d.apodos or (palabra in d.pila and palabra not in d.comunes) \
            or palabra in d.no_apodo or palabra in d.no_nombre or es_personaje(d, frozenset((palabra,))) \
            or palabra.endswith(_TERMINACIONES) or _SIGLA.match(palabra):
        return False
    una = [palabra]
    return not any(f.en(una, 0) for f in (d.cargo, d.obra, d.alumno, d.familiar, d.tema, d.salud,
                                           d.estados))


def _de_un_alumno(d: Datos, texto: str, plano: str, inicio: int, fin: int, sin_caja: bool,
                  hallados: set[int] = frozenset()) -> bool:
    """Si el apodo entre ``inicio`` y ``fin``, con su artículo delante, es el de un alumno.
    ``hallados``: dónde empiezan los apodos ya hallados en el texto (para «y el otro»)."""
    articulo = _ARTICULO_ANTES.search(plano, max(0, inicio - 6), inicio)
    if articulo is None or _ARTICULO_PROPIO.search(texto, max(0, inicio - 8), inicio):
        return False
    if entre_comillas(texto, inicio, fin) or _personaje_junto(d, plano, articulo.start(1), fin):
        return False
    # Un apodo que el catálogo no trae: solo lo que hace o le hacen solo a un alumno (ver arriba).
    fuerte = None if plano[inicio:fin] in d.apodos else d.apodo_fuerte
    if _DE_ALGUIEN_DESPUES.match(plano, fin):
        return True
    if grado := _GRADO_DESPUES.match(plano, fin):
        despues = _GRUPO.match(plano, grado.end()).end()
        return fuerte is None or _hace_algo(d, plano, despues, fuerte) or _su_salud(d, plano, despues)
    if not sin_caja and _CON_MAYUSCULA_DESPUES.match(texto, fin):
        return False  # «La Chata Tienda», «El Güero Restaurante»: un nombre propio más largo
    antes, _ = palabras_en(plano, articulo.start(1) - 40, articulo.start(1))
    if articulo.group(1) in ("del", "al"):
        antes.append(articulo.group(1)[0] if articulo.group(1) == "al" else "de")
    if _alguien_antes(d, antes):
        return True
    if antes and antes[-1] in _PREPOSICIONES:
        # «fuimos a la Chata y el Güero»: lugares; «a la Yuyis la regañaron», a una alumna.
        return antes[-1] == "a" and _se_le_hace(d, plano, fin, fuerte)
    return _hace_algo(d, plano, fin, fuerte) or _su_salud(d, plano, fin) \
        or _Y_SU_FAMILIAR.match(plano, fin) is not None \
        or _con_otro_apodo(d, texto, plano, articulo.start(1), fin, sin_caja, hallados)


def _con_otro_apodo(d: Datos, texto: str, plano: str, inicio: int, fin: int, sin_caja: bool,
                    hallados=frozenset()) -> bool:
    """Si el apodo (con su artículo desde ``inicio``) va unido con «y» a otro del catálogo, con
    su artículo y su mayúscula, o a uno ya hallado (``hallados``: dónde empiezan): «la Güera y
    el Pelón», «el Chino y la Güera», «la Nena y el Canelo faltaron»."""
    for m in (_Y_OTRO_DESPUES.match(plano, fin), _Y_OTRO_ANTES.search(plano, max(0, inicio - 30), inicio)):
        if m is not None and (m.start(1) in hallados or (m.group(1) in d.apodos and (
                sin_caja or texto[m.start(1)].isupper()))):
            return True
    return False


def _alguien_antes(d: Datos, antes: list[str]) -> bool:
    """«la mamá de la Flaca», «el hermano del Chino», «compañeros del Pelón», «le dicen el Chino»."""
    n = len(antes)
    return any(d.apodo_antes.en(antes, n - k) == k for k in range(1, min(n, 3) + 1))


def _hace_algo(d: Datos, plano: str, fin: int, fuerte=None) -> bool:
    """Lo que hace un alumno justo después del apodo («no trajo», «llegó tarde», «se peleó»);
    con ``fuerte``, solo lo de esas frases («faltó», «se peleó»: ``[apodo_fuerte]``)."""
    if plano[fin:fin + 1] not in (" ", "\t"):
        return False  # «el Chino, que…», «la Chata.»: otra cosa
    despues, _ = palabras_en(plano, fin, fin + 40)
    j = 0
    while j < len(despues) and despues[j] in _MODOS:
        j += 1
    return j < len(despues) and (fuerte or d.apodo_hace).en(despues, j) > 0


# Lo que puede ir entre el apodo y su detalle de salud: «el Chino tiene asma», «la Chiquis tiene
# diagnóstico de dislexia», «el Pollo está en tratamiento por ansiedad». No «tiene casos de…»
# (un lugar) ni «tiene razón».
_ENLACE_SALUD = frozenset({"tiene", "tenia", "tuvo", "presenta", "presento", "padece", "padecio", "sufre",
                           "sufrio", "esta", "estuvo", "anda", "andaba", "usa", "toma", "es", "fue", "sigue",
                           "le", "lo", "la", "se", "con", "de", "del", "por", "en", "un", "una", "ya", "no",
                           "diagnostico", "diagnosticado", "diagnosticada", "diagnosticaron", "detectaron",
                           "tratamiento", "sintomas", "cuadro", "posible", "probable"})
_FIN_DE_ORACION = compilar(r"[.;:!?\n]")


def _su_salud(d: Datos, plano: str, fin: int) -> bool:
    """Un detalle de salud justo después del apodo, con solo verbos de enlace en medio («el
    Chino tiene asma», «la Güera está embarazada»): así se habla de un alumno."""
    if plano[fin:fin + 1] not in (" ", "\t"):
        return False
    corte = _FIN_DE_ORACION.search(plano, fin, fin + 60)
    despues, _ = palabras_en(plano, fin, corte.start() if corte else fin + 60)
    for j, palabra in enumerate(despues[:6]):
        if d.salud.en(despues, j):
            return True
        if palabra not in _ENLACE_SALUD:
            return False
    return False


def _se_le_hace(d: Datos, plano: str, fin: int, fuerte=None) -> bool:
    """Tras «a la …» o «al …»: su pronombre y lo que se le hace a un alumno («a la Yuyis la
    regañaron», «al Pipo ya lo suspendieron»); con ``fuerte``, solo lo de esas frases (no «le
    mandaron», que se dice de una oficina)."""
    despues, _ = palabras_en(plano, fin, fin + 40)
    j = 0
    while j < len(despues) and despues[j] in _MODOS:
        j += 1
    return 0 < j < len(despues) and not {"lo", "la", "le", "les"}.isdisjoint(despues[:j]) \
        and (fuerte or d.apodo_recibe).en(despues, j) > 0


def _personaje_junto(d: Datos, plano: str, desde: int, fin: int) -> bool:
    """«Paco el Chato», «el Chapulín Colorado»: el apodo con la palabra de antes o la de después
    es un personaje del catálogo."""
    antes, _ = palabras_en(plano, desde - 20, desde)
    despues, _ = palabras_en(plano, fin, fin + 20)
    apodo = PALABRA.findall(plano, desde, fin)[-1]
    return (bool(antes) and es_personaje(d, frozenset((antes[-1], apodo)))) \
        or (bool(despues) and es_personaje(d, frozenset((apodo, despues[0]))))


# --- El apodo entre comillas dentro del nombre ------------------------------------------------------
#
# «Pedro "el Chino" Ruiz», «Uriel (el Chino) Vázquez», «Jesús "Chuy" Ramírez», «Omar Salinas "el
# Chato"»: un nombre ya hallado y, justo después (con un espacio), el apodo entre comillas o
# paréntesis y quizá los apellidos. Todo es un tramo: enmascarar solo el nombre deja ver
# «"el Chino" Ruiz». El apodo, de una o dos palabras; entre paréntesis o sin apellidos después,
# con su artículo («Valeria Gómez "Mi familia" (dibujo…)» es un título; «Kevin (la mamá) vino»,
# otra cosa).
_CITA_DESPUES = compilar(r"[ \t]+(?:\"([^\"\n]{2,30})\"|“([^”\n]{2,30})”|«([^»\n]{2,30})»|'([^'\n]{2,30})'"
                         r"|\(([^)\n]{2,30})\))")
_APODO_CITADO = compilar(r"[ \t]*(?:(el|la)[ \t]+)?([a-z]{2,})(?:[ \t]+[a-z]{2,})?[ \t]*")
_PALABRA_DESPUES = compilar(r"[ \t]+([A-Za-zÁÉÍÓÚÑáéíóúñü]{2,})(?![\wáéíóúñü])")
_NO_APELLIDO = frozenset({"a", "al", "con", "de", "del", "el", "en", "la", "las", "los", "para", "por",
                          "que", "se", "sin", "su", "sus", "un", "una", "y", "e", "o", "ya", "no"})


def con_apodo_citado(d: Datos, texto: str, plano: str, hallados: list[Hallazgo]) -> list[Hallazgo]:
    """``hallados`` con cada nombre extendido sobre el apodo entre comillas que lo sigue y los
    apellidos de después (ver arriba); lo ya hallado dentro del tramo nuevo se junta con él."""
    sin_caja = _CON_MAYUSCULA_INICIAL.search(texto) is None
    for h in [h for h in hallados if h.clase == NOMBRE]:
        fin = _fin_con_apodo(d, texto, plano, h.fin, sin_caja)
        inicio = _inicio_con_apodo(d, texto, plano, h.inicio) if fin is None else h.inicio
        if fin is None and inicio is None:
            continue
        inicio, fin = inicio if inicio is not None else h.inicio, fin or h.fin
        dentro = [o for o in hallados if o is not h and inicio <= o.inicio and o.fin <= fin]
        hallados = [o for o in hallados if o is not h and o not in dentro] \
            + [Hallazgo(NOMBRE, inicio, fin, texto[inicio:fin])]
    return hallados


# «Ángel «el Gordo» Hernández»: el nombre de pila antes del apodo es una palabra común (solo no
# cuenta) y el hallazgo empieza en los apellidos.
_NOMBRE_Y_CITA_ANTES = compilar(r"([A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)[ \t]+(?:\"([^\"\n]{2,30})\"|“([^”\n]{2,30})”"
                                r"|«([^»\n]{2,30})»)[ \t]+$")


def _inicio_con_apodo(d: Datos, texto: str, plano: str, inicio: int) -> int | None:
    """Dónde empieza el nombre que empieza en ``inicio`` si lo antecede un nombre de pila con su
    apodo citado con artículo («Ángel «el Gordo» Hernández»); ``None`` si no."""
    m = _NOMBRE_Y_CITA_ANTES.search(texto, max(0, inicio - 60), inicio)
    if m is None or plano[m.start(1):m.end(1)] not in d.pila:
        return None
    grupo = next(k for k in range(2, 5) if m.group(k) is not None)
    apodo = _APODO_CITADO.fullmatch(plano, m.start(grupo), m.end(grupo))
    if apodo is None or apodo.group(1) is None or not texto[apodo.start(2)].isupper():
        return None
    return m.start(1)


def _fin_con_apodo(d: Datos, texto: str, plano: str, fin: int, sin_caja: bool) -> int | None:
    """Dónde acaba el nombre que acaba en ``fin`` si lo sigue un apodo citado (y sus
    apellidos); ``None`` si no lo sigue."""
    cita = _CITA_DESPUES.match(texto, fin)
    if cita is None:
        return None
    grupo = next(k for k in range(1, 6) if cita.group(k) is not None)
    apodo = _APODO_CITADO.fullmatch(plano, cita.start(grupo), cita.end(grupo))
    if apodo is None or not (sin_caja or texto[apodo.start(2)].isupper()):
        return None
    final = cita.end()
    while (m := _PALABRA_DESPUES.match(texto, final)) and _apellido(d, texto, plano, m, sin_caja):
        final = m.end()
    con_articulo = apodo.group(1) is not None
    if final == cita.end() and not con_articulo or grupo == 5 and not con_articulo:
        return None
    return final


def _apellido(d: Datos, texto: str, plano: str, m, sin_caja: bool) -> bool:
    """Si la palabra de ``m`` puede ser un apellido tras el apodo: con mayúscula inicial y sin ser
    una palabra de oración, de obra, de lugar o de cargo; en un texto sin caja, del catálogo."""
    palabra = plano[m.start(1):m.end(1)]
    if palabra in _NO_APELLIDO or palabra in d.no_nombre:
        return False
    if sin_caja:
        return palabra in d.apellidos
    return texto[m.start(1)].isupper() and not d.obra.en([palabra], 0) and not d.cargo.en([palabra], 0)
