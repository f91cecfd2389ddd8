"""Leer las Rutas de una zona como tablas: el trabajo de ``ruta exportar`` antes de escribir.

La zona la descubre ``zona.descubrir`` (las Rutas bajo unas carpetas o las de un ``zona.yaml``),
así que ``ruta exportar`` ve las mismas Rutas, con la misma raíz y las mismas claves, que
``ruta zona`` y ``ruta informe --tipo zona``: la clave de cada Ruta (su carpeta relativa a la
raíz de la zona) es la llave de ``rutas``.

``leer_tablas`` valida cada Ruta en un proceso del pool (``nucleo.repartir``) y de cada una
vuelve solo un ``{tabla: filas}`` (``tablas.filas_de_ruta``), nunca el modelo: la memoria no
guarda ninguna Ruta entera, y las filas llegan en el orden de las claves (la misma exportación
con uno o con muchos procesos). Una Ruta que no se puede leer es una fila de ``rutas`` con su
problema, no una exportación rota. ``metadatos`` lleva el sello de la exportación, los datos de
``zona.yaml`` (si los hay) y el commit de cada Ruta (``zona.versiones_de``: dos preguntas a git
por repositorio, en este proceso).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from functools import partial
from pathlib import Path

from rutamejora import __version__
from rutamejora.intercambio.tablas import Limpiador, filas_de_ruta, fila_ilegible
from rutamejora.intercambio.tablas_esquema import PROBLEMAS, RUTAS, TABLAS, VERSION_ESQUEMA

HERRAMIENTA = "ruta exportar"
# Los datos de zona.yaml que van a ``metadatos`` (con el prefijo ``zona_``), en este orden.
DATOS_ZONA = ("nombre", "numero", "sector", "nivel")


@dataclass
class Exportacion:
    """Las filas de todas las tablas de una exportación, en el orden de las Rutas."""

    tablas: dict = field(default_factory=lambda: {t.nombre: [] for t in TABLAS})
    hoy: date | None = None

    @property
    def rutas(self) -> int:
        return len(self.tablas["rutas"])

    def inaccesibles(self) -> list[str]:
        """Las claves de las Rutas con un archivo que no se pudo abrir (RM012: permisos, una
        carpeta en su lugar): un problema del equipo, no de lo escrito (salida 2)."""
        codigo = PROBLEMAS.nombres.index("codigo")
        return sorted({f[0] for f in self.tablas.get("problemas", []) if f[codigo] == "RM012"})

    def con_errores(self) -> list[str]:
        """Las claves de las Rutas con errores de validación o que no se pudieron leer."""
        errores, problema = RUTAS.nombres.index("errores"), RUTAS.nombres.index("problema")
        return [f[0] for f in self.tablas["rutas"] if (f[errores] or 0) > 0 or f[problema]]


def leer_tablas(zona, hoy: date, fecha_explicita: bool = False, procesos: int | None = None,
                al_avanzar=None) -> Exportacion:
    """Las tablas de las Rutas de ``zona`` (una ``zona.Zona``, de ``zona.descubrir``).

    ``procesos`` ``None`` usa todos los núcleos; ``al_avanzar(hechas)`` se llama según terminan.
    """
    from rutamejora.nucleo import repartir
    from rutamejora.zona import versiones_de

    trabajo = partial(_filas_de_carpeta, hoy=hoy, fecha_explicita=fecha_explicita)
    elementos = [(ruta, zona.clave(ruta)) for ruta in zona.rutas]
    exportacion = Exportacion(hoy=hoy)
    for filas in repartir(trabajo, elementos, procesos, al_avanzar):
        for nombre, nuevas in filas.items():
            exportacion.tablas[nombre].extend(nuevas)
    versiones = versiones_de(zona.rutas)
    exportacion.tablas["metadatos"] = metadatos_generales(hoy) + metadatos_de_zona(zona) + [
        (clave, nombre, valor) for ruta, clave in elementos if ruta in versiones
        for nombre, valor in versiones[ruta].metadatos()]
    return exportacion


def metadatos_generales(hoy: date) -> list[tuple]:
    """Las filas de ``metadatos`` de toda la exportación (sin reloj: la fecha es ``--fecha``)."""
    return [(None, "herramienta", HERRAMIENTA), (None, "version", __version__),
            (None, "esquema", str(VERSION_ESQUEMA)), (None, "fecha", hoy.isoformat())]


def metadatos_de_zona(zona) -> list[tuple]:
    """``zona_nombre``, ``zona_numero``, ``zona_sector`` y ``zona_nivel`` de ``zona.yaml`` (los
    que trae), por el detector de datos personales como el nombre de una escuela."""
    limpiar = Limpiador(None)
    return [(None, f"zona_{dato}", limpiar(getattr(zona, dato), con_nombre=True))
            for dato in DATOS_ZONA if getattr(zona, dato, None)]


def _filas_de_carpeta(elemento: tuple[Path, str], hoy: date, fecha_explicita: bool) -> dict:
    # Una función de módulo (no una lambda): con ``spawn`` se manda al proceso por su nombre.
    from rutamejora.reglas import validar

    carpeta, clave = elemento
    try:
        resultado = validar(carpeta, hoy, fecha_explicita)
        filas = filas_de_ruta(clave, resultado.ruta, resultado.problemas, hoy)
    except Exception as exc:  # noqa: BLE001 - una Ruta que no se puede leer no rompe la zona
        motivo = str(exc) or type(exc).__name__
        filas = {"rutas": [fila_ilegible(clave, Limpiador(None)(f"No se pudo leer: {motivo}"))]}
    return filas


def escribir(exportacion: Exportacion, salida: Path, formato: str) -> None:
    """La exportación en ``salida`` en ``formato`` (``sqlite``, ``csv`` o ``xlsx``), de un golpe.

    Quien llama ya revisó el destino (``exportar_destino.revisar_destino``). openpyxl se importa
    solo aquí, con ``xlsx``."""
    if formato == "sqlite":
        from rutamejora.intercambio.exportar_sqlite import escribir_sqlite

        escribir_sqlite(salida, exportacion.tablas)
    elif formato == "csv":
        from rutamejora.intercambio.exportar_csv import escribir_csv

        escribir_csv(salida, exportacion.tablas)
    else:
        from rutamejora.intercambio.exportar_xlsx import escribir_xlsx

        escribir_xlsx(salida, exportacion.tablas, exportacion.hoy)
