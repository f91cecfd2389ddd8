"""La sección del dinero: por fuente (presupuesto, recibido, planeado, ejercido, saldo), los
ingresos registrados, el gasto de cada acción con sus comprobantes y cada sobregiro con lo que
explica la bitácora.

**Lo que el informe afirma del dinero** (lo documenta ``docs/informes.md``):

- Los comprobantes son **por gasto**: «todos los gastos tienen su comprobante» solo si cada
  gasto registrado tiene el suyo; si no, se dice cuáles faltan (acción, monto y fecha).
- Un saldo negativo nunca sale solo: junto a él dice qué es (se gastó de más, o es gasto sin
  fuente) y abajo, por fuente, cuánto se gastó de más y la ``nota`` con que la bitácora lo
  explica (la del gasto que rebasó lo disponible y las de los siguientes), o que no lo explica.

Posee ``dinero`` y ``faltan_comprobantes`` (la lista de gastos sin comprobante, que usa también
el contraste del balance del CTE en ``secciones_evaluacion``).
"""

from __future__ import annotations

from datetime import date

from rutamejora.formato.modelo import Ruta, registros
from rutamejora.informes.formas import fecha_de_entrada, lista_y, mayuscula, plural
from rutamejora.informes.voz import Voz
from rutamejora.reglas.compartido import fuente_del_gasto
from rutamejora import vistas
from rutamejora.vistas import clave_id, fecha_corta, pesos


def _linea(l, voz: Voz, total: bool = False) -> dict:
    """Una fuente (o «Sin fuente asignada», o el total) con lo que significa su saldo."""
    negativo = l.saldo < 0
    if not negativo:
        que_es = None
    elif total:
        que_es = "en total se gastó más de lo que se tenía"
    elif l.fuente is None:
        que_es = "gasto sin fuente asignada"
    else:
        que_es = "se gastó más de lo recibido" if l.con_ingresos else "se gastó más de lo presupuestado"
    return {"id": l.fuente.id if l.fuente is not None else None, "nombre": voz.texto(l.nombre),
            "previsto": pesos(l.previsto), "recibido": pesos(l.recibido),
            "planeado": pesos(l.planeado), "ejercido": pesos(l.ejercido),
            "saldo": pesos(l.saldo), "negativo": negativo, "que_es_el_saldo": que_es,
            "sin_ingresos": not l.recibido,
            "por_recibir": pesos(l.previsto - l.recibido) if l.previsto > l.recibido else None}


def _sobregiro(l, voz: Voz) -> dict | None:
    """Lo gastado de más con cargo a una fuente (o sin fuente) y lo que explica la bitácora."""
    if not l.sobregiro:
        return None
    if l.fuente is None:
        acciones = lista_y(sorted({g.accion for g in l.gastos}, key=clave_id))
        texto = (f"Se gastaron {pesos(l.ejercido)} en acciones que no dicen de qué fuente sale el "
                 f"dinero ({acciones}).")
        gastos = l.gastos
    else:
        if l.con_ingresos:
            tope = f"de lo recibido ({pesos(l.recibido)}"
            tope += f" de {pesos(l.previsto)} presupuestados)" if l.previsto else ")"
        else:
            tope = f"de lo presupuestado ({pesos(l.previsto)})"
        texto = f"Se gastaron {pesos(l.sobregiro)} más {tope}: lo ejercido suma {pesos(l.ejercido)}."
        gastos = l.gastos_del_sobregiro
    explicaciones = [{"fecha": fecha_corta(g.fecha) if g.fecha else None, "accion": g.accion,
                      "nota": voz.texto(g.nota)} for g in gastos if g.nota]
    return {"id": l.fuente.id if l.fuente is not None else None, "nombre": voz.texto(l.nombre),
            "texto": texto, "explicaciones": explicaciones}


