"""Las vistas de seguimiento en la terminal: resumen, avance, pendientes y calendario.

Se corren con CliRunner sobre el ejemplo completo con fechas fijas (a medio ciclo, 2026-01-15,
y al cierre, 2026-07-15), a 80 columnas y sin terminal: la salida es reproducible.
"""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"
MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
runner = CliRunner()
VISTAS = ("resumen", "avance", "pendientes", "calendario")
ENCABEZADO = [
    'Escuela Primaria "Carmen Serdán Alatriste"',
    "CCT 21DPR0487A · primaria, turno matutino · Atlixco, Puebla",
    "Ciclo 2025-2026 · marco rme-2014 (Ruta de mejora escolar)",
    "",
]


def correr(*args: str, columnas: int = 80, **env):
    return runner.invoke(app, list(args), env={"COLUMNS": str(columnas), **env})


def lineas(resultado) -> list[str]:
    """Las líneas de la salida estándar, sin los espacios con que Rich rellena a lo ancho."""
    return [l.rstrip() for l in resultado.stdout.splitlines()]


def json_de(*args: str) -> dict:
    r = correr(*args, "--formato", "json")
    assert r.exit_code == 0, r.output
    return json.loads(r.stdout)


# --- Lo común a las cuatro vistas -----------------------------------------------------------------


@pytest.mark.parametrize("vista", VISTAS)
@pytest.mark.parametrize("fecha", ["2026-01-15", "2026-07-15"])
def test_caben_en_80_columnas_sin_escapes(vista, fecha):
    r = correr(vista, str(EJEMPLO), "--fecha", fecha)
    assert r.exit_code == 0, r.output
    assert "\033[" not in r.stdout
    largas = [l for l in r.stdout.splitlines() if len(l) > 80]
    assert largas == []
    assert lineas(r)[:4] == ENCABEZADO


@pytest.mark.parametrize("vista", VISTAS)
def test_se_adaptan_al_ancho(vista):
    r = correr(vista, str(EJEMPLO), "--fecha", "2026-01-15", columnas=120)
    assert max(len(l) for l in r.stdout.splitlines()) > 80
    assert all(len(l) <= 120 for l in r.stdout.splitlines())


@pytest.mark.parametrize("vista", VISTAS)
def test_no_color_aun_en_una_terminal(vista, monkeypatch):
    from rutamejora.nucleo import terminal as consola

    monkeypatch.setattr(consola, "usar_color", lambda archivo=None: False)
    r = correr(vista, str(EJEMPLO), "--fecha", "2026-01-15", NO_COLOR="1")
    assert "\033[" not in r.stdout


def test_el_color_es_solo_para_terminales(monkeypatch):
    from rutamejora.nucleo import terminal as consola

    class Terminal:
        def isatty(self):
            return True

    monkeypatch.delenv("NO_COLOR", raising=False)
    assert consola.usar_color(Terminal()) is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert consola.usar_color(Terminal()) is False


@pytest.mark.parametrize("vista", VISTAS)
def test_json_cabecera_comun_con_version(vista):
    datos = json_de(vista, str(EJEMPLO), "--fecha", "2026-01-15")
    assert {k: datos[k] for k in ("version", "vista", "fecha", "ciclo", "marco")} == {
        "version": 1, "vista": vista, "fecha": "2026-01-15", "ciclo": "2025-2026", "marco": "rme-2014"}
    assert datos["escuela"] == {"nombre": 'Escuela Primaria "Carmen Serdán Alatriste"', "cct": "21DPR0487A",
                                "nivel": "primaria", "turno": "matutino", "municipio": "Atlixco",
                                "entidad": "Puebla"}
    assert datos["herramienta"].startswith("ruta ")


@pytest.mark.parametrize("vista", VISTAS)
def test_carpeta_sin_ruta_es_error_de_uso(vista, tmp_path):
    r = correr(vista, str(tmp_path))
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: la carpeta {tmp_path} no contiene una Ruta: ni ella ni sus "
                        "subcarpetas tienen un ruta.yaml. Indica la carpeta de la Ruta (p. ej. "
                        "escuelas/<CCT>/<ciclo>) o crea una con `ruta nueva CARPETA`.\n")


