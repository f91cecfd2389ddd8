"""``ruta importar``: traer a la Ruta lo que la escuela ya tiene en otros formatos.

Cada subcomando vive en su módulo (``importar_plan``, ``importar_resultados``); aquí solo se
arma el grupo.
"""

from __future__ import annotations

import typer

from rutamejora.commands._vistas import ayuda

importar = typer.Typer(
    help="Traer a la Ruta lo que la escuela ya tiene en Word y en hojas de cálculo.\n\n"
         "Ejemplo: ruta importar plan PEMC-2025.docx escuelas/21DPR0487A/2025-2026",
    no_args_is_help=True,
    options_metavar="[OPCIONES]",
    subcommand_metavar="COMANDO [ARGUMENTOS]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)


def registrar(app: typer.Typer) -> None:
    from rutamejora.commands.importar_plan import plan
    from rutamejora.commands.importar_resultados import resultados

    importar.command("plan", help=ayuda(plan))(plan)
    importar.command("resultados", help=ayuda(resultados))(resultados)
    app.add_typer(importar, name="importar")
