"""De una Ruta leída a las filas de sus tablas: el modelo neutro que comparten los escritores.

``filas_de_ruta`` toma el modelo que arma ``formato`` (y los problemas de ``ruta validar``) y
devuelve ``{tabla: [fila, …]}`` con filas de tuplas de valores simples (texto, entero,
``None``): lo que viaja de un proceso del pool al principal, sin el modelo. Las columnas y sus
tipos están en ``tablas_esquema``.

Nada sale sin pasar por el detector de datos personales (``Limpiador``): cada texto de la Ruta
se enmascara con los marcadores de informe («[nombre]», «[CURP]», «[teléfono]»), como un
informe; un texto que liga un detalle de salud a alumnos sale entero como «[salud]». Las
personas del colectivo no salen por su nombre: las acciones citan su clave y la tabla
``responsables`` dice su función.
"""

from __future__ import annotations

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from rutamejora.formato import costo_total, marco_de, periodos
from rutamejora.nucleo import ERROR, AVISO
from rutamejora.privacidad import INFORME, MENSAJE, NOMBRE, SALUD, buscador_de_nombres, detectar, enmascarar
from rutamejora.reglas import alumnos_nombrados_en, es_comprobante, personal_de, textos_suprimidos
from rutamejora.vistas import avance_meta, situacion_accion
from rutamejora.nucleo.expresiones import compilar

# Un marcador de nombre con iniciales («[nombre: J. P. L.]», el de la terminal) pierde las
# iniciales: una exportación no las lleva, como un informe.
_INICIALES = compilar(r"\[nombre: [^\]]*\]")


class Limpiador:
    """Los textos de una Ruta sin datos personales (el detector con el personal de la Ruta)."""

    def __init__(self, ruta):
        self._personal = personal_de(ruta) if ruta is not None else ()
        self._suprimidos = textos_suprimidos(ruta) if ruta is not None else {}
        # Un alumno nombrado en algún texto de la Ruta se calla en todos.
        self._ya_nombrados = buscador_de_nombres(alumnos_nombrados_en(ruta)) if ruta is not None else None

    def __call__(self, valor, contexto: str | None = None, con_nombre: bool = False):
        """``valor`` como texto sin datos personales (``None`` se queda ``None``).

        ``con_nombre``: el valor es el nombre de la escuela o de un órgano, donde un nombre
        propio es legítimo (como en RM502); una CURP o un teléfono, no."""
        if valor is None:
            return None
        texto = _INICIALES.sub("[nombre]", str(valor))
        hallazgos = detectar(texto, personal=self._personal, contexto=contexto)
        if self._ya_nombrados is not None:
            hallazgos += self._ya_nombrados(texto)
        if con_nombre:
            hallazgos = [h for h in hallazgos if h.clase != NOMBRE]
        permitidas = self._suprimidos.get(" ".join(texto.split()))
        if permitidas:  # solo los datos que calla una supresión en su línea
            hallazgos = [h for h in hallazgos if (h.clase, " ".join(h.texto.split())) not in permitidas]
        if not hallazgos:
            return texto
        if any(h.clase == SALUD for h in hallazgos):
            return "[salud]"
        return enmascarar(texto, hallazgos, INFORME)

    def lista(self, valores, separador: str = ", "):
        """Una lista de textos como un solo texto (``None`` si no hay ninguno)."""
        partes = [self(v) for v in valores or [] if v is not None and str(v).strip()]
        return separador.join(partes) if partes else None

    def libres(self, valores):
        """Una lista de textos libres (recursos, evidencias) como un solo texto, separados por
        «; » (``juntar_libres``); ``None`` si no hay ninguno."""
        partes = [self(v) for v in valores or [] if v is not None and str(v).strip()]
        return juntar_libres(partes) if partes else None


def juntar_libres(textos: list[str]) -> str:
    """Textos libres en una celda, separados por «; »; un «;» de un texto va doble («;;») para que
    vuelvan tal cual al importar el libro (``libro_ruta.partir_libres``)."""
    return "; ".join(t.replace(";", ";;") for t in textos)


def centavos(monto) -> int | None:
    """Pesos (``Decimal``) → centavos enteros, exactos (medio centavo redondea hacia arriba)."""
    if monto is None:
        return None
    return int((Decimal(monto) * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))


def numero(valor) -> str | None:
    """Un valor del indicador como texto decimal exacto: «62.5», «70», «-3»."""
    if valor is None:
        return None
    texto = format(Decimal(valor).normalize(), "f")
    return "0" if texto in ("-0", "") else texto


def fecha(valor) -> str | None:
    return valor.isoformat() if isinstance(valor, date) else None


