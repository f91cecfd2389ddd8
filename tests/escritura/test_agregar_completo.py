"""``bitacora agregar`` registra todo lo que la bitácora tiene: varias acciones y metas en una
orden (``ID=VALOR``), ingresos, rasgos, balances, el tipo de la entrada, notas para registros ya
escritos y ajustes que se unen a la entrada que ya registra la acción. Cada error de uso dice la
única cosa que hay que cambiar, sale con 2 y deja el archivo intacto."""

from __future__ import annotations

import hashlib
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.nucleo.problemas import ERROR
from rutamejora.reglas.validacion import validar

RAIZ = Path(__file__).resolve().parents[2]
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"
PEMC = RAIZ / "ejemplos" / "pemc-secundaria-2024-2026"
runner = CliRunner()


def correr(*args: str, **kw):
    return runner.invoke(app, ["bitacora", "agregar", *args], **kw)


def huella(archivo: Path) -> str:
    return hashlib.sha256(archivo.read_bytes()).hexdigest()


def agregadas(antes: str, despues: str) -> list[str]:
    import difflib

    diff = list(difflib.unified_diff(antes.splitlines(True), despues.splitlines(True), n=0))
    cuerpo = [l for l in diff if not l.startswith(("---", "+++", "@@"))]
    assert all(l.startswith("+") for l in cuerpo), "el diff quita o cambia líneas"
    return [l[1:] for l in cuerpo]


def errores(carpeta: Path) -> list:
    return [(p.codigo, p.mensaje) for p in validar(carpeta, date(2026, 7, 15), True).problemas
            if p.severidad == ERROR]


@pytest.fixture
def ejemplo(tmp_path) -> Path:
    destino = tmp_path / "primaria"
    shutil.copytree(EJEMPLO, destino)
    return destino


def test_varias_acciones_y_metas_en_una_orden(ejemplo):
    archivo = ejemplo / "bitacora.yaml"
    antes = archivo.read_text(encoding="utf-8")
    r = correr(str(ejemplo), "--fecha", "2026-07-14", "--accion", "A1=en_curso:90", "--accion", "A15=100",
               "--accion", "A6=60", "--meta", "M1=58", "--meta", "M2=61", "--fuente", "Corte final",
               "--ajuste", "Se cierra el ciclo")
    assert r.exit_code == 0, r.output
    assert r.stdout == ("Nueva entrada del 14 jul 2026 en bitacora.yaml, línea 686: acción A1 (en curso, "
                        "90 %), acción A15 (realizada, 100 %), acción A6 (en curso, 60 %), medición de M1 "
                        "(58), medición de M2 (61), 1 ajuste.\n")
    assert agregadas(antes, archivo.read_text(encoding="utf-8"))[1:] == [
        "  - fecha: 2026-07-14\n", "    acciones:\n",
        "      - accion: A1\n", "        estado: en_curso\n", "        avance: 90\n",
        "      - accion: A15\n", "        estado: realizada\n", "        avance: 100\n",
        "      - accion: A6\n", "        estado: en_curso\n", "        avance: 60\n",
        "    mediciones:\n",
        "      - {meta: M1, valor: 58, fuente: Corte final}\n",
        "      - {meta: M2, valor: 61, fuente: Corte final}\n",
        "    ajustes:\n", "      - descripcion: Se cierra el ciclo\n",
        "        acciones: [A1, A15, A6]\n", "        metas: [M1, M2]\n"]
    assert errores(ejemplo) == []


def test_estado_y_avance_en_cualquier_orden():
    from rutamejora.escritura import leer_accion

    assert leer_accion("A1=50:en_curso") == ("A1", "en_curso", 50)
    assert leer_accion("A1=en curso:50") == ("A1", "en_curso", 50)
    assert leer_accion("A4=100") == ("A4", "realizada", 100)
    assert leer_accion("A4=cancelada") == ("A4", "cancelada", None)
    assert leer_accion("A4") == ("A4", None, None)


