"""Las vistas de seguimiento: los números de una Ruta en una fecha y sus dos formas de salida.

Posee los cálculos (``estados``: estado de cada meta y acción, dinero, sesiones;
``lista_pendientes``, ``calendario`` y ``vista_resumen``), las fechas, cantidades y porcentajes
en español (``formas``), su forma en la terminal con Rich (``terminal``), su JSON versionado
(``json``) y el enmascarado de los datos personales de lo que muestran (``sin_datos``).
Importa ``reglas`` (``reglas.compartido``: con cargo a qué fuente va un gasto, la misma regla que
usa la validación), ``privacidad``, ``formato``, ``nucleo`` y ``catalogos``; ``escritura``,
``informes`` y ``commands`` la usan.
"""

from rutamejora.nucleo.perezoso import exportar

# Ningún módulo se llama como un nombre de aquí (``pendientes``, ``resumen``…): al importarse,
# el módulo quedaría como atributo del paquete y taparía la función.
__all__, __getattr__ = exportar(__name__, {
    "formas": "fecha_larga fecha_corta fecha_imposible pesos porcentaje numero dia_semana clave_id MESES DIAS",
    "estados": "AvanceMeta avance_meta avance_de_metas alcanza SituacionAccion Gasto situacion_accion "
               "situacion_de_acciones tramos_vigentes LineaDinero dinero sesiones sesion_anterior "
               "sesion_siguiente ultima_entrada "
               "NOMBRES_ESTADO_META NOMBRES_ESTADO_ACCION LOGRADA NO_LOGRADA EN_CAMINO EN_RIESGO SIN_DATOS "
               "TOLERANCIA",
    "lista_pendientes": "SesionInvalida Pendiente Pendientes pendientes TIPOS_PENDIENTE",
    "calendario": "calendario_del_ciclo Mes Evento AccionDelMes",
    "vista_resumen": "resumen Resumen",
    "mostrar": "como_json en_terminal agregado_como_json importados_como_json rechazo_como_json",
    "sin_datos": "sin_datos_personales",
})
