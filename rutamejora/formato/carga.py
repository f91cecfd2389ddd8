"""Carga: una carpeta → ``Ruta`` (el modelo) + los problemas de lectura y de estructura.

Cada archivo se lee y se analiza una sola vez. ``ruta.yaml`` va primero porque de él salen el
marco, el nivel y el ciclo que dan sentido a los catálogos de los demás archivos.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rutamejora.formato import esquema
from rutamejora.catalogos import (armar_calendario, calendario_oficial, campos_del_plan,
                                  cargar_marco, marcos_disponibles, normalizar, plan_para, planes)
from rutamejora.formato import codigos_estructura  # noqa: F401  registra RM101–RM103 antes de usarlos
from rutamejora.formato.estructura import Verificador
from rutamejora.formato.lectura import leer
from rutamejora.formato.modelo import ARCHIVOS, Ruta
from rutamejora.formato.pistas import sugerir
from rutamejora.formato.temporales import temporales
from rutamejora.nucleo.codigos import problema_de
from rutamejora.nucleo.recolector import sin_recolector


class NoEsRuta(Exception):
    """La carpeta no existe o no contiene una Ruta (es un error de uso: salida 2)."""


def es_ruta(carpeta: Path) -> bool:
    """Una carpeta es una Ruta si tiene ``ruta.yaml`` (o un nombre casi igual)."""
    return any(_nombre_canonico(p.name) == "ruta.yaml" for p in _yamls(carpeta))


def cargar(carpeta: Path, fecha: date | None = None, memoria: dict | None = None,
           solo: tuple[str, ...] | None = None) -> tuple[Ruta, list]:
    """Lee la Ruta de ``carpeta``. ``fecha`` aparta las entradas de la bitácora posteriores.
    ``solo``: leer solo esos archivos (p. ej. ruta.yaml y bitacora.yaml para saber la fecha de
    una sesión); los demás quedan como si faltaran, sin decirlo.

    ``memoria`` (un ``dict`` que quien llama guarda entre cargas) evita leer y verificar otra vez
    un archivo con los mismos bytes y el mismo ruta.yaml y marco: ``ruta historia`` carga cientos
    de versiones de una Ruta que casi no cambian de un commit al siguiente. Las cargas que la
    comparten comparten también sus objetos: son para leer, no para cambiar."""
    # Sin el recolector de ciclos mientras se arma el modelo: sus pasadas crecían con la Ruta
    # (ver ``nucleo.recolector``).
    with sin_recolector():
        return _cargar(carpeta, fecha, memoria, solo)


def _cargar(carpeta: Path, fecha: date | None, memoria: dict | None,
            solo: tuple[str, ...] | None = None) -> tuple[Ruta, list]:
    if not carpeta.is_dir():
        raise NoEsRuta(f"La carpeta {carpeta} no existe.")
    problemas: list = []
    archivos = _archivos_de(carpeta, problemas)
    if "ruta.yaml" not in archivos and not any(n in archivos for n in ARCHIVOS):
        raise NoEsRuta(f"La carpeta {carpeta} no contiene una Ruta (no hay ruta.yaml).")
    ruta = Ruta(carpeta=carpeta)
    for nombre in ARCHIVOS:
        if solo is not None and nombre not in solo:
            continue
        if nombre not in archivos:
            problemas.append(problema_de(
                "RM101", nombre, 0, 0, "", f"Falta el archivo {nombre}.",
                pista="Créalo (puedes copiarlo de una Ruta nueva hecha con `ruta nueva`)."))
            continue
        doc = leer(archivos[nombre], nombre) if memoria is None else \
            _recordar(memoria, ("leer", nombre, archivos[nombre].read_bytes()),
                      lambda: leer(archivos[nombre], nombre))
        ruta.documentos[nombre] = doc
        problemas.extend(doc.problemas)
    problemas.extend(temporales(carpeta))
    _estructura(ruta, problemas, memoria)
    if fecha is not None:
        ruta.entradas_apartadas = [e for e in ruta.entradas if e.fecha is not None and e.fecha > fecha]
        ruta.entradas = [e for e in ruta.entradas if e not in ruta.entradas_apartadas]
    return ruta, problemas


# --- Archivos ---------------------------------------------------------------------------------


def _yamls(carpeta: Path) -> list[Path]:
    """Los YAML de la carpeta. Un archivo de la Ruta que no es un archivo normal (una carpeta,
    una FIFO, un enlace roto) también: la lectura dice qué es en vez de «Falta el archivo»."""
    try:
        return sorted(p for p in carpeta.iterdir()
                      if p.suffix.lower() in (".yaml", ".yml") and (p.name in ARCHIVOS or p.is_file()))
    except OSError:
        return []


def _nombre_canonico(nombre: str) -> str | None:
    """``diagnóstico.yaml`` o ``Metas.yml`` → el archivo de la Ruta que quisieron ser."""
    if nombre in ARCHIVOS:
        return nombre
    base = nombre.rsplit(".", 1)[0]
    casi = sugerir(base, [a[:-5] for a in ARCHIVOS], corte=0.8)
    return f"{casi}.yaml" if casi else None


def _archivos_de(carpeta: Path, problemas: list) -> dict[str, Path]:
    """Los archivos de la Ruta por nombre canónico; informa los casi correctos y los ajenos."""
    encontrados: dict[str, Path] = {}
    casi: list[tuple[str, Path]] = []
    for p in _yamls(carpeta):
        canonico = _nombre_canonico(p.name)
        if canonico == p.name:
            encontrados[p.name] = p
        elif canonico:
            casi.append((canonico, p))
        else:
            problemas.append(problema_de(
                "RM102", p.name, 0, 0, "", f"{p.name} no es un archivo de una Ruta; se ignoró.",
                pista="Los archivos de una Ruta son: " + ", ".join(ARCHIVOS) + "."))
    for canonico, p in casi:
        if canonico in encontrados:
            problemas.append(problema_de(
                "RM102", p.name, 0, 0, "",
                f"{p.name} se parece a {canonico}, que ya existe; se ignoró.",
                pista=f"Une su contenido con {canonico} y bórralo."))
            continue
        encontrados[canonico] = p
        problemas.append(problema_de(
            "RM103", p.name, 0, 0, "", f"El archivo {p.name} debe llamarse {canonico}.",
            pista=f"Renómbralo a {canonico} (sin acentos ni mayúsculas); se leyó como tal."))
    return encontrados


# --- Estructura -------------------------------------------------------------------------------


def _recordar(memoria: dict, llave: tuple, hacer):
    if llave not in memoria:
        memoria[llave] = hacer()
    return memoria[llave]


def _estructura(ruta: Ruta, problemas: list, memoria: dict | None = None) -> None:
    opciones = _Opciones(ruta)
    previo: dict = {}
    for nombre in ARCHIVOS:
        doc = ruta.documentos.get(nombre)
        if doc is None or doc.raiz is None:
            continue
        # El marco da las palabras y los campos de cada archivo; ruta.yaml lo dice, así que
        # para leer ruta.yaml mismo se mira antes su clave `marco`.
        marco = ruta.marco if nombre != "ruta.yaml" else _marco_previo(ruta, doc.raiz, previo)

        def verificar():
            verificador = Verificador(nombre, opciones, marco)
            registro = verificador.archivo_raiz(doc.raiz, esquema.ARCHIVOS[nombre])
            if verificador.edito:
                doc.arbol_editado()
            return registro, verificador.problemas

        if memoria is None:
            registro, encontrados = verificar()
        else:
            # El resultado depende del archivo, del contexto que fija ruta.yaml y del marco.
            contexto = ruta.documentos["ruta.yaml"].texto if "ruta.yaml" in ruta.documentos else None
            registro, encontrados = _recordar(
                memoria, ("verificar", nombre, doc.texto, contexto, id(marco)), verificar)
        problemas.extend(encontrados)
        if registro is None or _lista_principal_invalida(nombre, registro):
            continue
        ruta.legibles.add(nombre)
        _colocar(ruta, nombre, registro)
        if nombre == "ruta.yaml":
            _contexto(ruta, previo)


def _lista_principal_invalida(nombre: str, registro) -> bool:
    """Si la lista que da su contenido al archivo (``metas:`` en metas.yaml, ``entradas:`` en
    la bitácora…) no es una lista (``metas: {}``, un alias): ese error ya se dijo, y leer el
    archivo como vacío daría uno más por cada cosa que lo cita («el objetivo O1 no tiene ninguna
    meta», cinco veces). Se toma como ilegible: RM901 dice qué no se verificó. Solo esa lista:
    otra mal escrita (``fortalezas:`` como texto) es un error suyo y el resto del archivo vale."""
    principal = _LISTA_PRINCIPAL.get(nombre)
    return principal is not None and registro.invalido(principal)


# La lista que da su contenido a cada archivo (la que los demás citan). El diagnóstico no tiene
# una: sus listas (fortalezas, necesidades…) valen cada una por su lado.
_LISTA_PRINCIPAL = {"prioridades.yaml": "prioridades", "objetivos.yaml": "objetivos",
                    "metas.yaml": "metas", "acciones.yaml": "acciones", "bitacora.yaml": "entradas"}


def _marco_previo(ruta: Ruta, raiz, previo: dict):
    """El marco que nombra ruta.yaml, leído del árbol antes de verificarlo (o ``None``).

    Lo anota en ``previo`` (clave → marco) para no buscarlo otra vez en ``_contexto``:
    buscarlo recorre las carpetas hasta la raíz del repositorio."""
    from rutamejora.catalogos import CatalogoInvalido
    from rutamejora.formato.lectura import ESCALAR, MAPA

    if raiz.tipo != MAPA:
        return None
    nodo = raiz.valor.get("marco")
    if nodo is None or nodo.tipo != ESCALAR or not nodo.texto.strip():
        return None
    try:
        marco = previo[nodo.texto.strip()] = cargar_marco(nodo.texto.strip(), ruta.carpeta)
        return marco
    except (CatalogoInvalido, OSError):
        return None


def _colocar(ruta: Ruta, nombre: str, registro) -> None:
    if nombre == "ruta.yaml":
        ruta.datos = registro
    elif nombre == "diagnostico.yaml":
        ruta.diagnostico = registro
    elif nombre == "prioridades.yaml":
        ruta.prioridades = registro.prioridades or []
        ruta.no_atendidas = registro.no_atendidas or []
    elif nombre == "objetivos.yaml":
        ruta.objetivos = registro.objetivos or []
    elif nombre == "metas.yaml":
        ruta.metas = registro.metas or []
    elif nombre == "acciones.yaml":
        ruta.acciones = registro.acciones or []
    elif nombre == "bitacora.yaml":
        ruta.entradas = registro.entradas or []


def _contexto(ruta: Ruta, previo: dict) -> None:
    """Con ruta.yaml leído: el marco, el calendario y las asignaturas o campos del plan."""
    datos = ruta.datos
    if datos.marco:
        ruta.marco = previo[datos.marco] if datos.marco in previo else \
            cargar_marco(datos.marco, ruta.carpeta)
    if datos.ciclo:
        ruta.calendario = armar_calendario(calendario_oficial(datos.ciclo), datos.calendario)
        # Los otros ciclos del horizonte usan el calendario del catálogo; `calendario:` de
        # ruta.yaml es el del ciclo en curso.
        ruta.calendarios = {c: (ruta.calendario if c == datos.ciclo else
                                armar_calendario(calendario_oficial(c), None))
                            for c in ruta.ciclos}
        nivel = datos.escuela.nivel if datos.escuela is not None else None
        plan_declarado = datos.escuela.plan_estudios if datos.escuela is not None else None
        ruta.plan = plan_para(datos.ciclo, plan_declarado)
        ruta.campos = campos_del_plan(ruta.plan, nivel)


class _Opciones:
    """Los valores válidos de cada catálogo para esta Ruta (``None``: no se pueden saber)."""

    def __init__(self, ruta: Ruta):
        self.ruta = ruta
        self._hechas: dict = {}

    def __call__(self, catalogo: str) -> dict | None:
        # Se calcula una vez por catálogo: ruta.yaml se lee primero y fija marco y plan.
        if self._hechas.get(catalogo) is None:
            self._hechas[catalogo] = self._formas_de(catalogo)
        return self._hechas[catalogo]

    def _formas_de(self, catalogo: str) -> dict | None:
        marco = self.ruta.marco
        if catalogo == "marcos":
            return _formas(marcos_disponibles(self.ruta.carpeta))
        if catalogo == "planes":
            return _formas(planes())
        if catalogo == "campos":
            return _formas(self.ruta.campos) if self.ruta.campos else None
        if marco is None:
            return None
        hecho = _FORMAS_DEL_MARCO.get((id(marco), catalogo))
        if hecho is None:
            formas: dict = {}
            for valor in marco.valores(catalogo):
                clave = str(valor.get("clave"))
                for forma in [clave, valor.get("nombre")] + list(valor.get("sinonimos") or []):
                    if forma:
                        formas.setdefault(normalizar(forma), clave)
            hecho = _FORMAS_DEL_MARCO[(id(marco), catalogo)] = (marco, formas)
        return hecho[1]


# Las formas de cada catálogo no cambian de una Ruta a otra con el mismo marco (o la misma
# lista de valores): se normalizan una vez por proceso y quien las recibe solo las lee. La
# llave guarda el marco para que su id no se reuse.
_FORMAS_DEL_MARCO: dict[tuple[int, str], tuple] = {}
_FORMAS_DE_VALORES: dict[tuple, dict] = {}


def _formas(valores) -> dict:
    llave = tuple(valores)
    try:
        formas = _FORMAS_DE_VALORES.get(llave)
    except TypeError:  # un valor que no es texto (un mapa en un catálogo mal escrito)
        return {normalizar(v): v for v in llave}
    if formas is None:
        if len(_FORMAS_DE_VALORES) >= 256:
            _FORMAS_DE_VALORES.clear()
        formas = _FORMAS_DE_VALORES[llave] = {normalizar(v): v for v in llave}
    return formas


# Carpetas que nunca guardan Rutas: se saltan al buscar en un repositorio.
_SALTAR = {".git", ".hg", ".svn", "node_modules", "__pycache__", ".venv", "venv", ".tox"}


def buscar_rutas(carpeta: Path) -> list[Path]:
    """La carpeta misma si es una Ruta; si no, cada Ruta debajo de ella, a cualquier profundidad.

    Así ``ruta validar`` desde la raíz de un repositorio (``escuelas/<cct>/<ciclo>/``) revisa
    todas. Lanza ``NoEsRuta`` si la carpeta no existe o no hay ninguna.
    """
    if carpeta.is_file():
        raise NoEsRuta(f"{carpeta} es un archivo, no una carpeta: valida la carpeta de la Ruta "
                       f"(ruta validar {carpeta.parent}).")
    if not carpeta.is_dir():
        raise NoEsRuta(f"La carpeta {carpeta} no existe.")
    if es_ruta(carpeta) or any((carpeta / n).is_file() for n in ARCHIVOS):
        return [carpeta]
    encontradas = []
    pendientes = [carpeta]
    while pendientes:
        actual = pendientes.pop()
        try:
            hijas = sorted((p for p in actual.iterdir() if p.is_dir() and not p.is_symlink()),
                           reverse=True)
        except OSError:
            continue
        for hija in hijas:
            if hija.name in _SALTAR or hija.name.startswith("."):
                continue
            if es_ruta(hija):
                encontradas.append(hija)
            else:
                pendientes.append(hija)
    if not encontradas:
        raise NoEsRuta(_sin_rutas(carpeta))
    return sorted(encontradas)


def _sin_rutas(carpeta: Path) -> str:
    """Dónde se buscó y cómo señalar una Ruta: sin argumento, la carpeta actual se nombra entera
    (quien corrió ``ruta validar`` sin nada no sabe que se buscó ahí)."""
    donde = f"la carpeta actual ({Path.cwd()})" if carpeta == Path(".") else f"la carpeta {carpeta}"
    return (f"{donde} no contiene una Ruta: ni ella ni sus subcarpetas tienen un ruta.yaml. "
            "Indica la carpeta de la Ruta (p. ej. escuelas/<CCT>/<ciclo>) o crea una con "
            "`ruta nueva CARPETA`.")


def rutas_de_argumentos(argumentos: list[Path]) -> list[Path]:
    """Las Rutas que tocan ``argumentos`` (carpetas o archivos), cada una una vez, en orden.

    Una carpeta: la Ruta que es o las que contiene (``buscar_rutas``). Un archivo: la Ruta de su
    carpeta; un archivo que no es de ninguna Ruta (otro YAML del repositorio, que pre-commit
    también pasa) no cuenta. Sin argumentos, la carpeta actual. Lanza ``NoEsRuta`` si una
    carpeta no existe o no tiene Rutas.
    """
    if not argumentos:
        return buscar_rutas(Path("."))
    rutas: list[Path] = []
    vistas: set[Path] = set()
    for argumento in argumentos:
        if argumento.is_file():
            carpeta = argumento.parent
            de_una_ruta = es_ruta(carpeta) or any((carpeta / n).is_file() for n in ARCHIVOS)
            candidatas = [carpeta] if de_una_ruta else []
        else:
            candidatas = buscar_rutas(argumento)
        for carpeta in candidatas:
            if carpeta.resolve() not in vistas:
                vistas.add(carpeta.resolve())
                rutas.append(carpeta)
    return rutas
