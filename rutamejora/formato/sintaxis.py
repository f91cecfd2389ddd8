"""Los errores de sintaxis de YAML, en español: el mensaje de libyaml se traduce a uno que
entiende quien escribe la Ruta, con una pista de cómo arreglarlo y la línea donde empezó lo que
no cerró.

Un tabulador en la sangría se informa como tal (RM007); una clave con un espacio de más o de
menos que sus hermanas, como sangría (``sangria``); todo lo demás es RM001, una vez por
archivo. Lo no previsto se dice de forma general, con el mensaje original.
"""

from __future__ import annotations


from rutamejora.formato import codigos_lectura  # noqa: F401  registra RM001 y RM007 antes de usarlos
from rutamejora.formato.posiciones import Ubicador, posicion
from rutamejora.formato.sangria import sangria_que_no_cuadra
from rutamejora.nucleo.codigos import problema_de
from rutamejora.nucleo.problemas import Problema
from rutamejora.nucleo.expresiones import compilar

# Mensajes de libyaml → español. Lo no previsto se dice de forma general, con el original.
_TRADUCCIONES = (
    # De ruamel (el lector de Python puro, el del borrador de `ruta sesion`).
    ("found duplicate key", "Una clave está repetida en el mismo mapa.",
     "Deja una sola (si son dos cosas, van en una lista)."),
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
    ("did not find expected hexdecimal number",
     "Una secuencia `\\x`, `\\u` o `\\U` dentro de comillas dobles no trae sus cifras hexadecimales.",
     "Usa comillas simples o escribe `\\\\` para una diagonal invertida."),
    ("found invalid Unicode character escape code",
     "Una secuencia `\\u` o `\\U` dentro de comillas dobles no es un carácter válido.",
     "Usa comillas simples o escribe `\\\\` para una diagonal invertida."),
    ("found undefined alias", "Hay un alias (`*nombre`) de un ancla que no existe.",
     "Quita el `*` o pon el texto entre comillas: en la Ruta no se usan anclas ni alias."),
    ("did not find expected comment or line break", "Sobra algo después del valor en esta línea.",
     "Si es parte del texto, pon todo el texto entre comillas; si es un comentario, empiézalo con ` #`."),
    ("expected a comment or a line break", "Sobra algo después del valor en esta línea.",
     "Si es parte del texto, pon todo el texto entre comillas; si es un comentario, empiézalo con ` #`."),
    ("found unknown directive name", "Una línea empieza con `%` y YAML la toma por una directiva.",
     "Pon el texto entre comillas (`\"%…\"`)."),
    ("found unexpected non-alphabetical character", "Una línea empieza con `%` y YAML la toma por "
     "una directiva.", "Pon el texto entre comillas (`\"%…\"`)."),
    ("did not find expected whitespace or line break", "Falta un espacio después de un signo de YAML.",
     "Escribe un espacio después de `:` o de `-`, o pon el texto entre comillas."),
    # De una prueba como usuario nuevo: lo que queda al descomentar a medias un ejemplo.
    ("did not find expected <document start>",
     "Después de un valor completo sigue otra cosa al mismo nivel: el archivo quedó con dos raíces "
     "(una lista o un texto arriba y claves abajo).",
     "Lo de arriba va con sangría bajo su clave (`acciones:`) o se borra; las claves del primer "
     "nivel van al inicio de la línea."),
    # La pista lleva el signo con que empieza el valor («& …», «* …»): ``_signo_del_valor``.
    ("did not find expected alphabetic or numeric character",
     "Un valor empieza con `&` o `*`, que en YAML son un ancla y un alias.",
     "Pon el texto entre comillas (`\"& …\"`): en la Ruta no se usan anclas ni alias."),
)

# Las marcas que deja git en un archivo con un conflicto sin resolver (una fusión, un rebase).
_CONFLICTO = compilar(r"^(?:<{7}|={7}|>{7})(?:\s|$)")


