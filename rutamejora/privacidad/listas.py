"""Nombres en listas: la inicial con el apellido de una lista de resultados («J. Villanueva 22»)
y una palabra común entre dos nombres de una enumeración («Sofía, Abril, Leonardo»). Lo usa
``nombres``."""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.cargos import tras_cargo
from rutamejora.privacidad.catalogo import plegar
from rutamejora.privacidad.conjuntos import Datos

# Lo que va entre dos nombres de una enumeración: una coma, una «y» o las dos.
COORDINADOS = compilar(r"\s*(?:,\s*)?(?:\b[ye]\b)?\s*")

# La inicial de un nombre justo antes de un apellido: «J. Villanueva», «M. Serrano».
_INICIAL_ANTES = compilar(r"(?<![\wáéíóúñÁÉÍÓÚÑ.])([A-ZÁÉÍÓÚÑ])\.[ \t]?$")


def inicial_antes(d: Datos, texto: str, plano: str, tramo) -> int | None:
    """Dónde empieza el nombre si el tramo son apellidos con mayúscula y lleva delante la inicial
    del nombre, como en las listas de resultados («J. Villanueva 22; M. Serrano 41»), o
    ``None``. No «C. Hidalgo 23» (la calle), un personaje con ese nombre de pila («B. Juárez»,
    «L. Cárdenas»), alguien con su cargo delante («Mtra. L. Hernández», «Profr. J. Martínez») ni
    un autor («M. Fernández (2010)», «como señala M. Fernández»)."""
    m = _INICIAL_ANTES.search(texto, max(0, tramo[0][0] - 4), tramo[0][0])
    if m is None or m.group(1) == "C" or not all(t[3] == 1 and t[2] in d.apellidos for t in tramo):
        return None
    palabras, inicial = {t[2] for t in tramo}, plegar(m.group(1))
    if any(palabras <= personaje and any(p[0] == inicial for p in personaje - palabras)
           for personaje in d.personajes.get(tramo[0][2], ())):
        return None
    if tras_cargo(d, plano, m.start(1)) or _ANO_DESPUES.match(texto, tramo[-1][1]) \
            or not _DE_AUTOR.isdisjoint(plano[max(0, m.start(1) - 30):m.start(1)].split()):
        return None
    return m.start(1)


# Un año después del nombre: una cita («M. Fernández (2010)», «(M. Casanova, 2012)»).
_ANO_DESPUES = compilar(r"[ \t]*[(,][ \t]*\d{4}")
# Lo que antes de la inicial dice que es un autor.
_DE_AUTOR = frozenset({"senala", "plantea", "propone", "sostiene", "segun", "autor", "autora",
                       "autor:", "autora:", "afirma", "escribe", "libro", "texto", "lectura", "obra",
                       "articulo", "cita"})


def entre_nombres(d: Datos, plano: str, tramos, contados: set, n: int) -> bool:
    """Si el tramo ``n`` es una palabra común con mayúscula entre dos nombres de una enumeración
    («Sofía, Abril, Leonardo», «Kevin, Paz y Lalo»): también es un nombre."""
    tramo = tramos[n]
    return len(tramo) == 1 and tramo[0][3] == 1 and tramo[0][2] in d.comunes \
        and n - 1 in contados and n + 1 in contados \
        and COORDINADOS.fullmatch(plano, tramos[n - 1][-1][1], tramo[0][0]) is not None \
        and COORDINADOS.fullmatch(plano, tramo[-1][1], tramos[n + 1][0][0]) is not None
