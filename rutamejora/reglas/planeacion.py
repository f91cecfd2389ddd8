"""Reglas de planeación: lo que pide la orientación a metas, acciones, la cadena y el diagnóstico.

Son las preguntas de un supervisor exigente: ¿la meta se puede medir?, ¿la acción dice quién,
con qué, cuánto y cuándo?, ¿cada prioridad llega hasta acciones?, ¿el diagnóstico cubre todo?
"""

from __future__ import annotations

import re
from collections import defaultdict
from decimal import Decimal

from rutamejora.catalogos import datos_de, normalizar
from rutamejora.formato.modelo import costo_total, periodos
from rutamejora.nucleo.problemas import AVISO, ERROR, INFO
from rutamejora.formato.modelo import marco_de
from rutamejora.nucleo.textos import mayuscula
from rutamejora.reglas.base import Lugar
from rutamejora.nucleo.codigos import regla
from rutamejora.reglas.compartido import fuera_de_rango, vacias, verbo_del_objetivo  # noqa: F401
from rutamejora.reglas.referencias import hay_referencias_rotas

PLAN = ("metas.yaml",)
# Cuántas acciones a la vez puede llevar una persona antes de que sea poco realista
# (se cambia en ruta.yaml: validacion.max_acciones_simultaneas).
MAX_ACCIONES_SIMULTANEAS = 4


def _unidad(meta) -> str | None:
    return meta.indicador.unidad if meta.indicador is not None else None


# --- Metas ------------------------------------------------------------------------------------

# Números que no son cantidades de la meta: años, grados (3°), fechas y horas (8:00).
_NO_CANTIDAD = re.compile(r"\b(19|20)\d\d\b|\b\d+\s*[°ºª]|\b\d{1,2}\s+de\s+[a-záéíóú]+|\d{4}-\d{2}-\d{2}"
                          r"|\b\d{1,2}:\d{2}\b")
_CANTIDAD = re.compile(r"\d+(?:[.,]\d+)?")


def cantidades(texto: str) -> list[str]:
    """Las cantidades de una redacción, sin años, grados ni fechas."""
    return _CANTIDAD.findall(_NO_CANTIDAD.sub(" ", texto))


@regla("RM301", "meta-sin-cantidad", AVISO, "planeacion", PLAN)
def meta_sin_cantidad(ruta, ctx):
    """La meta no dice cuánto: su redacción no tiene ningún número («avances significativos»).

    Las metas deben ser precisas, explícitas y medibles: ¿cuánto?, ¿de qué manera?, ¿cuándo?

    ✓ metas.yaml
        metas:
          - id: M1
            descripcion: Aumentar de 40 % a 60 % los alumnos de 1° que leen al nivel esperado
    ✗ metas.yaml
        metas:
          - id: M1
            descripcion: Que todos los alumnos tengan avances significativos en lectura
    """
    vagas = datos_de("redaccion.yaml").get("frases_vagas") or []
    for m in ruta.metas:
        if not m.descripcion or cantidades(m.descripcion):
            continue
        frase = next((f for f in vagas if normalizar(f) in normalizar(m.descripcion)), None)
        detalle = f" («{frase}» no se puede medir)" if frase else ""
        ctx.problema(m, "descripcion", f"La meta {m.id} no dice cuánto: no tiene ninguna cifra{detalle}.",
                     "Escribe la cifra que se quiere alcanzar, p. ej. «de 40 % a 60 % de los alumnos».")


@regla("RM302", "meta-doble", AVISO, "planeacion", PLAN)
def meta_doble(ruta, ctx):
    """Una meta con dos objetivos medibles dentro («aumentar la asistencia y el promedio»): sepárala en dos.

    Cuenta las cantidades de la redacción (sin años, grados ni fechas): más de dos indican dos
    metas (una meta suele tener punto de partida y punto de llegada).

    ✓ metas.yaml
        metas:
          - id: M1
            descripcion: Aumentar de 40 % a 60 % los alumnos de 1° que leen al nivel esperado
    ✗ metas.yaml
        metas:
          - id: M1
            descripcion: Subir la asistencia de 90 % a 95 % y el promedio de 7.2 a 8
    """
    for m in ruta.metas:
        if m.descripcion and len(cantidades(m.descripcion)) > 2:
            ctx.problema(m, "descripcion",
                         f"La meta {m.id} parece tener dos metas en una ({len(cantidades(m.descripcion))} cifras).",
                         "Escribe una meta por cada indicador: así cada una tiene su línea base y su medición.")


