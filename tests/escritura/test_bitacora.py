"""``ruta bitacora agregar``: revisar antes de escribir, agregar sin tocar lo demás, escribir atómico
y con candado."""

from __future__ import annotations

import difflib
import hashlib
import os
import shutil
import subprocess
import sys
import time
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.escritura import texto_bitacora as escritura
from rutamejora.escritura.candado import NOMBRE_CANDADO, Ocupado, candado
from rutamejora.commands import app
from rutamejora.nucleo.problemas import ERROR
from rutamejora.reglas.validacion import validar

RAIZ = Path(__file__).resolve().parents[2]
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"
MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
runner = CliRunner()

# Una bitácora escrita a mano con todo lo que un reescritor suele estropear: sangría de 4,
# listas en línea, una línea de 120 caracteres, comentarios (al final de línea, solos, al final
# del archivo), comillas de los dos tipos; se guarda con BOM de UTF-8 y fines de línea CRLF.
LARGA = ("            - \"Seguimos con la lectura diaria de veinte minutos al inicio de la jornada: "
         "todos los grupos, todo el año\"")
RARA = "\n".join([
    "# Bitácora escrita a mano: sangría de 4, listas en línea y líneas largas.",
    "entradas:",
    "    # Primera sesión del ciclo",
    "    -   fecha: 2025-09-26   # viernes",
    "        sesion: 1",
    "        acciones:",
    "            -   accion: A1",
    "                estado: en_curso",
    "                avance: 10",
    "                evidencias: [Lista de asistencia, 'Fotos: sin rostros', \"Cuaderno #3\"]",
    "                gasto: 500.00",
    "                comprobante: F-001",
    "        mediciones: [{meta: M1, valor: 42, fuente: Corte inicial}]",
    "        acuerdos:",
    LARGA,
    "            - Otro acuerdo    # con comentario",
    "",
    "    # fin de la sesión 1",
    "",
])


def correr(*args: str, **kw):
    return runner.invoke(app, ["bitacora", "agregar", *args], **kw)


def huella(archivo: Path) -> str:
    return hashlib.sha256(archivo.read_bytes()).hexdigest()


def solo_agregadas(antes: str, despues: str) -> list[str]:
    """Las líneas agregadas; falla si el diff quita o cambia alguna línea."""
    diff = list(difflib.unified_diff(antes.splitlines(True), despues.splitlines(True), n=0))
    cuerpo = [l for l in diff if not l.startswith(("---", "+++", "@@"))]
    quitadas = [l for l in cuerpo if not l.startswith("+")]
    assert quitadas == [], "el diff quita o cambia líneas"
    return [l[1:] for l in cuerpo]


def errores(carpeta: Path, hoy=date(2026, 7, 15)) -> list:
    return [(p.codigo, p.linea, p.mensaje) for p in validar(carpeta, hoy, True).problemas
            if p.severidad == ERROR]


@pytest.fixture
def ejemplo(tmp_path) -> Path:
    destino = tmp_path / "primaria"
    shutil.copytree(EJEMPLO, destino)
    return destino


@pytest.fixture
def rara(tmp_path) -> Path:
    """La Ruta mínima con la bitácora rara (BOM, CRLF, sangría de 4…)."""
    destino = tmp_path / "rara"
    shutil.copytree(MINIMA, destino)
    (destino / "bitacora.yaml").write_bytes(("\ufeff" + RARA.replace("\n", "\r\n")).encode("utf-8"))
    return destino


# --- Agregar con opciones -----------------------------------------------------------------------


def test_agregar_una_entrada_nueva(ejemplo):
    antes = (ejemplo / "bitacora.yaml").read_text(encoding="utf-8")
    r = correr(str(ejemplo), "--fecha", "2026-07-14", "--accion", "A15", "--estado", "realizada",
               "--avance", "100", "--evidencia", "Inventario del material", "--meta", "M8", "--valor", "1",
               "--fuente", "Bitácora de incidencias de julio", "--acuerdo", "Reponer el material en agosto.")
    assert r.exit_code == 0, r.output
    assert r.stdout == ("Nueva entrada del 14 jul 2026 en bitacora.yaml, línea 686: acción A15 "
                        "(realizada, 100 %), medición de M8 (1), 1 acuerdo.\n")
    despues = (ejemplo / "bitacora.yaml").read_text(encoding="utf-8")
    assert solo_agregadas(antes, despues) == [
        "\n",
        "  - fecha: 2026-07-14\n",
        "    acciones:\n",
        "      - accion: A15\n",
        "        estado: realizada\n",
        "        avance: 100\n",
        "        evidencias: [Inventario del material]\n",
        "    mediciones:\n",
        "      - {meta: M8, valor: 1, fuente: Bitácora de incidencias de julio}\n",
        "    acuerdos:\n",
        "      - Reponer el material en agosto.\n",
    ]
    assert errores(ejemplo) == []


def test_la_bitacora_rara_solo_gana_lineas(rara):
    archivo = rara / "bitacora.yaml"
    antes = archivo.read_bytes()
    r = correr(str(rara), "--fecha", "2025-10-31", "--sesion", "2", "--accion", "A1", "--estado", "en_curso",
               "--avance", "30", "--evidencia", "Texto con # y: dos puntos", "--evidencia", "'comillas' y \"dobles\"",
               "--gasto", "250", "--comprobante", 'F-002 "b"', "--meta", "M1", "--valor", "47.5",
               "--fuente", "Corte: octubre", "--acuerdo", "Uno # dos: tres", "--ajuste", "Ajuste: #1")
    assert r.exit_code == 0, r.output
    despues = archivo.read_bytes()
    assert despues.startswith(b"\xef\xbb\xbf") and antes.startswith(b"\xef\xbb\xbf")
    texto_antes, texto_despues = antes.decode("utf-8"), despues.decode("utf-8")
    agregadas = solo_agregadas(texto_antes, texto_despues)
    assert agregadas and all(l.endswith("\r\n") for l in agregadas)
    assert "\n" not in texto_despues.replace("\r\n", "")
    assert agregadas[0] == "    -   fecha: 2025-10-31\r\n"
    assert "                evidencias: ['Texto con # y: dos puntos', \"'comillas' y \\\"dobles\\\"\"]\r\n" in agregadas
    assert errores(rara) == []
    # Lo escrito se lee tal cual, con `#`, `:` y comillas.
    entrada = validar(rara, date(2026, 7, 15), True).ruta.entradas[-1]
    (registro,) = entrada.acciones
    assert registro.evidencias == ["Texto con # y: dos puntos", "'comillas' y \"dobles\""]
    assert (registro.gasto, registro.comprobante) == (Decimal("250.00"), 'F-002 "b"')
    assert (entrada.mediciones[0].valor, entrada.mediciones[0].fuente) == (Decimal("47.5"), "Corte: octubre")
    assert entrada.acuerdos == ["Uno # dos: tres"]
    assert (entrada.ajustes[0].descripcion, entrada.ajustes[0].acciones, entrada.ajustes[0].metas) == (
        "Ajuste: #1", ["A1"], ["M1"])


def test_misma_fecha_y_sesion_se_une_a_su_entrada(rara):
    archivo = rara / "bitacora.yaml"
    antes = archivo.read_bytes().decode("utf-8")
    r = correr(str(rara), "--sesion", "1", "--acuerdo", "Tercer acuerdo", "--nota", "Sesión larga: #1")
    assert r.exit_code == 0, r.output
    assert r.stdout == ("Agregado a la entrada del 26 sep 2025 (sesión 1) en bitacora.yaml, línea 17: "
                        "1 acuerdo, nota.\n")
    assert solo_agregadas(antes, archivo.read_bytes().decode("utf-8")) == [
        "            - Tercer acuerdo\r\n", "        nota: 'Sesión larga: #1'\r\n"]
    (entrada,) = validar(rara, date(2026, 7, 15), True).ruta.entradas
    assert entrada.acuerdos[-1] == "Tercer acuerdo" and entrada.nota == "Sesión larga: #1"


def test_una_lista_en_linea_crece_en_su_linea(rara):
    """Lo único que cambia una línea: agregar a una lista escrita en línea (`[a, b]`)."""
    texto = (rara / "bitacora.yaml").read_bytes().decode("utf-8")
    entrada = {"fecha": date(2025, 9, 26), "sesion": 1, "mediciones": [{"meta": "M2", "valor": Decimal("3")}]}
    nuevo, cambio = escritura.injertar(texto, entrada)
    escritura.comprobar(texto, nuevo, entrada, cambio)
    diff = [l for l in difflib.unified_diff(texto.splitlines(True), nuevo.splitlines(True), n=0)
            if not l.startswith(("---", "+++", "@@"))]
    assert diff == ["-        mediciones: [{meta: M1, valor: 42, fuente: Corte inicial}]\r\n",
                    "+        mediciones: [{meta: M1, valor: 42, fuente: Corte inicial}, {meta: M2, valor: 3}]\r\n"]


def test_unir_en_el_ejemplo_solo_agrega_lineas(ejemplo):
    antes = (ejemplo / "bitacora.yaml").read_text(encoding="utf-8")
    r = correr(str(ejemplo), "--sesion", "4", "--accion", "A7", "--estado", "realizada", "--avance", "100",
               "--acuerdo", "Revisar el inventario en marzo.", "--nota", "Sin novedad.")
    assert r.exit_code == 0, r.output
    despues = (ejemplo / "bitacora.yaml").read_text(encoding="utf-8")
    assert solo_agregadas(antes, despues) == [
        "      - accion: A7\n", "        estado: realizada\n", "        avance: 100\n",
        "        nota: Sin novedad.\n", "      - Revisar el inventario en marzo.\n"]
    ruta = validar(ejemplo, date(2026, 7, 15), True).ruta
    assert len(ruta.entradas) == 14  # 10 sesiones y evaluaciones, 4 cortes finales
    assert errores(ejemplo) == []


