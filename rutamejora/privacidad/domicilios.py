"""Domicilios de personas: una calle (avenida, privada, andador, carretera…) con su número.

Las actas, las fichas y los diagnósticos apuntan la casa de una familia al registrar una visita o
un cambio («Se visitó a la familia en su domicilio de calle Aldama 214, col. Centro», «Ficha del
alumno: Priv. de los Pinos 12, int. 3»). Es un dato de contacto, como un teléfono: **error** si
lo que está pegado al domicilio dice que es la casa de alguien («vive en …», «su domicilio es
…», «visita domiciliaria en …», «…, donde vive el alumno», una etiqueta con dueño: ver
``_de_quien``), **aviso** si no dice de quién es (se enmascara igual). No cuenta la dirección de
la escuela, de un negocio (una tienda, un proveedor en una factura) o de un lugar público
nombrado en la misma oración, una calle sin número («la calle principal», «Calle 14 Sur»), una
vía que es palabra de todos los días sin nombre propio («el retorno de 5 alumnos»), ni
«domicilio conocido». Medido con frases de ayudantes que no vieron el código: docs/privacidad.md.

Todo sobre el texto plegado (minúsculas, sin acentos, mismo largo que el original).
"""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.nucleo.problemas import AVISO, ERROR
from rutamejora.privacidad.catalogo import PALABRA as _PALABRA
from rutamejora.privacidad.hallazgo import DOMICILIO, Hallazgo

# Las palabras sin las que no se busca nada (una búsqueda en conjuntos, en C): un tipo de vía.
VIAS = frozenset({"calle", "c", "av", "avenida", "calz", "calzada", "blvd", "boulevard", "bulevar",
                  "privada", "priv", "andador", "and", "callejon", "cjon", "cerrada", "cda",
                  "prolongacion", "prol", "circuito", "cto", "retorno", "ret", "carretera", "carr",
                  "camino", "paseo", "mz", "mza", "manzana"})
# Y las que anuncian un domicilio sin tipo de vía («vive en Aldama 214»).
DISPARADORES = VIAS | frozenset({"vive", "viven", "vivia", "vivian", "reside", "residen", "domicilio",
                                 "direccion", "casa", "lote", "lt"})

# La escuela, un lugar público o un negocio (una tienda, un proveedor en una factura): una calle
# con su número junto a uno de ellos es su dirección, no la casa de nadie.
_PUBLICO = compilar(
    r"(?<![a-z])(?:escuela|esc\.|plantel|primaria|prim\.|secundaria|sec\.|telesecundaria"
    r"|telebachillerato|jardin de ninos|preescolar|kinder|colegio|institucion|supervision"
    r"|zona escolar|cct|cam|usaer|dif|centro de salud|clinica|hospital|imss|issste|umf|cruz roja"
    r"|farmacia|consultorio|iglesia|parroquia|templo|mercado|tianguis|auditorio|presidencia"
    r"|ayuntamiento|junta auxiliar|biblioteca|casa de la cultura|casa hogar|cancha|campo de futbol"
    r"|plaza|zocalo|parque|comisaria|oficina|desfile|unidad deportiva|deportiva|salon|ejidal"
    r"|estacionamiento|punto de reunion|esquina|direccion escolar|edificio|obras publicas|transito"
    r"|sede|rastro|cine|fonda|restaurante"
    r"|papeleria|ferreteria|tlapaleria|herreria|abarrotes|tienda|miscelanea|panaderia|tortilleria"
    r"|refaccionaria|materiales|negocio|comercio|local|oxxo|proveedor|factura|fiscal"
    r"|sa de cv|s\.a\.|empresa|distribuidora|libreria|muebleria|imprenta|bodega|almacen|sucursal"
    r"|museo|planta|fabrica|registro civil|jefatura|corde|usae|capasits|conafe|inea"
    r"|seguridad publica|proteccion civil|policia|bomberos|fiscalia|juzgado|universidad|normal"
    r"|instituto|preparatoria|bachillerato|conalep|cbtis|cecyt|c\.c\.t\.|oficinas"
    r"|centro comunitario|centro cultural|teatro|estadio|panteon|obras|repavimentacion|bache"
    r"|baches)(?![a-z])")
