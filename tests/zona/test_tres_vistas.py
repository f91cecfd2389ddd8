"""Una zona, tres vistas: ``ruta zona``, ``ruta exportar`` y ``ruta informe --tipo zona`` ven
las mismas Rutas, con las mismas claves y el mismo commit de cada una (``zona.descubrir`` y
``zona.versiones_de`` son de las tres).

La zona tiene un ``zona.yaml`` que deja fuera dos escuelas que están en la carpeta, lista una
escuela por su carpeta de CCT (con dos Rutas: la del ciclo y una copia que repite CCT y ciclo)
y vive en git: un commit de todo, otro que toca solo una Ruta y un cambio sin confirmar en otra.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import sqlite3
import subprocess

import pytest

from .conftest import FECHA

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git no está instalado")

PEMC = "escuelas/15EES0527T/2024-2026"
PRIMARIA = "escuelas/21DPR0487A/2025-2026"
COPIA = "escuelas/21DPR0487A/2025-2026-copia"
PMC = "escuelas/29DPR0418X/2025-2026"
CLAVES = [PEMC, PRIMARIA, COPIA, PMC]
ZONA_YAML = """\
# La zona 45: las escuelas que acompaña la supervisión.
nombre: Zona escolar 045
numero: 45
sector: 12
nivel: primaria
escuelas:
  - escuelas/21DPR0487A          # la Ruta del ciclo y su copia
  - escuelas/29DPR0418X/2025-2026
  - escuelas/15EES0527T
