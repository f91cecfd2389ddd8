"""``validar_lote``: muchas Rutas, resultados sin modelo, en orden, iguales con y sin pool."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from rutamejora.reglas import validar, validar_lote

MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
HOY = date(2025, 10, 1)


def _zona(tmp_path: Path, n: int) -> list[Path]:
    """``n`` copias de la Ruta mínima; la de índice par con un error en una línea citada."""
    carpetas = []
    for i in range(n):
        destino = tmp_path / f"r{i:02d}"
        shutil.copytree(MINIMA, destino)
        if i % 2 == 0:
            objetivos = destino / "objetivos.yaml"
            objetivos.write_text(objetivos.read_text(encoding="utf-8").replace(
                "prioridad: P1", f"prioridad: P{i + 9}"), encoding="utf-8")
        carpetas.append(destino)
    return carpetas


def _huella(resultado) -> tuple:
    return (resultado.carpeta, resultado.problemas, resultado.citas, resultado.marco,
            resultado.archivos_revisados, resultado.estricto, resultado.codigo_de_salida())


def test_sin_modelo_y_lo_mismo_que_validar_una_por_una(tmp_path):
    carpetas = _zona(tmp_path, 6)
    lote = validar_lote(carpetas, HOY, True, procesos=2)
    assert [r.carpeta for r in lote] == carpetas
    assert all(r.ruta is None for r in lote)
    sueltas = [validar(c, HOY, True) for c in carpetas]
    assert all(r.ruta is not None for r in sueltas)
    assert [_huella(r) for r in lote] == [_huella(r) for r in sueltas]
    # Lo que la salida de texto cita viaja en el resultado.
    assert lote[0].cita("objetivos.yaml", 3) == "    prioridad: P9"
    assert lote[0].marco == ("rme-2014", "Ruta de mejora escolar")


def test_igual_con_uno_y_con_varios_procesos(tmp_path):
    carpetas = _zona(tmp_path, 9)
    uno = validar_lote(carpetas, HOY, True, procesos=1)
    varios = validar_lote(carpetas, HOY, True, procesos=3)
    assert [_huella(r) for r in uno] == [_huella(r) for r in varios]
    assert all(r.ruta is None for r in uno)
