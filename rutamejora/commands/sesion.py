"""``ruta sesion``: registra una sesión del CTE en el editor, de una vez (como ``git commit``)."""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._comun import fallar_uso, fecha_de, linea_de_error
from rutamejora.commands._vistas import ayuda


# Larga a propósito: la firma declara las opciones del comando (Typer).
def sesion(
    carpeta: Path = typer.Argument(Path("."), metavar="[CARPETA]", show_default=False,
                                   help="Carpeta de la Ruta (por omisión, la actual)."),
    numero: str = typer.Option(None, "--sesion", metavar="N",
                               help="La sesión ordinaria que se registra (por omisión, la siguiente a "
                                    "la última que tiene entrada)."),
    fecha: str = typer.Option(None, "--fecha", metavar="AAAA-MM-DD",
                              help="El día de los pendientes que se muestran (por omisión, el de la "
                                   "sesión)."),
    borrador: Path = typer.Option(None, "--borrador", metavar="ARCHIVO",
                                  help="Escribe el borrador en ARCHIVO (fuera de la Ruta) en vez de "
                                       "abrir el editor."),
    guardar: Path = typer.Option(None, "--guardar", metavar="ARCHIVO",
                                 help="Aplica un borrador ya editado."),
    forzar: bool = typer.Option(False, "--forzar", help="Con --borrador, sobrescribe ARCHIVO si existe."),
    espera: float = typer.Option(120.0, "--espera", metavar="SEGUNDOS", min=0,
                                 help="Cuánto esperar, si otro comando está escribiendo en la "
                                      "bitácora, antes de rendirse."),
):
    """Registra una sesión del CTE de una vez: abre su registro en tu editor y lo agrega a la bitácora.

    El borrador trae cada acción en marcha con su último estado y avance, cada meta que toca medir, acuerdos y ajustes vacíos, y lo que dice `ruta pendientes` como comentarios. Cambia lo que haga falta, guarda y cierra el editor: solo se registra lo que cambiaste o agregaste, en una entrada con la fecha de la sesión (o unida a la que ya la registra), sin tocar lo demás de bitacora.yaml. Si algo no sirve, te dice qué y vuelve a abrir el editor con lo que escribiste; nada se pierde. La bitácora guarda los valores, no los comentarios (#): si escribes uno, te lo dice antes de registrar para que lo pases a `nota:`. El editor es el de VISUAL o EDITOR (si no, nano, vi o el Bloc de notas).

    Ejemplo: ruta sesion --sesion 5
    """
    from rutamejora import escritura as E
    from rutamejora.commands._comun import cargar_para_escribir

    if borrador is not None and guardar is not None:
        fallar_uso("--borrador y --guardar no van juntas: escribe el borrador, edítalo y luego aplícalo "
                   "con --guardar.")
    if guardar is not None and (numero is not None or fecha is not None):
        # El borrador ya dice su fecha y su sesión: callar la opción sería aplicar otra cosa.
        fallar_uso(f"--guardar aplica el borrador con la fecha y la sesión que él dice: quita "
                   f"{'--sesion' if numero is not None else '--fecha'} (o cámbialo en {guardar}).")
    if fecha is not None:
        fecha_de(fecha)  # una fecha mala se dice antes que nada (no después de buscar la sesión)
    ruta = cargar_para_escribir(carpeta, "bitacora.yaml")
    if guardar is not None:
        _aplicar_archivo(guardar, ruta, espera)
        return
    n, dia = _la_sesion(ruta, numero)
    if borrador is None:
        from rutamejora.commands import _editor

        if not _editor.hay_terminal():  # sin terminal, un editor escupiría escapes o esperaría
            fallar_uso(_editor.SIN_TERMINAL)
    # Los pendientes, los del día de la sesión (o los de --fecha): lo que esa sesión revisa.
    vista, lista = _para_el_borrador(carpeta, fecha or dia.isoformat())
    texto = E.borrador_de_sesion(vista, n, dia, lista)
    if borrador is not None:
        _escribir_borrador(borrador, ruta.carpeta, texto, forzar, n)
        return
    _en_el_editor(texto, ruta, n, espera)


