"""Abrir un texto en el editor de quien usa ``ruta``, como ``git commit``.

El editor es el de ``VISUAL``, si no el de ``EDITOR``, si no uno que haya en el sistema (el Bloc
de notas en Windows; ``nano`` o ``vi`` en los demás). La variable puede traer opciones
(``code --wait``). El texto se escribe en un archivo temporal **fuera de la Ruta** (``validar``
no lo lee) que no se borra si algo falla: así nada de lo escrito se pierde.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path


class SinEditor(RuntimeError):
    """No hay editor que abrir, o el editor falló (un error de entorno: salida 2)."""


SIN_TERMINAL = ("no hay una terminal para abrir el editor: usa --borrador ARCHIVO para escribir el registro "
                "y --guardar ARCHIVO para aplicarlo.")


def hay_terminal() -> bool:
    """¿Se puede abrir un editor? Solo si la entrada y la salida son una terminal: con la entrada
    de ``/dev/null`` o la salida a un archivo (un script, CI), ``vi`` o ``nano`` no tienen dónde
    dibujarse ni de dónde leer. Las pruebas con CliRunner (un editor de guion) la sustituyen."""
    return all(f is not None and f.isatty() for f in (sys.stdin, sys.stdout))


def editor_del_usuario() -> list[str]:
    """La orden del editor: ``VISUAL``, ``EDITOR`` o el del sistema."""
    for variable in ("VISUAL", "EDITOR"):
        valor = os.environ.get(variable, "").strip()
        if valor:
            return shlex.split(valor, posix=os.name != "nt")
    if os.name == "nt":
        return ["notepad"]
    for nombre in ("nano", "vi"):
        if shutil.which(nombre):
            return [nombre]
    raise SinEditor("no encontré un editor: define la variable VISUAL o EDITOR (p. ej. EDITOR=nano), "
                    "o escribe el borrador con --borrador ARCHIVO y aplícalo con --guardar ARCHIVO.")


def archivo_temporal(prefijo: str) -> Path:
    """Un archivo nuevo ``.yaml`` en la carpeta temporal del sistema (fuera de la Ruta)."""
    descriptor, nombre = tempfile.mkstemp(prefix=prefijo, suffix=".yaml")
    os.close(descriptor)
    return Path(nombre)


def editar(archivo: Path, texto: str) -> str:
    """Escribe ``texto`` en ``archivo``, lo abre en el editor y devuelve lo que quedó guardado."""
    archivo.write_text(texto, encoding="utf-8")
    orden = editor_del_usuario()
    try:
        # El editor usa la terminal: hereda la entrada y la salida de quien corre `ruta`.
        resultado = subprocess.run([*orden, str(archivo)], check=False)
    except OSError as exc:
        raise SinEditor(f"no se pudo abrir el editor «{' '.join(orden)}» ({exc.strerror or exc}); "
                        "define VISUAL o EDITOR con uno que exista.") from None
    if resultado.returncode != 0:
        raise SinEditor(f"el editor «{' '.join(orden)}» terminó con error ({resultado.returncode}).")
    sys.stdout.flush()
    try:
        return archivo.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise SinEditor(f"el editor borró o movió el borrador ({archivo}): no quedó nada que "
                        "registrar y no se escribió nada en bitacora.yaml.") from None
    except UnicodeDecodeError:
        raise SinEditor("el editor guardó el borrador en otra codificación, no en UTF-8: ábrelo, "
                        "guárdalo como UTF-8 y aplícalo.") from None
    except OSError as exc:
        raise SinEditor(f"no se pudo leer el borrador ({exc.strerror or exc}).") from None


__all__ = ["SinEditor", "SIN_TERMINAL", "hay_terminal", "editor_del_usuario", "archivo_temporal", "editar"]
