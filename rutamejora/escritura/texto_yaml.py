"""El texto de la bitácora tal como está: sus líneas con sus fines y dónde está cada nodo de YAML.

Es lo que permite injertar lo nuevo sin tocar nada más: las líneas se guardan con su fin de línea
original (y la BOM), y de cada nodo se sabe en qué línea y columna empieza y termina.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

BOM = "\ufeff"
_FINES = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")   # los saltos de línea que cuenta ruamel


@dataclass
class Texto:
    """El archivo como líneas con su fin de línea original; así se injerta sin tocar lo demás."""

    lineas: list                   # [[contenido, fin]]
    salto: str                     # el fin de línea del archivo ("\n" o "\r\n")
    bom: bool

    @classmethod
    def de(cls, texto: str) -> "Texto":
        bom = texto.startswith(BOM)
        if bom:
            texto = texto[1:]
        lineas, inicio = [], 0
        for m in _FINES.finditer(texto):
            lineas.append([texto[inicio:m.start()], m.group()])
            inicio = m.end()
        if inicio < len(texto):
            lineas.append([texto[inicio:], ""])
        primero = _FINES.search(texto)
        salto = "\r\n" if primero is not None and primero.group() == "\r\n" else "\n"
        return cls(lineas, salto, bom)

    @property
    def cuerpo(self) -> str:
        return "".join(c + f for c, f in self.lineas)

    def texto(self) -> str:
        return (BOM if self.bom else "") + self.cuerpo

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


# --- Dónde está cada nodo ---------------------------------------------------------------------


def componer(texto: str):
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).compose(texto)


def es_nodo(nodo, clase: str) -> bool:
    return type(nodo).__name__ == clase


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
