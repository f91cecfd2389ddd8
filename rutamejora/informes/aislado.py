"""El entorno aislado de las plantillas: qué archivos leen y hasta dónde pueden llegar.

Una plantilla propia (``--plantillas``) es código de otra persona. El ``ImmutableSandboxedEnvironment``
de Jinja ya le impide leer atributos internos o modificar los datos; aquí se cierra lo demás:

- **Qué lee.** ``Cargador`` lee solo archivos normales cuya ruta, con los enlaces resueltos, está
  dentro de la carpeta de plantillas (o de las incluidas): un ``leak.j2 -> /etc/hostname`` o un
  enlace a ``/`` dentro de la carpeta no sirve para leer nada de fuera.
- **Hasta dónde llega.** Topes fijos, iguales en todo sistema y sin señales ni relojes: el
  tamaño de un texto o una lista que se arma (``'a' * 2000000000``, ``center``, ``~`` repetido…),
  la longitud de un ``range``, las vueltas de los bucles (``range(100000)`` dentro de otro) y
  las llamadas (una macro que se llama dos veces a sí misma) de todo el informe, y el tamaño
  del informe: lo que pasa de un tope se detiene en segundos. Quien pasa uno recibe
  ``Excedido``, que ``entorno`` traduce a un error de la plantilla (salida 2).

Los topes sobran para cualquier informe real: los de una Ruta de ejemplo hacen unas 200
llamadas y vueltas; una Ruta cien veces más grande no llega a los topes.
"""

from __future__ import annotations

import functools
import os
import re
from pathlib import Path

from jinja2 import BaseLoader, TemplateNotFound, nodes, pass_context
from jinja2.loaders import split_template_path
from jinja2.runtime import LoopContext
from jinja2.sandbox import ImmutableSandboxedEnvironment
from jinja2.visitor import NodeTransformer

from rutamejora.informes.errores import ErrorDePlantilla
from rutamejora.nucleo.archivos import leer_regular

TOPE_TEXTO = 10_000_000      # caracteres de un texto, o elementos de una lista, que se arma
TOPE_SALIDA = 50_000_000     # caracteres del informe entero
TOPE_RANGO = 100_000         # elementos de un range()
TOPE_VUELTAS = 5_000_000     # vueltas de bucle en todo el informe (unos 3 s)
TOPE_LLAMADAS = 200_000      # llamadas (macros, métodos) en todo el informe (una macro: ~20 µs)
TOPE_BITS = 100_000          # bits de un número entero (unos 30 000 dígitos)
TOPE_PLANTILLA = 5 * 1024 * 1024

# Los métodos de texto y los filtros que rellenan hasta un tamaño dado: el tamaño se revisa antes.
_RELLENAN = {"center", "ljust", "rjust", "zfill", "expandtabs"}
_FILTROS_QUE_RELLENAN = {"center", "indent", "slice", "batch", "wordwrap"}


class Excedido(Exception):
    """Una plantilla pasó uno de los topes del entorno aislado; el mensaje dice cuál."""


# --- Qué lee -------------------------------------------------------------------------------------


class Cargador(BaseLoader):
    """Lee plantillas de ``carpeta``: solo archivos normales que, resueltos, quedan dentro de
    alguna de las ``permitidas`` (la carpeta misma y la de las plantillas incluidas)."""

    def __init__(self, carpeta: Path, permitidas: list[Path]):
        self.carpeta = os.path.realpath(carpeta)
        self.permitidas = [os.path.realpath(p) for p in permitidas]

    def get_source(self, environment, template):
        camino = os.path.join(self.carpeta, *split_template_path(template))  # sin «..»
        if not os.path.lexists(camino):
            raise TemplateNotFound(template)
        real = os.path.realpath(camino)
        if not any(os.path.commonpath([real, p]) == p for p in self.permitidas):
            raise ErrorDePlantilla(f"la plantilla {template} lleva fuera de la carpeta de plantillas "
                                   f"({real}): no se lee. Una plantilla solo puede usar las de su "
                                   "carpeta y las incluidas.")
        try:
            crudo = leer_regular(real, TOPE_PLANTILLA)
        except OSError as exc:
            raise ErrorDePlantilla(f"no se pudo leer la plantilla {template}: {exc.strerror or exc}.") from None
        try:
            texto = crudo.decode("utf-8")
        except UnicodeDecodeError:
            raise ErrorDePlantilla(f"la plantilla {template} no está en UTF-8.") from None
        return texto, camino, lambda: True


# --- Hasta dónde llega -----------------------------------------------------------------------------


def _tamano(valor) -> None:
    """Lanza ``Excedido`` si ``valor`` es un texto, una lista o un número más grande que los topes."""
    if isinstance(valor, (str, list, tuple, dict, set)) and len(valor) > TOPE_TEXTO:
        raise Excedido(f"un texto o una lista de más de {TOPE_TEXTO:,} elementos")
    if isinstance(valor, int) and not isinstance(valor, bool) and valor.bit_length() > TOPE_BITS:
        raise Excedido("un número demasiado grande")


def _enteros(args, kwargs):
    return [a for a in (*args, *kwargs.values()) if isinstance(a, int) and not isinstance(a, bool)]


def _formato(plantilla: str, args, kwargs) -> None:
    """Un formato (``%`` o ``format``) con un ancho enorme, escrito o pasado como argumento."""
    if re.search(r"\d{7,}", plantilla):
        raise Excedido("un formato con un ancho enorme")
    if re.search(r"\*|\{[^{}]*\{", plantilla) and any(abs(n) > TOPE_TEXTO for n in _enteros(args, kwargs)):
        raise Excedido("un formato con un ancho enorme")


def _binop(operador: str, izq, der) -> None:
    secuencias = (str, list, tuple)
    if operador == "*":
        for seq, n in ((izq, der), (der, izq)):
            if isinstance(seq, secuencias) and isinstance(n, int) and len(seq) * n > TOPE_TEXTO:
                raise Excedido(f"un texto o una lista de más de {TOPE_TEXTO:,} elementos")
        if isinstance(izq, int) and isinstance(der, int) and izq.bit_length() + der.bit_length() > TOPE_BITS:
            raise Excedido("un número demasiado grande")
    elif operador == "+":
        if isinstance(izq, secuencias) and isinstance(der, secuencias) and len(izq) + len(der) > TOPE_TEXTO:
            raise Excedido(f"un texto o una lista de más de {TOPE_TEXTO:,} elementos")
    elif operador == "**":
        if isinstance(izq, int) and isinstance(der, int) and der > 0 and abs(izq) > 1 \
                and abs(izq).bit_length() * der > TOPE_BITS:
            raise Excedido("un número demasiado grande")
    elif operador == "%" and isinstance(izq, str):
        _formato(izq, der if isinstance(der, tuple) else (der,), der if isinstance(der, dict) else {})


def _vigilado(nombre: str, filtro):
    """El filtro ``nombre`` con sus argumentos y su resultado revisados contra los topes."""
    @functools.wraps(filtro)  # copia `jinja_pass_arg`: Jinja le sigue pasando lo que pedía
    def vigilado(*args, **kwargs):
        if nombre in _FILTROS_QUE_RELLENAN and any(abs(n) > TOPE_TEXTO for n in _enteros(args, kwargs)):
            raise Excedido(f"`{nombre}` con un tamaño de más de {TOPE_TEXTO:,}")
        if nombre == "format" and args and isinstance(args[0], str):
            _formato(args[0], args[1:], kwargs)
        resultado = filtro(*args, **kwargs)
        _tamano(resultado)
        return resultado
    return vigilado


class _Vigilar(NodeTransformer):
    """Cada bucle cuenta sus vueltas y cada ``~`` revisa el tamaño de lo que arma."""

    def visit_For(self, nodo):
        nodo = self.generic_visit(nodo)
        nodo.iter = nodes.Filter(nodo.iter, "_contar", [], [], None, None, lineno=nodo.lineno)
        return nodo

    def visit_Concat(self, nodo):
        nodo = self.generic_visit(nodo)
        return nodes.Filter(nodo, "_tope", [], [], None, None, lineno=nodo.lineno)


@pass_context  # con el contexto Jinja no intenta calcularlo al compilar
def _contar(contexto, iterable):
    entorno = contexto.environment
    for elemento in iterable:
        entorno.vuelta()
        yield elemento


@pass_context
def _tope(contexto, valor):
    _tamano(valor)
    return valor


class EntornoAislado(ImmutableSandboxedEnvironment):
    """El entorno inmutable de Jinja con los topes de este módulo."""

    intercepted_binops = frozenset(["*", "+", "**", "%"])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.vueltas = self.llamadas = 0
        self.globals["range"] = self._rango
        self.globals.pop("lipsum", None)  # texto de relleno de tamaño arbitrario: no hace falta
        self.filters = {n: _vigilado(n, f) for n, f in self.filters.items()}
        self.filters["_contar"], self.filters["_tope"] = _contar, _tope

    def vuelta(self) -> None:
        self.vueltas += 1
        if self.vueltas > TOPE_VUELTAS:
            raise Excedido(f"más de {TOPE_VUELTAS:,} vueltas de bucle")

    def _rango(self, *args):
        rango = range(*args)
        if len(rango) > TOPE_RANGO:
            raise Excedido(f"un range() de más de {TOPE_RANGO:,} elementos")
        return rango

    def _parse(self, source, name, filename):
        return _Vigilar().visit(super()._parse(source, name, filename))

    def call_binop(self, context, operator, left, right):
        _binop(operator, left, right)
        resultado = super().call_binop(context, operator, left, right)
        _tamano(resultado)
        return resultado

    def call(self, contexto, objeto, /, *args, **kwargs):  # noqa: D102 - el de Jinja, vigilado
        self.llamadas += 1
        if self.llamadas > TOPE_LLAMADAS:
            raise Excedido(f"más de {TOPE_LLAMADAS:,} llamadas")
        if isinstance(objeto, LoopContext) and args:  # `loop(…)` de un bucle recursivo también cuenta
            args = (_contar(contexto, args[0]), *args[1:])
        duenio = getattr(getattr(objeto, "__wrapped__", objeto), "__self__", None)
        metodo = getattr(getattr(objeto, "__wrapped__", objeto), "__name__", "")
        if isinstance(duenio, str):
            if metodo in _RELLENAN and any(abs(n) > TOPE_TEXTO for n in _enteros(args, kwargs)):
                raise Excedido(f"`{metodo}` con un tamaño de más de {TOPE_TEXTO:,}")
            if metodo in ("format", "format_map"):
                _formato(duenio, args, kwargs)
        resultado = super().call(contexto, objeto, *args, **kwargs)
        _tamano(resultado)
        return resultado


def producir(plantilla, contexto: dict) -> str:
    """El texto de ``plantilla`` pieza por pieza, sin pasar de ``TOPE_SALIDA`` caracteres."""
    partes: list[str] = []
    total = 0
    for parte in plantilla.generate(contexto):
        total += len(parte)
        if total > TOPE_SALIDA:
            raise Excedido(f"un informe de más de {TOPE_SALIDA:,} caracteres")
        partes.append(parte)
    return "".join(partes)
