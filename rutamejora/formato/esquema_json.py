"""JSON Schema de cada archivo de una Ruta, generado de ``esquema`` (las mismas definiciones que
usa ``ruta validar``): nadie escribe un esquema a mano, así que no puede quedarse atrás.

Sirve a los editores (yaml-language-server: VS Code, Neovim, Helix…): ayuda en español al pasar
el cursor (``description``), autocompletado de claves y valores, y marcas rojas en lo que
``ruta validar`` también rechazaría. Se usa el borrador 07 de JSON Schema, el que entienden
esos editores.

Qué exige el esquema y qué solo ``ruta validar``:

- Las claves (``additionalProperties: false``: el formato es cerrado), los obligatorios, los
  tipos, las fechas AAAA-MM-DD, los ids (``M1``), los pesos (no negativos, con centavos a lo
  más) y los valores de cada opción.
- Las opciones fijas (``nivel``, ``unidad``, ``sentido``…) se ofrecen en su forma canónica.
  Las del catálogo del marco (prioridades, ámbitos, anexos, valoraciones) aceptan la clave, el
  nombre y los sinónimos tal como los escribe el catálogo; las asignaturas y campos formativos,
  los de cualquier plan y nivel (el esquema de un archivo no sabe el nivel, que está en
  ``ruta.yaml``). ``ruta validar`` además perdona mayúsculas y acentos y revisa el plan y el
  nivel de la escuela.
- Un campo opcional, o uno «por llenar» (lo escribe el CTE), puede quedar vacío.
- Lo que cruza archivos (que `M3` exista, que las fechas caigan en el ciclo, la CCT con su
  verificador) y la calidad de la planeación son cosa de ``ruta validar``.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from rutamejora.formato import esquema as E
from rutamejora.nucleo.expresiones import compilar

BORRADOR = "http://json-schema.org/draft-07/schema#"
MARCO_POR_OMISION = "rme-2014"
# Carpeta, junto a los archivos de una Ruta, donde `ruta nueva` deja los esquemas.
CARPETA_ESQUEMAS = ".esquemas"


def nombre_esquema(archivo: str) -> str:
    """``metas.yaml`` → ``metas.schema.json``."""
    return archivo.rsplit(".", 1)[0] + ".schema.json"


def linea_modelo(archivo: str, carpeta: str = CARPETA_ESQUEMAS) -> str:
    """La primera línea de un archivo de la Ruta: dónde está su esquema (relativo al archivo)."""
    return f"# yaml-language-server: $schema=./{carpeta}/{nombre_esquema(archivo)}"


# --- Catálogos --------------------------------------------------------------------------------


class _Catalogos:
    """Los valores de cada ``Opcion(catalogo=…)`` con sus textos de ayuda."""

    def __init__(self, marco: str, desde: Path | None):
        from rutamejora.catalogos import cargar_marco, marcos_disponibles, planes

        self.marco = cargar_marco(marco, desde)
        self._marcos = marcos_disponibles(desde)
        self._planes = planes()

    def valores(self, catalogo: str) -> tuple[list[str], str]:
        """(valores aceptados, frase que los explica). Sin valores: cualquier texto."""
        if catalogo == "marcos":
            return list(self._marcos), "Marcos disponibles: " + ", ".join(self._marcos) + "."
        if catalogo == "planes":
            claves = list(self._planes)
            return claves, "Planes: " + "; ".join(
                f"{c} ({datos.get('nombre', '')})" for c, datos in self._planes.items()) + "."
        if catalogo == "campos":
            campos: list[str] = []
            for datos in self._planes.values():
                for lista in (datos.get("niveles") or {}).values():
                    campos.extend(c for c in lista or [] if c not in campos)
            return campos, ("Debe ser una del plan de estudios y el nivel de la escuela "
                            "(`ruta validar` lo revisa).")
        if self.marco is None:
            return [], f"Valor del catálogo `{catalogo}` del marco."
        aceptados: list[str] = []
        explicacion = []
        for valor in self.marco.valores(catalogo):
            clave = str(valor.get("clave"))
            formas = [clave, valor.get("nombre")] + list(valor.get("sinonimos") or [])
            aceptados.extend(str(f) for f in formas if f and str(f) not in aceptados)
            nombre = valor.get("nombre") or valor.get("titulo")
            explicacion.append(f"`{clave}` ({nombre})" if nombre else f"`{clave}`")
        return aceptados, f"Marco {self.marco.clave}: " + ", ".join(explicacion) + "."


# --- Tipos → esquema --------------------------------------------------------------------------


def _prefijos() -> dict[str, str]:
    """El prefijo del id de cada entidad (``meta`` → ``M``), leído de las definiciones."""
    prefijos: dict[str, str] = {}
    for entidad, objeto in E.objetos().items():
        campo_id = objeto.campo("id")
        if campo_id is not None and isinstance(campo_id.tipo, E.Id):
            prefijos[entidad] = campo_id.tipo.prefijo
    return prefijos


class _Generador:
    def __init__(self, catalogos: _Catalogos):
        self.catalogos = catalogos
        self.prefijos = _prefijos()

    def tipo(self, tipo: E.Tipo) -> dict:
        if isinstance(tipo, E.Objeto):
            return self.objeto(tipo)
        if isinstance(tipo, E.Lista):
            return {"type": "array", "items": self.tipo(tipo.elemento)}
        if isinstance(tipo, E.Mapa):
            return {"type": "object", "additionalProperties": self.tipo(tipo.valor)}
        if isinstance(tipo, E.UnoDe):
            return {"anyOf": [self.tipo(a) for a in tipo.alternativas]}
        if isinstance(tipo, E.Texto):
            if tipo.patron:
                return {"type": "string", "pattern": tipo.patron,
                        "description": f"Forma: {tipo.descripcion_patron}."}
            # Un texto puede escribirse como número en YAML (`zona: 112`, `rasgo: 3`).
            return {"type": ["string", "number"]}
        if isinstance(tipo, E.Entero):
            return _limites({"type": "integer"}, tipo)
        if isinstance(tipo, E.Numero):
            return _limites({"type": "number"}, tipo)
        if isinstance(tipo, E.Dinero):
            # Lo mismo que revisa `estructura`: no negativo, centavos a lo más, menos de mil millones.
            return {"type": "number", "minimum": 0, "multipleOf": 0.01, "exclusiveMaximum": 1000000000}
        if isinstance(tipo, E.Fecha):
            return {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
        if isinstance(tipo, E.Booleano):
            return {"type": "boolean"}
        if isinstance(tipo, E.Id):
            return {"type": "string", "pattern": rf"^{tipo.prefijo}[1-9]\d*$"}
        if isinstance(tipo, E.Ref):
            prefijo = self.prefijos.get(tipo.a)
            if prefijo:
                return {"type": "string", "pattern": rf"^{prefijo}[1-9]\d*$"}
            return {"type": "string"}
        if isinstance(tipo, E.Opcion):
            return self.opcion(tipo)
        raise TypeError(f"tipo sin esquema JSON: {tipo!r}")  # pragma: no cover - error de programación

    def opcion(self, tipo: E.Opcion) -> dict:
        if tipo.valores:
            return {"type": "string", "enum": list(tipo.valores)}
        valores, explicacion = self.catalogos.valores(tipo.catalogo)
        if not valores:
            return {"type": "string", "description": explicacion}
        enum: list = list(valores)
        # `plan_estudios: 2022` sin comillas es un número en YAML y `ruta validar` lo acepta.
        enum += [int(v) for v in valores if v.isdigit()]
        return {"type": ["string", "integer"] if len(enum) > len(valores) else "string",
                "enum": enum, "description": explicacion}

    def objeto(self, objeto: E.Objeto) -> dict:
        """El esquema de un objeto con las palabras del marco: sus alias (``problematica``)
        valen como la clave del formato, y sus campos requeridos u opcionales son los suyos."""
        marco = self.catalogos.marco
        alias = marco.alias(objeto.entidad) if marco is not None else {}
        propiedades = {}
        requeridos, condiciones = [], []
        for campo in objeto.campos:
            estado = marco.estado(objeto.entidad, campo.nombre) if marco is not None else None
            if estado == "no_aplica":
                continue
            requerido = campo.requerido if estado is None else estado == "requerido"
            propiedades[campo.nombre] = self.campo(campo, requerido)
            otras = [a for a, c in alias.items() if c == campo.nombre]
            for a in otras:
                propiedades[a] = propiedades[campo.nombre]
            if requerido and otras:
                condiciones.append({"anyOf": [{"required": [n]} for n in [campo.nombre] + otras]})
            elif requerido:
                requeridos.append(campo.nombre)
        resultado: dict = {"type": "object", "properties": propiedades,
                           "additionalProperties": False}
        if requeridos:
            resultado["required"] = requeridos
        if objeto.alternativas:
            alternativas = {"anyOf": [{"required": list(grupo)} for grupo in objeto.alternativas]}
            if condiciones:
                condiciones.append(alternativas)
            else:
                resultado.update(alternativas)
        if condiciones:
            resultado["allOf"] = condiciones
        return resultado

    def campo(self, campo: E.Campo, requerido: bool | None = None) -> dict:
        esquema = self.tipo(campo.tipo)
        requerido = campo.requerido if requerido is None else requerido
        if not requerido or campo.por_llenar:
            esquema = _nulable(esquema)
        texto = campo.descripcion
        if campo.pregunta:
            texto += f" {campo.pregunta}"
        if campo.por_llenar and requerido:
            texto += " Lo escribe el CTE: vacío, `ruta validar` avisa que está por llenar."
        detalle = esquema.pop("description", "") if "anyOf" not in esquema else ""
        esquema = {"description": f"{texto} {detalle}".strip(), **esquema}
        return esquema


def _limites(esquema: dict, tipo) -> dict:
    if tipo.minimo is not None:
        esquema["minimum"] = tipo.minimo
    if tipo.maximo is not None:
        esquema["maximum"] = tipo.maximo
    return esquema


def _nulable(esquema: dict) -> dict:
    """El mismo esquema, aceptando además un valor vacío (``clave:`` sin nada)."""
    if "type" in esquema and "anyOf" not in esquema:
        tipos = esquema["type"] if isinstance(esquema["type"], list) else [esquema["type"]]
        nuevo = dict(esquema, type=tipos + ["null"])
        if "enum" in nuevo:
            nuevo["enum"] = nuevo["enum"] + [None]
        return nuevo
    return {"anyOf": [esquema, {"type": "null"}]}


# --- Archivos ---------------------------------------------------------------------------------


def esquemas(marco: str = MARCO_POR_OMISION, desde: Path | None = None) -> dict[str, dict]:
    """``{"ruta.schema.json": {...}, …}``: un esquema por archivo de la Ruta, en su orden.

    ``marco`` da los valores de los catálogos; ``desde`` es la carpeta donde se busca un marco
    propio (``marcos/`` hacia arriba, como hace ``ruta validar``).
    """
    catalogos = _Catalogos(marco, desde)
    generador = _Generador(catalogos)
    titulo = catalogos.marco.nombre if catalogos.marco is not None else "Ruta de mejora escolar"
    resultado = {}
    for archivo, definicion in E.ARCHIVOS.items():
        cuerpo = generador.objeto(definicion)
        resultado[nombre_esquema(archivo)] = {
            "$schema": BORRADOR,
            "title": f"{archivo} — {titulo}",
            "description": f"{E.PREGUNTAS[archivo]} Formato {E.VERSION_FORMATO} de `ruta` "
                           f"(generado por `ruta esquema`; marco {marco}).",
            **cuerpo,
        }
    return resultado


def texto_json(esquema: dict) -> str:
    return json.dumps(esquema, ensure_ascii=False, indent=2) + "\n"


def escribir_atomico(destino: Path, contenido: str) -> None:
    """Escribe el esquema de una vez (lo hace ``escritura``: temporal, permisos y renombrar)."""
    from rutamejora.nucleo.atomico import escribir_atomico as escribir

    escribir(destino, contenido.encode("utf-8"))


class EsquemaAjeno(Exception):
    """En el lugar de un esquema hay algo que ``ruta esquema`` no escribió: no se reemplaza."""


_HECHO_POR = compilar(r"Formato \S+ de `ruta` \(generado por `ruta esquema`; marco [^()]+\)\.")


def es_esquema_propio(archivo: Path) -> bool:
    """¿``archivo`` es un esquema que escribió ``ruta esquema`` (o un archivo vacío)?

    Se reconoce por dónde lo escribe: un objeto JSON con el ``$schema`` del borrador 07 y una
    ``description`` que termina con «(generado por `ruta esquema`; marco …).», igual salvo la
    versión del formato y el marco.
    """
    from rutamejora.nucleo.archivos import leer_regular

    try:
        crudo = leer_regular(archivo, 5 * 1024 * 1024)
    except OSError:
        return False
    if not crudo:
        return True
    try:
        datos = json.loads(crudo.decode("utf-8"))
    except ValueError:
        return False
    return (isinstance(datos, dict) and datos.get("$schema") == BORRADOR
            and isinstance(datos.get("description"), str)
            and _HECHO_POR.search(datos["description"]) is not None)


def escribir_esquemas(carpeta: Path, marco: str = MARCO_POR_OMISION,
                      desde: Path | None = None, solo: str | None = None) -> list[Path]:
    """Escribe los siete ``*.schema.json`` (o solo el llamado ``solo``) en ``carpeta``.

    Solo reemplaza esquemas que escribió ``ruta esquema``: si en el lugar de alguno hay otra
    cosa (un archivo propio, una carpeta, una FIFO) lanza ``EsquemaAjeno`` sin escribir ninguno.
    Un disco o una carpeta que no dejan escribir dan ``OSError``.
    """
    pendientes = {n: e for n, e in esquemas(marco, desde).items() if solo is None or n == solo}
    for nombre in pendientes:
        destino = carpeta / nombre
        if os.path.lexists(destino) and not es_esquema_propio(destino):
            raise EsquemaAjeno(f"{destino} ya existe y no es un esquema escrito por `ruta esquema`: "
                               "no se reemplaza. Bórralo o elige otra carpeta.")
    carpeta.mkdir(parents=True, exist_ok=True)
    escritos = []
    for nombre, esquema in pendientes.items():
        destino = carpeta / nombre
        escribir_atomico(destino, texto_json(esquema))
        escritos.append(destino)
    return escritos
