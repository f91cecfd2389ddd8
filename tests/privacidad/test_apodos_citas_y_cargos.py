"""Tres fugas de nombres cerradas el 30 de noviembre de 2026, con el hallazgo exacto esperado:
los apodos de alumnos sin grado («el Chino no trajo la tarea»), el nombre de un alumno entre
comillas («la carta de "Sofía Ramírez López"») y, al revés, la autoridad de la comunidad con su
cargo, una coma y un tratamiento («El comisariado ejidal, Sr. Anselmo Tun»), que no es un alumno.
Cada regla, con los textos parecidos que no deben dar alarma."""

from __future__ import annotations

import pytest

from rutamejora.nucleo import ERROR
from rutamejora.privacidad import INFORME, detectar, enmascarar


def _hallados(texto: str, **opciones) -> list[tuple[str, str, str]]:
    return [(h.clase, h.texto, h.gravedad) for h in detectar(texto, **opciones)]


@pytest.mark.parametrize("texto, esperado", [
    # Un cargo, una coma y un tratamiento de adulto: una autoridad de la comunidad, como «la
    # supervisora, Mtra. …».
    ("El comisariado ejidal, Sr. Anselmo Tun, donó la madera para el techado de la cancha.", []),
    ("El comisariado ejidal Don Anselmo Tun prestó el salón.", []),
    # Con el lugar del cargo entre él y el tratamiento.
    ("El agente municipal de Chuchucaxtla, C. Porfirio Ramírez, firma como testigo.", []),
    ("La directora de la escuela, Sra. Rosa Elvia Cruz, firmó el acta.", []),
    # Un tratamiento sin cargo puede ser el papá de un alumno: se protege.
    ("Sr. Anselmo Tun", [("nombre", "Anselmo Tun", ERROR)]),
    ("Se citó al Sr. Anselmo Tun, papá del alumno.", [("nombre", "Anselmo Tun", ERROR)]),
    # Un pariente del cargo no es el cargo.
    ("El sobrino del comisariado ejidal, Sr. Anselmo Tun, faltó.", [("nombre", "Anselmo Tun", ERROR)]),
    ("El papá de la maestra, Sr. Anselmo Tun, vino a la junta.", [("nombre", "Anselmo Tun", ERROR)]),
    ("La mamá de Kevin, Sra. Rosa Elvia Cruz, firmó.",
     [("nombre", "Kevin", ERROR), ("nombre", "Rosa Elvia Cruz", ERROR)]),
])
def test_autoridad_con_cargo_y_tratamiento(texto, esperado):
    assert _hallados(texto) == esperado


def test_la_autoridad_en_comunidad_y_en_la_bitacora_no_es_un_alumno(ruta_con_datos):
    """En ``comunidad[].nombre`` y en un acuerdo de la bitácora, el comisariado con su
    tratamiento no es un dato personal; en la bitácora, su hijo sí."""
    from datetime import date

    from rutamejora.reglas import validar

    ruta_yaml = ruta_con_datos / "ruta.yaml"
    texto = ruta_yaml.read_text(encoding="utf-8")
    ruta_yaml.write_text(texto.replace("nombre: Padres y madres de familia de 1° y 2°",
                                       "nombre: El comisariado ejidal, Sr. Anselmo Tun"), encoding="utf-8")
    bitacora = ruta_con_datos / "bitacora.yaml"
    bitacora.write_text(bitacora.read_text(encoding="utf-8").replace(
        "acuerdos:\n", "acuerdos:\n      - El comisariado ejidal, Sr. Anselmo Tun, donó la madera.\n"
        "      - El hijo del Sr. Anselmo Tun, Brayan Tun, faltó.\n", 1), encoding="utf-8")
    resultado = validar(ruta_con_datos, date(2026, 7, 15), True)
    nombres = sorted((p.archivo, p.mensaje.split("]")[0].split("[")[-1]) for p in resultado.problemas
                     if p.codigo == "RM502" and p.archivo in ("ruta.yaml", "bitacora.yaml")
                     and ("A. T." in p.mensaje or "B. T." in p.mensaje))
    assert nombres == [("bitacora.yaml", "nombre: B. T.")]


@pytest.mark.parametrize("texto, esperado", [
    # Entre comillas, solo un nombre de pila con su apellido: el nombre de alguien, citado.
    ('Leímos la carta de "Sofía Ramírez López" en voz alta.', [("nombre", "Sofía Ramírez López", ERROR)]),
    ('Se leyó la carta "Sofía Ramírez López".', [("nombre", "Sofía Ramírez López", ERROR)]),
    ("El dibujo de «Kevin Pérez» ganó el concurso.", [("nombre", "Kevin Pérez", ERROR)]),
    # Con el apellido que el catálogo no trae, entero.
    ('Generación "Sofía Ramírez López Xool" 2025.', [("nombre", "Sofía Ramírez López Xool", ERROR)]),
    # Un título con más palabras que el nombre es un título («"Juanito y su perro"»).
    ('Se vio el video "Juanito y su perro" en la biblioteca.', []),
    # Tras una palabra de obra o de lugar, el nombre de la escuela o de la obra.
    ('Escuela Primaria "Aurelio Méndez Ruiz", turno matutino.', []),
    ('La canción de "Rosita Alvírez" en el festival.', []),
    ('Se leyó "Sofía Ramírez López" de Juan Rulfo.', []),
    # Un personaje, o un cargo dentro de las comillas.
    ('Concurso de oratoria "Benito Juárez" de la zona escolar.', []),
    ('Salón de usos múltiples "Profra. Estefanía Castañeda".', []),
    # Un nombre de pila solo, entre comillas, sigue sin contar: «"María"» es un papel de la pastorela.
    ('Le tocó el papel de "María" en la pastorela.', []),
])
def test_nombre_entre_comillas(texto, esperado):
    assert _hallados(texto) == esperado


