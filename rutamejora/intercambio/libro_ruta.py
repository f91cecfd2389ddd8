"""El libro de ``ruta exportar`` de vuelta a Ruta: un lector exacto, por nombres de campo e ids.

``ruta importar plan`` lee los formatos de las escuelas por sinónimos de sus encabezados
(``plan``); el libro que escribe ``ruta exportar`` no necesita adivinarse: lo reconoce su sello
(el autor «ruta exportar» del libro y su primera hoja, «Escuela») y cada hoja se lee por los
nombres de los campos del formato que lleva como encabezados (``exportar_hojas``). Así la ida y
vuelta devuelve el mismo plan y los mismos registros de la bitácora.

Lo que el libro a propósito no lleva no se inventa: los nombres del personal y de los órganos de
la comunidad (el libro los cita por clave y función) quedan «por llenar», y el diagnóstico queda
como lo escribe ``ruta nueva``, con cada necesidad que citan las prioridades por llenar. Un libro
de zona (hoja «Escuelas», varias Rutas) es un error de uso: se importa una Ruta por carpeta.
"""

from __future__ import annotations

import io
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

from rutamejora.intercambio.exportar_hojas import encabezado
from rutamejora.intercambio.tablas_esquema import POR_NOMBRE
from rutamejora.nucleo.expresiones import compilar

AUTOR = "ruta exportar"
POR_LLENAR = "por llenar"
# Las hojas de la exportación, por su título (la segunda, la de las prioridades, toma el nombre
# de su marco: se lee por su lugar).
_HOJAS = {"no_atendidas": "No atendidas", "objetivos": "Objetivos", "metas": "Metas", "acciones": "Acciones",
          "responsables": "Responsables", "fuentes": "Fuentes", "entradas": "Bitácora",
          "avances": "Avances", "mediciones": "Mediciones", "acuerdos": "Acuerdos",
          "ingresos": "Ingresos", "ajustes": "Ajustes",
          "rasgos": "Rasgos", "balances": "Balance"}
_PESOS = Decimal("0.01")
_QUE_ES = {"fecha": "una fecha (dd/mm/aaaa)", "centavos": "una cantidad en pesos",
           "numero": "un número", "entero": "un número entero", "texto": "un texto"}


class LibroInvalido(Exception):
    """El libro de ``ruta exportar`` no se puede importar así (uno de zona): error de uso."""


@dataclass
class Libro:
    """Lo que trae un libro de ``ruta exportar``: la escuela y ``{tabla: [fila como dict]}``."""

    escuela: dict
    tablas: dict = field(default_factory=dict)


def es_libro_de_ruta(archivo: Path) -> bool:
    """¿Es ``archivo`` un libro escrito por ``ruta exportar``? (su autor y su primera hoja)."""
    if archivo.suffix.lower() != ".xlsx" or not archivo.is_file():
        return False
    from openpyxl import load_workbook

    try:
        libro = load_workbook(io.BytesIO(archivo.read_bytes()), read_only=True)
    except Exception:  # noqa: BLE001 - uno ilegible lo reporta el lector de formatos escolares
        return False
    try:
        return libro.properties.creator == AUTOR and libro.sheetnames[:1] in (["Escuela"], ["Escuelas"])
    finally:
        libro.close()


def leer_libro(archivo: Path) -> Libro:
    """Lee el libro de una Ruta; ``LibroInvalido`` si es el de una zona o una celda no se entiende."""
    from openpyxl import load_workbook

    libro = load_workbook(io.BytesIO(archivo.read_bytes()), read_only=True, data_only=True)
    try:
        if libro.sheetnames[0] == "Escuelas":
            filas = [f for f in libro["Escuelas"].iter_rows(values_only=True) if any(f)]
            raise LibroInvalido(
                f"{archivo}: es el libro de una zona (hoja «Escuelas»); `ruta importar plan` escribe "
                "una Ruta por carpeta. Exporta la Ruta sola (`ruta exportar CARPETA_DE_LA_RUTA -o "
                f"ruta.xlsx`) e importa ese libro. El libro trae {max(len(filas) - 1 - _sello(filas), 0)} Rutas.")
        escuela = {str(f[0]): (f[1] if len(f) > 1 else None)
                   for f in _renglones(libro["Escuela"])[1:] if f[0] is not None}
        try:
            tablas = {"prioridades": _tabla(libro[libro.sheetnames[1]], "prioridades")}
            for nombre, titulo in _HOJAS.items():
                tablas[nombre] = _tabla(libro[titulo], nombre) if titulo in libro.sheetnames else []
        except LibroInvalido as exc:
            raise LibroInvalido(f"{archivo}: {exc}") from None
    finally:
        libro.close()
    return Libro(escuela, tablas)


