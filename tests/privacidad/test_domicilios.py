"""Domicilios de personas (RM504): una calle con su número, salvo la de la escuela o la de un
lugar público. Del detector a ``validar`` y a los informes que leen las familias."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.privacidad import DOMICILIO, detectar

runner = CliRunner()
FRASES = yaml.safe_load((Path(__file__).parent.parent / "datos" / "privacidad" / "domicilios.yaml")
                        .read_text(encoding="utf-8"))["frases"]


def _domicilios(texto: str) -> list[str]:
    return [h.texto for h in detectar(texto) if h.clase == DOMICILIO]


@pytest.mark.parametrize("texto, esperado", [
    ("Se visitó el domicilio del alumno de 4° B en calle Aldama 214, col. Centro.",
     ["calle Aldama 214, col. Centro"]),
    ("Dirección particular de la tutora: Calle 5 de Mayo No. 310", ["Calle 5 de Mayo No. 310"]),
    ("VIVE EN CALLE 3 SUR 1102 CON SU ABUELA", ["CALLE 3 SUR 1102"]),
    ("Viven en Mz. 4 Lt. 12, Fracc. Las Flores", ["Mz. 4 Lt. 12, Fracc. Las Flores"]),
    ("la familia vive en c. hidalgo s/n, barrio san miguel", ["c. hidalgo s/n, barrio san miguel"]),
    ("Se mudaron a carretera a Tlaxcala km 3.5", ["carretera a Tlaxcala km 3.5"]),
    ("Vive en calle Aldama 214 y su mamá trabaja 3 turnos", ["calle Aldama 214"]),
    ("Se reporta al DIF el caso, con domicilio en Avenida Revolución número 1457, colonia Guadalupe Inn.",
     ["Avenida Revolución número 1457, colonia Guadalupe Inn"]),
])
def test_domicilio_de_una_persona(texto, esperado):
    assert _domicilios(texto) == esperado


@pytest.mark.parametrize("texto", [
    "La escuela está en la calle Morelos 15, frente al mercado.",
    "Reunión en la calle principal con la APF el 12 de mayo.",
    "Av. Hermanos Serdán y calle 16 de Septiembre.",
    "2 alumnos se dieron de baja por cambio de domicilio.",
    "La Dirección escolar está en el edificio B, calle Juárez 5.",
    "Domicilio conocido, San Pedro.",
    "La casa de la cultura en Av. Juárez 300 presta el auditorio.",
])
def test_lo_que_no_es_la_casa_de_nadie(texto):
    assert _domicilios(texto) == []


def test_frases_etiquetadas():
    """Cada domicilio etiquetado queda cubierto entero (salvo los tres que se saben: una colonia
    sin «col.», un barrio tras «Centro» y «Camino Real a …»), y ninguna dirección de la escuela
    o de un lugar público se toma por domicilio."""
    incompletos, falsas = [], []
    for frase in FRASES:
        texto, tramo = frase["texto"], frase["domicilio"]
        hallados = [h for h in detectar(texto) if h.clase == DOMICILIO]
        if tramo is None:
            falsas += [texto] if hallados else []
            continue
        inicio = texto.index(tramo)
        cubierto = {i for h in hallados for i in range(h.inicio, h.fin)}
        if not set(range(inicio, inicio + len(tramo))) <= cubierto:
            incompletos.append(tramo)
    assert falsas == []
    assert incompletos == ["Calle 60 No. 512 x 65 y 67, Centro",
                           "Camino Real a Cholula #1108, barrio de Jesús Tlatempa",
                           "Cerrada Tulipán manzana 3 lote 17, Los Héroes Tecámac"]
    assert sum(f["domicilio"] is not None for f in FRASES) == 58


_ACTIVIDAD = "Lectura diaria de 20 minutos al iniciar la jornada en 3° a 6°, con preguntas antes,"


def _correr(*args) -> tuple[int, str]:
    r = runner.invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout + r.stderr


def test_validar_e_informes_no_dicen_el_domicilio(sembrar, tmp_path):
    carpeta = sembrar(tmp_path / "ruta", (("acciones.yaml", _ACTIVIDAD,
                                           "Visitas a la familia que vive en Priv. de los Pinos 12,"
                                           " col. La Joya, con preguntas antes,"),))
    codigo, salida = _correr("validar", carpeta, "--fecha", "2026-07-15", "-f", "json")
    assert codigo == 1
    rm504 = [(p["archivo"], p["linea"], p["mensaje"]) for p in json.loads(salida)["rutas"][0]["problemas"]
             if p["codigo"] == "RM504"]
    assert rm504 == [("acciones.yaml", 12,
                      "Acción A1 (actividad): hay el domicilio de una persona en la Ruta.")]
    assert "Pinos" not in salida and "La Joya" not in salida
    for audiencia in ("comunidad", "autoridad"):
        codigo, informe = _correr("informe", carpeta, "-t", "planeacion", "-a", audiencia,
                                  "--con-errores", "--fecha", "2026-07-15")
        assert codigo == 0, audiencia
        assert "Visitas a la familia que vive en \\[domicilio\\]" in informe, audiencia
        assert "Pinos" not in informe and "La Joya" not in informe, audiencia
