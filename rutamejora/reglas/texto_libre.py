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

from rutamejora.formato.lectura import ESCALAR, LISTA, MAPA
from rutamejora.formato.posiciones import SALTO, Ubicador
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import AVISO
from rutamejora.reglas.base import Lugar


def valores(ruta) -> list:
    """(archivo, nodo, camino) de cada valor escalar no nulo de cada archivo legible, en orden
    del archivo. Se arma una vez por Ruta: lo leen las dos reglas de este módulo."""
    if "_valores_texto_libre" not in ruta.__dict__:
        ruta.__dict__["_valores_texto_libre"] = list(_recorrer(ruta))
    return ruta.__dict__["_valores_texto_libre"]


def _recorrer(ruta):
    for nombre, doc in ruta.documentos.items():
        if doc.raiz is None:
            continue
        pila = [(doc.raiz, "")]
        while pila:
            nodo, camino = pila.pop()
            if nodo.tipo == MAPA:
                pila.extend((hijo, f"{camino}.{clave}" if camino else clave)
                            for clave, hijo in reversed(nodo.valor.items()))
            elif nodo.tipo == LISTA:
                pila.extend((hijo, f"{camino}[{i}]") for i, hijo in reversed(list(enumerate(nodo.valor))))
            elif nodo.tipo == ESCALAR and nodo.texto and not nodo.es_nulo():
                yield nombre, nodo, camino


# --- RM123: el texto que un `#` cortó --------------------------------------------------------

# Un valor que no es texto (número, fecha, booleano): un comentario después no le quita nada.
_NO_TEXTO = re.compile(r"^(?:[-+]?\d+(?:[.,]\d+)?|\d{4}-\d{2}-\d{2}|true|false|yes|no|on|off)$", re.IGNORECASE)
# Lo que termina una oración: después, un comentario se lee como comentario.
_FIN_DE_ORACION = ".;:!?…)]}»\"'"
# Las supresiones (`# ruta: ignorar RM301 -- motivo`) y cualquier otra indicación para ruta.
_PARA_RUTA = re.compile(r"^\s*ruta\s*:", re.IGNORECASE)


def corte(texto: str, nodo) -> tuple[int, str] | None:
    """Si al escalar plano ``nodo`` lo sigue en su línea un comentario que se lee como el resto
    del valor: (índice del ``#`` en ``texto``, el comentario sin ``#``); si no, ``None``.

    Se lee como el resto del valor si el ``#`` va pegado a lo que sigue («Taller #2 con
    familias», «Grupo #1»), o si no hay un corte de oración antes: el valor no termina en
    puntuación, un solo espacio lo separa del ``#`` y el comentario sigue en minúscula o con una
    cifra («Sesión # 3»). Un comentario separado con dos espacios («valor: 45  # dato de
    SisAT») o que es para ruta (``# ruta: ignorar …``) es un comentario.
    """
    if not nodo.plano or nodo.fin < 0 or _NO_TEXTO.match(nodo.texto):
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
    if espacios == 1 and primera == " " and (sigue[0].isdigit() or sigue[0].islower()) \
            and nodo.texto[-1] not in _FIN_DE_ORACION:
        return nodo.fin + espacios, comentario
    return None


def _entre_comillas(texto: str) -> str:
    return f'"{texto}"' if '"' not in texto else "'" + texto.replace("'", "''") + "'"


