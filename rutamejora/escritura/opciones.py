"""``bitacora agregar`` con opciones: de lo que se escribió en la línea de comandos a una entrada.

Reúne los motivos de todo lo que no sirve (no se detiene en el primero) y, en cada error de
uso, dice la única cosa que hay que cambiar. La sintaxis de los pares ``ID=VALOR`` está en
``pares``; aquí se decide a qué registro va cada opción suelta:

- ``--estado``, ``--avance``, ``--evidencia``, ``--gasto``, ``--comprobante``, ``--nuevo-inicio``
  y ``--nuevo-fin`` son de la única ``--accion``; ``--valor`` es de la única ``--meta`` y
  ``--fuente``, de todas las mediciones de la orden;
- ``--nota`` es del registro de la única ``--accion``, si no de la única medición, si no de la
  entrada; ``--nota-de ID=TEXTO`` es del registro de ese id (de esta orden o, si no, el que la
  entrada ya tiene);
- cada ``--ajuste`` se liga a las acciones y metas de la orden; una ``--accion`` (o ``--meta``)
  sin nada más que un ajuste solo lo liga: así se agrega un ajuste a la entrada que ya registra
  esa acción.
"""

from __future__ import annotations

from rutamejora.escritura import bitacora as B
from rutamejora.escritura import pares as P
from rutamejora.nucleo.registro import campo, registro

DE_ACCION = ("estado", "avance", "evidencia", "gasto", "comprobante", "nuevo_inicio", "nuevo_fin")
DE_META = ("valor",)


@registro
class Opciones:
    """Lo que se escribió, tal cual (textos; listas para las opciones que se repiten)."""

    fecha: str | None = None
    sesion: str | None = None
    tipo: str | None = None
    accion: list = campo(fabrica=list)
    meta: list = campo(fabrica=list)
    estado: str | None = None
    avance: str | None = None
    evidencia: list = campo(fabrica=list)
    gasto: str | None = None
    comprobante: str | None = None
    nuevo_inicio: str | None = None
    nuevo_fin: str | None = None
    valor: str | None = None
    fuente: str | None = None
    acuerdo: list = campo(fabrica=list)
    ajuste: list = campo(fabrica=list)
    nota: str | None = None
    nota_de: list = campo(fabrica=list)
    ingreso: list = campo(fabrica=list)
    rasgo: list = campo(fabrica=list)
    balance: list = campo(fabrica=list)
    logros: list = campo(fabrica=list)
    pendientes: list = campo(fabrica=list)

    def dadas(self, nombres) -> list[str]:
        """Las opciones de ``nombres`` que se dieron, como se escriben (``--nuevo-inicio``)."""
        return [f"--{n.replace('_', '-')}" for n in nombres if getattr(self, n) not in (None, [], "")]

    @property
    def registra_algo(self) -> bool:
        """¿Dice qué registrar? Sin nada de esto, ``bitacora agregar`` pregunta."""
        return any(getattr(self, n) for n in ("accion", "meta", "acuerdo", "ajuste", "nota", "nota_de",
                                              "ingreso", "rasgo", "balance", "logros", "pendientes"))


def _va(opciones: list[str]) -> str:
    return f"{', '.join(opciones)} {'va' if len(opciones) == 1 else 'van'}"


class _Lector:
    """Lee cada valor y junta los motivos de los que no sirven (``None`` en su lugar)."""

    def __init__(self):
        self.motivos: list[str] = []

    def __call__(self, funcion, *args):
        try:
            return funcion(*args)
        except B.ValorInvalido as exc:
            self.motivos.extend(exc.motivos)
            return None


