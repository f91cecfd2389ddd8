"""Lectura de un archivo YAML de la Ruta: bytes → texto → árbol de ``Nodo`` con posiciones.

Es el único módulo que habla con ruamel.yaml al validar. Usa el analizador en C (``parse``,
eventos) y construye el árbol a mano porque así:

- cada valor conserva su línea, su columna y su texto original (el dinero se lee como
  ``Decimal`` desde el texto, nunca pasa por ``float``; ``zona: 045`` sigue siendo "045");
- las claves duplicadas, las anclas y alias, las etiquetas y los documentos múltiples se
  detectan y se informan en vez de aceptarse en silencio (un alias nunca se expande: una
  "bomba de alias" se rechaza al primer alias);
- el árbol se arma con una pila, sin recursión, así que un anidamiento absurdo no revienta.

Posee el árbol (``Nodo``, ``Documento``) y su construcción. El decodificado de los bytes está en
``codificacion``; las posiciones como las cuenta un editor, en ``posiciones``; los errores de
sintaxis en español, en ``sintaxis``; la documentación de los códigos RM0xx, en
``codigos_lectura``.
"""

from __future__ import annotations

from pathlib import Path

from rutamejora.formato import codigos_lectura  # noqa: F401  registra RM0xx antes de usarlos
from rutamejora.formato.codificacion import decodificar
from rutamejora.formato.eventos import ESCALAR as Escalar
from rutamejora.formato.eventos import ligeros
from rutamejora.formato.posiciones import SALTO, Ubicador
from rutamejora.nucleo.archivos import abrir_regular, leer_con_tope
from rutamejora.nucleo.codigos import problema_de
from rutamejora.nucleo.registro import campo, registro

# Un archivo de una Ruta real pesa decenas de KB; 5 MB deja margen de sobra y evita que un
# archivo pegado por error (un PDF, un volcado) se intente leer.
LIMITE_BYTES = 5 * 1024 * 1024

MAPA, LISTA, ESCALAR, ILEGIBLE = "mapa", "lista", "escalar", "ilegible"
# Cómo se escribe un nulo en YAML 1.2 (sin comillas).
NULOS = frozenset(("", "~", "null", "Null", "NULL"))


# Con ``slots``: un archivo de la Ruta son miles de nodos; así pesan menos y se crean más rápido.
@registro(slots=True)
class Nodo:
    """Un valor YAML con su posición (1-based).

    ``tipo`` es mapa, lista, escalar o ilegible (un alias o un valor etiquetado, ya informado:
    quien lo encuentre lo salta sin quejarse otra vez). En un escalar, ``texto`` es el valor
    tal como está escrito y ``plano`` dice si iba sin comillas (solo entonces puede ser número,
    booleano o nulo). En un mapa, ``valor`` es ``{clave: Nodo}`` y ``claves`` la posición de
    cada clave. En un escalar, ``fin`` es el índice (de carácter, en el texto del archivo) justo
    después de su último carácter: lo que sigue en su línea (un ``#`` que lo cortó) se lee desde ahí.
    En una lista o un mapa, ``fin`` es donde lo termina el analizador: justo después del ``]`` o
    el ``}`` si va en línea; si va en bloque, donde empieza lo que sigue (``escritura`` lo usa
    para injertar en la bitácora sin volver a leerla).
    """

    tipo: str
    linea: int
    columna: int
    valor: object = None
    texto: str = ""
    plano: bool = False
    # Solo en un mapa (en lo demás, ``None``: un diccionario vacío por escalar costaba).
    claves: dict | None = None
    fin: int = -1

    def es_nulo(self) -> bool:
        return self.tipo == ESCALAR and self.plano and self.texto in NULOS


