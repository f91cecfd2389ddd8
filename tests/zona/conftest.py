"""Zonas hechas de los ejemplos: los tres marcos, una Ruta rota y una con datos personales.

``zona_ejemplos`` arma ``escuelas/<CCT>/<ciclo>/`` con los cinco ejemplos (rme-2014, pmc-2024 y
pemc-2019), una Ruta cuyo ``ruta.yaml`` no es YAML (``otra-carpeta/sin-ruta-yaml``: ilegible),
una cuyo ``metas.yaml`` no es YAML (``escuelas/21DPR9999J/2025-2026``: rota) y
el ejemplo de primaria con los datos personales sembrados de ``tests/conftest.py``
(``escuelas/21DPR0500E/2025-2026``); las dos llevan la CCT de su carpeta (y un nombre propio).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

EJEMPLOS = Path(__file__).resolve().parents[2] / "ejemplos"
# ejemplo → (CCT, carpeta del ciclo)
ESCUELAS = {
    "primaria-2025-2026": ("21DPR0487A", "2025-2026"),
    "pmc-primaria-2025-2026": ("29DPR0418X", "2025-2026"),
    "preescolar-2025-2026": ("31DJN0152E", "2025-2026"),
    "secundaria-2025-2026": ("32ETV0087I", "2025-2026"),
    "pemc-secundaria-2024-2026": ("15EES0527T", "2024-2026"),
}
ROTA = "escuelas/21DPR9999J/2025-2026"
ILEGIBLE = "otra-carpeta/sin-ruta-yaml"
CON_DATOS = "escuelas/21DPR0500E/2025-2026"
FECHA = "2026-03-27"


def armar_zona(raiz: Path, sembrar=None, rota: bool = False) -> Path:
    """Los ejemplos bajo ``raiz/escuelas``; con ``rota``, la Ruta rota; con ``sembrar``, la de
    datos personales."""
    for ejemplo, (cct, ciclo) in ESCUELAS.items():
        shutil.copytree(EJEMPLOS / ejemplo, raiz / "escuelas" / cct / ciclo)
    if rota:
        shutil.copytree(EJEMPLOS / "primaria-2025-2026", raiz / ROTA)
        (raiz / ROTA / "metas.yaml").write_text("metas:\n  - id: M1\n    indicador: [sin cerrar\n",
                                                encoding="utf-8")
        _escuela(raiz / ROTA, "21DPR9999J", "Rota")
        shutil.copytree(EJEMPLOS / "preescolar-2025-2026", raiz / ILEGIBLE)
        (raiz / ILEGIBLE / "ruta.yaml").write_text("escuela: {nombre: [\n", encoding="utf-8")
    if sembrar is not None:
        sembrar(raiz / CON_DATOS)
        _escuela(raiz / CON_DATOS, "21DPR0500E", "Con Datos")
    return raiz


def _escuela(carpeta: Path, cct: str, nombre: str) -> None:
    """Cambia la CCT y el nombre de la escuela copiada del ejemplo de primaria."""
    archivo = carpeta / "ruta.yaml"
    texto = archivo.read_text(encoding="utf-8")
    texto = texto.replace("cct: 21DPR0487A", f"cct: {cct}", 1)
    texto = texto.replace('Escuela Primaria "Carmen Serdán Alatriste"',
                          f'Escuela Primaria "{nombre}"', 1)
    archivo.write_text(texto, encoding="utf-8")


@pytest.fixture
def zona_ejemplos(tmp_path, sembrar) -> Path:
    return armar_zona(tmp_path / "zona", sembrar, rota=True)


@pytest.fixture
def zona_limpia(tmp_path) -> Path:
    """Solo los cinco ejemplos (sin la rota ni la de datos)."""
    return armar_zona(tmp_path / "zona")
