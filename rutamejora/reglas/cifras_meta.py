"""La estructura de la redacción de una meta: sus cifras meta, los tramos que las unen y la medida
de cada tramo. RM302 (``meta-doble``) pregunta aquí si una meta trae dos metas dentro.

Una meta doble tiene **dos cifras meta para dos medidas distintas, unidas por una conjunción o
un gerundio** («Subir la asistencia de 90 % a 95 % y el promedio de 7.2 a 8»; «Reducir el
ausentismo a 4 %, elevando el promedio a 8»). No se cuentan números, porque una meta sola suele
tener varios:

- «de 55 % a 75 %» es **una** cifra meta (punto de partida y de llegada), como «entre 92 % y 95 %»;
- los años, las fechas, las horas, los grados (3°), las edades, las duraciones («15 minutos») y
  los rangos de contenido («los números del 1 al 20», «las tablas del 2 al 9») no son cifras meta;
- un criterio («al menos 60 palabras por minuto», «8 o más») es parte de la medida, salvo cuando
  abre su propia oración («… y que cada alumno lea al menos 10 libros»);
- la «y» que une partes de una misma medida («lectura y escritura», «1° y 2°») no abre otra meta:
  el tramo que sigue no tiene cifra;
- un gerundio de medio («…, realizando 2 sesiones semanales») dice de qué manera, no otra meta;
- las etapas de una misma medida («a 50 % en diciembre y a 65 % en junio») son una meta: el
  segundo tramo no nombra otra medida.

La redacción se parte en tramos en cada conjunción o gerundio; un tramo con cifra meta cuenta, y
la meta es doble si al menos dos tramos con cifra nombran medidas distintas (las palabras que
quedan al quitar cifras, tiempos, artículos y verbos de cambio) o si dice «respectivamente».

No registra ningún código: importarlo no agrega reglas al catálogo.
"""

from __future__ import annotations

import re
import unicodedata

from rutamejora.nucleo.expresiones import compilar
from rutamejora.nucleo.registro import campo, registro

_I = re.IGNORECASE

# --- Piezas de las expresiones ---------------------------------------------------------------

_NUM = r"\d+(?:[.,]\d+)?"
# Los números en letra; «un», «una» y «uno» no, que casi siempre son artículos («una escala»).
_PALABRA = (r"(?:cero|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce|quince|"
            r"dieci\w+|veinte|veinti\w+|treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa|"
            r"cien|ciento)")
# Un número en letra, también compuesto («setenta y cinco»).
_EN_LETRA = rf"{_PALABRA}(?:\s+y\s+(?:{_PALABRA}|uno|una|un))?"
_CIFRA = rf"(?:{_NUM}|{_EN_LETRA})"
_POR_CIENTO = r"(?:\s*%|\s+por\s*ciento)"
_FRACCION = (rf"(?:(?:{_CIFRA}|uno|una|un)\s+de\s+cada\s+{_CIFRA}|{_CIFRA}\s+de\s+(?:l[oa]s\s+)?{_CIFRA}\b"
             rf"|(?:la\s+)?mitad|{_PALABRA}\s+(?:tercios|cuartos|quintos)|un\s+(?:tercio|cuarto|quinto)"
             rf"|{_PALABRA}\s+(?:terceras|cuartas|quintas)\s+partes|la\s+(?:tercera|cuarta|quinta)\s+parte"
             rf"|la\s+totalidad)")
_MES = r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre|noviembre|diciembre)"
_PERIODO = r"(?:periodo|período|trimestre|bimestre|semestre|corte|momento)"
_ORDINAL = r"(?:primer|primero|segundo|tercer|tercero|cuarto|quinto|sexto|último|ultimo)"

# Raíces de los verbos que piden un cambio en una medida: al comienzo de un tramo lo hacen una
# oración nueva («… e incrementar a 90 % …»), y su gerundio une dos metas («…, elevando …»).
_CAMBIO = (r"(?:aument|increment|elev|sub[ie]|suba|mejor|reduc|reduj|disminu|baj|abat|logr|alcanz|"
           r"consig|consegu|obten|obtien|obteng|pas[aeo]|mant[ei]n|manteng|ampli|recuper|super|lleg|"
           r"erradic|evit|duplic|triplic|minimiz|maximiz|acrecent)")

# --- Lo que no es una cifra meta (se tapa antes de buscar cifras) -----------------------------

