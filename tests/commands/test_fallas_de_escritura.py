"""Toda falla de escritura da el mismo mensaje claro y la salida 2, en cada comando que escribe.

Un montaje de solo lectura, una carpeta sin permiso, un disco lleno o sin inodos, una cuota
agotada: «No se pudo escribir …: <razón en español>. …quedó como estaba.», nunca «problema
interno». Las fallas se inyectan (la suite corre como root en CI, donde los permisos no
impiden escribir).
"""

from __future__ import annotations

import errno
import os
import shutil
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.nucleo.archivos import razon

RAIZ = Path(__file__).resolve().parents[2]
MINIMA = RAIZ / "tests" / "datos" / "minima"
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"
runner = CliRunner()

RAZONES = {
    errno.EROFS: "el disco es de solo lectura",
    errno.EACCES: "no hay permiso para escribir en esa carpeta",
    errno.ENOSPC: "no queda espacio en el disco (o se acabaron sus inodos, los lugares para archivos)",
}
if hasattr(errno, "EDQUOT"):
    RAZONES[errno.EDQUOT] = "se acabó la cuota de espacio de tu usuario en el disco"
FALLAS = pytest.mark.parametrize("numero", sorted(RAZONES), ids=[errno.errorcode[n] for n in sorted(RAZONES)])


def falla(numero: int):
    def lanzar(*args, **kw):
        raise OSError(numero, os.strerror(numero))
    return lanzar


def huellas(carpeta: Path) -> dict:
    return {str(p.relative_to(carpeta)): p.read_bytes() for p in sorted(carpeta.rglob("*")) if p.is_file()}


@FALLAS
def test_razon_en_espanol(numero):
    assert razon(OSError(numero, os.strerror(numero))) == RAZONES[numero]


@FALLAS
def test_bitacora_agregar(tmp_path, monkeypatch, numero):
    ruta = tmp_path / "ruta"
    shutil.copytree(MINIMA, ruta)
    antes = huellas(tmp_path)
    monkeypatch.setattr(tempfile, "mkstemp", falla(numero))
    r = runner.invoke(app, ["bitacora", "agregar", str(ruta), "--fecha", "2025-10-16", "--acuerdo", "x"])
    assert r.exit_code == 2
    assert r.stderr == f"ruta: no se pudo escribir bitacora.yaml: {RAZONES[numero]}. El archivo quedó como estaba.\n"
    assert huellas(tmp_path) == antes
    assert r.exception is None or isinstance(r.exception, SystemExit)


@FALLAS
def test_bitacora_agregar_sin_poder_crear_el_candado(tmp_path, monkeypatch, numero):
    """En una carpeta de solo lectura lo primero que falla es crear el candado."""
    ruta = tmp_path / "ruta"
    shutil.copytree(MINIMA, ruta)
    antes = huellas(tmp_path)
    original = os.open

    def abrir(camino, banderas, *args, **kw):
        if banderas & os.O_CREAT:
            raise OSError(numero, os.strerror(numero))
        return original(camino, banderas, *args, **kw)

    monkeypatch.setattr(os, "open", abrir)
    r = runner.invoke(app, ["bitacora", "agregar", str(ruta), "--fecha", "2025-10-16", "--acuerdo", "x"])
    assert r.exit_code == 2
    assert r.stderr == f"ruta: no se pudo escribir bitacora.yaml: {RAZONES[numero]}. El archivo quedó como estaba.\n"
    assert huellas(tmp_path) == antes


@FALLAS
def test_nueva(tmp_path, monkeypatch, numero):
    destino = tmp_path / "escuelas" / "2025-2026"
    monkeypatch.setattr(tempfile, "mkdtemp", falla(numero))
    r = runner.invoke(app, ["nueva", str(destino), "--nombre", "Escuela", "--cct", "21DPR0123T", "--nivel",
                            "primaria", "--ciclo", "2025-2026", "--sin-preguntas"])
    assert r.exit_code == 2
    assert r.stderr == f"ruta: no se pudo escribir {destino}: {RAZONES[numero]}. No se creó la Ruta.\n"
    assert list(tmp_path.iterdir()) == []


@FALLAS
def test_nueva_al_crear_la_carpeta(tmp_path, monkeypatch, numero):
    destino = tmp_path / "escuelas" / "2025-2026"
    monkeypatch.setattr(Path, "mkdir", falla(numero))
    r = runner.invoke(app, ["nueva", str(destino), "--nombre", "Escuela", "--cct", "21DPR0123T", "--nivel",
                            "primaria", "--ciclo", "2025-2026", "--sin-preguntas"])
    assert r.exit_code == 2
    assert r.stderr == f"ruta: no se pudo escribir {destino}: {RAZONES[numero]}. No se creó la Ruta.\n"


@FALLAS
def test_informe_o(tmp_path, monkeypatch, numero):
    ruta = tmp_path / "ruta"
    shutil.copytree(EJEMPLO, ruta)
    salida = tmp_path / "informe.html"
    monkeypatch.setattr(tempfile, "mkstemp", falla(numero))
    r = runner.invoke(app, ["informe", str(ruta), "-t", "rendicion", "--fecha", "2026-07-15", "-o", str(salida)])
    assert r.exit_code == 2
    assert r.stderr == f"ruta: no se pudo escribir {salida}: {RAZONES[numero]}. El archivo quedó como estaba.\n"
    assert not salida.exists()


@FALLAS
def test_esquema_salida(tmp_path, monkeypatch, numero):
    carpeta = tmp_path / ".esquemas"
    assert runner.invoke(app, ["esquema", "--salida", str(carpeta)]).exit_code == 0
    antes = huellas(carpeta)
    monkeypatch.setattr(tempfile, "mkstemp", falla(numero))
    r = runner.invoke(app, ["esquema", "--salida", str(carpeta)])
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: no se pudo escribir {carpeta}: {RAZONES[numero]}. Los esquemas que había "
                        "quedaron como estaban.\n")
    assert huellas(carpeta) == antes


@FALLAS
def test_esquema_salida_sin_poder_crear_la_carpeta(tmp_path, monkeypatch, numero):
    carpeta = tmp_path / "nueva" / ".esquemas"
    monkeypatch.setattr(Path, "mkdir", falla(numero))
    r = runner.invoke(app, ["esquema", "--salida", str(carpeta)])
    assert r.exit_code == 2
    assert r.stderr.startswith(f"ruta: no se pudo escribir {carpeta}: {RAZONES[numero]}.")
