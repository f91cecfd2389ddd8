"""Estructura: el árbol de un archivo contra su definición en ``esquema`` → modelo + problemas.

Cada error se informa una vez y no arrastra a otros: una clave casi correcta (``línea_base``)
se informa y se lee como la que quiso escribirse; un valor de tipo equivocado se informa y
queda como ``None`` en el modelo, marcado como inválido para que ninguna regla posterior diga
además que "falta".

Posee el ``Registro`` (un objeto del modelo con sus posiciones) y el ``Verificador`` (qué se
acepta y qué se informa). Los textos de las pistas están en ``pistas``; la documentación de los
códigos RM1xx, en ``codigos_estructura``.
"""

from __future__ import annotations

import re
from datetime import date
from decimal import Decimal, InvalidOperation
from typing import Callable

from rutamejora.formato import esquema as E
from rutamejora.catalogos import normalizar
from rutamejora.formato import codigos_estructura  # noqa: F401  registra RM1xx antes de usarlos
from rutamejora.formato.lectura import ESCALAR, ILEGIBLE, LISTA, MAPA, Nodo
from rutamejora.formato.pistas import (FORMA_NUMERO, articulo, describir, falta, limites, numero_en,
                                       pista_de_campo, pista_de_tipo, sugerir)
from rutamejora.nucleo.codigos import problema_de


class Registro:
    """Un objeto del modelo (una meta, una acción…): un atributo por campo de su definición.

    Un campo que falta o que no se pudo leer vale ``None``; ``invalido(campo)`` distingue los
    dos casos. ``pos(campo)`` da la línea, la columna y el camino YAML para los mensajes.
    """

    def __init__(self, entidad: str, archivo: str, ruta_yaml: str, nodo: Nodo):
        self._entidad = entidad
        self._archivo = archivo
        self._ruta_yaml = ruta_yaml
        self._nodo = nodo
        # Campo del formato → clave con que está escrito (``prioridad`` → ``problematica``).
        self._escritas: dict[str, str] = {}

    def pos(self, campo: str | None = None) -> tuple[int, int, str]:
        """Posición de ``campo`` (o de un elemento de una lista: ``metas[1]``), o del objeto."""
        indice = None
        if campo and campo.endswith("]") and "[" in campo:
            campo, _, resto = campo.partition("[")
            indice = int(resto[:-1])
        clave = self._escritas.get(campo, campo) if campo else campo
        if clave and isinstance(self._nodo.valor, dict) and clave in self._nodo.valor:
            hijo = self._nodo.valor[clave]
            camino = f"{self._ruta_yaml}.{clave}".lstrip(".")
            if indice is not None and hijo.tipo == LISTA and indice < len(hijo.valor):
                hijo, camino = hijo.valor[indice], f"{camino}[{indice}]"
            return hijo.linea, hijo.columna, camino
        return self._nodo.linea, self._nodo.columna, self._ruta_yaml

    def presente(self, campo: str) -> bool:
        return isinstance(self._nodo.valor, dict) and self._escritas.get(campo, campo) in self._nodo.valor

    # Casi ningún objeto tiene campos inválidos: el conjunto se crea con el primero.
    _invalidos: set[str] | frozenset = frozenset()

    def invalido(self, campo: str) -> bool:
        return campo in self._invalidos

    def _marcar_invalido(self, campo: str) -> None:
        if not self._invalidos:
            self._invalidos = set()
        self._invalidos.add(campo)

    def __repr__(self) -> str:
        campos = {k: v for k, v in vars(self).items() if not k.startswith("_")}
        return f"{self._entidad}({campos})"


INVALIDO = object()
# Mil millones de pesos: ninguna escuela los maneja; más allá es un error de captura.
_DINERO_MAXIMO = Decimal("1000000000")
_FECHA = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_FECHA_DMA = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")
_ENTERO = re.compile(r"^[-+]?\d+$")
_BOOLEANOS = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
# Lo que la gente escribe por "sí/no" y YAML 1.2 no entiende.
_CASI_BOOLEANOS = {"si", "sí", "no", "yes", "on", "off", "verdadero", "falso"}


