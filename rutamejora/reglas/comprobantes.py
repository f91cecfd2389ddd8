"""¿Es un comprobante lo que dice ``comprobante:``? Un folio, no una forma de decir que falta.

En las bitácoras reales, un gasto sin factura no siempre deja el campo vacío: se escribe
«pendiente», «Sin comprobante», «N/A», «-», «por entregar» o «no hay factura». Contar eso como
comprobante haría que la rendición de cuentas dijera a las familias «Todos los gastos tienen su
comprobante» sin ser cierto. Lo usan RM408, el seguimiento y la rendición.

Criterio: un texto con una cifra se toma por comprobante (un folio, «Ticket 0412», «F-001
pendiente de firma»: hay algo que buscar). Sin cifras, no lo es si está vacío de letras («-»,
«?», «…»), si es una de las palabras de relleno de ``_RELLENO`` o si empieza por una frase que
dice que falta (``_FALTA``: «sin factura», «no hay…», «por entregar…», «pendiente…»). Cualquier
otra descripción («Nota de remisión de la papelería») cuenta: dice qué papel buscar.
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


def es_comprobante(texto: object) -> bool:
    """Si ``texto`` (el valor de ``comprobante:``) nombra un comprobante y no su falta."""
    if texto is None:
        return False
    texto = str(texto).strip()
    if not texto:
        return False
    if any(c.isdigit() for c in texto):
        return True  # un folio o un número de ticket: hay algo que buscar
    plano = " ".join(re.findall(r"[a-z]+", normalizar(texto)))
    if not plano:
        return False  # «-», «?», «…»: solo signos
    return plano not in _RELLENO and _FALTA.search(plano) is None


__all__ = ["es_comprobante"]
