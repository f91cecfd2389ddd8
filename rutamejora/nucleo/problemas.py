"""La forma única de un problema, la comparte cada fase de la validación y cada salida."""

from __future__ import annotations

import re

from rutamejora.nucleo.registro import campo, reemplazar, registro

ERROR = "error"
AVISO = "aviso"
INFO = "info"
DESACTIVADA = "desactivada"
SEVERIDADES = (ERROR, AVISO, INFO)
_ORDEN = {ERROR: 0, AVISO: 1, INFO: 2}
_ORDEN_ARCHIVOS = {nombre: i for i, nombre in enumerate((
    "ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml", "metas.yaml",
    "acciones.yaml", "bitacora.yaml"))}


@registro(frozen=True)
class Secreto:
    """Un dato personal que ninguna salida muestra tal cual: su texto y los marcadores que lo
    sustituyen (``marcador`` en la terminal, el JSON y GitHub, «[nombre: J. P. L.]»;
    ``marcador_informe`` en un informe, «[nombre]»). Los arma ``reglas.personales`` con el
    detector de ``privacidad``; aquí solo se sustituyen."""

    texto: str
    marcador: str
    marcador_informe: str


@registro(frozen=True)
class Problema:
    """Un hallazgo de la validación, con todo lo que hace falta para ubicarlo y corregirlo.

    ``archivo`` es relativo a la Ruta (``metas.yaml``); ``linea`` y ``columna`` empiezan en 1
    (0 cuando el problema es del archivo entero, como uno que falta); ``ruta_yaml`` es el camino
    dentro del documento (``metas[2].valor_meta``) y ``lugar`` el mismo sitio en las palabras
    del usuario (``meta M3 (valor_meta)``; lo pone ``reglas.ubicacion``).
    """

    codigo: str
    nombre: str
    severidad: str
    archivo: str
    linea: int
    columna: int
    ruta_yaml: str
    mensaje: str
    pista: str = ""
    # Los datos personales de sus textos y de su línea (``Secreto``): la validación ya los
    # enmascaró en ``mensaje``, ``pista`` y ``ruta_yaml``; la línea citada y los informes los
    # enmascaran con ``enmascarar``.
    secretos: tuple[Secreto, ...] = campo((), compara=False)
    # La Ruta a la que pertenece, cuando se validan varias de un repositorio.
    ruta: str = ""
    lugar: str = ""

    def con(self, **cambios) -> "Problema":
        return reemplazar(self, **cambios)

    def orden(self):
        """Orden estable: por Ruta; los errores y avisos antes que las notas (una nota no
        entierra un error, ni en la terminal ni en la salida de pre-commit); después por
        archivo (en el orden de la Ruta), posición y código."""
        return (self.ruta, self.severidad == INFO, _ORDEN_ARCHIVOS.get(self.archivo, 99),
                self.archivo, self.linea, self.columna, self.codigo, self.mensaje)


def rango(severidad: str) -> int:
    """Menor es más grave; sirve para ordenar y para comparar contra --estricto."""
    return _ORDEN.get(severidad, 3)


def contar(problemas) -> dict[str, int]:
    cuenta = {ERROR: 0, AVISO: 0, INFO: 0}
    for p in problemas:
        cuenta[p.severidad] = cuenta.get(p.severidad, 0) + 1
    return cuenta


def _patron(secretos, informe: bool) -> tuple[re.Pattern | None, dict[str, str]]:
    """Una expresión con cada texto a cambiar (los más largos primero, sin importar mayúsculas)
    y a qué cambia cada uno. En un informe, también el marcador de la terminal se vuelve el
    del informe: los mensajes ya salen de la validación enmascarados para la terminal."""
    cambios: dict[str, str] = {}
    for s in secretos:
        if s.texto:
            cambios.setdefault(s.texto.casefold(), s.marcador_informe if informe else s.marcador)
        if informe and s.marcador != s.marcador_informe:
            cambios.setdefault(s.marcador.casefold(), s.marcador_informe)
    if not cambios:
        return None, cambios
    # Sin letra ni dígito pegados: «Ana» no toca «Anabel»; «_» y signos sí cortan
    # («GOML120304HPLMPRA5_acta.pdf»).
    alternativas = "|".join(re.escape(t) for t in sorted(cambios, key=len, reverse=True))
    return re.compile(rf"(?<![^\W_])(?:{alternativas})(?![^\W_])", re.IGNORECASE), cambios


def _cambio(cambios: dict[str, str], hallado: str) -> str:
    """El marcador del texto hallado (``casefold`` y ``re.IGNORECASE`` casi siempre coinciden)."""
    marcador = cambios.get(hallado.casefold())
    if marcador is None:
        marcador = next(v for k, v in cambios.items()
                        if re.fullmatch(re.escape(k), hallado, re.IGNORECASE))
    return marcador


def enmascarar(texto: str, secretos, informe: bool = False) -> str:
    """``texto`` con cada dato personal de ``secretos`` cambiado por su marcador (el de un
    informe si ``informe``): nunca sale tal cual en una salida."""
    return enmascarar_linea(texto, secretos, 0, informe)[0]


def enmascarar_linea(texto: str, secretos, columna: int,
                     informe: bool = False) -> tuple[str, int]:
    """``(texto enmascarado, columna)``: ``columna`` (desde 1) pasada al texto enmascarado, para
    que el ``^`` bajo una línea citada siga señalando lo mismo aunque los marcadores no midan
    lo que el dato."""
    if not texto or not secretos:
        return texto, columna
    patron, cambios = _patron(secretos, informe)
    if patron is None:
        return texto, columna
    indice = columna - 1  # la columna como índice del texto original
    partes, posicion, corrimiento, dentro = [], 0, 0, None
    for m in patron.finditer(texto):
        marcador = _cambio(cambios, m.group())
        partes += [texto[posicion:m.start()], marcador]
        if m.end() <= indice:
            corrimiento += len(marcador) - len(m.group())
        elif m.start() <= indice and dentro is None:
            dentro = m.start() + corrimiento  # la columna cae en el dato: señala su marcador
        posicion = m.end()
    if not partes:
        return texto, columna
    partes.append(texto[posicion:])
    return "".join(partes), (dentro if dentro is not None else indice + corrimiento) + 1
