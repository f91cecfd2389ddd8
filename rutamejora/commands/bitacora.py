"""``ruta bitacora agregar``: registra una entrada de seguimiento (con opciones o preguntando)."""

from __future__ import annotations

from contextlib import contextmanager
from enum import Enum
from pathlib import Path

import click
import typer

from rutamejora.commands._comun import fallar_uso
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


# Las opciones que dicen qué se registra: sin ninguna, el comando pregunta.
_DE_ACCION = ("avance", "estado", "evidencia", "gasto", "comprobante", "nuevo_inicio", "nuevo_fin")
_DE_META = ("valor", "fuente")


# Larga a propósito: la firma declara las opciones del comando (Typer).
def agregar(
    carpeta: Path = typer.Argument(Path("."), metavar="[CARPETA]", show_default=False,
                                   help="Carpeta de la Ruta (por omisión, la actual)."),
    fecha: str = typer.Option(None, "--fecha", metavar="AAAA-MM-DD",
                              help="Fecha de la entrada (con --sesion, por omisión la de esa sesión)."),
    sesion: str = typer.Option(None, "--sesion", metavar="N",
                               help="Número de la sesión ordinaria del CTE (1 a 8)."),
    accion: str = typer.Option(None, "--accion", metavar="ID", help="Acción que se registra (A1, …)."),
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
    meta: str = typer.Option(None, "--meta", metavar="ID", help="Meta cuyo indicador se midió (M1, …)."),
    valor: str = typer.Option(None, "--valor", metavar="N", help="Valor medido del indicador de la meta."),
    fuente: str = typer.Option(None, "--fuente", metavar="TEXTO", help="De dónde sale el valor medido."),
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
                                     help="Ajuste a la planeación (se puede repetir); se liga a la "
                                          "--accion y a la --meta de la misma orden."),
    nota: str = typer.Option(None, "--nota", metavar="TEXTO",
                             help="Observación: de la acción si hay --accion, si no de la medición "
                                  "o de la entrada."),
    formato: Formato = typer.Option(Formato.texto, "--formato", "-f",
                                    help="texto (personas) o json (programas; ver docs/vistas.md)."),
    espera: float = typer.Option(120.0, "--espera", metavar="SEGUNDOS", min=0,
                                 help="Cuánto esperar, si otro `agregar` está escribiendo, antes de "
                                      "rendirse (hacen fila)."),
):
    """Registra una entrada en la bitácora: avance de una acción, una medición, acuerdos, ajustes.

    Con opciones registra de una vez; sin ninguna de --accion, --meta, --acuerdo, --ajuste o --nota, pregunta paso a paso. Antes de escribir revisa todo: un id que no existe («¿quisiste decir …?»), un avance fuera de 0–100 o una fecha fuera del ciclo se rechazan y bitacora.yaml queda intacto (salida 2). Si ya hay una entrada con la misma fecha y sesión, lo nuevo se une a ella. Solo se agregan líneas: comentarios, sangrías y formato quedan como estaban. Si otro `agregar` está escribiendo, espera su turno (--espera). Si el disco o los permisos no dejan escribir, el archivo queda como estaba (salida 2).

    Ejemplo: ruta bitacora agregar --sesion 4 --accion A1 --estado en_curso --avance 50
    """
    from rutamejora import escritura as B

    ruta = _cargar(carpeta)
    if hoja is not None or columna or valores:
        valor, fuente, nota = _de_hoja(ruta, meta, hoja, columna, valores, pestana, valor, fuente, nota, accion)
    valores = dict(avance=avance, estado=estado, evidencia=evidencia, gasto=gasto, comprobante=comprobante,
                   nuevo_inicio=nuevo_inicio, nuevo_fin=nuevo_fin, valor=valor, fuente=fuente)
    with _sin_escribir_si_falla():
        if not (accion or meta or acuerdo or ajuste or nota):
            entrada, motivos = _preguntada(ruta, fecha, sesion, valores), None
        else:
            entrada, motivos = _de_opciones(ruta, fecha, sesion, accion, meta, acuerdo, ajuste, nota, valores)
        notas = B.revisar(entrada, ruta, motivos)
        avisos = B.avisos_despues(entrada, ruta)
        cambio = B.guardar(ruta.carpeta, entrada, espera, _avisar_espera(espera))
    _informar(entrada, cambio, formato)
    if hoja is not None:
        from rutamejora.intercambio import AVISO_PRIVACIDAD

        typer.echo(AVISO_PRIVACIDAD, err=True)
    for nota_ in notas:
        typer.echo(f"Nota: {nota_}", err=True)
    for aviso in avisos:
        typer.echo(f"Aviso: {aviso}", err=True)


