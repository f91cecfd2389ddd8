"""``ruta ayuda [TEMA]``: la documentación que viaja con la herramienta, tema por tema."""

from __future__ import annotations

import typer

from rutamejora.commands._comun import fallar_uso


def ayuda(tema: str = typer.Argument(None, metavar="TEMA", show_default=False,
                                     help="El tema, p. ej. vistas. Sin tema, la lista de temas.")):
    """Imprime un tema de la documentación (sin tema, la lista de temas).

    Es la misma documentación del proyecto, instalada con ruta: no hace falta tener el
    repositorio. Para una regla, `ruta explicar CÓDIGO`; para un comando, `ruta COMANDO --help`.

    Ejemplo: ruta ayuda vistas
    """
    from rutamejora.salida import TemaDesconocido, temas, texto_de_tema

    if tema is None:
        lista = temas()
        ancho = max(len(nombre) for nombre, _ in lista)
        typer.echo("Temas de `ruta ayuda TEMA`:\n")
        for nombre, titulo in lista:
            typer.echo(f"  {nombre:<{ancho}}  {titulo}")
        typer.echo("\nUna regla: `ruta explicar RM104`. Un comando: `ruta COMANDO --help`.")
        return
    try:
        texto = texto_de_tema(tema)
    except TemaDesconocido as exc:
        pista = f" ¿Quisiste decir {exc.sugerencia}?" if exc.sugerencia else ""
        fallar_uso(f"no hay un tema «{tema}».{pista} `ruta ayuda` lista los temas.")
    _mostrar(texto)


def _mostrar(texto: str) -> None:
    """En una terminal, con paginador (como `git help`); si no, tal cual."""
    import sys

    if sys.stdout.isatty():
        import click

        click.echo_via_pager(texto)
    else:
        typer.echo(texto, nl=not texto.endswith("\n"))


def registrar(app: typer.Typer) -> None:
    app.command("ayuda")(ayuda)
