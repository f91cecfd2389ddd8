"""Reglas del diagnóstico: ¿cubre todo lo que las orientaciones piden? (diagnostico.yaml).

Que revise cada asignatura o campo formativo del plan, reconozca fortalezas, considere a los
alumnos en riesgo, valore los rasgos de los anexos del nivel y, donde el marco lo pide, diga
cómo está la escuela en cada ámbito.

Registra RM330 ``campo-sin-diagnostico``, RM331 ``diagnostico-sin-fortalezas``, RM332
``diagnostico-sin-riesgo``, RM333 ``rasgos-sin-valorar`` y RM335 ``ambito-sin-diagnostico``.
"""

from __future__ import annotations

from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import AVISO


@regla("RM330", "campo-sin-diagnostico", AVISO, "planeacion", ("ruta.yaml", "diagnostico.yaml"))
def campo_sin_diagnostico(ruta, ctx):
    """El diagnóstico no revisa alguna asignatura o campo formativo del plan de la escuela.

    Las orientaciones piden reconocer las necesidades de todos los alumnos en cada asignatura
    o campo formativo.

    ✓ diagnostico.yaml
        fecha: 2025-08-26
    ✗ diagnostico.yaml (completo)
        fecha: 2025-08-26
        aprendizajes:
          - campo: Lenguajes
            resultados:
              - {indicador: Promedio, valor: 7.8, unidad: promedio}
        fortalezas: [Trabajo colegiado]
        necesidades:
          - {id: N1, descripcion: Comprensión lectora baja}
    """
    if ruta.diagnostico is None or not ruta.campos or ruta.diagnostico.aprendizajes is None:
        return
    if any(a.invalido("campo") for a in ruta.diagnostico.aprendizajes):
        return  # Un campo mal escrito ya se informó (RM107): podría ser el que "falta".
    revisados = {a.campo for a in ruta.diagnostico.aprendizajes}
    faltan = [c for c in ruta.campos if c not in revisados]
    if faltan:
        ctx.problema(ruta.diagnostico, "aprendizajes",
                     "El diagnóstico no revisa: " + ", ".join(faltan) + ".",
                     f"Agrega sus resultados (plan {ruta.plan}, {ruta.nivel}).")


@regla("RM331", "diagnostico-sin-fortalezas", AVISO, "planeacion", ("diagnostico.yaml",))
def diagnostico_sin_fortalezas(ruta, ctx):
    """El diagnóstico no reconoce fortalezas de la práctica docente y directiva.

    ✓ diagnostico.yaml
        fortalezas: [Trabajo colegiado]
    ✗ diagnostico.yaml
        fortalezas: []
    """
    d = ruta.diagnostico
    if d is None or d.invalido("fortalezas"):
        return
    por_campo = any(a.fortalezas for a in d.aprendizajes or [])
    if not d.fortalezas and not por_campo:
        ctx.problema(d, "fortalezas" if d.presente("fortalezas") else None,
                     "El diagnóstico no reconoce ninguna fortaleza.",
                     "Anota en `fortalezas:` con qué se cuenta para la tarea docente y directiva.")


@regla("RM332", "diagnostico-sin-riesgo", AVISO, "planeacion", ("diagnostico.yaml",))
def diagnostico_sin_riesgo(ruta, ctx):
    """El diagnóstico no considera a los alumnos en riesgo (de no aprender, no ser promovidos o abandonar).

    Si no hay ninguno, dilo con `cantidad: 0`: así se ve que se consideró.

    ✓ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: abandono, cantidad: 0}
    ✗ diagnostico.yaml
        alumnos_en_riesgo: []
    """
    d = ruta.diagnostico
    if d is not None and not d.alumnos_en_riesgo and not d.invalido("alumnos_en_riesgo"):
        ctx.problema(d, "alumnos_en_riesgo" if d.presente("alumnos_en_riesgo") else None,
                     "El diagnóstico no considera a los alumnos en riesgo.",
                     "Agrega `alumnos_en_riesgo:` con cantidades o códigos (nunca nombres); "
                     "si no hay, escribe `cantidad: 0`.")


