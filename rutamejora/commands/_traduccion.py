"""Traducción al español de los textos que muestran Typer y Click.

¿Por qué existe este módulo?

Typer (0.25) usa el paquete ``click`` (8.5) y los dos escriben en inglés la
ayuda y los mensajes de problemas: "Usage:", "Options", "Missing argument",
"No such option", "Did you mean ...?", el título "Error" del panel, los
mensajes de los tipos de parámetro ("... is not a valid integer."), las
preguntas interactivas, etc. Casi todos esos textos pasan por ``gettext``:
los módulos hacen ``from gettext import gettext as _`` (y
``from gettext import ngettext`` para los que tienen plural), y ``gettext``
busca la traducción en el catálogo del idioma del sistema. En las
computadoras de las escuelas el idioma del sistema puede ser cualquiera y
ni Typer ni Click traen catálogo en español, así que el resultado sería
inglés.

¿Cómo se usa?

Mientras importa Typer, la CLI reemplaza ``gettext.gettext`` por
``traducir`` y ``gettext.ngettext`` por ``traducir_plural``. Como cada
módulo copia esas funciones en sus propios nombres (``_`` y ``ngettext``)
en el momento de importarse, se quedan con estas funciones para siempre,
aunque después se devuelva ``gettext`` a su estado original. Así la ayuda y
los mensajes se leen en español sin importar el idioma del sistema.

Por eso el reemplazo tiene que estar puesto *antes* de importar por primera
vez cualquiera de estos módulos, y todos tienen que importarse mientras
está puesto:

* ``click`` y sus submódulos ``click.core``, ``click.decorators``,
  ``click.exceptions``, ``click.formatting``, ``click.parser``,
  ``click.termui``, ``click.types`` y ``click.utils`` (los carga
  ``import click``);
* ``click.shell_completion`` (lo carga ``import typer``, no ``import click``);
* ``click._termui_impl``: Click lo importa de forma diferida (barra de
  progreso, editor, ``getchar``), así que hay que importarlo a propósito;
* ``click._winconsole`` solo existe en Windows y ahí lo carga ``import click``;
* ``typer`` y ``typer.core``;
* ``typer.rich_utils``: Typer lo importa de forma diferida (la primera vez que
  muestra ayuda o un problema) y traduce sus constantes (títulos de los
  paneles, "[default: {}]"...) una sola vez al cargarse, así que también hay
  que importarlo a propósito.

``TRADUCCIONES`` contiene exactamente los textos que ``click/*.py`` y
``typer/*.py`` pasan a ``gettext``; ``PLURALES``, los pares (singular,
plural) que pasan a ``ngettext``. Se conservan exactamente los marcadores de
formato ({name}, {param_hint}, {!r}, %(...)s) y las etiquetas de Rich
([blue]...[/]).

``TEXTOS_FIJOS`` reúne textos que Typer y Click escriben *sin* pasar por
``gettext`` ("[OPTIONS]", los nombres de tipo como "INTEGER", la ayuda de
las opciones de autocompletado...). Estos no se traducen solos: sirven para
que la CLI los sustituya por otros medios (por ejemplo
``options_metavar=traducir("[OPTIONS]")`` o ``metavar=traducir("INTEGER")``).
``traducir`` también los consulta, lo que es inocuo porque no coinciden con
ningún texto de ``TRADUCCIONES``.
"""

from __future__ import annotations

