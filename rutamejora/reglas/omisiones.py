"""Lo que la validación dejó de revisar y por qué: RM901 (un archivo ilegible) y RM902
(entradas de la bitácora posteriores a ``--fecha``)."""

from __future__ import annotations

from rutamejora.nucleo.codigos import definir, problema_de
from rutamejora.nucleo.problemas import INFO

# Qué archivos definen cada tipo de dato, para decir qué se omitió cuando uno no se pudo leer.
_QUE_SE_OMITE = {
    "ruta.yaml": "la escuela, la CCT, el calendario, el colectivo y el presupuesto",
    "diagnostico.yaml": "las necesidades que citan las prioridades",
    "prioridades.yaml": "las prioridades que citan los objetivos",
    "objetivos.yaml": "los objetivos que citan las metas",
    "metas.yaml": "las metas que citan las acciones y la bitácora",
    "acciones.yaml": "las acciones que cita la bitácora",
    "bitacora.yaml": "el seguimiento",
}


def archivos_ilegibles(ruta) -> set[str]:
    return {nombre for nombre in ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml",
                                  "objetivos.yaml", "metas.yaml", "acciones.yaml", "bitacora.yaml")
            if nombre not in ruta.legibles}


def omitidas(ruta, ilegibles: set[str]) -> list:
    """Un aviso informativo por archivo ilegible: qué verificaciones no se hicieron. Solo de
    los archivos que existen: uno que falta ya lo dice RM101, y «corrige primero los errores de
    ese archivo» no le sirve a quien no lo tiene."""
    avisos = []
    for nombre in sorted(ilegibles):
        if nombre not in ruta.documentos:
            continue
        avisos.append(problema_de(
            "RM901", nombre, 0, 0, "",
            f"Como {nombre} no se pudo leer, no se verificó lo que depende de él: {_QUE_SE_OMITE[nombre]}.",
            pista="Corrige primero los errores de ese archivo."))
    return avisos


def apartadas(ruta, hoy) -> list:
    """RM902: cuántas entradas de la bitácora posteriores a ``hoy`` se dejaron fuera."""
    if not ruta.entradas_apartadas:
        return []
    n = len(ruta.entradas_apartadas)
    return [problema_de(
        "RM902", "bitacora.yaml", 0, 0, "entradas",
        f"{n} {'entrada' if n == 1 else 'entradas'} de la bitácora posterior{'' if n == 1 else 'es'} "
        f"al {hoy.isoformat()} se {'dejó' if n == 1 else 'dejaron'} fuera.",
        pista="Así se ve la Ruta como estaba ese día.")]


definir("RM901", "verificacion-omitida", INFO, "validacion", """
    Un archivo no se pudo leer, así que las verificaciones que lo necesitan no se hicieron.

    Así un solo error no se multiplica en decenas de problemas: al corregirlo, la siguiente
    validación revisa lo que faltó.
""")

definir("RM902", "entradas-apartadas", INFO, "validacion", """
    Con `--fecha`, las entradas de la bitácora posteriores a ese día se dejan fuera (se dice cuántas).
""")
