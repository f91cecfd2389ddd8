"""CURP, RFC, correo y teléfono: una sola expresión regular, una pasada por el texto plegado.

La expresión combinada encuentra en C cada candidato; Python solo revisa los números (que son
pocos por texto) para decidir si son un teléfono o una cifra, un folio o una fecha.
"""

from __future__ import annotations

import bisect
import re

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.catalogo import ladas, palabras_en, plegar, senales, ultima
from rutamejora.privacidad.hallazgo import CORREO, CURP, RFC, TELEFONO, Hallazgo

# Ninguna expresión empieza con una condición sobre lo de antes: así el motor salta en C a las
# posiciones que pueden empezarla. El borde izquierdo se revisa después, en los pocos hallazgos.
_SEP = r"[\s-]?"
# CURP: 4 letras, fecha, sexo (H, M o X), entidad y consonantes, homoclave y dígito; partida
# en sus cuatro pedazos con espacios o guiones («OERJ 140506 MPLRZS 08», «GOML-120304-HPLMPR-A5»)
# sigue siendo una CURP (partida, su primera parte se leía como un RFC).
_CURP = (r"[a-z]{4}" + _SEP + r"\d{6}" + _SEP + r"[hmx][a-z]{5}" + _SEP
         + r"[0-9a-z]\d(?![a-z0-9])")
# RFC de persona física: 4 letras (la segunda, vocal o X), fecha y, si la trae, una homoclave
# de tres que termina en dígito o A. Una persona moral tiene 3 letras: no es dato personal.
_RFC = (r"[a-z&][aeioux][a-z]{2}" + _SEP + r"(?P<fecha>\d{6})"
        + r"(?:" + _SEP + r"[a-z0-9]{2}[0-9a])?(?![a-z0-9])")
_CLAVES = compilar(f"(?P<curp>{_CURP})|(?P<rfc>{_RFC})")
# Un correo con su dominio («…@hotmail.com») o sin él («lupita.ramos84@hotmail»: así lo apuntan
# en una nota); sin punto, el dominio tiene al menos tres letras: «alumn@s», «niñ@s» o «tod@s»
# (el lenguaje incluyente) no son correos.
_CORREO = compilar(r"[\w.%+-]+@(?:[a-z0-9-]+(?:\.[a-z0-9-]+)+|[a-z][a-z0-9-]{2,}(?!\w))")
# Un número: dígitos con espacios, puntos, guiones o paréntesis, con + delante si lo trae.
# Solo los de 7 dígitos o más: los demás (fechas, cantidades, grados) ni se miran.
_NUMERO = compilar(r"(?:\+[ \t]?)?\(?\d(?:[().\- \t]{0,3}\d){6,}\)?(?![0-9])")
_CIFRAS = compilar(r"\d")
_SEIS_CIFRAS = compilar(r"\d{6}")
# Lo mínimo que trae un correo (@), una CURP o un RFC (seis dígitos seguidos) o un teléfono
# (siete dígitos en un número): una sola búsqueda en C descarta casi todos los textos. Es
# ``@|\d(?:\d{5}|(?:[().\- \t]{0,3}\d){6})`` escrita para que empiece con un conjunto de
# caracteres: así el motor salta en C hasta una arroba o un dígito (un tercio menos por texto).
_POSIBLE = compilar(r"[@\d](?:(?<=@)|(?<=\d)(?:\d{5}|(?:[().\- \t]{0,3}\d){6}))")
POSIBLE = _POSIBLE  # sin ella, ``estructurados`` no encuentra nada

