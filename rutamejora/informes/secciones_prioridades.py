"""La sección de las agrupaciones (prioridades, ámbitos o problemáticas, según el marco): cada
una con sus objetivos, metas, acciones y balances.

Posee ``agrupaciones`` (la clave ``prioridades`` del contexto).
"""

from __future__ import annotations

from datetime import date

from rutamejora.formato.modelo import Ruta
from rutamejora.informes.formas import lista_y, plural
from rutamejora.informes.marco import nombre_agrupacion
from rutamejora.informes.secciones_evaluacion import balances
from rutamejora.informes.voz import Voz

def agrupaciones(ruta: Ruta, voz: Voz, marco: dict, todas_las_metas: list, acciones: list,
                 avances, hoy: date) -> list:
    """Las agrupaciones (prioridades, ámbitos, problemáticas) en el orden de la escuela
    (``orden`` si el marco las jerarquiza), con sus objetivos, metas, acciones y balances."""
    necesidades = {n.id: n for n in ruta.necesidades if n.id}
    avance_de = {a.meta.id: a for a in avances}
    valorados = balances(ruta, hoy, voz, marco)
    en_orden = sorted(ruta.prioridades, key=lambda p: p.orden if isinstance(p.orden, int) else 10**6)
    # Índices armados una vez por informe: buscar en todos los objetivos, metas y acciones para
    # cada prioridad hacía cuadrático el informe de una Ruta grande.
    objetivos_de: dict = {}
    for o in ruta.objetivos:
        objetivos_de.setdefault(o.prioridad, []).append(o)
    metas_de: dict = {}
    for m in todas_las_metas:
        metas_de.setdefault(m["objetivo"], []).append(m)
    acciones_de: dict = {}          # id de meta → posiciones de las acciones que le sirven
    for i, a in enumerate(acciones):
        for m in a["metas"]:
            acciones_de.setdefault(m, []).append(i)
    resultado = []
    for numero_p, p in enumerate(en_orden, start=1):
        objetivos = []
        ids_metas: list = []
        for o in objetivos_de.get(p.id, []) if p.id else []:
            metas = list(metas_de.get(o.id, [])) if o.id else []
            ids_metas += [m["id"] for m in metas]
            objetivos.append({"id": o.id, "que": voz.texto(o.que), "para_que": voz.texto(o.para_que),
                              "metas": metas, **_verbo(voz.texto(o.que), marco)})
        # Las acciones de la prioridad: las que sirven a alguna de sus metas, en su orden.
        propias = [acciones[i] for i in sorted({i for m in ids_metas for i in acciones_de.get(m, [])})]
        resultado.append({
            "id": p.id, "numero": numero_p, "clave": p.prioridad,
            "orden": p.orden if isinstance(p.orden, int) else None,
            # Una agrupación libre (las problemáticas del PMC) no tiene nombre del catálogo.
            "nombre": nombre_agrupacion(marco, p.prioridad) if p.prioridad else None,
            "ambitos": [marco["ambitos"].get(a, a) for a in p.ambitos or [] if a],
            "descripcion": voz.texto(p.descripcion),
            "necesidades": [{"id": n, "descripcion": voz.texto(necesidades[n].descripcion)
                             if n in necesidades else None} for n in p.necesidades or [] if n],
            "objetivos": objetivos,
            "acciones": propias,
            "metas_texto": _metas_de_agrupacion(
                [avance_de[i] for i in ids_metas if i in avance_de]),
            "balances": valorados.get(p.id, []),
        })
    return resultado


def _verbo(que: str | None, marco: dict) -> dict:
    """``verbo`` y ``resto`` del objetivo si el marco pide empezarlo con un verbo en infinitivo
    («Fortalecer» + « el cálculo mental…»); si no, vacíos."""
    from rutamejora.reglas.compartido import verbo_del_objetivo

    verbo = verbo_del_objetivo(que) if marco["pide_verbo"] and que else None
    if not verbo or not que.startswith(verbo + " "):
        return {"verbo": None, "resto": None}
    return {"verbo": verbo, "resto": que[len(verbo) + 1:]}


def _metas_de_agrupacion(avances) -> str | None:
    """«2 de 4 metas logradas (M2 y M4)»: las metas de una agrupación, en una frase."""
    if not avances:
        return None
    logradas = [a.meta.id for a in avances if a.estado == "lograda"]
    texto = f"{len(logradas)} de {plural(len(avances), 'meta lograda', 'metas logradas')}"
    if logradas and len(logradas) < len(avances):
        texto += f" ({lista_y(logradas)})"
    return texto
