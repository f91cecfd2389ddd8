"""Un estado por meta (issue 13): el día antes de la fecha límite, el día mismo y el siguiente,
para cada ``sentido``, con una sola regla (``vistas.avance_meta``) que dicen igual ``avance``,
``resumen``, ``pendientes``, el JSON y la rendición de cuentas."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest

from rutamejora import vistas as V
from rutamejora.reglas.validacion import validar

MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
LIMITE = date(2026, 5, 29)          # sesión 7 del calendario 2025-2026
ANTES, DIA, DESPUES = date(2026, 5, 28), LIMITE, date(2026, 5, 30)

# sentido: (línea base, valor meta, valor de enero que no la alcanza, valor que la alcanza)
# Mantener con la línea base igual al valor meta solo se cumple con ese valor exacto.
SENTIDOS = {"aumentar": (40, 60, 45, 61), "disminuir": (9, 5, 8, 5), "mantener": (95, 95, 93, 95)}
# Tres casos por sentido: se alcanza medida el día límite; se alcanza medida al día siguiente
# (no cuenta); nunca se mide.
CASOS = ("medida_el_dia", "medida_despues", "sin_medir")


def _id(sentido: str, caso: str) -> str:
    return f"M{1 + list(SENTIDOS).index(sentido) + 3 * CASOS.index(caso)}"


def _ruta(carpeta: Path) -> Path:
    shutil.copytree(MINIMA, carpeta)
    metas, enero, dia, despues = [], [], [], []
    for caso in CASOS:
        for sentido, (base, meta, parcial, alcanza) in SENTIDOS.items():
            mid = _id(sentido, caso)
            metas.append(f"  - {{id: {mid}, objetivo: O1, descripcion: \"Meta {mid} ({sentido}, {caso})\", "
                         f"indicador: {{nombre: Indicador {mid}, unidad: porcentaje}}, sentido: {sentido}, "
                         f"linea_base: {base}, valor_meta: {meta}, fecha_limite: {LIMITE.isoformat()}}}")
            if caso == "sin_medir":
                continue
            enero.append(f"      - {{meta: {mid}, valor: {parcial}}}")
            (dia if caso == "medida_el_dia" else despues).append(f"      - {{meta: {mid}, valor: {alcanza}}}")
    (carpeta / "metas.yaml").write_text("metas:\n" + "\n".join(metas) + "\n", encoding="utf-8")
    acciones = (carpeta / "acciones.yaml").read_text(encoding="utf-8")
    (carpeta / "acciones.yaml").write_text(acciones.replace("metas: [M1]", "metas: [M1, M2, M3, M4, M5, M6, M7, M8, M9]"),
                                           encoding="utf-8")
    bitacora = (carpeta / "bitacora.yaml").read_text(encoding="utf-8")
    bitacora += ("  - fecha: 2026-01-30\n    sesion: 4\n    mediciones:\n" + "\n".join(enero) + "\n"
                 "  - fecha: 2026-05-29\n    sesion: 7\n    mediciones:\n" + "\n".join(dia) + "\n"
                 "  - fecha: 2026-05-30\n    mediciones:\n" + "\n".join(despues) + "\n")
    (carpeta / "bitacora.yaml").write_text(bitacora, encoding="utf-8")
    return carpeta


@pytest.fixture(scope="module")
def carpeta(tmp_path_factory) -> Path:
    return _ruta(tmp_path_factory.mktemp("estado") / "ruta")


# (caso, día) → (estado, nombre del estado)
ESPERADO = {
    ("medida_el_dia", ANTES): ("en_riesgo", "en riesgo"),
    ("medida_el_dia", DIA): ("lograda", "lograda"),
    ("medida_el_dia", DESPUES): ("lograda", "lograda"),
    ("medida_despues", ANTES): ("en_riesgo", "en riesgo"),
    ("medida_despues", DIA): ("no_lograda", "no lograda"),
    ("medida_despues", DESPUES): ("no_lograda", "no lograda"),
    ("sin_medir", ANTES): ("sin_datos", "sin datos"),
    ("sin_medir", DIA): ("no_lograda", "no lograda (sin medición)"),
    ("sin_medir", DESPUES): ("no_lograda", "no lograda (sin medición)"),
}


@pytest.mark.parametrize("sentido", list(SENTIDOS))
@pytest.mark.parametrize("caso", CASOS)
@pytest.mark.parametrize("hoy", [ANTES, DIA, DESPUES], ids=["dia-antes", "dia-limite", "dia-despues"])
def test_estado_alrededor_de_la_fecha_limite(carpeta, sentido, caso, hoy):
    ruta = validar(carpeta, hoy, True).ruta
    meta = ruta.por_id("meta")[_id(sentido, caso)]
    av = V.avance_meta(ruta, meta, hoy)
    assert (av.estado, av.nombre_estado) == ESPERADO[(caso, hoy)]
    assert av.final == (hoy >= LIMITE)
    if caso == "medida_despues" and hoy == DESPUES:
        # Lo medido después de la fecha límite queda en el historial, no en el resultado.
        assert av.ultimo == SENTIDOS[sentido][2]
        assert [v for _, v, _ in av.posteriores] == [SENTIDOS[sentido][3]]


def _salida(invocar, *args) -> str:
    resultado = invocar(list(args))
    assert resultado.exit_code == 0, resultado.output
    return resultado.stdout


@pytest.mark.parametrize("hoy", [ANTES, DIA, DESPUES], ids=["dia-antes", "dia-limite", "dia-despues"])
def test_todas_las_vistas_y_el_informe_dicen_el_mismo_estado(carpeta, invocar, hoy):
    fecha = hoy.isoformat()
    esperado = {_id(s, c): ESPERADO[(c, hoy)][0] for s in SENTIDOS for c in CASOS}
    avance = json.loads(_salida(invocar, "avance", str(carpeta), "--fecha", fecha, "-f", "json"))
    assert {m["id"]: m["estado"] for m in avance["metas"]} == esperado
    assert {m["id"] for m in avance["metas"] if m["sin_medicion"]} == (
        {_id(s, "sin_medir") for s in SENTIDOS} if hoy >= LIMITE else set())
    resumen = json.loads(_salida(invocar, "resumen", str(carpeta), "--fecha", fecha, "-f", "json"))
    arbol = {m["id"]: m["estado"] for p in resumen["prioridades"] for o in p["objetivos"]
             for m in o["metas"]}
    assert arbol == esperado
    pendientes = json.loads(_salida(invocar, "pendientes", str(carpeta), "--fecha", fecha, "-f", "json"))
    for p in pendientes["pendientes"]:
        if p["id"] in esperado:
            assert p["estado"] == esperado[p["id"]]
            assert p["estado"] != "lograda"
    informe = _salida(invocar, "informe", str(carpeta), "-t", "rendicion", "--fecha", fecha, "-f", "md")
    logro = {"lograda": "Sí", "no_lograda": "No", "en_riesgo": "Todavía no: va atrasada",
             "sin_datos": "Todavía no hay datos"}
    for mid, estado in esperado.items():
        texto = logro[estado]
        if estado == "no_lograda" and mid in {_id(s, "sin_medir") for s in SENTIDOS}:
            texto = "No (sin medición)"
        fila = next(linea for linea in informe.splitlines() if linea.startswith(f"| **{mid}** "))
        assert fila.endswith(f"| {texto} |"), fila


def test_el_dia_limite_avance_no_dice_en_riesgo_con_todo_el_tiempo(carpeta, invocar):
    """El caso del issue: con --fecha igual a la fecha límite, ni «en riesgo» ni «va atrasada»."""
    salida = _salida(invocar, "avance", str(carpeta), "--fecha", DIA.isoformat())
    assert "en riesgo" not in salida
    informe = _salida(invocar, "informe", str(carpeta), "-t", "rendicion", "--fecha", DIA.isoformat())
    assert "Todavía no" not in informe


def test_rm402_no_cuenta_lo_medido_despues_de_la_fecha_limite(ruta_minima):
    bitacora = ruta_minima / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8").replace(
        "    mediciones:\n      - {meta: M1, valor: 42}\n", "")
    bitacora.write_text(texto + "  - fecha: 2026-07-03\n    mediciones:\n      - {meta: M1, valor: 61}\n",
                        encoding="utf-8")
    resultado = validar(ruta_minima, date(2026, 7, 10), True)
    assert [(p.codigo, p.mensaje) for p in resultado.problemas if p.codigo == "RM402"] == [
        ("RM402", "La meta M1 vencía el 2026-06-26 y no tiene ninguna medición hasta ese día "
                  "(la del 2026-07-03 es posterior y no cuenta).")]
    av = V.avance_meta(resultado.ruta, resultado.ruta.por_id("meta")["M1"], date(2026, 7, 10))
    # Medida después de la fecha límite: no es lo mismo que nunca medida (lo dice el informe).
    assert av.nombre_estado == "no lograda (sin medición a tiempo)"