@registro
class Documento:
    """Un archivo leído: su nombre relativo, su texto, su árbol (``None`` si no se pudo leer)."""

    nombre: str
    ruta: Path
    texto: str = ""
    raiz: Nodo | None = None
    problemas: list = campo(fabrica=list)
    # Las líneas se parten una sola vez por texto: la salida de texto cita una por problema y
    # partirlas en cada cita hacía cuadrática la salida (miles de problemas en un archivo grande).
    _lineas: tuple = campo((None, None), init=False, compara=False, mostrar=False)
    # Los escalares y los mapas del árbol en el orden del archivo, anotados por la lectura (ver
    # ``recorrido``); ``None`` si la lectura descartó un valor (el de una clave repetida, lo de
    # adentro de un ancla o una etiqueta).
    _recorrido: tuple | None = campo(None, init=False, compara=False, mostrar=False)

    @property
    def lineas(self) -> list[str]:
        """Las líneas como las ve un editor: solo \\n, \\r\\n y \\r las separan.

        La misma lista para el mismo ``texto``: quien la use no debe modificarla.
        """
        texto, lineas = self._lineas
        if texto is not self.texto:
            lineas = SALTO.split(self.texto)
            if lineas and lineas[-1] == "":
                lineas.pop()
            self._lineas = (self.texto, lineas)
        return lineas

    @property
    def legible(self) -> bool:
        return self.raiz is not None

    def arbol_editado(self) -> None:
        """Se agregó algo al árbol después de leerlo (la estructura agrega la clave corregida de
        una casi correcta): ``recorrido`` vuelve a recorrerlo en vez de usar lo anotado."""
        self._recorrido = None


def recorrido(doc: Documento) -> tuple[list[Nodo], list[Nodo]]:
    """(escalares, mapas) del árbol de ``doc``, cada lista en el orden del archivo (el de un
    recorrido en profundidad, con los hijos de cada mapa en el orden de sus claves).

    Las reglas que miran cada valor (la privacidad, el texto libre) los leen de aquí en vez de
    recorrer el árbol: la lectura los anota al armarlo, casi sin costo. Si descartó algún valor
    (el de una clave repetida, que podía traer escalares dentro), o si el árbol no lo armó ella,
    se recorre el árbol una vez.
    """
    if doc._recorrido is None or doc._recorrido[0] is not doc.raiz:
        anotado_ = False
        escalares: list[Nodo] = []
        mapas: list[Nodo] = []
        pila = [doc.raiz] if doc.raiz is not None else []
        while pila:
            nodo = pila.pop()
            if nodo.tipo == MAPA:
                mapas.append(nodo)
                pila.extend(reversed(nodo.valor.values()))
            elif nodo.tipo == LISTA:
                pila.extend(reversed(nodo.valor))
            elif nodo.tipo == ESCALAR:
                escalares.append(nodo)
        doc._recorrido = (doc.raiz, escalares, mapas, anotado_)
    return doc._recorrido[1], doc._recorrido[2]


def anotado(doc: Documento) -> bool:
    """Si ``recorrido(doc)`` es lo que anotó la lectura: el árbol tal como se leyó, cada nodo en
    un solo lugar. Si no (la lectura descartó un valor o la estructura agregó una clave
    corregida, y entonces un nodo puede estar en dos lugares con dos caminos), quien necesite
    el camino y el contexto de cada lugar debe recorrer el árbol."""
    return doc._recorrido is not None and doc._recorrido[0] is doc.raiz and doc._recorrido[3]


def caminos(raiz: Nodo, buscados) -> dict[int, str]:
    """``{id(nodo): camino YAML}`` (``acciones[0].actividad``) de cada nodo de ``buscados``
    (ids) dentro de ``raiz``: un solo recorrido en el orden del archivo, y solo hasta
    encontrarlos todos. Un nodo que está en dos lugares (la estructura agrega la clave corregida
    de una casi correcta) tiene el camino del primero: el de la clave como se escribió."""
    faltan = set(buscados)
    hallados: dict[int, str] = {}
    pila = [(raiz, "")]
    while pila and faltan:
        nodo, camino = pila.pop()
        if id(nodo) in faltan:
            faltan.discard(id(nodo))
            hallados[id(nodo)] = camino
        if nodo.tipo == MAPA:
            pila.extend(reversed([(hijo, f"{camino}.{clave}" if camino else clave)
                                  for clave, hijo in nodo.valor.items()]))
        elif nodo.tipo == LISTA:
            pila.extend((nodo.valor[i], f"{camino}[{i}]") for i in range(len(nodo.valor) - 1, -1, -1))
    return hallados


