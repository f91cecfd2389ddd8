"""``escritura.arbol_leido``: el árbol del injerto sacado de la lectura es el de ``componer``.

``bitacora agregar`` ya no analiza la bitácora dos veces: si el texto que tiene con el candado
es el que leyó al cargar la Ruta, el injerto mira el árbol de la lectura. Si en algo difiriera
del de ``componer`` (una posición, un estilo, una lista en línea), lo nuevo iría a otro lugar o
con otra forma. Se comparan nodo por nodo (y el resultado de injertar) en cada YAML del
repositorio, el corpus yaml-test-suite, bitácoras escritas de formas raras y bitácoras al azar.
"""

from __future__ import annotations

import random
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rutamejora.escritura import injerto
from rutamejora.escritura.arbol_leido import arbol_leido
from rutamejora.escritura.candado import NoSeEscribio
from rutamejora.escritura.texto_yaml import Texto, componer, es_nodo
from rutamejora.formato.lectura import Documento, construir

RAIZ = Path(__file__).resolve().parents[2]


def _leido(texto: str) -> Documento:
    """La lectura de ``texto`` como la hace ``cargar`` (sin la BOM, que quita el decodificado)."""
    texto = texto[1:] if texto.startswith("\ufeff") else texto
    doc = Documento(nombre="bitacora.yaml", ruta=None, texto=texto)
    doc.raiz = construir(texto, doc)
    return doc


def _marca(m) -> tuple:
    return (m.line, m.column)


def _forma(nodo, clave: str = ""):
    """Todo lo que el injerto lee de un nodo, de arriba abajo. De una ``clave`` de un mapa
    ``"en bloque"``, la línea de su fin (la columna no la lee nadie y la lectura no la guarda);
    de una ``"en línea"``, nada de su fin (el injerto no entra a lo que va en línea)."""
    if es_nodo(nodo, "ScalarNode"):
        fin = () if clave == "en línea" else (nodo.end_mark.line,) if clave else _marca(nodo.end_mark)
        return ("escalar", nodo.value, nodo.style or "", _marca(nodo.start_mark), fin)
    if es_nodo(nodo, "MappingNode"):
        de_clave = "en línea" if nodo.flow_style else "en bloque"
        hijos = [(_forma(k, de_clave), _forma(v)) for k, v in nodo.value]
    else:
        assert es_nodo(nodo, "SequenceNode"), type(nodo)
        hijos = [_forma(v) for v in nodo.value]
    return ("mapa" if es_nodo(nodo, "MappingNode") else "lista", bool(nodo.flow_style),
            _marca(nodo.start_mark), _marca(nodo.end_mark), hijos)


ENTRADAS = [
    {"fecha": date(2026, 6, 30), "acuerdos": ["Acuerdo nuevo."]},
    {"fecha": date(2025, 9, 26), "sesion": 1, "acuerdos": ["Se une: misma fecha y sesión."],
     "acciones": [{"accion": "A9", "estado": "en_curso", "avance": 5, "evidencias": ["Lista"]}]},
    {"fecha": date(2024, 1, 1), "nota": "Antes de todas."},
]


def _injertado(texto: str, entrada: dict, leido):
    try:
        nuevo, cambio = injerto.injertar(texto, entrada, leido)
    except (NoSeEscribio, injerto.YaRegistrado) as exc:
        return type(exc).__name__, str(exc)
    return nuevo, (cambio.unida, cambio.indice, cambio.linea, cambio.ediciones, cambio.ventana)


def _comparar(texto: str) -> bool:
    """Compara los dos árboles (y lo injertado); dice si hubo árbol de la lectura."""
    from ruamel.yaml.error import YAMLError

    doc = Texto.de(texto)
    leido = _leido(texto)
    arbol = arbol_leido(leido, doc)
    if arbol is None:
        return False
    esperado = componer(doc.original, doc.inicios)
    # ``raro`` puede sobrar (un texto que parece `---`: se comprueba el archivo entero), nunca faltar.
    assert arbol.raro >= esperado.raro
    assert _forma(arbol.raiz) == _forma(esperado.raiz)
    for entrada in ENTRADAS:
        try:
            sin = _injertado(texto, entrada, None)
        except YAMLError:
            continue
        con = _injertado(texto, entrada, leido)
        if arbol.raro != esperado.raro:   # entonces sin tramo que leer de nuevo: todo
            assert con[1][4] is None
            con, sin = (con[0], con[1][:4]), (sin[0], sin[1][:4])
        assert con == sin
    return True


