"""Si un nombre va en el título de una obra, en el nombre de un lugar o de un programa («el
libro de Juan Rulfo», «Escuela Benito Juárez», «beca Rita Cetina»): la palabra de obra o de lugar
va poco antes, en la misma oración, y nada en medio abre otra cosa. Lo usa ``nombres``."""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.catalogo import PALABRA as _PALABRA
from rutamejora.privacidad.catalogo import ultima
from rutamejora.privacidad.conjuntos import Datos

_RELLENO = frozenset({"de", "del", "la", "el", "los", "las", "y", "e"})
_FIN_DE_ORACION = compilar(r"([a-z]+)\.[.\s]|[;\n():]")
# Las palabras con mayúscula inicial seguidas, al principio de lo que va entre la palabra de
# obra y el nombre («beca| Benito Juárez |para Yatziri»).
_CORRIDA = compilar(r"\s*((?:(?:[A-ZÁÉÍÓÚÑ][\wáéíóúñü]*|de|del|la|las|los|y)\s+)+)([a-záéíóúñü\s]+)$")


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
    # Sin mayúsculas, más de dos palabras que no son artículos ni «de» entre la palabra de obra y
    # el nombre: ya es otra cosa («En la escuela se habló con Kevin»), no un título («del autor
    # oaxaqueño, Andrés…», «la escuela primaria Josefa…»).
    if sin_titulo and sum(p not in _RELLENO for p in palabras_entre) > 2:
        return False
    if not sin_titulo and _tras_titulo_y_conector(texto, plano, fin_de_obra, inicio):
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
    return m is not None and _PALABRA.findall(plano[m.start(2):m.end(2)])[:1] in (["a"], ["para"])
