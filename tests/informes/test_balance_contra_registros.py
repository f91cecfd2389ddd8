"""El balance del CTE que cita la rendición, contra lo que registra la Ruta: una cuenta de metas
logradas que no cuadra con las mediciones no llega sola a las familias."""

from __future__ import annotations

from pathlib import Path

import pytest

from rutamejora.informes.contraste import Cuenta, cuadra, cuentas_de_metas

# Cómo escribe un CTE la cuenta de sus metas en el balance de la evaluación final.
CUENTAS = [
    ("Balance: 8 de 9 metas alcanzadas; la M1 quedó cerca.", [Cuenta(8, 9)]),
    ("En este ciclo se lograron ocho de las nueve metas.", [Cuenta(8, 9)]),
    ("Logramos 7 de 9 metas y quedó pendiente la de asistencia", [Cuenta(7, 9)]),
    ("Se cumplieron seis de nuestras ocho metas", [Cuenta(6, 8)]),
    ("De las 9 metas, 8 fueron alcanzadas.", [Cuenta(8, 9)]),
    ("Metas alcanzadas: 5 de 7. Acciones realizadas: 12 de 14.", [Cuenta(5, 7)]),
    ("Todas las metas se cumplieron.", [Cuenta(None, None, todas=True)]),
    ("Logramos todas las 4 metas del ciclo", [Cuenta(4, 4, todas=True)]),
    ("Ninguna meta se alcanzó; hay que replantear la Ruta.", [Cuenta(0, None)]),
    ("No se logró ninguna meta.", [Cuenta(0, None)]),
    ("3 de 5 metas alcanzadas; luego, se lograron 4 de 5 metas con la medición de julio",
     [Cuenta(3, 5), Cuenta(4, 5)]),
    ("Se alcanzaron las 9 metas del ciclo.", [Cuenta(9, 9, todas=True)]),
    ("Se lograron todas las metas de la Ruta.", [Cuenta(None, None, todas=True)]),
    ("Las nueve metas se alcanzaron.", [Cuenta(9, 9, todas=True)]),
    ("De las 9 metas se alcanzaron las 9.", [Cuenta(9, 9)]),
    ("9 metas alcanzadas de 9; 18 acciones realizadas.", [Cuenta(9, 9)]),
    ("Resultado: 9/9 metas alcanzadas.", [Cuenta(9, 9)]),
    # Una cuenta de otro ciclo en su oración no es la de esta Ruta.
    ("El ciclo pasado se lograron 5 de 9 metas; este ciclo, 7 de 9 metas alcanzadas.", [Cuenta(7, 9)]),
    ("En 2023-2024 se lograron 5 de 9 metas.", []),
]
# Lo que no es una cuenta de metas logradas (o la niega): no se juzga.
NO_SON = [
    "8 de las 9 metas no se lograron",
    "8 de 9 metas no se alcanzaron",
    "No se lograron 2 de 9 metas.",
    "Ni siquiera 2 de 9 metas se alcanzaron",
    "1 de 9 metas parcialmente alcanzada",
    "queda 1 de 9 metas por alcanzar",
    "8 de 9 metas alcanzaron el 50 % de avance",
    "3 de 4 metas alcanzables según el diagnóstico",
    # A medias, con excepciones o de una parte de las metas (de una segunda revisión).
    "Las 9 metas se alcanzaron parcialmente.",
    "Las 9 metas se alcanzaron en su mayoría.",
    "Se alcanzaron las nueve metas salvo la de asistencia.",
    "Se alcanzaron las 9 metas propuestas excepto una.",
    "Se lograron todas las metas de lectura.",
    "Se alcanzaron todas las metas de la prioridad 1.",
    "No se logró ninguna meta de asistencia.",
    "Se lograron todas las metas menos una.",
    "Todas las metas se cumplieron parcialmente.",
    "no se lograron todas las metas",
    "2 de 3 alumnos lograron leer con fluidez",
    "17 acciones realizadas, 1 reprogramada y 1 cancelada",
    "Las metas de 2026-2027 se acordaron en la sesión de julio.",
    "",
]


@pytest.mark.parametrize("texto, esperadas", CUENTAS)
def test_las_cuentas_que_afirma_un_balance(texto, esperadas):
    assert cuentas_de_metas(texto, ("2025-2026",)) == esperadas


@pytest.mark.parametrize("texto", NO_SON)
def test_lo_que_no_es_una_cuenta_de_metas_logradas(texto):
    assert cuentas_de_metas(texto) == []


def test_cuadra():
    assert cuadra(Cuenta(8, 9), 8, 9) and not cuadra(Cuenta(8, 9), 7, 9) and not cuadra(Cuenta(8, 9), 8, 10)
    assert cuadra(Cuenta(8, None), 8, 12)
    assert cuadra(Cuenta(None, None, todas=True), 5, 5) and not cuadra(Cuenta(None, None, todas=True), 4, 5)
    assert not cuadra(Cuenta(4, 4, todas=True), 5, 5)


