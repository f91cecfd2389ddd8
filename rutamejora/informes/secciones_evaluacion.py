"""Las secciones de la evaluación: lo que el CTE valoró, ajustó y acordó en la bitácora.

Posee ``balances`` (la valoración de cada agrupación en sus revisiones y en la evaluación
final), ``rasgos`` (cada rasgo de los anexos al inicio y al final), ``ajustes``, ``revisiones``
(las revisiones anuales de una Ruta de varios ciclos) y ``cierre`` (la evaluación final y sus
acuerdos).
"""

from __future__ import annotations

from datetime import date

from rutamejora.formato.modelo import Ruta
from rutamejora.informes.contraste import ESTE_CICLO, cuadra, cuentas_de_metas, cuentas_sueltas
from rutamejora.informes.contraste_acciones import (afirma_comprobantes, cuentas_de_acciones,
                                                    cuentas_sueltas_de_acciones)
from rutamejora.informes.formas import con_unidad, mayuscula, plural
from rutamejora.informes.marco import ciclo_de
from rutamejora.informes.secciones_dinero import faltan_comprobantes
from rutamejora.informes.secciones_metas import logro
from rutamejora.informes.voz import Voz
from rutamejora import vistas
from rutamejora.vistas import fecha_corta, fecha_larga

_MOMENTOS = {"revision_anual": "Revisión anual", "evaluacion_final": "Evaluación final",
             "sesion_ordinaria": "Sesión ordinaria", "fase_intensiva": "Fase intensiva",
             "registro": "Registro"}


def _momento(ruta: Ruta, e) -> str:
    """«Revisión anual 2024-2025», «Evaluación final»: qué entrada de la bitácora es."""
    nombre = _MOMENTOS.get(e.tipo or "", "Registro")
    if e.tipo == "sesion_ordinaria" and e.sesion:
        nombre = f"Sesión {e.sesion}"
    if len(ruta.ciclos) > 1:
        ciclo = ciclo_de(ruta, e.fecha)
        if ciclo:
            nombre += f" {ciclo}"
    return nombre


def balances(ruta: Ruta, hoy: date, voz: Voz, marco: dict) -> dict:
    """``{id de la agrupación: [balance, …]}`` en orden de fecha: lo que el CTE valoró de cada
    prioridad, ámbito o problemática en sus revisiones y en la evaluación final."""
    resultado: dict = {}
    valoraciones = marco["valoraciones"]
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                    key=lambda e: e.fecha):
        for b in e.balance or []:
            if not b.prioridad:
                continue
            resultado.setdefault(b.prioridad, []).append({
                "fecha": fecha_corta(e.fecha), "momento": _momento(ruta, e), "tipo": e.tipo,
                "valoracion": valoraciones.get(b.valoracion, b.valoracion) if b.valoracion else "—",
                "valoracion_clave": b.valoracion,
                "logros": voz.texto(b.logros), "pendientes": voz.texto(b.pendientes),
            })
    return resultado


def rasgos(ruta: Ruta, marco: dict, hoy: date, voz: Voz) -> list:
    """Por anexo, cada rasgo valorado al inicio (diagnóstico) y al final (última valoración)."""
    inicio = {}
    if ruta.diagnostico is not None:
        for r in ruta.diagnostico.rasgos or []:
            inicio[(r.anexo, str(r.rasgo))] = r
    final = {}
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                    key=lambda e: e.fecha):
        for r in e.rasgos or []:
            final[(r.anexo, str(r.rasgo))] = (r, e.fecha)
    valoraciones = marco["valoraciones"]
    anexos = []
    for anexo in marco["anexos"]:
        clave = str(anexo.get("clave"))
        niveles = anexo.get("niveles")
        if niveles and ruta.nivel and ruta.nivel not in niveles:
            continue
        filas = []
        for rasgo in anexo.get("rasgos") or []:
            r_clave = str(rasgo.get("clave"))
            ini = inicio.get((clave, r_clave))
            fin, fecha_fin = final.get((clave, r_clave), (None, None))
            filas.append({
                "clave": r_clave, "texto": rasgo.get("texto"),
                "inicio": valoraciones.get(ini.valoracion, ini.valoracion) if ini and ini.valoracion else "—",
                "final": valoraciones.get(fin.valoracion, fin.valoracion) if fin and fin.valoracion else "—",
                "inicio_clave": ini.valoracion if ini else None,
                "final_clave": fin.valoracion if fin else None,
                "final_fecha": fecha_fin,
                "comentario_inicio": voz.texto(ini.comentario) if ini else None,
                "comentario_final": voz.texto(fin.comentario) if fin else None,
            })
        if not any(f["inicio_clave"] or f["final_clave"] for f in filas):
            continue
        anexos.append(_anexo(clave, anexo.get("titulo") or clave, filas))
    return anexos


