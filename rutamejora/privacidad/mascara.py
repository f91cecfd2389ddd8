"""Enmascarar: cada dato personal se vuelve un marcador que dice qué era, nunca el dato.

Una sola forma de marcador, entre corchetes: la clase del dato y, para un nombre en la
terminal, el JSON y GitHub, sus iniciales («[nombre: J. P. L.]») para que quien escribió la
Ruta encuentre cuál es. CURP, RFC, teléfono, correo y salud muestran solo su clase («[CURP]»,
«[teléfono]», «[salud]»). En un informe (``destino="informe"``) ni siquiera las iniciales:
«[nombre]». El resto del texto queda igual.
"""

from __future__ import annotations


from rutamejora.privacidad.hallazgo import NOMBRE, NOMBRES_DE_CLASE, Hallazgo
from rutamejora.nucleo.expresiones import compilar

TERMINAL = "terminal"
JSON = "json"
GITHUB = "github"
INFORME = "informe"
DESTINOS = (TERMINAL, JSON, GITHUB, INFORME)

_PALABRA = compilar(r"[^\W\d_]+")
# Ni partículas ni artículos dejan inicial: «María de la Luz Gómez» → «M. L. G.».
_SIN_INICIAL = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "i"})


def iniciales(nombre: str) -> str:
    """«Pérez López, Juan» → «P. L. J.»."""
    return " ".join(f"{p[0].upper()}." for p in _PALABRA.findall(nombre)
                    if p.lower() not in _SIN_INICIAL)


def marcador(hallazgo: Hallazgo, destino: str = TERMINAL) -> str:
    """El texto que reemplaza al dato en ``destino``."""
    clase = NOMBRES_DE_CLASE.get(hallazgo.clase, hallazgo.clase)
    if hallazgo.clase == NOMBRE and destino != INFORME:
        letras = iniciales(hallazgo.texto)
        if letras:
            return f"[{clase}: {letras}]"
    return f"[{clase}]"


def enmascarar(texto: str, hallazgos, destino: str = TERMINAL) -> str:
    """``texto`` con cada hallazgo cambiado por su marcador. Los hallazgos que se enciman se
    unen en uno (el que empieza antes da la clase)."""
    if destino not in DESTINOS:
        raise ValueError(f"destino desconocido: {destino!r} (uno de {', '.join(DESTINOS)})")
    unidos: list[Hallazgo] = []
    for h in sorted(hallazgos, key=lambda h: (h.inicio, -h.fin)):
        if unidos and h.inicio < unidos[-1].fin:
            previo = unidos[-1]
            if h.fin > previo.fin:
                unidos[-1] = Hallazgo(previo.clase, previo.inicio, h.fin,
                                      texto[previo.inicio:h.fin], previo.gravedad)
            continue
        unidos.append(h)
    partes, posicion = [], 0
    for h in unidos:
        partes.append(texto[posicion:h.inicio])
        partes.append(marcador(h, destino))
        posicion = h.fin
    partes.append(texto[posicion:])
    return "".join(partes)
