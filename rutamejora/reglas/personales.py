"""Los datos personales de una Ruta, buscados una sola vez, y el enmascarado de cada problema.

Cada valor y cada comentario de cada archivo (de un archivo que no se pudo leer, cada línea del
texto crudo) pasa una vez por el detector (``privacidad.detectar``; un texto que se repite en
la Ruta, una sola vez), con el personal de la Ruta (los nombres de ``colectivo`` y
``comunidad`` de ruta.yaml) y, en los campos de códigos de alumnos (``codigos:``), con
``contexto="codigos"``. De esa pasada leen:

- las reglas RM501–RM505 (``reglas.privacidad``): un problema por dato, en su línea y columna;
- ``enmascarado.proteger``, que da a cada problema de la validación (de cualquier regla) su
  forma enmascarada: el mensaje, la pista y el camino YAML pasan por el detector, y los datos
  de su línea quedan en ``Problema.secretos`` para que la línea citada salga enmascarada;
- ``liberados``: lo que una persona declaró que no es dato personal con
  ``# ruta: ignorar RM5xx -- motivo`` (qué datos de su línea libera una supresión).
"""

from __future__ import annotations

import re

from rutamejora.formato.lectura import ESCALAR, LISTA, MAPA, anotado, caminos, recorrido
from rutamejora.nucleo.problemas import Secreto
from rutamejora.nucleo.registro import registro
from rutamejora.privacidad import (CODIGOS, CORREO, CURP, DOMICILIO, INFORME, NOMBRE, RFC,
                                   SALUD, TELEFONO, TERMINAL, alumnos_nombrados, de_un_alumno,
                                   detectar, marcador)
from rutamejora.nucleo.expresiones import compilar

# El código de regla que señala cada clase de dato (y que la suprime en una línea).
CODIGO_DE_CLASE = {CURP: "RM501", NOMBRE: "RM502", SALUD: "RM503", TELEFONO: "RM504",
                   CORREO: "RM504", DOMICILIO: "RM504", RFC: "RM505"}
_CLASES_DE_CODIGO: dict[str, set[str]] = {}
for _clase, _codigo in CODIGO_DE_CLASE.items():
    _CLASES_DE_CODIGO.setdefault(_codigo, set()).add(_clase)

# Campos donde el nombre de una persona es legítimo: ahí no cuenta un nombre (sí una CURP).
_CON_NOMBRES = compilar(r"^(?:colectivo\[\d+\]\.nombre|comunidad\[\d+\]\.nombre|escuela\.nombre)$")
# En un archivo ilegible, lo que sigue a «codigos:» en su línea.
_CLAVE_CODIGOS = compilar(r"\bc[oó]digos\s*:")
# Un «nombre:» de ruta.yaml es de la escuela, del colectivo o de la comunidad (su esquema no tiene
# otro), escrito en bloque o en línea ({id: DIR, nombre: …, funcion: director}).
_NOMBRE_EN_RUTA = compilar(r"(?:^|[{,\s])nombre:[ \t]*[\"']?([^,}\n#\"']+)")


@registro(frozen=True, slots=True)
class Dato:
    """Un dato personal de la Ruta (``hallazgo``, de ``privacidad``) y dónde está: línea y
    columna del dato mismo cuando se pudo ubicar en el texto del archivo (si no, las del
    valor) y el camino YAML del valor (vacío en un comentario o en un archivo ilegible)."""

    hallazgo: object
    archivo: str
    linea: int
    columna: int
    camino: str


def personal_de(ruta) -> tuple[str, ...]:
    """Los nombres del personal de la escuela (colectivo y comunidad): no son datos de alumnos.
    Sin el de un alumno que uno de ellos nombre («Padres de Juanito Pérez»): con él, Juanito
    sería del personal en toda la Ruta."""
    return tuple(_sin_alumnos(p.nombre) for p in ruta.colectivo + ruta.comunidad if p.nombre) \
        + _personal_sin_leer(ruta)


