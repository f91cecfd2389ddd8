"""La historia de una Ruta en git: qué cambió, cuándo y por qué, en las palabras del plan.

Posee la lectura de git sin tocar el árbol de trabajo ni el índice (``git``: el repositorio,
sus revisiones y un lector de objetos), las versiones de una Ruta en cada commit
(``versiones``), la diferencia semántica entre dos versiones (``diferencia``, con lo propio de
cada parte del plan en ``partes`` y las palabras de cada campo en ``palabras``), las consultas
de ``ruta cambios`` (``comparacion``) y de ``ruta historia`` (``cronologia``), los ajustes del
ciclo para la rendición de cuentas (``ajustes``, con qué ajuste de la bitácora explica qué
cambio en ``motivos``) y las metas que se hicieron más fáciles después
de su fecha límite (``tardios``), la revisión de un pull request
(``revision``), los datos personales que quedan en la historia (``pasado``) y las formas de
salida (``presentar``: texto, JSON y Markdown).

Capa: encima de ``vistas`` y ``salida`` (usa las formas de los pesos y las fechas y las salidas
de ``ruta validar``), de ``reglas``, ``formato`` y ``privacidad``; debajo de ``informes`` (la
sección «Ajustes durante el ciclo») y de ``commands``.
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "git": "ErrorDeGit Repositorio Commit",
    "diferencia": "Diferencia Cambio CampoCambiado PARTES",
    "versiones": "Version de_carpeta",
    "comparacion": "comparar cambios_git cambios_carpetas",
    "cronologia": "Paso historia_de IdDesconocido",
    "presentar": "diferencia_texto diferencia_json diferencia_md historia_texto historia_json "
                 "historia_md pasado_texto pasado_json pasado_github",
    "pasado": "revisar_historia DatoEnLaHistoria",
    "ajustes": "ajustes_del_ciclo AjustesDelCiclo Ajuste",
    "tardios": "cambios_tardios vencidas_antes_de_git CambioTardio",
    "revision": "rutas_cambiadas comentario",
    "palabras": "TIPOS_RIESGO",
})
