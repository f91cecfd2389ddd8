"""El intercambio con otras herramientas: la zona hacia SQLite, CSV y Excel.

Posee el modelo neutro de tablas de una exportación (``tablas_esquema``: tablas, columnas y
tipos; ``tablas``: de una Ruta leída a sus filas, con cada texto por el detector de datos
personales), la lectura de una zona con el pool de procesos (``exportar``), el commit de cada
Ruta (``exportar_git``), el destino de ``-o`` (``exportar_destino``: el formato por la
extensión, qué se puede reemplazar, la escritura de un golpe) y un escritor por formato:
``exportar_sqlite`` (``sqlite3``), ``exportar_csv`` y ``exportar_xlsx`` (openpyxl, que solo él
importa; las hojas las arma ``exportar_hojas``).

Capa: la más alta de la biblioteca, solo debajo de ``commands``; usa ``historia`` (el commit de
cada Ruta), ``vistas`` (el estado de metas y acciones), ``reglas`` (validar), ``formato``,
``privacidad`` y ``nucleo``.
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "exportar": "Zona leer_zona escribir raiz_comun clave_relativa HERRAMIENTA",
    "exportar_git": "commits_de",
    "exportar_destino": "EXTENSIONES FORMATOS ErrorDeUso formato_de revisar_destino es_exportacion",
    "tablas_esquema": "TABLAS VERSION_ESQUEMA",
    "tablas": "filas_de_ruta",
})
