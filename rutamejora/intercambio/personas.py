"""Responsables escritos como texto → entradas de ``colectivo`` y ``comunidad`` por función.

Los formatos dicen «Docentes de aula», «Director 1°–3°», «Directora y USAER», «Padres de
familia»: no nombres. Cada grupo que nombra el documento se vuelve una entrada (``{id: DOC,
nombre: Docentes de aula, funcion: docente}``) con el texto con que lo escribió la escuela como
nombre, y dos grupos distintos de la misma función son dos entradas: «Docentes de español» y
«Docentes de matemáticas» (``DOC`` y ``DOC2``), «Docentes de 1° a 3°» y «Docentes de 4° a 6°»
(cada una con su ``grupo``). Se tiene por el mismo grupo lo que solo cambia en mayúsculas,
acentos, género o número («Docente de Matemáticas»), y, en una función que la escuela tiene una
sola vez (``unica`` en el catálogo: la dirección, la APF), cualquier forma de nombrarla
(«Director», «Directora», «Dirección», «Director 1°–3°»).

Dos funciones unidas por «y» son dos responsables («Director y Orientación Educativa»); lo que
sigue a la «y» es parte del mismo nombre solo si completa lo anterior («Docentes de español y
matemáticas», «Docentes de 1° y 2°») o el catálogo lo tiene entero («Comité de Planeación y
Evaluación»). Lo que no es una función que se reconozca se devuelve aparte, tal como se
escribió, para que quede como comentario. Las palabras de cada función están en
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
# Lo que no distingue un grupo de otro: «Docentes de aula» y «Docentes del aula» son el mismo.
_VACIAS = frozenset("de del la el los las lo y e a al en para por con su sus".split())
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
        """«Director y padres de familia» y «Director y Orientación Educativa» son dos;
        «Docentes de español y matemáticas» y «Comité de Planeación y Evaluación», uno."""
        partes = _Y.split(trozo)
        if len(partes) == 1 or " y " in f" {self._palabra(trozo)} ":
            return [trozo]  # el catálogo tiene el nombre entero, con su «y»
        uniones = _Y.findall(trozo)
        juntas = [partes[0]]
        for union, parte in zip(uniones, partes[1:]):
            nueva = self._entrada(parte) is not None or (
                not _GRADOS.fullmatch(parte.strip()) and self._entrada(juntas[-1]) is not None
                and not self._complemento(juntas[-1]))
            if nueva:
                juntas.append(parte)
            else:
                juntas[-1] += union + parte  # completa lo anterior: «… de español y matemáticas»
        return [p for p in juntas if p.strip()]

    def _complemento(self, parte: str) -> str:
        """Lo que dice ``parte`` además de su función y sus grados («español» en «Docentes de
        español»; nada en «Director» ni en «Maestra de 3°»)."""
        palabra = set(self._palabra(parte).split())
        return " ".join(w for w in plegar(_GRADOS.sub(" ", parte)).split() if w not in palabra and w not in _VACIAS)

    def _palabra(self, parte: str) -> str:
        """La palabra del catálogo con que se reconoce ``parte`` («» si ninguna)."""
        hallada = self._entrada(parte)
        return contiene(plegar(parte), hallada[1].get("palabras") or []) if hallada else ""

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
        clave = (tipo, entrada["id"], grupo, "" if entrada.get("unica") else _mismo_grupo(parte))
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


def _mismo_grupo(parte: str) -> str:
    """La forma de ``parte`` con que se reconoce el mismo grupo escrito de otro modo: sin
    grados (van en ``grupo``), acentos, mayúsculas ni palabras vacías, y cada palabra sin su
    terminación de género o número («Docente de Matemáticas» = «docentes de matematicas»)."""
    palabras = [w for w in plegar(_GRADOS.sub(" ", parte)).split() if w not in _VACIAS]
    return " ".join(_raiz(w) for w in palabras)


def _raiz(palabra: str) -> str:
    """«docentes», «docente» → «docent»; «maestra», «maestros» → «maestr»; «director» igual."""
    for fin in ("as", "os", "es", "a", "o", "e", "s"):
        if palabra.endswith(fin) and len(palabra) - len(fin) >= 4:
            return palabra[:-len(fin)]
    return palabra
