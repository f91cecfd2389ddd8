"""La voz de cada audiencia: cómo se nombra a las personas y qué texto libre puede imprimirse.

**Privacidad.** Ningún informe, para ninguna audiencia, imprime un dato personal: cada texto
libre pasa por el mismo detector que ``ruta validar`` (``privacidad.detectar``, con el personal
de la Ruta), aunque la validación haya pasado y aun con ``--con-errores``. Cada dato se cambia
por su marcador de informe, la clase entre corchetes («[nombre]», «[CURP]», «[teléfono]»), y
un texto con un detalle de salud ligado a alumnos se cambia entero por «[salud]» (el resto de
la oración suele contar más del mismo detalle). Lo que una persona declaró que no es dato
personal (``# ruta: ignorar RM5xx -- motivo`` en su línea) se imprime tal cual.

La audiencia ``comunidad`` (madres, padres y tutores) tampoco recibe a las personas: el
contexto mismo ya no las trae, así que ninguna plantilla (tampoco una propia con
``--plantillas``) puede mostrarlas. Los responsables aparecen por su función («Docente de
3°A», «Dirección») o por su órgano (APF, CEPS); los alumnos, solo en cantidades; los códigos
de alumno de los textos libres se vuelven «[código]». La audiencia ``autoridad``
(supervisión) lleva el detalle: nombres del colectivo y códigos de alumnos en riesgo.

Para la comunidad, además, una oración con un dato de un alumno o de su familia no sale con el
dato tapado («El [nombre] no trajo la tarea» sigue hablando de ese niño): sale «[pasaje omitido
por privacidad]» en su lugar, también en la segunda revisión (``sanear``).

Posee ``Voz`` (la de una audiencia), ``rol`` (la función pública de un integrante del
colectivo) y los marcadores de lo omitido (``CODIGO_OMITIDO``, ``SALUD_OMITIDA``,
``PASAJE_OMITIDO``).
"""

from __future__ import annotations

import re

from rutamejora.formato.modelo import Ruta
from rutamejora.informes.formas import comillas
from rutamejora.nucleo.textos import CONTROLES
from rutamejora.privacidad import (CODIGOS, INFORME, NOMBRE, SALUD, de_un_alumno, detectar, enmascarar,
                                   es_abreviatura)

_FUNCIONES = {"director": "Dirección", "subdirector": "Subdirección", "docente": "Docente",
              "docente_especial": "Docente de educación especial",
              "educacion_fisica": "Educación física", "usaer": "USAER",
              "apoyo": "Personal de apoyo", "administrativo": "Personal administrativo",
              "supervisor": "Supervisión escolar", "atp": "Asesoría técnica pedagógica"}
# La forma única de lo omitido en un informe: la clase del dato entre corchetes, como los
# marcadores de ``privacidad.enmascarar`` con destino ``informe`` (docs/privacidad.md).
CODIGO_OMITIDO = "[código]"
SALUD_OMITIDA = "[salud]"
# Para las familias, la oración que nombraba a un alumno o a su familia no sale con el dato
# tapado («El [nombre] no trajo la tarea» sigue hablando de ese niño, y en una comunidad
# pequeña se sabe quién es): sale esto en su lugar (``Voz._sin_pasajes``).
PASAJE_OMITIDO = "[pasaje omitido por privacidad]"
# Dónde acaba una oración: un punto, un punto y coma, «!» o «?» y un espacio, o un salto de línea;
# no el punto de una abreviatura ni el de una inicial (``_cortes``).
_FIN_DE_ORACION = re.compile(r"(?<=[.;!?])\s+|\n+")
# La palabra justo antes de un punto («Sr.», «Mtra.»); la inicial de un nombre, tras él («Kevin
# P.»; no el grupo: «3° A.» sí cierra la oración).
_PALABRA_CON_PUNTO = re.compile(r"(?<!\w)([^\W\d_]+)\.$")
_INICIAL = re.compile(r"(?<!\w)[A-ZÁÉÍÓÚÑ][a-záéíóúñü]+ [A-ZÁÉÍÓÚÑ]\.$")


# Los caracteres de control, fuera (el tabulador y el salto de línea quedan).
_SIN_CONTROL = dict.fromkeys(CONTROLES)


