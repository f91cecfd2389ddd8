"""Un alumno que el detector nombra en un texto de la Ruta se calla en todos.

«Kevin Pérez Soto tiene diabetes» se detecta; «Se felicitó a kevin perez soto por su dibujo»,
en minúsculas y sin otra señal, no (un nombre suelto en minúsculas no se busca). Antes el
segundo llegaba en claro a los informes y a las exportaciones; ahora el nombre ya hallado se
enmascara en todo texto. Lo que una supresión declaró no personal, no.
"""

from __future__ import annotations

import csv

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

runner = CliRunner()
FECHA = "2026-07-15"
VIEJO = "    acuerdos:\n      - Presentar el informe de rendición"
NUEVO = ("    acuerdos:\n"
         "      - Kevin Pérez Soto tiene diabetes; se avisó a su mamá.\n"
         "      - Se felicitó a kevin perez soto por su dibujo en el periódico mural.\n"
         "      - Presentar el informe de rendición")
FELICITADO = "Se felicitó a [nombre] por su dibujo en el periódico mural."


@pytest.fixture(autouse=True)
def _fuera_de_git(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


@pytest.fixture
def ruta(tmp_path, sembrar):
    return sembrar(tmp_path / "escuela" / "2025-2026", (("bitacora.yaml", VIEJO, NUEVO),))


@pytest.mark.parametrize("audiencia", ["comunidad", "autoridad"])
@pytest.mark.parametrize("formato", ["md", "html"])
def test_los_informes(ruta, audiencia, formato):
    r = runner.invoke(app, ["informe", str(ruta), "-t", "rendicion", "--fecha", FECHA, "-a", audiencia,
                            "-f", formato, "--con-errores"])
    assert r.exit_code == 0, r.output
    texto = r.stdout.replace("\\[", "[").replace("\\]", "]")
    assert "kevin" not in texto.lower() and "soto" not in texto.lower()
    # Para las familias, la oración del alumno no sale ni con su nombre tapado.
    if audiencia == "comunidad":
        assert "[pasaje omitido por privacidad]" in texto and "Se felicitó a" not in texto
    else:
        assert FELICITADO in texto


def test_la_exportacion(ruta, tmp_path):
    destino = tmp_path / "csv"
    r = runner.invoke(app, ["exportar", str(ruta), "-f", "csv", "-o", str(destino), "--fecha", FECHA])
    assert r.exit_code == 1  # la Ruta tiene errores (el nombre): se exporta igual y se dice
    with open(destino / "acuerdos.csv", encoding="utf-8", newline="") as f:
        textos = [fila["texto"] for fila in csv.DictReader(f)]
    assert FELICITADO in textos
    assert not [t for t in textos if "kevin" in t.lower()]


def test_no_calla_al_personal_que_comparte_apellidos(tmp_path, sembrar):
    """«la familia Sánchez Rojas» se señala; la maestra Patricia Sánchez Rojas (del colectivo) no
    se vuelve «[nombre]» en los demás textos."""
    viejo = "    acuerdos:\n      - Presentar el informe de rendición"
    nuevo = ("    acuerdos:\n"
             "      - Se citó a la familia Sánchez Rojas por las faltas de su hijo.\n"
             "      - La maestra Patricia Sánchez Rojas coordina la mochila viajera.\n"
             "      - Presentar el informe de rendición")
    ruta = sembrar(tmp_path / "escuela" / "2025-2026", (("bitacora.yaml", viejo, nuevo),))
    r = runner.invoke(app, ["informe", str(ruta), "-t", "rendicion", "--fecha", FECHA, "-a", "autoridad",
                            "--con-errores"])
    assert r.exit_code == 0, r.output
    assert "La maestra Patricia Sánchez Rojas coordina la mochila viajera." in r.stdout
    assert "Se citó a la familia \\[nombre\\] por las faltas de su hijo." in r.stdout
