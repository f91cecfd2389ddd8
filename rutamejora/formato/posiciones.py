"""Posiciones en el texto de un archivo: de un índice de carácter a (línea, columna) como las
cuenta un editor, desde 1 (``Ubicador``), y los saltos de línea que ve un editor (``SALTO``).

Las usan la lectura (cada nodo con su posición), el decodificado (dónde está el byte que no es
UTF-8) y los errores de sintaxis (dónde se detuvo el analizador).
"""

from __future__ import annotations

import bisect

from rutamejora.nucleo.expresiones import compilar

# Lo que parte las líneas para un editor: solo \n, \r\n y \r.
SALTO = compilar(r"\r\n|\r|\n")


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
            self._inicios = [0] + [m.end() for m in SALTO.finditer(self.texto)]
        linea = bisect.bisect_right(self._inicios, indice)
        return linea, indice - self._inicios[linea - 1] + 1

    def marca(self, m) -> tuple[int, int]:
        """La posición de una marca del analizador (al final del archivo sin salto de línea,
        libyaml inventa una línea de más: el índice no)."""
        if not self.necesario and m.index < len(self.texto):
            return m.line + 1, m.column + 1
        return self(min(m.index, len(self.texto)))


def posicion(texto: str, indice: int) -> tuple[int, int]:
    return Ubicador(texto)(indice)

