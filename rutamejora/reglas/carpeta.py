"""La carpeta dice qué Ruta es: en ``escuelas/<CCT>/<ciclo>/`` la CCT y el ciclo de la ruta de
la carpeta deben ser los de ``ruta.yaml`` (RM124 ``carpeta-de-otra-ruta``).

Una Ruta copiada a la carpeta de otra escuela o de otro ciclo valida limpia y se reporta como
si fuera de ahí: la zona entera la verá en el lugar equivocado.
"""

from __future__ import annotations

import os
from pathlib import Path

from rutamejora.nucleo import cct as claves
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import ERROR
from rutamejora.nucleo.expresiones import compilar

_CICLO = compilar(r"^(\d{4})-(\d{4})$")


def disposicion(carpeta: Path) -> tuple[str, str] | None:
    """(CCT, ciclo) que nombra la carpeta de una Ruta en la disposición ``<CCT>/<ciclo>/``
    (normalmente ``escuelas/<CCT>/<ciclo>/``), o ``None`` si no está así.

    >>> disposicion(Path("escuelas/15EJN0520Q/2026-2027"))
    ('15EJN0520Q', '2026-2027')
    >>> disposicion(Path("ejemplos/primaria-2025-2026")) is None
    True
    """
    # Sin resolver enlaces: cuenta el nombre con que se escribió la carpeta; «.» se vuelve el suyo.
    absoluta = Path(os.path.abspath(carpeta))
    ciclo, cct = absoluta.name, absoluta.parent.name.upper()
    if not _CICLO.match(ciclo) or claves.partes(cct) is None:
        return None
    return cct, ciclo


def _tramo(ciclos: list[str]) -> str:
    """El tramo que nombra la carpeta de una Ruta de varios ciclos: 2025-2026 + 2026-2027 → 2025-2027."""
    return f"{ciclos[0][:4]}-{ciclos[-1][5:]}"


@regla("RM124", "carpeta-de-otra-ruta", ERROR, "estructura", ("ruta.yaml",))
def carpeta_de_otra_ruta(ruta, ctx):
    """La carpeta `escuelas/<CCT>/<ciclo>/` nombra otra escuela u otro ciclo que `ruta.yaml`: la Ruta se copió y no se actualizó.

    Se revisa cuando la carpeta de la Ruta se llama como un ciclo y está dentro de una carpeta
    que se llama como una CCT. Una Ruta de varios ciclos (un PEMC) va en la carpeta de su tramo
    (`escuelas/15EES0527T/2025-2027` para `ciclos: [2025-2026, 2026-2027]`) o en la de su
    `ciclo` en curso.

    ✓ ruta.yaml (en escuelas/21DPR0123T/2025-2026)
        ciclo: 2025-2026
    ✗ ruta.yaml (en escuelas/21DPR0123T/2026-2027)
        ciclo: 2025-2026
    """
    nombrada = disposicion(ruta.carpeta)
    if nombrada is None:
        return
    cct, ciclo = nombrada
    lugar = f"{cct}/{ciclo}"
    escrita = ruta.escuela.cct if ruta.escuela is not None and isinstance(ruta.escuela.cct, str) else None
    ciclos = [c for c in ruta.ciclos if isinstance(c, str) and _CICLO.match(c)]
    # La carpeta que corresponde a lo que dice ruta.yaml: las dos pistas nombran la misma.
    destino = f"{(escrita or cct).strip().upper()}/{_tramo(ciclos) if ciclos else ciclo}"
    if escrita and escrita.strip().upper() != cct:
        ctx.problema(ruta.escuela, "cct",
                     f"La carpeta `{lugar}` es de la CCT {cct}, pero `ruta.yaml` dice `{escrita}`.",
                     f"¿Se copió la Ruta de otra escuela? Corrige `cct` o mueve la Ruta a "
                     f"`{destino}`.")
    if not ciclos or ruta.datos.invalido("ciclos"):
        return
    validos = {_tramo(ciclos), *([ruta.ciclo] if ruta.ciclo else [])}
    if ciclo not in validos:
        campo = "ciclos" if ruta.datos.ciclos else "ciclo"
        dice = f"`ciclo: {ruta.ciclo}`" if campo == "ciclo" else f"`ciclos: [{', '.join(ciclos)}]`"
        ctx.problema(ruta.datos, campo,
                     f"La carpeta `{lugar}` es del ciclo {ciclo}, pero `ruta.yaml` dice {dice}.",
                     f"¿Se copió la Ruta de otro ciclo? Corrige `{campo}` o mueve la Ruta a la "
                     f"carpeta `{destino}` (para el ciclo siguiente: `ruta nueva --desde`).")
