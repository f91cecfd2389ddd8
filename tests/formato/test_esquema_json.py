"""Los JSON Schema para editores: salen de ``esquema`` (no se escriben a mano), son válidos para
el meta-esquema, aceptan los ejemplos del proyecto y rechazan un archivo roto."""

from __future__ import annotations

import datetime
import json
import shutil
from fractions import Fraction
from pathlib import Path

import jsonschema
import pytest
from ruamel.yaml import YAML
from typer.testing import CliRunner

from rutamejora.formato import esquema as E
from rutamejora.commands import app
from rutamejora.formato.esquema_json import esquemas, linea_modelo, nombre_esquema, texto_json
from rutamejora.reglas.validacion import validar

RAIZ = Path(__file__).resolve().parents[2]
MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
EJEMPLOS = sorted(p for p in (RAIZ / "ejemplos").iterdir() if p.is_dir())
HOY = datetime.date(2025, 10, 1)


def _multiplo_exacto(validator, divisor, instancia, esquema):
    """``multipleOf`` sin errores de coma flotante (19.99 es múltiplo de 0.01).

    jsonschema divide floats (19.99 / 0.01 = 1998.9999…) y daría un falso error; los editores
    comparan con decimales normalizados. Aquí se compara como fracciones exactas del texto.
    """
    if isinstance(instancia, bool) or not isinstance(instancia, (int, float)):
        return
    if (Fraction(str(instancia)) / Fraction(str(divisor))).denominator != 1:
        yield jsonschema.ValidationError(f"{instancia} no es múltiplo de {divisor}")


Validador = jsonschema.validators.extend(jsonschema.Draft7Validator, {"multipleOf": _multiplo_exacto})


def como_json(valor):
    """Lo que ve yaml-language-server (YAML 1.2): las fechas sin comillas son texto."""
    if isinstance(valor, dict):
        return {str(k): como_json(v) for k, v in valor.items()}
    if isinstance(valor, list):
        return [como_json(v) for v in valor]
    if isinstance(valor, (datetime.date, datetime.datetime)):
        return valor.isoformat()
    return valor


def cargar(archivo: Path):
    return como_json(YAML(typ="safe").load(archivo.read_text(encoding="utf-8")))


