"""Cada problema dice dónde está en las palabras del usuario, no en las del programa.

Las reglas y la estructura escriben sus mensajes con el camino de código
(``Falta la clave `indicador` en `metas[1]`.``); aquí se vuelven «Meta M2: falta la clave
`indicador`.» y el problema guarda su lugar legible en ``Problema.lugar`` («meta M2»), que el
JSON publica junto a ``ruta_yaml``. Un mensaje que ya nombra su objeto («La meta M2 no dice
cuánto…») no se toca.
"""

from __future__ import annotations

import re

from rutamejora.catalogos import normalizar
from rutamejora.formato.lugares import con_campo, lugar_de
from rutamejora.nucleo.textos import mayuscula
from rutamejora.nucleo.expresiones import compilar

# Un camino de código entre comillas invertidas: lleva al menos un índice de lista.
_CAMINO = compilar(r"`([^`\s]*\[\d+\][^`\s]*)`")


def ubicar(problemas: list, ruta) -> list:
    """Los ``problemas`` con su ``lugar`` legible y sus caminos de código dichos en palabras."""
    if ruta is None:
        return problemas
    marco = ruta.marco
    resultado = []
    for p in problemas:
        doc = ruta.documentos.get(p.archivo)
        raiz = doc.raiz if doc is not None else None
        lugar = lugar_de(raiz, p.ruta_yaml, p.archivo, marco) if p.ruta_yaml else None
        if lugar is None:
            resultado.append(p.con(lugar=p.ruta_yaml) if p.ruta_yaml else p)
            continue
        mensaje = decir(p.mensaje, lugar, p.ruta_yaml, raiz, p.archivo, marco)
        pista = _otros_caminos(p.pista, raiz, p.archivo, marco)
        resultado.append(p.con(mensaje=mensaje, pista=pista, lugar=str(lugar)))
    return resultado


def decir(mensaje: str, lugar, camino: str, raiz=None, archivo: str = "", marco=None) -> str:
    """``mensaje`` (de un problema en ``camino``) con el camino dicho en palabras y, delante,
    los objetos que no nombra («Acción A3: no hay nadie… con id `DOC7`.»)."""
    objeto = lugar.objeto
    campo_al_frente = False
    for dicho in (camino, objeto):
        if mensaje.startswith(f"`{dicho}` "):
            mensaje = mensaje[len(dicho) + 3:]
            campo_al_frente = dicho == camino and bool(lugar.campo)
            break
    if camino != objeto and lugar.campo:
        mensaje = mensaje.replace(f"`{camino}`", lugar.campo)
    mensaje = mensaje.replace(f" en `{objeto}`.", ".").replace(f" en `{objeto}`", "")
    mensaje = mensaje.replace(f"`{objeto}.", "`")
    mensaje = _otros_caminos(mensaje, raiz, archivo, marco)
    faltan = [nombre for nombre, marcas in zip(lugar.objetos, lugar.marcas)
              if not any(_nombra(mensaje, m) for m in marcas)]
    if not faltan:
        return mayuscula(mensaje)
    prefijo = ", ".join(faltan)
    # El campo va con su objeto: si el mensaje ya nombra el objeto (la acción A2 de una
    # entrada), el campo tampoco hace falta.
    if lugar.campo and faltan[-1] == lugar.objetos[-1] and \
            (campo_al_frente or not _campo_dicho(mensaje, lugar.campo)):
        prefijo = con_campo(prefijo, lugar.campo.replace("`", ""))
    if len(mensaje) > 1 and mensaje[0].isupper() and mensaje[1].islower():
        mensaje = mensaje[0].lower() + mensaje[1:]
    return f"{mayuscula(prefijo)}: {mensaje}"


def _nombra(mensaje: str, marca: str) -> bool:
    """Si ``mensaje`` dice ``marca`` como palabra (``M2`` no está en ``M21``)."""
    return re.search(rf"(?<![\w-]){re.escape(marca)}(?![\w-])", mensaje) is not None


def _campo_dicho(mensaje: str, campo: str) -> bool:
    """Si el mensaje ya dice el campo (```formula```, o «ninguna problemática» por
    ``problematica``): entonces el prefijo no lo repite."""
    if campo in mensaje:
        return True
    nombre = campo.split("`")[1] if campo.startswith("`") else campo
    return _nombra(normalizar(mensaje).replace("_", " "), normalizar(nombre).replace("_", " "))


def _otros_caminos(texto: str, raiz, archivo: str, marco) -> str:
    """Cualquier otro camino de código del texto, en palabras (``acciones[0]`` → acción A1)."""
    if not texto or "[" not in texto:
        return texto

    def cambiar(m):
        otro = lugar_de(raiz, m.group(1), archivo, marco)
        return str(otro) if otro is not None else m.group(0)

    return _CAMINO.sub(cambiar, texto)


__all__ = ["ubicar", "decir"]