def test_un_ajuste_se_une_a_la_entrada_que_ya_registra_la_accion(ejemplo):
    archivo = ejemplo / "bitacora.yaml"
    antes = archivo.read_text(encoding="utf-8")
    r = correr(str(ejemplo), "--sesion", "4", "--accion", "A4", "--ajuste", "Se cambia el horario del taller")
    assert r.exit_code == 0, r.output
    assert r.stdout == "Agregado a la entrada del 30 ene 2026 (sesión 4) en bitacora.yaml, línea 279: 1 ajuste.\n"
    assert agregadas(antes, archivo.read_text(encoding="utf-8")) == [
        "    ajustes:\n", "      - descripcion: Se cambia el horario del taller\n", "        acciones: [A4]\n"]
    assert errores(ejemplo) == []


def test_una_nota_para_un_registro_ya_escrito(ejemplo):
    archivo = ejemplo / "bitacora.yaml"
    antes = archivo.read_text(encoding="utf-8")
    r = correr(str(ejemplo), "--sesion", "4", "--nota-de", "A1=Se hizo con apoyo de la biblioteca")
    assert r.exit_code == 0, r.output
    assert r.stdout == ("Agregado a la entrada del 30 ene 2026 (sesión 4) en bitacora.yaml, línea 202: "
                        "nota para A1.\n")
    assert agregadas(antes, archivo.read_text(encoding="utf-8")) == [
        "        nota: Se hizo con apoyo de la biblioteca\n"]
    assert errores(ejemplo) == []


def test_una_nota_para_un_registro_en_linea(tmp_path):
    destino = tmp_path / "m"
    shutil.copytree(RAIZ / "tests" / "datos" / "minima", destino)
    r = correr(str(destino), "--sesion", "1", "--nota-de", "M1=Medido con rúbrica",
               "--nota-de", "A1=Con material nuevo")
    assert r.exit_code == 0, r.output
    assert (destino / "bitacora.yaml").read_text(encoding="utf-8") == (
        "entradas:\n  - fecha: 2025-09-26\n    sesion: 1\n    acciones:\n"
        "      - {accion: A1, estado: en_curso, avance: 10, gasto: 500.00, comprobante: F-001, nota: Con material nuevo}\n"
        "    mediciones:\n      - {meta: M1, valor: 42, nota: Medido con rúbrica}\n")


def test_evaluacion_final_con_rasgos_balance_e_ingresos(ejemplo):
    archivo = ejemplo / "bitacora.yaml"
    antes = archivo.read_text(encoding="utf-8")
    r = correr(str(ejemplo), "--fecha", "2026-07-14", "--tipo", "evaluacion_final",
               "--rasgo", "ausentismo/1=en_proceso:Bajó en primavera", "--balance", "P1=en_proceso",
               "--logros", "P1=Subió la comprensión lectora", "--pendientes", "P1=Sostener la lectura",
               "--ingreso", "F2=1500:Aportación de julio")
    assert r.exit_code == 0, r.output
    assert r.stdout == ("Nueva entrada del 14 jul 2026 en bitacora.yaml, línea 686: 1 ingreso, 1 rasgo "
                        "valorado, 1 balance.\n")
    assert agregadas(antes, archivo.read_text(encoding="utf-8"))[1:] == [
        "  - fecha: 2026-07-14\n", "    tipo: evaluacion_final\n", "    ingresos:\n",
        "      - {fuente: F2, monto: 1500.00, concepto: Aportación de julio}\n", "    rasgos:\n",
        "      - anexo: ausentismo\n", "        rasgo: '1'\n", "        valoracion: en_proceso\n",
        "        comentario: Bajó en primavera\n", "    balance:\n", "      - prioridad: P1\n",
        "        valoracion: en_proceso\n", "        logros: Subió la comprensión lectora\n",
        "        pendientes: Sostener la lectura\n"]
    assert errores(ejemplo) == []


def test_revision_anual_del_pemc_con_la_palabra_del_marco(tmp_path):
    destino = tmp_path / "pemc"
    shutil.copytree(PEMC, destino)
    r = correr(str(destino), "--fecha", "2026-07-13", "--tipo", "revision_anual", "--balance", "P2=logrado")
    assert r.exit_code == 0, r.output
    texto = (destino / "bitacora.yaml").read_text(encoding="utf-8")
    assert texto.endswith("  - fecha: 2026-07-13\n    tipo: revision_anual\n    balance:\n"
                          "      - ambito: P2\n        valoracion: logrado\n")


