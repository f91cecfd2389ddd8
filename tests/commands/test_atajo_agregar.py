"""El atajo de ``ruta bitacora agregar`` (sin Typer ni Click) escribe lo mismo en la bitácora y
en la terminal que el comando, y con cualquier línea que no reconoce deja todo a Typer."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
import typer.main
from typer.testing import CliRunner

from rutamejora.commands import _atajo, _atajo_agregar, app

RAIZ = Path(__file__).resolve().parents[2]
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"
pytestmark = pytest.mark.skipif(os.name != "posix", reason="el atajo solo corre en POSIX")


def _comando():
    return typer.main.get_command(app).commands["bitacora"].commands["agregar"]


def test_conoce_exactamente_las_opciones_del_comando():
    comando = _comando()
    opciones = {o for p in comando.params if p.param_type_name == "option"
                for o in (*p.opts, *p.secondary_opts)}
    assert opciones == set(_atajo_agregar.VALORES) | set(_atajo_agregar.LISTAS) | _atajo_agregar.POR_TYPER
    repetibles = {o for p in comando.params if p.param_type_name == "option" and p.multiple for o in p.opts}
    assert repetibles == set(_atajo_agregar.LISTAS)
    formato = next(p for p in comando.params if p.name == "formato")
    assert tuple(formato.type.choices) == _atajo_agregar.FORMATOS
    # Los campos de las opciones son los de ``escritura.Opciones`` (más formato y espera).
    from rutamejora.escritura import Opciones
    from rutamejora.nucleo.registro import campos as campos_de

    campos = {*_atajo_agregar.VALORES.values(), *_atajo_agregar.LISTAS.values()} - {"formato", "espera"}
    assert campos == set(campos_de(Opciones))


@pytest.fixture
def dos_copias(tmp_path: Path):
    """Dos copias iguales del ejemplo: una para el atajo, otra para Typer."""
    copias = []
    for nombre in ("atajo", "typer"):
        destino = tmp_path / nombre / "ruta"
        shutil.copytree(EJEMPLO, destino)
        copias.append(destino)
    return copias


LINEAS = [
    ["--fecha", "2026-06-30", "--acuerdo", "Seguir con la lectura."],
    ["--fecha=2026-06-30", "--acuerdo=Uno", "--acuerdo", "Dos", "-f", "json"],
    ["--fecha", "2026-06-30", "--accion", "A1", "--estado", "en_curso", "--avance", "50", "-fjson"],
    ["--fecha", "2026-06-30", "--accion", "A1=en_curso:60", "--accion", "A4=100", "--meta", "M1=57",
     "--fuente", "Corte de enero", "--nota-de", "A4=Bien."],
    ["--sesion", "4", "--accion", "A1=en_curso:60"],      # ya registrada en esa sesión
    ["--sesion", "4", "--accion", "A1=en_curso:60", "--nota", "¿De cuál?"],
    ["--fecha", "2026-06-30", "--accion", "A1=en_curso:10", "--gasto", "350.50", "--comprobante", "F-9"],
    ["--fecha", "2026-06-30", "--acuerdo", "x", "--formato", "json", "--formato", "texto"],
    ["--fecha", "2026-06-30", "--acuerdo", "-empieza con guion"],
    ["--fecha", "2026-06-30", "--acuerdo", "x", "--espera", "5"],
    # Errores de la Ruta o de lo pedido: los mismos mensajes y la misma salida.
    ["--fecha", "2026-06-30", "--accion", "A99=50"],
    ["--fecha", "2026-02-30", "--acuerdo", "x"],
    ["--fecha", "2026-06-30", "--accion", "A1=en_curso:150"],
    ["--sesion", "9", "--acuerdo", "x"],
    ["--fecha", "2026-06-30", "--acuerdo", "El alumno Brayan Pérez López faltó."],
]


@pytest.mark.parametrize("linea", LINEAS, ids=lambda l: " ".join(l))
def test_lo_mismo_que_el_comando(linea, dos_copias, capsys):
    atajo, con_typer = dos_copias
    codigo = _atajo.correr(["bitacora", "agregar", str(atajo), *linea])
    salida = capsys.readouterr()
    assert codigo is not None, "el atajo debía reconocer esta línea"
    esperado = CliRunner().invoke(app, ["bitacora", "agregar", str(con_typer), *linea])
    # Los mensajes nombran la carpeta: la de cada copia.
    assert (codigo, salida.out, salida.err.replace(str(atajo), "CARPETA")) == \
        (esperado.exit_code, esperado.stdout, esperado.stderr.replace(str(con_typer), "CARPETA"))
    assert (atajo / "bitacora.yaml").read_bytes() == (con_typer / "bitacora.yaml").read_bytes()


def test_dos_veces_lo_mismo_se_rechaza_igual(dos_copias, capsys):
    atajo, con_typer = dos_copias
    linea = ["--fecha", "2026-06-30", "--accion", "A1=en_curso:60"]
    assert _atajo.correr(["bitacora", "agregar", str(atajo), *linea]) == 0
    assert CliRunner().invoke(app, ["bitacora", "agregar", str(con_typer), *linea]).exit_code == 0
    capsys.readouterr()
    codigo = _atajo.correr(["bitacora", "agregar", str(atajo), *linea])
    salida = capsys.readouterr()
    esperado = CliRunner().invoke(app, ["bitacora", "agregar", str(con_typer), *linea])
    assert (codigo, salida.out, salida.err) == (esperado.exit_code, esperado.stdout, esperado.stderr) != (0, "", "")


def test_una_carpeta_que_no_es_ruta(tmp_path, capsys):
    codigo = _atajo.correr(["bitacora", "agregar", str(tmp_path), "--acuerdo", "x"])
    salida = capsys.readouterr()
    esperado = CliRunner().invoke(app, ["bitacora", "agregar", str(tmp_path), "--acuerdo", "x"])
    assert (codigo, salida.out, salida.err) == (esperado.exit_code, esperado.stdout, esperado.stderr)
    assert codigo == 2


@pytest.mark.parametrize("linea", [
    ["--help"], ["-h"], ["--fecha", "2026-06-30", "--acuerdo", "x", "-h"],
    [],                                                           # nada que registrar: pregunta
    ["--fecha", "2026-06-30"],
    ["--fecha", "2026-06-30", "--acuerdo", "x", "--hoja", "h.csv"],
    ["--meta", "M1", "--hoja", "h.xlsx", "--columna", "Nivel"],
    ["--acuerdo", "x", "--acuerdos", "y"],                        # opción desconocida
    ["--acuerdo", "x", "--formato", "xml"], ["--acuerdo", "x", "-f=json"],
    ["--acuerdo", "x", "--espera", "-1"], ["--acuerdo", "x", "--espera", "inf"],
    ["--acuerdo", "x", "--espera", "dos"],
    ["--acuerdo"],                                                # sin valor
    ["--", "--acuerdo", "x"], ["", "--acuerdo", "x"], ["-", "--acuerdo", "x"],
    ["{carpeta}", "otra", "--acuerdo", "x"],                      # dos carpetas
], ids=lambda l: " ".join(l) or "(nada)")
def test_lo_que_no_reconoce_se_lo_deja_a_typer(linea, tmp_path, capsys):
    argumentos = ["bitacora", "agregar", *[a.format(carpeta=tmp_path) for a in linea]]
    assert _atajo.correr(argumentos) is None
    assert capsys.readouterr() == ("", "")


@pytest.mark.parametrize("argumentos", [["bitacora"], ["bitacora", "--help", "agregar"],
                                        ["bitacora", "agrega", "--acuerdo", "x"]])
def test_otras_lineas_de_bitacora_tampoco(argumentos):
    assert _atajo.correr(argumentos) is None


def test_al_autocompletar_no_corre(monkeypatch):
    monkeypatch.setenv("_RUTA_COMPLETE", "complete_bash")
    assert _atajo.correr(["bitacora", "agregar", str(EJEMPLO), "--acuerdo", "x"]) is None


def _correr_aparte(codigo: str, *argumentos: str, cerrar_stdout: bool = False) -> tuple[int, bytes, bytes]:
    import subprocess
    import sys

    entorno = dict(os.environ, PYTHONPATH=str(RAIZ))
    p = subprocess.Popen([sys.executable, "-c", codigo, *argumentos], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, env=entorno)
    if cerrar_stdout:
        p.stdout.close()        # quien leía se fue antes de que escribiera (``| head``)
        return p.wait(timeout=120), b"", p.stderr.read()
    salida, errores = p.communicate(timeout=120)
    return p.returncode, salida, errores


_CON_MAIN = ("import sys; sys.argv = ['ruta', *sys.argv[1:]]; from rutamejora.commands import main\n"
             "try:\n    main()\nexcept SystemExit as e:\n"
             "    print('typer' in sys.modules, 'click' in sys.modules, e.code, file=sys.stderr)\n"
             "    print('dataclasses' in sys.modules, 'inspect' in sys.modules, file=sys.stderr)")
_CON_TYPER = "import sys; from rutamejora.commands import app; app(sys.argv[1:], prog_name='ruta')"


def test_ruta_bitacora_agregar_no_importa_typer_ni_click_ni_dataclasses(tmp_path):
    carpeta = tmp_path / "ruta"
    shutil.copytree(EJEMPLO, carpeta)
    codigo, salida, errores = _correr_aparte(_CON_MAIN, "bitacora", "agregar", str(carpeta),
                                             "--fecha", "2026-06-30", "--acuerdo", "Uno.")
    assert (codigo, salida.decode(), errores.decode()) == (
        0, "Nueva entrada del 30 jun 2026 en bitacora.yaml, línea 524: 1 acuerdo.\n",
        "False False 0\nFalse False\n")


def test_una_tuberia_cerrada_sale_igual_que_con_typer(dos_copias):
    atajo, con_typer = dos_copias
    linea = ["--fecha", "2026-06-30", "--acuerdo", "Uno."]
    con_atajo = _correr_aparte("import sys; sys.argv = ['ruta', *sys.argv[1:]]; "
                               "from rutamejora.commands import main; main()", "bitacora", "agregar",
                               str(atajo), *linea, cerrar_stdout=True)
    typer_ = _correr_aparte(_CON_TYPER, "bitacora", "agregar", str(con_typer), *linea, cerrar_stdout=True)
    # Escribió en la bitácora y, al decirlo, no había quién leyera: 1 y en silencio, como Click.
    assert con_atajo == typer_ == (1, b"", b"")
    assert (atajo / "bitacora.yaml").read_bytes() == (con_typer / "bitacora.yaml").read_bytes()
