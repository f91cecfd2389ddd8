"""Lo que dice que una palabra es el nombre de un alumno sin que el catálogo lo traiga: va justo
después de «el alumno», «la niña» o de un familiar y «de» («la mamá de Yeimi», «el caso de
Xochiquetzal»), o es la familia por sus apellidos («la familia Pérez López»). Y los personajes,
que nunca son alumnos. Lo usa ``nombres``."""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.catalogo import PALABRA as _PALABRA
from rutamejora.privacidad.catalogo import PARTICULAS, palabras_en, plegar
from rutamejora.privacidad.conjuntos import Datos, datos
from rutamejora.privacidad.hallazgo import NOMBRE, Hallazgo

_JUSTO_ANTES = compilar(r"[\s,:]*")
# Después de estas frases, «niños» no dice que lo que sigue sea un alumno.
_NO_DISPARAN = (("jardin", "de"), ("dia", "del"), ("hospital", "del"), ("casa", "de", "los"))


def disparador(d: Datos, plano: str, inicio: int) -> bool:
    """«el alumno», «la niña», «la mamá de», «el caso de» justo antes de ``inicio``."""
    palabras, lugares = palabras_en(plano, inicio - 40, inicio)
    if not palabras or not _JUSTO_ANTES.fullmatch(plano, lugares[-1][1], inicio):
        return False
    if d.alumno.en(palabras, len(palabras) - 1):
        previas = tuple(palabras[:-1])
        return not any(previas[-len(f):] == f for f in _NO_DISPARAN)
    if palabras[-1] in ("de", "del") and len(palabras) > 1:
        return d.familiar.en(palabras, len(palabras) - 2) == 1
    # «la familia Pérez López»: la familia de un alumno, por sus apellidos (no «Campaña Familia
    # Segura», «Lectura en familia Paz y armonía»: sin «la» o «su» delante es un nombre de cosa).
    return palabras[-1] == "familia" and len(palabras) > 1 and palabras[-2] in ("la", "su", "esta")


def personaje_entero(d: Datos, tramo: list[tuple]) -> bool:
    """Si lo que va de un tramo de ``nombres`` (dos palabras o más) ya es un personaje: lo que
    sigue tras una coma o un «de» es otro nombre, no parte de este."""
    return len(tramo) > 1 and es_personaje(d, frozenset(t[2] for t in tramo) - PARTICULAS)


def es_personaje(d: Datos, palabras: frozenset[str]) -> bool:
    """Si ``palabras`` salen todas de un personaje («Benito Juárez», «Juárez García»). Solo
    nombres de pila no bastan si el personaje tiene más («José María» es un alumno; «José María
    Morelos», el héroe): tienen que ser el personaje entero («Guadalupe Victoria»)."""
    if not palabras:
        return False
    # Dos nombres de pila («José María»), no tres («Juana Inés de la Cruz»).
    solo_de_pila = len(palabras) < 3 and all(p in d.pila for p in palabras)
    for personaje in d.personajes.get(next(iter(palabras)), ()):
        if palabras <= personaje and (len(palabras) > 1 or len(personaje) == 1) \
                and (not solo_de_pila or palabras == personaje):
            return True
    return False



# Un alumno con un nombre que el catálogo no trae: «la alumna Xochiquetzal», «el niño Tláloc».
_NOMBRE_DESCONOCIDO = (r"(?P<nombre>[A-ZÁÉÍÓÚÑ][a-záéíóúñüàâçèêëìîïòôöùû]{2,}"
                       r"(?:\s+[A-ZÁÉÍÓÚÑ][a-záéíóúñüàâçèêëìîïòôöùû]{2,}){0,3})")