def _gasto_de_accion(ruta: Ruta, s, voz: Voz, hoy: date) -> dict:
    a = s.accion
    diferencia = (s.gasto - s.costo) if s.costo is not None else None
    return {
        "accion": a.id, "actividad": voz.texto(a.actividad),
        "fuente": fuente_del_gasto(ruta, a) or a.fuente or "—",
        "planeado": pesos(s.costo) if s.costo is not None else "—",
        "ejercido": pesos(s.gasto),
        "excedido": bool(diferencia is not None and diferencia > 0 and s.gasto),
        "excedente": pesos(diferencia) if diferencia is not None and diferencia > 0 else None,
        "comprobantes": voz.textos(s.comprobantes),
        # Cada gasto lleva su comprobante: los que no lo tienen, con su monto y su fecha.
        "sin_comprobante": [_monto_y_fecha(g) for g in s.sin_comprobante],
        "estado": mayuscula(s.nombre_estado),
        "notas": [voz.texto(r.nota) for e, r in registros(ruta, a.id)
                  if r.nota and r.gasto is not None and fecha_de_entrada(e) <= hoy],
    }


def _monto_y_fecha(g) -> str:
    """«$150.00 (12 mar 2026)»: un gasto, como lo lista el informe."""
    return f"{pesos(g.monto)}" + (f" ({fecha_corta(g.fecha)})" if g.fecha else "")


def faltan_comprobantes(situaciones, cuales=None) -> list[str]:
    """«A2: $150.00 (12 mar 2026)» por cada gasto sin su comprobante de las acciones que lista
    el informe (las que tienen costo o gasto), o solo de los gastos para los que ``cuales(gasto)``
    es verdadero. Es la lista de ``dinero`` y la que el contraste del balance pone contra «todos
    los gastos tienen comprobante»: los dos deciden igual qué es un gasto sin comprobante."""
    return [f"{s.accion.id}: {_monto_y_fecha(g)}" for s in situaciones if s.costo or s.gasto
            for g in s.sin_comprobante if cuales is None or cuales(g)]


def dinero(ruta: Ruta, hoy: date, situaciones, voz: Voz) -> dict:
    lineas = vistas.dinero(ruta, hoy)
    ingresos = []
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                    key=lambda e: e.fecha):
        for i in e.ingresos or []:
            ingresos.append({"fecha": fecha_corta(e.fecha), "fuente": i.fuente,
                             "concepto": voz.texto(i.concepto), "monto": pesos(i.monto)})
    gastos = [_gasto_de_accion(ruta, s, voz, hoy) for s in situaciones if s.costo or s.gasto]
    *fuentes, total = lineas
    faltan = faltan_comprobantes(situaciones)
    hay_gastos = any(s.gastos for s in situaciones)
    fuera = _gastos_fuera(ruta, hoy, voz)
    return {"fuentes": [_linea(l, voz) for l in fuentes], "total": _linea(total, voz, total=True),
            "ingresos": ingresos, "gastos": gastos,
            "hay_dinero": bool(total.previsto or total.planeado or total.ejercido or total.recibido),
            # Sin ningún ingreso registrado, el saldo es sobre lo previsto y se dice así.
            "con_ingresos": total.con_ingresos,
            "saldo_titulo": "Saldo" if total.con_ingresos else "Saldo sobre lo previsto",
            "nota_saldo": ("El saldo es lo recibido menos lo ejercido; una fuente sin ingresos "
                           "registrados no ha recibido nada." if total.con_ingresos else
                           "Aún no se registra ningún ingreso: el saldo es lo previsto menos lo ejercido."),
            # Una fila de total bajo una sola fila la repetiría.
            "varios_ingresos": len(ingresos) > 1, "varios_gastos": len(gastos) > 1,
            "sobregiros": [x for x in (_sobregiro(l, voz) for l in fuentes) if x],
            "gastos_sin_comprobante": len(faltan),
            "faltan_comprobantes": faltan,
            "faltan_texto": " ".join(t for t in (
                (f"{mayuscula(plural(len(faltan), 'gasto', 'gastos'))} sin comprobante: "
                 + "; ".join(faltan) + ".") if faltan else None,
                (f"{mayuscula(plural(len(fuera), 'gasto registrado', 'gastos registrados'))} en "
                 f"acciones que la Ruta no tiene ({'; '.join(fuera)}): no están en estas cuentas.")
                if fuera else None) if t) or None,
            # Solo si se revisaron todos: un gasto de una acción que no existe (con
            # ``--con-errores``) queda fuera de las cuentas y de esta afirmación.
            "todos_con_comprobante": hay_gastos and not faltan and not fuera,
            # Un mismo comprobante en dos gastos sin una nota que diga que lo comparten (RM415):
            # quizá una compra copiada y contada dos veces; el informe lo dice junto a los
            # comprobantes.
            "repetidos_texto": _repetidos(ruta, hoy, voz),
            # Lo que la tabla de ingresos lista y «Total recibido» no cuenta, o cuenta dos veces.
            "ingresos_texto": _ingresos_aparte(ruta, hoy, voz)}


