"""Una Ruta nueva: los siete archivos desde las plantillas de ``plantillas/nueva/``.

Se llena solo lo que no le toca decidir al CTE: los datos de la escuela, el calendario y las
sesiones del ciclo, las asignaturas o campos formativos del plan del nivel y los rasgos de los
anexos por valorar. Nunca metas ni acciones escritas de antemano: una Ruta copiada de una
plantilla es justo lo que las orientaciones piden evitar. Lo demás va vacío (``ruta validar``
lo avisa «por llenar», sin errores) con la pregunta de las orientaciones y un ejemplo comentado.

Cada marco se escribe con sus palabras, leídas de su catálogo: la clave de la agrupación
(``problematicas:``, ``ambitos:``), los campos que pide (``contexto`` del diagnóstico, el
diagnóstico por ámbito, ``ciclo`` de cada meta…), los ciclos de su horizonte (``ciclos:``), las
personas que deben estar en ``comunidad`` y las citas de sus orientaciones.

Con una Ruta anterior (``desde``) se heredan la escuela y el colectivo, el último valor medido
de cada meta como línea base y, comentadas para que el CTE decida, las metas no logradas y las
acciones sin terminar. La Ruta anterior solo se lee.

Todo se escribe primero en una carpeta temporal junto al destino y se mueve al final: si algo
falla o alguien interrumpe, no queda una Ruta a medias.
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import shutil
import signal
import tempfile
import textwrap
import threading
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from rutamejora.nucleo import cct as claves
from rutamejora.formato import esquema as E
from rutamejora.catalogos import (calendario_oficial, campos_del_plan, cargar_marco, cct as catalogo_cct,
                                  datos_de, normalizar, plan_para, planes)
from rutamejora.formato.esquema_json import CARPETA_ESQUEMAS, esquemas, linea_modelo, texto_json

NIVELES = ("preescolar", "primaria", "secundaria")
TURNOS = tuple(E.ESCUELA.campo("turno").tipo.valores)
MARCO_POR_OMISION = "rme-2014"
_CICLO = re.compile(r"^(\d{4})-(\d{4})$")


class NuevaInvalida(Exception):
    """Un dato con el que no se puede crear la Ruta (es un error de uso: salida 2)."""


# --- Revisar lo que se escribe ------------------------------------------------------------------


@dataclass
class Revision:
    """El resultado de revisar un dato: el valor bueno, o el problema y quizá la corrección."""

    valor: str | None
    problema: str = ""
    sugerencia: str | None = None


def revisar_cct(texto: str) -> Revision:
    """Una CCT válida (sin importar mayúsculas ni espacios) o el problema con la más parecida."""
    escrita = (texto or "").strip()
    limpia = re.sub(r"[\s-]", "", escrita.upper())
    partes = claves.partes(limpia)
    entidades = catalogo_cct()["entidades"]
    if partes and claves.es_valida(limpia) and partes.entidad in entidades:
        return Revision(limpia)
    sugerida = claves.sugerir(escrita)
    if sugerida and claves.partes(sugerida).entidad not in entidades:
        sugerida = None
    if partes and partes.entidad not in entidades:
        problema = f"La CCT «{escrita}» empieza con «{partes.entidad}», que no es una entidad (01 a 32)."
    elif partes:
        problema = f"La CCT «{escrita}» no es válida: su carácter verificador no corresponde."
    else:
        problema = f"«{escrita}» no tiene la forma de una CCT (10 caracteres, p. ej. 21DPR0123T)."
    return Revision(None, problema, sugerida)


def nivel_de_cct(clave: str) -> str | None:
    """El nivel que indica el tipo de servicio de la CCT (``PR`` → primaria), si se conoce."""
    partes = claves.partes(clave)
    tipo = catalogo_cct()["tipos_servicio"].get(partes.tipo_servicio) if partes else None
    return tipo["nivel"] if tipo else None


def entidad_de_cct(clave: str) -> str | None:
    partes = claves.partes(clave)
    return catalogo_cct()["entidades"].get(partes.entidad) if partes else None


def revisar_nivel(texto: str, cct: str | None = None) -> Revision:
    nivel = next((n for n in NIVELES if normalizar(n) == normalizar(texto or "")), None)
    if nivel is None:
        return Revision(None, f"«{texto}» no es un nivel: escribe preescolar, primaria o secundaria.")
    esperado = nivel_de_cct(cct) if cct else None
    if esperado and esperado != nivel:
        return Revision(None, f"La CCT {cct} es de {esperado}, no de {nivel}.", esperado)
    return Revision(nivel)


def revisar_ciclo(texto: str) -> Revision:
    """``AAAA-AAAA`` con años consecutivos; si no, el ciclo que probablemente se quiso decir."""
    escrito = (texto or "").strip()
    m = _CICLO.match(escrito)
    if m and int(m.group(2)) == int(m.group(1)) + 1:
        return Revision(escrito)
    numeros = re.findall(r"\d+", escrito)
    sugerencia = None
    if numeros and len(numeros[0]) in (2, 4):
        inicio = int(numeros[0]) + (2000 if len(numeros[0]) == 2 else 0)
        sugerencia = f"{inicio}-{inicio + 1}"
    if m:
        problema = f"Los años del ciclo «{escrito}» no son consecutivos."
    else:
        problema = f"«{escrito}» no es un ciclo escolar AAAA-AAAA."
    return Revision(None, problema, sugerencia)


def revisar_turno(texto: str) -> Revision:
    if not (texto or "").strip():
        return Revision("")
    turno = next((t for t in TURNOS if normalizar(t) == normalizar(texto)), None)
    if turno is None:
        from rutamejora.formato.pistas import sugerir

        return Revision(None, f"«{texto}» no es un turno: " + ", ".join(TURNOS) + ".",
                        sugerir(texto, TURNOS))
    return Revision(turno)


def ciclo_de(dia: date) -> str:
    """El ciclo que corre (o se prepara) en ``dia``: de agosto en adelante, el que empieza."""
    inicio = dia.year if dia.month >= 8 else dia.year - 1
    return f"{inicio}-{inicio + 1}"


def ciclo_siguiente(ciclo: str) -> str:
    inicio = int(ciclo[:4]) + 1
    return f"{inicio}-{inicio + 1}"


# --- Calendario -----------------------------------------------------------------------------------

_DIAS = {"lunes": 0, "martes": 1, "miercoles": 2, "jueves": 3, "viernes": 4}


def _regla() -> dict:
    return datos_de("calendario_estimado.yaml")


def _ultimo(dia_semana: int, anio: int, mes: int) -> date:
    siguiente = date(anio + (mes == 12), mes % 12 + 1, 1)
    dia = siguiente - timedelta(days=1)
    return dia - timedelta(days=(dia.weekday() - dia_semana) % 7)


def sesiones_estimadas(ciclo: str) -> list[date]:
    """Las sesiones ordinarias por la regla habitual de la SEP (el último viernes de cada mes,
    salvo diciembre, abril y julio), en el orden del ciclo."""
    regla = _regla()["sesiones"]
    inicio = int(ciclo[:4])
    dia = _DIAS[normalizar(regla["dia"])]
    return [_ultimo(dia, inicio if mes >= 8 else inicio + 1, mes) for mes in regla["meses"]]


def calendario_estimado(ciclo: str) -> dict:
    """Un calendario completo estimado para un ciclo que el catálogo no tiene."""
    regla = _regla()
    inicio = int(ciclo[:4])
    lunes = _ultimo(_DIAS[normalizar(regla["inicio_clases"]["dia"])], inicio, regla["inicio_clases"]["mes"])
    fase = regla["fase_intensiva"]
    fin = regla["fin_clases"]
    return {
        "fase_intensiva": {"inicio": lunes - timedelta(days=fase["dias_antes"]),
                           "fin": lunes - timedelta(days=fase["dias_antes"] - fase["duracion"] + 1)},
        "inicio_clases": lunes,
        "fin_clases": date(inicio + 1, fin["mes"], fin["dia"]),
        "sesiones": sesiones_estimadas(ciclo),
        "recesos": [],
        "estimado": True,
        "fuente": regla.get("fuente", ""),
    }


def calendario_para(ciclo: str) -> dict:
    """El calendario del catálogo (``oficial``) o uno estimado; ``estimado`` dice si hay que confirmarlo."""
    oficial = calendario_oficial(ciclo)
    if oficial:
        return {**oficial, "oficial": True, "estimado": bool(oficial.get("estimado")),
                "recesos": list(oficial.get("recesos") or [])}
    return {**calendario_estimado(ciclo), "oficial": False}


# --- Los datos de la Ruta nueva -------------------------------------------------------------------


@dataclass
class Escuela:
    nombre: str | None = None
    cct: str | None = None
    nivel: str | None = None
    turno: str | None = None
    zona: str | None = None
    sector: str | None = None
    entidad: str | None = None
    municipio: str | None = None
    localidad: str | None = None
    plan_estudios: str | None = None


@dataclass
class Anterior:
    """Lo que se hereda de la Ruta del ciclo pasado (solo lectura)."""

    carpeta: Path
    ciclo: str | None
    marco: str | None
    escuela: Escuela
    ciclos: list = field(default_factory=list)        # los de `ciclos:` (una Ruta de varios ciclos)
    colectivo: list = field(default_factory=list)     # [{id, nombre, funcion, grupo}]
    comunidad: list = field(default_factory=list)     # [{id, nombre, tipo}]
    fuentes: list = field(default_factory=list)       # [{id, nombre, monto}]
    validacion: dict = field(default_factory=dict)
    lineas_base: list = field(default_factory=list)   # metas medidas: su último valor
    sin_medicion: list = field(default_factory=list)  # metas que nunca se midieron
    no_logradas: list = field(default_factory=list)
    sin_terminar: list = field(default_factory=list)  # acciones no realizadas ni canceladas

    @property
    def ultimo_ciclo(self) -> str | None:
        """El último ciclo que abarca (el de ``ciclo`` o, si hay ``ciclos:``, el mayor)."""
        validos = [c for c in [self.ciclo, *self.ciclos] if c and _CICLO.match(c)]
        return max(validos) if validos else self.ciclo


def _texto(valor) -> str | None:
    if valor is None:
        return None
    return " ".join(str(valor).split()) or None


def leer_anterior(carpeta: Path) -> Anterior:
    """Lee la Ruta de ``carpeta`` (sin escribir nada). ``carga.NoEsRuta`` si no es una Ruta."""
    from rutamejora.formato.carga import cargar
    from rutamejora.vistas.numeros import LOGRADA, SIN_DATOS, avance_meta, numero, situacion_accion

    ruta, _ = cargar(carpeta)
    e = ruta.escuela
    escuela = Escuela(*(_texto(getattr(e, c, None)) if e is not None else None
                        for c in ("nombre", "cct", "nivel", "turno", "zona", "sector", "entidad",
                                  "municipio", "localidad", "plan_estudios")))
    anterior = Anterior(carpeta=carpeta, ciclo=ruta.ciclo, marco=ruta.datos.marco if ruta.datos else None,
                        escuela=escuela)
    if ruta.datos is not None and not ruta.datos.invalido("ciclos"):
        anterior.ciclos = [str(c) for c in ruta.datos.ciclos or []]
    anterior.colectivo = [{c: _texto(getattr(p, c)) for c in ("id", "nombre", "funcion", "grupo")}
                          for p in ruta.colectivo if p.id]
    anterior.comunidad = [{c: _texto(getattr(p, c)) for c in ("id", "nombre", "tipo")}
                          for p in ruta.comunidad if p.id]
    anterior.fuentes = [{"id": f.id, "nombre": _texto(f.nombre), "monto": f.monto} for f in ruta.fuentes]
    ajustes = ruta.datos.validacion if ruta.datos is not None else None
    if ajustes is not None:
        anterior.validacion = {c: getattr(ajustes, c) for c in ("estricto", "max_acciones_simultaneas", "reglas")
                               if getattr(ajustes, c) is not None}
    hoy = date.max
    for meta in ruta.metas:
        if not meta.id:
            continue
        avance = avance_meta(ruta, meta, hoy)
        indicador = meta.indicador
        datos = {"id": meta.id, "descripcion": _texto(meta.descripcion),
                 "indicador": _texto(indicador.nombre) if indicador is not None else None,
                 "unidad": indicador.unidad if indicador is not None else None,
                 "valor_meta": numero(meta.valor_meta), "linea_base": numero(meta.linea_base),
                 "ultimo": numero(avance.ultimo), "fecha": avance.fecha_ultimo}
        if avance.estado == SIN_DATOS:
            anterior.sin_medicion.append(datos)
            continue
        anterior.lineas_base.append(datos)
        if avance.estado != LOGRADA:
            anterior.no_logradas.append(datos)
    for accion in ruta.acciones:
        if not accion.id:
            continue
        situacion = situacion_accion(ruta, accion, hoy)
        if not situacion.cerrada:
            anterior.sin_terminar.append({
                "id": accion.id, "actividad": _texto(accion.actividad), "estado": situacion.nombre_estado,
                "avance": situacion.avance, "metas": ", ".join(accion.metas or [])})
    return anterior


@dataclass
class Pedido:
    """Todo lo que hace falta para escribir una Ruta nueva."""

    escuela: Escuela
    ciclo: str
    marco: str = MARCO_POR_OMISION
    anterior: Anterior | None = None
    ciclos: int | None = None  # cuántos ciclos abarca (None: el mínimo del horizonte del marco)


def ciclos_de(pedido: Pedido, marco) -> list[str]:
    """Los ciclos de la Ruta: el pedido y los que le siguen, tantos como ``pedido.ciclos`` o,
    si no se dijo, como el mínimo del horizonte del marco (pemc-2019: dos)."""
    cuantos = pedido.ciclos or marco.horizonte[0]
    ciclos = [pedido.ciclo]
    while len(ciclos) < cuantos:
        ciclos.append(ciclo_siguiente(ciclos[-1]))
    return ciclos


def texto_ciclos(ciclos: list[str]) -> str:
    """``2025-2026`` o ``2025-2026 a 2026-2027``."""
    return ciclos[0] if len(ciclos) == 1 else f"{ciclos[0]} a {ciclos[-1]}"


def texto_horizonte(marco) -> str:
    """«1 ciclo», «2 ciclos», «de 2 a 4 ciclos»."""
    minimo, maximo = marco.horizonte
    if minimo == maximo:
        return f"{minimo} {'ciclo' if minimo == 1 else 'ciclos'}"
    return f"de {minimo} a {maximo} ciclos"


def revisar_pedido(pedido: Pedido, destino: Path) -> None:
    """Lanza ``NuevaInvalida`` si con estos datos la Ruta nueva tendría errores."""
    e = pedido.escuela
    faltan = [n for n, v in (("nombre", e.nombre), ("cct", e.cct), ("nivel", e.nivel)) if not v]
    if faltan:
        raise NuevaInvalida("faltan datos de la escuela: " + ", ".join(faltan) + ".")
    for revision in (revisar_cct(e.cct), revisar_nivel(e.nivel, e.cct), revisar_ciclo(pedido.ciclo),
                     revisar_turno(e.turno or "")):
        if revision.valor is None:
            extra = f" ¿Quisiste decir {revision.sugerencia}?" if revision.sugerencia else ""
            raise NuevaInvalida(revision.problema + extra)
    marco = cargar_marco(pedido.marco, destino.parent if not destino.exists() else destino)
    if marco is None:
        raise NuevaInvalida(f"no existe el marco «{pedido.marco}».")
    minimo, maximo = marco.horizonte
    if pedido.ciclos is not None and not minimo <= pedido.ciclos <= maximo:
        raise NuevaInvalida(f"el marco {marco.clave} abarca {texto_horizonte(marco)}: "
                            f"--ciclos {pedido.ciclos} no cabe.")
    a = pedido.anterior
    ultimo = a.ultimo_ciclo if a is not None else None
    if ultimo and _CICLO.match(ultimo) and pedido.ciclo <= ultimo:
        abarca = a.ciclo if ultimo == a.ciclo else texto_ciclos([min(a.ciclos), ultimo])
        raise NuevaInvalida(f"el ciclo {pedido.ciclo} no es posterior al de la Ruta anterior ({abarca}); "
                            f"¿quisiste decir {ciclo_siguiente(ultimo)}?")


# --- Plantillas ---------------------------------------------------------------------------------


def carpeta_plantillas() -> Path:
    """``plantillas/`` instalada como ``rutamejora.plantillas``; en un clon, la de la raíz."""
    try:
        spec = importlib.util.find_spec("rutamejora.plantillas")
    except ImportError:
        spec = None
    for ubicacion in (spec.submodule_search_locations or []) if spec is not None else []:
        if (Path(ubicacion) / "nueva").is_dir():
            return Path(ubicacion)
    return Path(__file__).resolve().parents[2] / "plantillas"


_PLANO = re.compile(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*$")


def escalar(valor, flujo: bool = False) -> str:
    """``valor`` como escalar YAML que se lee igual: sin comillas si se puede, si no entre comillas.

    ``flujo``: va dentro de ``{…}`` o ``[…]``, donde las comas y los corchetes cortan.
    """
    if valor is None:
        return ""
    if isinstance(valor, bool):
        return "true" if valor else "false"
    if isinstance(valor, (int, Decimal)):
        return str(valor)
    if isinstance(valor, date):
        return valor.isoformat()
    texto = str(valor)
    if _PLANO.match(texto) and texto == texto.strip() and ": " not in texto and " #" not in texto \
            and not (flujo and re.search(r"[,\[\]{}]", texto)) and _se_lee_igual(texto):
        return texto
    return json.dumps(texto, ensure_ascii=False)


def _se_lee_igual(texto: str) -> bool:
    from ruamel.yaml import YAML

    try:
        return YAML(typ="safe", pure=True).load(f"k: {texto}\n") == {"k": texto}
    except Exception:  # noqa: BLE001 - cualquier error: mejor con comillas
        return False


def comentario(texto, sangria: str = "# ", colgante: str = "", ancho: int = 96) -> str:
    """Texto libre (de la Ruta anterior) como comentario de YAML: en renglones de ``ancho`` como
    mucho, sin saltos de línea colados; ``colgante`` se agrega a la sangría desde el segundo."""
    lineas = textwrap.wrap(" ".join(str(texto).split()), width=ancho - len(sangria) - len(colgante),
                           break_long_words=False, break_on_hyphens=False) or [""]
    return "\n".join(sangria + ("" if i == 0 else colgante) + linea for i, linea in enumerate(lineas))


def lineas(texto, sangria: str = "# ") -> str:
    """Un texto del catálogo (las citas de un marco) como comentario, renglón por renglón tal cual."""
    return "\n".join((sangria + linea).rstrip() for linea in str(texto).strip("\n").splitlines())


def _entorno(carpeta: Path):
    from jinja2 import Environment, FileSystemLoader, StrictUndefined

    entorno = Environment(loader=FileSystemLoader(str(carpeta)), undefined=StrictUndefined,
                          keep_trailing_newline=True, trim_blocks=True, lstrip_blocks=True,
                          autoescape=False)
    entorno.filters["y"] = escalar
    entorno.filters["yf"] = lambda v: escalar(v, flujo=True)
    entorno.filters["comentario"] = comentario
    entorno.filters["lineas"] = lineas
    return entorno


def _objetos() -> dict[str, E.Objeto]:
    """Cada objeto del formato por su ``entidad`` (``meta``, ``accion``, ``diagnostico``…)."""
    return E.objetos()


def _estados(marco):
    """``estado("meta.ciclo")``: ``requerido``, ``opcional`` o ``no_aplica`` con este marco (lo
    que dice su catálogo o, si no dice nada, el formato)."""
    objetos = _objetos()

    def estado(llave: str) -> str:
        entidad, _, nombre = llave.partition(".")
        propio = marco.estado(entidad, nombre)
        if propio:
            return propio
        campo = objetos[entidad].campo(nombre)
        return "requerido" if campo is not None and campo.requerido else "opcional"

    return estado


def _siglas(nombre: str) -> str:
    """«Comité de Planeación y Evaluación» → ``CPE`` (las iniciales de las palabras con mayúscula)."""
    sin_acentos = "".join(c for c in unicodedata.normalize("NFD", nombre) if unicodedata.category(c) != "Mn")
    palabras = re.findall(r"[A-Za-z][A-Za-z0-9]*", sin_acentos)
    iniciales = "".join(p[0] for p in palabras if p[0].isupper())
    return (iniciales or "".join(palabras)[:3].upper() or "P")[:20]


def personas_del_marco(marco, comunidad: list[dict]) -> list[dict]:
    """Las personas que el marco pide (``personas_requeridas``) y ``comunidad`` aún no tiene, como
    entradas por completar: el órgano con su nombre (nunca el de una persona) y una clave libre."""
    tipos = {p.get("tipo") for p in comunidad}
    usados = {p.get("id") for p in comunidad}
    nuevas = []
    for requerida in marco.personas_requeridas():
        tipo = requerida.get("tipo")
        if not tipo or tipo in tipos:
            continue
        nombre = str(requerida.get("nombre") or tipo)
        base = str(requerida.get("id") or _siglas(nombre))
        clave, n = base, 2
        while clave in usados:
            clave, n = f"{base}{n}", n + 1
        usados.add(clave)
        tipos.add(tipo)
        nuevas.append({"id": clave, "nombre": nombre, "tipo": tipo})
    return nuevas


def _mayuscula(texto: str) -> str:
    return texto[:1].upper() + texto[1:]


def _marco_de_plantillas(marco) -> dict:
    """Lo que las plantillas saben del marco: sus claves, sus palabras y lo que pide."""
    valores = marco.valores("agrupacion")
    ejemplo = marco.agrupacion.get("ejemplo")
    ejemplo = next((v for v in valores if v.get("clave") == ejemplo), valores[0] if valores else None)
    reglas = marco.datos.get("reglas_suaves") or {}
    estado = _estados(marco)
    procesos = [str(p.get("nombre")) for p in marco.valores("procesos") if p.get("nombre")]
    return {
        "clave": marco.clave, "nombre": marco.nombre, "siglas": marco.siglas,
        "agrupacion": marco.agrupacion,
        "prioridades": valores,
        "ambitos": marco.valores("ambitos"),
        "valoraciones": marco.valores("valoraciones"),
        # Las palabras de la agrupación y las claves con que se escribe.
        "singular": marco.singular, "plural": marco.plural, "Plural": _mayuscula(marco.plural),
        "una": "una" if marco.femenino else "un", "los": "las" if marco.femenino else "los",
        "uno": "una" if marco.femenino else "uno",
        "clave_lista": marco.clave_lista, "clave_referencia": marco.clave_referencia,
        "clave_valor": marco.clave_valor,
        "ordenada": bool(marco.agrupacion.get("ordenada")),
        "etiquetas": marco.agrupacion.get("etiquetas"),
        "ejemplo": ejemplo,
        "el_mas_urgente": "la más urgente" if marco.femenino else "el más urgente",
        "etiquetas_valores": marco.valores(str(marco.agrupacion["etiquetas"]))
        if marco.agrupacion.get("etiquetas") else [],
        "estado": estado,
        # Los nombres de sus partes y de sus fases.
        "nombres": {"diagnostico": marco.nombre_de("diagnostico", "Autoevaluación / diagnóstico"),
                    "prioridades": marco.nombre_de("prioridades", _mayuscula(marco.plural)),
                    "objetivos": marco.nombre_de("objetivos", "Objetivos"),
                    "metas": marco.nombre_de("metas", "Metas")},
        "procesos": procesos,
        "informe_final": str(marco.informe_final.get("nombre") or "Rendición de cuentas"),
        "citas": marco.datos.get("citas") or {},
        "pista_objetivos": str((reglas.get("objetivo-sin-verbo") or {}).get("pista") or ""),
        # El diagnóstico por ámbito: si el marco lo pide (pemc-2019: los ocho ámbitos).
        "por_ambito": bool(marco.valores("ambitos")) and (
            "diagnostico-por-ambito" in reglas or estado("diagnostico.ambitos") == "requerido"),
        # El horizonte: cuántos ciclos abarca y cuáles.
        "horizonte": texto_horizonte(marco),
        "varios_ciclos": marco.horizonte[1] > 1,
    }


def contexto(pedido: Pedido, destino: Path) -> dict:
    """Los datos que ven las plantillas (nada se calcula en ellas)."""
    e = pedido.escuela
    marco = cargar_marco(pedido.marco, destino)
    ciclos = ciclos_de(pedido, marco)
    plan = plan_para(pedido.ciclo, e.plan_estudios)
    datos_plan = planes().get(plan) or {}
    anexos = [{"clave": a["clave"], "titulo": a.get("titulo", a["clave"]),
               "rasgos": [{"clave": str(r["clave"]), "texto": " ".join(str(r.get("texto", "")).split())}
                          for r in a.get("rasgos") or []]}
              for a in marco.valores("anexos") if e.nivel in (a.get("niveles") or [])]
    anterior = pedido.anterior
    comunidad = list(anterior.comunidad) if anterior is not None else []
    return {
        "version": E.VERSION_FORMATO,
        "ciclo": pedido.ciclo,
        "ciclos": ciclos,
        "texto_ciclos": texto_ciclos(ciclos),
        "ciclo_anterior": f"{int(pedido.ciclo[:4]) - 1}-{pedido.ciclo[:4]}",
        "preguntas": E.PREGUNTAS,
        "marco": _marco_de_plantillas(marco),
        "escuela": e,
        "plan": {"clave": plan, "nombre": datos_plan.get("nombre", ""),
                 "tipo": datos_plan.get("tipo", "asignaturas"), "declarado": bool(e.plan_estudios)},
        "campos": campos_del_plan(plan, e.nivel),
        "anexos": anexos,
        "calendario": calendario_para(pedido.ciclo),
        "turnos": TURNOS,
        "tipos_participante": E.PARTICIPANTE.campo("tipo").tipo.valores,
        "comunidad": comunidad,
        "personas_del_marco": personas_del_marco(marco, comunidad),
        "anterior": anterior,
        "ruta_anterior": _relativa(anterior.carpeta, destino) if anterior is not None else None,
    }


def _relativa(carpeta: Path, destino: Path) -> str:
    try:
        return Path(os.path.relpath(carpeta.resolve(), destino.resolve())).as_posix()
    except ValueError:  # otra unidad en Windows
        return carpeta.resolve().as_posix()


def archivos(pedido: Pedido, destino: Path) -> dict[str, str]:
    """``{"ruta.yaml": texto, …}``: los siete archivos de la Ruta nueva, en su orden."""
    entorno = _entorno(carpeta_plantillas() / "nueva")
    datos = contexto(pedido, destino)
    return {nombre: entorno.get_template(f"{nombre}.j2").render(linea_esquema=linea_modelo(nombre), **datos)
            for nombre in E.ARCHIVOS}


# --- Escribir --------------------------------------------------------------------------------------


def ocupada(destino: Path) -> bool:
    """¿La carpeta ya tiene algo? (un archivo que no es carpeta también cuenta)."""
    if destino.exists() and not destino.is_dir():
        return True
    return destino.is_dir() and any(destino.iterdir())


@contextmanager
def _sin_interrupciones():
    """Aplaza Ctrl-C mientras se mueven los archivos a su lugar (son milisegundos)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    recibidas: list = []
    anterior = signal.signal(signal.SIGINT, lambda *_: recibidas.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, anterior)
    if recibidas:
        raise KeyboardInterrupt


