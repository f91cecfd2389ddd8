"""``es_comprobante``: lo que se escribe en ``comprobante:`` en una bitácora real, etiquetado a mano.

Los de la izquierda nombran un papel que se puede buscar (un folio, un ticket, una nota de
remisión); los de la derecha son formas de decir que falta, que antes contaban como comprobante
y dejaban decir a la rendición «Todos los gastos tienen su comprobante»."""

from __future__ import annotations

from decimal import Decimal

import pytest

from rutamejora.reglas.comprobantes import es_comprobante, por_que_no_es

SI_SON = [
    "APF-2025-0412", "F-001", "Factura A-1187 Papelería El Estudiante", "Ticket 5531",
    "ticket #0098 de Soriana", "Nota de venta 0412", "Recibo 12 firmado por la tesorera",
    "CFDI 3F2A9C10", "Folio fiscal 8D1E-22", "Factura electrónica", "Nota de remisión",
    "Recibo simple firmado por la tesorera de la APF", "Recibo de honorarios del tallerista",
    "Comprobante de transferencia", "Vale de almacén", "Lista de asistencia firmada y ticket",
    "Factura", "Nota", "Recibo de la cooperativa", "Fotos del material y ticket de compra",
    "F-001 pendiente de firma", "Factura 118 (por entregar el original)", "Nómina",
    "Sindicato: recibo de cuotas", "Nota de la tienda de Don Pancho",
    # Como los escriben las tesoreras: «No.» es número; una fecha junto a un papel nombra el papel;
    # un pago con su referencia se puede rastrear; lo que falta de un papel que existe no lo borra.
    "No. 0412", "Nº 118", "No 45", "Factura No. 45 de Papelería Lupita", "Ticket del 12 de marzo",
    "Factura 118 del 12 de marzo de 2026", "Transferencia 0041823", "Cheque 1045",
    "Póliza de cheque 15", "Comprobante de transferencia SPEI", "Voucher 7731", "Ticket de caja",
    "Recibo firmado, pagado en efectivo", "Nota de venta (pagada en efectivo)", "Ticket Oxxo 8832",
    "Recibo de la APF No. 23", "Nota sin folio de la tlapalería", "Factura (copia; original en dirección)",
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
    # Lo que dice que falta o que se perdió gana a las cifras (una fecha no es un folio).
    "Ticket extraviado", "Ticket 0412 extraviado", "Pendiente (se pidió el 30 de junio)",
    "Se perdió el ticket", "Recibo perdido", "La nota se extravió", "No se encuentra la nota",
    "Factura 118 pendiente", "Se solicitó factura al proveedor", "Se pidió la factura el 3/03/2026",
    "Pendiente de que la papelería mande la factura", "Por facturar", "Factura en proceso",
    "Sin comprobante (compra en el tianguis)", "Compra en el tianguis, sin comprobante",
    "No nos dieron ticket", "En efectivo, no dieron nota", "Factura solicitada",
    # Solo cómo se pagó: no dice qué papel buscar.
    "Se pagó en efectivo", "Efectivo", "Pago en efectivo", "Pagado", "Transferencia",
    "Pagado con tarjeta de débito", "Depósito bancario", "Se pagó en efectivo el 12 de marzo",
    "$150 en efectivo", "Pagado al contado",
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
    ("Ticket extraviado", "dice que falta"), ("Pendiente (se pidió el 30 de junio)", "dice que falta"),
    ("Se pagó en efectivo", "solo dice cómo se pagó"), ("Transferencia", "solo dice cómo se pagó"),
    ("Transferencia 0041823", None), ("No. 0412", None),
    ("", "está vacío"), (None, "está vacío"), ("F-001", None),
])
def test_por_que_no_es(texto, motivo):
    from rutamejora.reglas.comprobantes import por_que_no_es

    assert por_que_no_es(texto) == motivo