# Lo que dice que el domicilio que sigue es la casa de alguien, **pegado** a él («vive en …», «su
# domicilio es …», «su casa está en …», «visita domiciliaria en …», «se mudaron a …»): una
# palabra de hogar en otra parte de la oración («cada familia trae herramienta de su casa») no
# dice de quién es la calle.
_HOGAR_ANTES = compilar(
    r"(?<![a-z])(?:(?P<vive>viv(?:e|en|ia|ian|imos)|resid(?:e|en)|radica(?:n)?|habita(?:n)?)"
    r"(?:\s+(?:cerca|atras|detras|frente|junto|enfrente|a un lado|al lado)\s+(?:de|del|a|al)\s+"
    r"[a-z ]{1,25},)?"
    r"|(?P<mudo>se mud(?:o|aron|an)|se fuer?o?n? a vivir(?: con [a-z ]{1,30}?)?)"
    r"|(?P<con>con (?:domicilio|direccion))"
    r"|sus? domicilios?|domicilio (?:particular|actual|del? (?:alumn|famil|nin|mama|papa|tutor"
    r"|abuel)[a-z]*|de la (?:alumn|famil|nin|mama|madre|tutor|abuel)[a-z]*)(?:\s+de\s+\d\S*"
    r"(?:\s+[a-z](?![a-z]))?)?|sus? casas?"
    r"|casa de (?:la|el|los|las|sus?|mi) (?:alumn|famil|mama|papa|madre|padre|abuel|tutor|ti[oa]"
    r"|herman|nin)[a-z]*|visitas? domiciliarias?|su direccion|direccion particular"
    r"|rentan? un cuarto|cuarto rentado)"
    r"(?:\s+(?:esta|es|queda|quedan|estan|son|ubicad[oa]s?|actual))?(?:\s+(?:en|a|de|con))?"
    r"(?:\s+(?:la|el|los|las))?\s*[:,]?\s*$")
_DOMICILIO_SOLO = compilar(r"(?<![a-z])(?<!con )(?:domicilio|direccion)(?:\s+(?:en|es))?\s*:?\s*$")
# Lo mismo, justo después: «…, donde vive el alumno», «… (ahí viven)».
_HOGAR_DESPUES = compilar(r"\s*[,(]?\s*(?:donde|ahi|alli|en donde)\s+(?:vive|viven|habita|reside)")
# Una persona cuya casa puede ser: un alumno, su familia, alguien de ella.
_PERSONA = compilar(r"(?<![a-z])(?:alumn[oa]s?|estudiantes?|nin[oa]s?|hij[oa]s?|famil(?:ia|ias|iar)"
                    r"|mama|papa|madre|padre|tutora?|abuel[oa]s?|abuelit[oa]|ti[oa]s?|herman[oa]s?"
                    r"|menor(?:es)?|espos[oa]s?)(?![a-z])")
# Una etiqueta con dueño justo antes: «Dirección de la madre para el DIF: …», «Ficha del alumno:
# …», «Domicilio de la familia: …».
_ETIQUETA = compilar(r"(?<![a-z])(?:direccion|domicilio|ficha|expediente|datos)(?:\s+(?:particular"
                     r"|actual))?\s+(?:del?|de la|de los|de las)\s+[^:\n]{0,50}:\s*$")

