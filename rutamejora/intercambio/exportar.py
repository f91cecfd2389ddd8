"""Leer las Rutas de una zona como tablas: el trabajo de ``ruta exportar`` antes de escribir.

``leer_zona`` valida cada Ruta en un proceso del pool (``nucleo.repartir``) y de cada una vuelve
solo un ``{tabla: filas}`` (``tablas.filas_de_ruta``), nunca el modelo: la memoria no guarda
ninguna Ruta entera, y las filas llegan en el orden de las carpetas (la misma exportación con
uno o con muchos procesos). Una Ruta que no se puede leer es una fila de ``rutas`` con su
problema, no una exportación rota.

La carpeta de cada Ruta, relativa a la raíz común de la zona, es su llave (``clave_relativa``);
el commit de cada Ruta (si está en git) va a ``metadatos`` (``exportar_git``: una pregunta a git
por repositorio, en este proceso).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from rutamejora import __version__
from rutamejora.intercambio.tablas import Limpiador, filas_de_ruta, fila_ilegible
from rutamejora.intercambio.tablas_esquema import RUTAS, TABLAS, VERSION_ESQUEMA

HERRAMIENTA = "ruta exportar"


@dataclass
class Zona:
    """Las filas de todas las tablas de una exportación, en el orden de las Rutas."""

    tablas: dict = field(default_factory=lambda: {t.nombre: [] for t in TABLAS})
    hoy: date | None = None

    @property
    def rutas(self) -> int:
        return len(self.tablas["rutas"])

    def con_errores(self) -> list[str]:
        """Las claves de las Rutas con errores de validación o que no se pudieron leer."""
        errores, problema = RUTAS.nombres.index("errores"), RUTAS.nombres.index("problema")
        return [f[0] for f in self.tablas["rutas"] if (f[errores] or 0) > 0 or f[problema]]


def raiz_comun(carpetas: list[Path]) -> Path:
    """La raíz de la zona: la carpeta común más profunda que está **encima** de cada Ruta.

    Con una sola Ruta (o una Ruta dentro de otra) es la carpeta que la contiene, para que la
    clave de cada Ruta nunca quede vacía. Se cambiará por la raíz de ``zona.yaml`` cuando exista.
    """
    absolutas = [Path(os.path.abspath(c)) for c in carpetas]
    try:
        raiz = Path(os.path.commonpath([str(c) for c in absolutas]))
    except ValueError:  # Windows: Rutas en dos unidades (C:, D:) no tienen raíz común
        return Path()
    while any(c == raiz for c in absolutas) and raiz.parent != raiz:
        raiz = raiz.parent
    return raiz


def clave_relativa(carpeta: Path, raiz: Path) -> str:
    """``escuelas/21DPR0487A/2025-2026``: la carpeta de la Ruta relativa a ``raiz``, con ``/``
    (sin raíz común, su camino entero)."""
    absoluta = Path(os.path.abspath(carpeta))
    try:
        return absoluta.relative_to(raiz).as_posix()
    except ValueError:
        return absoluta.as_posix()


def leer_zona(carpetas: list[Path], hoy: date, fecha_explicita: bool = False,
              procesos: int | None = None, al_avanzar=None) -> Zona:
    """Las tablas de las Rutas de ``carpetas`` (ya encontradas: ``formato.rutas_de_argumentos``).

    ``procesos`` ``None`` usa todos los núcleos; ``al_avanzar(hechas)`` se llama según terminan.
    """
    from rutamejora.nucleo import repartir

    from rutamejora.intercambio.exportar_git import commits_de

    raiz = raiz_comun(carpetas)
    trabajo = partial(_filas_de_carpeta, raiz=raiz, hoy=hoy, fecha_explicita=fecha_explicita)
    zona = Zona(hoy=hoy)
    for filas in repartir(trabajo, carpetas, procesos, al_avanzar):
        for nombre, nuevas in filas.items():
            zona.tablas[nombre].extend(nuevas)
    commits = commits_de(carpetas)
    zona.tablas["metadatos"] = metadatos_generales(hoy) + [
        (clave_relativa(c, raiz), clave, valor) for c in carpetas for clave, valor in commits.get(c, [])]
    return zona


def metadatos_generales(hoy: date) -> list[tuple]:
    """Las filas de ``metadatos`` de toda la exportación (sin reloj: la fecha es ``--fecha``)."""
    return [(None, "herramienta", HERRAMIENTA), (None, "version", __version__),
            (None, "esquema", str(VERSION_ESQUEMA)), (None, "fecha", hoy.isoformat())]


def _filas_de_carpeta(carpeta: Path, raiz: Path, hoy: date, fecha_explicita: bool) -> dict:
    # Una función de módulo (no una lambda): con ``spawn`` se manda al proceso por su nombre.
    from rutamejora.reglas import validar

    clave = clave_relativa(carpeta, raiz)
    try:
        resultado = validar(carpeta, hoy, fecha_explicita)
        filas = filas_de_ruta(clave, resultado.ruta, resultado.problemas, hoy)
    except Exception as exc:  # noqa: BLE001 - una Ruta que no se puede leer no rompe la zona
        motivo = str(exc) or type(exc).__name__
        filas = {"rutas": [fila_ilegible(clave, Limpiador(None)(f"No se pudo leer: {motivo}"))]}
    return filas


def escribir(zona: Zona, salida: Path, formato: str) -> None:
    """La exportación en ``salida`` en ``formato`` (``sqlite``, ``csv`` o ``xlsx``), de un golpe.

    Quien llama ya revisó el destino (``exportar_destino.revisar_destino``). openpyxl se importa
    solo aquí, con ``xlsx``."""
    if formato == "sqlite":
        from rutamejora.intercambio.exportar_sqlite import escribir_sqlite

        escribir_sqlite(salida, zona.tablas)
    elif formato == "csv":
        from rutamejora.intercambio.exportar_csv import escribir_csv

        escribir_csv(salida, zona.tablas)
    else:
        from rutamejora.intercambio.exportar_xlsx import escribir_xlsx

        escribir_xlsx(salida, zona.tablas, zona.hoy)
