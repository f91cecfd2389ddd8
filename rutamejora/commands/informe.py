"""``ruta informe [CARPETA]``: la planeación, el seguimiento o la rendición de cuentas de una Ruta."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from rutamejora.commands._comun import fallar_uso, fecha_de, linea_de_error, minuscula_inicial


class Tipo(str, Enum):
    planeacion = "planeacion"
    seguimiento = "seguimiento"
    rendicion = "rendicion"
    zona = "zona"


class Formato(str, Enum):
    md = "md"
    html = "html"
    pdf = "pdf"


class Audiencia(str, Enum):
    comunidad = "comunidad"
    autoridad = "autoridad"


# Larga a propósito: la firma declara las opciones del comando (Typer).
def informe(
    carpetas: list[Path] = typer.Argument(None, metavar="[CARPETA]...", show_default=False,
                                          help="Carpeta de la Ruta (por omisión, la actual); con "
                                               "--tipo zona, las carpetas de la zona."),
    tipo: Tipo = typer.Option(..., "--tipo", "-t", show_default=False,
                              help="planeacion (el plan aprobado), seguimiento (una sesión del CTE), "
                                   "rendicion (la rendición de cuentas del ciclo) o zona (todas "
                                   "las escuelas de una zona, para la supervisión)."),
    formato: Formato = typer.Option(None, "--formato", "-f", show_default=False,
                                    help="md, html o pdf (este, con -o); si falta, lo dice la extensión de -o "
                                         "(sin -o, Markdown a la salida estándar)."),
    salida: Path = typer.Option(None, "--salida", "-o", metavar="ARCHIVO", show_default=False,
                                help="Archivo donde escribir el informe. Reemplaza un informe anterior, "
                                     "nunca un archivo de la Ruta."),
    audiencia: Audiencia = typer.Option(None, "--audiencia", "-a", show_default=False,
                                        help="Para quién es el informe. comunidad: para madres, "
                                             "padres y tutores (APF, CEPS), en lenguaje sencillo "
                                             "(«¿Se logró? Sí / No / Todavía no»); los docentes "
                                             "aparecen por su función («Docente de 3°A»), sin "
                                             "nombres, y de los alumnos en riesgo solo cuántos "
                                             "son. autoridad: para el CTE y la supervisión, con "
                                             "el detalle (estados, indicadores, fórmulas), los "
                                             "nombres del colectivo y los códigos de alumnos. "
                                             "Por omisión, comunidad en la rendición de cuentas y "
                                             "autoridad en la planeación y el seguimiento (la "
                                             "zona es siempre para la autoridad)."),
    fecha: str = typer.Option(None, "--fecha", metavar="AAAA-MM-DD",
                              help="Informa la Ruta como estaba ese día (por omisión, hoy)."),
    sesion: int = typer.Option(None, "--sesion", "-s", metavar="N", show_default=False,
                               help="Con --tipo seguimiento: la sesión ordinaria N del CTE "
                                    "(fija la fecha)."),
    plantillas: Path = typer.Option(None, "--plantillas", metavar="CARPETA", show_default=False,
                                    help="Carpeta con plantillas Jinja propias (se ejecutan en un "
                                         "entorno aislado); lo que no tenga sale de las incluidas."),
    con_errores: bool = typer.Option(False, "--con-errores",
                                     help="Hace el informe aunque la Ruta tenga errores de "
                                          "validación; el informe los lista en su encabezado. "
                                          "Con --tipo zona (que se hace siempre), sale con 0 "
                                          "aunque alguna Ruta tenga errores."),
    procesos: str = typer.Option(None, "--procesos", metavar="N", show_default=False,
                                 help="Con --tipo zona: cuántas Rutas se leen a la vez (por "
                                      "omisión, una por núcleo; 1: todas en este proceso)."),
    ciclo: str = typer.Option(None, "--ciclo", metavar="AAAA-AAAA", show_default=False,
                              help="Con --tipo zona: el ciclo escolar que cuenta (por omisión, "
                                   "el de --fecha o de hoy); las Rutas de otros ciclos se listan "
                                   "aparte, sin sumar. todos: todas, sumadas."),
):
    """Hace un informe de la Ruta en Markdown, en HTML (un solo archivo, listo para imprimir) o en PDF.

    La rendición de cuentas se escribe para las familias (sin datos de personas); la planeación y el seguimiento, para el CTE y la supervisión (con el detalle). La misma Ruta, commit y --fecha dan exactamente el mismo archivo. El PDF (-o informe.pdf, tamaño carta) lo imprime Chromium, Chrome o Edge sin pantalla; sin ninguno, el mensaje dice cómo conseguirlo. Sale con 1 si la Ruta tiene errores (salvo con --con-errores) y con 2 si el uso es incorrecto.

    Con --tipo zona, el informe de todas las Rutas bajo las carpetas (o las de su zona.yaml) para la supervisión: la tabla de escuelas en orden de atención, gráficas, lo que suman, la lista para la próxima reunión de zona y una sección por escuela con el commit de su Ruta; sin datos de personas. Cuentan las Rutas del ciclo escolar de --fecha (o el de --ciclo); las de otros ciclos se listan aparte. El informe de la zona se hace siempre (lista primero las escuelas con errores) y sale como ruta zona: con 1 si alguna Ruta tiene errores o no se pudo leer o dos Rutas del mismo ciclo tienen la misma CCT (salvo con --con-errores) y con 2 si un archivo de alguna Ruta no se puede abrir.

    Ejemplo: ruta informe ejemplos/primaria-2025-2026 --tipo rendicion --fecha 2026-07-15 -o informe.html
    """
    from rutamejora import informes
    from rutamejora.formato import NoEsRuta, buscar_rutas, cargar
    from rutamejora.reglas import validar

    _revisar_sesion(tipo, fecha, sesion)
    hoy, explicita = fecha_de(fecha)
    if tipo is Tipo.zona:
        from rutamejora.commands._informe_zona import informe_de_zona, salir_de_zona

        texto, vista = informe_de_zona(carpetas or [], _formato(formato, salida), hoy, explicita,
                                       salida, audiencia, plantillas, procesos, ciclo)
        _entregar(texto, salida)
        salir_de_zona(vista, con_errores)
        return
    if procesos is not None:
        fallar_uso("--procesos solo sirve con --tipo zona (los demás informes son de una Ruta).")
    if ciclo is not None:
        fallar_uso("--ciclo solo sirve con --tipo zona: el informe de una Ruta es de su ciclo.")
    if carpetas and len(carpetas) > 1:
        fallar_uso(f"un informe de {tipo.value} es de una sola Ruta y diste {len(carpetas)} "
                   "carpetas: indica una (o usa --tipo zona para todas).")
    carpeta = carpetas[0] if carpetas else Path(".")
    try:
        rutas = buscar_rutas(carpeta)
        if len(rutas) > 1:
            fallar_uso(f"la carpeta {carpeta} contiene {len(rutas)} Rutas y un informe es de una "
                       f"sola: indica su carpeta (p. ej. {rutas[0]}).")
        carpeta_ruta = rutas[0]
        if salida is not None:
            informes.revisar_salida(salida, carpeta_ruta)
        formato_elegido = _formato(formato, salida)
        navegador = informes.buscar_navegador() if formato_elegido == "pdf" else None
        if sesion is not None:
            # La fecha de la sesión está en la Ruta (su entrada en la bitácora o el calendario de
            # ruta.yaml): se leen esos dos para saberla y se valida a ese día.
            con_la_fecha = cargar(carpeta_ruta, solo=("ruta.yaml", "bitacora.yaml"))[0]
            hoy, explicita = informes.fecha_de_sesion(con_la_fecha, sesion), True
        resultado = validar(carpeta_ruta, hoy, explicita)
        if resultado.codigo_de_salida() == 2:  # un archivo que no se pudo abrir: no es de lo escrito
            fallar_uso(_inaccesibles(resultado))
        aviso = informes.aviso_de_fecha(resultado.ruta, tipo.value, hoy)
        if aviso:
            typer.echo(linea_de_error(f"aviso: {minuscula_inicial(aviso)}"), err=True)
        texto = informes.informe(resultado, tipo.value, "html" if navegador else formato_elegido, hoy,
                                 audiencia=audiencia.value if audiencia else None, sesion=sesion,
                                 plantillas=plantillas, con_errores=con_errores)
        if navegador:
            texto = informes.imprimir(texto, hoy, navegador)
    except NoEsRuta as exc:
        fallar_uso(str(exc))
    except informes.ErrorDeUso as exc:
        fallar_uso(str(exc))
    except informes.RutaConErrores as exc:
        n = exc.errores
        typer.echo(linea_de_error(
            f"la Ruta {carpeta} tiene {n} {'error' if n == 1 else 'errores'} de validación, así "
            f"que no se hizo el informe. {'Corrígelo' if n == 1 else 'Corrígelos'} (`ruta validar "
            f"{carpeta}`) o usa --con-errores para hacerlo de todos modos (el informe "
            f"{'lo listará' if n == 1 else 'los listará'})."), err=True)
        raise typer.Exit(1)
    _entregar(texto, salida)


def _inaccesibles(resultado) -> str:
    """El motivo de no hacer el informe cuando un archivo de la Ruta no se pudo abrir (RM012)."""
    fallas = [p for p in resultado.problemas if p.codigo == "RM012"]
    cuales = ", ".join(f"{p.archivo} ({p.mensaje.removeprefix('No se pudo abrir el archivo: ').rstrip('.')})"
                       for p in fallas)
    pista = fallas[0].pista if len(fallas) == 1 else "Revisa sus permisos y que cada uno sea un archivo."
    return f"no se pudo abrir {cuales}, así que no se hizo el informe. {pista}"


def _revisar_sesion(tipo: Tipo, fecha: str | None, sesion: int | None) -> None:
    """``--sesion`` va solo con ``--tipo seguimiento``, sin ``--fecha`` y desde 1."""
    if sesion is not None and tipo is not Tipo.seguimiento:
        fallar_uso("--sesion solo sirve con --tipo seguimiento.")
    if sesion is not None and fecha is not None:
        fallar_uso("usa --sesion o --fecha, no las dos: la sesión ya fija la fecha del informe.")
    if sesion is not None and sesion < 1:
        fallar_uso(f"no hay sesión {sesion}: las sesiones ordinarias se numeran desde 1.")


def _entregar(texto: str, salida: Path | None) -> None:
    """El informe a la salida estándar o, con ``-o``, al archivo (con aviso en stderr)."""
    from rutamejora import informes

    if salida is None:
        typer.echo(texto, nl=False)
        return
    try:
        informes.escribir(salida, texto)
    except OSError as exc:  # disco lleno o de solo lectura, sin permiso: salida 2, como toda falla de escritura
        from rutamejora.nucleo import no_se_escribio

        fallar_uso(no_se_escribio(salida, exc))
    typer.echo(f"Informe escrito en {salida}.", err=True)


def _formato(formato: Formato | None, salida: Path | None) -> str:
    """El formato pedido, o el de la extensión de ``-o``; sin ninguno, Markdown."""
    from rutamejora import informes

    if formato is Formato.pdf and salida is None:
        fallar_uso("un PDF no se escribe en la terminal: indica el archivo con -o (p. ej. -o informe.pdf).")
    if formato is not None:
        return formato.value
    if salida is None:
        return "md"
    elegido = informes.formato_de_archivo(salida)
    if elegido is None:
        fallar_uso(f"no se sabe en qué formato escribir {salida}: usa la extensión .md, .html o .pdf, "
                   "o indica --formato md|html|pdf.")
    return elegido


def registrar(app: typer.Typer) -> None:
    app.command("informe")(informe)
