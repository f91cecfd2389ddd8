"""``Voz`` arma sus patrones una vez y solo reemplaza cuando una búsqueda dice que hace falta:
debe dar lo mismo que reemplazar código por código y nombre por nombre en cada texto (como se
hacía antes), también con códigos que se traslapan o que aparecen dentro de lo omitido."""

from __future__ import annotations

import random
import re
from pathlib import Path

from rutamejora.formato import cargar
from rutamejora.informes import voz as V

EJEMPLO = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"
RAROS = ["A B", "B C D", "código", "X-1", "X-12", "3°A-07", "A.B"]


def _a_la_antigua(voz: V.Voz, texto: str) -> str:
    """Lo que hacía ``_publico`` antes: cada patrón armado y aplicado en cada texto."""
    for codigo in voz.codigos:
        texto = re.sub(r"(?<![\w-])" + re.escape(codigo) + r"(?![\w-])", V.CODIGO_OMITIDO, texto)
    for patron, funcion in voz._nombres_a_rol:
        texto = patron.sub(funcion, texto)
    if voz._ids is not None:
        texto = voz._ids.sub(lambda m: V._minuscula(voz.roles[m.group()]), texto)
    return texto[:1].upper() + texto[1:]


def test_los_patrones_de_una_vez_dan_lo_mismo():
    ruta, _ = cargar(EJEMPLO)
    riesgos = ruta.diagnostico.alumnos_en_riesgo
    riesgos[0].codigos = list(riesgos[0].codigos or []) + RAROS
    voz = V.Voz(ruta, "comunidad")
    nombres = [p.nombre for p in ruta.colectivo if p.nombre]
    piezas = voz.codigos + RAROS + ["A B C D", "[código]"] + nombres + [n.upper() for n in nombres] + \
        [" ".join(n.split()[1:]) for n in nombres] + [p.id for p in ruta.colectivo if p.id] + \
        ["tiene", "con", "y", "la", "-", ",", "."]
    azar = random.Random(11)
    for _ in range(3000):
        texto = " ".join(azar.choice(piezas) for _ in range(azar.randint(1, 8)))
        assert voz._publico(texto) == _a_la_antigua(voz, texto), texto


def test_un_tramo_de_solo_particulas_no_es_un_nombre():
    # «María de la Luz Sánchez Rojas»: «de la» está en cualquier texto (revisión de la verdad).
    patron = V._patron_de_nombre("María de la Luz Sánchez Rojas")
    texto = "La maestra de la USAER trabaja con María de la Luz y con Luz Sánchez."
    assert patron.sub("docente de 2°A", texto) == (
        "La maestra de la USAER trabaja con docente de 2°A y con docente de 2°A.")
    assert V._patron_de_nombre("Rocío").search("Rocío llegó") is None


def test_una_parte_del_nombre_que_es_un_lugar_o_un_personaje_no_se_cambia():
    # Revisión de las salidas: «museo de San Juan» salía como «museo de docente de 3°A».
    patron = V._patron_de_nombre("Pedro San Juan Lima")
    texto = "Visita al museo de San Juan con Pedro San Juan Lima y con San Juan Lima."
    assert patron.sub("docente de 3°A", texto) == (
        "Visita al museo de San Juan con docente de 3°A y con docente de 3°A.")
    patron = V._patron_de_nombre("Benito Juárez López")
    assert patron.sub("dirección", "Escuela Benito Juárez; firma Benito Juárez López y Juárez López.") == (
        "Escuela Benito Juárez; firma dirección y dirección.")
    # El nombre entero siempre cuenta, aunque sea el de un personaje.
    assert V._patron_de_nombre("Susana San Juan").sub("docente", "Susana San Juan y San Juan") == (
        "docente y San Juan")
