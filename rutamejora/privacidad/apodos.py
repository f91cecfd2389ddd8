"""Los apodos de alumnos, que el catálogo de nombres no trae («el Chino», «la Flaca»).

En un campo de códigos (``codigos:``, una lista de alumnos) cada elemento que no es un código
es un apodo o un nombre («la Flaca», «el Pelón de 6°»): ``en_campo_de_codigos``. Fuera de él, un
apodo de ``[apodo]`` cuenta solo si la frase dice que es de un alumno: ``sueltos`` (la regla, abajo).
Los usa ``nombres.buscar``."""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.catalogo import PALABRA, entre_comillas, palabras_en
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
# No cuenta dentro de un título entre comillas ni junto a la palabra con la que es un personaje
# («Paco el Chato», «el Chapulín Colorado»), ni seguido de otra palabra con mayúscula (un nombre
# propio más largo). El tramo es el apodo sin su artículo, como un nombre sin su tratamiento.

_ARTICULO_ANTES = compilar(r"(?<![a-z])(el|la|del)[ \t]+$")
# Un artículo con mayúscula a media oración: «en La Chata», «papelería La Güera».
_ARTICULO_PROPIO = compilar(r"(?<=[\w,] )(?:El|La|Del)[ \t]+$")
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


def sueltos(d: Datos, texto: str, plano: str, palabras, hallados: list[Hallazgo]) -> list[Hallazgo]:
    """``hallados`` y cada apodo de ``[apodo]`` que la frase vuelve de un alumno (ver arriba);
    no los que ya están dentro de un hallazgo («la mamá del Chino» ya lo halla ``nombres``)."""
    if d.apodos.isdisjoint(palabras):
        return hallados
    sin_caja = _CON_MAYUSCULA_INICIAL.search(texto) is None
    nuevos = []
    for m in PALABRA.finditer(plano):
        inicio, fin = m.span()
        if m.group() not in d.apodos or not (sin_caja or (
                texto[inicio].isupper() and texto[inicio + 1:fin].islower())):
            continue
        if any(h.inicio < fin and inicio < h.fin for h in hallados) \
                or not _de_un_alumno(d, texto, plano, inicio, fin, sin_caja):
            continue
        nuevos.append(Hallazgo(NOMBRE, inicio, fin, texto[inicio:fin]))
    return hallados + nuevos if nuevos else hallados


def _de_un_alumno(d: Datos, texto: str, plano: str, inicio: int, fin: int, sin_caja: bool) -> bool:
    """Si el apodo entre ``inicio`` y ``fin``, con su artículo delante, es el de un alumno."""
    articulo = _ARTICULO_ANTES.search(plano, max(0, inicio - 6), inicio)
    if articulo is None or _ARTICULO_PROPIO.search(texto, max(0, inicio - 8), inicio):
        return False
    if entre_comillas(texto, inicio, fin) or _personaje_junto(d, plano, articulo.start(1), fin):
        return False
    if _GRADO_DESPUES.match(plano, fin) or _DE_ALGUIEN_DESPUES.match(plano, fin):
        return True
    if not sin_caja and _CON_MAYUSCULA_DESPUES.match(texto, fin):
        return False  # «La Chata Tienda», «El Güero Restaurante»: un nombre propio más largo
    antes, _ = palabras_en(plano, articulo.start(1) - 40, articulo.start(1))
    if articulo.group(1) == "del":
        antes.append("de")
    if _alguien_antes(d, antes):
        return True
    if antes and antes[-1] in _PREPOSICIONES:
        return False  # «fuimos a la Chata y el Güero»: lugares
    return _hace_algo(d, plano, fin) or _Y_SU_FAMILIAR.match(plano, fin) is not None \
        or _con_otro_apodo(d, texto, plano, articulo.start(1), fin, sin_caja)


def _con_otro_apodo(d: Datos, texto: str, plano: str, inicio: int, fin: int, sin_caja: bool) -> bool:
    """Si el apodo (con su artículo desde ``inicio``) va unido con «y» a otro del catálogo, con
    su artículo y su mayúscula: «la Güera y el Pelón», «el Chino y la Güera»."""
    for m, lugar in ((_Y_OTRO_DESPUES.match(plano, fin), 1),
                     (_Y_OTRO_ANTES.search(plano, max(0, inicio - 30), inicio), 1)):
        if m is not None and m.group(lugar) in d.apodos and (
                sin_caja or texto[m.start(lugar)].isupper()):
            return True
    return False


def _alguien_antes(d: Datos, antes: list[str]) -> bool:
    """«la mamá de la Flaca», «el hermano del Chino», «compañeros del Pelón», «le dicen el Chino»."""
    n = len(antes)
    return any(d.apodo_antes.en(antes, n - k) == k for k in range(1, min(n, 3) + 1))


def _hace_algo(d: Datos, plano: str, fin: int) -> bool:
    """Lo que hace un alumno justo después del apodo («no trajo», «llegó tarde», «se peleó»)."""
    if plano[fin:fin + 1] not in (" ", "\t"):
        return False  # «el Chino, que…», «la Chata.»: otra cosa
    despues, _ = palabras_en(plano, fin, fin + 40)
    j = 0
    while j < len(despues) and despues[j] in _MODOS:
        j += 1
    return j < len(despues) and d.apodo_hace.en(despues, j) > 0


def _personaje_junto(d: Datos, plano: str, desde: int, fin: int) -> bool:
    """«Paco el Chato», «el Chapulín Colorado»: el apodo con la palabra de antes o la de después
    es un personaje del catálogo."""
    antes, _ = palabras_en(plano, desde - 20, desde)
    despues, _ = palabras_en(plano, fin, fin + 20)
    apodo = PALABRA.findall(plano, desde, fin)[-1]
    return (bool(antes) and es_personaje(d, frozenset((antes[-1], apodo)))) \
        or (bool(despues) and es_personaje(d, frozenset((apodo, despues[0]))))
