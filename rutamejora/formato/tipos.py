"""Los tipos del formato (``Texto``, ``Entero``, ``Objeto``, ``Lista``…), ``Campo`` y las piezas
que comparten varios archivos (``TEXTO``, ``FECHA``, ``CICLO``, ``PERIODO``, ``RASGO_VALORADO``).

Con ellos se escribe la definición de cada archivo (``esquema_ruta``, ``esquema_diagnostico``,
``esquema_planeacion``, ``esquema_bitacora``), que ``esquema`` reúne. ``nombre`` es lo que ve el
usuario en los mensajes y en la documentación.
"""

from __future__ import annotations

# --- Tipos ------------------------------------------------------------------------------------


class Tipo:
    """Base de los tipos: ``nombre`` es lo que ve el usuario en los mensajes y en la doc.

    Clases simples en vez de ``dataclass``: este módulo se importa en cada ``ruta validar`` y
    crear quince dataclasses cuesta milisegundos que se notan. ``_campos`` nombra los
    argumentos (en orden, para pasarlos también por posición); sus valores por omisión son
    atributos de la clase.
    """

    _campos: tuple[str, ...] = ()

    def __init__(self, *args, **kwargs):
        for nombre, valor in zip(self._campos, args):
            kwargs[nombre] = valor
        for nombre, valor in kwargs.items():
            if nombre not in self._campos:
                raise TypeError(f"{type(self).__name__} no tiene el campo {nombre!r}")
            setattr(self, nombre, valor)

    def __repr__(self) -> str:
        valores = ", ".join(f"{c}={getattr(self, c)!r}" for c in self._campos)
        return f"{type(self).__name__}({valores})"

    @property
    def nombre(self) -> str:
        return "valor"


class Texto(Tipo):
    _campos = ('patron', 'descripcion_patron')
    patron = ""          # expresión regular que el texto debe cumplir (si hay)
    descripcion_patron = ""

    @property
    def nombre(self) -> str:
        return "texto"


class Entero(Tipo):
    _campos = ('minimo', 'maximo')
    minimo = None
    maximo = None

    @property
    def nombre(self) -> str:
        return "número entero"


class Numero(Tipo):
    """Un número exacto (``Decimal``), entero o con decimales."""

    _campos = ('minimo', 'maximo')

    minimo = None
    maximo = None

    @property
    def nombre(self) -> str:
        return "número"


class Dinero(Tipo):
    """Pesos mexicanos, exactos (``Decimal``), no negativos, con a lo más dos decimales."""

    @property
    def nombre(self) -> str:
        return "cantidad en pesos"


class Fecha(Tipo):
    @property
    def nombre(self) -> str:
        return "fecha AAAA-MM-DD"


class Booleano(Tipo):
    @property
    def nombre(self) -> str:
        return "true o false"


class Opcion(Tipo):
    """Uno de varios valores: fijos (``valores``) o los de un catálogo del marco (``catalogo``)."""

    _campos = ('valores', 'catalogo')

    valores = ()
    catalogo = ""

    @property
    def nombre(self) -> str:
        return "opción"


class Id(Tipo):
    """El identificador de un objeto: un prefijo y un número (``M1``, ``A12``)."""

    _campos = ('prefijo',)

    prefijo = ""

    @property
    def nombre(self) -> str:
        return f"identificador ({self.prefijo}1, {self.prefijo}2, …)"


class Ref(Tipo):
    """Una referencia por id a otro objeto de la Ruta (``a``: meta, objetivo, persona, …)."""

    _campos = ('a',)

    a = ""

    @property
    def nombre(self) -> str:
        return f"id de {self.a}"


class Lista(Tipo):
    _campos = ('elemento',)
    elemento: "Tipo" = None  # obligatorio: Lista(TEXTO)

    @property
    def nombre(self) -> str:
        return f"lista de {self.elemento.nombre}"


