"""``ruta bitacora agregar`` no escribe datos personales: los rechaza antes de escribir.

Cada clase de dato (CURP, RFC, teléfono, correo, nombre, salud ligada a alumnos) en cada texto
de la entrada se rechaza con salida 2 y bitacora.yaml intacto; el motivo cita el texto
enmascarado, y ningún motivo (tampoco uno que no es de privacidad, como un id que no existe)
muestra el dato en claro, en la salida de texto ni con ``--formato json``.
"""

from __future__ import annotations

import hashlib

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

runner = CliRunner()
DATOS = ("Pamela Ugalde Rosales", "Ugalde", "Rosales", "442 118 3390", "vanesa.ugalde@hotmail.com",
         "FOUR0211023T8", "cuvl120614mdfrrsa1", "asma", "Maximiliano")


def correr(*args) -> tuple[int, str]:
    r = runner.invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout + r.stderr


def huella(archivo) -> str:
    return hashlib.sha256(archivo.read_bytes()).hexdigest()


@pytest.mark.parametrize("formato", ["texto", "json"])
def test_bitacora_agregar_rechaza_datos_personales(ruta_con_datos, formato):
    bitacora = ruta_con_datos / "bitacora.yaml"
    antes = huella(bitacora)
    codigo, salida = correr(
        "bitacora", "agregar", ruta_con_datos, "--fecha", "2026-03-20", "--formato", formato,
        "--acuerdo", "Llamar a la mamá de Pamela Ugalde Rosales al 442 118 3390",
        "--acuerdo", "Factura a FOUR0211023T8",
        "--nota", "la alumna Maximiliano tiene asma",
        "--accion", "Pamela Ugalde", "--estado", "en_curso",
        "--evidencia", "fotos de vanesa.ugalde@hotmail.com, expediente cuvl120614mdfrrsa1")
    assert codigo == 2
    assert huella(bitacora) == antes
    presentes = [d for d in DATOS if d.lower() in salida.lower()]
    assert presentes == []
    assert ("--acuerdo: el texto tiene un nombre de persona y un teléfono («Llamar a la mamá de "
            "[nombre: P. U. R.] al [teléfono]»)") in salida
    assert "--acuerdo: el texto tiene un RFC («Factura a [RFC]»)" in salida
    assert "--evidencia: el texto tiene un correo electrónico y una CURP" in salida
    assert "--nota: el texto tiene un nombre de persona y un dato de salud ligado a alumnos" in salida
    # Un motivo que no es de privacidad también sale enmascarado.
    assert "--accion: no hay ninguna acción con id «[nombre: P. U.]»" in salida
    assert "no se escribió nada en bitacora.yaml" in salida


def test_bitacora_agregar_en_json_dice_por_que_no_escribio(ruta_con_datos):
    """Con --formato json, el rechazo también va en stdout: ``escrito`` falso y los motivos,
    enmascarados como en la salida de texto."""
    import json

    r = runner.invoke(app, ["bitacora", "agregar", str(ruta_con_datos), "--fecha", "2026-03-20",
                            "--formato", "json", "--acuerdo",
                            "Llamar a la mamá de Pamela Ugalde Rosales al 442 118 3390"])
    assert r.exit_code == 2
    datos = json.loads(r.stdout)
    assert datos == {"version": 1, "vista": "bitacora_agregar", "herramienta": datos["herramienta"],
                     "archivo": "bitacora.yaml", "escrito": False, "motivos": [
                         "--acuerdo: el texto tiene un nombre de persona y un teléfono («Llamar a la "
                         "mamá de [nombre: P. U. R.] al [teléfono]»); la Ruta guarda cantidades y "
                         "códigos, nunca datos de personas."]}


def test_salud_de_alumnos_sin_nombre_tambien_se_rechaza(ruta_con_datos):
    bitacora = ruta_con_datos / "bitacora.yaml"
    antes = huella(bitacora)
    codigo, salida = correr("bitacora", "agregar", ruta_con_datos, "--fecha", "2026-03-20",
                            "--nota", "Dos alumnas de 4° B con asma faltaron a la práctica")
    assert codigo == 2 and huella(bitacora) == antes
    assert "asma" not in salida and "[salud]" in salida


def test_el_personal_y_los_tocayos_si_se_registran(ruta_con_datos):
    codigo, salida = correr("bitacora", "agregar", ruta_con_datos, "--fecha", "2026-03-20",
                            "--acuerdo", "Laura Isabel Cortés Pineda lee Libros de Francisco Hinojosa "
                                         "con 3° A")
    assert codigo == 0, salida
    assert "Libros de Francisco Hinojosa" in (ruta_con_datos / "bitacora.yaml").read_text(encoding="utf-8")
