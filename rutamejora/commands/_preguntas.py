"""``ruta bitacora agregar`` sin opciones: pregunta paso a paso, en español.

Cada respuesta se revisa al momento (con «¿quisiste decir …?») y se vuelve a preguntar si no
sirve. Las preguntas van a la salida de errores, para que la salida estándar quede limpia
(``--formato json``). No usa ``typer.confirm``: su «[y/N]» está en inglés.
"""

from __future__ import annotations

from datetime import date

import typer

from rutamejora import escritura as B


def _preguntar(texto: str, leer=None, defecto: str | None = None, opcional: bool = False):
    """Pregunta hasta obtener una respuesta válida (``None`` si es opcional y queda vacía)."""
    while True:
        respuesta = typer.prompt(texto, default=defecto if defecto is not None else "",
                                 show_default=bool(defecto), err=True).strip()
        if not respuesta:
            if opcional:
                return None
            typer.echo("  Escribe una respuesta.", err=True)
            continue
        if leer is None:
            return respuesta
        try:
            return leer(respuesta)
        except B.ValorInvalido as exc:
            for motivo in exc.motivos:
                typer.echo(f"  {motivo.split(': ', 1)[-1]}", err=True)


def _si_o_no(texto: str, defecto: bool = True) -> bool:
    marca = "S/n" if defecto else "s/N"
    while True:
        respuesta = typer.prompt(f"{texto} [{marca}]", default="", show_default=False, err=True)
        respuesta = respuesta.strip().lower()
        if not respuesta:
            return defecto
        if respuesta in ("s", "si", "sí"):
            return True
        if respuesta in ("n", "no"):
            return False
        typer.echo("  Responde s (sí) o n (no).", err=True)


si_o_no = _si_o_no  # también la usa ``ruta sesion``


def _revisada(ruta, armar):
    """Un lector que revisa al momento lo que se responde, como se revisará al guardar
    (``escritura.revisar`` sobre una entrada con solo eso: ``armar(respuesta)``); así un nombre o
    un teléfono se rechaza aquí, con la pregunta de nuevo, y no al final con todo lo respondido."""
    def leer(respuesta):
        pieza = armar(respuesta)
        B.revisar(pieza, ruta)
        motivos = B.revisar_pares(pieza, ruta)
        if motivos:
            raise B.ValorInvalido(motivos)
        return respuesta
    return leer


def _libre(ruta):
    """Un texto libre (acuerdo, evidencia, nota, concepto…), sin datos personales."""
    def armar(texto):
        pieza = B.EntradaNueva(None)
        pieza.nota = texto
        return pieza
    return _revisada(ruta, armar)


def _id(ruta, tipo: str, archivo: str, texto: str) -> str:
    """Pregunta un id: antes lista los que hay con su nombre; una sugerencia se acepta con Enter."""
    _listar(ruta, tipo)
    sugerida: list[str] = []

    def leer(valor: str) -> str:
        motivo = B.revisar_id(ruta, tipo, valor, "", archivo)
        if motivo:
            cercano = motivo.rpartition("¿Quisiste decir ")[2].rstrip("?")
            sugerida[:] = [cercano] if "¿Quisiste decir " in motivo else []
            extra = " (Enter la acepta)" if sugerida else ""
            raise B.ValorInvalido([motivo.lstrip(": ") + extra])
        return valor

    while True:
        try:
            return leer(_preguntar(texto, defecto=sugerida[0] if sugerida else None))
        except B.ValorInvalido as exc:
            typer.echo(f"  {exc.motivos[0]}", err=True)


def _listar(ruta, tipo: str) -> None:
    """«A1  Lectura diaria…»: los ids que hay, con su nombre en una línea y sin datos personales."""
    from rutamejora.privacidad import TERMINAL, detectar, enmascarar
    from rutamejora.reglas import personal_de

    quien = personal_de(ruta)
    for ident, objeto in ruta.por_id(tipo).items():
        nombre = " ".join(str(getattr(objeto, "actividad", None) or getattr(objeto, "descripcion", None)
                              or getattr(objeto, "nombre", None) or "").split())
        nombre = nombre if len(nombre) <= 66 else nombre[:65] + "…"
        hallazgos = detectar(nombre, personal=quien)
        typer.echo(f"    {ident:<5} {enmascarar(nombre, hallazgos, TERMINAL) if hallazgos else nombre}",
                   err=True)


def _accion(ruta) -> B.RegistroNuevo:
    """Un registro de acción; si junto no sirve («realizada» con 50 %), se pregunta otra vez."""
    while True:
        registro = _registro(ruta)
        try:
            _revisada(ruta, lambda r: _con(acciones=[r]))(registro)
            return registro
        except B.ValorInvalido as exc:
            for motivo in exc.motivos:
                typer.echo(f"  {motivo.split(': ', 1)[-1]}", err=True)
            typer.echo("  Escribe de nuevo el registro de esta acción.", err=True)


