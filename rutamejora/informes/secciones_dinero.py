"""La sección del dinero: por fuente (presupuesto, recibido, planeado, ejercido, saldo), los
ingresos registrados y el gasto de cada acción con sus comprobantes.

Posee ``dinero``.
"""

from __future__ import annotations

from datetime import date

from rutamejora.formato.modelo import Ruta, registros
from rutamejora.informes.formas import fecha_de_entrada, mayuscula
from rutamejora.informes.voz import Voz
from rutamejora import vistas
from rutamejora.vistas import fecha_corta, pesos

def dinero(ruta: Ruta, hoy: date, situaciones, voz: Voz) -> dict:
    lineas = vistas.dinero(ruta, hoy)

    def linea(l) -> dict:
        return {"id": l.fuente.id if l.fuente is not None else None, "nombre": voz.texto(l.nombre),
                "previsto": pesos(l.previsto), "recibido": pesos(l.recibido),
                "planeado": pesos(l.planeado), "ejercido": pesos(l.ejercido),
                "saldo": pesos(l.saldo), "sin_ingresos": not l.recibido,
                "por_recibir": pesos(l.previsto - l.recibido) if l.previsto > l.recibido else None}

    ingresos = []
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                    key=lambda e: e.fecha):
        for i in e.ingresos or []:
            ingresos.append({"fecha": fecha_corta(e.fecha), "fuente": i.fuente,
                             "concepto": voz.texto(i.concepto), "monto": pesos(i.monto)})
    gastos = []
    for s in situaciones:
        if not s.costo and not s.gasto:
            continue
        a = s.accion
        diferencia = (s.gasto - s.costo) if s.costo is not None else None
        gastos.append({
            "accion": a.id, "actividad": voz.texto(a.actividad), "fuente": a.fuente or "—",
            "planeado": pesos(s.costo) if s.costo is not None else "—",
            "ejercido": pesos(s.gasto),
            "excedido": bool(diferencia is not None and diferencia > 0 and s.gasto),
            "excedente": pesos(diferencia) if diferencia is not None and diferencia > 0 else None,
            "comprobantes": voz.textos(s.comprobantes),
            "sin_comprobante": bool(s.gasto) and not s.comprobantes,
            "estado": mayuscula(s.nombre_estado),
            "notas": [voz.texto(r.nota) for e, r in registros(ruta, a.id)
                      if r.nota and r.gasto is not None and fecha_de_entrada(e) <= hoy],
        })
    *fuentes, total = lineas
    sin_comprobante = sum(1 for g in gastos if g["sin_comprobante"])
    return {"fuentes": [linea(l) for l in fuentes], "total": linea(total), "ingresos": ingresos,
            "gastos": gastos, "hay_dinero": bool(total.previsto or total.planeado or total.ejercido
                                                  or total.recibido),
            "gastos_sin_comprobante": sin_comprobante,
            "todos_con_comprobante": bool(gastos) and not sin_comprobante}
