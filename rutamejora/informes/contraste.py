"""Lo que el balance del CTE dice de sus metas, contra lo que registra la Ruta.

La rendición de cuentas cita tal cual el balance de la evaluación final («Balance: 8 de 9 metas
alcanzadas; …»). Si el texto no cuadra con las mediciones (se escribió antes de la última, se
copió del ciclo anterior, se contó mal), el informe diría a las familias algo que los registros
no sostienen, con la voz del Consejo. Aquí se leen las cuentas de metas logradas que el balance
afirma y ``secciones_evaluacion`` las compara con el estado de cada meta a la fecha de esa
evaluación: la rendición pone junto al balance lo que dicen los registros cuando no coinciden.

Solo cuentas de metas logradas, que la Ruta puede verificar. Una cuenta negada o a medias («8 de
9 metas no se alcanzaron», «no se lograron 2 de 9 metas», «1 de 9 parcialmente alcanzada»), o de
lo que falta («queda 1 de 9 metas por alcanzar»), no se juzga; tampoco una cuenta de una parte
(«en lectura, 2 de 3 metas», «el 100 % de las metas de lectura»): quien compara solo juzga la que
habla de todas las metas o de las de un ciclo. Cada cuenta lleva el ciclo de la Ruta que nombra
su oración («en 2025-2026 se alcanzaron 4 de 4 metas», «este ciclo»), para compararla solo con
las metas de ese ciclo; la de una oración que habla de otro ciclo («8 de 9 metas del ciclo
pasado», «una más que el ciclo pasado (8 de 9 metas)») no se lee, con verbo o sin él.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from rutamejora.catalogos import normalizar
from rutamejora.nucleo.expresiones import compilar

_EN_LETRA = {"cero": 0, "una": 1, "uno": 1, "dos": 2, "tres": 3, "cuatro": 4, "cinco": 5,
             "seis": 6, "siete": 7, "ocho": 8, "nueve": 9, "diez": 10, "once": 11, "doce": 12,
             "trece": 13, "catorce": 14, "quince": 15, "dieciseis": 16, "diecisiete": 17,
             "dieciocho": 18, "diecinueve": 19, "veinte": 20}
_NUMERO = "(?:\\d{1,3}|" + "|".join(sorted(_EN_LETRA, key=len, reverse=True)) + ")"
_N, _M = f"(?P<n>{_NUMERO})", f"(?P<m>{_NUMERO})"
# «alcanzadas», «se lograron», «logramos», «se cumplió»: lo que ya se logró, no «por alcanzar»,
# «alcanzables» ni «cumplimiento».
_LOGRO = (r"(?:alcanz(?:ad[oa]s?|aron|amos|o)|logr(?:ad[oa]s?|aron|amos|o)"
          r"|cumpl(?:id[oa]s?|ieron|imos|io))(?![a-z])")
_DE_LAS = r"_de_(?:las_|sus_|nuestras_)?"
_SUYAS = r"(?:las|sus|nuestras)_"
# «el 100 % de las metas», «la totalidad de nuestras metas»: todas, dicho de otro modo.
_EL_TOTAL = r"(?:el_100_?%|la_totalidad)_de_" + _SUYAS
# Sobre el texto normalizado (``catalogos.normalizar``: minúsculas, sin acentos, ``_`` entre
# palabras; los signos se quedan pegados a su palabra). Cada forma con la cuenta que da.
_FORMAS = [compilar(r"(?<![a-z0-9])" + patron) for patron in (
    # «8 de 9 metas alcanzadas», «8 de las 9 metas se lograron» (no «… alcanzaron el 50 %»)
    _N + _DE_LAS + _M + r"_metas(?P<entre>(?:_[a-z]+){0,2}?)_" + _LOGRO
    + r"(?!_(?:el|la|los|las|un|una|su|sus|\d))",
    # «se alcanzaron 8 de las 9 metas», «logramos ocho de nueve metas»
    r"(?:se_)?" + _LOGRO + "_" + _N + _DE_LAS + _M + r"_metas(?![a-z])",
    # «de las 9 metas, 8 se lograron»
    r"de_las_" + _M + r"_metas,?_" + _N + r"_(?:se_|fueron_)?" + _LOGRO,
    # «metas alcanzadas: 8 de 9», «metas alcanzadas: 8/9»
    r"metas_" + _LOGRO + r":?_" + _N + r"(?:" + _DE_LAS + r"|/)" + _M + r"(?![a-z0-9])",
    # «9/9 metas alcanzadas», «9 metas alcanzadas de 9», «de las 9 metas se alcanzaron las 9»
    _N + r"/" + _M + r"_metas(?P<entre>(?:_[a-z]+){0,2}?)_" + _LOGRO,
    _N + r"_metas_" + _LOGRO + r"_de_" + _M + r"(?![a-z0-9])",
    r"de_las_" + _M + r"_metas,?_(?:se_)?" + _LOGRO + r"_las_" + _N + r"(?![a-z0-9])",
    # «cumplimos 9 metas de 9», «se alcanzaron 8 metas de las 9», «8 metas de las 9 se lograron»
    r"(?:se_)?" + _LOGRO + "_" + _N + r"_metas" + _DE_LAS + _M + r"(?![a-z0-9])",
    _N + r"_metas" + _DE_LAS + _M + r"_(?:se_|fueron_)?" + _LOGRO,
    # «todas las metas se cumplieron», «se alcanzaron todas nuestras metas», «se lograron las
    # nueve metas», «las 9 metas se alcanzaron» (no «8 de las 9 metas se lograron»)
    r"todas_" + _SUYAS + r"(?:" + _M + r"_)?metas_(?:se_|fueron_)?" + _LOGRO,
    r"(?:se_)?" + _LOGRO + r"_todas_" + _SUYAS + r"(?:" + _M + r"_)?metas(?![a-z])",
    r"(?:se_)?" + _LOGRO + r"_las_" + _M + r"_metas(?![a-z])",
    r"(?<!de_)las_" + _M + r"_metas_(?:se_|fueron_)?" + _LOGRO,
    # «alcanzamos el 100 % de las metas», «la totalidad de las metas se cumplió»
    r"(?:se_)?" + _LOGRO + "_" + _EL_TOTAL + r"(?:" + _M + r"_)?metas(?![a-z])",
    _EL_TOTAL + r"(?:" + _M + r"_)?metas_(?:se_|fue_|fueron_)?" + _LOGRO,
    # «ninguna meta se alcanzó», «no se logró ninguna meta»
    r"ninguna_(?:de_las_)?metas?_(?:se_|fue_)?" + _LOGRO,
    r"(?:se_)?" + _LOGRO + r"_ninguna_(?:de_las_)?metas?(?![a-z])",
)]
# Lo que entre «metas» y el verbo dice que no se logró del todo («8 de 9 metas no se
# alcanzaron», «1 de 9 metas parcialmente alcanzada», «casi alcanzadas»).
_NEGACION = frozenset({"no", "ni", "sin", "nunca", "tampoco", "parcialmente", "casi", "apenas"})
# Una cuenta con «no» justo antes («no se lograron 2 de 9 metas», «ni siquiera 2 de 9 metas…»)
# o que se queda cerca («casi todas», «prácticamente todas las metas se alcanzaron»).
_NEGADA_ANTES = compilar(r"(?:^|_)(?:no|ni|sin|nunca|tampoco|siquiera|casi|practicamente)_$")


# El ciclo que se evalúa, cuando la oración de la cuenta dice «este ciclo» (quien compara sabe
# cuál es); ``_OTRO``, uno que no es de la Ruta («el ciclo pasado», «en 2023-2024»).
ESTE_CICLO = "este ciclo"
_OTRO = "otro"


@dataclass(frozen=True)
class Cuenta:
    """Una cuenta de metas logradas que afirma un texto: ``logradas`` de ``total`` (``total``
    es ``None`` si no lo dice; ``todas`` si dice que todas, sin número). ``ciclo``: el ciclo de
    la Ruta que nombra su oración («en 2025-2026», «del ciclo 2025-2026») o ``ESTE_CICLO``;
    ``None`` si no nombra ninguno. No entra en la igualdad: dice de qué metas habla la cuenta,
    no cuántas cuenta."""

    logradas: int | None
    total: int | None
    todas: bool = False
    ciclo: str | None = field(default=None, compare=False)


def _numero(palabra: str | None) -> int | None:
    if palabra is None:
        return None
    return int(palabra) if palabra.isdigit() else _EN_LETRA[palabra]


# Un tiempo que nombra el texto: otro ciclo («el ciclo pasado», «el año anterior»), el que se
# evalúa («este ciclo», «el ciclo actual») o uno dicho con sus años («2024-2025», «2024/25»).
# Otro tiempo también es el que viene («el próximo ciclo»), el de hace un tiempo («hace un año»),
# un momento anterior del ciclo («en la revisión de marzo», «se habían logrado…») o un año solo,
# dicho como tiempo («en 2024»), que no es de los ciclos de la Ruta; no «el Plan de Estudio 2022»,
# «la revisión de evidencias» ni «como habíamos acordado».
_TIEMPO = (r"(?<![a-z])(?P<otro>(?:ciclos?|anos?|cursos?)_(?:escolar_|escolares_)?(?:pasados?|anteriores?"
           r"|proximo|siguiente|que_viene)"
           r"|(?:pasado|anterior|proximo|siguiente)_(?:ciclo|ano|curso)|hace_(?:un|una|dos|tres|[0-9]+)_"
           r"(?:ano|anos|ciclo|ciclos|mes|meses)"
           r"|(?:se_habian|se_habia|habiamos|habian)_(?:logrado|alcanzado|cumplido|realizado|concluido)"
           r"|revision_intermedia|evaluacion_intermedia|corte_intermedio"
           r"|(?:revision|corte|evaluacion)_de_(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto"
           r"|septiembre|octubre|noviembre|diciembre))(?![a-z])"
           r"|(?<![a-z])(?P<este>(?:este|presente)_(?:ciclo|ano|curso)"
           r"|(?:ciclo|ano|curso)_(?:escolar_)?actual)(?![a-z])"
           r"|(?<![0-9])(?P<desde>20\d\d)[/_–](?P<hasta>(?:20)?\d\d)(?![0-9])"
           r"|(?<![a-z])en_(?P<ano>20\d\d)(?![0-9])(?![/_–]\d)")
_TIEMPOS = compilar(_TIEMPO)
# El tiempo dicho justo después de la cuenta: «8 de 9 metas del ciclo pasado», «4 de 4 metas
# en 2025-2026», «… de este ciclo».
_TIEMPO_DESPUES = compilar(r"_(?:(?:de|del|en|durante|para)_)?(?:(?:el|la)_)?(?:(?:ciclo|ano|curso)_"
                           r"(?:escolar_)?)?(?:" + _TIEMPO + ")")
_FIN_DE_ORACION = compilar(r"[.;:](?:_|$)")
# «8 de 9 metas», «8 metas de las 9» sin verbo: sola no se juzga, pero si cuadra, el balance
# cuenta bien.
_SUELTAS = [compilar(r"(?<![a-z0-9])" + patron) for patron in (
    _N + r"(?:" + _DE_LAS + r"|/)" + _M + r"_metas(?![a-z])",
    _N + r"_metas" + _DE_LAS + _M + r"(?![a-z0-9])",
)]


def _cual(m, ciclos) -> str | None:
    """Qué tiempo es la mención ``m`` de ``_TIEMPO``: ``_OTRO``, ``ESTE_CICLO``, un ciclo de
    ``ciclos`` o ``None`` (todo el horizonte de la Ruta, «el PEMC 2024-2026»)."""
    if m.group("otro"):
        return _OTRO
    if m.group("este"):
        return ESTE_CICLO
    if m.group("ano"):
        # Un año solo: de la Ruta si es de uno de sus ciclos («en 2026»), si no, de otro tiempo.
        return None if any(m.group("ano") in c for c in ciclos) else _OTRO
    desde, hasta = m.group("desde"), m.group("hasta")[-2:]
    if int(hasta) == (int(desde) + 1) % 100:
        ciclo = f"{desde}-{desde[:2]}{hasta}"
        return ciclo if ciclo in ciclos else _OTRO
    if ciclos and desde == ciclos[0][:4] and hasta == ciclos[-1][-2:]:
        return None
    # Dos años que no son un ciclo ni el horizonte: de otro plan (o no son años); no se juzga.
    return _OTRO


def _tiempo_de(normal: str, inicio: int, fin: int, ciclos) -> str | None:
    """De qué tiempo habla la cuenta ``normal[inicio:fin]``: el que la sigue («8 de 9 metas
    del ciclo pasado») o, si no, el último que nombra su oración antes de ella («en 2025-2026
    se alcanzaron…», «una más que el ciclo pasado (8 de 9 metas)»; en «el ciclo pasado, 5 de 9;
    este ciclo, 8 de 9», el de la segunda es este). ``None`` si no nombra ninguno."""
    despues = _TIEMPO_DESPUES.match(normal, fin)
    if despues:
        return _cual(despues, ciclos)
    desde = max((m.end() for m in _FIN_DE_ORACION.finditer(normal, 0, inicio)), default=0)
    tiempo = None
    for m in _TIEMPOS.finditer(normal, desde, inicio):
        tiempo = _cual(m, ciclos)
    return tiempo


def cuentas_sueltas(texto: str | None, ciclos=()) -> list[Cuenta]:
    """Las cuentas «N de M metas» de ``texto``, con verbo o sin él (para saber si alguna
    cuadra); sin las de una oración que habla de otro ciclo que los de ``ciclos``: la del ciclo
    pasado no dice que el balance de este cuente bien."""
    normal = normalizar(texto or "")
    cuentas = []
    for suelta in _SUELTAS:
        for m in suelta.finditer(normal):
            tiempo = _tiempo_de(normal, m.start(), m.end(), ciclos)
            if tiempo != _OTRO:
                cuentas.append(Cuenta(_numero(m.group("n")), _numero(m.group("m")), ciclo=tiempo))
    return cuentas


def cuentas_de_metas(texto: str | None, ciclos=()) -> list[Cuenta]:
    """Las cuentas de metas logradas que afirma ``texto``, en el orden en que las dice, cada una
    con el ciclo que nombra; sin las de una oración que habla de otro ciclo que los de
    ``ciclos`` (los de la Ruta)."""
    if not texto:
        return []
    normal = normalizar(texto)
    halladas: list[tuple[int, Cuenta]] = []
    for forma in _FORMAS:
        for m in forma.finditer(normal):
            tiempo = _tiempo_de(normal, m.start(), m.end(), ciclos)
            if tiempo == _OTRO or _negada(normal, m) or _a_medias_o_de_una_parte(normal, m):
                continue
            halladas.append((m.start(), cuenta_de(m, tiempo, Cuenta)))
    return [cuenta for _, cuenta in sorted(halladas, key=lambda par: par[0])]


def _negada(normal: str, m) -> bool:
    """Si la cuenta está negada («no se lograron 2 de 9 metas», «8 de 9 metas no se
    alcanzaron»). «No se logró ninguna meta» es cero (la doble negación del español)."""
    negada = _NEGADA_ANTES.search(normal, max(0, m.start() - 16), m.start()) or \
        _NEGACION.intersection((m.groupdict().get("entre") or "").split("_"))
    return bool(negada) and "ninguna" not in m.group()


# Lo que, justo después de la cuenta, dice que fue a medias o con excepciones («se alcanzaron
# parcialmente», «en su mayoría», «salvo la de asistencia», «excepto una», «menos una»).
_A_MEDIAS = frozenset({"parcialmente", "casi", "salvo", "excepto", "menos", "excepcion", "mayoria",
                       "medias", "parte", "mayor"})
# Lo que puede seguir a «metas de»/«metas del» sin ser una parte de ellas: «metas del ciclo»,
# «de la Ruta», «del PEMC», «de este año», «de 2025-2026», «8 metas de las 9»; tras la cuenta,
# también «en tiempo», «en total».
_NO_ES_PARTE = (r"(?:(?:este|el|la|nuestro|nuestra|su)_)?(?:ciclo|ruta|pemc|pmc|plan|programa|ano"
                r"|curso|escuela|tiempo|total|totalidad)(?![a-z])|(?:(?:las|sus|nuestras)_)?" + _NUMERO
                + r"(?![a-z0-9])|20\d\d")
# «metas de lectura», «metas de la prioridad 1», «meta de asistencia»: de una parte.
_DE_UNA_PARTE = compilar(r"_metas?_(?:de|del)_(?!" + _NO_ES_PARTE + ")")
# Justo después de la cuenta: «8 metas de las 9 de lectura», «todas las metas en lectura»,
# «el 100 % de las metas programadas para el primer periodo».
_PARTE_DESPUES = compilar(r"(?:_[a-z]+[td][oa]s)?_(?:de|del|en|para)_(?!" + _NO_ES_PARTE + ")")


def cuenta_de(m, tiempo, clase):
    """La cuenta que dice la coincidencia ``m`` de una de las formas (``Cuenta`` o
    ``contraste_acciones.CuentaDeAcciones``): «8 de 9» (``n`` y ``m``), «ninguna» o «todas»."""
    grupos = m.groupdict()
    if "n" in grupos:
        return clase(_numero(grupos["n"]), _numero(grupos.get("m")), ciclo=tiempo)
    if "ninguna" in m.group():
        return clase(0, None, ciclo=tiempo)
    total = _numero(grupos.get("m"))  # «todas las metas», «el 100 % de las metas»
    return clase(total, total, todas=True, ciclo=tiempo)


def _a_medias_o_de_una_parte(normal: str, m) -> bool:
    """Si la cuenta dice de qué parte de las metas habla («todas las metas de lectura») o la
    siguen palabras que la dejan a medias («se alcanzaron parcialmente», «salvo la de
    asistencia»): no se juzga (``secciones_evaluacion`` la compararía con todas las metas)."""
    tramo = normal[m.start():m.end() + 12]
    if _DE_UNA_PARTE.search(tramo) or _PARTE_DESPUES.match(normal, m.end()):
        return True
    siguientes = normal[m.end():m.end() + 60].split("_")[:6]
    if not _A_MEDIAS.isdisjoint(p.strip(".,;:()") for p in siguientes):
        return True
    # La excepción también puede ir antes, en la misma oración: «Salvo M1, alcanzamos el 100 % de
    # las metas», «Sin contar M1, se cumplió la totalidad de las metas».
    antes = _FIN_DE_ORACION.split(normal[max(0, m.start() - 80):m.start()])[-1]  # la misma oración
    return bool(_EXCEPCION_ANTES.search(antes))


_EXCEPCION_ANTES = compilar(r"(?:^|_)(?:salvo|excepto|excepcion|sin_contar|fuera_de)(?:_|$)")


def cuadra(cuenta: Cuenta, logradas: int, total: int) -> bool:
    """Si ``cuenta`` dice lo mismo que ``logradas`` de ``total`` metas."""
    if cuenta.todas:
        return logradas == total and cuenta.total in (None, total)
    return cuenta.logradas == logradas and cuenta.total in (None, total)


__all__ = ["ESTE_CICLO", "Cuenta", "cuentas_de_metas", "cuentas_sueltas", "cuadra"]
