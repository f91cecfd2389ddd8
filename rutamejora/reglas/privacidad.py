"""Reglas de privacidad: una Ruta habla de niñas y niños y vive en git, que se copia a todos lados.

Lo que se encuentra se **enmascara** en toda salida (``Problema.secretos``): los registros de
CI suelen ser públicos. La CURP y los contactos se buscan en el texto crudo (comentarios
incluidos, y aunque el YAML esté roto); los nombres y la salud, en los valores.
"""

from __future__ import annotations

import re
from functools import lru_cache

from rutamejora.catalogos import datos_de, normalizar
from rutamejora.formato.lectura import ESCALAR, LISTA, MAPA
from rutamejora.nucleo.problemas import AVISO, ERROR
from rutamejora.reglas.base import Lugar
from rutamejora.nucleo.codigos import regla

CURP = re.compile(r"\b[A-Z]{4}\d{6}[HM][A-Z]{5}[0-9A-Z]\d\b")
CORREO = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# Un teléfono: una racha de dígitos con espacios, puntos, guiones o paréntesis que suma 10
# dígitos o más (con lada o +52). Empezar en un dígito, `(` o `+` lo hace rápido.
TELEFONO = re.compile(r"(?<![\w-])(?:\+?52[\s.-]?)?(?:\(\d{2,3}\)\s?|\d{2,3}[\s.-]?)\d{3,4}[\s.-]?\d{4}(?![\w-])")
# Un código de alumno: letras y números con guiones («A-2025-014», «ALU17»).
CODIGO_ALUMNO = re.compile(r"\b[A-Z]{1,4}-?\d{2,}(?:-\d+)*\b")
_ALUMNO = re.compile(r"\b(el|la)\s+(alumn[oa]|niñ[oa]|estudiante)\s+[A-ZÁÉÍÓÚÑ]\w+")

# Campos donde un nombre de persona es legítimo: el colectivo, la comunidad, la escuela.
_CON_NOMBRES = re.compile(r"^(colectivo\[\d+\]\.nombre|comunidad\[\d+\]\.nombre|escuela\.nombre)$")


def _posicion(texto: str, indice: int) -> tuple[int, int]:
    linea = texto.count("\n", 0, indice) + 1
    return linea, indice - (texto.rfind("\n", 0, indice) + 1) + 1


def _en_texto_crudo(ruta, patron: re.Pattern):
    """(archivo, línea, columna, hallazgo) en el texto de cada archivo, comentarios incluidos."""
    for nombre, doc in ruta.documentos.items():
        if patron is CORREO and "@" not in doc.texto:
            continue
        for m in patron.finditer(doc.texto):
            linea, columna = _posicion(doc.texto, m.start())
            yield nombre, linea, columna, m.group()


def textos(ruta) -> list:
    """(archivo, nodo, ruta_yaml) de cada valor de texto de cada archivo legible.

    Se recorre una vez por Ruta: varias reglas lo leen."""
    if "_textos" not in ruta.__dict__:
        ruta.__dict__["_textos"] = list(_recorrer(ruta))
    return ruta.__dict__["_textos"]


def _recorrer(ruta):
    for nombre, doc in ruta.documentos.items():
        if doc.raiz is None:
            continue
        pila = [(doc.raiz, "")]
        while pila:
            nodo, camino = pila.pop()
            if nodo.tipo == MAPA:
                pila.extend((hijo, f"{camino}.{clave}" if camino else clave)
                            for clave, hijo in nodo.valor.items())
            elif nodo.tipo == LISTA:
                pila.extend((hijo, f"{camino}[{i}]") for i, hijo in enumerate(nodo.valor))
            elif nodo.tipo == ESCALAR and nodo.texto and not nodo.es_nulo():
                yield nombre, nodo, camino


@regla("RM501", "curp", ERROR, "privacidad")
def curp(ruta, ctx):
    """Hay una CURP en la Ruta (también cuenta en un comentario): es un dato personal.

    Los alumnos se registran por cantidad o por un código interno de la escuela.

    ✓ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: abandono, codigos: [A-2025-014]}
    ✗ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: abandono, codigos: [GOLM120304HPLMPRA5]}
    """
    for archivo, linea, columna, valor in _en_texto_crudo(ruta, CURP):
        ctx.problema(Lugar(archivo, linea, columna), None, f"Hay una CURP ({valor}) en el archivo.",
                     "Bórrala (también del historial de git si ya se subió) y usa un código interno.",
                     secretos=(valor,))


