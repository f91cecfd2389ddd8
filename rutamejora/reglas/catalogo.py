"""El catálogo de reglas tal como lo leen las personas: ``ruta reglas``, ``ruta explicar`` y
``docs/reglas.md`` salen de la misma fuente que la validación (``nucleo.codigos``), con todas
las familias registradas (``reglas.registro``)."""

from __future__ import annotations

from rutamejora.nucleo.codigos import Regla, obtener as _obtener, sugerir_codigo as _sugerir
from rutamejora.reglas.registro import registradas


def catalogo_json() -> str:
    import json

    return json.dumps([{"codigo": r.codigo, "nombre": r.nombre, "severidad": r.severidad,
                        "resumen": r.resumen} for r in registradas()], ensure_ascii=False, indent=2)


def catalogo_texto() -> str:
    filas = [f"{r.codigo}  {r.severidad:<6} {r.nombre:<28} {r.resumen}" for r in registradas()]
    return "\n".join(filas + ["", f"{len(filas)} reglas. Detalle: ruta explicar CODIGO"])


def explicacion(r: Regla) -> str:
    """El texto de ``ruta explicar``: encabezado, documentación y ejemplos tal cual."""
    return f"{r.codigo} {r.nombre} ({r.severidad}; fase: {r.fase})\n\n{r.doc}\n"


def sugerir_codigo(escrito: str) -> str | None:
    """El código de regla más parecido a ``escrito``, con todas las familias registradas."""
    registradas()
    return _sugerir(escrito)


def obtener(codigo: str) -> Regla | None:
    """La regla de ``codigo`` (sin importar mayúsculas), con todas las familias registradas."""
    registradas()
    return _obtener(codigo)
