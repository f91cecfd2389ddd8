"""Las reglas de las orientaciones: la Ruta defectuosa dorada, la privacidad y las supresiones."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.nucleo.problemas import enmascarar
from rutamejora.reglas.registro import registradas
from rutamejora.reglas.validacion import validar

DATOS = Path(__file__).resolve().parents[1] / "datos"
DORADOS = Path(__file__).resolve().parents[1] / "dorados"
MINIMA = DATOS / "minima"
EJEMPLOS = Path(__file__).resolve().parents[2] / "ejemplos"
HOY = date(2025, 10, 1)


# --- La Ruta defectuosa: los errores de Rutas reales (shared/dominio.md) ------------------------

ESPERADOS = ["RM115", "RM351", "RM502", "RM503", "RM501", "RM350", "RM105", "RM301", "RM108",
             "RM302", "RM203", "RM106", "RM202"]


def test_ruta_defectuosa_da_exactamente_los_codigos_esperados():
    resultado = validar(DATOS / "defectuosa", HOY, True)
    assert [p.codigo for p in resultado.problemas] == ESPERADOS


@pytest.mark.parametrize("formato", ["texto", "json", "github"])
def test_ruta_defectuosa_salida_dorada(formato, monkeypatch):
    monkeypatch.chdir(DATOS)
    r = CliRunner().invoke(app, ["validar", "defectuosa", "--fecha", "2025-10-01", "--formato", formato])
    assert r.exit_code == 1
    dorado = (DORADOS / f"defectuosa.{formato}").read_text(encoding="utf-8")
    if formato == "json":
        assert json.loads(r.output) == json.loads(dorado)
    else:
        assert r.output == dorado


@pytest.mark.parametrize("ejemplo", sorted(p.name for p in EJEMPLOS.iterdir() if p.is_dir()))
def test_los_ejemplos_validan_sin_errores_ni_avisos(ejemplo):
    for hoy, explicita in ((date(2026, 7, 15), True), (date(2026, 11, 25), False)):
        resultado = validar(EJEMPLOS / ejemplo, hoy, explicita)
        assert [(p.codigo, p.archivo, p.linea, p.mensaje) for p in resultado.problemas] == []


def test_el_catalogo_tiene_al_menos_35_verificaciones():
    # RM9xx no son verificaciones de la Ruta (omisiones, entradas apartadas, supresiones).
    verificaciones = [r for r in registradas() if not r.codigo.startswith("RM9")]
    assert len(verificaciones) >= 35


# --- Privacidad --------------------------------------------------------------------------------


@pytest.mark.parametrize("texto,esperado", [
    ("Juan Pérez López", ["[nombre: J. P. L.]"]),                     # dos apellidos
    ("María de la Luz Gómez", ["[nombre: M. L. G.]"]),                # con partículas
    ("Visita a la familia de José Luis Ramírez Soto.", ["[nombre: J. L. R. S.]"]),
    ("PEREZ LOPEZ JUAN CARLOS (3° B)", ["[nombre: P. L. J. C.]"]),    # lista escolar
    ("Consejo Técnico Escolar", []),
    ("Escuela Primaria Benito Juárez", []),
    ("Libros de Francisco Hinojosa y Gabriel García Márquez", []),    # autores
    ("Comité de Lectura en Voz Alta", []),
])
def test_nombre_de_alumno_en_un_texto(tmp_path, texto, esperado):
    carpeta = _con(tmp_path, "diagnostico.yaml", "grado: 1°}", f"grado: 1°, apoyo: '{texto}'}}")
    assert [m for c, _, m in _codigos(carpeta) if c == "RM502"] == [
        f"Alumnos en riesgo n.º 1 (apoyo): «{e}» parece el nombre de un alumno o de su familia." for e in esperado]


def _con(tmp_path, archivo: str, viejo: str, nuevo: str) -> Path:
    destino = tmp_path / "r"
    shutil.copytree(MINIMA, destino)
    ruta = destino / archivo
    texto = ruta.read_text(encoding="utf-8")
    assert viejo in texto
    ruta.write_text(texto.replace(viejo, nuevo), encoding="utf-8")
    return destino


def _codigos(carpeta: Path):
    """(código, línea, mensaje tal como lo ve el usuario: con los datos personales enmascarados)."""
    return [(p.codigo, p.linea, enmascarar(p.mensaje, p.secretos))
            for p in validar(carpeta, HOY, True).problemas]


def test_curp_dentro_de_una_frase_y_en_comentarios(tmp_path):
    carpeta = _con(tmp_path, "diagnostico.yaml", "fortalezas: [Trabajo colegiado]",
                   "fortalezas: [Trabajo colegiado]  # revisar expediente GOLM120304HPLMPRA5 con USAER")
    assert _codigos(carpeta) == [("RM501", 16, "Hay una CURP en el archivo.")]


def test_nombres_que_no_son_de_alumnos_no_avisan(tmp_path):
    carpeta = _con(tmp_path, "acciones.yaml", "actividad: Círculo de lectura diario de 20 minutos",
                   "actividad: Círculo de lectura del Consejo Técnico Escolar en la biblioteca Benito Juárez "
                   "con la Directora de prueba")
    assert _codigos(carpeta) == []


def test_nombre_de_un_docente_del_colectivo_no_avisa(tmp_path):
    carpeta = _con(tmp_path, "ruta.yaml", "nombre: Docente de prueba", "nombre: Laura Méndez Ruiz")
    acciones = carpeta / "acciones.yaml"
    acciones.write_text(acciones.read_text(encoding="utf-8").replace(
        "actividad: Círculo de lectura diario de 20 minutos",
        "actividad: Círculo de lectura que coordina Laura Méndez Ruiz"), encoding="utf-8")
    assert _codigos(carpeta) == []


def test_nombre_de_alumno_se_enmascara_en_toda_salida(tmp_path):
    carpeta = _con(tmp_path, "diagnostico.yaml", "grado: 1°}", "grado: 1°, apoyo: Tutoría a María de la Luz Gómez}")
    for formato in ("texto", "json", "github"):
        r = CliRunner().invoke(app, ["validar", str(carpeta), "--fecha", "2025-10-01", "--formato", formato])
        assert r.exit_code == 1
        assert "María de la Luz Gómez" not in r.output
        assert "[nombre: M. L. G.]" in r.output


def test_contactos(tmp_path):
    carpeta = _con(tmp_path, "ruta.yaml", "version: 1", "version: 1")  # la base, limpia
    diagnostico = carpeta / "diagnostico.yaml"
    diagnostico.write_text(diagnostico.read_text(encoding="utf-8")
                           + "# contacto de la familia: familia.lopez@correo.mx, tel. 222 123 4567\n",
                           encoding="utf-8")
    codigos = _codigos(carpeta)
    assert [(c, l) for c, l, _ in codigos] == [("RM504", 45), ("RM504", 45)]
    assert codigos[0][2] == "Hay un correo electrónico en la Ruta."
    assert codigos[1][2] == "Hay un teléfono en la Ruta."


def test_salud_de_un_grupo_no_avisa_pero_de_un_codigo_si(tmp_path):
    grupo = _con(tmp_path / "a", "diagnostico.yaml", "grado: 1°}", "grado: 1°, apoyo: USAER atiende a 3 alumnos con TDAH}")
    assert _codigos(grupo) == []
    codigo = _con(tmp_path / "b", "diagnostico.yaml", "grado: 1°}", "grado: 1°, apoyo: El alumno A-2025-014 tiene asma}")
    assert [c for c, _, _ in _codigos(codigo)] == ["RM503"]


# --- Supresiones y ajustes ---------------------------------------------------------------------


def test_supresion_en_la_misma_linea_y_en_la_anterior(tmp_path):
    carpeta = _con(tmp_path, "objetivos.yaml", "que: Mejorar", "que: La mejora de")
    assert [c for c, _, _ in _codigos(carpeta)] == ["RM350"]
    objetivos = carpeta / "objetivos.yaml"
    texto = objetivos.read_text(encoding="utf-8")
    objetivos.write_text(texto.replace("de los alumnos de primer grado",
                                       "de los alumnos de primer grado  # ruta: ignorar RM350 -- así lo acordó el CTE"),
                         encoding="utf-8")
    assert _codigos(carpeta) == []
    objetivos.write_text(texto.replace("    que: La mejora", "    # ruta: ignorar RM350 -- así lo acordó el CTE\n    que: La mejora"),
                         encoding="utf-8")
    assert _codigos(carpeta) == []


def test_supresion_sin_codigo_es_error_y_la_que_sobra_avisa(tmp_path):
    carpeta = _con(tmp_path, "metas.yaml", "sentido: aumentar", "sentido: aumentar  # ruta: ignorar -- ya lo vimos")
    assert _codigos(carpeta) == [("RM903", 6, "La supresión no nombra un código de regla válido.")]
    carpeta = _con(tmp_path / "b", "metas.yaml", "sentido: aumentar", "sentido: aumentar  # ruta: ignorar RM999")
    assert _codigos(carpeta) == [("RM903", 6, "La supresión no nombra un código de regla válido (RM999).")]
    carpeta = _con(tmp_path / "c", "metas.yaml", "sentido: aumentar", "sentido: aumentar  # ruta: ignorar RM301 -- vieja")
    assert _codigos(carpeta) == [("RM904", 6, "La supresión de RM301 no calla ningún problema.")]


def test_severidad_por_regla_en_ruta_yaml(tmp_path):
    carpeta = _con(tmp_path, "objetivos.yaml", "que: Mejorar", "que: La mejora de")
    ruta = carpeta / "ruta.yaml"
    ruta.write_text(ruta.read_text(encoding="utf-8") + "validacion:\n  reglas: {RM350: error}\n", encoding="utf-8")
    resultado = validar(carpeta, HOY, True)
    assert [(p.codigo, p.severidad) for p in resultado.problemas] == [("RM350", "error")]
    assert resultado.codigo_de_salida() == 1


# --- Seguimiento (depende de la fecha) -----------------------------------------------------------


def test_seguimiento_son_avisos_que_dependen_de_la_fecha(tmp_path):
    carpeta = _con(tmp_path, "bitacora.yaml", "avance: 10", "avance: 10")
    # El 2025-11-05 ya pasó la sesión 2 (2025-10-31) y la bitácora no tiene nada desde entonces.
    resultado = validar(carpeta, date(2025, 11, 5), True)
    assert [(p.codigo, p.severidad, p.mensaje) for p in resultado.problemas] == [
        ("RM406", "aviso", "La bitácora no tiene registros desde la sesión 2 (2025-10-31).")]
    assert resultado.codigo_de_salida() == 0
    resultado.estricto = True
    assert resultado.codigo_de_salida() == 1


def test_gasto_excedido_en_el_ejemplo_tiene_nota():
    # El ejemplo tiene un sobregasto explicado con su nota: no avisa (lo comprueba otra prueba),
    # y sin la nota avisaría: la regla no es de adorno.
    from rutamejora.formato.modelo import costo_total, gasto_total

    resultado = validar(EJEMPLOS / "primaria-2025-2026", date(2026, 7, 15), True)
    ruta = resultado.ruta
    excedidas = [a.id for a in ruta.acciones if costo_total(a) is not None and gasto_total(ruta, a) > costo_total(a)]
    assert excedidas, "el ejemplo debe tener al menos un sobregasto"


def test_nombre_en_un_comentario_y_senalado_en_su_columna(tmp_path):
    carpeta = _con(tmp_path, "diagnostico.yaml", "fortalezas: [Trabajo colegiado]",
                   "fortalezas: [Trabajo colegiado]  # Juan Pérez López dejó de venir")
    assert _codigos(carpeta) == [("RM502", 16, "«[nombre: J. P. L.]» parece el nombre de un alumno o de su familia.")]
    carpeta = _con(tmp_path / "b", "diagnostico.yaml", "grado: 1°}", "grado: 1°, apoyo: Tutoría a María de la Luz Gómez}")
    [p] = validar(carpeta, HOY, True).problemas
    linea = (carpeta / "diagnostico.yaml").read_text(encoding="utf-8").splitlines()[p.linea - 1]
    assert linea[p.columna - 1:].startswith("María de la Luz Gómez")
