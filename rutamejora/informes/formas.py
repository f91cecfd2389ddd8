"""Las formas de escribir un valor en un informe: fechas y rangos, cantidades con su unidad,
plurales, mayúsculas, listas y el texto literal de Markdown.

Posee ``rango_fechas`` (para una tabla: «15–26 sep 2025»), ``rango_largo`` (para leerse en
una frase: «del 15 al 26 de septiembre de 2025»), ``con_unidad``, ``plural``, ``mayuscula``,
``lista_y``, ``comillas``, ``fecha_de_entrada`` y ``escapar_md``. Solo da forma: no decide nada
de la Ruta.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rutamejora import vistas
from rutamejora.vistas import fecha_corta, fecha_larga, numero
from rutamejora.nucleo.expresiones import compilar


def rango_fechas(inicio: date | None, fin: date | None) -> str:
    """«15–26 sep 2025», «8 sep – 12 dic 2025», «8 sep 2025 – 3 jul 2026»."""
    if inicio is None or fin is None:
        return fecha_corta(inicio or fin)
    if inicio == fin:
        return fecha_corta(inicio)
    mes_fin = vistas.MESES[fin.month - 1][:3]
    if inicio.year == fin.year and inicio.month == fin.month:
        return f"{inicio.day}–{fin.day} {mes_fin} {fin.year}"
    if inicio.year == fin.year:
        return f"{inicio.day} {vistas.MESES[inicio.month - 1][:3]} – {fin.day} {mes_fin} {fin.year}"
    return f"{fecha_corta(inicio)} – {fecha_corta(fin)}"


def rango_largo(inicio: date | None, fin: date | None) -> str:
    """«del 20 al 24 de abril de 2026», «del 8 de septiembre al 12 de diciembre de 2025», «del 8
    de septiembre de 2025 al 3 de julio de 2026», «el 20 de abril de 2026»: un rango que se lee
    en una frase («se hizo …»), sin abreviaturas ni rayas."""
    if inicio is None or fin is None or inicio == fin:
        return f"el {fecha_larga(inicio or fin)}" if inicio or fin else ""
    if inicio.year == fin.year and inicio.month == fin.month:
        return f"del {inicio.day} al {fecha_larga(fin)}"
    if inicio.year == fin.year:
        return f"del {inicio.day} de {vistas.MESES[inicio.month - 1]} al {fecha_larga(fin)}"
    return f"del {fecha_larga(inicio)} al {fecha_larga(fin)}"


_ENTRE_COMILLAS = compilar(r'"([^"\n]*)"')


def comillas(texto: str | None) -> str | None:
    """Las comillas rectas de un texto, tipográficas: Escuela "Sor Juana" → Escuela “Sor Juana”.
    Solo las que van en pareja; una suelta se queda como está."""
    return _ENTRE_COMILLAS.sub(r"“\1”", texto) if texto else texto


def con_unidad(valor: Decimal | None, unidad: str | None) -> str:
    """46 → «46 %», 44 → «44 alumnos», 7.6 → «7.6»."""
    if valor is None:
        return "—"
    texto = numero(valor)
    if unidad == "porcentaje":
        return f"{texto} %"
    if unidad == "alumnos":
        return f"{texto} {'alumno' if valor == 1 else 'alumnos'}"
    if unidad == "nivel":
        return f"nivel {texto}"
    return texto


def plural(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def mayuscula(texto: str | None) -> str:
    return (texto[:1].upper() + texto[1:]) if texto else ""


def lista_y(elementos: list) -> str:
    if len(elementos) < 2:
        return "".join(elementos)
    return ", ".join(elementos[:-1]) + " y " + elementos[-1]


def fecha_de_entrada(entrada) -> date:
    return entrada.fecha or date.min


# --- Markdown ---------------------------------------------------------------------------------

_MD_ESPECIALES = compilar(r"([\\`*_\[\]<>|~])")
# Lo que al inicio de una línea se volvería título, lista o raya: «# », «- », «1. », «---».
_MD_INICIO = compilar(r"^(#{1,6}(?=\s|$)|[-+](?=\s|$)|[-=]{3,}\s*$)")
_MD_LISTA = compilar(r"^(\d{1,9})([.)])(?=\s|$)")
_MD_ENTIDAD = compilar(r"&(?=#?\w+;)")


def escapar_md(texto: str) -> str:
    """Un texto de la Ruta como texto literal de Markdown, en una línea: nada se vuelve
    formato, enlace, HTML ni celda nueva de una tabla (``<script>`` sale como texto)."""
    texto = " ".join(str(texto).split())
    texto = _MD_ESPECIALES.sub(r"\\\1", texto)
    texto = _MD_ENTIDAD.sub(r"\\&", texto)
    texto = _MD_LISTA.sub(r"\1\\\2", texto)
    return _MD_INICIO.sub(r"\\\1", texto)