@regla("RM303", "meta-ya-cumplida", AVISO, "planeacion", PLAN)
def meta_ya_cumplida(ruta, ctx):
    """La línea base ya alcanza el valor meta en el sentido del indicador: la meta no pide nada.

    ✓ metas.yaml
        metas:
          - id: M1
            sentido: aumentar
            linea_base: 40
            valor_meta: 60
    ✗ metas.yaml
        metas:
          - id: M1
            sentido: aumentar
            linea_base: 60
            valor_meta: 40
    """
    for m in ruta.metas:
        if m.linea_base is None or m.valor_meta is None or m.sentido is None:
            continue
        cumplida = (m.sentido == "aumentar" and m.linea_base >= m.valor_meta) or \
                   (m.sentido == "disminuir" and m.linea_base <= m.valor_meta)
        if cumplida:
            ctx.problema(m, "valor_meta",
                         f"La meta {m.id} ya se cumple al inicio: debe {m.sentido} y parte de "
                         f"{m.linea_base} con valor meta {m.valor_meta}.",
                         "Revisa el sentido (aumentar/disminuir) o los valores.")


@regla("RM304", "valor-fuera-de-escala", ERROR, "planeacion", PLAN)
def valor_fuera_de_escala(ruta, ctx):
    """La línea base o el valor meta se salen de la escala de su unidad (un porcentaje de 120, un promedio de 85).

    ✓ metas.yaml
        metas:
          - id: M1
            linea_base: 40
            valor_meta: 60
    ✗ metas.yaml
        metas:
          - id: M1
            linea_base: 40
            valor_meta: 160
    """
    for m in ruta.metas:
        for campo in ("linea_base", "valor_meta"):
            valor = getattr(m, campo)
            rango = fuera_de_rango(valor, _unidad(m)) if valor is not None else None
            if rango:
                ctx.problema(m, campo, f"`{campo}` de {m.id} vale {valor}, pero un {_unidad(m)} va {rango}.",
                             "Revisa la cifra o la unidad del indicador.")


# --- Acciones ---------------------------------------------------------------------------------


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


@regla("RM314", "costo-sin-fuente", AVISO, "planeacion", ("ruta.yaml", "acciones.yaml"))
def costo_sin_fuente(ruta, ctx):
    """Una acción con costo no dice de qué fuente del presupuesto sale (cuando hay más de una).

    ✓ acciones.yaml
        acciones:
          - id: A1
            costo: 1500
            fuente: F1
    ✗ acciones.yaml
        acciones:
          - id: A1
            fuente: null
    """
    if len(ruta.fuentes) < 2:
        return
    for a in ruta.acciones:
        total = costo_total(a)
        if total and not a.fuente:
            ctx.problema(a, "costo", f"La acción {a.id} cuesta ${total:,.2f} y no dice de qué fuente sale.",
                         "Agrega `fuente:` con el id de la fuente (F1, F2, …).")


@regla("RM315", "presupuesto-excedido", ERROR, "planeacion", ("ruta.yaml", "acciones.yaml"))
def presupuesto_excedido(ruta, ctx):
    """Lo planeado con cargo a una fuente supera lo que esa fuente aporta: d) equilibrio entre costos y recursos.

    ✓ acciones.yaml
        acciones:
          - id: A1
            costo: 1500
            fuente: F1
    ✗ acciones.yaml
        acciones:
          - id: A1
            costo: 9000
            fuente: F1
    """
    planeado: dict = defaultdict(Decimal)
    for a in ruta.acciones:
        total = costo_total(a)
        if total and a.fuente:
            planeado[a.fuente] += total
    for f in ruta.fuentes:
        if f.monto is not None and planeado.get(f.id, 0) > f.monto:
            ctx.problema(f, "monto",
                         f"Lo planeado con la fuente {f.id} (${planeado[f.id]:,.2f}) supera su monto "
                         f"(${f.monto:,.2f}).",
                         "Ajusta los costos, cambia la fuente de alguna acción o corrige el monto.")


# --- La cadena: prioridad → objetivo → meta → acción ------------------------------------------


