"""``ruta zona``: una fila por escuela, en orden de atención, a 80 columnas, JSON y CSV.

Las zonas son los ejemplos (tres marcos), una Ruta con ``ruta.yaml`` ilegible, una con
``metas.yaml`` roto y una con datos personales sembrados (``tests/zona/conftest.py``).
"""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from pathlib import Path

import pytest

from rutamejora.formato import cargar
from rutamejora.vistas import avance_de_metas

from .conftest import CON_DATOS, EJEMPLOS, FECHA, ILEGIBLE, ROTA

HOY = date.fromisoformat(FECHA)
ORDEN = [CON_DATOS, ROTA, "escuelas/15EES0527T/2024-2026", "escuelas/21DPR0487A/2025-2026",
         "escuelas/29DPR0418X/2025-2026", "escuelas/31DJN0152E/2025-2026",
         "escuelas/32ETV0087I/2025-2026"]


def _zona(invocar, *args):
    return invocar(["zona", *map(str, args)], limite=120)


def _json(invocar, *args) -> tuple[int, dict]:
    r = _zona(invocar, *args, "--fecha", FECHA, "--formato", "json")
    return r.exit_code, json.loads(r.stdout)


def test_una_fila_por_escuela_en_orden_de_atencion(invocar, zona_ejemplos):
    codigo, datos = _json(invocar, zona_ejemplos)
    assert codigo == 1                      # hay Rutas con errores y una ilegible
    assert datos["version_esquema"] == 3 and datos["vista"] == "zona"
    assert datos["ciclo"] == "2025-2026" and datos["otros_ciclos"] == []
    assert datos["fecha"] == FECHA and datos["orden"] == "necesita_atencion"
    assert [e["clave"] for e in datos["escuelas"]] == [ILEGIBLE] + ORDEN


def test_la_ruta_ilegible_es_una_fila_que_lo_dice(invocar, zona_ejemplos):
    _, datos = _json(invocar, zona_ejemplos)
    ilegible = datos["escuelas"][0]
    assert ilegible["legible"] is False
    assert ilegible["motivo"] == "no se pudo leer ruta.yaml; revísala con `ruta validar`"
    assert ilegible["archivos_ilegibles"] == ["ruta.yaml"]
    rota = datos["escuelas"][2]
    assert rota["legible"] is True and rota["archivos_ilegibles"] == ["metas.yaml"]
    # Sin metas.yaml no se sabe el estado de sus metas: null, no ceros.
    assert rota["metas"] is None
    assert rota["desconocidas"] == ["metas", "grupos_metas"]
    assert rota["acciones_vencidas"] == 0 and rota["archivos_faltantes"] == []
    assert rota["pendientes"][0]["id"] == "RM001"


@pytest.mark.parametrize("ejemplo, clave", [
    ("primaria-2025-2026", "escuelas/21DPR0487A/2025-2026"),
    ("pmc-primaria-2025-2026", "escuelas/29DPR0418X/2025-2026"),
    ("pemc-secundaria-2024-2026", "escuelas/15EES0527T/2024-2026"),
])
def test_las_metas_son_las_de_avance_meta(invocar, zona_limpia, ejemplo, clave):
    ruta, _ = cargar(EJEMPLOS / ejemplo, HOY)
    esperado = dict.fromkeys(["lograda", "no_lograda", "en_camino", "en_riesgo", "sin_datos"], 0)
    for avance in avance_de_metas(ruta, HOY):
        esperado[avance.estado] += 1
    _, datos = _json(invocar, zona_limpia)
    fila = next(e for e in datos["escuelas"] if e["clave"] == clave)
    assert fila["metas"] == esperado


