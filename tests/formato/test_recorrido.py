"""``lectura.recorrido``: los escalares y los mapas que anota la lectura son los del árbol.

La privacidad y el texto libre leen los valores de ahí en vez de recorrer el árbol; si la
lectura anotara uno de más (el valor de una clave repetida, lo de adentro de un ancla) o uno de
menos, una regla vería un valor que no está o dejaría de ver uno. Se compara con un recorrido
del árbol hecho aquí, a mano, sobre cada YAML del repositorio, el corpus yaml-test-suite y
casos hechos para que la lectura descarte valores.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rutamejora.formato.lectura import ESCALAR, LISTA, MAPA, Documento, caminos, construir, recorrido

RAIZ = Path(__file__).resolve().parents[2]


def _a_mano(raiz):
    """(escalares, mapas, {id: camino}) por un recorrido recursivo en el orden del archivo."""
    escalares, mapas, de_cada = [], [], {}

    def bajar(nodo, camino):
        de_cada[id(nodo)] = camino
        if nodo.tipo == MAPA:
            mapas.append(nodo)
            for clave, hijo in nodo.valor.items():
                bajar(hijo, f"{camino}.{clave}" if camino else clave)
        elif nodo.tipo == LISTA:
            for i, hijo in enumerate(nodo.valor):
                bajar(hijo, f"{camino}[{i}]")
        elif nodo.tipo == ESCALAR:
            escalares.append(nodo)

    if raiz is not None:
        bajar(raiz, "")
    return escalares, mapas, de_cada


def _comparar(texto: str) -> bool:
    """Compara lo anotado con el recorrido a mano; dice si la lectura lo anotó (o se recorrió)."""
    doc = Documento(nombre="x.yaml", ruta=None, texto=texto)
    doc.raiz = construir(texto, doc)
    anotado = doc._recorrido is not None
    escalares, mapas = recorrido(doc)
    esperados, mapas_esperados, de_cada = _a_mano(doc.raiz)
    assert [id(n) for n in escalares] == [id(n) for n in esperados]
    assert [id(n) for n in mapas] == [id(n) for n in mapas_esperados]
    if doc.raiz is not None:
        assert caminos(doc.raiz, list(de_cada)) == de_cada
    return anotado


def test_los_yaml_del_repositorio(yaml_del_repositorio):
    archivos = yaml_del_repositorio
    anotados = sum(_comparar(p.read_text(encoding="utf-8", errors="replace")) for p in archivos)
    # Casi todos los lee la lectura sin descartar nada: lo anotado es lo que se usa.
    assert anotados > len(archivos) * 0.9


def test_el_corpus_yaml_test_suite(carpeta_corpus):
    documentos = sorted(carpeta_corpus.rglob("*.yaml"))
    assert len(documentos) == 402
    for documento in documentos:
        _comparar(documento.read_text(encoding="utf-8", errors="replace"))


@pytest.mark.parametrize("texto, anotado", [
    ("a: 1\nb: [x, {c: y}]\n", True),
    # La clave repetida: su valor (con escalares y un mapa dentro) no entra al árbol.
    ("a: 1\nb: {c: x}\nb: {d: [y, z]}\n", False),
    # Una clave que es un mapa: ni ella ni lo de adentro son valores del árbol.
    ("? {k: v}\n: valor\nc: w\n", False),
    # Un ancla y su alias: lo de adentro del ancla no se recorre.
    ("a: &ancla {x: 1, y: [2]}\nb: *ancla\nc: 3\n", False),
    ("a: !!str 5\nb: texto\n", False),
    # Un segundo documento: solo cuenta el primero.
    ("a: 1\n---\nb: 2\n", True),
    ("solo un texto\n", True),
    # Un documento nulo no tiene árbol: nada que anotar.
    ("~\n", False),
])
def test_casos_que_descartan(texto, anotado):
    assert _comparar(texto) is anotado


_PIEZAS = st.sampled_from(["a: 1\n", "a: 2\n", "b:\n  - x\n  - {c: y, c: z}\n", "d: &k [1]\n",
                           "e: *k\n", "f: !t v\n", "? [g]\n: h\n", "i: {j: {k: [l, m]}}\n",
                           "- n\n", "o: 'p # q'  # r\n", "s: |\n  t\n", "u:\n", "---\n", "[v, w]\n"])


@settings(max_examples=300, deadline=None)
@given(st.lists(_PIEZAS, max_size=8))
def test_mezclas_al_azar(piezas):
    _comparar("".join(piezas))


def test_una_clave_corregida_por_la_estructura_se_recorre_como_esta_en_el_arbol(tmp_path):
    """La estructura agrega al árbol la clave corregida de una casi correcta (``codigo`` →
    ``codigos``): el mismo nodo queda en dos lugares. Lo anotado por la lectura deja de valer y
    la privacidad juzga cada lugar con su camino y su contexto, como siempre: bajo la clave
    escrita, sin contexto (el correo, y «Lupita», un diminutivo a secas: que la Ruta tenga una
    maestra Guadalupe no la vuelve del personal); bajo la corregida, como códigos de alumnos (el
    apodo y el correo, que no es un código)."""
    import shutil
    from datetime import date

    from rutamejora.formato.lectura import anotado
    from rutamejora.reglas.validacion import validar

    carpeta = tmp_path / "ruta"
    shutil.copytree(RAIZ / "ejemplos" / "primaria-2025-2026", carpeta)
    diagnostico = carpeta / "diagnostico.yaml"
    texto = diagnostico.read_text(encoding="utf-8")
    viejo = next(linea for linea in texto.splitlines() if linea.strip().startswith("codigos: ["))
    sangria = viejo[:len(viejo) - len(viejo.lstrip())]
    diagnostico.write_text(texto.replace(viejo, f"{sangria}codigo: [A-2025-003, Lupita, ana.ruiz@correo.mx]", 1),
                           encoding="utf-8")
    resultado = validar(carpeta, date(2026, 7, 15), True)
    assert [(p.codigo, p.ruta_yaml, p.mensaje.split(":")[0]) for p in resultado.problemas
            if p.codigo in ("RM502", "RM504")] == [
        # «Lupita» está en los dos lugares: se informa una vez, en el primero.
        ("RM502", "alumnos_en_riesgo[1].codigo[1]", "Alumnos en riesgo n.º 2 (codigo n.º 2)"),
        ("RM502", "alumnos_en_riesgo[1].codigos[2]", "Alumnos en riesgo n.º 2 (codigos n.º 3)"),
        ("RM504", "alumnos_en_riesgo[1].codigo[2]", "Alumnos en riesgo n.º 2 (codigo n.º 3)")]
    assert not anotado(resultado.ruta.documentos["diagnostico.yaml"])
    assert anotado(resultado.ruta.documentos["acciones.yaml"])
