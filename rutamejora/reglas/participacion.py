"""Reglas de la participación: la Ruta es de todo el colectivo y de la comunidad.

Que cada integrante del CTE responda por alguna acción, que alguna cuente con los padres de
familia, que estén las personas que el marco pide y que nadie lleve demasiadas acciones a la vez.

Registra RM340 ``integrante-sin-accion``, RM341 ``sin-padres-de-familia``, RM342
``sobrecarga`` y RM343 ``persona-del-marco``.
"""

from __future__ import annotations

import re
from collections import defaultdict

from rutamejora.formato.modelo import periodos
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import AVISO
from rutamejora.reglas.base import Lugar
from rutamejora.reglas.referencias import hay_referencias_rotas
from rutamejora.nucleo.expresiones import compilar

# Cuántas acciones a la vez puede llevar una persona antes de que sea poco realista
# (se cambia en ruta.yaml: validacion.max_acciones_simultaneas).
MAX_ACCIONES_SIMULTANEAS = 4


@regla("RM340", "integrante-sin-accion", AVISO, "planeacion", ("ruta.yaml", "acciones.yaml"))
def integrante_sin_accion(ruta, ctx):
    """Un integrante del colectivo no es responsable de ninguna acción: la Ruta es de todo el CTE.

    ✓ acciones.yaml
        acciones:
          - id: A1
            responsables: [DIR, DOC1, APF]
    ✗ acciones.yaml
        acciones:
          - id: A1
            responsables: [DOC1, APF]
    """
    if hay_referencias_rotas(ruta, "responsable") or not ruta.acciones:
        return  # Sin acciones todavía, la Ruta está por llenar (RM120): no acusar a nadie.
    if any(a.responsables is None for a in ruta.acciones):
        return  # Una acción sin responsables ya se informó (RM105): el que falta puede ser él.
    con_accion = {r for a in ruta.acciones for r in a.responsables or []}
    for persona in ruta.colectivo:
        if persona.id and persona.id not in con_accion:
            ctx.problema(persona, "id", f"{persona.id} no es responsable de ninguna acción.",
                         "Cada integrante del CTE asume alguna tarea: agrégalo a `responsables`.")


_PADRES = compilar(r"\b(padres|madres|familias?|tutores)\b", re.IGNORECASE)


@regla("RM341", "sin-padres-de-familia", AVISO, "planeacion", ("ruta.yaml", "acciones.yaml"))
def sin_padres_de_familia(ruta, ctx):
    """Ninguna acción cuenta con los padres de familia: b) se considera su participación.

    Cuenta si alguien de `comunidad` es responsable o si `participantes` menciona a padres,
    madres, familias o tutores.

    ✓ acciones.yaml
        acciones:
          - id: A1
            responsables: [DOC1, APF]
    ✗ acciones.yaml
        acciones:
          - id: A1
            responsables: [DOC1]
    """
    if not ruta.acciones or any(a.responsables is None for a in ruta.acciones):
        return  # Sin acciones, o una sin responsables (ya informada): no se sabe quién falta.
    comunidad = {p.id for p in ruta.comunidad}
    for a in ruta.acciones:
        if comunidad & set(a.responsables or []) or any(_PADRES.search(t) for t in a.participantes or []):
            return
    ctx.problema(Lugar.raiz(ruta, "acciones.yaml"), None,
                 "Ninguna acción cuenta con los padres de familia.",
                 "Haz responsable a alguien de `comunidad` en ruta.yaml o nómbralos en `participantes`.")


@regla("RM343", "persona-del-marco", AVISO, "planeacion", ("ruta.yaml",))
def persona_del_marco(ruta, ctx):
    """Falta entre las personas de la Ruta alguien que el marco pide (pmc-2024: el Comité de Planeación y Evaluación).

    Se busca por su `tipo` en `comunidad` de ruta.yaml (`personas_requeridas` del marco).

    ✓ ruta.yaml
        marco: rme-2014
    ✗ ruta.yaml
        marco: pmc-2024
    """
    if ruta.marco is None or ruta.datos.invalido("comunidad"):
        return
    tipos = {p.tipo for p in ruta.comunidad}
    for requerida in ruta.marco.personas_requeridas():
        if requerida.get("tipo") not in tipos:
            nombre = requerida.get("nombre") or requerida.get("tipo")
            ctx.problema(ruta.datos, "comunidad" if ruta.datos.presente("comunidad") else None,
                         f"El {ruta.marco.siglas} cuenta con {nombre}, y la Ruta no lo tiene entre sus personas.",
                         f"Agrégalo a `comunidad:` en ruta.yaml: `- {{id: …, nombre: {nombre}, "
                         f"tipo: {requerida.get('tipo')}}}`.")


@regla("RM342", "sobrecarga", AVISO, "planeacion", ("ruta.yaml", "acciones.yaml"))
def sobrecarga(ruta, ctx):
    """Una persona lleva más acciones a la vez que el límite (4; `validacion.max_acciones_simultaneas`).

    ✓ acciones.yaml
        acciones:
          - id: A1
            responsables: [DOC1]
    ✗ acciones.yaml
        acciones:
          - {id: A2, metas: [M1], actividad: Taller, responsables: [DOC1], recursos: [Aula], costo: 0, inicio: 2025-10-06, fin: 2025-11-28}
          - {id: A3, metas: [M1], actividad: Feria, responsables: [DOC1], recursos: [Patio], costo: 0, inicio: 2025-10-06, fin: 2025-11-28}
          - {id: A4, metas: [M1], actividad: Club, responsables: [DOC1], recursos: [Aula], costo: 0, inicio: 2025-10-06, fin: 2025-11-28}
          - {id: A5, metas: [M1], actividad: Tutoría, responsables: [DOC1], recursos: [Aula], costo: 0, inicio: 2025-10-06, fin: 2025-11-28}
    """
    ajustes = ruta.datos.validacion
    limite = ajustes.max_acciones_simultaneas if ajustes is not None and \
        ajustes.max_acciones_simultaneas is not None else MAX_ACCIONES_SIMULTANEAS
    por_persona = defaultdict(list)
    for a in ruta.acciones:
        for r in a.responsables or []:
            por_persona[r].extend((ini, fin, a) for ini, fin in periodos(a))
    for persona, tramos in sorted(por_persona.items()):
        dias = sorted({ini for ini, _, _ in tramos})
        for dia in dias:
            activas = {a.id for ini, fin, a in tramos if ini <= dia <= fin}
            if len(activas) > limite:
                quien = ruta.por_id("responsable").get(persona)
                objeto = quien if quien is not None else tramos[0][2]
                ctx.problema(objeto, "id" if quien is not None else "responsables",
                             f"{persona} lleva {len(activas)} acciones a la vez el {dia.isoformat()} "
                             f"(límite: {limite}): " + ", ".join(sorted(activas)) + ".",
                             "Reparte responsabilidades o escalona las fechas.")
                break
