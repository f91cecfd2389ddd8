"""Las vistas de seguimiento en la terminal (Rich): resumen, avance, pendientes y calendario.

Solo muestran lo que calcula ``vistas``: aquí no se suma ni se decide ningún estado. Cada
función recibe la ``Ruta`` ya validada, "hoy" y una consola (``consola.consola()``) y escribe
en ella. Todo cabe en 80 columnas: los textos largos se cortan con «…» en vez de partir las
líneas, para que en el proyector cada cosa ocupe su renglón.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rich import box
from rich.console import Group
from rich.table import Table
from rich.text import Text
from rich.tree import Tree

from rutamejora.formato.modelo import marco_de
from rutamejora.nucleo.textos import mayuscula
from rutamejora.vistas.estados import (EN_CAMINO, EN_RIESGO, LOGRADA, NO_LOGRADA, SIN_DATOS, TOLERANCIA,
                                       avance_de_metas)
from rutamejora.vistas.formas import MESES, dia_semana, fecha_corta, fecha_larga, numero, pesos, porcentaje
from rutamejora.vistas.lista_pendientes import TIPOS_PENDIENTE
from rutamejora.vistas.vista_resumen import resumen

# Estilos por estado (sin color, con NO_COLOR, se leen igual: el estado siempre va escrito).
ESTILO_META = {LOGRADA: "green", EN_CAMINO: "cyan", EN_RIESGO: "yellow",
               NO_LOGRADA: "red", SIN_DATOS: "dim"}
ESTILO_ACCION = {"realizada": "green", "en_curso": "cyan", "pendiente": "", "reprogramada": "yellow",
                 "cancelada": "dim", None: "dim"}
PLURAL_META = {LOGRADA: ("lograda", "logradas"), EN_CAMINO: ("en camino", "en camino"),
               EN_RIESGO: ("en riesgo", "en riesgo"), NO_LOGRADA: ("no lograda", "no logradas"),
               SIN_DATOS: ("sin datos", "sin datos")}
PLURAL_ACCION = {"realizada": ("realizada", "realizadas"), "en_curso": ("en curso", "en curso"),
                 "pendiente": ("pendiente", "pendientes"),
                 "reprogramada": ("reprogramada", "reprogramadas"),
                 "cancelada": ("cancelada", "canceladas"), "sin_registro": ("sin registro", "sin registro")}
LLENO, VACIO = "█", "░"


def _plural(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def _linea(*partes, estilo: str = "") -> Text:
    """Un renglón que no se parte: lo que no cabe se corta con «…»."""
    texto = Text(no_wrap=True, overflow="ellipsis", style=estilo)
    for parte in partes:
        if isinstance(parte, tuple):
            texto.append(*parte)
        else:
            texto.append(parte)
    return texto


def _fila(clave: Text, texto: Text, estado: Text | None = None, ancho_clave: int = 3) -> Table:
    """Un renglón a todo lo ancho: la clave, el texto (cortado con «…») y el estado a la derecha."""
    tabla = Table.grid(expand=True, padding=(0, 1))
    tabla.add_column(no_wrap=True, min_width=ancho_clave)
    tabla.add_column(no_wrap=True, overflow="ellipsis", ratio=1)
    celdas = [clave, texto]
    if estado is not None:
        tabla.add_column(no_wrap=True, justify="right")
        celdas.append(estado)
    tabla.add_row(*celdas)
    return tabla


# --- Encabezado -------------------------------------------------------------------------------


def encabezado(ruta, titulo: str, subtitulo: str = "") -> Group:
    """La escuela, su CCT, el ciclo y el marco; después, el título de la vista (con su fecha)."""
    escuela = ruta.escuela
    lineas = []
    if escuela is not None:
        lineas.append(_linea((escuela.nombre or "(escuela sin nombre)", "bold")))
        datos = [f"CCT {escuela.cct}" if escuela.cct else "CCT sin escribir"]
        nivel = escuela.nivel or ""
        if escuela.turno:
            nivel += f", turno {escuela.turno.replace('_', ' ')}"
        if nivel:
            datos.append(nivel)
        lugar = ", ".join(x for x in (escuela.municipio, escuela.entidad) if x)
        if lugar:
            datos.append(lugar)
        lineas.append(_linea(" · ".join(datos)))
    marco = ruta.marco
    ciclo = f"Ciclo {ruta.ciclo}" if ruta.ciclo else "Ciclo sin escribir"
    marco_texto = f"marco {marco.clave} ({marco.nombre})" if marco is not None else "marco desconocido"
    lineas += [_linea(f"{ciclo} · {marco_texto}", estilo="dim"), Text(""), _linea((titulo, "bold"))]
    if subtitulo:
        lineas.append(_linea(subtitulo, estilo="dim"))
    return Group(*lineas)


# --- ruta resumen -----------------------------------------------------------------------------


def ciclo_terminado(ruta, termino) -> str:
    """«El ciclo 2025-2026 terminó el 15 de julio de 2026.» (el último día de clases), o nada si
    no ha terminado; «(fecha estimada)» si el catálogo aún no tiene el calendario oficial."""
    if termino is None:
        return ""
    estimado = " (fecha estimada)" if ruta.calendario is not None and ruta.calendario.estimado else ""
    return f"El ciclo {ruta.ciclo} terminó el {fecha_larga(termino)}{estimado}."


def _estado_accion(s) -> Text:
    texto = s.nombre_estado + (f" {s.avance} %" if s.avance is not None and s.estado != "cancelada" else "")
    if s.vencida:
        return Text(f"{texto}, vencida", style="red")
    return Text(texto, style=ESTILO_ACCION.get(s.estado, ""))


def _estado_meta(av) -> Text:
    return Text(av.nombre_estado, style=ESTILO_META[av.estado])


def _nombre_prioridad(ruta, clave: str | None) -> str:
    if ruta.marco is not None and clave:
        for valor in ruta.marco.valores("agrupacion"):
            if valor.get("clave") == clave:
                return str(valor.get("nombre") or clave)
    return clave or ""


def _arbol(ruta, res) -> Tree:
    marco = marco_de(ruta)
    arbol = Tree(Text(f"{mayuscula(marco.plural)} → objetivos → metas → acciones", style="bold"),
                 guide_style="dim")
    for p, objetivos in res.prioridades:
        nombre = _nombre_prioridad(ruta, p.prioridad)  # vacío si el marco no da valores (PMC)
        texto = _linea((nombre, "bold"), f": {p.descripcion or ''}") if nombre else \
            _linea(p.descripcion or "")
        nodo_p = arbol.add(_fila(Text(p.id or "", style="bold"), texto))
        for o, metas in objetivos:
            nodo_o = nodo_p.add(_fila(Text(o.id or ""), _linea(o.que or "")))
            for av, acciones in metas:
                nodo_m = nodo_o.add(_fila(Text(av.meta.id or ""), _linea(av.meta.descripcion or ""),
                                          _estado_meta(av)))
                for s in acciones:
                    otras = [m for m in s.accion.metas or [] if m != av.meta.id]
                    extra = f" (también {', '.join(otras)})" if otras else ""
                    nodo_m.add(_fila(Text(s.accion.id or ""), _linea(s.accion.actividad or "", (extra, "dim")),
                                     _estado_accion(s)))
    if not res.prioridades:
        arbol.add(Text(_vacio(ruta, "prioridades.yaml", f"Aún no hay {marco.plural}: se escriben en "
                                                          "prioridades.yaml."), style="dim"))
    if res.sin_meta:
        nodo = arbol.add(Text("Acciones sin meta", style="bold"))
        for s in res.sin_meta:
            nodo.add(_fila(Text(s.accion.id or ""), _linea(s.accion.actividad or ""), _estado_accion(s)))
    return arbol


def _conteos(ruta, res) -> Group:
    total = _linea(" · ".join([
        _plural(len(ruta.prioridades), marco_de(ruta).singular, marco_de(ruta).plural),
        _plural(len(ruta.objetivos), "objetivo", "objetivos"),
        _plural(len(res.avances), "meta", "metas"),
        _plural(len(res.situaciones), "acción", "acciones")]), estilo="bold")
    metas = res.metas_por_estado()
    acciones = res.acciones_por_estado()
    linea_metas = Text("Metas: ")
    _enumerar(linea_metas, [(metas[e], PLURAL_META[e], ESTILO_META[e]) for e in PLURAL_META if e in metas])
    linea_acciones = Text("Acciones: ")
    _enumerar(linea_acciones, [(acciones[e], PLURAL_ACCION[e], ESTILO_ACCION.get(e if e != "sin_registro" else None, ""))
                               for e in PLURAL_ACCION if e in acciones])
    return Group(total, linea_metas, linea_acciones)


def _enumerar(texto: Text, partes) -> None:
    for i, (n, (singular, plural), estilo) in enumerate(partes):
        if i:
            texto.append(" · ")
        texto.append(_plural(n, singular, plural), style=estilo)
    if not partes:
        texto.append("ninguna")


def tabla_dinero(lineas) -> Table:
    tabla = Table(box=box.HORIZONTALS, expand=True, show_edge=False, padding=(0, 1))
    tabla.add_column("Fuente", ratio=1, no_wrap=True, overflow="ellipsis")
    for nombre in ("Previsto", "Recibido", "Planeado", "Ejercido", "Saldo"):
        tabla.add_column(nombre, justify="right", no_wrap=True)
    for i, l in enumerate(lineas):
        es_total = i == len(lineas) - 1
        fuente = f"{l.fuente.id} {l.nombre}" if l.fuente is not None else l.nombre
        saldo = Text(pesos(l.saldo), style="red" if l.saldo < 0 else "")
        tabla.add_row(fuente, pesos(l.previsto), pesos(l.recibido), pesos(l.planeado),
                      pesos(l.ejercido), saldo, style="bold" if es_total else "",
                      end_section=i == len(lineas) - 2)
    return tabla


def _cabe_la_fuente(lineas, ancho: int) -> bool:
    """¿Caben los nombres de las fuentes en su columna? (si no, se listan completos abajo)."""
    columnas = [max(len(pesos(getattr(l, campo))) for l in lineas) + 2
                for campo in ("previsto", "recibido", "planeado", "ejercido", "saldo")]
    libre = ancho - sum(columnas) - 2
    return all(len(f"{l.fuente.id} {l.nombre}") <= libre for l in lineas if l.fuente is not None)


def mostrar_resumen(ruta, hoy: date, con) -> None:
    res = resumen(ruta, hoy)
    con.print(encabezado(ruta, f"Resumen de la Ruta al {fecha_larga(hoy)}",
                         ciclo_terminado(ruta, res.termino)))
    con.print()
    con.print(_conteos(ruta, res))
    con.print()
    con.print(_arbol(ruta, res))
    con.print()
    con.print(Text("Dinero (pesos)", style="bold"))
    con.print(tabla_dinero(res.dinero))
    if not _cabe_la_fuente(res.dinero, con.width):
        for l in res.dinero:
            if l.fuente is not None:
                con.print(_fila(Text(l.fuente.id or "", style="dim"), _linea(l.nombre, estilo="dim")))
    con.print(_linea("Saldo = lo recibido − lo ejercido (una fuente sin ingresos recibió $0)."
                     if res.dinero[-1].con_ingresos else
                     "Saldo = lo previsto − lo ejercido: aún no se registra ningún ingreso.", estilo="dim"))


# --- ruta avance ------------------------------------------------------------------------------

UNIDADES = {"porcentaje": " %", "alumnos": " alumnos", "promedio": "", "nivel": "", "numero": ""}


def _valor(valor: Decimal | None, unidad: str | None) -> str:
    return "—" if valor is None else numero(valor) + UNIDADES.get(unidad or "", "")


def barra(parte: Decimal | None, ancho: int, estilo: str = "") -> Text:
    """Una barra de ``ancho`` caracteres: llena según ``parte`` (0 a 1; se recorta a ese rango)."""
    if parte is None:
        return Text(VACIO * ancho, style="dim")
    llenos = int((max(Decimal(0), min(Decimal(1), parte)) * ancho).to_integral_value())
    if parte < 1:
        llenos = min(llenos, ancho - 1)  # una barra llena dice «completo»: solo con 1 o más
    texto = Text(LLENO * llenos, style=estilo)
    texto.append(VACIO * (ancho - llenos), style="dim")
    return texto


def _bloque_meta(av, ancho: int) -> Group:
    m = av.meta
    unidad = m.indicador.unidad if m.indicador is not None else None
    nombre = m.indicador.nombre if m.indicador is not None and m.indicador.nombre else (m.descripcion or "")
    titulo = _fila(Text(m.id or "", style="bold"), _linea(nombre), _estado_meta(av))
    ultimo = _valor(av.ultimo, None)
    if av.fecha_ultimo is not None:
        ultimo += f" ({fecha_corta(av.fecha_ultimo)})"
    limite = f", para el {fecha_corta(m.fecha_limite)}" if m.fecha_limite else ""
    camino = _linea("    línea base ", _valor(av.linea_base, None), " → ", (ultimo, "bold"), " → meta ",
                    _valor(av.valor_meta, unidad), (limite, "dim"))
    recorrido = "—" if av.recorrido is None else porcentaje(av.recorrido)
    tiempo = "—" if av.tiempo is None else porcentaje(av.tiempo)
    leyenda = f" {recorrido:>6} del camino · {tiempo:>5} del tiempo"
    largo = max(10, min(40, ancho - 4 - len(leyenda)))
    linea_barra = Text("    ")
    linea_barra.append_text(barra(av.recorrido, largo, ESTILO_META[av.estado]))
    linea_barra.append(leyenda)
    return Group(titulo, camino, linea_barra)


def _vacio(ruta, archivo: str, nada: str) -> str:
    """Lo que se dice cuando una parte no tiene nada: que aún no hay, o que su archivo existe y
    no se pudo leer (sus errores van en stderr; decir «aún no hay» sería falso)."""
    if archivo in ruta.documentos and archivo not in ruta.legibles:
        return f"{archivo} tiene errores que impiden leerlo: corrígelos (`ruta validar`) para verlo aquí."
    return nada


def mostrar_avance(ruta, hoy: date, con) -> None:
    avances = avance_de_metas(ruta, hoy)
    con.print(encabezado(ruta, f"Avance de las metas al {fecha_larga(hoy)}"))
    con.print()
    if not avances:
        con.print(Text(_vacio(ruta, "metas.yaml", "Aún no hay metas: se escriben en metas.yaml."),
                       style="dim"))
        return
    for av in avances:
        con.print(_bloque_meta(av, con.width))
        con.print()
    cuenta = {}
    for av in avances:
        cuenta[av.estado] = cuenta.get(av.estado, 0) + 1
    resumen = Text(_plural(len(avances), "meta", "metas") + ": ", style="bold")
    _enumerar(resumen, [(cuenta[e], PLURAL_META[e], ESTILO_META[e]) for e in PLURAL_META if e in cuenta])
    con.print(resumen)
    con.print(Text(f"En camino: lo recorrido del camino es al menos el {porcentaje(TOLERANCIA)} de lo "
                   "transcurrido del tiempo (del inicio de clases a la fecha límite). "
                   "Regla completa: `ruta ayuda vistas`.", style="dim"))


# --- ruta pendientes --------------------------------------------------------------------------


def _sesion(n_d) -> str:
    n, d = n_d
    return f"la sesión {n} ({fecha_corta(d)})"


def titulo_pendientes(p) -> str:
    if p.hasta_sesion is not None:
        n, d = p.hasta_sesion
        proxima = p.proxima is not None and p.proxima[0] == n
        que = "para" if proxima else "hasta"
        return f"Pendientes {que} la sesión {n} del CTE ({dia_semana(d)} {fecha_larga(d)})"
    if p.terminaron is not None:  # «hasta el fin de clases (30 de noviembre)» sería falso
        return f"Pendientes al cierre del ciclo (las clases terminaron el {fecha_larga(p.terminaron)})"
    return f"Pendientes hasta el fin de clases ({fecha_larga(p.hasta)})"


def titulo_grupo(p, tipo: str, n: int) -> str:
    hasta = (f"la sesión {p.hasta_sesion[0]}" if p.hasta_sesion is not None
             else f"el {fecha_corta(p.hasta)}")
    anterior = _sesion(p.anterior) if p.anterior is not None else ""
    return TIPOS_PENDIENTE[tipo][1].format(hasta=hasta, anterior=anterior) + f" — {n}"


ESTILO_PENDIENTE = {"error": "red", "accion_vencida": "red", "meta_vencida": "red",
                    "accion_por_vencer": "yellow", "meta_por_vencer": "yellow", "aviso": "yellow"}


def mostrar_pendientes(ruta, p, con) -> None:
    subtitulo = f"Al {fecha_larga(p.hoy)}"
    if p.anterior is not None:
        subtitulo += f" · última sesión: la {p.anterior[0]} ({fecha_corta(p.anterior[1])})"
    con.print(encabezado(ruta, titulo_pendientes(p), subtitulo))
    if p.hasta_sesion is None:
        con.print(_linea("Ya no quedan sesiones ordinarias en el ciclo.", estilo="dim"))
    con.print()
    grupos = p.grupos()
    if not grupos:
        con.print(Text("Nada pendiente: todo lo que vence está registrado y las metas tienen datos.",
                       style="green"))
        return
    for tipo, lista in grupos:
        con.print(Text(titulo_grupo(p, tipo, len(lista)), style="bold " + ESTILO_PENDIENTE.get(tipo, "")))
        for item in lista:
            con.print(_fila(Text(item.id, style=ESTILO_PENDIENTE.get(tipo, "")), _linea(item.texto),
                            ancho_clave=5 if tipo in ("error", "aviso") else 3))
            sangria = " " * (6 if tipo in ("error", "aviso") else 4)
            con.print(_linea(sangria, item.detalle, estilo="dim"))
        con.print()
    total = len(p.pendientes)
    con.print(Text(_plural(total, "pendiente", "pendientes") + ", de lo más urgente a lo menos.", style="bold"))


# --- ruta calendario --------------------------------------------------------------------------


def _rango(inicio: date, fin: date) -> str:
    if inicio == fin:
        return fecha_corta(inicio)
    if (inicio.year, inicio.month) == (fin.year, fin.month):
        return f"{inicio.day}–{fecha_corta(fin)}"
    if inicio.year == fin.year:
        return f"{inicio.day} {MESES[inicio.month - 1][:3]} – {fecha_corta(fin)}"
    return f"{fecha_corta(inicio)} – {fecha_corta(fin)}"


def _rango_corto(inicio: date, fin: date) -> str:
    """«8 sep – 3 jul»: dentro del calendario el año sobra."""
    a = f"{inicio.day} {MESES[inicio.month - 1][:3]}"
    b = f"{fin.day} {MESES[fin.month - 1][:3]}"
    return a if inicio == fin else f"{a} – {b}"


def _marca_estado(s) -> tuple[str, str]:
    if s.estado == "cancelada":
        return " cancelada", "dim"
    if s.estado == "realizada":
        return " realizada", "green"
    if s.vencida:
        return " vencida", "red"
    return "", ""


def _mes(m, hoy: date) -> Table:
    tabla = Table.grid(padding=(0, 1), expand=True)
    tabla.add_column(no_wrap=True, min_width=10)
    tabla.add_column(ratio=1)
    filas = []
    for e in m.eventos:
        dia = f"{dia_semana(e.fecha)} {e.fecha.day}"
        if e.fin is not None and e.fin != e.fecha:
            dia = f"{e.fecha.day}–{e.fin.day}"
        estilo = "bold" if e.tipo == "sesion" else ""
        nota = {True: ("  registrada", "green"), False: ("  sin registro en la bitácora", "yellow")}.get(
            e.registrada, ("", ""))
        filas.append((e.fecha, Text(dia, style=estilo), _linea((e.descripcion, estilo), nota)))
    for nombre, inicio, fin in m.recesos:
        filas.append((inicio, Text("receso", style="magenta"),
                      _linea((f"{nombre} ({_rango_corto(inicio, fin)})", "magenta"))))
    for _, dia, texto in sorted(filas, key=lambda f: f[0]):
        tabla.add_row(dia, texto)
    inician = [a for a in m.acciones if a.inicia]
    terminan = [a for a in m.acciones if a.termina and not a.inicia]
    siguen = [a for a in m.acciones if not a.inicia and not a.termina]
    for etiqueta, lista in (("inician", inician), ("terminan", terminan)):
        for i, a in enumerate(lista):
            s = a.situacion
            tramo = a.tramos[0]
            fechas = _rango_corto(tramo[0], tramo[1]) if a.inicia else f"hasta el {tramo[1].day}"
            marca, estilo = _marca_estado(s)
            celda = _fila(Text(s.accion.id or ""), _linea(s.accion.actividad or ""),
                          _linea(fechas, (marca, estilo), estilo="dim"))
            tabla.add_row(Text(etiqueta if i == 0 else "", style="dim"), celda)
    if siguen:
        texto = Text()
        for i, a in enumerate(siguen):
            if i:
                texto.append(" ")
            marca, estilo = _marca_estado(a.situacion)
            texto.append(a.situacion.accion.id or "", style=estilo)
        tabla.add_row(Text("continúan", style="dim"), texto)
    if not m.eventos and not m.recesos and not m.acciones:
        tabla.add_row(Text(""), Text("sin acciones ni sesiones", style="dim"))
    return tabla


def mostrar_calendario(ruta, meses, hoy: date, con) -> None:
    con.print(encabezado(ruta, f"Calendario del ciclo al {fecha_larga(hoy)}"))
    if ruta.calendario is not None and ruta.calendario.estimado:
        con.print(_linea("Calendario estimado: confirma las fechas con el oficial.", estilo="yellow"))
    con.print()
    if not meses:
        con.print(Text("No hay calendario del ciclo ni acciones con fechas.", style="dim"))
        return
    for m in meses:
        titulo = Text(m.nombre.capitalize(), style="bold")
        if m.actual:
            titulo.append("  ◀ hoy", style="bold cyan")
        con.print(titulo)
        con.print(_mes(m, hoy))
        con.print()
    con.print(Text("Inician y terminan: las acciones que empiezan o acaban ese mes (con sus fechas "
                   "vigentes, ya reprogramadas); continúan: las que siguen en marcha.", style="dim"))
