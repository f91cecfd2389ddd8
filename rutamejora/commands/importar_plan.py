"""``ruta importar plan ARCHIVO CARPETA``: una Ruta desde el plan de la escuela en Word o Excel."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from rutamejora.commands._comun import OPCION_FECHA, fallar_uso, fecha_de

class Formato(str, Enum):
    texto = "texto"
    json = "json"


_TEXTO = dict(metavar="TEXTO")


# Larga a propósito: la firma declara las opciones del comando (Typer).
def plan(
    archivo: Path = typer.Argument(..., metavar="ARCHIVO", show_default=False,
                                   help="El plan de la escuela: un .docx (Word) o un .xlsx (Excel)."),
    carpeta: Path = typer.Argument(..., metavar="CARPETA", show_default=False,
                                   help="Carpeta de la Ruta que se escribe (se crea si no existe)."),
    nombre: str = typer.Option(None, "--nombre", help="Nombre oficial de la escuela, si el documento no lo dice.", **_TEXTO),
    cct: str = typer.Option(None, "--cct", metavar="CCT", help="Clave de Centro de Trabajo, p. ej. 21DPR0123T."),
    ciclo: str = typer.Option(None, "--ciclo", metavar="AAAA-AAAA", help="Ciclo escolar, p. ej. 2025-2026."),
    marco: str = typer.Option(None, "--marco", metavar="MARCO",
                              help="rme-2014, pemc-2019, pmc-2024 o uno propio (si no, el que diga el documento)."),
    nivel: str = typer.Option(None, "--nivel", metavar="NIVEL", help="preescolar, primaria o secundaria (si no, el de la CCT)."),
    turno: str = typer.Option(None, "--turno", help="matutino, vespertino, tiempo_completo…", **_TEXTO),
    zona: str = typer.Option(None, "--zona", help="Zona escolar.", **_TEXTO),
    sector: str = typer.Option(None, "--sector", help="Sector educativo.", **_TEXTO),
    forzar: bool = typer.Option(False, "--forzar", help="Reemplaza los archivos de una Ruta que ya está en la carpeta."),
    fecha: str = typer.Option(None, "--fecha", **{**OPCION_FECHA, "help": "El día de la importación (por omisión, hoy): ruta.yaml lo anota y la Ruta escrita se valida como ese día."}),
    formato: Formato = typer.Option(Formato.texto, "--formato", "-f", help="texto (por omisión) o json."),
):
    """Escribe una Ruta desde las tablas de un plan de Word (.docx) o Excel (.xlsx).

    Reconoce las tablas por sus encabezados (Acción, Responsables, Recursos, Costo, Tiempo; Ámbito, Objetivo, Meta, Acciones, Periodo; Problemática, Indicador, Seguimiento…), con celdas combinadas, viñetas, encabezados repetidos y texto alrededor. Entiende periodos («septiembre a noviembre», «todo el ciclo»), dinero («$60 semanales», «sin costo») y responsables por función («Docentes de aula»).
    Lo que el documento no dice queda por llenar (`ruta validar` lo avisa); lo que el formato no puede guardar queda como comentario en su archivo; los datos personales se enmascaran. La escuela, la CCT, el ciclo y el marco salen del documento o de las opciones (que mandan). Nunca escribe sobre una Ruta sin --forzar, y nunca deja una a medias.
    Un libro de `ruta exportar -o ruta.xlsx` (de una sola Ruta) se reconoce por su sello y se lee campo por campo: vuelve el mismo plan con su bitácora.

    Ejemplo: ruta importar plan PEMC-2025.docx escuelas/21DPR0487A/2025-2026 --cct 21DPR0487A
    """
    from rutamejora import intercambio as I

    hoy, _ = fecha_de(fecha)
    opciones = dict(nombre=nombre, cct=cct, ciclo=ciclo, marco=marco, nivel=nivel, turno=turno,
                    zona=zona, sector=sector)
    try:
        informe = I.importar_de_documento(archivo, carpeta, opciones, forzar=forzar, hoy=hoy)
    except (I.DocumentoIlegible, I.ImportacionInvalida) as exc:
        fallar_uso(str(exc), getattr(exc, "salida", 2))
    typer.echo(I.json_informe(informe) if formato is Formato.json else I.texto_informe(informe))
    if informe.errores:
        raise typer.Exit(1)
