"""Piezas que comparten varias familias de reglas (y otras capas, que las toman de aquí).

- ``fuera_de_rango``: si una cifra se sale de la escala de su unidad (``unidades.yaml``); lo usan
  las metas (RM304), el seguimiento y la bitácora al registrar una medición.
- ``verbo_del_objetivo``: el verbo en infinitivo con que empieza un objetivo; lo usan la
  redacción (RM350) y los informes.
- ``vacias``: los objetos con una lista escrita pero vacía; lo usan las acciones (RM310, RM311)
  y la cadena (RM323, RM324).
- ``fuente_del_gasto``: con cargo a qué fuente del presupuesto va lo que cuesta y lo que gasta
  una acción; lo usan el dinero ejercido (RM409, RM410) y las vistas del dinero.
- ``con_cuanto_cuenta``: lo recibido o, si la Ruta no registra ningún ingreso, lo previsto; lo
  usan RM409 y las vistas del dinero.
- ``meta_contradictoria``: la línea base ya cumple el valor meta en el sentido que la meta dice
  («reducir de 3 a 4»); lo usan RM303 y el estado de una meta (``vistas.avance_meta``), que
  nunca la da por lograda.

No registra ningún código: importarlo no agrega reglas al catálogo.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rutamejora.catalogos import datos_de
from rutamejora.nucleo.expresiones import compilar


def _rango(unidad: str | None) -> tuple[Decimal | None, Decimal | None]:
    datos = (datos_de("unidades.yaml").get("unidades") or {}).get(unidad or "") or {}
    minimo, maximo = datos.get("minimo"), datos.get("maximo")
    return (Decimal(str(minimo)) if minimo is not None else None,
            Decimal(str(maximo)) if maximo is not None else None)


def fuera_de_rango(valor: Decimal, unidad: str | None) -> str | None:
    """La frase «entre 0 y 100» si ``valor`` se sale del rango de la unidad; si no, ``None``."""
    minimo, maximo = _rango(unidad)
    if (minimo is not None and valor < minimo) or (maximo is not None and valor > maximo):
        if maximo is None:
            return f"de {minimo} o más"
        return f"entre {minimo} y {maximo}"
    return None


def vacias(objetos, campo: str) -> list:
    """Los objetos cuyo ``campo`` es una lista escrita pero vacía (ni ausente ni ilegible)."""
    return [o for o in objetos if getattr(o, campo) == [] and not o.invalido(campo)]


def fuente_del_gasto(ruta, accion) -> str | None:
    """La fuente con cargo a la que va el costo y el gasto de ``accion``: su ``fuente`` o, si el
    presupuesto tiene una sola, esa (RM314 no pide escribirla entonces). ``None`` si no se sabe:
    sin ``fuente`` y con ninguna o varias fuentes, o con una que no existe (RM202)."""
    ids = [f.id for f in ruta.fuentes if f.id]
    if accion.fuente:
        return accion.fuente if accion.fuente in ids else None
    return ids[0] if len(ids) == 1 else None


def con_cuanto_cuenta(previsto: Decimal, recibido: Decimal, ruta_con_ingresos: bool) -> Decimal:
    """Con cuánto cuenta una fuente para gastar: lo recibido, en cuanto la Ruta registra algún
    ingreso (de cualquier fuente); una fuente sin ingresos entonces no ha recibido nada, y su
    saldo no puede salir de lo previsto (la cabeza «Recibido · Ejercido · Saldo» no sumaría).
    Solo una Ruta sin ningún ingreso cuenta con lo previsto, y los informes lo dicen así. Lo
    usan el dinero de las vistas y los informes y RM409."""
    return recibido if ruta_con_ingresos else previsto


# Un verbo en infinitivo al comienzo, también con pronombre («Reforzarlos»), tras signos de
# apertura o comillas.
_INFINITIVO = compilar(r"^[¿¡\"«]*(\w+?(ar|er|ir)(se|lo|la|los|las|le|les)?)\b", re.IGNORECASE)


def verbo_del_objetivo(texto: str | None) -> str | None:
    """El verbo en infinitivo con que empieza un objetivo («Fortalecer»), o ``None``."""
    m = _INFINITIVO.match((texto or "").strip())
    return m.group(1) if m else None


def meta_contradictoria(meta) -> bool:
    """¿La meta pide ir en un sentido hacia un valor que ya está del otro lado de su línea base
    («reducir de 3 a 4», «aumentar de 60 a 40»)? Entonces cualquier medición, aun peor que la
    línea base, la «alcanzaría»: RM303 la avisa y ``avance_meta`` no la da por lograda. Igual
    línea base y valor meta no es contradictoria: es sostener (RM305)."""
    base, objetivo, sentido = meta.linea_base, meta.valor_meta, meta.sentido
    if base is None or objetivo is None or sentido is None:
        return False
    return (sentido == "aumentar" and base > objetivo) or (sentido == "disminuir" and base < objetivo)