class Dicho(str):
    """Un texto que ya pasó por la voz de su audiencia: ``Voz.sanear`` no lo juzga otra vez."""

    __slots__ = ()


def rol(persona) -> str:
    """«Docente de 3°A», «Dirección»: la función pública de un integrante del colectivo."""
    base = _FUNCIONES.get(persona.funcion or "", "Integrante del colectivo")
    if persona.funcion == "docente" and persona.grupo:
        return f"{base} de {persona.grupo}"
    return base


# Las palabras de un nombre que solo unen («María de la Luz»): un tramo que empieza o acaba en
# ellas, o sin dos palabras que no lo sean, no nombra a nadie («de la» está en cualquier texto).
_PARTICULAS = frozenset({"de", "del", "la", "las", "los", "el", "y", "e", "da", "van", "von", "di"})


def _patron_de_nombre(nombre: str) -> re.Pattern:
    """Cualquier tramo de dos o más palabras seguidas de ``nombre`` que empiece y acabe en una
    palabra que no sea partícula («Luz Sánchez», «María de la Luz»; no «de la»), sin importar
    mayúsculas ni acentos; los tramos más largos primero."""
    from rutamejora.reglas.privacidad import sin_acentos

    palabras = nombre.split()
    tramos = sorted({tuple(palabras[i:j]) for i in range(len(palabras))
                     for j in range(i + 2, len(palabras) + 1)
                     if _nombra(palabras[i:j])
                     and ((i, j) == (0, len(palabras)) or not _es_lugar_o_personaje(palabras[i:j]))},
                    key=lambda t: -len(t))
    if not tramos:
        return re.compile(r"(?!)")  # un nombre de una sola palabra: ningún tramo
    alternativas = [r"\s+".join(sin_acentos(p) for p in tramo) for tramo in tramos]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternativas) + r")(?!\w)", re.IGNORECASE)


# «San Juan», «Santa Rosa»: un tramo así, solo, suele ser un lugar o un santo.
_SANTOS = frozenset({"san", "santa", "santo", "santiago"})


def _es_lugar_o_personaje(tramo: list[str]) -> bool:
    """Si una parte del nombre (no el nombre entero) es también un lugar o un personaje: dos
    palabras que empiezan con «San» o «Santa» («museo de San Juan» con el maestro Pedro San Juan
    Lima), o todas sus palabras de una línea de ``personajes.txt`` («Escuela Benito Juárez» con
    el maestro Benito Juárez López). Así no se cambia por la función del docente."""
    from rutamejora.privacidad.catalogo import PALABRA, PARTICULAS, personajes, plegar

    propias = frozenset(p for p in PALABRA.findall(plegar(" ".join(tramo))) if p not in PARTICULAS)
    if len(tramo) == 2 and plegar(tramo[0]) in _SANTOS:
        return True
    return any(propias <= personaje for personaje in personajes())


def _nombra(tramo: list[str]) -> bool:
    """Si un tramo de un nombre puede nombrar a alguien: empieza y acaba en una palabra que no
    es partícula y tiene al menos dos de esas."""
    propias = [p for p in tramo if p.casefold() not in _PARTICULAS]
    return len(propias) >= 2 and tramo[0].casefold() not in _PARTICULAS \
        and tramo[-1].casefold() not in _PARTICULAS