def leer(ruta: Path, nombre: str) -> Documento:
    """Lee un archivo de la Ruta. Nunca lanza por culpa del contenido: todo es un Problema."""
    doc = Documento(nombre=nombre, ruta=ruta)
    try:
        # Se lee a lo más un byte de más que el límite: un archivo de 2 GB no se carga entero.
        with abrir_regular(ruta) as f:  # solo un archivo normal: ni carpeta, ni FIFO, ni dispositivo
            crudo = leer_con_tope(f, LIMITE_BYTES)
    except OSError as exc:
        doc.problemas.append(problema_de("RM012", nombre, 0, 0, "",
                                         f"No se pudo abrir el archivo: {exc.strerror or exc}.",
                                         pista=_pista_de_acceso(exc, nombre)))
        return doc
    if len(crudo) > LIMITE_BYTES:
        crudo_total = _tamano(ruta, len(crudo))
        doc.problemas.append(problema_de(
            "RM009", nombre, 0, 0, "",
            f"El archivo pesa {crudo_total / 1048576:.1f} MB; el límite es "
            f"{LIMITE_BYTES // 1048576} MB.",
            pista="Una Ruta real pesa unos KB: revisa que no hayas pegado otro archivo aquí."))
        return doc
    texto = decodificar(crudo, nombre, doc.problemas)
    if texto is None:
        return doc
    doc.texto = texto
    if not texto.strip():
        doc.problemas.append(problema_de(
            "RM008", nombre, 1, 1, "", "El archivo está vacío.",
            pista="Escribe su contenido o vuelve a crearlo con `ruta nueva`."))
        return doc
    doc.raiz = construir(texto, doc)
    if doc.raiz is None and not doc.problemas:
        doc.problemas.append(problema_de(
            "RM008", nombre, 1, 1, "", "El archivo solo tiene comentarios: no hay datos.",
            pista="Quita el `#` de las líneas de ejemplo o escribe el contenido."))
    return doc


def _pista_de_acceso(exc: OSError, nombre: str) -> str:
    """Qué hacer con un archivo que no se pudo abrir: darle permiso o poner el YAML en su lugar."""
    import errno

    if exc.errno in (errno.EACCES, errno.EPERM):
        return (f"Dale permiso de lectura a tu usuario (en Linux o macOS: `chmod u+r {nombre}`) "
                "o pide a quien lo creó que lo haga.")
    return "Debe ser el archivo YAML de la Ruta, que se pueda leer."


def _tamano(ruta: Path, leido: int) -> int:
    try:
        return ruta.stat().st_size
    except OSError:
        return leido


# Más niveles de listas y mapas que esto no tiene ninguna Ruta (la más honda usa 6); el
# escáner de libyaml tarda O(profundidad) por elemento en las colecciones de flujo, así que
# miles de niveles de `[` lo colgarían.
LIMITE_ANIDAMIENTO = 64


# ---------------------------------------------------------------------------------------------
# Análisis


def construir(texto: str, doc: Documento) -> Nodo | None:
    """Arma el árbol desde los eventos del analizador; los errores de sintaxis se traducen."""
    # Importación diferida: la ayuda y los comandos que no leen YAML no pagan por ruamel.
    from ruamel.yaml.cyaml import CParser
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    ubicar = Ubicador(texto)
    escalares: list[Nodo] = []
    mapas: list[Nodo] = []
    try:
        # El analizador en C directo, sin el objeto ``YAML`` de ruamel: ese arma una clase
        # nueva (un ciclo de referencias para el recolector de basura) en cada archivo.
        # Con los eventos ligeros de ``eventos`` mientras se lee (un escalar, una tupla).
        with ligeros() as clases:
            raiz, completo = _armar(CParser(texto).get_event, doc, ubicar, escalares, mapas,
                                    clases)
    except YAMLError as exc:
        # Importación diferida: solo un archivo con errores de sintaxis paga por sus traducciones.
        from rutamejora.formato.sintaxis import (error_de_lectura, error_de_sintaxis,
                                                 tras_un_texto_con_signo)

        if isinstance(exc, MarkedYAMLError):
            problema = error_de_sintaxis(exc, ubicar, doc.nombre, doc.lineas)
            if not tras_un_texto_con_signo(doc.problemas, doc.lineas, problema.linea):
                doc.problemas.append(problema)
        else:  # ReaderError: carácter no imprimible
            doc.problemas.append(error_de_lectura(exc, texto, doc.nombre))
        return None
    if raiz is not None and raiz.es_nulo():
        return None
    if completo:
        doc._recorrido = (raiz, escalares, mapas, True)
    return raiz


