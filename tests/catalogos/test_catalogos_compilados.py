"""Los catálogos del paquete se leen de ``_compilado.py``, que tiene que decir lo mismo que su YAML."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

import rutamejora.catalogos as catalogos
from rutamejora.catalogos import AQUI, CatalogoInvalido, cargar_marco, datos_de
from rutamejora.catalogos import compilar
from rutamejora.catalogos._compilado import CATALOGOS

RAIZ = Path(__file__).resolve().parents[2]
ESCUELA_PROPIA = Path(__file__).resolve().parents[1] / "datos" / "marco-propio" / "escuela"
FUENTES = [f.relative_to(AQUI).as_posix() for f in compilar.fuentes()]


def test_compilado_esta_al_dia():
    actual = compilar.DESTINO.read_text(encoding="utf-8")
    assert actual == compilar.generar(), (
        "rutamejora/catalogos/_compilado.py está desactualizado: corre "
        "`python -m rutamejora.catalogos.compilar` y comitea el resultado")


def test_compila_cada_yaml_del_paquete():
    assert sorted(CATALOGOS) == sorted(FUENTES)
    assert "marcos/rme-2014.yaml" in CATALOGOS and "cct.yaml" in CATALOGOS


@pytest.mark.parametrize("clave", FUENTES)
def test_el_compilado_es_igual_a_su_yaml(clave):
    huella, armar = CATALOGOS[clave]
    yaml = catalogos._cargar_yaml(AQUI / clave)
    # `repr` compara también el orden de las claves y los tipos (True no es 1; una fecha no es texto).
    assert repr(armar()) == repr(yaml)
    assert armar() == yaml
    assert huella == catalogos._huella((AQUI / clave).read_bytes())


def test_la_huella_no_cambia_con_crlf():
    assert catalogos._huella(b"a: 1\r\nb: 2\r\n") == catalogos._huella(b"a: 1\nb: 2\n")
    assert catalogos._huella(b"a: 1\n") != catalogos._huella(b"a: 2\n")


def test_generar_es_reproducible():
    assert compilar.generar() == compilar.generar()


def test_cada_llamada_arma_objetos_nuevos():
    # Las funciones no comparten objetos: `_datos` guarda el resultado una vez, como con el YAML.
    _, armar = CATALOGOS["calendarios.yaml"]
    assert armar() is not armar()
    assert armar()["ciclos"] is not armar()["ciclos"]


def test_literales_de_todo_tipo(tmp_path):
    valor = {"texto": "Año «1°»\n'x'\"", 1: [True, False, None, 0, -2, 1.5, float("inf")],
             "fechas": [date(2025, 8, 25)], "vacios": [{}, []], date(2024, 1, 2): {"a": [[1], {"b": 2}]}}
    literal = compilar._literal(valor, 0, tmp_path)
    assert eval(literal, {"date": date}) == valor
    assert repr(eval(literal, {"date": date})) == repr(valor)


def test_un_tipo_desconocido_no_se_compila_en_silencio(tmp_path):
    from datetime import datetime

    with pytest.raises(CatalogoInvalido, match="datetime"):
        compilar._literal({"a": [datetime(2025, 1, 1, 8, 0)]}, 0, tmp_path / "x.yaml")


# --- Cuándo se usa el compilado y cuándo el YAML -------------------------------------------------


@pytest.fixture
def sin_cache():
    """Vacía los cachés antes y después: cada prueba ve la primera lectura de cada catálogo."""
    catalogos._datos.cache_clear()
    catalogos._marco_de.cache_clear()
    yield
    catalogos._datos.cache_clear()
    catalogos._marco_de.cache_clear()


@pytest.fixture
def yaml_leidos(monkeypatch, sin_cache):
    """Las rutas que se analizaron como YAML."""
    leidos: list[Path] = []
    original = catalogos._cargar_yaml

    def espia(ruta: Path):
        leidos.append(ruta)
        return original(ruta)

    monkeypatch.setattr(catalogos, "_cargar_yaml", espia)
    return leidos


def test_los_catalogos_del_paquete_no_se_analizan(yaml_leidos):
    assert cargar_marco("rme-2014").nombre
    assert catalogos.cct()["entidades"]["01"] == "Aguascalientes"
    assert catalogos.calendario_oficial("2025-2026")["inicio_clases"] == date(2025, 9, 1)
    assert catalogos.planes()
    for nombre in ("privacidad.yaml", "redaccion.yaml", "unidades.yaml", "calendario_estimado.yaml"):
        assert datos_de(nombre)
    assert yaml_leidos == []


def test_un_marco_propio_se_lee_de_su_yaml(yaml_leidos):
    marco = cargar_marco("zona-045", ESCUELA_PROPIA)
    assert marco.agrupacion["singular"] == "eje"
    assert yaml_leidos == [marco.origen]
    assert marco.origen.parent == ESCUELA_PROPIA.parent / "marcos"


def test_un_yaml_editado_gana_sobre_el_compilado_viejo(yaml_leidos, monkeypatch):
    # Como si alguien hubiera editado cct.yaml sin regenerar: la huella ya no coincide.
    huella, armar = CATALOGOS["cct.yaml"]
    monkeypatch.setitem(CATALOGOS, "cct.yaml", (huella ^ 1, lambda: {"viejo": True}))
    assert catalogos.cct() == armar()
    assert yaml_leidos == [AQUI / "cct.yaml"]


def test_un_yaml_nuevo_sin_compilar_se_lee(yaml_leidos, monkeypatch):
    monkeypatch.delitem(CATALOGOS, "planes.yaml")
    assert catalogos.planes()
    assert yaml_leidos == [AQUI / "planes.yaml"]


def test_carga_perezosa_y_sin_ruamel():
    # En un proceso nuevo: importar los catálogos no arma ninguno, y usarlos no importa ruamel.
    codigo = (
        "import sys\n"
        "import rutamejora.catalogos as c\n"
        "assert 'rutamejora.catalogos._compilado' not in sys.modules\n"
        "c.cct()\n"
        "assert c._datos.cache_info().currsize == 1\n"
        "c.cargar_marco('rme-2014'); c.planes(); c.calendario_oficial('2025-2026')\n"
        "c.datos_de('privacidad.yaml'); c.datos_de('redaccion.yaml'); c.datos_de('unidades.yaml')\n"
        "assert not [m for m in sys.modules if m.startswith('ruamel')], 'se analizó YAML'\n"
    )
    r = subprocess.run([sys.executable, "-c", codigo], cwd=RAIZ, capture_output=True, text=True,
                       env={**os.environ, "PYTHONPATH": str(RAIZ)})
    assert r.returncode == 0, r.stderr
