"""Eventos del analizador en C de ruamel sin el ``__init__`` en Python de cada uno.

El analizador en C (``_ruamel_yaml.CParser``) arma cada evento llamando a las clases de
``ruamel.yaml.events`` por su nombre en el módulo en C: ``ScalarEvent(anchor, tag, implicit,
value, start_mark, end_mark, style)``. Esas clases tienen un ``__init__`` en Python que llama a
otros dos (0.21 µs por evento; ~3 400 eventos por Ruta). Mientras ``lectura`` arma un árbol,
``ligeros()`` pone en su lugar:

- para un escalar (tres de cada cuatro eventos), ``lambda *a: a``: la tupla de los argumentos,
  tal cual (``(ancla, etiqueta, implícito, valor, inicio, fin, estilo)``, 0.06 µs);
- para el cierre de un mapa o de una lista, el índice de carácter donde termina (un ``int``:
  ``lectura`` lo guarda en el nodo y no lee nada más del cierre);
- para el fin de un documento y el flujo, un mismo objeto cada vez (``lectura`` no lee nada de
  ellos);
- para lo demás (aperturas, alias, inicio de documento), tuplas con los mismos campos por
  nombre.

Salvaguardas, porque es cambiar por un momento nombres de un módulo ajeno:

- Solo mientras dura una lectura (``with ligeros() as clases``) y con un candado: dos lecturas
  no se cruzan y al salir, también con una excepción, vuelven las clases de ruamel.
- La primera vez se analiza un documento de prueba con unas y otras y se comparan evento por
  evento (tipo, ancla, etiqueta, valor, estilo, posiciones): si una versión de ruamel llamara
  a sus clases de otra forma, no se cambia nada nunca y se lee como siempre.
- Quien use el analizador en C de ruamel en otro hilo *al mismo tiempo* que ``ruta`` lee una
  Ruta recibiría estos eventos: ``ruta`` no usa hilos al leer (el pool es de procesos); quien
  importe ``rutamejora`` en un programa con hilos puede apagarlo con ``USAR = False``.
"""

from __future__ import annotations

import _thread
from functools import lru_cache
from operator import itemgetter

# Si se usan (lo comprueba ``_sirven`` la primera vez).
USAR = True


def _tupla(nombre: str, campos: str):
    """Una tupla con esos campos por nombre (``tag`` además, si hay ``ctag``: la propiedad de
    ruamel que da su texto). Sin ``namedtuple``: armar una cuesta decenas de µs al importar
    (``eval`` de su ``__new__``), y esto se importa en cada ``ruta validar``."""
    atributos = {"__slots__": ()}
    for i, campo in enumerate(campos.split()):
        atributos[campo] = property(itemgetter(i))
    if "ctag" in atributos:
        atributos["tag"] = atributos["ctag"]
    return type(nombre, (tuple,), atributos)


# Con los argumentos, en su orden, con que el módulo en C llama a cada clase (solo las que
# ``lectura`` lee: de un cierre solo el índice de su fin; del fin de un documento y del flujo,
# nada).
ESCALAR = _tupla("Escalar", "anchor ctag implicit value start_mark end_mark style")
ABRE_MAPA = _tupla("AbreMapa", "anchor ctag implicit start_mark end_mark flow_style")
ABRE_LISTA = _tupla("AbreLista", "anchor ctag implicit start_mark end_mark flow_style")
ALIAS = _tupla("Alias", "anchor start_mark end_mark")
INICIO_DOCUMENTO = _tupla("InicioDocumento", "start_mark end_mark explicit version tags")


class _Marca:
    """Un evento del que no se lee nada: siempre el mismo objeto de su clase."""

    __slots__ = ()


FIN_DOCUMENTO, INICIO_FLUJO, FIN_FLUJO = (
    type(nombre, (_Marca,), {"__slots__": ()})
    for nombre in ("FinDocumento", "InicioFlujo", "FinFlujo"))
_UNO_DE = {clase: clase() for clase in (FIN_DOCUMENTO, INICIO_FLUJO, FIN_FLUJO)}


def _siempre(clase):
    objeto = _UNO_DE[clase]
    return lambda *_: objeto


_SUSTITUTOS = {
    "ScalarEvent": lambda *argumentos: argumentos,
    "MappingStartEvent": lambda *argumentos: ABRE_MAPA(argumentos),
    "SequenceStartEvent": lambda *argumentos: ABRE_LISTA(argumentos),
    "AliasEvent": lambda *argumentos: ALIAS(argumentos),
    "DocumentStartEvent": lambda *argumentos: INICIO_DOCUMENTO(argumentos),
    "DocumentEndEvent": _siempre(FIN_DOCUMENTO), "StreamStartEvent": _siempre(INICIO_FLUJO),
    "StreamEndEvent": _siempre(FIN_FLUJO),
    # El cierre: (inicio, fin) → el índice del fin.
    "MappingEndEvent": lambda _inicio, fin: fin.index,
    "SequenceEndEvent": lambda _inicio, fin: fin.index,
}
# La clase de cada tipo de evento que recibe ``lectura`` mientras se usan los sustitutos: un
# escalar llega como ``tuple`` (``ESCALAR(evento)`` le da nombres) y un cierre como ``int``.
_CLASES_LIGERAS = {
    "ScalarEvent": tuple, "MappingStartEvent": ABRE_MAPA, "SequenceStartEvent": ABRE_LISTA,
    "AliasEvent": ALIAS, "DocumentStartEvent": INICIO_DOCUMENTO, "DocumentEndEvent": FIN_DOCUMENTO,
    "StreamStartEvent": INICIO_FLUJO, "StreamEndEvent": FIN_FLUJO, "MappingEndEvent": int,
    "SequenceEndEvent": int,
}
_CANDADO = _thread.allocate_lock()
_DUENO: list = [None]  # el hilo que tiene puestos los sustitutos
_COMPROBADO: list[bool] = []  # [si sirven], una vez por proceso

