"""Reglas de las metas: ¿se pueden medir? (metas.yaml).

Que la redacción diga cuánto (y no dos metas en una: ``cifras_meta`` lee su estructura), que
la meta pida algo que aún no se tiene y que sus cifras quepan en la escala de su unidad.

Registra RM301 ``meta-sin-cantidad``, RM302 ``meta-doble``, RM303 ``meta-ya-cumplida``,
RM304 ``valor-fuera-de-escala`` y RM305 ``mantener-sin-direccion``.
"""

from __future__ import annotations

from decimal import Decimal

from rutamejora.catalogos import datos_de, normalizar
from rutamejora.nucleo.codigos import regla
from rutamejora.nucleo.problemas import AVISO, ERROR
from rutamejora.reglas.cifras_meta import metas_dentro, partida_y_llegada
from rutamejora.reglas.compartido import fuera_de_rango, meta_contradictoria
from rutamejora.nucleo.expresiones import compilar

PLAN = ("metas.yaml",)


def _unidad(meta) -> str | None:
    return meta.indicador.unidad if meta.indicador is not None else None


# Números que no son cantidades de la meta: años, grados (3°), fechas y horas (8:00).
_NO_CANTIDAD = compilar(r"\b(19|20)\d\d\b|\b\d+\s*[°ºª]|\b\d{1,2}\s+de\s+[a-záéíóú]+|\d{4}-\d{2}-\d{2}"
                        r"|\b\d{1,2}:\d{2}\b")
_CANTIDAD = compilar(r"\d+(?:[.,]\d+)?")


def cantidades(texto: str) -> list[str]:
    """Las cantidades de una redacción, sin años, grados ni fechas."""
    return _CANTIDAD.findall(_NO_CANTIDAD.sub(" ", texto))


@regla("RM301", "meta-sin-cantidad", AVISO, "planeacion", PLAN)
def meta_sin_cantidad(ruta, ctx):
    """La meta no dice cuánto: su redacción no tiene ningún número («avances significativos»).

    Las metas deben ser precisas, explícitas y medibles: ¿cuánto?, ¿de qué manera?, ¿cuándo?

    ✓ metas.yaml
        metas:
          - id: M1
            descripcion: Aumentar de 40 % a 60 % los alumnos de 1° que leen al nivel esperado
    ✗ metas.yaml
        metas:
          - id: M1
            descripcion: Que todos los alumnos tengan avances significativos en lectura
    """
    vagas = datos_de("redaccion.yaml").get("frases_vagas") or []
    for m in ruta.metas:
        if not m.descripcion or cantidades(m.descripcion):
            continue
        frase = next((f for f in vagas if normalizar(f) in normalizar(m.descripcion)), None)
        detalle = f" («{frase}» no se puede medir)" if frase else ""
        ctx.problema(m, "descripcion", f"La meta {m.id} no dice cuánto: no tiene ninguna cifra{detalle}.",
                     "Escribe la cifra que se quiere alcanzar, p. ej. «de 40 % a 60 % de los alumnos».")


@regla("RM302", "meta-doble", AVISO, "planeacion", PLAN)
def meta_doble(ruta, ctx):
    """Una meta con dos metas dentro («subir la asistencia y el promedio»): sepárala en dos.

    Se busca por la forma de la redacción, no contando números: dos cifras meta para dos
    medidas distintas, unidas por una conjunción («y», «e», «así como», «;») o por un gerundio
    («…, elevando el promedio a 8»). «De 55 % a 75 %» es una sola cifra meta; los años, las
    fechas, los grados, las duraciones, los criterios («al menos 60 palabras por minuto») y la
    «y» dentro de una misma medida («lectura y escritura») no hacen otra meta, ni las etapas de
    una misma medida («a 50 % en diciembre y a 65 % en junio»).

    ✓ metas.yaml
        metas:
          - id: M1
            descripcion: Que 18 de los 24 alumnos de 2° lean al menos 60 palabras por minuto y comprendan lo que leen
    ✓ metas.yaml
        metas:
          - id: M1
            descripcion: Aumentar de 40 % a 60 % los alumnos de 1° que leen y escriben al nivel esperado
    ✗ metas.yaml
        metas:
          - id: M1
            descripcion: Incrementar al 95 % la asistencia y reducir al 5 % la impuntualidad
    ✗ metas.yaml
        metas:
          - id: M1
            descripcion: Subir la asistencia de 90 % a 95 % y el promedio de 7.2 a 8
    """
    for m in ruta.metas:
        partes = metas_dentro(m.descripcion) if isinstance(m.descripcion, str) else []
        if len(partes) >= 2:
            citadas = [f"«{_recortar(p)}»" for p in partes]
            ctx.problema(m, "descripcion",
                         f"La meta {m.id} parece tener dos metas en una: "
                         f"{', '.join(citadas[:-1])} y {citadas[-1]}.",
                         "Escribe una meta por cada indicador: así cada una tiene su línea base y su medición.")


def _recortar(texto: str, largo: int = 60) -> str:
    return texto if len(texto) <= largo else texto[:largo - 1].rstrip() + "…"


