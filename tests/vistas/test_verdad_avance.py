"""Lo que el avance no debe afirmar: 100 % (o una barra llena) de una meta no lograda, el avance
de antes en una acción realizada, y una medición repetida el mismo día que pasa callada."""

from __future__ import annotations

from datetime import date

from rutamejora import vistas as V
from rutamejora.informes import graficas
from rutamejora.reglas.validacion import validar
from rutamejora.vistas.terminal import barra

HOY = date(2026, 7, 10)


def _bitacora(carpeta, viejo: str, nuevo: str) -> None:
    b = carpeta / "bitacora.yaml"
    texto = b.read_text(encoding="utf-8")
    assert viejo in texto
    b.write_text(texto.replace(viejo, nuevo), encoding="utf-8")


def test_lo_que_no_llega_a_1_no_se_lee_completo():
    from decimal import Decimal

    assert V.porcentaje(Decimal("0.9964")) == "99 %"
    assert V.porcentaje(Decimal("1")) == "100 %"
    assert V.porcentaje(Decimal("1.2")) == "120 %"
    assert graficas.barra_texto(Decimal("0.9964")) == "█" * 19 + "░"
    assert graficas.barra_texto(Decimal("1")) == "█" * 20
    assert barra(Decimal("0.9964"), 40).plain == "█" * 39 + "░"


def test_59_95_de_60_no_es_100_por_ciento_en_ninguna_salida(ruta_minima, invocar):
    _bitacora(ruta_minima, "{meta: M1, valor: 42}", "{meta: M1, valor: 59.95}")
    ruta = validar(ruta_minima, HOY, True).ruta
    av = V.avance_meta(ruta, ruta.por_id("meta")["M1"], HOY)
    assert av.estado == "no_lograda"
    avance = invocar(["avance", str(ruta_minima), "--fecha", HOY.isoformat()]).stdout
    assert "99 % del camino" in avance and "100 % del camino" not in avance
    seguimiento = invocar(["informe", str(ruta_minima), "-t", "seguimiento", "--fecha", HOY.isoformat(),
                           "-f", "html"]).stdout
    assert "Recorrido 99 % · tiempo 100 %" in seguimiento
    seguimiento = invocar(["informe", str(ruta_minima), "-t", "seguimiento", "--fecha", HOY.isoformat()]).stdout
    assert "M1  " + "█" * 19 + "░  40 % → 59.95 % (meta: 60 %) · no lograda" in seguimiento
    rendicion = invocar(["informe", str(ruta_minima), "-t", "rendicion", "--fecha", HOY.isoformat(),
                         "-a", "autoridad"]).stdout
    assert "M1  " + "█" * 19 + "░  40 % → 59.95 % (meta: 60 %) · no lograda" in rendicion


def test_realizada_sin_avance_es_100(ruta_minima):
    _bitacora(ruta_minima, "{accion: A1, estado: en_curso, avance: 10,",
              "{accion: A1, estado: en_curso, avance: 95,")
    (ruta_minima / "bitacora.yaml").write_text(
        (ruta_minima / "bitacora.yaml").read_text(encoding="utf-8")
        + "  - fecha: 2025-10-31\n    acciones:\n      - {accion: A1, estado: realizada}\n", encoding="utf-8")
    ruta = validar(ruta_minima, HOY, True).ruta
    s = V.situacion_accion(ruta, ruta.por_id("accion")["A1"], HOY)
    assert (s.estado, s.avance) == ("realizada", 100)


def test_realizada_con_avance_menor_la_avisa_rm403(ruta_minima):
    _bitacora(ruta_minima, "{accion: A1, estado: en_curso, avance: 10,", "{accion: A1, estado: realizada, avance: 95,")
    assert [p.mensaje for p in validar(ruta_minima, HOY, True).problemas if p.codigo == "RM403"] == [
        "La entrada del 26 sep 2025 (sesión 1): la acción A1 está `realizada` con avance de 95 %."]


def test_rm414_dos_mediciones_distintas_el_mismo_dia(ruta_minima):
    (ruta_minima / "bitacora.yaml").write_text(
        (ruta_minima / "bitacora.yaml").read_text(encoding="utf-8")
        + "  - fecha: 2026-01-30\n    mediciones:\n      - {meta: M1, valor: 45}\n"
          "  - fecha: 2026-01-30\n    mediciones:\n      - {meta: M1, valor: 47}\n"
          "  - fecha: 2026-02-27\n    mediciones:\n      - {meta: M1, valor: 50}\n"
          "  - fecha: 2026-02-27\n    mediciones:\n      - {meta: M1, valor: 50}\n", encoding="utf-8")
    problemas = [(p.codigo, p.severidad, p.linea, p.mensaje, p.pista)
                 for p in validar(ruta_minima, HOY, True).problemas if p.codigo == "RM414"]
    assert problemas == [(
        "RM414", "aviso", 13,
        "La meta M1 tiene dos mediciones distintas el 2026-01-30: 45 (línea 10) y 47 (línea 13); los "
        "informes toman la de la línea 13.",
        "Deja una sola medición de ese día (la que vale) o corrige la fecha de la otra.")]
