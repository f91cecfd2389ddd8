"""Salida ``github``: anotaciones de GitHub Actions (``::error file=…,line=…::mensaje``).

Las rutas de archivo van relativas a la carpeta actual, que en Actions es la raíz del
repositorio: así la anotación aparece sobre la línea en la vista del cambio.
"""

from __future__ import annotations

import os
from pathlib import Path

from rutamejora.nucleo.problemas import AVISO, ERROR, enmascarar
from rutamejora.nucleo.textos import sin_control
from rutamejora.privacidad import GITHUB, carpeta_sin_datos
from rutamejora.salida.texto import resumen_de

_NIVEL = {ERROR: "error", AVISO: "warning"}


def _escapar_dato(texto: str) -> str:
    return texto.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escapar_propiedad(texto: str) -> str:
    return _escapar_dato(texto).replace(":", "%3A").replace(",", "%2C")


def _relativa(carpeta: Path, archivo: str, base: Path) -> str:
    """La ruta de ``archivo`` relativa a ``base``, como la ve el repositorio: se resuelven los
    enlaces de las carpetas (``/tmp`` y ``/private/tmp`` en macOS) pero no el del archivo mismo
    (un ``metas.yaml`` que es un enlace roto o que apunta a sí mismo se anota en su lugar, sin
    seguirlo: ``Path.resolve`` lanzaba con un enlace en ciclo)."""
    ruta = Path(os.path.realpath(carpeta), archivo)
    try:
        return Path(os.path.relpath(ruta, os.path.realpath(base))).as_posix()
    except ValueError:  # otra unidad en Windows
        return ruta.as_posix()


def formatear(resultados: list, color: bool = False, base=None) -> str:
    base = Path(base) if base is not None else Path.cwd()
    lineas = []
    for r in resultados:
        for p in r.problemas:
            nivel = _NIVEL.get(p.severidad, "notice")
            props = [f"file={_escapar_propiedad(_relativa(r.carpeta, p.archivo, base))}"]
            if p.linea:
                props += [f"line={p.linea}", f"col={p.columna}"]
            props.append(f"title={_escapar_propiedad(f'{p.codigo} {p.nombre}')}")
            texto = enmascarar(p.mensaje, p.secretos)
            if p.pista:
                texto += " " + enmascarar(p.pista, p.secretos)
            lineas.append(f"::{nivel} {','.join(props)}::{_escapar_dato(sin_control(texto))}")
        lineas.append(f"{carpeta_sin_datos(r.carpeta, GITHUB)}: {resumen_de(r.cuenta, r.archivos_revisados)}")
    return "\n".join(lineas)
