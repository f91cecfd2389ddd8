"""Validar muchas Rutas a la vez (un repositorio de zona): todos los núcleos, memoria plana.

Cada Ruta se valida en un proceso del pool de ``nucleo.procesos`` y de ella vuelve solo su
``Resultado`` sin modelo (problemas, líneas citadas, marco, archivos revisados): lo que las
salidas de ``ruta validar`` necesitan. El modelo se suelta en cuanto su resultado está hecho,
así que la memoria no crece con el número de Rutas. Los resultados vuelven en el orden de
``carpetas``: la salida es la misma con un proceso o con muchos.
"""

from __future__ import annotations

from datetime import date
from functools import partial
from pathlib import Path

from rutamejora.nucleo.procesos import nacen_con_lo_importado, repartir
from rutamejora.nucleo.recolector import sin_recolector
from rutamejora.reglas.validacion import Resultado, validar


def validar_lote(carpetas: list[Path], hoy: date, fecha_explicita: bool = False,
                 estricto: bool = False, procesos: int | None = None,
                 al_avanzar=None) -> list[Resultado]:
    """Un ``Resultado`` sin modelo por carpeta, en su orden.

    ``procesos`` ``None`` usa todos los núcleos; ``1`` (o una sola carpeta) valida en este
    proceso. ``al_avanzar(hechas)`` se llama según terminan (una barra de progreso). Lanza
    ``NoEsRuta`` como ``validar`` si una carpeta no es una Ruta.
    """
    trabajo = partial(_validar_sin_modelo, hoy=hoy, fecha_explicita=fecha_explicita,
                      estricto=estricto)
    if len(carpetas) > 1 and procesos != 1 and nacen_con_lo_importado():
        preparar()
    return repartir(trabajo, carpetas, procesos, al_avanzar)


def preparar() -> None:
    """Lo que la primera Ruta de cada proceso pagaría (~20 ms: importar ruamel y su analizador
    en C, comprobar sus eventos, leer los catálogos del detector de privacidad), hecho una vez
    en este proceso antes de crear el pool: con ``fork`` los procesos nacen con ello."""
    from rutamejora.formato.lectura import Documento, construir
    from rutamejora.privacidad import detectar

    construir("a: [1]\n", Documento(nombre="", ruta=None))
    # Un texto que pasa por cada parte del detector (nombres, salud, teléfono, correo).
    detectar("El alumno Juan Pérez (5° A) tiene asma; tel. 55 1234 5678, juan@correo.mx")


def _validar_sin_modelo(carpeta: Path, hoy: date, fecha_explicita: bool,
                        estricto: bool) -> Resultado:
    # Una función de módulo (no una lambda): con ``spawn`` se manda al proceso por su nombre.
    # El recolector de ciclos se vuelve a encender con el modelo ya suelto: encendido al salir
    # de ``validar``, con el modelo vivo, la primera pasada recorría todos sus objetos (nacidos
    # con el recolector apagado, todos en la generación joven): ~3 ms por Ruta para nada, porque
    # el modelo no forma ciclos y lo libera el conteo de referencias.
    with sin_recolector():
        return validar(carpeta, hoy, fecha_explicita, estricto).sin_modelo()


__all__ = ["validar_lote", "preparar"]