@regla("RM333", "rasgos-sin-valorar", AVISO, "planeacion", ("ruta.yaml", "diagnostico.yaml"))
def rasgos_sin_valorar(ruta, ctx):
    """El diagnóstico no valora todos los rasgos de los anexos que aplican al nivel de la escuela.

    ✓ diagnostico.yaml
        fecha: 2025-08-26
    ✗ diagnostico.yaml
        rasgos: []
    """
    d = ruta.diagnostico
    if d is None or ruta.marco is None or not ruta.nivel or d.invalido("rasgos"):
        return
    valorados = {(r.anexo, str(r.rasgo).lower()) for r in d.rasgos or [] if r.valoracion}
    escritos = {(r.anexo, str(r.rasgo).lower()) for r in d.rasgos or []}
    for anexo in ruta.marco.valores("anexos"):
        if ruta.nivel not in (anexo.get("niveles") or []):
            continue
        existentes = {str(r["clave"]).lower() for r in anexo.get("rasgos") or []}
        if any(a == anexo["clave"] and r not in existentes for a, r in escritos):
            continue  # Un rasgo mal numerado ya se informó (RM205): podría ser el que "falta".
        faltan = [str(r["clave"]) for r in anexo.get("rasgos") or []
                  if (anexo["clave"], str(r["clave"]).lower()) not in valorados]
        if faltan:
            # Señala el primer rasgo escrito sin valorar (así cada anexo tiene su línea); si no
            # está escrito, la lista de rasgos.
            sin_valor = [(i, r) for i, r in enumerate(d.rasgos or [])
                         if r.anexo == anexo["clave"] and str(r.rasgo).lower() in faltan and not r.valoracion]
            lugar = f"rasgos[{sin_valor[0][0]}]" if sin_valor else ("rasgos" if d.presente("rasgos") else None)
            pista = ("Escribe en `valoracion:` logrado, en_proceso o no_logrado." if sin_valor else
                     f"Agrega `- {{anexo: {anexo['clave']}, rasgo: {faltan[0]}, valoracion: …}}`.")
            ctx.problema(d, lugar,
                         f"Faltan por valorar {len(faltan)} rasgos de «{anexo.get('titulo', anexo['clave'])}»: "
                         + ", ".join(faltan) + ".", pista)


@regla("RM335", "ambito-sin-diagnostico", AVISO, "planeacion", ("ruta.yaml", "diagnostico.yaml"))
def ambito_sin_diagnostico(ruta, ctx):
    """El diagnóstico no dice cómo está la escuela en algún ámbito del marco.

    En los marcos que hacen el diagnóstico por ámbito (`reglas_suaves:
    diagnostico-por-ambito`; pemc-2019: los ocho ámbitos) y en cualquier Ruta cuyo diagnóstico
    empiece a escribir `ambitos:`.

    ✓ diagnostico.yaml
        fecha: 2025-08-26
    ✗ diagnostico.yaml
        ambitos:
          - {ambito: escuela, situacion: Los recreos se alargan y se pierde tiempo de clase}
    """
    d = ruta.diagnostico
    if d is None or ruta.marco is None:
        return
    if ruta.marco.regla_suave("diagnostico-por-ambito") is None and not d.ambitos:
        return
    if d.invalido("ambitos") or any(a.invalido("ambito") for a in d.ambitos or []):
        return
    revisados = {a.ambito for a in d.ambitos or []}
    faltan = [v for v in ruta.marco.valores("ambitos") if v.get("clave") not in revisados]
    if faltan and d.ambitos is not None:
        ctx.problema(d, "ambitos",
                     "El diagnóstico no revisa " + ("el ámbito" if len(faltan) == 1 else "los ámbitos")
                     + ": " + ", ".join(f"«{v.get('nombre')}»" for v in faltan) + ".",
                     f"Agrega `- {{ambito: {faltan[0].get('clave')}, situacion: …}}`.")
