"""El arranque: ``main`` registra solo el comando pedido, sin cambiar ninguna ayuda ni error.

``ruta validar`` se corre en cada commit: no debe importar los otros diez comandos, ni Rich ni
Jinja (ni Typer ni Click, con el atajo). ``from rutamejora.commands import app`` sigue dando la aplicación completa.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import COMANDOS, app, comandos_para
from rutamejora.commands._aplicacion import crear

RAIZ = Path(__file__).resolve().parents[2]
MINIMA = RAIZ / "tests" / "datos" / "minima"
runner = CliRunner()
ENTORNO = {"LANG": "C", "COLUMNS": "100"}


@pytest.mark.parametrize("argumentos, esperado", [
    (["validar", "x"], ("validar",)),
    (["--fecha", "validar"], ("validar",)),     # ruta no tiene opciones con valor
    (["-V", "informe"], ("informe",)),
    (["bitacora", "agregar", "--help"], ("bitacora",)),
    ([], COMANDOS),
    (["--help"], COMANDOS),
    (["-h"], COMANDOS),
    (["validr"], COMANDOS),                   # para que Click sugiera «validar»
    (["VALIDAR"], COMANDOS),
    (["--", "validar"], COMANDOS),
])
def test_que_comandos_se_registran(argumentos, esperado, monkeypatch):
    monkeypatch.delenv("_RUTA_COMPLETE", raising=False)
    assert comandos_para(argumentos) == esperado


def test_al_autocompletar_se_registran_todos(monkeypatch):
    monkeypatch.setenv("_RUTA_COMPLETE", "complete_bash")
    assert comandos_para(["validar"]) == COMANDOS


def test_app_tiene_todos_los_comandos():
    r = runner.invoke(app, ["--help"], env=ENTORNO)
    for comando in COMANDOS:
        assert f"│ {comando} " in r.output


@pytest.mark.parametrize("args", [[c, "--help"] for c in COMANDOS] + [
    ["bitacora", "agregar", "--help"],
    ["bitacora"],
    ["importar", "plan", "--help"],
    ["importar"],
    ["bitacora", "agregr"],
    ["validar", str(MINIMA), "--formatto", "json"],
    ["validar", str(MINIMA), "--formato", "xml"],
    ["validar", str(MINIMA), "--fecha", "2026-02-30"],
    ["validar", str(MINIMA), "otra"],
    ["explicar"],
    ["informe", "--formato"],
])
def test_con_un_solo_comando_la_ayuda_y_los_errores_son_identicos(args):
    completa = runner.invoke(app, args, env=ENTORNO)
    sola = runner.invoke(crear(comandos_para(args)), args, env=ENTORNO)
    assert comandos_para(args) == (args[0],)
    assert (sola.exit_code, sola.output) == (completa.exit_code, completa.output)


def test_validar_no_importa_los_otros_comandos_ni_typer_ni_rich_ni_jinja():
    codigo = (
        "import atexit, json, sys\n"
        "atexit.register(lambda: sys.stderr.write(json.dumps(sorted(sys.modules))))\n"
        f"sys.argv = ['ruta', 'validar', {str(MINIMA)!r}, '--fecha', '2025-10-01']\n"
        "from rutamejora.commands import main\n"
        "main()\n")
    entorno = dict(os.environ, PYTHONPATH=str(RAIZ))
    r = subprocess.run([sys.executable, "-c", codigo], capture_output=True, text=True, env=entorno,
                       timeout=120)
    assert r.returncode == 0, r.stderr
    modulos = set(json.loads(r.stderr))
    comandos = {m.rsplit(".", 1)[1] for m in modulos if m.startswith("rutamejora.commands.")}
    assert comandos & set(COMANDOS) <= {"validar"}   # con el atajo, ni ese
    assert not {m for m in modulos if m.split(".")[0] in ("rich", "jinja2")}
    if os.name == "posix":      # el atajo (ver test_atajo.py)
        assert not {m for m in modulos if m.split(".")[0] in ("typer", "click")}
    assert not {m for m in modulos if m.startswith(("rutamejora.vistas", "rutamejora.informes",
                                                    "rutamejora.escritura"))}
    # Ni la importación ni la exportación, ni lo que solo ellas usan (python-docx, openpyxl,
    # lxml, sqlite3).
    assert not {m for m in modulos if m.split(".")[0] in ("docx", "openpyxl", "lxml", "sqlite3")
                or m.startswith("rutamejora.intercambio")}
    # Una sola Ruta: ningún pool.
    assert "concurrent.futures.process" not in modulos
    # Ni ``dataclasses`` ni ``inspect`` (con ``ast``, ``dis`` y ``tokenize``): ~18 ms de cada
    # arranque; las clases del camino de ``validar`` usan ``nucleo.registro``.
    assert not {"dataclasses", "inspect", "ast", "dis", "tokenize"} & modulos
