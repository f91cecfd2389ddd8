"""Las hojas del libro de Excel, sin Excel: qué hojas hay, con qué encabezados, tipos y filas.

De las tablas neutras (``tablas_esquema``) salen:

- **Escuela** (una Ruta): la escuela campo por campo y el sello (herramienta, versión, esquema,
  fecha, commit). **Escuelas** (una zona): una fila por Ruta con su commit, bajo el sello.
- una hoja por parte del plan: prioridades (con el nombre de su marco: «Ámbitos»,
  «Problemáticas»), las que no se atienden, objetivos, metas, acciones, responsables y fuentes;
- el seguimiento como matriz: una columna por sesión del CTE (``Sesión 1``… y ``Evaluación
  final``) con el avance de cada acción y la medición de cada meta;
- y al lado, la bitácora entera, un renglón por registro: entradas, avances (con evidencias,
  gasto, comprobante y notas), mediciones, acuerdos, ingresos, ajustes, rasgos valorados y balances; y los problemas.

Los encabezados son los nombres de los campos del formato (``actividad``, ``linea_base``,
``fecha_limite``), para que ``ruta importar plan`` lea el libro de vuelta; el dinero va en pesos
con encabezado sin ``_centavos`` (``costo``, ``gasto``, ``monto``). Con una zona, cada hoja lleva
primero la columna ``ruta``; con una sola Ruta, no.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from rutamejora.intercambio.tablas_esquema import POR_NOMBRE, RUTAS
from rutamejora.nucleo.textos import ciclo_escolar

# Las tablas que van como hoja, con su título, en orden; ``prioridades`` toma el de su marco.
_PARTES = (("prioridades", "Prioridades"), ("no_atendidas", "No atendidas"), ("objetivos", "Objetivos"), ("metas", "Metas"),
           ("acciones", "Acciones"), ("responsables", "Responsables"), ("fuentes", "Fuentes"))
_BITACORA = (("entradas", "Bitácora"), ("avances", "Avances"), ("mediciones", "Mediciones"),
             ("acuerdos", "Acuerdos"), ("ingresos", "Ingresos"), ("ajustes", "Ajustes"),
             ("rasgos", "Rasgos"), ("balances", "Balance"), ("problemas", "Problemas"))
_PLURAL = {"ámbito": "Ámbitos", "problemática": "Problemáticas", "prioridad": "Prioridades"}
FINAL = "Evaluación final"


@dataclass
class Hoja:
    """Una hoja: título, encabezados, el tipo neutro de cada columna y sus filas."""

    titulo: str
    encabezados: list
    tipos: list
    filas: list
    sello: list | None = None    # renglones sobre la tabla (solo la primera hoja de una zona)


def hojas(tablas: dict) -> list[Hoja]:
    """Las hojas del libro, en orden, de las tablas de una exportación."""
    zona = len(tablas["rutas"]) != 1
    resultado = [_escuelas(tablas) if zona else _escuela(tablas)]
    for nombre, titulo in _PARTES:
        if nombre == "prioridades" and not zona and tablas["prioridades"]:
            titulo = _PLURAL.get(tablas["prioridades"][0][4], titulo)
        resultado.append(_de_tabla(nombre, titulo, tablas, zona))
    resultado.append(_seguimiento_acciones(tablas, zona))
    resultado.append(_seguimiento_metas(tablas, zona))
    resultado.extend(_de_tabla(nombre, titulo, tablas, zona) for nombre, titulo in _BITACORA)
    return resultado


def encabezado(columna: str) -> str:
    """El encabezado de una columna: su nombre, sin ``_centavos`` (la hoja muestra pesos)."""
    return columna.removesuffix("_centavos")


def _de_tabla(nombre: str, titulo: str, tablas: dict, zona: bool) -> Hoja:
    tabla = POR_NOMBRE[nombre]
    desde = 0 if zona else 1
    columnas = tabla.columnas[desde:]
    return Hoja(titulo, [encabezado(c[0]) for c in columnas], [c[1] for c in columnas],
                [fila[desde:] for fila in tablas.get(nombre, [])])


def _sello(tablas: dict) -> list[tuple[str, str]]:
    return [(c, v) for r, c, v in tablas["metadatos"] if r is None]


def _commits(tablas: dict) -> dict:
    por_ruta: dict = {}
    for ruta, clave, valor in tablas["metadatos"]:
        if ruta is not None:
            por_ruta.setdefault(ruta, {})[clave] = valor
    return por_ruta


def _escuela(tablas: dict) -> Hoja:
    """Una Ruta: ``campo | valor``, la escuela y luego el sello."""
    fila = tablas["rutas"][0]
    filas = list(zip(RUTAS.nombres, fila)) + _sello(tablas)
    filas += list(_commits(tablas).get(fila[0], {}).items())
    return Hoja("Escuela", ["campo", "valor"], ["texto", "texto"], filas)


def _escuelas(tablas: dict) -> Hoja:
    """Una zona: el sello arriba y una fila por Ruta, con su commit."""
    commits = _commits(tablas)
    extra = ("commit", "fecha_commit", "cambios_sin_confirmar")
    filas = [(*f, *(commits.get(f[0], {}).get(c) for c in extra)) for f in tablas["rutas"]]
    return Hoja("Escuelas", [c[0] for c in RUTAS.columnas] + list(extra),
                [c[1] for c in RUTAS.columnas] + ["texto", "fecha", "texto"], filas,
                sello=[f"{c}: {v}" for c, v in _sello(tablas)])


def ciclo_de(dia: str) -> str:
    """El ciclo escolar de una fecha ISO: de agosto a julio («2025-09-26» → «2025-2026»)."""
    return ciclo_escolar(date(int(dia[:4]), int(dia[5:7]), 1))


def _columna(fila, tipo, varios_ciclos: bool) -> tuple | None:
    """La columna de seguimiento de un registro: ``(ciclo, orden, título)`` de «Sesión N» o
    «Evaluación final», o ``None`` (un registro suelto solo está en la bitácora). En una Ruta
    de varios ciclos cada sesión lleva su ciclo: la sesión 1 de cada año es otra."""
    if fila[3] is not None:
        orden, titulo = fila[3], f"Sesión {fila[3]}"
    elif tipo == "evaluacion_final":
        orden, titulo = 99, FINAL
    else:
        return None
    if not varios_ciclos or fila[2] is None:
        return ("", orden, titulo)
    ciclo = ciclo_de(fila[2])
    return (ciclo, orden, f"{titulo} ({ciclo})")


def _matriz(tablas: dict, origen: str, id_col: int, valor) -> tuple[dict, list[str]]:
    """``{(ruta, id): {título: valor}}`` de los registros de ``origen`` (el último manda) y
    los títulos de las columnas, en orden de ciclo y de sesión."""
    tipos = {(e[0], e[1]): e[4] for e in tablas["entradas"]}
    varios = {r[0] for r in tablas["rutas"] if r[7] and "," in r[7]}
    celdas: dict = {}
    columnas: set = set()
    for fila in tablas[origen]:
        columna = _columna(fila, tipos.get((fila[0], fila[1])), fila[0] in varios)
        if columna is not None:
            columnas.add(columna)
            celdas.setdefault((fila[0], fila[id_col]), {})[columna[2]] = valor(fila)
    return celdas, [titulo for _, _, titulo in sorted(columnas)]


def _seguimiento_acciones(tablas: dict, zona: bool) -> Hoja:
    """Una fila por acción; por sesión, su avance (o su estado si no anotó avance)."""
    celdas, sesiones = _matriz(tablas, "avances", 4, lambda f: f[6] if f[6] is not None else f[5])
    filas = []
    for a in tablas["acciones"]:
        por = celdas.get((a[0], a[1]), {})
        base = (a[0], a[1], a[3]) if zona else (a[1], a[3])
        filas.append((*base, *(por.get(s) for s in sesiones), a[15], a[16]))
    cabeza = (["ruta"] if zona else []) + ["accion", "actividad"]
    return Hoja("Seguimiento acciones", cabeza + sesiones + ["estado", "avance"],
                ["texto"] * len(cabeza) + ["entero"] * len(sesiones) + ["texto", "entero"], filas)


def _seguimiento_metas(tablas: dict, zona: bool) -> Hoja:
    """Una fila por meta; por sesión, la medición de su indicador."""
    celdas, sesiones = _matriz(tablas, "mediciones", 4, lambda f: f[5])
    filas = []
    for m in tablas["metas"]:
        por = celdas.get((m[0], m[1]), {})
        base = (m[0], m[1], m[3]) if zona else (m[1], m[3])
        filas.append((*base, m[9], m[10], *(por.get(s) for s in sesiones), m[15]))
    cabeza = (["ruta"] if zona else []) + ["meta", "descripcion", "linea_base", "valor_meta"]
    return Hoja("Seguimiento metas", cabeza + sesiones + ["estado"],
                ["texto"] * (len(cabeza) - 2) + ["numero", "numero"] + ["numero"] * len(sesiones)
                + ["texto"], filas)