# Las agrupaciones de un teléfono de 10 dígitos (la lada entre paréntesis o no).
_S = r"[\s.\-]"
_AGRUPACIONES = compilar("|".join([
    r"\d{10}",
    rf"\(?\d{{2}}\)?{_S}?\d{{4}}{_S}?\d{{4}}",
    rf"\(?\d{{3}}\)?{_S}?\d{{3}}{_S}?\d{{4}}",
    rf"\(?\d{{3}}\)?{_S}?\d{{3}}{_S}\d{{2}}{_S}\d{{2}}",
    rf"\(?\d{{2}}\)?{_S}?\d{{2}}{_S}\d{{2}}{_S}\d{{2}}{_S}\d{{2}}",
    rf"\d{{4}}{_S}\d{{3}}{_S}\d{{3}}",
    rf"\d{{4}}{_S}\d{{2}}{_S}\d{{2}}{_S}\d{{2}}",
    rf"\d{{3}}{_S}\d{{7}}",
    rf"\d{{2}}{_S}\d{{8}}",
]))
_PREFIJO = compilar(r"^(?:\+\s?52|52)[\s.\-]*(?:1[\s.\-]+|1(?=\d{10}$))?")
_PARES_CON_ESPACIO = compilar(r"\d\d \d\d \d\d \d\d \d\d")
# Una fecha (AAAA-MM-DD, DD/MM/AAAA) nunca es un teléfono, aunque «número» o «tel.» esté cerca:
# «(numero, medido el 2025-07-11)».
_FECHA = compilar(r"\(?(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.\-])\d{1,2}\1\d{4})\)?")
# Una fecha con su hora («2025-09-08 10:00», «08/09/2025 10:30»): el número que se lee de
# «2025-09-08 10» tiene 10 cifras en 4-2-2-2, pero no es un teléfono.
_FECHA_Y_HORA = compilar(r"\(?(?:\d{4}-\d{1,2}-\d{1,2}|\d{1,2}([/.\-])\d{1,2}\1\d{4})[ T]\d{1,2}:\d{2}")
# Un monto: «$» justo antes (con espacios o no). Un teléfono nunca lleva «$».
_PESOS = compilar(r"\$[ \t]*$")
_ANTES_DE_NUMERO = compilar(r"[a-z0-9]|[0-9][.,]|[a-z0-9]-")


def estructurados(texto: str, plano: str | None = None) -> list[Hallazgo]:
    """Las CURP, los RFC de persona, los correos y los teléfonos de ``texto``."""
    plano = plegar(texto) if plano is None else plano
    if _POSIBLE.search(plano) is None:
        return []  # Lo común: sin arroba ni seis dígitos seguidos o siete en un número.
    arroba = "@" in plano
    hallados = []
    if arroba:
        hallados += [Hallazgo(CORREO, m.start(), m.end(), texto[m.start():m.end()])
                     for m in _CORREO.finditer(plano)]
        hallados += correos_dictados(texto, plano, hallados)
    # Los tramos ya tomados, ordenados: saber si un candidato cae en uno es una búsqueda binaria
    # (recorrerlos todos por candidato era cuadrático en un texto con miles de claves).
    ocupados = sorted((h.inicio, h.fin) for h in hallados)
    if _SEIS_CIFRAS.search(plano):
        for m in _CLAVES.finditer(plano):
            if _pegado(plano, m.start()) or _en(ocupados, m.start()):
                continue
            if m.lastgroup == "rfc" and not _fecha_valida(m.group("fecha")):
                continue
            clase = CURP if m.lastgroup == "curp" else RFC
            hallados.append(Hallazgo(clase, m.start(), m.end(), texto[m.start():m.end()]))
            bisect.insort(ocupados, (m.start(), m.end()))
    for m in _NUMERO.finditer(plano):
        if _en(ocupados, m.start()) or _pegado(plano, m.start()) or _ANTES_DE_NUMERO.fullmatch(
                plano, max(0, m.start() - 2), m.start()) or _PESOS.search(
                    plano, max(0, m.start() - 12), m.start()):
            continue  # la cola de otra palabra o de una cifra, o un monto («$18000.00»)
        inicio, fin = _telefono(plano, m.start(), m.group())
        if inicio is not None:
            hallados.append(Hallazgo(TELEFONO, inicio, fin, texto[inicio:fin]))
            bisect.insort(ocupados, (inicio, fin))
    return hallados


