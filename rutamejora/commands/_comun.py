"""Lo que comparten los comandos: la fecha de evaluación, el color, la salida y los errores de uso.

Typer se importa dentro de las funciones que lo usan: los atajos de ``ruta validar`` y de
``ruta bitacora agregar`` (``_atajo``) usan este módulo sin pagar Typer ni Click.
"""

from __future__ import annotations

import os
import re
import sys
from datetime import date
from pathlib import Path


def fecha_leida(texto: str | None) -> tuple[date, bool] | None:
    """``--fecha AAAA-MM-DD`` → (fecha, dada_por_el_usuario); sin ella, hoy. ``None`` si no es una fecha."""
    if texto is None:
        return date.today(), False
    try:
        return date.fromisoformat(texto), True
    except ValueError:
        return None


def fecha_de(texto: str | None) -> tuple[date, bool]:
    """``--fecha AAAA-MM-DD`` → (fecha, dada_por_el_usuario). Sin ella, hoy."""
    leida = fecha_leida(texto)
    if leida is None:
        import typer

        raise typer.BadParameter(mensaje_de_fecha(texto, "2026-03-27"), param_hint="'--fecha'")
    return leida


def mensaje_de_fecha(texto: str, ejemplo: str) -> str:
    """Por qué ``texto`` no sirve como fecha: el día que no existe («2026-02-30: febrero de
    2026 no tiene día 30 (tiene 28 días).») o, si no tiene la forma, cómo se escribe."""
    from rutamejora.vistas import fecha_imposible

    motivo = fecha_imposible(texto)
    if motivo is not None:
        return f"{texto.strip()}: {motivo}."
    return f"«{texto}» no es una fecha AAAA-MM-DD (p. ej. {ejemplo})."


def clave_de_eleccion(texto: str) -> str:
    """Un valor de una opción como se compara con los válidos: sin mayúsculas ni acentos
    («Rendición» → «rendicion»), para que quien escribe en español no tenga que adivinar."""
    import unicodedata

    descompuesto = unicodedata.normalize("NFKD", texto.strip().casefold())
    return "".join(c for c in descompuesto if not unicodedata.combining(c))


def con_color() -> bool:
    """Color solo en una terminal y si ``NO_COLOR`` no está puesta (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def partir_linea(argumentos: list[str], con_valor, banderas=()) -> tuple[list[str], list[tuple]] | None:
    """Una línea de comandos leída como la lee Click, para los atajos sin Typer: (los argumentos
    sueltos, ``[(opción, valor)]`` en orden; ``True`` el de una bandera). ``None`` si tiene algo
    que el atajo deja a Typer: una opción que no es de ``con_valor`` ni de ``banderas``, una
    bandera con ``=``, una opción sin su valor, un argumento vacío o ``-``.

    Como Click: ``--opcion=valor``; ``-fVALOR`` para una opción corta; el valor es el argumento
    siguiente aunque empiece con «-»."""
    sueltos, opciones = [], []
    resto = list(argumentos)
    while resto:
        argumento = resto.pop(0)
        if argumento in ("", "-"):
            return None
        if not argumento.startswith("-"):
            sueltos.append(argumento)
            continue
        nombre, igual, valor = argumento.partition("=")
        if not argumento.startswith("--") and len(argumento) > 2 and argumento[:2] in con_valor:
            nombre, igual, valor = argumento[:2], "=", argumento[2:]   # -fjson
        if nombre in banderas and not igual:
            opciones.append((nombre, True))
            continue
        if nombre not in con_valor:
            return None
        if not igual:
            if not resto:
                return None
            valor = resto.pop(0)
        opciones.append((nombre, valor))
    return sueltos, opciones


def legible(ruta: str) -> bool:
    """Lo que Click (``click.Path``) comprueba de la carpeta de un comando: si existe, que se
    pueda leer (los atajos sin Typer dejan a Typer una que no)."""
    try:
        os.stat(ruta)
    except OSError:
        return True
    return os.access(ruta, os.R_OK)


def eco(texto: str, err: bool = False) -> None:
    """Escribe ``texto`` y un salto de línea en stdout (o stderr) como ``click.echo``, sin
    importar Click: solo si hay un carácter ESC (códigos de color) se escribe con él, que los
    quita cuando no hay terminal. Una tubería cerrada lanza ``BrokenPipeError``, como Click."""
    flujo = sys.stderr if err else sys.stdout
    if flujo is None:
        return
    if "\x1b" in texto:
        import click

        click.echo(texto, file=flujo)
        return
    flujo.write(texto + "\n")
    flujo.flush()


def tuberia_cerrada(err: bool = False) -> int:
    """Como Click cuando quien leía se fue (``| head``): lo que quede por vaciar de stdout (o
    stderr) va a /dev/null, para que Python no se queje al salir, y la salida es 1."""
    flujo = sys.stderr if err else sys.stdout
    os.dup2(os.open(os.devnull, os.O_WRONLY), flujo.fileno())
    return 1


# Tras «ruta: » el mensaje sigue en minúscula, como en español tras dos puntos. Solo se cambia
# una palabra común de esta lista: un mensaje puede empezar con algo que se escribió (un campo
# formativo, «Lenguajes ya tiene…»; un nombre de archivo) o con un nombre propio (la Ruta),
# que quedan como están. ``tests/commands/test_ayuda_y_mensajes.py`` revisa que cada mensaje de error
# escrito en el código empiece con una de estas palabras, con minúscula o con un nombre propio.
PALABRAS_COMUNES = frozenset("""
    Al Algo Alguna Alguno Aquí Cada Como Con Corrige Da Debe Del Dos El Ella Elige En Es Esa Ese
    Esta Este Falta Faltan Hay Indica La Las Le Lo Los Nada Ni Ninguna Ninguno Ningún No Otra Otro
    Para Pon Por Puede Quita Revisa Se Si Sin Solo Son Su Sus Tu Tus Un Una Usa Ya
