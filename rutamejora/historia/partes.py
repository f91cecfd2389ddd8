"""Lo propio de cada parte del plan en una comparación: qué objetos tiene, cómo se llaman, qué
deja suelto quitar uno y cómo se resume lo que no tiene id (la bitácora, el presupuesto, el
formato de los archivos).

``todas`` las compara en el orden en que se citan (las citadas primero, para reconocer
renombres); ``forma`` dice en una línea por archivo lo que solo cambió de formato o de
comentarios.
"""

from __future__ import annotations

import re
from collections import Counter
from datetime import date
from decimal import Decimal

from rutamejora.formato import costo_total, marco_de
from rutamejora.historia.citas import aun_citado, frase, lo_que_dice
from rutamejora.historia.diferencia import (Cambio, Comparador, Entidad, ids_y,
                                           mayuscula, plano, suma)
from rutamejora.historia.palabras import TIPOS_RIESGO, con_signo, etiqueta, lista_y
from rutamejora.vistas import fecha_corta, pesos
from rutamejora.nucleo.expresiones import compilar

META = Entidad("meta", "Meta", True, "descripcion", "metas")
ACCION = Entidad("accion", "Acción", True, "actividad", "acciones")
OBJETIVO = Entidad("objetivo", "Objetivo", False, "que", "objetivos")
NECESIDAD = Entidad("necesidad", "Necesidad", True, "descripcion", "necesidades")
FUENTE = Entidad("fuente", "Fuente", True, "nombre", "fuentes")


def todas(c: Comparador, omitidas: set[str]) -> None:
    """Cada parte legible en las dos versiones, de los objetos citados a los que citan."""
    a, d = c.antes, c.despues
    if "diagnostico" not in omitidas:
        c.objetos("diagnostico", NECESIDAD, a.necesidades, d.necesidades)
        _diagnostico(c)
    if "presupuesto" not in omitidas:
        c.objetos("presupuesto", FUENTE, a.fuentes, d.fuentes)
    if "prioridades" not in omitidas:
        marco = marco_de(d)
        agrupacion = Entidad("prioridad", mayuscula(marco.singular), marco.femenino,
                             "descripcion", marco.plural)
        c.objetos("prioridades", agrupacion, a.prioridades, d.prioridades,
                  consecuencia=lambda i: _sin_agrupacion(c, i))
        _no_atendidas(c)
    if "objetivos" not in omitidas:
        c.objetos("objetivos", OBJETIVO, a.objetivos, d.objetivos,
                  consecuencia=lambda i: _sueltas(c, "meta", "objetivo", i, "la meta", "las metas",
                                                  "ningún objetivo"))
    if "metas" not in omitidas:
        c.objetos("metas", META, a.metas, d.metas, unidad=_unidad,
                  consecuencia=lambda i: _sueltas(c, "accion", "metas", i, "la acción",
                                                  "las acciones", "ninguna meta"))
    if "acciones" not in omitidas:
        c.objetos("acciones", ACCION, a.acciones, d.acciones)
    if "bitacora" not in omitidas:
        _aun_citados(c)
    if "presupuesto" not in omitidas:
        _costo_planeado(c)
    if "bitacora" not in omitidas:
        _bitacora(c)
    if "escuela" not in omitidas:
        _escuela(c)


def _unidad(datos: dict) -> str | None:
    return (datos.get("indicador") or {}).get("unidad")


# --- Lo que deja suelto quitar algo -----------------------------------------------------------


def _sueltas(c: Comparador, tipo: str, campo: str, quitado: str, uno: str, varios: str,
             ninguno: str) -> str:
    """« (las acciones A7 y A8 ya no sirven a ninguna meta)»: los objetos de la versión nueva
    que citaban ``quitado`` y ya no citan nada que exista."""
    existentes = set(c.despues.por_id("meta" if campo == "metas" else "objetivo"))
    antes = c.antes.por_id(tipo)
    sueltos = []
    for o in c.despues.por_id(tipo).values():
        previo = antes.get(o.id)
        citaba = getattr(previo, campo, None) if previo is not None else getattr(o, campo, None)
        citaba = citaba if isinstance(citaba, list) else [citaba]
        if quitado not in citaba:
            continue
        cita = getattr(o, campo, None)
        cita = cita if isinstance(cita, list) else [cita]
        if not any(x in existentes for x in cita if x):
            sueltos.append(o.id)
    if not sueltos:
        return ""
    sujeto = f"{uno} {sueltos[0]} ya no sirve" if len(sueltos) == 1 else \
        f"{varios} {ids_y(sueltos)} ya no sirven"
    return f" ({sujeto} a {ninguno})"


