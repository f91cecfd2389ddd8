"""La forma JSON de ``resumen``, ``avance``, ``pendientes`` y ``calendario`` (``--formato json``).

Cada vista es un objeto con ``version`` (la de esta forma, documentada en ``docs/vistas.md``),
``vista`` y la cabecera común (escuela, ciclo, marco, fecha). Solo traduce lo que calcula
``vistas``. Las cantidades en pesos van como texto con dos decimales («55000.00»), para no
perder centavos en un ``float``; los valores de los indicadores y las fracciones, como números.
"""

from __future__ import annotations

import json
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from rutamejora import __version__
from rutamejora.privacidad import JSON, carpeta_sin_datos
from rutamejora.vistas.estados import NOMBRES_ESTADO_ACCION, NOMBRES_ESTADO_META, TOLERANCIA, avance_de_metas
from rutamejora.vistas.vista_resumen import resumen as resumen_de

VERSION = 1


def volcar(datos: dict) -> str:
    return json.dumps(datos, ensure_ascii=False, indent=2)


def _fecha(dia: date | None) -> str | None:
    return dia.isoformat() if dia else None


def _pesos(cantidad: Decimal | None) -> str | None:
    if cantidad is None:
        return None
    return str(cantidad.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _numero(valor: Decimal | None):
    """Un valor de indicador: entero si lo es, si no con sus decimales."""
    if valor is None:
        return None
    if valor == valor.to_integral_value():
        return int(valor)
    return float(valor)


def _fraccion(parte: Decimal | None):
    """0.357142… → 0.3571 (cuatro decimales bastan para una barra o un porcentaje)."""
    if parte is None:
        return None
    return float(parte.quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP))


def _sesion(n_d) -> dict | None:
    return {"numero": n_d[0], "fecha": n_d[1].isoformat()} if n_d else None


def cabecera(ruta, hoy: date, vista: str) -> dict:
    escuela = ruta.escuela
    return {
        "version": VERSION,
        "vista": vista,
        "herramienta": f"ruta {__version__}",
        "fecha": hoy.isoformat(),
        "carpeta": carpeta_sin_datos(ruta.carpeta, JSON),
        "escuela": None if escuela is None else {
            "nombre": escuela.nombre, "cct": escuela.cct, "nivel": escuela.nivel,
            "turno": escuela.turno, "municipio": escuela.municipio, "entidad": escuela.entidad},
        "ciclo": ruta.ciclo,
        "marco": ruta.marco.clave if ruta.marco is not None else None,
    }


# --- resumen ----------------------------------------------------------------------------------


def _accion(s) -> dict:
    a = s.accion
    return {"id": a.id, "actividad": a.actividad, "metas": list(a.metas or []), "estado": s.estado,
            "avance": s.avance, "inicio": _fecha(s.inicio), "fin": _fecha(s.fin),
            "reprogramada": s.reprogramada, "vencida": s.vencida, "costo": _pesos(s.costo),
            "gasto": _pesos(s.gasto), "fuente": a.fuente, "ultimo_registro": _fecha(s.ultimo_registro)}


def _linea_dinero(l) -> dict:
    return {"id": l.fuente.id if l.fuente is not None else None, "nombre": l.nombre,
            "previsto": _pesos(l.previsto), "recibido": _pesos(l.recibido),
            "planeado": _pesos(l.planeado), "ejercido": _pesos(l.ejercido), "saldo": _pesos(l.saldo)}