def _personal_sin_leer(ruta) -> tuple[str, ...]:
    """Si ruta.yaml no se pudo leer (un error de sintaxis), los nombres de sus «nombre:» en el
    texto crudo: sin ellos, la revisión línea por línea tomaba al colectivo por alumnos (un
    espacio de más daba un RM502 por cada docente además del error de verdad)."""
    doc = ruta.documentos.get("ruta.yaml")
    if doc is None or doc.raiz is not None or not doc.texto:
        return ()
    return tuple(_sin_alumnos(m.group(1).strip()) for m in _NOMBRE_EN_RUTA.finditer(doc.texto)
                 if m.group(1).strip())


def _sin_alumnos(nombre: str) -> str:
    for h in sorted(alumnos_nombrados(nombre), key=lambda h: -h.inicio):
        nombre = nombre[:h.inicio] + nombre[h.fin:]
    return nombre


def datos(ruta) -> list[Dato]:
    """Cada dato personal de la Ruta, en el orden de los archivos. Se busca una vez por Ruta."""
    if "_datos_personales" not in ruta.__dict__:
        ruta.__dict__["_datos_personales"] = _buscar(ruta)
    return ruta.__dict__["_datos_personales"]


def _buscar(ruta) -> list[Dato]:
    quien = personal_de(ruta)
    # Un texto repetido (un estado, una fecha, un responsable, una pista) se juzga una vez.
    memoria: dict[tuple, tuple] = {}
    hallados = []
    for archivo, doc in ruta.documentos.items():
        fuentes = _de_valores(doc, quien, memoria) if doc.raiz is not None else \
            _de_lineas(doc.lineas if doc.texto else [], quien)
        if doc.raiz is not None and "#" in doc.texto:
            fuentes = [*fuentes, *_de_comentarios(doc.texto, quien, memoria)]
        # Por archivo: el mismo dato en la misma línea y columna de otro archivo es otro dato.
        vistos = set()
        for h, linea, columna, camino in fuentes:
            llave = (linea, columna, h.clase, h.texto)
            if llave not in vistos:  # un «#» dentro de un valor lo vuelve también comentario
                vistos.add(llave)
                hallados.append(Dato(h, archivo, linea, columna, camino))
    return hallados


def _de_valores(doc, quien, memoria: dict):
    """(hallazgo, línea, columna, camino) de cada valor escalar no nulo del árbol, en el orden
    del archivo; los que están bajo ``codigos:`` se juzgan como códigos de alumnos."""
    if anotado(doc):
        return _de_lo_anotado(doc, quien, memoria)
    return _de_cada_lugar(doc, doc.lineas if doc.texto else [], quien, memoria)


def _de_lo_anotado(doc, quien, memoria: dict) -> list[tuple]:
    """``_de_valores`` con el árbol tal como se leyó (``lectura.anotado``). Cada texto distinto
    del archivo pasa una vez por el detector, sin recorrer el árbol (los escalares los anota la
    lectura: ``recorrido``). Casi ningún archivo tiene un dato: solo entonces se repasan sus
    escalares en orden y se arma el camino de los que lo tienen."""
    escalares, mapas = recorrido(doc)
    codigos = _en_codigos(mapas)
    sucios = set()
    for texto in {nodo.texto for nodo in escalares}:
        # Lo mismo que ``_detectar(texto, None, …)``, sin una llamada más por texto.
        llave = (texto, None)
        hallazgos = memoria.get(llave)
        if hallazgos is None:
            hallazgos = memoria[llave] = tuple(detectar(texto, personal=quien)) if texto else ()
        if hallazgos:
            sucios.add(texto)
    if not sucios and not codigos:
        return []
    con_datos = []
    for nodo in escalares:
        if not (nodo.texto in sucios or id(nodo) in codigos) or not nodo.texto or nodo.es_nulo():
            continue
        hallazgos = _detectar(nodo.texto, CODIGOS if id(nodo) in codigos else None, quien, memoria)
        if hallazgos:
            con_datos.append((nodo, hallazgos))
    if not con_datos:
        return []
    de_cada = caminos(doc.raiz, [id(nodo) for nodo, _ in con_datos])
    lineas, fin_de = doc.lineas, _lineas_de_fin(doc)
    resultado = []
    for nodo, hallazgos in con_datos:
        camino = de_cada.get(id(nodo), "")
        sin_nombres = _CON_NOMBRES.match(camino) is not None
        for h in hallazgos:
            if not (sin_nombres and h.clase == NOMBRE and not de_un_alumno(nodo.texto, h)):
                resultado.append((h, *_ubicar(lineas, nodo, h.texto, fin_de), camino))
    return resultado


def _de_cada_lugar(doc, lineas: list[str], quien, memoria: dict):
    """``_de_valores`` recorriendo el árbol, cuando un nodo puede estar en dos lugares (una clave
    corregida por la estructura: la escrita y la corregida): cada lugar con su camino y su
    contexto (bajo ``codigos:`` o no), como se juzgaba siempre. Al bajar se guarda solo de dónde
    viene cada nodo (``lugar``: el del padre, la clave o el índice)."""
    pila = [(doc.raiz, None, False)]
    fin_de = _lineas_de_fin(doc)
    while pila:
        nodo, lugar, de_codigos = pila.pop()
        if nodo.tipo == MAPA:
            pila.extend((hijo, (lugar, clave, False), clave == "codigos")
                        for clave, hijo in reversed(nodo.valor.items()))
        elif nodo.tipo == LISTA:
            hijos = nodo.valor
            pila.extend((hijos[i], (lugar, i, True), de_codigos) for i in range(len(hijos) - 1, -1, -1))
        elif nodo.tipo == ESCALAR and nodo.texto and not nodo.es_nulo():
            hallazgos = _detectar(nodo.texto, CODIGOS if de_codigos else None, quien, memoria)
            if not hallazgos:
                continue
            camino = _camino(lugar)
            sin_nombres = _CON_NOMBRES.match(camino) is not None
            for h in hallazgos:
                if not (sin_nombres and h.clase == NOMBRE and not de_un_alumno(nodo.texto, h)):
                    yield (h, *_ubicar(lineas, nodo, h.texto, fin_de), camino)


def _camino(lugar) -> str:
    """El camino YAML (``acciones[0].actividad``) de un ``lugar`` de ``_de_cada_lugar``."""
    pasos = []
    while lugar is not None:
        lugar, paso, es_indice = lugar
        pasos.append((paso, es_indice))
    camino = ""
    for paso, es_indice in reversed(pasos):
        camino = f"{camino}[{paso}]" if es_indice else (f"{camino}.{paso}" if camino else paso)
    return camino


def _en_codigos(mapas) -> set[int]:
    """Los ids de los escalares de un campo de códigos de alumnos: el valor de una clave
    ``codigos`` y los elementos de sus listas (también de listas dentro de listas; no lo que
    está dentro de un mapa, que tiene sus propias claves)."""
    ids: set[int] = set()
    for mapa in mapas:
        valor = mapa.valor.get("codigos")
        pila = [valor] if valor is not None else []
        while pila:
            nodo = pila.pop()
            if nodo.tipo == ESCALAR:
                ids.add(id(nodo))
            elif nodo.tipo == LISTA:
                pila.extend(nodo.valor)
    return ids


def _lineas_de_fin(doc):
    """La línea (desde 1, como la cuenta un editor) donde termina un valor que acaba en un
    índice de ``doc.texto`` (``Nodo.fin``), o ``None``. El fin de un bloque (``>-``, ``|``) cae
    después de sus líneas en blanco, en el valor siguiente: cuenta el último carácter escrito."""
    texto = doc.texto
    if not texto:
        return None
    from rutamejora.formato.posiciones import Ubicador

    ubicar = Ubicador(texto)

    def linea(indice: int) -> int:
        indice = min(indice, len(texto))
        while indice > 0 and texto[indice - 1] in " \t\r\n":
            indice -= 1
        return ubicar(max(indice - 1, 0))[0]
    return linea


