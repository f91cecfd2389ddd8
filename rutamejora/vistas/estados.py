"""Los números de una Ruta en una fecha: los que muestran ``resumen``, ``avance``, ``pendientes``,
``calendario`` y los informes.

Todo se calcula aquí, una vez y de una sola manera, a partir del modelo y de "hoy" (la fecha
de evaluación, nunca el reloj): el avance de cada meta y su estado, el estado de cada acción y
sus tramos vigentes, el dinero por fuente y las sesiones del CTE. Las plantillas de los informes
solo muestran lo que esto calcula.

**La regla del estado de una meta** (la documenta también ``docs/vistas.md``; ``avance_meta``
es el único lugar que la aplica: vistas, informes y JSON la toman de ahí):

- Desde su fecha límite (ese día incluido) la meta es **final**: *lograda* si la última
  medición hasta ese día (incluido) alcanza el valor meta en el sentido del indicador
  (aumentar: ≥; disminuir: ≤; mantener: ver abajo); si no, *no lograda*, y *no lograda (sin
  medición)* si no se midió hasta ese día. Lo medido después de la fecha límite queda en el
  historial pero no cambia el resultado.
- **Mantener** no dice si un valor mayor es mejor o peor. Si la línea base y el valor meta
  difieren, lo dice el camino (de 93 a 95: mantener al menos 95, como aumentar; de 7 a 5: no
  pasar de 5, como disminuir). Si son iguales («Mantener en 0 los alumnos que abandonan»), solo
  el valor meta mismo la cumple: 3 alumnos no es *lograda*, y tampoco 96 % en «mantener la
  asistencia en 95 %». Nunca se da por lograda una meta que pudo empeorar; `ruta validar` lo
  avisa (RM305 `mantener-sin-direccion`): si un valor mayor también la cumple, el sentido es
  `aumentar` (no bajar de 95); si uno menor, `disminuir` (no pasar de 0), con la línea base
  igual al valor meta.
- **Contradictoria** (RM303 `meta-ya-cumplida`: «reducir de 3 a 4», la línea base ya cumple el
  valor meta en el sentido que dice): cualquier medición hasta 4 la «alcanzaría», aun una peor
  que la línea base. Nunca es *lograda*: desde su fecha límite es *no lograda* y antes, con
  alguna medición, *en riesgo*; su nombre lo dice («no lograda (meta contradictoria: RM303)»),
  no tiene camino recorrido (va al revés) y los informes dicen por qué: «No se da por lograda:
  la meta es contradictoria (RM303)». Para las familias, sin el código (no les dice nada):
  «no lograda (meta contradictoria)», «No se da por lograda: la meta es contradictoria».
- Antes de su fecha límite:

  - *sin datos*: su indicador no se ha medido.
  - *lograda*: el último valor ya alcanza el valor meta.
  - *en camino*: la parte del camino recorrida (de la línea base al valor meta) es al menos
    el 80 % de la parte del tiempo transcurrida (del inicio del ciclo a la fecha límite).
  - *en riesgo*: lo demás.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from rutamejora.formato.modelo import Ruta, costo_total, fin_vigente, mediciones, periodos, registros
from rutamejora.reglas.comprobantes import es_comprobante
from rutamejora.reglas.compartido import con_cuanto_cuenta, fuente_del_gasto, meta_contradictoria

LOGRADA, EN_CAMINO, EN_RIESGO, SIN_DATOS, NO_LOGRADA = (
    "lograda", "en_camino", "en_riesgo", "sin_datos", "no_lograda")
NOMBRES_ESTADO_META = {LOGRADA: "lograda", EN_CAMINO: "en camino", EN_RIESGO: "en riesgo",
                       SIN_DATOS: "sin datos", NO_LOGRADA: "no lograda"}
NOMBRES_ESTADO_ACCION = {"pendiente": "pendiente", "en_curso": "en curso", "realizada": "realizada",
                         "reprogramada": "reprogramada", "cancelada": "cancelada",
                         None: "sin registro"}
# Qué tan atrás del tiempo puede ir una meta y seguir "en camino".
TOLERANCIA = Decimal("0.8")


# --- Metas ------------------------------------------------------------------------------------


@dataclass
class AvanceMeta:
    meta: object
    linea_base: Decimal | None
    valor_meta: Decimal | None
    ultimo: Decimal | None         # el valor que decide: el último hasta hoy (o hasta la fecha límite)
    fecha_ultimo: date | None
    recorrido: Decimal | None      # parte del camino de la línea base al valor meta (0 = nada, 1 = todo)
    tiempo: Decimal | None         # parte del tiempo transcurrida hacia la fecha límite
    estado: str
    mediciones: list = field(default_factory=list)   # [(fecha, valor, fuente)] hasta hoy
    final: bool = False            # ya llegó su fecha límite: lograda o no lograda, para siempre
    posteriores: list = field(default_factory=list)  # [(fecha, valor, fuente)] tras la fecha límite
    fuera_de_escala: list = field(default_factory=list)  # [(fecha, valor, fuente)] imposibles (RM405)
    contradictoria: bool = False   # RM303: la línea base ya cumple el valor meta; nunca lograda

    @property
    def sin_medicion(self) -> bool:
        """¿Es final sin ninguna medición hasta su fecha límite? («no lograda (sin medición)»)."""
        return self.final and self.ultimo is None

    @property
    def por_que_sin_medicion(self) -> str:
        """«sin medición», «sin medición a tiempo» (solo después de su fecha límite) o «sin
        medición válida» (solo cifras fuera de escala): no es lo mismo que nunca medida."""
        if self.posteriores:
            return "sin medición a tiempo"
        return "sin medición válida" if self.fuera_de_escala else "sin medición"

    @property
    def nombre_estado(self) -> str:
        return self.estado_en_palabras()

    def estado_en_palabras(self, con_codigo: bool = True) -> str:
        """El nombre de su estado; ``con_codigo=False``, sin el código de la regla que lo
        explica (para las familias: «no lograda (meta contradictoria)»)."""
        if self.sin_medicion:
            # Medida solo después de su fecha límite no es lo mismo que nunca medida.
            return f"{NOMBRES_ESTADO_META[NO_LOGRADA]} ({self.por_que_sin_medicion})"
        if self.contradictoria and self.estado != SIN_DATOS:
            # Lo que la hizo no lograda (o en riesgo) no es la medición: es la meta misma.
            codigo = ": RM303" if con_codigo else ""
            return f"{NOMBRES_ESTADO_META[self.estado]} (meta contradictoria{codigo})"
        return NOMBRES_ESTADO_META[self.estado]


def alcanza(sentido: str | None, valor: Decimal, meta: Decimal, base: Decimal | None) -> bool:
    """¿``valor`` alcanza ``meta``? Aumentar: ≥; disminuir: ≤. Mantener no dice hacia dónde es
    mejor: si la línea base difiere del valor meta, lo dice el camino (de 93 a 95: no bajar de
    95); si son iguales («mantener en 0 los alumnos que abandonan»), solo el valor meta mismo la
    cumple: un valor mayor o menor puede ser peor, y nunca se da por lograda una meta que empeoró
    (RM305 lo avisa; para que cuente un valor mejor, el sentido es aumentar o disminuir)."""
    if sentido == "mantener":
        if base is None or base == meta:
            return valor == meta
        sentido = "aumentar" if meta > base else "disminuir"
    if sentido == "disminuir":
        return valor <= meta
    return valor >= meta


def inicio_del_ciclo(ruta: Ruta) -> date | None:
    cal = ruta.calendario
    if cal is None:
        return None
    return cal.inicio_clases or cal.inicio


def avance_meta(ruta: Ruta, meta, hoy: date) -> AvanceMeta:
    """El avance y el estado de una meta al día ``hoy``: la única regla del estado (ver arriba).

    Las mediciones posteriores a ``hoy`` no cuentan; desde la fecha límite (incluida), tampoco
    las posteriores a ella: la meta se juzga con lo medido hasta ese día. Una medición fuera de
    la escala de su unidad (un porcentaje de 104: RM405) tampoco: no se puede dar por lograda una
    meta con una cifra imposible.
    """
    from rutamejora.reglas.compartido import fuera_de_rango

    unidad = meta.indicador.unidad if meta.indicador is not None else None
    todas = [(e.fecha, m.valor, m.fuente) for e, m in mediciones(ruta, meta.id)
             if m.valor is not None and e.fecha is not None and e.fecha <= hoy]
    historial = [p for p in todas if fuera_de_rango(p[1], unidad) is None]
    limite = meta.fecha_limite
    final = limite is not None and hoy >= limite
    puntos = [p for p in historial if not final or p[0] <= limite]
    base, objetivo = meta.linea_base, meta.valor_meta
    ultimo, fecha_ultimo = (puntos[-1][1], puntos[-1][0]) if puntos else (None, None)
    # Una meta contradictoria (RM303) se «alcanza» con cualquier cosa: nunca es lograda, y su
    # camino va al revés (de 3 a 4 para disminuir): «100 % recorrido» diría que se cumplió.
    contradictoria = meta_contradictoria(meta)
    recorrido = None
    if ultimo is not None and base is not None and objetivo is not None and objetivo != base \
            and not contradictoria:
        recorrido = (ultimo - base) / (objetivo - base)
    tiempo = None
    inicio = inicio_del_ciclo(ruta)
    if inicio is not None and limite is not None and limite > inicio:
        transcurrido = (min(max(hoy, inicio), limite) - inicio).days
        tiempo = Decimal(transcurrido) / Decimal((limite - inicio).days)
    alcanzada = ultimo is not None and objetivo is not None and not contradictoria \
        and alcanza(meta.sentido, ultimo, objetivo, base)
    if final:
        estado = LOGRADA if alcanzada else NO_LOGRADA
    elif ultimo is None:
        estado = SIN_DATOS
    elif contradictoria:
        estado = EN_RIESGO   # no se puede ir «en camino» por un camino al revés
    elif alcanzada:
        estado = LOGRADA
    elif recorrido is not None and tiempo is not None and recorrido >= tiempo * TOLERANCIA:
        estado = EN_CAMINO
    else:
        estado = EN_RIESGO
    return AvanceMeta(meta, base, objetivo, ultimo, fecha_ultimo, recorrido, tiempo, estado,
                      historial, final, [p for p in historial if p not in puntos],
                      [p for p in todas if p not in historial], contradictoria)


def avance_de_metas(ruta: Ruta, hoy: date) -> list[AvanceMeta]:
    return [avance_meta(ruta, m, hoy) for m in ruta.metas if m.id]


# --- Acciones ---------------------------------------------------------------------------------


@dataclass
class Gasto:
    """Un gasto registrado en la bitácora: cada uno lleva (o no) su comprobante. ``comprobante``
    es ``None`` también si lo escrito dice que falta («pendiente», «sin factura»)."""

    accion: str
    fecha: date | None
    monto: Decimal
    comprobante: str | None
    nota: str | None


@dataclass
class SituacionAccion:
    accion: object
    estado: str | None             # el del último registro (None: sin registro)
    avance: int | None
    inicio: date | None            # el vigente (reprogramado si lo hay)
    fin: date | None
    reprogramada: bool
    costo: Decimal | None
    gasto: Decimal
    comprobantes: list
    conclusion: str | None
    ultimo_registro: date | None
    vencida: bool                  # pasó su fin sin estar realizada ni cancelada
    gastos: list = field(default_factory=list)   # [Gasto] en orden de fecha (los de monto 0 no)
    realizada_el: date | None = None   # el día en que quedó realizada (si lo está)
    reabierta_el: date | None = None   # la última vez que se volvió a abrir tras cerrarse

    @property
    def sin_comprobante(self) -> list:
        """Los gastos sin su comprobante (los comprobantes son por gasto, no por acción)."""
        return [g for g in self.gastos if not g.comprobante]

    @property
    def nombre_estado(self) -> str:
        return NOMBRES_ESTADO_ACCION.get(self.estado, self.estado or "sin registro")

    @property
    def cerrada(self) -> bool:
        return self.estado in ("realizada", "cancelada")


def situacion_accion(ruta: Ruta, accion, hoy: date) -> SituacionAccion:
    regs = [(e, r) for e, r in registros(ruta, accion.id) if e.fecha is None or e.fecha <= hoy]
    tramos = periodos(accion)
    inicio = min((i for i, _ in tramos), default=None)
    reprogramada = False
    for _, r in regs:
        if r.nuevo_inicio is not None:
            inicio, reprogramada = r.nuevo_inicio, True
        if r.nuevo_fin is not None:
            reprogramada = True
    fin = fin_vigente(ruta, accion)
    estado = regs[-1][1].estado if regs else None
    vigentes = _desde_la_reapertura(regs)
    # Una acción realizada sin avance escrito está al 100 % (no al avance de antes: «Realizada,
    # avance 95 %»); un avance menor con realizada lo avisa RM403.
    avance = next((r.avance if r.avance is not None else 100 for _, r in reversed(vigentes)
                   if r.avance is not None or r.estado == "realizada"), None)
    conclusion = next((r.conclusion for _, r in reversed(vigentes) if r.conclusion), None)
    # Solo los de un gasto: uno en un registro sin gasto no es de ninguno (RM419), y listarlo
    # junto a «Sin comprobante» diría a la vez que está y que falta.
    comprobantes = [r.comprobante for _, r in regs if r.gasto and es_comprobante(r.comprobante, r.gasto)]
    gasto = sum((r.gasto for _, r in regs if r.gasto is not None), Decimal(0))
    gastos = [Gasto(accion.id, e.fecha, r.gasto,
                    r.comprobante if es_comprobante(r.comprobante, r.gasto) else None, r.nota)
              for e, r in regs if r.gasto]
    vencida = fin is not None and fin < hoy and estado not in ("realizada", "cancelada")
    return SituacionAccion(accion, estado, avance, inicio, fin, reprogramada, costo_total(accion),
                           gasto, comprobantes, conclusion, regs[-1][0].fecha if regs else None,
                           vencida, gastos, _realizada_el(regs),
                           vigentes[0][0].fecha if vigentes is not regs and vigentes else None)


# Los estados que cierran una acción: después de uno de ellos, otro estado la vuelve a abrir.
_CIERRES = ("realizada", "cancelada")


def _desde_la_reapertura(regs: list) -> list:
    """Los registros desde la última vez que la acción se volvió a abrir (un registro con otro
    estado después de uno que la cerraba), o todos si nunca se reabrió. Lo de antes (el 100 %
    de «realizada», su conclusión) era de un cierre que el CTE deshizo: «En curso, avance
    100 %» diría que está completa."""
    desde, cerrada = None, False
    for i, (_, r) in enumerate(regs):
        if r.estado in _CIERRES:
            cerrada = True
        elif r.estado is not None and cerrada:
            desde, cerrada = i, False
    return regs if desde is None else regs[desde:]


def _realizada_el(regs: list) -> date | None:
    """El día en que la acción quedó realizada: el primer registro «realizada» de la última
    racha (los siguientes, sin otro estado, solo agregan evidencias o gastos); ``None`` si su
    último estado no es «realizada»."""
    fecha = None
    for e, r in reversed(regs):
        if r.estado == "realizada":
            fecha = e.fecha
        elif r.estado is not None:
            break
    return fecha


def situacion_de_acciones(ruta: Ruta, hoy: date) -> list[SituacionAccion]:
    return [situacion_accion(ruta, a, hoy) for a in ruta.acciones if a.id]


# --- Dinero -----------------------------------------------------------------------------------


@dataclass
class LineaDinero:
    fuente: object | None          # None: la fila de acciones sin fuente (o el total)
    nombre: str
    previsto: Decimal              # lo que la fuente aporta según el presupuesto
    recibido: Decimal              # ingresos registrados en la bitácora
    planeado: Decimal              # costo de las acciones con cargo a la fuente
    ejercido: Decimal              # gasto registrado en esas acciones
    gastos: list = field(default_factory=list)   # [Gasto] con cargo a la línea, en orden de fecha
    saldo_fijo: Decimal | None = None            # el total: la suma de los saldos de las líneas
    # ¿La Ruta registra algún ingreso (de cualquier fuente) hasta hoy? Entonces cada línea cuenta
    # con lo recibido, aunque sea $0; si no, con lo previsto (y los informes lo dicen).
    con_ingresos: bool = True

    @property
    def disponible(self) -> Decimal:
        """Con cuánto se cuenta: ``reglas.compartido.con_cuanto_cuenta`` (la regla de RM409)."""
        return con_cuanto_cuenta(self.previsto, self.recibido, self.con_ingresos)

    @property
    def saldo(self) -> Decimal:
        """Lo que queda: lo disponible (lo recibido o, en una Ruta sin ningún ingreso, lo
        previsto) menos lo ejercido."""
        return self.saldo_fijo if self.saldo_fijo is not None else self.disponible - self.ejercido

    @property
    def sobregiro(self) -> Decimal:
        """Lo gastado de más (0 si no): lo que hace negativo el saldo."""
        return max(-self.saldo, Decimal(0))

    @property
    def gastos_del_sobregiro(self) -> list:
        """Los gastos que llevaron la línea por encima de lo disponible (el primero que lo
        rebasó y los que siguieron): ahí busca el informe la explicación de la bitácora."""
        acumulado, desde = Decimal(0), None
        for i, g in enumerate(self.gastos):
            acumulado += g.monto
            if desde is None and acumulado > self.disponible:
                desde = i
        return [] if desde is None else self.gastos[desde:]


def dinero(ruta: Ruta, hoy: date) -> list[LineaDinero]:
    """Una línea por fuente del presupuesto (y una de «sin fuente» si hace falta); la última es el total.

    Una acción sin ``fuente`` va con cargo a la única fuente, si el presupuesto tiene una sola
    (``reglas.compartido.fuente_del_gasto``); si no, a «Sin fuente asignada».
    """
    lineas = {f.id: LineaDinero(f, f.nombre or f.id, f.monto or Decimal(0), Decimal(0), Decimal(0),
                                Decimal(0)) for f in ruta.fuentes if f.id}
    sin_fuente = LineaDinero(None, "Sin fuente asignada", Decimal(0), Decimal(0), Decimal(0), Decimal(0))
    for e in ruta.entradas:
        if e.fecha is not None and e.fecha > hoy:
            continue
        for ingreso in e.ingresos or []:
            if ingreso.fuente in lineas and ingreso.monto is not None:
                lineas[ingreso.fuente].recibido += ingreso.monto
    for s in situacion_de_acciones(ruta, hoy):
        linea = lineas.get(fuente_del_gasto(ruta, s.accion), sin_fuente)
        linea.planeado += s.costo or 0
        linea.ejercido += s.gasto
        linea.gastos += s.gastos
    resultado = list(lineas.values())
    if sin_fuente.planeado or sin_fuente.ejercido:
        resultado.append(sin_fuente)
    con_ingresos = any(l.recibido for l in resultado)
    for linea in resultado:
        linea.gastos.sort(key=lambda g: g.fecha or date.min)
        linea.con_ingresos = con_ingresos
    # El saldo total es la suma de los saldos, y todas cuentan con lo mismo (lo recibido o, sin
    # ningún ingreso, lo previsto): así Recibido − Ejercido = Saldo también en el total.
    total = LineaDinero(None, "Total", sum((l.previsto for l in resultado), Decimal(0)),
                        sum((l.recibido for l in resultado), Decimal(0)),
                        sum((l.planeado for l in resultado), Decimal(0)),
                        sum((l.ejercido for l in resultado), Decimal(0)),
                        saldo_fijo=sum((l.saldo for l in resultado), Decimal(0)),
                        con_ingresos=con_ingresos)
    return resultado + [total]


# --- Sesiones del CTE -------------------------------------------------------------------------


def sesiones(ruta: Ruta) -> list[tuple[int, date]]:
    """[(número, fecha)] de las sesiones ordinarias del ciclo."""
    cal = ruta.calendario
    return list(enumerate(cal.sesiones, start=1)) if cal is not None else []


def sesion_anterior(ruta: Ruta, hoy: date) -> tuple[int, date] | None:
    pasadas = [(n, d) for n, d in sesiones(ruta) if d <= hoy]
    return pasadas[-1] if pasadas else None


def sesion_siguiente(ruta: Ruta, hoy: date) -> tuple[int, date] | None:
    return next(((n, d) for n, d in sesiones(ruta) if d > hoy), None)


def ultima_entrada(ruta: Ruta, hoy: date) -> date | None:
    fechas = [e.fecha for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy]
    return max(fechas) if fechas else None


# --- Tramos vigentes de una acción ---------------------------------------------------------------


def tramos_vigentes(ruta: Ruta, accion, hoy: date) -> list[tuple[date, date, str | None]]:
    """Los tramos de la acción al día ``hoy``: ``[(inicio, fin, nombre)]``.

    Sin reprogramar, son sus periodos planeados. Una reprogramación (``nuevo_inicio`` o
    ``nuevo_fin`` en un registro hasta ``hoy``) los cambia por un solo tramo con las fechas
    nuevas (la que no se dio queda como estaba).
    """
    if accion.periodos:
        planeados = [(p.inicio, p.fin, p.nombre) for p in accion.periodos if p.inicio and p.fin]
    else:
        planeados = [(i, f, None) for i, f in periodos(accion)]
    regs = [r for e, r in registros(ruta, accion.id) if e.fecha is None or e.fecha <= hoy]
    nuevo_inicio = next((r.nuevo_inicio for r in reversed(regs) if r.nuevo_inicio), None)
    nuevo_fin = next((r.nuevo_fin for r in reversed(regs) if r.nuevo_fin), None)
    if nuevo_inicio is None and nuevo_fin is None:
        return planeados
    inicio = nuevo_inicio or min((i for i, _, _ in planeados), default=None)
    fin = nuevo_fin or max((f for _, f, _ in planeados), default=None)
    if inicio is None or fin is None or inicio > fin:
        return []
    return [(inicio, fin, None)]


__all__ = ["AvanceMeta", "SituacionAccion", "Gasto", "LineaDinero", "avance_meta", "avance_de_metas",
           "situacion_accion", "situacion_de_acciones", "dinero", "sesiones", "sesion_anterior",
           "sesion_siguiente", "ultima_entrada", "tramos_vigentes", "inicio_del_ciclo",
           "LOGRADA", "EN_CAMINO", "EN_RIESGO", "SIN_DATOS", "NO_LOGRADA", "NOMBRES_ESTADO_META",
           "NOMBRES_ESTADO_ACCION", "TOLERANCIA"]
