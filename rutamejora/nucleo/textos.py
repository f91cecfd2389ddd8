"""Pequeñas formas del texto en español que usan varias capas."""

from __future__ import annotations


MESES_CORTOS = ("ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep", "oct", "nov", "dic")


def ciclo_escolar(dia) -> str:
    """El ciclo escolar que contiene ``dia``: de agosto (la fase intensiva) a julio
    («2026-03-27» → «2025-2026»; «2026-08-01» → «2026-2027»). La única definición: la usan
    ``ruta nueva``, la zona y RM352."""
    inicio = dia.year if dia.month >= 8 else dia.year - 1
    return f"{inicio}-{inicio + 1}"


def fecha_corta(dia) -> str:
    """Una fecha como se dice en la bitácora: «26 sep 2025» (``docs/estilo.md``; sin depender del
    *locale*). Vacío sin fecha."""
    return f"{dia.day} {MESES_CORTOS[dia.month - 1]} {dia.year}" if dia else ""


def mayuscula(texto: str) -> str:
    """``texto`` con su primera letra en mayúscula y el resto como estaba (``str.capitalize``
    bajaría las siglas: «CTE» → «Cte»)."""
    return texto[:1].upper() + texto[1:]


# Lo que una hoja de cálculo lee como el comienzo de una fórmula (y el tabulador y el retorno de
# carro, que algunas quitan antes de leerlo): «=HIPERVINCULO(…)», «+52…», «-1+1», «@SUMA(…)».
_INICIO_DE_FORMULA = ("=", "+", "-", "@", "\t", "\r")


def sin_formula(texto: str) -> str:
    """``texto`` para una celda de CSV: con un apóstrofo delante si empieza como una fórmula, para
    que Excel o LibreOffice lo muestren como texto en vez de ejecutarlo (la recomendación de
    OWASP contra la inyección en CSV). Solo para columnas de texto: un número no lo necesita."""
    return "'" + texto if texto.startswith(_INICIO_DE_FORMULA) else texto


# Los caracteres de control: C0 salvo el tabulador y el salto de línea, DEL y C1. El retorno de
# carro también: solo, regresa al principio de la línea y lo que sigue tapa lo anterior.
CONTROLES = (*range(9), 11, 12, *range(13, 32), *range(0x7F, 0xA0))
_CONTROL_VISIBLE = dict.fromkeys(CONTROLES, "\ufffd")


def sin_control(texto: str) -> str:
    """``texto`` para una terminal: cada carácter de control, un «�» del mismo ancho. Un valor
    escrito con escapes de YAML («"\\e[31m"») llega decodificado a un mensaje, y su ESC pintaría
    o borraría la pantalla de quien lo lee."""
    return texto.translate(_CONTROL_VISIBLE)


def primer_control(texto: str) -> str | None:
    """El primer carácter de control de ``texto`` (los que ``sin_control`` cambia), o ``None``."""
    return next((c for c in texto if ord(c) in _CONTROL_VISIBLE), None)


def fecha_imposible(texto: str) -> tuple[int, str] | None:
    """(línea, lo escrito) de la primera fecha AAAA-MM-DD de ``texto`` que no existe
    («2026-02-30»), fuera de los comentarios; ``None`` si no hay. Para decir dónde está cuando
    el lector de YAML de ruamel, que construye las fechas, falla con un ``ValueError`` sin línea."""
    import re
    from datetime import date

    fecha = r"(\d{4})-(\d{1,2})-(\d{1,2})"
    # Primero las que son el valor entero (las únicas que el lector construye como fecha:
    # «nuevo_inicio: 2026-04-31», «- 2026-02-30»); si no, cualquiera dentro de un texto.
    for patron in (rf"^\s*(?:-\s+)*(?:[^\s:#][^:#]*:\s+)?{fecha}\s*(?:#.*)?$",
                   rf"(?<![\d-]){fecha}(?![\d-])"):
        for numero, linea in enumerate(texto.splitlines(), start=1):
            for m in re.finditer(patron, linea.split("#")[0]):
                try:
                    date(*map(int, m.groups()))
                except ValueError:
                    return numero, "-".join(m.groups())
    return None