def test_la_sesion_sola_da_la_fecha_y_el_orden_se_respeta(ejemplo):
    r = correr(str(ejemplo), "--fecha", "2025-09-10", "--acuerdo", "Reunión previa")
    assert r.exit_code == 0, r.output
    fechas = [e.fecha for e in validar(ejemplo, date(2026, 7, 15), True).ruta.entradas]
    assert fechas == sorted(fechas)
    r = correr(str(ejemplo), "--sesion", "3", "--acuerdo", "Otro acuerdo")
    assert r.stdout.startswith("Agregado a la entrada del 28 nov 2025 (sesión 3)")


def test_reprogramar_con_nuevas_fechas(ejemplo):
    r = correr(str(ejemplo), "--fecha", "2026-03-27", "--sesion", "6", "--accion", "A18",
               "--nuevo-inicio", "2026-04-13", "--nuevo-fin", "2026-07-10")
    assert r.exit_code == 0, r.output
    assert "acción A18 (reprogramada)" in r.stdout
    from rutamejora import vistas

    ruta = validar(ejemplo, date(2026, 4, 1), True).ruta
    s = vistas.situacion_accion(ruta, ruta.por_id("accion")["A18"], date(2026, 4, 1))
    assert (s.estado, s.inicio, s.fin, s.reprogramada) == ("reprogramada", date(2026, 4, 13), date(2026, 7, 10), True)


def test_json_de_lo_agregado(ejemplo):
    import json

    r = correr(str(ejemplo), "--fecha", "2026-07-14", "--accion", "A15", "--estado", "realizada", "--avance",
               "100", "--gasto", "$1,200.5", "--comprobante", "F-9", "--nota", "Reposición", "-f", "json")
    assert r.exit_code == 0, r.output
    datos = json.loads(r.stdout)
    assert datos == {"version": 1, "vista": "bitacora_agregar", "herramienta": datos["herramienta"],
                     "archivo": "bitacora.yaml", "escrito": True, "unida": False, "linea": 686,
                     "entrada": {"fecha": "2026-07-14", "acciones": [
                         {"accion": "A15", "estado": "realizada", "avance": 100, "gasto": "1200.50",
                          "comprobante": "F-9", "nota": "Reposición"}]}}


def test_realizada_antes_de_empezar_avisa(ejemplo):
    """Lo que RM416 dirá en ``validar``, dicho al registrar (casi siempre es el id de otra acción)."""
    r = correr(str(ejemplo), "--fecha", "2025-09-26", "--accion", "A10", "--estado", "realizada",
               "--avance", "100")
    assert r.exit_code == 0
    assert r.stderr == ("Aviso: la acción A10 queda realizada el 26 sep 2025, antes de empezar (inicia "
                        "el 9 mar 2026): ¿es otra acción? Si se adelantó, dilo con --nota.\n")
    r = correr(str(ejemplo), "--fecha", "2025-10-31", "--accion", "A10", "--estado", "realizada",
               "--avance", "100", "--nota", "Se adelantó por la visita de la supervisión")
    assert r.exit_code == 0, r.output
    assert r.stderr == ""


def test_volver_a_abrir_una_realizada_avisa(ejemplo):
    """Lo que RM417 dirá en ``validar``: A4 está realizada desde el 26 de junio."""
    r = correr(str(ejemplo), "--fecha", "2026-07-14", "--accion", "A4", "--estado", "en_curso",
               "--avance", "70")
    assert r.exit_code == 0
    assert r.stderr == ("Aviso: la acción A4 estaba realizada desde el 26 jun 2026 y este registro la "
                        "deja en curso: ¿es otra acción? Si se retomó, dilo con --nota.\n")


def test_gasto_mayor_a_lo_planeado_avisa(ejemplo):
    r = correr(str(ejemplo), "--fecha", "2026-07-14", "--accion", "A3", "--estado", "realizada", "--avance",
               "100", "--gasto", "500")
    assert r.exit_code == 0
    assert r.stderr == ("Aviso: en la acción A3 ya se gastaron $2,770.00, más de lo planeado ($2,400.00); "
                        "explica la diferencia con --nota.\n"
                        "Aviso: el gasto de $500.00 en la acción A3 no tiene comprobante: agrégalo con "
                        "--comprobante (cada gasto lleva el suyo).\n")


# --- Rechazos: el archivo queda byte por byte -------------------------------------------------------


@pytest.mark.parametrize("args,mensajes", [
    (["--fecha", "2026-01-30", "--accion", "A99", "--estado", "en_curso"],
     ["--accion: no hay ninguna acción con id «A99». ¿Quisiste decir A9?"]),
    (["--fecha", "2026-01-30", "--meta", "m1", "--valor", "50"],
     ["--meta: no hay ninguna meta con id «m1». ¿Quisiste decir M1?"]),
    (["--fecha", "2026-01-30", "--accion", "A1", "--estado", "en curso", "--avance", "140"],
     ["--avance: 140 está fuera de rango; va entre 0 y 100."]),
    (["--fecha", "2026-01-30", "--accion", "A1", "--estado", "en_cruso"],
     ["--estado: «en_cruso» no es un estado. ¿Quisiste decir en_curso?"]),
    (["--fecha", "2026-01-30", "--accion", "A1", "--estado", "terminada"],
     ["--estado: «terminada» no es un estado. Los estados son: pendiente, en_curso, realizada, "
      "reprogramada o cancelada."]),
    (["--fecha", "2027-01-29", "--acuerdo", "x"],
     ["--fecha: 2027-01-29 está fuera del ciclo 2025-2026 (del 25 ago 2025 al 15 jul 2026)."]),
    (["--fecha", "30/01/2026", "--acuerdo", "x"],
     ["--fecha: «30/01/2026» no es una fecha AAAA-MM-DD (p. ej. 2026-01-30)."]),
    (["--fecha", "2026-02-30", "--acuerdo", "x"],
     ["--fecha: 2026-02-30: febrero de 2026 no tiene día 30 (tiene 28 días)."]),
    (["--sesion", "9", "--acuerdo", "x"],
     ["--sesion: no existe la sesión 9; el calendario del ciclo tiene 8 sesiones ordinarias (1 a 8)."]),
    (["--acuerdo", "x"], ["falta --fecha AAAA-MM-DD (o --sesion N, que toma la fecha de esa sesión)."]),
    (["--fecha", "2026-01-30", "--accion", "A1", "--estado", "realizada", "--avance", "90"],
     ["--avance: una acción realizada lleva avance 100 (no 90); si no se terminó, su estado es en_curso."]),
    (["--fecha", "2026-01-30", "--accion", "A1", "--estado", "reprogramada"],
     ["--estado reprogramada necesita sus nuevas fechas: --nuevo-inicio y/o --nuevo-fin."]),
    (["--fecha", "2026-01-30", "--accion", "A1", "--nuevo-inicio", "2026-03-01", "--nuevo-fin", "2026-02-01"],
     ["--nuevo-fin: 2026-02-01 es anterior a --nuevo-inicio 2026-03-01."]),
    (["--fecha", "2026-01-30", "--accion", "A1"],
     ["falta --estado para la acción A1 (pendiente, en_curso, realizada, reprogramada o cancelada)."]),
    (["--fecha", "2026-01-30", "--accion", "A1", "--estado", "en_curso", "--gasto", "12.345"],
     ["--gasto: 12.345 tiene más de dos decimales; los pesos llevan centavos a lo más."]),
    (["--fecha", "2026-01-30", "--accion", "A1", "--estado", "en_curso", "--gasto", "-5"],
     ["--gasto: una cantidad en pesos se escribe en positivo (-5)."]),
    (["--fecha", "2026-01-30", "--meta", "M1", "--valor", "140"],
     ["--valor: 140 está fuera de rango para la meta M1: un porcentaje va entre 0 y 100."]),
    (["--fecha", "2026-01-30", "--meta", "M1"], ["falta --valor para la meta M1."]),
    (["--fecha", "2026-01-30", "--acuerdo", "x", "--avance", "50"],
     ["--avance va con una acción: agrega --accion ID (p. ej. --accion A1)."]),
    (["--fecha", "2026-01-30", "--acuerdo", "  "], ["--acuerdo: el texto está vacío."]),
    (["--fecha", "2026-07-14", "--accion", "A99", "--estado", "en_cruso", "--avance", "abc"],
     ["--estado: «en_cruso» no es un estado. ¿Quisiste decir en_curso?",
      "--avance: «abc» no es un número entero entre 0 y 100.",
      "--accion: no hay ninguna acción con id «A99». ¿Quisiste decir A9?"]),
])
def test_valores_invalidos_no_tocan_el_archivo(ejemplo, args, mensajes):
    antes = huella(ejemplo / "bitacora.yaml")
    r = correr(str(ejemplo), *args)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == "".join(f"ruta: {m}\n" for m in mensajes) + "ruta: no se escribió nada en bitacora.yaml.\n"
    assert huella(ejemplo / "bitacora.yaml") == antes
    assert sorted(p.name for p in ejemplo.iterdir()) == sorted(p.name for p in EJEMPLO.iterdir())


def test_no_se_registra_dos_veces_lo_mismo_en_una_sesion(ejemplo):
    antes = huella(ejemplo / "bitacora.yaml")
    r = correr(str(ejemplo), "--sesion", "4", "--accion", "A1", "--estado", "en_curso", "--avance", "52")
    assert r.exit_code == 2
    assert r.stderr == ("ruta: la entrada del 30 ene 2026 (sesión 4) ya registra la acción A1; corrige ese "
                        "registro en bitacora.yaml, o agrégale una nota con --nota-de A1=TEXTO.\n")
    assert huella(ejemplo / "bitacora.yaml") == antes