@pytest.mark.parametrize("vista", VISTAS)
def test_fecha_invalida_es_error_de_uso(vista):
    r = correr(vista, str(EJEMPLO), "--fecha", "2026-02-30")
    assert r.exit_code == 2
    assert "2026-02-30: febrero de 2026 no tiene día 30 (tiene 28 días)." in \
        " ".join(r.output.replace("│", " ").split())


@pytest.mark.parametrize("vista", ["resumen", "avance", "pendientes", "calendario"])
def test_varias_rutas_piden_una_y_apuntan_a_ruta_zona(tmp_path, vista):
    for ciclo in ("2024-2025", "2025-2026"):
        shutil.copytree(MINIMA, tmp_path / "escuelas" / "21DPR0123T" / ciclo)
    r = correr(vista, str(tmp_path))
    assert r.exit_code == 2
    escuela = tmp_path / "escuelas" / "21DPR0123T"
    assert r.stderr == (f"ruta: la carpeta {tmp_path} tiene 2 Rutas; indica una:\n"
                        f"  {escuela / '2024-2025'}\n  {escuela / '2025-2026'}\n"
                        f"Para verlas todas juntas, una escuela por renglón: ruta zona {tmp_path}\n")


def test_una_ruta_con_errores_se_muestra_y_avisa(tmp_path):
    destino = tmp_path / "r"
    shutil.copytree(MINIMA, destino)
    objetivos = destino / "objetivos.yaml"
    objetivos.write_text(objetivos.read_text(encoding="utf-8").replace("prioridad: P1", "prioridad: P9"),
                         encoding="utf-8")
    r = correr("resumen", str(destino), "--fecha", "2025-10-01")
    assert r.exit_code == 0
    assert r.stderr == ("ruta: la Ruta tiene 1 error: lo que esta vista muestra puede no ser exacto "
                        "hasta que los corrijas. Revísalos con `ruta validar`.\n")


def test_una_ruta_con_un_archivo_ilegible_dice_cual_no_aparece(tmp_path):
    destino = tmp_path / "r"
    shutil.copytree(MINIMA, destino)
    (destino / "metas.yaml").write_text("metas: [\n", encoding="utf-8")
    r = correr("resumen", str(destino), "--fecha", "2025-10-01")
    assert r.exit_code == 0
    assert r.stderr.startswith("ruta: la Ruta tiene ")
    assert r.stderr.endswith(" metas.yaml no se pudo leer y lo que tiene no aparece aquí. Revísalos "
                             "con `ruta validar`.\n")


def test_la_vista_no_escribe_nada(huellas):
    antes = huellas(EJEMPLO)
    for vista in VISTAS:
        correr(vista, str(EJEMPLO), "--fecha", "2026-01-15")
    assert huellas(EJEMPLO) == antes


# --- ruta resumen -----------------------------------------------------------------------------------


def test_resumen_texto_a_medio_ciclo():
    r = correr("resumen", str(EJEMPLO), "--fecha", "2026-01-15")
    assert r.exit_code == 0
    salida = lineas(r)
    assert salida[4:10] == [
        "Resumen de la Ruta al 15 de enero de 2026",
        "",
        "3 prioridades · 5 objetivos · 9 metas · 19 acciones",
        "Metas: 2 en camino · 7 en riesgo",
        "Acciones: 2 realizadas · 15 en curso · 1 reprogramada · 1 sin registro",
        "",
    ]
    assert salida[10] == "Prioridades → objetivos → metas → acciones"
    assert salida[11] == "├── P1  Mejora de los aprendizajes: Mejorar la lectura, la escritura y el cálcu…"
    assert "│   │   ├── M1  Aumentar de 46 % a 60 % los alumnos de 3° a 6° que al… en riesgo" in salida
    assert "│   │   │   ├── A1  Lectura diaria de 20 minutos al iniciar la jo… en curso 10 %" in salida
    assert "│       │   └── A7  Adquirir material concreto de matemáticas p… realizada 100 %" in salida
    assert "    │       └── A17 Taller para familias en tres sesiones, \"Ac… reprogramada 0 %" in salida
    # Cada acción una vez, bajo la primera meta a la que sirve.
    assert sum(1 for l in salida if re.search(r"── A19 ", l)) == 1


