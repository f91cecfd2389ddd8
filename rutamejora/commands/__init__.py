"""La línea de comandos ``ruta``: arma la aplicación Typer y traduce los códigos de salida.

Cada comando vive en su módulo (``validar.py``, ``reglas.py``…) y solo lee opciones, llama a
la biblioteca e imprime. La aplicación (Typer y Click en español, la versión, los comandos) se
arma en ``_aplicacion``; aquí se decide lo común: qué comandos cargar y que ningún error
interno llegue al usuario como un traceback (sale con código 2 y un mensaje; ``RUTA_DEPURAR=1``
muestra el traceback a quien desarrolla).

``ruta validar`` y ``ruta bitacora agregar`` con una línea de comandos de las de siempre no
pasan por Typer ni Click (``_atajo`` y ``_atajo_agregar``: importarlos costaba más que validar
el ejemplo); cualquier otra, sí, con la ayuda y los mensajes de siempre. ``main`` registra solo
el comando que se va a correr (``ruta validar`` no paga los módulos de los otros diez); con
``--help``, sin argumentos, con un comando que no existe (para que Click sugiera el parecido) o
al autocompletar, los registra todos. ``from rutamejora.commands import app`` da la aplicación
con todos los comandos.

Capa: la de arriba. Importa solo lo público (``__all__``) de los paquetes de la biblioteca, y
cada módulo de comando lo importa dentro de su función.
"""

from __future__ import annotations

import os
import sys

__all__ = ["app", "main"]

# Los módulos de comandos, en el orden de la ayuda. Cada uno tiene ``registrar(app)``.
COMANDOS = ("nueva", "validar", "resumen", "avance", "pendientes", "calendario", "sesion", "bitacora",
            "importar", "zona", "informe", "exportar", "cambios", "historia", "esquema", "reglas",
            "explicar", "ayuda")


def __getattr__(nombre: str):
    # ``app`` se arma la primera vez que alguien la pide (las pruebas, con CliRunner): importar
    # este paquete no importa Typer ni los comandos.
    if nombre == "app":
        from rutamejora.commands._aplicacion import crear

        globals()["app"] = aplicacion = crear(COMANDOS)
        return aplicacion
    raise AttributeError(f"module {__name__!r} has no attribute {nombre!r}")


def comandos_para(argumentos: list[str]) -> tuple[str, ...]:
    """Los comandos que hay que registrar para correr ``ruta ARGUMENTOS``.

    El comando es el primer argumento que no es una opción: las opciones de ``ruta`` (``-V``,
    ``-h``, las del autocompletado) no toman valor o terminan el programa antes de buscarlo.
    Si no hay uno conocido, o tras ``--``, o al autocompletar, todos (la ayuda y las sugerencias
    de Click salen entonces idénticas).
    """
    if os.environ.get("_RUTA_COMPLETE"):
        return COMANDOS
    for argumento in argumentos:
        if argumento == "--":
            break
        if argumento.startswith("-"):
            continue
        return (argumento,) if argumento in COMANDOS else COMANDOS
    return COMANDOS


def main() -> None:
    """Punto de entrada: corre la aplicación y convierte un fallo interno en salida 2."""
    _salida_utf8()
    _argumentos_en_utf8(sys.argv[1:])
    try:
        # ``ruta validar`` o ``ruta bitacora agregar`` de siempre, sin Typer (ver ``_atajo``);
        # si no, la aplicación.
        from rutamejora.commands._atajo import correr

        codigo = correr(sys.argv[1:])
        if codigo is not None:
            sys.exit(codigo)
        from rutamejora.commands._aplicacion import crear

        crear(comandos_para(sys.argv[1:]))(prog_name="ruta")
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


def _argumentos_en_utf8(argumentos: list[str]) -> None:
    """Sale con 2 si un argumento no es UTF-8 (una terminal en Latin-1: Python lo recibe con
    «sustitutos» que no se pueden escribir ni comparar): se dice cuál, y no se escribe nada."""
    for argumento in argumentos:
        try:
            argumento.encode("utf-8")
        except UnicodeEncodeError:
            if os.path.exists(argumento):
                continue  # una carpeta o un archivo que existe con ese nombre: se usa tal cual
            from rutamejora.privacidad import mensaje_sin_datos

            # Leído como Latin-1 (lo más probable en una terminal así): se ve como se escribió y
            # el detector reconoce sus nombres («P\xe9rez» es «Pérez»).
            visible = mensaje_sin_datos(os.fsencode(argumento).decode("latin-1"))
            sys.stderr.write(f"ruta: el argumento «{visible}» no está en UTF-8 (la terminal usa otra "
                             "codificación). Configúrala en UTF-8 (p. ej. LANG=es_MX.UTF-8) o "
                             "escribe el texto sin acentos.\n")
            sys.exit(2)


def _salida_utf8() -> None:
    """En Windows la consola puede no ser UTF-8: los acentos no deben tronar la salida."""
    for flujo in (sys.stdout, sys.stderr):
        try:
            if (flujo.encoding or "").lower().replace("-", "") != "utf8":
                flujo.reconfigure(encoding="utf-8", errors="replace")
        except (AttributeError, ValueError):
            pass
