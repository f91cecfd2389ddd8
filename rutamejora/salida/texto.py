"""Salida ``texto``: por archivo, cada problema con su línea citada y un marcador.

No usa Rich a propósito: ``ruta validar`` se corre en cada commit y debe costar poco más que
el arranque de Python; unos códigos ANSI bastan (y se omiten con ``NO_COLOR`` o sin terminal).
"""

from __future__ import annotations

from rutamejora.nucleo.problemas import AVISO, ERROR, INFO, enmascarar, enmascarar_linea
from rutamejora.nucleo.textos import sin_control
from rutamejora.privacidad import carpeta_sin_datos

_COLORES = {ERROR: "31", AVISO: "33", INFO: "36", "tenue": "2", "negrita": "1"}


def _pintar(texto: str, estilo: str, color: bool) -> str:
    return f"\033[{_COLORES[estilo]}m{texto}\033[0m" if color else texto


def formatear(resultados: list, color: bool = False, base=None) -> str:
    partes = []
    for resultado in resultados:
        partes.append(_una_ruta(resultado, color, encabezado=len(resultados) > 1))
    if len(resultados) > 1:
        partes.append(_total(resultados, color))
        # Un renglón en blanco entre Rutas: el resumen de una no se pega al encabezado de la otra.
        return "\n\n".join(partes)
    return "\n".join(partes)


def _una_ruta(resultado, color: bool, encabezado: bool) -> str:
    lineas = []
    if encabezado:
        lineas.append(_pintar(f"== {carpeta_sin_datos(resultado.carpeta)} ==", "negrita", color))
    archivo_actual = None
    for p in resultado.problemas:
        if p.archivo != archivo_actual:
            archivo_actual = p.archivo
            if lineas:
                lineas.append("")
            lineas.append(_pintar(p.archivo, "negrita", color))
        donde = f"{p.linea}:{p.columna}" if p.linea else "—"
        mensaje = sin_control(enmascarar(p.mensaje, p.secretos))
        lineas.append(f"  {donde:>7}  {_pintar(f'{p.severidad:<5}', p.severidad, color)}  "
                      f"{p.codigo}  {mensaje}  {_pintar(f'[{p.nombre}]', 'tenue', color)}")
        citada = _linea_citada(resultado, p)
        if citada is not None:
            citada, columna = citada
            numero = f"{p.linea}"
            lineas.append(_pintar(f"  {numero:>7} │ ", "tenue", color) + citada)
            lineas.append(_pintar(f"  {'':>7} │ ", "tenue", color)
                          + " " * _ancho_visible(citada, columna - 1) + _pintar("^", p.severidad, color))
        if p.pista:
            lineas.append(f"  {'':>7}  pista: {sin_control(enmascarar(p.pista, p.secretos))}")
    if lineas:
        lineas.append("")
    lineas.append(_resumen(resultado, color))
    return "\n".join(lineas)


def _linea_citada(resultado, p) -> tuple[str, int] | None:
    """(la línea del problema con sus datos personales enmascarados, la columna en ella)."""
    # El resultado ya trae cada línea citada: las del documento se partieron una sola vez (partirlas
    # por cada problema hacía cuadrática esta salida) y un lote no guarda el modelo.
    linea = resultado.cita(p.archivo, p.linea) if p.linea else None
    if linea is None:
        return None
    # Se enmascara antes de recortar: un dato partido por el recorte no se reconocería.
    linea, columna = enmascarar_linea(sin_control(linea.replace("\t", " ")), p.secretos, p.columna)
    return (linea if len(linea) <= 160 else linea[:157] + "…"), columna


def _ancho_visible(linea: str, hasta: int) -> int:
    return max(0, min(hasta, len(linea)))


def _plural(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def resumen_de(cuenta: dict, archivos: int) -> str:
    """«2 errores y 3 avisos en 7 archivos», «2 errores, 0 avisos y 6 notas en 7 archivos» o
    «Todo en orden…» (la misma frase en toda salida). Las notas (``info``) se cuentan: se
    listan al final y sin la cuenta pasarían por alto."""
    if not cuenta[ERROR] and not cuenta[AVISO]:
        notas = f" ({_plural(cuenta[INFO], 'nota', 'notas')})" if cuenta[INFO] else ""
        return f"Todo en orden: {_plural(archivos, 'archivo revisado', 'archivos revisados')}{notas}."
    errores = _plural(cuenta[ERROR], 'error', 'errores')
    avisos = _plural(cuenta[AVISO], 'aviso', 'avisos')
    cuantos = f"{errores}, {avisos} y {_plural(cuenta[INFO], 'nota', 'notas')}" if cuenta[INFO] \
        else f"{errores} y {avisos}"
    return f"{cuantos} en {_plural(archivos, 'archivo', 'archivos')}"


def _resumen(resultado, color: bool) -> str:
    marco = resultado.marco
    texto = resumen_de(resultado.cuenta, resultado.archivos_revisados)
    if marco is not None:
        clave, nombre = marco
        texto += _pintar(f"  (marco {clave}: {nombre})", "tenue", color)
    estilo = ERROR if resultado.cuenta[ERROR] else AVISO if resultado.cuenta[AVISO] else "negrita"
    return _pintar(texto, estilo, color) if not marco else texto


def _total(resultados, color: bool) -> str:
    cuenta = {ERROR: 0, AVISO: 0, INFO: 0}
    archivos = 0
    for r in resultados:
        for k, v in r.cuenta.items():
            cuenta[k] = cuenta.get(k, 0) + v
        archivos += r.archivos_revisados
    rutas = _plural(len(resultados), "Ruta", "Rutas")
    return _pintar(f"En total ({rutas}): {resumen_de(cuenta, archivos)}", "negrita", color)
