"""Cuatro huecos de privacidad cerrados el 30 de noviembre de 2026, con el hallazgo exacto y el
texto enmascarado que esperan, y los textos parecidos que no deben dar alarma:

1. el apodo entre comillas dentro del nombre («Pedro "el Chino" Ruiz»): un solo tramo;
2. los apodos que el catálogo ``[apodo]`` no trae («el Mayo», «la Yuyis»), solo con lo que dice
   sin duda que es un alumno (no «el Tesorero entregó cuentas», «la Profeco vino»);
3. un apodo y su detalle de salud («el Chino tiene asma»), sin «el Chino tiene razón»;
4. un nombre de pila del catálogo solo entre comillas («el video de "Sofía"»), sin títulos,
   personajes, papeles, mascotas, lugares, exámenes ni lo que sigue a una palabra de obra.

Sus tandas etiquetadas (``tests/datos/privacidad/ciega_apodo*.yaml`` y
``ciega_nombre_citado.yaml``) y la negativa (``negativa_apodos_y_citas.yaml``) las fija
``test_tandas_ciegas.py``."""

from __future__ import annotations

import pytest

from rutamejora.nucleo import ERROR
from rutamejora.privacidad import INFORME, TERMINAL, detectar, enmascarar


def _hallados(texto: str) -> list[tuple[str, str, str]]:
    return [(h.clase, h.texto, h.gravedad) for h in detectar(texto)]


@pytest.mark.parametrize("texto, esperado, enmascarado", [
    ('Pedro "el Chino" Ruiz no trajo la tarea.',
     [("nombre", 'Pedro "el Chino" Ruiz', ERROR)], "[nombre] no trajo la tarea."),
    ("Se citó a la mamá de José Luis «el Chapo» Martínez López.",
     [("nombre", "José Luis «el Chapo» Martínez López", ERROR)], "Se citó a la mamá de [nombre]."),
    ("Uriel (el Chino) Vázquez faltó.", [("nombre", "Uriel (el Chino) Vázquez", ERROR)], "[nombre] faltó."),
    ('El alumno Jesús "Chuy" Ramírez no entregó la maqueta.',
     [("nombre", 'Jesús "Chuy" Ramírez', ERROR)], "El alumno [nombre] no entregó la maqueta."),
    # Un nombre de pila que es palabra común («Ángel») solo no cuenta: con su apodo, sí.
    ("Ángel «el Gordo» Hernández Cruz volvió a faltar.",
     [("nombre", "Ángel «el Gordo» Hernández Cruz", ERROR)], "[nombre] volvió a faltar."),
    # Al final, sin apellidos: con su artículo.
    ('En el recreo Omar Salinas "el Chato" empujó a una compañera.',
     [("nombre", 'Omar Salinas "el Chato"', ERROR)], "En el recreo [nombre] empujó a una compañera."),
    # Sin caja, los apellidos del catálogo.
    ('se habló con la abuelita de kevin "el negro" perez',
     [("nombre", 'kevin "el negro" perez', ERROR)], "se habló con la abuelita de [nombre]"),
    # Un título citado después del nombre, o un paréntesis sin apodo: solo el nombre.
    ('Valeria Gómez "Mi familia" (dibujo de 1° A), primer lugar.',
     [("nombre", "Valeria Gómez", ERROR)], '[nombre] "Mi familia" (dibujo de 1° A), primer lugar.'),
    ("Kevin (la mamá) vino a la junta.", [("nombre", "Kevin", ERROR)], "[nombre] (la mamá) vino a la junta."),
    ('Kevin leyó "El Pollito Pío" en voz alta.', [("nombre", "Kevin", ERROR)],
     '[nombre] leyó "El Pollito Pío" en voz alta.'),
    # El personal con su apodo sigue siendo el personal.
    ('El profesor Jorge "el de inglés" Pineda organizó el torneo.', [],
     'El profesor Jorge "el de inglés" Pineda organizó el torneo.'),
])
def test_el_apodo_citado_va_con_el_nombre(texto, esperado, enmascarado):
    hallazgos = detectar(texto, personal=("Jorge Alberto Pineda Ruiz",))
    assert [(h.clase, h.texto, h.gravedad) for h in hallazgos] == esperado
    assert enmascarar(texto, hallazgos, INFORME) == enmascarado


