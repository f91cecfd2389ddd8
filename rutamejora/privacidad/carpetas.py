"""El nombre de una carpeta sin datos personales: la clave de una Ruta en una zona, en una
exportación o en un informe, y la carpeta que citan ``validar`` y ``resumen``.

Una escuela guarda a veces una Ruta en la carpeta de un expediente («Expediente Kevin Pérez
Soto/ruta_brayan_hernandez»). Cada parte de la ruta pasa por el detector como un mensaje que
cita algo escrito por alguien (``mensaje_sin_datos``): el nombre de una persona se vuelve su
marcador y lo demás queda («21DPR0488K», «2025-2026», «escuelas», «Benito Juárez»). Es una
función pura: la misma carpeta da siempre la misma clave enmascarada. (En una zona, dos carpetas
que se enmascaran igual se distinguen con « (2)», por orden: ver ``claves_sin_datos``.)
"""

from __future__ import annotations

from functools import lru_cache

from rutamejora.privacidad.detector import MENSAJE, detectar
from rutamejora.privacidad.hallazgo import Hallazgo
from rutamejora.privacidad.mascara import INFORME, TERMINAL, enmascarar
from rutamejora.nucleo.expresiones import compilar

_SEPARADOR = compilar(r"([/\\])")
# En un nombre de carpeta las palabras van unidas con «_», «-» o «.» y casi siempre en
# minúsculas («ruta_brayan_hernandez», «Kevin.Perez»): se leen como un texto con espacios y
# mayúsculas iniciales (el mismo largo), para que el detector vea ahí un nombre.
_UNION = compilar(r"[_.\-]")
_MINUSCULAS = compilar(r"\b[a-záéíóúñü]+\b")


@lru_cache(maxsize=4096)
def carpeta_sin_datos(ruta, destino: str = TERMINAL) -> str:
    """``ruta`` (un ``Path`` o un texto) con cada nombre de persona de cada carpeta cambiado por
    su marcador de ``destino``. Parte por parte: un nombre no salta de una carpeta a otra."""
    partes = _SEPARADOR.split(str(ruta))
    return "".join(p if not p or p in "/\\" else _parte_sin_datos(p, destino) for p in partes)


def _parte_sin_datos(parte: str, destino: str) -> str:
    """Una carpeta sin nombres de personas (ni teléfonos, CURP…): se busca en su forma de texto
    («Ruta Brayan Hernandez») y se enmascara en la escrita, en las mismas posiciones."""
    como_texto = _MINUSCULAS.sub(lambda m: m.group().capitalize(), _UNION.sub(" ", parte))
    # La forma escrita, además, solo si trae mayúsculas: en minúsculas el detector la leería como
    # un texto sin caja («san-jeronimo-coyula»: «jeronimo» solo), y la forma de texto ya la cubre.
    hallados = detectar(como_texto, contexto=MENSAJE) or (
        detectar(parte, contexto=MENSAJE) if not parte.islower() else [])
    if not hallados:
        return parte
    # Las iniciales, de la forma de texto («Kevin.Perez» → «K. P.»).
    hallados = [Hallazgo(h.clase, h.inicio, h.fin, como_texto[h.inicio:h.fin], h.gravedad)
                for h in hallados]
    return enmascarar(parte, hallados, destino)


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


_CON_INICIALES = compilar(r"\[nombre: [^\]]*\]")