# La clave de un mapa cuya clave no es un texto (ya informada): su valor se descarta.
_CLAVE_ILEGIBLE = "\x00ilegible"


# Larga a propósito: es el bucle caliente de la lectura; partirlo costaría llamadas por evento.
def _armar(siguiente, doc: Documento, ubicar: Ubicador, escalares: list,
           mapas: list, clases: dict) -> tuple[Nodo | None, bool]:
    """(raíz, completo): la raíz del árbol, evento por evento (``siguiente()`` da el próximo,
    ``None`` al final), y si ``escalares`` y ``mapas`` quedaron con los del árbol, en orden (no si
    se descartó un valor: ver ``recorrido``). ``clases``: la clase de cada tipo de evento, por el
    nombre de la de ruamel (``eventos.ligeros``).

    El contenedor abierto más interno vive en variables locales (``cima``, ``es_lista`` y la
    clave que espera su valor) y los de afuera en una pila: así cada evento cuesta lo mínimo,
    sin tuplas nuevas ni llamadas por valor. Una clave de texto no se vuelve ``Nodo``: basta su
    texto y su posición. Lo raro (un segundo documento, anclas, alias, etiquetas, anidamiento
    excesivo, claves repetidas o que no son texto) se informa aparte. La raíz es ``None`` si
    el anidamiento la cortó.
    """
    # Con ``eventos.ligeros`` un escalar llega como ``tuple``; para el camino general toma los
    # nombres de ``Escalar``.
    escalar = Escalar if clases["ScalarEvent"] is tuple else clases["ScalarEvent"]
    alias = clases["AliasEvent"]
    inicio_documento = clases["DocumentStartEvent"]
    abre_mapa, abre_lista = clases["MappingStartEvent"], clases["SequenceStartEvent"]
    cierra_mapa, cierra_lista = clases["MappingEndEvent"], clases["SequenceEndEvent"]
    # Sin saltos raros, la línea y la columna de libyaml son las de un editor (salvo al final).
    directo, largo, marca = not ubicar.necesario, len(ubicar.texto), ubicar.marca
    # ``tag`` es una propiedad que arma un texto en cada evento; ``ctag``, el atributo detrás
    # de ella, basta para saber si hay etiqueta escrita (si una versión de ruamel no lo
    # tuviera, se pregunta por ``tag`` como antes).
    con_ctag = all(hasattr(c, "ctag") for c in (escalar, abre_mapa, abre_lista))
    # Los contenedores de afuera: (nodo, es_lista, clave pendiente, posición de la clave).
    pila: list[tuple[Nodo, bool, str | None, tuple[int, int] | None]] = []
    cima: Nodo | None = None
    es_lista = False
    clave: str | None = None
    pos_clave: tuple[int, int] | None = None
    raiz: Nodo | None = None
    documentos = 0
    anclas_vistas = False
    completo = True
    anotar_escalar, anotar_mapa = escalares.append, mapas.append
    while True:
        evento = siguiente()
        if evento is None:
            break
        tipo = type(evento)
        # Los escalares sin ancla ni etiqueta, tres de cada cuatro eventos, van primero. Con
        # ``eventos.ligeros`` llegan como la tupla (ancla, etiqueta, implícito, valor, inicio,
        # fin, estilo); un escalar raro (con ancla o etiqueta) toma nombres y sigue por el
        # camino general.
        if tipo is tuple:
            comun = not evento[0] and evento[1] is None
            if comun:
                valor, m, fin, estilo = evento[3], evento[4], evento[5], evento[6]
            else:
                evento, tipo = Escalar(evento), Escalar
        else:
            comun = tipo is escalar and not evento.anchor and \
                (evento.ctag if con_ctag else evento.tag) is None
            if comun:
                valor, m, fin, estilo = evento.value, evento.start_mark, evento.end_mark, evento.style
        if comun:
            if directo and m.index < largo:
                linea, columna = m.line + 1, m.column + 1
            else:
                linea, columna = marca(m)
            if clave is None and not es_lista and cima is not None:
                clave, pos_clave = valor, (linea, columna)
                continue
            # Todo por posición: con una palabra clave, crear el nodo costaba un tercio más.
            nodo = Nodo(ESCALAR, linea, columna, None, valor, not estilo, None, fin.index)
            anotar_escalar(nodo)
        elif tipo is cierra_mapa or tipo is cierra_lista:
            # Con ``eventos.ligeros`` el cierre es el índice de su fin (un ``int``).
            nodo = cima
            nodo.fin = evento if tipo is int else evento.end_mark.index
            cima, es_lista, clave, pos_clave = pila.pop() if pila else (None, False, None, None)
        elif tipo is escalar or tipo is abre_mapa or tipo is abre_lista or tipo is alias:
            m = evento.start_mark
            if directo and m.index < largo:
                linea, columna = m.line + 1, m.column + 1
            else:
                linea, columna = marca(m)
            # El analizador solo pone ``tag`` cuando está escrita en el archivo (también un `!` solo).
            ilegible = tipo is alias or evento.anchor or evento.tag
            if ilegible:
                completo = False  # lo de adentro de un ancla o una etiqueta no se recorre
                anclas_vistas = _ilegible(doc, evento, tipo is alias or bool(evento.anchor),
                                          _abiertos(pila, cima, clave), linea, columna,
                                          anclas_vistas)
            if tipo is escalar:
                if not ilegible and clave is None and not es_lista and cima is not None:
                    clave, pos_clave = evento.value, (linea, columna)
                    continue
                nodo = Nodo(ILEGIBLE if ilegible else ESCALAR, linea, columna, None, evento.value,
                            not ilegible and not evento.style, None, evento.end_mark.index)
                if not ilegible:
                    anotar_escalar(nodo)
            elif tipo is alias:
                nodo = Nodo(ILEGIBLE, linea, columna)
            else:
                if len(pila) + (cima is not None) >= LIMITE_ANIDAMIENTO:
                    _demasiado_anidado(doc, linea, columna, _abiertos(pila, cima, clave))
                    return None, False
                nodo = Nodo(ILEGIBLE if ilegible else MAPA if tipo is abre_mapa else LISTA,
                            linea, columna, *(({}, "", False, {}) if tipo is abre_mapa else ([],)))
                if nodo.tipo == MAPA:
                    anotar_mapa(nodo)
                if cima is not None:
                    pila.append((cima, es_lista, clave, pos_clave))
                cima, es_lista, clave, pos_clave = nodo, tipo is abre_lista, None, None
                continue
        elif tipo is inicio_documento:
            documentos += 1
            if documentos > 1:
                _varios_documentos(doc, *marca(evento.start_mark))
                break
            continue
        else:  # el inicio y el fin del flujo y el fin del documento no son nodos
            continue
        # Colocar ``nodo`` en el contenedor abierto: como elemento, como clave o como valor.
        if es_lista:
            cima.valor.append(nodo)
        elif clave is not None:
            pendiente, clave = clave, None
            if pendiente is _CLAVE_ILEGIBLE:
                completo = False
                continue
            valores = cima.valor
            if pendiente in valores:
                _clave_repetida(doc, cima, pendiente, pos_clave, _abiertos(pila, cima, None))
                completo = False
                continue
            valores[pendiente] = nodo
            cima.claves[pendiente] = pos_clave
        elif cima is None:
            raiz = nodo
        else:
            # Es una clave que no es un texto simple (una lista, un mapa, un alias…).
            _clave_no_escalar(doc, nodo, _abiertos(pila, cima, None))
            clave, pos_clave = _CLAVE_ILEGIBLE, (nodo.linea, nodo.columna)
            completo = False  # la clave (una lista, un mapa) no es parte del árbol
    return raiz, completo


