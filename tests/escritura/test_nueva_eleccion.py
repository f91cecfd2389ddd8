"""``ruta nueva`` decide lo que puede y pregunta lo demás: el marco vigente en el ciclo, la CCT y
el ciclo de la carpeta ``escuelas/<CCT>/<ciclo>/``; sin terminal no espera respuestas; y la Ruta
de cada nivel y cada marco habla el lenguaje del nivel y pasa ``validar``."""

from __future__ import annotations

import datetime
import os
import subprocess
import sys
from pathlib import Path

import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from rutamejora import escritura as N
from rutamejora.catalogos import AQUI as CATALOGOS, cargar_marco, cct as catalogo_cct
from rutamejora.commands import app
from rutamejora.escritura.plantillas_nueva import carpeta_plantillas
from rutamejora.reglas.validacion import validar

RAIZ = Path(__file__).resolve().parents[2]
MARCOS = sorted(p.stem for p in (CATALOGOS / "marcos").glob("*.yaml"))
# Lo que una Ruta recién creada puede decir: que está por llenar, nunca un error.
AVISOS_DE_RUTA_NUEVA = {"RM120", "RM331", "RM332", "RM333", "RM334", "RM406"}
runner = CliRunner()


def correr(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def leer(archivo: Path):
    return YAML(typ="safe").load(archivo.read_text(encoding="utf-8"))


@pytest.fixture
def terminal(monkeypatch):
    """Una terminal para preguntar (el stdin de CliRunner no lo es)."""
    monkeypatch.setattr("rutamejora.commands.nueva._hay_terminal", lambda: True)


# --- El marco vigente -------------------------------------------------------------------------------


@pytest.mark.parametrize("ciclo,vigentes", [
    ("2014-2015", ["rme-2014"]), ("2018-2019", ["rme-2014"]), ("2019-2020", ["pemc-2019"]),
    ("2023-2024", ["pemc-2019"]), ("2024-2025", ["pemc-2019", "pmc-2024"]), ("2025-2026", ["pmc-2024"]),
    ("2031-2032", ["pmc-2024"]), ("2010-2011", []),
])
def test_los_marcos_vigentes_salen_del_catalogo(ciclo, vigentes):
    assert N.marcos_vigentes(ciclo) == vigentes
    assert N.marco_por_omision(ciclo) == (vigentes[0] if len(vigentes) == 1 else None)


@pytest.mark.parametrize("ciclo,marco", [("2016-2017", "rme-2014"), ("2021-2022", "pemc-2019"),
                                         ("2025-2026", "pmc-2024")])
def test_sin_marco_usa_el_vigente(tmp_path, ciclo, marco):
    destino = tmp_path / "escuelas" / "21DPR0123T" / ciclo
    r = correr("nueva", destino, "--nombre", "Escuela", "--sin-preguntas")
    assert r.exit_code == 0, r.output
    assert f", marco {marco}.\n" in r.output
    ruta = leer(destino / "ruta.yaml")
    assert (ruta["marco"], ruta["ciclo"], ruta["escuela"]["cct"]) == (marco, ciclo, "21DPR0123T")


@pytest.mark.parametrize("ciclo,motivo", [("2024-2025", "en 2024-2025 valen pemc-2019 y pmc-2024"),
                                          ("2010-2011", "ningún marco del catálogo está vigente en 2010-2011")])
def test_sin_marco_por_omision_hay_que_darlo(tmp_path, ciclo, motivo):
    r = correr("nueva", tmp_path / "r", "--nombre", "E", "--cct", "21DPR0123T", "--ciclo", ciclo, "--sin-preguntas")
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == (f"ruta: con --sin-preguntas hay que dar --marco ({motivo}) (o quita --sin-preguntas "
                        "para que ruta los pregunte).\n")
    assert list(tmp_path.iterdir()) == []


def test_en_2024_2025_se_pregunta_sin_marco_por_omision(tmp_path, terminal):
    destino = tmp_path / "escuelas" / "21DPR0123T" / "2024-2025"
    r = correr("nueva", destino, "--nombre", "Escuela", "--turno", "matutino", "--zona", "1", "--sector", "2",
               input="\n\npmc\n")
    assert r.exit_code == 0, r.output
    assert r.output.startswith(
        "De la carpeta: CCT 21DPR0123T, ciclo 2024-2025.\n"
        "Nivel (preescolar, primaria o secundaria) [primaria]: \n"
        "Marcos de planeación:\n"
        "  pemc-2019  Programa Escolar de Mejora Continua (ciclos 2019-2020 a 2024-2025)\n"
        "  pmc-2024   Proceso de Mejora Continua (desde el ciclo 2024-2025)\n"
        "  rme-2014   Ruta de mejora escolar (ciclos 2014-2015 a 2018-2019)\n"
        "Elige uno: en 2024-2025 valen pemc-2019 y pmc-2024.\n"
        # Enter no elige nada: sin valor por omisión se vuelve a preguntar.
        "Marco de planeación: \n"
        "Marco de planeación: pmc\n"
        "Ruta nueva en ")
    assert leer(destino / "ruta.yaml")["marco"] == "pmc-2024"


def test_un_marco_que_no_existe_se_corrige_al_preguntar(tmp_path, terminal):
    destino = tmp_path / "escuelas" / "21DPR0123T" / "2025-2026"
    r = correr("nueva", destino, "--nombre", "E", "--turno", "matutino", "--zona", "1", "--sector", "2",
               input="\nzona-999\nrme\n")
    assert r.exit_code == 0, r.output
    assert ("Marco de planeación [pmc-2024]: zona-999\n"
            "«zona-999» no es un marco: pemc-2019, pmc-2024, rme-2014.\n"
            "Marco de planeación [pmc-2024]: rme\n") in r.output
    assert leer(destino / "ruta.yaml")["marco"] == "rme-2014"


# --- La carpeta escuelas/<CCT>/<ciclo>/ -------------------------------------------------------------


def test_la_carpeta_dice_la_cct_y_el_ciclo_y_no_se_preguntan(tmp_path, terminal):
    """El caso del issue: en …/2025-2026, Enter daba `ciclo: 2026-2027` (el de la fecha)."""
    destino = tmp_path / "escuelas" / "11DJN0041M" / "2025-2026"
    r = correr("nueva", destino, "--fecha", "2026-09-01", input="Jardín de Niños\n\n\n\n\n\n")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("De la carpeta: CCT 11DJN0041M, ciclo 2025-2026.\n"
                               "Nombre oficial de la escuela: Jardín de Niños\n"
                               "Nivel (preescolar, primaria o secundaria) [preescolar]: \n"
                               "Marcos de planeación:\n")
    assert "CCT (clave" not in r.output and "Ciclo escolar" not in r.output
    assert "Marco de planeación [pmc-2024]: \n" in r.output
    ruta = leer(destino / "ruta.yaml")
    assert (ruta["ciclo"], ruta["marco"], ruta["escuela"]["cct"]) == ("2025-2026", "pmc-2024", "11DJN0041M")
    resultado = validar(destino, datetime.date(2025, 10, 1), True)
    assert [p for p in resultado.problemas if p.severidad == "error"] == []


def _escuelas(tmp_path: Path, *partes) -> str:
    """Cómo nombra el mensaje la carpeta de las escuelas: relativa a donde se corre."""
    return os.path.relpath(tmp_path / "escuelas" / Path(*partes))


@pytest.mark.parametrize("args,mensaje", [
    (["--cct", "15EJN0520Q"],
     "ruta: --cct 15EJN0520Q contradice la carpeta 21DPR0123T/2026-2027, que es de la CCT 21DPR0123T: quita "
     "--cct o crea la Ruta en {15EJN0520Q/2026-2027}.\n"),
    (["--cct", "21dpr0123t", "--ciclo", "2025-2026"],
     "ruta: --ciclo 2025-2026 contradice la carpeta 21DPR0123T/2026-2027, que es del ciclo 2026-2027: quita "
     "--ciclo o crea la Ruta en {21DPR0123T/2025-2026}.\n"),
])
def test_una_opcion_que_contradice_la_carpeta_es_error_de_uso(tmp_path, args, mensaje):
    destino = tmp_path / "escuelas" / "21DPR0123T" / "2026-2027"
    r = correr("nueva", destino, "--nombre", "E", "--marco", "pmc-2024", *args, "--sin-preguntas")
    esperado = mensaje.replace("{15EJN0520Q/2026-2027}", _escuelas(tmp_path, "15EJN0520Q", "2026-2027")).replace(
        "{21DPR0123T/2025-2026}", _escuelas(tmp_path, "21DPR0123T", "2025-2026"))
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", esperado)
    assert list(tmp_path.iterdir()) == []


def test_la_ruta_anterior_de_otra_escuela_contradice_la_carpeta(tmp_path):
    destino = tmp_path / "escuelas" / "15EJN0520Q" / "2026-2027"
    r = correr("nueva", destino, "--desde", RAIZ / "ejemplos" / "primaria-2025-2026", "--sin-preguntas")
    assert (r.exit_code, r.stderr) == (2, "ruta: la Ruta anterior (--desde) es de la CCT 21DPR0487A y la carpeta "
                                          "15EJN0520Q/2026-2027, de la CCT 15EJN0520Q: elige la carpeta de esa "
                                          "escuela o da --cct 15EJN0520Q.\n")


def test_una_carpeta_con_una_cct_que_no_existe(tmp_path):
    r = correr("nueva", tmp_path / "escuelas" / "21DPR0123A" / "2025-2026", "--nombre", "E", "--sin-preguntas")
    assert (r.exit_code, r.stderr) == (
        2, "ruta: la carpeta 21DPR0123A/2025-2026 nombra una CCT que no existe. La CCT «21DPR0123A» no es "
           "válida: su carácter verificador no corresponde. ¿Quisiste decir 21DPR0123T? Cambia el nombre de "
           "la carpeta.\n")


def test_la_carpeta_de_un_tramo_es_de_un_pemc(tmp_path):
    destino = tmp_path / "escuelas" / "21DPR0123T" / "2024-2026"
    r = correr("nueva", destino, "--nombre", "E", "--marco", "pmc-2024", "--sin-preguntas")
    assert (r.exit_code, r.stderr) == (
        2, "ruta: la carpeta 21DPR0123T/2024-2026 abarca 2 ciclos y el marco pmc-2024, 1 ciclo: elige otro "
           "marco o la carpeta de un ciclo (21DPR0123T/2024-2025).\n")
    r = correr("nueva", destino, "--nombre", "E", "--ciclos", "3", "--sin-preguntas")
    assert (r.exit_code, r.stderr) == (
        2, "ruta: --ciclos 3 contradice la carpeta 21DPR0123T/2024-2026, que abarca 2 ciclos: quita --ciclos o "
           "cambia el nombre de la carpeta.\n")
    # Sin --marco: en 2024-2025 valen dos, pero solo el PEMC abarca dos ciclos.
    r = correr("nueva", destino, "--nombre", "E", "--sin-preguntas")
    assert r.exit_code == 0, r.output
    ruta = leer(destino / "ruta.yaml")
    assert (ruta["marco"], ruta["ciclo"], ruta["ciclos"]) == ("pemc-2019", "2024-2025", ["2024-2025", "2025-2026"])
    resultado = validar(destino, datetime.date(2024, 10, 1), True)
    assert [p for p in resultado.problemas if p.severidad == "error"] == []


# --- Sin terminal -----------------------------------------------------------------------------------


def test_sin_terminal_lo_que_falta_es_error_de_uso(tmp_path):
    """Con la entrada de un archivo (o /dev/null) no hay a quién preguntar: salida 2, no «Cancelado»."""
    r = correr("nueva", tmp_path / "x", input="Escuela\n21DPR0123T\n")
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == ("ruta: no hay una terminal para preguntar lo que falta: da --nombre, --cct, --nivel, "
                        "--ciclo (o corre `ruta nueva` en una terminal).\n")
    r = correr("nueva", tmp_path / "escuelas" / "21DPR0123T" / "2024-2025", "--nombre", "E")
    assert r.stderr == ("ruta: no hay una terminal para preguntar lo que falta: da --marco (en 2024-2025 valen "
                        "pemc-2019 y pmc-2024) (o corre `ruta nueva` en una terminal).\n")
    assert list(tmp_path.iterdir()) == []


def test_sin_terminal_con_todo_dado_no_pregunta_nada(tmp_path):
    destino = tmp_path / "escuelas" / "21DPR0123T" / "2025-2026"
    r = correr("nueva", destino, "--nombre", "E")
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"Ruta nueva en {destino}: E (21DPR0123T), primaria, ciclo 2025-2026, "
                               "marco pmc-2024.\n")
    assert "turno" not in leer(destino / "ruta.yaml")["escuela"]