_NO_META = compilar("|".join([
    r"\d{4}-\d{1,2}-\d{1,2}", r"\d{1,2}/\d{1,2}/\d{2,4}",
    rf"\d{{1,2}}\s+de\s+{_MES}(?:\s+del?\s+\d{{4}})?", rf"{_MES}\s+(?:del?\s+)?\d{{4}}",
    r"\b(?:19|20)\d\d(?:\s*[-–/]\s*(?:19|20)?\d\d)?\b",                 # años y ciclos
    r"\b\d{1,2}:\d{2}\b",                                                # horas
    r"\b\d+\s*[°ºª]", r"\b\d+(?:er|ero|era|ro|ra|do|da|to|ta|vo|va|mo|ma|no|na|o|a)\b",  # grados
    rf"\b(?:grado|grupo|sesi[oó]n|unidad|bloque|nivel|etapa|fase|semana|lecci[oó]n|ficha|anexo|"
    rf"rasgo|p[aá]gina|{_PERIODO})\s+(?:#|n[uú]m\.?\s*|no\.\s*)?\d+\b",
    rf"\b{_CIFRA}(?:\s*(?:a|y|-)\s*{_CIFRA})?\s+(?:años|meses|semanas|horas|minutos|segundos|veces)\b",
    rf"\b(?:n[uú]meros?|tablas?(?:\s+de\s+multiplicar)?|cuent\w*|cont[ae]\w*|series?|sucesi\w+|"
    rf"escalas?|rangos?)\s+(?:\w+\s+){{0,2}}?(?:del?|entre)\s+\d+\s+(?:al?|y)\s+\d+",  # contenidos
    r"\b\d+\s*[x×]\s*\d+\b",
    r"(?:a\s+)?(?:la\s+)?mitad\s+del?\s+(?:ciclo|curso|año|periodo|trimestre|bimestre|semestre)",
]), _I)

# Lo que lleva una «y» por dentro sin unir dos tramos.
_PROTEGIDO = compilar(rf"\b{_PALABRA}\s+y\s+{_PALABRA}\b|\by/o\b"
                        rf"|\bentre\s+{_CIFRA}{_POR_CIENTO}?\s+y\s+{_CIFRA}", _I)

# --- Cifras meta -----------------------------------------------------------------------------

_FUERTES = compilar("|".join([
    # «de 40 % a 60 %», «del 7.2 al 8», «de 12 alumnos a 6», «de la mitad a tres cuartas partes»
    rf"\b(?:de|del|desde)\s+(?:un\s+|el\s+|la\s+)?(?:{_FRACCION}|{_CIFRA}){_POR_CIENTO}?"
    rf"(?:\s+(?!y\b|e\b)[^\W\d]+){{0,3}}?\s+(?:a|al|hasta|hasta\s+el|a\s+un)\s+(?:{_FRACCION}|{_CIFRA})"
    rf"(?:{_POR_CIENTO}|\s+puntos)?",
    rf"\bentre\s+{_CIFRA}{_POR_CIENTO}?\s+y\s+{_CIFRA}{_POR_CIENTO}?",
    rf"\b{_CIFRA}{_POR_CIENTO}",
    rf"\b{_FRACCION}\b",
    r"\b\d+[.,]\d+\b",                                       # un promedio, una calificación
    rf"\b{_CIFRA}\s+puntos\b",
    rf"\bque\s+(?:al\s+menos\s+|por\s+lo\s+menos\s+)?{_CIFRA}\b",  # «que 20 alumnos…»
    # «alcanzar 8 de calificación», «un promedio de 8», «8 de promedio»: la cifra es solo el
    # número (grupo ``n``); la palabra queda para nombrar la medida.
    rf"\b{_CAMBIO}\w*\s+(?P<n1>{_CIFRA})\b",
    rf"\b(?:promedio|calificaci[oó]n|puntaje)(?:\s+(?!de\b)[^\W\d]+)?\s+(?:de\s+)?(?P<n2>{_CIFRA})\b",
    rf"\b(?P<n3>{_CIFRA})\s+de\s+(?:promedio|calificaci[oó]n)\b",
]), _I)
_SOLO_NUMERO = ("n1", "n2", "n3")
# «a 2», «a cero», «en 3»: cifra meta si la pide un verbo de cambio o si abre el tramo («… y a 2
# los reportes»).
_DESTINO = compilar(rf"\b(?:a|al|hasta(?:\s+el)?|en)\s+{_CIFRA}\b", _I)
# Una cifra que abre el tramo y dice de quiénes, con el verbo sobrentendido («… y 20 de 2°
# escriban…», «… y 15 alumnos de 3°…»).
_ELIDIDA = compilar(rf"(?:(?:el|la|los|las)\s+)?{_CIFRA}\s+(?:de\s|alumn|estudiant|niñ|famil|docent|"
                      rf"padres|madres|maestr)", _I)
