"""El calendario del ciclo de una Ruta nueva: el del catálogo o, si el catálogo no lo tiene,
uno estimado con la regla habitual de la SEP (que el CTE debe confirmar)."""

from __future__ import annotations

from datetime import date, timedelta

from rutamejora.catalogos import calendario_oficial, datos_de, normalizar

_DIAS = {"lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4}


def _regla() -> dict:
    return datos_de("calendario_estimado.yaml")


def _ultimo(dia_semana: int, anio: int, mes: int) -> date:
    siguiente = date(anio + (mes == 12), mes % 12 + 1, 1)
    dia = siguiente - timedelta(days=1)
    return dia - timedelta(days=(dia.weekday() - dia_semana) % 7)


def sesiones_estimadas(ciclo: str) -> list[date]:
    """Las sesiones ordinarias por la regla habitual de la SEP (el último viernes de cada mes,
    salvo diciembre, abril y julio), en el orden del ciclo."""
    regla = _regla()["sesiones"]
    inicio = int(ciclo[:4])
    dia = _DIAS[normalizar(regla["dia"])]
    return [_ultimo(dia, inicio if mes >= 8 else inicio + 1, mes) for mes in regla["meses"]]


def calendario_estimado(ciclo: str) -> dict:
    """Un calendario completo estimado para un ciclo que el catálogo no tiene."""
    regla = _regla()
    inicio = int(ciclo[:4])
    lunes = _ultimo(_DIAS[normalizar(regla["inicio_clases"]["dia"])], inicio, regla["inicio_clases"]["mes"])
    fase = regla["fase_intensiva"]
    fin = regla["fin_clases"]
    return {
        "fase_intensiva": {"inicio": lunes - timedelta(days=fase["dias_antes"]),
                           "fin": lunes - timedelta(days=fase["dias_antes"] - fase["duracion"] + 1)},
        "inicio_clases": lunes,
        "fin_clases": date(inicio + 1, fin["mes"], fin["dia"]),
        "sesiones": sesiones_estimadas(ciclo),
        "recesos": [],
        "estimado": True,
        "fuente": regla.get("fuente", ""),
    }


def calendario_para(ciclo: str) -> dict:
    """El calendario del catálogo (``oficial``) o uno estimado; ``estimado`` dice si hay que confirmarlo."""
    oficial = calendario_oficial(ciclo)
    if oficial:
        return {**oficial, "oficial": True, "estimado": bool(oficial.get("estimado")),
                "recesos": list(oficial.get("recesos") or [])}
    return {**calendario_estimado(ciclo), "oficial": False}
