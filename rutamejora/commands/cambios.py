"""``ruta cambios [CARPETA]``: qué cambió en la Ruta entre dos versiones, en palabras del plan."""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._comun import fallar_uso
from rutamejora.commands._git import DESTINO, FormatoGit, fallar_git


def cambios(
    carpeta: Path = typer.Argument(Path("."), metavar="[CARPETA]", show_default=False,
                                   help="Carpeta de la Ruta (por omisión, la actual)."),
    desde: str = typer.Option(None, "--desde", metavar="REV",
                              help="La versión de antes: un commit, una rama, una etiqueta o "
                                   "algo como HEAD~3 (por omisión, el último commit)."),
    hasta: str = typer.Option(None, "--hasta", metavar="REV",
                              help="La versión de después (por omisión, el árbol de trabajo; "
                                   "sin --desde, lo que cambió ese commit)."),
    con: Path = typer.Option(None, "--con", metavar="OTRA",
                             help="Compara con la Ruta de otra carpeta (la de antes), sin git."),
    formato: FormatoGit = typer.Option(FormatoGit.texto, "--formato", "-f",
                                       help="texto (personas), json (programas) o md (un "
                                            "comentario de pull request)."),
):
    """Compara dos versiones de la Ruta y dice qué cambió del plan, parte por parte.

    Metas, acciones, prioridades (o la agrupación del marco), objetivos, diagnóstico, presupuesto, bitácora y escuela, con sus ids: «Meta M2: valor meta 80 % → 70 %», «Acción A5 nueva: …». Un id renombrado con el mismo contenido, un cambio de orden o uno de formato o comentarios se dicen en una línea. Por omisión compara el último commit con el árbol de trabajo; --con compara dos carpetas sin git (CARPETA es la de después). Sale con 0, o con 2 si git no puede responder (sin git, fuera de un repositorio, una revisión que no existe).

    Ejemplo: ruta cambios ejemplos/primaria-2025-2026 --desde HEAD~3
    """
    from rutamejora.formato import NoEsRuta
    from rutamejora.historia import (ErrorDeGit, cambios_carpetas, cambios_git, diferencia_json,
                                     diferencia_md, diferencia_texto)

    destino = DESTINO[formato.value]
    if con is not None and (desde is not None or hasta is not None):
        fallar_uso("--con compara dos carpetas: no se usa con --desde ni --hasta.")
    try:
        if con is not None:
            diferencia = cambios_carpetas(carpeta, con, destino)
        else:
            diferencia = cambios_git(carpeta, desde, hasta, destino)
    except NoEsRuta as exc:
        fallar_uso(str(exc))
    except ErrorDeGit as exc:
        fallar_git(exc, "Sin git, compara dos carpetas: ruta cambios CARPETA --con OTRA.")
    from rutamejora.privacidad import carpeta_sin_datos

    escribir = {"texto": diferencia_texto, "json": diferencia_json, "md": diferencia_md}
    typer.echo(escribir[formato.value](diferencia, carpeta_sin_datos(carpeta)), nl=False)


def registrar(app: typer.Typer) -> None:
    from rutamejora.commands._vistas import ayuda

    app.command("cambios", help=ayuda(cambios))(cambios)