def test_la_fila_de_la_primaria_de_ejemplo(invocar, zona_limpia):
    _, datos = _json(invocar, zona_limpia)
    fila = next(e for e in datos["escuelas"] if e["clave"] == "escuelas/21DPR0487A/2025-2026")
    assert {k: fila[k] for k in ("cct", "nombre", "nivel", "marco", "ciclo", "errores",
                                 "acciones", "acciones_vencidas", "ultima_bitacora")} == {
        "cct": "21DPR0487A", "nombre": "Carmen Serdán Alatriste", "nivel": "primaria",
        "marco": "rme-2014", "ciclo": "2025-2026", "errores": 0, "acciones": 19,
        "acciones_vencidas": 0, "ultima_bitacora": "2026-03-27"}
    assert fila["sesiones"] == {"registradas": 6, "celebradas": 6, "del_ciclo": 8}
    assert fila["dinero"] == {"presupuesto": "87000.00", "planeado": "76100.00",
                              "ejercido": "66550.00"}
    pemc = next(e for e in datos["escuelas"] if e["marco"] == "pemc-2019")
    assert pemc["ciclos"] == ["2024-2025", "2025-2026"]
    assert pemc["sesiones"] == {"registradas": 3, "celebradas": 6, "del_ciclo": 8}


def test_sin_errores_sale_con_cero(invocar, zona_limpia):
    r = _zona(invocar, zona_limpia, "--fecha", FECHA)
    assert r.exit_code == 0, r.output


def test_texto_cabe_en_80_columnas_y_dice_que_columnas_caen(invocar, zona_ejemplos, monkeypatch):
    monkeypatch.setenv("COLUMNS", "80")
    r = _zona(invocar, zona_ejemplos, "--fecha", FECHA)
    lineas = r.stdout.splitlines()
    assert max(len(l) for l in lineas) <= 80
    assert lineas[0] == "Zona · 8 escuelas del ciclo 2025-2026 al 27 mar 2026"
    assert lineas[3] == ("CCT        Escuela            Ciclo     Err/Av L/N/C/R/S Venc. "
                         "Bitácora     Ses.")
    assert lineas[5:7] == [f"—          {ILEGIBLE}: no se pudo leer ruta.yaml; revísala con",
                           "           `ruta validar`"]
    assert lineas[10] == ("21DPR0487A Carmen Serdán Ala… 2025-2026    0/0 1/0/4/4/0     0 "
                         "27 mar 2026   6/6")
    texto = " ".join(r.stdout.split())
    assert ("No caben en 80 columnas: Nivel, Marco, Ejercido/presup. (están en --formato json y "
            "csv).") in texto
    assert ("Rutas con archivos que faltan o no se pudieron leer (lo que sale de ellos no se sabe: "
            f"«?», y no suma): {ROTA}: metas.yaml no se pudo leer; no se sabe: el estado de las "
            "metas y las metas por prioridad o ámbito.") in texto
    assert ("No suman aquí, porque un archivo del que salen falta o no se pudo leer: el estado de "
            f"las metas de {ROTA}; las metas por prioridad o ámbito de {ROTA}.") in texto
    (renglon,) = [l for l in lineas if l.startswith("21DPR9999J")]
    assert " ".join(renglon.split()) == "21DPR9999J Rota 2025-2026 1/0 ? 0 27 mar 2026 6/6"


@pytest.mark.parametrize("ancho, titulos", [
    (140, "CCT Escuela Nivel Marco Ciclo Err/Av L/N/C/R/S Venc. Bitácora Ses. Ejercido/presup."),
    (100, "CCT Escuela Ciclo Err/Av L/N/C/R/S Venc. Bitácora Ses. Ejercido/presup."),
    (60, "CCT Escuela Err/Av L/N/C/R/S Venc. Ses."),
])
def test_las_columnas_caen_en_el_orden_dicho(invocar, zona_limpia, monkeypatch, ancho, titulos):
    monkeypatch.setenv("COLUMNS", str(ancho))
    r = _zona(invocar, zona_limpia, "--fecha", FECHA)
    lineas = r.stdout.splitlines()
    assert " ".join(next(l for l in lineas if l.startswith("CCT")).split()) == titulos
    assert max(len(l) for l in lineas) <= ancho


def test_csv_una_fila_por_escuela(invocar, zona_ejemplos):
    r = _zona(invocar, zona_ejemplos, "--fecha", FECHA, "--formato", "csv")
    filas = list(csv.DictReader(io.StringIO(r.stdout)))
    assert [f["clave"] for f in filas] == [ILEGIBLE] + ORDEN
    primaria = filas[4]
    assert (primaria["cct"], primaria["metas_en_riesgo"], primaria["ejercido"]) == \
        ("21DPR0487A", "4", "66550.00")
    assert filas[0]["legible"] == "no"


