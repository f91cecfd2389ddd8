"""Leer un .xlsx con openpyxl: cada hoja como una cuadrícula, con las celdas combinadas.

Una hoja de Excel no separa el texto de la tabla: el título, los datos de la escuela y las
firmas son renglones de la misma cuadrícula. Se lee cada hoja completa como un bloque y
``plan`` distingue los encabezados, los datos y el texto suelto. El valor de una celda
combinada se copia a cada casilla que cubre. Fechas y números se vuelven texto como los
escribiría la escuela (``2025-09-01``, ``1200.5``) para leerlos igual que en Word.
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from rutamejora.intercambio.documento import Bloque, Documento, DocumentoIlegible, limpiar


def leer_xlsx(archivo: Path) -> Documento:
    try:
        import openpyxl
    except ImportError:  # pragma: no cover - es dependencia del paquete
        raise DocumentoIlegible("Para importar .xlsx hace falta openpyxl: pip install openpyxl") from None
    try:
        libro = openpyxl.load_workbook(str(archivo), data_only=True)
    except Exception as exc:  # noqa: BLE001 - zip roto, XML roto, otro formato: todo es «ilegible»
        raise DocumentoIlegible(f"{archivo}: no se pudo leer como libro de Excel (.xlsx): "
                                f"{str(exc).strip() or type(exc).__name__}") from None
    leido = Documento(archivo)
    for hoja in libro.worksheets:
        bloque = _hoja(hoja)
        if bloque.filas:
            leido.bloques.append(bloque)
    return leido


def _hoja(hoja) -> Bloque:
    valores = {}
    for fila in hoja.iter_rows():
        for celda in fila:
            if celda.value is not None:
                valores[(celda.row, celda.column)] = _texto(celda.value)
    for rango in hoja.merged_cells.ranges:
        valor = valores.get((rango.min_row, rango.min_col), "")
        for r in range(rango.min_row, rango.max_row + 1):
            for c in range(rango.min_col, rango.max_col + 1):
                valores[(r, c)] = valor
    if not valores:
        return Bloque([], [], nombre=f"hoja {hoja.title}")
    ultima_col = max(c for _, c in valores)
    filas, lugares = [], []
    for r in range(1, max(r for r, _ in valores) + 1):
        fila = [valores.get((r, c), "") for c in range(1, ultima_col + 1)]
        if any(fila):
            filas.append(fila)
            lugares.append(f"hoja {hoja.title}, renglón {r}")
    return Bloque(filas, lugares, tabla=True, nombre=f"hoja {hoja.title}")


def _texto(valor) -> str:
    if isinstance(valor, datetime):
        return valor.date().isoformat()
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return limpiar(valor)