# El tipo de vía (con su abreviatura) con que empieza un domicilio, con su ordinal si lo lleva
# («1a. Av. Sur Poniente», «2a Calle Oriente»).
_VIA = (r"(?:\d{1,2}(?:a|o|er)\.?\s+)?"
        r"(?:calle|c\.(?!\s*(?:presidente|presidenta|director|directora|secretari|regidor|sindic|diputad"
        r"|gobernador|supervisor|jefe|jefa|juez|agente|delegad|comisari|profesor|maestr|lic|ing|dr))"
        r"|av\.?|avenida|calz\.?|calzada|blvd\.?|boulevard|bulevar|privada|priv\.?"
        r"|andador|and\.|callejon|cjon\.?|cerrada|cda\.?|prolongacion|prol\.?|circuito|circ\.?"
        r"|cto\.?|retorno|ret\.|(?:carretera|carr\.?|camino(?: real)?)(?:\s+a(?![a-z]))?|paseo)")
# Una palabra del nombre de la calle: no una que corta la frase («y», «con», «para»…) ni la
# que anuncia el número («No.», «#»).
_CORTE = (r"(?:y|e|con|en|para|que|se|por|al|a|pero|porque|donde|desde|hasta|frente|entre|cerca"
          r"|junto|su|sus|mientras|cuando|como|ya|km|no|esquina|esq)(?![a-z0-9.])|sin(?!\s+nombre)"
          r"|no\.|num\.|numero(?![a-z])|n[°º]|#|esq\.")
_PALABRA_DE_CALLE = r"(?!" + _CORTE + r")[a-z0-9][a-z0-9.'°-]*"
# Un número seguido de un mes es el nombre de la calle («16 de Septiembre»), no el de la casa; y
# uno seguido de «:» y cifras, una hora («de 7:45 a 8:15»).
_MES = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
        r"|noviembre|diciembre)")
_RUMBO = r"(?:sur|norte|oriente|poniente|ote|pte|nte)(?![a-z])"
# El número de la casa: «214», «#45», «No. 310», «núm. 7», «45-B», «s/n», «km 3.5».
# Tras el número, una unidad dice que es una cantidad («5 alumnos», «3 veces», «50 %»).
_UNIDAD = (r"\s*(?:%|por ciento|veces|vez|dias|semanas|meses|anos|horas|hrs|minutos|min\b|sesiones"
           r"|faltas|evidencias|asistencias|retardos|tareas|cuartos|recamaras|habitaciones|pisos"
           r"|de\s+\d"
           r"|alumn|nin[oa]s|familias|personas|grupos|topes|metros|mts|kilometros|cuadras|pesos"
           r"|litros|kilos|cajas|piezas|libros|hojas)")
_CIFRAS = (r"\d{1,5}(?!\d|:\d|\s+de\s+" + _MES + r"|\s+al?\s+\d|-\d{4}|" + _UNIDAD + r")(?:(?:\s?-\s?|\s(?![aeouxy](?![a-z0-9]))|)[a-z]"
           r"(?![a-z0-9]))?")
_EN_LETRA = (r"(?:uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|trece|catorce"
             r"|quince|dieciseis|diecisiete|dieciocho|diecinueve|veinte)(?![a-z])")
_NUMERO = (r"(?:(?:(?:#|no\.?|num\.?|numero|n°|nº|n\.)\s*)?(?:" + _CIFRAS + r"|s/n|sin numero)"
           r"|(?:numero|num\.?|no\.)\s+" + _EN_LETRA + r"|km\.?\s*\d+(?:\.\d+)?"
           r"|(?:lt|lote)\.?\s*\d+\s*,?\s*(?:mz|mza|manzana)\.?\s*\d+)")
# Justo después del tipo de vía, un número con rumbo es el nombre de la calle («Calle 14 Sur»).
_NUMERO_PRIMERO = r"(?!\d{1,5}\s+" + _RUMBO + r")" + _NUMERO
# Lo que puede seguir al número: interior, rumbo, cruces («x 65 y 67», «entre … y …», «esquina
# con …»), colonia (o barrio, fraccionamiento, ranchería…), manzana y lote, código postal.
_TIPO_DE_COLONIA = (r"(?:colonia|col\.?|barrio|bo\.|fraccionamiento|fracc?\.?|unidad habitacional"
                    r"|u\.\s?h\.|infonavit|residencial|ampliacion|amp\.|ejido|localidad|loc\.?"
                    r"|rancheria|rancho|zona)")
