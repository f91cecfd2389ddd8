"""Los marcos son datos: uno definido solo en tests/ carga y valida una Ruta sin tocar Python."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from rutamejora.catalogos import cargar_marco, marcos_disponibles
from rutamejora.reglas.validacion import validar

PROPIO = Path(__file__).resolve().parents[1] / "datos" / "marco-propio"


def test_marco_propio_se_encuentra_junto_a_la_ruta():
    escuela = PROPIO / "escuela"
    assert "zona-045" in marcos_disponibles(escuela)
    assert "rme-2014" in marcos_disponibles(escuela)
    marco = cargar_marco("zona-045", escuela)
    assert marco.agrupacion["singular"] == "eje"


def test_ruta_con_marco_propio_valida_limpia():
    resultado = validar(PROPIO / "escuela", date(2025, 10, 1), True)
    assert resultado.problemas == []
    assert resultado.ruta.marco.nombre == "Proyecto integral de la zona 045"
    # El sinónimo del catálogo se lee como su clave.
    assert resultado.ruta.prioridades[0].prioridad == "lectura-comunitaria"


def test_los_valores_vienen_del_marco_propio(tmp_path):
    copia = tmp_path / "marco-propio"
    shutil.copytree(PROPIO, copia)
    prioridades = copia / "escuela" / "prioridades.yaml"
    prioridades.write_text(prioridades.read_text(encoding="utf-8").replace(
        "Lectura en comunidad", "mejora-aprendizajes"), encoding="utf-8")
    resultado = validar(copia / "escuela", date(2025, 10, 1), True)
    assert [(p.codigo, p.mensaje) for p in resultado.problemas] == [
        ("RM107", "Eje P1: `mejora-aprendizajes` no es un valor válido de `prioridad`.")]
    assert "`lectura-comunitaria`" in resultado.problemas[0].pista


def test_marco_inexistente_sugiere(tmp_path):
    copia = tmp_path / "r"
    shutil.copytree(PROPIO / "escuela", copia)
    ruta = copia / "ruta.yaml"
    ruta.write_text(ruta.read_text(encoding="utf-8").replace("marco: zona-045", "marco: rme-2015"),
                    encoding="utf-8")
    resultado = validar(copia, date(2025, 10, 1), True)
    primero = resultado.problemas[0]
    assert (primero.codigo, primero.pista) == ("RM107", "¿Quisiste decir `rme-2014`?")


# --- Los marcos de hoy: pmc-2024 y pemc-2019 -------------------------------------------------

EJEMPLOS = Path(__file__).resolve().parents[2] / "ejemplos"
PMC = EJEMPLOS / "pmc-primaria-2025-2026"
FIN = date(2026, 7, 15)


def _copia(tmp_path, origen=PMC):
    copia = tmp_path / origen.name
    shutil.copytree(origen, copia)
    return copia


def _cambiar(carpeta, archivo, viejo, nuevo, veces=1):
    ruta = carpeta / archivo
    texto = ruta.read_text(encoding="utf-8")
    assert viejo in texto
    ruta.write_text(texto.replace(viejo, nuevo, veces), encoding="utf-8")


def test_los_tres_marcos_estan_incluidos():
    assert {"rme-2014", "pemc-2019", "pmc-2024"} <= set(marcos_disponibles())
    pmc = cargar_marco("pmc-2024")
    assert (pmc.singular, pmc.plural, pmc.clave_lista, pmc.clave_referencia) == \
        ("problemática", "problemáticas", "problematicas", "problematica")
    assert pmc.informe_final["nombre"] == "Comunicación de resultados"
    pemc = cargar_marco("pemc-2019")
    assert pemc.horizonte == (2, 4)
    assert len(pemc.valores("agrupacion")) == 8  # los ocho ámbitos, jerarquizados
    assert pemc.estado("prioridad", "orden") == "requerido"
    assert cargar_marco("rme-2014").horizonte == (1, 1)


def test_pmc_lee_las_problematicas_como_la_agrupacion():
    resultado = validar(PMC, FIN, True)
    assert resultado.problemas == []
    ruta = resultado.ruta
    assert [p.id for p in ruta.prioridades] == ["P1", "P2", "P3"]
    assert "aprovechamiento-asistencia" in ruta.prioridades[0].ambitos
    assert ruta.objetivos[0].prioridad == "P1"
    assert ruta.objetivos[0].pos("prioridad")[2] == "objetivos[0].problematica"


def test_pmc_acepta_tambien_la_clave_del_formato(tmp_path):
    copia = _copia(tmp_path)
    _cambiar(copia, "prioridades.yaml", "problematicas:", "prioridades:")
    _cambiar(copia, "objetivos.yaml", "problematica: P1", "prioridad: P1")
    assert validar(copia, FIN, True).problemas == []


def test_pmc_habla_con_sus_palabras(tmp_path):
    copia = _copia(tmp_path)
    _cambiar(copia, "objetivos.yaml", "problematica: P1", "problematica: P9")
    problemas = validar(copia, FIN, True).problemas
    assert [(p.codigo, p.mensaje, p.ruta_yaml) for p in problemas] == [
        ("RM202", "Objetivo O1: no hay ninguna problemática con id `P9`.", "objetivos[0].problematica")]


def test_pmc_falta_la_referencia_con_su_nombre(tmp_path):
    copia = _copia(tmp_path)
    _cambiar(copia, "objetivos.yaml", "    problematica: P1\n", "")
    mensajes = [p.mensaje for p in validar(copia, FIN, True).problemas if p.codigo == "RM105"]
    assert mensajes == ["Objetivo O1: falta la clave `problematica`."]


def test_pmc_clave_casi_correcta_se_sugiere_con_su_palabra(tmp_path):
    copia = _copia(tmp_path)
    _cambiar(copia, "objetivos.yaml", "problematica: P1", "problematca: P1")
    problemas = validar(copia, FIN, True).problemas
    assert [(p.codigo, p.pista) for p in problemas] == [
        ("RM104", "¿Quisiste decir `problematica`? (se leyó como `problematica`).")]


def test_pmc_pide_formula_y_evidencia_esperada(tmp_path):
    copia = _copia(tmp_path)
    _cambiar(copia, "metas.yaml", "      formula:", "      # formula:")
    _cambiar(copia, "acciones.yaml", "    evidencia_esperada:", "    # evidencia_esperada:")
    problemas = validar(copia, FIN, True).problemas
    assert [(p.codigo, p.mensaje) for p in problemas] == [
        ("RM105", "Meta M1: falta la clave `formula` en `indicador`."),
        ("RM105", "Acción A1: falta la clave `evidencia_esperada`."),
    ]


def test_pmc_sin_comite_de_planeacion_avisa(tmp_path):
    copia = _copia(tmp_path)
    _cambiar(copia, "ruta.yaml", "tipo: comite_planeacion_evaluacion", "tipo: comite")
    problemas = validar(copia, FIN, True).problemas
    assert [p.codigo for p in problemas] == ["RM343"]
    assert "Comité de Planeación y Evaluación" in problemas[0].mensaje


def test_pmc_problematica_sin_ambitos(tmp_path):
    copia = _copia(tmp_path)
    _cambiar(copia, "prioridades.yaml",
             "    ambitos: [aprovechamiento-asistencia, participacion-comunidad]\n", "")
    problemas = validar(copia, FIN, True).problemas
    assert [(p.codigo, p.mensaje) for p in problemas] == [
        ("RM105", "Problemática P2: falta la clave `ambitos`.")]


def test_rme_no_conoce_las_palabras_del_pmc(tmp_path):
    copia = _copia(tmp_path, EJEMPLOS / "primaria-2025-2026")
    _cambiar(copia, "prioridades.yaml", "prioridades:", "problematicas:")
    problemas = validar(copia, FIN, True).problemas
    assert problemas[0].codigo == "RM104"
    assert problemas[0].mensaje == "La clave `problematicas` no existe aquí."


PEMC = EJEMPLOS / "pemc-secundaria-2024-2026"


def _codigos_y_mensajes(carpeta):
    return [(p.codigo, p.mensaje) for p in validar(carpeta, FIN, True).problemas]


def test_pemc_de_dos_ciclos_valida_limpio():
    resultado = validar(PEMC, FIN, True)
    assert resultado.problemas == []
    ruta = resultado.ruta
    assert ruta.ciclos == ["2024-2025", "2025-2026"]
    assert [p.prioridad for p in ruta.prioridades] == [
        "aprovechamiento-asistencia", "practicas-docentes-directivas", "participacion-comunidad"]
    assert ruta.horizonte[0] == date(2024, 8, 19)


def test_pemc_fecha_fuera_del_horizonte(tmp_path):
    copia = _copia(tmp_path, PEMC)
    _cambiar(copia, "acciones.yaml", "inicio: 2024-09-02", "inicio: 2023-09-04")
    assert _codigos_y_mensajes(copia) == [
        ("RM203", "Acción A1 (inicio): la fecha 2023-09-04 está fuera de los ciclos 2024-2025 a 2025-2026 "
                  "(2024-08-19 a 2026-07-15).")]


def test_pemc_meta_vence_en_su_ciclo(tmp_path):
    copia = _copia(tmp_path, PEMC)
    _cambiar(copia, "metas.yaml", "fecha_limite: 2025-06-27", "fecha_limite: 2025-09-26")
    assert ("RM203", "Meta M1 (fecha_limite): la fecha 2025-09-26 está fuera del ciclo 2024-2025 de la meta "
                     "(2024-08-19 a 2025-07-16).") in _codigos_y_mensajes(copia)


def test_pemc_sin_ciclos_avisa_del_horizonte(tmp_path):
    copia = _copia(tmp_path, PEMC)
    _cambiar(copia, "ruta.yaml", "ciclos: [2024-2025, 2025-2026]\n", "")
    mensajes = _codigos_y_mensajes(copia)
    assert ("RM121", "El PEMC abarca de 2 a 4 ciclos y la Ruta no dice cuáles.") in mensajes


def test_pemc_al_menos_dos_acciones_por_ambito(tmp_path):
    copia = _copia(tmp_path, PEMC)
    _cambiar(copia, "acciones.yaml", "metas: [M7, M8]\n    actividad: Mensaje", "metas: [M1]\n    actividad: Mensaje")
    assert _codigos_y_mensajes(copia) == [
        ("RM325", "El ámbito P3 tiene 1 acción; el PEMC recomienda al menos 2.")]


def test_pemc_orden_repetido_y_ambito_sin_orden(tmp_path):
    copia = _copia(tmp_path, PEMC)
    _cambiar(copia, "prioridades.yaml", "orden: 3", "orden: 2")
    assert _codigos_y_mensajes(copia) == [
        ("RM326", "El ámbito P3 tiene el mismo orden (2) que P2.")]
    _cambiar(copia, "prioridades.yaml", "    orden: 2\n    ambito: participacion", "    ambito: participacion")
    assert _codigos_y_mensajes(copia) == [("RM105", "Ámbito P3: falta la clave `orden`.")]


def test_pemc_diagnostico_por_ambito(tmp_path):
    copia = _copia(tmp_path, PEMC)
    _cambiar(copia, "diagnostico.yaml", "  - ambito: carga-administrativa\n", "  - ambito: formacion-docente\n")
    assert _codigos_y_mensajes(copia) == [
        ("RM335", "El diagnóstico no revisa el ámbito: «Carga administrativa».")]


def test_pemc_pide_responsable_del_seguimiento(tmp_path):
    copia = _copia(tmp_path, PEMC)
    _cambiar(copia, "acciones.yaml", "    responsable_seguimiento: DIR\n", "", 1)
    _cambiar(copia, "acciones.yaml", "responsable_seguimiento: SUB", "responsable_seguimiento: SUV", 1)
    assert _codigos_y_mensajes(copia) == [
        ("RM202", "Acción A1 (responsable_seguimiento): no hay nadie en el colectivo ni en la comunidad con id `SUV`."),
        ("RM105", "Acción A3: falta la clave `responsable_seguimiento`."),
    ]


def test_por_llenar_habla_con_las_palabras_del_marco(tmp_path):
    from typer.testing import CliRunner

    from rutamejora.commands import app

    destino = tmp_path / "pmc"
    r = CliRunner().invoke(app, ["nueva", str(destino), "--nombre", "Escuela Primaria Prueba", "--cct", "21DPR0487A",
                                 "--nivel", "primaria", "--ciclo", "2026-2027", "--marco", "pmc-2024", "--sin-preguntas"])
    assert r.exit_code == 0, r.output
    resultado = validar(destino, date(2026, 9, 1), True)
    textos = [p.mensaje + " " + p.pista for p in resultado.problemas]
    assert not any("prioridad" in t.lower() for t in textos), textos
    assert "Escribe problemáticas educativas de la escuela." in [p.pista for p in resultado.problemas]
