"""Las tres formas de la vista de la zona: texto a lo ancho de la terminal, JSON y CSV.

**Texto**: una tabla de una escuela por renglón en orden de atención, su leyenda y los
agregados. Cabe en el ancho dado (80 columnas si no hay terminal): si no caben todas las
columnas se caen, en este orden, ``Nivel``, ``Marco``, ``Dinero``, ``Ciclo``, ``Bitácora`` y
``Ses.``; ``CCT``, ``Escuela`` (recortada con «…»), ``Err/Av``, ``Metas`` y ``Venc.`` se quedan
siempre. Lo que se cae sigue en ``--formato json`` y ``csv``.

**JSON**: un objeto con ``version_esquema`` (``VERSION_ESQUEMA``; la forma está en
``docs/zona.md``); el dinero como texto decimal con centavos (``"87000.00"``), las fechas en ISO;
de cada escuela, el commit de su Ruta si la vista se hizo ``con_version`` (``ruta zona`` la pide
para JSON y CSV).

**CSV**: una fila por escuela del ciclo con las mismas columnas que el JSON, planas (sin los
agregados, los pendientes ni las Rutas de otros ciclos); UTF-8 con encabezado.

Las tres muestran solo las Rutas del ciclo elegido (``zona.ciclos``); el texto y el JSON
listan aparte las de otros ciclos.
"""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_UP, Decimal

# Los tipos de alumnos en riesgo en palabras: los mismos de ``ruta cambios``.
from rutamejora.historia import TIPOS_RIESGO
from rutamejora.nucleo.textos import sin_formula
from rutamejora.vistas import fecha_corta, pesos
from rutamejora.zona.fila import ESTADOS_META, NOMBRES_CIFRA, Fila, limpio
from rutamejora.zona.ciclos import (escuela_de, frase_escuelas, frase_fuera, frase_otra,
                                    fuera_de_los_totales, lista_y)
from rutamejora.zona.repetidas import TITULO, frase_repetida, no_suman
from rutamejora.zona.vista import VERSION_ESQUEMA, VistaZona

# Orden en que se caen las columnas cuando no caben (la primera se cae primero).
SE_CAEN = ("nivel", "marco", "dinero", "ciclo", "bitacora", "sesiones")
_ESCUELA_MIN, _ESCUELA_MAX = 12, 30


DESCONOCIDA = "?"   # una cifra que salió de un archivo que no se pudo leer


def _miles(cantidad: Decimal | None) -> str:
    if cantidad is None:
        return DESCONOCIDA
    return f"{int(cantidad.quantize(Decimal('1'), rounding=ROUND_HALF_UP)):,}"


def _o_no_se(valor) -> str:
    return DESCONOCIDA if valor is None else str(valor)


def _metas(f: Fila) -> str:
    return DESCONOCIDA if f.metas is None else "/".join(str(f.metas[e]) for e in ESTADOS_META)


def _bitacora(f: Fila) -> str:
    if not f.sabe("ultima_bitacora"):
        return DESCONOCIDA
    return fecha_corta(f.ultima_bitacora) or "sin entradas"


# columna → (título, ancho, valor de la fila, a la derecha)
_COLUMNAS = {
    "cct": ("CCT", 10, lambda f: f.cct or "—", False),
    "escuela": ("Escuela", _ESCUELA_MIN, lambda f: f.nombre or "—", False),
    "nivel": ("Nivel", 10, lambda f: f.nivel or "—", False),
    "marco": ("Marco", 9, lambda f: f.marco or "—", False),
    "ciclo": ("Ciclo", 9, lambda f: f.ciclo or "—", False),
    "validar": ("Err/Av", 6, lambda f: f"{f.errores}/{f.avisos}", True),
    "metas": ("L/N/C/R/S", 9, _metas, True),
    "vencidas": ("Venc.", 5, lambda f: _o_no_se(f.acciones_vencidas), True),
    "bitacora": ("Bitácora", 11, _bitacora, False),
    "sesiones": ("Ses.", 5, lambda f: f"{_o_no_se(f.sesiones_registradas)}/{f.sesiones_celebradas}",
                 True),
    "dinero": ("Ejercido/presup.", 16, lambda f: f"{_miles(f.ejercido)}/{_miles(f.presupuesto)}",
               True),
}
_ORDEN = ("cct", "escuela", "nivel", "marco", "ciclo", "validar", "metas", "vencidas", "bitacora",
          "sesiones", "dinero")
