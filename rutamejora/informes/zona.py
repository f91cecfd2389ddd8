"""El informe de la zona (``ruta informe --tipo zona``): el documento de la supervisión.

Parte de la vista de la zona (``zona.vista_zona``, con el commit de cada Ruta) y arma un
contexto de solo datos ya formateados: el encabezado de la zona, la tabla de escuelas en orden
de atención, tres gráficas (metas por estado, sesiones registradas y dinero, una barra por
escuela: ``graficas_zona``), lo que suman las escuelas, la lista para la próxima reunión de zona
(cada escuela con sus tres primeros pendientes) y una sección corta por escuela. Las
plantillas (``zona.html.j2`` y ``zona.md.j2``) solo lo muestran.

**Sin datos de personas.** Los textos de las Rutas llegan ya enmascarados desde
``zona.fila`` (con el marcador de un informe y sin eximir al personal): ni alumnos ni nombres
del colectivo; las acciones se cuentan por la función de sus responsables. Lo demás que se
imprime tal como se escribió (los datos de ``zona.yaml``, el nivel, el marco y el ciclo de
cada Ruta) pasa aquí por el mismo detector (``zona.limpio``); el nombre de la zona, como el de
una escuela, es un nombre propio: un nombre de persona ahí no cuenta.

**Reproducible.** Nada depende del reloj: la fecha es la de ``--fecha`` y la única información
externa es el commit de cada Ruta. Con los mismos archivos, commits y ``--fecha``, el mismo
archivo byte por byte.
"""

from __future__ import annotations

from rutamejora.informes.entorno import renderizar
from rutamejora.informes.graficas_zona import (BarraEscuela, dinero_svg, dinero_texto, metas_svg,
                                               metas_texto, sesiones_svg, sesiones_texto)
from rutamejora.informes.salida import MARCA
from rutamejora.privacidad import sin_iniciales
from rutamejora.vistas import fecha_corta, fecha_larga, pesos
from rutamejora.zona import (DESCONOCIDA, ESTADOS_META, TIPOS_RIESGO, carpetas_que_distinguen,
                             frase_escuelas, frase_fuera, frase_ilegibles, frase_otra,
                             frase_repetida, frase_sin_contar, fuera_de_los_totales, limpio,
                             no_suman)

# Un nombre por cada tipo de ``vistas.TIPOS_PENDIENTE`` (una prueba lo cuida): el informe nunca
# muestra la clave interna («meta_en_riesgo»).
NOMBRES_PENDIENTE = {"error": "Error de validación", "accion_vencida": "Acción vencida",
                     "meta_vencida": "Meta vencida sin medición final",
                     "accion_por_vencer": "Acción por vencer", "meta_por_vencer": "Meta por vencer",
                     "meta_en_riesgo": "Meta en riesgo",
                     "meta_por_medir": "Meta por medir", "accion_sin_registro": "Acción sin registro",
                     "aviso": "Aviso de validación"}
NOMBRES_ESTADO = {"lograda": "logradas", "no_lograda": "no logradas", "en_camino": "en camino",
                  "en_riesgo": "en riesgo", "sin_datos": "sin datos"}


def informe_zona(vista, formato: str, plantillas=None) -> str:
    """El informe de la zona de ``vista`` (con versiones) en ``formato`` (``md`` o ``html``)."""
    return renderizar(contexto_zona(vista), "zona", formato, plantillas)


def contexto_zona(vista) -> dict:
    """Todo lo que muestra el informe de la zona: solo datos (dict, list, str, int)."""
    from rutamejora import __version__

    carpetas = carpetas_que_distinguen(vista.filas)
    filas = [_fila(f, carpetas.get(f.clave)) for f in vista.filas]
    legibles = [f for f in vista.filas if f.legible]
    return {
        "marca": MARCA, "herramienta": f"ruta {__version__}",
        "titulo": "Informe de la zona",
        "zona": _zona(vista),
        "fecha": fecha_larga(vista.hoy),
        "escuelas": filas,
        "legibles": len(legibles),
        "ilegibles": [f for f in filas if not f["legible"]],
        # Las Rutas de otros ciclos: se listan, sin sumar (``zona.ciclos``).
        "ciclo": vista.ciclo,
        "otras": [sin_iniciales(frase_otra(f, vista.ciclo, vista.filas)) for f in vista.otras],
        # Las Rutas sin ciclo legible: en la tabla, fuera de las sumas (``zona.ciclos``).
        "fuera": sin_iniciales(frase_fuera(vista.filas, vista.ciclo) or "") or None,
        "graficas": _graficas(legibles, carpetas),
        "agregados": _agregados(vista.agregados),
        # Lo que falta o no se pudo leer, y las Rutas repetidas de una escuela (``zona``).
        "con_ilegibles": [sin_iniciales(frase_ilegibles(f)) for f in legibles if f.ilegibles],
        "repetidas": [sin_iniciales(frase_repetida(g)) for g in vista.repetidas],
        "estados": [{"clave": e, "nombre": NOMBRES_ESTADO[e]} for e in ESTADOS_META],
    }


