"""La bitácora sigue el calendario del CTE (issue 13): cada sesión en su fecha (la del catálogo, la
de ruta.yaml o, en un PEMC, la del ciclo en que cae), una entrada por sesión y en orden."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from rutamejora.reglas.validacion import validar

EJEMPLOS = Path(__file__).resolve().parents[2] / "ejemplos"
CODIGOS = ("RM411", "RM412", "RM413")


def _avisos(carpeta: Path, hoy: date = date(2026, 2, 15)) -> list[tuple[str, int, str]]:
    return [(p.codigo, p.linea, p.mensaje) for p in validar(carpeta, hoy, True).problemas
            if p.codigo in CODIGOS]


def _agregar(carpeta: Path, texto: str) -> None:
    with (carpeta / "bitacora.yaml").open("a", encoding="utf-8") as f:
        f.write(texto)


def test_sesion_en_una_fecha_que_no_es_la_suya(ruta_minima):
    """El caso del issue: `fecha: 2025-12-12` con `sesion: 4` (la sesión 4 es el 30 de enero)."""
    _agregar(ruta_minima, "  - fecha: 2025-12-12\n    sesion: 4\n    acuerdos: [Revisar la biblioteca]\n")
    assert _avisos(ruta_minima) == [
        ("RM411", 9, "La entrada del 2025-12-12 dice `sesion: 4`, pero la sesión 4 del ciclo "
                     "2025-2026 es el 2026-01-30.")]


def test_la_fecha_de_otra_sesion_lo_dice(ruta_minima):
    _agregar(ruta_minima, "  - fecha: 2025-11-28\n    sesion: 4\n")
    assert _avisos(ruta_minima)[0][2].endswith(
        "es el 2026-01-30; el 2025-11-28 es la sesión 3.")


def test_el_calendario_de_ruta_yaml_manda(ruta_minima):
    ruta_yaml = ruta_minima / "ruta.yaml"
    ruta_yaml.write_text(ruta_yaml.read_text(encoding="utf-8") + (
        "calendario:\n  sesiones: [2025-09-26, 2025-10-31, 2025-11-28, 2025-12-12, 2026-02-27, "
        "2026-03-27, 2026-05-29, 2026-06-26]\n"), encoding="utf-8")
    _agregar(ruta_minima, "  - fecha: 2025-12-12\n    sesion: 4\n")
    assert _avisos(ruta_minima) == []


def test_dos_entradas_de_la_misma_sesion(ruta_minima):
    _agregar(ruta_minima, "  - fecha: 2025-10-31\n    sesion: 2\n    acuerdos: [Uno]\n"
                          "  - fecha: 2025-10-31\n    sesion: 2\n    acuerdos: [Otro]\n")
    assert _avisos(ruta_minima) == [
        ("RM412", 12, "La sesión 2 del ciclo 2025-2026 ya tiene su entrada (la del 2025-10-31, "
                      "línea 8); esta la repite.")]


def test_entradas_fuera_de_orden(ruta_minima):
    _agregar(ruta_minima, "  - fecha: 2026-01-30\n    sesion: 4\n"
                          "  - fecha: 2025-10-31\n    sesion: 2\n"
                          "  - fecha: 2026-01-31\n    acuerdos: [Sigue]\n")
    assert _avisos(ruta_minima) == [
        ("RM413", 10, "La entrada del 2025-10-31 está después de la del 2026-01-30: la bitácora "
                      "va en orden de fecha.")]


def test_las_entradas_posteriores_a_la_fecha_tambien_cuentan(ruta_minima):
    _agregar(ruta_minima, "  - fecha: 2026-03-27\n    sesion: 6\n  - fecha: 2026-02-27\n    sesion: 5\n")
    assert [c for c, _, _ in _avisos(ruta_minima, date(2025, 10, 1))] == ["RM413"]


def test_pemc_cada_entrada_con_el_calendario_de_su_ciclo(tmp_path):
    pemc = tmp_path / "pemc"
    shutil.copytree(EJEMPLOS / "pemc-secundaria-2024-2026", pemc)
    texto = (pemc / "bitacora.yaml").read_text(encoding="utf-8")
    # La sesión 3 de 2024-2025 (29 nov 2024, estimada) en otra fecha; la 2 de cada ciclo no se repite.
    texto = texto.replace("  - fecha: 2024-11-29\n    tipo: sesion_ordinaria\n",
                          "  - fecha: 2024-11-22\n    sesion: 3\n    tipo: sesion_ordinaria\n")
    (pemc / "bitacora.yaml").write_text(texto, encoding="utf-8")
    assert [m for _, _, m in _avisos(pemc, date(2026, 7, 15))] == [
        "La entrada del 2024-11-22 dice `sesion: 3`, pero la sesión 3 del ciclo 2024-2025 es el "
        "2024-11-29 (calendario estimado)."]
    (pemc / "bitacora.yaml").write_text(texto.replace("2024-11-22\n    sesion: 3", "2024-10-25\n    sesion: 2"),
                                        encoding="utf-8")
    assert _avisos(pemc, date(2026, 7, 15)) == []
