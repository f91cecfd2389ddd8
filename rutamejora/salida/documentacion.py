"""Genera ``docs/formato.md`` y ``docs/reglas.md`` desde las mismas definiciones que valida ruta.

Así la documentación no puede mentir: una prueba falla si los archivos de ``docs/`` no son
lo que este módulo genera. Para regenerarlos: ``python -m rutamejora.salida.documentacion docs``.
"""

from __future__ import annotations

import sys
from pathlib import Path

from rutamejora.formato import esquema as E
from rutamejora.formato.lectura import LIMITE_BYTES


_CATALOGOS = {
    "marcos": "clave de un marco disponible (`rme-2014`, …)",
    "planes": "plan de estudios del catálogo (`2011`, `2017`, `2022`)",
    "campos": "asignatura o campo formativo del plan y nivel de la escuela",
}


def _tipo(tipo: E.Tipo) -> str:
    if isinstance(tipo, E.Opcion):
        if tipo.valores:
            return "uno de: " + ", ".join(f"`{v}`" for v in tipo.valores)
        return _CATALOGOS.get(tipo.catalogo, f"valor del catálogo del marco (`{tipo.catalogo}`)")
    if isinstance(tipo, E.Texto) and tipo.patron:
        return f"texto ({tipo.descripcion_patron})"
    if isinstance(tipo, E.Lista):
        if isinstance(tipo.elemento, E.Objeto):
            return f"lista de objetos «{tipo.elemento.entidad}» (ver abajo)"
        return f"lista de {_tipo(tipo.elemento)}"
    if isinstance(tipo, E.Objeto):
        return f"objeto «{tipo.entidad}» (ver abajo)"
    if isinstance(tipo, E.UnoDe):
        return " o ".join(_tipo(a) for a in tipo.alternativas)
    if isinstance(tipo, E.Mapa):
        return f"mapa de código → {_tipo(tipo.valor)}"
    if isinstance(tipo, (E.Entero, E.Numero)) and (tipo.minimo is not None or tipo.maximo is not None):
        limites = []
        if tipo.minimo is not None:
            limites.append(f"≥ {tipo.minimo}")
        if tipo.maximo is not None:
            limites.append(f"≤ {tipo.maximo}")
        return f"{tipo.nombre} ({', '.join(limites)})"
    return tipo.nombre


def _tabla(objeto: E.Objeto) -> list[str]:
    filas = ["| campo | tipo | obligatorio | qué es | pregunta de las orientaciones |",
             "|---|---|---|---|---|"]
    for c in objeto.campos:
        filas.append(f"| `{c.nombre}` | {_tipo(c.tipo)} | {'sí' if c.requerido else 'no'} | "
                     f"{c.descripcion} | {c.pregunta} |")
    if objeto.alternativas:
        formas = " o ".join(" + ".join(f"`{c}`" for c in g) for g in objeto.alternativas)
        filas += ["", f"Debe tener {formas}."]
    return filas


def _objetos_anidados(objeto: E.Objeto, vistos: set) -> list[E.Objeto]:
    encontrados = []
    for c in objeto.campos:
        pendientes = [c.tipo]
        while pendientes:
            t = pendientes.pop()
            if isinstance(t, E.Lista):
                pendientes.append(t.elemento)
            elif isinstance(t, E.UnoDe):
                pendientes.extend(t.alternativas)
            elif isinstance(t, E.Objeto) and t.entidad not in vistos:
                vistos.add(t.entidad)
                encontrados.append(t)
                encontrados.extend(_objetos_anidados(t, vistos))
    return encontrados


