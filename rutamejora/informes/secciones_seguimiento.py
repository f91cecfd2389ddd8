"""La sección del seguimiento de una sesión del CTE: qué se registró desde la sesión anterior y
qué queda pendiente hasta la siguiente.

Posee ``fecha_de_sesion`` (la fecha de la sesión que pide ``--sesion``) y ``seguimiento``.
"""

from __future__ import annotations

from datetime import date

from rutamejora.formato.modelo import Ruta
from rutamejora.informes.errores import ErrorDeUso
from rutamejora.informes.formas import mayuscula, rango_fechas
from rutamejora.informes.voz import Voz
from rutamejora.reglas import es_comprobante
from rutamejora import vistas
from rutamejora.vistas import fecha_corta, fecha_larga, pesos

def fecha_de_sesion(ruta: Ruta, numero_sesion: int) -> date:
    """La fecha de la sesión ordinaria ``numero_sesion``: la de su entrada en la bitácora (el
    día en que de verdad se hizo) o, si aún no la tiene, la del calendario."""
    for e in ruta.entradas:
        if e.sesion == numero_sesion and e.fecha is not None:
            return e.fecha
    calendario = vistas.sesiones(ruta)
    for n, dia in calendario:
        if n == numero_sesion:
            return dia
    if not calendario:
        raise ErrorDeUso(f"la Ruta no tiene fechas de sesiones del CTE, así que no hay sesión "
                         f"{numero_sesion}. Usa --fecha AAAA-MM-DD.")
    raise ErrorDeUso(f"no hay sesión {numero_sesion}: el calendario del ciclo tiene "
                     f"{len(calendario)} sesiones ordinarias (de la 1 a la {len(calendario)}).")


def seguimiento(ruta: Ruta, hoy: date, sesion: int | None, voz: Voz,
                acciones_por_id: dict, problemas=()) -> dict:
    """Lo registrado en la bitácora desde la sesión anterior hasta la fecha de corte (desde el
    inicio del ciclo si no hay anterior) y lo pendiente (con los errores y avisos de ``ruta
    validar``, ``problemas``, como en ``ruta pendientes``)."""
    todas = vistas.sesiones(ruta)
    esta = _sesion_del_informe(ruta, todas, hoy, sesion)
    anteriores = [(n, d) for n, d in todas if d < hoy and (esta is None or n < esta[0])]
    anterior = anteriores[-1] if anteriores else None
    siguiente = vistas.sesion_siguiente(ruta, hoy)
    inicio_ciclo = ruta.calendario.inicio if ruta.calendario is not None else None

    def en_periodo(e) -> bool:
        if e.fecha is None or e.fecha > hoy:
            return False
        if anterior is not None:
            return e.fecha > anterior[1]
        return inicio_ciclo is None or e.fecha >= inicio_ciclo

    entradas = sorted((e for e in ruta.entradas if en_periodo(e)), key=lambda e: e.fecha)
    return {
        "numero": esta[0] if esta else None,
        "fecha_sesion": fecha_larga(esta[1]) if esta else None,
        "anterior": {"numero": anterior[0], "fecha": fecha_larga(anterior[1])} if anterior else None,
        "siguiente": {"numero": siguiente[0], "fecha": fecha_larga(siguiente[1])} if siguiente else None,
        "desde": fecha_larga(anterior[1]) if anterior else (fecha_larga(inicio_ciclo) if inicio_ciclo else None),
        "hasta": fecha_larga(hoy),
        "entradas": len(entradas),
        # hechos, acuerdos, ajustes, ingresos y metas_medidas, en ese orden.
        **_lo_registrado(entradas, voz, acciones_por_id),
        "pendientes": _pendientes(ruta, hoy, esta, voz, problemas),
    }


def _sesion_del_informe(ruta: Ruta, todas: list, hoy: date, sesion: int | None):
    """``(número, fecha)`` de la sesión del informe: la pedida, la del día de corte o la que una
    entrada de ese día dice; ``None`` si no hay ninguna."""
    esta = next(((n, d) for n, d in todas if n == sesion), None) if sesion else None
    if esta is None:
        esta = next(((n, d) for n, d in todas if d == hoy), None)
    if esta is None:
        numero_entrada = next((e.sesion for e in ruta.entradas if e.fecha == hoy and e.sesion), None)
        if numero_entrada:
            esta = (numero_entrada, hoy)
    return esta


