"""`ruta validar` para la revisión en CI: varios archivos o carpetas (como los pasa pre-commit),
`--cambios-desde REV` con su comentario en Markdown, y `--historia` (los datos personales que
quedan en la historia de git)."""

from __future__ import annotations

import json
import shutil

from markdown_it import MarkdownIt


def _segunda_ruta(repo):
    """Otra Ruta en el mismo repositorio (una copia de la primera con otra CCT)."""
    otra = repo.raiz / "escuelas" / "21DPR0001X" / "2025-2026"
    shutil.copytree(repo.carpeta, otra)
    repo.commit("Otra escuela", "2025-08-29")
    return otra


def test_varios_archivos_y_carpetas_validan_cada_ruta_una_vez(repo, correr):
    otra = _segunda_ruta(repo)
    (repo.raiz / "notas.yaml").write_text("a: 1\n", encoding="utf-8")
    r = correr("validar", repo.carpeta / "metas.yaml", repo.carpeta / "acciones.yaml", otra,
               repo.raiz / "notas.yaml", repo.carpeta, "-f", "json", "--fecha", "2026-03-27")
    datos = json.loads(r.stdout)
    assert [x["carpeta"] for x in datos["rutas"]] == [str(repo.carpeta), str(otra)]
    r = correr("validar", repo.raiz / "notas.yaml")
    assert (r.exit_code, r.stdout) == (0, "Ningún archivo indicado es de una Ruta: no hay nada que validar.\n")


def test_cambios_desde_valida_solo_lo_cambiado_y_el_md_lo_cuenta(repo, correr):
    otra = _segunda_ruta(repo)
    base = repo.git("rev-parse", "HEAD").strip()
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.reemplazar("metas.yaml", "linea_base: 58", "línea_base: 58")
    repo.commit("Sesión 2", "2025-10-31")
    r = correr("validar", repo.raiz, "--cambios-desde", base[:10], "-f", "json", "--fecha", "2026-03-27")
    assert r.exit_code == 1
    assert [x["carpeta"] for x in json.loads(r.stdout)["rutas"]] == [str(repo.carpeta)]
    md = correr("validar", repo.raiz, "--cambios-desde", base[:10], "-f", "md", "--fecha", "2026-03-27")
    assert md.exit_code == 1
    texto = md.stdout
    assert texto.startswith("## Revisión de las Rutas de mejora\n\n"
                            f"Rutas cambiadas desde `{base[:10]}` ({base[:7]}): 1 Ruta.\n\n"
                            "**1 error por corregir.**")
    assert "| ❌ error | RM104 | `metas.yaml:" in texto
    assert "- Meta M2: valor meta 85 % → 80 %" in texto
    assert str(otra.relative_to(repo.raiz)) not in texto
    fichas = MarkdownIt("commonmark").enable("table").parse(texto)
    assert sum(1 for t in fichas if t.type == "table_open") == 1
    # Sin Rutas cambiadas: lo dice y sale con 0.
    nada = correr("validar", repo.raiz, "--cambios-desde", "HEAD")
    assert (nada.exit_code, nada.stdout) == (0, "Ninguna Ruta cambió desde HEAD: no hay nada que validar.\n")


def test_cambios_desde_errores_de_uso(repo, correr):
    r = correr("validar", repo.carpeta, "--cambios-desde", "no-existe")
    assert r.exit_code == 2 and "La revisión «no-existe» no existe" in r.stderr.replace("la revisión", "La revisión")
    r = correr("validar", repo.carpeta, "--cambios-desde", "HEAD", "--historia")
    assert r.exit_code == 2 and "no se usan juntas" in r.stderr


def test_historia_encuentra_un_nombre_borrado_y_lo_enmascara(repo, correr, lineas):
    limpio = correr("validar", repo.carpeta, "--historia")
    assert limpio.exit_code == 0, limpio.output
    assert lineas(limpio.stdout) == [f"{repo.carpeta}: ningún dato personal en la historia (1 commit revisado)."]
    repo.reemplazar("diagnostico.yaml", "apoyo: ", "apoyo: Visita a la familia de Brayan Hernández López. ", 1)
    (repo.raiz / "LEEME.yaml").write_text("autor: Brayan Hernández López\n", encoding="utf-8")
    entro = repo.commit("Apoyo de USAER", "2025-10-31", "Claudia Ortega")
    repo.reemplazar("diagnostico.yaml", "Visita a la familia de Brayan Hernández López. ", "")
    salio = repo.commit("Quitar el nombre", "2025-11-03")
    r = correr("validar", repo.carpeta, "--historia")
    assert r.exit_code == 1
    assert "Brayan" not in r.stdout and "LEEME" not in r.stdout
    texto = lineas(r.stdout)
    assert texto[0] == f"{repo.carpeta}: 1 dato personal en la historia (3 commits revisados)"
    assert texto[1].startswith(f"{entro[:7]} 2025-10-31  escuelas/21DPR0487A/2025-2026/diagnostico.yaml:")
    assert texto[1].endswith("  nombre")
    assert "Visita a la familia de [nombre: B. H. L.]." in texto[2]
    assert texto[3] == f"se quitó en {salio[:7]} (2025-11-03), pero sigue en la historia"
    assert texto[-1].endswith("`ruta ayuda historia`, «Sacar un dato personal de la historia».")
    datos = json.loads(correr("validar", repo.carpeta, "--historia", "-f", "json").stdout)
    (dato,) = datos["rutas"][0]["datos"]
    assert (dato["commit"], dato["clase"], dato["quitado_en"]) == (entro, "nombre", salio)
    github = correr("validar", repo.carpeta, "--historia", "-f", "github").stdout
    assert github.startswith("::error file=escuelas/21DPR0487A/2025-2026/diagnostico.yaml,line=")


def test_historia_fuera_de_git_sale_con_2(repo, tmp_path, correr):
    fuera = tmp_path / "suelta"
    shutil.copytree(repo.carpeta, fuera)
    r = correr("validar", fuera, "--historia")
    assert r.exit_code == 2 and "no está en un repositorio de git" in r.stderr