def test_sin_terminal_de_verdad_dev_null(tmp_path):
    """El caso del issue, en un proceso: `ruta nueva x < /dev/null` salía 130 «Cancelado»."""
    r = subprocess.run([sys.executable, "-m", "rutamejora", "nueva", "x"], cwd=tmp_path, stdin=subprocess.DEVNULL,
                       capture_output=True, text=True, encoding="utf-8", timeout=60,
                       env={**os.environ, "PYTHONPATH": str(RAIZ)})
    assert (r.returncode, r.stdout) == (2, "")
    assert r.stderr == ("ruta: no hay una terminal para preguntar lo que falta: da --nombre, --cct, --nivel, "
                        "--ciclo (o corre `ruta nueva` en una terminal).\n")
    assert list(tmp_path.iterdir()) == []


# --- Cada nivel y cada marco ------------------------------------------------------------------------

# Una CCT válida de cada nivel, de entidades distintas: Guanajuato, Puebla y la Ciudad de México.
NIVELES = {"preescolar": "11DJN0041M", "primaria": "21DPR0123T", "secundaria": "09DES0236U"}
CICLO_DE = {"rme-2014": "2017-2018", "pemc-2019": "2022-2023", "pmc-2024": "2025-2026"}


@pytest.mark.parametrize("marco", MARCOS)
@pytest.mark.parametrize("nivel", sorted(NIVELES))
def test_la_ruta_recien_hecha_de_cada_nivel_y_marco_valida_sin_errores(tmp_path, nivel, marco):
    cct = NIVELES[nivel]
    destino = tmp_path / "escuelas" / cct / CICLO_DE[marco]
    r = correr("nueva", destino, "--nombre", f"Escuela de {nivel}")
    assert r.exit_code == 0, r.output
    assert f", {nivel}, " in r.output and f", marco {marco}.\n" in r.output
    inicio = int(CICLO_DE[marco][:4])
    for dia in (datetime.date(inicio, 8, 25), datetime.date(inicio, 10, 1), datetime.date(inicio + 1, 7, 10)):
        resultado = validar(destino, dia, True)
        assert [p for p in resultado.problemas if p.severidad == "error"] == [], dia
        assert {p.codigo for p in resultado.problemas} <= AVISOS_DE_RUTA_NUEVA
    assert correr("validar", destino, "--fecha", f"{inicio}-10-01").exit_code == 0


