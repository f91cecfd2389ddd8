"""Si un nombre va en el título de una obra, en el nombre de un lugar o de un programa («el
libro de Juan Rulfo», «Escuela Benito Juárez», «beca Rita Cetina»): la palabra de obra o de lugar
va poco antes, en la misma oración, y nada en medio abre otra cosa. Lo usa ``nombres``."""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.catalogo import PALABRA as _PALABRA
from rutamejora.privacidad.catalogo import PARTICULAS, palabras_en, ultima
from rutamejora.privacidad.conjuntos import Datos
from rutamejora.privacidad.desconocidos import es_personaje

# Palabras que arman una oración («se habló con…»), no el título de una obra o de un lugar.
_DE_ORACION = frozenset({"se", "le", "les", "lo", "con", "por", "sin", "hasta", "desde", "ya", "no"})
# Becas, premios y programas: lo que sigue con «de», «a» o «para» es de quien lo recibe.
_PREMIOS = frozenset({"beca", "becas", "premio", "premios", "programa", "apoyo", "reconocimiento"})


def _es_premio(plano: str, fin_de_obra: int) -> bool:
    """Si la palabra de obra que acaba en ``fin_de_obra`` es una beca, un premio o un programa."""
    ultima_palabra = _PALABRA.findall(plano, max(0, fin_de_obra - 16), fin_de_obra)[-1:]
    return bool(ultima_palabra) and ultima_palabra[0] in _PREMIOS
_FIN_DE_ORACION = compilar(r"([a-z]+)\.[.\s]|[;\n():]")
# Las palabras con mayúscula inicial seguidas, al principio de lo que va entre la palabra de
# obra y el nombre («beca| Benito Juárez |para Yatziri»).
_CORRIDA = compilar(r"\s*((?:(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*|\d{4},?|de|del|la|las|los|y)\s+)+)([a-záéíóúñü\s]+)$")


# Después de estas palabras, lo que sigue ya no es el título, el autor o el lugar de antes
# («la beca a Kevin Ramírez», «el premio a Valeria»: a quien se le da, no el nombre del premio).
_CONECTORES = frozenset({"a", "para", "porque", "que", "quien", "quienes", "donde", "cuando", "pues",
                         "aunque", "mientras", "pero"})
# Lugares de la escuela y de la comunidad: después de ellos, una coma cierra el lugar.
_LUGARES = frozenset({"biblioteca", "escuela", "museo", "salon", "aula", "patio", "plaza", "cancha",
                      "auditorio", "direccion", "cooperativa", "comedor", "explanada", "parque",
                      "comunidad", "colonia", "calle", "cam", "usaer", "centro", "clinica", "hospital",
                      "preescolar", "primaria", "secundaria", "telesecundaria", "kinder", "jardin"})


def en_contexto_de_obra(d: Datos, texto: str, plano: str, inicio: int, sin_caja: bool = False) -> bool:
    """Una palabra de obra o de lugar poco antes, en la misma oración, sin un alumno, un «para»
    ni una coma que cierre el lugar en medio."""
    fin_de_obra = ultima(d.obra, plano, inicio - 45, inicio)
    if fin_de_obra is None:
        return False
    entre = plano[fin_de_obra:inicio]
    palabras_entre = _PALABRA.findall(entre)
    if d.alumno.buscar(palabras_entre):
        return False
    # Sin mayúsculas entre la palabra de obra y el nombre (no es un título: «Escuela para
    # Padres», «Un regalo para Sofía de…»), un «para» o un «que» abren otra cosa («Diagnóstico
    # del CAM para Ian…»), y una coma después de un lugar lo cierra («En la biblioteca de la
    # escuela, Kevin…»; no después de «autor» o «libro»: «del autor oaxaqueño, Andrés…»).
    # En un texto sin caja (todo en mayúsculas) las mayúsculas no dicen que haya un título.
    sin_titulo = sin_caja or not any(c.isupper() for c in texto[fin_de_obra:inicio])
    if sin_titulo and not _CONECTORES.isdisjoint(palabras_entre):
        return False
    # Sin mayúsculas, una palabra que arma una oración entre la palabra de obra y el nombre: ya
    # es otra cosa («En la escuela se habló con Kevin»), no un título («del autor oaxaqueño,
    # Andrés…», «Jardín de niños federal unitario indígena Tomasa…»).
    if sin_titulo and not _DE_ORACION.isdisjoint(palabras_entre):
        return False
    # Tras una beca o un premio, «de», «a» o «para»: quien lo recibe («la beca de Yatziri»).
    if _es_premio(plano, fin_de_obra) and palabras_entre[:1] in (["de"], ["del"], ["a"], ["para"]):
        return False
    if not sin_titulo and _es_premio(plano, fin_de_obra) \
            and _tras_titulo_y_conector(texto, plano, fin_de_obra, inicio):
        return False
    if sin_titulo and "," in entre and _PALABRA.findall(plano[max(0, fin_de_obra - 20):fin_de_obra])[-1:] \
            and _PALABRA.findall(plano[max(0, fin_de_obra - 20):fin_de_obra])[-1] in _LUGARES:
        return False
    desde = fin_de_obra  # con la palabra de obra entera: «…la escuela. Kevin» cierra la oración
    while desde > 0 and plano[desde - 1].isalpha():
        desde -= 1
    for m in _FIN_DE_ORACION.finditer(plano, desde, inicio):
        if m.group(1) is None or m.group(1) not in d.abreviaturas:
            return False
    return True


