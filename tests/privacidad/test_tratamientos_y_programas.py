"""Nombres que antes pasaban en claro y frases que antes daban falsas alarmas, de dos tandas
ciegas (ver ``test_tandas_ciegas.py``): el nombre tras un tratamiento o un familiar, el que
recibe una beca o un premio, las instituciones y los municipios con su estado, y detalles de
salud que el catálogo no traía."""

from __future__ import annotations

import pytest

from rutamejora.nucleo.problemas import AVISO, ERROR
from rutamejora.privacidad import detectar

PERSONAL = ("Norma Angélica Salinas Vera", "Marisela Contreras Ibarra")


def _hallados(texto: str) -> list[tuple[str, str, str]]:
    return [(h.clase, h.texto, h.gravedad) for h in detectar(texto, personal=PERSONAL)]


@pytest.mark.parametrize("texto, esperado", [
    # Un nombre que también es palabra común, tras un tratamiento, un familiar o «soy».
    ("Se pidió apoyo a doña Rosa, mamá de un alumno de 2°", [("nombre", "Rosa", ERROR)]),
    ("Se pidió apoyo a la Sra. Luz para la kermés", [("nombre", "Luz", ERROR)]),
    ("La mamá Rocío pidió informes", [("nombre", "Rocío", ERROR)]),
    ("la tía Paz firmó la boleta", [("nombre", "Paz", ERROR)]),
    ("Don Ángel, abuelo de Mateo, trajo la pintura",
     [("nombre", "Ángel", ERROR), ("nombre", "Mateo", ERROR)]),
    ("ACUERDO 5.- SE CITARÁ A LA SRA. DOLORES ESPINOZA PARA TRATAR ASUNTO DE CONDUCTA.",
     [("nombre", "DOLORES ESPINOZA", ERROR)]),
    ("Mtra. soy Mercedes la mamá de Derek", [("nombre", "Mercedes", ERROR), ("nombre", "Derek", ERROR)]),
    # Quien recibe una beca o un premio no es el nombre del programa.
    ("Se otorgó beca a Kevin Ramírez", [("nombre", "Kevin Ramírez", ERROR)]),
    ("Se otorgó el premio a Valeria Núñez", [("nombre", "Valeria Núñez", ERROR)]),
    ("Se otorgó la Beca Rita Cetina a Kevin Soto", [("nombre", "Kevin Soto", ERROR)]),
    ("Se gestionó la beca Benito Juárez para Yatziri Ruiz Santiago, que es huérfana.",
     [("nombre", "Yatziri Ruiz Santiago", ERROR), ("salud", "huérfana", ERROR)]),
    # Un nombre de pila compuesto no es el héroe cuyo nombre completo lo contiene.
    ("# pendiente: pedir al papá de María José (5°B) la constancia", [("nombre", "María José", ERROR)]),
    ("El alumno José María no vino", [("nombre", "José María", ERROR)]),
    # El grado de la escuela antes, con coma, no vuelve título al nombre; «, la niña de 2°» después.
    ("En 2° de preescolar, Mateo usa pañal todavía.", [("nombre", "Mateo", ERROR)]),
    ("Victoria, la niña de 2° del kínder, llega sin desayunar",
     [("nombre", "Victoria", ERROR), ("salud", "sin desayunar", ERROR)]),
])
def test_nombres_que_se_escapaban(texto, esperado):
    assert _hallados(texto) == esperado


@pytest.mark.parametrize("texto", [
    "En preescolar jugamos a la Doña Blanca en el patio",
    "Cantamos con Papá Noel en la posada",
    "Se realizó la campaña de vacunación con el Centro de Salud Guadalupe.",
    "SE CANALIZÓ AL CENTRO DE SALUD GUADALUPE PARA LA VACUNACIÓN",
    "Visita al museo de Guadalupe, Zac., con los grupos de 5°",
    "Que los alumnos de 6° identifiquen el legado de Benito Juárez, Lázaro Cárdenas y Emiliano Zapata.",
    "Representación de Pinocho y Paco el Chato en el festival de fin de ciclo.",
    "Becas Benito Juárez para secundaria",
    "Homenaje a Miguel Hidalgo y a José María Morelos",
    "Escuela Guadalupe Victoria",
    "Semana Nacional de Salud: plática sobre la diabetes",
    "Se habló con la Sra. Marisela Contreras",
])
def test_lo_que_no_nombra_a_nadie(texto):
    assert _hallados(texto) == []


