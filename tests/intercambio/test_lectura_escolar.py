"""Lo que escriben las escuelas en sus celdas: periodos, dinero, metas, objetivos, viñetas,
encabezados y responsables."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from rutamejora.intercambio.lectura_escolar import (Costo, elementos, leer_costo, leer_meta,
                                                    leer_tiempo, partir_objetivo, renglones)
from rutamejora.intercambio.personas import Personas
from rutamejora.intercambio.sinonimos import campo_de_encabezado, plegar

CICLO = "2025-2026"
LIMITES = (date(2025, 9, 1), date(2026, 7, 15))


@pytest.mark.parametrize("texto, periodos, frecuencia", [
    ("Septiembre a noviembre", [(date(2025, 9, 1), date(2025, 11, 30))], None),
    ("todo el ciclo", [LIMITES], None),
    ("Permanente", [LIMITES], None),
    ("Mensual", [LIMITES], "mensual"),
    ("Diciembre a marzo y marzo a junio", [(date(2025, 12, 1), date(2026, 3, 31)),
                                           (date(2026, 3, 1), date(2026, 6, 30))], None),
    ("octubre", [(date(2025, 10, 1), date(2025, 10, 31))], None),
    ("Enero, febrero y marzo", [(date(2026, 1, 1), date(2026, 3, 31))], None),
    ("Octubre y febrero", [(date(2025, 10, 1), date(2025, 10, 31)), (date(2026, 2, 1), date(2026, 2, 28))], None),
    ("Del 01/09/2025 al 30/11/2025", [(date(2025, 9, 1), date(2025, 11, 30))], None),
    ("2026-01-12", [(date(2026, 1, 12), date(2026, 1, 12))], None),
    ("Agosto a julio", [LIMITES], None),                       # recortado al ciclo
    ("Cada sesión de CTE", [LIMITES], "en cada sesión del CTE"),
    ("Semanal, de enero a marzo", [(date(2026, 1, 1), date(2026, 3, 31))], "semanal"),
    # Con el día escrito, ese día (antes: el mes entero).
    ("Del 15 de febrero al 20 de marzo", [(date(2026, 2, 15), date(2026, 3, 20))], None),
    ("del 1 al 15 de octubre", [(date(2025, 10, 1), date(2025, 10, 15))], None),
    ("Del 3 de noviembre de 2025 al 5 de diciembre", [(date(2025, 11, 3), date(2025, 12, 5))], None),
    ("Reuniones el 15 de octubre, 15 de enero y 15 de abril",
     [(date(2025, 10, 15), date(2025, 10, 15)), (date(2026, 1, 15), date(2026, 1, 15)),
      (date(2026, 4, 15), date(2026, 4, 15))], None),
    ("Del 3 al 7 de noviembre y 12 de marzo",
     [(date(2025, 11, 3), date(2025, 11, 7)), (date(2026, 3, 12), date(2026, 3, 12))], None),
])
def test_periodos(texto, periodos, frecuencia):
    tiempo = leer_tiempo(texto, CICLO, LIMITES)
    assert (tiempo.periodos, tiempo.frecuencia) == (periodos, frecuencia)


@pytest.mark.parametrize("texto", ["", "Por definir", "Cuando se pueda", "Agosto de 2024",
                                   "del 31 de febrero al 40 de marzo", "30 de febrero"])
def test_periodos_que_no_se_entienden(texto):
    assert leer_tiempo(texto, CICLO, LIMITES) is None


@pytest.mark.parametrize("texto, costo", [
    ("$1,200.00", Costo(total=Decimal("1200"))),
    ("$ 850.50", Costo(total=Decimal("850.5"))),
    ("sin costo", Costo(total=Decimal("0"))),
    ("Ninguno", Costo(total=Decimal("0"))),
    ("0", Costo(total=Decimal("0"))),
    ("$60 semanales", Costo(por_semana=Decimal("60"))),
    ("$300 mensuales", Costo(por_mes=Decimal("300"))),
    ("Copias $300, papel $200", Costo(total=Decimal("500"))),
    ("Copias 300, papel 200", Costo(total=Decimal("500"))),
    # Un teléfono junto al costo no se suma (antes: «costo: 5548130237»).
    ("$1,200.00 (lo paga la mamá de Kevin, 5548129037)", Costo(total=Decimal("1200"))),
    ("$60 semanales de Doña Chuy 2221112233", Costo(por_semana=Decimal("60"))),
    ("Materiales 350, informes al 55 4812 9037", Costo(total=Decimal("350"))),
    ("Materiales 350, tel. 55-4812-9037", Costo(total=Decimal("350"))),
])
def test_dinero(texto, costo):
    assert leer_costo(texto) == costo


def test_dinero_sin_cantidad_no_se_inventa():
    assert leer_costo("Por definir") is None and leer_costo("") is None


@pytest.mark.parametrize("texto, base, meta, unidad, sentido, fecha", [
    ("Que el 80% de los alumnos lea con fluidez al término del ciclo escolar.",
     None, Decimal("80"), "porcentaje", "aumentar", date(2026, 7, 15)),
    ("Reducir del 12 % al 5 % el ausentismo para diciembre.",
     Decimal("12"), Decimal("5"), "porcentaje", "disminuir", date(2025, 12, 31)),
    ("Elevar el promedio de matemáticas a 8.5 en junio de 2026.",
     None, Decimal("8.5"), "promedio", "aumentar", date(2026, 6, 30)),
    ("Mejorar la convivencia en el recreo.", None, None, None, None, None),
])
def test_metas(texto, base, meta, unidad, sentido, fecha):
    leida = leer_meta(texto, CICLO, LIMITES[1])
    assert (leida.linea_base, leida.valor_meta, leida.unidad, leida.sentido, leida.fecha_limite) == (
        base, meta, unidad, sentido, fecha)


def test_objetivo_y_para_que():
    assert partir_objetivo("Mejorar la lectura de 3° a 6° para que comprendan lo que leen.") == (
        "Mejorar la lectura de 3° a 6°", "Para que comprendan lo que leen.")
    assert partir_objetivo("Favorecer la convivencia pacífica.") == ("Favorecer la convivencia pacífica.", None)


def test_vinetas_y_renglones():
    assert renglones("• Libros\n• Formato de registro\n\n") == ["Libros", "Formato de registro"]
    assert elementos("1. Registro diario\n2. Llamadas a las familias") == ["Registro diario", "Llamadas a las familias"]
    assert elementos("- Lectura en voz alta\n  diaria en el aula\n- Club de lectura") == [
        "Lectura en voz alta diaria en el aula", "Club de lectura"]
    assert elementos("Taller en CTE\nRevisión entre pares") == ["Taller en CTE", "Revisión entre pares"]
    assert elementos("Lectura diaria de 20 minutos,\ncon registro por grupo") == [
        "Lectura diaria de 20 minutos, con registro por grupo"]


@pytest.mark.parametrize("encabezado, campo", [
    ("Acción", "accion"), ("ACTIVIDADES", "accion"), ("Estrategias", "accion"),
    ("Responsable(s)", "responsables"), ("Costo(s)", "costo"), ("Periodo de realización", "tiempo"),
    ("Fecha(s)", "tiempo"), ("Meta(s)", "meta"), ("Objetivo(s)", "objetivo"),
    ("Ámbito", "agrupacion"), ("Problemática", "agrupacion"), ("Prioridad", "agrupacion"),
    ("¿Cómo estamos avanzando?", "seguimiento"), ("Indicador", "indicador"), ("Recursos", "recursos"),
    ("Observaciones", None), ("Meta: que el 80 % de los alumnos lea con fluidez al final del ciclo escolar", None),
])
def test_encabezados(encabezado, campo):
    assert campo_de_encabezado(encabezado) == campo


def test_plegar():
    assert plegar("¿Cómo estamos AVANZANDO?") == "como estamos avanzando"
    assert plegar("Responsable(s)") == "responsable"


def test_responsables_por_funcion():
    personas = Personas()
    assert personas.responsables("Docentes de aula") == (["DOC"], [])
    assert personas.responsables("Director 1°–3°") == (["DIR"], [])
    assert personas.responsables("Directora y USAER") == (["DIR", "USAER"], [])
    assert personas.responsables("Comité de Planeación y Evaluación") == (["CPE"], [])
    assert personas.responsables("Docentes de 4° a 6°; trabajo social") == (["DOC2"], ["trabajo social"])
    assert personas.responsables("Subdirector\nDocentes de aula") == (["SUB", "DOC"], [])
    assert [(p.id, p.nombre, p.funcion, p.grupo) for p in personas.colectivo] == [
        ("DOC", "Docentes de aula", "docente", None),
        ("DIR", "Director 1°–3°", "director", None),
        ("USAER", "USAER", "usaer", None),
        ("DOC2", "Docentes de 4° a 6°", "docente", "4° a 6°"),
        ("SUB", "Subdirector", "subdirector", None)]


@pytest.mark.parametrize("renglon, nombre", [
    ("Escuela Primaria Benito Juárez  CCT 21DPR0487A  Ciclo 2025-2026", "Escuela Primaria Benito Juárez"),
    ('Escuela Primaria "Carmen Serdán" CCT: 21DPR0487A', 'Escuela Primaria "Carmen Serdán"'),
    ("Escuela Secundaria Técnica No. 5, turno matutino", "Escuela Secundaria Técnica No. 5"),
    ("Escuela Primaria Niños Héroes 21DPR0487A 2025-2026", "Escuela Primaria Niños Héroes"),
    ("Jardín de Niños Cuauhtémoc - Ciclo 2025-2026", "Jardín de Niños Cuauhtémoc"),
    ("Escuela Primaria Benito Juárez", "Escuela Primaria Benito Juárez"),
])
def test_el_nombre_de_la_escuela_sin_lo_que_le_sigue_en_su_renglon(renglon, nombre):
    """El renglón de arriba de un plan en Word dice todo junto: el nombre llevaba la CCT y el ciclo."""
    from rutamejora.intercambio.plan import _solo_el_nombre

    assert _solo_el_nombre(renglon) == nombre
