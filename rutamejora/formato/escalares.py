"""Los valores escalares de la Ruta contra su tipo del esquema: texto, id, referencia,
booleano, entero, número, dinero, fecha y opción.

``Escalares`` es la parte del ``Verificador`` de ``estructura`` que lee un escalar: cada tipo
tiene su método, elegido por la clase del tipo (``POR_TIPO_ESCALAR``) y no por una cadena de
``isinstance``, porque es lo que se hace con cada valor de cada archivo. Usa del
``Verificador`` ``_p`` y ``_tipo`` (informar) y ``opciones`` (los valores de un catálogo).
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation

from rutamejora.catalogos import normalizar
from rutamejora.formato import esquema as E
from rutamejora.formato.lectura import ESCALAR, Nodo
from rutamejora.formato.pistas import FORMA_NUMERO, limites, numero_en, sugerir
from rutamejora.nucleo.expresiones import compilar

INVALIDO = object()
# Mil millones de pesos: ninguna escuela los maneja; más allá es un error de captura.
_DINERO_MAXIMO = Decimal("1000000000")
_NUMERO_MAXIMO = Decimal("1e12")
_FECHA = compilar(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FECHA_DMA = compilar(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ENTERO = compilar(r"^[-+]?\d+$")
_BOOLEANOS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Lo que la gente escribe por "sí/no" y YAML 1.2 no entiende.
_CASI_BOOLEANOS = {"si", "sí", "no", "yes", "on", "off", "verdadero", "falso"}


class Escalares:
    """Las verificaciones de los tipos escalares; devuelven el valor leído o ``INVALIDO``
    (ya informado)."""

    def escalar(self, nodo: Nodo, tipo: E.Tipo, ruta: str):
        """El valor de un escalar de tipo ``tipo`` (``INVALIDO`` si no lo es, ya informado)."""
        if nodo.tipo != ESCALAR:
            self._tipo(nodo, tipo, ruta)
            return INVALIDO
        verificar = POR_TIPO_ESCALAR.get(type(tipo)) or \
            verificador_de(type(tipo), POR_TIPO_ESCALAR)
        return verificar(self, nodo, tipo, ruta)

    def _texto(self, nodo: Nodo, tipo: E.Texto, ruta: str):
        valor = nodo.texto.strip()
        if tipo.patron and not _compilada(tipo.patron).match(valor):
            if ruta.endswith("ciclo"):
                self._p("RM109", nodo, ruta, f"El ciclo `{valor}` no tiene la forma AAAA-AAAA.",
                        "Escríbelo con los dos años completos: `2025-2026`.")
            else:
                self._p("RM106", nodo, ruta, f"`{valor}` no tiene la forma esperada "
                                             f"({tipo.descripcion_patron}).")
            return INVALIDO
        return valor

    def _id(self, nodo: Nodo, tipo: E.Id, ruta: str):
        valor = nodo.texto.strip()
        if not _compilada(rf"^{tipo.prefijo}[1-9]\d*$").match(valor):
            self._p("RM110", nodo, ruta, f"El id `{valor}` no tiene la forma {tipo.prefijo}1, "
                                         f"{tipo.prefijo}2, …",
                    f"Usa la letra {tipo.prefijo} seguida de un número, sin espacios: "
                    f"`{tipo.prefijo}{numero_en(valor) or 1}`.")
            return INVALIDO
        return valor

    def _ref(self, nodo: Nodo, tipo: E.Ref, ruta: str):
        return nodo.texto.strip()

    def _booleano(self, nodo: Nodo, tipo: E.Booleano, ruta: str):
        texto = nodo.texto
        if nodo.plano and texto in _BOOLEANOS:
            return _BOOLEANOS[texto]
        pista = "Escribe `true` o `false` (sin comillas)."
        if normalizar(texto) in _CASI_BOOLEANOS:
            pista = f"YAML no entiende `{texto}`: escribe `true` o `false`."
        self._tipo(nodo, tipo, ruta, pista=pista)
        return INVALIDO

    def _entero(self, nodo: Nodo, tipo: E.Entero, ruta: str):
        texto = nodo.texto
        if not nodo.plano or not _ENTERO.match(texto):
            self._tipo(nodo, tipo, ruta)
            return INVALIDO
        return self._rango(int(texto), tipo, nodo, ruta)

    def _rango(self, valor, tipo, nodo: Nodo, ruta: str):
        if tipo.minimo is not None and valor < tipo.minimo or \
                tipo.maximo is not None and valor > tipo.maximo:
            rango = limites(tipo)
            self._tipo(nodo, tipo, ruta, extra=f"`{ruta}` vale {valor}, fuera de {rango}.",
                       pista=f"Escribe un valor {rango}.")
            return INVALIDO
        return valor

    def _numero(self, nodo: Nodo, tipo, ruta: str):
        texto = nodo.texto.strip()
        if not nodo.plano or not FORMA_NUMERO.match(texto):
            self._tipo(nodo, tipo, ruta)
            return INVALIDO
        try:
            valor = Decimal(texto)
        except InvalidOperation:  # pragma: no cover - el patrón ya lo evita
            self._tipo(nodo, tipo, ruta)
            return INVALIDO
        if valor.is_finite() and abs(valor) >= _NUMERO_MAXIMO and not isinstance(tipo, E.Dinero):
            # Ni un porcentaje ni una cantidad de alumnos llega ahí; 1e400 ni cabe en un float.
            self._tipo(nodo, tipo, ruta, extra=f"`{ruta}` es demasiado grande ({texto}).",
                       pista="Revisa la cantidad: ¿sobran ceros o una «e»?")
            return INVALIDO
        if isinstance(tipo, E.Dinero):
            if valor < 0:
                self._tipo(nodo, tipo, ruta, extra=f"`{ruta}` es negativo ({texto}).",
                           pista="Un costo o un gasto se escribe en positivo.")
                return INVALIDO
            if valor >= _DINERO_MAXIMO:
                self._tipo(nodo, tipo, ruta, extra=f"`{ruta}` es demasiado grande ({texto}).",
                           pista="Revisa la cantidad: ¿sobran ceros?")
                return INVALIDO
            if valor != valor.quantize(Decimal("0.01")):
                self._tipo(nodo, tipo, ruta, extra=f"`{ruta}` tiene más de dos decimales ({texto}).",
                           pista="Los pesos se escriben con centavos a lo más: `1250.50`.")
                return INVALIDO
            return valor
        return self._rango(valor, tipo, nodo, ruta)

    def _fecha(self, nodo: Nodo, tipo: E.Fecha, ruta: str):
        texto = nodo.texto.strip()
        m = _FECHA.match(texto)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                self._p("RM108", nodo, ruta, f"La fecha `{texto}` no existe.",
                        "Revisa el día y el mes (AAAA-MM-DD).")
                return INVALIDO
        pista = "Escribe la fecha como AAAA-MM-DD, p. ej. `2025-09-26`."
        m = _FECHA_DMA.match(texto)
        con_hora = _FECHA.match(texto.split()[0].split("T")[0]) if texto else None
        if con_hora and _hora_de_mas(texto) and _existe(*map(int, con_hora.groups())):
            pista = f"Escribe solo la fecha, sin la hora: `{con_hora.group(0)}`."
        elif m:
            try:
                d = date(int(m.group(3)), int(m.group(2)), int(m.group(1)))
                pista = f"Escribe la fecha como AAAA-MM-DD: `{d.isoformat()}`."
            except ValueError:
                pass
        self._p("RM108", nodo, ruta, f"`{texto}` no es una fecha AAAA-MM-DD.", pista)
        return INVALIDO

    def _opcion(self, nodo: Nodo, tipo: E.Opcion, ruta: str):
        texto = nodo.texto.strip()
        if tipo.valores:
            if "_formas" not in tipo.__dict__:  # una vez por tipo, no por cada valor leído
                tipo._formas = {normalizar(v): v for v in tipo.valores}
            validos = tipo._formas
        else:
            validos = self.opciones(tipo.catalogo)
        if validos is None:
            return texto  # El catálogo no se pudo saber: otra verificación ya lo dijo.
        clave = validos.get(_forma(texto))
        if clave is not None:
            return clave
        canonicos = list(dict.fromkeys(validos.values()))
        cercano = sugerir(texto, canonicos)
        pista = f"¿Quisiste decir `{cercano}`?" if cercano else \
            "Valores válidos: " + ", ".join(f"`{v}`" for v in canonicos[:12]) + \
            (" …" if len(canonicos) > 12 else "") + "."
        self._p("RM107", nodo, ruta, f"`{texto}` no es un valor válido de `{ruta.split('.')[-1]}`.",
                pista)
        return INVALIDO


def _existe(anio: int, mes: int, dia: int) -> bool:
    try:
        date(anio, mes, dia)
    except ValueError:
        return False
    return True


def _hora_de_mas(texto: str) -> bool:
    """«2025-09-08 10:00:00», «2026-06-19T13:30»: una fecha válida seguida de su hora."""
    fecha, _, hora = texto.replace("T", " ", 1).partition(" ")
    return bool(re.fullmatch(r"\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?", hora.strip()))


def _compilada(patron: str) -> re.Pattern:
    """``re.compile`` con un diccionario propio: más barato que la caché de ``re.match``."""
    compilada = _COMPILADAS.get(patron)
    if compilada is None:
        compilada = _COMPILADAS[patron] = re.compile(patron)
    return compilada


_COMPILADAS: dict[str, re.Pattern] = {}

# Las formas normalizadas de los valores de opción: se repiten de un objeto a otro y de una
# Ruta a otra (``en_curso``, ``docente``…). Acotado: se vacía al llenarse.
_FORMAS: dict[str, str] = {}


def _forma(texto: str) -> str:
    forma = _FORMAS.get(texto)
    if forma is None:
        if len(_FORMAS) >= 4096:
            _FORMAS.clear()
        forma = _FORMAS[texto] = normalizar(texto)
    return forma


# Qué método lee cada clase de tipo escalar.
POR_TIPO_ESCALAR = {
    E.Texto: Escalares._texto, E.Id: Escalares._id, E.Ref: Escalares._ref,
    E.Booleano: Escalares._booleano, E.Entero: Escalares._entero,
    E.Numero: Escalares._numero, E.Dinero: Escalares._numero,
    E.Fecha: Escalares._fecha, E.Opcion: Escalares._opcion,
}


def verificador_de(clase: type, tabla: dict):
    """El método de una subclase de un tipo del esquema (el de su clase base más cercana)."""
    for base in clase.__mro__:
        if base in tabla:
            tabla[clase] = tabla[base]
            return tabla[base]
    raise TypeError(f"tipo sin verificar: {clase!r}")  # pragma: no cover - error de programación
