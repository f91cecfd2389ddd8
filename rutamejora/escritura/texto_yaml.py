"""El texto de la bitácora tal como está: sus líneas con sus fines y dónde está cada nodo de YAML.

Es lo que permite injertar lo nuevo sin tocar nada más: las líneas se guardan con su fin de línea
original (y la BOM), y de cada nodo se sabe en qué línea y columna empieza y termina.
"""

from __future__ import annotations

from itertools import accumulate

from rutamejora.nucleo.expresiones import compilar
from rutamejora.nucleo.registro import campo, registro

BOM = "\ufeff"


def sin_bom(texto: str) -> tuple[str, str]:
    """(las BOM del principio, el resto). Casi siempre una o ninguna; un editor que agrega la
    suya a un archivo que ya la tenía deja dos, y libyaml salta la que quede sin contarla: sus
    posiciones serían las del texto sin ellas, así que se quitan todas (y vuelven al escribir)."""
    resto = texto.lstrip(BOM)
    return texto[:len(texto) - len(resto)], resto

_FINES = compilar(r"\r\n|\r|\n|\x85|\u2028|\u2029")   # los saltos de línea que cuenta ruamel


@registro
class Texto:
    """El archivo como líneas con su fin de línea original; así se injerta sin tocar lo demás.

    Guarda también el texto leído (``original``, sin las BOM) y dónde empieza cada una de sus
    líneas, para decir después qué cambió (``ediciones``) sin comparar el archivo entero.
    """

    lineas: list                   # [[contenido, fin]]
    salto: str                     # el fin de línea del archivo ("\n" o "\r\n")
    bom: str                       # las BOM del principio, tal cual (casi siempre "" o una)
    original: str = ""
    inicios: list = campo(fabrica=list)      # posición en ``original`` de cada línea leída
    _leidas: list = campo(fabrica=list, mostrar=False)   # las filas tal como se leyeron

    @classmethod
    def de(cls, texto: str) -> "Texto":
        bom, texto = sin_bom(texto)
        partes = _partir(texto)
        lineas = [[contenido, fin] for contenido, fin in partes]
        inicios = list(accumulate((len(c) + len(f) for c, f in partes), initial=0))[:-1]
        primero = _FINES.search(texto)
        salto = "\r\n" if primero is not None and primero.group() == "\r\n" else "\n"
        return cls(lineas, salto, bom, texto, inicios, [(fila, fila[0], fila[1]) for fila in lineas])

    @property
    def cuerpo(self) -> str:
        return "".join(c + f for c, f in self.lineas)

    def texto(self) -> str:
        return self.bom + self.cuerpo

    def posicion(self, linea: int) -> int:
        """Dónde empieza en ``original`` la línea leída ``linea`` (desde 0; el final si no existe)."""
        return self.inicios[linea] if linea < len(self.inicios) else len(self.original)

    def insertar(self, indice: int, nuevas: list[str]) -> None:
        """Inserta líneas nuevas antes de la línea ``indice`` (al final si es ``len``)."""
        if not nuevas:
            return
        if indice > 0 and indice == len(self.lineas) and self.lineas[-1][1] == "":
            # La última línea no tenía fin de línea: lo nuevo sigue sin tenerlo al final.
            self.lineas[-1][1] = self.salto
            filas = [[n, self.salto] for n in nuevas]
            filas[-1][1] = ""
        else:
            filas = [[n, self.salto] for n in nuevas]
        self.lineas[indice:indice] = filas

    def ediciones(self) -> list[tuple[int, str, str]] | None:
        """Lo que cambió desde que se leyó: ``(posición en original, lo quitado, lo puesto)``, en
        orden. Las líneas nuevas son inserciones; una línea leída que cambió (una lista en línea
        que creció) da solo el tramo distinto. ``None`` si alguna línea leída se perdió o cambió
        de orden (entonces se comprueba el archivo entero)."""
        cambios, puestas, siguiente = [], [], 0
        for fila in self.lineas:
            if siguiente == len(self._leidas) or fila is not self._leidas[siguiente][0]:
                # Una línea nueva (o una leída fuera de su lugar: entonces no se llega al final
                # de las leídas y se devuelve None).
                puestas.append(fila[0] + fila[1])
                continue
            i, siguiente = siguiente, siguiente + 1
            if puestas:
                cambios.append((self.inicios[i], "", "".join(puestas)))
                puestas = []
            _, contenido, fin = self._leidas[i]
            if fila[0] is not contenido or fila[1] is not fin:
                antes, ahora = contenido + fin, fila[0] + fila[1]
                if antes != ahora:
                    cambios.append(_tramo_distinto(self.inicios[i], antes, ahora))
        if siguiente != len(self._leidas):
            return None
        if puestas:
            cambios.append((len(self.original), "", "".join(puestas)))
        return cambios


