"""El esquema de las tablas de una exportación: qué tablas hay, sus columnas y sus tipos.

Una sola definición para los tres escritores (SQLite, CSV, Excel) y para docs/exportar.md.
Cada columna tiene un tipo neutro que cada escritor traduce:

- ``texto``: texto (ya sin datos personales);
- ``entero``: un entero (sesión, avance, conteos);
- ``numero``: un valor del indicador, exacto, escrito como texto decimal («62.5»); SQLite lo
  guarda como REAL, Excel como número;
- ``fecha``: una fecha ISO «AAAA-MM-DD» (SQLite y CSV la guardan así; Excel, como fecha real);
- ``centavos``: dinero en centavos enteros, exacto (de ``Decimal``); Excel lo muestra en pesos
  con formato de moneda y encabezado sin el sufijo ``_centavos``.

Toda tabla empieza con la columna ``ruta``: la carpeta de la Ruta relativa a la raíz de la
zona, la llave de la tabla ``rutas`` (su clave foránea). Las referencias entre las partes de
una Ruta (una meta a su objetivo, una acción a sus metas) son por ``(ruta, id)``, con índice;
no son claves foráneas declaradas porque una Ruta con errores puede repetir un id o citar uno
que no existe y aun así se exporta (``problemas`` lo dice).

``VERSION_ESQUEMA`` cambia cuando cambian las tablas o sus columnas (la 2 agregó ``rasgos``,
``balances``, ``no_atendidas`` y columnas de ``acciones`` y ``rutas``); docs/exportar.md dice qué trajo cada una.
"""

from __future__ import annotations

from dataclasses import dataclass

VERSION_ESQUEMA = 2

TIPOS = ("texto", "entero", "numero", "fecha", "centavos")


@dataclass(frozen=True)
class Tabla:
    """Una tabla: su nombre, sus columnas ``(nombre, tipo, descripción)`` y sus índices."""

    nombre: str
    descripcion: str
    columnas: tuple
    llave: tuple = ()          # la llave primaria (solo ``rutas``)
    indices: tuple = ()        # tuplas de columnas
    hija: bool = True          # referencia a ``rutas(ruta)``

    @property
    def nombres(self) -> tuple[str, ...]:
        return tuple(c[0] for c in self.columnas)

    def tipo(self, columna: str) -> str:
        return next(t for n, t, _ in self.columnas if n == columna)


def _c(nombre: str, tipo: str, descripcion: str) -> tuple:
    assert tipo in TIPOS, tipo
    return (nombre, tipo, descripcion)


_RUTA = _c("ruta", "texto", "La Ruta: su carpeta relativa a la raíz de la zona.")
_ENTRADA = (_c("entrada", "entero", "Número de la entrada de la bitácora (1, 2, … en orden del archivo)."),
            _c("fecha", "fecha", "Fecha de la entrada."),
            _c("sesion", "entero", "Sesión ordinaria del CTE de la entrada, si es de una."))

RUTAS = Tabla("rutas", "Una fila por Ruta, también las que no se pudieron leer.", (
    _c("ruta", "texto", "Carpeta de la Ruta relativa a la raíz de la zona (la llave)."),
    _c("cct", "texto", "Clave de Centro de Trabajo."),
    _c("nombre", "texto", "Nombre de la escuela."),
    _c("nivel", "texto", "preescolar, primaria o secundaria."),
    _c("turno", "texto", "Turno."),
    _c("marco", "texto", "Marco de planeación (rme-2014, pemc-2019, pmc-2024)."),
    _c("ciclo", "texto", "El ciclo de ruta.yaml (en una Ruta de varios ciclos, el que está en curso)."),
    _c("ciclos", "texto", "Todos los ciclos que abarca, separados por coma."),
    _c("zona", "texto", "Zona escolar."),
    _c("sector", "texto", "Sector."),
    _c("entidad", "texto", "Entidad federativa."),
    _c("municipio", "texto", "Municipio."),
    _c("localidad", "texto", "Localidad."),
    _c("plan_estudios", "texto", "Plan de estudios que declara ruta.yaml (2011, 2017, 2022)."),
    _c("errores", "entero", "Errores de `ruta validar`."),
    _c("avisos", "entero", "Avisos de `ruta validar`."),
    _c("problema", "texto", "Por qué no se pudo leer (vacío si se leyó)."),
), llave=("ruta",), indices=(("cct", "ciclo"), ("marco",)), hija=False)

