"""La sección de las gráficas: qué se dibuja de las metas, del dinero y del calendario, con su
texto alternativo.

Posee ``graficas_del_informe`` (la clave ``graficas`` del contexto). Arma las barras y las
filas con los números de ``vistas`` y las descripciones en palabras; el dibujo (SVG y texto) es
de ``graficas``.
"""

from __future__ import annotations

from datetime import date

from rutamejora.formato.modelo import Ruta, periodos
from rutamejora.informes import graficas
from rutamejora.informes.formas import plural, rango_fechas
from rutamejora import vistas
from rutamejora.vistas import fecha_larga, pesos


def graficas_del_informe(ruta: Ruta, hoy: date, avances, situaciones, metas: list, voz) -> dict:
    """``metas``, ``dinero``, ``calendario_plan`` (lo planeado) y ``calendario`` (lo vigente y
    su estado): cada una con ``svg``, ``texto``, ``descripcion`` y ``hay``. Los nombres de
    las fuentes pasan por la ``voz`` del informe, como en la sección del dinero."""
    resultado = {"metas": _grafica_metas(hoy, avances, metas)}
    resultado["dinero"] = _grafica_dinero(ruta, hoy, voz)
    resultado["calendario_plan"], resultado["calendario"] = _graficas_calendario(ruta, hoy,
                                                                                  situaciones)
    return resultado


def _grafica_metas(hoy: date, avances, metas: list) -> dict:
    # Lograda solo por un cambio hecho después de su fecha límite: la gráfica lo dice como la tabla.
    barras = [graficas.BarraMeta(m["id"], a.recorrido, a.estado, "lograda, con un cambio hecho después "
                                 "de su fecha límite" if m["solo_por_cambio"] else m["nombre_estado"],
                                 m["resumen"])
              for a, m in zip(avances, metas)]
    logradas = sum(1 for a in avances if a.estado == "lograda")
    desc_metas = (f"Avance de {plural(len(avances), 'meta', 'metas')} de su línea base a su valor "
                  f"meta al {fecha_larga(hoy)}: {plural(logradas, 'lograda', 'logradas')}. "
                  + "; ".join(f"{b.id}: {b.resumen}, {b.nombre_estado}" for b in barras) + ".")
    return {"svg": graficas.metas_svg(barras, "Avance de cada meta", desc_metas),
            "texto": graficas.metas_texto(barras), "descripcion": desc_metas,
            "hay": bool(barras)}


def _grafica_dinero(ruta: Ruta, hoy: date, voz) -> dict:
    *fuentes, total = vistas.dinero(ruta, hoy)
    barras_dinero = [graficas.BarraDinero(
        l.fuente.id if l.fuente is not None else "Sin fuente", voz.dato(l.nombre), l.previsto, l.recibido, l.ejercido,
        {"previsto": pesos(l.previsto), "recibido": pesos(l.recibido), "ejercido": pesos(l.ejercido)})
        for l in fuentes]
    desc_dinero = ("Por fuente: presupuesto, dinero recibido y dinero ejercido. "
                   + "; ".join(f"{b.etiqueta} ({b.nombre}): presupuesto {b.textos['previsto']}, "
                               f"recibido {b.textos['recibido']}, ejercido {b.textos['ejercido']}"
                               for b in barras_dinero)
                   + f". Total: presupuesto {pesos(total.previsto)}, recibido {pesos(total.recibido)}, "
                     f"ejercido {pesos(total.ejercido)}.")
    return {"svg": graficas.dinero_svg(barras_dinero, "Presupuesto y gasto por fuente", desc_dinero),
            "texto": graficas.dinero_texto(barras_dinero), "descripcion": desc_dinero,
            "hay": bool(barras_dinero)}


def _graficas_calendario(ruta: Ruta, hoy: date, situaciones) -> tuple[dict, dict]:
    """``(calendario_plan, calendario)``: las acciones como se planearon y como van."""
    cal = ruta.calendario
    filas_plan, filas_vigentes = [], []
    for s in situaciones:
        plan = periodos(s.accion)
        vigentes = [(i, f) for i, f, _ in vistas.tramos_vigentes(ruta, s.accion, hoy)]
        filas_plan.append(graficas.FilaCalendario(s.accion.id, plan, "planeada", "planeada"))
        filas_vigentes.append(graficas.FilaCalendario(s.accion.id, vigentes, s.estado,
                                                      s.nombre_estado))
    if cal is None or not (filas_plan or filas_vigentes):
        vacio = {"svg": "", "texto": "", "descripcion": "", "hay": False}
        return vacio, vacio
    # Una Ruta de varios ciclos (pemc-2019) se dibuja en todo su horizonte, con las
    # sesiones y los recesos de cada ciclo.
    calendarios = [cal]
    if len(ruta.ciclos) > 1 and ruta.horizonte is not None:
        calendarios = [ruta.calendarios[c] for c in ruta.ciclos]
    inicio, fin = min(c.inicio for c in calendarios), max(c.fin for c in calendarios)
    sesiones = [d for c in calendarios for d in c.sesiones]
    etiquetas = [f"S{n}" for c in calendarios for n in range(1, len(c.sesiones) + 1)]
    recesos = [(i, f) for c in calendarios for _, i, f in c.recesos]
    rango = f"del {fecha_larga(inicio)} al {fecha_larga(fin)}"
    if len(calendarios) > 1:
        periodo = f"los ciclos {ruta.ciclos[0]} a {ruta.ciclos[-1]}"
        cuales = f"S1 a S{max(len(c.sesiones) for c in calendarios)} de cada ciclo"
    else:
        periodo, cuales = "el ciclo", f"S1 a S{len(sesiones)}"
    desc_plan = (f"Calendario de {_las_acciones(len(filas_plan))} en {periodo}, {rango}, con las "
                 f"sesiones del CTE ({cuales}) y los recesos. "
                 + "; ".join(f"{f.id}: {_rango_tramos(f.tramos)}" for f in filas_plan) + ".")
    desc_vig = (f"Calendario de {_las_acciones(len(filas_vigentes))} en {periodo}, {rango}, con su "
                f"estado al {fecha_larga(hoy)}. "
                + "; ".join(f"{f.id}: {_rango_tramos(f.tramos)}, {f.nombre_estado}"
                            for f in filas_vigentes) + ".")
    planeado = {
        "svg": graficas.calendario_svg(filas_plan, inicio, fin, sesiones, recesos,
                                       "Calendario de las acciones", desc_plan, etiquetas),
        "texto": graficas.calendario_texto(filas_plan, inicio, fin), "descripcion": desc_plan,
        "hay": True}
    vigente = {
        "svg": graficas.calendario_svg(filas_vigentes, inicio, fin, sesiones, recesos,
                                       f"Las acciones en {periodo} y su estado", desc_vig,
                                       etiquetas),
        "texto": graficas.calendario_texto(filas_vigentes, inicio, fin), "descripcion": desc_vig,
        "hay": True}
    return planeado, vigente


def _rango_tramos(tramos) -> str:
    return " y ".join(rango_fechas(i, f) for i, f in tramos) or "sin fechas"


def _las_acciones(n: int) -> str:
    """«las 19 acciones», «la acción» (una sola: «las 1 acciones» no se dice)."""
    return "la acción" if n == 1 else f"las {n} acciones"
