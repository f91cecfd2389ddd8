"""Reglas de ruta.yaml: versión del formato, ciclo, CCT de la escuela y calendario."""

from __future__ import annotations

from rutamejora.nucleo import cct as claves
from rutamejora.catalogos import cct as catalogo_cct
from rutamejora.catalogos import normalizar
from rutamejora.formato.esquema import VERSION_FORMATO
from rutamejora.nucleo.problemas import AVISO, ERROR
from rutamejora.nucleo.codigos import regla

RUTA = ("ruta.yaml",)


def _cct(ruta):
    """La CCT escrita (en mayúsculas) o ``None``."""
    if ruta.escuela is None or not ruta.escuela.cct:
        return None
    return ruta.escuela.cct


@regla("RM111", "version-no-soportada", ERROR, "estructura", RUTA)
def version_no_soportada(ruta, ctx):
    """La `version` del formato no es una que esta versión de ruta sepa leer.

    ✓ ruta.yaml
        version: 1
    ✗ ruta.yaml
        version: 7
    """
    v = ruta.datos.version
    if v is not None and v != VERSION_FORMATO:
        ctx.problema(ruta.datos, "version",
                     f"La Ruta usa la versión {v} del formato; esta versión de ruta lee la {VERSION_FORMATO}.",
                     "Actualiza ruta (`pip install -U rutamejora`) o revisa el número de versión.")


@regla("RM112", "ciclo-no-consecutivo", ERROR, "estructura", RUTA)
def ciclo_no_consecutivo(ruta, ctx):
    """Los dos años del ciclo deben ser consecutivos (2025-2026).

    ✓ ruta.yaml
        ciclo: 2025-2026
    ✗ ruta.yaml
        ciclo: 2025-2025
    """
    ciclo = ruta.ciclo
    if not ciclo:
        return
    inicio, fin = (int(x) for x in ciclo.split("-"))
    if fin != inicio + 1:
        ctx.problema(ruta.datos, "ciclo", f"Los años del ciclo `{ciclo}` no son consecutivos.",
                     f"¿Quisiste decir `{inicio}-{inicio + 1}`?")


@regla("RM113", "cct-formato", ERROR, "estructura", RUTA)
def cct_formato(ruta, ctx):
    """La CCT tiene 10 caracteres: 2 dígitos de entidad, 3 letras, 4 dígitos y un verificador.

    ✓ ruta.yaml
        escuela:
          cct: 21DPR0123T
    ✗ ruta.yaml
        escuela:
          cct: 21DPR123T
    """
    clave = _cct(ruta)
    if clave is None or claves.partes(clave):
        return
    sugerida = claves.sugerir(clave)
    pista = f"¿Quisiste decir `{sugerida}`?" if sugerida else \
        "La forma es EE C II NNNN V, p. ej. `21DPR0123T` (sin espacios ni guiones)."
    ctx.problema(ruta.escuela, "cct", f"La CCT `{clave}` no tiene la forma de una clave de centro de trabajo.", pista)


@regla("RM114", "cct-entidad", ERROR, "estructura", RUTA)
def cct_entidad(ruta, ctx):
    """Los dos primeros dígitos de la CCT son la entidad: de 01 a 32.

    ✓ ruta.yaml
        escuela:
          cct: 21DPR0123T
    ✗ ruta.yaml
        escuela:
          cct: 33DPR0123T
    """
    clave = _cct(ruta)
    partes = claves.partes(clave) if clave else None
    if partes and partes.entidad not in catalogo_cct()["entidades"]:
        ctx.problema(ruta.escuela, "cct", f"La CCT `{clave}` empieza con `{partes.entidad}`, que no es una entidad (01 a 32).",
                     "Revisa los dos primeros dígitos en tu documento oficial.")