def _de_hoja(ruta, meta, hoja, columna, valores, pestana, valor, fuente, nota, accion):
    """``(valor, fuente, nota)`` de la medición con --hoja (ver ``intercambio.medicion_de_meta``)."""
    from rutamejora import intercambio

    try:
        medido, de_hoja, nota_hoja = intercambio.medicion_de_meta(ruta, meta, hoja, columna, valores,
                                                                  pestana, valor)
    except intercambio.HojaInvalida as exc:
        typer.echo(f"ruta: {exc}", err=True)
        typer.echo("ruta: no se escribió nada en bitacora.yaml.", err=True)
        raise typer.Exit(2)
    return medido, fuente or de_hoja, nota if nota is not None or accion else nota_hoja


def _preguntada(ruta, fecha, sesion, valores: dict):
    """La entrada paso a paso (sin --accion, --meta, --acuerdo, --ajuste ni --nota)."""
    from rutamejora.commands._preguntas import preguntar_entrada

    _sin_contenido(valores)
    try:
        entrada = preguntar_entrada(ruta, fecha, sesion)
    except (click.exceptions.Abort, EOFError):  # Ctrl-C o fin de la entrada, como en `ruta nueva`
        typer.echo("\nCancelado: no se guardó nada.", err=True)
        raise typer.Exit(130) from None
    if entrada is None:  # la persona eligió no guardar: no es un error
        typer.echo("No se guardó nada.", err=True)
        raise typer.Exit(0)
    return entrada


@contextmanager
def _sin_escribir_si_falla():
    """Cada falla al revisar o escribir, con su mensaje y su código de salida (2 si es de uso)."""
    from rutamejora import escritura as B

    try:
        yield
    except B.ValorInvalido as exc:
        for motivo in exc.motivos:
            typer.echo(f"ruta: {motivo}", err=True)
        typer.echo("ruta: no se escribió nada en bitacora.yaml.", err=True)
        raise typer.Exit(2)
    except B.RutaIlegible as exc:
        typer.echo(f"ruta: {exc}", err=True)
        raise typer.Exit(1)
    except Exception as exc:  # los de escritura: se importan tarde, se reconocen por su clase
        from rutamejora.escritura import NoSeEscribio, YaRegistrado

        if isinstance(exc, YaRegistrado):
            fallar_uso(str(exc))
        if isinstance(exc, NoSeEscribio):  # 1 si es la Ruta; 2 si el sistema no dejó escribir
            typer.echo(f"ruta: {exc}", err=True)
            raise typer.Exit(exc.salida)
        raise


def _avisar_espera(espera: float):
    """Lo que se dice (una vez, en stderr) cuando otro proceso tiene la bitácora más de 1 s."""
    def avisar(quien: str) -> None:
        typer.echo(f"ruta: {quien} está escribiendo en la bitácora; esperando su turno "
                   f"(hasta {espera:g} s)…", err=True)
    return avisar


def _cargar(carpeta: Path):
    from rutamejora.formato import NoEsRuta, cargar, es_ruta

    if carpeta.is_dir() and not es_ruta(carpeta):
        fallar_uso(f"La carpeta {carpeta} no contiene una Ruta (no hay ruta.yaml).")
    try:
        ruta, _ = cargar(carpeta)
    except NoEsRuta as exc:
        fallar_uso(str(exc))
    doc = ruta.documentos.get("bitacora.yaml")
    vacia = doc is not None and all(p.codigo == "RM008" for p in doc.problemas)  # vacía o solo comentarios
    if doc is not None and "bitacora.yaml" not in ruta.legibles and not vacia:
        motivo = next((f" ({p.mensaje.rstrip('.')})" for p in doc.problemas if p.severidad == "error"), "")
        typer.echo(f"ruta: bitacora.yaml no se puede leer{motivo}; corrígelo primero (`ruta validar` "
                   "dice dónde). No se escribió nada.", err=True)
        raise typer.Exit(1)
    return ruta


def _sin_contenido(valores: dict) -> None:
    """Opciones de una acción o de una medición sin --accion ni --meta: error de uso."""
    from rutamejora.escritura import ValorInvalido

    sueltas = [f"--{k.replace('_', '-')}" for k, v in valores.items() if v]
    if sueltas:
        raise ValorInvalido([_sueltas(sueltas)])


def _sueltas(opciones: list[str]) -> str:
    va = "va" if len(opciones) == 1 else "van"
    return f"{', '.join(opciones)} {va} con --accion (--valor y --fuente, con --meta)."