# Un correo disfrazado para que no lo lea una máquina, o dictado: «ximena.lopez arroba gmail
# punto com», «jlopez77 (arroba) gmail.com», «lupita_ramos84 @ hotmail . com». La arroba con
# espacios o entre paréntesis y los puntos con espacios o en letra.
_DISFRAZADO = compilar(
    r"(?<![\w.%+-])[a-z0-9][\w.%+-]*"
    r"(?:\s*@\s*|\s*[(\[<]\s*(?:arroba|at)\s*[)\]>]\s*|\s+(?P<letra>arroba)\s+)"
    r"(?P<dominio>[a-z0-9][a-z0-9-]*)"
    r"(?P<tld>(?:\s*(?:\.|[(\[]\s*punto\s*[)\]]|\bpunto\b)\s*[a-z]{2,4}(?![a-z]))*)")
_PUNTOS = compilar(r"[a-z]+$")
# Sin punto y final, el dominio tiene que ser de un proveedor de correo; con «@ …» suelto, el
# final tiene que ser de los de correo («Tarea @ casa . Se entrega…» no es un correo).
_PROVEEDORES = frozenset({"hotmail", "gmail", "yahoo", "outlook", "live", "icloud", "prodigy",
                          "msn", "aol", "ymail", "protonmail", "proton", "gmx"})
_FINALES = frozenset({"com", "mx", "net", "org", "edu", "gob", "es", "info", "us"})


def correos_dictados(texto: str, plano: str, hallados) -> list[Hallazgo]:
    """Los correos escritos con «arroba» y «punto», con la arroba entre espacios o entre
    paréntesis (quien llama ya sabe que hay una arroba o un «arroba»)."""
    encontrados = []
    for m in _DISFRAZADO.finditer(plano):
        if _dentro(hallados, m.start()) or not _es_correo(m):
            continue
        encontrados.append(Hallazgo(CORREO, m.start(), m.end(), texto[m.start():m.end()]))
    return encontrados


def _es_correo(m: re.Match) -> bool:
    if m.group("dominio") in _PROVEEDORES:
        return True
    final = _PUNTOS.search(m.group("tld"))
    if final is None:
        return False
    return m.group("letra") is not None or final.group() in _FINALES


# Un teléfono dictado, cifra por cifra en letra o mezclado con cifras: «dos dos dos, tres uno
# cuatro, cinco cinco ocho siete», «222 tres uno cuatro 55 87», o por pares como se dictan en
# México: «cuatro cuatro tres, dos uno cinco, ochenta y siete, noventa y uno».
_EN_LETRA = {"cero": "0", "uno": "1", "dos": "2", "tres": "3", "cuatro": "4", "cinco": "5",
             "seis": "6", "siete": "7", "ocho": "8", "nueve": "9"}
_DECENAS = {"diez": "10", "once": "11", "doce": "12", "trece": "13", "catorce": "14",
            "quince": "15", "dieciseis": "16", "diecisiete": "17", "dieciocho": "18",
            "diecinueve": "19", "veinte": "20", "veintiuno": "21", "veintidos": "22",
            "veintitres": "23", "veinticuatro": "24", "veinticinco": "25", "veintiseis": "26",
            "veintisiete": "27", "veintiocho": "28", "veintinueve": "29", "treinta": "30",
            "cuarenta": "40", "cincuenta": "50", "sesenta": "60", "setenta": "70", "ochenta": "80",
            "noventa": "90"}
# Las palabras que, tres o más en un texto, hacen mirar si dicta un teléfono.
CIFRAS_EN_LETRA = frozenset(_EN_LETRA) | frozenset(_DECENAS)
_UNIDAD = "cero|uno|dos|tres|cuatro|cinco|seis|siete|ocho|nueve"
# Una decena con su unidad («ochenta y siete») va antes que la unidad sola.
_UNA = (rf"(?:(?:treinta|cuarenta|cincuenta|sesenta|setenta|ochenta|noventa)(?:\s+y\s+(?:{_UNIDAD}))?"
        rf"|{'|'.join(sorted(_DECENAS, key=len, reverse=True))}|{_UNIDAD}|\d{{1,4}})")
_DICTADO_TEL = compilar(rf"(?<![\w.]){_UNA}(?:[\s,;.\-]+{_UNA}){{3,}}(?![\w])")
_PEDAZO = compilar(_UNA)