def _la_sesion(ruta, numero: str | None):
    from rutamejora import escritura as E

    valor = None
    if numero is not None:
        try:
            valor = int(numero)
        except ValueError:
            fallar_uso(f"--sesion: «{numero}» no es un número de sesión (1, 2, …).")
    try:
        return E.sesion_que_toca(ruta, valor)
    except E.SinSesion as exc:
        fallar_uso(str(exc) if valor is None else f"--sesion: {exc}")


def _para_el_borrador(carpeta: Path, fecha: str | None):
    """(la Ruta sin datos personales, para citar sus textos; lo que dice ``ruta pendientes``)."""
    from rutamejora.commands._vistas import cargar_ruta
    from rutamejora.vistas import pendientes

    resultado, hoy = cargar_ruta(carpeta, fecha)
    return resultado.ruta, pendientes(resultado.ruta, hoy, None, resultado.problemas)


def _escribir_borrador(archivo: Path, carpeta: Path, texto: str, forzar: bool, n: int) -> None:
    from rutamejora.nucleo import escribir_atomico, no_se_escribio

    destino = archivo.resolve()
    if destino.suffix.lower() in (".yaml", ".yml") and destino.is_relative_to(carpeta.resolve()):
        fallar_uso(f"--borrador: {archivo} está dentro de la Ruta y `ruta validar` lo leería; escríbelo "
                   f"fuera (p. ej. --borrador ../sesion-{n}.yaml).")
    if destino.exists() and not forzar:
        fallar_uso(f"--borrador: {archivo} ya existe; elige otro nombre o agrega --forzar.")
    try:
        escribir_atomico(destino, texto.encode("utf-8"))
    except OSError as exc:
        fallar_uso(no_se_escribio(archivo, exc))
    typer.echo(f"Borrador de la sesión {n} en {archivo}. Edítalo y aplícalo con "
               f"`ruta sesion --guardar {archivo}`.")


def _aplicar_archivo(archivo: Path, ruta, espera: float) -> None:
    from rutamejora.nucleo import razon

    try:
        texto = archivo.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        fallar_uso(f"--guardar: {archivo} no está en UTF-8; ábrelo en tu editor, guárdalo como UTF-8 "
                   "y vuelve a aplicarlo.")
    except OSError as exc:
        fallar_uso(f"--guardar: no se pudo leer {archivo} ({razon(exc, leyendo=True)}).")
    from rutamejora import escritura as E

    motivos = _aplicar(texto, ruta, espera, E.comentarios_propios(None, texto), archivo)
    if motivos:
        _mostrar(motivos)
        typer.echo(linea_de_error(f"no se escribió nada en bitacora.yaml; corrige {archivo} y vuelve "
                                  "a aplicarlo."), err=True)
        raise typer.Exit(2)


def _aplicar(texto: str, ruta, espera: float, sin_guardar: list[str] = (), archivo: Path | None = None) -> list[str]:
    """Revisa y escribe el borrador; devuelve los motivos si no sirve (nada escrito).
    ``sin_guardar``: los comentarios del CTE que no pasó a ``nota:`` (se dice que no se guardaron
    y, si el borrador es ``archivo``, que siguen ahí)."""
    from rutamejora import escritura as E
    from rutamejora.commands._agregado import avisar_espera, informar

    try:
        entrada, notas = E.entrada_del_borrador(texto, ruta)
        if entrada is None:
            typer.echo("No cambiaste nada: no se escribió nada en bitacora.yaml.")
            return []
        cambio = E.guardar(ruta.carpeta, entrada, espera, avisar_espera(espera), ruta=ruta,
                           sin_repetir=lambda e, r: E.sin_repetir(e, r, "ese borrador ya se aplicó"))
    except E.ValorInvalido as exc:
        return exc.motivos
    except E.YaRegistrado as exc:
        return [exc.sin_pista]
    except E.YaAplicado as exc:  # aplicar dos veces el mismo borrador no duplica nada
        typer.echo(linea_de_error(str(exc)), err=True)
        raise typer.Exit(2) from None
    except E.RutaIlegible as exc:  # un archivo de la Ruta que hace falta para revisar no se lee
        typer.echo(linea_de_error(str(exc)), err=True)
        raise typer.Exit(1) from None
    except E.NoSeEscribio as exc:
        typer.echo(linea_de_error(str(exc)), err=True)
        raise typer.Exit(exc.salida) from None
    informar(entrada, cambio, "texto")
    for nota in notas + cambio.notas:
        typer.echo(f"Nota: {nota}", err=True)
    if sin_guardar:
        siguen = f"; siguen en {archivo}" if archivo is not None else ""
        typer.echo(f"Nota: no se guardaron tus comentarios del borrador ({'; '.join(sin_guardar)}){siguen}. "
                   "La bitácora guarda las observaciones en `nota:`.", err=True)
    return []


