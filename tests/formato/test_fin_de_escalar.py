"""``Nodo.fin``: dónde termina cada escalar en el texto del archivo, para leer lo que le sigue en
su línea (un `#` que cortó el texto, RM123)."""

from __future__ import annotations

from rutamejora.formato.lectura import Documento, construir


def _arbol(texto: str):
    return construir(texto, Documento(nombre="x.yaml", ruta=None, texto=texto))


def test_el_fin_de_cada_escalar_es_el_caracter_que_le_sigue():
    texto = "a: Sesión ñandú #2 con familias\nb:  Taller\n  de lectura  # nota\nc: \"citado\" #x\nd: [uno, dos]\n"
    raiz = _arbol(texto)
    a, b, c, d = (raiz.valor[k] for k in "abcd")
    assert texto[a.fin:].startswith(" #2 con familias")
    assert b.texto == "Taller de lectura" and texto[b.fin:].startswith("  # nota")
    assert texto[c.fin:].startswith(" #x")
    assert [texto[n.fin] for n in d.valor] == [",", "]"]


def test_con_finales_de_linea_de_windows():
    texto = "a: Taller #2\r\nb: Grupo #1\r\n"
    raiz = _arbol(texto)
    assert [texto[raiz.valor[k].fin:raiz.valor[k].fin + 3] for k in "ab"] == [" #2", " #1"]