def intro_de_rasgos(ruta: Ruta, hoy: date, anexos: list) -> str:
    """La frase que presenta la tabla de rasgos, cierta a la fecha de corte: «… y al final
    (evaluación)» solo si la evaluación final valoró cada rasgo; si no, cuántos se volvieron a
    valorar y cuándo (una valoración de noviembre no es el resultado del ciclo)."""
    filas = [f for a in anexos for f in a["rasgos"]]
    fechas = [f["final_fecha"] for f in filas if f["final_clave"]]
    if not fechas:
        return ("El Consejo Técnico Escolar valoró cada rasgo al inicio del ciclo (diagnóstico); "
                "la valoración final todavía no está en la bitácora.")
    finales = [e.fecha for e in ruta.entradas if e.tipo == "evaluacion_final"
               and e.fecha is not None and e.fecha <= hoy]
    if len(fechas) == len(filas) and finales and set(fechas) == {max(finales)}:
        return ("El Consejo Técnico Escolar valoró cada rasgo al inicio del ciclo (diagnóstico) y "
                "al final (evaluación).")
    cuantos = f"los {len(filas)}" if len(fechas) == len(filas) else f"{len(fechas)} de {len(filas)}"
    return (f"El Consejo Técnico Escolar valoró cada rasgo al inicio del ciclo (diagnóstico) y "
            f"después volvió a valorar {cuantos} en la bitácora (la última vez, el "
            f"{fecha_larga(max(fechas))}); la tabla muestra la valoración más reciente de cada uno.")


def _anexo(clave: str, titulo: str, filas: list) -> dict:
    """Un anexo con su resumen y lo que tiene cada columna: el informe no imprime columnas que
    serían casi solo «—» (un anexo sin valoración final no lleva columna «Al final»)."""
    total = len(filas)
    logrados_ini = sum(1 for f in filas if f["inicio_clave"] == "logrado")
    logrados_fin = sum(1 for f in filas if f["final_clave"] == "logrado")
    valorados_fin = sum(1 for f in filas if f["final_clave"])
    resumen = f"Logrados al inicio: {logrados_ini} de {total}"
    if not valorados_fin:
        resumen += "; aún sin valoración final."
    elif valorados_fin == total:
        resumen += f"; al final: {logrados_fin} de {total}."
    else:  # Solo algunos se volvieron a valorar: el final se cuenta sobre esos.
        verbo = "volvió" if valorados_fin == 1 else "volvieron"
        logrados = ("ninguno quedó logrado" if not logrados_fin else "1 quedó logrado"
                    if logrados_fin == 1 else f"{logrados_fin} quedaron logrados")
        resumen += (f"; al final se {verbo} a valorar {plural(valorados_fin, 'rasgo', 'rasgos')} "
                    f"y {logrados}.")
    for f in filas:
        # El comentario más reciente: el de la valoración final; si se volvió a valorar sin
        # comentario, el del inicio dicho como tal (no justifica la valoración final).
        if f["comentario_final"] or not f["comentario_inicio"]:
            f["comentario"] = f["comentario_final"]
        elif f["final_clave"]:
            f["comentario"] = f"Al inicio: {f['comentario_inicio']}"
        else:
            f["comentario"] = f["comentario_inicio"]
    return {"clave": clave, "titulo": titulo, "rasgos": filas, "resumen": resumen,
            "hay_final": bool(valorados_fin), "completo": valorados_fin == total,
            "hay_comentarios": any(f["comentario"] for f in filas)}


