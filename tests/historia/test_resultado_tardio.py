"""Cambiar **qué medición juzga** una meta después de su fecha límite también se dice.

M1 (aumentar de 46 % a 60 %, vence el 19 jun 2026) se juzga con la última medición hasta ese
día: el 57 % del corte final (no lograda). Después de su fecha límite, en git, alguien le cambia
la fecha a una medición, agrega una fechada ese mismo día, quita la que la juzgaba o reordena
dos del mismo día: la Ruta de hoy la da por lograda, y la rendición dice qué se hizo, cuándo y
cuál la juzgaba al vencer (``historia.tardios``, con repositorios de git reales)."""

from __future__ import annotations

import re

FECHA = "2026-07-15"

CORTE = "      - {meta: M1, valor: 57, fuente: Corte final de comprensión lectora}\n"
CORTE_DOBLE = (CORTE + "  - fecha: 2026-06-19\n    tipo: registro\n    mediciones:\n"
               "      - {meta: M1, valor: 61, fuente: Recuento}\n")
LOGRO_TARDIO = "| Sí, con un cambio hecho después de su fecha límite |"
NO_SE_HABRIA = "Con lo planeado antes de ese cambio no se habría logrado."


def _fila(texto: str, meta: str) -> str:
    return next(x for x in texto.splitlines() if x.startswith(f"| **{meta}** "))


def _resumen(texto: str) -> str:
    return re.search(r"^## \d+\. Lo que logramos: las metas\n\n(.*)$", texto, re.M).group(1)


def _rendicion(repo, correr) -> str:
    r = correr("informe", repo.carpeta, "-t", "rendicion", "--fecha", FECHA, "--con-errores")
    assert r.exit_code == 0, r.stderr
    return r.stdout


def _con_medicion_tardia(repo) -> None:
    """Un 61 % registrado el 30 jun (después de la fecha límite: no cuenta), en su commit."""
    repo.agregar("bitacora.yaml", "  - fecha: 2026-06-30\n    tipo: registro\n    mediciones:\n"
                                  "      - {meta: M1, valor: 61, fuente: Recuento}\n")
    repo.commit("M1: recuento tardío", "2026-06-30")


def test_la_fecha_de_una_medicion_cambiada_despues(repo, correr):
    _con_medicion_tardia(repo)
    assert _fila(_rendicion(repo, correr), "M1").endswith("| No |")
    repo.reemplazar("bitacora.yaml", "  - fecha: 2026-06-30\n", "  - fecha: 2026-06-19\n")
    repo.commit("M1: fecha del recuento", "2026-07-05")
    texto = _rendicion(repo, correr)
    fila = _fila(texto, "M1")
    assert ("La medición de 61 % se cambió del 30 jun 2026 al 19 jun 2026 el 5 jul 2026, después "
            "de su fecha límite (19 jun 2026): ahora es la que la juzga, en lugar de la de 57 % del "
            f"19 jun 2026. {NO_SE_HABRIA}") in fila
    assert fila.endswith(LOGRO_TARDIO)
    assert _resumen(texto).startswith("**9 de 9 metas logradas (1 de las logradas solo con un "
                                      "cambio hecho después de su fecha límite)")


def test_una_medicion_nueva_fechada_el_dia_de_la_fecha_limite(repo, correr):
    repo.reemplazar("bitacora.yaml", CORTE, CORTE + "  - fecha: 2026-06-19\n    tipo: registro\n"
                    "    mediciones:\n      - {meta: M1, valor: 61, fuente: Recuento}\n")
    repo.commit("M1: recuento", "2026-07-05")
    fila = _fila(_rendicion(repo, correr), "M1")
    assert ("Se agregó una medición de 61 % del 19 jun 2026 el 5 jul 2026, después de su fecha "
            "límite (19 jun 2026): ahora es la que la juzga, en lugar de la de 57 % del 19 jun "
            f"2026. {NO_SE_HABRIA}") in fila
    assert fila.endswith(LOGRO_TARDIO)


