"""Reglas del dinero: el costo de las acciones contra las fuentes del presupuesto.

Que una acción con costo diga de qué fuente sale (cuando hay más de una) y que lo planeado con
cargo a una fuente no supere lo que aporta.

Y que un mismo ingreso no esté dos veces en una entrada de la bitácora.

Registra RM314 ``costo-sin-fuente``, RM315 ``presupuesto-excedido`` y RM418 ``ingreso-repetido``.
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


@regla("RM418", "ingreso-repetido", AVISO, "seguimiento", ("bitacora.yaml",))
def ingreso_repetido(ruta, ctx):
    """La bitácora registra dos veces el mismo ingreso el mismo día: la misma fuente, el mismo monto y el mismo concepto.

    Casi siempre es una línea (o una entrada entera) copiada, y lo recibido de esa fuente sube
    dos veces en los informes. Si de verdad fueron dos ingresos iguales, su `concepto` los
    distingue.

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2026-03-27
            ingresos:
              - {fuente: F2, monto: 2600.00, concepto: Kermés (primera parte)}
              - {fuente: F2, monto: 2600.00, concepto: Kermés (segunda parte)}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2026-03-27
            ingresos:
              - {fuente: F2, monto: 2600.00, concepto: Kermés de la APF}
              - {fuente: F2, monto: 2600.00, concepto: Kermés de la APF}
    """
    for primero, misma, ingreso, _ in ingresos_repetidos(ruta.entradas):
        linea = primero.pos(None)[0]
        concepto = f" ({ingreso.concepto})" if ingreso.concepto else ""
        donde = "esta entrada" if misma else "otra entrada del mismo día"
        ctx.problema(ingreso, "monto",
                     f"El ingreso de {ingreso.fuente} por ${ingreso.monto:,.2f}{concepto} ya está en "
                     f"{donde} (línea {linea}): los informes lo suman dos veces a lo recibido.",
                     "Si es el mismo, borra la copia; si fueron dos ingresos, distínguelos en su "
                     "`concepto` («primera parte», «segunda parte»).")


def ingresos_repetidos(entradas) -> list[tuple]:
    """``[(el primero, si es de la misma entrada, su copia, la entrada de la copia)]``: los
    ingresos que repiten la
    fuente, el monto y el concepto (sin contar mayúsculas ni espacios) de otro del mismo día
    (de una entrada sin fecha, solo de ella). Lo usan RM418 y la rendición."""
    vistos: dict = {}
    repetidos = []
    for entrada in entradas:
        dia = entrada.fecha if entrada.fecha is not None else id(entrada)
        for ingreso in entrada.ingresos or []:
            if not ingreso.fuente or ingreso.monto is None:
                continue
            llave = (dia, ingreso.fuente, ingreso.monto, " ".join((ingreso.concepto or "").split()).casefold())
            if llave in vistos:
                primero, suya = vistos[llave]
                repetidos.append((primero, suya is entrada, ingreso, entrada))
            else:
                vistos[llave] = (ingreso, entrada)
    return repetidos