PRIORIDADES = Tabla("prioridades", "Prioridades, ámbitos (pemc-2019) o problemáticas (pmc-2024).", (
    _RUTA,
    _c("id", "texto", "P1, P2, …"),
    _c("orden", "entero", "Su lugar cuando el marco pide jerarquizar."),
    _c("prioridad", "texto", "La prioridad o el ámbito del marco (su clave; vacío en pmc-2024)."),
    _c("agrupacion", "texto", "Cómo la nombra su marco: prioridad, ámbito o problemática."),
    _c("descripcion", "texto", "La prioridad en palabras de la escuela."),
    _c("ambitos", "texto", "Ámbitos que toca (pmc-2024), separados por coma."),
    _c("necesidades", "texto", "Necesidades del diagnóstico que atiende, separadas por coma."),
), indices=(("ruta", "id"), ("prioridad",)))

NO_ATENDIDAS = Tabla("no_atendidas", "Las prioridades (ámbitos) del marco que la Ruta no atiende, "
                                     "con su motivo.", (
    _RUTA,
    _c("prioridad", "texto", "La prioridad o el ámbito del marco (su clave)."),
    _c("motivo", "texto", "Por qué este ciclo no se atiende."),
), indices=(("ruta",),))

OBJETIVOS = Tabla("objetivos", "Objetivos.", (
    _RUTA,
    _c("id", "texto", "O1, O2, …"),
    _c("prioridad", "texto", "Id de su prioridad (prioridades.id)."),
    _c("que", "texto", "Lo que se quiere lograr."),
    _c("para_que", "texto", "Para qué."),
), indices=(("ruta", "id"),))

METAS = Tabla("metas", "Metas, con su indicador y su estado a --fecha.", (
    _RUTA,
    _c("id", "texto", "M1, M2, …"),
    _c("objetivo", "texto", "Id de su objetivo (objetivos.id)."),
    _c("descripcion", "texto", "La meta redactada."),
    _c("indicador", "texto", "Qué se mide."),
    _c("unidad", "texto", "porcentaje, promedio, alumnos, nivel o numero."),
    _c("formula", "texto", "Cómo se calcula."),
    _c("fuente", "texto", "De dónde sale el dato."),
    _c("sentido", "texto", "aumentar, disminuir o mantener."),
    _c("linea_base", "numero", "Valor al inicio."),
    _c("valor_meta", "numero", "Valor que se quiere alcanzar."),
    _c("fecha_limite", "fecha", "Cuándo debe estar lograda."),
    _c("ciclo", "texto", "Su ciclo, en una Ruta de varios."),
    _c("de_que_manera", "texto", "Cómo se va a lograr."),
    _c("costo_centavos", "centavos", "Costo estimado."),
    _c("estado", "texto", "lograda, no_lograda, en_camino, en_riesgo o sin_datos a --fecha "
                          "(la regla de `ruta avance`)."),
    _c("ultimo_valor", "numero", "La medición que decide el estado."),
    _c("fecha_ultimo", "fecha", "Fecha de esa medición."),
), indices=(("ruta", "id"), ("estado",)))

ACCIONES = Tabla("acciones", "Acciones, con su situación a --fecha.", (
    _RUTA,
    _c("id", "texto", "A1, A2, …"),
    _c("metas", "texto", "Ids de sus metas, separados por coma (ver acciones_metas)."),
    _c("actividad", "texto", "La actividad."),
    _c("ambito", "texto", "Ámbito de gestión (rme-2014)."),
    _c("responsables", "texto", "Ids de sus responsables, separados por coma (ver responsables)."),
    _c("responsable_seguimiento", "texto", "Id de quien da seguimiento."),
    _c("participantes", "texto", "Quiénes más participan, separados por «; » (un «;» de un texto va doble: «;;»)."),
    _c("recursos", "texto", "Recursos, separados por «; » (un «;» de un texto va doble: «;;»)."),
    _c("costo_centavos", "centavos", "Costo total planeado (lo periódico ya multiplicado)."),
    _c("fuente", "texto", "Id de la fuente del presupuesto (fuentes.id)."),
    _c("inicio", "fecha", "Primer día planeado."),
    _c("fin", "fecha", "Último día planeado."),
    _c("periodos", "texto", "Los periodos «inicio/fin», separados por coma, si son varios."),
    _c("evidencia_esperada", "texto", "Qué mostrará que se hizo."),
    _c("estado", "texto", "Estado del último registro a --fecha (vacío: sin registro)."),
    _c("avance", "entero", "Último avance registrado (0–100)."),
    _c("gasto_centavos", "centavos", "Lo ejercido según la bitácora hasta --fecha."),
    _c("fin_vigente", "fecha", "Último día, reprogramado si lo fue."),
    _c("vencida", "entero", "1 si pasó su fin sin estar realizada ni cancelada."),
    _c("favorables", "texto", "Factores que favorecen el logro."),
    _c("obstaculos", "texto", "Obstáculos previstos."),
    _c("atenuacion", "texto", "Cómo atenuar esos obstáculos."),
    _c("nombres_periodos", "texto", "El nombre de cada periodo, en el orden de `periodos`, separados "
                                    "por «; » (vacío el de uno sin nombre; un «;» de un nombre va doble: «;;»)."),
), indices=(("ruta", "id"), ("estado",)))