def entrada_de_opciones(ruta, o: Opciones) -> tuple[B.EntradaNueva, list[str]]:
    """La entrada y los motivos de lo que no se pudo leer (``bitacora.revisar`` hace lo demás)."""
    leer = _Lector()
    numero = leer(B.leer_entero, o.sesion, "--sesion", 1) if o.sesion is not None else None
    dia = leer(B.leer_fecha, o.fecha) if o.fecha is not None else None
    if o.fecha is None:
        dia = B.fecha_de_sesion(ruta, numero) if numero is not None else None
        if o.sesion is None:
            leer.motivos.append("falta --fecha AAAA-MM-DD (o --sesion N, que toma la fecha de esa sesión).")
    leer.motivos += sueltas(o)
    entrada = B.EntradaNueva(dia, numero, tipo=o.tipo.strip() if o.tipo else None)
    ligadas_a, ligadas_m = _acciones(ruta, o, entrada, leer), _metas(o, entrada, leer)
    if not o.accion and not o.meta:
        entrada.nota = o.nota
    _notas(ruta, o, entrada, leer)
    entrada.acuerdos = [t for t in (leer(B.leer_texto, a, "--acuerdo") for a in o.acuerdo) if t]
    entrada.ajustes = [B.AjusteNuevo(t, ligadas_a, ligadas_m)
                       for t in (leer(B.leer_texto, a, "--ajuste") for a in o.ajuste) if t]
    entrada.ingresos = [i for i in (leer(P.leer_ingreso, t) for t in o.ingreso) if i]
    entrada.rasgos = [r for r in (leer(P.leer_rasgo, t) for t in o.rasgo) if r]
    clave = ruta.marco.clave_referencia if ruta.marco is not None else "prioridad"
    entrada.balance = leer(P.leer_balance, o.balance, o.logros, o.pendientes, clave) or []
    return entrada, leer.motivos


def sueltas(o: Opciones) -> list[str]:
    """Opciones de un registro sin el registro, o con varios y sin saber de cuál son."""
    motivos = []
    de_accion, de_meta = o.dadas(DE_ACCION), o.dadas(DE_META)
    if de_accion and not o.accion:
        motivos.append(f"{_va(de_accion)} con una acción: agrega --accion ID (p. ej. --accion A1).")
    if de_meta and not o.meta:
        motivos.append(f"{_va(de_meta)} con una meta: agrega --meta ID (p. ej. --meta M1).")
    if o.fuente and not o.meta:
        motivos.append("--fuente va con una medición: agrega --meta ID=VALOR (p. ej. --meta M1=57).")
    pares = [n for n in ("estado", "avance") if getattr(o, n)]
    otras = [d for d in de_accion if d not in ("--estado", "--avance")]
    if len(o.accion) > 1 and pares:
        motivos.append(f"{_va(o.dadas(pares))} con una sola --accion y hay {len(o.accion)}: escribe el "
                       "estado y el avance junto a cada id (--accion A1=en_curso:50 --accion A4=100).")
    if len(o.accion) > 1 and otras:
        motivos.append(f"{_va(otras)} con una sola --accion y hay {len(o.accion)}: registra esa acción "
                       "en una orden aparte.")
    if len(o.meta) > 1 and o.valor is not None:
        motivos.append(f"--valor va con una sola --meta y hay {len(o.meta)}: escribe cada valor junto a "
                       "su id (--meta M1=57 --meta M2=80).")
    if o.nota and (len(o.accion) > 1 or (not o.accion and len(o.meta) > 1)):
        motivos.append("--nota no sabe de cuál registro es: escribe --nota-de ID=TEXTO (p. ej. "
                       f"--nota-de {_primer_id(o)}=TEXTO).")
    return motivos


def _primer_id(o: Opciones) -> str:
    return str((o.accion or o.meta)[0]).partition("=")[0].strip()


def _acciones(ruta, o: Opciones, entrada: B.EntradaNueva, leer) -> list[str]:
    """Los registros de ``--accion``; devuelve los ids a los que se ligan los ajustes."""
    ids = []
    una = len(o.accion) == 1
    for texto in o.accion:
        leida = leer(P.leer_accion, texto)
        if leida is None:
            continue
        ident, estado, avance = leida
        ids.append(ident)
        if una:
            estado, avance = _con_sueltas(o, texto, ident, estado, avance, leer)
        if estado is None and avance is None and o.ajuste and not (una and (o.dadas(DE_ACCION) or o.nota)):
            continue  # solo liga el ajuste: la acción puede estar ya registrada en la entrada
        if estado is None and una and o.estado is None:
            leer.motivos.append(f"falta --estado para la acción {ident} ({B.NOMBRES_ESTADO}).")
        elif estado is None and not una:
            leer.motivos.append(f"falta el estado de la acción {ident}: escribe --accion {ident}=en_curso "
                                f"(o {ident}=ESTADO:AVANCE).")
        entrada.acciones.append(_registro(o if una else Opciones(), ident, estado or "", avance, leer))
    return ids


