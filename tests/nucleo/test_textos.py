"""Formas del texto de ``nucleo.textos``."""

from __future__ import annotations

import pytest

from rutamejora.nucleo.textos import mayuscula, sin_formula


@pytest.mark.parametrize("texto, esperado", [
    ("=SUMA(A1:A3)", "'=SUMA(A1:A3)"), ("+52 55", "'+52 55"), ("-1+1", "'-1+1"),
    ("@SUMA(A1)", "'@SUMA(A1)"), ("\t=1", "'\t=1"), ("\r=1", "'\r=1"),
    ("Taller = 2", "Taller = 2"), ("", ""), ("'=ya", "'=ya"), ("Plática", "Plática"),
])
def test_sin_formula(texto, esperado):
    assert sin_formula(texto) == esperado


def test_mayuscula_no_baja_las_siglas():
    assert mayuscula("cte de la USAER") == "Cte de la USAER"
    assert mayuscula("") == ""


def test_ciclo_escolar_de_agosto_a_julio():
    from datetime import date

    from rutamejora.nucleo.textos import ciclo_escolar

    assert [ciclo_escolar(date(2026, m, d)) for m, d in ((3, 27), (7, 31), (8, 1), (12, 31))] == \
        ["2025-2026", "2025-2026", "2026-2027", "2026-2027"]
