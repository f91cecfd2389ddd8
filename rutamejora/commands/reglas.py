"""``ruta reglas``: el catálogo de reglas (código, nombre, severidad, resumen)."""

from __future__ import annotations

from enum import Enum

import typer


class Formato(str, Enum):
    texto = "texto"
    json = "json"


def reglas(
    formato: Formato = typer.Option(Formato.texto, "--formato", "-f", help="texto o json."),
):
    """Lista todas las reglas que aplica `ruta validar`.

    Ejemplo: ruta reglas --formato json
    """
    from rutamejora.reglas import catalogo_json, catalogo_texto

    typer.echo(catalogo_json() if formato is Formato.json else catalogo_texto())


def registrar(app: typer.Typer) -> None:
    app.command("reglas")(reglas)