# El analizador puro de ruamel (el de zona.yaml) dice lo mismo que libyaml con otras palabras:
# cada clave suya usa la traducción de la de libyaml. Van al final: una clave de libyaml que
# contiene la pura («did not find expected ',' or ']'») ya se tradujo antes, igual.
_EQUIVALENTES = {
    "expected ',' or ']'": "did not find expected ',' or ']'",
    "expected ',' or '}'": "did not find expected ',' or '}'",
    "expected <block end>": "did not find expected key",
    "that cannot start any token": "found character that cannot start any token",
}
_POR_CLAVE = {clave: (mensaje, pista) for clave, mensaje, pista in _TRADUCCIONES}
_TRADUCCIONES += tuple((pura, *_POR_CLAVE[libyaml]) for pura, libyaml in _EQUIVALENTES.items())


def traducir_error_yaml(problema: str) -> tuple[str, str]:
    """``(mensaje, pista)`` en español del ``problem`` de un error de YAML (de libyaml o del
    analizador puro de ruamel); lo no previsto, de forma general, con el original."""
    return _traducir(problema)


def _traducir(problema: str) -> tuple[str, str]:
    for clave, mensaje, pista in _TRADUCCIONES:
        if clave in problema:
            return mensaje, pista
    return (f"El YAML no es válido aquí (detalle técnico: {problema}).",
            "Revisa la sangría, los `:` y las comillas de esta línea y de la anterior.")


def error_de_sintaxis(exc, ubicar: Ubicador, nombre: str, lineas: list[str]) -> Problema:
    """El problema de un ``MarkedYAMLError`` en el archivo ``nombre`` (de ``lineas``)."""
    marca = exc.problem_mark or exc.context_mark
    linea, columna = ubicar.marca(marca) if marca else (1, 1)
    conflicto = next((i for i, texto in enumerate(lineas, start=1) if _CONFLICTO.match(texto)), None)
    if conflicto is not None:
        return problema_de(
            "RM001", nombre, conflicto, 1, "",
            "El archivo tiene las marcas de un conflicto de git sin resolver (`<<<<<<<`, `=======`, "
            "`>>>>>>>`).",
            pista="Decide qué queda de cada versión, borra las tres marcas y vuelve a validar "
                  "(`git diff` muestra las dos versiones).")
    tab = _tabulador_de_sangria(lineas, linea)
    if tab:
        return problema_de(
            "RM007", nombre, tab[0], tab[1], "",
            "La sangría usa un tabulador; YAML solo admite espacios.",
            pista="Cambia el tabulador por espacios (tu editor puede hacerlo: «convertir "
                  "sangría a espacios»).")
    sangria = sangria_que_no_cuadra(lineas, linea, str(exc.problem or exc.context or ""))
    if sangria is not None:
        # Una clave con un espacio de más o de menos: la sangría, no un `:` ni unas comillas.
        columna, mensaje, pista = sangria
        return problema_de("RM001", nombre, linea, columna, "", mensaje, pista=pista)
    mensaje, pista = _traducir(str(exc.problem or exc.context or ""))
    if "alphabetic or numeric" in str(exc.problem) and 1 <= linea <= len(lineas):
        # «*Importante* lectura…», «* lectura»: libyaml se detiene después del signo (o del
        # segundo); se señala dónde empieza el valor y la pista usa su signo.
        signo = _signo_del_valor(lineas[linea - 1], columna)
        if signo is not None:
            columna, caracter = signo
            pista = pista.replace('"& …"', f'"{caracter} …"')
    if exc.context_mark is not None and exc.problem_mark is not None:
        # Unas comillas o un corchete sin cerrar se notan al final: decir dónde se abrieron.
        inicio = ubicar.marca(exc.context_mark)[0]
        if inicio != linea:
            mensaje = f"{mensaje[:-1]} (lo que no cerró empieza en la línea {inicio})."
    return problema_de("RM001", nombre, linea, columna, "", mensaje, pista=pista)


