"""Lo que muestra ``ruta resumen``: el árbol de la Ruta, los conteos por estado y el dinero."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rutamejora.formato.modelo import Ruta
from rutamejora.vistas.estados import avance_de_metas, dinero, situacion_de_acciones


@dataclass
class Resumen:
    """Lo que muestra ``ruta resumen``: el árbol de la Ruta, los conteos y el dinero."""

    prioridades: list         # [(prioridad, [(objetivo, [(AvanceMeta, [SituacionAccion])])])]
    sin_meta: list            # acciones que no sirven a ninguna meta conocida
    avances: list             # [AvanceMeta]
    situaciones: list         # [SituacionAccion]
    dinero: list              # [LineaDinero], la última es el total
    termino: date | None = None   # el último día de clases del ciclo, si ``hoy`` ya lo pasó

    def metas_por_estado(self) -> dict[str, int]:
        return _contar(a.estado for a in self.avances)

    def acciones_por_estado(self) -> dict[str, int]:
        return _contar(s.estado or "sin_registro" for s in self.situaciones)


def _contar(valores) -> dict[str, int]:
    cuenta: dict[str, int] = {}
    for v in valores:
        cuenta[v] = cuenta.get(v, 0) + 1
    return cuenta


def resumen(ruta: Ruta, hoy: date) -> Resumen:
    """El árbol prioridades → objetivos → metas → acciones al día ``hoy``.

    Una acción que sirve a varias metas cuelga de la primera que nombra (la que está en el
    árbol); ``metas`` de la acción dice las demás.
    """
    avances = {a.meta.id: a for a in avance_de_metas(ruta, hoy)}
    situaciones = situacion_de_acciones(ruta, hoy)
    por_meta: dict[str, list] = {}
    sin_meta = []
    for s in situaciones:
        primera = next((m for m in s.accion.metas or [] if m in avances), None)
        (por_meta.setdefault(primera, []) if primera else sin_meta).append(s)
    arbol = []
    for p in ruta.prioridades:
        objetivos = []
        for o in ruta.objetivos:
            if o.prioridad != p.id or not p.id:
                continue
            metas = [(avances[m.id], por_meta.get(m.id, [])) for m in ruta.metas
                     if m.objetivo == o.id and m.id in avances]
            objetivos.append((o, metas))
        arbol.append((p, objetivos))
    return Resumen(arbol, sin_meta, list(avances.values()), situaciones, dinero(ruta, hoy),
                   termino=fin_de_clases_pasado(ruta, hoy))


def fin_de_clases_pasado(ruta: Ruta, hoy: date) -> date | None:
    """El último día de clases del ciclo de la Ruta (su calendario: el de ``ruta.yaml`` o el del
    catálogo) si ``hoy`` es posterior; si no, o sin calendario, ``None``. Quien mira el resumen
    después del ciclo sabe que ve una Ruta cerrada, no una en curso."""
    cal = ruta.calendario
    return cal.fin if cal is not None and cal.fin < hoy else None


__all__ = ["resumen", "Resumen"]
