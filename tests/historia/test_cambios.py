"""`ruta cambios`: la diferencia semántica entre dos versiones de una Ruta, en las palabras y los ids
del dominio, sobre repositorios git de verdad armados desde los ejemplos (y sin git, dos
carpetas)."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path

from markdown_it import MarkdownIt

PRIMARIA = Path(__file__).resolve().parents[2] / "ejemplos" / "primaria-2025-2026"


def test_valor_meta_responsables_y_costo_en_palabras_del_dominio(repo, correr, lineas):
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.reemplazar("acciones.yaml", "responsables: [DOC1, DOC2]", "responsables: [DOC1, DOC2, DOC4]")
    repo.reemplazar("acciones.yaml", "costo: 2400.00", "costo: 5600.00")
    r = correr("cambios", repo.carpeta)
    assert r.exit_code == 0, r.output
    assert lineas(r.stdout) == [
        f"Cambios en {repo.carpeta}: HEAD ({repo.git('rev-parse', '--short=7', 'HEAD').strip()}) → el árbol de trabajo",
        "Metas",
        "Meta M2: valor meta 85 % → 80 %",
        "Acciones",
        "Acción A3: responsables DOC1, DOC2 → DOC1, DOC2, DOC4; costo $2,400.00 → $5,600.00",
        "Presupuesto",
        "Costo planeado +$3,200.00 (fuente F2): $10,400.00 → $13,600.00",
    ]


def test_sin_cambios(repo, correr, lineas):
    r = correr("cambios", repo.carpeta)
    assert r.exit_code == 0
    assert lineas(r.stdout)[-1] == "Sin cambios en la Ruta."


def test_accion_nueva_y_prioridad_quitada_con_lo_que_deja_suelto(repo, correr):
    repo.agregar("acciones.yaml", """
  - id: A20
    metas: [M1]
    actividad: Club de lectura los viernes con las familias de 3° y 4°.
    responsables: [DOC3, APF]
    recursos: [Libros de la biblioteca escolar]
    costo: 0
    inicio: 2026-02-06
    fin: 2026-06-26
