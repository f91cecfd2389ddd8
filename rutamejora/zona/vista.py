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

Las **escuelas** se cuentan por su CCT (``ciclos.escuela_de``), nunca por sus Rutas; de las
Rutas repetidas (la misma CCT en un mismo ciclo: ``zona.repetidas``) suma una o ninguna. Una
cifra que no se sabe (``Fila.desconocidas``: su archivo no se pudo leer) no suma: los agregados
dicen de qué Rutas faltó cada una (``sin_contar``).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from functools import partial

from rutamejora.nucleo import repartir
from rutamejora.zona.ciclos import (TODOS, ciclo_por_omision, escuela_de, fuera_de_los_totales,
                                    separar)
from rutamejora.zona.descubrimiento import Zona
from rutamejora.zona.fila import DEPENDE, ESTADOS_META, Fila, fila_de
from rutamejora.zona.repetidas import no_suman, rutas_repetidas
from rutamejora.zona.version import versiones_de

# 3: una cifra que salió de un archivo que no se pudo leer es ``null`` (antes, 0: seis acciones
# «vencidas» de una bitácora ilegible); ``agregados.escuelas`` cuenta escuelas por su CCT (antes,
# Rutas: ahora en ``agregados.rutas``); las Rutas repetidas no suman dos veces (``repetidas``).
# 2: ``escuelas`` y los agregados son solo las Rutas del ciclo elegido (``ciclo``); las demás,
# en ``otros_ciclos``. En la 1 eran todas las Rutas leídas, sumadas.
VERSION_ESQUEMA = 3
# Las cifras de una fila (``fila.DEPENDE``) que suman en los agregados: de cada una, los agregados
# dicen de qué Rutas no se supo (``sin_contar``). Las demás (la última entrada de la bitácora,
# las sesiones registradas, el número de acciones) solo están en el renglón de cada Ruta.
SUMADAS = tuple(c for c in DEPENDE
                if c not in ("acciones", "ultima_bitacora", "sesiones_registradas"))


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
    escuelas: int = 0       # por su CCT (una ilegible, por su carpeta)
    rutas: int = 0          # las Rutas que suman
    legibles: int = 0       # de ellas, las legibles
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
    con_grupos: int = 0     # las escuelas cuyas prioridades se leyeron (el «de» de ``comunes``)
    sin_contar: dict = field(default_factory=dict)   # cifra → [clave] de las Rutas que no suman


@dataclass
class VistaZona:
    zona: Zona
    hoy: date
    filas: list                   # [Fila] que cuentan (las del ciclo), en orden de atención
    agregados: Agregados          # lo que suman ``filas``, sin las de ciclo ilegible
    ciclo: str = TODOS            # el ciclo elegido, o ``TODOS``
    otras: list = field(default_factory=list)   # [Fila] de otros ciclos, por clave: no suman
    repetidas: list = field(default_factory=list)   # [repetidas.Repetida]: la misma CCT y ciclo

    def suma(self, fila: Fila) -> bool:
        """¿Las cifras de ``fila`` suman en los agregados? No las de una Ruta sin ciclo legible
        ni las de una repetida que no es la de su escuela."""
        return not fuera_de_los_totales(fila, self.ciclo) and \
            fila.clave not in no_suman(self.repetidas)

    def codigo_de_salida(self) -> int:
        """Como ``ruta validar`` con varias Rutas (el mayor): 2 si un archivo de alguna Ruta no
        se pudo abrir (el equipo: permisos, una carpeta en su lugar); 1 si alguna Ruta tiene
        errores o no se pudo leer, o hay Rutas repetidas; 0 si no. Mira todas las Rutas leídas,
        también las de otros ciclos (su renglón aparte dice sus errores)."""
        leidas = [*self.filas, *self.otras]
        if any(f.inaccesible for f in leidas):
            return 2
        return 1 if self.repetidas or any(f.errores or not f.legible for f in leidas) else 0


