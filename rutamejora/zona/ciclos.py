"""Qué Rutas de la zona cuentan: las de un ciclo escolar (por omisión, el de la fecha) o todas.

Una escuela guarda una Ruta por ciclo (``escuelas/<CCT>/2024-2025`` y ``…/2025-2026``); si la
zona las sumara todas, las metas, los alumnos y el dinero de esa escuela contarían dos veces
(dos ciclos sumados como si fueran uno). Un ATP mira el ciclo en curso: ``separar`` deja en la
tabla y en los totales las Rutas del ciclo elegido y aparte (``otras``) las demás, que se
listan sin sumar.

- El ciclo por omisión es el que contiene ``hoy`` (``--fecha``): de agosto a julio, la misma
  cuenta que usa ``ruta nueva`` para proponer el ciclo (agosto ya es del ciclo que empieza: su
  fase intensiva del CTE).
- Una Ruta es de un ciclo si el ciclo está entre los suyos: un PEMC 2024-2026 es de 2024-2025
  y de 2025-2026.
- Una Ruta cuyo ciclo no se sabe se queda en la tabla: la que no se pudo leer (no suma nada)
  y la que no tiene ciclo o lo tiene mal escrito (``ruta validar`` se lo marca como error y su
  renglón lo muestra). Esconderlas callaría que necesitan atención. Pero la segunda no suma en
  los totales de un ciclo al que puede no pertenecer (``fuera_de_los_totales``): la salida lo
  dice.
- ``TODOS`` (``--ciclo todos``) cuenta todas, como una sola suma: el encabezado dice qué Rutas
  de una misma escuela se suman (``frase_escuelas``).
"""

from __future__ import annotations

import re
from datetime import date

from rutamejora.nucleo.textos import ciclo_escolar
from rutamejora.zona.descubrimiento import ZonaInvalida

TODOS = "todos"
_CICLO = re.compile(r"(\d{4})-(\d{4})")


class CicloSinRutas(ZonaInvalida):
    """Ninguna Ruta legible de la zona es del ciclo elegido: un error de uso (salida 2) que
    dice de qué ciclos sí hay."""


def ciclo_de(dia: date) -> str:
    """El ciclo escolar que contiene ``dia``: de agosto a julio («2026-03-27» → «2025-2026»)."""
    return ciclo_escolar(dia)


def leer_ciclo(texto: str | None) -> str | None:
    """``--ciclo`` → el ciclo (``AAAA-AAAA``, años seguidos), ``TODOS`` o ``None`` (sin la
    opción: el de la fecha). Lanza ``ValueError`` con el mensaje para el usuario."""
    if texto is None:
        return None
    limpio = texto.strip().lower()
    if limpio == TODOS:
        return TODOS
    m = _CICLO.fullmatch(limpio)
    if m is None or int(m.group(2)) != int(m.group(1)) + 1:
        raise ValueError(f"--ciclo «{texto}» no es un ciclo escolar: escribe sus dos años "
                         "seguidos (p. ej. --ciclo 2025-2026) o --ciclo todos.")
    return limpio


def ciclo_por_omision(filas: list, hoy: date) -> str:
    """Sin ``--ciclo``: el ciclo que contiene ``hoy``; si ninguna Ruta legible es de él (en
    noviembre, antes de escribir las del ciclo nuevo, o con una zona de ciclos pasados), el más
    reciente de los que hay que ya empezó (o el primero, si todos son futuros). Lo dice
    ``nota_de_ciclo``."""
    actual = ciclo_de(hoy)
    hay = sorted({c for f in filas if f.legible for c in ciclos_de(f)})
    if not hay or actual in hay:
        return actual
    empezados = [c for c in hay if c <= actual]
    return empezados[-1] if empezados else hay[0]


def nota_de_ciclo(elegido: str, hoy: date) -> str | None:
    """La nota para la persona cuando, sin ``--ciclo``, la zona no cuenta el ciclo de ``hoy``."""
    from rutamejora.vistas import fecha_corta

    actual = ciclo_de(hoy)
    if elegido == actual:
        return None
    return (f"Nota: ninguna Ruta de la zona es del ciclo {actual} (el que contiene el "
            f"{fecha_corta(hoy)}): cuenta el {elegido}, el más reciente que tiene Rutas. "
            "--ciclo elige otro (o --ciclo todos).")