def test_ningun_dato_personal_en_ninguna_salida(invocar, zona_ejemplos, datos_sembrados,
                                                monkeypatch):
    monkeypatch.setenv("COLUMNS", "200")
    salidas = [_zona(invocar, zona_ejemplos, "--fecha", FECHA, "--formato", f).stdout
               for f in ("texto", "json", "csv")]
    for salida in salidas:
        for dato in datos_sembrados:
            assert dato.lower() not in salida.lower(), dato
    # Tampoco nombres del personal (solo funciones) ni iniciales de alumnos.
    for salida in salidas:
        assert "Rosa Elena" not in salida and "Méndez Guzmán" not in salida
        assert "[nombre:" not in salida
    datos = json.loads(salidas[1])
    assert datos["escuelas"][1]["pendientes"][0] == {
        "tipo": "error", "id": "RM104", "texto": "Alumnos en riesgo n.º 1: la clave `[nombre]` no existe aquí."}


def test_agregados_entre_escuelas_con_los_tres_marcos(invocar, zona_limpia):
    _, datos = _json(invocar, zona_limpia)
    a = datos["agregados"]
    assert (a["escuelas"], a["legibles"]) == (5, 5)
    assert a["marcos"] == [{"marco": "Ruta de mejora escolar", "escuelas": 3},
                           {"marco": "PEMC", "escuelas": 1}, {"marco": "PMC", "escuelas": 1}]
    nombres = [g["nombre"] for g in a["grupos"]]
    assert nombres[0] == "Prioridad (rme-2014): Mejora de los aprendizajes"
    assert "Ámbito (PEMC): Participación de la comunidad" in nombres
    assert "Ámbito (PMC): Participación de la comunidad" in nombres
    mejora = a["grupos"][0]
    assert (mejora["escuelas"], mejora["metas"]) == (3, 9)
    # Las metas de la zona son la suma de las de cada escuela.
    assert a["metas"] == {e: sum(f["metas"][e] for f in datos["escuelas"]) for e in a["metas"]}
    riesgo = {r["tipo"]: r["alumnos"] for r in a["alumnos_en_riesgo"]}
    esperado = 0
    for ejemplo in EJEMPLOS.iterdir():
        ruta, _ = cargar(ejemplo, HOY)
        esperado += sum(r.cantidad if r.cantidad is not None else len(r.codigos or [])
                        for r in ruta.diagnostico.alumnos_en_riesgo or []
                        if r.tipo == "no_alcanzar_aprendizajes")
    assert riesgo["no_alcanzar_aprendizajes"] == esperado
    tipos = [r["tipo"] for r in a["responsables"]]
    assert tipos[:2] == ["docentes", "dirección"]
    assert a["dinero"]["presupuesto"] == "234000.00"


def test_una_sola_ruta_muestra_su_fila(invocar, zona_limpia):
    codigo, datos = _json(invocar, zona_limpia / "escuelas" / "21DPR0487A" / "2025-2026")
    assert codigo == 0
    assert [e["clave"] for e in datos["escuelas"]] == ["2025-2026"]
    assert datos["escuelas"][0]["cct"] == "21DPR0487A"


def test_uno_o_varios_procesos_dan_lo_mismo(invocar, zona_ejemplos):
    uno = _zona(invocar, zona_ejemplos, "--fecha", FECHA, "-f", "json", "--procesos", "1").stdout
    dos = _zona(invocar, zona_ejemplos, "--fecha", FECHA, "-f", "json", "--procesos", "2").stdout
    assert uno == dos


def test_una_falla_al_leer_una_ruta_es_su_fila(invocar, zona_limpia, monkeypatch):
    import rutamejora.reglas as reglas

    original = reglas.validar

    def validar(carpeta, *args, **kw):
        if carpeta.parent.name == "31DJN0152E":
            raise RuntimeError("falla")
        return original(carpeta, *args, **kw)

    monkeypatch.setattr(reglas, "validar", validar, raising=False)
    codigo, datos = _json(invocar, zona_limpia, "--procesos", "1")
    assert codigo == 1
    assert datos["escuelas"][0] == {**datos["escuelas"][0], "clave": "escuelas/31DJN0152E/2025-2026",
                                    "legible": False,
                                    "motivo": "no se pudo leer (error interno: RuntimeError); "
                                              "revísala con `ruta validar`"}


