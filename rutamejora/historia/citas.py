"""Lo que la bitácora dice de cada meta y de cada acción, para la historia de un id.

- Una **medición** de una meta y un **registro** de una acción en la bitácora son parte de su
  historia: ``ruta historia --id M1`` muestra el commit que agregó, cambió o quitó una medición
  de M1 («Medición de M1 en el registro del 14 jul 2026: 62 %»). En ``ruta cambios`` la bitácora
  sigue en su línea de siempre («Bitácora: 1 entrada nueva (…)»); esa línea lleva los ids que
  toca y, para cada uno, su frase (``Cambio.por_id``), que ``--id`` muestra en su lugar.
- Una meta o una acción que se quitó o se renombró y que la bitácora **aún cita** (una medición,
  un registro, un ajuste) lo dice: «la bitácora aún cita A19 en sus entradas del 27 feb 2026 y
  del 27 mar 2026».
"""

from __future__ import annotations

from rutamejora.historia.palabras import lista_y
from rutamejora.vistas import fecha_corta

# Cuántas fechas de entradas se nombran antes de «y N más».
_FECHAS = 3


def entradas(ruta) -> list:
    """Las entradas de la bitácora de ``ruta``, también las posteriores a la fecha pedida."""
    return [*ruta.entradas, *ruta.entradas_apartadas]


def lo_que_dice(entrada) -> dict[str, list]:
    """``{id: [lo que dice de él]}``: las mediciones de sus metas y los registros de sus
    acciones, cada uno como un diccionario simple para comparar y escribir."""
    dice: dict[str, list] = {}
    for m in entrada.mediciones or []:
        if m.meta:
            dice.setdefault(m.meta, []).append(("medicion", m.valor))
    for r in entrada.acciones or []:
        if r.accion:
            dice.setdefault(r.accion, []).append(
                ("registro", tuple((k, getattr(r, k, None)) for k in ("estado", "avance", "gasto")
                                   if getattr(r, k, None) is not None)))
    return dice


def citados(entrada) -> set[str]:
    """Los ids que cita una entrada: sus mediciones, sus registros y sus ajustes."""
    ids = set(lo_que_dice(entrada))
    for ajuste in entrada.ajustes or []:
        ids |= {*(ajuste.acciones or []), *(ajuste.metas or [])}
    return ids


def frase(id_: str, dicho: list, en_entrada: str, voz, unidad=None, antes: list | None = None,
          quitada: bool = False) -> str:
    """«Medición de M1 en el registro del 14 jul 2026: 62 %», «Registro de A2 en la sesión 5
    (27 feb 2026): estado realizada, avance 100 %» (``antes``: «60 % → 62 %»; ``quitada``:
    «… quitada»)."""
    def escrito(lista) -> str:
        return "; ".join(_valor(d, voz, unidad) for d in lista) or "—"

    tipo = "Medición" if (dicho or antes or [("medicion", None)])[0][0] == "medicion" \
        else "Registro"
    texto = f"{tipo} de {id_} {en_entrada}"
    if quitada:
        return f"{texto} quitada: {escrito(dicho)}" if tipo == "Medición" else \
            f"{texto} quitado: {escrito(dicho)}"
    if antes is not None:
        return f"{texto}: {escrito(antes)} → {escrito(dicho)}"
    return f"{texto}: {escrito(dicho)}"


def _valor(dicho: tuple, voz, unidad) -> str:
    tipo, valor = dicho
    if tipo == "medicion":
        return voz.valor("valor", valor, unidad)
    return ", ".join(f"{k} {voz.valor(k, v)}{' %' if k == 'avance' else ''}" for k, v in valor)


def aun_citado(id_: str, ruta) -> str:
    """« (la bitácora aún cita A19 en sus entradas del 27 feb 2026 y del 27 mar 2026)», o «»."""
    fechas = sorted({e.fecha for e in entradas(ruta) if e.fecha and id_ in citados(e)})
    if not fechas:
        return ""
    nombradas = [f"del {fecha_corta(f)}" for f in fechas[:_FECHAS]]
    if len(fechas) > _FECHAS:
        nombradas.append(f"{len(fechas) - _FECHAS} más")
    de = "su entrada" if len(fechas) == 1 else "sus entradas"
    return f" (la bitácora aún cita {id_} en {de} {lista_y(nombradas)})"


__all__ = ["entradas", "lo_que_dice", "citados", "frase", "aun_citado"]