@pytest.mark.parametrize("texto, esperado", [
    ("hoy no vino Yatziri, la abuelita dice q tiene calentura desde el domingo",
     [("nombre", "Yatziri", ERROR), ("salud", "calentura", ERROR)]),
    ("Hablé con su mamá; el niño dice que ya no quiere vivir.",
     [("salud", "ya no quiere vivir", AVISO)]),
    ("Se dará seguimiento al alumno Chuy que tiene a su papá en el Cereso.",
     [("nombre", "Chuy", ERROR), ("salud", "Cereso", ERROR)]),
    ("la sra Luz Maria vino a decir q su esposo esta en el otro lado",
     [("nombre", "Luz Maria", ERROR), ("salud", "esposo esta en el otro lado", ERROR)]),
    ("la alumna Dolores Martínez fue agredida por compañeros",
     [("nombre", "Dolores Martínez", ERROR), ("salud", "fue agredida", ERROR)]),
    ("Kimberly Ruiz de 5° ya regresó. Tuvo una crisis epiléptica.",
     [("nombre", "Kimberly Ruiz", ERROR), ("salud", "Tuvo una crisis", ERROR),
      ("salud", "epiléptica", ERROR)]),
    ("Kimberly Ruiz estuvo internada una semana por una crisis epiléptica.",
     [("nombre", "Kimberly Ruiz", ERROR), ("salud", "internada", ERROR),
      ("salud", "epiléptica", ERROR)]),
    ("tres alumnas de 2° A reportan autolesiones", [("salud", "autolesiones", AVISO)]),
    # El punto de «mtra.» no cierra la oración: la epilepsia es de la niña.
    ("la niña de 2° de la mtra. Norma tiene epilepsia y toma valproato",
     [("salud", "epilepsia", AVISO), ("salud", "valproato", AVISO)]),
    ("la menor Valeria Campos está bajo resguardo del DIF",
     [("nombre", "Valeria Campos", ERROR), ("salud", "bajo resguardo del DIF", ERROR)]),
])
def test_salud_que_se_escapaba(texto, esperado):
    assert _hallados(texto) == esperado


# De una revisión con ojos nuevos del primer cambio: lo que daba falsas alarmas y lo que faltaba.
@pytest.mark.parametrize("texto, esperado", [
    # El tratamiento acaba la oración anterior: no es del nombre que sigue.
    ("Acuerdo: citar al tutor. Paz y convivencia se trabajará con todos los grupos.", []),
    ("Se llamó a la mamá. Luz eléctrica: se reportó la falla a la CFE.", []),
    # Con mayúscula a media oración, un tratamiento es parte de un nombre propio.
    ("Se leyó el cuento El Señor Sol y la Señora Luna.", []),
    ("Festival del 10 de mayo: poema Mamá Linda.", []),
    ("Se pidió donativo a la tortillería Doña Rosa.", []),
    ("Menú de la cooperativa: Papa Dulce con canela.", []),
    ("La Abuela Luna cuenta cuentos en la biblioteca.", []),
    # «soy» sin el familiar después: un lema.
    ("Soy Luz del mundo fue el lema del festival navideño.", []),
    ("Campaña Soy Paz: los alumnos firmaron el compromiso.", []),
    # Sin eñe ni acento en un texto sin caja: el pan y el tubérculo.
    ("cada niño decoró una dona rosa para el convivio", []),
    ("venta de papa dulce en la cooperativa", []),
    # Un papa o un rey, con su número romano.
    ("Se investigó sobre el Papa Urbano II y las Cruzadas.", []),
    ("La visita del Papa Juan Pablo II a México en 1979.", []),
    # «, la niña» sin «de» después no hace alumna a la palabra de antes.
    ("En la colonia Guadalupe, la niña fue atropellada al salir.", []),
    ("En la fiesta de la Candelaria, la niña bailó.", []),
    # «fiebre», «el otro lado», «el penal», «agredida» sin una persona que los sufra.
    ("Con la fiebre del futbol por el Mundial, Ximena organizó una quiniela en 6° B.", [("nombre", "Ximena", ERROR)]),
    ("Kevin dijo que el balón está en el otro lado de la barda.", [("nombre", "Kevin", ERROR)]),
    ("En el torneo interescolar, Ángel Ruiz anotó en el penal decisivo.", [("nombre", "Ángel Ruiz", ERROR)]),
    ("En el debate, Ximena defendió a la mujer agredida del caso de estudio.", [("nombre", "Ximena", ERROR)]),
    # «Ya» al empezar no ata la oración al nombre de la anterior.
    ("Se reconoció a Valeria Soto por su asistencia perfecta. Ya se detectaron casos de piojos en 2° B.", [("nombre", "Valeria Soto", ERROR)]),
    ("Juana Inés de la Cruz escribió Primero sueño.", []),
    ("Leímos el cuento Un regalo para Sofía de Ana María Machado.", []),
    ("Cantamos Don Pepito y Don José en la clase de música.", []),
])
def test_lo_que_la_revision_encontro_que_no_es_de_nadie(texto, esperado):
    """Fuera del alumno que la frase nombra, nada: ni un nombre ni un detalle de salud."""
    assert _hallados(texto) == esperado