@pytest.mark.parametrize("args, repetida, distinta, mensaje", [
    (["--rasgo", "normalidad-minima/1=logrado"], ["--rasgo", "normalidad-minima/1=logrado"],
     ["--rasgo", "normalidad-minima/1=en_proceso"],
     "ruta: la entrada del 30 jun 2026 ya valora el rasgo normalidad-minima/1; cambia esa valoración "
     "en bitacora.yaml.\n"),
    (["--tipo", "evaluacion_final", "--balance", "P1=logrado"], ["--balance", "P1=logrado"],
     ["--balance", "P1=en_proceso", "--logros", "P1=Más lectura"],
     "ruta: la entrada del 30 jun 2026 ya tiene el balance de P1; cámbialo en bitacora.yaml.\n"),
], ids=["rasgo", "balance"])
def test_un_rasgo_o_un_balance_no_se_registran_dos_veces(ejemplo, args, repetida, distinta, mensaje):
    """Repetir la orden no duplica (antes, el rasgo y el balance quedaban dos veces); uno
    distinto del mismo rasgo o de la misma prioridad contradice lo escrito: se corrige en el archivo."""
    archivo = ejemplo / "bitacora.yaml"
    assert correr(str(ejemplo), "--fecha", "2026-06-30", *args).exit_code == 0
    antes = huella(archivo)
    r = correr(str(ejemplo), "--fecha", "2026-06-30", *repetida)
    que = "1 rasgo valorado" if "--rasgo" in repetida else "1 balance"
    assert (r.exit_code, r.stderr) == (2, f"ruta: ya está registrado: la entrada del 30 jun 2026 ya tiene "
                                          f"{que}; no se escribió nada en bitacora.yaml.\n")
    r = correr(str(ejemplo), "--fecha", "2026-06-30", *distinta)
    assert (r.exit_code, r.stderr) == (2, mensaje)
    assert huella(archivo) == antes


def test_repetir_una_nota_de_un_registro_no_la_rechaza(ejemplo):
    """`--nota-de A1=…` otra vez con la misma nota: no se repite ni se rechaza (antes: «ya tiene
    `nota`; cámbiala», y lo demás de la orden tampoco se escribía); una nota distinta, sí."""
    archivo = ejemplo / "bitacora.yaml"
    assert correr(str(ejemplo), "--fecha", "2026-06-26", "--nota-de", "A1=Igual").exit_code == 0
    antes = huella(archivo)
    r = correr(str(ejemplo), "--fecha", "2026-06-26", "--nota-de", "A1=Igual")
    assert (r.exit_code, r.stderr) == (2, "ruta: ya está registrado: la entrada del 26 jun 2026 (sesión 8) ya "
                                          "tiene 1 nota de un registro; no se escribió nada en bitacora.yaml.\n")
    assert huella(archivo) == antes
    r = correr(str(ejemplo), "--fecha", "2026-06-26", "--nota-de", "A1=Igual", "--acuerdo", "Nuevo")
    assert (r.exit_code, r.stderr) == (0, "Nota: la entrada del 26 jun 2026 (sesión 8) ya tenía 1 nota de un "
                                          "registro; eso no se repitió.\n")
    r = correr(str(ejemplo), "--fecha", "2026-06-26", "--nota-de", "A1=Otra")
    assert (r.exit_code, r.stderr) == (2, "ruta: en la entrada del 26 jun 2026 (sesión 8), la acción A1 ya "
                                          "tiene `nota`; cámbiala en bitacora.yaml.\n")


def test_el_balance_de_un_pmc_se_escribe_con_problematica_y_no_se_repite(tmp_path):
    """En un PMC el balance es de cada `problematica` (antes, unirlo a una entrada que ya tenía
    balances daba un problema interno)."""
    destino = tmp_path / "pmc"
    shutil.copytree(RAIZ / "ejemplos" / "pmc-primaria-2025-2026", destino)
    archivo = destino / "bitacora.yaml"
    r = correr(str(destino), "--fecha", "2026-07-09", "--tipo", "registro", "--balance", "P1=logrado")
    assert r.exit_code == 0, r.output
    assert "    balance:\n      - problematica: P1\n        valoracion: logrado\n" in archivo.read_text(encoding="utf-8")
    antes = huella(archivo)
    r = correr(str(destino), "--fecha", "2026-07-09", "--balance", "P1=logrado")
    assert (r.exit_code, r.stderr) == (2, "ruta: ya está registrado: la entrada del 9 jul 2026 ya tiene 1 "
                                          "balance; no se escribió nada en bitacora.yaml.\n")
    # La evaluación final del ejemplo ya tiene el balance de P1 (con sus logros): uno distinto, no.
    r = correr(str(destino), "--fecha", "2026-07-10", "--logros", "P1=Algo")
    assert (r.exit_code, r.stderr) == (2, "ruta: la entrada del 10 jul 2026 ya tiene el balance de P1; "
                                          "cámbialo en bitacora.yaml.\n")
    assert huella(archivo) == antes


def test_bitacora_ilegible_no_se_toca(ejemplo):
    archivo = ejemplo / "bitacora.yaml"
    archivo.write_text("entradas:\n  - fecha: [2026\n", encoding="utf-8")
    antes = huella(archivo)
    r = correr(str(ejemplo), "--fecha", "2026-01-30", "--acuerdo", "x")
    assert r.exit_code == 1
    assert "bitacora.yaml no se puede leer" in r.stderr
    assert huella(archivo) == antes


def test_bitacora_que_no_se_puede_abrir_sale_con_2(ejemplo):
    """Una carpeta en lugar de bitacora.yaml es del equipo, no de lo escrito (RM012): 2, como en
    ``ruta validar``."""
    archivo = ejemplo / "bitacora.yaml"
    archivo.unlink()
    archivo.mkdir()
    r = correr(str(ejemplo), "--fecha", "2026-01-30", "--acuerdo", "x")
    assert r.exit_code == 2
    assert r.stderr == ("ruta: bitacora.yaml no se puede leer (No se pudo abrir el archivo: es una "
                        "carpeta, no un archivo); corrígelo primero (`ruta validar` dice dónde). "
                        "No se escribió nada.\n")
    assert archivo.is_dir() and not any(archivo.iterdir())


def test_carpeta_sin_ruta_es_error_de_uso(tmp_path):
    r = correr(str(tmp_path), "--fecha", "2026-01-30", "--acuerdo", "x")
    assert r.exit_code == 2
    assert r.stderr == f"ruta: la carpeta {tmp_path} no contiene una Ruta (no hay ruta.yaml).\n"
    assert list(tmp_path.iterdir()) == []


# --- Bitácoras vacías o a medias ---------------------------------------------------------------------


@pytest.mark.parametrize("contenido,esperado", [
    ("entradas: []\n", "entradas:\n  - fecha: 2025-10-31\n    acuerdos:\n      - Empezamos\n"),
    ("# Aún sin registros\nentradas:\n", "# Aún sin registros\nentradas:\n  - fecha: 2025-10-31\n"
                                         "    acuerdos:\n      - Empezamos\n"),
    ("# Solo un comentario\n", "# Solo un comentario\nentradas:\n  - fecha: 2025-10-31\n    acuerdos:\n"
                               "      - Empezamos\n"),
    ("entradas: []  # por llenar\n", "entradas:  # por llenar\n  - fecha: 2025-10-31\n    acuerdos:\n"
                                     "      - Empezamos\n"),
    (None, "entradas:\n  - fecha: 2025-10-31\n    acuerdos:\n      - Empezamos\n"),
])
def test_bitacoras_vacias(tmp_path, contenido, esperado):
    destino = tmp_path / "r"
    shutil.copytree(MINIMA, destino)
    archivo = destino / "bitacora.yaml"
    if contenido is None:
        archivo.unlink()
    else:
        archivo.write_text(contenido, encoding="utf-8")
    r = correr(str(destino), "--fecha", "2025-10-31", "--acuerdo", "Empezamos")
    assert r.exit_code == 0, r.output
    assert archivo.read_text(encoding="utf-8") == esperado
    assert errores(destino) == []


@pytest.mark.parametrize("antes, entrada, despues", [
    # Dos BOM al principio: se quedan, y lo nuevo va donde va (libyaml no cuenta la segunda).
    ("\ufeff\ufeffentradas: []\n", {"fecha": date(2025, 10, 31), "acuerdos": ["Uno"]},
     "\ufeff\ufeffentradas:\n  - fecha: 2025-10-31\n    acuerdos:\n      - Uno\n"),
    ("\ufeff\ufeffentradas:\n- fecha: 2025-09-26\n  sesion: 1\n  acuerdos: [x, yz]\n",
     {"fecha": date(2025, 9, 26), "sesion": 1, "acuerdos": ["nuevo"]},
     "\ufeff\ufeffentradas:\n- fecha: 2025-09-26\n  sesion: 1\n  acuerdos: [x, yz, nuevo]\n"),
    # La nota de una medición escrita como el mapa de un solo par de una lista en línea: entre
    # llaves nuevas (sin ellas serían dos mapas).
    ("entradas:\n- fecha: 2025-09-26\n  sesion: 1\n  mediciones: [meta: M1]\n",
     {"fecha": date(2025, 9, 26), "sesion": 1, "mediciones": [{"meta": "M1", "nota": "Corte tardío."}]},
     "entradas:\n- fecha: 2025-09-26\n  sesion: 1\n  mediciones: [{meta: M1, nota: Corte tardío.}]\n"),
    ("entradas:\n- fecha: 2025-09-26\n  sesion: 1\n  mediciones: [\n    meta: M1\n  ]\n",
     {"fecha": date(2025, 9, 26), "sesion": 1, "mediciones": [{"meta": "M1", "nota": "Otra."}]},
     "entradas:\n- fecha: 2025-09-26\n  sesion: 1\n  mediciones: [\n    {meta: M1, nota: Otra.}\n  ]\n"),
], ids=["dos-bom-vacia", "dos-bom-en-linea", "mapa-sin-llaves", "mapa-sin-llaves-en-varias-lineas"])
def test_casos_que_antes_no_se_escribian(antes, entrada, despues):
    """Se comprueban como siempre (``comprobar``): antes se rechazaban como un error de ruta."""
    assert _injertar_y_comprobar(antes, entrada) == despues


