"""El nombre de una carpeta sin datos personales: la clave de una Ruta en una zona, en una
exportación o en un informe, y la carpeta que citan ``validar`` y ``resumen``.

Una escuela guarda a veces una Ruta en la carpeta de un expediente («Expediente Kevin Pérez
Soto/ruta_brayan_hernandez»). Cada parte de la ruta pasa por el detector como un mensaje que
cita algo escrito por alguien (``mensaje_sin_datos``): el nombre de una persona se vuelve su
marcador y lo demás queda («21DPR0488K», «2025-2026», «escuelas», «Benito Juárez»). Es una
función pura: la misma carpeta da siempre la misma clave, así que las filas de una Ruta se
siguen juntando entre tablas y entre exportaciones.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rutamejora.privacidad.detector import mensaje_sin_datos
from rutamejora.privacidad.mascara import INFORME, TERMINAL

_SEPARADOR = re.compile(r"([/\\])")


@lru_cache(maxsize=4096)
def carpeta_sin_datos(ruta, destino: str = TERMINAL) -> str:
    """``ruta`` (un ``Path`` o un texto) con cada nombre de persona de cada carpeta cambiado por
    su marcador de ``destino``. Parte por parte: un nombre no salta de una carpeta a otra."""
    partes = _SEPARADOR.split(str(ruta))
    return "".join(p if not p or p in "/\\" else mensaje_sin_datos(p, destino) for p in partes)


def claves_sin_datos(claves) -> dict[str, str]:
    """``{clave: clave sin datos}`` de las carpetas de una zona, sin que dos carpetas distintas
    den la misma: si dos se enmascaran igual («ruta_[nombre: B. H.]» de «ruta_brayan_hernandez» y
    de «ruta_beto_hurtado»), la segunda en orden lleva « (2)», la tercera « (3)». Se compara la
    forma de los informes (sin iniciales), que es la más gruesa: así tampoco un informe junta dos
    escuelas. Un sufijo, no una huella del nombre: una huella de un nombre se adivina probando
    los nombres del catálogo."""
    vistas: dict[str, int] = {}
    resultado = {}
    for clave in sorted(set(claves)):
        enmascarada = carpeta_sin_datos(clave)
        if enmascarada == clave:
            resultado[clave] = clave
            continue
        gruesa = carpeta_sin_datos(clave, INFORME)
        vistas[gruesa] = vistas.get(gruesa, 0) + 1
        resultado[clave] = enmascarada + (f" ({vistas[gruesa]})" if vistas[gruesa] > 1 else "")
    return resultado


def sin_iniciales(clave: str) -> str:
    """Una clave ya enmascarada en la forma de los informes: «[nombre: B. H.]» → «[nombre]»."""
    return _CON_INICIALES.sub("[nombre]", clave)


_CON_INICIALES = re.compile(r"\[nombre: [^\]]*\]")
