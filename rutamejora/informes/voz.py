"""La voz de cada audiencia: cómo se nombra a las personas y qué texto libre puede imprimirse.

**Privacidad.** La audiencia ``comunidad`` (madres, padres y tutores) no recibe datos de
personas: el contexto mismo ya no los trae, así que ninguna plantilla (tampoco una propia con
``--plantillas``) puede mostrarlos. Los responsables aparecen por su función («Docente de
3°A», «Dirección») o por su órgano (APF, CEPS); los alumnos, solo en cantidades; de los
textos libres se quitan los códigos de alumno, las CURP, los contactos y los nombres completos
que no son del colectivo, y un texto que junta un dato de salud con un alumno identificable se
omite entero. La audiencia ``autoridad`` (supervisión) lleva el detalle: nombres del colectivo
y códigos de alumnos en riesgo.

Posee ``Voz`` (la de una audiencia), ``rol`` (la función pública de un integrante del
colectivo) y los textos que sustituyen lo omitido (``OMITIDO``, ``TEXTO_DE_SALUD_OMITIDO``).
"""

from __future__ import annotations

import re

from rutamejora.formato.modelo import Ruta
from rutamejora.informes.formas import comillas

_FUNCIONES = {"director": "Dirección", "subdirector": "Subdirección", "docente": "Docente",
              "docente_especial": "Docente de educación especial",
              "educacion_fisica": "Educación física", "usaer": "USAER",
              "apoyo": "Personal de apoyo", "administrativo": "Personal administrativo",
              "supervisor": "Supervisión escolar", "atp": "Asesoría técnica pedagógica"}
_ALUMNO_NOMBRADO = re.compile(r"\b(el|la)\s+(alumn[oa]|niñ[oa]|estudiante)\s+[A-ZÁÉÍÓÚÑ]\w+")
OMITIDO = "[dato omitido]"
TEXTO_DE_SALUD_OMITIDO = "(Se omite este texto: habla de la salud de un alumno.)"


def rol(persona) -> str:
    """«Docente de 3°A», «Dirección»: la función pública de un integrante del colectivo."""
    base = _FUNCIONES.get(persona.funcion or "", "Integrante del colectivo")
    if persona.funcion == "docente" and persona.grupo:
        return f"{base} de {persona.grupo}"
    return base


def _patron_de_nombre(nombre: str) -> re.Pattern:
    """Cualquier tramo de dos o más palabras seguidas de ``nombre``, sin importar mayúsculas
    ni acentos; los tramos más largos primero."""
    from rutamejora.reglas.privacidad import sin_acentos

    palabras = nombre.split()
    tramos = sorted({tuple(palabras[i:j]) for i in range(len(palabras))
                     for j in range(i + 2, len(palabras) + 1)}, key=lambda t: -len(t))
    alternativas = [r"\s+".join(sin_acentos(p) for p in tramo) for tramo in tramos]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternativas) + r")(?!\w)", re.IGNORECASE)


class Voz:
    """Cómo se nombra a las personas y qué texto libre puede salir para cada audiencia."""

    def __init__(self, ruta: Ruta, audiencia: str):
        from rutamejora.catalogos import datos_de, normalizar
        from rutamejora.reglas import privacidad

        self.publica = audiencia == "comunidad"
        self._normalizar = normalizar
        self._privacidad = privacidad
        self.roles = {p.id: rol(p) for p in ruta.colectivo if p.id}
        self.nombres = {p.id: p.nombre for p in ruta.colectivo if p.id and p.nombre}
        self.organos = {p.id: p.nombre for p in ruta.comunidad if p.id and p.nombre}
        riesgos = (ruta.diagnostico.alumnos_en_riesgo or []) if ruta.diagnostico is not None else []
        self.codigos = sorted({str(c) for r in riesgos for c in r.codigos or [] if c},
                              key=lambda c: (-len(c), c))
        permitidos = [p.nombre for p in ruta.colectivo + ruta.comunidad if p.nombre]
        if ruta.escuela is not None and ruta.escuela.nombre:
            permitidos.append(ruta.escuela.nombre)
        permitidos += list(datos_de("privacidad.yaml").get("personajes") or [])
        self._permitidos = [normalizar(n) for n in permitidos]
        # Nombres del colectivo → su función. Cuenta también una parte del nombre de dos o más
        # palabras seguidas, sin importar mayúsculas ni acentos («profr. Ramírez Ochoa»,
        # «ROSA ELENA MENDEZ»): así escribe la gente en las actas.
        self._nombres_a_rol = [(_patron_de_nombre(p.nombre), rol(p))
                               for p in sorted(ruta.colectivo, key=lambda p: -len(p.nombre or ""))
                               if p.nombre and len(p.nombre.split()) >= 2]
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
        return id_

    def texto(self, valor) -> str | None:
        """Un texto libre de la Ruta: tal cual para la autoridad; sin datos personales para la
        comunidad."""
        if valor is None:
            return None
        texto = " ".join(str(valor).split())
        if not self.publica or not texto:
            return texto
        # Para las familias, con comillas tipográficas: “Acompañar…”, no "Acompañar…".
        return comillas(self._publico(texto))

    def textos(self, valores) -> list[str]:
        return [t for t in (self.texto(v) for v in valores or []) if t]

    def _publico(self, texto: str) -> str:
        priv = self._privacidad
        nombres_ajenos = [n for n in priv.nombres_completos(texto) if not self._permitido(n)]
        identificable = (any(self._hay_codigo(c, texto) for c in self.codigos) or nombres_ajenos
                         or _ALUMNO_NOMBRADO.search(texto) or priv.CURP.search(texto))
        if identificable and priv.termino_de_salud(texto):
            return TEXTO_DE_SALUD_OMITIDO
        texto = priv.CURP.sub(OMITIDO, texto)
        texto = priv.CORREO.sub(OMITIDO, texto)
        texto = priv.TELEFONO.sub(lambda m: OMITIDO if sum(c.isdigit() for c in m.group()) >= 10
                                  else m.group(), texto)
        for codigo in self.codigos:
            texto = re.sub(r"(?<![\w-])" + re.escape(codigo) + r"(?![\w-])", OMITIDO, texto)
        for nombre in nombres_ajenos:
            texto = texto.replace(nombre, "[nombre omitido]")
        for patron, funcion in self._nombres_a_rol:
            texto = patron.sub(_minuscula(funcion), texto)
        if self._ids is not None:
            texto = self._ids.sub(lambda m: _minuscula(self.roles[m.group()]), texto)
        return texto[:1].upper() + texto[1:]  # «dirección entrega…» empieza una oración

    def _hay_codigo(self, codigo: str, texto: str) -> bool:
        return re.search(r"(?<![\w-])" + re.escape(codigo) + r"(?![\w-])", texto) is not None

    def _permitido(self, nombre: str) -> bool:
        forma = self._normalizar(nombre)
        return any(forma == p or forma in p for p in self._permitidos)


def _minuscula(texto: str) -> str:
    """«Docente de 3°A» → «docente de 3°A»; una sigla («USAER») se queda como está."""
    if len(texto) > 1 and texto[1].isupper():
        return texto
    return texto[:1].lower() + texto[1:]