@pytest.mark.parametrize("args, agregado", [
    (["--acuerdo", "Nuevo, con coma"], "acuerdos: ['Nuevo, con coma']}"),
    (["--nota", "Revisar: a, b"], "nota: 'Revisar: a, b'}"),
    (["--ingreso", "F1=15.5:Cuotas"], "ingresos: [{fuente: F1, monto: 15.50, concepto: Cuotas}]}"),
], ids=["acuerdo", "nota", "ingreso"])
def test_unir_a_una_entrada_escrita_en_linea(tmp_path, args, agregado):
    """Una entrada escrita como mapa en línea ({fecha: …}): lo que le falta va antes de su «}»
    (antes, se agregaba en bloque debajo y la comprobación lo rechazaba como «error de YAML»)."""
    destino = tmp_path / "r"
    shutil.copytree(MINIMA, destino)
    archivo = destino / "bitacora.yaml"
    linea = "  - {fecha: 2025-10-31, sesion: 2, tipo: sesion_ordinaria, mediciones: [{meta: M1, valor: 40}]}"
    archivo.write_text(f"entradas:\n{linea}\n", encoding="utf-8")
    r = correr(str(destino), "--fecha", "2025-10-31", "--sesion", "2", *args)
    assert r.exit_code == 0, r.output
    assert archivo.read_text(encoding="utf-8") == f"entradas:\n{linea[:-1]}, {agregado}\n"


def test_lo_agregado_que_no_se_leeria_no_se_culpa_al_archivo(monkeypatch):
    """Si lo que ``ruta`` injerta no se leyera como YAML, el mensaje no manda a corregir un
    archivo que está bien."""
    import tempfile

    from rutamejora.escritura import texto_bitacora
    from rutamejora.escritura.comprobacion import cargar_yaml

    monkeypatch.setattr(texto_bitacora, "comprobar", lambda *_: cargar_yaml("entradas: [roto\n"))

    carpeta = Path(tempfile.mkdtemp())
    archivo = carpeta / "bitacora.yaml"
    archivo.write_text("entradas:\n  - fecha: 2025-10-31\n", encoding="utf-8")
    with pytest.raises(NoSeEscribio, match=r"^Lo agregado no se leería bien en bitacora.yaml \(un error "
                                           r"de ruta, no de tu Ruta\); bitacora.yaml quedó como estaba.$"):
        texto_bitacora.agregar_entrada(archivo, {"fecha": date(2025, 11, 1), "acuerdos": ["x"]}, 1)
    assert archivo.read_text(encoding="utf-8") == "entradas:\n  - fecha: 2025-10-31\n"


def test_una_bitacora_con_otra_clave_y_sin_entradas(tmp_path):
    """Un mapa sin `entradas:` (aquí, otra clave): la lista se agrega al final y se comprueba el
    archivo entero (antes, un problema interno al buscar el tramo de `entradas`)."""
    destino = tmp_path / "r"
    shutil.copytree(MINIMA, destino)
    archivo = destino / "bitacora.yaml"
    archivo.write_text("notas: 1\n", encoding="utf-8")
    r = correr(str(destino), "--fecha", "2025-10-31", "--acuerdo", "Empezamos")
    assert (r.exit_code, r.stderr) == (0, "")
    assert archivo.read_text(encoding="utf-8") == ("notas: 1\nentradas:\n  - fecha: 2025-10-31\n"
                                                   "    acuerdos:\n      - Empezamos\n")


def test_injertar_en_una_lista_en_linea():
    texto = "entradas: [{fecha: 2025-09-26, acuerdos: [Uno]}]\n"
    nuevo, cambio = escritura.injertar(texto, {"fecha": date(2025, 10, 31), "acuerdos": ["Dos"]})
    escritura.comprobar(texto, nuevo, {"fecha": date(2025, 10, 31), "acuerdos": ["Dos"]}, cambio)
    assert nuevo == "entradas: [{fecha: 2025-09-26, acuerdos: [Uno]}, {fecha: 2025-10-31, acuerdos: [Dos]}]\n"


def test_injertar_sin_fin_de_linea_al_final():
    texto = "entradas:\n  - fecha: 2025-09-26\n    acuerdos: [Uno]"
    nuevo, _ = escritura.injertar(texto, {"fecha": date(2025, 10, 31), "acuerdos": ["Dos"]})
    assert nuevo == texto + "\n  - fecha: 2025-10-31\n    acuerdos: [Dos]"


def test_textos_que_yaml_confundiria_van_entre_comillas():
    entrada = {"fecha": date(2025, 10, 31), "acuerdos": ["no", "1850", "2026-01-01", "- guion", "@arroba",
                                                         "null", "a: b", "x #y", "Sí"]}
    nuevo, cambio = escritura.injertar("entradas:\n", entrada)
    escritura.comprobar("entradas:\n", nuevo, entrada, cambio)
    from ruamel.yaml import YAML

    assert YAML(typ="safe", pure=True).load(nuevo)["entradas"][0]["acuerdos"] == entrada["acuerdos"]
    assert "      - 'no'\n" in nuevo and "      - Sí\n" in nuevo


def test_dos_puntos_y_signo_de_pregunta_en_una_lista_en_linea(rara):
    """libyaml (con el que lee `validar`) no lee «0?» ni «10:30» sin comillas dentro de `[ ]` o
    `{ }`, aunque YAML 1.2 sí: van entre comillas, y `validar` lee lo que se pidió."""
    textos = ["¿Cuándo?", "10:30", "0?", "a:b", "Foto: sí"]
    r = correr(str(rara), "--fecha", "2025-10-31", "--accion", "A1", "--estado", "en_curso",
               *[x for t in textos for x in ("--evidencia", t)], "--meta", "M1", "--valor", "3",
               "--fuente", "¿Corte?")
    assert r.exit_code == 0, r.output
    agregadas = solo_agregadas(("\ufeff" + RARA.replace("\n", "\r\n")),
                               (rara / "bitacora.yaml").read_bytes().decode("utf-8"))
    assert "                evidencias: ['¿Cuándo?', '10:30', '0?', 'a:b', 'Foto: sí']\r\n" in agregadas
    entrada = validar(rara, date(2026, 7, 15), True).ruta.entradas[-1]
    assert entrada.acciones[0].evidencias == textos
    assert entrada.mediciones[0].fuente == "¿Corte?"


# --- Muchas veces, a la vez, con fallas ---------------------------------------------------------------


def test_cincuenta_agregados_seguidos(rara):
    for i in range(50):
        dia = date(2025, 9, 1).toordinal() + i
        r = correr(str(rara), "--fecha", date.fromordinal(dia).isoformat(), "--acuerdo", f"Acuerdo {i}: listo")
        assert r.exit_code == 0, r.output
    ruta = validar(rara, date(2026, 7, 15), True).ruta
    acuerdos = [a for e in ruta.entradas for a in e.acuerdos or []]
    assert [a for a in acuerdos if a.startswith("Acuerdo ")] == [f"Acuerdo {i}: listo" for i in range(50)]
    # El del 26 sep (i = 25) se une a la entrada de la sesión 1, que ya tiene esa fecha: una línea.
    assert len(ruta.entradas) == 50
    assert ruta.entradas[25].sesion == 1 and ruta.entradas[25].acuerdos[-1] == "Acuerdo 25: listo"
    texto = (rara / "bitacora.yaml").read_bytes().decode("utf-8")
    assert len(solo_agregadas("\ufeff" + RARA.replace("\n", "\r\n"), texto)) == 49 * 3 + 1
    assert errores(rara) == []


def _python(codigo: str, *args: str, **kw):
    entorno = {**os.environ, "PYTHONPATH": str(RAIZ)}
    return subprocess.Popen([sys.executable, "-c", codigo, *args], env=entorno, cwd=RAIZ,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, **kw)


def test_agregados_a_la_vez_no_pierden_entradas(rara):
    procesos = [subprocess.Popen(
        [sys.executable, "-m", "rutamejora", "bitacora", "agregar", str(rara), "--fecha",
         f"2025-10-{10 + i:02d}", "--acuerdo", f"Concurrente {i}"],
        env={**os.environ, "PYTHONPATH": str(RAIZ)}, cwd=RAIZ, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True) for i in range(8)]
    for p in procesos:
        salida, error = p.communicate(timeout=60)
        assert p.returncode == 0, error
    acuerdos = {a for e in validar(rara, date(2026, 7, 15), True).ruta.entradas for a in e.acuerdos or []}
    assert {f"Concurrente {i}" for i in range(8)} <= acuerdos
    assert not (rara / NOMBRE_CANDADO).exists() or os.name == "nt"


TOMAR_CANDADO = """
import sys, time
from pathlib import Path
from rutamejora.escritura.candado import candado
with candado(Path(sys.argv[1])):
    print("listo", flush=True)
    time.sleep(120)
"""


