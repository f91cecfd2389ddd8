"""Lo que la zona no sabe y lo que no cuenta dos veces (de la prueba como usuario nuevo).

- Una cifra que sale de un archivo que falta o no se pudo leer no se sabe: «?» en el texto,
  ``null`` en JSON, vacía en CSV, y no suma ni se lista. Sin su bitácora, las acciones de una
  escuela no están «vencidas, sin registro»: antes salían como las 6 únicas vencidas de la zona,
  y el informe las llevaba a la próxima reunión.
- Las escuelas se cuentan por su CCT; dos Rutas del mismo ciclo con la misma CCT son un problema
  de la zona, con sus carpetas, y suma solo la de ``<CCT>/<ciclo>``.
- Los códigos de salida de ``ruta zona`` y ``ruta informe --tipo zona`` son los de su ayuda.
"""

from __future__ import annotations

import csv
import io
import json
import re
import shutil

import pytest

from .conftest import EJEMPLOS, FECHA, _escuela, armar_zona

HIDALGO = "escuelas/21DPR0300G/2025-2026"          # su bitacora.yaml es una carpeta
REAL = "escuelas/21DPR0487A/2025-2026"
OTRA_CARPETA = "escuelas/21DPR0700X/2025-2026"     # copia sin cambiar la CCT (RM124)
COPIA = "escuelas/escuela_copia/2025-2026"         # copia que valida sin errores
DESCONOCIDAS = ["metas", "acciones_vencidas", "ultima_bitacora", "sesiones_registradas",
                "ejercido", "grupos_metas"]


@pytest.fixture
def zona_rara(tmp_path):
    raiz = armar_zona(tmp_path / "zona")
    hidalgo = raiz / HIDALGO
    shutil.copytree(EJEMPLOS / "primaria-2025-2026", hidalgo)
    _escuela(hidalgo, "21DPR0300G", "Miguel Hidalgo")
    (hidalgo / "bitacora.yaml").unlink()
    (hidalgo / "bitacora.yaml").mkdir()
    for carpeta in (OTRA_CARPETA, COPIA):
        shutil.copytree(EJEMPLOS / "primaria-2025-2026", raiz / carpeta)
    return raiz


def _zona(invocar, zona, *args):
    return invocar(["zona", str(zona), "--fecha", FECHA, *args], limite=200)


def _fila(datos, clave):
    return next(e for e in datos["escuelas"] if e["clave"] == clave)


def test_sin_bitacora_las_cifras_que_salen_de_ella_no_se_saben(invocar, zona_rara):
    r = _zona(invocar, zona_rara, "--formato", "json")
    datos = json.loads(r.stdout)
    hidalgo = _fila(datos, HIDALGO)
    assert hidalgo["desconocidas"] == DESCONOCIDAS
    assert (hidalgo["metas"], hidalgo["acciones_vencidas"], hidalgo["ultima_bitacora"],
            hidalgo["sesiones"], hidalgo["dinero"]) == (
        None, None, None, {"registradas": None, "celebradas": 6, "del_ciclo": 8},
        {"presupuesto": "87000.00", "planeado": "76100.00", "ejercido": None})
    # Lo que no depende de la bitácora sí se sabe.
    assert hidalgo["acciones"] == 19 and hidalgo["en_totales"] is True
    # Ninguna «acción vencida» suya: solo el error de su bitácora.
    assert hidalgo["pendientes"] == [{"tipo": "error", "id": "RM012", "texto": "No se pudo abrir "
                                      "el archivo: es una carpeta, no un archivo."}]
    a = datos["agregados"]
    suman = [e for e in datos["escuelas"] if e["en_totales"]]
    assert a["acciones_vencidas"] == sum(e["acciones_vencidas"] or 0 for e in suman) == 0
    assert a["dinero"]["ejercido"] == f"{sum(float(e['dinero']['ejercido'] or 0) for e in suman):.2f}"
    assert a["sin_contar"] == {"metas": [HIDALGO], "acciones_vencidas": [HIDALGO],
                               "ejercido": [HIDALGO], "grupos_metas": [HIDALGO]}
    assert datos["version_esquema"] == 3


