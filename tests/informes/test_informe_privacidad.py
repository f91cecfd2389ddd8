"""Los informes no imprimen datos personales, para ninguna audiencia, aunque ``validar`` pase.

La Ruta con datos sembrados (``ruta_con_datos``, de ``conftest``) pasa por cada tipo de informe
en cada formato y para cada audiencia, con ``--con-errores`` y escrito con ``-o``: ningún dato
aparece en la salida ni en el archivo, y el encabezado de errores muestra solo la clase del
dato. Lo que una persona suprimió con ``# ruta: ignorar RM502`` sí se imprime.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

runner = CliRunner()
FECHA = "2026-07-15"


@pytest.fixture(autouse=True)
def _fuera_de_git(tmp_path, monkeypatch):
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


def informe(carpeta, *args) -> tuple[int, str, str]:
    r = runner.invoke(app, ["informe", str(carpeta), *map(str, args)])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout, r.stderr


def sin_datos(texto: str, datos) -> None:
    presentes = [d for d in datos if d.lower() in texto.lower()]
    assert presentes == [], f"datos personales en claro: {presentes}"


def _fecha(tipo: str) -> list[str]:
    return ["--sesion", "8"] if tipo == "seguimiento" else ["--fecha", FECHA]


@pytest.mark.parametrize("tipo", ["planeacion", "seguimiento", "rendicion"])
@pytest.mark.parametrize("formato", ["md", "html"])
@pytest.mark.parametrize("audiencia", ["comunidad", "autoridad"])
def test_ningun_informe_imprime_datos(ruta_con_datos, datos_sembrados, tmp_path, tipo, formato,
                                      audiencia):
    archivo = tmp_path / f"informe.{formato}"
    codigo, salida, errores = informe(ruta_con_datos, "-t", tipo, "-f", formato, "-a", audiencia,
                                      *_fecha(tipo), "--con-errores", "-o", archivo)
    assert codigo == 0, errores
    escrito = archivo.read_text(encoding="utf-8")
    sin_datos(salida + errores + escrito, datos_sembrados)
    # Un informe no muestra ni las iniciales: solo la clase del dato.
    assert "[nombre:" not in escrito and "[nombre\\:" not in escrito
    assert "Informe con errores de validación" in escrito  # el encabezado lista los errores
    # con el código de su regla solo para la autoridad: a las familias no les dice nada.
    assert ("RM502" in escrito) == (audiencia == "autoridad")


def test_encabezado_de_errores_con_la_clase_del_dato(ruta_con_datos):
    _, texto, _ = informe(ruta_con_datos, "-t", "rendicion", "--fecha", FECHA, "--con-errores")
    lineas = texto.replace("\\[", "[").replace("\\]", "]").replace("\\`", "`").splitlines()
    # La rendición es de las familias: el lugar y el mensaje, sin el código de la regla.
    assert "> - metas.yaml:19:5: Meta M1: la clave `[nombre]` no existe aquí." in lineas
    assert [l for l in lineas if l.startswith("> - metas.yaml:22:19: ")] == [
        "> - metas.yaml:22:19: Meta M1 (fecha\\_limite): `[teléfono]` no es una fecha AAAA-MM-DD.",
        "> - metas.yaml:22:19: Meta M1 (fecha\\_limite): hay un teléfono en la Ruta."]


def test_lo_suprimido_y_los_tocayos_llegan_a_las_familias(ruta_con_datos):
    _, texto, _ = informe(ruta_con_datos, "-t", "planeacion", "-a", "comunidad", "--fecha", FECHA,
                          "--con-errores")
    texto = texto.replace("\\[", "[").replace("\\]", "]")
    assert "Función con Gilda Rincón, cuentacuentos invitada" in texto
    assert "Libros de Francisco Hinojosa y Gabriel García Márquez" in texto
    # Un acuerdo con un alumno y su teléfono: para las familias, ni con los datos tapados.
    assert "Préstamo a [nombre]" not in texto and "[pasaje omitido por privacidad]" in texto


def test_la_autoridad_conserva_al_personal_y_los_codigos(ruta_con_datos):
    _, texto, _ = informe(ruta_con_datos, "-t", "planeacion", "-a", "autoridad", "--fecha", FECHA,
                          "--con-errores")
    texto = texto.replace("\\[", "[").replace("\\]", "]")
    assert "Laura Isabel Cortés Pineda (docente de 3°A)" in texto
    # Los códigos sí; un apodo escrito donde va un código, no.
    assert "A-2025-014, [nombre], [nombre]" in texto
    # Un texto con un detalle de salud ligado a un alumno se omite entero.
    assert "Plan individual para" not in texto and "[salud]" in texto


def test_defensa_aunque_validar_pase(tmp_path, sembrar):
    """Con RM502 y RM503 desactivadas, ``validar`` pasa y el informe sale sin --con-errores:
    los textos se revisan igual con el detector."""
    carpeta = sembrar(tmp_path / "r", (
        ("ruta.yaml", "\nciclo: 2025-2026\n",
         "\nciclo: 2025-2026\nvalidacion:\n  reglas: {RM502: desactivada, RM503: desactivada}\n"),
        ("bitacora.yaml", "      - Retomar la comprensión lectora (M1) como primera prioridad",
         "      - Que la mamá de Yaretzi Solórzano Beltrán revise la rúbrica.\n"
         "      - Retomar la comprensión lectora (M1) como primera prioridad"),
        ("diagnostico.yaml", "apoyo: Plan de apoyo individual revisado con la familia cada trimestre.",
         "apoyo: Tres alumnas de 2° A con asma usan inhalador en el recreo."),
    ))
    for audiencia in ("comunidad", "autoridad"):
        codigo, texto, errores = informe(carpeta, "-t", "rendicion", "-a", audiencia, "--fecha", FECHA)
        assert codigo == 0, errores
        assert "con errores de validación" not in texto
        sin_datos(texto, ("Yaretzi", "Solórzano", "Beltrán", "asma", "inhalador"))
        # Para las familias, la oración que nombraba a la alumna no sale ni con el nombre tapado.
        if audiencia == "comunidad":
            assert "\\[pasaje omitido por privacidad\\]" in texto and "revise la rúbrica" not in texto
        else:
            assert "Que la mamá de \\[nombre\\] revise la rúbrica." in texto
        assert "| En riesgo de no ser promovidos | 4 |" in texto and "\\[salud\\] |" in texto


def test_un_nombre_escrito_como_responsable_no_se_imprime(tmp_path):
    """Un id de responsable que no está en el colectivo (validar lo marca) puede ser el nombre de
    alguien: ningún informe lo imprime, para ninguna audiencia."""
    import shutil
    from pathlib import Path

    ruta = tmp_path / "r"
    shutil.copytree(Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026", ruta)
    acciones = ruta / "acciones.yaml"
    texto = acciones.read_text(encoding="utf-8")
    primero = texto.index("responsables: [")
    acciones.write_text(texto[:primero] + "responsables: [Karla Medina, " + texto[primero + 15:],
                        encoding="utf-8")
    for tipo in ("planeacion", "rendicion"):
        for audiencia in ("comunidad", "autoridad"):
            codigo, salida, errores = informe(ruta, "-t", tipo, "-a", audiencia, "--fecha", FECHA,
                                              "--con-errores")
            assert codigo == 0, errores
            sin_datos(salida + errores, ["Karla Medina", "Medina"])
            assert "Karla" not in salida


# --- Un dato en cada texto ------------------------------------------------------------------


@pytest.mark.parametrize("tipo", ["planeacion", "seguimiento", "rendicion"])
@pytest.mark.parametrize("formato", ["md", "html"])
@pytest.mark.parametrize("audiencia", ["comunidad", "autoridad"])
def test_un_dato_en_cada_texto_no_llega_a_ningun_informe(ruta_con_un_dato_en_cada_texto, en_claro,
                                                        tmp_path, tipo, formato, audiencia):
    """Cada valor de texto de la Ruta lleva un nombre y un teléfono (también los grados, los
    nombres de las fuentes, los ids y las claves de catálogo): ningún informe los imprime. Lo
    que no pasó campo por campo por la voz lo atrapa la segunda revisión (``Voz.sanear``)."""
    archivo = tmp_path / f"informe.{formato}"
    codigo, salida, errores = informe(ruta_con_un_dato_en_cada_texto, "-t", tipo, "-f", formato,
                                      "-a", audiencia, *_fecha(tipo), "--con-errores", "-o", archivo)
    assert codigo == 0, errores
    sin_datos(salida + errores + archivo.read_text(encoding="utf-8"), en_claro)


def test_la_segunda_revision_no_cambia_los_catalogos(ruta_con_datos):
    """``Voz.sanear`` cambiaba en su lugar las listas del contexto, que comparte con los
    catálogos del marco (leídos una vez por proceso): después de un informe, «normalidad-minima»
    era un ``Dicho`` y `bitacora agregar` en el mismo proceso no podía escribirlo en YAML."""
    from rutamejora.formato import cargar

    codigo, _, errores = informe(ruta_con_datos, "-t", "rendicion", "--fecha", FECHA, "--con-errores")
    assert codigo == 0, errores
    marco = cargar(ruta_con_datos)[0].marco

    def tipos(valor):
        if isinstance(valor, dict):
            return set().union(*map(tipos, valor.values()), *map(tipos, valor.keys())) if valor else set()
        if isinstance(valor, (list, tuple)):
            return set().union(*map(tipos, valor)) if valor else set()
        return {type(valor).__name__}

    usados = set()
    for catalogo in ("anexos", "agrupacion", "ambitos", "valoraciones"):
        usados |= tipos(marco.valores(catalogo))
    assert "Dicho" not in usados and "str" in usados


def test_la_segunda_revision_deja_el_nombre_de_la_escuela_y_los_ids(tmp_path):
    """Una escuela que se llama como una persona («Josefina Ramírez Lugo») salía «[nombre]»
    en el encabezado (al ponerle comillas, el texto perdía la marca de lo ya dicho); y con un
    código de alumno «A1», la comunidad veía «[código]» en la acción A1 (un id, no un texto libre)."""
    import shutil
    from pathlib import Path

    carpeta = tmp_path / "ruta"
    shutil.copytree(Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026", carpeta)
    ruta_yaml = carpeta / "ruta.yaml"
    ruta_yaml.write_text(ruta_yaml.read_text(encoding="utf-8").replace(
        'nombre: Escuela Primaria "Carmen Serdán Alatriste"', "nombre: Josefina Ramírez Lugo"), encoding="utf-8")
    diagnostico = carpeta / "diagnostico.yaml"
    diagnostico.write_text(diagnostico.read_text(encoding="utf-8").replace(
        "codigos: [A-2025-003, A-2025-009, A-2025-017, A-2025-026]", 'codigos: [A1, A-2025-026]'), encoding="utf-8")
    for tipo, audiencia in (("planeacion", "autoridad"), ("rendicion", "comunidad")):
        codigo, salida, errores = informe(carpeta, "-t", tipo, "-a", audiencia, "--fecha", FECHA,
                                          "--con-errores")
        assert codigo == 0, errores
        assert "Josefina Ramírez Lugo" in salida and "[nombre]" not in salida, tipo
        assert "[código]" not in salida.replace("\\", ""), tipo
        assert "**A1**" in salida, tipo