def _todo(destino: Path) -> str:
    return "".join((destino / a).read_text(encoding="utf-8") for a in sorted(os.listdir(destino)) if a.endswith(".yaml"))


@pytest.mark.parametrize("marco", MARCOS)
def test_preescolar_habla_de_observacion_no_de_calificaciones(tmp_path, marco):
    destino = tmp_path / "r"
    assert correr("nueva", destino, "--nombre", "Jardín", "--cct", NIVELES["preescolar"], "--ciclo",
                  CICLO_DE[marco], "--marco", marco).exit_code == 0
    texto = _todo(destino)
    for palabra in ("calificaci", "SisAT", "3° a 6°", "Boletas", "reprobación"):
        assert palabra not in texto, palabra
    assert "registros de observación" in texto and "las niñas y los niños" in texto
    diagnostico = (destino / "diagnostico.yaml").read_text(encoding="utf-8")
    assert "# Resultados por campo formativo del plan" in diagnostico
    assert "# En preescolar se evalúa observando: lo que las niñas y los niños logran en cada campo\n" in diagnostico


def test_secundaria_no_habla_de_3_a_6(tmp_path):
    destino = tmp_path / "r"
    assert correr("nueva", destino, "--nombre", "Secundaria", "--cct", NIVELES["secundaria"], "--ciclo",
                  "2025-2026").exit_code == 0
    texto = _todo(destino)
    assert "3° a 6°" not in texto and "alumnos de 1° a 3°" in texto


