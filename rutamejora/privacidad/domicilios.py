"""Domicilios de personas: una calle (avenida, privada, andador, carretera…) con su número.

Las actas, las fichas y los diagnósticos apuntan la casa de una familia al registrar una visita o
un cambio («Se visitó a la familia en su domicilio de calle Aldama 214, col. Centro», «ficha del
alumno: Priv. de los Pinos 12, int. 3»). Es un dato de contacto, como un teléfono: **error** si
la oración dice que es la casa de alguien (una palabra de hogar, «vive», «su domicilio», «visita
domiciliaria»…, o una persona nombrada antes: «la familia», «el alumno»), **aviso** si no dice de
quién es. No cuenta la dirección de la escuela, de un negocio (una tienda, un proveedor en una
factura) o de un lugar público nombrado en la misma oración, una calle sin número («la calle
principal», «Calle 14 Sur»), ni «domicilio conocido».

Todo sobre el texto plegado (minúsculas, sin acentos, mismo largo que el original).
"""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.nucleo.problemas import AVISO, ERROR
from rutamejora.privacidad.hallazgo import DOMICILIO, Hallazgo

# Las palabras sin las que no se busca nada (una búsqueda en conjuntos, en C): un tipo de vía.
VIAS = frozenset({"calle", "c", "av", "avenida", "calz", "calzada", "blvd", "boulevard", "bulevar",
                  "privada", "priv", "andador", "and", "callejon", "cjon", "cerrada", "cda",
                  "prolongacion", "prol", "circuito", "cto", "retorno", "ret", "carretera", "carr",
                  "camino", "paseo", "mz", "mza", "manzana"})

# La escuela, un lugar público o un negocio (una tienda, un proveedor en una factura): una calle
# con su número junto a uno de ellos es su dirección, no la casa de nadie.
_PUBLICO = compilar(
    r"(?<![a-z])(?:escuela|esc\.|plantel|primaria|prim\.|secundaria|sec\.|telesecundaria"
    r"|telebachillerato|jardin de ninos|preescolar|institucion|supervision|zona escolar|cct|cam"
    r"|usaer|dif|centro de salud|clinica|hospital|imss|issste|umf|cruz roja|farmacia|consultorio"
    r"|iglesia|parroquia|templo|mercado|tianguis|auditorio|presidencia|ayuntamiento|biblioteca"
    r"|casa de la cultura|cancha|plaza|parque|comisaria|oficina|desfile|unidad deportiva"
    r"|deportiva|salon|ejidal|estacionamiento|punto de reunion|esquina|direccion escolar"
    r"|edificio|obras publicas|transito|ubicacion|sede"
    r"|papeleria|ferreteria|tlapaleria|abarrotes|tienda|miscelanea|panaderia|tortilleria|farmacia"
    r"|refaccionaria|materiales|negocio|comercio|local|oxxo|proveedor|factura|comprobante|fiscal"
    r"|sa de cv|s\.a\.|empresa|distribuidora|libreria|muebleria|imprenta|bodega|almacen|sucursal"
    r"|recibo|ticket|museo|planta|fabrica|registro civil|jefatura|corde|usae|capasits|sep|conafe"
    r"|inea|cfe|sat|ine|seguridad publica|proteccion civil|policia|bomberos|fiscalia|juzgado"
    r"|universidad|normal|instituto|preparatoria|bachillerato|conalep|cbtis|cecyt|c\.c\.t\."
    r"|oficinas|centro comunitario|centro cultural|teatro|estadio|panteon"
    r"|obras|repavimentacion|bache|baches)(?![a-z])")
# Lo que dice que el lugar es la casa de alguien: gana a un lugar público nombrado antes y hace
# del domicilio un error (sin ello, una calle con su número es un aviso).
_HOGAR = compilar(
    r"(?<![a-z])(?:viv(?:e|en|ia|ian|imos)|su domicilio|domicilio (?:particular|del?|de la|de los)"
    r"(?! (?:la )?(?:escuela|plantel|proveedor|empresa))|domiciliari[ao]s?|su casa|sus casas"
    r"|casa de (?:la|el|los|sus?|mi) (?:alumn|famil|mama|papa|abuel|tutor|ti[oa]|herman|nin)"
    r"|resid(?:e|en)|radica(?:n)?|se mud(?:o|aron|an)|se cambi(?:o|aron) a|hogar|recogen?)(?![a-z])")

