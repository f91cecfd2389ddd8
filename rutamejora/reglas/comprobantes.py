"""¿Es un comprobante lo que dice ``comprobante:``? Un folio, no una forma de decir que falta.

En las bitácoras reales, un gasto sin factura no siempre deja el campo vacío: se escribe
«pendiente», «Sin comprobante», «N/A», «-», «por entregar», «no hay factura», «Ticket
extraviado», «Pendiente (se pidió el 30 de junio)» o solo cómo se pagó («Se pagó en
efectivo»). Contar eso como comprobante haría que la rendición de cuentas dijera a las familias
«Todos los gastos tienen su comprobante» sin ser cierto. Lo usan RM408, el seguimiento y la
rendición.

Criterio, en este orden:

0. Tras una etiqueta («Comprobante: ninguno», «Factura: no»), lo que sigue dice si falta; tras
   una genérica («Comprobante:», «Nota:»), también si solo dice cómo se pagó.
1. Lo que dice que el papel falta gana a las cifras: que se perdió («Ticket 0412 extraviado»,
   «se perdió», «no se encuentra», «no disponible»), una frase que empieza diciendo que falta
   («Pendiente (se pidió el 30 de junio)», «sin factura», «por entregar», «Ninguno (compra en
   efectivo)», «Pdte») o que termina diciéndolo («Factura 118 pendiente», «recibo por
   entregar», «Factura pend.»), o que aún no llega («Factura en camino», «Se entrega
   después»). Lo que falta de un papel que sí existe no cuenta como falta: «F-001 pendiente de
   firma», «Factura 118 (por entregar el original)». Un papel negado a media frase («Compra en
   tianguis sin ticket», «Tianguis (no dan nota)») es falta salvo que el texto nombre otro que
   sí hay («Recibo 45 (sin comprobante fiscal)», «Transferencia 0041823, sin factura»).
2. Sin eso, un texto con una cifra que no es fecha, monto ni grado («3° B») es un folio
   («Ticket 5531», «Transferencia 0041823»: hay algo que buscar), salvo puros ceros («0»).
3. Sin cifras, no lo es si está vacío de letras («-», «?», «…»), si es solo una fecha o un
   monto («$1,850.00», «29 de mayo de 2026»), si es un sí o un no («sí», «ok», ``true``: no dice
   cuál), una palabra de relleno (``_RELLENO``) o dónde buscarlo sin decir cuál («ver carpeta»).
   Si nombra un papel («Nota de remisión de la papelería», «Comprobante de transferencia»)
   cuenta: dice qué papel buscar. Si no, no lo es si dice cómo o quién pagó («Se pagó en
   efectivo», «Transferencia», «Lo pagó la directora de su bolsa») o solo la compra («Compra en
   el tianguis», «Gasto menor»); otra descripción («Papelería Lupita») cuenta.
4. Con el gasto a la mano: si el texto dice un monto («Factura D-3310 por $1,250.00») y ninguno
   es el del gasto, no es el comprobante de ese gasto («dice otro monto»).

Un mismo comprobante en varios gastos (``repetidos``) se explica solo con una nota que lo dice
(``explica_el_repetido``); lo usan RM415 y la rendición.
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
# «por entregar», «se pidió factura», «Ninguno (compra en efectivo)», «Pdte») o al final
# («factura pendiente», «recibo por entregar», «nota no entregada», «Factura pend.»). «pte» no:
# también abrevia «presidente» («Recibo 12 firmado por la pte.»).
_POR_HACER = (r"por (?:entregar|recibir|solicitar|llegar|definir|tramitar|pedir|facturar|recabar"
              r"|conseguir|obtener|recoger|regularizar|comprobar)")
_FALTA = compilar(
    r"^(?:sin|no|falta|faltan|pendiente|pendientes|pdte|pend|pendte|pndte|" + _POR_HACER
    + r"|en espera|en tramite|en proceso|aun no|todavia no|ningun|ninguno|ninguna|nada|none|n a"
    r"|se (?:pidio|solicito|esta tramitando|tramita)|solicitad[oa]|se va a (?:pedir|entregar))\b"
    r"|\b(?:pendiente|pendientes|pdte|pend|pendte|pndte|" + _POR_HACER
    + r"|en tramite|en proceso|faltante|no entregad[oa]s?|no hay|solicitad[oa])$"
    # «La factura no llegó», «perdimos el ticket», «pendiente de entregar», «se entregará después»,
    # «Comprobante no disponible».
    r"|\bno (?:ha |han )?(?:llego|llegaron|llegado)\b|\bpendiente de (?:entrega|entregar|recibir|llegar"
    r"|solicitar|tramitar|facturar)\b|\bse (?:entregaran?|enviaran?|traeran?|daran?|mandaran?|subiran?"
    r"|recabaran?|solicitaran?|pediran?|emitiran?|expediran?|facturaran?)\b"
    r"|\bno (?:esta |estan |se encuentra )?disponibles?\b")
# Lo que aún no llega («Factura en camino», «Se entrega después», «la van a mandar»): si lo
# que llega después es el original o una copia de un papel que ya hay («Factura 118 (el original
# se entrega después)»), el papel existe (ver ``_DE_UN_PAPEL``).
_DESPUES = compilar(
    r"\ben camino\b|\b(?:va|van|vamos) a (?:entregar|mandar|traer|dar|enviar|pedir|solicitar|recabar"
    r"|facturar|conseguir)\b|\b(?:entrega|entregan|envia|envian|manda|mandan|trae|traen|da|dan|recoge"
    r"|recogen|recaba|recaban|recabamos|pide|piden|pedimos|llega|llegan|llegara|llegaran)\b"
    r"(?: [a-z0-9]+){0,3}? (?:despues|luego|mas tarde|mas adelante|pronto|proximamente|manana"
    r"|al rato|otro dia|la (?:proxima|siguiente|otra) (?:semana|sesion|reunion|junta)"
    r"|el (?:lunes|martes|miercoles|jueves|viernes|sabado|proximo|otro))\b")
_DE_UN_PAPEL = compilar(r"\b(?:original|originales|copia|copias|xml|pdf|firma|firmas|sello)\b")
# Un papel que se niega («sin ticket», «ni nota», «no dan nota», «no se pidió factura», «no hay
# recibo»). «sin folio» o «sin IVA» no: el papel existe, le falta algo.
_NEGABLE = (r"(?:tickets?|tikets?|notas?|facturas?|recibos?|comprobantes?|cfdis?|vales?|vouchers?"
            r"|papel|papeles|documentos?|soportes?)")
_NEGADO = compilar(
    r"\b(?:sin|ni|no (?:nos |me |le |les |se |lo |la )?(?:dan|da|daban|dieron|dio|entregan|entrega"
    r"|entregaron|entrego|expiden|expide|expidieron|expidio|emiten|emite|emitieron|emitio|extienden"
    r"|extendieron|hacen|hace|hicieron|hizo|pidio|pidieron|pedimos|solicito|hay|hubo|tiene|tienen"
    r"|tenemos|tengo|cuenta con|contamos con|existe|genero|recibio|recibimos))"
    r" (?:(?:ningun|ninguna|el|la|los|las|un|una|su|sus) )?" + _NEGABLE + r"\b")
# Lo que nombra algo que buscar, aunque otro papel falte: un papel («Recibo 45 (sin comprobante
# fiscal)») o un pago con su referencia («Transferencia 0041823, sin factura»).
_PAPEL = (r"(?:tickets?|tikets?|notas?|facturas?|recibos?|comprobantes?|cfdis?|vales?|vouchers?"
          r"|boucher|polizas?|remision|folios?|nominas?|cotizacion|contrato|acuse|constancia|lista"
          r"|fotos?|captura|oficio|acta)")
_NOMBRA_PAPEL = compilar(r"\b" + _PAPEL + r"\b")
_NOMBRA_REFERENCIA = compilar(r"\b(?:" + _PAPEL + r"|transferencias?|cheques?|spei|depositos?"
                              r"|referencia|ref|operacion|autorizacion|numero)\b")
# «Lo pagó la directora de su bolsa»: quién pagó, no qué papel buscar.
_DE_SU_BOLSA = compilar(r"\b(?:de|con|por) (?:su|mi|sus|mis|nuestra|nuestro|nuestros) (?:propi[oa]s? )?"
                        r"(?:bolsa|bolsillo|dinero|cuenta|recursos|sueldo)\b")
# Solo la compra o el lugar («Compra en el tianguis», «Gasto menor»): no dice qué papel hay.
_COMPRA = frozenset({"compra", "compras", "compro", "compramos", "compre", "gasto", "gastos",
                     "tianguis", "mercado", "mercadito"})
# «Comprobante: ninguno», «Factura: no»: lo que sigue a la etiqueta dice si hay papel.
_ETIQUETA = compilar(
    r"^\s*(comprobantes?|facturas?|tickets?|tikets?|recibos?|notas?(?: de (?:venta|remisi[oó]n))?"
    r"|folio|cfdi|referencia)\s*(?::|=|\s[-–—]\s)\s*(.*)$", re.IGNORECASE | re.DOTALL)
# Tras estas etiquetas, lo que sigue decide solo: «Comprobante: efectivo» solo dice cómo se pagó
# («Nota:» es una anotación, no una nota de venta). Tras «Factura:», solo si dice que falta.
_GENERICAS = frozenset({"comprobante", "comprobantes", "nota", "notas", "folio", "referencia"})
# «No. 45», «No 45», «Nº 45»: «no» como abreviatura de número, no como negación.
_NUMERO = compilar(r"^\s*n(?:o|º|°)\s*[.:#]?\s*\d|^\s*no\.", re.IGNORECASE)
# Fechas, montos y grados: sus cifras no son un folio («Pagado el 12 de marzo», «$150 en
# efectivo», «la maestra de 3° B»).
_MESES = (r"(?:ene(?:ro)?|feb(?:rero)?|mar(?:zo)?|abr(?:il)?|may(?:o)?|jun(?:io)?|jul(?:io)?"
          r"|ago(?:sto)?|sep(?:tiembre)?|set(?:iembre)?|oct(?:ubre)?|nov(?:iembre)?|dic(?:iembre)?)")
_FECHA_O_MONTO = compilar(
    r"\b\d{1,2}\s*(?:de\s+)?" + _MESES + r"\b(?:\.?\s*(?:de(?:l)?\s+)?\d{4})?"
    r"|\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b"
    r"|\$\s*[\d,]+(?:\.\d+)?|\b[\d,]+(?:\.\d+)?\s*(?:pesos|mxn|m\.?\s?n\.?)\b"
    r"|\b\d{1,2}\s*[°º]|\b\d{1,2}(?:er|ro|do|to|vo|no|mo)\b", re.IGNORECASE)
# Cómo o quién pagó: sin un papel nombrado, no dicen qué buscar.
_PAGO = frozenset({
    "efectivo", "tarjeta", "transferencia", "transferencias", "deposito", "cheque", "spei",
    "contado", "pagado", "pagada", "pagados", "pago", "pagamos", "pague", "pagaron",
    "debito", "credito", "bancaria", "bancario", "electronica", "oxxo", "cash", "liquidado",
    "liquidada", "cubierto", "cubierta", "cubrio", "cubrieron", "puso", "pusieron", "aporto",
    "aportaron", "aportacion", "cooperacion", "cooperaron", "coopero", "absorbio", "costeo",
    "reembolso", "reembolsado", "reembolsada", "reembolsamos", "reembolsaron",
})
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
    if _FALTA.search(frase):
        return True
    if _DESPUES.search(frase) and not _DE_UN_PAPEL.search(frase):
        return True
    return _niega_el_papel(frase)


def _niega_el_papel(frase: str) -> bool:
    """«Compra en tianguis sin ticket», «Tianguis (no dan nota)»: dice que un papel no lo hay, y
    lo demás no nombra otro que sí («Recibo 45 (sin comprobante fiscal)», «Transferencia 0041823,
    sin factura»: ese otro se puede buscar)."""
    if not _NEGADO.search(frase):
        return False
    resto = _NEGADO.sub(" ", frase)
    # Sin el papel negado no queda nada que lo vuelva a negar: la recursión es de un paso.
    return not (_NOMBRA_REFERENCIA.search(resto) and _por_que_no_es(resto) is None)


def _por_la_etiqueta(texto: str) -> str | None:
    """«Comprobante: ninguno», «Factura: no», «Comprobante: efectivo»: por qué no lo es según
    lo que sigue a la etiqueta, o ``None`` si eso no lo decide (se juzga el texto entero)."""
    etiqueta = _ETIQUETA.match(texto)
    if etiqueta is None:
        return None
    resto = etiqueta.group(2).strip()
    if not resto:
        return "no dice cuál es"  # «Comprobante:»: el renglón de un formato sin llenar
    motivo = _por_que_no_es(resto)
    if motivo == "dice que falta" or (motivo is not None and normalizar(etiqueta.group(1)) in _GENERICAS):
        return motivo
    return None


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
    por_la_etiqueta = _por_la_etiqueta(texto)
    if por_la_etiqueta is not None:
        return por_la_etiqueta
    normal = normalizar(texto)
    if _dice_que_falta(texto, normal):
        return "dice que falta"
    normal_resto = normal  # sin cifras no hay fechas ni montos que quitar (sin normalizar otra vez)
    if any(c.isdigit() for c in texto):
        resto = _FECHA_O_MONTO.sub(" ", texto)
        if any(c.isdigit() for c in resto):
            return None  # un folio o un número de ticket: hay algo que buscar
        normal_resto = normalizar(resto)
    return _sin_folio(_LETRAS.findall(normal_resto))


def _sin_folio(palabras: list[str]) -> str | None:
    """Por qué un texto sin folio (``palabras``: sus palabras, sin fechas ni montos) no es un
    comprobante, o ``None`` si nombra un papel o describe uno."""
    plano = " ".join(palabras)
    if not palabras:
        return "solo dice una fecha o un monto"  # «$1,850.00», «29 de mayo de 2026»
    if plano in _SOLO_DONDE or plano in _SI:
        return "no dice cuál es"
    if plano in _NO or plano in _RELLENO:
        return "dice que falta"
    if _NOMBRA_PAPEL.search(plano):
        return None  # «Nota de remisión de la papelería», «Recibo firmado, pagado en efectivo»
    # Sin ningún papel nombrado: quién o cómo pagó («Lo pagó la directora de su bolsa»,
    # «Transferencia a la papelería») o solo la compra («Compra en el tianguis»).
    if any(p in _PAGO for p in palabras) or _DE_SU_BOLSA.search(plano):
        return "solo dice cómo se pagó"
    if any(p in _COMPRA for p in palabras):
        return "no dice cuál es"
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


# Una nota que dice que el comprobante es de varios gastos: «mismo ticket», «misma factura»,
# «parte de la factura …», «una sola compra», «cubre las dos compras», «para ambas acciones».
_PAPELES_O_COMPRAS = (r"tickets?|tikets?|facturas?|recibos?|comprobantes?|notas?|folios?|compras?"
                      r"|pagos?|cfdis?|transferencias?|cheques?|vouchers?")
_COMPARTIDO = compilar(
    r"\bmism[oa]s? (?:" + _PAPELES_O_COMPRAS + r")\b"
    r"|\bparte (?:de|del) (?:(?:la|el|los|las|un|una|mismo|misma) )*(?:" + _PAPELES_O_COMPRAS
    + r"|total|gasto|monto|importe)\b"
    r"|\bun[oa]? sol[oa] (?:" + _PAPELES_O_COMPRAS + r")\b"
    # «cubre los dos gastos», «ampara ambas acciones»; no «cubre las tres sesiones» (lo que se
    # compró, no los gastos que comparten el papel).
    r"|\b(?:cubre|cubren|cubrio|ampara|amparan|incluye|incluyen|abarca) (?:[a-z]+ )?(?:ambos|ambas"
    r"|los dos|las dos|dos|tres|varios|varias|todos|todas) (?:[a-z]+ )?(?:gastos?|acciones?|compras?"
    r"|registros?)\b"
    r"|\b(?:ambas|las dos|las tres|varias|otra) acciones?\b")
# Repartir o compartir a secas no basta («Refrigerio compartido con las familias», «se dividió al
# grupo en equipos»): tiene que ser del dinero o del papel («se dividió el gasto», «compra
# compartida»), o ser toda la nota («Se dividió.»).
_REPARTIDO = compilar(r"\b(?:divid[a-z]*|repart[a-z]*|compart[a-z]*|prorrate[a-z]*|a medias|mitad|mitades"
                      r"|partes iguales)\b")
_DE_DINERO = compilar(r"\b(?:gastos?|montos?|costos?|importes?|total|dinero|pesos|tickets?|tikets?"
                      r"|facturas?|recibos?|comprobantes?|folios?|compras?|cfdis?)\b")
_DECORADO = compilar(r"^(?:(?:se|lo|la|fue|el) )*")
_PALABRA_O_CIFRA_MAYUS = compilar(r"[A-Z0-9]+")


def explica_el_repetido(registro, grupo) -> bool:
    """¿La ``nota`` de ``registro`` dice que su comprobante, que también está en otros gastos del
    ``grupo`` (``[(entrada, registro), …]``, de ``repetidos``), es de varios gastos? Lo dice si
    nombra el comprobante («parte de la factura C-2291»), la acción de otro gasto del grupo
    («compartido con A12») o que se comparte («mismo ticket», «se dividió el gasto»). Una nota
    cualquiera («Refrigerio y copias de las tres sesiones.») no: la entrada pudo copiarse."""
    nota = str(registro.nota or "").strip()
    if not nota:
        return False
    if _nombra_el_comprobante(str(registro.comprobante), nota):
        return True
    otras = {str(r.accion) for _, r in grupo if r.accion and str(r.accion) != str(registro.accion)}
    palabras = set(_PALABRA_O_CIFRA_MAYUS.findall(nota.upper()))
    if any(a.upper() in palabras for a in otras):
        return True
    frase = " ".join(_PALABRA_O_CIFRA.findall(normalizar(nota)))
    if _COMPARTIDO.search(frase):
        return True
    reparto = _REPARTIDO.search(frase)
    return reparto is not None and (_DE_DINERO.search(frase) is not None
                                    or _DECORADO.sub("", frase) == reparto.group(0))


def _compacto(texto: str) -> str:
    """Solo letras y cifras, sin acentos ni mayúsculas: «C-2291» y «c 2291» son lo mismo."""
    return "".join(_PALABRA_O_CIFRA.findall(normalizar(texto)))


def _nombra_el_comprobante(comprobante: str, nota: str) -> bool:
    """¿La nota cita el comprobante entero o su folio («C-2291» de «Factura C-2291 Didácticos de
    Puebla»)? Un folio de una o dos cifras («No. 4») se confunde con cualquier cantidad de la
    nota: no cuenta; tampoco una fecha o un monto del comprobante."""
    nota_compacta = _compacto(nota)
    entero = _compacto(comprobante)
    if len(entero) >= 5 and entero in nota_compacta:
        return True
    de_la_nota = {_compacto(p) for p in nota.split()}
    folios = (_compacto(p) for p in _FECHA_O_MONTO.sub(" ", comprobante).split()
              if any(c.isdigit() for c in p))
    return any(len(f) >= 3 and (f in de_la_nota or (len(f) >= 5 and f in nota_compacta))
               and not _solo_una_cantidad(f, nota) for f in folios)


# Las cifras de un folio dichas como una cantidad («120 copias», «3 paquetes») o como un año
# («marzo 2026», «de 2025»): no citan el papel.
_CANTIDAD_O_ANO = r"(?<![a-z0-9]){}(?: +[a-z]+s\b)|(?:enero|febrero|marzo|abril|mayo|junio|julio|agosto" \
    r"|septiembre|octubre|noviembre|diciembre|de|del|en|ciclo) +{}(?![0-9])"


def _solo_una_cantidad(folio: str, nota: str) -> bool:
    """Si un folio de pocas cifras («120», «2026») está en la nota solo como una cantidad o un
    año («Se imprimieron 120 copias», «Taller de marzo 2026»), no como el número de un papel
    («El 5531 cubre los gastos», «factura 120»)."""
    if not folio.isdigit() or len(folio) >= 5:
        return False
    normal = nota.casefold()
    veces = len(re.findall(rf"(?<![0-9]){folio}(?![0-9])", normal))
    como_cantidad = len(re.findall(_CANTIDAD_O_ANO.format(folio, folio), normal))
    return veces > 0 and veces == como_cantidad


__all__ = ["es_comprobante", "por_que_no_es", "motivo_del_registro", "repetidos", "explica_el_repetido"]