class Voz:
    """Cómo se nombra a las personas y qué texto libre puede salir para cada audiencia."""

    def __init__(self, ruta: Ruta, audiencia: str):
        from rutamejora.privacidad import buscador_de_nombres
        from rutamejora.reglas import alumnos_nombrados_en, personal_de, textos_suprimidos

        self.publica = audiencia == "comunidad"
        self._personal = personal_de(ruta)
        self._suprimidos = textos_suprimidos(ruta)
        # Un alumno nombrado en algún texto de la Ruta se calla en todos.
        self._ya_nombrados = buscador_de_nombres(alumnos_nombrados_en(ruta))
        # Lo ya dicho: un texto se repite en un informe (un rubro, un responsable, un acuerdo en
        # varias secciones) y cada vez pasaría por el detector y los cambios para la comunidad.
        self._dichos: dict[tuple, str] = {}
        self._propios: set[str] = set()   # los nombres propios que ya dijo ``propio``
        self.roles = {p.id: rol(p) for p in ruta.colectivo if p.id}
        # Un nombre propio se imprime, pero un teléfono o una CURP escritos junto a él no.
        self.nombres = {p.id: self.propio(p.nombre) for p in ruta.colectivo if p.id and p.nombre}
        self.organos = {p.id: self.propio(p.nombre) for p in ruta.comunidad if p.id and p.nombre}
        riesgos = (ruta.diagnostico.alumnos_en_riesgo or []) if ruta.diagnostico is not None else []
        self.codigos = sorted({str(c) for r in riesgos for c in r.codigos or [] if c},
                              key=lambda c: (-len(c), c))
        # Los patrones se arman una vez por Voz, no por texto: un informe pasa miles de textos.
        # ``_algun_codigo`` dice si hay alguno (una sola búsqueda); si lo hay, se reemplazan uno
        # por uno, del más largo al más corto, como siempre.
        self._codigos = [(c, re.compile(r"(?<![\w-])" + re.escape(c) + r"(?![\w-])")) for c in self.codigos]
        self._algun_codigo = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, self.codigos)) + r")(?![\w-])") \
            if self.codigos else None
        # Nombres del colectivo → su función. Cuenta también una parte del nombre de dos o más
        # palabras seguidas, sin importar mayúsculas ni acentos («profr. Ramírez Ochoa»,
        # «ROSA ELENA MENDEZ»): así escribe la gente en las actas.
        self._nombres_a_rol = [(_patron_de_nombre(p.nombre), _minuscula(rol(p)))
                               for p in sorted(ruta.colectivo, key=lambda p: -len(p.nombre or ""))
                               if p.nombre and len(p.nombre.split()) >= 2]
        # Una búsqueda con todos: si ninguno está en el texto, no se prueba uno por uno.
        self._algun_nombre = re.compile("|".join(f"(?:{p.pattern})" for p, _ in self._nombres_a_rol),
                                        re.IGNORECASE) if self._nombres_a_rol else None
        # Las claves del colectivo (DIR, DOC3) en los textos → su función. Solo claves con una
        # mayúscula o un número: una clave en minúsculas («la») se confundiría con palabras.
        claves = sorted((i for i in self.roles if i != i.lower()), key=lambda i: (-len(i), i))
        self._ids = re.compile(r"\b(" + "|".join(map(re.escape, claves)) + r")\b") if claves else None

    def responsable(self, id_: str) -> str:
        """Quién responde por una acción, como lo puede leer esta audiencia."""
        if id_ in self.organos:
            return self.organos[id_]
        if id_ in self.roles:
            if self.publica:
                return self.roles[id_]
            return f"{self.nombres[id_]} ({_minuscula(self.roles[id_])})" if id_ in self.nombres \
                else self.roles[id_]
        # Un id que no está en el colectivo ni en la comunidad (validar ya lo marca): puede ser
        # el nombre de alguien escrito donde va un id, y pasa por el detector como un código.
        return self._sin_datos(str(id_), CODIGOS)

    def texto(self, valor) -> str | None:
        """Un texto libre de la Ruta, sin datos personales; para la comunidad, además sin
        códigos de alumno y con el personal por su función."""
        if valor is None:
            return None
        texto = " ".join(str(valor).split())
        if not texto:
            return texto
        texto = self._sin_datos(texto, pasajes=self.publica)
        if not self.publica or texto == SALUD_OMITIDA:
            return texto
        # Para las familias, con comillas tipográficas: “Acompañar…”, no "Acompañar…".
        return Dicho(comillas(self._publico(texto)))

    def dato(self, valor) -> str | None:
        """Un dato corto de la Ruta (la localidad, el municipio, la zona), tal cual salvo los
        datos personales, cambiados por su marcador de informe."""
        if valor is None:
            return None
        return self._sin_datos(str(valor))

    def propio(self, valor) -> str | None:
        """Un nombre propio (el de la escuela, el de una persona del colectivo, el de un
        órgano): un nombre de persona ahí no cuenta («Carmen Serdán»), pero un teléfono, una
        CURP o un correo escritos junto a él sí se cambian por su marcador."""
        if valor is None:
            return None
        if len(str(valor).strip()) > 3:
            self._propios.add(str(valor).strip())  # ``sanear`` lo reconoce dentro de otro texto
        return self._sin_datos(str(valor), sin_nombres=True)

    def codigo(self, valor) -> str:
        """Un código de alumno (la autoridad los ve): un nombre o un apodo escrito donde va
        un código no pasa."""
        return self._sin_datos(str(valor), CODIGOS)

    def _sin_datos(self, texto: str, contexto: str | None = None, sin_nombres: bool = False,
                   pasajes: bool = False) -> str:
        """``texto`` con cada dato personal cambiado por su marcador de informe; entero por
        «[salud]» si liga un detalle de salud a alumnos; con ``pasajes``, cada oración con un
        dato cambiada por «[pasaje omitido por privacidad]». Las clases que una supresión en su
        línea declaró que no son datos personales se quedan. Cada texto se juzga una vez. Sin
        caracteres de control (un «\\e[31m» escrito en el YAML pintaría la terminal de quien
        lee el informe en ella)."""
        llave = (texto, contexto, sin_nombres, pasajes)
        if llave not in self._dichos:
            self._dichos[llave] = Dicho(self._juzgar(texto.translate(_SIN_CONTROL), contexto,
                                                     sin_nombres, pasajes=pasajes))
        return self._dichos[llave]

    def _juzgar(self, texto: str, contexto: str | None, sin_nombres: bool, propios=(),
                pasajes: bool = False) -> str:
        """``propios``: los tramos (inicio, fin) de ``texto`` que son un nombre propio: un
        nombre ahí no cuenta (con ``sin_nombres``, el texto entero lo es). ``pasajes``: el texto
        es para las familias y la oración con un dato no sale (``_sin_pasajes``)."""
        hallazgos = detectar(texto, personal=self._personal, contexto=contexto)
        if self._ya_nombrados is not None:
            hallazgos += self._ya_nombrados(texto)
        if not hallazgos:
            return texto
        permitidas = set(self._suprimidos.get(texto) or ())
        if sin_nombres or propios:
            # Un nombre propio (el de una persona del colectivo, el de un órgano, el de la
            # escuela) no cuenta, salvo el de un alumno que nombre («Padres de Juanito Pérez»).
            hallazgos = [h for h in hallazgos if h.clase != NOMBRE or de_un_alumno(texto, h) or not (
                sin_nombres or any(a <= h.inicio and h.fin <= b for a, b in propios))]
        if permitidas:  # solo los datos que calla una supresión en su línea
            hallazgos = [h for h in hallazgos if (h.clase, " ".join(h.texto.split())) not in permitidas]
        if not hallazgos:
            return texto
        if any(h.clase == SALUD for h in hallazgos):
            return SALUD_OMITIDA
        if pasajes:
            return _sin_pasajes(texto, hallazgos)
        return enmascarar(texto, hallazgos, INFORME)

    def sanear(self, datos):
        """``datos`` (el contexto de un informe: diccionarios, listas y textos) con cada texto
        que no pasó por la voz juzgado como un dato: un id, una clave de catálogo, un grado o
        un encabezado armado con ellos. Con ``--con-errores`` un valor inválido llega tal cual
        («accion: Kevin Pérez 5548129037»): aquí pierde sus datos personales (y, para la
        comunidad, los códigos de alumno), sin más cambios, así que las claves que las
        plantillas comparan («en_curso», «lograda») quedan igual. Lo ya dicho (``Dicho``) y el
        marcado ya armado (``Markup``: las gráficas, hechas con textos ya dichos) no se tocan.
        Es la segunda revisión de lo que se imprime: el contexto entero, no campo por campo."""
        # Copias, nunca en su lugar: el contexto comparte listas y diccionarios con los
        # catálogos del marco (leídos una vez por proceso), que no deben cambiar.
        tipo = type(datos)
        if tipo is str:
            return self._como_dato(datos)
        if tipo is dict:
            return {clave: self.sanear(valor) for clave, valor in datos.items()}
        if tipo is list:
            return [self.sanear(valor) for valor in datos]
        if tipo is tuple:
            return tuple(self.sanear(valor) for valor in datos)
        return datos

    def _como_dato(self, texto: str) -> str:
        """Un texto que no pasó por la voz, sin datos personales. Si lleva un nombre propio ya
        dicho (la escuela entre comillas, «Escuela: …»: ``comillas`` y las f-strings pierden la
        marca ``Dicho``), ahí un nombre no cuenta. Los códigos de alumno no se buscan: aquí
        van ids, cantidades y claves, que coinciden con un código sin serlo («A1», «7»)."""
        if not texto:
            return texto
        llave = (texto, "sanear")
        if llave not in self._dichos:
            limpio = texto.translate(_SIN_CONTROL)
            propios = [(i, i + len(p)) for p in self._propios if (i := limpio.find(p)) >= 0]
            self._dichos[llave] = Dicho(self._juzgar(limpio, None, False, propios, self.publica))
        return self._dichos[llave]

    def textos(self, valores) -> list[str]:
        return [t for t in (self.texto(v) for v in valores or []) if t]

    def _publico(self, texto: str) -> str:
        """Para la comunidad: sin códigos de alumno y con el personal por su función."""
        llave = (texto, "publico")
        if llave not in self._dichos:
            self._dichos[llave] = self._para_la_comunidad(texto)
        return self._dichos[llave]

    def _para_la_comunidad(self, texto: str) -> str:
        if self._algun_codigo is not None and self._algun_codigo.search(texto):
            for codigo, patron in self._codigos:
                if codigo in texto:
                    texto = patron.sub(CODIGO_OMITIDO, texto)
        if self._algun_nombre is not None and self._algun_nombre.search(texto):
            for patron, funcion in self._nombres_a_rol:
                texto = patron.sub(funcion, texto)
        if self._ids is not None:
            texto = self._ids.sub(lambda m: _minuscula(self.roles[m.group()]), texto)
        return texto[:1].upper() + texto[1:]  # «dirección entrega…» empieza una oración


