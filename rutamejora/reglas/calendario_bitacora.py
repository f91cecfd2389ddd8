"""Reglas de la bitácora contra el calendario del CTE: cada sesión en su fecha, una vez, y las
entradas en orden.

Una entrada con ``sesion: N`` es el registro de la sesión ordinaria N: su fecha es la de la
sesión N en el calendario del ciclo (el del catálogo o el de ``calendario:`` en ruta.yaml; en
una Ruta de varios ciclos, el del ciclo en que cae la fecha). ``ruta calendario`` y
``ruta pendientes`` cuentan las sesiones con esas fechas: una entrada fuera de ellas, repetida
o fuera de orden hace que digan algo distinto de lo que pasó.

Registra RM411 ``sesion-en-otra-fecha``, RM412 ``sesion-repetida`` y RM413
``bitacora-fuera-de-orden``.
"""

from __future__ import annotations

from datetime import date

from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import AVISO
from rutamejora.nucleo.registro import registro

_CALENDARIO = ("ruta.yaml", "bitacora.yaml")


@registro
class _Sesion:
    """Una entrada con ``sesion`` y lo que el calendario dice de ella."""

    entrada: object
    ciclo: str | None
    calendario: object | None
    esperada: date | None          # la fecha de la sesión N en ese calendario (None: no se sabe)

    @property
    def en_otra_fecha(self) -> bool:
        return self.esperada is not None and self.entrada.fecha != self.esperada


def _en_orden_del_archivo(ruta) -> list:
    """Todas las entradas (también las posteriores a ``--fecha``) en el orden en que están escritas."""
    return sorted(ruta.entradas + ruta.entradas_apartadas, key=lambda e: e.pos(None)[0])


def _calendario_del_dia(ruta, dia: date):
    """(ciclo, calendario) en que cae ``dia``: el último ciclo del horizonte que ya empezó."""
    conocidos = [(c, cal) for c, cal in ruta.calendarios.items() if cal is not None]
    if not conocidos:
        return (ruta.ciclo, ruta.calendario)
    empezados = [(c, cal) for c, cal in conocidos if cal.inicio <= dia]
    return max(empezados, key=lambda par: par[1].inicio) if empezados else (None, None)


def _sesiones(ruta) -> list[_Sesion]:
    """Las entradas con ``sesion`` dentro del horizonte, cada una con su ciclo y su fecha esperada.

    Una fecha fuera del ciclo ya es un error (RM203) y una sesión que el calendario no tiene,
    otro (RM206): aquí no se repiten.
    """
    lista = []
    for e in _en_orden_del_archivo(ruta):
        if e.sesion is None or e.fecha is None or not ruta.en_horizonte(e.fecha):
            continue
        ciclo, cal = _calendario_del_dia(ruta, e.fecha)
        esperada = None
        if cal is not None and 1 <= e.sesion <= len(cal.sesiones):
            esperada = cal.sesiones[e.sesion - 1]
        lista.append(_Sesion(e, ciclo, cal, esperada))
    return lista


@regla("RM411", "sesion-en-otra-fecha", AVISO, "seguimiento", _CALENDARIO)
def sesion_en_otra_fecha(ruta, ctx):
    """Una entrada dice `sesion: N`, pero su fecha no es la de la sesión N en el calendario del ciclo.

    Los ejemplos usan el calendario 2025-2026 del catálogo (sesión 1: 2025-09-26).

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            sesion: 1
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-19
            sesion: 1
    """
    for s in _sesiones(ruta):
        if not s.en_otra_fecha:
            continue
        e, cal = s.entrada, s.calendario
        de_ciclo = f" del ciclo {s.ciclo}" if s.ciclo else ""
        estimado = " (calendario estimado)" if cal.estimado else ""
        otra = next((n for n, dia in enumerate(cal.sesiones, start=1) if dia == e.fecha), None)
        es_otra = f"; el {e.fecha.isoformat()} es la sesión {otra}" if otra else ""
        pista = f"Corrige la fecha ({s.esperada.isoformat()}) o el número de la sesión"
        if s.ciclo == ruta.ciclo:
            pista += ("; si la escuela la tuvo otro día, escribe las fechas reales en "
                      "`calendario: sesiones:` de ruta.yaml")
        ctx.problema(e, "sesion",
                     f"La entrada del {e.fecha.isoformat()} dice `sesion: {e.sesion}`, pero la "
                     f"sesión {e.sesion}{de_ciclo} es el {s.esperada.isoformat()}{estimado}{es_otra}.",
                     pista + ".")


@regla("RM412", "sesion-repetida", AVISO, "seguimiento", _CALENDARIO)
def sesion_repetida(ruta, ctx):
    """Dos entradas de la bitácora registran la misma sesión ordinaria de un ciclo.

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            sesion: 1
          - fecha: 2025-10-31
            sesion: 2
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            sesion: 1
          - fecha: 2025-09-26
            sesion: 1
            tipo: sesion_ordinaria
    """
    primeras: dict = {}
    for s in _sesiones(ruta):
        if s.en_otra_fecha:
            continue  # su fecha ya está mal (RM411): la repetición es el mismo error
        clave = (s.ciclo, s.entrada.sesion)
        if clave not in primeras:
            primeras[clave] = s.entrada
            continue
        e, primera = s.entrada, primeras[clave]
        de_ciclo = f" del ciclo {s.ciclo}" if s.ciclo else ""
        ctx.problema(e, "sesion",
                     f"La sesión {e.sesion}{de_ciclo} ya tiene su entrada "
                     f"(la del {primera.fecha.isoformat()}, línea {primera.pos(None)[0]}); esta la repite.",
                     "Junta lo registrado en una sola entrada de esa sesión (`ruta bitacora agregar "
                     f"--sesion {e.sesion}` agrega a la que ya existe).")


@regla("RM413", "bitacora-fuera-de-orden", AVISO, "seguimiento", ("bitacora.yaml",))
def bitacora_fuera_de_orden(ruta, ctx):
    """Una entrada de la bitácora está después de otra con fecha posterior: van en orden de fecha.

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-12
          - fecha: 2025-09-26
            sesion: 1
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            sesion: 1
          - fecha: 2025-09-12
    """
    anterior = None
    for e in _en_orden_del_archivo(ruta):
        if e.fecha is None:
            continue
        if anterior is not None and e.fecha < anterior.fecha:
            ctx.problema(e, "fecha",
                         f"La entrada del {e.fecha.isoformat()} está después de la del "
                         f"{anterior.fecha.isoformat()}: la bitácora va en orden de fecha.",
                         "Muévela a su lugar; `ruta bitacora agregar` pone cada entrada nueva "
                         "en orden de fecha.")
        else:
            anterior = e
