"""`importar_de_documento` con los documentos de tests/datos/importar/ (ver generar.py).

Cada prueba afirma lo que se ubicó (cuántas prioridades, objetivos, metas y acciones, y sus
textos), lo interpretado (fechas, dinero, responsables), lo que quedó por llenar y lo que quedó
en comentarios: solo lo que el documento de verdad no podía decir en el formato. Los dos
documentos guardados por LibreOffice (``lo-*``) dan exactamente lo mismo que sus originales.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from pathlib import Path

from ruamel.yaml import YAML


def leer_yaml(ruta: Path):
    return YAML(typ="safe").load(ruta.read_text(encoding="utf-8"))


def _lista(carpeta, archivo, clave=None):
    datos = leer_yaml(carpeta / archivo)
    return datos[clave or archivo.split(".")[0]]


def _comentarios(informe):
    return [(c.archivo, c.que, c.texto) for c in informe.comentarios]


def _por_llenar(informe):
    return sorted(n.que for n in informe.por_llenar)


# --- RME en Word: párrafos «Prioridad: / Objetivo: / Meta:» y una tabla de acciones por prioridad ----

def test_rme_word_ubica_prioridades_objetivos_metas_y_acciones(importar):
    informe, ruta = importar("rme-acciones.docx")
    assert (informe.marco, informe.errores) == ("rme-2014", 0)
    assert informe.cuentas | {} == {"prioridades": 2, "objetivos": 2, "metas": 2, "acciones": 5,
                                    "colectivo": 5, "comunidad": 1, "comentarios": 5, "por_llenar": 3,
                                    "datos_personales": 0}
    # Dos tablas, el encabezado repetido (salto de página) se salta y el renglón vacío no es acción.
    assert (informe.tablas, informe.encabezados_repetidos) == (2, 1)
    prioridades = _lista(ruta, "prioridades.yaml")
    assert [(p["id"], p["prioridad"], p["descripcion"], p["necesidades"]) for p in prioridades] == [
        ("P1", "mejora-aprendizajes", "Mejora de los aprendizajes", ["N1"]),
        ("P2", "convivencia-escolar", "Convivencia escolar", ["N2"])]
    assert [n["descripcion"] for n in _lista(ruta, "diagnostico.yaml", "necesidades")] == [
        "Mejora de los aprendizajes", "Convivencia escolar"]
    objetivos = _lista(ruta, "objetivos.yaml")
    assert [(o["prioridad"], o["que"], o["para_que"]) for o in objetivos] == [
        ("P1", "Fortalecer la comprensión lectora de los alumnos de 1° a 6°",
         "Para que comprendan lo que leen en todos los campos formativos."),
        ("P2", "Favorecer una convivencia pacífica en el recreo mediante juegos organizados.", None)]
    metas = _lista(ruta, "metas.yaml")
    assert [(m["objetivo"], m["linea_base"], m["valor_meta"], m["sentido"], m["fecha_limite"],
             m["indicador"]["unidad"]) for m in metas] == [
        ("O1", 46, 60, "aumentar", date(2026, 7, 15), "porcentaje"),   # «al término del ciclo escolar»
        ("O2", 12, 5, "disminuir", date(2026, 6, 30), "porcentaje")]   # «para junio de 2026»
    assert metas[0]["descripcion"].startswith("Aumentar de 46 % a 60 % los alumnos de 3° a 6°")


def test_rme_word_tiempos_dinero_y_responsables(importar):
    _, ruta = importar("rme-acciones.docx")
    acciones = {a["id"]: a for a in _lista(ruta, "acciones.yaml")}
    assert list(acciones) == ["A1", "A2", "A3", "A4", "A5"]
    a1, a2, a3, a4, a5 = acciones.values()
    assert a1["actividad"] == "Lectura diaria de 20 minutos al iniciar la jornada, con registro por grupo."
    # Viñetas de la celda → un recurso por viñeta; «Sin costo» → 0; «Todo el ciclo» → clases.
    assert (a1["recursos"], a1["costo"], a1["inicio"], a1["fin"]) == (
        ["Libros de la biblioteca de aula", "Formato de registro"], 0, date(2025, 9, 1), date(2026, 7, 15))
    # «$60 semanales» de septiembre a noviembre: 13 semanas.
    assert (a2["costo"], a2["inicio"], a2["fin"]) == ({"por_semana": 60, "semanas": 13},
                                                      date(2025, 9, 1), date(2025, 11, 30))
    # «$1,200.00»; «diciembre a marzo y marzo a junio»: dos periodos.
    assert a3["costo"] == 1200 and a3["periodos"] == [
        {"inicio": date(2025, 12, 1), "fin": date(2026, 3, 31)},
        {"inicio": date(2026, 3, 1), "fin": date(2026, 6, 30)}]
    assert (a4["costo"], a5["costo"]) == (2500, 0)
    assert [a["metas"] for a in acciones.values()] == [["M1"], ["M1"], ["M1"], ["M2"], ["M2"]]
    assert [a["responsables"] for a in acciones.values()] == [
        ["DOC"], ["DIR", "PF"], ["DIR"], ["EF", "USAER"], ["SUB"]]
    ruta_yaml = leer_yaml(ruta / "ruta.yaml")
    assert ruta_yaml["colectivo"] == [
        {"id": "DOC", "nombre": "Docentes de aula", "funcion": "docente"},
        {"id": "DIR", "nombre": "Director", "funcion": "director"},
        {"id": "EF", "nombre": "Docente de educación física", "funcion": "educacion_fisica"},
        {"id": "USAER", "nombre": "USAER", "funcion": "usaer"},
        {"id": "SUB", "nombre": "Subdirectora", "funcion": "subdirector"}]
    assert ruta_yaml["comunidad"] == [{"id": "PF", "nombre": "Padres de familia", "tipo": "padres_de_familia"}]
    assert ruta_yaml["escuela"] == {"nombre": "Escuela Primaria «Niños Héroes»", "cct": "21DPR0487A",
                                    "nivel": "primaria", "turno": "matutino", "zona": "045",
                                    "entidad": "Puebla"}


def test_rme_word_comentarios_son_lo_que_el_formato_no_guarda(importar):
    informe, ruta = importar("rme-acciones.docx")
    assert _comentarios(informe) == [
        ("acciones.yaml", "A4: Tiempo del documento (frecuencia: mensual)", "Mensual"),
        ("acciones.yaml", "A5: Tiempo del documento (frecuencia: en cada sesión del CTE)", "Cada sesión de CTE"),
        ("diagnostico.yaml", "texto suelto", "Diagnóstico: en la evaluación diagnóstica de septiembre, "
         "46 de cada 100 alumnos de 3° a 6° leen con fluidez y comprensión del nivel esperado."),
        ("ruta.yaml", "texto suelto", "Elaboró: Director de la escuela"),
        ("ruta.yaml", "texto suelto", "Vo. Bo. Supervisión escolar")]
    assert _por_llenar(informe) == ["M1.indicador.nombre", "M2.indicador.nombre", "O2.para_que"]
    texto = (ruta / "acciones.yaml").read_text(encoding="utf-8")
    # El comentario va justo antes de la acción a la que pertenece.
    assert "  # Tiempo del documento (frecuencia: mensual) (tabla 2, renglón 2): Mensual\n  - id: A4\n" in texto
    assert "# (párrafo 13) Elaboró: Director de la escuela\n" in (ruta / "ruta.yaml").read_text(encoding="utf-8")


# --- PEMC en Word: ámbito, objetivo y meta combinados a lo alto; acciones numeradas ---------

@pytest.mark.parametrize("documento", ["pemc-ambitos.docx", "lo-pemc-ambitos.docx"])
def test_pemc_word_celdas_combinadas_y_numeradas(importar, documento):
    informe, ruta = importar(documento)
    assert (informe.marco, informe.errores, informe.tablas, informe.encabezados_repetidos) == (
        "pemc-2019", 0, 1, 1)
    assert informe.cuentas | {} == {"prioridades": 2, "objetivos": 2, "metas": 2, "acciones": 6,
                                    "colectivo": 4, "comunidad": 0, "comentarios": 3, "por_llenar": 15,
                                    "datos_personales": 0}
    ruta_yaml = leer_yaml(ruta / "ruta.yaml")
    # «Ciclos escolares 2024-2026»: un PEMC de dos ciclos.
    assert (ruta_yaml["ciclo"], ruta_yaml["ciclos"]) == ("2024-2025", ["2024-2025", "2025-2026"])
    ambitos = _lista(ruta, "prioridades.yaml", "ambitos")
    assert [(a["ambito"], a["orden"]) for a in ambitos] == [("aprovechamiento-asistencia", 1),
                                                             ("formacion-docente", 2)]
    metas = _lista(ruta, "metas.yaml")
    assert [(m["linea_base"], m["valor_meta"], m["sentido"], m["fecha_limite"], m["ciclo"]) for m in metas] == [
        (9, 5, "disminuir", date(2025, 7, 16), "2024-2025"),   # «al final del ciclo 2024-2025»
        (None, 90, "aumentar", date(2024, 12, 31), "2024-2025")]  # «en diciembre»: sin línea base
    acciones = _lista(ruta, "acciones.yaml")
    assert [(a["actividad"], a["metas"], a["responsables"]) for a in acciones] == [
        ("Registro diario de asistencia por grupo", ["M1"], ["DOC"]),
        ("Llamadas a las familias al tercer día de falta", ["M1"], ["DOC"]),
        ("Tutoría semanal a los alumnos con inasistencias de 2°B", ["M1"], ["DOC", "USAER"]),
        ("Taller de planeación por proyectos en CTE", ["M2"], ["DIR"]),
        ("Revisión de planeaciones entre pares", ["M2"], ["DIR"]),
        ("Observación de clase entre colegas", ["M2"], ["SUB"])]
    assert all(a["responsable_seguimiento"] is None and a["recursos"] is None for a in acciones)
    # La columna «Observaciones» no tiene campo: comentario, una vez por renglón.
    assert _comentarios(informe) == [
        ("acciones.yaml", "A1: Observaciones", "Con apoyo de trabajo social"),
        ("acciones.yaml", "A6: Tiempo del documento (frecuencia: mensual)", "Mensual"),
        ("ruta.yaml", "texto suelto", "Vo. Bo. Supervisor de zona")]
    assert _por_llenar(informe) == sorted(
        ["M1.indicador.nombre", "M2.indicador.nombre", "M2.linea_base"]
        + [f"A{i}.{c}" for i in range(1, 7) for c in ("recursos", "responsable_seguimiento")])


# --- PMC en Excel: problemática combinada, indicador con fórmula, seguimiento -----------------

@pytest.mark.parametrize("documento", ["pmc-problematicas.xlsx", "lo-pmc-problematicas.xlsx"])
def test_pmc_excel(importar, documento):
    informe, ruta = importar(documento)
    assert (informe.marco, informe.errores, informe.tablas) == ("pmc-2024", 0, 1)
    assert {k: informe.escuela[k][0] for k in ("nombre", "cct", "ciclo")} == {
        "nombre": "Escuela Primaria Benito Juárez", "cct": "09DPR0133E", "ciclo": "2025-2026"}
    problematicas = _lista(ruta, "prioridades.yaml", "problematicas")
    assert [(p["descripcion"], p["ambitos"]) for p in problematicas] == [
        ("Bajo nivel de comprensión lectora en 3° y 4°", None), ("Inasistencia frecuente de alumnos", None)]
    objetivos = _lista(ruta, "objetivos.yaml")
    assert [(o["problematica"], o["que"]) for o in objetivos] == [
        ("P1", "Mejorar la comprensión lectora de los alumnos de 3° y 4°"),
        ("P2", "Reducir la inasistencia de los alumnos")]
    metas = _lista(ruta, "metas.yaml")
    assert [m["indicador"] for m in metas] == [
        {"nombre": "Alumnos en nivel esperado", "unidad": "porcentaje",
         "formula": "Alumnos en nivel esperado / alumnos evaluados x 100"},
        {"nombre": "Faltas del mes", "unidad": "porcentaje",
         "formula": "Faltas del mes / días hábiles x alumnos x 100"}]
    assert [(m["linea_base"], m["valor_meta"], m["fecha_limite"]) for m in metas] == [
        (None, 75, date(2026, 7, 15)), (10, 6, date(2025, 12, 31))]
    acciones = _lista(ruta, "acciones.yaml")
    # Alt+Enter con guiones → dos acciones; «Del 01/09/2025 al 30/11/2025» → esas fechas.
    assert [(a["actividad"], a["responsables"], a["inicio"], a["fin"]) for a in acciones] == [
        ("Lectura en voz alta diaria", ["DOC"], date(2025, 9, 1), date(2026, 6, 30)),
        ("Club de lectura los viernes", ["DOC"], date(2025, 9, 1), date(2026, 6, 30)),
        ("Préstamo de libros a domicilio", ["DOC", "PF"], date(2025, 9, 1), date(2026, 7, 15)),
        ("Seguimiento a las faltas con las familias", ["DIR", "CPE"], date(2025, 9, 1), date(2025, 11, 30)),
        ("Reconocimiento mensual al grupo con mejor asistencia", ["DIR"], date(2025, 9, 1), date(2026, 7, 15))]
    # El Comité que pide el PMC ya venía en la Ruta nueva: no se repite.
    comunidad = leer_yaml(ruta / "ruta.yaml")["comunidad"]
    assert [c["id"] for c in comunidad] == ["CPE", "PF"]
    # «¿Cómo estamos avanzando?» no tiene campo en una acción: comentario.
    assert _comentarios(informe) == [
        ("acciones.yaml", "A1: Seguimiento", "Registro mensual de lectura en la sesión de CTE"),
        ("acciones.yaml", "A3: Seguimiento", "Bitácora de préstamos"),
        ("acciones.yaml", "A4: Seguimiento", "Lista de asistencia y citatorios"),
        ("acciones.yaml", "A5: Tiempo del documento (frecuencia: mensual)", "Mensual"),
        ("ruta.yaml", "texto suelto", "Elaboró: Comité de Planeación y Evaluación")]


# --- RME de preescolar en Excel: prioridades como renglones combinados, sin objetivos ni metas ----

def test_rme_excel_prioridad_en_renglon_combinado_y_huecos_por_llenar(importar):
    informe, ruta = importar("rme-preescolar.xlsx")
    assert (informe.marco, informe.errores) == ("rme-2014", 0)
    assert [(p["prioridad"], p["descripcion"]) for p in _lista(ruta, "prioridades.yaml")] == [
        ("normalidad-minima", "Normalidad mínima de operación escolar"),
        ("mejora-aprendizajes", "Mejora de los aprendizajes")]
    # El documento no tiene objetivos ni metas: uno de cada por prioridad, vacíos (por llenar),
    # para que la cadena prioridad → objetivo → meta → acción no dé errores.
    assert [(o["prioridad"], o["que"]) for o in _lista(ruta, "objetivos.yaml")] == [("P1", None), ("P2", None)]
    assert [(m["objetivo"], m["descripcion"]) for m in _lista(ruta, "metas.yaml")] == [("O1", None), ("O2", None)]
    acciones = _lista(ruta, "acciones.yaml")
    assert [(a["metas"], a["responsables"], a["costo"]) for a in acciones] == [
        (["M1"], ["DIR"], 0),
        (["M1"], ["DOC"], Decimal("850.5")),
        (["M2"], ["DOC"], {"por_mes": 300, "meses": 5}),        # «$300 mensuales», octubre a febrero
        (["M2"], ["DOC", "APF"], None)]                         # «Por definir»
    assert acciones[2]["recursos"] == ["Cuentos", "Cojines", "Alfombra"]
    assert leer_yaml(ruta / "ruta.yaml")["comunidad"] == [
        {"id": "APF", "nombre": "Asociación de Padres de Familia", "tipo": "asociacion_de_padres"}]
    assert _comentarios(informe) == [("acciones.yaml", "A4: Costo que no se entendió", "Por definir")]


# --- Privacidad ------------------------------------------------------------------------------

def test_datos_personales_enmascarados_y_listados(importar):
    informe, ruta = importar("pemc-datos-personales.docx")
    assert [(d.archivo, d.donde, d.clase, d.marcador) for d in informe.datos_personales] == [
        ("acciones.yaml", "A3", "nombre", "[nombre: X. T. A.]"),
        ("acciones.yaml", "A3", "telefono", "[teléfono]")]
    acciones = _lista(ruta, "acciones.yaml")
    assert acciones[2]["actividad"] == "Tutoría semanal a la alumna [nombre] de 2°B; avisar a su mamá al [teléfono]"
    for archivo in ruta.rglob("*"):
        if archivo.is_file():
            texto = archivo.read_text(encoding="utf-8")
            for dato in ("Ximena", "Torres", "Aguilar", "222 123 4567", "2221234567"):
                assert dato not in texto, (archivo, dato)


def test_el_informe_no_muestra_datos_en_claro(importar):
    from rutamejora.intercambio import json_informe, texto_informe

    informe, _ = importar("pemc-datos-personales.docx")
    for salida in (texto_informe(informe), json_informe(informe)):
        assert "Ximena" not in salida and "222 123 4567" not in salida
        assert "[nombre: X. T. A.]" in salida
