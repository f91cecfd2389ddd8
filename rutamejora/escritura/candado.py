"""El candado de la bitácora: dos ``ruta bitacora agregar`` a la vez no pierden ninguna entrada.

Un archivo ``.bitacora.candado`` en la carpeta de la Ruta, tomado con ``fcntl.flock`` en POSIX y
``msvcrt.locking`` en Windows. El sistema operativo lo suelta si el proceso muere, así que un
proceso matado no bloquea al siguiente. Quien lo suelta borra el archivo; el que deja un
proceso matado lo borra el siguiente ``agregar``.

Quien llega con el candado tomado **hace fila**: cada escritura tarda mucho menos de un segundo,
así que la espera (``ESPERA``, o ``--espera`` de ``bitacora agregar``) alcanza para cualquier
fila real, y tras un segundo se avisa una vez que se está esperando (``al_esperar``).

Con el candado tomado, un temporal de la bitácora (``.bitacora.yaml.XXXXXXXX.tmp``) que esté en
la carpeta es de un proceso que murió a media escritura: solo se crean bajo el candado. Se
quita antes de escribir.
"""

from __future__ import annotations

import os
import time
from contextlib import contextmanager
from pathlib import Path
from typing import Callable

from rutamejora.nucleo.archivos import no_se_escribio
from rutamejora.nucleo.atomico import es_temporal

NOMBRE_CANDADO = ".bitacora.candado"
ARCHIVO = "bitacora.yaml"
# Segundos que se espera a otro proceso antes de rendirse: una fila de cientos de escrituras.
ESPERA = 120.0
AVISO_TRAS = 1.0                   # segundos de espera antes de decir que se está esperando


class NoSeEscribio(Exception):
    """No se escribió nada: bitacora.yaml no se puede leer, tiene un error o no tiene la forma
    de una bitácora (es la Ruta la que falla). ``salida`` es el código de salida del comando."""

    salida = 1


class FallaDeEscritura(NoSeEscribio):
    """El sistema no dejó escribir (disco, permisos, candado ocupado): salida 2, la de toda
    falla de escritura. El archivo quedó como estaba."""

    salida = 2


class Ocupado(FallaDeEscritura):
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


def _quitar_temporales(carpeta: Path) -> None:
    """Quita los temporales de la bitácora: con el candado tomado, son de un proceso muerto."""
    try:
        hijos = list(carpeta.iterdir())
    except OSError:
        return
    for p in hijos:
        if es_temporal(p.name, ARCHIVO) and not p.is_symlink() and p.is_file():
            try:
                p.unlink()
            except OSError:
                pass  # quitarlo es limpieza; `ruta validar` lo sigue avisando (RM011)


def _abrir(ruta: Path) -> int:
    try:
        return os.open(ruta, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise FallaDeEscritura(no_se_escribio(ARCHIVO, exc)) from None


def _quien(ruta: Path) -> str:
    """«el proceso 1234 (desde hace 3 s)», si el candado lo dice (en Windows puede no leerse)."""
    try:
        pid, _, desde = ruta.read_text(encoding="ascii").partition(" ")
        return f"el proceso {int(pid)} (desde hace {max(0, round(time.time() - float(desde)))} s)"
    except (OSError, ValueError):
        return "otro proceso"


@contextmanager
def candado(carpeta: Path, espera: float = ESPERA, al_esperar: Callable[[str], None] | None = None):
    """Exclusión mutua entre procesos que escriben la bitácora de ``carpeta``.

    Lo suelta el sistema operativo si el proceso muere (aunque el archivo quede). Tras tomarlo
    se comprueba que el archivo sigue siendo el mismo: otro proceso pudo borrarlo al terminar.
    Si hay que esperar más de ``AVISO_TRAS`` segundos, se llama una vez a ``al_esperar`` con
    quién tiene el candado («el proceso 1234 (desde hace 2 s)»). Lanza ``Ocupado`` si pasan
    ``espera`` segundos, y ``NoSeEscribio`` si la carpeta no deja escribir.
    """
    ruta = carpeta / NOMBRE_CANDADO
    inicio = time.monotonic()
    limite = inicio + espera
    avisado = al_esperar is None
    while True:
        fd = _abrir(ruta)
        if _tomar(fd):
            try:
                mismo = os.path.samestat(os.fstat(fd), os.stat(ruta))
            except OSError:
                mismo = False
            if mismo:
                break
            _soltar(fd)
        os.close(fd)
        ahora = time.monotonic()
        if ahora >= limite:
            raise Ocupado(f"{_quien(ruta).capitalize()} está escribiendo en la bitácora y no terminó "
                          f"en {espera:g} s. Espera a que termine y vuelve a intentarlo.")
        if not avisado and ahora - inicio >= AVISO_TRAS:
            avisado = True
            al_esperar(_quien(ruta))
        time.sleep(0.02)
    try:
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {time.time():.3f}\n".encode("ascii"))
        except OSError:
            pass  # el aviso de quién lo tiene es una cortesía
        _quitar_temporales(carpeta)
        yield
    finally:
        try:
            os.unlink(ruta)  # POSIX: se borra antes de soltarlo; en Windows no se puede y queda
        except OSError:
            pass
        _soltar(fd)
        os.close(fd)
        if os.name == "nt":  # ya cerrado se puede borrar, salvo si otro lo tiene abierto: entonces
            try:             # ese lo borrará al terminar
                os.unlink(ruta)
            except OSError:
                pass


def leer_para_escribir(archivo: Path) -> str:
    """El texto de ``archivo`` (vacío si no existe), leído con el candado ya tomado.

    Solo un archivo normal y con el tope de ``validar`` (ni una FIFO ni /dev/zero), en UTF-8;
    si no, ``NoSeEscribio``: nada se escribe sobre lo que no se pudo leer entero.
    """
    from rutamejora.formato.lectura import LIMITE_BYTES
    from rutamejora.nucleo.archivos import leer_regular

    try:
        crudo = leer_regular(archivo, LIMITE_BYTES) if os.path.lexists(archivo) else b""
    except OSError as exc:
        raise NoSeEscribio(f"No se pudo leer {archivo.name}: {exc.strerror or exc}. "
                           "No se escribió nada.") from None
    try:
        return crudo.decode("utf-8")
    except UnicodeDecodeError:
        raise NoSeEscribio(f"{archivo.name} no está en UTF-8; `ruta validar` dice cómo corregirlo.") from None
