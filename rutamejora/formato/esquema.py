"""El formato de una Ruta, escrito una sola vez como datos.

De estas definiciones salen la validación de estructura (``estructura``), el modelo que usan
las reglas y los informes, y la documentación de ``docs/formato.md``. Cada campo dice su tipo,
si es obligatorio, qué es y qué pregunta de las orientaciones responde.

Los valores que dependen del marco (prioridades, ámbitos, rasgos, asignaturas) no están aquí:
el tipo ``Opcion(catalogo=...)`` los pide al catálogo del marco elegido en ``ruta.yaml``.
"""

from __future__ import annotations


VERSION_FORMATO = 1


# --- Tipos ------------------------------------------------------------------------------------


class Tipo:
    """Base de los tipos: ``nombre`` es lo que ve el usuario en los mensajes y en la doc.

    Clases simples en vez de ``dataclass``: este módulo se importa en cada ``ruta validar`` y
    crear quince dataclasses cuesta milisegundos que se notan. ``_campos`` nombra los
    argumentos (en orden, para pasarlos también por posición); sus valores por omisión son
    atributos de la clase.
    """

    _campos: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        for nombre, valor in zip(self._campos, args):
            kwargs[nombre] = valor
        for nombre, valor in kwargs.items():
            if nombre not in self._campos:
                raise TypeError(f"{type(self).__name__} no tiene el campo {nombre!r}")
            setattr(self, nombre, valor)

    def __repr__(self) -> str:
        valores = ", ".join(f"{c}={getattr(self, c)!r}" for c in self._campos)
        return f"{type(self).__name__}({valores})"

    @property
    def nombre(self) -> str:
        return "valor"


class Texto(Tipo):
    _campos = ('patron', 'descripcion_patron')
    patron = ""          # expresión regular que el texto debe cumplir (si hay)
    descripcion_patron = ""

    @property
    def nombre(self) -> str:
        return "texto"


class Entero(Tipo):
    _campos = ('minimo', 'maximo')
    minimo = None
    maximo = None

    @property
    def nombre(self) -> str:
        return "número entero"


class Numero(Tipo):
    """Un número exacto (``Decimal``), entero o con decimales."""

    _campos = ('minimo', 'maximo')

    minimo = None
    maximo = None

    @property
    def nombre(self) -> str:
        return "número"


class Dinero(Tipo):
    """Pesos mexicanos, exactos (``Decimal``), no negativos, con a lo más dos decimales."""

    @property
    def nombre(self) -> str:
        return "cantidad en pesos"


class Fecha(Tipo):
    @property
    def nombre(self) -> str:
        return "fecha AAAA-MM-DD"


class Booleano(Tipo):
    @property
    def nombre(self) -> str:
        return "true o false"


class Opcion(Tipo):
    """Uno de varios valores: fijos (``valores``) o los de un catálogo del marco (``catalogo``)."""

    _campos = ('valores', 'catalogo')

    valores = ()
    catalogo = ""

    @property
    def nombre(self) -> str:
        return "opción"


class Id(Tipo):
    """El identificador de un objeto: un prefijo y un número (``M1``, ``A12``)."""

    _campos = ('prefijo',)

    prefijo = ""

    @property
    def nombre(self) -> str:
        return f"identificador ({self.prefijo}1, {self.prefijo}2, …)"


class Ref(Tipo):
    """Una referencia por id a otro objeto de la Ruta (``a``: meta, objetivo, persona, …)."""

    _campos = ('a',)

    a = ""

    @property
    def nombre(self) -> str:
        return f"id de {self.a}"


class Lista(Tipo):
    _campos = ('elemento',)
    elemento: "Tipo" = None  # obligatorio: Lista(TEXTO)

    @property
    def nombre(self) -> str:
        return f"lista de {self.elemento.nombre}"


class Objeto(Tipo):
    """Un mapa con campos conocidos. Cerrado: una clave que no está aquí es un problema."""

    _campos = ('campos', 'entidad', 'alternativas')

    campos = ()
    entidad = ""         # nombre del objeto en el modelo ("meta", "accion", …)
    # Grupos de campos de los que al menos uno debe estar completo (p. ej. inicio y fin, o
    # periodos): la forma de decir "obligatorio, de una de estas maneras".
    alternativas = ()

    @property
    def nombre(self) -> str:
        return "mapa"

    def campo(self, nombre: str) -> "Campo | None":
        for c in self.campos:
            if c.nombre == nombre:
                return c
        return None


class Mapa(Tipo):
    """Un mapa de claves libres (texto) a valores de un tipo: ``{RM301: aviso}``."""

    _campos = ('valor',)

    valor: "Tipo" = None

    @property
    def nombre(self) -> str:
        return f"mapa de {self.valor.nombre}"


class UnoDe(Tipo):
    """Acepta la primera alternativa cuyo tipo básico coincide (un número o un mapa, p. ej.)."""

    _campos = ('alternativas',)

    alternativas = ()

    @property
    def nombre(self) -> str:
        return " o ".join(a.nombre for a in self.alternativas)


