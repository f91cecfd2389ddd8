"""La lista explícita de los módulos que registran códigos: quien los importa los tiene todos.

Cada módulo registra sus códigos al importarse (``@regla`` o ``definir``); aquí se nombran uno
por uno, de las capas de abajo hacia arriba, en lugar de buscarlos (sin escaneo de paquetes ni
``entry points``, que cuestan al arrancar). Una familia nueva se agrega a esta lista.
"""

from __future__ import annotations

from rutamejora.formato import codigos_estructura, codigos_lectura  # noqa: F401  RM0xx y RM1xx
from rutamejora.nucleo.codigos import Regla, todas
from rutamejora.reglas import (acciones, agrupacion, ajustes, cadena,  # noqa: F401
                               calendario_bitacora, diagnostico, dinero, dinero_ejercido, escuela,
                               metas, omisiones, participacion, privacidad, redaccion, referencias,
                               seguimiento, supresiones)
from rutamejora.reglas import carpeta, texto_libre  # noqa: F401  RM123, RM124 y RM352

FAMILIAS = (codigos_lectura, codigos_estructura, escuela, referencias,
            metas, acciones, dinero, cadena, agrupacion, diagnostico, participacion, redaccion,
            seguimiento, dinero_ejercido, calendario_bitacora, privacidad, supresiones, ajustes,
            omisiones, carpeta, texto_libre)


def registradas() -> list[Regla]:
    """Todas las reglas, en orden de código."""
    return todas()
