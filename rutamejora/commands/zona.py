"""``ruta zona [CARPETA]...``: todas las escuelas de una zona de un vistazo, una por renglón."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from rutamejora.commands._comun import OPCION_FECHA, fallar_uso, fecha_de
from rutamejora.commands._validacion import leer_procesos
from rutamejora.commands._vistas import ayuda


class Formato(str, Enum):
    texto = "texto"
    json = "json"
    csv = "csv"


def zona(
    carpetas: list[Path] = typer.Argument(None, metavar="[CARPETA]...", show_default=False,
                                          help="Carpetas con las Rutas de la zona, o la de su "
                                               "zona.yaml (por omisión, la actual)."),
    fecha: str = typer.Option(None, "--fecha", **OPCION_FECHA),
    ciclo: str = typer.Option(None, "--ciclo", metavar="AAAA-AAAA", show_default=False,
                              help="El ciclo escolar que cuenta (por omisión, el de --fecha o "
                                   "de hoy); las Rutas de otros ciclos van aparte, sin sumar. "
                                   "todos: todas, sumadas."),
    formato: Formato = typer.Option(Formato.texto, "--formato", "-f",
                                    help="texto (personas, a lo ancho de la terminal), json o "
                                         "csv (programas, con el commit de cada Ruta; ver "
                                         "`ruta ayuda zona`)."),
    procesos: str = typer.Option(None, "--procesos", metavar="N", show_default=False,
                                 help="Cuántas Rutas se leen a la vez (por omisión, una por "
                                      "núcleo; 1: todas en este proceso)."),
):
    """Muestra cada escuela de la zona en un renglón, de la que más atención necesita a la que menos.

    Por escuela: CCT, nombre, nivel, marco y ciclo; errores y avisos de `ruta validar`; metas logradas, no logradas, en camino, en riesgo y sin datos; acciones vencidas; la última entrada de la bitácora; sesiones del CTE registradas contra las ya celebradas, y dinero ejercido contra presupuesto. Cuentan las Rutas del ciclo escolar en curso (el que contiene --fecha, de agosto a julio) o el de --ciclo: una escuela con una Ruta por ciclo no suma sus ciclos, y las de otros ciclos se listan aparte. Después, lo que suman las escuelas: metas por prioridad o ámbito, alumnos en riesgo (solo cantidades), lo más común y las acciones por tipo de responsable. Las Rutas son las que hay bajo las carpetas (escuelas/<CCT>/<ciclo>/ o cualquier otra disposición) o las que lista un zona.yaml. Una cifra que sale de un archivo que falta o no se pudo leer no se sabe: sale como «?» y no suma. Las escuelas se cuentan por su CCT; dos Rutas del mismo ciclo con la misma CCT se señalan con sus carpetas y suma solo la que está en la carpeta de su CCT.

    Códigos de salida (la vista sale completa de todos modos): 0 si ninguna Ruta tiene errores; 1 si alguna Ruta tiene errores de validación (un archivo mal escrito, que falta o que no es YAML; también una de otro ciclo) o dos Rutas del mismo ciclo dicen ser la misma escuela; 2 si el uso es incorrecto (una opción mal escrita, una carpeta que no existe o sin Rutas, un zona.yaml mal escrito) o un archivo de alguna Ruta no se puede abrir (sin permiso de lectura, una carpeta en su lugar), como en ruta validar.

    Ejemplo: ruta zona escuelas --fecha 2026-03-27
    """
    from rutamejora.zona import como_csv, como_json, como_texto

    vista = _vista(carpetas or [], fecha, ciclo, procesos, formato)
    if formato is Formato.json:
        typer.echo(como_json(vista), nl=False)
    elif formato is Formato.csv:
        typer.echo(como_csv(vista), nl=False)
    else:
        from rutamejora.nucleo import consola

        typer.echo(como_texto(vista, consola().width), nl=False)
    # Como `ruta validar` con varias Rutas: el mayor (``VistaZona.codigo_de_salida``).
    raise typer.Exit(vista.codigo_de_salida())


def _vista(carpetas: list[Path], fecha: str | None, ciclo: str | None, procesos: str | None,
           formato: Formato):
    """La vista de la zona; un error de uso (también «ninguna Ruta es del ciclo») sale con 2."""
    from rutamejora.formato import NoEsRuta
    from rutamejora.zona import ZonaInvalida, descubrir, leer_ciclo, vista_zona

    hoy, explicita = fecha_de(fecha)
    try:
        cuantos = leer_procesos(procesos)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--procesos'") from None
    try:
        elegido = leer_ciclo(ciclo)
        la_zona = descubrir(carpetas)
    except (ValueError, NoEsRuta, ZonaInvalida) as exc:
        fallar_uso(str(exc))
    progreso = _barra(len(la_zona.rutas), formato)
    try:
        # El commit de cada Ruta va en JSON y CSV (para programas); el texto no lo muestra.
        vista = vista_zona(la_zona, hoy, explicita, cuantos, al_avanzar=progreso,
                           con_version=formato is not Formato.texto, ciclo=elegido)
    except ZonaInvalida as exc:   # CicloSinRutas: ninguna Ruta es del ciclo
        vista, mensaje = None, str(exc)
    finally:
        if progreso is not None:
            progreso.cerrar()
    if vista is None:
        fallar_uso(mensaje)
    _nota_de_ciclo(vista, hoy, elegido)
    return vista


def _nota_de_ciclo(vista, hoy, elegido) -> None:
    """En stderr (no ensucia el JSON ni el CSV): sin ``--ciclo``, la zona cuenta otro ciclo que
    el de hoy porque del de hoy no hay Rutas."""
    from rutamejora.zona import nota_de_ciclo

    nota = nota_de_ciclo(vista.ciclo, hoy) if elegido is None else None
    if nota is not None:
        typer.echo(nota, err=True)


def _barra(total: int, formato: Formato):
    """La barra de progreso en stderr: solo para personas, en una terminal y fuera de CI."""
    from rutamejora.nucleo import Progreso, progreso_permitido

    if formato is Formato.texto and total > 1 and progreso_permitido():
        return Progreso(total, "Leyendo Rutas")
    return None


def registrar(app: typer.Typer) -> None:
    app.command("zona", help=ayuda(zona))(zona)
