"""``-o`` solo reemplaza un informe: la marca en su lugar, un archivo normal (issue 16, punto 7).

Y ``esquema --salida`` solo reemplaza los esquemas que escribió.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.informes.salida import es_informe

RAIZ = Path(__file__).resolve().parents[2]
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"
FECHA = "2026-07-15"
runner = CliRunner()
posix = pytest.mark.skipif(os.name == "nt", reason="FIFO y dispositivos: solo en POSIX")


@pytest.fixture(scope="module")
def ruta(tmp_path_factory) -> Path:
    destino = tmp_path_factory.mktemp("o") / "ruta"
    shutil.copytree(EJEMPLO, destino)
    return destino


def informe(ruta: Path, salida: Path, *args: str):
    return runner.invoke(app, ["informe", str(ruta), "-t", "rendicion", "--fecha", FECHA, "-o", str(salida), *args])


@pytest.mark.parametrize("extension", ["md", "html"])
def test_un_informe_se_reemplaza_aunque_sea_de_otra_version(ruta, tmp_path, extension):
    salida = tmp_path / f"informe.{extension}"
    assert informe(ruta, salida).exit_code == 0
    viejo = salida.read_text(encoding="utf-8").replace("(ruta 0.1.0)", "(ruta 0.0.9.dev3)")
    salida.write_text(viejo, encoding="utf-8")
    assert es_informe(salida)
    r = informe(ruta, salida)
    assert r.exit_code == 0, r.stderr
    assert "(ruta 0.0.9.dev3)" not in salida.read_text(encoding="utf-8")


def test_un_informe_html_escrito_en_un_md_tambien(ruta, tmp_path):
    salida = tmp_path / "informe.md"
    assert informe(ruta, salida, "-f", "html").exit_code == 0
    assert informe(ruta, salida).exit_code == 0
    assert salida.read_text(encoding="utf-8").startswith("<!-- Generado con «ruta informe»")


@pytest.mark.parametrize("contenido", [
    (RAIZ / "docs" / "informes.md").read_text(encoding="utf-8"),  # la documentación cita la marca
    "# Mis notas\n\nEl informe dice «Generado con «ruta informe» (ruta 0.1.0)» al principio.\n",
    "Notas\n<!-- Generado con «ruta informe» (ruta 0.1.0). Se reemplaza al volver a generarlo: no lo "
    "edites a mano. -->\n",  # la marca, pero no en la primera línea
    "<!-- Generado con «ruta informe» (ruta 0.1.0) -->\n# Mío\n",  # otra línea que la de un informe
    '<!DOCTYPE html>\n<html><head><title>Mía</title></head>\n<body><p>Generado con «ruta informe» '
    "(ruta 0.1.0)</p></body></html>\n",  # la marca en el cuerpo
    '<!DOCTYPE html>\n<html><head><title>Mía</title></head><body>\n<meta name="generator" '
    'content="Generado con «ruta informe» (ruta 0.1.0)"></body></html>\n',  # el meta fuera del <head>
    '<p>Cita:</p><pre>&lt;meta name="generator" content="Generado con «ruta informe» (ruta 0.1.0)"&gt;</pre>',
], ids=["docs-informes", "cita", "md-segunda-linea", "md-otra-linea", "html-cuerpo", "html-fuera-del-head",
        "html-citado"])
def test_lo_que_solo_cita_la_marca_no_se_reemplaza(ruta, tmp_path, contenido):
    salida = tmp_path / "pagina.html"
    salida.write_text(contenido, encoding="utf-8")
    r = informe(ruta, salida, "-f", "md")
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: {salida} ya existe y no es un informe hecho con `ruta informe`: no se "
                        "reemplaza. Bórralo o elige otro nombre.\n")
    assert salida.read_text(encoding="utf-8") == contenido


@posix
def test_una_fifo_no_se_reemplaza(ruta, tmp_path, invocar):
    salida = tmp_path / "informe.md"
    os.mkfifo(salida)
    r = invocar(["informe", str(ruta), "-t", "rendicion", "--fecha", FECHA, "-o", str(salida)], limite=30)
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: {salida} no es un archivo normal (es una tubería, FIFO): -o solo reemplaza "
                        "un informe hecho con `ruta informe`. Elige otro nombre.\n")
    assert not salida.is_file() and salida.exists()


@posix
def test_un_dispositivo_no_se_reemplaza(ruta, tmp_path):
    if not os.path.exists("/dev/null"):
        pytest.skip("no hay /dev/null")
    enlace = tmp_path / "informe.md"
    enlace.symlink_to("/dev/null")
    r = informe(ruta, enlace)
    assert r.exit_code == 2
    assert "no es un archivo normal (es un dispositivo)" in r.stderr
    assert enlace.is_symlink() and os.path.exists("/dev/null") and not Path("/dev/null").is_file()


@pytest.mark.skipif(os.name == "nt", reason="enlaces simbólicos: en Windows piden permisos")
def test_un_enlace_colgante_no_escribe_en_otro_lado(ruta, tmp_path):
    lejos = tmp_path / "otro" / "lejos.md"
    lejos.parent.mkdir()
    enlace = tmp_path / "informe.md"
    enlace.symlink_to(lejos)
    r = informe(ruta, enlace)
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: {enlace} es un enlace a {lejos}, que no existe: -o no escribe a través de "
                        "él. Bórralo o elige otro nombre.\n")
    assert not lejos.exists() and enlace.is_symlink()


def test_un_archivo_vacio_si_se_usa(ruta, tmp_path):
    salida = tmp_path / "informe.md"
    salida.touch()
    assert informe(ruta, salida).exit_code == 0
    assert salida.stat().st_size > 0


# --- esquema --salida ---------------------------------------------------------------------------


def test_esquema_solo_reemplaza_los_suyos(tmp_path):
    carpeta = tmp_path / ".esquemas"
    assert runner.invoke(app, ["esquema", "--salida", str(carpeta)]).exit_code == 0
    metas = carpeta / "metas.schema.json"
    metas.write_text(metas.read_text(encoding="utf-8").replace("Formato 1 de", "Formato 7 de"), encoding="utf-8")
    r = runner.invoke(app, ["esquema", "--salida", str(carpeta), "--marco", "pmc-2024"])
    assert r.exit_code == 0, r.output
    assert "marco pmc-2024" in metas.read_text(encoding="utf-8")

    propio = '{"$schema": "http://json-schema.org/draft-07/schema#", "description": "Mío: no lo generó ruta"}\n'
    metas.write_text(propio, encoding="utf-8")
    antes = {p.name: p.read_bytes() for p in carpeta.iterdir()}
    r = runner.invoke(app, ["esquema", "--salida", str(carpeta)])
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: {metas} ya existe y no es un esquema escrito por `ruta esquema`: no se "
                        "reemplaza. Bórralo o elige otra carpeta.\n")
    # Ninguno se escribió: ni los que sí eran suyos.
    assert {p.name: p.read_bytes() for p in carpeta.iterdir()} == antes


@pytest.mark.parametrize("contenido", ["no es JSON", "[1, 2]", '{"description": "(generado por `ruta esquema`; marco x)."}'])
def test_esquema_no_reemplaza_otra_cosa(tmp_path, contenido):
    carpeta = tmp_path / "esquemas"
    carpeta.mkdir()
    (carpeta / "ruta.schema.json").write_text(contenido, encoding="utf-8")
    r = runner.invoke(app, ["esquema", "ruta.yaml", "--salida", str(carpeta)])
    assert r.exit_code == 2
    assert (carpeta / "ruta.schema.json").read_text(encoding="utf-8") == contenido


@pytest.mark.skipif(os.name == "nt", reason="FIFO: solo en POSIX")
def test_esquema_no_reemplaza_una_fifo_ni_una_carpeta(tmp_path, invocar):
    carpeta = tmp_path / "esquemas"
    carpeta.mkdir()
    os.mkfifo(carpeta / "metas.schema.json")
    (carpeta / "ruta.schema.json").mkdir()
    r = invocar(["esquema", "metas.yaml", "--salida", str(carpeta)], limite=20)
    assert r.exit_code == 2 and "no es un esquema escrito por `ruta esquema`" in r.stderr
    r = invocar(["esquema", "ruta.yaml", "--salida", str(carpeta)], limite=20)
    assert r.exit_code == 2 and "no es un esquema escrito por `ruta esquema`" in r.stderr
    assert (carpeta / "ruta.schema.json").is_dir()