def _de_opciones(ruta, fecha, sesion, accion, meta, acuerdo, ajuste, nota, v):
    from rutamejora import escritura as B

    motivos: list[str] = []

    def leer(funcion, *args):
        try:
            return funcion(*args)
        except B.ValorInvalido as exc:
            motivos.extend(exc.motivos)
            return None

    numero = leer(B.leer_entero, sesion, "--sesion", 1) if sesion is not None else None
    dia = leer(B.leer_fecha, fecha) if fecha is not None else None
    if fecha is None:
        dia = B.fecha_de_sesion(ruta, numero) if numero is not None else None
        if sesion is None:
            motivos.append("falta --fecha AAAA-MM-DD (o --sesion N, que toma la fecha de esa sesión).")
    sueltas = [f"--{k.replace('_', '-')}" for k in _DE_ACCION if v[k] and not accion]
    sueltas += [f"--{k}" for k in _DE_META if v[k] and not meta]
    if sueltas:
        motivos.append(_sueltas(sueltas))
    registros, mediciones = [], []
    if accion:
        estado = leer(B.leer_estado, v["estado"]) if v["estado"] else None
        inicio = leer(B.leer_fecha, v["nuevo_inicio"], "--nuevo-inicio") if v["nuevo_inicio"] else None
        fin = leer(B.leer_fecha, v["nuevo_fin"], "--nuevo-fin") if v["nuevo_fin"] else None
        if estado is None and v["estado"] is None:
            if inicio or fin:
                estado = "reprogramada"
            else:
                motivos.append(f"falta --estado para la acción {accion} ({B.NOMBRES_ESTADO}).")
        registros.append(B.RegistroNuevo(
            accion=accion.strip(), estado=estado or "",
            avance=leer(B.leer_entero, v["avance"], "--avance", 0, 100) if v["avance"] is not None else None,
            evidencias=[t for t in (leer(B.leer_texto, e, "--evidencia") for e in v["evidencia"] or []) if t],
            gasto=leer(B.leer_dinero, v["gasto"]) if v["gasto"] is not None else None,
            comprobante=leer(B.leer_texto, v["comprobante"], "--comprobante") if v["comprobante"] else None,
            nota=nota, nuevo_inicio=inicio, nuevo_fin=fin))
    if meta:
        if v["valor"] is None:
            motivos.append(f"falta --valor para la meta {meta}.")
        mediciones.append(B.MedicionNueva(
            meta=meta.strip(), valor=leer(B.leer_numero, v["valor"]) if v["valor"] is not None else None,
            fuente=leer(B.leer_texto, v["fuente"], "--fuente") if v["fuente"] else None,
            nota=nota if not accion else None))
    acuerdos = [t for t in (leer(B.leer_texto, a, "--acuerdo") for a in acuerdo or []) if t]
    ajustes = [B.AjusteNuevo(t, [accion.strip()] if accion else [], [meta.strip()] if meta else [])
               for t in (leer(B.leer_texto, a, "--ajuste") for a in ajuste or []) if t]
    return B.EntradaNueva(dia, numero, registros, mediciones, acuerdos, ajustes,
                          nota=nota if not accion and not meta else None), motivos


def _informar(entrada, cambio, formato: Formato) -> None:
    from rutamejora.vistas import fecha_corta

    if formato is Formato.json:
        from rutamejora.vistas import agregado_como_json

        typer.echo(agregado_como_json(entrada.datos(), cambio))
        return
    cuando = f"del {fecha_corta(entrada.fecha)}" + (f" (sesión {entrada.sesion})" if entrada.sesion else "")
    que = "Agregado a la entrada" if cambio.unida else "Nueva entrada"
    typer.echo(f"{que} {cuando} en bitacora.yaml, línea {cambio.linea}: {_contenido(entrada)}.")


def _contenido(entrada) -> str:
    partes = []
    for r in entrada.acciones:
        detalle = r.estado.replace("_", " ") + (f", {r.avance} %" if r.avance is not None else "")
        partes.append(f"acción {r.accion} ({detalle})")
    for m in entrada.mediciones:
        from rutamejora.vistas import numero

        partes.append(f"medición de {m.meta} ({numero(m.valor)})")
    for lista, singular, plural in ((entrada.acuerdos, "acuerdo", "acuerdos"),
                                    (entrada.ajustes, "ajuste", "ajustes")):
        if lista:
            partes.append(f"{len(lista)} {singular if len(lista) == 1 else plural}")
    if entrada.nota:
        partes.append("nota")
    return ", ".join(partes)


def registrar(app: typer.Typer) -> None:
    bitacora.command("agregar", help=ayuda(agregar))(agregar)
    app.add_typer(bitacora, name="bitacora")
