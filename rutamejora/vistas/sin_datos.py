"""Las vistas no muestran datos personales: cada texto del modelo, enmascarado antes de calcular.

``resumen``, ``avance``, ``pendientes`` y ``calendario`` citan los textos de la Ruta (la
actividad de una acción, la descripción de una meta): si uno trae un dato personal, la vista lo
mostraría en la terminal o en su JSON. ``sin_datos_personales`` pasa cada texto del modelo por
el detector (``privacidad``, con el personal de la Ruta, como ``ruta validar``) y cambia cada
dato por su marcador de la terminal («[nombre: J. P. L.]», «[teléfono]»), **en su lugar**, antes
de que las vistas calculen nada: así ningún camino de una vista lo ve en claro. Solo lo usan
los comandos de las vistas, sobre una Ruta que ya no se valida ni se escribe.
"""

from __future__ import annotations

from rutamejora.formato.estructura import Registro
from rutamejora.privacidad import CODIGOS, NOMBRE, TERMINAL, detectar, enmascarar
from rutamejora.reglas import personal_de

# Objetos cuyo ``nombre`` es de una persona del personal, de un órgano o de la escuela: ahí un
# nombre no cuenta (como en RM502), sí una CURP o un teléfono.
_CON_NOMBRE = frozenset({"escuela", "persona", "participante"})


def sin_datos_personales(ruta) -> None:
    """Enmascara en su lugar cada dato personal de cada texto del modelo de ``ruta``."""
    quien = personal_de(ruta)
    pila = [o for o in (ruta.datos, ruta.diagnostico, *ruta.prioridades, *ruta.no_atendidas,
                        *ruta.objetivos, *ruta.metas, *ruta.acciones, *ruta.entradas,
                        *ruta.entradas_apartadas) if isinstance(o, Registro)]
    vistos: set[int] = set()
    while pila:
        objeto = pila.pop()
        if id(objeto) in vistos:
            continue
        vistos.add(id(objeto))
        sin_nombres = objeto._entidad in _CON_NOMBRE
        for campo, valor in list(vars(objeto).items()):
            if campo.startswith("_"):
                continue
            contexto = CODIGOS if campo == "codigos" else None
            nombre_propio = sin_nombres and campo == "nombre"
            if isinstance(valor, str):
                setattr(objeto, campo, _limpio(valor, quien, contexto, nombre_propio))
            elif isinstance(valor, list):
                for i, elemento in enumerate(valor):
                    if isinstance(elemento, str):
                        valor[i] = _limpio(elemento, quien, contexto, nombre_propio)
                    elif isinstance(elemento, Registro):
                        pila.append(elemento)
            elif isinstance(valor, Registro):
                pila.append(valor)


def _limpio(texto: str, quien, contexto, nombre_propio: bool) -> str:
    hallazgos = detectar(texto, personal=quien, contexto=contexto)
    if nombre_propio:
        hallazgos = [h for h in hallazgos if h.clase != NOMBRE]
    return enmascarar(texto, hallazgos, TERMINAL) if hallazgos else texto
