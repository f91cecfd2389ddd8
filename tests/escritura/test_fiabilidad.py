"""Lo que queda tras una escritura interrumpida y los escritores que hacen fila (issue 16).

- ``bitacora agregar`` quita, con el candado tomado, los temporales de la bitácora que dejó un
  proceso matado (solo se crean bajo el candado) y no deja el archivo del candado;
- ``nueva`` nombra su carpeta temporal con equipo y proceso y quita las de procesos muertos;
- ``agregar`` no se cuelga con una FIFO ni lee sin límite de ``/dev/zero``;
- veinte ``agregar`` a la vez registran veinte entradas, y quien espera lo dice.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.escritura import nueva as modulo_nueva
from rutamejora.escritura.candado import NOMBRE_CANDADO, NoSeEscribio, Ocupado, candado
from rutamejora.escritura.texto_bitacora import agregar_entrada
from rutamejora.nucleo.atomico import carpeta_temporal, equipo, es_temporal
from rutamejora.reglas.validacion import validar

RAIZ = Path(__file__).resolve().parents[2]
MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
BASICO = ["--nombre", "Escuela Primaria Juárez", "--cct", "21DPR0123T", "--nivel", "primaria",
          "--ciclo", "2025-2026", "--sin-preguntas"]
runner = CliRunner()
posix = pytest.mark.skipif(os.name == "nt", reason="FIFO, /dev/zero y señales: solo en POSIX")


@pytest.fixture
def ruta(tmp_path) -> Path:
    destino = tmp_path / "ruta"
    shutil.copytree(MINIMA, destino)
    return destino


def agregar(carpeta: Path, *args: str):
    return runner.invoke(app, ["bitacora", "agregar", str(carpeta), *args])


def acuerdos(carpeta: Path) -> list[str]:
    ruta = validar(carpeta, date(2026, 7, 15), True).ruta
    return [a for e in ruta.entradas for a in e.acuerdos or []]


def _python(codigo: str, *args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-c", codigo, *args], env={**os.environ, "PYTHONPATH": str(RAIZ)},
                            cwd=RAIZ, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


# --- 1. Temporales abandonados ----------------------------------------------------------------


# Un `agregar` que se queda colgado justo después de escribir su temporal (antes de renombrarlo),
# para matarlo con SIGKILL en ese momento, como en la prueba de fallas del issue.
COLGADO_CON_TEMPORAL = """
import os, sys, time
def colgado(*a, **k):
    print("temporal", flush=True)
    time.sleep(300)
