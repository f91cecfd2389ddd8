"""Un mismo comprobante en dos gastos (RM415 y la rendición) se calla solo si la `nota` del
segundo dice que lo comparten (auditoría 2026-12).

Antes bastaba cualquier nota, y las bitácoras ponen una en casi cada gasto («Refrigerio y copias
de las tres sesiones.»): una entrada copiada con su nota pasaba sin aviso y la rendición no
decía que un gasto se contó dos veces."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path
from types import SimpleNamespace

import pytest

from rutamejora.reglas.comprobantes import explica_el_repetido
from rutamejora.reglas.validacion import validar

HOY = date(2026, 7, 15)
ACCION_A2 = """
  - id: A2
    metas: [M1]
    actividad: Taller de lectura con las familias
    responsables: [DIR, APF]
    recursos: [Material impreso]
    costo: 1000.00
    fuente: F1
    inicio: 2025-10-06
    fin: 2026-06-19
"""


def _con_repetido(carpeta: Path, nota: str | None, accion: str = "A2") -> Path:
    """El comprobante APF-2026-0050 en un gasto de A1 y, otra sesión, en uno de ``accion`` con
    ``nota``."""
    with (carpeta / "acciones.yaml").open("a", encoding="utf-8") as f:
        f.write(ACCION_A2.lstrip("\n"))
    segundo = f"{{accion: {accion}, estado: en_curso, gasto: 65.00, comprobante: APF-2026-0050"
    segundo += f', nota: "{nota}"}}' if nota else "}"
    with (carpeta / "bitacora.yaml").open("a", encoding="utf-8") as f:
        f.write(f"""  - fecha: 2025-10-31
    sesion: 2
    acciones:
      - {{accion: A1, estado: en_curso, gasto: 65.00, comprobante: APF-2026-0050}}
  - fecha: 2025-11-28
    sesion: 3
    acciones:
      - {segundo}
""")
    return carpeta


def _rm415(carpeta: Path) -> list[tuple[str, int, str, str]]:
    return [(p.archivo, p.linea, p.mensaje, p.pista) for p in validar(carpeta, HOY, True).problemas
            if p.codigo == "RM415"]


def _rendicion(invocar, carpeta: Path) -> str:
    r = invocar(["informe", str(carpeta), "-t", "rendicion", "--fecha", HOY.isoformat()])
    assert r.exit_code == 0, r.output
    return r.stdout


# El mensaje de RM415, con el lugar del segundo gasto que ``ruta validar`` le antepone.
AVISO = ("La entrada del 28 nov 2025 (sesión 3), acción A2: el comprobante «APF-2026-0050» ya está "
         "en el gasto de $65.00 de la acción A1 el 2025-10-31: si es la misma compra, se contó dos "
         "veces.")
EN_LA_RENDICION = ("**El comprobante APF-2026-0050 está en 2 gastos (A1: $65.00; A2: $65.00): si "
                   "es la misma compra, se contó dos veces.**")

# Notas que no dicen que el comprobante se comparte: las que trae una entrada copiada.
NO_LO_DICEN = [
    "Refrigerio y copias de las tres sesiones.",
    "Refrigerio compartido con las familias",
    "Se dividió al grupo en equipos",
    "Copias para A2",               # su propia acción, no la del otro gasto
    "Material para el taller de 2026",
]
# Notas que sí lo dicen: nombran el comprobante, la acción del otro gasto o que se comparte.
LO_DICEN = [
    "Mismo ticket que el refrigerio de A1",
    "Misma factura para las dos compras",
    "Mismo comprobante",
    "Se dividió.",
    "Se dividió el gasto",
    "Compartido con A1",
    "Parte de la factura APF-2026-0050",
    "Ver APF-2026-0050",
    "La factura cubre las dos compras",
    "Una sola compra para ambas acciones",
    "Gasto compartido",
    "La mitad del monto",
]


@pytest.mark.parametrize("nota", NO_LO_DICEN)
def test_una_nota_que_no_lo_dice_no_calla_el_aviso(ruta_minima, invocar, nota):
    _con_repetido(ruta_minima, nota)
    assert _rm415(ruta_minima) == [("bitacora.yaml", 15, AVISO, (
        "Su `nota` no dice que el comprobante cubre varios gastos: si es así, dilo («mismo "
        "comprobante», «se dividió el gasto», «compartido con A1»); si la entrada se copió dos "
        "veces, borra una."))]
    assert EN_LA_RENDICION in _rendicion(invocar, ruta_minima)


@pytest.mark.parametrize("nota", LO_DICEN)
def test_una_nota_que_lo_dice_lo_calla(ruta_minima, invocar, nota):
    _con_repetido(ruta_minima, nota)
    assert _rm415(ruta_minima) == []
    informe = _rendicion(invocar, ruta_minima)
    assert "El comprobante APF-2026-0050 está en" not in informe
    assert "Todos los gastos tienen su comprobante." in informe


def test_sin_nota_avisa_como_siempre(ruta_minima, invocar):
    _con_repetido(ruta_minima, None)
    assert _rm415(ruta_minima) == [("bitacora.yaml", 15, AVISO, (
        "Si la entrada se copió dos veces, borra una; si un comprobante cubre varios gastos, dilo "
        "en `nota:` del segundo."))]
    assert EN_LA_RENDICION in _rendicion(invocar, ruta_minima)


def test_en_la_misma_accion_la_pista_no_sugiere_su_id(ruta_minima):
    """«compartido con A1» en un gasto de A1 no dice nada: la pista no lo sugiere."""
    _con_repetido(ruta_minima, "Refrigerio y copias de las tres sesiones.", accion="A1")
    assert [pista for *_, pista in _rm415(ruta_minima)] == [
        "Su `nota` no dice que el comprobante cubre varios gastos: si es así, dilo («mismo "
        "comprobante», «se dividió el gasto»); si la entrada se copió dos veces, borra una."]


def _grupo(comprobante: str, nota: str):
    primero = SimpleNamespace(accion="A3", comprobante=comprobante, nota=None)
    segundo = SimpleNamespace(accion="A12", comprobante=comprobante, nota=nota)
    return segundo, [(None, primero), (None, segundo)]


@pytest.mark.parametrize("comprobante, nota, explica", [
    # El folio de un comprobante con descripción, escrito de otra forma.
    ("Factura C-2291 Didácticos de Puebla", "Parte de C-2291", True),
    ("Factura C-2291 Didácticos de Puebla", "Copias de la factura C 2291", True),
    ("Ticket 5531", "El 5531 cubre los gastos", True),
    # Un monto o un folio de dos cifras se confunden con lo que dice la nota: no lo nombran.
    ("Factura 22 por $1,400.00", "Se pagaron $1,400.00", False),
    ("Factura 22 por $1,400.00", "Se compraron 22 libros", False),
    # La acción del otro gasto sí; la propia no.
    ("APF-2026-0067", "Lo de A3 y esta van en el mismo papel", True),
    ("APF-2026-0067", "Refrigerio de A12", False),
    ("APF-2026-0067", "", False),
])
def test_que_nota_explica_el_repetido(comprobante, nota, explica):
    registro, grupo = _grupo(comprobante, nota)
    assert explica_el_repetido(registro, grupo) is explica


# --- En la Ruta de ejemplo, como lo encontró la auditoría ---------------------------------------

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"


def _ejemplo_con_nota(tmp_path: Path, monkeypatch, nota: str) -> Path:
    """La Ruta de ejemplo con el comprobante de A4 (APF-2026-0041, $250.00) copiado también en el
    gasto de A12 ($150.00), con ``nota``."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    carpeta = tmp_path / "escuela" / "2025-2026"
    shutil.copytree(EJEMPLO, carpeta)
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    assert texto.count("comprobante: APF-2026-0067\n") == 1
    bitacora.write_text(texto.replace("comprobante: APF-2026-0067\n", (
        f"comprobante: APF-2026-0041\n        nota: {nota}\n")), encoding="utf-8")
    return carpeta


