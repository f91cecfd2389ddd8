"""La definición de la planeación: ``prioridades.yaml``, ``objetivos.yaml``, ``metas.yaml`` y
``acciones.yaml`` (prioridades, objetivos, metas con su indicador, acciones con su costo).

``esquema`` la reúne con la de los demás archivos.
"""

from __future__ import annotations

from rutamejora.formato.esquema_diagnostico import RESULTADO
from rutamejora.formato.tipos import (CICLO, DINERO, FECHA, NUMERO, PERIODO, TEXTO, TEXTOS, C, Entero,
                                      Id, Lista, Objeto, Opcion, Ref, UnoDe)

PRIORIDAD = Objeto(entidad="prioridad", campos=(
    C("id", Id("P"), True, "Id de la prioridad (P1, P2, …)."),
    C("prioridad", Opcion(catalogo="agrupacion"), True,
      "La prioridad del marco a la que pertenece (rme-2014: las cuatro del SBM; pemc-2019 la "
      "escribe `ambito:`).", por_llenar=True),
    C("orden", Entero(minimo=1), False,
      "Su lugar cuando el marco pide jerarquizar (pemc-2019: 1 es el ámbito más urgente)."),
    C("descripcion", TEXTO, True, "La prioridad educativa de esta escuela, en sus palabras.", por_llenar=True),
    C("ambitos", Lista(Opcion(catalogo="ambitos")), False,
      "Los ámbitos del marco que toca (pmc-2024: cada problemática con uno o más).", por_llenar=True),
    C("necesidades", Lista(Ref(a="necesidad")), True,
      "Las necesidades del diagnóstico que atiende (N1, N2, …).", por_llenar=True),
))

NO_ATENDIDA = Objeto(entidad="no_atendida", campos=(
    C("prioridad", Opcion(catalogo="agrupacion"), True, "Prioridad del marco que no se atiende."),
    C("motivo", TEXTO, True, "Por qué este ciclo no se atiende."),
))

PRIORIDADES = Objeto(entidad="archivo_prioridades", campos=(
    C("prioridades", Lista(PRIORIDAD), True, "Prioridades educativas de la escuela.",
      "¿Qué se hace con los resultados?", por_llenar=True),
    C("no_atendidas", Lista(NO_ATENDIDA), False,
      "Prioridades del marco que este ciclo no se atienden, con su motivo."),
))

OBJETIVO = Objeto(entidad="objetivo", campos=(
    C("id", Id("O"), True, "Id del objetivo (O1, O2, …)."),
    C("prioridad", Ref(a="prioridad"), True, "La prioridad a la que sirve (P1, …)."),
    C("que", TEXTO, True, "Lo que se quiere lograr.", "¿Qué queremos lograr?", por_llenar=True),
    C("para_que", TEXTO, True, "Para qué se quiere lograr.", "¿Para qué lo vamos a hacer?", por_llenar=True),
))

OBJETIVOS = Objeto(entidad="archivo_objetivos", campos=(
    C("objetivos", Lista(OBJETIVO), True, "Objetivos de la Ruta.", por_llenar=True),
))

INDICADOR = Objeto(entidad="indicador", campos=(
    C("nombre", TEXTO, True, "Qué se mide.", por_llenar=True),
    C("unidad", RESULTADO.campo("unidad").tipo, True,
      "porcentaje (0–100), promedio (escala de calificación), alumnos, nivel o numero.", por_llenar=True),
    C("formula", TEXTO, False, "Cómo se calcula (p. ej. alumnos en nivel esperado ÷ total × 100).", por_llenar=True),
    C("fuente", TEXTO, False, "De dónde sale el dato."),
))