def test_el_marcador_de_la_terminal_lleva_las_iniciales_del_tramo_entero():
    texto = 'Pedro "el Chino" Ruiz no trajo la tarea.'
    assert enmascarar(texto, detectar(texto), TERMINAL) == "[nombre: P. C. R.] no trajo la tarea."


@pytest.mark.parametrize("texto, esperado", [
    # Lo que solo hace o se le hace a un alumno, quién va antes, un grado y lo que hace, otro
    # apodo con «y».
    ("El Mayo faltó tres días seguidos.", [("nombre", "Mayo", ERROR)]),
    ("El Chemo se salió del salón sin permiso.", [("nombre", "Chemo", ERROR)]),
    ("A la Yuyis la regañaron en la formación.", [("nombre", "Yuyis", ERROR)]),
    ("Al Pipo lo suspendieron tres días.", [("nombre", "Pipo", ERROR)]),
    ("Al Chino le quitaron el celular.", [("nombre", "Chino", ERROR)]),
    ("La mamá de la Pecas pidió cambio de grupo.", [("nombre", "Pecas", ERROR)]),
    ("La Moñitos de 2° A lloró toda la mañana.", [("nombre", "Moñitos", ERROR)]),
    ("Le dicen la Mimí y ya no quiere venir.", [("nombre", "Mimí", ERROR)]),
    ("La Yuyis y el Mayo faltaron.", [("nombre", "Yuyis", ERROR), ("nombre", "Mayo", ERROR)]),
    ("el Toño no entrega tareas", [("nombre", "Toño", ERROR)]),
    # Un mes, una fecha, una oficina, un órgano, un evento, un lugar, un personaje.
    ("El mayo pasado se aplicó la prueba SisAT.", []),
    ("El 5 de mayo desfilan los grupos de 5° y 6°.", []),
    ("Desfile del 5 de Mayo: participan 4° A y 4° B.", []),
    ("La Dirección entrega los uniformes el viernes.", []),
    ("La Supervisión dijo que la visita será en marzo.", []),
    ("El Ayuntamiento entregó pintura para la barda.", []),
    ("El Consejo Técnico acordó revisar las metas.", []),
    ("El Festival de 6° se pasa al viernes.", []),
    ("La Guelaguetza de 4° A fue un éxito.", []),
    ("A la Marquesa fuimos de excursión con 6°.", []),
    ("En la Huasteca llueve mucho en septiembre.", []),
    ("La Malinche dice la leyenda que lloraba.", []),
    # Sin caja, un apodo que el catálogo no trae no se distingue de la palabra («el grupo llegó»).
    ("el grupo llegó tarde a la ceremonia", []),
    # Lo que también hace o se le hace a un cargo, una dependencia o una cosa no basta: una
    # falsa alarma bloquea ``ruta validar``. Se pierde «el Tacho no entregó el proyecto».
    ("El Mayo no entrega tareas.", []),
    ("En el consejo, el Tesorero entregó cuentas y la Profeco vino a dar una plática.", []),
    ("La Sedena vino a dar una plática sobre el Plan DN-III.", []),
    ("El Bibliobús llegó el martes.", []),
    ("Al Sindicato le mandaron el oficio.", []),
    ("A la Profeco le mandaron la queja.", []),
    ("La Conagua faltó a la reunión.", []),  # la forma de una sigla
    ("El Contingente de 6° desfiló el 20 de noviembre.", []),
    ("La Tuza entregó los uniformes.", []),
])
def test_apodo_que_el_catalogo_no_trae(texto, esperado):
    assert _hallados(texto) == esperado


