"""``ruta informe --tipo zona``: el informe de la supervisión, sin personas y reproducible."""

from __future__ import annotations

import re
import subprocess

import pytest

from rutamejora.formato import cargar

from .conftest import EJEMPLOS, FECHA, ILEGIBLE


def _informe(invocar, *args):
    return invocar(["informe", "--tipo", "zona", "--fecha", FECHA, *map(str, args)], limite=120)


def _git(carpeta, *args):
    subprocess.run(["git", "-C", str(carpeta), *args], check=True, capture_output=True,
                   env={"GIT_AUTHOR_NAME": "Prueba", "GIT_AUTHOR_EMAIL": "p@example.org",
                        "GIT_COMMITTER_NAME": "Prueba", "GIT_COMMITTER_EMAIL": "p@example.org",
                        "GIT_AUTHOR_DATE": "2026-03-20T10:00:00", "HOME": str(carpeta),
                        "GIT_COMMITTER_DATE": "2026-03-20T10:00:00", "PATH": "/usr/bin:/bin"})


@pytest.fixture
def zona_git(zona_ejemplos):
    _git(zona_ejemplos, "init", "-q")
    _git(zona_ejemplos, "add", "-A")
    _git(zona_ejemplos, "commit", "-q", "-m", "La zona")
    return zona_ejemplos


@pytest.mark.parametrize("formato", ["html", "md"])
def test_reproducible_byte_por_byte_con_uno_o_varios_procesos(invocar, zona_git, formato):
    uno = _informe(invocar, zona_git, "-f", formato, "--procesos", "1", "--con-errores")
    dos = _informe(invocar, zona_git, "-f", formato, "--procesos", "2", "--con-errores")
    assert uno.exit_code == 0, uno.output
    assert uno.stdout == dos.stdout


def test_cada_escuela_con_el_commit_de_su_ruta(invocar, zona_git):
    commit = subprocess.run(["git", "-C", str(zona_git), "rev-parse", "--short=7", "HEAD"],
                            capture_output=True, text=True, check=True).stdout.strip()
    (zona_git / "escuelas" / "31DJN0152E" / "2025-2026" / "metas.yaml").open("a").write("# nota\n")
    texto = _informe(invocar, zona_git, "-f", "md").stdout
    assert texto.count(f"- **Versión de la Ruta:** commit {commit}\n") == 6
    assert texto.count(f"- **Versión de la Ruta:** commit {commit}, con cambios sin confirmar\n") == 1


def test_sin_git_lo_dice(invocar, zona_ejemplos):
    texto = _informe(invocar, zona_ejemplos, "-f", "md").stdout
    assert texto.count("- **Versión de la Ruta:** fuera de git\n") == 7


def test_las_secciones_y_el_orden_de_la_reunion(invocar, zona_ejemplos):
    texto = _informe(invocar, zona_ejemplos, "-f", "md").stdout
    titulos = re.findall(r"^## .*$", texto, re.M)
    assert titulos == ["## 1. Las escuelas, de la que más atención necesita a la que menos",
                       "## 2. Las escuelas en gráficas", "## 3. Lo que trabaja la zona",
                       "## 4. Para la próxima reunión de zona", "## 5. Cada escuela"]
    reunion = texto.split("## 4. Para la próxima reunión de zona")[1].split("## 5.")[0]
    numerados = re.findall(r"^(\d+)\. \*\*([^*]+)\*\*", reunion, re.M)
    assert numerados[:3] == [("1", "—"), ("2", "21DPR0500E Con Datos"), ("3", "21DPR9999J Rota")]
    assert f"1. **—**: {ILEGIBLE}: no se pudo leer ruta.yaml" in reunion
    # Cada escuela legible, a lo más tres pendientes.
    bloques = re.split(r"^\d+\. ", reunion, flags=re.M)[2:]
    assert all(b.count("\n    - ") <= 3 for b in bloques)
    assert "    - Error de validación **RM001**: Falta una" in reunion


def test_html_un_solo_archivo_sin_enlaces_afuera(invocar, zona_ejemplos):
    html = _informe(invocar, zona_ejemplos, "-f", "html").stdout
    assert html.startswith("<!DOCTYPE html>")
    enlaces = re.findall(r'href="([^"]*)"', html)
    assert enlaces and all(e.startswith("#escuela-") for e in enlaces)
    anclas = set(re.findall(r'id="(escuela-[^"]*)"', html))
    assert {e[1:] for e in enlaces} <= anclas
    assert "<script" not in html and "src=" not in html
    assert set(re.findall(r"https?://[^\"' ]+", html)) == {"http://www.w3.org/2000/svg"}
    for grafica in ("g-zona-metas", "g-zona-sesiones", "g-zona-dinero"):
        assert f'aria-labelledby="{grafica}-t {grafica}-d"' in html


