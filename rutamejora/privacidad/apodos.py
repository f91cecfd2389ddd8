"""Un campo de códigos de alumnos (``codigos:``, una lista de alumnos): ahí cada elemento que
no es un código es un apodo o un nombre que el catálogo no trae («la Flaca», «el Pelón de 6°»).
Lo usa ``nombres.buscar`` con ``codigos=True``."""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.catalogo import PALABRA
from rutamejora.privacidad.conjuntos import Datos
from rutamejora.privacidad.hallazgo import NOMBRE, Hallazgo

# Un elemento de la lista: lo que va entre comas, corchetes, llaves o saltos de línea.
_ITEM = compilar(r"[^\[\]{},;\n]+")
_ARTICULO = compilar(r"(?:el|la|los|las)[ \t]+")
# El grado y grupo al final de un elemento («el Pelón de 6°», «Chuy (5° B)», «la Flaca 2°A»): no
# lo vuelve un código; el apodo es lo de antes.
_GRADO_AL_FINAL = compilar(r"[ \t]*(?:\(|(?:de|del)[ \t]+)?[1-6][ \t]*[°º]?[ \t]*[A-Ha-h]?\)?[ \t]*$")
# Los paréntesis o comillas que quedan al partir por comas («(Fernanda, TDAH)»).
_ORILLAS = " \t\"'()"


def en_campo_de_codigos(d: Datos, texto: str, plano: str, hallados: list[Hallazgo]) -> list[Hallazgo]:
    """``hallados`` y cada elemento sin dígitos (fuera de su grado al final) que no es un
    «pendiente» ni un término de salud (lo halla ``salud``): un apodo o un nombre que el
    catálogo no trae. Un nombre hallado con su artículo delante es el elemento entero («la
    Güera», no «la [nombre]»)."""
    hallados = list(hallados)
    for m in _ITEM.finditer(texto):
        crudo = m.group()
        valor = crudo.strip(_ORILLAS)
        grado = _GRADO_AL_FINAL.search(valor)
        if grado is not None and grado.start() > 0:
            valor = valor[:grado.start()].rstrip(_ORILLAS)
        if not valor or any(c.isdigit() for c in valor):
            continue
        inicio = m.start() + crudo.index(valor)
        fin = inicio + len(valor)
        dentro = [h for h in hallados if h.inicio < fin and inicio < h.fin]
        if dentro and not (len(dentro) == 1 and dentro[0].clase == NOMBRE and dentro[0].fin == fin
                           and _ARTICULO.fullmatch(plano, inicio, dentro[0].inicio)):
            continue  # ya hallado; solo «la Güera» (un artículo y el nombre) se toma entero
        if _vacio(d, plano[inicio:fin]) or not any(c.isalpha() for c in valor):
            continue
        if not dentro and valor.isupper() and len(valor) <= 4:
            continue  # Iniciales o siglas: hacen de código.
        hallados = [h for h in hallados if h not in dentro] + [Hallazgo(NOMBRE, inicio, fin, valor)]
    return hallados


def _vacio(d: Datos, plano: str) -> bool:
    """Si el elemento dice que aún no hay códigos («pendiente», «Ninguno por ahora (se asignan
    en octubre)», «por asignar») o es un término de salud («TDAH»: lo dice ``salud``)."""
    palabras = PALABRA.findall(plano)
    if plano.strip() in d.vacios or any(" ".join(palabras[:k]) in d.vacios for k in (1, 2)):
        return True
    return len(palabras) <= 3 and d.salud.en(palabras, 0) == len(palabras)
