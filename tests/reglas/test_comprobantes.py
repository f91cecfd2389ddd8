"""``es_comprobante``: lo que se escribe en ``comprobante:`` en una bitácora real, etiquetado a mano.

Los de la izquierda nombran un papel que se puede buscar (un folio, un ticket, una nota de
remisión); los de la derecha son formas de decir que falta, que antes contaban como comprobante
y dejaban decir a la rendición «Todos los gastos tienen su comprobante»."""

from __future__ import annotations

import pytest

from rutamejora.reglas.comprobantes import es_comprobante

SI_SON = [
    "APF-2025-0412", "F-001", "Factura A-1187 Papelería El Estudiante", "Ticket 5531",
    "ticket #0098 de Soriana", "Nota de venta 0412", "Recibo 12 firmado por la tesorera",
    "CFDI 3F2A9C10", "Folio fiscal 8D1E-22", "Factura electrónica", "Nota de remisión",
    "Recibo simple firmado por la tesorera de la APF", "Recibo de honorarios del tallerista",
    "Comprobante de transferencia", "Vale de almacén", "Lista de asistencia firmada y ticket",
    "Factura", "Nota", "Recibo de la cooperativa", "Fotos del material y ticket de compra",
    "F-001 pendiente de firma", "Factura 118 (por entregar el original)", "Nómina",
    "Sindicato: recibo de cuotas", "Nota de la tienda de Don Pancho",
]
NO_SON = [
    "pendiente", "Pendiente", "PENDIENTE", "Pendiente de entregar", "pendientes", "Sin comprobante",
    "sin factura", "Sin ticket", "S/C", "s/f", "N/A", "NA", "n/a", "N.A.", "n/d", "—", "-", "--",
    "?", "...", "x", "XXX", "falta", "Falta factura", "Falta el ticket", "Faltante",
    "Por entregar", "por recibir", "Por solicitar a la papelería", "En trámite", "en espera de la factura",
    "No hay", "no hay factura", "No se entregó", "No se pidió factura", "no tiene", "Aún no",
    "Todavía no lo entregan", "Ninguno", "nada", "ticket pendiente", "Factura pendiente",
    "Recibo por entregar", "Nota no entregada", "no aplica", "No aplica", "", "   ",
    # Un cero o un sí/no no es un folio (YAML escribe `true`/`false` si alguien puso «sí»).
    "0", "00", "false", "true", "sí", "Si", "ok", "no", "off",
]


@pytest.mark.parametrize("texto", SI_SON)
def test_nombran_un_comprobante(texto):
    assert es_comprobante(texto) is True


@pytest.mark.parametrize("texto", NO_SON)
def test_dicen_que_falta(texto):
    assert es_comprobante(texto) is False


def test_nada_no_es_comprobante():
    assert es_comprobante(None) is False


@pytest.mark.parametrize("texto, motivo", [
    ("pendiente", "dice que falta"), ("-", "dice que falta"), ("no", "dice que falta"),
    ("sí", "no dice cuál es"), ("true", "no dice cuál es"), ("0", "no dice cuál es"),
    ("", "está vacío"), (None, "está vacío"), ("F-001", None),
])
def test_por_que_no_es(texto, motivo):
    from rutamejora.reglas.comprobantes import por_que_no_es

    assert por_que_no_es(texto) == motivo