""".split())
_PALABRA = re.compile(r"[A-ZÁÉÍÓÚÑÜ][a-záéíóúñü]*(?![\wáéíóúñü])")


def minuscula_inicial(mensaje: str) -> str:
    """«La carpeta no existe.» → «la carpeta no existe.»: la primera palabra en minúscula si es
    una palabra común (``PALABRAS_COMUNES``); un nombre propio («la Ruta», «Lenguajes»), unas
    siglas («CCT»), un número o un signo quedan como están."""
    m = _PALABRA.match(mensaje)
    if m is None or m.group() not in PALABRAS_COMUNES:
        return mensaje
    return mensaje[0].lower() + mensaje[1:]


def linea_de_error(mensaje: str) -> str:
    """La línea con que ``ruta`` dice un error o un aviso en stderr: «ruta: » y el mensaje,
    que sigue en minúscula (``minuscula_inicial``). Todos los comandos la usan: así ninguno
    empieza con mayúscula y otro con minúscula (hay una prueba que revisa el código)."""
    return f"ruta: {minuscula_inicial(mensaje)}"


def fallar_uso(mensaje: str, salida: int = 2) -> None:
    """Un error de uso (carpeta inexistente, opción imposible): mensaje a stderr y salida 2
    (``salida`` 1 cuando lo que falla es el contenido de un archivo que sí se leyó).

    El mensaje suele citar lo que alguien escribió (una opción, un nombre de archivo, una clave
    de zona.yaml): sale sin sus datos personales, como los problemas de ``validar``. Sale con
    ``SystemExit``, que Typer deja pasar con su código (sin Typer: ver ``_atajo``)."""
    from rutamejora.privacidad import mensaje_sin_datos

    eco(linea_de_error(mensaje_sin_datos(mensaje)), err=True)
    raise SystemExit(salida)


def _sin_fechas_imposibles(problemas: list, archivo: str) -> None:
    """Sale con 1, con el mensaje de ``ruta validar``, si ``archivo`` tiene fechas que no existen."""
    malas = [p for p in problemas if p.archivo == archivo and p.codigo == "RM108"
             and p.severidad == "error" and "no existe" in p.mensaje]
    if not malas:
        return
    for p in malas:
        eco(linea_de_error(f"{p.archivo}, línea {p.linea}: {p.mensaje} {p.pista}".rstrip()), err=True)
    eco(linea_de_error(f"corrige {'la fecha' if len(malas) == 1 else 'las fechas'} de {archivo} primero "
        "(`ruta validar` dice dónde). No se escribió nada."), err=True)
    raise SystemExit(1)


OPCION_FECHA = dict(metavar="AAAA-MM-DD",
                    help="Evalúa la Ruta como estaba ese día (por omisión, hoy).")


def cargar_para_escribir(carpeta: Path, archivo: str, fechas: bool = False):
    """La Ruta de ``carpeta`` para escribir en ``archivo`` (``bitacora.yaml``, ``diagnostico.yaml``).

    Sale con 2 si la carpeta no es una Ruta y con 1 si ``archivo`` existe y no se puede leer
    (vacío o solo con comentarios sí sirve): escribir en él perdería lo que no se leyó; con 2 si
    ni se pudo abrir (una carpeta en su lugar, sin permiso: RM012, como en ``ruta validar``). Con
    ``fechas``, también con 1 si ``archivo`` tiene una fecha que no existe (``2026-02-30``):
    quien escribe lo relee como YAML, que convierte cada AAAA-MM-DD en fecha y no puede con esa.
    """
    from rutamejora.formato import NoEsRuta, cargar, es_ruta

    if carpeta.is_dir() and not es_ruta(carpeta):
        fallar_uso(f"La carpeta {carpeta} no contiene una Ruta (no hay ruta.yaml).")
    try:
        ruta, problemas = cargar(carpeta)
    except NoEsRuta as exc:
        fallar_uso(str(exc))
    if fechas:
        _sin_fechas_imposibles(problemas, archivo)
    doc = ruta.documentos.get(archivo)
    vacio = doc is not None and all(p.codigo == "RM008" for p in doc.problemas)
    if doc is not None and archivo not in ruta.legibles and not vacio:
        motivo = next((f" ({p.mensaje.rstrip('.')})" for p in doc.problemas if p.severidad == "error"), "")
        eco(linea_de_error(f"{archivo} no se puede leer{motivo}; corrígelo primero (`ruta "
                           "validar` dice dónde). No se escribió nada."), err=True)
        raise SystemExit(2 if any(p.codigo == "RM012" for p in doc.problemas) else 1)
    return ruta