def _abiertos(pila: list, cima: Nodo | None, clave: str | None) -> list:
    """Los contenedores abiertos con su clave pendiente, de afuera hacia adentro (para
    ``_ruta_de``)."""
    abiertos = [(nodo, pendiente) for nodo, _, pendiente, _ in pila]
    if cima is not None:
        abiertos.append((cima, clave))
    return abiertos


def _varios_documentos(doc: Documento, linea: int, columna: int) -> None:
    doc.problemas.append(problema_de(
        "RM005", doc.nombre, linea, columna, "",
        "El archivo tiene más de un documento YAML (separados por `---`).",
        pista="Deja un solo documento por archivo; el resto se ignoró."))


def _ilegible(doc: Documento, evento, ancla: bool, pila: list, linea: int, columna: int,
              anclas_vistas: bool) -> bool:
    """Informa un alias o un ancla (RM003, la primera vez en el archivo) o una etiqueta
    (RM004); devuelve si ya se vieron anclas."""
    if ancla:
        if not anclas_vistas:
            from rutamejora.formato.sintaxis import ancla_o_alias  # solo con anclas o alias

            doc.problemas.append(ancla_o_alias(doc.nombre, doc.lineas, _ruta_de(pila), linea, columna))
        return True
    doc.problemas.append(problema_de(
        "RM004", doc.nombre, linea, columna, _ruta_de(pila),
        f"Las etiquetas de YAML (`{_etiqueta_corta(evento.tag)}`) no se aceptan.",
        pista="Quita la etiqueta y escribe el valor tal cual; si es texto, "
              "ponlo entre comillas."))
    return anclas_vistas