def _hijos(padres, hijos, campo: str) -> set | None:
    """Los ids de ``padres`` citados por algún hijo en ``campo`` (un id o una lista de ids).

    ``None`` si algún hijo cita un id que no existe o lo tiene ilegible: ese hijo pudo ser el
    de cualquier padre, y acusar a un padre "sin hijos" sería repetir el mismo error (RM202).
    """
    existentes = {p.id for p in padres}
    citados = set()
    for h in hijos:
        if h.invalido(campo):
            return None
        valor = getattr(h, campo)
        citados.update(valor if isinstance(valor, list) else [valor])
    citados.discard(None)
    return citados if citados <= existentes else None


@regla("RM320", "prioridad-sin-objetivos", ERROR, "planeacion", ("prioridades.yaml", "objetivos.yaml"))
def prioridad_sin_objetivos(ruta, ctx):
    """Una prioridad no tiene objetivos: la cadena prioridad → objetivo → meta → acción se corta.

    ✓ prioridades.yaml
        prioridades:
          - id: P1
    ✗ prioridades.yaml
        prioridades:
          - id: P2
            prioridad: convivencia-escolar
            descripcion: Mejorar la convivencia en el recreo
            necesidades: [N1]
    """
    citadas = _hijos(ruta.prioridades, ruta.objetivos, "prioridad")
    if citadas is None:
        return
    marco = marco_de(ruta)
    for p in ruta.prioridades:
        if p.id and p.id not in citadas:
            ctx.problema(p, "id", f"{mayuscula(marco.el())} {p.id} no tiene ningún objetivo.",
                         "Escribe en objetivos.yaml qué se quiere lograr con "
                         f"{'ella' if marco.femenino else 'él'} (`{marco.clave_referencia}: "
                         f"{p.id}`), o quít{'ala' if marco.femenino else 'alo'}.")


@regla("RM321", "objetivo-sin-metas", ERROR, "planeacion", ("objetivos.yaml", "metas.yaml"))
def objetivo_sin_metas(ruta, ctx):
    """Un objetivo no tiene metas: cada objetivo debe contar con sus respectivas metas.

    ✓ objetivos.yaml
        objetivos:
          - id: O1
    ✗ objetivos.yaml
        objetivos:
          - id: O2
            prioridad: P1
            que: Reducir el ausentismo
            para_que: Para que nadie se quede atrás
    """
    citados = _hijos(ruta.objetivos, ruta.metas, "objetivo")
    if citados is None:
        return
    for o in ruta.objetivos:
        if o.id and o.id not in citados:
            ctx.problema(o, "id", f"El objetivo {o.id} no tiene ninguna meta.",
                         f"Escribe en metas.yaml cuánto, de qué manera y cuándo (`objetivo: {o.id}`).")


@regla("RM322", "meta-sin-acciones", ERROR, "planeacion", ("metas.yaml", "acciones.yaml"))
def meta_sin_acciones(ruta, ctx):
    """Ninguna acción sirve a la meta: ¿cómo se va a lograr?

    ✓ metas.yaml
        metas:
          - id: M1
    ✗ metas.yaml
        metas:
          - id: M2
            objetivo: O1
            descripcion: Reducir de 8 % a 4 % el ausentismo
            indicador: {nombre: Ausentismo, unidad: porcentaje}
            sentido: disminuir
            linea_base: 8
            valor_meta: 4
            fecha_limite: 2026-06-26
    """
    citadas = _hijos(ruta.metas, ruta.acciones, "metas")
    if citadas is None:
        return
    for m in ruta.metas:
        if m.id and m.id not in citadas:
            ctx.problema(m, "id", f"Ninguna acción sirve a la meta {m.id}.",
                         f"Agrega en acciones.yaml una acción con `metas: [{m.id}]`.")


@regla("RM323", "accion-sin-metas", ERROR, "planeacion", ("acciones.yaml",))
def accion_sin_metas(ruta, ctx):
    """Una acción no sirve a ninguna meta: a) las acciones son para cumplir las metas.

    ✓ acciones.yaml
        acciones:
          - id: A1
            metas: [M1]
    ✗ acciones.yaml
        acciones:
          - id: A1
            metas: []
    """
    for a in vacias(ruta.acciones, "metas"):
        ctx.problema(a, "metas", f"La acción {a.id} no sirve a ninguna meta.",
                     "Escribe en `metas:` los ids de las metas a las que contribuye.")