os.replace = colgado
sys.argv = ["ruta", "bitacora", "agregar", sys.argv[1], "--fecha", "2025-10-15", "--acuerdo", "Matado"]
from rutamejora.commands import main
main()
"""


@posix
def test_un_agregar_matado_no_deja_basura_tras_el_siguiente(ruta):
    proceso = _python(COLGADO_CON_TEMPORAL, str(ruta))
    try:
        assert proceso.stdout.readline().strip() == "temporal"
    finally:
        proceso.send_signal(signal.SIGKILL)
        proceso.wait(timeout=30)
    temporales = [p.name for p in ruta.iterdir() if es_temporal(p.name, "bitacora.yaml")]
    assert len(temporales) == 1 and (ruta / NOMBRE_CANDADO).exists()
    # `validar` lo ve y lo dice, con el arreglo.
    avisos = [p for p in validar(ruta, date(2025, 10, 20), True).problemas if p.codigo == "RM011"]
    assert [(p.archivo, p.severidad) for p in avisos] == [(temporales[0], "aviso")]
    assert "Bórralo" in avisos[0].pista
    r = agregar(ruta, "--fecha", "2025-10-16", "--acuerdo", "Después")
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in ruta.iterdir() if p.name.startswith(".")) == []
    assert "Después" in acuerdos(ruta) and "Matado" not in acuerdos(ruta)


def test_agregar_quita_solo_los_temporales_de_la_bitacora(ruta):
    suyos = [".bitacora.yaml.abcd_123.tmp", ".bitacora.yaml.zzzzzzzz.tmp"]
    ajenos = [".metas.yaml.abcd1234.tmp", ".bitacora.yaml.corto.tmp", "bitacora.yaml.abcd1234.tmp",
              ".bitacora.yaml.abcd1234.tmp.bak", "notas.tmp"]
    for nombre in suyos + ajenos:
        (ruta / nombre).write_text("entradas: []\n", encoding="utf-8")
    (ruta / ".bitacora.yaml.carpeta1.tmp").mkdir()  # una carpeta no la hizo `escribir_atomico`
    r = agregar(ruta, "--fecha", "2025-10-16", "--acuerdo", "Limpio")
    assert r.exit_code == 0, r.output
    quedan = sorted(p.name for p in ruta.iterdir() if p.name not in
                    {"ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml", "metas.yaml",
                     "acciones.yaml", "bitacora.yaml"})
    assert quedan == sorted(ajenos + [".bitacora.yaml.carpeta1.tmp"])


def test_validar_avisa_la_carpeta_temporal_de_nueva(tmp_path):
    destino = tmp_path / "2025-2026"
    shutil.copytree(MINIMA, destino)
    abandonada = tmp_path / ".2025-2026.nueva-otro-equipo-123-abcdefgh"
    abandonada.mkdir()
    (tmp_path / ".2024-2025.nueva-otro-equipo-123-abcdefgh").mkdir()  # de otra Ruta: no es de esta
    avisos = [p for p in validar(destino, date(2025, 10, 1), True).problemas if p.codigo == "RM011"]
    assert [p.archivo for p in avisos] == [f"../{abandonada.name}"]
    assert "Bórrala" in avisos[0].pista


def test_la_carpeta_temporal_de_nueva_lleva_equipo_y_proceso(tmp_path, monkeypatch):
    vistas = []
    original = modulo_nueva.tempfile.mkdtemp

    def mkdtemp(*args, **kw):
        vistas.append(Path(original(*args, **kw)))
        return str(vistas[-1])

    monkeypatch.setattr(modulo_nueva.tempfile, "mkdtemp", mkdtemp)
    r = runner.invoke(app, ["nueva", str(tmp_path / "2025-2026"), *BASICO])
    assert r.exit_code == 0, r.output
    [temporal] = vistas
    assert temporal.name.startswith(f".2025-2026.nueva-{equipo()}-{os.getpid()}-")
    assert carpeta_temporal(temporal.name) == ("2025-2026", equipo(), os.getpid())


@posix
def test_nueva_quita_las_carpetas_de_procesos_muertos_de_este_equipo(tmp_path):
    muerto = subprocess.Popen([sys.executable, "-c", "pass"])
    muerto.wait()
    aqui = equipo()
    de_un_muerto = tmp_path / f".2025-2026.nueva-{aqui}-{muerto.pid}-abcdefgh"
    de_un_vivo = tmp_path / f".2025-2026.nueva-{aqui}-{os.getppid()}-abcdefgh"
    de_otro_equipo = tmp_path / f".2025-2026.nueva-otro-{aqui}x-{muerto.pid}-abcdefgh"
    antigua = tmp_path / ".2025-2026.nueva-abcdefgh"  # sin equipo ni proceso: no se sabe de quién es
    for carpeta in (de_un_muerto, de_un_vivo, de_otro_equipo, antigua):
        carpeta.mkdir()
        (carpeta / "ruta.yaml").write_text("version: 1\n", encoding="utf-8")
    r = runner.invoke(app, ["nueva", str(tmp_path / "2025-2026"), *BASICO])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["2025-2026", de_un_vivo.name, de_otro_equipo.name, antigua.name])


# --- 3. Archivos especiales al agregar --------------------------------------------------------


@posix
def test_agregar_no_se_cuelga_con_una_fifo(ruta, invocar):
    (ruta / "bitacora.yaml").unlink()
    os.mkfifo(ruta / "bitacora.yaml")
    r = invocar(["bitacora", "agregar", str(ruta), "--fecha", "2025-10-16", "--acuerdo", "x"], limite=10)
    assert r.exit_code == 2  # RM012, como en `ruta validar`: el equipo, no lo escrito
    assert r.stderr == ("ruta: bitacora.yaml no se puede leer (No se pudo abrir el archivo: no es un archivo "
                        "normal (es una tubería, FIFO)); corrígelo primero (`ruta validar` dice dónde). "
                        "No se escribió nada.\n")
    # Aunque alguien la ponga después de la revisión, la escritura tampoco la abre a ciegas.
    inicio = time.monotonic()
    with pytest.raises(NoSeEscribio, match=r"No se pudo leer bitacora.yaml: no es un archivo normal"):
        agregar_entrada(ruta / "bitacora.yaml", {"fecha": date(2025, 10, 16), "acuerdos": ["x"]})
    assert time.monotonic() - inicio < 5


@posix
def test_agregar_no_lee_sin_limite_de_dev_zero(ruta, invocar):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no hay /dev/zero")
    (ruta / "bitacora.yaml").unlink()
    (ruta / "bitacora.yaml").symlink_to("/dev/zero")
    r = invocar(["bitacora", "agregar", str(ruta), "--fecha", "2025-10-16", "--acuerdo", "x"], limite=10)
    assert r.exit_code == 2  # RM012, como en `ruta validar`
    assert "no es un archivo normal (es un dispositivo)" in r.stderr
    with pytest.raises(NoSeEscribio, match="es un dispositivo"):
        agregar_entrada(ruta / "bitacora.yaml", {"fecha": date(2025, 10, 16), "acuerdos": ["x"]})


def test_agregar_no_lee_una_bitacora_enorme(ruta):
    (ruta / "bitacora.yaml").write_bytes(b"entradas:\n" + b"#" * (6 * 1024 * 1024))
    with pytest.raises(NoSeEscribio, match=r"No se pudo leer bitacora.yaml: pesa 6.0 MB; el límite es 5 MB"):
        agregar_entrada(ruta / "bitacora.yaml", {"fecha": date(2025, 10, 16), "acuerdos": ["x"]})


# --- 4. Escritores que hacen fila --------------------------------------------------------------


@pytest.mark.lento
def test_veinte_agregar_a_la_vez_registran_veinte_entradas(ruta):
    procesos = [subprocess.Popen(
        [sys.executable, "-m", "rutamejora", "bitacora", "agregar", str(ruta), "--fecha",
         f"2025-10-{i + 1:02d}", "--acuerdo", f"En fila {i}"],
        env={**os.environ, "PYTHONPATH": str(RAIZ)}, cwd=RAIZ, stdout=subprocess.PIPE,
        stderr=subprocess.PIPE, text=True) for i in range(20)]
    for p in procesos:
        _, error = p.communicate(timeout=300)
        assert p.returncode == 0, error
    assert sorted(a for a in acuerdos(ruta) if a.startswith("En fila")) == sorted(f"En fila {i}" for i in range(20))
    assert not (ruta / NOMBRE_CANDADO).exists()


TOMAR_CANDADO = """
import sys, time
from pathlib import Path
from rutamejora.escritura.candado import candado
with candado(Path(sys.argv[1])):
    print("listo", flush=True)
    time.sleep(float(sys.argv[2]))