def test_el_texto_muestra_lo_que_no_se_sabe_con_un_signo(invocar, zona_rara, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = _zona(invocar, zona_rara)
    lineas = r.stdout.splitlines()
    assert "21DPR0300G Miguel Hidalgo     2025-2026    1/0         ?     ? ?             ?/6" \
        in lineas
    texto = " ".join(r.stdout.split())
    assert ("Rutas con archivos que faltan o no se pudieron leer (lo que sale de ellos no se sabe: "
            f"«?», y no suma): {HIDALGO}: bitacora.yaml no se pudo leer; no se sabe: el estado de "
            "las metas, las acciones vencidas, la última entrada de la bitácora, las sesiones "
            "registradas, lo ejercido y las metas por prioridad o ámbito.") in texto
    assert ("Acciones vencidas: 0. No suman aquí, porque un archivo del que salen falta o no se "
            f"pudo leer: el estado de las metas de {HIDALGO}; las acciones vencidas de {HIDALGO}; "
            f"lo ejercido de {HIDALGO}; las metas por prioridad o ámbito de {HIDALGO}.") in texto
    assert "?: no se sabe (sale de un archivo que falta o no se pudo leer)." in texto
    # Su bitácora es una carpeta: un archivo que no se puede abrir (RM012) sale con 2.
    assert r.exit_code == 2


def test_el_csv_deja_vacio_lo_que_no_se_sabe(invocar, zona_rara):
    filas = list(csv.DictReader(io.StringIO(_zona(invocar, zona_rara, "--formato", "csv").stdout)))
    hidalgo = next(f for f in filas if f["clave"] == HIDALGO)
    assert [hidalgo[c] for c in ("metas_lograda", "acciones", "acciones_vencidas",
                                 "sesiones_registradas", "planeado", "ejercido")] == \
        ["", "19", "", "", "76100.00", ""]
    assert hidalgo["desconocidas"] == " ".join(DESCONOCIDAS)


def test_el_informe_no_lleva_a_la_reunion_lo_que_no_se_sabe(invocar, zona_rara):
    r = invocar(["informe", "-t", "zona", str(zona_rara), "--fecha", FECHA, "-f", "md"],
                limite=200)
    seccion = r.stdout.split("## 4. Para la próxima reunión de zona")[1].split("## 5.")[0]
    bloque = seccion[seccion.index("**21DPR0300G Miguel Hidalgo**"):].split("\n")[:3]
    assert bloque[1] == ("    - Error de validación **RM012**: No se pudo abrir el archivo: es una "
                         "carpeta, no un archivo.")
    assert not bloque[2].startswith("    - ")
    assert "| **21DPR0300G** | Miguel Hidalgo | primaria · rme-2014 · 2025-2026 | 1 / 0 | ? | ? | ? " \
           "| ? de 6 | ? de $87,000.00 |" in r.stdout
    assert (f"Metas de cada escuela por estado, al 27 de marzo de 2026 (no están, porque no se "
            f"sabe: {HIDALGO}):") in r.stdout
    assert (f"\n> - {HIDALGO}: bitacora.yaml no se pudo leer; no se sabe: el estado de las metas, "
            "las acciones vencidas") in r.stdout
    assert "Acciones vencidas: 0. " in r.stdout
    # El informe se hace, pero sale como `ruta zona`: 2 (un archivo que no se puede abrir),
    # también con --con-errores (que solo acepta errores de lo escrito).
    assert (r.exit_code, r.stderr) == (2, "ruta: 1 Ruta de la zona tiene archivos que no se "
                                          "pudieron abrir (permisos, una carpeta en su lugar): el "
                                          "informe se hizo sin lo que traen, y sale con 2. "
                                          "Revísalos con `ruta validar`.\n")
    con = invocar(["informe", "-t", "zona", str(zona_rara), "--fecha", FECHA, "-f", "md",
                   "--con-errores"], limite=200)
    assert (con.exit_code, con.stdout) == (2, r.stdout)


def test_las_escuelas_se_cuentan_por_su_cct_y_una_copia_no_suma(invocar, zona_rara,
                                                                 monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    datos = json.loads(_zona(invocar, zona_rara, "--formato", "json").stdout)
    assert datos["repetidas"] == [{"cct": "21DPR0487A", "ciclo": "2025-2026",
                                   "claves": [REAL, OTRA_CARPETA, COPIA], "suma": REAL}]
    assert [e["en_totales"] for e in datos["escuelas"] if "21DPR0487A" == e["cct"]] == \
        [e["clave"] == REAL for e in datos["escuelas"] if "21DPR0487A" == e["cct"]]
    a = datos["agregados"]
    assert (a["escuelas"], a["rutas"], a["escuelas_con_prioridades"]) == (6, 6, 6)
    assert all(c["escuelas"] <= 6 for c in a["mas_comunes"])
    assert all(g["escuelas"] <= 6 for g in a["grupos"] + a["responsables"] + a["alumnos_en_riesgo"])
    # Las metas suman una vez la primaria: las de las Rutas que suman, no las de sus copias.
    assert a["metas"] == {e: sum((x["metas"] or {}).get(e, 0) for x in datos["escuelas"]
                                 if x["en_totales"]) for e in a["metas"]}
    r = _zona(invocar, zona_rara)
    assert r.exit_code == 2
    lineas = r.stdout.splitlines()
    assert lineas[:3] == ["Zona · 6 escuelas del ciclo 2025-2026 (8 Rutas; 2 repiten la CCT de "
                          "otra del", "mismo ciclo y no suman: ver «Rutas del mismo ciclo con la "
                          "misma CCT») al 27 mar", "2026"]
    # Las tres Rutas de 21DPR0487A se distinguen por su carpeta.
    assert [l[11:30].rstrip() for l in lineas if l.startswith("21DPR0487A")] == [
        "21DPR0700X/", "21DPR0487A/", "escuela_copia/"]
    texto = " ".join(r.stdout.split())
    assert ("Rutas del mismo ciclo con la misma CCT (una escuela tiene una Ruta por ciclo: corrige "
            f"la CCT en su ruta.yaml o saca la copia de la zona): 21DPR0487A, ciclo 2025-2026: "
            f"{REAL}, {OTRA_CARPETA} y {COPIA}. Suma solo {REAL} (su carpeta lleva la CCT).") \
        in texto
    assert "Lo más común entre las escuelas 4 de 6: " in texto


def test_sin_carpeta_de_su_cct_ninguna_repetida_suma(invocar, tmp_path):
    for carpeta in ("a/uno", "a/dos", "b"):
        shutil.copytree(EJEMPLOS / ("secundaria-2025-2026" if carpeta == "b" else
                                    "primaria-2025-2026"), tmp_path / "zona" / carpeta)
    r = _zona(invocar, tmp_path / "zona", "--formato", "json")
    datos = json.loads(r.stdout)
    assert r.exit_code == 1     # ninguna tiene errores: las repetidas son el problema
    assert datos["repetidas"] == [{"cct": "21DPR0487A", "ciclo": "2025-2026",
                                   "claves": ["a/dos", "a/uno"], "suma": None}]
    assert {e["clave"]: e["en_totales"] for e in datos["escuelas"]} == {
        "a/dos": False, "a/uno": False, "b": True}
    assert (datos["agregados"]["escuelas"], datos["agregados"]["rutas"]) == (1, 1)
    texto = " ".join(_zona(invocar, tmp_path / "zona").stdout.split())
    assert ("21DPR0487A, ciclo 2025-2026: a/dos y a/uno. No suma ninguna: ninguna carpeta lleva "
            "la CCT, o la llevan varias, así que no se sabe cuál es la de la escuela.") in texto
    assert texto.startswith("Zona · 2 escuelas del ciclo 2025-2026 (3 Rutas; 2 repiten la CCT de "
                            "otra del mismo ciclo y no suman: ver «Rutas del mismo ciclo con la "
                            "misma CCT») al 27 mar 2026")


def test_codigos_de_salida_como_dice_la_ayuda(invocar, zona_limpia, tmp_path):
    # Sin errores: 0, también el informe.
    assert _zona(invocar, zona_limpia).exit_code == 0
    assert invocar(["informe", "-t", "zona", str(zona_limpia), "--fecha", FECHA],
                   limite=200).exit_code == 0
    # Un archivo mal escrito (error de validación): 1; el informe se hace y sale con 1, salvo
    # con --con-errores.
    roto = zona_limpia / "escuelas" / "21DPR0487A" / "2025-2026" / "metas.yaml"
    roto.write_text("metas: [\n", encoding="utf-8")
    assert _zona(invocar, zona_limpia).exit_code == 1
    r = invocar(["informe", "-t", "zona", str(zona_limpia), "--fecha", FECHA], limite=200)
    assert (r.exit_code, r.stderr) == (1, "ruta: 1 Ruta de la zona tiene errores de validación "
                                          "(el informe lo dice): sale con 1. Corrígelo (`ruta "
                                          "zona` dice dónde) o usa --con-errores para que salga "
                                          "con 0.\n")
    assert r.stdout.startswith("<!-- Generado con «ruta informe»")
    assert invocar(["informe", "-t", "zona", str(zona_limpia), "--fecha", FECHA,
                    "--con-errores"], limite=200).exit_code == 0
    # Un archivo que no se puede abrir (una carpeta en su lugar): 2.
    roto.unlink()
    roto.mkdir()
    assert _zona(invocar, zona_limpia).exit_code == 2
    ayuda = " ".join(invocar(["zona", "--help"]).stdout.split())
    for frase in ("1 si alguna Ruta tiene errores de validación", "2 si el uso es incorrecto",
                  "o un archivo de alguna Ruta no se puede abrir (sin permiso de lectura, una "
                  "carpeta en su lugar)"):
        assert re.sub(r"[│ ]+", " ", frase) in re.sub(r"[│ ]+", " ", ayuda), frase