@pytest.mark.parametrize("texto, esperado", [
    # Un apodo del catálogo, con mayúscula tras «el»/«la», y lo que hace un alumno justo después.
    ("El Chino no trajo la tarea.", [("nombre", "Chino", ERROR)]),
    ("La Chata llegó tarde tres veces esta semana.", [("nombre", "Chata", ERROR)]),
    ("El Pelón le pegó a un compañero en el recreo.",
     [("nombre", "Pelón", ERROR), ("salud", "le pegó", ERROR)]),
    # Un familiar o un compañero antes, «le dicen», o «, el de la señora…» después.
    ("Platicamos con la mamá de la Flaca sobre sus faltas.", [("nombre", "Flaca", ERROR)]),
    ("El compañero del Pelón avisó que no viene.", [("nombre", "Pelón", ERROR)]),
    ("Al que le dicen el Chino lo cambiaron de grupo.", [("nombre", "Chino", ERROR)]),
    ("Se quedó en 3° otra vez el Güero, el de la señora Toña que vende tamales.",
     [("nombre", "Güero", ERROR), ("nombre", "Toña", ERROR)]),
    # Un grado o grupo después (el Güero ya se hallaba así; el Chato o la Flaca, no).
    ("El Güero de 3° B no trajo la tarea.", [("nombre", "Güero", ERROR)]),
    ("El Chato de 6° A volvió a faltar.", [("nombre", "Chato", ERROR)]),
    ("La Flaca de 2° A viene sin desayunar.", [("nombre", "Flaca", ERROR), ("salud", "sin desayunar", ERROR)]),
    # En un texto sin caja decide el contexto solo.
    ("el chino no trajo la tarea", [("nombre", "chino", ERROR)]),
    ("EL CHINO NO TRAJO LA TAREA", [("nombre", "CHINO", ERROR)]),
    # La palabra, no un apodo: en minúscula en un texto con caja, o sin nada que lo haga un alumno.
    ("Se mejoró la flaca asistencia del grupo.", []),
    ("se mejoró la flaca asistencia del grupo", []),
    ("El güero del tianguis vende fruta a la salida.", []),
    ("El Güero del tianguis vende fruta a la salida.", []),
    ("No se permite comida china en la cooperativa.", []),
    ("Torta de pollo y agua de jamaica en la cooperativa.", []),
    # La Chata, un lugar: sin contexto, tras una preposición, con «tiene» o «sigue», o «La» con
    # mayúscula a media oración; y «los alumnos de la Chata» son de ahí.
    ("Visitamos la Chata, un paraje cerca de la comunidad.", []),
    ("A la Chata llega el agua en pipa.", []),
    ("En la Chata hizo mucho frío.", []),
    ("La Chata tiene agua potable desde marzo.", []),
    ("La Chata sigue sin agua.", []),
    ("Los alumnos de la Chata vienen caminando.", []),
    ("Las copias se sacan en la papelería La Güera, frente a la escuela.", []),
    # Dos apodos unidos con «y», o un apodo con un familiar (de una prueba como usuario nuevo):
    # el verbo en plural no está en la lista, pero la unión dice que son alumnos.
    ("La Güera y el Pelón faltaron tres días.", [("nombre", "Güera", ERROR), ("nombre", "Pelón", ERROR)]),
    ("Faltaron tres días el Chino y la Güera.", [("nombre", "Chino", ERROR), ("nombre", "Güera", ERROR)]),
    ("El Chino y su hermano faltaron.", [("nombre", "Chino", ERROR)]),
    # Tras una preposición o con mayúscula en el artículo, siguen siendo lugares.
    ("Compramos en La Chata y El Güero.", []),
    ("La comida china y la gringa del convivio.", []),
    # Personajes y títulos.
    ("Representación de Pinocho y Paco el Chato en el festival, grupos de 1° y 2°.", []),
    ("Lectura de guiones de «El Chapulín Colorado» en el club de teatro de 3°.", []),
])
def test_apodo_sin_grado(texto, esperado):
    assert _hallados(texto) == esperado


def test_el_informe_a_las_familias_tapa_el_apodo():
    texto = "El Chino no trajo la tarea; la mamá de la Flaca vino a la junta."
    assert enmascarar(texto, detectar(texto), INFORME) == (
        "El [nombre] no trajo la tarea; la mamá de la [nombre] vino a la junta.")
