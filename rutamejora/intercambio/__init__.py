"""Intercambio con los formatos que ya usan las escuelas: hojas de alumnos como conteos.

Posee la lectura de una hoja con un renglón por alumno (``hoja``: Excel ``.xlsx`` con openpyxl,
o ``.csv``, con los encabezados en la fila 1 o más abajo y celdas combinadas), su conteo por
nivel sin guardar ningún dato de los alumnos (``resultados``) y el injerto de esos conteos en
los ``resultados`` de ``diagnostico.yaml`` sin tocar el resto del archivo (``diagnostico``).
openpyxl se importa solo al leer un ``.xlsx``: ``ruta validar`` no lo paga.

Capa: debajo de ``commands`` y encima de ``informes`` y ``escritura``; importa esas y las de
abajo. Solo ``commands`` la usa.
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "hoja": "HojaInvalida EXTENSIONES_HOJA",
    "resultados": "Conteo contar_hoja resultados_de medicion_de_hoja medicion_de_meta "
                  "sin_datos_personales porcentaje AVISO_PRIVACIDAD",
    "diagnostico": "agregar_resultados ResultadosAgregados YaImportado",
})
