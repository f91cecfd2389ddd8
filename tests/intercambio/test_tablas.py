"""El modelo neutro de tablas: filas por Ruta, claves relativas, centavos exactos, fechas ISO."""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ruamel.yaml import YAML

from zonas import EJEMPLOS
from rutamejora.intercambio import TABLAS, leer_tablas
from rutamejora.zona import descubrir
from rutamejora.intercambio.libro_ruta import partir_libres
from rutamejora.intercambio.tablas import centavos, juntar_libres, numero
from rutamejora.intercambio.tablas_esquema import POR_NOMBRE

PRIMARIA = "escuelas/21DPR0487A/2025-2026"
ROTA = "escuelas/31DJN0152E/2025-2026"


def _yaml(ruta: Path):
    return YAML(typ="safe").load(ruta.read_text(encoding="utf-8"))


def _columna(tablas, tabla: str, columna: str, ruta: str) -> list:
    i = POR_NOMBRE[tabla].nombres.index(columna)
    return [f[i] for f in tablas[tabla] if f[0] == ruta]


def test_cada_fila_tiene_las_columnas_de_su_tabla(tablas):
    for tabla in TABLAS:
        assert all(len(f) == len(tabla.columnas) for f in tablas[tabla.nombre]), tabla.nombre


def test_una_fila_por_ruta_con_su_carpeta_relativa_a_la_raiz(tablas):
    assert [(f[0], f[1], f[5]) for f in tablas["rutas"]] == [
        ("escuelas/15EES0527T/2024-2026", "15EES0527T", "pemc-2019"),
        ("escuelas/21DPR0487A/2025-2026", "21DPR0487A", "rme-2014"),
        ("escuelas/29DPR0418X/2025-2026", "29DPR0418X", "pmc-2024"),
        (ROTA, None, None),
        ("escuelas/32ETV0087I/2025-2026", "32ETV0087I", "rme-2014"),
    ]
    pemc = tablas["rutas"][0]
    assert (pemc[6], pemc[7]) == ("2025-2026", "2024-2025, 2025-2026")


def test_la_ruta_rota_queda_con_su_problema_y_sin_filas_hijas(tablas):
    fila = next(f for f in tablas["rutas"] if f[0] == ROTA)
    assert fila[-1] == ("ruta.yaml: Falta una `,` o el `]` que cierra la lista (lo que no cerró "
                        "empieza en la línea 2).")
    assert fila[POR_NOMBRE["rutas"].nombres.index("errores")] == 1
    for tabla in TABLAS:
        if tabla.nombre not in ("rutas", "problemas", "metadatos"):
            assert not [f for f in tablas[tabla.nombre] if f[0] == ROTA], tabla.nombre
    assert [(f[1], f[2], f[3]) for f in tablas["problemas"] if f[0] == ROTA] == [
        ("RM001", "error", "ruta.yaml"), ("RM901", "info", "ruta.yaml"),
        ("RM902", "info", "bitacora.yaml")]


def test_las_partes_de_la_primaria_son_las_de_sus_archivos(tablas):
    carpeta = EJEMPLOS / "primaria-2025-2026"
    for tabla, archivo, lista in (("prioridades", "prioridades.yaml", "prioridades"),
                                  ("objetivos", "objetivos.yaml", "objetivos"),
                                  ("metas", "metas.yaml", "metas"),
                                  ("acciones", "acciones.yaml", "acciones")):
        ids = [o["id"] for o in _yaml(carpeta / archivo)[lista]]
        assert _columna(tablas, tabla, "id", PRIMARIA) == ids, tabla


def test_el_dinero_sale_en_centavos_exactos(tablas):
    bitacora = _yaml(EJEMPLOS / "primaria-2025-2026" / "bitacora.yaml")["entradas"]
    hasta = date(2026, 3, 27)
    gastos = [Decimal(str(r["gasto"])) for e in bitacora if e["fecha"] <= hasta
              for r in e.get("acciones") or [] if r.get("gasto")]
    ingresos = [Decimal(str(i["monto"])) for e in bitacora if e["fecha"] <= hasta
                for i in e.get("ingresos") or []]
    assert _columna(tablas, "gastos", "monto_centavos", PRIMARIA) == [int(g * 100) for g in gastos]
    assert sum(_columna(tablas, "ingresos", "monto_centavos", PRIMARIA)) == int(sum(ingresos) * 100)
    assert all(isinstance(c, int) for c in _columna(tablas, "gastos", "monto_centavos", PRIMARIA))


def test_las_fechas_son_texto_iso_y_la_bitacora_se_corta_en_la_fecha(tablas):
    fechas = _columna(tablas, "entradas", "fecha", PRIMARIA)
    assert fechas == sorted(fechas) and fechas[-1] == "2026-03-27"
    assert all(date.fromisoformat(f) for f in fechas)


def test_el_estado_de_cada_meta_es_el_de_ruta_avance(tablas):
    from rutamejora.formato import cargar
    from rutamejora.vistas import avance_meta

    ruta, _ = cargar(EJEMPLOS / "primaria-2025-2026", date(2026, 3, 27))
    esperado = [avance_meta(ruta, m, date(2026, 3, 27)).estado for m in ruta.metas]
    assert _columna(tablas, "metas", "estado", PRIMARIA) == esperado