def _sin_pasajes(texto: str, hallazgos) -> str:
    """``texto`` sin las oraciones que tienen un dato personal (``hallazgos``), para las
    familias: «Se revisó la lectura. El Chino no trajo la tarea.» → «Se revisó la lectura.
    [pasaje omitido por privacidad]». Una oración con el dato tapado («El [nombre] no trajo la
    tarea») sigue diciendo algo de ese niño; un aviso en su lugar dice que se omitió, sin
    decir de quién ni qué. Las oraciones omitidas seguidas dan un solo aviso."""
    cortes = [0, *_cortes(texto), len(texto)]
    partes: list[str] = []
    for inicio, fin in zip(cortes, cortes[1:]):
        if any(h.inicio < fin and inicio < h.fin for h in hallazgos):
            if not partes or partes[-1] != PASAJE_OMITIDO:
                partes.append(PASAJE_OMITIDO)
        elif texto[inicio:fin].strip():
            partes.append(texto[inicio:fin].strip())
    return " ".join(partes)


def _cortes(texto: str):
    """Dónde empieza cada oración tras la primera: no tras el punto de una abreviatura («Se citó
    al Sr. Juan Pérez») ni tras una sola mayúscula con punto («El alumno Kevin P. faltó»). Cortar
    ahí dejaba fuera del pasaje omitido lo que el niño hizo («[pasaje omitido…] faltó 12 días»)."""
    for m in _FIN_DE_ORACION.finditer(texto):
        if "\n" not in m.group() and texto[m.start() - 1] == ".":
            previo = _PALABRA_CON_PUNTO.search(texto, max(0, m.start() - 12), m.start())
            if previo is not None and (es_abreviatura(previo.group(1)) or _INICIAL.search(
                    texto, max(0, m.start() - 30), m.start())):
                continue
        yield m.end()


def _minuscula(texto: str) -> str:
    """«Docente de 3°A» → «docente de 3°A»; una sigla («USAER») se queda como está."""
    if len(texto) > 1 and texto[1].isupper():
        return texto
    return texto[:1].lower() + texto[1:]
