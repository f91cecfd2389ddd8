"""Vistas: los números que muestran ``resumen``, ``avance``, ``pendientes`` y los informes.

Todo se calcula aquí, una vez y de una sola manera, a partir del modelo y de "hoy" (la fecha
de evaluación, nunca el reloj): el avance de cada meta y su estado, el estado de cada acción,
el dinero por fuente. Las plantillas de los informes solo muestran lo que esto calcula.

**La regla del estado de una meta** (la documenta también ``docs/vistas.md``):

- *sin datos*: su indicador no se ha medido.
- *lograda*: el último valor alcanza el valor meta en el sentido del indicador (aumentar: ≥;
  disminuir: ≤; mantener: no queda por debajo del valor meta).
- *no lograda*: pasó la fecha límite sin alcanzarlo.
- *en camino*: la parte del camino recorrida (de la línea base al valor meta) es al menos el
  80 % de la parte del tiempo transcurrida (del inicio del ciclo a la fecha límite).
- *en riesgo*: lo demás.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from rutamejora.formato.modelo import (Ruta, costo_total, estado_actual, fin_vigente, gasto_total,
                               mediciones, periodos, registros)

LOGRADA, EN_CAMINO, EN_RIESGO, SIN_DATOS, NO_LOGRADA = (
    "lograda", "en_camino", "en_riesgo", "sin_datos", "no_lograda")
NOMBRES_ESTADO_META = {LOGRADA: "lograda", EN_CAMINO: "en camino", EN_RIESGO: "en riesgo",
                       SIN_DATOS: "sin datos", NO_LOGRADA: "no lograda"}
NOMBRES_ESTADO_ACCION = {"pendiente": "pendiente", "en_curso": "en curso", "realizada": "realizada",
                         "reprogramada": "reprogramada", "cancelada": "cancelada",
                         None: "sin registro"}
# Qué tan atrás del tiempo puede ir una meta y seguir "en camino".
TOLERANCIA = Decimal("0.8")

MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre")


def fecha_larga(dia: date | None) -> str:
    """«26 de septiembre de 2025», sin depender del idioma del sistema."""
    return f"{dia.day} de {MESES[dia.month - 1]} de {dia.year}" if dia else ""


def fecha_corta(dia: date | None) -> str:
    """«26 sep 2025»."""
    return f"{dia.day} {MESES[dia.month - 1][:3]} {dia.year}" if dia else ""


def pesos(cantidad: Decimal | None) -> str:
    """«$12,345.60» (exacto: redondeo a centavos hacia arriba desde la mitad)."""
    if cantidad is None:
        return ""
    valor = cantidad.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    signo = "-" if valor < 0 else ""
    return f"{signo}${abs(valor):,.2f}"


def porcentaje(parte: Decimal | None) -> str:
    """0.456 → «46 %» (sin decimales: es para personas)."""
    if parte is None:
        return ""
    entero = (parte * 100).quantize(Decimal("1"), rounding=ROUND_HALF_UP)
    return f"{entero + 0} %"  # + 0 quita el signo de un «-0»


def numero(valor: Decimal | None) -> str:
    """Un valor de indicador como se escribió, sin ceros de más (7.50 → 7.5)."""
    if valor is None:
        return ""
    texto = format(valor.normalize(), "f")
    return texto


# --- Metas ------------------------------------------------------------------------------------


@dataclass
class AvanceMeta:
    meta: object
    linea_base: Decimal | None
    valor_meta: Decimal | None
    ultimo: Decimal | None
    fecha_ultimo: date | None
    recorrido: Decimal | None      # parte del camino de la línea base al valor meta (0 = nada, 1 = todo)
    tiempo: Decimal | None         # parte del tiempo transcurrida hacia la fecha límite
    estado: str
    mediciones: list = field(default_factory=list)   # [(fecha, valor, fuente)]

    @property
    def nombre_estado(self) -> str:
        return NOMBRES_ESTADO_META[self.estado]


def _alcanzada(sentido: str | None, valor: Decimal, meta: Decimal) -> bool:
    if sentido == "disminuir":
        return valor <= meta
    return valor >= meta  # aumentar y mantener: no quedar por debajo


def inicio_del_ciclo(ruta: Ruta) -> date | None:
    cal = ruta.calendario
    if cal is None:
        return None
    return cal.inicio_clases or cal.inicio


def avance_meta(ruta: Ruta, meta, hoy: date) -> AvanceMeta:
    """El avance de una meta al día ``hoy`` (mediciones posteriores no cuentan)."""
    puntos = [(e.fecha, m.valor, m.fuente) for e, m in mediciones(ruta, meta.id)
              if m.valor is not None and e.fecha is not None and e.fecha <= hoy]
    base, objetivo = meta.linea_base, meta.valor_meta
    ultimo, fecha_ultimo = (puntos[-1][1], puntos[-1][0]) if puntos else (None, None)
    recorrido = None
    if ultimo is not None and base is not None and objetivo is not None and objetivo != base:
        recorrido = (ultimo - base) / (objetivo - base)
    tiempo = None
    inicio = inicio_del_ciclo(ruta)
    if inicio is not None and meta.fecha_limite is not None and meta.fecha_limite > inicio:
        transcurrido = (min(max(hoy, inicio), meta.fecha_limite) - inicio).days
        tiempo = Decimal(transcurrido) / Decimal((meta.fecha_limite - inicio).days)
    if ultimo is None:
        estado = SIN_DATOS
    elif objetivo is not None and _alcanzada(meta.sentido, ultimo, objetivo):
        estado = LOGRADA
    elif meta.fecha_limite is not None and hoy > meta.fecha_limite:
        estado = NO_LOGRADA
    elif recorrido is not None and tiempo is not None and recorrido >= tiempo * TOLERANCIA:
        estado = EN_CAMINO
    else:
        estado = EN_RIESGO
    return AvanceMeta(meta, base, objetivo, ultimo, fecha_ultimo, recorrido, tiempo, estado, puntos)


def avance_de_metas(ruta: Ruta, hoy: date) -> list[AvanceMeta]:
    return [avance_meta(ruta, m, hoy) for m in ruta.metas if m.id]


# --- Acciones ---------------------------------------------------------------------------------


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
    avance = next((r.avance for _, r in reversed(regs) if r.avance is not None), None)
    conclusion = next((r.conclusion for _, r in reversed(regs) if r.conclusion), None)
    comprobantes = [r.comprobante for _, r in regs if r.comprobante]
    gasto = sum((r.gasto for _, r in regs if r.gasto is not None), Decimal(0))
    vencida = fin is not None and fin < hoy and estado not in ("realizada", "cancelada")
    return SituacionAccion(accion, estado, avance, inicio, fin, reprogramada, costo_total(accion),
                           gasto, comprobantes, conclusion, regs[-1][0].fecha if regs else None,
                           vencida)


def situacion_de_acciones(ruta: Ruta, hoy: date) -> list[SituacionAccion]:
    return [situacion_accion(ruta, a, hoy) for a in ruta.acciones if a.id]


# --- Dinero -----------------------------------------------------------------------------------


@dataclass
class LineaDinero:
    fuente: object | None          # None: la fila de acciones sin fuente
    nombre: str
    previsto: Decimal              # lo que la fuente aporta según el presupuesto
    recibido: Decimal              # ingresos registrados en la bitácora
    planeado: Decimal              # costo de las acciones con cargo a la fuente
    ejercido: Decimal              # gasto registrado en esas acciones

    @property
    def saldo(self) -> Decimal:
        """Lo que queda: lo recibido (o lo previsto, si no se han registrado ingresos) menos lo ejercido."""
        return (self.recibido if self.recibido else self.previsto) - self.ejercido


def dinero(ruta: Ruta, hoy: date) -> list[LineaDinero]:
    """Una línea por fuente del presupuesto (y una de «sin fuente» si hace falta); la última es el total."""
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
        linea = lineas.get(s.accion.fuente, sin_fuente)
        linea.planeado += s.costo or 0
        linea.ejercido += s.gasto
    resultado = list(lineas.values())
    if sin_fuente.planeado or sin_fuente.ejercido:
        resultado.append(sin_fuente)
    total = LineaDinero(None, "Total", sum((l.previsto for l in resultado), Decimal(0)),
                        sum((l.recibido for l in resultado), Decimal(0)),
                        sum((l.planeado for l in resultado), Decimal(0)),
                        sum((l.ejercido for l in resultado), Decimal(0)))
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


__all__ = ["AvanceMeta", "SituacionAccion", "LineaDinero", "avance_meta", "avance_de_metas",
           "situacion_accion", "situacion_de_acciones", "dinero", "sesiones", "sesion_anterior",
           "sesion_siguiente", "ultima_entrada", "fecha_larga", "fecha_corta", "pesos",
           "porcentaje", "numero", "estado_actual"]


# --- Tramos vigentes, pendientes y calendario (``ruta pendientes``, ``ruta calendario``) -------

DIAS = ("lun", "mar", "mié", "jue", "vie", "sáb", "dom")
# Una medición cuenta como «final» si se hizo en el mes previo a la fecha límite o después.
VENTANA_MEDICION_FINAL = 31


def dia_semana(dia: date) -> str:
    """«vie», sin depender del idioma del sistema."""
    return DIAS[dia.weekday()]


def _clave_id(objeto_id: str | None) -> tuple:
    """A2 antes que A10: por prefijo y número."""
    texto = objeto_id or ""
    letras = texto.rstrip("0123456789")
    numero_ = texto[len(letras):]
    return (letras, int(numero_) if numero_ else 0, texto)


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


class SesionInvalida(ValueError):
    """``--hasta-sesion`` pide una sesión que no existe o que ya pasó (un error de uso)."""


@dataclass
class Pendiente:
    tipo: str                 # ver TIPOS_PENDIENTE
    urgencia: int             # 1 es lo más urgente
    id: str                   # A1, M1 o el código de la regla (RM406)
    texto: str                # la actividad, la meta o el mensaje del problema
    fecha: date | None        # la fecha que lo vuelve pendiente (fin, fecha límite, último dato)
    detalle: str              # la frase que lo explica
    estado: str | None = None  # el de la acción o el de la meta
    archivo: str = ""         # solo para los problemas de `ruta validar`
    linea: int = 0


# tipo → (urgencia, título del grupo). El orden es el de la urgencia.
TIPOS_PENDIENTE = {
    "error": (1, "Errores de `ruta validar`: corrígelos, cambian lo que se ve aquí"),
    "accion_vencida": (2, "Acciones vencidas"),
    "meta_vencida": (3, "Metas vencidas sin medición final"),
    "accion_por_vencer": (4, "Acciones que terminan de aquí a {hasta}"),
    "meta_por_vencer": (5, "Metas que vencen de aquí a {hasta}: traer su medición"),
    "meta_por_medir": (6, "Metas por medir"),
    "accion_sin_registro": (7, "Acciones sin registro desde {anterior}"),
    "aviso": (8, "Avisos de `ruta validar`"),
}
# Lo que ya dicen los pendientes de seguimiento no se repite como aviso.
_AVISOS_REPETIDOS = {"RM401", "RM402"}


@dataclass
class Pendientes:
    hoy: date
    anterior: tuple[int, date] | None      # la última sesión ya pasada (antes de hoy)
    proxima: tuple[int, date] | None       # la siguiente sesión (hoy incluido)
    hasta: date                            # hasta dónde se mira
    hasta_sesion: tuple[int, date] | None  # la sesión que marca ``hasta`` (None: fin de clases)
    pendientes: list = field(default_factory=list)

    def grupos(self) -> list[tuple[str, list]]:
        """[(tipo, [Pendiente])] en orden de urgencia, sin grupos vacíos."""
        return [(tipo, [p for p in self.pendientes if p.tipo == tipo]) for tipo in TIPOS_PENDIENTE
                if any(p.tipo == tipo for p in self.pendientes)]


def _hace(hoy: date, dia: date) -> str:
    dias = (hoy - dia).days
    if dias == 0:
        return "hoy"
    if dias == 1:
        return "ayer"
    return f"hace {dias} días" if dias > 0 else (f"en {-dias} días" if dias < -1 else "mañana")


def _horizonte(ruta: Ruta, hoy: date, hasta_sesion: int | None):
    lista = sesiones(ruta)
    anterior = next(((n, d) for n, d in reversed(lista) if d < hoy), None)
    proxima = next(((n, d) for n, d in lista if d >= hoy), None)
    if hasta_sesion is not None:
        if not lista:
            raise SesionInvalida("el calendario del ciclo no tiene sesiones ordinarias.")
        if not 1 <= hasta_sesion <= len(lista):
            raise SesionInvalida(f"no existe la sesión {hasta_sesion}: el calendario del ciclo "
                                 f"tiene {len(lista)} sesiones ordinarias (1 a {len(lista)}).")
        numero_, dia = lista[hasta_sesion - 1]
        if dia < hoy:
            siguiente = (f" La próxima es la {proxima[0]} ({fecha_corta(proxima[1])})."
                         if proxima else " Ya no quedan sesiones este ciclo.")
            raise SesionInvalida(f"la sesión {numero_} ({fecha_corta(dia)}) ya pasó." + siguiente)
        return anterior, proxima, dia, (numero_, dia)
    if proxima is not None:
        return anterior, proxima, proxima[1], proxima
    cal = ruta.calendario
    hasta = cal.fin if cal is not None and cal.fin >= hoy else hoy
    return anterior, None, hasta, None


def pendientes(ruta: Ruta, hoy: date, hasta_sesion: int | None = None,
               problemas=()) -> Pendientes:
    """Lo que la próxima sesión del CTE (o la sesión ``hasta_sesion``) tiene que revisar.

    Lanza ``SesionInvalida`` si ``hasta_sesion`` no existe o ya pasó. ``problemas`` son los de
    ``ruta validar`` (entran los errores y los avisos, no la información).
    """
    anterior, proxima, hasta, marca = _horizonte(ruta, hoy, hasta_sesion)
    resultado = Pendientes(hoy, anterior, proxima, hasta, marca)
    lista = resultado.pendientes
    lista += _acciones_pendientes(ruta, hoy, hasta, anterior)
    lista += _metas_pendientes(ruta, hoy, hasta)
    lista += _problemas_pendientes(problemas)
    lista.sort(key=lambda p: (p.urgencia, p.fecha or date.max, _clave_id(p.id), p.archivo, p.linea))
    return resultado


def _acciones_pendientes(ruta: Ruta, hoy: date, hasta: date, anterior) -> list[Pendiente]:
    lista = []
    for s in situacion_de_acciones(ruta, hoy):
        a = s.accion
        if s.cerrada:
            continue
        texto = a.actividad or ""
        estado = s.nombre_estado + (f", {s.avance} %" if s.avance is not None else "")
        if s.vencida:
            lista.append(Pendiente("accion_vencida", 2, a.id, texto, s.fin,
                                   f"terminaba el {fecha_corta(s.fin)} ({_hace(hoy, s.fin)}); {estado}",
                                   s.estado))
        elif s.fin is not None and hoy <= s.fin <= hasta:
            lista.append(Pendiente("accion_por_vencer", 4, a.id, texto, s.fin,
                                   f"termina el {fecha_corta(s.fin)}; {estado}", s.estado))
        elif anterior is not None and _corrio_desde(ruta, a, anterior[1], hoy) and (
                s.ultimo_registro is None or s.ultimo_registro < anterior[1]):
            ultimo = (f"último registro: {fecha_corta(s.ultimo_registro)}" if s.ultimo_registro
                      else "sin ningún registro")
            lista.append(Pendiente("accion_sin_registro", 7, a.id, texto, s.ultimo_registro,
                                   f"{ultimo}; {estado}", s.estado))
    return lista


def _corrio_desde(ruta: Ruta, accion, desde: date, hoy: date) -> bool:
    """¿Algún tramo de la acción estuvo en marcha entre ``desde`` y ``hoy``?"""
    return any(inicio <= hoy and fin >= desde for inicio, fin, _ in tramos_vigentes(ruta, accion, hoy))


def _metas_pendientes(ruta: Ruta, hoy: date, hasta: date) -> list[Pendiente]:
    from datetime import timedelta

    pasadas = [d for _, d in sesiones(ruta) if d < hoy]
    penultima = pasadas[-2] if len(pasadas) >= 2 else None
    lista = []
    for av in avance_de_metas(ruta, hoy):
        m = av.meta
        if av.estado == LOGRADA:
            continue
        limite = m.fecha_limite
        ultimo = av.fecha_ultimo
        texto = m.descripcion or ""
        ultima = f"última medición: {fecha_corta(ultimo)}" if ultimo else "nunca se ha medido"
        final = limite is not None and ultimo is not None and ultimo >= limite - timedelta(VENTANA_MEDICION_FINAL)
        if limite is not None and limite < hoy:
            if not final:
                lista.append(Pendiente("meta_vencida", 3, m.id, texto, limite,
                                       f"venció el {fecha_corta(limite)}; {ultima}", av.estado))
        elif limite is not None and limite <= hasta and not final:
            lista.append(Pendiente("meta_por_vencer", 5, m.id, texto, limite,
                                   f"vence el {fecha_corta(limite)}; {ultima}", av.estado))
        elif ultimo is None or (penultima is not None and ultimo < penultima):
            motivo = ultima if ultimo is None else f"{ultima}, dos sesiones sin dato"
            lista.append(Pendiente("meta_por_medir", 6, m.id, texto, ultimo, motivo, av.estado))
    return lista


def _problemas_pendientes(problemas) -> list[Pendiente]:
    from rutamejora.nucleo.problemas import AVISO, ERROR, enmascarar

    lista = []
    for p in problemas:
        if p.severidad not in (ERROR, AVISO) or p.codigo in _AVISOS_REPETIDOS:
            continue
        tipo = "error" if p.severidad == ERROR else "aviso"
        donde = f"{p.archivo}:{p.linea}" if p.linea else p.archivo
        lista.append(Pendiente(tipo, TIPOS_PENDIENTE[tipo][0], p.codigo,
                               enmascarar(p.mensaje, p.secretos), None, donde,
                               archivo=p.archivo, linea=p.linea))
    return lista


# --- Calendario mes por mes -------------------------------------------------------------------


@dataclass
class Evento:
    fecha: date
    tipo: str                 # fase_intensiva, inicio_clases, sesion, fin_clases
    descripcion: str
    fin: date | None = None   # la fase intensiva dura varios días
    sesion: int | None = None
    registrada: bool | None = None  # de una sesión ya pasada: ¿la bitácora tiene su entrada?


@dataclass
class AccionDelMes:
    situacion: SituacionAccion
    tramos: list              # [(inicio, fin, nombre)] que tocan el mes
    inicia: bool              # algún tramo empieza en el mes
    termina: bool             # algún tramo termina en el mes


@dataclass
class Mes:
    anio: int
    mes: int
    actual: bool              # el mes de ``hoy``
    eventos: list = field(default_factory=list)
    recesos: list = field(default_factory=list)     # [(nombre, inicio, fin)] que tocan el mes
    acciones: list = field(default_factory=list)    # [AccionDelMes]

    @property
    def nombre(self) -> str:
        return f"{MESES[self.mes - 1]} {self.anio}"

    @property
    def clave(self) -> str:
        return f"{self.anio:04d}-{self.mes:02d}"


def _meses_entre(inicio: date, fin: date) -> list[tuple[int, int]]:
    meses, (anio, mes) = [], (inicio.year, inicio.month)
    while (anio, mes) <= (fin.year, fin.month):
        meses.append((anio, mes))
        anio, mes = (anio + 1, 1) if mes == 12 else (anio, mes + 1)
    return meses


def _limites_del_mes(anio: int, mes: int) -> tuple[date, date]:
    from datetime import timedelta

    siguiente = date(anio + 1, 1, 1) if mes == 12 else date(anio, mes + 1, 1)
    return date(anio, mes, 1), siguiente - timedelta(days=1)


def calendario_del_ciclo(ruta: Ruta, hoy: date) -> list[Mes]:
    """El ciclo mes por mes: eventos del calendario, recesos y las acciones en marcha (al día ``hoy``).

    Va del mes de la fase intensiva al del último día de clases; sin calendario, del primer al
    último mes que tocan las acciones. Las acciones se ordenan por id.
    """
    situaciones = {s.accion.id: s for s in situacion_de_acciones(ruta, hoy)}
    tramos = {a.id: tramos_vigentes(ruta, a, hoy) for a in ruta.acciones if a.id}
    cal = ruta.calendario
    if cal is not None:
        inicio, fin = cal.inicio, cal.fin
    else:
        fechas = [d for ts in tramos.values() for i, f, _ in ts for d in (i, f)]
        if not fechas:
            return []
        inicio, fin = min(fechas), max(fechas)
    eventos = _eventos(ruta, hoy)
    meses = []
    for anio, mes in _meses_entre(inicio, fin):
        primero, ultimo = _limites_del_mes(anio, mes)
        m = Mes(anio, mes, actual=primero <= hoy <= ultimo)
        m.eventos = [e for e in eventos if primero <= e.fecha <= ultimo]
        if cal is not None:
            m.recesos = [(n, i, f) for n, i, f in cal.recesos if i <= ultimo and f >= primero]
        for accion_id in sorted(tramos, key=_clave_id):
            del_mes = [(i, f, n) for i, f, n in tramos[accion_id] if i <= ultimo and f >= primero]
            if del_mes:
                m.acciones.append(AccionDelMes(
                    situaciones[accion_id], del_mes,
                    inicia=any(primero <= i for i, _, _ in del_mes),
                    termina=any(f <= ultimo for _, f, _ in del_mes)))
        meses.append(m)
    return meses


def _eventos(ruta: Ruta, hoy: date) -> list[Evento]:
    cal = ruta.calendario
    if cal is None:
        return []
    eventos = []
    if cal.inicio_clases is not None and cal.inicio < cal.inicio_clases:
        eventos.append(Evento(cal.inicio, "fase_intensiva", "Fase intensiva del CTE",
                              fin=_fin_fase_intensiva(ruta)))
    if cal.inicio_clases is not None:
        eventos.append(Evento(cal.inicio_clases, "inicio_clases", "Inicio de clases"))
    registradas = {e.sesion for e in ruta.entradas if e.sesion and e.fecha is not None and e.fecha <= hoy}
    eventos += [Evento(d, "sesion", f"Sesión {n} del CTE", sesion=n,
                       registrada=(n in registradas) if d <= hoy else None) for n, d in sesiones(ruta)]
    eventos.append(Evento(cal.fin, "fin_clases", "Fin de clases"))
    return sorted(eventos, key=lambda e: e.fecha)


def _fin_fase_intensiva(ruta: Ruta) -> date | None:
    """El último día de la fase intensiva: el de ruta.yaml o el del catálogo del ciclo."""
    propio = ruta.datos.calendario if ruta.datos is not None else None
    if propio is not None and propio.fase_intensiva is not None and propio.fase_intensiva.fin:
        return propio.fase_intensiva.fin
    from rutamejora.catalogos import calendario_oficial

    oficial = calendario_oficial(ruta.ciclo) if ruta.ciclo else None
    fin = ((oficial or {}).get("fase_intensiva") or {}).get("fin")
    return fin if isinstance(fin, date) else None


# --- Resumen ----------------------------------------------------------------------------------


@dataclass
class Resumen:
    """Lo que muestra ``ruta resumen``: el árbol de la Ruta, los conteos y el dinero."""

    prioridades: list         # [(prioridad, [(objetivo, [(AvanceMeta, [SituacionAccion])])])]
    sin_meta: list            # acciones que no sirven a ninguna meta conocida
    avances: list             # [AvanceMeta]
    situaciones: list         # [SituacionAccion]
    dinero: list              # [LineaDinero], la última es el total

    def metas_por_estado(self) -> dict[str, int]:
        return _contar(a.estado for a in self.avances)

    def acciones_por_estado(self) -> dict[str, int]:
        return _contar(s.estado or "sin_registro" for s in self.situaciones)


def _contar(valores) -> dict[str, int]:
    cuenta: dict[str, int] = {}
    for v in valores:
        cuenta[v] = cuenta.get(v, 0) + 1
    return cuenta


def resumen(ruta: Ruta, hoy: date) -> Resumen:
    """El árbol prioridades → objetivos → metas → acciones al día ``hoy``.

    Una acción que sirve a varias metas cuelga de la primera que nombra (la que está en el
    árbol); ``metas`` de la acción dice las demás.
    """
    avances = {a.meta.id: a for a in avance_de_metas(ruta, hoy)}
    situaciones = situacion_de_acciones(ruta, hoy)
    por_meta: dict[str, list] = {}
    sin_meta = []
    for s in situaciones:
        primera = next((m for m in s.accion.metas or [] if m in avances), None)
        (por_meta.setdefault(primera, []) if primera else sin_meta).append(s)
    arbol = []
    for p in ruta.prioridades:
        objetivos = []
        for o in ruta.objetivos:
            if o.prioridad != p.id or not p.id:
                continue
            metas = [(avances[m.id], por_meta.get(m.id, [])) for m in ruta.metas
                     if m.objetivo == o.id and m.id in avances]
            objetivos.append((o, metas))
        arbol.append((p, objetivos))
    return Resumen(arbol, sin_meta, list(avances.values()), situaciones, dinero(ruta, hoy))


__all__ += ["tramos_vigentes", "pendientes", "Pendiente", "Pendientes", "SesionInvalida",
            "TIPOS_PENDIENTE", "calendario_del_ciclo", "Mes", "Evento", "AccionDelMes", "resumen",
            "Resumen", "dia_semana", "MESES", "DIAS"]