# Un criterio es parte de la medida («al menos 60 palabras por minuto», «8 o más», «con 70 % de
# aciertos»): cuenta como cifra meta solo si abre su propia oración o el tramo empieza con él
# («… y 7 o más en Ciencias»).
_CRITERIO = compilar(rf"\b(?:al\s+menos|por\s+lo\s+menos|como\s+m[ií]nimo|m[ií]nimo\s+(?:de\s+)?|"
                       rf"m[aá]s\s+de|menos\s+de|arriba\s+del?|por\s+encima\s+del?)\s+(?:el\s+|un\s+)?{_CIFRA}"
                       rf"|\b{_CIFRA}\s+o\s+(?:m[aá]s|menos)\b|\bning[uú]n[oa]?\b", _I)
_ANTES_DE_CRITERIO = compilar(r"(?:al\s+menos|por\s+lo\s+menos|como\s+m[ií]nimo|m[ií]nimo(?:\s+de)?|"
                                r"m[aá]s\s+de|menos\s+de)\s+(?:el\s+|un\s+)?$", _I)
_DESPUES_DE_CRITERIO = compilar(r"\s+de\s+(?:aciertos|reactivos|respuestas)", _I)

# Sin un dígito ni un número escrito, un tramo no tiene cifra meta: no se buscan (es lo común).
_ALGUNA_CIFRA = compilar(rf"\d|{_PALABRA}|mitad|tercio|cuarto|quinto|totalidad|ning[uú]n", _I)

# --- Tramos ------------------------------------------------------------------------------------

_GERUNDIO = r"[^\W\d_]{2,}(?:ando|iendo|yendo)"
_NO_GERUNDIO = {"cuando", "mando", "comando", "bando", "blando", "fernando", "orlando"}
_CORTE = compilar(
    r"\s*[.;]\s+(?=\S)"                                                  # otra oración
    r"|,?\s+(?:y|e),?\s+(?:además,?\s+|también,?\s+)?"
    r"|\s+como\s+(?:también\s+)?"                                       # «tanto … como …»
    r"|,?\s+(?:así\s+como|además\s+de|además,|asimismo,?|mientras\s+que|a\s+la\s+vez\s+que|"
    r"al\s+mismo\s+tiempo\s+que|para\s+que|de\s+(?:modo|manera|forma)\s+que|a\s+fin\s+de\s+que|"
    r"con\s+el\s+fin\s+de\s+que)\s+"
    # «… con una reducción de la impuntualidad de 20 % a 10 %»: otro cambio, dicho con un sustantivo.
    r"|,?\s+con\s+(?:una?\s+|el\s+|la\s+)?(?=(?:reducci|disminuci|aument|increment|mejora|baja)\w*\s)"
    rf"|,?\s+(?={_GERUNDIO}\b)"
    r"|,?\s+(?=(?:mediante|a\s+trav[eé]s\s+de|por\s+medio\s+de|con\s+(?:el\s+)?apoyo\s+de|"
    r"con\s+base\s+en|gracias\s+a)\b)", _I)
_MEDIO = compilar(r"(?:mediante|a\s+trav[eé]s|por\s+medio|con\s+(?:el\s+)?apoyo|con\s+base|gracias)\b", _I)

# Palabras que no nombran una medida: artículos, preposiciones, cuantificadores, tiempos.
_VACIAS = set("""
a al ante con contra de del desde durante en entre hacia hasta para por segun sin sobre tras
el la los las lo un una unos unas uno y e o u ni que se su sus cada cual cuales quien quienes
este esta estos estas ese esa esos esas mismo misma mismos mismas ello ellos ellas mas menos
minimo maximo porcentaje ciento puntos punto porcentuales parte partes mitad tercio tercios
cuartas terceras totalidad total respectivamente tambien ademas asimismo asi como tanto mientras
vez tiempo arriba encima debajo
ciclo escolar curso ano anos mes meses semana semanas dia dias cierre final fin finalizar termino
inicio diario diaria diarios mensual mensuales semanal bimestral trimestral anual tardar hoy
actualmente
""".split())


