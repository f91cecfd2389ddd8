"""¿Es un comprobante lo que dice ``comprobante:``? Un folio, no una forma de decir que falta.

En las bitácoras reales, un gasto sin factura no siempre deja el campo vacío: se escribe
«pendiente», «Sin comprobante», «N/A», «-», «por entregar» o «no hay factura». Contar eso como
comprobante haría que la rendición de cuentas dijera a las familias «Todos los gastos tienen su
comprobante» sin ser cierto. Lo usan RM408, el seguimiento y la rendición.

Criterio: un texto con una cifra se toma por comprobante (un folio, «Ticket 0412», «F-001
pendiente de firma»: hay algo que buscar), salvo puros ceros («0»). Sin cifras, no lo es si
está vacío de letras («-», «?», «…»), si es un sí o un no («sí», «ok», ``true``, ``false``:
no dice cuál), una de las palabras de relleno de ``_RELLENO`` o una frase que dice que falta
(``_FALTA``: «sin factura», «no hay…», «por entregar…», «Factura pendiente»). Cualquier otra
descripción («Nota de remisión de la papelería») cuenta: dice qué papel buscar.
"""

from __future__ import annotations

import re

from rutamejora.catalogos import normalizar

# Palabras que, solas, dicen que no hay comprobante (ya normalizadas: minúsculas, sin acentos).
_RELLENO = frozenset({
    "na", "n a", "n d", "nd", "no aplica", "ninguno", "ninguna", "nada", "none", "null", "nulo",
    "vacio", "x", "xx", "xxx", "s c", "sc", "s f", "sf", "tbd", "falta", "faltante", "tramite",
})
# Frases que dicen que falta, al principio («sin factura», «no hay», «pendiente de entrega»,
# «por entregar») o al final («factura pendiente», «recibo por entregar», «nota no entregada»).
_FALTA = re.compile(
    r"^(?:sin|no|falta|faltan|pendiente|pendientes|por (?:entregar|recibir|solicitar|llegar"
    r"|definir|tramitar)|en espera|en tramite|aun no|todavia no)\b"
    r"|\b(?:pendiente|pendientes|por (?:entregar|recibir|solicitar|llegar|tramitar)|en tramite"
    r"|faltante|no entregad[oa]s?|no hay)$")


# Un sí (también en inglés, como lo escribe YAML) no dice cuál comprobante es; un no dice que falta.
_SI = frozenset({"si", "ok", "yes", "true", "on"})
_NO = frozenset({"no", "false", "off", "nan"})


def es_comprobante(texto: object) -> bool:
    """Si ``texto`` (el valor de ``comprobante:``) nombra un comprobante y no su falta."""
    return por_que_no_es(texto) is None


def por_que_no_es(texto: object) -> str | None:
    """Por qué ``texto`` no es un comprobante («dice que falta», «no dice cuál es»), o ``None``
    si lo es."""
    texto = "" if texto is None else str(texto).strip()
    alfanumerico = "".join(c for c in texto if c.isalnum())
    if not alfanumerico:
        return "dice que falta" if texto else "está vacío"  # «-», «?», «…»: solo signos
    if set(alfanumerico) == {"0"}:
        return "no dice cuál es"  # «0», «00»: un cero no es un folio
    if any(c.isdigit() for c in texto):
        return None  # un folio o un número de ticket: hay algo que buscar
    plano = " ".join(re.findall(r"[a-z]+", normalizar(texto)))
    if plano in _SI:
        return "no dice cuál es"
    if plano in _NO or plano in _RELLENO or _FALTA.search(plano) is not None:
        return "dice que falta"
    return None


__all__ = ["es_comprobante", "por_que_no_es"]