_LEYENDA = {
    "validar": "Err/Av: errores y avisos de `ruta validar`.",
    "metas": "L/N/C/R/S: metas logradas, no logradas, en camino, en riesgo y sin datos.",
    "vencidas": "Venc.: acciones vencidas.",
    "bitacora": "Bitácora: su última entrada.",
    "sesiones": "Ses.: sesiones del CTE registradas en la bitácora / ya celebradas.",
    "dinero": "Ejercido/presup.: pesos ejercidos / presupuesto previsto.",
}


def carpetas_que_distinguen(filas: list) -> dict:
    """{clave: carpeta} de las filas que en la tabla se verían iguales a otra (la misma escuela:
    su CCT y su nombre): la parte de su carpeta que las distingue, sin lo que comparten al
    principio y al final («escuelas/21DPR0700X/2025-2026» → «21DPR0700X/»)."""
    grupos: dict[tuple, list] = {}
    for f in filas:
        if f.legible:
            grupos.setdefault((escuela_de(f), f.nombre), []).append(f.clave)
    salida = {}
    for claves in grupos.values():
        if len(claves) < 2:
            continue
        partes = [c.split("/") for c in claves]
        inicio = 0
        while all(len(p) > inicio + 1 for p in partes) and len({p[inicio] for p in partes}) == 1:
            inicio += 1
        fin = 0
        while all(len(p) > inicio + fin + 1 for p in partes) and \
                len({p[-1 - fin] for p in partes}) == 1:
            fin += 1
        for clave, p in zip(claves, partes):
            salida[clave] = "/".join(p[inicio:len(p) - fin]) + ("/" if fin else "")
    return salida


def columnas_para(ancho: int) -> tuple[list[str], int]:
    """Las columnas que caben en ``ancho`` y el ancho de ``Escuela``."""
    visibles = list(_ORDEN)
    caidas = list(SE_CAEN)
    while True:
        fijo = sum(_COLUMNAS[c][1] for c in visibles if c != "escuela") + len(visibles) - 1
        libre = ancho - fijo
        if libre >= _ESCUELA_MIN or not caidas:
            return visibles, max(_ESCUELA_MIN, min(libre, _ESCUELA_MAX))
        visibles.remove(caidas.pop(0))


def _recortar(texto: str, ancho: int) -> str:
    return texto if len(texto) <= ancho else texto[:max(ancho - 1, 0)] + "…"


def _celda(texto: str, ancho: int, derecha: bool) -> str:
    texto = _recortar(texto, ancho)
    return texto.rjust(ancho) if derecha else texto.ljust(ancho)


def _renglon_tabla(fila: Fila, visibles: list[str], ancho_escuela: int, ancho: int,
                   carpetas: dict) -> str:
    if not fila.legible:
        # La Ruta ilegible: su carpeta (lo único seguro) y por qué, en los renglones que ocupe.
        texto = f"{_celda(fila.cct or '—', 10, False)} {fila.clave}: {fila.motivo}"
        return "\n".join(_parrafo(texto, ancho, "", " " * 11))
    celdas = []
    for c in visibles:
        titulo, ancho_c, valor, derecha = _COLUMNAS[c]
        # Dos Rutas de la misma escuela se distinguen por su carpeta, no por su nombre.
        texto = carpetas[fila.clave] if c == "escuela" and fila.clave in carpetas else valor(fila)
        celdas.append(_celda(texto, ancho_escuela if c == "escuela" else ancho_c, derecha))
    return " ".join(celdas).rstrip()


def _parrafo(texto: str, ancho: int, sangria: str = "", siguientes: str | None = None) -> list[str]:
    import textwrap

    return textwrap.wrap(texto, width=ancho, initial_indent=sangria,
                         subsequent_indent=sangria if siguientes is None else siguientes,
                         break_long_words=False, break_on_hyphens=False) or [""]