def _en_cifras(pedazo: str) -> str:
    """«siete» → «7», «ochenta y siete» → «87», «veinte» → «20», «55» → «55»."""
    if pedazo[0].isdigit():
        return pedazo
    if pedazo in _EN_LETRA:
        return _EN_LETRA[pedazo]
    decena, _, unidad = pedazo.partition(" y ")
    decena = _DECENAS[decena.strip()]
    return decena[0] + _EN_LETRA[unidad.strip()] if unidad else decena


def telefonos_dictados(texto: str, plano: str, hallados: list[Hallazgo]) -> list[Hallazgo]:
    """Los teléfonos dictados en letra. Cuenta como en ``_telefono``: 10 cifras con lada, o de
    7 a 13 con una palabra que lo anuncia o un familiar antes; nunca una cuenta («uno, dos,
    tres, cuatro, cinco, seis, siete, ocho, nueve»: cada cifra sigue a la anterior)."""
    encontrados = []
    for m in _DICTADO_TEL.finditer(plano):
        pedazos = [" ".join(p.split()) for p in _PEDAZO.findall(m.group())]
        if sum(not p[0].isdigit() for p in pedazos) < 3:
            continue  # cifras sueltas: las mira ``estructurados``
        cifras = "".join(map(_en_cifras, pedazos))
        if not 7 <= len(cifras) <= 13 or _seguidas(cifras):
            continue
        anunciado = (ultima(senales()["telefono"], plano, m.start() - 32, m.start()) is not None
                     or _ultimo_pariente(plano, m.start()) is not None)
        if not anunciado and not (len(cifras) == 10 and cifras[:3] in ladas()):
            continue
        hallados[:] = [h for h in hallados if not m.start() <= h.inicio < m.end()]
        encontrados.append(Hallazgo(TELEFONO, m.start(), m.end(), texto[m.start():m.end()]))
    return encontrados


def _seguidas(cifras: str) -> bool:
    """Cada cifra, la anterior más uno o menos uno: alguien cuenta, no dicta un número."""
    pasos = {int(b) - int(a) for a, b in zip(cifras, cifras[1:])}
    return pasos == {1} or pasos == {-1}


_ALFANUMERICOS = frozenset("abcdefghijklmnopqrstuvwxyz0123456789")


def _pegado(plano: str, inicio: int) -> bool:
    """Una letra o un dígito justo antes: el candidato es la cola de otra palabra."""
    return inicio > 0 and plano[inicio - 1] in _ALFANUMERICOS


def _en(ocupados: list[tuple[int, int]], posicion: int) -> bool:
    """Si ``posicion`` cae en uno de los tramos ``ocupados`` (ordenados; no se enciman: lo que cae
    en uno no se toma)."""
    i = bisect.bisect_right(ocupados, (posicion, float("inf"))) - 1
    return i >= 0 and ocupados[i][1] > posicion


def _dentro(hallados: list[Hallazgo], posicion: int) -> bool:
    return any(h.inicio <= posicion < h.fin for h in hallados)


def _fecha_valida(aammdd: str) -> bool:
    mes, dia = int(aammdd[2:4]), int(aammdd[4:6])
    return 1 <= mes <= 12 and 1 <= dia <= 31


