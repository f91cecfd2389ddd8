"""Validar una Ruta: cargar, correr las reglas por fases, aplicar los ajustes y decidir la salida.

Es lo que llama ``ruta validar`` (y lo que usarán los informes para negarse a una Ruta con
errores). Nada aquí escribe en la Ruta.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rutamejora.carga import cargar
from rutamejora.problemas import AVISO, DESACTIVADA, ERROR, INFO, Problema, contar
from rutamejora.reglas import Contexto, importar
from rutamejora.reglas.catalogo import definir, problema_de, registradas

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


@dataclass
class Resultado:
    """El resultado de validar una Ruta."""

    carpeta: Path
    problemas: list = field(default_factory=list)
    ruta: object = None          # el modelo, para quien quiera mostrar algo más
    estricto: bool = False

    @property
    def cuenta(self) -> dict:
        return contar(self.problemas)

    @property
    def archivos_revisados(self) -> int:
        return len(self.ruta.documentos) if self.ruta is not None else 0

    def codigo_de_salida(self) -> int:
        """0 sin errores; 1 con errores (o avisos, en modo estricto)."""
        cuenta = self.cuenta
        if cuenta[ERROR] or (self.estricto and cuenta[AVISO]):
            return 1
        return 0


def validar(carpeta: Path, hoy: date, fecha_explicita: bool = False,
            estricto: bool = False) -> Resultado:
    """Valida la Ruta de ``carpeta`` tal como estaba el día ``hoy``.

    Lanza ``carga.NoEsRuta`` si la carpeta no existe o no es una Ruta (un error de uso).
    """
    ruta, problemas = cargar(carpeta, hoy if fecha_explicita else None)
    importar()
    ctx = Contexto(hoy=hoy, fecha_explicita=fecha_explicita)
    omitidos = _archivos_ilegibles(ruta)
    for regla_ in registradas():
        if regla_.funcion is None:
            continue
        if any(a in omitidos for a in regla_.requiere):
            continue
        ctx.regla = regla_
        for _ in regla_.funcion(ruta, ctx) or ():
            pass
    problemas.extend(ctx.problemas)
    problemas.extend(_omitidas(ruta, omitidos))
    if ruta.entradas_apartadas:
        n = len(ruta.entradas_apartadas)
        problemas.append(problema_de(
            "RM902", "bitacora.yaml", 0, 0, "entradas",
            f"{n} {'entrada' if n == 1 else 'entradas'} de la bitácora posterior{'' if n == 1 else 'es'} "
            f"al {hoy.isoformat()} se {'dejó' if n == 1 else 'dejaron'} fuera.",
            pista="Así se ve la Ruta como estaba ese día."))
    ajustes = ruta.datos.validacion if ruta.datos is not None else None
    problemas = _aplicar_ajustes(problemas, ajustes)
    estricto = estricto or bool(ajustes is not None and ajustes.estricto)
    problemas.sort(key=Problema.orden)
    return Resultado(carpeta=carpeta, problemas=problemas, ruta=ruta, estricto=estricto)


def _archivos_ilegibles(ruta) -> set[str]:
    return {nombre for nombre in ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml",
                                  "objetivos.yaml", "metas.yaml", "acciones.yaml", "bitacora.yaml")
            if nombre not in ruta.legibles}


def _omitidas(ruta, ilegibles: set[str]) -> list:
    """Un aviso informativo por archivo ilegible: qué verificaciones no se hicieron."""
    avisos = []
    for nombre in sorted(ilegibles):
        avisos.append(problema_de(
            "RM901", nombre, 0, 0, "",
            f"Como {nombre} no se pudo leer, no se pudo verificar {_QUE_SE_OMITE[nombre]}.",
            pista="Corrige primero los errores de ese archivo."))
    return avisos


def _aplicar_ajustes(problemas: list, ajustes) -> list:
    """Aplica la severidad que ruta.yaml fija por código (``validacion.reglas``)."""
    if ajustes is None or not ajustes.reglas:
        return problemas
    severidades = {codigo.upper(): sev for codigo, sev in ajustes.reglas.items()}
    resultado = []
    for p in problemas:
        nueva = severidades.get(p.codigo)
        if nueva == DESACTIVADA:
            continue
        resultado.append(p.con(severidad=nueva) if nueva else p)
    return resultado


definir("RM901", "verificacion-omitida", INFO, "validacion", """
    Un archivo no se pudo leer, así que las verificaciones que lo necesitan no se hicieron.

    Así un solo error no se multiplica en decenas de problemas: al corregirlo, la siguiente
    validación revisa lo que faltó.
""")

definir("RM902", "entradas-apartadas", INFO, "validacion", """
    Con `--fecha`, las entradas de la bitácora posteriores a ese día se dejan fuera (se dice cuántas).
""")

__all__ = ["Resultado", "validar", "ERROR", "AVISO", "INFO"]