def como_texto(vista: VistaZona, ancho: int = 80) -> str:
    """La vista de la zona en texto plano, sin pasar de ``ancho`` columnas."""
    ancho = max(ancho, 60)
    visibles, ancho_escuela = columnas_para(ancho)
    lineas = _encabezado(vista, ancho)
    titulos = [_celda(_COLUMNAS[c][0], ancho_escuela if c == "escuela" else _COLUMNAS[c][1],
                      _COLUMNAS[c][3]) for c in visibles]
    lineas += [" ".join(titulos).rstrip(), "-" * min(ancho, len(" ".join(titulos)))]
    carpetas = carpetas_que_distinguen(vista.filas)
    lineas += [_renglon_tabla(f, visibles, ancho_escuela, ancho, carpetas) for f in vista.filas]
    lineas.append("")
    lineas += _parrafo(_leyenda(vista, visibles, carpetas, ancho), ancho)
    lineas += _repetidas_texto(vista, ancho)
    con_ilegibles = [f for f in vista.filas if f.legible and f.ilegibles]
    if con_ilegibles:
        lineas += [""] + _parrafo("Rutas con archivos que faltan o no se pudieron leer (lo que "
                                  "sale de ellos no se sabe: «?», y no suma):", ancho)
        for f in con_ilegibles:
            lineas += _parrafo(frase_ilegibles(f), ancho, "  ", "    ")
    lineas += _otras_texto(vista, ancho)
    lineas += _agregados_texto(vista, ancho)
    return "\n".join(lineas) + "\n"


def _leyenda(vista: VistaZona, visibles: list[str], carpetas: dict, ancho: int) -> str:
    leyenda = " ".join(t for c, t in _LEYENDA.items() if c in visibles)
    if any(f.legible and f.desconocidas for f in vista.filas):
        leyenda += " ?: no se sabe (sale de un archivo que falta o no se pudo leer)."
    if carpetas:
        leyenda += (" Una Escuela escrita como carpeta («…/») es una de las Rutas de una misma "
                    "escuela.")
    caidas = [_COLUMNAS[c][0] for c in SE_CAEN if c not in visibles]
    if caidas:
        leyenda += (f" No caben en {ancho} columnas: {', '.join(caidas)} (están en "
                    "--formato json y csv).")
    return leyenda


def frase_ilegibles(fila: Fila) -> str:
    """«escuelas/…/2025-2026: bitacora.yaml no se pudo leer; no se sabe el estado de las metas,
    las acciones vencidas… (falta metas.yaml)»."""
    leidos = [a for a in fila.ilegibles if a not in fila.faltan]
    partes = []
    if fila.faltan:
        partes.append(f"{'falta' if len(fila.faltan) == 1 else 'faltan'} {lista_y(fila.faltan)}")
    if leidos:
        partes.append(f"{lista_y(leidos)} no se {'pudo' if len(leidos) == 1 else 'pudieron'} leer")
    texto = f"{fila.clave}: {' y '.join(partes)}"
    if fila.desconocidas:
        texto += f"; no se sabe: {lista_y([NOMBRES_CIFRA[c] for c in fila.desconocidas])}"
    return texto + "."


def _repetidas_texto(vista: VistaZona, ancho: int) -> list[str]:
    """Las Rutas del mismo ciclo con la misma CCT: cada grupo con sus carpetas y cuál suma."""
    if not vista.repetidas:
        return []
    lineas = [""] + _parrafo(TITULO, ancho)
    for grupo in vista.repetidas:
        lineas += _parrafo(frase_repetida(grupo), ancho, "  ", "    ")
    return lineas


