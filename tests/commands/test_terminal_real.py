"""Las rutas interactivas en una terminal de verdad (tmux): ``ruta sesion`` con su bucle del
editor (un editor de guion que primero escribe un error y luego lo corrige) y ``bitacora
agregar`` preguntando, con la sugerencia aceptada con Enter. CliRunner no tiene terminal; aquí
la entrada, la salida y el editor son los de una terminal real."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[2]
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None or os.name == "nt",
                                reason="hace falta tmux (una terminal de verdad)")

EDITOR = '''
import os, sys
from pathlib import Path
archivo = Path(sys.argv[1])
marca = archivo.with_name(archivo.name + ".vez")
vez = int(marca.read_text()) if marca.exists() else 0
marca.write_text(str(vez + 1))
texto = archivo.read_text(encoding="utf-8")
Path(os.environ["EN_TERMINAL"]).write_text(str(os.isatty(0) and os.isatty(1)))
if vez == 0:
    texto = texto.replace("    avance: 50", "    avance: 150", 1)
else:
    texto = texto.replace("    avance: 150", "    avance: 75", 1)
archivo.write_text(texto, encoding="utf-8")
'''


class Terminal:
    """Una sesión de tmux con su propio servidor (``-L``), que se cierra al terminar."""

    def __init__(self, carpeta: Path):
        self.socket = f"ruta-prueba-{os.getpid()}-{time.monotonic_ns()}"
        self.carpeta = carpeta

    def tmux(self, *args: str) -> str:
        return subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True,
                              check=True).stdout

    def correr(self, orden: str, **env) -> None:
        variables = " ".join(f"{k}={shlex.quote(v)}" for k, v in {"PYTHONPATH": str(RAIZ), "LANG": "C.UTF-8",
                                                      "NO_COLOR": "1", **env}.items())
        self.tmux("new-session", "-d", "-x", "160", "-y", "50", "-c", str(self.carpeta),
                  f"env {variables} {orden}; echo FIN:$?; sleep 60")

    def pantalla(self) -> str:
        return self.tmux("capture-pane", "-p", "-J", "-S", "-200")

    def esperar(self, texto: str, segundos: float = 60) -> str:
        limite = time.monotonic() + segundos
        while time.monotonic() < limite:
            pantalla = self.pantalla()
            if texto in pantalla:
                return pantalla
            time.sleep(0.2)
        raise AssertionError(f"no apareció «{texto}» en la terminal:\n{self.pantalla()}")

    def teclear(self, texto: str) -> None:
        if texto:
            self.tmux("send-keys", "-l", texto)
        self.tmux("send-keys", "Enter")

    def cerrar(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True)


@pytest.fixture
def terminal(tmp_path):
    t = Terminal(tmp_path)
    yield t
    t.cerrar()


@pytest.fixture
def ruta(tmp_path) -> Path:
    destino = tmp_path / "primaria"
    shutil.copytree(EJEMPLO, destino)
    lineas = (EJEMPLO / "bitacora.yaml").read_text(encoding="utf-8").splitlines(True)
    (destino / "bitacora.yaml").write_text("".join(lineas[:279]), encoding="utf-8")
    return destino


def test_sesion_con_el_editor_en_una_terminal(terminal, ruta, tmp_path):
    editor = tmp_path / "editor.py"
    editor.write_text(EDITOR, encoding="utf-8")
    en_terminal = tmp_path / "en_terminal"
    terminal.correr(f"{sys.executable} -m rutamejora sesion {ruta}", VISUAL=f"{sys.executable} {editor}",
                    EN_TERMINAL=str(en_terminal))
    pantalla = terminal.esperar("¿Lo corriges en el editor? [S/n]:")
    assert "ruta: el registro tiene 1 error:" in pantalla
    assert "avance: 150 está fuera de rango; va entre 0 y 100." in pantalla
    terminal.teclear("")  # Enter: sí
    pantalla = terminal.esperar("FIN:")
    assert "FIN:0" in pantalla
    assert "Nueva entrada del 27 feb 2026 (sesión 5) en bitacora.yaml, línea 280: acción A1 (en curso, " \
           "75 %)." in pantalla
    assert en_terminal.read_text() == "True"   # el editor tuvo la terminal
    assert "      - accion: A1\n        estado: en_curso\n        avance: 75\n" in \
        (ruta / "bitacora.yaml").read_text(encoding="utf-8")


def test_agregar_preguntando_en_una_terminal(terminal, ruta):
    terminal.correr(f"{sys.executable} -m rutamejora bitacora agregar {ruta}")
    terminal.esperar("Fecha (AAAA-MM-DD) [2026-02-27]:")
    terminal.teclear("")
    terminal.esperar("vacío si no es de una sesión) [5]:")
    terminal.teclear("")
    terminal.esperar("Opción (0 para terminar) [0]:")
    terminal.teclear("2")
    pantalla = terminal.esperar("Id de la meta:")
    assert "    M1    Aumentar de 46 % a 60 % los alumnos de 3° a 6° que alcanza" in pantalla
    terminal.teclear("m1")
    terminal.esperar("¿Quisiste decir M1? (Enter la acepta)")
    terminal.esperar("Id de la meta [M1]:")
    terminal.teclear("")
    terminal.esperar("Valor medido:")
    terminal.teclear("53")
    terminal.esperar("Fuente del dato (vacío: ninguna):")
    terminal.teclear("Corte de febrero")
    terminal.esperar("Opción (0 para terminar) [0]:")
    terminal.teclear("")
    terminal.esperar("¿Guardar? [S/n]:")
    terminal.teclear("s")
    pantalla = terminal.esperar("FIN:")
    assert "FIN:0" in pantalla
    assert "Nueva entrada del 27 feb 2026 (sesión 5) en bitacora.yaml, línea 280: medición de M1 (53)." \
        in pantalla
