"""La definición de ``bitacora.yaml``: las entradas de seguimiento, con el estado y el gasto de
las acciones, las mediciones de las metas, los ajustes, los ingresos y el balance del ciclo.

``esquema`` la reúne con la de los demás archivos.
"""

from __future__ import annotations

from rutamejora.formato.tipos import (DINERO, FECHA, NUMERO, RASGO_VALORADO, TEXTO, TEXTOS, C,
                                      Entero, Lista, Objeto, Opcion, Ref)

ESTADOS = ("pendiente", "en_curso", "realizada", "reprogramada", "cancelada")

REGISTRO_ACCION = Objeto(entidad="registro_accion", campos=(
    C("accion", Ref(a="accion"), True, "La acción (A1, …)."),
    C("estado", Opcion(valores=ESTADOS), True, "pendiente, en_curso, realizada, reprogramada o cancelada."),
    C("avance", Entero(minimo=0, maximo=100), False, "Porcentaje de avance (0–100)."),
    C("evidencias", TEXTOS, False, "Qué muestra lo hecho (listas, productos, fotos sin rostros…)."),
    C("gasto", DINERO, False, "Lo ejercido en esta entrada, en pesos."),
    C("comprobante", TEXTO, False, "Folio o referencia del comprobante del gasto."),
    C("nota", TEXTO, False, "Observación (p. ej. por qué el gasto superó lo previsto)."),
    C("nuevo_inicio", FECHA, False, "Nueva fecha de inicio, si se reprogramó."),
    C("nuevo_fin", FECHA, False, "Nueva fecha de término, si se reprogramó."),
    C("conclusion", TEXTO, False, "Lo que el CTE concluye de la acción (¿qué importancia tuvo?)."),
))

MEDICION = Objeto(entidad="medicion", campos=(
    C("meta", Ref(a="meta"), True, "La meta cuyo indicador se midió (M1, …)."),
    C("valor", NUMERO, True, "Valor medido del indicador."),
    C("fuente", TEXTO, False, "De dónde sale el dato."),
    C("nota", TEXTO, False, "Observación."),
))

AJUSTE = Objeto(entidad="ajuste", campos=(
    C("descripcion", TEXTO, True, "Qué se ajustó y por qué (reprogramar, cambiar, cancelar)."),
    C("acciones", Lista(Ref(a="accion")), False, "Acciones a las que se refiere."),
    C("metas", Lista(Ref(a="meta")), False, "Metas a las que se refiere."),
))

INGRESO = Objeto(entidad="ingreso", campos=(
    C("fuente", Ref(a="fuente"), True, "La fuente del presupuesto (F1, …)."),
    C("monto", DINERO, True, "Monto recibido, en pesos."),
    C("concepto", TEXTO, False, "Concepto del ingreso."),
))

BALANCE = Objeto(entidad="balance", campos=(
    C("prioridad", Ref(a="prioridad"), True,
      "La prioridad evaluada (P1, …); cada marco la nombra con su palabra (`ambito`, `problematica`)."),
    C("valoracion", Opcion(catalogo="valoraciones"), False, "Cómo la valora el CTE."),
    C("logros", TEXTO, False, "Lo que se logró."),
    C("pendientes", TEXTO, False, "Lo que queda para el ciclo siguiente."),
))

ENTRADA = Objeto(entidad="entrada", campos=(
    C("fecha", FECHA, True, "Fecha del registro."),
    C("sesion", Entero(minimo=1), False,
      "Número de la sesión ordinaria del CTE (1–8), si el registro es de una sesión."),
    C("tipo", Opcion(valores=("sesion_ordinaria", "fase_intensiva", "registro",
                              "revision_anual", "evaluacion_final")), False,
      "Qué registro es; `evaluacion_final` es el balance del ciclo; `revision_anual`, la "
      "revisión de una Ruta de varios ciclos al cerrar cada uno."),
    C("acciones", Lista(REGISTRO_ACCION), False, "Estado, avance, evidencias y gasto de acciones."),
    C("mediciones", Lista(MEDICION), False, "Mediciones de los indicadores de las metas."),
    C("acuerdos", TEXTOS, False, "Acuerdos y compromisos tomados."),
    C("ajustes", Lista(AJUSTE), False, "Ajustes a la planeación."),
    C("ingresos", Lista(INGRESO), False, "Dinero recibido."),
    C("rasgos", Lista(RASGO_VALORADO), False, "Valoración de rasgos (al cierre del ciclo)."),
    C("balance", Lista(BALANCE), False,
      "La evaluación de cada prioridad (o ámbito, o problemática) al cierre del ciclo."),
    C("nota", TEXTO, False, "Observaciones generales."),
))

BITACORA = Objeto(entidad="archivo_bitacora", campos=(
    C("entradas", Lista(ENTRADA), True, "Registros de seguimiento, en orden de fecha."),
))