@pytest.mark.parametrize("texto, esperado", [
    ("la tia rosa vino por él", [("nombre", "rosa", ERROR)]),
    # «la señorita» es también la maestra de preescolar: no hace nombre a una palabra común.
    ("La señorita Luz trajo al niño tarde.", []),
    ("Dña. Rosa vende en la cooperativa.", [("nombre", "Rosa", ERROR)]),
    ("Me llamo Esperanza, mamá de un alumno de 2° A.", [("nombre", "Esperanza", ERROR)]),
    ("La bisabuela Paz lo cuida por las tardes.", [("nombre", "Paz", ERROR)]),
    ("Su mamá, Rosa, pidió permiso.", [("nombre", "Rosa", ERROR)]),
    ("Tutora: Rosa", [("nombre", "Rosa", ERROR)]),
    ("Brayan, Zac y Kevin no trajeron tarea.",
     [("nombre", "Brayan", ERROR), ("nombre", "Kevin", ERROR)]),
    ("Se otorgó la Beca Universal Rita Cetina a Ximena López.", [("nombre", "Ximena López", ERROR)]),
    ("Se entregó el Premio Estatal de Ciencias a Valeria Núñez.", [("nombre", "Valeria Núñez", ERROR)]),
    ("En la escuela se habló con Kevin sobre su conducta", [("nombre", "Kevin", ERROR)]),
    ("Kevin Ruiz faltó la semana de la kermés por covid.",
     [("nombre", "Kevin Ruiz", ERROR), ("salud", "covid", ERROR)]),
    ("SE ENTREGÓ BECA A LUZ ELENA, FIRMA LA TÍA ESPERANZA",
     [("nombre", "LUZ ELENA", ERROR), ("nombre", "ESPERANZA", ERROR)]),
])
def test_lo_que_la_revision_encontro_que_faltaba(texto, esperado):
    assert _hallados(texto) == esperado


@pytest.mark.parametrize("texto, esperado", [
    # Un título con mayúscula tras una coma o «con»: la persona (la abuela, la mamá).
    ("ahora vive con su abuela, Doña Consuelo.",
     [("salud", "vive con su abuela", ERROR), ("nombre", "Consuelo", ERROR)]),
    ("Yareli habla mixteco; su mamá, Doña Amparo, tampoco habla español.",
     [("nombre", "Yareli", ERROR), ("nombre", "Amparo", ERROR)]),
    # El nombre de un negocio.
    ("Papelería Don Chucho donó 50 paquetes de cuadernos.", []),
    ("Los uniformes se compran en Bordados Doña Lupe, a una cuadra de la escuela.", []),
    ("El cuento Don Sol y Doña Luna gustó mucho a 1° B.", []),
    # «, las gemelas de 1° A»: las dos son alumnas.
    ("Luz y Paz, las gemelas de 1° A, llegan tarde casi diario.",
     [("nombre", "Luz", ERROR), ("nombre", "Paz", ERROR)]),
    ("Los papás de Brayan Eduardo se fueron a Estados Unidos.",
     [("nombre", "Brayan Eduardo", ERROR), ("salud", "se fueron a Estados Unidos", ERROR)]),
    ("Tres alumnos de 6° A consumen vape en el recreo.", [("salud", "vape", AVISO)]),
])
def test_cuarta_tanda(texto, esperado):
    assert _hallados(texto) == esperado