def fila_de_ruta(clave: str, ruta, problemas: list, limpio: Limpiador) -> tuple:
    """La fila de ``rutas`` de una Ruta leída (la de una ilegible la arma ``fila_ilegible``)."""
    escuela = ruta.escuela
    e = (lambda campo: limpio(getattr(escuela, campo, None))) if escuela is not None \
        else (lambda campo: None)
    errores = sum(1 for p in problemas if p.severidad == ERROR)
    avisos = sum(1 for p in problemas if p.severidad == AVISO)
    nombre = limpio(escuela.nombre, con_nombre=True) if escuela is not None else None
    problema = None if ruta.datos is not None else _primer_error(problemas, limpio)
    marco = limpio(ruta.datos.marco) if ruta.datos is not None else None
    return (clave, e("cct"), nombre, e("nivel"), e("turno"), marco, ruta.ciclo,
            ", ".join(ruta.ciclos) or None, e("zona"), e("sector"), e("entidad"),
            e("municipio"), e("localidad"), e("plan_estudios"), errores, avisos, problema)


def fila_ilegible(clave: str, motivo: str) -> tuple:
    """La fila de ``rutas`` de una Ruta que no se pudo leer: solo su clave y el motivo."""
    return (clave, *([None] * 13), None, None, motivo)


def _primer_error(problemas: list, limpio: Limpiador) -> str:
    error = next((p for p in problemas if p.severidad == ERROR), None)
    if error is None:
        return "No se pudo leer ruta.yaml."
    return limpio(f"{error.archivo}: {error.mensaje}", MENSAJE)


def filas_de_ruta(clave: str, ruta, problemas: list, hoy: date) -> dict[str, list[tuple]]:
    """``{tabla: filas}`` de una Ruta, sin ``metadatos`` (los arma quien exporta).

    Una Ruta cuyo ``ruta.yaml`` no se pudo leer da su fila de ``rutas`` con el problema, sus
    ``problemas`` y nada más: sin marco ni ciclo, lo demás no se puede interpretar.
    """
    limpio = Limpiador(ruta)
    filas = {"rutas": [fila_de_ruta(clave, ruta, problemas, limpio)],
             "problemas": [_problema(clave, p, limpio) for p in problemas]}
    if ruta.datos is None:
        return filas
    filas["prioridades"] = [_prioridad(clave, ruta, p, limpio) for p in ruta.prioridades]
    filas["no_atendidas"] = [(clave, limpio(n.prioridad), limpio(n.motivo)) for n in ruta.no_atendidas]
    filas["objetivos"] = [(clave, limpio(o.id), limpio(o.prioridad), limpio(o.que),
                           limpio(o.para_que)) for o in ruta.objetivos]
    filas["metas"] = [_meta(clave, ruta, m, hoy, limpio) for m in ruta.metas]
    filas["acciones"] = [_accion(clave, ruta, a, hoy, limpio) for a in ruta.acciones]
    filas["acciones_metas"] = [(clave, limpio(a.id), limpio(m)) for a in ruta.acciones
                               for m in a.metas or []]
    filas["responsables"] = _responsables(clave, ruta, limpio)
    # El nombre de una fuente es texto libre («Donativo de la mamá de …»), no un nombre propio.
    filas["fuentes"] = [(clave, limpio(f.id), limpio(f.nombre),
                         centavos(f.monto)) for f in ruta.fuentes]
    filas.update(filas_de_bitacora(clave, ruta, limpio))
    return filas


def _problema(clave: str, p, limpio: Limpiador) -> tuple:
    return (clave, p.codigo, p.severidad, p.archivo, p.linea, p.columna, limpio(p.mensaje, MENSAJE))


def _prioridad(clave: str, ruta, p, limpio: Limpiador) -> tuple:
    return (clave, limpio(p.id), p.orden, limpio(p.prioridad), marco_de(ruta).singular or "prioridad",
            limpio(p.descripcion), limpio.lista(p.ambitos), limpio.lista(p.necesidades))


def _meta(clave: str, ruta, m, hoy: date, limpio: Limpiador) -> tuple:
    indicador = m.indicador
    i = (lambda campo: limpio(getattr(indicador, campo, None))) if indicador is not None \
        else (lambda campo: None)
    avance = avance_meta(ruta, m, hoy) if m.id is not None else None
    return (clave, limpio(m.id), limpio(m.objetivo), limpio(m.descripcion), i("nombre"),
            i("unidad"), i("formula"), i("fuente"), m.sentido, numero(m.linea_base),
            numero(m.valor_meta), fecha(m.fecha_limite), m.ciclo, limpio(m.de_que_manera),
            centavos(m.costo), avance.estado if avance else None,
            numero(avance.ultimo) if avance else None,
            fecha(avance.fecha_ultimo) if avance else None)