def test_lo_que_otro_escribio_mientras_tanto_no_se_repite_ni_se_rechaza(ejemplo, monkeypatch):
    """Dos `agregar` a la vez con la misma medición: el segundo cargó la Ruta antes de que el
    primero escribiera. Con el candado vuelve a leer la bitácora: la medición que el otro ya
    escribió no se repite (una nota lo dice) y su acuerdo sí se agrega (antes: «ya registra la
    meta M1; corrige ese registro», y su acuerdo se perdía)."""
    from rutamejora import escritura as B
    from rutamejora.formato import cargar

    vieja, _ = cargar(ejemplo)      # lo que cargó el segundo, antes de que el primero escribiera
    r = correr(str(ejemplo), "--fecha", "2026-06-30", "--acuerdo", "Acuerdo A", "--meta", "M1=50")
    assert r.exit_code == 0, r.output
    entrada, motivos = B.entrada_de_opciones(vieja, B.Opciones(fecha="2026-06-30", acuerdo=["Acuerdo B"],
                                                               meta=["M1=50"]))
    assert motivos == [] and B.sin_repetir(entrada, vieja) == []   # con lo viejo, nada se repetía

    def no_se_llama(*_):
        raise AssertionError("la bitácora de ahora se analizó dos veces")

    # La lectura de ahora (para no repetir) le sirve también al injerto.
    monkeypatch.setattr(injerto, "componer", no_se_llama)
    cambio = B.guardar(ejemplo, entrada, ruta=vieja, sin_repetir=B.sin_repetir)
    assert (cambio.unida, cambio.notas) == (True, ["la entrada del 30 jun 2026 ya tenía 1 medición; eso "
                                                   "no se repitió."])
    texto = (ejemplo / "bitacora.yaml").read_text(encoding="utf-8")
    assert texto.count("Acuerdo A") == texto.count("Acuerdo B") == 1
    assert texto.count("- {meta: M1, valor: 50") == 1
    # Y si todo lo de la orden ya lo escribió el otro: «ya está registrado», sin escribir nada.
    entrada, _ = B.entrada_de_opciones(vieja, B.Opciones(fecha="2026-06-30", acuerdo=["Acuerdo A"]))
    with pytest.raises(B.YaAplicado, match="ya tiene 1 acuerdo"):
        B.guardar(ejemplo, entrada, ruta=vieja, sin_repetir=B.sin_repetir)
    assert (ejemplo / "bitacora.yaml").read_text(encoding="utf-8") == texto


def test_un_proceso_matado_con_el_candado_no_bloquea(rara):
    dueno = _python(TOMAR_CANDADO, str(rara))
    try:
        assert dueno.stdout.readline().strip() == "listo"
        # Mientras vive, el candado está tomado: quien espera poco se rinde con un mensaje claro.
        with pytest.raises(Ocupado, match=r"El proceso \d+ \(desde hace \d+ s\) está escribiendo"):
            with candado(rara, espera=0.3):
                pass
    finally:
        dueno.kill()
        dueno.wait(timeout=30)
    assert (rara / NOMBRE_CANDADO).exists()  # quedó el archivo, pero no el candado
    inicio = time.monotonic()
    r = correr(str(rara), "--fecha", "2025-10-31", "--acuerdo", "Después del proceso matado")
    assert r.exit_code == 0, r.output
    assert time.monotonic() - inicio < 5


def test_falla_al_renombrar_deja_el_archivo_anterior(rara, monkeypatch):
    archivo = rara / "bitacora.yaml"
    antes = huella(archivo)

    def falla(origen, destino):
        raise OSError(5, "Error de entrada/salida")

    monkeypatch.setattr(os, "replace", falla)
    r = correr(str(rara), "--fecha", "2025-10-31", "--acuerdo", "No llega")
    assert r.exit_code == 2  # toda falla de escritura sale con 2; 1 es «la Ruta tiene errores»
    assert r.stderr == ("ruta: no se pudo escribir bitacora.yaml: error de entrada/salida del disco. "
                        "El archivo quedó como estaba.\n")
    assert huella(archivo) == antes
    assert sorted(p.name for p in rara.iterdir() if p.name.startswith(".")) == []


def test_falla_al_escribir_el_temporal(rara, monkeypatch):
    archivo = rara / "bitacora.yaml"
    antes = huella(archivo)

    def falla(fd):
        raise OSError(28, "No queda espacio en el dispositivo")

    monkeypatch.setattr(os, "fsync", falla)
    r = correr(str(rara), "--fecha", "2025-10-31", "--acuerdo", "No llega")
    assert r.exit_code == 2
    assert r.stderr == ("ruta: no se pudo escribir bitacora.yaml: no queda espacio en el disco (o se "
                        "acabaron sus inodos, los lugares para archivos). El archivo quedó como estaba.\n")
    assert huella(archivo) == antes
    assert [p.name for p in rara.iterdir() if p.name.endswith(".tmp")] == []


def test_la_comprobacion_detiene_un_injerto_equivocado(rara, monkeypatch):
    archivo = rara / "bitacora.yaml"
    antes = huella(archivo)
    original = escritura.injertar
    monkeypatch.setattr(escritura, "injertar",
                        lambda texto, entrada, *leido: (
                            original(texto, entrada, *leido)[0].replace("Otro acuerdo", "Otro"),
                            original(texto, entrada, *leido)[1]))
    r = correr(str(rara), "--fecha", "2025-10-31", "--acuerdo", "x")
    assert r.exit_code == 1
    assert "no coincide con lo que se pidió" in r.stderr
    assert huella(archivo) == antes


def test_escritura_atomica_conserva_los_permisos(tmp_path):
    archivo = tmp_path / "bitacora.yaml"
    archivo.write_text("entradas: []\n", encoding="utf-8")
    os.chmod(archivo, 0o640)
    escritura.escribir_atomico(archivo, b"entradas:\n")
    assert archivo.read_bytes() == b"entradas:\n"
    if os.name != "nt":
        assert oct(archivo.stat().st_mode & 0o777) == oct(0o640)


def test_un_archivo_de_solo_lectura_no_se_reemplaza(ejemplo):
    """El cambio de nombre del temporal solo pide permiso sobre la carpeta: una bitácora de solo
    lectura (``chmod 444``) se reemplazaba y la salida era 0."""
    archivo = ejemplo / "bitacora.yaml"
    antes = huella(archivo)
    os.chmod(archivo, 0o444)
    try:
        r = correr(str(ejemplo), "--fecha", "2026-03-20", "--acuerdo", "Un acuerdo")
        assert r.exit_code == 2
        assert r.stderr == ("ruta: no se pudo escribir bitacora.yaml: el archivo es de solo lectura "
                            "(quítale esa marca si quieres que se escriba). El archivo quedó como "
                            "estaba.\n")
        assert huella(archivo) == antes
        assert [a.name for a in ejemplo.iterdir() if a.name.endswith(".tmp")] == []
    finally:
        os.chmod(archivo, 0o644)


def test_un_texto_con_caracteres_de_control_se_rechaza(ejemplo):
    """Un ESC pegado de una terminal («\\x1b[31m») llegaba a bitacora.yaml y de ahí a los
    informes, que lo imprimían tal cual."""
    antes = huella(ejemplo / "bitacora.yaml")
    r = correr(str(ejemplo), "--fecha", "2026-03-20", "--acuerdo", "con \x1b[31mrojo\x1b[0m")
    assert r.exit_code == 2
    assert r.stderr == ("ruta: --acuerdo: el texto tiene un carácter de control (U+001B); escríbelo "
                        "sin él (un salto de línea o un tabulador sí valen).\n"
                        "ruta: no se escribió nada en bitacora.yaml.\n")
    assert huella(ejemplo / "bitacora.yaml") == antes


# --- Preguntando --------------------------------------------------------------------------------------


def test_agregar_preguntando(ejemplo, monkeypatch):
    monkeypatch.setattr("rutamejora.commands.bitacora._hay_terminal", lambda: True)  # CliRunner no tiene terminal
    antes = (ejemplo / "bitacora.yaml").read_text(encoding="utf-8")
    respuestas = "\n".join([
        "2027-01-01",          # fuera del ciclo: se vuelve a preguntar
        "2026-07-14",          # fecha
        "",                    # sin sesión
        "1", "A1x", "A1",      # una acción: primero un id que no existe
        "en curso", "120", "100", "Registro final: #20", "", "", "",  # estado, avance (mal y bien), evidencia, gasto, nota
        "3", "Cerrar el ciclo",  # un acuerdo
        "0", "s", ""])
    r = correr(str(ejemplo), input=respuestas)
    assert r.exit_code == 0, r.output
    assert "no hay ninguna acción con id «A1x». ¿Quisiste decir A1?" in r.stderr
    assert "2027-01-01 está fuera del ciclo" in r.stderr
    assert "Avance 0-100" in r.stderr and "120 está fuera de rango" in r.stderr
    assert "[y/N]" not in r.output and "[S/n]" in r.stderr
    assert r.stdout == ("Nueva entrada del 14 jul 2026 en bitacora.yaml, línea 686: acción A1 "
                        "(en curso, 100 %), 1 acuerdo.\n")
    assert solo_agregadas(antes, (ejemplo / "bitacora.yaml").read_text(encoding="utf-8"))[1:] == [
        "  - fecha: 2026-07-14\n", "    acciones:\n", "      - accion: A1\n", "        estado: en_curso\n",
        "        avance: 100\n", "        evidencias: ['Registro final: #20']\n", "    acuerdos:\n",
        "      - Cerrar el ciclo\n"]


