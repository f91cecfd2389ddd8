"""El corpus yaml-test-suite (../shared, 402 documentos raros o inválidos) como bitacora.yaml de
``ruta bitacora agregar``.

Con cualquier bitácora que un usuario pueda tener, ``agregar`` escribe lo pedido sin tocar lo
demás, o no escribe nada y lo dice: código 0, 1 (la bitácora no se puede leer o lo escrito no
se leería como se pidió) o 2 (un uso imposible), en español, sin traceback ni «problema
interno». Sin ../shared se omite.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from typer.testing import CliRunner

from rutamejora.commands import app

MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
ACUERDO = "Revisar los avances del corpus."


def test_documento_del_corpus_como_bitacora(documento_corpus, tmp_path):
    _, documento = documento_corpus
    datos = documento.read_bytes()
    carpeta = tmp_path / "ruta"
    shutil.copytree(MINIMA, carpeta)
    bitacora = carpeta / "bitacora.yaml"
    bitacora.write_bytes(datos)

    r = CliRunner().invoke(app, ["bitacora", "agregar", str(carpeta), "--fecha", "2025-10-31",
                                 "--acuerdo", ACUERDO])

    assert r.exit_code in (0, 1, 2), (r.exit_code, r.output)
    assert r.exception is None or isinstance(r.exception, SystemExit), r.exception
    assert "problema interno" not in r.stderr and "Traceback" not in r.output, r.output
    despues = bitacora.read_bytes()
    if r.exit_code != 0:
        assert despues == datos, "no se escribió nada, pero la bitácora cambió"
        assert r.stderr.startswith("ruta: "), r.stderr
        return
    # Lo de antes sigue ahí, byte por byte, y lo nuevo se lee.
    assert r.stdout.startswith(("Nueva entrada del 31 oct 2025", "Agregado a la entrada del 31 oct 2025"))
    assert ACUERDO.encode() in despues
    assert len(despues) > len(datos)