"""


def test_quien_espera_lo_dice_una_vez_y_luego_escribe(ruta):
    dueno = _python(TOMAR_CANDADO, str(ruta), "2.5")
    try:
        assert dueno.stdout.readline().strip() == "listo"
        r = agregar(ruta, "--fecha", "2025-10-16", "--acuerdo", "Esperé")
    finally:
        dueno.wait(timeout=30)
    assert r.exit_code == 0, r.output
    esperas = [l for l in r.stderr.splitlines() if "esperando su turno" in l]
    assert len(esperas) == 1
    assert esperas[0].startswith("ruta: el proceso ")
    assert "(hasta 120 s)" in esperas[0]
    assert "Esperé" in acuerdos(ruta)


def test_la_espera_es_una_opcion_y_rendirse_sale_con_2(ruta):
    dueno = _python(TOMAR_CANDADO, str(ruta), "60")
    antes = (ruta / "bitacora.yaml").read_bytes()
    try:
        assert dueno.stdout.readline().strip() == "listo"
        inicio = time.monotonic()
        r = agregar(ruta, "--fecha", "2025-10-16", "--acuerdo", "No alcanzó", "--espera", "1.5")
        tardo = time.monotonic() - inicio
    finally:
        dueno.kill()
        dueno.wait(timeout=30)
    assert r.exit_code == 2
    assert 1.5 <= tardo < 10
    assert r.stderr.count("esperando su turno (hasta 1.5 s)") == 1
    assert "no terminó en 1.5 s. Espera a que termine y vuelve a intentarlo." in r.stderr
    assert (ruta / "bitacora.yaml").read_bytes() == antes


def test_el_candado_avisa_una_sola_vez(ruta):
    dueno = _python(TOMAR_CANDADO, str(ruta), "60")
    avisos = []
    try:
        assert dueno.stdout.readline().strip() == "listo"
        with pytest.raises(Ocupado):
            with candado(ruta, espera=2.5, al_esperar=avisos.append):
                pass
    finally:
        dueno.kill()
        dueno.wait(timeout=30)
    assert len(avisos) == 1 and avisos[0].startswith("el proceso ")


def test_la_espera_por_omision_alcanza_para_una_fila_real():
    from rutamejora.escritura.candado import ESPERA

    assert ESPERA >= 60
    r = runner.invoke(app, ["bitacora", "agregar", "--help"])
    assert "--espera" in r.output
