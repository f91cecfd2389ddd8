"""El árbol del injerto armado desde la lectura de la Ruta, sin volver a analizar la bitácora.

``ruta bitacora agregar`` lee la Ruta entera (para revisar lo que se registra) y luego, con el
candado tomado, vuelve a leer bitacora.yaml para injertar lo nuevo. Si el texto no cambió entre
una y otra lectura, el árbol de ``formato.lectura`` ya tiene lo que el injerto necesita: el
valor, la posición y el fin de cada nodo. Aquí se presenta con los nombres de los nodos de
``texto_yaml.componer`` (``value``, ``style``, ``flow_style``, ``start_mark``, ``end_mark``) y
cada nodo se arma solo cuando el injerto lo pide: en una bitácora de miles de entradas mira
unas pocas enteras y de las demás solo su fecha, su sesión y sus listas.

Lo que no se sabe sin analizar de nuevo, y entonces se analiza (``componer``):

- un archivo con problemas de lectura (anclas, alias, etiquetas, claves repetidas o que no son
  texto, más de un documento, otra codificación) o cuyo árbol cambió la estructura (una clave
  casi correcta);
- saltos de línea U+0085, U+2028 o U+2029 (la lectura cuenta las líneas como un editor y el
  injerto como libyaml) o una BOM que no va al principio (libyaml la salta sin contarla);
- una clave explícita (``? clave``), que puede ocupar varias líneas: una clave implícita, la de
  siempre, es de una sola línea, y de su fin el injerto solo lee la línea.

``tests/escritura/test_arbol_leido.py`` compara este árbol con el de ``componer`` nodo por nodo.
"""

from __future__ import annotations

from operator import itemgetter

from rutamejora.escritura.texto_yaml import CLASES, Arbol, Marca, Texto, marcador
from rutamejora.formato.lectura import ESCALAR, LISTA, MAPA, Documento, anotado

# Las vistas son tuplas (nodo de la lectura, fuente) con los nombres de ``componer`` como
# propiedades: armar una es armar una tupla, sin ``__init__`` en Python, y el injerto arma
# decenas de miles al mirar el estilo de una bitácora grande. Cada propiedad se calcula cuando
# se lee (el injerto lee pocas de cada nodo).


class _Vista(tuple):
    __slots__ = ()

    @property
    def start_mark(self) -> Marca:
        return Marca(self[0].linea - 1, self[0].columna - 1)

    @property
    def end_mark(self) -> Marca:
        return self[1].marca(self[0].fin)


class EscalarLeido(_Vista):
    __slots__ = ()
    value = property(lambda self: self[0].texto)

    @property
    def style(self) -> str:
        # Sin comillas, '' (como libyaml); si no, el indicador con que empieza: ' " | >.
        nodo = self[0]
        return "" if nodo.plano else self[1].caracter(nodo.linea, nodo.columna)


class ListaLeida(_Vista):
    """Una lista en bloque. ``flow_style`` es de la clase: se decide al armar la vista, por el
    carácter con que empieza (ver ``_Fuente.vistas``)."""

    __slots__ = ()
    flow_style = False
    value = property(lambda self: self[1].hijos(self[0], self.flow_style))


class MapaLeido(ListaLeida):
    """Un mapa en bloque. ``value``: los pares (clave, valor) en el orden del archivo."""

    __slots__ = ()
    value = property(lambda self: self[1].pares(self[0], self.flow_style))


class ListaEnLinea(ListaLeida):
    __slots__ = ()
    flow_style = True


class MapaEnLinea(MapaLeido):
    __slots__ = ()
    flow_style = True


class ClaveLeida(tuple):
    """Una clave de un mapa en bloque, ``(texto, (línea, columna), fuente)``: la lectura guarda
    su texto y dónde empieza. Es de una sola línea (ver arriba), así que su fin está en esa
    línea; la columna de su fin no se sabe y el injerto no la lee (es -1: si alguna vez la
    leyera, ``test_arbol_leido`` lo notaría al comparar lo injertado)."""

    __slots__ = ()
    value = property(itemgetter(0))
    start_mark = property(lambda self: Marca(self[1][0] - 1, self[1][1] - 1))
    end_mark = property(lambda self: Marca(self[1][0] - 1, -1))

    @property
    def style(self) -> str:
        caracter = self[2].caracter(*self[1])
        return caracter if caracter in ("'", '"') else ""


class ClaveEnLinea(ClaveLeida):
    """Una clave de un mapa en línea: esa sí puede seguir en otra línea (``{a\n b: 1}``), y su
    fin no se sabe sin analizar. El injerto no lo lee (no entra a lo que va en línea): si lo
    leyera, sería un error de ``ruta``, no una posición inventada."""

    __slots__ = ()

    @property
    def end_mark(self):
        raise AttributeError("el fin de una clave de un mapa en línea no está en la lectura")


CLASES.update({EscalarLeido: "ScalarNode", ClaveLeida: "ScalarNode", ClaveEnLinea: "ScalarNode",
               ListaLeida: "SequenceNode",
               ListaEnLinea: "SequenceNode", MapaLeido: "MappingNode", MapaEnLinea: "MappingNode"})