def ajustes(ruta: Ruta, hoy: date, voz: Voz) -> list:
    lista = []
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                    key=lambda e: e.fecha):
        for a in e.ajustes or []:
            lista.append({"fecha": fecha_corta(e.fecha), "descripcion": voz.texto(a.descripcion),
                          "acciones": [x for x in a.acciones or [] if x],
                          "metas": [x for x in a.metas or [] if x]})
    return lista


def revisiones(ruta: Ruta, hoy: date, voz: Voz, marco: dict, acciones_por_id: dict,
               prioridades: list) -> list:
    """Las revisiones anuales de una Ruta de varios ciclos (``tipo: revision_anual``): qué metas
    se midieron y cómo quedaron ese día, cómo iban las acciones, qué se ajustó y qué se acordó."""
    metas = {m.id: m for m in ruta.metas if m.id}
    agrupaciones = {p["id"]: p for p in prioridades if p["id"]}
    lista = []
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy
                     and e.tipo == "revision_anual"), key=lambda e: e.fecha):
        ciclo = ciclo_de(ruta, e.fecha)
        lista.append({
            "fecha": fecha_larga(e.fecha), "fecha_corta": fecha_corta(e.fecha),
            "ciclo": ciclo, "momento": _momento(ruta, e),
            "metas": _metas_revisadas(ruta, e, metas, voz),
            "acciones": _acciones_revisadas(e, acciones_por_id, voz),
            "valoraciones": _valoraciones_revisadas(e, agrupaciones, marco),
            "acuerdos": voz.textos(e.acuerdos),
            "ajustes": [{"descripcion": voz.texto(a.descripcion),
                         "acciones": [x for x in a.acciones or [] if x],
                         "metas": [x for x in a.metas or [] if x]} for a in e.ajustes or []],
            "nota": voz.texto(e.nota),
        })
    return lista


def _metas_revisadas(ruta: Ruta, e, metas: dict, voz: Voz) -> list:
    """Las metas que una revisión midió y cómo quedaron ese día."""
    medidas = []
    for m in e.mediciones or []:
        meta = metas.get(m.meta)
        if meta is None:
            continue
        unidad = meta.indicador.unidad if meta.indicador is not None else None
        # El estado ese día, con la regla única (``vistas.avance_meta``): una meta cuya fecha
        # límite ya llegó queda lograda o no lograda con lo medido hasta esa fecha, que es el
        # resultado que se muestra (lo medido después no cuenta).
        avance = vistas.avance_meta(ruta, meta, e.fecha)
        valor = avance.ultimo if avance.final else m.valor
        medidas.append({
            "meta": meta.id, "ciclo": meta.ciclo, "descripcion": voz.texto(meta.descripcion),
            "linea_base": con_unidad(meta.linea_base, unidad),
            "valor": con_unidad(valor, unidad) if valor is not None else "Sin medición",
            "valor_meta": con_unidad(meta.valor_meta, unidad),
            "estado": avance.estado, "logro": logro(avance, con_codigo=not voz.publica),
            "fuente": voz.texto(m.fuente), "nota": voz.texto(m.nota),
        })
    return medidas


