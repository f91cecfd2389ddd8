"""La zona cuenta cada escuela con su Ruta del ciclo en curso; las de otros ciclos, aparte.

Una escuela con una Ruta por ciclo no suma sus ciclos: por omisión cuenta el ciclo que contiene
``--fecha`` (de agosto a julio), ``--ciclo`` elige otro y ``--ciclo todos`` las suma todas (y
el encabezado lo dice).

La zona: 21DPR0487A con 2024-2025 y 2025-2026, 32ETV0087I solo con 2025-2026 y 31DJN0152E solo
con 2024-2025 (las de 2024-2025 son los ejemplos con otro ciclo: tienen errores de fechas).
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from datetime import date
from pathlib import Path

import pytest

from .conftest import EJEMPLOS, FECHA

A_24, A_25 = "escuelas/21DPR0487A/2024-2025", "escuelas/21DPR0487A/2025-2026"
B_25, C_24 = "escuelas/32ETV0087I/2025-2026", "escuelas/31DJN0152E/2024-2025"
AVISO_2 = "2 Rutas de otros ciclos van aparte, al final: no suman."


def _copiar(ejemplo: str, destino: Path, ciclo: str | None = None) -> None:
    shutil.copytree(EJEMPLOS / ejemplo, destino)
    if ciclo is not None:
        archivo = destino / "ruta.yaml"
        texto = re.sub(r"(?m)^ciclo: .*$", f"ciclo: {ciclo}", archivo.read_text(encoding="utf-8"))
        archivo.write_text(texto, encoding="utf-8")


@pytest.fixture
def zona_ciclos(tmp_path) -> Path:
    raiz = tmp_path / "zona"
    _copiar("primaria-2025-2026", raiz / A_24, "2024-2025")
    _copiar("primaria-2025-2026", raiz / A_25)
    _copiar("secundaria-2025-2026", raiz / B_25)
    _copiar("preescolar-2025-2026", raiz / C_24, "2024-2025")
    return raiz


def _zona(invocar, *args):
    return invocar(["zona", *map(str, args)], limite=120)


def _json(invocar, raiz, *args) -> tuple[int, dict]:
    r = _zona(invocar, raiz, "--formato", "json", *args)
    return r.exit_code, json.loads(r.stdout)


def _errores(datos: dict, clave: str) -> int:
    return next(e["errores"] for e in datos["otros_ciclos"] + datos["escuelas"] if e["clave"] == clave)


def test_por_omision_cuenta_el_ciclo_de_la_fecha(invocar, zona_ciclos):
    codigo, datos = _json(invocar, zona_ciclos, "--fecha", FECHA)
    assert codigo == 1                     # las de 2024-2025 tienen errores: se leyeron todas
    assert datos["version_esquema"] == 3 and datos["ciclo"] == "2025-2026"
    assert sorted(e["clave"] for e in datos["escuelas"]) == [A_25, B_25]
    assert [e["clave"] for e in datos["otros_ciclos"]] == [A_24, C_24]
    # Los totales suman solo las dos Rutas del ciclo: la primaria no suma sus dos ciclos.
    for estado in ("lograda", "no_lograda", "en_camino", "en_riesgo", "sin_datos"):
        assert datos["agregados"]["metas"][estado] == sum(e["metas"][estado]
                                                          for e in datos["escuelas"])
    assert datos["agregados"]["escuelas"] == 2
    assert datos["agregados"]["dinero"]["presupuesto"] == "132000.00"   # 87 000 + 45 000


def test_el_texto_dice_el_ciclo_y_lista_aparte_los_otros(invocar, zona_ciclos, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    _, datos = _json(invocar, zona_ciclos, "--fecha", FECHA)
    r = _zona(invocar, zona_ciclos, "--fecha", FECHA)
    assert r.exit_code == 1
    lineas = r.stdout.splitlines()
    assert lineas[:2] == ["Zona · 2 escuelas del ciclo 2025-2026 al 27 mar 2026", AVISO_2]
    assert [l for l in lineas if l.startswith(("21DPR", "32ETV", "31DJN"))] == [
        l for l in lineas if l.startswith(("21DPR0487A ", "32ETV0087I "))]
    assert len([l for l in lineas if l.startswith(("21DPR", "32ETV", "31DJN"))]) == 2
    inicio = lineas.index("Rutas de otros ciclos (no están en la tabla ni en lo que suma la zona, "
                          "que es del ciclo 2025-2026; `--ciclo todos` las suma):")
    assert lineas[inicio + 1:inicio + 3] == [
        f"  {A_24}: 21DPR0487A, ciclo 2024-2025, {_errores(datos, A_24)} errores de validación",
        f"  {C_24}: 31DJN0152E, ciclo 2024-2025, {_errores(datos, C_24)} errores de validación; "
        "la escuela no tiene Ruta del ciclo 2025-2026"]


def test_la_fecha_elige_el_ciclo_de_agosto_a_julio(invocar, zona_ciclos):
    from rutamejora.zona import ciclo_de

    assert ciclo_de(date(2026, 7, 31)) == "2025-2026"
    assert ciclo_de(date(2026, 8, 1)) == "2026-2027"
    _, datos = _json(invocar, zona_ciclos, "--fecha", "2025-03-01")
    assert datos["ciclo"] == "2024-2025"
    assert sorted(e["clave"] for e in datos["escuelas"]) == [A_24, C_24]
    assert [e["clave"] for e in datos["otros_ciclos"]] == [A_25, B_25]


def test_ciclo_elige_otro(invocar, zona_ciclos, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    _, datos = _json(invocar, zona_ciclos, "--fecha", FECHA, "--ciclo", "2024-2025")
    assert datos["ciclo"] == "2024-2025"
    assert sorted(e["clave"] for e in datos["escuelas"]) == [A_24, C_24]
    r = _zona(invocar, zona_ciclos, "--fecha", FECHA, "--ciclo", "2024-2025")
    assert r.stdout.splitlines()[:2] == ["Zona · 2 escuelas del ciclo 2024-2025 al 27 mar 2026",
                                         AVISO_2]
    assert f"  {B_25}: 32ETV0087I, ciclo 2025-2026; la escuela no tiene Ruta del ciclo 2024-2025" \
        in r.stdout.splitlines()


def test_ciclo_todos_las_suma_y_lo_dice(invocar, zona_ciclos, monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    _, datos = _json(invocar, zona_ciclos, "--fecha", FECHA, "--ciclo", "todos")
    assert datos["ciclo"] == "todos" and datos["otros_ciclos"] == []
    assert len(datos["escuelas"]) == 4
    r = _zona(invocar, zona_ciclos, "--fecha", FECHA, "--ciclo", "todos")
    assert r.stdout.splitlines()[0] == (
        "Zona · 3 escuelas de todos los ciclos (4 Rutas; los totales suman las 2 de 21DPR0487A: "
        "2024-2025 y 2025-2026) al 27 mar 2026")
    assert "Rutas de otros ciclos" not in r.stdout


def test_el_csv_es_solo_del_ciclo(invocar, zona_ciclos):
    r = _zona(invocar, zona_ciclos, "--fecha", FECHA, "--formato", "csv")
    filas = list(csv.DictReader(io.StringIO(r.stdout)))
    assert sorted(f["clave"] for f in filas) == [A_25, B_25]


CON_ERRORES = ("ruta: 2 Rutas de la zona tienen errores de validación (el informe lo dice): sale "
               "con 1. Corrígelo (`ruta zona` dice dónde) o usa --con-errores para que salga con "
               "0.\n")
NOTA_2026 = ("Nota: ninguna Ruta de la zona es del ciclo 2026-2027 (el que contiene el 30 nov "
             "2026): cuenta el 2025-2026, el más reciente que tiene Rutas. --ciclo elige otro (o "
             "--ciclo todos).\n")


def test_sin_rutas_del_ciclo_de_hoy_cuenta_el_mas_reciente_y_lo_dice(invocar, zona_ciclos):
    # En noviembre, antes de escribir las Rutas del ciclo nuevo: no es un error.
    r = _zona(invocar, zona_ciclos, "--fecha", "2026-11-30", "--formato", "json")
    datos = json.loads(r.stdout)
    assert (r.exit_code, datos["ciclo"], r.stderr) == (1, "2025-2026", NOTA_2026)
    assert sorted(e["clave"] for e in datos["escuelas"]) == [A_25, B_25]
    r = invocar(["informe", "-t", "zona", str(zona_ciclos), "--fecha", "2026-11-30", "-f", "md"],
                limite=120)
    # El informe se hace, y sale como `ruta zona`: las Rutas de otros ciclos tienen errores.
    assert (r.exit_code, r.stderr) == (1, NOTA_2026 + CON_ERRORES)
    assert "- **Escuelas:** 2 escuelas del ciclo 2025-2026\n" in r.stdout
    # Todas de ciclos futuros: el primero de ellos.
    r = _zona(invocar, zona_ciclos, "--fecha", "2020-03-01", "--formato", "json")
    assert json.loads(r.stdout)["ciclo"] == "2024-2025"
    assert r.stderr.startswith("Nota: ninguna Ruta de la zona es del ciclo 2019-2020 ")
    # Con el ciclo de hoy, ninguna nota.
    assert _zona(invocar, zona_ciclos, "--fecha", FECHA, "--formato", "json").stderr == ""


def test_sin_rutas_del_ciclo_elegido_es_un_error_de_uso(invocar, zona_ciclos):
    r = _zona(invocar, zona_ciclos, "--fecha", FECHA, "--ciclo", "2030-2031")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr == ("ruta: ninguna Ruta de la zona es del ciclo 2030-2031: las que hay son de "
                        "2024-2025 y 2025-2026. Elige el ciclo con --ciclo (p. ej. --ciclo "
                        "2025-2026) o súmalos todos con --ciclo todos.\n")


@pytest.mark.parametrize("escrito", ["2025-2027", "2025", "hola"])
def test_un_ciclo_mal_escrito_es_un_error_de_uso(invocar, zona_ciclos, escrito):
    for args in (["zona"], ["informe", "-t", "zona"]):
        r = invocar([*args, str(zona_ciclos), "--fecha", FECHA, "--ciclo", escrito], limite=120)
        assert r.exit_code == 2 and r.stdout == ""
        assert r.stderr == (f"ruta: --ciclo «{escrito}» no es un ciclo escolar: escribe sus dos "
                            "años seguidos (p. ej. --ciclo 2025-2026) o --ciclo todos.\n")


def test_el_informe_de_zona_cuenta_el_ciclo_y_lista_los_otros(invocar, zona_ciclos):
    _, datos = _json(invocar, zona_ciclos, "--fecha", FECHA)
    r = invocar(["informe", "-t", "zona", str(zona_ciclos), "--fecha", FECHA, "-f", "md"],
                limite=120)
    # Las dos de 2024-2025 tienen errores: el informe se hace igual, y sale con 1 (con
    # --con-errores, con 0), como `ruta zona` y como el informe de una Ruta.
    assert (r.exit_code, r.stderr) == (1, CON_ERRORES)
    con = invocar(["informe", "-t", "zona", str(zona_ciclos), "--fecha", FECHA, "-f", "md",
                   "--con-errores"], limite=120)
    assert (con.exit_code, con.stderr, con.stdout) == (0, "", r.stdout)
    assert "- **Escuelas:** 2 escuelas del ciclo 2025-2026\n" in r.stdout
    assert ("**Rutas de otros ciclos.** No están en la tabla ni en lo que suma la zona, que es del "
            "ciclo 2025-2026 (`--ciclo todos` las suma):\n\n"
            f"- {A_24}: 21DPR0487A, ciclo 2024-2025, {_errores(datos, A_24)} errores de validación\n"
            f"- {C_24}: 31DJN0152E, ciclo 2024-2025, {_errores(datos, C_24)} errores de validación; "
            "la escuela no tiene Ruta del ciclo 2025-2026\n") in r.stdout
    assert "| **31DJN0152E** |" not in r.stdout
    todos = invocar(["informe", "-t", "zona", str(zona_ciclos), "--fecha", FECHA, "-f", "md",
                     "--ciclo", "todos"], limite=120).stdout
    assert ("- **Escuelas:** 3 escuelas de todos los ciclos (4 Rutas; los totales suman las 2 de "
            "21DPR0487A: 2024-2025 y 2025-2026)\n") in todos
    html = invocar(["informe", "-t", "zona", str(zona_ciclos), "--fecha", FECHA, "-f", "html"],
                   limite=120).stdout
    assert (f"<li>{A_24}: 21DPR0487A, ciclo 2024-2025, {_errores(datos, A_24)} errores de "
            "validación</li>") in html


def test_el_informe_de_zona_sin_rutas_del_ciclo_sale_con_2(invocar, zona_ciclos):
    r = invocar(["informe", "-t", "zona", str(zona_ciclos), "--fecha", FECHA, "--ciclo",
                 "2030-2031"], limite=120)
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("ruta: ninguna Ruta de la zona es del ciclo 2030-2031: ")


def test_ciclo_solo_con_tipo_zona(invocar):
    r = invocar(["informe", str(EJEMPLOS / "primaria-2025-2026"), "-t", "rendicion", "--ciclo",
                 "2025-2026"])
    assert r.exit_code == 2
    assert r.stderr == ("ruta: --ciclo solo sirve con --tipo zona: el informe de una Ruta es de "
                        "su ciclo.\n")


SIN_CICLO = "escuelas/32ETV0099X/x"
FUERA = ("1 Ruta sin un ciclo escolar válido en ruta.yaml está en la tabla con sus errores, pero no "
         f"suma en los totales del ciclo 2025-2026: {SIN_CICLO}.")


def test_una_ruta_sin_ciclo_legible_se_queda_en_la_tabla_sin_sumar(invocar, zona_ciclos):
    # No se sabe de qué ciclo es: apartarla callaría sus errores, y sumarla pondría en los
    # totales del ciclo una Ruta que puede ser de otro. Va en la tabla, fuera de los totales.
    _, antes = _json(invocar, zona_ciclos, "--fecha", FECHA)
    _copiar("secundaria-2025-2026", zona_ciclos / SIN_CICLO, "dos mil")
    codigo, datos = _json(invocar, zona_ciclos, "--fecha", FECHA)
    assert codigo == 1   # su ciclo mal escrito es un error de validación
    assert {e["clave"]: e["en_totales"] for e in datos["escuelas"]} == {
        A_25: True, B_25: True, SIN_CICLO: False}
    assert next(e for e in datos["escuelas"] if e["clave"] == SIN_CICLO)["errores"] >= 1
    assert [e["en_totales"] for e in datos["otros_ciclos"]] == [False, False]
    assert datos["agregados"] == antes["agregados"]   # suma lo mismo que sin ella
    assert datos["version_esquema"] == 3
    texto = _zona(invocar, zona_ciclos, "--fecha", FECHA).stdout.splitlines()
    assert texto[0] == "Zona · 2 escuelas del ciclo 2025-2026 al 27 mar 2026"
    assert " ".join(texto[1:3]) == FUERA and texto[3] == AVISO_2
    csv_ = list(csv.DictReader(io.StringIO(_zona(invocar, zona_ciclos, "--fecha", FECHA,
                                                 "--formato", "csv").stdout)))
    assert {f["clave"]: f["en_totales"] for f in csv_} == {A_25: "si", B_25: "si", SIN_CICLO: "no"}
    md = invocar(["informe", "-t", "zona", str(zona_ciclos), "--fecha", FECHA, "-f", "md",
                  "--con-errores"], limite=120).stdout
    assert "- **Escuelas:** 2 escuelas del ciclo 2025-2026\n" in md
    assert f"\n> {FUERA}\n" in md
    # Con --ciclo todos, todas suman: no hay nada que decir.
    _, todos = _json(invocar, zona_ciclos, "--fecha", FECHA, "--ciclo", "todos")
    assert all(e["en_totales"] for e in todos["escuelas"])
    assert "no suma en los totales" not in _zona(invocar, zona_ciclos, "--fecha", FECHA,
                                                 "--ciclo", "todos").stdout


def test_una_zona_sin_ninguna_ruta_legible_muestra_sus_errores(invocar, tmp_path):
    # Sin un ciclo que elegir, no es «ninguna Ruta es del ciclo»: la tabla dice qué no se leyó.
    for nombre in ("a", "b"):
        carpeta = tmp_path / "zona" / nombre
        _copiar("secundaria-2025-2026", carpeta)
        (carpeta / "ruta.yaml").write_text("escuela: [\n", encoding="utf-8")
    r = _zona(invocar, tmp_path / "zona", "--fecha", FECHA, "--formato", "json")
    assert r.exit_code == 1 and r.stderr == ""
    assert sorted(e["clave"] for e in json.loads(r.stdout)["escuelas"]) == ["a", "b"]