def _alcanza(ruta, accion) -> set[str]:
    """Las agrupaciones a las que sirve una acción: por sus metas y los objetivos de estas."""
    metas, objetivos = ruta.por_id("meta"), ruta.por_id("objetivo")
    prioridades = set(ruta.por_id("prioridad"))
    alcanzadas = set()
    for m in accion.metas or []:
        meta = metas.get(m)
        objetivo = objetivos.get(meta.objetivo) if meta is not None else None
        if objetivo is not None and objetivo.prioridad in prioridades:
            alcanzadas.add(objetivo.prioridad)
    return alcanzadas


def _sin_agrupacion(c: Comparador, quitada: str) -> str:
    """Las acciones que servían a ``quitada`` y ya no sirven a ninguna agrupación."""
    antes = c.antes.por_id("accion")
    sueltas = [a.id for a in c.despues.acciones if a.id and a.id in antes
               and quitada in _alcanza(c.antes, antes[a.id]) and not _alcanza(c.despues, a)]
    if not sueltas:
        return ""
    ninguna = marco_de(c.despues).ninguno()
    if len(sueltas) == 1:
        return f" (la acción {sueltas[0]} ya no sirve a {ninguna})"
    return f" (las acciones {ids_y(sueltas)} ya no sirven a {ninguna})"


def _aun_citados(c: Comparador) -> None:
    """Una meta o una acción quitada o renombrada que la bitácora de después aún cita: lo dice
    su línea («… (la bitácora aún cita A19 en sus entradas del 27 feb 2026 y …)»)."""
    for cambio in c.cambios:
        if cambio.parte in ("metas", "acciones") and cambio.tipo in ("quitado", "renombrado"):
            viejo = cambio.id if cambio.tipo == "quitado" else cambio.ids[-1]
            cambio.texto += aun_citado(viejo, c.despues)


# --- Partes sin ids ----------------------------------------------------------------------------


def _no_atendidas(c: Comparador) -> None:
    antes = {n.prioridad: plano(n) for n in c.antes.no_atendidas if n.prioridad}
    despues = {n.prioridad: plano(n) for n in c.despues.no_atendidas if n.prioridad}
    for clave in despues:
        nombre = c.voz.valor("prioridad", clave)
        if clave not in antes:
            c.agregar("prioridades", "nuevo", f"No se atiende este ciclo: {nombre}")
        elif antes[clave] != despues[clave]:
            c.agregar("prioridades", "cambiado", f"Cambió el motivo para no atender {nombre}")
    for clave in antes:
        if clave not in despues:
            c.agregar("prioridades", "quitado",
                      f"Ya no se deja sin atender: {c.voz.valor('prioridad', clave)}")


# Cómo se identifica un elemento de las listas del diagnóstico que no tienen id.
_CLAVES_DIAGNOSTICO = {
    "aprendizajes": lambda x: x.get("campo"),
    # El tipo por su nombre («en riesgo de abandono, 3°»), nunca por su clave.
    "alumnos_en_riesgo": lambda x: ", ".join(str(v) for v in (
        TIPOS_RIESGO.get(x.get("tipo"), x.get("tipo")), x.get("grado")) if v),
    "indicadores": lambda x: x.get("nombre"),
    "ambitos": lambda x: x.get("ambito"),
    "rasgos": lambda x: f"{x.get('anexo')} {x.get('rasgo')}",
}


