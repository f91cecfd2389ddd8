"""Un ruta.yaml que no se puede leer (un error de sintaxis) se revisa línea por línea en busca de
datos personales. Sus «nombre:» son de la escuela, del colectivo o de la comunidad: esa revisión
no los toma por alumnos (antes, un espacio de más daba un RM502 por cada docente)."""

from __future__ import annotations

import shutil
from pathlib import Path

RAIZ = Path(__file__).resolve().parents[2]
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"


def _codigos(datos) -> list[tuple]:
    return sorted((p["archivo"], p["codigo"], p["linea"]) for r in datos["rutas"] for p in r["problemas"]
                  if p["archivo"] == "ruta.yaml")


def _con_un_espacio_de_mas(tmp_path: Path, extra: str = "") -> Path:
    destino = tmp_path / "primaria"
    shutil.copytree(EJEMPLO, destino)
    archivo = destino / "ruta.yaml"
    texto = archivo.read_text(encoding="utf-8").replace("\n  nivel:", "\n   nivel:", 1)
    archivo.write_text(texto + extra, encoding="utf-8")
    return destino


def test_el_colectivo_no_es_alumno_cuando_ruta_yaml_no_se_lee(tmp_path, validar_json):
    codigo, datos = validar_json(_con_un_espacio_de_mas(tmp_path))
    assert codigo == 1
    assert [c for _, c, _ in _codigos(datos)] == ["RM001", "RM901"]


def test_un_alumno_en_ruta_yaml_sin_leer_sigue_siendo_error(tmp_path, validar_json):
    carpeta = _con_un_espacio_de_mas(tmp_path, "# Brayan López Ramírez falta mucho\n")
    lineas = (carpeta / "ruta.yaml").read_text(encoding="utf-8").count("\n")
    _, datos = validar_json(carpeta)
    assert _codigos(datos) == sorted([("ruta.yaml", "RM001", 15), ("ruta.yaml", "RM502", lineas),
                                      ("ruta.yaml", "RM901", 0)])
