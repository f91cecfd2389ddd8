"""La forma de un dato personal encontrado en un texto."""

from __future__ import annotations

from rutamejora.nucleo.problemas import AVISO, ERROR
from rutamejora.nucleo.registro import registro

CURP = "curp"
RFC = "rfc"
TELEFONO = "telefono"
CORREO = "correo"
NOMBRE = "nombre"
SALUD = "salud"
DOMICILIO = "domicilio"
CLASES = (CURP, RFC, TELEFONO, CORREO, NOMBRE, SALUD, DOMICILIO)

# Cómo se dice cada clase a una persona (en mensajes y marcadores).
NOMBRES_DE_CLASE = {CURP: "CURP", RFC: "RFC", TELEFONO: "teléfono", CORREO: "correo",
                    NOMBRE: "nombre", SALUD: "salud", DOMICILIO: "domicilio"}


@registro(frozen=True, slots=True)
class Hallazgo:
    """Un dato personal en ``texto[inicio:fin]``.

    ``clase`` es una de ``CLASES``. ``gravedad`` es ``error`` salvo en dos casos, que son
    ``aviso``: un detalle de ``salud`` ligado a alumnos concretos sin nombrarlos («una alumna de
    3° B») y un ``domicilio`` sin nada que diga que es la casa de alguien (una calle con su número).
    """

    clase: str
    inicio: int
    fin: int
    texto: str
    gravedad: str = ERROR

    @property
    def es_error(self) -> bool:
        return self.gravedad == ERROR

    @property
    def es_aviso(self) -> bool:
        return self.gravedad == AVISO
