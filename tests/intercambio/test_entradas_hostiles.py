"""Archivos rotos, enormes o raros en ``ruta importar``: un mensaje en español con el archivo y
qué hacer, la salida que toca (1: el contenido del archivo; 2: uso o entorno) y nunca un
traceback, un mensaje en inglés, un «problema interno» ni una espera sin fin."""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from rutamejora.commands import app

RAIZ = Path(__file__).resolve().parents[2]
PRIMARIA = RAIZ / "ejemplos" / "primaria-2025-2026"
runner = CliRunner()


def _ruta(tmp_path: Path) -> Path:
    copia = tmp_path / "ruta"
    shutil.copytree(PRIMARIA, copia)
    return copia


def _csv(tmp_path: Path) -> Path:
    hoja = tmp_path / "hoja.csv"
    hoja.write_text("Nombre,Nivel\nA,Esperado\nB,En desarrollo\nC,Esperado\n", encoding="utf-8")
    return hoja


def _importar(*args):
    return runner.invoke(app, ["importar", "resultados", *map(str, args)])


def test_una_fecha_que_no_existe_en_el_diagnostico_no_es_un_problema_interno(tmp_path):
    ruta = _ruta(tmp_path)
    diagnostico = ruta / "diagnostico.yaml"
    texto = diagnostico.read_text(encoding="utf-8").replace("fecha: 2025-08-27", "fecha: 2026-02-30", 1)
    diagnostico.write_text(texto, encoding="utf-8")
    r = _importar(_csv(tmp_path), ruta, "--columna", "Nivel", "--campo", "Lenguajes")
    assert (r.exit_code, r.output) == (1, (
        "ruta: diagnostico.yaml, línea 10: La fecha `2026-02-30` no existe. Revisa el día y el mes "
        "(AAAA-MM-DD).\n"
        "ruta: corrige la fecha de diagnostico.yaml primero (`ruta validar` dice dónde). No se "
        "escribió nada.\n"))
    assert diagnostico.read_text(encoding="utf-8") == texto
