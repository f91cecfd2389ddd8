"""RM417: un registro vuelve a abrir una acción ya realizada o cancelada (casi siempre el id de
otra acción); la rendición cambiaría en silencio."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rutamejora.reglas.validacion import validar


def _rm417(ruta: Path, bitacora: str) -> list[tuple[int, str]]:
    with (ruta / "bitacora.yaml").open("a", encoding="utf-8") as f:
        f.write(bitacora.lstrip("\n"))
    return [(p.linea, p.mensaje) for p in validar(ruta, date(2026, 7, 15), True).problemas
            if p.codigo == "RM417"]


def test_realizada_que_vuelve_a_en_curso(ruta_minima):
    assert _rm417(ruta_minima, """
  - fecha: 2026-06-26
    acciones:
      - {accion: A1, estado: realizada, avance: 100}
  - fecha: 2026-07-03
    acciones:
      - {accion: A1, estado: en_curso, avance: 70}
""") == [(13, "La acción A1 estaba `realizada` desde el 26 jun 2026 y este registro la deja "
              "`en_curso` el 3 jul 2026.")]


def test_cancelada_que_vuelve_a_pendiente_y_luego_otra_vez(ruta_minima):
    """Cada vez que se vuelve a abrir, un aviso; después de volver a cerrarse, otra vez."""
    assert [m for _, m in _rm417(ruta_minima, """
  - fecha: 2025-10-31
    acciones:
      - {accion: A1, estado: cancelada}
  - fecha: 2025-11-28
    acciones:
      - {accion: A1, estado: pendiente}
  - fecha: 2026-01-30
    acciones:
      - {accion: A1, estado: en_curso, avance: 40}
  - fecha: 2026-06-26
    acciones:
      - {accion: A1, estado: realizada, avance: 100}
  - fecha: 2026-07-03
    acciones:
      - {accion: A1, estado: en_curso, avance: 90}
""")] == ["La acción A1 estaba `cancelada` desde el 31 oct 2025 y este registro la deja `pendiente` "
          "el 28 nov 2025.",
          "La acción A1 estaba `realizada` desde el 26 jun 2026 y este registro la deja `en_curso` "
          "el 3 jul 2026."]


def test_con_nota_o_el_mismo_dia_no_avisa(ruta_minima):
    assert _rm417(ruta_minima, """
  - fecha: 2026-06-26
    acciones:
      - {accion: A1, estado: realizada, avance: 100}
  - fecha: 2026-07-03
    acciones:
      - {accion: A1, estado: en_curso, avance: 50, nota: Se retoma con los grupos de verano}
""") == []


def test_reprogramada_o_ajustada_al_volver_no_avisa(ruta_minima):
    """Retomar una acción cancelada con fechas nuevas, o con un ajuste que la nombra, es
    decirlo."""
    assert _rm417(ruta_minima, """
  - fecha: 2025-10-31
    acciones:
      - {accion: A1, estado: cancelada}
  - fecha: 2025-11-28
    acciones:
      - {accion: A1, estado: pendiente, nuevo_inicio: 2026-01-12, nuevo_fin: 2026-06-19}
  - fecha: 2026-01-30
    acciones:
      - {accion: A1, estado: cancelada}
  - fecha: 2026-02-27
    acciones:
      - {accion: A1, estado: en_curso, avance: 10}
    ajustes:
      - {descripcion: Se retoma el círculo de lectura con los grupos de la tarde, acciones: [A1]}
""") == []
