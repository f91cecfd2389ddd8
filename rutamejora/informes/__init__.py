"""Los informes (planeación, seguimiento, rendición de cuentas) en Markdown y HTML.

Posee el contexto de cada sección para cada tipo de informe y marco, la voz de cada audiencia
(la privacidad de lo que se imprime), las gráficas SVG, el entorno aislado de Jinja y la
escritura segura de ``-o``. Las plantillas viven en ``plantillas/informe``. Importa ``vistas``,
``reglas``, ``formato``, ``nucleo`` y ``catalogos``; solo ``commands`` lo usa.
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "generar": "TIPOS FORMATOS AUDIENCIAS AUDIENCIA_POR_OMISION EXTENSIONES MARCA ErrorDeUso "
               "ErrorDePlantilla RutaConErrores formato_de_archivo fecha_de_sesion informe "
               "revisar_salida escribir construir_contexto renderizar",
})
