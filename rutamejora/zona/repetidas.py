"""Dos Rutas del mismo ciclo que dicen ser la misma escuela (la misma CCT): un problema de la zona.

Una escuela tiene una Ruta por ciclo. Dos que comparten CCT y ciclo son una copia (una carpeta
``escuela_copia``) o una Ruta copiada de otra escuela a la que no se le cambió la CCT: sumar las
dos contaría dos veces las metas, los alumnos y el dinero de una escuela.

**Qué suma.** De las Rutas repetidas de una escuela en un ciclo suma **una sola**: la que está en
la carpeta que propone ``ruta nueva``, ``<CCT>/<ciclo>`` (``escuelas/21DPR0487A/2025-2026``);
si ninguna lo está, la única en una carpeta con el nombre de su CCT. Si no hay una así (ninguna,
o varias), no se sabe cuál es la de la escuela y **no suma ninguna**: la escuela cuenta en el número de escuelas, pero sus cifras
no entran en los totales hasta que se corrija. Todas se quedan en la tabla (con su carpeta,
para distinguirlas) y la salida nombra cada grupo con sus carpetas.

Con ``--ciclo todos``, las Rutas de una escuela en ciclos distintos no son repetidas (suman, y el
encabezado lo dice: ``ciclos.frase_escuelas``); sí lo son dos que abarcan un mismo ciclo.
"""

from __future__ import annotations

from dataclasses import dataclass

from rutamejora.zona.ciclos import ciclos_de, escuela_de, lista_y


@dataclass(frozen=True)
class Repetida:
    """Las Rutas (``claves``, en orden) que dicen ser la escuela ``cct`` en ``ciclo``; ``suma``:
    la clave de la que suma en los totales, o ``None`` si no se sabe cuál es."""

    cct: str
    ciclo: str
    claves: tuple
    suma: str | None


def rutas_repetidas(filas: list) -> list[Repetida]:
    """Los grupos de Rutas legibles de ``filas`` con la misma CCT y un ciclo en común, en orden
    de CCT y ciclo. Una Ruta sin CCT no se compara (su carpeta no dice de qué escuela es)."""
    por_cct_ciclo: dict[tuple[str, str], list] = {}
    for fila in filas:
        if not fila.legible or not (fila.cct or "").strip():
            continue
        for ciclo in ciclos_de(fila):
            por_cct_ciclo.setdefault((escuela_de(fila), ciclo), []).append(fila)
    grupos: dict[tuple, Repetida] = {}
    for (cct, ciclo), grupo in sorted(por_cct_ciclo.items()):
        claves = tuple(sorted(f.clave for f in grupo))
        # Un PEMC de dos ciclos y su copia repiten en los dos: un solo grupo, el del primero.
        if len(claves) > 1 and claves not in grupos:
            grupos[claves] = Repetida(cct, ciclo, claves, _la_que_suma(cct, grupo))
    return list(grupos.values())


def _la_que_suma(cct: str, grupo: list) -> str | None:
    """La única Ruta del grupo en ``<CCT>/<ciclo>`` o, si ninguna, la única bajo una carpeta
    con el nombre de su CCT; ``None`` si no hay una sola."""
    def en_su_carpeta(fila, con_ciclo: bool) -> bool:
        partes = [p.upper() for p in fila.clave.split("/")]
        if not con_ciclo:
            return cct in partes
        # El ciclo de la carpeta: el de la Ruta, o los extremos de uno de varios (2024-2026).
        ciclos = ciclos_de(fila)
        nombres = {*ciclos, f"{ciclos[0][:4]}-{ciclos[-1][5:]}"} if ciclos else set()
        return len(partes) > 1 and partes[-2] == cct and partes[-1] in nombres

    for con_ciclo in (True, False):
        propias = [f.clave for f in grupo if en_su_carpeta(f, con_ciclo)]
        if propias:
            return propias[0] if len(propias) == 1 else None
    return None


def no_suman(grupos: list[Repetida]) -> set[str]:
    """Las claves de las Rutas repetidas que no suman en los totales."""
    return {c for g in grupos for c in g.claves if c != g.suma}


def frase_repetida(grupo: Repetida) -> str:
    """«21DPR0487A, ciclo 2025-2026: escuelas/21DPR0487A/2025-2026, escuelas/21DPR0700X/2025-2026
    y escuelas/escuela_copia/2025-2026. Suma solo escuelas/21DPR0487A/2025-2026 (su carpeta lleva
    la CCT).»"""
    texto = f"{grupo.cct}, ciclo {grupo.ciclo}: {lista_y(list(grupo.claves))}."
    if grupo.suma is not None:
        return f"{texto} Suma solo {grupo.suma} (su carpeta lleva la CCT)."
    return (f"{texto} No suma ninguna: ninguna carpeta lleva la CCT, o la llevan varias, así que no "
            "se sabe cuál es la de la escuela.")


TITULO = ("Rutas del mismo ciclo con la misma CCT (una escuela tiene una Ruta por ciclo: corrige "
          "la CCT en su ruta.yaml o saca la copia de la zona):")


__all__ = ["Repetida", "rutas_repetidas", "no_suman", "frase_repetida", "TITULO"]
