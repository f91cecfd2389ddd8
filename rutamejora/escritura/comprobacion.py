"""Antes de escribir se comprueba el texto nuevo: debe ser lo de antes más lo agregado, y nada más.

Sin volver a leer el archivo entero (con una bitácora de miles de entradas costaba más que todo
``ruta validar``), en dos partes:

1. **Byte por byte**: el texto nuevo es el de antes con las ediciones que dice el injerto
   (``Cambio.ediciones``) y ninguna otra: todo lo demás quedó igual.
2. **Lo que se lee**: el tramo de ``entradas`` que contiene las ediciones (``Cambio.ventana``: la
   entrada unida o la anterior a la nueva, y la siguiente) se lee antes y después con el
   analizador en C, y lo de después debe ser lo de antes más lo pedido. Un tramo de entradas
   enteras de una lista en bloque se lee igual solo que dentro del archivo: lo que lo rodea no
   cambió y empieza en la columna de la lista o antes.

Si el archivo tiene algo que la lectura por tramos no vería igual (anclas y alias, etiquetas,
directivas, claves repetidas, ``entradas`` en línea o vacía), se leen enteros el texto de antes y
el de después, también con el analizador en C.
"""

from __future__ import annotations

import re
from decimal import Decimal

from rutamejora.escritura.candado import NoSeEscribio
from rutamejora.escritura.injerto import Cambio, es_nota
from rutamejora.escritura.texto_yaml import aplicar, sin_bom

_NO_COINCIDE = ("Lo que se iba a escribir no coincide con lo que se pidió (un error de ruta, no de "
                "tu Ruta); bitacora.yaml quedó como estaba.")


def cargar_yaml(texto: str):
    """Lo que un lector YAML (el de C de ruamel) lee de ``texto`` (sin las BOM); lanza su
    ``YAMLError``."""
    from ruamel.yaml import YAML

    texto = sin_bom(texto)[1]
    return YAML(typ="safe", pure=False).load(texto) if texto.strip() else None


def como_se_lee(valor):
    """Lo que un lector YAML devuelve para un valor de la entrada (Decimal → int o float)."""
    if isinstance(valor, dict):
        return {k: como_se_lee(v) for k, v in valor.items()}
    if isinstance(valor, list):
        return [como_se_lee(v) for v in valor]
    if isinstance(valor, Decimal):
        texto = format(valor, "f")
        return int(texto) if re.fullmatch(r"-?\d+", texto) else float(texto)
    return valor


def _esperado(antes, entrada: dict, unida: bool, indice: int) -> dict:
    """Lo que debe leerse del archivo nuevo: lo de antes más lo pedido (datos, no texto)."""
    sola = como_se_lee(entrada)
    datos = dict(antes) if isinstance(antes, dict) else {}
    lista = list(datos.get("entradas") or [])
    if unida:
        unida_ = dict(lista[indice])
        for clave, valor in sola.items():
            if clave in ("fecha", "sesion", "tipo"):
                continue
            if isinstance(valor, list):
                valor = _con_notas(unida_, clave, valor)
                unida_[clave] = list(unida_.get(clave) or []) + valor
            else:
                unida_[clave] = valor
        lista[indice] = unida_
    else:
        lista.insert(indice, sola)
    datos["entradas"] = lista
    return datos


def _con_notas(entrada: dict, clave: str, nuevos: list) -> list:
    """Pone cada nota para un registro ya escrito en su registro (una copia) y devuelve lo demás."""
    notas = [n for n in nuevos if es_nota(clave, n)]
    if notas:
        campo = "accion" if clave == "acciones" else "meta"
        lista = [dict(r) if isinstance(r, dict) else r for r in entrada.get(clave) or []]
        for nota in notas:
            registro = next(r for r in lista if isinstance(r, dict) and r.get(campo) == nota[campo])
            registro["nota"] = nota["nota"]
        entrada[clave] = lista
    return [n for n in nuevos if not es_nota(clave, n)]


def _por_tramo(antes: str, despues: str, entrada: dict, cambio: Cambio) -> bool | None:
    """¿El tramo de después es el de antes más lo pedido? ``None`` si el tramo de antes no se
    lee como debe (no debería pasar): entonces se comprueba el archivo entero."""
    from ruamel.yaml.error import YAMLError

    v = cambio.ventana
    crece = len(despues) - len(antes)
    try:
        viejo = cargar_yaml(v.encabezado + antes[v.desde:v.hasta])
    except YAMLError:
        return None
    if not (isinstance(viejo, dict) and len(viejo) == 1 and isinstance(viejo.get("entradas"), list)
            and len(viejo["entradas"]) == v.cuantas):
        return None
    nuevo = cargar_yaml(v.encabezado + despues[v.desde:v.hasta + crece])
    return nuevo == _esperado(viejo, entrada, cambio.unida, cambio.indice - v.primera)


def comprobar(antes: str, despues: str, entrada: dict, cambio: Cambio) -> None:
    """El texto nuevo debe ser lo de antes más lo agregado, y nada más; si no, ``NoSeEscribio``."""
    if cambio.ediciones is not None:
        (bom, antes), (bom_despues, despues) = sin_bom(antes), sin_bom(despues)
        if bom_despues != bom or aplicar(antes, cambio.ediciones) != despues:
            raise NoSeEscribio(_NO_COINCIDE)
        v = cambio.ventana
        if v is not None and all(v.desde <= p and p + len(q) <= v.hasta for p, q, _ in cambio.ediciones):
            igual = _por_tramo(antes, despues, entrada, cambio)
            if igual is not None:
                if not igual:
                    raise NoSeEscribio(_NO_COINCIDE)
                return
    if cargar_yaml(despues) != _esperado(cargar_yaml(antes), entrada, cambio.unida, cambio.indice):
        raise NoSeEscribio(_NO_COINCIDE)