def _evaluacion_final(carpeta: Path, nota: str) -> None:
    with (carpeta / "bitacora.yaml").open("a", encoding="utf-8") as f:
        f.write("  - fecha: 2026-07-10\n    tipo: evaluacion_final\n"
                f"    acuerdos: [Retomar la meta M1]\n    nota: {nota}\n")


def _rendicion(invocar, carpeta: Path, *args: str) -> str:
    r = invocar(["informe", str(carpeta), "-t", "rendicion", "--fecha", "2026-07-15", *args])
    assert r.exit_code == 0, r.output
    return r.stdout


def test_un_balance_que_cuenta_otras_metas_lleva_lo_que_dicen_los_registros(ruta_minima, invocar):
    """La Ruta mínima midió 42 % contra una meta de 60 %: ninguna meta se logró."""
    _evaluacion_final(ruta_minima, "Se alcanzó la meta del ciclo, 1 de 1 metas logradas.")
    informe = _rendicion(invocar, ruta_minima)
    assert "> Se alcanzó la meta del ciclo, 1 de 1 metas logradas." in informe
    assert ("**Según los registros de esta Ruta, al 10 de julio de 2026 hay 0 de 1 meta lograda; "
            "el balance dice 1 de 1.**") in informe
    html = _rendicion(invocar, ruta_minima, "--formato", "html")
    assert ("<p><strong>Según los registros de esta Ruta, al 10 de julio de 2026 hay 0 de 1 meta "
            "lograda; el balance dice 1 de 1.</strong></p>") in html


@pytest.mark.parametrize("nota", ["Ninguna meta se alcanzó; la M1 quedó en 42 %.",
                                  "La M1 quedó en 42 % contra 60 %.",
                                  "8 de 9 metas no se alcanzaron en la zona."])
def test_un_balance_que_cuadra_o_no_cuenta_metas_va_solo(ruta_minima, invocar, nota):
    _evaluacion_final(ruta_minima, nota)
    informe = _rendicion(invocar, ruta_minima)
    assert f"> {nota}" in informe
    assert "Según los registros" not in informe


@pytest.mark.parametrize("nota", [
    # Una comparación o una parte: basta que una de sus cuentas cuadre (la Ruta mínima no logró
    # su única meta).
    "Ninguna meta se alcanzó; el ciclo pasado se lograron 1 de 1 metas.",
    "En lectura, los de sexto alcanzaron todas las metas; en total, ninguna meta se alcanzó.",
    # Una cuenta de una parte que la Ruta no separa (su total no es el de las metas).
    "En lectura se alcanzaron 2 de 3 metas del taller.",
    # Una comparación con otro ciclo, con la cuenta de este sin verbo.
    "En 2024-2025 se lograron 1 de 1 metas; en 2025-2026, 0 de 1 metas.",
    "El ciclo pasado 1 de 1 metas alcanzadas; este, 0 de 1 metas.",
])
def test_una_comparacion_o_una_parte_no_se_contradice(ruta_minima, invocar, nota):
    _evaluacion_final(ruta_minima, nota)
    assert "Según los registros" not in _rendicion(invocar, ruta_minima)


def _pemc_con_nota(tmp_path: Path, nota: str) -> Path:
    """El ejemplo de dos ciclos (pemc-secundaria-2024-2026) con ``nota`` en su evaluación final:
    al 10 de julio de 2026 registra 2 de 4 metas logradas en 2024-2025 y 4 de 4 en 2025-2026."""
    import shutil

    carpeta = tmp_path / "pemc"
    shutil.copytree(Path(__file__).resolve().parents[2] / "ejemplos" / "pemc-secundaria-2024-2026", carpeta)
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    final = texto.index("    tipo: evaluacion_final\n") + len("    tipo: evaluacion_final\n")
    bitacora.write_text(texto[:final] + f"    nota: {nota}\n" + texto[final:], encoding="utf-8")
    return carpeta


def test_en_una_ruta_de_dos_ciclos_vale_la_cuenta_de_cada_ciclo(tmp_path, invocar):
    carpeta = _pemc_con_nota(tmp_path, "En 2024-2025 se lograron 2 de 4 metas; en 2025-2026, todas.")
    assert "Según los registros" not in _rendicion(invocar, carpeta)
    carpeta = _pemc_con_nota(tmp_path / "b", "En 2025-2026 se lograron 3 de 4 metas.")
    assert ("**Según los registros de esta Ruta, al 10 de julio de 2026 hay 4 de 4 metas logradas "
            "del ciclo 2025-2026; el balance dice 3 de 4.**") in _rendicion(invocar, carpeta)