def resumen(ruta, hoy: date) -> dict:
    res = resumen_de(ruta, hoy)
    por_meta: dict[str, list] = {}
    for s in res.situaciones:
        for m in s.accion.metas or []:
            por_meta.setdefault(m, []).append(s.accion.id)
    nombres = {}
    if ruta.marco is not None:
        nombres = {v.get("clave"): v.get("nombre") for v in ruta.marco.valores("agrupacion")}
    metas_estado = res.metas_por_estado()
    acciones_estado = res.acciones_por_estado()
    *fuentes, total = res.dinero
    datos = cabecera(ruta, hoy, "resumen")
    datos.update({
        "clases_terminaron": _fecha(res.termino),
        "conteos": {
            "prioridades": len(ruta.prioridades), "objetivos": len(ruta.objetivos),
            "metas": len(res.avances), "acciones": len(res.situaciones),
            "metas_por_estado": {e: metas_estado.get(e, 0) for e in NOMBRES_ESTADO_META},
            "acciones_por_estado": {e or "sin_registro": acciones_estado.get(e or "sin_registro", 0)
                                    for e in NOMBRES_ESTADO_ACCION},
        },
        "prioridades": [{
            "id": p.id, "prioridad": p.prioridad, "nombre": nombres.get(p.prioridad),
            "descripcion": p.descripcion,
            "objetivos": [{
                "id": o.id, "que": o.que, "para_que": o.para_que,
                "metas": [{"id": av.meta.id, "descripcion": av.meta.descripcion, "estado": av.estado,
                           "acciones": por_meta.get(av.meta.id, [])} for av, _ in metas],
            } for o, metas in objetivos],
        } for p, objetivos in res.prioridades],
        "acciones": [_accion(s) for s in res.situaciones],
        "dinero": {
            "fuentes": [_linea_dinero(l) for l in fuentes if l.fuente is not None],
            "sin_fuente": next((_linea_dinero(l) for l in fuentes if l.fuente is None), None),
            "total": _linea_dinero(total),
        },
    })
    return datos


# --- avance -----------------------------------------------------------------------------------


def avance(ruta, hoy: date) -> dict:
    avances = avance_de_metas(ruta, hoy)
    cuenta = {e: 0 for e in NOMBRES_ESTADO_META}
    for av in avances:
        cuenta[av.estado] += 1
    datos = cabecera(ruta, hoy, "avance")
    datos.update({
        "tolerancia": float(TOLERANCIA),
        "conteo": cuenta,
        "metas": [{
            "id": av.meta.id, "objetivo": av.meta.objetivo, "descripcion": av.meta.descripcion,
            "indicador": None if av.meta.indicador is None else {
                "nombre": av.meta.indicador.nombre, "unidad": av.meta.indicador.unidad},
            "sentido": av.meta.sentido,
            "linea_base": _numero(av.linea_base),
            "valor_meta": _numero(av.valor_meta),
            "fecha_limite": _fecha(av.meta.fecha_limite),
            "ultimo": None if av.ultimo is None else {"valor": _numero(av.ultimo),
                                                      "fecha": _fecha(av.fecha_ultimo)},
            "recorrido": _fraccion(av.recorrido),
            "tiempo": _fraccion(av.tiempo),
            "estado": av.estado,
            "final": av.final,
            "sin_medicion": av.sin_medicion,
            "mediciones": [{"fecha": _fecha(f), "valor": _numero(v), "fuente": fuente}
                           for f, v, fuente in av.mediciones],
        } for av in avances],
    })
    return datos


# --- pendientes -------------------------------------------------------------------------------


def pendientes(ruta, p) -> dict:
    datos = cabecera(ruta, p.hoy, "pendientes")
    datos.update({
        "sesion_anterior": _sesion(p.anterior),
        "proxima_sesion": _sesion(p.proxima),
        "hasta": _fecha(p.hasta),
        "hasta_sesion": _sesion(p.hasta_sesion),
        "clases_terminaron": _fecha(p.terminaron),
        "pendientes": [{
            "tipo": x.tipo, "urgencia": x.urgencia, "id": x.id, "texto": x.texto,
            "fecha": _fecha(x.fecha), "detalle": x.detalle, "estado": x.estado,
            "archivo": x.archivo or None, "linea": x.linea or None,
        } for x in p.pendientes],
    })
    return datos


# --- calendario -------------------------------------------------------------------------------


