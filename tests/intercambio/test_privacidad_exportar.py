"""Ningún dato personal sembrado en una Ruta llega a la base, a los CSV ni al libro de Excel."""

from __future__ import annotations

import sqlite3
import zipfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from zonas import FECHA, SEMBRADOS
from rutamejora.commands import app

runner = CliRunner()
CON_DATOS = "escuelas/32ETV0087I/2025-2026"


def _formas(texto: str) -> list[bytes]:
    """Las formas en que un texto podría quedar en los bytes: UTF-8, mayúsculas, XML."""
    return sorted({t.encode("utf-8") for t in (texto, texto.upper(), texto.lower())})


@pytest.fixture(scope="module")
def exportaciones(zona, tmp_path_factory) -> dict[str, Path]:
    carpeta = tmp_path_factory.mktemp("privacidad")
    salidas = {"sqlite": carpeta / "zona.db", "csv": carpeta / "zona", "xlsx": carpeta / "zona.xlsx",
               "xlsx1": carpeta / "una.xlsx"}
    for formato, salida in salidas.items():
        origen = zona / CON_DATOS if formato == "xlsx1" else zona
        args = ["exportar", str(origen), "-o", str(salida), "--fecha", FECHA]
        r = runner.invoke(app, args + (["--formato", "csv"] if formato == "csv" else []))
        assert r.exit_code == 1, r.output   # la Ruta con datos personales tiene errores
    return salidas


def _bytes_de(salida: Path) -> dict[str, bytes]:
    """Cada archivo escrito (los del libro, descomprimidos) con sus bytes."""
    if salida.is_dir():
        return {p.name: p.read_bytes() for p in salida.iterdir()}
    if salida.suffix == ".xlsx":
        with zipfile.ZipFile(salida) as libro:
            return {n: libro.read(n) for n in libro.namelist()}
    return {salida.name: salida.read_bytes()}


@pytest.mark.parametrize("formato", ["sqlite", "csv", "xlsx", "xlsx1"])
def test_ningun_dato_sembrado_sale(exportaciones, formato):
    archivos = _bytes_de(exportaciones[formato])
    assert archivos
    for nombre, contenido in archivos.items():
        for sembrado in SEMBRADOS:
            for forma in _formas(sembrado):
                assert forma not in contenido, (nombre, sembrado)


def test_los_textos_salen_con_sus_marcadores(exportaciones):
    conexion = sqlite3.connect(exportaciones["sqlite"])
    nota = conexion.execute("SELECT nota FROM entradas WHERE ruta = ? AND fecha = '2025-08-28'",
                            (CON_DATOS,)).fetchone()[0]
    assert nota == "La mamá de [nombre] pide que le llamen al [teléfono] o le escriban a [correo]."
    acuerdo = conexion.execute("SELECT texto FROM acuerdos WHERE ruta = ? AND fecha = '2025-08-28'",
                               (CON_DATOS,)).fetchone()[0]
    assert acuerdo == "Citar a la familia de [nombre] (CURP [CURP])."
    registro = conexion.execute("SELECT evidencias, comprobante FROM avances WHERE ruta = ? AND "
                                "fecha = '2025-08-28'", (CON_DATOS,)).fetchone()
    assert registro == ("Lista firmada por [nombre]", "Recibo de [nombre], tel. [teléfono]")
    actividad = conexion.execute("SELECT actividad FROM acciones WHERE ruta = ? AND id = 'A1'",
                                 (CON_DATOS,)).fetchone()[0]
    assert actividad.startswith("Tutoría de [nombre] (CURP [CURP]) y ")
    # Los mensajes de los problemas tampoco llevan las iniciales que da la terminal.
    mensajes = {m for (m,) in conexion.execute("SELECT mensaje FROM problemas WHERE ruta = ? AND "
                                              "codigo = 'RM502'", (CON_DATOS,))}
    # Cada mensaje empieza con su lugar en palabras del usuario («Acción A1 (actividad): …»).
    assert {m.split(": ", 1)[1] for m in mensajes} == {"«[nombre]» parece el nombre de un alumno o de su familia."}
    assert "Acción A1 (actividad): «[nombre]» parece el nombre de un alumno o de su familia." in mensajes


def test_el_personal_no_sale_por_su_nombre(exportaciones):
    # Nombres del colectivo de la primaria de ejemplo (ruta.yaml): solo salen sus claves.
    archivos = _bytes_de(exportaciones["sqlite"]) | _bytes_de(exportaciones["csv"])
    for contenido in archivos.values():
        for nombre in ("Rosa Elena Méndez Guzmán", "Julián Herrera Campos", "Claudia Ortega Juárez"):
            assert nombre.encode("utf-8") not in contenido
