"""``ruta nueva CARPETA``: una Ruta nueva desde las plantillas, o la del ciclo que sigue."""

from __future__ import annotations

from pathlib import Path

import typer

from rutamejora.commands._comun import fallar_uso

_TEXTO = dict(metavar="TEXTO")


# Larga a propósito: la firma declara las opciones del comando (Typer).
def nueva(
    carpeta: Path = typer.Argument(..., metavar="CARPETA", show_default=False,
                                   help="Carpeta de la Ruta nueva (se crea si no existe)."),
    nombre: str = typer.Option(None, "--nombre", help="Nombre oficial de la escuela.", **_TEXTO),
    cct: str = typer.Option(None, "--cct", metavar="CCT", help="Clave de Centro de Trabajo, p. ej. 21DPR0123T."),
    nivel: str = typer.Option(None, "--nivel", metavar="NIVEL", help="preescolar, primaria o secundaria."),
    ciclo: str = typer.Option(None, "--ciclo", metavar="AAAA-AAAA", help="Ciclo escolar, p. ej. 2025-2026."),
    marco: str = typer.Option(None, "--marco", metavar="MARCO",
                              help="Marco de planeación: rme-2014, pemc-2019, pmc-2024 o uno propio. Por "
                                   "omisión, el vigente en el ciclo (se pregunta si hay dos, como en 2024-2025)."),
    ciclos: int = typer.Option(None, "--ciclos", metavar="N",
                               help="Cuántos ciclos abarca la Ruta si el marco la hace de varios "
                                    "(pemc-2019: de 2 a 4; por omisión, el mínimo)."),
    turno: str = typer.Option(None, "--turno", help="matutino, vespertino, tiempo_completo…", **_TEXTO),
    zona: str = typer.Option(None, "--zona", help="Zona escolar.", **_TEXTO),
    sector: str = typer.Option(None, "--sector", help="Sector educativo.", **_TEXTO),
    desde: Path = typer.Option(None, "--desde", metavar="RUTA_ANTERIOR",
                               help="Hereda la escuela, el colectivo y las líneas base de esa Ruta."),
    sin_preguntas: bool = typer.Option(False, "--sin-preguntas",
                                       help="No pregunta nada: falla si falta un dato (para scripts)."),
    sobrescribir: bool = typer.Option(False, "--sobrescribir",
                                      help="Reemplaza los archivos de una Ruta que ya está en la carpeta."),
    fecha: str = typer.Option(None, "--fecha", metavar="AAAA-MM-DD",
                              help="Hoy, para proponer el ciclo (por omisión, la fecha del sistema)."),
):
    """Crea una Ruta nueva: los siete archivos con sus preguntas, ejemplos y esquemas.

    Llena solo lo que no decide el CTE: la escuela, el calendario y las sesiones del ciclo,
    las asignaturas o campos formativos del nivel y los rasgos por valorar.
    En una carpeta escuelas/<CCT>/<ciclo>/ la CCT y el ciclo salen de la carpeta (una opción
    que dice otra cosa es un error). El marco por omisión es el vigente en el ciclo.
    En una terminal pregunta lo que falte y revisa la CCT y el ciclo al escribirlos; sin
    terminal, o con --sin-preguntas, lo que falte es un error que nombra las opciones.
    Con --desde parte de la Ruta del ciclo anterior (que no se modifica) y de su marco.
    Cada marco se escribe con sus palabras: problematicas: en pmc-2024, ambitos: en pemc-2019.

    Ejemplo: ruta nueva escuelas/21DPR0487A/2026-2027 --desde escuelas/21DPR0487A/2025-2026
    """
    from click.exceptions import Abort

    from rutamejora import escritura as N
    from rutamejora.commands._comun import fecha_de
    from rutamejora.formato import NoEsRuta

    hoy, _ = fecha_de(fecha)
    anterior = None
    if desde is not None:
        try:
            anterior = N.leer_anterior(desde)
        except NoEsRuta as exc:
            fallar_uso(str(exc))
    if anterior is not None and carpeta.resolve() == desde.resolve():
        fallar_uso("la Ruta nueva no puede escribirse sobre la anterior: elige otra carpeta.")
    if N.ocupada(carpeta) and not sobrescribir:
        fallar_uso(f"la carpeta {carpeta} ya tiene archivos; para reemplazar los de la Ruta usa --sobrescribir.")

    _en_una_linea(nombre=nombre, turno=turno, zona=zona, sector=sector)
    escuela = _escuela(N, anterior, dict(nombre=nombre, cct=cct, nivel=nivel, turno=turno, zona=zona,
                                         sector=sector))
    lugar = _de_la_carpeta(N, carpeta, cct, ciclo, ciclos, anterior)
    if lugar is not None:
        escuela.cct, ciclo, ciclos = lugar.cct, lugar.ciclo, ciclos or lugar.ciclos
    ultimo = anterior.ultimo_ciclo if anterior is not None else None
    sugerido = N.ciclo_siguiente(ultimo) if ultimo else N.ciclo_de(hoy)
    de_anterior = anterior.marco if anterior is not None and anterior.marco else None

    try:
        if sin_preguntas or not _hay_terminal():
            escuela, ciclo, marco = _sin_preguntas(N, escuela, ciclo, marco, carpeta, de_anterior, sin_preguntas,
                                                   ciclos)
        else:
            if lugar is not None:
                typer.echo(f"De la carpeta: CCT {lugar.cct}, {_texto_ciclo(lugar)}.")
            escuela, ciclo, marco = _preguntando(N, escuela, ciclo, sugerido, marco, carpeta, de_anterior, ciclos)
    except Abort:
        typer.echo("\nCancelado: no se creó ninguna Ruta.", err=True)
        raise typer.Exit(130) from None
    try:
        N.revisar_tramo(lugar, marco, carpeta.parent)
    except N.ContradiceLaCarpeta as exc:
        fallar_uso(str(exc))
    escuela.entidad = escuela.entidad or N.entidad_de_cct(escuela.cct)

    pedido = N.Pedido(escuela=escuela, ciclo=ciclo, marco=marco, anterior=anterior, ciclos=ciclos)
    try:
        N.crear(pedido, carpeta, sobrescribir=sobrescribir)
    except (N.NuevaInvalida, N.FallaDeEscritura) as exc:  # uso o escritura: salida 2
        fallar_uso(str(exc))
    typer.echo(_resumen(N, pedido, carpeta))


