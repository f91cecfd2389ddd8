"""Lo que escriben las tesoreras en ``comprobante:``, etiquetado a mano (auditoría 2026-12).

Estos textos pasaban por comprobante y dejaban decir a la rendición «Todos los gastos tienen su
comprobante» y a ``ruta validar`` «Todo en orden»: un papel negado a media frase («Compra en
tianguis sin ticket», «Tianguis (no dan nota)»), la falta tras una etiqueta («Comprobante:
ninguno», «Factura: no»), abreviaturas («Pdte», «pend.»), lo que aún no llega («Factura en
camino», «Se entrega después») y quién pagó («Lo pagó la directora de su bolsa»). Sin volver
faltante un comprobante de verdad: un papel con su folio o descrito sigue contando aunque le
falte otra cosa («Recibo 45 (sin comprobante fiscal)», como «Nota sin folio de la tlapalería» y
«F-001 pendiente de firma» en ``test_comprobantes.py``)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from rutamejora.reglas.comprobantes import es_comprobante, por_que_no_es

# Los de la auditoría: cada uno contaba como comprobante.
AUDITORIA = [
    ("Compra en tianguis sin ticket", "dice que falta"),
    ("Gasto menor, sin nota", "dice que falta"),
    ("Tianguis (no dan nota)", "dice que falta"),
    ("Comprobante: ninguno", "dice que falta"),
    ("Ninguno (compra en efectivo)", "dice que falta"),
    ("Factura: no", "dice que falta"),
    ("Efectivo, sin recibo", "dice que falta"),
    ("Se pagó en efectivo sin recibo", "dice que falta"),
    ("Compra sin factura en el mercado", "dice que falta"),
    ("Comprobante no disponible", "dice que falta"),
    ("Pdte", "dice que falta"),
    ("pend.", "dice que falta"),
    ("Por recabar", "dice que falta"),
    ("Se entrega después", "dice que falta"),
    ("Factura en camino", "dice que falta"),
    ("Lo pagó la directora de su bolsa", "solo dice cómo se pagó"),
]

# Nombran un papel que se puede buscar (o un pago con su referencia): son comprobantes.
SI_SON = [
    "Ticket 5531",
    "Factura A-1203 (sin IVA desglosado)",
    "Nota de remisión 88",
    "Recibo 45 (sin comprobante fiscal)",
    "Transferencia 0041823",
    "Factura 771, pagada sin recargo",
    "Nota de venta 0412 (no dan factura)",
    "Ticket 2231 de Bodega Aurrera, sin factura",
    "Ticket 3390 (la tienda no expide factura)",
    "Transferencia SPEI 7781203, sin factura",
    "Recibo simple firmado por el señor del tianguis",
    "Recibo sin folio de la tortillería",
    "Nota de venta de la papelería (sin factura)",
    "Comprobante: ticket 5531",
    "Factura: A-0915",
    "Folio: APF-2026-0067",
    "Nota: recibo 12 firmado por la vendedora",
    "CFDI 4F9A-22 (pagado con transferencia)",
    "Nota 14 del tianguis, pagada en efectivo",
    "Recibo de la APF; lo pagó la directora de su bolsa",
    "Factura 118 (el original se entrega después)",
    "Póliza de cheque 0231",
    "Recibo de honorarios 12 del tallerista",
    "Factura B-0611 Deportes Atlixco",
    "Ticket de caja 00871 Soriana",
    "Voucher 4471 (tarjeta de la APF)",
    "Factura 302, se pagó en dos partes",
    "Factura electrónica de Papelería Lupita",
    "Ticket 5531 (copia; original en dirección)",
    "Recibo 12 firmado por la pte.",   # «pte.» también es «presidenta»: no se lee «pendiente»
    "No. 45 sin factura",
]

# Dicen que falta, o no nombran ningún papel: no son comprobantes (con el motivo que se dice).
NO_SON = AUDITORIA + [
    ("Compra de 2 cajas de gises sin factura", "dice que falta"),
    ("Mercado municipal, no dieron nota", "dice que falta"),
    ("Efectivo (no hay ticket)", "dice que falta"),
    ("Sin nota (compra de emergencia)", "dice que falta"),
    ("Sin ticket ni nota", "dice que falta"),
    ("Compra en el tianguis sin ticket ni nota", "dice que falta"),
    ("Transferencia sin comprobante", "dice que falta"),
    ("Ticket: N/A", "dice que falta"),
    ("Comprobante: -", "dice que falta"),
    ("Recibo: pendiente", "dice que falta"),
    ("N/A (tianguis)", "dice que falta"),
    ("Nada, se pagó en efectivo", "dice que falta"),
    ("Ningún comprobante", "dice que falta"),
    ("Pdte. de entrega", "dice que falta"),
    ("Factura pend.", "dice que falta"),
    ("Factura por recabar", "dice que falta"),
    ("La tesorera la entrega la próxima semana", "dice que falta"),
    ("La papelería la va a mandar", "dice que falta"),
    ("Factura se solicitará al proveedor", "dice que falta"),
    ("Factura no disponible por el momento", "dice que falta"),
    ("Factura a nombre de la escuela, la mandan el lunes", "dice que falta"),
    ("Pagado por la maestra Rosa de su bolsa", "solo dice cómo se pagó"),
    ("Lo pagó la maestra de 3° B de su bolsa", "solo dice cómo se pagó"),  # un grado no es folio
    ("Reembolso a la directora", "solo dice cómo se pagó"),
    ("Lo cubrió la APF", "solo dice cómo se pagó"),
    ("Cooperación de los padres de familia", "solo dice cómo se pagó"),
    ("Transferencia a la papelería", "solo dice cómo se pagó"),
    ("Comprobante: se pagó en efectivo", "solo dice cómo se pagó"),
    ("Compra en el tianguis", "no dice cuál es"),
    ("Gasto menor", "no dice cuál es"),
    ("Comprobante:", "no dice cuál es"),
]


def test_la_lista_es_de_al_menos_cuarenta_textos():
    assert len(SI_SON) + len(NO_SON) >= 40
    assert not set(SI_SON) & {texto for texto, _ in NO_SON}


@pytest.mark.parametrize("texto", SI_SON)
def test_nombran_un_comprobante(texto):
    assert por_que_no_es(texto) is None
    assert es_comprobante(texto) is True


@pytest.mark.parametrize("texto, motivo", NO_SON)
def test_no_son_comprobante(texto, motivo):
    assert por_que_no_es(texto) == motivo
    assert es_comprobante(texto) is False


def test_el_otro_papel_sigue_diciendo_su_monto():
    """«Recibo 45 (sin comprobante fiscal)» es un comprobante: si dice un monto, se compara."""
    from decimal import Decimal

    assert por_que_no_es("Recibo 45 por $300.00 (sin comprobante fiscal)", Decimal("300")) is None
    assert por_que_no_es("Recibo 45 por $300.00 (sin comprobante fiscal)", Decimal("350")) == \
        "dice otro monto: $300.00"


def _con_comprobante(carpeta, texto):
    bitacora = carpeta / "bitacora.yaml"
    bitacora.write_text(bitacora.read_text(encoding="utf-8").replace(
        "comprobante: F-001", f'comprobante: "{texto}"'), encoding="utf-8")


@pytest.mark.parametrize("texto, motivo", AUDITORIA)
def test_validar_y_la_rendicion_ya_no_los_cuentan(ruta_minima, invocar, texto, motivo):
    from rutamejora.reglas.validacion import validar

    _con_comprobante(ruta_minima, texto)
    avisos = [p.mensaje for p in validar(ruta_minima, date(2026, 7, 15), True).problemas
              if p.codigo == "RM408"]
    assert avisos == [f"El gasto de $500.00 en la acción A1 el 2025-09-26 no tiene comprobante "
                      f"(«{texto}» {motivo})."]
    r = invocar(["informe", str(ruta_minima), "-t", "rendicion", "--fecha", "2026-07-15"])
    assert r.exit_code == 0, r.output
    assert "1 gasto sin comprobante: A1: $500.00 (26 sep 2025)." in r.stdout
    assert "Todos los gastos tienen su comprobante" not in r.stdout


@pytest.mark.parametrize("texto", ["Recibo 45 (sin comprobante fiscal)",
                                   "Factura A-1203 (sin IVA desglosado)",
                                   "Factura 771, pagada sin recargo"])
def test_un_comprobante_con_salvedad_sigue_contando(ruta_minima, invocar, texto):
    from rutamejora.reglas.validacion import validar

    _con_comprobante(ruta_minima, texto)
    assert [p for p in validar(ruta_minima, date(2026, 7, 15), True).problemas
            if p.codigo == "RM408"] == []
    r = invocar(["informe", str(ruta_minima), "-t", "rendicion", "--fecha", "2026-07-15"])
    assert r.exit_code == 0, r.output
    assert "Todos los gastos tienen su comprobante." in r.stdout


# --- En la Ruta de ejemplo, como lo encontró la auditoría ---------------------------------------


@pytest.mark.parametrize("texto", ["Compra en tianguis sin ticket", "Comprobante: ninguno",
                                   "Lo pagó la directora de su bolsa"])
def test_en_el_ejemplo_ya_no_todo_en_orden(tmp_path, monkeypatch, invocar, texto):
    """El gasto de A2 del 26 sep 2025 ($210.00) con ``texto`` en vez de APF-2025-0412."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    carpeta = tmp_path / "escuela" / "2025-2026"
    shutil.copytree(Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026", carpeta)
    bitacora = carpeta / "bitacora.yaml"
    bitacora.write_text(bitacora.read_text(encoding="utf-8").replace(
        "comprobante: APF-2025-0412", f'comprobante: "{texto}"'), encoding="utf-8")
    validado = invocar(["validar", str(carpeta), "--fecha", "2026-07-15"])
    assert "Todo en orden" not in validado.output
    assert f"no tiene comprobante («{texto}»" in validado.output
    r = invocar(["informe", str(carpeta), "-t", "rendicion", "--fecha", "2026-07-15"])
    assert r.exit_code == 0, r.output
    assert "**1 gasto sin comprobante: A2: $210.00 (26 sep 2025).**" in r.stdout
    assert "Todos los gastos tienen su comprobante" not in r.stdout
