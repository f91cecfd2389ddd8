"""Casos difíciles del detector de privacidad, uno por uno, con el hallazgo exacto esperado.

Muchos son los del issue de privacidad (lo que se escapaba o se tomaba por alumno); los demás,
los bordes de cada regla de ``rutamejora.privacidad``.
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

from rutamejora.nucleo import AVISO, ERROR
from rutamejora.privacidad import (CODIGOS, INFORME, Hallazgo, detectar, enmascarar, iniciales,
                                   marcador)

RAIZ = Path(__file__).resolve().parents[2]
COLECTIVO = ("Rosa Elena Méndez Guzmán", "Laura Isabel Cortés Pineda", "Julián Herrera Campos")


def _hallados(texto: str, **opciones) -> list[tuple[str, str, str]]:
    return [(h.clase, h.texto, h.gravedad) for h in detectar(texto, **opciones)]


CASOS = [
    # Nombres en cualquier forma.
    ("El alumno Juan tiene diabetes y falta mucho", {},
     [("nombre", "Juan", ERROR), ("salud", "diabetes", ERROR)]),
    ("PÉREZ LÓPEZ JUAN (3° B), que tiene TDAH", {},
     [("nombre", "PÉREZ LÓPEZ JUAN", ERROR), ("salud", "TDAH", ERROR)]),
    ("Pérez López, Juan: canalizar por epilepsia", {},
     [("nombre", "Pérez López, Juan", ERROR), ("salud", "epilepsia", ERROR)]),
    ("Sofía Ramírez", {}, [("nombre", "Sofía Ramírez", ERROR)]),
    # Una lista escolar: cada alumno, aunque sus palabras sean también palabras comunes.
    ("Citar a MARTINEZ LOPEZ DANIELA, ROJAS PEREZ ANGEL.", {},
     [("nombre", "MARTINEZ LOPEZ DANIELA", ERROR), ("nombre", "ROJAS PEREZ ANGEL", ERROR)]),
    ("alexa jimenez y dana lópez de 3°A se pelearon", {},
     [("nombre", "alexa jimenez", ERROR), ("nombre", "dana lópez", ERROR)]),
    ("María de la Luz Gómez faltó", {}, [("nombre", "María de la Luz Gómez", ERROR)]),
    ("evidencias/lectura_jose_luis_paredes_4B.jpg", {},
     [("nombre", "jose_luis_paredes", ERROR)]),
    ("Felicidades a Leo del 5° A", {}, [("nombre", "Leo", ERROR)]),
    ("Hoy faltaron Kevin, Brayan y Yoselin.", {},
     [("nombre", "Kevin", ERROR), ("nombre", "Brayan", ERROR), ("nombre", "Yoselin", ERROR)]),
    ("Se perdió la sudadera de Carlitos en la cancha.", {}, [("nombre", "Carlitos", ERROR)]),
    ("Benito Juárez López no trajo la tarea", {}, [("nombre", "Benito Juárez López", ERROR)]),
    ("Cuento escrito por Valeria Soto, alumna de 5° A", {}, [("nombre", "Valeria Soto", ERROR)]),
    # Donde van códigos, cualquier nombre suelto, diminutivo o apodo.
    ("[Juanito, Lupita]", {"contexto": CODIGOS},
     [("nombre", "Juanito", ERROR), ("nombre", "Lupita", ERROR)]),
    ("[PEREZ LOPEZ JUAN CARLOS, HERNÁNDEZ CRUZ ANA]", {"contexto": CODIGOS},
     [("nombre", "PEREZ LOPEZ JUAN CARLOS", ERROR), ("nombre", "HERNÁNDEZ CRUZ ANA", ERROR)]),
    ("[A-2025-014, la Flaca, pendiente]", {"contexto": CODIGOS}, [("nombre", "la Flaca", ERROR)]),
    ("[A-2025-014, A-2025-021]", {"contexto": CODIGOS}, []),
    # El personal de la escuela: permitido, aunque un alumno comparta su apellido.
    ("La maestra Laura Cortés coordina la feria con el alumno Pedro Sánchez de 5°A",
     {"personal": COLECTIVO}, [("nombre", "Pedro Sánchez", ERROR)]),
    ("Rosa Elena Méndez y Juan Méndez", {"personal": COLECTIVO}, [("nombre", "Juan Méndez", ERROR)]),
    ("Julián y Rosa Elena revisan las libretas", {"personal": COLECTIVO}, []),
    ("Lupita Morales y Pepe Herrera coordinan la feria",
     {"personal": ("Guadalupe Morales Tepox", "José Herrera")}, []),
    ("Lupita Morales y Pepe Ruiz coordinan la feria",
     {"personal": ("Guadalupe Morales Tepox", "José Herrera")}, [("nombre", "Pepe Ruiz", ERROR)]),
    ("La supervisora, Mtra. Adriana Gallegos, visitará la escuela", {}, []),
    # Tocayos: autores, héroes, escuelas, calles, programas y lugares.
    ("recursos: [Libros de Francisco Hinojosa y Gabriel García Márquez]", {}, []),
    ('Escuela "Carmen Serdán", calle Benito Juárez, programa Leona Vicario', {}, []),
    ("Periódico mural sobre Sor Juana y Cuauhtémoc", {}, []),
    ("Material de Jean Piaget y Lev Vygotsky", {}, []),
    ("Viaje de estudios a Guadalupe, Zacatecas", {}, []),
    ("Ruta escolar: colonias Santa María, San Francisco y El Carmen.", {}, []),
    ("Responsables: EDU1 y EDU2", {}, []),
    ("Marco local de convivencia escolar", {}, []),
    ("CONVIVENCIA ESCOLAR SANA Y PACÍFICA.", {}, []),
    # Datos con dígitos en cualquier forma.
    ("curp pelj150312hplrpna6", {}, [("curp", "pelj150312hplrpna6", ERROR)]),
    ("RFC PELJ150312AB1 y PELJ150312", {},
     [("rfc", "PELJ150312AB1", ERROR), ("rfc", "PELJ150312", ERROR)]),
    ("tel 22 21 23 45 67", {}, [("telefono", "22 21 23 45 67", ERROR)]),
    ("cel. (222) 314-5587 / +52 1 999 123 4455 / 55.4321.8876", {},
     [("telefono", "(222) 314-5587", ERROR), ("telefono", "+52 1 999 123 4455", ERROR),
      ("telefono", "55.4321.8876", ERROR)]),
    ("# contacto: j*** / 222 123 4567 / CURP PELJ150312HPLRPNA6", {},
     [("telefono", "222 123 4567", ERROR), ("curp", "PELJ150312HPLRPNA6", ERROR)]),
    ("Correo de la mamá: Lupita.Olvera84@hotmail.com", {},
     [("correo", "Lupita.Olvera84@hotmail.com", ERROR)]),
    ("Porcentajes: 45 50 55 60 65; folio 2026-118; oficio 0123/2025", {}, []),
    ("CCT 21DPR0487A; $55,000.00; 2025-08-27; sesión 3 de 8:00 a 12:30", {}, []),
    ("Número de control de la factura: 2024150387", {}, []),
    # Salud: error con nombre o código, aviso con alumnos concretos, nada si es general.
    ("A-2025-014, A-2025-015: un alumno con diagnóstico de TDAH y otra con autismo", {},
     [("salud", "TDAH", ERROR), ("salud", "autismo", ERROR)]),
    ("un alumno con diagnóstico de TDAH y otra con autismo", {},
     [("salud", "TDAH", AVISO), ("salud", "autismo", AVISO)]),
    ("tres alumnas de 2° A con asma", {}, [("salud", "asma", AVISO)]),
    ("Se citó a la mamá de Omar Díaz. El niño tiene asma severa.", {},
     [("nombre", "Omar Díaz", ERROR), ("salud", "asma", ERROR)]),
    ("La USAER atiende a 3 alumnos con TDAH en toda la escuela.", {}, []),
    ("Si un alumno presenta convulsiones, llamar al 911.", {}, []),
    ("Campaña de vacunación; la diabetes en México, tema de Ciencias.", {}, []),
    ("Plática sobre prevención del embarazo adolescente para los grupos de 3°.", {}, []),
    ("En 5° A se presentaron 6 casos de acoso escolar entre los alumnos.", {}, []),
    # Lo que apareció al conectar el detector a las salidas reales (mensajes, comentarios y
    # líneas de YAML): el nombre entero, aunque un apellido no esté en el catálogo; una fecha
    # nunca es un teléfono; el paréntesis que cierra no es del número.
    ("mamá de Ximena Robles Cházaro, CURP", {}, [("nombre", "Ximena Robles Cházaro", ERROR)]),
    ("Llamar a la mamá de Pamela Ugalde Rosales", {}, [("nombre", "Pamela Ugalde Rosales", ERROR)]),
    ("Préstamo a Montes Iturbide, Renata (cel. 55 4812 9037)", {},
     [("nombre", "Montes Iturbide, Renata", ERROR), ("telefono", "55 4812 9037", ERROR)]),
    ("Karen Soto, Luis Enrique Pérez y Jared", {},
     [("nombre", "Karen Soto", ERROR), ("nombre", "Luis Enrique Pérez", ERROR),
      ("nombre", "Jared", ERROR)]),
    ("#     (numero, medido el 2025-07-11)", {}, []),
    ("tel. 15/03/2026", {}, []),
    # Un mensaje de la herramienta: sus comillas son de la cita, no de un título.
    ("--accion: no hay ninguna acción con id «Pamela Ugalde».", {"contexto": "mensaje"},
     [("nombre", "Pamela Ugalde", ERROR)]),
    # Fuera de un mensaje, un nombre de pila solo entre comillas (con el apellido que el
    # catálogo no trae) también es de alguien, desde diciembre de 2026 (``obras.persona_citada``).
    ("--accion: no hay ninguna acción con id «Pamela Ugalde».", {}, [("nombre", "Pamela Ugalde", ERROR)]),
    ('Visita a la Escuela "Leona Vicario"', {"contexto": "mensaje"}, []),
    # Lo que encontró una revisión con ojos nuevos (noviembre de 2026).
    # Un punto cierra la oración: lo que sigue ya no es del cargo ni del lugar de antes.
    ("Se acordó con cada docente. Kevin Pérez Soto faltó cinco días.", {},
     [("nombre", "Kevin Pérez Soto", ERROR)]),
    ("Tratados con respeto en la escuela. Kevin Pérez Soto no.", {},
     [("nombre", "Kevin Pérez Soto", ERROR)]),
    ("La Mtra. Rosa Elena dio la clase; el Dir. Julián Herrera la observó.", {}, []),
    ("Escuela Primaria Col. Guadalupe Victoria", {}, []),
    # Un nombre de pila a secas no es del personal aunque haya una tocaya en el colectivo; con
    # su cargo o con sus apellidos, sí.
    ("Laurita ya lee de corrido, felicitar a la familia.", {"personal": COLECTIVO},
     [("nombre", "Laurita", ERROR)]),
    ("La maestra Laurita expuso los resultados.", {"personal": COLECTIVO}, []),
    ("Laura Cortés y Julián Herrera Campos expusieron.", {"personal": COLECTIVO}, []),
    # Lo que no es un alumno: figuras de las fiestas y de los cuentos. Un adulto con «Don» sí
    # cuenta (el corpus etiqueta «preguntar por Don Lupe» como dato: es el nombre de alguien).
    ("Posada del 19 de diciembre, cada grupo arrulla al Niño Dios.", {}, []),
    ("Los de 1° van de Caperucita Roja y Blanca Nieves.", {}, []),
    ("Se compraron los balones con Don Pancho, el de la tienda.", {}, [("nombre", "Pancho", ERROR)]),
    ("El grupo de 5° fue de excursión a la presa.", {}, []),  # una presa de agua
    ("Kevin se cortó los brazos, se avisó a la mamá.", {},
     [("nombre", "Kevin", ERROR), ("salud", "se cortó los brazos", ERROR)]),
    ("La niña anda muy triste desde el lunes.", {}, []),
    # Una fecha con su hora no es un teléfono (4-2-2-2 cifras); con «tel.» delante, sí.
    ("inicio: 2025-09-08 10:00:00", {}, []),
    ("fecha_limite: 2026-06-19 13:30", {}, []),
    ("tel. 2025 09 08 10", {}, [("telefono", "2025 09 08 10", ERROR)]),
    # Un monto con «$» no es un teléfono, ni con «[teléfono]» (un marcador) cerca.
    ("F2 Cuotas (tesorera la mamá de [nombre: B.], [teléfono]): $18000.00", {}, []),
    # Correos dictados y situaciones familiares como se escriben en las actas.
    ("Correo de la mamá: ximena.lopez arroba gmail punto com", {},
     [("correo", "ximena.lopez arroba gmail punto com", ERROR)]),
    ("Kevin de 4°A: sus papás se están divorciando.", {},
     [("nombre", "Kevin", ERROR), ("salud", "se están divorciando", ERROR)]),
    # Un nombre que el catálogo no trae, tras un familiar o «el caso de» (como tras «el alumno»).
    ("la mamá de Yaritzel no quiere que la valore la USAER", {}, [("nombre", "Yaritzel", ERROR)]),
    ("Se cita a los papás de Eliasib por sus faltas.", {}, [("nombre", "Eliasib", ERROR)]),
    ("El caso de Xochiquetzal se turnó a la supervisión.", {}, [("nombre", "Xochiquetzal", ERROR)]),
    ("La abuelita de Tlanextli firmó la boleta.", {}, [("nombre", "Tlanextli", ERROR)]),
    ("Reunión de la Asociación de Padres de Familia el viernes.", {}, []),
    ("En caso de Emergencia, llamar a Protección Civil.", {}, []),
    # Una palabra con mayúscula que no es un nombre, tras un familiar o «caso de».
    ("Los papás de Tercero apoyan; se revisó el caso de Matemáticas en el CTE.", {}, []),
    ("El caso de Español y el de Ciencias Naturales se ven en la sesión 3.", {}, []),
    ("Protocolo en caso de Sismo; un caso de Dengue en la comunidad.", {}, []),
    ("Las mamás de Preescolar y los padres de Nuevo Ingreso; Abuelos de Corazón.", {}, []),
    ("La ficha de derivación de A-2025-014 va anexada al oficio.", {}, []),
    ("El papá de A-2025-014 está anexado desde marzo.", {}, [("salud", "está anexado", ERROR)]),
    ("Video de Checo Pérez en la clase de física.", {}, []),
    # Una coma o un «para» cierran el lugar o la obra de antes; un familiar antes de un cargo no
    # es el personal; la familia por sus apellidos.
    ("En la biblioteca de la escuela, Kevin Pérez Soto se desmayó por su diabetes.", {},
     [("nombre", "Kevin Pérez Soto", ERROR), ("salud", "se desmayó", ERROR),
      ("salud", "diabetes", ERROR)]),
    ("Diagnóstico del CAM para Ian Salvador Chávez con discapacidad auditiva.", {},
     [("nombre", "Ian Salvador Chávez", ERROR), ("salud", "discapacidad auditiva", ERROR)]),
    # Un título con mayúsculas antes del «para» sigue siendo el título, no otra cosa.
    ("El taller Escuela para Padres con la psicóloga Mariana Ortiz Cruz.", {}, []),
    ("Leímos el cuento Un regalo para Sofía de Ana María Machado.", {}, []),
    ("Leímos un cuento del autor oaxaqueño, Andrés Henestrosa Morales.", {}, []),
    # Un familiar «de» un cargo con coma es un pariente; sin coma, el cargo es la persona.
    ("Los alumnos de la maestra Rosa María López leyeron en voz alta.", {}, []),
    ("La mamá de la maestra Rosa Pérez falleció; se le dio el pésame.", {}, []),
    ("Libros de Francisco Hinojosa, Gabriel García Márquez y Juan Rulfo.", {}, []),
    ("El hijo del síndico, Mateo Castañeda, tiene TDAH.", {},
     [("nombre", "Mateo Castañeda", ERROR), ("salud", "TDAH", ERROR)]),
    ("Mamá: Ing. Sandra Pérez López.", {}, [("nombre", "Sandra Pérez López", ERROR)]),
    ("Reunión con la directora, Rosa Elena Méndez, y la miss Karla Pérez.", {}, []),
    ("La familia Pérez López tiene un hijo con autismo.", {},
     [("nombre", "Pérez López", ERROR), ("salud", "autismo", ERROR)]),
    ("Visita a Santiago Jamiltepec, Oaxaca.", {}, []),
    ("Se canaliza a Erick Obed al CAPA por consumo de marihuana.", {},
     [("nombre", "Erick Obed", ERROR), ("salud", "consumo de marihuana", ERROR)]),
    # Diminutivos y nombres de moda de las actas.
    ("Deysi y Regi faltaron toda la semana.", {}, [("nombre", "Deysi", ERROR), ("nombre", "Regi", ERROR)]),
    ("El caso más grave fue el de Vane (6°B), que además está embarazada.", {},
     [("nombre", "Vane", ERROR), ("salud", "embarazada", ERROR)]),
    ("Viví en Puebla tres años antes de llegar a esta escuela.", {}, []),
    # «Toño» plegado es «tono», una palabra común: con su ñ es un nombre.
    ("A Toño lo golpea el padrastro.", {}, [("nombre", "Toño", ERROR), ("salud", "lo golpea", ERROR)]),
    ("La Toña de 3°A faltó toda la semana.", {}, [("nombre", "Toña", ERROR)]),
    ("El tono de voz y el tonito burlón también cuentan en la convivencia.", {}, []),
    # Otros datos sensibles, ligados a alguien (y no dichos en general).
    ("A-2025-021 es trans y pide que lo llamen por otro nombre.", {}, [("salud", "es trans", ERROR)]),
    ("La familia de A-2025-003 es testigo de Jehová y no participa en los honores.", {},
     [("salud", "testigo de Jehová", ERROR)]),
    ("Hay familias sin papeles, como la de Osiel.", {},
     [("salud", "sin papeles", ERROR), ("nombre", "Osiel", ERROR)]),
    ("El papá de A-2025-009 fue detenido el sábado.", {}, [("salud", "detenido", ERROR)]),
    ("Plática sobre identidad de género para los grupos de 6°.", {}, []),
    ("Las familias jornaleras migrantes regresan en noviembre.", {}, []),
    # Autoridades del municipio y artistas: adultos, no alumnos.
    ("Gestión con el regidor de Educación Marco Antonio Díaz Pérez para el transporte.", {}, []),
    ("Oficio al Presidente Municipal Guillermo Velázquez Ruiz.", {}, []),
    ("El agente municipal Pedro Ramírez prestó el salón ejidal.", {}, []),
    ("Juego de la Lotería con María Félix y Pedro Infante.", {}, []),
]


@pytest.mark.parametrize("texto, opciones, esperado", CASOS, ids=[c[0][:50] for c in CASOS])
def test_caso(texto, opciones, esperado):
    assert _hallados(texto, **opciones) == esperado


def test_un_hallazgo_dice_donde_esta():
    texto = "Tel. de la mamá de Kenia: 246 112 7834"
    hallados = detectar(texto)
    assert hallados == [Hallazgo("nombre", 19, 24, "Kenia"),
                        Hallazgo("telefono", 26, 38, "246 112 7834")]
    assert all(texto[h.inicio:h.fin] == h.texto for h in hallados)


def test_mayusculas_y_acentos_dan_igual():
    for texto in ("Sofía Ramírez", "SOFIA RAMIREZ", "sofia ramirez", "Sofia Ramirez"):
        assert [h.clase for h in detectar(texto)] == ["nombre"], texto


def test_texto_vacio_y_sin_datos():
    assert detectar("") == []
    assert detectar("Reducir de 12% a 5% el ausentismo en 4°, 5° y 6° para julio de 2026.") == []


# --- Enmascarar -------------------------------------------------------------------------------


def test_enmascarar_para_quien_escribe_y_para_las_familias():
    texto = "El alumno Juan Pérez López tiene TDAH, tel. 222 123 4567, CURP PELJ150312HPLRPNA6."
    hallados = detectar(texto)
    assert enmascarar(texto, hallados) == (
        "El alumno [nombre: J. P. L.] tiene [salud], tel. [teléfono], CURP [CURP].")
    assert enmascarar(texto, hallados, "github") == enmascarar(texto, hallados, "json")
    assert enmascarar(texto, hallados, INFORME) == (
        "El alumno [nombre] tiene [salud], tel. [teléfono], CURP [CURP].")


def test_enmascarar_correo_y_rfc_y_el_resto_queda():
    texto = "Factura a RFC PERJ8506125K3, enviar a papa_de_mateo@gmail.com hoy"
    assert enmascarar(texto, detectar(texto)) == "Factura a RFC [RFC], enviar a [correo] hoy"


def test_enmascarar_une_hallazgos_encimados():
    texto = "Juan Pérez"
    hallados = [Hallazgo("nombre", 0, 4, "Juan"), Hallazgo("nombre", 2, 10, "an Pérez")]
    assert enmascarar(texto, hallados) == "[nombre: J. P.]"


def test_enmascarar_destino_desconocido():
    with pytest.raises(ValueError):
        enmascarar("x", [], "pantalla")


@pytest.mark.parametrize("nombre, esperado", [
    ("Pérez López, Juan", "P. L. J."),
    ("María de la Luz Gómez", "M. L. G."),
    ("ángel gabriel", "Á. G."),
    ("jose_luis_paredes", "J. L. P."),
    ("el Güero", "G."),
])
def test_iniciales(nombre, esperado):
    assert iniciales(nombre) == esperado
    assert marcador(Hallazgo("nombre", 0, len(nombre), nombre)) == f"[nombre: {esperado}]"
    assert marcador(Hallazgo("nombre", 0, len(nombre), nombre), INFORME) == "[nombre]"


# --- La capa ----------------------------------------------------------------------------------


def test_el_paquete_solo_importa_nucleo_catalogos_y_la_biblioteca_estandar():
    permitidos = ("rutamejora.nucleo", "rutamejora.catalogos", "rutamejora.privacidad")
    for archivo in sorted((RAIZ / "rutamejora" / "privacidad").glob("*.py")):
        for nodo in ast.walk(ast.parse(archivo.read_text(encoding="utf-8"))):
            if isinstance(nodo, ast.Import):
                modulos = [a.name for a in nodo.names]
            elif isinstance(nodo, ast.ImportFrom) and nodo.level == 0:
                modulos = [nodo.module]
            else:
                continue
            for modulo in modulos:
                raiz = modulo.split(".")[0]
                assert modulo.startswith(permitidos) or raiz in sys.stdlib_module_names \
                    or raiz == "__future__", f"{archivo.name} importa {modulo}"
