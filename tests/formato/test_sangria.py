"""Una clave con un espacio de más o de menos que sus hermanas se dice como sangría (RM001): la
línea, la columna donde empieza la clave, la de la clave anterior de su nivel y cuántos espacios
mover; no «`:` inesperado» con una pista de comillas. De una prueba como usuario nuevo."""

from __future__ import annotations

import pytest

RUTA = """\
version: 1
marco: rme-2014
ciclo: 2025-2026
escuela:
  nombre: Escuela Primaria "Benito Juárez"
  cct: 21DPR0123T
{nivel}
"""
METAS = """\
metas:
  - id: M1
{objetivo}
    indicador:
      nombre: Alumnos en nivel esperado
      unidad: porcentaje
{sentido}
    linea_base: 40
"""


def _problema(carpeta, validar_json, nombre: str, texto: str) -> dict:
    (carpeta / nombre).write_text(texto, encoding="utf-8")
    codigo, salida = validar_json(carpeta)
    assert codigo == 1, salida
    problemas = [p for r in salida["rutas"] for p in r["problemas"]
                 if p["archivo"] == nombre and p["codigo"] == "RM001"]
    assert len(problemas) == 1, problemas
    return problemas[0]


def _pista(clave: str, otra: str, que: str, linea: int) -> str:
    return (f"Alinea `{clave}` con `{otra}`: {que} al inicio de la línea {linea} (en YAML la "
            "sangría dice qué va dentro de qué).")


@pytest.mark.parametrize("nivel, columna, otra_columna, que", [
    ("   nivel: primaria", 4, 3, "quítale 1 espacio"),         # uno de más
    ("    nivel: primaria", 5, 3, "quítale 2 espacios"),       # dos de más
    (" nivel: primaria", 2, 3, "agrégale 1 espacio"),          # uno de menos: ningún nivel
], ids=["uno-de-mas", "dos-de-mas", "uno-de-menos"])
def test_en_un_mapa(ruta_minima, validar_json, nivel, columna, otra_columna, que):
    p = _problema(ruta_minima, validar_json, "ruta.yaml", RUTA.format(nivel=nivel))
    assert (p["linea"], p["columna"]) == (7, columna)
    assert p["mensaje"] == (f"La sangría no cuadra: la clave `nivel` empieza en la columna {columna} "
                            f"y la clave anterior de su nivel, `cct` (línea 6), en la columna "
                            f"{otra_columna}.")
    assert p["pista"] == _pista("nivel", "cct", que, 7)


@pytest.mark.parametrize("objetivo, columna, que", [
    ("     objetivo: O1", 6, "quítale 1 espacio"),
    ("       objetivo: O1", 8, "quítale 3 espacios"),
    ("   objetivo: O1", 4, "agrégale 1 espacio"),
], ids=["uno-de-mas", "tres-de-mas", "uno-de-menos"])
def test_en_el_mapa_de_un_elemento_de_lista(ruta_minima, validar_json, objetivo, columna, que):
    """La hermana de la primera clave tras `- id: M1` es `id`, en la columna después del guion."""
    texto = METAS.format(objetivo=objetivo, sentido="    sentido: aumentar")
    p = _problema(ruta_minima, validar_json, "metas.yaml", texto)
    assert (p["linea"], p["columna"]) == (3, columna)
    assert p["mensaje"] == (f"La sangría no cuadra: la clave `objetivo` empieza en la columna "
                            f"{columna} y la clave anterior de su nivel, `id` (línea 2), en la "
                            "columna 5.")
    assert p["pista"] == _pista("objetivo", "id", que, 3)


def test_uno_de_menos_tras_un_mapa_anidado(ruta_minima, validar_json):
    """`sentido` con un espacio de menos, después de las claves de `indicador` (columna 7): no
    cuadra con ningún nivel; su hermana es la clave anterior de la columna 5, `indicador`."""
    texto = METAS.format(objetivo="    objetivo: O1", sentido="   sentido: aumentar")
    p = _problema(ruta_minima, validar_json, "metas.yaml", texto)
    assert (p["linea"], p["columna"]) == (7, 4)
    assert p["mensaje"] == ("La sangría no cuadra: la clave `sentido` empieza en la columna 4 y la "
                            "clave anterior de su nivel, `indicador` (línea 4), en la columna 5.")
    assert p["pista"] == _pista("sentido", "indicador", "agrégale 1 espacio", 7)


def test_uno_de_mas_en_un_mapa_anidado(ruta_minima, validar_json):
    texto = METAS.format(objetivo="    objetivo: O1", sentido="    sentido: aumentar").replace(
        "      unidad:", "       unidad:")
    p = _problema(ruta_minima, validar_json, "metas.yaml", texto)
    assert (p["linea"], p["columna"]) == (6, 8)
    assert p["mensaje"] == ("La sangría no cuadra: la clave `unidad` empieza en la columna 8 y la "
                            "clave anterior de su nivel, `nombre` (línea 5), en la columna 7.")
    assert p["pista"] == _pista("unidad", "nombre", "quítale 1 espacio", 6)


def test_un_texto_con_dos_puntos_sigue_siendo_de_comillas(ruta_minima, validar_json):
    """Una línea con sangría de más que no empieza con un campo del formato puede ser la
    continuación de un texto con `: `: la pista de siempre, la de las comillas."""
    texto = METAS.format(objetivo="    objetivo: O1\n    descripcion: Aumentar los alumnos\n"
                                  "      leen: de 40 a 60", sentido="    sentido: aumentar")
    p = _problema(ruta_minima, validar_json, "metas.yaml", texto)
    assert (p["linea"], p["mensaje"]) == (5, "Aquí no puede empezar un valor (`:` inesperado).")
    assert p["pista"] == ("¿Falta un salto de línea o unas comillas? Un texto con `: ` debe ir "
                          "entre comillas.")