def _tras_titulo_y_conector(texto: str, plano: str, fin_de_obra: int, inicio: int) -> bool:
    """«la beca Benito Juárez para Yatziri», «Beca Universal Rita Cetina a Kevin», «el Premio
    Estatal de Ciencias a Valeria»: tras el nombre del programa (con mayúsculas), lo que sigue en
    minúsculas empieza otra cosa con un conector."""
    m = _CORRIDA.match(texto, fin_de_obra, inicio)
    # El conector, justo después de las mayúsculas: «Un regalo para Sofía» es un título entero.
    return m is not None and _PALABRA.findall(plano[m.start(2):m.end(2)])[:1] in (
        ["a"], ["para"], ["de"], ["del"])


# La abreviatura de un estado tras un municipio, con su punto («Guadalupe, Zac.», «Guadalupe,
# N.L.»); sin él puede ser un apodo («Brayan, Zac y Kevin»). No las que también son palabras
# («Sin.», «Son.», «Ver.», «Col.»).
_ESTADO_ABREVIADO = compilar(r"\s*,\s*(?:ags|bcs|chis|chih|coah|dgo|edomex|gto|gro|hgo|jal|mich|nay"
                             r"|oax|pue|qro|qroo|slp|tab|tamps|tlax|yuc|zac|mex|mor|n\.\s?l|s\.\s?l\.\s?p"
                             r"|b\.\s?c\.\s?s|b\.\s?c)\.")
_ABREVIATURA_SOLA = frozenset({"ags", "bcs", "chis", "chih", "coah", "dgo", "gto", "gro", "hgo", "jal",
                               "mich", "nay", "oax", "pue", "qro", "slp", "tab", "tamps", "tlax",
                               "yuc", "zac", "mex", "mor"})
_COMA_ANTES = compilar(r",\s*$")


def lugar_con_estado(d: Datos, tramo, texto: str, plano: str) -> bool:
    """«Guadalupe, Zac.»: un municipio (una palabra: «Valeria Gómez, Gto.» sigue siendo una
    alumna con su estado) seguido de la abreviatura de su estado; o la abreviatura misma tras
    una coma («Morelia, Mich.»: «Mich» no es un diminutivo ahí)."""
    inicio, fin = tramo[0][0], tramo[-1][1]
    if len(tramo) == 1 and _ESTADO_ABREVIADO.match(plano, fin):
        return True
    return len(tramo) == 1 and tramo[0][2] in _ABREVIATURA_SOLA and texto[fin:fin + 1] == "." \
        and _COMA_ANTES.search(texto, max(0, inicio - 4), inicio) is not None


# Un negocio con nombre de persona, con mayúscula: «Papelería Don Chucho», «Bordados Doña Lupe».
# Solo así: «la tienda de don Pancho» o «En la tienda Kevin compró…» nombran a alguien.
_NEGOCIO_ANTES = compilar(r"(?:Papeler[ií]a|Tortiller[ií]a|Tienda|Abarrotes|Fonda|Panader[ií]a|Bordados"
                          r"|Farmacia|Ferreter[ií]a|Carnicer[ií]a|Miscel[aá]nea|Cremer[ií]a|Taquer[ií]a"
                          r"|Restaurante|Cocina Econ[oó]mica|Purificadora|Lavander[ií]a|Refaccionaria)"
                          r"[ \t]+(?:(?:Don|Doña|Los|Las|El|La)[ \t]+)?$")


def negocio_antes(texto: str, inicio: int) -> bool:
    return _NEGOCIO_ANTES.search(texto, max(0, inicio - 30), inicio) is not None


# Un número romano después (no una inicial con su punto: «Tamara V.», «Rosa L.»).
_REGIO = compilar(r"[ \t]+(?:[IVX]{2,}|[IVX])(?![\w.])")


def papa_o_rey(d: Datos, tramo, texto: str) -> bool:
    """«el Papa Gregorio XIII», «Alejandro VI», «Juan Pablo II»: un nombre de pila sin apellido
    y un número romano. Con apellido es un alumno («Kevin Pérez II», «Brayan López X»)."""
    return _REGIO.match(texto, tramo[-1][1]) is not None and not any(
        t[2] in d.apellidos and t[2] not in d.pila for t in tramo)


