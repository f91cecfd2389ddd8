"""Leer una cantidad de dinero como la escribe una escuela de México, o decir que no se entiende.

En México los miles van con coma y los centavos con punto (``$1,200.50``); también se ven los
miles con espacio o con punto y los centavos con coma (``$1 200``, ``$1.200,00``), y «mil» o
«millones» después de la cifra. Cada cifra se lee exacta (``Decimal``) o no se lee: un rango
(«$1,200 a $1,500»), un negativo, un precio por pieza («$50 c/u»), un porcentaje, otra moneda,
una cifra pegada a letras («1e400») o una escritura que puede ser dos números («$1.200»: ¿mil
doscientos o uno veinte?) no se adivinan. ``cantidades`` da las cifras del texto o ``None``.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import Decimal

from rutamejora.nucleo.expresiones import compilar

_ESPACIO = "[ \u00a0\u202f]"      # espacio, espacio duro y el espacio fino de Word
# Una cifra: dígitos con separadores de miles o de decimales en medio (se revisan después).
_CIFRA = compilar(rf"\d+(?:(?:[.,]|{_ESPACIO}(?=\d{{3}}(?!\d)))\d+)*")
_MULTIPLICADOR = compilar(r"\s*(mil\s+millones|millones|millon|mdp|mil)\b")
_FACTOR = {"mil": 1000, "millon": 10**6, "millones": 10**6, "mdp": 10**6, "mil millones": 10**9}

# Lo que hace que una cifra no sea el costo de la acción (el texto ya está sin acentos y en
# minúsculas): precio por pieza o por persona («30 libros a $50»), un tope, una cuenta o un porcentaje, otra moneda.
_NO_ES_TOTAL = compilar(
    r"c/u|\bcada un[oa]\b|\bpor (?:persona|alumn[oa]|nin[oa]|familia|grupo|docente|maestr[oa]|pieza"
    r"|hoja|copia|kit|paquete|sesion|dia|evento|unidad)\b|\bhasta\b|\bmaximo\b|\bminimo\b"
    r"|\bmas de\b|\bmenos de\b|\bentre\b|%|\busd\b|\bus\$|\bdolar|\beuro|€|\d\s*[x×*]\s*\$?\s*\d"
    r"|\d\s*[x×]\b|\b[x×]\s*\d|\ba\s*\$\s*\d|@")
# Entre dos cifras: un rango o una alternativa («$1,200 a $1,500», «1000-1500», «300 o 400»).
_ENTRE_DOS = compilar(r"^\s*(?:[-–—/]|a|al|o|ó|u)\s*\$?\s*$")


def _cifra(texto: str) -> Decimal | None:
    """Una cifra escrita con sus separadores, o ``None`` si no se sabe cuál número es."""
    texto = re.sub(_ESPACIO, " ", texto)
    grupos = re.split(r"[., ]", texto)
    separadores = re.findall(r"[., ]", texto)
    if not separadores:
        return Decimal(texto)
    decimal = centavos_con = None
    ultimo = separadores[-1]
    # El último separador es de centavos si va una sola vez, es coma o punto, y le siguen uno o
    # dos dígitos («12,50», «1.200,00», «850.5»): los miles siempre son de tres.
    if ultimo in ".," and separadores.count(ultimo) == 1 and len(grupos[-1]) in (1, 2):
        decimal, centavos_con = grupos.pop(), separadores.pop()
    if separadores:
        miles = set(separadores)
        if len(miles) > 1 or centavos_con in miles:
            return None
        if not (1 <= len(grupos[0]) <= 3 and all(len(g) == 3 for g in grupos[1:])):
            return None
        # «1.200» sin centavos: en México el punto es de decimales; un solo punto con tres
        # cifras detrás puede ser mil doscientos o uno punto dos.
        if miles == {"."} and len(separadores) == 1 and decimal is None:
            return None
    entero = "".join(grupos)
    return Decimal(f"{entero}.{decimal}" if decimal is not None else entero)


def _pegada(texto: str, inicio: int, fin: int) -> bool:
    """La cifra va pegada a letras o a otra cifra («1e400», «A3», «3ra», «.50»)."""
    antes = texto[inicio - 1] if inicio else " "
    despues = texto[fin] if fin < len(texto) else " "
    return antes.isalnum() or antes in ".," or despues.isalnum() or despues == "_"


def _plano(texto: str) -> str:
    """Sin acentos y en minúsculas, con sus signos ($, %, -, comas): aquí importan."""
    texto = unicodedata.normalize("NFD", texto)
    return "".join(c for c in texto if unicodedata.category(c) != "Mn").lower()


def cantidades(texto: str) -> list[tuple[bool, Decimal]] | None:
    """Cada cifra de ``texto`` con si lleva «$» (o «MXN», «M.N.»), o ``None`` si alguna no se
    entiende o el texto no dice un costo total (rango, negativo, por pieza, porcentaje…)."""
    plano = _plano(texto)
    if _NO_ES_TOTAL.search(plano):
        return None
    halladas: list[tuple[bool, Decimal]] = []
    fin_anterior = None
    for m in _CIFRA.finditer(plano):
        inicio, fin = m.span()
        antes = plano[:inicio]
        con_signo = bool(re.search(r"\$\s*-?\s*$|(?:mxn|m\.?n\.?)\s*$", antes))
        if re.search(r"(?:^|[^\w])[-−–]\$?\s*$|\$\s*[-−–]\s*$", antes):
            return None                               # «-500», «$-500», «-$500»: un negativo
        if fin_anterior is not None and _ENTRE_DOS.match(plano[fin_anterior:inicio]):
            return None                               # un rango o dos opciones: ¿cuál?
        if _pegada(plano, inicio, fin):
            if con_signo or not re.search(r"\$", plano):
                return None
            continue                                  # «3ra reunión $200»: no es dinero
        valor = _cifra(m.group(0))
        if valor is None:
            return None
        resto = plano[fin:]
        multiplicador = _MULTIPLICADOR.match(resto)
        if multiplicador:
            valor *= _FACTOR[" ".join(multiplicador.group(1).split())]
            fin += multiplicador.end()
            con_signo = True                          # «3.5 millones» dice que es dinero
            if re.match(r"\s*\d", plano[fin:]):
                return None                           # «3 mil 500»: ¿3500 o 3000 y 500?
        if re.match(r"\s*(?:pesos\s+)?(?:mxn|m\.?n\.?)", plano[fin:]):
            con_signo = True
        halladas.append((con_signo, valor))
        fin_anterior = fin
    return halladas
