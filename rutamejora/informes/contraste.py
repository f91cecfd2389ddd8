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
(«en lectura, 2 de 3 metas»): quien compara solo juzga la que habla de todas las metas o de las de
un ciclo.
"""

from __future__ import annotations

from dataclasses import dataclass

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
    # «metas alcanzadas: 8 de 9»
    r"metas_" + _LOGRO + r":?_" + _N + _DE_LAS + _M + r"(?![a-z0-9])",
    # «9/9 metas alcanzadas», «9 metas alcanzadas de 9», «de las 9 metas se alcanzaron las 9»
    _N + r"/" + _M + r"_metas(?P<entre>(?:_[a-z]+){0,2}?)_" + _LOGRO,
    _N + r"_metas_" + _LOGRO + r"_de_" + _M + r"(?![a-z0-9])",
    r"de_las_" + _M + r"_metas,?_(?:se_)?" + _LOGRO + r"_las_" + _N + r"(?![a-z0-9])",
    # «todas las metas se cumplieron», «se alcanzaron todas las 9 metas», «se lograron las
    # nueve metas», «las 9 metas se alcanzaron» (no «8 de las 9 metas se lograron»)
    r"todas_las_(?:" + _M + r"_)?metas_(?:se_|fueron_)?" + _LOGRO,
    r"(?:se_)?" + _LOGRO + r"_todas_las_(?:" + _M + r"_)?metas(?![a-z])",
    r"(?:se_)?" + _LOGRO + r"_las_" + _M + r"_metas(?![a-z])",
    r"(?<!de_)las_" + _M + r"_metas_(?:se_|fueron_)?" + _LOGRO,
    # «ninguna meta se alcanzó», «no se logró ninguna meta»
    r"ninguna_(?:de_las_)?metas?_(?:se_|fue_)?" + _LOGRO,
    r"(?:se_)?" + _LOGRO + r"_ninguna_(?:de_las_)?metas?(?![a-z])",
)]
# Lo que entre «metas» y el verbo dice que no se logró del todo («8 de 9 metas no se
# alcanzaron», «1 de 9 metas parcialmente alcanzada», «casi alcanzadas»).
_NEGACION = frozenset({"no", "ni", "sin", "nunca", "tampoco", "parcialmente", "casi", "apenas"})
# Una cuenta con «no» justo antes («no se lograron 2 de 9 metas», «ni siquiera 2 de 9 metas…»).
_NEGADA_ANTES = compilar(r"(?:^|_)(?:no|ni|sin|nunca|tampoco|siquiera|casi)_$")


@dataclass(frozen=True)
class Cuenta:
    """Una cuenta de metas logradas que afirma un texto: ``logradas`` de ``total`` (``total``
    es ``None`` si no lo dice; ``todas`` si dice que todas, sin número)."""

    logradas: int | None
    total: int | None
    todas: bool = False


def _numero(palabra: str | None) -> int | None:
    if palabra is None:
        return None
    return int(palabra) if palabra.isdigit() else _EN_LETRA[palabra]


# Otro tiempo en la misma oración: «el ciclo pasado», «el año anterior», «en 2023-2024».
_OTRO_TIEMPO = compilar(r"(?:ciclo|ano|curso)_(?:pasado|anterior)|(?<![0-9])(20\d\d)[/_](20)?(\d\d)(?![0-9])")
_FIN_DE_ORACION = compilar(r"[.;:](?:_|$)")
# «8 de 9 metas» sin verbo: sola no se juzga, pero si cuadra, el balance cuenta bien.
_SUELTA = compilar(r"(?<![a-z0-9])" + _N + r"(?:" + _DE_LAS + r"|/)" + _M + r"_metas(?![a-z])")


def _de_otro_tiempo(normal: str, inicio: int, ciclos) -> bool:
    """Si la oración de la cuenta, antes de ella, habla de otro ciclo («el ciclo pasado se
    lograron 5 de 9 metas», «en 2023-2024, 4 de 9»): uno que no es de ``ciclos``."""
    desde = max((m.end() for m in _FIN_DE_ORACION.finditer(normal, 0, inicio)), default=0)
    for m in _OTRO_TIEMPO.finditer(normal, desde, inicio):
        if m.group(1) is None:
            return True
        if f"{m.group(1)}-{m.group(1)[:2] if m.group(2) is None else m.group(2)}{m.group(3)}" \
                not in ciclos:
            return True
    return False


def cuentas_sueltas(texto: str | None) -> list[Cuenta]:
    """Las cuentas «N de M metas» de ``texto``, con verbo o sin él (para saber si alguna cuadra)."""
    normal = normalizar(texto or "")
    return [Cuenta(_numero(m.group("n")), _numero(m.group("m"))) for m in _SUELTA.finditer(normal)]


def cuentas_de_metas(texto: str | None, ciclos=()) -> list[Cuenta]:
    """Las cuentas de metas logradas que afirma ``texto``, en el orden en que las dice; sin las
    de una oración que habla de otro ciclo que los de ``ciclos`` (los de la Ruta)."""
    if not texto:
        return []
    normal = normalizar(texto)
    halladas: list[tuple[int, Cuenta]] = []
    for forma in _FORMAS:
        for m in forma.finditer(normal):
            if _de_otro_tiempo(normal, m.start(), ciclos):
                continue
            # «No se logró ninguna meta» es cero (la doble negación del español); las demás
            # cuentas negadas no se juzgan.
            negada = _NEGADA_ANTES.search(normal, max(0, m.start() - 12), m.start()) or \
                _NEGACION.intersection((m.groupdict().get("entre") or "").split("_"))
            if negada and "ninguna" not in m.group():
                continue
            if _a_medias_o_de_una_parte(normal, m):
                continue
            grupos = m.groupdict()
            if "n" in grupos:
                cuenta = Cuenta(_numero(grupos["n"]), _numero(grupos.get("m")))
            elif "ninguna" in m.group():
                cuenta = Cuenta(0, None)
            else:  # «todas las metas»
                total = _numero(grupos.get("m"))
                cuenta = Cuenta(total, total, todas=True)
            halladas.append((m.start(), cuenta))
    return [cuenta for _, cuenta in sorted(halladas, key=lambda par: par[0])]


# Lo que, justo después de la cuenta, dice que fue a medias o con excepciones («se alcanzaron
# parcialmente», «en su mayoría», «salvo la de asistencia», «excepto una», «menos una»).
_A_MEDIAS = frozenset({"parcialmente", "casi", "salvo", "excepto", "menos", "excepcion", "mayoria",
                       "medias", "parte", "mayor"})
# «metas de lectura», «metas de la prioridad 1», «meta de asistencia»: de una parte; no «metas del
# ciclo», «de la Ruta», «del PEMC», «de este año».
_DE_UNA_PARTE = compilar(r"_metas?_(?:de|del)_(?!(?:(?:este|el|la|nuestro|nuestra)_)?(?:ciclo|ruta|pemc"
                         r"|pmc|plan|programa|ano|curso|escuela)(?![a-z]))")


def _a_medias_o_de_una_parte(normal: str, m) -> bool:
    """Si la cuenta dice de qué parte de las metas habla («todas las metas de lectura») o la
    siguen palabras que la dejan a medias («se alcanzaron parcialmente», «salvo la de
    asistencia»): no se juzga (``secciones_evaluacion`` la compararía con todas las metas)."""
    tramo = normal[m.start():m.end() + 12]
    if _DE_UNA_PARTE.search(tramo):
        return True
    siguientes = normal[m.end():m.end() + 60].split("_")[:6]
    return not _A_MEDIAS.isdisjoint(p.strip(".,;:()") for p in siguientes)


def cuadra(cuenta: Cuenta, logradas: int, total: int) -> bool:
    """Si ``cuenta`` dice lo mismo que ``logradas`` de ``total`` metas."""
    if cuenta.todas:
        return logradas == total and cuenta.total in (None, total)
    return cuenta.logradas == logradas and cuenta.total in (None, total)


__all__ = ["Cuenta", "cuentas_de_metas", "cuentas_sueltas", "cuadra"]
