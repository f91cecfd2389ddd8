"""``ruta exportar`` como lo usa una persona: códigos de salida, mensajes y la barra de avance."""

from __future__ import annotations

import os
import re
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from zonas import EJEMPLOS, FECHA

RAIZ = Path(__file__).resolve().parents[2]
runner = CliRunner()


def exportar(*args: str):
    return runner.invoke(app, ["exportar", *args])


def test_una_zona_con_una_ruta_rota_se_exporta_y_sale_con_1(zona, tmp_path):
    salida = tmp_path / "zona.db"
    r = exportar(str(zona), "-o", str(salida), "--fecha", FECHA)
    assert r.exit_code == 1
    assert r.output == (
        f"Exportadas 5 Rutas a {salida}.\n"
        "ruta: 2 Rutas tienen errores o no se pudo leer (escuelas/31DJN0152E/2025-2026, "
        "escuelas/32ETV0087I/2025-2026); la exportación los lleva en las tablas rutas y problemas. "
        "Revísalos con `ruta validar`.\n")
    conexion = sqlite3.connect(salida)
    assert conexion.execute("SELECT ruta, errores, problema IS NOT NULL FROM rutas ORDER BY ruta"
                            ).fetchall() == [
        ("escuelas/15EES0527T/2024-2026", 0, 0), ("escuelas/21DPR0487A/2025-2026", 0, 0),
        ("escuelas/29DPR0418X/2025-2026", 0, 0), ("escuelas/31DJN0152E/2025-2026", 1, 1),
        ("escuelas/32ETV0087I/2025-2026", 10, 0)]


def test_carpeta_que_no_existe_es_error_de_uso(tmp_path):
    r = exportar(str(tmp_path / "nada"), "-o", str(tmp_path / "zona.db"))
    assert (r.exit_code, r.output) == (2, f"ruta: la carpeta {tmp_path / 'nada'} no existe.\n")
    assert list(tmp_path.iterdir()) == []
    # Aunque -o tampoco sirva (sin extensión), lo primero que se dice es la carpeta que falta.
    r = exportar(str(tmp_path / "nada"), "-o", str(tmp_path / "x"))
    assert (r.exit_code, r.output) == (2, f"ruta: la carpeta {tmp_path / 'nada'} no existe.\n")


def test_carpeta_sin_rutas_es_error_de_uso(tmp_path):
    (tmp_path / "vacia").mkdir()
    r = exportar(str(tmp_path / "vacia"), "-o", str(tmp_path / "zona.db"))
    assert r.exit_code == 2
    assert r.output.startswith("ruta: ")
    assert not (tmp_path / "zona.db").exists()


def test_carpeta_de_salida_que_no_existe(tmp_path):
    destino = tmp_path / "no" / "zona.db"
    r = exportar(str(EJEMPLOS / "primaria-2025-2026"), "-o", str(destino))
    assert (r.exit_code, r.output) == (2, f"ruta: la carpeta {destino.parent} no existe.\n")


def test_salida_que_es_una_carpeta(tmp_path):
    (tmp_path / "zona.db").mkdir()
    r = exportar(str(EJEMPLOS / "primaria-2025-2026"), "-o", str(tmp_path / "zona.db"))
    assert (r.exit_code, r.output) == (
        2, f"ruta: {tmp_path / 'zona.db'} es una carpeta, no un archivo: elige otro nombre para -o.\n")


def test_procesos_invalido(tmp_path):
    r = runner.invoke(app, ["exportar", str(EJEMPLOS / "primaria-2025-2026"), "-o",
                            str(tmp_path / "z.db"), "--procesos", "0"], env={"LANG": "C"})
    assert r.exit_code == 2
    # El mensaje va en un panel que parte las líneas: se compara sin el marco ni los saltos.
    texto = " ".join(re.sub("[│╭╮╰╯─]", " ", r.output).split())
    assert ("Valor no válido para '--procesos': «0» no es un número de procesos: usa un entero "
            "de 1 en adelante (p. ej. --procesos 2).") in texto
    assert list(tmp_path.iterdir()) == []


def test_sin_o_es_error_de_uso():
    r = runner.invoke(app, ["exportar", str(EJEMPLOS / "primaria-2025-2026")], env={"LANG": "C"})
    assert r.exit_code == 2
    texto = " ".join(re.sub("[│╭╮╰╯─]", " ", r.output).split())
    assert "Falta la opción '--salida' / '-o'." in texto


def test_sin_terminal_no_hay_barra_y_con_varios_procesos_da_lo_mismo(zona_limpia, tmp_path):
    """Como programa (sin terminal), stderr solo dice lo hecho; con 2 procesos, la misma base."""
    entorno = dict(os.environ, PYTHONPATH=str(RAIZ))
    salidas = []
    for procesos in ("1", "2"):
        salida = tmp_path / f"zona{procesos}.db"
        r = subprocess.run([sys.executable, "-m", "rutamejora", "exportar", str(zona_limpia), "-o",
                            str(salida), "--fecha", FECHA, "--procesos", procesos],
                           capture_output=True, text=True, env=entorno, timeout=120)
        assert (r.returncode, r.stdout, r.stderr) == (0, "", f"Exportadas 3 Rutas a {salida}.\n")
        salidas.append(list(sqlite3.connect(salida).iterdump()))
    assert salidas[0] == salidas[1]


@pytest.mark.skipif(os.name != "posix", reason="permisos de POSIX")
def test_los_permisos_son_los_de_un_archivo_nuevo(zona_limpia, tmp_path):
    mascara = os.umask(0o022)
    try:
        exportar(str(zona_limpia), "-o", str(tmp_path / "zona.db"), "--fecha", FECHA)
        exportar(str(zona_limpia), "-o", str(tmp_path / "zona"), "--formato", "csv", "--fecha", FECHA)
    finally:
        os.umask(mascara)
    assert oct((tmp_path / "zona.db").stat().st_mode & 0o777) == oct(0o644)
    assert oct((tmp_path / "zona").stat().st_mode & 0o777) == oct(0o755)


class _Barra:
    """Una barra que solo anota con qué se creó (la de verdad solo se dibuja en una terminal)."""

    creadas: list = []

    def __init__(self, total, texto, *args, **kw):
        _Barra.creadas.append((total, texto))

    def __call__(self, hechos):
        pass

    def cerrar(self):
        pass


def test_la_barra_con_varias_rutas_en_una_terminal(zona_limpia, tmp_path, monkeypatch):
    from rutamejora.nucleo import procesos

    monkeypatch.setattr(procesos, "progreso_permitido", lambda flujo=None: True)
    monkeypatch.setattr(procesos, "Progreso", _Barra)
    _Barra.creadas = []
    assert exportar(str(zona_limpia), "-o", str(tmp_path / "a.db"), "--procesos", "1").exit_code == 0
    assert _Barra.creadas == [(3, "Leyendo Rutas")]
    _Barra.creadas = []
    una = zona_limpia / "escuelas" / "21DPR0487A"
    assert exportar(str(una), "-o", str(tmp_path / "b.db"), "--procesos", "1").exit_code == 0
    assert _Barra.creadas == []
