"""La privacidad de punta a punta: una Ruta con datos personales sembrados de todas las clases.

La Ruta (``ruta_con_datos``, de ``conftest``) es el ejemplo de primaria con CURP, RFC,
teléfonos, un correo, nombres en varias formas y un dato de salud, sembrados en valores, en un
comentario, en ``codigos:`` y en valores que disparan reglas que no son de privacidad (una
fecha que es un teléfono, una clave que es un nombre, un valor fuera de catálogo que es una
CURP, una coma sin comillas dentro de ``{…}``). Cada comando corre en cada formato y ningún
dato sembrado aparece en su salida (stdout y stderr) ni en un archivo escrito. Los informes y
``bitacora agregar`` tienen sus pruebas en ``tests/informes`` y ``tests/commands``.
"""

from __future__ import annotations

import json
from datetime import date

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.reglas import validar

runner = CliRunner()


def correr(*args) -> tuple[int, str]:
    r = runner.invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout + r.stderr


def sin_datos(texto: str, datos) -> None:
    presentes = [d for d in datos if d.lower() in texto.lower()]
    assert presentes == [], f"datos personales en claro: {presentes}"


@pytest.mark.parametrize("formato", ["texto", "json", "github"])
def test_validar_enmascara_en_cada_formato(ruta_con_datos, datos_sembrados, formato):
    codigo, salida = correr("validar", ruta_con_datos, "--fecha", "2026-07-15", "--formato", formato)
    assert codigo == 1
    sin_datos(salida, datos_sembrados)
    # El marcador deja encontrar el dato: la clase y, para un nombre, sus iniciales.
    for marcador in ("[nombre: Q. A. D. A.]", "[nombre: X. R. C.]", "[nombre: M. I. R.]"):
        assert marcador in salida, marcador
    if formato == "texto":
        # En la línea citada, el resto de la línea queda.
        assert "metas:  # tel. [teléfono], mamá de [nombre: X. R. C.], CURP [CURP]" in salida
        # Las reglas que no son de privacidad también enmascaran lo que citan.
        assert "la clave `[nombre: L. P. R.]` no existe aquí." in salida
        assert "`[teléfono]` no es una fecha AAAA-MM-DD." in salida
        assert "`[CURP]` no es un valor válido de `tipo`." in salida
        assert "la clave `[nombre: S. G. P.]` no existe aquí." in salida


def test_cada_clase_tiene_su_regla_en_su_linea_y_columna(ruta_con_datos):
    resultado = validar(ruta_con_datos, date(2026, 7, 15), True)
    privacidad = [(p.codigo, p.archivo, p.linea, p.severidad) for p in resultado.problemas
                  if p.codigo.startswith("RM5")]
    codigos = {c for c, *_ in privacidad}
    assert codigos == {"RM501", "RM502", "RM503", "RM504", "RM505"}
    assert all(s == "error" for *_, s in privacidad)
    # El comentario de metas.yaml da tres problemas en la línea 7, cada uno en su columna.
    comentario = [p for p in resultado.problemas if p.archivo == "metas.yaml" and p.linea == 7]
    linea = (ruta_con_datos / "metas.yaml").read_text(encoding="utf-8").splitlines()[6]
    assert [(p.codigo, linea[p.columna - 1:p.columna + 1]) for p in comentario] == [
        ("RM504", "33"), ("RM502", "Xi"), ("RM501", "he")]
    # Ningún problema guarda el dato en claro: ni en el mensaje, ni en la pista, ni en el camino.
    for p in resultado.problemas:
        sin_datos(f"{p.mensaje} {p.pista} {p.ruta_yaml}", ("QUINTERO", "Leonardo", "8890", "ROMA"))


def test_los_tocayos_y_lo_suprimido_no_son_error(ruta_con_datos):
    resultado = validar(ruta_con_datos, date(2026, 7, 15), True)
    acciones = (ruta_con_datos / "acciones.yaml").read_text(encoding="utf-8").splitlines()
    for frase in ("Libros de Francisco Hinojosa", 'Escuela "Leona Vicario"', "Gilda Rincón"):
        linea = next(i for i, l in enumerate(acciones, start=1) if frase in l)
        assert [p.codigo for p in resultado.problemas
                if p.archivo == "acciones.yaml" and p.linea == linea] == [], frase
    assert "RM904" not in {p.codigo for p in resultado.problemas}  # la supresión sí calla algo


