"""El dinero ejercido dice la verdad (issue 13): comprobantes por gasto, sobregiros por fuente con
su explicación y gasto sin fuente; ``validar`` avisa (RM408, RM409, RM410) y la rendición para
las familias nunca imprime un monto negativo sin decir qué significa."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from rutamejora import vistas as V
from rutamejora.reglas.validacion import validar

HOY = date(2025, 12, 15)

# Dos acciones más sobre la Ruta mínima (F1 $5,000; F2 $2,000): A2 con cargo a F2 y A3 sin
# fuente ni costo (así no la señala RM314 y el gasto sin fuente es lo único que falta).
ACCIONES = """
  - id: A2
    metas: [M1]
    actividad: Taller de lectura con las familias
    responsables: [DIR, APF]
    recursos: [Material impreso]
    costo: 1000.00
    fuente: F2
    inicio: 2025-10-06
    fin: 2025-12-12
  - id: A3
    metas: [M1]
    actividad: Feria del libro
    responsables: [DOC1]
    recursos: [Mesas]
    costo: 0
    inicio: 2025-10-06
    fin: 2026-06-19
"""
BITACORA = """
  - fecha: 2025-10-31
    sesion: 2
    acciones:
      - {accion: A2, estado: en_curso, gasto: 1500.00, comprobante: F-010}
      - {accion: A3, estado: en_curso, gasto: 1250.50, comprobante: F-011}
  - fecha: 2025-11-28
    sesion: 3
    acciones:
      - {accion: A2, estado: realizada, avance: 100, gasto: 900.00, comprobante: F-012, nota: La APF autorizó imprimir un cuadernillo más por familia}
