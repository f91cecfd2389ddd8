"""La línea de comandos ``ruta``: arma la aplicación Typer y traduce los códigos de salida.

Cada comando vive en su módulo (``validar.py``, ``reglas.py``…) y solo lee opciones, llama a
la biblioteca e imprime. Aquí se decide lo común: el español de Typer y Click, la versión, y
que ningún error interno llegue al usuario como un traceback (sale con código 2 y un mensaje;
``RUTA_DEPURAR=1`` muestra el traceback a quien desarrolla).

Capa: la de arriba. Importa solo lo público (``__all__``) de los paquetes de la biblioteca, y
cada módulo de comando lo importa dentro de su función, para que ``ruta validar`` no pague los
demás comandos.
"""

from __future__ import annotations

import os
import sys

from rutamejora.commands._traduccion import traducir, traducir_plural


def _importar_typer_en_espanol():
    """Importa Typer y Click hablando español, cualquiera que sea el idioma del sistema.

    Sus módulos hacen ``from gettext import gettext as _``. Dos casos:

    - los que aún no se importan (``typer.rich_utils`` se importa tarde, solo al mostrar una
      ayuda o un error, y cuesta 60 ms que ``ruta validar`` no debe pagar) tomarán la
      traducción porque ``gettext.gettext`` queda cambiado en este proceso (un texto que no
      está en la tabla sale igual, como lo daría gettext sin catálogo);
    - los ya importados (en las pruebas, ``typer.testing`` llega antes que nosotros) buscan
      ``_`` al mostrar cada texto: se les cambia ese nombre. Unas constantes de
      ``typer.rich_utils`` se tradujeron al importarse: se traducen de nuevo.
    """
    import gettext

    gettext.gettext, gettext.ngettext = traducir, traducir_plural
    import typer
    import typer.main

    for nombre, modulo in list(sys.modules.items()):
        if nombre in ("click", "typer") or nombre.startswith(("click.", "typer.")):
            if getattr(getattr(modulo, "_", None), "__module__", "") == "gettext":
                modulo._ = traducir
            if getattr(getattr(modulo, "ngettext", None), "__module__", "") == "gettext":
                modulo.ngettext = traducir_plural
    rich = sys.modules.get("typer.rich_utils")
    if rich is not None:
        for constante in ("DEPRECATED_STRING", "DEFAULT_STRING", "ENVVAR_STRING",
                          "REQUIRED_LONG_STRING", "ARGUMENTS_PANEL_TITLE", "OPTIONS_PANEL_TITLE",
                          "COMMANDS_PANEL_TITLE", "ERRORS_PANEL_TITLE", "ABORTED_TEXT", "RICH_HELP"):
            if hasattr(rich, constante):
                setattr(rich, constante, traducir(getattr(rich, constante)))
    # Estas ayudas están escritas sin gettext en Typer: se traducen al crearse.
    crear = typer.main.get_install_completion_arguments

    def opciones_de_autocompletado():
        instalar, mostrar = crear()
        instalar.help, mostrar.help = traducir(instalar.help or ""), traducir(mostrar.help or "")
        return instalar, mostrar

    if getattr(crear, "__name__", "") != "opciones_de_autocompletado":
        typer.main.get_install_completion_arguments = opciones_de_autocompletado
    return typer


typer = _importar_typer_en_espanol()

__all__ = ["app", "main"]

app = typer.Typer(
    name="ruta",
    help="La Ruta de mejora escolar como archivos YAML: crear, validar, dar seguimiento e informar.\n\n"
         "Ejemplo: ruta validar ejemplos/primaria-2025-2026",
    no_args_is_help=True,
    suggest_commands=False,  # Click ya sugiere en español; Typer repetiría en inglés.
    options_metavar="[OPCIONES]",
    subcommand_metavar="COMANDO [ARGUMENTOS]...",
    pretty_exceptions_enable=False,  # Nunca mostrar variables locales: las Rutas tienen nombres.
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def _version(valor: bool):
    if valor:
        from rutamejora import __version__

        typer.echo(f"ruta {__version__}")
        raise typer.Exit(0)


@app.callback()
def principal(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Muestra la versión de ruta y termina."),
):
    """La Ruta de mejora escolar como archivos YAML: crear, validar, dar seguimiento e informar.

    Ejemplo: ruta validar ejemplos/primaria-2025-2026
    """


# Los módulos de comandos, en el orden de la ayuda. Cada uno tiene ``registrar(app)``.
COMANDOS = ("nueva", "validar", "resumen", "avance", "pendientes", "calendario", "bitacora",
            "informe", "cambios", "historia", "esquema", "reglas", "explicar")


def _registrar():
    import importlib
    import importlib.util

    for nombre in COMANDOS:
        completo = f"rutamejora.commands.{nombre}"
        if importlib.util.find_spec(completo) is not None:
            importlib.import_module(completo).registrar(app)


_registrar()


def main() -> None:
    """Punto de entrada: corre la aplicación y convierte un fallo interno en salida 2."""
    _salida_utf8()
    try:
        app(prog_name="ruta")
    except SystemExit:
        raise
    except KeyboardInterrupt:
        sys.stderr.write("\nCancelado.\n")
        sys.exit(130)
    except Exception as exc:  # noqa: BLE001 - la última red: nada de tracebacks al usuario
        if os.environ.get("RUTA_DEPURAR"):
            raise
        sys.stderr.write(
            f"ruta: problema interno ({type(exc).__name__}). No es culpa de tu Ruta.\n"
            "Avísanos con el comando que corriste; para ver el detalle técnico, "
            "vuelve a correrlo con la variable RUTA_DEPURAR=1.\n")
        sys.exit(2)


def _salida_utf8() -> None:
    """En Windows la consola puede no ser UTF-8: los acentos no deben tronar la salida."""
    for flujo in (sys.stdout, sys.stderr):
        try:
            if (flujo.encoding or "").lower().replace("-", "") != "utf8":
                flujo.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass
