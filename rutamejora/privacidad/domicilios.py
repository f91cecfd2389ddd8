"""Domicilios de personas: una calle (avenida, privada, andador…) con su número donde el texto
dice que alguien vive ahí.

Las actas y los diagnósticos apuntan la casa de una familia al registrar una visita o un cambio
(«Se visitó a la familia en su domicilio de calle Aldama 214, col. Centro», «Domicilio: Priv.
de los Pinos 12, int. 3»). Es un dato de contacto, como un teléfono. No cuenta sin un ancla de
hogar antes («vive», «domicilio», «casa», «Dirección:», «se mudaron»…), ni la dirección de la
escuela o de un lugar público («La escuela está en Av. Reforma 120», «la Dirección escolar»), ni
una calle sin número («la calle principal»), ni «domicilio conocido».

Todo sobre el texto plegado (minúsculas, sin acentos, mismo largo que el original).
"""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.hallazgo import DOMICILIO, Hallazgo

# Las palabras sin las que no se busca nada (una búsqueda en conjuntos, en C): un tipo de vía.
VIAS = frozenset({"calle", "c", "av", "avenida", "calz", "calzada", "blvd", "boulevard", "bulevar",
                  "privada", "priv", "andador", "and", "callejon", "cjon", "cerrada", "cda",
                  "prolongacion", "prol", "circuito", "cto", "retorno", "ret", "carretera", "carr",
                  "camino", "paseo", "mz", "mza", "manzana"})

# Lo que, poco antes de la calle, dice que el lugar es de la escuela o público.
_PUBLICO = compilar(
    r"(?<![a-z])(?:escuela|plantel|primaria|secundaria|jardin de ninos|preescolar|institucion"
    r"|supervision|zona escolar|cct|dif|centro de salud|clinica|hospital|iglesia|parroquia|templo"
    r"|mercado|auditorio|presidencia|ayuntamiento|biblioteca|casa de la cultura|cancha|plaza"
    r"|parque|comisaria|oficina|desfile|unidad deportiva|deportiva|salon|ejidal|estacionamiento"
    r"|punto de reunion|esquina|direccion escolar|edificio)(?![a-z])")

# El tipo de vía (con su abreviatura) con que empieza un domicilio.
_VIA = (r"(?:calle|c\.|av\.?|avenida|calz\.?|calzada|blvd\.?|boulevard|bulevar|privada|priv\.?"
        r"|andador|and\.|callejon|cjon\.?|cerrada|cda\.?|prolongacion|prol\.?|circuito|cto\.?"
        r"|retorno|ret\.|(?:carretera|carr\.?|camino)(?:\s+a(?![a-z]))?|paseo)")
# Una palabra del nombre de la calle: no una que corta la frase («y», «con», «para»…) ni la
# que anuncia el número («No.», «#»).
_CORTE = (r"(?:y|e|con|en|para|que|se|por|al|a|pero|porque|donde|desde|hasta|frente|entre|cerca"
          r"|junto|su|sus|sin|mientras|cuando|como|ya|km|no)(?![a-z0-9.])"
          r"|no\.|num\.|numero(?![a-z])|n[°º]|#")
_PALABRA_DE_CALLE = r"(?!" + _CORTE + r")[a-z0-9][a-z0-9.'°-]*"
# Un número seguido de un mes es el nombre de la calle («16 de Septiembre»), no el de la casa.
_MES = (r"(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|setiembre|octubre"
        r"|noviembre|diciembre)")
# El número de la casa (el último a la vista: «Calle 5 de Mayo No. 310», «3 Sur 1102»): «214», «#45», «No. 310», «núm. 7», «45-B», «s/n», «km 3».
_NUMERO = (r"(?:(?:(?:#|no\.?|num\.?|numero|n°|nº|n\.)\s*)?(?:\d{1,5}(?!\d|\s+de\s+" + _MES + r")(?:(?:\s?-\s?|\s(?![aeouxy](?![a-z0-9]))|)[a-z](?![a-z0-9]))?"
           r"|s/n|sin numero)|km\.?\s*\d+(?:\.\d+)?)")
# Lo que puede seguir al número: interior, colonia (o barrio, fraccionamiento…), manzana y lote,
# código postal.
_EXTRA = (r"(?:\s*,?\s*(?:int\.?|interior|depto\.?|dpto\.?|departamento|edif\.?|edificio)\s*"
          r"[a-z0-9-]+"
          r"|-\d{1,4}|\s+(?:bis|ote\.?|oriente|pte\.?|poniente|nte\.?|norte|sur)(?![a-z])"
          r"|\s*,?\s*(?:entre|x)\s+" + _PALABRA_DE_CALLE + r"(?:\s+" + _PALABRA_DE_CALLE
          + r"){0,2}\s+y\s+" + _PALABRA_DE_CALLE + r"(?:\s+" + _PALABRA_DE_CALLE + r"){0,2}"
          r"|\s*,?\s*(?:col\.?|colonia|barrio|bo\.|fracc?\.?|fraccionamiento|unidad habitacional"
          r"|u\.\s?h\.|infonavit|residencial|ampliacion|amp\.|ejido|loc\.?|localidad)\s+"
          + _PALABRA_DE_CALLE + r"(?:\s+(?:y\s+)?" + _PALABRA_DE_CALLE + r"){0,3}"
          r"|\s*,?\s*c\.?\s?p\.?\s*\d{5}"
          r"|\s*,?\s*(?:mz|mza|manzana)\.?\s*\d+|\s*,?\s*(?:lt|lote)\.?\s*\d+)")
_DOMICILIO = compilar(
    r"(?<![a-z0-9])(?:" + _VIA + r"\s+(?:" + _PALABRA_DE_CALLE + r"\s+){0,6}" + _NUMERO
    + r"|(?:mz|mza|manzana)\.?\s*\d+\s*,?\s*(?:lt|lote)\.?\s*\d+)"
    + _EXTRA + r"{0,4}(?![a-z0-9])")
_CIFRA = compilar(r"\d")
# Lo que dice que el lugar es la casa de alguien: gana a un lugar público nombrado antes.
_HOGAR = compilar(r"(?<![a-z])(?:viv(?:e|en|ia|ian)|domicilio|su casa|casa de (?:la|el|los|sus?)"
                  r" (?:alumn|famil|mama|papa|abuel|tutor|ti[oa])|reside|radica)")
# Hasta dónde se busca antes de la calle un lugar público («la escuela está en …»).
_ALCANCE = 60


def posible(plano: str) -> bool:
    """Si ``plano`` tiene con qué escribir un número de casa (quien llama ya vio un ancla)."""
    return _CIFRA.search(plano) is not None or "s/n" in plano or "sin numero" in plano


def buscar(texto: str, plano: str) -> list[Hallazgo]:
    """Los domicilios de ``texto`` (``plano``: el texto plegado)."""
    hallados = []
    for m in _DOMICILIO.finditer(plano):
        if _publico(plano, m.start()):
            continue
        fin = m.end()
        while fin > m.start() and plano[fin - 1] in " ,.":
            fin -= 1  # el punto que cierra la oración no es del domicilio (el de «col.» sí)
        hallados.append(Hallazgo(DOMICILIO, m.start(), fin, texto[m.start():fin]))
    return hallados


def _publico(plano: str, inicio: int) -> bool:
    """Si poco antes de ``inicio`` (en la misma oración) se nombra la escuela o un lugar público
    y, después de él, nada dice que es la casa de alguien («el DIF … con domicilio en …»)."""
    desde = max(0, inicio - _ALCANCE, plano.rfind(". ", 0, inicio) + 1)
    publico = None
    for publico in _PUBLICO.finditer(plano, desde, inicio):
        pass
    return publico is not None and _HOGAR.search(plano, publico.end(), inicio) is None
