"""Reglas de seguimiento: lo planeado contra lo registrado en la bitácora, al día de ``--fecha``.

Son avisos por omisión: una Ruta que hoy pasa no debe poner CI en rojo el mes que entra solo
porque pasó el tiempo (quien quiera que fallen usa ``--estricto``).
"""

from __future__ import annotations

from rutamejora.formato.modelo import (costo_total, fin_vigente, gasto_total, mediciones, periodos,
                                        registros)
from rutamejora.nucleo.problemas import AVISO
from rutamejora.nucleo.textos import fecha_corta
from rutamejora.reglas.base import Lugar
from rutamejora.nucleo.codigos import regla
from rutamejora.reglas.compartido import fuera_de_rango

SEGUIMIENTO = ("acciones.yaml", "bitacora.yaml")


def _en_el_ciclo(ruta, dia) -> bool:
    """Una fecha fuera del ciclo ya es un error (RM203): no se le da seguimiento además."""
    return dia is None or ruta.en_horizonte(dia)


@regla("RM401", "accion-vencida-sin-registro", AVISO, "seguimiento", SEGUIMIENTO)
def accion_vencida_sin_registro(ruta, ctx):
    """Una acción ya terminó (su fecha final, o la reprogramada) y la bitácora no dice nada de ella.

    Los ejemplos suponen que hoy es 2025-10-01.

    ✓ acciones.yaml
        acciones:
          - id: A1
            fin: 2026-06-19
    ✗ acciones.yaml
        acciones:
          - {id: A2, metas: [M1], actividad: Reunión con padres, responsables: [DIR], recursos: [Aula], costo: 0, inicio: 2025-09-15, fin: 2025-09-19}
    """
    for a in ruta.acciones:
        fin = fin_vigente(ruta, a)
        if not _en_el_ciclo(ruta, fin):
            continue
        if a.id and fin is not None and fin < ctx.hoy and not registros(ruta, a.id):
            ctx.problema(a, "fin" if a.fin else None,
                         f"La acción {a.id} terminaba el {fin.isoformat()} y la bitácora no la registra.",
                         "Registra qué pasó: `ruta bitacora agregar --accion "
                         f"{a.id} --estado …`, o reprográmala.")


@regla("RM402", "meta-vencida-sin-medicion", AVISO, "seguimiento", ("metas.yaml", "bitacora.yaml"))
def meta_vencida_sin_medicion(ruta, ctx):
    """Pasó la fecha límite de una meta y su indicador no se midió hasta ese día.

    Lo medido después de la fecha límite no cuenta para el estado de la meta (queda «no lograda
    (sin medición)», ver `ruta ayuda vistas`): la medición final se registra con esa fecha.

    Los ejemplos suponen que hoy es 2025-10-01.

    ✓ metas.yaml
        metas:
          - id: M1
            fecha_limite: 2026-06-26
    ✗ metas.yaml
        metas:
          - {id: M2, objetivo: O1, descripcion: Bajar de 9 % a 5 % el ausentismo, indicador: {nombre: Ausentismo, unidad: porcentaje}, sentido: disminuir, linea_base: 9, valor_meta: 5, fecha_limite: 2025-09-30}
    """
    for m in ruta.metas:
        if not _en_el_ciclo(ruta, m.fecha_limite):
            continue
        if not (m.id and m.fecha_limite and m.fecha_limite < ctx.hoy):
            continue
        medidas = mediciones(ruta, m.id)
        fechas = [e.fecha for e, _ in medidas if e.fecha]
        if not medidas:
            ctx.problema(m, "fecha_limite",
                         f"La meta {m.id} vencía el {m.fecha_limite.isoformat()} y no tiene ninguna medición.",
                         f"Registra el valor alcanzado: `ruta bitacora agregar --meta {m.id} --valor …`.")
        elif fechas and min(fechas) > m.fecha_limite:
            ctx.problema(m, "fecha_limite",
                         f"La meta {m.id} vencía el {m.fecha_limite.isoformat()} y no tiene ninguna "
                         f"medición hasta ese día (la del {min(fechas).isoformat()} es posterior y no cuenta).",
                         f"Registra el valor alcanzado con la fecha límite: `ruta bitacora agregar --fecha "
                         f"{m.fecha_limite.isoformat()} --meta {m.id} --valor …`.")


