"""Las formas de una diferencia y de una historia: texto (personas), JSON (programas) y
Markdown (el comentario de un pull request).

El JSON lleva ``"version": 1`` y la forma de ``Cambio.como_dict``; el Markdown escapa cada
texto de la Ruta (nada se vuelve enlace, HTML ni formato) y va con títulos de nivel 3 y 4 para
caber debajo del título de un comentario.
"""

from __future__ import annotations

import json

from rutamejora.nucleo.expresiones import compilar

VERSION_JSON = 1
SIN_CAMBIOS = "Sin cambios en la Ruta."


# --- Una diferencia ----------------------------------------------------------------------------


def diferencia_texto(d, carpeta: str = "") -> str:
    donde = f" en {carpeta}" if carpeta else ""
    lineas = [f"Cambios{donde}: {d.antes} → {d.despues}", ""]
    lineas += _cuerpo_texto(d, "  ")
    return "\n".join(lineas).rstrip() + "\n"


def _cuerpo_texto(d, sangria: str) -> list[str]:
    lineas = [f"{sangria}Aviso: {a}" for a in d.avisos]
    if d.vacia:
        return lineas + [f"{sangria}{SIN_CAMBIOS}"]
    for _, titulo, cambios in d.partes():
        lineas.append(f"{sangria}{titulo}")
        lineas += [f"{sangria}  {c.texto}" for c in cambios]
    return lineas


def diferencia_dict(d, carpeta: str = "") -> dict:
    return {"carpeta": carpeta, "antes": d.antes, "despues": d.despues,
            "sin_cambios": d.vacia, "avisos": list(d.avisos),
            "partes": [{"parte": p, "titulo": t, "cambios": [c.como_dict() for c in cs]}
                       for p, t, cs in d.partes()]}


def diferencia_json(d, carpeta: str = "") -> str:
    return _json({"version": VERSION_JSON, **diferencia_dict(d, carpeta)})


def diferencia_md(d, carpeta: str = "", nivel: int = 3) -> str:
    """El Markdown de un comentario: un título, y por parte un subtítulo y una lista."""
    h = "#" * nivel
    donde = f" en `{_codigo(carpeta)}`" if carpeta else ""
    lineas = [f"{h} Cambios{donde}", "",
              f"De **{escapar(d.antes)}** a **{escapar(d.despues)}**.", ""]
    lineas += [f"> {escapar(a)}" for a in d.avisos]
    if d.avisos:
        lineas.append("")
    if d.vacia:
        return "\n".join(lineas + [SIN_CAMBIOS, ""])
    for _, titulo, cambios in d.partes():
        lineas += [f"{h}# {escapar(titulo)}", ""]
        lineas += [f"- {escapar(c.texto)}" for c in cambios]
        lineas.append("")
    return "\n".join(lineas)


# --- Una historia ------------------------------------------------------------------------------


def historia_texto(pasos: list, carpeta: str, id_: str | None = None) -> str:
    de = f" de {id_}" if id_ else ""
    if not pasos:
        return f"Ningún commit cambió {id_ or 'la Ruta'} en {carpeta}.\n"
    lineas = [f"Historia{de} en {carpeta} ({_commits(len(pasos))}, del más nuevo al más viejo)", ""]
    for paso in pasos:
        c = paso.commit
        lineas.append(f"{c.corto}  {c.fecha.date().isoformat()}  {c.autor}  {c.mensaje}")
        lineas += _lineas_paso(paso, "    ")
        lineas.append("")
    return "\n".join(lineas).rstrip() + "\n"


def _lineas_paso(paso, sangria: str) -> list[str]:
    if paso.nota:
        return [f"{sangria}{paso.nota}"]
    d = paso.diferencia
    lineas = [f"{sangria}Aviso: {a}" for a in d.avisos]
    # Cada línea ya nombra lo que cambió («Meta M2: …», «Bitácora: …»): sin títulos de parte.
    for _, _, cambios in d.partes():
        lineas += [f"{sangria}{c.texto}" for c in cambios]
    return lineas or [f"{sangria}{SIN_CAMBIOS}"]


def historia_json(pasos: list, carpeta: str, id_: str | None = None) -> str:
    return _json({"version": VERSION_JSON, "carpeta": carpeta, "id": id_, "commits": [
        {"commit": p.commit.id, "fecha": p.commit.fecha.isoformat(), "autor": p.commit.autor,
         "correo": p.commit.correo, "mensaje": p.commit.mensaje, "nota": p.nota,
         "partes": diferencia_dict(p.diferencia)["partes"] if p.diferencia else []}
        for p in pasos]})


