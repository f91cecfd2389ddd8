"""La vista de la zona: una fila por escuela (en el pool), su orden de atención y los agregados.

``vista_zona(zona, hoy)`` reparte las Rutas entre los procesos (``nucleo.repartir``: todos los
núcleos, orden estable, memoria plana) con ``fila.fila_de`` y ordena las filas por
**necesita atención**, de más a menos (cada criterio desempata el anterior):

1. una Ruta que no se pudo leer;
2. más errores de ``ruta validar``;
3. más metas no logradas o en riesgo (``vistas.avance_meta``);
4. más acciones vencidas;
5. más sesiones del CTE celebradas sin registro en la bitácora;
6. lo ejercido pasa del presupuesto;
7. más metas sin datos;
8. más avisos de ``ruta validar``;
9. la clave de la Ruta (su carpeta), en orden alfabético.

Los agregados (``Agregados``) suman lo que las escuelas trabajan: metas por lo que agrupa cada
marco (prioridad, ámbito) con cuántas escuelas y en qué estado, alumnos en riesgo (solo
conteos), las prioridades y ámbitos más comunes y las acciones por tipo de responsable.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial

from rutamejora.nucleo import repartir
from rutamejora.zona.ciclos import TODOS, ciclo_por_omision, fuera_de_los_totales, separar
from rutamejora.zona.descubrimiento import Zona
from rutamejora.zona.fila import ESTADOS_META, Fila, fila_de
from rutamejora.zona.version import versiones_de

# 2: ``escuelas`` y los agregados son solo las Rutas del ciclo elegido (``ciclo``); las demás,
# en ``otros_ciclos``. En la 1 eran todas las Rutas leídas, sumadas.
VERSION_ESQUEMA = 2


@dataclass
class GrupoMetas:
    """Las metas de la zona que trabajan una misma cosa (un valor del catálogo de un marco)."""

    nombre: str
    escuelas: int = 0
    estados: dict = field(default_factory=lambda: dict.fromkeys(ESTADOS_META, 0))

    @property
    def metas(self) -> int:
        return sum(self.estados.values())

    @property
    def encaminadas(self) -> int:
        """Las que van bien: logradas o en camino."""
        return self.estados["lograda"] + self.estados["en_camino"]


@dataclass
class Agregados:
    escuelas: int = 0
    legibles: int = 0
    metas: dict = field(default_factory=lambda: dict.fromkeys(ESTADOS_META, 0))
    grupos: list = field(default_factory=list)          # [GrupoMetas], de más a menos escuelas
    riesgo: list = field(default_factory=list)          # [(tipo, alumnos, escuelas)]
    comunes: list = field(default_factory=list)         # [(grupo, escuelas)], las más comunes
    responsables: list = field(default_factory=list)    # [(tipo, acciones, escuelas)]
    marcos: list = field(default_factory=list)          # [(siglas, escuelas)]
    acciones_vencidas: int = 0
    presupuesto: Decimal = Decimal(0)
    planeado: Decimal = Decimal(0)
    ejercido: Decimal = Decimal(0)


@dataclass
class VistaZona:
    zona: Zona
    hoy: date
    filas: list                   # [Fila] que cuentan (las del ciclo), en orden de atención
    agregados: Agregados          # lo que suman ``filas``, sin las de ciclo ilegible
    ciclo: str = TODOS            # el ciclo elegido, o ``TODOS``
    otras: list = field(default_factory=list)   # [Fila] de otros ciclos, por clave: no suman


def clave_de_atencion(fila: Fila) -> tuple:
    """El orden «necesita atención» (ver arriba): la fila que más lo necesita va primero."""
    return (fila.legible, -fila.errores, -(fila.metas["no_lograda"] + fila.metas["en_riesgo"]),
            -fila.acciones_vencidas, -fila.sesiones_faltantes, -(fila.sobregiro > 0),
            -fila.metas["sin_datos"], -fila.avisos, fila.clave)


def vista_zona(zona: Zona, hoy: date, fecha_explicita: bool = False,
               procesos: int | None = None, al_avanzar=None,
               con_version: bool = False, ciclo: str | None = None) -> VistaZona:
    """Las filas de las Rutas de ``zona`` del ``ciclo`` al día ``hoy``, en orden de atención, y
    sus agregados; las Rutas de otros ciclos, aparte (``zona.ciclos.separar``).

    ``ciclo``: ``AAAA-AAAA``, ``TODOS`` o ``None`` (el que contiene ``hoy``, o el más reciente
    con Rutas: ``zona.ciclos.ciclo_por_omision``). Lanza
    ``CicloSinRutas`` si ninguna Ruta legible es de ese ciclo. ``con_version`` agrega a cada
    fila el commit de su Ruta (``zona.version.versiones_de``: dos llamadas a git por
    repositorio, en este proceso, no por Ruta en el pool).
    """
    trabajo = partial(_fila, hoy=hoy, fecha_explicita=fecha_explicita)
    elementos = [(ruta, zona.clave(ruta)) for ruta in zona.rutas]
    filas = repartir(trabajo, elementos, procesos, al_avanzar)
    if con_version:
        # ``repartir`` devuelve las filas en el orden de ``elementos``: la de cada Ruta.
        versiones = versiones_de(zona.rutas)
        for ruta, fila in zip(zona.rutas, filas):
            fila.version = versiones.get(ruta)
    elegido = ciclo or ciclo_por_omision(filas, hoy)
    cuentan, otras = separar(filas, elegido, None if ciclo else hoy)
    cuentan.sort(key=clave_de_atencion)
    # Una Ruta sin ciclo legible va en la tabla (con sus errores) pero no en los totales.
    suman = [f for f in cuentan if not fuera_de_los_totales(f, elegido)]
    return VistaZona(zona, hoy, cuentan, agregar(suman), elegido, otras)


def _fila(elemento, hoy: date, fecha_explicita: bool) -> Fila:
    # Una función de módulo: con ``spawn`` viaja al proceso por su nombre.
    carpeta, clave = elemento
    return fila_de(carpeta, clave, hoy, fecha_explicita)


def agregar(filas: list[Fila]) -> Agregados:
    """Lo que suman las escuelas legibles de la zona."""
    total = Agregados(escuelas=len(filas))
    grupos: dict[str, GrupoMetas] = {}
    riesgo, riesgo_escuelas = Counter(), Counter()
    comunes, responsables, responsables_escuelas, marcos = Counter(), Counter(), Counter(), Counter()
    for fila in filas:
        if not fila.legible:
            continue
        total.legibles += 1
        for estado, n in fila.metas.items():
            total.metas[estado] += n
        for nombre, estado in fila.grupos_metas:
            grupos.setdefault(nombre, GrupoMetas(nombre)).estados[estado] += 1
        for nombre in fila.grupos:
            grupos.setdefault(nombre, GrupoMetas(nombre)).escuelas += 1
            comunes[nombre] += 1
        for tipo, n in fila.riesgo.items():
            riesgo[tipo] += n
            riesgo_escuelas[tipo] += 1
        for tipo, n in fila.responsables.items():
            responsables[tipo] += n
            responsables_escuelas[tipo] += 1
        marcos[fila.marco_siglas or "sin marco"] += 1
        total.acciones_vencidas += fila.acciones_vencidas
        total.presupuesto += fila.presupuesto
        total.planeado += fila.planeado
        total.ejercido += fila.ejercido
    total.grupos = sorted(grupos.values(), key=lambda g: (-g.escuelas, -g.metas, g.nombre))
    total.riesgo = sorted(((t, n, riesgo_escuelas[t]) for t, n in riesgo.items()),
                          key=lambda r: (-r[1], r[0]))
    total.comunes = sorted(comunes.items(), key=lambda c: (-c[1], c[0]))[:5]
    total.responsables = sorted(((t, n, responsables_escuelas[t]) for t, n in responsables.items()),
                                key=lambda r: (-r[1], r[0]))
    total.marcos = sorted(marcos.items(), key=lambda m: (-m[1], m[0]))
    return total


__all__ = ["VistaZona", "Agregados", "GrupoMetas", "vista_zona", "agregar", "clave_de_atencion",
           "VERSION_ESQUEMA"]