def _diagnostico(c: Comparador) -> None:
    """Los campos del diagnóstico (sin sus necesidades, que tienen id)."""
    antes = plano(c.antes.diagnostico) if c.antes.diagnostico is not None else {}
    despues = plano(c.despues.diagnostico) if c.despues.diagnostico is not None else {}
    for clave in list(despues) + [k for k in antes if k not in despues]:
        if clave == "necesidades" or antes.get(clave) == despues.get(clave):
            continue
        va, vd = antes.get(clave), despues.get(clave)
        if clave in _CLAVES_DIAGNOSTICO and isinstance(va or vd, list):
            detalle = _lista_con_clave(va or [], vd or [], _CLAVES_DIAGNOSTICO[clave], c)
            c.agregar("diagnostico", "cambiado", f"Diagnóstico: {etiqueta(clave)} ({detalle})")
        elif isinstance(va or vd, list) or (isinstance(va or vd, str) and len(va or vd) > 24):
            c.agregar("diagnostico", "cambiado", f"Diagnóstico: {etiqueta(clave)} cambió")
        else:
            campo = c.campo(clave, va, vd)
            c.agregar("diagnostico", "cambiado", f"Diagnóstico: {campo.texto}", campos=[campo])


def _lista_con_clave(antes: list, despues: list, clave, c: Comparador) -> str:
    """«Lenguajes cambió; Ética nuevo»: qué elementos de una lista sin ids cambiaron."""
    a = {str(clave(x)): x for x in antes}
    d = {str(clave(x)): x for x in despues}
    partes = []
    for k, v in d.items():
        nombre = c.voz.nombre(k)
        if k not in a:
            partes.append(f"{nombre}: nuevo")
        elif a[k] != v:
            partes.append(f"{nombre}: cambió")
    partes += [f"{c.voz.nombre(k)}: quitado" for k in a if k not in d]
    return "; ".join(partes) or "mismo contenido en otro orden"


def _costo_planeado(c: Comparador) -> None:
    """«Costo planeado +$3,200.00 (fuente F1)»: la suma de los costos de las acciones, por fuente."""
    def por_fuente(ruta, renombrar: bool) -> dict:
        totales: dict = {}
        tabla = c.renombres.get("fuente", {}) if renombrar else {}
        for a in ruta.acciones:
            fuente = tabla.get(a.fuente, a.fuente)
            totales[fuente] = totales.get(fuente, []) + [costo_total(a)]
        return {f: suma(v) for f, v in totales.items()}

    antes, despues = por_fuente(c.antes, True), por_fuente(c.despues, False)
    cero = Decimal(0)
    for fuente in sorted(set(antes) | set(despues), key=lambda f: (f is None, f or "")):
        previo, ahora = antes.get(fuente, cero), despues.get(fuente, cero)
        if ahora != previo:
            cual = f"fuente {fuente}" if fuente else "sin fuente"
            c.agregar("presupuesto", "cambiado",
                      f"Costo planeado {con_signo(ahora - previo)} ({cual}): "
                      f"{pesos(previo)} → {pesos(ahora)}",
                      fuente, ids=(fuente,) if fuente else ())


def _llave_entrada(e, repetidas: Counter) -> tuple:
    base = (e.fecha, e.tipo, e.sesion)
    repetidas[base] += 1
    return base + (repetidas[base],)


_TIPOS_DE_ENTRADA = {"fase_intensiva": "fase intensiva", "sesion_ordinaria": "sesión ordinaria",
                     "revision_anual": "revisión anual", "evaluacion_final": "evaluación final"}


def _nombre_entrada(e) -> str:
    """«sesión 5 (27 feb 2026)», «evaluación final del 10 jul 2026»."""
    fecha = fecha_corta(e.fecha) if e.fecha else "sin fecha"
    if e.sesion:
        return f"sesión {e.sesion} ({fecha})"
    return f"{_TIPOS_DE_ENTRADA.get(e.tipo or '', 'registro')} del {fecha}"


def _de_entrada(e) -> str:
    """«de la sesión 5 (27 feb 2026)», «del registro del 3 mar 2026»."""
    nombre = _nombre_entrada(e)
    return f"del {nombre}" if nombre.startswith("registro") else f"de la {nombre}"


