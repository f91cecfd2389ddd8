"""Las plantillas propias no escapan de su carpeta ni corren sin fin (issue 16, punto 6).

Un enlace dentro de la carpeta de plantillas no sirve para leer un archivo de fuera, y una
plantilla que arma un texto enorme, un ``range`` enorme, bucles sin fin o un informe enorme se
detiene en segundos con un error claro (salida 2), con topes fijos, sin señales.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from rutamejora.informes.entorno import carpeta_de_plantillas

RAIZ = Path(__file__).resolve().parents[2]
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"
enlaces = pytest.mark.skipif(os.name == "nt", reason="enlaces simbólicos: en Windows piden permisos")


@pytest.fixture
def plantillas(tmp_path) -> Path:
    carpeta = tmp_path / "mis-plantillas"
    carpeta.mkdir()
    return carpeta


def informe(invocar, plantillas: Path, limite: float = 60):
    return invocar(["informe", str(EJEMPLO), "-t", "rendicion", "--fecha", "2026-07-15", "-f", "md",
                    "--plantillas", str(plantillas)], limite=limite)


def con_plantilla(invocar, plantillas: Path, texto: str, limite: float = 60):
    (plantillas / "rendicion.md.j2").write_text(texto, encoding="utf-8")
    return informe(invocar, plantillas, limite)


@enlaces
@pytest.mark.parametrize("objetivo,incluir", [
    ("/etc/hostname", "leak.j2"),
    ("/", "leak.j2/etc/passwd"),
], ids=["archivo", "raiz"])
def test_un_enlace_no_lee_fuera_de_la_carpeta(invocar, plantillas, objetivo, incluir):
    if not os.path.exists(objetivo):
        pytest.skip(f"no hay {objetivo}")
    (plantillas / "leak.j2").symlink_to(objetivo)
    r = con_plantilla(invocar, plantillas, f'{{% include "{incluir}" %}}\n')
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.startswith(f"ruta: la plantilla {incluir} lleva fuera de la carpeta de plantillas (")
    assert "no se lee" in r.stderr


@enlaces
def test_la_plantilla_misma_tampoco_puede_ser_un_enlace_afuera(invocar, plantillas, tmp_path):
    afuera = tmp_path / "afuera.md.j2"
    afuera.write_text("secreto\n", encoding="utf-8")
    (plantillas / "rendicion.md.j2").symlink_to(afuera)
    r = informe(invocar, plantillas)
    assert r.exit_code == 2 and "secreto" not in r.stdout
    assert "lleva fuera de la carpeta de plantillas" in r.stderr


@enlaces
def test_un_enlace_dentro_de_la_carpeta_o_a_las_incluidas_si_sirve(invocar, plantillas):
    (plantillas / "pie.j2").write_text("Pie propio.\n", encoding="utf-8")
    (plantillas / "otro-pie.j2").symlink_to(plantillas / "pie.j2")
    (plantillas / "encabezado-incluido.j2").symlink_to(carpeta_de_plantillas() / "encabezado.md.j2")
    r = con_plantilla(invocar, plantillas, '{% include "otro-pie.j2" %}{% include "encabezado-incluido.j2" %}\n')
    assert r.exit_code == 0, r.stderr
    assert "Pie propio." in r.stdout and "<!-- Generado con «ruta informe»" in r.stdout


def test_una_carpeta_en_lugar_de_una_plantilla(invocar, plantillas):
    (plantillas / "rendicion.md.j2").mkdir()
    r = informe(invocar, plantillas)
    assert r.exit_code == 2
    assert r.stderr == ("ruta: no se pudo leer la plantilla rendicion.md.j2: es una carpeta, no un archivo.\n")


@pytest.mark.parametrize("texto,tope", [
    ("{{ 'a' * 2000000000 }}", "un texto o una lista de más de 10,000,000 elementos"),
    ("{{ ['a'] * 2000000000 }}", "un texto o una lista de más de 10,000,000 elementos"),
    ("{% set ns = namespace(s='a') %}{% for i in range(60) %}{% set ns.s = ns.s ~ ns.s %}{% endfor %}",
     "un texto o una lista de más de 10,000,000 elementos"),
    ("{% set ns = namespace(s='a') %}{% for i in range(60) %}{% set ns.s = [ns.s, ns.s]|join %}{% endfor %}",
     "un texto o una lista de más de 10,000,000 elementos"),
    ("{{ 'a'|center(2000000000) }}", "`center` con un tamaño de más de 10,000,000"),
    ("{{ 'a'.rjust(2000000000) }}", "`rjust` con un tamaño de más de 10,000,000"),
    ("{{ [1]|batch(2000000000, 0)|list }}", "`batch` con un tamaño de más de 10,000,000"),
    ("{{ '%2000000000d' % 1 }}", "un formato con un ancho enorme"),
    ("{{ '{:{}}'.format(1, 2000000000) }}", "un formato con un ancho enorme"),
    ("{{ '%s'|format('x')|indent(2000000000) }}", "`indent` con un tamaño de más de 10,000,000"),
    ("{{ 2 ** 100000000 }}", "un número demasiado grande"),
    ("{{ range(100000000)|list }}", "un range() de más de 100,000 elementos"),
    ("{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}",
     "más de 5,000,000 vueltas de bucle"),
    ("{% macro f(n) %}{% if n %}{{ f(n - 1) }}{{ f(n - 1) }}{% endif %}{% endmacro %}{{ f(40) }}",
     "más de 200,000 llamadas"),
    ("{% for x in [1, 2] recursive %}{% if loop.depth < 60 %}{{ loop([1, 2]) }}{% endif %}{% endfor %}",
     "más de 200,000 llamadas"),
    ("{% for i in range(100000) %}{{ 'x' * 1000 }}{% endfor %}", "un informe de más de 50,000,000 caracteres"),
], ids=["texto", "lista", "concatenar", "join", "center", "rjust", "batch", "formato", "format", "indent",
        "potencia", "range", "bucles", "macros", "recursivo", "salida"])
def test_los_topes_detienen_a_una_plantilla_con_un_error_claro(invocar, plantillas, texto, tope):
    r = con_plantilla(invocar, plantillas, texto + "\n")
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.startswith("ruta: la plantilla rendicion.md.j2")
    assert f"pasó un límite del entorno aislado ({tope}). Las plantillas solo muestran los datos del " \
           "informe (ver `ruta ayuda informes`).\n" in r.stderr


def test_lipsum_no_esta(invocar, plantillas):
    r = con_plantilla(invocar, plantillas, "{{ lipsum(100000) }}\n")
    assert r.exit_code == 2 and "`lipsum`" in r.stderr


def test_lo_normal_sigue_funcionando(invocar, plantillas):
    """Bucles, filtros, formatos y cuentas de tamaño real pasan sin tocar un tope."""
    r = con_plantilla(invocar, plantillas, (
        "{% for m in metas %}{{ loop.index }}/{{ loop.length }} {{ m.id }} {{ '%05.1f'|format(1.5) }} "
        "{{ '{:>8}'.format('x') }} {{ 'ab'|center(6) }}{{ ('-' * 3) ~ (2 ** 10) }}\n{% endfor %}"
        "{% for x in [1, [2, [3]]] recursive %}{{ x if x is number else loop(x) }}{% endfor %}\n"
        "{{ range(1000)|sum }}\n"))
    assert r.exit_code == 0, r.stderr
    assert r.stdout.startswith("1/9 M1 001.5 x ab---1024\n2/9 M2 ")  # (Markdown junta los espacios)
    assert r.stdout.endswith("9/9 M9 001.5 x ab---1024\n123499500\n")


def test_los_informes_incluidos_quedan_lejos_de_los_topes(invocar, monkeypatch):
    """Las plantillas incluidas corren con los mismos topes; el ejemplo usa una fracción mínima."""
    from rutamejora.informes import aislado

    usados = []
    original = aislado.producir

    def producir(plantilla, contexto):
        texto = original(plantilla, contexto)
        usados.append((plantilla.environment.vueltas, plantilla.environment.llamadas, len(texto)))
        return texto

    monkeypatch.setattr(aislado, "producir", producir)
    for tipo in ("planeacion", "seguimiento", "rendicion"):
        for formato in ("md", "html"):
            r = invocar(["informe", str(EJEMPLO), "-t", tipo, "-f", formato, "--fecha", "2026-07-15"])
            assert r.exit_code == 0, r.stderr
    assert len(usados) == 6
    for vueltas, llamadas, largo in usados:
        assert vueltas * 1000 < aislado.TOPE_VUELTAS and llamadas * 500 < aislado.TOPE_LLAMADAS
        assert largo * 100 < aislado.TOPE_SALIDA


def test_una_macro_que_se_llama_sin_fin_lo_dice_en_espanol(invocar, plantillas):
    r = con_plantilla(invocar, plantillas, "{% macro r(n) %}{{ r(n+1) }}{% endmacro %}{{ r(0) }}\n")
    assert r.exit_code == 2 and r.stdout == ""
    assert r.stderr.startswith("ruta: la plantilla rendicion.md.j2")
    assert r.stderr.endswith("se llama a sí misma sin fin (una macro o un include que no termina).\n")
    assert "RecursionError" not in r.stderr and "maximum recursion" not in r.stderr
