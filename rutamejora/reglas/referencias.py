"""Reglas de referencias: ids únicos, cada referencia resuelve, fechas dentro del ciclo."""

from __future__ import annotations


from rutamejora.formato.pistas import sugerir
from rutamejora.formato.modelo import periodos
from rutamejora.nucleo.problemas import AVISO, ERROR
from rutamejora.formato.modelo import marco_de
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.expresiones import compilar

# Cómo decir "no hay ningún objeto de este tipo con ese id", con su género (la agrupación,
# "prioridad", la nombra el marco: ``Marco.ninguno()``).
_NINGUNO = {"prioridad": "ninguna prioridad", "objetivo": "ningún objetivo", "meta": "ninguna meta",
            "accion": "ninguna acción", "necesidad": "ninguna necesidad en el diagnóstico",
            "fuente": "ninguna fuente en el presupuesto",
            "responsable": "nadie en el colectivo ni en la comunidad"}
_DONDE = {"prioridad": "prioridades.yaml", "objetivo": "objetivos.yaml", "meta": "metas.yaml",
          "accion": "acciones.yaml", "necesidad": "diagnostico.yaml (`necesidades`)",
          "fuente": "ruta.yaml (`presupuesto.fuentes`)",
          "responsable": "ruta.yaml (`colectivo` o `comunidad`)"}


@regla("RM201", "id-duplicado", ERROR, "referencias")
def id_duplicado(ruta, ctx):
    """Dos objetos del mismo tipo comparten id; las referencias a ese id serían ambiguas.

    ✓ metas.yaml
        metas:
          - id: M1
          - id: M2
    ✗ metas.yaml (completo)
        metas:
          - {id: M1, objetivo: O1}
          - {id: M1, objetivo: O1}
    """
    grupos = {"prioridad": ruta.prioridades, "objetivo": ruta.objetivos, "meta": ruta.metas,
              "accion": ruta.acciones, "necesidad": ruta.necesidades, "fuente": ruta.fuentes,
              "responsable": ruta.colectivo + ruta.comunidad}
    for tipo, objetos in grupos.items():
        vistos: dict = {}
        for o in objetos:
            if o.id is None:
                continue
            if o.id in vistos:
                primero = vistos[o.id]
                donde = f"en la línea {primero.pos('id')[0]}" if primero._archivo == o._archivo \
                    else f"en {primero._archivo}, línea {primero.pos('id')[0]}"
                ctx.problema(o, "id", f"El id `{o.id}` ya se usó {donde}.",
                             "Dale un id propio (el siguiente número libre).")
            else:
                vistos[o.id] = o


def _referencias(ruta):
    """Cada referencia de la Ruta: (objeto, campo, tipo, id, archivo que la define)."""
    for p in ruta.prioridades:
        for i, n in enumerate(p.necesidades or []):
            yield p, f"necesidades[{i}]", "necesidad", n, "diagnostico.yaml"
    for o in ruta.objetivos:
        if o.prioridad:
            yield o, "prioridad", "prioridad", o.prioridad, "prioridades.yaml"
    for m in ruta.metas:
        if m.objetivo:
            yield m, "objetivo", "objetivo", m.objetivo, "objetivos.yaml"
    for a in ruta.acciones:
        for i, m in enumerate(a.metas or []):
            yield a, f"metas[{i}]", "meta", m, "metas.yaml"
        for i, r in enumerate(a.responsables or []):
            yield a, f"responsables[{i}]", "responsable", r, "ruta.yaml"
        if a.responsable_seguimiento:
            yield a, "responsable_seguimiento", "responsable", a.responsable_seguimiento, "ruta.yaml"
        if a.fuente:
            yield a, "fuente", "fuente", a.fuente, "ruta.yaml"
    for e in ruta.entradas + ruta.entradas_apartadas:
        for r in e.acciones or []:
            if r.accion:
                yield r, "accion", "accion", r.accion, "acciones.yaml"
        for med in e.mediciones or []:
            if med.meta:
                yield med, "meta", "meta", med.meta, "metas.yaml"
        for aj in e.ajustes or []:
            for i, a in enumerate(aj.acciones or []):
                yield aj, f"acciones[{i}]", "accion", a, "acciones.yaml"
            for i, m in enumerate(aj.metas or []):
                yield aj, f"metas[{i}]", "meta", m, "metas.yaml"
        for ing in e.ingresos or []:
            if ing.fuente:
                yield ing, "fuente", "fuente", ing.fuente, "ruta.yaml"
        for b in e.balance or []:
            if b.prioridad:
                yield b, "prioridad", "prioridad", b.prioridad, "prioridades.yaml"


