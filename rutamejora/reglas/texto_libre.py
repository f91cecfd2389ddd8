"""Reglas sobre el texto libre de la Ruta: lo que YAML cortó sin avisar y los ciclos copiados.

- RM123 ``texto-cortado``: en un valor sin comillas, un ``#`` empieza un comentario; «Taller
  #2 con familias» queda en «Taller» y todas las vistas e informes imprimen «Taller».
- RM352 ``texto-de-otro-ciclo``: un ciclo («2019-2020») o una fecha completa escrita en el texto
  que no es de la Ruta, ni del ciclo anterior, ni del siguiente: casi siempre, un plan viejo
  copiado.

Los dos recorren los valores de texto de cada archivo legible (``valores``), una vez por Ruta.
"""

from __future__ import annotations

import re
from datetime import date

from rutamejora.formato.lectura import LISTA, MAPA, recorrido
from rutamejora.formato.posiciones import SALTO, Ubicador
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.expresiones import compilar
from rutamejora.nucleo.problemas import AVISO
from rutamejora.nucleo.textos import ciclo_escolar
from rutamejora.reglas.base import Lugar


def valores(ruta) -> list:
    """(archivo, nodo) de cada valor escalar con texto de cada archivo legible, en el orden del
    archivo. Se arma una vez por Ruta (lo leen las dos reglas de este módulo) con los escalares
    que anotó la lectura, y sin caminos: casi ningún valor da un problema, así que el camino
    (``camino``) se busca solo para los que sí."""
    if "_valores_texto_libre" not in ruta.__dict__:
        ruta.__dict__["_valores_texto_libre"] = [
            (nombre, nodo) for nombre, doc in ruta.documentos.items() if doc.raiz is not None
            for nodo in recorrido(doc)[0] if nodo.texto]
    return ruta.__dict__["_valores_texto_libre"]


def camino(raiz, buscado) -> str:
    """El camino YAML (``acciones[0].actividad``) de ``buscado`` dentro de ``raiz``. Se busca
    desde el final de cada mapa y cada lista: un valor que está en dos lugares (la clave casi
    correcta y la corregida que agrega la estructura) tiene el camino de la corregida."""
    pila = [(raiz, "")]
    while pila:
        nodo, ruta_yaml = pila.pop()
        if nodo is buscado:
            return ruta_yaml
        if nodo.tipo == MAPA:
            pila.extend((hijo, f"{ruta_yaml}.{clave}" if ruta_yaml else clave)
                        for clave, hijo in nodo.valor.items())
        elif nodo.tipo == LISTA:
            pila.extend((hijo, f"{ruta_yaml}[{i}]") for i, hijo in enumerate(nodo.valor))
    return ""


# --- RM123: el texto que un `#` cortó --------------------------------------------------------

# Un valor que no es texto (número, fecha, booleano): un comentario después no le quita nada.
_NO_TEXTO = compilar(r"^(?:[-+]?\d+(?:[.,]\d+)?|\d{4}-\d{2}-\d{2}|true|false|yes|no|on|off)$", re.IGNORECASE)
# Lo que termina una oración: después, un comentario se lee como comentario.
_FIN_DE_ORACION = ".;:!?…)]}»\"'"
# Un id o una clave de catálogo (`DIR`, `M1`, `en_curso`, `mejora-aprendizajes`): tras uno de
# estos, un comentario separado por un espacio es un comentario, no el resto de una oración.
_CLAVE = compilar(r"^(?:[A-Za-z]{1,4}\d+|[A-Z]{2,6}\d*|[a-z0-9]+(?:[_-][a-z0-9]+)*)$")
# Las supresiones (`# ruta: ignorar RM301 -- motivo`) y cualquier otra indicación para ruta.
_PARA_RUTA = compilar(r"^\s*ruta\s*:", re.IGNORECASE)


