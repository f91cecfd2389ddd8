"""Lo que cada regla recibe además de la Ruta: el ``Contexto`` (hoy, cómo informar) y ``Lugar``
(un sitio de un archivo que no es un objeto del modelo)."""

from __future__ import annotations

from datetime import date

from rutamejora.nucleo.problemas import Problema
from rutamejora.nucleo.registro import campo, registro


class Lugar:
    """Un sitio de un archivo que no es un objeto del modelo (un comentario, el archivo entero):
    sirve donde una regla espera algo con ``pos()``."""

    def __init__(self, archivo: str, linea: int = 0, columna: int = 0, ruta_yaml: str = ""):
        self._archivo = archivo
        self._pos = (linea, columna, ruta_yaml)

    @classmethod
    def raiz(cls, ruta, archivo: str) -> "Lugar":
        """El comienzo del documento ``archivo`` (o el archivo entero si no se leyó)."""
        doc = ruta.documentos.get(archivo)
        nodo = doc.raiz if doc is not None else None
        return cls(archivo, nodo.linea, nodo.columna) if nodo is not None else cls(archivo)

    def pos(self, campo=None):
        return self._pos


@registro
class Contexto:
    """Lo que una regla necesita además de la Ruta: "hoy" y cómo informar.

    ``hoy`` es la fecha de evaluación (``--fecha`` o la del sistema); ``fecha_explicita`` dice
    si la dio el usuario (entonces una entrada futura no es sospechosa: ya se apartó).
    """

    hoy: date
    fecha_explicita: bool = False
    regla: object = None
    problemas: list = campo(fabrica=list)

    def problema(self, objeto, campo: str | None, mensaje: str, pista: str = "",
                 secretos: tuple = (), severidad: str | None = None) -> None:
        """Informa sobre ``objeto`` (un Registro); la posición es la de ``campo`` si lo hay.

        ``severidad``: la del problema cuando no es la de la regla (un dato de salud es error
        ligado a un nombre y aviso ligado a alumnos sin nombre)."""
        linea, columna, ruta_yaml = objeto.pos(campo)
        self.problemas.append(Problema(
            codigo=self.regla.codigo, nombre=self.regla.nombre,
            severidad=severidad or self.regla.severidad,
            archivo=objeto._archivo, linea=linea, columna=columna, ruta_yaml=ruta_yaml,
            mensaje=mensaje, pista=pista, secretos=secretos))
