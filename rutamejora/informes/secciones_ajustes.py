"""La sección «Ajustes durante el ciclo» de la rendición de cuentas: qué cambió del plan
mientras corría, cuándo y por qué.

Los datos salen de ``historia.ajustes_del_ciclo`` (la historia de la Ruta en git y los
``ajustes`` de la bitácora, juntados por fecha e id). Para las familias (``comunidad``), en
palabras llanas («el valor meta pasó de 85 % a 80 %») y sin datos de personas: ni autores ni
mensajes de commit, y los responsables por su función; para la autoridad, con el id y el
mensaje de cada commit. Sin git, la sección se arma solo con la bitácora y lo dice.
"""

from __future__ import annotations

from datetime import date

from rutamejora.formato.modelo import Ruta
from rutamejora.informes.voz import Voz
from rutamejora.vistas import fecha_corta

SUPERFICIAL = ("Esta copia del repositorio trae solo una parte de la historia de git (es un clon "
               "superficial): los cambios anteriores a su primer commit no se ven aquí, ni en lo "
               "que este informe dice de las metas. Se trae completa con la orden git fetch --unshallow.")
# El «por qué» de un cambio de git que ningún ajuste de la bitácora explica (``historia.motivos``):
# puede que no se anotó, o que el anotado no lo explica (y va en su propio renglón).
SIN_MOTIVO = "Ningún ajuste de la bitácora lo explica"
SIN_GIT = ("La Ruta no está en un repositorio de git: esta sección se arma solo con los ajustes "
           "que el Consejo Técnico Escolar anotó en la bitácora.")


def datos_del_ciclo(ruta: Ruta, hoy: date):
    """Los ajustes del ciclo de ``historia`` (git y bitácora), leídos una vez por informe: de
    ellos salen esta sección y los cambios tardíos de cada meta (``secciones_metas``)."""
    from rutamejora.historia import ajustes_del_ciclo as calcular

    return calcular(ruta, hoy)


def ajustes_del_ciclo(ruta: Ruta, hoy: date, voz: Voz, datos=None) -> dict:
    """``{hay, en_git, introduccion, nota, filas}``; cada fila: fecha, qué cambió (lista),
    por qué, y para la autoridad el commit y su mensaje. ``datos``: los de ``datos_del_ciclo``,
    si ya se leyeron."""
    if datos is None:
        datos = datos_del_ciclo(ruta, hoy)
    sueltos = [a for a in datos.ajustes if a.commit is None]
    filas = [{
        "fecha": fecha_corta(a.fecha), "fecha_iso": a.fecha.isoformat(), "ids": list(a.ids),
        "que": [_llano(c, voz) for c in a.cambios] or [_anotado(a.ids)],
        "por_que": _por_que(a, voz, sueltos),
        "commit": a.commit.corto if a.commit is not None and not voz.publica else None,
        "mensaje": voz.texto(a.commit.mensaje) if a.commit is not None and not voz.publica else None,
    } for a in datos.ajustes]
    return {"hay": bool(filas), "en_git": datos.en_git, "filas": filas,
            "introduccion": _introduccion(datos.en_git, voz),
            "nota": SIN_GIT if not datos.en_git else SUPERFICIAL if datos.superficial else None}


def _por_que(ajuste, voz: Voz, sueltos: list) -> str | None:
    """El motivo anotado; a un cambio de git sin ajuste que lo explique, ``_sin_motivo``."""
    if ajuste.motivo:
        return voz.texto(ajuste.motivo)
    return _sin_motivo(ajuste, sueltos) if ajuste.commit is not None else None


def _sin_motivo(cambio, sueltos: list) -> str:
    """El «por qué» de un cambio que ningún ajuste explica; si hay ajustes de sus ids que no
    explicaron ningún cambio, dónde están, para que no parezca que no se anotó nada:
    «Ningún ajuste de la bitácora lo explica (el ajuste del 31 oct 2025 sobre A17 va en su propio renglón)»."""
    propios = [a for a in sueltos if set(a.ids) & set(cambio.ids)]
    if not propios:
        return SIN_MOTIVO
    dias = [fecha_corta(a.fecha) for a in propios]
    ids = list(dict.fromkeys(i for a in propios for i in a.ids if i in cambio.ids))
    if len(dias) == 1:
        return f"{SIN_MOTIVO} (el ajuste del {dias[0]} sobre {_lista(ids)} va en su propio renglón)"
    return (f"{SIN_MOTIVO} (los ajustes del {_lista(dias)} sobre {_lista(ids)} van en su propio "
            "renglón)")


def _lista(cosas: list) -> str:
    """«A17», «A10 y A15», «A10, A15 y M5»."""
    return cosas[0] if len(cosas) == 1 else ", ".join(cosas[:-1]) + " y " + cosas[-1]


def _anotado(ids: list) -> str:
    """Un ajuste que solo está en la bitácora: «Anotado en la bitácora (A17, M8 y M9)»."""
    if not ids:
        return "Anotado en la bitácora"
    return f"Anotado en la bitácora ({_lista(ids)})"


def _introduccion(en_git: bool, voz: Voz) -> str:
    # Aquí y no arriba: importar ``historia`` carga git y la cronología, que un informe sin
    # rendición no usa.
    from rutamejora.historia.motivos import DESPUES, VENTANA

    if not en_git:
        return ("Lo que el Consejo Técnico Escolar decidió ajustar del plan durante el ciclo, "
                "con el motivo que anotó en la bitácora.")
    if voz.publica:
        return ("Lo que el Consejo Técnico Escolar cambió del plan durante el ciclo y por qué: "
                "cada cambio con su fecha y el motivo que anotó en la bitácora.")
    return ("Cada cambio a metas, acciones, prioridades u objetivos entre el inicio de clases y la "
            "fecha de este informe, tomado de la historia de la Ruta en git (con su commit), junto "
            "al ajuste de la bitácora que lo explica: el que nombra el mismo id, anotado de "
            f"{VENTANA} días antes del commit a {DESPUES} después, sin decir que lo que cambió se "
            "queda igual ni hablar de otro tipo de cambio, y que no explicó ya otro commit. Un "
            "ajuste que no explica ningún cambio va en su propio renglón.")


def _llano(cambio, voz: Voz) -> str:
    """Un cambio como se le cuenta a una persona: «Meta M2: el valor meta pasó de 85 % a 80 %».

    Para la autoridad, la línea de ``ruta cambios`` tal cual."""
    if not voz.publica or not cambio.campos:
        return voz.texto(cambio.texto) or ""
    sujeto = cambio.texto.split(":", 1)[0]
    partes = [f"{c.etiqueta} pasó de {c.antes} a {c.despues}" for c in cambio.campos]
    return voz.texto(f"{sujeto}: {'; '.join(partes)}") or ""