META = Objeto(entidad="meta", campos=(
    C("id", Id("M"), True, "Id de la meta (M1, M2, …)."),
    C("objetivo", Ref(a="objetivo"), True, "El objetivo al que contribuye (O1, …).", por_llenar=True),
    C("descripcion", TEXTO, True, "La meta redactada completa.", "¿Cuánto?", por_llenar=True),
    C("indicador", INDICADOR, True, "Con qué se mide la meta.", por_llenar=True),
    C("sentido", Opcion(valores=("aumentar", "disminuir", "mantener")), True,
      "Si el indicador debe subir (lograda con el valor meta o más), bajar (con el valor meta o "
      "menos) o sostenerse: `mantener` va hacia donde va de la línea base al valor meta; si son "
      "iguales, solo el valor meta exacto la cumple (un valor mayor o menor pudo empeorar). "
      "Para «no bajar de 95» escribe `aumentar`, y para «no pasar de 0», `disminuir`, con la "
      "línea base igual al valor meta.", por_llenar=True),
    C("linea_base", NUMERO, True, "Valor del indicador al inicio (de dónde partimos).", por_llenar=True),
    C("valor_meta", NUMERO, True, "Valor que se quiere alcanzar.", "¿Cuánto?", por_llenar=True),
    C("fecha_limite", FECHA, True, "Cuándo debe estar lograda (dentro del ciclo).", "¿Cuándo?", por_llenar=True),
    C("ciclo", CICLO, False,
      "El ciclo de la meta, cuando la Ruta abarca varios (pemc-2019: metas por ciclo)."),
    C("de_que_manera", TEXTO, False, "Cómo se va a lograr, en breve.", "¿De qué manera?"),
    C("costo", DINERO, False, "Costo estimado de la meta, si se conoce."),
))

METAS = Objeto(entidad="archivo_metas", campos=(
    C("metas", Lista(META), True, "Metas de la Ruta.", por_llenar=True),
))

COSTO_PERIODICO = Objeto(entidad="costo", alternativas=(
    ("total",), ("por_semana", "semanas"), ("por_mes", "meses")), campos=(
    C("por_semana", DINERO, False, "Costo de cada semana."),
    C("semanas", Entero(minimo=1), False, "Cuántas semanas."),
    C("por_mes", DINERO, False, "Costo de cada mes."),
    C("meses", Entero(minimo=1), False, "Cuántos meses."),
    C("total", DINERO, False, "Costo total (si se prefiere escribirlo así)."),
))

ACCION = Objeto(entidad="accion", alternativas=(("inicio", "fin"), ("periodos",)), campos=(
    C("id", Id("A"), True, "Id de la acción (A1, A2, …)."),
    C("metas", Lista(Ref(a="meta")), True, "Las metas a las que sirve (M1, …).", por_llenar=True),
    C("actividad", TEXTO, True, "a) La actividad a realizar.", "¿Cómo lo vamos a lograr?"),
    C("ambito", Opcion(catalogo="ambitos"), False,
      "Ámbito de gestión (rme-2014: los de la Estrategia Global de Mejora Escolar)."),
    C("responsables", Lista(Ref(a="responsable")), True,
      "b) Ids de las personas del colectivo o de la comunidad que responden por ella.", por_llenar=True),
    C("responsable_seguimiento", Ref(a="responsable"), False,
      "Id de quien da seguimiento a la acción (pemc-2019 lo pide aparte de quien la implementa).", por_llenar=True),
    C("participantes", TEXTOS, False, "Quiénes más participan (grupos, padres, alumnos de 5°…)."),
    C("recursos", TEXTOS, True, "c) Materiales, humanos y financieros; con los que se cuenta y los que hay que adquirir.", por_llenar=True),
    C("costo", UnoDe(alternativas=(DINERO, COSTO_PERIODICO)), True,
      "d) Costo en pesos: un total (0 si no cuesta) o `por_semana`/`semanas`, `por_mes`/`meses`.", por_llenar=True),
    C("fuente", Ref(a="fuente"), False, "De qué fuente del presupuesto sale (F1, …)."),
    C("inicio", FECHA, False, "e) Tiempos: primer día."),
    C("fin", FECHA, False, "e) Tiempos: último día."),
    C("periodos", Lista(PERIODO), False, "e) Tiempos, cuando la acción ocurre en varios periodos."),
    C("evidencia_esperada", TEXTO, False,
      "Qué mostrará que se hizo (productos, registros); pmc-2024 la pide en cada acción.", por_llenar=True),
    C("favorables", TEXTO, False, "Factores que favorecen el logro."),
    C("obstaculos", TEXTO, False, "Obstáculos previstos."),
    C("atenuacion", TEXTO, False, "Cómo atenuar esos obstáculos."),
))

ACCIONES = Objeto(entidad="archivo_acciones", campos=(
    C("acciones", Lista(ACCION), True, "Acciones y compromisos.", por_llenar=True),
))
