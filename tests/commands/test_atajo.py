"""El atajo de ``ruta validar`` (sin Typer ni Click) hace y escribe lo mismo que el comando, y
con cualquier línea que no reconoce deja todo a Typer (la ayuda y los errores de siempre)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from rutamejora.commands import _atajo, app
from rutamejora.salida import FORMATOS

RAIZ = Path(__file__).resolve().parents[2]
MINIMA = RAIZ / "tests" / "datos" / "minima"
FECHA = "2025-10-01"
runner = CliRunner()
pytestmark = pytest.mark.skipif(os.name != "posix", reason="el atajo solo corre en POSIX")


def test_conoce_exactamente_las_opciones_del_comando():
    comando = typer.main.get_command(app).commands["validar"]
    opciones = {o for p in comando.params if p.param_type_name == "option"
                for o in (*p.opts, *p.secondary_opts)}
    assert opciones == set(_atajo.OPCIONES) | set(_atajo.BANDERAS) | _atajo.POR_TYPER
    formato = next(p for p in comando.params if p.name == "formato")
    assert tuple(formato.type.choices) == FORMATOS + _atajo.FORMATOS_POR_TYPER
    # Una línea con lo que el atajo deja a Typer no la reconoce.
    assert _atajo.leer(["validar", ".", "--historia"]) is None
    assert _atajo.leer(["validar", ".", "--cambios-desde", "HEAD"]) is None


@pytest.fixture
def carpetas(tmp_path: Path) -> dict[str, Path]:
    rota = tmp_path / "rota"
    shutil.copytree(MINIMA, rota)
    objetivos = rota / "objetivos.yaml"
    objetivos.write_text(objetivos.read_text(encoding="utf-8").replace("prioridad: P1", "prioridad: P9"),
                         encoding="utf-8")
    (rota / "notas.yaml").write_text("a: 1\n", encoding="utf-8")
    zona = tmp_path / "zona"
    shutil.copytree(MINIMA, zona / "escuelas" / "a" / "2025-2026")
    shutil.copytree(rota, zona / "escuelas" / "b" / "2025-2026")
    archivo = tmp_path / "archivo.yaml"
    archivo.write_text("a: 1\n", encoding="utf-8")
    return {"minima": MINIMA, "rota": rota, "zona": zona, "archivo": archivo,
            "no-existe": tmp_path / "no-existe", "ansi": tmp_path / "a\x1b[31mb"}


LINEAS = [
    ["validar", "{minima}", "--fecha", FECHA],
    ["validar", "{rota}", "--fecha", FECHA],
    ["validar", "{rota}", "-f", "json", "--fecha", FECHA],
    ["validar", "{rota}", "-fjson", "--fecha", FECHA],
    ["validar", "--formato=github", "{rota}", f"--fecha={FECHA}"],
    ["validar", "{rota}", "--formato", "json", "--formato", "texto", "--fecha", FECHA],
    ["validar", "{rota}", "--fecha", FECHA, "--estricto"],
    ["validar", "{minima}", "--estricto", "--fecha", FECHA, "--estricto"],
    ["validar", "{zona}", "--fecha", FECHA, "--procesos", "1"],
    ["validar", "{zona}", "--fecha", FECHA, "--procesos=+1", "-f", "json"],
    ["validar", "{no-existe}"],
    ["validar", "{no-existe}", "-f", "json"],
    ["validar", "{archivo}"],
    ["validar", "{ansi}"],
]


@pytest.mark.parametrize("linea", LINEAS, ids=lambda l: " ".join(l))
def test_la_misma_salida_que_el_comando(linea, carpetas, capsys):
    argumentos = [a.format(**carpetas) for a in linea]
    codigo = _atajo.correr(argumentos)
    salida = capsys.readouterr()
    assert codigo is not None, "el atajo debía reconocer esta línea"
    esperado = CliRunner().invoke(app, argumentos)
    assert (codigo, salida.out, salida.err) == (esperado.exit_code, esperado.stdout, esperado.stderr)


@pytest.mark.parametrize("linea", [
    ["validar", "--help"], ["validar", "-h"], ["validar", "{minima}", "-h"],
    ["validar", "{minima}", "--formatto", "json"], ["validar", "{minima}", "--formato", "xml"],
    ["validar", "{minima}", "-f=json"], ["validar", "{minima}", "--fecha", "2026-02-30"],
    ["validar", "{minima}", "--fecha"], ["validar", "{minima}", "--fecha", ""],
    ["validar", "{minima}", "--procesos", "0"], ["validar", "{minima}", "--procesos", "dos"],
    ["validar", "{minima}", "{rota}"], ["validar", "--", "{minima}"], ["validar", ""],
    ["validar", "-"], ["validar", "{minima}", "--estricto=1"], ["validar", "{minima}", "-x"],
    ["VALIDAR", "{minima}"], ["-V", "validar"], ["--help"], [], ["reglas"],
], ids=lambda l: " ".join(l) or "(nada)")
def test_lo_que_no_reconoce_se_lo_deja_a_typer(linea, carpetas, capsys):
    argumentos = [a.format(**carpetas) for a in linea]
    assert _atajo.correr(argumentos) is None
    assert capsys.readouterr() == ("", "")


def test_al_autocompletar_no_corre(carpetas, monkeypatch):
    monkeypatch.setenv("_RUTA_COMPLETE", "complete_bash")
    assert _atajo.correr(["validar", str(MINIMA)]) is None


def _cerrar_la_tuberia(codigo: str, *argumentos: str) -> tuple[int, bytes]:
    entorno = dict(os.environ, PYTHONPATH=str(RAIZ))
    p = subprocess.Popen([sys.executable, "-c", codigo, *argumentos], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=entorno)
    p.stdout.close()        # quien leía se fue antes de que escribiera (``| head``)
    stderr = p.stderr.read()
    return p.wait(timeout=120), stderr


def test_una_tuberia_cerrada_sale_igual_que_con_typer(carpetas):
    argumentos = ["validar", str(carpetas["rota"]), "--fecha", FECHA]
    con_atajo = _cerrar_la_tuberia(
        "import sys; sys.argv = ['ruta', *sys.argv[1:]]; "
        "from rutamejora.commands import main; main()", *argumentos)
    con_typer = _cerrar_la_tuberia(
        "import sys; from rutamejora.commands import app; app(sys.argv[1:], prog_name='ruta')",
        *argumentos)
    assert con_atajo == con_typer == (1, b"")
