"""``ruta ayuda TEMA``: la documentación de ``docs/`` que viaja con la herramienta.

La rueda lleva ``docs/`` dentro del paquete como ``rutamejora/ayuda/`` (``pyproject.toml``,
``force-include``), así que quien instala con ``pip`` tiene los mismos textos que el
repositorio; en un clon se leen de ``docs/``. Los temas son los archivos para quien usa
``ruta`` (no los de quien la desarrolla), en el orden de ``TEMAS``; su descripción es el título
del archivo.

Al imprimirse, los enlaces entre archivos se vuelven órdenes: ``[las vistas](vistas.md)`` se
lee «las vistas (`ruta ayuda vistas`)», porque quien instaló con ``pip`` no tiene ``docs/``.
"""

from __future__ import annotations

import importlib.util
import re
from pathlib import Path

from rutamejora.nucleo.expresiones import compilar

# Los temas, en el orden en que se listan: el nombre es el del archivo de docs/ sin «.md».
TEMAS = ("nueva", "formato", "reglas", "vistas", "sesion", "informes", "pdf", "marcos",
         "privacidad", "historia", "zona", "exportar", "importar-exportar", "editores", "integracion",
         "salida-json")

_ENLACE = compilar(r"\[([^\]]+)\]\(([^)\s]+)\)")


class TemaDesconocido(LookupError):
    """Un tema que no existe (error de uso); ``sugerencia`` es el más parecido, si lo hay."""

    def __init__(self, tema: str, sugerencia: str | None):
        super().__init__(tema)
        self.tema = tema
        self.sugerencia = sugerencia


def carpeta_ayuda() -> Path:
    """``docs/`` instalada como ``rutamejora/ayuda``; en un clon, la de la raíz del repositorio."""
    try:
        spec = importlib.util.find_spec("rutamejora.ayuda")
    except ImportError:
        spec = None
    for ubicacion in (spec.submodule_search_locations or []) if spec is not None else []:
        if (Path(ubicacion) / "formato.md").is_file():
            return Path(ubicacion)
    return Path(__file__).resolve().parents[2] / "docs"


def archivo_de(tema: str) -> Path:
    return carpeta_ayuda() / f"{tema}.md"


def temas() -> list[tuple[str, str]]:
    """(tema, título) de cada tema, en orden."""
    lista = []
    for tema in TEMAS:
        primera = archivo_de(tema).read_text(encoding="utf-8").split("\n", 1)[0]
        lista.append((tema, primera.lstrip("#").strip().replace("`", "")))
    return lista


def texto_de_tema(tema: str) -> str:
    """El texto del tema, con los enlaces a otros archivos vueltos órdenes de ``ruta``.

    Lanza ``TemaDesconocido`` si no existe (sin importar mayúsculas ni «.md» al final).
    """
    nombre = tema.strip().lower().removesuffix(".md")
    if nombre not in TEMAS:
        from rutamejora.formato.pistas import sugerir

        raise TemaDesconocido(tema, sugerir(nombre, TEMAS))
    return sin_enlaces_al_repositorio(archivo_de(nombre).read_text(encoding="utf-8"))


def sin_enlaces_al_repositorio(texto: str) -> str:
    """``[texto](vistas.md#ancla)`` → «texto (`ruta ayuda vistas`)» (``[vistas.md](vistas.md)``,
    solo la orden); ``[texto](#ancla)`` y un archivo que no es un tema → «texto»;
    ``[texto](https://…)`` → «texto (https://…)»."""
    def cambiar(m: re.Match) -> str:
        etiqueta, destino = m.group(1), m.group(2)
        if destino.startswith("#"):
            return etiqueta
        if "://" in destino:
            return f"{etiqueta} ({destino})"
        archivo = destino.split("#", 1)[0].rsplit("/", 1)[-1].removesuffix(".md")
        if archivo not in TEMAS:
            return etiqueta
        if etiqueta.strip("`").endswith(".md"):  # [privacidad.md](privacidad.md): el nombre no dice nada
            return f"`ruta ayuda {archivo}`"
        return f"{etiqueta} (`ruta ayuda {archivo}`)"

    return _ENLACE.sub(cambiar, texto)
