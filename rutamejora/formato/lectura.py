"""Lectura de un archivo YAML de la Ruta: bytes → texto → árbol de ``Nodo`` con posiciones.

Es el único módulo que habla con ruamel.yaml al validar. Usa el analizador en C (``parse``,
eventos) y construye el árbol a mano porque así:

- cada valor conserva su línea, su columna y su texto original (el dinero se lee como
  ``Decimal`` desde el texto, nunca pasa por ``float``; ``zona: 045`` sigue siendo "045");
- las claves duplicadas, las anclas y alias, las etiquetas y los documentos múltiples se
  detectan y se informan en vez de aceptarse en silencio (un alias nunca se expande: una
  "bomba de alias" se rechaza al primer alias);
- el árbol se arma con una pila, sin recursión, así que un anidamiento absurdo no revienta.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from pathlib import Path

from rutamejora.nucleo.problemas import Problema
from rutamejora.nucleo.codigos import problema_de

# Un archivo de una Ruta real pesa decenas de KB; 5 MB deja margen de sobra y evita que un
# archivo pegado por error (un PDF, un volcado) se intente leer.
LIMITE_BYTES = 5 * 1024 * 1024

MAPA, LISTA, ESCALAR, ILEGIBLE = "mapa", "lista", "escalar", "ilegible"


@dataclass
class Nodo:
    """Un valor YAML con su posición (1-based).

    ``tipo`` es mapa, lista, escalar o ilegible (un alias o un valor etiquetado, ya informado:
    quien lo encuentre lo salta sin quejarse otra vez). En un escalar, ``texto`` es el valor
    tal como está escrito y ``plano`` dice si iba sin comillas (solo entonces puede ser número,
    booleano o nulo). En un mapa, ``valor`` es ``{clave: Nodo}`` y ``claves`` la posición de
    cada clave.
    """

    tipo: str
    linea: int
    columna: int
    valor: object = None
    texto: str = ""
    plano: bool = False
    claves: dict = field(default_factory=dict)

    def es_nulo(self) -> bool:
        return self.tipo == ESCALAR and self.plano and self.texto in ("", "~", "null", "Null", "NULL")


@dataclass
class Documento:
    """Un archivo leído: su nombre relativo, su texto, su árbol (``None`` si no se pudo leer)."""

    nombre: str
    ruta: Path
    texto: str = ""
    raiz: Nodo | None = None
    problemas: list = field(default_factory=list)

    @property
    def lineas(self) -> list[str]:
        """Las líneas como las ve un editor: solo \\n, \\r\\n y \\r las separan."""
        lineas = _SALTO.split(self.texto)
        return lineas[:-1] if lineas and lineas[-1] == "" else lineas

    @property
    def legible(self) -> bool:
        return self.raiz is not None


def leer(ruta: Path, nombre: str) -> Documento:
    """Lee un archivo de la Ruta. Nunca lanza por culpa del contenido: todo es un Problema."""
    doc = Documento(nombre=nombre, ruta=ruta)
    try:
        # Se lee a lo más un byte de más que el límite: un archivo de 2 GB no se carga entero.
        with ruta.open("rb") as f:
            crudo = f.read(LIMITE_BYTES + 1)
    except OSError as exc:
        doc.problemas.append(problema_de("RM006", nombre, 0, 0, "",
                                         f"No se pudo abrir el archivo: {exc.strerror or exc}."))
        return doc
    if len(crudo) > LIMITE_BYTES:
        crudo_total = _tamano(ruta, len(crudo))
        doc.problemas.append(problema_de(
            "RM009", nombre, 0, 0, "",
            f"El archivo pesa {crudo_total / 1048576:.1f} MB; el límite es "
            f"{LIMITE_BYTES // 1048576} MB.",
            pista="Una Ruta real pesa unos KB: revisa que no hayas pegado otro archivo aquí."))
        return doc
    texto = decodificar(crudo, doc)
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


def _tamano(ruta: Path, leido: int) -> int:
    try:
        return ruta.stat().st_size
    except OSError:
        return leido


# ---------------------------------------------------------------------------------------------
# Codificación


def decodificar(crudo: bytes, doc: Documento) -> str | None:
    """UTF-8 (con o sin BOM) o un problema que nombra la codificación probable."""
    for bom, nombre in ((b"\xff\xfe\x00\x00", "UTF-32"), (b"\x00\x00\xfe\xff", "UTF-32"),
                        (b"\xff\xfe", "UTF-16"), (b"\xfe\xff", "UTF-16")):
        if crudo.startswith(bom):
            _mala_codificacion(doc, 1, 1, f"El archivo está en {nombre}, no en UTF-8.")
            return None
    if crudo.startswith(b"\xef\xbb\xbf"):
        crudo = crudo[3:]  # La BOM de UTF-8 es inofensiva (la pone el Bloc de notas): se acepta.
    try:
        texto = crudo.decode("utf-8")
    except UnicodeDecodeError as exc:
        prefijo = crudo[:exc.start].decode("utf-8", "replace")
        linea, columna = _posicion(prefijo, len(prefijo))
        _mala_codificacion(doc, linea, columna,
                           f"El archivo no está en UTF-8; parece {_codificacion_probable(crudo)}.")
        return None
    if "\x00" in texto:
        pos = texto.index("\x00")
        linea, columna = _posicion(texto, pos)
        _mala_codificacion(doc, linea, columna,
                           "El archivo tiene bytes nulos: parece UTF-16 sin BOM o un archivo binario.")
        return None
    return texto


def _codificacion_probable(crudo: bytes) -> str:
    """Windows-1252 si usa sus caracteres propios (comillas curvas, guiones), si no Latin-1."""
    if any(0x80 <= b <= 0x9F for b in crudo):
        return "Windows-1252 (cp1252)"
    return "Latin-1 (ISO-8859-1)"


def _mala_codificacion(doc: Documento, linea: int, columna: int, mensaje: str) -> None:
    doc.problemas.append(problema_de(
        "RM006", doc.nombre, linea, columna, "", mensaje,
        pista="Guárdalo como UTF-8 (en el Bloc de notas: Guardar como → Codificación: UTF-8; "
              "en VS Code: «Reabrir con codificación» y luego «Guardar con codificación»)."))


_SALTO = re.compile(r"\r\n|\r|\n")


class Ubicador:
    """Índice de carácter → (línea, columna) como las cuenta un editor, desde 1.

    libyaml (YAML 1.1) también parte líneas en U+0085, U+2028 y U+2029, que los editores no
    parten: sus números de línea se correrían. Las marcas de libyaml traen el índice de
    carácter, así que la posición se recalcula desde el texto cuando hace falta.
    """

    def __init__(self, texto: str):
        self.texto = texto
        self.necesario = any(c in texto for c in "\r\x85\u2028\u2029")
        self._inicios: list[int] | None = None

    def __call__(self, indice: int) -> tuple[int, int]:
        if self._inicios is None:
            self._inicios = [0] + [m.end() for m in _SALTO.finditer(self.texto)]
        linea = bisect.bisect_right(self._inicios, indice)
        return linea, indice - self._inicios[linea - 1] + 1

    def marca(self, m) -> tuple[int, int]:
        """La posición de una marca del analizador (al final del archivo sin salto de línea,
        libyaml inventa una línea de más: el índice no)."""
        if not self.necesario and m.index < len(self.texto):
            return m.line + 1, m.column + 1
        return self(min(m.index, len(self.texto)))


def _posicion(texto: str, indice: int) -> tuple[int, int]:
    return Ubicador(texto)(indice)


# ---------------------------------------------------------------------------------------------
# Análisis


def _analizador():
    # Importación diferida: la ayuda y los comandos que no leen YAML no pagan por ruamel.
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=False)


def construir(texto: str, doc: Documento) -> Nodo | None:
    """Arma el árbol desde los eventos del analizador; los errores de sintaxis se traducen."""
    from ruamel.yaml import events as ev
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    ubicar = Ubicador(texto)
    pila: list[tuple[Nodo, str | None, tuple[int, int] | None]] = []
    raiz: Nodo | None = None
    documentos = 0
    anclas_vistas = False
    try:
        for evento in _analizador().parse(texto):
            tipo = type(evento)
            if tipo is ev.DocumentStartEvent:
                documentos += 1
                if documentos > 1:
                    linea, columna = ubicar.marca(evento.start_mark)
                    doc.problemas.append(problema_de(
                        "RM005", doc.nombre, linea, columna, "",
                        "El archivo tiene más de un documento YAML (separados por `---`).",
                        pista="Deja un solo documento por archivo; el resto se ignoró."))
                    break
                continue
            if tipo in (ev.StreamStartEvent, ev.StreamEndEvent, ev.DocumentEndEvent):
                continue
            if tipo in (ev.MappingEndEvent, ev.SequenceEndEvent):
                nodo = pila.pop()[0]
                if not pila:
                    raiz = nodo
                else:
                    _agregar(pila, nodo, doc)
                continue
            linea, columna = ubicar.marca(evento.start_mark)
            ilegible = False
            if tipo is ev.AliasEvent or getattr(evento, "anchor", None):
                ilegible = True
                if not anclas_vistas:
                    anclas_vistas = True
                    doc.problemas.append(problema_de(
                        "RM003", doc.nombre, linea, columna, _ruta_de(pila),
                        "Las anclas y alias de YAML (`&nombre`, `*nombre`) no se aceptan.",
                        pista="Escribe el valor completo en cada lugar: así la Ruta se lee sin "
                              "saber YAML avanzado y un alias no puede multiplicar el archivo."))
            elif _etiqueta_explicita(evento):
                ilegible = True
                doc.problemas.append(problema_de(
                    "RM004", doc.nombre, linea, columna, _ruta_de(pila),
                    f"Las etiquetas de YAML (`{_etiqueta_corta(evento.tag)}`) no se aceptan.",
                    pista="Quita la etiqueta y escribe el valor tal cual; si es texto, "
                          "ponlo entre comillas."))
            if tipo is ev.ScalarEvent:
                estilo = evento.style
                nodo = Nodo(ESCALAR, linea, columna, texto=evento.value,
                            plano=not estilo and not ilegible)
                if ilegible:
                    nodo.tipo = ILEGIBLE
                if not pila:
                    raiz = nodo
                else:
                    _agregar(pila, nodo, doc)
            elif tipo is ev.AliasEvent:
                nodo = Nodo(ILEGIBLE, linea, columna)
                if not pila:
                    raiz = nodo
                else:
                    _agregar(pila, nodo, doc)
            elif tipo in (ev.MappingStartEvent, ev.SequenceStartEvent):
                if len(pila) >= LIMITE_ANIDAMIENTO:
                    # Los eventos salen uno a uno: cortar aquí evita que libyaml siga
                    # escaneando miles de niveles (cada uno le cuesta más que el anterior).
                    doc.problemas.append(problema_de(
                        "RM010", doc.nombre, linea, columna, _ruta_de(pila),
                        f"El archivo anida más de {LIMITE_ANIDAMIENTO} niveles de listas o mapas.",
                        pista="Una Ruta no necesita tanto anidamiento: revisa que no se haya "
                              "pegado otro contenido aquí."))
                    return None
                if tipo is ev.MappingStartEvent:
                    pila.append((Nodo(MAPA, linea, columna, valor={}), None, None))
                else:
                    pila.append((Nodo(LISTA, linea, columna, valor=[]), None, None))
            if ilegible and tipo is not ev.ScalarEvent and tipo is not ev.AliasEvent:
                pila[-1][0].tipo = ILEGIBLE
    except MarkedYAMLError as exc:
        _error_de_sintaxis(doc, texto, exc, ubicar)
        return None
    except YAMLError as exc:  # ReaderError: carácter no imprimible
        _error_de_lectura(doc, texto, exc)
        return None
    if raiz is not None and raiz.es_nulo():
        return None
    return raiz


def _agregar(pila: list, hijo: Nodo, doc: Documento) -> None:
    """Coloca ``hijo`` en el contenedor de la cima: como elemento, como clave o como valor."""
    padre, clave, pos_clave = pila[-1]
    if padre.tipo == LISTA or (padre.tipo == ILEGIBLE and isinstance(padre.valor, list)):
        padre.valor.append(hijo)
        return
    if clave is None:
        # Es una clave. Solo los escalares sirven de clave en una Ruta.
        if hijo.tipo != ESCALAR:
            if not any(p.codigo == "RM001" for p in doc.problemas):  # una vez por archivo
                doc.problemas.append(problema_de(
                    "RM001", doc.nombre, hijo.linea, hijo.columna, _ruta_de(pila),
                    "Una clave debe ser un texto simple, no una lista ni un mapa.",
                    pista="Escribe la clave como `nombre:` seguida de su valor."))
            pila[-1] = (padre, "\x00ilegible", (hijo.linea, hijo.columna))
            return
        pila[-1] = (padre, hijo.texto, (hijo.linea, hijo.columna))
        return
    pila[-1] = (padre, None, None)
    if clave == "\x00ilegible":
        return
    if clave in padre.valor:
        primera = padre.claves[clave][0]
        doc.problemas.append(problema_de(
            "RM002", doc.nombre, pos_clave[0], pos_clave[1], _ruta_de(pila, clave),
            f"La clave `{clave}` está repetida (ya aparece en la línea {primera}).",
            pista="Une los dos valores en una sola clave: se tomó el primero."))
        return
    padre.valor[clave] = hijo
    padre.claves[clave] = pos_clave


def _ruta_de(pila: list, ultima: str | None = None) -> str:
    """El camino YAML (``metas[2].valor_meta``) hasta la cima de la pila, para los mensajes."""
    partes = []
    for nodo, clave, _ in pila:
        if nodo.tipo == LISTA:
            partes.append(f"[{len(nodo.valor)}]")
        elif clave and clave != "\x00ilegible":
            partes.append(("." if partes else "") + clave)
    if ultima:
        partes.append(("." if partes else "") + ultima)
    return "".join(partes)


def _etiqueta_explicita(evento) -> bool:
    # El analizador solo pone ``tag`` cuando está escrita en el archivo (también un `!` solo).
    return bool(getattr(evento, "tag", None))


def _etiqueta_corta(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


# Mensajes de libyaml → español. Lo no previsto se dice de forma general, con el original.
_TRADUCCIONES = (
    ("mapping values are not allowed", "Aquí no puede empezar un valor (`:` inesperado).",
     "¿Falta un salto de línea o unas comillas? Un texto con `: ` debe ir entre comillas."),
    ("found character that cannot start any token", "Hay un carácter que no puede iniciar un valor.",
     "Si es un tabulador, cámbialo por espacios; si el texto empieza con `@`, `` ` `` o `%`, "
     "ponlo entre comillas."),
    ("found undefined tag handle", "La etiqueta usada no está definida.",
     "Quita la etiqueta (`!algo`)."),
    ("could not find expected ':'", "No se encontró el `:` que separa la clave de su valor.",
     "Revisa que cada línea sea `clave: valor` y que las comillas estén cerradas."),
    ("did not find expected key", "La sangría no cuadra: se esperaba otra clave.",
     "Alinea la línea con las demás claves del mismo nivel (usa espacios, no tabuladores)."),
    ("did not find expected '-' indicator", "La sangría no cuadra: se esperaba un elemento `- ` de la lista.",
     "Alinea los elementos de la lista con el mismo número de espacios."),
    ("did not find expected ',' or ']'", "Falta una `,` o el `]` que cierra la lista.",
     "Cierra la lista con `]` o separa sus elementos con comas."),
    ("did not find expected ',' or '}'", "Falta una `,` o la `}` que cierra el mapa.",
     "Cierra el mapa con `}` o separa sus elementos con comas."),
    ("found unexpected end of stream", "El archivo termina antes de tiempo.",
     "Probablemente hay unas comillas o un corchete sin cerrar."),
    ("found unexpected ':'", "Hay un `:` donde no se esperaba.",
     "Si el `:` es parte de un texto, pon el texto entre comillas."),
    ("did not find expected node content", "Falta un valor donde se esperaba uno.",
     "Revisa la puntuación (`-`, `:`, `,`) de esta línea."),
    ("found unknown escape character", "Hay una secuencia de escape desconocida dentro de comillas dobles.",
     "Usa comillas simples o escribe `\\\\` para una diagonal invertida."),
    ("found a tab character", "Hay un tabulador donde YAML no lo permite.",
     "Cámbialo por espacios."),
    ("block sequence entries are not allowed", "Aquí no puede empezar una lista (`- `).",
     "Pon la lista en su propia línea, con más sangría que su clave."),
    ("found unexpected document", "Hay un separador de documentos fuera de lugar.",
     "Quita la línea `---` o `...`."),
    ("control characters are not allowed", "El archivo tiene caracteres de control invisibles.",
     "Bórralos (suelen venir de copiar y pegar desde un PDF o un procesador de textos)."),
)


def _traducir(problema: str) -> tuple[str, str]:
    for clave, mensaje, pista in _TRADUCCIONES:
        if clave in problema:
            return mensaje, pista
    return (f"El YAML no es válido aquí (detalle técnico: {problema}).",
            "Revisa la sangría, los `:` y las comillas de esta línea y de la anterior.")


def _error_de_sintaxis(doc: Documento, texto: str, exc, ubicar: "Ubicador") -> None:
    marca = exc.problem_mark or exc.context_mark
    linea, columna = ubicar.marca(marca) if marca else (1, 1)
    tab = _tabulador_de_sangria(doc.lineas, linea)
    if tab:
        doc.problemas.append(problema_de(
            "RM007", doc.nombre, tab[0], tab[1], "",
            "La sangría usa un tabulador; YAML solo admite espacios.",
            pista="Cambia el tabulador por espacios (tu editor puede hacerlo: «convertir "
                  "sangría a espacios»)."))
        return
    mensaje, pista = _traducir(str(exc.problem or exc.context or ""))
    if exc.context_mark is not None and exc.problem_mark is not None:
        # Unas comillas o un corchete sin cerrar se notan al final: decir dónde se abrieron.
        inicio = ubicar.marca(exc.context_mark)[0]
        if inicio != linea:
            mensaje = f"{mensaje[:-1]} (lo que no cerró empieza en la línea {inicio})."
    doc.problemas.append(problema_de("RM001", doc.nombre, linea, columna, "", mensaje, pista=pista))


def _error_de_lectura(doc: Documento, texto: str, exc) -> None:
    # La posición de un ReaderError del analizador en C cuenta bytes UTF-8, no caracteres.
    posicion = getattr(exc, "position", None)
    if isinstance(posicion, int):
        indice = len(texto.encode("utf-8")[:posicion].decode("utf-8", "ignore"))
        linea, columna = _posicion(texto, indice)
    else:
        linea, columna = 1, 1
    mensaje, pista = _traducir("control characters are not allowed")
    doc.problemas.append(problema_de("RM001", doc.nombre, linea, columna, "", mensaje, pista=pista))


_SANGRIA = re.compile(r"^[ ]*\t")


def _tabulador_de_sangria(lineas: list[str], numero: int) -> tuple[int, int] | None:
    """El tabulador de la sangría de la línea donde se detuvo el analizador, si lo hay.

    Solo esa línea: un tabulador dentro de un bloque `|` anterior es contenido válido.
    """
    if 1 <= numero <= len(lineas):
        m = _SANGRIA.match(lineas[numero - 1])
        if m:
            return numero, m.end()
    return None


# Más niveles de listas y mapas que esto no tiene ninguna Ruta (la más honda usa 6); el
# escáner de libyaml tarda O(profundidad) por elemento en las colecciones de flujo, así que
# miles de niveles de `[` lo colgarían.
LIMITE_ANIDAMIENTO = 64


# ---------------------------------------------------------------------------------------------
# Los códigos de esta fase (su documentación es la de ``ruta explicar``).

from rutamejora.nucleo.problemas import ERROR  # noqa: E402
from rutamejora.nucleo.codigos import definir  # noqa: E402

definir("RM001", "yaml-sintaxis", ERROR, "lectura", """
    El archivo no es YAML válido: sangría, `:`, comillas o corchetes fuera de lugar.

    Se informa una vez por archivo, en la línea donde el analizador se detuvo; las
    verificaciones que necesitan ese archivo se omiten y lo dicen (RM901).

    ✓ metas.yaml (completo)
        metas: []
    ✗ metas.yaml (completo)
        metas: [
""")

definir("RM002", "clave-duplicada", ERROR, "lectura", """
    Una clave aparece dos veces en el mismo mapa; YAML se quedaría con una sin avisar.

    ✓ ruta.yaml
        ciclo: 2025-2026
    ✗ ruta.yaml (completo)
        version: 1
        ciclo: 2025-2026
        ciclo: 2024-2025
""")

definir("RM003", "ancla-o-alias", ERROR, "lectura", """
    Las anclas y alias de YAML (`&x`, `*x`) no se aceptan.

    Obligan a saber YAML avanzado para leer la Ruta, y un alias anidado puede multiplicar
    el archivo hasta agotar la memoria (la "bomba de alias"): se rechaza al primero.

    ✓ metas.yaml (completo)
        metas: []
    ✗ metas.yaml (completo)
        base: &b []
        metas: *b
""")

definir("RM004", "etiqueta-yaml", ERROR, "lectura", """
    Las etiquetas de YAML (`!!binary`, `!!str`, `!algo`) no se aceptan.

    ✓ metas.yaml (completo)
        metas: []
    ✗ metas.yaml (completo)
        metas: !!binary aGk=
""")

definir("RM005", "varios-documentos", ERROR, "lectura", """
    Un archivo de la Ruta tiene un solo documento YAML; lo que sigue a un segundo `---` se ignora.

    ✓ metas.yaml (completo)
        ---
        metas: []
    ✗ metas.yaml (completo)
        metas: []
        ---
        metas: []
""")

definir("RM006", "codificacion", ERROR, "lectura", """
    El archivo no está en UTF-8 (se nombra la codificación probable: Latin-1, Windows-1252, UTF-16).

    La BOM de UTF-8 y los finales de línea CRLF de Windows sí se aceptan.

    ✓ metas.yaml (completo)
        metas: []
    ✗ metas.yaml (completo)
        metas: [] # línea base en español: \\xf1
""")

definir("RM007", "tabulador", ERROR, "lectura", """
    La sangría usa tabuladores; YAML solo admite espacios.

    ✓ metas.yaml (completo)
        metas:
          - id: M1
    ✗ metas.yaml (completo)
        metas:
        \\t- id: M1
""")

definir("RM008", "archivo-vacio", ERROR, "lectura", """
    El archivo está vacío o solo tiene comentarios.

    ✓ metas.yaml (completo)
        metas: []
    ✗ metas.yaml (completo)
        # por llenar
""")

definir("RM010", "anidamiento-excesivo", ERROR, "lectura", """
    El archivo anida más de 64 niveles de listas o mapas; no se analiza.

    Ninguna Ruta real lo necesita, y miles de niveles harían tardar horas al analizador.

    ✓ metas.yaml (completo)
        metas: [[[]]]
    ✗ metas.yaml (completo)
        metas: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
""")

definir("RM009", "archivo-demasiado-grande", ERROR, "lectura", """
    El archivo pasa del límite de 5 MB; una Ruta real pesa unos KB.

    El límite evita leer por error un archivo pegado en lugar de otro.
""")
