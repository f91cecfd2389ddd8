"""La definición de ``diagnostico.yaml``: resultados y necesidades por asignatura o campo
formativo, alumnos en riesgo, indicadores, rasgos y las necesidades numeradas (N1, N2, …).

``esquema`` la reúne con la de los demás archivos.
"""

from __future__ import annotations

from rutamejora.formato.tipos import (FECHA, NUMERO, RASGO_VALORADO, TEXTO, TEXTOS, C, Entero, Id,
                                      Lista, Objeto, Opcion)

RESULTADO = Objeto(entidad="resultado", campos=(
    C("indicador", TEXTO, True, "Qué se midió (p. ej. «Promedio de calificaciones», «SisAT lectura»)."),
    C("valor", NUMERO, True, "El valor obtenido."),
    C("unidad", Opcion(valores=("porcentaje", "promedio", "alumnos", "nivel", "numero")), True,
      "Unidad del valor."),
    C("grado", TEXTO, False, "Grado o grupo al que corresponde (si no es toda la escuela)."),
    C("fuente", TEXTO, False, "De dónde sale el dato (boletas, SisAT, evaluación interna…)."),
))

APRENDIZAJE = Objeto(entidad="aprendizaje", campos=(
    C("campo", Opcion(catalogo="campos"), True,
      "Asignatura o campo formativo del plan de estudios de la escuela."),
    C("resultados", Lista(RESULTADO), True, "Resultados del ciclo anterior y de evaluaciones.", por_llenar=True),
    C("necesidades", TEXTO, False, "Qué necesitan los alumnos en este campo."),
    C("fortalezas", TEXTO, False, "Qué ya funciona en este campo."),
))

RIESGO = Objeto(entidad="riesgo", campos=(
    C("tipo", Opcion(valores=("no_alcanzar_aprendizajes", "no_ser_promovido", "abandono",
                              "lengua_indigena", "migrante", "necesidades_educativas_especiales",
                              "ausentismo")), True, "Situación de riesgo o de atención."),
    C("cantidad", Entero(minimo=0), False, "Cuántos alumnos (sin nombres)."),
    C("codigos", TEXTOS, False, "Códigos internos de los alumnos, nunca nombres ni CURP."),
    C("grado", TEXTO, False, "Grado o grupo."),
    C("apoyo", TEXTO, False, "Apoyo previsto."),
))

NECESIDAD = Objeto(entidad="necesidad", campos=(
    C("id", Id("N"), True, "Id de la necesidad (N1, N2, …), el que citan las prioridades."),
    C("descripcion", TEXTO, True, "La necesidad detectada."),
    C("evidencia", TEXTO, False, "Dato del diagnóstico que la sostiene."),
))

INDICADOR_ESCOLAR = Objeto(entidad="indicador_escolar", campos=(
    C("nombre", TEXTO, True, "Qué se mide (asistencia, reprobación, abandono, puntualidad…)."),
    C("valor", NUMERO, True, "Valor al inicio del ciclo."),
    C("unidad", RESULTADO.campo("unidad").tipo, True, "Unidad del valor."),
))

DIAGNOSTICO_AMBITO = Objeto(entidad="diagnostico_ambito", campos=(
    C("ambito", Opcion(catalogo="ambitos"), True, "El ámbito del marco."),
    C("situacion", TEXTO, True, "Cómo está la escuela en este ámbito.", por_llenar=True),
    C("fortalezas", TEXTO, False, "Qué ya funciona en este ámbito."),
    C("necesidades", TEXTO, False, "Qué hace falta en este ámbito."),
))

DIAGNOSTICO = Objeto(entidad="diagnostico", campos=(
    C("fecha", FECHA, True, "Cuándo se hizo (normalmente en la fase intensiva).", por_llenar=True),
    C("fuentes", TEXTOS, False, "Evidencias revisadas: boletas, SisAT, evaluaciones externas…"),
    C("contexto", TEXTO, False,
      "La comunidad, las familias y el entorno de la escuela (el diagnóstico socioeducativo "
      "de pmc-2024).", por_llenar=True),
    C("ambitos", Lista(DIAGNOSTICO_AMBITO), False,
      "La situación de la escuela en cada ámbito del marco (pemc-2019: los ocho ámbitos).",
      por_llenar=True),
    C("aprendizajes", Lista(APRENDIZAJE), True,
      "Resultados y necesidades por asignatura o campo formativo.",
      "¿Dónde estamos? Necesidades de todos los alumnos en cada asignatura o campo formativo.", por_llenar=True),
    C("fortalezas", TEXTOS, False, "Fortalezas de la práctica docente y directiva.",
      "¿Con qué fortalezas contamos para la tarea docente y directiva?"),
    C("practicas", TEXTO, False, "Mejoras que requieren las prácticas de enseñanza y de gestión."),
    C("alumnos_en_riesgo", Lista(RIESGO), False,
      "Alumnos en riesgo o con atención diferenciada, por cantidad o por código.",
      "¿Quiénes están en riesgo de no aprender, no ser promovidos o abandonar?"),
    C("indicadores", Lista(INDICADOR_ESCOLAR), False,
      "Asistencia, ausentismo, reprobación y otros indicadores de la escuela."),
    C("rasgos", Lista(RASGO_VALORADO), False,
      "Valoración de los rasgos de los anexos (normalidad mínima, ausentismo, convivencia…)."),
    C("convivencia", TEXTO, False, "Cómo está la convivencia escolar."),
    C("infraestructura", TEXTOS, False, "Necesidades de infraestructura y materiales."),
    C("necesidades", Lista(NECESIDAD), True,
      "Necesidades numeradas que las prioridades atienden.",
      "¿Qué se hace con los resultados? Las necesidades de las que salen las prioridades.", por_llenar=True),
))