def _con_sueltas(o: Opciones, texto: str, ident: str, estado, avance, leer):
    """El estado y el avance de la única acción: de ``A1=…`` o de ``--estado`` y ``--avance``."""
    if o.estado is not None:
        if estado is not None:
            leer.motivos.append(f"--estado: la acción {ident} ya dice su estado en --accion {texto}; "
                                "quita --estado.")
        else:
            estado = leer(B.leer_estado, o.estado)
    if o.avance is not None:
        if avance is not None:
            leer.motivos.append(f"--avance: la acción {ident} ya dice su avance en --accion {texto}; "
                                "quita --avance.")
        else:
            avance = leer(B.leer_entero, o.avance, "--avance", 0, 100)
    if estado is None and o.estado is None and (o.nuevo_inicio or o.nuevo_fin):
        estado = "reprogramada"
    return estado, avance


def _registro(o: Opciones, ident: str, estado: str, avance, leer) -> B.RegistroNuevo:
    inicio = leer(B.leer_fecha, o.nuevo_inicio, "--nuevo-inicio") if o.nuevo_inicio else None
    fin = leer(B.leer_fecha, o.nuevo_fin, "--nuevo-fin") if o.nuevo_fin else None
    return B.RegistroNuevo(
        accion=ident, estado=estado, avance=avance,
        evidencias=[t for t in (leer(B.leer_texto, e, "--evidencia") for e in o.evidencia) if t],
        gasto=leer(B.leer_dinero, o.gasto) if o.gasto is not None else None,
        comprobante=leer(B.leer_texto, o.comprobante, "--comprobante") if o.comprobante else None,
        nota=o.nota, nuevo_inicio=inicio, nuevo_fin=fin)


def _metas(o: Opciones, entrada: B.EntradaNueva, leer) -> list[str]:
    """Las mediciones de ``--meta``; devuelve los ids a los que se ligan los ajustes."""
    ids = []
    una = len(o.meta) == 1
    for texto in o.meta:
        leida = leer(P.leer_meta, texto)
        if leida is None:
            continue
        ident, valor = leida
        ids.append(ident)
        if una and o.valor is not None:
            if valor is not None:
                leer.motivos.append(f"--valor: la meta {ident} ya dice su valor en --meta {texto}; "
                                    "quita --valor.")
            else:
                valor = leer(B.leer_numero, o.valor)
                if valor is None:
                    continue
        if valor is None:
            if o.valor is None and not (o.ajuste and not o.fuente and not o.nota):
                leer.motivos.append(f"falta --valor para la meta {ident}." if una else
                                    f"falta el valor de la meta {ident}: escribe --meta {ident}=VALOR.")
            continue
        fuente = leer(B.leer_texto, o.fuente, "--fuente") if o.fuente else None
        nota = o.nota if una and not o.accion else None
        entrada.mediciones.append(B.MedicionNueva(ident, valor, fuente, nota))
    return ids


def _notas(ruta, o: Opciones, entrada: B.EntradaNueva, leer) -> None:
    """``--nota-de ID=TEXTO``: al registro de esta orden, o al que la entrada ya tiene."""
    for texto in o.nota_de:
        nota = leer(P.leer_nota_de, texto, ruta)
        if nota is None:
            continue
        propio = next((r for r in [*entrada.acciones, *entrada.mediciones]
                       if getattr(r, "accion", None) == nota.id or getattr(r, "meta", None) == nota.id), None)
        if propio is None:
            entrada.notas.append(nota)
        elif propio.nota:
            leer.motivos.append(f"--nota-de {nota.id}: ese registro ya tiene --nota; deja una.")
        else:
            propio.nota = nota.nota


__all__ = ["Opciones", "entrada_de_opciones", "sueltas"]