def _accion(clave: str, ruta, a, hoy: date, limpio: Limpiador) -> tuple:
    situacion = situacion_accion(ruta, a, hoy) if a.id is not None else None
    tramos = periodos(a)
    varios = ", ".join(f"{i.isoformat()}/{f.isoformat()}" for i, f in tramos) if a.periodos else None
    return (clave, limpio(a.id), limpio.lista(a.metas), limpio(a.actividad), limpio(a.ambito),
            limpio.lista(a.responsables), limpio(a.responsable_seguimiento),
            limpio.libres(a.participantes), limpio.libres(a.recursos),
            centavos(costo_total(a)), limpio(a.fuente),
            fecha(min((i for i, _ in tramos), default=None)),
            fecha(max((f for _, f in tramos), default=None)), varios,
            limpio(a.evidencia_esperada),
            situacion.estado if situacion else None, situacion.avance if situacion else None,
            centavos(situacion.gasto) if situacion else None,
            fecha(situacion.fin) if situacion else None,
            int(situacion.vencida) if situacion else None,
            limpio(a.favorables), limpio(a.obstaculos), limpio(a.atenuacion), _nombres_periodos(a, limpio))


def _nombres_periodos(a, limpio: Limpiador) -> str | None:
    """Los nombres de los periodos que ``periodos`` exporta, alineados con ellos («Corte
    inicial; ; Corte final»); ``None`` si ninguno tiene nombre."""
    nombres = [limpio(p.nombre) or "" for p in a.periodos or [] if p.inicio and p.fin]
    return juntar_libres(nombres) if any(nombres) else None


def _responsables(clave: str, ruta, limpio: Limpiador) -> list[tuple]:
    filas = [(clave, limpio(p.id), "colectivo", p.funcion, limpio(p.grupo)) for p in ruta.colectivo]
    filas += [(clave, limpio(p.id), "comunidad", p.tipo, None) for p in ruta.comunidad]
    return filas


def filas_de_bitacora(clave: str, ruta, limpio: Limpiador) -> dict[str, list[tuple]]:
    """Las tablas de la bitácora: una fila por entrada, por registro de acción, por medición,
    por ingreso, por acuerdo, por ajuste, por rasgo valorado y por balance, numeradas por su entrada (en orden del archivo)."""
    fuentes = {a.id: a.fuente for a in ruta.acciones if a.id is not None}
    tablas: dict[str, list[tuple]] = {n: [] for n in ("entradas", "avances", "gastos", "mediciones",
                                                       "ingresos", "acuerdos", "ajustes", "rasgos",
                                                       "balances")}
    for numero_entrada, e in enumerate(ruta.entradas, start=1):
        base = (clave, numero_entrada, fecha(e.fecha), e.sesion)
        tablas["entradas"].append((*base, e.tipo, limpio(e.nota)))
        for r in e.acciones or []:
            tablas["avances"].append((*base, limpio(r.accion), r.estado, r.avance,
                                      limpio.libres(r.evidencias), centavos(r.gasto),
                                      limpio(r.comprobante), limpio(r.nota), fecha(r.nuevo_inicio),
                                      fecha(r.nuevo_fin), limpio(r.conclusion)))
            if r.gasto:
                tablas["gastos"].append((*base, limpio(r.accion), limpio(fuentes.get(r.accion)),
                                         centavos(r.gasto), limpio(r.comprobante),
                                         int(es_comprobante(r.comprobante, r.gasto))))
        for m in e.mediciones or []:
            tablas["mediciones"].append((*base, limpio(m.meta), numero(m.valor), limpio(m.fuente),
                                         limpio(m.nota)))
        for i in e.ingresos or []:
            tablas["ingresos"].append((*base, limpio(i.fuente), centavos(i.monto), limpio(i.concepto)))
        for n, texto in enumerate(e.acuerdos or [], start=1):
            tablas["acuerdos"].append((*base, n, limpio(texto)))
        for a in e.ajustes or []:
            tablas["ajustes"].append((*base, limpio(a.descripcion), limpio.lista(a.acciones),
                                      limpio.lista(a.metas)))
        # La valoración del cierre: la rendición de cuentas de la evaluación final depende de ella.
        for r in e.rasgos or []:
            tablas["rasgos"].append((*base, limpio(r.anexo), limpio(r.rasgo), limpio(r.valoracion),
                                     limpio(r.comentario)))
        for b in e.balance or []:
            tablas["balances"].append((*base, limpio(b.prioridad), limpio(b.valoracion),
                                       limpio(b.logros), limpio(b.pendientes)))
    return tablas
