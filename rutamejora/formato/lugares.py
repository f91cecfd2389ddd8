"""Dónde está un problema en las palabras del usuario: ``metas[2].valor_meta`` → «meta M3
(valor_meta)»; ``entradas[4].acciones[3].avance`` → «la entrada del 30 ene 2026 (sesión 4),
acción A4 (avance)».

Un maestro piensa en «la meta M3» o «la entrada del 30 de enero», no en el índice de una lista:
cada elemento de una lista se nombra por su ``id`` (o por lo que cita: la acción de un registro
de la bitácora, la meta de una medición) y las entradas de la bitácora por su fecha y su sesión.
Lo que no tiene nada de eso se nombra por su número, siempre con la misma forma, «n.º»:
«alumnos en riesgo n.º 2», «acuerdos n.º 1», «la entrada n.º 5».
Se lee del árbol del documento (``lectura.Nodo``), no del modelo: un objeto con un campo
inválido también tiene nombre. El camino de código sigue en ``Problema.ruta_yaml``.
"""

from __future__ import annotations

from dataclasses import dataclass

from rutamejora.formato.lectura import ESCALAR, LISTA, MAPA
from rutamejora.nucleo.expresiones import compilar
from rutamejora.nucleo.textos import MESES_CORTOS


# Cómo se llama un elemento de cada lista (por su clave).
_NOMBRES = {
    "metas": "meta", "acciones": "acción", "objetivos": "objetivo", "colectivo": "integrante",
    "comunidad": "integrante", "fuentes": "fuente", "necesidades": "necesidad",
    "mediciones": "medición", "ingresos": "ingreso", "ajustes": "ajuste", "periodos": "periodo",
    "recesos": "receso", "ciclos": "ciclo", "resultados": "resultado", "aprendizajes": "aprendizaje",
    "alumnos_en_riesgo": "alumnos en riesgo", "indicadores": "indicador", "rasgos": "rasgo",
    "balance": "balance", "no_atendidas": "no atendida", "ambitos": "ámbito",
}
# La clave con que un elemento sin ``id`` cita lo suyo (``{accion: A4, avance: 40}``).
_CITAS = ("accion", "meta", "fuente", "prioridad", "ambito", "problematica", "rasgo")
_FECHA = compilar(r"^(\d{4})-(\d{2})-(\d{2})$")
_PASO = compilar(r"([^.\[\]]+)|\[(\d+)\]")


@dataclass(frozen=True)
class Lugar:
    """Un lugar legible: los objetos que lo contienen, de afuera hacia adentro («la entrada del
    30 ene 2026 (sesión 4)», «acción A4»), con las marcas que dicen si un mensaje ya los nombra
    (``marcas``: por objeto, sus textos: el id, la fecha), y el campo dentro del último
    (```avance```, entre comillas invertidas como lo citan los mensajes; ```acuerdos` n.º 1``
    en una lista de valores). ``objeto`` es el camino de código del último objeto
    (``entradas[4].acciones[3]``)."""

    objetos: tuple[str, ...]
    marcas: tuple[tuple[str, ...], ...]
    campo: str
    objeto: str

    def __str__(self) -> str:
        return con_campo(", ".join(self.objetos), self.campo.replace("`", ""))


def con_campo(texto: str, campo: str) -> str:
    """«meta M3 (valor_meta)»; tras un paréntesis, con coma: «la entrada del 30 ene 2026
    (sesión 4), fecha»."""
    if not campo or not texto:
        return texto or campo
    return f"{texto}, {campo}" if texto.endswith(")") else f"{texto} ({campo})"


def pasos(ruta_yaml: str) -> list:
    """``metas[2].valor_meta`` → ``["metas", 2, "valor_meta"]``."""
    return [int(i) if i else clave for clave, i in _PASO.findall(ruta_yaml)]


def lugar_de(raiz, ruta_yaml: str, archivo: str = "", marco=None) -> Lugar | None:
    """El lugar legible de ``ruta_yaml`` en el documento de raíz ``raiz``; ``None`` si el camino
    no pasa por ningún elemento de una lista (``escuela.cct`` ya se entiende así)."""
    if "[" not in ruta_yaml or raiz is None:
        return None
    objetos, marcas, campo, objeto = [], [], [], ""
    nodo, clave, recorrido = raiz, "", ""
    for paso in pasos(ruta_yaml):
        if isinstance(paso, int):
            recorrido += f"[{paso}]"
            hijo = nodo.valor[paso] if nodo is not None and nodo.tipo == LISTA \
                and paso < len(nodo.valor) else None
            if hijo is not None and hijo.tipo != MAPA:
                # Un elemento de una lista de valores: el campo es la lista y su número.
                campo[-1:] = [f"{campo[-1]} n.º {paso + 1}" if campo else f"n.º {paso + 1}"]
                nodo = hijo
                continue
            nombre, marca = _nombre(clave, paso, hijo, archivo, marco, not objetos)
            objetos.append(nombre)
            marcas.append(marca)
            campo, objeto, nodo = [], recorrido, hijo
            continue
        recorrido += f".{paso}" if recorrido else paso
        campo.append(f"`{paso}`")
        clave = paso
        nodo = nodo.valor.get(paso) if nodo is not None and nodo.tipo == MAPA else None
    if not objetos:
        return None
    return Lugar(tuple(objetos), tuple(marcas), ".".join(campo).replace("`.`", "."), objeto)


def _nombre(clave: str, indice: int, nodo, archivo: str, marco, primero: bool):
    """(cómo se llama el elemento ``indice`` de la lista ``clave``, los textos que lo nombran)."""
    if clave == "entradas" and archivo == "bitacora.yaml" and primero:
        return _entrada(indice, nodo)
    nombre = _NOMBRES.get(clave, "")
    if archivo == "prioridades.yaml" and primero and clave != "no_atendidas":
        nombre = marco.singular if marco is not None else "prioridad"
    campos = nodo.valor if nodo is not None and nodo.tipo == MAPA else {}
    ident = _texto(campos.get("id"))
    if ident:
        return f"{nombre} {ident}" if nombre else ident, (ident,)
    for cita in _CITAS:
        citado = _texto(campos.get(cita))
        if citado:
            if clave == "acciones":
                return f"acción {citado}", (citado,)
            return f"{nombre or clave} de {citado}", (citado,)
    # Sin id ni cita, por su número en la lista, con la forma de todos los lugares: «alumnos en
    # riesgo n.º 2», «acuerdos n.º 1» (la lista por su clave si no tiene nombre).
    return f"{nombre or clave} n.º {indice + 1}", ()


def _entrada(indice: int, nodo) -> tuple[str, tuple[str, ...]]:
    """«la entrada del 30 ene 2026 (sesión 4)»; sin fecha legible, «la entrada n.º 5»."""
    campos = nodo.valor if nodo is not None and nodo.tipo == MAPA else {}
    fecha, sesion = _texto(campos.get("fecha")), _texto(campos.get("sesion"))
    m = _FECHA.match(fecha)
    if m and 1 <= int(m.group(2)) <= 12:
        dicha = f"{int(m.group(3))} {MESES_CORTOS[int(m.group(2)) - 1]} {m.group(1)}"
        nombre = f"la entrada del {dicha}"
        marcas = (fecha, dicha)
    else:
        nombre, marcas = f"la entrada n.º {indice + 1}", ()
    if sesion.isdigit():
        nombre += f" (sesión {sesion})"
    return nombre, marcas


def _texto(nodo) -> str:
    return nodo.texto.strip() if nodo is not None and nodo.tipo == ESCALAR else ""