def ciclos_de(fila) -> list[str]:
    """Los ciclos bien escritos de la Ruta de ``fila`` (sus ``ciclos``, o su ``ciclo``)."""
    return [c for c in (fila.ciclos or [fila.ciclo]) if isinstance(c, str) and _CICLO.fullmatch(c)]


def es_del_ciclo(fila, ciclo: str) -> bool:
    """¿La Ruta de ``fila`` abarca ``ciclo``? Una Ruta sin un ciclo que se pueda leer (no se
    pudo leer, o no lo tiene bien escrito) cuenta en cualquiera: ver arriba."""
    ciclos = ciclos_de(fila) if fila.legible else []
    return not ciclos or ciclo in ciclos


def fuera_de_los_totales(fila, ciclo: str) -> bool:
    """¿Va en la tabla de ``ciclo`` sin sumar en sus totales? Una Ruta legible sin un ciclo que
    se pueda leer: puede ser de otro ciclo (con ``TODOS`` todas suman)."""
    return ciclo != TODOS and fila.legible and not ciclos_de(fila)


def frase_fuera(filas: list, ciclo: str) -> str | None:
    """«1 Ruta sin un ciclo escolar válido en ruta.yaml está en la tabla con sus errores, pero no
    suma en los totales del ciclo 2025-2026: escuelas/…/x.» (o ``None``)."""
    fuera = [f.clave for f in filas if fuera_de_los_totales(f, ciclo)]
    if not fuera:
        return None
    if len(fuera) == 1:
        return (f"1 Ruta sin un ciclo escolar válido en ruta.yaml está en la tabla con sus errores, "
                f"pero no suma en los totales del ciclo {ciclo}: {fuera[0]}.")
    return (f"{len(fuera)} Rutas sin un ciclo escolar válido en ruta.yaml están en la tabla con sus "
            f"errores, pero no suman en los totales del ciclo {ciclo}: {lista_y(fuera)}.")


def separar(filas: list, ciclo: str, dia: date | None = None) -> tuple[list, list]:
    """(las filas que cuentan, las de otros ciclos en orden de clave). ``CicloSinRutas`` si
    ninguna legible es de ``ciclo`` (con ``TODOS`` cuentan todas); ``dia``: el día que eligió
    el ciclo (sin ``--ciclo``), para decirlo."""
    if ciclo == TODOS:
        return list(filas), []
    cuentan = [f for f in filas if es_del_ciclo(f, ciclo)]
    otras = sorted((f for f in filas if not es_del_ciclo(f, ciclo)), key=lambda f: f.clave)
    # Sin ninguna Ruta legible (todas con errores de lectura) no hay ciclo que elegir: la tabla
    # las muestra con sus errores.
    if not any(f.legible for f in cuentan) and any(f.legible for f in filas):
        raise CicloSinRutas(_sin_rutas(filas, ciclo, dia))
    return cuentan, otras


def _sin_rutas(filas: list, ciclo: str, dia: date | None) -> str:
    from rutamejora.vistas import fecha_corta

    hay = sorted({c for f in filas if f.legible for c in ciclos_de(f)})
    ilegibles = sum(1 for f in filas if not f.legible)
    texto = f"ninguna Ruta de la zona es del ciclo {ciclo}"
    if dia is not None:
        texto += f" (el que contiene el {fecha_corta(dia)}; --fecha elige otro día)"
    if hay:
        texto += f": las que hay son de {lista_y(hay)}"
    if ilegibles:
        texto += (f" ({ilegibles} no se {'pudo' if ilegibles == 1 else 'pudieron'} leer: "
                  "revísalas con `ruta validar`)")
    ejemplo = hay[-1] if hay else ciclo
    return (f"{texto}. Elige el ciclo con --ciclo (p. ej. --ciclo {ejemplo}) o súmalos todos "
            "con --ciclo todos.")


def lista_y(elementos: list) -> str:
    """«a», «a y b», «a, b y c»."""
    if len(elementos) < 2:
        return "".join(elementos)
    return ", ".join(elementos[:-1]) + " y " + elementos[-1]