def _lo_registrado(entradas: list, voz: Voz, acciones_por_id: dict) -> dict:
    """Lo que dicen las entradas del periodo: acciones, acuerdos, ajustes, ingresos y metas medidas."""
    hechos, acuerdos, ajustes, ingresos, mediciones = [], [], [], [], []
    for e in entradas:
        for r in e.acciones or []:
            a = acciones_por_id.get(r.accion)
            hechos.append({
                # Un id que no es de ninguna acción es texto de alguien: pasa por la voz.
                "fecha": fecha_corta(e.fecha), "accion": r.accion if a else voz.texto(r.accion),
                "actividad": a["actividad"] if a else None,
                "estado": mayuscula(vistas.NOMBRES_ESTADO_ACCION.get(r.estado, r.estado or "—")),
                "avance": f"{r.avance} %" if r.avance is not None else "—",
                "evidencias": voz.textos(r.evidencias),
                "gasto": pesos(r.gasto) if r.gasto is not None else None,
                # Lo que dice que falta («pendiente») no se muestra como comprobante.
                "comprobante": voz.texto(r.comprobante) if es_comprobante(r.comprobante, r.gasto) else None,
                "sin_comprobante": bool(r.gasto) and not es_comprobante(r.comprobante, r.gasto),
                "conclusion": voz.texto(r.conclusion),
                "nota": voz.texto(r.nota),
                "reprogramada": rango_fechas(r.nuevo_inicio, r.nuevo_fin)
                if r.nuevo_inicio or r.nuevo_fin else None,
            })
        acuerdos += [{"fecha": fecha_corta(e.fecha), "texto": t} for t in voz.textos(e.acuerdos)]
        for aj in e.ajustes or []:
            ajustes.append({"fecha": fecha_corta(e.fecha), "descripcion": voz.texto(aj.descripcion)})
        for i in e.ingresos or []:
            ingresos.append({"fecha": fecha_corta(e.fecha), "fuente": i.fuente,
                             "concepto": voz.texto(i.concepto), "monto": pesos(i.monto)})
        for m in e.mediciones or []:
            mediciones.append({"fecha": fecha_corta(e.fecha), "meta": m.meta})
    return {
        "hechos": hechos,
        "acuerdos": acuerdos,
        "ajustes": ajustes,
        "ingresos": ingresos,
        "metas_medidas": sorted({m["meta"] for m in mediciones if m["meta"]},
                                key=lambda x: (len(x), x)),
    }


def _pendientes(ruta: Ruta, hoy: date, esta, voz: Voz, problemas=()) -> dict:
    """Lo pendiente, con la misma regla que ``ruta pendientes`` (``vistas.pendientes``): hasta la
    sesión siguiente a la del informe (o hasta la próxima sesión, o el fin de clases)."""
    siguiente = esta[0] + 1 if esta is not None else None
    if siguiente is not None and siguiente > len(vistas.sesiones(ruta)):
        siguiente = None
    try:
        p = vistas.pendientes(ruta, hoy, hasta_sesion=siguiente, problemas=problemas, informe=True)
    except vistas.SesionInvalida:
        p = vistas.pendientes(ruta, hoy, problemas=problemas, informe=True)
    hasta = f"la sesión {p.hasta_sesion[0]}" if p.hasta_sesion is not None \
        else f"el {fecha_corta(p.hasta)}"
    anterior = f"la sesión {p.anterior[0]} ({fecha_corta(p.anterior[1])})" if p.anterior else ""
    grupos = []
    for tipo, lista in p.grupos():
        grupos.append({
            "tipo": tipo,
            # Sin las comillas invertidas de la terminal («`ruta validar`»): en un informe se verían.
            "titulo": vistas.TIPOS_PENDIENTE[tipo][1].format(hasta=hasta, anterior=anterior)
            .replace("`", ""),
            "elementos": [{"id": _clave(x, voz), "texto": voz.texto(x.texto), "detalle": x.detalle,
                           "estado": x.estado, "fecha": fecha_corta(x.fecha) if x.fecha else None}
                          for x in lista],
        })
    return {"hasta": fecha_larga(p.hasta),
            "hasta_sesion": {"numero": p.hasta_sesion[0], "fecha": fecha_larga(p.hasta_sesion[1])}
            if p.hasta_sesion is not None else None,
            "grupos": grupos}


def _clave(pendiente, voz: Voz) -> str:
    """La clave de un pendiente: el id de su acción o meta; el de un problema de ``ruta
    validar`` es el código de su regla, que a las familias no les dice nada («Error», «Aviso»)."""
    if voz.publica and pendiente.tipo in ("error", "aviso"):
        return "Error" if pendiente.tipo == "error" else "Aviso"
    return pendiente.id
