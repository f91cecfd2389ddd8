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
falla o alguien interrumpe, no queda una Ruta a medias. La carpeta temporal lleva en su nombre
el equipo y el proceso (``.<carpeta>.nueva-<equipo>-<proceso>-XXXXXXXX``): si el proceso murió
sin poder quitarla, el siguiente ``nueva`` en el mismo equipo la reconoce y la quita. Si el
disco o los permisos no dejan escribir, ``FallaDeEscritura`` dice por qué en español.

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
from rutamejora.escritura.candado import FallaDeEscritura
from rutamejora.escritura.pedido import NuevaInvalida, Pedido, revisar_pedido
from rutamejora.escritura.plantillas_nueva import archivos
from rutamejora.nucleo.archivos import no_se_escribio
from rutamejora.nucleo.atomico import carpeta_temporal, equipo, prefijo_carpeta


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


def crear(pedido: Pedido, destino: Path, sobrescribir: bool = False, cambiar=None) -> list[Path]:
    """Escribe la Ruta en ``destino`` y devuelve los archivos escritos (los YAML y los esquemas).

    ``cambiar``, si se da, recibe ``{archivo: texto}`` de la Ruta nueva y devuelve los textos que
    se escriben en su lugar (``ruta importar plan`` llena así las listas con lo del documento,
    con la misma escritura de todo o nada).

    Lanza ``NuevaInvalida`` si la carpeta ya tiene archivos (sin ``sobrescribir``) o si los datos
    darían una Ruta con errores, y ``FallaDeEscritura`` si el sistema no deja escribir.
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
    if cambiar is not None:
        contenidos = cambiar(contenidos)
    schemas = {n: texto_json(s) for n, s in esquemas(pedido.marco, destino).items()}
    existia = destino.exists()
    try:
        _poner(destino, contenidos, schemas)
    except OSError as exc:
        quedo = "La carpeta quedó como estaba." if existia else "No se creó la Ruta."
        raise FallaDeEscritura(no_se_escribio(destino, exc, quedo)) from None
    return [destino / n for n in contenidos] + [destino / CARPETA_ESQUEMAS / n for n in schemas]


def _poner(destino: Path, contenidos: dict, schemas: dict) -> None:
    """Escribe todo en una carpeta temporal junto a ``destino`` y la pone en su lugar.

    Si algo falla, quita lo que esta llamada creó (la carpeta temporal y las carpetas nuevas).
    """
    nuevas = [p for p in [destino, *destino.parents] if not p.exists()]
    vacia = destino.is_dir() and not any(destino.iterdir())
    temporal = None
    try:
        destino.parent.mkdir(parents=True, exist_ok=True)
        _quitar_abandonadas(destino.parent)
        temporal = Path(tempfile.mkdtemp(prefix=prefijo_carpeta(destino.name), dir=destino.parent))
        _permisos_normales(temporal)
        for nombre, texto in contenidos.items():
            _escribir(temporal / nombre, texto)
        (temporal / CARPETA_ESQUEMAS).mkdir()
        for nombre, texto in schemas.items():
            _escribir(temporal / CARPETA_ESQUEMAS / nombre, texto)
        with _sin_interrupciones():
            if vacia:
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
        if temporal is not None:
            shutil.rmtree(temporal, ignore_errors=True)
        if vacia and not destino.exists():  # la carpeta vacía que se quitó para poner la nueva
            try:
                destino.mkdir()
            except OSError:
                pass
        for carpeta in nuevas:  # las que esta llamada creó, de la más honda hacia arriba
            try:
                if carpeta.exists():
                    carpeta.rmdir()
            except OSError:
                break
        raise


def _quitar_abandonadas(carpeta: Path) -> None:
    """Quita las carpetas temporales de ``nueva`` que dejaron procesos ya muertos de este equipo.

    Solo las que puede probar abandonadas: su nombre dice este equipo y un proceso que ya no
    existe (uno vivo, de otro equipo o sin esos datos en el nombre se deja; ``ruta validar`` lo
    avisa, RM011). En Windows no se sabe sin riesgo si un proceso vive: no se quita ninguna.
    """
    if os.name == "nt":
        return
    try:
        hijos = list(carpeta.iterdir())
    except OSError:
        return
    aqui = equipo()
    for p in hijos:
        datos = carpeta_temporal(p.name)
        if datos is None or datos[1] != aqui or datos[2] is None or datos[2] == os.getpid():
            continue
        if not p.is_symlink() and p.is_dir() and not _vive(datos[2]):
            shutil.rmtree(p, ignore_errors=True)


def _vive(pid: int) -> bool:
    try:
        os.kill(pid, 0)  # la señal 0 no llega: solo pregunta si el proceso existe
    except ProcessLookupError:
        return False
    except OSError:
        return True  # existe, pero es de otro usuario
    return True


def _escribir(ruta: Path, texto: str) -> None:
    with open(ruta, "w", encoding="utf-8", newline="\n") as f:
        f.write(texto)


def _permisos_normales(carpeta: Path) -> None:
    """``mkdtemp`` crea la carpeta solo para su dueño; la Ruta lleva los permisos de siempre."""
    mascara = os.umask(0)
    os.umask(mascara)
    os.chmod(carpeta, 0o777 & ~mascara)
