"""Los catálogos: marcos de planeación, calendarios, planes de estudio y claves de la CCT.

Son archivos YAML de datos en esta carpeta; ningún hecho de un marco vive en el código. Un
marco se busca primero en una carpeta ``marcos/`` junto a la Ruta o en alguna carpeta
superior (hasta la raíz del repositorio), y después en ``marcos/`` de este paquete: así una
zona o un estado agrega su variante sin tocar Python.

Los YAML de este paquete no se analizan en cada arranque: ``_compilado.py`` los trae ya leídos
como literales de Python (su ``.pyc`` carga en menos de un milisegundo) y cada catálogo se arma
la primera vez que alguien lo pide. Los YAML siguen siendo la fuente que se edita; después de
editarlos, se regenera con ``python -m rutamejora.catalogos.compilar`` y se comitean los dos
(una prueba falla si ``_compilado.py`` quedó viejo). Si la huella de un YAML no coincide con la
de ``_compilado.py``, se lee el YAML como siempre. Un marco que no viene con el paquete (junto
a la Ruta) se lee siempre de su YAML.
"""

from __future__ import annotations

import binascii
import os
import stat
import unicodedata
from datetime import date
from functools import lru_cache
from pathlib import Path

from rutamejora.nucleo.registro import campo, registro

AQUI = Path(__file__).parent


class CatalogoInvalido(Exception):
    """Un archivo de catálogo que no se puede usar (es un problema de instalación o de uso)."""


# Un catálogo pesa unos KB; el tope es el de los archivos de una Ruta (formato.LIMITE_BYTES).
LIMITE_CATALOGO = 5 * 1024 * 1024


def _cargar_yaml(ruta: Path):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import YAMLError

    try:
        # Solo un archivo normal y de tamaño razonable: un marco propio que es una FIFO colgaría
        # el comando y un enlace a /dev/zero agotaría la memoria.
        info = os.stat(ruta)
        if not stat.S_ISREG(info.st_mode):
            raise CatalogoInvalido(f"No se pudo leer el catálogo {ruta}: no es un archivo normal.")
        if info.st_size > LIMITE_CATALOGO:
            raise CatalogoInvalido(f"No se pudo leer el catálogo {ruta}: pesa más de 5 MB.")
        with ruta.open(encoding="utf-8") as f:
            return YAML(typ="safe", pure=False).load(f)
    except (OSError, UnicodeDecodeError, YAMLError) as exc:
        raise CatalogoInvalido(f"No se pudo leer el catálogo {ruta}: {exc}") from None


def _huella(contenido: bytes) -> int:
    """CRC-32 de un YAML con los finales de línea de Unix (un checkout con CRLF no la cambia)."""
    return binascii.crc32(contenido.replace(b"\r\n", b"\n"))


def _leer(ruta: Path):
    """El contenido de un YAML de catálogo: de ``_compilado.py`` si es del paquete y está al día.

    La huella se compara con el YAML de hoy (leer sus bytes cuesta ~0.03 ms; analizarlo, de 0.3
    a 3 ms): quien edita un YAML ve el cambio aunque no haya regenerado ``_compilado.py``.
    """
    try:
        clave = ruta.relative_to(AQUI).as_posix()
    except ValueError:
        return _cargar_yaml(ruta)
    from rutamejora.catalogos._compilado import CATALOGOS

    compilado = CATALOGOS.get(clave)
    if compilado is not None:
        try:
            al_dia = _huella(ruta.read_bytes()) == compilado[0]
        except OSError:
            al_dia = False
        if al_dia:
            return compilado[1]()
    return _cargar_yaml(ruta)


@lru_cache(maxsize=None)
def _datos(nombre: str):
    return _leer(AQUI / nombre)


def datos_de(nombre: str) -> dict:
    """Un catálogo de datos del paquete (``unidades.yaml``, ``redaccion.yaml``…), leído una vez."""
    return _datos(nombre) or {}


def normalizar(texto: str) -> str:
    """Minúsculas sin acentos, con `-` y espacios como `_`: para comparar lo que escribe la gente."""
    sin_acentos = str(texto)
    # Un texto ASCII no tiene acentos que quitar (lo común: claves como `en_curso`); se salta
    # la descomposición carácter por carácter, que es lo que cuesta.
    if not sin_acentos.isascii():
        sin_acentos = "".join(c for c in unicodedata.normalize("NFD", sin_acentos)
                              if unicodedata.category(c) != "Mn")
    return "_".join(sin_acentos.lower().replace("-", " ").replace("_", " ").split())


# --- Marcos -----------------------------------------------------------------------------------