# Las que las funciones de abajo usaban como ``re.match(texto_del_patrón, …)``: las mismas, compiladas
# al importar con ``compilar`` (compilar cada una la primera vez en cada proceso sumaba ~3 ms).
_DIGITO = compilar(r"\d")
_PRIMERA_PALABRA = compilar(r"\w+")
_TANTO = compilar(r"\btanto\b", _I)
_ABRE_ORACION = compilar(rf"(?:(?:además|también|asimismo),?\s+)?(?:que\b|{_CAMBIO})", _I)
_ARTICULO_O_CRITERIO = compilar(
    r"^(?:(?:el|la|los|las|un|una)\s+)?(?:al\s+menos|por\s+lo\s+menos|como\s+m[ií]nimo)?", _I)
_CAMBIO_EN_PALABRA = compilar(rf"\b{_CAMBIO}\w*", _I)
_CAMBIO_AL_INICIO = compilar(_CAMBIO, _I)
_ES_GERUNDIO = compilar(_GERUNDIO)
_GRADO_O_ORDINAL = compilar(r"\d+\s*[°ºª]|\d+[a-z]", _I)
_ESPACIOS = compilar(r"\s+")
_RESPECTIVAMENTE = compilar(r"\brespectivamente\b", _I)


@registro
class Tramo:
    """Un pedazo de la redacción entre dos conjunciones o gerundios, con sus cifras meta."""

    inicio: int
    fin: int
    texto: str
    cifras: list = campo(fabrica=list)
    medida: frozenset = frozenset()


def _tapar(texto: str, patron: re.Pattern) -> str:
    """Cambia por «x» los dígitos de lo que ``patron`` encuentra (las posiciones no se mueven)."""
    return patron.sub(lambda m: _DIGITO.sub("x", m.group()), texto)


def _sin_acentos(texto: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texto.lower()) if unicodedata.category(c) != "Mn")


def _cortes(texto: str) -> list[tuple[int, int]]:
    """(inicio, fin) de cada tramo: se corta en cada conjunción, gerundio o marca de medio."""
    protegidos = [m.span() for m in _PROTEGIDO.finditer(texto)]
    tramos, desde = [], 0
    for m in _CORTE.finditer(texto):
        if any(a <= m.start() < b for a, b in protegidos) or m.start() == 0:
            continue
        siguiente = _PRIMERA_PALABRA.match(texto[m.end():])
        if siguiente and siguiente.group().lower() in _NO_GERUNDIO:
            continue
        # «como» solo une dos metas en «tanto … como …» («como mínimo», «tal como» no).
        if m.group().strip().lower().startswith("como") and not _TANTO.search(texto[:m.start()]):
            continue
        tramos.append((desde, m.start()))
        desde = m.end()
    tramos.append((desde, len(texto)))
    return [t for t in tramos if texto[t[0]:t[1]].strip(" .,;")]


def _abre_oracion(texto: str) -> bool:
    """¿El tramo empieza una oración con su propio verbo de cambio o con «que»?"""
    return bool(_ABRE_ORACION.match(texto))


def _abre_tramo(tapado: str, inicio: int) -> bool:
    """¿Lo que empieza en ``inicio`` abre el tramo (tras un artículo o un «al menos»)?"""
    antes = _ARTICULO_O_CRITERIO.sub("", tapado[:inicio].strip())
    return not antes.strip()


_INICIO_DE_PALABRA = compilar(r"\b\w")


def _en_palabras(patron: re.Pattern, texto: str):
    """Lo mismo que ``patron.finditer(texto)`` para un patrón que solo puede empezar al comienzo
    de una palabra (``_FUERTES``: cada alternativa abre con ``\\b`` y una letra o un dígito).

    El motor de ``re`` prueba la alternancia entera en cada carácter; probarla solo donde empieza
    una palabra cuesta una fracción (RM302 era la regla más cara después de las de privacidad)."""
    desde = 0
    for palabra in _INICIO_DE_PALABRA.finditer(texto):
        if palabra.start() < desde:
            continue
        m = patron.match(texto, palabra.start())
        if m:
            yield m
            desde = m.end()


