"""Repartir un trabajo entre procesos: el único pool de todo comando que lee muchas Rutas.

``repartir(funcion, elementos)`` es ``[funcion(e) for e in elementos]`` con todos los núcleos:
los resultados vuelven en el orden de ``elementos`` (una salida estable, la misma con uno o con
muchos procesos). No sabe nada de una Ruta: ``ruta validar`` le pasa una función que valida
una carpeta y devuelve un resultado sin modelo, y lo mismo harán los comandos de la zona.

Decisiones:

- Con un elemento, o con ``procesos=1``, todo corre en este proceso, sin crear el pool.
- Procesos con ``fork`` en Linux: nacen con las importaciones ya hechas (arrancar Python e
  importar cuesta más que validar una Ruta). Donde no hay ``fork`` (Windows; macOS lo tiene pero
  no es seguro con sus bibliotecas), ``spawn``: ``funcion`` debe ser una función de un módulo
  (``functools.partial`` de una también sirve), que se manda por nombre.
- Los resultados viajan de vuelta con ``pickle``: deben ser pequeños (problemas, no modelos).
- Los elementos van en tandas (``chunksize``) para no pagar un viaje por elemento, pero
  pequeñas, para que al final ningún proceso quede solo con mucho trabajo.
- Ctrl-C: los procesos del pool ignoran SIGINT (la terminal se lo manda a todo el grupo y cada
  uno imprimiría su traceback); este proceso recibe ``KeyboardInterrupt``, detiene el pool sin
  esperar las tandas pendientes y deja seguir la excepción (``commands`` sale con 130).

Solo importa la biblioteca estándar (``concurrent.futures`` y ``multiprocessing``, solo cuando
hace falta un pool).
"""

from __future__ import annotations

import os
import sys
import time

__all__ = ["repartir", "procesos_disponibles", "Progreso", "progreso_permitido", "nacen_con_lo_importado"]


def procesos_disponibles() -> int:
    """Los núcleos que este proceso puede usar (los que permite su afinidad, si se sabe)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):  # sin sched_getaffinity (macOS, Windows)
        return os.cpu_count() or 1


def repartir(funcion, elementos, procesos: int | None = None, al_avanzar=None) -> list:
    """``[funcion(e) for e in elementos]``, en ese orden, con ``procesos`` procesos a la vez.

    ``procesos`` ``None`` usa todos los núcleos; nunca se crean más procesos que elementos.
    ``al_avanzar(hechos)``, si se da, se llama en este proceso cada vez que hay resultados
    nuevos (para una barra de progreso). Una excepción de ``funcion`` sale de aquí tal cual.
    """
    elementos = list(elementos)
    procesos = min(procesos or procesos_disponibles(), len(elementos))
    if procesos <= 1:
        resultados = []
        for elemento in elementos:
            resultados.append(funcion(elemento))
            if al_avanzar is not None:
                al_avanzar(len(resultados))
        return resultados
    return _en_pool(funcion, elementos, procesos, al_avanzar)


def _tanda(total: int, procesos: int) -> int:
    # Unas cuatro tandas por proceso como mínimo y nunca más de 4 elementos por tanda: al final
    # un proceso espera a lo más una tanda (~60 ms con Rutas de ~15 ms). Con 8, 200 Rutas en 2
    # procesos eran 25 tandas (13 contra 12) y tardaban 4 % más; con 1 o 2, cada tanda cuesta
    # su viaje y tampoco mejora (benchmarks/lote.py, docs/rendimiento.md).
    return max(1, min(4, total // (procesos * 4)))


def nacen_con_lo_importado() -> bool:
    """Si los procesos del pool nacen con lo que este ya importó y leyó (``fork``, en Linux):
    solo entonces sirve prepararlo antes de crearlos."""
    return sys.platform.startswith("linux")


def _contexto():
    import multiprocessing

    return multiprocessing.get_context("fork" if nacen_con_lo_importado() else "spawn")


def _iniciar_trabajador() -> None:
    import signal

    # Ctrl-C lo atiende el proceso principal (ver arriba). El proceso nació con SIGINT bloqueado
    # (ver ``_en_pool``): se ignora antes de desbloquearlo, así un Ctrl-C que llegó mientras
    # arrancaba se descarta en vez de interrumpirlo con un traceback.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def _bloquear_sigint():
    """Bloquea SIGINT en este hilo (POSIX) y devuelve la máscara anterior (``None`` si no hay)."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):
        return None
    return signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})