@regla("RM324", "prioridad-sin-necesidades", ERROR, "planeacion", ("prioridades.yaml",))
def prioridad_sin_necesidades(ruta, ctx):
    """Una prioridad no cita las necesidades del diagnóstico que atiende: las prioridades salen del diagnóstico.

    ✓ prioridades.yaml
        prioridades:
          - id: P1
            necesidades: [N1]
    ✗ prioridades.yaml
        prioridades:
          - id: P1
            necesidades: []
    """
    marco = marco_de(ruta)
    for p in vacias(ruta.prioridades, "necesidades"):
        ctx.problema(p, "necesidades", f"{mayuscula(marco.el())} {p.id} no cita ninguna necesidad "
                                       f"del {marco.nombre_de('diagnostico', 'diagnóstico').lower()}.",
                     f"Escribe en `necesidades:` los ids (N1, N2, …) que {'la' if marco.femenino else 'lo'} "
                     "justifican.")


# --- El diagnóstico ---------------------------------------------------------------------------


@regla("RM330", "campo-sin-diagnostico", AVISO, "planeacion", ("ruta.yaml", "diagnostico.yaml"))
def campo_sin_diagnostico(ruta, ctx):
    """El diagnóstico no revisa alguna asignatura o campo formativo del plan de la escuela.

    Las orientaciones piden reconocer las necesidades de todos los alumnos en cada asignatura
    o campo formativo.

    ✓ diagnostico.yaml
        fecha: 2025-08-26
    ✗ diagnostico.yaml (completo)
        fecha: 2025-08-26
        aprendizajes:
          - campo: Lenguajes
            resultados:
              - {indicador: Promedio, valor: 7.8, unidad: promedio}
        fortalezas: [Trabajo colegiado]
        necesidades:
          - {id: N1, descripcion: Comprensión lectora baja}
    """
    if ruta.diagnostico is None or not ruta.campos or ruta.diagnostico.aprendizajes is None:
        return
    if any(a.invalido("campo") for a in ruta.diagnostico.aprendizajes):
        return  # Un campo mal escrito ya se informó (RM107): podría ser el que "falta".
    revisados = {a.campo for a in ruta.diagnostico.aprendizajes}
    faltan = [c for c in ruta.campos if c not in revisados]
    if faltan:
        ctx.problema(ruta.diagnostico, "aprendizajes",
                     "El diagnóstico no revisa: " + ", ".join(faltan) + ".",
                     f"Agrega sus resultados (plan {ruta.plan}, {ruta.nivel}).")


@regla("RM331", "diagnostico-sin-fortalezas", AVISO, "planeacion", ("diagnostico.yaml",))
def diagnostico_sin_fortalezas(ruta, ctx):
    """El diagnóstico no reconoce fortalezas de la práctica docente y directiva.

    ✓ diagnostico.yaml
        fortalezas: [Trabajo colegiado]
    ✗ diagnostico.yaml
        fortalezas: []
    """
    d = ruta.diagnostico
    if d is None or d.invalido("fortalezas"):
        return
    por_campo = any(a.fortalezas for a in d.aprendizajes or [])
    if not d.fortalezas and not por_campo:
        ctx.problema(d, "fortalezas" if d.presente("fortalezas") else None,
                     "El diagnóstico no reconoce ninguna fortaleza.",
                     "Anota en `fortalezas:` con qué se cuenta para la tarea docente y directiva.")


@regla("RM332", "diagnostico-sin-riesgo", AVISO, "planeacion", ("diagnostico.yaml",))
def diagnostico_sin_riesgo(ruta, ctx):
    """El diagnóstico no considera a los alumnos en riesgo (de no aprender, no ser promovidos o abandonar).

    Si no hay ninguno, dilo con `cantidad: 0`: así se ve que se consideró.

    ✓ diagnostico.yaml
        alumnos_en_riesgo:
          - {tipo: abandono, cantidad: 0}
    ✗ diagnostico.yaml
        alumnos_en_riesgo: []
    """
    d = ruta.diagnostico
    if d is not None and not d.alumnos_en_riesgo and not d.invalido("alumnos_en_riesgo"):
        ctx.problema(d, "alumnos_en_riesgo" if d.presente("alumnos_en_riesgo") else None,
                     "El diagnóstico no considera a los alumnos en riesgo.",
                     "Agrega `alumnos_en_riesgo:` con cantidades o códigos (nunca nombres); "
                     "si no hay, escribe `cantidad: 0`.")