# Cada error de uso: su mensaje exacto, salida 2 y el archivo intacto.
@pytest.mark.parametrize("args,mensaje", [
    (["--sesion", "3", "--valor", "50"], "--valor va con una meta: agrega --meta ID (p. ej. --meta M1)."),
    (["--sesion", "3", "--fuente", "Corte"],
     "--fuente va con una medición: agrega --meta ID=VALOR (p. ej. --meta M1=57)."),
    (["--sesion", "3", "--estado", "en_curso"],
     "--estado va con una acción: agrega --accion ID (p. ej. --accion A1)."),
    (["--sesion", "3", "--accion", "A1=en_curso", "--accion", "A2=50", "--avance", "20"],
     "--avance va con una sola --accion y hay 2: escribe el estado y el avance junto a cada id "
     "(--accion A1=en_curso:50 --accion A4=100)."),
    (["--sesion", "3", "--accion", "A1=en_curso", "--accion", "A2=50", "--gasto", "20"],
     "--gasto va con una sola --accion y hay 2: registra esa acción en una orden aparte."),
    (["--sesion", "3", "--meta", "M1", "--meta", "M2", "--valor", "20"],
     "--valor va con una sola --meta y hay 2: escribe cada valor junto a su id (--meta M1=57 --meta M2=80)."),
    (["--sesion", "3", "--meta", "M1=5", "--meta", "M2=6", "--nota", "x"],
     "--nota no sabe de cuál registro es: escribe --nota-de ID=TEXTO (p. ej. --nota-de M1=TEXTO)."),
    (["--sesion", "3", "--accion", "A1=en_curso", "--estado", "realizada"],
     "--estado: la acción A1 ya dice su estado en --accion A1=en_curso; quita --estado."),
    (["--sesion", "3", "--accion", "A1=50", "--avance", "60"],
     "--avance: la acción A1 ya dice su avance en --accion A1=50; quita --avance."),
    (["--sesion", "3", "--meta", "M1=50", "--valor", "60"],
     "--valor: la meta M1 ya dice su valor en --meta M1=50; quita --valor."),
    (["--sesion", "3", "--accion", "A1=en_curso", "--accion", "A2"],
     "falta el estado de la acción A2: escribe --accion A2=en_curso (o A2=ESTADO:AVANCE)."),
    (["--sesion", "3", "--meta", "M1=5", "--meta", "M2"],
     "falta el valor de la meta M2: escribe --meta M2=VALOR."),
    (["--sesion", "3", "--accion", "A1=terminada"],
     "--accion A1: «terminada» no es un estado. Los estados son: pendiente, en_curso, realizada, "
     "reprogramada o cancelada."),
    (["--sesion", "3", "--accion", "A1=en_curso:50:x"],
     "--accion: «A1=en_curso:50:x» tiene de más; después del «=» van el estado y el avance, separados "
     "por «:» (A1=en_curso:50)."),
    (["--sesion", "3", "--accion", "=50"],
     "--accion: «=50» no empieza con un id; escríbelo así: --accion A1=en_curso:50."),
    (["--sesion", "3", "--accion", "A1="],
     "--accion: «A1=» no dice nada después del «=»; escríbelo así: --accion A1=en_curso:50."),
    (["--sesion", "3", "--meta", "M1=mucho"], "--meta M1: «mucho» no es un número (p. ej. 57 o 7.4)."),
    (["--sesion", "3", "--ingreso", "F1"],
     "--ingreso: a «F1» le falta su valor; escríbelo así: --ingreso F1=15000.00:Concepto."),
    (["--sesion", "3", "--ingreso", "F9=100"],
     "--ingreso: no hay ninguna fuente con id «F9». Las que hay: F1, F2, F3."),
    (["--sesion", "3", "--rasgo", "normalidad-minima=logrado"],
     "--rasgo: «normalidad-minima» no dice anexo y rasgo; escríbelo así: --rasgo normalidad-minima/1=logrado."),
    (["--sesion", "3", "--rasgo", "normalidad/1=logrado"],
     "--rasgo: «normalidad» no es un anexo; los anexos son: normalidad-minima, ausentismo, convivencia."),
    # Unirse a una entrada que ya existe no le cambia el tipo: pedir otro se rechaza (antes se callaba).
    (["--fecha", "2026-06-26", "--tipo", "evaluacion_final", "--acuerdo", "x"],
     "--tipo: la entrada del 26 jun 2026 ya existe y es sesion_ordinaria; lo nuevo se une a ella y su "
     "tipo no cambia: cámbialo en bitacora.yaml o quita el tipo."),
    # El anexo 4 es de preescolar (la Ruta es de una primaria).
    (["--sesion", "3", "--rasgo", "mejora-aprendizajes/1=logrado"],
     "--rasgo: el anexo mejora-aprendizajes es de preescolar, no de primaria; los de primaria son: "
     "normalidad-minima, ausentismo, convivencia."),
    (["--sesion", "3", "--rasgo", "ausentismo/99=logrado"],
     "--rasgo: el anexo ausentismo no tiene el rasgo «99»; tiene 1, 2, 3, 4, 5, 6, 7, 8, 9, 10."),
    (["--sesion", "3", "--balance", "P1=lograda"],
     "--balance P1: «lograda» no es una valoración. ¿Quisiste decir logrado?"),
    (["--sesion", "3", "--balance", "P9=logrado"],
     "--balance: no hay ninguna prioridad con id «P9». Las que hay: P1, P2, P3."),
    (["--sesion", "3", "--balance", "P1=logrado", "--balance", "P1=en_proceso"],
     "--balance: P1 está dos veces; deja uno."),
    (["--sesion", "3", "--tipo", "final", "--acuerdo", "x"],
     "--tipo: «final» no es un tipo de entrada (sesion_ordinaria, fase_intensiva, registro, "
     "revision_anual o evaluacion_final)."),
    (["--fecha", "2026-07-10", "--tipo", "revision_anual", "--acuerdo", "x"],
     "--tipo revision_anual es de una Ruta de varios ciclos (`ciclos:` en ruta.yaml); al cerrar el ciclo "
     "de esta Ruta usa --tipo evaluacion_final."),
    (["--fecha", "2026-07-10", "--tipo", "sesion_ordinaria", "--acuerdo", "x"],
     "--tipo sesion_ordinaria necesita --sesion N."),
    (["--sesion", "3", "--nota-de", "A99=x"],
     "--nota-de: no hay ninguna acción con id «A99». ¿Quisiste decir A9?"),
    (["--sesion", "3", "--accion", "A1=en_curso", "--nota", "a", "--nota-de", "A1=b"],
     "--nota-de A1: ese registro ya tiene --nota; deja una."),
])
def test_cada_error_de_uso_dice_que_cambiar(ejemplo, args, mensaje):
    antes = huella(ejemplo / "bitacora.yaml")
    r = correr(str(ejemplo), *args)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == f"ruta: {mensaje}\nruta: no se escribió nada en bitacora.yaml.\n"
    assert huella(ejemplo / "bitacora.yaml") == antes