def _restaurar_mascara(anterior) -> None:
    import signal

    if anterior is not None:
        signal.pthread_sigmask(signal.SIG_SETMASK, anterior)


def _en_pool(funcion, elementos: list, procesos: int, al_avanzar) -> list:
    import gc
    from concurrent.futures import ProcessPoolExecutor

    # Lo ya creado (módulos, catálogos) pasa a una generación que el recolector no recorre: los
    # procesos hechos con fork no lo tocan y sus páginas siguen compartidas con este.
    gc.freeze()
    # Los procesos del pool nacen (en ``map``) con SIGINT bloqueado, heredado de este hilo: un
    # Ctrl-C en ese instante no los alcanza antes de que lo ignoren. Aquí se desbloquea en
    # cuanto existen, dentro del ``try``, para que un Ctrl-C pendiente los detenga.
    mascara = _bloquear_sigint()
    ejecutor = None
    resultados = []
    try:
        ejecutor = ProcessPoolExecutor(max_workers=procesos, mp_context=_contexto(),
                                       initializer=_iniciar_trabajador)
        tandas = ejecutor.map(funcion, elementos, chunksize=_tanda(len(elementos), procesos))
        _restaurar_mascara(mascara)
        mascara = None
        for resultado in tandas:
            resultados.append(resultado)
            if al_avanzar is not None:
                al_avanzar(len(resultados))
    except BaseException:
        _restaurar_mascara(mascara)
        if ejecutor is not None:
            _detener(ejecutor)
        raise
    finally:
        gc.unfreeze()
    ejecutor.shutdown()
    return resultados


def _detener(ejecutor) -> None:
    """Cancela lo pendiente y termina los procesos sin esperar la tanda que corre cada uno."""
    # ``ProcessPoolExecutor`` no tiene cómo terminar sus procesos antes de Python 3.14
    # (``terminate_workers``): se toman de su atributo interno antes de que ``shutdown`` lo borre.
    vivos = list((getattr(ejecutor, "_processes", None) or {}).values())
    ejecutor.shutdown(wait=False, cancel_futures=True)
    for proceso in vivos:
        if proceso.is_alive():
            proceso.terminate()
    for proceso in vivos:
        proceso.join(timeout=5)


def progreso_permitido(flujo=None) -> bool:
    """¿Se puede dibujar una barra en ``flujo`` (stderr)? Solo en una terminal y fuera de CI."""
    flujo = flujo if flujo is not None else sys.stderr
    if os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no"):
        return False
    try:
        return flujo.isatty()
    except (AttributeError, ValueError):
        return False


class Progreso:
    """Una barra de progreso de una línea en ``flujo`` (stderr): ``Validando Rutas  37/200 [###   ]``.

    Se usa como ``al_avanzar`` de ``repartir``. No aparece en una corrida corta (menos de
    ``espera`` segundos), se redibuja a lo más diez veces por segundo y ``cerrar()`` la borra,
    para que lo que se escriba después empiece en una línea limpia. Quien la crea decide si
    procede (``progreso_permitido`` y un formato para personas).
    """

    ANCHO = 30

    def __init__(self, total: int, texto: str, flujo=None, espera: float = 0.5):
        self.total = total
        self.texto = texto
        self.flujo = flujo if flujo is not None else sys.stderr
        self.inicio = time.monotonic()
        self.espera = espera
        self._ultima = 0.0
        self._largo = 0     # lo que ocupa la línea dibujada (0: no hay nada que borrar)

    def __call__(self, hechos: int) -> None:
        ahora = time.monotonic()
        if ahora - self.inicio < self.espera or (ahora - self._ultima < 0.1 and hechos < self.total):
            return
        self._ultima = ahora
        llenas = self.ANCHO * hechos // max(self.total, 1)
        linea = (f"{self.texto} {hechos:>{len(str(self.total))}}/{self.total} "
                 f"[{'#' * llenas}{' ' * (self.ANCHO - llenas)}]")
        self._escribir("\r" + linea)
        self._largo = len(linea)

    def cerrar(self) -> None:
        if self._largo:
            self._escribir("\r" + " " * self._largo + "\r")
            self._largo = 0

    def _escribir(self, texto: str) -> None:
        try:
            self.flujo.write(texto)
            self.flujo.flush()
        except (OSError, ValueError):  # una terminal que se cerró no detiene la validación
            pass
