"""``benchmarks/escala.py`` no se rompe: se importa, su ``--help`` responde y arma sus tablas (no
mide nada: la velocidad nunca se mide en las pruebas)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[1] / "benchmarks"


@pytest.fixture(scope="module")
def escala():
    spec = importlib.util.spec_from_file_location("escala", BENCHMARKS / "escala.py")
    modulo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modulo)
    yield modulo
    sys.modules.pop("escala", None)


def test_ayuda(escala, capsys):
    with pytest.raises(SystemExit) as salida:
        escala.main(["--help"])
    assert salida.value.code == 0
    ayuda = capsys.readouterr().out
    for opcion in ("--factores", "--entradas", "--rondas", "--solo", "--salida"):
        assert opcion in ayuda


def test_solo_rechaza_un_comando_desconocido(escala, capsys):
    with pytest.raises(SystemExit) as salida:
        escala.main(["--solo", "validar-texto,nada"])
    assert salida.value.code == 2
    assert "nada" in capsys.readouterr().err


def test_cada_comando_de_la_tabla_existe_en_ruta(escala):
    """Los comandos medidos son comandos de ``ruta`` con opciones que existen (``--help`` de cada uno)."""
    from typer.testing import CliRunner

    from rutamejora.commands import app

    for _, _, argumentos in escala.COMANDOS:
        comando = [a for a in argumentos if a != escala.C][:2 if argumentos[0] == "bitacora" else 1]
        ayuda = CliRunner().invoke(app, [*comando, "--help"], env={"COLUMNS": "200"}).output
        for opcion in (a for a in argumentos if a.startswith("-")):
            assert opcion in ayuda, (comando, opcion)


def test_las_tablas(escala):
    resultados = {1: (69.0, {c: 100.0 + i for i, c in enumerate(escala.CLAVES)}),
                  10: (460.0, {c: 300.0 + 2 * i for i, c in enumerate(escala.CLAVES)})}
    texto = escala.tablas_por_tamano(resultados)
    assert "| validar (texto) | 100 | 300 |" in texto
    assert "| bitacora agregar | 1.12× | 1.08× |" in texto
    assert "| validar (texto) | 0.51 |" in texto   # (300 − 100) / (460 − 69)
    entradas = escala.tabla_por_entradas({10: (2.0, 140.0, 150.0), 1000: (231.0, 340.0, 360.0)})
    assert "| 1 000 | 231 | 340 | 360 | 1.06× | 0.92 |" in entradas
