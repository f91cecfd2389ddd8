"""``ruta explicar CODIGO``: la documentación de una regla, con sus ejemplos ✓ y ✗."""

from __future__ import annotations

import typer

from rutamejora.commands._comun import fallar_uso


def explicar(codigo: str = typer.Argument(..., metavar="CÓDIGO", help="Código de la regla, p. ej. RM104.")):
    """Explica una regla: qué revisa, por qué, y un ejemplo que pasa y otro que no.

    Ejemplo: ruta explicar RM104
    """
    from rutamejora.reglas import explicacion, obtener, registradas, sugerir_codigo

    registradas()
    regla = obtener(codigo)
    if regla is None:
        cercano = sugerir_codigo(codigo)
        fallar_uso(f"no existe la regla «{codigo}»." + (f" ¿Quisiste decir {cercano}?" if cercano else
                                                        " Usa `ruta reglas` para verlas todas."))
    typer.echo(explicacion(regla))


def registrar(app: typer.Typer) -> None:
    app.command("explicar")(explicar)
