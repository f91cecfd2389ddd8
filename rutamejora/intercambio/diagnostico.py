"""Agregar resultados a un campo de ``diagnostico.yaml`` sin tocar nada más del archivo.

Como ``bitacora agregar`` (``escritura``): el archivo se lee una vez con el analizador en C para
saber dónde está cada nodo, el YAML de lo nuevo lo escribe ruamel.yaml con la sangría y el
estilo del archivo (resultados en bloque o ``{indicador: …}`` en línea, como los que ya tiene el
campo) y se **injerta** en el texto: comentarios, comillas, sangrías, la BOM y los fines de línea
CRLF del resto quedan byte por byte. Antes de escribir se comprueba que el archivo nuevo se
lee como el de antes más lo agregado, y se escribe de forma atómica con el candado de la Ruta.

Dónde va lo nuevo: al final de los ``resultados`` del campo (``aprendizajes`` con ese
``campo``, sin importar acentos ni mayúsculas); si el campo no está, un ``aprendizaje`` nuevo al
final de ``aprendizajes``. Si el campo ya tiene un resultado con el mismo indicador y grado (la
misma hoja importada dos veces), no se escribe nada.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from rutamejora.catalogos import normalizar
from rutamejora.escritura.candado import (ESPERA, FallaDeEscritura, NoSeEscribio, candado,
                                          leer_para_escribir)
from rutamejora.escritura.comprobacion import como_se_lee
from rutamejora.escritura.estilo_yaml import Estilo, Sangria, como_elemento, elementos_en_linea, volcar
from rutamejora.escritura.texto_yaml import (Texto, aplicar, columna_guion, componer, es_nodo,
                                             nodo_clave, sin_bom, ultima_linea, valor_de)

ARCHIVO = "diagnostico.yaml"
_NO_COINCIDE = ("Lo que se iba a escribir no coincide con lo que se pidió (un error de ruta, no de "
                "tu Ruta); diagnostico.yaml quedó como estaba.")


class YaImportado(ValueError):
    """El campo ya tiene esos resultados (la misma hoja dos veces): un error de uso."""


@dataclass
class ResultadosAgregados:
    """Qué se hizo: el campo como quedó escrito, si es un ``aprendizaje`` nuevo, cuántos
    resultados y la línea (desde 1) donde empiezan."""

    campo: str
    nuevo_campo: bool
    cuantos: int
    linea: int


def _vacio(nodo) -> bool:
    return nodo is None or (es_nodo(nodo, "ScalarNode") and nodo.value.strip() in ("", "~", "null")
                            and not nodo.style) or \
        (es_nodo(nodo, "SequenceNode") and nodo.flow_style and not nodo.value)


def _sangria(lista, clave_, lineas) -> Sangria:
    """La sangría de una lista en bloque respecto de su clave (la del ejemplo si no se ve)."""
    if lista is None or not es_nodo(lista, "SequenceNode") or lista.flow_style or not lista.value:
        return Sangria()
    primero = lista.value[0]
    guion = columna_guion(primero, lineas) - clave_.start_mark.column
    contenido = primero.start_mark.column - clave_.start_mark.column
    return Sangria(guion, contenido) if 0 <= guion < contenido else Sangria()


def _quitar_valor_vacio(doc: Texto, clave_, valor) -> None:
    """``clave: []`` o ``clave: ~`` → ``clave:`` (lo nuevo va en bloque debajo)."""
    n = clave_.start_mark.line
    if valor is None or valor.end_mark.line != n or valor.end_mark.column <= valor.start_mark.column:
        return
    contenido = doc.lineas[n][0]
    contenido = contenido[:valor.start_mark.column].rstrip() + contenido[valor.end_mark.column:]
    doc.lineas[n][0] = contenido if "#" in contenido else contenido.rstrip()


def _en_linea(doc: Texto, lista, clave_: str, elementos: list, estilo: Estilo) -> int:
    """Agrega elementos antes del «]» de una lista escrita en línea; la línea que cambió."""
    n, col = lista.end_mark.line, lista.end_mark.column - 1
    contenido = doc.lineas[n][0]
    texto = elementos_en_linea(clave_, elementos, estilo)
    doc.lineas[n][0] = contenido[:col] + (", " if lista.value else "") + texto + contenido[col:]
    return n


def _resultados_en(doc: Texto, aprendizaje, nuevos: list[dict], en_linea: bool) -> int:
    """Agrega ``nuevos`` a los ``resultados`` de un aprendizaje; la línea (desde 0) de lo nuevo."""
    actual = valor_de(aprendizaje, "resultados")
    clave_ = nodo_clave(aprendizaje, "resultados")
    if actual is not None and es_nodo(actual, "SequenceNode") and actual.flow_style and actual.value:
        return _en_linea(doc, actual, "resultados", nuevos, Estilo(mapa_en_linea={"resultados": True}))
    if actual is not None and es_nodo(actual, "SequenceNode") and actual.value:
        primero = actual.value[0]
        guion, contenido = columna_guion(primero, doc.lineas), primero.start_mark.column
        estilo = Estilo(mapa_en_linea={"resultados": bool(getattr(primero, "flow_style", False))})
        lineas = [l for r in nuevos for l in como_elemento(volcar(r, estilo, "resultados"), guion, contenido)]
        indice = ultima_linea(actual.value[-1], doc.lineas) + 1
        doc.insertar(indice, lineas)
        return indice
    if actual is not None and not _vacio(actual):
        raise NoSeEscribio("En diagnostico.yaml, los `resultados` de ese campo no son una lista; "
                           "corrígelo primero (`ruta validar` dice dónde).")
    s = Sangria()
    estilo = Estilo(mapa_en_linea={"resultados": en_linea})
    if clave_ is not None:
        _quitar_valor_vacio(doc, clave_, actual)
        col = clave_.start_mark.column
        lineas = [l for r in nuevos for l in como_elemento(volcar(r, estilo, "resultados"),
                                                           col + s.guion, col + s.contenido)]
        doc.insertar(clave_.start_mark.line + 1, lineas)
        return clave_.start_mark.line + 1
    col = aprendizaje.start_mark.column
    lineas = [" " * col + l for l in ["resultados:"] + [
        l for r in nuevos for l in como_elemento(volcar(r, estilo, "resultados"), s.guion, s.contenido)]]
    indice = ultima_linea(aprendizaje, doc.lineas) + 1
    doc.insertar(indice, lineas)
    return indice


def _aprendizaje_nuevo(doc: Texto, raiz, campo: str, nuevos: list[dict], en_linea: bool) -> int:
    """Un ``aprendizaje`` nuevo al final de ``aprendizajes`` (o la lista, si no está)."""
    clave_ = nodo_clave(raiz, "aprendizajes") if raiz is not None else None
    lista = valor_de(raiz, "aprendizajes") if raiz is not None else None
    s = _sangria(lista, clave_, doc.lineas) if clave_ is not None else Sangria()
    estilo = Estilo(sangria=s, mapa_en_linea={"aprendizajes.resultados": en_linea})
    lineas = volcar({"campo": campo, "resultados": nuevos}, estilo, "aprendizajes")
    if lista is not None and es_nodo(lista, "SequenceNode") and lista.value:
        if lista.flow_style:
            raise NoSeEscribio("En diagnostico.yaml, `aprendizajes` está escrita en una sola línea; "
                               "escríbela como lista en bloque (un `- campo:` por renglón) y vuelve a "
                               "intentarlo.")
        primero = lista.value[0]
        guion, contenido = columna_guion(primero, doc.lineas), primero.start_mark.column
        indice = ultima_linea(lista.value[-1], doc.lineas) + 1
        doc.insertar(indice, como_elemento(lineas, guion, contenido))
        return indice
    if clave_ is not None:
        if not _vacio(lista):
            raise NoSeEscribio("En diagnostico.yaml, `aprendizajes` no es una lista; corrígelo "
                               "primero (`ruta validar` dice dónde).")
        _quitar_valor_vacio(doc, clave_, lista)
        col = clave_.start_mark.column
        doc.insertar(clave_.start_mark.line + 1, como_elemento(lineas, col + s.guion, col + s.contenido))
        return clave_.start_mark.line + 1
    indice = len(doc.lineas)
    doc.insertar(indice, ["aprendizajes:"] + como_elemento(lineas, s.guion, s.contenido))
    return indice + 1


def _estilo_en_linea(raiz) -> bool:
    """¿El archivo escribe sus resultados en línea (``- {indicador: …}``)? Lo primero que se vea."""
    for a in (valor_de(raiz, "aprendizajes").value
              if es_nodo(valor_de(raiz, "aprendizajes"), "SequenceNode") else []):
        r = valor_de(a, "resultados")
        if es_nodo(r, "SequenceNode") and r.value:
            return bool(r.flow_style or getattr(r.value[0], "flow_style", False))
    return False


def _del_campo(raiz, campo: str):
    """El nodo del aprendizaje de ``campo`` (sin importar acentos ni mayúsculas), o ``None``."""
    lista = valor_de(raiz, "aprendizajes") if es_nodo(raiz, "MappingNode") else None
    for a in lista.value if es_nodo(lista, "SequenceNode") else []:
        v = valor_de(a, "campo")
        if es_nodo(v, "ScalarNode") and normalizar(v.value) == normalizar(campo):
            return a
    return None


def _ya_estan(aprendizaje, nuevos: list[dict], campo: str) -> None:
    actual = valor_de(aprendizaje, "resultados")
    vistos = set()
    for r in actual.value if es_nodo(actual, "SequenceNode") else []:
        ind, grado = valor_de(r, "indicador"), valor_de(r, "grado")
        vistos.add((ind.value if es_nodo(ind, "ScalarNode") else None,
                    grado.value if es_nodo(grado, "ScalarNode") else None))
    for r in nuevos:
        if (r["indicador"], r.get("grado")) in vistos:
            raise YaImportado(f"{campo} ya tiene el resultado «{r['indicador']}»"
                              + (f" de {r['grado']}" if r.get("grado") else "")
                              + " en diagnostico.yaml (¿la misma hoja otra vez?). Bórralo allí si "
                                "quieres importarla de nuevo; no se escribió nada.")


def injertar_resultados(texto: str, campo: str, nuevos: list[dict]) -> tuple[str, ResultadosAgregados]:
    """El texto de ``diagnostico.yaml`` con ``nuevos`` en los resultados de ``campo``. Pura."""
    doc = Texto.de(texto)
    raiz = componer(doc.original, doc.inicios).raiz if doc.original.strip() else None
    if raiz is not None and not es_nodo(raiz, "MappingNode"):
        raise NoSeEscribio("diagnostico.yaml no es un mapa de campos (`fecha:`, `aprendizajes:`…); "
                           "corrígelo primero (`ruta validar` dice dónde).")
    aprendizaje = _del_campo(raiz, campo) if raiz is not None else None
    en_linea = _estilo_en_linea(raiz) if raiz is not None else False
    if aprendizaje is not None:
        escrito = valor_de(aprendizaje, "campo").value
        _ya_estan(aprendizaje, nuevos, escrito)
        linea = _resultados_en(doc, aprendizaje, nuevos, en_linea)
        hecho = ResultadosAgregados(escrito, False, len(nuevos), linea + 1)
    else:
        linea = _aprendizaje_nuevo(doc, raiz, campo, nuevos, en_linea)
        hecho = ResultadosAgregados(campo, True, len(nuevos), linea + 1)
    despues = doc.texto()
    ediciones = doc.ediciones()
    (bom, original), (bom_despues, sin) = sin_bom(texto), sin_bom(despues)
    if ediciones is None or bom_despues != bom or aplicar(original, ediciones) != sin:
        raise NoSeEscribio(_NO_COINCIDE)
    return despues, hecho



def comprobar(antes: str, despues: str, campo: str, nuevos: list[dict]) -> None:
    """El archivo nuevo se lee como el de antes más los resultados nuevos, y nada más."""
    from ruamel.yaml import YAML

    def cargar(texto: str):
        texto = sin_bom(texto)[1]
        return YAML(typ="safe", pure=False).load(texto) if texto.strip() else None

    esperado = cargar(antes) or {}
    lista = list(esperado.get("aprendizajes") or [])
    nuevos_ = como_se_lee(nuevos)
    for i, a in enumerate(lista):
        if isinstance(a, dict) and normalizar(str(a.get("campo"))) == normalizar(campo):
            lista[i] = {**a, "resultados": list(a.get("resultados") or []) + nuevos_}
            break
    else:
        lista.append({"campo": campo, "resultados": nuevos_})
    esperado = {**esperado, "aprendizajes": lista}
    if cargar(despues) != esperado:
        raise NoSeEscribio(_NO_COINCIDE)


def agregar_resultados(carpeta: Path, campo: str, nuevos: list[dict], espera: float = ESPERA,
                       al_esperar=None) -> ResultadosAgregados:
    """Agrega ``nuevos`` a los resultados de ``campo`` en ``carpeta/diagnostico.yaml``: con el
    candado de la Ruta, la comprobación y escritura atómica. Lanza ``YaImportado`` y
    ``NoSeEscribio`` (``FallaDeEscritura`` si el sistema no dejó escribir)."""
    from ruamel.yaml.error import YAMLError

    from rutamejora.nucleo import escribir_atomico, no_se_escribio

    archivo = carpeta / ARCHIVO
    with candado(carpeta, espera, al_esperar):
        antes = leer_para_escribir(archivo)
        try:
            despues, hecho = injertar_resultados(antes, campo, nuevos)
            comprobar(antes, despues, hecho.campo, nuevos)
        except YAMLError:
            raise NoSeEscribio(f"{ARCHIVO} tiene un error de YAML; corrígelo primero "
                               "(`ruta validar` dice dónde).") from None
        try:
            escribir_atomico(archivo, despues.encode("utf-8"))
        except OSError as exc:
            raise FallaDeEscritura(no_se_escribio(ARCHIVO, exc)) from None
    return hecho
