"""Los datos del detector, leídos una vez: nombres, personajes y señales.

Son archivos de texto de ``rutamejora/catalogos/`` (una palabra o una frase por línea, con
secciones ``[así]``), no YAML: cargarlos cuesta un par de milisegundos y no depende de cómo se
carguen los demás catálogos. Las listas de palabras se buscan en conjuntos, no con expresiones
regulares gigantes: compilar una alternativa de cientos de frases cuesta decenas de
milisegundos por proceso y recorrerla, una prueba por frase en cada posición del texto.

Todo se compara **plegado**: minúsculas, sin acentos y con la ñ como n, letra por letra, de
modo que el texto plegado mide lo mismo que el original y una posición en uno es la misma en el
otro.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path

from rutamejora.nucleo.expresiones import compilar

# Junto a este paquete, en el paquete ``catalogos`` (se instala con él).
CARPETA = Path(__file__).resolve().parent.parent / "catalogos"


def _tabla_de_pliegue() -> dict[int, str]:
    """Cada letra latina con acento o en mayúscula → su letra base en minúscula (una por una)."""
    tabla = {}
    for punto in range(0x41, 0x250):
        letra = chr(punto)
        base = unicodedata.normalize("NFD", letra)[0].lower()
        if len(base) == 1 and base != letra and base.isascii():
            tabla[punto] = base
    return tabla


PLIEGUE = _tabla_de_pliegue()
_PLIEGUE_POR_LETRA = {chr(punto): letra for punto, letra in PLIEGUE.items()}
_NO_ASCII = compilar(r"[^\x00-\x7f]")


def _plegar_letra(m: re.Match) -> str:
    letra = m.group()
    return _PLIEGUE_POR_LETRA.get(letra, letra)


# Las letras de Latin-1 (todas las del español) plegadas byte por byte: ``bytes.translate`` en C.
_PLIEGUE_LATIN1 = bytes(ord(_PLIEGUE_POR_LETRA.get(chr(i), chr(i))) for i in range(256))


def plegar(texto: str) -> str:
    """``texto`` en minúsculas, sin acentos y con ñ como n, del mismo largo que el original."""
    minusculas = texto.lower()
    if minusculas.isascii():
        return minusculas  # En C y sin más: la mitad de los textos de una Ruta.
    if len(minusculas) != len(texto):
        return texto.translate(PLIEGUE)  # «İ» en minúscula son dos letras: letra por letra.
    try:
        # Casi todo texto con acentos cabe en Latin-1: un tercio de lo que cuesta cambiar letra
        # por letra con una expresión.
        return minusculas.encode("latin-1").translate(_PLIEGUE_LATIN1).decode("latin-1")
    except UnicodeEncodeError:  # comillas tipográficas, rayas, otras escrituras
        return _NO_ASCII.sub(_plegar_letra, minusculas)


PALABRA = compilar(r"[a-z]+")
_NO_LETRA = compilar(r"[^a-z]")
# Las cinco primeras letras de una palabra (``CINCO_LETRAS(palabra) == palabra[:5]``).
CINCO_LETRAS = itemgetter(slice(5))
PARTICULAS = frozenset({"de", "del", "el", "la", "las", "los", "y", "e", "i"})


def _secciones(texto: str) -> dict[str, list[str]]:
    """``{sección: [renglones]}`` sin comentarios (``#`` hasta el fin del renglón) ni vacíos.

    Una sección que se repite se une."""
    secciones: dict[str, list[str]] = {}
    actual = secciones.setdefault("", [])
    for renglon in texto.splitlines():
        renglon = renglon.split("#", 1)[0].strip()
        if not renglon:
            continue
        if renglon.startswith("[") and renglon.endswith("]"):
            actual = secciones.setdefault(renglon[1:-1].strip(), [])
        else:
            actual.append(renglon)
    return secciones


@lru_cache(maxsize=None)
def _leer(nombre: str) -> dict[str, list[str]]:
    """Las secciones de un archivo del catálogo, leídas una vez (``nombres.txt`` lo piden dos
    funciones). Quien las pide no las cambia."""
    return _secciones((CARPETA / nombre).read_text(encoding="utf-8"))


@lru_cache(maxsize=1)
def nombres() -> dict[str, frozenset[str]]:
    """Las palabras de ``nombres.txt`` por sección: ``pila``, ``apellidos``, ``diminutivos``,
    ``comunes`` y ``excluir`` (ya plegadas en el archivo)."""
    return {seccion: frozenset(palabra for renglon in renglones for palabra in renglon.split())
            for seccion, renglones in _leer("nombres.txt").items() if seccion != "diminutivo_de"}


@lru_cache(maxsize=1)
def diminutivos_de() -> dict[str, frozenset[str]]:
    """``{nombre: {sus diminutivos}}`` de la sección ``[diminutivo_de]`` de ``nombres.txt``."""
    tabla: dict[str, set[str]] = {}
    for renglon in _leer("nombres.txt").get("diminutivo_de", []):
        nombre, _, diminutivos = renglon.partition(":")
        tabla.setdefault(nombre.strip(), set()).update(diminutivos.split())
    return {nombre: frozenset(d) for nombre, d in tabla.items()}


@lru_cache(maxsize=1)
def personajes() -> tuple[frozenset[str], ...]:
    """Las palabras (plegadas, sin partículas) de cada línea de ``personajes.txt``."""
    return tuple(frozenset(p for p in PALABRA.findall(plegar(linea)) if p not in PARTICULAS)
                 for linea in _leer("personajes.txt").get("", []))


@lru_cache(maxsize=1)
def ladas() -> frozenset[str]:
    """Los tres primeros dígitos que puede tener un teléfono de México (``ladas.txt``)."""
    return frozenset(lada for renglon in _leer("ladas.txt").get("", []) for lada in renglon.split())


# Palabras que están en muchos textos de una Ruta: no sirven de clave del filtro de ``Frases``.
_FRECUENTES = frozenset({"esta", "estan", "tiene", "tienen", "llega", "llego", "hace", "hacen",
                         "fue", "fueron", "bajo", "chico", "chica", "hombre", "mujer", "trabaja",
                         "trabajan", "quiere", "otro", "otra", "para", "como", "mucho", "estados",
                         "mensajes", "comer", "casa", "padres", "madre", "padre", "alumno",
                         "alumna", "alumnos", "alumnas", "nino", "nina", "ninos", "ninas",
                         # Palabras de enlace: «está con el DIF» se delata por «dif», no por «con»
                         # (la mitad de los textos de una Ruta lo dicen).
                         "con", "de", "del", "el", "la", "los", "las", "en", "se", "lo", "le",
                         "les", "su", "sus", "un", "una", "al", "que", "y", "no", "es", "por"})


def _clave(partes: tuple) -> tuple[int, str, bool]:
    """(dónde está, palabra, si lleva ``*``) de la clave del filtro de una frase: su primera
    palabra larga (la más rara), o la más larga; no una que está en casi cualquier texto de una
    Ruta («tiene», «está», «con»), que haría pasar el filtro a todos («se fue al otro lado» se
    delata por «lado»)."""
    raras = [k for k, p in enumerate(partes) if p[0] not in _FRECUENTES] or list(range(len(partes)))
    k = next((k for k in raras if len(partes[k][0]) >= 5),
             max(raras, key=lambda k: len(partes[k][0])))
    return (k, *partes[k])


class Frases:
    """Un conjunto de frases cortas (``violencia familiar``, ``embarazad*``) que se buscan en
    una lista de palabras plegadas. Un ``*`` al final de una palabra acepta cualquier
    terminación (con al menos cinco letras antes). Se indexan por su primera palabra."""

    def __init__(self, entradas):
        entradas = tuple(entradas)
        self.entradas = frozenset(entradas)
        self._exactas: dict[str, list[tuple]] = {}
        self._por_prefijo: dict[str, list[tuple]] = {}
        self.claves: set[str] = set()  # palabras enteras que delatan alguna frase
        self.claves_prefijo: set[str] = set()  # cinco primeras letras que delatan alguna
        for entrada in entradas:
            partes = tuple((_NO_LETRA.sub("", p), p.endswith("*")) for p in entrada.split())
            partes = tuple(p for p in partes if p[0])
            if not partes:
                continue
            primera, comodin = partes[0]
            indice = self._por_prefijo if comodin else self._exactas
            indice.setdefault(primera[:5] if comodin else primera, []).append(partes)
            _, palabra, comodin = _clave(partes)
            (self.claves_prefijo if comodin else self.claves).add(palabra[:5] if comodin else palabra)

    def estado(self) -> tuple:
        """Lo que ``Frases`` arma de sus entradas, en una forma que se puede escribir como
        literal de Python y que no depende del orden de los conjuntos (``compilar``)."""
        return (tuple(sorted(self.entradas)), self._exactas, self._por_prefijo,
                tuple(sorted(self.claves)), tuple(sorted(self.claves_prefijo)))

    @classmethod
    def desde_estado(cls, estado: tuple) -> "Frases":
        """Las ``Frases`` de un ``estado()`` guardado, sin volver a armarlas."""
        frases = cls.__new__(cls)
        entradas, frases._exactas, frases._por_prefijo, claves, prefijos = estado
        frases.entradas, frases.claves, frases.claves_prefijo = frozenset(entradas), set(claves), set(prefijos)
        return frases

    def podria(self, palabras) -> bool:
        """Si alguna frase podría estar entre ``palabras`` (un filtro barato: sin falsos no)."""
        if not self.claves.isdisjoint(palabras):
            return True
        # ``map`` con ``itemgetter`` corta cada palabra en C (sin un conjunto por llamada).
        return bool(self.claves_prefijo) and not self.claves_prefijo.isdisjoint(
            map(CINCO_LETRAS, palabras))

    def en(self, palabras, i: int) -> int:
        """Cuántas palabras abarca la frase más larga que empieza en ``palabras[i]`` (0: ninguna)."""
        palabra = palabras[i]
        mejor = 0
        for partes in chain(self._exactas.get(palabra, ()), self._por_prefijo.get(palabra[:5], ())):
            largo = len(partes)
            if largo <= mejor or i + largo > len(palabras):
                continue
            if all(palabras[i + k].startswith(p) if comodin else palabras[i + k] == p
                   for k, (p, comodin) in enumerate(partes)):
                mejor = largo
        return mejor

    def buscar(self, palabras) -> list[tuple[int, int]]:
        """(primera, después de la última) de cada frase en ``palabras``, sin encimarse: de
        izquierda a derecha, en cada posición la más larga que empieza ahí.

        Cada frase se busca desde su clave (``_clave``), no desde su primera palabra: la
        primera suele ser común («se», «la», «vive») y la clave casi nunca está en el texto.
        Da lo mismo que probar cada frase en cada posición: una frase está en el texto si y solo
        si todas sus palabras lo están, la clave entre ellas."""
        por_clave, por_clave_prefijo = self._por_clave()
        presentes = self.claves.intersection(palabras)
        prefijos = self.claves_prefijo.intersection(map(CINCO_LETRAS, palabras)) \
            if self.claves_prefijo else ()
        if not presentes and not prefijos:
            return []
        mas_larga: dict[int, int] = {}  # dónde empieza → cuántas palabras abarca
        for j, palabra in enumerate(palabras):
            if palabra in presentes:
                frases = por_clave[palabra]
                if prefijos and palabra[:5] in prefijos:
                    frases = frases + por_clave_prefijo[palabra[:5]]
            elif prefijos and palabra[:5] in prefijos:
                frases = por_clave_prefijo[palabra[:5]]
            else:
                continue
            for k, partes in frases:
                inicio, largo = j - k, len(partes)
                if inicio < 0 or inicio + largo > len(palabras) or largo <= mas_larga.get(inicio, 0):
                    continue
                if all(palabras[inicio + n].startswith(p) if comodin else palabras[inicio + n] == p
                       for n, (p, comodin) in enumerate(partes)):
                    mas_larga[inicio] = largo
        hallados, siguiente = [], 0
        for inicio in sorted(mas_larga):
            if inicio >= siguiente:
                siguiente = inicio + mas_larga[inicio]
                hallados.append((inicio, siguiente))
        return hallados

    def _por_clave(self) -> tuple[dict, dict]:
        """({clave: [(dónde está en la frase, partes)]}, lo mismo para las claves de cinco
        letras de una palabra con ``*``), armados la primera vez que se piden."""
        indices = self.__dict__.get("_indices_por_clave")
        if indices is None:
            indices = ({}, {})
            for partes in chain(*self._exactas.values(), *self._por_prefijo.values()):
                k, palabra, comodin = _clave(partes)
                indices[comodin].setdefault(palabra[:5] if comodin else palabra, []).append((k, partes))
            self.__dict__["_indices_por_clave"] = indices
        return indices


@lru_cache(maxsize=1)
def senales() -> dict[str, Frases]:
    """Las secciones de ``senales.txt``, cada una como ``Frases``: de ``_compilado.py`` si está al
    día con el archivo (armarlas cuesta ~4 ms en cada arranque; leerlas de ahí, una fracción)."""
    compilado = _compiladas()
    if compilado is not None:
        return {seccion: Frases.desde_estado(estado) for seccion, estado in compilado.items()}
    return armar_senales()


def armar_senales() -> dict[str, Frases]:
    """Las secciones de ``senales.txt``, armadas desde el texto."""
    return {seccion: Frases(plegar(r) for r in renglones)
            for seccion, renglones in _leer("senales.txt").items()}


def huella(nombre: str) -> int:
    """CRC-32 de un archivo del catálogo, con finales de línea de Unix (como ``catalogos``)."""
    import binascii

    return binascii.crc32((CARPETA / nombre).read_bytes().replace(b"\r\n", b"\n"))


def _compiladas() -> dict | None:
    """Los estados de las ``Frases`` de ``_compilado.py``, o ``None`` si ``senales.txt`` cambió
    desde que se generó (quien edita el catálogo ve su cambio aunque no lo regenere)."""
    from rutamejora.privacidad import _compilado

    try:
        al_dia = huella("senales.txt") == _compilado.HUELLA_SENALES
    except OSError:
        al_dia = False
    return _compilado.SENALES if al_dia else None


def palabras_en(plano: str, desde: int, hasta: int) -> tuple[list[str], list[tuple[int, int]]]:
    """Las palabras de ``plano[desde:hasta]`` y dónde está cada una (en ``plano``)."""
    palabras, lugares = [], []
    for m in PALABRA.finditer(plano, max(0, desde), hasta):
        palabras.append(m.group())
        lugares.append(m.span())
    return palabras, lugares


def ultima(frases: Frases, plano: str, desde: int, hasta: int) -> int | None:
    """Dónde termina (en ``plano``) la última frase de ``frases`` entre ``desde`` y ``hasta``."""
    desde = max(0, desde)
    if not frases.podria(PALABRA.findall(plano, desde, hasta)):
        return None  # Lo común, y sin armar la lista de posiciones.
    palabras, lugares = palabras_en(plano, desde, hasta)
    encontradas = frases.buscar(palabras)
    return lugares[encontradas[-1][1] - 1][1] if encontradas else None


COMILLAS_ABREN = "\"“«"
COMILLAS = "\"“”«»"


def entre_comillas(texto: str, inicio: int, fin: int) -> bool:
    """Entre comillas que abren después de una palabra («Escuela "…"», «leerán "…"»): un título
    o un nombre propio de lugar. Las comillas de un valor de YAML (``clave: "…"``) no cuentan."""
    linea = texto.rfind("\n", 0, inicio) + 1
    previo = texto[linea:inicio]
    abre = max(previo.rfind(c) for c in COMILLAS_ABREN)
    if abre < 0 or (previo[abre] == '"' and previo.count('"') % 2 == 0):
        return False
    if any(c in previo[abre + 1:] for c in "”»"):
        return False
    cierre = re.search(f"[{COMILLAS}]", texto[fin:fin + 80])
    if cierre is None:
        return False
    delante = previo[:abre].rstrip()
    return bool(delante) and (delante[-1].isalnum() or delante[-1] == ".")
