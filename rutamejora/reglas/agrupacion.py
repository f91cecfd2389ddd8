"""Reglas de la agrupación del marco: prioridades, ámbitos o problemáticas, según lo que pide.

Cuántas acciones tiene cada una (si el marco fija un mínimo), que su orden de urgencia no se
repita ni salte números, y qué agrupaciones del marco no se atienden sin decir por qué.

Registra RM325 ``acciones-por-agrupacion``, RM326 ``orden-de-la-agrupacion`` y RM334
``prioridad-del-marco-sin-atender``.
"""

from __future__ import annotations

from collections import defaultdict

from rutamejora.formato.modelo import marco_de
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import AVISO, INFO
from rutamejora.nucleo.textos import mayuscula
from rutamejora.reglas.base import Lugar
from rutamejora.reglas.referencias import hay_referencias_rotas


@regla("RM325", "acciones-por-agrupacion", AVISO, "planeacion",
       ("ruta.yaml", "prioridades.yaml", "objetivos.yaml", "metas.yaml", "acciones.yaml"))
def acciones_por_agrupacion(ruta, ctx):
    """Una prioridad (o ámbito, o problemática) tiene menos acciones de las que el marco recomienda.

    Solo en los marcos que lo piden (`reglas_suaves: acciones-por-agrupacion: {minimo: 2}`; en
    pemc-2019, al menos dos acciones por ámbito). Cuenta las acciones que sirven a alguna meta
    de algún objetivo de la prioridad.

    ✓ ruta.yaml
        marco: rme-2014
    ✗ ruta.yaml
        marco: pemc-2019
    """
    ajustes = ruta.marco.regla_suave("acciones-por-agrupacion") if ruta.marco is not None else None
    if ajustes is None or not ruta.acciones:
        return
    minimo = int(ajustes.get("minimo") or 1)
    if hay_referencias_rotas(ruta, "prioridad") or hay_referencias_rotas(ruta, "objetivo") or \
            hay_referencias_rotas(ruta, "meta"):
        return  # RM202 ya lo dice: contar con referencias rotas sería una cascada.
    objetivo_de = {m.id: m.objetivo for m in ruta.metas}
    prioridad_de = {o.id: o.prioridad for o in ruta.objetivos}
    cuenta: dict = defaultdict(set)
    for a in ruta.acciones:
        for m in a.metas or []:
            p = prioridad_de.get(objetivo_de.get(m))
            if p:
                cuenta[p].add(a.id)
    marco = ruta.marco
    for p in ruta.prioridades:
        n = len(cuenta.get(p.id, ()))
        if p.id and n < minimo:
            ctx.problema(p, "id", f"{mayuscula(marco.el())} {p.id} tiene {n} "
                                  f"{'acción' if n == 1 else 'acciones'}; el {marco.siglas} "
                                  f"recomienda al menos {minimo}.",
                         f"Agrega acciones a sus metas en acciones.yaml (`metas: [...]`).")


@regla("RM326", "orden-de-la-agrupacion", AVISO, "planeacion", ("ruta.yaml", "prioridades.yaml"))
def orden_de_la_agrupacion(ruta, ctx):
    """El orden con que el CTE jerarquiza sus ámbitos se repite o salta números (1, 2, 2, 5).

    Solo en los marcos de agrupación ordenada (`agrupacion.ordenada: true`; pemc-2019: los
    ámbitos *se jerarquizan*). El orden va de 1 (lo más urgente) hacia abajo, sin repetir.

    ✓ prioridades.yaml
        prioridades:
          - id: P1
            orden: 1
    ✗ prioridades.yaml
        prioridades:
          - id: P1
            orden: 1
          - id: P2
            orden: 1
            prioridad: convivencia-escolar
            descripcion: Mejorar la convivencia en el recreo
            necesidades: [N1]
    """
    marco = marco_de(ruta)
    ordenes = [p for p in ruta.prioridades if p.orden is not None]
    if not ordenes or (not marco.agrupacion.get("ordenada") and len(ordenes) < 2):
        return
    vistos: dict = {}
    for p in ordenes:
        if p.orden in vistos:
            ctx.problema(p, "orden", f"{mayuscula(marco.el())} {p.id} tiene el mismo orden ({p.orden}) "
                                     f"que {vistos[p.orden].id}.",
                         f"Numera {marco.plural} 1, 2, 3… según su urgencia, sin repetir.")
        else:
            vistos[p.orden] = p
    esperados = set(range(1, len(ordenes) + 1))
    faltan = sorted(esperados - set(vistos))
    if faltan and len(vistos) == len(ordenes):
        ultimo = max(ordenes, key=lambda p: p.orden)
        ctx.problema(ultimo, "orden", f"El orden salta números: falta el {', '.join(map(str, faltan))}.",
                     f"Numera {marco.plural} 1, 2, 3… sin huecos.")


@regla("RM334", "prioridad-del-marco-sin-atender", INFO, "planeacion", ("ruta.yaml", "prioridades.yaml"))
def prioridad_del_marco_sin_atender(ruta, ctx):
    """Una prioridad del marco (en rme-2014, del Sistema Básico de Mejora) no se atiende y no se dice por qué.

    Se informa, no es un error: el CTE elige. Para dejar constancia del motivo, escríbela en
    `no_atendidas` de prioridades.yaml. Las que faltan van en una sola nota, con su cuenta
    («No se atienden 5 ámbitos del marco pemc-2019: …»).

    ✓ prioridades.yaml
        no_atendidas:
          - {prioridad: normalidad-minima, motivo: Los rasgos se cumplen}
          - {prioridad: rezago-abandono, motivo: Sin casos este ciclo}
          - {prioridad: convivencia-escolar, motivo: Se atiende con el programa estatal}
    ✗ prioridades.yaml
        no_atendidas: []
    """
    if ruta.marco is None or not ruta.prioridades:
        return  # Sin prioridades todavía, la Ruta está por llenar (RM120).
    if any(p.invalido("prioridad") for p in ruta.prioridades + ruta.no_atendidas):
        return  # Una prioridad mal escrita ya se informó (RM107): podría ser la que "falta".
    atendidas = {p.prioridad for p in ruta.prioridades} | {n.prioridad for n in ruta.no_atendidas}
    marco = ruta.marco
    faltan = [v for v in marco.valores("agrupacion") if v["clave"] not in atendidas]
    if not faltan:
        return
    # Una sola nota con todas: seis notas en la misma línea se leían como seis problemas.
    lugar = Lugar.raiz(ruta, "prioridades.yaml")
    ejemplo = f"`- {{{marco.clave_valor}: {faltan[0]['clave']}, motivo: …}}`"
    if len(faltan) == 1:
        ctx.problema(lugar, None, f"No se atiende «{faltan[0]['nombre']}» ({marco.singular} del "
                                  f"marco {marco.clave}).",
                     f"Si es a propósito, escribe el motivo en `no_atendidas` ({ejemplo}).")
        return
    nombres = ", ".join(f"«{v['nombre']}»" for v in faltan)
    ctx.problema(lugar, None, f"No se atienden {len(faltan)} {marco.plural} del marco "
                              f"{marco.clave}: {nombres}.",
                 f"Si es a propósito, escribe el motivo de cada "
                 f"{'una' if marco.femenino else 'uno'} en `no_atendidas` ({ejemplo}; "
                 f"claves: {', '.join(v['clave'] for v in faltan)}).")