""")
    repo.quitar_bloque("prioridades.yaml", "  - id: P3", "no_atendidas:")
    r = correr("cambios", repo.carpeta)
    assert "Acción A20 nueva: «Club de lectura los viernes con las familias de 3° y 4°.»" in r.stdout
    assert ("Prioridad P3 quitada: «Construir con alumnos y familias normas de convivencia claras, "
            "atende…» (las acciones A15, A16, A17 y A18 ya no sirven a ninguna prioridad)") in r.stdout


def test_un_id_renombrado_con_el_mismo_contenido_es_un_renombre(repo, correr, lineas):
    repo.reemplazar("metas.yaml", "  - id: M3\n", "  - id: M10\n")
    texto = (repo.carpeta / "acciones.yaml").read_text(encoding="utf-8")
    texto = re.sub(r"\bM3\b", "M10", texto)
    (repo.carpeta / "acciones.yaml").write_text(texto, encoding="utf-8")
    r = correr("cambios", repo.carpeta)
    # La bitácora no se tocó: sus mediciones siguen citando M3, y el renombre lo dice.
    assert lineas(r.stdout)[1:] == ["Metas", "Meta M3 ahora es M10 (mismo contenido) (la bitácora "
                                    "aún cita M3 en sus entradas del 26 sep 2025, del 30 ene "
                                    "2026, del 29 may 2026 y 1 más)"]


def test_un_reordenamiento_es_una_linea(repo, correr, lineas):
    texto = (repo.carpeta / "objetivos.yaml").read_text(encoding="utf-8")
    cabeza, _, cuerpo = texto.partition("objetivos:\n")
    bloques = ["  - id:" + b for b in cuerpo.split("  - id:")[1:]]
    bloques = [b if b.endswith("\n\n") else b.rstrip("\n") + "\n\n" for b in bloques]
    (repo.carpeta / "objetivos.yaml").write_text(cabeza + "objetivos:\n" + "".join(reversed(bloques)),
                                                 encoding="utf-8")
    r = correr("cambios", repo.carpeta)
    assert lineas(r.stdout)[1:] == ["Objetivos", "Objetivos: mismo contenido en otro orden (O5, O4, O3, O2, O1)"]


def test_formato_y_comentarios_son_una_linea(repo, correr, lineas):
    repo.reemplazar("metas.yaml", "# Metas.", "# Metas del ciclo 2025-2026.")
    repo.reemplazar("acciones.yaml", "    metas: [M1]\n", "    metas:\n      - M1\n")
    r = correr("cambios", repo.carpeta)
    assert lineas(r.stdout)[1:] == [
        "Formato y comentarios",
        "metas.yaml: solo cambiaron los comentarios (el plan es el mismo)",
        "acciones.yaml: solo cambió el formato (el plan es el mismo)",
    ]


def test_bitacora_nuevas_entradas_y_sus_ajustes(repo, correr):
    original = (repo.carpeta / "bitacora.yaml").read_text(encoding="utf-8")
    texto = original[:original.index("  - fecha: 2026-02-27")]
    (repo.carpeta / "bitacora.yaml").write_text(texto, encoding="utf-8")
    repo.commit("Bitácora hasta la sesión 4", "2026-01-30")
    (repo.carpeta / "bitacora.yaml").write_text(original, encoding="utf-8")
    r = correr("cambios", repo.carpeta)
    # Las entradas de la sesión 5 en adelante: las sesiones 5 a 8, la evaluación final y los
    # registros sueltos que traiga el ejemplo.
    nuevas = original[original.index("  - fecha: 2026-02-27"):].count("\n  - fecha:") + 1
    linea = next(x.strip() for x in r.stdout.splitlines() if x.strip().startswith("Bitácora: "))
    assert linea.startswith(f"Bitácora: {nuevas} entradas nuevas (sesiones 5, 6, 7 y 8; ")
    assert "evaluación final del 10 jul 2026" in linea
    assert "Ajuste de la sesión 5 (27 feb 2026): «Se cancela la visita al museo Imagina (A10)" in r.stdout


def test_presupuesto_fuente(repo, correr):
    repo.reemplazar("ruta.yaml", "monto: 18000.00", "monto: 20000.00")
    r = correr("cambios", repo.carpeta)
    assert "Fuente F2: monto $18,000.00 → $20,000.00" in r.stdout


def test_desde_y_hasta_entre_commits(repo, correr, lineas):
    primero = repo.git("rev-parse", "HEAD").strip()
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    segundo = repo.commit("M2 a 80", "2025-10-31", "Julián Herrera")
    repo.reemplazar("metas.yaml", "valor_meta: 80", "valor_meta: 75")
    tercero = repo.commit("M2 a 75", "2025-11-28")
    r = correr("cambios", repo.carpeta, "--desde", "HEAD~2", "--hasta", "HEAD")
    assert lineas(r.stdout)[0].endswith(f"HEAD~2 ({primero[:7]}) → HEAD ({tercero[:7]})")
    assert "Meta M2: valor meta 85 % → 75 %" in r.stdout
    solo = correr("cambios", repo.carpeta, "--hasta", segundo[:10])
    assert lineas(solo.stdout)[0].endswith(f"→ {segundo[:7]}")
    assert "Meta M2: valor meta 85 % → 80 %" in solo.stdout
    # --hasta del primer commit: la Ruta nació ahí.
    inicio = correr("cambios", repo.carpeta, "--hasta", primero)
    assert "La Ruta es nueva (9 metas, 19 acciones)" in inicio.stdout


def test_json_y_markdown(repo, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.reemplazar("acciones.yaml", "Taller diario de 40 minutos", "Taller <script>alert(1)</script> de 40 minutos")
    datos = json.loads(correr("cambios", repo.carpeta, "--formato", "json").stdout)
    assert datos["version"] == 1 and datos["sin_cambios"] is False
    metas = next(p for p in datos["partes"] if p["parte"] == "metas")
    assert metas["cambios"] == [{"parte": "metas", "tipo": "cambiado", "id": "M2",
                                 "texto": "Meta M2: valor meta 85 % → 80 %",
                                 "campos": [{"campo": "valor_meta", "antes": "85 %", "despues": "80 %"}]}]
    md = correr("cambios", repo.carpeta, "-f", "md").stdout
    fichas = MarkdownIt("commonmark").parse(md)
    titulos = [fichas[i + 1].content for i, t in enumerate(fichas) if t.type == "heading_open"]
    assert titulos[0].startswith("Cambios en") and titulos[1:] == ["Metas", "Acciones"]
    assert "<script>" not in MarkdownIt("commonmark").render(md)
    assert "- Meta M2: valor meta 85 % → 80 %" in md


def test_un_nombre_de_alumno_citado_sale_enmascarado(repo, correr):
    repo.reemplazar("acciones.yaml", "Taller diario de 40 minutos", "Taller para Brayan Hernández López, de 40 minutos")
    for formato, marca in (("texto", "[nombre: B. H. L.]"), ("md", "\\[nombre: B. H. L.\\]")):
        salida = correr("cambios", repo.carpeta, "-f", formato).stdout
        assert "Brayan" not in salida and marca in salida


def test_la_agrupacion_del_marco_con_sus_palabras(repo_pemc, correr):
    repo_pemc.reemplazar("prioridades.yaml", "orden: 1", "orden: 9")
    r = correr("cambios", repo_pemc.carpeta)
    assert "Ámbitos" in r.stdout
    assert "Ámbito P1: orden 1 → 9" in r.stdout


def test_dos_carpetas_sin_git(tmp_path, correr, monkeypatch, lineas):
    antes, despues = tmp_path / "2024-2025", tmp_path / "2025-2026"
    shutil.copytree(PRIMARIA, antes)
    shutil.copytree(PRIMARIA, despues)
    (despues / "metas.yaml").write_text((despues / "metas.yaml").read_text(encoding="utf-8")
                                        .replace("valor_meta: 85", "valor_meta: 90"), encoding="utf-8")
    vacio = tmp_path / "sin-git"
    vacio.mkdir()
    monkeypatch.setenv("PATH", str(vacio))
    r = correr("cambios", despues, "--con", antes)
    assert r.exit_code == 0, r.output
    assert lineas(r.stdout) == [f"Cambios en {despues}: {antes} → {despues}", "Metas",
                                "Meta M2: valor meta 85 % → 90 %"]
    # La forma con git sí lo necesita: mensaje claro y salida 2.
    r = correr("cambios", despues)
    assert r.exit_code == 2
    assert "No encontré el programa git" not in r.stdout
    assert r.stderr.startswith("ruta: no encontré el programa git en esta computadora.\nPista:")


def test_errores_de_uso_salen_con_2_y_una_pista(repo, tmp_path, correr):
    fuera = tmp_path / "suelta"
    shutil.copytree(repo.carpeta, fuera)
    r = correr("cambios", fuera)
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: la carpeta {fuera} no está en un repositorio de git.\nPista: Corre el "
                        "comando dentro de un clon del repositorio de Rutas (o crea uno: git init y "
                        "git commit). Sin git, compara dos carpetas: ruta cambios CARPETA --con OTRA.\n")
    r = correr("cambios", repo.carpeta, "--desde", "v9.9")
    assert r.exit_code == 2 and "La revisión «v9.9» no existe" in r.stderr.replace("la revisión", "La revisión")
    r = correr("cambios", repo.carpeta, "--con", fuera, "--desde", "HEAD")
    assert r.exit_code == 2 and "--con compara dos carpetas" in r.stderr
    r = correr("cambios", tmp_path / "no-existe")
    assert r.exit_code == 2 and "no existe" in r.stderr


def test_un_clon_superficial_pide_traer_mas_historia(repo, tmp_path, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.commit("M2 a 80", "2025-10-31")
    clon = tmp_path / "clon"
    subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.raiz}", str(clon)], check=True,
                   capture_output=True)
    carpeta = clon / repo.carpeta.relative_to(repo.raiz)
    r = correr("cambios", carpeta, "--desde", "HEAD~1")
    assert r.exit_code == 2
    assert "clon superficial" in r.stderr and "git fetch --unshallow" in r.stderr and "fetch-depth: 0" in r.stderr


def test_leer_otras_revisiones_no_toca_el_arbol_ni_el_indice(repo, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.commit("M2 a 80", "2025-10-31")
    repo.reemplazar("metas.yaml", "valor_meta: 80", "valor_meta: 70")
    repo.git("add", str(repo.carpeta / "metas.yaml"))
    repo.reemplazar("acciones.yaml", "costo: 2400.00", "costo: 2500.00")
    antes = repo.huellas()
    for args in (["cambios", repo.carpeta], ["cambios", repo.carpeta, "--desde", "HEAD~1", "--hasta", "HEAD"],
                 ["historia", repo.carpeta], ["historia", repo.carpeta, "--id", "M2"]):
        assert correr(*args).exit_code == 0
    assert repo.huellas() == antes
    assert repo.git("status", "--porcelain").splitlines() == [
        " M escuelas/21DPR0487A/2025-2026/acciones.yaml", "M  escuelas/21DPR0487A/2025-2026/metas.yaml"]


def test_una_fuente_nueva_con_su_costo_planeado(repo, correr):
    repo.reemplazar("ruta.yaml", "      monto: 14000.00\n",
                    "      monto: 14000.00\n    - id: F4\n      nombre: Donativo de la cooperativa\n"
                    "      monto: 3000.00\n")
    repo.reemplazar("acciones.yaml", "    costo: 2400.00\n    fuente: F2\n", "    costo: 2400.00\n    fuente: F4\n")
    r = correr("cambios", repo.carpeta)
    assert r.exit_code == 0, r.output
    assert "Fuente F4 nueva: «Donativo de la cooperativa»" in r.stdout
    assert "Costo planeado -$2,400.00 (fuente F2): $10,400.00 → $8,000.00" in r.stdout
    assert "Costo planeado +$2,400.00 (fuente F4): $0.00 → $2,400.00" in r.stdout
