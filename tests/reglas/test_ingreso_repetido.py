"""RM418 ``ingreso-repetido``: un mismo ingreso copiado dos veces en una entrada de la bitácora
(misma fuente, monto y concepto) se suma dos veces a lo recibido; ``validar`` lo avisa."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from rutamejora.commands import app

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"
INGRESO = "      - {fuente: F2, monto: 2600.00, concepto: Cuotas voluntarias y kermés de la APF}\n"
runner = CliRunner()


def _con(tmp_path: Path, segundo: str) -> Path:
    carpeta = tmp_path / "ruta"
    shutil.copytree(EJEMPLO, carpeta)
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    assert texto.count(INGRESO) == 1
    bitacora.write_text(texto.replace(INGRESO, INGRESO + segundo), encoding="utf-8")
    return carpeta


def _rm418(carpeta: Path) -> list[dict]:
    r = runner.invoke(app, ["validar", str(carpeta), "--fecha", "2026-07-15", "-f", "json"])
    assert r.exit_code == 0, r.output
    return [p for p in json.loads(r.stdout)["rutas"][0]["problemas"] if p["codigo"] == "RM418"]


def test_el_mismo_ingreso_dos_veces(tmp_path):
    (p,) = _rm418(_con(tmp_path, INGRESO.replace("kermés", "Kermés ")))
    assert (p["archivo"], p["linea"], p["severidad"]) == ("bitacora.yaml", 377, "aviso")
    assert p["mensaje"] == ("La entrada del 27 mar 2026 (sesión 6): el ingreso de F2 por $2,600.00 (Cuotas "
                            "voluntarias y Kermés  de la APF) ya está en esta entrada (línea 376): los "
                            "informes lo suman dos veces a lo recibido.")


def test_dos_ingresos_que_su_concepto_distingue(tmp_path):
    assert _rm418(_con(tmp_path, INGRESO.replace("de la APF", "de la APF (segunda parte)"))) == []
    assert _rm418(_con(tmp_path / "otro", INGRESO.replace("2600.00", "2500.00"))) == []


def test_la_rendicion_dice_lo_que_no_suma_como_se_ve(tmp_path):
    carpeta = _con(tmp_path, INGRESO + "      - {fuente: F9, monto: 1000.00, concepto: Rifa}\n")
    r = runner.invoke(app, ["informe", str(carpeta), "-t", "rendicion", "--fecha", "2026-07-15",
                            "--con-errores"])
    assert ("**1 ingreso registrado sin una fuente del presupuesto (F9: $1,000.00): no está en estas "
            "cuentas. El ingreso de F2 del 27 mar 2026 (Cuotas voluntarias y kermés de "
            "la APF, $2,600.00) está dos veces en la misma entrada de la bitácora: si es el mismo, se "
            "contó dos veces.**") in r.stdout
    html = runner.invoke(app, ["informe", str(carpeta), "-t", "rendicion", "--fecha", "2026-07-15",
                               "--con-errores", "-f", "html"]).stdout
    assert "está dos veces en la misma entrada de la bitácora: si es el mismo, se contó dos veces." in html


def test_una_entrada_copiada_el_mismo_dia(tmp_path):
    carpeta = tmp_path / "ruta"
    shutil.copytree(EJEMPLO, carpeta)
    bitacora = carpeta / "bitacora.yaml"
    bitacora.write_text(bitacora.read_text(encoding="utf-8").rstrip("\n") + (
        "\n\n  - fecha: 2026-03-27\n    tipo: registro\n    ingresos:\n" + INGRESO), encoding="utf-8")
    (p,) = _rm418(carpeta)
    assert p["mensaje"].endswith("el ingreso de F2 por $2,600.00 (Cuotas voluntarias y kermés de la APF) "
                                 "ya está en otra entrada del mismo día (línea 376): los informes lo suman "
                                 "dos veces a lo recibido.")
    r = runner.invoke(app, ["informe", str(carpeta), "-t", "rendicion", "--fecha", "2026-07-15",
                            "--con-errores"])
    assert ("**El ingreso de F2 del 27 mar 2026 (Cuotas voluntarias y kermés de la APF, $2,600.00) está "
            "dos veces en dos entradas del mismo día de la bitácora: si es el mismo, se contó dos "
            "veces.**") in r.stdout


def test_sin_fuente_o_con_otra_caja(tmp_path):
    carpeta = _con(tmp_path, "      - {fuente: f2, monto: 1000.00, concepto: Rifa}\n"
                             "      - {monto: 500.00, concepto: Donativo}\n")
    r = runner.invoke(app, ["informe", str(carpeta), "-t", "rendicion", "--fecha", "2026-07-15",
                            "--con-errores"])
    assert ("**2 ingresos registrados sin una fuente del presupuesto (f2: $1,000.00; sin fuente: "
            "$500.00): no están en estas cuentas.**") in r.stdout
