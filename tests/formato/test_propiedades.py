"""Propiedades (Hypothesis): pase lo que pase en un archivo, ``ruta validar`` termina con 0 o 1,
sin traceback, con JSON válido y con problemas bien formados.

Derandomizadas (misma semilla en cada corrida, sin base de datos de ejemplos) para que CI sea
reproducible; ``deadline=None`` porque no se mide velocidad (el guardián de cuelgues está en
``validar_json``).
"""

from __future__ import annotations

import copy
import io
import re
import shutil
import string
from datetime import date
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rutamejora.formato import esquema as E
from rutamejora.formato import lectura

MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
ARCHIVOS = ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml", "metas.yaml",
            "acciones.yaml", "bitacora.yaml")
CODIGO = re.compile(r"^RM\d{3}$")

PROPIEDAD = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                     suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@pytest.fixture(scope="module")
def carpeta(tmp_path_factory) -> Path:
    """Una Ruta mínima para todo el módulo: cada ejemplo cambia un archivo y lo restaura."""
    destino = tmp_path_factory.mktemp("propiedades") / "ruta"
    shutil.copytree(MINIMA, destino)
    return destino


def validar_con(carpeta: Path, nombre: str, datos: bytes, validar_json) -> dict:
    """Pone ``datos`` en ``nombre``, valida y restaura el archivo original."""
    (carpeta / nombre).write_bytes(datos)
    try:
        codigo, salida = validar_json(carpeta)
    finally:
        shutil.copyfile(MINIMA / nombre, carpeta / nombre)
    assert codigo in (0, 1), salida
    assert salida["codigo_salida"] == codigo
    for p in salida["rutas"][0]["problemas"]:
        assert CODIGO.match(p["codigo"]), p
        assert p["linea"] >= 0 and p["columna"] >= 0, p
        assert p["mensaje"], p
    return salida


# --- (a) texto cualquiera, (b) bytes cualesquiera ---------------------------------------------


@PROPIEDAD
@given(texto=st.text())
def test_texto_cualquiera_en_metas(carpeta, validar_json, texto):
    validar_con(carpeta, "metas.yaml", texto.encode("utf-8"), validar_json)


@PROPIEDAD
@given(datos=st.binary())
def test_bytes_cualesquiera_en_acciones(carpeta, validar_json, datos):
    validar_con(carpeta, "acciones.yaml", datos, validar_json)


# --- (c) YAML con estructura, cerca del formato real ------------------------------------------


def _nombres_de_campos() -> list[str]:
    """Todas las claves del formato (de ``esquema``), para armar claves reales y casi reales."""
    nombres: set[str] = set()
    vistos: set[int] = set()
    pendientes = list(E.ARCHIVOS.values())
    while pendientes:
        tipo = pendientes.pop()
        if id(tipo) in vistos:
            continue
        vistos.add(id(tipo))
        for campo in getattr(tipo, "campos", ()) or ():
            nombres.add(campo.nombre)
            pendientes.append(campo.tipo)
        for atributo in ("elemento", "valor"):
            if isinstance(getattr(tipo, atributo, None), E.Tipo):
                pendientes.append(getattr(tipo, atributo))
        pendientes.extend(a for a in getattr(tipo, "alternativas", ()) or ()
                          if isinstance(a, E.Tipo))
    return sorted(nombres)


CAMPOS = _nombres_de_campos()
_ACENTOS = dict(zip("aeiounAEIOUN", "áéíóúñÁÉÍÓÚÑ"))


@st.composite
def casi_clave(draw) -> str:
    """Una clave del formato con un error de dedo: acento, mayúscula, letra de más o de menos."""
    clave = draw(st.sampled_from(CAMPOS))
    cambio = draw(st.sampled_from(["acento", "mayuscula", "sobra", "falta", "espacio", "guion"]))
    if cambio == "acento" and any(c in _ACENTOS for c in clave):
        i = draw(st.sampled_from([i for i, c in enumerate(clave) if c in _ACENTOS]))
        return clave[:i] + _ACENTOS[clave[i]] + clave[i + 1:]
    if cambio == "mayuscula":
        return clave.capitalize()
    if cambio == "sobra":
        return clave + draw(st.sampled_from(["s", "_", "1", " "]))
    if cambio == "falta" and len(clave) > 1:
        i = draw(st.integers(0, len(clave) - 1))
        return clave[:i] + clave[i + 1:]
    if cambio == "espacio":
        return clave.replace("_", " ")
    return clave.replace("_", "-")


claves = st.one_of(st.sampled_from(CAMPOS), casi_clave(),
                   st.text(alphabet=string.ascii_letters + "_-ñáé ", min_size=1, max_size=12))
escalares = st.one_of(
    st.none(), st.booleans(), st.integers(-10**6, 10**12),
    st.floats(allow_nan=True, allow_infinity=True),
    st.dates(min_value=date(1990, 1, 1), max_value=date(2040, 12, 31)),
    st.sampled_from(["M1", "O1", "P1", "N1", "A1", "F1", "DOC1", "APF", "2025-2026", "rme-2014",
                     "primaria", "aumentar", "en_curso", "2025-09-08", "31/12/2025", "045",
                     "sí", "no", "~", "", "1500.00", "60 %", "21DPR0123T", "CURP0000000000000"]),
    st.text(max_size=40),
)
valores = st.recursive(
    escalares,
    lambda hijos: st.one_of(st.lists(hijos, max_size=4),
                            st.dictionaries(claves, hijos, max_size=5)),
    max_leaves=25)


