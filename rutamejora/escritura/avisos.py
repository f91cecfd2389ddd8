"""Lo que ``ruta bitacora agregar`` avisa después de guardar: no impide guardar, pero ``ruta
validar`` lo dirá también."""

from __future__ import annotations


def avisos_despues(entrada, ruta) -> list[str]:
    """Avisos que no impiden guardar: una acción realizada antes de empezar (RM416) o que se
    vuelve a abrir tras realizarse o cancelarse (RM417), un gasto que pasa del costo planeado sin
    nota, o un gasto sin su comprobante (RM408): ``ruta validar`` los dirá también."""
    from rutamejora.formato.modelo import costo_total, gasto_total
    from rutamejora.reglas import antes_de_empezar, es_comprobante, reabierta_sin_decirlo
    from rutamejora.vistas import fecha_corta, pesos

    avisos = []
    acciones = ruta.por_id("accion")
    for r in entrada.acciones:
        accion = acciones.get(r.accion)
        inicio = antes_de_empezar(ruta, accion, entrada, r) if accion is not None else None
        if inicio is not None:
            avisos.append(f"la acción {r.accion} queda realizada el {fecha_corta(entrada.fecha)}, antes "
                          f"de empezar (inicia el {fecha_corta(inicio)}): ¿es otra acción? Si se "
                          "adelantó, dilo con --nota.")
        cerrada = reabierta_sin_decirlo(ruta, accion, entrada, r) if accion is not None else None
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

