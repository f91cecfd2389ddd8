"""``ruta nueva`` (y ``ruta ayuda``) en una terminal de verdad (tmux): pregunta lo que falta, toma
la CCT y el ciclo de la carpeta, acepta lo propuesto con Enter y la Ruta que escribe pasa
``validar``; la ayuda se pagina.

Las demás pruebas de las preguntas usan CliRunner, cuya entrada no es una terminal; esta corre
el programa en una terminal que tmux crea, teclea como una persona y lee la pantalla.
"""

from __future__ import annotations

import datetime
import os
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest
from ruamel.yaml import YAML

from rutamejora.reglas.validacion import validar

RAIZ = Path(__file__).resolve().parents[2]

pytestmark = [pytest.mark.lento,
              pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux no está instalado"),
              pytest.mark.skipif(os.name == "nt", reason="tmux no existe en Windows")]


class Tmux:
    """Una sesión de tmux propia (su propio servidor, con -L) que se cierra al terminar."""

    def __init__(self, carpeta: Path):
        self.servidor = f"ruta-prueba-{uuid.uuid4().hex[:8]}"
        self.carpeta = carpeta

    def _tmux(self, *args) -> str:
        return subprocess.run(["tmux", "-L", self.servidor, *args], capture_output=True, text=True,
                              check=True, timeout=30).stdout

    def correr(self, orden: str) -> None:
        self._tmux("new-session", "-d", "-x", "120", "-y", "50", "-c", str(self.carpeta), orden)

    def pantalla(self) -> str:
        return self._tmux("capture-pane", "-p", "-J", "-S", "-100")  # -J: une los renglones partidos

    def esperar(self, texto: str, segundos: float = 30) -> str:
        """Espera a que ``texto`` aparezca (tmux no guarda los espacios al final de un renglón)."""
        texto = texto.rstrip()
        limite = time.monotonic() + segundos
        while time.monotonic() < limite:
            pantalla = self.pantalla()
            if texto in pantalla:
                return pantalla
            time.sleep(0.1)
        raise AssertionError(f"no apareció «{texto}» en la terminal:\n{self.pantalla()}")

    def teclear(self, texto: str) -> None:
        if texto:
            self._tmux("send-keys", "-l", texto)
        self._tmux("send-keys", "Enter")

    def cerrar(self) -> None:
        subprocess.run(["tmux", "-L", self.servidor, "kill-server"], capture_output=True, timeout=30)


@pytest.fixture
def tmux(tmp_path):
    sesion = Tmux(tmp_path)
    yield sesion
    sesion.cerrar()


def test_nueva_pregunta_en_una_terminal_real(tmp_path, tmux):
    destino = tmp_path / "escuelas" / "11DJN0041M" / "2025-2026"
    fin = tmp_path / "salida.txt"
    orden = (f"PYTHONPATH={shlex.quote(str(RAIZ))} {shlex.quote(sys.executable)} -m rutamejora nueva "
             f"escuelas/11DJN0041M/2025-2026 --fecha 2026-09-01; echo \"fin $?\" > {shlex.quote(str(fin))}; "
             "sleep 30")
    tmux.correr(orden)
    tmux.esperar("De la carpeta: CCT 11DJN0041M, ciclo 2025-2026.")
    tmux.esperar("Nombre oficial de la escuela: ")
    tmux.teclear("Jardín de Niños Tonantzin")
    tmux.esperar("Nivel (preescolar, primaria o secundaria) [preescolar]: ")
    tmux.teclear("")
    pantalla = tmux.esperar("Marco de planeación [pmc-2024]: ")
    assert "  pmc-2024   Proceso de Mejora Continua (desde el ciclo 2024-2025)" in pantalla
    tmux.teclear("")
    tmux.esperar("(Enter si no aplica): ")
    tmux.teclear("matutno")
    tmux.esperar("¿Quisiste decir matutino? Pulsa Enter para aceptarlo o escribe otro valor.")
    tmux.teclear("")
    tmux.esperar("Zona escolar (Enter si no aplica): ")
    tmux.teclear("045")
    tmux.esperar("Sector (Enter si no aplica): ")
    tmux.teclear("")
    pantalla = tmux.esperar("Siguiente paso: el diagnóstico")
    assert "Ruta nueva en escuelas/11DJN0041M/2025-2026: Jardín de Niños Tonantzin (11DJN0041M), preescolar, " \
           "ciclo 2025-2026, marco pmc-2024." in pantalla
    limite = time.monotonic() + 10
    while not fin.exists() and time.monotonic() < limite:
        time.sleep(0.1)
    assert fin.read_text(encoding="utf-8").strip() == "fin 0"

    ruta = YAML(typ="safe").load((destino / "ruta.yaml").read_text(encoding="utf-8"))
    assert (ruta["marco"], ruta["ciclo"]) == ("pmc-2024", "2025-2026")
    assert ruta["escuela"] == {"nombre": "Jardín de Niños Tonantzin", "cct": "11DJN0041M", "nivel": "preescolar",
                               "turno": "matutino", "zona": "045", "entidad": "Guanajuato"}
    resultado = validar(destino, datetime.date(2025, 10, 1), True)
    assert [p for p in resultado.problemas if p.severidad == "error"] == []


def test_nueva_sin_nada_en_una_terminal_real_sale_con_ctrl_d(tmp_path, tmux):
    """Ctrl-D (fin de la entrada) en una pregunta cancela sin dejar nada: 130, como Ctrl-C."""
    fin = tmp_path / "salida.txt"
    tmux.correr(f"PYTHONPATH={shlex.quote(str(RAIZ))} {shlex.quote(sys.executable)} -m rutamejora nueva r; "
                f"echo \"fin $?\" > {shlex.quote(str(fin))}; sleep 30")
    tmux.esperar("Nombre oficial de la escuela: ")
    tmux._tmux("send-keys", "C-d")
    tmux.esperar("Cancelado: no se creó ninguna Ruta.")
    limite = time.monotonic() + 10
    while not fin.exists() and time.monotonic() < limite:
        time.sleep(0.1)
    assert fin.read_text(encoding="utf-8").strip() == "fin 130"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["salida.txt"]


@pytest.mark.skipif(shutil.which("less") is None, reason="sin less no hay paginador")
def test_ayuda_en_una_terminal_real_usa_el_paginador(tmp_path, tmux):
    """`ruta ayuda TEMA` en una terminal pagina el tema (como `git help`); q sale."""
    fin = tmp_path / "salida.txt"
    tmux.correr(f"PAGER=less PYTHONPATH={shlex.quote(str(RAIZ))} {shlex.quote(sys.executable)} -m rutamejora "
                f"ayuda vistas; echo \"fin $?\" > {shlex.quote(str(fin))}; sleep 30")
    pantalla = tmux.esperar("# El seguimiento en la terminal")
    assert "Cinco comandos para las sesiones ordinarias del CTE" in pantalla
    assert not fin.exists()  # el paginador espera
    tmux._tmux("send-keys", "q")
    limite = time.monotonic() + 10
    while not fin.exists() and time.monotonic() < limite:
        time.sleep(0.1)
    assert fin.read_text(encoding="utf-8").strip() == "fin 0"