@regla("RM333", "rasgos-sin-valorar", AVISO, "planeacion", ("ruta.yaml", "diagnostico.yaml"))
def rasgos_sin_valorar(ruta, ctx):
    """El diagnóstico no valora todos los rasgos de los anexos que aplican al nivel de la escuela.

    ✓ diagnostico.yaml
        fecha: 2025-08-26
    ✗ diagnostico.yaml
        rasgos: []
    """
    d = ruta.diagnostico
    if d is None or ruta.marco is None or not ruta.nivel or d.invalido("rasgos"):
        return
    valorados = {(r.anexo, str(r.rasgo).lower()) for r in d.rasgos or [] if r.valoracion}
    escritos = {(r.anexo, str(r.rasgo).lower()) for r in d.rasgos or []}
    for anexo in ruta.marco.valores("anexos"):
        if ruta.nivel not in (anexo.get("niveles") or []):
            continue
        existentes = {str(r["clave"]).lower() for r in anexo.get("rasgos") or []}
        if any(a == anexo["clave"] and r not in existentes for a, r in escritos):
            continue  # Un rasgo mal numerado ya se informó (RM205): podría ser el que "falta".
        faltan = [str(r["clave"]) for r in anexo.get("rasgos") or []
                  if (anexo["clave"], str(r["clave"]).lower()) not in valorados]
        if faltan:
            # Señala el primer rasgo escrito sin valorar (así cada anexo tiene su línea); si no
            # está escrito, la lista de rasgos.
            sin_valor = [(i, r) for i, r in enumerate(d.rasgos or [])
                         if r.anexo == anexo["clave"] and str(r.rasgo).lower() in faltan and not r.valoracion]
            lugar = f"rasgos[{sin_valor[0][0]}]" if sin_valor else ("rasgos" if d.presente("rasgos") else None)
            pista = ("Escribe en `valoracion:` logrado, en_proceso o no_logrado." if sin_valor else
                     f"Agrega `- {{anexo: {anexo['clave']}, rasgo: {faltan[0]}, valoracion: …}}`.")
            ctx.problema(d, lugar,
                         f"Faltan por valorar {len(faltan)} rasgos de «{anexo.get('titulo', anexo['clave'])}»: "
                         + ", ".join(faltan) + ".", pista)


@regla("RM334", "prioridad-del-marco-sin-atender", INFO, "planeacion", ("ruta.yaml", "prioridades.yaml"))
def prioridad_del_marco_sin_atender(ruta, ctx):
    """Una prioridad del marco (en rme-2014, del Sistema Básico de Mejora) no se atiende y no se dice por qué.

    Se informa, no es un error: el CTE elige. Para dejar constancia del motivo, escríbela en
    `no_atendidas` de prioridades.yaml.

    ✓ prioridades.yaml
        no_atendidas:
          - {prioridad: normalidad-minima, motivo: Los rasgos se cumplen}
          - {prioridad: rezago-abandono, motivo: Sin casos este ciclo}
          - {prioridad: convivencia-escolar, motivo: Se atiende con el programa estatal}
    ✗ prioridades.yaml
        no_atendidas: []
    """
    if ruta.marco is None or not ruta.prioridades:
        return  # Sin prioridades todavía, la Ruta está por llenar (RM120).
    if any(p.invalido("prioridad") for p in ruta.prioridades + ruta.no_atendidas):
        return  # Una prioridad mal escrita ya se informó (RM107): podría ser la que "falta".
    atendidas = {p.prioridad for p in ruta.prioridades} | {n.prioridad for n in ruta.no_atendidas}
    marco = ruta.marco
    for valor in marco.valores("agrupacion"):
        if valor["clave"] not in atendidas:
            ctx.problema(Lugar.raiz(ruta, "prioridades.yaml"), None,
                         f"No se atiende «{valor['nombre']}» ({marco.singular} del marco {marco.clave}).",
                         f"Si es a propósito, escribe el motivo en `no_atendidas` "
                         f"(`- {{{marco.clave_valor}: {valor['clave']}, motivo: …}}`).")


@regla("RM325", "acciones-por-agrupacion", AVISO, "planeacion",
       ("ruta.yaml", "prioridades.yaml", "objetivos.yaml", "metas.yaml", "acciones.yaml"))