@regla("RM502", "nombre-de-alumno", ERROR, "privacidad")
def nombre_de_alumno(ruta, ctx):
    """Parece el nombre completo de una persona donde solo van cantidades o códigos.

    Se busca un nombre de pila conocido seguido de dos apellidos (con partículas: «María de
    la Luz Gómez»). No cuentan los nombres del colectivo, el de la escuela ni los personajes
    históricos («Benito Juárez»).

    ✓ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: abandono, cantidad: 2, apoyo: Tutoría con la maestra de 1°A}
    ✗ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: abandono, cantidad: 1, apoyo: Visita a la familia de Juan Pérez López}
    """
    permitidos = _permitidos(ruta)
    for archivo, linea, columna, camino, texto, exacta in _textos_y_comentarios(ruta):
        for nombre in nombres_completos(texto):
            if any(normalizar(nombre) in p for p in permitidos):
                continue
            donde = columna + texto.index(nombre) if exacta else columna
            ctx.problema(Lugar(archivo, linea, donde, camino), None,
                         f"«{nombre}» parece el nombre de un alumno.",
                         "Usa un código interno o una cantidad; los nombres no van en la Ruta.",
                         secretos=(nombre,))


_COMENTARIO = re.compile(r"(?:^|[ \t])#(.*)$", re.MULTILINE)


def _textos_y_comentarios(ruta):
    """(archivo, línea, columna, camino, texto, exacta) de cada valor y de cada comentario (que
    también llega a git). ``exacta``: el texto está en una sola línea del archivo desde esa
    columna, así que se puede señalar el nombre mismo; si no, se señala el valor."""
    pila = _catalogo()[0]
    # Un archivo sin ningún nombre de pila en todo su texto se salta de una vez (lo común).
    con_nombres = {a for a, doc in ruta.documentos.items()
                   if not pila.isdisjoint(_MAYUSCULA.findall(doc.texto))}
    for archivo, nodo, camino in textos(ruta):
        if archivo not in con_nombres or _CON_NOMBRES.match(camino):
            continue
        exacta = nodo.plano and "\n" not in nodo.texto
        yield archivo, nodo.linea, nodo.columna, camino, nodo.texto.replace("\n", " "), exacta
    for archivo, doc in ruta.documentos.items():
        if archivo not in con_nombres or "#" not in doc.texto:
            continue
        for m in _COMENTARIO.finditer(doc.texto):
            linea, columna = _posicion(doc.texto, m.start(1))
            yield archivo, linea, columna, "", m.group(1), True


@regla("RM503", "salud-de-alumno", AVISO, "privacidad")
def salud_de_alumno(ruta, ctx):
    """Un dato de salud o discapacidad aparece junto a un alumno identificable (un código o un nombre).

    Cuenta el dato del grupo («3 alumnos con TDAH en 2°»), no el de una persona.

    ✓ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: necesidades_educativas_especiales, cantidad: 3, apoyo: USAER atiende a 3 alumnos con TDAH}
    ✗ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: necesidades_educativas_especiales, cantidad: 1, apoyo: A-2025-014 tiene TDAH y toma medicamento}
    """
    for archivo, nodo, camino in textos(ruta):
        termino = termino_de_salud(nodo.texto)
        if not termino:
            continue
        identificador = _identificador(nodo.texto)
        if identificador:
            ctx.problema(Lugar(archivo, nodo.linea, nodo.columna, camino), None,
                         f"Un dato de salud («{termino}») aparece junto a un alumno identificable "
                         f"({identificador}).",
                         "Escribe el dato en forma de grupo («2 alumnos de 3° con …»), sin código ni nombre.",
                         secretos=(identificador,))


@regla("RM504", "contacto-personal", ERROR, "privacidad")
def contacto_personal(ruta, ctx):
    """Hay un correo electrónico o un teléfono en la Ruta (también cuenta en un comentario).

    ✓ ruta.yaml
        escuela:
          municipio: Atlixco
    ✗ ruta.yaml
        escuela:
          municipio: Atlixco (tel. 244 123 4567)
    """
    for patron, que in ((CORREO, "un correo electrónico"), (TELEFONO, "un teléfono")):
        for archivo, linea, columna, valor in _en_texto_crudo(ruta, patron):
            if patron is TELEFONO and not 10 <= sum(c.isdigit() for c in valor) <= 13:
                continue
            ctx.problema(Lugar(archivo, linea, columna), None, f"Hay {que} ({valor}) en la Ruta.",
                         "Los contactos no van en la Ruta: bórralo (también del historial de git).",
                         secretos=(valor,))


# --- Reconocer nombres y salud ----------------------------------------------------------------