def _encabezado(vista: VistaZona, ancho: int) -> list[str]:
    zona = _datos_de_zona(vista.zona)
    partes = [zona["nombre"] or "Zona"]
    if zona["numero"]:
        partes.append(f"número {zona['numero']}")
    if zona["sector"]:
        partes.append(f"sector {zona['sector']}")
    if zona["nivel"]:
        partes.append(zona["nivel"])
    # Las escuelas, por su CCT; las Rutas repetidas o de varios ciclos que suman, lo dice aquí.
    con_ciclo = [f for f in vista.filas if not fuera_de_los_totales(f, vista.ciclo)]
    partes.append(f"{frase_escuelas(con_ciclo, vista.ciclo, no_suman(vista.repetidas))} al "
                  f"{fecha_corta(vista.hoy)}")
    lineas = _parrafo(" · ".join(partes), ancho)
    fuera = frase_fuera(vista.filas, vista.ciclo)
    if fuera:
        lineas += _parrafo(fuera, ancho)
    if vista.otras:
        n = len(vista.otras)
        lineas += _parrafo("1 Ruta de otro ciclo va aparte, al final: no suma." if n == 1 else
                           f"{n} Rutas de otros ciclos van aparte, al final: no suman.", ancho)
    return lineas + _parrafo("En orden de atención: primero la que más la necesita (ver `ruta "
                             "ayuda zona`).", ancho) + [""]


def _otras_texto(vista: VistaZona, ancho: int) -> list[str]:
    """Las Rutas de otros ciclos, una por renglón: ni la tabla ni los totales las cuentan."""
    if not vista.otras:
        return []
    lineas = [""] + _parrafo(f"Rutas de otros ciclos (no están en la tabla ni en lo que suma la "
                             f"zona, que es del ciclo {vista.ciclo}; `--ciclo todos` las suma):",
                             ancho)
    for f in vista.otras:
        lineas += _parrafo(frase_otra(f, vista.ciclo, vista.filas), ancho, "  ", "    ")
    return lineas


def _agregados_texto(vista: VistaZona, ancho: int) -> list[str]:
    a = vista.agregados
    if not a.legibles:
        return []
    lineas = [""] + _parrafo("Lo que trabaja la zona: metas por prioridad o ámbito de cada marco",
                             ancho)
    cifras = 27
    nombre_ancho = ancho - cifras - 1
    lineas.append(f"{'':{nombre_ancho}} {'Esc.':>4} {'Metas':>5} {'Bien':>4} {'Riesgo':>6} {'S/D':>3}")
    for g in a.grupos:
        riesgo = g.estados["en_riesgo"] + g.estados["no_lograda"]
        lineas.append(f"{_recortar(g.nombre, nombre_ancho):{nombre_ancho}} {g.escuelas:>4} "
                      f"{g.metas:>5} {g.encaminadas:>4} {riesgo:>6} {g.estados['sin_datos']:>3}")
    lineas += _parrafo("Bien: logradas o en camino. Riesgo: en riesgo o no logradas. S/D: sin "
                       "datos. Una meta cuenta en cada ámbito que la etiqueta.", ancho)
    if a.riesgo:
        lineas += ["", "Alumnos en riesgo (cantidades de los diagnósticos)"]
        for tipo, alumnos, escuelas in a.riesgo:
            lineas += _parrafo(f"{alumnos} {TIPOS_RIESGO.get(tipo, tipo)}, en {escuelas} "
                               f"{'escuela' if escuelas == 1 else 'escuelas'}", ancho, "  ")
    if a.comunes:
        lineas += ["", "Lo más común entre las escuelas"]
        for nombre, escuelas in a.comunes:
            lineas += _parrafo(f"{escuelas} de {a.con_grupos}: {nombre}", ancho, "  ")
    if a.responsables:
        lineas += ["", "Acciones por tipo de responsable"]
        for tipo, acciones, escuelas in a.responsables:
            lineas += _parrafo(f"{tipo}: {acciones} {'acción' if acciones == 1 else 'acciones'} "
                               f"en {escuelas} {'escuela' if escuelas == 1 else 'escuelas'}",
                               ancho, "  ")
    lineas += [""] + _parrafo(
        "Marcos: " + ", ".join(f"{siglas} ({n})" for siglas, n in a.marcos) + ". Dinero: "
        f"{pesos(a.ejercido)} ejercidos de {pesos(a.planeado)} planeados; presupuesto "
        f"{pesos(a.presupuesto)}. Acciones vencidas: {a.acciones_vencidas}.", ancho)
    if a.sin_contar:
        lineas += [""] + _parrafo(frase_sin_contar(a.sin_contar), ancho)
    return lineas


