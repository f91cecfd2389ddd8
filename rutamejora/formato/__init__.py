"""El formato de una Ruta y su lectura: de siete archivos YAML a un modelo con posiciones.

Posee la definición del formato (``esquema``, que reúne ``tipos`` y un ``esquema_*`` por archivo,
y su JSON Schema en ``esquema_json``), la lectura de cada archivo con línea y columna exactas
(``lectura``, con ``codificacion``, ``posiciones`` y ``sintaxis``), la verificación de campos y
tipos (``estructura``, con sus ``pistas``), el modelo que leen las reglas y las vistas
(``modelo``), la carga de una carpeta (``carga``, que avisa con ``temporales`` lo que dejó
una escritura interrumpida) y el lugar de un problema en las palabras del usuario (``lugares``:
«meta M3 (valor_meta)» por ``metas[2].valor_meta``). Las pistas de un número mal escrito
(«sesenta por ciento», «91,3», «30 alumnos») las arma ``numeros_escritos``. Produce los problemas RM0xx y RM1xx, que
documentan ``codigos_lectura`` y ``codigos_estructura``. Importa solo ``nucleo`` y
``catalogos``: las reglas, las vistas y los informes están encima.
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "carga": "cargar buscar_rutas rutas_de_argumentos es_ruta NoEsRuta",
    "modelo": "Ruta ARCHIVOS marco_de costo_total gasto_total periodos registros mediciones "
              "estado_actual fin_vigente",
    "lectura": "LIMITE_BYTES leer",
    "esquema": "ESTADOS VERSION_FORMATO",
    "esquema_json": "CARPETA_ESQUEMAS EsquemaAjeno escribir_esquemas esquemas nombre_esquema "
                    "texto_json linea_modelo",
    "pistas": "sugerir",
    "sintaxis": "traducir_error_yaml",
})