"""


def _git(carpeta, *args, fecha="2026-03-20") -> str:
    entorno = {"GIT_AUTHOR_NAME": "Prueba", "GIT_AUTHOR_EMAIL": "p@example.org",
               "GIT_COMMITTER_NAME": "Prueba", "GIT_COMMITTER_EMAIL": "p@example.org",
               "GIT_AUTHOR_DATE": f"{fecha}T10:00:00", "GIT_COMMITTER_DATE": f"{fecha}T10:00:00",
               "HOME": str(carpeta), "PATH": "/usr/bin:/bin"}
    return subprocess.run(["git", "-C", str(carpeta), *args], check=True, capture_output=True,
                          text=True, env=entorno).stdout.strip()


@pytest.fixture
def zona_en_git(zona_limpia):
    """La zona con ``zona.yaml`` en git; devuelve la carpeta y el commit esperado de cada clave
    (``(id, fecha, cambios sin confirmar)``)."""
    shutil.copytree(zona_limpia / PRIMARIA, zona_limpia / COPIA)
    (zona_limpia / "zona.yaml").write_text(ZONA_YAML, encoding="utf-8")
    _git(zona_limpia, "init", "-q")
    _git(zona_limpia, "add", "-A")
    _git(zona_limpia, "commit", "-q", "-m", "La zona")
    primero = _git(zona_limpia, "rev-parse", "HEAD")
    with open(zona_limpia / PMC / "bitacora.yaml", "a", encoding="utf-8") as f:
        f.write("# una nota\n")
    _git(zona_limpia, "commit", "-q", "-am", "Una nota en la bitácora del PMC", fecha="2026-03-25")
    segundo = _git(zona_limpia, "rev-parse", "HEAD")
    with open(zona_limpia / PEMC / "metas.yaml", "a", encoding="utf-8") as f:
        f.write("# sin confirmar\n")
    esperado = {PEMC: (primero, "2026-03-20", True), PRIMARIA: (primero, "2026-03-20", False),
                COPIA: (primero, "2026-03-20", False), PMC: (segundo, "2026-03-25", False)}
    return zona_limpia, esperado


def test_las_tres_vistas_ven_las_mismas_rutas_con_las_mismas_claves(invocar, zona_en_git,
                                                                    tmp_path):
    zona, esperado = zona_en_git

    # ruta zona --formato json: cada escuela con su clave y su commit.
    r = invocar(["zona", str(zona), "--fecha", FECHA, "--formato", "json"], limite=120)
    # La copia repite la CCT y el ciclo de la primaria: un problema de la zona (sale con 1);
    # suma la de la carpeta <CCT>/<ciclo>.
    assert r.exit_code == 1, r.output
    datos = json.loads(r.stdout)
    assert datos["repetidas"] == [{"cct": "21DPR0487A", "ciclo": "2025-2026",
                                   "claves": [PRIMARIA, COPIA], "suma": PRIMARIA}]
    assert {e["clave"]: e["en_totales"] for e in datos["escuelas"]} == {
        PEMC: True, PRIMARIA: True, COPIA: False, PMC: True}
    assert (datos["agregados"]["escuelas"], datos["agregados"]["rutas"]) == (3, 3)
    assert datos["zona"] == {"nombre": "Zona escolar 045", "numero": "45", "sector": "12",
                             "nivel": "primaria"}
    assert sorted(e["clave"] for e in datos["escuelas"]) == CLAVES
    assert {e["clave"]: (e["commit"], e["fecha_commit"], e["cambios_sin_confirmar"])
            for e in datos["escuelas"]} == esperado

    # ruta zona --formato csv: las mismas columnas.
    r = invocar(["zona", str(zona), "--fecha", FECHA, "--formato", "csv"], limite=120)
    assert r.exit_code == 1, r.output
    filas = list(csv.DictReader(io.StringIO(r.stdout)))
    assert {f["clave"]: (f["commit"], f["fecha_commit"], f["cambios_sin_confirmar"])
            for f in filas} == {c: (i, d, "si" if s else "no") for c, (i, d, s) in esperado.items()}

    # ruta exportar -o zona.db: las mismas claves como llave de rutas, los datos de zona.yaml y
    # el mismo commit en metadatos.
    salida = tmp_path / "zona.db"
    r = invocar(["exportar", str(zona), "-o", str(salida), "--fecha", FECHA], limite=120)
    assert (r.exit_code, r.stderr) == (0, f"Exportadas 4 Rutas a {salida}.\n")
    base = sqlite3.connect(salida)
    assert [f[0] for f in base.execute("SELECT ruta FROM rutas ORDER BY rowid")] == CLAVES
    assert base.execute("SELECT clave, valor FROM metadatos WHERE clave LIKE 'zona_%' "
                        "ORDER BY rowid").fetchall() == [
        ("zona_nombre", "Zona escolar 045"), ("zona_numero", "45"), ("zona_sector", "12"),
        ("zona_nivel", "primaria")]
    commits: dict = {}
    for ruta, clave, valor in base.execute("SELECT ruta, clave, valor FROM metadatos "
                                           "WHERE ruta IS NOT NULL"):
        commits.setdefault(ruta, {})[clave] = valor
    assert commits == {c: {"commit": i, "fecha_commit": d, "cambios_sin_confirmar":
                           "si" if s else "no"} for c, (i, d, s) in esperado.items()}

    # ruta informe --tipo zona: una sección por escuela con su carpeta y su commit.
    r = invocar(["informe", "--tipo", "zona", str(zona), "--fecha", FECHA, "-f", "md",
                 "--con-errores"], limite=120)
    assert r.exit_code == 0, r.output
    secciones = re.findall(r"^- \*\*Carpeta:\*\* (.+)\n- \*\*Versión de la Ruta:\*\* (.+)$",
                           r.stdout, re.M)
    assert sorted(secciones) == sorted(
        (c, f"commit {i[:7]}" + (", con cambios sin confirmar" if s else ""))
        for c, (i, _, s) in esperado.items())


def test_fuera_de_git_el_commit_es_nulo(invocar, zona_limpia):
    r = invocar(["zona", str(zona_limpia), "--fecha", FECHA, "--formato", "json"], limite=120)
    escuelas = json.loads(r.stdout)["escuelas"]
    assert {(e["commit"], e["fecha_commit"], e["cambios_sin_confirmar"]) for e in escuelas} == \
        {(None, None, None)}
    r = invocar(["zona", str(zona_limpia), "--fecha", FECHA, "--formato", "csv"], limite=120)
    assert {(f["commit"], f["fecha_commit"], f["cambios_sin_confirmar"])
            for f in csv.DictReader(io.StringIO(r.stdout))} == {("", "", "")}


def test_exportar_con_un_zona_yaml_mal_escrito_sale_con_2(invocar, zona_limpia, tmp_path):
    (zona_limpia / "zona.yaml").write_text("nombre: Z\nescuelas:\n  - escuelas/no-existe\n",
                                           encoding="utf-8")
    salida = tmp_path / "zona.db"
    r = invocar(["exportar", str(zona_limpia), "-o", str(salida)])
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: {zona_limpia / 'zona.yaml'}:3: la escuela «escuelas/no-existe»: "
                        f"la carpeta {zona_limpia / 'escuelas/no-existe'} no existe. Corrige la "
                        "carpeta (relativa a zona.yaml) o quítala de la lista.\n")
    assert not salida.exists()
