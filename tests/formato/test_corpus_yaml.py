"""El corpus yaml-test-suite (../shared, 402 documentos raros o inválidos) contra ``ruta validar``.

Cada documento ocupa el lugar de uno de los siete archivos de la Ruta mínima (rotando por
índice) y la validación debe terminar como con cualquier archivo de un usuario: código 0 o 1,
JSON válido, sin traceback, con un código documentado en ese archivo y en una línea que
existe, y sin tocar un solo byte de la carpeta.

El parámetro ``documento_corpus`` lo reparte ``conftest.py``; sin ../shared se omite.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from rutamejora.nucleo.codigos import obtener
from rutamejora.reglas.registro import registradas

MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
ARCHIVOS = ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml", "metas.yaml",
            "acciones.yaml", "bitacora.yaml")
CODIGO = re.compile(r"^RM\d{3}$")
_SALTOS = re.compile(rb"\r\n|\r|\n")


def lineas_en_un_editor(datos: bytes) -> int:
    """Cuántas líneas muestra un editor: separadas por LF, CRLF o CR; el salto final no cuenta."""
    if not datos:
        return 0
    partes = _SALTOS.split(datos)
    return len(partes) - 1 if partes[-1] == b"" else len(partes)


def es_codigo_documentado(codigo: str) -> bool:
    """Un código del catálogo, con documentación, y no de la validación misma (RM9xx)."""
    regla_ = obtener(codigo)
    return (bool(CODIGO.match(codigo)) and not codigo.startswith("RM9")
            and regla_ is not None and bool(regla_.doc.strip()))


@pytest.fixture(scope="module", autouse=True)
def _catalogo_completo():
    registradas()  # registra todas las reglas para que ``obtener`` las encuentre


def test_el_corpus_esta_completo(carpeta_corpus):
    """Un corpus a medias (un clon incompleto) pasaría en silencio: se cuentan los 402."""
    validos = list(carpeta_corpus.glob("validos/*.yaml"))
    invalidos = list(carpeta_corpus.glob("invalidos/*.yaml"))
    assert len(validos) + len(invalidos) == 402


def test_documento_del_corpus(documento_corpus, tmp_path, validar_json, huellas):
    indice, documento = documento_corpus
    nombre = ARCHIVOS[indice % len(ARCHIVOS)]
    datos = documento.read_bytes()
    carpeta = tmp_path / "ruta"
    shutil.copytree(MINIMA, carpeta)
    (carpeta / nombre).write_bytes(datos)
    antes = huellas(carpeta)

    codigo, salida = validar_json(carpeta)

    assert codigo in (0, 1), salida
    assert salida["codigo_salida"] == codigo
    [ruta] = salida["rutas"]
    problemas = ruta["problemas"]
    for p in problemas:
        assert CODIGO.match(p["codigo"]), p
        assert p["linea"] >= 0 and p["columna"] >= 0, p
    propios = [p for p in problemas if p["archivo"] == nombre]
    if codigo == 1:
        especificos = [p for p in propios
                       if p["severidad"] == "error" and es_codigo_documentado(p["codigo"])]
        assert especificos, f"{nombre} ({documento.name}) no tiene un error propio: {problemas}"
    tope = lineas_en_un_editor(datos) + 1
    for p in propios:
        if p["linea"] > 0:
            assert p["linea"] <= tope, f"{documento.name} como {nombre}: línea fuera del archivo {p}"
    assert huellas(carpeta) == antes, "validar cambió archivos de la Ruta"