_EXTRA = (r"(?:\s*,?\s*(?:interior|int\.?|departamento|depto\.?|dpto\.?|edificio|edif\.?)\s*"
          r"[a-z0-9-]+"
          r"|-\d{1,4}|\s+(?:bis|" + _RUMBO + r")\.?"
          r"|\s*,?\s*(?:entre|x|por)\s+" + _PALABRA_DE_CALLE + r"(?:\s+" + _PALABRA_DE_CALLE
          + r"){0,2}\s+y\s+" + _PALABRA_DE_CALLE + r"(?:\s+" + _PALABRA_DE_CALLE + r"){0,2}"
          r"|\s*,?\s*(?:esquina|esq\.?)\s+(?:con\s+)?" + _PALABRA_DE_CALLE + r"(?:\s+"
          + _PALABRA_DE_CALLE + r"){0,2}"
          r"|\s*,?\s*" + _TIPO_DE_COLONIA + r"\s+" + _PALABRA_DE_CALLE + r"(?:\s+(?:y\s+)?"
          + _PALABRA_DE_CALLE + r"){0,5}"
          r"|(?:\s*,\s*[a-z][a-z.]*(?:\s+[a-z][a-z.]*){0,2}){0,2}\s*,?\s*c\.?\s?p\.?\s*\d{5}"
          r"|\s*,?\s*(?:mz|mza|manzana)\.?\s*\d+|\s*,?\s*(?:lt|lote)\.?\s*\d+)")
# Entre el nombre de la calle y el número, espacios; una coma solo si sigue «número», «No.» o «#»
# («Calle Reforma, número 120»; no «Calle Hidalgo, 12 de la tarde»).
_ANTES_DEL_NUMERO = r"(?:\s+|\s*,\s*(?=#|no\.|num|n[°º]|\d))"
_DOMICILIO = compilar(
    r"(?<![a-z0-9])(?:(?P<via>" + _VIA + r")\s+(?:(?:" + _PALABRA_DE_CALLE + r"\s+){0,5}"
    + _PALABRA_DE_CALLE + _ANTES_DEL_NUMERO + _NUMERO + r"|" + _NUMERO_PRIMERO + r")"
    r"|(?:mz|mza|manzana)\.?\s*\d+\s*,?\s*(?:lt|lote)\.?\s*\d+"
    r"|(?:lt|lote)\.?\s*\d+\s*,?\s*(?:mz|mza|manzana)\.?\s*\d+)" + _EXTRA + r"{0,5}(?![a-z0-9])")
# Sin tipo de vía, solo tras un ancla pegada o una etiqueta con dueño: «vive en Aldama 214,
# Centro», «Dirección de la mamá: Aldama 214», «vive en la Unidad Habitacional Infonavit, edificio
# 4, depto. 302».
_SIN_VIA = compilar(
    r"(?<![a-z])(?:viv(?:e|en|ia|ian)\s+en|resid(?:e|en)\s+en|sus? domicilio\s+(?:es|en)|su casa"
    r"\s+(?:(?:esta\s+)?en|de)|con domicilio en|(?:direccion|domicilio)\s+(?:del?|de la|de los)\s+(?:alumn"
    r"|famil|nin|mama|madre|papa|padre|tutor|abuel)[^:\n]{0,40}:)\s+(?:(?:la|el)\s+)?(?P<dom>(?:(?:"
    + _PALABRA_DE_CALLE + r"\s+){0,3}" + _PALABRA_DE_CALLE + _ANTES_DEL_NUMERO + _NUMERO + r"|"
    + _TIPO_DE_COLONIA + r"\s+(?:" + _PALABRA_DE_CALLE + r"\s*){1,4}(?=,?\s*(?:edificio|edif|depto"
    r"|dpto|departamento|interior|int|mz|mza|manzana|lt|lote)\b))" + _EXTRA + r"{0,5})(?![a-z0-9])")