@pytest.mark.parametrize("texto, motivo", [
    ("Ticket extraviado", "dice que falta"),
    ("Pendiente (se pidió el 30 de junio)", "dice que falta"),
    ("Se pagó en efectivo", "solo dice cómo se pagó"),
])
def test_la_rendicion_y_rm408_no_lo_cuentan(ruta_minima, invocar, texto, motivo):
    """Los tres del red team: la rendición ya no dice «Todos los gastos tienen su comprobante»."""
    from datetime import date

    from rutamejora.reglas.validacion import validar

    bitacora = ruta_minima / "bitacora.yaml"
    bitacora.write_text(bitacora.read_text(encoding="utf-8").replace(
        "comprobante: F-001", f'comprobante: "{texto}"'), encoding="utf-8")
    avisos = [p.mensaje for p in validar(ruta_minima, date(2026, 7, 10), True).problemas
              if p.codigo == "RM408"]
    assert avisos == [f"El gasto de $500.00 en la acción A1 el 2025-09-26 no tiene comprobante "
                      f"(«{texto}» {motivo})."]
    for audiencia in ("comunidad", "autoridad"):
        for formato in ("md", "html"):
            r = invocar(["informe", str(ruta_minima), "-t", "rendicion", "--fecha", "2026-07-10",
                         "-a", audiencia, "-f", formato])
            assert r.exit_code == 0, r.output
            assert "1 gasto sin comprobante: A1: $500.00 (26 sep 2025)." in r.stdout
            assert "Todos los gastos tienen su comprobante" not in r.stdout


# De una revisión de la verdad de los informes (2026-11): fechas, montos, «no llegó», «ver
# carpeta» contaban como comprobante, y la rendición decía «Todos los gastos tienen su comprobante».
@pytest.mark.parametrize("texto, motivo", [
    ("$1,850.00", "solo dice una fecha o un monto"),
    ("1400 pesos", "solo dice una fecha o un monto"),
    ("29 de mayo de 2026", "solo dice una fecha o un monto"),
    ("2026-03-12", "solo dice una fecha o un monto"),
    ("12/03/2026", "solo dice una fecha o un monto"),
    ("La factura no llegó", "dice que falta"),
    ("perdimos el ticket", "dice que falta"),
    ("Factura pendiente de entregar", "dice que falta"),
    ("se entregará después", "dice que falta"),
    ("S/N", "dice que falta"),
    ("ver carpeta", "no dice cuál es"),
])
def test_fechas_montos_y_faltas_no_son_comprobantes(texto, motivo):
    assert por_que_no_es(texto) == motivo


@pytest.mark.parametrize("texto, gasto, motivo", [
    ("Factura D-3310 por $1,250.00 (faltan $150.00)", "1400", "dice otro monto: $1,250.00"),
    ("Factura 22 por $1,400.00", "1400", None),
    ("Ticket 5531 por 1400 pesos", "1400.00", None),
    ("Recibo 18 por 950 pesos", "1400", "dice otro monto: $950.00"),
    ("APF-2026-0050", "1400", None),  # sin monto escrito: nada que comparar
    ("F-001 pendiente de firma", "1400", None),
])
def test_un_comprobante_que_dice_otro_monto_no_es_el_del_gasto(texto, gasto, motivo):
    from decimal import Decimal

    assert por_que_no_es(texto, Decimal(gasto)) == motivo


def test_el_motivo_de_cada_registro_se_calcula_una_vez(monkeypatch):
    """RM408 y RM415 piden el motivo de cada gasto: el registro lo guarda la primera vez y es el
    mismo que ``por_que_no_es`` con su comprobante y su gasto."""
    from types import SimpleNamespace

    from rutamejora.reglas import comprobantes

    registro = SimpleNamespace(comprobante="Factura D-3310 por $1,250.00", gasto=Decimal("1400.00"))
    llamadas = []
    original = comprobantes.por_que_no_es
    monkeypatch.setattr(comprobantes, "por_que_no_es",
                        lambda *a: llamadas.append(a) or original(*a))
    assert comprobantes.motivo_del_registro(registro) == "dice otro monto: $1,250.00"
    assert comprobantes.motivo_del_registro(registro) == "dice otro monto: $1,250.00"
    assert llamadas == [("Factura D-3310 por $1,250.00", Decimal("1400.00"))]