def _acciones_revisadas(e, acciones_por_id: dict, voz: Voz) -> list:
    """Cómo iban las acciones que una revisión registró."""
    acciones = []
    for r in e.acciones or []:
        a = acciones_por_id.get(r.accion)
        acciones.append({
            # Un id que no es de ninguna acción es texto de alguien: pasa por la voz.
            "accion": r.accion if a else voz.texto(r.accion), "actividad": a["actividad"] if a else None,
            "estado": r.estado,
            "nombre_estado": mayuscula(vistas.NOMBRES_ESTADO_ACCION.get(r.estado, r.estado or "—")),
            "avance": f"{r.avance} %" if r.avance is not None else "—",
            "conclusion": voz.texto(r.conclusion),
        })
    return acciones


def _valoraciones_revisadas(e, agrupaciones: dict, marco: dict) -> list:
    """La valoración de cada agrupación en una revisión."""
    valoraciones = []
    for b in e.balance or []:
        p = agrupaciones.get(b.prioridad)
        valoraciones.append({
            "id": b.prioridad, "numero": p["numero"] if p is not None else b.prioridad,
            "nombre": p["nombre"] if p is not None else None,
            "valoracion": marco["valoraciones"].get(b.valoracion, b.valoracion)
            if b.valoracion else "—",
            "valoracion_clave": b.valoracion,
        })
    return valoraciones


def cierre(ruta: Ruta, hoy: date, voz: Voz, tardias=frozenset()) -> dict:
    """La evaluación final (si ya está) con sus acuerdos para el próximo ciclo. ``tardias``:
    los ids de las metas logradas solo por un cambio hecho después de su fecha límite."""
    entradas = sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                      key=lambda e: e.fecha)
    finales = [e for e in entradas if e.tipo == "evaluacion_final"]
    if finales:
        final = finales[-1]
        # Una línea por cada cosa que el balance afirma y los registros no sostienen: las metas
        # logradas, las acciones realizadas y los comprobantes.
        contrastes = [linea for linea in (_contraste(ruta, final, tardias),
                                          _contraste_de_acciones(ruta, final),
                                          _contraste_de_comprobantes(ruta, final)) if linea]
        return {"hay_evaluacion": True, "fecha": fecha_larga(final.fecha),
                "acuerdos": voz.textos(final.acuerdos), "balance": voz.texto(final.nota),
                # ``contraste``, todas en un párrafo, para una plantilla propia que ya lo usaba.
                "contraste": " ".join(contrastes) or None, "contrastes": contrastes}
    con_acuerdos = [e for e in entradas if e.acuerdos]
    ultima = con_acuerdos[-1] if con_acuerdos else None
    return {"hay_evaluacion": False, "fecha": fecha_larga(ultima.fecha) if ultima else None,
            "acuerdos": voz.textos(ultima.acuerdos) if ultima else [], "balance": None,
            "contraste": None, "contrastes": []}