# Textos que click 8.5.1 y typer 0.25.1 pasan a gettext.
TRADUCCIONES: dict[str, str] = {
    # click/_termui_impl.py
    "d": "d",  # días, en el tiempo restante de la barra de progreso
    "{editor}: Editing failed": "{editor}: no se pudo editar",
    "{editor}: Editing failed: {e}": "{editor}: no se pudo editar: {e}",
    # click/_winconsole.py
    "Windows error: {error}": "Problema de Windows: {error}",
    # click/core.py (y typer/core.py)
    "Aborted!": "¡Cancelado!",
    "deprecated": "obsoleto",
    "Missing command.": "Falta el comando.",
    "Options": "Opciones",
    "Positional arguments": "Argumentos posicionales",
    "Commands": "Comandos",
    "DeprecationWarning: The command {name!r} is deprecated.{extra_message}": (
        "Aviso: el comando {name!r} está obsoleto.{extra_message}"
    ),
    "DeprecationWarning: The {param_type} {name!r} is deprecated.{extra_message}": (
        "Aviso: ya no se recomienda usar {param_type} {name!r}.{extra_message}"
    ),
    "Value must be an iterable.": "El valor debe ser una lista de valores.",
    "Could not determine name for option with declarations {decls!r}": (
        "No se pudo determinar el nombre de la opción declarada como {decls!r}"
    ),
    "No options defined but a name was passed ({name}). Did you mean to declare"
    " an argument instead? Did you mean to pass '--{name}'?": (
        "No se definieron opciones, pero se indicó un nombre ({name}). ¿Querías"
        " declarar un argumento? ¿Querías poner '--{name}'?"
    ),
    "env var: {var}": "variable de entorno: {var}",
    "default: {default}": "predeterminado: {default}",
    "required": "obligatorio",
    "Arguments take exactly one parameter declaration, got {length}: {decls}.": (
        "Los argumentos llevan exactamente una declaración de parámetro;"
        " se recibieron {length}: {decls}."
    ),
    "(dynamic)": "(dinámico)",
    "Name '{name}' defined twice": "El nombre '{name}' está definido dos veces",
    "Boolean option {decl!r} cannot use the same flag for true/false.": (
        "La opción booleana {decl!r} no puede usar el mismo interruptor"
        " para verdadero y falso."
    ),
    # typer/core.py
    "Arguments": "Argumentos",
    # click/decorators.py
    "Do you want to continue?": "¿Quieres continuar?",
    "Confirm the action without prompting.": "Confirma la acción sin preguntar.",
    "%(prog)s, version %(version)s": "%(prog)s, versión %(version)s",
    "Show the version and exit.": "Muestra la versión y termina.",
    "Show this message and exit.": "Muestra esta ayuda y termina.",
    # click/exceptions.py
    "Missing argument": "Falta el argumento",
    "Missing option": "Falta la opción",
    "Missing parameter": "Falta el parámetro",
    "Missing {param_type}": "Falta {param_type}",
    "Missing parameter: {param_name}": "Falta el parámetro: {param_name}",
    "unknown error": "motivo desconocido",
    "Invalid value for {param_hint}: {message}": (
        "Valor no válido para {param_hint}: {message}"
    ),
    "Invalid value: {message}": "Valor no válido: {message}",
    "Could not open file {filename!r}: {message}": (
        "No se pudo abrir el archivo {filename!r}: {message}"
    ),
    "Error: {message}": "Problema: {message}",
    "Try '{command} {option}' for help.": (
        "Prueba '{command} {option}' para ver la ayuda."
    ),
    "No such option {name!r}.": "No existe la opción {name!r}.",
    "No such command {name!r}.": "No existe el comando {name!r}.",
    # click/formatting.py
    "Usage:": "Uso:",
    # click/parser.py
    "Invalid start character for option ({option})": (
        "Carácter inicial no válido para la opción ({option})"
    ),
    "Option {name!r} does not take a value.": "La opción {name!r} no lleva valor.",
    "Argument {name!r} takes {nargs} values.": (
        "El argumento {name!r} lleva {nargs} valores."
    ),
    # click/shell_completion.py
    "Shell completion is not supported for Bash versions older than 4.4.": (
        "El autocompletado no funciona con versiones de Bash anteriores a la 4.4."
    ),
    "Couldn't detect Bash version, shell completion is not supported.": (
        "No se pudo saber la versión de Bash; el autocompletado no está disponible."
    ),
    # click/termui.py (preguntas interactivas)
    "Press any key to continue...": "Presiona cualquier tecla para continuar...",
    "Repeat for confirmation": "Repite para confirmar",
    "Error: The two entered values do not match.": (
        "Problema: los dos valores que escribiste no coinciden."
    ),
    "Error: invalid input": "Problema: respuesta no válida",
    "Unknown color {colour!r}": "Color desconocido: {colour!r}",
    # click/types.py
    "file": "archivo",
    "directory": "carpeta",
    "path": "ruta",
    "Choose from:\n\t{choices}": "Elige entre:\n\t{choices}",
    # Es el repr() de click.Choice (nombre de la clase): se deja igual.
    "Choice({choices})": "Choice({choices})",
    "{value} is not in the range {range}.": "{value} no está en el rango {range}.",
    "{value!r} is not a valid boolean. Recognized values: {states}": (
        "{value!r} no es un valor booleano válido. Valores reconocidos: {states}"
    ),
    "{value!r} is not a valid {number_type}.": (
        "{value!r} no es un valor {number_type} válido."
    ),
    "{value!r} is not a valid UUID.": "{value!r} no es un UUID válido.",
    "{name} {filename!r} is a file.": "{name} {filename!r} es un archivo.",
    "{name} {filename!r} is a directory.": "{name} {filename!r} es una carpeta.",
    "{name} {filename!r} is not readable.": (
        "{name} {filename!r} no tiene permiso de lectura."
    ),
    "{name} {filename!r} is not writable.": (
        "{name} {filename!r} no tiene permiso de escritura."
    ),
    "{name} {filename!r} is not executable.": (
        "{name} {filename!r} no tiene permiso de ejecución."
    ),
    "{name} {filename!r} does not exist.": "{name} {filename!r} no existe.",
    # click/utils.py
    "Unknown standard stream '{name}'": "Flujo estándar desconocido: '{name}'",
    # typer/rich_utils.py (constantes que se traducen al importar el módulo)
    "(deprecated) ": "(obsoleto) ",
    "[default: {}]": "[predeterminado: {}]",
    "[env var: {}]": "[variable de entorno: {}]",
    "[required]": "[obligatorio]",
    "Error": "Problema",  # título del panel de problemas
    "Aborted.": "Cancelado.",
    "Try [blue]'{command_path} {help_option}'[/] for help.": (
        "Prueba [blue]'{command_path} {help_option}'[/] para ver la ayuda."
    ),
}

