"""Cada regla del fundamento, disparada por una Ruta rota a propósito: código, línea y mensaje exactos."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from rutamejora.reglas.validacion import validar

MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
HOY = date(2025, 10, 1)


def _ruta(tmp_path: Path, **archivos: str) -> Path:
    """Copia la Ruta mínima y sustituye textos: ``metas=("viejo", "nuevo")`` o un archivo entero."""
    destino = tmp_path / "ruta"
    shutil.copytree(MINIMA, destino)
    for nombre, cambio in archivos.items():
        archivo = destino / f"{nombre}.yaml"
        if isinstance(cambio, tuple):
            texto = archivo.read_text(encoding="utf-8")
            assert cambio[0] in texto, f"{cambio[0]!r} no está en {archivo.name}"
            archivo.write_text(texto.replace(cambio[0], cambio[1]), encoding="utf-8")
        else:
            archivo.write_text(cambio, encoding="utf-8")
    return destino


def _problemas(carpeta: Path, **kw):
    resultado = validar(carpeta, kw.pop("hoy", HOY), kw.pop("fecha_explicita", True))
    return [p for p in resultado.problemas if p.severidad != "info"], resultado


def test_la_ruta_minima_no_tiene_problemas(tmp_path):
    problemas, resultado = _problemas(_ruta(tmp_path))
    assert problemas == []
    assert resultado.codigo_de_salida() == 0


CASOS = [
    # (id, cambios, código, archivo, línea, columna, fragmento del mensaje, fragmento de la pista)
    ("clave-casi", dict(metas=("linea_base: 40", "línea_base: 40")),
     "RM104", "metas.yaml", 7, 5, "Meta M1: la clave `línea_base` no existe aquí.", "¿Quisiste decir `linea_base`?"),
    ("clave-mayusculas", dict(metas=("metas:", "Metas:")),
     "RM104", "metas.yaml", 1, 1, "La clave `Metas` no existe aquí.", "¿Quisiste decir `metas`?"),
    ("clave-ajena", dict(metas=("    sentido: aumentar", "    sentido: aumentar\n    color: rojo")),
     "RM104", "metas.yaml", 7, 5, "Meta M1: la clave `color` no existe aquí.", "Claves válidas:"),
    ("falta-campo", dict(metas=("    sentido: aumentar\n", "")),
     "RM105", "metas.yaml", 2, 5, "Meta M1: falta la clave `sentido`.", "Agrega `sentido:`"),
    ("campo-vacio", dict(ruta=("ciclo: 2025-2026", "ciclo:")),
     "RM105", "ruta.yaml", 4, 7, "`ciclo` está vacío y es obligatorio.", "Llena `ciclo:`"),
    ("tipo-texto-en-numero", dict(metas=("linea_base: 40", "linea_base: cuarenta")),
     "RM106", "metas.yaml", 7, 17, "Meta M1 (linea_base): debe ser un número, pero tiene el texto `cuarenta`.", "Escribe `linea_base: 40` (con cifras)."),
    ("numero-entre-comillas", dict(metas=("valor_meta: 60", 'valor_meta: "60"')),
     "RM106", "metas.yaml", 8, 17, "debe ser un número", "Quita las comillas"),
    ("costo-semanal-en-texto", dict(acciones=("costo: 1500.00", "costo: $60 semanales")),
     "RM106", "acciones.yaml", 7, 12, "Acción A1 (costo): debe ser una cantidad en pesos, pero tiene el texto `$60 semanales`.", "por_semana"),
    ("dinero-con-tres-decimales", dict(acciones=("costo: 1500.00", "costo: 1500.005")),
     "RM106", "acciones.yaml", 7, 12, "tiene más de dos decimales", "centavos"),
    ("fuera-de-catalogo", dict(metas=("sentido: aumentar", "sentido: subir")),
     "RM107", "metas.yaml", 6, 14, "`subir` no es un valor válido de `sentido`.", "`aumentar`"),
    ("prioridad-casi", dict(prioridades=("prioridad: mejora-aprendizajes", "prioridad: mejora-aprendisajes")),
     "RM107", "prioridades.yaml", 3, 16, "no es un valor válido", "¿Quisiste decir `mejora-aprendizajes`?"),
    ("campo-formativo-casi", dict(diagnostico=("campo: Lenguajes", "campo: Lenguaje")),
     "RM107", "diagnostico.yaml", 4, 12, "`Lenguaje` no es un valor válido de `campo`.", "¿Quisiste decir `Lenguajes`?"),
    ("fecha-inexistente", dict(metas=("fecha_limite: 2026-06-26", "fecha_limite: 2026-02-30")),
     "RM108", "metas.yaml", 9, 19, "Meta M1 (fecha_limite): la fecha `2026-02-30` no existe.", ""),
    ("fecha-dd-mm-aaaa", dict(metas=("fecha_limite: 2026-06-26", "fecha_limite: 26/06/2026")),
     "RM108", "metas.yaml", 9, 19, "`26/06/2026` no es una fecha AAAA-MM-DD.", "`2026-06-26`"),
    ("ciclo-mal-escrito", dict(ruta=("ciclo: 2025-2026", "ciclo: 25-26")),
     "RM109", "ruta.yaml", 4, 8, "El ciclo `25-26` no tiene la forma AAAA-AAAA.", "2025-2026"),
    ("ciclo-no-consecutivo", dict(ruta=("ciclo: 2025-2026", "ciclo: 2025-2027")),
     "RM112", "ruta.yaml", 4, 8, "Los años del ciclo `2025-2027` no son consecutivos.", "`2025-2026`"),
    ("id-invalido", dict(metas=("id: M1", "id: Meta 1")),
     "RM110", "metas.yaml", 2, 9, "El id `Meta 1` no tiene la forma M1, M2, …", "`M1`"),
    ("version", dict(ruta=("version: 1", "version: 3")),
     "RM111", "ruta.yaml", 2, 10, "La Ruta usa la versión 3 del formato", ""),
    ("cct-digito-perdido", dict(ruta=("21DPR0123T", "21DPR123T")),
     "RM113", "ruta.yaml", 7, 8, "La CCT `21DPR123T` no tiene la forma", "¿Quisiste decir `21DPR0123T`?"),
    ("cct-entidad", dict(ruta=("21DPR0123T", "33DPR0123T")),
     "RM114", "ruta.yaml", 7, 8, "empieza con `33`, que no es una entidad", ""),
    ("cct-verificador", dict(ruta=("21DPR0123T", "21DPR0123A")),
     "RM115", "ruta.yaml", 7, 8, "su carácter verificador no corresponde", "¿Quisiste decir `21DPR0123T`?"),
    ("cct-nivel", dict(ruta=("nivel: primaria", "nivel: secundaria")),
     "RM116", "ruta.yaml", 8, 10, "La CCT `21DPR0123T` es de primaria general (PR), pero el nivel dice `secundaria`.",
     "Corrige el nivel a `primaria`"),
    ("entidad-distinta", dict(ruta=("entidad: Puebla", "entidad: Tlaxcala")),
     "RM118", "ruta.yaml", 11, 12, "La entidad `Tlaxcala` no coincide con la CCT, que es de Puebla.", ""),
    ("id-duplicado", dict(metas=("metas:\n", "metas:\n  - {id: M1, objetivo: O1, descripcion: Copia de 1 a 2, indicador: {nombre: x, unidad: porcentaje}, sentido: aumentar, linea_base: 1, valor_meta: 2, fecha_limite: 2026-06-26}\n")),
     "RM201", "metas.yaml", 3, 9, "El id `M1` ya se usó en la línea 2.", ""),
    ("referencia-rota", dict(objetivos=("prioridad: P1", "prioridad: P9")),
     "RM202", "objetivos.yaml", 3, 16, "Objetivo O1: no hay ninguna prioridad con id `P9`.", "¿Quisiste decir `P1`?"),
    ("responsable-rota", dict(acciones=("[DIR, DOC1, APF]", "[DIR, DOC2, APF]")),
     "RM202", "acciones.yaml", 5, 25, "Acción A1 (responsables n.º 2): no hay nadie en el colectivo ni en la comunidad con id `DOC2`.",
     "Si es alguien nuevo, defínelo en `ruta.yaml` (en `colectivo`: `- {id: DOC2, nombre: …, funcion: docente}`, o en `comunidad`); si no, corrige el id."),
    ("necesidad-rota", dict(prioridades=("necesidades: [N1]", "necesidades: [N7]")),
     "RM202", "prioridades.yaml", 5, 19, "Prioridad P1 (necesidades n.º 1): no hay ninguna necesidad en el diagnóstico con id `N7`.", ""),
    ("bitacora-accion-rota", dict(bitacora=("accion: A1", "accion: A2")),
     "RM202", "bitacora.yaml", 5, 18, "La entrada del 26 sep 2025 (sesión 1): no hay ninguna acción con id `A2`.", "¿Quisiste decir `A1`?"),
    ("fecha-de-otro-ciclo", dict(metas=("fecha_limite: 2026-06-26", "fecha_limite: 2025-06-27")),
     "RM203", "metas.yaml", 9, 19, "Meta M1 (fecha_limite): la fecha 2025-06-27 está fuera del ciclo 2025-2026 (2025-08-25 a 2026-07-15).", "Corrige el año"),
    ("rasgo-inexistente", dict(diagnostico=("normalidad-minima, rasgo: 3,", "normalidad-minima, rasgo: 9,")),
     "RM205", "diagnostico.yaml", 22, 39, "El anexo `normalidad-minima` no tiene el rasgo `9`.", ""),
]


@pytest.mark.parametrize("caso", CASOS, ids=[c[0] for c in CASOS])
def test_cada_error_da_su_problema(tmp_path, caso):
    _, cambios, codigo, archivo, linea, columna, mensaje, pista = caso
    problemas, resultado = _problemas(_ruta(tmp_path, **cambios))
    encontrados = [p for p in problemas if p.codigo == codigo]
    assert len(encontrados) == 1, [f"{p.codigo} {p.archivo}:{p.linea} {p.mensaje}" for p in problemas]
    p = encontrados[0]
    assert (p.archivo, p.linea, p.columna) == (archivo, linea, columna)
    assert mensaje in p.mensaje
    assert pista in p.pista
    assert resultado.codigo_de_salida() == 1
    # Un solo error da un solo problema (nada en cascada).
    assert len(problemas) == 1, [f"{p.codigo} {p.mensaje}" for p in problemas]


def test_archivo_faltante_y_omitidos(tmp_path):
    carpeta = _ruta(tmp_path)
    (carpeta / "objetivos.yaml").unlink()
    resultado = validar(carpeta, HOY, True)
    codigos = [(p.codigo, p.archivo, p.severidad) for p in resultado.problemas]
    # Un archivo que falta no lleva «no se pudo leer… corrige primero sus errores» (RM901):
    # RM101 ya lo dice; lo que depende de él igual se omite.
    assert codigos == [("RM101", "objetivos.yaml", "error")]
    assert resultado.problemas[0].mensaje == "Falta el archivo objetivos.yaml."
    assert resultado.archivos_revisados == 7


def test_archivo_ilegible_no_arrastra_errores_de_referencia(tmp_path):
    carpeta = _ruta(tmp_path, metas="metas: [\n")
    resultado = validar(carpeta, HOY, True)
    codigos = [p.codigo for p in resultado.problemas]
    # Las acciones y la bitácora citan M1, pero metas.yaml no se leyó: no se acusan referencias.
    assert codigos == ["RM001", "RM901"]
    assert resultado.problemas[1].mensaje == (
        "Como metas.yaml no se pudo leer, no se verificó lo que depende de él: "
        "las metas que citan las acciones y la bitácora.")


def test_nombre_de_archivo_casi_correcto_se_lee(tmp_path):
    carpeta = _ruta(tmp_path)
    (carpeta / "diagnostico.yaml").rename(carpeta / "diagnóstico.yaml")
    resultado = validar(carpeta, HOY, True)
    assert [(p.codigo, p.archivo, p.mensaje) for p in resultado.problemas] == [
        ("RM103", "diagnóstico.yaml", "El archivo diagnóstico.yaml debe llamarse diagnostico.yaml.")]


def test_archivo_ajeno_es_aviso(tmp_path):
    carpeta = _ruta(tmp_path)
    (carpeta / "notas.yaml").write_text("a: 1\n", encoding="utf-8")
    resultado = validar(carpeta, HOY, True)
    assert [(p.codigo, p.severidad) for p in resultado.problemas] == [("RM102", "aviso")]
    assert resultado.codigo_de_salida() == 0
    resultado.estricto = True
    assert resultado.codigo_de_salida() == 1


def test_fecha_aparta_entradas_posteriores(tmp_path):
    carpeta = _ruta(tmp_path)
    resultado = validar(carpeta, date(2025, 9, 1), True)
    assert [(p.codigo, p.mensaje) for p in resultado.problemas] == [
        ("RM902", "1 entrada de la bitácora posterior al 2025-09-01 se dejó fuera.")]
    assert resultado.ruta.entradas == []


def test_entrada_futura_sin_fecha_explicita_es_aviso(tmp_path):
    carpeta = _ruta(tmp_path)
    resultado = validar(carpeta, date(2025, 9, 20), False)
    assert [(p.codigo, p.severidad, p.linea) for p in resultado.problemas] == [("RM204", "aviso", 2)]
    assert "posterior a hoy (2025-09-20)" in resultado.problemas[0].mensaje


def test_ciclo_sin_calendario_usa_el_de_ruta_yaml(tmp_path):
    calendario = ("ciclo: 2025-2026", "ciclo: 2030-2031\ncalendario:\n  fase_intensiva: {inicio: 2030-08-19, fin: 2030-08-23}\n"
                  "  fin_clases: 2031-07-11\n  sesiones: [2030-09-27]")
    carpeta = _ruta(tmp_path, ruta=calendario)
    resultado = validar(carpeta, HOY, True)
    # Todas las fechas de la Ruta mínima son de 2025-2026: ahora caen fuera del ciclo declarado.
    fuera = [p for p in resultado.problemas if p.codigo == "RM203"]
    assert len(fuera) == 4  # fecha límite de M1, inicio y fin de A1, la entrada de la bitácora
    assert "(2030-08-19 a 2031-07-11)" in fuera[0].mensaje
    assert not [p for p in resultado.problemas if p.codigo == "RM119"]


def test_ciclo_sin_calendario_alguno_avisa(tmp_path):
    carpeta = _ruta(tmp_path, ruta=("ciclo: 2025-2026", "ciclo: 2030-2031"))
    resultado = validar(carpeta, HOY, True)
    # El diagnóstico cita «Boletas 2024-2025», que ya no es del ciclo anterior: RM352.
    assert [p.codigo for p in resultado.problemas if p.codigo != "RM901"] == ["RM119", "RM352"]


def test_ajustes_de_severidad_en_ruta_yaml(tmp_path):
    carpeta = _ruta(tmp_path, ruta=("version: 1", "version: 1\nvalidacion:\n  reglas: {RM102: desactivada}\n  estricto: true"))
    (carpeta / "notas.yaml").write_text("a: 1\n", encoding="utf-8")
    resultado = validar(carpeta, HOY, True)
    assert resultado.problemas == []
    assert resultado.estricto is True


def test_dinero_es_decimal_exacto(tmp_path):
    from decimal import Decimal

    carpeta = _ruta(tmp_path, acciones=("costo: 1500.00", "costo: {por_semana: 60.10, semanas: 3}"))
    resultado = validar(carpeta, HOY, True)
    from rutamejora.formato.modelo import costo_total

    assert costo_total(resultado.ruta.acciones[0]) == Decimal("180.30")
    assert resultado.ruta.fuentes[0].monto == Decimal("5000.00")


def test_zona_con_cero_inicial_se_conserva(tmp_path):
    carpeta = _ruta(tmp_path, ruta=('zona: "045"', "zona: 045"))
    resultado = validar(carpeta, HOY, True)
    assert resultado.ruta.escuela.zona == "045"


def test_id_repetido_por_copia_no_se_multiplica(tmp_path):
    # Una meta copiada con el id de otra (M2 quedó como M1): las referencias a M2 no resuelven,
    # pero el único error es el id repetido.
    carpeta = _ruta(tmp_path, metas=("metas:\n", "metas:\n  - {id: M1, objetivo: O1, descripcion: Copia de 1 a 2, indicador: {nombre: x, unidad: porcentaje}, sentido: aumentar, linea_base: 1, valor_meta: 2, fecha_limite: 2026-06-26}\n"),
                    acciones=("metas: [M1]", "metas: [M1, M2]"))
    problemas, _ = _problemas(carpeta)
    assert [(p.codigo, p.archivo) for p in problemas] == [("RM201", "metas.yaml")]
