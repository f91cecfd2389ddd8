"""Las plantillas: el entorno aislado de Jinja, dónde están las plantillas y ``renderizar``.

**Seguridad.** Las plantillas se ejecutan siempre en el entorno aislado de Jinja
(``ImmutableSandboxedEnvironment``) con los topes y el cargador de ``aislado``; en HTML el
escape automático está activo y en Markdown cada valor pasa por ``escapar_md``. Las gráficas SVG se arman en ``graficas`` escapando cada
texto antes de marcarlas como seguras.

Posee ``carpeta_de_plantillas``, ``nombre_de_plantilla``, el filtro ``css`` (``texto_css``),
``renderizar`` y la traducción al español de los errores de una plantilla (``ErrorDePlantilla``).
"""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

from rutamejora.informes.errores import ErrorDePlantilla, ErrorDeUso
from rutamejora.informes.formas import escapar_md


def _final_md(valor):
    from markupsafe import Markup

    if valor is None:
        return ""
    if isinstance(valor, Markup):
        return str(valor)
    if isinstance(valor, (bool, int, Decimal)):
        return str(valor)
    return escapar_md(str(valor))


def _final_html(valor):
    return "" if valor is None else valor


def texto_css(valor) -> str:
    """Un texto como cadena de CSS (``content: "…"``) dentro de ``<style>``: todo lo que no es
    letra, número o espacio va como escape hexadecimal, así que ni unas comillas ni un
    ``</style>`` pueden cerrar nada."""
    from markupsafe import Markup

    partes = []
    for c in " ".join(str(valor or "").split()):
        partes.append(c if c.isalnum() or c == " " else f"\\{ord(c):x} ")
    return Markup('"' + "".join(partes) + '"')


def carpeta_de_plantillas() -> Path:
    """``plantillas/informe`` instalada dentro del paquete, o la del árbol de fuentes."""
    try:
        from importlib.resources import files

        instalada = Path(str(files("rutamejora").joinpath("plantillas", "informe")))
        if instalada.is_dir():
            return instalada
    except (ModuleNotFoundError, TypeError, ValueError):
        pass
    return Path(__file__).resolve().parents[2] / "plantillas" / "informe"


def nombre_de_plantilla(tipo: str, formato: str) -> str:
    return f"{tipo}.{formato}.j2"


def _entorno(formato: str, plantillas: Path | None, cache=None):
    """El entorno aislado de ``formato``; ``cache``, la caché de código (por omisión, la de las
    plantillas incluidas compiladas de antemano: ``compiladas``)."""
    from jinja2 import ChoiceLoader, StrictUndefined

    from rutamejora.informes.aislado import Cargador, EntornoAislado
    from rutamejora.informes.compiladas import Compiladas

    incluidas = carpeta_de_plantillas()
    cargadores = []
    if plantillas is not None:
        cargadores.append(Cargador(plantillas, [plantillas, incluidas]))
    cargadores.append(Cargador(incluidas, [incluidas]))
    # Siempre aislado y con topes: las plantillas propias y las incluidas, con las mismas reglas.
    env = EntornoAislado(
        loader=ChoiceLoader(cargadores), undefined=StrictUndefined, autoescape=formato == "html",
        finalize=_final_md if formato == "md" else _final_html,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, auto_reload=False,
        bytecode_cache=Compiladas(formato) if cache is None else cache)
    env.filters["css"] = texto_css
    return env