def _demasiado_anidado(doc: Documento, linea: int, columna: int, pila: list) -> None:
    # Los eventos salen uno a uno: cortar aquí evita que libyaml siga escaneando miles de
    # niveles (cada uno le cuesta más que el anterior).
    doc.problemas.append(problema_de(
        "RM010", doc.nombre, linea, columna, _ruta_de(pila),
        f"El archivo anida más de {LIMITE_ANIDAMIENTO} niveles de listas o mapas.",
        pista="Una Ruta no necesita tanto anidamiento: revisa que no se haya "
              "pegado otro contenido aquí."))


def _clave_no_escalar(doc: Documento, hijo: Nodo, abiertos: list) -> None:
    """Solo los escalares sirven de clave en una Ruta: RM001, una vez por archivo."""
    if not any(p.codigo == "RM001" for p in doc.problemas):
        doc.problemas.append(problema_de(
            "RM001", doc.nombre, hijo.linea, hijo.columna, _ruta_de(abiertos),
            "Una clave debe ser un texto simple, no una lista ni un mapa.",
            pista="Escribe la clave como `nombre:` seguida de su valor."))


def _clave_repetida(doc: Documento, mapa: Nodo, clave: str, pos_clave: tuple[int, int],
                    abiertos: list) -> None:
    """RM002: la clave ya estaba en el mapa; se queda el primer valor."""
    primera = mapa.claves[clave][0]
    doc.problemas.append(problema_de(
        "RM002", doc.nombre, pos_clave[0], pos_clave[1], _ruta_de(abiertos, clave),
        f"La clave `{clave}` está repetida (ya aparece en la línea {primera}).",
        pista="Une los dos valores en una sola clave: se tomó el primero."))


def _ruta_de(abiertos: list, ultima: str | None = None) -> str:
    """El camino YAML (``metas[2].valor_meta``) hasta el contenedor abierto más interno, para
    los mensajes; ``abiertos`` son ``(nodo, clave pendiente)`` de afuera hacia adentro."""
    partes = []
    for nodo, clave in abiertos:
        if nodo.tipo == LISTA:
            partes.append(f"[{len(nodo.valor)}]")
        elif clave and clave != "\x00ilegible":
            partes.append(("." if partes else "") + clave)
    if ultima:
        partes.append(("." if partes else "") + ultima)
    return "".join(partes)


def _etiqueta_corta(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")

