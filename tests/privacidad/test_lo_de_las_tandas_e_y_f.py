"""Lo que las tandas ciegas E y F enseñaron (2026-11-30), como casos fijos: el detector entero
(``detectar``), con el personal de una Ruta."""

from __future__ import annotations

import pytest

from rutamejora.privacidad import detectar

PERSONAL = ("Martha Elena Quiroz Ibarra", "Rubén Ocampo Valdivia", "Rosa María Téllez Cuevas",
            "Ernesto Díaz Salas")


def _hallados(texto: str) -> list[tuple[str, str]]:
    return [(h.clase, h.texto) for h in detectar(texto, personal=PERSONAL)]


@pytest.mark.parametrize("texto, esperado", [
    # Un cargo al empezar el mensaje, con coma, es a quien se habla: el nombre que sigue es otro.
    ("profe, Emily dice q le duele el oído, ahorita paso por ella", [("nombre", "Emily")]),
    ("Buenas tardes maestra, Sofía no va a ir mañana", [("nombre", "Sofía")]),
    ("Maestra, Kevin ya trajo la tarea", [("nombre", "Kevin")]),
    # Sin ser el comienzo, el cargo con coma sigue diciendo quién es del personal.
    ("Reunión con el supervisor, Ernesto Díaz, y la ATP.", []),
    ("La directora, Rosa, presentó el plan.", []),
    ("Se acordó con la mtra. Martha Quiroz el horario.", []),
    # «de Doña …» es una persona; «soy …, mamá de …», sin artículo, también.
    ("lo de la hija de Doña Concha, la de 6°B, ya se habló", [("nombre", "Concha")]),
    ("Mtra soy Pilar, mamá de Santi el de 4°B", [("nombre", "Pilar"), ("nombre", "Santi")]),
    ("Soy Paz, una campaña contra la violencia", []),
    # Un apodo con su grupo después.
    ("Se comenta que la Güera de 2°B ya no viene en la tarde", [("nombre", "Güera")]),
    ("el papá güero de la foto", []),
    # Una palabra común con mayúscula entre dos nombres de una enumeración también es un nombre.
    ("Nivel esperado: Sofía, Abril, Leonardo; requiere apoyo: Yamileth.",
     [("nombre", "Sofía"), ("nombre", "Abril"), ("nombre", "Leonardo"), ("nombre", "Yamileth")]),
    ("Kevin, Paz y Lalo llegaron tarde", [("nombre", "Kevin"), ("nombre", "Paz"), ("nombre", "Lalo")]),
    ("Se midió en Enero, Febrero y Marzo.", []),
    ("Kevin, Mayo y Junio", [("nombre", "Kevin")]),
    # La inicial del nombre con el apellido, como en las listas de resultados.
    ("Palabras por minuto: J. Villanueva 22; M. Serrano 41; A. Cisneros 18.",
     [("nombre", "J. Villanueva"), ("nombre", "M. Serrano"), ("nombre", "A. Cisneros")]),
    ("Escuela Primaria B. Juárez, turno matutino", []),
    ("Esc. Prim. L. Cárdenas", []),
    ("Ver la pág. 12 de J. Piaget", []),
])
def test_nombres(texto, esperado):
    assert _hallados(texto) == esperado


@pytest.mark.parametrize("texto", [
    # Un número gratuito o de tarifa especial es de una institución, no de una familia.
    "Línea de la Vida 800 911 2000, Locatel y el DIF municipal",
    "Informes al 01 800 123 4567 de la SEP",
    # Un número de trámite no es un teléfono.
    "Se captura la reinscripción en SIGED con número de trámite 3315874420",
    # Fiestas religiosas que se escriben como nombres.
    "El 28 de octubre faltaron por la fiesta de San Judas Tadeo en el barrio.",
    "Se suspende artes por el festejo de la Inmaculada Concepción en la parroquia.",
])
def test_no_son_datos(texto):
    assert _hallados(texto) == []


def test_un_celular_de_una_familia_sigue_siendo_un_dato():
    assert _hallados("mi cel por si acaso 3317 20 58 14") == [("telefono", "3317 20 58 14")]
    assert _hallados("Cel. de la mamá: 55 1234 5678") == [("telefono", "55 1234 5678")]


def test_la_c_de_calle_no_es_una_inicial():
    assert _hallados("La familia vive en C. Hidalgo 23, col. Centro") == [
        ("domicilio", "C. Hidalgo 23, col. Centro")]


# De una prueba como usuario nuevo (2026-11-30): el personal de la Ruta se llama Laura y Julián.
CON_TOCAYOS = ("Laura Isabel Cortés Pineda", "Julián Soto Rivas")


@pytest.mark.parametrize("texto, esperado", [
    # «, la niña de 3°A» dice que es una alumna: una maestra Laura no la exime.
    ("Laura, la niña de 3°A, se cambió de escuela.", [("nombre", "Laura")]),
    ("Julián (el alumno) sigue sin venir.", [("nombre", "Julián")]),
    # Sin eso, es la maestra (o el maestro del grupo: «Julián de 6°B presentó…»).
    ("Laura presentó su planeación.", []),
    ("Julián de 6°B presentó el avance del grupo.", []),
    # El cargo no se vuelve apellido de la alumna que sigue.
    ("Profe Julián, Emily no trajo la tarea.", [("nombre", "Emily")]),
])
def test_el_personal_y_los_alumnos_con_el_mismo_nombre(texto, esperado):
    assert [(h.clase, h.texto) for h in detectar(texto, personal=CON_TOCAYOS)] == esperado


# De una segunda revisión con ojos nuevos (2026-11-30).
@pytest.mark.parametrize("texto", [
    # Un cargo con coma y un nombre con apellido es un rótulo, no a quien se habla.
    "Directora, Patricia Ramírez",
    "Supervisor, Ernesto Díaz Ramírez, dará seguimiento.",
    "Vo. Bo. Supervisor, Ernesto Salinas",
    # La inicial con su cargo delante, o de un autor.
    "Mtra. L. Hernández revisó el plan.",
    "Firma: Profr. J. Martínez García, director.",
    "la ATP M. Sánchez visitó la escuela",
    "Como señala M. Fernández (2010), la lectura se aprende leyendo.",
    "(M. Casanova, 2012)",
    "plantea J. Gimeno Sacristán",
    # Con apellido, «, el alumno de 5°A» es otra cosa de la lista: el maestro sigue eximido.
    "Se reunieron Julián Soto Rivas, el alumno de 5°A y su papá.",
])
def test_rotulos_autores_y_personal_no_son_alumnos(texto):
    assert [(h.clase, h.texto) for h in detectar(texto, personal=CON_TOCAYOS + ("Ernesto Díaz",))] == []


@pytest.mark.parametrize("texto, esperado", [
    # El teléfono de la escuela o de una institución, dicho así, no es de una familia.
    ("Teléfono de la escuela: 244 445 1234", []),
    ("Tel. de la Dirección 222 123 4567", []),
    ("Cel. del DIF municipal: 244 123 4567", []),
    ("Tel. de la mamá: 222 123 4567", [("telefono", "222 123 4567")]),
    ("Tel. de la escuela y de la mamá: 244 445 1234", [("telefono", "244 445 1234")]),
])
def test_el_telefono_de_una_institucion(texto, esperado):
    assert _hallados(texto) == esperado