@regla("RM202", "referencia-inexistente", ERROR, "referencias")
def referencia_inexistente(ruta, ctx):
    """Una referencia por id (prioridad, objetivo, meta, acción, responsable, necesidad, fuente) no existe.

    Se sugiere el id más parecido. Si el archivo que define esos ids no se pudo leer, la
    verificación se omite y se dice (RM901).

    ✓ objetivos.yaml
        objetivos:
          - id: O1
            prioridad: P1
    ✗ objetivos.yaml
        objetivos:
          - id: O1
            prioridad: P9
    """
    indices: dict = {}
    for objeto, campo, tipo, ident, archivo in _referencias(ruta):
        if archivo not in ruta.legibles:
            continue  # RM901 ya dice que no se pudo verificar.
        if tipo not in indices:
            indices[tipo] = ruta.por_id(tipo)
        if ident in indices[tipo] or ruta.hay_ids_invalidos(tipo):
            # Con un id mal escrito (ya informado) la referencia puede ser a ese: no acusarla.
            continue
        cercano = sugerir_id(ident, indices[tipo], unico=tipo != "responsable")
        pista = f"¿Quisiste decir `{cercano}`?" if cercano else _definelo(tipo, ident, indices[tipo])
        ninguno = marco_de(ruta).ninguno() if tipo == "prioridad" else _NINGUNO[tipo]
        ctx.problema(objeto, campo, f"No hay {ninguno} con id `{ident}`.", pista)


def _definelo(tipo: str, ident: str, existentes) -> str:
    """La pista cuando ningún id se parece: dónde definirlo (con la línea a escribir, si es una
    persona) o corregir el id, con los ids que sí hay (como ``bitacora agregar``)."""
    if tipo == "responsable":
        return (f"Si es alguien nuevo, defínelo en `ruta.yaml` (en `colectivo`: "
                f"`- {{id: {ident}, nombre: …, funcion: docente}}`, o en `comunidad`); si no, "
                f"corrige el id.")
    # «Defínela» una meta, una acción, una prioridad…; «defínelo» un objetivo.
    pista = f"Defínel{'o' if tipo == 'objetivo' else 'a'} en {_DONDE[tipo]} o corrige el id."
    ids = sorted((i for i in existentes if isinstance(i, str)), key=lambda i: (len(i), i))
    if ids:
        muestra = ", ".join(ids[:8]) + (f" y {len(ids) - 8} más" if len(ids) > 8 else "")
        pista += f" {'Los' if tipo == 'objetivo' else 'Las'} que hay: {muestra}."
    return pista


def hay_referencias_rotas(ruta, tipo: str) -> bool:
    """¿Alguna referencia a ``tipo`` no resuelve? Las reglas que cuentan referencias se abstienen
    entonces: el problema ya lo dice RM202 y contarlo otra vez sería una cascada."""
    indice = ruta.por_id(tipo)
    return any(t == tipo and ident not in indice for _, _, t, ident, _ in _referencias(ruta))


_PARTES_ID = compilar(r"^\s*([^\d\s]*)\s*0*(\d*)\s*$")


def sugerir_id(escrito: str, validos, unico: bool = True) -> str | None:
    """El id que de verdad se parece a ``escrito``: el mismo con otras mayúsculas o espacios
    (``doc 1`` → ``DOC1``) o con las letras mal tecleadas y el mismo número (``DCO1`` →
    ``DOC1``). Otro número con las mismas letras no es un error de dedo sino otro id (``DOC7``
    no es ``DOC6``: es alguien que falta definir). Si solo hay un id de ese tipo y ``unico``,
    ese (``P9`` con solo ``P1`` → ``P1``)."""
    validos = list(validos)
    cercano = sugerir(escrito, validos, corte=0.5)
    if cercano is not None and not _mismo_salvo_letras(escrito, cercano):
        cercano = None
    return cercano or (validos[0] if unico and len(validos) == 1 else None)


def _mismo_salvo_letras(escrito: str, valido: str) -> bool:
    """Si ``escrito`` y ``valido`` llevan el mismo número (``DCO1``/``DOC1``, ``USEAR``/``USAER``)
    o son el mismo sin importar mayúsculas."""
    if escrito.replace(" ", "").casefold() == valido.casefold():
        return True
    a, b = _PARTES_ID.match(escrito), _PARTES_ID.match(valido)
    if a is None or b is None:
        return True  # formas libres (``Comité``): el parecido del texto basta
    return a.group(2) == b.group(2) and a.group(1).casefold() != b.group(1).casefold()


