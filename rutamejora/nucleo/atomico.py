"""Escribir un archivo de golpe: o queda todo lo nuevo o todo lo anterior.

Un archivo temporal en la misma carpeta, ``fsync`` y ``os.replace`` (y ``fsync`` de la carpeta
en POSIX, para que el cambio de nombre también llegue al disco). Lo usan todos los comandos
que escriben: ``bitacora agregar``, ``nueva``, ``informe -o`` y ``esquema --salida``.

Si el proceso muere entre crear el temporal y renombrarlo, el temporal queda. Sus nombres
dicen de quién son, para que quien venga después pueda reconocerlos (``es_temporal``) y
quitarlos solo cuando puede probar que están abandonados: ``.bitacora.yaml.XXXXXXXX.tmp`` para
un archivo y, para una carpeta que se arma entera antes de ponerla en su lugar (``ruta nueva``),
``.<carpeta>.nueva-<equipo>-<proceso>-XXXXXXXX`` (``prefijo_carpeta`` y ``carpeta_temporal``).
"""

from __future__ import annotations

import os
import re
import stat
import time
from pathlib import Path

from rutamejora.nucleo.expresiones import compilar

# ``socket`` y ``tempfile`` se importan donde se usan: ``ruta validar`` importa este módulo solo
# para reconocer temporales (``es_temporal``), y ``tempfile`` arrastra ``random``, ``shutil``,
# ``bz2`` y ``lzma`` (unos 3 ms en cada arranque).

# Los de ``mkstemp``/``mkdtemp``: 8 caracteres de «a-z0-9_» tras el prefijo.
_TEMPORAL = compilar(r"\.(?P<de>.+)\.[a-z0-9_]{8}\.tmp")
_CARPETA = compilar(r"\.(?P<de>.+)\.nueva-(?:(?P<equipo>[A-Za-z0-9._-]*)-(?P<pid>\d+)-)?[a-z0-9_]{8}")


def es_temporal(nombre: str, de: str | None = None) -> bool:
    """¿``nombre`` es un temporal de ``escribir_atomico`` (del archivo ``de``, si se da)?"""
    m = _TEMPORAL.fullmatch(nombre)
    return m is not None and (de is None or m.group("de") == de)


def equipo() -> str:
    """El nombre de este equipo, con solo letras, números, puntos y guiones."""
    import socket

    try:
        nombre = socket.gethostname()
    except OSError:
        nombre = ""
    return re.sub(r"[^A-Za-z0-9.-]", "_", nombre)[:40] or "equipo"


def prefijo_carpeta(nombre: str) -> str:
    """El prefijo de la carpeta temporal de ``nombre`` para ``mkdtemp``: lleva equipo y proceso."""
    return f".{nombre}.nueva-{equipo()}-{os.getpid()}-"


def carpeta_temporal(nombre: str) -> tuple[str, str | None, int | None] | None:
    """(de qué carpeta, equipo, proceso) si ``nombre`` es una carpeta temporal de ``nueva``;
    equipo y proceso son ``None`` en las de versiones que aún no los ponían."""
    m = _CARPETA.fullmatch(nombre)
    if m is None:
        return None
    return m.group("de"), m.group("equipo"), int(m.group("pid")) if m.group("pid") else None


def _reemplazar(origen: str, destino: Path) -> None:
    """``os.replace``, con unos reintentos: en Windows un antivirus o un editor lo traban un momento."""
    for intento in range(10):
        try:
            os.replace(origen, destino)
            return
        except PermissionError:
            if os.name != "nt" or intento == 9:
                raise
            time.sleep(0.1)


def _se_puede_cambiar(destino: Path) -> None:
    """``PermissionError`` si ``destino`` existe y es de solo lectura. Cambiarle el nombre a un
    temporal solo pide permiso sobre la carpeta: sin esta revisión, un archivo de solo lectura
    (``chmod 444``, «solo lectura» en Windows) se reemplazaba igual. Sin ningún permiso de
    escritura en su modo cuenta aunque quien escribe sea root: alguien lo quiso así."""
    from rutamejora.nucleo.archivos import SoloLectura

    try:
        modo = os.stat(destino).st_mode
    except FileNotFoundError:
        return
    if not os.access(destino, os.W_OK) or not modo & 0o222:
        raise SoloLectura(str(destino))


def escribir_atomico(destino: Path, contenido: bytes) -> None:
    """Escribe ``contenido`` en ``destino`` de golpe: o queda todo lo nuevo o todo lo anterior."""
    import tempfile

    destino = Path(os.path.realpath(destino))
    carpeta = destino.parent
    _se_puede_cambiar(destino)
    fd, temporal = tempfile.mkstemp(prefix=f".{destino.name}.", suffix=".tmp", dir=carpeta)
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(contenido)
            f.flush()
            os.fsync(f.fileno())
        if destino.exists():
            modo = stat.S_IMODE(os.stat(destino).st_mode)
        else:
            mascara = os.umask(0o022)
            os.umask(mascara)
            modo = 0o666 & ~mascara
        os.chmod(temporal, modo)
        _reemplazar(temporal, destino)
    except BaseException:
        try:
            os.unlink(temporal)
        except OSError:
            pass
        raise
    if os.name != "nt":  # que el cambio de nombre también llegue al disco
        try:
            fd_carpeta = os.open(carpeta, os.O_RDONLY)
        except OSError:
            return
        try:
            os.fsync(fd_carpeta)
        except OSError:
            pass
        finally:
            os.close(fd_carpeta)