class _Plan:
    """Lo que pide un objeto del esquema bajo un marco, calculado una vez por (marco, objeto) y
    reusado en cada archivo y en cada Ruta de ese marco: qué claves valen (``validos``, en
    orden, y ``conjunto``), qué alias del marco las nombran (``alias``), cómo se le muestran al
    usuario (``visibles``) y, por campo, su clave visible y si es obligatorio (``campos``)."""

    __slots__ = ("validos", "conjunto", "alias", "visibles", "campos", "nulos")

    def __init__(self, marco, definicion: E.Objeto):
        entidad = definicion.entidad
        todos = marco.alias(entidad) if marco is not None else {}

        def estado(campo: E.Campo) -> str:
            dicho = marco.estado(entidad, campo.nombre) if marco is not None else None
            return dicho or ("requerido" if campo.requerido else "opcional")

        def nombre(campo: str) -> str:
            """La clave con que el marco escribe ``campo`` (su alias si tiene uno)."""
            for alias, canonico in todos.items():
                if canonico == campo:
                    return alias
            return campo

        self.validos = [c.nombre for c in definicion.campos if estado(c) != "no_aplica"]
        self.conjunto = frozenset(self.validos)
        self.alias = {a: c for a, c in todos.items() if c in self.validos}
        # Lo que se le muestra al usuario: las claves en las palabras del marco.
        self.visibles = {nombre(v): v for v in self.validos}
        self.campos = tuple((c, nombre(c.nombre), estado(c) == "requerido")
                            for c in definicion.campos)
        self.nulos = dict.fromkeys(c.nombre for c in definicion.campos)


# (id del marco, id del objeto) → (marco, objeto, plan). Guardar el marco y el objeto los
# mantiene vivos, así que sus id no se reusan; los marcos se leen una vez por proceso.
_PLANES: dict[tuple[int, int], tuple] = {}


def _plan(marco, definicion: E.Objeto) -> _Plan:
    hecho = _PLANES.get((id(marco), id(definicion)))
    if hecho is None:
        hecho = _PLANES[(id(marco), id(definicion))] = (marco, definicion, _Plan(marco, definicion))
    return hecho[2]


