"""Un nombre de pila solo en un texto sin caja (todo en minúsculas o todo en mayúsculas): la caja
no distingue ahí un nombre, y uno que no es palabra común cuenta como con mayúscula."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from rutamejora.privacidad import NOMBRE, detectar

FRASES = yaml.safe_load((Path(__file__).parent.parent / "datos" / "privacidad" / "nombres_sin_caja.yaml")
                        .read_text(encoding="utf-8"))["frases"]


def _nombres(texto: str) -> list[str]:
    return [h.texto for h in detectar(texto) if h.clase == NOMBRE]


@pytest.mark.parametrize("texto, esperado", [
    ("hoy faltó juan", ["juan"]),
    ("hoy falto brayan otra vez", ["brayan"]),
    ("HOY FALTÓ BRAYAN", ["BRAYAN"]),
    ("kevin y yaretzi pelearon en el recreo", ["kevin", "yaretzi"]),
    ("LA CALIFICACIÓN MÁXIMA FUE 9", []),
    ("pedir a tránsito el cierre de la calle", []),
    ("¡JESÚS! SE NOS OLVIDÓ EL OFICIO", []),
    ("LECTURA: EL LLANO EN LLAMAS DE JUAN RULFO", []),
    ("visita a santiago de querétaro", []),
    ("ANA ES LA MEJOR", []),  # en mayúsculas, tres letras o menos es más bien una sigla
    ("hoy faltó ian", ["ian"]),  # en minúsculas, sí
    ("Se habló con brayan", []),  # en un texto con caja, en minúsculas y solo no cuenta
    ("hoy faltó brayan, se avisó a la USAER", ["brayan"]),  # una sigla no le da caja al texto
    # Con una palabra con mayúscula inicial, el texto tiene caja: en minúsculas y solo no cuenta.
    ("hoy tampoco vino ximena, vive en calle Aldama 214", []),
    ("ruta: no existe el marco «xyz». Los marcos son: `pmc-2024`.", []),
    ("¡felicidades a kevin!", ["kevin"]),
    ("venta de ropa de paca para juntar fondos", []),
    ("JUEGO DE SIMÓN DICE", []),
    ("la banda de guerra tocó diana", []),
    ("el viacrucis de jesús en semana santa", []),
])
def test_nombre_solo_sin_caja(texto, esperado):
    assert _nombres(texto) == esperado


def test_frases_etiquetadas():
    """Cada nombre etiquetado encontrado salvo los que se saben (palabras comunes solas, siglas
    de tres letras), y ninguna falsa alarma."""
    perdidos, falsas = [], []
    for frase in FRASES:
        texto = frase["texto"]
        hallados = [h for h in detectar(texto) if h.clase == NOMBRE]
        cubierto = {i for h in hallados for i in range(h.inicio, h.fin)}
        etiquetado = set()
        for nombre in frase["nombres"]:
            inicio = texto.index(nombre)
            tramo = set(range(inicio, inicio + len(nombre)))
            etiquetado |= tramo
            if not tramo & cubierto:
                perdidos.append(nombre)
        falsas += [h.texto for h in hallados if not set(range(h.inicio, h.fin)) & etiquetado]
    assert falsas == []  # «CENTRO DE SALUD GUADALUPE» ya es una institución, no una persona
    # «rocío», «ESPERANZA», «DOLORES» y «refugio» van tras «don», «la señora» o «la mamá», y
    # «ángel», «ROSA ISELA», tras «el papá» o con «isela» en el catálogo: ya se hallan. «LUZ
    # ELENA» tras «BECA A»: la beca es para ella.
    assert sorted(perdidos) == sorted(["paz", "PETRA", "VICTORIA", "ZOE", "IAN"])
    assert sum(len(f["nombres"]) for f in FRASES) == 95
