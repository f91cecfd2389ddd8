"""La diferencia semántica entre dos versiones de una Ruta, en las palabras y los ids del dominio.

``comparacion.comparar(antes, despues)`` lee los dos modelos (``formato.Ruta``) y dice qué cambió del plan,
agrupado por parte (``PARTES``): «Meta M2: valor meta 80 % → 70 %», «Acción A5 nueva: …»,
«Prioridad P3 quitada (las acciones A7 y A8 ya no sirven a ninguna prioridad)». Un id
renombrado con el mismo contenido es un renombre, no una baja y un alta; un cambio de orden,
una línea; un archivo que solo cambió de formato o de comentarios, una línea.

Posee el resultado (``Diferencia``, ``Cambio``, ``CampoCambiado``) y el comparador de objetos
con id (``Comparador``); lo que es propio de cada parte está en ``partes`` y ``comparar`` (que
los junta) en ``comparacion``.
"""

from __future__ import annotations

import weakref
from dataclasses import dataclass, field, replace
from decimal import Decimal

from rutamejora.formato import costo_total
from rutamejora.historia.palabras import Voz, etiqueta, lista_y

# Las partes del plan, en el orden en que se muestran.
PARTES = ("ruta", "metas", "acciones", "prioridades", "objetivos", "diagnostico", "presupuesto",
          "bitacora", "escuela", "formato")
TITULOS = {"ruta": "La Ruta", "metas": "Metas", "acciones": "Acciones",
           "prioridades": "Prioridades", "objetivos": "Objetivos", "diagnostico": "Diagnóstico",
           "presupuesto": "Presupuesto", "bitacora": "Bitácora",
           "escuela": "La escuela y el colectivo", "formato": "Formato y comentarios"}
# El archivo del que sale cada parte (si no se pudo leer, la parte no se compara).
ARCHIVO_DE = {"metas": ("metas.yaml",), "acciones": ("acciones.yaml",),
              "prioridades": ("prioridades.yaml",), "objetivos": ("objetivos.yaml",),
              "diagnostico": ("diagnostico.yaml",), "presupuesto": ("ruta.yaml", "acciones.yaml"),
              "bitacora": ("bitacora.yaml",), "escuela": ("ruta.yaml",)}
# Los campos que citan a otro objeto por id: (tipo del objeto, campo) → tipo citado.
REFERENCIAS = {("meta", "objetivo"): "objetivo", ("accion", "metas"): "meta",
               ("accion", "fuente"): "fuente", ("objetivo", "prioridad"): "prioridad",
               ("prioridad", "necesidades"): "necesidad"}


@dataclass
class CampoCambiado:
    """Un campo de un objeto que cambió: su nombre, cómo se lee y sus dos valores ya escritos."""

    campo: str
    etiqueta: str
    antes: str
    despues: str
    # Los dos valores como están en el modelo (``Decimal``, ``date``…): para juzgar el cambio
    # (``historia.tardios``), no para mostrarlo.
    crudo: tuple = field(default=(None, None), repr=False, compare=False)

    @property
    def texto(self) -> str:
        return f"{self.etiqueta} {self.antes} → {self.despues}"

    def como_dict(self) -> dict:
        return {"campo": self.campo, "antes": self.antes, "despues": self.despues}


