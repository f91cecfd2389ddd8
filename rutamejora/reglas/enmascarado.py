"""Cada problema de la validación con sus datos personales enmascarados (``proteger``).

Lee la pasada del detector de ``personales`` (los datos de cada línea) y lo que las
supresiones liberaron (``liberados``): un dato liberado en su línea sale tal cual; cualquier
otro, con su marcador.
"""

from __future__ import annotations

import re

from rutamejora.nucleo.problemas import Secreto, enmascarar
from rutamejora.privacidad import DOMICILIO, MENSAJE
from rutamejora.reglas.liberados import liberados
from rutamejora.reglas.personales import _detectar, datos, personal_de, secreto


def _libres_por_linea(ruta) -> dict[tuple[str, int], frozenset[tuple[str, str]]]:
    """``{(archivo, línea): {(clase, dato)}}`` de lo que las supresiones liberaron."""
    por_linea: dict[tuple[str, int], set[tuple[str, str]]] = {}
    for archivo, linea, clase, dato in liberados(ruta):
        por_linea.setdefault((archivo, linea), set()).add((clase, dato))
    return {llave: frozenset(v) for llave, v in por_linea.items()}


def proteger(problemas: list, ruta) -> list:
    """Cada problema con sus datos personales enmascarados, venga de la regla que venga.

    El mensaje, la pista y el camino YAML pasan por el detector y salen con marcadores
    («La clave `[nombre: J. P. L.]` no existe aquí»); los datos de la línea del problema (los
    que el detector encuentra en la línea cruda y los que la pasada de la Ruta ubicó en ella,
    como un apodo en ``codigos:``) quedan en ``secretos``, para que quien cita la línea la
    enmascare con ``nucleo.problemas.enmascarar``.
    """
    if not problemas:
        return problemas
    quien = personal_de(ruta) if ruta is not None else ()
    memoria: dict[str, tuple] = {}
    por_linea = _por_linea(ruta) if ruta is not None else {}
    libres = _libres_por_linea(ruta) if ruta is not None else {}
    lineas: dict[str, list[str]] = {}
    partidos = _de_varias_palabras(ruta) if ruta is not None else {}
    resultado = []
    for p in problemas:
        # Los datos que una supresión liberó en esta línea salen tal cual (``liberados``).
        permitidos = libres.get((p.archivo, p.linea), frozenset())
        secretos = {s.texto: s for s in p.secretos}
        # El mensaje y la pista citan valores entre comillas que son de la cita, no un título.
        textos = [(p.mensaje, MENSAJE), (p.pista, MENSAJE), (p.ruta_yaml, None), (p.lugar, None),
                  (_linea(ruta, p, lineas), None)]
        for texto, contexto in textos:
            for h in _detectar(texto, contexto, quien, memoria):
                if (h.clase, " ".join(h.texto.split())) not in permitidos:
                    secretos.setdefault(h.texto, secreto(h))
        for h in por_linea.get((p.archivo, p.linea), ()):
            if (h.clase, " ".join(h.texto.split())) not in permitidos:
                secretos.setdefault(h.texto, secreto(h))
        for parte, h in _pedazos(_linea(ruta, p, lineas), partidos, p.archivo, p.linea):
            if (h.clase, " ".join(h.texto.split())) not in permitidos:
                entero = secreto(h)
                secretos.setdefault(parte, Secreto(parte, entero.marcador, entero.marcador_informe))
        if not secretos:
            resultado.append(p)
            continue
        lista = tuple(secretos.values())
        resultado.append(p.con(mensaje=enmascarar(p.mensaje, lista), pista=enmascarar(p.pista, lista),
                               ruta_yaml=enmascarar(p.ruta_yaml, lista),
                               lugar=enmascarar(p.lugar, lista), secretos=lista))
    return resultado


def _de_varias_palabras(ruta) -> dict[tuple[str, int], list]:
    """Los datos de dos o más palabras de la pasada de la Ruta, por (archivo, línea donde
    empiezan): los que un valor largo parte entre dos líneas («…con Kevin⏎ Pérez Soto…», «cel
    55⏎ 4812 9037»)."""
    indice: dict[tuple[str, int], list] = {}
    for d in datos(ruta):
        if len(d.hallazgo.texto.split()) > 1:
            indice.setdefault((d.archivo, d.linea), []).append(d.hallazgo)
    return indice


# Un valor de YAML que sigue en otra línea no pasa de unas pocas: más allá, ya es otro valor.
_LINEAS_DE_UN_VALOR = 4
# Las palabras de enlace de un nombre («María de la Luz»): un pedazo hecho solo de ellas no se tapa.
_PARTICULAS = frozenset({"de", "del", "la", "las", "los", "y", "e"})


def _pedazos(linea: str | None, partidos: dict, archivo: str, numero: int):
    """(pedazo, hallazgo) de cada pedazo de un dato que empezó en esta línea o en una de las
    anteriores y que está, como palabras enteras, en ``linea`` (la citada): la línea lleva solo
    una parte del dato y se enmascara con el marcador del dato entero. Los pedazos son las
    palabras seguidas del dato, de la más larga a la más corta, de tres caracteres o más (un
    «55» suelto no dice nada y enmascararlo taparía cualquier 55 de la línea)."""
    if not linea:
        return
    plegada = linea.casefold()
    # Solo los que empezaron en las pocas líneas de arriba (un índice por línea: recorrer todos
    # los datos del archivo por cada problema era cuadrático en una bitácora grande).
    cercanos = [h for desde in range(max(1, numero - _LINEAS_DE_UN_VALOR + 1), numero + 1)
                for h in partidos.get((archivo, desde), ())]
    for h in cercanos:
        palabras = h.texto.split()
        for largo in range(len(palabras) - 1, 0, -1):
            for i in range(len(palabras) - largo + 1):
                parte = " ".join(palabras[i:i + largo])
                if all(p.lower() in _PARTICULAS for p in palabras[i:i + largo]):
                    continue  # «de la» de «María de la Luz» no dice nada: taparlo taparía cualquiera
                if h.clase == DOMICILIO and not any(c.isdigit() for c in parte):
                    continue  # «calle», «col. Centro» sin el número no son de nadie (y están en todo)
                if len(parte) > 2 and parte.casefold() in plegada and re.search(
                        rf"(?<![^\W_]){re.escape(parte)}(?![^\W_])", linea, re.IGNORECASE):
                    yield parte, h


def _por_linea(ruta) -> dict[tuple[str, int], list]:
    """Los hallazgos de la pasada de la Ruta, por (archivo, línea)."""
    indice: dict[tuple[str, int], list] = {}
    for d in datos(ruta):
        indice.setdefault((d.archivo, d.linea), []).append(d.hallazgo)
    return indice


def _linea(ruta, p, lineas: dict) -> str | None:
    """La línea del archivo donde está el problema (la que cita la salida de texto)."""
    if ruta is None or not p.linea:
        return None
    if p.archivo not in lineas:
        doc = ruta.documentos.get(p.archivo)
        lineas[p.archivo] = doc.lineas if doc is not None and doc.texto else []
    texto = lineas[p.archivo]
    return texto[p.linea - 1] if p.linea <= len(texto) else None
