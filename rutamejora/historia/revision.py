"""La revisión de un pull request: qué Rutas cambiaron desde una revisión y el comentario en
Markdown que lee un ATP (los problemas de ``ruta validar`` y lo que cambió de cada Ruta).

``rutas_cambiadas`` mira git (``git diff --name-only REV`` y los archivos nuevos que git aún no
sigue), sin tocar el árbol de trabajo ni el índice; ``comentario`` arma el Markdown a partir de
los resultados de la validación (``reglas.Resultado``) y de las diferencias (``Diferencia``).
"""

from __future__ import annotations

from pathlib import Path

from rutamejora.formato import ARCHIVOS, es_ruta
from rutamejora.historia.git import Repositorio
from rutamejora.historia.presentar import diferencia_md, escapar
from rutamejora.nucleo import ERROR, AVISO, INFO, enmascarar
from rutamejora.privacidad import carpeta_sin_datos, mensaje_sin_datos

_ICONO = {ERROR: "❌ error", AVISO: "⚠️ aviso", INFO: "ℹ️ info"}


def rutas_cambiadas(carpeta: Path, desde: str) -> tuple[list[Path], str]:
    """Las carpetas de Ruta (dentro de ``carpeta``) con algún archivo distinto del commit
    ``desde``, y el id de ese commit. Una Ruta borrada no cuenta: ya no hay qué validar."""
    repo = Repositorio.de(carpeta)
    commit = repo.resolver(desde)
    dentro = repo.relativa(carpeta)
    rutas: list[Path] = []
    for archivo in repo.cambiados(commit, dentro):
        candidata = (repo.raiz / archivo).parent
        if candidata in rutas or not candidata.is_dir():
            continue
        if es_ruta(candidata) or any((candidata / n).is_file() for n in ARCHIVOS):
            rutas.append(candidata)
    return sorted(rutas), commit


def _relativa(carpeta: Path) -> str:
    """La carpeta relativa a la actual, sin datos personales (se publica en un pull request)."""
    try:
        relativa = carpeta.resolve().relative_to(Path.cwd().resolve()).as_posix() or "."
    except ValueError:
        relativa = str(carpeta)
    return carpeta_sin_datos(relativa, "github")


def _resumen(cuenta: dict) -> str:
    partes = [f"{cuenta[s]} {nombre if cuenta[s] == 1 else plural}"
              for s, nombre, plural in ((ERROR, "error", "errores"), (AVISO, "aviso", "avisos"))
              if cuenta[s]]
    texto = ", ".join(partes) if partes else "sin errores ni avisos"
    if cuenta.get(INFO):
        texto += f" ({cuenta[INFO]} nota{'' if cuenta[INFO] == 1 else 's'})"
    return texto


def comentario(resultados: list, diferencias: dict | None = None, desde: str | None = None,
               commit: str | None = None) -> str:
    """El Markdown de la revisión: por Ruta, sus problemas en una tabla y lo que cambió.

    ``diferencias`` va de la carpeta de cada Ruta a su ``Diferencia`` (o falta, sin cambios
    que mostrar); ``desde`` y ``commit`` dicen contra qué se comparó."""
    errores = sum(r.cuenta[ERROR] for r in resultados)
    lineas = ["## Revisión de las Rutas de mejora", ""]
    if desde is not None:
        cuantas = len(resultados)
        # El nombre de la rama lo escribió alguien («caso-kevin-perez-soto~1»): sin datos.
        desde = mensaje_sin_datos(desde.replace("`", ""), "github")
        lineas += [f"Rutas cambiadas desde `{desde}` ({(commit or '')[:7]}): "
                   f"{cuantas} Ruta{'' if cuantas == 1 else 's'}.", ""]
    if not resultados:
        return "\n".join(lineas + ["Ninguna Ruta cambió: no hay nada que revisar.", ""])
    lineas += ["**Todas las Rutas están sin errores.**" if not errores else
               f"**{errores} error{'' if errores == 1 else 'es'} por corregir.**", ""]
    for r in resultados:
        marca = "✅" if not r.cuenta[ERROR] else "❌"
        lineas += [f"### {marca} `{_relativa(r.carpeta)}`: {_resumen(r.cuenta)}", ""]
        # Las notas también, al final: la validación las ordena después de errores y avisos.
        problemas = [p for p in r.problemas if p.severidad in _ICONO]
        if problemas:
            lineas += ["| | Código | Dónde | Problema |", "|---|---|---|---|"]
            for p in problemas:
                donde = p.archivo + (f":{p.linea}" if p.linea else "")
                texto = enmascarar(p.mensaje, p.secretos)
                if p.pista:
                    texto += " " + enmascarar(p.pista, p.secretos)
                lineas.append(f"| {_ICONO[p.severidad]} | {p.codigo} | `{donde}` | "
                              f"{escapar(texto)} |")
            lineas.append("")
        diferencia = (diferencias or {}).get(r.carpeta)
        if diferencia is not None:
            lineas.append(diferencia_md(diferencia, nivel=4).rstrip() + "\n")
    return "\n".join(lineas).rstrip() + "\n"