def _ingresos_aparte(ruta: Ruta, hoy: date, voz: Voz) -> str | None:
    """Los ingresos que no suman como se ven: uno sin fuente o de una fuente que el presupuesto
    no tiene (RM105, RM202; la tabla lo lista, pero no entra en lo recibido) y uno copiado el
    mismo día (RM418), o ``None``."""
    from rutamejora.reglas.dinero import ingresos_repetidos

    fuentes = {f.id for f in ruta.fuentes if f.id}
    entradas = [e for e in ruta.entradas if fecha_de_entrada(e) <= hoy]
    fuera = [f"{voz.dato(i.fuente) if i.fuente else 'sin fuente'}: {pesos(i.monto)}" for e in entradas
             for i in e.ingresos or [] if i.monto and i.fuente not in fuentes]
    uno = len(fuera) == 1
    frases = [f"{mayuscula(plural(len(fuera), 'ingreso registrado', 'ingresos registrados'))} sin "
              f"una fuente del presupuesto ({'; '.join(fuera)}): no {'está' if uno else 'están'} en "
              "estas cuentas."] if fuera else []
    for _, misma, copia, entrada in ingresos_repetidos(entradas):
        if copia.fuente not in fuentes:
            continue  # ya dicho: no está en estas cuentas
        concepto = f"{voz.texto(copia.concepto)}, " if copia.concepto else ""
        cuando = f"del {fecha_corta(entrada.fecha)}" if entrada.fecha else "de una entrada sin fecha"
        donde = "en la misma entrada" if misma else "en dos entradas del mismo día"
        frases.append(f"El ingreso de {voz.dato(copia.fuente)} {cuando} ({concepto}{pesos(copia.monto)}) "
                      f"está dos veces {donde} de la bitácora: si es el mismo, se contó dos veces.")
    return " ".join(frases) or None


def _repetidos(ruta: Ruta, hoy: date, voz: Voz) -> str | None:
    """«El comprobante APF-2026-0067 está en 2 gastos (A3: $65.00; A12: $65.00): si es la misma
    compra, se contó dos veces.», o ``None``."""
    from rutamejora.reglas.comprobantes import explica_el_repetido, repetidos

    frases = []
    for grupo in repetidos(e for e in ruta.entradas if fecha_de_entrada(e) <= hoy):
        # Se calla si la nota dice que el comprobante cubre varios gastos (RM415 tampoco avisa);
        # una nota cualquiera («Refrigerio y copias…») no basta: la trae también una entrada copiada.
        if all(explica_el_repetido(r, grupo) for _, r in grupo[1:]):
            continue
        cuales = "; ".join(f"{voz.texto(str(r.accion))}: {pesos(r.gasto)}" for _, r in grupo)
        frases.append(f"El comprobante {voz.texto(str(grupo[0][1].comprobante))} está en "
                      f"{len(grupo)} gastos ({cuales}): si es la misma compra, se contó "
                      f"{'dos veces' if len(grupo) == 2 else 'más de una vez'}.")
    return " ".join(frases) or None


def _gastos_fuera(ruta: Ruta, hoy: date, voz: Voz) -> list[str]:
    """Los gastos de la bitácora (hasta ``hoy``) en una acción que la Ruta no tiene («A99»: un
    error que RM202 ya dice): «A99: $2,500.00». No entran en ninguna cuenta del informe."""
    acciones = ruta.por_id("accion")
    return [f"{voz.texto(str(r.accion))}: {pesos(r.gasto)}"
            for e in ruta.entradas if fecha_de_entrada(e) <= hoy
            for r in e.acciones or [] if r.gasto and r.gasto > 0 and r.accion not in acciones]