@dataclass
class Cambio:
    """Un cambio de una parte, dicho en una línea (``texto``).

    ``tipo``: ``nuevo``, ``quitado``, ``cambiado``, ``renombrado``, ``orden``, ``formato`` o
    ``resumen``. ``id`` es el objeto (``M2``); ``ids``, todos los que toca (un renombre toca el
    viejo y el nuevo): ``ruta historia --id`` filtra con ellos.
    """

    parte: str
    tipo: str
    texto: str
    id: str | None = None
    ids: tuple = ()
    campos: list = field(default_factory=list)
    # Lo que el cambio dice de cada id que toca, cuando la línea habla de varios (la bitácora:
    # «Medición de M1 del …: 62 %»): ``ruta historia --id`` muestra eso (``para``).
    por_id: dict = field(default_factory=dict, repr=False, compare=False)
    # Una línea de formato o de comentarios: las partes del plan de su archivo (``partes.forma``).
    de_partes: tuple = field(default=(), repr=False, compare=False)

    def para(self, ids: set) -> "Cambio":
        """El cambio como se lee en la historia de ``ids``: solo lo que dice de ellos."""
        propias = [self.por_id[i] for i in sorted(ids) if i in self.por_id]
        return replace(self, texto="; ".join(propias)) if propias else self

    def como_dict(self) -> dict:
        datos = {"parte": self.parte, "tipo": self.tipo, "id": self.id, "texto": self.texto}
        if self.campos:
            datos["campos"] = [c.como_dict() for c in self.campos]
        if len(self.ids) > 1:
            datos["ids"] = list(self.ids)
        return datos


@dataclass
class Diferencia:
    """Lo que cambió de ``antes`` a ``despues`` (sus etiquetas: «HEAD (abc1234)», una carpeta)."""

    antes: str
    despues: str
    cambios: list = field(default_factory=list)
    titulos: dict = field(default_factory=lambda: dict(TITULOS))
    avisos: list = field(default_factory=list)
    # Las mediciones que cambiaron de valor en una entrada que ya estaba: [(fecha de la entrada,
    # meta, valor de antes, valor de después)]. No se muestran (la bitácora dice «cambió la
    # entrada»); las lee ``tardios``: una medición corregida después de la fecha límite.
    mediciones: list = field(default_factory=list)
    # Las metas cuyas mediciones cambiaron de fecha, orden o número: {meta: (serie de antes, serie
    # de después)}, cada serie ((fecha, valor), …) en el orden de ``vistas.avance_meta``. Tampoco
    # se muestran; las lee ``tardios``: qué medición juzga una meta ya vencida.
    series: dict = field(default_factory=dict)

    @property
    def vacia(self) -> bool:
        return not self.cambios

    @property
    def solo_forma(self) -> bool:
        """¿Solo cambió el formato, los comentarios o el orden (nada del plan)?"""
        return bool(self.cambios) and all(c.tipo in ("formato", "orden") for c in self.cambios)

    def partes(self) -> list[tuple[str, str, list]]:
        """``[(parte, título, cambios)]`` de las partes con cambios, en el orden de ``PARTES``."""
        return [(p, self.titulos.get(p, p), [c for c in self.cambios if c.parte == p])
                for p in PARTES if any(c.parte == p for c in self.cambios)]

    def de_ids(self, ids: set) -> list:
        """Los cambios que tocan alguno de ``ids`` y, si hay, los comentarios de los archivos
        donde cambiaron (un comentario no es de un id, pero se escribió junto a su cambio)."""
        propios = [c for c in self.cambios if ids & set(c.ids or ((c.id,) if c.id else ()))]
        partes = {c.parte for c in propios}
        return propios + [c for c in self.cambios if c.tipo == "formato" and c not in propios
                          and partes & set(c.de_partes)]


# --- El modelo como datos simples --------------------------------------------------------------


# Un objeto del modelo que no cambió entre dos versiones es el mismo objeto (``cargar`` con
# memoria lo comparte): su forma plana se calcula una vez. No se cambia nunca: quien la quiera
# cambiar la copia.
_PLANOS: "weakref.WeakKeyDictionary" = weakref.WeakKeyDictionary()


def plano(valor):
    """Un objeto del modelo (``Registro``) como ``dict`` de sus campos presentes, recursivo.

    Así dos versiones se comparan con ``==``: ``Decimal("600.00") == Decimal("600")``, y un
    campo vacío es igual a uno que falta."""
    if hasattr(valor, "_entidad"):
        hecho = _PLANOS.get(valor)
        if hecho is None:
            hecho = _PLANOS[valor] = {k: plano(v) for k, v in vars(valor).items()
                                      if not k.startswith("_") and v is not None and v != []}
        return hecho
    if isinstance(valor, list):
        return [plano(v) for v in valor]
    return valor