_TRAS_ALUMNO = compilar(r"(?:[Aa]lumn[oa]|[Nn]iñ[oa]|[Ee]studiante)\s*:?\s+" + _NOMBRE_DESCONOCIDO)
# También tras un familiar de una persona concreta («la mamá de Yeimi», «el caso de
# Xochiquetzal», «los papás de Darinel»): aquí solo «de» y la palabra con mayúscula (una
# expresión corta: se busca en cada texto con un familiar); ``_disparador`` comprueba que la
# palabra de antes sea de ``[familiar]``.
_TRAS_DE = compilar(r"\bdel?\s+" + _NOMBRE_DESCONOCIDO)
# La familia o unos hermanos por su apellido, que el catálogo no trae: «la familia Coyotl», «los
# gemelos Tlachi», «los cuates Xicale» (sin «de»: el apellido es de ellos).
_TRAS_GRUPO = compilar(r"(?<![\wáéíóúñ])(?i:(?:la|su|esta)\s+familia|los\s+(?:gemelos|mellizos|cuates"
                       r"|hermanitos|hermanos|primos)|las\s+(?:gemelas|mellizas|cuatas|hermanitas|hermanas"
                       r"|primas))\s+" + _NOMBRE_DESCONOCIDO)
TRAS_ALUMNO = _TRAS_ALUMNO  # sin ella, ``_tras_alumno`` no encuentra nada
NO_SON_NOMBRE = frozenset({"con", "del", "que", "por", "para", "sin", "los", "las", "una",
                            "uno", "como", "cuyo", "cuya", "este", "esta", "ese", "esa",
                            # «Padres de Familia», «caso de Emergencia»: nombres de cosas
                            "familia", "familias", "emergencia", "urgencia", "duda", "lluvia",
                            "accidente", "inasistencia", "ausencia", "robo", "acoso", "violencia",
                            "alumnos", "alumnas", "ninos", "ninas", "estudiantes", "escuela",
                            "educacion", "ciclo", "grupo", "grado"})


def nada_tras_alumno(texto: str, palabras) -> bool:
    """Si ningún nombre desconocido sigue a «el alumno» o a un familiar («la mamá de …»): lo que
    ``_tras_alumno`` buscaría."""
    return _TRAS_ALUMNO.search(texto) is None and nada_tras_familiar(texto, palabras)


def nada_tras_familiar(texto: str, palabras) -> bool:
    """Si ninguna palabra con mayúscula sigue a un familiar y «de» («la mamá de Yeimi»). La
    expresión se busca solo en un texto con un familiar (uno de cada diez)."""
    return datos().familiar.claves.isdisjoint(palabras) or (
        _TRAS_DE.search(texto) is None and _TRAS_GRUPO.search(texto) is None)


def tras_alumno(d: Datos, texto: str, plano: str, palabras) -> list[Hallazgo]:
    """Las palabras con mayúscula justo después de «alumno», «niña», «estudiante» o de un
    familiar y «de»: un nombre aunque el catálogo no lo traiga (no después de «Hospital del
    Niño» y semejantes)."""
    hallados = []
    coincidencias = [*_TRAS_ALUMNO.finditer(texto)] if d.alumno.podria(palabras) else []
    if d.familiar.podria(palabras):
        coincidencias += [m for m in _TRAS_DE.finditer(texto) if _nombre_tras_familiar(d, plano, m)]
        # «los hermanos Grimm», «los hermanos Serdán»: el apellido de unos personajes.
        coincidencias += [m for m in _TRAS_GRUPO.finditer(texto) if _nombre_tras_familiar(d, plano, m)
                          and not apellido_de_personajes(d, m.group("nombre"))]
    for m in coincidencias:
        if (m.start() and texto[m.start() - 1].isalnum()) or \
                plegar(m.group("nombre").split()[0]) in NO_SON_NOMBRE:
            continue
        nombre = frozenset(_PALABRA.findall(plegar(m.group("nombre")))) - PARTICULAS
        # «el Niño Jesús», con la mayúscula del que lo dispara: la figura; «el niño Jesús», no.
        con_el = nombre | set(_PALABRA.findall(plano, m.start(), m.start() + 9)[:1]) \
            if texto[m.start()].isupper() else nombre
        if not disparador(d, plano, m.start("nombre")) or es_personaje(d, nombre) \
                or es_personaje(d, con_el):
            continue  # una figura de las fiestas o de la historia, no un alumno
        hallados.append(Hallazgo(NOMBRE, m.start("nombre"), m.end("nombre"), m.group("nombre")))
    return sorted(hallados, key=lambda h: h.inicio)


