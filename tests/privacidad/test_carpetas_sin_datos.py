"""Una carpeta con el nombre de una persona («Expediente Kevin Pérez Soto/ruta_brayan_hernandez»)
no sale en claro en ninguna clave ni carpeta que se imprima o se exporte; la misma carpeta da
la misma clave (las filas se siguen juntando) y dos carpetas distintas, claves distintas. Las
carpetas comunes (un CCT, un ciclo, «escuelas», el nombre de un personaje) quedan."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.privacidad import INFORME, carpeta_sin_datos, claves_sin_datos

RAIZ = Path(__file__).resolve().parents[2]
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"
EXPEDIENTE = "Expediente Kevin Pérez Soto"
EN_CLARO = ("kevin", "pérez", "perez", "soto", "brayan", "hernandez", "hurtado")
runner = CliRunner()


@pytest.mark.parametrize("carpeta, esperado", [
    ("Expediente Kevin Pérez Soto/ruta_brayan_hernandez",
     "Expediente [nombre: K. P. S.]/ruta_[nombre: B. H.]"),
    ("/home/dir/Escuela Benito Juárez/21DPR0488K/2025-2026",
     "/home/dir/Escuela Benito Juárez/21DPR0488K/2025-2026"),
    ("escuelas/21DPR0487A/2025-2026", "escuelas/21DPR0487A/2025-2026"),
    ("zona-012/primaria-2025-2026", "zona-012/primaria-2025-2026"),
    ("casos\\Juan Pérez López\\ruta", "casos\\[nombre: J. P. L.]\\ruta"),
    # Un nombre solo, en minúsculas o unido con «.»: en una carpeta también cuenta.
    ("z/Kevin.Perez", "z/[nombre: K. P.]"),
    ("z/ruta_brayan", "z/ruta_[nombre: B.]"),
    ("z/expediente-yeimi", "z/expediente-[nombre: Y.]"),
    ("z/escuela-benito-juarez/san-jeronimo-coyula", "z/escuela-benito-juarez/san-jeronimo-coyula"),
    ("z/pemc-secundaria-2024-2026/ruta_rosa", "z/pemc-secundaria-2024-2026/ruta_rosa"),
])
def test_carpeta_sin_datos(carpeta, esperado):
    assert carpeta_sin_datos(carpeta) == esperado


def test_claves_sin_datos_no_juntan_dos_carpetas():
    claves = ["z/ruta_brayan_hernandez", "z/ruta_beto_hurtado", "z/21DPR0488K"]
    assert claves_sin_datos(claves) == {
        "z/21DPR0488K": "z/21DPR0488K",
        "z/ruta_beto_hurtado": "z/ruta_[nombre: B. H.]",
        "z/ruta_brayan_hernandez": "z/ruta_[nombre: B. H.] (2)",
    }
    assert carpeta_sin_datos("z/ruta_brayan_hernandez", INFORME) == "z/ruta_[nombre]"


@pytest.fixture
def zona(tmp_path) -> Path:
    for carpeta in ("ruta_brayan_hernandez", "21DPR0488K", "ruta_beto_hurtado"):
        shutil.copytree(EJEMPLO, tmp_path / "zona" / EXPEDIENTE / carpeta)
    return tmp_path / "zona"


def _correr(*args) -> str:
    r = runner.invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.stdout + r.stderr


def _sin_nombres(texto: str) -> None:
    assert [p for p in EN_CLARO if p in texto.lower()] == []


CLAVES = ["Expediente [nombre: K. P. S.]/21DPR0488K",
          "Expediente [nombre: K. P. S.]/ruta_[nombre: B. H.]",
          "Expediente [nombre: K. P. S.]/ruta_[nombre: B. H.] (2)"]


def test_exportar_zona_resumen_validar_e_informe(zona, tmp_path):
    _correr("exportar", zona, "-f", "csv", "-o", tmp_path / "csv", "--fecha", "2026-03-27")
    for tabla in (tmp_path / "csv").iterdir():
        _sin_nombres(tabla.read_text(encoding="utf-8"))
    with (tmp_path / "csv" / "metas.csv").open(encoding="utf-8") as f:
        por_clave = sorted({fila[0] for fila in list(csv.reader(f))[1:]})
    assert por_clave == CLAVES
    with (tmp_path / "csv" / "rutas.csv").open(encoding="utf-8") as f:
        assert sorted(fila[0] for fila in list(csv.reader(f))[1:]) == CLAVES

    salida = _correr("zona", zona, "-f", "json", "--fecha", "2026-03-27")
    _sin_nombres(salida)
    assert sorted(e["clave"] for e in json.loads(salida)["escuelas"]) == CLAVES

    una = zona / EXPEDIENTE / "ruta_brayan_hernandez"
    salida = _correr("resumen", una, "-f", "json", "--fecha", "2026-03-27")
    assert json.loads(salida)["carpeta"].endswith("Expediente [nombre: K. P. S.]/ruta_[nombre: B. H.]")
    salida = _correr("validar", una, zona / EXPEDIENTE / "21DPR0488K", "-f", "json")
    _sin_nombres(salida)
    assert [r["carpeta"].rsplit("zona/", 1)[1] for r in json.loads(salida)["rutas"]] == [
        "Expediente [nombre: K. P. S.]/ruta_[nombre: B. H.]",
        "Expediente [nombre: K. P. S.]/21DPR0488K"]
    salida = _correr("validar", una, zona / EXPEDIENTE / "21DPR0488K")
    _sin_nombres(salida)

    informe = _correr("informe", zona, "-t", "zona", "--fecha", "2026-03-27")
    _sin_nombres(informe)
    assert "- **Carpeta:** Expediente \\[nombre\\]/21DPR0488K" in informe
    assert "- **Carpeta:** Expediente \\[nombre\\]/ruta\\_\\[nombre\\]" in informe

    # En HTML, ni el texto ni el id de la sección de cada escuela llevan las iniciales.
    html = _correr("informe", zona, "-t", "zona", "-f", "html", "--fecha", "2026-03-27")
    _sin_nombres(html)
    assert 'id="escuela-Expediente--nombre--21DPR0488K"' in html
    assert "--K--P--S" not in html and "nombre--K" not in html
