"""La rendición de cuentas solo afirma lo cierto a su fecha de corte (lo que halló el red team):
una acción cancelada o todavía por venir no «se hizo»; el dinero suma; un avance de una acción
realizada no es el de antes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"
runner = CliRunner()
AUDIENCIAS = [("comunidad", "md"), ("comunidad", "html"), ("autoridad", "md"), ("autoridad", "html")]


@pytest.fixture(autouse=True)
def _fuera_de_git(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


@pytest.fixture
def ejemplo(tmp_path) -> Path:
    destino = tmp_path / "escuela" / "2025-2026"
    shutil.copytree(EJEMPLO, destino)
    return destino


def reemplazar(archivo: Path, viejo: str, nuevo: str) -> None:
    texto = archivo.read_text(encoding="utf-8")
    assert texto.count(viejo) == 1, f"{viejo!r} no está una vez en {archivo.name}"
    archivo.write_text(texto.replace(viejo, nuevo), encoding="utf-8")


def informes(carpeta: Path, fecha: str, tipo: str = "rendicion") -> dict:
    salida = {}
    for audiencia, formato in AUDIENCIAS:
        r = runner.invoke(app, ["informe", str(carpeta), "-t", tipo, "--fecha", fecha, "-a", audiencia,
                                "-f", formato])
        assert r.exit_code == 0, r.output
        salida[(audiencia, formato)] = r.stdout
    return salida


# --- 3. «Se hizo» solo lo hecho a la fecha de corte -----------------------------------------------


def test_lo_reprogramado_y_hecho_se_hizo(ejemplo):
    for (audiencia, formato), texto in informes(ejemplo, "2026-07-15").items():
        esperado = ("Realizada, avance 100 %, gasto $1,150.00; se hizo del 9 al 27 de febrero de 2026"
                    if formato == "md" else "Se hizo del 9 al 27 de febrero de 2026")
        assert esperado in texto, (audiencia, formato)


def test_lo_reprogramado_para_despues_de_la_fecha_esta_programado(ejemplo):
    for (audiencia, formato), texto in informes(ejemplo, "2026-01-15").items():
        assert "se hizo" not in texto.lower(), (audiencia, formato)
        esperado = ("Reprogramada, avance 0 %; está programada del 9 al 27 de febrero de 2026"
                    if formato == "md" else "Está programada del 9 al 27 de febrero de 2026")
        assert esperado in texto, (audiencia, formato)


def test_lo_cancelado_no_se_hizo(ejemplo):
    reemplazar(ejemplo / "bitacora.yaml",
               "      - accion: A17\n        estado: realizada\n        avance: 100\n",
               "      - accion: A17\n        estado: cancelada\n        avance: 0\n")
    for (audiencia, formato), texto in informes(ejemplo, "2026-07-15").items():
        assert "se hizo" not in texto.lower(), (audiencia, formato)
        esperado = ("Cancelada, avance 0 %, gasto $1,150.00; estaba programada del 9 al 27 de febrero de 2026"
                    if formato == "md" else "Estaba programada del 9 al 27 de febrero de 2026")
        assert esperado in texto, (audiencia, formato)


# --- 4. El dinero suma ---------------------------------------------------------------------------


def _sin_ingresos_de(ejemplo: Path, *fuentes: str) -> None:
    """Quita los ingresos de ``fuentes`` (de todas, si no se dice cuáles)."""
    fuentes = fuentes or ("F1", "F2", "F3")
    bitacora = ejemplo / "bitacora.yaml"
    lineas = bitacora.read_text(encoding="utf-8").splitlines(keepends=True)
    lineas = [l for l in lineas if not any(f"{{fuente: {f}, monto:" in l for f in fuentes)]
    texto = "".join(lineas)
    if all(f"fuente: {f}, monto" not in texto for f in ("F1", "F2", "F3")):
        texto = texto.replace("    ingresos:\n", "")
    bitacora.write_text(texto, encoding="utf-8")


def test_una_fuente_sin_ingresos_recibio_cero_y_la_cabeza_suma(ejemplo):
    _sin_ingresos_de(ejemplo, "F3")
    textos = informes(ejemplo, "2026-07-15")
    md = textos[("comunidad", "md")]
    assert ("**Presupuesto: $87,000.00 · Recibido: $69,800.00 · Ejercido: $68,550.00 · "
            "Saldo: $1,250.00**") in md
    assert ("| F3. Apoyo del Ayuntamiento de Atlixco (Regiduría de Educación) | $14,000.00 | $0.00 | "
            "$6,330.00 | -$6,330.00 (se gastó más de lo recibido) |") in md
    assert "| **Total** | **$87,000.00** | **$69,800.00** | **$68,550.00** | **$1,250.00** |" in md
    assert ("El saldo es lo recibido menos lo ejercido; una fuente sin ingresos registrados no ha "
            "recibido nada.") in md
    for (audiencia, formato), texto in textos.items():
        assert "Saldo: $1,250.00" in texto and "$15,250.00" not in texto, (audiencia, formato)
        assert "Se gastaron $6,330.00 más de lo recibido ($0.00 de $14,000.00 presupuestados)" in texto


def test_rm409_y_resumen_dicen_lo_mismo(ejemplo):
    from datetime import date

    from rutamejora.reglas.validacion import validar

    _sin_ingresos_de(ejemplo, "F3")
    avisos = [p.mensaje for p in validar(ejemplo, date(2026, 7, 15), True).problemas if p.codigo == "RM409"]
    assert avisos == ["La entrada del 31 oct 2025 (sesión 2), acción A15 (gasto): con cargo a la fuente F3 se han ejercido $6,330.00 (planeado: $13,200.00), más de "
                      "lo recibido ($0.00 de $14,000.00 presupuestados)."]
    r = runner.invoke(app, ["resumen", str(ejemplo), "--fecha", "2026-07-15", "-f", "json"])
    assert r.exit_code == 0, r.output
    import json

    dinero = json.loads(r.stdout)["dinero"]
    f3 = next(f for f in dinero["fuentes"] if f["id"] == "F3")
    assert (f3["recibido"], f3["saldo"]) == ("0.00", "-6330.00")
    assert (dinero["total"]["recibido"], dinero["total"]["ejercido"], dinero["total"]["saldo"]) == (
        "69800.00", "68550.00", "1250.00")
    texto = runner.invoke(app, ["resumen", str(ejemplo), "--fecha", "2026-07-15"], env={"COLUMNS": "160"}).stdout
    assert "Saldo = lo recibido − lo ejercido (una fuente sin ingresos recibió $0)." in texto


def test_sin_ningun_ingreso_el_saldo_es_sobre_lo_previsto_y_lo_dice(ejemplo):
    _sin_ingresos_de(ejemplo)
    for (audiencia, formato), texto in informes(ejemplo, "2026-07-15").items():
        assert ("Presupuesto: $87,000.00 · Ejercido: $68,550.00 · Saldo sobre lo previsto: $18,450.00"
                in texto), (audiencia, formato)
        assert "Aún no se registra ningún ingreso: el saldo es lo previsto menos lo ejercido." in texto
    seguimiento = informes(ejemplo, "2026-07-15", "seguimiento")[("autoridad", "md")]
    assert "| Ejercido | Saldo sobre lo previsto |" in seguimiento
    texto = runner.invoke(app, ["resumen", str(ejemplo), "--fecha", "2026-07-15"], env={"COLUMNS": "160"}).stdout
    assert "Saldo = lo previsto − lo ejercido: aún no se registra ningún ingreso." in texto


# --- El comentario del inicio no justifica la valoración final -------------------------------------


def test_un_rasgo_revalorado_sin_comentario_cita_el_del_inicio_como_tal(ejemplo):
    reemplazar(ejemplo / "bitacora.yaml",
               "        rasgo: a\n        valoracion: en_proceso\n        comentario: El periódico escolar "
               "publicó textos en náhuatl; falta llevarlo a todos los grupos.\n",
               "        rasgo: a\n        valoracion: logrado\n")
    comentario = ("Al inicio: Se reconoce a los alumnos hablantes de náhuatl, pero su lengua casi no "
                  "aparece en el aula.")
    for (audiencia, formato), texto in informes(ejemplo, "2026-07-15").items():
        if formato == "md":
            assert (f"| a. Conversemos sobre la manera de reconocer y atender la diversidad en la escuela. "
                    f"| En proceso → Logrado | {comentario} |") in texto, audiencia
        else:
            assert f"<td>{comentario}</td>" in texto, audiencia


# --- Con --con-errores, el informe dice qué archivo no se leyó --------------------------------------


def test_con_errores_dice_que_la_bitacora_no_se_leyo(ejemplo):
    """«Ejercido: $0.00» con una bitácora ilegible no es que no se gastara: el encabezado lo dice."""
    with (ejemplo / "bitacora.yaml").open("a", encoding="utf-8") as f:
        f.write("<<<<<<< HEAD\n")
    frase = ("No se pudo leer bitacora.yaml: lo que tiene falta en todo el informe")
    for audiencia, formato in AUDIENCIAS:
        r = runner.invoke(app, ["informe", str(ejemplo), "-t", "rendicion", "--fecha", "2026-07-15",
                                "-a", audiencia, "-f", formato, "--con-errores"])
        assert r.exit_code == 0, r.output
        marcado = f"**{frase}**" if formato == "md" else f"<strong>{frase}</strong>"
        assert (marcado + " (lo ejercido, los registros o las metas que dice no aparecen: no es que "
                "no los haya).") in r.stdout, (audiencia, formato)


# --- Una acción reabierta y la fecha en que quedó realizada -----------------------------------------


def test_reabierta_no_esta_al_100(ejemplo):
    # A16 quedó realizada (avance 100, con su conclusión) el 31 oct 2025 y el CTE la reabrió el
    # 28 nov: ni su avance ni su conclusión de entonces valen ya.
    reemplazar(ejemplo / "bitacora.yaml", "    sesion: 3\n    tipo: sesion_ordinaria\n    acciones:\n",
               "    sesion: 3\n    tipo: sesion_ordinaria\n    acciones:\n      - accion: A16\n"
               "        estado: en_curso\n        nota: Faltan los acuerdos de 5° y 6°; se retoma.\n")
    for (audiencia, formato), texto in informes(ejemplo, "2026-07-15").items():
        if formato == "md":
            fila = next(x for x in texto.splitlines() if x.startswith("| **A16** Construir"))
            assert ("| En curso, vencida (terminaba el 31 oct 2025), avance sin registrar desde que "
                    "se reabrió el 28 nov 2025, gasto $760.00 | — |") in fila, audiencia
        else:
            assert "Avance: sin registrar desde que se reabrió el 28 nov 2025" in texto, audiencia
        assert "avance 100 %, gasto $760.00" not in texto


def test_se_termino_el_dia_que_quedo_realizada(ejemplo):
    # A17, reprogramada hasta el 27 mar, quedó realizada el 27 feb; el 20 mar solo se agregó una
    # evidencia: se terminó el 27 feb, antes de lo programado, también después del 27 mar.
    bitacora = ejemplo / "bitacora.yaml"
    reemplazar(bitacora, "nuevo_fin: 2026-02-27", "nuevo_fin: 2026-03-27")
    reemplazar(bitacora, "  # --- Sesión 6 ---", "  - fecha: 2026-03-20\n    tipo: registro\n"
               "    acciones:\n      - accion: A17\n        estado: realizada\n        avance: 100\n"
               "        evidencias: [Fotografías de la tercera sesión del taller]\n\n  # --- Sesión 6 ---")
    for fecha in ("2026-03-25", "2026-07-15"):
        texto = informes(ejemplo, fecha)[("comunidad", "md")]
        assert ("Realizada, avance 100 %, gasto $1,150.00; se terminó el 27 feb 2026, antes de lo "
                "programado (del 9 de febrero al 27 de marzo de 2026)") in texto, fecha


# --- Los rasgos: «al final (evaluación)» solo si la evaluación final los valoró -----------------


def test_rasgos_revalorados_en_una_sesion_no_son_el_final(ejemplo):
    # La evaluación final no valoró rasgos; solo el rasgo 3 de normalidad mínima se revaloró, el
    # 28 nov 2025, en una sesión ordinaria.
    bitacora = ejemplo / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    inicio = texto.index("    rasgos:\n      # Anexo 1.")
    fin = texto.index("\n    acuerdos:", inicio)
    texto = texto[:inicio] + texto[fin + 1:]
    texto = texto.replace("    sesion: 3\n    tipo: sesion_ordinaria\n",
                          "    sesion: 3\n    tipo: sesion_ordinaria\n    rasgos:\n"
                          "      - {anexo: normalidad-minima, rasgo: \"3\", valoracion: logrado}\n", 1)
    bitacora.write_text(texto, encoding="utf-8")
    esperado = ("El Consejo Técnico Escolar valoró cada rasgo al inicio del ciclo (diagnóstico) y "
                "después volvió a valorar 1 de 23 en la bitácora (la última vez, el 28 de noviembre "
                "de 2025); la tabla muestra la valoración más reciente de cada uno.")
    for (audiencia, formato), salida in informes(ejemplo, "2026-07-15").items():
        assert esperado in salida, (audiencia, formato)
        assert "y al final (evaluación)" not in salida


def test_rasgos_valorados_en_la_evaluacion_final(ejemplo):
    texto = informes(ejemplo, "2026-07-15")[("comunidad", "md")]
    assert ("El Consejo Técnico Escolar valoró cada rasgo al inicio del ciclo (diagnóstico) y al "
            "final (evaluación).") in texto


def test_graficas_en_singular(ejemplo):
    html = informes(ejemplo, "2026-03-01")[("comunidad", "html")]
    assert "meta al 1 de marzo de 2026: 1 lograda." in html and "1 logradas" not in html


def test_el_ciclo_en_curso_es_el_del_dia_del_informe(tmp_path):
    pemc = tmp_path / "pemc"
    shutil.copytree(EJEMPLO.parent / "pemc-secundaria-2024-2026", pemc)
    for fecha, ciclo in (("2025-07-15", "2024-2025"), ("2026-07-15", "2025-2026")):
        r = runner.invoke(app, ["informe", str(pemc), "-t", "rendicion", "--fecha", fecha, "--con-errores"])
        assert f"- **Ciclo escolar en curso:** {ciclo}\n" in r.stdout, fecha
        r = runner.invoke(app, ["informe", str(pemc), "-t", "rendicion", "--fecha", fecha, "--con-errores",
                                "-f", "html"])
        assert f"<dt>Ciclo escolar en curso</dt><dd>{ciclo}</dd>" in r.stdout, fecha


def test_reabierta_y_despues_cancelada(ejemplo):
    bitacora = ejemplo / "bitacora.yaml"
    reemplazar(bitacora, "    sesion: 3\n    tipo: sesion_ordinaria\n    acciones:\n",
               "    sesion: 3\n    tipo: sesion_ordinaria\n    acciones:\n      - accion: A16\n"
               "        estado: en_curso\n")
    reemplazar(bitacora, "    sesion: 4\n    tipo: sesion_ordinaria\n    acciones:\n",
               "    sesion: 4\n    tipo: sesion_ordinaria\n    acciones:\n      - accion: A16\n"
               "        estado: cancelada\n        nota: No hubo quien la siguiera.\n")
    texto = informes(ejemplo, "2026-07-15")[("comunidad", "md")]
    fila = next(x for x in texto.splitlines() if x.startswith("| **A16** Construir"))
    assert "| Cancelada, avance —, gasto $760.00 |" in fila