def _contraste(ruta: Ruta, final, tardias=frozenset()) -> str | None:
    """Lo que dicen los registros cuando el balance de la evaluación final cuenta otras metas
    logradas («8 de 9 metas alcanzadas» con 7 logradas a esa fecha), o ``None`` si cuadra o no
    cuenta metas (``contraste``). Se juzga solo una cuenta que habla de todas las metas o de las
    de un ciclo (su total es el de uno de esos grupos; «todas» y «ninguna», de cualquiera): «en
    lectura, 2 de 3 metas» habla de una parte que la Ruta no separa. Una cuenta cuya oración
    nombra un ciclo de la Ruta («en 2025-2026», «este ciclo») se compara solo con las metas de
    ese ciclo. Una meta lograda solo por un cambio tardío (``tardias``) puede contarse o no: las
    dos cuentas cuadran."""
    ciclos = tuple(ruta.ciclos)
    cuentas = cuentas_de_metas(final.nota, ciclos)
    if not cuentas:
        return None
    avances = vistas.avance_de_metas(ruta, final.fecha)
    propio = ciclo_de(ruta, final.fecha)
    grupos = {"": avances}
    for ciclo in ciclos if len(ciclos) > 1 else ():
        grupos.update(_metas_del_ciclo(ruta, avances, ciclo))

    def logradas(grupo) -> int:
        return sum(1 for a in grupo if a.estado == "lograda")

    def por_cambio(grupo) -> int:
        return sum(1 for a in grupo if a.estado == "lograda" and a.meta.id in tardias)

    def con_cuales(cuenta) -> dict:
        # «En 2025-2026 se alcanzaron 4 de 4 metas» no cuadra porque 2024-2025 tuvo 4 de 4.
        if cuenta.ciclo is None:
            return grupos
        return _metas_del_ciclo(ruta, avances, propio if cuenta.ciclo == ESTE_CICLO else cuenta.ciclo)

    def cuadra_con_alguno(cuenta) -> bool:
        return any(cuadra(cuenta, n, len(g)) for g in con_cuales(cuenta).values()
                   for n in {logradas(g), logradas(g) - por_cambio(g)})

    # Un balance que compara («el ciclo pasado, 5 de 9; este, 8 de 9») o que cuenta una parte
    # («sexto alcanzó todas las metas de lectura; 8 de 9 en total») dice bien su cuenta si una
    # de las suyas cuadra: solo si ninguna cuadra se dice lo que registra la Ruta.
    if any(cuadra_con_alguno(c) for c in cuentas + cuentas_sueltas(final.nota, ciclos)):
        return None
    for cuenta in cuentas:
        de_ese_total = {c: g for c, g in con_cuales(cuenta).items() if cuenta.total in (None, len(g))}
        if de_ese_total:
            # Las del ciclo que se evalúa si la cuenta es de ese total; si no, el grupo que lo es.
            ciclo = propio if propio in de_ese_total else next(iter(de_ese_total))
            suyas = de_ese_total[ciclo]
            meta = "meta lograda" if len(suyas) == 1 else "metas logradas"
            n = por_cambio(suyas)
            aparte = f" ({'una' if n == 1 else n} de ellas solo con un cambio hecho después de su " \
                     "fecha límite)" if n else ""
            return (f"Según los registros de esta Ruta, al {fecha_larga(final.fecha)} hay "
                    f"{logradas(suyas)} de {len(suyas)} {meta}{f' del ciclo {ciclo}' if ciclo else ''}"
                    f"{aparte}; el balance dice {_como_lo_dice(cuenta)}.")
    return None


def _metas_del_ciclo(ruta: Ruta, avances: list, ciclo: str | None) -> dict:
    """``{ciclo: sus metas}``: las de ``ciclo``, con su nombre si son solo una parte de la Ruta
    (sin nombre en una Ruta de un ciclo, o si son todas); vacío si ese ciclo no tiene metas
    propias o si alguna meta no dice su ciclo (no se sabe de cuáles habla una cuenta que lo
    nombra: no se juzga)."""
    if len(ruta.ciclos) <= 1:
        return {"": avances}
    suyas = [a for a in avances if a.meta.ciclo == ciclo]
    if not suyas or any(a.meta.ciclo not in ruta.ciclos for a in avances):
        return {}
    return {"" if len(suyas) == len(avances) else ciclo: suyas}


def _como_lo_dice(cuenta) -> str:
    """«8 de 9», «que todas se lograron», «que ninguna se logró»: la cuenta del balance, sin
    citarlo."""
    if cuenta.todas:
        return "que todas se lograron"
    if cuenta.total is None:
        return "que ninguna se logró" if cuenta.logradas == 0 else f"que se lograron {cuenta.logradas}"
    return f"{cuenta.logradas} de {cuenta.total}"


