"""Lo escrito en ruta.yaml (y en zona.yaml) pasa por la voz del informe antes de imprimirse.

Se siembra un teléfono y una CURP en cada campo de texto de ruta.yaml (los nombres, la
localidad, las fuentes… todo salvo claves, enumeraciones y fechas) y se busca en cada byte de
cada informe, en md y html, para cada tipo y audiencia, y en el informe de la zona. El nombre
de la escuela, que es el de un personaje, se imprime; el teléfono y la CURP junto a él, no.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from rutamejora.commands import app

runner = CliRunner()
EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"
TELEFONO, CURP = "tel 222 765 4321", "TAHX150312MPLLRMA4"
EN_CLARO = ("765 4321", "TAHX150312")
# Claves, enumeraciones y fechas: cambiarlas rompe referencias, no prueba la voz.
_SIN_SEMBRAR = {"id", "funcion", "tipo", "nivel", "turno", "marco", "ciclo", "version", "cct",
                "plan_estudios", "zona", "sector", "grupo", "fecha", "inicio", "fin"}


@pytest.fixture(autouse=True)
def _fuera_de_git(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


def _sembrar(nodo) -> int:
    """Agrega el teléfono y la CURP a cada texto; devuelve cuántos sembró."""
    n = 0
    if isinstance(nodo, dict):
        for clave, valor in nodo.items():
            if isinstance(valor, str) and clave not in _SIN_SEMBRAR:
                nodo[clave] = f"{valor} {TELEFONO} {CURP}"
                n += 1
            else:
                n += _sembrar(valor)
    elif isinstance(nodo, list):
        n += sum(_sembrar(x) for x in nodo)
    return n


@pytest.fixture
def ruta_sembrada(tmp_path) -> Path:
    carpeta = tmp_path / "zona" / "escuelas" / "21DPR0487A" / "2025-2026"
    shutil.copytree(EJEMPLO, carpeta)
    yaml = YAML()
    datos = yaml.load(carpeta / "ruta.yaml")
    assert _sembrar(datos) == 20
    yaml.dump(datos, carpeta / "ruta.yaml")
    return carpeta


def _informe(*args) -> str:
    r = runner.invoke(app, ["informe", *map(str, args)])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    assert r.exit_code == 0, r.stderr
    return r.stdout + r.stderr


def _sin_datos(texto: str) -> None:
    assert [d for d in EN_CLARO if d in texto] == []


@pytest.mark.parametrize("tipo", ["planeacion", "seguimiento", "rendicion"])
@pytest.mark.parametrize("formato", ["md", "html"])
@pytest.mark.parametrize("audiencia", ["comunidad", "autoridad"])
def test_nada_de_ruta_yaml_en_claro(ruta_sembrada, tmp_path, tipo, formato, audiencia):
    archivo = tmp_path / f"informe.{formato}"
    fecha = ["--sesion", "5"] if tipo == "seguimiento" else ["--fecha", "2026-03-27"]
    salida = _informe(ruta_sembrada, "-t", tipo, "-f", formato, "-a", audiencia, *fecha,
                      "--con-errores", "-o", archivo)
    escrito = archivo.read_text(encoding="utf-8")
    _sin_datos(salida + escrito)
    assert "[teléfono]" in escrito.replace("\\[", "[").replace("\\]", "]")
    # El nombre de la escuela es el de un personaje: se queda.
    assert "Escuela Primaria “Carmen Serdán Alatriste” tel [teléfono] [CURP]" in \
        escrito.replace("\\[", "[").replace("\\]", "]")


def test_el_lugar_enmascarado(ruta_sembrada):
    texto = _informe(ruta_sembrada, "-t", "rendicion", "-f", "md", "--fecha", "2026-03-27",
                     "--con-errores").replace("\\[", "[").replace("\\]", "]")
    assert ("| Lugar | San Jerónimo Coyula tel [teléfono] [CURP], Atlixco tel [teléfono] [CURP], "
            "Puebla tel [teléfono] [CURP] |") in texto.splitlines()


@pytest.mark.parametrize("formato", ["md", "html"])
def test_informe_de_zona(ruta_sembrada, tmp_path, formato):
    raiz = tmp_path / "zona"
    (raiz / "zona.yaml").write_text(
        f'nombre: Zona escolar Carmen Serdán {TELEFONO} {CURP}\nnumero: "112 {CURP}"\n'
        f'sector: "09 {TELEFONO}"\nescuelas:\n  - escuelas/21DPR0487A/2025-2026\n',
        encoding="utf-8")
    archivo = tmp_path / f"zona.{formato}"
    salida = _informe(raiz, "-t", "zona", "-f", formato, "--fecha", "2026-03-27",
                      "--con-errores", "-o", archivo)
    escrito = archivo.read_text(encoding="utf-8")
    _sin_datos(salida + escrito)
    assert "Zona escolar Carmen Serdán tel [teléfono] [CURP]" in \
        escrito.replace("\\[", "[").replace("\\]", "]")
