"""El ciclo mes por mes (``ruta calendario``): eventos del calendario, recesos y acciones en marcha."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rutamejora.formato.modelo import Ruta
from rutamejora.vistas.estados import SituacionAccion, sesiones, situacion_de_acciones, tramos_vigentes
from rutamejora.vistas.formas import MESES, clave_id


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
        for accion_id in sorted(tramos, key=clave_id):
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


__all__ = ["calendario_del_ciclo", "Mes", "Evento", "AccionDelMes"]
