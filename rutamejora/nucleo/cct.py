"""La Clave de Centro de Trabajo (CCT): ``EE C II NNNN V``.

``EE`` entidad (01–32, orden del INEGI), ``C`` sostenimiento, ``II`` tipo de servicio,
``NNNN`` consecutivo y ``V`` carácter verificador. El algoritmo del verificador está en
``docs/formato.md`` y se confirmó con claves reales (dominio del proyecto).
"""

from __future__ import annotations

import re

from rutamejora.nucleo.expresiones import compilar
from rutamejora.nucleo.registro import registro

FORMA = compilar(r"^(\d{2})([A-Z])([A-Z]{2})(\d{4})([A-Z0-9])$")
_VERIFICADORES = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0"


def verificador(base: str) -> str:
    """El carácter verificador de los primeros 9 caracteres de una CCT.

    Cada dígito vale lo que es y cada letra su lugar en el alfabeto con dos dígitos (A=01 …
    Z=26): salen 12 dígitos. L suma los de lugar impar y R los de lugar par;
    el verificador es ``"ABC…Z0"[(7·L + 26·R) mod 27]``.
    """
    digitos = "".join(c if c.isdigit() else f"{ord(c) - 64:02d}" for c in base)
    impares = sum(int(d) for d in digitos[0::2])
    pares = sum(int(d) for d in digitos[1::2])
    return _VERIFICADORES[(7 * impares + 26 * pares) % 27]


def es_valida(clave: str) -> bool:
    return bool(FORMA.match(clave)) and verificador(clave[:9]) == clave[9]


@registro(frozen=True)
class PartesCCT:
    entidad: str
    sostenimiento: str
    tipo_servicio: str
    consecutivo: str
    verificador: str


def partes(clave: str) -> PartesCCT | None:
    m = FORMA.match(clave)
    return PartesCCT(*m.groups()) if m else None


def sugerir(escrita: str) -> str | None:
    """La CCT válida más parecida a ``escrita``, o ``None``.

    Prueba los descuidos de verdad: minúsculas y espacios, un verificador equivocado, un dígito
    perdido o sobrante en el consecutivo (``15DES068Z`` → ``15DES0068Z``), O por 0 e I por 1.
    """
    limpia = re.sub(r"[\s-]", "", escrita.upper())
    if es_valida(limpia):
        return limpia
    candidatas: list[str] = []
    trocadas = limpia[:2].replace("O", "0").replace("I", "1") + limpia[2:5] + \
        limpia[5:9].replace("O", "0").replace("I", "1") + limpia[9:]
    for base in dict.fromkeys((limpia, trocadas)):
        if len(base) == 10:
            candidatas.append(base)
            if FORMA.match(base[:9] + "A"):
                candidatas.append(base[:9] + verificador(base[:9]))
        elif len(base) == 9:
            # Un dígito perdido en el consecutivo: lo más común es un cero a la izquierda.
            for pos in range(5, 9):
                for d in "0123456789":
                    candidatas.append(base[:pos] + d + base[pos:])
        elif len(base) == 11:
            for pos in range(5, 10):
                candidatas.append(base[:pos] + base[pos + 1:])
    for c in candidatas:
        if es_valida(c):
            return c
    return None
