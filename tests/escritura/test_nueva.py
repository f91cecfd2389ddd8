"""``ruta nueva``: una Ruta nueva valida sin errores, pregunta en español, no pisa nada, no deja
nada a medias, y la del ciclo siguiente hereda lo que debe sin tocar la anterior."""

from __future__ import annotations

import datetime
import hashlib
import io
import shutil
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from rutamejora.formato import esquema as E
from rutamejora import escritura as N
from rutamejora.escritura import nueva as escribir_nueva
from rutamejora.escritura.calendario_nuevo import sesiones_estimadas
from rutamejora.escritura.plantillas_nueva import carpeta_plantillas, escalar
from rutamejora.catalogos import AQUI as CATALOGOS, cargar_marco
from rutamejora.commands import app
from rutamejora.reglas.validacion import validar

RAIZ = Path(__file__).resolve().parents[2]
DATOS = Path(__file__).resolve().parents[1] / "datos"
PRIMARIA = RAIZ / "ejemplos" / "primaria-2025-2026"
runner = CliRunner()

BASICO = ["--nombre", "Escuela Primaria \"Carmen Serdán\"", "--cct", "21DPR0123T", "--nivel", "primaria",
          "--ciclo", "2025-2026"]
# Lo que una Ruta recién creada puede decir: que está por llenar, nunca un error.
AVISOS_DE_RUTA_NUEVA = {"RM120", "RM331", "RM332", "RM333", "RM334", "RM406"}


def correr(*args, **kw):
    return runner.invoke(app, [str(a) for a in args], **kw)


def leer(archivo: Path):
    return YAML(typ="safe").load(archivo.read_text(encoding="utf-8"))


