"""Las reglas que corren sobre el modelo ya cargado, por familias (un módulo cada una).

Cada regla es una función pequeña registrada con ``@regla``: recibe la ``Ruta`` y un
``Contexto`` y produce problemas con ``contexto.problema(objeto, campo, mensaje, pista)``.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass, field
from datetime import date

from rutamejora.catalogos import Marco
from rutamejora.nucleo.problemas import Problema

# Los módulos de reglas, en el orden de sus fases.
MODULOS = ("rutamejora.reglas.escuela", "rutamejora.reglas.referencias", "rutamejora.reglas.planeacion",
           "rutamejora.reglas.seguimiento", "rutamejora.reglas.privacidad")


def importar(modulos=MODULOS) -> None:
    for nombre in modulos:
        importlib.import_module(nombre)


# Las palabras del formato base, para una Ruta cuyo marco no se pudo leer.
_SIN_MARCO = Marco(clave="", nombre="", datos={}, origen=None)


def marco_de(ruta) -> Marco:
    """El marco de la Ruta, o uno vacío que habla con las palabras del formato base."""
    return ruta.marco if ruta.marco is not None else _SIN_MARCO


def mayuscula(texto: str) -> str:
    return texto[:1].upper() + texto[1:]


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


@dataclass
class Contexto:
    """Lo que una regla necesita además de la Ruta: "hoy" y cómo informar.

    ``hoy`` es la fecha de evaluación (``--fecha`` o la del sistema); ``fecha_explicita`` dice
    si la dio el usuario (entonces una entrada futura no es sospechosa: ya se apartó).
    """

    hoy: date
    fecha_explicita: bool = False
    regla: object = None
    problemas: list = field(default_factory=list)

    def problema(self, objeto, campo: str | None, mensaje: str, pista: str = "",
                 secretos: tuple[str, ...] = ()) -> None:
        """Informa sobre ``objeto`` (un Registro); la posición es la de ``campo`` si lo hay."""
        linea, columna, ruta_yaml = objeto.pos(campo)
        self.problemas.append(Problema(
            codigo=self.regla.codigo, nombre=self.regla.nombre, severidad=self.regla.severidad,
            archivo=objeto._archivo, linea=linea, columna=columna, ruta_yaml=ruta_yaml,
            mensaje=mensaje, pista=pista, secretos=secretos))