@pytest.mark.parametrize("texto, esperado", [
    ("El Chino tiene asma.", [("nombre", "Chino", ERROR), ("salud", "asma", ERROR)]),
    ("La Güera está embarazada, según nos contó su tía.",
     [("nombre", "Güera", ERROR), ("salud", "embarazada", ERROR)]),
    ("Dicen que el Pollo está en tratamiento por ansiedad.",
     [("nombre", "Pollo", ERROR), ("salud", "ansiedad", ERROR)]),
    ("EL CHAPARRO TIENE DISCAPACIDAD INTELECTUAL",
     [("nombre", "CHAPARRO", ERROR), ("salud", "DISCAPACIDAD INTELECTUAL", ERROR)]),
    # Un apodo que el catálogo no trae, hallado desde el término (``apodos.sujeto_de``).
    ("El Tacho tiene convulsiones.", [("nombre", "Tacho", ERROR), ("salud", "convulsiones", ERROR)]),
    # Dos términos tras el mismo apodo: el apodo, una vez.
    ("El Tacho toma medicamento para la epilepsia.",
     [("nombre", "Tacho", ERROR), ("salud", "medicamento", ERROR), ("salud", "epilepsia", ERROR)]),
    # Sin detalle de salud, o con otra cosa entre el apodo y el término: nada.
    ("El Chino tiene razón: hace falta material.", []),
    ("El Güero tiene mucha paciencia con los de primero.", []),
    ("La Chata tiene casos de dengue, avisó el centro de salud.", []),
    ("Campaña contra el asma en la colonia El Chino.", []),
    ("El Consejo tiene la diabetes como tema del mes.", []),
])
def test_apodo_con_su_detalle_de_salud(texto, esperado):
    assert _hallados(texto) == esperado


@pytest.mark.parametrize("texto, esperado", [
    ('Vimos el video de "Sofía".', [("nombre", "Sofía", ERROR)]),
    ("Evidencia: foto de «Camila» leyendo en la biblioteca.", [("nombre", "Camila", ERROR)]),
    ('Se entregó el reconocimiento a "Emiliano".', [("nombre", "Emiliano", ERROR)]),
    ('La tarea de "Santiago" vino firmada por su abuelo.', [("nombre", "Santiago", ERROR)]),
    # Uno que el catálogo no trae no cuenta: tras «de» va también una película, un lugar o un
    # examen («el video de "Encanto"»). Se pierde «la carta de "Yaritzel"».
    ('La carta de "Yaritzel" ganó el concurso.', []),
    ('Vimos el video de "Encanto" en la clase de valores.', []),
    ('La maqueta de "Teotihuacán" quedó en la dirección.', []),
    ('El examen de "Planea" se aplicó en junio.', []),
    # Tras «de», solo tras una cosa de un alumno, y no un personaje ni con su apellido después.
    ('El concurso de "Sofía" fue en marzo.', []),
    ('El dibujo de "Frida" ganó el concurso.', []),
    ('El dibujo de "Benito" Juárez se expuso en marzo.', []),
    # Títulos, papeles, mascotas, huracanes, negocios, palabras citadas, personajes, asignaturas.
    ('Le tocó el papel de "María" en la pastorela.', []),
    ('Leímos el cuento "Matilda" en voz alta.', []),
    ('La canción "Valentina" la bailaron los de 6°.', []),
    ('El perrito "Max" de la escuela ya tiene sus vacunas.', []),
    ('El huracán "Erick" obligó a suspender clases.', []),
    ('La tienda "Lupita" nos donó los premios.', []),
    ('La palabra "Sofía" significa sabiduría.', []),
    ('Proyecto comunitario "Tonatiuh": huerto escolar.', []),
    ('El examen de "Español" se aplicó el lunes.', []),
    ('La carta de "Colón" a los Reyes Católicos.', []),
    ('Se leyó "Emilio" de Rousseau en el taller.', []),
])
def test_nombre_de_pila_solo_entre_comillas(texto, esperado):
    assert _hallados(texto) == esperado