def acciones_por_agrupacion(ruta, ctx):
    """Una prioridad (o ámbito, o problemática) tiene menos acciones de las que el marco recomienda.

    Solo en los marcos que lo piden (`reglas_suaves: acciones-por-agrupacion: {minimo: 2}`; en
    pemc-2019, al menos dos acciones por ámbito). Cuenta las acciones que sirven a alguna meta
    de algún objetivo de la prioridad.

    ✓ ruta.yaml
        marco: rme-2014
    ✗ ruta.yaml
        marco: pemc-2019
    """
    ajustes = ruta.marco.regla_suave("acciones-por-agrupacion") if ruta.marco is not None else None
    if ajustes is None or not ruta.acciones:
        return
    minimo = int(ajustes.get("minimo") or 1)
    if hay_referencias_rotas(ruta, "prioridad") or hay_referencias_rotas(ruta, "objetivo") or \
            hay_referencias_rotas(ruta, "meta"):
        return  # RM202 ya lo dice: contar con referencias rotas sería una cascada.
    objetivo_de = {m.id: m.objetivo for m in ruta.metas}
    prioridad_de = {o.id: o.prioridad for o in ruta.objetivos}
    cuenta: dict = defaultdict(set)
    for a in ruta.acciones:
        for m in a.metas or []:
            p = prioridad_de.get(objetivo_de.get(m))
            if p:
                cuenta[p].add(a.id)
    marco = ruta.marco
    for p in ruta.prioridades:
        n = len(cuenta.get(p.id, ()))
        if p.id and n < minimo:
            ctx.problema(p, "id", f"{mayuscula(marco.el())} {p.id} tiene {n} "
                                  f"{'acción' if n == 1 else 'acciones'}; el {marco.siglas} "
                                  f"recomienda al menos {minimo}.",
                         f"Agrega acciones a sus metas en acciones.yaml (`metas: [...]`).")


@regla("RM326", "orden-de-la-agrupacion", AVISO, "planeacion", ("ruta.yaml", "prioridades.yaml"))
def orden_de_la_agrupacion(ruta, ctx):
    """El orden con que el CTE jerarquiza sus ámbitos se repite o salta números (1, 2, 2, 5).

    Solo en los marcos de agrupación ordenada (`agrupacion.ordenada: true`; pemc-2019: los
    ámbitos *se jerarquizan*). El orden va de 1 (lo más urgente) hacia abajo, sin repetir.

    ✓ prioridades.yaml
        prioridades:
          - id: P1
            orden: 1
    ✗ prioridades.yaml
        prioridades:
          - id: P1
            orden: 1
          - id: P2
            orden: 1
            prioridad: convivencia-escolar
            descripcion: Mejorar la convivencia en el recreo
            necesidades: [N1]
    """
    marco = marco_de(ruta)
    ordenes = [p for p in ruta.prioridades if p.orden is not None]
    if not ordenes or (not marco.agrupacion.get("ordenada") and len(ordenes) < 2):
        return
    vistos: dict = {}
    for p in ordenes:
        if p.orden in vistos:
            ctx.problema(p, "orden", f"{mayuscula(marco.el())} {p.id} tiene el mismo orden ({p.orden}) "
                                     f"que {vistos[p.orden].id}.",
                         f"Numera {marco.plural} 1, 2, 3… según su urgencia, sin repetir.")
        else:
            vistos[p.orden] = p
    esperados = set(range(1, len(ordenes) + 1))
    faltan = sorted(esperados - set(vistos))
    if faltan and len(vistos) == len(ordenes):
        ultimo = max(ordenes, key=lambda p: p.orden)
        ctx.problema(ultimo, "orden", f"El orden salta números: falta el {', '.join(map(str, faltan))}.",
                     f"Numera {marco.plural} 1, 2, 3… sin huecos.")


@regla("RM335", "ambito-sin-diagnostico", AVISO, "planeacion", ("ruta.yaml", "diagnostico.yaml"))
def ambito_sin_diagnostico(ruta, ctx):
    """El diagnóstico no dice cómo está la escuela en algún ámbito del marco.

    En los marcos que hacen el diagnóstico por ámbito (`reglas_suaves:
    diagnostico-por-ambito`; pemc-2019: los ocho ámbitos) y en cualquier Ruta cuyo diagnóstico
    empiece a escribir `ambitos:`.

    ✓ diagnostico.yaml
        fecha: 2025-08-26
    ✗ diagnostico.yaml
        ambitos:
          - {ambito: escuela, situacion: Los recreos se alargan y se pierde tiempo de clase}
    """
    d = ruta.diagnostico
    if d is None or ruta.marco is None:
        return
    if ruta.marco.regla_suave("diagnostico-por-ambito") is None and not d.ambitos:
        return
    if d.invalido("ambitos") or any(a.invalido("ambito") for a in d.ambitos or []):
        return
    revisados = {a.ambito for a in d.ambitos or []}
    faltan = [v for v in ruta.marco.valores("ambitos") if v.get("clave") not in revisados]
    if faltan and d.ambitos is not None:
        ctx.problema(d, "ambitos",
                     "El diagnóstico no revisa " + ("el ámbito" if len(faltan) == 1 else "los ámbitos")
                     + ": " + ", ".join(f"«{v.get('nombre')}»" for v in faltan) + ".",
                     f"Agrega `- {{ambito: {faltan[0].get('clave')}, situacion: …}}`.")


