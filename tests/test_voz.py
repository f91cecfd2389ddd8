"""Una voz: cada texto que lee el usuario le habla de tú («Escribe», «agrégalo»), nunca de usted
(«Confirme», «agréguelo») ni de ustedes («Revisen»). El estilo está en docs/estilo.md.

La prueba recorre el catálogo de lo que la gente lee: los textos de las reglas (su explicación,
la de ``ruta explicar`` y docs/reglas.md), los textos del código (mensajes, pistas, preguntas,
ayudas de los comandos y sus opciones: toda cadena que no es el docstring de un módulo, una
clase o una función interna), los docstrings de los comandos (su ayuda), los valores de los
catálogos YAML (las pistas de los marcos) y las plantillas (los comentarios que ``ruta nueva``
escribe en la Ruta y los informes).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest
import yaml

RAIZ = Path(__file__).resolve().parents[1]
PAQUETE = RAIZ / "rutamejora"

# Las formas de usted y de ustedes, con el porqué de cada grupo:
#
# - Imperativos de usted y de ustedes de los verbos con que se dan pistas («Confirme»,
#   «Revisen»). Son iguales al subjuntivo («que diga», «hasta que lo corrija»), así que solo
#   cuentan al empezar una frase o una orden: al principio, tras «.», «:», «;», «,», «¿», «¡»,
#   «(», ««», una raya o «y»/«o». Un subjuntivo va tras «que», «cuando», «si»…, nunca ahí.
# - Imperativos con pronombre pegado («agréguelo», «bórrela»): solo existen en usted (el de tú
#   es «agrégalo»), así que cuentan en cualquier lugar.
# - «usted», «ustedes» y las fórmulas de cortesía de usted («le sugerimos», «le recomendamos»).
# - «su» dirigido al lector: «su escuela», «su entidad» (en la voz de tú, «tu escuela»). El
#   posesivo de tercera persona («la meta y su indicador», «cada escuela… en su ruta.yaml») es
#   correcto en la voz de tú y no cuenta: por eso no se busca «su» a secas.
_IMPERATIVOS = {
    "agregue", "agreguen", "anote", "anoten", "borre", "borren", "cambie", "cambien", "capture",
    "capturen", "complete", "completen", "compruebe", "comprueben", "confirme", "confirmen",
    "consulte", "consulten", "copie", "copien", "corrija", "corrijan", "cree", "creen", "defina",
    "definan", "deje", "dejen", "divida", "dividan", "elija", "elijan", "escriba", "escriban",
    "evite", "eviten", "guarde", "guarden", "indique", "indiquen", "intente", "intenten",
    "llene", "llenen", "mida", "midan", "mueva", "muevan", "pase", "pasen", "ponga", "pongan",
    "pruebe", "prueben", "quite", "quiten", "reemplace", "reemplacen", "registre", "registren",
    "revise", "revisen", "separe", "separen", "sustituya", "sustituyan", "use", "usen",
    "utilice", "utilicen", "verifique", "verifiquen", "vuelva", "vuelvan", "haga", "hagan",
    "diga", "digan", "asegúrese", "asegúrense", "fíjese", "fíjense",
}
_INICIO = r"(?:^|[.:;,¿¡(«\"—–]\s*|\s[-–—]\s+|\b[yo]\s+)"
_IMPERATIVO = re.compile(_INICIO + r"(" + "|".join(sorted(_IMPERATIVOS, key=len, reverse=True))
                         + r")\b", re.IGNORECASE | re.MULTILINE)
# Imperativo de usted (o de ustedes, con «n») con pronombre pegado: la raíz acentuada de usted
# («agrégue-», «escríba-») más lo/la/los/las/le/les/se. El de tú es otro («agrégalo»,
# «escríbelo»), así que cuentan en cualquier lugar.
_RAICES_USTED = (
    "agrégue", "bórre", "cámbie", "quíte", "anóte", "revíse", "confírme", "compléte", "lléne",
    "cópie", "guárde", "úse", "regístre", "sepáre", "déje", "compruébe", "reempláce",
    "verifíque", "indíque", "captúre", "muéstre", "escríba", "corríja", "defína", "pónga",
    "hága", "muéva", "elíja", "vuélva", "sustitúya", "divída", "asegúre", "fíje",
)
_ENCLITICO = re.compile(r"\b(?:" + "|".join(_RAICES_USTED) + r")n?(?:lo|la|los|las|le|les|se|nos)\b",
                        re.IGNORECASE)
_PRONOMBRES = re.compile(r"\b(usted|ustedes|le sugerimos|le recomendamos|les sugerimos|"
                         r"les recomendamos|su entidad|su escuela)\b", re.IGNORECASE)


def formas_de_usted(texto: str) -> list[str]:
    """Las formas de usted o de ustedes de ``texto`` (vacía si habla de tú o impersonal)."""
    hallado = [m.group(1) for m in _IMPERATIVO.finditer(texto)]
    hallado += [m.group(0) for m in _ENCLITICO.finditer(texto)]
    hallado += [m.group(0) for m in _PRONOMBRES.finditer(texto)]
    return hallado


# --- El catálogo de lo que la gente lee ------------------------------------------------------


def _cadenas_de(archivo: Path):
    """Las cadenas de un módulo que llegan al usuario: todas salvo los docstrings de módulos,
    clases y funciones (que leen los programadores); en ``commands`` también los docstrings de
    las funciones públicas, que son la ayuda de cada comando. Las partes fijas de un f-string
    cuentan por separado."""
    arbol = ast.parse(archivo.read_text(encoding="utf-8"))
    docstrings = set()
    for nodo in ast.walk(arbol):
        if isinstance(nodo, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            cuerpo = nodo.body
            if cuerpo and isinstance(cuerpo[0], ast.Expr) and isinstance(cuerpo[0].value, ast.Constant):
                es_ayuda = "commands" in archivo.parts and isinstance(nodo, ast.FunctionDef) \
                    and not nodo.name.startswith("_")
                if not es_ayuda:
                    docstrings.add(id(cuerpo[0].value))
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Constant) and isinstance(nodo.value, str) and id(nodo) not in docstrings:
            yield nodo.lineno, nodo.value


def _textos_del_codigo():
    for archivo in sorted(PAQUETE.rglob("*.py")):
        if archivo.name == "_compilado.py":
            continue  # los catálogos compilados: se revisan en su YAML
        for linea, texto in _cadenas_de(archivo):
            yield f"{archivo.relative_to(RAIZ)}:{linea}", texto


def _textos_de_las_reglas():
    from rutamejora.reglas.registro import registradas

    for regla in registradas():
        yield f"regla {regla.codigo}", regla.doc


def _cadenas_yaml(dato):
    if isinstance(dato, str):
        yield dato
    elif isinstance(dato, dict):
        for v in dato.values():
            yield from _cadenas_yaml(v)
    elif isinstance(dato, list):
        for v in dato:
            yield from _cadenas_yaml(v)


def _textos_de_los_catalogos():
    for archivo in sorted((PAQUETE / "catalogos").rglob("*.yaml")):
        texto = archivo.read_text(encoding="utf-8")
        # Los comentarios también: ``ruta nueva`` copia algunos a la Ruta.
        for i, linea in enumerate(texto.splitlines(), 1):
            if linea.lstrip().startswith("#"):
                yield f"{archivo.relative_to(RAIZ)}:{i}", linea
        for valor in _cadenas_yaml(yaml.safe_load(texto)):
            yield f"{archivo.relative_to(RAIZ)}", valor


def _textos_de_las_plantillas():
    for archivo in sorted((RAIZ / "plantillas").rglob("*.j2")):
        for i, linea in enumerate(archivo.read_text(encoding="utf-8").splitlines(), 1):
            yield f"{archivo.relative_to(RAIZ)}:{i}", linea


def catalogo():
    yield from _textos_de_las_reglas()
    yield from _textos_del_codigo()
    yield from _textos_de_los_catalogos()
    yield from _textos_de_las_plantillas()


def test_el_catalogo_de_mensajes_habla_de_tu():
    halladas = [f"{origen}: {formas} en «{texto.strip()[:120]}»"
                for origen, texto in catalogo() if (formas := formas_de_usted(texto))]
    assert halladas == []


def test_el_catalogo_no_esta_vacio():
    # Que la prueba de arriba no pase por no leer nada: cada fuente aporta textos.
    origenes = {o.split(" ")[0].split(":")[0].split("/")[0] for o, _ in catalogo()}
    assert {"regla", "rutamejora", "plantillas"} <= origenes
    assert sum(1 for _ in _textos_de_las_reglas()) >= 35
    assert any("Escribe" in t for _, t in _textos_del_codigo())


# --- El detector mismo: encuentra usted y ustedes, deja pasar tú y el subjuntivo --------------


@pytest.mark.parametrize("texto,esperado", [
    ("Revise el día y el mes (AAAA-MM-DD).", ["Revise"]),
    ("Algunas fechas del catálogo son estimadas. estimado: confirme con el calendario oficial.",
     ["confirme"]),
    ("Siguiente paso: el diagnóstico. Revisen con `ruta validar`.", ["Revisen"]),
    ("Ejemplo (quiten el `[]` y escriban una por bloque):", ["quiten", "escriban"]),
    ("Cada integrante del CTE asume alguna tarea: agréguelo a `responsables`.", ["agréguelo"]),
    ("Si es a propósito, bórrela del archivo.", ["bórrela"]),
    ("Si su entidad recorrió alguna fecha, escribe solo lo que cambia.", ["su entidad"]),
    ("Le sugerimos escribir la cifra.", ["Le sugerimos"]),
    ("Ustedes eligen el orden.", ["Ustedes"]),
    ("Corrige el año; agregue los recesos.", ["agregue"]),
])
def test_el_detector_encuentra_usted_y_ustedes(texto, esperado):
    assert formas_de_usted(texto) == esperado


@pytest.mark.parametrize("texto", [
    "Escribe la fecha como AAAA-MM-DD: `2026-06-26`.",
    "Cada integrante del CTE asume alguna tarea: agrégalo a `responsables`.",
    "Algunas fechas del catálogo son estimadas (`estimado: true`): confírmalas con el calendario oficial.",
    "Que el texto diga lo que se hará.",
    "El valor sigue siendo un error hasta que el usuario lo corrija.",
    "Cada meta con su indicador y su fórmula.",
    "Los círculos de lectura, la matrícula y las prácticas del artículo 109.",
    "Usa un código interno o una cantidad.",
])
def test_el_detector_deja_pasar_tu_e_impersonal(texto):
    assert formas_de_usted(texto) == []