def _zona(vista) -> dict:
    zona = vista.zona
    partes = []
    if zona.numero:
        partes.append(f"Zona {limpio(str(zona.numero))}")
    if zona.sector:
        partes.append(f"sector {limpio(str(zona.sector))}")
    if zona.nivel:
        partes.append(limpio(zona.nivel))
    return {"nombre": limpio(zona.nombre, nombre_propio=True) or "Zona escolar", "datos": " · ".join(partes),
            # «5 escuelas del ciclo 2025-2026»; las Rutas no son escuelas, y si dos de una
            # escuela suman (una copia, o --ciclo todos), lo dice.
            "escuelas": sin_iniciales(frase_escuelas(
                [f for f in vista.filas if not fuera_de_los_totales(f, vista.ciclo)], vista.ciclo,
                no_suman(vista.repetidas)))}


def _ancla(clave: str) -> str:
    """Un id de HTML estable y seguro para la sección de la escuela (solo letras, números y -)."""
    return "escuela-" + "".join(c if c.isalnum() and c.isascii() else "-" for c in clave).strip("-")


def _o_no_se(valor) -> str:
    return DESCONOCIDA if valor is None else str(valor)


def _pesos(cantidad) -> str:
    return DESCONOCIDA if cantidad is None else pesos(cantidad)


# Larga a propósito: un diccionario plano con todo lo que la plantilla muestra de una escuela.
def _fila(f, carpeta: str | None = None) -> dict:
    """Una escuela para la plantilla; ``carpeta``: la que la distingue de otra Ruta de la misma
    escuela (si no, ``None``). Una cifra que no se sabe sale como «?»."""
    version = f.version.texto if f.version is not None else None
    metas = dict(f.metas) if f.metas is not None else dict.fromkeys(ESTADOS_META, DESCONOCIDA)
    return {
        # La clave ya viene sin datos (``Zona.clave``); un informe no lleva ni las iniciales.
        "ancla": _ancla(sin_iniciales(f.clave)), "clave": sin_iniciales(f.clave), "legible": f.legible, "motivo": f.motivo,
        "cct": f.cct or "—", "nombre": f.nombre or "—", "nivel": limpio(f.nivel) or "—",
        "carpeta": sin_iniciales(carpeta) if carpeta else None,
        "marco": limpio(f.marco) or "—", "ciclo": limpio(f.ciclo) or "—",
        "ciclos": limpio(", ".join(f.ciclos)) if len(f.ciclos) > 1 else None,
        "errores": f.errores, "avisos": f.avisos, "archivos_ilegibles": list(f.ilegibles),
        "metas": metas, "metas_total": f.metas_total,
        "metas_frase": _frase_metas(f.metas) if f.metas is not None else "no se sabe",
        "acciones": _o_no_se(f.acciones), "vencidas": _o_no_se(f.acciones_vencidas),
        "bitacora": (fecha_corta(f.ultima_bitacora) or "sin entradas") if f.sabe("ultima_bitacora")
        else DESCONOCIDA,
        "sesiones": f"{_o_no_se(f.sesiones_registradas)} de {f.sesiones_celebradas}",
        "sesiones_faltan": f.sesiones_faltantes,
        "presupuesto": pesos(f.presupuesto), "planeado": _pesos(f.planeado),
        "ejercido": _pesos(f.ejercido), "sobregiro": pesos(f.sobregiro) if f.sobregiro else None,
        "version": version,
        "pendientes": [{"tipo": NOMBRES_PENDIENTE[t], "id": i, "texto": x}
                       for t, i, x in f.pendientes],
    }


