"""Una meta de ``mantener`` nunca se da por lograda con un valor que pudo empeorar: «Mantener en
0 los alumnos que abandonan» con 3 alumnos no es «lograda» ni «Sí» en ningún lado."""

from __future__ import annotations

import json
from datetime import date
from decimal import Decimal

import pytest

from rutamejora import vistas as V
from rutamejora.reglas.validacion import validar

from ._metas import escribir_meta

HOY = date(2026, 7, 10)   # después de la fecha límite (2026-06-26): el estado ya es final


def _meta(carpeta, sentido: str, base, meta, valor) -> None:
    escribir_meta(carpeta, "Mantener en 0 los alumnos que abandonan la escuela", sentido, base, meta, valor)


@pytest.mark.parametrize("sentido, base, meta, valor, estado", [
    ("mantener", 0, 0, 3, "no_lograda"),      # el caso del red team: empeoró
    ("mantener", 0, 0, 0, "lograda"),
    ("mantener", 95, 95, 96, "no_lograda"),   # no dice que más sea mejor
    ("mantener", 95, 95, 94, "no_lograda"),
    ("mantener", 93, 95, 96, "lograda"),      # el camino dice hacia dónde: no bajar de 95
    ("mantener", 93, 95, 94, "no_lograda"),
    ("mantener", 7, 5, 4, "lograda"),         # no pasar de 5
    ("mantener", 7, 5, 6, "no_lograda"),
    ("disminuir", 0, 0, 0, "lograda"),        # la forma de decir «no pasar de 0»
    ("disminuir", 0, 0, 3, "no_lograda"),
    ("aumentar", 95, 95, 96, "lograda"),      # «no bajar de 95»
])
def test_estado_de_mantener(ruta_minima, sentido, base, meta, valor, estado):
    _meta(ruta_minima, sentido, base, meta, valor)
    ruta = validar(ruta_minima, HOY, True).ruta
    av = V.avance_meta(ruta, ruta.por_id("meta")["M1"], HOY)
    assert av.estado == estado
    assert av.ultimo == Decimal(valor)


def test_mantener_en_cero_con_tres_no_es_logro_en_ninguna_salida(ruta_minima, invocar):
    _meta(ruta_minima, "mantener", 0, 0, 3)
    fecha = HOY.isoformat()
    for audiencia in ("comunidad", "autoridad"):
        for formato in ("md", "html"):
            r = invocar(["informe", str(ruta_minima), "-t", "rendicion", "--fecha", fecha,
                         "-a", audiencia, "-f", formato])
            assert r.exit_code == 0, r.output
            assert "0 de 1 meta lograda" in r.stdout, (audiencia, formato)
    md = invocar(["informe", str(ruta_minima), "-t", "rendicion", "--fecha", fecha, "-f", "md"]).stdout
    fila = next(linea for linea in md.splitlines() if linea.startswith("| **M1** "))
    assert fila.endswith("| No |")
    avance = json.loads(invocar(["avance", str(ruta_minima), "--fecha", fecha, "-f", "json"]).stdout)
    assert [m["estado"] for m in avance["metas"]] == ["no_lograda"]
    assert "lograda" not in invocar(["avance", str(ruta_minima), "--fecha", fecha]).stdout.replace(
        "no lograda", "")


def test_rm305_avisa_mantener_sin_direccion(ruta_minima):
    _meta(ruta_minima, "mantener", 0, 0, 0)
    problemas = [(p.codigo, p.severidad, p.mensaje, p.pista)
                 for p in validar(ruta_minima, date(2025, 10, 1), True).problemas
                 if p.codigo in ("RM303", "RM305")]
    assert problemas == [(
        "RM305", "aviso",
        "La meta M1 debe mantener 0 sin decir si un valor mayor es mejor o peor: solo se dará por "
        "lograda si se mide exactamente 0.",
        "Si un valor mayor también la cumple, escribe `sentido: aumentar`; si uno menor, "
        "`sentido: disminuir`.")]


@pytest.mark.parametrize("sentido, base, meta", [
    ("disminuir", 0, 0), ("aumentar", 95, 95), ("mantener", 93, 95)])
def test_sostener_con_direccion_no_avisa(ruta_minima, sentido, base, meta):
    _meta(ruta_minima, sentido, base, meta, meta)
    codigos = {p.codigo for p in validar(ruta_minima, date(2025, 10, 1), True).problemas}
    assert not codigos & {"RM303", "RM305"}
