"""``ruta informe --tipo zona``: el informe de la supervisión sobre todas las Rutas de una zona."""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._comun import fallar_uso, linea_de_error


def informe_de_zona(carpetas: list[Path], formato: str, hoy, explicita: bool,
                    salida: Path | None, audiencia, plantillas: Path | None,
                    procesos: str | None, ciclo: str | None = None) -> tuple[str, object]:
    """El texto del informe de la zona de ``carpetas`` y su vista (para ``salir_de_zona``); un
    error de uso sale con 2."""
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
        return (informes.imprimir(texto, hoy, navegador) if navegador else texto), vista
    except informes.ErrorDeUso as exc:
        fallar_uso(str(exc))
    except informes.ErrorDePlantilla as exc:
        typer.echo(linea_de_error(str(exc)), err=True)
        raise typer.Exit(2)


def salir_de_zona(vista, con_errores: bool) -> None:
    """Ya entregado el informe (se hace siempre: la supervisión necesita ver las escuelas con
    errores, que el informe lista primero), sale como ``ruta zona``: con 2 si un archivo de
    alguna Ruta no se pudo abrir y con 1 si alguna tiene errores, no se pudo leer o está
    repetida, salvo con --con-errores (como el informe de una Ruta). Lo dice en stderr."""
    codigo = vista.codigo_de_salida()
    if codigo == 0 or (codigo == 1 and con_errores):
        return
    leidas = [*vista.filas, *vista.otras]
    if codigo == 2:
        n = sum(1 for f in leidas if f.inaccesible)
        typer.echo(linea_de_error(
            f"{_rutas(n)} de la zona {'tiene' if n == 1 else 'tienen'} archivos que no se "
            "pudieron abrir (permisos, una carpeta en su lugar): el informe se hizo sin lo que "
            "traen, y sale con 2. Revísalos con `ruta validar`."), err=True)
        raise typer.Exit(2)
    n = sum(1 for f in leidas if f.errores or not f.legible)
    partes = [f"{_rutas(n)} de la zona {'tiene' if n == 1 else 'tienen'} errores de validación"] \
        if n else []
    if vista.repetidas:
        partes.append("hay Rutas del mismo ciclo con la misma CCT")
    typer.echo(linea_de_error(
        f"{' y '.join(partes)} (el informe lo dice): sale con 1. Corrígelo (`ruta zona` dice "
        "dónde) o usa --con-errores para que salga con 0."), err=True)
    raise typer.Exit(1)


def _rutas(n: int) -> str:
    return "1 Ruta" if n == 1 else f"{n} Rutas"
