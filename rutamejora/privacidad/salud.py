"""Detalles sensibles (salud, discapacidad, embarazo, violencia, situación familiar) ligados a
personas concretas.

Un término del catálogo (``[salud]`` de ``senales.txt``) es un dato personal solo si habla de
alguien: en su oración (o en la anterior, si la suya sigue hablando de la misma persona: «…la
mamá de Omar Díaz. El niño tiene asma») hay

- un nombre, un código de alumno o una CURP: **error**;
- si no, alumnos concretos: uno en singular («una alumna», «el niño», «su hija»), varios de
  un grado o grupo («los alumnos de 1° B», «dos de 5° B»): **aviso**.

No lo es cuando el término es un tema («plática sobre la diabetes», «campaña contra el
sarampión», «protocolo ante casos de abuso»), ni cuando los alumnos son cualquiera («si un
alumno presenta…», «los alumnos con asma deben…»).
"""

from __future__ import annotations

import bisect

from rutamejora.nucleo.expresiones import compilar
from rutamejora.nucleo.problemas import AVISO, ERROR
from rutamejora.privacidad.catalogo import PALABRA, palabras_en, plegar, senales, ultima
from rutamejora.privacidad.hallazgo import CURP, NOMBRE, SALUD, Hallazgo
from rutamejora.privacidad.apodos import sujeto_de
from rutamejora.privacidad.conjuntos import datos
from rutamejora.privacidad.nombres import GRADO

# Un código de alumno: letras y números con guiones («A-2025-014», «TS-2025-03», «ALU17»,
# «3B-07»). Un id corto de la Ruta («A12», «DOC1») no lo es.
# Un «_» después vale («A-2025-017_embarazo.docx»: el nombre de un archivo).
CODIGO_ALUMNO = compilar(r"(?<![\w-])(?!(?:NOM|NMX|SEP|ISO|DOF|OF|SNTE|IMSS|ISSSTE)-)(?:[A-Z]{1,4}-\d{2,}(?:-\d+)*|[A-Z]{2,4}\d{2,}|[A-Z]\d{3,}"
                           r"|\d[A-Z]-\d{2,})(?![A-Za-z0-9-])")
# El código dicho con su palabra: «matrícula 2025-031», «clave A17», «número de lista 12»; con
# una cifra («el 20 % de la matrícula tiene bajo peso» no es un código).
_CODIGO_DICHO = compilar(r"(?<![a-z])(?:codigo|clave|matricula|numero de lista|no\. de lista)"
                           r"[\s:]+(?!\d{4}(?:-\d{4})?(?![\w-])|\d\d[a-z]{3}\d{4}[a-z](?![\w-]))"
                           r"(?=[a-z-]*\d)[a-z0-9][a-z0-9-]*")
_SINGULAR = compilar(
    r"(?<![a-z])(?:(?P<previa>[a-z]+)\s+)?(?:un|una|uno|el|la|al|del|este|esta|ese|esa|dicho|dicha"
    r"|otro|otra)\s+(?:de\s+(?:los|las|sus)\s+)?(?:alumno|alumna|nino|nina|estudiante|menor"
    r"|educando|educanda|adolescente|chico|chica|joven|bebe)(?![a-z])"
    r"|(?<![a-z])(?:sus?|mis?)\s+(?:hij[oa]s?|nin[oa]|bebe)(?![a-z])"
    r"|(?<![a-z])(?P<previa_sola>[a-z]+\s+)?(?:alumno|alumna|nino|nina|estudiante|educando"
    r"|educanda)(?![a-z])"
    # «el de 2°B con cardiopatía»: uno de un grupo, sin decir «alumno» (no «el de 1° A y el de 3° B»).
    r"|(?<![a-z])(?:el|la)\s+(?:de|del)\s+(?:" + GRADO.pattern + r")\s*[a-h]?\s+(?:con|tiene|presenta|padece)(?![a-z])")