def _bitacora(c: Comparador) -> None:
    """Entradas nuevas, quitadas y cambiadas (sin id: por fecha, tipo y sesión)."""
    def indice(ruta):
        vistas: Counter = Counter()
        entradas = list(ruta.entradas) + list(ruta.entradas_apartadas)
        return {_llave_entrada(e, vistas): e for e in entradas}

    antes, despues = indice(c.antes), indice(c.despues)
    nuevas = [e for k, e in despues.items() if k not in antes]
    quitadas = [e for k, e in antes.items() if k not in despues]
    if nuevas:
        por_id = _dicho(c, [(None, e) for e in nuevas])
        c.agregar("bitacora", "nuevo", f"Bitácora: {_cuantas(nuevas, 'nueva', 'nuevas')}",
                  ids=sorted(por_id), por_id=por_id)
        for e in nuevas:
            for ajuste in e.ajustes or []:
                ids = [*(ajuste.acciones or []), *(ajuste.metas or [])]
                cita = f" ({', '.join(ids)})" if ids else ""
                c.agregar("bitacora", "nuevo", f"Ajuste {_de_entrada(e)}: "
                          f"{c.voz.texto(ajuste.descripcion or '')}{cita}", ids=ids)
    if quitadas:
        por_id = _dicho(c, [(e, None) for e in quitadas])
        c.agregar("bitacora", "quitado", f"Bitácora: {_cuantas(quitadas, 'quitada', 'quitadas')}",
                  ids=sorted(por_id), por_id=por_id)
    for k, e in despues.items():
        previa = antes.get(k)
        if previa is not None and plano(previa) != plano(e):
            a, d = plano(previa), plano(e)
            claves = [x for x in list(d) + [y for y in a if y not in d] if a.get(x) != d.get(x)]
            por_id = _dicho(c, [(previa, e)])
            c.agregar("bitacora", "cambiado", f"Bitácora: cambió la entrada {_de_entrada(e)}: "
                      f"{', '.join(etiqueta(x) for x in claves)}", ids=sorted(por_id),
                      por_id=por_id)
            c.mediciones += _mediciones_cambiadas(previa, e)
    c.series = _series_cambiadas(c)


def _dicho(c: Comparador, pares: list) -> dict[str, str]:
    """``{id: frase}`` de lo que cambió de cada meta (sus mediciones) y de cada acción (sus
    registros) en pares de entradas ``(antes, después)``; ``None`` de un lado: nueva o quitada
    (``historia.citas``)."""
    unidades = {m.id: m.indicador.unidad if m.indicador is not None else None
                for r in (c.antes, c.despues) for m in r.metas if m.id}
    frases: dict[str, list] = {}
    for previa, entrada in pares:
        a = lo_que_dice(previa) if previa is not None else {}
        d = lo_que_dice(entrada) if entrada is not None else {}
        nombre = _nombre_entrada(entrada if entrada is not None else previa)
        de = f"en el {nombre}" if nombre.startswith("registro") else f"en la {nombre}"
        for i in sorted(set(a) | set(d)):
            if a.get(i) == d.get(i):
                continue
            if i not in d:
                texto = frase(i, a[i], de, c.voz, unidades.get(i), quitada=True)
            else:
                texto = frase(i, d[i], de, c.voz, unidades.get(i), a.get(i) if a else None)
            frases.setdefault(i, []).append(texto)
    return {i: "; ".join(t) for i, t in frases.items()}


def _mediciones_cambiadas(antes, despues) -> list[tuple]:
    """[(fecha, meta, valor de antes, valor de después)] de las metas que la entrada medía con
    otro valor (una sola medición de la meta en cada versión: si hay varias, no se sabe cuál)."""
    def valores(entrada) -> dict:
        por_meta: dict = {}
        for m in entrada.mediciones or []:
            por_meta.setdefault(m.meta, []).append(m.valor)
        return {meta: v[0] for meta, v in por_meta.items() if len(v) == 1 and meta}

    a, d = valores(antes), valores(despues)
    return [(despues.fecha, meta, a[meta], valor) for meta, valor in d.items()
            if meta in a and a[meta] != valor and despues.fecha is not None]


