"""El detector de privacidad medido sobre el corpus etiquetado de ``tests/datos/privacidad/``.

Los pisos son los del issue: nada de CURP, RFC, teléfonos ni correos se escapa; de nombres y
de detalles de salud, a lo más uno de cada cincuenta; y de cada veinte avisos, a lo más uno es
una falsa alarma. Se cuenta igual que ``benchmarks/privacidad.py`` (que imprime las cifras por
mitad): un dato está encontrado si un hallazgo de su clase se le encima (uno de salud, con la
gravedad esperada); un hallazgo es correcto si se le encima un dato de su clase.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[2]


def _benchmark():
    espec = importlib.util.spec_from_file_location("benchmark_privacidad",
                                                   RAIZ / "benchmarks" / "privacidad.py")
    modulo = importlib.util.module_from_spec(espec)
    sys.modules[espec.name] = modulo  # Sus dataclasses buscan su módulo ahí.
    espec.loader.exec_module(modulo)
    return modulo


medida = _benchmark()


@pytest.fixture(scope="module")
def mitades():
    return {m: medida.cargar(m) for m in medida.MITADES}


@pytest.fixture(scope="module")
def completo(mitades):
    return medida.evaluar([f for frases in mitades.values() for f in frases])


def test_el_corpus_es_como_lo_pide_el_issue(mitades):
    frases = [f for m in mitades.values() for f in m]
    assert len(frases) >= 400
    con_datos = [f for f in frases if f.datos]
    assert 2 * len(con_datos) >= len(frases), "al menos la mitad con datos personales"
    clases = {d[0] for f in frases for d in f.datos}
    assert clases == {"curp", "rfc", "telefono", "correo", "nombre", "salud", "domicilio"}
    gravedades = {d[3] for f in frases for d in f.datos if d[0] == "salud"}
    assert gravedades == {"error", "aviso"}
    assert all(d[3] is None for f in frases for d in f.datos if d[0] != "salud")
    assert any(f.contexto == "codigos" for f in frases)
    # Las dos mitades existen y cada una tiene negativos y positivos.
    for frases_de_mitad in mitades.values():
        assert any(f.datos for f in frases_de_mitad) and any(not f.datos for f in frases_de_mitad)


@pytest.mark.parametrize("clase", ["curp", "rfc", "telefono", "correo"])
def test_no_se_escapa_ningun_dato_con_digitos(completo, clase):
    cuenta = completo.por_clase[clase]
    fallas = [f for f in completo.fallas if f.startswith(f"falta {clase} ")]
    assert cuenta.recall == 1.0, "\n".join(fallas)


@pytest.mark.parametrize("clase", ["nombre", "salud"])
def test_nombres_y_salud_casi_todos(completo, clase):
    cuenta = completo.por_clase[clase]
    assert cuenta.recall >= 0.98, f"{clase}: {cuenta.encontrados} de {cuenta.datos}"


def test_precision_total(completo):
    total = completo.total
    falsas = [f for f in completo.fallas if f.startswith("falsa alarma")]
    assert total.precision >= 0.95, "\n".join(falsas)


def test_los_tramos_de_datos_con_digitos_son_exactos(completo):
    """Un teléfono o una CURP enmascarados a medias dejan ver el resto."""
    for clase in ("curp", "rfc", "telefono", "correo"):
        cuenta = completo.por_clase[clase]
        assert cuenta.exactos == cuenta.datos, clase