# Antes de «un alumno», «al alumno»: habla de cualquiera («si un alumno…», «atención al
# alumno con…»), no de uno en particular.
_GENERICAS = frozenset({"si", "cuando", "todo", "toda", "cada", "cualquier", "ningun", "ninguna",
                        "algun", "alguna", "atencion", "atender",
                        # Un aviso a las familias: «Favor de no mandar al niño con fiebre».
                        "mandar", "enviar", "entregara", "recoger", "traer", "llevar"})
_PLURAL = (r"(?:alumnos|alumnas|ninos|ninas|estudiantes|menores|educandos|adolescentes|chicos"
           r"|chicas|jovenes|hermanos|ambos|ambas)")
_CANTIDAD = r"(?:dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|\d{1,2})"
# Varios alumnos, o una cantidad de un grado («dos de 5° B»).
_VARIOS = compilar(r"(?<![a-z])" + _PLURAL + r"(?![a-z])|(?<![a-z0-9])" + _CANTIDAD
                     + r"\s+(?:de|del)\s+(?:grupo\s+)?(?=" + GRADO.pattern + ")")
_GRADO_Y_RELLENO = compilar(r"(?<![a-z])(?:de|del|en|el|grupo|y)(?![a-z])|" + GRADO.pattern
                              + r"\s*[a-h]?(?![a-z])")
_ENLACE = compilar(r"(?<![a-z])(?:con|tiene|tienen|presenta|presentan|padece|padecen|sufre|sufren"
                     r"|vive|viven|esta|estan|son|fueron|usa|usan|toma|toman|requiere|requieren"
                     r"|reporta|reportan|manifiesta|manifiestan|muestra|muestran|refiere|refieren"
                     r"|consume|consumen|se|quedaron|quedo|perdieron|perdio|anda|andan"
                     r"|diagnosticad[oa]s?|que)(?![a-z])")
# Nadie del grupo tiene el detalle: «nadie vomitó», «ninguno tiene piojos».
_NEGADO = compilar(r"(?<![a-z])(?:nadie|ningun|ninguno|ninguna)(?:\s+(?:se|le|lo|la|tiene|tuvo|presento|presenta))?\s+$")
# El término antes: «violencia familiar en dos alumnos de 4° A».
_DESPUES_VARIOS = compilar(r"[^.;]{0,25}?(?<![a-z])(?:de|en)\s+(?:(?:los|las|sus|unos|unas|"
                             + _CANTIDAD + r")\s+)*" + _PLURAL + r"(?![a-z])")
_ORACION = compilar(r"(?<=[.;!?])\s+(?=[A-ZÁÉÍÓÚÑ¿¡\"«])|\n")
# La oración sigue hablando de quien nombró la anterior: empieza por él o por un verbo.
_CONTINUA = compilar(r"\s*(?:(?:el|la)\s+(?:nino|nina|alumno|alumna|menor|joven|estudiante)"
                       r"|(?:tiene|presenta|padece|sufre|es|esta|vive|usa|toma|fue|estuvo|su|sus"
                       r"|le|lo|la|se)(?![a-z])|tuvo(?!\s+lugar)(?![a-z])"
                       # «Refiere que…», sin otro sujeto («Comenta el supervisor que…» no).
                       r"|(?:refiere|dice|comenta|menciona|manifiesta|informa)\s+que(?![a-z]))")
_VERBO = compilar(r"(?<![a-z])(?:tiene|tienen|presenta|presentan|padece|padecen|sufre|sufren"
                    r"|es|son|esta|estan|estuvo|vive|viven|usa|usan|toma|toman|fue|tuvo|quedo)(?![a-z])")


def disparadores() -> tuple[frozenset[str], frozenset[str]]:
    """(palabras, comienzos de cinco letras): un texto plegado sin ninguna no tiene términos."""
    terminos = senales()["salud"]
    return frozenset(terminos.claves), frozenset(terminos.claves_prefijo)


