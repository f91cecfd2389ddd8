"""Reglas de privacidad: una Ruta habla de niñas y niños y vive en git, que se copia a todos lados.

Todas leen la misma pasada del detector (``reglas.personales``: cada valor y cada comentario de
cada archivo, o cada línea de uno que no se pudo leer, una vez) y dan un problema por dato, en
su línea y su columna. Lo que encuentran se **enmascara** en toda salida (``Problema.secretos``):
los registros de CI suelen ser públicos. Qué se detecta y qué no: docs/privacidad.md.
"""

from __future__ import annotations

import re

from rutamejora.catalogos import normalizar
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import ERROR
from rutamejora.privacidad import CORREO, CURP, DOMICILIO, NOMBRE, RFC, SALUD, TELEFONO
from rutamejora.reglas.base import Lugar
from rutamejora.reglas.liberados import citados_al_suprimir
from rutamejora.reglas.personales import datos, secreto


def _informar(ruta, ctx, clases, mensaje, pista) -> None:
    """Un problema por cada dato de ``clases``, en su línea y columna; ``mensaje(hallazgo)`` lo
    dice. El dato va en ``secretos``: la línea citada lo enmascara. Solo un nombre se cita en
    el mensaje (sale como sus iniciales, que ayudan a encontrarlo); de los demás, la clase y el
    lugar bastan."""
    citados = citados_al_suprimir(ruta)
    for d in datos(ruta):
        h = d.hallazgo
        if h.clase in clases and (d.archivo, d.linea, h.clase, " ".join(h.texto.split())) not in citados:
            ctx.problema(Lugar(d.archivo, d.linea, d.columna, d.camino), None, mensaje(h),
                         pista(h) if callable(pista) else pista, secretos=(secreto(h),),
                         severidad=h.gravedad)


@regla("RM501", "curp", ERROR, "privacidad")
def curp(ruta, ctx):
    """Hay una CURP en la Ruta (también cuenta en un comentario): es un dato personal.

    Se reconoce en mayúsculas o minúsculas y pegada a un nombre de archivo. Los alumnos se
    registran por cantidad o por un código interno de la escuela.

    ✓ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: abandono, codigos: [A-2025-014]}
    ✗ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: abandono, codigos: [golm120304hplmpra5]}
    """
    _informar(ruta, ctx, {CURP}, lambda h: "Hay una CURP en el archivo.",
              "Bórrala (también del historial de git si ya se subió) y usa un código interno.")


@regla("RM502", "nombre-de-alumno", ERROR, "privacidad")
def nombre_de_alumno(ruta, ctx):
    """Parece el nombre de un alumno o de su familia donde solo van cantidades o códigos.

    Cuenta un nombre de pila con apellido en cualquier orden y caja («PÉREZ LÓPEZ JUAN»,
    «Pérez López, Juan», «Sofía Ramírez»), un nombre de pila solo con mayúscula o tras «el
    alumno», y en `codigos:` cualquier nombre, diminutivo o apodo. No cuentan el personal de la
    Ruta (`colectivo` y `comunidad`), los personajes y autores («Benito Juárez», «Libros de
    Francisco Hinojosa») ni los nombres de escuelas, calles y programas. Si aun así no es un
    alumno: `# ruta: ignorar RM502 -- motivo` en esa línea.

    ✓ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: abandono, cantidad: 2, apoyo: Tutoría con la maestra de 1°A y Libros de Francisco Hinojosa}
    ✗ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: abandono, cantidad: 1, apoyo: Visita a la familia de PÉREZ LÓPEZ JUAN}
    """
    _informar(ruta, ctx, {NOMBRE}, lambda h: f"«{h.texto}» parece el nombre de un alumno o de su familia.",
              "Usa un código interno o una cantidad; los nombres no van en la Ruta.")


@regla("RM503", "salud-de-alumno", ERROR, "privacidad")
def salud_de_alumno(ruta, ctx):
    """Un dato de salud o de la situación familiar va ligado a alumnos concretos.

    Cuenta la salud, una discapacidad, un embarazo, la violencia o la situación familiar. Es
    error si va con un nombre, un código de alumno o una CURP («A-2025-014 tiene TDAH»), y
    aviso si va con alumnos concretos sin nombrarlos («una alumna de 3° B», «tres alumnas de
    2° A con asma»). Dicho en general («la USAER atiende a 3 alumnos con discapacidad en la
    escuela», «plática sobre diabetes») no cuenta. Los informes nunca lo imprimen.

    ✓ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: necesidades_educativas_especiales, cantidad: 3, apoyo: USAER atiende a 3 alumnos en toda la escuela}
    ✗ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: necesidades_educativas_especiales, cantidad: 1, apoyo: A-2025-014 tiene TDAH y toma medicamento}
    """
    _informar(ruta, ctx, {SALUD}, _mensaje_de_salud, _pista_de_salud)


def _mensaje_de_salud(h) -> str:
    if h.es_error:
        return ("Un dato de salud o de la situación familiar va ligado a un alumno identificable "
                "(un nombre o un código).")
    return "Un dato de salud o de la situación familiar va ligado a alumnos concretos."


