"""El formato de una Ruta, escrito una sola vez como datos: aquí se reúne.

De estas definiciones salen la validación de estructura (``estructura``), el modelo que usan
las reglas y los informes, y la documentación de ``docs/formato.md``. Cada campo dice su tipo,
si es obligatorio, qué es y qué pregunta de las orientaciones responde.

Este módulo posee la lista de los archivos (``ARCHIVOS``, con la pregunta de cada uno en
``PREGUNTAS``) y el recorrido de sus objetos (``objetos()``). Los tipos y las piezas comunes
están en ``tipos``; la definición de cada archivo, en ``esquema_ruta``, ``esquema_diagnostico``,
``esquema_planeacion`` y ``esquema_bitacora``. Todo se reimporta aquí: quien usa el formato
escribe ``from rutamejora.formato import esquema as E`` y ``E.META``, ``E.Objeto``, sin saber
en qué módulo vive cada definición.

Los valores que dependen del marco (prioridades, ámbitos, rasgos, asignaturas) no están aquí:
el tipo ``Opcion(catalogo=...)`` los pide al catálogo del marco elegido en ``ruta.yaml``.
"""

from __future__ import annotations

# Reimportados para que ``E.X`` siga valiendo para todo el formato (ver el docstring).
from rutamejora.formato.tipos import (  # noqa: F401
    CICLO, DINERO, FECHA, NUMERO, PERIODO, RASGO_VALORADO, TEXTO, TEXTOS, Booleano, C, Campo,
    Dinero, Entero, Fecha, Id, Lista, Mapa, Numero, Objeto, Opcion, Ref, Texto, Tipo, UnoDe)
from rutamejora.formato.esquema_ruta import (  # noqa: F401
    CALENDARIO, ESCUELA, FUENTE, MIEMBRO, PARTICIPANTE, PRESUPUESTO, RUTA, VALIDACION,
    VERSION_FORMATO)
from rutamejora.formato.esquema_diagnostico import (  # noqa: F401
    APRENDIZAJE, DIAGNOSTICO, DIAGNOSTICO_AMBITO, INDICADOR_ESCOLAR, NECESIDAD, RESULTADO, RIESGO)
from rutamejora.formato.esquema_planeacion import (  # noqa: F401
    ACCION, ACCIONES, COSTO_PERIODICO, INDICADOR, META, METAS, NO_ATENDIDA, OBJETIVO, OBJETIVOS,
    PRIORIDAD, PRIORIDADES)
from rutamejora.formato.esquema_bitacora import (  # noqa: F401
    AJUSTE, BALANCE, BITACORA, ENTRADA, ESTADOS, INGRESO, MEDICION, REGISTRO_ACCION)

# --- Los archivos -----------------------------------------------------------------------------

ARCHIVOS: dict[str, Objeto] = {
    "ruta.yaml": RUTA,
    "diagnostico.yaml": DIAGNOSTICO,
    "prioridades.yaml": PRIORIDADES,
    "objetivos.yaml": OBJETIVOS,
    "metas.yaml": METAS,
    "acciones.yaml": ACCIONES,
    "bitacora.yaml": BITACORA,
}

PREGUNTAS = {
    "ruta.yaml": "¿Quiénes somos? La escuela, el ciclo, el colectivo y los recursos.",
    "diagnostico.yaml": "¿Dónde estamos?",
    "prioridades.yaml": "¿Qué se hace con los resultados?",
    "objetivos.yaml": "¿Qué queremos lograr? ¿Para qué lo vamos a hacer?",
    "metas.yaml": "¿Cuánto? ¿De qué manera? ¿Cuándo?",
    "acciones.yaml": "¿Cómo lo vamos a lograr?",
    "bitacora.yaml": "¿Cómo saber cuánto hemos avanzado?",
}


def objetos() -> dict[str, Objeto]:
    """Cada objeto del formato por su ``entidad`` (``meta``, ``accion``, ``diagnostico``…),
    recorriendo listas, alternativas y mapas de todos los archivos."""
    encontrados: dict[str, Objeto] = {}
    pendientes: list[Tipo] = list(ARCHIVOS.values())
    while pendientes:
        tipo = pendientes.pop()
        if isinstance(tipo, Objeto):
            encontrados.setdefault(tipo.entidad, tipo)
            pendientes.extend(c.tipo for c in tipo.campos)
        elif isinstance(tipo, Lista):
            pendientes.append(tipo.elemento)
        elif isinstance(tipo, UnoDe):
            pendientes.extend(tipo.alternativas)
        elif isinstance(tipo, Mapa):
            pendientes.append(tipo.valor)
    return encontrados