# La clase de la vista por el tipo del nodo y, en una lista o un mapa, si va en línea.
_VISTAS = {(LISTA, False): ListaLeida, (LISTA, True): ListaEnLinea, (MAPA, False): MapaLeido,
           (MAPA, True): MapaEnLinea}


class _Fuente:
    """El texto del archivo (de dónde salen el carácter de una posición y la marca de un índice)
    y lo de adentro de cada lista y mapa, armado la primera vez que se pide."""

    __slots__ = ("_texto", "_inicios", "marca", "adentro")

    def __init__(self, texto: Texto):
        self._texto, self._inicios = texto.original, texto.inicios
        self.marca = marcador(texto.original, texto.inicios)
        self.adentro: dict = {}

    def caracter(self, linea: int, columna: int) -> str:
        """El carácter en (línea, columna), desde 1 como las da la lectura ('' al final)."""
        inicios = self._inicios
        indice = (inicios[linea - 1] if linea <= len(inicios) else len(self._texto)) + columna - 1
        return self._texto[indice:indice + 1]

    def vistas(self, nodos, en_linea: bool) -> list:
        """Las vistas de ``nodos``, de adentro de una lista o un mapa en línea si ``en_linea``.
        Dentro de uno en línea todo va en línea (también el mapa de un solo par sin llaves de
        ``[a: 1]``); si no, una lista o un mapa en línea empieza con su «[» o su «{», y uno en
        bloque con «-» o con su primera clave (que no puede empezar así: sería una clave que no
        es texto)."""
        texto, inicios, clases = self._texto, self._inicios, _VISTAS
        vistas = []
        for nodo in nodos:
            if nodo.tipo == ESCALAR:
                vistas.append(EscalarLeido((nodo, self)))
            elif en_linea:
                vistas.append(clases[nodo.tipo, True]((nodo, self)))
            else:
                indice = inicios[nodo.linea - 1] + nodo.columna - 1
                vistas.append(clases[nodo.tipo, texto[indice:indice + 1] in ("[", "{")]((nodo, self)))
        return vistas

    def hijos(self, nodo, en_linea: bool) -> list:
        hijos = self.adentro.get(id(nodo))
        if hijos is None:
            hijos = self.adentro[id(nodo)] = self.vistas(nodo.valor, en_linea)
        return hijos

    def pares(self, nodo, en_linea: bool) -> list:
        pares = self.adentro.get(id(nodo))
        if pares is None:
            posiciones = nodo.claves
            clase = ClaveEnLinea if en_linea else ClaveLeida
            claves = [clase((clave, posiciones[clave], self)) for clave in nodo.valor]
            pares = self.adentro[id(nodo)] = list(zip(claves, self.vistas(nodo.valor.values(), en_linea)))
        return pares


def _clave_explicita(texto: str) -> bool:
    """¿Puede haber una clave explícita (``? clave``)? Un «?» solo: tras el inicio de la línea,
    un espacio o un indicador de flujo, y antes de un espacio o del fin. Un «?» de un texto
    («¿Qué funcionó?») no tiene eso alrededor; si lo tuviera, solo se analiza de nuevo."""
    i = texto.find("?")
    while i >= 0:
        if (i == 0 or texto[i - 1] in " \t\r\n[{,") and (i + 1 == len(texto) or texto[i + 1] in " \t\r\n"):
            return True
        i = texto.find("?", i + 1)
    return False


def _directiva(texto: str) -> bool:
    """¿Hay ``---`` (seguido de un espacio o del fin de la línea) o una directiva (``%YAML``) al
    principio de una línea? El árbol es el mismo, pero la comprobación por tramos no los vería
    (``Arbol.raro``, como en ``componer``). Un texto que lo parezca solo hace comprobar el
    archivo entero."""
    for marca in ("---", "%"):
        i = texto.find(marca)
        while i >= 0:
            al_principio = i == 0 or texto[i - 1] in "\r\n"
            if al_principio and (marca == "%" or texto[i + 3:i + 4] in ("", " ", "\t", "\r", "\n")):
                return True
            i = texto.find(marca, i + 1)
    return False


def arbol_leido(leido: Documento | None, texto: Texto) -> Arbol | None:
    """El árbol del injerto para ``texto`` desde ``leido``, la lectura de la Ruta, si ``leido``
    leyó ese mismo texto y lo que el injerto necesita se sabe sin analizarlo de nuevo; si no,
    ``None`` (y se analiza con ``componer``)."""
    original = texto.original
    if leido is None or leido.raiz is None or leido.problemas or leido.texto != original \
            or not anotado(leido) or leido.raiz.tipo not in (ESCALAR, LISTA, MAPA):
        return None
    if any(c in original for c in "\x85\u2028\u2029\ufeff") or _clave_explicita(original):
        return None
    fuente = _Fuente(texto)
    return Arbol(fuente.vistas([leido.raiz], False)[0], raro=_directiva(original), armado=fuente.adentro)
