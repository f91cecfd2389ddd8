"""Abrir solo archivos normales y decir en español por qué no se pudo leer o escribir uno.

Un archivo de la Ruta puede ser, por error, una carpeta, una tubería (FIFO), un enlace a
``/dev/zero`` o un archivo enorme: abrirlo a ciegas cuelga el comando (una FIFO sin quien
escriba) o agota la memoria. ``abrir_regular`` abre sin bloquearse (``O_NONBLOCK``) y mira qué
es con ``fstat`` antes de leer un byte; ``leer_regular`` además lee con un tope.

``razon`` traduce el ``errno`` de una falla del sistema a una frase en español: la que ve quien
usa ``ruta`` cuando un disco de solo lectura, una carpeta sin permiso, un disco lleno o sin
inodos impiden escribir. ``no_se_escribio`` arma con ella el mensaje de todos los comandos que
escriben.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import BinaryIO

_AL_ESCRIBIR = {
    errno.EROFS: "el disco es de solo lectura",
    errno.EACCES: "no hay permiso para escribir en esa carpeta",
    errno.EPERM: "no hay permiso para escribir en esa carpeta",
    errno.ENOSPC: "no queda espacio en el disco (o se acabaron sus inodos, los lugares para archivos)",
    errno.EIO: "error de entrada/salida del disco",
    errno.ENOENT: "la carpeta no existe",
    errno.ENOTDIR: "una parte del camino no es una carpeta",
    errno.EISDIR: "es una carpeta",
    errno.ENAMETOOLONG: "el nombre es demasiado largo",
    errno.EMFILE: "hay demasiados archivos abiertos",
    errno.ENFILE: "hay demasiados archivos abiertos",
    errno.EBUSY: "otro programa lo está usando",
    errno.ETXTBSY: "otro programa lo está usando",
    errno.EFBIG: "el archivo es demasiado grande para ese disco",
    errno.EMLINK: "la carpeta ya tiene demasiados archivos",
    errno.ELOOP: "hay un ciclo de enlaces simbólicos",
    errno.EEXIST: "ya existe",
    errno.EXDEV: "el destino está en otro disco",
}
# EDQUOT no existe en todo sistema (Windows).
if hasattr(errno, "EDQUOT"):
    _AL_ESCRIBIR[errno.EDQUOT] = "se acabó la cuota de espacio de tu usuario en el disco"

_AL_LEER = {
    **_AL_ESCRIBIR,
    errno.EACCES: "no hay permiso para leerlo",
    errno.EPERM: "no hay permiso para leerlo",
    errno.ENOENT: "no existe",
}


class SoloLectura(PermissionError):
    """El archivo que se iba a reemplazar es de solo lectura (``atomico.escribir_atomico``)."""

    def __init__(self, ruta: str):
        super().__init__(errno.EACCES, "el archivo es de solo lectura", ruta)


def razon(exc: OSError, leyendo: bool = False) -> str:
    """La causa de ``exc`` en español, en minúsculas y sin punto final («el disco es de solo
    lectura»). Un ``errno`` sin traducción da el texto del sistema."""
    if isinstance(exc, SoloLectura):
        return "el archivo es de solo lectura (quítale esa marca si quieres que se escriba)"
    tabla = _AL_LEER if leyendo else _AL_ESCRIBIR
    if exc.errno in tabla:
        return tabla[exc.errno]
    texto = exc.strerror or str(exc) or type(exc).__name__
    return texto.rstrip(".")


def no_se_escribio(nombre: object, exc: OSError, quedo: str = "El archivo quedó como estaba.") -> str:
    """«No se pudo escribir informe.html: el disco es de solo lectura. El archivo quedó como
    estaba.»: el mensaje de toda falla de escritura (salida 2)."""
    return f"No se pudo escribir {nombre}: {razon(exc)}. {quedo}"


class NoEsRegular(OSError):
    """El camino existe pero no es un archivo normal (carpeta, FIFO, dispositivo, socket)."""


class DemasiadoGrande(OSError):
    """El archivo pasa del tope de lectura. ``tamano`` es lo que pesa (o lo que se alcanzó a leer)."""

    def __init__(self, ruta: object, tamano: int, tope: int):
        self.tamano, self.tope = tamano, tope
        super().__init__(errno.EFBIG, f"pesa {tamano / 1048576:.1f} MB; el límite es "
                                      f"{tope // 1048576} MB", str(ruta))


def que_es(modo: int) -> str:
    """Lo que es un camino que no es un archivo normal, dicho para quien usa ``ruta``."""
    if stat.S_ISDIR(modo):
        return "es una carpeta, no un archivo"
    if stat.S_ISFIFO(modo):
        return "no es un archivo normal (es una tubería, FIFO)"
    if stat.S_ISCHR(modo) or stat.S_ISBLK(modo):
        return "no es un archivo normal (es un dispositivo)"
    if stat.S_ISSOCK(modo):
        return "no es un archivo normal (es un socket)"
    return "no es un archivo normal"


def abrir_regular(ruta: Path | str) -> BinaryIO:
    """Abre ``ruta`` para leer en binario solo si es un archivo normal (siguiendo enlaces).

    Lanza ``NoEsRegular`` («es una carpeta», «no es un archivo normal (es una tubería…)») u
    ``OSError`` con ``strerror`` en español. Nunca se queda esperando: una FIFO se abre sin
    bloquear y se rechaza al ver qué es.
    """
    banderas = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0) \
        | getattr(os, "O_BINARY", 0)
    try:
        fd = os.open(ruta, banderas)
    except OSError as exc:
        if os.path.isdir(ruta):  # Windows no abre carpetas: lo dice como falta de permiso
            raise NoEsRegular(errno.EISDIR, que_es(stat.S_IFDIR), str(ruta)) from None
        raise OSError(exc.errno, razon(exc, leyendo=True), str(ruta)) from None
    try:
        modo = os.fstat(fd).st_mode
        if not stat.S_ISREG(modo):
            raise NoEsRegular(errno.EINVAL, que_es(modo), str(ruta))
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
        return os.fdopen(fd, "rb")
    except BaseException:
        os.close(fd)
        raise


def leer_con_tope(f: BinaryIO, tope: int) -> bytes:
    """Los bytes de ``f``, a lo más uno de más que ``tope`` (así se sabe si lo pasa).

    Se pide lo que dice su tamaño, y uno más: pedir el tope de una vez reserva (y suelta) esa
    memoria en cada lectura, 5 MB por archivo de la Ruta. Si el archivo crece mientras se lee
    (o su tamaño no se sabe: 0), se sigue leyendo hasta el tope."""
    tamano = os.fstat(f.fileno()).st_size
    pedido = min(tamano, tope) + 1 if tamano else tope + 1
    crudo = f.read(pedido)
    if len(crudo) == pedido and pedido <= tope:
        crudo += f.read(tope + 1 - len(crudo))
    return crudo


def leer_regular(ruta: Path | str, tope: int) -> bytes:
    """Los bytes de ``ruta`` si es un archivo normal de ``tope`` bytes o menos.

    Lee a lo más un byte de más que el tope (un archivo de 2 GB no se carga entero). Lanza
    ``NoEsRegular``, ``DemasiadoGrande`` u ``OSError`` con ``strerror`` en español.
    """
    with abrir_regular(ruta) as f:
        crudo = leer_con_tope(f, tope)
        if len(crudo) > tope:
            try:
                tamano = os.fstat(f.fileno()).st_size
            except OSError:
                tamano = len(crudo)
            raise DemasiadoGrande(ruta, max(tamano, len(crudo)), tope)
    return crudo