@pytest.mark.parametrize("fecha, aviso", [
    ("2026-07-15", None),                                       # el último día de clases
    ("2026-07-16", "El ciclo 2025-2026 terminó el 15 de julio de 2026."),
    ("2026-09-30", "El ciclo 2025-2026 terminó el 15 de julio de 2026."),
])
def test_resumen_dice_si_el_ciclo_ya_termino(fecha, aviso):
    r = correr("resumen", str(EJEMPLO), "--fecha", fecha)
    assert r.exit_code == 0
    titulo = lineas(r)[4:7]
    assert titulo[1:] == ([aviso, ""] if aviso else ["", "3 prioridades · 5 objetivos · 9 metas · 19 acciones"])
    datos = json_de("resumen", str(EJEMPLO), "--fecha", fecha)
    assert datos["clases_terminaron"] == ("2026-07-15" if aviso else None)


def test_resumen_del_ciclo_terminado_con_el_calendario_de_la_ruta(tmp_path):
    """El fin de clases es el del calendario que la Ruta escribe, si lo escribe."""
    destino = tmp_path / "ruta"
    shutil.copytree(EJEMPLO, destino)
    ruta = destino / "ruta.yaml"
    ruta.write_text(ruta.read_text(encoding="utf-8") + "\ncalendario:\n  fin_clases: 2026-07-03\n",
                    encoding="utf-8")
    r = correr("resumen", str(destino), "--fecha", "2026-07-10")
    assert r.exit_code == 0, r.output
    assert lineas(r)[5] == "El ciclo 2025-2026 terminó el 3 de julio de 2026."


def test_resumen_tabla_de_dinero():
    salida = lineas(correr("resumen", str(EJEMPLO), "--fecha", "2026-07-15"))
    inicio = salida.index("Dinero (pesos)")
    assert salida[inicio + 1:inicio + 13] == [
        " Fuente            Previsto     Recibido     Planeado     Ejercido        Saldo",
        "─" * 80,
        " F1 Programa …   $55,000.00   $55,000.00   $52,500.00   $52,030.00    $2,970.00",
        " F2 Cuotas vo…   $18,000.00   $14,800.00   $10,400.00   $10,190.00    $4,610.00",
        " F3 Apoyo del…   $14,000.00   $10,000.00   $13,200.00    $6,330.00    $3,670.00",
        "─" * 80,
        " Total           $87,000.00   $79,800.00   $76,100.00   $68,550.00   $11,250.00",
        "F1  Programa La Escuela es Nuestra (administrado por el CEAP)",
        "F2  Cuotas voluntarias de la Asociación de Padres de Familia",
        "F3  Apoyo del Ayuntamiento de Atlixco (Regiduría de Educación)",
        "Saldo = lo recibido − lo ejercido (una fuente sin ingresos recibió $0).",
    ][:12]


def test_resumen_json():
    datos = json_de("resumen", str(EJEMPLO), "--fecha", "2026-01-15")
    assert list(datos) == ["version", "vista", "herramienta", "fecha", "carpeta", "escuela", "ciclo",
                           "marco", "clases_terminaron", "conteos", "prioridades", "acciones", "dinero"]
    assert datos["clases_terminaron"] is None
    assert datos["conteos"] == {
        "prioridades": 3, "objetivos": 5, "metas": 9, "acciones": 19,
        "metas_por_estado": {"lograda": 0, "en_camino": 2, "en_riesgo": 7, "sin_datos": 0, "no_lograda": 0},
        "acciones_por_estado": {"pendiente": 0, "en_curso": 15, "realizada": 2, "reprogramada": 1,
                                "cancelada": 0, "sin_registro": 1}}
    p3 = datos["prioridades"][2]
    assert (p3["id"], p3["prioridad"], p3["nombre"]) == ("P3", "convivencia-escolar", "Convivencia escolar")
    assert [(o["id"], [(m["id"], m["estado"], m["acciones"]) for m in o["metas"]]) for o in p3["objetivos"]] == [
        ("O4", [("M8", "en_camino", ["A15", "A16", "A17", "A19"])]),
        ("O5", [("M9", "en_riesgo", ["A4", "A17", "A18", "A19"])])]
    a17 = next(a for a in datos["acciones"] if a["id"] == "A17")
    assert a17 == {"id": "A17", "actividad": a17["actividad"], "metas": ["M8", "M9"], "estado": "reprogramada",
                   "avance": 0, "inicio": "2026-02-09", "fin": "2026-02-27", "reprogramada": True,
                   "vencida": False, "costo": "1200.00", "gasto": "0.00", "fuente": "F3",
                   "ultimo_registro": "2025-10-31"}
    assert datos["dinero"]["sin_fuente"] is None
    assert datos["dinero"]["total"] == {"id": None, "nombre": "Total", "previsto": "87000.00",
                                        "recibido": "66800.00", "planeado": "76100.00",
                                        "ejercido": "45750.00", "saldo": "21050.00"}
    assert datos["dinero"]["fuentes"][1] == {
        "id": "F2", "nombre": "Cuotas voluntarias de la Asociación de Padres de Familia",
        "previsto": "18000.00", "recibido": "6800.00", "planeado": "10400.00", "ejercido": "3770.00",
        "saldo": "3030.00"}