def errores(archivo: str, datos, esquema_de=None) -> list[tuple[str, str]]:
    esquema = (esquema_de or esquemas())[nombre_esquema(archivo)]
    v = Validador(esquema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    return sorted((".".join(str(x) for x in e.absolute_path), e.validator)
                  for e in v.iter_errors(datos))


# --- El esquema mismo ---------------------------------------------------------------------------


def test_un_esquema_por_archivo_con_su_nombre():
    assert list(esquemas()) == ["ruta.schema.json", "diagnostico.schema.json", "prioridades.schema.json",
                                "objetivos.schema.json", "metas.schema.json", "acciones.schema.json",
                                "bitacora.schema.json"]


@pytest.mark.parametrize("nombre", list(esquemas()))
def test_cumple_el_meta_esquema(nombre):
    esquema = esquemas()[nombre]
    assert esquema["$schema"] == "http://json-schema.org/draft-07/schema#"
    jsonschema.Draft7Validator.check_schema(esquema)


def _objetos(nodo, camino="$"):
    """Cada sub-esquema de objeto con propiedades, con su camino."""
    if isinstance(nodo, dict):
        if "properties" in nodo:
            yield camino, nodo
        for clave, valor in nodo.items():
            yield from _objetos(valor, f"{camino}.{clave}")
    elif isinstance(nodo, list):
        for i, valor in enumerate(nodo):
            yield from _objetos(valor, f"{camino}[{i}]")


@pytest.mark.parametrize("nombre", list(esquemas()))
def test_cerrado_y_con_ayuda_en_espanol(nombre):
    for camino, objeto in _objetos(esquemas()[nombre]):
        assert objeto["additionalProperties"] is False, camino
        for clave, propiedad in objeto["properties"].items():
            assert propiedad.get("description", "").strip(), f"{camino}.{clave} sin descripción"
    assert esquemas()["metas.schema.json"]["properties"]["metas"]["items"]["properties"][
        "valor_meta"]["description"] == ("Valor que se quiere alcanzar. ¿Cuánto? Lo escribe el CTE: "
                                         "vacío, `ruta validar` avisa que está por llenar.")


def test_tipos_del_formato():
    acciones = esquemas()["acciones.schema.json"]["properties"]["acciones"]["items"]
    # El costo lo escribe el CTE: vacío (null) está «por llenar» (así lo deja `ruta importar plan`).
    costo, vacio = acciones["properties"]["costo"]["anyOf"]
    assert vacio == {"type": "null"}
    assert costo["anyOf"][0] == {"type": "number", "minimum": 0, "multipleOf": 0.01,
                                 "exclusiveMaximum": 1000000000}
    assert costo["anyOf"][1]["type"] == "object"
    assert acciones["anyOf"] == [{"required": ["inicio", "fin"]}, {"required": ["periodos"]}]
    assert acciones["properties"]["id"]["pattern"] == r"^A[1-9]\d*$"
    assert acciones["properties"]["metas"]["items"]["pattern"] == r"^M[1-9]\d*$"
    inicio = acciones["properties"]["inicio"]
    assert (inicio["format"], inicio["pattern"]) == ("date", r"^\d{4}-\d{2}-\d{2}$")
    prioridad = esquemas()["prioridades.schema.json"]["properties"]["prioridades"]["items"][
        "properties"]["prioridad"]
    assert {"mejora-aprendizajes", "Mejora de los aprendizajes", "convivencia-escolar"} <= set(prioridad["enum"])
    assert "`normalidad-minima` (Normalidad mínima de operación escolar)" in prioridad["description"]


def test_texto_json_estable():
    texto = texto_json(esquemas()["ruta.schema.json"])
    assert texto == texto_json(esquemas()["ruta.schema.json"])
    assert "¿Quiénes somos?" in texto and texto.endswith("}\n")


def test_linea_del_editor():
    assert linea_modelo("metas.yaml") == "# yaml-language-server: $schema=./.esquemas/metas.schema.json"


# --- Contra archivos de verdad --------------------------------------------------------------------


@pytest.mark.parametrize("carpeta", EJEMPLOS + [MINIMA], ids=lambda p: p.name)
def test_los_ejemplos_cumplen_los_esquemas(carpeta):
    # Cada Ruta contra los esquemas de su marco (las claves y los campos requeridos cambian).
    de_su_marco = esquemas(cargar(carpeta / "ruta.yaml")["marco"], carpeta)
    for archivo in E.ARCHIVOS:
        assert errores(archivo, cargar(carpeta / archivo), de_su_marco) == [], archivo


def test_los_esquemas_siguen_al_marco():
    pmc = esquemas("pmc-2024")
    lista = pmc["prioridades.schema.json"]["properties"]
    assert "problematicas" in lista and "prioridades" in lista and "no_atendidas" not in lista
    problematica = lista["problematicas"]["items"]
    assert "prioridad" not in problematica["properties"]
    assert "ambitos" in problematica["required"]
    objetivo = pmc["objetivos.schema.json"]["properties"]["objetivos"]["items"]
    assert {"anyOf": [{"required": ["prioridad"]}, {"required": ["problematica"]}]} in objetivo["allOf"]
    accion = pmc["acciones.schema.json"]["properties"]["acciones"]["items"]
    assert "evidencia_esperada" in accion["required"] and "costo" not in accion["required"]
    assert pmc["metas.schema.json"]["title"] == "metas.yaml — Proceso de Mejora Continua"


def test_un_archivo_roto_se_rechaza_igual_que_en_ruta_validar(tmp_path):
    carpeta = tmp_path / "r"
    shutil.copytree(MINIMA, carpeta)
    metas = carpeta / "metas.yaml"
    texto = metas.read_text(encoding="utf-8")
    for viejo, nuevo in (("id: M1", "id: Meta 1"), ("linea_base: 40", "línea_base: 40"),
                         ("sentido: aumentar", "sentido: subir"),
                         ("fecha_limite: 2026-06-26", "fecha_limite: 26/06/2026")):
        texto = texto.replace(viejo, nuevo)
    metas.write_text(texto, encoding="utf-8")
    acciones = carpeta / "acciones.yaml"
    acciones.write_text(acciones.read_text(encoding="utf-8").replace("costo: 1500.00", "costo: 1500.005"),
                        encoding="utf-8")

    assert errores("metas.yaml", cargar(metas)) == [
        ("metas.0", "additionalProperties"), ("metas.0", "required"),
        ("metas.0.fecha_limite", "format"), ("metas.0.fecha_limite", "pattern"),
        ("metas.0.id", "pattern"), ("metas.0.sentido", "enum")]
    assert errores("acciones.yaml", cargar(acciones)) == [("acciones.0.costo", "anyOf")]
    codigos = {(p.codigo, p.archivo) for p in validar(carpeta, HOY, True).problemas}
    assert {("RM110", "metas.yaml"), ("RM104", "metas.yaml"), ("RM107", "metas.yaml"),
            ("RM108", "metas.yaml"), ("RM106", "acciones.yaml")} <= codigos


def test_vacios_de_una_ruta_nueva_se_aceptan():
    assert errores("metas.yaml", {"metas": []}) == []
    assert errores("metas.yaml", {"metas": None}) == []
    assert errores("diagnostico.yaml", {"fecha": None, "aprendizajes": [{"campo": "Lenguajes", "resultados": []}],
                                        "necesidades": []}) == []
    assert errores("bitacora.yaml", {}) == [("", "required")]


def test_un_campo_nuevo_en_el_esquema_aparece_en_el_json_y_en_validar(tmp_path, monkeypatch):
    """La única fuente es ``esquema``: un campo agregado ahí lo ven el editor y `ruta validar`."""
    nuevo = E.C("prioridad_escolar", E.Booleano(), False, "Si la meta es prioritaria para la zona.")
    meta = E.Objeto(campos=E.META.campos + (nuevo,), entidad=E.META.entidad,
                    alternativas=E.META.alternativas)
    original = E.METAS.campo("metas")
    metas = E.Objeto(entidad=E.METAS.entidad, campos=(
        E.C("metas", E.Lista(meta), original.requerido, original.descripcion, original.pregunta,
            original.por_llenar),))

    carpeta = tmp_path / "r"
    shutil.copytree(MINIMA, carpeta)
    archivo = carpeta / "metas.yaml"
    archivo.write_text(archivo.read_text(encoding="utf-8") + "    prioridad_escolar: true\n", encoding="utf-8")
    antes = esquemas()
    assert "prioridad_escolar" not in antes["metas.schema.json"]["properties"]["metas"]["items"]["properties"]
    assert [p.codigo for p in validar(carpeta, HOY, True).problemas] == ["RM104"]

    monkeypatch.setitem(E.ARCHIVOS, "metas.yaml", metas)
    despues = esquemas()
    propiedad = despues["metas.schema.json"]["properties"]["metas"]["items"]["properties"]["prioridad_escolar"]
    assert propiedad == {"description": "Si la meta es prioritaria para la zona.", "type": ["boolean", "null"]}
    assert errores("metas.yaml", cargar(archivo), despues) == []
    assert validar(carpeta, HOY, True).problemas == []


# --- ruta esquema -----------------------------------------------------------------------------------


runner = CliRunner()


def test_ruta_esquema_salida_escribe_los_siete(tmp_path):
    destino = tmp_path / "mis esquemas ñ"
    r = runner.invoke(app, ["esquema", "--salida", str(destino)])
    assert r.exit_code == 0, r.output
    assert r.output == (f"7 esquemas en {destino}: ruta.schema.json, diagnostico.schema.json, "
                        "prioridades.schema.json, objetivos.schema.json, metas.schema.json, "
                        "acciones.schema.json, bitacora.schema.json.\n")
    for nombre, esquema in esquemas().items():
        assert json.loads((destino / nombre).read_text(encoding="utf-8")) == esquema
    assert sorted(p.name for p in destino.iterdir()) == sorted(esquemas())


def test_ruta_esquema_de_un_archivo(tmp_path):
    r = runner.invoke(app, ["esquema", "metas.yaml"])
    assert r.exit_code == 0
    assert json.loads(r.output) == esquemas()["metas.schema.json"]
    r = runner.invoke(app, ["esquema", "metas", "-o", str(tmp_path)])
    assert r.output == f"1 esquema en {tmp_path}: metas.schema.json.\n"


@pytest.mark.parametrize("args,mensaje", [
    ([], "ruta: di dónde escribir los esquemas (--salida CARPETA) o cuál mostrar (p. ej. `ruta esquema metas.yaml`).\n"),
    (["metaz"], "ruta: «metaz» no es un archivo de una Ruta. Son: ruta.yaml, diagnostico.yaml, prioridades.yaml, "
                "objetivos.yaml, metas.yaml, acciones.yaml, bitacora.yaml.\n"),
    (["metas", "--marco", "rme-2099"], "ruta: no existe el marco «rme-2099»: ¿quisiste decir `rme-2014`? Los marcos son: `pemc-2019`, `pmc-2024`, `rme-2014`.\n"),
])
def test_ruta_esquema_uso_incorrecto(args, mensaje):
    r = runner.invoke(app, ["esquema", *args])
    assert r.exit_code == 2
    assert r.output == mensaje
