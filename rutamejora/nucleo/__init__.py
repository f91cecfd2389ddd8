"""El núcleo: lo que todas las capas comparten y que no sabe nada de una Ruta.

Posee la forma de un problema (``problemas``), el registro de códigos de las reglas
(``codigos``), el carácter verificador de la CCT (``cct``), la escritura atómica de archivos
(``atomico``), abrir solo archivos normales y decir en español por qué falló leer o escribir
uno (``archivos``), la consola de Rich (``consola``), formas del texto (``textos``), la pausa
del recolector de ciclos mientras se arma mucho de una vez (``recolector``) y el reparto de un
trabajo entre procesos con su barra de progreso (``procesos``) las expresiones regulares
compiladas de antemano (``expresiones``; su tabla la genera ``compilar_expresiones``, que
importa toda la biblioteca para juntar sus patrones) y las clases de datos sin ``dataclasses``
(``registro``: importarlo y armarlas costaba ~18 ms en cada arranque). Solo importa la biblioteca estándar;
todas las demás capas pueden importarlo, también ``catalogos`` (la capa de encima).
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "problemas": "Problema Secreto ERROR AVISO INFO DESACTIVADA SEVERIDADES contar enmascarar "
                 "enmascarar_linea rango",
    "atomico": "escribir_atomico",
    "archivos": "abrir_regular leer_con_tope leer_regular razon no_se_escribio NoEsRegular DemasiadoGrande que_es",
    "codigos": "Regla Ejemplo definir regla obtener problema_de todas sugerir_codigo",
    "cct": "verificador es_valida partes PartesCCT",
    "terminal": "consola usar_color",
    "textos": "mayuscula sin_formula primer_control fecha_imposible ciclo_escolar",
    "recolector": "sin_recolector",
    "procesos": "repartir procesos_disponibles Progreso progreso_permitido",
    "expresiones": "compilar",
})