# --- ruta avance ------------------------------------------------------------------------------------


def test_avance_texto_a_medio_ciclo():
    salida = lineas(correr("avance", str(EJEMPLO), "--fecha", "2026-01-15"))
    assert salida[4:6] == ["Avance de las metas al 15 de enero de 2026", ""]
    m6 = salida.index("M6  Alumnos que llegan puntualmente (a las 8:00 o antes)               en camino")
    assert salida[m6 + 1:m6 + 3] == [
        "    línea base 86 → 91 (28 nov 2025) → meta 95 %, para el 29 may 2026",
        "    " + "█" * 22 + "░" * 17 + "   56 % del camino ·  50 % del tiempo",
    ]
    m1 = salida.index("M1  Alumnos de 3° a 6° en nivel esperado de comprensión lectora        en riesgo")
    assert salida[m1 + 2] == "    " + "░" * 39 + "   -7 % del camino ·  47 % del tiempo"
    assert "9 metas: 2 en camino · 7 en riesgo" in salida


def test_avance_texto_al_cierre():
    salida = lineas(correr("avance", str(EJEMPLO), "--fecha", "2026-07-15"))
    assert "M1  Alumnos de 3° a 6° en nivel esperado de comprensión lectora       no lograda" in salida
    # Cuenta lo medido hasta la fecha límite: la evaluación final (10 jul) ya no cambia nada.
    assert "    línea base 46 → 57 (19 jun 2026) → meta 60 %, para el 19 jun 2026" in salida
    assert "    línea base 52 → 30 (29 may 2026) → meta 30 alumnos, para el 29 may 2026" in salida
    assert "9 metas: 8 logradas · 1 no lograda" in salida


def test_avance_sin_datos_antes_de_medir():
    salida = lineas(correr("avance", str(EJEMPLO), "--fecha", "2025-09-01"))
    assert "    línea base 46 → — → meta 60 %, para el 19 jun 2026" in salida
    assert "9 metas: 9 sin datos" in salida


def test_avance_json():
    datos = json_de("avance", str(EJEMPLO), "--fecha", "2026-01-15")
    assert datos["tolerancia"] == 0.8
    assert datos["conteo"] == {"lograda": 0, "en_camino": 2, "en_riesgo": 7, "sin_datos": 0, "no_lograda": 0}
    m6 = datos["metas"][5]
    assert m6 == {
        "id": "M6", "objetivo": "O3", "descripcion": m6["descripcion"],
        "indicador": {"nombre": "Alumnos que llegan puntualmente (a las 8:00 o antes)", "unidad": "porcentaje"},
        "sentido": "aumentar", "linea_base": 86, "valor_meta": 95, "fecha_limite": "2026-05-29",
        "ultimo": {"valor": 91, "fecha": "2025-11-28"}, "recorrido": 0.5556, "tiempo": 0.5037,
        "estado": "en_camino", "final": False, "sin_medicion": False,
        "mediciones": [{"fecha": "2025-09-26", "valor": 87.5, "fuente": "Registro de entrada de septiembre"},
                       {"fecha": "2025-10-31", "valor": 90.2, "fuente": "Registro de entrada de octubre"},
                       {"fecha": "2025-11-28", "valor": 91, "fuente": "Registro de entrada de noviembre"}]}
    assert [m["estado"] for m in json_de("avance", str(EJEMPLO), "--fecha", "2026-07-15")["metas"]] == [
        "no_lograda"] + ["lograda"] * 8


# --- ruta pendientes ----------------------------------------------------------------------------------


