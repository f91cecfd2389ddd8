"""Lo que la próxima sesión del CTE tiene que revisar (``ruta pendientes`` y los informes).

Acciones vencidas o por vencer, metas vencidas, por vencer, en riesgo o sin medir, acciones sin
registro desde la sesión anterior y los problemas de ``ruta validar``, en orden de urgencia. El
estado de cada meta (en riesgo, lograda…) es el de ``avance_meta``: aquí no se decide otro.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from rutamejora.formato.modelo import Ruta
from rutamejora.vistas.estados import (EN_RIESGO, LOGRADA, avance_de_metas, sesiones, situacion_de_acciones,
                                       tramos_vigentes)
from rutamejora.vistas.formas import clave_id, fecha_corta, porcentaje

# Una medición cuenta como «final» si se hizo en el mes previo a la fecha límite o después.
VENTANA_MEDICION_FINAL = 31


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
    # Lo medido después de la fecha límite no cuenta (``avance_meta``): de ahí la indicación.
    "meta_vencida": (3, "Metas vencidas sin medición final (se registra con su fecha límite)"),
    "accion_por_vencer": (4, "Acciones que terminan de aquí a {hasta}"),
    "meta_por_vencer": (5, "Metas que vencen de aquí a {hasta}: traer su medición"),
    # En riesgo según ``avance_meta``: van atrás del tiempo y aún hay sesiones para ajustar.
    "meta_en_riesgo": (6, "Metas en riesgo: revisar sus acciones"),
    "meta_por_medir": (7, "Metas por medir"),
    "accion_sin_registro": (8, "Acciones sin registro desde {anterior}"),
    "aviso": (9, "Avisos de `ruta validar`"),
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
    terminaron: date | None = None         # el fin de clases, si ya pasó (se mira hasta hoy)

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
               problemas=(), informe: bool = False) -> Pendientes:
    """Lo que la próxima sesión del CTE (o la sesión ``hasta_sesion``) tiene que revisar.

    Lanza ``SesionInvalida`` si ``hasta_sesion`` no existe o ya pasó. ``problemas`` son los de
    ``ruta validar`` (entran los errores y los avisos, no la información); ``informe``: sus
    mensajes van a un informe, con el marcador sin iniciales («[nombre]»).
    """
    anterior, proxima, hasta, marca = _horizonte(ruta, hoy, hasta_sesion)
    cal = ruta.calendario
    resultado = Pendientes(hoy, anterior, proxima, hasta, marca,
                           terminaron=cal.fin if cal is not None and cal.fin < hoy else None)
    lista = resultado.pendientes
    lista += _acciones_pendientes(ruta, hoy, hasta, anterior)
    lista += _metas_pendientes(ruta, hoy, hasta)
    lista += _problemas_pendientes(problemas, informe)
    lista.sort(key=lambda p: (p.urgencia, p.fecha or date.max, clave_id(p.id), p.archivo, p.linea))
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
            lista.append(Pendiente("accion_sin_registro", 8, a.id, texto, s.ultimo_registro,
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
            # Ya es final (``avance_meta``): solo cuenta lo medido hasta su fecha límite.
            if not final:
                lista.append(Pendiente("meta_vencida", 3, m.id, texto, limite,
                                       f"venció el {fecha_corta(limite)}; {ultima}", av.estado))
        elif limite is not None and limite <= hasta and not final:
            lista.append(Pendiente("meta_por_vencer", 5, m.id, texto, limite,
                                   f"vence el {fecha_corta(limite)}; {ultima}", av.estado))
        elif av.estado == EN_RIESGO:
            lista.append(Pendiente("meta_en_riesgo", 6, m.id, texto, limite, _detalle_en_riesgo(av, ultima),
                                   av.estado))
        elif ultimo is None or (penultima is not None and ultimo < penultima):
            motivo = ultima if ultimo is None else f"{ultima}, dos sesiones sin dato"
            lista.append(Pendiente("meta_por_medir", 7, m.id, texto, ultimo, motivo, av.estado))
    return lista


def _detalle_en_riesgo(av, ultima: str) -> str:
    """«47 % del camino y 74 % del tiempo; última medición: 30 ene 2026» (cabe en 80 columnas:
    la fecha límite va en ``fecha``, que ordena el grupo, y en ``ruta avance``)."""
    if av.recorrido is None or av.tiempo is None:
        return ultima
    return f"{porcentaje(av.recorrido)} del camino y {porcentaje(av.tiempo)} del tiempo; {ultima}"


def _problemas_pendientes(problemas, informe: bool = False) -> list[Pendiente]:
    from rutamejora.nucleo.problemas import AVISO, ERROR, enmascarar

    lista = []
    for p in problemas:
        if p.severidad not in (ERROR, AVISO) or p.codigo in _AVISOS_REPETIDOS:
            continue
        tipo = "error" if p.severidad == ERROR else "aviso"
        donde = f"{p.archivo}:{p.linea}" if p.linea else p.archivo
        lista.append(Pendiente(tipo, TIPOS_PENDIENTE[tipo][0], p.codigo,
                               enmascarar(p.mensaje, p.secretos, informe), None, donde,
                               archivo=p.archivo, linea=p.linea))
    return lista



__all__ = ["pendientes", "Pendiente", "Pendientes", "SesionInvalida", "TIPOS_PENDIENTE"]