@registro
class Marco:
    """Un marco de planeación leído de su archivo de catálogo."""

    clave: str
    nombre: str
    datos: dict
    origen: Path

    @property
    def agrupacion(self) -> dict:
        return self.datos.get("agrupacion") or {}

    def valores(self, seccion: str) -> list[dict]:
        """Los elementos de una lista del catálogo (``ambitos``, ``valoraciones``, ``anexos``).

        Los de la agrupación pueden venir de otra lista (``agrupacion.valores_de: ambitos``).
        """
        if seccion == "agrupacion":
            otra = self.agrupacion.get("valores_de")
            if otra and otra != "agrupacion":
                return self.valores(otra)
            return list(self.agrupacion.get("valores") or [])
        return list(self.datos.get(seccion) or [])

    # -- las palabras del marco ----------------------------------------------------------

    @property
    def siglas(self) -> str:
        return str(self.datos.get("siglas") or self.nombre)

    @property
    def singular(self) -> str:
        return str(self.agrupacion.get("singular") or "prioridad")

    @property
    def plural(self) -> str:
        return str(self.agrupacion.get("plural") or "prioridades")

    @property
    def femenino(self) -> bool:
        return str(self.agrupacion.get("genero") or "femenino") == "femenino"

    def el(self, texto: str | None = None) -> str:
        """«la prioridad», «el ámbito»: el artículo de la agrupación con ``texto`` (su nombre)."""
        return f"{'la' if self.femenino else 'el'} {texto or self.singular}"

    def ninguno(self) -> str:
        """«ninguna prioridad», «ningún ámbito»."""
        return f"{'ninguna' if self.femenino else 'ningún'} {self.singular}"

    def nombre_de(self, parte: str, por_omision: str) -> str:
        """El nombre que el marco da a una parte de la Ruta (``nombres.diagnostico``…)."""
        return str((self.datos.get("nombres") or {}).get(parte) or por_omision)

    @property
    def informe_final(self) -> dict:
        return self.datos.get("informe_final") or {}

    # -- cómo se escriben los archivos con este marco ------------------------------------

    @property
    def clave_lista(self) -> str:
        """La clave de la lista de primer nivel en prioridades.yaml (``problematicas``…)."""
        return str(self.agrupacion.get("clave_lista") or "prioridades")

    @property
    def clave_referencia(self) -> str:
        """La clave con que un objetivo cita su agrupación (``problematica: P1``…)."""
        return str(self.agrupacion.get("clave_referencia") or "prioridad")

    @property
    def clave_valor(self) -> str:
        """La clave con que cada elemento dice su valor del catálogo (``ambito: formacion-docente``)."""
        return str(self.agrupacion.get("clave_valor") or "prioridad")

    def alias(self, entidad: str) -> dict[str, str]:
        """``{clave escrita: campo del formato}`` para un objeto del esquema (por su ``entidad``).

        Sale de ``agrupacion`` (``clave_lista``, ``clave_referencia``, ``clave_valor``) y de la
        sección ``alias`` del catálogo (``{"entidad.clave": campo}``). La clave del formato
        sigue valiendo.
        """
        if not hasattr(self, "_alias"):
            tabla: dict[str, dict[str, str]] = {}
            pares = [("archivo_prioridades", self.clave_lista, "prioridades"),
                     ("objetivo", self.clave_referencia, "prioridad"),
                     ("prioridad", self.clave_valor, "prioridad"),
                     ("no_atendida", self.clave_valor, "prioridad"),
                     ("balance", self.clave_referencia, "prioridad")]
            for llave, canonico in (self.datos.get("alias") or {}).items():
                ent, _, clave = str(llave).partition(".")
                pares.append((ent, clave, str(canonico)))
            for ent, clave, canonico in pares:
                if clave and clave != canonico:
                    tabla.setdefault(ent, {})[clave] = canonico
            self._alias = tabla
        return self._alias.get(entidad, {})

    def estado(self, entidad: str, campo: str) -> str | None:
        """``requerido``, ``opcional`` o ``no_aplica`` si el marco cambia ese campo; si no, ``None``.

        ``agrupacion.ordenada`` pide ``orden`` y ``agrupacion.etiquetas`` pide esa lista (p. ej.
        ``ambitos``) en cada elemento de la agrupación; ``campos`` da lo demás
        (``accion.costo: opcional``).
        """
        llave = f"{entidad}.{campo}"
        campos = self.datos.get("campos") or {}
        if llave in campos:
            return str(campos[llave])
        if entidad == "prioridad":
            if campo == "orden" and self.agrupacion.get("ordenada"):
                return "requerido"
            if campo == self.agrupacion.get("etiquetas"):
                return "requerido"
            if campo == "prioridad" and not self.valores("agrupacion"):
                return "no_aplica"  # Agrupación libre (problemáticas): no hay valor del catálogo.
        if entidad == "archivo_prioridades" and campo == "no_atendidas" and not self.valores("agrupacion"):
            return "no_aplica"
        return None

    @property
    def horizonte(self) -> tuple[int, int]:
        """Cuántos ciclos abarca una Ruta de este marco: (mínimo, máximo)."""
        h = self.datos.get("horizonte")
        if isinstance(h, dict):
            minimo = int(h.get("minimo") or 1)
            return minimo, int(h.get("maximo") or minimo)
        n = int(self.datos.get("horizonte_ciclos") or 1)
        return n, n

    @property
    def vigencia(self) -> tuple[int, int | None] | None:
        """Los años en que empiezan los ciclos en que el marco está vigente: ``"2019-2024"`` →
        (2019, 2024), del ciclo 2019-2020 al 2024-2025; ``"2024-"`` → (2024, None), sigue
        vigente. ``None`` si el catálogo no lo dice (o no se entiende)."""
        texto = str(self.datos.get("vigencia") or "").strip()
        inicio, guion, fin = (parte.strip() for parte in texto.partition("-"))
        if not inicio.isdigit() or (fin and not fin.isdigit()):
            return None
        if not guion:  # "2025": un solo año
            return int(inicio), int(inicio)
        return int(inicio), int(fin) if fin else None

    def vigente_en(self, ciclo: str) -> bool:
        """¿El marco está vigente en ``ciclo`` (``AAAA-AAAA``)? Cuenta el año en que empieza."""
        vigencia = self.vigencia
        if vigencia is None or not ciclo[:4].isdigit():
            return False
        inicio, fin = vigencia
        return inicio <= int(ciclo[:4]) and (fin is None or int(ciclo[:4]) <= fin)

    def regla_suave(self, nombre: str) -> dict | None:
        """Los ajustes de una regla que el marco activa (``reglas_suaves``), o ``None``."""
        suaves = self.datos.get("reglas_suaves") or {}
        if nombre not in suaves:
            return None
        return suaves[nombre] or {}

    def personas_requeridas(self) -> list[dict]:
        return list(self.datos.get("personas_requeridas") or [])

    def anexo(self, clave: str) -> dict | None:
        for anexo in self.valores("anexos"):
            if anexo.get("clave") == clave:
                return anexo
        return None