def test_pendientes_texto_a_medio_ciclo():
    salida = lineas(correr("pendientes", str(EJEMPLO), "--fecha", "2026-01-15"))
    assert salida[4:13] == [
        "Pendientes para la sesión 4 del CTE (vie 30 de enero de 2026)",
        "Al 15 de enero de 2026 · última sesión: la 3 (28 nov 2025)",
        "",
        "Acciones que terminan de aquí a la sesión 4 — 1",
        "A8  Equipar la biblioteca escolar con estantería, dos mesas de lectura y 150 tí…",
        "    termina el 30 ene 2026; en curso, 60 %",
        "",
        "Metas en riesgo: revisar sus acciones — 7",
        "M3  Reducir de 44 a 25 los alumnos de 2° a 6° que el SisAT señala con necesidad…",
    ]
    assert salida[13:15] == ["    0 % del camino y 50 % del tiempo; última medición: 26 sep 2025",
                             "M4  Reducir de 52 a 30 los alumnos de 2° a 6° que el SisAT señala con necesidad…"]
    assert "Acciones sin registro desde la sesión 3 (28 nov 2025) — 12" in salida
    assert "    último registro: 26 sep 2025; en curso, 10 %" in salida
    assert salida[-1] == "20 pendientes, de lo más urgente a lo menos."


def test_pendientes_ordenados_por_urgencia_con_avisos(tmp_path):
    salida = lineas(correr("pendientes", str(MINIMA), "--fecha", "2026-07-01"))
    assert salida[4:] == [
        "Pendientes hasta el fin de clases (15 de julio de 2026)",
        "Al 1 de julio de 2026 · última sesión: la 8 (26 jun 2026)",
        "Ya no quedan sesiones ordinarias en el ciclo.",
        "",
        "Acciones vencidas — 1",
        "A1  Círculo de lectura diario de 20 minutos",
        "    terminaba el 19 jun 2026 (hace 12 días); en curso, 10 %",
        "",
        "Metas vencidas sin medición final (se registra con su fecha límite) — 1",
        "M1  Aumentar de 40 % a 60 % los alumnos de 1° que leen al nivel esperado",
        "    venció el 26 jun 2026; última medición: 26 sep 2025",
        "",
        "Avisos de `ruta validar` — 1",
        "RM406 Faltan en la bitácora las sesiones 2 a 8 (desde el 2025-10-31).",
        "      bitacora.yaml:1",
        "",
        "3 pendientes, de lo más urgente a lo menos.",
    ]


def test_pendientes_al_cierre_nada():
    salida = lineas(correr("pendientes", str(EJEMPLO), "--fecha", "2026-07-15"))
    assert salida[-1] == "Nada pendiente: todo lo que vence está registrado y las metas tienen datos."


def test_pendientes_hasta_sesion():
    salida = lineas(correr("pendientes", str(EJEMPLO), "--fecha", "2026-01-15", "--hasta-sesion", "5"))
    assert salida[4] == "Pendientes hasta la sesión 5 del CTE (vie 27 de febrero de 2026)"
    assert "Acciones que terminan de aquí a la sesión 5 — 3" in salida
    assert "A9  Tres sesiones de asesoría del ATP de la zona con el colectivo sobre el trab…" in salida


@pytest.mark.parametrize("valor,mensaje", [
    ("2", "ruta: --hasta-sesion: la sesión 2 (31 oct 2025) ya pasó. La próxima es la 4 (30 ene 2026).\n"),
    ("9", "ruta: --hasta-sesion: no existe la sesión 9: el calendario del ciclo tiene 8 sesiones "
          "ordinarias (1 a 8).\n"),
    ("cuatro", "ruta: --hasta-sesion: «cuatro» no es un número de sesión (1, 2, …).\n"),
])
def test_pendientes_hasta_sesion_invalida(valor, mensaje):
    r = correr("pendientes", str(EJEMPLO), "--fecha", "2026-01-15", "--hasta-sesion", valor)
    assert r.exit_code == 2
    assert r.stderr == mensaje
    assert r.stdout == ""


