"""Reglas de la cadena necesidad → prioridad → objetivo → meta → acción: que no se corte.

Cada prioridad cita necesidades del diagnóstico y tiene objetivos; cada objetivo, metas; cada
meta, acciones; cada acción sirve a alguna meta. Si un eslabón cita un id roto, calla: ese error
ya lo dice RM202 (``reglas.referencias``).

Registra RM320 ``prioridad-sin-objetivos``, RM321 ``objetivo-sin-metas``, RM322
``meta-sin-acciones``, RM323 ``accion-sin-metas`` y RM324 ``prioridad-sin-necesidades``.
"""

from __future__ import annotations

from rutamejora.formato.modelo import marco_de
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import ERROR
from rutamejora.nucleo.textos import mayuscula
from rutamejora.reglas.compartido import vacias


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
