"""``ruta bitacora agregar`` sin Typer ni Click, para las líneas de comandos de siempre.

Es el comando que un CTE corre más seguido, y importar Typer y Click costaba tanto como leer y
revisar una Ruta chica. Como el atajo de ``validar`` (``_atajo``), reconoce solo una línea bien
formada, con lo que registra dado en opciones (``--accion``, ``--meta``, ``--acuerdo``…, con
``--opcion=valor`` y ``-fjson`` como las acepta Click), y hace exactamente lo que hace el comando
(``_agregado.registrar``). Con cualquier otra cosa —la ayuda, una opción desconocida, ``--hoja``
(lee una hoja de cálculo), nada que registrar (se pregunta paso a paso), un ``--formato`` o una
``--espera`` que Typer rechazaría, ``--``, el autocompletado, Windows— no hace nada y la línea
sigue por Typer, con la ayuda y los mensajes de siempre: el atajo nunca escribe un error de uso
propio. ``tests/commands/test_atajo_agregar.py`` compara ambos caminos, con el archivo escrito,
y las opciones con las del comando.
"""

from __future__ import annotations

import os
from pathlib import Path

from rutamejora.nucleo import compilar

# Opciones con un valor y las que se repiten (deben ser las del comando; hay prueba): el campo
# de ``escritura.Opciones`` de cada una. ``--formato`` y ``--espera`` no son de ``Opciones``.
VALORES = {"--fecha": "fecha", "--sesion": "sesion", "--tipo": "tipo", "--estado": "estado",
           "--avance": "avance", "--gasto": "gasto", "--comprobante": "comprobante",
           "--nuevo-inicio": "nuevo_inicio", "--nuevo-fin": "nuevo_fin", "--valor": "valor",
           "--fuente": "fuente", "--nota": "nota", "--formato": "formato", "-f": "formato",
           "--espera": "espera"}
LISTAS = {"--accion": "accion", "--evidencia": "evidencia", "--meta": "meta", "--acuerdo": "acuerdo",
          "--ajuste": "ajuste", "--nota-de": "nota_de", "--ingreso": "ingreso", "--rasgo": "rasgo",
          "--balance": "balance", "--logros": "logros", "--pendientes": "pendientes"}
# Las que el atajo deja a Typer: leen una hoja de cálculo (``intercambio``).
POR_TYPER = {"--hoja", "--columna", "--valores", "--pestana"}
FORMATOS = ("texto", "json")
# Una espera que Click lee igual que ``float`` sin dudas (ni «inf», ni «1e3», ni espacios).
_ESPERA = compilar(r"[0-9]+(?:\.[0-9]+)?")


def leer(argumentos: list[str]) -> dict | None:
    """Las opciones de ``ruta bitacora agregar …`` si la línea es de las que el atajo reconoce
    (sin contar si registra algo: eso lo dice ``correr``); si no, ``None``."""
    from rutamejora.commands._comun import clave_de_eleccion, partir_linea

    if argumentos[:2] != ["bitacora", "agregar"] or os.name != "posix" or os.environ.get("_RUTA_COMPLETE"):
        return None
    leida = partir_linea(argumentos[2:], {**VALORES, **LISTAS})
    if leida is None or len(leida[0]) > 1:
        return None
    sueltos, opciones = leida
    pedido: dict = {"carpeta": sueltos[0] if sueltos else None, "formato": "texto", "espera": "120",
                    **{c: [] for c in LISTAS.values()}}
    for nombre, valor in opciones:
        if nombre in LISTAS:
            pedido[LISTAS[nombre]].append(valor)
        else:
            pedido[VALORES[nombre]] = valor   # repetida, vale la última (como Click)
    pedido["formato"] = clave_de_eleccion(pedido["formato"])   # «-f JSON», como en Typer
    if pedido["formato"] not in FORMATOS or not _ESPERA.fullmatch(pedido["espera"]):
        return None
    return pedido


def correr(argumentos: list[str]) -> int | None:
    """Corre ``ruta ARGUMENTOS`` si el atajo la reconoce y devuelve su código; si no, ``None``."""
    pedido = leer(argumentos)
    if pedido is None:
        return None
    from rutamejora.commands._comun import eco, legible, tuberia_cerrada
    from rutamejora.escritura import Opciones

    carpeta = pedido.pop("carpeta")
    carpeta = carpeta if carpeta is not None else "."
    formato, espera = pedido.pop("formato"), float(pedido.pop("espera"))
    o = Opciones(**pedido)
    if not o.registra_algo or not legible(carpeta):
        return None   # se pregunta paso a paso (con Click), o Click rechaza la carpeta
    from rutamejora.commands._agregado import registrar

    try:
        registrar(Path(carpeta), o, formato, espera)
    except SystemExit as salida:
        if salida.code is None or isinstance(salida.code, int):
            return salida.code or 0
        eco(str(salida.code), err=True)   # como Python con ``sys.exit("texto")``
        return 1
    except BrokenPipeError:
        return tuberia_cerrada()
    except KeyboardInterrupt:
        return 130          # como Typer: Ctrl-C dentro del comando sale con 130, sin mensaje
    return 0