ACCIONES_METAS = Tabla("acciones_metas", "A qué metas sirve cada acción (una fila por par).", (
    _RUTA,
    _c("accion", "texto", "Id de la acción."),
    _c("meta", "texto", "Id de la meta."),
), indices=(("ruta", "meta"),))

RESPONSABLES = Tabla("responsables", "Colectivo y comunidad, por su función (nunca sus nombres).", (
    _RUTA,
    _c("id", "texto", "La clave que citan las acciones (DIR, DOC3, APF)."),
    _c("origen", "texto", "colectivo o comunidad."),
    _c("funcion", "texto", "Su función (colectivo) o su tipo de órgano (comunidad)."),
    _c("grupo", "texto", "Grupo o grado que atiende."),
), indices=(("ruta", "id"), ("funcion",)))

FUENTES = Tabla("fuentes", "Fuentes del presupuesto y su monto previsto.", (
    _RUTA,
    _c("id", "texto", "F1, F2, …"),
    _c("nombre", "texto", "De dónde viene el dinero."),
    _c("monto_centavos", "centavos", "Monto previsto para el ciclo."),
), indices=(("ruta", "id"),))

ENTRADAS = Tabla("entradas", "Las entradas de la bitácora hasta --fecha.", (
    _RUTA, *_ENTRADA,
    _c("tipo", "texto", "sesion_ordinaria, fase_intensiva, registro, revision_anual o "
                        "evaluacion_final."),
    _c("nota", "texto", "Observaciones generales."),
), indices=(("ruta", "entrada"), ("fecha",)))

AVANCES = Tabla("avances", "Cada registro de una acción en la bitácora (estado, avance, "
                           "evidencias, gasto, comprobante).", (
    _RUTA, *_ENTRADA,
    _c("accion", "texto", "Id de la acción."),
    _c("estado", "texto", "pendiente, en_curso, realizada, reprogramada o cancelada."),
    _c("avance", "entero", "Porcentaje de avance (0–100)."),
    _c("evidencias", "texto", "Evidencias, separadas por «; » (un «;» de un texto va doble: «;;»)."),
    _c("gasto_centavos", "centavos", "Lo ejercido en este registro."),
    _c("comprobante", "texto", "Folio del comprobante del gasto."),
    _c("nota", "texto", "Observación."),
    _c("nuevo_inicio", "fecha", "Nuevo inicio, si se reprogramó."),
    _c("nuevo_fin", "fecha", "Nuevo fin, si se reprogramó."),
    _c("conclusion", "texto", "Lo que el CTE concluye."),
), indices=(("ruta", "accion"),))

GASTOS = Tabla("gastos", "Los registros con gasto, con la fuente a la que se cargan.", (
    _RUTA, *_ENTRADA,
    _c("accion", "texto", "Id de la acción."),
    _c("fuente", "texto", "Id de la fuente de la acción (fuentes.id)."),
    _c("monto_centavos", "centavos", "Lo ejercido."),
    _c("comprobante", "texto", "Folio del comprobante, como se escribió."),
    _c("con_comprobante", "entero", "1 si `comprobante` nombra un comprobante; 0 si falta o dice "
                                    "que falta («pendiente», «extraviado», «sí»: lo que avisa RM408)."),
), indices=(("ruta", "accion"), ("ruta", "fuente")))

MEDICIONES = Tabla("mediciones", "Cada medición del indicador de una meta.", (
    _RUTA, *_ENTRADA,
    _c("meta", "texto", "Id de la meta."),
    _c("valor", "numero", "Valor medido."),
    _c("fuente", "texto", "De dónde sale el dato."),
    _c("nota", "texto", "Observación."),
), indices=(("ruta", "meta"),))

INGRESOS = Tabla("ingresos", "Dinero recibido, por fuente.", (
    _RUTA, *_ENTRADA,
    _c("fuente", "texto", "Id de la fuente (fuentes.id)."),
    _c("monto_centavos", "centavos", "Monto recibido."),
    _c("concepto", "texto", "Concepto."),
), indices=(("ruta", "fuente"),))