def _hay_terminal() -> bool:
    """¿Hay alguien a quien preguntar? Solo si la entrada es una terminal: con la entrada de un
    archivo o de ``/dev/null`` (un script, CI) lo que falta es un error de uso, no una espera."""
    import sys

    return sys.stdin is not None and sys.stdin.isatty()


def _de_la_carpeta(N, carpeta: Path, cct, ciclo, ciclos, anterior):
    """La CCT y el ciclo de ``escuelas/<CCT>/<ciclo>/``; sale con 2 si algo los contradice."""
    try:
        lugar = N.de_la_carpeta(carpeta)
        if lugar is not None:
            de_antes = anterior.escuela.cct if anterior is not None else None
            N.revisar_contra_la_carpeta(carpeta, lugar, cct, ciclo, ciclos, de_antes)
    except N.ContradiceLaCarpeta as exc:
        fallar_uso(str(exc))
    return lugar


def _texto_ciclo(lugar) -> str:
    if lugar.ciclos:
        ultimo = int(lugar.ciclo[:4]) + lugar.ciclos - 1
        return f"ciclos {lugar.ciclo} a {ultimo}-{ultimo + 1}"
    return f"ciclo {lugar.ciclo}"


def _en_una_linea(**opciones) -> None:
    """Un dato de la escuela va en una línea de ruta.yaml: un salto de línea o un carácter de
    control lo partiría en otra clave («--nombre $'X\\nmetas: []'» escribía una Ruta que no pasa
    ``ruta validar``)."""
    from rutamejora.nucleo import primer_control

    for opcion, valor in opciones.items():
        # También los separadores de línea y de párrafo de Unicode (Mayús+Enter en Word).
        if valor and (any(c in valor for c in "\n\t\u2028\u2029") or primer_control(valor)):
            fallar_uso(f"--{opcion} va en una sola línea, sin saltos de línea, tabuladores ni "
                       "caracteres de control.")