@regla("RM303", "meta-ya-cumplida", AVISO, "planeacion", PLAN)
def meta_ya_cumplida(ruta, ctx):
    """La línea base ya alcanza el valor meta en el sentido del indicador: la meta no pide nada.

    «Reducir de 3 a 4» se «alcanzaría» con cualquier medición hasta 4, aun peor que la línea
    base. Por eso `ruta avance` y los informes nunca la dan por lograda: al llegar su fecha
    límite es «no lograda (meta contradictoria: RM303)» y, antes, «en riesgo», y el informe
    dice por qué. Corrige el sentido (aumentar/disminuir) o los valores.

    ✓ metas.yaml
        metas:
          - id: M1
            sentido: aumentar
            linea_base: 40
            valor_meta: 60
    ✗ metas.yaml
        metas:
          - id: M1
            sentido: aumentar
            linea_base: 60
            valor_meta: 40
    """
    for m in ruta.metas:
        # Igual línea base y valor meta con aumentar o disminuir es una meta de sostener que dice
        # hacia dónde es mejor («no bajar de 95»): sí pide algo (ver RM305). La misma cuenta
        # hace que los informes no la den por lograda (``vistas.avance_meta``).
        if meta_contradictoria(m):
            ctx.problema(m, "valor_meta",
                         f"La meta {m.id} ya se cumple al inicio: debe {m.sentido} y parte de "
                         f"{m.linea_base} con valor meta {m.valor_meta}.",
                         "Revisa el sentido (aumentar/disminuir) o los valores.")


@regla("RM305", "mantener-sin-direccion", AVISO, "planeacion", PLAN)
def mantener_sin_direccion(ruta, ctx):
    """Una meta de `mantener` con la línea base igual al valor meta no dice qué valor es mejor.

    Sin saber si un valor mayor es mejor o peor, solo se da por lograda si se mide ese valor
    exacto.

    «Mantener en 0 los alumnos que abandonan» con 3 no se logró; «mantener la asistencia en
    95 %» con 96 tampoco se da por lograda, porque la Ruta no dice que más sea mejor. Para que
    un valor mejor cuente, el sentido lo dice: `aumentar` (no bajar de 95) o `disminuir` (no
    pasar de 0), con la línea base igual al valor meta.

    ✓ metas.yaml
        metas:
          - id: M1
            sentido: disminuir
            linea_base: 0
            valor_meta: 0
    ✗ metas.yaml
        metas:
          - id: M1
            sentido: mantener
            linea_base: 0
            valor_meta: 0
    """
    for m in ruta.metas:
        if m.sentido != "mantener" or m.linea_base is None or m.linea_base != m.valor_meta:
            continue
        ctx.problema(m, "sentido",
                     f"La meta {m.id} debe mantener {m.valor_meta} sin decir si un valor mayor es "
                     f"mejor o peor: solo se dará por lograda si se mide exactamente {m.valor_meta}.",
                     "Si un valor mayor también la cumple, escribe `sentido: aumentar`; si uno menor, "
                     "`sentido: disminuir`.")


@regla("RM306", "redaccion-contra-cifras", AVISO, "planeacion", PLAN)
def redaccion_contra_cifras(ruta, ctx):
    """La redacción de la meta dice otra línea base u otro valor meta que sus campos.

    «Aumentar de 46 % a 60 %» con `valor_meta: 48`: el avance y los informes usan los campos, y
    la rendición diría «Sí» a una meta que, como está escrita, no se alcanzó.

    ✓ metas.yaml
        metas:
          - id: M1
            descripcion: Aumentar de 46 % a 60 % los alumnos que leen con fluidez
            linea_base: 46
            valor_meta: 60
    ✗ metas.yaml
        metas:
          - id: M1
            descripcion: Aumentar de 46 % a 60 % los alumnos que leen con fluidez
            linea_base: 46
            valor_meta: 48
    """
    for m in ruta.metas:
        if not isinstance(m.descripcion, str):
            continue
        cifras = partida_y_llegada(m.descripcion)
        if cifras is None:
            continue
        dice = {"linea_base": cifras[0], "valor_meta": cifras[1]}
        distintos = [c for c in dice if getattr(m, c) is not None
                     and Decimal(dice[c]) != Decimal(str(getattr(m, c)))]
        if distintos:
            campos = " y ".join(f"`{c}` es {getattr(m, c)}" for c in distintos)
            ctx.problema(m, distintos[-1],
                         f"La redacción de {m.id} dice «{cifras[2]}», pero {campos}.",
                         "Corrige la que no es: el avance y los informes usan los campos.")


@regla("RM304", "valor-fuera-de-escala", ERROR, "planeacion", PLAN)
def valor_fuera_de_escala(ruta, ctx):
    """La línea base o el valor meta se salen de la escala de su unidad (un porcentaje de 120, un promedio de 85).

    ✓ metas.yaml
        metas:
          - id: M1
            linea_base: 40
            valor_meta: 60
    ✗ metas.yaml
        metas:
          - id: M1
            linea_base: 40
            valor_meta: 160
    """
    for m in ruta.metas:
        for campo in ("linea_base", "valor_meta"):
            valor = getattr(m, campo)
            rango = fuera_de_rango(valor, _unidad(m)) if valor is not None else None
            if rango:
                ctx.problema(m, campo, f"`{campo}` de {m.id} vale {valor}, pero un {_unidad(m)} va {rango}.",
                             "Revisa la cifra o la unidad del indicador.")
