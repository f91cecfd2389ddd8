"""RM416: la bitácora da por realizada una acción antes de que empiece (casi siempre el id de
otra acción o una fecha mal escrita); la rendición la contaría como hecha."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rutamejora.reglas.validacion import validar

HOY = date(2026, 7, 15)

# Una acción más sobre la Ruta mínima, que empieza en febrero.
A2 = """
  - id: A2
    metas: [M1]
    actividad: Taller de lectura con las familias
    responsables: [DIR, APF]
    recursos: [Material impreso]
    costo: 0
    inicio: 2026-02-09
    fin: 2026-02-27
"""


def _con(ruta: Path, bitacora: str) -> list[tuple[str, int, str, str]]:
    with (ruta / "acciones.yaml").open("a", encoding="utf-8") as f:
        f.write(A2.lstrip("\n"))
    with (ruta / "bitacora.yaml").open("a", encoding="utf-8") as f:
        f.write(bitacora.lstrip("\n"))
    return [(p.codigo, p.linea, p.mensaje, p.pista) for p in validar(ruta, HOY, True).problemas
            if p.codigo == "RM416"]


def test_realizada_antes_de_su_inicio(ruta_minima):
    assert _con(ruta_minima, """
  - fecha: 2025-10-31
    acciones:
      - {accion: A2, estado: realizada, avance: 100}
""") == [("RM416", 10, "La acción A2 está `realizada` el 31 oct 2025, antes de empezar (inicia el "
         "9 feb 2026).", "¿Es otra acción? Revisa el id y la fecha de la entrada; si se adelantó, "
         "dilo en `nota:` del registro.")]


def test_con_nota_o_desde_su_inicio_no_avisa(ruta_minima):
    assert _con(ruta_minima, """
  - fecha: 2025-10-31
    acciones:
      - {accion: A2, estado: realizada, avance: 100, nota: Se adelantó por la visita de la supervisión}
  - fecha: 2026-02-09
    acciones:
      - {accion: A2, estado: realizada, avance: 100}
""") == []


def test_en_curso_antes_de_su_inicio_no_avisa(ruta_minima):
    """Preparar una acción antes de su inicio es normal; darla por hecha, no."""
    assert _con(ruta_minima, """
  - fecha: 2025-10-31
    acciones:
      - {accion: A2, estado: en_curso, avance: 10}
""") == []


def test_cuenta_el_inicio_reprogramado_hasta_ese_dia(ruta_minima):
    """Reprogramada en noviembre para empezar el 1 de diciembre: realizada el 5 de diciembre está
    bien; el 20 de noviembre, antes del nuevo inicio, no."""
    assert [m for _, _, m, _ in _con(ruta_minima, """
  - fecha: 2025-11-14
    acciones:
      - {accion: A2, estado: reprogramada, nuevo_inicio: 2025-12-01, nuevo_fin: 2025-12-12}
  - fecha: 2025-11-20
    acciones:
      - {accion: A2, estado: realizada, avance: 100}
  - fecha: 2025-12-05
    acciones:
      - {accion: A2, estado: realizada, avance: 100}
""")] == ["La acción A2 está `realizada` el 20 nov 2025, antes de empezar (inicia el 1 dic 2025)."]


def test_pospuesta_y_hecha_en_sus_fechas_de_siempre_no_avisa(ruta_minima):
    """Se pospuso al 2 de marzo y al final se hizo el 26 de febrero, dentro de lo planeado."""
    assert _con(ruta_minima, """
  - fecha: 2026-02-10
    acciones:
      - {accion: A2, estado: reprogramada, nuevo_inicio: 2026-03-02, nuevo_fin: 2026-03-13}
  - fecha: 2026-02-26
    acciones:
      - {accion: A2, estado: realizada, avance: 100}
""") == []