@regla("RM403", "realizada-incompleta", AVISO, "seguimiento", ("bitacora.yaml",))
def realizada_incompleta(ruta, ctx):
    """Un registro dice `realizada` con un avance menor a 100.

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: realizada, avance: 100}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: realizada, avance: 60}
    """
    for e in ruta.entradas:
        for r in e.acciones or []:
            if r.estado == "realizada" and r.avance is not None and r.avance < 100:
                ctx.problema(r, "avance", f"La acción {r.accion} está `realizada` con avance de {r.avance} %.",
                             "Si se terminó, el avance es 100; si no, el estado es `en_curso`.")


@regla("RM414", "medicion-repetida", AVISO, "seguimiento", ("bitacora.yaml",))
def medicion_repetida(ruta, ctx):
    """Dos entradas del mismo día miden la misma meta con valores distintos.

    Los informes toman la que va después en el archivo sin decirlo, y la otra queda callada.

    Dentro de una misma entrada ya es un error (RM208); el mismo valor dos veces no cambia nada.

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2026-01-30
            mediciones:
              - {meta: M1, valor: 45}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2026-01-30
            mediciones:
              - {meta: M1, valor: 45}
          - fecha: 2026-01-30
            mediciones:
              - {meta: M1, valor: 47}
    """
    for m in ruta.metas:
        if not m.id:
            continue
        primeras: dict = {}   # fecha → (entrada, medición) de la primera medición de ese día
        for e, med in mediciones(ruta, m.id):
            if e.fecha is None or med.valor is None:
                continue
            if e.fecha not in primeras:
                primeras[e.fecha] = (e, med)
                continue
            e0, med0 = primeras[e.fecha]
            if e0 is e or med0.valor == med.valor:
                continue  # en la misma entrada es RM208; el mismo valor no cambia el resultado
            linea0, linea = med0.pos(None)[0], med.pos(None)[0]
            ctx.problema(med, "valor",
                         f"La meta {m.id} tiene dos mediciones distintas el {e.fecha.isoformat()}: "
                         f"{med0.valor} (línea {linea0}) y {med.valor} (línea {linea}); los informes "
                         f"toman la de la línea {linea}.",
                         "Deja una sola medición de ese día (la que vale) o corrige la fecha de la otra.")


@regla("RM404", "gasto-excedido-sin-nota", AVISO, "seguimiento", SEGUIMIENTO)
def gasto_excedido_sin_nota(ruta, ctx):
    """Lo gastado en una acción supera su costo planeado y ningún registro lo explica en `nota`.

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: en_curso, gasto: 1800.00, comprobante: F-001, nota: Subió el precio del papel}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: en_curso, gasto: 1800.00, comprobante: F-001}
    """
    for a in ruta.acciones:
        planeado = costo_total(a)
        if planeado is None or not a.id:
            continue
        gastado = gasto_total(ruta, a)
        regs = registros(ruta, a.id)
        if gastado > planeado and not any(r.nota for _, r in regs):
            ultimo = next(r for _, r in reversed(regs) if r.gasto is not None)
            ctx.problema(ultimo, "gasto",
                         f"En la acción {a.id} se gastaron ${gastado:,.2f}, más de lo planeado (${planeado:,.2f}).",
                         "Explica la diferencia con `nota:` en el registro del gasto.")


@regla("RM405", "medicion-fuera-de-rango", AVISO, "seguimiento", ("metas.yaml", "bitacora.yaml"))
def medicion_fuera_de_rango(ruta, ctx):
    """Una medición se sale de la escala del indicador (un porcentaje de 140, un promedio de 75).

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            mediciones:
              - {meta: M1, valor: 42}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            mediciones:
              - {meta: M1, valor: 420}
    """
    metas = ruta.por_id("meta")
    for e in ruta.entradas:
        for med in e.mediciones or []:
            meta = metas.get(med.meta)
            unidad = meta.indicador.unidad if meta is not None and meta.indicador is not None else None
            rango = fuera_de_rango(med.valor, unidad) if med.valor is not None else None
            if rango:
                ctx.problema(med, "valor", f"La medición de {med.meta} vale {med.valor}, pero un {unidad} va {rango}.",
                             "Revisa la cifra (¿un punto decimal?) o la unidad del indicador.")