def _personal() -> set[str]:
    nombres = set()
    for ejemplo in EJEMPLOS.iterdir():
        ruta, _ = cargar(ejemplo)
        nombres |= {p.nombre for p in ruta.colectivo if p.nombre}
    return nombres


@pytest.mark.parametrize("formato", ["html", "md"])
def test_ningun_dato_de_personas(invocar, zona_ejemplos, datos_sembrados, formato):
    texto = _informe(invocar, zona_ejemplos, "-f", formato).stdout
    for dato in datos_sembrados:
        assert dato.lower() not in texto.lower(), dato
    personal = _personal()
    assert len(personal) > 10
    for nombre in personal:
        assert nombre not in texto, nombre
    assert "[nombre:" not in texto


@pytest.mark.parametrize("args, mensaje", [
    (["--audiencia", "comunidad"], "ruta: el informe de la zona es para la supervisión: usa "
                                   "--audiencia autoridad (o no la indiques).\n"),
    (["--procesos", "cero"], "ruta: «cero» no es un número de procesos: usa un entero de 1 en "
                             "adelante (p. ej. --procesos 2).\n"),
])
def test_errores_de_uso(invocar, zona_limpia, args, mensaje):
    r = _informe(invocar, zona_limpia, *args)
    assert r.exit_code == 2
    assert r.stderr == mensaje


def test_no_escribe_sobre_un_archivo_de_una_ruta(invocar, zona_limpia):
    destino = zona_limpia / "escuelas" / "21DPR0487A" / "2025-2026" / "metas.yaml"
    antes = destino.read_bytes()
    r = _informe(invocar, zona_limpia, "-o", destino)
    assert r.exit_code == 2
    assert destino.read_bytes() == antes


def test_los_otros_informes_siguen_siendo_de_una_ruta(invocar, zona_limpia):
    r = invocar(["informe", "--tipo", "planeacion", str(EJEMPLOS / "primaria-2025-2026"),
                 str(EJEMPLOS / "preescolar-2025-2026")])
    assert r.exit_code == 2
    assert r.stderr == ("ruta: un informe de planeacion es de una sola Ruta y diste 2 carpetas: "
                        "indica una (o usa --tipo zona para todas).\n")
    r = invocar(["informe", "--tipo", "planeacion", str(EJEMPLOS / "primaria-2025-2026"),
                 "--procesos", "2"])
    assert r.exit_code == 2
    assert r.stderr == ("ruta: --procesos solo sirve con --tipo zona (los demás informes son de "
                        "una Ruta).\n")


def test_escribe_el_archivo_con_o(invocar, zona_limpia, tmp_path):
    destino = tmp_path / "zona.html"
    r = _informe(invocar, zona_limpia, "-o", destino)
    assert r.exit_code == 0
    assert r.stderr == f"Informe escrito en {destino}.\n"
    assert destino.read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


def _hay_navegador() -> bool:
    from rutamejora.informes import SinNavegador, buscar_navegador

    try:
        buscar_navegador()
    except SinNavegador:
        return False
    return True


@pytest.mark.skipif(not _hay_navegador(), reason="no hay Chromium, Chrome ni Edge (Debian: apt-get "
                                                 "install chromium): se omite el PDF de la zona")
def test_el_informe_de_zona_en_pdf_es_carta_y_reproducible(invocar, zona_limpia, tmp_path):
    primero, segundo = tmp_path / "zona.pdf", tmp_path / "otra.pdf"
    for destino in (primero, segundo):
        r = _informe(invocar, zona_limpia, "-o", destino)
        assert r.exit_code == 0, r.stderr
        assert r.stderr == f"Informe escrito en {destino}.\n"
    pdf = primero.read_bytes()
    assert pdf.startswith(b"%PDF-")
    assert re.search(rb"/MediaBox\s*\[\s*0 0 612 792\s*\]", pdf)  # carta: 8.5 × 11 pulgadas
    assert pdf == segundo.read_bytes()


def test_el_informe_de_zona_en_pdf_sin_navegador_dice_como_conseguir_uno(invocar, zona_limpia,
                                                                         tmp_path, monkeypatch):
    from rutamejora.informes import pdf

    monkeypatch.setenv(pdf.VARIABLE, str(tmp_path / "no-existe"))
    r = _informe(invocar, zona_limpia, "-o", tmp_path / "zona.pdf")
    assert r.exit_code == 2
    assert r.stderr.startswith(f"ruta: {pdf.VARIABLE}={tmp_path / 'no-existe'}, pero ese navegador "
                               "no existe.")
    assert not (tmp_path / "zona.pdf").exists()