@pytest.mark.parametrize("vista", ["resumen", "avance", "pendientes", "calendario"])
@pytest.mark.parametrize("formato", ["texto", "json"])
def test_vistas_sin_datos_personales(ruta_con_datos, datos_sembrados, vista, formato):
    codigo, salida = correr(vista, ruta_con_datos, "--fecha", "2026-03-15", "--formato", formato)
    assert codigo == 0, salida
    sin_datos(salida, datos_sembrados)
    if formato == "json":
        json.loads(salida[:salida.rindex("}") + 1])


def test_pendientes_citan_los_errores_enmascarados(ruta_con_datos):
    _, salida = correr("pendientes", ruta_con_datos, "--fecha", "2026-03-15", "--formato", "json")
    datos = json.loads(salida[:salida.rindex("}") + 1])
    textos = json.dumps(datos, ensure_ascii=False)
    assert "«[nombre: Q. A. D. A.]» parece el nombre de un alumno o de su familia." in textos


def test_ruta_nueva_desde_una_con_datos_no_los_hereda(ruta_con_datos, datos_sembrados, tmp_path):
    # Una meta no lograda y una acción sin terminar se heredan como comentarios: sin datos.
    metas = ruta_con_datos / "metas.yaml"
    metas.write_text(metas.read_text(encoding="utf-8").replace(
        "fecha_limite: 222 415 8890", "fecha_limite: 2026-06-19").replace(
        "    Leonardo Pacheco Ruelas: faltista\n", "").replace(
        "Aumentar de 46 % a 60 % los alumnos", "Aumentar con Renata Montes Iturbide de 46 % a 60 % los alumnos"),
        encoding="utf-8")
    destino = tmp_path / "nueva"
    codigo, salida = correr("nueva", destino, "--desde", ruta_con_datos, "--ciclo", "2026-2027",
                            "--sin-preguntas")
    assert codigo == 0, salida
    sin_datos(salida, datos_sembrados)
    escritos = "\n".join(a.read_text(encoding="utf-8") for a in destino.rglob("*") if a.is_file())
    sin_datos(escritos, datos_sembrados)
    assert "[nombre: R. M. I.]" in escritos  # la meta heredada, con su marcador


@pytest.mark.parametrize("formato", ["texto", "json", "github"])
def test_archivo_que_no_se_pudo_leer(tmp_path, sembrar, formato):
    """Con el YAML roto se lee el texto crudo, línea por línea; lo que sigue a `codigos:` como
    códigos. El error de sintaxis cita su línea enmascarada."""
    carpeta = sembrar(tmp_path / "r", (
        ("diagnostico.yaml", "codigos: [A-2025-014, A-2025-021, A-2025-037]",
         "codigos: [A-2025-014, Chuy, la Flaca\n    apoyo: 'visita a Dulce Arreola Ponce, tel. 222 781 4410"),))
    codigo, salida = correr("validar", carpeta, "--fecha", "2026-07-15", "--formato", formato)
    assert codigo == 1
    sin_datos(salida, ("Chuy", "Flaca", "Dulce", "Arreola", "222 781 4410", "781 4410"))
    for marcador in ("RM001", "RM502", "RM504", "[nombre: D. A. P.]", "[nombre: C.]"):
        assert marcador in salida, marcador