ACUERDOS = Tabla("acuerdos", "Los acuerdos de cada entrada, uno por fila.", (
    _RUTA, *_ENTRADA,
    _c("numero", "entero", "Su lugar en la entrada (1, 2, …)."),
    _c("texto", "texto", "El acuerdo."),
), indices=(("ruta", "entrada"),))

AJUSTES = Tabla("ajustes", "Los ajustes a la planeación registrados en la bitácora.", (
    _RUTA, *_ENTRADA,
    _c("descripcion", "texto", "Qué se ajustó y por qué."),
    _c("acciones", "texto", "Acciones a las que se refiere, separadas por coma."),
    _c("metas", "texto", "Metas a las que se refiere, separadas por coma."),
), indices=(("ruta", "entrada"),))

RASGOS = Tabla("rasgos", "La valoración de los rasgos de los anexos registrada en la bitácora "
                         "(al cierre del ciclo).", (
    _RUTA, *_ENTRADA,
    _c("anexo", "texto", "Anexo de las orientaciones (normalidad-minima, ausentismo, …)."),
    _c("rasgo", "texto", "Número o letra del rasgo dentro del anexo."),
    _c("valoracion", "texto", "logrado, en_proceso o no_logrado (vacío: por valorar)."),
    _c("comentario", "texto", "Evidencia o matiz de la valoración."),
), indices=(("ruta", "entrada"), ("anexo", "rasgo")))

BALANCES = Tabla("balances", "El balance de cada prioridad (ámbito, problemática) en una revisión "
                             "anual o en la evaluación final.", (
    _RUTA, *_ENTRADA,
    _c("prioridad", "texto", "Id de la prioridad evaluada (prioridades.id)."),
    _c("valoracion", "texto", "Cómo la valora el CTE (logrado, en_proceso, no_logrado)."),
    _c("logros", "texto", "Lo que se logró."),
    _c("pendientes", "texto", "Lo que queda para el ciclo siguiente."),
), indices=(("ruta", "entrada"), ("ruta", "prioridad")))

PROBLEMAS = Tabla("problemas", "Los problemas de `ruta validar` (con los datos personales "
                               "enmascarados).", (
    _RUTA,
    _c("codigo", "texto", "Código del problema (RM…)."),
    _c("severidad", "texto", "error, aviso o info."),
    _c("archivo", "texto", "Archivo de la Ruta."),
    _c("linea", "entero", "Línea (0: el archivo entero)."),
    _c("columna", "entero", "Columna."),
    _c("mensaje", "texto", "El mensaje."),
), indices=(("ruta",), ("codigo",)))

METADATOS = Tabla("metadatos", "Cómo se hizo la exportación; por Ruta, su commit.", (
    _c("ruta", "texto", "La Ruta a la que se refiere (vacío: a toda la exportación)."),
    _c("clave", "texto", "herramienta, version, esquema, fecha; de zona.yaml: zona_nombre, "
                         "zona_numero, zona_sector, zona_nivel; por Ruta: commit, fecha_commit, "
                         "cambios_sin_confirmar."),
    _c("valor", "texto", "Su valor."),
), indices=(("clave",),), hija=False)

# En orden: primero ``rutas`` (las demás la citan), al final los metadatos.
TABLAS = (RUTAS, PRIORIDADES, NO_ATENDIDAS, OBJETIVOS, METAS, ACCIONES, ACCIONES_METAS, RESPONSABLES, FUENTES,
          ENTRADAS, AVANCES, GASTOS, MEDICIONES, INGRESOS, ACUERDOS, AJUSTES, RASGOS, BALANCES, PROBLEMAS,
          METADATOS)
POR_NOMBRE = {t.nombre: t for t in TABLAS}

_TIPO_SQL = {"texto": "TEXT", "entero": "INTEGER", "numero": "REAL", "fecha": "TEXT (AAAA-MM-DD)",
             "centavos": "INTEGER (centavos)"}


def esquema_markdown() -> str:
    """Las tablas en Markdown, como las documenta docs/exportar.md (una prueba las compara)."""
    partes = []
    for tabla in TABLAS:
        llave = (f" Llave: `{', '.join(tabla.llave)}`." if tabla.llave else "")
        foranea = " `ruta` → `rutas(ruta)`." if tabla.hija else ""
        indices = "; ".join(f"`({', '.join(i)})`" for i in tabla.indices)
        partes.append(f"#### `{tabla.nombre}`\n\n{tabla.descripcion}{llave}{foranea} "
                      f"Índices: {indices}.\n\n| columna | tipo | qué es |\n|---|---|---|\n"
                      + "".join(f"| `{n}` | {_TIPO_SQL[t]} | {d} |\n" for n, t, d in tabla.columnas))
    return "\n".join(partes)