def volcar(documento) -> bytes:
    """YAML en bloque, como lo escribiría una persona (``pure`` para no depender de la C)."""
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    yaml.default_flow_style = False
    yaml.allow_unicode = True
    salida = io.StringIO()
    yaml.dump(documento, salida)
    return salida.getvalue().encode("utf-8")


def _originales() -> dict:
    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=True)
    return {n: yaml.load((MINIMA / n).read_text(encoding="utf-8")) for n in ARCHIVOS}


ORIGINALES = _originales()


def _lugares(nodo, camino=()):
    """Cada (contenedor, clave o índice) del documento, para mutarlo."""
    if isinstance(nodo, dict):
        for k, v in nodo.items():
            yield nodo, k
            yield from _lugares(v)
    elif isinstance(nodo, list):
        for i, v in enumerate(nodo):
            yield nodo, i
            yield from _lugares(v)


@st.composite
def casi_valido(draw, nombre: str):
    """El archivo de la Ruta mínima con 1 a 3 cambios: un valor, una clave casi igual, un borrado."""
    documento = copy.deepcopy(ORIGINALES[nombre])
    for _ in range(draw(st.integers(1, 3))):
        lugares = list(_lugares(documento))
        if not lugares:
            break
        contenedor, clave = draw(st.sampled_from(lugares))
        cambio = draw(st.sampled_from(["valor", "clave", "borrar", "duplicar"]))
        if cambio == "valor":
            contenedor[clave] = draw(valores)
        elif cambio == "borrar":
            del contenedor[clave]
        elif cambio == "duplicar" and isinstance(contenedor, list):
            contenedor.append(copy.deepcopy(contenedor[clave]))
        elif isinstance(contenedor, dict):
            nueva = draw(claves)
            if nueva not in contenedor:
                contenedor[nueva] = contenedor.pop(clave)
    return documento


@st.composite
def archivo_con_estructura(draw) -> tuple[str, object]:
    nombre = draw(st.sampled_from(ARCHIVOS))
    raiz = draw(st.one_of(
        casi_valido(nombre),
        st.dictionaries(st.one_of(st.sampled_from(CAMPOS), claves), valores, min_size=1,
                        max_size=8),
        valores))
    return nombre, raiz


@PROPIEDAD
@given(caso=archivo_con_estructura())
def test_yaml_con_estructura_en_cualquier_archivo(carpeta, validar_json, caso):
    nombre, raiz = caso
    validar_con(carpeta, nombre, volcar(raiz), validar_json)


# --- (d) posiciones como las ve un editor -----------------------------------------------------
# Directo sobre ``lectura.leer`` (sin la CLI): son baratas y prueban el cálculo de posiciones.

_SALTO = re.compile(r"\r\n|\r|\n")


def _posicion_en_editor(texto: str, indice: int) -> tuple[int, int]:
    inicios = [0] + [m.end() for m in _SALTO.finditer(texto)]
    linea = sum(1 for i in inicios if i <= indice)
    return linea, indice - inicios[linea - 1] + 1


@pytest.fixture(scope="module")
def suelta(tmp_path_factory) -> Path:
    """Una carpeta aparte (no la Ruta de las otras propiedades) para leer archivos sueltos."""
    return tmp_path_factory.mktemp("lectura")


def _leer(carpeta: Path, texto: str) -> list[tuple[str, int, int]]:
    archivo = carpeta / "metas.yaml"
    archivo.write_bytes(texto.encode("utf-8"))
    return [(p.codigo, p.linea, p.columna) for p in lectura.leer(archivo, "metas.yaml").problemas]


_LINEA_SEGURA = st.text(st.characters(codec="utf-8", exclude_categories=["Cc", "Cs", "Zl", "Zp"],
                                      exclude_characters="\ufeff\ufffe\uffff\x85"), max_size=15)


@PROPIEDAD
@given(lineas=st.lists(_LINEA_SEGURA, min_size=1, max_size=6),
       salto=st.sampled_from(["\n", "\r\n", "\r"]),
       control=st.sampled_from(["\x07", "\x01", "\x1b", "\x7f", "\ufffe"]),
       data=st.data())
def test_caracter_de_control_en_su_posicion_exacta(suelta, lineas, salto, control, data):
    """Con acentos, emojis y cualquier salto de línea, RM001 señala el carácter mismo."""
    lineas = ["# " + linea for linea in lineas]  # comentarios: válidos hasta el carácter
    k = data.draw(st.integers(0, len(lineas) - 1))
    j = data.draw(st.integers(2, len(lineas[k])))
    lineas[k] = lineas[k][:j] + control + lineas[k][j:]
    texto = salto.join(lineas) + salto + "metas: []" + salto
    esperado = ("RM001", *_posicion_en_editor(texto, texto.index(control)))
    assert _leer(suelta, texto) == [esperado]


_TROZOS = st.sampled_from(list("-:[]{},#&!|>'\"%@` \n\t?x1ñ😀é*") +
                          ["\x07", "---\n", "...\n", "  ", "a: ", "\n  - ", "[" * 70])


@PROPIEDAD
@given(texto=st.lists(_TROZOS, max_size=40).map(lambda t: "".join(t) + "\n"))
def test_crlf_y_cr_dan_las_mismas_posiciones_que_lf(suelta, texto):
    """Un archivo guardado en Windows (CRLF) o en un Mac antiguo (CR) da los mismos problemas."""
    base = _leer(suelta, texto)
    assert _leer(suelta, texto.replace("\n", "\r\n")) == base
    assert _leer(suelta, texto.replace("\n", "\r")) == base