def renderizar(contexto: dict, tipo: str, formato: str, plantillas: Path | None = None) -> str:
    """El informe como texto. Lanza ``ErrorDePlantilla`` (en español) si una plantilla falla."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if plantillas is not None and not plantillas.is_dir():
        raise ErrorDeUso(f"la carpeta de plantillas {plantillas} no existe.")
    from rutamejora.informes.aislado import Excedido, producir

    nombre = nombre_de_plantilla(tipo, formato)
    env = _entorno(formato, plantillas)
    try:
        texto = producir(env.get_template(nombre), contexto)
    except ErrorDePlantilla:
        raise
    except Excedido as exc:
        raise ErrorDePlantilla(
            f"la plantilla {_donde(exc, nombre)} pasó un límite del entorno aislado ({exc}). Las "
            "plantillas solo muestran los datos del informe (ver `ruta ayuda informes`).") from None
    except TemplateNotFound as exc:
        raise ErrorDePlantilla(f"no se encontró la plantilla {exc.name}.") from None
    except TemplateSyntaxError as exc:
        raise ErrorDePlantilla(
            f"la plantilla {exc.name or nombre} tiene un error de sintaxis en la línea {exc.lineno} "
            f"(Jinja dice: {exc.message}).") from None
    except SecurityError as exc:
        donde = _donde(exc, nombre)
        raise ErrorDePlantilla(
            f"la plantilla {donde} intentó algo que el entorno seguro de las plantillas no permite "
            f"({_que_se_intento(str(exc))}). Las plantillas solo pueden mostrar los datos del "
            "informe (ver `ruta ayuda informes`).") from None
    except UndefinedError as exc:
        donde = _donde(exc, nombre)
        raise ErrorDePlantilla(
            f"la plantilla {donde} usa un dato que no existe ({_dato_que_falta(str(exc))}). "
            "Los datos disponibles están en `ruta ayuda informes`.") from None
    except TemplateError as exc:
        raise ErrorDePlantilla(f"la plantilla {_donde(exc, nombre)} falló: {exc}.") from None
    except RecursionError as exc:
        if plantillas is None:
            raise
        raise ErrorDePlantilla(f"la plantilla {_donde(exc, nombre)} se llama a sí misma sin fin "
                               "(una macro o un include que no termina).") from None
    except Exception as exc:  # noqa: BLE001 - una plantilla propia puede fallar de mil maneras
        if plantillas is None:
            raise
        raise ErrorDePlantilla(f"la plantilla {_donde(exc, nombre)} falló "
                               f"({type(exc).__name__}: {exc}).") from None
    return texto.rstrip("\n") + "\n"


def _donde(exc: BaseException, nombre: str) -> str:
    """«rendicion.html.j2, línea 12»: el último marco de plantilla del traceback."""
    archivo, linea = nombre, None
    tb = exc.__traceback__
    while tb is not None:
        codigo = tb.tb_frame.f_code.co_filename
        if codigo.endswith(".j2") or codigo.endswith(".html") or codigo.endswith(".md"):
            archivo, linea = Path(codigo).name, tb.tb_lineno
        tb = tb.tb_next
    return f"{archivo}, línea {linea}" if linea else archivo


_MODIFICADORES = {"append", "extend", "insert", "pop", "popitem", "remove", "reverse", "sort",
                  "clear", "update", "setdefault", "add", "discard", "difference_update",
                  "intersection_update", "symmetric_difference_update"}


def _que_se_intento(mensaje: str) -> str:
    m = re.search(r"access to attribute '([^']+)' of '([^']+)' object is unsafe", mensaje)
    if m:
        atributo = m.group(1)
        if atributo in _MODIFICADORES:
            return f"modificar los datos del informe con `{atributo}`"
        if atributo.startswith("_"):
            return f"leer el atributo interno `{atributo}`"
        return f"usar `{atributo}`"
    if "is not safely callable" in mensaje:
        return "llamar a una función no permitida"
    if "range too big" in mensaje:
        return "un rango demasiado grande"
    return "una operación no permitida"


def _dato_que_falta(mensaje: str) -> str:
    m = re.search(r"has no attribute '([^']+)'", mensaje)
    if m:
        return f"`{m.group(1)}`"
    m = re.search(r"'([^']+)' is undefined", mensaje)
    if m:
        return f"`{m.group(1)}`"
    return mensaje
