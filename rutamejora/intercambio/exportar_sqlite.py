"""La zona como una base SQLite: las tablas de ``tablas_esquema`` con sus tipos, llaves e índices.

Con el ``sqlite3`` de la biblioteca estándar: una base de unas pocas tablas que se escribe de
una vez no necesita más (``sqlite-utils`` costaba al importarse más que escribir la base de una
zona de 30 Rutas; ver docs/exportar.md). La base se arma en un temporal junto al destino, sin
diario (si algo falla se tira entera) y se pone en su lugar de un golpe.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from rutamejora.intercambio.exportar_destino import reemplazar_archivo
from rutamejora.intercambio.tablas_esquema import TABLAS, Tabla

_SQL = {"texto": "TEXT", "entero": "INTEGER", "numero": "REAL", "fecha": "TEXT",
        "centavos": "INTEGER"}


def crear_tabla(tabla: Tabla) -> list[str]:
    """El ``CREATE TABLE`` y los ``CREATE INDEX`` de ``tabla``."""
    columnas = [f"{nombre} {_SQL[tipo]}" + (" NOT NULL" if nombre == "ruta" and tabla.hija else "")
                for nombre, tipo, _ in tabla.columnas]
    if tabla.llave:
        columnas.append(f"PRIMARY KEY ({', '.join(tabla.llave)})")
    if tabla.hija:
        columnas.append("FOREIGN KEY (ruta) REFERENCES rutas (ruta)")
    sentencias = [f"CREATE TABLE {tabla.nombre} (\n  " + ",\n  ".join(columnas) + "\n)"]
    for indice in tabla.indices:
        sentencias.append(f"CREATE INDEX {tabla.nombre}_{'_'.join(indice)} "
                          f"ON {tabla.nombre} ({', '.join(indice)})")
    return sentencias


def esquema_sql() -> str:
    """El esquema entero en SQL (lo cita docs/exportar.md)."""
    return ";\n".join(s for t in TABLAS for s in crear_tabla(t)) + ";\n"


def _valor(tipo: str, valor):
    # Un valor del indicador viaja como texto decimal exacto; en la base es un REAL.
    if tipo == "numero" and valor is not None:
        return float(valor)
    return valor


def llenar(conexion: sqlite3.Connection, tablas: dict) -> None:
    """Crea las tablas e inserta las filas de ``tablas`` (``{nombre: filas}``)."""
    for tabla in TABLAS:
        for sentencia in crear_tabla(tabla):
            conexion.execute(sentencia)
        filas = tablas.get(tabla.nombre, [])
        numeros = [i for i, (_, tipo, _) in enumerate(tabla.columnas) if tipo == "numero"]
        if numeros:
            filas = ([_valor("numero", v) if i in numeros else v for i, v in enumerate(f)]
                     for f in filas)
        marcas = ", ".join("?" * len(tabla.columnas))
        conexion.executemany(f"INSERT INTO {tabla.nombre} VALUES ({marcas})", filas)


def escribir_sqlite(salida: Path, tablas: dict) -> None:
    """La base de la zona en ``salida``, reemplazada de un golpe."""
    def escribir(temporal: Path) -> None:
        conexion = sqlite3.connect(temporal)
        try:
            conexion.execute("PRAGMA journal_mode = OFF")
            conexion.execute("PRAGMA synchronous = OFF")
            with conexion:
                llenar(conexion, tablas)
            conexion.execute("PRAGMA foreign_keys = ON")
            if conexion.execute("PRAGMA foreign_key_check").fetchone() is not None:
                raise RuntimeError("la exportación rompió una clave foránea")
        finally:
            conexion.close()

    reemplazar_archivo(salida, escribir)
