"""Reglas de las acciones: ¿dicen quién, con qué y cuándo? (acciones.yaml).

Que cada acción tenga responsables y recursos, que ningún periodo termine antes de empezar
(los de las acciones, la bitácora y el calendario) y que una acción no caiga entera en un
receso. El costo y las fuentes van aparte (``reglas.dinero``).

Registra RM310 ``accion-sin-responsables``, RM311 ``accion-sin-recursos``, RM312
``periodo-invertido`` y RM313 ``accion-en-vacaciones``.
"""

from __future__ import annotations

from rutamejora.formato.modelo import periodos
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import AVISO, ERROR
from rutamejora.reglas.compartido import vacias


@regla("RM310", "accion-sin-responsables", ERROR, "planeacion", ("acciones.yaml",))
def accion_sin_responsables(ruta, ctx):
    """Una acción sin responsables: b) cada actividad debe decir con claridad quién responde.

    ✓ acciones.yaml
        acciones:
          - id: A1
            responsables: [DOC1]
    ✗ acciones.yaml
        acciones:
          - id: A1
            responsables: []
    """
    for a in vacias(ruta.acciones, "responsables"):
        ctx.problema(a, "responsables", f"La acción {a.id} no tiene responsables.",
                     "Escribe los ids de quienes responden (del colectivo o de la comunidad).")


@regla("RM311", "accion-sin-recursos", AVISO, "planeacion", ("acciones.yaml",))
def accion_sin_recursos(ruta, ctx):
    """Una acción sin recursos: c) materiales, humanos y financieros, con los que se cuenta y los que hay que adquirir.

    ✓ acciones.yaml
        acciones:
          - id: A1
            recursos: [Libros del rincón]
    ✗ acciones.yaml
        acciones:
          - id: A1
            recursos: []
    """
    for a in vacias(ruta.acciones, "recursos"):
        ctx.problema(a, "recursos", f"La acción {a.id} no dice con qué recursos se hará.",
                     "Anota lo que se usará, aunque ya se tenga (p. ej. «biblioteca de aula»).")


def _periodos_con_registro(ruta):
    """Todos los periodos con inicio y fin: de acciones, de la bitácora y del calendario."""
    for a in ruta.acciones:
        for p in a.periodos or []:
            yield p, "inicio", "fin", p.inicio, p.fin
        yield a, "inicio", "fin", a.inicio, a.fin
    for e in ruta.entradas:
        for r in e.acciones or []:
            yield r, "nuevo_inicio", "nuevo_fin", r.nuevo_inicio, r.nuevo_fin
    if ruta.datos is not None and ruta.datos.calendario is not None:
        cal = ruta.datos.calendario
        for p in ([cal.fase_intensiva] if cal.fase_intensiva else []) + list(cal.recesos or []):
            yield p, "inicio", "fin", p.inicio, p.fin


@regla("RM312", "periodo-invertido", ERROR, "planeacion")
def periodo_invertido(ruta, ctx):
    """Un periodo termina antes de empezar (`fin` anterior a `inicio`).

    ✓ acciones.yaml
        acciones:
          - id: A1
            inicio: 2025-09-08
            fin: 2026-06-19
    ✗ acciones.yaml
        acciones:
          - id: A1
            inicio: 2026-06-19
            fin: 2025-09-08
    """
    for objeto, c_inicio, c_fin, inicio, fin in _periodos_con_registro(ruta):
        if inicio and fin and fin < inicio:
            ctx.problema(objeto, c_fin, f"El periodo termina ({fin.isoformat()}) antes de empezar "
                                        f"({inicio.isoformat()}).",
                         "¿Están invertidas las fechas?")


@regla("RM313", "accion-en-vacaciones", AVISO, "planeacion", ("ruta.yaml", "acciones.yaml"))
def accion_en_vacaciones(ruta, ctx):
    """Una acción cae solo en días de vacaciones: e) los tiempos deben ser realistas.

    ✓ acciones.yaml
        acciones:
          - id: A1
            inicio: 2025-12-15
            fin: 2026-01-16
    ✗ acciones.yaml
        acciones:
          - id: A1
            inicio: 2025-12-22
            fin: 2026-01-06
    """
    cal = ruta.calendario
    if cal is None or not cal.recesos:
        return
    for a in ruta.acciones:
        tramos = periodos(a)
        if tramos and all(any(r_ini <= ini and fin <= r_fin for _, r_ini, r_fin in cal.recesos)
                          for ini, fin in tramos):
            nombre = next(n for n, r_ini, r_fin in cal.recesos
                          if r_ini <= tramos[0][0] and tramos[0][1] <= r_fin)
            ctx.problema(a, "inicio" if a.inicio else "periodos",
                         f"La acción {a.id} cae completa en un receso ({nombre.lower()}).",
                         "Muévela a días de clase o explica en `obstaculos` cómo se hará.")
