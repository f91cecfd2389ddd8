"""``ruta validar`` con muchas Rutas: ``--procesos``, la misma salida con y sin pool, la barra de
progreso (nunca en JSON, GitHub ni CI) y Ctrl-C.

Las corridas con pool van en un proceso aparte (``python -m rutamejora``), como las vive quien
usa la herramienta. Ninguna prueba mide tiempos.
"""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

RAIZ = Path(__file__).resolve().parents[2]
MINIMA = RAIZ / "tests" / "datos" / "minima"
FECHA = "2025-10-01"
runner = CliRunner()


def _zona(destino: Path, n: int) -> Path:
    """``n`` copias de la Ruta mínima en ``escuelas/<n>/2025-2026``; una de cada tres con un
    error (una referencia rota, con su línea citada) y otra con un aviso (un archivo de más)."""
    for i in range(n):
        carpeta = destino / "escuelas" / f"e{i:03d}" / "2025-2026"
        shutil.copytree(MINIMA, carpeta)
        if i % 3 == 0:
            objetivos = carpeta / "objetivos.yaml"
            objetivos.write_text(objetivos.read_text(encoding="utf-8").replace(
                "prioridad: P1", f"prioridad: P{i + 9}"), encoding="utf-8")
        elif i % 3 == 1:
            (carpeta / "notas.yaml").write_text("a: 1\n", encoding="utf-8")
    return destino


def _ruta(*args: str, env: dict | None = None, **kw) -> subprocess.CompletedProcess:
    entorno = dict(os.environ, PYTHONPATH=str(RAIZ))
    entorno.pop("CI", None)
    entorno.update(env or {})
    return subprocess.run([sys.executable, "-m", "rutamejora", *args], capture_output=True,
                          env=entorno, timeout=120, **kw)


@pytest.mark.parametrize("valor", ["0", "-1", "abc", "1.5", "", "dos"])
def test_procesos_invalido_es_error_de_uso(valor):
    r = runner.invoke(app, ["validar", str(MINIMA), "--procesos", valor], env={"LANG": "C"})
    assert r.exit_code == 2
    # El mensaje va en un panel que parte las líneas: se compara sin el marco ni los saltos.
    texto = " ".join(re.sub("[│╭╮╰╯─]", " ", r.output).split())
    assert (f"Valor no válido para '--procesos': «{valor}» no es un número de procesos: usa un "
            "entero de 1 en adelante (p. ej. --procesos 2).") in texto


def test_procesos_valido_con_una_sola_ruta():
    for valor in ("1", "2", "16"):
        r = runner.invoke(app, ["validar", str(MINIMA), "--fecha", FECHA, "--procesos", valor])
        assert r.exit_code == 0, r.output
        assert r.output.startswith("Todo en orden: 7 archivos revisados.")


@pytest.mark.parametrize("formato", ["texto", "json", "github"])
def test_la_misma_salida_con_y_sin_pool(tmp_path, formato):
    zona = _zona(tmp_path / "zona", 7)
    args = ["validar", "zona", "--formato", formato, "--fecha", FECHA]
    sin_pool = _ruta(*args, "--procesos", "1", cwd=tmp_path)
    con_pool = _ruta(*args, "--procesos", "3", cwd=tmp_path)
    por_omision = _ruta(*args, cwd=tmp_path)
    assert sin_pool.returncode == con_pool.returncode == por_omision.returncode == 1
    # Sin barra (no hay terminal); en texto, la nota de qué Rutas halló bajo la carpeta.
    nota = b"Se validaron 7 Rutas bajo zona.\n" if formato == "texto" else b""
    assert sin_pool.stderr == con_pool.stderr == por_omision.stderr == nota
    assert con_pool.stdout == sin_pool.stdout
    assert por_omision.stdout == sin_pool.stdout
    # Orden estable: el de las carpetas, no el de quién terminó antes.
    salida = sin_pool.stdout.decode("utf-8")
    posiciones = [salida.index(f"e{i:03d}") for i in range(7)]
    assert posiciones == sorted(posiciones)
    assert zona.is_dir()


def test_la_salida_de_texto_cita_lineas_con_pool(tmp_path):
    _zona(tmp_path / "zona", 3)
    r = _ruta("validar", "zona", "--fecha", FECHA, "--procesos", "2", cwd=tmp_path)
    texto = r.stdout.decode("utf-8")
    assert "        3 │     prioridad: P9\n          │                ^\n" in texto
    assert "(marco rme-2014: Ruta de mejora escolar)" in texto
    assert "En total (3 Rutas): 1 error y 1 aviso en 21 archivos" in texto


# --- La barra de progreso ---------------------------------------------------------------------


class _Barra:
    creadas: list = []

    def __init__(self, total, texto, **_):
        _Barra.creadas.append((total, texto))

    def __call__(self, hechos):
        pass

    def cerrar(self):
        pass


