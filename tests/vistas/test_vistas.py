"""Las vistas: el estado de cada meta, la situación de las acciones y el dinero del ejemplo."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from rutamejora import vistas as V
from rutamejora.reglas.validacion import validar

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"


@pytest.fixture(scope="module")
def ruta():
    return validar(EJEMPLO, date(2026, 7, 15), True).ruta


def test_estado_de_las_metas_al_cierre(ruta):
    estados = {a.meta.id: a.estado for a in V.avance_de_metas(ruta, date(2026, 7, 15))}
    # M1 es la meta que el ejemplo no alcanza (57 % contra 60 %); las demás se lograron.
    assert estados == {"M1": "no_lograda", "M2": "lograda", "M3": "lograda", "M4": "lograda",
                       "M5": "lograda", "M6": "lograda", "M7": "lograda", "M8": "lograda",
                       "M9": "lograda"}


def test_a_medio_ciclo_se_compara_avance_con_tiempo(ruta):
    avance = {a.meta.id: a for a in V.avance_de_metas(ruta, date(2026, 1, 15))}
    m6 = avance["M6"]
    # De 86 a 95: con 91 recorrió 5/9 del camino, más que el 80 % del tiempo transcurrido.
    assert (m6.linea_base, m6.ultimo, m6.valor_meta) == (Decimal("86"), Decimal("91.0"), Decimal("95"))
    assert m6.recorrido == Decimal(5) / Decimal(9)
    assert m6.estado == "en_camino"
    assert avance["M1"].estado == "en_riesgo"


def test_sin_mediciones_antes_de_la_primera(ruta):
    assert {a.estado for a in V.avance_de_metas(ruta, date(2025, 8, 26))} == {"sin_datos"}


def test_dinero_por_fuente_y_total(ruta):
    lineas = V.dinero(ruta, date(2026, 7, 15))
    total = lineas[-1]
    assert total.nombre == "Total"
    assert (total.previsto, total.recibido, total.planeado, total.ejercido) == (
        Decimal("87000.00"), Decimal("79800.00"), Decimal("76100.00"), Decimal("68550.00"))
    assert total.saldo == Decimal("11250.00")
    assert sum(l.ejercido for l in lineas[:-1]) == total.ejercido


def test_accion_reprogramada_y_cancelada(ruta):
    situacion = {s.accion.id: s for s in V.situacion_de_acciones(ruta, date(2026, 7, 15))}
    assert situacion["A17"].reprogramada and situacion["A17"].estado == "realizada"
    assert situacion["A10"].estado == "cancelada"
    assert situacion["A15"].gasto > situacion["A15"].costo  # el sobregasto, con su nota


@pytest.mark.parametrize("dia,esperado", [(date(2025, 9, 26), "26 de septiembre de 2025"),
                                          (date(2026, 1, 1), "1 de enero de 2026")])
def test_fechas_en_espanol_sin_locale(dia, esperado):
    assert V.fecha_larga(dia) == esperado


def test_formatos_de_numeros():
    assert V.pesos(Decimal("68550")) == "$68,550.00"
    assert V.pesos(Decimal("0.005")) == "$0.01"
    assert V.porcentaje(Decimal("-0.001")) == "0 %"
    assert V.numero(Decimal("7.50")) == "7.5"
