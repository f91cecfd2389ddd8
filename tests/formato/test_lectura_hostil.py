"""Archivos hostiles o raros en una Ruta: cada uno da su código, su línea y un mensaje en español,
nunca un traceback, un cuelgue ni un código de salida 2.

No necesitan ../shared: los casos se arman aquí sobre la Ruta mínima (``ruta_minima``).
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from rutamejora.formato import lectura

MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
ARCHIVOS = ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml", "metas.yaml",
            "acciones.yaml", "bitacora.yaml")


def escribir(carpeta: Path, nombre: str, contenido: str | bytes) -> None:
    """Escribe bytes tal cual (un ``str`` va en UTF-8, sin traducir los saltos de línea)."""
    datos = contenido.encode("utf-8") if isinstance(contenido, str) else contenido
    (carpeta / nombre).write_bytes(datos)


def problemas_de(salida: dict, archivo: str) -> list[dict]:
    """Los problemas de ``archivo`` (sin el aviso informativo RM901 de verificación omitida)."""
    [ruta] = salida["rutas"]
    return [p for p in ruta["problemas"] if p["archivo"] == archivo and p["codigo"] != "RM901"]


def con_codigo(salida: dict, archivo: str, codigo: str) -> list[dict]:
    return [p for p in problemas_de(salida, archivo) if p["codigo"] == codigo]


def unico(salida: dict, archivo: str, codigo: str) -> dict:
    """El único problema ``codigo`` de ``archivo`` (falla si hay cero o más de uno)."""
    hallados = con_codigo(salida, archivo, codigo)
    assert len(hallados) == 1, f"se esperaba un {codigo} en {archivo}: {problemas_de(salida, archivo)}"
    return hallados[0]


def validar_roto(carpeta: Path, validar_json, nombre: str, contenido) -> dict:
    """Pone ``contenido`` en ``nombre`` y valida: debe salir con 1 (errores en los archivos)."""
    escribir(carpeta, nombre, contenido)
    codigo, salida = validar_json(carpeta)
    assert codigo == 1, salida
    return salida


# --- Codificación (RM006) ---------------------------------------------------------------------


def test_latin1_nombra_la_codificacion(ruta_minima, validar_json):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml",
                          "descripcion: Comprensión lectora\n".encode("latin-1"))
    p = unico(salida, "metas.yaml", "RM006")
    assert (p["linea"], p["columna"]) == (1, 23)
    assert "Latin-1" in p["mensaje"] and "UTF-8" in p["mensaje"]
    assert "UTF-8" in p["pista"]


def test_windows_1252_con_comillas_curvas(ruta_minima, validar_json):
    texto = "metas:\n  - id: M1\n    descripcion: “Leer más”\n"
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto.encode("cp1252"))
    p = unico(salida, "metas.yaml", "RM006")
    assert (p["linea"], p["columna"]) == (3, 18)
    assert "Windows-1252" in p["mensaje"]


@pytest.mark.parametrize("datos, nombre", [
    ("metas: []\n".encode("utf-16"), "UTF-16"),                   # con BOM (la del sistema)
    (b"\xfe\xff" + "metas: []\n".encode("utf-16-be"), "UTF-16"),  # con BOM big-endian
    ("metas: []\n".encode("utf-16-le"), "UTF-16"),                # sin BOM: bytes nulos
    ("metas: []\n".encode("utf-32"), "UTF-32"),
], ids=["utf16-bom", "utf16be-bom", "utf16-sin-bom", "utf32"])
def test_utf16_y_utf32(ruta_minima, validar_json, datos, nombre):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", datos)
    p = unico(salida, "metas.yaml", "RM006")
    assert p["linea"] == 1
    assert nombre in p["mensaje"]
    assert not con_codigo(salida, "metas.yaml", "RM001")


def test_bom_utf8_y_crlf_se_aceptan_sin_un_solo_problema(ruta_minima, validar_json):
    """El Bloc de notas guarda con BOM y CRLF: la Ruta mínima así sigue limpia."""
    codigo_base, base = validar_json(ruta_minima)
    for nombre in ARCHIVOS:
        texto = (ruta_minima / nombre).read_bytes()
        escribir(ruta_minima, nombre, b"\xef\xbb\xbf" + texto.replace(b"\n", b"\r\n"))
    codigo, salida = validar_json(ruta_minima)
    assert codigo_base == codigo == 0
    assert salida["rutas"][0]["problemas"] == base["rutas"][0]["problemas"] == []


def test_crlf_no_desplaza_las_lineas(ruta_minima, validar_json):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml",
                          b"\xef\xbb\xbfmetas:\r\n  - id: M1\r\n    id: M2\r\n")
    p = unico(salida, "metas.yaml", "RM002")
    assert (p["linea"], p["columna"]) == (3, 5)


# --- Tabuladores (RM007), vacíos (RM008), tamaño (RM009) ---------------------------------------


@pytest.mark.parametrize("texto, linea", [
    ("metas:\n\t- id: M1\n", 2),
    ("metas:\n  - id: M1\n\t  objetivo: O1\n", 3),
    ("metas:\n  - id: M1\n    objetivo: O1\n  \t  sentido: aumentar\n", 4),
], ids=["primer-nivel", "tab-al-inicio", "tab-tras-espacios"])
def test_tabulador_en_la_sangria(ruta_minima, validar_json, texto, linea):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    p = unico(salida, "metas.yaml", "RM007")
    assert p["linea"] == linea
    assert "tabulador" in p["mensaje"]
    assert not con_codigo(salida, "metas.yaml", "RM001")


@pytest.mark.parametrize("contenido, frase", [
    (b"", "vacío"),
    (b"\n  \n\n", "vacío"),
    (b"\xef\xbb\xbf", "vacío"),
    (b"# solo\n# comentarios\n", "solo tiene comentarios"),
    (b"---\n# nada\n...\n", "solo tiene comentarios"),
    (b"~\n", "no hay datos"),
], ids=["vacio", "espacios", "solo-bom", "comentarios", "documento-vacio", "nulo"])
def test_archivo_vacio_o_solo_comentarios(ruta_minima, validar_json, contenido, frase):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", contenido)
    p = unico(salida, "metas.yaml", "RM008")
    assert p["linea"] == 1
    assert frase in p["mensaje"]


def test_archivo_demasiado_grande(ruta_minima, validar_json):
    datos = b"#" + b"x" * (lectura.LIMITE_BYTES - 1) + b"\n"  # LIMITE_BYTES + 1 bytes
    assert len(datos) == lectura.LIMITE_BYTES + 1
    salida = validar_roto(ruta_minima, validar_json, "acciones.yaml", datos)
    p = unico(salida, "acciones.yaml", "RM009")
    assert p["linea"] == 0  # es del archivo entero
    assert "límite" in p["mensaje"] and "MB" in p["mensaje"]
    assert [q["codigo"] for q in problemas_de(salida, "acciones.yaml")] == ["RM009"]


def test_justo_en_el_limite_se_lee(ruta_minima, validar_json):
    datos = b"#" + b"x" * (lectura.LIMITE_BYTES - 2) + b"\n"
    assert len(datos) == lectura.LIMITE_BYTES
    salida = validar_roto(ruta_minima, validar_json, "acciones.yaml", datos)
    assert not con_codigo(salida, "acciones.yaml", "RM009")
    unico(salida, "acciones.yaml", "RM008")  # se leyó: solo tiene un comentario


# --- Claves duplicadas, anclas, etiquetas, documentos (RM002–RM005) ----------------------------


def test_clave_duplicada_en_la_segunda_con_la_primera_en_el_mensaje(ruta_minima, validar_json):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml",
                          "metas:\n  - id: M1\n    objetivo: O1\n    id: M2\n")
    p = unico(salida, "metas.yaml", "RM002")
    assert (p["linea"], p["columna"]) == (4, 5)
    assert p["ruta_yaml"] == "metas[0].id"
    assert "`id`" in p["mensaje"] and "línea 2" in p["mensaje"]


def test_clave_duplicada_al_final_de_ruta_yaml(ruta_minima, validar_json):
    texto = (MINIMA / "ruta.yaml").read_text(encoding="utf-8")
    linea_original = texto.splitlines().index("ciclo: 2025-2026") + 1
    salida = validar_roto(ruta_minima, validar_json, "ruta.yaml", texto + "ciclo: 2024-2025\n")
    p = unico(salida, "ruta.yaml", "RM002")
    assert p["linea"] == len(texto.splitlines()) + 1
    assert f"línea {linea_original}" in p["mensaje"]


def test_ancla_y_alias_una_sola_vez(ruta_minima, validar_json):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml",
                          "metas:\n  - &meta\n    id: M1\n  - *meta\n  - *meta\n")
    p = unico(salida, "metas.yaml", "RM003")
    assert (p["linea"], p["columna"]) == (2, 5)
    assert "anclas" in p["mensaje"]


def test_bomba_de_alias_un_solo_rm003_y_sin_expandir(ruta_minima, validar_json):
    """«Billion laughs»: nueve niveles de 9 alias serían 9⁹ elementos si se expandieran."""
    nueve = lambda x: "[" + ", ".join([x] * 9) + "]"  # noqa: E731
    lineas = ["a: &a " + nueve('"x"')]
    for anterior, actual in zip("abcdefgh", "bcdefghi"):
        lineas.append(f"{actual}: &{actual} " + nueve(f"*{anterior}"))
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", "\n".join(lineas) + "\n")
    p = unico(salida, "metas.yaml", "RM003")
    assert (p["linea"], p["columna"]) == (1, 4)
    assert len(problemas_de(salida, "metas.yaml")) < 20


@pytest.mark.parametrize("texto, etiqueta, linea, columna", [
    ("metas: !!binary aGk=\n", "!!binary", 1, 8),
    ("metas: !mio []\n", "!mio", 1, 8),
    ("metas:\n  - !!map {id: M1}\n", "!!map", 2, 5),
    ("metas:\n  - id: !!str M1\n", "!!str", 2, 9),
], ids=["binary", "propia", "map", "str"])
def test_etiquetas(ruta_minima, validar_json, texto, etiqueta, linea, columna):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    p = unico(salida, "metas.yaml", "RM004")
    assert (p["linea"], p["columna"]) == (linea, columna)
    assert f"`{etiqueta}`" in p["mensaje"]


@pytest.mark.parametrize("texto, linea", [
    ("metas: []\n---\nmetas: []\n", 2),
    ("---\nmetas: []\n---\nmetas: []\n", 3),
    ("# cabecera\n---\nmetas: []\n...\n---\nmetas: []\n", 5),
], ids=["dos", "con-inicio", "con-fin"])
def test_varios_documentos_en_el_segundo_separador(ruta_minima, validar_json, texto, linea):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    p = unico(salida, "metas.yaml", "RM005")
    assert (p["linea"], p["columna"]) == (linea, 1)
    assert "más de un documento" in p["mensaje"]


# --- Sintaxis (RM001) -------------------------------------------------------------------------


@pytest.mark.parametrize("texto, linea, columna, frase", [
    ("metas: [\n  {id: M1},\n", 3, 1, "Falta un valor"),                # `[` sin cerrar, al final
    ("metas: [{id: M1}\notra: 1\n", 2, 1, "`]`"),                        # `[` sin cerrar, sigue algo
    ("metas:\n  - id: M1\n    objetivo: O1\n   descripcion: x\n", 4, 4, "sangría"),
    ("metas: a: b\n", 1, 9, "`:` inesperado"),
    ("metas:\n  - id: M1\n    objetivo: O1: O2\n", 3, 17, "`:` inesperado"),
    ('metas:\n  - id: "M1\n    objetivo: O1\n', 4, 1, "termina antes de tiempo"),
    ('metas:\n  - id: "M\\q1"\n', 2, 11, "escape"),
    ("metas: @x\n", 1, 8, "no puede iniciar"),
], ids=["corchete-al-final", "corchete-y-mas", "sangria", "valor-con-dos-puntos",
        "dos-puntos-anidado", "comillas", "escape", "arroba"])
def test_errores_de_sintaxis(ruta_minima, validar_json, texto, linea, columna, frase):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    p = unico(salida, "metas.yaml", "RM001")
    assert (p["linea"], p["columna"]) == (linea, columna)
    assert frase in p["mensaje"]
    assert p["pista"]


@pytest.mark.parametrize("texto, linea, mensaje, pista", [
    ('metas: "\\xZZ"\n', 1,
     "Una secuencia `\\x`, `\\u` o `\\U` dentro de comillas dobles no trae sus cifras hexadecimales.",
     "Usa comillas simples o escribe `\\\\` para una diagonal invertida."),
    ('metas: "\\uD800"\n', 1, "Una secuencia `\\u` o `\\U` dentro de comillas dobles no es un carácter válido.",
     "Usa comillas simples o escribe `\\\\` para una diagonal invertida."),
    ("%meta: 60\nmetas: []\n", 1, "Una línea empieza con `%` y YAML la toma por una directiva.",
     "Pon el texto entre comillas (`\"%…\"`)."),
    # Un conflicto de git: se dice en la línea de su primera marca, sea cual sea el error.
    ("<<<<<<< HEAD\nmetas: []\n=======\nmetas: [a]\n>>>>>>> rama\n", 1,
     "El archivo tiene las marcas de un conflicto de git sin resolver (`<<<<<<<`, `=======`, `>>>>>>>`).",
     "Decide qué queda de cada versión, borra las tres marcas y vuelve a validar (`git diff` muestra "
     "las dos versiones)."),
    ("metas:\n  - id: M1\n<<<<<<< HEAD\n    descripcion: a\n=======\n    descripcion: b\n>>>>>>> x\n", 3,
     "El archivo tiene las marcas de un conflicto de git sin resolver (`<<<<<<<`, `=======`, `>>>>>>>`).",
     "Decide qué queda de cada versión, borra las tres marcas y vuelve a validar (`git diff` muestra "
     "las dos versiones)."),
    # De una prueba como usuario nuevo: sin «detalle técnico» en inglés.
    ('"x"\nmetas: []\n', 2,
     "Después de un valor completo sigue otra cosa al mismo nivel: el archivo quedó con dos raíces "
     "(una lista o un texto arriba y claves abajo).",
     "Lo de arriba va con sangría bajo su clave (`acciones:`) o se borra; las claves del primer "
     "nivel van al inicio de la línea."),
    ("metas:\n  - id: M1\n    descripcion: & lectura\n", 3,
     "Un valor empieza con `&` o `*`, que en YAML son un ancla y un alias.",
     "Pon el texto entre comillas (`\"& …\"`): en la Ruta no se usan anclas ni alias."),
    # El signo de la pista es el del valor, y la columna, donde empieza el valor.
    ("metas:\n  - id: M1\n    descripcion: * lectura\n", 3,
     "Un valor empieza con `&` o `*`, que en YAML son un ancla y un alias.",
     "Pon el texto entre comillas (`\"* …\"`): en la Ruta no se usan anclas ni alias."),
], ids=["hexadecimal", "unicode-invalido", "directiva", "conflicto", "conflicto-adentro", "dos-raices",
        "ampersand", "asterisco"])
def test_errores_de_sintaxis_en_espanol(ruta_minima, validar_json, texto, linea, mensaje, pista):
    """Sin «detalle técnico» en inglés: cada uno con su mensaje y su pista."""
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    p = unico(salida, "metas.yaml", "RM001")
    assert (p["linea"], p["mensaje"], p["pista"]) == (linea, mensaje, pista)


@pytest.mark.parametrize("texto, linea, columna", [
    ("metas: []\nnota: \x07\n", 2, 7),
    ("metas: []\n\x1b[31mrojo\n", 2, 1),
    ("metas: []\x0c\n", 1, 10),
    ("metas: []\nnota: a\x7f\n", 2, 8),
], ids=["campana", "escape-ansi", "salto-de-pagina", "suprimir"])
def test_caracteres_de_control(ruta_minima, validar_json, texto, linea, columna):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    p = unico(salida, "metas.yaml", "RM001")
    assert (p["linea"], p["columna"]) == (linea, columna)
    assert "caracteres de control" in p["mensaje"]


# --- Forma de la raíz (RM106) ------------------------------------------------------------------


@pytest.mark.parametrize("nombre, texto, linea, ruta_yaml, frase", [
    ("metas.yaml", "- a\n", 1, "", "no con una lista"),
    ("ruta.yaml", "- version: 1\n", 1, "", "no con una lista"),
    ("bitacora.yaml", "hola\n", 1, "", "no con el texto `hola`"),
    ("metas.yaml", "metas:\n  id: M1\n", 2, "metas", "debe ser una lista"),
    ("acciones.yaml", "acciones: A1\n", 1, "acciones", "debe ser una lista"),
], ids=["lista-en-metas", "lista-en-ruta", "texto-en-bitacora", "mapa-por-lista", "texto-por-lista"])
def test_raiz_o_lista_del_tipo_equivocado(ruta_minima, validar_json, nombre, texto, linea,
                                          ruta_yaml, frase):
    salida = validar_roto(ruta_minima, validar_json, nombre, texto)
    p = unico(salida, nombre, "RM106")
    assert (p["linea"], p["ruta_yaml"]) == (linea, ruta_yaml)
    assert frase in p["mensaje"]


# --- Anidamiento absurdo ----------------------------------------------------------------------


@pytest.mark.parametrize("texto", [
    "[" * 10000 + "]" * 10000 + "\n",
    "metas: " + "[" * 10000 + "]" * 10000 + "\n",
    "{" * 1000 + "}" * 1000 + "\n",
    "- " * 5000 + "x\n",
    "".join(" " * i + "a:\n" for i in range(500)) + " " * 500 + "x\n",
], ids=["lista-plana", "lista-en-metas", "mapa-plano", "lista-en-bloque", "mapa-en-bloque"])
def test_anidamiento_profundo_sin_recursion(ruta_minima, validar_json, texto):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    propios = problemas_de(salida, "metas.yaml")
    assert any(p["severidad"] == "error" for p in propios), propios


# --- Uso: carpetas que no son una Ruta (salida 2) ---------------------------------------------


def test_carpeta_inexistente(tmp_path, invocar):
    falta = tmp_path / "no-existe"
    r = invocar(["validar", str(falta), "--formato", "json", "--fecha", "2025-10-01"])
    assert r.exit_code == 2
    assert isinstance(r.exception, SystemExit)
    assert "no existe" in r.stderr and str(falta) in r.stderr
    assert "Traceback" not in r.output


def test_carpeta_sin_ruta(tmp_path, invocar):
    (tmp_path / "notas.txt").write_text("nada\n", encoding="utf-8")
    (tmp_path / "sub").mkdir()
    r = invocar(["validar", str(tmp_path), "--formato", "json", "--fecha", "2025-10-01"])
    assert r.exit_code == 2
    assert "no contiene una Ruta" in r.stderr
    assert "Traceback" not in r.output


# --- Validar nunca escribe --------------------------------------------------------------------


def test_validar_no_toca_una_ruta_rota(ruta_minima, invocar, huellas):
    escribir(ruta_minima, "ruta.yaml", "escuela:\n\tnombre: x\n")
    escribir(ruta_minima, "diagnostico.yaml", "fortalezas: [Lectura]\nfortalezas: [Otra]\n")
    escribir(ruta_minima, "prioridades.yaml", "descripcion: Comprensión\n".encode("latin-1"))
    escribir(ruta_minima, "objetivos.yaml", "objetivos: &o []\notros: *o\n")
    escribir(ruta_minima, "metas.yaml", "metas: [\n")
    (ruta_minima / "acciones.yaml").unlink()
    escribir(ruta_minima, "bitacora.yaml", b"\xef\xbb\xbfentradas: []\r\n---\r\nx: 1\r\n")
    escribir(ruta_minima, "notas.yml", "a: 1\n")
    antes = huellas(ruta_minima)
    for formato in ("texto", "json", "github"):
        r = invocar(["validar", str(ruta_minima), "--formato", formato, "--fecha", "2025-10-01"])
        assert r.exit_code == 1, r.output
        assert r.exception is None or isinstance(r.exception, SystemExit)
    assert huellas(ruta_minima) == antes


# --- Errores que tuvo la biblioteca: cada uno queda cubierto ------------------------------------


def test_caracter_de_control_tras_texto_con_acentos(ruta_minima, validar_json):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml",
                          "descripcion: Niñas y niños de educación básica\nnota: a\x07\n")
    p = unico(salida, "metas.yaml", "RM001")
    assert (p["linea"], p["columna"]) == (2, 8)


def test_caracter_de_control_con_saltos_cr(ruta_minima, validar_json):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", "metas: []\rnota: \x07\r")
    p = unico(salida, "metas.yaml", "RM001")
    assert (p["linea"], p["columna"]) == (2, 7)


def test_tabulador_valido_en_un_bloque_no_tapa_el_error_real(ruta_minima, validar_json):
    texto = ("metas:\n  - id: M1\n    descripcion: |\n      Leer\n      \tmás\n"
             "    objetivo: O1: O2\n")
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    assert not con_codigo(salida, "metas.yaml", "RM007")
    p = unico(salida, "metas.yaml", "RM001")
    assert p["linea"] == 6


def test_separador_de_linea_unicode_no_corre_las_lineas(ruta_minima, validar_json):
    texto = 'metas:\n  - id: M1\n    descripcion: "Leer\u2028más"\n    objetivo: O1: O2\n'
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    [p] = [q for q in problemas_de(salida, "metas.yaml") if q["severidad"] == "error"]
    assert p["linea"] == 4


@pytest.mark.parametrize("texto", ["--- !t\nmetas: []\n", "--- &a\nmetas: []\n"],
                         ids=["etiqueta", "ancla"])
def test_raiz_etiquetada_se_informa_una_vez(ruta_minima, validar_json, texto):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    assert len(problemas_de(salida, "metas.yaml")) == 1, problemas_de(salida, "metas.yaml")


def test_claves_no_escalares_anidadas_un_solo_rm001(ruta_minima, validar_json):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", "{" * 1000 + "}" * 1000 + "\n")
    assert len(con_codigo(salida, "metas.yaml", "RM001")) <= 1


def test_anidamiento_de_un_millon_de_niveles_no_cuelga(ruta_minima, validar_json):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml",
                          "[" * 1_000_000 + "]" * 1_000_000 + "\n")
    assert problemas_de(salida, "metas.yaml")


# --- Errores que tuvo la biblioteca: cada uno queda cubierto ------------------------------------


@pytest.mark.parametrize("texto", ["*a\n", "--- *a\n", "# nada\n*meta\n"],
                         ids=["alias", "tras-inicio", "tras-comentario"])
def test_alias_como_raiz_es_rm003_y_no_un_error_interno(ruta_minima, validar_json, texto):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    p = unico(salida, "metas.yaml", "RM003")
    assert p["linea"] == texto.count("\n", 0, texto.index("*")) + 1


@pytest.mark.parametrize("texto", [
    "metas: []\n# " + "[" * 70 + "\n",
    "metas:\n" + "".join(f'  - "ver anexo [{i}"\n' for i in range(70)),
    "metas: []\nnota: |\n" + "  {\n" * 70,
], ids=["comentario", "comillas", "bloque"])
def test_corchetes_dentro_de_textos_no_son_anidamiento(ruta_minima, validar_json, texto):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", texto)
    assert not con_codigo(salida, "metas.yaml", "RM010")


@pytest.mark.parametrize("datos, posicion", [
    ("metas: []\rnota: \xe9\r".encode("latin-1"), (2, 7)),
    ("d: ñx".encode("utf-8") + b"\xe9\n", (1, 6)),
], ids=["saltos-cr", "acento-antes"])
def test_posicion_de_un_byte_que_no_es_utf8(ruta_minima, validar_json, datos, posicion):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", datos)
    p = unico(salida, "metas.yaml", "RM006")
    assert (p["linea"], p["columna"]) == posicion


@pytest.mark.parametrize("salto", ["\n", "\r\n"],
                         ids=["lf", "crlf"])
def test_fin_de_archivo_sin_salto_final(ruta_minima, validar_json, salto):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml", f"metas:{salto}  - [")
    p = unico(salida, "metas.yaml", "RM001")
    assert (p["linea"], p["columna"]) == (2, 6)


@pytest.mark.parametrize("valor, columna", [("& lectura", 18), ("* lectura", 18), ("**Importante** lectura", 18),
                                            ("*Lectura* guiada", 18), ("[a, & b]", 22)])
def test_un_valor_con_signo_se_senala_donde_empieza(ruta_minima, validar_json, valor, columna):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml",
                          f"metas:\n  - id: M1\n    descripcion: {valor}\n")
    p = unico(salida, "metas.yaml", "RM001")
    assert (p["linea"], p["columna"]) == (3, columna)
    assert p["pista"] == (f"Pon el texto entre comillas (`\"{valor.strip('[a, ')[0]} …\"`): en la Ruta "
                          "no se usan anclas ni alias.")


@pytest.mark.parametrize("valor, mensaje, pista", [
    # Un alias seguido de texto deja además el archivo sin leer (sin el lugar: «Meta M1…»), y el
    # error de sintaxis que le sigue en la misma línea no se repite.
    ("*Lectura guiada", "El valor empieza con `*`, que en YAML abre un alias (`*nombre`): así no se "
     "lee como texto.", "Pon todo el valor entre comillas: `\"*Lectura …\"` (en la Ruta no se usan "
     "anclas ni alias)."),
    ("&Lectura de textos", "Meta M1 (descripcion): el valor empieza con `&`, que en YAML abre un ancla (`&nombre`): así no "
     "se lee como texto.", "Pon todo el valor entre comillas: `\"&Lectura …\"` (en la Ruta no se usan "
     "anclas ni alias)."),
], ids=["alias-y-texto", "ancla-y-texto"])
def test_un_texto_que_empieza_con_ancla_o_alias_se_dice_como_texto(ruta_minima, validar_json, valor,
                                                                  mensaje, pista):
    salida = validar_roto(ruta_minima, validar_json, "metas.yaml",
                          f"metas:\n  - id: M1\n    descripcion: {valor}\n")
    p = unico(salida, "metas.yaml", "RM003")
    assert (p["linea"], p["columna"], p["mensaje"], p["pista"]) == (3, 18, mensaje, pista)
    assert not con_codigo(salida, "metas.yaml", "RM001")