class Campo:
    """Un campo de un objeto: su nombre, su tipo, si es obligatorio, qué es y qué pregunta de
    las orientaciones responde. ``por_llenar``: lo escribe el CTE, así que vacío (``fecha:`` o
    ``[]``) es un aviso «por llenar» y no un error; una Ruta recién creada valida sin errores.
    Solo cuenta donde el campo es obligatorio (para el formato o para el marco, que puede pedir
    uno opcional: ``diagnostico.contexto`` en pmc-2024); la clave que falta sigue siendo un error."""

    __slots__ = ("nombre", "tipo", "requerido", "descripcion", "pregunta", "por_llenar")

    def __init__(self, nombre: str, tipo: Tipo, requerido: bool = False, descripcion: str = "",
                 pregunta: str = "", por_llenar: bool = False):
        self.nombre, self.tipo, self.requerido = nombre, tipo, requerido
        self.descripcion, self.pregunta, self.por_llenar = descripcion, pregunta, por_llenar

    def __repr__(self) -> str:
        return f"Campo({self.nombre!r}, {self.tipo!r})"


def C(nombre, tipo, requerido=False, descripcion="", pregunta="", por_llenar=False) -> Campo:
    return Campo(nombre, tipo, requerido, descripcion, pregunta, por_llenar)


# --- Piezas comunes ---------------------------------------------------------------------------

TEXTO = Texto()
FECHA = Fecha()
DINERO = Dinero()
NUMERO = Numero()
TEXTOS = Lista(TEXTO)
CICLO = Texto(patron=r"^\d{4}-\d{4}$", descripcion_patron="AAAA-AAAA, p. ej. 2025-2026")

PERIODO = Objeto(entidad="periodo", campos=(
    C("inicio", FECHA, True, "Primer día."),
    C("fin", FECHA, True, "Último día (igual o posterior al inicio)."),
    C("nombre", TEXTO, False, "Nombre del periodo (p. ej. «Vacaciones de invierno»)."),
))

RASGO_VALORADO = Objeto(entidad="rasgo", campos=(
    C("anexo", Opcion(catalogo="anexos"), True,
      "Anexo de las orientaciones al que pertenece el rasgo (normalidad-minima, ausentismo, "
      "convivencia, mejora-aprendizajes)."),
    C("rasgo", TEXTO, True, "Número o letra del rasgo dentro del anexo (1, 2, … o a, b, …)."),
    C("valoracion", Opcion(catalogo="valoraciones"), False,
      "Cómo lo valora el CTE (logrado, en_proceso, no_logrado); vacío: por valorar."),
    C("comentario", TEXTO, False, "Evidencia o matiz de la valoración."),
))

# --- ruta.yaml --------------------------------------------------------------------------------

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

# --- diagnostico.yaml -------------------------------------------------------------------------

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

# --- prioridades, objetivos, metas, acciones -----------------------------------------------

PRIORIDAD = Objeto(entidad="prioridad", campos=(
    C("id", Id("P"), True, "Id de la prioridad (P1, P2, …)."),
    C("prioridad", Opcion(catalogo="agrupacion"), True,
      "La prioridad del marco a la que pertenece (rme-2014: las cuatro del SBM; pemc-2019 la "
      "escribe `ambito:`)."),
    C("orden", Entero(minimo=1), False,
      "Su lugar cuando el marco pide jerarquizar (pemc-2019: 1 es el ámbito más urgente)."),
    C("descripcion", TEXTO, True, "La prioridad educativa de esta escuela, en sus palabras."),
    C("ambitos", Lista(Opcion(catalogo="ambitos")), False,
      "Los ámbitos del marco que toca (pmc-2024: cada problemática con uno o más)."),
    C("necesidades", Lista(Ref(a="necesidad")), True,
      "Las necesidades del diagnóstico que atiende (N1, N2, …)."),
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
    C("que", TEXTO, True, "Lo que se quiere lograr.", "¿Qué queremos lograr?"),
    C("para_que", TEXTO, True, "Para qué se quiere lograr.", "¿Para qué lo vamos a hacer?"),
))

OBJETIVOS = Objeto(entidad="archivo_objetivos", campos=(
    C("objetivos", Lista(OBJETIVO), True, "Objetivos de la Ruta.", por_llenar=True),
))

INDICADOR = Objeto(entidad="indicador", campos=(
    C("nombre", TEXTO, True, "Qué se mide."),
    C("unidad", RESULTADO.campo("unidad").tipo, True,
      "porcentaje (0–100), promedio (escala de calificación), alumnos, nivel o numero."),
    C("formula", TEXTO, False, "Cómo se calcula (p. ej. alumnos en nivel esperado ÷ total × 100)."),
    C("fuente", TEXTO, False, "De dónde sale el dato."),
))

