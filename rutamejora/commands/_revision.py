"""``ruta validar`` con git: ``--historia`` (los datos personales que quedan en la historia),
``--cambios-desde REV`` (las Rutas que cambiaron) y ``--formato md`` (el comentario de un pull
request con los problemas y lo que cambió de cada Ruta).

Solo lee opciones, llama a ``historia`` y a ``reglas``, imprime y sale: 0 sin errores (o sin
datos en la historia), 1 con ellos, 2 si git no puede responder.
"""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._comun import con_color, fallar_uso
from rutamejora.commands._git import fallar_git


def revisar(carpetas: list[Path], formato: str, hoy, explicita: bool, estricto: bool,
            historia: bool, desde: str | None) -> None:
    """Atiende las formas de ``ruta validar`` que leen git o escriben Markdown; siempre sale."""
    from rutamejora.formato import NoEsRuta, rutas_de_argumentos
    from rutamejora.historia import ErrorDeGit

    if historia and desde is not None:
        fallar_uso("--historia y --cambios-desde no se usan juntas: corre una y luego la otra.")
    if desde is not None and len(carpetas) > 1:
        fallar_uso("--cambios-desde busca las Rutas cambiadas dentro de una sola carpeta.")
    try:
        if historia:
            _historia(rutas_de_argumentos(carpetas), formato)
        diferencias, commit = None, None
        if desde is not None:
            from rutamejora.historia import rutas_cambiadas

            rutas, commit = rutas_cambiadas(carpetas[0] if carpetas else Path("."), desde)
        else:
            rutas = rutas_de_argumentos(carpetas)
        resultados = _validar(rutas, hoy, explicita, estricto)
        if formato == "md" and desde is not None:
            diferencias = _diferencias(rutas, desde)
    except NoEsRuta as exc:
        fallar_uso(str(exc))
    except ErrorDeGit as exc:
        fallar_git(exc)
    _imprimir(resultados, formato, diferencias, desde, commit)


def _validar(rutas: list[Path], hoy, explicita: bool, estricto: bool) -> list:
    from rutamejora.reglas import validar

    return [validar(r, hoy, explicita, estricto) for r in rutas]


def _diferencias(rutas: list[Path], desde: str) -> dict:
    from rutamejora.historia import cambios_git

    return {r: cambios_git(r, desde, None, "github") for r in rutas}


def _imprimir(resultados: list, formato: str, diferencias, desde, commit) -> None:
    if formato == "md":
        from rutamejora.historia import comentario

        typer.echo(comentario(resultados, diferencias, desde, commit), nl=False)
    elif not resultados:
        from rutamejora.privacidad import mensaje_sin_datos

        typer.echo(f"Ninguna Ruta cambió desde {mensaje_sin_datos(desde)}: no hay nada que validar."
                   if desde else
                   "Ningún archivo indicado es de una Ruta: no hay nada que validar.")
    else:
        from rutamejora.salida import formatear

        typer.echo(formatear(resultados, formato, color=con_color()))
    raise typer.Exit(max((r.codigo_de_salida() for r in resultados), default=0))


def _historia(rutas: list[Path], formato: str) -> None:
    from rutamejora.commands._git import DESTINO
    from rutamejora.historia import pasado_github, pasado_json, pasado_texto, revisar_historia

    destino = {"github": "github", **DESTINO}.get(formato, "terminal")
    revisiones = [revisar_historia(r, destino) for r in rutas]
    escribir = {"json": pasado_json, "github": pasado_github}.get(formato, pasado_texto)
    typer.echo(escribir(revisiones), nl=False)
    raise typer.Exit(max((r.codigo_de_salida for r in revisiones), default=0))
