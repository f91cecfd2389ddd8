"""``personales.comentarios``: los comentarios de un archivo, sin probar una expresión en cada
carácter. Deben ser exactamente los que encuentra ``(?:^|[ \\t])#(.*)$`` (la definición de
comentario que usa la pasada de privacidad), en los mismos lugares."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from rutamejora.reglas.personales import comentarios

_DEFINICION = re.compile(r"(?:^|[ \t])#(.*)$", re.MULTILINE)
RAIZ = Path(__file__).resolve().parents[2]


def _por_definicion(texto: str) -> list[tuple[int, str]]:
    return [(m.start(1), m.group(1)) for m in _DEFINICION.finditer(texto)]


@settings(max_examples=2000, deadline=None)
@given(st.lists(st.sampled_from(["#", " ", "\t", "\n", "\r", "a", "ñ", "##", " #", "x#", "\n#",
                                 "'#'", "\r\n"]), max_size=20).map("".join))
def test_igual_que_la_definicion(texto):
    assert list(comentarios(texto)) == _por_definicion(texto)


def test_casos():
    assert list(comentarios("# uno\nclave: valor  # dos\nurl: a#b # tres")) == [
        (1, " uno"), (21, " dos"), (36, " tres")]
    assert list(comentarios("a#b\n#")) == [(5, "")]
    assert list(comentarios("sin comentarios")) == []


def test_los_yaml_del_repositorio():
    archivos = sorted(p for carpeta in ("ejemplos", "tests/datos", "plantillas")
                      for p in (RAIZ / carpeta).rglob("*.yaml"))
    con_comentarios = 0
    for archivo in archivos:
        texto = archivo.read_text(encoding="utf-8", errors="replace")
        assert list(comentarios(texto)) == _por_definicion(texto), archivo
        con_comentarios += bool(_por_definicion(texto))
    assert con_comentarios > 20