META = Objeto(entidad="meta", campos=(
    C("id", Id("M"), True, "Id de la meta (M1, M2, …)."),
    C("objetivo", Ref(a="objetivo"), True, "El objetivo al que contribuye (O1, …)."),
    C("descripcion", TEXTO, True, "La meta redactada completa.", "¿Cuánto?"),
    C("indicador", INDICADOR, True, "Con qué se mide la meta."),
    C("sentido", Opcion(valores=("aumentar", "disminuir", "mantener")), True,
      "Si el indicador debe subir, bajar o sostenerse."),
    C("linea_base", NUMERO, True, "Valor del indicador al inicio (de dónde partimos)."),
    C("valor_meta", NUMERO, True, "Valor que se quiere alcanzar.", "¿Cuánto?"),
    C("fecha_limite", FECHA, True, "Cuándo debe estar lograda (dentro del ciclo).", "¿Cuándo?"),
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
    C("metas", Lista(Ref(a="meta")), True, "Las metas a las que sirve (M1, …)."),
    C("actividad", TEXTO, True, "a) La actividad a realizar.", "¿Cómo lo vamos a lograr?"),
    C("ambito", Opcion(catalogo="ambitos"), False,
      "Ámbito de gestión (rme-2014: los de la Estrategia Global de Mejora Escolar)."),
    C("responsables", Lista(Ref(a="responsable")), True,
      "b) Ids de las personas del colectivo o de la comunidad que responden por ella."),
    C("responsable_seguimiento", Ref(a="responsable"), False,
      "Id de quien da seguimiento a la acción (pemc-2019 lo pide aparte de quien la implementa)."),
    C("participantes", TEXTOS, False, "Quiénes más participan (grupos, padres, alumnos de 5°…)."),
    C("recursos", TEXTOS, True, "c) Materiales, humanos y financieros; con los que se cuenta y los que hay que adquirir."),
    C("costo", UnoDe(alternativas=(DINERO, COSTO_PERIODICO)), True,
      "d) Costo en pesos: un total (0 si no cuesta) o `por_semana`/`semanas`, `por_mes`/`meses`."),
    C("fuente", Ref(a="fuente"), False, "De qué fuente del presupuesto sale (F1, …)."),
    C("inicio", FECHA, False, "e) Tiempos: primer día."),
    C("fin", FECHA, False, "e) Tiempos: último día."),
    C("periodos", Lista(PERIODO), False, "e) Tiempos, cuando la acción ocurre en varios periodos."),
    C("evidencia_esperada", TEXTO, False,
      "Qué mostrará que se hizo (productos, registros); pmc-2024 la pide en cada acción."),
    C("favorables", TEXTO, False, "Factores que favorecen el logro."),
    C("obstaculos", TEXTO, False, "Obstáculos previstos."),
    C("atenuacion", TEXTO, False, "Cómo atenuar esos obstáculos."),
))

ACCIONES = Objeto(entidad="archivo_acciones", campos=(
    C("acciones", Lista(ACCION), True, "Acciones y compromisos.", por_llenar=True),
))

# --- bitacora.yaml ----------------------------------------------------------------------------

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

# --- Los archivos -----------------------------------------------------------------------------

ARCHIVOS: dict[str, Objeto] = {
    "ruta.yaml": RUTA,
    "diagnostico.yaml": DIAGNOSTICO,
    "prioridades.yaml": PRIORIDADES,
    "objetivos.yaml": OBJETIVOS,
    "metas.yaml": METAS,
    "acciones.yaml": ACCIONES,
    "bitacora.yaml": BITACORA,
}

PREGUNTAS = {
    "ruta.yaml": "¿Quiénes somos? La escuela, el ciclo, el colectivo y los recursos.",
    "diagnostico.yaml": "¿Dónde estamos?",
    "prioridades.yaml": "¿Qué se hace con los resultados?",
    "objetivos.yaml": "¿Qué queremos lograr? ¿Para qué lo vamos a hacer?",
    "metas.yaml": "¿Cuánto? ¿De qué manera? ¿Cuándo?",
    "acciones.yaml": "¿Cómo lo vamos a lograr?",
    "bitacora.yaml": "¿Cómo saber cuánto hemos avanzado?",
}


def objetos() -> dict[str, Objeto]:
    """Cada objeto del formato por su ``entidad`` (``meta``, ``accion``, ``diagnostico``…),
    recorriendo listas, alternativas y mapas de todos los archivos."""
    encontrados: dict[str, Objeto] = {}
    pendientes: list[Tipo] = list(ARCHIVOS.values())
    while pendientes:
        tipo = pendientes.pop()
        if isinstance(tipo, Objeto):
            encontrados.setdefault(tipo.entidad, tipo)
            pendientes.extend(c.tipo for c in tipo.campos)
        elif isinstance(tipo, Lista):
            pendientes.append(tipo.elemento)
        elif isinstance(tipo, UnoDe):
            pendientes.extend(tipo.alternativas)
        elif isinstance(tipo, Mapa):
            pendientes.append(tipo.valor)
    return encontrados