def clave_de_atencion(fila: Fila) -> tuple:
    """El orden «necesita atención» (ver arriba): la fila que más lo necesita va primero."""
    # Una cifra que no se sabe cuenta como 0 aquí: la Ruta ya va arriba por sus errores.
    return (fila.legible, -fila.errores, -(fila.metas_en("no_lograda") + fila.metas_en("en_riesgo")),
            -(fila.acciones_vencidas or 0), -fila.sesiones_faltantes, -(fila.sobregiro > 0),
            -fila.metas_en("sin_datos"), -fila.avisos, fila.clave)


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
    vista = VistaZona(zona, hoy, cuentan, Agregados(), elegido, otras, rutas_repetidas(cuentan))
    # Una Ruta sin ciclo legible, o repetida, va en la tabla (con sus errores) pero no suma.
    vista.agregados = agregar([f for f in cuentan if vista.suma(f)])
    return vista


def _fila(elemento, hoy: date, fecha_explicita: bool) -> Fila:
    # Una función de módulo: con ``spawn`` viaja al proceso por su nombre.
    carpeta, clave = elemento
    return fila_de(carpeta, clave, hoy, fecha_explicita)


def agregar(filas: list[Fila]) -> Agregados:
    """Lo que suman las Rutas legibles ``filas``; las escuelas, por su CCT."""
    total = Agregados(escuelas=len({escuela_de(f) for f in filas}), rutas=len(filas))
    grupos: dict[str, GrupoMetas] = {}
    escuelas: dict[str, set] = {}     # (qué, nombre) → CCT de las escuelas que lo tienen
    riesgo, responsables = Counter(), Counter()
    legibles = [f for f in filas if f.legible]
    total.legibles = len(legibles)
    total.sin_contar = {c: [f.clave for f in legibles if not f.sabe(c)] for c in SUMADAS}
    total.sin_contar = {c: claves for c, claves in total.sin_contar.items() if claves}
    for fila in legibles:
        cct = escuela_de(fila)
        for estado, n in (fila.metas or {}).items():
            total.metas[estado] += n
        for nombre, estado in fila.grupos_metas:
            grupos.setdefault(nombre, GrupoMetas(nombre)).estados[estado] += 1
        for nombre in fila.grupos:
            grupos.setdefault(nombre, GrupoMetas(nombre))
            escuelas.setdefault(("grupo", nombre), set()).add(cct)
        for tipo, n in fila.riesgo.items():
            riesgo[tipo] += n
            escuelas.setdefault(("riesgo", tipo), set()).add(cct)
        for tipo, n in fila.responsables.items():
            responsables[tipo] += n
            escuelas.setdefault(("responsable", tipo), set()).add(cct)
        escuelas.setdefault(("marco", fila.marco_siglas or "sin marco"), set()).add(cct)
        if fila.sabe("grupos"):
            escuelas.setdefault(("con_grupos", ""), set()).add(cct)
        total.acciones_vencidas += fila.acciones_vencidas or 0
        total.presupuesto += fila.presupuesto
        total.planeado += fila.planeado or 0
        total.ejercido += fila.ejercido or 0
    _ordenar(total, grupos, escuelas, riesgo, responsables)
    return total


def _ordenar(total: Agregados, grupos: dict, escuelas: dict, riesgo: Counter,
             responsables: Counter) -> None:
    """Las listas de ``total``, de más a menos escuelas (o alumnos, o acciones)."""
    def n(que: str, nombre: str) -> int:
        return len(escuelas.get((que, nombre), ()))

    for g in grupos.values():
        g.escuelas = n("grupo", g.nombre)
    total.grupos = sorted(grupos.values(), key=lambda g: (-g.escuelas, -g.metas, g.nombre))
    total.riesgo = sorted(((t, a, n("riesgo", t)) for t, a in riesgo.items()),
                          key=lambda r: (-r[1], r[0]))
    comunes = [(g.nombre, g.escuelas) for g in grupos.values() if g.escuelas]
    total.comunes = sorted(comunes, key=lambda c: (-c[1], c[0]))[:5]
    total.responsables = sorted(((t, a, n("responsable", t)) for t, a in responsables.items()),
                                key=lambda r: (-r[1], r[0]))
    total.marcos = sorted(((m, len(e)) for (que, m), e in escuelas.items() if que == "marco"),
                          key=lambda m: (-m[1], m[0]))
    total.con_grupos = n("con_grupos", "")


__all__ = ["VistaZona", "Agregados", "GrupoMetas", "vista_zona", "agregar", "clave_de_atencion",
           "VERSION_ESQUEMA"]
