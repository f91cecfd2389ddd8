"""El pedido de una Ruta nueva (escuela, ciclo, marco, Ruta anterior) y su revisión antes de escribir."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rutamejora.catalogos import cargar_marco, marco_desconocido
from rutamejora.escritura.anterior import Anterior
from rutamejora.escritura.datos_escuela import (Escuela, ciclo_siguiente, es_ciclo, revisar_cct,
                                                revisar_ciclo, revisar_nivel, revisar_turno)

MARCO_POR_OMISION = "rme-2014"


class NuevaInvalida(Exception):
    """Un dato con el que no se puede crear la Ruta (es un error de uso: salida 2)."""


@dataclass
class Pedido:
    """Todo lo que hace falta para escribir una Ruta nueva."""

    escuela: Escuela
    ciclo: str
    marco: str = MARCO_POR_OMISION
    anterior: Anterior | None = None
    ciclos: int | None = None  # cuántos ciclos abarca (None: el mínimo del horizonte del marco)


def ciclos_de(pedido: Pedido, marco) -> list[str]:
    """Los ciclos de la Ruta: el pedido y los que le siguen, tantos como ``pedido.ciclos`` o,
    si no se dijo, como el mínimo del horizonte del marco (pemc-2019: dos)."""
    cuantos = pedido.ciclos or marco.horizonte[0]
    ciclos = [pedido.ciclo]
    while len(ciclos) < cuantos:
        ciclos.append(ciclo_siguiente(ciclos[-1]))
    return ciclos


def texto_ciclos(ciclos: list[str]) -> str:
    """``2025-2026`` o ``2025-2026 a 2026-2027``."""
    return ciclos[0] if len(ciclos) == 1 else f"{ciclos[0]} a {ciclos[-1]}"


def texto_horizonte(marco) -> str:
    """«1 ciclo», «2 ciclos», «de 2 a 4 ciclos»."""
    minimo, maximo = marco.horizonte
    if minimo == maximo:
        return f"{minimo} {'ciclo' if minimo == 1 else 'ciclos'}"
    return f"de {minimo} a {maximo} ciclos"


def revisar_pedido(pedido: Pedido, destino: Path) -> None:
    """Lanza ``NuevaInvalida`` si con estos datos la Ruta nueva tendría errores."""
    e = pedido.escuela
    faltan = [n for n, v in (("nombre", e.nombre), ("cct", e.cct), ("nivel", e.nivel)) if not v]
    if faltan:
        raise NuevaInvalida("faltan datos de la escuela: " + ", ".join(faltan) + ".")
    for revision in (revisar_cct(e.cct), revisar_nivel(e.nivel, e.cct), revisar_ciclo(pedido.ciclo),
                     revisar_turno(e.turno or "")):
        if revision.valor is None:
            extra = f" ¿Quisiste decir {revision.sugerencia}?" if revision.sugerencia else ""
            raise NuevaInvalida(revision.problema + extra)
    marco = cargar_marco(pedido.marco, destino.parent if not destino.exists() else destino)
    if marco is None:
        raise NuevaInvalida(marco_desconocido(pedido.marco, destino.parent if not destino.exists() else destino))
    minimo, maximo = marco.horizonte
    if pedido.ciclos is not None and not minimo <= pedido.ciclos <= maximo:
        raise NuevaInvalida(f"el marco {marco.clave} abarca {texto_horizonte(marco)}: "
                            f"--ciclos {pedido.ciclos} no cabe.")
    a = pedido.anterior
    ultimo = a.ultimo_ciclo if a is not None else None
    if ultimo and es_ciclo(ultimo) and pedido.ciclo <= ultimo:
        abarca = a.ciclo if ultimo == a.ciclo else texto_ciclos([min(a.ciclos), ultimo])
        raise NuevaInvalida(f"el ciclo {pedido.ciclo} no es posterior al de la Ruta anterior ({abarca}); "
                            f"¿quisiste decir {ciclo_siguiente(ultimo)}?")
