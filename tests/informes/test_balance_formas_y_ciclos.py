"""El balance del CTE contra los registros (``test_balance_contra_registros.py``), con las formas
que una auditoría encontró sin leer («todas nuestras metas», «el 100 % de las metas», «8 metas
de las 9», «Metas alcanzadas: 9/9»), una cuenta suelta de otro ciclo que cuadraba por azar y
apagaba la corrección, y la cuenta que nombra su ciclo en un PEMC de dos ciclos."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rutamejora.informes.contraste import ESTE_CICLO, Cuenta, cuentas_de_metas, cuentas_sueltas

EJEMPLOS = Path(__file__).resolve().parents[2] / "ejemplos"
CICLOS = ("2024-2025", "2025-2026")
TODAS = Cuenta(None, None, todas=True)

FORMAS = [
    ("Todas nuestras metas se alcanzaron.", [TODAS]),
    ("Se alcanzaron todas nuestras metas.", [TODAS]),
    ("Alcanzamos el 100 % de las metas.", [TODAS]),
    ("El 100% de las metas se cumplió.", [TODAS]),
    ("La totalidad de las metas se cumplió.", [TODAS]),
    ("Se logró la totalidad de nuestras metas.", [TODAS]),
    ("Se alcanzaron 8 metas de las 9.", [Cuenta(8, 9)]),
    ("Logramos ocho metas de nueve.", [Cuenta(8, 9)]),
    ("8 metas de las 9 se lograron.", [Cuenta(8, 9)]),
    ("Metas alcanzadas: 8/9.", [Cuenta(8, 9)]),
    ("Metas alcanzadas: 9/9.", [Cuenta(9, 9)]),
    ("Cumplimos 9 metas de 9.", [Cuenta(9, 9)]),
    ("Se lograron 8 de 9 metas en total.", [Cuenta(8, 9)]),
    # No son otro tiempo (revisión con ojos nuevos): se juzgan.
    ("Tras la revisión de evidencias, se alcanzaron 9 de 9 metas.", [Cuenta(9, 9)]),
    ("Con base en el Plan de Estudio 2022, se alcanzaron 9 de 9 metas.", [Cuenta(9, 9)]),
    ("Como habíamos acordado, se alcanzaron 9 de 9 metas.", [Cuenta(9, 9)]),
    # La oración vuelve a este ciclo después de hablar del pasado: la cuenta es de este.
    ("El ciclo pasado se lograron 5 de 9 metas y este ciclo se lograron 8 de 9 metas.", [Cuenta(8, 9)]),
]
# Con excepciones, de una parte, negadas o de otro ciclo: no se juzgan.
NO_SE_JUZGAN = [
    "Alcanzamos el 100 % de las metas de lectura.",
    "Se alcanzaron todas nuestras metas salvo una.",
    "Todas nuestras metas salvo una se alcanzaron.",
    # Otro tiempo: el que viene, el de hace un tiempo, un momento anterior del ciclo, otro año.
    "Se alcanzaron 9 de 9 metas el año pasado.",
    "El próximo ciclo esperamos 9 de 9 metas logradas.",
    "Hace un año se lograron 6 de 9 metas.",
    "En la revisión de marzo se habían logrado 3 de 9 metas.",
    "En 2022 se alcanzaron 5 de 9 metas.",
    # La excepción antes de la cuenta (revisión con ojos nuevos).
    "Salvo la comprensión lectora (M1), alcanzamos el 100 % de las metas.",
    "Sin contar M1, se cumplió la totalidad de las metas.",
    "Salvo M1, todas las metas se alcanzaron.",
    "Prácticamente todas nuestras metas se alcanzaron.",
    "No alcanzamos el 100 % de las metas.",
    "No se cumplió la totalidad de las metas.",
    "Se cumplió la totalidad de las metas programadas para el primer periodo.",
    "Se lograron todas las metas en lectura.",
    "Se lograron 8 metas de las 9 del ciclo pasado.",
    "8 metas de las 9 del ciclo pasado se lograron.",
    "Se alcanzaron 8 metas de las 9 de lectura.",
    "Se lograron 8 de 9 metas en 2023-2024.",
    "El pasado ciclo escolar se alcanzaron 8 de 9 metas.",
    "En 2022-2024 se alcanzaron 8 de 9 metas.",
]


@pytest.mark.parametrize("texto, esperadas", FORMAS)
def test_las_formas_que_se_leen(texto, esperadas):
    assert cuentas_de_metas(texto, CICLOS) == esperadas


@pytest.mark.parametrize("texto", NO_SE_JUZGAN)
def test_lo_que_no_se_juzga(texto):
    assert cuentas_de_metas(texto, CICLOS) == []


@pytest.mark.parametrize("texto, ciclo", [
    ("En 2025-2026 se alcanzaron 4 de 4 metas.", "2025-2026"),
    ("Se alcanzaron 4 de 4 metas del ciclo 2025-2026.", "2025-2026"),
    ("En el ciclo 2024/25 se lograron 2 de 4 metas.", "2024-2025"),
    ("Este ciclo se alcanzaron 4 de 4 metas.", ESTE_CICLO),
    ("Se alcanzaron 4 de 4 metas.", None),
    # El horizonte de la Ruta: todas sus metas.
    ("En el PEMC 2024-2026 se lograron 7 de 8 metas.", None),
])
def test_cada_cuenta_dice_el_ciclo_que_nombra(texto, ciclo):
    assert [c.ciclo for c in cuentas_de_metas(texto, CICLOS)] == [ciclo]


def test_una_cuenta_suelta_de_otro_ciclo_no_se_lee():
    texto = "Se alcanzaron las 9 metas, una más que el ciclo pasado (8 de 9 metas)."
    assert cuentas_sueltas(texto, CICLOS) == []
    assert cuentas_sueltas("Este ciclo, ocho metas de nueve; el ciclo pasado, 7 de 9 metas.",
                           CICLOS) == [Cuenta(8, 9)]
    assert cuentas_sueltas("8 metas de las 9 del ciclo pasado", CICLOS) == []
    assert [c.ciclo for c in cuentas_sueltas("En 2025-2026, 3 de 4 metas.", CICLOS)] == ["2025-2026"]


# --- En el informe --------------------------------------------------------------------------

PRIMERA = "Balance: 8 de 9 metas alcanzadas; M1 (comprensión lectora) llegó a 57 % contra 60 %."


def _primaria(tmp_path: Path, primera: str) -> Path:
    """El ejemplo de primaria (8 de 9 metas logradas al 10 de julio de 2026) con ``primera``
    como la primera oración del balance de su evaluación final."""
    carpeta = tmp_path / "primaria"
    shutil.copytree(EJEMPLOS / "primaria-2025-2026", carpeta)
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    assert PRIMERA in texto
    bitacora.write_text(texto.replace(PRIMERA, primera), encoding="utf-8")
    return carpeta


def _pemc(tmp_path: Path, nota: str) -> Path:
    """El ejemplo de dos ciclos con M1 y M3 logradas y M8 no (valor meta 47, 12 y 70): al 10 de
    julio de 2026 registra 4 de 4 metas logradas en 2024-2025 y 3 de 4 en 2025-2026; ``nota``
    es el balance de su evaluación final."""
    carpeta = tmp_path / "pemc"
    shutil.copytree(EJEMPLOS / "pemc-secundaria-2024-2026", carpeta)
    metas = carpeta / "metas.yaml"
    texto = metas.read_text(encoding="utf-8")
    for antes, ahora in [("de 38 % a 48 %", "de 38 % a 47 %"), ("valor_meta: 48\n", "valor_meta: 47\n"),
                         ("de 16 % a 11 %", "de 16 % a 12 %"), ("valor_meta: 11\n", "valor_meta: 12\n"),
                         ("de 52 % a 65 %", "de 52 % a 70 %"), ("valor_meta: 65\n", "valor_meta: 70\n")]:
        assert texto.count(antes) == 1, antes
        texto = texto.replace(antes, ahora)
    metas.write_text(texto, encoding="utf-8")
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    final = "  - fecha: 2026-07-10\n    tipo: evaluacion_final\n"
    assert texto.count(final) == 1
    bitacora.write_text(texto.replace(final, f"{final}    nota: >-\n      {nota}\n"), encoding="utf-8")
    return carpeta


def _contraste(invocar, carpeta: Path, *args: str) -> str | None:
    """La línea «Según los registros…» de la rendición, o ``None`` si no la lleva."""
    r = invocar(["informe", str(carpeta), "-t", "rendicion", "--fecha", "2026-07-15", *args])
    assert r.exit_code == 0, r.output
    lineas = [linea for linea in r.stdout.splitlines() if "Según los registros" in linea]
    assert len(lineas) <= 1, lineas
    return lineas[0] if lineas else None


def _dice(cuenta: str, del_ciclo: str = "", registros: str = "8 de 9 metas logradas") -> str:
    return (f"**Según los registros de esta Ruta, al 10 de julio de 2026 hay {registros}{del_ciclo}; "
            f"el balance dice {cuenta}.**")


@pytest.mark.parametrize("primera, linea", [
    ("Balance: todas nuestras metas se alcanzaron; M1 llegó a 57 %.", _dice("que todas se lograron")),
    ("Balance: alcanzamos el 100 % de las metas; M1 llegó a 57 %.", _dice("que todas se lograron")),
    ("Balance: la totalidad de las metas se cumplió; M1 llegó a 57 %.", _dice("que todas se lograron")),
    ("Balance: se alcanzaron 9 metas de las 9; M1 llegó a 57 %.", _dice("9 de 9")),
    ("Balance: logramos nueve metas de nueve; M1 llegó a 57 %.", _dice("9 de 9")),
    ("Balance: se lograron siete metas de nueve; M1 llegó a 57 %.", _dice("7 de 9")),
    ("Metas alcanzadas: 9/9; M1 llegó a 57 %.", _dice("9 de 9")),
    ("Cumplimos 9 metas de 9; M1 llegó a 57 %.", _dice("9 de 9")),
    # La cuenta del ciclo pasado, sin verbo, ya no apaga la de este.
    ("Balance: se alcanzaron las 9 metas, una más que el ciclo pasado (8 de 9 metas).",
     _dice("que todas se lograron")),
    ("Balance: se alcanzaron 9 de 9 metas, una más que el ciclo pasado (8 metas de las 9).",
     _dice("9 de 9")),
    ("Balance: el ciclo pasado se lograron 8 de 9 metas y este ciclo se lograron 9 de 9 metas.",
     _dice("9 de 9")),
])
def test_el_informe_corrige_las_formas_nuevas(tmp_path, invocar, primera, linea):
    assert _contraste(invocar, _primaria(tmp_path, primera)) == linea


@pytest.mark.parametrize("primera", [
    # Cuadran con los registros (8 de 9).
    "Metas alcanzadas: 8/9; M1 llegó a 57 %.",
    "Balance: 8 metas de las 9 se alcanzaron; M1 llegó a 57 %.",
    "Balance: ocho metas de nueve; M1 llegó a 57 %.",
    "Balance: se alcanzaron 8 metas de las 9, una más que el ciclo pasado (7 de 9 metas).",
    # De una parte, con excepciones, negadas o de otro ciclo: no se juzgan.
    "Balance: alcanzamos el 100 % de las metas de lectura; M1 llegó a 57 %.",
    "Balance: se alcanzaron todas nuestras metas salvo una; M1 llegó a 57 %.",
    "Balance: se lograron 9 metas de las 9 del ciclo pasado; M1 llegó a 57 %.",
    "Balance: se alcanzaron 9 metas de las 9 de lectura; M1 llegó a 57 %.",
    "Balance: no alcanzamos el 100 % de las metas; M1 llegó a 57 %.",
    "Balance: se cumplió la totalidad de las metas programadas para el primer periodo.",
])
def test_el_informe_no_corrige_lo_que_cuadra_o_no_juzga(tmp_path, invocar, primera):
    assert _contraste(invocar, _primaria(tmp_path, primera)) is None


@pytest.mark.parametrize("nota, cuenta", [
    ("Balance: en 2025-2026 se alcanzaron 4 de 4 metas; la asistencia de las familias llegó a 66 %.",
     "4 de 4"),
    ("Balance: este ciclo se alcanzaron 4 de 4 metas.", "4 de 4"),
    ("Balance: se alcanzaron 4 de 4 metas del ciclo 2025-2026.", "4 de 4"),
    ("Balance: en 2025-2026 se alcanzaron las 4 metas.", "que todas se lograron"),
])
def test_la_cuenta_de_un_ciclo_se_compara_con_ese_ciclo(tmp_path, invocar, nota, cuenta):
    """2024-2025 logró 4 de 4: eso no hace cierta la cuenta que el balance da de 2025-2026."""
    assert _contraste(invocar, _pemc(tmp_path, nota)) == _dice(
        cuenta, " del ciclo 2025-2026", registros="3 de 4 metas logradas")


def test_la_cuenta_del_horizonte_se_compara_con_todas(tmp_path, invocar):
    nota = "Balance: en el PEMC 2024-2026 se alcanzaron 8 de 8 metas."
    assert _contraste(invocar, _pemc(tmp_path, nota)) == _dice("8 de 8", registros="7 de 8 metas logradas")


@pytest.mark.parametrize("nota", [
    # Sin decir de qué ciclo, 4 de 4 puede ser 2024-2025: no se juzga.
    "Balance: se alcanzaron 4 de 4 metas.",
    "Balance: en 2024-2025 se alcanzaron las 4 metas; en 2025-2026, 3 de 4 metas.",
    "Balance: en 2024-2025 se alcanzaron 4 de 4 metas y en 2025-2026, 3 de 4 metas.",
    "Balance: en el PEMC 2024-2026 se alcanzaron 7 de 8 metas.",
])
def test_en_dos_ciclos_lo_que_cuadra_o_no_se_sabe_va_solo(tmp_path, invocar, nota):
    assert _contraste(invocar, _pemc(tmp_path, nota)) is None


def test_si_una_meta_no_dice_su_ciclo_la_cuenta_de_un_ciclo_no_se_juzga(tmp_path, invocar):
    """Sin el ciclo de M7 (un error de validación) no se sabe cuáles son las metas de 2025-2026:
    no se juzga."""
    carpeta = _pemc(tmp_path, "Balance: en 2025-2026 se alcanzaron 4 de 4 metas.")
    metas = carpeta / "metas.yaml"
    texto = metas.read_text(encoding="utf-8")
    m7 = "  - id: M7\n    objetivo: O3\n    ciclo: 2024-2025\n"
    assert m7 in texto
    metas.write_text(texto.replace(m7, "  - id: M7\n    objetivo: O3\n"), encoding="utf-8")
    assert _contraste(invocar, carpeta, "--con-errores") is None
