"""El estilo de la bitácora y el YAML de lo nuevo escrito con ese estilo.

Lo nuevo se ve como lo que ya está: la misma sangría de las listas, las mismas listas en línea
(``[a, b]``) o en bloque, los mismos mapas en línea (``{meta: M1, valor: 3}``) y la línea en blanco
entre entradas si el archivo la usa. Lo que el archivo no muestra sigue el ejemplo del proyecto.
"""

from __future__ import annotations

import bisect
import io
import re
import unicodedata
from decimal import Decimal
from functools import lru_cache

from rutamejora.escritura.texto_yaml import columna_guion, es_nodo, ultima_linea
from rutamejora.nucleo.registro import campo, registro

@registro
class Sangria:
    """Cómo anida el archivo una lista bajo una clave: «-» a ``guion`` y contenido a ``contenido``
    columnas de la clave (en el ejemplo del proyecto, 2 y 4)."""

    guion: int = 2
    contenido: int = 4


@registro
class Estilo:
    sangria: Sangria = campo(fabrica=Sangria)
    # Por camino («acciones», «acciones.evidencias», «ajustes.metas»): si la lista va en línea
    # ([a, b]) y si sus elementos mapa van en línea ({a: 1}). Lo que el archivo no muestra
    # sigue el estilo del ejemplo del proyecto.
    lista_en_linea: dict = campo(fabrica=lambda: {
        "acciones.evidencias": True, "ajustes.acciones": True, "ajustes.metas": True})
    mapa_en_linea: dict = campo(fabrica=lambda: {"mediciones": True, "ingresos": True})
    separador: bool = False        # ¿una línea en blanco entre entradas?


def estilo_de(entradas, lineas) -> Estilo:
    """La sangría y el estilo que ya usa el archivo (lo último escrito manda), para que lo nuevo
    se vea igual."""
    estilo = Estilo()
    items = list(entradas.value) if entradas is not None and es_nodo(entradas, "SequenceNode") else []
    sangria = None
    for entrada in items:
        if not es_nodo(entrada, "MappingNode"):
            continue
        for k, v in entrada.value:
            if not es_nodo(v, "SequenceNode") or not es_nodo(k, "ScalarNode"):
                continue
            estilo.lista_en_linea[k.value] = bool(v.flow_style)
            if v.flow_style or not v.value:
                continue
            if sangria is None and k.start_mark.line < v.value[0].start_mark.line:
                guion = columna_guion(v.value[0], lineas)
                sangria = Sangria(guion - k.start_mark.column,
                                   v.value[0].start_mark.column - k.start_mark.column)
            for elemento in v.value:
                if not es_nodo(elemento, "MappingNode"):
                    continue
                estilo.mapa_en_linea[k.value] = bool(elemento.flow_style)
                for k2, v2 in elemento.value:
                    if es_nodo(v2, "SequenceNode") and es_nodo(k2, "ScalarNode"):
                        estilo.lista_en_linea[f"{k.value}.{k2.value}"] = bool(v2.flow_style)
    if sangria is None and items and not entradas.flow_style:
        # Sin listas anidadas: la misma forma que la lista de entradas bajo `entradas:` (columna 0).
        sangria = Sangria(columna_guion(items[0], lineas), items[0].start_mark.column)
    if sangria is not None and sangria.guion >= 0 and sangria.contenido > sangria.guion:
        estilo.sangria = sangria
    estilo.separador = _hay_separador(items, lineas)
    return estilo


def _hay_separador(items: list, lineas) -> bool:
    """¿Hay una línea en blanco entre el fin de alguna entrada y la siguiente? Solo se busca el fin
    de una entrada (recorrerla entera) si hay líneas en blanco entre su inicio y la siguiente."""
    blancas = [i for i, (contenido, _) in enumerate(lineas) if not contenido.strip()]
    for anterior, siguiente in zip(items, items[1:]):
        primera = bisect.bisect_right(blancas, anterior.start_mark.line)
        if primera == len(blancas) or blancas[primera] >= siguiente.start_mark.line:
            continue
        fin = ultima_linea(anterior, lineas)
        if any(not lineas[i][0].strip() for i in range(fin + 1, siguiente.start_mark.line)):
            return True
    return False


# --- Lo nuevo, en YAML --------------------------------------------------------------------------

_PALABRAS_YAML11 = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_INVISIBLES = {"Cc", "Cf", "Zl", "Zp", "Co", "Cn"}
# Un texto que empieza con un indicador de YAML va entre comillas (en una lista en línea, «?0»
# se leería como una clave).
_INDICADORES = set("?:-,[]{}#&*!|>%@`")