def test_lo_que_trabaja_la_zona_con_sus_espacios(invocar, zona_limpia):
    """Las listas del párrafo llevan «, » entre elementos (el escape de Markdown, aplicado a un
    «", "» de la plantilla, le quitaba el espacio: «(3),PEMC (1)»)."""
    texto = _informe(invocar, zona_limpia, "-f", "md").stdout
    (linea,) = [l for l in texto.splitlines() if l.startswith("Marcos: ")]
    marcos, metas = linea.split(" Metas de la zona: ")
    assert re.fullmatch(r"Marcos: [^,]+ \(\d\)(?:, [^,]+ \(\d\))*\.", marcos), marcos
    assert re.match(r"\d+ logradas, \d+ no logradas, \d+ en camino, \d+ en riesgo, \d+ sin datos\. ",
                    metas), metas


def test_las_rutas_no_son_escuelas(invocar, tmp_path):
    # Una escuela con dos Rutas (una copia, o una por ciclo): una escuela, y lo dice.
    import shutil

    for carpeta in ("escuelas/21DPR0487A/2025-2026", "escuelas/21DPR0487A/copia", "escuelas/otra"):
        shutil.copytree(EJEMPLOS / ("primaria-2025-2026" if "21DPR" in carpeta else "secundaria-2025-2026"),
                        tmp_path / "zona" / carpeta)
    texto = _informe(invocar, tmp_path / "zona", "--con-errores").stdout
    # Las dos del mismo ciclo: una copia. Suma la de <CCT>/<ciclo>, y el informe lo dice.
    assert ("- **Escuelas:** 2 escuelas del ciclo 2025-2026 (3 Rutas; 1 repite la CCT de otra del "
            "mismo ciclo y no suma: ver «Rutas del mismo ciclo con la misma CCT»)\n") in texto
    assert ("> - 21DPR0487A, ciclo 2025-2026: escuelas/21DPR0487A/2025-2026 y "
            "escuelas/21DPR0487A/copia. Suma solo escuelas/21DPR0487A/2025-2026 (su carpeta lleva "
            "la CCT).\n") in texto
    # La tabla distingue las dos por su carpeta.
    assert "| Carmen Serdán Alatriste (carpeta 2025-2026) |" in texto
    assert "| Carmen Serdán Alatriste (carpeta copia) |" in texto
    r = invocar(["zona", str(tmp_path / "zona"), "--fecha", FECHA], limite=200)
    assert r.exit_code == 1
    assert r.stdout.startswith("Zona · 2 escuelas del ciclo 2025-2026 (3 Rutas; 1 repite la CCT "
                               "de otra del\nmismo ciclo y no suma: ver «Rutas del mismo ciclo "
                               "con la misma CCT») al 27 mar\n2026\n")


def test_escuelas_de_sin_caja_y_sin_las_ilegibles():
    from types import SimpleNamespace as F

    from rutamejora.zona.ciclos import escuelas_de

    filas = [F(cct="21DPR0487A", clave="a", ciclo="2025-2026", legible=True),
             F(cct="21dpr0487a ", clave="b", ciclo="2024-2025", legible=True),
             F(cct="21DPR0487A", clave="c", ciclo=None, legible=False),
             F(cct=None, clave="sin-cct", ciclo="2025-2026", legible=True)]
    assert escuelas_de(filas) == (2, [("21DPR0487A", ["2024-2025", "2025-2026"])])


# Una clave de catálogo en snake_case («meta_en_riesgo», «no_alcanzar_aprendizajes»): lo que un
# programa lee, nunca una persona. Una carpeta o un archivo (con / o .) no cuentan.
CLAVE_INTERNA = re.compile(r"(?<![\w/.\\-])[a-z]+(?:_[a-z0-9]+)+(?![\w/.-])")


def _texto_visible(html: str) -> str:
    """Lo que lee una persona en el HTML: sin el estilo ni las etiquetas (sus clases de CSS,
    «no_lograda», no se leen)."""
    return re.sub(r"<[^>]+>", " ", re.sub(r"<style>.*?</style>", "", html, flags=re.S))


def test_el_informe_de_zona_no_muestra_claves_internas(invocar, zona_ejemplos):
    from rutamejora.informes.zona import NOMBRES_PENDIENTE
    from rutamejora.vistas import TIPOS_PENDIENTE

    # Cada tipo de pendiente tiene su nombre (el informe ya no cae en la clave).
    assert set(NOMBRES_PENDIENTE) == set(TIPOS_PENDIENTE)
    md = _informe(invocar, zona_ejemplos, "-f", "md", "--con-errores").stdout
    html = _informe(invocar, zona_ejemplos, "-f", "html", "--con-errores").stdout
    # Al 27 de marzo hay metas en riesgo entre los primeros pendientes: se nombran.
    assert "    - Meta en riesgo **M" in md
    for texto in (md, _texto_visible(html)):
        assert CLAVE_INTERNA.findall(texto) == []