def test_los_yaml_del_repositorio(yaml_del_repositorio):
    con_arbol = sum(_comparar(p.read_text(encoding="utf-8", errors="replace")) for p in yaml_del_repositorio)
    assert con_arbol > len(yaml_del_repositorio) * 0.8


def test_el_corpus_yaml_test_suite(carpeta_corpus):
    documentos = sorted(carpeta_corpus.rglob("*.yaml"))
    assert len(documentos) == 402
    con_arbol = sum(_comparar(d.read_text(encoding="utf-8", errors="replace")) for d in documentos)
    assert con_arbol > 100   # los que la lectura lee sin problemas ni saltos raros


RARA = ("\ufeff# escrita a mano\r\nentradas:\r\n    # primera\r\n    -   fecha: 2025-09-26   # viernes\r\n"
        "        sesion: 1\r\n        acciones:\r\n            -   accion: A1\r\n"
        "                evidencias: [Lista, 'Fotos: sin rostros', \"Cuaderno #3\"]\r\n"
        "        mediciones: [{meta: M1, valor: 42}, {meta: M2}]\r\n        acuerdos:\r\n"
        "            - \"Uno largo\"\r\n            - Otro    # comentario\r\n\r\n    # fin\r\n")


@pytest.mark.parametrize("texto, con_arbol, raro", [
    (RARA, True, False),
    ("entradas:\n  - fecha: 2025-09-26\n    nota: |\n      Dos líneas\n      de nota.\n\n\n", True, False),
    ("entradas:\n- fecha: 2025-09-26\n  nota: >-\n    plegada\n  acuerdos: []\n", True, False),
    ("entradas: [{fecha: 2025-09-26, acuerdos: [Uno]}]\n", True, False),
    ("entradas: []\n", True, False),
    ("entradas:\n", True, False),
    ('"entradas":\n  - \'fecha\': 2025-09-26\n    "acuerdos": [ ]', True, False),   # sin salto al final
    ("entradas:\n  - fecha: 2025-09-26\n    nota: ¿Qué funcionó? Casi todo.\n", True, False),
    ("---\nentradas:\n  - fecha: 2025-09-26\n", True, True),       # `---`: se comprueba entero
    ("%YAML 1.2\n---\nentradas:\n  - fecha: 2025-09-26\n", True, True),
    ("? entradas\n: - fecha: 2025-09-26\n", False, None),         # una clave explícita
    ("entradas:\n  - fecha: 2025-09-26\n    nota: a\u2028b\n", False, None),   # U+2028
    ("entradas:\n  - &a fecha: 2025-09-26\n", False, None),        # un ancla: un problema
    ("entradas:\n  - fecha: 2025-09-26\n    fecha: 2025-09-27\n", False, None),   # clave repetida
    ("entradas: [\n", False, None),                                  # no es YAML
    # Dos BOM (un editor agregó la suya): libyaml salta la segunda sin contarla.
    ("\ufeff\ufeffentradas:\n- fecha: 2025-09-26\n  sesion: 1\n  acuerdos: [x, yz]\n", False, None),
    ("entradas:\n  - fecha: 2025-09-26\n\ufeff    nota: a\n", False, None),   # una BOM a media línea
])
def test_bitacoras_escritas_de_formas_raras(texto, con_arbol, raro):
    assert _comparar(texto) is con_arbol
    if raro is not None:
        assert arbol_leido(_leido(texto), Texto.de(texto)).raro is raro


def test_otro_texto_que_el_leido_se_analiza_de_nuevo():
    """Otro ``agregar`` escribió entre la carga y el candado: la lectura ya no sirve."""
    leido = _leido("entradas:\n  - fecha: 2025-09-26\n")
    assert arbol_leido(leido, Texto.de("entradas:\n  - fecha: 2025-09-26\n")) is not None
    assert arbol_leido(leido, Texto.de("entradas:\n  - fecha: 2025-09-27\n")) is None
    assert arbol_leido(None, Texto.de("entradas:\n")) is None


