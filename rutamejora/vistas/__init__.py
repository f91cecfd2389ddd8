"""Las vistas de seguimiento: los números de una Ruta en una fecha y sus dos formas de salida.

Posee los cálculos (``numeros``: estado de cada meta y acción, dinero, sesiones, pendientes,
calendario, resumen; y las fechas, cantidades y porcentajes en español), su forma en la
terminal con Rich (``terminal``) y su JSON versionado (``json``). Importa ``formato``,
``nucleo`` y ``catalogos``; ``escritura``, ``informes`` y ``commands`` la usan.
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "numeros": "fecha_larga fecha_corta pesos porcentaje numero MESES "
               "AvanceMeta avance_meta avance_de_metas SituacionAccion situacion_accion situacion_de_acciones "
               "LineaDinero dinero sesiones sesion_anterior sesion_siguiente ultima_entrada "
               "SesionInvalida Pendiente Pendientes pendientes calendario_del_ciclo resumen Resumen "
               "NOMBRES_ESTADO_META NOMBRES_ESTADO_ACCION LOGRADA NO_LOGRADA EN_CAMINO EN_RIESGO SIN_DATOS",
    "mostrar": "como_json en_terminal agregado_como_json",
})
