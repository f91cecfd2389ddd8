"""``ruta validar [CARPETA]...``: todos los problemas de una Ruta (o de varias) de una vez.

Con git (``--historia``, ``--cambios-desde``) o en Markdown (``--formato md``), lo atiende
``_revision``."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from rutamejora.commands._comun import OPCION_FECHA, con_color, fallar_uso, fecha_de
from rutamejora.commands._validacion import leer_procesos, validar_carpeta


class Formato(str, Enum):
    texto = "texto"
    json = "json"
    github = "github"
    md = "md"


def validar(
    carpetas: list[Path] = typer.Argument(None, metavar="[CARPETA]...", show_default=False,
                                          help="Carpeta de la Ruta, una que contenga varias o "
                                               "archivos de una Ruta (por omisión, la actual y, "
                                               "si no es una Ruta, las que haya debajo); cada "
                                               "Ruta se valida una vez."),
    formato: Formato = typer.Option(Formato.texto, "--formato", "-f",
                                    help="texto (personas), json (programas), github "
                                         "(anotaciones de CI) o md (comentario de pull request)."),
    fecha: str = typer.Option(None, "--fecha", **OPCION_FECHA),
    estricto: bool = typer.Option(False, "--estricto",
                                  help="Los avisos también hacen fallar (código de salida 1)."),
    historia: bool = typer.Option(False, "--historia",
                                  help="Busca datos personales en cada versión de los archivos "
                                       "de la Ruta en la historia de git."),
    cambios_desde: str = typer.Option(None, "--cambios-desde", metavar="REV",
                                      help="Valida solo las Rutas que cambiaron desde esa "
                                           "revisión; con --formato md, más lo que cambió."),
    procesos: str = typer.Option(None, "--procesos", metavar="N", show_default=False,
                                 help="Cuántas Rutas se validan a la vez cuando hay varias (por "
                                      "omisión, una por núcleo; 1: todas en este proceso)."),
):
    """Revisa la Ruta y muestra todos sus problemas con archivo, línea y una pista.

    Sin CARPETA valida la carpeta actual; si no es una Ruta (no tiene ruta.yaml), busca las Rutas que haya en sus subcarpetas, a cualquier profundidad (escuelas/<cct>/<ciclo>/), las valida todas y dice en stderr cuántas halló («Se validaron 3 Rutas bajo escuelas.»). Lo mismo con una CARPETA que contiene varias Rutas. Con archivos (como los pasa pre-commit), las Rutas que los contienen.

    Códigos de salida:
    0  sin errores (puede haber avisos y notas);
    1  la Ruta tiene errores (o avisos, con --estricto; con --historia, la historia de git guarda algún dato personal);
    2  de uso o del entorno: una opción o un valor mal escritos, una carpeta que no existe o sin ninguna Ruta, un archivo de la Ruta que no se puede abrir (sin permiso de lectura).

    Ejemplo: ruta validar ejemplos/primaria-2025-2026 --fecha 2026-03-27
    """
    from rutamejora.formato import NoEsRuta

    hoy, explicita = fecha_de(fecha)
    carpetas = carpetas or []
    if historia or cambios_desde is not None or formato is Formato.md:
        from rutamejora.commands._revision import revisar

        revisar(carpetas, formato.value, hoy, explicita, estricto, historia, cambios_desde)
    try:
        cuantos = leer_procesos(procesos)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--procesos'") from None
    try:
        salida, codigo, nota = validar_carpeta(carpetas, formato.value, hoy, explicita, estricto,
                                               cuantos, color=con_color())
    except NoEsRuta as exc:
        fallar_uso(str(exc))
    typer.echo(salida)
    if nota is not None:
        typer.echo(nota, err=True)
    raise typer.Exit(codigo)


def registrar(app: typer.Typer) -> None:
    app.command("validar")(validar)
