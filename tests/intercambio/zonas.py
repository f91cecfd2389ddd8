"""Zonas hechas de los ejemplos (para ``conftest`` y las pruebas de aquí): los tres marcos, una
Ruta que no se puede leer y una con datos personales sembrados (que ninguna exportación debe
llevar)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

EJEMPLOS = Path(__file__).resolve().parents[2] / "ejemplos"
FECHA = "2026-03-27"

# Lo sembrado en la Ruta con datos personales: ninguno de estos textos puede salir.
SEMBRADOS = ("Ximena", "Berenice", "Ugalde", "Zamudio", "UAZX150312MPLGMMA4", "418 9375",
             "4189375", "ximena.ugalde", "correo.mx")
_ENTRADA_CON_DATOS = """\
  - fecha: 2025-08-28
    tipo: registro
    nota: La mamá de Ximena Berenice Ugalde Zamudio pide que le llamen al 222 418 9375 o le escriban a ximena.ugalde@correo.mx.
    acuerdos:
      - Citar a la familia de Ximena Berenice Ugalde Zamudio (CURP UAZX150312MPLGMMA4).
    acciones:
      - accion: A1
        estado: en_curso
        evidencias: [Lista firmada por Ximena Berenice Ugalde Zamudio]
        comprobante: Recibo de Ximena Berenice Ugalde Zamudio, tel. 222 418 9375
"""

# La zona de los ejemplos: (carpeta en la zona, ejemplo).
ZONA = (("escuelas/21DPR0487A/2025-2026", "primaria-2025-2026"),
        ("escuelas/15EES0527T/2024-2026", "pemc-secundaria-2024-2026"),
        ("escuelas/29DPR0418X/2025-2026", "pmc-primaria-2025-2026"))


def sembrar_datos(carpeta: Path) -> None:
    """Planta nombres, CURP, teléfonos y un correo de una alumna en la Ruta de ``carpeta``."""
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    bitacora.write_text(texto.replace("entradas:\n", "entradas:\n" + _ENTRADA_CON_DATOS, 1),
                        encoding="utf-8")
    acciones = carpeta / "acciones.yaml"
    texto = acciones.read_text(encoding="utf-8")
    texto = re.sub(r"(actividad: )(.*)", r"\1Tutoría de Ximena Berenice Ugalde Zamudio (CURP "
                   r"UAZX150312MPLGMMA4) y \2", texto, count=1)
    acciones.write_text(texto, encoding="utf-8")


def romper(carpeta: Path) -> None:
    """Una Ruta cuyo ruta.yaml no es YAML: no se puede leer."""
    (carpeta / "ruta.yaml").write_text("version: 1\nmarco: [rme-2014\nciclo: 2025-2026\n",
                                       encoding="utf-8")


def armar_zona(raiz: Path, rota: bool = True, con_datos: bool = True) -> Path:
    """La zona en ``raiz``: los tres marcos, y si se piden, una rota y una con datos personales."""
    for destino, ejemplo in ZONA:
        shutil.copytree(EJEMPLOS / ejemplo, raiz / destino)
    if rota:
        shutil.copytree(EJEMPLOS / "preescolar-2025-2026", raiz / "escuelas/31DJN0152E/2025-2026")
        romper(raiz / "escuelas/31DJN0152E/2025-2026")
    if con_datos:
        shutil.copytree(EJEMPLOS / "secundaria-2025-2026", raiz / "escuelas/32ETV0087I/2025-2026")
        sembrar_datos(raiz / "escuelas/32ETV0087I/2025-2026")
    return raiz
