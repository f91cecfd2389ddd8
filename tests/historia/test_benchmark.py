"""``benchmarks/historia.py`` no se rompe: arranca, y su repositorio sintético (el de la medición
de 200 commits) es una historia que ``ruta historia`` lee entera. La velocidad nunca se mide en
las pruebas."""

from __future__ import annotations

import importlib.util
import shutil
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


@pytest.fixture(scope="module")
def banco():
    spec = importlib.util.spec_from_file_location("banco_historia", BENCHMARKS / "historia.py")
    modulo = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(modulo)
    return modulo


def test_arranca(banco, capsys):
    with pytest.raises(SystemExit) as salida:
        banco.main(["--help"])
    assert salida.value.code == 0
    assert "--commits" in capsys.readouterr().out


def test_el_repositorio_sintetico_se_lee_entero(banco, tmp_path, correr, lineas):
    if shutil.which("git") is None:
        pytest.skip("git no está instalado")
    carpeta = banco.armar_repositorio(tmp_path / "rutas", commits=6)
    r = correr("historia", carpeta)
    assert r.exit_code == 0, r.output
    texto = lineas(r.stdout)
    assert texto[0].endswith("(6 commits, del más nuevo al más viejo)")
    assert "Bitácora: 1 entrada nueva (registro del 4 sep 2025)" in texto
    assert "Acción A3: responsables DOC1, DOC2 → DOC1, DOC2, DOC4" in texto
    assert banco.leer_con_git(tmp_path / "rutas", banco.CARPETA) > 0