def _cifras(tapado: str, nueva: bool) -> list[tuple[int, int]]:
    """Las cifras meta de un tramo (``tapado``: sin lo que no es cifra meta): posiciones en él."""
    cifras = []
    for m in _en_palabras(_FUERTES, tapado):
        criterio = _ANTES_DE_CRITERIO.search(tapado[:m.start()]) or _DESPUES_DE_CRITERIO.match(tapado, m.end())
        if not criterio or nueva or _abre_tramo(tapado, m.start()):
            cifras.append(next((m.span(g) for g in _SOLO_NUMERO if m.group(g)), m.span()))
    for m in _DESTINO.finditer(tapado):
        if _abre_tramo(tapado, m.start()) or _CAMBIO_EN_PALABRA.search(tapado[:m.start()]):
            cifras.append(m.span())
    elidida = _ELIDIDA.match(tapado)
    if elidida:
        cifras.append(elidida.span())
    for m in _CRITERIO.finditer(tapado):
        if nueva or _abre_tramo(tapado, m.start()):
            cifras.append(m.span())
    return sorted(cifras)


# Los tiempos no nombran una medida: «a 50 % en diciembre y a 65 % en junio» es una sola meta.
_TIEMPO = compilar(rf"\b(?:{_ORDINAL}\s+|\d+\s*(?:er|o|°|º)\s+)?{_PERIODO}s?\b"
                     rf"(?:\s+de\s+(?:evaluaci[oó]n|{_MES}))?|\b{_MES}\b|\bciclo(?:\s+escolar)?\b"
                     rf"|\ba\s+m[aá]s\s+tardar\b|\b(?:al|el)\s+(?:t[eé]rmino|final|cierre)\b", _I)
_PALABRAS = compilar(r"\d+\s*[°ºª]|\d+(?:er|ero|ro|do|to|vo|mo|no|o)\b|[^\W\d_]+", re.UNICODE)


def _medida(texto: str, cifras: list[tuple[int, int]]) -> frozenset:
    """Las palabras que nombran la medida del tramo: sin cifras, tiempos, palabras vacías ni
    verbos de cambio. Los grados («3°») quedan: distinguen a quién se mide."""
    limpio = list(texto)
    quitar = list(cifras) + [m.span() for m in _TIEMPO.finditer(texto)] + \
        [m.span() for m in _NO_META.finditer(texto) if not _GRADO_O_ORDINAL.match(m.group())]
    for a, b in quitar:
        limpio[a:b] = " " * (b - a)
    palabras = set()
    for p in _PALABRAS.findall("".join(limpio)):
        p = _sin_acentos(_ESPACIOS.sub("", p))
        if p in _VACIAS or len(p) < 2 and not p[0].isdigit():
            continue
        if _CAMBIO_AL_INICIO.match(p) or _ES_GERUNDIO.fullmatch(p):
            continue
        palabras.add(p)
    return frozenset(palabras)


def tramos(texto: str, cortes: list[tuple[int, int]] | None = None) -> list[Tramo]:
    """Los tramos de la redacción de una meta, cada uno con sus cifras meta y su medida
    (``cortes``: los de ``_cortes(texto)``, si ya se tienen)."""
    tapado_total = _tapar(texto, _NO_META)
    resultado: list[Tramo] = []
    medio = False
    for i, (inicio, fin) in enumerate(_cortes(texto) if cortes is None else cortes):
        texto_tramo, tapado = texto[inicio:fin], tapado_total[inicio:fin]
        gerundio = _ES_GERUNDIO.fullmatch(texto_tramo.split()[0]) if texto_tramo.split() else None
        nueva = i == 0 or _abre_oracion(texto_tramo)
        if _MEDIO.match(texto_tramo) or (gerundio and not _CAMBIO_AL_INICIO.match(texto_tramo)):
            medio = True       # «mediante …», «realizando …»: de qué manera, hasta otra oración
        elif nueva and i > 0:
            medio = False
        tramo = Tramo(inicio, fin, texto_tramo.strip(" ,.;"))
        if not medio and _ALGUNA_CIFRA.search(tapado):
            tramo.cifras = _cifras(tapado, nueva)
        resultado.append(tramo)
    # La medida se busca solo si hace falta: con dos tramos con cifra a lo menos.
    if sum(1 for t in resultado if t.cifras) >= 2:
        for t in resultado:
            if t.cifras:
                t.medida = _medida(texto[t.inicio:t.fin], t.cifras)
    return resultado


