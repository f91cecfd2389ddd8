"""Los marcos son datos: uno definido solo en tests/ carga y valida una Ruta sin tocar Python."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from rutamejora.catalogos import cargar_marco, marcos_disponibles
from rutamejora.validacion import validar

PROPIO = Path(__file__).parent / "datos" / "marco-propio"


def test_marco_propio_se_encuentra_junto_a_la_ruta():
    escuela = PROPIO / "escuela"
    assert "zona-045" in marcos_disponibles(escuela)
    assert "rme-2014" in marcos_disponibles(escuela)
    marco = cargar_marco("zona-045", escuela)
    assert marco.agrupacion["singular"] == "eje"


def test_ruta_con_marco_propio_valida_limpia():
    resultado = validar(PROPIO / "escuela", date(2025, 10, 1), True)
    assert resultado.problemas == []
    assert resultado.ruta.marco.nombre == "Proyecto integral de la zona 045"
    # El sinónimo del catálogo se lee como su clave.
    assert resultado.ruta.prioridades[0].prioridad == "lectura-comunitaria"


def test_los_valores_vienen_del_marco_propio(tmp_path):
    copia = tmp_path / "marco-propio"
    shutil.copytree(PROPIO, copia)
    prioridades = copia / "escuela" / "prioridades.yaml"
    prioridades.write_text(prioridades.read_text(encoding="utf-8").replace(
        "Lectura en comunidad", "mejora-aprendizajes"), encoding="utf-8")
    resultado = validar(copia / "escuela", date(2025, 10, 1), True)
    assert [(p.codigo, p.mensaje) for p in resultado.problemas] == [
        ("RM107", "`mejora-aprendizajes` no es un valor válido de `prioridad`.")]
    assert "`lectura-comunitaria`" in resultado.problemas[0].pista


def test_marco_inexistente_sugiere(tmp_path):
    copia = tmp_path / "r"
    shutil.copytree(PROPIO / "escuela", copia)
    ruta = copia / "ruta.yaml"
    ruta.write_text(ruta.read_text(encoding="utf-8").replace("marco: zona-045", "marco: rme-2015"),
                    encoding="utf-8")
    resultado = validar(copia, date(2025, 10, 1), True)
    primero = resultado.problemas[0]
    assert (primero.codigo, primero.pista) == ("RM107", "¿Quisiste decir `rme-2014`?")
