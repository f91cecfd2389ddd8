"""La rendición cuenta los ajustes del ciclo: la historia en git (cada cambio a metas, acciones y
prioridades con su fecha) junto a los ajustes de la bitácora (el motivo), por fecha e id; para
las familias en palabras llanas y sin datos de personas, para la autoridad con el commit; sin
git, solo la bitácora, y lo dice."""

from __future__ import annotations

import re
import shutil

import pytest

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
                         "docente de 1°A, docente de 2°A, docente de 4°A | Ningún ajuste de la "
                         "bitácora lo explica |")
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
    assert lineas[4] == (f"| 30 ene 2026 | Acción A3: responsables DOC1, DOC2 → DOC1, DOC2, DOC4 | "
                         "Ningún ajuste de la bitácora lo explica | "
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


# --- Qué ajuste explica qué cambio --------------------------------------------------------------
# El ajuste del 31 oct 2025 de la bitácora del ejemplo: «Se reprograma el taller para familias
# (A17) del 3-21 de noviembre al 9-27 de febrero de 2026: … Las metas M8 y M9 conservan su
# fecha.» (acciones: [A17], metas: [M8, M9]).
REPROGRAMA = "| Se reprograma el taller para familias (A17) del 3-21 de noviembre al 9-27 de febrero"
SIN_MOTIVO = "| Ningún ajuste de la bitácora lo explica |"
# Un cambio sin ajuste que lo explique, cuando el ajuste del 31 oct de A17 no explicó ninguno.
EN_SU_RENGLON = ("| Ningún ajuste de la bitácora lo explica (el ajuste del 31 oct 2025 sobre A17 va en "
                 "su propio renglón) |")
ANOTADO = "| 31 oct 2025 | Anotado en la bitácora (A17, M8 y M9) " + REPROGRAMA


def _filas(repo, correr) -> list[str]:
    r = correr("informe", repo.carpeta, "-t", "rendicion", "--fecha", FECHA)
    assert r.exit_code == 0, r.stderr
    return [x for x in _seccion(r.stdout) if x.startswith("| ") and not x.startswith("| Fecha")]


def _reprogramar(repo, fecha: str) -> None:
    repo.reemplazar("acciones.yaml", "    inicio: 2025-11-03\n    fin: 2025-11-21\n",
                    "    inicio: 2026-02-09\n    fin: 2026-02-27\n")
    repo.commit("Taller de familias a febrero", fecha)


def test_un_ajuste_de_fechas_no_explica_otro_campo(repo, correr):
    # Dos días después del ajuste, A17 cambia de responsables: el ajuste habla de reprogramar,
    # no de eso. El commit que sí reprograma, después, lo cita.
    repo.reemplazar("acciones.yaml", "responsables: [USAER, APF]", "responsables: [USAER]")
    repo.commit("A17 sin la APF", "2025-11-02")
    _reprogramar(repo, "2025-11-05")
    filas = _filas(repo, correr)
    assert filas[0] == ("| 2 nov 2025 | Acción A17: responsables pasó de USAER, APF a USAER "
                        + SIN_MOTIVO)
    assert filas[1].startswith("| 5 nov 2025 | Acción A17: inicio pasó de 3 nov 2025 a 9 feb 2026; fin "
                               "pasó de 21 nov 2025 a 27 feb 2026 " + REPROGRAMA)


def test_un_ajuste_anotado_dias_despues_del_cambio_lo_explica(repo, correr):
    # El plan se editó el 28 oct y la sesión del CTE que lo anotó fue el 31: es su motivo.
    _reprogramar(repo, "2025-10-28")
    filas = _filas(repo, correr)
    assert filas[0].startswith("| 28 oct 2025 | Acción A17: inicio pasó de 3 nov 2025 a 9 feb 2026; fin "
                               "pasó de 21 nov 2025 a 27 feb 2026 " + REPROGRAMA)
    assert not any(f.startswith(ANOTADO) for f in filas)


def test_un_ajuste_lejos_del_cambio_no_lo_explica_y_se_dice_donde_esta(repo, correr):
    # El commit es del 23 oct, 8 días antes del ajuste (más que motivos.DESPUES): no fue su
    # motivo. El cambio no dice que nada se anotó: señala el renglón del ajuste.
    _reprogramar(repo, "2025-10-23")
    filas = _filas(repo, correr)
    assert filas[0] == ("| 23 oct 2025 | Acción A17: inicio pasó de 3 nov 2025 a 9 feb 2026; fin pasó "
                        "de 21 nov 2025 a 27 feb 2026 " + EN_SU_RENGLON)
    assert filas[1].startswith(ANOTADO)
    autoridad = correr("informe", repo.carpeta, "-t", "rendicion", "--fecha", FECHA, "-a", "autoridad")
    assert "anotado de 21 días antes del commit a 7 después" in autoridad.stdout


def test_un_ajuste_explica_un_solo_cambio(repo, correr):
    # Reprogramado el 3 nov y otra vez el 10 nov (otra semana): el ajuste del 31 oct es el motivo
    # del primero; el segundo no tiene uno anotado.
    _reprogramar(repo, "2025-11-03")
    repo.reemplazar("acciones.yaml", "    inicio: 2026-02-09\n    fin: 2026-02-27\n",
                    "    inicio: 2026-02-16\n    fin: 2026-03-06\n")
    repo.commit("Taller de familias una semana después", "2025-11-10")
    filas = _filas(repo, correr)
    assert filas[0].startswith("| 3 nov 2025 | Acción A17: inicio pasó de 3 nov 2025 a 9 feb 2026; "
                               "fin pasó de 21 nov 2025 a 27 feb 2026 " + REPROGRAMA)
    assert filas[1] == ("| 10 nov 2025 | Acción A17: inicio pasó de 9 feb 2026 a 16 feb 2026; fin pasó "
                        "de 27 feb 2026 a 6 mar 2026 " + SIN_MOTIVO)
    assert not any(f.startswith(ANOTADO) for f in filas)


def test_lo_que_el_ajuste_dice_que_no_cambia(repo, correr):
    # «Las metas M8 y M9 conservan su fecha»: en el mismo commit, el cambio a A17 lleva el
    # ajuste y el de la fecha límite de M8, ninguno.
    _reprogramar(repo, "2025-11-03")
    repo.reemplazar("metas.yaml", "    valor_meta: 2\n    fecha_limite: 2026-06-26\n",
                    "    valor_meta: 2\n    fecha_limite: 2026-07-03\n")
    repo.commit("M8 una semana más", "2025-11-03")
    filas = _filas(repo, correr)
    assert filas[0].startswith("| 3 nov 2025 | Acción A17: inicio pasó de 3 nov 2025 a 9 feb 2026; "
                               "fin pasó de 21 nov 2025 a 27 feb 2026 " + REPROGRAMA)
    assert filas[1] == "| 3 nov 2025 | Meta M8: fecha límite pasó de 26 jun 2026 a 3 jul 2026 " + SIN_MOTIVO


def test_que_ajuste_explica_que_cambio():
    from datetime import date

    from rutamejora.historia.ajustes import Ajuste
    from rutamejora.historia.diferencia import Cambio, CampoCambiado
    from rutamejora.historia.motivos import explica

    def cambio(id_, campo):
        return Cambio("acciones", "cambiado", "", id_, (id_,), [CampoCambiado(campo, campo, "a", "b")])

    ajuste = Ajuste(fecha=date(2026, 2, 27), ids=["A10", "A15", "M5"], motivo=(
        "Se cancela la visita al museo Imagina (A10): el Ayuntamiento no confirmó el autobús. "
        "Lo no ejercido de F3 cubre la reposición del material del recreo activo (A15)."))
    dia = date(2026, 3, 2)
    assert explica(ajuste, cambio("A15", "costo"), dia)
    assert not explica(ajuste, cambio("A16", "costo"), dia)            # otro id
    assert explica(ajuste, cambio("A15", "costo"), date(2026, 2, 26))       # 1 día antes del ajuste
    assert explica(ajuste, cambio("A15", "costo"), date(2026, 2, 20))       # 7 días antes
    assert not explica(ajuste, cambio("A15", "costo"), date(2026, 2, 19))   # 8
    assert explica(ajuste, cambio("A15", "costo"), date(2026, 3, 20))       # 21 días después
    assert not explica(ajuste, cambio("A15", "costo"), date(2026, 3, 21))   # 22
    mantiene = Ajuste(fecha=date(2026, 6, 26), ids=["M1"], motivo=(
        "La meta M1 no se alcanzó en su fecha (57 % contra 60 %). Se mantiene como está en esta "
        "Ruta para la evaluación final."))
    assert not explica(mantiene, cambio("M1", "valor_meta"), date(2026, 6, 30))


def _a5(campo: str):
    """Un cambio a la acción A5 en ``campo`` (``tiempos.fin``, ``responsables``…)."""
    from rutamejora.historia.diferencia import Cambio, CampoCambiado

    return Cambio("acciones", "cambiado", "", "A5", ("A5",), [CampoCambiado(campo, campo, "a", "b")])


@pytest.mark.parametrize("motivo, campo", [
    # «se mantienen» habla de sus responsables, no de las fechas de A5.
    ("La acción A5 se recorre a marzo; se mantienen sus responsables.", "tiempos.fin"),
    ("La acción A5 se recorre a marzo, pero se mantienen sus responsables.", "tiempos.fin"),
    # «Lo demás» no es A5.
    ("Se pospone A5 porque no llegó el material. Lo demás sigue igual.", "tiempos.fin"),
    # Lo que no cambia es el costo; lo que cambia, la fecha.
    ("A5 cambia de fecha; su costo no cambia.", "tiempos.fin"),
    ("A5 conserva sus fechas; cambian sus responsables.", "responsables"),
    # Sin decir qué cambia, el texto no basta para descartar.
    ("Entra la maestra de 4°A al taller (A5); el costo no cambia.", "responsables"),
    ("Se ajusta A5 a lo que pidió la supervisión.", "costo"),
])
def test_ajustes_que_explican_un_cambio_a_a5(motivo, campo):
    from datetime import date

    from rutamejora.historia.ajustes import Ajuste
    from rutamejora.historia.motivos import explica

    ajuste = Ajuste(fecha=date(2026, 2, 27), ids=["A5"], motivo=motivo)
    assert explica(ajuste, _a5(campo), date(2026, 3, 2))
    assert explica(ajuste, _a5(campo), date(2026, 2, 24))   # editado antes de la sesión


@pytest.mark.parametrize("ids, motivo, campo", [
    (["A6"], "Se pospone A6 porque no llegó el material.", "tiempos.fin"),        # otro id
    (["A5"], "A5 conserva sus fechas.", "tiempos.fin"),
    (["A5"], "La acción A5 mantiene sus fechas; el resto se recorre a abril.", "inicio"),
    (["A5"], "A5 conserva sus fechas; cambian sus responsables.", "tiempos.fin"),
    (["A5"], "A5 no se pospone: el material llegó.", "tiempos.fin"),
    (["A5"], "La acción A5 no se realizó a tiempo. Se mantiene como está.", "costo"),
    (["A5"], "A5 cambia de fecha; su costo no cambia.", "costo"),
    (["A5"], "La acción A5 se recorre a marzo; se mantienen sus responsables.", "responsables"),
    (["A5", "A6"], "A5 y A6 conservan su fecha.", "responsables"),  # solo dice que se queda
])
def test_ajustes_que_no_explican_un_cambio_a_a5(ids, motivo, campo):
    from datetime import date

    from rutamejora.historia.ajustes import Ajuste
    from rutamejora.historia.motivos import explica

    ajuste = Ajuste(fecha=date(2026, 2, 27), ids=ids, motivo=motivo)
    assert not explica(ajuste, _a5(campo), date(2026, 3, 2))


def test_un_ajuste_lejos_del_commit_no_lo_explica():
    from datetime import date

    from rutamejora.historia.ajustes import Ajuste
    from rutamejora.historia.motivos import DESPUES, VENTANA, explica

    ajuste = Ajuste(fecha=date(2026, 2, 27), ids=["A5"], motivo="Se pospone A5 a abril.")
    assert (VENTANA, DESPUES) == (21, 7)
    assert not explica(ajuste, _a5("tiempos.fin"), date(2026, 3, 21))   # 22 días después
    assert not explica(ajuste, _a5("tiempos.fin"), date(2026, 2, 19))   # 8 días antes
    assert explica(ajuste, _a5("tiempos.fin"), date(2026, 3, 20))


def test_si_varios_ajustes_lo_explican_va_el_mas_cercano_al_commit():
    """El más reciente se llevaría el ajuste anotado días después para el commit siguiente; a la
    misma distancia, el anotado antes (el CTE decide y después se edita el plan)."""
    from datetime import date

    from rutamejora.historia.ajustes import Ajuste, _juntar
    from rutamejora.historia.git import Commit

    lejos = Ajuste(fecha=date(2026, 2, 10), ids=["A5"], motivo="Se pospone A5 a marzo.", anotado="lejos")
    cerca = Ajuste(fecha=date(2026, 3, 1), ids=["A5"], motivo="Se pospone A5 a abril.", anotado="cerca")
    despues = Ajuste(fecha=date(2026, 3, 4), ids=["A5"], motivo="Se pospone A5 a mayo.", anotado="después")
    from datetime import datetime

    commit = Commit("c1", (), "Docente", "docente@escuela.mx", datetime(2026, 3, 2, 18, 0), "Reprograma A5")
    assert [g.anotado for g in _juntar(commit, date(2026, 3, 2), [_a5("tiempos.fin")],
                                       [lejos, cerca, despues], {})] == ["cerca"]
    antes = Ajuste(fecha=date(2026, 2, 28), ids=["A5"], motivo="Se pospone A5 a abril.", anotado="antes")
    assert [g.anotado for g in _juntar(commit, date(2026, 3, 2), [_a5("tiempos.fin")],
                                       [despues, antes], {})] == ["antes"]
