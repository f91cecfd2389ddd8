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


def fallar_git(error) -> None:
    """Un ``historia.ErrorDeGit`` como error de uso: su mensaje y su pista, salida 2."""
    mensaje = error.mensaje[:1].lower() + error.mensaje[1:]
    fallar_uso(mensaje + (f"\nPista: {error.pista}" if error.pista else ""))