def historia_md(pasos: list, carpeta: str, id_: str | None = None) -> str:
    lineas = [f"### Historia{' de ' + escapar(id_) if id_ else ''} en `{_codigo(carpeta)}`", ""]
    if not pasos:
        return "\n".join(lineas + ["Ningún commit la cambió.", ""])
    for paso in pasos:
        c = paso.commit
        lineas += [f"#### `{c.corto}` {c.fecha.date().isoformat()}: {escapar(c.mensaje)}", "",
                   f"Por {escapar(c.autor)}.", ""]
        lineas += [f"- {escapar(t.strip())}" for t in _lineas_paso(paso, "")]
        lineas.append("")
    return "\n".join(lineas)


def _commits(n: int) -> str:
    return f"{n} commit{'' if n == 1 else 's'}"


def _json(datos) -> str:
    return json.dumps(datos, ensure_ascii=False, indent=2) + "\n"


# --- Markdown ----------------------------------------------------------------------------------

_MD_ESPECIALES = compilar(r"([\\`*_\[\]<>|~])")
_MD_INICIO = compilar(r"^(#{1,6}(?=\s|$)|[-+](?=\s|$)|[-=]{3,}\s*$)")
_MD_LISTA = compilar(r"^(\d{1,9})([.)])(?=\s|$)")
_MD_ENTIDAD = compilar(r"&(?=#?\w+;)")


def escapar(texto: str) -> str:
    """Un texto como texto literal de Markdown, en una línea: nada se vuelve formato, enlace,
    HTML ni celda de una tabla (un ``<script>`` de una Ruta sale como texto)."""
    texto = " ".join(str(texto).split())
    texto = _MD_ESPECIALES.sub(r"\\\1", texto)
    texto = _MD_ENTIDAD.sub(r"\\&", texto)
    texto = _MD_LISTA.sub(r"\1\\\2", texto)
    return _MD_INICIO.sub(r"\\\1", texto)


def _codigo(texto: str) -> str:
    return str(texto).replace("`", "'").replace("\n", " ")


# --- Los datos personales de la historia -------------------------------------------------------

COMO_SACARLOS = ("Para sacarlos de la historia (y qué significa para cada clon): "
                 "`ruta ayuda historia`, «Sacar un dato personal de la historia».")


def pasado_texto(revisiones: list) -> str:
    """``ruta validar --historia`` para personas: por Ruta, cada dato con su commit y archivo."""
    lineas = []
    for r in revisiones:
        if not r.datos:
            lineas.append(f"{r.carpeta}: ningún dato personal en la historia "
                          f"({_revisados(r.commits)}).")
            continue
        lineas += [f"{r.carpeta}: {_datos(len(r.datos))} en la historia "
                   f"({_revisados(r.commits)})", ""]
        for d in r.datos:
            lineas.append(f"  {d.entro.corto} {d.entro.fecha.date().isoformat()}  "
                          f"{d.archivo}:{d.linea}  {d.que}")
            lineas.append(f"      {d.cita}")
            lineas.append(f"      {_estado(d)}")
        lineas.append("")
    total = sum(len(r.datos) for r in revisiones)
    if total:
        lineas += [f"{_datos(total)} en la historia. Un dato borrado sigue en cada clon y en "
                   "cada copia del repositorio.", COMO_SACARLOS]
    return "\n".join(lineas).rstrip() + "\n"


def _revisados(n: int) -> str:
    return f"{_commits(n)} revisado{'' if n == 1 else 's'}"


def _estado(d) -> str:
    if d.salio is None:
        return "sigue en la versión más nueva de la historia"
    return f"se quitó en {d.salio.corto} ({d.salio.fecha.date().isoformat()}), pero sigue en la historia"


def _datos(n: int) -> str:
    return f"{n} dato{'' if n == 1 else 's'} personal{'' if n == 1 else 'es'}"


def pasado_json(revisiones: list) -> str:
    return _json({"version": VERSION_JSON, "rutas": [
        {"carpeta": str(r.carpeta), "commits_revisados": r.commits, "datos": [
            {"commit": d.entro.id, "fecha": d.entro.fecha.isoformat(), "archivo": d.archivo,
             "linea": d.linea, "clase": d.clase, "cita": d.cita,
             "quitado_en": d.salio.id if d.salio else None}
            for d in r.datos]}
        for r in revisiones]})


def pasado_github(revisiones: list) -> str:
    """Una anotación ``::error`` por dato (GitHub Actions las muestra junto al archivo)."""
    lineas = []
    for r in revisiones:
        for d in r.datos:
            mensaje = (f"Un dato personal ({d.que}) entró en el commit {d.entro.corto}: {d.cita}. "
                       f"{_estado(d).capitalize()}.")
            lineas.append(f"::error file={d.archivo},line={d.linea},title=Dato personal en la "
                          f"historia::{_gh(mensaje)}")
    total = sum(len(r.datos) for r in revisiones)
    lineas.append(f"{_datos(total)} en la historia." if total else
                  "Ningún dato personal en la historia.")
    return "\n".join(lineas) + "\n"


def _gh(texto: str) -> str:
    return texto.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
