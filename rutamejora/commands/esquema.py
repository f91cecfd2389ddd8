"""``ruta esquema``: el JSON Schema de cada archivo de una Ruta, para los editores."""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._comun import fallar_uso


def esquema(
    archivo: str = typer.Argument(None, metavar="[ARCHIVO]", show_default=False,
                                  help="Muestra solo el esquema de ese archivo (p. ej. metas.yaml)."),
    salida: Path = typer.Option(None, "--salida", "-o", metavar="CARPETA",
                                help="Escribe ahí los siete esquemas (<archivo>.schema.json)."),
    marco: str = typer.Option("rme-2014", "--marco", metavar="MARCO",
                              help="Marco cuyos catálogos dan los valores válidos."),
):
    """Genera el JSON Schema de cada archivo de la Ruta, con ayuda en español para el editor.

    Salen de las mismas definiciones que usa `ruta validar`.
    Con --salida escribe ruta.schema.json, diagnostico.schema.json, …, bitacora.schema.json
    (solo reemplaza esquemas que escribió `ruta esquema`).
    Con ARCHIVO, solo ese (sin --salida, en la salida estándar).
    Cómo usarlos en VS Code: `ruta ayuda editores`.

    Ejemplo: ruta esquema --salida escuelas/21DPR0487A/2025-2026/.esquemas
    """
    from rutamejora.formato import ARCHIVOS
    from rutamejora.catalogos import cargar_marco, marco_desconocido
    from rutamejora.formato import escribir_esquemas, esquemas, nombre_esquema, texto_json

    desde = salida if salida is not None else Path.cwd()
    if cargar_marco(marco, desde) is None:
        fallar_uso(marco_desconocido(marco, desde))
    if archivo is not None:
        nombre = archivo if archivo.endswith((".yaml", ".yml")) else f"{archivo}.yaml"
        nombre = nombre[:-4] + ".yaml" if nombre.endswith(".yml") else nombre
        if nombre not in ARCHIVOS:
            fallar_uso(f"«{archivo}» no es un archivo de una Ruta. Son: "
                       + ", ".join(ARCHIVOS) + ".")
    if salida is None:
        if archivo is None:
            fallar_uso("di dónde escribir los esquemas (--salida CARPETA) o cuál mostrar "
                       "(p. ej. `ruta esquema metas.yaml`).")
        typer.echo(texto_json(esquemas(marco, desde)[nombre_esquema(nombre)]), nl=False)
        return
    if salida.exists() and not salida.is_dir():
        fallar_uso(f"{salida} existe y no es una carpeta.")
    from rutamejora.formato import EsquemaAjeno
    from rutamejora.nucleo import no_se_escribio

    try:
        escritos = escribir_esquemas(salida, marco, desde,
                                     solo=nombre_esquema(nombre) if archivo is not None else None)
    except EsquemaAjeno as exc:
        fallar_uso(str(exc))
    except OSError as exc:  # disco lleno o de solo lectura, sin permiso: salida 2
        fallar_uso(no_se_escribio(salida, exc, "Los esquemas que había quedaron como estaban."))
    cuantos = "1 esquema" if len(escritos) == 1 else f"{len(escritos)} esquemas"
    typer.echo(f"{cuantos} en {salida}: " + ", ".join(p.name for p in escritos) + ".")


def registrar(app: typer.Typer) -> None:
    app.command("esquema")(esquema)