# Cuánto se mira antes y después de la calle, dentro de la misma oración.
_ALCANCE = 60
# Dónde puede acabar una oración: «;», «!», «?», un salto de línea, o un punto y un espacio, si
# el punto no es de una abreviatura («Esc.», «No.», «Col.», «C.P.») y, en un texto con caja, lo
# que sigue empieza con mayúscula o cifra.
_CORTE_DE_ORACION = compilar(r"[;!?\n]|\.(?=\s)")
_ABREVIATURAS = frozenset({"esc", "prim", "sec", "tec", "no", "num", "col", "fracc", "secc", "depto",
                           "dpto", "int", "edif", "calz", "blvd", "priv", "prol", "circ", "carr",
                           "cda", "cjon", "cto", "ret", "and", "av", "c", "p", "mz", "mza", "lt",
                           "prof", "profa", "profr", "profra", "mtra", "mtro", "lic", "ing", "dr",
                           "dra", "sr", "sra", "srta", "ma", "ote", "pte", "nte", "bo", "amp", "loc",
                           "km", "gral", "edo", "mpio", "s", "n", "sa", "cv", "hdz", "glez", "mtz"})
_PALABRA_FINAL = compilar(r"([a-z]+)\.$")
_CIFRA = compilar(r"\d")
# Vías que también son palabras de todos los días («el retorno», «un circuito», «el camino»): en un
# texto con caja solo cuentan con el nombre de la calle con mayúscula («Retorno Cedros #4»).
_AMBIGUA = compilar(r"(?:\d{1,2}(?:a|o|er)\.?\s+)?(?:retorno|ret\.|circuito|circ\.?|cto\.?|camino"
                    r"(?: real)?(?:\s+a)?|paseo|prolongacion|prol\.?|carretera(?:\s+a)?|carr\.?(?:\s+a)?"
                    r"|c\.)")
# «av.» y «c.» seguidas de una cifra y nada más: un avance o una abreviatura.
_ABREVIADA = compilar(r"(?:av\.?|c\.)")
_SOLO_CIFRA = compilar(r"\s*(?:#|no\.\s*)?\d{1,5}[a-z]?(?:\s+de\s+\d{1,5})?")
_PARTICULAS = frozenset({"de", "del", "la", "las", "los", "el"})


def posible(plano: str) -> bool:
    """Si ``plano`` tiene con qué escribir un número de casa (quien llama ya vio un tipo de vía o
    «vive», «domicilio», «dirección»)."""
    return _CIFRA.search(plano) is not None or "s/n" in plano or "numero" in plano


def buscar(texto: str, plano: str) -> list[Hallazgo]:
    """Los domicilios de ``texto`` (``plano``: el texto plegado): error si lo que está pegado a
    él dice que es la casa de alguien, aviso si es solo una calle con su número."""
    sin_caja = _caja_no_cuenta(texto)
    hallados: list[Hallazgo] = []
    tramos = [(m.start(), m.end(), m.start("via") if m.group("via") else -1, m.end("via"))
              for m in _DOMICILIO.finditer(plano)]
    tramos += [(m.start("dom"), m.end("dom"), -1, -1) for m in _SIN_VIA.finditer(plano)
               if not any(a < m.end("dom") and m.start("dom") < b for a, b, _, _ in tramos)]
    for inicio, fin, via, fin_via in tramos:
        while fin > inicio and plano[fin - 1] in " ,.":
            fin -= 1  # el punto que cierra la oración no es del domicilio (el de «col.» sí)
        de_alguien = _de_quien(texto, plano, inicio, fin, sin_caja)
        if de_alguien is None:
            continue
        if via >= 0 and not (sin_caja or de_alguien) and _AMBIGUA.fullmatch(plano, via, fin_via) \
                and not _nombre_propio(texto, plano, fin_via):
            continue  # «el retorno de 5 alumnos», «el circuito de lectura 3»: no es una calle
        if via >= 0 and _ABREVIADA.fullmatch(plano, via, fin_via) \
                and _SOLO_CIFRA.fullmatch(plano, fin_via, fin):
            continue  # «av. 3 de 10», «c. 3 faltas»: un avance, no una avenida
        hallados.append(Hallazgo(DOMICILIO, inicio, fin, texto[inicio:fin],
                                 ERROR if de_alguien else AVISO))
    return hallados