def _con(**listas) -> B.EntradaNueva:
    pieza = B.EntradaNueva(None)
    for clave, valor in listas.items():
        setattr(pieza, clave, valor)
    return pieza


def _registro(ruta) -> B.RegistroNuevo:
    accion = _id(ruta, "accion", "acciones.yaml", "  Id de la acción")
    estado = _preguntar(f"  Estado ({B.NOMBRES_ESTADO})", B.leer_estado)
    avance = _preguntar("  Avance 0-100 (vacío: sin dato)", lambda t: B.leer_entero(t, "--avance", 0, 100),
                        opcional=True)
    evidencias = []
    while True:
        evidencia = _preguntar("  Evidencia (vacío para terminar)", _libre(ruta), opcional=True)
        if evidencia is None:
            break
        evidencias.append(evidencia)
    gasto = _preguntar("  Gasto en pesos (vacío: ninguno)", B.leer_dinero, opcional=True)
    comprobante = _preguntar("  Comprobante del gasto", _libre(ruta), opcional=True) if gasto else None
    inicio = fin = None
    if estado == "reprogramada":
        while inicio is None and fin is None:
            inicio = _preguntar("  Nueva fecha de inicio (vacío: la misma)",
                                lambda t: B.leer_fecha(t, "--nuevo-inicio"), opcional=True)
            fin = _preguntar("  Nueva fecha de término (vacío: la misma)",
                             lambda t: B.leer_fecha(t, "--nuevo-fin"), opcional=True)
            if inicio is None and fin is None:
                typer.echo("  Una acción reprogramada necesita al menos una fecha nueva.", err=True)
    nota = _preguntar("  Nota (vacío: ninguna)", _libre(ruta), opcional=True)
    return B.RegistroNuevo(accion, estado, avance, evidencias, gasto, comprobante, nota, inicio, fin)


def _medicion(ruta) -> B.MedicionNueva:
    meta = _id(ruta, "meta", "metas.yaml", "  Id de la meta")
    valor = _preguntar("  Valor medido", B.leer_numero)
    fuente = _preguntar("  Fuente del dato (vacío: ninguna)", _libre(ruta), opcional=True)
    return B.MedicionNueva(meta, valor, fuente)


def _ingreso(ruta) -> B.IngresoNuevo:
    fuente = _id(ruta, "fuente", "ruta.yaml", "  Id de la fuente")
    monto = _preguntar("  Monto recibido, en pesos", lambda t: B.leer_dinero(t, "monto"))
    concepto = _preguntar("  Concepto (vacío: ninguno)", _libre(ruta), opcional=True)
    return B.IngresoNuevo(fuente, monto, concepto)


def _anexos(ruta) -> dict:
    """Los anexos del marco cuyos rasgos valora el CTE (rme-2014), por clave; los del nivel de la
    escuela, si el marco lo dice."""
    anexos = {a.get("clave"): a for a in ruta.marco.valores("anexos")} if ruta.marco is not None else {}
    nivel = ruta.escuela.nivel if ruta.escuela is not None else None
    del_nivel = {c: a for c, a in anexos.items() if nivel in (a.get("niveles") or [nivel])}
    return del_nivel or anexos


def _una_de(texto: str, claves: list[str], que: str) -> str:
    """Pregunta una de ``claves`` (sin importar mayúsculas); si la respuesta se parece a una,
    «¿Quisiste decir …? (Enter la acepta)», como con los ids."""
    from rutamejora.formato import sugerir

    sugerida = None
    while True:
        respuesta = _preguntar(texto, defecto=sugerida)
        igual = next((c for c in claves if c.lower() == respuesta.strip().lower()), None)
        if igual is not None:
            return igual
        sugerida = sugerir(respuesta, claves)
        pista = (f" ¿Quisiste decir {sugerida}? (Enter la acepta)" if sugerida
                 else f" (son {', '.join(claves)}).")
        typer.echo(f"  «{respuesta}» no es {que}{'.' if sugerida else ''}{pista}", err=True)


def _corto(texto) -> str:
    texto = " ".join(str(texto or "").split())
    return texto if len(texto) <= 66 else texto[:65] + "…"


def _rasgo(ruta) -> B.RasgoNuevo:
    """Un rasgo de un anexo y su valoración (``--rasgo ANEXO/RASGO=VALORACION:COMENTARIO``): se
    listan los anexos y los rasgos del elegido con su texto (del marco: no tienen datos personales)."""
    anexos = _anexos(ruta)
    for clave, anexo in anexos.items():
        typer.echo(f"    {clave:<24} {_corto(anexo.get('titulo'))}", err=True)
    anexo = _una_de("  Anexo", list(anexos), "un anexo")
    rasgos = {str(x.get("clave")): x.get("texto") for x in anexos[anexo].get("rasgos") or []}
    for clave, texto in rasgos.items():
        typer.echo(f"    {clave:<3} {_corto(texto)}", err=True)
    rasgo = _una_de("  Rasgo", list(rasgos), f"un rasgo del anexo {anexo}")
    claves = [str(v.get("clave")) for v in ruta.marco.valores("valoraciones")]
    valoracion = _una_de(f"  Valoración ({', '.join(claves)})", claves, "una valoración")
    comentario = _preguntar("  Comentario (vacío: ninguno)", _libre(ruta), opcional=True)
    return B.RasgoNuevo(anexo, rasgo, valoracion, comentario)