def test_pendientes_json():
    datos = json_de("pendientes", str(MINIMA), "--fecha", "2026-07-01")
    assert {k: datos[k] for k in ("sesion_anterior", "proxima_sesion", "hasta", "hasta_sesion")} == {
        "sesion_anterior": {"numero": 8, "fecha": "2026-06-26"}, "proxima_sesion": None,
        "hasta": "2026-07-15", "hasta_sesion": None}
    assert datos["pendientes"] == [
        {"tipo": "accion_vencida", "urgencia": 2, "id": "A1", "texto": "Círculo de lectura diario de 20 minutos",
         "fecha": "2026-06-19", "detalle": "terminaba el 19 jun 2026 (hace 12 días); en curso, 10 %",
         "estado": "en_curso", "archivo": None, "linea": None},
        {"tipo": "meta_vencida", "urgencia": 3, "id": "M1",
         "texto": "Aumentar de 40 % a 60 % los alumnos de 1° que leen al nivel esperado",
         "fecha": "2026-06-26", "detalle": "venció el 26 jun 2026; última medición: 26 sep 2025",
         "estado": "no_lograda", "archivo": None, "linea": None},
        {"tipo": "aviso", "urgencia": 9, "id": "RM406",
         "texto": "Faltan en la bitácora las sesiones 2 a 8 (desde el 2025-10-31).",
         "fecha": None,
         "detalle": "bitacora.yaml:1", "estado": None, "archivo": "bitacora.yaml", "linea": 1}]
    medio = json_de("pendientes", str(EJEMPLO), "--fecha", "2026-01-15")
    assert medio["hasta_sesion"] == medio["proxima_sesion"] == {"numero": 4, "fecha": "2026-01-30"}
    assert [(p["tipo"], p["urgencia"], p["id"]) for p in medio["pendientes"]][:9] == [
        ("accion_por_vencer", 4, "A8"), ("meta_en_riesgo", 6, "M3"), ("meta_en_riesgo", 6, "M4"),
        ("meta_en_riesgo", 6, "M2"), ("meta_en_riesgo", 6, "M1"), ("meta_en_riesgo", 6, "M7"),
        ("meta_en_riesgo", 6, "M9"), ("meta_en_riesgo", 6, "M5"), ("accion_sin_registro", 8, "A1")]
    m3 = medio["pendientes"][1]
    assert (m3["fecha"], m3["estado"], m3["detalle"]) == (
        "2026-05-29", "en_riesgo", "0 % del camino y 50 % del tiempo; última medición: 26 sep 2025")


# --- ruta calendario ----------------------------------------------------------------------------------


def test_calendario_texto():
    salida = lineas(correr("calendario", str(EJEMPLO), "--fecha", "2026-01-15"))
    assert salida[4:10] == [
        "Calendario del ciclo al 15 de enero de 2026",
        "",
        "Agosto 2025",
        "25–29      Fase intensiva del CTE",
        "",
        "Septiembre 2025",
    ]
    enero = salida.index("Enero 2026  ◀ hoy")
    assert salida[enero + 1:enero + 6] == [
        "receso     Vacaciones de invierno (22 dic – 6 ene)",
        "vie 30     Sesión 4 del CTE",
        "inician    A2  Evaluar la comprensión lectora (3° a 6°) y la le… 12 ene – 23 ene",
        "terminan   A8  Equipar la biblioteca escolar con estantería, dos me… hasta el 30",
        "continúan  A1 A3 A4 A6 A9 A11 A12 A13 A14 A15 A18 A19",
    ]
    assert "vie 28     Sesión 3 del CTE  registrada" in salida
    # A17 se reprogramó de noviembre a febrero: aparece con sus fechas nuevas.
    febrero = salida.index("Febrero 2026")
    assert any(l.startswith("           A17 Taller para familias") and l.endswith("9 feb – 27 feb")
               for l in salida[febrero:febrero + 8])
    assert not any("A17" in l for l in salida[salida.index("Noviembre 2025"):salida.index("Diciembre 2025")])
    assert salida[salida.index("Marzo 2026") + 2] == "receso     Vacaciones de primavera (30 mar – 10 abr)"


def test_calendario_marca_canceladas_y_vencidas():
    salida = lineas(correr("calendario", str(EJEMPLO), "--fecha", "2026-07-15"))
    assert any(l.startswith("inician    A10 Visita al museo") and l.endswith("9 mar – 13 mar cancelada")
               for l in salida)


