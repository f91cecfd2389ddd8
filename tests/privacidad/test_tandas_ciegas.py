"""Ocho tandas ciegas de frases etiquetadas (``ciega_a.yaml`` a ``ciega_h.yaml``):
las escribieron ayudantes que no vieron el detector, y se midieron antes de ajustar nada (las cifras están en la
cabecera de cada archivo y en docs/privacidad.md). Y cuatro tandas de los huecos de diciembre
(``ciega_apodo_con_nombre``, ``ciega_apodos_nuevos``, ``ciega_apodo_salud``,
``ciega_nombre_citado``), escritas antes de cerrarlos por quien los cerró y afinó el detector
con ellas (no son ciegas; sus cifras de antes y después, en docs/privacidad.md), y la negativa
de la revisión de esos huecos (``negativa_apodos_y_citas``: 110 oraciones de planes que deben
quedar limpias). Aquí se fija lo que sigue fallando, dato por
dato: si el detector mejora o empeora en ellas, esta prueba lo dice. Se cuenta como en
``benchmarks/privacidad.py``.

Las falsas alarmas que quedan son, casi todas, de la etiqueta y no del detector: en un campo de
códigos (``contexto: codigos``) cualquier texto sin dígitos se toma por un apodo, y «insulina»,
«internada», «GOLPES», «inhalador», «sin desayunar», «terapia de lenguaje», «corte de café» o «corte de caña» (trabajo infantil) ligados a un alumno
sí son detalles de salud que la etiqueta no puso. «Ortiz Lara» es el apellido de una familia («fam. Ortiz Lara»)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from test_privacidad_corpus import medida  # benchmarks/privacidad.py, cargado una vez

RAIZ = Path(__file__).resolve().parents[2]
TANDAS = RAIZ / "tests" / "datos" / "privacidad"

# Lo que falla en cada tanda: (falta o falsa, clase, tramo).
QUEDA = {
    "ciega_a": [
        # «NEE», «insulina», «internada», «se desmayó» y «GOLPES» ligados a un alumno sí son
        # detalles de salud; la etiqueta no los puso.
        ("falsa", "salud", "NEE"),
        ("falsa", "nombre", "la mamá manda la pastilla en la mochila"),
        ("falsa", "salud", "se desmayó"),
        ("falsa", "salud", "GOLPES"),
        ("falsa", "nombre", "vive con abuelos"),
        ("falsa", "salud", "insulina"),
        ("falsa", "nombre", "en espera de valoración"),
        ("falsa", "nombre", "Ortiz Lara"),
        ("falsa", "salud", "sin desayunar"),
        ("falsa", "salud", "internada"),
        # «Memo» también es palabra común (un memorándum); con mayúscula y solo no cuenta.
        ("falta", "nombre", "Memo"),
    ],
    "ciega_b": [
        # «El Chato de 6° A» ya se halla (un apodo con su grado: ``apodos.sueltos``), y con él
        # «se fue con su papá al corte de caña» (trabajo infantil), que la etiqueta no puso.
        ("falsa", "salud", "corte de caña"),
        ("falsa", "salud", "inhalador"),
        # Sin nombre en la oración: aviso, y la etiqueta pide error.
        ("falta", "salud", "depresión"),
        ("falsa", "salud", "sin desayunar"),
    ],
    "ciega_c": [
        # Lo que se cuenta con rodeos («la mamá los dejó», «los van a correr del cuarto», «le toma
        # fotos por debajo de la falda»), nombres que son palabras comunes al empezar la oración
        # («Abril llegó…», «Reyes»), y sin ellos la salud que no se ata a nadie. «el niño Jesús»
        # en minúsculas se toma por un alumno que se llama Jesús (a propósito: es un nombre común), y «la
        # operaron» de una niña con labio y paladar hendido sí es un detalle de salud.
        ("falta", "salud", "cortes"),
        ("falta", "salud", "marihuana"),
        ("falta", "salud", "trabaja en la cosecha de jitomate"),
        ("falta", "salud", "la mamá los dejó"),
        ("falta", "salud", "su mamá toma mucho"),
        ("falta", "nombre", "Ángel"),
        ("falta", "nombre", "Rocío"),
        ("falta", "salud", "se identifica como chico trans"),
        ("falta", "nombre", "Leo"),
        ("falta", "salud", "se desmayó"),
        ("falta", "nombre", "Reyes"),
        ("falta", "salud", "anemia"),
        ("falta", "salud", "sus papás trabajan en EU"),
        ("falta", "salud", "los van a correr del cuarto"),
        ("falta", "salud", "su mamá se fue con otro señor"),
        ("falta", "salud", "trabajan vendiendo chicles en el crucero"),
        ("falta", "salud", "DESALOJO"),
        ("falsa", "salud", "la operaron"),
        ("falta", "salud", "la nariz rota"),
        ("falta", "salud", "TOD"),
        ("falta", "salud", "baja visión"),
        ("falta", "salud", "la insultan"),
        ("falta", "nombre", "Angel"),
        ("falta", "salud", "el papá trabaja en el otro lado"),
        ("falta", "salud", "no tiene para comer"),
        ("falta", "salud", "le toma fotos por debajo de la falda"),
        ("falta", "nombre", "Neto"),
        ("falta", "nombre", "Abril"),
        ("falta", "salud", "se cortó"),
        ("falta", "salud", "autolesión"),
        ("falsa", "nombre", "Jesús"),
        ("falta", "nombre", "Rosa"),
        ("falta", "salud", "castigo de su madrastra"),
        ("falsa", "salud", "psiquiátrico"),
    ],
    "ciega_d": [
        # Nombres que son palabras comunes al empezar la oración («Rocío ya trajo…», «Dolores no
        # entregó…»), uno que el catálogo no trae («Xhunaxi»), los papeles de una pastorela, y la
        # salud que sin ellos no se ata a nadie. «El Chato de 4° C» ya se halla.
        ("falsa", "salud", "vive con su abuela"),
        ("falta", "salud", "no tiene luz ni agua en su casa"),
        ("falsa", "salud", "NEE"),
        ("falsa", "salud", "corte de café"),
        ("falta", "nombre", "Memo"),
        ("falta", "nombre", "Xhunaxi"),
        ("falta", "salud", "hipoacusia bilateral"),
        ("falta", "salud", "auxiliares auditivos"),
        ("falta", "nombre", "Rocío"),
        ("falta", "salud", "alérgica a la penicilina"),
        ("falta", "nombre", "Consuelito"),
        ("falta", "salud", "obesidad infantil"),
        ("falsa", "nombre", "María"),
        ("falsa", "nombre", "José"),
        ("falsa", "salud", "cereso"),
        ("falsa", "correo", "esc.primaria.bjuarez@nube.sep.gob.mx"),
        ("falta", "salud", "situación económica muy difícil"),
        ("falta", "nombre", "Victoria"),
        ("falta", "salud", "la llevo al psiquiatra"),
        ("falta", "salud", "su hermano está en una banda"),
        ("falta", "nombre", "Dolores"),
        ("falta", "salud", "hospitalizada por neumonía"),
        ("falsa", "nombre", "Miguel Rivera"),
        ("falta", "salud", "creencias religiosas"),
        ("falta", "salud", "sus papás migraron"),
        ("falsa", "salud", "viven con sus abuelos"),
        ("falsa", "salud", "terapia de lenguaje"),
    ],
    "ciega_e": [
        # La salud y la situación familiar dichas con rodeos («volvió a venir tomada», «se fueron
        # pa'l norte», «le duele mucho el oído»), un apodo que es un mes («el Mayo»; «el Pollo de
        # 6°A» ya se halla, y con él la pelea que termina con la ceja abierta) y un teléfono
        # dictado dígito por dígito. «jose» es parte de un correo dictado
        # que sí se halla; «NEE» y «piojos» (un aviso a todas las familias: «sus hijos») sí se
        # atan a alumnos.
        ("falta", "salud", "se fueron pa'l norte con el papá"),
        ("falta", "salud", "desde que los abandonó en marzo"),
        ("falsa", "nombre", "jose"),
        ("falta", "telefono", "3 3 2 9 1 0 7 4 5 6"),
        ("falta", "salud", "volvió a venir tomada"),
        ("falsa", "salud", "NEE"),
        ("falta", "salud", "no ha sido vacunado contra sarampión"),
        ("falsa", "salud", "piojos"),
        ("falta", "nombre", "Mayo"),
        ("falta", "nombre", "Mayolo Ríos"),
        ("falta", "salud", "le detectó miopía alta"),
        ("falta", "nombre", "Chava"),
        ("falta", "salud", "la mamá se fue a trabajar a EU"),
        ("falta", "salud", "le duele mucho el oído"),
    ],
    "ciega_f": [
        # La situación familiar con rodeos y la dirección de la escuela dicha como «la Dirección».
        # «inhalador» y «auxiliares auditivos» de un alumno sí son detalles de salud.
        ("falta", "salud", "cuya mamá las dejó con la abuela desde junio y no ha vuelto a comunicarse"),
        ("falta", "salud", "dificultades severas de audición"),
        ("falsa", "domicilio", "Av. Miguel Hidalgo 214, col. Centro"),
        ("falta", "salud", "tienen al papá trabajando en Estados Unidos y viven con los abuelos"),
        ("falta", "salud", "trabajan por las tardes como cargadores en el mercado municipal"),
        ("falta", "salud", "tienen lentes recetados"),
        ("falsa", "salud", "auxiliares auditivos"),
        ("falsa", "salud", "inhalador"),
        ("falta", "salud", "la mamá trabaja en Monterrey desde enero y los cuida una vecina"),
        ("falta", "salud", "APTITUDES SOBRESALIENTES EN MATEMÁTICAS"),
        ("falta", "salud", "crisis de ausencia"),
        ("falta", "salud", "se van a la cosecha en Sinaloa en enero"),
    ],
    "ciega_g": [
        # Una alumna sin nombre del catálogo en una lista («Nicté Pool Chan») y, sin ella, la salud
        # que no se ata a nadie con error (los apodos, «el Chino de 5°B», «la Flaca de 2° A», «el
        # Chapulín (así le dicen…)», «el Güero, el de la señora…», ya se hallan, y su salud con ellos); la situación familiar con rodeos («se la llevó a Estados
        # Unidos», «las cuida la tía»). «Kenia» es un país en la frase; «246 465 0100» es el DIF
        # y «5512348890», un folio (tienen forma de teléfono).
        ("falta", "salud", "su mamá se la llevó a Estados Unidos"),
        ("falta", "salud", "sobrepeso"),
        ("falta", "salud", "se está quedando con una tía"),
        ("falsa", "nombre", "tome"),
        ("falta", "salud", "neurólogo"),
        ("falsa", "telefono", "246 465 0100"),
        ("falta", "salud", "Lo dejaron con la abuelita"),
        ("falta", "salud", "sus papás se fueron pa'l otro lado"),
        ("falsa", "telefono", "5512348890"),
        ("falta", "salud", "las cuida la tía"),
        ("falta", "nombre", "Nicté Pool Chan"),
        ("falta", "salud", "no escucha bien del oído izquierdo"),
        ("falta", "salud", "se queda a cuidar a sus hermanitos"),
        ("falsa", "nombre", "Kenia"),
        ("falta", "telefono", "01 246 462 1122"),
        ("falta", "nombre", "Dulce"),
        ("falta", "salud", "está en EU"),
        ("falta", "salud", "lentes"),
        ("falta", "nombre", "Luz María Hernández"),
        ("falta", "salud", "su papá llega tomado y les grita"),
        ("falta", "nombre", "ortiz dominguez josefa"),
        ("falta", "salud", "sus papás se separaron"),
    ],
    "ciega_h": [
        # Nombres en una tabla pegada de Excel o en el título de un video, y la salud de quien no
        # se nombra con error («el Chino de 1° C» ya se halla, y con él «lo operaron del corazón»). Los funcionarios
        # con su cargo, una coma y un tratamiento («El comisariado ejidal, Sr. Anselmo Tun», «El
        # agente municipal de Chuchucaxtla, C. Porfirio Ramírez») ya no se toman por alumnos.
        ("falta", "nombre", "Yahir Cruz Mendoza"),
        ("falta", "salud", "Tipo de sangre: O+"),
        ("falta", "salud", "su mamá lo dejó con los abuelos"),
        ("falsa", "salud", "Medicamento"),
        ("falta", "nombre", "Yaretzi"),
        ("falta", "nombre", "Wilberto Canché"),
        ("falta", "salud", "valoracion_neurologica"),
        ("falta", "nombre", "Citlali Tepole"),
        ("falta", "salud", "TEA"),
        ("falta", "nombre", "Diego Armando López Cruz"),
        ("falta", "salud", "consumo de cristal"),
        ("falta", "salud", "probado alcohol"),
        ("falta", "nombre", "Celeste"),
        ("falsa", "correo", "supervision.zona027@seq.gob.mx"),
        ("falsa", "telefono", "967 678 1002"),
    ],
}
# Los huecos de diciembre: lo que queda. Un título citado tras «Obra de teatro:» (un nombre entre
# comillas tras dos puntos); un apodo que el catálogo no trae y que solo un verbo antes dice de un
# alumno («vino el Bebo»), uno en un texto sin caja (ahí no se distingue de la palabra: «el grupo
# llegó»), uno con un verbo que no está en ``[apodo_hace]`` («se sentará») y, desde la revisión
# del 30 de noviembre, los que solo dice de un alumno lo que también hace o se le hace a un cargo,
# una dependencia o una cosa («el Tacho no entregó», «la Yoyis participó», «a la Chuchis la
# cambiaron», «al Borrego le quitaron»: como «el Tesorero entregó cuentas», «al Sindicato le
# mandaron el oficio»; ``[apodo_fuerte]``). Y la tanda negativa de esa revisión
# (``negativa_apodos_y_citas``: dependencias, cargos, eventos, lugares, obras citadas), limpia.
QUEDA.update({
    "ciega_apodo_con_nombre": [
        ("falsa", "nombre", "Pedro"),
    ],
    "ciega_apodos_nuevos": [
        ("falta", "nombre", "Tacho"),
        ("falta", "nombre", "Bebo"),
        ("falta", "nombre", "Chuchis"),
        ("falta", "nombre", "tlacuache"),
        ("falta", "nombre", "Tortas"),
        ("falta", "nombre", "Yoyis"),
        ("falta", "nombre", "CHAPIS"),
        ("falta", "nombre", "Borrego"),
    ],
    "ciega_apodo_salud": [],
    "ciega_nombre_citado": [],
    "negativa_apodos_y_citas": [],
})
_FALLA = re.compile(r"(falta|falsa alarma) (\w+) «(.*?)» ")


@pytest.mark.parametrize("tanda", sorted(QUEDA))
def test_lo_que_queda_por_hallar_en_cada_tanda(tanda):
    frases = medida.cargar(TANDAS / f"{tanda}.yaml")
    assert len(frases) == {"ciega_a": 130, "ciega_b": 130, "ciega_c": 140, "ciega_d": 150,
                           "ciega_e": 140, "ciega_f": 140, "ciega_g": 158, "ciega_h": 160,
                           "ciega_apodo_con_nombre": 31, "ciega_apodos_nuevos": 44,
                           "ciega_apodo_salud": 26, "ciega_nombre_citado": 35,
                           "negativa_apodos_y_citas": 110}[tanda]
    fallas = [_FALLA.match(f).groups() for f in medida.evaluar(frases).fallas]
    assert [(tipo.split()[0], clase, tramo) for tipo, clase, tramo in fallas] == QUEDA[tanda]