"""


def _con_gastos(carpeta: Path) -> Path:
    with (carpeta / "acciones.yaml").open("a", encoding="utf-8") as f:
        f.write(ACCIONES.lstrip("\n"))
    with (carpeta / "bitacora.yaml").open("a", encoding="utf-8") as f:
        f.write(BITACORA.lstrip("\n"))
    return carpeta


def _problemas(carpeta: Path, *codigos: str) -> list[tuple[str, str, int, str]]:
    resultado = validar(carpeta, HOY, True)
    return [(p.codigo, p.archivo, p.linea, p.mensaje) for p in resultado.problemas
            if p.codigo in codigos]


def _informe(invocar, carpeta: Path, *args: str) -> str:
    r = invocar(["informe", str(carpeta), "-t", "rendicion", "--fecha", HOY.isoformat(), *args])
    assert r.exit_code == 0, r.output
    return r.stdout


# --- Comprobantes por gasto -------------------------------------------------------------------


def test_un_gasto_sin_comprobante_es_aviso_aunque_la_accion_tenga_otros(ruta_minima, invocar):
    """El caso del issue: `bitacora agregar --accion … --gasto 150` sin `--comprobante`."""
    r = invocar(["bitacora", "agregar", str(ruta_minima), "--sesion", "2", "--accion", "A1",
                 "--estado", "en_curso", "--gasto", "150"])
    assert r.exit_code == 0, r.output
    assert "no tiene comprobante" in r.stderr
    assert _problemas(ruta_minima, "RM408") == [
        ("RM408", "bitacora.yaml", 12, "El gasto de $150.00 en la acción A1 el 2025-10-31 no tiene comprobante.")]
    informe = _informe(invocar, ruta_minima)
    # A1 tiene un comprobante (F-001) del primer gasto: no basta para decir que todos lo tienen.
    assert "Todos los gastos tienen su comprobante" not in informe
    assert "**1 gasto sin comprobante: A1: $150.00 (31 oct 2025).**" in informe
    assert "| F-001; **Sin comprobante:** $150.00 (31 oct 2025) |" in informe


def test_todos_con_comprobante_solo_si_cada_gasto_lo_tiene(ruta_minima, invocar):
    assert _problemas(ruta_minima, "RM408") == []
    assert "Todos los gastos tienen su comprobante." in _informe(invocar, ruta_minima)


@pytest.mark.parametrize("dice", ["pendiente", "Sin comprobante", "N/A", "-", "por entregar",
                                  "no hay factura", "Factura pendiente"])
def test_lo_que_dice_que_falta_no_es_un_comprobante(ruta_minima, invocar, dice):
    """«comprobante: pendiente» contaba como comprobante: sin aviso, y la rendición decía a las
    familias «Todos los gastos tienen su comprobante»."""
    r = invocar(["bitacora", "agregar", str(ruta_minima), "--sesion", "2", "--accion", "A1",
                 "--estado", "en_curso", "--gasto", "150", "--comprobante", dice])
    assert r.exit_code == 0, r.output
    assert "el gasto de $150.00 en la acción A1 no tiene comprobante" in r.stderr
    assert _problemas(ruta_minima, "RM408") == [
        ("RM408", "bitacora.yaml", 12, f"El gasto de $150.00 en la acción A1 el 2025-10-31 no tiene "
                                       f"comprobante («{dice}» dice que falta).")]
    informe = _informe(invocar, ruta_minima)
    assert "Todos los gastos tienen su comprobante" not in informe
    assert "**1 gasto sin comprobante: A1: $150.00 (31 oct 2025).**" in informe
    assert "| F-001; **Sin comprobante:** $150.00 (31 oct 2025) |" in informe
    seguimiento = invocar(["informe", str(ruta_minima), "-t", "seguimiento", "--sesion", "2"])
    assert seguimiento.exit_code == 0, seguimiento.output
    assert "| $150.00 (sin comprobante) |" in seguimiento.stdout


@pytest.mark.parametrize("escrito, dice", [("0", "«0» no dice cuál es"), ("false", "«false» dice que falta"),
                                           ("true", "«true» no dice cuál es")])
def test_un_cero_o_un_si_no_es_un_comprobante(ruta_minima, escrito, dice):
    """«comprobante: 0» o «true» (YAML escribe así un «sí») contaban como comprobante."""
    bitacora = ruta_minima / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    assert "comprobante: F-001" in texto
    bitacora.write_text(texto.replace("comprobante: F-001", f"comprobante: {escrito}"), encoding="utf-8")
    assert [p[3] for p in _problemas(ruta_minima, "RM408")] == [
        f"El gasto de $500.00 en la acción A1 el 2025-09-26 no tiene comprobante ({dice})."]


# --- Sobregiro de una fuente --------------------------------------------------------------------


def test_gastar_mas_que_el_presupuesto_de_una_fuente_es_aviso(ruta_minima):
    _con_gastos(ruta_minima)
    # Lo planeado con F2 ($1,000) cabe en su monto: RM315 calla; lo ejercido ($2,400) no.
    assert _problemas(ruta_minima, "RM315", "RM409") == [
        ("RM409", "bitacora.yaml", 16,
         "La entrada del 28 nov 2025 (sesión 3), acción A2 (gasto): con cargo a la fuente F2 se han ejercido $2,400.00 (planeado: $1,000.00), más que su "
         "presupuesto ($2,000.00).")]


def test_gastar_mas_de_lo_recibido_es_aviso(ruta_minima):
    _con_gastos(ruta_minima)
    with (ruta_minima / "bitacora.yaml").open("a", encoding="utf-8") as f:
        f.write("  - fecha: 2025-12-05\n    ingresos:\n      - {fuente: F1, monto: 300.00}\n")
    mensajes = [m for _, _, _, m in _problemas(ruta_minima, "RM409")]
    assert ("La entrada del 26 sep 2025 (sesión 1), acción A1 (gasto): con cargo a la fuente F1 se han ejercido $500.00 (planeado: $1,500.00), más de lo "
            "recibido ($300.00 de $5,000.00 presupuestados).") in mensajes


def test_la_rendicion_muestra_el_sobregiro_con_la_explicacion_de_la_bitacora(ruta_minima, invocar):
    _con_gastos(ruta_minima)
    informe = _informe(invocar, ruta_minima, "-f", "md")
    assert "| F2. Apoyo municipal | $2,000.00 | $0.00 | $2,400.00 | -$400.00 (se gastó más de lo presupuestado) |" in informe
    assert ("- **F2. Apoyo municipal:** Se gastaron $400.00 más de lo presupuestado ($2,000.00): lo "
            "ejercido suma $2,400.00. Lo que explica la bitácora: «La APF autorizó imprimir un "
            "cuadernillo más por familia» (A2, 28 nov 2025).") in informe
    html = _informe(invocar, ruta_minima, "-f", "html")
    assert "Lo que explica la bitácora: «La APF autorizó imprimir un cuadernillo más por familia»" in html


def test_un_sobregiro_sin_nota_lo_dice(ruta_minima, invocar):
    _con_gastos(ruta_minima)
    texto = (ruta_minima / "bitacora.yaml").read_text(encoding="utf-8")
    (ruta_minima / "bitacora.yaml").write_text(
        texto.replace(", nota: La APF autorizó imprimir un cuadernillo más por familia", ""),
        encoding="utf-8")
    assert "La bitácora no lo explica." in _informe(invocar, ruta_minima, "-f", "md")


# --- Gasto sin fuente ---------------------------------------------------------------------------


def test_gastar_en_una_accion_sin_fuente_es_aviso(ruta_minima):
    _con_gastos(ruta_minima)
    assert _problemas(ruta_minima, "RM314", "RM410") == [
        ("RM410", "acciones.yaml", 20,
         "En la acción A3 se han gastado $1,250.50 y no dice de qué fuente del presupuesto sale el dinero.")]


def test_con_una_sola_fuente_el_gasto_va_con_cargo_a_ella(ruta_minima):
    _con_gastos(ruta_minima)
    ruta_yaml = ruta_minima / "ruta.yaml"
    ruta_yaml.write_text(ruta_yaml.read_text(encoding="utf-8").replace(
        "    - {id: F2, nombre: Apoyo municipal, monto: 2000.00}\n", ""), encoding="utf-8")
    acciones = ruta_minima / "acciones.yaml"
    acciones.write_text(acciones.read_text(encoding="utf-8").replace("    fuente: F2\n", ""),
                        encoding="utf-8")
    assert _problemas(ruta_minima, "RM410") == []
    ruta = validar(ruta_minima, HOY, True).ruta
    *fuentes, total = V.dinero(ruta, HOY)
    assert [(l.nombre, l.ejercido) for l in fuentes] == [("Cuotas voluntarias", 500 + 2400 + 1250.50)]


def test_ningun_monto_negativo_sin_decir_que_significa(ruta_minima, invocar):
    _con_gastos(ruta_minima)
    md = _informe(invocar, ruta_minima, "-f", "md")
    negativos = re.findall(r"-\$[\d,.]+(.{0,45})", md)
    assert negativos, "la Ruta de la prueba debe tener saldos negativos"
    for despues in negativos:
        assert re.match(r" \((se gastó más de lo|gasto sin fuente asignada|en total se gastó)", despues), despues
    assert ("Se gastaron $1,250.50 en acciones que no dicen de qué fuente sale el dinero (A3)."
            in md)
    html = _informe(invocar, ruta_minima, "-f", "html")
    for despues in re.findall(r"-\$[\d,.]+(.{0,40})", html):
        assert despues.startswith('<div class="chico envolver">') or despues.startswith(" ("), despues


# --- Lo que una revisión de la verdad encontró (2026-11) -------------------------------------


def _con_entradas(carpeta: Path, texto: str) -> Path:
    with (carpeta / "bitacora.yaml").open("a", encoding="utf-8") as f:
        f.write(texto.lstrip("\n"))
    return carpeta


def test_un_monto_o_una_fecha_no_es_comprobante_en_la_rendicion(ruta_minima, invocar):
    _con_entradas(ruta_minima, """
  - fecha: 2025-10-31
    sesion: 2
    acciones:
      - {accion: A1, estado: en_curso, gasto: 150.00, comprobante: "$150.00"}
