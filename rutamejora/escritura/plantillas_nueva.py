"""Las plantillas de ``plantillas/nueva/`` y lo que ven: el entorno de Jinja, sus filtros y el contexto.

Los filtros escriben escalares de YAML que se leen igual (``escalar``) y comentarios (``comentario``,
``lineas``). El contexto lleva todo calculado: la escuela, el ciclo y su calendario, el plan de
estudios, los anexos por valorar, las palabras del marco, lo que se hereda de la Ruta anterior y
los ejemplos comentados en el lenguaje del nivel, con lugares de la entidad de la escuela
(``plantillas/nueva/ejemplos.yaml``).
"""

from __future__ import annotations

import importlib.util
import json
import os
import re
import textwrap
import unicodedata
from datetime import date
from decimal import Decimal
from pathlib import Path

from rutamejora.formato import esquema as E
from rutamejora.catalogos import campos_del_plan, cargar_marco, plan_para, planes
from rutamejora.formato.esquema_json import linea_modelo
from rutamejora.escritura.calendario_nuevo import calendario_para
from rutamejora.escritura.datos_escuela import TURNOS
from rutamejora.escritura.pedido import Pedido, ciclos_de, texto_ciclos, texto_horizonte
from rutamejora.nucleo.expresiones import compilar


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


_PLANO = compilar(r"^[^\s\-?:,\[\]{}#&*!|>'\"%@`][^\n]*$")


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


def ejemplos_del_nivel(nivel: str | None, entidad_cct: str | None, ciclo_anterior: str) -> tuple[dict, dict]:
    """(ejemplo, lugar): los textos de los ejemplos comentados en el lenguaje de ``nivel`` (en
    preescolar, observación y campos formativos, sin calificaciones ni SisAT) y un municipio y
    una localidad de la entidad (los dos primeros dígitos de la CCT)."""
    from ruamel.yaml import YAML

    datos = YAML(typ="safe", pure=True).load(
        (carpeta_plantillas() / "nueva" / "ejemplos.yaml").read_text(encoding="utf-8"))
    niveles = datos["niveles"]
    ejemplo = niveles.get(nivel) or niveles["primaria"]

    def poner(valor):
        if isinstance(valor, list):
            return [poner(v) for v in valor]
        return valor.replace("{ciclo_anterior}", ciclo_anterior) if isinstance(valor, str) else valor

    lugares = datos["lugares"]
    return {k: poner(v) for k, v in ejemplo.items()}, lugares.get(entidad_cct) or lugares["21"]


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
    ciclo_anterior = f"{int(pedido.ciclo[:4]) - 1}-{pedido.ciclo[:4]}"
    ejemplo, lugar = ejemplos_del_nivel(e.nivel, (e.cct or "")[:2], ciclo_anterior)
    return {
        "version": E.VERSION_FORMATO,
        "ciclo": pedido.ciclo,
        "ciclos": ciclos,
        "texto_ciclos": texto_ciclos(ciclos),
        "ciclo_anterior": ciclo_anterior,
        "ejemplo": ejemplo,
        "lugar": lugar,
        "preguntas": E.PREGUNTAS,
        "marco": _marco_de_plantillas(marco),
        "escuela": e,
        # Preescolar nunca tuvo asignaturas: sus planes de 2011 y 2017 también son por campos.
        "plan": {"clave": plan, "nombre": datos_plan.get("nombre", ""),
                 "tipo": "campos formativos" if e.nivel == "preescolar" else datos_plan.get("tipo", "asignaturas"),
                 "declarado": bool(e.plan_estudios)},
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
