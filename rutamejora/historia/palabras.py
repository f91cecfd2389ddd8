"""Las palabras de un cambio: cómo se llama cada campo y cómo se escribe cada valor.

Un cambio se dice como lo diría el CTE: «valor meta 80 % → 70 %», «responsables DOC1 →
DOC1, DOC4», «costo $600.00 → $900.00», «fecha límite 12 jun 2026 → 19 jun 2026». El dinero
es ``Decimal`` y se escribe con ``vistas.pesos``; los valores de un catálogo del marco, con su
nombre; los textos largos, recortados. Los textos libres pasan por el detector de datos
personales (``privacidad``) antes de salir: un cambio se publica en un pull request.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal

from rutamejora.privacidad import detectar, enmascarar
from rutamejora.vistas import fecha_corta, numero, pesos

# El nombre de cada campo en un cambio (lo que no está aquí se escribe con espacios).
ETIQUETAS = {
    "valor_meta": "valor meta", "linea_base": "línea base", "fecha_limite": "fecha límite",
    "descripcion": "descripción", "de_que_manera": "de qué manera",
    "indicador.nombre": "indicador", "indicador.unidad": "unidad del indicador",
    "indicador.formula": "fórmula del indicador", "indicador.fuente": "fuente del dato",
    "actividad": "actividad", "ambito": "ámbito", "ambitos": "ámbitos",
    "responsable_seguimiento": "responsable del seguimiento",
    "evidencia_esperada": "evidencia esperada", "favorables": "factores favorables",
    "obstaculos": "obstáculos", "atenuacion": "cómo atenuarlos", "que": "qué",
    "para_que": "para qué", "funcion": "función", "plan_estudios": "plan de estudios",
    "inicio_clases": "inicio de clases", "fin_clases": "fin de clases",
    "fase_intensiva": "fase intensiva", "alumnos_en_riesgo": "alumnos en riesgo",
    "practicas": "prácticas", "codigos": "códigos", "situacion": "situación",
    "max_acciones_simultaneas": "acciones simultáneas por persona",
}
# Los tipos de ``alumnos_en_riesgo`` del diagnóstico (claves del esquema) como los lee una
# persona, tras una cantidad («21 en riesgo de no alcanzar los aprendizajes»): ``ruta cambios``
# y la zona los nombran así, nunca con su clave.
TIPOS_RIESGO = {"no_alcanzar_aprendizajes": "en riesgo de no alcanzar los aprendizajes",
                "no_ser_promovido": "en riesgo de no ser promovidos",
                "abandono": "en riesgo de abandono", "ausentismo": "con ausentismo",
                "lengua_indigena": "hablantes de lengua indígena", "migrante": "migrantes",
                "necesidades_educativas_especiales": "con necesidades educativas especiales"}
# Campos de dinero y de fecha (se escriben en pesos y como «19 jun 2026»).
DINERO = {"costo", "monto", "gasto", "por_semana", "por_mes", "total"}
# Largo máximo de un texto citado en un cambio (el resto se recorta con «…»).
LARGO = 70


def etiqueta(campo: str) -> str:
    return ETIQUETAS.get(campo, campo.replace("_", " ").replace(".", " de "))


class Voz:
    """Cómo se escriben los valores de una comparación: con el marco (nombres de catálogo) y
    el personal de las dos versiones (sus nombres no son datos de alumnos)."""

    def __init__(self, marco=None, personal=(), destino: str = "terminal"):
        self.marco = marco
        self.personal = tuple(personal)
        self.destino = destino
        self._nombres: dict[str, str] = {}
        if marco is not None:
            for catalogo in ("agrupacion", "ambitos"):
                for v in marco.valores(catalogo):
                    if v.get("clave") is not None and v.get("nombre"):
                        self._nombres[str(v["clave"])] = str(v["nombre"])
            # Los anexos de rasgos por su título, sin «Anexo 1.»: «Normalidad mínima escolar».
            for v in marco.valores("anexos"):
                if v.get("clave") is not None and v.get("titulo"):
                    titulo = str(v["titulo"]).split(". ", 1)[-1]
                    self._nombres.setdefault(str(v["clave"]), titulo)

    def texto(self, valor, largo: int = LARGO) -> str:
        """Un texto libre entre comillas, en una línea, recortado y sin datos personales."""
        limpio = self.limpio(valor)
        if len(limpio) > largo:
            limpio = limpio[:largo - 1].rstrip() + "…"
        return f"«{limpio}»"

    def limpio(self, valor) -> str:
        """Un texto libre en una línea y sin datos personales (enmascarados)."""
        texto = " ".join(str(valor).split())
        hallados = detectar(texto, personal=self.personal)
        return enmascarar(texto, hallados, self.destino) if hallados else texto

    def nombre(self, clave: str) -> str:
        """Un elemento de una lista sin id (un ámbito, un tipo de alumnos en riesgo ya en
        palabras): su nombre del catálogo del marco, o el texto sin comillas ni datos."""
        if clave in self._nombres:
            return self._nombres[clave]
        # Un rasgo es «anexo rasgo» («normalidad-minima 3»): el anexo por su nombre.
        anexo, _, rasgo = clave.partition(" ")
        if rasgo and anexo in self._nombres:
            return f"{self._nombres[anexo]}, rasgo {self.limpio(rasgo)}"
        return self.limpio(clave)

    def valor(self, campo: str, valor, unidad: str | None = None) -> str:
        """Un valor del modelo como se lee en un cambio."""
        if valor is None or valor == [] or valor == "":
            return "—"
        final = campo.rsplit(".", 1)[-1]
        if isinstance(valor, bool):
            return "sí" if valor else "no"
        if isinstance(valor, Decimal):
            if final in DINERO:
                return pesos(valor)
            return con_unidad(valor, unidad) if final in ("linea_base", "valor_meta", "valor") \
                else numero(valor)
        if isinstance(valor, int):
            return str(valor)
        if isinstance(valor, date):
            return fecha_corta(valor)
        if isinstance(valor, list):
            if all(isinstance(v, str) for v in valor) and all(len(v) <= 24 for v in valor):
                return ", ".join(self.valor(campo, v) for v in valor)
            if all(isinstance(v, dict) and "inicio" in v for v in valor):
                return "; ".join(periodo(v) for v in valor)
            return f"{len(valor)} elemento{'s' if len(valor) != 1 else ''}"
        if isinstance(valor, dict):
            if "inicio" in valor and "fin" in valor:
                return periodo(valor)
            return "…"
        texto = str(valor)
        if final in ("ambito", "prioridad", "ambitos") and texto in self._nombres:
            return self._nombres[texto]
        if len(texto) <= 24 and "\n" not in texto:
            return self.limpio(texto)
        return self.texto(texto)


def con_unidad(valor: Decimal, unidad: str | None) -> str:
    """46 → «46 %», 44 → «44 alumnos», 7.6 → «7.6»."""
    texto = numero(valor)
    if unidad == "porcentaje":
        return f"{texto} %"
    if unidad == "alumnos":
        return f"{texto} alumno{'' if valor == 1 else 's'}"
    if unidad == "nivel":
        return f"nivel {texto}"
    return texto


def periodo(p: dict) -> str:
    tramo = f"{fecha_corta(p.get('inicio'))}–{fecha_corta(p.get('fin'))}"
    return f"{p['nombre']} ({tramo})" if p.get("nombre") else tramo


def lista_y(elementos: list[str]) -> str:
    """«A7», «A7 y A8», «A6, A7 y A8»."""
    if len(elementos) < 2:
        return "".join(elementos)
    return ", ".join(elementos[:-1]) + " y " + elementos[-1]


def con_signo(cantidad: Decimal) -> str:
    """+$3,200.00 o -$600.00."""
    return ("+" if cantidad > 0 else "") + pesos(cantidad)