def _sello(filas: list) -> int:
    """Cuántos renglones de sello («clave: valor», una sola celda) hay sobre los encabezados."""
    return sum(1 for f in filas if sum(v is not None for v in f) == 1 and ": " in str(f[0]))


def _renglones(hoja) -> list[tuple]:
    return [f for f in hoja.iter_rows(values_only=True) if any(v is not None for v in f)]


def _tabla(hoja, nombre: str) -> list[dict]:
    """Las filas de una hoja como ``{columna del esquema: valor neutro}`` (por su encabezado)."""
    renglones = _renglones(hoja)
    if not renglones:
        return []
    tabla = POR_NOMBRE[nombre]
    tipos = {encabezado(c): (c, t) for c, t, _ in tabla.columnas}
    cabeza = [tipos.get(str(c)) for c in renglones[0]]
    filas = []
    for n, renglon in enumerate(renglones[1:], start=2):
        fila = {}
        for columna, valor in zip(cabeza, renglon):
            if columna is None:
                continue
            try:
                fila[columna[0]] = _valor(columna[1], valor)
            except (ValueError, ArithmeticError):
                raise LibroInvalido(
                    f"hoja «{hoja.title}», renglón {n}, columna {encabezado(columna[0])}: «{valor}» no es "
                    f"{_QUE_ES[columna[1]]}. Corrígelo en el libro y vuelve a importarlo.") from None
        filas.append(fila)
    return filas


def _valor(tipo: str, valor):
    """Una celda como valor neutro: fechas ``date``, dinero ``Decimal`` en pesos, números
    ``Decimal`` exactos, enteros ``int`` y textos ``str`` (vacío: ``None``)."""
    if valor is None or valor == "":
        return None
    if tipo == "fecha":
        if isinstance(valor, datetime):
            return valor.date()
        return valor if isinstance(valor, date) else date.fromisoformat(str(valor)[:10])
    if tipo == "centavos":
        return Decimal(repr(valor) if isinstance(valor, float) else str(valor)).quantize(_PESOS)
    if tipo == "numero":
        return Decimal(repr(valor) if isinstance(valor, float) else str(valor)).normalize()
    if tipo == "entero":
        return int(valor)
    return str(valor)


def lista(texto: str | None, separador: str = ",") -> list[str]:
    """«A1, A2» → ``["A1", "A2"]``; ``None`` → ``[]``."""
    return [p.strip() for p in (texto or "").split(separador) if p.strip()]


# Un texto de una celda de textos libres: caracteres que no son «;» y «;;» (un «;» del texto).
_LIBRE = compilar(r"(?:[^;]|;;)*")


def partir_libres(texto: str | None, vacios: bool = False) -> list[str]:
    """Lo que ``tablas.juntar_libres`` juntó: «Lista; Fotos;; sin rostros» → ``["Lista", "Fotos;
    sin rostros"]``. Cada «;» solo separa y cada «;;» es un «;» del texto. Sin ``vacios``, los
    textos vacíos no cuentan (con ``vacios``, sí: los nombres de los periodos van alineados)."""
    if not texto:
        return []
    partes, i = [], 0
    while True:
        m = _LIBRE.match(texto, i)
        partes.append(m.group().replace(";;", ";").strip())
        if m.end() >= len(texto):
            break
        i = m.end() + 1   # el «;» que separa
    return partes if vacios else [p for p in partes if p]
