"""RM419 ``comprobante-sin-gasto``: un comprobante en un registro sin gasto no es de ningún gasto;
``validar`` lo avisa y la rendición no lo lista junto al gasto que sigue sin el suyo."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from rutamejora.commands import app

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"
runner = CliRunner()


def _ruta(tmp_path: Path) -> Path:
    carpeta = tmp_path / "ruta"
    shutil.copytree(EJEMPLO, carpeta)
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    texto = texto.replace("comprobante: APF-2025-0441", "comprobante: pendiente", 1)
    texto = texto.replace("    sesion: 3\n    tipo: sesion_ordinaria\n    acciones:\n",
                          "    sesion: 3\n    tipo: sesion_ordinaria\n    acciones:\n"
                          "      - accion: A16\n        estado: realizada\n"
                          "        comprobante: APF-2025-0441\n", 1)
    bitacora.write_text(texto, encoding="utf-8")
    return carpeta


def test_el_comprobante_que_llego_despues(tmp_path):
    carpeta = _ruta(tmp_path)
    r = runner.invoke(app, ["validar", str(carpeta), "--fecha", "2026-07-15", "-f", "json"])
    (p,) = [p for p in json.loads(r.stdout)["rutas"][0]["problemas"] if p["codigo"] == "RM419"]
    assert p["mensaje"] == ("La entrada del 28 nov 2025 (sesión 3): el comprobante «APF-2025-0441» de la "
                            "acción A16 está en un registro sin `gasto`: no queda como comprobante de "
                            "ningún gasto.")
    assert p["pista"] == ("Cada gasto lleva su comprobante en su mismo registro. Si es el del gasto de "
                          "$760.00 del 2025-10-31, ponlo en ese registro en lugar de lo que dice ahora.")
    informe = runner.invoke(app, ["informe", str(carpeta), "-t", "rendicion", "--fecha", "2026-07-15"]).stdout
    fila = next(x for x in informe.splitlines() if x.startswith("| **A16** ") and "| F2 |" in x)
    assert fila.endswith("| $800.00 | $760.00 | **Sin comprobante:** $760.00 (31 oct 2025) |")


def test_sin_gasto_pendiente_o_con_gasto_cero(tmp_path):
    carpeta = tmp_path / "ruta"
    shutil.copytree(EJEMPLO, carpeta)
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8").replace(
        "    sesion: 3\n    tipo: sesion_ordinaria\n    acciones:\n",
        "    sesion: 3\n    tipo: sesion_ordinaria\n    acciones:\n      - accion: A16\n"
        "        estado: realizada\n        gasto: 0\n        comprobante: Carta de donativo 0007\n", 1)
    bitacora.write_text(texto, encoding="utf-8")
    r = runner.invoke(app, ["validar", str(carpeta), "--fecha", "2026-07-15", "-f", "json"])
    (p,) = [p for p in json.loads(r.stdout)["rutas"][0]["problemas"] if p["codigo"] == "RM419"]
    assert p["mensaje"].endswith("el comprobante «Carta de donativo 0007» de la acción A16 está en un "
                                 "registro con `gasto: 0`: no queda como comprobante de ningún gasto.")
    assert p["pista"] == ("Cada gasto lleva su comprobante en su mismo registro. Si es otro papel (una "
                          "carta, un donativo), va en `evidencias`.")