@pytest.mark.parametrize("args,mensaje", [
    (["--sesion", "4", "--accion", "A1=en_curso:52"],
     "la entrada del 30 ene 2026 (sesión 4) ya registra la acción A1; corrige ese registro en "
     "bitacora.yaml, o agrégale una nota con --nota-de A1=TEXTO."),
    (["--sesion", "4", "--nota-de", "A17=x"],
     "la entrada del 30 ene 2026 (sesión 4) no registra la acción A17; da la --fecha y la --sesion de "
     "la entrada que sí la registra."),
    (["--fecha", "2026-07-14", "--nota-de", "A1=x"],
     "no hay una entrada del 14 jul 2026; da la --fecha y la --sesion de la entrada que registra la "
     "acción A1."),
])
def test_errores_de_uso_al_unir(ejemplo, args, mensaje):
    antes = huella(ejemplo / "bitacora.yaml")
    r = correr(str(ejemplo), *args)
    assert r.exit_code == 2
    assert r.stderr == f"ruta: {mensaje}\n"
    assert huella(ejemplo / "bitacora.yaml") == antes


def test_preguntando_lista_los_ids_propone_la_sesion_y_acepta_la_sugerencia(tmp_path, monkeypatch):
    monkeypatch.setattr("rutamejora.commands.bitacora._hay_terminal", lambda: True)  # CliRunner no tiene terminal
    destino = tmp_path / "p"
    shutil.copytree(EJEMPLO, destino)
    lineas = (EJEMPLO / "bitacora.yaml").read_text(encoding="utf-8").splitlines(True)
    (destino / "bitacora.yaml").write_text("".join(lineas[:279]), encoding="utf-8")
    respuestas = "\n".join(["", "",            # la fecha propuesta (sesión 5) y su número
                            "1", "a1", "",    # una acción: «a1» sugiere A1 y Enter la acepta
                            "en_curso", "70", "", "", "",
                            "0", "s", ""])
    r = correr(str(destino), input=respuestas)
    assert r.exit_code == 0, r.output
    assert "Fecha (AAAA-MM-DD) [2026-02-27]:" in r.stderr
    assert "    A1    Lectura diaria de 20 minutos al iniciar la jornada en 3° a 6°, co…\n" in r.stderr
    assert "no hay ninguna acción con id «a1». ¿Quisiste decir A1? (Enter la acepta)" in r.stderr
    assert "Id de la acción [A1]:" in r.stderr
    assert r.stdout == ("Nueva entrada del 27 feb 2026 (sesión 5) en bitacora.yaml, línea 280: acción A1 "
                        "(en curso, 70 %).\n")