def _yaml(sangria: Sangria):
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 1_000_000_000          # nunca partir una línea larga
    yaml.allow_unicode = True
    mapeo = max(2, sangria.contenido - sangria.guion)
    yaml.indent(mapping=mapeo, sequence=sangria.contenido, offset=sangria.guion)

    def decimal(representador, valor: Decimal):
        texto = format(valor, "f")
        tipo = "int" if re.fullmatch(r"-?\d+", texto) else "float"
        return representador.represent_scalar(f"tag:yaml.org,2002:{tipo}", texto)

    def texto_(representador, valor: str):
        # `no`, `yes`, `on`… son booleanos para YAML 1.1 (PyYAML y otros): van entre comillas.
        estilo = "'" if valor.lower() in _PALABRAS_YAML11 or valor[:1] in _INDICADORES else None
        if any(unicodedata.category(c) in _INVISIBLES for c in valor):
            estilo = '"'   # saltos de línea raros (NEL, U+2028) y controles: solo con escapes
        return representador.represent_scalar("tag:yaml.org,2002:str", valor, style=estilo)

    yaml.representer.add_representer(Decimal, decimal)
    yaml.representer.add_representer(str, texto_)
    yaml.Emitter = _emisor()
    return yaml


@lru_cache(maxsize=1)
def _emisor():
    """El emisor de ruamel, salvo que dentro de una lista o un mapa en línea un texto con «:» o
    «?» va entre comillas. ruamel (YAML 1.2) lo escribiría sin ellas (``[¿cuándo?]``), pero
    libyaml 0.1.7, el de ruamel.yaml.clib con que leen ``ruta validar`` y la comprobación, corta
    ahí el texto o da un error: lo escrito no se podría leer."""
    from ruamel.yaml.emitter import Emitter

    class Emisor(Emitter):
        def analyze_scalar(self, scalar):
            analisis = super().analyze_scalar(scalar)
            if ":" in scalar or "?" in scalar:
                analisis.allow_flow_plain = False
            return analisis

    return Emisor


def _comentado(valor, estilo: Estilo, camino: str = ""):
    """dict/list → CommentedMap/CommentedSeq con el estilo (en línea o en bloque) del archivo.

    ``camino`` es la lista en la que está el valor: «acciones» para un registro de acción,
    «acciones.evidencias» para sus evidencias.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(valor, dict):
        mapa = CommentedMap()
        for k, v in valor.items():
            mapa[k] = _comentado(v, estilo, f"{camino}.{k}" if camino else k)
        if estilo.mapa_en_linea.get(camino, False):
            mapa.fa.set_flow_style()
        else:
            mapa.fa.set_block_style()
        return mapa
    if isinstance(valor, list):
        lista = CommentedSeq(_comentado(v, estilo, camino) for v in valor)
        if estilo.lista_en_linea.get(camino, False):
            lista.fa.set_flow_style()
        else:
            lista.fa.set_block_style()
        return lista
    return valor


def volcar(datos: dict, estilo: Estilo, camino: str = "") -> list[str]:
    """El YAML de ``datos`` (un mapa) en columna 0, como líneas sin fin de línea."""
    salida = io.StringIO()
    _yaml(estilo.sangria).dump(_comentado(datos, estilo, camino), salida)
    return salida.getvalue().rstrip("\n").split("\n")


def elementos_en_linea(clave: str, elementos: list, estilo: Estilo) -> str:
    """«{meta: M1, valor: 3}, {meta: M2, valor: 4}»: para agregar a una lista escrita en línea."""
    en_linea = Estilo(estilo.sangria, {clave: True}, {clave: True})
    texto = "\n".join(volcar({clave: elementos}, en_linea))
    return texto[texto.index("[") + 1:texto.rindex("]")]


def lineas_de_elemento(clave: str, valor, estilo: Estilo, guion: int, contenido: int) -> list[str]:
    """Las líneas de un elemento de la lista ``clave`` con su «-» en la columna ``guion``."""
    if isinstance(valor, dict):
        return como_elemento(volcar(valor, estilo, clave), guion, contenido)
    bloque = Estilo(Sangria(0, 2), {clave: False}, {})
    linea = volcar({clave: [valor]}, bloque)[1]      # «- texto», con las comillas que pida
    return como_elemento([linea[2:]], guion, contenido)


def con_sangria(lineas: list[str], columna: int) -> list[str]:
    return [(" " * columna + l) if l.strip() else l for l in lineas]


def como_elemento(lineas: list[str], guion: int, contenido: int) -> list[str]:
    """Las líneas de un mapa en columna 0 como elemento de lista: «-» en ``guion``."""
    primera = " " * guion + "-" + " " * (contenido - guion - 1) + lineas[0]
    return [primera] + con_sangria(lineas[1:], contenido)
