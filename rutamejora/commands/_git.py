"""Lo que comparten los comandos que leen git (``cambios``, ``historia``, ``validar``): el
formato de salida y cómo se dice que git no pudo responder (salida 2, con su pista)."""

from __future__ import annotations

from enum import Enum

from rutamejora.commands._comun import fallar_uso


class FormatoGit(str, Enum):
    texto = "texto"
    json = "json"
    md = "md"


# Cómo se enmascara un dato personal citado en cada formato (``privacidad.DESTINOS``).
DESTINO = {"texto": "terminal", "json": "json", "md": "github"}


def fallar_git(error, otra_salida: str = "") -> None:
    """Un ``historia.ErrorDeGit`` como error de uso: su mensaje y su pista, salida 2.

    ``otra_salida`` agrega a la pista lo que el comando puede hacer sin git (solo ``ruta
    cambios`` compara dos carpetas: los demás no lo ofrecen).
    """
    mensaje = error.mensaje[:1].lower() + error.mensaje[1:]
    pista = " ".join(p for p in (error.pista, otra_salida) if p)
    fallar_uso(mensaje + (f"\nPista: {pista}" if pista else ""))