def _la_que_toca(ruta) -> date:
    """La fecha que se propone: hoy si hay sesión hoy; si no, la de la sesión que toca (la
    siguiente a la última registrada); sin ella, hoy si cae en el ciclo, o su último día."""
    hoy = date.today()
    cal = ruta.calendario
    if cal is None or hoy in cal.sesiones:
        return hoy
    try:
        return B.sesion_que_toca(ruta)[1]
    except B.SinSesion:
        return hoy if cal.contiene(hoy) else cal.fin


OPCIONES = ("1  avance de una acción", "2  medición de una meta", "3  acuerdo", "4  ajuste",
            "5  nota de la entrada", "6  ingreso (dinero recibido de una fuente)",
            "7  valoración de un rasgo de los anexos", "0  terminar")


def _opciones(ruta) -> tuple[str, ...]:
    """Lo que se puede registrar en esta Ruta: ingresos si tiene fuentes; rasgos si su marco
    tiene anexos."""
    sin = set()
    if not ruta.por_id("fuente"):
        sin.add("6")
    if not _anexos(ruta):
        sin.add("7")
    return tuple(o for o in OPCIONES if o.split()[0] not in sin)


def preguntar_entrada(ruta, fecha: str | None, sesion: str | None) -> B.EntradaNueva | None:
    """Arma la entrada preguntando. ``None`` si al final no se quiere guardar."""
    from rutamejora import escritura

    nombre = ruta.escuela.nombre if ruta.escuela is not None and ruta.escuela.nombre else "La escuela"
    typer.echo(f"{nombre}, ciclo {ruta.ciclo or '?'}", err=True)
    typer.echo("Nueva entrada de la bitácora (Ctrl+C sale sin guardar nada).", err=True)
    numero = B.leer_entero(sesion, "--sesion", 1) if sesion is not None else None
    de_la_sesion = B.fecha_de_sesion(ruta, numero) if numero is not None else None
    sugerida = fecha or (de_la_sesion or _la_que_toca(ruta)).isoformat()

    def leer_fecha(texto: str) -> date:
        dia = B.leer_fecha(texto)
        motivo = B.fuera_del_ciclo(ruta, dia, "--fecha")
        if motivo:
            raise B.ValorInvalido([motivo])
        return dia

    dia = _preguntar("Fecha (AAAA-MM-DD)", leer_fecha, defecto=sugerida)
    if numero is None:
        sesiones = ruta.calendario.sesiones if ruta.calendario is not None else []
        de_ese_dia = next((n for n, d in enumerate(sesiones, 1) if d == dia), None)
        total = len(sesiones) or 8
        numero = _preguntar(f"Número de sesión del CTE (1 a {total}; vacío si no es de una sesión)",
                            lambda t: B.leer_entero(t, "--sesion", 1, total),
                            defecto=str(de_ese_dia) if de_ese_dia else None, opcional=True)
    entrada = B.EntradaNueva(dia, numero)
    opciones = _opciones(ruta)
    typer.echo("Qué se puede registrar:\n" + "\n".join(f"  {o}" for o in opciones), err=True)
    while True:
        opcion = _preguntar("Opción (0 para terminar)", defecto="0")
        if opcion == "0":
            break
        if opcion not in [o.split()[0] for o in opciones]:
            typer.echo("  Elige un número de la lista: " + ", ".join(o.split()[0] for o in opciones) + ".",
                       err=True)
        elif opcion == "1":
            entrada.acciones.append(_accion(ruta))
        elif opcion == "2":
            entrada.mediciones.append(_medicion(ruta))
        elif opcion == "3":
            entrada.acuerdos.append(_preguntar("  Acuerdo", _libre(ruta)))
        elif opcion == "4":
            ajuste = _preguntar("  Ajuste (qué se ajustó y por qué)", _libre(ruta))
            entrada.ajustes.append(B.AjusteNuevo(ajuste))
        elif opcion == "5":
            entrada.nota = _preguntar("  Nota", _libre(ruta))
        elif opcion == "6":
            entrada.ingresos.append(_ingreso(ruta))
        else:
            entrada.rasgos.append(_rasgo(ruta))
    if entrada.vacia:
        return None
    typer.echo("\nSe va a agregar a bitacora.yaml:\n", err=True)
    typer.echo(escritura.vista_previa(entrada.datos()), err=True)
    return entrada if _si_o_no("¿Guardar?") else None
