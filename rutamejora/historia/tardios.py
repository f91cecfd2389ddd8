"""Las metas que se hicieron más fáciles después de su fecha límite, según la historia en git.

Una meta se juzga en su fecha límite con lo medido hasta ese día (``vistas.avance_meta``). Si
después de ese día alguien bajó su valor meta (o lo subió, en una meta de disminuir), corrió su
fecha límite o la quitó, le cambió el sentido o corrigió una de sus mediciones a un resultado
mejor, la Ruta de hoy la da por lograda con una vara que se puso cuando el
resultado ya se conocía. Eso no es un error del archivo (un ajuste puede tener motivo), pero la
rendición no puede decir «se logró» sin decirlo: ``informes`` lo cuenta junto a la meta.

Se compara lo que la meta pedía **el día en que venció** (su valor meta y su fecha límite de
entonces) con lo que pide hoy, no cada cambio por separado: «de 60 % a 50 % y después a 56 %» es
un cambio de 60 % a 56 %, y un valor que no se pudo leer en medio no borra nada.

Lee los cambios a metas que juntó ``ajustes.ajustes_del_ciclo`` (los de cada commit desde el
inicio de clases, con sus valores crudos; también los posteriores al ciclo o a la fecha del
informe: la Ruta de hoy ya los tiene), no git otra vez.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

# Los campos que pueden hacer más fácil una meta ya vencida.
CAMPOS = ("valor_meta", "fecha_limite", "sentido")


@dataclass(frozen=True)
class CambioTardio:
    """Lo que cambió un campo de la meta ``meta`` (``valor_meta``, ``fecha_limite`` o ``sentido``) después de
    su fecha límite (``limite``, la de ese día): de ``antes`` (lo que pedía al vencer) a
    ``despues`` (lo que pide hoy; ``None``: ya no tiene), entre los días ``desde`` y ``hasta``
    (los de los commits). ``antes_texto`` y ``despues_texto``, como se escriben («85 %»)."""

    meta: str
    campo: str
    antes: object
    despues: object
    antes_texto: str
    despues_texto: str
    limite: date
    desde: date
    hasta: date
    de: date | None = None   # una medición (``campo`` «medicion»): el día que midió


def cambios_tardios(de_metas: list, ruta, de_mediciones=()) -> dict[str, list[CambioTardio]]:
    """``{id de meta: [CambioTardio]}`` (a lo más uno por campo, la fecha límite primero, y uno
    por medición), de ``de_metas`` (``[(día, Cambio)]`` de git, en orden de fecha:
    ``AjustesDelCiclo.de_metas``) y ``de_mediciones`` (``[(día, fecha de la medición, meta,
    antes, después)]``: ``AjustesDelCiclo.de_mediciones``); ``ruta``, la Ruta de hoy. Solo los
    que dejan la meta más fácil (o su resultado mejor) que al vencer."""
    metas = {m.id: m for m in ruta.metas if m.id}
    hoy_se_llama = _renombres(de_metas)
    por_meta: dict[str, list] = {}
    for dia, c in de_metas:
        id_ = hoy_se_llama.get(c.id, c.id)
        if c.tipo == "cambiado" and id_ in metas:
            por_meta.setdefault(id_, []).extend(
                (dia, campo) for campo in c.campos if campo.campo in CAMPOS)
    por_medicion: dict[str, list] = {}
    for dia, fecha, meta, antes, despues in de_mediciones:
        meta = hoy_se_llama.get(meta, meta)
        if meta in metas:
            por_medicion.setdefault(meta, []).append((dia, fecha, antes, despues))
    tardios = {}
    for id_ in sorted(set(por_meta) | set(por_medicion)):
        hallados = _de_una_meta(metas[id_], por_meta.get(id_, []), por_medicion.get(id_, []))
        if hallados:
            tardios[id_] = hallados
    return tardios


def _renombres(de_metas: list) -> dict[str, str]:
    """``{id de antes: id de hoy}`` de las metas renombradas («M1 ahora es M10»): sus cambios
    de antes del renombre son de la misma meta (como sigue ``ruta historia --id``)."""
    hoy_se_llama: dict[str, str] = {}
    for _, c in de_metas:
        if c.tipo == "renombrado" and len(c.ids) == 2:
            nuevo, viejo = c.ids
            for antiguo, actual in list(hoy_se_llama.items()):
                if actual == viejo:
                    hoy_se_llama[antiguo] = nuevo
            hoy_se_llama[viejo] = nuevo
    return hoy_se_llama


def _de_una_meta(meta, cambios: list, mediciones: list) -> list[CambioTardio]:
    """Los cambios tardíos de una meta: ``cambios``, ``[(día, CampoCambiado)]`` en orden, y
    ``mediciones``, ``[(día, fecha, antes, después)]`` en orden."""
    limite = _vencio(cambios, meta.fecha_limite)
    if limite is None:
        return []
    hallados = _mediciones_tardias(meta, mediciones, limite)
    for nombre in ("fecha_limite", "valor_meta", "sentido"):
        despues = [(dia, c) for dia, c in cambios if c.campo == nombre and dia > limite]
        if not despues:
            continue
        (desde, primero), (hasta, ultimo) = despues[0], despues[-1]
        antes, ahora = primero.crudo[0], ultimo.crudo[1]
        if _mas_facil(meta, nombre, antes, ahora):
            hallados.append(CambioTardio(meta.id, nombre, antes, ahora, primero.antes, ultimo.despues,
                                         limite, desde, hasta))
    return hallados


def _mediciones_tardias(meta, mediciones: list, limite: date) -> list[CambioTardio]:
    """Las mediciones de hasta la fecha límite (las que la juzgan) corregidas después de ella a
    un resultado mejor: «57 % → 60 %» el 5 de julio en una meta que venció el 19 de junio."""
    hallados = []
    for fecha in sorted({f for _, f, _, _ in mediciones if f <= limite}):
        tarde = [(dia, a, d) for dia, f, a, d in mediciones if f == fecha and dia > limite]
        if not tarde:
            continue
        antes, ahora = tarde[0][1], tarde[-1][2]
        if _mejor(meta, antes, ahora):
            hallados.append(CambioTardio(meta.id, "medicion", antes, ahora, "", "", limite,
                                         tarde[0][0], tarde[-1][0], de=fecha))
    return hallados


def _mejor(meta, antes, ahora) -> bool:
    """Si ``ahora`` es un resultado mejor que ``antes`` para la meta (más alto al aumentar, más
    bajo al disminuir; al mantener, cualquier otro)."""
    if antes is None or ahora is None or antes == ahora:
        return False
    try:
        if meta.sentido == "disminuir":
            return ahora < antes
        if meta.sentido == "mantener":
            return True
        return ahora > antes
    except TypeError:
        return False


def _vencio(cambios: list, actual: date | None) -> date | None:
    """La fecha límite que la meta tenía cuando venció: se recorren sus cambios en orden y la
    primera vez que uno llega después de la fecha límite de ese momento, esa es. Si ningún
    cambio llegó tarde, la de hoy (``None`` si no tiene)."""
    vigente = next((c.crudo[0] for _, c in cambios if c.campo == "fecha_limite"), actual)
    for dia, c in cambios:
        if isinstance(vigente, date) and dia > vigente:
            return vigente
        if c.campo == "fecha_limite":
            vigente = c.crudo[1]
    return vigente if isinstance(vigente, date) else None


def _mas_facil(meta, campo: str, antes, despues) -> bool:
    """Si hoy la meta pide menos que al vencer: una fecha límite más tarde o ninguna; un valor
    meta más bajo (al aumentar), más alto (al disminuir) o distinto (al mantener un valor igual
    a la línea base, donde solo ese valor la cumple); uno que ya no está, también."""
    if antes is None or antes == despues:
        return False
    if campo == "sentido":
        return despues is not None  # «aumentar» → «disminuir»: otra vara, con el resultado a la vista
    if campo == "fecha_limite":
        return isinstance(antes, date) and (despues is None or (isinstance(despues, date) and despues > antes))
    if despues is None:
        return True
    sentido, base = meta.sentido, meta.linea_base
    try:
        if sentido == "mantener":
            if base is None or base == antes:
                return True
            sentido = "aumentar" if antes > base else "disminuir"
        return despues > antes if sentido == "disminuir" else despues < antes
    except TypeError:  # un valor que no es número (ilegible en ese commit): no se compara
        return False