def test_agregar_preguntando_un_ingreso_y_un_rasgo(ejemplo, monkeypatch):
    """Las opciones 6 y 7 del menú: un ingreso de una fuente de ruta.yaml y la valoración de un
    rasgo de los anexos (rme-2014), con «¿quisiste decir …?» en cada respuesta."""
    monkeypatch.setattr("rutamejora.commands.bitacora._hay_terminal", lambda: True)  # CliRunner no tiene terminal
    antes = (ejemplo / "bitacora.yaml").read_text(encoding="utf-8")
    respuestas = "\n".join([
        "2026-07-14", "",                                   # fecha, sin sesión
        "6", "F9", "F1", "$1,500.50", "Aportación de las familias",   # ingreso: F9 no existe
        "7", "normalidad-minma", "", "99", "3", "lograda", "", "",  # rasgo: Enter acepta lo sugerido
        "0", "s", ""])
    r = correr(str(ejemplo), input=respuestas)
    assert r.exit_code == 0, r.output
    assert "  6  ingreso (dinero recibido de una fuente)" in r.stderr
    assert "  7  valoración de un rasgo de los anexos" in r.stderr
    assert "no hay ninguna fuente con id «F9». Las que hay: F1, F2, F3." in r.stderr
    assert "«normalidad-minma» no es un anexo. ¿Quisiste decir normalidad-minima? (Enter la acepta)" in r.stderr
    assert "  Anexo [normalidad-minima]:" in r.stderr
    assert "«99» no es un rasgo del anexo normalidad-minima (son 1, 2, 3, 4, 5, 6, 7, 8)." in r.stderr
    assert "«lograda» no es una valoración. ¿Quisiste decir logrado? (Enter la acepta)" in r.stderr
    assert r.stdout == ("Nueva entrada del 14 jul 2026 en bitacora.yaml, línea 686: 1 ingreso, "
                        "1 rasgo valorado.\n")
    assert solo_agregadas(antes, (ejemplo / "bitacora.yaml").read_text(encoding="utf-8"))[1:] == [
        "  - fecha: 2026-07-14\n", "    ingresos:\n",
        "      - {fuente: F1, monto: 1500.50, concepto: Aportación de las familias}\n",
        "    rasgos:\n", "      - anexo: normalidad-minima\n", "        rasgo: '3'\n",
        "        valoracion: logrado\n"]


def test_preguntando_cada_respuesta_se_revisa_al_momento(ejemplo, monkeypatch):
    """Un nombre y un teléfono en un acuerdo, o una acción «realizada» al 50 %, se rechazan en su
    pregunta y se vuelve a preguntar (antes se aceptaban, salían en la vista previa y al final no
    se guardaba nada de lo respondido)."""
    monkeypatch.setattr("rutamejora.commands.bitacora._hay_terminal", lambda: True)  # CliRunner no tiene terminal
    respuestas = "\n".join([
        "2026-07-14", "",
        "3", "Llamar a la mamá de Brayan Pérez López al 55 1234 5678", "Llamar a las familias",
        "1", "A1", "realizada", "50", "", "", "",        # no sirve junto: se pregunta la acción otra vez
        "A1", "realizada", "100", "", "", "",
        "0", "s", ""])
    r = correr(str(ejemplo), input=respuestas)
    assert r.exit_code == 0, r.output
    assert ("  el texto tiene un nombre de persona y un teléfono («Llamar a la mamá de [nombre: B. P. L.] "
            "al [teléfono]»); la Ruta guarda cantidades y códigos, nunca datos de personas.\n") in r.stderr
    assert ("  una acción realizada lleva avance 100 (no 50); si no se terminó, su estado es en_curso.\n"
            "  Escribe de nuevo el registro de esta acción.\n") in r.stderr
    vista = r.stderr[r.stderr.index("Se va a agregar"):]
    assert "Brayan" not in vista and "5678" not in vista
    assert r.stdout == ("Nueva entrada del 14 jul 2026 en bitacora.yaml, línea 686: acción A1 "
                        "(realizada, 100 %), 1 acuerdo.\n")


def test_preguntando_sin_anexos_no_ofrece_rasgos(tmp_path, monkeypatch):
    """Un marco sin anexos (pmc-2024) no ofrece valorar rasgos: el 7 no es una opción."""
    monkeypatch.setattr("rutamejora.commands.bitacora._hay_terminal", lambda: True)  # CliRunner no tiene terminal
    destino = tmp_path / "pmc"
    shutil.copytree(RAIZ / "ejemplos" / "pmc-primaria-2025-2026", destino)
    r = correr(str(destino), input="\n".join(["2026-07-14", "", "7", "0", ""]))
    assert r.exit_code == 0, r.output
    assert "  6  ingreso (dinero recibido de una fuente)\n  0  terminar" in r.stderr
    assert "rasgo" not in r.stderr
    assert "  Elige un número de la lista: 1, 2, 3, 4, 5, 6, 0." in r.stderr
    assert r.stderr.endswith("No se guardó nada.\n")


def test_preguntando_y_sin_guardar(ejemplo, monkeypatch):
    monkeypatch.setattr("rutamejora.commands.bitacora._hay_terminal", lambda: True)  # CliRunner no tiene terminal
    antes = huella(ejemplo / "bitacora.yaml")
    r = correr(str(ejemplo), "--fecha", "2026-07-14", input="\n3\nUn acuerdo\n0\nn\n")
    assert r.exit_code == 0  # elegir no guardar no es un error
    assert "No se guardó nada." in r.stderr
    assert huella(ejemplo / "bitacora.yaml") == antes


def test_preguntando_y_cancelando_sale_con_130(ejemplo, monkeypatch):
    monkeypatch.setattr("rutamejora.commands.bitacora._hay_terminal", lambda: True)  # CliRunner no tiene terminal
    antes = huella(ejemplo / "bitacora.yaml")
    r = correr(str(ejemplo), "--fecha", "2026-07-14", input="\n3\n")  # la entrada se acaba
    assert r.exit_code == 130
    assert "Cancelado: no se guardó nada." in r.stderr
    assert huella(ejemplo / "bitacora.yaml") == antes


SIN_TERMINAL = ("ruta: no hay una terminal para preguntar qué registrar: da lo que se registra con "
                "--accion, --meta, --acuerdo, --ajuste, --nota, --nota-de, --ingreso, --rasgo, --balance, "
                "--logros o --pendientes (o corre `ruta bitacora agregar` en una terminal).\n"
                "ruta: no se escribió nada en bitacora.yaml.\n")


def test_sin_sesion_se_une_a_la_entrada_de_esa_fecha(ejemplo):
    """El 26 jun 2026 ya tiene la entrada de la sesión 8: sin --sesion, lo nuevo se une a ella."""
    antes = (ejemplo / "bitacora.yaml").read_text(encoding="utf-8")
    r = correr(str(ejemplo), "--fecha", "2026-06-26", "--acuerdo", "Un acuerdo más")
    assert r.exit_code == 0, r.output
    assert r.stdout == ("Agregado a la entrada del 26 jun 2026 (sesión 8) en bitacora.yaml, línea 523: "
                        "1 acuerdo.\n")
    assert r.stderr == ""
    despues = (ejemplo / "bitacora.yaml").read_text(encoding="utf-8")
    assert solo_agregadas(antes, despues) == ["      - Un acuerdo más\n"]
    assert despues.splitlines(True)[522] == "      - Un acuerdo más\n"
    assert despues.count("fecha: 2026-06-26") == 1


def test_sin_terminal_y_sin_nada_que_registrar_nombra_las_opciones(ejemplo):
    antes = huella(ejemplo / "bitacora.yaml")
    r = correr(str(ejemplo), "--fecha", "2026-02-10", input="")  # CliRunner: la entrada no es terminal
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == SIN_TERMINAL
    assert huella(ejemplo / "bitacora.yaml") == antes