@pytest.mark.parametrize("formato, con_barra", [("texto", True), ("json", False), ("github", False)])
def test_la_barra_solo_en_el_formato_texto(tmp_path, monkeypatch, formato, con_barra):
    from rutamejora.nucleo import procesos

    monkeypatch.setattr(procesos, "progreso_permitido", lambda flujo=None: True)
    monkeypatch.setattr(procesos, "Progreso", _Barra)
    _Barra.creadas = []
    _zona(tmp_path / "zona", 3)
    r = runner.invoke(app, ["validar", str(tmp_path / "zona"), "--formato", formato,
                            "--fecha", FECHA, "--procesos", "1"])
    assert r.exit_code == 1
    assert _Barra.creadas == ([(3, "Validando Rutas")] if con_barra else [])


def _stderr_en_terminal(args: list[str], cwd: Path, env: dict) -> bytes:
    """Lo que ``ruta ARGS`` escribe en stderr cuando stderr es una terminal."""
    pty = pytest.importorskip("pty")
    maestro, esclavo = pty.openpty()
    entorno = dict(os.environ, PYTHONPATH=str(RAIZ), **env)
    if "CI" not in env:
        entorno.pop("CI", None)
    p = subprocess.Popen([sys.executable, "-m", "rutamejora", *args], cwd=cwd, env=entorno,
                         stdout=subprocess.DEVNULL, stderr=esclavo)
    os.close(esclavo)
    datos = b""
    while True:
        try:
            trozo = os.read(maestro, 4096)
        except OSError:   # la terminal se cerró: el proceso terminó
            break
        if not trozo:
            break
        datos += trozo
    os.close(maestro)
    p.wait(timeout=120)
    return datos


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="usa una pseudoterminal de Linux")
@pytest.mark.parametrize("args, env", [
    (["--formato", "json"], {}),
    (["--formato", "github"], {}),
    ([], {"CI": "true"}),
])
def test_ninguna_barra_en_json_github_ni_ci_aunque_stderr_sea_una_terminal(tmp_path, args, env):
    _zona(tmp_path / "zona", 12)
    stderr = _stderr_en_terminal(["validar", "zona", "--fecha", FECHA, "--procesos", "2", *args],
                                 tmp_path, env)
    # En texto, solo la nota de qué Rutas se hallaron (la terminal escribe \r\n).
    assert stderr == (b"" if args else b"Se validaron 12 Rutas bajo zona.\r\n")


# --- Ctrl-C -----------------------------------------------------------------------------------


def _hijos(pid: int) -> list[int]:
    try:
        return [int(x) for x in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except OSError:
        return []


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="necesita /proc (Linux)")
def test_ctrl_c_con_el_pool_sale_limpio_con_130(tmp_path):
    _zona(tmp_path / "zona", 150)
    entorno = dict(os.environ, PYTHONPATH=str(RAIZ))
    entorno.pop("CI", None)
    p = subprocess.Popen([sys.executable, "-m", "rutamejora", "validar", "zona", "--procesos", "2"],
                         cwd=tmp_path, env=entorno, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                         start_new_session=True)
    hijos = []
    limite = time.monotonic() + 60
    while p.poll() is None and len(hijos) < 2 and time.monotonic() < limite:
        hijos = _hijos(p.pid)
        time.sleep(0.01)
    if p.poll() is not None:
        pytest.skip("terminó antes de que se pudiera interrumpir")
    # Como la terminal: SIGINT a todo el grupo (el proceso principal y los del pool).
    os.killpg(p.pid, signal.SIGINT)
    stdout, stderr = p.communicate(timeout=60)
    assert p.returncode == 130
    assert b"Traceback" not in stderr and b"KeyboardInterrupt" not in stderr
    assert stdout == b""
    time.sleep(0.2)
    vivos = [h for h in hijos if Path(f"/proc/{h}").exists()
             and "Z" not in Path(f"/proc/{h}/stat").read_text().split(")")[-1][:3]]
    assert not vivos, f"quedaron procesos del pool: {vivos}"


@pytest.mark.parametrize("formato", ["texto", "json", "github"])
def test_con_pool_los_datos_personales_siguen_enmascarados(tmp_path, ruta_con_datos,
                                                           datos_sembrados, formato):
    """Los problemas viajan de un proceso a otro con sus datos personales (``secretos``): la
    salida los enmascara igual que sin pool."""
    _zona(tmp_path / "otras", 2)
    args = ["validar", str(tmp_path), "--formato", formato, "--fecha", FECHA]
    sin_pool = _ruta(*args, "--procesos", "1")
    con_pool = _ruta(*args, "--procesos", "2")
    assert con_pool.returncode == sin_pool.returncode
    assert con_pool.stdout == sin_pool.stdout
    texto = con_pool.stdout.decode("utf-8")
    assert str(ruta_con_datos) in texto or ruta_con_datos.name in texto
    filtrados = [d for d in datos_sembrados if d in texto]
    assert not filtrados, filtrados
