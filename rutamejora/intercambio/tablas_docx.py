"""Leer un .docx con python-docx: párrafos y tablas en su orden, con las celdas combinadas.

python-docx da, para cada renglón, una celda por columna de la cuadrícula: una combinada a lo
ancho (``gridSpan``) o a lo alto (``vMerge``) aparece en cada casilla que cubre, con el mismo
texto; así una prioridad combinada a lo alto se lee en cada renglón de sus acciones. El texto
de una celda junta sus párrafos con saltos de línea (las viñetas de Word son párrafos). Una
tabla dentro de una celda se lee como parte del texto de esa celda.
"""

from __future__ import annotations

from pathlib import Path

from rutamejora.intercambio.documento import Bloque, Documento, DocumentoIlegible, limpiar


def leer_docx(archivo: Path) -> Documento:
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - es dependencia del paquete
        raise DocumentoIlegible("Para importar .docx hace falta python-docx: pip install python-docx") from None
    from rutamejora.intercambio.archivos_office import Desmedido, razon_ilegible, revisar_zip

    try:
        revisar_zip(archivo, archivo)
        documento = docx.Document(str(archivo))
    except Desmedido as exc:
        raise DocumentoIlegible(str(exc), salida=1) from None
    except Exception as exc:  # noqa: BLE001 - zip roto, XML roto, otro formato: todo es «ilegible»
        raise DocumentoIlegible(f"{archivo}: no se pudo leer como documento de Word (.docx): "
                                f"{razon_ilegible(exc, '.docx')}. Ábrelo en Word o LibreOffice y "
                                "guárdalo otra vez como .docx.") from None
    leido = Documento(archivo)
    n_tabla = n_parrafo = 0
    for hijo in documento.element.body.iterchildren():
        etiqueta = hijo.tag.rsplit("}", 1)[-1]
        if etiqueta == "p":
            n_parrafo += 1
            texto = limpiar(Paragraph(hijo, documento).text)
            if texto:
                leido.bloques.append(Bloque([[texto]], [f"párrafo {n_parrafo}"], tabla=False))
        elif etiqueta == "tbl":
            n_tabla += 1
            leido.bloques.append(_tabla(Table(hijo, documento), n_tabla))
    return leido


def _tabla(tabla, numero: int) -> Bloque:
    filas, lugares, continuas = [], [], []
    arriba: list = []
    for i, fila in enumerate(tabla.rows, start=1):
        try:
            celdas = fila.cells
        except (IndexError, ValueError):  # una tabla mal formada: se lee lo que se pueda
            celdas = []
        filas.append([limpiar(c.text) for c in celdas])
        lugares.append(f"tabla {numero}, renglón {i}")
        # Una celda combinada a lo alto (vMerge) es el mismo elemento <w:tc> en cada renglón.
        elementos = [c._tc for c in celdas]
        continuas.append(frozenset(j for j, tc in enumerate(elementos) if j < len(arriba) and tc is arriba[j]))
        arriba = elementos
    return Bloque(filas, lugares, tabla=True, nombre=f"tabla {numero}", continuas=continuas)