def buscar(texto: str, plano: str, otros: list[Hallazgo], palabras=None) -> list[Hallazgo]:
    """Los detalles sensibles de ``texto`` ligados a alguien, con su gravedad. ``otros`` son
    los demás hallazgos del texto (los nombres y las CURP ligan un detalle con error);
    ``palabras``, las palabras de ``plano`` si ya se tienen. Con ellos va el apodo que el
    catálogo no trae de quien tiene el detalle («el Tacho tiene convulsiones»: ``apodos.sujeto_de``)."""
    terminos = senales()["salud"]
    if palabras is None:
        palabras = PALABRA.findall(plano)
    if not terminos.podria(palabras):
        return []  # Lo común: ninguna palabra del texto empieza como un término.
    encontrados = terminos.buscar(palabras)
    if not encontrados:
        return []
    _, lugares = palabras_en(plano, 0, len(plano))
    oraciones = _oraciones(texto, plano)
    tramos_otros = sorted((h.inicio, h.fin) for h in otros)
    personas = sorted(h.inicio for h in otros if h.clase in (NOMBRE, CURP))
    hallados = []
    for i, j in encontrados:
        inicio, fin = lugares[i][0], lugares[j - 1][1]
        if _encima(tramos_otros, inicio, fin):
            continue  # Dentro de un nombre («Sordo») o de un correo.
        desde, hasta, propia = _alcance(oraciones, plano, inicio)
        if _es_tema(plano, max(propia, inicio - 40), inicio):
            continue
        gravedad = _gravedad(texto, plano, (desde, hasta, propia), (inicio, fin), personas)
        if gravedad != ERROR and (apodo := sujeto_de(datos(), texto, plano, propia, inicio)):
            # «el Tacho tiene convulsiones»: un apodo que el catálogo no trae, de un alumno; una
            # sola vez aunque lo alcancen dos términos («toma medicamento para la epilepsia»).
            if apodo not in hallados:
                hallados.append(apodo)
            gravedad = ERROR
        if gravedad is not None:
            hallados.append(Hallazgo(SALUD, inicio, fin, texto[inicio:fin], gravedad))
    return hallados


def terminos_sensibles(texto: str) -> list[str]:
    """Los términos de salud, discapacidad o situación familiar de ``texto``, hable o no de
    alguien: para un valor que ya es de un alumno o de un grupo de alumnos (una columna de una
    lista), donde «TDAH, medicado» a secas es un dato de ellos."""
    plano = plegar(str(texto or ""))
    palabras, lugares = palabras_en(plano, 0, len(plano))
    terminos = senales()["salud"]
    if not palabras or not terminos.podria(palabras):
        return []
    return [texto[lugares[i][0]:lugares[j - 1][1]] for i, j in terminos.buscar(palabras)]


# El punto de una abreviatura de tratamiento o de cargo, o de una inicial, no cierra la oración:
# «la niña de 2° de la mtra. Norma tiene epilepsia» habla de la niña; «Cruz M. Reyes (…)», de él.
# La palabra antes del punto: una abreviatura de ``[abreviaturas]`` (senales.txt) o una letra.
_ABREVIATURA = compilar(r"(?<![a-z])([a-z]+)\.$")
_INICIAL_DE_NOMBRE = compilar(r"[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+ $")


def _oraciones(texto: str, plano: str) -> list[int]:
    """Dónde empieza cada oración del texto (no tras «Mtra.», «Dr.» y semejantes, ni tras la
    inicial de un nombre; un salto de línea siempre la cierra)."""
    return [0] + [m.end() for m in _ORACION.finditer(texto) if not _abreviatura(texto, plano, m)]


def _abreviatura(texto: str, plano: str, m) -> bool:
    """Si el punto antes de ``m`` (un fin de oración) es de una abreviatura o de una inicial con
    mayúscula tras una palabra con mayúscula («Cruz M. Reyes»; no «3° A.» ni «María.»)."""
    if "\n" in m.group() or texto[m.start() - 1] != ".":
        return False
    previo = _ABREVIATURA.search(plano, max(0, m.start() - 7), m.start())
    if previo is None:
        return False
    if len(previo.group(1)) > 1:
        return previo.group(1) in senales()["abreviaturas"].entradas
    return texto[previo.start(1)].isupper() and _INICIAL_DE_NOMBRE.search(
        texto, max(0, previo.start(1) - 20), previo.start(1)) is not None


