"""Una clave con la sangría que no cuadra con la de sus hermanas, dicha como tal.

Un espacio de más antes de una clave (``   nivel:`` bajo ``  cct: 21DPR0487A``) hace que YAML
la lea como la continuación del valor de arriba y se queje de un `:` inesperado; uno de menos
(``   sentido:`` entre claves de la columna 5) deja la línea en ningún nivel. En los dos casos
quien escribe ve una línea que parece bien: el mensaje dice la columna donde empieza la clave,
la de la clave anterior de su nivel y cuántos espacios mover. Lo usa ``sintaxis`` para los
errores de YAML de esas dos formas.
"""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar

# Una línea `clave: …` o `- clave: …`: (sangría, guion, clave). Las claves de una Ruta son
# nombres en ASCII (``linea_base``); un texto con `: ` no suele empezar así.
_CLAVE = compilar(r"^( *)(-[ ]+)?([A-Za-z_][A-Za-z0-9_]*)[ \t]*:(?:[ \t]|$)")
# Los errores de YAML que deja una sangría así: el `:` de una clave con espacios de más, o una
# línea con menos sangría que sus hermanas (de libyaml y del analizador puro de ruamel).
DE_MAS = ("mapping values are not allowed",)
DE_MENOS = ("did not find expected key", "did not find expected '-' indicator", "expected <block end>")
_CAMPOS: set[str] = set()


def _clave(texto: str) -> tuple[int, str, int | None] | None:
    """(columna de la clave, la clave, columna del guion o ``None``) de una línea `clave: …`."""
    m = _CLAVE.match(texto)
    if m is None:
        return None
    guion = len(m.group(1)) + 1 if m.group(2) else None
    return m.start(3) + 1, m.group(3), guion


def _anteriores(lineas: list[str], numero: int):
    """(número, columna, clave, columna del guion) de cada línea `clave: …` antes de ``numero``,
    de abajo hacia arriba (se saltan las vacías, los comentarios y el texto de un bloque)."""
    for i in range(numero - 1, 0, -1):
        leida = _clave(lineas[i - 1])
        if leida is not None:
            yield (i, *leida)


def _es_campo(clave: str) -> bool:
    """Si ``clave`` es un campo del formato: una línea `que: alcanzan` con sangría de más puede
    ser la continuación de un texto; `nivel:` no."""
    if not _CAMPOS:
        from rutamejora.formato.esquema import objetos

        _CAMPOS.update(c.nombre for o in objetos().values() for c in o.campos)
    return clave in _CAMPOS


def sangria_que_no_cuadra(lineas: list[str], numero: int, problema: str):
    """``(columna, mensaje, pista)`` si el error de YAML ``problema`` en la línea ``numero`` es
    una clave con la sangría distinta de la de sus hermanas; si no, ``None``."""
    if not 1 <= numero <= len(lineas) or not any(p in problema for p in DE_MAS + DE_MENOS):
        return None
    actual = _clave(lineas[numero - 1])
    anterior = next(_anteriores(lineas, numero), None)
    if actual is None or anterior is None:
        return None
    columna, clave, _ = actual
    if columna > anterior[1] and any(p in problema for p in DE_MAS) and _es_campo(clave):
        hermana = anterior                    # la clave de arriba, con su valor en la línea
    elif columna < anterior[1]:
        hermana = _nivel_mas_cercano(lineas, numero, columna)
    else:
        return None
    if hermana is None:
        return None
    return columna, *_explicar(clave, numero, columna, hermana)


def _nivel_mas_cercano(lineas: list[str], numero: int, columna: int):
    """(línea, columna, clave) de la clave anterior del nivel más cercano a ``columna``, si la
    línea no cuadra con ninguno: el de más adentro que la línea cierra o el de la clave que la
    contiene. A igual distancia, el de más adentro (falta un espacio más que sobrar uno)."""
    adentro = None
    for linea, col, clave, guion in _anteriores(lineas, numero):
        if col == columna:
            return None                       # sí cuadra con un nivel: el error es otro
        if col > columna:
            if adentro is None or col < adentro[1]:
                adentro = (linea, col, clave)  # la más reciente de cada nivel
            if guion is None or guion > columna:
                continue
            return adentro                    # el elemento `- ` que la contiene
        if adentro is None or columna - col < adentro[1] - columna:
            return linea, col, clave          # la clave que la contiene
        return adentro
    return adentro


def _explicar(clave: str, numero: int, columna: int, hermana) -> tuple[str, str]:
    linea, col, otra = hermana[:3]
    diferencia = abs(columna - col)
    espacios = "1 espacio" if diferencia == 1 else f"{diferencia} espacios"
    mensaje = (f"La sangría no cuadra: la clave `{clave}` empieza en la columna {columna} y la "
               f"clave anterior de su nivel, `{otra}` (línea {linea}), en la columna {col}.")
    que = "quítale" if columna > col else "agrégale"
    pista = (f"Alinea `{clave}` con `{otra}`: {que} {espacios} al inicio de la línea {numero} (en "
             "YAML la sangría dice qué va dentro de qué).")
    return mensaje, pista
