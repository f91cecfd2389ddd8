"""``nucleo.registro`` hace lo mismo que ``dataclass`` en lo que las clases del modelo usan, y
``codigos._limpiar`` lo mismo que ``inspect.cleandoc``: el arranque de ``ruta validar`` no
importa ``dataclasses`` ni ``inspect``."""

from __future__ import annotations

import copy
import pickle
from dataclasses import FrozenInstanceError, dataclass, field, replace

import pytest

from rutamejora.nucleo.registro import Inmutable, campo, campos, reemplazar, registro


@registro
class Mutable:
    nombre: str
    linea: int
    lista: list = campo(fabrica=list)
    nota: str = ""
    oculto: tuple = campo((None, None), init=False, compara=False, mostrar=False)


@dataclass
class MutableDC:
    nombre: str
    linea: int
    lista: list = field(default_factory=list)
    nota: str = ""
    oculto: tuple = field(default=(None, None), init=False, compare=False, repr=False)


@registro(frozen=True, slots=True)
class Fijo:
    clase: str
    inicio: int
    secretos: tuple = campo((), compara=False)
    gravedad: str = "error"

    @property
    def largo(self) -> int:
        return self.inicio * 2


@dataclass(frozen=True, slots=True)
class FijoDC:
    clase: str
    inicio: int
    secretos: tuple = field(default=(), compare=False)
    gravedad: str = "error"


@registro(frozen=True)
class FijoConDict:
    codigo: str
    pista: str = ""


def test_init_y_valores_por_omision_como_dataclass():
    a, b = Mutable("x", 3), MutableDC("x", 3)
    assert (a.nombre, a.linea, a.lista, a.nota, a.oculto) == (b.nombre, b.linea, b.lista, b.nota, b.oculto)
    assert Mutable("x", 3).lista is not Mutable("x", 3).lista  # la fábrica, una por objeto
    assert Mutable(nombre="y", linea=1, nota="n").nota == "n"
    assert Mutable.nota == "" and MutableDC.nota == ""
    assert not hasattr(Mutable, "lista") and not hasattr(MutableDC, "lista")
    with pytest.raises(TypeError):
        Mutable("x")
    with pytest.raises(TypeError):
        Mutable("x", 1, oculto=(1, 2))  # fuera de __init__


def test_repr_igual_que_dataclass_salvo_el_nombre():
    assert repr(Mutable("x", 3, [1], "n")) == repr(MutableDC("x", 3, [1], "n")).replace("MutableDC", "Mutable")
    assert repr(Fijo("nombre", 4)) == repr(FijoDC("nombre", 4)).replace("FijoDC", "Fijo")


def test_igualdad_y_hash():
    assert Mutable("x", 3) == Mutable("x", 3)
    assert Mutable("x", 3) != Mutable("x", 4)
    assert Mutable("x", 3) != MutableDC("x", 3)
    uno, otro = Mutable("x", 3), Mutable("x", 3)
    otro.oculto = (1, 1)  # no compara
    assert uno == otro
    assert Mutable.__hash__ is None and MutableDC.__hash__ is None
    assert Fijo("a", 1, ("s",)) == Fijo("a", 1, ()) and FijoDC("a", 1, ("s",)) == FijoDC("a", 1, ())
    assert hash(Fijo("a", 1, ("s",))) == hash(Fijo("a", 1)) == hash(FijoDC("a", 1))
    assert len({Fijo("a", 1), Fijo("a", 1), Fijo("b", 1)}) == 2


def test_frozen_y_slots():
    f = Fijo("a", 1)
    with pytest.raises(AttributeError) as error:
        f.inicio = 2
    assert isinstance(error.value, Inmutable)
    assert str(error.value) == "no se puede cambiar el campo 'inicio' de Fijo"
    with pytest.raises(AttributeError):
        del f.clase
    with pytest.raises(FrozenInstanceError):  # lo mismo en dataclass
        FijoDC("a", 1).inicio = 2
    assert not hasattr(f, "__dict__") and Fijo.__slots__ == ("clase", "inicio", "secretos", "gravedad")
    assert f.largo == 2
    with pytest.raises(AttributeError):
        FijoConDict("c").pista = "p"


@pytest.mark.parametrize("objeto", [Fijo("a", 1, ("s",), "aviso"), FijoConDict("c", "p"),
                                    Mutable("x", 3, [1], "n")])
def test_pickle_y_copia(objeto):
    for copia in (pickle.loads(pickle.dumps(objeto)), copy.copy(objeto), copy.deepcopy(objeto)):
        assert copia == objeto and repr(copia) == repr(objeto) and copia is not objeto


def test_campos_como_fields():
    from dataclasses import fields

    assert campos(Mutable) == campos(Mutable("x", 1)) == tuple(f.name for f in fields(MutableDC))
    assert campos(Fijo) == tuple(f.name for f in fields(FijoDC))


def test_reemplazar_como_replace():
    f = Fijo("a", 1, ("s",))
    assert reemplazar(f, inicio=5) == Fijo("a", 5) and reemplazar(f, inicio=5).secretos == ("s",)
    assert replace(FijoDC("a", 1), inicio=5) == FijoDC("a", 5)
    with pytest.raises(ValueError):
        reemplazar(Mutable("x", 1), oculto=(1, 2))
    with pytest.raises(TypeError):
        reemplazar(f, otro=1)


def test_lo_que_no_sabe_hacer_lo_dice():
    with pytest.raises(TypeError, match="no hereda campos"):
        @registro
        class Hija(Mutable):
            extra: int = 0
    with pytest.raises(TypeError, match="ya define __eq__"):
        @registro
        class ConIgualdad:
            a: int

            def __eq__(self, otro):
                return True
    with pytest.raises(ValueError):
        campo(1, fabrica=list)


@pytest.mark.parametrize("doc", [
    "Una línea.", "  Primera con sangría.\n\n    Segunda\n      tercera\n\t\tcon tabulador\n  \n",
    "\n\n   Solo después de líneas vacías\n   y otra\n\n\n", "", "x\n   \n  y", "a\n \tb\n  c  \n"])
def test_limpiar_docstrings_como_inspect(doc):
    import inspect

    from rutamejora.nucleo.codigos import _limpiar

    assert _limpiar(doc) == (inspect.cleandoc(doc) if doc else "")


def test_limpiar_cada_docstring_de_las_reglas_como_inspect():
    import inspect

    from rutamejora.nucleo.codigos import _limpiar
    from rutamejora.reglas.registro import registradas

    docs = [r.funcion.__doc__ for r in registradas() if r.funcion is not None and r.funcion.__doc__]
    assert len(docs) > 70
    assert [_limpiar(d) for d in docs] == [inspect.cleandoc(d) for d in docs]