def test_en_el_ejemplo_una_nota_cualquiera_no_calla_nada(tmp_path, monkeypatch, invocar):
    carpeta = _ejemplo_con_nota(tmp_path, monkeypatch, "Refrigerio y copias de las tres sesiones.")
    assert [m for _, _, m, _ in _rm415(carpeta)] == [
        "La entrada del 27 mar 2026 (sesión 6), acción A12: el comprobante «APF-2026-0041» ya "
        "está en el gasto de $250.00 de la acción A4 el 2026-02-27: si es la misma compra, se "
        "contó dos veces."]
    informe = _rendicion(invocar, carpeta)
    assert ("**El comprobante APF-2026-0041 está en 2 gastos (A4: $250.00; A12: $150.00): si es "
            "la misma compra, se contó dos veces.**") in informe


def test_en_el_ejemplo_una_nota_que_lo_dice_lo_calla(tmp_path, monkeypatch, invocar):
    carpeta = _ejemplo_con_nota(tmp_path, monkeypatch, "Parte de la factura APF-2026-0041 (A4 y A12)")
    assert _rm415(carpeta) == []
    assert "El comprobante APF-2026-0041 está en" not in _rendicion(invocar, carpeta)


# De la revisión con ojos nuevos: una cantidad o un año con las cifras del folio, o «cubre» lo que
# se compró, no dicen que el comprobante se comparte.
@pytest.mark.parametrize("comprobante, nota, explica", [
    ("Factura 120", "Se imprimieron 120 copias", False),
    ("Ticket 2026", "Taller de marzo 2026", False),
    ("APF-2026-0050", "Cubre las tres sesiones", False),
    ("APF-2026-0050", "Incluye los dos paquetes de hojas", False),
    ("Factura 120", "Es la misma factura 120 de la otra acción", True),
    ("Factura 120", "parte de la factura 120", True),
    ("APF-2026-0050", "Cubre los dos gastos", True),
])
def test_lo_que_no_explica_el_repetido(comprobante, nota, explica):
    from types import SimpleNamespace

    from rutamejora.reglas.comprobantes import explica_el_repetido

    primero = SimpleNamespace(accion="A3", comprobante=comprobante, nota=None)
    segundo = SimpleNamespace(accion="A12", comprobante=comprobante, nota=nota)
    assert explica_el_repetido(segundo, [(None, primero), (None, segundo)]) is explica
