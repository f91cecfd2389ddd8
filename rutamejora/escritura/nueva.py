"""Una Ruta nueva: los siete archivos desde las plantillas de ``plantillas/nueva/``.

Se llena solo lo que no le toca decidir al CTE: los datos de la escuela, el calendario y las
sesiones del ciclo, las asignaturas o campos formativos del plan del nivel y los rasgos de los
anexos por valorar. Nunca metas ni acciones escritas de antemano: una Ruta copiada de una
plantilla es justo lo que las orientaciones piden evitar. Lo demás va vacío (``ruta validar``
lo avisa «por llenar», sin errores) con la pregunta de las orientaciones y un ejemplo comentado.

Cada marco se escribe con sus palabras, leídas de su catálogo: la clave de la agrupación
(``problematicas:``, ``ambitos:``), los campos que pide (``contexto`` del diagnóstico, el
diagnóstico por ámbito, ``ciclo`` de cada meta…), los ciclos de su horizonte (``ciclos:``), las
personas que deben estar en ``comunidad`` y las citas de sus orientaciones.

Con una Ruta anterior (``desde``) se heredan la escuela y el colectivo, el último valor medido
de cada meta como línea base y, comentadas para que el CTE decida, las metas no logradas y las
acciones sin terminar. La Ruta anterior solo se lee.

Todo se escribe primero en una carpeta temporal junto al destino y se mueve al final: si algo
falla o alguien interrumpe, no queda una Ruta a medias.

Cada parte tiene su módulo: los datos de la escuela y del ciclo (``datos_escuela``), el
calendario (``calendario_nuevo``), la Ruta anterior (``anterior``), el pedido y su revisión
(``pedido``) y las plantillas con su contexto (``plantillas_nueva``). Aquí se escribe.
"""

from __future__ import annotations

import os
import shutil
import signal
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

from rutamejora.formato.esquema_json import CARPETA_ESQUEMAS, esquemas, texto_json
from rutamejora.escritura.pedido import NuevaInvalida, Pedido, revisar_pedido
from rutamejora.escritura.plantillas_nueva import archivos


def ocupada(destino: Path) -> bool:
    """¿La carpeta ya tiene algo? (un archivo que no es carpeta también cuenta)."""
    if destino.exists() and not destino.is_dir():
        return True
    return destino.is_dir() and any(destino.iterdir())


@contextmanager
def _sin_interrupciones():
    """Aplaza Ctrl-C mientras se mueven los archivos a su lugar (son milisegundos)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    recibidas: list = []
    anterior = signal.signal(signal.SIGINT, lambda *_: recibidas.append(True))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, anterior)
    if recibidas:
        raise KeyboardInterrupt


def crear(pedido: Pedido, destino: Path, sobrescribir: bool = False) -> list[Path]:
    """Escribe la Ruta en ``destino`` y devuelve los archivos escritos (los YAML y los esquemas).

    Lanza ``NuevaInvalida`` si la carpeta ya tiene archivos (sin ``sobrescribir``) o si los datos
    darían una Ruta con errores.
    """
    destino = Path(os.path.abspath(destino))
    if destino.exists() and not destino.is_dir():
        raise NuevaInvalida(f"{destino} existe y no es una carpeta.")
    if pedido.anterior is not None and destino.is_dir() and \
            destino.resolve() == pedido.anterior.carpeta.resolve():
        raise NuevaInvalida("la Ruta nueva no puede escribirse sobre la anterior: elige otra carpeta.")
    if ocupada(destino) and not sobrescribir:
        raise NuevaInvalida(f"la carpeta {destino} ya tiene archivos; para reemplazar los de la Ruta "
                            "usa --sobrescribir.")
    revisar_pedido(pedido, destino)
    contenidos = archivos(pedido, destino)
    schemas = {n: texto_json(s) for n, s in esquemas(pedido.marco, destino).items()}

    nuevas = [p for p in [destino, *destino.parents] if not p.exists()]
    destino.parent.mkdir(parents=True, exist_ok=True)
    temporal = Path(tempfile.mkdtemp(prefix=f".{destino.name}.nueva-", dir=destino.parent))
    try:
        _permisos_normales(temporal)
        for nombre, texto in contenidos.items():
            _escribir(temporal / nombre, texto)
        (temporal / CARPETA_ESQUEMAS).mkdir()
        for nombre, texto in schemas.items():
            _escribir(temporal / CARPETA_ESQUEMAS / nombre, texto)
        with _sin_interrupciones():
            if destino.is_dir() and not any(destino.iterdir()):
                destino.rmdir()
            if not destino.exists():
                os.replace(temporal, destino)
            else:
                (destino / CARPETA_ESQUEMAS).mkdir(exist_ok=True)
                for nombre in contenidos:
                    os.replace(temporal / nombre, destino / nombre)
                for nombre in schemas:
                    os.replace(temporal / CARPETA_ESQUEMAS / nombre, destino / CARPETA_ESQUEMAS / nombre)
                shutil.rmtree(temporal)
    except BaseException:
        shutil.rmtree(temporal, ignore_errors=True)
        for carpeta in nuevas:  # las que esta llamada creó, de la más honda hacia arriba
            try:
                if carpeta.exists():
                    carpeta.rmdir()
            except OSError:
                break
        raise
    return [destino / n for n in contenidos] + [destino / CARPETA_ESQUEMAS / n for n in schemas]


def _escribir(ruta: Path, texto: str) -> None:
    with open(ruta, "w", encoding="utf-8", newline="\n") as f:
        f.write(texto)


def _permisos_normales(carpeta: Path) -> None:
    """``mkdtemp`` crea la carpeta solo para su dueño; la Ruta lleva los permisos de siempre."""
    mascara = os.umask(0)
    os.umask(mascara)
    os.chmod(carpeta, 0o777 & ~mascara)
