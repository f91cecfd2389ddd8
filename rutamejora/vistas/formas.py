"""Cómo se escriben para personas las fechas, las cantidades y los ids.

Las vistas de la terminal, los informes y los mensajes de ``escritura`` escriben igual una fecha
(«26 sep 2025»), unos pesos («$12,345.60») o un porcentaje («46 %»); y ordenan igual los ids
(A2 antes que A10), sin depender del idioma del sistema.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre")
DIAS = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")


def fecha_larga(dia: date | None) -> str:
    """«26 de septiembre de 2025», sin depender del idioma del sistema."""
    return f"{dia.day} de {MESES[dia.month - 1]} de {dia.year}" if dia else ""


def fecha_corta(dia: date | None) -> str:
    """«26 sep 2025»."""
    return f"{dia.day} {MESES[dia.month - 1][:3]} {dia.year}" if dia else ""


def pesos(cantidad: Decimal | None) -> str:
    """«$12,345.60» (exacto: redondeo a centavos hacia arriba desde la mitad)."""
    if cantidad is None:
        return ""
    valor = cantidad.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    signo = "-" if valor < 0 else ""
    return f"{signo}${abs(valor):,.2f}"


def porcentaje(parte: Decimal | None) -> str:
    """0.456 → «46 %» (sin decimales: es para personas)."""
    if parte is None:
        return ""
    entero = (parte * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return f"{entero + 0} %"  # + 0 quita el signo de un «-0»


def numero(valor: Decimal | None) -> str:
    """Un valor de indicador como se escribió, sin ceros de más (7.50 → 7.5)."""
    if valor is None:
        return ""
    texto = format(valor.normalize(), "f")
    return texto


def dia_semana(dia: date) -> str:
    """«vie», sin depender del idioma del sistema."""
    return DIAS[dia.weekday()]


def clave_id(objeto_id: str | None) -> tuple:
    """A2 antes que A10: por prefijo y número."""
    texto = objeto_id or ""
    letras = texto.rstrip("0123456789")
    numero_ = texto[len(letras):]
    return (letras, int(numero_) if numero_ else 0, texto)


__all__ = ["fecha_larga", "fecha_corta", "pesos", "porcentaje", "numero", "dia_semana", "clave_id",
           "MESES", "DIAS"]