def datos_personales(texto: str, ruta) -> list[tuple[str, str]]:
    """(qué es, el valor) de cada dato personal de ``texto``: CURP, correo, teléfono o nombre
    completo que no sea del colectivo, la escuela o un personaje. Lo usan quienes escriben en
    la Ruta (``bitacora agregar``) para negarse antes de escribir."""
    hallados = [("una CURP", m.group()) for m in CURP.finditer(texto)]
    hallados += [("un correo electrónico", m.group()) for m in CORREO.finditer(texto)]
    hallados += [("un teléfono", m.group()) for m in TELEFONO.finditer(texto)
                 if 10 <= sum(c.isdigit() for c in m.group()) <= 13]
    permitidos = _permitidos(ruta)
    hallados += [("un nombre de persona", n) for n in nombres_completos(texto)
                 if not any(normalizar(n) in p for p in permitidos)]
    return hallados


_SIN_ACENTO = str.maketrans("ÁÉÍÓÚáéíóúü", "AEIOUaeiouu")
_VOCALES = {"a": "[aá]", "e": "[eé]", "i": "[ií]", "o": "[oó]", "u": "[uúü]", "n": "[nñ]"}


def sin_acentos(palabra: str) -> str:
    """Un patrón que acepta la palabra con o sin acentos («María» ~ «Maria»)."""
    return "".join(_VOCALES.get(c, re.escape(c)) for c in normalizar(palabra).replace("_", " "))


@lru_cache(maxsize=1)
def _catalogo():
    """Los datos de privacidad, y dos expresiones compiladas una vez: buscar con una sola
    pasada en C es lo que mantiene rápida la validación de cientos de textos."""
    datos = datos_de("privacidad.yaml")
    nombres = datos.get("nombres_de_pila") or []
    # Cada nombre tal como se escribe, con y sin acentos: «María» y «Maria».
    pila = set(nombres) | {n.translate(_SIN_ACENTO) for n in nombres}
    terminos = list(datos.get("terminos_de_salud") or [])
    return (pila,
            {p.lower() for p in datos.get("particulas") or []},
            [normalizar(p) for p in datos.get("personajes") or []],
            re.compile(r"(?<!\w)(?:" + "|".join(sin_acentos(t) for t in terminos) + r")(?!\w)",
                       re.IGNORECASE),
            None)


_MAYUSCULA = re.compile(r"[A-ZÁÉÍÓÚÑ][a-záéíóúüñ]+")
# Palabras, y las iniciales con punto («Francisco I. Madero»).
_PALABRA = re.compile(r"[A-ZÁÉÍÓÚÑ]\.(?=\s)|[A-Za-zÁÉÍÓÚÜÑáéíóúüñ]+")


def nombres_completos(texto: str) -> list[str]:
    """Los nombres completos de persona en ``texto``: nombre de pila conocido + dos palabras
    con mayúscula (apellidos o segundo nombre), con partículas en medio."""
    pila, particulas, _, _, _ = _catalogo()
    if not any(p in pila for p in _MAYUSCULA.findall(texto)):
        return []  # Lo común: ningún nombre de pila; se descarta sin más trabajo.
    palabras = [(m.group(), m.start(), m.end()) for m in _PALABRA.finditer(texto)]
    hallados = []
    i = 0
    while i < len(palabras):
        palabra = palabras[i][0]
        if palabra not in pila:
            i += 1
            continue
        j, mayusculas, fin = i + 1, 0, palabras[i][2]
        while j < len(palabras):
            siguiente = palabras[j][0]
            if texto[palabras[j - 1][2]:palabras[j][1]].strip():
                break  # Una coma u otro signo corta el nombre.
            if siguiente[0].isupper():
                mayusculas += 1
                fin = palabras[j][2]
            elif siguiente.lower() not in particulas:
                break
            j += 1
        if mayusculas >= 2:
            hallados.append(texto[palabras[i][1]:fin])
            i = j
        else:
            i += 1
    return hallados


def _permitidos(ruta) -> list[str]:
    """Nombres que sí pueden aparecer: el colectivo, la comunidad, la escuela, los personajes."""
    _, _, personajes, _, _ = _catalogo()
    nombres = [normalizar(p.nombre) for p in ruta.colectivo + ruta.comunidad if p.nombre]
    if ruta.escuela is not None and ruta.escuela.nombre:
        nombres.append(normalizar(ruta.escuela.nombre))
    return nombres + personajes


def termino_de_salud(texto: str) -> str | None:
    m = _catalogo()[3].search(texto)
    return m.group() if m else None


def _identificador(texto: str) -> str | None:
    """Un código de alumno, un nombre completo o «el alumno Fulano» en el texto."""
    for patron in (CODIGO_ALUMNO, _ALUMNO):
        m = patron.search(texto)
        if m:
            return m.group()
    nombres = nombres_completos(texto)
    return nombres[0] if nombres else None
