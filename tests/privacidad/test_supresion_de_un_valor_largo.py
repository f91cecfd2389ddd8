"""Una supresión de RM502 calla los datos de **su** línea, no el valor entero.

Un acuerdo largo ocupa dos líneas; la supresión, en la línea de arriba, declara que «Gilda
Rincón» es una invitada. En la línea siguiente del mismo valor va el nombre de un alumno:
``validar`` lo señala, y ni los informes ni las exportaciones lo imprimen (antes la supresión
dejaba pasar el valor entero). El motivo de la supresión nombra a la invitada: no es otro
error (es el dato que la supresión declara); otro nombre en el motivo sí lo sería.
"""

from __future__ import annotations

import csv
import json

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

runner = CliRunner()
FECHA = "2026-07-15"
VIEJO = ("    acuerdos:\n"
         "      - Presentar el informe de rendición")
NUEVO = ("    acuerdos:\n"
         "      # ruta: ignorar RM502 -- {motivo}\n"
         "      - Gilda Rincón, cuentacuentos de la casa de cultura, vuelve en septiembre\n"
         "        a leer con 3°A; Kevin Yahir Pérez Soto le entregará el dibujo del grupo.\n"
         "      - Presentar el informe de rendición")


@pytest.fixture(autouse=True)
def _fuera_de_git(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


def _ruta(tmp_path, sembrar, motivo="Gilda Rincón es cuentacuentos invitada, no alumna"):
    return sembrar(tmp_path / "escuela" / "2025-2026",
                   (("bitacora.yaml", VIEJO, NUEVO.format(motivo=motivo)),))


def _correr(*args) -> tuple[int, str]:
    r = runner.invoke(app, [*map(str, args)])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout


def _rm502(carpeta) -> list[tuple[int, int, str]]:
    _, salida = _correr("validar", carpeta, "--formato", "json", "--fecha", FECHA)
    (r,) = json.loads(salida)["rutas"]
    return [(p["linea"], p["columna"], p["mensaje"]) for p in r["problemas"] if p["codigo"] == "RM502"]


def test_validar_senala_solo_al_alumno_de_la_linea_siguiente(tmp_path, sembrar):
    carpeta = _ruta(tmp_path, sembrar)
    linea = (carpeta / "bitacora.yaml").read_text(encoding="utf-8").splitlines().index(
        "        a leer con 3°A; Kevin Yahir Pérez Soto le entregará el dibujo del grupo.") + 1
    assert _rm502(carpeta) == [(linea, 25, "La entrada del 10 jul 2026 (acuerdos n.º 1): «[nombre: "
                                           "K. Y. P. S.]» parece el nombre de un alumno o de su familia.")]


def test_otro_nombre_en_el_motivo_si_cuenta(tmp_path, sembrar):
    carpeta = _ruta(tmp_path, sembrar, motivo="la trajo la mamá de Brayan Hernández Cruz")
    mensajes = [m for _, _, m in _rm502(carpeta)]
    assert "«[nombre: B. H. C.]» parece el nombre de un alumno o de su familia." in mensajes
    assert "«[nombre: G. R.]» parece el nombre de un alumno o de su familia." not in mensajes


@pytest.mark.parametrize("audiencia", ["comunidad", "autoridad"])
def test_el_informe_imprime_a_la_invitada_y_no_al_alumno(tmp_path, sembrar, audiencia):
    carpeta = _ruta(tmp_path, sembrar)
    # Para las familias, la oración del alumno (tras el «;») no sale ni con su nombre tapado.
    acuerdo = ("Gilda Rincón, cuentacuentos de la casa de cultura, vuelve en septiembre a leer con "
               "3°A; " + ("\\[pasaje omitido por privacidad\\]" if audiencia == "comunidad" else
                          "\\[nombre\\] le entregará el dibujo del grupo."))
    _, texto = _correr("informe", carpeta, "-t", "seguimiento", "--fecha", FECHA, "-a", audiencia,
                       "--con-errores")
    assert f"- 10 jul 2026: {acuerdo}" in texto
    assert "Kevin" not in texto and "Pérez Soto" not in texto
    _, texto = _correr("informe", carpeta, "-t", "rendicion", "--fecha", FECHA, "-a", audiencia,
                       "--con-errores")
    assert f"- {acuerdo}" in texto
    assert "Kevin" not in texto and "Pérez Soto" not in texto


def test_la_exportacion_tampoco(tmp_path, sembrar):
    carpeta = _ruta(tmp_path, sembrar)
    destino = tmp_path / "csv"
    _correr("exportar", carpeta, "-f", "csv", "-o", destino, "--fecha", FECHA)
    with open(destino / "acuerdos.csv", encoding="utf-8", newline="") as f:
        textos = [fila["texto"] for fila in csv.DictReader(f)]
    assert ("Gilda Rincón, cuentacuentos de la casa de cultura, vuelve en septiembre a leer con 3°A; "
            "[nombre] le entregará el dibujo del grupo.") in textos
    assert not [t for t in textos if "Kevin" in t]