# Pares (singular, plural) que click 8.5.1 pasa a ngettext (typer 0.25.1 no
# usa ngettext).
PLURALES: dict[tuple[str, str], tuple[str, str]] = {
    # click/core.py
    (
        "Got unexpected extra argument ({args})",
        "Got unexpected extra arguments ({args})",
    ): (
        "Se recibió un argumento de más ({args})",
        "Se recibieron argumentos de más ({args})",
    ),
    (
        "Takes {nargs} values but 1 was given.",
        "Takes {nargs} values but {len} were given.",
    ): (
        "Lleva {nargs} valores, pero se recibió 1.",
        "Lleva {nargs} valores, pero se recibieron {len}.",
    ),
    # click/exceptions.py
    (
        "Did you mean {possibility}?",
        "(Did you mean one of: {possibilities}?)",
    ): (
        "¿Quisiste decir {possibility}?",
        "(¿Quisiste decir alguno de estos: {possibilities}?)",
    ),
    # click/parser.py
    (
        "Option {name!r} requires an argument.",
        "Option {name!r} requires {nargs} arguments.",
    ): (
        "La opción {name!r} necesita un valor.",
        "La opción {name!r} necesita {nargs} valores.",
    ),
    # click/types.py
    (
        "{value!r} is not {choice}.",
        "{value!r} is not one of {choices}.",
    ): (
        "{value!r} no es {choice}.",
        "{value!r} no es una de las opciones: {choices}.",
    ),
    (
        "{value!r} does not match the format {format}.",
        "{value!r} does not match the formats {formats}.",
    ): (
        "{value!r} no tiene el formato {format}.",
        "{value!r} no tiene ninguno de los formatos {formats}.",
    ),
    (
        "{len_type} values are required, but {len_value} was given.",
        "{len_type} values are required, but {len_value} were given.",
    ): (
        "Se necesitan {len_type} valores, pero se recibió {len_value}.",
        "Se necesitan {len_type} valores, pero se recibieron {len_value}.",
    ),
}

# Textos que typer 0.25.1 y click 8.5.1 escriben sin gettext; no se traducen
# solos. Sirven para pasarlos por otros medios (ver el docstring del módulo).
# No se incluyen los textos que Click acepta como respuesta ("y/N" en
# click.confirm acepta "y"/"yes"/"n"/"no"): traducirlos confundiría.
TEXTOS_FIJOS: dict[str, str] = {
    # click/core.py y typer/core.py: marcadores en la línea de uso
    # (se cambian con options_metavar= y subcommand_metavar=)
    "[OPTIONS]": "[OPCIONES]",
    "COMMAND [ARGS]...": "COMANDO [ARGUMENTOS]...",
    "[COMMAND] [ARGS]...": "[COMANDO] [ARGUMENTOS]...",
    # click/types.py: nombre del tipo en mayúsculas como metavar
    # (se cambia con metavar=); también aparece en
    # "{value!r} is not a valid {number_type}." en minúsculas.
    "TEXT": "TEXTO",
    "INTEGER": "ENTERO",
    "FLOAT": "DECIMAL",
    "BOOLEAN": "BOOLEANO",
    # typer/completion.py (opciones --install-completion y --show-completion)
    "Install completion for the current shell.": (
        "Instala el autocompletado para la terminal actual."
    ),
    "Show completion for the current shell, to copy it or customize the installation.": (
        "Muestra el autocompletado para la terminal actual, para copiarlo "
        "o personalizar la instalación."
    ),
    "Install completion for the specified shell.": (
        "Instala el autocompletado para la terminal indicada."
    ),
    "Show completion for the specified shell, to copy it or customize the installation.": (
        "Muestra el autocompletado para la terminal indicada, para copiarlo "
        "o personalizar la instalación."
    ),
    "Completion will take effect once you restart the terminal": (
        "El autocompletado funcionará cuando reinicies la terminal"
    ),
    "Invalid completion instruction.": "La instrucción de autocompletado no es válida.",
    # typer/_completion_shared.py
    "Couldn't get PowerShell user profile": (
        "No se pudo obtener el perfil de usuario de PowerShell"
    ),
    "Couldn't decode the path automatically": (
        "No se pudo interpretar la ruta automáticamente"
    ),
}


def traducir(mensaje: str) -> str:
    """Equivalente de ``gettext``: devuelve la traducción de ``mensaje``.

    Si el texto no está en ``TRADUCCIONES`` ni en ``TEXTOS_FIJOS`` se devuelve
    el mismo texto, igual que ``gettext`` cuando no encuentra traducción.
    """
    traduccion = TRADUCCIONES.get(mensaje)
    if traduccion is None:
        traduccion = TEXTOS_FIJOS.get(mensaje, mensaje)
    return traduccion


def traducir_plural(singular: str, plural: str, n: int) -> str:
    """Equivalente de ``ngettext``: elige singular o plural y lo traduce.

    En español, como en inglés, se usa el singular solo cuando ``n`` es 1.
    Si el par no está en ``PLURALES`` se devuelve el texto original.
    """
    singular_es, plural_es = PLURALES.get((singular, plural), (singular, plural))
    return singular_es if n == 1 else plural_es