# Un documento con cada clase de evento y cada forma de escalar.
_PRUEBA = ("%YAML 1.2\n---\na: &x 1\nb: [c, {d: 'e'}]\nf: *x\ng: !t \"h\\u00e9\"\n"
           "i: |\n  j\nk:\n  - ~\n  - l: >-\n      m\n...\n")


def _modulo():
    """El módulo en C de ruamel (el que llama a las clases por su nombre)."""
    import sys

    from ruamel.yaml.cyaml import CParser

    return sys.modules[CParser.__module__]


@lru_cache(maxsize=1)
def _clases_de_ruamel() -> dict:
    """{nombre de clase: clase de ruamel}, en las claves de ``_SUSTITUTOS`` (una vez por proceso:
    se pregunta en cada archivo que se lee). Quien la use no la cambia."""
    from ruamel.yaml import events

    return {nombre: getattr(events, nombre) for nombre in _SUSTITUTOS}


_SIN_LEER = ("DocumentEndEvent", "StreamStartEvent", "StreamEndEvent")
_CIERRES = ("MappingEndEvent", "SequenceEndEvent")


def _resumen(evento) -> tuple:
    """Lo que ``lectura`` lee de un evento, para comparar los dos tipos de evento."""
    if type(evento) is tuple:
        evento = ESCALAR(evento)
    if type(evento) is int:
        return (evento,)  # el cierre ligero: el índice de su fin
    if type(evento).__name__ in _CIERRES:
        return (evento.end_mark.index,)
    if isinstance(evento, _Marca) or type(evento).__name__ in _SIN_LEER:
        return ()  # del fin de un documento o del flujo no se lee nada
    campos = []
    for nombre in ("anchor", "tag", "implicit", "value", "style", "flow_style", "explicit"):
        campos.append(getattr(evento, nombre, None))
    for marca in (evento.start_mark, evento.end_mark):
        campos.append((marca.index, marca.line, marca.column))
    return tuple(campos)


def _eventos(modulo, texto: str) -> list:
    parser = modulo.CParser(texto)
    eventos = []
    while (evento := parser.get_event()) is not None:
        eventos.append(evento)
    return eventos


def _sirven(modulo) -> bool:
    """Si el módulo en C arma con los sustitutos los mismos eventos que con las clases de ruamel."""
    if not _COMPROBADO:
        try:
            originales = _eventos(modulo, _PRUEBA)
            _poner(modulo, _SUSTITUTOS)
            try:
                ligeros_ = _eventos(modulo, _PRUEBA)
            finally:
                _poner(modulo, _clases_de_ruamel())
            # Cada evento ligero, de la clase que le toca al de ruamel del mismo lugar.
            iguales = len(originales) == len(ligeros_) and all(
                _CLASES_LIGERAS.get(type(a).__name__) is type(b) and _resumen(a) == _resumen(b)
                for a, b in zip(originales, ligeros_))
        except Exception:  # noqa: BLE001 — otra versión de ruamel: se lee como siempre
            iguales = False
        _COMPROBADO.append(iguales)
    return _COMPROBADO[0]


def _poner(modulo, clases: dict) -> None:
    for nombre, clase in clases.items():
        setattr(modulo, nombre, clase)


class ligeros:  # noqa: N801 — se usa como función: ``with ligeros() as clases``
    """Mientras dura, el analizador en C arma los eventos con los sustitutos. Da
    ``{nombre de clase de ruamel: clase de los eventos que llegan}`` (las de ruamel si no se
    pudo; ``tuple`` para los escalares si sí).

    Otro hilo espera a que termine (el candado); dentro de otro ``ligeros`` del mismo hilo no se
    cambia nada otra vez. Si algo lo interrumpe al entrar (Ctrl-C en la prueba de arranque o a
    media sustitución), las clases de ruamel vuelven y el candado se suelta antes de seguir."""

    def __enter__(self) -> dict:
        self._cambio = None
        clases = _clases_de_ruamel()
        if not USAR:
            return clases
        if _DUENO[0] == _thread.get_ident():
            return dict(_CLASES_LIGERAS)  # dentro de otro ``ligeros`` de este hilo: ya están
        modulo = _modulo()
        _CANDADO.acquire()
        tengo, puestos = True, False
        try:
            if not _sirven(modulo) or any(getattr(modulo, n, None) is not c for n, c in clases.items()):
                _CANDADO.release()
                tengo = False
                return clases  # otra versión de ruamel, u otro las cambió: nada que tocar
            _DUENO[0] = _thread.get_ident()
            puestos = True
            _poner(modulo, _SUSTITUTOS)
            self._cambio = (modulo, clases)
            return dict(_CLASES_LIGERAS)
        except BaseException:
            if puestos:
                _poner(modulo, clases)
            _DUENO[0] = None
            if tengo:
                _CANDADO.release()
            raise

    def __exit__(self, *excepcion) -> None:
        if self._cambio is not None:
            modulo, clases = self._cambio
            try:
                _poner(modulo, clases)
            finally:
                _DUENO[0] = None
                _CANDADO.release()
