"""Los catálogos del detector de privacidad: su forma, su fuente y lo que deben traer."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from rutamejora.privacidad import catalogo, patrones
from rutamejora.privacidad.catalogo import CARPETA, nombres, personajes, plegar, senales


def test_nombres_nombra_su_fuente_y_es_grande():
    texto = (CARPETA / "nombres.txt").read_text(encoding="utf-8")
    assert "Faker" in texto and "es_MX" in texto and "benchmarks/nombres.py" in texto
    n = nombres()
    assert len(n["pila"]) > 1500 and len(n["apellidos"]) > 1500
    # Los diminutivos que usan las escuelas.
    assert {"lupita", "pepe", "paco", "chuy", "memo", "lalo", "nacho"} <= n["diminutivos"]


def test_nombres_son_palabras_plegadas():
    for seccion, palabras in nombres().items():
        malas = sorted(p for p in palabras if not re.fullmatch(r"[a-z]+", p))
        assert not malas, f"[{seccion}] no plegadas: {malas[:10]}"


def test_personajes_y_senales_se_leen():
    assert any({"benito", "juarez"} <= personaje for personaje in personajes())
    s = senales()
    for seccion in ("salud", "tema", "obra_lugar", "cargo", "alumno", "familiar", "estados",
                    "telefono", "no_telefono", "lista_numeros", "codigo_vacio", "abreviaturas"):
        assert s[seccion].entradas, seccion


def test_comodines_con_al_menos_cinco_letras():
    """El filtro rápido de ``Frases`` mira las cinco primeras letras de cada palabra."""
    texto = (CARPETA / "senales.txt").read_text(encoding="utf-8")
    for renglon in texto.splitlines():
        renglon = renglon.split("#", 1)[0]
        for palabra in renglon.split():
            if palabra.endswith("*"):
                assert len(re.sub(r"[^a-z]", "", plegar(palabra))) >= 5, renglon


def test_plegar_conserva_el_largo():
    for texto in ("Ñandú ÁÉÍÓÚ üéx", "İstanbul", "niño 3° º", "plain ascii"):
        plano = plegar(texto)
        assert len(plano) == len(texto)
        assert plano == plano.lower()
    assert plegar("PEÑA Ávila") == "pena avila"


def test_diminutivos_de_nombres_del_catalogo():
    from rutamejora.privacidad.catalogo import diminutivos_de

    tabla = diminutivos_de()
    assert "lupita" in tabla["guadalupe"] and "pepe" in tabla["jose"]
    pila = nombres()["pila"]
    for nombre, diminutivos in tabla.items():
        assert nombre in pila, nombre
        assert all(re.fullmatch(r"[a-z]+", d) for d in diminutivos), nombre


def _plegar_letra_por_letra(texto: str) -> str:
    """La definición de ``plegar``: cada letra en minúscula y sin su acento, una por una (la
    «İ», cuya minúscula son dos letras, sin pasar a minúscula)."""
    minusculas = texto.lower()
    if len(minusculas) != len(texto):
        return texto.translate(catalogo.PLIEGUE)
    return "".join(catalogo._PLIEGUE_POR_LETRA.get(c, c) for c in minusculas)


def test_plegar_es_letra_por_letra_en_cada_caracter():
    # Cada carácter de Latin-1 y de los bloques latinos extendidos, solo y junto a otros de
    # fuera de Latin-1 (el camino rápido en bytes y el que no cabe en ellos dan lo mismo).
    for punto in range(0x20, 0x2100):
        letra = chr(punto)
        for texto in (letra, f"Á{letra}ñ", f"“{letra}”", f"a{letra}İ"):
            assert plegar(texto) == _plegar_letra_por_letra(texto), hex(punto)


@settings(max_examples=500, deadline=None)
@given(st.text(alphabet=st.characters(max_codepoint=0x2FF) | st.sampled_from("“”—…İ")))
def test_plegar_cualquier_texto(texto):
    assert plegar(texto) == _plegar_letra_por_letra(texto)


# ``patrones._POSIBLE`` reescrita para que empiece con un conjunto de caracteres: encuentra lo
# mismo que su definición.
_POSIBLE_DEF = re.compile(r"@|\d(?:\d{5}|(?:[().\- \t]{0,3}\d){6})")


@settings(max_examples=3000, deadline=None)
@given(st.lists(st.sampled_from(["@", "1", "2", "0", "٣", "-", ".", " ", "(", ")", "\t", "a", "\n"]),
                max_size=18).map("".join))
def test_posible_encuentra_lo_mismo_que_su_definicion(texto):
    assert [m.span() for m in patrones.POSIBLE.finditer(texto)] == \
        [m.span() for m in _POSIBLE_DEF.finditer(texto)]


def test_el_compilado_de_senales_esta_al_dia_y_da_lo_mismo():
    """``_compilado.py`` es ``python -m rutamejora.privacidad.compilar`` de hoy, y sus ``Frases``
    son las que se arman desde ``senales.txt``."""
    from rutamejora.privacidad import compilar
    from rutamejora.privacidad.catalogo import armar_senales, senales

    assert compilar.DESTINO.read_text(encoding="utf-8") == compilar.texto(), \
        "regenera con: python -m rutamejora.privacidad.compilar"
    armadas, leidas = armar_senales(), senales()
    assert sorted(leidas) == sorted(armadas)
    assert all(leidas[s].estado() == armadas[s].estado() for s in armadas)


def test_si_senales_cambio_y_no_se_regenero_se_arma_desde_el_texto(monkeypatch):
    from rutamejora.privacidad import _compilado, catalogo

    monkeypatch.setattr(_compilado, "HUELLA_SENALES", _compilado.HUELLA_SENALES + 1)
    assert catalogo._compiladas() is None
    monkeypatch.setattr(_compilado, "HUELLA_SENALES", catalogo.huella("senales.txt"))
    assert catalogo._compiladas() is _compilado.SENALES


# --- Frases: la clave del filtro y la búsqueda desde la clave -------------------------------


def test_la_clave_del_filtro_no_es_una_palabra_de_enlace():
    """«está con el DIF» se delata por «dif»: con «con», la mitad de los textos de una Ruta
    pasaban el filtro de salud y de nombres para nada."""
    frases = catalogo.Frases(["esta con el dif", "vive con su tia", "se fueron al otro lado"])
    assert frases.claves == {"dif", "vive", "lado"}
    assert not frases.podria(["la", "reunion", "con", "el", "director"])
    assert frases.podria(["esta", "con", "el", "dif"])


def _buscar_desde_cada_palabra(frases, palabras):
    """La búsqueda de antes (y su definición): en cada posición, de izquierda a derecha, la frase
    más larga que empieza ahí, probando las que empiezan con esa palabra; sin encimarse."""
    hallados, siguiente = [], 0
    for i in range(len(palabras)):
        if i >= siguiente and (largo := frases.en(palabras, i)):
            hallados.append((i, i + largo))
            siguiente = i + largo
    return hallados


def _escrita(entrada: str) -> list[str]:
    """Las palabras de una frase como estarían en un texto plegado («embarazad*» → «embarazadas»)."""
    return [re.sub(r"[^a-z]", "", p[:-1] + "as" if p.endswith("*") else p) for p in entrada.split()]


@settings(max_examples=1500, deadline=None)
@given(st.sampled_from(["salud", "familiar", "alumno", "cargo", "obra_lugar", "tema"]), st.data())
def test_buscar_desde_la_clave_da_lo_mismo_que_desde_cada_palabra(seccion, datos):
    """``Frases.buscar`` prueba cada frase desde su clave; da lo mismo que probarlas todas desde
    cada palabra (frases encimadas, repetidas, con comodín y sin él, la más larga en cada lugar)."""
    frases = senales()[seccion]
    entradas = sorted(frases.entradas)
    sueltas = sorted({p for e in entradas for p in _escrita(e)} | {"la", "de", "con", "y"})
    trozos = datos.draw(st.lists(st.one_of(st.sampled_from(sueltas).map(lambda p: [p]),
                                           st.sampled_from(entradas).map(_escrita)), max_size=12))
    palabras = [p for trozo in trozos for p in trozo if p]
    assert frases.buscar(palabras) == _buscar_desde_cada_palabra(frases, palabras)


def test_buscar_desde_la_clave_en_frases_encimadas():
    frases = catalogo.Frases(["violencia familiar", "violencia", "familiar", "tiene violencia*",
                              "embarazad*", "esta con el dif"])
    palabras = "tiene violencias familiar y esta con el dif esta embarazada".split()
    assert frases.buscar(palabras) == [(0, 2), (2, 3), (4, 8), (9, 10)]
    assert frases.buscar(palabras) == _buscar_desde_cada_palabra(frases, palabras)