def aplanado(objeto: dict) -> dict:
    """Los campos de un objeto con los mapas de un nivel abiertos: ``indicador.nombre``."""
    salida: dict = {}
    for clave, valor in objeto.items():
        if isinstance(valor, dict) and not ("inicio" in valor and "fin" in valor):
            for sub, v in valor.items():
                salida[f"{clave}.{sub}"] = v
        else:
            salida[clave] = valor
    return salida


def contenido(tipo: str, registro) -> dict:
    """Lo que dice un objeto, para compararlo (el costo de una acción como su total)."""
    datos = dict(plano(registro))
    if tipo == "accion" and "costo" in datos:
        total = costo_total(registro)
        datos["costo"] = total if total is not None else datos["costo"]
    return datos


# --- Objetos con id ----------------------------------------------------------------------------


@dataclass
class Entidad:
    """Cómo se nombra un tipo de objeto en un cambio: «Meta», femenino, su campo de resumen."""

    tipo: str
    palabra: str
    femenino: bool = True
    resumen: str = "descripcion"
    plural: str = ""

    def nuevo(self) -> str:
        return "nueva" if self.femenino else "nuevo"

    def quitado(self) -> str:
        return "quitada" if self.femenino else "quitado"


class Comparador:
    """Compara dos versiones objeto por objeto y junta los cambios (``cambios``).

    ``renombres`` (``{tipo: {id viejo: id nuevo}}``) crece al comparar: un objetivo renombrado
    no hace que cambie el ``objetivo`` de sus metas. Por eso los tipos se comparan de los
    citados a los que citan (necesidades, fuentes, prioridades, objetivos, metas, acciones).
    """

    def __init__(self, antes, despues, voz: Voz):
        self.antes, self.despues, self.voz = antes, despues, voz
        self.cambios: list[Cambio] = []
        self.renombres: dict[str, dict[str, str]] = {}
        self.mediciones: list[tuple] = []   # ver ``Diferencia.mediciones``
        self.series: dict = {}               # ver ``Diferencia.series``

    def agregar(self, parte: str, tipo: str, texto: str, id_=None, ids=(), campos=None,
                por_id=None) -> None:
        self.cambios.append(Cambio(parte, tipo, texto, id_, tuple(ids) or ((id_,) if id_ else ()),
                                   campos or [], por_id or {}))

    def mapear(self, tipo: str, datos: dict) -> dict:
        """``datos`` (de la versión de antes) con sus referencias renombradas a los ids nuevos."""
        salida = dict(datos)
        for (de, campo), citado in REFERENCIAS.items():
            if de != tipo or campo not in salida:
                continue
            tabla = self.renombres.get(citado, {})
            valor = salida[campo]
            salida[campo] = [tabla.get(v, v) for v in valor] if isinstance(valor, list) \
                else tabla.get(valor, valor)
        return salida

    # Larga a propósito: altas, bajas, renombres, cambios de campos y orden de un tipo de objeto
    # son un solo recorrido sobre los mismos índices; partido, cada pedazo repetiría el armado.
    def objetos(self, parte: str, entidad: Entidad, antes: list, despues: list,
                unidad=None, consecuencia=None) -> None:
        """Compara dos listas de objetos con id. ``unidad(datos)`` da la unidad de sus números
        (la del indicador de una meta); ``consecuencia(id)`` lo que deja suelto quitar uno."""
        viejos = {o.id: self.mapear(entidad.tipo, contenido(entidad.tipo, o))
                  for o in antes if getattr(o, "id", None)}
        nuevos = {o.id: contenido(entidad.tipo, o) for o in despues if getattr(o, "id", None)}
        quitados = [i for i in viejos if i not in nuevos]
        agregados = [i for i in nuevos if i not in viejos]
        renombres = self.renombres.setdefault(entidad.tipo, {})
        for viejo in quitados:
            sin_id = {k: v for k, v in viejos[viejo].items() if k != "id"}
            for nuevo in agregados:
                if nuevo not in renombres.values() and \
                        {k: v for k, v in nuevos[nuevo].items() if k != "id"} == sin_id:
                    renombres[viejo] = nuevo
                    break
        for viejo, nuevo in renombres.items():
            if viejo in viejos:
                self.agregar(parte, "renombrado", f"{entidad.palabra} {viejo} ahora es {nuevo} "
                             "(mismo contenido)", nuevo, (nuevo, viejo))
        for i in agregados:
            if i not in renombres.values():
                self.agregar(parte, "nuevo", f"{entidad.palabra} {i} {entidad.nuevo()}"
                             f"{self._resumen(entidad, nuevos[i])}", i)
        for i in quitados:
            if i not in renombres:
                extra = consecuencia(i) if consecuencia else ""
                self.agregar(parte, "quitado", f"{entidad.palabra} {i} {entidad.quitado()}"
                             f"{self._resumen(entidad, viejos[i])}{extra}", i)
        for i in nuevos:
            if i in viejos and viejos[i] != nuevos[i]:
                u = unidad(nuevos[i]) if unidad else None
                campos = self.campos(viejos[i], nuevos[i], u)
                if campos:
                    self.agregar(parte, "cambiado", f"{entidad.palabra} {i}: "
                                 + "; ".join(c.texto for c in campos), i, campos=campos)
        comunes_antes = [renombres.get(i, i) for i in viejos if renombres.get(i, i) in nuevos]
        comunes_despues = [i for i in nuevos if i in set(comunes_antes)]
        if comunes_antes != comunes_despues:
            self.agregar(parte, "orden", f"{mayuscula(entidad.plural or parte)}: mismo contenido en "
                         f"otro orden ({', '.join(comunes_despues)})")

    def _resumen(self, entidad: Entidad, datos: dict) -> str:
        texto = datos.get(entidad.resumen)
        if not texto:
            return ""
        if entidad.resumen in ("prioridad", "ambito"):
            return f": {self.voz.valor(entidad.resumen, texto)}"
        return f": {self.voz.texto(texto)}"

    def campos(self, antes: dict, despues: dict, unidad=None) -> list[CampoCambiado]:
        """Los campos que difieren entre dos objetos, ya escritos."""
        a, d = aplanado(antes), aplanado(despues)
        cambiados = []
        for clave in list(d) + [k for k in a if k not in d]:
            if clave == "id" or a.get(clave) == d.get(clave):
                continue
            cambiados.append(self.campo(clave, a.get(clave), d.get(clave), unidad))
        return cambiados

    def campo(self, clave: str, antes, despues, unidad=None) -> CampoCambiado:
        if _es_texto_largo(antes) or _es_texto_largo(despues):
            return CampoCambiado(clave, etiqueta(clave), self.voz.texto(antes) if antes else "—",
                                 self.voz.texto(despues) if despues else "—", (antes, despues))
        return CampoCambiado(clave, etiqueta(clave), self.voz.valor(clave, antes, unidad),
                             self.voz.valor(clave, despues, unidad), (antes, despues))


def _es_texto_largo(valor) -> bool:
    return isinstance(valor, str) and (len(valor) > 24 or "\n" in valor)


def mayuscula(texto: str) -> str:
    return texto[:1].upper() + texto[1:]


def ids_y(ids: list[str]) -> str:
    return lista_y(sorted(ids, key=_clave_id))


def _clave_id(texto: str) -> tuple:
    letras = texto.rstrip("0123456789")
    resto = texto[len(letras):]
    return (letras, int(resto) if resto else 0, texto)


def suma(valores) -> Decimal:
    return sum((v for v in valores if v is not None), Decimal(0))
