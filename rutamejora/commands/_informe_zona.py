"""``ruta informe --tipo zona``: el informe de la supervisión sobre todas las Rutas de una zona."""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._comun import fallar_uso, linea_de_error


def informe_de_zona(carpetas: list[Path], formato: str, hoy, explicita: bool,
                    salida: Path | None, audiencia, plantillas: Path | None,
                    procesos: str | None, ciclo: str | None = None) -> str:
    """El texto del informe de la zona de ``carpetas``; un error de uso sale con 2."""
    from rutamejora import informes
    from rutamejora.formato import NoEsRuta
    from rutamejora.nucleo import Progreso, progreso_permitido
    from rutamejora.zona import ZonaInvalida, descubrir, leer_ciclo, nota_de_ciclo, vista_zona

    from rutamejora.commands._validacion import leer_procesos

    if audiencia is not None and audiencia.value != "autoridad":
        fallar_uso("el informe de la zona es para la supervisión: usa --audiencia autoridad "
                   "(o no la indiques).")
    try:
        cuantos = leer_procesos(procesos)
        elegido = leer_ciclo(ciclo)
    except ValueError as exc:
        fallar_uso(str(exc))
    try:
        # El PDF es el HTML impreso por el navegador: se busca antes de leer la zona.
        navegador = informes.buscar_navegador() if formato == "pdf" else None
        zona = descubrir(carpetas)
        if salida is not None:
            for ruta in zona.rutas:
                informes.revisar_salida(salida, ruta)
    except (NoEsRuta, ZonaInvalida, informes.ErrorDeUso, informes.SinNavegador) as exc:
        fallar_uso(str(exc))
    barra = (Progreso(len(zona.rutas), "Leyendo Rutas")
             if len(zona.rutas) > 1 and progreso_permitido() else None)
    try:
        vista = vista_zona(zona, hoy, explicita, cuantos, al_avanzar=barra, con_version=True,
                           ciclo=elegido)
    except ZonaInvalida as exc:   # CicloSinRutas: ninguna Ruta es del ciclo
        vista, mensaje = None, str(exc)
    finally:
        if barra is not None:
            barra.cerrar()
    if vista is None:
        fallar_uso(mensaje)
    nota = nota_de_ciclo(vista.ciclo, hoy) if elegido is None else None
    if nota is not None:
        typer.echo(nota, err=True)
    try:
        texto = informes.informe_zona(vista, "html" if navegador else formato, plantillas)
        return informes.imprimir(texto, hoy, navegador) if navegador else texto
    except informes.ErrorDeUso as exc:
        fallar_uso(str(exc))
    except informes.ErrorDePlantilla as exc:
        typer.echo(linea_de_error(str(exc)), err=True)
        raise typer.Exit(2)
