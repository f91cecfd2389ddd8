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


# --- Los YAML del repositorio ----------------------------------------------------------------


@pytest.fixture(scope="session")
def yaml_del_repositorio() -> list[Path]:
    """Cada YAML del repositorio (ejemplos, datos de prueba, plantillas, catálogos): las pruebas
    que comparan dos formas de leer o de recorrer los pasan por las dos."""
    raiz = Path(__file__).resolve().parents[1]
    archivos = sorted(p for carpeta in ("ejemplos", "tests/datos", "plantillas", "rutamejora/catalogos")
                      for p in (raiz / carpeta).rglob("*.yaml"))
    assert len(archivos) > 70
    return archivos


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


# --- Una Ruta con datos personales sembrados (pruebas de privacidad de punta a punta) ---------

EJEMPLO_PRIMARIA = Path(__file__).resolve().parents[1] / "ejemplos" / "primaria-2025-2026"

# (archivo, texto del ejemplo, texto con los datos): de todas las clases, en valores, en un
# comentario, en `codigos:` y en valores que disparan reglas que no son de privacidad.
SIEMBRA = (
    # Valores: un nombre de lista escolar con salud ligada a un código.
    ("diagnostico.yaml", "apoyo: Plan de apoyo individual revisado con la familia cada trimestre.",
     "apoyo: Plan individual para QUINTERO ARANDA DIEGO ALONSO; A-2025-009 tiene epilepsia."),
    # Apodos y diminutivos donde van códigos.
    ("diagnostico.yaml", "codigos: [A-2025-014, A-2025-021, A-2025-037]",
     "codigos: [A-2025-014, Toño, la Güera]"),
    # Apellidos primero con coma (uno fuera del catálogo) y un celular entre paréntesis.
    ("acciones.yaml", "      - Formato de registro de lectura por grupo\n",
     "      - Formato de registro de lectura por grupo\n"
     "      - Préstamo a Montes Iturbide, Renata (cel. 55 4812 9037)\n"),
    ("acciones.yaml", "    participantes: [Alumnos de 3° a 6°]\n",
     "    participantes: [Alumnos de 3° a 6°, el alumno Brayan de 4° B]\n"),
    # Un correo y un RFC en un acuerdo de la bitácora.
    ("bitacora.yaml", "      - Se acuerda la rúbrica común de comprensión lectora y el fichero de retos "
                      "de cálculo mental por grado.",
     "      - Se acuerda la rúbrica común; avisar a tutora.valdes77@gmail.com y revisar RFC "
     "MAGL790214QW3."),
    # Un comentario: teléfono en pares, un nombre con un apellido fuera del catálogo y una CURP
    # en minúsculas.
    ("metas.yaml", "metas:\n",
     "metas:  # tel. 33 18 27 64 50, mamá de Ximena Robles Cházaro, CURP hegc130517hpllnra2\n"),
    # Reglas que no son de privacidad: una fecha que es un teléfono, una clave que es un nombre,
    # un valor fuera de catálogo que es una CURP y una coma sin comillas dentro de {…}.
    ("metas.yaml", "    fecha_limite: 2026-06-19\n", "    fecha_limite: 222 415 8890\n"),
    ("metas.yaml", "    sentido: aumentar\n", "    sentido: aumentar\n    Leonardo Pacheco Ruelas: faltista\n"),
    ("diagnostico.yaml", "  - tipo: abandono\n", "  - tipo: ROMA140823MDFDRLA3\n  - tipo: abandono\n"),
    ("diagnostico.yaml", "  - tipo: no_alcanzar_aprendizajes\n",
     "  - {tipo: abandono, cantidad: 1, apoyo: Visita a casa de Efraín, Salvador Gallegos Peña}\n"
     "  - tipo: no_alcanzar_aprendizajes\n"),
)
# Cada dato sembrado (y partes que no deben quedar sueltas): ninguno aparece en ninguna salida.
DATOS_SEMBRADOS = (
    "QUINTERO ARANDA DIEGO ALONSO", "QUINTERO", "DIEGO ALONSO", "epilepsia", "Toño", "Güera",
    "Montes Iturbide", "Iturbide", "Renata", "55 4812 9037", "4812 9037", "Brayan",
    "tutora.valdes77@gmail.com", "valdes77", "MAGL790214QW3", "33 18 27 64 50", "Ximena",
    "Cházaro", "hegc130517hpllnra2", "HEGC130517HPLLNRA2", "222 415 8890", "Leonardo",
    "Pacheco Ruelas", "ROMA140823MDFDRLA3", "Salvador Gallegos", "Gallegos Peña", "Efraín",
)
# Tocayos y una supresión en línea: ninguno es error, y lo suprimido llega a las familias.
TOCAYOS = ("      - Libros de texto gratuitos (Nuestros saberes, Múltiples lenguajes)\n",
           "      - Libros de texto gratuitos (Nuestros saberes, Múltiples lenguajes)\n"
           "      - Libros de Francisco Hinojosa y Gabriel García Márquez\n"
           "      - Visita a la Escuela \"Leona Vicario\" de la calle Benito Juárez\n"
           "      - Función con Gilda Rincón, cuentacuentos invitada  "
           "# ruta: ignorar RM502 -- es una invitada, no una alumna\n")


