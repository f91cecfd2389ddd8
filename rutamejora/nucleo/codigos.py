"""El registro de los códigos de problema: cada código con su nombre, severidad, fase y doc.

Está en la capa más baja porque leer una Ruta (``formato``) ya produce problemas con código
(RM0xx, RM1xx) y las reglas (``reglas``) también: ambos registran aquí sus códigos al
importarse. Quién se registra lo decide una lista explícita, ``reglas.registro``; este módulo no
importa a nadie del paquete.

Los códigos van por familias y nunca se reutilizan:

- RM0xx lectura (el archivo y su YAML)
- RM1xx estructura (campos, tipos, catálogos, CCT, fechas)
- RM2xx referencias (ids entre archivos, fechas dentro del ciclo)
- RM3xx planeación, RM4xx seguimiento, RM5xx privacidad
- RM9xx la validación misma (verificaciones omitidas, supresiones)
"""

from __future__ import annotations

from typing import Callable

from rutamejora.nucleo.problemas import Problema
from rutamejora.nucleo.expresiones import compilar
from rutamejora.nucleo.registro import registro

FASES = ("lectura", "estructura", "referencias", "planeacion", "seguimiento", "privacidad",
         "validacion")


@registro(frozen=True)
class Ejemplo:
    """Un ejemplo de la documentación: ``bueno`` (✓) o no (✗), para un archivo de la Ruta.

    ``completo`` dice si el texto reemplaza el archivo entero; si no, se mezcla sobre el
    archivo de una Ruta válida (los mapas por clave, las listas de objetos por ``id``).
    ``carpeta`` es dónde está la Ruta del ejemplo cuando importa (``✗ ruta.yaml (en
    escuelas/21DPR0123T/2026-2027)``); vacía, en cualquier carpeta.
    """

    bueno: bool
    archivo: str
    texto: str
    completo: bool
    carpeta: str = ""


@registro(frozen=True)
class Regla:
    codigo: str
    nombre: str
    severidad: str
    fase: str
    doc: str
    funcion: Callable | None = None
    # Archivos que la regla necesita legibles; si alguno no lo está, se omite y se dice (RM901).
    requiere: tuple[str, ...] = ()

    @property
    def resumen(self) -> str:
        return self.doc.strip().splitlines()[0].strip() if self.doc.strip() else ""

    @property
    def ejemplos(self) -> list[Ejemplo]:
        return leer_ejemplos(self.doc)


_REGISTRO: dict[str, Regla] = {}


def definir(codigo: str, nombre: str, severidad: str, fase: str, doc: str,
            funcion: Callable | None = None, requiere: tuple[str, ...] = ()) -> Regla:
    """Registra un código. Dos reglas con el mismo código o nombre son un error de programación."""
    if codigo in _REGISTRO:
        raise ValueError(f"código repetido: {codigo}")
    if any(r.nombre == nombre for r in _REGISTRO.values()):
        raise ValueError(f"nombre repetido: {nombre}")
    if fase not in FASES:
        raise ValueError(f"fase desconocida: {fase}")
    regla_ = Regla(codigo, nombre, severidad, fase, _limpiar(doc), funcion, requiere)
    _REGISTRO[codigo] = regla_
    return regla_


def regla(codigo: str, nombre: str, severidad: str, fase: str, requiere: tuple[str, ...] = ()):
    """Decorador: una función ``f(ruta, contexto)`` que produce problemas; su docstring es su doc."""

    def registrar(funcion):
        definir(codigo, nombre, severidad, fase, funcion.__doc__ or "", funcion, requiere)
        return funcion

    return registrar


def obtener(codigo: str) -> Regla | None:
    return _REGISTRO.get(codigo.upper())


def problema_de(codigo: str, archivo: str, linea: int, columna: int, ruta_yaml: str,
                mensaje: str, pista: str = "", secretos: tuple = ()) -> Problema:
    """Un Problema con el nombre y la severidad que el catálogo da a ``codigo``."""
    r = _REGISTRO[codigo]
    return Problema(codigo=codigo, nombre=r.nombre, severidad=r.severidad, archivo=archivo,
                    linea=linea, columna=columna, ruta_yaml=ruta_yaml, mensaje=mensaje,
                    pista=pista, secretos=secretos)


def _limpiar(doc: str) -> str:
    """``inspect.cleandoc(doc)``, el mismo algoritmo, sin importar ``inspect`` (con ``ast``,
    ``dis`` y ``tokenize``: ~4 ms de cada arranque de ``ruta validar``, que registra cada código)."""
    if not doc:
        return ""
    lineas = doc.expandtabs().split("\n")
    # La sangría común de las líneas con texto después de la primera (la primera va pegada a
    # las comillas del docstring).
    margen = min((len(linea) - len(linea.lstrip()) for linea in lineas[1:] if linea.lstrip()),
                 default=None)
    lineas[0] = lineas[0].lstrip()
    if margen is not None:
        lineas[1:] = [linea[margen:] for linea in lineas[1:]]
    while lineas and not lineas[-1]:
        lineas.pop()
    while lineas and not lineas[0]:
        lineas.pop(0)
    return "\n".join(lineas)


_CABEZA = compilar(r"^(✓|✗)\s+(\S+)(\s+\(completo\))?(?:\s+\(en\s+(\S+)\))?\s*$")


def leer_ejemplos(doc: str) -> list[Ejemplo]:
    """Extrae los bloques ``✓ archivo`` / ``✗ archivo`` (texto con sangría de 4 espacios)."""
    ejemplos: list[Ejemplo] = []
    lineas = doc.splitlines()
    i = 0
    while i < len(lineas):
        m = _CABEZA.match(lineas[i].strip())
        i += 1
        if not m:
            continue
        bloque = []
        while i < len(lineas) and (lineas[i].startswith("    ") or not lineas[i].strip()):
            if not lineas[i].strip() and (i + 1 >= len(lineas) or not lineas[i + 1].startswith("    ")):
                break
            bloque.append(lineas[i][4:])
            i += 1
        ejemplos.append(Ejemplo(m.group(1) == "✓", m.group(2), "\n".join(bloque) + "\n",
                                bool(m.group(3)), m.group(4) or ""))
    return ejemplos


def todas() -> list[Regla]:
    """Las reglas registradas hasta ahora, en orden de código (``reglas.registro`` las registra todas)."""
    return [_REGISTRO[c] for c in sorted(_REGISTRO)]


def sugerir_codigo(escrito: str) -> str | None:
    """El código registrado más parecido a ``escrito`` (un código mal tecleado)."""
    import difflib

    # La O y la I se confunden con 0 y 1 al teclear un código.
    forma = escrito.upper()[:2] + escrito.upper()[2:].replace("O", "0").replace("I", "1")
    cercanos = difflib.get_close_matches(forma, sorted(_REGISTRO), n=1)
    return cercanos[0] if cercanos else None