# De una segunda revisión con ojos nuevos (2026-11): cada frase con lo que debe hallarse, exacto.
@pytest.mark.parametrize("texto, esperado", [
    ('Ocupación del papá: Campo. Ocupación de la mamá: Hogar.', []),
    ('Escolaridad de la mamá: Segundo de secundaria', []),
    ('Cita con la mamá: Domingo 8 de junio', []),
    ('Junta con el tutor: Abril 2025', []),
    ('Manualidad para mamá: Rosa de papel crepé.', []),
    ('Canción para mamá: Linda Mañanita.', []),
    ('Invitados: mamá, papá, Cruz Roja, Protección Civil.', []),
    ('Apoyaron la mamá, Salud Digna y el DIF con las pruebas de vista.', []),
    ('Se felicitó a Sofía García. En México la obesidad infantil es un problema de salud pública.', [("nombre", 'Sofía García', ERROR)]),
    ('Se entregó reconocimiento a Raúl. Hay brote de piojos en el turno vespertino.', [("nombre", 'Raúl', ERROR)]),
    ('Se inscribió Brayan López al grupo 3° A. Un alumno de 2° B tiene asma.', [("nombre", 'Brayan López', ERROR), ("salud", 'asma', AVISO)]),
    ('Se invita a tod@s, en especial a Kevin y a su familia.', [("nombre", 'Kevin', ERROR)]),
    ('En el festival, la flauta la toca Kevin y el tambor lo toca Brayan.', [("nombre", 'Kevin', ERROR), ("nombre", 'Brayan', ERROR)]),
    ('En preescolar, Valeria toma la masa y la manosea para sentir la textura.', [("nombre", 'Valeria', ERROR)]),
    ('El alumno Kevin emigró a otra escuela.', [("nombre", 'Kevin', ERROR)]),
    ('El proyecto obliga a trabajar en binas a Kevin y Brayan.', [("nombre", 'Kevin', ERROR), ("nombre", 'Brayan', ERROR)]),
    ('El supervisor señaló negligencia en el llenado de las boletas de Kevin.', [("nombre", 'Kevin', ERROR)]),
    ('Favor de no mandar al niño con fiebre a la escuela.', []),
    ('Se felicitó a Kevin Pérez por su proyecto. Comenta el supervisor que en la zona hay brote de varicela.', [("nombre", 'Kevin Pérez', ERROR)]),
    ('Reunión con la mamá de Kevin. Tuvo lugar la jornada de vacunación con casos de sarampión en la región.', [("nombre", 'Kevin', ERROR)]),
    ('Se reportaron piojos en dos grupos: el de 1° A y el de 3° B.', []),
    ('La maestra de 3° A y la de 3° B revisarán quién tiene piojos.', []),
    ('Durante Abril, los alumnos de 2° A leerán un libro por semana.', []),
    ('En Victoria, los niños del albergue reciben desayuno.', []),
    ('Jardín de niños federal unitario indígena Tomasa Hernández.', []),
    ('ESCUELA SECUNDARIA TÉCNICA AGROPECUARIA NÚM. 45 JOSEFINA RAMOS', []),
    ('La carretera a Santiago está cortada por las lluvias.', []),
    ('Leímos el libro Un Regalo para Sofía en la hora de lectura.', []),
    ('Se leyó la novela Cartas a Ximena en 6°.', []),
    ('el papá güero de la tienda dona los refrescos', []),
    ('su tío rico le paga las colegiaturas', []),
    ('MENÚ DE LA KERMÉS: PAPA DULCE, ELOTES Y ESQUITES', []),
    ('La tutora Paz revisará las bitácoras del grupo cada viernes.', []),
    ('En preescolar, la señorita Luz preparó el festival.', []),
    ('Se invitó a la comunidad vecina Soledad a la feria.', []),
    ('Cuento: la abuela Luna y el tío Sol.', []),
    ('En la matrícula 2024-2025 hay 3 alumnos con diabetes.', []),
    ('Escuela con clave 15EPR0001Z: el 20 % de los alumnos tiene sobrepeso.', []),
    ('Según la NOM-051, el consumo de productos con sellos causa obesidad en la población.', []),
    ('Nuevo ingreso: Iker Sánchez, procedente de Morelia, Mich.', [("nombre", 'Iker Sánchez', ERROR)]),
    ('Resultados de la Olimpiada: 1er lugar Valeria Gómez, Gto.; 2° lugar Kevin Ramírez, Jal.', [("nombre", 'Valeria Gómez', ERROR), ("nombre", 'Kevin Ramírez', ERROR)]),
    ('Alumno trasladado: Yahir Castro Luna, Chih.', [("nombre", 'Yahir Castro Luna', ERROR)]),
    ('Kevin Pérez II ganó el concurso.', [("nombre", 'Kevin Pérez', ERROR)]),
    ('Se citó a la Sra. Rosa L. por la tarde.', [("nombre", 'Rosa L.', ERROR)]),
    ('La beca de Yatziri Ruiz ya llegó.', [("nombre", 'Yatziri Ruiz', ERROR)]),
    ('La Beca Rita Cetina de Kevin Ramírez ya se depositó.', [("nombre", 'Kevin Ramírez', ERROR)]),
    ('Se tramitó la Beca Rita Cetina 2025 para Yatziri Ruiz.', [("nombre", 'Yatziri Ruiz', ERROR)]),
    ('Mercado López Ana Sofía tiene asma.', [("nombre", 'Mercado López Ana Sofía', ERROR), ("salud", 'asma', ERROR)]),
    ('Lista 3° A: Villa Ramírez Kevin, Mercado López Ana Sofía, Sierra Ruiz Brayan.', [("nombre", 'Villa Ramírez Kevin', ERROR)]),
    ('Afuera de la tienda, Kevin fue golpeado por unos jóvenes.', [("nombre", 'Kevin', ERROR), ("salud", 'golpeado', ERROR)]),
    ('En la tienda Kevin compró cigarros y se los vendieron.', [("nombre", 'Kevin', ERROR)]),
    ('Los alumnos compran dulces en la tienda de don Pancho.', [("nombre", 'Pancho', ERROR)]),
    ('Papelería Don Chucho donó 50 paquetes de cuadernos.', []),
    ('- Doña Rosa vino a cobrar.', [("nombre", 'Rosa', ERROR)]),
    ('su papa Ángel vino por él', [("nombre", 'Ángel', ERROR)]),
    ('Clave: A17 — TDAH.', [("salud", 'TDAH', ERROR)]),
    ('La niña dijo que su tío la tocó en sus partes.', [("salud", 'en sus partes', AVISO)]),
    ('Se habló con Doña Rosa, la abuela que cuida a los hermanos.', [("nombre", 'Rosa', ERROR)]),
    ('En la escuela se habló con Kevin sobre su conducta', [("nombre", 'Kevin', ERROR)]),
    ('Taller Rosa, las niñas de 3° A y B.', []),
])
def test_segunda_revision(texto, esperado):
    assert _hallados(texto) == esperado


