"""``registro``: las clases de datos del camino de ``ruta validar``, sin ``dataclasses``.

Por qué: ``import dataclasses`` trae ``inspect`` (y con él ``ast``, ``dis``, ``tokenize``…) y
``@dataclass`` arma cada método con su propio ``exec`` y mucha introspección: con las 17 clases
que ``ruta validar`` creaba al arrancar eran ~18 ms de cada arranque, más de lo que cuesta
validar una Ruta (docs/rendimiento.md, décima vuelta). ``registro`` hace lo poco que esas clases
usaban de ``dataclass``, escritas igual, con un solo ``exec`` por clase:

- los campos son las anotaciones de la clase, en su orden; un valor por omisión se escribe
  igual (``x: int = 0``) y uno nuevo para cada objeto con ``campo(fabrica=list)``;
- ``__init__`` con los campos en ese orden (``campo(..., init=False)`` lo deja fuera: toma su
  valor por omisión);
- ``__repr__`` como el de ``dataclass`` (``campo(..., mostrar=False)`` no sale);
- ``__eq__`` entre objetos de la misma clase, campo por campo (``campo(..., compara=False)`` no
  cuenta). Como con ``dataclass``, sin ``frozen`` la clase no tiene ``__hash__``;
- ``frozen=True``: asignar un campo después de crear el objeto es un ``AttributeError``
  (``Inmutable``) y el ``__hash__`` es el de sus campos que comparan;
- ``slots=True``: ``__slots__`` con los campos (una clase nueva, como hace ``dataclass``);
- ``reemplazar(objeto, **cambios)``: una copia con esos campos cambiados (``dataclasses.replace``);
- ``campos(clase)``: los nombres de sus campos, en orden (``dataclasses.fields``).

Lo que no hace (herencia de campos, orden, ``kw_only``, ``InitVar``, ``ClassVar``…) no lo usa
ninguna de esas clases: una clase que lo necesite usa ``dataclass``. Lo comprueba
``tests/nucleo/test_registro.py`` contra ``dataclass`` misma.
"""

from __future__ import annotations

__all__ = ["registro", "campo", "campos", "reemplazar", "Inmutable"]

_FALTA = object()   # un campo sin valor por omisión


class Inmutable(AttributeError):
    """Se intentó cambiar un campo de un objeto ``frozen`` (``dataclasses.FrozenInstanceError``)."""


class Campo:
    """Lo que se dice de un campo con ``campo(...)``."""

    __slots__ = ("valor", "fabrica", "init", "compara", "mostrar")

    def __init__(self, valor=_FALTA, fabrica=None, init=True, compara=True, mostrar=True):
        if valor is not _FALTA and fabrica is not None:
            raise ValueError("un campo lleva un valor por omisión o una fábrica, no los dos")
        self.valor, self.fabrica = valor, fabrica
        self.init, self.compara, self.mostrar = init, compara, mostrar


def campo(valor=_FALTA, *, fabrica=None, init: bool = True, compara: bool = True,
          mostrar: bool = True) -> Campo:
    """Un campo con opciones: ``valor`` por omisión o ``fabrica`` (``list``: uno nuevo por
    objeto); ``init``, si va en ``__init__``; ``compara``, si cuenta en ``==`` y en el hash;
    ``mostrar``, si sale en ``repr``."""
    return Campo(valor, fabrica, init, compara, mostrar)


def registro(cls=None, /, *, frozen: bool = False, slots: bool = False):
    """Decorador: ``@registro`` o ``@registro(frozen=True, slots=True)``."""
    if cls is None:
        return lambda clase: _armar(clase, frozen, slots)
    return _armar(cls, frozen, slots)


def reemplazar(objeto, **cambios):
    """Una copia de ``objeto`` con ``cambios`` (los demás campos, los mismos)."""
    for nombre, opciones in type(objeto).__campos__:
        if not opciones.init:
            if nombre in cambios:
                raise ValueError(f"el campo {nombre!r} no va en __init__: no se puede reemplazar")
        elif nombre not in cambios:
            cambios[nombre] = getattr(objeto, nombre)
    return type(objeto)(**cambios)


def campos(clase) -> tuple[str, ...]:
    """Los nombres de los campos de ``clase`` (o de la clase de un objeto), en su orden."""
    clase = clase if isinstance(clase, type) else type(clase)
    return tuple(nombre for nombre, _ in clase.__campos__)


def _campos(cls) -> tuple[tuple[str, Campo], ...]:
    """(nombre, opciones) de cada anotación de la clase misma, en su orden."""
    campos = []
    for nombre, anotacion in cls.__dict__.get("__annotations__", {}).items():
        if "ClassVar" in str(anotacion) or "InitVar" in str(anotacion):
            raise TypeError(f"{cls.__qualname__}.{nombre}: registro no sabe de ClassVar ni de "
                            "InitVar; usa dataclass")
        valor = cls.__dict__.get(nombre, _FALTA)
        campos.append((nombre, valor if isinstance(valor, Campo) else Campo(valor)))
    return tuple(campos)


