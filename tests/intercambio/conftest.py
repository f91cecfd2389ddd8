"""Las zonas de las pruebas de la exportación (se arman con ``zonas.armar_zona``) y los
documentos de las de `ruta importar plan` (tests/datos/importar/), importados una vez cada uno."""

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


DATOS_IMPORTAR = Path(__file__).resolve().parents[1] / "datos" / "importar"


@pytest.fixture(scope="module")
def importar(tmp_path_factory):
    """``importar("rme-acciones.docx")`` → (informe, carpeta), una vez por documento y módulo."""
    from datetime import date

    from rutamejora.intercambio import importar_de_documento

    hechas = {}

    def hacer(nombre: str, **opciones):
        clave = (nombre, tuple(sorted(opciones.items())))
        if clave not in hechas:
            destino = tmp_path_factory.mktemp("ruta") / Path(nombre).stem
            informe = importar_de_documento(DATOS_IMPORTAR / nombre, destino, opciones, hoy=date(2025, 10, 1))
            hechas[clave] = (informe, destino)
        return hechas[clave]

    return hacer