def test_tras_un_tratamiento_un_nombre_de_pila_solo_no_es_del_personal():
    """Un usuario nuevo: «doña Rosa, mamá de un alumno» pasaba en claro porque la directora se
    llama Rosa Elena. Con su cargo o su nombre completo, la directora sigue exenta."""
    personal = ("Rosa Elena Méndez Guzmán",)
    assert [(h.clase, h.texto) for h in detectar(
        "Se citó a doña Rosa, mamá de un alumno de 2°, por las faltas", personal=personal)] == [
        ("nombre", "Rosa")]
    for texto in ("La directora Rosa Elena Méndez firmó", "Rosa Elena organizó la junta",
                  "La maestra Rosa revisó"):
        assert detectar(texto, personal=personal) == []


# --- De la tanda ciega G y de la auditoría de los informes (2026-11-30) ---------------------------

PERSONAL_AUDITORIA = ("Guadalupe Morales Tepox", "Patricia Sánchez Rojas")


@pytest.mark.parametrize("texto, esperado", [
    # Un nombre de pila del personal con un apellido que no es el suyo es otra persona.
    ("Recibo de la Sra. Guadalupe Tlapale", [("nombre", "Guadalupe Tlapale", ERROR)]),
    ("La maestra Guadalupe Morales dio el taller.", []),
    ("Guadalupe Presentó el plan.", []),
    ("Guadalupe Directora de la escuela", []),
    # La familia o unos hermanos por su apellido, aunque el catálogo no lo traiga.
    ("Se citó a la familia Coyotl.", [("nombre", "Coyotl", ERROR)]),
    ("Ya se apuntaron los gemelos Tlachi.", [("nombre", "Tlachi", ERROR)]),
    ("Cuento de los hermanos Grimm.", []),
    ("Museo Casa de los Hermanos Serdán", []),
])
def test_nombres_de_la_auditoria(texto, esperado):
    assert [(h.clase, h.texto, h.gravedad) for h in detectar(texto, personal=PERSONAL_AUDITORIA)] == esperado


