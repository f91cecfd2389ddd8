"""Una vista ya calculada, en su forma JSON o en la terminal (los dos caminos de cada vista)."""

from __future__ import annotations


def como_json(vista: str, ruta, *datos) -> str:
    """El JSON de ``vista`` (``resumen``, ``avance``, ``pendientes``, ``calendario``)."""
    from rutamejora.vistas import json as vistas_json

    return vistas_json.volcar(getattr(vistas_json, vista)(ruta, *datos))


def en_terminal(vista: str, ruta, *datos, consola) -> None:
    """Dibuja ``vista`` con Rich en ``consola``."""
    from rutamejora.vistas import terminal

    getattr(terminal, f"mostrar_{vista}")(ruta, *datos, consola)


def importados_como_json(nuevos: list[dict], hecho, conteo) -> str:
    """El JSON de lo que ``importar resultados`` acaba de escribir en diagnostico.yaml."""
    from rutamejora.vistas import json as vistas_json

    return vistas_json.volcar(vistas_json.resultados_importados(nuevos, hecho, conteo))


def rechazo_como_json(motivos: list[str]) -> str:
    """El JSON de una orden de ``bitacora agregar`` que no escribió nada, con sus motivos."""
    from rutamejora.vistas import json as vistas_json

    return vistas_json.volcar(vistas_json.rechazado(motivos))


def agregado_como_json(datos: dict, cambio) -> str:
    """El JSON de lo que ``bitacora agregar`` acaba de registrar."""
    from rutamejora.vistas import json as vistas_json

    return vistas_json.volcar(vistas_json.agregado(datos, cambio))