def test_la_misma_medicion_nueva_antes_de_la_fecha_limite_es_un_registro(repo, correr):
    repo.reemplazar("bitacora.yaml", CORTE, CORTE_DOBLE)
    repo.commit("M1: recuento", "2026-06-19")
    fila = _fila(_rendicion(repo, correr), "M1")
    assert "fecha límite (19 jun 2026)" not in fila and fila.endswith("| Sí |")


def test_dos_mediciones_del_mismo_dia_reordenadas(repo, correr):
    # 61 y después 57 el 19 jun: la juzga 57 (no lograda); reordenadas el 5 jul, la juzga 61.
    repo.reemplazar("bitacora.yaml", CORTE, "      - {meta: M1, valor: 61, fuente: Recuento}\n"
                    "  - fecha: 2026-06-19\n    tipo: registro\n    mediciones:\n" + CORTE)
    repo.commit("M1: corte y recuento", "2026-06-19")
    assert _fila(_rendicion(repo, correr), "M1").endswith("| No |")
    repo.reemplazar("bitacora.yaml", "      - {meta: M1, valor: 61, fuente: Recuento}\n"
                    "  - fecha: 2026-06-19\n    tipo: registro\n    mediciones:\n" + CORTE,
                    CORTE_DOBLE)
    repo.commit("M1: orden", "2026-07-05")
    fila = _fila(_rendicion(repo, correr), "M1")
    assert ("Las mediciones del 19 jun 2026 se reordenaron el 5 jul 2026, después de su fecha "
            "límite (19 jun 2026): ahora la juzga la de 61 %, en lugar de la de 57 %. "
            f"{NO_SE_HABRIA}") in fila
    assert fila.endswith(LOGRO_TARDIO)


def test_quitar_la_medicion_que_la_juzgaba(repo, correr):
    # Un 61 % del 10 jun y el 57 % del 19 jun (la juzga: no lograda); se quita el 57 % el 5 jul.
    repo.reemplazar("bitacora.yaml", "  - fecha: 2026-06-19\n    tipo: registro\n    mediciones:\n"
                    + CORTE, "  - fecha: 2026-06-10\n    tipo: registro\n    mediciones:\n"
                    "      - {meta: M1, valor: 61, fuente: Recuento}\n"
                    "  - fecha: 2026-06-19\n    tipo: registro\n    mediciones:\n" + CORTE)
    repo.commit("M1: recuento", "2026-06-10")
    repo.reemplazar("bitacora.yaml", "  - fecha: 2026-06-19\n    tipo: registro\n    mediciones:\n"
                    + CORTE, "")
    repo.commit("M1: sin el corte", "2026-07-05")
    fila = _fila(_rendicion(repo, correr), "M1")
    assert ("Se quitó la medición de 57 % del 19 jun 2026 el 5 jul 2026, después de su fecha "
            f"límite (19 jun 2026): ahora la juzga la de 61 % del 10 jun 2026. {NO_SE_HABRIA}") in fila
    assert fila.endswith(LOGRO_TARDIO)


def test_una_medicion_agregada_a_una_entrada_que_ya_estaba(repo, correr):
    # Sin el corte final, M1 se juzga con el 51 % de enero; después de su fecha límite se le
    # agrega un 61 % a la entrada del 19 jun (que ya estaba, con la medición de M2).
    repo.reemplazar("bitacora.yaml", CORTE, "      - {meta: M2, valor: 86, fuente: Corte}\n")
    repo.commit("sin corte de M1", "2026-06-01")
    repo.reemplazar("bitacora.yaml", "      - {meta: M2, valor: 86, fuente: Corte}\n",
                    "      - {meta: M2, valor: 86, fuente: Corte}\n"
                    "      - {meta: M1, valor: 61, fuente: Corte final}\n")
    repo.commit("M1: corte final", "2026-07-05")
    fila = _fila(_rendicion(repo, correr), "M1")
    assert ("Se agregó una medición de 61 % del 19 jun 2026 el 5 jul 2026, después de su fecha "
            "límite (19 jun 2026): ahora es la que la juzga, en lugar de la de 51 % del") in fila
    assert fila.endswith(LOGRO_TARDIO)