class Objeto(Tipo):
    """Un mapa con campos conocidos. Cerrado: una clave que no está aquí es un problema."""

    _campos = ('campos', 'entidad', 'alternativas')

    campos = ()
    entidad = ""         # nombre del objeto en el modelo ("meta", "accion", …)
    # Grupos de campos de los que al menos uno debe estar completo (p. ej. inicio y fin, o
    # periodos): la forma de decir "obligatorio, de una de estas maneras".
    alternativas = ()

    @property
    def nombre(self) -> str:
        return "mapa"

    def campo(self, nombre: str) -> "Campo | None":
        for c in self.campos:
            if c.nombre == nombre:
                return c
        return None


class Mapa(Tipo):
    """Un mapa de claves libres (texto) a valores de un tipo: ``{RM301: aviso}``."""

    _campos = ('valor',)

    valor: "Tipo" = None

    @property
    def nombre(self) -> str:
        return f"mapa de {self.valor.nombre}"


class UnoDe(Tipo):
    """Acepta la primera alternativa cuyo tipo básico coincide (un número o un mapa, p. ej.)."""

    _campos = ('alternativas',)

    alternativas = ()

    @property
    def nombre(self) -> str:
        return " o ".join(a.nombre for a in self.alternativas)


class Campo:
    """Un campo de un objeto: su nombre, su tipo, si es obligatorio, qué es y qué pregunta de
    las orientaciones responde. ``por_llenar``: lo escribe el CTE, así que vacío (``fecha:`` o
    ``[]``) es un aviso «por llenar» y no un error; una Ruta recién creada valida sin errores.
    Solo cuenta donde el campo es obligatorio (para el formato o para el marco, que puede pedir
    uno opcional: ``diagnostico.contexto`` en pmc-2024); la clave que falta sigue siendo un error."""

    __slots__ = ("nombre", "tipo", "requerido", "descripcion", "pregunta", "por_llenar")

    def __init__(self, nombre: str, tipo: Tipo, requerido: bool = False, descripcion: str = "",
                 pregunta: str = "", por_llenar: bool = False):
        self.nombre, self.tipo, self.requerido = nombre, tipo, requerido
        self.descripcion, self.pregunta, self.por_llenar = descripcion, pregunta, por_llenar

    def __repr__(self) -> str:
        return f"Campo({self.nombre!r}, {self.tipo!r})"


def C(nombre, tipo, requerido=False, descripcion="", pregunta="", por_llenar=False) -> Campo:
    return Campo(nombre, tipo, requerido, descripcion, pregunta, por_llenar)


# --- Piezas comunes ---------------------------------------------------------------------------

TEXTO = Texto()
FECHA = Fecha()
DINERO = Dinero()
NUMERO = Numero()
TEXTOS = Lista(TEXTO)
CICLO = Texto(patron=r"^\d{4}-\d{4}$", descripcion_patron="AAAA-AAAA, p. ej. 2025-2026")

PERIODO = Objeto(entidad="periodo", campos=(
    C("inicio", FECHA, True, "Primer día."),
    C("fin", FECHA, True, "Último día (igual o posterior al inicio)."),
    C("nombre", TEXTO, False, "Nombre del periodo (p. ej. «Vacaciones de invierno»)."),
))

RASGO_VALORADO = Objeto(entidad="rasgo", campos=(
    C("anexo", Opcion(catalogo="anexos"), True,
      "Anexo de las orientaciones al que pertenece el rasgo (normalidad-minima, ausentismo, "
      "convivencia, mejora-aprendizajes)."),
    C("rasgo", TEXTO, True, "Número o letra del rasgo dentro del anexo (1, 2, … o a, b, …)."),
    C("valoracion", Opcion(catalogo="valoraciones"), False,
      "Cómo lo valora el CTE (logrado, en_proceso, no_logrado); vacío: por valorar."),
    C("comentario", TEXTO, False, "Evidencia o matiz de la valoración."),
))