def _series_cambiadas(c: Comparador) -> dict:
    """``{meta: (serie de antes, serie de después)}`` de las metas cuyas mediciones cambiaron
    de fecha, de orden o de número: una fecha corregida, una entrada nueva o quitada, dos del
    mismo día reordenadas. Cada serie, ``((fecha, valor), …)`` como las lee
    ``vistas.avance_meta`` (válidas, en orden de fecha y, el mismo día, en el del archivo),
    así que dice qué medición juzga una meta; las lee ``tardios``. La meta renombrada en este
    commit lleva su id de después en las dos."""
    antes = _series(c.antes, c.renombres.get("meta", {}))
    despues = _series(c.despues, {})
    return {m: (antes.get(m, ()), despues.get(m, ())) for m in sorted(set(antes) | set(despues))
            if antes.get(m, ()) != despues.get(m, ())}


def _series(ruta, renombres: dict) -> dict:
    from rutamejora.reglas import fuera_de_rango

    unidades = {renombres.get(m.id, m.id): m.indicador.unidad if m.indicador is not None else None
                for m in ruta.metas if m.id}
    series: dict = {}
    # ``sorted`` es estable: el mismo día, el orden del archivo (el de ``formato.mediciones``).
    for e in sorted([*ruta.entradas, *ruta.entradas_apartadas], key=lambda e: e.fecha or date.min):
        for m in (e.mediciones or []) if e.fecha is not None else []:
            meta = renombres.get(m.meta, m.meta)
            try:
                valida = m.valor is not None and fuera_de_rango(m.valor, unidades.get(meta)) is None
            except TypeError:   # un valor que no es número: no juzga la meta
                valida = False
            if meta and valida:
                series.setdefault(meta, []).append((e.fecha, m.valor))
    return {meta: tuple(serie) for meta, serie in series.items()}


def _cuantas(entradas: list, singular: str, plural: str) -> str:
    """«3 entradas nuevas (sesiones 5 y 6; registro del 3 mar 2026)»."""
    sesiones = sorted({e.sesion for e in entradas if e.sesion})
    otras = [e for e in entradas if not e.sesion]
    registros = sorted((e.fecha for e in otras if e.tipo in (None, "registro") and e.fecha))
    detalle = []
    if sesiones:
        detalle.append(("sesión " if len(sesiones) == 1 else "sesiones ")
                       + lista_y([str(s) for s in sesiones]))
    # Los registros sueltos se cuentan; los momentos con nombre (evaluación final…) se dicen.
    if len(registros) == 1:
        detalle.append(f"registro del {fecha_corta(registros[0])}")
    elif registros:
        detalle.append(f"{len(registros)} registros del {fecha_corta(registros[0])} al "
                       f"{fecha_corta(registros[-1])}")
    detalle += [_nombre_entrada(e) for e in otras if e.tipo not in (None, "registro")]
    n = len(entradas)
    return f"{n} entrada{'' if n == 1 else 's'} {singular if n == 1 else plural} " \
           f"({'; '.join(detalle)})"


def _escuela(c: Comparador) -> None:
    """ruta.yaml: la escuela, el ciclo, el marco, el calendario, las personas y los ajustes."""
    antes = plano(c.antes.datos) if c.antes.datos is not None else {}
    despues = plano(c.despues.datos) if c.despues.datos is not None else {}
    for clave in list(despues) + [k for k in antes if k not in despues]:
        va, vd = antes.get(clave), despues.get(clave)
        if va == vd or clave in ("presupuesto", "colectivo", "comunidad"):
            continue
        if isinstance(va or vd, dict):
            campos = c.campos({clave: va or {}}, {clave: vd or {}})
            if campos:
                c.agregar("escuela", "cambiado", f"{mayuscula(etiqueta(clave))}: "
                          + "; ".join(x.texto.removeprefix(f"{etiqueta(clave)} de ")
                                      for x in campos), campos=campos)
        else:
            campo = c.campo(clave, va, vd)
            c.agregar("escuela", "cambiado", mayuscula(campo.texto), campos=[campo])
    for lista in ("colectivo", "comunidad"):
        _personas(c, lista, antes.get(lista) or [], despues.get(lista) or [])


