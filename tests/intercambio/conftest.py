"""Las zonas de las pruebas de la exportación (se arman con ``zonas.armar_zona``)."""

from __future__ import annotations

from pathlib import Path

import pytest

from zonas import FECHA, armar_zona


@pytest.fixture(scope="session")
def zona(tmp_path_factory) -> Path:
    """La zona completa (solo para leer: las pruebas que escriben usan su propia copia)."""
    return armar_zona(tmp_path_factory.mktemp("zona"))


@pytest.fixture(scope="session")
def zona_limpia(tmp_path_factory) -> Path:
    """Solo los tres marcos, sin errores: la de las consultas de docs/exportar.md."""
    return armar_zona(tmp_path_factory.mktemp("zona_limpia"), rota=False, con_datos=False)


@pytest.fixture(scope="session")
def tablas(zona):
    """Las tablas de la zona completa a la fecha de las pruebas, leídas en este proceso."""
    from datetime import date

    from rutamejora.intercambio import leer_tablas
    from rutamejora.zona import descubrir

    return leer_tablas(descubrir([zona]), date.fromisoformat(FECHA), True, procesos=1).tablas
