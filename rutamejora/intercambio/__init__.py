"""Intercambio: la Ruta entra y sale en los formatos que las escuelas y la supervisión ya usan.

Posee:

- la lectura de una hoja con un renglón por alumno (``hoja``: Excel ``.xlsx`` con openpyxl, o
  ``.csv``, con los encabezados en la fila 1 o más abajo y celdas combinadas), su conteo por
  nivel sin guardar ningún dato de los alumnos (``resultados``) y el injerto de esos conteos en
  los ``resultados`` de ``diagnostico.yaml`` sin tocar el resto del archivo (``diagnostico``);
- la importación de un plan de Word o Excel como Ruta (``importar_plan``): la lectura de un
  .docx o .xlsx a una forma común (``documento``, ``leer``, ``tablas_docx`` con python-docx,
  ``tablas_xlsx`` con openpyxl), las palabras de los formatos de las escuelas (``sinonimos``,
  con ``catalogos/importar.yaml``), lo que escriben en sus celdas (``lectura_escolar``:
  periodos, dinero, metas; ``personas``: responsables por función), el plan reconocido en sus
  tablas (``plan``) y su escritura como Ruta con la de ``ruta nueva`` (``escribir_plan``);
- la vuelta del libro de ``ruta exportar``: su lector exacto, por nombres de campo e ids
  (``libro_ruta``), y su escritura como Ruta (``escribir_libro``);
- la exportación de una Ruta o una zona: el modelo neutro de tablas (``tablas_esquema``: tablas,
  columnas y tipos; ``tablas``: de una Ruta leída a sus filas, con cada texto por el detector de
  datos personales), la lectura con el pool de procesos de la zona que descubre
  ``zona.descubrir`` (``exportar``; el commit de cada Ruta lo da ``zona.versiones_de``), el
  destino de ``-o`` (``exportar_destino``: el formato por la extensión, qué se puede
  reemplazar, la escritura de un golpe) y un escritor por formato:
  ``exportar_sqlite`` (``sqlite3``), ``exportar_csv`` y ``exportar_xlsx`` (openpyxl; las hojas
  las arma ``exportar_hojas``).

python-docx, openpyxl y sqlite3 se importan solo en los comandos que los usan: ``ruta validar``
no los paga.

Capa: la más alta de la biblioteca, solo debajo de ``commands``; usa ``informes``,
``escritura``, ``zona`` (las Rutas, sus claves y sus commits), ``historia``, ``vistas``,
``reglas``, ``formato``, ``privacidad`` y ``nucleo``.
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "hoja": "HojaInvalida EXTENSIONES_HOJA",
    "resultados": "Conteo contar_hoja resultados_de medicion_de_hoja medicion_de_meta "
                  "sin_datos_personales porcentaje AVISO_PRIVACIDAD",
    "diagnostico": "agregar_resultados ResultadosAgregados YaImportado",
    "exportar": "Exportacion leer_tablas escribir HERRAMIENTA DATOS_ZONA",
    "exportar_destino": "EXTENSIONES FORMATOS ErrorDeUso formato_de revisar_destino reemplazado es_exportacion",
    "tablas_esquema": "TABLAS VERSION_ESQUEMA",
    "tablas": "filas_de_ruta",
    # `ruta importar plan`
    "documento": "DocumentoIlegible",
    "leer": "leer_documento",
    "importar_plan": "Importacion ImportacionInvalida importar_de_documento texto_informe json_informe",
})