def sembrar(carpeta: Path, cambios=SIEMBRA) -> Path:
    """Copia el ejemplo de primaria a ``carpeta`` con ``cambios`` (archivo, viejo, nuevo)."""
    shutil.copytree(EJEMPLO_PRIMARIA, carpeta)
    for archivo, viejo, nuevo in cambios:
        ruta = carpeta / archivo
        texto = ruta.read_text(encoding="utf-8")
        assert viejo in texto, f"{viejo!r} no está en {archivo}"
        ruta.write_text(texto.replace(viejo, nuevo, 1), encoding="utf-8")
    return carpeta


@pytest.fixture
def ruta_con_datos(tmp_path) -> Path:
    """El ejemplo de primaria con los datos personales de ``SIEMBRA`` y los tocayos."""
    return sembrar(tmp_path / "escuela" / "2025-2026", SIEMBRA + (("acciones.yaml", *TOCAYOS),))


@pytest.fixture(name="datos_sembrados", scope="session")
def _datos_sembrados():
    return DATOS_SEMBRADOS


@pytest.fixture(name="sembrar", scope="session")
def _sembrar():
    return sembrar


# --- Un dato en cada texto ------------------------------------------------------------------

# Lo que se siembra al final de cada valor de texto, y cómo se vería en claro. El «;» lo separa
# del valor: tras «DIR.» sería un cargo abreviado y tras «la escuela» un nombre de lugar, y el
# detector los exime a propósito.
DATO_EN_CADA_TEXTO = "; Kevin Pérez Soto, cel 55 4812 9037"
TELEFONO_EN_CADA_NOMBRE = "; cel 55 4812 9037"
EN_CLARO = ("Pérez Soto", "Perez Soto", "PÉREZ SOTO", "4812 9037", "48129037", "4812-9037")


def con_un_dato_en_cada_texto(origen: Path, destino: Path) -> Path:
    """Copia la Ruta con ``DATO_EN_CADA_TEXTO`` al final de cada valor de texto de cada archivo
    (ids, claves de catálogo, grados y referencias incluidos: con ``--con-errores`` un valor
    inválido también llega a un informe). El nombre de una persona del personal o de la escuela
    lleva solo el teléfono: con el nombre sembrado, Kevin sería del personal."""
    from ruamel.yaml import YAML

    shutil.copytree(origen, destino)
    yaml = YAML()
    yaml.preserve_quotes = True

    def sembrar_en(nodo, camino: tuple):
        if isinstance(nodo, dict):
            for clave, valor in nodo.items():
                nodo[clave] = sembrar_en(valor, (*camino, clave))
        elif isinstance(nodo, list):
            for i, valor in enumerate(nodo):
                nodo[i] = sembrar_en(valor, camino)
        elif isinstance(nodo, str):
            propio = camino[-1:] == ("nombre",) and {"colectivo", "comunidad", "escuela"} & set(camino)
            dato = TELEFONO_EN_CADA_NOMBRE if propio else DATO_EN_CADA_TEXTO
            return nodo + dato if type(nodo) is str else type(nodo)(str(nodo) + dato)
        return nodo

    for archivo in sorted(destino.glob("*.yaml")):
        datos = yaml.load(archivo.read_text(encoding="utf-8"))
        with archivo.open("w", encoding="utf-8") as f:
            yaml.dump(sembrar_en(datos, ()), f)
    return destino


@pytest.fixture(scope="session")
def ruta_con_un_dato_en_cada_texto(tmp_path_factory) -> Path:
    """El ejemplo de primaria con un nombre y un teléfono en cada valor de texto (no se toca)."""
    return con_un_dato_en_cada_texto(EJEMPLO_PRIMARIA,
                                     tmp_path_factory.mktemp("un-dato") / "escuela" / "2025-2026")


@pytest.fixture(name="en_claro", scope="session")
def _en_claro():
    """Cómo se vería en claro lo sembrado por ``ruta_con_un_dato_en_cada_texto``."""
    return EN_CLARO