def carpetas_de_marcos(desde: Path | None) -> list[Path]:
    """Dónde buscar marcos: ``marcos/`` junto a la Ruta y hacia arriba hasta el repositorio."""
    carpetas: list[Path] = []
    if desde is not None:
        # Con ``os.path`` y no con ``Path``: se sube carpeta por carpeta en cada Ruta que se
        # valida, y cada ``/`` de ``pathlib`` cuesta varias veces más.
        actual = os.path.realpath(desde)
        for _ in range(12):
            if os.path.isdir(os.path.join(actual, "marcos")):
                carpetas.append(Path(actual, "marcos"))
            arriba = os.path.dirname(actual)
            if os.path.exists(os.path.join(actual, ".git")) or arriba == actual:
                break
            actual = arriba
    carpetas.append(AQUI / "marcos")
    return carpetas


def marcos_disponibles(desde: Path | None = None) -> list[str]:
    claves: list[str] = []
    for carpeta in carpetas_de_marcos(desde):
        nombres = _marcos_incluidos() if carpeta == AQUI / "marcos" else _marcos_en(carpeta)
        for nombre in nombres:
            if nombre not in claves:
                claves.append(nombre)
    return claves


def _marcos_en(carpeta: Path) -> list[str]:
    """Las claves de los marcos de una carpeta (``*.yaml`` sin la extensión), en orden: lo
    mismo que ``sorted(carpeta.glob("*.yaml"))`` con ``.stem``, sin un ``Path`` por archivo."""
    import fnmatch

    try:
        nombres = os.listdir(carpeta)
    except OSError:
        return []
    # En el orden de ``Path`` (sin distinguir mayúsculas en Windows, como ``normcase``).
    return [os.path.splitext(n)[0] for n in sorted(fnmatch.filter(nombres, "*.yaml"), key=os.path.normcase)]


@lru_cache(maxsize=1)
def _marcos_incluidos() -> list[str]:
    """Los marcos que trae el paquete: no cambian mientras corre el proceso."""
    return _marcos_en(AQUI / "marcos")


def marco_desconocido(clave: str, desde: Path | None = None) -> str:
    """El mensaje para un ``--marco`` que no existe: el parecido, si lo hay, y los válidos
    («no existe el marco «pmc»: ¿quisiste decir `pmc-2024`? Los marcos son: …»)."""
    import difflib

    claves = marcos_disponibles(desde)
    forma = normalizar(clave)
    cercanos = [c for c in claves if c.startswith(f"{forma}-")] or \
        difflib.get_close_matches(forma, claves, n=1, cutoff=0.6)
    sugerencia = f": ¿quisiste decir `{cercanos[0]}`?" if len(cercanos) == 1 else "."
    return (f"no existe el marco «{clave}»{sugerencia} Los marcos son: "
            + ", ".join(f"`{c}`" for c in claves) + ".")


