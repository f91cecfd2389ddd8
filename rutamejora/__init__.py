"""ruta: la Ruta de mejora escolar como archivos YAML en git.

La biblioteca no importa Typer: los comandos (``rutamejora.commands``) leen opciones, llaman
a la biblioteca e imprimen. El flujo es uno: archivos → ``lectura`` → ``estructura`` (modelo)
→ ``reglas`` → ``salida``.
"""

__version__ = "0.1.0"
