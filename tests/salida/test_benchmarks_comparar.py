"""``benchmarks/comparar.py`` no se rompe: se importa y su ``--help`` responde (no mide nada).

La velocidad nunca se mide en las pruebas; esto solo cuida que el script siga arrancando.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def comparar():
    spec = importlib.util.spec_from_file_location("comparar", BENCHMARKS / "comparar.py")
    modulo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modulo)
    yield modulo
    sys.modules.pop("comparar", None)


def test_ayuda(comparar, capsys):
    with pytest.raises(SystemExit) as salida:
        comparar.main(["--help"])
    assert salida.value.code == 0
    ayuda = capsys.readouterr().out
    for opcion in ("--base", "--rapido", "--solo", "--json"):
        assert opcion in ayuda


def test_solo_rechaza_una_parte_desconocida(comparar, capsys):
    with pytest.raises(SystemExit) as salida:
        comparar.main(["--solo", "validar,nada"])
    assert salida.value.code == 2
    assert "nada" in capsys.readouterr().err


def test_las_fases_no_dependen_de_la_organizacion_en_paquetes(comparar):
    from _fases import fase_de

    for plano, en_paquete in (("rutamejora/lectura.py", "rutamejora/formato/lectura.py"),
                              ("rutamejora/estructura.py", "rutamejora/formato/estructura.py"),
                              ("rutamejora/validacion.py", "rutamejora/reglas/validacion.py")):
        assert fase_de(f"/v/site-packages/{plano}", "f") == fase_de(f"/v/site-packages/{en_paquete}", "f")
    assert fase_de("/v/site-packages/rutamejora/reglas/privacidad.py", "f") == ("reglas: privacidad", True)
    assert fase_de("/v/site-packages/ruamel/yaml/main.py", "f") is None