def _contraste_de_acciones(ruta: Ruta, final) -> str | None:
    """Lo que dicen los registros cuando el balance cuenta otras acciones realizadas («17
    acciones realizadas, 1 reprogramada y después realizada (A17)», 18, con 17 realizadas a la
    fecha de la evaluación), o ``None``. Una acción reprogramada y después realizada es
    realizada; una cancelada, no. El total de una cuenta puede ser el de todas las acciones o el
    de las no canceladas («18 de 18» con una cancelada); otro total es de una parte y no se
    juzga. Las acciones no dicen su ciclo: en una Ruta de varios ciclos solo se juzga la cuenta
    que da el total de todas."""
    ciclos = tuple(ruta.ciclos)
    cuentas = cuentas_de_acciones(final.nota, ciclos)
    if not cuentas:
        return None
    situaciones = vistas.situacion_de_acciones(ruta, final.fecha)
    total = len(situaciones)
    realizadas = sum(1 for s in situaciones if s.estado == "realizada")
    canceladas = sum(1 for s in situaciones if s.estado == "cancelada")
    totales = {total, total - canceladas}

    def cuadra_la(cuenta) -> bool:
        if cuenta.todas:
            return realizadas in totales and cuenta.total in (None, realizadas)
        return cuenta.realizadas == realizadas and cuenta.total in (None, *totales)

    def juzgable(cuenta) -> bool:
        # Otro total es de una parte; en varios ciclos, solo el total de todas dice de cuáles habla.
        if len(ciclos) > 1:
            return cuenta.ciclo is None and cuenta.total in totales
        return cuenta.total is None or cuenta.total in totales

    if any(cuadra_la(c) for c in cuentas + cuentas_sueltas_de_acciones(final.nota, ciclos)):
        return None
    juzgables = [c for c in cuentas if juzgable(c)]
    if not juzgables:
        return None
    cuenta = juzgables[0]
    acciones = "acción realizada" if total == 1 else "acciones realizadas"
    aparte = f" ({plural(canceladas, 'cancelada', 'canceladas')})" \
        if canceladas and cuenta.total == total - canceladas else ""
    return (f"Según los registros de esta Ruta, al {fecha_larga(final.fecha)} hay {realizadas} de "
            f"{total} {acciones}{aparte}; el balance dice {_como_cuenta_acciones(cuenta)}.")


def _como_cuenta_acciones(cuenta) -> str:
    """«18 de 19», «18», «que todas se realizaron», «que ninguna se realizó»."""
    if cuenta.todas:
        return "que todas se realizaron"
    if cuenta.total is None:
        return "que ninguna se realizó" if cuenta.realizadas == 0 else f"{cuenta.realizadas}"
    return f"{cuenta.realizadas} de {cuenta.total}"


def _contraste_de_comprobantes(ruta: Ruta, final) -> str | None:
    """Lo que dicen los registros cuando el balance afirma que todos los gastos tienen
    comprobante y el informe lista alguno sin el suyo (``secciones_dinero.faltan_comprobantes``:
    la misma decisión), registrado hasta la fecha de esa evaluación; o ``None``. En una Ruta de
    varios ciclos se cuentan los gastos del ciclo que nombra la oración o, si no nombra ninguno,
    los del ciclo que se evalúa: un gasto de ese ciclo sin comprobante contradice al balance
    hable de todos los ciclos o solo de ese."""
    tiempos = afirma_comprobantes(final.nota, tuple(ruta.ciclos))
    if not tiempos:
        return None
    situaciones = vistas.situacion_de_acciones(ruta, final.fecha)
    for tiempo in tiempos if len(ruta.ciclos) > 1 else (None,):
        ciclo = None
        if len(ruta.ciclos) > 1:
            ciclo = tiempo if tiempo not in (None, ESTE_CICLO) else ciclo_de(ruta, final.fecha)
        del_ciclo = None if ciclo is None else \
            (lambda g, ciclo=ciclo: g.fecha is not None and ciclo_de(ruta, g.fecha) == ciclo)
        faltan = faltan_comprobantes(situaciones, del_ciclo)
        if faltan:
            uno = len(faltan) == 1
            return (f"Según los registros de esta Ruta, {plural(len(faltan), 'gasto', 'gastos')}"
                    f"{f' del ciclo {ciclo}' if ciclo else ''} no {'tiene' if uno else 'tienen'} "
                    f"comprobante ({'; '.join(faltan)}); el balance dice que todos lo tienen.")
    return None