def nombre_de_lista(d: Datos, tramo) -> bool:
    """«Mercado López Ana Sofía», «Villa Ramírez Kevin»: el tramo empieza con una palabra de
    lugar que también es apellido, pero es el nombre completo de una lista (un nombre de pila y
    otro apellido), no «Villa de Álvarez» ni «Mercado Benito Juárez» (un personaje)."""
    resto = [t[2] for t in tramo[1:] if t[2] not in PARTICULAS]
    return any(p in d.pila for p in resto) and any(p in d.apellidos for p in resto) \
        and not es_personaje(d, frozenset(resto))


# Un nombre entre comillas, solo: «la carta de "Sofía Ramírez López"», «el dibujo de "Valentina"».
_ABRE_JUSTO_ANTES = compilar(r"[\"“«][ \t]*$")
_CIERRA_DESPUES = compilar(r"(?:[ \t]+[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+)*[ \t]*[\"”»]")
# Lo que solo tiene un alumno: tras ellas, «de» y un nombre de un personaje es su dueño («la tarea
# de "Santiago"»); tras las demás cosas de ``[de_alumno]``, lo que muestran («el dibujo de
# "Frida"», «la maqueta de "Emiliano"»).
_POSESIONES = frozenset({"tarea", "tareas", "cuaderno", "cuadernos", "libreta", "mochila", "boleta",
                         "expediente", "lonchera", "uniforme", "lugar", "participacion"})


def _cosa_de_alumno(d: Datos, antes: list[str], nombre: str) -> bool:
    """Si lo que va antes de «de "Nombre"» es una cosa de un alumno (``[de_alumno]``) y el
    nombre es su dueño: no «el examen de "Planea"», «el dibujo de "Frida"» (un personaje)."""
    if not antes or not d.de_alumno.en(antes, len(antes) - 1):
        return False
    return antes[-1] in _POSESIONES or nombre not in d.personajes


# Tras la comilla que cierra, una palabra con mayúscula: el apellido («"Benito" Juárez»).
_MAYUSCULA_TRAS_COMILLA = compilar(r"[ \t]*[\"”»][ \t]+[A-ZÁÉÍÓÚÑ]")


def persona_citada(d: Datos, texto: str, plano: str, tramo) -> bool:
    """«la carta de "Sofía Ramírez López"», «el video "Kevin Pérez Soto"», «el dibujo de
    "Valentina"»: lo que va entre las comillas es solo un nombre de pila con su apellido, o un
    nombre de pila que no es palabra común (no un título con más palabras, «"Juanito y su
    perro"», ni un personaje: eso ya lo vio ``nombres``), y las comillas no siguen a una
    palabra de obra o de lugar («Escuela Primaria "Aurelio Méndez Ruiz"», «la canción de
    "Rosita Alvírez"»: el nombre de la escuela, el de la obra) ni, si es un nombre solo, a una
    de ``[cita_no_persona]`` en las dos de antes («el papel de "José"», «el perrito "Max"»,
    «el huracán "Erick"», «la tienda "Lupita"»). Un nombre solo tras «de» cuenta solo tras una
    cosa de un alumno (``[de_alumno]``: «el dibujo de "Valentina"»; no «la exposición de
    "Oaxaca"», que no es un nombre de pila), y no si es de un personaje o lo sigue su apellido
    («el dibujo de "Frida"», «el dibujo de "Benito" Juárez»). Es el nombre de alguien, citado."""
    inicio, fin = tramo[0][0], tramo[-1][1]
    abre = _ABRE_JUSTO_ANTES.search(texto, max(0, inicio - 3), inicio)
    if abre is None or _CIERRA_DESPUES.match(texto, fin) is None:
        return False
    palabras = [t[2] for t in tramo if t[2] not in PARTICULAS]
    solo = len(palabras) == 1 and palabras[0] in d.pila and palabras[0] not in d.comunes
    if solo and _MAYUSCULA_TRAS_COMILLA.match(texto, fin):
        return False
    if not solo and not (any(p in d.pila for p in palabras) and any(p in d.apellidos for p in palabras)
                         and len(palabras) > 1):
        return False
    antes, lugares = palabras_en(plano, abre.start() - 40, abre.start())
    if antes and antes[-1] in ("de", "del"):
        antes, lugares = antes[:-1], lugares[:-1]
        if solo and not _cosa_de_alumno(d, antes, palabras[0]):
            return False
    if not antes:
        return False  # nada antes: ``entre_comillas`` no lo exime
    if solo and any(d.cita_no_persona.en([p], 0) for p in antes[-2:]):
        return False
    return ultima(d.obra, plano, lugares[0][0], lugares[-1][1]) != lugares[-1][1]
