"""El modelo de una Ruta ya leída: sin E/S, solo los datos y lo que se deriva de ellos.

Cada objeto (meta, acción, entrada de la bitácora…) es un ``Registro`` de ``estructura`` con
un atributo por campo de ``esquema``. Aquí se juntan, se indexan por id y se derivan los
valores que usan las reglas, las vistas y los informes (costo total, periodos, fechas
reprogramadas), para que nadie los calcule dos veces ni de dos maneras.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

from rutamejora.catalogos import Calendario, Marco
from rutamejora.nucleo.registro import campo, registro

ARCHIVOS = ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml", "metas.yaml",
            "acciones.yaml", "bitacora.yaml")


@registro
class Ruta:
    """Una Ruta cargada. Lo que no se pudo leer queda vacío y su archivo fuera de ``legibles``."""

    carpeta: Path
    documentos: dict = campo(fabrica=dict)      # nombre → lectura.Documento
    legibles: set = campo(fabrica=set)          # archivos cuya estructura se leyó
    datos: object = None                                 # Registro de ruta.yaml
    diagnostico: object = None
    prioridades: list = campo(fabrica=list)
    no_atendidas: list = campo(fabrica=list)
    objetivos: list = campo(fabrica=list)
    metas: list = campo(fabrica=list)
    acciones: list = campo(fabrica=list)
    entradas: list = campo(fabrica=list)
    entradas_apartadas: list = campo(fabrica=list)  # posteriores a --fecha
    marco: Marco | None = None
    calendario: Calendario | None = None
    # El calendario de cada ciclo del horizonte (una Ruta de varios ciclos: pemc-2019).
    calendarios: dict = campo(fabrica=dict)
    plan: str | None = None
    campos: list = campo(fabrica=list)           # asignaturas o campos formativos

    # -- datos de la escuela --------------------------------------------------------------

    @property
    def ciclos(self) -> list[str]:
        """Los ciclos que abarca la Ruta: los de ``ciclos:`` o solo ``ciclo``."""
        if self.datos is None:
            return []
        if self.datos.ciclos:
            return list(self.datos.ciclos)
        return [self.datos.ciclo] if self.datos.ciclo else []

    @property
    def horizonte(self) -> tuple[date, date] | None:
        """Del primer día del primer ciclo al último día de clases del último (o ``None``)."""
        if not self.calendarios or any(c is None for c in self.calendarios.values()):
            return None
        return (min(c.inicio for c in self.calendarios.values()),
                max(c.fin for c in self.calendarios.values()))

    def en_horizonte(self, dia: date) -> bool:
        """¿Cae ``dia`` dentro de la Ruta? Sin calendario conocido, se da por bueno."""
        tramo = self.horizonte
        if tramo is None:
            return self.calendario is None or self.calendario.contiene(dia)
        return tramo[0] <= dia <= tramo[1]

    @property
    def escuela(self):
        return self.datos.escuela if self.datos is not None else None

    @property
    def ciclo(self) -> str | None:
        return self.datos.ciclo if self.datos is not None else None

    @property
    def nivel(self) -> str | None:
        return self.escuela.nivel if self.escuela is not None else None

    @property
    def colectivo(self) -> list:
        return (self.datos.colectivo or []) if self.datos is not None else []

    @property
    def comunidad(self) -> list:
        return (self.datos.comunidad or []) if self.datos is not None else []

    @property
    def fuentes(self) -> list:
        if self.datos is None or self.datos.presupuesto is None:
            return []
        return self.datos.presupuesto.fuentes or []

    @property
    def necesidades(self) -> list:
        return (self.diagnostico.necesidades or []) if self.diagnostico is not None else []

    # -- índices por id -------------------------------------------------------------------

    def hay_ids_invalidos(self, tipo: str) -> bool:
        """¿Algún objeto de este tipo tiene un id mal escrito o repetido (ya informado)?

        Entonces una referencia que no resuelve pudo ser a ese objeto: acusarla repetiría el
        mismo error (un `M1` copiado que debía ser `M2` no da ocho problemas, da uno)."""
        objetos = self._objetos(tipo)
        ids = [o.id for o in objetos if o.id is not None]
        return any(o.invalido("id") for o in objetos) or len(ids) != len(set(ids))

    def por_id(self, tipo: str) -> dict:
        """``{id: objeto}`` de un tipo (el primero gana si hay ids repetidos)."""
        indice: dict = {}
        for o in self._objetos(tipo):
            if o.id is not None and o.id not in indice:
                indice[o.id] = o
        return indice

    def _objetos(self, tipo: str) -> list:
        return {
            "prioridad": self.prioridades, "objetivo": self.objetivos, "meta": self.metas,
            "accion": self.acciones, "necesidad": self.necesidades, "fuente": self.fuentes,
            "responsable": self.colectivo + self.comunidad,
        }[tipo]


# --- Derivados -----------------------------------------------------------------------------


def costo_total(accion) -> Decimal | None:
    """El costo de la acción en pesos: el total, o lo periódico multiplicado por sus periodos."""
    costo = accion.costo
    if costo is None or isinstance(costo, Decimal):
        return costo
    if costo.total is not None:
        return costo.total
    if costo.por_semana is not None and costo.semanas is not None:
        return costo.por_semana * costo.semanas
    if costo.por_mes is not None and costo.meses is not None:
        return costo.por_mes * costo.meses
    return None


def periodos(accion) -> list[tuple[date, date]]:
    """Los periodos planeados de la acción: ``inicio``–``fin`` o la lista ``periodos``."""
    if accion.periodos:
        return [(p.inicio, p.fin) for p in accion.periodos if p.inicio and p.fin]
    if accion.inicio and accion.fin:
        return [(accion.inicio, accion.fin)]
    return []


# --- Seguimiento: lo que la bitácora dice de cada acción y meta ------------------------------


def _indice(ruta: Ruta, campo: str, atributo: str) -> dict:
    """``{id: [(entrada, elemento)]}`` en orden de fecha, construido una vez por Ruta.

    Las reglas y vistas preguntan por cada acción y meta: recorrer la bitácora entera en cada
    pregunta haría cuadrático el costo en Rutas grandes. Si ``entradas`` cambia (``--fecha``
    las aparta), el índice se rehace.
    """
    cache = ruta.__dict__.setdefault("_indices", {})
    firma = (id(ruta.entradas), len(ruta.entradas))
    if campo not in cache or cache[campo][0] != firma:
        indice: dict = {}
        for e in sorted(ruta.entradas, key=lambda e: e.fecha or date.min):
            for elemento in getattr(e, campo) or []:
                indice.setdefault(getattr(elemento, atributo), []).append((e, elemento))
        cache[campo] = (firma, indice)
    return cache[campo][1]


def registros(ruta: Ruta, accion_id: str) -> list:
    """``[(entrada, registro)]`` de una acción, en orden de fecha (el último manda)."""
    return list(_indice(ruta, "acciones", "accion").get(accion_id, ()))


def fin_vigente(ruta: Ruta, accion) -> date | None:
    """El último día de la acción: la fecha reprogramada más reciente o la planeada."""
    for _, r in reversed(registros(ruta, accion.id)):
        if r.nuevo_fin is not None:
            return r.nuevo_fin
    tramos = periodos(accion)
    return max(fin for _, fin in tramos) if tramos else None


def estado_actual(ruta: Ruta, accion) -> str | None:
    """El estado del registro más reciente de la acción (``None`` si no tiene registros)."""
    regs = registros(ruta, accion.id)
    return regs[-1][1].estado if regs else None


def gasto_total(ruta: Ruta, accion) -> Decimal:
    """Lo ejercido en la acción según la bitácora (suma exacta de sus gastos)."""
    return sum((r.gasto for _, r in registros(ruta, accion.id) if r.gasto is not None), Decimal(0))


def mediciones(ruta: Ruta, meta_id: str) -> list:
    """``[(entrada, medicion)]`` de una meta, en orden de fecha."""
    return list(_indice(ruta, "mediciones", "meta").get(meta_id, ()))


# Las palabras del formato base, para una Ruta cuyo marco no se pudo leer.
_SIN_MARCO = Marco(clave="", nombre="", datos={}, origen=None)


def marco_de(ruta) -> Marco:
    """El marco de la Ruta, o uno vacío que habla con las palabras del formato base."""
    return ruta.marco if ruta.marco is not None else _SIN_MARCO
