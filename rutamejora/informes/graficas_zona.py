"""Las gráficas del informe de la zona: una barra por escuela (SVG en HTML, texto en Markdown).

- **Metas por estado**: por escuela, una barra partida en logradas, en camino, en riesgo, no
  logradas y sin datos (el ancho es el número de metas; la misma escala para todas).
- **Sesiones del CTE**: por escuela, las registradas en la bitácora sobre las ya celebradas.
- **Dinero**: por escuela, presupuesto, planeado y ejercido (la misma escala para todas).

Como las de ``graficas``: cada texto se escapa antes de marcar el SVG como seguro, sin
JavaScript ni recursos externos, con ``<title>`` y ``<desc>``, coordenadas con un decimal
(salida reproducible) y el estado siempre también en texto.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from markupsafe import Markup

from rutamejora.informes.graficas import ANCHO, COLOR_META, _n, _svg, _texto, barra_texto

ORDEN_METAS = (("lograda", "logradas"), ("en_camino", "en camino"), ("en_riesgo", "en riesgo"),
               ("no_lograda", "no logradas"), ("sin_datos", "sin datos"))
_SINGULAR = {"lograda": "lograda", "no_lograda": "no lograda"}
SERIES_DINERO = (("presupuesto", "Presupuesto", "#9ec5e8"), ("planeado", "Planeado", "#0b5cad"),
                 ("ejercido", "Ejercido", "#1a7f37"))
_X0, _LARGO, _FILA = 150, 330, 26


@dataclass
class BarraEscuela:
    etiqueta: str                # la CCT (o la carpeta, si no se pudo leer)
    metas: dict                  # estado → cuántas
    registradas: int
    celebradas: int
    dinero: dict                 # serie → Decimal
    textos_dinero: dict          # serie → «$87,000.00»


def _leyenda(series) -> list[str]:
    cuerpo, x = [], _X0
    for _, nombre, color in series:
        cuerpo.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{color}"/>')
        cuerpo.append(_texto(x + 17, 16, nombre))
        x += 17 + len(nombre) * 7 + 18
    return cuerpo


def metas_svg(barras: list[BarraEscuela]) -> Markup:
    # La barra más corta que las otras: su resumen («2 logradas, 2 en riesgo, 2 no logradas,
    # 2 sin datos») necesita el lugar para leerse con la letra de siempre.
    largo = 200
    maximo = max((sum(b.metas.values()) for b in barras), default=0) or 1
    series = [(e, n, COLOR_META[e]) for e, n in ORDEN_METAS]
    cuerpo = _leyenda(series)
    for i, b in enumerate(barras):
        y = 30 + i * _FILA
        cuerpo.append(_texto(0, y + 14, b.etiqueta, negrita=True, ancho=_X0 - 8))
        x = float(_X0)
        for estado, _, color in series:
            n = b.metas.get(estado, 0)
            if n:
                ancho = largo * n / maximo
                cuerpo.append(f'<rect x="{_n(x)}" y="{y + 2}" width="{_n(ancho)}" height="16" '
                              f'fill="{color}"/>')
                x += ancho
        cuerpo.append(_texto(_X0 + largo + 10, y + 14, _resumen_metas(b.metas),
                             ancho=ANCHO - _X0 - largo - 12))
    alto = 30 + _FILA * len(barras) + 6
    return _svg("g-zona-metas", alto, "Metas por estado en cada escuela",
                "; ".join(f"{b.etiqueta}: {_resumen_metas(b.metas)}" for b in barras), cuerpo)


def _resumen_metas(metas: dict) -> str:
    partes = [f"{metas[e]} {_SINGULAR.get(e, n) if metas[e] == 1 else n}"
              for e, n in ORDEN_METAS if metas.get(e, 0)]
    return ", ".join(partes) if partes else "sin metas"


def sesiones_svg(barras: list[BarraEscuela], del_ciclo: int) -> Markup:
    maximo = max([del_ciclo] + [b.celebradas for b in barras]) or 1
    cuerpo = _leyenda((("r", "Registradas en la bitácora", "#0b5cad"),
                       ("c", "Celebradas", "#d0d7de")))
    for i, b in enumerate(barras):
        y = 30 + i * _FILA
        cuerpo.append(_texto(0, y + 14, b.etiqueta, negrita=True, ancho=_X0 - 8))
        cuerpo.append(f'<rect x="{_X0}" y="{y + 2}" width="{_n(_LARGO * b.celebradas / maximo)}" '
                      f'height="16" fill="#d0d7de"/>')
        if b.registradas:
            ancho = _LARGO * min(b.registradas, maximo) / maximo
            cuerpo.append(f'<rect x="{_X0}" y="{y + 6}" width="{_n(ancho)}" height="8" '
                          f'fill="#0b5cad"/>')
        cuerpo.append(_texto(_X0 + _LARGO + 10, y + 14,
                             f"{b.registradas} de {b.celebradas} registradas"))
    alto = 30 + _FILA * len(barras) + 6
    return _svg("g-zona-sesiones", alto, "Sesiones del CTE registradas en cada escuela",
                "; ".join(f"{b.etiqueta}: {b.registradas} de {b.celebradas} sesiones celebradas "
                          "registradas en la bitácora" for b in barras), cuerpo)


def dinero_svg(barras: list[BarraEscuela]) -> Markup:
    maximo = max((max(b.dinero.values()) for b in barras), default=Decimal(0))
    cuerpo = _leyenda(SERIES_DINERO)
    grupo = 3 * 13 + 10
    for i, b in enumerate(barras):
        y = 30 + i * grupo
        cuerpo.append(_texto(0, y + 24, b.etiqueta, negrita=True, ancho=_X0 - 8))
        for j, (serie, _, color) in enumerate(SERIES_DINERO):
            valor = b.dinero[serie]
            ancho = float(valor / maximo) * _LARGO if maximo else 0.0
            yy = y + j * 13
            if ancho > 0:
                cuerpo.append(f'<rect x="{_X0}" y="{yy}" width="{_n(max(ancho, 1.5))}" height="11" '
                              f'fill="{color}"/>')
            cuerpo.append(_texto(_X0 + ancho + 6, yy + 10, b.textos_dinero[serie]))
    alto = 30 + grupo * len(barras) + 4
    return _svg("g-zona-dinero", alto, "Dinero de cada escuela: presupuesto, planeado y ejercido",
                "; ".join(f"{b.etiqueta}: presupuesto {b.textos_dinero['presupuesto']}, planeado "
                          f"{b.textos_dinero['planeado']}, ejercido {b.textos_dinero['ejercido']}"
                          for b in barras), cuerpo)


# --- Markdown: barras de texto ---------------------------------------------------------------


def metas_texto(barras: list[BarraEscuela]) -> Markup:
    simbolos = {"lograda": "█", "en_camino": "▓", "en_riesgo": "▒", "no_lograda": "×",
                "sin_datos": "·"}
    ancho = max((len(b.etiqueta) for b in barras), default=4)
    lineas = ["Cada carácter es una meta: █ lograda, ▓ en camino, ▒ en riesgo, × no lograda, "
              "· sin datos."]
    for b in barras:
        barra = "".join(simbolos[e] * b.metas.get(e, 0) for e, _ in ORDEN_METAS)
        lineas.append(f"{b.etiqueta:<{ancho}}  {barra:<12}  {_resumen_metas(b.metas)}")
    return Markup("\n".join(lineas))


def sesiones_texto(barras: list[BarraEscuela]) -> Markup:
    ancho = max((len(b.etiqueta) for b in barras), default=4)
    lineas = []
    for b in barras:
        parte = Decimal(b.registradas) / Decimal(b.celebradas) if b.celebradas else Decimal(0)
        lineas.append(f"{b.etiqueta:<{ancho}}  {barra_texto(parte, 16)}  {b.registradas} de "
                      f"{b.celebradas} registradas")
    return Markup("\n".join(lineas))


def dinero_texto(barras: list[BarraEscuela]) -> Markup:
    maximo = max((max(b.dinero.values()) for b in barras), default=Decimal(0))
    ancho = max((len(b.etiqueta) for b in barras), default=4)
    lineas = []
    for b in barras:
        for j, (serie, nombre, _) in enumerate(SERIES_DINERO):
            parte = b.dinero[serie] / maximo if maximo else Decimal(0)
            etiqueta = b.etiqueta if j == 0 else ""
            lineas.append(f"{etiqueta:<{ancho}}  {nombre:<11}  {barra_texto(parte, 20)}  "
                          f"{b.textos_dinero[serie]}")
    return Markup("\n".join(lineas))


__all__ = ["BarraEscuela", "metas_svg", "sesiones_svg", "dinero_svg", "metas_texto",
           "sesiones_texto", "dinero_texto"]
