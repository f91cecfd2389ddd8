"""``ruta importar resultados``: una hoja de alumnos (SisAT, control escolar) como conteos en el diagnóstico."""

from __future__ import annotations

from enum import Enum
from pathlib import Path

import typer

from rutamejora.commands._comun import cargar_para_escribir, fallar_uso, linea_de_error


class Unidad(str, Enum):
    porcentaje = "porcentaje"
    alumnos = "alumnos"


class Formato(str, Enum):
    texto = "texto"
    json = "json"


# Larga a propósito: la firma declara las opciones del comando (Typer).
def resultados(
    hoja: Path = typer.Argument(..., metavar="HOJA", show_default=False,
                                help="Hoja con un renglón por alumno (.xlsx o .csv)."),
    carpeta: Path = typer.Argument(Path("."), metavar="[CARPETA]", show_default=False,
                                   help="Carpeta de la Ruta (por omisión, la actual)."),
    columna: str = typer.Option(..., "--columna", metavar="NIVEL", show_default=False,
                                help="Encabezado de la columna del nivel (sin importar acentos ni "
                                     "mayúsculas; «Lectura / Nivel» si hay varias «Nivel»)."),
    campo: str = typer.Option(..., "--campo", metavar="CAMPO", show_default=False,
                              help="Asignatura o campo formativo del diagnóstico (p. ej. Lenguajes)."),
    por: str = typer.Option(None, "--por", metavar="COLUMNA", show_default=False,
                            help="Un resultado por cada valor de esta columna (grado o grupo)."),
    valores: str = typer.Option(None, "--valores", metavar="V1,V2", show_default=False,
                                help="Solo estos niveles, separados por comas (por omisión, todos)."),
    unidad: Unidad = typer.Option(Unidad.porcentaje, "--unidad",
                                  help="porcentaje de alumnos en cada nivel, o cuántos alumnos."),
    indicador: str = typer.Option(None, "--indicador", metavar="TEXTO", show_default=False,
                                  help="Qué se midió (por omisión, el encabezado de la columna)."),
    pestana: str = typer.Option(None, "--pestana", metavar="NOMBRE", show_default=False,
                                help="Pestaña del libro de Excel (si las columnas están en varias)."),
    espera: float = typer.Option(120.0, "--espera", metavar="SEGUNDOS", min=0,
                                 help="Cuánto esperar si otro comando está escribiendo en la Ruta."),
    formato: Formato = typer.Option(Formato.texto, "--formato", "-f",
                                    help="texto (personas) o json (programas; ver `ruta ayuda vistas`)."),
):
    """Agrega a los resultados de un campo en diagnostico.yaml cuántos alumnos hay en cada nivel.

    Lee una hoja con un renglón por alumno (como la exportan SisAT o control escolar: encabezados en la fila 1 o más abajo, celdas combinadas) y escribe solo conteos y porcentajes: un resultado por nivel (o por cada nivel de --valores), por grado o grupo con --por, con la hoja como fuente. De la hoja solo se leen la columna del nivel y la de --por: ningún nombre, CURP ni otro dato de los alumnos se escribe en ningún lado. Si la columna parece de nombres o de CURP, no se escribe nada (salida 2). Solo se agregan líneas: comentarios y formato de diagnostico.yaml quedan como estaban.

    Ejemplo: ruta importar resultados sisat-junio.xlsx --columna "Nivel de lectura" --campo Lenguajes --por Grado
    """
    from rutamejora import intercambio as I

    ruta = cargar_para_escribir(carpeta, "diagnostico.yaml", fechas=True)
    campo_escrito = _campo(ruta, campo)
    lista = [v.strip() for v in valores.split(",") if v.strip()] if valores else None
    try:
        conteo = I.contar_hoja(hoja, columna, por, pestana)
        nuevos = I.resultados_de(conteo, lista, unidad.value, indicador)
        hecho = I.agregar_resultados(ruta.carpeta, campo_escrito, nuevos, espera, _avisar_espera(espera))
    except (I.HojaInvalida, I.YaImportado) as exc:
        fallar_uso(f"{exc}", getattr(exc, "salida", 2))
    except Exception as exc:  # los de escritura: se importan tarde, se reconocen por su clase
        from rutamejora.escritura import NoSeEscribio

        if isinstance(exc, NoSeEscribio):
            typer.echo(linea_de_error(str(exc)), err=True)
            raise typer.Exit(exc.salida)
        raise
    _informar(conteo, nuevos, hecho, formato)

def _campo(ruta, campo: str) -> str:
    """El campo como lo nombra el plan de la escuela; error de uso si no es uno de sus campos."""
    from rutamejora.catalogos import normalizar
    from rutamejora.formato import sugerir

    if not ruta.campos:
        return " ".join(campo.split())
    igual = next((c for c in ruta.campos if normalizar(c) == normalizar(campo)), None)
    if igual is None:
        parecido = sugerir(campo, ruta.campos)
        pista = f" ¿Quisiste decir «{parecido}»?" if parecido else ""
        fallar_uso(f"«{campo}» no es una asignatura ni un campo formativo del plan de la escuela "
                   f"({', '.join(ruta.campos)}).{pista}")
    return igual


def _avisar_espera(espera: float):
    def avisar(quien: str) -> None:
        typer.echo(linea_de_error(f"{quien} está escribiendo en la Ruta; esperando su turno "
                                  f"(hasta {espera:g} s)…"), err=True)
    return avisar


def _informar(conteo, nuevos: list[dict], hecho, formato: Formato) -> None:
    from rutamejora.intercambio import AVISO_PRIVACIDAD
    from rutamejora.vistas import importados_como_json, numero

    if formato is Formato.json:
        # El JSON solo en stdout; el aviso de privacidad, a stderr.
        typer.echo(importados_como_json(nuevos, hecho, conteo))
        typer.echo(AVISO_PRIVACIDAD, err=True)
        return

    donde = "un campo nuevo en " if hecho.nuevo_campo else ""
    n = hecho.cuantos
    typer.echo(f"Agregados {n} resultado{'s' if n != 1 else ''} a {hecho.campo} ({donde}"
               f"diagnostico.yaml, línea {hecho.linea}), de {conteo.fuente}:")
    for r in nuevos:
        grado = f"{conteo.por} {r['grado']} · " if "grado" in r else ""
        unidad = " %" if r["unidad"] == "porcentaje" else " alumnos"
        typer.echo(f"  {grado}{r['indicador']}: {numero(r['valor'])}{unidad}")
    for n, sin in ((conteo.sin_nivel, f"nivel en «{conteo.columna}»"), (conteo.sin_grupo, f"«{conteo.por}»")):
        if n:
            typer.echo(f"No se contó 1 renglón sin {sin}." if n == 1 else f"No se contaron {n} renglones sin {sin}.")
    typer.echo(AVISO_PRIVACIDAD)
