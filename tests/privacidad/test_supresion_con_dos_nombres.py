"""Una supresión de RM502 en una línea con dos nombres no libera al alumno que no declara.

La línea nombra a la cuentacuentos invitada (Gilda Rincón) y a un alumno (Kevin Yahir Pérez
Soto). Si el motivo nombra a la invitada, solo ella queda liberada: ``validar`` sigue señalando
al alumno y los informes lo enmascaran. Si el motivo no nombra a nadie, ``validar`` calla la
línea (como toda supresión) pero los informes enmascaran a los dos: no se sabe de cuál habló la
persona (``reglas/liberados.py``).
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

runner = CliRunner()
FECHA = "2026-07-15"
VIEJO = ("    acuerdos:\n"
         "      - Presentar el informe de rendición")
LINEA = "      - Gilda Rincón y Kevin Yahir Pérez Soto leerán con 3°A en septiembre."
ENCIMA = ("    acuerdos:\n"
          "      # ruta: ignorar RM502 -- {motivo}\n"
          f"{LINEA}\n"
          "      - Presentar el informe de rendición")
AL_LADO = ("    acuerdos:\n"
           f"{LINEA}  # ruta: ignorar RM502 -- {{motivo}}\n"
           "      - Presentar el informe de rendición")


@pytest.fixture(autouse=True)
def _fuera_de_git(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


def _correr(*args) -> tuple[int, str]:
    r = runner.invoke(app, [*map(str, args)])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout


def _validar(carpeta) -> tuple[int, list[tuple[str, str]]]:
    codigo, salida = _correr("validar", carpeta, "--formato", "json", "--fecha", FECHA)
    (r,) = json.loads(salida)["rutas"]
    return codigo, [(p["codigo"], p["mensaje"]) for p in r["problemas"]
                    if p["codigo"] in ("RM502", "RM904")]


def _informe(carpeta, audiencia: str = "autoridad") -> str:
    _, texto = _correr("informe", carpeta, "-t", "seguimiento", "--fecha", FECHA, "-a", audiencia,
                       "--con-errores")
    return texto


# Para las familias, la oración con el alumno no sale (ni con su nombre tapado), con la invitada.
OMITIDO = "- 10 jul 2026: \\[pasaje omitido por privacidad\\]"


KEVIN = ("RM502", "La entrada del 10 jul 2026 (acuerdos n.º 1): «[nombre: K. Y. P. S.]» parece el "
                  "nombre de un alumno o de su familia.")


@pytest.mark.parametrize("forma", [ENCIMA, AL_LADO], ids=["encima", "al-lado"])
@pytest.mark.parametrize("motivo", ["Gilda es la cuentacuentos de la casa de cultura",
                                    "Gilda Rincón, cuentacuentos invitada"])
def test_el_motivo_que_nombra_a_la_invitada_libera_solo_a_ella(tmp_path, sembrar, forma, motivo):
    carpeta = sembrar(tmp_path / "escuela" / "2025-2026",
                      (("bitacora.yaml", VIEJO, forma.format(motivo=motivo)),))
    codigo, problemas = _validar(carpeta)
    assert (codigo, problemas) == (1, [KEVIN])
    texto = _informe(carpeta)
    assert "- 10 jul 2026: Gilda Rincón y \\[nombre\\] leerán con 3°A en septiembre." in texto
    assert "Kevin" not in texto and "Pérez Soto" not in texto
    familias = _informe(carpeta, "comunidad")
    assert OMITIDO in familias and "leerán con 3°A" not in familias and "Kevin" not in familias


@pytest.mark.parametrize("forma", [ENCIMA, AL_LADO], ids=["encima", "al-lado"])
def test_sin_nombrar_a_nadie_validar_calla_y_el_informe_enmascara_a_los_dos(tmp_path, sembrar, forma):
    carpeta = sembrar(tmp_path / "escuela" / "2025-2026",
                      (("bitacora.yaml", VIEJO, forma.format(motivo="invitados de la casa de cultura")),))
    codigo, problemas = _validar(carpeta)
    assert problemas == []
    texto = _informe(carpeta)
    assert "- 10 jul 2026: \\[nombre\\] y \\[nombre\\] leerán con 3°A en septiembre." in texto
    assert "Gilda" not in texto and "Kevin" not in texto
    assert OMITIDO in _informe(carpeta, "comunidad")
