"""``ruta validar [CARPETA]``: todos los problemas de una Ruta (o de varias) de una vez."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from rutamejora.commands._comun import OPCION_FECHA, con_color, fallar_uso, fecha_de


class Formato(str, Enum):
    texto = "texto"
    json = "json"
    github = "github"


def validar(
    carpeta: Path = typer.Argument(Path("."), metavar="[CARPETA]", show_default=False,
                                   help="Carpeta de la Ruta, o una que contenga varias "
                                        "(por omisión, la actual)."),
    formato: Formato = typer.Option(Formato.texto, "--formato", "-f",
                                    help="texto (personas), json (programas) o github (anotaciones de CI)."),
    fecha: str = typer.Option(None, "--fecha", **OPCION_FECHA),
    estricto: bool = typer.Option(False, "--estricto",
                                  help="Los avisos también hacen fallar (código de salida 1)."),
    procesos: str = typer.Option(None, "--procesos", metavar="N", show_default=False,
                                 help="Cuántas Rutas se validan a la vez cuando hay varias (por "
                                      "omisión, una por núcleo; 1: todas en este proceso)."),
):
    """Revisa la Ruta y muestra todos sus problemas con archivo, línea y una pista.

    Sale con 0 si no hay errores, 1 si los hay (o avisos con --estricto) y 2 si el uso es incorrecto (la carpeta no existe o no tiene una Ruta). Con una carpeta que contiene varias Rutas (escuelas/<cct>/<ciclo>/) las revisa todas.

    Ejemplo: ruta validar ejemplos/primaria-2025-2026 --fecha 2026-03-27
    """
    from rutamejora.formato import NoEsRuta, buscar_rutas
    from rutamejora.salida import formatear

    hoy, explicita = fecha_de(fecha)
    cuantos = procesos_de(procesos)
    try:
        rutas = buscar_rutas(carpeta)
        resultados = _validar_todas(rutas, hoy, explicita, estricto, cuantos,
                                    barra=formato is Formato.texto)
    except NoEsRuta as exc:
        fallar_uso(str(exc))
    typer.echo(formatear(resultados, formato.value, color=con_color()))
    raise typer.Exit(max(r.codigo_de_salida() for r in resultados))


def procesos_de(texto: str | None) -> int | None:
    """``--procesos N`` → N (un entero de 1 en adelante); sin la opción, ``None`` (todos los núcleos)."""
    if texto is None:
        return None
    try:
        cuantos = int(texto.strip())
    except ValueError:
        cuantos = 0
    if cuantos < 1:
        raise typer.BadParameter(f"«{texto}» no es un número de procesos: usa un entero de 1 en "
                                 "adelante (p. ej. --procesos 2).", param_hint="'--procesos'")
    return cuantos


def _validar_todas(rutas, hoy, explicita: bool, estricto: bool, procesos: int | None, barra: bool):
    """Los resultados de ``rutas``, repartidas entre procesos, con una barra si procede."""
    from rutamejora.nucleo import Progreso, progreso_permitido
    from rutamejora.reglas import validar_lote

    # La barra solo en el formato para personas, en una terminal y fuera de CI: un programa que
    # lee json o github no la quiere ni en stderr.
    progreso = (Progreso(len(rutas), "Validando Rutas")
                if barra and len(rutas) > 1 and progreso_permitido() else None)
    try:
        return validar_lote(rutas, hoy, explicita, estricto, procesos, al_avanzar=progreso)
    finally:
        if progreso is not None:
            progreso.cerrar()


def registrar(app: typer.Typer) -> None:
    app.command("validar")(validar)
