"""La sección de las acciones: cada acción con su tiempo, costo, estado y evidencias, y su resumen.

Posee ``accion`` y ``acciones_resumen``.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rutamejora.formato.modelo import Ruta, costo_total, registros
from rutamejora.informes.formas import fecha_de_entrada, mayuscula, plural, rango_fechas, rango_largo
from rutamejora.informes.voz import Voz
from rutamejora import vistas
from rutamejora.vistas import fecha_corta, pesos

def _costo_texto(accion) -> tuple[str, str | None]:
    """(«$2,250.00», «$250.00 al mes × 9»): el total y, si se escribió por periodo, cómo."""
    total = costo_total(accion)
    costo = accion.costo
    if total is None:
        return "—", None
    if total == 0:
        return "Sin costo", None
    if costo is not None and not isinstance(costo, Decimal) and costo.total is None:
        if costo.por_semana is not None and costo.semanas:
            return pesos(total), f"{pesos(costo.por_semana)} por semana × {costo.semanas}"
        if costo.por_mes is not None and costo.meses:
            return pesos(total), f"{pesos(costo.por_mes)} al mes × {costo.meses}"
    return pesos(total), None


def _tiempo(accion, voz: Voz, largo: bool = False) -> str:
    """Los periodos de la acción: «8 sep 2025 – 19 jun 2026» en una tabla de la autoridad; para
    las familias, en palabras: «Del 8 de septiembre de 2025 al 19 de junio de 2026». El nombre de
    cada periodo pasa por la voz (sin datos personales)."""
    def rango(inicio, fin, nombre=None) -> str:
        nombre = voz.texto(nombre) if nombre else None
        if not largo:
            return f"{nombre + ': ' if nombre else ''}{rango_fechas(inicio, fin)}"
        return f"{nombre}: {rango_largo(inicio, fin)}" if nombre else mayuscula(rango_largo(inicio, fin))

    if accion.periodos:
        return "; ".join(rango(p.inicio, p.fin, p.nombre) for p in accion.periodos if p.inicio and p.fin)
    return rango(accion.inicio, accion.fin) if accion.inicio or accion.fin else "—"


def _cuando(ruta: Ruta, s, hoy: date, solo_hecha: bool = False) -> str | None:
    """Las fechas vigentes de una acción reprogramada, en una frase que dice solo lo cierto a la
    fecha de corte: «se hizo del 9 al 27 de febrero de 2026» si está realizada y ya empezó
    («se terminó el 10 feb 2026, antes de lo programado (…)» si su fin aún no llega);
    si no (cancelada, sin terminar o todavía por venir), que estaba o está programada: «estaba
    programada del 9 al 27 de febrero de 2026» si ese tiempo ya pasó o se canceló, «está
    programada…» si aún no termina. Con ``solo_hecha``, ``None`` si no se hizo (el ``se_hizo``
    de las plantillas propias)."""
    tramos = vistas.tramos_vigentes(ruta, s.accion, hoy)
    if not tramos:
        return None
    rango = " y ".join(rango_largo(i, f) for i, f, _ in tramos)
    inicio, fin = min(i for i, _, _ in tramos), max(f for _, f, _ in tramos)
    hecha = s.estado == "realizada" and inicio <= hoy
    # El día en que quedó realizada (no el de un registro posterior que solo agrega evidencias).
    el_dia = s.realizada_el or s.ultimo_registro
    if solo_hecha:
        return rango if hecha and fin <= hoy and not (el_dia and el_dia < fin) else None
    if hecha and (fin > hoy or (el_dia is not None and el_dia < fin)):
        # Terminada antes de su fin programado: «se hizo del 9 al 27 de febrero» diría lo que aún
        # no pasaba ese día (o no pasa a la fecha de corte).
        cuando = f" el {fecha_corta(el_dia)}" if el_dia else ""
        return f"se terminó{cuando}, antes de lo programado ({rango})"
    if hecha:
        return f"se hizo {rango}"
    if s.estado == "cancelada" or fin < hoy:
        return f"estaba programada {rango}"
    return f"está programada {rango}"


def accion(ruta: Ruta, s, voz: Voz, marco: dict, hoy: date) -> dict:
    """Una acción con su situación (``vistas.SituacionAccion``) a la fecha de corte."""
    a = s.accion
    fuentes = {f.id: f for f in ruta.fuentes if f.id}
    fuente = fuentes.get(a.fuente)
    return {
        "id": a.id,
        "actividad": voz.texto(a.actividad),
        "metas": [m for m in a.metas or [] if m],
        "metas_etiqueta": "Meta" if len([m for m in a.metas or [] if m]) == 1 else "Metas",
        "ambito": marco["ambitos"].get(a.ambito or "", a.ambito),
        "responsables": [voz.responsable(r) for r in a.responsables or [] if r],
        "responsable_seguimiento": voz.responsable(a.responsable_seguimiento)
        if a.responsable_seguimiento else None,
        "participantes": voz.textos(a.participantes),
        "recursos": voz.textos(a.recursos),
        "costo": _costo_texto(a)[0],
        "costo_dado": a.costo is not None,
        "costo_detalle": _costo_texto(a)[1],
        "costo_total": pesos(s.costo) if s.costo is not None else "—",
        "tiene_costo": bool(s.costo),
        "fuente": a.fuente,
        "fuente_nombre": voz.texto(fuente.nombre) if fuente is not None else None,
        "tiempo": _tiempo(a, voz, largo=voz.publica),
        "tiempo_vigente": "; ".join(rango_fechas(i, f) for i, f, _ in vistas.tramos_vigentes(ruta, a, hoy))
        if s.reprogramada else _tiempo(a, voz),
        # Las fechas reprogramadas en una frase que no afirma de más (ver ``_cuando``).
        "cuando": _cuando(ruta, s, hoy) if s.reprogramada else None,
        "se_hizo": _cuando(ruta, s, hoy, solo_hecha=True) if s.reprogramada else None,
        "reprogramada": s.reprogramada,
        "estado": s.estado,
        # Una acción sin terminar con su fecha de fin ya pasada lo dice: «En curso» a secas, al
        # cerrar el ciclo, diría más de lo que pasó.
        "nombre_estado": mayuscula(s.nombre_estado) + (
            f", vencida (terminaba el {fecha_corta(s.fin)})" if s.vencida and s.fin else ""),
        "avance": f"{s.avance} %" if s.avance is not None else (
            f"sin registrar desde que se reabrió el {fecha_corta(s.reabierta_el)}"
            if s.reabierta_el and not s.cerrada else "—"),
        "gasto": pesos(s.gasto),
        "tiene_gasto": bool(s.gasto),
        "comprobantes": voz.textos(s.comprobantes),
        "conclusion": voz.texto(s.conclusion),
        "vencida": s.vencida,
        "favorables": voz.texto(a.favorables),
        "obstaculos": voz.texto(a.obstaculos),
        "atenuacion": voz.texto(a.atenuacion),
        "evidencia_esperada": voz.texto(a.evidencia_esperada),
        # Lo que el seguimiento registró como evidencia hasta la fecha de corte, sin repetir.
        "evidencias": list(dict.fromkeys(
            t for e, r in registros(ruta, a.id) if fecha_de_entrada(e) <= hoy
            for t in voz.textos(r.evidencias))),
    }


def acciones_resumen(situaciones) -> dict:
    cuenta: dict = {}
    for s in situaciones:
        cuenta[s.estado] = cuenta.get(s.estado, 0) + 1
    orden = ("realizada", "en_curso", "pendiente", "reprogramada", "cancelada", None)
    plurales = {"realizada": ("realizada", "realizadas"), "en_curso": ("en curso", "en curso"),
                "pendiente": ("pendiente", "pendientes"),
                "reprogramada": ("reprogramada", "reprogramadas"),
                "cancelada": ("cancelada", "canceladas"), None: ("sin registro", "sin registro")}
    partes = [f"{cuenta[k]} {plurales[k][0] if cuenta[k] == 1 else plurales[k][1]}"
              for k in orden if cuenta.get(k)]
    total = len(situaciones)
    vencidas = sum(1 for s in situaciones if s.vencida)
    return {"total": total, "realizadas": cuenta.get("realizada", 0),
            "canceladas": cuenta.get("cancelada", 0), "vencidas": vencidas,
            "texto": f"{plural(total, 'acción', 'acciones')}: " + ", ".join(partes)
            + (f"; {plural(vencidas, 'vencida', 'vencidas')} sin terminar" if vencidas else "")
            if total else "Sin acciones"}
