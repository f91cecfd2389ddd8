"""Responsables escritos como texto → entradas de ``colectivo`` y ``comunidad`` por función.

Los formatos dicen «Docentes de aula», «Director 1°–3°», «Directora y USAER», «Padres de
familia»: no nombres. Cada función que aparece se vuelve una entrada (``{id: DOC, nombre:
Docentes de aula, funcion: docente}``) con el texto con que la escribió la escuela como nombre;
si la misma función aparece con grados distintos («Docentes de 1° a 3°», «Docentes de 4° a
6°») son dos entradas, cada una con su ``grupo``. Las palabras de cada función están en
``catalogos/importar.yaml``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rutamejora.intercambio.sinonimos import catalogo, contiene, plegar
from rutamejora.nucleo.expresiones import compilar

_SEPARA = compilar(r"\s*[,;/\n]\s*")
_CON_GRUPO = ("docente", "docente_especial", "educacion_fisica", "usaer")
_Y = compilar(r"\s+(?:y|e|con)\s+", re.IGNORECASE)
_GRADOS = compilar(r"(\d\s*[°ºo]?\s*(?:[A-F]\b)?(?:\s*(?:a|al|–|-|y)\s*\d\s*[°ºo]?(?:\s*[A-F]\b)?)*)"
                   r"(?:\s*(?:grado|grados|grupo|grupos))?")


@dataclass
class Persona:
    id: str
    nombre: str
    funcion: str | None = None   # colectivo
    tipo: str | None = None      # comunidad
    grupo: str | None = None


@dataclass
class Personas:
    """Las personas que van saliendo de los responsables del documento, sin repetir."""

    colectivo: list[Persona] = field(default_factory=list)
    comunidad: list[Persona] = field(default_factory=list)
    _por_clave: dict = field(default_factory=dict)

    def responsables(self, texto: str) -> tuple[list[str], list[str]]:
        """Los ids de los responsables de ``texto`` y las partes que no se entendieron."""
        ids, sueltas = [], []
        for parte in (p.strip(" .") for trozo in _SEPARA.split(str(texto or "")) for p in self._partes(trozo)):
            if not parte:
                continue
            persona = self._persona(parte)
            if persona is None:
                if _GRADOS.fullmatch(parte.strip()) and ids:
                    continue  # «Director 1° y 2°»: el grado suelto es del anterior
                sueltas.append(parte)
            elif persona.id not in ids:
                ids.append(persona.id)
        return ids, sueltas

    def _partes(self, trozo: str) -> list[str]:
        """«Director y padres de familia» son dos; «Comité de Planeación y Evaluación», uno: se
        parte en «y» solo si cada parte es alguien que se reconoce."""
        partes = [p for p in _Y.split(trozo) if p.strip()]
        if len(partes) > 1 and all(self._entrada(p) for p in partes):
            return partes
        return [trozo]

    def _entrada(self, parte: str):
        """(tipo, entrada del catálogo) de la función más específica que nombra ``parte``."""
        plano = plegar(parte)
        candidatos = []
        for lista, tipo in (("comunidad", "comunidad"), ("responsables", "colectivo")):
            for entrada in catalogo().get(lista) or []:
                palabra = contiene(plano, entrada.get("palabras") or [])
                if palabra:
                    candidatos.append((len(palabra), tipo, entrada))
        if not candidatos:
            return None
        _, tipo, entrada = max(candidatos, key=lambda c: c[0])
        return tipo, entrada

    def _persona(self, parte: str) -> Persona | None:
        hallada = self._entrada(parte)
        if hallada is None:
            return None
        tipo, entrada = hallada
        grados = _GRADOS.search(parte)
        # Los grados distinguen a los docentes («de 1° a 3°», «de 4° a 6°»); al director no: es uno.
        grupo = " ".join(grados.group(1).split()) \
            if grados and tipo == "colectivo" and entrada.get("funcion") in _CON_GRUPO else None
        clave = (tipo, entrada["id"], grupo)
        if clave in self._por_clave:
            return self._por_clave[clave]
        lista = self.colectivo if tipo == "colectivo" else self.comunidad
        usados = {p.id for p in self.colectivo + self.comunidad}
        base, n, ident = entrada["id"], 2, entrada["id"]
        while ident in usados:
            ident, n = f"{base}{n}", n + 1
        nombre = " ".join(parte.split())
        if tipo == "comunidad" and nombre.isupper() and len(nombre) <= 6:
            nombre = str(entrada.get("nombre") or nombre)  # «APF» → Asociación de Padres de Familia
        nombre = nombre[:1].upper() + nombre[1:]
        persona = Persona(id=ident, nombre=nombre,
                          funcion=entrada.get("funcion") if tipo == "colectivo" else None,
                          tipo=entrada.get("tipo") if tipo == "comunidad" else None, grupo=grupo)
        lista.append(persona)
        self._por_clave[clave] = persona
        return persona