def frase_escuelas(filas: list, ciclo: str, fuera: frozenset = frozenset(),
                   con_detalle: bool = True) -> str:
    """«5 escuelas del ciclo 2025-2026»: las escuelas se cuentan por su CCT, no por sus Rutas.
    Si una escuela tiene varias Rutas que suman (con ``TODOS``, una por ciclo), lo dice: «2
    escuelas de todos los ciclos (3 Rutas; los totales suman las 2 de 21DPR0487A: 2024-2025 y
    2025-2026)»; si hay Rutas repetidas (``zona.repetidas``: la misma CCT en un mismo ciclo),
    cuántas no suman (``fuera``, sus claves): «10 escuelas del ciclo 2025-2026 (12 Rutas; 2
    repiten la CCT de otra del mismo ciclo y no suman: ver «Rutas del mismo ciclo con la misma
    CCT»)». Sin ``con_detalle``, solo «(12 Rutas)». ``filas``: las Rutas de la tabla con un
    ciclo legible (también las repetidas: la escuela cuenta una vez)."""
    _, varias = _por_escuela([f for f in filas if f.clave not in fuera])
    n = len({escuela_de(f) for f in filas})
    de = "de todos los ciclos" if ciclo == TODOS else f"del ciclo {ciclo}"
    texto = f"{n} {'escuela' if n == 1 else 'escuelas'} {de}"
    sobran = sum(1 for f in filas if f.clave in fuera)
    if not varias and not sobran:
        return texto
    if not con_detalle:
        return f"{texto} ({len(filas)} Rutas)"
    detalle = [f"{len(filas)} Rutas"]
    if varias:
        detalle.append("los totales suman " + "; ".join(
            f"las {len(rutas)} de {cct}: {lista_y([r.ciclo or 'sin ciclo' for r in rutas])}"
            for cct, rutas in varias))
    if sobran:
        detalle.append(f"{sobran} {'repite' if sobran == 1 else 'repiten'} la CCT de otra del "
                       f"mismo ciclo y no {'suma' if sobran == 1 else 'suman'}: ver «Rutas del "
                       "mismo ciclo con la misma CCT»")
    return f"{texto} ({'; '.join(detalle)})"


def frase_otra(fila, ciclo: str, cuentan: list) -> str:
    """Una Ruta apartada: «escuelas/21DPR0487A/2024-2025: 21DPR0487A, ciclo 2024-2025», y si su
    escuela no tiene Ruta en el ciclo elegido, que no la tiene (un ATP la busca)."""
    ciclos = ciclos_de(fila)    # una Ruta apartada siempre tiene alguno (``es_del_ciclo``)
    de = f"ciclo {ciclos[0]}" if len(ciclos) == 1 else f"ciclos {lista_y(ciclos)}"
    texto = f"{fila.clave}: {fila.cct or 'sin CCT'}, {de}"
    if fila.errores:
        texto += f", {fila.errores} {'error' if fila.errores == 1 else 'errores'} de validación"
    propia = escuela_de(fila)
    if not any(f.legible and escuela_de(f) == propia for f in cuentan):
        texto += f"; la escuela no tiene Ruta del ciclo {ciclo}"
    return texto


def escuela_de(fila) -> str:
    """La escuela de una Ruta: su CCT sin caja ni espacios, o su carpeta si no la tiene."""
    return (fila.cct or "").strip().upper() or fila.clave


def _por_escuela(filas: list) -> tuple[int, list[tuple[str, list]]]:
    """(cuántas escuelas, [(CCT, [fila])] de las que tienen varias Rutas legibles, en orden)."""
    por_cct: dict[str, list] = {}
    for f in filas:
        por_cct.setdefault(escuela_de(f), []).append(f)
    # Solo las legibles suman a los totales: una ilegible no se cuenta entre las que suman.
    varias = [(cct, sorted((f for f in fs if f.legible), key=lambda f: (str(f.ciclo or ""), f.clave)))
              for cct, fs in sorted(por_cct.items()) if sum(f.legible for f in fs) > 1]
    return len(por_cct), varias


def escuelas_de(filas: list) -> tuple[int, list[tuple[str, list[str]]]]:
    """(cuántas escuelas, [(CCT, [ciclo de cada Ruta])] de las que tienen varias Rutas): las
    escuelas se cuentan por su CCT (o su carpeta, sin CCT), no por sus Rutas (una por ciclo, o
    una copia)."""
    n, varias = _por_escuela(filas)
    return n, [(cct, sorted(str(f.ciclo or "sin ciclo") for f in fs)) for cct, fs in varias]


__all__ = ["TODOS", "CicloSinRutas", "ciclo_de", "leer_ciclo", "ciclos_de", "es_del_ciclo", "separar",
           "fuera_de_los_totales", "frase_fuera", "frase_escuelas", "frase_otra", "lista_y", "escuelas_de",
           "escuela_de"]