def calendario(ruta, meses, hoy: date) -> dict:
    cal = ruta.calendario
    datos = cabecera(ruta, hoy, "calendario")
    datos.update({
        "calendario": None if cal is None else {
            "inicio": _fecha(cal.inicio), "inicio_clases": _fecha(cal.inicio_clases),
            "fin": _fecha(cal.fin), "estimado": cal.estimado, "origen": cal.origen},
        "meses": [{
            "mes": m.clave, "nombre": m.nombre, "actual": m.actual,
            "eventos": [{"tipo": e.tipo, "fecha": _fecha(e.fecha), "fin": _fecha(e.fin),
                         "descripcion": e.descripcion, "sesion": e.sesion, "registrada": e.registrada}
                        for e in m.eventos],
            "recesos": [{"nombre": n, "inicio": _fecha(i), "fin": _fecha(f)} for n, i, f in m.recesos],
            "acciones": [{
                "id": a.situacion.accion.id, "actividad": a.situacion.accion.actividad,
                "estado": a.situacion.estado, "vencida": a.situacion.vencida,
                "inicia": a.inicia, "termina": a.termina,
                "tramos": [{"inicio": _fecha(i), "fin": _fecha(f), "nombre": n} for i, f, n in a.tramos],
            } for a in m.acciones],
        } for m in meses],
    })
    return datos


# --- bitacora agregar -------------------------------------------------------------------------------


def resultados_importados(nuevos: list[dict], hecho, conteo) -> dict:
    """Lo que ``ruta importar resultados --formato json`` informa: dónde quedaron los resultados
    y cuáles son (solo conteos y porcentajes: de la hoja no sale ningún dato de los alumnos)."""
    return {"version": VERSION, "vista": "importar_resultados", "herramienta": f"ruta {__version__}",
            "archivo": "diagnostico.yaml", "campo": hecho.campo, "campo_nuevo": hecho.nuevo_campo,
            "linea": hecho.linea, "fuente": conteo.fuente, "por": conteo.por,
            "resultados": [{**({"grado": r["grado"]} if "grado" in r else {}), "indicador": r["indicador"],
                            "valor": _numero(r["valor"]), "unidad": r["unidad"]} for r in nuevos],
            "sin_contar": {"sin_nivel": conteo.sin_nivel, "sin_grupo": conteo.sin_grupo}}


def rechazado(motivos: list[str]) -> dict:
    """Lo que ``ruta bitacora agregar --formato json`` informa cuando no escribe nada: los motivos
    (ya enmascarados), los mismos que la salida de texto manda a stderr."""
    return {"version": VERSION, "vista": "bitacora_agregar", "herramienta": f"ruta {__version__}",
            "archivo": "bitacora.yaml", "escrito": False, "motivos": list(motivos)}


def agregado(entrada: dict, cambio) -> dict:
    """Lo que ``ruta bitacora agregar --formato json`` informa: dónde quedó y qué se agregó."""
    datos = {k: v for k, v in entrada.items()}
    datos["fecha"] = _fecha(datos["fecha"])
    datos["acciones"] = [{k: (_fecha(v) if k in ("nuevo_inicio", "nuevo_fin") else
                              _pesos(v) if k == "gasto" else v) for k, v in r.items()}
                         for r in entrada.get("acciones", [])]
    datos["mediciones"] = [{k: (_numero(v) if k == "valor" else v) for k, v in m.items()}
                           for m in entrada.get("mediciones", [])]
    datos["ingresos"] = [{k: (_pesos(v) if k == "monto" else v) for k, v in i.items()}
                         for i in entrada.get("ingresos", [])]
    datos = {k: v for k, v in datos.items() if v != []}
    return {"version": VERSION, "vista": "bitacora_agregar", "herramienta": f"ruta {__version__}",
            "archivo": "bitacora.yaml", "escrito": True, "unida": cambio.unida, "linea": cambio.linea,
            "entrada": datos}
