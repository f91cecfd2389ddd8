"""Lo que el balance del CTE dice de sus acciones y de sus comprobantes, contra los registros.

Como con las metas (``contraste``): la rendición cita tal cual el balance de la evaluación final
(«17 acciones realizadas, 1 reprogramada y después realizada (A17) y 1 cancelada (A10). … Todos
los gastos tienen comprobante.»), y si el texto no cuadra con la bitácora (una acción que quedó
en curso, un comprobante que quedó «pendiente»), el informe diría a las familias, con la voz del
Consejo, algo que los registros no sostienen. Aquí se lee lo que el balance afirma;
``secciones_evaluacion`` lo compara con los registros a la fecha de esa evaluación.

- ``cuentas_de_acciones``: cuántas acciones se realizaron («se realizaron 18 de 19 acciones»,
  «18/19 acciones realizadas», «todas las acciones se realizaron», «17 acciones realizadas»).
  Lo que sigue a la cuenta en su oración puede sumar otras: «17 acciones realizadas, 1
  reprogramada y después realizada (A17) y 1 cancelada (A10)» dice 18. Si lo que sigue no se sabe
  leer («1 reprogramada», sin decir si se hizo; «2 de ellas con retraso»; «y la A17 también»), o
  suma realizadas a una cuenta que ya dice su total, la cuenta no se juzga.
- ``afirma_comprobantes``: «todos los gastos tienen comprobante», «todos los gastos están
  comprobados», «ningún gasto quedó sin comprobante».

Como en ``contraste``, no se juzga lo negado, a medias, con excepciones, aproximado o de una parte
(«no todas las acciones se realizaron», «casi todas», «más de 17», «todas las acciones de
lectura», «todos los gastos de la APF», «salvo el de A4»), ni lo de una oración que habla de otro
ciclo («el ciclo pasado se realizaron 15 de 19 acciones»).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rutamejora.catalogos import normalizar
from rutamejora.informes.contraste import (_A_MEDIAS, _DE_LAS, _EL_TOTAL, _NEGACION, _NO_ES_PARTE,
                                           _NUMERO, _OTRO, _PARTE_DESPUES, _SUYAS, _numero,
                                           _tiempo_de, cuenta_de)
from rutamejora.nucleo.expresiones import compilar

# El fin de una oración o de una cláusula («.», «;», «:» seguidos de espacio o al final): el punto
# de «$250.00» o de «2.5» no lo es. Propio de este módulo: lo que sigue a una cuenta se lee hasta
# aquí.
_FIN_DE_ORACION = compilar(r"[.;:](?:_|$)")
# Una excepción antes de la afirmación, en su misma oración: «Salvo la A10, se realizaron todas
# las acciones», «Sin contar el de A4, todos los gastos tienen comprobante».
_EXCEPCION_ANTES = compilar(r"(?:^|_)(?:salvo|excepto|excepcion|sin_contar|fuera_de|menos)(?:_|$)")

_N, _M = f"(?P<n>{_NUMERO})", f"(?P<m>{_NUMERO})"
# «realizadas», «se realizaron», «concluimos», «se llevaron a cabo»: lo que ya se hizo, no «por
# realizar», «realizables» ni «realización».
_REALIZADA = (r"(?:realiz(?:ad[oa]s?|aron|amos|o)|conclu(?:id[oa]s?|yeron|imos|yo)"
              r"|termin(?:ad[oa]s?|aron|amos|o)|cumpl(?:id[oa]s?|ieron|imos|io)"
              r"|llev(?:ad[oa]s?|aron|amos|o)_a_cabo)(?![a-z])")
_SE = r"(?:se_|fueron_)?"
# Una cuenta sin total («17 acciones realizadas») no es la segunda cifra de otra («18 de 19
# acciones», «18/19 acciones», «las 19 acciones») ni una aproximación («más de 17»).
_SOLA = r"(?<!de_)(?<!las_)(?<!sus_)(?<!/)"
# Sobre el texto normalizado (``catalogos.normalizar``), como las formas de ``contraste``.
_FORMAS = [compilar(r"(?<![a-z0-9/])" + patron) for patron in (
    # «18 de 19 acciones realizadas», «18 de las 19 acciones se realizaron»
    _N + _DE_LAS + _M + r"_acciones(?P<entre>(?:_[a-z]+){0,2}?)_" + _REALIZADA
    + r"(?!_(?:el|la|los|las|un|una|su|sus|\d))",
    # «se realizaron 18 de las 19 acciones», «de las 19 acciones, 18 se realizaron»
    r"(?:se_)?" + _REALIZADA + "_" + _N + _DE_LAS + _M + r"_acciones(?![a-z])",
    r"de_las_" + _M + r"_acciones,?_" + _N + "_" + _SE + _REALIZADA,
    # «acciones realizadas: 18 de 19», «acciones realizadas: 18/19», «18/19 acciones realizadas»
    r"acciones_" + _REALIZADA + r":?_" + _N + r"(?:" + _DE_LAS + r"|/)" + _M + r"(?![a-z0-9])",
    _N + r"/" + _M + r"_acciones(?P<entre>(?:_[a-z]+){0,2}?)_" + _REALIZADA,
    # «acciones: 18 de 19 realizadas», «18 acciones realizadas de 19», «realizamos 18 acciones de
    # las 19», «18 acciones de las 19 se realizaron»
    r"acciones:_" + _N + r"(?:" + _DE_LAS + r"|/)" + _M + "_" + _SE + _REALIZADA,
    _N + r"_acciones_" + _REALIZADA + _DE_LAS + _M + r"(?![a-z0-9])",
    r"(?:se_)?" + _REALIZADA + "_" + _N + r"_acciones" + _DE_LAS + _M + r"(?![a-z0-9])",
    _N + r"_acciones" + _DE_LAS + _M + "_" + _SE + _REALIZADA,
    # Sin total: «17 acciones realizadas», «se realizaron 17 acciones», «acciones: 17 realizadas»,
    # «acciones realizadas: 17»
    _SOLA + _N + r"_acciones_" + _SE + _REALIZADA + r"(?!_de_)",
    r"(?:se_)?" + _REALIZADA + "_" + _N + r"_acciones(?![a-z])(?!_de_)",
    r"acciones:_" + _N + "_" + _SE + _REALIZADA,
    r"acciones_" + _REALIZADA + r":_" + _N + r"(?![a-z0-9/])(?!_de_)",
    # «todas las acciones se realizaron», «se realizaron todas nuestras acciones», «se realizaron
    # las 19 acciones», «las 19 acciones se realizaron», «el 100 % de las acciones se realizó»
    r"todas_" + _SUYAS + r"(?:" + _M + r"_)?acciones_" + _SE + _REALIZADA,
    r"(?:se_)?" + _REALIZADA + r"_todas_" + _SUYAS + r"(?:" + _M + r"_)?acciones(?![a-z])",
    r"(?:se_)?" + _REALIZADA + r"_las_" + _M + r"_acciones(?![a-z])",
    r"(?<!de_)las_" + _M + r"_acciones_" + _SE + _REALIZADA,
    r"(?:se_)?" + _REALIZADA + "_" + _EL_TOTAL + r"(?:" + _M + r"_)?acciones(?![a-z])",
    _EL_TOTAL + r"(?:" + _M + r"_)?acciones_(?:se_|fue_|fueron_)?" + _REALIZADA,
    # «ninguna acción se realizó», «no se realizó ninguna acción»
    r"ninguna_(?:de_las_)?acci(?:on|ones)_(?:se_|fue_)?" + _REALIZADA,
    r"(?:se_)?" + _REALIZADA + r"_ninguna_(?:de_las_)?acci(?:on|ones)(?![a-z])",
)]
# Justo antes de la cuenta: negada o aproximada («no se realizaron…», «casi todas», «más de 17»,
# «al menos 17», «unas 17»).
_NEGADA_ANTES = compilar(r"(?:^|_)(?:no|ni|sin|nunca|tampoco|siquiera|casi|practicamente|mas|menos"
                         r"|unas|aproximadamente|alrededor|cerca|hasta)_$")
# «acciones de lectura», «acción de la prioridad 1»: de una parte.
_DE_UNA_PARTE = compilar(r"_acci(?:on|ones)_(?:de|del)_(?!" + _NO_ES_PARTE + ")")
# «18 de 19 acciones», «18/19 acciones» sin verbo: sola no se juzga, pero si cuadra, el balance
# cuenta bien.
_SUELTAS = [compilar(r"(?<![a-z0-9/])" + patron) for patron in (
    _N + r"(?:" + _DE_LAS + r"|/)" + _M + r"_acciones(?![a-z])",
    _N + r"_acciones" + _DE_LAS + _M + r"(?![a-z0-9])",
)]
_FIN_O_PREGUNTA = compilar(r"\?|[.;:!](?:_|$)")
# Lo que sigue a la cuenta en su oración: cada cifra abre un tramo («1 reprogramada y después
# realizada (A17) y», «1 cancelada (A10)»).
_CIFRA = compilar(r"(?<![a-z0-9/])" + _NUMERO + r"(?![a-z0-9/])")
_REALIZADA_SOLA = compilar(r"(?<![a-z])" + _REALIZADA)
# Un tramo que dice que no se hizo: cancelada, en curso, pendiente, «sin realizar», «no se
# realizó», «no se ha concluido».
_NO_REALIZADA = compilar(r"(?<![a-z])(?:cancel|suspend|pospuest|pendiente|inconclus|en_curso"
                         r"|en_proceso|sin_(?:realizar|iniciar|concluir|terminar|empezar)"
                         r"|por_(?:realizar|iniciar|concluir|terminar)"
                         r"|no_(?:se_)?(?:ha_|han_|fue_|fueron_)?(?:realiz|conclu|termin|inici|llev|cumpl))"
                         r"[a-z]*")
# Lo que puede seguir a la cifra de un tramo que habla de acciones («1 cancelada», «2 más en
# curso», «1 acción reprogramada», «1 que se canceló»); «2 talleres realizados» no se sabe si son
# acciones de la Ruta.
_DE_ACCIONES = compilar(r"_(?:(?:acci(?:on|ones)|mas|se|fue|fueron|quedo|quedaron|que|ya|tambien|en"
                        r"|sin|por|no|pendientes?)(?![a-z])|realiz|conclu|termin|cumpl|llev|reprogram"
                        r"|reagend|cancel|suspend|pospuest|aplazad|inconclus)")
# En un tramo con una realizada, lo que la deja en duda: negada o a medias («aún no realizada»,
# «parcialmente realizada»), o parte de otras («2 de ellas realizadas con retraso»).
_DUDA = _NEGACION | {"aun", "todavia", "ellas", "estas", "esas", "cuales", "medias", "parte"}
# Antes de la primera cifra: otra realizada sin cifra («y la A17 también», «más la A17»).
_OTRA_SIN_CIFRA = compilar(r"(?<![a-z0-9])(?:[a-z]+\d+|ademas|tambien|otra|otras|mas)(?![a-z0-9])")


@dataclass(frozen=True)
class CuentaDeAcciones:
    """Las acciones realizadas que afirma un texto: ``realizadas`` de ``total`` (``total`` es
    ``None`` si no lo dice; ``todas`` si dice que todas, sin número). ``ciclo``: el que nombra
    su oración (``contraste.Cuenta``), fuera de la igualdad."""

    realizadas: int | None
    total: int | None
    todas: bool = False
    ciclo: str | None = field(default=None, compare=False)


def cuentas_de_acciones(texto: str | None, ciclos=()) -> list[CuentaDeAcciones]:
    """Las cuentas de acciones realizadas que afirma ``texto``, en el orden en que las dice, con
    lo que suma lo que las sigue en su oración; sin las negadas, a medias, de una parte, de otro
    ciclo que los de ``ciclos`` o seguidas de algo que no se sabe leer."""
    if not texto:
        return []
    normal = normalizar(texto)
    halladas: list[tuple[int, CuentaDeAcciones]] = []
    for forma in _FORMAS:
        for m in forma.finditer(normal):
            tiempo = _tiempo_de(normal, m.start(), m.end(), ciclos)
            if tiempo == _OTRO or _negada(normal, m) or _es_pregunta(normal, m.end()) \
                    or _a_medias_o_de_una_parte(normal, m):
                continue
            mas = _lo_que_sigue(normal, m.end())
            cuenta = cuenta_de(m, tiempo, CuentaDeAcciones)
            # Sumar realizadas a una cuenta con su total («18 de 19 acciones, 1 reprogramada y
            # después realizada»): ¿estaba entre las 18 o no? No se sabe: no se juzga.
            if mas is None or (mas and (cuenta.total is not None or cuenta.todas)):
                continue
            if mas:
                cuenta = CuentaDeAcciones(cuenta.realizadas + mas, None, ciclo=tiempo)
            halladas.append((m.start(), cuenta))
    return [cuenta for _, cuenta in sorted(halladas, key=lambda par: par[0])]


def cuentas_sueltas_de_acciones(texto: str | None, ciclos=()) -> list[CuentaDeAcciones]:
    """Las cuentas «N de M acciones» de ``texto``, con verbo o sin él (para saber si alguna
    cuadra); sin las de una oración que habla de otro ciclo."""
    normal = normalizar(texto or "")
    cuentas = []
    for suelta in _SUELTAS:
        for m in suelta.finditer(normal):
            tiempo = _tiempo_de(normal, m.start(), m.end(), ciclos)
            if tiempo != _OTRO:
                cuentas.append(CuentaDeAcciones(_numero(m.group("n")), _numero(m.group("m")),
                                                ciclo=tiempo))
    return cuentas


def _negada(normal: str, m) -> bool:
    """Si la cuenta está negada o es aproximada («no se realizaron 2 de 19 acciones», «18 de 19
    acciones no se realizaron», «casi todas», «más de 17»). «No se realizó ninguna acción» es
    cero (la doble negación del español)."""
    negada = _NEGADA_ANTES.search(normal, max(0, m.start() - 16), m.start()) or \
        _NEGACION.intersection((m.groupdict().get("entre") or "").split("_"))
    return bool(negada) and "ninguna" not in m.group()


def _a_medias_o_de_una_parte(normal: str, m) -> bool:
    """Si la cuenta dice de qué parte de las acciones habla («todas las acciones de lectura»,
    «18 acciones realizadas en lectura») o la siguen palabras que la dejan a medias («salvo la de
    la feria», «se realizaron parcialmente»): no se juzga."""
    tramo = normal[m.start():m.end() + 12]
    if _DE_UNA_PARTE.search(tramo) or _PARTE_DESPUES.match(normal, m.end()):
        return True
    siguientes = normal[m.end():m.end() + 60].split("_")[:6]
    return not _A_MEDIAS.isdisjoint(p.strip(".,;:()") for p in siguientes) or _excepcion_antes(normal, m)


def _excepcion_antes(normal: str, m) -> bool:
    """Si la oración dice una excepción antes de la afirmación («Salvo la A10, …»)."""
    desde = max((f.end() for f in _FIN_DE_ORACION.finditer(normal, 0, m.start())), default=0)
    return bool(_EXCEPCION_ANTES.search(normal[max(desde, m.start() - 80):m.start()]))


def _lo_que_sigue(normal: str, fin: int) -> int | None:
    """Cuántas acciones realizadas más dice lo que sigue a la cuenta en su oración («, 1
    reprogramada y después realizada (A17) y 1 cancelada (A10)»: 1), o ``None`` si dice algo de
    otras acciones que no se sabe leer: el balance podría contarlas de otro modo."""
    corte = _FIN_DE_ORACION.search(normal, fin)
    resto = normal[fin:corte.start() if corte else len(normal)]
    cifras = list(_CIFRA.finditer(resto))
    antes = resto[:cifras[0].start()] if cifras else resto
    if _REALIZADA_SOLA.search(antes) or _OTRA_SIN_CIFRA.search(antes):
        return None
    suma = 0
    for i, cifra in enumerate(cifras):
        tramo = resto[cifra.start():cifras[i + 1].start() if i + 1 < len(cifras) else len(resto)]
        realizadas = _realizadas_del_tramo(tramo, cifra.end() - cifra.start())
        if realizadas is None:
            return None
        suma += _numero(cifra.group()) if realizadas else 0
    return suma


def _realizadas_del_tramo(tramo: str, largo: int) -> bool | None:
    """Si el tramo («1_reprogramada_y_despues_realizada_(a17)_y_», cuya cifra ocupa ``largo``)
    dice acciones realizadas (``True``), no realizadas (``False``) o no se sabe (``None``: «1
    reprogramada», «2 talleres realizados», «2 de ellas realizadas»)."""
    if not _DE_ACCIONES.match(tramo, largo):
        return None
    no_hecha = _NO_REALIZADA.search(tramo)
    hecha = _REALIZADA_SOLA.search(_NO_REALIZADA.sub("", tramo))
    if hecha:
        palabras = {p.strip(".,;:()") for p in tramo.split("_")}
        return None if no_hecha or not _DUDA.isdisjoint(palabras) else True
    return False if no_hecha else None


# --- Los comprobantes ---------------------------------------------------------------------------

# «Todos los gastos tienen (su) comprobante», «todos los gastos están comprobados», «cada gasto
# tiene su comprobante», «ningún gasto quedó sin comprobante». No «tendrán» ni «deben tener»: no
# dicen que ya lo tengan.
_TIENEN = (r"(?:tienen|tuvieron|cuentan_con|contaron_con)_(?:(?:su|sus|el|los|un|su_respectivo"
           r"|sus_respectivos)_)?comprobantes?|(?:estan|fueron|quedaron)_(?:debidamente_)?comprobados")
_COMPROBADOS = [compilar(r"(?<![a-z0-9])" + patron + r"(?![a-z])") for patron in (
    r"todos_(?:los|nuestros)_gastos_(?:(?:registrados|realizados|ejercidos)_)?(?:" + _TIENEN
    + r"|se_comprobaron)",
    r"(?:se_comprobaron|comprobamos)_todos_(?:los|nuestros)_gastos",
    r"cada_gasto_(?:tiene|tuvo|cuenta_con|conto_con)_(?:su_|un_)?comprobante",
    r"el_100_?%_de_(?:los|nuestros)_gastos_(?:" + _TIENEN + r"|tiene_(?:su_)?comprobante"
    r"|esta_comprobado)",
    r"ningun_gasto_(?:(?:quedo|esta|se_quedo)_)?sin_comprobante",
    r"no_(?:hay|quedo|quedaron|quedan)_(?:ningun_gasto|gastos)_sin_comprobantes?",
)]
# Lo que, justo después, la deja con excepciones o pendiente («salvo el de A4», «pendiente el de
# la feria», «aunque falta uno»).
_CON_EXCEPCION = _A_MEDIAS | {"pendiente", "pendientes", "falta", "faltan", "aunque", "solo"}


def afirma_comprobantes(texto: str | None, ciclos=()) -> list[str | None]:
    """El ciclo de cada afirmación de ``texto`` de que todos los gastos tienen comprobante (el
    que nombra su oración, ``contraste.ESTE_CICLO`` o ``None`` si no nombra ninguno); sin las
    negadas («no todos los gastos…», «casi todos»), con excepciones, de una parte («todos los
    gastos de la APF», «… en la carpeta de F1») o de otro ciclo."""
    normal = normalizar(texto or "")
    tiempos = []
    for forma in _COMPROBADOS:
        for m in forma.finditer(normal):
            tiempo = _tiempo_de(normal, m.start(), m.end(), ciclos)
            if tiempo != _OTRO and not _con_reservas(normal, m):
                tiempos.append(tiempo)
    return tiempos


def _con_reservas(normal: str, m) -> bool:
    """Si la afirmación está negada o es una pregunta («no todos los gastos…», «¿todos los
    gastos tienen comprobante?»), habla de una parte («… en la carpeta de F1») o la sigue en su
    oración una excepción («salvo el de A4», «aunque falta uno»), o la dice antes («Salvo el de
    A4, …»)."""
    corte = _FIN_DE_ORACION.search(normal, m.end())
    resto = normal[m.end():corte.start() if corte else len(normal)]
    siguientes = {p.strip(".,;:()?!") for p in resto.split("_")[:6]}
    return bool(_NEGADA_ANTES.search(normal, max(0, m.start() - 16), m.start())
                or _es_pregunta(normal, m.end()) or _PARTE_DESPUES.match(normal, m.end())
                or not _CON_EXCEPCION.isdisjoint(siguientes) or _excepcion_antes(normal, m))


def _es_pregunta(normal: str, fin: int) -> bool:
    """Si la oración que sigue en ``fin`` termina en «?»: «¿Se realizaron todas las acciones?»
    no afirma nada."""
    final = _FIN_O_PREGUNTA.search(normal, fin)
    return bool(final) and final.group() == "?"


__all__ = ["CuentaDeAcciones", "afirma_comprobantes", "cuentas_de_acciones",
           "cuentas_sueltas_de_acciones"]
