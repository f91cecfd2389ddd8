"""Los datos de la escuela y del ciclo de una Ruta nueva, y su revisión al escribirlos.

Cada ``revisar_*`` devuelve el valor bueno, o el problema y quizá la corrección («¿quisiste
decir …?»): ``ruta nueva`` los usa al preguntar y al revisar las opciones. El nivel y la entidad
se deducen de la CCT.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from rutamejora.nucleo import cct as claves
from rutamejora.formato import esquema as E
from rutamejora.catalogos import cct as catalogo_cct, normalizar
from rutamejora.nucleo.expresiones import compilar
from rutamejora.nucleo.textos import ciclo_escolar

NIVELES = ("preescolar", "primaria", "secundaria")
TURNOS = tuple(E.ESCUELA.campo("turno").tipo.valores)
_CICLO = compilar(r"^(\d{4})-(\d{4})$")


@dataclass
class Escuela:
    nombre: str | None = None
    cct: str | None = None
    nivel: str | None = None
    turno: str | None = None
    zona: str | None = None
    sector: str | None = None
    entidad: str | None = None
    municipio: str | None = None
    localidad: str | None = None
    plan_estudios: str | None = None


@dataclass
class Revision:
    """El resultado de revisar un dato: el valor bueno, o el problema y quizá la corrección."""

    valor: str | None
    problema: str = ""
    sugerencia: str | None = None


def revisar_cct(texto: str) -> Revision:
    """Una CCT válida (sin importar mayúsculas ni espacios) o el problema con la más parecida."""
    escrita = (texto or "").strip()
    limpia = re.sub(r"[\s-]", "", escrita.upper())
    partes = claves.partes(limpia)
    entidades = catalogo_cct()["entidades"]
    if partes and claves.es_valida(limpia) and partes.entidad in entidades:
        return Revision(limpia)
    sugerida = claves.sugerir(escrita)
    if sugerida and claves.partes(sugerida).entidad not in entidades:
        sugerida = None
    if partes and partes.entidad not in entidades:
        problema = f"La CCT «{escrita}» empieza con «{partes.entidad}», que no es una entidad (01 a 32)."
    elif partes:
        problema = f"La CCT «{escrita}» no es válida: su carácter verificador no corresponde."
    else:
        problema = f"«{escrita}» no tiene la forma de una CCT (10 caracteres, p. ej. 21DPR0123T)."
    return Revision(None, problema, sugerida)


def nivel_de_cct(clave: str) -> str | None:
    """El nivel que indica el tipo de servicio de la CCT (``PR`` → primaria), si se conoce."""
    partes = claves.partes(clave)
    tipo = catalogo_cct()["tipos_servicio"].get(partes.tipo_servicio) if partes else None
    return tipo["nivel"] if tipo else None


def entidad_de_cct(clave: str) -> str | None:
    partes = claves.partes(clave)
    return catalogo_cct()["entidades"].get(partes.entidad) if partes else None


def revisar_nivel(texto: str, cct: str | None = None) -> Revision:
    nivel = next((n for n in NIVELES if normalizar(n) == normalizar(texto or "")), None)
    if nivel is None:
        return Revision(None, f"«{texto}» no es un nivel: escribe preescolar, primaria o secundaria.")
    esperado = nivel_de_cct(cct) if cct else None
    if esperado and esperado != nivel:
        return Revision(None, f"La CCT {cct} es de {esperado}, no de {nivel}.", esperado)
    return Revision(nivel)


def revisar_ciclo(texto: str) -> Revision:
    """``AAAA-AAAA`` con años consecutivos; si no, el ciclo que probablemente se quiso decir."""
    escrito = (texto or "").strip()
    m = _CICLO.match(escrito)
    if m and int(m.group(2)) == int(m.group(1)) + 1:
        return Revision(escrito)
    numeros = re.findall(r"\d+", escrito)
    sugerencia = None
    if numeros and len(numeros[0]) in (2, 4):
        inicio = int(numeros[0]) + (2000 if len(numeros[0]) == 2 else 0)
        # Sin sugerir lo mismo que se escribió, ni un ciclo que no es AAAA-AAAA («9999-10000»).
        if inicio < 9999 and f"{inicio}-{inicio + 1}" != escrito:
            sugerencia = f"{inicio}-{inicio + 1}"
    if m:
        problema = f"Los años del ciclo «{escrito}» no son consecutivos."
    else:
        problema = f"«{escrito}» no es un ciclo escolar AAAA-AAAA."
    return Revision(None, problema, sugerencia)


def revisar_turno(texto: str) -> Revision:
    if not (texto or "").strip():
        return Revision("")
    turno = next((t for t in TURNOS if normalizar(t) == normalizar(texto)), None)
    if turno is None:
        from rutamejora.formato.pistas import sugerir

        return Revision(None, f"«{texto}» no es un turno: " + ", ".join(TURNOS) + ".",
                        sugerir(texto, TURNOS))
    return Revision(turno)


def ciclo_de(dia: date) -> str:
    """El ciclo que corre (o se prepara) en ``dia``: de agosto en adelante, el que empieza."""
    return ciclo_escolar(dia)


def ciclo_siguiente(ciclo: str) -> str:
    inicio = int(ciclo[:4]) + 1
    return f"{inicio}-{inicio + 1}"


def es_ciclo(texto: str) -> bool:
    """¿``texto`` tiene la forma ``AAAA-AAAA``? (sin revisar que los años sean consecutivos)."""
    return bool(_CICLO.match(texto))
