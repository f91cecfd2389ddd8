"""La definición de ``ruta.yaml``: la escuela, el ciclo, el calendario, el colectivo, la
comunidad, el presupuesto y los ajustes de la validación; y la versión del formato.

``esquema`` la reúne con la de los demás archivos.
"""

from __future__ import annotations

from rutamejora.formato.tipos import (CICLO, DINERO, FECHA, PERIODO, TEXTO, Booleano, C, Entero,
                                      Id, Lista, Mapa, Objeto, Opcion, Texto)

VERSION_FORMATO = 1

ESCUELA = Objeto(entidad="escuela", campos=(
    C("nombre", TEXTO, True, "Nombre oficial de la escuela."),
    C("cct", Texto(), True, "Clave de Centro de Trabajo (10 caracteres, con su carácter verificador)."),
    C("nivel", Opcion(valores=("preescolar", "primaria", "secundaria")), True, "Nivel educativo."),
    C("turno", Opcion(valores=("matutino", "vespertino", "nocturno", "discontinuo",
                               "tiempo_completo", "jornada_ampliada")), False, "Turno."),
    C("zona", TEXTO, False, "Zona escolar."),
    C("sector", TEXTO, False, "Sector educativo."),
    C("entidad", TEXTO, False, "Entidad federativa; si se escribe, debe coincidir con la CCT."),
    C("municipio", TEXTO, False, "Municipio."),
    C("localidad", TEXTO, False, "Localidad."),
    C("plan_estudios", Opcion(catalogo="planes"), False,
      "Plan de estudios (2011, 2017, 2022); si falta, el que corresponde al ciclo."),
))

CALENDARIO = Objeto(entidad="calendario", campos=(
    C("fase_intensiva", PERIODO, False, "Fase intensiva del CTE (la semana antes de clases)."),
    C("inicio_clases", FECHA, False, "Primer día de clases."),
    C("fin_clases", FECHA, False, "Último día de clases."),
    C("sesiones", Lista(FECHA), False,
      "Fechas de las sesiones ordinarias del CTE, en orden: la primera es la sesión 1."),
    C("recesos", Lista(PERIODO), False, "Vacaciones y recesos del ciclo."),
    C("estimado", Booleano(), False, "true si las fechas son una estimación por confirmar."),
))

MIEMBRO = Objeto(entidad="persona", campos=(
    C("id", Texto(patron=r"^[A-Za-z][A-Za-z0-9_-]{0,19}$",
                  descripcion_patron="letras, números, - o _; hasta 20 caracteres"), True,
      "Clave corta con la que las acciones nombran a su responsable (p. ej. DIR, DOC1)."),
    C("nombre", TEXTO, True, "Nombre de la persona (integrante del colectivo, no alumno)."),
    C("funcion", Opcion(valores=("director", "subdirector", "docente", "docente_especial",
                                 "educacion_fisica", "usaer", "apoyo", "administrativo",
                                 "supervisor", "atp")), True, "Función en la escuela."),
    C("grupo", TEXTO, False, "Grupo o grado que atiende (p. ej. 3°A)."),
))

PARTICIPANTE = Objeto(entidad="participante", campos=(
    C("id", MIEMBRO.campo("id").tipo, True, "Clave corta (p. ej. APF, CEPS)."),
    C("nombre", TEXTO, True, "Nombre del órgano o grupo (no de un alumno)."),
    C("tipo", Opcion(valores=("padres_de_familia", "asociacion_de_padres",
                              "consejo_de_participacion", "comite_planeacion_evaluacion",
                              "comite", "otro")), True,
      "Qué es: padres de familia, asociación de padres, consejo escolar de participación social, "
      "Comité de Planeación y Evaluación…"),
))

FUENTE = Objeto(entidad="fuente", campos=(
    C("id", Id("F"), True, "Id de la fuente (F1, F2, …)."),
    C("nombre", TEXTO, True, "De dónde viene el dinero (programa, cuotas voluntarias, …)."),
    C("monto", DINERO, True, "Monto previsto para el ciclo, en pesos."),
))

PRESUPUESTO = Objeto(entidad="presupuesto", campos=(
    C("fuentes", Lista(FUENTE), False, "Fuentes de financiamiento y su monto previsto."),
))

VALIDACION = Objeto(entidad="validacion", campos=(
    C("estricto", Booleano(), False, "true: los avisos también hacen fallar `ruta validar`."),
    C("max_acciones_simultaneas", Entero(minimo=1), False,
      "Cuántas acciones a la vez puede llevar una persona antes de avisar (4 si falta)."),
    C("reglas", Mapa(Opcion(valores=("error", "aviso", "info", "desactivada"))), False,
      "Severidad por código de regla: error, aviso, info o desactivada (p. ej. `RM301: info`)."),
))

RUTA = Objeto(entidad="ruta", campos=(
    C("version", Entero(minimo=1), True, f"Versión del formato de estos archivos ({VERSION_FORMATO})."),
    C("marco", Opcion(catalogo="marcos"), True, "Marco de planeación (rme-2014)."),
    C("ciclo", CICLO, True, "Ciclo escolar, AAAA-AAAA con años consecutivos."),
    C("ciclos", Lista(CICLO), False,
      "Los ciclos que abarca la Ruta, en orden, si el marco la hace de varios ciclos (pemc-2019: "
      "de 2 a 4); `ciclo` es el que está en curso."),
    C("escuela", ESCUELA, True, "Datos de la escuela."),
    C("calendario", CALENDARIO, False,
      "Fechas propias del ciclo; si falta, se usa el calendario oficial del catálogo."),
    C("colectivo", Lista(MIEMBRO), True,
      "Integrantes del Consejo Técnico Escolar: director y docentes.",
      "b) Responsables: ¿quién participa y quién responde?", por_llenar=True),
    C("comunidad", Lista(PARTICIPANTE), False,
      "Padres de familia y órganos de participación que pueden ser responsables de acciones."),
    C("presupuesto", PRESUPUESTO, False, "Recursos del ciclo y sus fuentes."),
    C("validacion", VALIDACION, False, "Ajustes de `ruta validar` para esta Ruta."),
))
