"""Lo que comparten las pruebas: la Ruta mínima, ``ruta validar`` en el mismo proceso (con un
guardián contra cuelgues) y el corpus de YAML raro de ``../shared`` (que un clon de usuario no
tiene: entonces esas pruebas se omiten, no fallan).

Las pruebas no importan este módulo: usan sus fixtures (``ruta_minima``, ``validar_json``,
``invocar``, ``huellas``) y el parámetro ``documento_corpus``, que se reparte aquí.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import threading
from contextlib import contextmanager
from pathlib import Path

import pytest

MINIMA = Path(__file__).parent / "datos" / "minima"
# El repositorio está en /work/main y el material común en /work/shared; en CI, ``../shared``.
SHARED = Path(__file__).resolve().parents[2] / "shared"
CORPUS = SHARED / "corpus" / "yaml-test-suite"
SIN_CORPUS = "../shared/corpus/yaml-test-suite no está (clon de usuario): se omite el corpus"
corpus = pytest.mark.skipif(not CORPUS.is_dir(), reason=SIN_CORPUS)

# Los siete archivos de una Ruta, en su orden.
ARCHIVOS = ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml", "metas.yaml",
            "acciones.yaml", "bitacora.yaml")
FECHA = "2025-10-01"
# Guardián contra cuelgues, no una medida de velocidad: un caso tarda milisegundos.
LIMITE_SEGUNDOS = 20


# --- Ruta mínima ------------------------------------------------------------------------------


@pytest.fixture
def ruta_minima(tmp_path: Path) -> Path:
    """Una copia de la Ruta mínima válida, para estropearla a gusto."""
    destino = tmp_path / "ruta"
    shutil.copytree(MINIMA, destino)
    return destino


def huellas(carpeta: Path) -> dict[str, str]:
    """SHA-256 de cada archivo bajo ``carpeta``: validar nunca escribe, crea ni borra nada."""
    return {str(p.relative_to(carpeta)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(carpeta.rglob("*")) if p.is_file()}


@pytest.fixture(name="huellas", scope="session")
def _huellas():
    return huellas


# --- ruta validar en el mismo proceso ---------------------------------------------------------


class Colgado(BaseException):
    """La validación pasó del límite. Es BaseException para que CliRunner no la atrape."""


@contextmanager
def _alarma(segundos: float):
    def sonar(signum, frame):
        raise Colgado(f"ruta validar no terminó en {segundos} s")

    anterior = signal.signal(signal.SIGALRM, sonar)
    signal.setitimer(signal.ITIMER_REAL, segundos)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, anterior)


def invocar(args: list[str], limite: float = LIMITE_SEGUNDOS):
    """``ruta ARGS`` con CliRunner; falla la prueba si no termina en ``limite`` segundos.

    En POSIX (hilo principal) una alarma interrumpe la validación; en otro caso (Windows) corre
    en un hilo y solo se deja de esperar (el hilo sigue, pero la prueba ya falló).
    """
    from typer.testing import CliRunner

    from rutamejora.commands import app

    runner = CliRunner()
    if hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread():
        try:
            with _alarma(limite):
                return runner.invoke(app, args)
        except Colgado as exc:
            pytest.fail(f"{exc}: {args}")
    resultado = []
    hilo = threading.Thread(target=lambda: resultado.append(runner.invoke(app, args)), daemon=True)
    hilo.start()
    hilo.join(limite)
    if hilo.is_alive():
        pytest.fail(f"ruta validar no terminó en {limite} s: {args}")
    return resultado[0]


def sin_traceback(resultado) -> None:
    """Ningún error interno: la única excepción admitida es la salida normal (SystemExit)."""
    exc = resultado.exception
    if exc is not None and not isinstance(exc, SystemExit):
        import traceback

        detalle = "".join(traceback.format_exception(*resultado.exc_info))
        pytest.fail(f"ruta validar lanzó {type(exc).__name__}:\n{detalle}")


def validar_json(carpeta: Path, *args: str, limite: float = LIMITE_SEGUNDOS) -> tuple[int, dict]:
    """``ruta validar CARPETA --formato json --fecha 2025-10-01 ARGS`` → (código de salida, JSON).

    Falla la prueba ante un traceback, un cuelgue o una salida que no es JSON.
    """
    resultado = invocar(["validar", str(carpeta), "--formato", "json", "--fecha", FECHA, *args],
                        limite)
    sin_traceback(resultado)
    try:
        datos = json.loads(resultado.stdout)
    except ValueError:
        pytest.fail(f"La salida (código {resultado.exit_code}) no es JSON:\n"
                    f"{resultado.stdout[:2000]}\n{resultado.stderr[:2000]}")
    return resultado.exit_code, datos


@pytest.fixture(name="validar_json", scope="session")
def _validar_json():
    return validar_json


@pytest.fixture(name="invocar", scope="session")
def _invocar():
    return invocar


# --- El corpus (yaml-test-suite) --------------------------------------------------------------


@pytest.fixture
def carpeta_corpus() -> Path:
    """La carpeta del corpus; sin ella, la prueba se omite con la razón de ``corpus``."""
    if not CORPUS.is_dir():
        pytest.skip(SIN_CORPUS)
    return CORPUS


def documentos_del_corpus() -> list[Path]:
    return sorted(CORPUS.glob("validos/*.yaml")) + sorted(CORPUS.glob("invalidos/*.yaml"))


def pytest_generate_tests(metafunc):
    """Reparte ``documento_corpus`` = (índice, ruta del documento) sobre todo el corpus.

    Se arma al recolectar, sin leer nada si el corpus no está: entonces queda un único caso
    omitido con la razón de ``corpus``.
    """
    if "documento_corpus" not in metafunc.fixturenames:
        return
    if not CORPUS.is_dir():
        metafunc.parametrize("documento_corpus",
                             [pytest.param(None, id="sin-corpus", marks=corpus)])
        return
    documentos = documentos_del_corpus()
    metafunc.parametrize("documento_corpus", [
        pytest.param((i, p), id=f"{p.parent.name}/{p.stem}") for i, p in enumerate(documentos)])