def _partir(texto: str) -> list[tuple[str, str]]:
    """(contenido, fin) de cada línea. Si todos los saltos son \\n (o todos \\r\\n) basta
    ``split``, varias veces más rápido que la expresión ``_FINES``, que queda para lo demás."""
    salto = None
    if not any(c in texto for c in "\r\x85\u2028\u2029"):
        salto = "\n"
    elif not any(c in texto.replace("\r\n", "") for c in "\r\n\x85\u2028\u2029"):
        salto = "\r\n"
    if salto is not None:
        trozos = texto.split(salto)
        ultimo = trozos.pop()
        return [(t, salto) for t in trozos] + ([(ultimo, "")] if ultimo else [])
    partes, inicio = [], 0
    for m in _FINES.finditer(texto):
        partes.append((texto[inicio:m.start()], m.group()))
        inicio = m.end()
    if inicio < len(texto):
        partes.append((texto[inicio:], ""))
    return partes


def _tramo_distinto(posicion: int, antes: str, ahora: str) -> tuple[int, str, str]:
    """``(posición, quitado, puesto)`` con lo que ``antes`` y ``ahora`` tienen igual al principio
    y al final fuera."""
    prefijo = 0
    while prefijo < min(len(antes), len(ahora)) and antes[prefijo] == ahora[prefijo]:
        prefijo += 1
    sufijo = 0
    while sufijo < min(len(antes), len(ahora)) - prefijo and antes[-1 - sufijo] == ahora[-1 - sufijo]:
        sufijo += 1
    return posicion + prefijo, antes[prefijo:len(antes) - sufijo], ahora[prefijo:len(ahora) - sufijo]


def aplicar(texto: str, ediciones: list[tuple[int, str, str]]) -> str | None:
    """``texto`` con las ``ediciones`` hechas; ``None`` si lo que dicen quitar no está ahí."""
    partes, desde = [], 0
    for posicion, quitado, puesto in ediciones:
        if posicion < desde or texto[posicion:posicion + len(quitado)] != quitado:
            return None
        partes += [texto[desde:posicion], puesto]
        desde = posicion + len(quitado)
    partes.append(texto[desde:])
    return "".join(partes)


# --- Dónde está cada nodo ---------------------------------------------------------------------
#
# El árbol se arma con los eventos del analizador en C de ruamel (libyaml), como la lectura de
# ``ruta validar``: componer con el de Python puro costaba 20 veces más, y el compositor en C de
# ruamel (``get_single_node``) resuelve la etiqueta de cada escalar en Python y sale aún más lento
# que estos nodos mínimos. Los nodos tienen lo que usan el injerto y el estilo, con los mismos
# nombres que los de ruamel: ``value``, ``start_mark``/``end_mark`` (``line`` y ``column`` desde 0,
# con las líneas que cuenta ``Texto``), ``style`` de un escalar (vacío si va sin comillas) y
# ``flow_style`` de una lista o un mapa. Un escalar es el evento mismo de libyaml, que ya tiene
# todo eso, salvo si sus marcas hay que rehacerlas.


class Marca:
    __slots__ = ("line", "column")

    def __init__(self, line: int, column: int):
        self.line, self.column = line, column


class ScalarNode:
    __slots__ = ("value", "style", "start_mark", "end_mark")

    def __init__(self, value, style, start_mark, end_mark):
        self.value, self.style, self.start_mark, self.end_mark = value, style, start_mark, end_mark


class SequenceNode:
    __slots__ = ("value", "flow_style", "start_mark", "end_mark")

    def __init__(self, flow_style, start_mark):
        self.value, self.flow_style, self.start_mark, self.end_mark = [], flow_style, start_mark, None


class MappingNode(SequenceNode):
    """``value`` es la lista de pares (nodo clave, nodo valor), en el orden del archivo."""

    __slots__ = ()


