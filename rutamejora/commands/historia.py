"""``ruta historia [CARPETA]``: los commits que cambiaron la Ruta y qué cambió en cada uno."""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._comun import fallar_uso
from rutamejora.commands._git import DESTINO, FormatoGit, fallar_git


def historia(
    carpeta: Path = typer.Argument(Path("."), metavar="[CARPETA]", show_default=False,
                                   help="Carpeta de la Ruta (por omisión, la actual)."),
    id_: str = typer.Option(None, "--id", metavar="ID",
                            help="Solo la historia de una meta, acción, prioridad (o agrupación "
                                 "del marco), objetivo o fuente: M2, A5, P1…"),
    limite: int = typer.Option(None, "--limite", "-n", metavar="N", min=1,
                               help="Cuántos commits leer, de los más nuevos."),
    formato: FormatoGit = typer.Option(FormatoGit.texto, "--formato", "-f",
                                       help="texto (personas), json (programas) o md (Markdown)."),
):
    """Muestra los commits que cambiaron la Ruta, del más nuevo al más viejo, con sus cambios.

    De cada commit: la fecha, el autor, el mensaje y lo que cambió del plan en palabras del dominio (como ruta cambios). Con --id, solo los commits que tocaron esa cosa: quién cambió el valor meta de M2, cuándo y qué dijo el commit; de una meta, también sus mediciones en la bitácora, y de una acción, sus registros. Los comentarios se dicen siempre, en una línea por archivo. Lee git sin tocar el árbol de trabajo ni el índice; sale con 2 si git no puede responder o si el --id no existe en ninguna versión de la Ruta (con el más parecido).

    Ejemplo: ruta historia ejemplos/primaria-2025-2026 --id M2
    """
    from rutamejora.formato import NoEsRuta
    from rutamejora.historia import (ErrorDeGit, IdDesconocido, historia_de, historia_json,
                                     historia_md, historia_texto)
    from rutamejora.privacidad import carpeta_sin_datos, mensaje_sin_datos

    try:
        pasos = historia_de(carpeta, id_, limite, DESTINO[formato.value])
    except NoEsRuta as exc:
        fallar_uso(str(exc))
    except IdDesconocido as exc:
        # Lo escrito en --id puede ser lo que alguien buscó («Kevin-Perez»): sin datos.
        fallar_uso(mensaje_sin_datos(str(exc)))
    except ErrorDeGit as exc:
        fallar_git(exc)

    escribir = {"texto": historia_texto, "json": historia_json, "md": historia_md}
    # Un id que no es de la Ruta puede ser lo que alguien buscó («Kevin-Perez»): sin datos.
    id_ = mensaje_sin_datos(id_) if id_ else id_
    typer.echo(escribir[formato.value](pasos, carpeta_sin_datos(carpeta), id_), nl=False)


def registrar(app: typer.Typer) -> None:
    from rutamejora.commands._vistas import ayuda

    app.command("historia", help=ayuda(historia))(historia)