# Cuánto de una oración se mira a cada lado del término: una «oración» sin puntos que la corten
# puede ser el texto entero (miles de términos, cada uno mirándolo todo: cuadrático).
_VENTANA = 400


def _encima(tramos: list[tuple[int, int]], inicio: int, fin: int) -> bool:
    """Si ``[inicio, fin)`` se encima con alguno de ``tramos`` (ordenados por inicio): solo los
    que empiezan antes de ``fin`` y, de ellos, los cercanos (un nombre no mide más de 200)."""
    i = bisect.bisect_left(tramos, (fin, -1))
    return any(a < fin and inicio < b for a, b in tramos[max(0, i - 8):i])


def _alcance(oraciones: list[int], plano: str, posicion: int) -> tuple[int, int, int]:
    """(desde, hasta, inicio de la propia): la oración de ``posicion``, con la anterior si esta
    sigue hablando de la misma persona; a lo más ``_VENTANA`` caracteres a cada lado."""
    k = bisect.bisect_right(oraciones, posicion) - 1
    propia = oraciones[k]
    hasta = oraciones[k + 1] if k + 1 < len(oraciones) else len(plano)
    desde = propia
    if k > 0 and _CONTINUA.match(plano, propia):
        desde = oraciones[k - 1]
    minimo = max(0, posicion - _VENTANA)
    return max(desde, minimo), min(hasta, posicion + _VENTANA), max(propia, minimo)


def _es_tema(plano: str, desde: int, inicio: int) -> bool:
    """Una palabra de tema poco antes del término y sin un verbo que hable de alguien en medio
    («taller sobre la diabetes» sí; «después del taller dijo que tiene diabetes» no)."""
    fin_de_tema = ultima(senales()["tema"], plano, desde, inicio)
    return fin_de_tema is not None and _VERBO.search(plano, fin_de_tema, inicio) is None


def _gravedad(texto: str, plano: str, alcance: tuple[int, int, int], termino: tuple[int, int],
              personas: list[int]) -> str | None:
    """``error`` si en el alcance hay un nombre, un código o una CURP (``personas``: dónde
    empieza cada nombre y cada CURP del texto, ordenados); ``aviso`` si el término habla de
    alumnos concretos; ``None`` si no habla de nadie en particular."""
    desde, hasta, propia = alcance
    i = bisect.bisect_left(personas, desde)
    if i < len(personas) and personas[i] < hasta:
        return ERROR
    if CODIGO_ALUMNO.search(texto, desde, hasta) or _CODIGO_DICHO.search(plano, desde, hasta):
        return ERROR
    for m in _SINGULAR.finditer(plano, desde, hasta):
        previa = m.group("previa") or (m.group("previa_sola") or "").strip() or None
        if previa not in _GENERICAS:
            return AVISO
    if _varios_de_un_grupo(plano, propia, hasta, *termino):
        return AVISO
    return None


def _varios_de_un_grupo(plano: str, propia: int, hasta: int, inicio: int, fin: int) -> bool:
    """Varios alumnos de un grado o grupo con el detalle: «tres alumnas de 2° A con asma», «los
    alumnos de 1° B con TDAH», «dos de 5° B con diabetes», «violencia familiar en dos alumnos de
    4° A». Hablar de los alumnos de un grupo sin atarles el detalle («casos de acoso entre los
    alumnos de 5° A») no basta: entre ellos y el término va «con», un verbo o nada más."""
    if GRADO.search(plano, propia, hasta) is None or _NEGADO.search(plano, max(propia, inicio - 16), inicio):
        return False
    grupo = None
    for grupo in _VARIOS.finditer(plano, propia, inicio):
        pass
    if grupo is not None:
        resto = _GRADO_Y_RELLENO.sub(" ", plano[grupo.end():inicio])
        if not resto.strip(" ,") or (len(resto) <= 40 and _ENLACE.search(resto)):
            return True
    return _DESPUES_VARIOS.match(plano, fin, min(hasta, fin + 60)) is not None


