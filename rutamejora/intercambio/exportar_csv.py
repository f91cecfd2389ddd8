"""La zona como CSV: un archivo por tabla, en una carpeta, con las mismas columnas que SQLite.

UTF-8 sin BOM, separados por comas, renglones terminados en CRLF (RFC 4180), encabezado con los
nombres de las columnas; un valor vacío es una celda vacía. Fechas ISO, dinero en centavos
enteros y valores del indicador como texto decimal exacto: lo que lee DuckDB, pandas o una hoja
de cálculo sin perder un centavo. Sin reloj: la misma zona con la misma ``--fecha`` da los
mismos bytes.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from rutamejora.intercambio.exportar_destino import reemplazar_carpeta
from rutamejora.intercambio.tablas_esquema import TABLAS, Tabla
from rutamejora.nucleo.textos import sin_formula


def texto_csv(tabla: Tabla, filas) -> str:
    """El CSV de una tabla, con su encabezado. Un texto que empieza como una fórmula («=», «+»,
    «-», «@») lleva un apóstrofo delante (``nucleo.textos.sin_formula``): abierto en una hoja de
    cálculo, no se ejecuta."""
    salida = io.StringIO()
    escritor = csv.writer(salida, lineterminator="\r\n")
    escritor.writerow(tabla.nombres)
    de_texto = [tipo == "texto" for _, tipo, _ in tabla.columnas]
    escritor.writerows([_celda(v, texto) for v, texto in zip(fila, de_texto)] for fila in filas)
    return salida.getvalue()


def _celda(valor, de_texto: bool):
    if valor is None:
        return ""
    return sin_formula(valor) if de_texto and isinstance(valor, str) else valor


def escribir_csv(salida: Path, tablas: dict) -> None:
    """La carpeta ``salida`` con un ``<tabla>.csv`` por tabla, reemplazada de un golpe."""
    def escribir(carpeta: Path) -> None:
        for tabla in TABLAS:
            (carpeta / f"{tabla.nombre}.csv").write_bytes(
                texto_csv(tabla, tablas.get(tabla.nombre, [])).encode("utf-8"))

    reemplazar_carpeta(salida, escribir)