def corte(texto: str, nodo) -> tuple[int, str] | None:
    """Si al escalar plano ``nodo`` lo sigue en su línea un comentario que se lee como el resto
    del valor: (índice del ``#`` en ``texto``, el comentario sin ``#``); si no, ``None``.

    Se lee como el resto del valor si el ``#`` va pegado a lo que sigue («Taller #2 con
    familias», «Grupo #1»), o si no hay un corte de oración antes: el valor es texto (no un
    número, una fecha, un id ni una clave de catálogo) que no termina en puntuación y el
    comentario sigue en minúscula o con una cifra («Sesión # 3 del CTE»). Tras un número
    («valor: 45  # dato de SisAT»), un punto o antes de una mayúscula, es un comentario; uno para
    ruta (``# ruta: ignorar …``) nunca es texto cortado.
    """
    # Lo común primero y barato: casi ningún escalar va seguido de un espacio en su línea.
    if not nodo.plano or nodo.fin < 0 or texto[nodo.fin:nodo.fin + 1] not in (" ", "\t") \
            or _NO_TEXTO.match(nodo.texto) or nodo.es_nulo():
        return None
    salto = SALTO.search(texto, nodo.fin)
    resto = texto[nodo.fin:salto.start() if salto else len(texto)]
    comentario = resto.lstrip(" \t")
    if not comentario.startswith("#"):
        return None
    espacios, comentario = len(resto) - len(comentario), comentario[1:]
    if not comentario.strip() or _PARA_RUTA.match(comentario):
        return None
    primera = comentario[0]
    if primera.isalnum():
        return nodo.fin + espacios, comentario
    sigue = comentario.lstrip()
    if primera in " \t" and (sigue[0].isdigit() or sigue[0].islower()) \
            and nodo.texto[-1] not in _FIN_DE_ORACION and not _CLAVE.match(nodo.texto):
        return nodo.fin + espacios, comentario
    return None


def _antes_de_almohadilla(texto: str) -> set[int]:
    """Cada posición de un tramo de espacios o tabuladores que sigue hasta un ``#``: donde
    tiene que terminar un escalar para que ``corte`` encuentre algo."""
    lugares: set[int] = set()
    i = texto.find("#")
    while i >= 0:
        j = i
        while j > 0 and texto[j - 1] in " \t":
            j -= 1
        lugares.update(range(j, i))
        i = texto.find("#", i + 1)
    return lugares


def _entre_comillas(texto: str) -> str:
    return f'"{texto}"' if '"' not in texto else "'" + texto.replace("'", "''") + "'"


@regla("RM123", "texto-cortado", AVISO, "estructura")
def texto_cortado(ruta, ctx):
    """Un `#` cortó el texto: en un valor sin comillas, `#` empieza un comentario y lo que sigue se pierde.

    «Taller #2 con familias» se lee como «Taller»: eso imprimen las vistas y los informes. Se
    avisa cuando el comentario se lee como el resto del valor: el `#` va pegado a lo que sigue
    («#2», «#familias»), o no hay un corte de oración antes (el texto no termina en punto y el
    comentario sigue en minúscula o con una cifra: «Sesión # 3 del CTE»). Tras un número
    (`valor: 45  # dato de SisAT`), un id o una clave de catálogo, un comentario es un
    comentario; las supresiones (`# ruta: ignorar …`) nunca se toman por texto cortado. Para
    comentar un texto, escribe el texto entre comillas o el comentario en su propia línea.

    ✓ acciones.yaml (completo)
        acciones:
          - id: A1
            metas: [M1]
            actividad: "Taller #2 con familias"  # el segundo del ciclo
            responsables: [DIR, DOC1, APF]
            recursos: [Libros del rincón]
            costo: 1500.00
            fuente: F1
            inicio: 2025-09-08
            fin: 2026-06-19
    ✗ acciones.yaml (completo)
        acciones:
          - id: A1
            metas: [M1]
            actividad: Taller #2 con familias
            responsables: [DIR, DOC1, APF]
            recursos: [Libros del rincón]
            costo: 1500.00
            fuente: F1
            inicio: 2025-09-08
            fin: 2026-06-19
    """
    # Solo puede cortarse un escalar que termina justo antes de espacios y un «#»: esos lugares
    # se buscan una vez por archivo y ``corte`` se pregunta solo ahí.
    antes_de_almohadilla: dict[str, set[int]] = {}
    for archivo, nodo in valores(ruta):
        doc = ruta.documentos[archivo]
        if archivo not in antes_de_almohadilla:
            antes_de_almohadilla[archivo] = _antes_de_almohadilla(doc.texto)
        if nodo.fin not in antes_de_almohadilla[archivo]:
            continue
        hallado = corte(doc.texto, nodo)
        if hallado is None:
            continue
        indice, comentario = hallado
        ruta_yaml = camino(doc.raiz, nodo)
        linea, columna = Ubicador(doc.texto)(indice)
        clave = ruta_yaml.rsplit(".", 1)[-1]
        escrito = nodo.texto + doc.texto[nodo.fin:indice] + "#" + comentario.rstrip()
        forma = f"- {_entre_comillas(escrito)}" if clave.endswith("]") else f"{clave}: {_entre_comillas(escrito)}"
        ctx.problema(Lugar(archivo, linea, columna, ruta_yaml), None,
                     f"El texto de `{ruta_yaml}` se corta en «{nodo.texto}»: YAML lee "
                     f"`#{comentario.rstrip()}` como un comentario.",
                     f"Si es parte del texto, escríbelo entre comillas: `{forma}`. Si es un "
                     "comentario, pon entre comillas solo el texto o el comentario en su propia línea.")


