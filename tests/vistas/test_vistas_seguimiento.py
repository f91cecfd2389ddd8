"""Las funciones de ``vistas`` que usan ``pendientes``, ``calendario`` y ``resumen``."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from rutamejora import vistas as V
from rutamejora.reglas.validacion import validar

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"
MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"


@pytest.fixture(scope="module")
def ruta():
    return validar(EJEMPLO, date(2026, 7, 15), True).ruta


def _accion(ruta, accion_id):
    return ruta.por_id("accion")[accion_id]


def test_tramos_vigentes_usan_la_reprogramacion_desde_su_registro(ruta):
    a17 = _accion(ruta, "A17")
    # Antes de la sesión 2 (31 oct) A17 seguía en noviembre; después, en febrero.
    assert V.tramos_vigentes(ruta, a17, date(2025, 10, 15)) == [(date(2025, 11, 3), date(2025, 11, 21), None)]
    assert V.tramos_vigentes(ruta, a17, date(2025, 11, 15)) == [(date(2026, 2, 9), date(2026, 2, 27), None)]


def test_tramos_de_una_accion_en_periodos(ruta):
    assert [n for _, _, n in V.tramos_vigentes(ruta, _accion(ruta, "A2"), date(2026, 7, 15))] == [
        "Corte inicial", "Corte intermedio", "Corte final"]


def test_pendientes_cada_cosa_una_vez_y_por_urgencia():
    r = validar(EJEMPLO, date(2026, 1, 15), True)
    p = V.pendientes(r.ruta, date(2026, 1, 15), problemas=r.problemas)
    assert (p.anterior, p.proxima, p.hasta) == ((3, date(2025, 11, 28)), (4, date(2026, 1, 30)), date(2026, 1, 30))
    ids = [x.id for x in p.pendientes]
    assert len(ids) == len(set(ids))
    assert [x.urgencia for x in p.pendientes] == sorted(x.urgencia for x in p.pendientes)
    assert [t for t, _ in p.grupos()] == ["accion_por_vencer", "meta_en_riesgo", "accion_sin_registro"]


@pytest.mark.parametrize("dia", [date(2026, 1, 15), date(2026, 3, 20), date(2026, 5, 20), date(2026, 6, 20)])
def test_pendientes_listan_cada_meta_en_riesgo_con_el_estado_de_avance_meta(dia):
    """Las metas en riesgo son justo las que ``avance_meta`` dice en riesgo: cada una aparece una
    vez, en el grupo de las en riesgo o en uno más urgente (vence antes de la sesión)."""
    r = validar(EJEMPLO, dia, True)
    p = V.pendientes(r.ruta, dia, problemas=r.problemas)
    en_riesgo = {av.meta.id for av in V.avance_de_metas(r.ruta, dia) if av.estado == V.EN_RIESGO}
    urgencia = V.TIPOS_PENDIENTE["meta_en_riesgo"][0]
    listadas = {x.id: x for x in p.pendientes if x.id in en_riesgo}
    assert set(listadas) == en_riesgo
    assert all(x.urgencia <= urgencia and x.estado == V.EN_RIESGO for x in listadas.values())
    assert {x.id for x in p.pendientes if x.tipo == "meta_en_riesgo"} == {
        i for i, x in listadas.items() if x.urgencia == urgencia}


def test_metas_en_riesgo_por_fecha_limite_con_su_camino_y_su_tiempo():
    r = validar(EJEMPLO, date(2026, 3, 20), True)
    p = V.pendientes(r.ruta, date(2026, 3, 20), problemas=r.problemas)
    assert [(x.id, x.fecha, x.detalle) for x in p.pendientes if x.tipo == "meta_en_riesgo"] == [
        ("M3", date(2026, 5, 29), "47 % del camino y 74 % del tiempo; última medición: 30 ene 2026"),
        ("M4", date(2026, 5, 29), "50 % del camino y 74 % del tiempo; última medición: 30 ene 2026"),
        ("M2", date(2026, 6, 12), "52 % del camino y 70 % del tiempo; última medición: 30 ene 2026"),
        ("M1", date(2026, 6, 19), "36 % del camino y 69 % del tiempo; última medición: 30 ene 2026"),
        ("M5", date(2026, 7, 3), "20 % del camino y 66 % del tiempo; última medición: 28 nov 2025")]
    # Las en camino no son pendientes de riesgo.
    assert not {x.id for x in p.pendientes} & {"M6", "M8"}


def test_pendientes_el_dia_de_la_sesion_son_para_esa_sesion():
    r = validar(EJEMPLO, date(2026, 1, 30), True)
    p = V.pendientes(r.ruta, date(2026, 1, 30), problemas=r.problemas)
    assert p.proxima == (4, date(2026, 1, 30))
    assert p.anterior == (3, date(2025, 11, 28))


def test_meta_que_vence_antes_de_la_sesion():
    r = validar(EJEMPLO, date(2026, 5, 20), True)
    p = V.pendientes(r.ruta, date(2026, 5, 20), problemas=r.problemas)
    por_vencer = {x.id: x.detalle for x in p.pendientes if x.tipo == "meta_por_vencer"}
    # M3, M4 y M6 vencen el 29 de mayo, el día de la sesión 7; su última medición es de enero o marzo.
    assert por_vencer == {"M3": "vence el 29 may 2026; última medición: 30 ene 2026",
                          "M4": "vence el 29 may 2026; última medición: 30 ene 2026",
                          "M6": "vence el 29 may 2026; última medición: 27 mar 2026"}


@pytest.mark.parametrize("numero,mensaje", [
    (0, "no existe la sesión 0: el calendario del ciclo tiene 8 sesiones ordinarias (1 a 8)."),
    (3, "la sesión 3 (28 nov 2025) ya pasó. La próxima es la 4 (30 ene 2026)."),
])
def test_hasta_sesion_invalida(ruta, numero, mensaje):
    with pytest.raises(V.SesionInvalida) as exc:
        V.pendientes(ruta, date(2026, 1, 15), numero)
    assert str(exc.value) == mensaje


def test_pendientes_sin_mas_sesiones_miran_al_fin_de_clases(ruta):
    p = V.pendientes(ruta, date(2026, 7, 1))
    assert (p.proxima, p.hasta_sesion, p.hasta) == (None, None, date(2026, 7, 15))
    with pytest.raises(V.SesionInvalida, match="Ya no quedan sesiones este ciclo"):
        V.pendientes(ruta, date(2026, 7, 1), 8)


def test_los_avisos_que_ya_son_pendientes_no_se_repiten(tmp_path):
    destino = tmp_path / "r"
    shutil.copytree(MINIMA, destino)
    (destino / "bitacora.yaml").write_text("entradas:\n  - fecha: 2025-09-26\n    acuerdos: [Empezar]\n",
                                           encoding="utf-8")
    r = validar(destino, date(2026, 7, 1), True)
    assert {"RM401", "RM402"} <= {p.codigo for p in r.problemas}
    p = V.pendientes(r.ruta, date(2026, 7, 1), problemas=r.problemas)
    assert [(x.tipo, x.id) for x in p.pendientes] == [
        ("accion_vencida", "A1"), ("meta_vencida", "M1"), ("aviso", "RM406")]
    assert p.pendientes[0].detalle == "terminaba el 19 jun 2026 (hace 12 días); sin registro"


def test_calendario_del_ciclo(ruta):
    meses = V.calendario_del_ciclo(ruta, date(2026, 7, 15))
    assert [m.nombre for m in meses][0::11] == ["agosto 2025", "julio 2026"]
    assert [m.actual for m in meses].index(True) == 11
    diciembre = meses[4]
    assert diciembre.recesos == [("Vacaciones de invierno", date(2025, 12, 22), date(2026, 1, 6))]
    assert diciembre.eventos == []
    noviembre = {a.situacion.accion.id for a in meses[3].acciones}
    assert "A17" not in noviembre and "A7" in noviembre
    sesiones = [e for m in meses for e in m.eventos if e.tipo == "sesion"]
    assert [(e.sesion, e.registrada) for e in sesiones] == [(n, True) for n in range(1, 9)]


def test_calendario_sin_calendario_usa_las_fechas_de_las_acciones(ruta, monkeypatch):
    monkeypatch.setattr(ruta, "calendario", None)
    meses = V.calendario_del_ciclo(ruta, date(2026, 7, 15))
    assert (meses[0].clave, meses[-1].clave) == ("2025-09", "2026-07")
    assert all(m.eventos == [] and m.recesos == [] for m in meses)


def test_resumen_cuelga_cada_accion_de_su_primera_meta(ruta):
    res = V.resumen(ruta, date(2026, 7, 15))
    colgadas = [s.accion.id for _, objetivos in res.prioridades for _, metas in objetivos
                for _, acciones in metas for s in acciones]
    assert sorted(colgadas) == sorted(a.id for a in ruta.acciones)
    assert res.sin_meta == []
    assert res.acciones_por_estado() == {"realizada": 18, "cancelada": 1}
    assert res.metas_por_estado() == {"no_lograda": 1, "lograda": 8}


def test_dia_de_la_semana_en_espanol():
    assert [V.dia_semana(date(2025, 9, d)) for d in range(1, 8)] == ["lun", "mar", "mié", "jue", "vie",
                                                                     "sáb", "dom"]


def test_la_regla_del_estado_documentada_es_la_del_codigo():
    """docs/vistas.md copia la regla del docstring de vistas.estados: no deben separarse."""
    import re

    from rutamejora.vistas import estados

    regla = estados.__doc__.split("**La regla del estado de una meta**", 1)[1].split("\n\n", 1)[1]
    docs = (Path(__file__).resolve().parents[2] / "docs" / "vistas.md").read_text(encoding="utf-8")
    normal = lambda t: re.sub(r"\s+", " ", t).strip()  # noqa: E731
    assert normal(regla) in normal(docs)
    assert f"al menos el {V.porcentaje(V.TOLERANCIA)}" in normal(docs)