def _frase_metas(metas: dict) -> str:
    """«1 lograda, 4 en camino y 4 en riesgo» (sin los estados en cero); «ninguna»."""
    partes = [f"{n} {_SINGULAR.get(e, NOMBRES_ESTADO[e]) if n == 1 else NOMBRES_ESTADO[e]}"
              for e, n in metas.items() if n]
    if not partes:
        return "ninguna"
    return partes[0] if len(partes) == 1 else ", ".join(partes[:-1]) + " y " + partes[-1]


_SINGULAR = {"lograda": "lograda", "no_lograda": "no lograda"}


def _graficas(filas, carpetas: dict) -> dict:
    """Las tres gráficas; cada una, sin las escuelas de las que no se sabe lo que dibuja (su
    ``sin``: «21DPR0300G (escuelas/…)»), que una barra en cero haría pasar por un dato."""
    if not filas:
        return {"hay": False}

    def barra(f) -> BarraEscuela:
        # Dos Rutas de la misma escuela: su carpeta, no dos barras con la misma CCT.
        return BarraEscuela(
            etiqueta=sin_iniciales(carpetas.get(f.clave) or f.cct or f.clave),
            metas=dict(f.metas or {}), registradas=f.sesiones_registradas or 0,
            celebradas=f.sesiones_celebradas,
            dinero={"presupuesto": f.presupuesto, "planeado": f.planeado or 0,
                    "ejercido": f.ejercido or 0},
            textos_dinero={"presupuesto": pesos(f.presupuesto), "planeado": _pesos(f.planeado),
                           "ejercido": _pesos(f.ejercido)})

    def sin(cifras) -> str | None:
        fuera = [sin_iniciales(f.clave) for f in filas if any(not f.sabe(c) for c in cifras)]
        return ", ".join(fuera) or None

    con = {g: [barra(f) for f in filas if all(f.sabe(c) for c in cifras)]
           for g, cifras in _CIFRAS_GRAFICA.items()}
    del_ciclo = max(f.sesiones_ciclo for f in filas)
    return {"hay": True,
            "metas": {"svg": metas_svg(con["metas"]), "texto": metas_texto(con["metas"]),
                      "sin": sin(_CIFRAS_GRAFICA["metas"])},
            "sesiones": {"svg": sesiones_svg(con["sesiones"], del_ciclo),
                         "texto": sesiones_texto(con["sesiones"]),
                         "sin": sin(_CIFRAS_GRAFICA["sesiones"])},
            "dinero": {"svg": dinero_svg(con["dinero"]), "texto": dinero_texto(con["dinero"]),
                       "sin": sin(_CIFRAS_GRAFICA["dinero"])}}


# Lo que dibuja cada gráfica: sin alguna de esas cifras, la escuela no va en ella.
_CIFRAS_GRAFICA = {"metas": ("metas",), "sesiones": ("sesiones_registradas",),
                   "dinero": ("planeado", "ejercido")}


def _agregados(a) -> dict:
    return {
        "grupos": [{"nombre": g.nombre, "escuelas": g.escuelas, "metas": g.metas,
                    "bien": g.encaminadas,
                    "riesgo": g.estados["en_riesgo"] + g.estados["no_lograda"],
                    "sin_datos": g.estados["sin_datos"]} for g in a.grupos],
        "riesgo": [{"tipo": TIPOS_RIESGO.get(t, t), "alumnos": n, "escuelas": e}
                   for t, n, e in a.riesgo],
        "comunes": [{"nombre": n, "escuelas": e} for n, e in a.comunes],
        "responsables": [{"tipo": t, "acciones": n, "escuelas": e} for t, n, e in a.responsables],
        "marcos": [{"marco": m, "escuelas": n} for m, n in a.marcos],
        "metas": {NOMBRES_ESTADO[e]: n for e, n in a.metas.items()},
        "vencidas": a.acciones_vencidas,
        "presupuesto": pesos(a.presupuesto), "planeado": pesos(a.planeado),
        "ejercido": pesos(a.ejercido), "con_grupos": a.con_grupos,
        "sin_contar": sin_iniciales(frase_sin_contar(a.sin_contar)) if a.sin_contar else None,
    }


__all__ = ["informe_zona", "contexto_zona", "NOMBRES_PENDIENTE"]