def cargar_marco(clave: str, desde: Path | None = None) -> Marco | None:
    """El marco ``clave`` o ``None`` si no existe en ninguna carpeta de marcos."""
    for carpeta in carpetas_de_marcos(desde):
        archivo = carpeta / f"{clave}.yaml"
        if archivo.is_file():
            return _marco_de(archivo)
    return None


@lru_cache(maxsize=None)
def _marco_de(archivo: Path) -> Marco:
    datos = _leer(archivo)
    if not isinstance(datos, dict) or not isinstance(datos.get("agrupacion"), dict):
        raise CatalogoInvalido(f"El marco {archivo} no tiene la sección `agrupacion`.")
    return Marco(clave=str(datos.get("clave") or archivo.stem), nombre=str(datos.get("nombre", "")),
                 datos=datos, origen=archivo)


# --- Calendarios ------------------------------------------------------------------------------


@registro
class Calendario:
    """Las fechas de un ciclo: de la fase intensiva al último día de clases."""

    inicio: date                       # primer día de la fase intensiva
    fin: date                          # último día de clases
    inicio_clases: date | None = None
    sesiones: list[date] = campo(fabrica=list)
    recesos: list[tuple[str, date, date]] = campo(fabrica=list)
    estimado: bool = False
    origen: str = "catálogo"           # "catálogo" o "ruta.yaml"

    def contiene(self, dia: date) -> bool:
        return self.inicio <= dia <= self.fin


def calendario_oficial(ciclo: str) -> dict | None:
    """Los datos del catálogo para ``ciclo`` (``2025-2026``), o ``None`` si no los tiene."""
    return (_datos("calendarios.yaml").get("ciclos") or {}).get(ciclo)


def armar_calendario(oficial: dict | None, propio) -> Calendario | None:
    """Une el calendario del catálogo con lo que la Ruta declara en ``calendario:`` (gana la Ruta).

    ``propio`` es el Registro de ``calendario`` de ruta.yaml (o ``None``). Sin inicio o fin
    conocidos no hay calendario.
    """
    oficial = oficial or {}
    fase = oficial.get("fase_intensiva") or {}
    inicio = fase.get("inicio") or oficial.get("inicio_clases")
    fin = oficial.get("fin_clases")
    inicio_clases = oficial.get("inicio_clases")
    sesiones = list(oficial.get("sesiones") or [])
    recesos = [(r.get("nombre", "Receso"), r["inicio"], r["fin"]) for r in oficial.get("recesos") or []]
    estimado = bool(oficial.get("estimado"))
    origen = "catálogo"
    if propio is not None:
        if propio.fase_intensiva is not None and propio.fase_intensiva.inicio:
            inicio = propio.fase_intensiva.inicio
        if propio.inicio_clases:
            inicio_clases = propio.inicio_clases
            inicio = inicio if propio.fase_intensiva is not None or inicio else propio.inicio_clases
        if propio.fin_clases:
            fin = propio.fin_clases
        if propio.sesiones:
            sesiones = list(propio.sesiones)
        if propio.recesos:
            recesos = [(r.nombre or "Receso", r.inicio, r.fin) for r in propio.recesos
                       if r.inicio and r.fin]
        if propio.estimado is not None:
            estimado = propio.estimado
        origen = "ruta.yaml" if not oficial else "catálogo y ruta.yaml"
    if inicio is None and inicio_clases is not None:
        inicio = inicio_clases
    if inicio is None or fin is None:
        return None
    return Calendario(inicio=inicio, fin=fin, inicio_clases=inicio_clases, sesiones=sesiones,
                      recesos=recesos, estimado=estimado, origen=origen)


# --- Planes de estudio ------------------------------------------------------------------------


def planes() -> dict:
    return _datos("planes.yaml").get("planes") or {}


def plan_para(ciclo: str, plan: str | None = None) -> str | None:
    """El plan declarado, o el más reciente cuyo ``desde_ciclo`` no es posterior al ciclo."""
    if plan:
        return plan
    candidatos = [(str(datos.get("desde_ciclo", "")), clave) for clave, datos in planes().items()
                  if str(datos.get("desde_ciclo", "")) <= ciclo]
    return max(candidatos)[1] if candidatos else None


def campos_del_plan(plan: str | None, nivel: str | None) -> list[str]:
    """Asignaturas o campos formativos del plan para el nivel (vacío si no se sabe)."""
    if not plan or not nivel:
        return []
    return list(((planes().get(plan) or {}).get("niveles") or {}).get(nivel) or [])


# --- CCT --------------------------------------------------------------------------------------


def cct() -> dict:
    return _datos("cct.yaml")