@pytest.mark.parametrize("args, mensaje", [
    (["no-existe"], "ruta: la carpeta no-existe no existe.\n"),
    (["--procesos", "0"], "«0» no es un número de procesos"),
])
def test_errores_de_uso_salen_con_2(invocar, zona_limpia, monkeypatch, args, mensaje):
    monkeypatch.chdir(zona_limpia)
    r = _zona(invocar, *args)
    assert r.exit_code == 2
    assert mensaje in r.stderr


def test_un_zona_yaml_mal_escrito_sale_con_2(invocar, zona_limpia):
    (zona_limpia / "zona.yaml").write_text("escuela: []\n", encoding="utf-8")
    r = _zona(invocar, zona_limpia)
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: {zona_limpia / 'zona.yaml'}:1: la clave `escuela` no es de "
                        "zona.yaml: ¿quisiste decir `escuelas`?\n")


def test_zona_yaml_da_el_encabezado(invocar, zona_limpia, monkeypatch):
    (zona_limpia / "zona.yaml").write_text(
        "nombre: Zona escolar 045\nnumero: 45\nsector: 12\nnivel: primaria\n"
        "escuelas: [escuelas/21DPR0487A, escuelas/29DPR0418X]\n", encoding="utf-8")
    monkeypatch.setenv("COLUMNS", "80")
    r = _zona(invocar, zona_limpia, "--fecha", FECHA)
    assert r.stdout.splitlines()[:2] == ["Zona escolar 045 · número 45 · sector 12 · primaria · "
                                         "2 escuelas del ciclo", "2025-2026 al 27 mar 2026"]
    codigo, datos = _json(invocar, zona_limpia)
    assert datos["zona"] == {"nombre": "Zona escolar 045", "numero": "45", "sector": "12",
                             "nivel": "primaria"}


def test_zona_yaml_como_argumento(invocar, zona_limpia, monkeypatch):
    (zona_limpia / "zona.yaml").write_text(
        "nombre: Zona escolar 045\nescuelas:\n  - escuelas/21DPR0487A\n", encoding="utf-8")
    monkeypatch.chdir(zona_limpia)
    r = _zona(invocar, "zona.yaml", "--fecha", FECHA)
    assert r.exit_code == 0, r.output
    assert r.stdout.splitlines()[0].startswith("Zona escolar 045")
    assert "1 escuela" in r.stdout


def test_un_archivo_cualquiera_es_error_de_uso(invocar, zona_limpia, monkeypatch):
    (zona_limpia / "notas.txt").write_text("hola\n", encoding="utf-8")
    monkeypatch.chdir(zona_limpia)
    r = _zona(invocar, "notas.txt", "--fecha", FECHA)
    assert r.exit_code == 2
    assert r.stderr == ("ruta: notas.txt es un archivo, no una carpeta ni un zona.yaml. Da la "
                        "carpeta de la zona (la de su zona.yaml), el zona.yaml mismo o las "
                        "carpetas de las escuelas.\n")


def test_los_datos_de_zona_yaml_sin_datos_personales(invocar, zona_limpia):
    (zona_limpia / "zona.yaml").write_text(
        "nombre: Zona escolar Carmen Serdán tel 222 765 4321\nnumero: '45 TAHX150312MPLLRMA4'\n"
        "escuelas:\n  - escuelas/21DPR0487A\n", encoding="utf-8")
    r = _zona(invocar, zona_limpia, "--fecha", FECHA)
    assert r.stdout.splitlines()[0].startswith(
        "Zona escolar Carmen Serdán tel [teléfono] · número 45 [CURP] · 1 escuela")
    codigo, datos = _json(invocar, zona_limpia)
    assert datos["zona"] == {"nombre": "Zona escolar Carmen Serdán tel [teléfono]",
                             "numero": "45 [CURP]", "sector": None, "nivel": None}
    assert "765 4321" not in r.stdout and "TAHX150312" not in json.dumps(datos)
