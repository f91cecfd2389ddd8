"""Estructura: el árbol de un archivo contra su definición en ``esquema`` → modelo + problemas.

Cada error se informa una vez y no arrastra a otros: una clave casi correcta (``línea_base``)
se informa y se lee como la que quiso escribirse; un valor de tipo equivocado se informa y
queda como ``None`` en el modelo, marcado como inválido para que ninguna regla posterior diga
además que "falta".

Posee el ``Registro`` (un objeto del modelo con sus posiciones) y el ``Verificador`` (qué se
acepta y qué se informa). Cómo se lee cada tipo escalar está en ``escalares``; los textos de las
pistas, en ``pistas``; la documentación de los códigos RM1xx, en ``codigos_estructura``.
"""

from __future__ import annotations

import re
from typing import Callable

from rutamejora.formato import esquema as E
from rutamejora.formato import codigos_estructura  # noqa: F401  registra RM1xx antes de usarlos
from rutamejora.formato.escalares import INVALIDO, POR_TIPO_ESCALAR, Escalares, verificador_de
from rutamejora.formato.lectura import ESCALAR, ILEGIBLE, LISTA, MAPA, NULOS, Nodo
from rutamejora.formato.pistas import (articulo, describir, falta, pista_de_campo, pista_de_tipo,
                                       sugerir)
from rutamejora.nucleo.codigos import problema_de


def _escrito_vacio(hijo) -> bool:
    """¿La clave está escrita sin valor (``inicio:``)?"""
    return hijo is not None and hijo.tipo == ESCALAR and hijo.plano and hijo.texto in NULOS


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


class _Plan:
    """Lo que pide un objeto del esquema bajo un marco, calculado una vez por (marco, objeto) y
    reusado en cada archivo y en cada Ruta de ese marco: qué claves valen (``validos``, en
    orden, y ``conjunto``), qué alias del marco las nombran (``alias``), cómo se le muestran al
    usuario (``visibles``) y, por campo, su clave visible y si es obligatorio (``campos``)."""

    __slots__ = ("validos", "conjunto", "alias", "visibles", "campos", "nulos")

    # ``campos``: por campo, (nombre, campo, clave visible, obligatorio, «por llenar» si queda
    # vacío, tipo, su verificación si el valor es un escalar, su verificación general).

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
        campos = []
        for c in definicion.campos:
            requerido = estado(c) == "requerido"
            campos.append((c.nombre, c, nombre(c.nombre), requerido, c.por_llenar and requerido,
                           c.tipo, *_verificaciones(c.tipo)))
        self.campos = tuple(campos)
        self.nulos = dict.fromkeys(c.nombre for c in definicion.campos)


# (id del marco, id del objeto) → (marco, objeto, plan). Guardar el marco y el objeto los
# mantiene vivos, así que sus id no se reusan; los marcos se leen una vez por proceso.
_PLANES: dict[tuple[int, int], tuple] = {}


def _plan(marco, definicion: E.Objeto) -> _Plan:
    hecho = _PLANES.get((id(marco), id(definicion)))
    if hecho is None:
        hecho = _PLANES[(id(marco), id(definicion))] = (marco, definicion, _Plan(marco, definicion))
    return hecho[2]


