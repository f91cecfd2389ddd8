"""Las reglas de la Ruta, por familias (un módulo cada una), y la validación que las corre.

Capa: encima de ``formato`` (lee el modelo ya cargado) y de ``nucleo``/``catalogos``; debajo de
``vistas``, ``salida``, ``escritura``, ``informes`` y ``commands``. Nada de aquí importa de esas
capas.

Cada regla es una función pequeña registrada con ``@regla`` (``nucleo.codigos``): recibe la
``Ruta`` y un ``Contexto`` (``reglas.base``) y produce problemas con
``contexto.problema(objeto, campo, mensaje, pista)``. Una familia nueva es un módulo de este
paquete nombrado en ``reglas.registro``.

``validar`` valida una Ruta y devuelve su ``Resultado`` con el modelo; ``validar_lote`` valida
muchas con todos los núcleos y devuelve los resultados sin él (``lote``).

Lo público (``__all__``) se importa a demanda: ``from rutamejora.reglas import validar`` no
carga el catálogo de reglas hasta que se usa.
"""

from __future__ import annotations

import importlib

# nombre público → módulo que lo define
_PUBLICO = {
    "validar": "validacion", "Resultado": "validacion",
    "validar_lote": "lote",
    "registradas": "registro",
    "catalogo_json": "catalogo", "catalogo_texto": "catalogo", "explicacion": "catalogo",
    "sugerir_codigo": "catalogo", "obtener": "catalogo",
    "Contexto": "base", "Lugar": "base",
    "sin_acentos": "privacidad", "alumnos_nombrados_en": "privacidad",
    "personal_de": "personales", "textos_suprimidos": "liberados", "proteger": "enmascarado",
    "verbo_del_objetivo": "compartido", "fuera_de_rango": "compartido",
    "disposicion": "carpeta",
    "es_comprobante": "comprobantes",
    "antes_de_empezar": "seguimiento", "reabierta_sin_decirlo": "seguimiento",
}

__all__ = sorted(_PUBLICO)


def __getattr__(nombre: str):
    if nombre in _PUBLICO:
        return getattr(importlib.import_module(f"rutamejora.reglas.{_PUBLICO[nombre]}"), nombre)
    raise AttributeError(f"module 'rutamejora.reglas' has no attribute {nombre!r}")
