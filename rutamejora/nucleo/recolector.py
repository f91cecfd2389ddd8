"""Pausar el recolector de ciclos de Python mientras se arma mucho de una vez.

Leer una Ruta, validarla o injertar en la bitácora arma cientos de miles de objetos que viven
hasta el final (nodos, líneas, el modelo) y casi ninguno forma ciclos: la memoria la libera el
conteo de referencias. Con el recolector encendido, cada cierto número de objetos nuevos recorre
los que ya hay, y esas pasadas crecen con la Ruta: con 21 000 entradas en la bitácora eran un
tercio de ``ruta validar`` (1.8 de 3.8 s) y hacían el costo más que lineal. Al salir se vuelve a
encender (si lo estaba) y recoge lo que haya quedado en ciclos.
"""

from __future__ import annotations

import gc
from contextlib import contextmanager


@contextmanager
def sin_recolector():
    """Apaga el recolector de ciclos dentro del bloque; se puede anidar."""
    activo = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if activo:
            gc.enable()