class Verificador(Escalares):
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
        # Si se cambió el árbol (una clave casi correcta se agrega corregida): lo que la lectura
        # anotó de él ya no es todo (ver ``lectura.recorrido``).
        self.edito = False

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
        clave = re.sub(r"\[\d+\]$", "", ruta).rsplit(".", 1)[-1]
        self._p("RM106", nodo, ruta, mensaje, pista or pista_de_tipo(nodo, tipo, clave))

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
        for nombre, campo, visible, requerido, vacio_por_llenar, tipo, de_escalar, verificar \
                in plan.campos:
            hijo = entradas.get(nombre)
            if hijo is None:
                if requerido:
                    escrita = escritas.get(nombre) or (nombre if nombre in claves else visible)
                    self._p("RM105", nodo, ruta or "", falta(escrita, ruta, self.archivo),
                            pista_de_campo(campo, escrita))
                continue
            # Sin claves corregidas, la clave escrita es el nombre del campo.
            escrita = nombre if entradas is claves else \
                escritas.get(nombre) or (nombre if nombre in claves else visible)
            ruta_hijo = f"{ruta}.{escrita}" if ruta else escrita
            forma = hijo.tipo
            if forma == ESCALAR:
                if hijo.plano and hijo.texto in NULOS:
                    if vacio_por_llenar:
                        self._por_llenar(hijo, ruta_hijo, campo)
                    elif requerido:
                        self._p("RM105", hijo, ruta_hijo, f"`{ruta_hijo}` está vacío y es obligatorio.",
                                pista_de_campo(campo, escrita, vacio=True))
                    continue
                valor = (de_escalar or verificar)(self, hijo, tipo, ruta_hijo)
            elif forma == ILEGIBLE:
                valor = INVALIDO  # Ya informado (alias o etiqueta).
            else:
                valor = verificar(self, hijo, tipo, ruta_hijo)
            if valor is INVALIDO:
                registro._marcar_invalido(nombre)
                continue
            if vacio_por_llenar and valor == []:
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
                self.edito = True
                if sugerida != canonico and registro is not None:
                    registro._escritas[canonico] = sugerida
                self._p("RM104", pos, ruta_clave, f"La clave `{clave}` no existe aquí.",
                        self._corregida(nodo, sugerida, canonico, hijo, plan, entradas))
            else:
                self._p("RM104", pos, ruta_clave, f"La clave `{clave}` no existe aquí.",
                        "Claves válidas: " + ", ".join(f"`{v}`" for v in visibles) + ".")
        return entradas

    @staticmethod
    def _corregida(nodo: Nodo, sugerida: str, canonico: str, hijo: Nodo, plan: _Plan,
                   entradas: dict) -> str:
        """La pista de una clave casi correcta. ``responsable: DIR`` por ``responsables``, que es
        una lista: un solo error (la clave) con lo que hay que escribir, y el valor se lee como
        la lista de uno que quiso escribirse, sin un segundo error por no ser lista."""
        tipo = next(c[5] for c in plan.campos if c[0] == canonico)
        if isinstance(tipo, E.Lista) and isinstance(tipo.elemento, (E.Texto, E.Ref, E.Fecha)) \
                and hijo.tipo == ESCALAR and not hijo.es_nulo():
            lista = Nodo(LISTA, hijo.linea, hijo.columna, valor=[hijo])
            entradas[canonico] = nodo.valor[sugerida] = lista
            return f"Escribe `{sugerida}: [{hijo.texto}]` (es una lista; se leyó así)."
        return f"¿Quisiste decir `{sugerida}`? (se leyó como `{sugerida}`)."

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
        # Una forma escrita con sus claves vacías (``inicio:`` y ``fin:``, como las deja `ruta
        # importar plan` cuando el documento no dice los tiempos) está por llenar: un aviso.
        vacios = [g for g in definicion.alternativas
                  if all(_escrito_vacio(nodo.valor.get(c)) for c in g)]
        presentes = [g for g in definicion.alternativas
                     if g not in vacios and all(registro.presente(c) for c in g)]
        if presentes:
            return
        if any(registro.invalido(c) for g in definicion.alternativas for c in g):
            return  # Ya se informó el valor inválido: no decir además que falta.
        formas = " o ".join(" y ".join(f"`{c}`" for c in g) for g in definicion.alternativas)
        if vacios:
            grupo = vacios[0]
            self._p("RM120", nodo.valor[grupo[0]], f"{ruta}.{grupo[0]}" if ruta else grupo[0],
                    " y ".join(f"`{c}`" for c in grupo) + f" de `{ruta or self.archivo}` están por llenar.",
                    f"Escribe {formas}.")
            return
        self._p("RM105", nodo, ruta, f"`{ruta or self.archivo}` necesita {formas}.",
                "Escribe una de esas formas completa.")

    # -- valores ----------------------------------------------------------------------------

    def valor(self, nodo: Nodo, tipo: E.Tipo, ruta: str):
        if nodo.tipo == ILEGIBLE:
            return INVALIDO  # Ya informado (alias o etiqueta).
        # Una búsqueda por la clase del tipo en vez de una cadena de ``isinstance``: es lo que
        # se hace por cada valor de la Ruta.
        verificar = _POR_TIPO.get(type(tipo)) or verificador_de(type(tipo), _POR_TIPO)
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
        de_escalar, verificar = _verificaciones(elemento)
        de_escalar = de_escalar or verificar
        for i, hijo in enumerate(nodo.valor):
            forma = hijo.tipo
            if forma == ESCALAR:
                if hijo.plano and hijo.texto in NULOS:
                    continue
                v = de_escalar(self, hijo, elemento, f"{ruta}[{i}]")
            elif forma == ILEGIBLE:
                continue  # Ya informado (alias o etiqueta).
            else:
                v = verificar(self, hijo, elemento, f"{ruta}[{i}]")
            if v is not INVALIDO:
                elementos.append(v)
        return elementos

    def _uno_de(self, nodo: Nodo, tipo: E.UnoDe, ruta: str):
        for alternativa in tipo.alternativas:
            if (nodo.tipo == MAPA) == isinstance(alternativa, E.Objeto):
                return self.valor(nodo, alternativa, ruta)
        self._tipo(nodo, tipo, ruta)
        return INVALIDO


# Qué método verifica cada clase de tipo; los escalares pasan por ``escalar`` (que dice si
# el valor no es un escalar) y, si lo es, directo por su verificación (``POR_TIPO_ESCALAR``).
_POR_TIPO = {
    E.Objeto: Verificador._objeto, E.Mapa: Verificador._mapa, E.Lista: Verificador._lista,
    E.UnoDe: Verificador._uno_de,
    **{clase: Verificador.escalar for clase in POR_TIPO_ESCALAR},
}


def _verificaciones(tipo: E.Tipo) -> tuple:
    """(la verificación de ``tipo`` cuando el valor es un escalar, o ``None`` si no es un tipo
    escalar; la verificación para cualquier valor)."""
    clase = type(tipo)
    return POR_TIPO_ESCALAR.get(clase), _POR_TIPO.get(clase) or verificador_de(clase, _POR_TIPO)
