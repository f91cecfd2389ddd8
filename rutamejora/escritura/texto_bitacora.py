"""Escribir en la bitácora sin perder nada: candado, injerto de texto y reemplazo atómico.

``ruta bitacora agregar`` no vuelve a escribir el archivo entero: ruamel.yaml lo lee (para saber
dónde termina cada entrada, con qué sangría y en qué estilo está escrita cada lista) y produce
el YAML de lo nuevo, que se **injerta** en el texto original. Todo lo demás queda igual byte
por byte: comentarios, sangrías de 4 espacios, listas en línea, líneas largas, comillas, la BOM
de UTF-8 y los fines de línea CRLF. Antes de escribir se comprueba que el resultado, leído de
nuevo, es exactamente lo de antes más lo agregado.

Dónde va lo nuevo:

- una entrada nueva va **en orden de fecha**: después de la última entrada con fecha igual o
  anterior (al final, lo normal); si hay una línea en blanco entre entradas, se respeta;
- si ya hay una entrada con la **misma fecha y la misma sesión** (o ambas sin sesión), lo nuevo
  se **une** a ella: sus registros se agregan al final de sus listas (``acciones``,
  ``mediciones``, ``acuerdos``, ``ajustes``) y las listas que no tenía se agregan al final de la
  entrada. Una acción o una meta que esa entrada ya registra no se registra dos veces.

La escritura es atómica: un archivo temporal en la misma carpeta, ``fsync`` y ``os.replace``;
si algo falla en medio, el archivo anterior queda intacto. Un candado (``.bitacora.candado``,
con ``fcntl.flock`` en POSIX y ``msvcrt.locking`` en Windows) hace que dos ``agregar`` a la vez
no pierdan ninguna entrada; el sistema operativo lo suelta si el proceso muere, así que un
proceso matado no bloquea al siguiente.
"""

from __future__ import annotations

import io
import os
import re
import time
import unicodedata
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from rutamejora.nucleo.atomico import escribir_atomico

NOMBRE_CANDADO = ".bitacora.candado"
ESPERA = 10.0                      # segundos que se espera a otro proceso antes de rendirse
BOM = "\ufeff"
_FINES = re.compile(r"\r\n|\r|\n|\x85|\u2028|\u2029")   # los saltos de línea que cuenta ruamel
LISTAS = ("acciones", "mediciones", "acuerdos", "ajustes", "ingresos")


class NoSeEscribio(Exception):
    """No se pudo escribir (candado ocupado, archivo ilegible, disco): el archivo quedó igual."""


class Ocupado(NoSeEscribio):
    """Otro proceso tiene el candado de la bitácora y no lo soltó a tiempo."""


class YaRegistrado(ValueError):
    """La entrada de esa fecha y sesión ya registra esa acción o esa meta (un error de uso)."""


# --- Candado ----------------------------------------------------------------------------------


def _tomar(fd: int) -> bool:
    """Intenta tomar el candado sin esperar. ``True`` si se tomó."""
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except OSError:
        return False