def _telefono(plano: str, inicio: int, numero: str) -> tuple[int | None, int]:
    """(inicio, fin) del teléfono dentro del número encontrado, o (None, 0) si no lo es.

    Un teléfono de México tiene 10 dígitos (más el 52 del país y el 1 de los celulares de
    antes) y empieza con una lada (``ladas.txt``). Con una palabra que lo anuncia («tel.»,
    «cel.», «whats», «llamar») cerca y antes, basta que tenga de 7 a 13 dígitos en cualquier
    agrupación. Con un familiar («la abuela», «la mamá») más cerca que una palabra de folio
    («recibo», «ticket»), los 10 dígitos con lada en cualquier agrupación: «Recibo firmado por la
    abuela, 2221234567» es su teléfono; «Recibo 2221234567 de la abuela», el folio. Sin ninguna,
    debe venir en una agrupación de las que se usan y sin una palabra que lo vuelva folio o cifra.
    """
    numero = numero.rstrip(" .-(\t")
    if numero.endswith(")") and "(" not in numero:
        numero = numero[:-1]  # «(cel. 55 4812 9037)»: el paréntesis que cierra no es del número
    if _FECHA.fullmatch(numero) or _FECHA_Y_HORA.match(plano, inicio):
        return None, 0
    if _DE_UNA_INSTITUCION.search(plano, max(0, inicio - 48), inicio):
        return None, 0  # «Teléfono de la escuela: 244 445 1234»: no es de una familia
    fin = inicio + len(numero)
    digitos = len(_CIFRAS.findall(numero))
    if not 7 <= digitos <= 13:
        return None, 0
    cuerpo = _PREFIJO.sub("", numero) if digitos > 10 else numero
    cifras = "".join(_CIFRAS.findall(cuerpo))
    con_lada = len(cifras) == 10 and cifras[:3] in ladas()
    datos = senales()
    anuncio = ultima(datos["telefono"], plano, inicio - 32, inicio)
    negacion = ultima(datos["no_telefono"], plano, inicio - 32, inicio)
    if anuncio is not None and (negacion is None or anuncio > negacion):
        return inicio, fin
    pariente = _ultimo_pariente(plano, inicio)
    if con_lada and pariente is not None and (negacion is None or pariente > negacion):
        return inicio, fin
    if negacion is not None or not con_lada or not _AGRUPACIONES.fullmatch(cuerpo):
        return None, 0
    if _PARES_CON_ESPACIO.fullmatch(cuerpo) and _parece_lista(plano, inicio, fin, cuerpo):
        return None, 0
    return inicio, fin


# El teléfono de la escuela o de una institución, dicho así justo antes del número.
_DE_UNA_INSTITUCION = compilar(
    r"(?<![a-z])(?:tel(?:efono)?s?|cel(?:ular)?|numero|whats(?:app)?)\.?[ \t]+(?:de|del)[ \t]+"
    r"(?:la[ \t]+|el[ \t]+)?(?:escuela|direccion|supervision|zona(?:[ \t]+escolar)?|usaer|plantel"
    r"|primaria|secundaria|jardin(?:[ \t]+de[ \t]+ninos)?|preescolar|dif|centro[ \t]+de[ \t]+salud"
    r"|clinica|imss|issste|presidencia|ayuntamiento|sep|seg|cct)(?![a-z])"
    r"(?:[ \t]+(?:municipal|estatal|escolar|federal))?[ \t:.,=-]{0,4}$")
# Un familiar de un alumno poco antes de un número: el número es de esa persona.
_PARIENTE = compilar(r"(?<![a-z])(?:mama|mami|papa|papi|madre|padre|tutora?|abuel(?:it)?[oa]"
                     r"|ti[oa]|herman[oa]|madrina|padrino|familiar)(?:e?s)?(?![a-z])")


def _ultimo_pariente(plano: str, inicio: int) -> int | None:
    """Dónde termina el último familiar en los 32 caracteres antes de ``inicio``."""
    fin = None
    for m in _PARIENTE.finditer(plano, max(0, inicio - 32), inicio):
        fin = m.end()
    return fin


def _parece_lista(plano: str, inicio: int, fin: int, cuerpo: str) -> bool:
    """Cinco pares separados por espacios que son más bien una lista de cifras: en orden
    creciente o decreciente, pegados a otra cifra, o en una oración que habla de cifras."""
    pares = [int(p) for p in cuerpo.split()]
    if all(a < b for a, b in zip(pares, pares[1:])) or all(a > b for a, b in zip(pares, pares[1:])):
        return True
    if re.match(r"\s*(?:%|,?\s*\d)", plano[fin:fin + 4]):
        return True
    desde = plano.rfind(".", 0, inicio) + 1
    if "%" in plano[desde:inicio]:
        return True
    return bool(senales()["lista_numeros"].buscar(palabras_en(plano, desde, inicio)[0]))
