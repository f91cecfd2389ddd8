"""Los informes (planeación, seguimiento, rendición de cuentas) en Markdown y HTML.

Posee el contexto de cada sección para cada tipo de informe y marco, la voz de cada audiencia
(la privacidad de lo que se imprime), las gráficas SVG, el entorno aislado de Jinja y la
escritura segura de ``-o``. Las plantillas viven en ``plantillas/informe``. Importa ``zona``,
``historia``, ``vistas``, ``reglas``, ``formato``, ``nucleo`` y ``catalogos``; solo ``commands`` lo
usa.

Sus módulos, de arriba abajo: ``contexto`` (arma el contexto y hace el informe), las secciones
(``secciones_prioridades``, ``secciones_evaluacion``, ``secciones_metas``,
``secciones_acciones``, ``secciones_dinero``, ``secciones_diagnostico``,
``secciones_seguimiento``, ``secciones_graficas``), ``marco`` (nombres del marco y ciclos),
``voz`` (privacidad), ``graficas`` (el dibujo), ``entorno`` (Jinja y ``renderizar``, con el
cargador y los topes de ``aislado``), ``version`` (git), ``salida`` (``-o``), ``pdf`` (el HTML impreso a PDF por el navegador), ``formas``
(fechas, unidades, Markdown) y ``errores``. El informe de la zona (``zona``, con sus gráficas en
``graficas_zona``) parte de la vista de ``rutamejora.zona``, la capa de abajo.
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "contexto": "TIPOS FORMATOS AUDIENCIAS AUDIENCIA_POR_OMISION informe construir_contexto "
                "aviso_de_fecha",
    "salida": "EXTENSIONES MARCA formato_de_archivo revisar_salida escribir",
    "errores": "ErrorDeUso ErrorDePlantilla RutaConErrores",
    "secciones_seguimiento": "fecha_de_sesion",
    "entorno": "renderizar",
    "pdf": "SinNavegador buscar_navegador imprimir",
    "zona": "informe_zona contexto_zona",
})
