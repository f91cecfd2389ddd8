"""Qué Rutas forman una zona: las que hay bajo unas carpetas, o las que lista un ``zona.yaml``.

``descubrir(carpetas)`` es la única puerta: ``ruta zona``, ``ruta exportar`` y ``ruta informe
--tipo zona`` leen la zona con ella, así que todas ven las mismas Rutas en el mismo orden y
con la misma clave.

- Sin ``zona.yaml``, las Rutas son las que ``formato.rutas_de_argumentos`` encuentra bajo las
  carpetas dadas, en cualquier disposición (``escuelas/<CCT>/<ciclo>/`` u otra) y en varios
  repositorios lado a lado.
- Una carpeta dada con un ``zona.yaml`` (sin carpetas: la actual) toma de él el nombre, el
  número, el sector y el nivel de la zona y las carpetas de sus escuelas (cada una puede ser una
  Ruta o tener varias, p. ej. un ciclo por subcarpeta). Lo que no está en la lista no es de la
  zona, aunque esté bajo la carpeta.
- La **raíz** de la zona es la carpeta del ``zona.yaml`` o la carpeta común de las dadas; si
  esa carpeta es una de las Rutas, la de arriba (así la clave nunca es ``.``). Sin carpeta
  común (dos unidades en Windows), no hay raíz y la clave es el camino entero.
- La **clave** de una Ruta es su carpeta relativa a la raíz, con ``/`` en todo sistema
  (``escuelas/21DPR0487A/2025-2026``). Dos Rutas nunca comparten clave; una Ruta copiada que
  repite CCT y ciclo sí se distingue por ella. Las Rutas van ordenadas por clave.

Un ``zona.yaml`` mal escrito lanza ``ZonaInvalida`` con el archivo, la línea y una pista; una
carpeta sin Rutas, ``formato.NoEsRuta`` (los dos son errores de uso: salida 2).
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

from rutamejora.formato import (NoEsRuta, buscar_rutas, rutas_de_argumentos, sugerir,
                                traducir_error_yaml)
from rutamejora.nucleo import NoEsRegular, fecha_imposible, leer_regular, razon
from rutamejora.privacidad import claves_sin_datos

ARCHIVO_ZONA = "zona.yaml"
NIVELES = ("preescolar", "primaria", "secundaria")
# Las claves de zona.yaml: qué es cada una (para las pistas y para docs/zona.md).
CAMPOS_ZONA = {
    "nombre": "el nombre de la zona («Zona escolar 045»)",
    "numero": "el número de la zona",
    "sector": "el sector al que pertenece",
    "nivel": "el nivel de sus escuelas (preescolar, primaria o secundaria)",
    "escuelas": "la lista de carpetas de sus escuelas, relativas a zona.yaml",
}
_TOPE_ZONA = 1024 * 1024


class ZonaInvalida(Exception):
    """Un ``zona.yaml`` que no se puede usar: el mensaje dice archivo, línea y qué escribir."""


@dataclass
class Zona:
    """Las Rutas de una zona y, si hay ``zona.yaml``, sus datos (si no, vacíos)."""

    raiz: Path | None               # None: sin raíz común (dos unidades en Windows)
    rutas: list[Path] = field(default_factory=list)
    nombre: str | None = None
    numero: str | None = None
    sector: str | None = None
    nivel: str | None = None
    archivo: Path | None = None    # el zona.yaml leído, o None
    _claves: dict | None = field(default=None, repr=False, compare=False)

    def clave(self, ruta: Path) -> str:
        """La carpeta de ``ruta`` relativa a la raíz de la zona, con ``/`` (``clave_de``), sin
        datos personales (``privacidad.claves_sin_datos``): es la llave de cada fila de una
        exportación, de ``ruta zona`` y del informe de zona, y la misma carpeta da la misma."""
        if self._claves is None or ruta not in self._claves:
            claves = {r: clave_de(self.raiz, r) for r in (*self.rutas, ruta)}
            sin_datos = claves_sin_datos(claves.values())
            self._claves = {r: sin_datos[c] for r, c in claves.items()}
        return self._claves[ruta]


def clave_de(raiz: Path | None, ruta: Path) -> str:
    """La carpeta ``ruta`` relativa a ``raiz``, con ``/``; la ruta absoluta si no está debajo
    (o si no hay raíz)."""
    absoluta = Path(os.path.abspath(ruta))
    if raiz is None:
        return absoluta.as_posix()
    try:
        relativa = absoluta.relative_to(os.path.abspath(raiz))
    except ValueError:
        return absoluta.as_posix()
    return relativa.as_posix() or "."


def descubrir(carpetas: list[Path]) -> Zona:
    """La zona de ``carpetas`` (sin carpetas: la actual), con sus Rutas en orden de clave.

    Un ``zona.yaml`` dado como archivo es su carpeta. Lanza ``NoEsRuta`` si una carpeta no
    existe o no tiene Rutas, o si un archivo no es ``zona.yaml`` ni de una Ruta, y
    ``ZonaInvalida`` si un ``zona.yaml`` está mal escrito.
    """
    carpetas = [_carpeta_de(c) for c in carpetas] or [Path(".")]
    con_archivo = [c for c in carpetas if c.is_dir() and (c / ARCHIVO_ZONA).is_file()]
    datos: dict = {}
    rutas: list[Path] = []
    vistas: set[Path] = set()
    for carpeta in carpetas:
        if carpeta in con_archivo:
            leidos = _leer(carpeta / ARCHIVO_ZONA)
            if len(con_archivo) == 1:
                datos = leidos
            encontradas = _rutas_listadas(carpeta, leidos)
        else:
            encontradas = rutas_de_argumentos([carpeta])
        for ruta in encontradas:
            if ruta.resolve() not in vistas:
                vistas.add(ruta.resolve())
                rutas.append(ruta)
    raiz = _raiz(carpetas, con_archivo, rutas)
    zona = Zona(raiz=raiz, nombre=datos.get("nombre"), numero=datos.get("numero"),
                sector=datos.get("sector"), nivel=datos.get("nivel"),
                archivo=(con_archivo[0] / ARCHIVO_ZONA) if len(con_archivo) == 1 else None)
    zona.rutas = sorted(rutas, key=zona.clave)
    return zona


def _carpeta_de(argumento: Path) -> Path:
    """La carpeta que un argumento nombra: la de un ``zona.yaml`` dado como archivo, o el
    argumento mismo. Un archivo que no es ``zona.yaml`` ni de una Ruta (``ruta.yaml``,
    ``metas.yaml``… cuentan como su Ruta, igual que en ``ruta validar``) es un error de uso:
    antes daba una zona vacía sin decir por qué."""
    if not argumento.is_file():
        return argumento
    if argumento.name == ARCHIVO_ZONA:
        return argumento.parent
    if rutas_de_argumentos([argumento]):
        return argumento
    raise NoEsRuta(f"{argumento} es un archivo, no una carpeta ni un {ARCHIVO_ZONA}. Da la "
                   f"carpeta de la zona (la de su {ARCHIVO_ZONA}), el {ARCHIVO_ZONA} mismo o "
                   "las carpetas de las escuelas.")


def _raiz(carpetas: list[Path], con_archivo: list[Path], rutas: list[Path]) -> Path | None:
    if len(carpetas) == 1 and carpetas[0].is_dir():
        raiz = carpetas[0]
        if con_archivo:
            return raiz
    else:
        absolutas = [os.path.abspath(c if c.is_dir() else c.parent) for c in carpetas]
        try:
            raiz = Path(os.path.commonpath(absolutas))
        except ValueError:  # Windows: carpetas en dos unidades (C:, D:) no tienen raíz común
            return None
    # Una Ruta no es la raíz (su clave sería «.»): la raíz sube a la carpeta de arriba.
    propias = {os.path.abspath(r) for r in rutas}
    absoluta = Path(os.path.abspath(raiz))
    while str(absoluta) in propias and absoluta.parent != absoluta:
        absoluta = raiz = absoluta.parent
    return raiz


def _rutas_listadas(carpeta: Path, datos: dict) -> list[Path]:
    """Las Rutas de las escuelas de la lista. Reúne todas las escuelas mal escritas o que no
    existen (no solo la primera): quien corrige zona.yaml las arregla de una vez."""
    archivo = carpeta / ARCHIVO_ZONA
    rutas: list[Path] = []
    errores = list(datos.get("_errores", []))
    for escrita, linea in datos.get("_escuelas", []):
        try:
            rutas.extend(buscar_rutas(carpeta / escrita))
        except NoEsRuta as exc:
            errores.append((linea, f"{archivo}:{linea}: la escuela «{escrita}»: {_minuscula(str(exc))} "
                                   "Corrige la carpeta (relativa a zona.yaml) o quítala de la lista."))
    _lanzar(errores)
    return rutas


def _lanzar(errores: list[tuple[int, str]]) -> None:
    """Un solo ``ZonaInvalida`` con todos los ``errores`` (línea, mensaje), uno por renglón y
    en orden de línea."""
    if errores:
        raise ZonaInvalida("\n".join(m for _, m in sorted(errores, key=lambda e: e[0])))


def _minuscula(texto: str) -> str:
    """«La carpeta…» → «la carpeta…»: tras los dos puntos sigue la oración."""
    return texto[:1].lower() + texto[1:]


def leer_zona(archivo: Path) -> dict:
    """Los datos de un ``zona.yaml`` ya revisados: ``nombre``, ``numero``, ``sector``,
    ``nivel`` (textos o ausentes) y ``_escuelas`` (``[(carpeta escrita, línea)]``)."""
    datos = _leer(archivo)
    _lanzar(datos.pop("_errores", []))
    return datos


def _leer(archivo: Path) -> dict:
    """Como ``leer_zona``, pero las escuelas mal escritas quedan en ``_errores`` (línea,
    mensaje) para reportarlas junto con las que no existen."""
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        texto = leer_regular(archivo, _TOPE_ZONA).decode("utf-8")
    except NoEsRegular as exc:
        raise ZonaInvalida(f"{archivo}: {exc}") from None
    except OSError as exc:
        raise ZonaInvalida(f"No se pudo leer {archivo}: {razon(exc, leyendo=True)}.") from None
    except UnicodeDecodeError:
        raise ZonaInvalida(f"{archivo}: no está en UTF-8. Guárdalo como UTF-8 en tu editor.") from None
    try:
        documento = YAML(typ="rt", pure=True).load(texto)
    except MarkedYAMLError as exc:
        raise ZonaInvalida(_error_de_sintaxis(archivo, exc)) from None
    except YAMLError as exc:
        mensaje, pista = traducir_error_yaml(str(exc))
        raise ZonaInvalida(f"{archivo}: el YAML está mal escrito: {_minuscula(mensaje)} {pista}") \
            from None
    except ValueError:  # una fecha que no existe: ruamel la construye como ``date`` y falla
        linea, escrita = fecha_imposible(texto) or (1, "")
        raise ZonaInvalida(f"{archivo}:{linea}: la fecha «{escrita}» no existe. Escríbela como "
                           "AAAA-MM-DD con un día que tenga ese mes.") from None
    return _revisar(archivo, documento)


def _error_de_sintaxis(archivo: Path, exc) -> str:
    """El error de sintaxis en español, como en ``ruta validar`` (``formato.traducir_error_yaml``),
    con la línea donde empezó lo que no cerró."""
    marca = exc.problem_mark or exc.context_mark
    linea = marca.line + 1 if marca is not None else 1
    mensaje, pista = traducir_error_yaml(str(exc.problem or exc.context or ""))
    if exc.context_mark is not None and exc.problem_mark is not None \
            and exc.context_mark.line + 1 != linea:
        mensaje = f"{mensaje[:-1]} (lo que no cerró empieza en la línea {exc.context_mark.line + 1})."
    return f"{archivo}:{linea}: el YAML está mal escrito: {_minuscula(mensaje)} {pista}"


def _linea(nodo, clave=None) -> int:
    try:
        if clave is None:
            return nodo.lc.line + 1
        return nodo.lc.key(clave)[0] + 1
    except (AttributeError, KeyError, TypeError):
        return 1


def _revisar(archivo: Path, documento) -> dict:
    if documento is None:
        documento = {}
    if not isinstance(documento, dict):
        raise ZonaInvalida(f"{archivo}:1: zona.yaml debe ser un mapa de claves "
                           f"({', '.join(CAMPOS_ZONA)}). Escribe, p. ej., «nombre: Zona escolar 045».")
    datos: dict = {}
    for clave, valor in documento.items():
        linea = _linea(documento, clave)
        if clave not in CAMPOS_ZONA:
            parecida = sugerir(str(clave), CAMPOS_ZONA)
            pista = (f"¿quisiste decir `{parecida}`?" if parecida
                     else f"las claves válidas son {', '.join(CAMPOS_ZONA)}.")
            raise ZonaInvalida(f"{archivo}:{linea}: la clave `{clave}` no es de zona.yaml: {pista}")
        if clave == "escuelas":
            datos["_escuelas"], datos["_errores"] = _escuelas(archivo, valor, linea)
        elif valor is not None:
            datos[clave] = _texto(archivo, clave, valor, linea)
    if datos.get("nivel") is not None and datos["nivel"] not in NIVELES:
        parecido = sugerir(datos["nivel"], NIVELES)
        pista = f"¿quisiste decir `{parecido}`?" if parecido else f"escribe {', '.join(NIVELES)}."
        raise ZonaInvalida(f"{archivo}:{_linea(documento, 'nivel')}: el nivel «{datos['nivel']}» "
                           f"no existe: {pista}")
    if "_escuelas" not in datos:
        raise ZonaInvalida(f"{archivo}:1: falta `escuelas`, la lista de carpetas de las escuelas "
                           "de la zona. Escribe, p. ej.:\n  escuelas:\n    - escuelas/21DPR0487A")
    return datos


def _texto(archivo: Path, clave: str, valor, linea: int) -> str:
    if isinstance(valor, (dict, list)) or isinstance(valor, bool):
        raise ZonaInvalida(f"{archivo}:{linea}: `{clave}` debe ser un texto o un número "
                           f"({CAMPOS_ZONA[clave]}).")
    return str(valor).strip()


def _escuelas(archivo: Path, valor, linea: int) -> tuple[list[tuple[str, int]], list[tuple[int, str]]]:
    """Las escuelas bien escritas ``[(carpeta, línea)]`` y los errores de las demás
    ``[(línea, mensaje)]``, todos (no solo el primero)."""
    if not isinstance(valor, list) or not valor:
        raise ZonaInvalida(f"{archivo}:{linea}: `escuelas` debe ser una lista de carpetas, una por "
                           "renglón con «- » (p. ej. «- escuelas/21DPR0487A»).")
    escuelas, errores = [], []
    for i, elemento in enumerate(valor):
        renglon = _linea_de_elemento(valor, i, linea)
        if not isinstance(elemento, str) or not elemento.strip():
            errores.append((renglon, f"{archivo}:{renglon}: cada escuela es una carpeta escrita "
                                     "como texto (p. ej. «- escuelas/21DPR0487A»)."))
            continue
        escrita = elemento.strip().replace("\\", "/")
        if Path(escrita).is_absolute() or ".." in Path(escrita).parts:
            errores.append((renglon, f"{archivo}:{renglon}: la carpeta «{escrita}» debe estar "
                                     "dentro de la carpeta de zona.yaml: escríbela relativa a "
                                     "ella, sin «..»."))
            continue
        escuelas.append((escrita, renglon))
    return escuelas, errores


def _linea_de_elemento(lista, indice: int, por_omision: int) -> int:
    try:
        return lista.lc.item(indice)[0] + 1
    except (AttributeError, KeyError, TypeError, IndexError):
        return por_omision


__all__ = ["Zona", "ZonaInvalida", "descubrir", "clave_de", "leer_zona", "ARCHIVO_ZONA",
           "CAMPOS_ZONA", "NIVELES"]