@pytest.mark.parametrize("texto, esperado", [
    ("Yaretzi faltó un mes por la quimio.", [("nombre", "Yaretzi", ERROR), ("salud", "quimio", ERROR)]),
    ("La mamá de Dylan ya lo trae a tiempo desde que salió del anexo.",
     [("nombre", "Dylan", ERROR), ("salud", "salió del anexo", ERROR)]),
    ("A Brenda la dejaron con el tío porque al papá lo deportaron.",
     [("nombre", "Brenda", ERROR), ("salud", "lo deportaron", ERROR)]),
    ("Tres alumnas de 2° A se autolesionan en los brazos.", [("salud", "autolesionan", AVISO)]),
    ("Dos alumnos de 5° B quedaron huérfanos por el accidente.", [("salud", "huérfanos", AVISO)]),
    # La rehabilitación de la barda o la quimio de la clase de ciencias no hablan de nadie.
    ("Rehabilitación de la barda perimetral con apoyo de La Escuela es Nuestra.", []),
])
def test_salud_de_la_auditoria(texto, esperado):
    assert [(h.clase, h.texto, h.gravedad) for h in detectar(texto)] == esperado


@pytest.mark.parametrize("texto", [
    "Jugamos Juan Pirulero en el patio.",
    "Visita de la cuentacuentos Gilda Rincón a 1° y 2°.",
    "La tallerista Mónica Ruiz dio el taller de lectura.",
])
def test_adultos_y_juegos_de_la_auditoria(texto):
    assert detectar(texto) == []


@pytest.mark.parametrize("texto, esperado", [
    # En un campo de códigos, el grado al final no vuelve código a un apodo.
    ("A-2025-014, Yahir Castillo, el Pelón de 6°",
     [("nombre", "Yahir Castillo", ERROR), ("nombre", "el Pelón", ERROR)]),
    ("Chuy (5° B)", [("nombre", "Chuy", ERROR)]),
    ("6°B", []),
    # Un término de salud entre los códigos es de salud, no un apodo.
    ("A-2025-009, A-2025-014 (Fernanda, TDAH), A-2025-020",
     [("nombre", "Fernanda", ERROR), ("salud", "TDAH", ERROR)]),
    # Lo que dice que aún no hay códigos.
    ("Ninguno por ahora (se asignan en la sesión de octubre)", []),
    ("Pendiente de asignar", []),
])
def test_campo_de_codigos_de_la_auditoria(texto, esperado):
    assert [(h.clase, h.texto, h.gravedad) for h in detectar(texto, contexto="codigos")] == esperado


@pytest.mark.parametrize("texto, esperado", [
    # De la revisión con ojos nuevos: gentilicios, personajes y familias de la tele no son apellidos.
    ("Convivio con la familia Tlaxcalteca de la colonia.", []),
    ("la familia Mexicana y sus tradiciones", []),
    ("Vimos la familia Telerín.", []),
    ("Cuento de los hermanos Lumière y el cine.", []),
    ("Homenaje a los hermanos Flores Magón.", []),
    ("los hermanos Bravo en la Independencia", []),
    ("La Familia Coyotl no vino.", [("nombre", "Coyotl", ERROR)]),
    ("Los mellizos Tlachi faltaron.", [("nombre", "Tlachi", ERROR)]),
    # Sin tratamiento, un nombre del personal con una palabra con mayúscula detrás es la maestra.
    ("Guadalupe Coordina el taller de lectura.", []),
    ("Guadalupe Marzo 2026", []),
    ("mamá: Guadalupe Tlapale", [("nombre", "Guadalupe Tlapale", ERROR)]),
    # Nadie del grupo tiene el detalle.
    ("Los alumnos de 2° se comieron todo; nadie vomitó.", []),
    ("Los niños de 1° A se pusieron en duelo simbólico por Día de Muertos.", []),
])
def test_de_la_revision_con_ojos_nuevos(texto, esperado):
    assert [(h.clase, h.texto, h.gravedad) for h in detectar(texto, personal=PERSONAL_AUDITORIA)] == esperado


@pytest.mark.parametrize("texto, esperado", [
    ("¡Jesús! Se cayó el techo de lámina del aula de medios.", []),
    ("Kimberly (2° C) nos dijo que su padrastro abusa de ella.",
     [("nombre", "Kimberly", ERROR), ("salud", "abusa de ella", ERROR)]),
    ("La alumna Itandehui dejó de asistir porque su familia se fue a la pizca de uva.",
     [("nombre", "Itandehui", ERROR), ("salud", "pizca de", ERROR)]),
])
def test_de_la_tanda_h(texto, esperado):
    assert [(h.clase, h.texto, h.gravedad) for h in detectar(texto)] == esperado