# --- RM352: ciclos y fechas de otro tiempo ------------------------------------------------------

_MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
          "octubre", "noviembre", "diciembre")
# Cada alternativa empieza por un dígito y lo de antes se revisa después de él (``20(?<![\d-]20)``
# es «20» sin un dígito ni un guion antes; ``\d(?<!\w\d)``, un dígito al comienzo de una
# palabra): así el motor salta en C de un dígito al siguiente en vez de probar la expresión en
# cada carácter. Es lo mismo que ``(?<![\d-])20\d\d…`` (ver la prueba).
_FECHA = compilar(
    r"(?P<a1>20(?<![\d-]20)\d\d)-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})(?![\d-])"
    r"|(?P<d2>\d(?<![\d/.-]\d)\d?)[/.-](?P<m2>\d{1,2})[/.-](?P<a2>20\d\d)(?![\d/.-])"
    r"|(?P<d3>\d(?<!\w\d)\d?)[°º]?\s+de\s+(?P<m3>" + "|".join(_MESES)
    + r"|setiembre)\s+del?\s+(?P<a3>20\d\d)\b", re.IGNORECASE)
# «2019-2020», «2019 – 2020», «2019/2020», «2019-20»; solo años consecutivos (un «2020-2024» es un
# sexenio o un programa, no un ciclo escolar).
_CICLO = compilar(r"(20(?<![\d-]20)\d\d)\s*[-–—/]\s*(20\d\d|\d\d)(?![\d]|[-/.]\d)")
_SOLO_FECHA = compilar(r"\d{4}-\d{2}-\d{2}")


def _ciclo(inicio: int) -> str:
    return f"{inicio}-{inicio + 1}"




def _fecha(m: re.Match) -> date | None:
    try:
        if m.group("a1"):
            return date(int(m.group("a1")), int(m.group("m1")), int(m.group("d1")))
        if m.group("a2"):
            return date(int(m.group("a2")), int(m.group("m2")), int(m.group("d2")))
        mes = m.group("m3").lower()
        numero = 9 if mes == "setiembre" else _MESES.index(mes) + 1
        return date(int(m.group("a3")), numero, int(m.group("d3")))
    except ValueError:
        return None


def menciones(texto: str) -> list[tuple[int, str, str, bool]]:
    """(posición, lo escrito, su ciclo, si es fecha) de cada fecha completa y cada ciclo escrito
    en ``texto``.

    >>> menciones("Acuerdo para el ciclo 2019-2020 tomado el 3 de mayo de 2019")
    [(22, '2019-2020', '2019-2020', False), (42, '3 de mayo de 2019', '2018-2019', True)]
    """
    hallados, partes, desde = [], [], 0
    for m in _FECHA.finditer(texto):
        dia = _fecha(m)
        # Cada fecha se tapa con espacios (el texto mide lo mismo): su año no es un ciclo.
        partes += (texto[desde:m.start()], " " * (m.end() - m.start()))
        desde = m.end()
        if dia is not None:
            hallados.append((m.start(), m.group(), ciclo_escolar(dia), True))
    tapado = "".join(partes) + texto[desde:] if partes else texto
    for m in _CICLO.finditer(tapado):
        inicio, fin = int(m.group(1)), m.group(2)
        if (int(fin) if len(fin) == 4 else int(str(inicio)[:2] + fin)) == inicio + 1:
            hallados.append((m.start(), m.group(), _ciclo(inicio), False))
    return sorted(hallados)