""")
    assert _problemas(ruta_minima, "RM408") == [
        ("RM408", "bitacora.yaml", 11, "El gasto de $150.00 en la acción A1 el 2025-10-31 no tiene "
                                       "comprobante («$150.00» solo dice una fecha o un monto).")]
    informe = _informe(invocar, ruta_minima)
    assert "Todos los gastos tienen su comprobante" not in informe
    assert "**1 gasto sin comprobante: A1: $150.00 (31 oct 2025).**" in informe


def test_un_comprobante_con_otro_monto_no_cuenta(ruta_minima, invocar):
    _con_entradas(ruta_minima, """
  - fecha: 2025-10-31
    sesion: 2
    acciones:
      - {accion: A1, estado: en_curso, gasto: 1400.00, comprobante: "Factura D-3310 por $1,250.00"}
""")
    assert _problemas(ruta_minima, "RM408") == [
        ("RM408", "bitacora.yaml", 11, "El gasto de $1,400.00 en la acción A1 el 2025-10-31 no tiene "
                                       "comprobante («Factura D-3310 por $1,250.00» dice otro monto: "
                                       "$1,250.00).")]
    assert "Todos los gastos tienen su comprobante" not in _informe(invocar, ruta_minima)


def test_un_gasto_en_una_accion_que_no_existe_no_deja_decir_que_todos_tienen_comprobante(
        ruta_minima, invocar):
    """Con ``--con-errores``, el gasto de «A99» quedaba fuera de las cuentas y la rendición decía
    «Todos los gastos tienen su comprobante»."""
    _con_entradas(ruta_minima, """
  - fecha: 2025-10-31
    sesion: 2
    acciones:
      - {accion: A99, estado: realizada, gasto: 2500.00}
