"""``leer_documento``: un .docx o un .xlsx a su ``Documento``, según su extensión.

El lector de cada formato se importa solo cuando hace falta (python-docx u openpyxl).
"""

from __future__ import annotations

from pathlib import Path

from rutamejora.intercambio.documento import Documento, DocumentoIlegible


def leer_documento(archivo: Path) -> Documento:
    """Lee un .docx o un .xlsx (por su extensión); ``DocumentoIlegible`` si no se puede."""
    extension = archivo.suffix.lower()
    if extension == ".docx":
        from rutamejora.intercambio.tablas_docx import leer_docx

        return leer_docx(archivo)
    if extension in (".xlsx", ".xlsm"):
        from rutamejora.intercambio.tablas_xlsx import leer_xlsx

        return leer_xlsx(archivo)
    if extension in (".doc", ".xls", ".odt", ".ods"):
        raise DocumentoIlegible(
            f"{archivo}: los archivos {extension} no se leen directamente; guárdalo como "
            f"{'.docx' if extension in ('.doc', '.odt') else '.xlsx'} (Word, Excel o LibreOffice: "
            "«Guardar como») y vuelve a importarlo.")
    raise DocumentoIlegible(f"{archivo}: solo se importan documentos .docx (Word) y .xlsx (Excel).")
