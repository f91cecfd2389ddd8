"""El balance del CTE contra los registros, más allá de las metas (``test_balance_contra_registros``):
las acciones realizadas que cuenta y su «todos los gastos tienen comprobante». Una auditoría
encontró el ejemplo de primaria con A18 en curso y el gasto de A4 sin comprobante, y el balance
(«17 acciones realizadas, 1 reprogramada y después realizada (A17) y 1 cancelada (A10). … Todos los
gastos tienen comprobante.») llegaba a las familias sin corregir."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rutamejora.informes.contraste import ESTE_CICLO
from rutamejora.informes.contraste_acciones import (CuentaDeAcciones as C, afirma_comprobantes,
                                                    cuentas_de_acciones, cuentas_sueltas_de_acciones)

EJEMPLOS = Path(__file__).resolve().parents[2] / "ejemplos"
CICLOS = ("2025-2026",)
TODAS = C(None, None, todas=True)

CUENTAS = [
    # Lo que sigue a la cuenta en su oración suma las otras realizadas: 17 + A17.
    ("17 acciones realizadas, 1 reprogramada y después realizada (A17) y 1 cancelada (A10).", [C(18, None)]),
    ("17 acciones realizadas, 1 en curso (A18) y 1 cancelada (A10).", [C(17, None)]),
    ("17 acciones realizadas y 1 no realizada.", [C(17, None)]),
    ("17 acciones realizadas y 2 más que se realizaron fuera de tiempo.", [C(19, None)]),
    ("Se realizaron 18 de 19 acciones.", [C(18, 19)]),
    ("Realizamos 18 de las 19 acciones y 1 se canceló.", [C(18, 19)]),
    ("De las 19 acciones, 18 se realizaron.", [C(18, 19)]),
    ("18 de 19 acciones realizadas.", [C(18, 19)]),
    ("18/19 acciones realizadas.", [C(18, 19)]),
    ("Acciones realizadas: 18/19.", [C(18, 19)]),
    ("Acciones realizadas: 12 de 14.", [C(12, 14)]),
    ("Acciones: 17 realizadas, 1 en curso y 1 cancelada.", [C(17, None)]),
    ("Se realizaron 17 acciones de las 19.", [C(17, 19)]),
    ("Se llevaron a cabo dieciocho de las diecinueve acciones.", [C(18, 19)]),
    ("Todas las acciones se realizaron.", [TODAS]),
    ("Se realizaron todas nuestras acciones.", [TODAS]),
    ("Se realizó el 100 % de las acciones.", [TODAS]),
    ("Se realizaron las 19 acciones.", [C(19, 19, todas=True)]),
    ("Ninguna acción se realizó.", [C(0, None)]),
    ("No se realizó ninguna acción.", [C(0, None)]),
    ("El ciclo pasado se realizaron 15 de 19 acciones y este ciclo 18 de 19 acciones realizadas.",
     [C(18, 19)]),
]
# Negado, aproximado, a medias, de una parte, de otro ciclo o con algo que no se sabe sumar.
NO_SE_JUZGAN = [
    # Otro tiempo (de la segunda auditoría de la verdad).
    "Se realizaron 15 de 19 acciones el año pasado.",
    "El próximo ciclo se realizarán las 19 acciones.",
    "No se realizaron 2 de 19 acciones.",
    "2 de 19 acciones no se realizaron.",
    "No todas las acciones se realizaron.",
    "Casi todas las acciones se realizaron.",
    "Prácticamente todas las acciones se realizaron.",
    "Más de 17 acciones realizadas.",
    "Se realizaron todas las acciones salvo la feria.",
    "Salvo la A10, se realizaron todas las acciones.",
    "Sin contar la feria, 17 acciones realizadas.",
    "Se realizaron todas las acciones de lectura.",
    "Todas las acciones de lectura se realizaron.",
    "Se realizaron 8 acciones en lectura.",
    "Las acciones se realizaron parcialmente.",
    "El ciclo pasado se realizaron 15 de 19 acciones.",
    "En 2024-2025 se realizaron 15 de 19 acciones.",
    "¿Se realizaron todas las acciones?",
    "Quedan 2 acciones por realizar.",
    # ¿La reprogramada se hizo? ¿La A17 está entre las 17? ¿Son acciones los talleres?
    "17 acciones realizadas, 1 reprogramada y 1 cancelada.",
    "17 acciones realizadas y la A17 después de reprogramarla.",
    "17 acciones realizadas, 2 de ellas con retraso.",
    "17 acciones realizadas y 2 talleres realizados.",
    "17 acciones realizadas y 1 parcialmente realizada.",
    # Con su total, no se sabe si la que se suma ya estaba entre las 17.
    "Se realizaron 17 de 19 acciones, 1 reprogramada y después realizada.",
    "Se realizaron 8 de 9 metas.",
    "",
]


@pytest.mark.parametrize("texto, esperadas", CUENTAS)
def test_las_cuentas_de_acciones_que_afirma_un_balance(texto, esperadas):
    assert cuentas_de_acciones(texto, CICLOS) == esperadas


@pytest.mark.parametrize("texto", NO_SE_JUZGAN)
def test_lo_que_no_es_una_cuenta_de_acciones_realizadas(texto):
    assert cuentas_de_acciones(texto, CICLOS) == []


def test_las_cuentas_sueltas_y_el_ciclo_que_nombran():
    assert cuentas_sueltas_de_acciones("Ciclo 2025-2026: 18/19 acciones.", CICLOS) == [C(18, 19)]
    assert cuentas_sueltas_de_acciones("El ciclo pasado, 15 de 19 acciones.", CICLOS) == []
    assert [c.ciclo for c in cuentas_de_acciones("Este ciclo se realizaron 18 de 19 acciones.",
                                                 CICLOS)] == [ESTE_CICLO]


@pytest.mark.parametrize("texto", [
    "Todos los gastos tienen comprobante.",
    "Todos los gastos tienen su comprobante; el remanente está en la cuenta de la APF.",
    "Se gastaron $1,250.50 en la feria. Todos los gastos tienen comprobante.",
    "Todos los gastos están comprobados.",
    "Todos los gastos están debidamente comprobados.",
    "Todos nuestros gastos cuentan con comprobante.",
    "Cada gasto tiene su comprobante.",
    "Ningún gasto quedó sin comprobante.",
    "No hay gastos sin comprobante.",
])
def test_lo_que_afirma_que_todos_los_gastos_tienen_comprobante(texto):
    assert afirma_comprobantes(texto, CICLOS) == [None]


@pytest.mark.parametrize("texto", [
    "No todos los gastos tienen comprobante.",
    "Casi todos los gastos tienen comprobante.",
    "Todos los gastos tienen comprobante, salvo el de A4.",
    "Salvo el de A4, todos los gastos tienen comprobante.",
    "Todos los gastos tienen comprobante, aunque falta el de la mochila.",
    "Todos los gastos de la APF tienen comprobante.",
    "Todos los gastos tienen comprobante en la carpeta de F1.",
    "El ciclo pasado todos los gastos tuvieron comprobante.",
    "Todos los gastos deben tener comprobante.",
    "Todos los gastos tendrán comprobante.",
    "¿Todos los gastos tienen comprobante?",
    "",
])
def test_lo_que_no_afirma_que_todos_tengan_comprobante(texto):
    assert afirma_comprobantes(texto, CICLOS) == []


# --- En el informe --------------------------------------------------------------------------

ACCIONES = "17 acciones realizadas, 1 reprogramada y después realizada (A17) y 1 cancelada (A10)."
GASTOS = "Todos los gastos\n      tienen comprobante."
METAS = "Balance: 8 de 9 metas alcanzadas;"
A18 = ("      - accion: A18\n        estado: realizada\n        avance: 100\n"
       "        evidencias: [Lista de asistencia de la reunión del 2 de julio]\n")


def _primaria(tmp_path: Path, *, acciones: str = ACCIONES, gastos: str = GASTOS, metas: str = METAS,
              a18_en_curso: bool = True, a4_sin_comprobante: bool = True, despues: str = "") -> Path:
    """El ejemplo de primaria con el balance de su evaluación final (10 de julio de 2026) y, como
    en la auditoría, A18 en curso (17 de 19 acciones realizadas: A10 cancelada) y el gasto de A4
    de la sesión 8 sin comprobante; ``despues``, entradas de la bitácora posteriores."""
    carpeta = tmp_path / "primaria"
    shutil.copytree(EJEMPLOS / "primaria-2025-2026", carpeta)
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    cambios = [(ACCIONES, acciones), (GASTOS, gastos), (METAS, metas)]
    if a18_en_curso:
        cambios.append((A18, A18.replace("realizada\n        avance: 100", "en_curso\n        avance: 75")))
    if a4_sin_comprobante:
        cambios.append(("comprobante: APF-2026-0111", "comprobante: pendiente"))
    for antes, ahora in cambios:
        assert texto.count(antes) == 1, antes
        texto = texto.replace(antes, ahora)
    bitacora.write_text(texto + despues, encoding="utf-8")
    return carpeta


def _lineas(invocar, carpeta: Path, *args: str) -> list[str]:
    """Las líneas «Según los registros…» de la rendición, en orden."""
    r = invocar(["informe", str(carpeta), "-t", "rendicion", "--fecha", "2026-07-15", *args])
    assert r.exit_code == 0, r.output
    return [linea for linea in r.stdout.splitlines() if "Según los registros" in linea]


LINEA_ACCIONES = ("Según los registros de esta Ruta, al 10 de julio de 2026 hay 17 de 19 acciones "
                  "realizadas; el balance dice 18.")
LINEA_GASTOS = ("Según los registros de esta Ruta, 1 gasto no tiene comprobante (A4: $250.00 (26 jun "
                "2026)); el balance dice que todos lo tienen.")


@pytest.mark.parametrize("audiencia", ["comunidad", "autoridad"])
def test_el_caso_de_la_auditoria_lleva_una_linea_por_afirmacion(tmp_path, invocar, audiencia):
    carpeta = _primaria(tmp_path)
    assert _lineas(invocar, carpeta, "-a", audiencia) == [f"**{LINEA_ACCIONES}**", f"**{LINEA_GASTOS}**"]
    assert _lineas(invocar, carpeta, "-a", audiencia, "-f", "html") == [
        f"<p><strong>{LINEA_ACCIONES}</strong></p>", f"<p><strong>{LINEA_GASTOS}</strong></p>"]


def test_con_las_metas_van_las_tres_en_el_orden_del_balance(tmp_path, invocar):
    carpeta = _primaria(tmp_path, metas="Balance: 9 de 9 metas alcanzadas;")
    assert _lineas(invocar, carpeta) == [
        "**Según los registros de esta Ruta, al 10 de julio de 2026 hay 8 de 9 metas logradas; el "
        "balance dice 9 de 9.**", f"**{LINEA_ACCIONES}**", f"**{LINEA_GASTOS}**"]


@pytest.mark.parametrize("acciones, dice", [
    ("Se realizaron 18 de 19 acciones.", "17 de 19 acciones realizadas; el balance dice 18 de 19"),
    ("Todas las acciones se realizaron, salvo la A10, que se canceló.", None),
    ("Se realizaron todas las acciones.", "17 de 19 acciones realizadas; el balance dice que todas "
                                          "se realizaron"),
    # El total de las no canceladas (18) también es de todas: se dice cuántas se cancelaron.
    ("Se realizaron 18 de 18 acciones.", "17 de 19 acciones realizadas (1 cancelada); el balance "
                                         "dice 18 de 18"),
    ("Acciones realizadas: 18/19.", "17 de 19 acciones realizadas; el balance dice 18 de 19"),
])
def test_otras_formas_de_contar_las_acciones(tmp_path, invocar, acciones, dice):
    lineas = _lineas(invocar, _primaria(tmp_path, acciones=acciones, a4_sin_comprobante=False))
    esperadas = [f"**Según los registros de esta Ruta, al 10 de julio de 2026 hay {dice}.**"] if dice else []
    assert lineas == esperadas


@pytest.mark.parametrize("acciones", [
    # Cuadran con los registros (17 de 19: A18 en curso, A10 cancelada).
    "17 acciones realizadas, 1 en curso (A18) y 1 cancelada (A10).",
    "Se realizaron 17 de 19 acciones y 1 se canceló (A10).",
    "Balance de acciones: 17/19 acciones.",
    # Negadas, aproximadas, de una parte o de otro ciclo: no se juzgan.
    "No se realizaron 2 de 19 acciones.",
    "Casi todas las acciones se realizaron.",
    "Más de 18 acciones realizadas.",
    "Se realizaron todas las acciones de lectura.",
    "Todas las acciones de lectura se realizaron.",
    "El ciclo pasado se realizaron 18 de 19 acciones.",
    "Se realizaron 18 acciones de las 20 programadas.",
])
def test_lo_que_cuadra_o_no_se_juzga_va_solo(tmp_path, invocar, acciones):
    assert _lineas(invocar, _primaria(tmp_path, acciones=acciones, a4_sin_comprobante=False)) == []


@pytest.mark.parametrize("acciones", [
    # Con los registros del ejemplo (18 realizadas, A17 reprogramada y después realizada): ¿la
    # reprogramada se cuenta aparte? ¿La A17 está entre las 17? No se sabe: no se juzga.
    "17 acciones realizadas, 1 reprogramada (A17) y 1 cancelada (A10).",
    "Se realizaron 17 de 19 acciones, 1 reprogramada y después realizada (A17).",
    "17 acciones realizadas y la A17 después de reprogramarla.",
])
def test_lo_que_no_se_sabe_sumar_no_se_juzga(tmp_path, invocar, acciones):
    carpeta = _primaria(tmp_path, acciones=acciones, a18_en_curso=False, a4_sin_comprobante=False)
    assert _lineas(invocar, carpeta) == []


@pytest.mark.parametrize("gastos", [
    "No todos los gastos tienen comprobante.",
    "Casi todos los gastos tienen comprobante.",
    "Todos los gastos tienen comprobante, salvo el de A4 (pendiente).",
    "Sin contar el de A4, todos los gastos tienen comprobante.",
    "Todos los gastos de la APF tienen comprobante.",
    "El ciclo pasado todos los gastos tuvieron comprobante.",
    "Todos los gastos deben tener comprobante.",
])
def test_los_comprobantes_negados_o_de_una_parte_no_se_juzgan(tmp_path, invocar, gastos):
    assert _lineas(invocar, _primaria(tmp_path, gastos=gastos, a18_en_curso=False)) == []


def test_un_gasto_registrado_despues_del_balance_no_lo_contradice(tmp_path, invocar):
    """El informe lista el gasto sin comprobante del 13 de julio; el balance del 10 no lo sabía."""
    despues = ("\n  - fecha: 2026-07-13\n    tipo: registro\n    acciones:\n      - accion: A15\n"
               "        estado: realizada\n        gasto: 300.00\n        comprobante: pendiente\n")
    carpeta = _primaria(tmp_path, a18_en_curso=False, a4_sin_comprobante=False, despues=despues)
    r = invocar(["informe", str(carpeta), "-t", "rendicion", "--fecha", "2026-07-15"])
    assert "**1 gasto sin comprobante: A15: $300.00 (13 jul 2026).**" in r.stdout
    assert "Según los registros" not in r.stdout


# --- Un PEMC de dos ciclos --------------------------------------------------------------------


def _pemc(tmp_path: Path, nota: str, *cambios: tuple[str, str]) -> Path:
    """El ejemplo de dos ciclos (8 acciones, todas realizadas al 10 de julio de 2026; un gasto de
    A1 en cada ciclo) con ``nota`` como balance de su evaluación final."""
    carpeta = tmp_path / "pemc"
    shutil.copytree(EJEMPLOS / "pemc-secundaria-2024-2026", carpeta)
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    final = "  - fecha: 2026-07-10\n    tipo: evaluacion_final\n"
    for antes, ahora in [(final, f"{final}    nota: >-\n      {nota}\n"), *cambios]:
        assert texto.count(antes) == 1, antes
        texto = texto.replace(antes, ahora)
    bitacora.write_text(texto, encoding="utf-8")
    return carpeta


A6_EN_CURSO = ("{accion: A6, estado: realizada, avance: 100, evidencias: [Listas de asistencia de las entregas]}",
               "{accion: A6, estado: en_curso, avance: 90}")


def test_en_dos_ciclos_solo_la_cuenta_de_todas_las_acciones_se_juzga(tmp_path, invocar):
    carpeta = _pemc(tmp_path, "Se realizaron las 8 acciones.", A6_EN_CURSO)
    assert _lineas(invocar, carpeta) == [
        "**Según los registros de esta Ruta, al 10 de julio de 2026 hay 7 de 8 acciones realizadas; "
        "el balance dice que todas se realizaron.**"]
    # Sin total o con su ciclo: las acciones no dicen de qué ciclo son.
    for nota in ["Todas las acciones se realizaron.", "En 2025-2026 se realizaron 8 de 8 acciones."]:
        assert _lineas(invocar, _pemc(tmp_path / nota[:6], nota, A6_EN_CURSO)) == []


def test_en_dos_ciclos_los_comprobantes_son_los_del_ciclo_que_se_evalua_o_el_que_nombra(tmp_path, invocar):
    primer_ciclo = ("comprobante: Nota 0311 Papelería Texcoco", "comprobante: pendiente")
    # El gasto sin comprobante es de 2024-2025: «todos los gastos» puede hablar solo de este ciclo.
    carpeta = _pemc(tmp_path / "a", "Todos los gastos tienen comprobante.", primer_ciclo)
    assert _lineas(invocar, carpeta) == []
    carpeta = _pemc(tmp_path / "b", "En 2024-2025 todos los gastos tuvieron comprobante.", primer_ciclo)
    assert len(lineas := _lineas(invocar, carpeta)) == 1
    assert lineas[0].startswith("**Según los registros de esta Ruta, 1 gasto del ciclo 2024-2025 no "
                                "tiene comprobante (A1: $1,200.00 (")
    carpeta = _pemc(tmp_path / "c", "Todos los gastos tienen comprobante.",
                    ("comprobante: Nota 0488 Papelería Texcoco", "comprobante: pendiente"))
    assert len(lineas := _lineas(invocar, carpeta)) == 1
    assert lineas[0].startswith("**Según los registros de esta Ruta, 1 gasto del ciclo 2025-2026 no "
                                "tiene comprobante (A1: $1,200.00 (")