def test_calendario_json():
    datos = json_de("calendario", str(EJEMPLO), "--fecha", "2026-01-15")
    assert datos["calendario"] == {"inicio": "2025-08-25", "inicio_clases": "2025-09-01", "fin": "2026-07-15",
                                   "estimado": False, "origen": "catálogo"}
    assert [m["mes"] for m in datos["meses"]] == [
        "2025-08", "2025-09", "2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03", "2026-04",
        "2026-05", "2026-06", "2026-07"]
    enero = datos["meses"][5]
    assert (enero["nombre"], enero["actual"]) == ("enero 2026", True)
    assert enero["eventos"] == [{"tipo": "sesion", "fecha": "2026-01-30", "fin": None,
                                 "descripcion": "Sesión 4 del CTE", "sesion": 4, "registrada": None}]
    assert enero["recesos"] == [{"nombre": "Vacaciones de invierno", "inicio": "2025-12-22", "fin": "2026-01-06"}]
    a2 = next(a for a in enero["acciones"] if a["id"] == "A2")
    assert a2 == {"id": "A2", "actividad": a2["actividad"], "estado": "en_curso", "vencida": False,
                  "inicia": True, "termina": True,
                  "tramos": [{"inicio": "2026-01-12", "fin": "2026-01-23", "nombre": "Corte intermedio"}]}
    septiembre = datos["meses"][1]["eventos"]
    assert [(e["tipo"], e["fecha"], e["registrada"]) for e in septiembre] == [
        ("inicio_clases", "2025-09-01", None), ("sesion", "2025-09-26", True)]
    assert datos["meses"][0]["eventos"] == [{"tipo": "fase_intensiva", "fecha": "2025-08-25", "fin": "2025-08-29",
                                            "descripcion": "Fase intensiva del CTE", "sesion": None,
                                            "registrada": None}]


# --- La ayuda -------------------------------------------------------------------------------------


@pytest.mark.parametrize("vista", VISTAS)
def test_ayuda_en_un_parrafo(vista):
    """La ayuda no corta sus frases donde el código fuente cortó la línea."""
    r = correr(vista, "--help", columnas=200)
    assert r.exit_code == 0
    parrafos = [l.strip(" │") for l in r.stdout.splitlines()]
    assert any(l.startswith("Ejemplo: ruta ") for l in parrafos)
    assert all(len(l) > 60 or not l or l.startswith(("Ejemplo", "Uso", "╭", "╰", "--", "-", "carpeta"))
               or l.endswith(".") for l in parrafos[:12])


def test_resumen_habla_con_las_palabras_del_marco():
    r = correr("resumen", str(EJEMPLO.parent / "pmc-primaria-2025-2026"), "--fecha", "2026-01-15")
    assert r.exit_code == 0
    assert "3 problemáticas · 5 objetivos · 9 metas · 19 acciones" in r.output
    assert "Problemáticas → objetivos → metas → acciones" in r.output
    assert "prioridad" not in r.output.lower()


def test_una_parte_ilegible_no_se_dice_vacia(tmp_path):
    """Con un tabulador en metas.yaml, `avance` decía «Aún no hay metas: se escriben en
    metas.yaml»; el archivo tiene metas, solo que no se pudo leer."""
    import shutil

    carpeta = tmp_path / "ruta"
    shutil.copytree(EJEMPLO, carpeta)
    metas = carpeta / "metas.yaml"
    metas.write_text(metas.read_text(encoding="utf-8").replace("  - id: M1", "\t- id: M1", 1),
                     encoding="utf-8")
    r = correr("avance", str(carpeta), "--fecha", "2026-03-01", columnas=200)
    assert "Aún no hay metas" not in r.stdout
    assert ("metas.yaml tiene errores que impiden leerlo: corrígelos (`ruta validar`) para verlo "
            "aquí.") in r.stdout


def test_pendientes_despues_del_fin_de_clases_no_dice_otra_fecha():
    """Un usuario nuevo lo corrió en noviembre: decía «hasta el fin de clases (30 de noviembre
    de 2026)», pero las clases terminaron el 15 de julio."""
    salida = lineas(correr("pendientes", str(MINIMA), "--fecha", "2026-11-30"))
    assert salida[4] == "Pendientes al cierre del ciclo (las clases terminaron el 15 de julio de 2026)"
    datos = json_de("pendientes", str(MINIMA), "--fecha", "2026-11-30")
    assert (datos["hasta"], datos["clases_terminaron"]) == ("2026-11-30", "2026-07-15")
    datos = json_de("pendientes", str(MINIMA), "--fecha", "2026-07-01")
    assert (datos["hasta"], datos["clases_terminaron"]) == ("2026-07-15", None)