def _pista_de_salud(h) -> str:
    if h.es_error:
        return "Quita el nombre o el código y el detalle: «2 alumnos de 3° reciben apoyo de USAER»."
    return "Di qué apoyo reciben, no qué tienen: «2 alumnos de 3° reciben apoyo de USAER»."


@regla("RM504", "contacto-personal", ERROR, "privacidad")
def contacto_personal(ruta, ctx):
    """Hay un correo electrónico, un teléfono o el domicilio de una persona en la Ruta (también cuenta en un comentario).

    Un teléfono en cualquier forma común: `222 123 4567`, `(222) 123-4567`, `+52 1 222…`,
    `tel 22 21 23 45 67`. Un domicilio es una calle con su número: error si el texto dice que es
    la casa de alguien («vive en calle Aldama 214», «la ficha del alumno: Priv. de los Pinos
    12»), aviso si no dice de quién es; la dirección de la escuela, de un negocio o de un lugar
    público no cuenta.

    ✓ ruta.yaml
        escuela:
          municipio: Atlixco
    ✗ ruta.yaml
        escuela:
          municipio: Atlixco (tel. 244 123 4567)
    """
    def mensaje(h):
        if h.clase == DOMICILIO:
            return ("La Ruta tiene una calle con su número: si es la casa de alguien, es un dato "
                    "personal." if h.es_aviso else "La Ruta tiene el domicilio de una persona.")
        return f"Hay {'un correo electrónico' if h.clase == CORREO else 'un teléfono'} en la Ruta."

    def pista(h):
        if h.clase == DOMICILIO and h.es_aviso:
            return ("Si es la casa de un alumno o de su familia, bórrala; si es de la escuela, de un "
                    "negocio o de un lugar público, dilo en el texto («la papelería de …») o "
                    "apártala con `# ruta: ignorar RM504 -- motivo`.")
        if h.clase == DOMICILIO:
            return ("Un domicilio no va en la Ruta: bórralo (también del historial de git); para "
                    "ubicar a una familia basta la colonia o la localidad.")
        return "Los contactos no van en la Ruta: bórralo (también del historial de git)."

    _informar(ruta, ctx, {CORREO, TELEFONO, DOMICILIO}, mensaje, pista)


@regla("RM505", "rfc", ERROR, "privacidad")
def rfc(ruta, ctx):
    """Hay un RFC de una persona en la Ruta (también cuenta en un comentario): es un dato personal.

    El de persona física: 13 caracteres con homoclave o 10 sin ella, con o sin guiones.

    ✓ acciones.yaml
        acciones:
          - id: A1
            recursos: [Factura del proveedor con folio 2026-118]
    ✗ acciones.yaml
        acciones:
          - id: A1
            recursos: [Factura a nombre de PERJ8506125K3]
    """
    _informar(ruta, ctx, {RFC}, lambda h: "Hay un RFC en la Ruta.",
              "Bórralo (también del historial de git si ya se subió): la Ruta no guarda datos "
              "fiscales de personas.")


# --- Para quien lo necesite fuera de las reglas -----------------------------------------------

_VOCALES = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]", "n": "[nñ]"}


def sin_acentos(palabra: str) -> str:
    """Un patrón que acepta la palabra con o sin acentos («María» ~ «Maria»)."""
    return "".join(_VOCALES.get(c, re.escape(c)) for c in normalizar(palabra).replace("_", " "))


def alumnos_nombrados_en(ruta) -> tuple[str, ...]:
    """Los nombres de alumnos (de dos palabras o más) que el detector halló en algún texto de la
    Ruta, sin los que una supresión declaró no personales: los informes y las exportaciones los
    enmascaran en **todo** texto, también donde el detector no los vería solos («Kevin Pérez
    Soto» después de «la biblioteca»). Del más largo al más corto."""
    from rutamejora.privacidad.nombres import conjuntos_de_personal
    from rutamejora.reglas.liberados import liberados
    from rutamejora.reglas.personales import personal_de

    libres = liberados(ruta, informe=True)
    nombres = {dato for d, dato in ((d, " ".join(d.hallazgo.texto.split())) for d in datos(ruta))
               if d.hallazgo.clase == NOMBRE and (d.archivo, d.linea, NOMBRE, dato) not in libres}
    # Sin lo que también es (parte de) el nombre de alguien del personal: «la familia Sánchez
    # Rojas» no vuelve «[nombre]» a la maestra Patricia Sánchez Rojas.
    personal = conjuntos_de_personal(personal_de(ruta))
    return tuple(sorted((n for n in nombres if len(n.split()) >= 2
                         and not any(_palabras(n) <= persona for persona in personal)),
                        key=lambda n: (-len(n), n)))


def _palabras(nombre: str) -> frozenset[str]:
    from rutamejora.privacidad.catalogo import PALABRA, PARTICULAS, plegar

    return frozenset(PALABRA.findall(plegar(nombre))) - PARTICULAS