def _fechas_del_plan(ruta):
    """Las fechas de la planeación y del seguimiento que deben caer dentro del ciclo."""
    for m in ruta.metas:
        if m.fecha_limite:
            yield m, "fecha_limite", m.fecha_limite
    for a in ruta.acciones:
        if a.periodos:
            for p in a.periodos:
                for campo in ("inicio", "fin"):
                    if getattr(p, campo):
                        yield p, campo, getattr(p, campo)
        for campo in ("inicio", "fin"):
            if getattr(a, campo):
                yield a, campo, getattr(a, campo)
    for e in ruta.entradas:
        if e.fecha:
            yield e, "fecha", e.fecha
        for r in e.acciones or []:
            for campo in ("nuevo_inicio", "nuevo_fin"):
                if getattr(r, campo):
                    yield r, campo, getattr(r, campo)


@regla("RM203", "fecha-fuera-del-ciclo", ERROR, "referencias", ("ruta.yaml",))
def fecha_fuera_del_ciclo(ruta, ctx):
    """Una fecha de metas, acciones o bitácora cae fuera del ciclo (de la fase intensiva al último día de clases).

    Suele ser una fecha copiada de la Ruta del año anterior.

    ✓ metas.yaml
        metas:
          - id: M1
            fecha_limite: 2026-06-26
    ✗ metas.yaml
        metas:
          - id: M1
            fecha_limite: 2025-06-27
    """
    tramo = ruta.horizonte
    if tramo is None:
        return
    ciclos = ruta.ciclos
    nombre = f"del ciclo {ciclos[0]}" if len(ciclos) == 1 else \
        f"de los ciclos {ciclos[0]} a {ciclos[-1]}"
    for objeto, campo, dia in _fechas_del_plan(ruta):
        if not tramo[0] <= dia <= tramo[1]:
            ctx.problema(objeto, campo,
                         f"La fecha {dia.isoformat()} está fuera {nombre} "
                         f"({tramo[0].isoformat()} a {tramo[1].isoformat()}).",
                         "¿Es una fecha copiada de otro ciclo? Corrige el año.")
            continue
        # Una meta de un ciclo (Ruta de varios ciclos) vence dentro de ese ciclo.
        propio = ruta.calendarios.get(getattr(objeto, "ciclo", None) or "") if campo == "fecha_limite" else None
        if propio is not None and len(ciclos) > 1 and not propio.contiene(dia):
            ctx.problema(objeto, campo,
                         f"La fecha {dia.isoformat()} está fuera del ciclo {objeto.ciclo} de la meta "
                         f"({propio.inicio.isoformat()} a {propio.fin.isoformat()}).",
                         "Corrige la fecha o el `ciclo` de la meta.")


@regla("RM204", "fecha-futura", AVISO, "referencias")
def fecha_futura(ruta, ctx):
    """Una entrada de la bitácora tiene fecha posterior a hoy: probablemente un error de captura.

    Con `--fecha`, las entradas posteriores se apartan (RM902) en vez de avisarse.
    Los ejemplos suponen que hoy es 2025-10-01.

    ✓ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2026-05-29
    """
    if ctx.fecha_explicita:
        return
    for e in ruta.entradas:
        if e.fecha and e.fecha > ctx.hoy:
            ctx.problema(e, "fecha", f"La entrada tiene fecha {e.fecha.isoformat()}, posterior a hoy "
                                     f"({ctx.hoy.isoformat()}).",
                         "Revisa el año o el mes; la bitácora registra lo que ya pasó.")


@regla("RM205", "rasgo-inexistente", ERROR, "referencias", ("ruta.yaml",))
def rasgo_inexistente(ruta, ctx):
    """Un rasgo valorado no existe en su anexo (el anexo 1 tiene 8 rasgos; el 3, las conversaciones a–e).

    ✓ diagnostico.yaml
        rasgos:
          - {anexo: normalidad-minima, rasgo: 3, valoracion: en_proceso}
    ✗ diagnostico.yaml
        rasgos:
          - {anexo: normalidad-minima, rasgo: 9, valoracion: en_proceso}
    """
    if ruta.marco is None:
        return
    valorados = list((ruta.diagnostico.rasgos or []) if ruta.diagnostico is not None else [])
    for e in ruta.entradas + ruta.entradas_apartadas:
        valorados += e.rasgos or []
    for r in valorados:
        anexo = ruta.marco.anexo(r.anexo) if r.anexo else None
        if anexo is None or r.rasgo is None:
            continue
        existentes = [str(x.get("clave")) for x in anexo.get("rasgos") or []]
        if str(r.rasgo).lower() not in existentes:
            ctx.problema(r, "rasgo", f"El anexo `{r.anexo}` no tiene el rasgo `{r.rasgo}`.",
                         "Sus rasgos son: " + ", ".join(existentes) + ".")


