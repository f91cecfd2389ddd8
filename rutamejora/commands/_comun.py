"""Lo que comparten los comandos: la fecha de evaluación, el color y los errores de uso.

Typer se importa dentro de las funciones que lo usan: el atajo de ``ruta validar``
(``_atajo``) usa este módulo sin pagar Typer ni Click.
"""

from __future__ import annotations

import os
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


def con_color() -> bool:
    """Color solo en una terminal y si ``NO_COLOR`` no está puesta (https://no-color.org)."""
    return sys.stdout.isatty() and not os.environ.get("NO_COLOR")


def fallar_uso(mensaje: str) -> None:
    """Un error de uso (carpeta inexistente, opción imposible): mensaje a stderr y salida 2."""
    import typer

    typer.echo(f"ruta: {mensaje}", err=True)
    raise typer.Exit(2)


OPCION_FECHA = dict(metavar="AAAA-MM-DD",
                    help="Evalúa la Ruta como estaba ese día (por omisión, hoy).")


def cargar_para_escribir(carpeta: Path, archivo: str):
    """La Ruta de ``carpeta`` para escribir en ``archivo`` (``bitacora.yaml``, ``diagnostico.yaml``).

    Sale con 2 si la carpeta no es una Ruta y con 1 si ``archivo`` existe y no se puede leer
    (vacío o solo con comentarios sí sirve): escribir en él perdería lo que no se leyó.
    """
    import typer

    from rutamejora.formato import NoEsRuta, cargar, es_ruta

    if carpeta.is_dir() and not es_ruta(carpeta):
        fallar_uso(f"La carpeta {carpeta} no contiene una Ruta (no hay ruta.yaml).")
    try:
        ruta, _ = cargar(carpeta)
    except NoEsRuta as exc:
        fallar_uso(str(exc))
    doc = ruta.documentos.get(archivo)
    vacio = doc is not None and all(p.codigo == "RM008" for p in doc.problemas)
    if doc is not None and archivo not in ruta.legibles and not vacio:
        motivo = next((f" ({p.mensaje.rstrip('.')})" for p in doc.problemas if p.severidad == "error"), "")
        typer.echo(f"ruta: {archivo} no se puede leer{motivo}; corrígelo primero (`ruta validar` "
                   "dice dónde). No se escribió nada.", err=True)
        raise typer.Exit(1)
    return ruta
