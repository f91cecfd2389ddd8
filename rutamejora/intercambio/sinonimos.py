"""Las palabras de los formatos de las escuelas: encabezados, responsables, periodos y costos.

Todo sale de ``catalogos/importar.yaml`` (datos, no código) y se compara *plegado*: minúsculas,
sin acentos, sin signos ni «(s)» y con los espacios de uno en uno, para que «Responsable(s)»,
«RESPONSABLES» y «responsables» sean lo mismo, y «¿Cómo estamos avanzando?» se lea como
«como estamos avanzando».
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

from rutamejora.catalogos import datos_de
from rutamejora.nucleo.expresiones import compilar

_SIGNOS = compilar(r"[^a-z0-9/$%°ºª]+")


def plegar(texto) -> str:
    """«¿Cómo estamos AVANZANDO?» → «como estamos avanzando»; «Responsable(s)» → «responsable»."""
    texto = unicodedata.normalize("NFD", str(texto or ""))
    texto = "".join(c for c in texto if unicodedata.category(c) != "Mn").lower()
    texto = texto.replace("(s)", "").replace("(es)", "")
    return " ".join(_SIGNOS.sub(" ", texto).split())


def catalogo() -> dict:
    """``catalogos/importar.yaml`` tal cual."""
    return datos_de("importar.yaml")


@lru_cache(maxsize=None)
def _encabezados() -> tuple[tuple[str, str], ...]:
    """(texto plegado, campo), de los textos más largos a los más cortos."""
    pares = [(plegar(t), campo) for campo, textos in (catalogo().get("encabezados") or {}).items()
             for t in textos]
    return tuple(sorted(pares, key=lambda p: -len(p[0])))


def campo_de_encabezado(texto) -> str | None:
    """El campo de un encabezado de columna (``accion``, ``responsables``…) o ``None``.

    Vale el texto entero o su comienzo seguido de un espacio: «Acciones a realizar»,
    «Periodo de realización», «Meta 2025-2026».
    """
    plano = plegar(texto)
    if not plano or len(plano) > 60:
        return None  # Un encabezado es corto; un párrafo que empieza con «Meta» no lo es.
    for sinonimo, campo in _encabezados():
        if plano == sinonimo or plano.startswith(sinonimo + " "):
            return campo
    return None


# Qué tan parecido debe ser un encabezado mal escrito al del catálogo: más que la sugerencia de
# `ruta validar` (0.6), porque aquí se lee sin preguntar. «Resposables» da 0.96 con
# «responsables»; «Prefectos» (una celda de datos), 0.67 con «productos»: no es «Productos».
_CORTE_PARECIDO = 0.85


@lru_cache(maxsize=None)
def encabezado_parecido(texto) -> tuple[str, str] | None:
    """(campo, encabezado del catálogo como se muestra) del encabezado conocido que ``texto``
    escribe con una letra o dos de diferencia («Resposables» → (``responsables``,
    «Responsables»); «Resposables de la acción» también), o ``None``. Usa la sugerencia de
    ``ruta validar`` (``formato.sugerir``); lo que solo cambia en acentos ya lo reconoce
    ``campo_de_encabezado``."""
    from rutamejora.formato import sugerir

    palabras = plegar(texto).split()
    if len(" ".join(palabras)) < 5 or len(palabras) > 6:
        return None  # «Eje», «Ejo»: muy corto para saber; un párrafo no es un encabezado
    por_largo: dict[int, dict[str, str]] = {}
    for sinonimo, campo in _encabezados():
        por_largo.setdefault(len(sinonimo.split()), {})[sinonimo] = campo
    # El texto entero, o su comienzo con tantas palabras como el encabezado («… de la acción»).
    for n in sorted({len(palabras)} | set(range(1, len(palabras))), reverse=True):
        validos = por_largo.get(n) or {}
        parecido = sugerir(" ".join(palabras[:n]), validos, _CORTE_PARECIDO) if validos else None
        if parecido is not None:
            return validos[parecido], parecido[:1].upper() + parecido[1:]
    return None


def marco_de_agrupacion(texto) -> str | None:
    """El marco que delata el encabezado de la agrupación («Problemática» → ``pmc-2024``)."""
    plano = plegar(texto)
    tabla = {plegar(k): v for k, v in (catalogo().get("agrupacion_por_marco") or {}).items()}
    for sinonimo in sorted(tabla, key=len, reverse=True):
        if plano == sinonimo or plano.startswith(sinonimo + " "):
            return tabla[sinonimo]
    return None


def marco_de_columnas(campos: set[str]) -> str | None:
    """El primer marco cuyas columnas (``marcos`` del catálogo) están todas en ``campos``."""
    for marco, pide in (catalogo().get("marcos") or {}).items():
        if set(pide) <= campos:
            return marco
    return None


def marco_en_texto(texto: str) -> str | None:
    """El marco que nombra un texto suelto («Programa Escolar de Mejora Continua» → pemc-2019)."""
    plano = f" {plegar(texto)} "
    for marco, palabras in (catalogo().get("marco_en_texto") or {}).items():
        if any(f" {plegar(p)} " in plano for p in palabras):
            return marco
    return None


def contiene(plano: str, palabras) -> str | None:
    """La palabra (plegada) más larga de ``palabras`` que aparece entera en ``plano``."""
    envuelto = f" {plano} "
    halladas = [plegar(p) for p in palabras if f" {plegar(p)} " in envuelto]
    return max(halladas, key=len) if halladas else None


def es_de(lista: str, texto) -> bool:
    """¿``texto`` es uno de los textos de la lista ``lista`` del catálogo (``sin_costo``…)?"""
    plano = plegar(texto) if plegar(texto) else str(texto or "").strip()
    return plano in {plegar(p) or str(p) for p in catalogo().get(lista) or []}