def _aceptados(ruta) -> tuple[list[str], str] | None:
    """Los ciclos que el texto puede nombrar (los de la Ruta, el anterior y el siguiente) y cómo
    se dicen los de la Ruta («2025-2026», «2024-2025 a 2025-2026»)."""
    ciclos = sorted(c for c in ruta.ciclos if isinstance(c, str) and re.fullmatch(r"\d{4}-\d{4}", c))
    if not ciclos:
        return None
    inicios = [int(c[:4]) for c in ciclos]
    propios = ciclos[0] if len(ciclos) == 1 else f"{ciclos[0]} a {ciclos[-1]}"
    return [_ciclo(a) for a in range(inicios[0] - 1, inicios[-1] + 2)], propios


@regla("RM352", "texto-de-otro-ciclo", AVISO, "planeacion")
def texto_de_otro_ciclo(ruta, ctx):
    """El texto nombra un ciclo o una fecha completa que no es de esta Ruta, ni del ciclo anterior, ni del siguiente.

    Casi siempre es texto copiado de un plan viejo («los acuerdos para el ciclo 2019-2020»). Se
    revisan los ciclos (`2019-2020`, `2019-20`) y las fechas completas (`2019-05-03`,
    `03/05/2019`, `3 de mayo de 2019`) escritos en texto libre; los años sueltos («PLANEA
    2018») y los campos que son una fecha o un ciclo (ya revisados en su lugar) no cuentan.
    Si la mención es a propósito (un dato histórico), apártala con una supresión.

    ✓ bitacora.yaml
        entradas:
          - fecha: 2025-09-26
            sesion: 1
            acuerdos: [Retomar los resultados del ciclo 2024-2025 en la sesión de octubre]
    ✗ bitacora.yaml
        entradas:
          - fecha: 2025-09-26
            sesion: 1
            acuerdos: [Aplicar el programa de lectura acordado para el ciclo 2019-2020]
    """
    ciclos = _aceptados(ruta)
    if ciclos is None:
        return
    aceptados, propios = ciclos
    # Cada texto distinto se mira una vez (un rubro, un acuerdo se repiten) y los valores se
    # recorren solo si alguno nombra otro ciclo, que es lo raro.
    de_otro_ciclo: dict[str, list] = {}
    for texto in {nodo.texto for _, nodo in valores(ruta)}:
        # Un valor que es solo una fecha (``inicio: 2025-09-08``, lo más común con «20») nombra
        # a lo más esa fecha, entera, y eso no cuenta: ni se busca.
        if "20" not in texto or _SOLO_FECHA.fullmatch(texto):
            continue
        otras = [m for m in menciones(texto) if m[2] not in aceptados and m[1] != texto.strip()]
        if otras:
            de_otro_ciclo[texto] = otras
    if not de_otro_ciclo:
        return
    for archivo, nodo in valores(ruta):
        if nodo.texto not in de_otro_ciclo or nodo.es_nulo():
            continue
        for posicion, escrito, ciclo, es_fecha in de_otro_ciclo[nodo.texto]:
            ruta_yaml = camino(ruta.documentos[archivo].raiz, nodo)
            exacta = nodo.plano and "\n" not in nodo.texto
            lugar = Lugar(archivo, nodo.linea, nodo.columna + (posicion if exacta else 0), ruta_yaml)
            if es_fecha:
                mensaje = (f"El texto de `{ruta_yaml}` nombra la fecha «{escrito}», del ciclo {ciclo}: no es "
                           f"de esta Ruta ({propios}), ni del ciclo anterior, ni del siguiente.")
            else:
                mensaje = (f"El texto de `{ruta_yaml}` nombra el ciclo {escrito}: no es el de esta Ruta "
                           f"({propios}), ni el anterior, ni el siguiente.")
            ctx.problema(lugar, None, mensaje,
                         "¿Se copió de un plan anterior? Corrige el año; si la mención es a propósito "
                         "(un dato histórico), apártala con `# ruta: ignorar RM352 -- motivo`.")
