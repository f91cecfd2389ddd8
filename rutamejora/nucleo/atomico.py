"""Escribir un archivo de golpe: o queda todo lo nuevo o todo lo anterior.

Un archivo temporal en la misma carpeta, ``fsync`` y ``os.replace`` (y ``fsync`` de la carpeta
en POSIX, para que el cambio de nombre también llegue al disco). Lo usan todos los comandos
que escriben: ``bitacora agregar``, ``nueva``, ``informe -o`` y ``esquema --salida``.
"""

from __future__ import annotations

import os
import stat
import tempfile
import time
from pathlib import Path


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


def escribir_atomico(destino: Path, contenido: bytes) -> None:
    """Escribe ``contenido`` en ``destino`` de golpe: o queda todo lo nuevo o todo lo anterior."""
    destino = Path(os.path.realpath(destino))
    carpeta = destino.parent
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