# El tipo de vía (con su abreviatura) con que empieza un domicilio, con su ordinal si lo lleva
# («1a. Av. Sur Poniente», «2a Calle Oriente»).
_VIA = (r"(?:\d{1,2}(?:a|o|er)\.?\s+)?"
        r"(?:calle|c\.|av\.?|avenida|calz\.?|calzada|blvd\.?|boulevard|bulevar|privada|priv\.?"
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
_CIFRAS = (r"\d{1,5}(?![\d:]|\s+de\s+" + _MES + r"|\s+al?\s+\d)(?:(?:\s?-\s?|\s(?![aeouxy](?![a-z0-9]))|)[a-z]"
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
          r"|\s*,?\s*c\.?\s?p\.?\s*\d{5}"
          r"|\s*,?\s*(?:mz|mza|manzana)\.?\s*\d+|\s*,?\s*(?:lt|lote)\.?\s*\d+)")
_DOMICILIO = compilar(
    r"(?<![a-z0-9])(?:" + _VIA + r"\s+(?:(?:" + _PALABRA_DE_CALLE + r"\s+){1,6}" + _NUMERO
    + r"|" + _NUMERO_PRIMERO + r")|(?:mz|mza|manzana)\.?\s*\d+\s*,?\s*(?:lt|lote)\.?\s*\d+)"
    + _EXTRA + r"{0,5}(?![a-z0-9])")
_CIFRA = compilar(r"\d")
# Una persona cuya casa puede ser: un alumno, su familia, alguien de ella.
_PERSONA = compilar(r"(?<![a-z])(?:alumn[oa]s?|estudiantes?|nin[oa]s?|hij[oa]s?|famil(?:ia|ias|iar)"
                    r"|mama|papa|madre|padre|tutora?|abuel[oa]s?|abuelit[oa]|ti[oa]s?|herman[oa]s?"
                    r"|menor(?:es)?|espos[oa]s?)(?![a-z])")
# Cuánto se mira antes y después de la calle, dentro de la misma oración.
_ALCANCE = 60
# Un punto cierra la oración tras una palabra de cinco letras o más que no es abreviatura («Esc.»,
# «No.», «Fracc.» no la cierran); «;», «!» y «?», siempre.
_FIN_DE_ORACION = compilar(r"(?<![a-z])(?!(?:fracc|secc|depto|calz|blvd|priv|prol|circ|carr|prof"
                           r"|profa|profr|profra|mtra|mtro|prim|ampl)\.)[a-z]{5,}\.(?:\s|$)"
                           r"|[;!?](?:\s|$)")
# Una etiqueta que dice de quién es lo que sigue: «Dirección de la madre: …», «Domicilio del
# alumno: …», «Domicilio: …».
_ETIQUETA = compilar(r"(?<![a-z])(?:direccion|domicilio)(?:\s+(?:particular|actual))?"
                     r"(?:\s+(?:del?|de la|de los|de las)\s+[a-z]+)?[^:]{0,40}:\s*$")


def posible(plano: str) -> bool:
    """Si ``plano`` tiene con qué escribir un número de casa (quien llama ya vio un tipo de vía)."""
    return _CIFRA.search(plano) is not None or "s/n" in plano or "numero" in plano


def buscar(texto: str, plano: str) -> list[Hallazgo]:
    """Los domicilios de ``texto`` (``plano``: el texto plegado): error si algo dice que es la
    casa de alguien, aviso si es solo una calle con su número."""
    hallados = []
    for m in _DOMICILIO.finditer(plano):
        fin = m.end()
        while fin > m.start() and plano[fin - 1] in " ,.":
            fin -= 1  # el punto que cierra la oración no es del domicilio (el de «col.» sí)
        de_alguien = _de_quien(texto, plano, m.start(), fin)
        if de_alguien is None:
            continue
        hallados.append(Hallazgo(DOMICILIO, m.start(), fin, texto[m.start():fin],
                                 ERROR if de_alguien else AVISO))
    return hallados


def _de_quien(texto: str, plano: str, inicio: int, fin: int) -> bool | None:
    """``None`` si la calle es de la escuela, de un lugar público o de un negocio; ``True`` si la
    oración dice que es la casa de alguien; ``False`` si no dice de quién es.

    Un lugar público poco antes cuenta salvo que después de él se diga que es una casa o se
    nombre a una persona («el DIF atiende al alumno, con domicilio en…»); uno poco después, salvo
    que la oración diga que es una casa («…, frente a la escuela: ahí vive»). Una etiqueta con
    dueño («Dirección de la madre para el DIF: …», «Domicilio: …») decide sola."""
    desde = max(0, inicio - _ALCANCE)
    for corte in _FIN_DE_ORACION.finditer(plano, desde, inicio):
        desde = corte.end()
    fin_oracion = _FIN_DE_ORACION.search(plano, fin, fin + _ALCANCE)
    hasta = fin_oracion.start() if fin_oracion else min(len(plano), fin + _ALCANCE)
    etiqueta = _ETIQUETA.search(plano, desde, inicio)
    if etiqueta is not None:
        publico = _PUBLICO.search(plano, etiqueta.start(), etiqueta.end())
        duenio = _persona(texto, plano, etiqueta.start(), publico.start() if publico else etiqueta.end())
        if duenio or (publico is None and etiqueta.group().startswith("domicilio")):
            return True
    publico = None
    for publico in _PUBLICO.finditer(plano, desde, inicio):
        pass
    despues_del_publico = publico.end() if publico else desde
    # La casa de alguien: lo dice una palabra de hogar, o una persona (el alumno, la familia…)
    # nombrada después del lugar público, si lo hay («ficha del alumno: Calle …»).
    hogar_antes = (_HOGAR.search(plano, despues_del_publico, inicio) is not None
                   or _persona(texto, plano, despues_del_publico, inicio))
    if publico is not None and not hogar_antes:
        return None
    hogar_despues = _HOGAR.search(plano, fin, hasta) is not None
    if not hogar_antes and not hogar_despues and _PUBLICO.search(plano, fin, hasta):
        return None
    return hogar_antes or hogar_despues


def _persona(texto: str, plano: str, desde: int, hasta: int) -> bool:
    """Si entre ``desde`` y ``hasta`` se nombra a una persona (el alumno, la mamá…), no como
    parte de un nombre propio («Papelería El Estudiante», «Mueblería Hermanos Ortiz»: con
    mayúscula en un texto que no va todo en mayúsculas)."""
    gritado = not any(c.islower() for c in texto)
    return any(gritado or not texto[m.start()].isupper() or _empieza_oracion(plano, m.start())
               for m in _PERSONA.finditer(plano, desde, hasta))


def _empieza_oracion(plano: str, indice: int) -> bool:
    antes = plano[:indice].rstrip()
    return not antes or antes[-1] in ".:;!?¿¡"