# --- Participación ----------------------------------------------------------------------------


@regla("RM340", "integrante-sin-accion", AVISO, "planeacion", ("ruta.yaml", "acciones.yaml"))
def integrante_sin_accion(ruta, ctx):
    """Un integrante del colectivo no es responsable de ninguna acción: la Ruta es de todo el CTE.

    ✓ acciones.yaml
        acciones:
          - id: A1
            responsables: [DIR, DOC1, APF]
    ✗ acciones.yaml
        acciones:
          - id: A1
            responsables: [DOC1, APF]
    """
    if hay_referencias_rotas(ruta, "responsable") or not ruta.acciones:
        return  # Sin acciones todavía, la Ruta está por llenar (RM120): no acusar a nadie.
    con_accion = {r for a in ruta.acciones for r in a.responsables or []}
    for persona in ruta.colectivo:
        if persona.id and persona.id not in con_accion:
            ctx.problema(persona, "id", f"{persona.id} no es responsable de ninguna acción.",
                         "Cada integrante del CTE asume alguna tarea: agrégalo a `responsables`.")


_PADRES = re.compile(r"\b(padres|madres|familias?|tutores)\b", re.IGNORECASE)


@regla("RM341", "sin-padres-de-familia", AVISO, "planeacion", ("ruta.yaml", "acciones.yaml"))
def sin_padres_de_familia(ruta, ctx):
    """Ninguna acción cuenta con los padres de familia: b) se considera su participación.

    Cuenta si alguien de `comunidad` es responsable o si `participantes` menciona a padres,
    madres, familias o tutores.

    ✓ acciones.yaml
        acciones:
          - id: A1
            responsables: [DOC1, APF]
    ✗ acciones.yaml
        acciones:
          - id: A1
            responsables: [DOC1]
    """
    if not ruta.acciones:
        return
    comunidad = {p.id for p in ruta.comunidad}
    for a in ruta.acciones:
        if comunidad & set(a.responsables or []) or any(_PADRES.search(t) for t in a.participantes or []):
            return
    ctx.problema(Lugar.raiz(ruta, "acciones.yaml"), None,
                 "Ninguna acción cuenta con los padres de familia.",
                 "Haz responsable a alguien de `comunidad` en ruta.yaml o nómbralos en `participantes`.")


@regla("RM343", "persona-del-marco", AVISO, "planeacion", ("ruta.yaml",))
def persona_del_marco(ruta, ctx):
    """Falta entre las personas de la Ruta alguien que el marco pide (pmc-2024: el Comité de Planeación y Evaluación).

    Se busca por su `tipo` en `comunidad` de ruta.yaml (`personas_requeridas` del marco).

    ✓ ruta.yaml
        marco: rme-2014
    ✗ ruta.yaml
        marco: pmc-2024
    """
    if ruta.marco is None or ruta.datos.invalido("comunidad"):
        return
    tipos = {p.tipo for p in ruta.comunidad}
    for requerida in ruta.marco.personas_requeridas():
        if requerida.get("tipo") not in tipos:
            nombre = requerida.get("nombre") or requerida.get("tipo")
            ctx.problema(ruta.datos, "comunidad" if ruta.datos.presente("comunidad") else None,
                         f"El {ruta.marco.siglas} cuenta con {nombre}, y la Ruta no lo tiene entre sus personas.",
                         f"Agrégalo a `comunidad:` en ruta.yaml: `- {{id: …, nombre: {nombre}, "
                         f"tipo: {requerida.get('tipo')}}}`.")