def _ubicar(lineas: list[str], nodo, dato: str, fin_de=None) -> tuple[int, int]:
    """La línea y la columna de ``dato`` en el archivo, buscándolo desde donde empieza el valor
    hasta donde termina (un valor entre comillas o de varias líneas no mide lo mismo que su
    texto); partido entre dos líneas, donde empieza; si no se encuentra, las del valor.
    ``fin_de`` da la línea del fin del valor (``nodo.fin``); sin ella, se estima."""
    if fin_de is not None and nodo.fin >= 0:
        # Solo las líneas del valor: con una estimación, el mismo dato escrito en el valor
        # siguiente («…; Kevin⏎ Pérez Soto» y luego «unidad: …; Kevin Pérez Soto») se ubicaba allá.
        ultima = min(len(lineas), max(nodo.linea, fin_de(nodo.fin)))
    else:
        ultima = min(len(lineas), nodo.linea + nodo.texto.count("\n") + nodo.texto.count(" ") // 3 + 1)
    for numero in range(nodo.linea, ultima + 1):
        desde = nodo.columna - 1 if numero == nodo.linea else 0
        indice = lineas[numero - 1].find(dato, desde)
        if indice >= 0:
            return numero, indice + 1
    # Partido entre líneas («…con Kevin⏎      Pérez Soto»): donde empieza, con los espacios y
    # saltos del archivo entre sus palabras (así se cita bien la línea de cada pedazo).
    palabras = dato.split()
    if len(palabras) > 1 and nodo.linea <= ultima:
        tramo = "\n".join(lineas[nodo.linea - 1:ultima])
        m = re.compile(r"\s+".join(map(re.escape, palabras))).search(tramo, nodo.columna - 1)
        if m is not None:
            antes = tramo.count("\n", 0, m.start())
            return nodo.linea + antes, m.start() - (tramo.rfind("\n", 0, m.start()) + 1) + 1
    return nodo.linea, nodo.columna


def _de_comentarios(texto: str, quien, memoria: dict):
    """(hallazgo, línea, columna, "") de cada comentario (también llega a git)."""
    # Las líneas se cuentan desde el comentario anterior, no desde el principio del archivo:
    # con miles de comentarios en un archivo grande, contar cada vez era cuadrático.
    linea, contadas_hasta = 1, 0
    for inicio, comentario in comentarios(texto):
        if not comentario.strip():
            continue
        linea += texto.count("\n", contadas_hasta, inicio)
        contadas_hasta = inicio
        columna = inicio - (texto.rfind("\n", 0, inicio) + 1) + 1
        for h in _detectar(comentario, None, quien, memoria):
            yield h, linea, columna + h.inicio, ""


def comentarios(texto: str):
    """(índice, texto) de lo que sigue a cada ``#`` que abre un comentario (al comienzo de una
    línea o después de un espacio o un tabulador) hasta el fin de su línea.

    Es lo que encuentra ``(?:^|[ \t])#(.*)$`` (multilínea) uno tras otro, sin probar la expresión
    en cada carácter del archivo: ``str.find`` salta en C de un ``#`` al siguiente."""
    i = texto.find("#")
    while i >= 0:
        if i == 0 or texto[i - 1] in " \t\n":
            fin = texto.find("\n", i)
            fin = len(texto) if fin < 0 else fin
            yield i + 1, texto[i + 1:fin]
            i = texto.find("#", fin)
        else:
            i = texto.find("#", i + 1)


def _de_lineas(lineas: list[str], quien):
    """(hallazgo, línea, columna, "") de cada línea de un archivo que no se pudo leer: el
    texto crudo, comentarios incluidos; lo que sigue a «codigos:» se lee como códigos."""
    for numero, linea in enumerate(lineas, start=1):
        if not linea.strip():
            continue
        m = _CLAVE_CODIGOS.search(linea)
        partes = [(0, linea, None)] if m is None else \
            [(0, linea[:m.end()], None), (m.end(), linea[m.end():], CODIGOS)]
        for inicio, parte, contexto in partes:
            for h in detectar(parte, personal=quien, contexto=contexto):
                yield h, numero, inicio + h.inicio + 1, ""


# --- El marcador de un dato ---------------------------------------------------------------


def secreto(hallazgo) -> Secreto:
    """El ``Secreto`` de un hallazgo: su texto y sus marcadores (terminal e informe)."""
    return Secreto(hallazgo.texto, marcador(hallazgo, TERMINAL), marcador(hallazgo, INFORME))


def _detectar(texto: str | None, contexto, quien, memoria: dict) -> tuple:
    """El detector con memoria: las pistas y muchas líneas se repiten de un problema a otro."""
    if not texto:
        return ()
    if (texto, contexto) not in memoria:
        memoria[texto, contexto] = tuple(detectar(texto, personal=quien, contexto=contexto))
    return memoria[texto, contexto]
