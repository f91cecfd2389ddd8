"""Entender lo que escriben las escuelas en sus formatos: renglones, periodos, dinero y metas.

Cada función recibe el texto de una celda y devuelve el valor del formato, o ``None`` cuando no
lo entiende (quien llama deja entonces el campo por llenar y el texto como comentario: nunca
se inventa). Los meses se nombran en español sin depender del locale; un mes de agosto a
diciembre es del primer año del ciclo y uno de enero a julio, del segundo. El dinero se lee
exacto, en ``Decimal``.
"""

from __future__ import annotations

import calendar as _calendario
import math
import re
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from rutamejora.intercambio.sinonimos import catalogo, contiene, es_de, plegar
from rutamejora.nucleo.expresiones import compilar

MESES = {"enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
         "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11,
         "diciembre": 12, "ene": 1, "feb": 2, "mar": 3, "abr": 4, "may": 5, "jun": 6, "jul": 7,
         "ago": 8, "sep": 9, "sept": 9, "oct": 10, "nov": 11, "dic": 12}


# --- Renglones y viñetas ---------------------------------------------------------------------

_NUMERACION = compilar(r"^(?:\d{1,2}[.)]|[a-z][)]|[ivx]{1,4}[.)])\s+", re.IGNORECASE)


def _vineta(renglon: str) -> str | None:
    """La viñeta o numeración con que empieza un renglón («• », «1. », «a) »), o ``None``."""
    for v in catalogo().get("vinetas") or []:
        if renglon.startswith(str(v)) and (len(renglon) == len(v) or not renglon[len(v)].isalnum()
                                           or v not in ("-", "*")):
            return str(v)
    m = _NUMERACION.match(renglon)
    return m.group(0) if m else None


def renglones(texto: str) -> list[str]:
    """Los renglones de una celda sin viñetas ni numeración, sin vacíos."""
    salida = []
    for renglon in str(texto or "").split("\n"):
        renglon = renglon.strip()
        vineta = _vineta(renglon)
        if vineta:
            renglon = renglon[len(vineta):].strip()
        if renglon:
            salida.append(renglon)
    return salida


def elementos(texto: str) -> list[str]:
    """Las partes de una celda que enumera varias cosas (acciones, metas).

    Con viñetas o numeración, cada una empieza un elemento y los renglones sin viñeta que la
    siguen lo continúan. Sin viñetas, cada renglón es un elemento (en Word y en Excel un
    renglón nuevo es a propósito: Enter o Alt+Enter), salvo el que empieza con minúscula o
    sigue a uno que termina en coma, que continúa la frase.
    """
    crudos = [r.strip() for r in str(texto or "").split("\n") if r.strip()]
    con_vineta = sum(1 for r in crudos if _vineta(r)) >= 2
    partes: list[str] = []
    for r in crudos:
        vineta = _vineta(r)
        if vineta and (con_vineta or len(crudos) == 1 or not partes):
            partes.append(r[len(vineta):].strip())
        elif partes and (con_vineta or r[:1].islower() or partes[-1].endswith((",", ";", ":"))):
            partes[-1] += " " + r
        else:
            partes.append(r)
    return [p for p in partes if p]


# --- Periodos -------------------------------------------------------------------------------

@dataclass
class Tiempo:
    """Lo que se entendió de un «Tiempo»: uno o varios periodos y, si la hay, la frecuencia."""

    periodos: list[tuple[date, date]]
    frecuencia: str | None = None   # «mensual», «semanal»… (el formato no la guarda)


