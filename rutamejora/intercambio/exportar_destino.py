"""Adónde va una exportación: el formato que pide ``-o`` y cuándo se puede reemplazar.

El formato sale de la extensión (``EXTENSIONES``); CSV, que son varios archivos, va a una
carpeta y se pide con ``--formato csv``. Una exportación es derivada (se rehace cuando se
quiera), así que ``-o`` reemplaza **una exportación anterior** sin preguntar; cualquier otra
cosa (un archivo ajeno, una carpeta con otros archivos) solo con ``--forzar``. Nunca a medias:
la base, el libro o la carpeta se arman aparte y se ponen en su lugar de un golpe.
"""

from __future__ import annotations

import os
import re
import shutil
import sqlite3
import stat
import tempfile
import zipfile
from pathlib import Path

from rutamejora.nucleo import escribir_atomico, que_es

EXTENSIONES = {".db": "sqlite", ".sqlite": "sqlite", ".sqlite3": "sqlite", ".xlsx": "xlsx"}
FORMATOS = ("sqlite", "csv", "xlsx")
# Cómo reconoce cada formato una exportación anterior (su marca, escrita por ``ruta exportar``).
MARCA_XLSX = re.compile(rb"<dc:creator(?: [^>]*)?>ruta exportar</dc:creator>")


class ErrorDeUso(Exception):
    """``-o`` o ``--formato`` no sirven (salida 2); el mensaje dice por qué y qué hacer."""


def formato_de(salida: Path, pedido: str | None) -> str:
    """El formato de la exportación: ``--formato`` o la extensión de ``salida``."""
    validas = ", ".join(sorted(EXTENSIONES))
    por_extension = EXTENSIONES.get(salida.suffix.lower())
    if pedido is None:
        if por_extension is None:
            raise ErrorDeUso(f"no se sabe en qué formato exportar a {salida}: usa una extensión "
                             f"válida ({validas}), o --formato csv con una carpeta.")
        return por_extension
    if pedido not in FORMATOS:
        raise ErrorDeUso(f"«{pedido}» no es un formato de exportación: usa "
                         f"{', '.join(FORMATOS)}.")
    if pedido == "csv" and salida.suffix:
        if por_extension is not None or salida.suffix.lower() == ".csv":
            raise ErrorDeUso(f"--formato csv escribe un archivo por tabla en una carpeta: "
                             f"indica una carpeta con -o (p. ej. -o {salida.with_suffix('')}).")
    if pedido != "csv" and por_extension != pedido:
        raise ErrorDeUso(f"--formato {pedido} no va con {salida}: usa una extensión válida "
                         f"({validas}) que corresponda.")
    return pedido


def revisar_destino(salida: Path, formato: str, forzar: bool) -> list[str]:
    """Que ``salida`` pueda escribirse: su carpeta existe y, si ya hay algo, es una exportación
    anterior del mismo formato (o ``forzar``). Lanza ``ErrorDeUso`` con el motivo.

    Devuelve lo ajeno que ``forzar`` va a reemplazar, para decirlo: ``[salida.name]`` si es un
    archivo, lo que hay en la carpeta (ordenado) si es una carpeta de CSV; vacío si no hay nada
    ajeno."""
    padre = salida.parent if str(salida.parent) else Path(".")
    if not padre.is_dir():
        raise ErrorDeUso(f"la carpeta {salida.parent} no existe.")
    if os.path.islink(salida) and not salida.exists():
        raise ErrorDeUso(f"{salida} es un enlace a {os.readlink(salida)}, que no existe: -o no "
                         "escribe a través de él. Bórralo o elige otro nombre.")
    try:
        modo = os.stat(salida).st_mode
    except FileNotFoundError:
        return []
    if formato == "csv":
        return _revisar_carpeta(salida, modo, forzar)
    if not stat.S_ISREG(modo):
        raise ErrorDeUso(f"{salida} {que_es(modo)}: elige otro nombre para -o.")
    if es_exportacion(salida, formato):
        return []
    if not forzar:
        raise ErrorDeUso(f"{salida} ya existe y no es una exportación de `ruta exportar`: no se "
                         "reemplaza. Bórralo, elige otro nombre o usa --forzar.")
    return [salida.name]


def _revisar_carpeta(salida: Path, modo: int, forzar: bool) -> list[str]:
    if not stat.S_ISDIR(modo):
        raise ErrorDeUso(f"{salida} ya existe y no es una carpeta: --formato csv escribe una "
                         "carpeta con un CSV por tabla. Elige otro nombre.")
    # Ni con --forzar: reemplazar la carpeta borraría la Ruta.
    ruta_adentro = next(salida.rglob("ruta.yaml"), None)
    if ruta_adentro is not None:
        donde = "tiene una Ruta (ruta.yaml)" if ruta_adentro.parent == salida else \
            f"tiene una Ruta dentro ({ruta_adentro.parent.relative_to(salida).as_posix()}/ruta.yaml)"
        raise ErrorDeUso(f"la carpeta {salida} {donde}: una exportación nunca la reemplaza. "
                         "Elige otra carpeta para los CSV.")
    adentro = sorted(p.name for p in salida.iterdir())
    if not adentro or es_exportacion(salida, "csv"):
        return []
    if not forzar:
        raise ErrorDeUso(f"la carpeta {salida} ya tiene archivos y no es una exportación de "
                         "`ruta exportar`: no se reemplaza. Elige otra carpeta o usa --forzar.")
    return adentro