def formato_md() -> str:
    partes = [
        "# El formato de una Ruta",
        "",
        "<!-- Generado por `python -m rutamejora.salida.documentacion docs`: no lo edites a mano. -->",
        "",
        f"Versión del formato: **{E.VERSION_FORMATO}** (clave `version` de `ruta.yaml`).",
        "",
        "Una Ruta es una carpeta con siete archivos YAML en UTF-8. Las claves van en español, sin "
        "acentos (`linea_base`); los ids son una letra y un número (`P1`, `O1`, `M1`, `A1`, `N1`, "
        "`F1`) y toda referencia entre archivos es por id. El dinero se escribe como número en "
        "pesos con a lo más dos decimales y se lee exacto (`Decimal`), nunca como `float`. "
        "Las fechas van como AAAA-MM-DD.",
        "",
        "No se aceptan anclas ni alias (`&`, `*`), etiquetas (`!!binary`), varios documentos en un "
        f"archivo, tabuladores en la sangría ni archivos de más de {LIMITE_BYTES // 1048576} MB. "
        "Se aceptan la BOM de UTF-8 y los finales de línea CRLF de Windows.",
        "",
        "Los valores marcados «del catálogo del marco» dependen de `marco:` (ver "
        "[marcos.md](marcos.md)): las prioridades, los ámbitos, los anexos y sus rasgos, las "
        "valoraciones y las asignaturas o campos formativos del plan de estudios del nivel. "
        "Se aceptan sin importar mayúsculas ni acentos, y también por su nombre o sinónimo.",
        "",
        "## La CCT",
        "",
        "`EE C II NNNN V`: entidad (01–32, orden del INEGI), sostenimiento, tipo de servicio "
        "(debe corresponder al nivel: PR/PB primaria, JN/CC preescolar, ES/TV/ST secundaria), "
        "consecutivo y carácter verificador. El verificador: cada uno de los primeros nueve "
        "caracteres se cambia por su valor (los dígitos tal cual, las letras por su lugar en el "
        "alfabeto con dos dígitos, A=01 … Z=26), lo que da 12 dígitos; L suma los de lugar impar "
        "y R los de lugar par; el verificador es `ABCDEFGHIJKLMNOPQRSTUVWXYZ0`[(7·L + 26·R) mod 27].",
        "",
        "## El ciclo y su calendario",
        "",
        "El ciclo va de la fase intensiva del CTE al último día de clases. Para los ciclos que el "
        "catálogo conoce (2024-2025 y 2025-2026) se usan sus fechas; `calendario:` en `ruta.yaml` "
        "las sustituye (un estado que recorre fechas) o las da para un ciclo que el catálogo no "
        "tiene. Las sesiones ordinarias se numeran 1–8 en el orden de `sesiones`.",
    ]
    for archivo, definicion in E.ARCHIVOS.items():
        partes += ["", f"## `{archivo}`", "", f"*{E.PREGUNTAS[archivo]}*", ""]
        partes += _tabla(definicion)
        for anidado in _objetos_anidados(definicion, set()):
            partes += ["", f"### «{anidado.entidad}» (en `{archivo}`)", ""]
            partes += _tabla(anidado)
    return "\n".join(partes) + "\n"


def reglas_md() -> str:
    from rutamejora.reglas.registro import registradas

    reglas = registradas()
    partes = [
        "# Las reglas de `ruta validar`",
        "",
        "<!-- Generado por `python -m rutamejora.salida.documentacion docs`: no lo edites a mano. -->",
        "",
        f"{len(reglas)} reglas. Cada una tiene un código estable (no se reutiliza), un nombre, una "
        "severidad por omisión (que `ruta.yaml` puede cambiar en `validacion.reglas`) y una fase. "
        "`ruta explicar CODIGO` muestra lo mismo en la terminal.",
        "",
        "| código | nombre | severidad | fase | resumen |",
        "|---|---|---|---|---|",
    ]
    partes += [f"| [{r.codigo}](#{r.codigo.lower()}) | `{r.nombre}` | {r.severidad} | {r.fase} | "
               f"{r.resumen} |" for r in reglas]
    for r in reglas:
        partes += ["", f"## {r.codigo}", "", f"`{r.nombre}` · {r.severidad} · fase {r.fase}", ""]
        cuerpo = []
        for linea in r.doc.splitlines():
            if linea.startswith(("✓ ", "✗ ")):
                cuerpo += ["", f"**{linea}**", ""]
            elif linea.startswith("    "):
                cuerpo.append(linea)
            else:
                cuerpo.append(linea)
        partes += cuerpo
    return "\n".join(partes) + "\n"


GENERADOS = {"formato.md": formato_md, "reglas.md": reglas_md}


def escribir(carpeta: Path) -> None:
    carpeta.mkdir(parents=True, exist_ok=True)
    for nombre, generar in GENERADOS.items():
        (carpeta / nombre).write_text(generar(), encoding="utf-8", newline="\n")


if __name__ == "__main__":
    escribir(Path(sys.argv[1] if len(sys.argv) > 1 else "docs"))
