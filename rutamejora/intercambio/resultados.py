"""Una hoja de alumnos como conteos: cuántos alumnos hay en cada nivel, nunca quiénes.

De la hoja (``hoja``) se leen solo dos columnas: la del nivel (``--columna``) y, si se pide, la
del grado o grupo (``--por``). Los nombres, las CURP y cualquier otra columna no se copian a
ningún lado. Lo que sale son números (alumnos por nivel, su porcentaje) y textos que no son de
los alumnos: el nombre de la columna, los niveles, los grados y el nombre del archivo. Aun así,
cada uno de esos textos pasa por el detector de datos personales (``privacidad``): si la
columna elegida resulta ser la de los nombres o de las CURP (un valor distinto por alumno, o
nombres y CURP que el detector reconoce), no se escribe nada.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from rutamejora.intercambio.hoja import (HojaInvalida, Tabla, buscar_columnas, clave,
                                         encabezados_probables, leer_tabla)

AVISO_PRIVACIDAD = ("De la hoja solo se leyeron las columnas pedidas: no se escribió ningún "
                    "nombre, CURP ni otro dato de los alumnos, solo conteos y porcentajes.")
# Un nivel de logro tiene pocos valores (SisAT: 3 o 4); muchos distintos, casi uno por alumno,
# son nombres, CURP o calificaciones sueltas: la columna equivocada.
MAX_NIVELES = 15
MAX_GRUPOS = 40
# «Requiere apoyo», «3° B»: un nivel o un grado cabe en un renglón.
MAX_LARGO = 120


@dataclass
class Conteo:
    """Los alumnos de la hoja por grupo (``None`` sin ``--por``) y nivel, en orden de aparición."""

    fuente: str                   # el archivo (y la pestaña), como se escribe en `fuente`
    columna: str                  # el encabezado del nivel como está en la hoja
    por: str | None               # el encabezado del grado o grupo
    grupos: dict = field(default_factory=dict)     # grupo → {nivel: alumnos}
    sin_nivel: int = 0            # renglones con el grupo (o algo) pero sin nivel: no se cuentan
    sin_grupo: int = 0            # renglones con nivel pero sin grado o grupo (con --por)

    @property
    def niveles(self) -> list[str]:
        return list(dict.fromkeys(n for g in self.grupos.values() for n in g))

    @property
    def alumnos(self) -> int:
        return sum(sum(g.values()) for g in self.grupos.values())


def _privado(texto: str) -> str | None:
    """``texto`` enmascarado si tiene datos personales; ``None`` si no tiene."""
    from rutamejora.privacidad import INFORME, detectar, enmascarar

    hallados = detectar(texto)
    return enmascarar(texto, hallados, INFORME) if hallados else None


def sin_datos_personales(texto: str) -> str:
    """``texto`` con sus datos personales enmascarados («[nombre]», «[CURP]»)."""
    return _privado(texto) or texto


def _elegir_tabla(tablas: list[Tabla], pedidas: list[str], pestana: str | None):
    """La pestaña (y sus columnas) que tiene las columnas pedidas."""
    if pestana is not None and tablas[0].pestana is None:
        raise HojaInvalida(sin_datos_personales(f"{tablas[0].archivo.name} es un CSV: no tiene "
                                                "pestañas. Quita --pestana (solo un libro de Excel "
                                                "las tiene)."))
    if pestana is not None:
        elegidas = [t for t in tablas if clave(t.pestana or "") == clave(pestana)]
        if not elegidas:
            nombres = ", ".join(f"«{t.pestana}»" for t in tablas)
            raise HojaInvalida(sin_datos_personales(f"{tablas[0].archivo.name} no tiene la pestaña "
                                                    f"«{pestana}»; tiene {nombres}."))
        tablas = elegidas
    halladas = [(t, c) for t in tablas if (c := buscar_columnas(t, pedidas)) is not None]
    if len(halladas) > 1:
        nombres = ", ".join(f"«{t.pestana}»" for t, _ in halladas)
        raise HojaInvalida(sin_datos_personales(f"las columnas pedidas están en varias pestañas "
                                                f"({nombres}); di cuál con --pestana."))
    if not halladas:
        # Se nombra solo la que falta: con --por, la otra puede estar y no es lo que hay que cambiar.
        faltan = [p for p in pedidas if not any(buscar_columnas(t, [p]) for t in tablas)] or pedidas
        que = (f"la columna «{faltan[0]}»" if len(faltan) == 1
               else "las columnas " + " y ".join(f"«{p}»" for p in faltan))
        raise HojaInvalida(sin_datos_personales(f"{tablas[0].archivo.name} no tiene {que}. "
                                                + _lo_que_hay(tablas[0], faltan)))
    return halladas[0]


def _lo_que_hay(tabla: Tabla, faltan: list[str]) -> str:
    """«Encabezados que se ven en la fila 3: «No.», … ¿Quisiste decir «Nivel de lectura»?»: los
    de la fila que parece de encabezados y, para cada columna que falta, el más parecido (la
    sugerencia de `ruta validar` para una clave mal escrita)."""
    from rutamejora.formato import sugerir

    fila, nombres = encabezados_probables(tabla)
    if fila is None:
        return "No se ve ningún encabezado."
    hay = ", ".join(f"«{e}»" for e in nombres[:20])
    parecidos = [p for p in (sugerir(f, nombres) for f in faltan) if p is not None]
    pista = (" ¿Quisiste decir " + " y ".join(f"«{p}»" for p in dict.fromkeys(parecidos)) + "?") if parecidos else ""
    return f"Encabezados que se ven en la fila {fila + 1}: {hay}.{pista}"


def contar_hoja(archivo: Path, columna: str, por: str | None = None,
                pestana: str | None = None) -> Conteo:
    """Los alumnos de ``archivo`` por nivel (``columna``) y, con ``por``, por grado o grupo.

    Lanza ``HojaInvalida`` si la hoja no se lee, no tiene esas columnas o la columna no parece
    de niveles (datos personales, o un valor distinto por alumno).
    """
    if por and clave(por) == clave(columna):
        raise HojaInvalida(f"--por «{por}» es la misma columna que --columna: --por es la del grado o "
                           "el grupo, y --columna la del nivel.")
    tablas = leer_tabla(archivo)
    pedidas = [columna] + ([por] if por else [])
    tabla, columnas = _elegir_tabla(tablas, pedidas, pestana)
    i_nivel = columnas.indices[0]
    i_grupo = columnas.indices[1] if por else None
    fuente = archivo.name + (f", pestaña {tabla.pestana}" if len(tablas) > 1 else "")
    conteo = Conteo(sin_datos_personales(fuente), columnas.nombres[0], columnas.nombres[1] if por else None)
    encabezado = {clave(columnas.nombres[0]), clave(tabla.filas[columnas.fila][i_nivel])}
    for fila in tabla.filas[columnas.fila + 1:]:
        nivel = fila[i_nivel] if i_nivel < len(fila) else ""
        if clave(nivel) in encabezado:
            continue   # un encabezado repetido (la hoja se imprimió por páginas)
        grupo = (fila[i_grupo] if i_grupo < len(fila) else "") if i_grupo is not None else None
        if not nivel:
            conteo.sin_nivel += any(fila)
            continue
        if i_grupo is not None and not grupo:
            conteo.sin_grupo += 1
            continue
        niveles = conteo.grupos.setdefault(grupo, {})
        igual = next((n for n in niveles if clave(n) == clave(nivel)), None)
        if igual is None:
            igual = next((n for n in conteo.niveles if clave(n) == clave(nivel)), nivel)
        niveles[igual] = niveles.get(igual, 0) + 1
    _revisar(conteo)
    if i_grupo is not None:
        conteo.grupos = dict(sorted(conteo.grupos.items(), key=lambda par: _natural(par[0])))
    return conteo


def _natural(texto: str) -> list:
    """«2° B» antes de «10° A»: los números como números."""
    return [(0, int(p), "") if p.isdigit() else (1, 0, clave(p)) for p in re.findall(r"\d+|\D+", texto)]


def _revisar(conteo: Conteo) -> None:
    """La columna de niveles (y la de grupos) no tiene datos de alumnos; si no, no se escribe nada."""
    from rutamejora.privacidad import terminos_sensibles

    if not conteo.alumnos:
        raise HojaInvalida(f"la columna «{conteo.columna}» no tiene ningún nivel escrito debajo "
                           "de su encabezado: no hay nada que contar.")
    for que, valores, maximo in (("--columna", conteo.niveles, MAX_NIVELES),
                                 ("--por", list(conteo.grupos) if conteo.por else [], MAX_GRUPOS)):
        nombre = conteo.columna if que == "--columna" else conteo.por
        largo = max(map(len, valores), default=0)
        if largo > MAX_LARGO:
            raise HojaInvalida(sin_datos_personales(
                f"la columna «{nombre}» ({que}) tiene un valor de {largo:,} caracteres: un nivel o un "
                f"grado tiene unas palabras (hasta {MAX_LARGO}). Revisa esa columna en la hoja; no "
                "se escribió nada."), salida=1)
        personales = [p for p in (_privado(v) for v in valores) if p]
        # Un valor de la columna ya es de un alumno o de un grupo: «TDAH, medicado» a secas,
        # aunque no nombre a nadie, es un dato de salud de quienes lo tienen.
        if any(map(terminos_sensibles, valores)):
            personales.append("[salud]")
        if personales:
            raise HojaInvalida(
                sin_datos_personales(f"la columna «{nombre}» ({que}) tiene datos personales de alumnos "
                                     f"({', '.join(personales[:3])}): no es de niveles ni de grados. Elige "
                                     "otra columna; no se escribió nada."))
        if len(valores) > maximo or (len(valores) > 5 and len(valores) > 0.6 * conteo.alumnos):
            raise HojaInvalida(
                sin_datos_personales(f"la columna «{nombre}» ({que}) tiene {len(valores)} valores "
                                     f"distintos en {conteo.alumnos} alumnos: parece de nombres, CURP "
                                     "o calificaciones sueltas, no de niveles ni de grados. Elige otra "
                                     "columna; no se escribió nada."))


def _elegidos(conteo: Conteo, valores: list[str] | None) -> list[str]:
    """Los niveles pedidos con su forma en la hoja (todos, sin ``valores``)."""
    if not valores:
        return conteo.niveles
    elegidos, faltan = [], []
    for v in valores:
        igual = next((n for n in conteo.niveles if clave(n) == clave(v)), None)
        (elegidos if igual else faltan).append(igual or v)
    if faltan:
        hay = ", ".join(f"«{n}»" for n in conteo.niveles)
        raise HojaInvalida(sin_datos_personales(
            f"ningún alumno tiene {' ni '.join(f'«{f}»' for f in faltan)} en la columna "
            f"«{conteo.columna}»; los niveles de la hoja son: {hay}."))
    return list(dict.fromkeys(elegidos))


def porcentaje(parte: int, total: int) -> Decimal:
    """``parte`` de ``total`` en por ciento, con un decimal (sin «.0» si es entero)."""
    valor = (Decimal(parte) * 100 / Decimal(total)).quantize(Decimal("0.1"), ROUND_HALF_UP)
    return valor.quantize(Decimal(1)) if valor == valor.to_integral_value() else valor


def resultados_de(conteo: Conteo, valores: list[str] | None = None, unidad: str = "porcentaje",
                  indicador: str | None = None) -> list[dict]:
    """Un resultado de ``diagnostico.yaml`` por nivel (o por cada nivel de ``valores``) y grupo.

    El valor es el porcentaje de alumnos del grupo con ese nivel (``unidad="alumnos"``: cuántos
    son); el indicador dice también el otro número («Lectura: Esperado (12 de 30 alumnos)»).
    """
    niveles = _elegidos(conteo, valores)
    base = sin_datos_personales(indicador or conteo.columna)
    lista = []
    for grupo, cuantos in conteo.grupos.items():
        total = sum(cuantos.values())
        for nivel in niveles:
            n = cuantos.get(nivel, 0)
            pct = porcentaje(n, total)
            if unidad == "alumnos":
                texto, valor = f"{base}: {nivel} ({_numero(pct)} % de {total} alumnos)", Decimal(n)
            else:
                texto, valor = f"{base}: {nivel} ({n} de {total} alumnos)", pct
            resultado = {"indicador": texto, "valor": valor, "unidad": unidad}
            if grupo is not None:
                resultado["grado"] = grupo
            resultado["fuente"] = conteo.fuente
            lista.append(resultado)
    return lista


def _numero(valor: Decimal) -> str:
    return format(valor, "f")


def medicion_de_hoja(archivo: Path, columna: str, valores: list[str], unidad: str = "porcentaje",
                     pestana: str | None = None) -> tuple[Decimal, str, str]:
    """``(valor, fuente, nota)`` de la medición de una meta: el porcentaje (o, con
    ``unidad="alumnos"``, cuántos) de los alumnos de la hoja con alguno de los ``valores``."""
    if unidad not in ("porcentaje", "alumnos", "numero"):
        raise HojaInvalida(f"el indicador de la meta se mide en {unidad}: de una hoja de alumnos "
                           "solo sale un porcentaje o un número de alumnos. Registra el --valor a mano.")
    conteo = contar_hoja(archivo, columna, None, pestana)
    niveles = _elegidos(conteo, valores)
    cuantos = conteo.grupos[None]
    total = conteo.alumnos
    n = sum(cuantos.get(nivel, 0) for nivel in niveles)
    pct = porcentaje(n, total)
    valor = pct if unidad == "porcentaje" else Decimal(n)
    nota = (f"{n} de {total} alumnos ({_numero(pct)} %) con {' o '.join(niveles)} en "
            f"«{conteo.columna}»")
    return valor, conteo.fuente, sin_datos_personales(nota)


def medicion_de_meta(ruta, meta: str | None, hoja: Path | None, columna: str | None,
                     valores: str | None, pestana: str | None = None,
                     valor_dado: str | None = None) -> tuple[str, str, str]:
    """``(valor, fuente, nota)`` de ``bitacora agregar --meta M1 --hoja … --columna … --valores …``.

    La unidad sale del indicador de la meta: porcentaje (lo común) o alumnos. Lanza
    ``HojaInvalida`` si las opciones no van juntas o la hoja no sirve.
    """
    if not meta:
        raise HojaInvalida("--hoja, --columna y --valores van con --meta (la meta que se mide).")
    faltan = [o for o, v in (("--hoja", hoja), ("--columna", columna), ("--valores", valores)) if not v]
    if faltan:
        raise HojaInvalida(f"para medir {meta} con una hoja falta {', '.join(faltan)} "
                           "(--hoja, --columna y --valores van juntas).")
    if valor_dado is not None:
        raise HojaInvalida("usa --valor o --hoja, no las dos: con --hoja el valor sale de la hoja.")
    unidad = "porcentaje"
    for m in getattr(ruta, "metas", []):
        if getattr(m, "id", None) == meta.strip() and getattr(m, "indicador", None) is not None:
            unidad = getattr(m.indicador, "unidad", None) or unidad
    lista = [v.strip() for v in valores.split(",") if v.strip()]
    valor, fuente, nota = medicion_de_hoja(hoja, columna, lista, unidad, pestana)
    return format(valor, "f"), fuente, nota
