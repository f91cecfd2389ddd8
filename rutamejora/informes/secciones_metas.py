"""La sección de las metas: cada meta con su avance, y los resúmenes (en total y por ciclo).

Posee ``meta``, ``metas_resumen``, ``metas_por_ciclo``, ``LOGRO`` y ``logro`` (la respuesta a
«¿se logró?» según el estado de una meta, que decide solo ``vistas.avance_meta``). Una meta
lograda que se hizo más fácil después de su fecha límite (``historia.cambios_tardios``) lo dice
junto a su resultado, y si sin ese cambio no se habría logrado, también su «¿se logró?» y el
resumen: la rendición no da por cumplida una meta cuya vara se movió con el resultado a la vista.
Una meta contradictoria (RM303: «reducir de 3 a 4») nunca es lograda (``vistas.avance_meta``) y
su «¿se logró?» y ``contradiccion`` dicen por qué: con el código de la regla para el CTE y la
autoridad (como la lista de errores del encabezado), sin él para las familias.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rutamejora.formato.modelo import Ruta
from rutamejora.informes import graficas
from rutamejora.informes.formas import con_unidad, mayuscula
from rutamejora.informes.voz import Voz
from rutamejora.vistas import alcanza, fecha_corta, fecha_larga, pesos, porcentaje

# El «¿se logró?» de una meta lograda solo por un cambio hecho después de su fecha límite.
LOGRO_TARDIO = "Sí, con un cambio hecho después de su fecha límite"
# Cómo se dice una meta lograda que venció antes del commit más antiguo de la Ruta (``SinVersion``):
# en su «¿se logró?» y junto a su estado; con un clon superficial, la Ruta pudo estar en git
# antes, pero esta copia no lo muestra.
SIN_VERIFICAR = {False: "con una medición registrada en git después de su fecha límite",
                 True: "sin una versión en git de antes de su fecha límite"}


@dataclass(frozen=True)
class SinVersion:
    """Una meta que venció (``limite``) antes del commit más antiguo de la Ruta (``desde``;
    ``superficial``: el de un clon superficial, no el primero): git no puede confirmar que lo
    que la juzga se anotó a tiempo (``historia.vencidas_antes_de_git``)."""

    limite: date
    desde: date
    superficial: bool = False

    @property
    def frase(self) -> str:
        return SIN_VERIFICAR[self.superficial]

LOGRO = {"lograda": "Sí", "no_lograda": "No", "en_camino": "Todavía no: va en camino",
         "en_riesgo": "Todavía no: va atrasada", "sin_datos": "Todavía no hay datos"}


def logro(a, con_codigo: bool = True) -> str:
    """«Sí», «No», «No (sin medición)», «Todavía no: …»: la respuesta a «¿se logró?».
    ``con_codigo=False`` (las familias): sin el código de la regla que lo explica."""
    if a.sin_medicion:
        # Medida solo después de la fecha límite, o solo con cifras imposibles: no es lo mismo
        # que nunca medida.
        if a.posteriores:
            return "No (se midió después de la fecha límite)"
        return "No (la medición no es válida)" if a.fuera_de_escala else "No (sin medición)"
    if a.contradictoria and a.ultimo is not None:
        # Su número puede estar «alcanzado»: decir solo «No» callaría por qué no cuenta.
        codigo = " (RM303)" if con_codigo else ""
        return (f"No se da por lograda: la meta es contradictoria{codigo}" if a.final
                else f"Todavía no se puede juzgar: la meta es contradictoria{codigo}")
    return LOGRO[a.estado]


def meta(ruta: Ruta, a, voz: Voz, tardios=(), sin_version: SinVersion | None = None) -> dict:
    """Una meta con su avance (``vistas.AvanceMeta``) a la fecha de corte. ``tardios``: sus
    ``historia.CambioTardio`` (los que la hicieron más fácil después de su fecha límite);
    ``sin_version``: si venció antes de que la Ruta entrara a git."""
    m = a.meta
    ind = m.indicador
    unidad = ind.unidad if ind is not None else None
    tardio, solo_por_cambio = _tardio(a, tardios, unidad)
    sin_verificar = _sin_verificar(a, sin_version, unidad)
    if sin_verificar:
        tardio = f"{tardio} {sin_verificar}" if tardio else sin_verificar
    return {
        "id": m.id,
        "objetivo": m.objetivo,
        "ciclo": m.ciclo,
        "descripcion": voz.texto(m.descripcion),
        "indicador": voz.texto(ind.nombre) if ind is not None else None,
        "unidad": unidad,
        "formula": voz.texto(ind.formula) if ind is not None else None,
        "fuente": voz.texto(ind.fuente) if ind is not None else None,
        "sentido": m.sentido,
        "de_que_manera": voz.texto(m.de_que_manera),
        "linea_base": con_unidad(a.linea_base, unidad),
        "valor_meta": con_unidad(a.valor_meta, unidad),
        "resultado": con_unidad(a.ultimo, unidad) if a.ultimo is not None else mayuscula(
            a.por_que_sin_medicion if a.final else "sin medición"),
        "fecha_resultado": fecha_corta(a.fecha_ultimo) if a.fecha_ultimo else None,
        "fecha_limite": fecha_corta(m.fecha_limite) if m.fecha_limite else "—",
        "fecha_limite_larga": fecha_larga(m.fecha_limite) if m.fecha_limite else "—",
        "estado": a.estado,
        "nombre_estado": a.estado_en_palabras(con_codigo=not voz.publica) + (
            f" ({sin_version.frase})" if sin_verificar and not solo_por_cambio else ""),
        "logro": LOGRO_TARDIO if solo_por_cambio else f"Sí, {sin_version.frase}" if sin_verificar
        else logro(a, con_codigo=not voz.publica),
        "tardio": tardio,
        "contradiccion": _contradiccion(a, unidad, con_codigo=not voz.publica),
        "solo_por_cambio": solo_por_cambio,
        # Lograda con lo que git no puede confirmar que se anotó a tiempo: su frase, o vacío.
        "sin_verificar": sin_version.frase if sin_verificar else None,
        "final": a.final,
        "posterior": _posterior(a, unidad),
        "recorrido": porcentaje(a.recorrido) if a.recorrido is not None else "—",
        "tiempo": porcentaje(a.tiempo) if a.tiempo is not None else "—",
        "costo": pesos(m.costo) if m.costo is not None else None,
        "mediciones": [{"fecha": fecha_corta(f), "valor": con_unidad(v, unidad),
                        "fuente": voz.texto(fuente)} for f, v, fuente in a.mediciones],
        "barra": graficas.barra_texto(a.recorrido),
        "resumen": _resumen_meta(a, unidad),
    }


def _contradiccion(a, unidad, con_codigo: bool = True) -> str | None:
    """Por qué una meta contradictoria (RM303) no se da por lograda, para toda audiencia: sin
    esto, «Reducir de 3 a 4» con 4 medido diría «No» sin razón, o la familia vería la cifra
    «alcanzada» y un «no lograda» que se contradicen."""
    if not a.contradictoria:
        return None
    base, objetivo = con_unidad(a.linea_base, unidad), con_unidad(a.valor_meta, unidad)
    codigo = " (RM303)" if con_codigo else ""
    return (f"La meta es contradictoria{codigo}: debe {a.meta.sentido} y parte de {base} con "
            f"valor meta {objetivo}, que la línea base ya cumplía; por eso no se da por lograda "
            "aunque una medición llegue a su valor meta. Hay que corregir su sentido o sus valores.")


def _posterior(a, unidad) -> str | None:
    """La última medición posterior a la fecha límite, si es distinta del resultado: no lo
    cambia, pero quien revisa la Ruta debe verla (para las familias basta el resultado)."""
    if not a.posteriores or a.posteriores[-1][1] == a.ultimo:
        return None
    f, v, _ = a.posteriores[-1]
    return (f"Después de la fecha límite se midió {con_unidad(v, unidad)} ({fecha_corta(f)}); "
            "no cambia el resultado.")


def _tardio(a, cambios, unidad=None) -> tuple[str | None, bool]:
    """(lo que se cuenta de los cambios tardíos de una meta lograda, si sin ellos no se habría
    logrado). Nada si la meta no está lograda: entonces el cambio no hizo decir «se logró»."""
    if not cambios or a.estado != "lograda":
        return None, False
    frases = [_cambio_tardio(c, unidad) for c in cambios]
    solo_por_cambio = not _con_lo_de_antes(a, cambios)
    ese = "ese cambio" if len(cambios) == 1 else "esos cambios"
    frases.append(f"Con lo planeado antes de {ese} no se habría logrado." if solo_por_cambio
                  else f"Con lo planeado antes de {ese} también se habría logrado.")
    return " ".join(frases), solo_por_cambio


def _sin_verificar(a, sin_version: SinVersion | None, unidad=None) -> str | None:
    """Lo que se dice de una meta lograda que venció antes de que la Ruta entrara a git (o antes
    del primer commit de un clon superficial): la medición que la juzga, aunque esté fechada a
    tiempo, se registró en git después de su fecha límite, y nada confirma que se anotó a
    tiempo. Nada si no está lograda: entonces no se afirma un logro."""
    if sin_version is None or a.estado != "lograda" or not a.final or a.ultimo is None:
        return None
    medicion = f"{con_unidad(a.ultimo, unidad)} del {fecha_corta(a.fecha_ultimo)}"
    limite, desde = fecha_corta(sin_version.limite), fecha_corta(sin_version.desde)
    if sin_version.superficial:
        return (f"Esta copia de git (un clon superficial, desde el {desde}) no tiene una versión "
                f"de la Ruta de antes de su fecha límite ({limite}), así que no se puede confirmar "
                f"que la medición que la juzga ({medicion}) se anotó a tiempo.")
    return (f"La medición que la juzga ({medicion}) se registró en git después de su fecha "
            f"límite ({limite}): la Ruta entró a git el {desde}, así que no se puede confirmar "
            "que se anotó a tiempo.")


def _cambio_tardio(c, unidad=None) -> str:
    """«El valor meta se cambió de 85 % a 80 % el 20 jun 2026, después de su fecha límite
    (12 jun 2026).», «Su fecha límite se corrió del 12 jun 2026 al 30 jun 2026 el 20 jun 2026,
    cuando ya había pasado.» (o «se quitó»); «entre el … y el …» si fueron varios commits."""
    cuando = f"el {fecha_corta(c.desde)}" if c.desde == c.hasta else \
        f"entre el {fecha_corta(c.desde)} y el {fecha_corta(c.hasta)}"
    if c.campo == "medicion":
        return (f"La medición del {fecha_corta(c.de)} se cambió de {con_unidad(c.antes, unidad)} a "
                f"{con_unidad(c.despues, unidad)} {cuando}, después de su fecha límite "
                f"({fecha_corta(c.limite)}).")
    if c.campo == "resultado":
        return _resultado_cambiado(c, unidad, cuando)
    if c.campo == "sentido":
        return (f"Su sentido se cambió de «{c.antes}» a «{c.despues}» {cuando}, después de su fecha "
                f"límite ({fecha_corta(c.limite)}).")
    if c.campo == "fecha_limite":
        if c.despues is None:
            return f"Su fecha límite ({fecha_corta(c.antes)}) se quitó {cuando}, cuando ya había pasado."
        return (f"Su fecha límite se corrió del {fecha_corta(c.antes)} al {fecha_corta(c.despues)} "
                f"{cuando}, cuando ya había pasado.")
    if c.despues is None:
        return (f"El valor meta ({c.antes_texto}) se quitó {cuando}, después de su fecha límite "
                f"({fecha_corta(c.limite)}).")
    return (f"El valor meta se cambió de {c.antes_texto} a {c.despues_texto} {cuando}, después de "
            f"su fecha límite ({fecha_corta(c.limite)}).")


def _resultado_cambiado(c, unidad, cuando: str) -> str:
    """Otra medición juzga la meta (``CambioTardio`` «resultado»): qué se le hizo a la
    bitácora, cuándo, y cuál la juzgaba al vencer. «La medición de 60 % se cambió del 30 jun
    2026 al 19 jun 2026 el 5 jul 2026, después de su fecha límite (19 jun 2026): ahora es la que
    la juzga, en lugar de la de 57 % del 19 jun 2026.»"""
    ahora = f"{con_unidad(c.despues, unidad)} del {fecha_corta(c.de)}"
    antes = (f"la de {con_unidad(c.antes, unidad)} del {fecha_corta(c.de_antes)}"
             if c.antes is not None else "ninguna (al vencer no tenía medición hasta ese día)")
    tarde = f"{cuando}, después de su fecha límite ({fecha_corta(c.limite)})"
    if c.como == "orden":
        # El mismo día: la última del archivo es la que juzga.
        return (f"Las mediciones del {fecha_corta(c.de)} se reordenaron {tarde}: ahora la juzga "
                f"la de {con_unidad(c.despues, unidad)}, en lugar de la de "
                f"{con_unidad(c.antes, unidad)}.")
    if c.como == "quitada":
        return (f"Se quitó la medición de {con_unidad(c.antes, unidad)} del "
                f"{fecha_corta(c.de_antes)} {tarde}: ahora la juzga la de {ahora}.")
    if c.como == "fecha":
        return (f"La medición de {con_unidad(c.despues, unidad)} se cambió del "
                f"{fecha_corta(c.fecha_escrita)} al {fecha_corta(c.de)} {tarde}: ahora es la que "
                f"la juzga, en lugar de {antes}.")
    return (f"Se agregó una medición de {ahora} {tarde}: ahora es la que la juzga, en lugar de "
            f"{antes}.")


def _con_lo_de_antes(a, cambios) -> bool:
    """Si la meta se habría logrado con el valor meta y la fecha límite que tenía al vencer
    (los de antes de cada cambio tardío), con las mediciones de entonces: la que la juzgaba
    (``CambioTardio`` «resultado») o las mismas de hoy con sus valores de antes."""
    antes = {"valor_meta": a.valor_meta, "fecha_limite": a.meta.fecha_limite, "sentido": a.meta.sentido}
    antes.update({c.campo: c.antes for c in cambios if c.campo != "medicion"})
    objetivo, limite = antes["valor_meta"], antes["fecha_limite"]
    resultado = [c for c in cambios if c.campo == "resultado"]
    if resultado:   # la medición que la juzgaba al vencer (ninguna: no se habría logrado)
        valor = resultado[-1].antes
        return valor is not None and objetivo is not None and \
            alcanza(antes["sentido"], valor, objetivo, a.linea_base)
    puntos = [list(p) for p in a.mediciones if limite is None or p[0] <= limite]
    for c in cambios:
        if c.campo == "medicion":  # solo la medición que cambió (ese día puede haber otras)
            cual = next((p for p in puntos if p[0] == c.de and p[1] == c.despues), None)
            if cual is not None:
                cual[1] = c.antes
    if not puntos or objetivo is None:
        return False
    return alcanza(antes["sentido"], puntos[-1][1], objetivo, a.linea_base)


def _resumen_meta(a, unidad) -> str:
    resultado = con_unidad(a.ultimo, unidad) if a.ultimo is not None else (
        a.por_que_sin_medicion if a.final else "sin medición")
    return f"{con_unidad(a.linea_base, unidad)} → {resultado} (meta: {con_unidad(a.valor_meta, unidad)})"


def metas_resumen(avances, metas=()) -> dict:
    """«8 de 9 metas logradas» y su detalle («1 no lograda»). ``metas``, los dict de ``meta``
    de esos avances: las logradas solo por un cambio tardío se cuentan aparte en el detalle."""
    cuenta = {}
    for a in avances:
        cuenta[a.estado] = cuenta.get(a.estado, 0) + 1
    total = len(avances)
    logradas = cuenta.get("lograda", 0)
    partes = [f"{cuenta[k]} {_PLURALES_META[k][0] if cuenta[k] == 1 else _PLURALES_META[k][1]}"
              for k in _ORDEN_ESTADOS if cuenta.get(k) and k != "lograda"]
    por_cambio = sum(1 for m in metas if m["solo_por_cambio"])
    sin_verificar = [m["sin_verificar"] for m in metas if m["sin_verificar"] and not m["solo_por_cambio"]]
    if sin_verificar:
        quien = "lograda" if logradas == 1 else "todas" if len(sin_verificar) == logradas \
            else f"{len(sin_verificar)} de las logradas"
        partes.insert(0, f"{quien} {sin_verificar[0]}")
    if por_cambio:
        quien = "lograda" if logradas == 1 else f"{por_cambio} de las logradas"
        partes.insert(0, f"{quien} solo con un cambio hecho después de su fecha límite")
    sin_medicion = sum(1 for a in avances if a.sin_medicion)
    if sin_medicion:  # «no lograda» es la última parte: «2 no logradas, 1 de ellas sin medición»
        todas = sin_medicion == cuenta["no_lograda"]
        partes[-1] += ", sin medición" if todas else f", {sin_medicion} de ellas sin medición"
    de_total = "meta lograda" if total == 1 else "metas logradas"
    return {"total": total, "logradas": logradas, "por_estado": cuenta,
            "texto": f"{logradas} de {total} {de_total}" if total else "Sin metas",
            "detalle": ", ".join(partes)}


def metas_por_ciclo(ruta: Ruta, metas: list, avances) -> list:
    """Las metas agrupadas por su ``ciclo`` (una Ruta de varios ciclos), en el orden del
    horizonte; vacío si ninguna meta dice su ciclo."""
    if not any(m["ciclo"] for m in metas):
        return []
    orden = list(ruta.ciclos) + sorted({m["ciclo"] for m in metas if m["ciclo"]} - set(ruta.ciclos))
    grupos = []
    for ciclo in orden + [None]:
        pares = [(m, a) for m, a in zip(metas, avances) if m["ciclo"] == ciclo]
        if not pares:
            continue
        resumen = metas_resumen([a for _, a in pares], [m for m, _ in pares])
        grupos.append({"ciclo": ciclo or "sin ciclo", "metas": [m for m, _ in pares],
                       "texto": resumen["texto"], "detalle": resumen["detalle"],
                       "en_curso": ciclo == ruta.ciclo})
    return grupos


_ORDEN_ESTADOS = ("lograda", "en_camino", "en_riesgo", "sin_datos", "no_lograda")
_PLURALES_META = {"lograda": ("lograda", "logradas"), "en_camino": ("en camino", "en camino"),
                  "en_riesgo": ("en riesgo", "en riesgo"), "sin_datos": ("sin datos", "sin datos"),
                  "no_lograda": ("no lograda", "no logradas")}
