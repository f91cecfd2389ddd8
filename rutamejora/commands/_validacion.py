"""El trabajo de ``ruta validar``, sin Typer: lo llaman el comando (``validar.py``) y su atajo
(``_atajo.py``), así los dos hacen exactamente lo mismo y escriben los mismos bytes."""

from __future__ import annotations

from pathlib import Path

PROCESOS_INVALIDO = ("«{}» no es un número de procesos: usa un entero de 1 en adelante "
                     "(p. ej. --procesos 2).")


def leer_procesos(texto: str | None) -> int | None:
    """``--procesos N`` → N (un entero de 1 en adelante); sin la opción, ``None`` (todos los
    núcleos). Lanza ``ValueError`` con el mensaje para el usuario si no es válido."""
    if texto is None:
        return None
    try:
        cuantos = int(texto.strip())
    except ValueError:
        cuantos = 0
    if cuantos < 1:
        raise ValueError(PROCESOS_INVALIDO.format(texto))
    return cuantos


def validar_carpeta(carpetas: list[Path], formato: str, hoy, explicita: bool, estricto: bool,
                    procesos: int | None, color: bool) -> tuple[str, int, str | None]:
    """(salida en ``formato``, código de salida, nota para stderr o ``None``) de validar, una vez
    cada una, las Rutas que contienen ``carpetas`` (carpetas o archivos; ninguna: la carpeta
    actual). La nota dice qué Rutas se hallaron al buscar bajo la carpeta (``nota_de_busqueda``).

    Lanza ``NoEsRuta`` si una carpeta no existe o no tiene ninguna Ruta (un error de uso).
    """
    from rutamejora.formato import rutas_de_argumentos
    from rutamejora.salida import formatear

    rutas = rutas_de_argumentos(carpetas)
    if not rutas:
        # pre-commit pasa los archivos del commit: uno que no es de ninguna Ruta no es un error.
        return "Ningún archivo indicado es de una Ruta: no hay nada que validar.", 0, None
    resultados = _validar_todas(rutas, hoy, explicita, estricto, procesos,
                                barra=formato == "texto")
    nota = nota_de_busqueda(carpetas, rutas) if formato == "texto" else None
    return (formatear(resultados, formato, color=color),
            max(r.codigo_de_salida() for r in resultados), nota)


def nota_de_busqueda(carpetas: list[Path], rutas: list[Path]) -> str | None:
    """«Se validaron 3 Rutas bajo escuelas.» si las Rutas salieron de buscar bajo una carpeta que
    no es una Ruta (la actual, sin argumentos): quien no nombró ninguna sabe cuáles se revisaron
    (con una sola, su carpeta: la salida no la encabeza). ``None`` si se nombraron las Rutas o
    sus archivos: ahí no hay sorpresa. Como un linter, va a stderr: stdout queda igual."""
    from rutamejora.privacidad import carpeta_sin_datos

    if len(carpetas) > 1:
        return None
    carpeta = carpetas[0] if carpetas else Path(".")
    if not carpeta.is_dir() or rutas == [carpeta]:
        return None
    bajo = "la carpeta actual" if carpeta == Path(".") else carpeta_sin_datos(carpeta)
    if len(rutas) == 1:
        return f"Se validó 1 Ruta bajo {bajo}: {carpeta_sin_datos(rutas[0])}."
    return f"Se validaron {len(rutas)} Rutas bajo {bajo}."


def _validar_todas(rutas, hoy, explicita: bool, estricto: bool, procesos: int | None, barra: bool):
    """Los resultados de ``rutas``, repartidas entre procesos, con una barra si procede."""
    from rutamejora.nucleo import Progreso, progreso_permitido
    from rutamejora.reglas import validar_lote

    # La barra solo en el formato para personas, en una terminal y fuera de CI: un programa que
    # lee json o github no la quiere ni en stderr.
    progreso = (Progreso(len(rutas), "Validando Rutas")
                if barra and len(rutas) > 1 and progreso_permitido() else None)
    try:
        return validar_lote(rutas, hoy, explicita, estricto, procesos, al_avanzar=progreso)
    finally:
        if progreso is not None:
            progreso.cerrar()