def _soltar(fd: int) -> None:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            os.lseek(fd, 0, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        except OSError:
            pass
        return
    fcntl.flock(fd, fcntl.LOCK_UN)


def _quien(ruta: Path) -> str:
    """«el proceso 1234 (desde hace 3 s)», si el candado lo dice (en Windows puede no leerse)."""
    try:
        pid, _, desde = ruta.read_text(encoding="ascii").partition(" ")
        return f"el proceso {int(pid)} (desde hace {max(0, round(time.time() - float(desde)))} s)"
    except (OSError, ValueError):
        return "otro proceso"


@contextmanager
def candado(carpeta: Path, espera: float = ESPERA):
    """Exclusión mutua entre procesos que escriben la bitácora de ``carpeta``.

    Lo suelta el sistema operativo si el proceso muere (aunque el archivo quede). Tras tomarlo
    se comprueba que el archivo sigue siendo el mismo: otro proceso pudo borrarlo al terminar.
    """
    ruta = carpeta / NOMBRE_CANDADO
    limite = time.monotonic() + espera
    while True:
        fd = os.open(ruta, os.O_RDWR | os.O_CREAT, 0o644)
        if _tomar(fd):
            try:
                mismo = os.path.samestat(os.fstat(fd), os.stat(ruta))
            except OSError:
                mismo = False
            if mismo:
                break
            _soltar(fd)
        os.close(fd)
        if time.monotonic() >= limite:
            raise Ocupado(f"{_quien(ruta).capitalize()} está escribiendo en la bitácora. "
                          "Espera a que termine y vuelve a intentarlo.")
        time.sleep(0.02)
    try:
        try:
            os.ftruncate(fd, 0)
            os.write(fd, f"{os.getpid()} {time.time():.3f}\n".encode("ascii"))
        except OSError:
            pass  # el aviso de quién lo tiene es una cortesía
        yield
    finally:
        try:
            os.unlink(ruta)  # POSIX: se borra antes de soltarlo; en Windows no se puede y queda
        except OSError:
            pass
        _soltar(fd)
        os.close(fd)


# --- El texto, en líneas ----------------------------------------------------------------------


@dataclass
class _Texto:
    """El archivo como líneas con su fin de línea original; así se injerta sin tocar lo demás."""

    lineas: list                   # [[contenido, fin]]
    salto: str                     # el fin de línea del archivo ("\n" o "\r\n")
    bom: bool

    @classmethod
    def de(cls, texto: str) -> "_Texto":
        bom = texto.startswith(BOM)
        if bom:
            texto = texto[1:]
        lineas, inicio = [], 0
        for m in _FINES.finditer(texto):
            lineas.append([texto[inicio:m.start()], m.group()])
            inicio = m.end()
        if inicio < len(texto):
            lineas.append([texto[inicio:], ""])
        primero = _FINES.search(texto)
        salto = "\r\n" if primero is not None and primero.group() == "\r\n" else "\n"
        return cls(lineas, salto, bom)

    @property
    def cuerpo(self) -> str:
        return "".join(c + f for c, f in self.lineas)

    def texto(self) -> str:
        return (BOM if self.bom else "") + self.cuerpo

    def insertar(self, indice: int, nuevas: list[str]) -> None:
        """Inserta líneas nuevas antes de la línea ``indice`` (al final si es ``len``)."""
        if not nuevas:
            return
        if indice > 0 and indice == len(self.lineas) and self.lineas[-1][1] == "":
            # La última línea no tenía fin de línea: lo nuevo sigue sin tenerlo al final.
            self.lineas[-1][1] = self.salto
            filas = [[n, self.salto] for n in nuevas]
            filas[-1][1] = ""
        else:
            filas = [[n, self.salto] for n in nuevas]
        self.lineas[indice:indice] = filas


# --- Lo que ya está: posiciones y estilo --------------------------------------------------------


def _componer(texto: str):
    from ruamel.yaml import YAML

    return YAML(typ="safe", pure=True).compose(texto)


def _es(nodo, clase: str) -> bool:
    return type(nodo).__name__ == clase


def _valor(mapa, clave: str):
    """El nodo valor de ``clave`` en un MappingNode (o ``None``)."""
    if not _es(mapa, "MappingNode"):
        return None
    for k, v in mapa.value:
        if _es(k, "ScalarNode") and k.value == clave:
            return v
    return None


def _clave(mapa, clave: str):
    for k, _ in mapa.value:
        if _es(k, "ScalarNode") and k.value == clave:
            return k
    return None


def _ultima_linea(nodo, lineas) -> int:
    """La última línea (desde 0) con contenido del nodo: sin líneas en blanco ni comentarios finales."""
    ultima = nodo.start_mark.line
    pila = [nodo]
    while pila:
        n = pila.pop()
        if _es(n, "ScalarNode"):
            if n.style in ("|", ">"):
                # Un bloque literal o plegado llega hasta la siguiente línea menos sangrada, con
                # las líneas en blanco del final: su contenido acaba en la última no vacía.
                fin = n.end_mark.line - (1 if n.end_mark.column == 0 else 0)
                while fin > n.start_mark.line and not lineas[fin][0].strip():
                    fin -= 1
            else:
                fin = n.end_mark.line - (1 if n.end_mark.column == 0 and n.end_mark.line > n.start_mark.line else 0)
            ultima = max(ultima, fin)
        elif getattr(n, "flow_style", False):
            ultima = max(ultima, n.end_mark.line)
        elif _es(n, "MappingNode"):
            for k, v in n.value:
                pila += [k, v]
        elif _es(n, "SequenceNode"):
            pila += list(n.value)
    return ultima


def _columna_guion(nodo, lineas) -> int:
    """La columna del «-» de un elemento de una lista en bloque."""
    linea = lineas[nodo.start_mark.line][0]
    antes = linea[:nodo.start_mark.column].rstrip()
    return len(antes) - 1 if antes.endswith("-") else max(0, nodo.start_mark.column - 2)


@dataclass
class _Sangria:
    """Cómo anida el archivo una lista bajo una clave: «-» a ``guion`` y contenido a ``contenido``
    columnas de la clave (en el ejemplo del proyecto, 2 y 4)."""

    guion: int = 2
    contenido: int = 4


@dataclass
class _Estilo:
    sangria: _Sangria = field(default_factory=_Sangria)
    # Por camino («acciones», «acciones.evidencias», «ajustes.metas»): si la lista va en línea
    # ([a, b]) y si sus elementos mapa van en línea ({a: 1}). Lo que el archivo no muestra
    # sigue el estilo del ejemplo del proyecto.
    lista_en_linea: dict = field(default_factory=lambda: {
        "acciones.evidencias": True, "ajustes.acciones": True, "ajustes.metas": True})
    mapa_en_linea: dict = field(default_factory=lambda: {"mediciones": True, "ingresos": True})
    separador: bool = False        # ¿una línea en blanco entre entradas?


def _estilo(entradas, lineas) -> _Estilo:
    """La sangría y el estilo que ya usa el archivo (lo último escrito manda), para que lo nuevo
    se vea igual."""
    estilo = _Estilo()
    items = list(entradas.value) if entradas is not None and _es(entradas, "SequenceNode") else []
    sangria = None
    for entrada in items:
        if not _es(entrada, "MappingNode"):
            continue
        for k, v in entrada.value:
            if not _es(v, "SequenceNode") or not _es(k, "ScalarNode"):
                continue
            estilo.lista_en_linea[k.value] = bool(v.flow_style)
            if v.flow_style or not v.value:
                continue
            if sangria is None and k.start_mark.line < v.value[0].start_mark.line:
                guion = _columna_guion(v.value[0], lineas)
                sangria = _Sangria(guion - k.start_mark.column,
                                   v.value[0].start_mark.column - k.start_mark.column)
            for elemento in v.value:
                if not _es(elemento, "MappingNode"):
                    continue
                estilo.mapa_en_linea[k.value] = bool(elemento.flow_style)
                for k2, v2 in elemento.value:
                    if _es(v2, "SequenceNode") and _es(k2, "ScalarNode"):
                        estilo.lista_en_linea[f"{k.value}.{k2.value}"] = bool(v2.flow_style)
    if sangria is None and items and not entradas.flow_style:
        # Sin listas anidadas: la misma forma que la lista de entradas bajo `entradas:` (columna 0).
        sangria = _Sangria(_columna_guion(items[0], lineas), items[0].start_mark.column)
    if sangria is not None and sangria.guion >= 0 and sangria.contenido > sangria.guion:
        estilo.sangria = sangria
    for anterior, siguiente in zip(items, items[1:]):
        fin = _ultima_linea(anterior, lineas)
        if any(not lineas[i][0].strip() for i in range(fin + 1, siguiente.start_mark.line)):
            estilo.separador = True
    return estilo


# --- Lo nuevo, en YAML --------------------------------------------------------------------------

_PALABRAS_YAML11 = {"y", "n", "yes", "no", "on", "off", "true", "false", "null", "~"}
_INVISIBLES = {"Cc", "Cf", "Zl", "Zp", "Co", "Cn"}
# Un texto que empieza con un indicador de YAML va entre comillas (en una lista en línea, «?0»
# se leería como una clave).
_INDICADORES = set("?:-,[]{}#&*!|>%@`")


def _yaml(sangria: _Sangria):
    from ruamel.yaml import YAML

    yaml = YAML(typ="rt")
    yaml.width = 1_000_000_000          # nunca partir una línea larga
    yaml.allow_unicode = True
    mapeo = max(2, sangria.contenido - sangria.guion)
    yaml.indent(mapping=mapeo, sequence=sangria.contenido, offset=sangria.guion)

    def decimal(representador, valor: Decimal):
        texto = format(valor, "f")
        tipo = "int" if re.fullmatch(r"-?\d+", texto) else "float"
        return representador.represent_scalar(f"tag:yaml.org,2002:{tipo}", texto)

    def texto_(representador, valor: str):
        # `no`, `yes`, `on`… son booleanos para YAML 1.1 (PyYAML y otros): van entre comillas.
        estilo = "'" if valor.lower() in _PALABRAS_YAML11 or valor[:1] in _INDICADORES else None
        if any(unicodedata.category(c) in _INVISIBLES for c in valor):
            estilo = '"'   # saltos de línea raros (NEL, U+2028) y controles: solo con escapes
        return representador.represent_scalar("tag:yaml.org,2002:str", valor, style=estilo)

    yaml.representer.add_representer(Decimal, decimal)
    yaml.representer.add_representer(str, texto_)
    return yaml


def _comentado(valor, estilo: _Estilo, camino: str = ""):
    """dict/list → CommentedMap/CommentedSeq con el estilo (en línea o en bloque) del archivo.

    ``camino`` es la lista en la que está el valor: «acciones» para un registro de acción,
    «acciones.evidencias» para sus evidencias.
    """
    from ruamel.yaml.comments import CommentedMap, CommentedSeq

    if isinstance(valor, dict):
        mapa = CommentedMap()
        for k, v in valor.items():
            mapa[k] = _comentado(v, estilo, f"{camino}.{k}" if camino else k)
        if estilo.mapa_en_linea.get(camino, False):
            mapa.fa.set_flow_style()
        else:
            mapa.fa.set_block_style()
        return mapa
    if isinstance(valor, list):
        lista = CommentedSeq(_comentado(v, estilo, camino) for v in valor)
        if estilo.lista_en_linea.get(camino, False):
            lista.fa.set_flow_style()
        else:
            lista.fa.set_block_style()
        return lista
    return valor


def _volcar(datos: dict, estilo: _Estilo, camino: str = "") -> list[str]:
    """El YAML de ``datos`` (un mapa) en columna 0, como líneas sin fin de línea."""
    salida = io.StringIO()
    _yaml(estilo.sangria).dump(_comentado(datos, estilo, camino), salida)
    return salida.getvalue().rstrip("\n").split("\n")


def _elementos_en_linea(clave: str, elementos: list, estilo: _Estilo) -> str:
    """«{meta: M1, valor: 3}, {meta: M2, valor: 4}»: para agregar a una lista escrita en línea."""
    en_linea = _Estilo(estilo.sangria, {clave: True}, {clave: True})
    texto = "\n".join(_volcar({clave: elementos}, en_linea))
    return texto[texto.index("[") + 1:texto.rindex("]")]


def _elemento(clave: str, valor, estilo: _Estilo, guion: int, contenido: int) -> list[str]:
    """Las líneas de un elemento de la lista ``clave`` con su «-» en la columna ``guion``."""
    if isinstance(valor, dict):
        return _como_elemento(_volcar(valor, estilo, clave), guion, contenido)
    bloque = _Estilo(_Sangria(0, 2), {clave: False}, {})
    linea = _volcar({clave: [valor]}, bloque)[1]      # «- texto», con las comillas que pida
    return _como_elemento([linea[2:]], guion, contenido)


def _con_sangria(lineas: list[str], columna: int) -> list[str]:
    return [(" " * columna + l) if l.strip() else l for l in lineas]


def _como_elemento(lineas: list[str], guion: int, contenido: int) -> list[str]:
    """Las líneas de un mapa en columna 0 como elemento de lista: «-» en ``guion``."""
    primera = " " * guion + "-" + " " * (contenido - guion - 1) + lineas[0]
    return [primera] + _con_sangria(lineas[1:], contenido)


# --- Injertar -----------------------------------------------------------------------------------


def _fecha_de(nodo) -> date | None:
    v = _valor(nodo, "fecha")
    try:
        return date.fromisoformat(v.value.strip()) if _es(v, "ScalarNode") else None
    except ValueError:
        return None


def _sesion_de(nodo) -> int | None:
    v = _valor(nodo, "sesion")
    try:
        return int(v.value) if _es(v, "ScalarNode") and v.value.strip() not in ("", "~", "null") else None
    except ValueError:
        return None


@dataclass
class Cambio:
    """Qué se hizo: ``unida`` si se agregó a una entrada que ya existía; ``indice`` es la
    posición de esa entrada (o de la nueva) en ``entradas``; ``linea`` (desde 1), donde empieza
    lo agregado en el archivo."""

    unida: bool
    indice: int
    linea: int


def injertar(texto: str, entrada: dict) -> tuple[str, Cambio]:
    """El texto de la bitácora con ``entrada`` agregada (o unida a la de su fecha y sesión).

    ``entrada`` es un dict en el orden del esquema (``fecha`` es ``date``). No escribe nada:
    es la parte pura de ``agregar_entrada``. Lanza ``YaRegistrado`` si la entrada existente ya
    registra la misma acción o meta, y ``NoSeEscribio`` si el archivo no tiene la forma de una
    bitácora (la raíz no es un mapa, ``entradas`` no es una lista).
    """
    doc = _Texto.de(texto)
    raiz = _componer(doc.cuerpo) if doc.cuerpo.strip() else None
    if raiz is not None and not _es(raiz, "MappingNode"):
        raise NoSeEscribio("bitacora.yaml no empieza con `entradas:` (su raíz no es un mapa).")
    clave = _clave(raiz, "entradas") if raiz is not None else None
    entradas = _valor(raiz, "entradas") if raiz is not None else None
    estilo = _estilo(entradas, doc.lineas)
    if clave is None:
        return _sin_entradas(doc, entrada, estilo)
    if _es(entradas, "ScalarNode") and entradas.value.strip() in ("", "~", "null", "Null", "NULL"):
        return _lista_vacia(doc, clave, entradas, entrada, estilo)
    if not _es(entradas, "SequenceNode"):
        raise NoSeEscribio("En bitacora.yaml, `entradas` no es una lista.")
    if entradas.flow_style and not entradas.value:
        return _lista_vacia(doc, clave, entradas, entrada, estilo)
    for i in range(len(entradas.value) - 1, -1, -1):
        e = entradas.value[i]
        if _es(e, "MappingNode") and _fecha_de(e) == entrada["fecha"] and _sesion_de(e) == entrada.get("sesion"):
            return _unir(doc, e, i, entrada, estilo)
    if entradas.flow_style:
        linea = entradas.end_mark.line + 1
        return _en_linea(doc, entradas, "entradas", [entrada], estilo), Cambio(False, len(entradas.value), linea)
    return _nueva(doc, clave, entradas, entrada, estilo)


def _lineas_de_entrada(entrada: dict, estilo: _Estilo, guion: int, contenido: int) -> list[str]:
    return _como_elemento(_volcar(entrada, estilo), guion, contenido)


def _sin_entradas(doc: _Texto, entrada: dict, estilo: _Estilo):
    """Un archivo vacío, solo con comentarios o sin `entradas:`: se agrega al final."""
    s = estilo.sangria
    nuevas = ["entradas:"] + _lineas_de_entrada(entrada, estilo, s.guion, s.contenido)
    linea = len(doc.lineas)
    doc.insertar(linea, nuevas)
    return doc.texto(), Cambio(False, 0, linea + 1)


def _lista_vacia(doc: _Texto, clave, valor, entrada: dict, estilo: _Estilo):
    """`entradas:` o `entradas: []` → una lista en bloque con la entrada."""
    n = clave.start_mark.line
    contenido, fin = doc.lineas[n]
    if valor.end_mark.line == n and valor.end_mark.column > valor.start_mark.column:
        contenido = contenido[:valor.start_mark.column].rstrip() + contenido[valor.end_mark.column:]
        doc.lineas[n] = [contenido if "#" in contenido else contenido.rstrip(), fin]
    s = estilo.sangria
    col = clave.start_mark.column
    doc.insertar(n + 1, _lineas_de_entrada(entrada, estilo, col + s.guion, col + s.contenido))
    return doc.texto(), Cambio(False, 0, n + 2)


def _en_linea(doc: _Texto, lista, clave: str, elementos: list, estilo: _Estilo) -> str:
    """Agrega elementos antes del «]» de una lista escrita en línea."""
    n, col = lista.end_mark.line, lista.end_mark.column - 1
    contenido = doc.lineas[n][0]
    texto = _elementos_en_linea(clave, elementos, estilo)
    doc.lineas[n][0] = contenido[:col] + (", " if lista.value else "") + texto + contenido[col:]
    return doc.texto()


def _nueva(doc: _Texto, clave, entradas, entrada: dict, estilo: _Estilo):
    """Una entrada nueva, después de la última con fecha igual o anterior."""
    items = list(entradas.value)
    anteriores = [i for i, e in enumerate(items) if (_fecha_de(e) or date.min) <= entrada["fecha"]]
    primero = items[0]
    nuevas = _lineas_de_entrada(entrada, estilo, _columna_guion(primero, doc.lineas),
                                primero.start_mark.column)
    if anteriores:
        indice = _ultima_linea(items[anteriores[-1]], doc.lineas) + 1
        separador = [""] if estilo.separador else []
        doc.insertar(indice, separador + nuevas)
        return doc.texto(), Cambio(False, anteriores[-1] + 1, indice + 1 + len(separador))
    # Va antes de la primera: también antes de los comentarios que la encabezan.
    indice = primero.start_mark.line
    while indice > clave.start_mark.line + 1 and doc.lineas[indice - 1][0].lstrip().startswith("#"):
        indice -= 1
    doc.insertar(indice, nuevas + ([""] if estilo.separador else []))
    return doc.texto(), Cambio(False, 0, indice + 1)


def _ya_registrado(destino, entrada: dict, cuando: str) -> None:
    for clave, campo, que in (("acciones", "accion", "la acción"), ("mediciones", "meta", "la meta")):
        existentes = _valor(destino, clave)
        ya = set()
        for x in existentes.value if _es(existentes, "SequenceNode") else []:
            v = _valor(x, campo)
            if _es(v, "ScalarNode"):
                ya.add(v.value.strip())
        for nuevo in entrada.get(clave) or []:
            if nuevo[campo] in ya:
                raise YaRegistrado(f"la entrada del {cuando} ya registra {que} {nuevo[campo]}; "
                                   "corrige ese registro en bitacora.yaml.")
    if entrada.get("nota") and _valor(destino, "nota") is not None:
        raise YaRegistrado(f"la entrada del {cuando} ya tiene `nota`; cámbiala en bitacora.yaml.")


def _unir(doc: _Texto, destino, posicion: int, entrada: dict, estilo: _Estilo):
    """Agrega las listas de ``entrada`` a la entrada ``destino`` (misma fecha y sesión)."""
    from rutamejora.vistas import fecha_corta

    cuando = fecha_corta(entrada["fecha"]) + (f" (sesión {entrada['sesion']})" if entrada.get("sesion") else "")
    _ya_registrado(destino, entrada, cuando)
    ediciones = []   # (línea, orden, función): se aplican de abajo hacia arriba
    faltan = {}
    for clave in [*LISTAS, "nota"]:
        nuevos = entrada.get(clave)
        if not nuevos:
            continue
        actual = _valor(destino, clave)
        if actual is None:
            faltan[clave] = nuevos
        elif _es(actual, "SequenceNode") and actual.flow_style:
            ediciones.append((actual.end_mark.line, 1,
                              lambda a=actual, c=clave, n=nuevos: _en_linea(doc, a, c, n, estilo)))
        elif _es(actual, "SequenceNode") and actual.value:
            primero = actual.value[0]
            guion, cont = _columna_guion(primero, doc.lineas), primero.start_mark.column
            lineas = [l for v in nuevos for l in _elemento(clave, v, estilo, guion, cont)]
            indice = _ultima_linea(actual.value[-1], doc.lineas) + 1
            ediciones.append((indice, 0, lambda i=indice, m=lineas: doc.insertar(i, m)))
        elif _es(actual, "ScalarNode") and not actual.value.strip() and actual.style is None:
            nodo = _clave(destino, clave)
            s = estilo.sangria
            col = nodo.start_mark.column
            lineas = [l for v in nuevos for l in _elemento(clave, v, estilo, col + s.guion, col + s.contenido)]
            indice = nodo.start_mark.line + 1
            ediciones.append((indice, 0, lambda i=indice, m=lineas: doc.insertar(i, m)))
        else:
            raise NoSeEscribio(f"En la entrada del {cuando}, `{clave}` no es una lista.")
    if faltan:
        indice = _ultima_linea(destino, doc.lineas) + 1
        lineas = _con_sangria(_volcar(faltan, estilo), destino.start_mark.column)
        # Orden 2: en la misma línea, lo que falta va debajo de lo que se agrega a otras listas.
        ediciones.append((indice, 2, lambda i=indice, m=lineas: doc.insertar(i, m)))
    primera = destino.start_mark.line
    for indice, _, editar in sorted(ediciones, key=lambda e: (e[0], e[1]), reverse=True):
        editar()
        primera = indice
    return doc.texto(), Cambio(True, posicion, primera + 1)


# --- Comprobar y escribir -------------------------------------------------------------------------


def _cargar(texto: str):
    from ruamel.yaml import YAML

    texto = texto[1:] if texto.startswith(BOM) else texto
    return YAML(typ="safe", pure=True).load(texto) if texto.strip() else None


def _como_se_lee(valor):
    """Lo que un lector YAML devuelve para un valor de la entrada (Decimal → int o float)."""
    if isinstance(valor, dict):
        return {k: _como_se_lee(v) for k, v in valor.items()}
    if isinstance(valor, list):
        return [_como_se_lee(v) for v in valor]
    if isinstance(valor, Decimal):
        texto = format(valor, "f")
        return int(texto) if re.fullmatch(r"-?\d+", texto) else float(texto)
    return valor


def _esperado(antes, entrada: dict, cambio: Cambio) -> dict:
    """Lo que debe leerse del archivo nuevo: lo de antes más lo pedido (datos, no texto)."""
    sola = _como_se_lee(entrada)
    datos = dict(antes) if isinstance(antes, dict) else {}
    lista = list(datos.get("entradas") or [])
    if cambio.unida:
        unida = dict(lista[cambio.indice])
        for clave, valor in sola.items():
            if clave not in ("fecha", "sesion", "tipo"):
                unida[clave] = list(unida.get(clave) or []) + valor if isinstance(valor, list) else valor
        lista[cambio.indice] = unida
    else:
        lista.insert(cambio.indice, sola)
    datos["entradas"] = lista
    return datos


def comprobar(antes: str, despues: str, entrada: dict, cambio: Cambio) -> None:
    """Lee de nuevo el texto resultante: debe ser lo de antes más lo agregado, y nada más."""
    if _cargar(despues) != _esperado(_cargar(antes), entrada, cambio):
        raise NoSeEscribio("Lo que se iba a escribir no coincide con lo que se pidió (un error de "
                           "ruta, no de tu Ruta); bitacora.yaml quedó como estaba.")


def agregar_entrada(archivo: Path, entrada: dict, espera: float = ESPERA) -> Cambio:
    """Agrega ``entrada`` a ``archivo`` (bitacora.yaml) con candado, comprobación y escritura atómica."""
    from ruamel.yaml.error import YAMLError

    with candado(archivo.parent, espera):
        try:
            crudo = archivo.read_bytes() if archivo.exists() else b""
        except OSError as exc:
            raise NoSeEscribio(f"No se pudo leer {archivo.name}: {exc.strerror or exc}.") from None
        try:
            antes = crudo.decode("utf-8")
        except UnicodeDecodeError:
            raise NoSeEscribio(f"{archivo.name} no está en UTF-8; `ruta validar` dice cómo corregirlo.") from None
        try:
            despues, cambio = injertar(antes, entrada)
            comprobar(antes, despues, entrada, cambio)
        except YAMLError:
            raise NoSeEscribio(f"{archivo.name} tiene un error de YAML; corrígelo primero "
                               "(`ruta validar` dice dónde).") from None
        try:
            escribir_atomico(archivo, despues.encode("utf-8"))
        except OSError as exc:
            raise NoSeEscribio(f"No se pudo escribir {archivo.name}: {exc.strerror or exc}. "
                               "El archivo quedó como estaba.") from None
    return cambio


def vista_previa(entrada: dict) -> str:
    """La entrada como se vería en una bitácora con la sangría del ejemplo (para confirmarla)."""
    estilo = _Estilo()
    return "\n".join(_como_elemento(_volcar(entrada, estilo), estilo.sangria.guion, estilo.sangria.contenido))
