"""Antes de escribir, el texto nuevo se lee de nuevo: debe ser lo de antes más lo agregado, y nada más."""

from __future__ import annotations

import re
from decimal import Decimal

from rutamejora.escritura.candado import NoSeEscribio
from rutamejora.escritura.injerto import Cambio
from rutamejora.escritura.texto_yaml import BOM

def _cargar(texto: str):
    from ruamel.yaml import YAML

    texto = texto[1:] if texto.startswith(BOM) else texto
    return YAML(typ="safe", pure=True).load(texto) if texto.strip() else None


def _como_se_lee(valor):
    """Lo que un lector YAML devuelve para un valor de la entrada (Decimal → int o float)."""
    if isinstance(valor, dict):
        return {k: _como_se_lee(v) for k, v in valor.items()}
    if isinstance(valor, list):
        return [_como_se_lee(v) for v in valor]
    if isinstance(valor, Decimal):
        texto = format(valor, "f")
        return int(texto) if re.fullmatch(r"-?\d+", texto) else float(texto)
    return valor


def _esperado(antes, entrada: dict, cambio: Cambio) -> dict:
    """Lo que debe leerse del archivo nuevo: lo de antes más lo pedido (datos, no texto)."""
    sola = _como_se_lee(entrada)
    datos = dict(antes) if isinstance(antes, dict) else {}
    lista = list(datos.get("entradas") or [])
    if cambio.unida:
        unida = dict(lista[cambio.indice])
        for clave, valor in sola.items():
            if clave not in ("fecha", "sesion", "tipo"):
                unida[clave] = list(unida.get(clave) or []) + valor if isinstance(valor, list) else valor
        lista[cambio.indice] = unida
    else:
        lista.insert(cambio.indice, sola)
    datos["entradas"] = lista
    return datos


def comprobar(antes: str, despues: str, entrada: dict, cambio: Cambio) -> None:
    """Lee de nuevo el texto resultante: debe ser lo de antes más lo agregado, y nada más."""
    if _cargar(despues) != _esperado(_cargar(antes), entrada, cambio):
        raise NoSeEscribio("Lo que se iba a escribir no coincide con lo que se pidió (un error de "
                           "ruta, no de tu Ruta); bitacora.yaml quedó como estaba.")
