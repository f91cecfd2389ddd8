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
    from rutamejora.intercambio.archivos_office import Desmedido, razon_ilegible, revisar_zip

    try:
        revisar_zip(archivo, archivo)
        libro = openpyxl.load_workbook(str(archivo), data_only=True)
    except Desmedido as exc:
        raise DocumentoIlegible(str(exc), salida=1) from None
    except Exception as exc:  # noqa: BLE001 - zip roto, XML roto, otro formato: todo es «ilegible»
        raise DocumentoIlegible(f"{archivo}: no se pudo leer como libro de Excel (.xlsx): "
                                f"{razon_ilegible(exc, '.xlsx')}. Ábrelo en Excel o LibreOffice y "
                                "guárdalo otra vez como .xlsx.") from None
    leido = Documento(archivo)
    for hoja in libro.worksheets:
        bloque = _hoja(hoja, archivo)
        if bloque.filas:
            leido.bloques.append(bloque)
    return leido


def _hoja(hoja, archivo: Path) -> Bloque:
    from rutamejora.intercambio.archivos_office import Desmedido, celdas_de

    try:
        crudas, ultima_fila, ultima_col = celdas_de(hoja, archivo)
    except Desmedido as exc:
        raise DocumentoIlegible(str(exc), salida=1) from None
    valores = {pos: _texto(v) for pos, v in crudas.items()}
    abajo: set[tuple[int, int]] = set()   # las casillas de una combinada debajo de su primer renglón
    for rango in hoja.merged_cells.ranges:
        valor = valores.get((rango.min_row, rango.min_col), "")
        # Solo dentro de lo escrito: una combinada hasta XFD1048576 no llena millones de casillas.
        for r in range(rango.min_row, min(rango.max_row, ultima_fila) + 1):
            for c in range(rango.min_col, min(rango.max_col, ultima_col) + 1):
                valores[(r, c)] = valor
                if r > rango.min_row:
                    abajo.add((r, c))
    if not valores:
        return Bloque([], [], nombre=f"hoja {hoja.title}")
    filas, lugares, continuas = [], [], []
    for r in range(1, ultima_fila + 1):
        fila = [valores.get((r, c), "") for c in range(1, ultima_col + 1)]
        if any(fila):
            filas.append(fila)
            lugares.append(f"hoja {hoja.title}, renglón {r}")
            # El renglón de arriba de una combinada nunca está vacío: es el que se guardó antes.
            continuas.append(frozenset(c - 1 for c in range(1, ultima_col + 1) if (r, c) in abajo))
    return Bloque(filas, lugares, tabla=True, nombre=f"hoja {hoja.title}", continuas=continuas)


def _texto(valor) -> str:
    if isinstance(valor, datetime):
        return valor.date().isoformat()
    if isinstance(valor, date):
        return valor.isoformat()
    if isinstance(valor, float) and valor.is_integer():
        return str(int(valor))
    return limpiar(valor)
