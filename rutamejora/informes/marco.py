"""El marco y el horizonte de un informe: cómo llama el marco a cada cosa y qué ciclos abarca.

Posee ``datos_del_marco`` (el diccionario ``marco`` del contexto: nombres de la agrupación, de
los procesos, de las valoraciones y de los ámbitos, anexos y lo que el marco pide),
``nombre_agrupacion``, ``horizonte_de``, ``ciclo_de`` y ``titulo_del_informe``.
"""

from __future__ import annotations

from datetime import date

from rutamejora.formato.modelo import Ruta
from rutamejora.informes.formas import mayuscula

# Procesos del marco con los que se titula cada informe (la rendición usa `informe_final`).
_PROCESO = {"planeacion": "planeacion", "seguimiento": "seguimiento"}

def datos_del_marco(ruta: Ruta) -> dict:
    """El marco de la Ruta como datos del contexto; sin marco, los nombres de siempre."""
    m = ruta.marco
    if m is None:
        return {"clave": "", "nombre": "Ruta de mejora escolar", "siglas": "Ruta de mejora escolar",
                "singular": "prioridad", "plural": "prioridades", "Singular": "Prioridad",
                "Plural": "Prioridades", "el_singular": "la prioridad",
                "de_singular": "de la prioridad",
                "informe_final": "Rendición de cuentas", "procesos": {},
                "valores": {}, "anexos": [], "valoraciones": {}, "ambitos": {},
                "nombres": dict(_NOMBRES_POR_OMISION), "pide": [], "pide_verbo": False}
    agr = m.agrupacion
    singular, plural = agr.get("singular") or "prioridad", agr.get("plural") or "prioridades"
    final = (m.datos.get("informe_final") or {}).get("nombre") or "Rendición de cuentas"
    return {
        "clave": m.clave, "nombre": m.nombre, "singular": singular, "plural": plural,
        "Singular": mayuscula(singular), "Plural": mayuscula(plural),
        "informe_final": final,
        "procesos": {str(p.get("clave")): p.get("nombre") for p in m.valores("procesos")},
        "valores": {str(v.get("clave")): v.get("nombre") for v in m.valores("agrupacion")},
        "anexos": m.valores("anexos"),
        "valoraciones": {str(v.get("clave")): v.get("nombre") for v in m.valores("valoraciones")},
        "ambitos": {str(v.get("clave")): v.get("nombre") for v in m.valores("ambitos")},
        "siglas": m.siglas,
        "el_singular": m.el(),  # «la prioridad», «el ámbito», «la problemática»
        "de_singular": ("del " + m.el()[3:]) if m.el().startswith("el ") else "de " + m.el(),
        "nombres": {parte: m.nombre_de(parte, nombre) for parte, nombre in _NOMBRES_POR_OMISION.items()},
        # Los campos que el marco pide además del formato base («indicador.formula»…).
        "pide": sorted(str(k) for k, v in (m.datos.get("campos") or {}).items()
                       if str(v) == "requerido"),
        # El marco pide objetivos que empiecen con un verbo en infinitivo: el informe lo muestra.
        "pide_verbo": m.regla_suave("objetivo-sin-verbo") is not None,
    }


_NOMBRES_POR_OMISION = {"diagnostico": "Diagnóstico", "objetivos": "Objetivos", "metas": "Metas"}


def horizonte_de(ruta: Ruta) -> dict:
    """Los ciclos que abarca la Ruta: uno, o varios en un marco de varios ciclos (pemc-2019)."""
    ciclos = ruta.ciclos or ([ruta.ciclo] if ruta.ciclo else [])
    varios = len(ciclos) > 1
    texto = f"{ciclos[0]} a {ciclos[-1]}" if varios else (ruta.ciclo or "")
    return {"ciclos": ciclos, "varios": varios, "texto": texto,
            "frase": f"de los ciclos escolares {texto}" if varios
            else f"del ciclo escolar {texto}".strip(),
            "periodo": f"los ciclos {texto}" if varios else "el ciclo"}


def ciclo_de(ruta: Ruta, dia: date | None) -> str | None:
    """El ciclo del horizonte al que pertenece un día (el último que ya empezó)."""
    if dia is None:
        return ruta.ciclo
    candidatos = [c for c in ruta.ciclos
                  if ruta.calendarios.get(c) is not None and ruta.calendarios[c].inicio <= dia]
    return candidatos[-1] if candidatos else ruta.ciclo


def titulo_del_informe(tipo: str, marco: dict, ciclo: str, horizonte: dict) -> str:
    """«Rendición de cuentas 2025-2026»; la evaluación y la planeación de una Ruta de varios
    ciclos abarcan todo su horizonte («Evaluación del PEMC 2024-2025 a 2025-2026»)."""
    if tipo == "rendicion":
        nombre = marco["informe_final"]
    else:
        nombre = marco["procesos"].get(_PROCESO[tipo]) or {"planeacion": "Planeación",
                                                           "seguimiento": "Seguimiento"}[tipo]
    periodo = ciclo if tipo == "seguimiento" else (horizonte["texto"] or ciclo)
    return f"{nombre} {periodo}".strip()


def nombre_agrupacion(marco: dict, clave: str | None) -> str:
    return marco["valores"].get(clave or "", clave or "—")
