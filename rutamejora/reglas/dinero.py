"""Reglas del dinero: el costo de las acciones contra las fuentes del presupuesto.

Que una acción con costo diga de qué fuente sale (cuando hay más de una) y que lo planeado con
cargo a una fuente no supere lo que aporta.

Registra RM314 ``costo-sin-fuente`` y RM315 ``presupuesto-excedido``.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from rutamejora.formato.modelo import costo_total
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import AVISO, ERROR


@regla("RM314", "costo-sin-fuente", AVISO, "planeacion", ("ruta.yaml", "acciones.yaml"))
def costo_sin_fuente(ruta, ctx):
    """Una acción con costo no dice de qué fuente del presupuesto sale (cuando hay más de una).

    ✓ acciones.yaml
        acciones:
          - id: A1
            costo: 1500
            fuente: F1
    ✗ acciones.yaml
        acciones:
          - id: A1
            fuente: null
    """
    if len(ruta.fuentes) < 2:
        return
    for a in ruta.acciones:
        total = costo_total(a)
        if total and not a.fuente:
            ctx.problema(a, "costo", f"La acción {a.id} cuesta ${total:,.2f} y no dice de qué fuente sale.",
                         "Agrega `fuente:` con el id de la fuente (F1, F2, …).")


@regla("RM315", "presupuesto-excedido", ERROR, "planeacion", ("ruta.yaml", "acciones.yaml"))
def presupuesto_excedido(ruta, ctx):
    """Lo planeado con cargo a una fuente supera lo que esa fuente aporta: d) equilibrio entre costos y recursos.

    ✓ acciones.yaml
        acciones:
          - id: A1
            costo: 1500
            fuente: F1
    ✗ acciones.yaml
        acciones:
          - id: A1
            costo: 9000
            fuente: F1
    """
    planeado: dict = defaultdict(Decimal)
    for a in ruta.acciones:
        total = costo_total(a)
        if total and a.fuente:
            planeado[a.fuente] += total
    for f in ruta.fuentes:
        if f.monto is not None and planeado.get(f.id, 0) > f.monto:
            ctx.problema(f, "monto",
                         f"Lo planeado con la fuente {f.id} (${planeado[f.id]:,.2f}) supera su monto "
                         f"(${f.monto:,.2f}).",
                         "Ajusta los costos, cambia la fuente de alguna acción o corrige el monto.")
