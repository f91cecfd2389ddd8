"""Para las familias, una oración con un dato de un alumno o de su familia no se imprime con el
dato tapado: «El [nombre] no trajo la tarea» sigue hablando de ese niño (en una comunidad
pequeña, con el grupo y lo que pasó, se sabe quién es). Sale «[pasaje omitido por privacidad]»
en su lugar, en el texto de la voz y en la segunda revisión de lo que se imprime
(``Voz.sanear``); la autoridad sigue leyendo la oración con el dato tapado. Con
``ruta informe -a comunidad --con-errores`` (el informe sale aunque la validación falle), de
punta a punta."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.formato import cargar
from rutamejora.informes.voz import PASAJE_OMITIDO, Voz

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"
FECHA = "2026-07-15"


@pytest.fixture(scope="module")
def ruta():
    return cargar(EJEMPLO)[0]


@pytest.mark.parametrize("texto, familias, autoridad", [
    ("Se revisó la lectura. El Chino no trajo la tarea. Se acordó seguir.",
     "Se revisó la lectura. [pasaje omitido por privacidad] Se acordó seguir.",
     "Se revisó la lectura. El [nombre] no trajo la tarea. Se acordó seguir."),
    # Dos oraciones seguidas con datos: un solo aviso.
    ("El alumno Kevin Pérez faltó; su mamá no contesta al 222 314 5587. Se dará seguimiento.",
     "[pasaje omitido por privacidad] Se dará seguimiento.",
     "El alumno [nombre] faltó; su mamá no contesta al [teléfono]. Se dará seguimiento."),
    ('Pedro "el Chino" Ruiz no trajo la tarea.', PASAJE_OMITIDO, "[nombre] no trajo la tarea."),
    # Un punto y coma también cierra la oración.
    ("Acuerdo: revisar la rúbrica; la Yuyis y el Mayo faltaron.",
     "Acuerdo: revisar la rúbrica; [pasaje omitido por privacidad]",
     "Acuerdo: revisar la rúbrica; la [nombre] y el [nombre] faltaron."),
    # El punto de una inicial o de una abreviatura no cierra la oración: lo que hizo el niño y
    # el nombre tras «Sr.» se omiten con ella (antes: «[pasaje omitido…] faltó 12 días», «Se
    # citó al Sr. [pasaje omitido…]»).
    ("El alumno Kevin P. faltó 12 días; se llamó a casa.",
     "[pasaje omitido por privacidad] se llamó a casa.",
     "El alumno [nombre] faltó 12 días; se llamó a casa."),
    ("Se citó al Sr. Juan Pérez López por las faltas de su hijo. Se acordó seguir.",
     "[pasaje omitido por privacidad] Se acordó seguir.",
     "Se citó al Sr. [nombre] por las faltas de su hijo. Se acordó seguir."),
    ("La Mtra. Rosa revisó la lectura. Se citó a la Sra. Luz Ramírez Soto. Se acordó seguir.",
     "La Mtra. Rosa revisó la lectura. [pasaje omitido por privacidad] Se acordó seguir.",
     "La Mtra. Rosa revisó la lectura. Se citó a la Sra. [nombre]. Se acordó seguir."),
    # El grupo con su punto sí cierra la oración: la de antes sale.
    ("Se reunió el grupo de 3° A. El alumno Kevin Pérez faltó.",
     "Se reunió el grupo de 3° A. [pasaje omitido por privacidad]",
     "Se reunió el grupo de 3° A. El alumno [nombre] faltó."),
    # Sin datos, igual para las dos.
    ("Se revisó la lectura en voz alta.", "Se revisó la lectura en voz alta.",
     "Se revisó la lectura en voz alta."),
])
def test_la_oracion_con_un_dato_no_llega_a_las_familias(ruta, texto, familias, autoridad):
    # Para las familias, con comillas tipográficas (``formas.comillas``); aquí no hay comillas.
    assert Voz(ruta, "comunidad").texto(texto) == familias
    assert Voz(ruta, "autoridad").texto(texto) == autoridad


def test_la_salud_sigue_omitiendo_el_texto_entero(ruta):
    assert Voz(ruta, "comunidad").texto("Se revisó la lectura. El Chino tiene asma.") == "[salud]"


def test_la_segunda_revision_tambien_omite_el_pasaje(ruta):
    """Un valor que llega al informe sin pasar por la voz (un id inválido, con --con-errores)."""
    contexto = {"accion": "El Chino no trajo la tarea", "estado": "en_curso",
                "lista": ["A1", "Se llamó a la mamá de Kevin Pérez. Vendrá el lunes."]}
    assert Voz(ruta, "comunidad").sanear(contexto) == {
        "accion": PASAJE_OMITIDO, "estado": "en_curso",
        "lista": ["A1", "[pasaje omitido por privacidad] Vendrá el lunes."]}
    assert Voz(ruta, "autoridad").sanear(contexto)["accion"] == "El [nombre] no trajo la tarea"


def test_informe_a_las_familias_con_errores(tmp_path, sembrar, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    carpeta = sembrar(tmp_path / "r", (
        ("bitacora.yaml", "      - Retomar la comprensión lectora (M1) como primera prioridad",
         "      - Se revisó la rúbrica de lectura. El Chino no trajo la tarea.\n"
         "      - Retomar la comprensión lectora (M1) como primera prioridad"),
    ))
    for audiencia, esperado in (("comunidad", "Se revisó la rúbrica de lectura. \\[pasaje omitido por "
                                              "privacidad\\]"),
                                ("autoridad", "Se revisó la rúbrica de lectura. El \\[nombre\\] no trajo "
                                              "la tarea.")):
        r = CliRunner().invoke(app, ["informe", str(carpeta), "-t", "rendicion", "-a", audiencia,
                                     "--fecha", FECHA, "--con-errores"])
        assert r.exit_code == 0, r.stderr
        assert "Chino" not in r.stdout
        assert esperado in r.stdout, audiencia
        if audiencia == "comunidad":
            assert "no trajo la tarea" not in r.stdout