@regla("RM123", "texto-cortado", AVISO, "estructura")
def texto_cortado(ruta, ctx):
    """Un `#` cortó el texto: en un valor sin comillas, `#` empieza un comentario y lo que sigue se pierde.

    «Taller #2 con familias» se lee como «Taller»: eso imprimen las vistas y los informes. Se
    avisa cuando el comentario se lee como el resto del valor: el `#` va pegado a lo que sigue
    («#2», «#familias»), o un solo espacio lo separa de un texto sin punto final y el comentario
    sigue en minúscula o con una cifra. Un comentario de verdad se separa con dos espacios y
    lleva un espacio después del `#` (`valor: 45  # dato de SisAT`); las supresiones
    (`# ruta: ignorar …`) nunca se toman por texto cortado.

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
    for archivo, nodo, camino in valores(ruta):
        doc = ruta.documentos[archivo]
        hallado = corte(doc.texto, nodo)
        if hallado is None:
            continue
        indice, comentario = hallado
        linea, columna = Ubicador(doc.texto)(indice)
        clave = camino.rsplit(".", 1)[-1]
        escrito = nodo.texto + doc.texto[nodo.fin:indice] + "#" + comentario.rstrip()
        forma = f"- {_entre_comillas(escrito)}" if clave.endswith("]") else f"{clave}: {_entre_comillas(escrito)}"
        ctx.problema(Lugar(archivo, linea, columna, camino), None,
                     f"El texto de `{camino}` se corta en «{nodo.texto}»: YAML lee "
                     f"`#{comentario.rstrip()}` como un comentario.",
                     f"Si es parte del texto, escríbelo entre comillas: `{forma}`. Si es un "
                     "comentario, sepáralo con dos espacios y un espacio después de `#`.")


# --- RM352: ciclos y fechas de otro tiempo ------------------------------------------------------

_MESES = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
          "octubre", "noviembre", "diciembre")
_FECHA = re.compile(
    r"(?<![\d-])(?P<a1>20\d\d)-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})(?![\d-])"
    r"|(?<![\d/.-])(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<a2>20\d\d)(?![\d/.-])"
    r"|\b(?P<d3>\d{1,2})[°º]?\s+de\s+(?P<m3>" + "|".join(_MESES) + r"|setiembre)\s+del?\s+(?P<a3>20\d\d)\b",
    re.IGNORECASE)
# «2019-2020», «2019 – 2020», «2019/2020», «2019-20»; solo años consecutivos (un «2020-2024» es un
# sexenio o un programa, no un ciclo escolar).
_CICLO = re.compile(r"(?<![\d-])(20\d\d)\s*[-–—/]\s*(20\d\d|\d\d)(?![\d]|[-/.]\d)")


def _ciclo(inicio: int) -> str:
    return f"{inicio}-{inicio + 1}"


def _ciclo_de(dia: date) -> str:
    """El ciclo escolar de una fecha: de agosto (fase intensiva) a julio."""
    return _ciclo(dia.year if dia.month >= 8 else dia.year - 1)


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
    hallados, tapado = [], list(texto)
    for m in _FECHA.finditer(texto):
        dia = _fecha(m)
        tapado[m.start():m.end()] = " " * (m.end() - m.start())
        if dia is not None:
            hallados.append((m.start(), m.group(), _ciclo_de(dia), True))
    for m in _CICLO.finditer("".join(tapado)):
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
    for archivo, nodo, camino in valores(ruta):
        if not re.search(r"20\d\d", nodo.texto):
            continue
        for posicion, escrito, ciclo, es_fecha in menciones(nodo.texto):
            if ciclo in aceptados or escrito == nodo.texto.strip():
                continue
            exacta = nodo.plano and "\n" not in nodo.texto
            lugar = Lugar(archivo, nodo.linea, nodo.columna + (posicion if exacta else 0), camino)
            if es_fecha:
                mensaje = (f"El texto de `{camino}` nombra la fecha «{escrito}», del ciclo {ciclo}: no es "
                           f"de esta Ruta ({propios}), ni del ciclo anterior, ni del siguiente.")
            else:
                mensaje = (f"El texto de `{camino}` nombra el ciclo {escrito}: no es el de esta Ruta "
                           f"({propios}), ni el anterior, ni el siguiente.")
            ctx.problema(lugar, None, mensaje,
                         "¿Se copió de un plan anterior? Corrige el año; si la mención es a propósito "
                         "(un dato histórico), apártala con `# ruta: ignorar RM352 -- motivo`.")
