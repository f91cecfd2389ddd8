"""Los conjuntos del detector de nombres (``nombres``), armados una vez por proceso desde los
catálogos: nombres de pila, apellidos, diminutivos, palabras comunes, señales y personajes; y las
palabras sin las que ``nombres.buscar`` no encuentra nada (el filtro de ``detector``)."""

from __future__ import annotations

from functools import lru_cache

from rutamejora.privacidad.catalogo import (PALABRA, PARTICULAS, diminutivos_de, nombres, personajes,
                                            plegar, senales)


class Datos:
    """Los conjuntos del detector de nombres, armados una vez."""

    def __init__(self):
        n = nombres()
        fuera = n.get("excluir", frozenset())
        self.pila = (n.get("pila", frozenset()) | n.get("diminutivos", frozenset())) - fuera
        self.apellidos = n.get("apellidos", frozenset()) - fuera
        self.comunes = n.get("comunes", frozenset())
        # Nombres que en un texto sin caja se leen como la palabra («ropa de paca», «simón dice»).
        self.comunes_sin_caja = n.get("comunes_sin_caja", frozenset())
        self.todos = self.pila | self.apellidos
        self.fuertes = self.todos - self.comunes
        s = senales()
        self.alumno = s["alumno"]
        self.familiar = s["familiar"]
        self.cargo = s["cargo"]
        self.obra = s["obra_lugar"]
        self.estados = s["estados"]
        self.abreviaturas = s["abreviaturas"].entradas
        self.vacios = s["codigo_vacio"].entradas
        self.salud = s["salud"]
        # Los apodos de alumnos y lo que, a su lado, los vuelve un nombre (``apodos.sueltos``).
        self.apodos = s["apodo"].entradas
        self.apodo_antes = s["apodo_antes"]
        self.apodo_hace = s["apodo_hace"]
        self.apodo_recibe = s["apodo_recibe"]
        # Lo que solo se dice de un alumno: lo único que, tras un apodo que [apodo] no trae, basta
        # con lo que hace o le hacen («el Tesorero entregó», «al Sindicato le mandaron», no).
        self.apodo_fuerte = s["apodo_fuerte"]
        # Un apodo que el catálogo no trae solo se busca con una de estas palabras en el texto
        # (lo que solo hace o le hacen a un alumno, quién va antes): son raras en una Ruta
        # (``apodos``). Con su detalle de salud lo busca ``salud``.
        self.evidencia_apodo = frozenset(self.apodo_fuerte.claves | self.apodo_antes.claves)
        self.no_apodo = s["no_apodo"].entradas
        self.tema = s["tema"]
        # Un nombre de pila solo entre comillas tras ellas no es de un alumno («el papel de
        # "José"», «el perrito "Max"»); tras «de», solo tras una de ``de_alumno`` («el dibujo
        # de "Valentina"», no «el examen de "Planea"»): ``obras.persona_citada``.
        self.cita_no_persona = s["cita_no_persona"]
        self.de_alumno = s["de_alumno"]
        # Palabras que tras un familiar no son un nombre («Los papás de Tercero»).
        self.no_nombre = s["no_nombre"].entradas | s["salud"].claves
        indice: dict[str, list[frozenset[str]]] = {}
        for personaje in personajes():
            for palabra in personaje:
                indice.setdefault(palabra, []).append(personaje)
        self.personajes = indice


@lru_cache(maxsize=1)
def datos() -> Datos:
    return Datos()


def disparadores() -> tuple[frozenset[str], frozenset[str]]:
    """(palabras, comienzos de cinco letras): fuera de un campo de códigos, un texto plegado sin
    ninguna de ellas y sin un diminutivo con mayúscula (``DIMINUTIVO_CON_MAYUSCULA``) no tiene nombres
    para ``buscar``: ni nombres fuertes, ni palabras comunes, ni apodos, ni «el alumno» delante."""
    d = datos()
    return (d.fuertes | d.comunes | d.apodos | d.alumno.claves | d.familiar.claves,
            frozenset(d.alumno.claves_prefijo | d.familiar.claves_prefijo))


def del_catalogo() -> frozenset[str]:
    """Los nombres, apellidos y palabras comunes del catálogo. Fuera de un campo de códigos, un
    texto sin ninguna y sin un diminutivo con mayúscula solo puede tener el nombre de un alumno
    justo después de «alumno», «niña», «estudiante» o un familiar
    (``nombres.nada_tras_alumno``): es lo único que ``buscar`` encuentra sin el catálogo (ni sin
    un apodo: «el alumno de 3° al que le dicen el Chino»)."""
    d = datos()
    return d.fuertes | d.comunes | d.apodos



@lru_cache(maxsize=64)
def conjuntos_de_personal(personal: tuple[str, ...]) -> tuple[frozenset[str], ...]:
    """Las palabras (plegadas, sin partículas) del nombre de cada persona del personal, con los
    diminutivos de sus nombres («Guadalupe» → «lupita», «lupe»)."""
    tabla = diminutivos_de()
    conjuntos = []
    for nombre in personal:
        palabras = {p for p in PALABRA.findall(plegar(str(nombre or ""))) if p not in PARTICULAS}
        for palabra in list(palabras):
            palabras |= tabla.get(palabra, frozenset())
        if palabras:
            conjuntos.append(frozenset(palabras))
    return tuple(conjuntos)