# «de 46 % a 60 %», «del 7.2 al 8», «de 44 a 25»: el punto de partida y la meta, en la redacción.
# Sin tapar lo que no es cifra meta (``_tapar`` con ``_NO_META`` es lo caro de RM302): la misma
# expresión no toma años («de 2024 a 2026»), horas («de 7:45»), grados («de 1° a 3°», «del 1o»),
# edades y duraciones («de 8 a 10 años») ni días de un mes («de 5 a 10 de mayo»).
# Una coma con tres cifras después separa miles («1,044»); con una o dos, decimales («7,2»).
_CANTIDAD = r"(?!(?:19|20)\d\d\b)(\d{1,3}(?:,\d{3})+(?!\d)|\d+(?:[.,]\d{1,2})?)(?![\d°º:x])"
_NO_ES_GRADO = r"(?!(?:er|ero|ro|do|to|vo|o|a)\b)"  # pegado al número: «1o», «3a», «1er»
_DE_A = compilar(
    r"\b(?:de|del|desde)\s+(?:un\s+|el\s+)?" + _CANTIDAD + _NO_ES_GRADO + r"\s*(?:%|por\s*ciento)?"
    r"\s+(?:a|al|hasta(?:\s+el)?|a\s+un)\s+(?:un\s+|el\s+)?" + _CANTIDAD + _NO_ES_GRADO
    + rf"(?!\s*(?:años|meses|semanas|d[ií]as|horas|minutos|min\b|veces|palabras|grados?\b|sesiones"
    rf"|alumn|niñ|estudiantes|familias|de\s+{_MES}))(?:\s*(?:%|por\s*ciento))?", _I)
# La cifra meta de la redacción va al principio, con el verbo de cambio («Aumentar de 46 % a
# 60 % …», «Reducir el ausentismo de 11 a 4 …»): un «de 85 a 99 palabras» más adelante es otra cosa.
_INICIO_DE_META = compilar(rf"\s*(?:que\s+)?{_CAMBIO}\w*\s+(?:\S+\s+){{0,5}}?$", _I)


def partida_y_llegada(texto: str) -> tuple[str, str, str] | None:
    """(de, a, lo escrito) de la única cifra meta «de X a Y» de la redacción, o ``None`` (ninguna
    o varias). Los años, las fechas, las horas, los grados y las duraciones no cuentan
    (``_NO_META``)."""
    texto = texto or ""
    hallados = list(_DE_A.finditer(texto))
    if len(hallados) != 1 or not _INICIO_DE_META.match(texto[:hallados[0].start()]):
        return None
    m = hallados[0]
    return _numero(m.group(1)), _numero(m.group(2)), texto[m.start():m.end()]


def _numero(cifra: str) -> str:
    """«1,044» → «1044» (miles); «7,2» → «7.2» (decimales)."""
    if "," in cifra and len(cifra.rsplit(",", 1)[1]) == 3:
        return cifra.replace(",", "")
    return cifra.replace(",", ".")


def metas_dentro(texto: str) -> list[str]:
    """Los tramos de una redacción que son metas por sí mismos; dos o más: es una meta doble.

    >>> metas_dentro("Subir la asistencia de 90 % a 95 % y el promedio de 7.2 a 8")
    ['Subir la asistencia de 90 % a 95 %', 'el promedio de 7.2 a 8']
    >>> metas_dentro("Aumentar de 55 % a 75 % los alumnos que leen y escriben")
    []
    """
    texto = texto or ""
    cortes = _cortes(texto)
    # Dos metas piden dos tramos con una cifra (o un número escrito) cada uno; sin ellos ni se
    # buscan las cifras meta, que es lo caro (y lo común: casi toda meta es un solo tramo). Tapar
    # lo que no es cifra meta solo cambia dígitos: un tramo sin ninguno tampoco tiene cifra tapado.
    if sum(1 for inicio, fin in cortes if _ALGUNA_CIFRA.search(texto[inicio:fin])) < 2:
        return []
    con_cifra = [t for t in tramos(texto, cortes) if t.cifras]
    if len(con_cifra) < 2:
        return []
    if _RESPECTIVAMENTE.search(texto):
        return [t.texto for t in con_cifra]
    medidas: dict = {}
    for t in con_cifra:
        if t.medida and t.medida not in medidas:
            medidas[t.medida] = t.texto
    return list(medidas.values()) if len(medidas) >= 2 else []
