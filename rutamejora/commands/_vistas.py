"""Lo que comparten ``resumen``, ``avance``, ``pendientes`` y ``calendario``: la carpeta, la
fecha, el formato y la carga de la Ruta (validada, para avisar si tiene errores)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from rutamejora.commands._comun import OPCION_FECHA, fallar_uso, fecha_de, linea_de_error


class Formato(str, Enum):
    texto = "texto"
    json = "json"


def argumento_carpeta():
    return typer.Argument(Path("."), metavar="[CARPETA]", show_default=False,
                          help="Carpeta de la Ruta (por omisión, la actual).")


def opcion_fecha():
    return typer.Option(None, "--fecha", **OPCION_FECHA)


def opcion_formato():
    return typer.Option(Formato.texto, "--formato", "-f",
                        help="texto (personas, con Rich) o json (programas; ver `ruta ayuda vistas`).")


def cargar_ruta(carpeta: Path, fecha: str | None):
    """(Resultado de validar, hoy). Una carpeta con varias Rutas o sin Ruta es un error de uso."""
    from rutamejora.formato import NoEsRuta, buscar_rutas
    from rutamejora.nucleo import ERROR
    from rutamejora.reglas import validar
    from rutamejora.vistas import sin_datos_personales

    hoy, explicita = fecha_de(fecha)
    try:
        rutas = buscar_rutas(carpeta)
    except NoEsRuta as exc:
        fallar_uso(str(exc))
    if len(rutas) > 1:
        lista = "\n".join(f"  {r}" for r in rutas[:10]) + ("\n  …" if len(rutas) > 10 else "")
        # Varias Rutas son una zona: ``ruta zona`` las muestra todas, una por renglón.
        fallar_uso(f"la carpeta {carpeta} tiene {len(rutas)} Rutas; indica una:\n{lista}\n"
                   f"Para verlas todas juntas, una escuela por renglón: ruta zona {carpeta}")
    resultado = validar(rutas[0], hoy, explicita)
    # Lo que una vista cita de la Ruta (actividades, metas) sale sin datos personales.
    sin_datos_personales(resultado.ruta)
    errores = resultado.cuenta[ERROR]
    if errores:
        typer.echo(linea_de_error(f"la Ruta tiene {errores} {'error' if errores == 1 else 'errores'}: "
                                  f"{_lo_que_falta(resultado.ruta)} Revísalos con `ruta validar`."),
                   err=True)
    return resultado, hoy


def _lo_que_falta(ruta) -> str:
    """Qué le falta a la vista: lo de los archivos que no se leyeron, o nada (solo puede errar)."""
    ilegibles = sorted(n for n in ruta.documentos if n not in ruta.legibles)
    if ilegibles:
        cuales = ", ".join(ilegibles)
        return (f"{cuales} no se {'pudo' if len(ilegibles) == 1 else 'pudieron'} leer y lo que "
                "tiene no aparece aquí.")
    return "lo que esta vista muestra puede no ser exacto hasta que los corrijas."


def mostrar(formato, vista: str, ruta, *datos) -> None:
    """Imprime una vista: su JSON o en la terminal, con los mismos datos ya calculados."""
    from rutamejora.vistas import como_json, en_terminal

    if formato is Formato.json:
        typer.echo(como_json(vista, ruta, *datos))
        return
    en_terminal(vista, ruta, *datos, consola=consola())


def consola():
    from rutamejora.nucleo import consola as crear

    return crear()


def ayuda(funcion) -> str:
    """El docstring de un comando con cada párrafo en un solo renglón (Rich lo acomoda al ancho).

    Typer conserva los saltos de línea de los párrafos que siguen al primero; así la ayuda no
    queda cortada a media frase en una terminal angosta.
    """
    import inspect

    parrafos = inspect.cleandoc(funcion.__doc__ or "").split("\n\n")
    return "\n\n".join(" ".join(linea.strip() for linea in p.splitlines()) for p in parrafos)
