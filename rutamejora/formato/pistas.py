"""Las pistas y las piezas de los mensajes de la estructura: cómo se nombra lo que se esperaba
(``articulo``) y lo que se encontró (``describir``), qué pista dar según el tipo, y el valor
válido más parecido a uno mal escrito (``sugerir``, que usan también la carga, las reglas y
la escritura).

Solo arma textos; qué se informa y con qué código lo decide ``estructura``.
"""

from __future__ import annotations

import difflib
import re

from rutamejora.catalogos import normalizar
from rutamejora.formato import esquema as E
from rutamejora.formato.lectura import ESCALAR, LISTA, MAPA, Nodo
from rutamejora.nucleo.expresiones import compilar

# Un número como lo escribe YAML sin comillas; ``estructura`` lo usa también para leerlo.
FORMA_NUMERO = compilar(r"^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$")


def sugerir(escrito: str, validos, corte: float = 0.6) -> str | None:
    """El valor válido más parecido a ``escrito`` (sin importar acentos ni mayúsculas)."""
    validos = list(validos)
    por_forma = {normalizar(v): v for v in validos}
    forma = normalizar(escrito)
    if forma in por_forma:
        return por_forma[forma]
    cercanos = difflib.get_close_matches(forma, list(por_forma), n=1, cutoff=corte)
    return por_forma[cercanos[0]] if cercanos else None


def numero_en(texto: str) -> str:
    m = re.search(r"\d+", texto)
    return str(int(m.group())) if m else ""


def describir(nodo: Nodo) -> str:
    if nodo.tipo == MAPA:
        return "un mapa (claves con valores)"
    if nodo.tipo == LISTA:
        return "una lista"
    if nodo.es_nulo():
        return "un valor vacío"
    texto = nodo.texto if len(nodo.texto) <= 40 else nodo.texto[:37] + "…"
    if nodo.plano and FORMA_NUMERO.match(nodo.texto.strip()):
        return f"el número `{texto}`"
    return f"el texto `{texto}`"


def articulo(tipo: E.Tipo) -> str:
    if isinstance(tipo, E.Objeto):
        return "un mapa (claves con valores)"
    if isinstance(tipo, E.Lista):
        return "una lista"
    if isinstance(tipo, E.Dinero):
        return "una cantidad en pesos"
    if isinstance(tipo, (E.Numero, E.Entero)):
        return f"un {tipo.nombre}"
    if isinstance(tipo, E.Fecha):
        return "una fecha AAAA-MM-DD"
    if isinstance(tipo, E.UnoDe):
        return " o ".join(articulo(a) for a in tipo.alternativas)
    return tipo.nombre


def limites(tipo) -> str:
    if tipo.minimo is not None and tipo.maximo is not None:
        return f"entre {tipo.minimo} y {tipo.maximo}"
    if tipo.minimo is not None:
        return f"de {tipo.minimo} o más"
    return f"de {tipo.maximo} o menos"