def _escuela(N, anterior, dadas: dict):
    """La escuela de la Ruta anterior (si la hay) con lo que se dio en las opciones encima."""
    base = anterior.escuela if anterior is not None else N.Escuela()
    escuela = N.Escuela(**{**vars(base), **{k: v for k, v in dadas.items() if v is not None}})
    if dadas["cct"] is not None:
        escuela.entidad = None  # la de la CCT nueva
    return escuela


def _sin_preguntas(N, escuela, ciclo, marco, carpeta, de_anterior, pedido_sin_preguntas: bool, ciclos):
    """Sin preguntar (``--sin-preguntas`` o sin terminal): lo que falta es un error de uso que
    nombra las opciones; lo que se dio mal, también."""
    if not escuela.nivel and escuela.cct:
        # El nivel sale de la CCT (PR → primaria, JN → preescolar…): una CCT mal escrita se dice
        # primero, con su corrección, y no como «hay que dar --nivel».
        escuela.nivel = N.nivel_de_cct(_o_fallar(N.revisar_cct(escuela.cct)))
    faltan = [f"--{n}" for n, v in (("nombre", escuela.nombre), ("cct", escuela.cct),
                                    ("nivel", escuela.nivel), ("ciclo", ciclo)) if not v]
    motivo = ""
    if marco is None and ciclo and N.revisar_ciclo(ciclo).valor:
        marco = N.marco_por_omision(ciclo, carpeta.parent, de_anterior, ciclos)
        if marco is None:
            faltan.append("--marco")
            motivo = f" ({N.por_que_no_hay_marco(ciclo, carpeta.parent, ciclos)})"
    if faltan:
        if pedido_sin_preguntas:
            fallar_uso("con --sin-preguntas hay que dar " + ", ".join(faltan) + motivo
                       + " (o quita --sin-preguntas para que ruta los pregunte).")
        fallar_uso("no hay una terminal para preguntar lo que falta: da " + ", ".join(faltan) + motivo
                   + " (o corre `ruta nueva` en una terminal).")
    for campo, revisar in (("cct", N.revisar_cct), ("turno", N.revisar_turno)):
        valor = getattr(escuela, campo)
        if valor is not None:
            setattr(escuela, campo, _o_fallar(revisar(valor)) or None)
    escuela.nivel = _o_fallar(N.revisar_nivel(escuela.nivel, escuela.cct))
    return escuela, _o_fallar(N.revisar_ciclo(ciclo)), marco


def _o_fallar(revision):
    if revision.valor is None:
        fallar_uso(revision.problema + (f" ¿Quisiste decir {revision.sugerencia}?" if revision.sugerencia else ""))
    return revision.valor


def _preguntando(N, escuela, ciclo, sugerido, marco, carpeta, de_anterior, ciclos):
    """Pregunta lo que falta; lo que se dio mal se corrige aquí mismo, con la corrección ofrecida."""
    if not escuela.nombre:
        escuela.nombre = _preguntar("Nombre oficial de la escuela", _no_vacio)
    escuela.cct = _preguntar("CCT (clave de centro de trabajo, 10 caracteres)", N.revisar_cct,
                             escrito=escuela.cct)
    escuela.nivel = _preguntar("Nivel (preescolar, primaria o secundaria)",
                               lambda t: N.revisar_nivel(t, escuela.cct), escrito=escuela.nivel,
                               sugerencia=N.nivel_de_cct(escuela.cct))
    ciclo = _preguntar("Ciclo escolar (AAAA-AAAA)", N.revisar_ciclo, escrito=ciclo, sugerencia=sugerido)
    marco = _preguntar_marco(N, marco, ciclo, carpeta.parent, de_anterior, ciclos)
    opcional = " (Enter si no aplica)"
    if escuela.turno is None:
        escuela.turno = _preguntar("Turno: " + ", ".join(N.TURNOS) + opcional, N.revisar_turno, sugerencia="")
    else:
        escuela.turno = _preguntar("Turno" + opcional, N.revisar_turno, escrito=escuela.turno)
    if escuela.zona is None:
        escuela.zona = typer.prompt("Zona escolar" + opcional, default="", show_default=False).strip()
    if escuela.sector is None:
        escuela.sector = typer.prompt("Sector" + opcional, default="", show_default=False).strip()
    escuela.turno = escuela.turno or None
    escuela.zona = escuela.zona or None
    escuela.sector = escuela.sector or None
    return escuela, ciclo, marco


