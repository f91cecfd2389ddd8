"""Validar una Ruta: cargar, correr las reglas por fases, aplicar los ajustes y decidir la salida.

Es lo que llama ``ruta validar`` (y lo que usarán los informes para negarse a una Ruta con
errores). Nada aquí escribe en la Ruta.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rutamejora.formato.carga import cargar
from rutamejora.nucleo.problemas import AVISO, ERROR, INFO, Problema, contar
from rutamejora.nucleo.recolector import sin_recolector
from rutamejora.nucleo.registro import campo, reemplazar, registro
from rutamejora.reglas.ajustes import aplicar_ajustes
from rutamejora.reglas.base import Contexto
from rutamejora.reglas.omisiones import apartadas, archivos_ilegibles, omitidas
from rutamejora.reglas.enmascarado import proteger
from rutamejora.reglas.liberados import calla
from rutamejora.reglas.registro import registradas
from rutamejora.reglas.supresiones import aplicar_supresiones

# El archivo que no se pudo abrir (``formato.lectura``): la salida es 2, no 1.
INACCESIBLE = "RM012"


@registro
class Resultado:
    """El resultado de validar una Ruta: lo que muestran las salidas de ``ruta validar``.

    ``ruta`` es el modelo, para quien quiera mostrar algo más de una sola Ruta (las vistas, los
    informes). Lo demás basta a las salidas y no depende del modelo: ``sin_modelo()`` lo suelta,
    y así un lote de miles de Rutas no guarda ninguno (ni lo manda de un proceso a otro).
    """

    carpeta: Path
    problemas: list = campo(fabrica=list)
    ruta: object = None          # el modelo, para quien quiera mostrar algo más
    estricto: bool = False
    archivos_revisados: int = 0
    marco: tuple[str, str] | None = None   # (clave, nombre) del marco de la Ruta
    # La línea de la fuente que cita cada problema: {(archivo, línea): texto de esa línea}.
    citas: dict = campo(fabrica=dict)

    @property
    def cuenta(self) -> dict:
        return contar(self.problemas)

    def codigo_de_salida(self) -> int:
        """0 sin errores; 1 con errores (o avisos, en modo estricto); 2 si un archivo no se pudo
        abrir (RM012): es un problema del equipo (permisos, una carpeta en su lugar), no de lo
        escrito, como una carpeta que no existe."""
        if any(p.codigo == INACCESIBLE for p in self.problemas):
            return 2
        cuenta = self.cuenta
        if cuenta[ERROR] or (self.estricto and cuenta[AVISO]):
            return 1
        return 0

    def cita(self, archivo: str, linea: int) -> str | None:
        """La línea ``linea`` de ``archivo`` si un problema la cita (si no, ``None``)."""
        return self.citas.get((archivo, linea))

    def sin_modelo(self) -> "Resultado":
        """El mismo resultado sin el modelo: las salidas lo muestran igual."""
        return reemplazar(self, ruta=None)


def _citas(ruta, problemas) -> dict:
    """Las líneas que citan los problemas; las de cada archivo se parten una sola vez.

    Cada línea va entera: la salida la enmascara y después la recorta, y recortarla aquí podría
    partir un dato personal que entonces no se reconocería.
    """
    citas = {}
    for p in problemas:
        if not p.linea or (p.archivo, p.linea) in citas:
            continue
        doc = ruta.documentos.get(p.archivo)
        if doc is None or not doc.texto:
            continue
        lineas = doc.lineas
        if p.linea <= len(lineas):
            citas[(p.archivo, p.linea)] = lineas[p.linea - 1]
    return citas


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
    problemas = aplicar_supresiones(problemas, ruta, calla(ruta))
    ajustes = ruta.datos.validacion if ruta.datos is not None else None
    problemas = aplicar_ajustes(problemas, ajustes, ruta)
    estricto = estricto or bool(ajustes is not None and ajustes.estricto)
    problemas.sort(key=Problema.orden)
    # Cada problema dice dónde está con las palabras del usuario (antes de proteger: el lugar
    # también pasa por el detector).
    if problemas:  # una Ruta sin problemas no paga la importación
        from rutamejora.reglas.ubicacion import ubicar

        problemas = ubicar(problemas, ruta)
    # Ningún problema sale de aquí con un dato personal en claro, sea de la regla que sea.
    problemas = proteger(problemas, ruta)
    marco = (ruta.marco.clave, ruta.marco.nombre) if ruta.marco is not None else None
    # Los archivos leídos y, además, los que faltan (RM101, un error en su archivo): «7 errores
    # en 1 archivo» con errores en siete archivos no cuadraba.
    archivos = set(ruta.documentos) | {p.archivo for p in problemas if p.codigo == "RM101"}
    return Resultado(carpeta=carpeta, problemas=problemas, ruta=ruta, estricto=estricto,
                     archivos_revisados=len(archivos), marco=marco,
                     citas=_citas(ruta, problemas))


__all__ = ["Resultado", "validar", "ERROR", "AVISO", "INFO"]
