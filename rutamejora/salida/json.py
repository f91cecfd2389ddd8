"""Salida ``json``: la forma documentada en ``docs/salida-json.md`` (con ``version``)."""

from __future__ import annotations

import json

from rutamejora import __version__
from rutamejora.nucleo.problemas import AVISO, ERROR, INFO, enmascarar
from rutamejora.privacidad import JSON, carpeta_sin_datos

VERSION_JSON = 2


def problema_a_dict(p) -> dict:
    return {
        "codigo": p.codigo, "nombre": p.nombre, "severidad": p.severidad, "archivo": p.archivo,
        "linea": p.linea, "columna": p.columna, "ruta_yaml": p.ruta_yaml,
        "lugar": enmascarar(p.lugar, p.secretos),
        "mensaje": enmascarar(p.mensaje, p.secretos), "pista": enmascarar(p.pista, p.secretos),
    }


def formatear(resultados: list, color: bool = False, base=None) -> str:
    rutas = []
    for r in resultados:
        cuenta = r.cuenta
        rutas.append({
            "carpeta": carpeta_sin_datos(r.carpeta, JSON),
            "marco": r.marco[0] if r.marco is not None else None,
            "resumen": {"errores": cuenta[ERROR], "avisos": cuenta[AVISO], "info": cuenta[INFO],
                        "archivos": r.archivos_revisados, "codigo_salida": r.codigo_de_salida()},
            "problemas": [problema_a_dict(p) for p in r.problemas],
        })
    salida = {
        "version": VERSION_JSON,
        "herramienta": f"ruta {__version__}",
        "codigo_salida": max((r.codigo_de_salida() for r in resultados), default=0),
        "rutas": rutas,
    }
    return json.dumps(salida, ensure_ascii=False, indent=2)
