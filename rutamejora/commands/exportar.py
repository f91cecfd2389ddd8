"""``ruta exportar [CARPETA]... -o ARCHIVO``: una Ruta o una zona a SQLite, CSV o Excel."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from rutamejora.commands._comun import OPCION_FECHA, fallar_uso, fecha_de, linea_de_error
from rutamejora.commands._validacion import leer_procesos


class Formato(str, Enum):
    sqlite = "sqlite"
    csv = "csv"
    xlsx = "xlsx"


# Larga a propósito: la firma declara las opciones del comando (Typer).
def exportar(
    carpetas: list[Path] = typer.Argument(None, metavar="[CARPETA]...", show_default=False,
                                          help="Carpeta de una Ruta o que contiene varias (una "
                                               "zona: escuelas/<CCT>/<ciclo>/, o la de su "
                                               "zona.yaml); por omisión, la actual."),
    salida: Path = typer.Option(..., "--salida", "-o", metavar="ARCHIVO", show_default=False,
                                help="zona.db o zona.sqlite (SQLite), ruta.xlsx (Excel) o, con "
                                     "--formato csv, una carpeta. Reemplaza una exportación "
                                     "anterior; otra cosa, solo con --forzar."),
    formato: Formato = typer.Option(None, "--formato", "-f", show_default=False,
                                    help="sqlite, xlsx o csv; si falta, lo dice la extensión de -o."),
    fecha: str = typer.Option(None, "--fecha", **OPCION_FECHA),
    procesos: str = typer.Option(None, "--procesos", metavar="N", show_default=False,
                                 help="Cuántas Rutas se leen a la vez (por omisión, una por "
                                      "núcleo; 1: todas en este proceso)."),
    forzar: bool = typer.Option(False, "--forzar",
                                help="Reemplaza -o aunque no sea una exportación anterior."),
):
    """Exporta una Ruta o una zona entera a SQLite, CSV o Excel, sin datos personales.

    Una tabla por cosa (rutas, prioridades, objetivos, metas, mediciones, acciones, avances, gastos, ingresos, acuerdos, problemas…), con fechas ISO y dinero en centavos; el libro de Excel tiene una hoja por parte y el seguimiento por sesión. Una Ruta que no se puede leer queda como una fila con su problema. La misma zona con la misma --fecha da la misma exportación. Sale con 1 si alguna Ruta tiene errores (la exportación se escribe igual) y con 2 si el uso es incorrecto. Esquema y consultas de ejemplo: ruta ayuda exportar.

    Ejemplo: ruta exportar escuelas -o zona.db --fecha 2026-03-27
    """
    from rutamejora import intercambio
    from rutamejora.formato import NoEsRuta
    from rutamejora.zona import ZonaInvalida, descubrir

    hoy, explicita = fecha_de(fecha)
    try:
        cuantos = leer_procesos(procesos)
    except ValueError as exc:
        raise typer.BadParameter(str(exc), param_hint="'--procesos'") from None
    try:
        # Primero lo que se lee: con una carpeta que no existe, eso es lo que hay que corregir.
        la_zona = descubrir(carpetas or [])
        elegido = intercambio.formato_de(salida, formato.value if formato else None)
        ajeno = intercambio.revisar_destino(salida, elegido, forzar)
    except (intercambio.ErrorDeUso, NoEsRuta, ZonaInvalida) as exc:
        fallar_uso(str(exc))
    if not la_zona.rutas:
        fallar_uso("ningún archivo indicado es de una Ruta: no hay nada que exportar.")
    exportacion = _leer(la_zona, hoy, explicita, cuantos)
    try:
        intercambio.escribir(exportacion, salida, elegido)
    except OSError as exc:
        from rutamejora.nucleo import no_se_escribio

        fallar_uso(no_se_escribio(salida, exc))
    _informar(exportacion, salida, intercambio.reemplazado(salida, elegido, ajeno))


def _leer(la_zona, hoy, explicita: bool, procesos: int | None):
    """Las tablas de las Rutas, con una barra en stderr si es una terminal y son varias."""
    from rutamejora.intercambio import leer_tablas
    from rutamejora.nucleo import Progreso, progreso_permitido

    progreso = Progreso(len(la_zona.rutas), "Leyendo Rutas") \
        if len(la_zona.rutas) > 1 and progreso_permitido() else None
    try:
        return leer_tablas(la_zona, hoy, explicita, procesos, al_avanzar=progreso)
    finally:
        if progreso is not None:
            progreso.cerrar()


def _informar(exportacion, salida: Path, reemplazado: str | None) -> None:
    """Lo hecho (y lo ajeno que se reemplazó con --forzar), en stderr; salida 1 si alguna Ruta
    tiene errores o no se pudo leer."""
    n = exportacion.rutas
    typer.echo(f"Exportada{'s' if n != 1 else ''} {n} Ruta{'s' if n != 1 else ''} a {salida}.",
               err=True)
    if reemplazado:
        typer.echo(linea_de_error(reemplazado), err=True)
    inaccesibles = exportacion.inaccesibles()
    if inaccesibles:  # un archivo que no se pudo abrir: el equipo, no lo escrito (como validar)
        lista = ", ".join(inaccesibles[:5]) + (f" y {len(inaccesibles) - 5} más" if len(inaccesibles) > 5 else "")
        typer.echo(linea_de_error(f"en {lista} hay un archivo que no se pudo abrir (RM012); lo demás "
                                  "se exportó. Revisa sus permisos con `ruta validar`."), err=True)
    malas = [c for c in exportacion.con_errores() if c not in inaccesibles]
    if inaccesibles and not malas:
        raise typer.Exit(2)
    if malas:
        lista = ", ".join(malas[:5]) + (f" y {len(malas) - 5} más" if len(malas) > 5 else "")
        typer.echo(linea_de_error(
            f"{len(malas)} {'Ruta tiene' if len(malas) == 1 else 'Rutas tienen'} errores o no se "
            f"pudo leer ({lista}); la exportación los lleva en las tablas rutas y problemas. "
            "Revísalos con `ruta validar`."), err=True)
        raise typer.Exit(2 if inaccesibles else 1)


def registrar(app: typer.Typer) -> None:
    app.command("exportar")(exportar)