def test_un_resultado_peor_no_se_cuenta(repo, correr):
    # La nota es de lo que hace más fácil la meta: cambiar a una medición peor no lo es.
    repo.reemplazar("bitacora.yaml", CORTE, CORTE + "  - fecha: 2026-06-19\n    tipo: registro\n"
                    "    mediciones:\n      - {meta: M1, valor: 50, fuente: Recuento}\n")
    repo.commit("M1: recuento", "2026-07-05")
    fila = _fila(_rendicion(repo, correr), "M1")
    assert "fecha límite (19 jun 2026)" not in fila and fila.endswith("| No |")


def test_la_medicion_corregida_se_dice_una_vez(repo, correr):
    # El 57 % corregido a 60 %: lo dice la nota de la medición, no también la del resultado.
    repo.reemplazar("bitacora.yaml", CORTE, CORTE.replace("57", "60"))
    repo.commit("M1: corte final", "2026-07-05")
    fila = _fila(_rendicion(repo, correr), "M1")
    assert "La medición del 19 jun 2026 se cambió de 57 % a 60 % el 5 jul 2026" in fila
    assert "ahora es la que la juzga" not in fila and "ahora la juzga" not in fila


def test_la_serie_de_cada_commit(repo):
    """``Diferencia.series``: las mediciones de M1 antes y después de un commit que movió una."""
    from datetime import date
    from decimal import Decimal

    from rutamejora.historia import historia_de

    _con_medicion_tardia(repo)
    repo.reemplazar("bitacora.yaml", "  - fecha: 2026-06-30\n", "  - fecha: 2026-06-19\n")
    repo.commit("M1: fecha del recuento", "2026-07-05")
    ultimo = historia_de(repo.carpeta, destino="informe")[0].diferencia
    antes, despues = ultimo.series["M1"]
    corte, recuento = (date(2026, 6, 19), Decimal(57)), (date(2026, 6, 19), Decimal(61))
    assert (date(2026, 6, 30), Decimal(61)) in antes and recuento not in antes
    # En orden de fecha y, el mismo día, en el del archivo: el recuento va después del corte.
    assert despues[despues.index(corte) + 1] == recuento
    assert len(despues) == len(antes) and set(ultimo.series) == {"M1"}


def _al_cierre(repo, fecha: str = "2026-07-01"):
    """Una copia de la Ruta escrita al cierre (como un ejemplo), que entra a git ``fecha``."""
    import shutil

    copia = repo.raiz / "escuelas/21DPR0487A/cierre"
    shutil.copytree(repo.carpeta, copia)
    repo.commit("La Ruta, escrita al cierre", fecha)
    return copia


NO_CONFIRMA = ("se registró en git después de su fecha límite ({limite}): la Ruta entró a git el "
               "{desde}, así que no se puede confirmar que se anotó a tiempo.")


