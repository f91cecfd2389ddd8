"""¿Es un comprobante lo que dice ``comprobante:``? Un folio, no una forma de decir que falta.

En las bitácoras reales, un gasto sin factura no siempre deja el campo vacío: se escribe
«pendiente», «Sin comprobante», «N/A», «-», «por entregar», «no hay factura», «Ticket
extraviado», «Pendiente (se pidió el 30 de junio)» o solo cómo se pagó («Se pagó en
efectivo»). Contar eso como comprobante haría que la rendición de cuentas dijera a las familias
«Todos los gastos tienen su comprobante» sin ser cierto. Lo usan RM408, el seguimiento y la
rendición.

Criterio, en este orden:

1. Lo que dice que el papel falta gana a las cifras: que se perdió («Ticket 0412 extraviado»,
   «se perdió», «no se encuentra»), una frase que empieza diciendo que falta («Pendiente (se
   pidió el 30 de junio)», «sin factura», «por entregar», «se solicitó») o que termina diciéndolo
   («Factura 118 pendiente», «recibo por entregar»). Lo que falta de un papel que sí existe no
   cuenta como falta: «F-001 pendiente de firma», «Factura 118 (por entregar el original)».
2. Sin eso, un texto con una cifra que no es fecha ni monto es un folio («Ticket 5531»,
   «Transferencia 0041823»: hay algo que buscar), salvo puros ceros («0»).
3. Sin cifras, no lo es si está vacío de letras («-», «?», «…»), si es solo una fecha o un
   monto («$1,850.00», «29 de mayo de 2026»), si es un sí o un no («sí», «ok», ``true``: no dice
   cuál), una palabra de relleno (``_RELLENO``), dónde buscarlo sin decir cuál («ver carpeta»)
   o solo la forma de pago («Se pagó en efectivo», «Transferencia», «Pagado con tarjeta»: dice
   cómo, no qué papel buscar). Cualquier otra descripción («Nota de remisión de la papelería»,
   «Comprobante de transferencia») cuenta: dice qué papel buscar.
4. Con el gasto a la mano: si el texto dice un monto («Factura D-3310 por $1,250.00») y ninguno
   es el del gasto, no es el comprobante de ese gasto («dice otro monto»).
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation

from rutamejora.catalogos import normalizar
from rutamejora.nucleo.expresiones import compilar

# Palabras que, solas, dicen que no hay comprobante (ya normalizadas: minúsculas, sin acentos).
_RELLENO = frozenset({
    "na", "n a", "n d", "nd", "no aplica", "ninguno", "ninguna", "nada", "none", "null", "nulo",
    "vacio", "x", "xx", "xxx", "s c", "sc", "s f", "sf", "tbd", "falta", "faltante", "tramite",
    "s n", "sn", "sin numero",
})
# Dónde buscarlo, sin decir cuál es: no hay folio que pedir.
_SOLO_DONDE = frozenset({
    "ver carpeta", "en carpeta", "en la carpeta", "ver archivo", "en archivo", "en el archivo",
    "en direccion", "en la direccion", "adjunto", "anexo", "ver anexo", "en drive", "en el drive",
    "ver evidencia", "ver evidencias", "en expediente", "ver expediente",
})
# El papel se perdió: aunque se sepa su folio, no hay qué mostrar.
_PERDIDO = compilar(
    r"\b(?:extraviad[oa]s?|perdid[oa]s?|perdimos|perdi|traspapelad[oa]s?|robad[oa]s?|se (?:extravio|perdio|traspapelo"
    r"|mojo|rompio|quemo)|no se (?:encuentra|encontro|localiza|localizo|tiene)|no localizad[oa]s?"
    r"|no (?:lo|la|los|las) (?:dieron|entregaron|dio|entrego|expidieron|expidio|tenemos|tengo))\b")
# Frases que dicen que falta, al principio («sin factura», «no hay», «pendiente de entrega»,
# «por entregar», «se pidió factura») o al final («factura pendiente», «recibo por entregar»,
# «nota no entregada»).
_FALTA = compilar(
    r"^(?:sin|no|falta|faltan|pendiente|pendientes|por (?:entregar|recibir|solicitar|llegar"
    r"|definir|tramitar|pedir|facturar)|en espera|en tramite|en proceso|aun no|todavia no"
    r"|se (?:pidio|solicito|esta tramitando|tramita)|solicitad[oa]|se va a (?:pedir|entregar))\b"
    r"|\b(?:pendiente|pendientes|por (?:entregar|recibir|solicitar|llegar|tramitar|facturar)"
    r"|en tramite|en proceso|faltante|no entregad[oa]s?|no hay|solicitad[oa]|sin comprobante"
    r"|no (?:nos |me |le )?(?:dieron|dio|entregaron|entrego|expidieron|expidio) (?:el |la )?"
    r"(?:ticket|nota|factura|recibo|comprobante)s?)$"
    r"|\bsin (?:ningun )?comprobante\b"
    # «La factura no llegó», «perdimos el ticket», «pendiente de entregar», «se entregará después».
    r"|\bno (?:ha |han )?(?:llego|llegaron|llegado)\b|\bpendiente de (?:entrega|entregar|recibir|llegar"
    r"|solicitar|tramitar|facturar)\b|\bse (?:entregara|enviara|traera|dara|mandara|subira)\b")
# «No. 45», «No 45», «Nº 45»: «no» como abreviatura de número, no como negación.
_NUMERO = compilar(r"^\s*n(?:o|º|°)\s*[.:#]?\s*\d|^\s*no\.", re.IGNORECASE)
# Fechas y montos: sus cifras no son un folio («Pagado el 12 de marzo», «$150 en efectivo»).
_MESES = (r"(?:ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?"
          r"|ago(?:sto)?|sep(?:tiembre)?|set(?:iembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?)")
_FECHA_O_MONTO = compilar(
    r"\b\d{1,2}\s*(?:de\s+)?" + _MESES + r"\b(?:\.?\s*(?:de(?:l)?\s+)?\d{4})?"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b"
    r"|\$\s*[\d,]+(?:\.\d+)?|\b[\d,]+(?:\.\d+)?\s*(?:pesos|mxn|m\.?\s?n\.?)\b", re.IGNORECASE)
# Cómo se pagó: solas (con sus palabras de enlace) no dicen qué papel buscar.
_PAGO = frozenset({
    "efectivo", "tarjeta", "transferencia", "transferencias", "deposito", "cheque", "spei",
    "contado", "pagado", "pagada", "pagados", "pago", "pagamos", "pague", "pagaron",
    "debito", "credito", "bancaria", "bancario", "electronica", "oxxo", "cash", "liquidado",
    "liquidada", "cubierto", "cubierta",
})
_ENLACE = frozenset({"se", "en", "con", "de", "del", "al", "el", "la", "por", "y", "a", "lo", "le",
                     "fue", "ya", "todo", "total", "directo", "directamente", "mano", "caja"})

# Un sí (también en inglés, como lo escribe YAML) no dice cuál comprobante es; un no dice que falta.
_SI = frozenset({"si", "ok", "yes", "true", "on"})
_NO = frozenset({"no", "false", "off", "nan"})


def es_comprobante(texto: object, gasto: Decimal | None = None) -> bool:
    """Si ``texto`` (el valor de ``comprobante:``) nombra un comprobante y no su falta; con
    ``gasto``, además, que no diga otro monto."""
    return por_que_no_es(texto, gasto) is None


def motivo_del_registro(registro) -> str | None:
    """``por_que_no_es`` del comprobante y el gasto de un registro de la bitácora, calculado una
    vez por registro (RM408 y RM415 lo piden para cada gasto; el modelo no cambia)."""
    memoria = registro.__dict__
    if "_motivo_comprobante" not in memoria:
        memoria["_motivo_comprobante"] = por_que_no_es(registro.comprobante, registro.gasto)
    return memoria["_motivo_comprobante"]


_PALABRA_O_CIFRA = compilar(r"[a-z]+|\d+")
_LETRAS = compilar(r"[a-z]+")
_NO_AL_INICIO = compilar(r"^no\b")


def _dice_que_falta(texto: str, normal: str) -> bool:
    """¿Dice que el papel falta, se perdió o está por llegar? Gana a las cifras (ver arriba).
    ``normal``: ``texto`` ya normalizado."""
    frase = " ".join(_PALABRA_O_CIFRA.findall(normal))
    if _PERDIDO.search(frase):
        return True
    if _NUMERO.match(texto):
        frase = _NO_AL_INICIO.sub("numero", frase)
    return _FALTA.search(frase) is not None


def por_que_no_es(texto: object, gasto: Decimal | None = None) -> str | None:
    """Por qué ``texto`` no es un comprobante («dice que falta», «no dice cuál es», «solo dice
    cómo se pagó», «solo dice una fecha o un monto»; con ``gasto``, «dice otro monto:
    $1,250.00»), o ``None`` si lo es."""
    motivo = _por_que_no_es(texto)
    if motivo is None and gasto is not None:
        montos = _montos(str(texto))
        if montos and gasto not in montos:
            return f"dice otro monto: ${montos[0]:,.2f}"
    return motivo


_MONTO = compilar(r"\$\s*(\d[\d,]*(?:\.\d+)?)|\b(\d[\d,]*(?:\.\d+)?)\s*(?:pesos|mxn|m\.?\s?n\.?)(?!\w)",
                    re.IGNORECASE)


def _montos(texto: str) -> list[Decimal]:
    """Los montos que dice el texto («por $1,250.00», «1400 pesos»), como ``Decimal``."""
    montos = []
    for m in _MONTO.finditer(texto):
        try:
            montos.append(Decimal((m.group(1) or m.group(2)).replace(",", "")))
        except InvalidOperation:
            continue
    return montos


def _por_que_no_es(texto: object) -> str | None:
    texto = "" if texto is None else str(texto).strip()
    alfanumerico = "".join(filter(str.isalnum, texto))
    if not alfanumerico:
        return "dice que falta" if texto else "está vacío"  # «-», «?», «…»: solo signos
    if set(alfanumerico) == {"0"}:
        return "no dice cuál es"  # «0», «00»: un cero no es un folio
    normal = normalizar(texto)
    if _dice_que_falta(texto, normal):
        return "dice que falta"
    normal_resto = normal  # sin cifras no hay fechas ni montos que quitar (sin normalizar otra vez)
    if any(c.isdigit() for c in texto):
        resto = _FECHA_O_MONTO.sub(" ", texto)
        if any(c.isdigit() for c in resto):
            return None  # un folio o un número de ticket: hay algo que buscar
        normal_resto = normalizar(resto)
    palabras = _LETRAS.findall(normal_resto)
    plano = " ".join(palabras)
    if not palabras:
        return "solo dice una fecha o un monto"  # «$1,850.00», «29 de mayo de 2026»
    if plano in _SOLO_DONDE:
        return "no dice cuál es"
    if plano in _SI:
        return "no dice cuál es"
    if plano in _NO or plano in _RELLENO:
        return "dice que falta"
    if palabras and any(p in _PAGO for p in palabras) and all(p in _PAGO or p in _ENLACE for p in palabras):
        return "solo dice cómo se pagó"
    return None


def repetidos(entradas) -> list[list[tuple]]:
    """Los gastos que llevan un mismo comprobante (sin importar mayúsculas, acentos ni espacios),
    agrupados por él en el orden de ``entradas``: ``[(entrada, registro), …]``, solo los grupos
    de dos o más. Lo usan RM415 y la rendición."""
    por_folio: dict[str, list[tuple]] = {}
    for e in entradas:
        for r in e.acciones or []:
            if r.gasto and r.gasto > 0 and motivo_del_registro(r) is None:
                por_folio.setdefault(" ".join(normalizar(str(r.comprobante)).split()), []).append((e, r))
    return [grupo for grupo in por_folio.values() if len(grupo) > 1]


__all__ = ["es_comprobante", "por_que_no_es", "motivo_del_registro", "repetidos"]
