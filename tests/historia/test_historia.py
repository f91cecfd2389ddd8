"""`ruta historia`: los commits que cambiaron la Ruta (o una cosa con su id), del más nuevo al más
viejo, con fecha, autor, mensaje y cambios; repositorios git de verdad con fechas fijas."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path


def _tres_commits(repo):
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.commit("Sesión 2: M2 más realista", "2025-10-31", "Julián Herrera")
    repo.reemplazar("acciones.yaml", "responsables: [DOC1, DOC2]", "responsables: [DOC1, DOC2, DOC4]")
    repo.commit("Sesión 3: DOC4 apoya el taller", "2025-11-28", "Patricia Sánchez")
    repo.reemplazar("metas.yaml", "# Metas.", "# Metas del ciclo.")
    repo.commit("Comentario", "2025-12-05")


def test_commits_del_mas_nuevo_al_mas_viejo_con_sus_cambios(repo, correr, lineas):
    _tres_commits(repo)
    r = correr("historia", repo.carpeta)
    assert r.exit_code == 0, r.output
    ids = repo.git("log", "--format=%h", "--abbrev=7").split()
    assert lineas(r.stdout) == [
        f"Historia en {repo.carpeta} (4 commits, del más nuevo al más viejo)",
        f"{ids[0]}  2025-12-05  Rosa Méndez  Comentario",
        "metas.yaml: solo cambiaron los comentarios (el plan es el mismo)",
        f"{ids[1]}  2025-11-28  Patricia Sánchez  Sesión 3: DOC4 apoya el taller",
        "Acción A3: responsables DOC1, DOC2 → DOC1, DOC2, DOC4",
        f"{ids[2]}  2025-10-31  Julián Herrera  Sesión 2: M2 más realista",
        "Meta M2: valor meta 85 % → 80 %",
        f"{ids[3]}  2025-08-29  Rosa Méndez  Ruta de mejora 2025-2026",
        "La Ruta es nueva (9 metas, 19 acciones)",
    ]


def test_id_quien_cambio_el_valor_meta_y_cuando(repo, correr, lineas):
    _tres_commits(repo)
    ids = repo.git("log", "--format=%h", "--abbrev=7").split()
    r = correr("historia", repo.carpeta, "--id", "M2")
    assert lineas(r.stdout) == [
        f"Historia de M2 en {repo.carpeta} (2 commits, del más nuevo al más viejo)",
        f"{ids[2]}  2025-10-31  Julián Herrera  Sesión 2: M2 más realista",
        "Meta M2: valor meta 85 % → 80 %",
        f"{ids[3]}  2025-08-29  Rosa Méndez  Ruta de mejora 2025-2026",
        "La Ruta es nueva (9 metas, 19 acciones)",
    ]


def test_id_sigue_un_renombre_hacia_atras(repo, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.commit("M2 a 80", "2025-10-31")
    texto = (repo.carpeta / "metas.yaml").read_text(encoding="utf-8")
    (repo.carpeta / "metas.yaml").write_text(texto.replace("  - id: M2\n", "  - id: M20\n"), encoding="utf-8")
    acciones = (repo.carpeta / "acciones.yaml").read_text(encoding="utf-8")
    (repo.carpeta / "acciones.yaml").write_text(re.sub(r"\bM2\b", "M20", acciones), encoding="utf-8")
    repo.commit("M2 se llama M20", "2025-11-28")
    r = correr("historia", repo.carpeta, "--id", "M20")
    assert "Meta M2 ahora es M20 (mismo contenido)" in r.stdout
    assert "Meta M2: valor meta 85 % → 80 %" in r.stdout
    assert "3 commits" in r.stdout


def test_id_de_la_agrupacion_del_marco(repo_pemc, correr):
    repo_pemc.reemplazar("prioridades.yaml", "orden: 1", "orden: 9")
    repo_pemc.commit("Jerarquía de ámbitos", "2025-01-31", "Luis Pérez")
    r = correr("historia", repo_pemc.carpeta, "--id", "P1")
    assert "Luis Pérez  Jerarquía de ámbitos" in r.stdout
    assert "Ámbito P1: orden 1 → 9" in r.stdout


def test_json_y_md(repo, correr):
    _tres_commits(repo)
    datos = json.loads(correr("historia", repo.carpeta, "-f", "json", "--id", "A3").stdout)
    assert datos["version"] == 1 and datos["id"] == "A3"
    (paso, inicial) = datos["commits"]
    assert (paso["autor"], paso["mensaje"], paso["fecha"]) == (
        "Patricia Sánchez", "Sesión 3: DOC4 apoya el taller", "2025-11-28T10:00:00+00:00")
    assert paso["partes"][0]["cambios"][0]["campos"] == [
        {"campo": "responsables", "antes": "DOC1, DOC2", "despues": "DOC1, DOC2, DOC4"}]
    md = correr("historia", repo.carpeta, "-f", "md", "-n", "1").stdout
    assert md.startswith(f"### Historia en `{repo.carpeta}`")
    assert "- metas.yaml: solo cambiaron los comentarios (el plan es el mismo)" in md


def test_sin_commits_y_sin_cambios_de_esa_cosa(repo, correr):
    # M9 existe y ningún commit después del primero la cambió: no es un error.
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.commit("Sesión 3", "2025-11-28")
    r = correr("historia", repo.carpeta, "--id", "M9", "-n", "1")
    assert (r.exit_code, r.stdout) == (0, f"Ningún commit cambió M9 en {repo.carpeta}.\n")


def test_un_id_que_no_existe_en_ninguna_version_sugiere_el_parecido(repo, correr):
    # Antes: «Ningún commit cambió M99», sin decir que M99 nunca existió.
    r = correr("historia", repo.carpeta, "--id", "M99")
    assert (r.exit_code, r.stdout) == (2, "")
    assert r.stderr == ("ruta: M99 no existe en su commit ni en el árbol de trabajo de la Ruta. "
                        "¿Quisiste decir M9? Los que hay con M: M1, M2, M3, M4, M5, M6, M7, M8 y "
                        "M9.\n")
    # Con -n, dice que buscó solo en los más nuevos: la meta quitada existía antes.
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.commit("Sesión 3", "2025-11-28")
    r = correr("historia", repo.carpeta, "--id", "A99", "-n", "1")
    assert r.stderr == ("ruta: A99 no existe en su commit ni en el árbol de trabajo de la Ruta. "
                        "¿Quisiste decir A9? Los que hay con A: A1, A2, A3, A4, A5, A6, A7, A8, "
                        "A9, A10, A11, A12, A13, A14, A15, A16, A17, A18 y A19.\n")
    r = correr("historia", repo.carpeta, "--id", "A99")
    assert r.stderr.startswith("ruta: A99 no existe en ninguno de sus 2 commits ni en el árbol ")


def test_clon_superficial_lo_dice_en_el_commit_cortado(repo, tmp_path, correr):
    _tres_commits(repo)
    clon = tmp_path / "clon"
    subprocess.run(["git", "clone", "-q", "--depth", "2", f"file://{repo.raiz}", str(clon)], check=True,
                   capture_output=True)
    r = correr("historia", clon / repo.carpeta.relative_to(repo.raiz))
    assert r.exit_code == 0
    assert "2 commits" in r.stdout
    assert "El commit anterior no está en este clon (es superficial)" in r.stdout
    assert "git fetch --unshallow" in r.stdout


def test_fuera_de_un_repositorio_sale_con_2(tmp_path, correr):
    carpeta = tmp_path / "suelta"
    shutil.copytree(Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026", carpeta)
    r = correr("historia", carpeta)
    assert r.exit_code == 2
    # La pista no ofrece `ruta cambios --con`: eso es de otro comando.
    assert r.stderr == (f"ruta: la carpeta {carpeta} no está en un repositorio de git.\nPista: Corre "
                        "el comando dentro de un clon del repositorio de Rutas (o crea uno: git init "
                        "y git commit).\n")


def test_el_mensaje_y_el_correo_de_un_commit_salen_sin_datos(repo, correr):
    """Un mensaje de commit también se escribe con prisa; el correo del autor es un contacto.
    El nombre del autor queda (es quien cambió la Ruta), sin lo que no es un nombre."""
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "Cita con la mamá de Brayan Hernández Ruiz al 55 4812 9037",
             "-m", "Kevin Pérez Soto tiene TDAH", fecha="2025-10-31", autor="Julián Herrera 5512345678")
    for formato in ("texto", "json", "md"):
        r = correr("historia", repo.carpeta, "-f", formato)
        assert r.exit_code == 0, r.output
        for dato in ("Brayan", "Hernández Ruiz", "4812 9037", "5512345678", "julián@escuela",
                     "rosa@escuela"):
            assert dato not in r.stdout, (formato, dato)
        salida = r.stdout.replace("\\", "")  # el Markdown escapa los corchetes
        assert "Cita con la mamá de [nombre: B. H. R.] al [teléfono]" in salida
        assert "Julián Herrera [teléfono]" in salida
    datos = json.loads(correr("historia", repo.carpeta, "-f", "json").stdout)
    assert [c["correo"] for c in datos["commits"]] == ["[correo]", "[correo]"]


def test_un_correo_sin_punto_tambien_sale_como_correo(repo, correr):
    """«ana@LAPTOP-ANA» (el correo que git arma sin configurar) no lo reconoce el detector: el
    correo del autor es siempre un contacto y sale como «[correo]»."""
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.git("add", "-A")
    repo.git("commit", "-q", "-m", "M2", "--author", "Ana <ana@LAPTOP-ANA>", fecha="2025-10-31")
    assert "ana@LAPTOP-ANA" in repo.git("log", "-1", "--format=%ae")
    datos = json.loads(correr("historia", repo.carpeta, "-f", "json").stdout)
    assert {c["correo"] for c in datos["commits"]} == {"[correo]"}
