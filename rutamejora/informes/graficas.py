"""Las gráficas de los informes: SVG en línea (HTML) y barras de texto (Markdown).

Reciben números ya calculados por ``informes`` (que los toma de ``vistas``) y solo dibujan.
Todo texto que entra a un SVG pasa por ``escape``: el resultado se marca como seguro
(``Markup``) únicamente después de escapar cada texto, así que un ``<script>`` en una Ruta sale
como texto. Los SVG no usan JavaScript ni recursos externos, tienen ``<title>`` y ``<desc>``
(el texto alternativo) y se escalan al ancho de la página con su ``viewBox``.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from markupsafe import Markup, escape

from rutamejora.nucleo.textos import MESES_CORTOS

# Colores por estado, con contraste suficiente sobre blanco; el estado siempre va también en
# texto (nadie depende del color para leer la gráfica).
COLOR_META = {"lograda": "#1a7f37", "en_camino": "#0b5cad", "en_riesgo": "#b35900",
              "no_lograda": "#b42318", "sin_datos": "#8c959f"}
COLOR_ACCION = {"realizada": "#1a7f37", "en_curso": "#0b5cad", "pendiente": "#8c959f", "planeada": "#0b5cad",
                "reprogramada": "#b35900", "cancelada": "#b42318", None: "#8c959f"}
COLOR_DINERO = (("previsto", "Presupuesto", "#9ec5e8"), ("recibido", "Recibido", "#0b5cad"),
                ("ejercido", "Ejercido", "#1a7f37"))
ANCHO = 720
_FUENTE = 'font-family="inherit" font-size="12"'
# El ancho de una letra de 12 px, por lo alto (para no pasarse del borde).
_ANCHO_LETRA = 6.6


def _n(valor: float) -> str:
    """Coordenadas con un decimal a lo más: cortas y siempre iguales (salida reproducible)."""
    texto = f"{valor:.1f}"
    return texto[:-2] if texto.endswith(".0") else texto


def _svg(id_: str, alto: float, titulo: str, descripcion: str, cuerpo: list[str]) -> Markup:
    partes = [
        f'<svg class="grafica" xmlns="http://www.w3.org/2000/svg" viewBox="0 0 {ANCHO} {_n(alto)}" '
        f'role="img" aria-labelledby="{id_}-t {id_}-d" preserveAspectRatio="xMinYMin meet">',
        f'<title id="{id_}-t">{escape(titulo)}</title>',
        f'<desc id="{id_}-d">{escape(descripcion)}</desc>',
        *cuerpo,
        "</svg>",
    ]
    return Markup("\n".join(partes))


def _texto(x: float, y: float, contenido: str, *, ancla: str = "start", clase: str = "",
           color: str = "#1f2328", negrita: bool = False, ancho: float | None = None) -> str:
    """Un texto del SVG; con ``ancho``, la letra se achica lo necesario para caber en él (un
    texto cortado por el borde de la gráfica no se lee, y al imprimir no hay cómo verlo)."""
    extra = f' class="{clase}"' if clase else ""
    peso = ' font-weight="600"' if negrita else ""
    fuente = _FUENTE
    if ancho is not None and len(contenido) * _ANCHO_LETRA > ancho:
        fuente = f'font-family="inherit" font-size="{_n(max(8.0, 12 * ancho / (len(contenido) * _ANCHO_LETRA)))}"'
    return (f'<text x="{_n(x)}" y="{_n(y)}" text-anchor="{ancla}" fill="{color}" {fuente}'
            f'{peso}{extra}>{escape(contenido)}</text>')


def _limitar(parte: Decimal | None) -> float:
    if parte is None:
        return 0.0
    return float(min(max(parte, Decimal(0)), Decimal(1)))


# --- Metas ------------------------------------------------------------------------------------


@dataclass
class BarraMeta:
    id: str
    recorrido: Decimal | None     # 0 = en la línea base, 1 = en el valor meta
    estado: str
    nombre_estado: str
    resumen: str                  # «46 % → 57 % (meta: 60 %)»


def metas_svg(barras: list[BarraMeta], titulo: str, descripcion: str) -> Markup:
    """Una fila por meta: cuánto del camino de la línea base al valor meta se ha recorrido."""
    fila, arriba = 30, 28
    alto = arriba + fila * len(barras) + 14
    x0, largo = 60, 330
    cuerpo = [
        _texto(x0, 16, "Línea base", color="#57606a"),
        _texto(x0 + largo, 16, "Meta", ancla="end", color="#57606a"),
    ]
    for i, b in enumerate(barras):
        y = arriba + i * fila
        color = COLOR_META.get(b.estado, "#8c959f")
        parte = _limitar(b.recorrido)
        if b.recorrido is not None and b.recorrido < 1:
            parte = min(parte, 0.97)  # que se vea que falta: llena solo con el camino completo
        cuerpo.append(_texto(0, y + 15, b.id, negrita=True))
        cuerpo.append(f'<rect x="{x0}" y="{y + 4}" width="{largo}" height="14" rx="3" fill="#eaeef2"/>')
        if parte > 0:
            cuerpo.append(f'<rect x="{x0}" y="{y + 4}" width="{_n(largo * parte)}" height="14" rx="3" '
                          f'fill="{color}"/>')
        cuerpo.append(f'<line x1="{x0 + largo}" y1="{y + 1}" x2="{x0 + largo}" y2="{y + 21}" '
                      f'stroke="#1f2328" stroke-width="2"/>')
        cuerpo.append(_texto(x0 + largo + 12, y + 15, f"{b.resumen} · {b.nombre_estado}", color=color
                             if b.estado != "sin_datos" else "#57606a", ancho=ANCHO - x0 - largo - 14))
    return _svg("g-metas", alto, titulo, descripcion, cuerpo)


def barra_texto(parte: Decimal | None, ancho: int = 20) -> str:
    """``███████░░░`` para Markdown: la parte recorrida (0 a 1) en ``ancho`` caracteres."""
    llenos = int((Decimal(str(_limitar(parte))) * ancho).to_integral_value())
    if parte is not None and parte < 1:
        llenos = min(llenos, ancho - 1)  # una barra llena dice «completo»: solo con 1 o más
    return "█" * llenos + "░" * (ancho - llenos)


def metas_texto(barras: list[BarraMeta]) -> Markup:
    ancho_id = max((len(b.id) for b in barras), default=2)
    lineas = [f"{b.id:<{ancho_id}}  {barra_texto(b.recorrido)}  {b.resumen} · {b.nombre_estado}"
              for b in barras]
    return Markup("\n".join(lineas))


# --- Dinero -----------------------------------------------------------------------------------


@dataclass
class BarraDinero:
    etiqueta: str                 # «F1», o el nombre corto de la fuente
    nombre: str
    previsto: Decimal
    recibido: Decimal
    ejercido: Decimal
    textos: dict                  # {"previsto": "$55,000.00", …}


def dinero_svg(barras: list[BarraDinero], titulo: str, descripcion: str) -> Markup:
    """Por fuente, tres barras: presupuesto, lo recibido y lo ejercido (la misma escala)."""
    maximo = max((max(b.previsto, b.recibido, b.ejercido) for b in barras), default=Decimal(0))
    grupo, barra = 66, 16
    arriba = 30
    alto = arriba + grupo * len(barras) + 6
    x0, largo = 150, 400
    cuerpo = []
    x = x0
    for _, nombre, color in COLOR_DINERO:
        cuerpo.append(f'<rect x="{x}" y="6" width="12" height="12" fill="{color}"/>')
        cuerpo.append(_texto(x + 17, 16, nombre))
        x += 130
    for i, b in enumerate(barras):
        y = arriba + i * grupo
        cuerpo.append(_texto(0, y + 29, b.etiqueta, negrita=True))
        for j, (campo, _, color) in enumerate(COLOR_DINERO):
            valor = getattr(b, campo)
            ancho = float(valor / maximo) * largo if maximo else 0.0
            yy = y + j * (barra + 3)
            if ancho > 0:
                cuerpo.append(f'<rect x="{x0}" y="{yy}" width="{_n(max(ancho, 1.5))}" '
                              f'height="{barra}" fill="{color}"/>')
            cuerpo.append(_texto(x0 + ancho + 6, yy + 12.5, b.textos[campo], color="#1f2328"))
    return _svg("g-dinero", alto, titulo, descripcion, cuerpo)


def dinero_texto(barras: list[BarraDinero], ancho: int = 24) -> Markup:
    maximo = max((max(b.previsto, b.recibido, b.ejercido) for b in barras), default=Decimal(0))
    ancho_etiqueta = max((len(b.etiqueta) for b in barras), default=2)
    ancho_nombre = max(len(n) for _, n, _ in COLOR_DINERO)
    lineas = []
    for b in barras:
        for j, (campo, nombre, _) in enumerate(COLOR_DINERO):
            valor = getattr(b, campo)
            parte = valor / maximo if maximo else Decimal(0)
            etiqueta = b.etiqueta if j == 0 else ""
            lineas.append(f"{etiqueta:<{ancho_etiqueta}}  {nombre:<{ancho_nombre}}  "
                          f"{barra_texto(parte, ancho)}  {b.textos[campo]}")
    return Markup("\n".join(lineas))


# --- Calendario de acciones -------------------------------------------------------------------


@dataclass
class FilaCalendario:
    id: str
    tramos: list                  # [(inicio, fin)] vigentes (reprogramados si los hay)
    estado: str | None
    nombre_estado: str


def _meses(inicio: date, fin: date) -> list[date]:
    """El primer día de cada mes entre ``inicio`` y ``fin``."""
    meses, actual = [], date(inicio.year, inicio.month, 1)
    while actual <= fin:
        meses.append(actual)
        actual = date(actual.year + actual.month // 12, actual.month % 12 + 1, 1)
    return meses


def calendario_svg(filas: list[FilaCalendario], inicio: date, fin: date, sesiones: list[date],
                   recesos: list[tuple[date, date]], titulo: str, descripcion: str,
                   etiquetas: list[str] | None = None) -> Markup:
    """Diagrama de barras de las acciones sobre el ciclo, con las sesiones del CTE y los recesos.

    ``etiquetas`` nombra cada sesión (por omisión S1, S2…; en varios ciclos, S1… de cada uno)."""
    fila, arriba = 17, 34
    x0, largo = 44, ANCHO - 44 - 4
    alto = arriba + fila * len(filas) + 30
    dias = max((fin - inicio).days, 1)

    def x(dia: date) -> float:
        dia = min(max(dia, inicio), fin)
        return x0 + largo * (dia - inicio).days / dias

    cuerpo = []
    for r_inicio, r_fin in recesos:
        if r_fin < inicio or r_inicio > fin:
            continue
        cuerpo.append(f'<rect x="{_n(x(r_inicio))}" y="{arriba - 4}" '
                      f'width="{_n(max(x(r_fin) - x(r_inicio), 1))}" height="{fila * len(filas) + 8}" '
                      f'fill="#f3f4f6"/>')
    for mes in _meses(inicio, fin):
        xm = x(max(mes, inicio))
        cuerpo.append(f'<line x1="{_n(xm)}" y1="{arriba - 8}" x2="{_n(xm)}" '
                      f'y2="{arriba + fila * len(filas) + 4}" stroke="#d0d7de" stroke-width="1"/>')
        siguiente = date(mes.year + mes.month // 12, mes.month % 12 + 1, 1)
        # Cabe la etiqueta del mes: el tramo visible mide al menos 12 días y 24 px (en una
        # Ruta de varios ciclos los meses son más angostos).
        if (min(siguiente, fin) - max(mes, inicio)).days >= 12 \
                and x(min(siguiente, fin)) - xm >= 24:
            cuerpo.append(_texto(xm + 3, arriba - 12, MESES_CORTOS[mes.month - 1], color="#57606a"))
    for n, sesion in enumerate(sesiones, start=1):
        if inicio <= sesion <= fin:
            xs = x(sesion)
            cuerpo.append(f'<line x1="{_n(xs)}" y1="{arriba - 4}" x2="{_n(xs)}" '
                          f'y2="{arriba + fila * len(filas) + 6}" stroke="#6e7781" stroke-width="1" '
                          f'stroke-dasharray="3 3"/>')
            etiqueta = etiquetas[n - 1] if etiquetas and n <= len(etiquetas) else f"S{n}"
            cuerpo.append(_texto(xs, arriba + fila * len(filas) + 19, etiqueta, ancla="middle",
                                 color="#57606a"))
    for i, f in enumerate(filas):
        y = arriba + i * fila
        color = COLOR_ACCION.get(f.estado, "#8c959f")
        cuerpo.append(_texto(0, y + 12, f.id, negrita=True))
        for t_inicio, t_fin in f.tramos:
            if t_fin < inicio or t_inicio > fin:
                continue
            ancho = max(x(t_fin + timedelta(days=1)) - x(t_inicio), 2)
            relleno = 'fill="none" stroke="%s" stroke-width="1.5" stroke-dasharray="4 2"' % color \
                if f.estado == "cancelada" else f'fill="{color}"'
            cuerpo.append(f'<rect x="{_n(x(t_inicio))}" y="{y + 3}" width="{_n(ancho)}" height="11" '
                          f'rx="2" {relleno}><title>{escape(f"{f.id}: {f.nombre_estado}")}</title></rect>')
    return _svg("g-calendario", alto, titulo, descripcion, cuerpo)


def calendario_texto(filas: list[FilaCalendario], inicio: date, fin: date) -> Markup:
    """Una columna por mes: ``█`` si la acción ocurre en ese mes, ``·`` si no."""
    meses = _meses(inicio, fin)
    ancho_id = max((len(f.id) for f in filas), default=3)
    cabeza = " " * ancho_id + "  " + " ".join(MESES_CORTOS[m.month - 1][0].upper() for m in meses)
    lineas = [cabeza]
    for f in filas:
        celdas = []
        for m in meses:
            ultimo = date(m.year + m.month // 12, m.month % 12 + 1, 1) - timedelta(days=1)
            activa = any(t_inicio <= ultimo and t_fin >= m for t_inicio, t_fin in f.tramos)
            celdas.append(("×" if f.estado == "cancelada" else "█") if activa else "·")
        lineas.append(f"{f.id:<{ancho_id}}  {' '.join(celdas)}  {f.nombre_estado}")
    return Markup("\n".join(lineas))
