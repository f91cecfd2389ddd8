"""``nucleo.expresiones.compilar`` da exactamente el patrón de ``re.compile``, con la tabla o sin ella."""

from __future__ import annotations

import re
import sys

import pytest

from rutamejora.nucleo import compilar_expresiones, expresiones

TABLAS = compilar_expresiones.tablas_escritas()


def _iguales(a: re.Pattern, b: re.Pattern) -> None:
    # ``==`` entre patrones compara banderas, texto y el código del motor palabra por palabra.
    assert a == b
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)


@pytest.fixture
def tabla_nueva(monkeypatch):
    """Que ``compilar`` vuelva a leer la tabla (con lo que la prueba haya cambiado)."""
    monkeypatch.setattr(expresiones, "_tabla", None)
    yield
    expresiones._tabla = None


def test_cada_patron_de_la_biblioteca_esta_en_la_tabla_y_es_el_de_re():
    if expresiones.clave_de_version() not in TABLAS:
        pytest.skip(f"sin tabla para {expresiones.clave_de_version()}: compilar usa re.compile")
    patrones = compilar_expresiones.registradas()
    # Los de RM302 y los del detector de privacidad, por lo menos (los que costaban compilar).
    assert len(patrones) >= 60
    faltan = [p for p in patrones if p not in expresiones.tabla()]
    assert not faltan, ("rutamejora/nucleo/_expresiones/ está desactualizado: corre "
                        "`python -m rutamejora.nucleo.compilar_expresiones` (con --python para "
                        f"cada versión) y comitea el resultado. Faltan: {faltan[:3]}")
    for patron, banderas in patrones:
        _iguales(expresiones.compilar(patron, banderas), re.compile(patron, banderas))


def test_la_tabla_no_guarda_patrones_que_ya_no_se_usan():
    vigentes = set(compilar_expresiones.registradas())
    for clave, (_, _, entradas) in TABLAS.items():
        sobrantes = [(e[0], e[1]) for e in entradas if (e[0], e[1]) not in vigentes]
        assert not sobrantes, f"{clave}: patrones que ya nadie compila: {sobrantes[:3]}"


def test_un_patron_que_no_esta_en_la_tabla_se_compila_con_re(tabla_nueva):
    patron = r"(?P<nuevo>patr[oó]n que ninguna versión de la tabla trae)\s+\d+"
    assert (patron, re.IGNORECASE) not in expresiones.tabla()
    _iguales(expresiones.compilar(patron, re.IGNORECASE), re.compile(patron, re.IGNORECASE))


def test_una_tabla_de_otro_motor_no_se_usa(monkeypatch, tabla_nueva):
    clave = expresiones.clave_de_version()
    if clave not in TABLAS:
        pytest.skip(f"sin tabla para {clave}")
    magico, palabra, entradas = TABLAS[clave]
    monkeypatch.setattr(expresiones, "leer_tabla", lambda _clave: (magico + 1, palabra, entradas))
    assert expresiones.tabla() == {}
    patron, banderas = compilar_expresiones.registradas()[0]
    _iguales(expresiones.compilar(patron, banderas), re.compile(patron, banderas))


def test_un_codigo_que_el_motor_rechaza_se_compila_con_re(monkeypatch, tabla_nueva):
    patron = r"(?:uno|dos|tres)\s+(?P<cifra>\d+)"
    cierto = re.compile(patron)
    # Una palabra de código que no es ninguna instrucción: el motor la rechaza al validarla.
    basura = (0xFFFF).to_bytes(4, sys.byteorder)
    monkeypatch.setattr(expresiones, "_tabla", {(patron, 0): (
        cierto.flags, basura, cierto.groups, tuple(cierto.groupindex.items()), (None, "cifra"))})
    with pytest.raises(RuntimeError):
        expresiones._armar(patron, expresiones.tabla()[(patron, 0)])
    _iguales(expresiones.compilar(patron), cierto)


def test_la_llave_es_el_patron_entero_con_sus_banderas(monkeypatch, tabla_nueva):
    # El mismo texto con otras banderas es otro patrón: no toma el código del primero.
    patron = r"[a-z]+ \d"
    con = expresiones.compilar(patron, re.IGNORECASE)
    sin = expresiones.compilar(patron)
    _iguales(con, re.compile(patron, re.IGNORECASE))
    _iguales(sin, re.compile(patron))
    assert con.match("ABC 1") and not sin.match("ABC 1")


def test_regenerar_la_tabla_da_los_mismos_bytes():
    # Lo que el generador conserva de cada versión se vuelve a empacar igual: regenerar sin
    # cambiar ningún patrón no deja diferencias en git.
    anteriores = compilar_expresiones._anteriores(compilar_expresiones.registradas())
    assert sorted(anteriores) == sorted(TABLAS)
    for clave, (magico, palabra, entradas) in anteriores.items():
        archivo = compilar_expresiones.DESTINO / f"{clave}.marshal"
        assert compilar_expresiones.empacar(magico, palabra, entradas) == archivo.read_bytes()


def test_una_tabla_que_no_se_puede_leer_no_se_usa(monkeypatch, tmp_path, tabla_nueva):
    """Un archivo vacío, cortado o que no es una tabla: ``compilar`` usa ``re.compile``, sin error."""
    import _sre
    import marshal

    clave = expresiones.clave_de_version()
    entera = marshal.dumps((_sre.MAGIC, _sre.CODESIZE, (("a", 0, 0, b"", 0, (), (None,)),)))
    monkeypatch.setattr(expresiones, "archivo_de_tabla", lambda c: str(tmp_path / f"{c}.marshal"))
    patron, banderas = compilar_expresiones.registradas()[0]
    for contenido in (b"", b"\x00\x01basura", entera[:len(entera) // 2], marshal.dumps([1, 2]),
                      marshal.dumps((_sre.MAGIC, _sre.CODESIZE, (1, 2)))):
        (tmp_path / f"{clave}.marshal").write_bytes(contenido)
        expresiones._tabla = None
        assert expresiones.tabla() == {}, contenido
        _iguales(expresiones.compilar(patron, banderas), re.compile(patron, banderas))


def test_un_patron_de_bytes_se_compila_con_re_y_no_entra_en_la_tabla():
    antes = dict(expresiones.REGISTRADAS)
    patron = expresiones.compilar(rb"<dc:creator>(\w+)</dc:creator>")
    assert patron == re.compile(rb"<dc:creator>(\w+)</dc:creator>")
    assert expresiones.REGISTRADAS == antes
