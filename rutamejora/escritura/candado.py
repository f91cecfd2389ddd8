"""El candado de la bitácora: dos ``ruta bitacora agregar`` a la vez no pierden ninguna entrada.

Un archivo ``.bitacora.candado`` en la carpeta de la Ruta, tomado con ``fcntl.flock`` en POSIX y
``msvcrt.locking`` en Windows. El sistema operativo lo suelta si el proceso muere, así que un
proceso matado no bloquea al siguiente.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path

NOMBRE_CANDADO = ".bitacora.candado"
ESPERA = 10.0                      # segundos que se espera a otro proceso antes de rendirse


class NoSeEscribio(Exception):
    """No se pudo escribir (candado ocupado, archivo ilegible, disco): el archivo quedó igual."""


class Ocupado(NoSeEscribio):
    """Otro proceso tiene el candado de la bitácora y no lo soltó a tiempo."""


def _tomar(fd: int) -> bool:
    """Intenta tomar el candado sin esperar. ``True`` si se tomó."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _soltar(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def _quien(ruta: Path) -> str:
    """«el proceso 1234 (desde hace 3 s)», si el candado lo dice (en Windows puede no leerse)."""
    try:
        pid, _, desde = ruta.read_text(encoding="ascii").partition(" ")
        return f"el proceso {int(pid)} (desde hace {max(0, round(time.time() - float(desde)))} s)"
    except (OSError, ValueError):
        return "otro proceso"


@contextmanager
def candado(carpeta: Path, espera: float = ESPERA):
    """Exclusión mutua entre procesos que escriben la bitácora de ``carpeta``.

    Lo suelta el sistema operativo si el proceso muere (aunque el archivo quede). Tras tomarlo
    se comprueba que el archivo sigue siendo el mismo: otro proceso pudo borrarlo al terminar.
    """
    ruta = carpeta / NOMBRE_CANDADO
    limite = time.monotonic() + espera
    while True:
        fd = os.open(ruta, os.O_RDWR | os.O_CREAT, 0o644)
        if _tomar(fd):
            try:
                mismo = os.path.samestat(os.fstat(fd), os.stat(ruta))
            except OSError:
                mismo = False
            if mismo:
                break
            _soltar(fd)
        os.close(fd)
        if time.monotonic() >= limite:
            raise Ocupado(f"{_quien(ruta).capitalize()} está escribiendo en la bitácora. "
                          "Espera a que termine y vuelve a intentarlo.")
        time.sleep(0.02)
    try:
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {time.time():.3f}\n".encode("ascii"))
        except OSError:
            pass  # el aviso de quién lo tiene es una cortesía
        yield
    finally:
        try:
            os.unlink(ruta)  # POSIX: se borra antes de soltarlo; en Windows no se puede y queda
        except OSError:
            pass
        _soltar(fd)
        os.close(fd)
