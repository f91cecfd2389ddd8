"""Lo que `ruta historia` y `ruta cambios` dejaban fuera (de la prueba como usuario nuevo).

- Una medición de una meta en la bitácora es parte de la historia de la meta (y un registro de
  una acción, de la de la acción): ``--id M1`` muestra el commit que la agregó o la cambió.
- Los comentarios se dicen siempre: solos o junto a un cambio del plan del mismo archivo.
- Quitar o renombrar una meta o una acción que la bitácora aún cita lo dice.
- Un tipo de alumnos en riesgo se nombra en palabras, nunca con su clave.
"""

from __future__ import annotations

import re

ENTRADA = """
  - fecha: 2026-07-14
    acciones:
      - accion: A2
        estado: realizada
        avance: 100
        gasto: 150.00
    mediciones:
      - {meta: M1, valor: 62}
"""


def _registro(repo):
    with open(repo.carpeta / "bitacora.yaml", "a", encoding="utf-8") as f:
        f.write(ENTRADA)
    return repo.commit("Registro 14 jul", "2026-07-14")


def _cambios(correr, repo, commit):
    return [l.strip() for l in correr("cambios", repo.carpeta, "--hasta", commit).stdout.splitlines()
            if l.strip()][1:]


def test_una_medicion_es_parte_de_la_historia_de_su_meta(repo, correr):
    commit = _registro(repo)
    r = correr("historia", repo.carpeta, "--id", "M1")
    assert r.exit_code == 0
    assert (f"{commit[:7]}  2026-07-14  Rosa Méndez  Registro 14 jul\n"
            "    Medición de M1 en el registro del 14 jul 2026: 62 %\n") in r.stdout
    r = correr("historia", repo.carpeta, "--id", "A2", "-n", "1")
    assert r.stdout.splitlines()[3] == ("    Registro de A2 en el registro del 14 jul 2026: estado "
                                        "realizada, avance 100 %, gasto $150.00")
    # En `ruta cambios`, la bitácora sigue en su línea de siempre.
    assert _cambios(correr, repo, commit) == ["Bitácora",
                                              "Bitácora: 1 entrada nueva (registro del 14 jul 2026)"]
    # Corregir la medición es otro paso de la historia de M1, con los dos valores.
    repo.reemplazar("bitacora.yaml", "{meta: M1, valor: 62}", "{meta: M1, valor: 64}")
    corregido = repo.commit("Corrige M1", "2026-07-15")
    r = correr("historia", repo.carpeta, "--id", "M1", "-n", "1")
    assert r.stdout.splitlines()[2:4] == [
        f"{corregido[:7]}  2026-07-15  Rosa Méndez  Corrige M1",
        "    Medición de M1 en el registro del 14 jul 2026: 62 % → 64 %"]
    # Una meta que la entrada no mide no la ve.
    assert correr("historia", repo.carpeta, "--id", "M2", "-n", "2").stdout == \
        f"Ningún commit cambió M2 en {repo.carpeta}.\n"


def test_los_comentarios_se_dicen_tambien_junto_a_un_cambio_del_plan(repo, correr):
    repo.reemplazar("metas.yaml", "# Metas.\n", "# Metas del CTE.\n")
    repo.reemplazar("metas.yaml", "fecha_limite: 2026-06-19", "fecha_limite: 2026-06-26")
    commit = repo.commit("M1: fecha límite y comentario", "2025-11-28")
    assert _cambios(correr, repo, commit) == [
        "Metas", "Meta M1: fecha límite 19 jun 2026 → 26 jun 2026",
        "Formato y comentarios", "metas.yaml: también cambiaron los comentarios"]
    r = correr("historia", repo.carpeta, "--id", "M1", "-n", "1")
    assert r.stdout.splitlines()[3:5] == ["    Meta M1: fecha límite 19 jun 2026 → 26 jun 2026",
                                          "    metas.yaml: también cambiaron los comentarios"]
    # Solo un comentario: una línea, como siempre; a una meta no se le atribuye.
    repo.reemplazar("metas.yaml", "# Metas del CTE.\n", "# Metas del colectivo.\n")
    solo = repo.commit("Comentario", "2025-11-29")
    assert _cambios(correr, repo, solo) == [
        "Formato y comentarios", "metas.yaml: solo cambiaron los comentarios (el plan es el mismo)"]
    assert correr("historia", repo.carpeta, "--id", "M1", "-n", "1").stdout == \
        f"Ningún commit cambió M1 en {repo.carpeta}.\n"


def test_quitar_una_accion_que_la_bitacora_cita_lo_dice(repo, correr):
    texto = (repo.carpeta / "acciones.yaml").read_text(encoding="utf-8")
    (repo.carpeta / "acciones.yaml").write_text(texto[:texto.index("  - id: A19\n")],
                                                encoding="utf-8")
    commit = repo.commit("Quitar A19", "2025-11-28")
    (linea,) = [l for l in _cambios(correr, repo, commit) if l.startswith("Acción A19")]
    assert linea == ("Acción A19 quitada: «Tablero de indicadores: en cada sesión ordinaria del CTE "
                     "se actualiza…» (la bitácora aún cita A19 en sus entradas del 26 sep 2025 y "
                     "del 26 jun 2026)")


def test_un_tipo_de_alumnos_en_riesgo_se_dice_en_palabras(repo, correr):
    repo.reemplazar("diagnostico.yaml", "  - tipo: no_alcanzar_aprendizajes\n    cantidad: 21",
                    "  - tipo: no_alcanzar_aprendizajes\n    cantidad: 23")
    r = correr("cambios", repo.carpeta)
    assert [l.strip() for l in r.stdout.splitlines() if l.strip()][1:] == [
        "Diagnóstico", "Diagnóstico: alumnos en riesgo (en riesgo de no alcanzar los aprendizajes, "
                       "2° a 6°: cambió)"]


# Una clave de catálogo en snake_case («no_alcanzar_aprendizajes»): lo que lee un programa.
CLAVE_INTERNA = re.compile(r"(?<![\w/.\\-])[a-z]+(?:_[a-z0-9]+)+(?![\w/.-])")


def test_cambios_entre_los_ejemplos_sin_claves_internas(correr):
    from pathlib import Path

    raiz = Path(__file__).resolve().parents[2] / "ejemplos"
    ejemplos = sorted(p for p in raiz.iterdir() if p.is_dir())
    vistas = 0
    for antes in ejemplos:
        for despues in ejemplos:
            if antes != despues:
                r = correr("cambios", despues, "--con", antes)
                assert r.exit_code == 0
                assert CLAVE_INTERNA.findall(r.stdout) == [], (antes.name, despues.name)
                vistas += "alumnos en riesgo (" in r.stdout
    assert vistas > 0   # los ejemplos difieren en sus alumnos en riesgo: la prueba los ve