def frase_sin_contar(sin_contar: dict) -> str:
    """«No suman, porque un archivo suyo no se pudo leer: el estado de las metas de a y b; las
    acciones vencidas de c.» Cada cifra con las Rutas de las que no se sabe."""
    partes = [f"{NOMBRES_CIFRA[c]} de {lista_y(claves)}" for c, claves in sin_contar.items()]
    return ("No suman aquí, porque un archivo del que salen falta o no se pudo leer: "
            + "; ".join(partes) + ".")


# --- JSON y CSV ---------------------------------------------------------------------------------


def _pesos(cantidad: Decimal) -> str:
    return str(cantidad.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def _pesos_o_nada(cantidad: Decimal | None) -> str | None:
    return None if cantidad is None else _pesos(cantidad)


def fila_json(fila: Fila) -> dict:
    """Una Ruta; una cifra que no se sabe (``desconocidas``) es ``null``."""
    return {
        "clave": fila.clave, "legible": fila.legible, "motivo": fila.motivo, "cct": fila.cct,
        "nombre": fila.nombre, "nivel": fila.nivel, "marco": fila.marco, "ciclo": fila.ciclo,
        "ciclos": fila.ciclos, "errores": fila.errores, "avisos": fila.avisos,
        "archivos_ilegibles": fila.ilegibles, "archivos_faltantes": fila.faltan,
        "desconocidas": fila.desconocidas,
        "metas": dict(fila.metas) if fila.metas is not None else None,
        "acciones": fila.acciones, "acciones_vencidas": fila.acciones_vencidas,
        "ultima_bitacora": fila.ultima_bitacora.isoformat() if fila.ultima_bitacora else None,
        "sesiones": {"registradas": fila.sesiones_registradas,
                     "celebradas": fila.sesiones_celebradas, "del_ciclo": fila.sesiones_ciclo},
        "dinero": {"presupuesto": _pesos(fila.presupuesto), "planeado": _pesos_o_nada(fila.planeado),
                   "ejercido": _pesos_o_nada(fila.ejercido)},
        "pendientes": [{"tipo": t, "id": i, "texto": x} for t, i, x in fila.pendientes],
        **_version_json(fila.version),
    }


def _version_json(version) -> dict:
    """``commit`` (el id completo), ``fecha_commit`` y ``cambios_sin_confirmar`` de la Ruta;
    ``null`` los tres fuera de git (o si no se pidió la versión)."""
    if version is None:
        return {"commit": None, "fecha_commit": None, "cambios_sin_confirmar": None}
    return {"commit": version.commit, "fecha_commit": version.fecha,
            "cambios_sin_confirmar": version.cambios}


def _datos_de_zona(zona) -> dict:
    """Lo escrito en zona.yaml, sin datos personales (como en un informe): el nombre de la
    zona es un nombre propio, donde un nombre de persona no cuenta."""
    return {"nombre": limpio(zona.nombre, nombre_propio=True), "numero": limpio(zona.numero),
            "sector": limpio(zona.sector), "nivel": limpio(zona.nivel)}


def _con_totales(fila: Fila, vista: VistaZona) -> dict:
    """La fila de la tabla y ``en_totales``: falso si no suma en ``agregados`` (una Ruta sin un
    ciclo legible, que puede ser de otro ciclo, o una repetida: ``VistaZona.suma``)."""
    return {**fila_json(fila), "en_totales": vista.suma(fila)}


def como_json(vista: VistaZona) -> str:
    from rutamejora import __version__

    zona, a = vista.zona, vista.agregados
    datos = {
        "version_esquema": VERSION_ESQUEMA, "vista": "zona", "herramienta": f"ruta {__version__}",
        "fecha": vista.hoy.isoformat(),
        "zona": _datos_de_zona(zona),
        "ciclo": vista.ciclo,
        "orden": "necesita_atencion",
        "escuelas": [_con_totales(f, vista) for f in vista.filas],
        "otros_ciclos": [{**fila_json(f), "en_totales": False} for f in vista.otras],
        "repetidas": [{"cct": g.cct, "ciclo": g.ciclo, "claves": list(g.claves), "suma": g.suma}
                      for g in vista.repetidas],
        "agregados": {
            "escuelas": a.escuelas, "rutas": a.rutas, "legibles": a.legibles,
            "metas": dict(a.metas),
            "grupos": [{"nombre": g.nombre, "escuelas": g.escuelas, "metas": g.metas,
                        "estados": dict(g.estados)} for g in a.grupos],
            "alumnos_en_riesgo": [{"tipo": t, "alumnos": n, "escuelas": e} for t, n, e in a.riesgo],
            "mas_comunes": [{"nombre": n, "escuelas": e} for n, e in a.comunes],
            "escuelas_con_prioridades": a.con_grupos,
            "responsables": [{"tipo": t, "acciones": n, "escuelas": e}
                             for t, n, e in a.responsables],
            "marcos": [{"marco": m, "escuelas": n} for m, n in a.marcos],
            "acciones_vencidas": a.acciones_vencidas,
            "dinero": {"presupuesto": _pesos(a.presupuesto), "planeado": _pesos(a.planeado),
                       "ejercido": _pesos(a.ejercido)},
            "sin_contar": a.sin_contar,
        },
    }
    return json.dumps(datos, ensure_ascii=False, indent=2) + "\n"


COLUMNAS_CSV = ("clave", "legible", "motivo", "cct", "nombre", "nivel", "marco", "ciclo", "ciclos",
                "errores", "avisos", "archivos_ilegibles", *(f"metas_{e}" for e in ESTADOS_META),
                "acciones", "acciones_vencidas", "ultima_bitacora", "sesiones_registradas",
                "sesiones_celebradas", "sesiones_del_ciclo", "presupuesto", "planeado", "ejercido",
                "commit", "fecha_commit", "cambios_sin_confirmar", "en_totales", "desconocidas")


def _vacia(valor):
    """Una cifra que no se sabe, vacía en la hoja (no 0: sumaría como cero)."""
    return "" if valor is None else valor


def _si_no(valor: bool | None) -> str:
    return "" if valor is None else "si" if valor else "no"


def como_csv(vista: VistaZona) -> str:
    """Las Rutas que cuentan (las del ciclo), una por fila: las de otros ciclos no van, para que
    sumar una columna en la hoja no sume dos ciclos de una escuela."""
    salida = io.StringIO()
    escritor = csv.writer(salida, lineterminator="\n")
    escritor.writerow(COLUMNAS_CSV)
    for fila in vista.filas:
        d = _con_totales(fila, vista)
        # Lo que viene escrito en las Rutas, con un apóstrofo si empieza como una fórmula.
        texto = sin_formula
        escritor.writerow([
            texto(d["clave"]), "si" if d["legible"] else "no", texto(d["motivo"] or ""),
            texto(d["cct"] or ""), texto(d["nombre"] or ""), texto(d["nivel"] or ""),
            texto(d["marco"] or ""), texto(d["ciclo"] or ""), texto(" ".join(d["ciclos"])),
            d["errores"], d["avisos"], texto(" ".join(d["archivos_ilegibles"])),
            *(_vacia(d["metas"] and d["metas"][e]) for e in ESTADOS_META),
            _vacia(d["acciones"]), _vacia(d["acciones_vencidas"]),
            d["ultima_bitacora"] or "", _vacia(d["sesiones"]["registradas"]),
            d["sesiones"]["celebradas"], d["sesiones"]["del_ciclo"], d["dinero"]["presupuesto"],
            _vacia(d["dinero"]["planeado"]), _vacia(d["dinero"]["ejercido"]), d["commit"] or "",
            d["fecha_commit"] or "", _si_no(d["cambios_sin_confirmar"]),
            _si_no(d["en_totales"]), " ".join(d["desconocidas"])])
    return salida.getvalue()


__all__ = ["como_texto", "como_json", "como_csv", "fila_json", "columnas_para", "COLUMNAS_CSV",
           "SE_CAEN", "TIPOS_RIESGO", "carpetas_que_distinguen", "frase_ilegibles",
           "frase_sin_contar", "DESCONOCIDA"]