def test_sin_terminal_de_verdad(ejemplo):
    """Como en un script, con la entrada de /dev/null (antes preguntaba y salía con 130)."""
    with open(os.devnull, "rb") as nada:
        r = subprocess.run([sys.executable, "-m", "rutamejora", "bitacora", "agregar", str(ejemplo),
                            "--fecha", "2026-02-10"], stdin=nada, capture_output=True, timeout=60,
                           env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert r.returncode == 2
    assert r.stdout == b""
    assert r.stderr.decode("utf-8") == SIN_TERMINAL


def test_ayuda_de_agregar_en_espanol():
    import re

    r = runner.invoke(app, ["bitacora", "agregar", "--help"], env={"LANG": "C", "COLUMNS": "100"})
    assert r.exit_code == 0
    assert "Uso: ruta bitacora agregar" in r.output
    assert "Ejemplo: ruta bitacora agregar --sesion 4 --accion A1 --estado en_curso --avance 50" in r.output
    assert not re.search(r"\b(Usage|Options|Arguments|Commands|Error|default:|required)\b", r.output)


# --- Cualquier texto se guarda tal cual ------------------------------------------------------------

from hypothesis import HealthCheck, given, settings, strategies as st  # noqa: E402

TEXTOS = st.text(st.characters(blacklist_categories=("Cs",)), min_size=1, max_size=80).filter(
    lambda t: t.strip())


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(acuerdo=TEXTOS, evidencia=TEXTOS, fuente=TEXTOS, comprobante=TEXTOS, unir=st.booleans())
def test_cualquier_texto_se_lee_igual_y_solo_agrega_lineas(acuerdo, evidencia, fuente, comprobante, unir):
    """En bloque, en una lista en línea o en un mapa en línea; nuevo o unido a una entrada."""
    from ruamel.yaml import YAML

    antes = "\ufeff" + RARA.replace("\n", "\r\n")
    entrada = {"fecha": date(2025, 9, 26) if unir else date(2025, 10, 31),
               "acciones": [{"accion": "A2", "estado": "en_curso", "evidencias": [evidencia],
                             "comprobante": comprobante}],
               "mediciones": [{"meta": "M2", "valor": Decimal("3.5"), "fuente": fuente}],
               "acuerdos": [acuerdo]}
    if unir:
        entrada["sesion"] = 1
    despues, cambio = escritura.injertar(antes, entrada)
    escritura.comprobar(antes, despues, entrada, cambio)
    if not unir:
        solo_agregadas(antes, despues)
    nueva = YAML(typ="safe", pure=True).load(despues[1:])["entradas"][-1]
    # Y como lee `ruta validar` (libyaml, del analizador en C): lo mismo.
    assert YAML(typ="safe", pure=False).load(despues[1:])["entradas"][-1] == nueva
    assert nueva["acuerdos"][-1] == acuerdo
    assert nueva["acciones"][-1]["evidencias"] == [evidencia]
    assert nueva["acciones"][-1]["comprobante"] == comprobante
    assert nueva["mediciones"][-1]["fuente"] == fuente


def test_datos_personales_se_rechazan_antes_de_escribir(ejemplo):
    bitacora = ejemplo / "bitacora.yaml"
    antes = huella(bitacora)
    r = correr(str(ejemplo), "--fecha", "2026-07-14",
               "--nota", "Habló la mamá de Juan Pérez López",
               "--acuerdo", "Revisar CURP PELJ150312HPLRPNA8 y escribir a familia.perez@correo.mx")
    assert r.exit_code == 2
    assert ("--acuerdo: el texto tiene una CURP y un correo electrónico («Revisar CURP [CURP] y "
            "escribir a [correo]»)") in r.output
    assert "--nota: el texto tiene un nombre de persona («Habló la mamá de [nombre: J. P. L.]»)" in r.output
    assert "PELJ150312HPLRPNA8" not in r.output and "Juan Pérez López" not in r.output
    assert huella(bitacora) == antes


# --- La comprobación: byte por byte fuera de lo agregado, y lo agregado se lee como se pidió ------

from rutamejora.escritura import comprobacion, estilo_yaml, injerto  # noqa: E402
from rutamejora.escritura.candado import NoSeEscribio  # noqa: E402
from ruamel.yaml.error import YAMLError  # noqa: E402


def _injertar_y_comprobar(texto: str, entrada: dict) -> str:
    nuevo, cambio = escritura.injertar(texto, entrada)
    escritura.comprobar(texto, nuevo, entrada, cambio)
    return nuevo


def _leido_entero(texto: str):
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).load(texto.lstrip("\ufeff"))


def _bitacora_larga(n: int) -> str:
    lineas = ["entradas:"]
    for i in range(n):
        dia = date.fromordinal(date(2025, 9, 1).toordinal() + i % 300).isoformat()
        lineas += [f"  - fecha: {dia}", "    acciones:", f"      - accion: A{i % 7 + 1}",
                   "        estado: en_curso", f"        avance: {i % 100}", "    acuerdos:",
                   f"      - Acuerdo {i}: seguir  # comentario {i}"]
    return "\n".join(lineas) + "\n"


def test_un_cambio_fuera_de_lo_agregado_se_rechaza_aunque_se_lea_igual(rara, monkeypatch):
    """Cambiar un comentario no cambia lo que se lee, pero tampoco es agregar: no se escribe."""
    archivo = rara / "bitacora.yaml"
    antes = huella(archivo)
    original = escritura.injertar

    def con_otro_comentario(texto, entrada, *leido):
        nuevo, cambio = original(texto, entrada, *leido)
        return nuevo.replace("# fin de la sesión 1", "# fin de la sesion 1"), cambio

    monkeypatch.setattr(escritura, "injertar", con_otro_comentario)
    r = correr(str(rara), "--fecha", "2025-10-31", "--acuerdo", "x")
    assert r.exit_code == 1
    assert "no coincide con lo que se pidió" in r.stderr
    assert huella(archivo) == antes


@pytest.mark.parametrize("texto", [
    _bitacora_larga(50),                                                   # se lee solo un tramo
    "entradas: [{fecha: 2025-09-26, acuerdos: [Uno]}]\n",                  # se lee todo
    "entradas:\n  - &a fecha: 2025-09-26\n    acuerdos: [Uno]\n",           # con ancla: se lee todo
], ids=["tramo", "en-linea", "con-ancla"])
@pytest.mark.parametrize("unir", [False, True], ids=["nueva", "unida"])
def test_lo_agregado_se_lee_de_nuevo(texto, unir, monkeypatch):
    """Si el YAML de lo nuevo se leyera distinto de lo pedido (aquí, «'1850'» sin comillas sería
    un número), no se escribe."""
    entrada = {"fecha": date(2025, 9, 26) if unir else date(2026, 7, 1), "acuerdos": ["1850"]}
    _injertar_y_comprobar(texto, entrada)   # bien hecho, pasa
    volcar = estilo_yaml.volcar

    def sin_comillas(*args):
        return [linea.replace("'1850'", "1850") for linea in volcar(*args)]

    monkeypatch.setattr(estilo_yaml, "volcar", sin_comillas)
    monkeypatch.setattr(injerto, "volcar", sin_comillas)
    nuevo, cambio = escritura.injertar(texto, entrada)
    assert "'1850'" not in nuevo and "1850" in nuevo
    with pytest.raises(NoSeEscribio, match="no coincide con lo que se pidió"):
        escritura.comprobar(texto, nuevo, entrada, cambio)


def test_la_comprobacion_no_relee_el_archivo_entero(monkeypatch):
    """Con una bitácora larga se lee de nuevo solo el tramo de entradas que cambió."""
    texto = _bitacora_larga(2000)
    leidos = []
    cargar = comprobacion.cargar_yaml
    monkeypatch.setattr(comprobacion, "cargar_yaml", lambda t: leidos.append(len(t)) or cargar(t))
    for entrada in ({"fecha": date(2026, 7, 1), "acuerdos": ["Al final"]},
                    {"fecha": date(2025, 12, 1), "sesion": 3, "acuerdos": ["En medio"]},
                    {"fecha": date(2025, 9, 1), "acuerdos": ["Se une a la primera"], "nota": "Nota"},
                    {"fecha": date(2025, 8, 30), "acuerdos": ["Antes de todas"]}):
        nuevo, cambio = escritura.injertar(texto, entrada)
        escritura.comprobar(texto, nuevo, entrada, cambio)
        assert _leido_entero(nuevo) == comprobacion._esperado(_leido_entero(texto), entrada, cambio.unida,
                                                              cambio.indice)
    assert leidos and max(leidos) < 1000 < len(texto)


def test_lo_nuevo_no_le_quita_las_lineas_a_un_bloque_que_las_guarda():
    """Un bloque `|+` guarda sus líneas en blanco del final: lo nuevo iría dentro de ellas y el
    bloque cambiaría. Se rechaza (antes de escribir) en vez de cambiarlo."""
    texto = ("entradas:\n  - fecha: 2025-09-26\n    sesion: 1\n    nota: |+\n      texto\n\n\n"
             "  - fecha: 2025-10-31\n    acuerdos: [Dos]\n")
    for entrada in ({"fecha": date(2025, 10, 1), "acuerdos": ["Medio"]},
                    {"fecha": date(2025, 9, 26), "sesion": 1, "acuerdos": ["Unido"]}):
        with pytest.raises(NoSeEscribio, match="no coincide"):
            _injertar_y_comprobar(texto, entrada)


def test_una_entrada_que_acaba_en_un_valor_vacio():
    texto = "entradas:\n  - fecha: 2025-09-26\n    sesion: 1\n    nota:\n  - fecha: 2025-10-31\n    acuerdos: [x]\n"
    nuevo = _injertar_y_comprobar(texto, {"fecha": date(2025, 10, 1), "acuerdos": ["Medio"]})
    assert nuevo == texto.replace("  - fecha: 2025-10-31", "  - fecha: 2025-10-01\n    acuerdos: [Medio]\n"
                                                            "  - fecha: 2025-10-31")


@pytest.mark.parametrize("texto", [
    "entradas:\n  - fecha: 2025-09-26\n    acuerdos: &a [Uno]\n  - fecha: 2025-10-31\n    acuerdos: *a\n",
    "entradas:\n  - &e\n    fecha: 2025-09-26\n    acuerdos: [Uno]\n  - *e\n",
    "entradas:\n  - fecha: 2025-09-26\n    acuerdos: [Uno]\n    acuerdos: [Dos]\n",
    "entradas: []\n---\nentradas: []\n",
], ids=["alias-de-lista", "alias-de-mapa", "clave-repetida", "dos-documentos"])
def test_yaml_que_ruta_no_acepta_no_se_toca(tmp_path, texto):
    """Un alias de una lista o un mapa (podría multiplicar el archivo), una clave repetida o un
    segundo documento: error de YAML, como dice `ruta validar`; el archivo queda igual."""
    with pytest.raises(YAMLError):
        _injertar_y_comprobar(texto, {"fecha": date(2025, 11, 28), "acuerdos": ["x"]})
    destino = tmp_path / "r"
    shutil.copytree(MINIMA, destino)
    (destino / "bitacora.yaml").write_text(texto, encoding="utf-8")
    antes = huella(destino / "bitacora.yaml")
    r = correr(str(destino), "--fecha", "2025-11-28", "--acuerdo", "x")
    assert r.exit_code == 1
    assert "error de YAML" in r.stderr or "no se puede leer" in r.stderr
    assert huella(destino / "bitacora.yaml") == antes