def test_json_de_un_ingreso(ejemplo):
    import json

    r = correr(str(ejemplo), "--fecha", "2026-07-14", "--ingreso", "F2=1500.5:Aportación", "--formato", "json")
    assert r.exit_code == 0, r.output
    datos = json.loads(r.stdout)
    assert datos["entrada"] == {"fecha": "2026-07-14", "ingresos": [
        {"fuente": "F2", "monto": "1500.50", "concepto": "Aportación"}]}


def test_un_marco_sin_anexos_no_valora_rasgos(tmp_path):
    destino = tmp_path / "pemc"
    shutil.copytree(PEMC, destino)
    antes = huella(destino / "bitacora.yaml")
    r = correr(str(destino), "--fecha", "2026-07-13", "--rasgo", "normalidad-minima/1=logrado")
    assert r.exit_code == 2
    assert r.stderr == ("ruta: --rasgo: el marco PEMC no tiene anexos con rasgos que valorar; quita --rasgo.\n"
                        "ruta: no se escribió nada en bitacora.yaml.\n")
    assert huella(destino / "bitacora.yaml") == antes


@pytest.mark.parametrize("metas,mensaje", [
    (["--meta", "M1", "--meta", "M2"],
     "--hoja va con una sola --meta y hay 2: mide cada meta con su hoja en una orden aparte."),
    (["--meta", "M1=57"], "usa --valor o --hoja, no las dos: con --hoja el valor sale de la hoja."),
])
def test_la_hoja_va_con_una_sola_meta(ejemplo, tmp_path, metas, mensaje):
    hoja = tmp_path / "niveles.csv"
    hoja.write_text("Grupo,Nivel\n3A,Esperado\n", encoding="utf-8")
    antes = huella(ejemplo / "bitacora.yaml")
    r = correr(str(ejemplo), "--fecha", "2026-07-14", *metas, "--hoja", str(hoja), "--columna", "Nivel",
               "--valores", "Esperado")
    assert r.exit_code == 2
    assert r.stderr == f"ruta: {mensaje}\nruta: no se escribió nada en bitacora.yaml.\n"
    assert huella(ejemplo / "bitacora.yaml") == antes


def test_la_linea_de_lo_agregado_dice_el_gasto(ejemplo):
    r = correr(str(ejemplo), "--fecha", "2026-07-14", "--accion", "A15=en_curso:90", "--gasto", "1250.5",
               "--comprobante", "F-118")
    assert r.exit_code == 0, r.output
    assert r.stdout == ("Nueva entrada del 14 jul 2026 en bitacora.yaml, línea 686: acción A15 (en curso, "
                        "90 %, gasto de $1,250.50).\n")