def _caja_no_cuenta(texto: str) -> bool:
    """Si la caja no dice nada en ``texto``: todo en mayúsculas, sin ninguna, o empieza en
    minúscula (quien no pone mayúscula al empezar tampoco se la pone a una calle). Más amplio
    que ``nombres._sin_caja`` a propósito: aquí solo decide si se pide mayúscula al nombre de
    la calle y si «la Alumna» con mayúscula cuenta como persona; allí, un «sí» vuelve nombre
    cualquier palabra del catálogo."""
    primera = next((c for c in texto if c.isalpha()), "")
    return texto.isupper() or primera.islower() or not any(c.isupper() for c in texto)


def _nombre_propio(texto: str, plano: str, desde: int) -> bool:
    """Si lo que sigue al tipo de vía (sin «de», «la»…) empieza con mayúscula o cifra: en un
    texto con caja, el nombre de una calle se escribe así («Calle Aldama», «Av. 4 Poniente»)."""
    for m in _PALABRA.finditer(plano, desde, desde + 40):
        if m.group() in _PARTICULAS:
            continue
        return texto[m.start()].isupper() or texto[m.start()].isdigit()
    return False


def _oracion(texto: str, plano: str, inicio: int, fin: int, sin_caja: bool) -> tuple[int, int]:
    """(desde, hasta): lo que se mira antes y después del domicilio, dentro de su oración."""
    desde, hasta = max(0, inicio - _ALCANCE), min(len(plano), fin + _ALCANCE)
    for corte in _CORTE_DE_ORACION.finditer(plano, desde, inicio):
        if _cierra(texto, plano, corte.start(), sin_caja):
            desde = corte.end()
    for corte in _CORTE_DE_ORACION.finditer(plano, fin, hasta):
        if _cierra(texto, plano, corte.start(), sin_caja):
            return desde, corte.start()
    return desde, hasta


def _cierra(texto: str, plano: str, i: int, sin_caja: bool) -> bool:
    """Si el signo en ``i`` cierra la oración (ver ``_CORTE_DE_ORACION``)."""
    if plano[i] != ".":
        return True
    palabra = _PALABRA_FINAL.search(plano, max(0, i - 15), i + 1)
    if palabra is not None and (len(palabra.group(1)) <= 2 or palabra.group(1) in _ABREVIATURAS):
        return False
    siguiente = texto[i + 1:i + 3].lstrip()[:1]
    return sin_caja or not siguiente or siguiente.isupper() or siguiente.isdigit()


