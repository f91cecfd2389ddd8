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
        self._invalidos: set[str] = set()
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

    def invalido(self, campo: str) -> bool:
        return campo in self._invalidos

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

    # -- lo que cambia el marco -------------------------------------------------------------

    def _alias(self, entidad: str) -> dict[str, str]:
        return self.marco.alias(entidad) if self.marco is not None else {}

    def _estado(self, entidad: str, campo: E.Campo) -> str:
        estado = self.marco.estado(entidad, campo.nombre) if self.marco is not None else None
        return estado or ("requerido" if campo.requerido else "opcional")

    def _nombre(self, entidad: str, campo: str) -> str:
        """La clave con que el marco escribe ``campo`` (su alias si tiene uno)."""
        for alias, canonico in self._alias(entidad).items():
            if canonico == campo:
                return alias
        return campo

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
        registro = Registro(definicion.entidad, self.archivo, ruta, nodo)
        entradas = self._claves(nodo, definicion, ruta, registro)
        for campo in definicion.campos:
            hijo = entradas.get(campo.nombre)
            escrita = registro._escritas.get(campo.nombre) or (
                campo.nombre if campo.nombre in nodo.valor else self._nombre(definicion.entidad, campo.nombre))
            ruta_hijo = f"{ruta}.{escrita}" if ruta else escrita
            if hijo is None or hijo.es_nulo():
                setattr(registro, campo.nombre, None)
                requerido = self._estado(definicion.entidad, campo) == "requerido"
                if campo.por_llenar and requerido and hijo is not None:
                    self._por_llenar(hijo, ruta_hijo, campo)
                elif requerido and hijo is not None:
                    self._p("RM105", hijo, ruta_hijo, f"`{ruta_hijo}` está vacío y es obligatorio.",
                            pista_de_campo(campo, escrita))
                elif requerido:
                    self._p("RM105", nodo, ruta or "", falta(escrita, ruta, self.archivo),
                            pista_de_campo(campo, escrita))
                continue
            valor = self.valor(hijo, campo.tipo, ruta_hijo)
            if valor is INVALIDO:
                registro._invalidos.add(campo.nombre)
                valor = None
            elif valor == [] and campo.por_llenar and self._estado(definicion.entidad, campo) == "requerido":
                self._por_llenar(hijo, ruta_hijo, campo)
            setattr(registro, campo.nombre, valor)
        self._alternativas(registro, definicion, nodo, ruta)
        return registro

    def _claves(self, nodo: Nodo, definicion: E.Objeto, ruta: str,
                 registro: Registro | None = None) -> dict[str, Nodo]:
        """Las entradas del mapa por nombre de campo, corrigiendo las claves casi correctas.

        Una clave que el marco da como alias (``problematica``) se lee como su campo
        (``prioridad``); un campo que el marco declara ``no_aplica`` es una clave desconocida.
        """
        entidad = definicion.entidad
        validos = [c.nombre for c in definicion.campos if self._estado(entidad, c) != "no_aplica"]
        alias = {a: c for a, c in self._alias(entidad).items() if c in validos}
        # Lo que se le muestra al usuario: las claves en las palabras del marco.
        visibles = {self._nombre(entidad, v): v for v in validos}
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
        if isinstance(tipo, E.Objeto):
            if nodo.tipo != MAPA:
                self._tipo(nodo, tipo, ruta)
                return INVALIDO
            return self.objeto(nodo, tipo, ruta)
        if isinstance(tipo, E.Mapa):
            if nodo.tipo != MAPA:
                self._tipo(nodo, tipo, ruta)
                return INVALIDO
            resultado = {}
            for clave, hijo in nodo.valor.items():
                v = self.valor(hijo, tipo.valor, f"{ruta}.{clave}")
                if v is not INVALIDO and v is not None:
                    resultado[clave] = v
            return resultado
        if isinstance(tipo, E.Lista):
            if nodo.tipo != LISTA:
                if nodo.tipo == ESCALAR and isinstance(tipo.elemento, (E.Texto, E.Ref, E.Fecha)):
                    pista = f"Escríbelo como lista: `[{nodo.texto}]` o en renglones con `- `."
                    self._tipo(nodo, tipo, ruta, pista=pista)
                else:
                    self._tipo(nodo, tipo, ruta)
                return INVALIDO
            elementos = []
            for i, hijo in enumerate(nodo.valor):
                if hijo.es_nulo():
                    continue
                v = self.valor(hijo, tipo.elemento, f"{ruta}[{i}]")
                if v is not INVALIDO:
                    elementos.append(v)
            return elementos
        if isinstance(tipo, E.UnoDe):
            for alternativa in tipo.alternativas:
                if (nodo.tipo == MAPA) == isinstance(alternativa, E.Objeto):
                    return self.valor(nodo, alternativa, ruta)
            self._tipo(nodo, tipo, ruta)
            return INVALIDO
        if nodo.tipo != ESCALAR:
            self._tipo(nodo, tipo, ruta)
            return INVALIDO
        return self.escalar(nodo, tipo, ruta)

    def escalar(self, nodo: Nodo, tipo: E.Tipo, ruta: str):
        texto = nodo.texto
        if isinstance(tipo, (E.Texto, E.Id, E.Ref)):
            valor = texto.strip()
            if isinstance(tipo, E.Texto) and tipo.patron and not re.match(tipo.patron, valor):
                if ruta.endswith("ciclo"):
                    self._p("RM109", nodo, ruta, f"El ciclo `{valor}` no tiene la forma AAAA-AAAA.",
                            "Escríbelo con los dos años completos: `2025-2026`.")
                else:
                    self._p("RM106", nodo, ruta, f"`{valor}` no tiene la forma esperada "
                                                 f"({tipo.descripcion_patron}).")
                return INVALIDO
            if isinstance(tipo, E.Id) and not re.match(rf"^{tipo.prefijo}[1-9]\d*$", valor):
                self._p("RM110", nodo, ruta, f"El id `{valor}` no tiene la forma {tipo.prefijo}1, "
                                             f"{tipo.prefijo}2, …",
                        f"Usa la letra {tipo.prefijo} seguida de un número, sin espacios: "
                        f"`{tipo.prefijo}{numero_en(valor) or 1}`.")
                return INVALIDO
            return valor
        if isinstance(tipo, E.Booleano):
            if nodo.plano and texto in _BOOLEANOS:
                return _BOOLEANOS[texto]
            pista = "Escribe `true` o `false` (sin comillas)."
            if normalizar(texto) in _CASI_BOOLEANOS:
                pista = f"YAML no entiende `{texto}`: escribe `true` o `false`."
            self._tipo(nodo, tipo, ruta, pista=pista)
            return INVALIDO
        if isinstance(tipo, E.Entero):
            if not nodo.plano or not _ENTERO.match(texto):
                self._tipo(nodo, tipo, ruta)
                return INVALIDO
            return self._rango(int(texto), tipo, nodo, ruta)
        if isinstance(tipo, (E.Numero, E.Dinero)):
            return self._numero(nodo, tipo, ruta)
        if isinstance(tipo, E.Fecha):
            return self._fecha(nodo, ruta)
        if isinstance(tipo, E.Opcion):
            return self._opcion(nodo, tipo, ruta)
        raise TypeError(f"tipo sin verificar: {tipo!r}")  # pragma: no cover - error de programación

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

    def _fecha(self, nodo: Nodo, ruta: str):
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
