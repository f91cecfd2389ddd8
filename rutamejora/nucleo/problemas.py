"""La forma única de un problema, la comparte cada fase de la validación y cada salida."""

from __future__ import annotations

from dataclasses import dataclass, field, replace

ERROR = "error"
AVISO = "aviso"
INFO = "info"
DESACTIVADA = "desactivada"
SEVERIDADES = (ERROR, AVISO, INFO)
_ORDEN = {ERROR: 0, AVISO: 1, INFO: 2}
_ORDEN_ARCHIVOS = {nombre: i for i, nombre in enumerate((
    "ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml", "metas.yaml",
    "acciones.yaml", "bitacora.yaml"))}


@dataclass(frozen=True)
class Problema:
    """Un hallazgo de la validación, con todo lo que hace falta para ubicarlo y corregirlo.

    ``archivo`` es relativo a la Ruta (``metas.yaml``); ``linea`` y ``columna`` empiezan en 1
    (0 cuando el problema es del archivo entero, como uno que falta); ``ruta_yaml`` es el camino
    dentro del documento (``metas[2].valor_meta``).
    """

    codigo: str
    nombre: str
    severidad: str
    archivo: str
    linea: int
    columna: int
    ruta_yaml: str
    mensaje: str
    pista: str = ""
    # Valores que ninguna salida debe mostrar tal cual (datos personales): se enmascaran.
    secretos: tuple[str, ...] = field(default=(), compare=False)
    # La Ruta a la que pertenece, cuando se validan varias de un repositorio.
    ruta: str = ""

    def con(self, **cambios) -> "Problema":
        return replace(self, **cambios)

    def orden(self):
        """Orden estable: por Ruta, por archivo (en el orden de la Ruta), posición y código."""
        return (self.ruta, _ORDEN_ARCHIVOS.get(self.archivo, 99), self.archivo,
                self.severidad == INFO, self.linea, self.columna, self.codigo, self.mensaje)


def rango(severidad: str) -> int:
    """Menor es más grave; sirve para ordenar y para comparar contra --estricto."""
    return _ORDEN.get(severidad, 3)


def contar(problemas) -> dict[str, int]:
    cuenta = {ERROR: 0, AVISO: 0, INFO: 0}
    for p in problemas:
        cuenta[p.severidad] = cuenta.get(p.severidad, 0) + 1
    return cuenta


def enmascarar(texto: str, secretos) -> str:
    """Cambia cada dato personal por su inicial y asteriscos: nunca sale tal cual en una salida."""
    for secreto in secretos:
        if secreto:
            texto = texto.replace(secreto, secreto[0] + "*" * (len(secreto) - 1))
    return texto
