"""Una meta contradictoria (RM303: «reducir de 3 a 4») nunca se da por lograda, y lo dice.

Con la línea base ya del lado bueno del valor meta, cualquier medición hasta 4 la «alcanzaría»,
aun una peor que la línea base: `validar` la avisa (RM303) y el estado (``avance_meta``) no la
cuenta como lograda; los informes y `ruta avance` dicen que es contradictoria, citando RM303 (el de las familias, sin
código).
"""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from rutamejora import vistas as V
from rutamejora.reglas.validacion import validar

from ._metas import escribir_meta

DESPUES = date(2026, 7, 10)   # después de la fecha límite (2026-06-26): el estado ya es final
ANTES = date(2026, 3, 27)
POR_QUE = ("La meta es contradictoria (RM303): debe disminuir y parte de 3 alumnos con valor meta "
           "4 alumnos, que la línea base ya cumplía; por eso no se da por lograda aunque una "
           "medición llegue a su valor meta. Hay que corregir su sentido o sus valores.")


def _meta(carpeta, sentido: str, base, meta, valor) -> None:
    escribir_meta(carpeta, "Reducir los alumnos que abandonan la escuela", sentido, base, meta, valor)


@pytest.mark.parametrize("sentido, base, meta, valor, hoy, estado, nombre", [
    ("disminuir", 3, 4, 4, DESPUES, "no_lograda", "no lograda (meta contradictoria: RM303)"),
    ("disminuir", 3, 4, 2, DESPUES, "no_lograda", "no lograda (meta contradictoria: RM303)"),
    ("aumentar", 60, 40, 50, DESPUES, "no_lograda", "no lograda (meta contradictoria: RM303)"),
    ("disminuir", 3, 4, 4, ANTES, "en_riesgo", "en riesgo (meta contradictoria: RM303)"),
    ("disminuir", 4, 3, 3, DESPUES, "lograda", "lograda"),      # bien escrita: sí se logra
    ("disminuir", 3, 3, 3, DESPUES, "lograda", "lograda"),      # sostener (RM305), no contradictoria
])
def test_una_meta_contradictoria_no_es_lograda(ruta_minima, sentido, base, meta, valor, hoy,
                                               estado, nombre):
    _meta(ruta_minima, sentido, base, meta, valor)
    ruta = validar(ruta_minima, hoy, True).ruta
    av = V.avance_meta(ruta, ruta.por_id("meta")["M1"], hoy)
    assert (av.estado, av.nombre_estado, av.ultimo) == (estado, nombre, Decimal(valor))
    if av.contradictoria:   # su camino va al revés: un «100 % recorrido» diría que se cumplió
        assert av.recorrido is None
    assert av.contradictoria == ("contradictoria" in nombre)


@pytest.mark.parametrize("audiencia, codigo", [("autoridad", " (RM303)"), ("comunidad", "")])
def test_la_rendicion_dice_por_que_no_la_da_por_lograda(ruta_minima, invocar, audiencia, codigo):
    # La autoridad lee el código de la regla (como en la lista de errores del encabezado); las
    # familias, solo las palabras: un código no les dice nada.
    _meta(ruta_minima, "disminuir", 3, 4, 4)
    fecha = DESPUES.isoformat()
    por_que = POR_QUE.replace(" (RM303)", codigo)
    md = invocar(["informe", str(ruta_minima), "-t", "rendicion", "--fecha", fecha,
                  "-a", audiencia, "-f", "md"])
    assert md.exit_code == 0, md.output
    assert "0 de 1 meta lograda" in md.stdout
    fila = next(linea for linea in md.stdout.splitlines() if linea.startswith("| **M1** "))
    assert por_que in fila
    assert fila.endswith(f"| No se da por lograda: la meta es contradictoria{codigo} |"), fila
    assert f"· no lograda (meta contradictoria{codigo.replace(' (', ': ').rstrip(')')})" in md.stdout
    html = invocar(["informe", str(ruta_minima), "-t", "rendicion", "--fecha", fecha,
                    "-a", audiencia, "-f", "html"]).stdout
    assert f'<div class="chico">{por_que}</div>' in html
    assert f"No se da por lograda: la meta es contradictoria{codigo}</span>" in html
    assert ("RM303" in md.stdout + html) == (audiencia == "autoridad")


def test_avance_y_zona_no_la_cuentan_como_lograda(ruta_minima, invocar):
    _meta(ruta_minima, "disminuir", 3, 4, 4)
    fecha = DESPUES.isoformat()
    avance = json.loads(invocar(["avance", str(ruta_minima), "--fecha", fecha, "-f", "json"]).stdout)
    assert [m["estado"] for m in avance["metas"]] == ["no_lograda"]
    texto = invocar(["avance", str(ruta_minima), "--fecha", fecha]).stdout
    assert "no lograda (meta contradictoria: RM303)" in texto
    zona = json.loads(invocar(["zona", str(ruta_minima), "--fecha", fecha, "-f", "json",
                               "--ciclo", "todos"]).stdout)
    assert zona["escuelas"][0]["metas"]["lograda"] == 0
    assert zona["escuelas"][0]["metas"]["no_lograda"] == 1


def test_rm303_la_avisa(ruta_minima):
    _meta(ruta_minima, "disminuir", 3, 4, 4)
    problemas = [(p.codigo, p.mensaje) for p in validar(ruta_minima, date(2025, 10, 1), True).problemas
                 if p.codigo == "RM303"]
    assert problemas == [("RM303", "La meta M1 ya se cumple al inicio: debe disminuir y parte de 3 "
                                   "con valor meta 4.")]
