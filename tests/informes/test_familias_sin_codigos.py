"""El informe para las familias (``-a comunidad``) no muestra códigos de reglas (RM303, RM115…):
a una madre o un padre no le dicen nada. Se revisa cada informe que se puede pedir para ellas,
de cada Ruta de ejemplo y de cada Ruta de prueba que se puede informar (la defectuosa, con
``--con-errores``), en Markdown y en HTML; la autoridad sí los lee, donde ya los leía.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[2]
CODIGO = re.compile(r"RM\d{3}")
FECHA = "2026-07-15"
EJEMPLOS = sorted(p for p in (RAIZ / "ejemplos").iterdir() if (p / "ruta.yaml").is_file())
DE_PRUEBA = [RAIZ / "tests" / "datos" / "minima", RAIZ / "tests" / "datos" / "defectuosa",
             RAIZ / "tests" / "datos" / "marco-propio" / "escuela"]


def _contradictoria(carpeta: Path) -> None:
    """M1 de la Ruta mínima como meta contradictoria (RM303): reducir de 3 a 4, medida en 4."""
    (carpeta / "metas.yaml").write_text(
        "metas:\n  - id: M1\n    objetivo: O1\n"
        "    descripcion: Reducir los alumnos que abandonan la escuela\n"
        "    indicador: {nombre: Alumnos que abandonan, unidad: alumnos}\n"
        "    sentido: disminuir\n    linea_base: 3\n    valor_meta: 4\n"
        "    fecha_limite: 2026-06-26\n", encoding="utf-8")
    bitacora = carpeta / "bitacora.yaml"
    bitacora.write_text(bitacora.read_text(encoding="utf-8").replace(
        "{meta: M1, valor: 42}", "{meta: M1, valor: 4}"), encoding="utf-8")


def _codigos(invocar, carpeta: Path, tipo: str, formato: str, audiencia: str = "comunidad") -> list:
    r = invocar(["informe", str(carpeta), "-t", tipo, "-a", audiencia, "--fecha", FECHA,
                 "-f", formato, "--con-errores"])
    assert r.exit_code == 0, r.output
    return sorted(set(CODIGO.findall(r.stdout)))


@pytest.mark.parametrize("carpeta", EJEMPLOS + DE_PRUEBA, ids=lambda p: p.name)
@pytest.mark.parametrize("tipo", ["planeacion", "seguimiento", "rendicion"])
def test_ningun_codigo_llega_a_las_familias(invocar, carpeta, tipo):
    for formato in ("md", "html"):
        assert _codigos(invocar, carpeta, tipo, formato) == [], (carpeta.name, tipo, formato)


def test_la_ruta_con_errores_los_dice_sin_codigo(invocar):
    # Los mismos errores: la autoridad con su código, las familias solo el lugar y el mensaje.
    carpeta = RAIZ / "tests" / "datos" / "defectuosa"
    familias = invocar(["informe", str(carpeta), "-t", "rendicion", "--fecha", FECHA,
                        "--con-errores"]).stdout
    autoridad = invocar(["informe", str(carpeta), "-t", "rendicion", "--fecha", FECHA,
                         "--con-errores", "-a", "autoridad"]).stdout
    assert ("> - ruta.yaml:7:8: La CCT \\`21DPR0123A\\` no es válida: su carácter verificador no "
            "corresponde.") in familias
    assert ("> - ruta.yaml:7:8 RM115: La CCT \\`21DPR0123A\\` no es válida: su carácter verificador "
            "no corresponde.") in autoridad
    html = invocar(["informe", str(carpeta), "-t", "rendicion", "--fecha", FECHA,
                    "--con-errores", "-f", "html"]).stdout
    assert "<li><code>ruta.yaml:7:8</code>: La CCT" in html


def test_los_avisos_del_seguimiento_sin_codigo(invocar, ruta_minima):
    # En el seguimiento, lo pendiente de `ruta validar` lleva por clave «Aviso» (o «Error»), no
    # el código de su regla.
    _contradictoria(ruta_minima)
    familias = invocar(["informe", str(ruta_minima), "-t", "seguimiento", "-a", "comunidad",
                        "--fecha", "2026-07-10"]).stdout
    assert ("| **Aviso** | La meta M1 ya se cumple al inicio: debe disminuir y parte de 3 con valor "
            "meta 4. | metas.yaml:8 |") in familias
    assert "no lograda (meta contradictoria) |" in familias
    assert CODIGO.search(familias) is None
    autoridad = invocar(["informe", str(ruta_minima), "-t", "seguimiento", "-a", "autoridad",
                         "--fecha", "2026-07-10"]).stdout
    assert ("| **RM303** | La meta M1 ya se cumple al inicio: debe disminuir y parte de 3 con valor "
            "meta 4. | metas.yaml:8 |") in autoridad


@pytest.mark.parametrize("tipo", ["planeacion", "seguimiento", "rendicion"])
def test_una_meta_contradictoria_sin_codigo_para_las_familias(invocar, tmp_path, tipo):
    carpeta = tmp_path / "ruta"
    shutil.copytree(RAIZ / "tests" / "datos" / "minima", carpeta)
    _contradictoria(carpeta)
    for formato in ("md", "html"):
        assert _codigos(invocar, carpeta, tipo, formato) == [], (tipo, formato)
    if tipo != "planeacion":
        assert "RM303" in _codigos(invocar, carpeta, tipo, "md", "autoridad")