# El nombre de la clase de ruamel a la que equivale cada clase de nodo (ver ``es_nodo``); el
# evento de un escalar de libyaml sirve de nodo tal cual (``componer`` lo agrega).
CLASES: dict = {ScalarNode: "ScalarNode", SequenceNode: "SequenceNode", MappingNode: "MappingNode"}


@registro
class Arbol:
    """La raíz del documento y si tiene algo que obliga a comprobar el archivo entero: anclas,
    alias, etiquetas, directivas, claves repetidas o que no son texto (ver ``comprobacion``)."""

    raiz: object
    raro: bool = False
    # Lo que el árbol arma a pedido y guarda (las vistas de ``arbol_leido``, que lo apuntan de
    # vuelta: un ciclo). ``soltar`` lo vacía al terminar, para que la memoria vuelva enseguida
    # y el recolector de ciclos no tenga que recorrer la bitácora entera para liberarla.
    armado: dict | None = None

    def soltar(self) -> None:
        if self.armado is not None:
            self.armado.clear()


def marcador(texto: str, inicios: list[int]):
    """La función que da la ``Marca`` de un índice de carácter de ``texto``, con las líneas de
    ``Texto`` (``inicios``: dónde empieza cada una)."""
    import bisect

    largo = len(texto)
    inicios = inicios or [0]
    if texto and texto[-1] in "\r\n\x85\u2028\u2029":
        inicios = [*inicios, largo]      # la línea vacía después del último salto

    def marca(indice: int) -> Marca:
        indice = min(indice, largo)
        linea = bisect.bisect_right(inicios, indice) - 1
        return Marca(linea, indice - inicios[linea])

    return marca


def _rehacer(texto: str, inicios: list[int]):
    """La función que rehace una marca de libyaml desde su índice de carácter (``marcador``).
    Hace falta con ``\\r``, NEL, U+2028 o U+2029 en el texto, y al final de un archivo sin salto
    de línea, donde libyaml inventa una línea."""
    marca = marcador(texto, inicios)
    return lambda m: marca(m.index)


# Larga a propósito: el bucle caliente de ``bitacora agregar``; partirlo costaría una llamada por evento.
def componer(texto: str, inicios: list[int] | None = None) -> Arbol:
    """El árbol del texto (sin BOM), con el analizador en C; ``inicios``, dónde empieza cada línea
    (los de ``Texto``; si faltan se calculan). Lanza el ``YAMLError`` del analizador si el texto
    no es YAML, si tiene más de un documento o un alias de una lista o un mapa.

    El contenedor abierto más interno vive en variables locales (``cima``, su clave pendiente y
    sus claves vistas) y los de afuera en una pila, como en la lectura de ``ruta validar``.
    """
    from ruamel.yaml import events as ev
    from ruamel.yaml.composer import ComposerError
    from ruamel.yaml.cyaml import CParser

    if inicios is None:
        inicios = Texto.de(texto).inicios
    # Sin esos saltos, la línea y la columna de libyaml son las de ``Texto`` (salvo al final).
    marca, largo = _rehacer(texto, inicios), len(texto)
    directa = not any(c in texto for c in "\r\x85\u2028\u2029")
    escalar, alias, abre_mapa, abre_lista = ev.ScalarEvent, ev.AliasEvent, ev.MappingStartEvent, ev.SequenceStartEvent
    cierra_mapa, cierra_lista, inicio_documento = ev.MappingEndEvent, ev.SequenceEndEvent, ev.DocumentStartEvent
    # ``ctag`` (el atributo detrás de la propiedad ``tag``, que arma un texto en cada evento)
    # basta para saber si hay una etiqueta escrita; si una versión de ruamel no lo tuviera, ``tag``.
    con_ctag = all("ctag" in getattr(c, "__slots__", ()) for c in (escalar, ev.CollectionStartEvent))
    CLASES[escalar] = "ScalarNode"
    pila: list = []          # los contenedores de afuera: (nodo, clave pendiente, claves vistas)
    cima, clave, claves = None, None, None
    raiz, raro, documentos, anclas = None, False, 0, {}
    siguiente = CParser(texto).get_event
    while True:
        evento = siguiente()
        if evento is None:
            break
        tipo = type(evento)
        if tipo is escalar:
            if directa and evento.end_mark.index < largo:
                nodo = evento      # ya tiene value, style, start_mark y end_mark: sirve de nodo
            else:
                nodo = ScalarNode(evento.value, evento.style, marca(evento.start_mark), marca(evento.end_mark))
            if evento.anchor or (evento.ctag if con_ctag else evento.tag) is not None:
                raro = True
                if evento.anchor:
                    anclas[evento.anchor] = nodo
        elif tipo is abre_mapa or tipo is abre_lista:
            inicio = evento.start_mark
            nodo = (MappingNode if tipo is abre_mapa else SequenceNode)(
                bool(evento.flow_style), inicio if directa and inicio.index < largo else marca(inicio))
            if evento.anchor or (evento.ctag if con_ctag else evento.tag) is not None:
                raro = True   # el ancla de una lista o un mapa no se guarda: ver el alias
            if cima is not None:
                pila.append((cima, clave, claves))
            cima, clave, claves = nodo, None, (set() if tipo is abre_mapa else None)
            continue
        elif tipo is cierra_mapa or tipo is cierra_lista:
            nodo, fin = cima, evento.end_mark
            nodo.end_mark = fin if directa and fin.index < largo else marca(fin)
            cima, clave, claves = pila.pop() if pila else (None, None, None)
        elif tipo is alias:
            raro = True
            nodo = anclas.get(evento.anchor)
            if nodo is None:
                # Sin definir, o de una lista o un mapa: repetir uno podría multiplicar el árbol (una
                # «bomba de alias») y `ruta validar` ya marca cualquier alias como error (RM003).
                raise ComposerError(None, None, f"found undefined alias {evento.anchor!r}", evento.start_mark)
        elif tipo is inicio_documento:
            documentos += 1
            if documentos > 1:
                raise ComposerError("expected a single document in the stream", None,
                                    "but found another document", evento.start_mark)
            if evento.explicit or evento.version or evento.tags:
                raro = True   # `---`, `%YAML` o `%TAG`: la comprobación por partes no los vería
            continue
        else:
            continue
        if cima is None:
            raiz = nodo
        elif claves is None:
            cima.value.append(nodo)
        elif clave is None:
            clave = nodo
            if not isinstance(nodo, (ScalarNode, escalar)) or nodo.value in claves:
                raro = True   # una clave repetida o que no es texto: la comprobación completa la rechaza
            else:
                claves.add(nodo.value)
        else:
            cima.value.append((clave, nodo))
            clave = None
    return Arbol(raiz, raro)