def reemplazado(salida: Path, formato: str, ajeno: list[str]) -> str | None:
    """Lo que se dice después de reemplazar con ``--forzar`` algo que no era una exportación
    (``ajeno``, de ``revisar_destino``); ``None`` si no había nada ajeno."""
    if not ajeno:
        return None
    if formato != "csv":
        return f"con --forzar se reemplazó {salida}, que no era una exportación de `ruta exportar`."
    nombres = ", ".join(ajeno[:5]) + (f" y {len(ajeno) - 5} más" if len(ajeno) > 5 else "")
    return (f"con --forzar se reemplazó la carpeta {salida}, que no era una exportación de `ruta "
            f"exportar`; tenía {len(ajeno)} {'archivo o carpeta' if len(ajeno) == 1 else 'archivos o carpetas'}: "
            f"{nombres}.")


def es_exportacion(salida: Path, formato: str) -> bool:
    """¿``salida`` es una exportación de ``ruta exportar`` de ese formato (o un archivo vacío)?"""
    try:
        if formato != "csv" and salida.stat().st_size == 0:
            return True
        if formato == "sqlite":
            return _es_base(salida)
        if formato == "xlsx":
            with zipfile.ZipFile(salida) as libro:
                return MARCA_XLSX.search(libro.read("docProps/core.xml")) is not None
        primera = (salida / "metadatos.csv").read_text(encoding="utf-8").splitlines()[:2]
        return len(primera) == 2 and primera[1].startswith(",herramienta,ruta exportar")
    except (OSError, KeyError, zipfile.BadZipFile, UnicodeDecodeError):
        return False


def _es_base(salida: Path) -> bool:
    try:
        conexion = sqlite3.connect(f"{salida.resolve().as_uri()}?mode=ro", uri=True)
        try:
            fila = conexion.execute("SELECT valor FROM metadatos WHERE ruta IS NULL AND "
                                    "clave = 'herramienta'").fetchone()
        finally:
            conexion.close()
    except sqlite3.Error:
        return False
    return fila is not None and fila[0] == "ruta exportar"


def reemplazar_archivo(salida: Path, escribir) -> None:
    """Arma el archivo con ``escribir(temporal)`` junto a ``salida`` y lo pone en su lugar de un
    golpe (el temporal se llama como los de ``nucleo.atomico``: ``.zona.db.XXXXXXXX.tmp``)."""
    destino = Path(os.path.realpath(salida))
    fd, temporal = tempfile.mkstemp(prefix=f".{destino.name}.", suffix=".tmp", dir=destino.parent)
    os.close(fd)
    try:
        escribir(Path(temporal))
        with open(temporal, "rb+") as f:
            os.fsync(f.fileno())
        os.chmod(temporal, _modo(destino, 0o666))
        os.replace(temporal, destino)
    except BaseException:
        _borrar(Path(temporal))
        raise


def reemplazar_bytes(salida: Path, contenido: bytes) -> None:
    escribir_atomico(salida, contenido)


def reemplazar_carpeta(salida: Path, escribir) -> None:
    """Arma la carpeta con ``escribir(temporal)`` junto a ``salida`` y la pone en su lugar: la
    anterior se aparta con otro nombre y se borra solo cuando la nueva ya está."""
    destino = Path(os.path.abspath(salida))
    temporal = Path(tempfile.mkdtemp(prefix=f".{destino.name}.", suffix=".tmp", dir=destino.parent))
    apartada = None
    try:
        escribir(temporal)
        os.chmod(temporal, _modo(destino, 0o777))
        if destino.exists():
            apartada = Path(tempfile.mkdtemp(prefix=f".{destino.name}.", suffix=".viejo",
                                             dir=destino.parent))
            os.rmdir(apartada)
            os.replace(destino, apartada)
        os.replace(temporal, destino)
    except BaseException:
        if apartada is not None and not destino.exists():
            os.replace(apartada, destino)
            apartada = None
        _borrar(temporal)
        raise
    if apartada is not None:
        _borrar(apartada)


def _modo(destino: Path, base: int) -> int:
    """Los permisos del temporal (``mkstemp`` y ``mkdtemp`` lo dejan solo para su dueño): los
    de lo que reemplaza o, si es nuevo, los de siempre según la ``umask``."""
    try:
        return stat.S_IMODE(os.stat(destino).st_mode)
    except OSError:
        mascara = os.umask(0o022)
        os.umask(mascara)
        return base & ~mascara


def _borrar(camino: Path) -> None:
    try:
        if camino.is_dir():
            shutil.rmtree(camino)
        else:
            camino.unlink()
    except OSError:
        pass