@regla("RM406", "sin-registro-desde-la-sesion", AVISO, "seguimiento", ("ruta.yaml", "bitacora.yaml"))
def sin_registro_desde_la_sesion(ruta, ctx):
    """Ya pasó la última sesión ordinaria del CTE y la bitácora no tiene nada desde ese día.

    Los ejemplos suponen que hoy es 2025-10-01 (la sesión 1 fue el 2025-09-26).

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            sesion: 1
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-12
    """
    cal = ruta.calendario
    if cal is None or not ruta.acciones:
        return  # Sin acciones, la Ruta está por llenar (RM120): todavía no hay qué registrar.
    pasadas = [(n, dia) for n, dia in enumerate(cal.sesiones, start=1) if dia <= ctx.hoy]
    if not pasadas:
        return
    # Las sesiones ya pasadas después de la última entrada: desde la primera de ellas no hay
    # nada (con solo la sesión 1 registrada, faltan de la 2 a la 8, no «desde la 8»).
    ultima = max((e.fecha for e in ruta.entradas if e.fecha), default=None)
    sin_registro = [(n, dia) for n, dia in pasadas if ultima is None or dia > ultima]
    if not sin_registro:
        return
    numero, dia = sin_registro[0]
    mensaje = (f"Faltan en la bitácora las sesiones {numero} a {sin_registro[-1][0]} (desde el "
               f"{dia.isoformat()})." if len(sin_registro) > 1 else
               f"La bitácora no tiene registros desde la sesión {numero} ({dia.isoformat()}).")
    ctx.problema(Lugar.raiz(ruta, "bitacora.yaml"), None, mensaje,
                 f"Registra los acuerdos y avances de esa sesión: `ruta bitacora agregar --fecha "
                 f"{dia.isoformat()} --sesion {numero} …`.")


@regla("RM407", "reprogramada-sin-fechas", AVISO, "seguimiento", ("bitacora.yaml",))
def reprogramada_sin_fechas(ruta, ctx):
    """Una acción `reprogramada` no dice sus nuevas fechas (`nuevo_inicio`, `nuevo_fin`).

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: reprogramada, nuevo_inicio: 2025-10-06, nuevo_fin: 2026-06-19}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: reprogramada}
    """
    for e in ruta.entradas:
        for r in e.acciones or []:
            if r.estado == "reprogramada" and r.nuevo_inicio is None and r.nuevo_fin is None:
                ctx.problema(r, "estado", f"La acción {r.accion} se reprogramó sin nuevas fechas.",
                             "Agrega `nuevo_inicio` y `nuevo_fin`: las vistas y los avisos las usan.")


@regla("RM416", "realizada-antes-de-empezar", AVISO, "seguimiento", SEGUIMIENTO)
def realizada_antes_de_empezar(ruta, ctx):
    """La bitácora da por `realizada` una acción antes del día en que empieza (el planeado y el reprogramado).

    Casi siempre es el id de otra acción («A5» por «A15») o una fecha mal escrita, y la
    rendición contaría como hecha una acción que ni había empezado. Si de verdad se adelantó, la
    `nota` del registro lo dice (o se reprograma con su `nuevo_inicio`).

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-01
            acciones:
              - {accion: A1, estado: realizada, avance: 100, nota: Se adelantó a la semana de diagnóstico}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-01
            acciones:
              - {accion: A1, estado: realizada, avance: 100}
    """
    acciones = {a.id: a for a in ruta.acciones if a.id}
    for e in ruta.entradas:
        for r in e.acciones or []:
            a = acciones.get(r.accion)
            inicio = antes_de_empezar(ruta, a, e, r) if a is not None else None
            if inicio is not None:
                ctx.problema(r, "estado",
                             f"La acción {a.id} está `realizada` el {fecha_corta(e.fecha)}, antes de "
                             f"empezar (inicia el {fecha_corta(inicio)}).",
                             "¿Es otra acción? Revisa el id y la fecha de la entrada; si se adelantó, "
                             "dilo en `nota:` del registro.")


