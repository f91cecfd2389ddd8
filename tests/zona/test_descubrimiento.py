"""``zona.descubrir``: qué Rutas forman una zona, su raíz, su clave y el ``zona.yaml``."""

from __future__ import annotations

from pathlib import Path

import pytest

from rutamejora.formato import NoEsRuta
from rutamejora.zona import Zona, ZonaInvalida, clave_de, descubrir

CLAVES = ["escuelas/15EES0527T/2024-2026", "escuelas/21DPR0487A/2025-2026",
          "escuelas/29DPR0418X/2025-2026", "escuelas/31DJN0152E/2025-2026",
          "escuelas/32ETV0087I/2025-2026"]


def _claves(zona: Zona) -> list[str]:
    return [zona.clave(r) for r in zona.rutas]


def test_las_rutas_bajo_una_carpeta_en_orden_de_clave(zona_limpia):
    zona = descubrir([zona_limpia])
    assert zona.raiz == zona_limpia
    assert _claves(zona) == CLAVES
    assert (zona.nombre, zona.numero, zona.sector, zona.nivel, zona.archivo) == (None,) * 5


def test_sin_carpetas_es_la_actual(zona_limpia, monkeypatch):
    monkeypatch.chdir(zona_limpia)
    zona = descubrir([])
    assert _claves(zona) == CLAVES
    assert zona.rutas[0] == Path("escuelas/15EES0527T/2024-2026")


def test_una_sola_ruta_tiene_por_raiz_su_carpeta_de_arriba(zona_limpia):
    zona = descubrir([zona_limpia / "escuelas" / "21DPR0487A" / "2025-2026"])
    assert zona.raiz == zona_limpia / "escuelas" / "21DPR0487A"
    assert _claves(zona) == ["2025-2026"]


def test_varios_repositorios_lado_a_lado(tmp_path, zona_limpia):
    otro = tmp_path / "otro-repo"
    (otro / "planes").mkdir(parents=True)
    import shutil
    shutil.copytree(zona_limpia / "escuelas" / "21DPR0487A" / "2025-2026", otro / "planes" / "a")
    zona = descubrir([otro, zona_limpia / "escuelas" / "31DJN0152E"])
    assert zona.raiz == tmp_path
    assert _claves(zona) == ["otro-repo/planes/a", "zona/escuelas/31DJN0152E/2025-2026"]


def test_la_misma_ruta_dada_dos_veces_cuenta_una(zona_limpia):
    ruta = zona_limpia / "escuelas" / "21DPR0487A" / "2025-2026"
    zona = descubrir([zona_limpia, ruta])
    assert _claves(zona) == CLAVES


def test_clave_con_barras_y_fuera_de_la_raiz(tmp_path):
    assert clave_de(tmp_path, tmp_path / "a" / "b") == "a/b"
    assert clave_de(tmp_path / "x", tmp_path / "y") == (tmp_path / "y").as_posix()
    # Sin raíz común (dos unidades en Windows): el camino entero.
    assert clave_de(None, tmp_path / "a") == (tmp_path / "a").as_posix()


def test_una_ruta_nunca_es_la_raiz(zona_limpia):
    ruta = zona_limpia / "escuelas" / "21DPR0487A" / "2025-2026"
    import shutil
    shutil.copytree(ruta, ruta / "copia")
    zona = descubrir([ruta, ruta / "copia"])
    assert zona.raiz == ruta.parent
    assert _claves(zona) == ["2025-2026", "2025-2026/copia"]


def test_zona_yaml_da_sus_datos_y_solo_sus_escuelas(zona_limpia):
    (zona_limpia / "zona.yaml").write_text(
        "# La zona 45\nnombre: Zona escolar 045\nnumero: 45\nsector: 12\nnivel: primaria\n"
        "escuelas:\n  - escuelas/21DPR0487A\n  - escuelas/29DPR0418X/2025-2026\n",
        encoding="utf-8")
    zona = descubrir([zona_limpia])
    assert (zona.nombre, zona.numero, zona.sector, zona.nivel) == ("Zona escolar 045", "45", "12",
                                                                    "primaria")
    assert zona.archivo == zona_limpia / "zona.yaml"
    assert _claves(zona) == ["escuelas/21DPR0487A/2025-2026", "escuelas/29DPR0418X/2025-2026"]


