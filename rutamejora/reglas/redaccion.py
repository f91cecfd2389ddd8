"""Reglas de redacción: errores que se ven en Rutas reales.

Un objetivo escrito como sustantivo («La comprensión lectora») en lugar de empezar con un verbo
en infinitivo, y datos de la escuela de relleno copiados de una plantilla («zona 00», «XXX»).

Registra RM350 ``objetivo-sin-verbo`` y RM351 ``dato-de-relleno``.
"""

from __future__ import annotations

import re

from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import AVISO
from rutamejora.reglas.compartido import verbo_del_objetivo
from rutamejora.nucleo.expresiones import compilar


@regla("RM350", "objetivo-sin-verbo", AVISO, "planeacion", ("objetivos.yaml",))
def objetivo_sin_verbo(ruta, ctx):
    """El objetivo está redactado como sustantivo («La comprensión lectora»): empiézalo con un verbo en infinitivo.

    Así dice qué se quiere lograr («Mejorar la comprensión lectora…»).

    ✓ objetivos.yaml
        objetivos:
          - id: O1
            que: Mejorar la comprensión lectora de los alumnos de primer grado
    ✗ objetivos.yaml
        objetivos:
          - id: O1
            que: La comprensión lectora de los alumnos de primer grado
    """
    ajustes = ruta.marco.regla_suave("objetivo-sin-verbo") if ruta.marco is not None else None
    pista = (ajustes or {}).get("pista") or "Empieza con lo que se hará: «Mejorar…», «Reducir…», «Fortalecer…»."
    for o in ruta.objetivos:
        if o.que and verbo_del_objetivo(o.que) is None:
            primera = o.que.strip().split()[0] if o.que.strip() else ""
            ctx.problema(o, "que", f"El objetivo {o.id} empieza con «{primera}», no con un verbo en infinitivo.",
                         pista)


_RELLENO = compilar(r"^(0+|x+|n/?a|s/?n|por definir|pendiente|\?+|-+|xxx.*|nombre de la escuela)$",
                    re.IGNORECASE)


@regla("RM351", "dato-de-relleno", AVISO, "planeacion", ("ruta.yaml",))
def dato_de_relleno(ruta, ctx):
    """Un dato de la escuela es de relleno («zona 00», «XXX», «por definir»), copiado de una plantilla.

    ✓ ruta.yaml
        escuela:
          zona: "045"
    ✗ ruta.yaml
        escuela:
          zona: "00"
    """
    e = ruta.escuela
    if e is None:
        return
    for campo in ("nombre", "zona", "sector", "municipio", "localidad", "turno"):
        valor = getattr(e, campo)
        if isinstance(valor, str) and _RELLENO.match(valor.strip()):
            ctx.problema(e, campo, f"`{campo}: {valor}` parece un dato de relleno.",
                         "Escribe el dato real de la escuela o quita la clave.")
