"""Cómo se escriben para personas las fechas, las cantidades y los ids.

Las vistas de la terminal, los informes y los mensajes de ``escritura`` escriben igual una fecha
(«26 sep 2025»), unos pesos («$12,345.60») o un porcentaje («46 %»); y ordenan igual los ids
(A2 antes que A10), sin depender del idioma del sistema.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from rutamejora.nucleo.textos import fecha_corta  # noqa: F401  (la misma forma en todas las capas)

MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre")
DIAS = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")


def fecha_larga(dia: date | None) -> str:
    """«26 de septiembre de 2025», sin depender del idioma del sistema."""
    return f"{dia.day} de {MESES[dia.month - 1]} de {dia.year}" if dia else ""


def fecha_imposible(texto: str) -> str | None:
    """Por qué un texto con forma de fecha AAAA-MM-DD no es un día que exista: «febrero de
    2026 no tiene día 30 (tiene 28 días)», «no hay mes 13 (los meses van del 01 al 12)».
    ``None`` si no tiene esa forma o si el día existe: entonces basta el mensaje general."""
    import calendar
    import re

    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", texto.strip())
    if m is None:
        return None
    anio, mes, dia = map(int, m.groups())
    if anio < 1:
        return None
    if not 1 <= mes <= 12:
        return f"no hay mes {mes} (los meses van del 01 al 12)"
    ultimo = calendar.monthrange(anio, mes)[1]
    if 1 <= dia <= ultimo:
        return None
    return f"{MESES[mes - 1]} de {anio} no tiene día {dia} (tiene {ultimo} días)"





def pesos(cantidad: Decimal | None) -> str:
    """«$12,345.60» (exacto: redondeo a centavos hacia arriba desde la mitad)."""
    if cantidad is None:
        return ""
    valor = cantidad.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    signo = "-" if valor < 0 else ""
    return f"{signo}${abs(valor):,.2f}"


def porcentaje(parte: Decimal | None) -> str:
    """0.456 → «46 %» (sin decimales: es para personas). Lo que no llega a 1 nunca se lee
    «100 %»: 0.9964 (59.95 de un camino a 60) es «99 %», no una meta completa."""
    if parte is None:
        return ""
    entero = (parte * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    if parte < 1 and entero >= 100:
        entero = Decimal(99)
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


__all__ = ["fecha_larga", "fecha_corta", "fecha_imposible", "pesos", "porcentaje", "numero", "dia_semana", "clave_id",
           "MESES", "DIAS"]