@regla("RM115", "cct-verificador", ERROR, "estructura", RUTA)
def cct_verificador(ruta, ctx):
    """El último carácter de la CCT (el verificador) no corresponde a los otros nueve.

    Casi siempre es un error de captura; se sugiere la clave válida más parecida.

    ✓ ruta.yaml
        escuela:
          cct: 09DES0236U
    ✗ ruta.yaml
        escuela:
          cct: 09DES0236A
    """
    clave = _cct(ruta)
    partes = claves.partes(clave) if clave else None
    if not partes or partes.entidad not in catalogo_cct()["entidades"] or claves.es_valida(clave):
        return
    sugerida = claves.sugerir(clave)
    ctx.problema(ruta.escuela, "cct",
                 f"La CCT `{clave}` no es válida: su carácter verificador no corresponde.",
                 f"¿Quisiste decir `{sugerida}`? Compárala con tu documento oficial." if sugerida
                 else "Compárala con tu documento oficial.")


@regla("RM116", "cct-nivel", ERROR, "estructura", RUTA)
def cct_nivel(ruta, ctx):
    """El tipo de servicio de la CCT (PR, JN, ES…) no corresponde al nivel declarado.

    ✓ ruta.yaml
        escuela:
          cct: 21DPR0123T
          nivel: primaria
    ✗ ruta.yaml
        escuela:
          cct: 21DPR0123T
          nivel: secundaria
    """
    clave = _cct(ruta)
    partes = claves.partes(clave) if clave else None
    if not partes or not ruta.nivel:
        return
    tipo = catalogo_cct()["tipos_servicio"].get(partes.tipo_servicio)
    if tipo and tipo["nivel"] != ruta.nivel:
        ctx.problema(ruta.escuela, "nivel",
                     f"La CCT `{clave}` es de {tipo['nombre'].lower()} ({partes.tipo_servicio}), "
                     f"pero el nivel dice `{ruta.nivel}`.",
                     f"Corrige el nivel a `{tipo['nivel']}` o revisa la CCT.")


@regla("RM117", "cct-desconocida", AVISO, "estructura", RUTA)
def cct_desconocida(ruta, ctx):
    """La CCT usa un sostenimiento o un tipo de servicio que el catálogo no conoce; no se pudo comprobar del todo.

    ✓ ruta.yaml
        escuela:
          cct: 21DPR0123T
    ✗ ruta.yaml
        escuela:
          cct: 21DXY0123C
    """
    clave = _cct(ruta)
    partes = claves.partes(clave) if clave else None
    if not partes:
        return
    datos = catalogo_cct()
    if partes.sostenimiento not in datos["sostenimientos"]:
        ctx.problema(ruta.escuela, "cct", f"La letra de sostenimiento `{partes.sostenimiento}` de la CCT no es conocida.",
                     "Revisa la CCT; si es correcta, avísanos para agregarla al catálogo.")
    elif partes.tipo_servicio not in datos["tipos_servicio"]:
        ctx.problema(ruta.escuela, "cct", f"El tipo de servicio `{partes.tipo_servicio}` de la CCT no es conocido: "
                     "no se pudo comprobar que corresponda al nivel.",
                     "Revisa la CCT; si es correcta, avísanos para agregarla al catálogo.")


@regla("RM118", "entidad-distinta", ERROR, "estructura", RUTA)
def entidad_distinta(ruta, ctx):
    """La entidad escrita no es la que indica la CCT.

    ✓ ruta.yaml
        escuela:
          cct: 21DPR0123T
          entidad: Puebla
    ✗ ruta.yaml
        escuela:
          cct: 21DPR0123T
          entidad: Tlaxcala
    """
    clave = _cct(ruta)
    partes = claves.partes(clave) if clave else None
    if not partes or not ruta.escuela.entidad:
        return
    nombre = catalogo_cct()["entidades"].get(partes.entidad)
    if nombre and not _misma_entidad(ruta.escuela.entidad, nombre):
        ctx.problema(ruta.escuela, "entidad",
                     f"La entidad `{ruta.escuela.entidad}` no coincide con la CCT, que es de {nombre}.",
                     f"Escribe `{nombre}` o revisa la CCT.")


def _misma_entidad(escrita: str, oficial: str) -> bool:
    """«Coahuila» es «Coahuila de Zaragoza»; «CDMX» es «Ciudad de México»."""
    a, b = normalizar(escrita), normalizar(oficial)
    abreviaturas = {"cdmx": "ciudad_de_mexico", "edomex": "mexico", "estado_de_mexico": "mexico"}
    a = abreviaturas.get(a, a)
    return a == b or b.startswith(a + "_")


