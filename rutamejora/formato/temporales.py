"""Los temporales que dejó una escritura interrumpida junto a una Ruta (RM011, un aviso).

``ruta validar`` solo los nombra, con el arreglo: nunca borra nada (validar no escribe). Los
quitan solos el siguiente ``ruta bitacora agregar`` (los de la bitácora, bajo su candado) y el
siguiente ``ruta nueva`` del mismo equipo (las carpetas de procesos que ya no existen).
"""

from __future__ import annotations

import os
from pathlib import Path

from rutamejora.formato import codigos_lectura  # noqa: F401  registra RM011 antes de usarlo
from rutamejora.nucleo.atomico import carpeta_temporal, es_temporal
from rutamejora.nucleo.codigos import problema_de


def temporales(carpeta: Path) -> list:
    """Un aviso RM011 por cada temporal de ``ruta`` en la carpeta de la Ruta y por cada carpeta
    temporal de ``ruta nueva`` de esta misma Ruta junto a ella."""
    problemas = []
    carpeta = carpeta.resolve()  # «.» no tiene nombre ni carpeta de arriba
    for nombre in _hijos(carpeta):
        if es_temporal(nombre):
            problemas.append(problema_de(
                "RM011", nombre, 0, 0, "",
                f"Quedó el archivo temporal {nombre} de una escritura interrumpida.",
                pista=f"Bórralo si ningún comando de `ruta` está escribiendo en esta carpeta: la "
                      "Ruta está completa sin él (el siguiente `ruta bitacora agregar` quita solo "
                      "los de la bitácora)."))
    for nombre in _hijos(carpeta.parent):
        datos = carpeta_temporal(nombre)
        if datos is not None and datos[0] == carpeta.name:
            problemas.append(problema_de(
                "RM011", f"../{nombre}", 0, 0, "",
                f"Quedó la carpeta temporal ../{nombre} de un `ruta nueva` interrumpido.",
                pista="Bórrala con todo lo que tiene si no hay un `ruta nueva` en marcha: la Ruta "
                      "no la usa (el siguiente `ruta nueva` en este equipo la quita sola)."))
    return problemas


def _hijos(carpeta: Path) -> list[str]:
    """Los nombres de lo que hay en ``carpeta``, en orden (sin un ``Path`` por cada uno: se
    pregunta en cada Ruta que se valida)."""
    try:
        return sorted(os.listdir(carpeta), key=os.path.normcase)  # el orden de ``Path`` también en Windows
    except OSError:
        return []