def _personas(c: Comparador, lista: str, antes: list, despues: list) -> None:
    """Altas, bajas y cambios de personas por su id (sin nombres: el cambio se publica)."""
    a = {p.get("id"): p for p in antes if p.get("id")}
    d = {p.get("id"): p for p in despues if p.get("id")}
    titulo = mayuscula(lista)
    for i, p in d.items():
        funcion = etiqueta(str(p.get("funcion") or p.get("tipo") or ""))
        if i not in a:
            c.agregar("escuela", "nuevo", f"{titulo}: {i} nuevo ({funcion})", i)
        elif a[i] != p:
            cambiados = [etiqueta(k) for k in set(a[i]) | set(p) if a[i].get(k) != p.get(k)]
            c.agregar("escuela", "cambiado", f"{titulo}: {i} cambió ({', '.join(sorted(cambiados))})", i)
    for i, p in a.items():
        if i not in d:
            c.agregar("escuela", "quitado", f"{titulo}: {i} quitado", i)


# --- La Ruta entera y la forma de los archivos --------------------------------------------------


def ruta_entera(antes, despues) -> Cambio:
    """La Ruta apareció o desapareció entera: toca cada uno de sus objetos (``--id`` lo ve)."""
    r = despues.ruta if antes.ruta is None else antes.ruta
    ids = tuple(o.id for lista in (r.metas, r.acciones, r.prioridades, r.objetivos, r.fuentes,
                                   r.necesidades) for o in lista if getattr(o, "id", None))
    if antes.ruta is None:
        return Cambio("ruta", "nuevo", f"La Ruta es nueva ({len(r.metas)} metas, "
                      f"{len(r.acciones)} acciones)", ids=ids)
    return Cambio("ruta", "quitado", f"La Ruta ya no está en {despues.etiqueta}", ids=ids)


_COMENTARIO = compilar(r"(?:^|[ \t])#.*$", re.MULTILINE)
_PARTES_DE = {"ruta.yaml": ("escuela", "presupuesto"), "diagnostico.yaml": ("diagnostico",),
              "prioridades.yaml": ("prioridades",), "objetivos.yaml": ("objetivos",),
              "metas.yaml": ("metas",), "acciones.yaml": ("acciones", "presupuesto"),
              "bitacora.yaml": ("bitacora",)}


def forma(antes, despues, cambios: list, omitidas: set[str]) -> list[Cambio]:
    """Una línea por archivo cuyo texto cambió más allá de su parte del plan. Los comentarios se
    dicen siempre: solos («metas.yaml: solo cambiaron los comentarios (el plan es el mismo)») o
    junto a un cambio del plan («metas.yaml: también cambiaron los comentarios»); un cambio de
    formato (sangría, comillas) solo si es lo único que cambió en el archivo. La línea lleva
    las partes del archivo (``de_partes``): ``ruta historia --id`` la muestra junto a un cambio
    de esa cosa en ese archivo."""
    resultado = []
    # Un renombre cambia también el texto de quien cita el id: eso ya lo dice el renombre.
    renombre = any(c.tipo == "renombrado" for c in cambios)
    for nombre, partes in _PARTES_DE.items():
        ta, td = antes.textos.get(nombre), despues.textos.get(nombre)
        if ta is None or td is None or ta == td or any(p in omitidas for p in partes):
            continue
        del_plan = renombre or any(c.parte in partes for c in cambios)
        if _COMENTARIO.findall(ta) != _COMENTARIO.findall(td):
            texto = (f"{nombre}: también cambiaron los comentarios" if del_plan else
                     f"{nombre}: solo cambiaron los comentarios (el plan es el mismo)")
        elif del_plan:
            continue   # el cambio del plan (o de orden) ya lo dice
        else:
            texto = f"{nombre}: solo cambió el formato (el plan es el mismo)"
        resultado.append(Cambio("formato", "formato", texto, de_partes=partes))
    return resultado
