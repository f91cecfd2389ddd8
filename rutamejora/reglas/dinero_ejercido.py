"""Reglas del dinero ejercido: lo que la bitácora dice que se gastó, contra sus comprobantes y
sus fuentes.

La rendición de cuentas dice en qué se gastó y con qué se comprueba: cada gasto lleva su
comprobante (no basta uno por acción), ninguna fuente gasta más de lo que tiene (lo recibido
o, si la Ruta no registra ningún ingreso, su presupuesto) y todo gasto sale de una fuente conocida. Son
avisos de seguimiento: el informe los muestra, la validación los señala a tiempo.

Registra RM408 ``gasto-sin-comprobante``, RM409 ``fuente-sobregirada``, RM410
``gasto-sin-fuente``, RM415 ``comprobante-repetido`` y RM419 ``comprobante-sin-gasto``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rutamejora.formato.modelo import costo_total, gasto_total, registros
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import AVISO
from rutamejora.reglas.comprobantes import es_comprobante, explica_el_repetido, motivo_del_registro, repetidos
from rutamejora.reglas.compartido import con_cuanto_cuenta, fuente_del_gasto

_DINERO = ("ruta.yaml", "acciones.yaml", "bitacora.yaml")


def _pesos(cantidad: Decimal) -> str:
    return f"${cantidad:,.2f}"


@regla("RM408", "gasto-sin-comprobante", AVISO, "seguimiento", ("bitacora.yaml",))
def gasto_sin_comprobante(ruta, ctx):
    """Un gasto registrado en la bitácora no tiene su comprobante (cada gasto lleva el suyo).
    Lo que dice que falta o que se perdió («pendiente», «Pdte», «sin factura», «Compra en tianguis
    sin ticket», «Tianguis (no dan nota)», «Comprobante: ninguno», «Ticket extraviado», «N/A»,
    «-», «La factura no llegó», «Factura en camino»), solo cómo o quién pagó («Se pagó en
    efectivo», «Lo pagó la directora de su bolsa»), solo una fecha o un monto («$1,850.00», «29 de
    mayo de 2026») o dónde buscarlo («ver carpeta») no es un comprobante; tampoco el que dice otro
    monto que el del gasto («Factura D-3310 por $1,250.00» para un gasto de $1,400.00). Un papel
    con su folio cuenta aunque le falte otro («Recibo 45 (sin comprobante fiscal)»).

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: en_curso, gasto: 150.00, comprobante: APF-2025-0412}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: en_curso, gasto: 150.00}
    """
    for e in ruta.entradas:
        for r in e.acciones or []:
            motivo = motivo_del_registro(r) if r.gasto and r.gasto > 0 else None
            if motivo is not None:
                dia = f" el {e.fecha.isoformat()}" if e.fecha else ""
                dice = f" («{r.comprobante}» {motivo})" if motivo != "está vacío" else ""
                otro_monto = motivo is not None and motivo.startswith("dice otro monto")
                ctx.problema(r, "gasto",
                             f"El gasto de {_pesos(r.gasto)} en la acción {r.accion}{dia} no tiene "
                             f"comprobante{dice}.",
                             "Revisa que sea el comprobante de este gasto y corrige el monto de uno "
                             "o del otro; si cubre varios gastos, dilo en `nota:`." if otro_monto else
                             "Agrega `comprobante:` con el folio de la factura o del recibo "
                             "(`ruta bitacora agregar … --comprobante …`).")


@regla("RM419", "comprobante-sin-gasto", AVISO, "seguimiento", ("bitacora.yaml",))
def comprobante_sin_gasto(ruta, ctx):
    """Un registro trae un comprobante sin `gasto`: no queda como comprobante de ningún gasto.

    Cada gasto lleva su comprobante en su mismo registro. Un comprobante que llegó después va
    en el registro de su gasto (en lugar de «pendiente»), no en uno nuevo: así los informes no
    dicen a la vez que el comprobante está y que el gasto no lo tiene.

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: en_curso, gasto: 150.00, comprobante: APF-2025-0412}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: en_curso, gasto: 150.00, comprobante: pendiente}
          - fecha: 2025-10-31
            acciones:
              - {accion: A1, estado: en_curso, comprobante: APF-2025-0412}
    """
    pendientes: dict = {}   # acción → el último gasto sin comprobante antes de este registro
    for e in ruta.entradas:
        for r in e.acciones or []:
            if r.gasto and r.gasto > 0:
                if motivo_del_registro(r) is not None:
                    pendientes[r.accion] = (e, r)
                continue
            if r.comprobante and (r.gasto is None or r.gasto == 0) and es_comprobante(r.comprobante):
                gasto = pendientes.get(r.accion)
                cual = (f" Si es el del gasto de {_pesos(gasto[1].gasto)} del "
                        f"{gasto[0].fecha.isoformat() if gasto[0].fecha else 'registro sin fecha'}, "
                        "ponlo en ese registro en lugar de lo que dice ahora.") if gasto else \
                    " Si es otro papel (una carta, un donativo), va en `evidencias`."
                sin = "sin `gasto`" if r.gasto is None else "con `gasto: 0`"
                ctx.problema(r, "comprobante",
                             f"El comprobante «{r.comprobante}» de la acción {r.accion} está en un "
                             f"registro {sin}: no queda como comprobante de ningún gasto.",
                             "Cada gasto lleva su comprobante en su mismo registro." + cual)


@regla("RM409", "fuente-sobregirada", AVISO, "seguimiento", _DINERO)
def fuente_sobregirada(ruta, ctx):
    """Con cargo a una fuente se gastó más de lo que tiene: lo recibido o, si la Ruta no registra ningún ingreso, su presupuesto.

    En cuanto la bitácora registra un ingreso (de cualquier fuente), una fuente sin ingresos no
    ha recibido nada: gastar con cargo a ella ya es gastar más de lo recibido.

    El aviso dice lo planeado y lo ejercido con esa fuente y queda en el gasto que la rebasó: ahí
    va la `nota` que lo explica, que la rendición de cuentas muestra junto al sobregiro.

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: en_curso, gasto: 1500.00, comprobante: F-001}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: en_curso, gasto: 5200.00, comprobante: F-001}
    """
    fuentes = ruta.por_id("fuente")
    recibido = {i: Decimal(0) for i in fuentes}
    for e in ruta.entradas:
        for ingreso in e.ingresos or []:
            if ingreso.fuente in recibido and ingreso.monto is not None:
                recibido[ingreso.fuente] += ingreso.monto
    planeado = {i: Decimal(0) for i in fuentes}
    gastos: dict = {i: [] for i in fuentes}   # [(fecha, registro)]
    for a in ruta.acciones:
        cargo = fuente_del_gasto(ruta, a) if a.id else None
        if cargo is None:
            continue
        planeado[cargo] += costo_total(a) or 0
        gastos[cargo] += [(e.fecha or date.min, r) for e, r in registros(ruta, a.id) if r.gasto]
    con_ingresos = any(recibido.values())   # la misma regla que vistas.dinero
    for fid, fuente in fuentes.items():
        _avisar_sobregiro(ctx, fuente, recibido[fid], planeado[fid],
                          sorted(gastos[fid], key=lambda par: par[0]), con_ingresos)


def _avisar_sobregiro(ctx, fuente, recibido: Decimal, planeado: Decimal, gastos: list,
                      con_ingresos: bool) -> None:
    disponible = con_cuanto_cuenta(fuente.monto or Decimal(0), recibido, con_ingresos)
    ejercido, rebaso = Decimal(0), None
    for _, r in gastos:
        ejercido += r.gasto
        if rebaso is None and ejercido > disponible:
            rebaso = r
    if rebaso is None:
        return
    if con_ingresos:
        tope = f"más de lo recibido ({_pesos(recibido)}"
        tope += f" de {_pesos(fuente.monto)} presupuestados)" if fuente.monto else ")"
    elif fuente.monto:
        tope = f"más que su presupuesto ({_pesos(fuente.monto)})"
    else:
        tope = "y la fuente no tiene monto ni ingresos registrados"
    ctx.problema(rebaso, "gasto",
                 f"Con cargo a la fuente {fuente.id} se han ejercido {_pesos(ejercido)} "
                 f"(planeado: {_pesos(planeado)}), {tope}.",
                 "Explica el sobregiro con `nota:` en este gasto, registra el ingreso que lo cubre "
                 "o corrige la `fuente` de la acción.")


@regla("RM410", "gasto-sin-fuente", AVISO, "seguimiento", _DINERO)
def gasto_sin_fuente(ruta, ctx):
    """Se gastó en una acción que no dice de qué fuente del presupuesto sale el dinero.

    Con una sola fuente en el presupuesto, el gasto va con cargo a ella sin escribirla. Si la
    acción tiene costo y hay varias fuentes, ya lo dice RM314.

    ✓ acciones.yaml
        acciones:
          - id: A1
            fuente: F1
    ✗ acciones.yaml
        acciones:
          - id: A1
            costo: 0
            fuente: null
    """
    for a in ruta.acciones:
        if not a.id or a.fuente or fuente_del_gasto(ruta, a) is not None:
            continue
        if costo_total(a) and len(ruta.fuentes) >= 2:
            continue  # RM314 (costo-sin-fuente) ya pide la fuente de esta acción
        gastado = gasto_total(ruta, a)
        if gastado <= 0:
            continue
        pista = ("Agrega `fuente:` con el id de la fuente (F1, F2, …)." if ruta.fuentes else
                 "Agrega la fuente en `presupuesto.fuentes` de ruta.yaml y `fuente:` en la acción.")
        ctx.problema(a, None,
                     f"En la acción {a.id} se han gastado {_pesos(gastado)} y no dice de qué "
                     "fuente del presupuesto sale el dinero.", pista)


@regla("RM415", "comprobante-repetido", AVISO, "seguimiento", ("bitacora.yaml",))
def comprobante_repetido(ruta, ctx):
    """Un mismo comprobante está en dos gastos: si es la misma compra, se contó dos veces.

    Pasa con una entrada copiada. Si de verdad cubre los dos gastos, la `nota` del segundo lo
    dice y el aviso se calla: nombra el comprobante («parte de la factura APF-2026-0050»), la
    acción del otro gasto («compartido con A3») o que se comparte («mismo ticket», «misma
    factura», «se dividió el gasto»). Una nota que no lo dice («Refrigerio y copias de las tres
    sesiones.») no lo calla: también la llevaría una entrada copiada.

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2026-03-10
            acciones:
              - {accion: A1, estado: en_curso, gasto: 65.00, comprobante: APF-2026-0050}
              - {accion: A1, estado: en_curso, gasto: 80.00, comprobante: APF-2026-0051}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2026-03-10
            acciones:
              - {accion: A1, estado: en_curso, gasto: 65.00, comprobante: APF-2026-0050}
              - {accion: A1, estado: en_curso, gasto: 65.00, comprobante: APF-2026-0050, nota: Refrigerio}
    """
    for grupo in repetidos(ruta.entradas):
        (primera, otro), *siguientes = grupo
        for _, r in siguientes:
            if explica_el_repetido(r, grupo):
                continue  # un comprobante que cubre varios gastos, y la nota lo dice
            dia = f" el {primera.fecha.isoformat()}" if primera.fecha else ""
            ctx.problema(r, "comprobante",
                         f"El comprobante «{r.comprobante}» ya está en el gasto de {_pesos(otro.gasto)} "
                         f"de la acción {otro.accion}{dia}: si es la misma compra, se contó dos veces.",
                         _pista_del_repetido(r, otro))


def _pista_del_repetido(registro, otro) -> str:
    """Qué hacer con un comprobante repetido; si ya trae una nota, qué le falta decir."""
    if not registro.nota:
        return ("Si la entrada se copió dos veces, borra una; si un comprobante cubre varios "
                "gastos, dilo en `nota:` del segundo.")
    # Solo lo que calla el aviso: el id de la misma acción no dice que se comparte.
    con = f", «compartido con {otro.accion}»" if otro.accion != registro.accion else ""
    return ("Su `nota` no dice que el comprobante cubre varios gastos: si es así, dilo («mismo "
            f"comprobante», «se dividió el gasto»{con}); si la entrada se copió dos veces, borra una.")
