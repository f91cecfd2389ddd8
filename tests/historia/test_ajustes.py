"""La rendición cuenta los ajustes del ciclo: la historia en git (cada cambio a metas, acciones y
prioridades con su fecha) junto a los ajustes de la bitácora (el motivo), por fecha e id; para
las familias en palabras llanas y sin datos de personas, para la autoridad con el commit; sin
git, solo la bitácora, y lo dice."""

from __future__ import annotations

import re
import shutil

FECHA = "2026-07-15"


def _seccion(texto: str) -> list[str]:
    """Las líneas de la sección «Ajustes durante el ciclo» (sin su título)."""
    partes = re.split(r"^## ", texto, flags=re.M)
    seccion = next(p for p in partes if p.split("\n", 1)[0].endswith("Ajustes durante el ciclo"))
    return [x for x in seccion.splitlines()[1:] if x.strip()]


def _ciclo_con_ajustes(repo):
    repo.reemplazar("metas.yaml", "valor_meta: 60", "valor_meta: 62")
    repo.commit("Fase intensiva: M1 a 62", "2025-08-28", "Rosa Méndez")   # antes de clases: no cuenta
    repo.reemplazar("acciones.yaml", "    inicio: 2025-11-03\n    fin: 2025-11-21\n",
                    "    inicio: 2026-02-09\n    fin: 2026-02-27\n")
    repo.commit("Reprogramamos el taller de familias (A17)", "2025-11-03", "Julián Herrera")
    repo.reemplazar("acciones.yaml", "responsables: [DOC1, DOC2]", "responsables: [DOC1, DOC2, DOC4]")
    repo.commit("DOC4 apoya el taller de 1° y 2°", "2026-01-30", "Ernesto Vázquez")


def test_familias_en_palabras_llanas_sin_personas(repo, correr):
    _ciclo_con_ajustes(repo)
    r = correr("informe", repo.carpeta, "-t", "rendicion", "--fecha", FECHA)
    assert r.exit_code == 0, r.stderr
    lineas = _seccion(r.stdout)
    assert lineas[1:4] == ["| Fecha | Qué cambió | Por qué |", "|---|---|---|",
                           "| 3 nov 2025 | Acción A17: inicio pasó de 3 nov 2025 a 9 feb 2026; fin pasó de "
                           "21 nov 2025 a 27 feb 2026 | Se reprograma el taller para familias (A17) del "
                           "3-21 de noviembre al 9-27 de febrero de 2026: la psicóloga del DIF municipal "
                           "no tiene fechas libres en noviembre. Las metas M8 y M9 conservan su fecha. |"]
    assert lineas[4] == ("| 30 ene 2026 | Acción A3: responsables pasó de docente de 1°A, docente de 2°A a "
                         "docente de 1°A, docente de 2°A, docente de 4°A | — |")
    assert lineas[5].startswith("| 27 feb 2026 | Anotado en la bitácora (A10, A15 y M5) | Se cancela la visita")
    seccion = "\n".join(lineas)
    for dato in ("DOC4", "Julián", "Ernesto", "Reprogramamos", "62"):
        assert dato not in seccion
    assert "git" not in seccion


def test_la_autoridad_ve_cada_commit(repo, correr):
    _ciclo_con_ajustes(repo)
    ids = repo.git("log", "--format=%h", "--abbrev=7").split()
    r = correr("informe", repo.carpeta, "-t", "rendicion", "--fecha", FECHA, "-a", "autoridad")
    lineas = _seccion(r.stdout)
    assert lineas[1] == "| Fecha | Qué cambió | Por qué | Commit |"
    assert lineas[3].startswith("| 3 nov 2025 | Acción A17: inicio 3 nov 2025 → 9 feb 2026; fin 21 nov 2025 → "
                                "27 feb 2026 | Se reprograma el taller para familias (A17)")
    assert lineas[3].endswith(f"| {ids[1]} (Reprogramamos el taller de familias (A17)) |")
    assert lineas[4] == (f"| 30 ene 2026 | Acción A3: responsables DOC1, DOC2 → DOC1, DOC2, DOC4 | — | "
                         f"{ids[0]} (DOC4 apoya el taller de 1° y 2°) |")
    html = correr("informe", repo.carpeta, "-t", "rendicion", "--fecha", FECHA, "-a", "autoridad",
                  "-f", "html").stdout
    assert '<a href="#ajustes">Ajustes durante el ciclo</a>' in html
    assert f'<span class="id">{ids[0]}</span> DOC4 apoya el taller de 1° y 2°' in html


def test_sin_git_solo_la_bitacora_y_lo_dice(repo, tmp_path, correr):
    fuera = tmp_path / "suelta"
    shutil.copytree(repo.carpeta, fuera)
    r = correr("informe", fuera, "-t", "rendicion", "--fecha", FECHA)
    lineas = _seccion(r.stdout)
    assert lineas[-1] == ("La Ruta no está en un repositorio de git: esta sección se arma solo con los "
                          "ajustes que el Consejo Técnico Escolar anotó en la bitácora.")
    assert lineas[3].startswith("| 31 oct 2025 | Anotado en la bitácora (A17, M8 y M9) | Se reprograma")
    # Sin ajustes en la bitácora ni historia, la sección no sale.
    bitacora = fuera / "bitacora.yaml"
    bitacora.write_text(re.sub(r"\n    ajustes:\n(      .*\n|          .*\n)+", "\n", bitacora.read_text(
        encoding="utf-8")), encoding="utf-8")
    r = correr("informe", fuera, "-t", "rendicion", "--fecha", FECHA, "--con-errores")
    assert "Ajustes durante el ciclo" not in r.stdout


def test_la_version_es_la_del_ultimo_commit_de_esta_ruta(repo, correr):
    # Un commit de otra escuela del mismo repositorio no cambia la versión de esta Ruta.
    propio = repo.git("rev-parse", "--short", "HEAD").strip()
    (repo.raiz / "escuelas" / "otra").mkdir(parents=True)
    (repo.raiz / "escuelas" / "otra" / "LEEME.md").write_text("otra escuela\n", encoding="utf-8")
    repo.commit("Otra escuela", "2026-11-30")
    familias = correr("informe", repo.carpeta, "-t", "rendicion", "--fecha", FECHA).stdout
    assert "La del 29 de agosto de 2025" in familias and "30 de noviembre de 2026" not in familias
    autoridad = correr("informe", repo.carpeta, "-t", "rendicion", "--fecha", FECHA, "-a", "autoridad").stdout
    assert f"commit {propio}" in autoridad
