"""``ruta bitacora agregar``: registra una entrada de seguimiento (con opciones o preguntando)."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import click
import typer

from rutamejora.commands._comun import linea_de_error
from rutamejora.commands._vistas import ayuda

bitacora = typer.Typer(
    help="La bitácora de seguimiento: registrar avances, gastos, mediciones, acuerdos y ajustes.\n\n"
         "Ejemplo: ruta bitacora agregar --sesion 4 --accion A1 --estado en_curso --avance 50",
    no_args_is_help=True,
    options_metavar="[OPCIONES]",
    subcommand_metavar="COMANDO [ARGUMENTOS]...",
    context_settings={"help_option_names": ["-h", "--help"]},
)


class Formato(str, Enum):
    texto = "texto"
    json = "json"


# Larga a propósito: la firma declara las opciones del comando (Typer).
def agregar(
    carpeta: Path = typer.Argument(Path("."), metavar="[CARPETA]", show_default=False,
                                   help="Carpeta de la Ruta (por omisión, la actual)."),
    fecha: str = typer.Option(None, "--fecha", metavar="AAAA-MM-DD",
                              help="Fecha de la entrada (con --sesion, por omisión la de esa sesión)."),
    sesion: str = typer.Option(None, "--sesion", metavar="N",
                               help="Número de la sesión ordinaria del CTE (1 a 8)."),
    tipo: str = typer.Option(None, "--tipo", metavar="TIPO",
                             help="sesion_ordinaria (con --sesion, por omisión), fase_intensiva, registro, "
                                  "revision_anual (PEMC de varios ciclos) o evaluacion_final."),
    accion: list[str] = typer.Option(None, "--accion", metavar="ID[=ESTADO:AVANCE]",
                                     help="Acción que se registra (se puede repetir): A1=en_curso:50, "
                                          "A4=100 (realizada) o A1 con --estado y --avance."),
    estado: str = typer.Option(None, "--estado", metavar="ESTADO",
                               help="pendiente, en_curso, realizada, reprogramada o cancelada."),
    avance: str = typer.Option(None, "--avance", metavar="0-100", help="Porcentaje de avance de la acción."),
    evidencia: list[str] = typer.Option(None, "--evidencia", metavar="TEXTO",
                                        help="Evidencia de lo hecho (se puede repetir)."),
    gasto: str = typer.Option(None, "--gasto", metavar="MONTO", help="Lo gastado en la acción, en pesos."),
    comprobante: str = typer.Option(None, "--comprobante", metavar="TEXTO",
                                    help="Folio o referencia del comprobante del gasto."),
    nuevo_inicio: str = typer.Option(None, "--nuevo-inicio", metavar="AAAA-MM-DD",
                                     help="Nueva fecha de inicio (acción reprogramada)."),
    nuevo_fin: str = typer.Option(None, "--nuevo-fin", metavar="AAAA-MM-DD",
                                  help="Nueva fecha de término (acción reprogramada)."),
    meta: list[str] = typer.Option(None, "--meta", metavar="ID[=VALOR]",
                                   help="Meta cuyo indicador se midió (se puede repetir): M1=57, o M1 "
                                        "con --valor."),
    valor: str = typer.Option(None, "--valor", metavar="N", help="Valor medido del indicador de la meta."),
    fuente: str = typer.Option(None, "--fuente", metavar="TEXTO",
                               help="De dónde salen los valores medidos (de todas las --meta)."),
    hoja: Path = typer.Option(None, "--hoja", metavar="HOJA",
                              help="Con --meta: el valor sale de una hoja de alumnos (.xlsx o .csv), "
                                   "el porcentaje con alguno de --valores en --columna (solo el "
                                   "conteo: ningún dato de los alumnos se escribe)."),
    columna: str = typer.Option(None, "--columna", metavar="NIVEL", help="Con --hoja: la columna del nivel."),
    valores: str = typer.Option(None, "--valores", metavar="V1,V2",
                                help="Con --hoja: los niveles que cuentan para la meta (Esperado,Destacado)."),
    pestana: str = typer.Option(None, "--pestana", metavar="NOMBRE", help="Con --hoja: la pestaña del libro."),
    acuerdo: list[str] = typer.Option(None, "--acuerdo", metavar="TEXTO",
                                      help="Acuerdo o compromiso tomado (se puede repetir)."),
    ajuste: list[str] = typer.Option(None, "--ajuste", metavar="TEXTO",
                                     help="Ajuste a la planeación (se puede repetir); se liga a las "
                                          "--accion y --meta de la misma orden."),
    nota: str = typer.Option(None, "--nota", metavar="TEXTO",
                             help="Observación: de la acción si hay --accion, si no de la medición "
                                  "o de la entrada."),
    nota_de: list[str] = typer.Option(None, "--nota-de", metavar="ID=TEXTO",
                                      help="Nota para el registro de esa acción o meta (de esta orden o "
                                           "el que la entrada ya tiene)."),
    ingreso: list[str] = typer.Option(None, "--ingreso", metavar="FUENTE=MONTO[:CONCEPTO]",
                                      help="Dinero recibido de una fuente (se puede repetir)."),
    rasgo: list[str] = typer.Option(None, "--rasgo", metavar="ANEXO/RASGO=VALORACION[:COMENTARIO]",
                                    help="Valoración de un rasgo de los anexos (rme-2014)."),
    balance: list[str] = typer.Option(None, "--balance", metavar="ID=VALORACION",
                                      help="Balance de una prioridad (o ámbito) al cerrar el ciclo."),
    logros: list[str] = typer.Option(None, "--logros", metavar="ID=TEXTO",
                                     help="Lo que se logró en esa prioridad (va al balance)."),
    pendientes: list[str] = typer.Option(None, "--pendientes", metavar="ID=TEXTO",
                                         help="Lo que queda de esa prioridad para el ciclo siguiente."),
    formato: Formato = typer.Option(Formato.texto, "--formato", "-f",
                                    help="texto (personas) o json (programas; ver `ruta ayuda vistas`)."),
    espera: float = typer.Option(120.0, "--espera", metavar="SEGUNDOS", min=0,
                                 help="Cuánto esperar, si otro `agregar` está escribiendo, antes de "
                                      "rendirse (hacen fila)."),
):
    """Registra una entrada en la bitácora: avances, mediciones, acuerdos, ajustes, ingresos, balances.

    Cada valor va junto a su id: --accion A1=en_curso:50 --accion A4=100 --meta M1=57 registra dos acciones y una medición en una orden. Sin nada que registrar (ni --accion, --meta, --acuerdo, --ajuste, --nota, --nota-de, --ingreso, --rasgo, --balance, --logros ni --pendientes), pregunta paso a paso. Antes de escribir revisa todo: un id que no existe («¿quisiste decir …?»), un avance fuera de 0–100 o una fecha fuera del ciclo se rechazan y bitacora.yaml queda intacto (salida 2). Si ya hay una entrada con la misma fecha y sesión, lo nuevo se une a ella. Solo se agregan líneas: comentarios, sangrías y formato quedan como estaban. Si otro `agregar` está escribiendo, espera su turno (--espera). Si el disco o los permisos no dejan escribir, el archivo queda como estaba (salida 2).

    Ejemplo: ruta bitacora agregar --sesion 4 --accion A1 --estado en_curso --avance 50
    """
    from rutamejora import escritura as B
    from rutamejora.commands._agregado import registrar

    o = B.Opciones(fecha, sesion, tipo, accion or [], meta or [], estado, avance, evidencia or [], gasto,
                   comprobante, nuevo_inicio, nuevo_fin, valor, fuente, acuerdo or [], ajuste or [], nota,
                   nota_de or [], ingreso or [], rasgo or [], balance or [], logros or [], pendientes or [])

    def de_hoja(ruta, o):
        o.meta, o.valor, o.fuente, o.nota = _de_hoja(ruta, o.meta, hoja, columna, valores, pestana,
                                                     o.valor, o.fuente, o.nota, o.accion)

    con_hoja = hoja is not None or columna or valores
    registrar(carpeta, o, formato.value, espera, _preguntada, de_hoja if con_hoja else None)


def _de_hoja(ruta, metas, hoja, columna, valores, pestana, valor, fuente, nota, accion):
    """``(metas, valor, fuente, nota)`` de la medición con --hoja (ver ``intercambio.medicion_de_meta``):
    va con una sola ``--meta`` (``M1``, o ``M1=57`` que choca con la hoja como ``--valor``)."""
    from rutamejora import intercambio

    ident, _, dado = (metas[0] if metas else "").partition("=")
    try:
        if len(metas) > 1:
            raise intercambio.HojaInvalida(f"--hoja va con una sola --meta y hay {len(metas)}: mide cada "
                                           "meta con su hoja en una orden aparte.")
        medido, de_hoja, nota_hoja = intercambio.medicion_de_meta(ruta, ident.strip() or None, hoja, columna,
                                                                  valores, pestana, dado.strip() or valor)
    except intercambio.HojaInvalida as exc:
        typer.echo(linea_de_error(str(exc)), err=True)
        typer.echo(linea_de_error("no se escribió nada en bitacora.yaml."), err=True)
        raise typer.Exit(2)
    return [ident.strip()], medido, fuente or de_hoja, nota if nota is not None or accion else nota_hoja


def _preguntada(ruta, o):
    """La entrada paso a paso (sin nada que registrar en las opciones)."""
    from rutamejora import escritura as B
    from rutamejora.commands._preguntas import preguntar_entrada

    sueltas = B.sueltas(o)
    if sueltas:
        raise B.ValorInvalido(sueltas)
    if not _hay_terminal():  # nadie a quien preguntar: un script, CI, `< /dev/null`
        raise B.ValorInvalido(["no hay una terminal para preguntar qué registrar: da lo que se registra "
                               "con --accion, --meta, --acuerdo, --ajuste, --nota, --nota-de, --ingreso, "
                               "--rasgo, --balance, --logros o --pendientes (o corre `ruta bitacora "
                               "agregar` en una terminal)."])
    try:
        entrada = preguntar_entrada(ruta, o.fecha, o.sesion)
    except (click.exceptions.Abort, EOFError):  # Ctrl-C o fin de la entrada, como en `ruta nueva`
        typer.echo("\nCancelado: no se guardó nada.", err=True)
        raise typer.Exit(130) from None
    if entrada is None:  # la persona eligió no guardar: no es un error
        typer.echo("No se guardó nada.", err=True)
        raise typer.Exit(0)
    entrada.tipo = o.tipo
    return entrada


def _hay_terminal() -> bool:
    """¿Hay alguien a quien preguntar? Solo si la entrada es una terminal (como en ``ruta
    nueva``); las preguntas van a stderr, así que la salida puede ir a un archivo. Las pruebas
    con CliRunner la sustituyen."""
    import sys

    return sys.stdin is not None and sys.stdin.isatty()


def registrar(app: typer.Typer) -> None:
    bitacora.command("agregar", help=ayuda(agregar))(agregar)
    app.add_typer(bitacora, name="bitacora")