@regla("RM207", "anexo-de-otro-nivel", AVISO, "referencias", ("ruta.yaml",))
def anexo_de_otro_nivel(ruta, ctx):
    """Un rasgo valorado es de un anexo que el marco no aplica al nivel de la escuela.

    En rme-2014, el anexo 4 («Mejora de los aprendizajes») es de preescolar.

    ✓ diagnostico.yaml
        rasgos:
          - {anexo: convivencia, rasgo: 1, valoracion: en_proceso}
    ✗ diagnostico.yaml
        rasgos:
          - {anexo: mejora-aprendizajes, rasgo: 1, valoracion: en_proceso}
    """
    if ruta.marco is None or not ruta.nivel:
        return
    valorados = list((ruta.diagnostico.rasgos or []) if ruta.diagnostico is not None else [])
    for e in ruta.entradas + ruta.entradas_apartadas:
        valorados += e.rasgos or []
    del_nivel = [a.get("clave") for a in ruta.marco.valores("anexos")
                 if ruta.nivel in (a.get("niveles") or [])]
    for r in valorados:
        anexo = ruta.marco.anexo(r.anexo) if r.anexo else None
        niveles = (anexo or {}).get("niveles") or []
        if anexo is not None and niveles and ruta.nivel not in niveles:
            ctx.problema(r, "anexo", f"El anexo `{r.anexo}` es de {' y '.join(niveles)}, no de {ruta.nivel}.",
                         "Los anexos de " + ruta.nivel + ": " + ", ".join(del_nivel) + ".")


@regla("RM206", "sesion-inexistente", ERROR, "referencias", ("ruta.yaml",))
def sesion_inexistente(ruta, ctx):
    """La bitácora cita una sesión ordinaria que el calendario del ciclo no tiene.

    ✓ bitacora.yaml
        entradas:
          - fecha: 2025-09-26
            sesion: 1
    ✗ bitacora.yaml (completo)
        entradas:
          - fecha: 2025-09-26
            sesion: 9
    """
    cal = ruta.calendario
    if cal is None or not cal.sesiones:
        return
    for e in ruta.entradas + ruta.entradas_apartadas:
        if e.sesion is not None and e.sesion > len(cal.sesiones):
            ctx.problema(e, "sesion", f"El calendario del ciclo tiene {len(cal.sesiones)} sesiones "
                                      f"ordinarias; no existe la sesión {e.sesion}.",
                         "Revisa el número de la sesión.")


@regla("RM208", "registro-repetido", ERROR, "referencias", ("bitacora.yaml",))
def registro_repetido(ruta, ctx):
    """Una entrada de la bitácora registra la misma acción, mide la misma meta o valora el mismo rasgo dos veces.

    Los informes mostrarían las dos («En curso 10 %» y «Realizada 100 %» el mismo día) sin saber
    cuál vale, o tomarían la última sin decirlo (un rasgo «en proceso» y «logrado»). `bitacora
    agregar` ya no lo permite; a mano, se deja uno solo.

    ✓ bitacora.yaml
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: en_curso, avance: 10}
    ✗ bitacora.yaml
        entradas:
          - fecha: 2025-09-26
            acciones:
              - {accion: A1, estado: en_curso, avance: 10}
              - {accion: A1, estado: realizada, avance: 100}
    """
    for e in ruta.entradas + ruta.entradas_apartadas:
        dia = f"del {e.fecha.isoformat()}" if e.fecha else "sin fecha"
        for lista, campo, que, cosa in ((e.acciones, "accion", "registra la acción", "un solo registro"),
                                        (e.mediciones, "meta", "mide la meta", "una sola medición")):
            vistos = set()
            for r in lista or []:
                ident = getattr(r, campo)
                if not isinstance(ident, str) or not ident:
                    continue
                if ident in vistos:
                    ctx.problema(r, campo, f"La entrada {dia} {que} {ident} dos veces.",
                                 f"Deja {cosa} de {ident} en esa entrada "
                                 f"({'el que' if cosa.startswith('un ') else 'la que'} vale).")
                vistos.add(ident)
        rasgos = set()
        for r in e.rasgos or []:
            if r.anexo is None or r.rasgo is None:
                continue
            clave = (str(r.anexo), str(r.rasgo))
            if clave in rasgos:
                ctx.problema(r, "rasgo", f"La entrada {dia} valora el rasgo {clave[1]} de "
                             f"{clave[0]} dos veces.",
                             "Deja una sola valoración de ese rasgo en esa entrada (la que vale).")
            rasgos.add(clave)
