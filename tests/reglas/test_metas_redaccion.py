"""RM306 redaccion-contra-cifras: la redacción de la meta dice otra línea base u otro valor meta
que sus campos (un usuario nuevo cambió `valor_meta: 60` por 48 y la rendición decía «Sí»)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.reglas.cifras_meta import partida_y_llegada

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"


@pytest.mark.parametrize("texto, esperado", [
    ("Aumentar de 46 % a 60 % los alumnos de 3° a 6°", ("46", "60", "de 46 % a 60 %")),
    ("Reducir de 14 a 6 los alumnos con ausentismo", ("14", "6", "de 14 a 6")),
    ("Subir del 7,2 al 8 el promedio", ("7.2", "8", "del 7,2 al 8")),
    # Horas, años, edades y grados no son cifras meta; dos «de … a …» son una meta doble (RM302).
    ("Puerta abierta de 7:45 a 8:00", None),
    ("Los alumnos de 8 a 10 años", None),
    ("Proyectos de 2024 a 2026", None),
    ("Del 5 al 10 de mayo, del 1o al 3o y de 1er a 3er grado", None),
    ("Reducir de 4 a 2 las incidencias de convivencia", ("4", "2", "de 4 a 2")),
    ("Subir la asistencia de 90 % a 95 % y el promedio de 7.2 a 8", None),
])
def test_partida_y_llegada(texto, esperado):
    assert partida_y_llegada(texto) == esperado


def test_la_rendicion_ya_no_dice_si_sin_aviso(tmp_path):
    carpeta = tmp_path / "r"
    shutil.copytree(EJEMPLO, carpeta)
    metas = carpeta / "metas.yaml"
    texto = metas.read_text(encoding="utf-8")
    assert texto.count("valor_meta: 60\n") == 1
    metas.write_text(texto.replace("valor_meta: 60\n", "valor_meta: 48\n"), encoding="utf-8")
    r = CliRunner().invoke(app, ["validar", str(carpeta), "--formato", "json", "--fecha", "2026-07-15"])
    assert r.exit_code == 0
    (ruta,) = json.loads(r.stdout)["rutas"]
    problemas = [(p["codigo"], p["severidad"], p["mensaje"]) for p in ruta["problemas"]
                 if p["codigo"] == "RM306"]
    assert problemas == [("RM306", "aviso", "La redacción de M1 dice «de 46 % a 60 %», pero `valor_meta` es 48.")]