def huellas(carpeta: Path) -> dict:
    return {str(p.relative_to(carpeta)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(carpeta.rglob("*")) if p.is_file()}


@pytest.fixture
def terminal(monkeypatch):
    """Una terminal para preguntar: CliRunner da la entrada, pero su stdin no es una terminal
    (sin terminal, `ruta nueva` no pregunta: lo prueba test_sin_terminal_lo_que_falta_es_error)."""
    monkeypatch.setattr("rutamejora.commands.nueva._hay_terminal", lambda: True)


def nueva(destino: Path, *extra) -> Path:
    """Una Ruta de la RME (el marco de los ejemplos del proyecto), sin preguntas."""
    r = correr("nueva", destino, *BASICO, "--marco", "rme-2014", "--sin-preguntas", *extra)
    assert r.exit_code == 0, r.output
    return destino


# --- Una Ruta nueva ------------------------------------------------------------------------------


def test_crea_los_siete_archivos_y_sus_esquemas(tmp_path):
    destino = tmp_path / "escuelas" / "21DPR0123T" / "2025-2026"
    r = correr("nueva", destino, *BASICO, "--sin-preguntas")
    assert r.exit_code == 0
    assert r.output == (
        f"Ruta nueva en {destino}: Escuela Primaria \"Carmen Serdán\" (21DPR0123T), primaria, ciclo 2025-2026, "
        "marco pmc-2024.\n"
        f"  7 archivos (ruta.yaml, diagnostico.yaml, …, bitacora.yaml) y sus esquemas para el editor en "
        f"{destino / '.esquemas'}.\n"
        f"Siguiente paso: el diagnóstico (¿Dónde estamos?). Revisa con `ruta validar {destino}`.\n")
    assert sorted(p.name for p in destino.iterdir()) == sorted([*E.ARCHIVOS, ".esquemas"])
    assert sorted(p.name for p in (destino / ".esquemas").iterdir()) == sorted(
        a.replace(".yaml", ".schema.json") for a in E.ARCHIVOS)
    # Nada sobra junto a la Ruta (la carpeta temporal ya no está).
    assert [p.name for p in destino.parent.iterdir()] == ["2025-2026"]


@pytest.mark.parametrize("nivel,cct", [("preescolar", "11DJN0041M"), ("primaria", "21DPR0123T"),
                                       ("secundaria", "09DES0236U")])
@pytest.mark.parametrize("fecha", ["2025-08-20", "2025-10-01", "2026-07-15"])
def test_valida_sin_ningun_error(tmp_path, nivel, cct, fecha):
    destino = tmp_path / nivel
    r = correr("nueva", destino, "--nombre", f"Escuela de {nivel}", "--cct", cct, "--nivel", nivel,
               "--ciclo", "2025-2026", "--sin-preguntas")
    assert r.exit_code == 0, r.output
    resultado = validar(destino, datetime.date.fromisoformat(fecha), True)
    assert [p for p in resultado.problemas if p.severidad == "error"] == []
    assert {p.codigo for p in resultado.problemas} <= AVISOS_DE_RUTA_NUEVA
    assert resultado.codigo_de_salida() == 0
    r = correr("validar", destino, "--fecha", fecha)
    assert r.exit_code == 0 and "0 errores" in r.output


def test_las_secciones_vacias_dicen_por_llenar(tmp_path):
    destino = nueva(tmp_path / "r")
    por_llenar = {(p.archivo, p.ruta_yaml) for p in validar(destino, datetime.date(2025, 10, 1), True).problemas
                  if p.codigo == "RM120"}
    assert por_llenar == {
        ("ruta.yaml", "colectivo"), ("diagnostico.yaml", "fecha"), ("diagnostico.yaml", "necesidades"),
        ("prioridades.yaml", "prioridades"), ("objetivos.yaml", "objetivos"), ("metas.yaml", "metas"),
        ("acciones.yaml", "acciones"),
        *{("diagnostico.yaml", f"aprendizajes[{i}].resultados") for i in range(4)}}


def test_cada_archivo_empieza_con_su_esquema_y_lo_cumple(tmp_path):
    destino = nueva(tmp_path / "con espacios y acentos ñ" / "2025-2026")
    for archivo in E.ARCHIVOS:
        primera = (destino / archivo).read_text(encoding="utf-8").splitlines()[0]
        assert primera == f"# yaml-language-server: $schema=./.esquemas/{archivo[:-5]}.schema.json"
        esquema_archivo = (destino / archivo).parent / primera.split("$schema=", 1)[1]
        assert esquema_archivo.is_file()
        esquema = YAML(typ="safe").load(esquema_archivo.read_text(encoding="utf-8"))
        jsonschema.Draft7Validator.check_schema(esquema)
        datos = _como_json(leer(destino / archivo))
        errores = list(jsonschema.Draft7Validator(
            esquema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).iter_errors(datos))
        assert errores == [], archivo


def _como_json(valor):
    if isinstance(valor, dict):
        return {str(k): _como_json(v) for k, v in valor.items()}
    if isinstance(valor, list):
        return [_como_json(v) for v in valor]
    if isinstance(valor, datetime.date):
        return valor.isoformat()
    return valor


def test_cada_archivo_trae_su_pregunta_y_un_ejemplo_comentado(tmp_path):
    destino = nueva(tmp_path / "r")
    for archivo in E.ARCHIVOS:
        texto = (destino / archivo).read_text(encoding="utf-8")
        assert f"# {E.PREGUNTAS[archivo]}" in texto or f": {E.PREGUNTAS[archivo]}" in texto, archivo
        assert "#   - " in texto or "#     " in texto, f"{archivo} sin ejemplo comentado"
    assert "¿Dónde estamos?" in (destino / "diagnostico.yaml").read_text(encoding="utf-8")
    assert "¿Cuánto? ¿De qué manera? ¿Cuándo?" in (destino / "metas.yaml").read_text(encoding="utf-8")


def test_un_ejemplo_comentado_descomentado_es_valido(tmp_path):
    """El ejemplo de metas.yaml, descomentado, es una meta bien escrita (no enseña errores)."""
    destino = nueva(tmp_path / "r")
    texto = (destino / "metas.yaml").read_text(encoding="utf-8")
    inicio = texto.index("#   - id: M1")
    bloque = [linea[1:] for linea in texto[inicio:].splitlines() if linea.startswith("#  ")]
    meta = YAML(typ="safe").load("\n".join(bloque))
    assert meta[0]["id"] == "M1" and meta[0]["linea_base"] == 46
    assert set(meta[0]) <= {c.nombre for c in E.META.campos}


@pytest.mark.parametrize("nivel,cct,rasgos", [("preescolar", "11DJN0041M", 31), ("primaria", "21DPR0123T", 23),
                                              ("secundaria", "09DES0236U", 23)])
def test_prellena_lo_que_no_decide_el_cte(tmp_path, nivel, cct, rasgos):
    destino = tmp_path / "r"
    assert correr("nueva", destino, "--nombre", "Escuela", "--cct", cct, "--nivel", nivel, "--ciclo",
                  "2025-2026", "--marco", "rme-2014", "--sin-preguntas").exit_code == 0
    diagnostico = leer(destino / "diagnostico.yaml")
    assert [a["campo"] for a in diagnostico["aprendizajes"]] == [
        "Lenguajes", "Saberes y pensamiento científico", "Ética, naturaleza y sociedades",
        "De lo humano y lo comunitario"]
    assert all(a["resultados"] == [] for a in diagnostico["aprendizajes"])
    assert len(diagnostico["rasgos"]) == rasgos
    assert all(r["valoracion"] is None for r in diagnostico["rasgos"])
    anexos = {r["anexo"] for r in diagnostico["rasgos"]}
    assert ("mejora-aprendizajes" in anexos) == (nivel == "preescolar")
    # Ni metas ni acciones escritas de antemano.
    for archivo, clave in (("prioridades.yaml", "prioridades"), ("objetivos.yaml", "objetivos"),
                           ("metas.yaml", "metas"), ("acciones.yaml", "acciones"),
                           ("bitacora.yaml", "entradas")):
        assert leer(destino / archivo)[clave] == []
    assert diagnostico["necesidades"] == [] and diagnostico["fecha"] is None
    ruta = leer(destino / "ruta.yaml")
    assert ruta["escuela"] == {"nombre": "Escuela", "cct": cct, "nivel": nivel,
                               "entidad": N.entidad_de_cct(cct)}
    assert ruta["colectivo"] == []


def test_el_nivel_sale_de_la_cct(tmp_path):
    r = correr("nueva", tmp_path / "r", "--nombre", "Telesecundaria", "--cct", "32ETV0087I", "--ciclo",
               "2025-2026", "--sin-preguntas")
    assert r.exit_code == 0, r.output
    assert leer(tmp_path / "r" / "ruta.yaml")["escuela"]["nivel"] == "secundaria"


def test_plan_2017_en_un_ciclo_anterior(tmp_path):
    destino = tmp_path / "r"
    assert correr("nueva", destino, "--nombre", "Escuela", "--cct", "21DPR0123T", "--nivel", "primaria",
                  "--ciclo", "2019-2020", "--sin-preguntas").exit_code == 0
    campos = [a["campo"] for a in leer(destino / "diagnostico.yaml")["aprendizajes"]]
    assert campos[:2] == ["Lengua materna. Español", "Matemáticas"] and len(campos) == 11
    assert "Resultados por asignatura del plan 2017" in (destino / "diagnostico.yaml").read_text(encoding="utf-8")


# --- Cada marco con sus palabras -------------------------------------------------------------------

# Los marcos incluidos en `ruta` (los de su catálogo).
MARCOS = sorted(p.stem for p in (CATALOGOS / "marcos").glob("*.yaml"))
# Cómo se escribe cada uno: la lista de prioridades.yaml y la clave con que un objetivo la cita.
CLAVES = {"rme-2014": ("prioridades", "prioridad"), "pemc-2019": ("ambitos", "ambito"),
          "pmc-2024": ("problematicas", "problematica")}


def nueva_con_marco(destino: Path, marco: str, *extra) -> Path:
    r = correr("nueva", destino, *BASICO, "--marco", marco, "--sin-preguntas", *extra)
    assert r.exit_code == 0, r.output
    return destino


def test_los_marcos_del_catalogo_son_los_que_se_prueban():
    assert MARCOS == sorted(CLAVES)


@pytest.mark.parametrize("marco", MARCOS)
@pytest.mark.parametrize("fecha", ["2025-08-20", "2025-10-01", "2026-07-15"])
def test_cada_marco_valida_sin_ningun_error(tmp_path, marco, fecha):
    destino = nueva_con_marco(tmp_path / marco, marco)
    resultado = validar(destino, datetime.date.fromisoformat(fecha), True)
    assert [p for p in resultado.problemas if p.severidad == "error"] == []
    assert {p.codigo for p in resultado.problemas} <= AVISOS_DE_RUTA_NUEVA
    assert resultado.ruta.marco.clave == marco
    r = correr("validar", destino, "--fecha", fecha)
    assert r.exit_code == 0 and "0 errores" in r.output, r.output


@pytest.mark.parametrize("marco", MARCOS)
def test_cada_marco_con_sus_claves(tmp_path, marco):
    destino = nueva_con_marco(tmp_path / "r", marco)
    lista, referencia = CLAVES[marco]
    prioridades = (destino / "prioridades.yaml").read_text(encoding="utf-8")
    assert f"\n{lista}: []\n" in prioridades
    assert list(leer(destino / "prioridades.yaml")) == [lista]
    objetivos = (destino / "objetivos.yaml").read_text(encoding="utf-8")
    assert f"\n#     {referencia}: P1\n" in objetivos
    assert f"(`{referencia}: P1`)" in objetivos
    assert f"\nmarco: {marco}\n" in (destino / "ruta.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize("marco", MARCOS)
def test_cada_marco_cumple_sus_esquemas(tmp_path, marco):
    destino = nueva_con_marco(tmp_path / "r", marco)
    for archivo in E.ARCHIVOS:
        primera = (destino / archivo).read_text(encoding="utf-8").splitlines()[0]
        assert primera == f"# yaml-language-server: $schema=./.esquemas/{archivo[:-5]}.schema.json"
        esquema = YAML(typ="safe").load((destino / primera.split("$schema=./", 1)[1]).read_text(encoding="utf-8"))
        assert esquema["description"].endswith(f"marco {marco}).")
        jsonschema.Draft7Validator.check_schema(esquema)
        errores = list(jsonschema.Draft7Validator(
            esquema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER).iter_errors(
                _como_json(leer(destino / archivo))))
        assert errores == [], (archivo, errores)
    esquema = YAML(typ="safe").load((destino / ".esquemas" / "prioridades.schema.json").read_text(encoding="utf-8"))
    assert CLAVES[marco][0] in esquema["properties"]


def _ejemplo(texto: str, clave: str) -> list:
    """El ejemplo comentado justo antes de ``clave: []``, descomentado."""
    renglones = texto[:texto.index(f"\n{clave}: []\n")].splitlines()
    inicio = max(i for i, r in enumerate(renglones) if r.startswith("#   - "))
    return YAML(typ="safe").load("\n".join(r[1:] for r in renglones[inicio:]))


@pytest.mark.parametrize("marco", MARCOS)
def test_los_ejemplos_comentados_cumplen_el_esquema_del_marco(tmp_path, marco):
    """Descomentados, los ejemplos usan las claves del marco y traen lo que el marco pide."""
    destino = nueva_con_marco(tmp_path / "r", marco)
    for archivo, clave in (("prioridades.yaml", CLAVES[marco][0]), ("objetivos.yaml", "objetivos"),
                           ("metas.yaml", "metas"), ("acciones.yaml", "acciones")):
        datos = {clave: _ejemplo((destino / archivo).read_text(encoding="utf-8"), clave)}
        esquema = YAML(typ="safe").load(
            (destino / ".esquemas" / archivo.replace(".yaml", ".schema.json")).read_text(encoding="utf-8"))
        errores = list(jsonschema.Draft7Validator(esquema).iter_errors(_como_json(datos)))
        assert errores == [], (archivo, [e.message for e in errores])


def test_pemc_de_varios_ciclos(tmp_path):
    destino = nueva_con_marco(tmp_path / "r", "pemc-2019")
    texto = (destino / "ruta.yaml").read_text(encoding="utf-8")
    assert "\nciclo: 2025-2026\n" in texto
    assert "\nciclos: [2025-2026, 2026-2027]\n" in texto  # el mínimo del horizonte: dos
    assert texto.startswith("# yaml-language-server: $schema=./.esquemas/ruta.schema.json\n"
                            "# Programa Escolar de Mejora Continua, ciclos 2025-2026 a 2026-2027: ")
    assert "# Fases (pemc-2019): Diagnóstico → Planeación → Seguimiento → Evaluación.\n" in texto
    metas = (destino / "metas.yaml").read_text(encoding="utf-8")
    assert metas.splitlines()[1] == "# Metas por ciclo."
    assert "\n#     fecha_limite: 2026-06-26\n#     ciclo: 2025-2026\n" in metas
    acciones = (destino / "acciones.yaml").read_text(encoding="utf-8")
    assert "\n#     responsable_seguimiento: DIR\n" in acciones
    assert "\n#     ambito: aprovechamiento-asistencia\n" in acciones
    prioridades = (destino / "prioridades.yaml").read_text(encoding="utf-8")
    assert "\n#     orden: 1\n#     ambito: aprovechamiento-asistencia\n" in prioridades
    assert "\n#   - {ambito: carga-administrativa, motivo: " in prioridades
    # Las orientaciones de la RME (sus `citas`) no se citan en otro marco.
    citas = cargar_marco("rme-2014").datos["citas"]
    for archivo in E.ARCHIVOS:
        texto = (destino / archivo).read_text(encoding="utf-8")
        assert "de las orientaciones:" not in texto, archivo
        for cita in citas.values():
            assert next(r for r in cita.splitlines() if "«" in r) not in texto, (archivo, cita)
    rme = nueva(tmp_path / "rme")
    for nombre, cita in citas.items():
        archivo = {"colectivo": "ruta.yaml", "presupuesto": "ruta.yaml"}.get(nombre, f"{nombre}.yaml")
        texto = (rme / archivo).read_text(encoding="utf-8")
        assert all(f"{r}\n" in texto for r in cita.splitlines()), nombre
    r = correr("nueva", tmp_path / "tres", *BASICO, "--marco", "pemc-2019", "--ciclos", "3", "--sin-preguntas")
    assert r.exit_code == 0, r.output
    assert r.output.startswith(f"Ruta nueva en {tmp_path / 'tres'}: Escuela Primaria \"Carmen Serdán\" "
                               "(21DPR0123T), primaria, ciclos 2025-2026 a 2027-2028, marco pemc-2019.\n")
    assert leer(tmp_path / "tres" / "ruta.yaml")["ciclos"] == ["2025-2026", "2026-2027", "2027-2028"]
    assert "RM121" not in {p.codigo for p in validar(tmp_path / "tres", datetime.date(2025, 10, 1), True).problemas}


@pytest.mark.parametrize("marco,ciclos,mensaje", [
    ("pemc-2019", "5", "ruta: el marco pemc-2019 abarca de 2 a 4 ciclos: --ciclos 5 no cabe.\n"),
    ("pemc-2019", "1", "ruta: el marco pemc-2019 abarca de 2 a 4 ciclos: --ciclos 1 no cabe.\n"),
    ("rme-2014", "2", "ruta: el marco rme-2014 abarca 1 ciclo: --ciclos 2 no cabe.\n"),
])
def test_ciclos_fuera_del_horizonte(tmp_path, marco, ciclos, mensaje):
    r = correr("nueva", tmp_path / "r", *BASICO, "--marco", marco, "--ciclos", ciclos, "--sin-preguntas")
    assert (r.exit_code, r.output) == (2, mensaje)
    assert list(tmp_path.iterdir()) == []


def test_un_solo_ciclo_no_escribe_ciclos(tmp_path):
    for marco in ("rme-2014", "pmc-2024"):
        destino = nueva_con_marco(tmp_path / marco, marco)
        assert "ciclos" not in leer(destino / "ruta.yaml")
        assert "\n#     ciclo: " not in (destino / "metas.yaml").read_text(encoding="utf-8")


def test_pemc_diagnostico_por_ambito_por_llenar(tmp_path):
    destino = nueva_con_marco(tmp_path / "r", "pemc-2019")
    ambitos = leer(destino / "diagnostico.yaml")["ambitos"]
    assert ambitos == [{"ambito": a["clave"], "situacion": None}
                       for a in cargar_marco("pemc-2019").valores("ambitos")]
    texto = (destino / "diagnostico.yaml").read_text(encoding="utf-8")
    assert ("\nambitos:\n  - ambito: aprovechamiento-asistencia  # Aprovechamiento académico y asistencia "
            "de los alumnos\n    situacion:\n") in texto
    assert texto.splitlines()[1:3] == ["# Diagnóstico.", "# Pregunta: ¿Dónde estamos?"]
    por_llenar = {p.ruta_yaml for p in validar(destino, datetime.date(2025, 10, 1), True).problemas
                  if p.codigo == "RM120" and p.archivo == "diagnostico.yaml"}
    assert {f"ambitos[{i}].situacion" for i in range(8)} <= por_llenar


def test_pmc_contexto_y_comite_por_llenar(tmp_path):
    destino = nueva_con_marco(tmp_path / "r", "pmc-2024")
    ruta = leer(destino / "ruta.yaml")
    assert ruta["comunidad"] == [{"id": "CPE", "nombre": "Comité de Planeación y Evaluación",
                                  "tipo": "comite_planeacion_evaluacion"}]
    texto = (destino / "ruta.yaml").read_text(encoding="utf-8")
    assert ("\ncomunidad:\n  - {id: CPE, nombre: Comité de Planeación y Evaluación, "
            "tipo: comite_planeacion_evaluacion}\n") in texto
    diagnostico = (destino / "diagnostico.yaml").read_text(encoding="utf-8")
    assert "\ncontexto:\n" in diagnostico and leer(destino / "diagnostico.yaml")["contexto"] is None
    assert diagnostico.splitlines()[1] == "# Diagnóstico socioeducativo."
    assert "\n#     evidencia_esperada: " in (destino / "acciones.yaml").read_text(encoding="utf-8")
    assert "«Fortalecer…»" in (destino / "objetivos.yaml").read_text(encoding="utf-8")
    problemas = validar(destino, datetime.date(2025, 10, 1), True).problemas
    assert "RM343" not in {p.codigo for p in problemas}
    assert ("diagnostico.yaml", "contexto") in {(p.archivo, p.ruta_yaml) for p in problemas if p.codigo == "RM120"}


@pytest.mark.parametrize("marco,archivo,viejo,nuevo,mensaje", [
    ("pmc-2024", "diagnostico.yaml", "\ncontexto:\n", "\n", "Falta la clave `contexto` en diagnostico.yaml."),
    ("pemc-2019", "diagnostico.yaml", "\nambitos:\n", "\nambitos_:\n", "Falta la clave `ambitos` en diagnostico.yaml."),
])
def test_lo_que_el_marco_pide_vacio_avisa_y_sin_clave_es_error(tmp_path, marco, archivo, viejo, nuevo, mensaje):
    destino = nueva_con_marco(tmp_path / "r", marco)
    ruta = destino / archivo
    texto = ruta.read_text(encoding="utf-8")
    if marco == "pemc-2019":  # sin la lista entera
        inicio = texto.index("\nambitos:\n")
        texto = texto[:inicio] + "\n" + texto[texto.index("\n\n", inicio + 1):]
    else:
        texto = texto.replace(viejo, nuevo)
    ruta.write_text(texto, encoding="utf-8")
    errores = [(p.codigo, p.mensaje) for p in validar(destino, datetime.date(2025, 10, 1), True).problemas
               if p.severidad == "error"]
    assert errores == [("RM105", mensaje)]


def test_vacio_en_un_campo_opcional_no_esta_por_llenar(tmp_path):
    """En la RME `contexto` es opcional: vacío no avisa (en el PMC, que lo pide, sí)."""
    destino = nueva(tmp_path / "r")
    with (destino / "diagnostico.yaml").open("a", encoding="utf-8") as f:
        f.write("contexto:\nambitos: []\n")
    problemas = validar(destino, datetime.date(2025, 10, 1), True).problemas
    assert not {p.ruta_yaml for p in problemas} & {"contexto", "ambitos"}


def test_desde_un_pemc(tmp_path):
    origen = RAIZ / "ejemplos" / "pemc-secundaria-2024-2026"
    antes = huellas(origen)
    destino = tmp_path / "2026-2028"
    r = correr("nueva", destino, "--desde", origen, "--ciclo", "2026-2027", "--sin-preguntas")
    assert r.exit_code == 0, r.output
    assert huellas(origen) == antes
    assert ", ciclos 2026-2027 a 2027-2028, marco pemc-2019.\n" in r.output
    ruta = leer(destino / "ruta.yaml")
    assert (ruta["marco"], ruta["ciclos"]) == ("pemc-2019", ["2026-2027", "2027-2028"])
    assert list(leer(destino / "prioridades.yaml")) == ["ambitos"]
    resultado = validar(destino, datetime.date(2026, 10, 1), True)
    assert [p for p in resultado.problemas if p.severidad == "error"] == []


def test_desde_un_pemc_en_su_primer_ciclo(tmp_path, terminal):
    """El PEMC siguiente empieza después del último de sus `ciclos`, no del que estaba en curso."""
    origen = tmp_path / "pemc"
    shutil.copytree(RAIZ / "ejemplos" / "pemc-secundaria-2024-2026", origen)
    ruta = origen / "ruta.yaml"
    ruta.write_text(ruta.read_text(encoding="utf-8").replace("\nciclo: 2025-2026\n", "\nciclo: 2024-2025\n"),
                    encoding="utf-8")
    r = correr("nueva", tmp_path / "nueva", "--desde", origen, "--ciclo", "2025-2026", "--sin-preguntas")
    assert (r.exit_code, r.output) == (2, "ruta: el ciclo 2025-2026 no es posterior al de la Ruta anterior "
                                          "(2024-2025 a 2025-2026); ¿quisiste decir 2026-2027?\n")
    r = correr("nueva", tmp_path / "nueva", "--desde", origen, input="\n\n\n")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Ciclo escolar (AAAA-AAAA) [2026-2027]: \n" + MARCOS_PARA_ELEGIR
                               + "Marco de planeación [pemc-2019]: \n")


def test_desde_un_pmc_no_repite_el_comite(tmp_path):
    destino = tmp_path / "2026-2027"
    r = correr("nueva", destino, "--desde", RAIZ / "ejemplos" / "pmc-primaria-2025-2026", "--ciclo", "2026-2027",
               "--sin-preguntas")
    assert r.exit_code == 0, r.output
    comunidad = leer(destino / "ruta.yaml")["comunidad"]
    assert [p["id"] for p in comunidad if p["tipo"] == "comite_planeacion_evaluacion"] == ["CPE"]
    assert list(leer(destino / "prioridades.yaml")) == ["problematicas"]
    resultado = validar(destino, datetime.date(2026, 10, 1), True)
    assert [p for p in resultado.problemas if p.severidad == "error"] == []


def test_de_una_rme_a_un_pmc_agrega_el_comite(tmp_path):
    destino = tmp_path / "2026-2027"
    r = correr("nueva", destino, "--desde", PRIMARIA, "--ciclo", "2026-2027", "--marco", "pmc-2024",
               "--sin-preguntas")
    assert r.exit_code == 0, r.output
    comunidad = leer(destino / "ruta.yaml")["comunidad"]
    assert comunidad[-1] == {"id": "CPE", "nombre": "Comité de Planeación y Evaluación",
                             "tipo": "comite_planeacion_evaluacion"}
    assert len(comunidad) == len(leer(PRIMARIA / "ruta.yaml")["comunidad"]) + 1
    resultado = validar(destino, datetime.date(2026, 10, 1), True)
    assert [p for p in resultado.problemas if p.severidad == "error"] == []
    assert "RM343" not in {p.codigo for p in resultado.problemas}


def test_un_marco_propio_tambien(tmp_path):
    """Un marco que solo existe junto a las Rutas: sus palabras salen de su archivo."""
    carpeta = tmp_path / "marco-propio"
    shutil.copytree(DATOS / "marco-propio", carpeta)
    destino = carpeta / "nueva"
    r = correr("nueva", destino, *BASICO, "--marco", "zona-045", "--sin-preguntas")
    assert r.exit_code == 0, r.output
    prioridades = (destino / "prioridades.yaml").read_text(encoding="utf-8")
    assert "\nprioridades: []\n" in prioridades
    assert "#   lectura-comunitaria: Lectura comunitaria\n" in prioridades
    assert "\n#     prioridad: lectura-comunitaria\n" in prioridades
    assert "# Fases (zona-045): Planeación.\n" in (destino / "ruta.yaml").read_text(encoding="utf-8")
    resultado = validar(destino, datetime.date(2025, 10, 1), True)
    assert [p for p in resultado.problemas if p.severidad == "error"] == []
    assert {p.codigo for p in resultado.problemas} <= AVISOS_DE_RUTA_NUEVA


# --- El calendario --------------------------------------------------------------------------------


def test_ciclo_del_catalogo_usa_su_calendario(tmp_path):
    destino = nueva(tmp_path / "r")
    ruta = leer(destino / "ruta.yaml")
    assert "calendario" not in ruta  # el catálogo ya lo tiene: no se copia
    texto = (destino / "ruta.yaml").read_text(encoding="utf-8")
    assert ("#   sesiones ordinarias del CTE: 1) 2025-09-26 2) 2025-10-31 3) 2025-11-28 4) 2026-01-30 "
            "5) 2026-02-27 6) 2026-03-27 7) 2026-05-29 8) 2026-06-26\n") in texto
    assert "estimado" not in texto


def test_ciclo_sin_calendario_propone_sesiones_estimadas(tmp_path):
    destino = tmp_path / "r"
    r = correr("nueva", destino, *BASICO[:-1], "2031-2032", "--sin-preguntas")
    assert r.exit_code == 0
    assert "  Calendario 2031-2032 estimado: confírmalo con el calendario oficial (ruta.yaml).\n" in r.output
    calendario = leer(destino / "ruta.yaml")["calendario"]
    # El último viernes de cada mes, salvo diciembre, abril y julio.
    assert calendario["sesiones"] == [datetime.date(*f) for f in (
        (2031, 9, 26), (2031, 10, 31), (2031, 11, 28), (2032, 1, 30), (2032, 2, 27), (2032, 3, 26),
        (2032, 5, 28), (2032, 6, 25))]
    assert all(d.weekday() == 4 for d in calendario["sesiones"])
    assert calendario["estimado"] is True
    assert "Son estimadas: confírmalas con el calendario oficial" in (destino / "ruta.yaml").read_text(encoding="utf-8")
    resultado = validar(destino, datetime.date(2031, 10, 1), True)
    assert {p.codigo for p in resultado.problemas} <= AVISOS_DE_RUTA_NUEVA  # sin RM119: hay calendario
    assert resultado.ruta.calendario.sesiones == calendario["sesiones"]


def test_la_regla_reproduce_los_calendarios_conocidos():
    from rutamejora.catalogos import calendario_oficial

    for ciclo in ("2024-2025", "2025-2026"):
        assert sesiones_estimadas(ciclo) == calendario_oficial(ciclo)["sesiones"]


# --- Preguntas ------------------------------------------------------------------------------------


MARCOS_PARA_ELEGIR = (
    "Marcos de planeación:\n"
    "  pemc-2019  Programa Escolar de Mejora Continua (ciclos 2019-2020 a 2024-2025)\n"
    "  pmc-2024   Proceso de Mejora Continua (desde el ciclo 2024-2025)\n"
    "  rme-2014   Ruta de mejora escolar (ciclos 2014-2015 a 2018-2019)\n")


def test_pregunta_en_espanol_y_ofrece_la_correccion(tmp_path, terminal):
    destino = tmp_path / "r"
    respuestas = "\n".join(["Jardín de Niños \"Gabriela Mistral\"", "11djn0041a", "", "", "2025-25", "", "",
                            "matutno", "", "045", ""]) + "\n"
    r = correr("nueva", destino, "--fecha", "2026-03-02", input=respuestas, env={"LANG": "C"})
    assert r.exit_code == 0, r.output
    turnos = ", ".join(N.TURNOS)
    assert r.output.startswith(
        "Nombre oficial de la escuela: Jardín de Niños \"Gabriela Mistral\"\n"
        "CCT (clave de centro de trabajo, 10 caracteres): 11djn0041a\n"
        "La CCT «11djn0041a» no es válida: su carácter verificador no corresponde.\n"
        "¿Quisiste decir 11DJN0041M? Pulsa Enter para aceptarlo o escribe otro valor.\n"
        "CCT (clave de centro de trabajo, 10 caracteres) [11DJN0041M]: \n"
        "Nivel (preescolar, primaria o secundaria) [preescolar]: \n"
        "Ciclo escolar (AAAA-AAAA) [2025-2026]: 2025-25\n")
    assert "CCT (clave de centro de trabajo, 10 caracteres) [11DJN0041M]: \n" in r.output
    assert "Nivel (preescolar, primaria o secundaria) [preescolar]: \n" in r.output
    assert ("«2025-25» no es un ciclo escolar AAAA-AAAA.\n"
            "¿Quisiste decir 2025-2026? Pulsa Enter para aceptarlo o escribe otro valor.\n"
            "Ciclo escolar (AAAA-AAAA) [2025-2026]: \n" + MARCOS_PARA_ELEGIR
            + "Marco de planeación [pmc-2024]: \n") in r.output
    assert (f"«matutno» no es un turno: {turnos}.\n"
            "¿Quisiste decir matutino? Pulsa Enter para aceptarlo o escribe otro valor.\n") in r.output
    assert "Zona escolar (Enter si no aplica): 045\nSector (Enter si no aplica): \n" in r.output
    for ingles in ("Error", "Usage", "Aborted", "[y/N]", "is not"):
        assert ingles not in r.output
    escuela = leer(destino / "ruta.yaml")["escuela"]
    assert escuela == {"nombre": "Jardín de Niños \"Gabriela Mistral\"", "cct": "11DJN0041M",
                       "nivel": "preescolar", "turno": "matutino", "zona": "045", "entidad": "Guanajuato"}
    assert (leer(destino / "ruta.yaml")["ciclo"], leer(destino / "ruta.yaml")["marco"]) == ("2025-2026", "pmc-2024")


def test_solo_pregunta_lo_que_falta(tmp_path, terminal):
    r = correr("nueva", tmp_path / "r", *BASICO, "--turno", "vespertino", "--zona", "12", input="\n\n")
    assert r.exit_code == 0, r.output
    assert r.output.startswith(MARCOS_PARA_ELEGIR + "Marco de planeación [pmc-2024]: \n"
                               "Sector (Enter si no aplica): \nRuta nueva en ")
    r = correr("nueva", tmp_path / "r2", *BASICO, "--marco", "rme-2014", "--turno", "vespertino", "--zona", "12",
               input="\n")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Sector (Enter si no aplica): \nRuta nueva en ")
    assert leer(tmp_path / "r" / "ruta.yaml")["escuela"]["zona"] == "12"


def test_una_opcion_mal_escrita_se_corrige_al_preguntar(tmp_path, terminal):
    r = correr("nueva", tmp_path / "r", *BASICO[:2], "--cct", "21DPR123T", *BASICO[4:], "--marco", "pmc-2204",
               "--turno", "matutino", "--zona", "1", "--sector", "2", input="\n\n")
    assert r.exit_code == 0, r.output
    assert r.output.startswith(
        "«21DPR123T» no tiene la forma de una CCT (10 caracteres, p. ej. 21DPR0123T).\n"
        "¿Quisiste decir 21DPR0123T? Pulsa Enter para aceptarlo o escribe otro valor.\n"
        "CCT (clave de centro de trabajo, 10 caracteres) [21DPR0123T]: \n"
        "«pmc-2204» no es un marco: pemc-2019, pmc-2024, rme-2014.\n"
        "¿Quisiste decir pmc-2024? Pulsa Enter para aceptarlo o escribe otro valor.\n"
        "Marco de planeación [pmc-2024]: \n")


class _CtrlC(io.BytesIO):
    """Una entrada que, acabadas sus respuestas, recibe Ctrl-C (KeyboardInterrupt)."""

    def read1(self, n=-1):
        datos = super().read1(n)
        if not datos and n != 0:
            raise KeyboardInterrupt
        return datos

    read = read1


def test_ctrl_c_en_una_pregunta_no_deja_nada(tmp_path, terminal):
    destino = tmp_path / "nueva" / "r"
    r = correr("nueva", destino, input=_CtrlC("Escuela\n21DPR0123T\n".encode()))
    assert r.exit_code == 130
    assert r.stdout.endswith("CCT (clave de centro de trabajo, 10 caracteres): 21DPR0123T\n"
                             "Nivel (preescolar, primaria o secundaria) [primaria]: ")
    assert r.stderr == "\nCancelado: no se creó ninguna Ruta.\n"
    assert list(tmp_path.iterdir()) == []


def test_interrupcion_al_escribir_no_deja_nada(tmp_path, monkeypatch):
    escritos = []

    def escribir(ruta, texto):
        escritos.append(ruta)
        if len(escritos) == 3:
            raise KeyboardInterrupt
        ruta.write_text(texto, encoding="utf-8")

    monkeypatch.setattr(escribir_nueva, "_escribir", escribir)
    with pytest.raises(KeyboardInterrupt):
        N.crear(N.Pedido(N.Escuela("Escuela", "21DPR0123T", "primaria"), "2025-2026"),
                tmp_path / "a" / "b" / "r")
    assert list(tmp_path.iterdir()) == []


# --- Lo que no se permite ---------------------------------------------------------------------------


def test_no_pisa_una_carpeta_con_archivos(tmp_path):
    destino = nueva(tmp_path / "r")
    (destino / "LEEME.md").write_text("notas del CTE\n", encoding="utf-8")
    (destino / "metas.yaml").write_text("metas: []  # a mano\n", encoding="utf-8")
    antes = huellas(destino)
    r = correr("nueva", destino, *BASICO, "--sin-preguntas")
    assert r.exit_code == 2
    assert r.output == (f"ruta: la carpeta {destino} ya tiene archivos; para reemplazar los de la Ruta "
                        "usa --sobrescribir.\n")
    assert huellas(destino) == antes
    r = correr("nueva", destino, *BASICO, "--sin-preguntas", "--sobrescribir")
    assert r.exit_code == 0
    assert (destino / "LEEME.md").read_text(encoding="utf-8") == "notas del CTE\n"
    assert "a mano" not in (destino / "metas.yaml").read_text(encoding="utf-8")
    assert sorted(p.name for p in destino.iterdir()) == sorted([*E.ARCHIVOS, ".esquemas", "LEEME.md"])
    assert [p.name for p in tmp_path.iterdir()] == ["r"]


def test_una_carpeta_vacia_si_se_usa(tmp_path):
    (tmp_path / "r").mkdir()
    nueva(tmp_path / "r")
    assert (tmp_path / "r" / "ruta.yaml").is_file()


@pytest.mark.parametrize("args,mensaje", [
    (["--nombre", "E", "--cct", "21DPR0123T"],
     "ruta: con --sin-preguntas hay que dar --ciclo (o quita --sin-preguntas para que ruta los pregunte).\n"),
    (["--cct", "21DXX0123M", "--ciclo", "2025-2026"],
     "ruta: con --sin-preguntas hay que dar --nombre, --nivel (o quita --sin-preguntas para que ruta los pregunte).\n"),
    (["--nombre", "E", "--cct", "21DPR0123A", "--nivel", "primaria", "--ciclo", "2025-2026"],
     "ruta: la CCT «21DPR0123A» no es válida: su carácter verificador no corresponde. ¿Quisiste decir 21DPR0123T?\n"),
    (["--nombre", "E", "--cct", "21DPR0123T", "--nivel", "secundaria", "--ciclo", "2025-2026"],
     "ruta: la CCT 21DPR0123T es de primaria, no de secundaria. ¿Quisiste decir primaria?\n"),
    (["--nombre", "E", "--cct", "21DPR0123T", "--nivel", "primaria", "--ciclo", "2025-2025"],
     "ruta: los años del ciclo «2025-2025» no son consecutivos. ¿Quisiste decir 2025-2026?\n"),
    ([*BASICO, "--marco", "rme-2099"], "ruta: no existe el marco «rme-2099»: ¿quisiste decir `rme-2014`? Los marcos son: `pemc-2019`, `pmc-2024`, `rme-2014`.\n"),
    ([*BASICO, "--turno", "nocturnal"],
     "ruta: «nocturnal» no es un turno: " + ", ".join(N.TURNOS) + ". ¿Quisiste decir nocturno?\n"),
])
def test_sin_preguntas_los_datos_malos_son_error_de_uso(tmp_path, args, mensaje):
    r = correr("nueva", tmp_path / "r", *args, "--sin-preguntas")
    assert r.exit_code == 2
    assert r.output == mensaje
    assert list(tmp_path.iterdir()) == []


# --- El ciclo siguiente desde el anterior -----------------------------------------------------------


@pytest.fixture
def anterior(tmp_path) -> Path:
    """La Ruta mínima con una meta más que nunca se midió (y su acción, sin terminar)."""
    carpeta = tmp_path / "escuelas" / "21DPR0123T" / "2025-2026"
    shutil.copytree(DATOS / "minima", carpeta)
    with (carpeta / "metas.yaml").open("a", encoding="utf-8") as f:
        f.write("  - id: M2\n    objetivo: O1\n    descripcion: Reducir de 12 a 6 los alumnos con ausentismo\n"
                "    indicador: {nombre: Alumnos con ausentismo recurrente, unidad: alumnos}\n"
                "    sentido: disminuir\n    linea_base: 12\n    valor_meta: 6\n    fecha_limite: 2026-06-26\n")
    return carpeta


def test_desde_la_ruta_anterior(tmp_path, anterior):
    antes = huellas(anterior)
    destino = anterior.parent / "2026-2027"
    r = correr("nueva", destino, "--desde", anterior, "--ciclo", "2026-2027", "--sin-preguntas")
    assert r.exit_code == 0, r.output
    assert ("  De la Ruta 2025-2026: el colectivo (2 personas), 1 línea base en indicadores y, para el "
            "diagnóstico, 1 meta no lograda, 1 sin medir y 1 acción sin terminar (comentadas en "
            "diagnostico.yaml).\n") in r.output
    assert huellas(anterior) == antes  # la anterior, intacta

    ruta, viejo = leer(destino / "ruta.yaml"), leer(anterior / "ruta.yaml")
    assert ruta["ciclo"] == "2026-2027" and ruta["marco"] == "rme-2014"
    assert ruta["escuela"] == viejo["escuela"]
    assert ruta["colectivo"] == viejo["colectivo"] and ruta["comunidad"] == viejo["comunidad"]
    assert "presupuesto" not in ruta  # los montos son de cada ciclo
    texto = (destino / "ruta.yaml").read_text(encoding="utf-8")
    assert "#   F1 Cuotas voluntarias: $5000.00\n" in texto

    diagnostico = leer(destino / "diagnostico.yaml")
    # El último valor medido de M1 es la línea base del ciclo nuevo.
    assert diagnostico["indicadores"] == [
        {"nombre": "Alumnos en nivel esperado de lectura", "valor": 42, "unidad": "porcentaje"}]
    texto = (destino / "diagnostico.yaml").read_text(encoding="utf-8")
    assert "# (Ruta anterior: ../2025-2026)\n" in texto
    assert ("# Metas que no se lograron (valor meta → último valor medido):\n"
            "#   M1 Aumentar de 40 % a 60 % los alumnos de 1° que leen al nivel esperado — meta 60, último\n"
            "#     valor 42 (2025-09-26).\n") in texto
    assert ("# Metas que nunca se midieron (no se sabe si se lograron):\n"
            "#   M2 Reducir de 12 a 6 los alumnos con ausentismo\n") in texto
    assert ("# Acciones que no se terminaron (ni realizadas ni canceladas):\n"
            "#   A1 Círculo de lectura diario de 20 minutos — en curso, avance 10 % (metas M1).\n") in texto
    metas = (destino / "metas.yaml").read_text(encoding="utf-8")
    assert "#   M1 Alumnos en nivel esperado de lectura: linea_base: 42 (porcentaje, medido el 2025-09-26)\n" in metas
    assert leer(destino / "metas.yaml")["metas"] == []  # nada decidido por el CTE

    resultado = validar(destino, datetime.date(2026, 9, 1), True)
    assert {p.codigo for p in resultado.problemas} <= AVISOS_DE_RUTA_NUEVA
    assert resultado.codigo_de_salida() == 0


def test_desde_el_ejemplo_completo(tmp_path):
    antes = huellas(PRIMARIA)
    destino = tmp_path / "2026-2027"
    r = correr("nueva", destino, "--desde", PRIMARIA, "--ciclo", "2026-2027", "--sin-preguntas", "--turno",
               "vespertino")
    assert r.exit_code == 0, r.output
    assert huellas(PRIMARIA) == antes
    ruta = leer(destino / "ruta.yaml")
    assert ruta["escuela"]["turno"] == "vespertino" and ruta["escuela"]["cct"] == "21DPR0487A"
    assert len(ruta["colectivo"]) == 9
    assert len(leer(destino / "diagnostico.yaml")["indicadores"]) == 9
    resultado = validar(destino, datetime.date(2026, 9, 1), True)
    assert [p for p in resultado.problemas if p.severidad == "error"] == []


def test_desde_pregunta_solo_el_ciclo_y_el_marco(tmp_path, anterior, terminal):
    # La mínima no tiene sector: también se pregunta. Su marco (la RME) es el que se propone.
    r = correr("nueva", tmp_path / "nueva", "--desde", anterior, input="\n\n\n")
    assert r.exit_code == 0, r.output
    assert r.output.startswith("Ciclo escolar (AAAA-AAAA) [2026-2027]: \n" + MARCOS_PARA_ELEGIR
                               + "Marco de planeación [rme-2014]: \nSector (Enter si no aplica): \n"
                               "Ruta nueva en ")


@pytest.mark.parametrize("args,mensaje", [
    (["--ciclo", "2025-2026"], "ruta: el ciclo 2025-2026 no es posterior al de la Ruta anterior (2025-2026); "
                               "¿quisiste decir 2026-2027?\n"),
    ([], "ruta: con --sin-preguntas hay que dar --ciclo (o quita --sin-preguntas para que ruta los pregunte).\n"),
])
def test_desde_errores_de_uso(tmp_path, anterior, args, mensaje):
    r = correr("nueva", tmp_path / "nueva", "--desde", anterior, "--sin-preguntas", *args)
    assert (r.exit_code, r.output) == (2, mensaje)


def test_desde_no_escribe_sobre_la_anterior(anterior):
    antes = huellas(anterior)
    r = correr("nueva", anterior, "--desde", anterior, "--ciclo", "2026-2027", "--sin-preguntas", "--sobrescribir")
    assert (r.exit_code, r.output) == (
        2, "ruta: la Ruta nueva no puede escribirse sobre la anterior: elige otra carpeta.\n")
    assert huellas(anterior) == antes


def test_desde_una_carpeta_que_no_es_ruta(tmp_path):
    r = correr("nueva", tmp_path / "nueva", "--desde", tmp_path, "--ciclo", "2026-2027", "--sin-preguntas")
    assert r.exit_code == 2
    assert r.output == f"ruta: la carpeta {tmp_path} no contiene una Ruta (no hay ruta.yaml).\n"


# --- Empaquetado ----------------------------------------------------------------------------------


def test_las_plantillas_se_encuentran():
    """Instalado (CI instala sin -e), las plantillas vienen dentro del paquete."""
    carpeta = carpeta_plantillas() / "nueva"
    assert sorted(p.name for p in carpeta.glob("*.j2")) == sorted(f"{a}.j2" for a in E.ARCHIVOS)
    assert cargar_marco("rme-2014") is not None


def test_escalar_yaml_se_lee_igual():
    for valor in ["Escuela Primaria \"Carmen Serdán\"", "112", "true", "a: b", "x #y", "- lista",
                  "Ética, naturaleza y sociedades", "2022", "null", "  espacios ", "línea\nnueva", "3°A"]:
        assert YAML(typ="safe").load(f"k: {escalar(valor)}\n") == {"k": valor}, valor
        assert YAML(typ="safe").load(f"k: {{a: {escalar(valor, flujo=True)}}}\n") == {"k": {"a": valor}}, valor


def test_desde_una_ruta_con_ruta_yaml_roto_dice_que_no_se_puede_leer(tmp_path):
    # Sin este aviso, `ruta nueva` pedía --nombre: el problema verdadero quedaba escondido.
    origen = tmp_path / "anterior"
    shutil.copytree(PRIMARIA, origen)
    with (origen / "ruta.yaml").open("a", encoding="utf-8") as f:
        f.write("escuela: [\n")
    antes = (origen / "ruta.yaml").read_bytes()
    r = correr("nueva", tmp_path / "nueva", "--desde", origen, "--ciclo", "2026-2027", "--sin-preguntas")
    assert r.exit_code == 2
    linea = antes.decode("utf-8").count("\n") + 1
    assert r.stderr == (f"ruta: la Ruta anterior ({origen}) no se puede leer: ruta.yaml, línea "
                        f"{linea}: falta un valor donde se esperaba uno. Corrígela (ruta validar "
                        f"{origen}) o no uses --desde.\n")
    assert not (tmp_path / "nueva").exists()
    assert (origen / "ruta.yaml").read_bytes() == antes


@pytest.mark.parametrize("escrito, problema, sugerencia", [
    ("2025-2027", "Los años del ciclo «2025-2027» no son consecutivos.", "2025-2026"),
    ("25-26", "«25-26» no es un ciclo escolar AAAA-AAAA.", "2025-2026"),
    # Ni lo mismo que se escribió ni algo que no es AAAA-AAAA.
    ("9999-10000", "«9999-10000» no es un ciclo escolar AAAA-AAAA.", None),
])
def test_la_sugerencia_de_un_ciclo_mal_escrito(escrito, problema, sugerencia):
    revision = N.revisar_ciclo(escrito)
    assert (revision.valor, revision.problema, revision.sugerencia) == (None, problema, sugerencia)