def test_un_alias_de_un_texto_se_respeta():
    texto = "entradas:\n  - fecha: 2025-09-26\n    nota: &n Igual\n  - fecha: 2025-10-31\n    nota: *n\n"
    nuevo = _injertar_y_comprobar(texto, {"fecha": date(2026, 1, 30), "acuerdos": ["x"]})
    assert solo_agregadas(texto, nuevo) == ["  - fecha: 2026-01-30\n", "    acuerdos:\n", "      - x\n"]


# Bitácoras al azar con los estilos que un editor deja: sangrías, comentarios, líneas en blanco,
# bloques `|`/`>` con sus indicadores, listas y mapas en línea, comillas, CRLF, BOM.
def _bitacora_al_azar(r) -> tuple[str, date]:
    guion, contenido = r.choice([(2, 4), (0, 2), (4, 8), (4, 6)])
    coma = lambda: r.choice(["", "", "  # c", "   # x: y"])  # noqa: E731
    dia, lineas = date(2025, 9, 1), ["# encabezado"] * (r.random() < 0.3) + ["entradas:" + coma()]

    def valor(clave, v, col):
        if isinstance(v, list) and r.random() < 0.3:
            return [" " * col + f"{clave}: [" + ", ".join(f"'{x}'" for x in v) + "]" + coma()]
        if isinstance(v, list):
            return [" " * col + f"{clave}:" + coma()] + [
                " " * (col + guion) + "-" + " " * (contenido - guion - 1) + r.choice([x, f"'{x}'", f'"{x}"']) + coma()
                for x in v]
        if r.random() < 0.2:
            return [" " * col + f"{clave}: " + r.choice("|>") + r.choice(["", "-", "+"]), " " * (col + 2) + v,
                    " " * (col + 2) + "# dentro del bloque"] + [""] * r.randint(0, 2)
        return [" " * col + f"{clave}: " + r.choice([v, f"'{v}'"]) + coma()]

    for _ in range(r.randint(0, 6)):
        dia += timedelta(days=r.choice([0, 1, 7, 30]))
        campos = {"fecha": dia.isoformat()}
        if r.random() < 0.6:
            campos["sesion"] = str(r.randint(1, 3))
        if r.random() < 0.7:
            campos["acuerdos"] = r.sample(["Uno", "Dos: tres", "x # y", "Señor"], r.randint(1, 3))
        if r.random() < 0.4:
            campos["nota"] = r.choice(["Nota corta", "otra nota"])
        lineas += [" " * r.randint(0, guion) + "# antes de la entrada"] * (r.random() < 0.2)
        cuerpo = [l for k, v in campos.items() for l in valor(k, v, contenido)]
        cuerpo[0] = " " * guion + "-" + " " * (contenido - guion - 1) + cuerpo[0][contenido:]
        lineas += cuerpo + [""] * (r.random() < 0.3)
    lineas += ["otra_clave: fin"] * (r.random() < 0.15) + ["# final"] * (r.random() < 0.2)
    texto = "\n".join(lineas) + "\n" * (r.random() < 0.9)
    texto = texto.replace("\n", "\r\n") if r.random() < 0.2 else texto
    return ("\ufeff" if r.random() < 0.1 else "") + texto, dia


@settings(max_examples=300, deadline=None)
@given(semilla=st.integers(0, 2**32))
def test_cualquier_bitacora_queda_igual_mas_lo_agregado(semilla):
    """Lo que se escribe, leído entero, es lo de antes más lo pedido; lo que se rechaza por no
    coincidir, leído entero, tampoco habría coincidido."""
    import random

    r = random.Random(semilla)
    texto, ultimo = _bitacora_al_azar(r)
    entrada = {"fecha": r.choice([ultimo, ultimo + timedelta(days=3), date(2025, 8, 30)]), "acuerdos": ["Nuevo"]}
    if r.random() < 0.5:
        entrada.update(sesion=r.randint(1, 3), tipo="sesion_ordinaria")
    if r.random() < 0.4:
        entrada["mediciones"] = [{"meta": "M9", "valor": Decimal("2.5")}]
    try:
        nuevo, cambio = escritura.injertar(texto, entrada)
    except (YAMLError, NoSeEscribio, injerto.YaRegistrado):
        return
    esperado = comprobacion._esperado(_leido_entero(texto), entrada, cambio.unida, cambio.indice)
    try:
        escritura.comprobar(texto, nuevo, entrada, cambio)
    except NoSeEscribio:
        assert _leido_entero(nuevo) != esperado
        return
    assert _leido_entero(nuevo) == esperado
    assert nuevo.startswith("\ufeff") == texto.startswith("\ufeff")


def test_el_mismo_acuerdo_dos_veces_no_se_duplica(ejemplo):
    """Repetir la orden (la terminal, un guion que se corre otra vez) no duplica lo registrado:
    lo mismo que `ruta sesion --guardar` (``sin_lo_ya_registrado``)."""
    archivo = ejemplo / "bitacora.yaml"
    r = correr(str(ejemplo), "--fecha", "2026-03-27", "--acuerdo", "Revisar las rúbricas en la sesión 7")
    assert r.exit_code == 0, r.output
    assert r.stdout == "Agregado a la entrada del 27 mar 2026 (sesión 6) en bitacora.yaml, línea 385: 1 acuerdo.\n"
    despues = huella(archivo)
    r = correr(str(ejemplo), "--fecha", "2026-03-27", "--acuerdo", "Revisar las rúbricas en la sesión 7")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == ("ruta: ya está registrado: la entrada del 27 mar 2026 (sesión 6) ya tiene 1 acuerdo; "
                        "no se escribió nada en bitacora.yaml.\n")
    assert huella(archivo) == despues
    # Con algo nuevo: se agrega lo nuevo y se avisa lo que no se repitió.
    r = correr(str(ejemplo), "--sesion", "6", "--acuerdo", "Revisar las rúbricas en la sesión 7",
               "--acuerdo", "Invitar a las familias a la lectura", "--ingreso", "F2=300:Rifa")
    assert r.exit_code == 0, r.output
    assert r.stdout == ("Agregado a la entrada del 27 mar 2026 (sesión 6) en bitacora.yaml, línea 377: "
                        "1 acuerdo, 1 ingreso.\n")
    assert r.stderr == "Nota: la entrada del 27 mar 2026 (sesión 6) ya tenía 1 acuerdo; eso no se repitió.\n"
    texto = archivo.read_text(encoding="utf-8")
    assert texto.count("Revisar las rúbricas en la sesión 7") == 1
    assert texto.count("- Invitar a las familias a la lectura\n") == 1
    # Todo repetido, acuerdos e ingreso: nada se escribe.
    despues = huella(archivo)
    r = correr(str(ejemplo), "--sesion", "6", "--acuerdo", "Invitar a las familias a la lectura",
               "--acuerdo", "Revisar las rúbricas en la sesión 7", "--ingreso", "F2=300.00:Rifa")
    assert r.exit_code == 2
    assert r.stderr == ("ruta: ya está registrado: la entrada del 27 mar 2026 (sesión 6) ya tiene 2 acuerdos "
                        "y 1 ingreso; no se escribió nada en bitacora.yaml.\n")
    assert huella(archivo) == despues


def test_un_acuerdo_repetido_con_un_error_dice_el_error(ejemplo):
    """Con valores que no sirven se dicen esos, no «ya está registrado»."""
    correr(str(ejemplo), "--fecha", "2026-03-27", "--acuerdo", "Uno")
    antes = huella(ejemplo / "bitacora.yaml")
    r = correr(str(ejemplo), "--fecha", "2026-03-27", "--acuerdo", "Uno", "--ingreso", "F9=10")
    assert r.exit_code == 2
    assert r.stderr == ("ruta: --ingreso: no hay ninguna fuente con id «F9». Las que hay: F1, F2, F3.\n"
                        "ruta: no se escribió nada en bitacora.yaml.\n")
    assert huella(ejemplo / "bitacora.yaml") == antes


@pytest.mark.skipif(os.name == "nt", reason="en Windows los argumentos llegan siempre en Unicode")
def test_un_argumento_que_no_es_utf8(ejemplo):
    """Una terminal en Latin-1: antes salía con 1 y «un error de ruta»; ahora, un error de uso
    que dice cuál (enmascarado) y bitacora.yaml intacto."""
    antes = (ejemplo / "bitacora.yaml").read_bytes()
    r = subprocess.run([sys.executable, "-m", "rutamejora", "bitacora", "agregar", str(ejemplo),
                        "--fecha", "2026-07-02", "--acuerdo", os.fsdecode(b"Caf\xe9 con Kevin P\xe9rez")],
                       capture_output=True, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert r.returncode == 2
    assert r.stdout == b""
    assert r.stderr.decode("utf-8") == (
        "ruta: el argumento «Café con [nombre: K. P.]» no está en UTF-8 (la terminal usa otra "
        "codificación). Configúrala en UTF-8 (p. ej. LANG=es_MX.UTF-8) o escribe el texto sin acentos.\n")
    assert (ejemplo / "bitacora.yaml").read_bytes() == antes


@pytest.mark.skipif(os.name == "nt", reason="en Windows los argumentos llegan siempre en Unicode")
def test_una_carpeta_con_nombre_en_latin1_se_puede_validar(ejemplo, tmp_path):
    """Un argumento que no es UTF-8 pero nombra algo que existe se usa tal cual."""
    carpeta = os.fsdecode(bytes(tmp_path) + b"/escuela-\xe9")
    shutil.copytree(ejemplo, carpeta)
    r = subprocess.run([sys.executable, "-m", "rutamejora", "validar", carpeta, "--fecha", "2026-03-01"],
                       capture_output=True, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[2])})
    assert r.returncode == 0, r.stderr
    assert r.stderr == b""
    assert r.stdout.decode("utf-8").splitlines()[-1].startswith("Todo en orden: 7 archivos revisados (1 nota).")