def pista_de_tipo(nodo: Nodo, tipo: E.Tipo, clave: str = "") -> str:
    """La pista para un valor del tipo equivocado; ``clave`` es cómo está escrita su clave
    (``valor_meta``), para decir la línea entera ya corregida."""
    if isinstance(tipo, (E.Numero, E.Entero)) and not isinstance(tipo, E.Dinero) \
            and nodo.tipo == ESCALAR:
        pista = _pista_de_numero(nodo.texto, isinstance(tipo, E.Entero), clave)
        if pista:
            return pista
    if isinstance(tipo, (E.Dinero, E.UnoDe)) and nodo.tipo == ESCALAR and re.search(r"\d", nodo.texto):
        if re.search(r"seman|mens|mes", nodo.texto, re.I):
            return ("Escribe el costo como número; si es por semana o por mes usa "
                    "`costo: {por_semana: 60, semanas: 30}` o `{por_mes: 500, meses: 10}`.")
        return "Escribe solo el número, sin `$` ni comas ni texto: `1250.50`."
    if isinstance(tipo, (E.Numero, E.Entero)) and nodo.tipo == ESCALAR and not nodo.plano:
        return "Quita las comillas: un número se escribe sin ellas."
    if isinstance(tipo, (E.Numero, E.Entero, E.Dinero)) and nodo.tipo == ESCALAR \
            and re.fullmatch(r"[-+]?\.(?:nan|inf)", nodo.texto.strip(), re.IGNORECASE):
        return "Escribe la cantidad como número (`1250.50`); si aún no se sabe, deja el campo vacío."
    if isinstance(tipo, (E.Numero, E.Entero)) and nodo.tipo == ESCALAR and "%" in nodo.texto:
        return "Escribe solo el número, sin `%`: la unidad va en el indicador."
    if isinstance(tipo, E.Lista) and nodo.tipo == MAPA:
        return "Pon un `- ` antes de cada elemento de la lista."
    if isinstance(tipo, E.Texto) and nodo.tipo == MAPA:
        entrecomillado = _texto_con_dos_puntos(nodo)
        if entrecomillado:
            return (f"Si es un texto con «: », ponlo entre comillas: `{entrecomillado}` (sin "
                    "ellas, YAML lo lee como una clave con su valor).")
    if isinstance(tipo, E.Objeto):
        nombres = ", ".join(f"`{c.nombre}`" for c in tipo.campos if c.requerido)
        return f"Escribe sus claves en renglones con sangría ({nombres})."
    return ""


def _texto_con_dos_puntos(nodo: Nodo) -> str:
    """``"Lista de útiles: cuadernos"`` si el mapa es un solo par en un renglón (un texto que
    llevaba «: » sin comillas); vacío si no lo parece."""
    if not isinstance(nodo.valor, dict) or len(nodo.valor) != 1:
        return ""
    (clave, valor), = nodo.valor.items()
    if not isinstance(valor, Nodo) or valor.tipo != ESCALAR or valor.linea != nodo.linea:
        return ""
    return '"' + f"{clave}: {valor.texto}".replace('"', "'") + '"'


def pista_de_campo(campo: E.Campo, nombre: str | None = None, vacio: bool = False) -> str:
    """«Agrega `indicador:` — …» (la clave falta) o «Llena `responsables:` — …» (está vacía)."""
    texto = f"{'Llena' if vacio else 'Agrega'} `{nombre or campo.nombre}:`"
    if campo.descripcion:
        texto += f" — {campo.descripcion[0].lower()}{campo.descripcion[1:]}"
    if not texto.endswith("."):
        texto += "."
    return texto


def falta(nombre: str, ruta: str, archivo: str) -> str:
    return f"Falta la clave `{nombre}` en `{ruta}`." if ruta else f"Falta la clave `{nombre}` en {archivo}."


_POR_QUE = {
    "coma": "los decimales van con punto",
    "unidad": "solo el número; la unidad la dice el indicador",
    "palabras": "con cifras",
}


def _pista_de_numero(texto: str, entero: bool, clave: str) -> str:
    """«Escribe `linea_base: 91.3` (los decimales van con punto).» para un número escrito con
    coma decimal, con su unidad o con palabras; vacía si no se reconoce."""
    # Solo con un número mal escrito: una Ruta sin errores no paga esta importación.
    from rutamejora.formato.numeros_escritos import convertir

    convertido = convertir(texto, entero)
    if convertido is None:
        return ""
    numero, como = convertido
    if como == "miles":
        decimal = f"{numero[:-3]}.{numero[-3:]}"
        if entero:
            return f"Escribe `{clave}: {numero}` (sin separador de miles)."
        return (f"Escribe `{clave}: {numero}` si son miles o `{clave}: {decimal}` si es un "
                f"decimal (sin separador de miles; los decimales van con punto).")
    por_que = _POR_QUE[como]
    if como == "unidad" and clave == "avance":
        por_que = "solo el número: el avance ya es un porcentaje"
    linea = f"{clave}: {numero}" if clave else numero
    return f"Escribe `{linea}` ({por_que})."
