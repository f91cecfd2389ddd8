"""``cargar(..., solo=...)``: leer solo algunos archivos de la Ruta (``ruta informe --sesion``
lee ruta.yaml y bitacora.yaml para saber la fecha de la sesión y después valida la Ruta entera)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rutamejora.formato.carga import cargar
from rutamejora.informes.secciones_seguimiento import fecha_de_sesion

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"


def test_solo_esos_archivos_y_sin_decir_que_faltan_los_demas():
    ruta, problemas = cargar(EJEMPLO, solo=("ruta.yaml", "bitacora.yaml"))
    assert sorted(ruta.documentos) == ["bitacora.yaml", "ruta.yaml"]
    assert [p.codigo for p in problemas] == []
    assert ruta.entradas and not ruta.acciones


def test_la_fecha_de_cada_sesion_es_la_misma_que_con_la_ruta_entera():
    entera, _ = cargar(EJEMPLO)
    parcial, _ = cargar(EJEMPLO, solo=("ruta.yaml", "bitacora.yaml"))
    fechas = [fecha_de_sesion(entera, n) for n in range(1, 9)]
    assert fechas == [fecha_de_sesion(parcial, n) for n in range(1, 9)]
    assert all(isinstance(f, date) for f in fechas)
