"""La zona: las Rutas de una zona escolar (las escuelas de un ATP, un supervisor o un estado).

Posee el descubrimiento de las Rutas de una zona (``descubrimiento``: las que hay bajo unas
carpetas o las que lista un ``zona.yaml``, con su clave estable: la carpeta relativa a la raíz
de la zona), la fila de cada escuela calculada sin guardar el modelo (``fila``), la vista de la
zona con su orden «necesita atención» y sus agregados entre escuelas (``vista``), las Rutas
repetidas de una escuela (``repetidas``), el commit de
cada Ruta (``version``, con ``historia``: la única manera, también la de ``ruta exportar``) y sus formas de salida: texto a 80 columnas, JSON versionado y CSV (``salida``). ``ruta zona``, ``ruta
exportar`` y ``ruta informe --tipo zona`` leen la zona con ``descubrir``.

Capa: debajo de ``informes``, ``intercambio`` y ``commands``; encima de ``historia`` (el commit
de cada Ruta), ``vistas`` (``avance_meta``, el único estado de una meta), ``reglas``
(``validar``) y lo de abajo (``formato``, ``privacidad``, ``nucleo``, ``catalogos``).
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "descubrimiento": "Zona ZonaInvalida descubrir clave_de leer_zona ARCHIVO_ZONA CAMPOS_ZONA "
                      "NIVELES",
    "ciclos": "TODOS CicloSinRutas ciclo_de ciclo_por_omision nota_de_ciclo leer_ciclo ciclos_de "
              "es_del_ciclo separar frase_escuelas "
              "frase_otra frase_fuera fuera_de_los_totales escuelas_de escuela_de",
    "repetidas": "Repetida rutas_repetidas no_suman frase_repetida",
    "fila": "Fila fila_de nombre_corto limpio ESTADOS_META DEPENDE NOMBRES_CIFRA",
    "vista": "VistaZona Agregados GrupoMetas vista_zona agregar clave_de_atencion VERSION_ESQUEMA",
    "version": "VersionRuta versiones_de version_de raiz_git",
    "salida": "como_texto como_json como_csv fila_json columnas_para COLUMNAS_CSV SE_CAEN TIPOS_RIESGO "
              "carpetas_que_distinguen frase_ilegibles frase_sin_contar DESCONOCIDA",
})
