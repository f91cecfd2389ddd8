"""La base SQLite: el esquema, las claves, lo reemplazable y las consultas de docs/exportar.md."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zonas import FECHA
from rutamejora.commands import app
from rutamejora.intercambio.tablas_esquema import TABLAS, esquema_markdown

DOCS = Path(__file__).resolve().parents[2] / "docs" / "exportar.md"
runner = CliRunner()


def exportar(*args: str):
    return runner.invoke(app, ["exportar", *args])


@pytest.fixture(scope="module")
def base(zona_limpia, tmp_path_factory) -> Path:
    salida = tmp_path_factory.mktemp("base") / "zona.db"
    r = exportar(str(zona_limpia), "-o", str(salida), "--fecha", FECHA, "--procesos", "1")
    assert (r.exit_code, r.output) == (0, f"Exportadas 3 Rutas a {salida}.\n")
    return salida


def _consultas() -> list[tuple[str, str]]:
    """Cada bloque ```sql de docs/exportar.md con el bloque ```text que le sigue."""
    texto = DOCS.read_text(encoding="utf-8")
    return re.findall(r"```sql\n(.*?)```\s*\n```text\n(.*?)```", texto, re.S)


def test_docs_tiene_tres_consultas():
    assert len(_consultas()) == 3


@pytest.mark.parametrize("indice", range(3))
def test_las_consultas_de_docs_dan_lo_que_dicen(base, indice):
    sql, esperado = _consultas()[indice]
    conexion = sqlite3.connect(base)
    cursor = conexion.execute(sql)
    renglones = ["|".join(d[0] for d in cursor.description)]
    renglones += ["|".join("" if v is None else str(v) for v in fila) for fila in cursor]
    assert "\n".join(renglones) + "\n" == esperado


def test_docs_documenta_el_esquema_tal_cual():
    assert esquema_markdown() in DOCS.read_text(encoding="utf-8")


def test_tablas_columnas_indices_y_claves_foraneas(base):
    conexion = sqlite3.connect(base)
    nombres = [f[0] for f in conexion.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY rowid")]
    assert nombres == [t.nombre for t in TABLAS]
    for tabla in TABLAS:
        columnas = [f[1] for f in conexion.execute(f"PRAGMA table_info({tabla.nombre})")]
        assert tuple(columnas) == tabla.nombres
        foraneas = [(f[2], f[3], f[4]) for f in conexion.execute(f"PRAGMA foreign_key_list({tabla.nombre})")]
        assert foraneas == ([("rutas", "ruta", "ruta")] if tabla.hija else [])
        indices = {f[1] for f in conexion.execute(f"PRAGMA index_list({tabla.nombre})")}
        assert {f"{tabla.nombre}_{'_'.join(i)}" for i in tabla.indices} <= indices
    conexion.execute("PRAGMA foreign_keys = ON")
    assert conexion.execute("PRAGMA foreign_key_check").fetchall() == []
    assert conexion.execute("PRAGMA integrity_check").fetchone() == ("ok",)


def test_tipos_en_la_base(base):
    conexion = sqlite3.connect(base)
    assert conexion.execute("SELECT typeof(costo_centavos), costo_centavos, typeof(inicio), inicio "
                            "FROM acciones WHERE ruta = 'escuelas/21DPR0487A/2025-2026' AND id = 'A3'"
                            ).fetchone() == ("integer", 240000, "text", "2025-09-08")
    # Un costo periódico sale ya multiplicado: {por_mes: 250.00, meses: 9}.
    assert conexion.execute("SELECT costo_centavos FROM acciones WHERE "
                            "ruta = 'escuelas/21DPR0487A/2025-2026' AND id = 'A4'").fetchone() == (225000,)
    assert conexion.execute("SELECT typeof(linea_base), linea_base FROM metas WHERE "
                            "ruta = 'escuelas/21DPR0487A/2025-2026' AND id = 'M1'").fetchone() == ("real", 46.0)


def test_metadatos_de_la_base(base):
    conexion = sqlite3.connect(base)
    generales = conexion.execute("SELECT clave, valor FROM metadatos WHERE ruta IS NULL").fetchall()
    assert generales == [("herramienta", "ruta exportar"), ("version", "0.1.0"), ("esquema", "2"),
                         ("fecha", FECHA)]


def test_la_misma_zona_da_el_mismo_contenido(base, zona_limpia, tmp_path):
    otra = tmp_path / "otra.db"
    assert exportar(str(zona_limpia), "-o", str(otra), "--fecha", FECHA).exit_code == 0
    volcado = lambda b: list(sqlite3.connect(b).iterdump())  # noqa: E731
    assert volcado(otra) == volcado(base)


def test_reemplaza_una_exportacion_y_respeta_lo_ajeno(zona_limpia, tmp_path):
    salida = tmp_path / "zona.db"
    assert exportar(str(zona_limpia), "-o", str(salida), "--fecha", FECHA).exit_code == 0
    r = exportar(str(zona_limpia / "escuelas" / "21DPR0487A"), "-o", str(salida), "--fecha", FECHA)
    assert (r.exit_code, r.output) == (0, f"Exportada 1 Ruta a {salida}.\n")
    assert sqlite3.connect(salida).execute("SELECT ruta FROM rutas").fetchall() == [("2025-2026",)]
    ajena = tmp_path / "notas.db"
    sqlite3.connect(ajena).execute("CREATE TABLE notas (texto TEXT)").connection.commit()
    antes = ajena.read_bytes()
    r = exportar(str(zona_limpia), "-o", str(ajena), "--fecha", FECHA)
    assert r.exit_code == 2
    assert r.output == (f"ruta: {ajena} ya existe y no es una exportación de `ruta exportar`: no se "
                        "reemplaza. Bórralo, elige otro nombre o usa --forzar.\n")
    assert ajena.read_bytes() == antes
    r = exportar(str(zona_limpia), "-o", str(ajena), "--fecha", FECHA, "--forzar")
    assert (r.exit_code, r.output) == (0, f"Exportadas 3 Rutas a {ajena}.\nruta: con --forzar se "
                                          f"reemplazó {ajena}, que no era una exportación de `ruta "
                                          "exportar`.\n")
    # Ya es una exportación: la siguiente vez se reemplaza sin decir nada más.
    r = exportar(str(zona_limpia), "-o", str(ajena), "--fecha", FECHA, "--forzar")
    assert (r.exit_code, r.output) == (0, f"Exportadas 3 Rutas a {ajena}.\n")
    assert sqlite3.connect(ajena).execute("SELECT COUNT(*) FROM rutas").fetchone() == (3,)
    # Ningún temporal se queda junto a la base.
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notas.db", "zona.db"]