@regla("RM342", "sobrecarga", AVISO, "planeacion", ("ruta.yaml", "acciones.yaml"))
def sobrecarga(ruta, ctx):
    """Una persona lleva más acciones a la vez que el límite (4; `validacion.max_acciones_simultaneas`).

    ✓ acciones.yaml
        acciones:
          - id: A1
            responsables: [DOC1]
    ✗ acciones.yaml
        acciones:
          - {id: A2, metas: [M1], actividad: Taller, responsables: [DOC1], recursos: [Aula], costo: 0, inicio: 2025-10-06, fin: 2025-11-28}
          - {id: A3, metas: [M1], actividad: Feria, responsables: [DOC1], recursos: [Patio], costo: 0, inicio: 2025-10-06, fin: 2025-11-28}
          - {id: A4, metas: [M1], actividad: Club, responsables: [DOC1], recursos: [Aula], costo: 0, inicio: 2025-10-06, fin: 2025-11-28}
          - {id: A5, metas: [M1], actividad: Tutoría, responsables: [DOC1], recursos: [Aula], costo: 0, inicio: 2025-10-06, fin: 2025-11-28}
    """
    ajustes = ruta.datos.validacion
    limite = ajustes.max_acciones_simultaneas if ajustes is not None and \
        ajustes.max_acciones_simultaneas is not None else MAX_ACCIONES_SIMULTANEAS
    por_persona = defaultdict(list)
    for a in ruta.acciones:
        for r in a.responsables or []:
            por_persona[r].extend((ini, fin, a) for ini, fin in periodos(a))
    for persona, tramos in sorted(por_persona.items()):
        dias = sorted({ini for ini, _, _ in tramos})
        for dia in dias:
            activas = {a.id for ini, fin, a in tramos if ini <= dia <= fin}
            if len(activas) > limite:
                quien = ruta.por_id("responsable").get(persona)
                objeto = quien if quien is not None else tramos[0][2]
                ctx.problema(objeto, "id" if quien is not None else "responsables",
                             f"{persona} lleva {len(activas)} acciones a la vez el {dia.isoformat()} "
                             f"(límite: {limite}): " + ", ".join(sorted(activas)) + ".",
                             "Reparte responsabilidades o escalona las fechas.")
                break


# --- Redacción (errores que se ven en Rutas reales) -------------------------------------------

@regla("RM350", "objetivo-sin-verbo", AVISO, "planeacion", ("objetivos.yaml",))
def objetivo_sin_verbo(ruta, ctx):
    """El objetivo está redactado como sustantivo («La comprensión lectora»): empiézalo con un verbo en infinitivo.

    Así dice qué se quiere lograr («Mejorar la comprensión lectora…»).

    ✓ objetivos.yaml
        objetivos:
          - id: O1
            que: Mejorar la comprensión lectora de los alumnos de primer grado
    ✗ objetivos.yaml
        objetivos:
          - id: O1
            que: La comprensión lectora de los alumnos de primer grado
    """
    ajustes = ruta.marco.regla_suave("objetivo-sin-verbo") if ruta.marco is not None else None
    pista = (ajustes or {}).get("pista") or "Empieza con lo que se hará: «Mejorar…», «Reducir…», «Fortalecer…»."
    for o in ruta.objetivos:
        if o.que and verbo_del_objetivo(o.que) is None:
            primera = o.que.strip().split()[0] if o.que.strip() else ""
            ctx.problema(o, "que", f"El objetivo {o.id} empieza con «{primera}», no con un verbo en infinitivo.",
                         pista)


_RELLENO = re.compile(r"^(0+|x+|n/?a|s/?n|por definir|pendiente|\?+|-+|xxx.*|nombre de la escuela)$",
                      re.IGNORECASE)


@regla("RM351", "dato-de-relleno", AVISO, "planeacion", ("ruta.yaml",))
def dato_de_relleno(ruta, ctx):
    """Un dato de la escuela es de relleno («zona 00», «XXX», «por definir»), copiado de una plantilla.

    ✓ ruta.yaml
        escuela:
          zona: "045"
    ✗ ruta.yaml
        escuela:
          zona: "00"
    """
    e = ruta.escuela
    if e is None:
        return
    for campo in ("nombre", "zona", "sector", "municipio", "localidad", "turno"):
        valor = getattr(e, campo)
        if isinstance(valor, str) and _RELLENO.match(valor.strip()):
            ctx.problema(e, campo, f"`{campo}: {valor}` parece un dato de relleno.",
                         "Escribe el dato real de la escuela o quita la clave.")