_FECHA = compilar(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b|\b(\d{1,2})[/.-](\d{1,2})[/.-](\d{2,4})\b")
_MES = compilar(r"\b(" + "|".join(sorted(MESES, key=len, reverse=True)) + r")\b(?:\s+(?:de\s+|del\s+)?(\d{4}))?")


def _anio_del_mes(mes: int, ciclo: str) -> int:
    return int(ciclo[:4]) if mes >= 8 else int(ciclo[:4]) + 1


def _fechas(texto: str) -> list[date]:
    fechas = []
    for m in _FECHA.finditer(texto):
        try:
            if m.group(1):
                fechas.append(date(int(m.group(1)), int(m.group(2)), int(m.group(3))))
            else:
                anio = int(m.group(6))
                fechas.append(date(anio + 2000 if anio < 100 else anio, int(m.group(5)), int(m.group(4))))
        except ValueError:
            continue
    return fechas


# «15 de febrero», «del 1 al 15 de octubre» (los dos días, del mismo mes), «3 de noviembre de 2025».
_DIA_DE_MES = compilar(r"\b(\d{1,2})(?:\s+(?:al?|-)\s+(\d{1,2}))?\s+de\s+("
                       + "|".join(sorted(MESES, key=len, reverse=True))
                       + r")\b(?:\s+(?:de\s+|del\s+)?(\d{4}))?")


def _dias_de_mes(plano: str, ciclo: str) -> list[date] | None:
    """Las fechas escritas con su día («del 15 de febrero al 20 de marzo»), en orden; ``None``
    si alguna no existe («31 de febrero», «40 de marzo»): tomar el mes entero sería inventar."""
    dias = []
    for m in _DIA_DE_MES.finditer(plano):
        mes = MESES[m.group(3)]
        anio = int(m.group(4)) if m.group(4) else _anio_del_mes(mes, ciclo)
        try:
            dias += [date(anio, mes, int(d)) for d in (m.group(1), m.group(2)) if d]
        except ValueError:
            return None
    return dias


def _periodos_de_dias(plano: str, ciclo: str) -> list[tuple[date, date]]:
    """Las fechas con su día en tramos, como los meses: «del 1 al 15 de octubre» o «del 15 de
    febrero al 20 de marzo» es un tramo; «15 de octubre, 15 de enero y 15 de abril», tres días."""
    periodos: list[tuple[date, date]] = []
    for tramo in re.split(r"\s+(?:y|e)\s+|,|;|\s+/\s+", plano):
        dias = _dias_de_mes(tramo, ciclo) or []
        if len(dias) >= 2 and re.search(r"\b(?:a|al|hasta|-)\b", tramo):
            periodos.append((dias[0], dias[-1]))
        else:
            periodos.extend((d, d) for d in dias)
    return periodos


def _meses(plano: str, ciclo: str) -> list[tuple[date, date]]:
    """Cada mes nombrado, como (primer día, último día), en el orden del texto."""
    salida = []
    for m in _MES.finditer(plano):
        mes = MESES[m.group(1)]
        anio = int(m.group(2)) if m.group(2) else _anio_del_mes(mes, ciclo)
        salida.append((date(anio, mes, 1), date(anio, mes, _calendario.monthrange(anio, mes)[1])))
    return salida


def _dentro(periodo: tuple[date, date], limites: tuple[date, date]) -> tuple[date, date] | None:
    inicio, fin = max(periodo[0], limites[0]), min(periodo[1], limites[1])
    return (inicio, fin) if inicio <= fin else None


def leer_tiempo(texto: str, ciclo: str, limites: tuple[date, date]) -> Tiempo | None:
    """«septiembre a noviembre», «todo el ciclo», «mensual», «diciembre a marzo y marzo a
    junio», «01/09/2025 al 30/10/2025», «octubre»: periodos dentro de ``limites`` (del inicio de
    clases al último día del ciclo). ``None`` si no se entiende."""
    plano = plegar(texto)
    if not plano:
        return None
    frecuencia = next((f for f, palabras in (catalogo().get("frecuencias") or {}).items()
                       if contiene(plano, palabras)), None)
    dias = _dias_de_mes(plano, ciclo)
    if dias is None:
        return None  # «del 31 de febrero»: no se adivina qué quiso decir
    fechas = _fechas(texto)
    periodos: list[tuple[date, date]] = []
    if dias and not fechas:
        periodos = _periodos_de_dias(plano, ciclo)
    elif len(fechas) >= 2:
        periodos = [(fechas[i], fechas[i + 1]) for i in range(0, len(fechas) - 1, 2)]
    elif len(fechas) == 1:
        periodos = [(fechas[0], fechas[0])]
    else:
        periodos = _periodos_de_meses(plano, ciclo)
    if not periodos and (contiene(plano, catalogo().get("todo_el_ciclo") or []) or frecuencia):
        periodos = [limites]
    periodos = [p for p in (_dentro(p, limites) for p in periodos if p[0] <= p[1]) if p]
    if not periodos:
        return None
    return Tiempo(periodos, {"sesiones_cte": "en cada sesión del CTE"}.get(frecuencia, frecuencia))


def _periodos_de_meses(plano: str, ciclo: str) -> list[tuple[date, date]]:
    """Los meses del texto en tramos: «A a B» es un tramo, «A, B y C» son meses sueltos
    (contiguos se juntan), «A a B y C a D» son dos tramos."""
    tramos = re.split(r"\s+(?:y|e)\s+|,|;|\s+/\s+", plano)
    periodos: list[tuple[date, date]] = []
    for tramo in tramos:
        meses = _meses(tramo, ciclo)
        if not meses:
            continue
        if re.search(r"\b(?:a|al|hasta|-)\b", tramo) and len(meses) >= 2:
            inicio, fin = meses[0][0], meses[-1][1]
            if fin < inicio:  # «mayo a septiembre» escrito al revés del ciclo: año siguiente
                continue
            periodos.append((inicio, fin))
        else:
            periodos.extend(meses)
    juntos: list[tuple[date, date]] = []
    for p in periodos:
        if juntos and p[0] <= juntos[-1][1] + timedelta(days=1) and p[0] >= juntos[-1][0] \
                and not re.search(r"\s(?:a|al|hasta)\s", plano):
            juntos[-1] = (juntos[-1][0], max(juntos[-1][1], p[1]))
        else:
            juntos.append(p)
    return juntos


# --- Dinero ----------------------------------------------------------------------------------

@dataclass
class Costo:
    """Un costo entendido: total, o por semana o por mes (sus semanas o meses, de los tiempos)."""

    total: Decimal | None = None
    por_semana: Decimal | None = None
    por_mes: Decimal | None = None


def _cantidades(texto: str) -> list[Decimal] | None:
    """Las cantidades de dinero de un texto (``dinero.cantidades``), o ``None`` si alguna no se
    entiende. Si alguna lleva «$», solo esas: lo demás es otra cosa («30 libros», el teléfono de
    quien paga). Sin «$», un número de siete cifras o más no es un costo de la escuela: es un
    teléfono o un folio («…la mamá de Kevin, 5548129037»)."""
    from rutamejora.intercambio.dinero import cantidades

    hallados = cantidades(_sin_telefonos(texto))
    if hallados is None:
        return None
    if any(con_signo for con_signo, _ in hallados):
        return [valor for con_signo, valor in hallados if con_signo]
    return [valor for _, valor in hallados if valor < 1_000_000]


def _sin_telefonos(texto: str) -> str:
    """``texto`` con cada teléfono (el detector de privacidad los reconoce en cualquier
    agrupación: «55 4812 9037», «55-4812-9037») cambiado por espacios: no es un monto."""
    if not re.search(r"\d[\d\s().-]{6,}\d", texto):
        return texto
    from rutamejora.privacidad import TELEFONO, detectar

    for h in detectar(texto):
        if h.clase == TELEFONO:
            texto = texto[:h.inicio] + " " * (h.fin - h.inicio) + texto[h.fin:]
    return texto


def leer_costo(texto: str) -> Costo | None:
    """«$1,200.00» → 1200.00; «sin costo» → 0; «$60 semanales» → 60 por semana; varias
    cantidades («Copias $300, papel $200») se suman. ``None`` si no se entiende o no se sabe
    cuál es el costo: un rango, un negativo, un precio por pieza, una cifra ambigua (``dinero``)."""
    plano = plegar(texto)
    if not str(texto or "").strip():
        return None
    if es_de("sin_costo", texto) or plano.startswith(("sin costo", "ningun", "no requiere", "sin gasto")):
        return Costo(total=Decimal("0"))
    cantidades = _cantidades(str(texto))
    if not cantidades:   # ninguna cifra, o una que no se sabe leer (un rango, «$1.200»): no se adivina
        return None
    suma = sum(cantidades, Decimal("0")).quantize(Decimal("0.01")).normalize()
    suma = suma.quantize(Decimal("1")) if suma == suma.to_integral() else suma
    periodo = catalogo().get("por_periodo") or {}
    if len(cantidades) == 1 and contiene(plano, periodo.get("por_semana") or []):
        return Costo(por_semana=suma)
    if len(cantidades) == 1 and contiene(plano, periodo.get("por_mes") or []):
        return Costo(por_mes=suma)
    return Costo(total=suma)


def semanas_y_meses(periodos: list[tuple[date, date]]) -> tuple[int, int]:
    """Semanas y meses (redondeados hacia arriba) que cubren los periodos."""
    dias = sum((fin - inicio).days + 1 for inicio, fin in periodos)
    meses = sum((fin.year - inicio.year) * 12 + fin.month - inicio.month + 1 for inicio, fin in periodos)
    return max(1, math.ceil(dias / 7)), max(1, meses)


# --- Metas -----------------------------------------------------------------------------------

@dataclass
class MetaLeida:
    """Lo que dice el texto de una meta: cifras, unidad, sentido y fecha (lo que no dice, None)."""

    valor_meta: Decimal | None = None
    linea_base: Decimal | None = None
    unidad: str | None = None
    sentido: str | None = None
    fecha_limite: date | None = None
    ciclo: str | None = None


_PORCENTAJE = compilar(r"(\d+(?:[.,]\d+)?)\s*(?:%|por\s*ciento)")
_DE_A = compilar(r"\bde(?:l)?\s+(\d+(?:[.,]\d+)?)\s*(%|por\s*ciento)?\s+(?:a|al|hasta)(?:l)?\s+(?:un\s+|el\s+)?"
                 r"(\d+(?:[.,]\d+)?)\s*(%|por\s*ciento)?")
_PROMEDIO = compilar(r"promedio\D{0,25}?(\d+(?:[.,]\d+)?)")
_ALUMNOS = compilar(r"\b(\d+)\s+(?:alumnos|alumnas|estudiantes|ninas|ninos|familias|docentes)")
_CICLO = compilar(r"\b(20\d\d)\s*[-–/]\s*(20\d\d)\b")
_BAJAR = ("disminuir", "reducir", "bajar", "abatir", "disminuya", "reduzca", "baje", "reduccion",
          "disminucion", "menos de", "erradicar")


def _numero(texto: str) -> Decimal:
    return Decimal(texto.replace(",", "."))


def leer_meta(texto: str, ciclo: str, fin_de_clases: date) -> MetaLeida:
    """«Que el 80 % de los alumnos…» → valor 80, porcentaje, aumentar; «Reducir del 12 % al
    5 % el ausentismo…» → base 12, meta 5, disminuir; «al término del ciclo» → fin de clases."""
    original = str(texto or "")
    plano = plegar(original)
    leida = MetaLeida()
    m = _CICLO.search(original)
    if m and int(m.group(2)) == int(m.group(1)) + 1:
        leida.ciclo = f"{m.group(1)}-{m.group(2)}"
    de_a = _DE_A.search(original.lower())
    if de_a:
        leida.linea_base, leida.valor_meta = _numero(de_a.group(1)), _numero(de_a.group(3))
        leida.unidad = "porcentaje" if (de_a.group(2) or de_a.group(4)) else None
    elif _PORCENTAJE.search(original.lower()):
        leida.valor_meta, leida.unidad = _numero(_PORCENTAJE.search(original.lower()).group(1)), "porcentaje"
    elif _PROMEDIO.search(original.lower()):
        leida.valor_meta, leida.unidad = _numero(_PROMEDIO.search(original.lower()).group(1)), "promedio"
    elif _ALUMNOS.search(plano):
        leida.valor_meta, leida.unidad = Decimal(_ALUMNOS.search(plano).group(1)), "alumnos"
    if leida.unidad is None and leida.valor_meta is not None:
        leida.unidad = "porcentaje" if "%" in original else "numero"
    if leida.valor_meta is not None:
        if any(f" {p}" in f" {plano}" for p in _BAJAR):
            leida.sentido = "disminuir"
        elif leida.linea_base is not None and leida.valor_meta < leida.linea_base:
            leida.sentido = "disminuir"
        elif "mantener" in plano:
            leida.sentido = "mantener"
        else:
            leida.sentido = "aumentar"
    leida.fecha_limite = _fecha_de_meta(plano, ciclo, fin_de_clases)
    return leida


def _fecha_de_meta(plano: str, ciclo: str, fin_de_clases: date) -> date | None:
    if re.search(r"\b(?:fin|final|termino|cierre|conclusion)\s+(?:del?\s+)?(?:ciclo|ano escolar)", plano):
        return fin_de_clases
    m = re.search(r"\b(?:para|en|a|al|antes de|hasta)\s+(?:el\s+)?(?:fin(?:al)?\s+de\s+|finales\s+de\s+)?"
                  r"(" + "|".join(k for k in MESES if len(k) > 4) + r")\b(?:\s+(?:de\s+)?(\d{4}))?", plano)
    if m:
        mes = MESES[m.group(1)]
        anio = int(m.group(2)) if m.group(2) else _anio_del_mes(mes, ciclo)
        fecha = date(anio, mes, _calendario.monthrange(anio, mes)[1])
        # Un mes de otro ciclo («junio de 2026» en un plan 2024-2025) no se corrige: por llenar.
        return min(fecha, fin_de_clases) if fecha.year in (int(ciclo[:4]), int(ciclo[:4]) + 1) else None
    return None


# --- Objetivos -------------------------------------------------------------------------------

_PARA = compilar(r"^(.*?\S)[,;]?\s+((?:para|a fin de|con el fin de|con el proposito de)\s+.+)$",
                 re.IGNORECASE | re.DOTALL)


def partir_objetivo(texto: str) -> tuple[str, str | None]:
    """«Mejorar la lectura … para que comprendan …» → (qué, para qué). Sin «para», (texto, None)."""
    texto = " ".join(str(texto or "").split())
    m = _PARA.match(texto)
    if not m or len(m.group(1)) < 12:
        return texto, None
    para = m.group(2)
    return m.group(1).rstrip(",;"), para[:1].upper() + para[1:]