@pytest.mark.parametrize("texto, mensaje", [
    ("nombre: Z\nescuela:\n  - escuelas\n",
     "zona.yaml:2: la clave `escuela` no es de zona.yaml: ¿quisiste decir `escuelas`?"),
    ("nombre: Z\ncolor: azul\nescuelas: [escuelas]\n",
     "zona.yaml:2: la clave `color` no es de zona.yaml: las claves válidas son nombre, numero, "
     "sector, nivel, escuelas."),
    ("nombre: Z\nnivel: primria\nescuelas: [escuelas]\n",
     "zona.yaml:2: el nivel «primria» no existe: ¿quisiste decir `primaria`?"),
    ("nombre: Z\n", "zona.yaml:1: falta `escuelas`, la lista de carpetas de las escuelas de la zona."),
    ("escuelas: escuelas\n", "zona.yaml:1: `escuelas` debe ser una lista de carpetas"),
    ("escuelas:\n  - escuelas\n  - {a: 1}\n", "zona.yaml:3: cada escuela es una carpeta escrita"),
    ("escuelas:\n  - ../fuera\n", "zona.yaml:2: la carpeta «../fuera» debe estar dentro"),
    ("escuelas:\n  - escuelas\n  - no-existe\n",
     "zona.yaml:3: la escuela «no-existe»: la carpeta"),
    ("nombre: [Z\nescuelas: []\n",
     "zona.yaml:2: el YAML está mal escrito: falta una `,` o el `]` que cierra la lista (lo que "
     "no cerró empieza en la línea 1). Cierra la lista con `]` o separa sus elementos con comas."),
    ("nombre: Z\nescuelas: {a: 1\n",
     "zona.yaml:3: el YAML está mal escrito: falta una `,` o la `}` que cierra el mapa (lo que "
     "no cerró empieza en la línea 2). Cierra el mapa con `}` o separa sus elementos con comas."),
    ("nombre: Z\n  otra: 1\nescuelas: [escuelas]\n",
     "zona.yaml:2: el YAML está mal escrito: aquí no puede empezar un valor (`:` inesperado). "
     "¿Falta un salto de línea o unas comillas? Un texto con `: ` debe ir entre comillas."),
    ("- a\n", "zona.yaml:1: zona.yaml debe ser un mapa de claves"),
    ("nombre: {a: 1}\nescuelas: [escuelas]\n", "zona.yaml:1: `nombre` debe ser un texto o un número"),
    # Una fecha que no existe (antes, «problema interno (ValueError)»).
    ("nombre: Z\nreunion: 2026-02-30  # la próxima\nescuelas: [escuelas]\n",
     "zona.yaml:2: la fecha «2026-02-30» no existe. Escríbela como AAAA-MM-DD con un día que tenga ese mes."),
])
def test_un_zona_yaml_mal_escrito_dice_archivo_linea_y_pista(zona_limpia, texto, mensaje):
    (zona_limpia / "zona.yaml").write_text(texto, encoding="utf-8")
    with pytest.raises(ZonaInvalida) as exc:
        descubrir([zona_limpia])
    assert mensaje in str(exc.value)
    assert str(exc.value).startswith(str(zona_limpia / "zona.yaml"))


def test_una_carpeta_sin_rutas_es_no_es_ruta(tmp_path):
    with pytest.raises(NoEsRuta, match="no contiene una Ruta"):
        descubrir([tmp_path])
    with pytest.raises(NoEsRuta, match="no existe"):
        descubrir([tmp_path / "nada"])


def test_un_zona_yaml_dado_como_archivo_es_su_carpeta(zona_limpia):
    (zona_limpia / "zona.yaml").write_text(
        "nombre: Zona escolar 045\nescuelas:\n  - escuelas/21DPR0487A\n", encoding="utf-8")
    zona = descubrir([zona_limpia / "zona.yaml"])
    assert zona.nombre == "Zona escolar 045"
    assert zona.archivo == zona_limpia / "zona.yaml"
    assert _claves(zona) == ["escuelas/21DPR0487A/2025-2026"]


def test_un_archivo_que_no_es_zona_yaml_es_no_es_ruta(zona_limpia):
    otro = zona_limpia / "notas.txt"
    otro.write_text("hola\n", encoding="utf-8")
    with pytest.raises(NoEsRuta) as exc:
        descubrir([otro])
    assert str(exc.value) == (f"{otro} es un archivo, no una carpeta ni un zona.yaml. Da la carpeta "
                              "de la zona (la de su zona.yaml), el zona.yaml mismo o las carpetas "
                              "de las escuelas.")


def test_un_archivo_de_una_ruta_es_su_ruta(zona_limpia):
    zona = descubrir([zona_limpia / "escuelas/21DPR0487A/2025-2026/ruta.yaml"])
    assert [r.name for r in zona.rutas] == ["2025-2026"]


def test_todas_las_escuelas_mal_escritas_o_que_faltan(zona_limpia):
    archivo = zona_limpia / "zona.yaml"
    archivo.write_text("nombre: Z\nescuelas:\n  - escuelas/NOEXISTE\n  - ../otra\n"
                       "  - escuelas/21DPR0487A\n  - {a: 1}\n", encoding="utf-8")
    with pytest.raises(ZonaInvalida) as exc:
        descubrir([zona_limpia])
    assert str(exc.value).splitlines() == [
        f"{archivo}:3: la escuela «escuelas/NOEXISTE»: la carpeta "
        f"{zona_limpia / 'escuelas/NOEXISTE'} no existe. Corrige la carpeta (relativa a "
        "zona.yaml) o quítala de la lista.",
        f"{archivo}:4: la carpeta «../otra» debe estar dentro de la carpeta de zona.yaml: "
        "escríbela relativa a ella, sin «..».",
        f"{archivo}:6: cada escuela es una carpeta escrita como texto (p. ej. "
        "«- escuelas/21DPR0487A»).",
    ]