class Verificador:
    """Recorre un archivo contra su definición. ``opciones(catalogo)`` da los valores válidos
    de un catálogo como ``{forma normalizada: clave}``, o ``None`` si hoy no se pueden saber
    (p. ej. el marco no se pudo leer): entonces el valor se acepta tal cual.

    ``marco`` (un ``catalogos.Marco`` o ``None``) da las palabras del marco: las claves con que
    se escriben algunos campos (``problematicas:`` por ``prioridades:``) y qué campos pide o
    no admite (``accion.costo: opcional``). Sin marco, vale el formato base."""

    def __init__(self, archivo: str, opciones: Callable[[str], dict | None], marco=None):
        self.archivo = archivo
        self.opciones = opciones
        self.marco = marco
        self.problemas: list = []

    # -- entrada ----------------------------------------------------------------------------

    def archivo_raiz(self, raiz: Nodo, definicion: E.Objeto) -> Registro | None:
        if raiz.tipo == ILEGIBLE:
            return None  # Una raíz con ancla o etiqueta: ya informada en la lectura.
        if raiz.tipo != MAPA:
            self._tipo(raiz, definicion, "", extra=f"El archivo debe empezar con las claves de "
                                                   f"{self.archivo}, no con {describir(raiz)}.")
            return None
        return self.objeto(raiz, definicion, "")

    # -- problemas --------------------------------------------------------------------------

    def _p(self, codigo: str, nodo_o_pos, ruta: str, mensaje: str, pista: str = "") -> None:
        if isinstance(nodo_o_pos, Nodo):
            linea, columna = nodo_o_pos.linea, nodo_o_pos.columna
        else:
            linea, columna = nodo_o_pos
        self.problemas.append(problema_de(codigo, self.archivo, linea, columna, ruta, mensaje, pista))

    def _tipo(self, nodo: Nodo, tipo: E.Tipo, ruta: str, extra: str = "", pista: str = "") -> None:
        donde = f"`{ruta}`" if ruta else "El archivo"
        mensaje = extra or f"{donde} debe ser {articulo(tipo)}, pero tiene {describir(nodo)}."
        self._p("RM106", nodo, ruta, mensaje, pista or pista_de_tipo(nodo, tipo))

    # -- objetos ----------------------------------------------------------------------------

    def objeto(self, nodo: Nodo, definicion: E.Objeto, ruta: str) -> Registro:
        plan = _plan(self.marco, definicion)
        registro = Registro(definicion.entidad, self.archivo, ruta, nodo)
        claves = nodo.valor
        # Lo común: todas las claves son del objeto y se leen tal cual.
        entradas = claves if plan.conjunto.issuperset(claves) else \
            self._claves(nodo, plan, ruta, registro)
        escritas = registro._escritas
        # Cada campo vale None hasta que se lea (en el orden de la definición, de una vez);
        # un campo ausente y opcional, lo más común, no cuesta nada más.
        atributos = registro.__dict__
        atributos.update(plan.nulos)
        for campo, visible, requerido in plan.campos:
            nombre = campo.nombre
            hijo = entradas.get(nombre)
            if hijo is None and not requerido:
                continue
            escrita = escritas.get(nombre) or (nombre if nombre in claves else visible)
            if hijo is None:
                self._p("RM105", nodo, ruta or "", falta(escrita, ruta, self.archivo),
                        pista_de_campo(campo, escrita))
                continue
            ruta_hijo = f"{ruta}.{escrita}" if ruta else escrita
            if hijo.es_nulo():
                if campo.por_llenar and requerido:
                    self._por_llenar(hijo, ruta_hijo, campo)
                elif requerido:
                    self._p("RM105", hijo, ruta_hijo, f"`{ruta_hijo}` está vacío y es obligatorio.",
                            pista_de_campo(campo, escrita))
                continue
            tipo = campo.tipo
            if hijo.tipo == ILEGIBLE:
                valor = INVALIDO  # Ya informado (alias o etiqueta).
            else:
                valor = (_POR_TIPO.get(type(tipo)) or _verificador_de(type(tipo)))(
                    self, hijo, tipo, ruta_hijo)
            if valor is INVALIDO:
                registro._marcar_invalido(nombre)
                continue
            if valor == [] and campo.por_llenar and requerido:
                self._por_llenar(hijo, ruta_hijo, campo)
            atributos[nombre] = valor
        self._alternativas(registro, definicion, nodo, ruta)
        return registro

    def _claves(self, nodo: Nodo, plan: _Plan, ruta: str,
                registro: Registro | None = None) -> dict[str, Nodo]:
        """Las entradas del mapa por nombre de campo, corrigiendo las claves casi correctas.

        Una clave que el marco da como alias (``problematica``) se lee como su campo
        (``prioridad``); un campo que el marco declara ``no_aplica`` es una clave desconocida.
        """
        validos, alias, visibles = plan.conjunto, plan.alias, plan.visibles
        entradas: dict[str, Nodo] = {}
        desconocidas = []
        for clave, hijo in nodo.valor.items():
            if clave in validos:
                entradas[clave] = hijo
            else:
                desconocidas.append((clave, hijo))
        for clave, hijo in desconocidas:
            pos = nodo.claves.get(clave, (hijo.linea, hijo.columna))
            ruta_clave = f"{ruta}.{clave}" if ruta else clave
            if clave in alias and alias[clave] not in entradas:
                entradas[alias[clave]] = hijo
                if registro is not None:
                    registro._escritas[alias[clave]] = clave
                continue
            if clave in alias:
                self._p("RM104", pos, ruta_clave,
                        f"La clave `{clave}` repite `{alias[clave]}`, que ya está en este objeto.",
                        f"Deja solo una de las dos (`{clave}` es `{alias[clave]}` con las palabras "
                        f"del marco).")
                continue
            libres = {v: c for v, c in visibles.items() if c not in entradas}
            libres.update({a: c for a, c in alias.items() if c not in entradas})
            sugerida = sugerir(clave, list(libres), corte=0.8)
            if sugerida:
                canonico = libres[sugerida]
                entradas[canonico] = hijo
                # La clave corregida también vale para ``pos()`` del registro.
                nodo.valor[sugerida] = hijo
                if sugerida != canonico and registro is not None:
                    registro._escritas[canonico] = sugerida
                self._p("RM104", pos, ruta_clave, f"La clave `{clave}` no existe aquí.",
                        f"¿Quisiste decir `{sugerida}`? (se leyó como `{sugerida}`).")
            else:
                self._p("RM104", pos, ruta_clave, f"La clave `{clave}` no existe aquí.",
                        "Claves válidas: " + ", ".join(f"`{v}`" for v in visibles) + ".")
        return entradas

    def _por_llenar(self, nodo: Nodo, ruta: str, campo: E.Campo) -> None:
        # La pregunta va después de una raya: algunas ya traen paréntesis («b) Responsables…»).
        pregunta = f" — {self._en_palabras_del_marco(campo.pregunta.rstrip('.'))}" if campo.pregunta else ""
        descripcion = self._en_palabras_del_marco(campo.descripcion)
        punto = "" if pregunta.endswith(("?", "!")) else "."
        self._p("RM120", nodo, ruta, f"`{ruta}` está por llenar{pregunta}{punto}",
                f"Escribe {descripcion[0].lower()}{descripcion[1:]}" if descripcion else "")

    def _en_palabras_del_marco(self, texto: str) -> str:
        """Las descripciones del formato dicen «prioridades»; cada marco nombra así su agrupación
        («problemáticas», «ámbitos»)."""
        if self.marco is None or not texto:
            return texto
        def cambiar(m):
            palabra = self.marco.plural if m.group(2) else self.marco.singular
            return palabra[:1].upper() + palabra[1:] if m.group(1) == "P" else palabra

        return re.sub(r"\b([Pp])rioridad(es)?\b", cambiar, texto)

    def _alternativas(self, registro: Registro, definicion: E.Objeto, nodo: Nodo, ruta: str) -> None:
        if not definicion.alternativas:
            return
        presentes = [g for g in definicion.alternativas
                     if all(registro.presente(c) for c in g)]
        if presentes:
            return
        if any(registro.invalido(c) for g in definicion.alternativas for c in g):
            return  # Ya se informó el valor inválido: no decir además que falta.
        formas = " o ".join(" y ".join(f"`{c}`" for c in g) for g in definicion.alternativas)
        self._p("RM105", nodo, ruta, f"`{ruta or self.archivo}` necesita {formas}.",
                "Escribe una de esas formas completa.")

    # -- valores ----------------------------------------------------------------------------

    def valor(self, nodo: Nodo, tipo: E.Tipo, ruta: str):
        if nodo.tipo == ILEGIBLE:
            return INVALIDO  # Ya informado (alias o etiqueta).
        # Una búsqueda por la clase del tipo en vez de una cadena de ``isinstance``: es lo que
        # se hace por cada valor de la Ruta.
        verificar = _POR_TIPO.get(type(tipo)) or _verificador_de(type(tipo))
        return verificar(self, nodo, tipo, ruta)

    def _objeto(self, nodo: Nodo, tipo: E.Objeto, ruta: str):
        if nodo.tipo != MAPA:
            self._tipo(nodo, tipo, ruta)
            return INVALIDO
        return self.objeto(nodo, tipo, ruta)

    def _mapa(self, nodo: Nodo, tipo: E.Mapa, ruta: str):
        if nodo.tipo != MAPA:
            self._tipo(nodo, tipo, ruta)
            return INVALIDO
        resultado = {}
        for clave, hijo in nodo.valor.items():
            v = self.valor(hijo, tipo.valor, f"{ruta}.{clave}")
            if v is not INVALIDO and v is not None:
                resultado[clave] = v
        return resultado

    def _lista(self, nodo: Nodo, tipo: E.Lista, ruta: str):
        if nodo.tipo != LISTA:
            if nodo.tipo == ESCALAR and isinstance(tipo.elemento, (E.Texto, E.Ref, E.Fecha)):
                pista = f"Escríbelo como lista: `[{nodo.texto}]` o en renglones con `- `."
                self._tipo(nodo, tipo, ruta, pista=pista)
            else:
                self._tipo(nodo, tipo, ruta)
            return INVALIDO
        elementos = []
        elemento = tipo.elemento
        for i, hijo in enumerate(nodo.valor):
            if hijo.es_nulo():
                continue
            v = self.valor(hijo, elemento, f"{ruta}[{i}]")
            if v is not INVALIDO:
                elementos.append(v)
        return elementos

    def _uno_de(self, nodo: Nodo, tipo: E.UnoDe, ruta: str):
        for alternativa in tipo.alternativas:
            if (nodo.tipo == MAPA) == isinstance(alternativa, E.Objeto):
                return self.valor(nodo, alternativa, ruta)
        self._tipo(nodo, tipo, ruta)
        return INVALIDO

    def escalar(self, nodo: Nodo, tipo: E.Tipo, ruta: str):
        """El valor de un escalar de tipo ``tipo`` (``INVALIDO`` si no lo es, ya informado)."""
        if nodo.tipo != ESCALAR:
            self._tipo(nodo, tipo, ruta)
            return INVALIDO
        verificar = _ESCALARES.get(type(tipo)) or _verificador_de(type(tipo), _ESCALARES)
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
        if m:
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
        clave = validos.get(normalizar(texto))
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