def test_un_arbol_editado_por_la_estructura_se_analiza_de_nuevo():
    leido = _leido("entradas:\n  - fecha: 2025-09-26\n")
    leido.arbol_editado()
    assert arbol_leido(leido, Texto.de(leido.texto)) is None


def _bitacora_al_azar(semilla: int) -> str:
    """Una bitácora con las formas que se ven en las reales, mezcladas al azar."""
    azar = random.Random(semilla)
    sangria = azar.choice([2, 4])
    s = " " * sangria
    guion = azar.choice(["- ", "-   "])
    lineas = azar.choice([[], ["# Bitácora", ""]]) + ["entradas:"]
    for i in range(azar.randint(0, 12)):
        dentro = s + " " * len(guion)
        lineas.append(f"{s}{guion}fecha: 2025-{azar.randint(9, 12):02d}-{azar.randint(1, 28):02d}"
                      + azar.choice(["", "   # comentario"]))
        if azar.random() < 0.5:
            lineas.append(f"{dentro}sesion: {azar.randint(1, 8)}")
        if azar.random() < 0.6:
            evid = azar.choice(["[Lista, 'Fotos: sin rostros']", "[]", "\n" + dentro + s + "- Lista"])
            lineas += [f"{dentro}acciones:", f"{dentro}{s}- accion: A{azar.randint(1, 9)}",
                       f"{dentro}{s}  estado: en_curso", f"{dentro}{s}  evidencias: {evid}"]
        if azar.random() < 0.5:
            lineas.append(f"{dentro}mediciones: [{{meta: M1, valor: {azar.randint(0, 99)}}}]")
        if azar.random() < 0.5:
            lineas += [f"{dentro}acuerdos:", f"{dentro}{s}- \"Acuerdo {i}: seguir\"",
                       f"{dentro}{s}- 'Otro # no es comentario'  # sí lo es"]
        if azar.random() < 0.3:
            lineas += [f"{dentro}nota: |", f"{dentro}{s}Línea uno.", f"{dentro}{s}Línea dos.", ""]
        if azar.random() < 0.3:
            lineas.append(f"{dentro}nota: {azar.choice(['', '~', '¿Y luego?', 'a: b'])}".rstrip()
                          if azar.random() < 0.5 else f"{dentro}nota: ''")
        if azar.random() < 0.3:
            lineas.append("")
    salto = azar.choice(["\n", "\r\n"])
    texto = salto.join(lineas) + azar.choice([salto, ""])
    return ("\ufeff" if azar.random() < 0.2 else "") + texto


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 10**9))
def test_bitacoras_al_azar(semilla):
    texto = _bitacora_al_azar(semilla)
    leido = _leido(texto)
    # Las que la lectura lee sin problemas tienen árbol de la lectura (y es el mismo).
    assert _comparar(texto) is (not leido.problemas and leido.raiz is not None)


def test_agregar_analiza_la_bitacora_una_sola_vez(tmp_path, monkeypatch):
    """``ruta bitacora agregar`` sobre el ejemplo no llama a ``componer``: el árbol sale de la
    lectura de la Ruta (y lo escrito es lo mismo que antes)."""
    import shutil

    from typer.testing import CliRunner

    from rutamejora.commands import app

    carpeta = tmp_path / "ruta"
    shutil.copytree(RAIZ / "ejemplos" / "primaria-2025-2026", carpeta)
    antes = (carpeta / "bitacora.yaml").read_text(encoding="utf-8")
    esperado, _ = injerto.injertar(antes, {"fecha": date(2026, 6, 30), "acuerdos": ["Uno más."]})

    def no_se_llama(*_):
        raise AssertionError("se analizó la bitácora otra vez")

    monkeypatch.setattr(injerto, "componer", no_se_llama)
    r = CliRunner().invoke(app, ["bitacora", "agregar", str(carpeta), "--fecha", "2026-06-30",
                                 "--acuerdo", "Uno más."])
    assert r.exit_code == 0, r.output
    assert (carpeta / "bitacora.yaml").read_text(encoding="utf-8") == esperado
