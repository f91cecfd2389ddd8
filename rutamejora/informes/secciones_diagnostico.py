"""La sección del diagnóstico: resultados por campo, alumnos en riesgo, necesidades, ámbitos.

Posee ``diagnostico``. Para la comunidad, los alumnos en riesgo van solo en cantidades: sin
códigos ni grado (con cantidades pequeñas, el grado identifica).
"""

from __future__ import annotations

from rutamejora.formato.modelo import Ruta
from rutamejora.informes.formas import con_unidad
from rutamejora.informes.voz import Voz
from rutamejora.vistas import fecha_larga

_NOMBRES_RIESGO = {
    "no_alcanzar_aprendizajes": "En riesgo de no alcanzar los aprendizajes",
    "no_ser_promovido": "En riesgo de no ser promovidos",
    "abandono": "En riesgo de abandonar la escuela",
    "lengua_indigena": "Hablantes de una lengua indígena",
    "migrante": "Alumnos migrantes",
    "necesidades_educativas_especiales": "Con necesidades educativas especiales",
    "ausentismo": "Con ausentismo recurrente",
}


def diagnostico(ruta: Ruta, voz: Voz, marco: dict) -> dict:
    d = ruta.diagnostico
    if d is None:
        return {"fecha": None, "fuentes": [], "campos": [], "fortalezas": [], "practicas": None,
                "convivencia": None, "infraestructura": [], "necesidades": [], "riesgo": [],
                "indicadores": [], "contexto": None, "ambitos": []}
    campos = []
    for a in d.aprendizajes or []:
        campos.append({
            "campo": a.campo or "—",
            "necesidades": voz.texto(a.necesidades),
            "fortalezas": voz.texto(a.fortalezas),
            "resultados": [{"indicador": voz.texto(r.indicador), "valor": con_unidad(r.valor, r.unidad),
                            "grado": voz.texto(r.grado), "fuente": voz.texto(r.fuente)}
                           for r in a.resultados or []],
        })
    riesgo = []
    for r in d.alumnos_en_riesgo or []:
        cantidad = r.cantidad if r.cantidad is not None else (len(r.codigos) if r.codigos else None)
        riesgo.append({
            "tipo": r.tipo,
            "nombre": _NOMBRES_RIESGO.get(r.tipo or "", r.tipo or "—"),
            "cantidad": str(cantidad) if cantidad is not None else "—",
            # Para la comunidad, ni códigos ni grado: con cantidades pequeñas el grado identifica.
            "grado": None if voz.publica else r.grado,
            "codigos": [] if voz.publica else [voz.codigo(c) for c in r.codigos or []],
            "apoyo": voz.texto(r.apoyo),
        })
    return {
        "fecha": fecha_larga(d.fecha) if d.fecha else None,
        "fuentes": voz.textos(d.fuentes),
        "campos": campos,
        "fortalezas": voz.textos(d.fortalezas),
        "practicas": voz.texto(d.practicas),
        "convivencia": voz.texto(d.convivencia),
        "infraestructura": voz.textos(d.infraestructura),
        "necesidades": [{"id": n.id, "descripcion": voz.texto(n.descripcion),
                         "evidencia": voz.texto(n.evidencia)} for n in d.necesidades or [] if n.id],
        "riesgo": riesgo,
        "indicadores": [{"nombre": voz.texto(i.nombre), "valor": con_unidad(i.valor, i.unidad)}
                        for i in d.indicadores or []],
        "contexto": voz.texto(d.contexto),
        "ambitos": [{"clave": a.ambito, "nombre": marco["ambitos"].get(a.ambito or "", a.ambito or "—"),
                     "situacion": voz.texto(a.situacion), "fortalezas": voz.texto(a.fortalezas),
                     "necesidades": voz.texto(a.necesidades)} for a in d.ambitos or []],
    }