""")
    informe = _informe(invocar, ruta_minima, "--con-errores")
    assert "Todos los gastos tienen su comprobante" not in informe
    assert ("**1 gasto registrado en acciones que la Ruta no tiene (A99: $2,500.00): no están en "
            "estas cuentas.**") in informe


def test_un_comprobante_repetido_es_aviso_salvo_con_nota(ruta_minima):
    _con_entradas(ruta_minima, """
  - fecha: 2025-10-31
    sesion: 2
    acciones:
      - {accion: A1, estado: en_curso, gasto: 65.00, comprobante: APF-2026-0050}
      - {accion: A1, estado: en_curso, gasto: 65.00, comprobante: APF-2026-0050}
      - {accion: A1, estado: en_curso, gasto: 30.00, comprobante: APF-2026-0050, nota: La misma factura cubre las dos compras}
""")
    assert _problemas(ruta_minima, "RM415") == [
        ("RM415", "bitacora.yaml", 12, "El comprobante «APF-2026-0050» ya está en el gasto de $65.00 "
                                       "de la acción A1 el 2025-10-31: si es la misma compra, se contó "
                                       "dos veces.")]


def test_la_rendicion_dice_el_comprobante_repetido(ruta_minima, invocar):
    _con_entradas(ruta_minima, """
  - fecha: 2025-10-31
    sesion: 2
    acciones:
      - {accion: A1, estado: en_curso, gasto: 65.00, comprobante: APF-2026-0050}
  - fecha: 2025-11-28
    sesion: 3
    acciones:
      - {accion: A1, estado: en_curso, gasto: 65.00, comprobante: APF-2026-0050}
""")
    informe = _informe(invocar, ruta_minima)
    assert ("**El comprobante APF-2026-0050 está en 2 gastos (A1: $65.00; A1: $65.00): si es la "
            "misma compra, se contó dos veces.**") in informe
