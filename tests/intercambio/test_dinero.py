"""Cómo escriben el dinero las escuelas de México: cada escritura se lee exacta o no se lee.

La tabla es de escrituras reales de costos en planes de Word y Excel. Lo que no dice un solo
costo total (un rango, un negativo, un precio por pieza, una cifra que puede ser dos números)
no se adivina: ``leer_costo`` da ``None`` y el importador deja el costo por llenar, con la celda
como comentario «Costo que no se entendió».
"""

from __future__ import annotations

from decimal import Decimal

import pytest

from rutamejora.intercambio.lectura_escolar import Costo, leer_costo

EXACTOS = [
    # comas de miles y punto de centavos, como se escribe en México
    ("$1,200.00", "1200"), ("$ 850.50", "850.5"), ("$2,500", "2500"), ("1,200", "1200"),
    ("$1,234,567.89", "1234567.89"), ("1200.5", "1200.5"), ("$0.50", "0.5"), ("$15", "15"),
    # miles con espacio (también el duro y el fino de Word) o con punto, centavos con coma
    ("$1 200", "1200"), ("$1\u00a0200", "1200"), ("$1\u202f200,50", "1200.5"),
    ("$1.200,00", "1200"), ("$1.234.567,89", "1234567.89"), ("$12,50", "12.5"),
    ("$1 234 567,89", "1234567.89"), ("$1.200.000", "1200000"),
    # «mil», «millones»
    ("$3.5 millones", "3500000"), ("1,5 millones", "1500000"), ("3 mil pesos", "3000"),
    ("$2 mil", "2000"), ("$1 millón", "1000000"),
    # la moneda dicha con letras
    ("$ 1,200.00 M.N.", "1200"), ("1,200 MXN", "1200"), ("1,200 pesos", "1200"),
    # sin costo
    ("Sin costo", "0"), ("0", "0"), ("Ninguno", "0"),
    # varios conceptos se suman; lo que no lleva «$» junto a los que sí, no es dinero
    ("Copias $300, papel $200", "500"), ("Copias 300, papel 200", "500"), ("$300 y $200", "500"),
    ("3ra reunión $200", "200"), ("Aprox. $500", "500"),
    # un teléfono no es un costo
    ("$1,200.00 (lo paga la mamá de Kevin, 5548129037)", "1200"),
]

NO_SE_ADIVINAN = [
    ("$-500", "negativo"), ("-$500", "negativo"), ("$ -500", "negativo"), ("−500", "negativo"),
    ("$-99999999999999999999.999", "negativo y con milésimos"),
    ("$1,200 a $1,500", "rango"), ("De $1,200 a $1,500", "rango"), ("1000-1500", "rango"),
    ("$1,200 - $1,500", "rango"), ("Entre $1,000 y $2,000", "rango"), ("300 o 400", "una u otra"),
    ("Hasta $500", "un tope"), ("Máximo $500", "un tope"), ("Más de $1,000", "un piso"),
    ("$50 c/u", "por pieza"), ("30 libros a $50", "por pieza"), ("2 x $50", "una cuenta"),
    ("$20 por alumno", "por persona"), ("$100 por sesión", "por sesión: ¿cuántas?"),
    ("10% de $5,000", "un porcentaje"), ("USD 100", "otra moneda"), ("100 dólares", "otra moneda"),
    ("$1.200", "¿mil doscientos o uno veinte?"), ("$1,2345", "miles de cuatro cifras"),
    ("$1,200.505", "milésimos"), ("$12,345,67", "miles mal agrupados"), ("$.50", "sin entero"),
    ("1e400", "notación científica"), ("1e+20", "notación científica"),
    ("0.30000000000000004", "un flotante de Excel"), ("$3 mil 500", "¿3500 o 3000 y 500?"),
    ("NaN", "no es un número"), ("Por definir", "sin cifra"), ("", "vacío"),
]


@pytest.mark.parametrize("texto, total", EXACTOS, ids=[t for t, _ in EXACTOS])
def test_se_lee_exacto(texto, total):
    assert leer_costo(texto) == Costo(total=Decimal(total))


@pytest.mark.parametrize("texto, motivo", NO_SE_ADIVINAN, ids=[t or "vacío" for t, _ in NO_SE_ADIVINAN])
def test_no_se_adivina(texto, motivo):
    assert leer_costo(texto) is None, motivo


def test_el_plan_de_word_no_escribe_un_costo_que_no_se_entendio(tmp_path):
    """Los costos de la revisión (antes: 1, 1.2, 12, 500, 3.5, 2700 y 401, sin decir nada): los
    exactos se escriben; los demás quedan por llenar, como comentario y en el informe."""
    import json

    import docx
    from ruamel.yaml import YAML
    from typer.testing import CliRunner

    from rutamejora.commands import app

    costos = ["$1 200", "$1.200,00", "$12,50", "$-500", "$3.5 millones", "$1,200 a $1,500", "1e400"]
    d = docx.Document()
    d.add_paragraph("Escuela Primaria Ignacio Zaragoza · CCT: 21DPR0487A · Ciclo escolar 2025-2026")
    t = d.add_table(rows=len(costos) + 1, cols=4)
    for celda, texto in zip(t.rows[0].cells, ["Acción", "Responsable(s)", "Costos", "Tiempo"]):
        celda.text = texto
    for i, costo in enumerate(costos, start=1):
        for celda, texto in zip(t.rows[i].cells, [f"Acción {i}", "Director", costo, "Septiembre a noviembre"]):
            celda.text = texto
    d.save(tmp_path / "plan.docx")
    r = CliRunner().invoke(app, ["importar", "plan", str(tmp_path / "plan.docx"), str(tmp_path / "ruta"),
                                 "--fecha", "2025-10-01", "--formato", "json"])
    assert r.exit_code == 0, r.output
    acciones = YAML(typ="safe").load((tmp_path / "ruta" / "acciones.yaml").read_text(encoding="utf-8"))["acciones"]
    assert [a["costo"] for a in acciones] == [1200, 1200, Decimal("12.5"), None, 3500000, None, None]
    texto = (tmp_path / "ruta" / "acciones.yaml").read_text(encoding="utf-8")
    for i, costo in ((4, "$-500"), (6, "$1,200 a $1,500"), (7, "1e400")):
        assert f"  # Costo que no se entendió (tabla 1, renglón {i + 1}): {costo}\n  - id: A{i}\n" in texto
    informe = json.loads(r.output)
    assert [(c["archivo"], c["que"], c["texto"]) for c in informe["comentarios"]] == [
        ("acciones.yaml", f"A{i}: Costo que no se entendió", costo)
        for i, costo in ((4, "$-500"), (6, "$1,200 a $1,500"), (7, "1e400"))]
