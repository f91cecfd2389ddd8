"""Las versiones de una Ruta: la del árbol de trabajo, la de una carpeta o la de un commit.

Una versión de un commit se lee sin tocar el árbol de trabajo ni el índice: sus archivos salen
de git (``Lector``) a una carpeta temporal que repite el camino de la Ruta en el repositorio,
junto con las carpetas ``marcos/`` de ese commit que están encima (un marco propio también
cambia con la historia), y ahí la lee ``formato.cargar`` como a cualquier Ruta. Dos commits con
los mismos archivos son la misma versión: se lee una sola vez (``Almacen``); y un archivo que no
cambió de una versión a otra no se vuelve a leer ni a verificar (la ``memoria`` de ``cargar``).
"""

from __future__ import annotations

import shutil
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from rutamejora.formato import NoEsRuta, cargar
from rutamejora.historia.git import Commit, ErrorDeGit, Lector, Repositorio

_YAML = (".yaml", ".yml")
_ARCHIVO = ("100644", "100755")


@dataclass
class Version:
    """Una versión de una Ruta. ``ruta`` es ``None`` si la Ruta no existía en esa versión."""

    etiqueta: str                      # «HEAD (abc1234)», «el árbol de trabajo», una carpeta
    ruta: object = None                # formato.Ruta
    commit: Commit | None = None
    textos: dict = field(default_factory=dict)   # archivo de la Ruta → su texto

    @property
    def existe(self) -> bool:
        return self.ruta is not None


def de_carpeta(carpeta: Path, etiqueta: str | None = None) -> Version:
    """La Ruta tal como está en ``carpeta`` (``NoEsRuta`` si no hay una)."""
    ruta, _ = cargar(carpeta)
    return Version(etiqueta=etiqueta or str(carpeta), ruta=ruta, textos=_textos(ruta))


def _textos(ruta) -> dict:
    return {nombre: doc.texto for nombre, doc in ruta.documentos.items() if doc.texto is not None}


class Almacen:
    """Las versiones de la Ruta ``rel`` (relativa a la raíz) en los commits de ``repo``.

    Úsalo con ``with``: al salir se borran las carpetas temporales y se cierra el lector.
    """

    def __init__(self, repo: Repositorio, rel: str):
        self.repo = repo
        self.rel = rel
        self._lector: Lector | None = None
        self._temporal: Path | None = None
        self._versiones: dict[tuple, object] = {}
        self._carpetas: dict[tuple, Path] = {}
        self._escritos: dict[Path, dict[str, str]] = {}
        self._memoria: dict = {}

    def __enter__(self) -> "Almacen":
        self._lector = self.repo.lector()
        self._temporal = Path(tempfile.mkdtemp(prefix="ruta-historia-"))
        return self

    def __exit__(self, *_exc) -> None:
        if self._lector is not None:
            self._lector.cerrar()
        if self._temporal is not None:
            shutil.rmtree(self._temporal, ignore_errors=True)

    @property
    def lector(self) -> Lector:
        if self._lector is None:
            raise RuntimeError("Almacen se usa dentro de un with")
        return self._lector

    def archivos(self, commit: str) -> dict[str, str]:
        """``{nombre: id del blob}`` de los YAML de la carpeta de la Ruta en ``commit``."""
        arbol = self.lector.arbol_en(commit, self.rel)
        if arbol is None:
            return {}
        return {n: i for n, (modo, i) in arbol.items()
                if modo in _ARCHIVO and n.lower().endswith(_YAML)}

    def version(self, commit: Commit | str, etiqueta: str | None = None) -> Version:
        """La Ruta en ``commit``; ``ruta`` queda en ``None`` si ahí no había una."""
        id_ = commit.id if isinstance(commit, Commit) else commit
        datos = commit if isinstance(commit, Commit) else None
        etiqueta = etiqueta or id_[:7]
        archivos = self.archivos(id_)
        if not archivos:
            return Version(etiqueta=etiqueta, commit=datos)
        marcos = self._marcos(id_)
        llave = (tuple(sorted(archivos.items())), tuple(sorted(marcos.items())))
        if llave not in self._versiones:
            self._versiones[llave] = self._leer(archivos, marcos)
        ruta = self._versiones[llave]
        if ruta is None:
            return Version(etiqueta=etiqueta, commit=datos)
        return Version(etiqueta=etiqueta, ruta=ruta, commit=datos, textos=_textos(ruta))

    def _marcos(self, commit: str) -> dict[str, str]:
        """``{camino relativo: blob}`` de cada ``marcos/*.yaml`` en la carpeta de la Ruta y en
        las de encima, como los busca ``catalogos`` (hasta la raíz del repositorio)."""
        encontrados: dict[str, str] = {}
        partes = self.rel.split("/") if self.rel else []
        for n in range(len(partes), -1, -1):
            base = "/".join(partes[:n])
            camino = f"{base}/marcos" if base else "marcos"
            arbol = self.lector.arbol(f"{commit}:{camino}")
            for nombre, (modo, id_) in (arbol or {}).items():
                if modo in _ARCHIVO and nombre.lower().endswith(_YAML):
                    encontrados[f"{camino}/{nombre}"] = id_
        return encontrados

    def _leer(self, archivos: dict[str, str], marcos: dict[str, str]):
        """Escribe la versión en la carpeta temporal de sus marcos y la carga (o ``None``)."""
        carpeta = self._carpeta(marcos)
        # Solo se escribe lo que cambió desde la versión anterior escrita en esta carpeta.
        escritos = self._escritos.setdefault(carpeta, {})
        for nombre in [n for n in escritos if n not in archivos]:
            (carpeta / nombre).unlink()
            del escritos[nombre]
        for nombre, id_ in archivos.items():
            if escritos.get(nombre) != id_:
                (carpeta / nombre).write_bytes(self._contenido(id_))
                escritos[nombre] = id_
        try:
            ruta, _ = cargar(carpeta, memoria=self._memoria)
        except NoEsRuta:
            return None
        return ruta

    def _carpeta(self, marcos: dict[str, str]) -> Path:
        """Una carpeta por cada juego de marcos propios (casi siempre uno: ninguno).

        Los marcos se leen una vez por archivo (``catalogos`` los recuerda por su camino): un
        marco que cambió en la historia va en otra carpeta, y así se lee el de cada versión."""
        llave = tuple(sorted(marcos.items()))
        if llave not in self._carpetas:
            raiz = self._temporal / f"v{len(self._carpetas) + 1}"
            # La carpeta .git detiene la búsqueda de marcos en la raíz de esta copia, como en
            # el repositorio de verdad.
            (raiz / ".git").mkdir(parents=True)
            for camino, id_ in marcos.items():
                destino = raiz / camino
                destino.parent.mkdir(parents=True, exist_ok=True)
                destino.write_bytes(self._contenido(id_))
            carpeta = raiz / self.rel if self.rel else raiz
            carpeta.mkdir(parents=True, exist_ok=True)
            self._carpetas[llave] = carpeta
        return self._carpetas[llave]

    def _contenido(self, id_: str) -> bytes:
        objeto = self.lector.objeto(id_)
        if objeto is None:
            raise ErrorDeGit(f"git no encontró el objeto {id_[:7]} (¿repositorio dañado?).",
                             "Prueba `git fsck`.")
        return objeto[1]