def antes_de_empezar(ruta, accion, entrada, registro):
    """El día en que empieza la acción si ``registro`` (de ``entrada``) la da por realizada antes
    y sin `nota`, o ``None``. Lo usan RM416 y ``ruta bitacora agregar``."""
    if registro.estado != "realizada" or registro.nota or entrada.fecha is None:
        return None
    inicio = _inicio_vigente(ruta, accion, entrada.fecha)
    return inicio if inicio is not None and entrada.fecha < inicio else None


def _inicio_vigente(ruta, accion, dia):
    """El primer día en que la acción podía hacerse según lo que se sabía el ``dia``: el inicio
    planeado o, si antes se reprogramó, el más temprano de ese y el ``nuevo_inicio`` (una acción
    que se pospuso y al final se hizo en sus fechas de siempre no se hizo antes de empezar)."""
    tramos = periodos(accion)
    inicios = [min(inicio for inicio, _ in tramos)] if tramos else []
    for e, r in reversed(registros(ruta, accion.id)):
        if r.nuevo_inicio is not None and e.fecha is not None and e.fecha <= dia:
            inicios.append(r.nuevo_inicio)
            break
    return min(inicios) if inicios else None


@regla("RM417", "realizada-que-vuelve", AVISO, "seguimiento", ("bitacora.yaml",))
def realizada_que_vuelve(ruta, ctx):
    """Un registro vuelve a abrir una acción que ya estaba `realizada` o `cancelada` (la deja `en_curso` o `pendiente`).

    Casi siempre es el id de otra acción; si no, la rendición cambiaría en silencio («17
    realizadas» pasa a «16 realizadas, 1 en curso»). Si de verdad se retomó, lo dice la `nota`
    del registro, sus fechas nuevas (`nuevo_inicio`, `nuevo_fin`) o un ajuste de la misma entrada
    que nombra la acción.

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: realizada, avance: 100}
          - fecha: 2025-10-31
            acciones:
              - {accion: A1, estado: en_curso, avance: 50, nota: Se retoma con los grupos nuevos}
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: realizada, avance: 100}
          - fecha: 2025-10-31
            acciones:
              - {accion: A1, estado: en_curso, avance: 50}
    """
    for a in ruta.acciones:
        for e, r in registros(ruta, a.id) if a.id else ():
            cerrada = reabierta_sin_decirlo(ruta, a, e, r)
            if cerrada is not None:
                ctx.problema(r, "estado",
                             f"La acción {a.id} estaba `{cerrada[1]}` desde el {fecha_corta(cerrada[0])} "
                             f"y este registro la deja `{r.estado}` el {fecha_corta(e.fecha)}.",
                             "¿Es otra acción? Revisa el id; si se retomó, dilo en `nota:` del registro.")


def reabierta_sin_decirlo(ruta, accion, entrada, registro):
    """(fecha, estado) del registro que dejó la acción realizada o cancelada si ``registro`` (de
    ``entrada``) la vuelve a abrir sin decir por qué: el último registro de días anteriores la
    cerró y este no trae `nota`, fechas nuevas ni un ajuste de su entrada que nombre la acción.
    ``None`` si no. Lo usan RM417 y ``ruta bitacora agregar`` (con la entrada que se agrega)."""
    if registro.estado not in ("en_curso", "pendiente") or entrada.fecha is None \
            or registro.nota or registro.nuevo_inicio or registro.nuevo_fin \
            or any(accion.id in (aj.acciones or []) for aj in entrada.ajustes or []):
        return None
    antes = [(e.fecha, r.estado) for e, r in registros(ruta, accion.id)
             if e.fecha is not None and e.fecha < entrada.fecha]
    return antes[-1] if antes and antes[-1][1] in ("realizada", "cancelada") else None