def crear(pedido: Pedido, destino: Path, sobrescribir: bool = False) -> list[Path]:
    """Escribe la Ruta en ``destino`` y devuelve los archivos escritos (los YAML y los esquemas).

    Lanza ``NuevaInvalida`` si la carpeta ya tiene archivos (sin ``sobrescribir``) o si los datos
    darían una Ruta con errores.
    """
    destino = Path(os.path.abspath(destino))
    if destino.exists() and not destino.is_dir():
        raise NuevaInvalida(f"{destino} existe y no es una carpeta.")
    if pedido.anterior is not None and destino.is_dir() and \
            destino.resolve() == pedido.anterior.carpeta.resolve():
        raise NuevaInvalida("la Ruta nueva no puede escribirse sobre la anterior: elige otra carpeta.")
    if ocupada(destino) and not sobrescribir:
        raise NuevaInvalida(f"la carpeta {destino} ya tiene archivos; para reemplazar los de la Ruta "
                            "usa --sobrescribir.")
    revisar_pedido(pedido, destino)
    contenidos = archivos(pedido, destino)
    schemas = {n: texto_json(s) for n, s in esquemas(pedido.marco, destino).items()}

    nuevas = [p for p in [destino, *destino.parents] if not p.exists()]
    destino.parent.mkdir(parents=True, exist_ok=True)
    temporal = Path(tempfile.mkdtemp(prefix=f".{destino.name}.nueva-", dir=destino.parent))
    try:
        _permisos_normales(temporal)
        for nombre, texto in contenidos.items():
            _escribir(temporal / nombre, texto)
        (temporal / CARPETA_ESQUEMAS).mkdir()
        for nombre, texto in schemas.items():
            _escribir(temporal / CARPETA_ESQUEMAS / nombre, texto)
        with _sin_interrupciones():
            if destino.is_dir() and not any(destino.iterdir()):
                destino.rmdir()
            if not destino.exists():
                os.replace(temporal, destino)
            else:
                (destino / CARPETA_ESQUEMAS).mkdir(exist_ok=True)
                for nombre in contenidos:
                    os.replace(temporal / nombre, destino / nombre)
                for nombre in schemas:
                    os.replace(temporal / CARPETA_ESQUEMAS / nombre, destino / CARPETA_ESQUEMAS / nombre)
                shutil.rmtree(temporal)
    except BaseException:
        shutil.rmtree(temporal, ignore_errors=True)
        for carpeta in nuevas:  # las que esta llamada creó, de la más honda hacia arriba
            try:
                if carpeta.exists():
                    carpeta.rmdir()
            except OSError:
                break
        raise
    return [destino / n for n in contenidos] + [destino / CARPETA_ESQUEMAS / n for n in schemas]


def _escribir(ruta: Path, texto: str) -> None:
    with open(ruta, "w", encoding="utf-8", newline="\n") as f:
        f.write(texto)


def _permisos_normales(carpeta: Path) -> None:
    """``mkdtemp`` crea la carpeta solo para su dueño; la Ruta lleva los permisos de siempre."""
    mascara = os.umask(0)
    os.umask(mascara)
    os.chmod(carpeta, 0o777 & ~mascara)
