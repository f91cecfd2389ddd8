"""La severidad que ``ruta.yaml`` fija por código (``validacion.reglas``), y RM905."""

from __future__ import annotations

from rutamejora.nucleo.codigos import definir, obtener, problema_de, sugerir_codigo
from rutamejora.nucleo.problemas import AVISO, DESACTIVADA


def aplicar_ajustes(problemas: list, ajustes, ruta) -> list:
    """Aplica la severidad que ruta.yaml fija por código (``validacion.reglas``)."""
    if ajustes is None or not ajustes.reglas:
        return problemas
    severidades = {codigo.upper(): sev for codigo, sev in ajustes.reglas.items()}
    resultado = []
    for codigo in severidades:
        if obtener(codigo) is None:
            linea, columna, camino = ajustes.pos("reglas")
            cercano = sugerir_codigo(codigo)
            resultado.append(problema_de(
                "RM905", "ruta.yaml", linea, columna, camino,
                f"`validacion.reglas` nombra el código {codigo}, que no existe.",
                pista=f"¿Quisiste decir {cercano}?" if cercano else "`ruta reglas` lista los códigos."))
    for p in problemas:
        nueva = severidades.get(p.codigo)
        if nueva == DESACTIVADA:
            continue
        resultado.append(p.con(severidad=nueva) if nueva else p)
    return resultado


definir("RM905", "ajuste-desconocido", AVISO, "validacion", """
    `validacion.reglas` en ruta.yaml cambia la severidad de un código que no existe.

    ✓ ruta.yaml
        validacion:
          reglas: {RM301: info}
    ✗ ruta.yaml
        validacion:
          reglas: {RM3O1: info}
""")