def _compilada(patron: str) -> re.Pattern:
    """``re.compile`` con un diccionario propio: más barato que la caché de ``re.match``."""
    compilada = _COMPILADAS.get(patron)
    if compilada is None:
        compilada = _COMPILADAS[patron] = re.compile(patron)
    return compilada


_COMPILADAS: dict[str, re.Pattern] = {}

# Qué método verifica cada clase de tipo; los escalares pasan antes por ``escalar``.
_ESCALARES = {
    E.Texto: Verificador._texto, E.Id: Verificador._id, E.Ref: Verificador._ref,
    E.Booleano: Verificador._booleano, E.Entero: Verificador._entero,
    E.Numero: Verificador._numero, E.Dinero: Verificador._numero,
    E.Fecha: Verificador._fecha, E.Opcion: Verificador._opcion,
}
_POR_TIPO = {
    E.Objeto: Verificador._objeto, E.Mapa: Verificador._mapa, E.Lista: Verificador._lista,
    E.UnoDe: Verificador._uno_de,
    **{clase: Verificador.escalar for clase in _ESCALARES},
}


def _verificador_de(clase: type, tabla: dict = _POR_TIPO):
    """El método de una subclase de un tipo del esquema (el de su clase base más cercana)."""
    for base in clase.__mro__:
        if base in tabla:
            tabla[clase] = tabla[base]
            return tabla[base]
    raise TypeError(f"tipo sin verificar: {clase!r}")  # pragma: no cover - error de programación
