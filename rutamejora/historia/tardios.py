"""Las metas que se hicieron más fáciles después de su fecha límite, según la historia en git.

Una meta se juzga en su fecha límite con lo medido hasta ese día (``vistas.avance_meta``). Si
después de ese día alguien bajó su valor meta (o lo subió, en una meta de disminuir), corrió su
fecha límite o la quitó, le cambió el sentido, corrigió una de sus mediciones a un resultado
mejor o cambió **qué medición la juzga** (la última hasta ese día: le cambió la fecha a una
medición, agregó una fechada a más tardar ese día, quitó la peor o reordenó dos del mismo
día), la Ruta de hoy la da por lograda con una vara que se puso cuando el resultado ya se
conocía. Eso no es un error del archivo (un ajuste puede tener motivo), pero la rendición no
puede decir «se logró» sin decirlo: ``informes`` lo cuenta junto a la meta.

Se compara lo que la meta pedía **el día en que venció** (su valor meta y su fecha límite de
entonces) con lo que pide hoy, no cada cambio por separado: «de 60 % a 50 % y después a 56 %» es
un cambio de 60 % a 56 %, y un valor que no se pudo leer en medio no borra nada.

Lee los cambios a metas que juntó ``ajustes.ajustes_del_ciclo`` (los de cada commit desde el
inicio de clases, con sus valores crudos; también los posteriores al ciclo o a la fecha del
informe: la Ruta de hoy ya los tiene) y las series de mediciones de cada meta antes y después
de cada commit (``Diferencia.series``), no git otra vez.

Una meta que venció antes del commit más antiguo de la Ruta no se compara (no hay versión de
ese día), pero tampoco se puede dar por verificada: ``vencidas_antes_de_git`` las dice, e
``informes`` cuenta que la medición que juzga una lograda se registró en git después de su
fecha límite.
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
    de: date | None = None   # una medición (``campo`` «medicion» o «resultado»): el día que midió
    # ``campo`` «resultado»: otra medición juzga hoy la meta. ``antes`` y ``despues`` son los
    # valores que la juzgaban al vencer y hoy; ``de_antes``, el día de la de antes (``None``:
    # no tenía ninguna hasta su fecha límite); ``como``, qué le pasó a la bitácora
    # («fecha», «nueva», «quitada», «orden»), y ``fecha_escrita``, con «fecha», la que tenía.
    de_antes: date | None = None
    como: str | None = None
    fecha_escrita: date | None = None


def cambios_tardios(de_metas: list, ruta, de_mediciones=(), de_series=(),
                    desde: date | None = None) -> dict[str, list[CambioTardio]]:
    """``{id de meta: [CambioTardio]}`` (a lo más uno por campo, la fecha límite primero, uno
    por medición y uno por el resultado que la juzga), de ``de_metas`` (``[(día, Cambio)]`` de
    git, en orden de fecha: ``AjustesDelCiclo.de_metas``), ``de_mediciones`` (``[(día, fecha de
    la medición, meta, antes, después)]``: ``AjustesDelCiclo.de_mediciones``) y ``de_series``
    (``[(día, meta, serie de antes, serie de después)]``: ``AjustesDelCiclo.de_series``);
    ``ruta``, la Ruta de hoy; ``desde``, el día del commit más antiguo de la Ruta
    (``AjustesDelCiclo.desde``). Solo los que dejan la meta más fácil (o su resultado mejor) que
    al vencer."""
    metas = {m.id: m for m in ruta.metas if m.id}
    hoy_se_llama = _renombres(de_metas)
    por_meta = _campos_por_meta(de_metas, metas, hoy_se_llama)
    por_medicion: dict[str, list] = {}
    for dia, fecha, meta, antes, despues in de_mediciones:
        meta = hoy_se_llama.get(meta, meta)
        if meta in metas:
            por_medicion.setdefault(meta, []).append((dia, fecha, antes, despues))
    por_serie: dict[str, list] = {}
    for dia, meta, antes, despues in de_series:
        meta = hoy_se_llama.get(meta, meta)
        if meta in metas:
            por_serie.setdefault(meta, []).append((dia, antes, despues))
    tardios = {}
    for id_ in sorted(set(por_meta) | set(por_medicion) | set(por_serie)):
        hallados = _de_una_meta(metas[id_], por_meta.get(id_, []), por_medicion.get(id_, []),
                                por_serie.get(id_, []), desde)
        if hallados:
            tardios[id_] = hallados
    return tardios


def vencidas_antes_de_git(de_metas: list, ruta, desde: date | None) -> dict[str, date]:
    """``{id de meta: fecha límite al vencer}`` de las metas que vencieron antes del commit más
    antiguo de la Ruta (``desde``, ``AjustesDelCiclo.desde``): ninguna versión de git es de ese
    día o de antes, así que lo que la juzga (la medición hasta su fecha límite) se registró en
    git después de ella, y git no puede confirmar que se anotó a tiempo. ``informes`` lo dice
    de una meta lograda en vez de darla por verificada."""
    if desde is None:
        return {}
    metas = {m.id: m for m in ruta.metas if m.id}
    por_meta = _campos_por_meta(de_metas, metas, _renombres(de_metas))
    vencidas = {}
    for id_, meta in metas.items():
        limite = _vencio(por_meta.get(id_, []), meta.fecha_limite)
        if limite is not None and limite < desde:
            vencidas[id_] = limite
    return vencidas


def _campos_por_meta(de_metas: list, metas: dict, hoy_se_llama: dict) -> dict[str, list]:
    """``{id de hoy: [(día, CampoCambiado)]}`` de los campos de ``CAMPOS``, en orden."""
    por_meta: dict[str, list] = {}
    for dia, c in de_metas:
        id_ = hoy_se_llama.get(c.id, c.id)
        if c.tipo == "cambiado" and id_ in metas:
            por_meta.setdefault(id_, []).extend(
                (dia, campo) for campo in c.campos if campo.campo in CAMPOS)
    return por_meta


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


def _de_una_meta(meta, cambios: list, mediciones: list, series=(),
                 desde: date | None = None) -> list[CambioTardio]:
    """Los cambios tardíos de una meta: ``cambios``, ``[(día, CampoCambiado)]`` en orden,
    ``mediciones``, ``[(día, fecha, antes, después)]`` en orden, y ``series``, ``[(día, serie
    de antes, serie de después)]`` en orden."""
    limite = _vencio(cambios, meta.fecha_limite)
    if limite is None:
        return []
    hallados = _mediciones_tardias(meta, mediciones, limite)
    # Qué medición la juzgaba al vencer solo lo dice una versión de ese día o de antes: una Ruta
    # que entró a git después (escrita de una vez al cierre, como un ejemplo) no tiene con qué
    # comparar, y cada medición que se le fue agregando parecería «agregada tarde».
    if desde is not None and desde <= limite:
        hallados += _resultado_tardio(meta, series, limite, hallados)
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


def _resultado_tardio(meta, series: list, limite: date, hallados: list) -> list[CambioTardio]:
    """Otra medición juzga hoy la meta, y con un resultado mejor que la que la juzgaba al
    vencer: la serie de antes del primer commit que, después de la fecha límite, cambió la
    medición que la juzga, contra la de después del último. Si lo único que cambió fue el valor
    de la misma medición, ya lo dice ``_mediciones_tardias``."""
    # Solo los commits que cambiaron la que la juzga: uno que agregó una medición del 30 jun
    # (que no cuenta) no es el que después le puso el 19 jun.
    tarde = [(dia, a, d) for dia, a, d in series
             if dia > limite and _la_que_juzga(a, limite) != _la_que_juzga(d, limite)]
    if not tarde:
        return []
    vieja, nueva = tarde[0][1], tarde[-1][2]
    antes, ahora = _la_que_juzga(vieja, limite), _la_que_juzga(nueva, limite)
    if ahora is None or not (antes is None or _mejor(meta, antes[1], ahora[1])):
        return []
    if antes is not None and antes[0] == ahora[0] and any(
            h.campo == "medicion" and h.de == ahora[0] and h.despues == ahora[1] for h in hallados):
        return []
    como, escrita = _como(vieja, nueva, antes, ahora, limite)
    return [CambioTardio(meta.id, "resultado", antes[1] if antes else None, ahora[1], "", "",
                         limite, tarde[0][0], tarde[-1][0], de=ahora[0],
                         de_antes=antes[0] if antes else None, como=como, fecha_escrita=escrita)]


def _la_que_juzga(serie, limite: date) -> tuple | None:
    """La medición que juzga la meta: la última hasta su fecha límite (``vistas.avance_meta``)."""
    hasta = [p for p in serie if p[0] <= limite]
    return hasta[-1] if hasta else None


def _como(vieja, nueva, antes, ahora, limite: date) -> tuple[str, date | None]:
    """Qué le pasó a la bitácora para que juzgue ``ahora`` y no ``antes``: («orden», None) si
    el mismo día tiene las mismas mediciones en otro orden; («fecha», la que tenía) si la de
    ``ahora`` estaba con una fecha posterior a la fecha límite; («quitada», None) si ya estaba
    (se quitó la que juzgaba); («nueva», None) si no estaba."""
    dia, valor = ahora
    if antes is not None and antes[0] == dia and \
            sorted(v for f, v in vieja if f == dia) == sorted(v for f, v in nueva if f == dia):
        return "orden", None
    if ahora in vieja:
        return "quitada", None
    movida = [f for f, v in vieja if v == valor and f > limite and (f, v) not in nueva]
    return ("fecha", movida[0]) if movida else ("nueva", None)


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
