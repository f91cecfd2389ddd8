"""Validar una Ruta: cargar, correr las reglas por fases, aplicar los ajustes y decidir la salida.

Es lo que llama ``ruta validar`` (y lo que usarán los informes para negarse a una Ruta con
errores). Nada aquí escribe en la Ruta.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rutamejora.formato.carga import cargar
from rutamejora.nucleo.problemas import AVISO, ERROR, INFO, Problema, contar
from rutamejora.nucleo.recolector import sin_recolector
from rutamejora.reglas.ajustes import aplicar_ajustes
from rutamejora.reglas.base import Contexto
from rutamejora.reglas.omisiones import apartadas, archivos_ilegibles, omitidas
from rutamejora.reglas.personales import proteger
from rutamejora.reglas.registro import registradas
from rutamejora.reglas.supresiones import aplicar_supresiones


@dataclass
class Resultado:
    """El resultado de validar una Ruta."""

    carpeta: Path
    problemas: list = field(default_factory=list)
    ruta: object = None          # el modelo, para quien quiera mostrar algo más
    estricto: bool = False

    @property
    def cuenta(self) -> dict:
        return contar(self.problemas)

    @property
    def archivos_revisados(self) -> int:
        return len(self.ruta.documentos) if self.ruta is not None else 0

    def codigo_de_salida(self) -> int:
        """0 sin errores; 1 con errores (o avisos, en modo estricto)."""
        cuenta = self.cuenta
        if cuenta[ERROR] or (self.estricto and cuenta[AVISO]):
            return 1
        return 0


def validar(carpeta: Path, hoy: date, fecha_explicita: bool = False,
            estricto: bool = False) -> Resultado:
    """Valida la Ruta de ``carpeta`` tal como estaba el día ``hoy``.

    Lanza ``carga.NoEsRuta`` si la carpeta no existe o no es una Ruta (un error de uso).
    """
    # Sin el recolector de ciclos mientras se lee y se revisa: con el modelo entero vivo, cada
    # pasada lo recorría, y eso crecía más que la Ruta (ver ``nucleo.recolector``).
    with sin_recolector():
        return _validar(carpeta, hoy, fecha_explicita, estricto)


def _validar(carpeta: Path, hoy: date, fecha_explicita: bool, estricto: bool) -> Resultado:
    ruta, problemas = cargar(carpeta, hoy if fecha_explicita else None)
    ctx = Contexto(hoy=hoy, fecha_explicita=fecha_explicita)
    omitidos = archivos_ilegibles(ruta)
    for regla_ in registradas():
        if regla_.funcion is None:
            continue
        if any(a in omitidos for a in regla_.requiere):
            continue
        ctx.regla = regla_
        for _ in regla_.funcion(ruta, ctx) or ():
            pass
    problemas.extend(ctx.problemas)
    problemas.extend(omitidas(ruta, omitidos))
    problemas.extend(apartadas(ruta, hoy))
    problemas = aplicar_supresiones(problemas, ruta)
    ajustes = ruta.datos.validacion if ruta.datos is not None else None
    problemas = aplicar_ajustes(problemas, ajustes, ruta)
    estricto = estricto or bool(ajustes is not None and ajustes.estricto)
    problemas.sort(key=Problema.orden)
    # Ningún problema sale de aquí con un dato personal en claro, sea de la regla que sea.
    problemas = proteger(problemas, ruta)
    return Resultado(carpeta=carpeta, problemas=problemas, ruta=ruta, estricto=estricto)


__all__ = ["Resultado", "validar", "ERROR", "AVISO", "INFO"]
