"""Escribir en la bitácora sin perder nada: candado, injerto de texto y reemplazo atómico.

``ruta bitacora agregar`` no vuelve a escribir el archivo entero: de su lectura (la de la Ruta,
``arbol_leido``, si el texto no cambió desde entonces; si no, con el analizador en C de ruamel)
sabe dónde termina cada entrada, con qué sangría y en qué estilo está escrita cada lista;
ruamel.yaml produce el YAML de lo nuevo y eso se **injerta** en el texto original. Todo lo demás
queda igual byte por byte: comentarios, sangrías de 4 espacios, listas en línea, líneas largas,
comillas, la BOM de UTF-8 y los fines de línea CRLF. Antes de escribir se comprueba que el
resultado es exactamente lo de antes más lo agregado: byte por byte fuera de lo agregado, y
leyendo de nuevo el tramo de entradas que lo contiene (``comprobacion``).

Dónde va lo nuevo:

- una entrada nueva va **en orden de fecha**: después de la última entrada con fecha igual o
  anterior (al final, lo normal); si hay una línea en blanco entre entradas, se respeta;
- si ya hay una entrada con la **misma fecha y la misma sesión** (o ambas sin sesión), lo nuevo
  se **une** a ella: sus registros se agregan al final de sus listas (``acciones``,
  ``mediciones``, ``acuerdos``, ``ajustes``) y las listas que no tenía se agregan al final de la
  entrada. Una acción o una meta que esa entrada ya registra no se registra dos veces.

La escritura es atómica: un archivo temporal en la misma carpeta, ``fsync`` y ``os.replace``;
si algo falla en medio, el archivo anterior queda intacto. Un candado (``.bitacora.candado``,
con ``fcntl.flock`` en POSIX y ``msvcrt.locking`` en Windows) hace que dos ``agregar`` a la vez
no pierdan ninguna entrada; el sistema operativo lo suelta si el proceso muere, así que un
proceso matado no bloquea al siguiente.

Cada parte tiene su módulo: ``candado``, ``texto_yaml`` (las líneas del archivo y dónde está cada
nodo), ``estilo_yaml`` (el estilo del archivo y el YAML de lo nuevo), ``injerto`` y
``comprobacion``. Aquí se juntan.
"""

from __future__ import annotations

from pathlib import Path

from rutamejora.escritura.candado import (ESPERA, FallaDeEscritura, NoSeEscribio, candado,
                                          leer_para_escribir)
from rutamejora.escritura.comprobacion import comprobar
from rutamejora.escritura.estilo_yaml import Estilo, como_elemento, volcar
from rutamejora.escritura.injerto import Cambio, injertar
from rutamejora.nucleo.atomico import escribir_atomico


def agregar_entrada(archivo: Path, entrada: dict, espera: float = ESPERA,
                    al_esperar=None, leido=None, de_nuevo=None) -> Cambio:
    """Agrega ``entrada`` a ``archivo`` (bitacora.yaml) con candado, comprobación y escritura
    atómica. ``espera`` y ``al_esperar`` son los del ``candado``; ``leido``, la lectura del
    archivo que ya se hizo al cargar la Ruta (ver ``injertar``): si otro lo cambió desde
    entonces, se analiza lo que hay ahora. ``de_nuevo(texto)``, con el candado tomado y el texto
    de ahora, da la entrada que de verdad se agrega y la lectura de ese texto (ver
    ``bitacora.guardar``)."""
    from ruamel.yaml.error import YAMLError

    from rutamejora.nucleo.archivos import no_se_escribio

    with candado(archivo.parent, espera, al_esperar):
        antes = leer_para_escribir(archivo)
        if de_nuevo is not None:
            entrada, leido = de_nuevo(antes)
        try:
            despues, cambio = injertar(antes, entrada, leido)
        except YAMLError:
            raise NoSeEscribio(_YAML_DEL_ARCHIVO.format(archivo.name)) from None
        try:
            comprobar(antes, despues, entrada, cambio)
        except YAMLError:
            raise NoSeEscribio(_error_de_yaml(archivo, antes)) from None
        try:
            escribir_atomico(archivo, despues.encode("utf-8"))
        except OSError as exc:
            raise FallaDeEscritura(no_se_escribio(archivo.name, exc)) from None
    return cambio


_YAML_DEL_ARCHIVO = "{} tiene un error de YAML; corrígelo primero (`ruta validar` dice dónde)."


def _error_de_yaml(archivo: Path, antes: str) -> str:
    """Qué se dice cuando la comprobación no pudo leer algo como YAML: el archivo de antes (una
    clave repetida: es del usuario) o lo que quedaría con lo agregado (es de ``ruta``)."""
    from ruamel.yaml.error import YAMLError

    from rutamejora.escritura.comprobacion import cargar_yaml

    try:
        cargar_yaml(antes)
    except YAMLError:
        return _YAML_DEL_ARCHIVO.format(archivo.name)
    return (f"Lo agregado no se leería bien en {archivo.name} (un error de ruta, no de tu Ruta); "
            f"{archivo.name} quedó como estaba.")


def vista_previa(entrada: dict) -> str:
    """La entrada como se vería en una bitácora con la sangría del ejemplo (para confirmarla)."""
    estilo = Estilo()
    return "\n".join(como_elemento(volcar(entrada, estilo), estilo.sangria.guion, estilo.sangria.contenido))
