"""Un nombre y un teléfono al final de **cada** valor de texto de la Ruta (ids, claves de
catálogo, grados, nombres de fuentes y referencias incluidos): ninguna salida los muestra en
claro. Los informes tienen la suya en ``tests/informes/test_informe_privacidad.py``.

Es la prueba de lo que no se ve campo por campo: un valor que se imprime tal cual porque
«siempre es un id» deja pasar el nombre que alguien escribió donde iba el id.
"""

from __future__ import annotations

import sqlite3

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

runner = CliRunner()
FECHA = "2026-03-15"


def correr(*args) -> tuple[int, str]:
    r = runner.invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout + r.stderr


def sin_datos(texto: str, en_claro) -> None:
    presentes = [d for d in en_claro if d.lower() in texto.lower()]
    assert presentes == [], f"datos personales en claro: {presentes}"


@pytest.mark.parametrize("formato", ["texto", "json", "github"])
def test_validar(ruta_con_un_dato_en_cada_texto, en_claro, formato):
    codigo, salida = correr("validar", ruta_con_un_dato_en_cada_texto, "--fecha", FECHA,
                            "--formato", formato)
    assert codigo == 1
    sin_datos(salida, en_claro)
    assert "RM502" in salida and "RM504" in salida


@pytest.mark.parametrize("vista", ["resumen", "avance", "pendientes", "calendario"])
@pytest.mark.parametrize("formato", ["texto", "json"])
def test_vistas(ruta_con_un_dato_en_cada_texto, en_claro, vista, formato):
    codigo, salida = correr(vista, ruta_con_un_dato_en_cada_texto, "--fecha", FECHA,
                            "--formato", formato)
    sin_datos(salida, en_claro)


def test_exportar_csv_y_sqlite(ruta_con_un_dato_en_cada_texto, en_claro, tmp_path):
    codigo, salida = correr("exportar", ruta_con_un_dato_en_cada_texto, "-o", tmp_path / "csv",
                            "--formato", "csv", "--fecha", FECHA)
    assert codigo == 1, salida  # la Ruta tiene errores: se exporta igual
    sin_datos(salida, en_claro)
    for archivo in sorted((tmp_path / "csv").glob("*.csv")):
        sin_datos(archivo.read_text(encoding="utf-8"), en_claro)
    codigo, salida = correr("exportar", ruta_con_un_dato_en_cada_texto, "-o", tmp_path / "zona.db",
                            "--fecha", FECHA)
    assert codigo == 1, salida
    con = sqlite3.connect(tmp_path / "zona.db")
    try:
        tablas = [t for (t,) in con.execute("SELECT name FROM sqlite_master WHERE type='table'")]
        textos = [str(v) for t in tablas for fila in con.execute(f'SELECT * FROM "{t}"')
                  for v in fila if v is not None]
    finally:
        con.close()
    sin_datos("\n".join(textos), en_claro)


def test_exportar_libro(ruta_con_un_dato_en_cada_texto, en_claro, tmp_path):
    import openpyxl  # una dependencia de ruta (exportar a .xlsx)

    codigo, salida = correr("exportar", ruta_con_un_dato_en_cada_texto, "-o", tmp_path / "r.xlsx",
                            "--fecha", FECHA)
    assert codigo == 1, salida
    libro = openpyxl.load_workbook(tmp_path / "r.xlsx", read_only=True)
    textos = [str(c) for hoja in libro.worksheets for fila in hoja.iter_rows(values_only=True)
              for c in fila if c is not None]
    libro.close()
    sin_datos("\n".join(textos), en_claro)


def test_zona(ruta_con_un_dato_en_cada_texto, en_claro, tmp_path):
    zona = ruta_con_un_dato_en_cada_texto.parent.parent
    for formato in ("texto", "json", "csv"):
        codigo, salida = correr("zona", zona, "--fecha", FECHA, "--formato", formato, "--procesos", "1")
        sin_datos(salida, en_claro)
    codigo, salida = correr("informe", zona, "-t", "zona", "--fecha", FECHA, "-o", tmp_path / "z.md")
    sin_datos(salida + (tmp_path / "z.md").read_text(encoding="utf-8"), en_claro)