def _preguntar_marco(N, marco, ciclo: str, desde: Path, de_anterior, ciclos):
    """El marco: lo dado en --marco (revisado), o preguntado con la lista y, si hay uno solo
    vigente en el ciclo (o el de la Ruta anterior), ese por omisión."""
    def revisar(texto):
        return N.revisar_marco(texto, desde)

    if marco is not None:
        return _preguntar("Marco de planeación", revisar, escrito=marco)
    por_omision = N.marco_por_omision(ciclo, desde, de_anterior, ciclos)
    lista = N.lista_de_marcos(desde)
    ancho = max(len(clave) for clave, _, _ in lista)
    typer.echo("Marcos de planeación:")
    for clave, nombre_, vigencia in lista:
        typer.echo(f"  {clave:<{ancho}}  {nombre_}" + (f" ({vigencia})" if vigencia else ""))
    if por_omision is None:
        typer.echo(f"Elige uno: {N.por_que_no_hay_marco(ciclo, desde, ciclos)}.")
    return _preguntar("Marco de planeación", revisar, sugerencia=por_omision)


def _no_vacio(texto):
    from rutamejora.escritura import Revision

    texto = " ".join((texto or "").split())
    return Revision(texto) if texto else Revision(None, "Escribe el nombre.")


def _preguntar(pregunta: str, revisar, escrito: str | None = None, sugerencia: str | None = None) -> str:
    """Pregunta hasta tener un valor válido. Lo ya escrito (una opción) se revisa primero; si
    está mal, se dice por qué y se ofrece la corrección como respuesta por omisión."""
    while True:
        if escrito is None:
            escrito = typer.prompt(pregunta, default=sugerencia, show_default=bool(sugerencia))
        revision = revisar(escrito)
        if revision.valor is not None:
            return revision.valor
        typer.echo(revision.problema)
        if revision.sugerencia:
            typer.echo(f"¿Quisiste decir {revision.sugerencia}? Pulsa Enter para aceptarlo o escribe otro valor.")
        sugerencia, escrito = revision.sugerencia or sugerencia, None


def _resumen(N, pedido, carpeta: Path) -> str:
    from rutamejora.catalogos import cargar_marco

    e = pedido.escuela
    marco = cargar_marco(pedido.marco, carpeta)
    abarca = N.ciclos_de(pedido, marco) if marco is not None else [pedido.ciclo]
    lineas = [f"Ruta nueva en {carpeta}: {e.nombre} ({e.cct}), {e.nivel}, "
              f"{'ciclo' if len(abarca) == 1 else 'ciclos'} {N.texto_ciclos(abarca)}, marco {pedido.marco}.",
              "  7 archivos (ruta.yaml, diagnostico.yaml, …, bitacora.yaml) y sus esquemas para el "
              f"editor en {carpeta / '.esquemas'}."]
    calendario = N.calendario_para(pedido.ciclo)
    if calendario["estimado"]:
        lineas.append(f"  Calendario {pedido.ciclo} estimado: confírmalo con el calendario oficial (ruta.yaml).")
    a = pedido.anterior
    if a is not None:
        lineas.append(f"  De la Ruta {a.ciclo or 'anterior'}: el colectivo ({_n(len(a.colectivo), 'persona')}), "
                      f"{_n(len(a.lineas_base), 'línea base', 'líneas base')} en indicadores y, para el "
                      f"diagnóstico, {_n(len(a.no_logradas), 'meta no lograda', 'metas no logradas')}, "
                      f"{_n(len(a.sin_medicion), 'sin medir', 'sin medir')} y "
                      f"{_n(len(a.sin_terminar), 'acción sin terminar', 'acciones sin terminar')} "
                      "(comentadas en diagnostico.yaml).")
    mostrar = str(carpeta)
    if any(c.isspace() or c in "'\"$&;()|<>*?" for c in mostrar):
        mostrar = '"' + mostrar.replace('"', '\\"') + '"'
    lineas.append(f"Siguiente paso: el diagnóstico (¿Dónde estamos?). Revisa con `ruta validar {mostrar}`.")
    return "\n".join(lineas)


def _n(cuantos: int, singular: str, plural: str | None = None) -> str:
    return f"{cuantos} {singular if cuantos == 1 else (plural or singular + 's')}"


def registrar(app: typer.Typer) -> None:
    app.command("nueva")(nueva)
