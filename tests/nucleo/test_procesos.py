"""El pool de ``nucleo.procesos``: orden estable, sin pool cuando no hace falta, errores, la barra.

Ninguna prueba mide tiempos (eso está en ``benchmarks/lote.py``).
"""

from __future__ import annotations

import io
import multiprocessing
import os
import time

import pytest

from rutamejora.nucleo import procesos as P


def cuadrado_lento(n: int) -> tuple[int, int]:
    # Los primeros tardan más: si el orden dependiera de quién termina antes, saldría al revés.
    time.sleep(0.002 * (20 - n) if n < 20 else 0)
    return n * n, os.getpid()


def fallar_en_7(n: int) -> int:
    if n == 7:
        raise ValueError("siete")
    return n


def test_los_resultados_vuelven_en_el_orden_de_entrada():
    resultados = P.repartir(cuadrado_lento, range(40), procesos=2)
    assert [r for r, _ in resultados] == [n * n for n in range(40)]


def test_con_el_pool_trabajan_otros_procesos():
    pids = {pid for _, pid in P.repartir(cuadrado_lento, range(40), procesos=2)}
    assert os.getpid() not in pids


def test_sin_pool_con_un_proceso_o_un_elemento(monkeypatch):
    def sin_pool(*_):
        raise AssertionError("no debía crearse un pool")

    monkeypatch.setattr(P, "_en_pool", sin_pool)
    assert [r for r, _ in P.repartir(cuadrado_lento, range(5), procesos=1)] == [0, 1, 4, 9, 16]
    assert P.repartir(cuadrado_lento, [3], procesos=8)[0] == (9, os.getpid())
    assert P.repartir(cuadrado_lento, [], procesos=8) == []


def test_por_omision_todos_los_nucleos(monkeypatch):
    pedidos = []
    monkeypatch.setattr(P, "_en_pool", lambda f, e, procesos, a: pedidos.append(procesos) or [])
    monkeypatch.setattr(P, "procesos_disponibles", lambda: 3)
    P.repartir(cuadrado_lento, range(10))
    P.repartir(cuadrado_lento, range(2))     # nunca más procesos que elementos
    assert pedidos == [3, 2]


def test_un_error_de_la_funcion_sale_tal_cual():
    with pytest.raises(ValueError, match="siete"):
        P.repartir(fallar_en_7, range(30), procesos=2)
    with pytest.raises(ValueError, match="siete"):
        P.repartir(fallar_en_7, range(30), procesos=1)


def test_avisa_el_avance_en_este_proceso():
    vistos = []
    P.repartir(cuadrado_lento, range(30), procesos=2, al_avanzar=vistos.append)
    assert vistos == list(range(1, 31))
    vistos.clear()
    P.repartir(cuadrado_lento, range(3), procesos=1, al_avanzar=vistos.append)
    assert vistos == [1, 2, 3]


def test_tambien_con_spawn(monkeypatch):
    """Donde no hay fork: la función viaja por su nombre y el resultado es el mismo."""
    if "spawn" not in multiprocessing.get_all_start_methods():
        pytest.skip("sin spawn")
    monkeypatch.setattr(P, "_contexto", lambda: multiprocessing.get_context("spawn"))
    assert [r for r, _ in P.repartir(cuadrado_lento, range(12), procesos=2)] == [n * n for n in range(12)]


# --- La barra de progreso ---------------------------------------------------------------------


class Terminal(io.StringIO):
    def isatty(self):
        return True


def test_la_barra_solo_en_una_terminal_y_fuera_de_ci(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    assert P.progreso_permitido(Terminal()) is True
    assert P.progreso_permitido(io.StringIO()) is False
    for valor in ("true", "1", "yes"):
        monkeypatch.setenv("CI", valor)
        assert P.progreso_permitido(Terminal()) is False
    for valor in ("", "0", "false"):
        monkeypatch.setenv("CI", valor)
        assert P.progreso_permitido(Terminal()) is True


def test_la_barra_avanza_y_se_borra_al_cerrar():
    flujo = Terminal()
    barra = P.Progreso(200, "Validando Rutas", flujo=flujo, espera=0)
    barra(50)
    assert flujo.getvalue() == "\rValidando Rutas  50/200 [#######                       ]"
    barra(200)   # el último siempre se dibuja
    assert flujo.getvalue().endswith("\rValidando Rutas 200/200 [" + "#" * 30 + "]")
    barra.cerrar()
    largo = len("Validando Rutas 200/200 [" + "#" * 30 + "]")
    assert flujo.getvalue().endswith("\r" + " " * largo + "\r")


def test_una_corrida_corta_no_dibuja_nada():
    flujo = Terminal()
    barra = P.Progreso(10, "Validando Rutas", flujo=flujo, espera=60)
    for i in range(1, 11):
        barra(i)
    barra.cerrar()
    assert flujo.getvalue() == ""
