"""Lo público de un paquete, importado a demanda (PEP 562).

Cada paquete de la biblioteca declara en su ``__init__`` qué nombres exporta y de qué módulo
salen; el módulo se importa la primera vez que alguien pide uno de sus nombres. Así
``from rutamejora.formato import cargar`` no paga los módulos que ``ruta validar`` no usa (el
arranque es la mitad del costo de validar una Ruta).
"""

from __future__ import annotations

import importlib


def exportar(paquete: str, publico: dict[str, str]):
    """``(__all__, __getattr__)`` para el paquete ``paquete``.

    ``publico`` va de cada módulo del paquete a sus nombres públicos, separados por espacios.
    """
    origen = {nombre: modulo for modulo, nombres in publico.items() for nombre in nombres.split()}

    def __getattr__(nombre: str):
        modulo = origen.get(nombre)
        if modulo is None:
            raise AttributeError(f"module {paquete!r} has no attribute {nombre!r}")
        return getattr(importlib.import_module(f"{paquete}.{modulo}"), nombre)

    return sorted(origen), __getattr__
