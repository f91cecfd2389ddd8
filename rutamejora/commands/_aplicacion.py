"""La aplicación Typer de ``ruta``: Typer y Click en español, la versión y los comandos.

``crear(nombres)`` arma una aplicación nueva con los comandos ``nombres``. ``main`` (en
``commands/__init__.py``) pide solo el comando que se va a correr: importar los once módulos de
comandos costaba en cada ``ruta validar``.
"""

from __future__ import annotations

import importlib
import importlib.util
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
        instalar.callback = _instalar_autocompletado
        return instalar, mostrar

    if getattr(crear, "__name__", "") != "opciones_de_autocompletado":
        typer.main.get_install_completion_arguments = opciones_de_autocompletado
    _elecciones_sin_acentos(typer.main)
    return typer


def _elecciones_sin_acentos(principal) -> None:
    """Cada opción de valores fijos de todos los comandos (un ``Enum`` o un ``Literal``) usa
    ``Eleccion``: acepta «rendición» y «Comunidad», dice los valores en un renglón y sugiere el
    parecido. Typer crea el tipo en ``get_click_type``; se envuelve una vez."""
    import click

    from rutamejora.commands._elecciones import Eleccion

    original = principal.get_click_type
    if getattr(original, "__name__", "") == "tipo_con_elecciones":
        return

    def tipo_con_elecciones(*, annotation, parameter_info):
        tipo = original(annotation=annotation, parameter_info=parameter_info)
        if isinstance(tipo, click.Choice) and not isinstance(tipo, Eleccion):
            return Eleccion(tipo.choices, case_sensitive=False)
        return tipo

    principal.get_click_type = tipo_con_elecciones


_TERMINALES = ("bash", "zsh", "fish", "powershell", "pwsh")


def _instalar_autocompletado(ctx, param, valor):
    """``--install-completion``: lo de Typer (``typer.completion.install_callback``), con sus
    avisos en español (Typer los escribe en inglés, sin gettext). La terminal se reconoce aquí,
    no en Typer: sin reconocerla, Typer dice «Shell None is not supported.» y sale con 1."""
    if not valor or ctx.resilient_parsing:
        return valor
    import click
    from typer.completion import install

    from rutamejora.commands._comun import linea_de_error

    shell = valor if isinstance(valor, str) else _terminal()
    if shell not in _TERMINALES:
        cual = f"«{shell}»" if shell else "tu terminal"
        click.echo(linea_de_error(f"el autocompletado no se puede instalar en {cual}: es para bash, zsh, "
                                  "fish y PowerShell. Corre `ruta --install-completion` desde una de ellas."),
                   err=True)
        sys.exit(2)
    shell, ruta = install(shell=shell)
    click.secho(f"Autocompletado de {shell} instalado en {ruta}.", fg="green")
    click.echo("Funcionará cuando vuelvas a abrir la terminal.")
    sys.exit(0)


def _terminal() -> str | None:
    """La terminal desde la que se corre ``ruta`` (la de Typer: ``shellingham``), o ``None``."""
    import shellingham

    try:
        return shellingham.detect_shell()[0].lower()
    except (shellingham.ShellDetectionFailure, RuntimeError, OSError):
        return None


typer = _importar_typer_en_espanol()

def crear(nombres) -> typer.Typer:
    """Una aplicación con los comandos ``nombres``, en ese orden (el de la ayuda).

    Cada nombre es un módulo de ``rutamejora.commands`` con ``registrar(app)``.
    """
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
    app.callback()(principal)
    for nombre in nombres:
        completo = f"rutamejora.commands.{nombre}"
        if importlib.util.find_spec(completo) is not None:
            importlib.import_module(completo).registrar(app)
    return app


def _version(valor: bool):
    if valor:
        from rutamejora import __version__

        typer.echo(f"ruta {__version__}")
        raise typer.Exit(0)


def principal(
    version: bool = typer.Option(False, "--version", "-V", callback=_version, is_eager=True,
                                 help="Muestra la versión de ruta y termina."),
):
    """La Ruta de mejora escolar como archivos YAML: crear, validar, dar seguimiento e informar.

    Ejemplo: ruta validar ejemplos/primaria-2025-2026
    """