@pytest.mark.parametrize("nivel,municipio,localidad", [("preescolar", "Yuriria", "Yuriria"),
                                                       ("primaria", "Atlixco", "San Jerónimo Coyula"),
                                                       ("secundaria", "Milpa Alta", "Villa Milpa Alta")])
def test_los_lugares_de_ejemplo_son_de_la_entidad_de_la_escuela(tmp_path, nivel, municipio, localidad):
    destino = tmp_path / "r"
    assert correr("nueva", destino, "--nombre", "E", "--cct", NIVELES[nivel], "--ciclo", "2025-2026").exit_code == 0
    texto = (destino / "ruta.yaml").read_text(encoding="utf-8")
    assert f"\n  # municipio: {municipio}\n  # localidad: {localidad}\n" in texto
    assert leer(destino / "ruta.yaml")["escuela"]["entidad"] == N.entidad_de_cct(NIVELES[nivel])


def test_cada_entidad_tiene_su_lugar_y_cada_nivel_sus_ejemplos():
    datos = YAML(typ="safe").load((carpeta_plantillas() / "nueva" / "ejemplos.yaml").read_text(encoding="utf-8"))
    assert sorted(datos["lugares"]) == sorted(catalogo_cct()["entidades"])
    assert sorted(datos["niveles"]) == sorted(NIVELES)
    claves = set(datos["niveles"]["primaria"])
    assert all(set(v) == claves for v in datos["niveles"].values())


def test_el_marco_propio_vigente_tambien_se_ofrece(tmp_path):
    """Un marco propio (junto a las Rutas) vigente en el ciclo se traslapa con el oficial: se pregunta."""
    import shutil

    carpeta = tmp_path / "zona"
    shutil.copytree(RAIZ / "tests" / "datos" / "marco-propio", carpeta)
    assert cargar_marco("zona-045", carpeta) is not None
    # Primero los propios, como los busca el catálogo.
    assert N.marcos_vigentes("2025-2026", carpeta) == ["zona-045", "pmc-2024"]
    r = correr("nueva", carpeta / "escuelas" / "21DPR0123T" / "2025-2026", "--nombre", "E", "--sin-preguntas")
    assert r.stderr == ("ruta: con --sin-preguntas hay que dar --marco (en 2025-2026 valen zona-045 y pmc-2024) "
                        "(o quita --sin-preguntas para que ruta los pregunte).\n")


@pytest.mark.parametrize("entidad", sorted(catalogo_cct()["entidades"]))
def test_la_ruta_de_cada_entidad_valida_sin_errores(tmp_path, entidad):
    """El nombre oficial de la entidad (`Veracruz de Ignacio de la Llave`) y los lugares de
    ejemplo no se toman por nombres de alumnos."""
    revision = N.revisar_cct(f"{entidad}DJN0001A")
    cct = revision.valor or revision.sugerencia
    destino = tmp_path / "escuelas" / cct / "2025-2026"
    r = correr("nueva", destino, "--nombre", "Jardín de Niños")
    assert r.exit_code == 0, r.output
    assert leer(destino / "ruta.yaml")["escuela"]["entidad"] == catalogo_cct()["entidades"][entidad]
    resultado = validar(destino, datetime.date(2025, 10, 1), True)
    assert {p.codigo for p in resultado.problemas} <= AVISOS_DE_RUTA_NUEVA, [p.mensaje for p in resultado.problemas]
