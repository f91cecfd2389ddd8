"""El archivo de salida de ``-o``: qué formato pide su extensión y cuándo puede escribirse.

Posee ``EXTENSIONES`` y ``formato_de_archivo``, la ``MARCA`` que distingue un archivo hecho por
``ruta informe`` (el único que ``-o`` reemplaza), ``ARCHIVOS_RUTA`` (los que nunca reemplaza),
``revisar_salida`` y ``escribir`` (de una vez, nunca a medias).
"""

from __future__ import annotations

from pathlib import Path

from rutamejora.informes.errores import ErrorDeUso

EXTENSIONES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
# Marca de un archivo hecho por `ruta informe`: `-o` solo reemplaza archivos que la tienen.
MARCA = "Generado con «ruta informe»"
ARCHIVOS_RUTA = ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml",
                 "metas.yaml", "acciones.yaml", "bitacora.yaml")


def formato_de_archivo(archivo: Path) -> str | None:
    """``informe.html`` → ``html``; ``None`` si la extensión no dice el formato."""
    return EXTENSIONES.get(archivo.suffix.lower())


def revisar_salida(salida: Path, carpeta: Path) -> None:
    """Que ``-o`` pueda escribirse: nunca un archivo de la Ruta, solo reemplaza un informe.

    Lanza ``ErrorDeUso`` con el motivo. Un informe es derivado (se rehace cuando se quiera), así
    que se reemplaza sin preguntar; cualquier otro archivo existente se respeta.
    """
    destino = salida.resolve()
    ruta = carpeta.resolve()
    if destino.parent == ruta and (destino.name.lower() in ARCHIVOS_RUTA
                                  or (destino.suffix.lower() in (".yaml", ".yml")
                                      and destino.exists())):
        raise ErrorDeUso(f"{salida} es un archivo de la Ruta: un informe nunca lo reemplaza. "
                         "Escribe el informe en un archivo .md o .html.")
    if destino.suffix.lower() in (".yaml", ".yml"):
        raise ErrorDeUso(f"un informe no se escribe en un archivo .yaml ({salida}): usa .md o .html.")
    if salida.is_dir():
        raise ErrorDeUso(f"{salida} es una carpeta; -o necesita un archivo "
                         f"(p. ej. {salida / 'informe.html'}).")
    if not destino.parent.is_dir():
        raise ErrorDeUso(f"la carpeta {salida.parent} no existe.")
    if destino.is_file() and destino.stat().st_size and not _es_informe(destino):
        raise ErrorDeUso(f"{salida} ya existe y no es un informe hecho con `ruta informe`: no se "
                         "reemplaza. Bórralo o elige otro nombre.")


def _es_informe(archivo: Path) -> bool:
    try:
        with archivo.open("rb") as f:
            inicio = f.read(4096)
    except OSError:
        return False
    return MARCA.encode("utf-8") in inicio


def escribir(salida: Path, texto: str) -> None:
    """Escribe el informe de una vez (archivo temporal y renombrar): nunca queda a medias."""
    from rutamejora.nucleo.atomico import escribir_atomico

    escribir_atomico(salida, texto.encode("utf-8"))
