"""El detector de datos personales: CURP, RFC, teléfonos, correos, nombres de alumnos y
detalles sensibles ligados a ellos, en cualquier caja y con o sin acentos.

Capa propia encima de ``nucleo`` y ``catalogos`` y debajo de ``reglas``: solo importa esas dos
y la biblioteca estándar. ``detectar`` encuentra (``Hallazgo``: clase, inicio, fin, texto,
gravedad) y ``enmascarar`` cambia cada hallazgo por su marcador según el destino. Cómo se
mide y qué no se detecta: docs/privacidad.md.
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "detector": "detectar de_un_alumno alumnos_nombrados mensaje_sin_datos buscador_de_nombres CODIGOS "
                "MENSAJE es_abreviatura",
    "hallazgo": "Hallazgo CLASES CURP RFC TELEFONO CORREO NOMBRE SALUD DOMICILIO "
                "NOMBRES_DE_CLASE",
    "mascara": "enmascarar marcador iniciales DESTINOS TERMINAL JSON GITHUB INFORME",
    "salud": "terminos_sensibles",
    "carpetas": "carpeta_sin_datos claves_sin_datos sin_iniciales",
})
