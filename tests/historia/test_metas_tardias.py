"""Una meta que se hizo más fácil después de su fecha límite (su valor meta o su fecha límite,
cambiados en git con el resultado ya a la vista) no sale en la rendición como un logro sin más:
junto a la meta se dice qué cambió y cuándo, y si con lo planeado antes no se habría logrado,
también su «¿se logró?», el resumen de las metas y el contraste con el balance del CTE."""

from __future__ import annotations

import re
import shutil

FECHA = "2026-07-15"
NOTA_M1 = ("El valor meta se cambió de 60 % a 55 % el 26 jun 2026, después de su fecha límite "
           "(19 jun 2026). Con lo planeado antes de ese cambio no se habría logrado.")


def _fila(texto: str, meta: str) -> str:
    return next(x for x in texto.splitlines() if x.startswith(f"| **{meta}** "))


def _resumen(texto: str) -> str:
    return re.search(r"^## \d+\. Lo que logramos: las metas\n\n(.*)$", texto, re.M).group(1)


def _rendicion(repo, correr, *extra) -> str:
    r = correr("informe", repo.carpeta, "-t", "rendicion", "--fecha", FECHA, "--con-errores", *extra)
    assert r.exit_code == 0, r.stderr
    return r.stdout


def test_valor_meta_bajado_despues_de_la_fecha_limite(repo, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 60", "valor_meta: 55")
    repo.commit("M1 a 55", "2026-06-26")
    texto = _rendicion(repo, correr)
    fila = _fila(texto, "M1")
    assert f"de 2026. {NOTA_M1} | 46 % | 57 % (19 jun 2026) | 55 % |" in fila
    assert fila.endswith("| Sí, con un cambio hecho después de su fecha límite |")
    assert _resumen(texto) == ("**9 de 9 metas logradas (1 de las logradas solo con un cambio hecho "
                               "después de su fecha límite).**")
    # El balance del CTE («8 de 9») cuenta con el valor de antes: no se le contradice.
    assert "Según los registros" not in texto
    # La autoridad y el HTML dicen lo mismo.
    assert NOTA_M1 in _fila(_rendicion(repo, correr, "-a", "autoridad"), "M1")
    html = _rendicion(repo, correr, "-f", "html")
    assert f'<div class="chico">{NOTA_M1}</div>' in html
    assert "Sí, con un cambio hecho después de su fecha límite" in html


def test_el_balance_que_no_cuadra_con_ninguna_cuenta(repo, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 60", "valor_meta: 55")
    repo.reemplazar("bitacora.yaml", "Balance: 8 de 9 metas", "Balance: 7 de 9 metas")
    repo.commit("M1 a 55", "2026-06-26")
    assert ("**Según los registros de esta Ruta, al 10 de julio de 2026 hay 9 de 9 metas logradas "
            "(una de ellas solo con un cambio hecho después de su fecha límite); el balance dice "
            "7 de 9.**") in _rendicion(repo, correr)


def test_un_ajuste_antes_de_la_fecha_limite_es_un_ajuste(repo, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 60", "valor_meta: 55")
    repo.commit("M1 a 55: la evaluación intermedia", "2026-02-06")
    texto = _rendicion(repo, correr)
    fila = _fila(texto, "M1")
    assert "después de su fecha límite" not in fila and fila.endswith("| 55 % | Sí |")
    assert _resumen(texto) == "**9 de 9 metas logradas.**"


def test_lograda_tambien_con_lo_de_antes(repo, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.commit("M2 a 80", "2026-06-15")
    texto = _rendicion(repo, correr)
    fila = _fila(texto, "M2")
    assert ("El valor meta se cambió de 85 % a 80 % el 15 jun 2026, después de su fecha límite "
            "(12 jun 2026). Con lo planeado antes de ese cambio también se habría logrado.") in fila
    assert fila.endswith("| 80 % | Sí |")
    assert _resumen(texto) == "**8 de 9 metas logradas (1 no lograda).**"


def test_fecha_limite_corrida_cuando_ya_habia_pasado(repo, correr):
    repo.reemplazar("metas.yaml", "fecha_limite: 2026-06-19", "fecha_limite: 2026-07-03")
    repo.reemplazar("bitacora.yaml", "      - {meta: M9, valor: 73,",
                    "      - {meta: M1, valor: 61, fuente: Corte extraordinario}\n"
                    "      - {meta: M9, valor: 73,")
    repo.commit("M1 hasta el 3 de julio", "2026-06-26")
    fila = _fila(_rendicion(repo, correr), "M1")
    assert ("Su fecha límite se corrió del 19 jun 2026 al 3 jul 2026 el 26 jun 2026, cuando ya había "
            "pasado. Con lo planeado antes de ese cambio no se habría logrado. | 46 % | 61 % (2 jul "
            "2026) | 60 % | Sí, con un cambio hecho después de su fecha límite |") in fila


def test_disminuir_subir_el_valor_meta_la_hace_mas_facil(repo, correr):
    # M3 (disminuir, vence el 29 may) bajó a 20 en octubre (un ajuste) y volvió a 26 en junio.
    repo.reemplazar("metas.yaml", "valor_meta: 25", "valor_meta: 20")
    repo.commit("M3 más exigente", "2025-10-01")
    repo.reemplazar("metas.yaml", "valor_meta: 20", "valor_meta: 26")
    repo.commit("M3 a 26", "2026-06-05")
    fila = _fila(_rendicion(repo, correr), "M3")
    assert ("El valor meta se cambió de 20 alumnos a 26 alumnos el 5 jun 2026, después de su fecha "
            "límite (29 may 2026). Con lo planeado antes de ese cambio no se habría logrado.") in fila
    assert fila.endswith("| Sí, con un cambio hecho después de su fecha límite |")


def test_mas_exigente_despues_no_se_cuenta(repo, correr):
    # Subir el valor meta de una meta de aumentar después de su fecha límite no la hace más fácil
    # (la deja no lograda): no es lo que esta nota cuenta.
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 90")
    repo.commit("M2 a 90", "2026-06-15")
    fila = _fila(_rendicion(repo, correr), "M2")
    assert "fecha límite" not in fila.split(" | ")[0] and fila.endswith("| No |")


def test_sin_git_no_hay_historia_que_contar(repo, tmp_path, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 60", "valor_meta: 55")
    repo.commit("M1 a 55", "2026-06-26")
    fuera = tmp_path / "suelta"
    shutil.copytree(repo.carpeta, fuera)
    r = correr("informe", fuera, "-t", "rendicion", "--fecha", FECHA, "--con-errores")
    assert _fila(r.stdout, "M1").endswith("| 55 % | Sí |")


def test_cambio_despues_del_ciclo_y_de_la_fecha_del_informe(repo, correr):
    # La Ruta de hoy ya tiene el valor del 20 de julio (después del fin de clases y de la fecha
    # del informe): se dice, y el balance del CTE («8 de 9», cierto ese día) no se contradice.
    repo.reemplazar("metas.yaml", "valor_meta: 60", "valor_meta: 55")
    repo.commit("Ajuste M1", "2026-07-20")
    texto = _rendicion(repo, correr)
    assert ("El valor meta se cambió de 60 % a 55 % el 20 jul 2026, después de su fecha límite "
            "(19 jun 2026). Con lo planeado antes de ese cambio no se habría logrado.") in _fila(texto, "M1")
    assert "Según los registros" not in texto


def test_fecha_corrida_y_despues_valor_bajado(repo, correr):
    # El 28 de junio la fecha límite ya era el 3 de julio, pero la meta había vencido el 19 de
    # junio: lo que pedía entonces (60 % al 19 de junio) es lo que cuenta.
    repo.reemplazar("metas.yaml", "fecha_limite: 2026-06-19", "fecha_limite: 2026-07-03")
    repo.commit("M1 hasta el 3 de julio", "2026-06-26")
    repo.reemplazar("metas.yaml", "valor_meta: 60", "valor_meta: 55")
    repo.commit("M1 a 55", "2026-06-28")
    texto = _rendicion(repo, correr)
    assert ("Su fecha límite se corrió del 19 jun 2026 al 3 jul 2026 el 26 jun 2026, cuando ya había "
            "pasado. El valor meta se cambió de 60 % a 55 % el 28 jun 2026, después de su fecha límite "
            "(19 jun 2026). Con lo planeado antes de esos cambios no se habría logrado.") in _fila(texto, "M1")
    assert _resumen(texto) == ("**9 de 9 metas logradas (1 de las logradas solo con un cambio hecho "
                               "después de su fecha límite).**")
    assert "Según los registros" not in texto


def test_fecha_limite_quitada_cuando_ya_habia_pasado(repo, correr):
    # Sin fecha límite la meta se juzga con su última medición: la de la evaluación final, 61 %.
    repo.reemplazar("metas.yaml", "    fecha_limite: 2026-06-19\n", "")
    repo.reemplazar("bitacora.yaml", "{meta: M1, valor: 57, fuente: Corte final de comprensión lectora (junio)",
                    "{meta: M1, valor: 61, fuente: Corte final de comprensión lectora (junio)")
    repo.commit("M1 sin fecha", "2026-06-26")
    assert ("Su fecha límite (19 jun 2026) se quitó el 26 jun 2026, cuando ya había pasado. Con lo "
            "planeado antes de ese cambio no se habría logrado.") in _fila(_rendicion(repo, correr), "M1")


def test_varios_cambios_se_cuentan_de_lo_que_pedia_a_lo_que_pide(repo, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 60", "valor_meta: 50")
    repo.commit("M1 a 50", "2026-06-26")
    repo.reemplazar("metas.yaml", "valor_meta: 50", "valor_meta: sesenta")
    repo.commit("M1 en letra", "2026-06-29")
    repo.reemplazar("metas.yaml", "valor_meta: sesenta", "valor_meta: 56")
    repo.commit("M1 a 56", "2026-07-01")
    fila = _fila(_rendicion(repo, correr), "M1")
    assert ("El valor meta se cambió de 60 % a 56 % entre el 26 jun 2026 y el 1 jul 2026, después de "
            "su fecha límite (19 jun 2026). Con lo planeado antes de ese cambio no se habría "
            "logrado.") in fila
    assert fila.endswith("| 56 % | Sí, con un cambio hecho después de su fecha límite |")


def test_un_clon_superficial_lo_dice(repo, correr, tmp_path):
    import subprocess

    repo.reemplazar("metas.yaml", "valor_meta: 60", "valor_meta: 55")
    repo.commit("M1 a 55", "2026-06-26")
    clon = tmp_path / "clon"
    hecho = subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.raiz}", str(clon)],
                           capture_output=True, text=True)
    assert hecho.returncode == 0, hecho.stderr
    r = correr("informe", clon / "escuelas/21DPR0487A/2025-2026", "-t", "rendicion", "--fecha", FECHA,
               "--con-errores")
    assert ("Esta copia del repositorio trae solo una parte de la historia de git (es un clon "
            "superficial): los cambios anteriores a su primer commit no se ven aquí, ni en lo que este "
            "informe dice de las metas. Se trae completa con la orden git fetch --unshallow.") in r.stdout
    assert "Esta copia del repositorio" not in _rendicion(repo, correr)


def test_la_grafica_de_texto_lo_dice_tambien(repo, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 60", "valor_meta: 55")
    repo.commit("M1 a 55", "2026-06-26")
    linea = next(x for x in _rendicion(repo, correr).splitlines() if x.startswith("M1  "))
    assert linea.endswith("46 % → 57 % (meta: 55 %) · lograda, con un cambio hecho después de su fecha límite")


def test_sentido_cambiado_despues_de_la_fecha_limite(repo, correr):
    # M1 (aumentar de 46 % a 60 %, 57 % al vencer) pasa a «disminuir» el 5 jul. Solo eso la deja
    # contradictoria (disminuir de 46 a 60: RM303), que nunca se da por lograda; con la línea
    # base a 70 % el 6 jul, 57 ≤ 60 la da por lograda, y la nota dice el cambio de sentido.
    texto = (repo.carpeta / "metas.yaml").read_text(encoding="utf-8")
    inicio = texto.index("  - id: M1")
    fin = texto.index("  - id: M2")
    bloque = texto[inicio:fin].replace("sentido: aumentar", "sentido: disminuir")
    (repo.carpeta / "metas.yaml").write_text(texto[:inicio] + bloque + texto[fin:], encoding="utf-8")
    repo.commit("M1: disminuir", "2026-07-05")
    assert _fila(_rendicion(repo, correr), "M1").endswith(   # la de las familias: sin código
        "| No se da por lograda: la meta es contradictoria |")
    texto = (repo.carpeta / "metas.yaml").read_text(encoding="utf-8")
    bloque = texto[inicio:fin].replace("linea_base: 46", "linea_base: 70")
    (repo.carpeta / "metas.yaml").write_text(texto[:inicio] + bloque + texto[fin:], encoding="utf-8")
    repo.commit("M1: línea base", "2026-07-06")
    fila = _fila(_rendicion(repo, correr), "M1")
    assert ("Su sentido se cambió de «aumentar» a «disminuir» el 5 jul 2026, después de su fecha "
            "límite (19 jun 2026). Con lo planeado antes de ese cambio no se habría logrado.") in fila
    assert fila.endswith("| Sí, con un cambio hecho después de su fecha límite |")


def test_medicion_corregida_despues_de_la_fecha_limite(repo, correr):
    # El 57 % del 19 de junio (la medición que juzga a M1) pasa a 60 % el 5 de julio.
    repo.reemplazar("bitacora.yaml", "      - {meta: M1, valor: 57, fuente: Corte final de comprensión lectora}\n",
                    "      - {meta: M1, valor: 60, fuente: Corte final de comprensión lectora}\n")
    repo.commit("M1: corte final", "2026-07-05")
    texto = _rendicion(repo, correr)
    fila = _fila(texto, "M1")
    assert ("La medición del 19 jun 2026 se cambió de 57 % a 60 % el 5 jul 2026, después de su fecha "
            "límite (19 jun 2026). Con lo planeado antes de ese cambio no se habría logrado.") in fila
    assert fila.endswith("| Sí, con un cambio hecho después de su fecha límite |")
    assert "Según los registros" not in texto


def test_medicion_corregida_antes_de_la_fecha_limite_es_una_correccion(repo, correr):
    repo.reemplazar("bitacora.yaml", "      - {meta: M1, valor: 57, fuente: Corte final de comprensión lectora}\n",
                    "      - {meta: M1, valor: 60, fuente: Corte final de comprensión lectora}\n")
    repo.commit("M1: corte final corregido", "2026-06-19")
    assert "La medición del" not in _fila(_rendicion(repo, correr), "M1")


def test_solo_la_medicion_que_cambio(repo, correr):
    # Dos mediciones de M1 el día de su fecha límite (57 y 61: lograda); corregir la primera
    # (57 → 58) no la hace lograda «solo por el cambio».
    repo.reemplazar("bitacora.yaml", "      - {meta: M1, valor: 57, fuente: Corte final de comprensión lectora}\n",
                    "      - {meta: M1, valor: 57, fuente: Corte final de comprensión lectora}\n"
                    "  - fecha: 2026-06-19\n    tipo: registro\n    mediciones:\n"
                    "      - {meta: M1, valor: 61, fuente: Recuento}\n")
    repo.commit("M1: recuento", "2026-06-19")
    repo.reemplazar("bitacora.yaml", "      - {meta: M1, valor: 57, fuente: Corte final de comprensión lectora}\n",
                    "      - {meta: M1, valor: 58, fuente: Corte final de comprensión lectora}\n")
    repo.commit("M1: corte corregido", "2026-07-05")
    fila = _fila(_rendicion(repo, correr), "M1")
    assert "Con lo planeado antes de ese cambio también se habría logrado." in fila
    assert fila.endswith("| Sí |")


def test_la_meta_renombrada_despues_sigue_siendo_la_misma(repo, correr):
    repo.reemplazar("metas.yaml", "valor_meta: 60", "valor_meta: 55")
    repo.commit("M1 a 55", "2026-06-26")
    repo.reemplazar("metas.yaml", "  - id: M1\n", "  - id: M10\n")
    repo.reemplazar("acciones.yaml", "M1]", "M10]", veces=0)
    repo.reemplazar("acciones.yaml", "M1,", "M10,", veces=0)
    repo.reemplazar("bitacora.yaml", "meta: M1,", "meta: M10,", veces=0)
    repo.commit("M1 ahora es M10", "2026-07-01")
    fila = _fila(_rendicion(repo, correr), "M10")
    assert ("El valor meta se cambió de 60 % a 55 % el 26 jun 2026, después de su fecha límite "
            "(19 jun 2026).") in fila