def test_los_responsables_van_por_funcion_sin_nombres(tablas):
    filas = [f for f in tablas["responsables"] if f[0] == PRIMARIA]
    assert filas[0] == (PRIMARIA, "DIR", "colectivo", "director", None)
    assert (PRIMARIA, "DOC3", "colectivo", "docente", "3°A") in filas
    assert (PRIMARIA, "APF", "comunidad", "asociacion_de_padres", None) in filas


def test_metadatos_sin_reloj():
    desde = leer_tablas(descubrir([EJEMPLOS / "primaria-2025-2026"]), date(2026, 3, 27), True,
                        procesos=1)
    generales = [f for f in desde.tablas["metadatos"] if f[0] is None]
    from rutamejora import __version__

    assert generales == [(None, "herramienta", "ruta exportar"), (None, "version", __version__),
                         (None, "esquema", "2"), (None, "fecha", "2026-03-27")]


@pytest.mark.parametrize("pesos, esperado", [
    ("55000.00", 5500000), ("0.1", 10), ("1850", 185000), ("0.005", 1), (None, None)])
def test_centavos(pesos, esperado):
    assert centavos(Decimal(pesos) if pesos else None) == esperado


@pytest.mark.parametrize("valor, esperado", [("62.50", "62.5"), ("70", "70"), ("1E+2", "100"),
                                             ("-0", "0"), ("0.25", "0.25")])
def test_numero_exacto(valor, esperado):
    assert numero(Decimal(valor)) == esperado


def test_la_clave_es_la_de_la_zona(tmp_path):
    """Las mismas claves que ``zona.descubrir``: una Ruta dentro de otra no tiene clave «.»."""
    import shutil

    a = tmp_path / "escuelas" / "A" / "2025-2026"
    shutil.copytree(EJEMPLOS / "primaria-2025-2026", a)
    shutil.copytree(EJEMPLOS / "primaria-2025-2026", a / "copia")
    tablas = leer_tablas(descubrir([a, a / "copia"]), date(2026, 3, 27), True, procesos=1).tablas
    assert [f[0] for f in tablas["rutas"]] == ["2025-2026", "2025-2026/copia"]


def test_una_falla_interna_en_una_ruta_no_rompe_la_zona(monkeypatch, zona):
    from rutamejora.intercambio import exportar

    original = exportar.filas_de_ruta

    def falla(clave, *args):
        if clave.startswith("escuelas/29DPR0418X"):
            raise ValueError("algo raro")
        return original(clave, *args)

    monkeypatch.setattr(exportar, "filas_de_ruta", falla)
    resultado = leer_tablas(descubrir([zona]), date(2026, 3, 27), True, procesos=1)
    fila = next(f for f in resultado.tablas["rutas"] if f[0] == "escuelas/29DPR0418X/2025-2026")
    assert fila[-1] == "No se pudo leer: algo raro"
    assert resultado.rutas == 5
    assert "escuelas/29DPR0418X/2025-2026" in resultado.con_errores()


# --- Textos libres en una celda («; », con «;;» por cada «;» de un texto) ---------------------

_LIBRE = st.text(st.sampled_from("ab ;;é\t"), min_size=1, max_size=12).map(str.strip).filter(bool)


@given(st.lists(_LIBRE, min_size=1, max_size=5))
def test_los_textos_libres_vuelven_tal_cual(textos):
    assert partir_libres(juntar_libres(textos)) == textos


def test_textos_libres_a_mano():
    assert juntar_libres(["Registros de lectura; 1 240 libros", "Fotos"]) == \
        "Registros de lectura;; 1 240 libros; Fotos"
    assert partir_libres("Registros de lectura;; 1 240 libros; Fotos") == \
        ["Registros de lectura; 1 240 libros", "Fotos"]
    # Un libro editado a mano: «;» separa, los vacíos no cuentan (salvo en los periodos).
    assert partir_libres("Lista;Fotos; ; ") == ["Lista", "Fotos"]
    assert partir_libres("Corte inicial; ; Corte final", vacios=True) == ["Corte inicial", "", "Corte final"]
    assert partir_libres(None) == partir_libres("") == []


def test_con_comprobante_dice_si_el_comprobante_vale(tmp_path):
    """«comprobante: pendiente» viajaba como si fuera un folio: quien filtraba por
    ``comprobante IS NULL`` no veía ese gasto. ``con_comprobante`` lo dice (lo mismo que RM408)."""
    import shutil

    carpeta = tmp_path / "escuelas" / "21DPR0487A" / "2025-2026"
    shutil.copytree(EJEMPLOS / "primaria-2025-2026", carpeta)
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    assert texto.count("comprobante: APF-2025-0412") == 1
    bitacora.write_text(texto.replace("comprobante: APF-2025-0412", "comprobante: pendiente"), encoding="utf-8")
    tablas = leer_tablas(descubrir([tmp_path]), date(2026, 3, 27), True, procesos=1).tablas
    clave = "escuelas/21DPR0487A/2025-2026"
    pares = list(zip(_columna(tablas, "gastos", "comprobante", clave),
                     _columna(tablas, "gastos", "con_comprobante", clave)))
    assert ("pendiente", 0) in pares
    assert ("APF-2025-0433", 1) in pares
    assert all(valor == (0 if folio == "pendiente" else 1) for folio, valor in pares)
