"""Un número que alguien escribió como lo diría: con palabras («sesenta por ciento»), con coma
decimal («91,3») o con su unidad («30 alumnos», «50%»). ``convertir`` da el número que el campo
acepta («60», «91.3», «30», «50»), para que la pista diga exactamente qué escribir.

Solo arma la pista: el valor sigue siendo un error hasta que el usuario lo corrija (adivinar en
silencio un número mal escrito cambiaría lo que la Ruta dice).
"""

from __future__ import annotations

import re
import unicodedata

from rutamejora.nucleo.expresiones import compilar

_UNIDADES = {
    "cero": 0, "un": 1, "uno": 1, "una": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
    "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
    "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17,
    "dieciocho": 18, "diecinueve": 19, "veinte": 20, "veintiun": 21, "veintiuno": 21,
    "veintiuna": 21, "veintidos": 22, "veintitres": 23, "veinticuatro": 24, "veinticinco": 25,
    "veintiseis": 26, "veintisiete": 27, "veintiocho": 28, "veintinueve": 29, "treinta": 30,
    "cuarenta": 40, "cincuenta": 50, "sesenta": 60, "setenta": 70, "ochenta": 80, "noventa": 90,
}
_CIENTOS = {
    "cien": 100, "ciento": 100, "doscientos": 200, "doscientas": 200, "trescientos": 300,
    "trescientas": 300, "cuatrocientos": 400, "cuatrocientas": 400, "quinientos": 500,
    "quinientas": 500, "seiscientos": 600, "seiscientas": 600, "setecientos": 700,
    "setecientas": 700, "ochocientos": 800, "ochocientas": 800, "novecientos": 900,
    "novecientas": 900,
}
# Lo que puede seguir al número sin cambiarlo: «por ciento», «%», una unidad («alumnos»).
_COLA = compilar(r"^\s*(%|por\s*ciento|porciento|puntos?|pesos|[a-záéíóúñü°º. ]+)?\s*$",
                 re.IGNORECASE)
_CIFRA = compilar(r"^\s*([-+]?\d+(?:[.,]\d+)?)\s*(.*)$")


def _sin_acentos(texto: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", texto.lower())
                   if unicodedata.category(c) != "Mn")


def palabras_a_numero(texto: str) -> int | None:
    """«sesenta y cinco» → 65, «mil doscientos» → 1200; ``None`` si no son solo números."""
    total, actual, visto = 0, 0, False
    for palabra in _sin_acentos(texto).replace("-", " ").split():
        if palabra == "y" and visto:
            continue
        if palabra in _UNIDADES:
            actual += _UNIDADES[palabra]
        elif palabra in _CIENTOS:
            actual += _CIENTOS[palabra]
        elif palabra == "mil":
            total += (actual or 1) * 1000
            actual = 0
        else:
            return None
        visto = True
    return total + actual if visto else None


def convertir(texto: str, entero: bool = False) -> tuple[str, str] | None:
    """``(el número como lo acepta el campo, qué se cambió)`` o ``None`` si no se reconoce.

    «91,3» → ``("91.3", "coma")``; «1,250» → ``("1250", "miles")`` (también podría ser
    1.25: la pista dice las dos); «30 alumnos» → ``("30", "unidad")``; «50%» → ``("50",
    "unidad")``; «sesenta por ciento» → ``("60", "palabras")``. Con ``entero``, un decimal no
    se convierte (no hay un entero que decir)."""
    texto = texto.strip()
    m = _CIFRA.match(texto)
    if m:
        cifra, cola = m.group(1), m.group(2)
        if cola and not _COLA.match(cola):
            return None
        if "," in cifra:
            entera, decimales = cifra.split(",")
            if len(decimales) == 3 and not cola:
                # «1,250»: ¿mil doscientos cincuenta o uno coma veinticinco? Se dicen las dos.
                return f"{entera}{decimales}", "miles"
            cifra = f"{entera}.{decimales}"
            como = "coma"
        else:
            como = "unidad" if cola else ""
        if not como or (entero and "." in cifra):
            return None
        return cifra, como
    # Con palabras: lo que sigue a la última palabra de número es la unidad.
    palabras = texto.split()
    for corte in range(len(palabras), 0, -1):
        valor = palabras_a_numero(" ".join(palabras[:corte]))
        if valor is not None:
            cola = " ".join(palabras[corte:])
            if cola and not _COLA.match(cola):
                return None
            return str(valor), "palabras"
    return None