def _mostrar(motivos: list[str]) -> None:
    typer.echo(linea_de_error(f"el registro tiene {len(motivos)} "
                              f"{'error' if len(motivos) == 1 else 'errores'}:"), err=True)
    for motivo in motivos:
        typer.echo(f"  - {motivo}", err=True)


def _en_el_editor(texto: str, ruta, n: int, espera: float) -> None:
    """El bucle del editor: abrir, revisar, guardar; con errores, decirlos y volver a abrir."""
    from rutamejora import escritura as E
    from rutamejora.commands._editor import SinEditor, archivo_temporal, editar

    archivo = archivo_temporal(f"ruta-sesion-{n}-")
    guardado = f"Tu registro quedó en {archivo}; aplícalo con `ruta sesion --guardar {archivo}`."
    original, preguntado = texto, False
    while True:
        try:
            texto = editar(archivo, texto)
        except SinEditor as exc:
            fallar_uso(f"{exc} {guardado}" if archivo.exists() else str(exc))
        propios = E.comentarios_propios(original, texto)
        if propios and not preguntado:
            # Una vez: quien responde que no, registra sin ellos (y se le dice al final).
            preguntado = True
            _mostrar_comentarios(propios)
            if _preguntar("¿Los pasas a `nota:` en el editor?", guardado):
                texto = E.con_errores(texto, propios, E.ENCABEZADO_COMENTARIOS)
                continue
        try:
            motivos = _aplicar(texto, ruta, espera, propios)
        except (typer.Exit, SystemExit):  # no se pudo escribir: lo escrito se queda en el borrador
            typer.echo(linea_de_error(guardado), err=True)
            raise
        if not motivos:
            archivo.unlink(missing_ok=True)
            return
        _mostrar(motivos)
        if not _preguntar("¿Lo corriges en el editor?", guardado):
            typer.echo(linea_de_error(f"no se escribió nada en bitacora.yaml. {guardado}"), err=True)
            raise typer.Exit(2)
        texto = E.con_errores(texto, motivos)


def _mostrar_comentarios(propios: list[str]) -> None:
    uno = len(propios) == 1
    cuales = "tu comentario no se guarda" if uno else f"tus {len(propios)} comentarios no se guardan"
    typer.echo(linea_de_error(f"{cuales} en la bitácora (solo se registran los valores):"), err=True)
    for propio in propios:
        typer.echo(f"  - {propio}", err=True)
    typer.echo("  Para guardarlo, escríbelo en `nota:` de esa acción, de esa meta o de la sesión."
               if uno else "  Para guardarlos, escríbelos en `nota:` de esa acción, de esa meta o de la "
               "sesión.", err=True)


def _preguntar(pregunta: str, guardado: str) -> bool:
    """Sí o no; Ctrl-C o Ctrl-D (sin más entrada) cancela con 130, como toda pregunta de ``ruta``,
    y lo escrito se queda en el borrador."""
    import click

    from rutamejora.commands._preguntas import si_o_no

    try:
        return si_o_no(pregunta)
    except (click.exceptions.Abort, EOFError):
        typer.echo("", err=True)
        typer.echo(linea_de_error(f"cancelado: no se escribió nada en bitacora.yaml. {guardado}"), err=True)
        raise typer.Exit(130) from None


def registrar(app: typer.Typer) -> None:
    app.command("sesion", help=ayuda(sesion))(sesion)