# La palabra con mayúscula justo después de un nombre de pila (su apellido, si lo es).
_APELLIDO_QUE_SIGUE = compilar(r" ([A-ZÁÉÍÓÚÑ][a-záéíóúñü]{2,})(?![\wáéíóúñü])")


# Un tratamiento o un familiar justo antes de un nombre: quien sigue no es del personal por
# llamarse como alguien de él («la Sra. Guadalupe Tlapale», «mamá: Guadalupe Tlapale»).
_TRATADO_ANTES = compilar(r"(?<![a-z])(?:sra|sr|srita|senora|senor|dona|don|mama|papa|madre|padre"
                          r"|tutora|tutor|abuela|abuelo|tia|tio)\b[.:,]?\s+$")


def apellido_que_sigue(d: Datos, texto: str, plano: str, inicio: int, fin: int) -> str | None:
    """La palabra con mayúscula que sigue a un nombre de pila (``inicio``–``fin``) tras un
    tratamiento o un familiar, plegada, si puede ser su apellido: no un verbo, un cargo ni una
    palabra común con mayúscula. Con ella, un nombre de pila del personal con otro apellido es
    otra persona («la Sra. Guadalupe Tlapale» con una maestra Guadalupe Morales). Sin tratamiento
    no se mira: «Guadalupe Coordina», «Guadalupe Marzo 2026» son la maestra."""
    if _TRATADO_ANTES.search(plano, max(0, inicio - 12), inicio) is None:
        return None
    siguiente = _APELLIDO_QUE_SIGUE.match(texto, fin)
    if siguiente is None or siguiente.group(1)[-1] in "áéíóú":
        return None
    apellido = plegar(siguiente.group(1))
    if apellido in d.no_nombre or apellido.endswith(TERMINACIONES_COMUNES) \
            or d.cargo.en([apellido], 0) or d.obra.en([apellido], 0):
        return None
    return apellido


def apellido_de_personajes(d: Datos, nombre: str) -> bool:
    """Si ``nombre`` es el apellido de unos hermanos o una familia famosos: una línea de
    ``personajes.txt`` con «Hermanos» o «Familia» y esas palabras («Hermanos Grimm», «Familia
    Telerín»). No basta un personaje con ese apellido: «los hermanos Ortiz» no son Josefa."""
    palabras = frozenset(_PALABRA.findall(plegar(nombre))) - PARTICULAS
    if not palabras:
        return False
    return any(palabras | {grupo} <= p for p in d.personajes.get(next(iter(palabras)), ())
               for grupo in ("hermanos", "familia"))


# Tras un familiar o «el caso de», una palabra con mayúscula que no está en el catálogo es un
# nombre solo si no tiene la forma de una palabra común: «Los papás de Tercero», «el caso de
# Matemáticas», «Abuelos de Corazón» no nombran a nadie.
TERMINACIONES_COMUNES = ("cion", "sion", "dad", "ismo", "mente", "ica", "icas", "ia", "ias", "aje",
                          "encia", "ancia", "ura", "ero", "era", "eros", "eras", "ado", "ada", "ados",
                          "adas", "ido", "ida", "ento", "on", "or", "ol")
# «en caso de», «un caso de», «cada caso de»: una clase de cosa, no el caso de una persona.
_CASO_GENERICO = frozenset({"en", "un", "una", "cada", "algun", "ningun", "ese", "este", "otro", "tal"})


def _nombre_tras_familiar(d: Datos, plano: str, m) -> bool:
    """Si lo que sigue a un familiar o a «caso de» (``m``, de ``_TRAS_DE``: «de» y la palabra
    con mayúscula) puede ser el nombre de un alumno que el catálogo no trae."""
    antes, _ = palabras_en(plano, m.start() - 40, m.start())
    if len(antes) > 1 and antes[-1].startswith("caso") and antes[-2] in _CASO_GENERICO:
        return False
    for palabra in _PALABRA.findall(plegar(m.group("nombre"))):
        if palabra in d.no_nombre or palabra.endswith(TERMINACIONES_COMUNES) \
                or d.obra.en([palabra], 0) or d.cargo.en([palabra], 0):
            return False
    return True