def _de_quien(texto: str, plano: str, inicio: int, fin: int, sin_caja: bool) -> bool | None:
    """``True`` si lo pegado al domicilio dice que es la casa de alguien: un ancla justo antes
    («vive en …», «su domicilio es …», «visita domiciliaria en …») o justo después («…, donde
    vive el alumno»), o una etiqueta con dueño («Dirección de la madre para el DIF: …»). Un ancla
    posesiva («su domicilio», «su casa», «con domicilio») después de la escuela o de un lugar
    público es de ese lugar («La escuela tiene su domicilio en …»), salvo que entre ellos se nombre
    a una persona. ``None`` si no hay ancla y la oración nombra la escuela, un lugar público o un
    negocio; ``False`` si no dice de quién es (un aviso)."""
    desde, hasta = _oracion(texto, plano, inicio, fin, sin_caja)
    publico = None
    for publico in _PUBLICO.finditer(plano, desde, inicio):
        pass
    tras = publico.end() if publico else desde
    etiqueta = _ETIQUETA.search(plano, max(desde, inicio - 70), inicio)
    if etiqueta is not None:
        lugar = _PUBLICO.search(plano, etiqueta.start(), etiqueta.end())
        if _persona(texto, plano, etiqueta.start(), lugar.start() if lugar else etiqueta.end(),
                    sin_caja):
            return True
    ancla = _HOGAR_ANTES.search(plano, max(desde, inicio - 90), inicio)
    if ancla is not None and _ancla_de_alguien(texto, plano, ancla, desde, tras, publico, sin_caja):
        return True
    if _HOGAR_DESPUES.match(plano, fin) and _persona(texto, plano, fin, hasta, sin_caja):
        return True
    # «alumno de 6° A, domicilio Circuito …»: «domicilio» o «dirección» a secas, justo antes, es
    # de la persona nombrada antes en la oración; sin ella, «Domicilio: …» es el campo de una
    # ficha (de alguien) y «Dirección: Av. Juárez 300» en un recibo, la del negocio.
    solo = _DOMICILIO_SOLO.search(plano, max(tras, inicio - 25), inicio)
    if solo is not None and (_persona(texto, plano, tras, solo.start(), sin_caja)
                             or (solo.group().startswith("domicilio") and publico is None
                                 and not _PUBLICO.search(plano, fin, hasta))):
        return True
    if publico is not None:
        return None
    # Un lugar público después gana, salvo que antes se nombre a una persona (un aviso).
    if _PUBLICO.search(plano, fin, hasta) and not _persona(texto, plano, desde, inicio, sin_caja):
        return None
    return False


def _ancla_de_alguien(texto, plano, ancla, desde, tras, publico, sin_caja) -> bool:
    """Si el ancla pegada al domicilio lo vuelve la casa de alguien. «vive en», siempre; «se
    mudó a», si antes se nombra a una persona («el comedor comunitario se mudó a …» no); «con
    domicilio en», si lo dice de la persona nombrada justo antes, sin un nombre propio en medio
    («canalizó al alumno a CIJ, con domicilio en …» es el de CIJ); las demás («su casa», «su
    domicilio», «visita domiciliaria»), si no hay un lugar público antes o se nombra a una persona
    después de él («La escuela tiene su domicilio en …» es de la escuela)."""
    if ancla.group("vive"):
        return True
    if ancla.group("mudo"):  # «Se mudaron a …» al empezar: alguien; «El comedor se mudó a …», no
        return _persona(texto, plano, desde, ancla.start(), sin_caja) \
            or not plano[desde:ancla.start()].strip()
    if ancla.group("con"):
        ultima = None
        for ultima in _PERSONA.finditer(plano, desde, ancla.start()):
            pass
        if ultima is None:
            return False
        # Entre la persona y el ancla, su nombre («al alumno Jesús, con domicilio…») o su grupo
        # («del alumno de 6° A, con…»), no otro nombre propio («al alumno a CIJ, con…»).
        palabras = texto[ultima.end():ancla.start()].replace(",", " ").split()
        while palabras and palabras[0][:1].isupper():
            palabras.pop(0)
        return sin_caja or not any(p[:1].isupper() and len(p.strip(".")) > 1 for p in palabras)
    return publico is None or _persona(texto, plano, tras, ancla.start(), sin_caja)


def _persona(texto: str, plano: str, desde: int, hasta: int, sin_caja: bool) -> bool:
    """Si entre ``desde`` y ``hasta`` se nombra a una persona (el alumno, la mamá…), no como
    parte de un nombre propio («Papelería El Estudiante», «Mueblería Hermanos Ortiz»: con
    mayúscula en un texto con caja, salvo al empezar la oración)."""
    return any(sin_caja or not texto[m.start()].isupper() or _empieza_oracion(plano, m.start())
               for m in _PERSONA.finditer(plano, desde, hasta))


def _empieza_oracion(plano: str, indice: int) -> bool:
    antes = plano[max(0, indice - 4):indice].rstrip()
    return not antes or antes[-1] in ".:;!?¿¡"
