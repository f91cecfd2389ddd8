"""Dos metas en una (RM302), por la estructura de la redacción y no contando números, medido
contra un conjunto etiquetado de metas escritas como las escriben los planes reales
(``metas_etiquetadas.yaml``): toda meta doble se encuentra y ninguna simple se marca."""

from __future__ import annotations

import shutil
from collections import Counter
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from rutamejora.reglas.cifras_meta import _RESPECTIVAMENTE, metas_dentro, tramos
from rutamejora.reglas.validacion import validar

AQUI = Path(__file__).resolve().parent
MINIMA = AQUI.parent / "datos" / "minima"
ETIQUETADAS = YAML(typ="safe").load((AQUI / "metas_etiquetadas.yaml").read_text(encoding="utf-8"))
SIMPLES = [m["meta"] for m in ETIQUETADAS["simples"]]
DOBLES = [m["meta"] for m in ETIQUETADAS["dobles"]]


def test_el_conjunto_es_grande_y_variado():
    assert len(SIMPLES) + len(DOBLES) >= 60 and len(DOBLES) >= 25 and len(SIMPLES) >= 40
    niveles = Counter(m["nivel"] for m in ETIQUETADAS["simples"] + ETIQUETADAS["dobles"])
    assert set(niveles) == {"preescolar", "primaria", "secundaria"} and min(niveles.values()) >= 10
    todas = " ".join(SIMPLES + DOBLES)
    # Las formas que una regla que cuenta números confunde.
    for forma in ("%", " de 55 % a 75 %", "al menos", "Reducir a", " de cada ", "mitad", "por ciento",
                  "lectura y escritura", " del 2 al 9", "respectivamente", "elevando", "así como"):
        assert forma in todas, forma


@pytest.fixture(scope="module")
def marcadas(tmp_path_factory) -> dict[str, str]:
    """Todas las metas en un metas.yaml de la Ruta mínima, validado una vez: {id: mensaje RM302}."""
    carpeta = tmp_path_factory.mktemp("metas") / "ruta"
    shutil.copytree(MINIMA, carpeta)
    metas = [{"id": f"M{i}", "objetivo": "O1", "descripcion": texto}
             for i, texto in enumerate(SIMPLES + DOBLES, start=1)]
    with (carpeta / "metas.yaml").open("w", encoding="utf-8") as f:
        YAML().dump({"metas": metas}, f)
    resultado = validar(carpeta, date(2025, 10, 1), True)
    return {p.mensaje.split()[2]: p.mensaje for p in resultado.problemas if p.codigo == "RM302"}


def test_toda_meta_doble_se_encuentra(marcadas):
    ids = {f"M{i}": texto for i, texto in enumerate(SIMPLES + DOBLES, start=1)}
    perdidas = [texto for id_, texto in ids.items() if texto in DOBLES and id_ not in marcadas]
    assert perdidas == []


def test_ninguna_meta_simple_se_marca(marcadas):
    ids = {f"M{i}": texto for i, texto in enumerate(SIMPLES + DOBLES, start=1)}
    falsas = [texto for id_, texto in ids.items() if texto in SIMPLES and id_ in marcadas]
    assert falsas == []


def test_el_mensaje_nombra_las_dos_metas(marcadas):
    numero = len(SIMPLES) + DOBLES.index("Subir la asistencia de 88 % a 94 % y el promedio general de 7.0 a 7.6 "
                                         "al cierre del ciclo.") + 1
    assert marcadas[f"M{numero}"] == ("La meta M{} parece tener dos metas en una: «Subir la asistencia de 88 % "
                                      "a 94 %» y «el promedio general de 7.0 a 7.6 al cierre del ciclo».").format(numero)


@pytest.mark.parametrize("texto,partes", [
    ("Incrementar al 95 % la asistencia y reducir al 5 % la impuntualidad",
     ["Incrementar al 95 % la asistencia", "reducir al 5 % la impuntualidad"]),
    ("Reducir el ausentismo a 4 %, elevando el promedio a 8", ["Reducir el ausentismo a 4 %", "elevando el promedio a 8"]),
    ("Aumentar de 55 % a 75 % los alumnos que leen y escriben", []),
    ("Aumentar a 50 % en diciembre y a 65 % en junio los alumnos que leen con fluidez", []),
    ("", []),
])
def test_metas_dentro(texto, partes):
    assert metas_dentro(texto) == partes


def _metas_dentro_sin_atajo(texto: str) -> list[str]:
    """``metas_dentro`` tal como se define, sin el atajo que no busca cifras en una meta de un
    solo tramo con cifra."""
    con_cifra = [t for t in tramos(texto) if t.cifras]
    if len(con_cifra) < 2:
        return []
    if _RESPECTIVAMENTE.search(texto):
        return [t.texto for t in con_cifra]
    medidas: dict = {}
    for t in con_cifra:
        if t.medida and t.medida not in medidas:
            medidas[t.medida] = t.texto
    return list(medidas.values()) if len(medidas) >= 2 else []


_PIEZAS_META = st.sampled_from([
    "Aumentar de 46 % a 60 % los alumnos", " y ", ", elevando ", " e incrementar a 90 % ",
    "el promedio de 7.2 a 8", " la asistencia", " dos de cada tres", ", a más tardar el 19 de junio de 2026",
    " lectura y escritura", "; ", " respectivamente", " al menos 60 palabras por minuto",
    " setenta y cinco", " en 3° y 4°", " mediante tutorías", "Reducir de 11 a 4 las faltas",
    " así como ", " la mitad", "."])


@settings(max_examples=400, deadline=None)
@given(st.lists(_PIEZAS_META, min_size=1, max_size=7).map("".join))
def test_el_atajo_no_cambia_el_resultado(texto):
    assert metas_dentro(texto) == _metas_dentro_sin_atajo(texto)


def test_el_atajo_con_las_metas_etiquetadas():
    for meta in SIMPLES + DOBLES:
        assert metas_dentro(meta) == _metas_dentro_sin_atajo(meta)
