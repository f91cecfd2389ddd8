"""El libro de Excel de una Ruta o de una zona, con openpyxl (solo este módulo lo importa).

Las hojas salen de ``exportar_hojas``; aquí se les da forma: encabezados en negritas y
congelados, filtro, anchos según el contenido, fechas como fechas reales (``dd/mm/aaaa``),
dinero en pesos con formato de moneda y valores del indicador como números. El libro se escribe
en modo de solo escritura (la memoria no crece con la zona) y sin reloj: sus fechas de creación y
modificación son la de ``--fecha`` y cada archivo del ZIP lleva la misma fecha fija, así que la
misma zona con la misma fecha da el mismo libro, byte por byte.
"""

from __future__ import annotations

import io
import zipfile
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from rutamejora.intercambio.exportar_destino import reemplazar_bytes
from rutamejora.intercambio.exportar_hojas import Hoja, hojas

FORMATO_FECHA = "DD/MM/YYYY"
FORMATO_PESOS = '"$"#,##0.00'
ANCHO_MINIMO, ANCHO_MAXIMO = 8, 60
# Las filas que se miden para el ancho: bastan para ver cómo es una columna.
_MUESTRA = 500
# La fecha de cada archivo dentro del ZIP (la mínima que admite el formato).
_FECHA_ZIP = (1980, 1, 1, 0, 0, 0)
_MAS_DE_EXCEL = Decimal("1e15")


def _celda(hoja_xl, tipo: str, valor):
    """Un valor neutro como celda de Excel con su tipo real."""
    from openpyxl.cell import WriteOnlyCell

    if valor is None:
        return None
    if tipo == "fecha" and isinstance(valor, str):
        celda = WriteOnlyCell(hoja_xl, value=date.fromisoformat(valor))
        celda.number_format = FORMATO_FECHA
        return celda
    if tipo == "centavos" and isinstance(valor, int):
        celda = WriteOnlyCell(hoja_xl, value=Decimal(valor) / 100)
        celda.number_format = FORMATO_PESOS
        return celda
    if tipo == "numero" and isinstance(valor, str):
        numero = Decimal(valor)
        if not numero.is_finite() or abs(numero) >= _MAS_DE_EXCEL:
            return valor  # Excel no guarda más de 15 cifras (ni 1e400): va como texto, entero
        return int(numero) if numero == numero.to_integral_value() else float(numero)
    if isinstance(valor, str) and valor.startswith("="):
        # Un texto de la Ruta que empieza con «=» es texto, no una fórmula que Excel ejecute.
        celda = WriteOnlyCell(hoja_xl, value=valor)
        celda.data_type = "s"
        return celda
    return valor


def _ancho(hoja: Hoja, i: int) -> float:
    largos = [len(str(hoja.encabezados[i]))]
    largos += [len(str(f[i])) for f in hoja.filas[:_MUESTRA] if f[i] is not None]
    if hoja.tipos[i] == "fecha":
        largos.append(10)
    return max(ANCHO_MINIMO, min(ANCHO_MAXIMO, max(largos) + 2))


def _escribir_hoja(libro, hoja: Hoja) -> None:
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.styles import Font
    from openpyxl.utils import get_column_letter

    xl = libro.create_sheet(hoja.titulo)
    for i in range(len(hoja.encabezados)):
        xl.column_dimensions[get_column_letter(i + 1)].width = _ancho(hoja, i)
    # El sello (y un renglón en blanco) sobre los encabezados. En modo de solo escritura, lo
    # congelado y el filtro se fijan antes del primer renglón.
    arriba = len(hoja.sello) + 1 if hoja.sello else 0
    xl.freeze_panes = f"A{arriba + 2}"
    ultima = get_column_letter(len(hoja.encabezados))
    xl.auto_filter.ref = f"A{arriba + 1}:{ultima}{arriba + 1 + len(hoja.filas)}"
    for renglon in hoja.sello or []:
        xl.append([renglon])
    if hoja.sello:
        xl.append([])
    negritas = Font(bold=True)
    cabeza = []
    for texto in hoja.encabezados:
        celda = WriteOnlyCell(xl, value=texto)
        celda.font = negritas
        cabeza.append(celda)
    xl.append(cabeza)
    for fila in hoja.filas:
        xl.append([_celda(xl, t, v) for t, v in zip(hoja.tipos, fila)])


def libro_xlsx(tablas: dict, hoy: date) -> bytes:
    """Los bytes del libro de ``tablas`` (sus fechas de creación y modificación: ``hoy``)."""
    from openpyxl import Workbook
    from openpyxl.writer.excel import ExcelWriter

    libro = Workbook(write_only=True)
    for hoja in hojas(tablas):
        _escribir_hoja(libro, hoja)
    momento = datetime(hoy.year, hoy.month, hoy.day)
    libro.properties.creator = "ruta exportar"
    libro.properties.lastModifiedBy = None
    libro.properties.created = libro.properties.modified = momento
    crudo = io.BytesIO()
    # ``ExcelWriter`` y no ``Workbook.save``: ``save`` pone la hora actual como modificación.
    with zipfile.ZipFile(crudo, "w", zipfile.ZIP_DEFLATED) as archivo:
        ExcelWriter(libro, archivo).save()
    return _sin_reloj(crudo.getvalue())


def _sin_reloj(contenido: bytes) -> bytes:
    """El mismo ZIP con cada archivo fechado en ``_FECHA_ZIP`` (zipfile pone la hora actual)."""
    salida = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(contenido)) as origen, \
            zipfile.ZipFile(salida, "w", zipfile.ZIP_DEFLATED) as destino:
        for info in origen.infolist():
            nuevo = zipfile.ZipInfo(info.filename, date_time=_FECHA_ZIP)
            nuevo.compress_type = zipfile.ZIP_DEFLATED
            nuevo.external_attr = 0o600 << 16
            destino.writestr(nuevo, origen.read(info.filename))
    return salida.getvalue()


def escribir_xlsx(salida: Path, tablas: dict, hoy: date) -> None:
    """El libro en ``salida``, reemplazado de un golpe."""
    reemplazar_bytes(salida, libro_xlsx(tablas, hoy))
