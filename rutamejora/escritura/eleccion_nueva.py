"""Lo que una Ruta nueva toma de su carpeta y el marco que le toca, antes de preguntar nada.

La carpeta ``escuelas/<CCT>/<ciclo>/`` ya dice la CCT y el ciclo (la misma lectura que usa
``ruta validar``, RM124): se toman de ahí, y una opción que dice otra cosa es un error de uso,
porque la Ruta escrita no pasaría ``validar``. Una carpeta de varios ciclos (el tramo de un
PEMC, ``2025-2027``) dice el primero y cuántos abarca.

El marco por omisión es el vigente para ese ciclo según el catálogo de marcos (su
``vigencia``); donde hay más de uno vigente (2024-2025: el PEMC y el PMC) o ninguno, no hay
marco por omisión: se pregunta o, sin terminal, hay que darlo con ``--marco``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from rutamejora.catalogos import cargar_marco, marcos_disponibles, normalizar
from rutamejora.escritura.datos_escuela import Revision, revisar_cct, revisar_ciclo
from rutamejora.reglas import disposicion


class ContradiceLaCarpeta(ValueError):
    """Una opción (o la Ruta anterior) dice otra CCT u otro ciclo que la carpeta: salida 2."""


@dataclass
class DeLaCarpeta:
    """La CCT y el ciclo que nombra la carpeta (y cuántos ciclos, si nombra un tramo)."""

    cct: str
    ciclo: str
    ciclos: int | None = None  # el tramo 2025-2027 → 2; un solo ciclo → None
    nombre: str = ""           # «21DPR0123T/2025-2026», como lo dicen los mensajes


def de_la_carpeta(carpeta: Path) -> DeLaCarpeta | None:
    """La CCT y el ciclo de una carpeta ``<CCT>/<ciclo>/``; ``None`` si no está así.

    Lanza ``ContradiceLaCarpeta`` si la carpeta nombra una CCT o un ciclo que no existen: la Ruta
    escrita ahí nunca pasaría ``validar``.
    """
    nombrada = disposicion(carpeta)
    if nombrada is None:
        return None
    cct, ciclo = nombrada
    nombre = f"{cct}/{ciclo}"
    revision = revisar_cct(cct)
    if revision.valor is None:
        raise ContradiceLaCarpeta(_con_sugerencia(f"la carpeta {nombre} nombra una CCT que no existe. "
                                                  f"{revision.problema}", revision)
                                  + " Cambia el nombre de la carpeta.")
    inicio, fin = int(ciclo[:4]), int(ciclo[5:])
    if fin == inicio + 1:
        return DeLaCarpeta(revision.valor, ciclo, None, nombre)
    if fin > inicio + 1:  # el tramo de una Ruta de varios ciclos
        return DeLaCarpeta(revision.valor, f"{inicio}-{inicio + 1}", fin - inicio, nombre)
    revision = revisar_ciclo(ciclo)
    raise ContradiceLaCarpeta(_con_sugerencia(f"la carpeta {nombre} nombra un ciclo que no existe. "
                                              f"{revision.problema}", revision)
                              + " Cambia el nombre de la carpeta.")


def _con_sugerencia(texto: str, revision: Revision) -> str:
    return texto + (f" ¿Quisiste decir {revision.sugerencia}?" if revision.sugerencia else "")


def revisar_contra_la_carpeta(carpeta: Path, lugar: DeLaCarpeta, cct: str | None, ciclo: str | None,
                              ciclos: int | None, cct_anterior: str | None = None) -> None:
    """Lanza ``ContradiceLaCarpeta`` si ``--cct``, ``--ciclo``, ``--ciclos`` o la Ruta anterior
    dicen otra cosa que la carpeta; el mensaje nombra los dos valores y la carpeta que les toca."""
    escuelas = _escuelas(carpeta)
    if cct is not None:
        dada = revisar_cct(cct).valor or cct.strip().upper()
        if dada != lugar.cct:
            raise ContradiceLaCarpeta(
                f"--cct {dada} contradice la carpeta {lugar.nombre}, que es de la CCT {lugar.cct}: quita "
                f"--cct o crea la Ruta en {escuelas / dada / lugar.nombre.split('/')[1]}.")
    if cct_anterior and cct is None and cct_anterior.strip().upper() != lugar.cct:
        raise ContradiceLaCarpeta(
            f"la Ruta anterior (--desde) es de la CCT {cct_anterior.strip().upper()} y la carpeta "
            f"{lugar.nombre}, de la CCT {lugar.cct}: elige la carpeta de esa escuela o da --cct {lugar.cct}.")
    if ciclo is not None and ciclo.strip() != lugar.ciclo:
        raise ContradiceLaCarpeta(
            f"--ciclo {ciclo.strip()} contradice la carpeta {lugar.nombre}, que es del ciclo {lugar.ciclo}: "
            f"quita --ciclo o crea la Ruta en {escuelas / lugar.cct / ciclo.strip()}.")
    if ciclos is not None and lugar.ciclos is not None and ciclos != lugar.ciclos:
        raise ContradiceLaCarpeta(
            f"--ciclos {ciclos} contradice la carpeta {lugar.nombre}, que abarca {lugar.ciclos} ciclos: "
            "quita --ciclos o cambia el nombre de la carpeta.")


def _escuelas(carpeta: Path) -> Path:
    """La carpeta de las escuelas (la de arriba de ``<CCT>/<ciclo>/``), como se ve desde aquí."""
    arriba = Path(os.path.abspath(carpeta)).parent.parent
    try:
        return Path(os.path.relpath(arriba))
    except ValueError:  # otra unidad en Windows
        return arriba


def revisar_tramo(lugar: DeLaCarpeta | None, clave: str, desde: Path | None = None) -> None:
    """Lanza ``ContradiceLaCarpeta`` si la carpeta nombra un tramo de varios ciclos que el marco no
    abarca (``2024-2026`` con el PMC, que es de un ciclo)."""
    marco = cargar_marco(clave, desde)
    if lugar is None or lugar.ciclos is None or marco is None:
        return
    minimo, maximo = marco.horizonte
    if not minimo <= lugar.ciclos <= maximo:
        from rutamejora.escritura.pedido import texto_horizonte

        raise ContradiceLaCarpeta(
            f"la carpeta {lugar.nombre} abarca {lugar.ciclos} ciclos y el marco {marco.clave}, "
            f"{texto_horizonte(marco)}: elige otro marco o la carpeta de un ciclo ({lugar.cct}/{lugar.ciclo}).")


# --- El marco -----------------------------------------------------------------------------------


def marcos_vigentes(ciclo: str, desde: Path | None = None, ciclos: int | None = None) -> list[str]:
    """Las claves de los marcos vigentes en ``ciclo`` (los del paquete y los propios junto a
    ``desde``), en el orden del catálogo; con ``ciclos``, solo los que abarcan tantos ciclos."""
    vigentes = []
    for clave in marcos_disponibles(desde):
        marco = cargar_marco(clave, desde)
        if marco is None or not marco.vigente_en(ciclo):
            continue
        if ciclos is None or marco.horizonte[0] <= ciclos <= marco.horizonte[1]:
            vigentes.append(clave)
    return vigentes


def marco_por_omision(ciclo: str, desde: Path | None = None, anterior: str | None = None,
                      ciclos: int | None = None) -> str | None:
    """El marco que se propone: el de la Ruta anterior, si la hay (el CTE sigue con su programa);
    si no, el único vigente en ``ciclo`` (que abarque ``ciclos``, si se dijo cuántos). ``None``
    si hay varios vigentes o ninguno."""
    if anterior:
        return anterior
    vigentes = marcos_vigentes(ciclo, desde, ciclos)
    return vigentes[0] if len(vigentes) == 1 else None


def por_que_no_hay_marco(ciclo: str, desde: Path | None = None, ciclos: int | None = None) -> str:
    """La frase que explica que no haya marco por omisión en ``ciclo``."""
    vigentes = marcos_vigentes(ciclo, desde, ciclos)
    if len(vigentes) > 1:
        return f"en {ciclo} valen {', '.join(vigentes[:-1])} y {vigentes[-1]}"
    return f"ningún marco del catálogo está vigente en {ciclo}"


def lista_de_marcos(desde: Path | None = None) -> list[tuple[str, str, str]]:
    """(clave, nombre, vigencia en palabras) de cada marco disponible, para elegir."""
    lista = []
    for clave in marcos_disponibles(desde):
        marco = cargar_marco(clave, desde)
        if marco is not None:
            lista.append((clave, marco.nombre, texto_vigencia(marco.vigencia)))
    return lista


def texto_vigencia(vigencia: tuple[int, int | None] | None) -> str:
    """(2019, 2024) → «ciclos 2019-2020 a 2024-2025»; (2024, None) → «desde el ciclo 2024-2025»."""
    if vigencia is None:
        return ""
    inicio, fin = vigencia
    if fin is None:
        return f"desde el ciclo {inicio}-{inicio + 1}"
    if fin == inicio:
        return f"ciclo {inicio}-{inicio + 1}"
    return f"ciclos {inicio}-{inicio + 1} a {fin}-{fin + 1}"


def revisar_marco(texto: str, desde: Path | None = None) -> Revision:
    """Una clave de marco que existe (sin importar mayúsculas ni acentos; basta su comienzo si es
    de una sola: «pmc»), o el problema con la más parecida."""
    from rutamejora.formato.pistas import sugerir

    claves = marcos_disponibles(desde)
    escrito = (texto or "").strip()
    clave = next((c for c in claves if normalizar(c) == normalizar(escrito)), None)
    if clave is not None:
        return Revision(clave)
    # «pmc» o «PEMC»: el comienzo de una sola clave basta.
    empiezan = [c for c in claves if escrito and normalizar(c).startswith(normalizar(escrito))]
    if len(empiezan) == 1:
        return Revision(empiezan[0])
    if not escrito:
        return Revision(None, "Escribe la clave de un marco: " + ", ".join(claves) + ".")
    return Revision(None, f"«{escrito}» no es un marco: " + ", ".join(claves) + ".", sugerir(escrito, claves))
