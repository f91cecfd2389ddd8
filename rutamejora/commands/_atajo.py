"""``ruta validar`` sin Typer ni Click, para las líneas de comandos de siempre.

Importar Typer y Click es lo que más cuesta al arrancar ``ruta validar`` (más que leer y
revisar el ejemplo), y ``validar`` se corre en cada commit. Este atajo reconoce solo una línea
bien formada (``validar [CARPETA] [--formato F|-f F] [--fecha AAAA-MM-DD] [--estricto]
[--procesos N]``, con ``--opcion=valor`` y ``-fF`` como las acepta Click) cuyos valores son
válidos, y hace exactamente lo que hace el comando (``_validacion``). Con cualquier otra cosa
—la ayuda, una opción desconocida o repetida de forma rara, un valor inválido, ``--``, el
autocompletado, Windows (Click expande ahí los comodines)— no hace nada y ``main`` sigue por
Typer, que da la ayuda y los mensajes de siempre: el atajo nunca escribe un error de uso propio.

Lo que Click haría al escribir se hace igual: la salida con un salto de línea al final; si hay
un carácter ESC (códigos de color) se escribe con ``click.echo``, que los quita cuando no hay
terminal; una tubería cerrada (``| head``) sale con 1 en silencio; Ctrl-C, con 130 en silencio.
``tests/commands/test_atajo.py`` compara ambos caminos y las opciones con las del comando.

``ruta bitacora agregar`` tiene su atajo en ``_atajo_agregar``; ``correr`` los reparte.
"""

from __future__ import annotations

import os
from pathlib import Path

# Opciones con valor y banderas de ``ruta validar`` (deben ser las del comando; hay prueba).
OPCIONES = {"--formato": "formato", "-f": "formato", "--fecha": "fecha", "--procesos": "procesos"}
BANDERAS = {"--estricto": "estricto"}
# Las que el atajo deja a Typer: leen git o escriben Markdown (``_revision``), y no son del
# camino de cada commit. Una línea con ellas no la reconoce el atajo.
POR_TYPER = {"--historia", "--cambios-desde"}
FORMATOS_POR_TYPER = ("md",)


def leer(argumentos: list[str]) -> dict | None:
    """Las opciones de ``ruta validar …`` si la línea es de las que el atajo reconoce; si no, ``None``."""
    from rutamejora.commands._comun import partir_linea

    if argumentos[:1] != ["validar"] or os.name != "posix" or os.environ.get("_RUTA_COMPLETE"):
        return None
    leida = partir_linea(argumentos[1:], OPCIONES, BANDERAS)
    if leida is None or len(leida[0]) > 1:
        return None
    sueltos, opciones = leida
    pedido = {"carpeta": sueltos[0] if sueltos else None, "formato": "texto", "fecha": None,
              "estricto": False, "procesos": None}
    for nombre, valor in opciones:   # repetida, vale la última (como Click)
        pedido[OPCIONES.get(nombre) or BANDERAS[nombre]] = valor
    return pedido


def correr(argumentos: list[str]) -> int | None:
    """Corre ``ruta ARGUMENTOS`` si el atajo la reconoce y devuelve su código; si no, ``None``.
    ``ruta bitacora agregar`` tiene su propio atajo (``_atajo_agregar``)."""
    if argumentos[:2] == ["bitacora", "agregar"]:
        from rutamejora.commands._atajo_agregar import correr as agregar

        return agregar(argumentos)
    pedido = leer(argumentos)
    if pedido is None:
        return None
    from rutamejora.commands._comun import clave_de_eleccion, con_color, fecha_leida, legible
    from rutamejora.commands._validacion import leer_procesos, validar_carpeta
    from rutamejora.salida import FORMATOS

    # «-f JSON» es «-f json», como lo acepta el comando (``_elecciones``).
    pedido["formato"] = clave_de_eleccion(pedido["formato"])
    fecha = fecha_leida(pedido["fecha"])
    try:
        procesos = leer_procesos(pedido["procesos"])
    except ValueError:
        return None
    carpeta = pedido["carpeta"] if pedido["carpeta"] is not None else "."
    if fecha is None or pedido["formato"] not in FORMATOS or not legible(carpeta):
        return None
    try:
        return _validar(Path(carpeta), pedido, fecha, procesos, con_color(), validar_carpeta)
    except KeyboardInterrupt:
        return 130          # como Typer: Ctrl-C dentro del comando sale con 130, sin mensaje


def _validar(carpeta: Path, pedido: dict, fecha, procesos, color: bool, validar_carpeta) -> int:
    from rutamejora.formato import NoEsRuta

    hoy, explicita = fecha
    try:
        salida, codigo, nota = validar_carpeta([carpeta], pedido["formato"], hoy, explicita,
                                               pedido["estricto"], procesos, color=color)
    except NoEsRuta as exc:
        from rutamejora.commands._comun import linea_de_error
        from rutamejora.privacidad import mensaje_sin_datos

        # Como ``fallar_uso`` en el comando: los mismos bytes por los dos caminos.
        return _escribir(True, linea_de_error(mensaje_sin_datos(str(exc))), 2)
    codigo = _escribir(False, salida, codigo)
    return _escribir(True, nota, codigo) if nota is not None else codigo


def _escribir(err: bool, texto: str, codigo: int) -> int:
    """Escribe ``texto`` y un salto como ``click.echo`` y devuelve ``codigo``."""
    from rutamejora.commands._comun import eco, tuberia_cerrada

    try:
        eco(texto, err=err)
    except BrokenPipeError:
        return tuberia_cerrada(err)
    return codigo
