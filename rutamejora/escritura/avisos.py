"""Lo que ``ruta bitacora agregar`` avisa después de guardar: no impide guardar, pero ``ruta
validar`` lo dirá también."""

from __future__ import annotations


def avisos_despues(entrada, ruta) -> list[str]:
    """Avisos que no impiden guardar: una acción realizada antes de empezar (RM416) o que se
    vuelve a abrir tras realizarse o cancelarse (RM417), un gasto que pasa del costo planeado sin
    nota, o un gasto sin su comprobante (RM408): ``ruta validar`` los dirá también."""
    from rutamejora.formato.modelo import costo_total, gasto_total
    from rutamejora.reglas import es_comprobante, inicio_vigente
    from rutamejora.vistas import fecha_corta, pesos

    avisos = []
    acciones = ruta.por_id("accion")
    for r in entrada.acciones:
        accion = acciones.get(r.accion)
        if accion is not None and r.estado == "realizada" and not r.nota:
            inicio = inicio_vigente(ruta, accion, entrada.fecha)
            if inicio is not None and entrada.fecha < inicio:
                avisos.append(f"la acción {r.accion} queda realizada el {fecha_corta(entrada.fecha)}, antes "
                              f"de empezar (inicia el {fecha_corta(inicio)}): ¿es otra acción? Si se "
                              "adelantó, dilo con --nota.")
        if accion is not None and r.estado in ("en_curso", "pendiente") and not r.nota:
            cerrada = _cerrada_antes(ruta, accion, entrada.fecha)
            if cerrada is not None:
                avisos.append(f"la acción {r.accion} estaba {cerrada[1]} desde el {fecha_corta(cerrada[0])} "
                              f"y este registro la deja {r.estado.replace('_', ' ')}: ¿es otra acción? "
                              "Si se retomó, dilo con --nota.")
        if accion is None or not r.gasto:
            continue
        planeado = costo_total(accion)
        total = gasto_total(ruta, accion) + r.gasto
        if planeado is not None and total > planeado and not r.nota:
            avisos.append(f"en la acción {r.accion} ya se gastaron {pesos(total)}, más de lo planeado "
                          f"({pesos(planeado)}); explica la diferencia con --nota.")
        if not es_comprobante(r.comprobante, r.gasto):
            avisos.append(f"el gasto de {pesos(r.gasto)} en la acción {r.accion} no tiene comprobante: "
                          "agrégalo con --comprobante (cada gasto lleva el suyo).")
    return avisos


def _cerrada_antes(ruta, accion, dia):
    """(fecha, estado) del último registro de la acción antes de ``dia`` si la dejó realizada o
    cancelada, o ``None``."""
    from rutamejora.formato.modelo import registros

    antes = [(e.fecha, r.estado) for e, r in registros(ruta, accion.id) if e.fecha is not None and e.fecha < dia]
    return antes[-1] if antes and antes[-1][1] in ("realizada", "cancelada") else None
