"""Lo que una revisión de la verdad de los informes encontró (2026-11): la rendición decía más de
lo que los datos sostienen. Cada prueba arma el caso sobre la Ruta mínima y lee la rendición."""

from __future__ import annotations

from pathlib import Path


def _agregar(carpeta: Path, archivo: str, texto: str) -> None:
    with (carpeta / archivo).open("a", encoding="utf-8") as f:
        f.write(texto.lstrip("\n"))


def _rendicion(invocar, carpeta: Path, fecha: str, *args: str) -> str:
    r = invocar(["informe", str(carpeta), "-t", "rendicion", "--fecha", fecha, *args])
    assert r.exit_code == 0, r.output
    return r.stdout


def test_una_accion_sin_terminar_y_con_su_fin_pasado_dice_vencida(ruta_minima, invocar):
    """«En curso, avance 95 %» al cerrar el ciclo, sin decir que ya debía haber terminado."""
    _agregar(ruta_minima, "bitacora.yaml", """
  - fecha: 2025-10-31
    sesion: 2
    acciones:
      - {accion: A1, estado: en_curso, avance: 95}
""")
    informe = _rendicion(invocar, ruta_minima, "2026-07-10")
    assert "En curso, vencida (terminaba el 19 jun 2026), avance 95 %" in informe
    assert "; 1 vencida sin terminar" in informe


def test_una_medicion_imposible_no_da_por_lograda_la_meta(ruta_minima, invocar):
    """Un porcentaje de 104 (RM405) contaba como «lograda»."""
    bitacora = ruta_minima / "bitacora.yaml"
    bitacora.write_text(bitacora.read_text(encoding="utf-8").replace(
        "{meta: M1, valor: 42}", "{meta: M1, valor: 104}"), encoding="utf-8")
    informe = _rendicion(invocar, ruta_minima, "2026-07-10")
    assert "**0 de 1 meta lograda (1 no lograda, sin medición).**" in informe
    assert "40 % → sin medición válida (meta: 60 %) · no lograda (sin medición válida)" in informe
    assert "| 40 % | Sin medición válida | 60 % | No (la medición no es válida) |" in informe


def test_medida_solo_despues_de_la_fecha_limite_no_es_sin_medicion(ruta_minima, invocar):
    bitacora = ruta_minima / "bitacora.yaml"
    bitacora.write_text(bitacora.read_text(encoding="utf-8").replace(
        "    mediciones:\n      - {meta: M1, valor: 42}\n", "")
        + "  - fecha: 2026-07-03\n    mediciones:\n      - {meta: M1, valor: 61}\n", encoding="utf-8")
    informe = _rendicion(invocar, ruta_minima, "2026-07-10")
    assert "No (se midió después de la fecha límite)" in informe
    assert "Sin medición a tiempo" in informe


def test_el_seguimiento_lista_los_avisos_de_validar_como_ruta_pendientes(ruta_minima, invocar):
    """El seguimiento decía «No hay acciones vencidas, por terminar ni sin registro…» sin los
    avisos que ``ruta pendientes`` sí lista (un gasto sin comprobante)."""
    _agregar(ruta_minima, "bitacora.yaml", """
  - fecha: 2025-10-31
    sesion: 2
    acciones:
      - {accion: A1, estado: en_curso, gasto: 150.00, comprobante: pendiente}
""")
    r = invocar(["informe", str(ruta_minima), "-t", "seguimiento", "--sesion", "2"])
    assert r.exit_code == 0, r.output
    assert ("| **RM408** | El gasto de $150.00 en la acción A1 el 2025-10-31 no tiene comprobante "
            "(«pendiente» dice que falta). | bitacora.yaml:11 |") in r.stdout
    pendientes = invocar(["pendientes", str(ruta_minima), "--fecha", "2025-11-01"])
    assert pendientes.exit_code == 0, pendientes.output
    assert "RM408" in pendientes.stdout


def test_un_solo_error_se_dice_en_singular(ruta_minima, invocar):
    metas = ruta_minima / "metas.yaml"
    metas.write_text(metas.read_text(encoding="utf-8").replace("fecha_limite: 2026-06-26",
                                                               "fecha_limite: 2030-13-01"),
                     encoding="utf-8")
    r = invocar(["informe", str(ruta_minima), "-t", "rendicion"])
    assert r.exit_code == 1
    assert "tiene 1 error de validación, así que no se hizo el informe. Corrígelo (`ruta validar " in r.stderr
    assert "(el informe lo listará)." in r.stderr


def test_un_rasgo_valorado_dos_veces_en_una_entrada_es_error(ruta_minima):
    """La rendición tomaba la última valoración sin decirlo («al final: 4 de 8»)."""
    from datetime import date

    from rutamejora.reglas.validacion import validar

    _agregar(ruta_minima, "bitacora.yaml", """
  - fecha: 2026-06-26
    rasgos:
      - {anexo: normalidad-minima, rasgo: "2", valoracion: en_proceso}
      - {anexo: normalidad-minima, rasgo: "2", valoracion: logrado}
""")
    problemas = [(p.codigo, p.mensaje, p.pista) for p in validar(ruta_minima, date(2026, 7, 10), True).problemas
                 if p.codigo == "RM208"]
    assert problemas == [("RM208", "La entrada del 2026-06-26 valora el rasgo 2 de normalidad-minima dos veces.",
                          "Deja una sola valoración de ese rasgo en esa entrada (la que vale).")]


def test_una_reprogramada_terminada_antes_de_su_fin_no_dice_fechas_futuras(ruta_minima, invocar):
    """Con «Datos al 15 de febrero», «se hizo del 9 al 27 de febrero» afirmaba lo que aún no
    pasaba."""
    _agregar(ruta_minima, "bitacora.yaml", """
  - fecha: 2025-10-31
    sesion: 2
    acciones:
      - {accion: A1, estado: reprogramada, nuevo_inicio: 2026-02-09, nuevo_fin: 2026-02-27, nota: Sin psicóloga en noviembre}
  - fecha: 2026-02-10
    acciones:
      - {accion: A1, estado: realizada, avance: 100}
""")
    informe = _rendicion(invocar, ruta_minima, "2026-02-15")
    assert "se terminó el 10 feb 2026, antes de lo programado (del 9 al 27 de febrero de 2026)" in informe
    assert "se hizo del 9 al 27 de febrero" not in informe