def test_el_mismo_dato_en_el_mismo_lugar_de_dos_archivos_cuenta_en_cada_uno(ruta_con_datos):
    """Los hallazgos se juntaban por (línea, columna, clase, texto) sin el archivo: el mismo
    comentario en la primera línea de tres archivos salía solo en el primero, y una supresión
    en ese callaba los otros dos."""
    comentario = "# Capturó: Kevin Pérez Soto, cel 5512345678\n"
    for nombre in ("metas.yaml", "acciones.yaml"):
        archivo = ruta_con_datos / nombre
        archivo.write_text(comentario + archivo.read_text(encoding="utf-8"), encoding="utf-8")
    archivo = ruta_con_datos / "objetivos.yaml"
    archivo.write_text(comentario.rstrip("\n") + "  # ruta: ignorar RM502 RM504 -- prueba\n"
                       + archivo.read_text(encoding="utf-8"), encoding="utf-8")
    resultado = validar(ruta_con_datos, date(2026, 7, 15), True)
    en_la_primera = sorted((p.archivo, p.codigo, p.columna) for p in resultado.problemas
                           if p.linea == 1 and p.codigo in ("RM502", "RM504"))
    assert en_la_primera == [("acciones.yaml", "RM502", 12), ("acciones.yaml", "RM504", 34),
                             ("metas.yaml", "RM502", 12), ("metas.yaml", "RM504", 34)]


def test_un_caracter_de_control_escrito_con_escapes_no_llega_a_la_terminal(ruta_con_datos, tmp_path):
    """«estado: "\\e[31m…"» y un acuerdo con «\\a»: YAML los decodifica y su ESC pintaba la
    terminal de quien leía `validar` o un informe. En texto y GitHub salen como «�»; en el
    informe, fuera; en JSON, escapados por el JSON mismo."""
    bitacora = ruta_con_datos / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    texto = texto.replace("estado: en_curso", 'estado: "\\e[31mrojo\\a"', 1)
    texto = texto.replace("acuerdos:\n", 'acuerdos:\n      - "Con \\e[31mrojo\\e[0m y \\a campana"\n', 1)
    bitacora.write_text(texto, encoding="utf-8")
    for formato in ("texto", "github"):
        _, salida = correr("validar", ruta_con_datos, "--fecha", "2026-07-15", "--formato", formato)
        assert "\x1b" not in salida and "\x07" not in salida, formato
        assert "\ufffd[31mrojo\ufffd" in salida, formato
    _, salida = correr("validar", ruta_con_datos, "--fecha", "2026-07-15", "--formato", "json")
    assert "\\u001b[31mrojo\\u0007" in salida
    for tipo in ("seguimiento", "rendicion"):
        _, salida = correr("informe", ruta_con_datos, "-t", tipo, "--con-errores",
                           *(["--sesion", "1"] if tipo == "seguimiento" else ["--fecha", "2026-07-15"]))
        assert "\x1b" not in salida and "\x07" not in salida, tipo
        if tipo == "seguimiento":
            assert "Con [31mrojo[0m y campana" in salida.replace("\\", "")  # el acuerdo, sin ellos


def test_un_organo_que_nombra_a_un_alumno_no_lo_vuelve_del_personal(ruta_con_datos, tmp_path):
    """«Padres de Juanito Pérez López» en comunidad[].nombre: un nombre ahí es legítimo (el de un
    órgano) y pasaba; además Juanito quedaba «del personal» y su nombre pasaba en toda la Ruta."""
    ruta_yaml = ruta_con_datos / "ruta.yaml"
    texto = ruta_yaml.read_text(encoding="utf-8")
    assert "nombre: Padres y madres de familia de 1° y 2°" in texto
    ruta_yaml.write_text(texto.replace("nombre: Padres y madres de familia de 1° y 2°",
                                       "nombre: Padres de Juanito Pérez López"), encoding="utf-8")
    bitacora = ruta_con_datos / "bitacora.yaml"
    bitacora.write_text(bitacora.read_text(encoding="utf-8").replace(
        "acuerdos:\n", "acuerdos:\n      - Juanito Pérez López mejoró su lectura.\n", 1), encoding="utf-8")
    resultado = validar(ruta_con_datos, date(2026, 7, 15), True)
    juanito = [(p.archivo, p.mensaje) for p in resultado.problemas
               if p.codigo == "RM502" and "J. P. L." in p.mensaje]
    assert [a for a, _ in juanito] == ["ruta.yaml", "bitacora.yaml"]
    for audiencia in ("comunidad", "autoridad"):
        codigo, salida = correr("informe", ruta_con_datos, "-t", "planeacion", "-a", audiencia,
                                "--con-errores", "--fecha", "2026-07-15")
        assert codigo == 0 and "Juanito" not in salida and "Pérez López" not in salida, audiencia