def es_nodo(nodo, clase: str) -> bool:
    return CLASES.get(type(nodo)) == clase


def valor_de(mapa, clave: str):
    """El nodo valor de ``clave`` en un MappingNode (o ``None``)."""
    if not es_nodo(mapa, "MappingNode"):
        return None
    for k, v in mapa.value:
        if es_nodo(k, "ScalarNode") and k.value == clave:
            return v
    return None


def nodo_clave(mapa, clave: str):
    for k, _ in mapa.value:
        if es_nodo(k, "ScalarNode") and k.value == clave:
            return k
    return None


def ultima_linea(nodo, lineas) -> int:
    """La última línea (desde 0) con contenido del nodo: sin líneas en blanco ni comentarios finales."""
    ultima = nodo.start_mark.line
    pila = [nodo]
    while pila:
        n = pila.pop()
        if es_nodo(n, "ScalarNode"):
            if n.style in ("|", ">"):
                # Un bloque literal o plegado llega hasta la siguiente línea menos sangrada, con
                # las líneas en blanco del final: su contenido acaba en la última no vacía.
                fin = n.end_mark.line - (1 if n.end_mark.column == 0 else 0)
                while fin > n.start_mark.line and not lineas[fin][0].strip():
                    fin -= 1
            else:
                fin = n.end_mark.line - (1 if n.end_mark.column == 0 and n.end_mark.line > n.start_mark.line else 0)
            ultima = max(ultima, fin)
        elif getattr(n, "flow_style", False):
            ultima = max(ultima, n.end_mark.line)
        elif es_nodo(n, "MappingNode"):
            for k, v in n.value:
                pila += [k, v]
        elif es_nodo(n, "SequenceNode"):
            pila += list(n.value)
    return ultima


def columna_guion(nodo, lineas) -> int:
    """La columna del «-» de un elemento de una lista en bloque."""
    linea = lineas[nodo.start_mark.line][0]
    antes = linea[:nodo.start_mark.column].rstrip()
    return len(antes) - 1 if antes.endswith("-") else max(0, nodo.start_mark.column - 2)