# Un valor que empieza con `&` o `*`: tras `clave:`, tras `- `, tras `[` o `,`, o al inicio.
_VALOR_CON_SIGNO = compilar(r"(?:^|:[ \t]+|-[ \t]+|[\[,][ \t]*)([&*])")


def _signo_del_valor(texto: str, columna: int) -> tuple[int, str] | None:
    """(columna, signo) del `&` o `*` con que empieza el valor donde libyaml se detuvo en
    ``columna`` de la línea ``texto``: el último que empieza un valor antes de ahí."""
    ultimo = None
    for m in _VALOR_CON_SIGNO.finditer(texto, 0, columna):
        ultimo = (m.start(1) + 1, m.group(1))
    return ultimo


# Un ancla o un alias seguido de más texto en su línea («*Importante* lectura…», «&Lectura de
# textos»): quien lo escribió quería un texto que empieza con ese signo, no un alias.
_SIGNO_Y_TEXTO = compilar(r"([&*][^\s,\[\]{}]+)[ \t]+[^\s#]")


def tras_un_texto_con_signo(problemas: list, lineas: list[str], linea: int) -> bool:
    """Si el error de sintaxis de ``linea`` es el que sigue a un texto que empieza con `*` o `&`
    («*Lectura guiada…»: el alias y después más texto), ya dicho con RM003 en esa línea."""
    return any(p.codigo == "RM003" and p.linea == linea
               and _SIGNO_Y_TEXTO.match(lineas[linea - 1], p.columna - 1)
               for p in problemas if 1 <= p.linea <= len(lineas))


def ancla_o_alias(nombre: str, lineas: list[str], camino: str, linea: int, columna: int) -> Problema:
    """RM003: un ancla o un alias. Si en su línea le sigue texto, se dice que es un texto que
    empieza con `&` o `*` y cómo escribirlo."""
    texto = lineas[linea - 1] if 1 <= linea <= len(lineas) else ""
    prosa = _SIGNO_Y_TEXTO.match(texto, columna - 1)
    if prosa:
        signo = texto[columna - 1]
        return problema_de(
            "RM003", nombre, linea, columna, camino,
            f"El valor empieza con `{signo}`, que en YAML abre "
            f"{'un ancla (`&nombre`)' if signo == '&' else 'un alias (`*nombre`)'}: así no se lee "
            "como texto.",
            pista=f"Pon todo el valor entre comillas: `\"{prosa.group(1)} …\"` (en la Ruta no se "
                  "usan anclas ni alias).")
    return problema_de(
        "RM003", nombre, linea, columna, camino,
        "Las anclas y alias de YAML (`&nombre`, `*nombre`) no se aceptan.",
        pista="Escribe el valor completo en cada lugar: así la Ruta se lee sin "
              "saber YAML avanzado y un alias no puede multiplicar el archivo.")


def error_de_lectura(exc, texto: str, nombre: str) -> Problema:
    """El problema de un ``ReaderError`` (un carácter no imprimible) en ``texto``."""
    # La posición de un ReaderError del analizador en C cuenta bytes UTF-8, no caracteres.
    en_bytes = getattr(exc, "position", None)
    if isinstance(en_bytes, int):
        indice = len(texto.encode("utf-8")[:en_bytes].decode("utf-8", "ignore"))
        linea, columna = posicion(texto, indice)
    else:
        linea, columna = 1, 1
    mensaje, pista = _traducir("control characters are not allowed")
    return problema_de("RM001", nombre, linea, columna, "", mensaje, pista=pista)


_SANGRIA = compilar(r"^[ ]*\t")


def _tabulador_de_sangria(lineas: list[str], numero: int) -> tuple[int, int] | None:
    """El tabulador de la sangría de la línea donde se detuvo el analizador, si lo hay.

    Solo esa línea: un tabulador dentro de un bloque `|` anterior es contenido válido.
    """
    if 1 <= numero <= len(lineas):
        m = _SANGRIA.match(lineas[numero - 1])
        if m:
            return numero, m.end()
    return None