@regla("RM119", "sin-calendario", AVISO, "estructura", RUTA)
def sin_calendario(ruta, ctx):
    """El catálogo no tiene el calendario del ciclo y ruta.yaml no lo declara: las fechas no se pueden comprobar.

    ✓ ruta.yaml
        ciclo: 2025-2026
    ✗ ruta.yaml
        ciclo: 2031-2032
    """
    if ruta.ciclo and ruta.calendario is None and _consecutivo(ruta.ciclo):
        ctx.problema(ruta.datos, "ciclo",
                     f"No hay calendario para el ciclo {ruta.ciclo}: no se pudo comprobar que las fechas caigan dentro.",
                     "Agrega `calendario:` a ruta.yaml con `fase_intensiva`, `inicio_clases`, "
                     "`fin_clases` y `sesiones`.")


def _consecutivo(ciclo: str) -> bool:
    a, b = (int(x) for x in ciclo.split("-"))
    return b == a + 1


# --- El horizonte: los ciclos que abarca la Ruta (pemc-2019: de 2 a 4) ----------------------


@regla("RM121", "horizonte-del-marco", AVISO, "estructura", RUTA)
def horizonte_del_marco(ruta, ctx):
    """La Ruta abarca menos o más ciclos de los que pide su marco (rme-2014 y pmc-2024: uno; pemc-2019: de 2 a 4).

    Los ciclos se escriben en `ciclos:` de ruta.yaml; sin esa clave, la Ruta es de un solo
    ciclo (`ciclo`).

    ✓ ruta.yaml
        ciclos: [2025-2026]
    ✗ ruta.yaml
        ciclos: [2024-2025, 2025-2026]
    """
    if ruta.marco is None or ruta.datos.invalido("ciclos"):
        return
    minimo, maximo = ruta.marco.horizonte
    n = len(ruta.ciclos)
    if n == 0 or minimo <= n <= maximo:
        return
    rango = f"{minimo}" if minimo == maximo else f"de {minimo} a {maximo}"
    siglas = ruta.marco.siglas
    if ruta.datos.ciclos:
        ctx.problema(ruta.datos, "ciclos",
                     f"La Ruta abarca {n} {'ciclo' if n == 1 else 'ciclos'}; el {siglas} abarca {rango}.",
                     "Deja en `ciclos:` solo el ciclo en curso." if maximo == 1 else
                     f"Escribe en `ciclos:` los {rango} ciclos que decidió el CTE.")
    else:
        ctx.problema(ruta.datos, "ciclo",
                     f"El {siglas} abarca {rango} ciclos y la Ruta no dice cuáles.",
                     f"Agrega `ciclos: [{ruta.ciclo}, …]` con los ciclos que decidió el CTE.")


@regla("RM122", "ciclos-del-horizonte", ERROR, "estructura", RUTA)
def ciclos_del_horizonte(ruta, ctx):
    """Los `ciclos:` de ruta.yaml no son consecutivos, no incluyen el `ciclo` en curso, o una meta es de un ciclo que no está.

    ✓ ruta.yaml
        ciclos: [2025-2026]
    ✗ ruta.yaml
        ciclos: [2023-2024, 2025-2026]
    """
    ciclos = ruta.datos.ciclos
    if ciclos:
        anios = [int(c.split("-")[0]) for c in ciclos]
        if any(b != a + 1 for a, b in zip(anios, anios[1:])):
            ctx.problema(ruta.datos, "ciclos", "Los `ciclos:` no son consecutivos: " + ", ".join(ciclos) + ".",
                         "Escríbelos en orden y sin huecos (2024-2025, 2025-2026, …).")
        elif ruta.ciclo and ruta.ciclo not in ciclos:
            ctx.problema(ruta.datos, "ciclo", f"El ciclo en curso ({ruta.ciclo}) no está entre los `ciclos:`.",
                         "Agrégalo a `ciclos:` o corrige `ciclo`.")
    validos = set(ruta.ciclos)
    for m in ruta.metas:
        if m.ciclo and validos and m.ciclo not in validos:
            ctx.problema(m, "ciclo", f"La meta {m.id} es del ciclo {m.ciclo}, que la Ruta no abarca.",
                         "Ciclos de la Ruta: " + ", ".join(sorted(validos)) + ".")
