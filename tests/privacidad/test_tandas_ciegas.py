"""Dos tandas ciegas de frases etiquetadas (``ciega_a.yaml``, ``ciega_b.yaml``): las escribieron
ayudantes que no vieron el detector, y se midieron antes de ajustar nada (las cifras están en la
cabecera de cada archivo y en docs/privacidad.md). Aquí se fija lo que sigue fallando, dato por
dato: si el detector mejora o empeora en ellas, esta prueba lo dice. Se cuenta como en
``benchmarks/privacidad.py``.

Las falsas alarmas que quedan son, casi todas, de la etiqueta y no del detector: en un campo de
códigos (``contexto: codigos``) cualquier texto sin dígitos se toma por un apodo, y «insulina»,
«internada», «GOLPES» o «inhalador» ligados a un alumno sí son detalles de salud que la etiqueta
no puso. «Ortiz Lara» es el apellido de una familia («fam. Ortiz Lara»)."""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[2]
TANDAS = RAIZ / "tests" / "datos" / "privacidad"


def _benchmark():
    espec = importlib.util.spec_from_file_location("benchmark_privacidad_ciegas",
                                                   RAIZ / "benchmarks" / "privacidad.py")
    modulo = importlib.util.module_from_spec(espec)
    sys.modules[espec.name] = modulo  # Sus dataclasses buscan su módulo ahí.
    espec.loader.exec_module(modulo)
    return modulo


medida = _benchmark()

# Lo que falla en cada tanda: (falta o falsa, clase, tramo).
QUEDA = {
    "ciega_a": [
        # «Apellido Inicial. Nombre»: la inicial en medio corta el nombre; sin él, «Alumnos con
        # NEE» en plural y sin grupo no ata la salud a nadie.
        ("falta", "nombre", "Pérez L. Ángel"),
        ("falta", "salud", "baja visión"),
        ("falta", "nombre", "Cruz M. Reyes"),
        ("falta", "salud", "discapacidad intelectual leve"),
        ("falsa", "nombre", "la mamá manda la pastilla en la mochila"),
        ("falsa", "salud", "GOLPES"),
        ("falsa", "nombre", "vive con abuelos"),
        ("falsa", "salud", "insulina"),
        ("falsa", "nombre", "en espera de valoración"),
        ("falsa", "nombre", "Ortiz Lara"),
        ("falsa", "salud", "internada"),
        # «Memo» también es palabra común (un memorándum); con mayúscula y solo no cuenta.
        ("falta", "nombre", "Memo"),
    ],
    "ciega_b": [
        # Un apodo que el catálogo no trae, con su grado después: «El Chato de 6° A».
        ("falta", "nombre", "Chato"),
        ("falsa", "salud", "inhalador"),
        # Sin nombre en la oración: aviso, y la etiqueta pide error.
        ("falta", "salud", "depresión"),
        # «no se detectaron casos de obesidad»: una negación de toda la escuela.
        ("falsa", "salud", "obesidad"),
    ],
}
_FALLA = re.compile(r"(falta|falsa alarma) (\w+) «(.*?)» ")


@pytest.mark.parametrize("tanda", sorted(QUEDA))
def test_lo_que_queda_por_hallar_en_cada_tanda(tanda):
    frases = medida.cargar(TANDAS / f"{tanda}.yaml")
    assert len(frases) == 130
    fallas = [_FALLA.match(f).groups() for f in medida.evaluar(frases).fallas]
    assert [(tipo.split()[0], clase, tramo) for tipo, clase, tramo in fallas] == QUEDA[tanda]
