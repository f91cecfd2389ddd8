"""Supresiones en línea (``# ruta: ignorar RM301 -- motivo``): RM903 y RM904.

Una supresión es la decisión explícita de una persona sobre una línea: calla solo los códigos
que nombra y avisa cuando ya no calla nada.
"""

from __future__ import annotations

import re

from rutamejora.nucleo.codigos import definir, obtener, problema_de
from rutamejora.nucleo.problemas import AVISO, ERROR
from rutamejora.nucleo.expresiones import compilar
from rutamejora.nucleo.registro import registro

_SUPRESION = compilar(r"(?:^|\s)#\s*ruta:\s*ignorar\b(?P<resto>.*)$")


@registro
class Supresion:
    archivo: str
    linea: int          # línea del comentario
    columna: int
    objetivo: int       # línea cuyos problemas calla
    codigos: tuple
    usada: bool = False
    motivo: str = ""    # lo escrito después de `--`


def supresiones(ruta) -> tuple[list[Supresion], list]:
    """Las supresiones de cada archivo y los problemas de las mal escritas (RM903).

    Un comentario al final de una línea calla esa línea; uno solo en su línea, la siguiente
    línea con contenido.
    """
    encontradas, problemas = [], []
    for nombre, doc in ruta.documentos.items():
        if "ignorar" not in doc.texto:
            continue  # Sin la palabra no hay supresión: no hace falta mirar línea por línea.
        lineas = doc.lineas
        for i, linea in enumerate(lineas, start=1):
            m = _SUPRESION.search(linea)
            if not m:
                continue
            columna = linea.index("#", m.start()) + 1
            codigos_texto, _, motivo = m.group("resto").partition("--")
            codigos = tuple(c.upper() for c in re.findall(r"\b[Rr][Mm]\d{3}\b", codigos_texto))
            desconocidos = [c for c in codigos if obtener(c) is None]
            if not codigos or desconocidos:
                problemas.append(problema_de(
                    "RM903", nombre, i, columna, "",
                    "La supresión no nombra un código de regla válido"
                    + (f" ({', '.join(desconocidos)})." if desconocidos else "."),
                    pista="Escribe `# ruta: ignorar RM301 -- motivo` (el código es obligatorio; "
                          "`ruta reglas` los lista)."))
                continue
            objetivo = i
            if not linea[:columna - 1].strip():
                objetivo = next((j for j in range(i + 1, len(lineas) + 1)
                                 if lineas[j - 1].strip() and not lineas[j - 1].lstrip().startswith("#")), i)
            encontradas.append(Supresion(nombre, i, columna, objetivo, codigos, motivo=motivo.strip()))
    return encontradas, problemas


def aplicar_supresiones(problemas: list, ruta, calla=None) -> list:
    """Quita los problemas suprimidos y avisa de las supresiones que no callan nada (RM904).
    ``calla(p)``, si se da, decide además si una supresión que nombra el código de ``p`` lo
    calla (las de privacidad callan solo los datos que liberan: ``liberados.calla``)."""
    lista, extra = supresiones(ruta)
    indice = {(s.archivo, s.objetivo): s for s in lista}
    resultado = []
    for p in problemas:
        s = indice.get((p.archivo, p.linea))
        if s is not None and p.codigo in s.codigos and (calla is None or calla(p)):
            s.usada = True
            continue
        resultado.append(p)
    for s in lista:
        if not s.usada:
            extra.append(problema_de(
                "RM904", s.archivo, s.linea, s.columna, "",
                f"La supresión de {', '.join(s.codigos)} no calla ningún problema.",
                pista="Bórrala: el problema ya no existe (o la supresión está en la línea equivocada)."))
    return resultado + extra


definir("RM903", "supresion-invalida", ERROR, "validacion", """
    Una supresión en línea (`# ruta: ignorar …`) no nombra un código de regla válido.

    El código es obligatorio: una supresión sin código callaría cualquier cosa. El motivo va
    después de `--`.

    ✓ metas.yaml (completo)
        metas: [] # ruta: ignorar RM901 -- archivo en construcción
    ✗ metas.yaml (completo)
        metas: [] # ruta: ignorar -- ya lo revisamos
""")

definir("RM904", "supresion-sin-efecto", AVISO, "validacion", """
    Una supresión en línea no calla ningún problema: sobra (o está en la línea equivocada).

    ✓ metas.yaml (completo)
        metas:
          - id: M1  # ruta: ignorar RM105 -- la meta se termina de redactar en la sesión 2
    ✗ metas.yaml (completo)
        metas: []  # ruta: ignorar RM301 -- ya no aplica
""")
