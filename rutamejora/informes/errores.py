"""Los errores de ``ruta informe``: un uso imposible (salida 2) o una Ruta con errores (salida 1).

Posee ``ErrorDeUso``, ``ErrorDePlantilla`` y ``RutaConErrores``; los demás módulos del paquete
los lanzan y el comando los traduce a su mensaje y su código de salida.
"""

from __future__ import annotations


class ErrorDeUso(Exception):
    """Una opción imposible o un archivo que no se puede usar: salida 2, mensaje en español."""


class ErrorDePlantilla(ErrorDeUso):
    """Una plantilla con un error o que intentó algo que el entorno aislado no permite."""


class RutaConErrores(Exception):
    """La Ruta tiene errores de validación y no se pidió ``--con-errores``: salida 1."""

    def __init__(self, errores: int):
        self.errores = errores
        super().__init__(f"{errores} errores")