def _armar(cls, frozen: bool, slots: bool):
    campos = _campos(cls)
    for base in cls.__mro__[1:-1]:
        if "__campos__" in base.__dict__:
            raise TypeError(f"{cls.__qualname__}: registro no hereda campos; usa dataclass")
    if slots:
        cls = _con_slots(cls, campos)
    espacio = {"_FALTA": _FALTA, "_poner": object.__setattr__, "Inmutable": Inmutable}
    for nombre, opciones in campos:
        espacio[f"_omision_{nombre}"] = opciones.valor
        espacio[f"_fabrica_{nombre}"] = opciones.fabrica
    exec(_codigo(cls.__qualname__, campos, frozen), espacio)  # noqa: S102 (el código es nuestro)
    metodos = ["__init__", "__repr__", "__eq__"]
    if frozen:
        metodos += ["__hash__", "__setattr__", "__delattr__"]
        if slots:
            metodos += ["__getstate__", "__setstate__"]
    for metodo in metodos:
        if metodo in cls.__dict__ and metodo not in ("__getstate__", "__setstate__"):
            raise TypeError(f"{cls.__qualname__} ya define {metodo}: registro no lo reemplaza")
        funcion = espacio[metodo]
        funcion.__qualname__ = f"{cls.__qualname__}.{metodo}"
        setattr(cls, metodo, funcion)
    if not frozen:
        cls.__hash__ = None  # como dataclass con eq y sin frozen: no va en un conjunto
    cls.__campos__ = campos
    for nombre, opciones in campos:  # el valor por omisión queda como atributo de clase
        if not slots and opciones.valor is not _FALTA:
            setattr(cls, nombre, opciones.valor)
        elif not slots and isinstance(cls.__dict__.get(nombre), Campo):
            delattr(cls, nombre)
    return cls


def _con_slots(cls, campos):
    """Una clase nueva igual a ``cls`` con ``__slots__`` (no se le pueden poner a una hecha)."""
    atributos = {k: v for k, v in cls.__dict__.items()
                 if k not in ("__dict__", "__weakref__") and k not in dict(campos)}
    atributos["__slots__"] = tuple(nombre for nombre, _ in campos)
    nueva = type(cls)(cls.__name__, cls.__bases__, atributos)
    nueva.__qualname__ = cls.__qualname__
    return nueva


def _codigo(nombre_clase: str, campos, frozen: bool) -> str:
    """El texto de los métodos de la clase (se ejecuta una vez, al crearla)."""
    poner = "_poner(self, {0!r}, {1})" if frozen else "self.{0} = {1}"
    parametros, cuerpo = ["self"], []
    for nombre, opciones in campos:
        if opciones.init:
            if opciones.fabrica is not None:
                parametros.append(f"{nombre}=_FALTA")
                valor = f"_fabrica_{nombre}() if {nombre} is _FALTA else {nombre}"
            else:
                parametros.append(nombre if opciones.valor is _FALTA else f"{nombre}=_omision_{nombre}")
                valor = nombre
        elif opciones.fabrica is not None:
            valor = f"_fabrica_{nombre}()"
        elif opciones.valor is not _FALTA:
            valor = f"_omision_{nombre}"
        else:
            continue  # sin init y sin valor: queda sin asignar, como en dataclass
        cuerpo.append("    " + poner.format(nombre, valor))
    visibles = ", ".join(f"{n}={{self.{n}!r}}" for n, o in campos if o.mostrar)
    comparados = [n for n, o in campos if o.compara]
    tupla = "(" + "".join(f"self.{n}, " for n in comparados) + ")"
    nombres = tuple(n for n, _ in campos)
    lineas = [f"def __init__({', '.join(parametros)}):", *(cuerpo or ["    pass"]),
              "def __repr__(self):", f"    return f'{{type(self).__qualname__}}({visibles})'",
              "def __eq__(self, other):",
              "    if other.__class__ is self.__class__:",
              f"        return {tupla} == {tupla.replace('self.', 'other.')}",
              "    return NotImplemented",
              "def __hash__(self):", f"    return hash({tupla})",
              "def __setattr__(self, name, value):",
              f"    raise Inmutable(f'no se puede cambiar el campo {{name!r}} de {nombre_clase}')",
              "def __delattr__(self, name):",
              f"    raise Inmutable(f'no se puede borrar el campo {{name!r}} de {nombre_clase}')",
              "def __getstate__(self):", f"    return [getattr(self, n) for n in {nombres!r}]",
              "def __setstate__(self, estado):",
              f"    for n, v in zip({nombres!r}, estado):", "        _poner(self, n, v)"]
    return "\n".join(lineas) + "\n"