def test_una_ruta_que_entro_a_git_despues_de_la_fecha_limite(repo, correr):
    # Escrita al cierre: no hay versión que diga qué la juzgaba al vencer, y cada medición que
    # se le fue agregando parecería «agregada tarde»; tampoco se puede dar por verificado que lo
    # que la juzga hoy se anotó a tiempo: lo dice, en vez de un «Sí» a secas.
    copia = _al_cierre(repo)
    archivo = copia / "bitacora.yaml"
    archivo.write_text(archivo.read_text(encoding="utf-8").replace(CORTE, ""), encoding="utf-8")
    repo.commit("Sin el corte de M1", "2026-07-02")
    archivo.write_text(archivo.read_text(encoding="utf-8").replace(
        "    mediciones:\n      - {meta: M2, valor: 86, fuente: Corte final de lectura y "
        "escritura en 2°}\n", "    mediciones:\n      - {meta: M2, valor: 86, fuente: Corte final "
        "de lectura y escritura en 2°}\n      - {meta: M1, valor: 61, fuente: Corte}\n", 1),
        encoding="utf-8")
    repo.commit("M1: corte", "2026-07-05")
    for audiencia in ("comunidad", "autoridad"):
        r = correr("informe", copia, "-t", "rendicion", "--fecha", FECHA, "--con-errores", "-a", audiencia)
        fila = _fila(r.stdout, "M1")
        assert "en lugar de" not in fila and "Con lo planeado" not in fila, fila
        assert (" La medición que la juzga (61 % del 12 jun 2026) "
                + NO_CONFIRMA.format(limite="19 jun 2026", desde="1 jul 2026")
                + " | 46 % | 61 % (12 jun 2026) | 60 % | Sí, con una medición registrada en git "
                "después de su fecha límite |") in fila, fila


def test_una_ruta_escrita_al_cierre_no_da_por_verificada_ninguna(repo, correr):
    # Las metas logradas que vencieron antes del 1 jul lo dicen; M9 y M5 vencen el 2 y el 3 jul (ya había una
    # versión ese día: se puede verificar) y M1 no está lograda (57 % de 60 %): no afirma nada.
    copia = _al_cierre(repo)
    texto = _rendicion_de(copia, correr)
    assert "M1" in texto and "Ruta entró a git" not in _fila(texto, "M1")
    assert _fila(texto, "M1").endswith("| No |")
    assert _fila(texto, "M9").endswith("| 70 % | Sí |")
    assert (" (86 % del 12 jun 2026) " + NO_CONFIRMA.format(limite="12 jun 2026", desde="1 jul 2026")
            ) in _fila(texto, "M2")
    assert _fila(texto, "M2").endswith("| Sí, con una medición registrada en git después de su "
                                       "fecha límite |")
    assert _resumen(texto).startswith("**8 de 9 metas logradas (6 de las logradas con una medición "
                                      "registrada en git después de su fecha límite, 1 no lograda).**")
    grafica = next(x for x in texto.splitlines() if x.startswith("M2  "))
    assert grafica.endswith("· lograda (con una medición registrada en git después de su fecha límite)")
    # La misma Ruta en git desde antes de sus fechas límite: ninguna nota.
    assert "se registró en git" not in _rendicion(repo, correr)


def test_un_clon_superficial_no_dice_cuando_entro_a_git(repo, correr, tmp_path):
    # La copia empieza en un commit posterior a las fechas límite, pero la Ruta pudo estar en git
    # desde antes: no dice «se registró después», dice que esta copia no lo puede mostrar.
    import subprocess

    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 84")
    repo.commit("M2 a 84", "2026-07-01")
    clon = tmp_path / "clon"
    hecho = subprocess.run(["git", "clone", "-q", "--depth", "1", f"file://{repo.raiz}", str(clon)],
                           capture_output=True, text=True)
    assert hecho.returncode == 0, hecho.stderr
    fila = _fila(_rendicion_de(clon / "escuelas/21DPR0487A/2025-2026", correr), "M3")
    assert ("Esta copia de git (un clon superficial, desde el 1 jul 2026) no tiene una versión de la "
            "Ruta de antes de su fecha límite (29 may 2026), así que no se puede confirmar que la "
            "medición que la juzga (25 alumnos del 29 may 2026) se anotó a tiempo.") in fila
    assert fila.endswith("| Sí, sin una versión en git de antes de su fecha límite |")
    assert "se registró en git" not in fila


def _rendicion_de(carpeta, correr) -> str:
    r = correr("informe", carpeta, "-t", "rendicion", "--fecha", FECHA, "--con-errores")
    assert r.exit_code == 0, r.stderr
    return r.stdout
