"""Los mensajes que la gente lee (issue 15): el lugar en sus palabras, un error un problema,
las notas al final y contadas, y pistas que dicen qué escribir."""

from __future__ import annotations

import json
import shutil
from datetime import date
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.formato.numeros_escritos import convertir, palabras_a_numero
from rutamejora.reglas.validacion import validar

DATOS = Path(__file__).resolve().parents[1] / "datos"
MINIMA = DATOS / "minima"
EJEMPLOS = Path(__file__).resolve().parents[2] / "ejemplos"
HOY = date(2025, 10, 1)


def _copia(tmp_path: Path, origen: Path = MINIMA, **cambios: tuple[str, str]) -> Path:
    destino = tmp_path / "ruta"
    shutil.copytree(origen, destino)
    for nombre, (viejo, nuevo) in cambios.items():
        archivo = destino / f"{nombre}.yaml"
        texto = archivo.read_text(encoding="utf-8")
        assert viejo in texto, f"{viejo!r} no está en {archivo.name}"
        archivo.write_text(texto.replace(viejo, nuevo), encoding="utf-8")
    return destino


def _problemas(carpeta: Path, hoy: date = HOY):
    return [(p.codigo, p.archivo, p.linea, p.mensaje, p.pista)
            for p in validar(carpeta, hoy, True).problemas]


# --- Un error, un problema -------------------------------------------------------------------


def test_responsable_en_singular_es_un_solo_problema_con_la_linea_corregida(tmp_path):
    carpeta = _copia(tmp_path, acciones=("responsables: [DIR, DOC1, APF]", "responsable: DIR"))
    problemas = _problemas(carpeta)
    # Ni «no es una lista» (RM106) ni «falta responsables» (RM105): la clave se lee como la
    # lista de uno que quiso escribirse. Lo demás es verdad de lo que quedó escrito: DOC1 y los
    # padres ya no tienen acción.
    assert problemas == [
        ("RM340", "ruta.yaml", 14, "DOC1 no es responsable de ninguna acción.",
         "Cada integrante del CTE asume alguna tarea: agrégalo a `responsables`."),
        ("RM341", "acciones.yaml", 1, "Ninguna acción cuenta con los padres de familia.",
         "Haz responsable a alguien de `comunidad` en ruta.yaml o nómbralos en `participantes`."),
        ("RM104", "acciones.yaml", 5, "Acción A1: la clave `responsable` no existe aquí.",
         "Escribe `responsables: [DIR]` (es una lista; se leyó así)."),
    ]


def test_responsables_vacio_no_acusa_a_nadie_de_no_tener_accion(tmp_path):
    carpeta = _copia(tmp_path, acciones=("responsables: [DIR, DOC1, APF]", "responsables:"))
    # Los responsables los escribe el CTE: vacíos están por llenar (un aviso, como los deja
    # `ruta importar plan` cuando el documento no los dice), y nadie es acusado de no tener acción.
    assert _problemas(carpeta) == [
        ("RM120", "acciones.yaml", 5, "Acción A1 (responsables): está por llenar.",
         "Escribe b) Ids de las personas del colectivo o de la comunidad que responden por ella."),
    ]


def test_los_ambitos_sin_atender_son_una_sola_nota_con_su_cuenta(tmp_path):
    origen = EJEMPLOS / "pemc-secundaria-2024-2026"
    texto = (origen / "prioridades.yaml").read_text(encoding="utf-8")
    carpeta = _copia(tmp_path, origen, prioridades=(texto[texto.index("no_atendidas:"):], ""))
    notas = [p for p in _problemas(carpeta, date(2026, 7, 15)) if p[0] == "RM334"]
    assert notas == [(
        "RM334", "prioridades.yaml", 3,
        "No se atienden 5 ámbitos del marco pemc-2019: «Formación docente», «Avance de los planes "
        "y programas educativos», «Desempeño de la autoridad escolar», «Infraestructura y "
        "equipamiento», «Carga administrativa».",
        "Si es a propósito, escribe el motivo de cada uno en `no_atendidas` (`- {ambito: "
        "formacion-docente, motivo: …}`; claves: formacion-docente, avance-planes-programas, "
        "desempeno-autoridad, infraestructura-equipamiento, carga-administrativa).")]


# --- Las notas van al final y se cuentan, en todos los formatos -------------------------------


@pytest.fixture
def con_nota_y_error(tmp_path):
    """Una Ruta con un error en metas.yaml y una nota (RM334) en prioridades.yaml, que va antes
    en el orden de los archivos."""
    texto = (MINIMA / "prioridades.yaml").read_text(encoding="utf-8")
    return _copia(tmp_path, metas=("linea_base: 40", "linea_base: 91,3"),
                  prioridades=(texto[texto.index("no_atendidas:"):], "no_atendidas: []\n"))


def _invocar(carpeta: Path, formato: str):
    r = CliRunner().invoke(app, ["validar", str(carpeta), "--fecha", "2025-10-01", "-f", formato])
    return r.exit_code, r.output


def test_la_nota_va_despues_del_error_y_se_cuenta_en_texto(con_nota_y_error):
    codigo, salida = _invocar(con_nota_y_error, "texto")
    assert codigo == 1
    assert salida.index("RM106") < salida.index("RM334")
    assert salida.rstrip().splitlines()[-1].startswith("1 error, 0 avisos y 1 nota en 7 archivos")


def test_la_nota_va_despues_del_error_y_se_cuenta_en_github(con_nota_y_error):
    codigo, salida = _invocar(con_nota_y_error, "github")
    lineas = salida.splitlines()
    assert codigo == 1
    assert [l.split(" ", 1)[0] for l in lineas[:-1]] == ["::error", "::notice"]
    assert lineas[-1].endswith(": 1 error, 0 avisos y 1 nota en 7 archivos")


def test_la_nota_va_despues_del_error_y_se_cuenta_en_json(con_nota_y_error):
    codigo, salida = _invocar(con_nota_y_error, "json")
    (ruta,) = json.loads(salida)["rutas"]
    assert codigo == 1
    assert [p["severidad"] for p in ruta["problemas"]] == ["error", "info"]
    assert ruta["resumen"]["info"] == 1


def test_la_nota_va_despues_del_error_y_se_cuenta_en_md(con_nota_y_error):
    codigo, salida = _invocar(con_nota_y_error, "md")
    assert codigo == 1
    assert "1 error (1 nota)" in salida
    filas = [l for l in salida.splitlines() if l.startswith("| ") and "RM" in l]
    assert [f.split(" | ")[1] for f in filas] == ["RM106", "RM334"]


# --- El lugar en palabras del usuario ----------------------------------------------------------


def test_el_lugar_de_un_registro_de_la_bitacora(tmp_path):
    carpeta = _copia(tmp_path, bitacora=("avance: 10", "avance: 50%"))
    (p,) = validar(carpeta, HOY, True).problemas
    assert (p.ruta_yaml, p.lugar) == ("entradas[0].acciones[0].avance",
                                      "la entrada del 26 sep 2025 (sesión 1), acción A1 (avance)")
    assert p.mensaje == ("La entrada del 26 sep 2025 (sesión 1), acción A1 (avance): debe ser un "
                         "número entero, pero tiene el texto `50%`.")


def test_el_json_guarda_el_camino_y_el_lugar(tmp_path):
    carpeta = _copia(tmp_path, metas=("valor_meta: 60", "valor_meta: sesenta por ciento"))
    datos = json.loads(_invocar(carpeta, "json")[1])
    assert datos["version"] == 2
    (p,) = datos["rutas"][0]["problemas"]
    assert (p["ruta_yaml"], p["lugar"], p["mensaje"], p["pista"]) == (
        "metas[0].valor_meta", "meta M1 (valor_meta)",
        "Meta M1 (valor_meta): debe ser un número, pero tiene el texto `sesenta por ciento`.",
        "Escribe `valor_meta: 60` (con cifras).")


# --- Pistas que arreglan ---------------------------------------------------------------------


@pytest.mark.parametrize("cambios,pista", [
    (dict(metas=("valor_meta: 60", "valor_meta: sesenta por ciento")),
     "Escribe `valor_meta: 60` (con cifras)."),
    (dict(metas=("linea_base: 40", "linea_base: cuarenta y uno")),
     "Escribe `linea_base: 41` (con cifras)."),
    (dict(metas=("linea_base: 40", "linea_base: 91,3")),
     "Escribe `linea_base: 91.3` (los decimales van con punto)."),
    (dict(bitacora=("valor: 42", "valor: 30 alumnos")),
     "Escribe `valor: 30` (solo el número; la unidad la dice el indicador)."),
    (dict(bitacora=("avance: 10", "avance: 50%")),
     "Escribe `avance: 50` (solo el número: el avance ya es un porcentaje)."),
    (dict(bitacora=("avance: 10", "avance: 50 por ciento")),
     "Escribe `avance: 50` (solo el número: el avance ya es un porcentaje)."),
    # «1,250»: ¿mil doscientos cincuenta o uno coma veinticinco? No se adivina: se dicen las dos.
    (dict(metas=("linea_base: 40", "linea_base: 1,250")),
     "Escribe `linea_base: 1250` si son miles o `linea_base: 1.250` si es un decimal (sin "
     "separador de miles; los decimales van con punto)."),
    (dict(bitacora=("sesion: 1", "sesion: 1,000")),
     "Escribe `sesion: 1000` (sin separador de miles)."),
])
def test_un_numero_mal_escrito_trae_la_linea_corregida(tmp_path, cambios, pista):
    ((codigo, *_, dada),) = _problemas(_copia(tmp_path, **cambios))
    assert (codigo, dada) == ("RM106", pista)


@pytest.mark.parametrize("escrito,pista", [
    # Otra persona (las mismas letras con otro número): se define, no se corrige.
    ("DOC7", "Si es alguien nuevo, defínelo en `ruta.yaml` (en `colectivo`: `- {id: DOC7, "
             "nombre: …, funcion: docente}`, o en `comunidad`); si no, corrige el id."),
    ("DOC2", "Si es alguien nuevo, defínelo en `ruta.yaml` (en `colectivo`: `- {id: DOC2, "
             "nombre: …, funcion: docente}`, o en `comunidad`); si no, corrige el id."),
    # Un error de dedo o de mayúsculas sí se parece.
    ("DCO1", "¿Quisiste decir `DOC1`?"),
    ("doc1", "¿Quisiste decir `DOC1`?"),
])
def test_un_id_de_persona_desconocido(tmp_path, escrito, pista):
    carpeta = _copia(tmp_path, acciones=("[DIR, DOC1, APF]", f"[DIR, DOC1, APF, {escrito}]"))
    assert _problemas(carpeta) == [(
        "RM202", "acciones.yaml", 5,
        f"Acción A1 (responsables n.º 4): no hay nadie en el colectivo ni en la comunidad con id "
        f"`{escrito}`.", pista)]


@pytest.mark.parametrize("marco,mensaje", [
    ("pmc", "ruta: no existe el marco «pmc»: ¿quisiste decir `pmc-2024`? Los marcos son: "
            "`pemc-2019`, `pmc-2024`, `rme-2014`.\n"),
    ("xyz", "ruta: no existe el marco «xyz». Los marcos son: `pemc-2019`, `pmc-2024`, `rme-2014`.\n"),
])
def test_un_marco_desconocido_lista_los_validos(marco, mensaje):
    r = CliRunner().invoke(app, ["esquema", "metas.yaml", "--marco", marco])
    assert r.exit_code == 2
    assert r.stderr == mensaje


@pytest.mark.parametrize("texto,entero,esperado", [
    ("91,3", False, ("91.3", "coma")),
    ("91,3", True, None),
    ("1,250", False, ("1250", "miles")),
    ("30 alumnos", False, ("30", "unidad")),
    ("50%", True, ("50", "unidad")),
    ("sesenta por ciento", False, ("60", "palabras")),
    ("mil doscientos", False, ("1200", "palabras")),
    ("veintiséis", True, ("26", "palabras")),
    ("40", False, None),                 # ya es un número: no hay nada que convertir
    ("durante el ciclo", False, None),
    ("30 alumnos de 2023", False, None),  # no es solo el número y su unidad
])
def test_convertir(texto, entero, esperado):
    assert convertir(texto, entero) == esperado


def test_palabras_a_numero():
    assert palabras_a_numero("noventa y nueve") == 99
    assert palabras_a_numero("ciento uno") == 101
    assert palabras_a_numero("sesenta alumnos") is None


def test_un_texto_con_dos_puntos_sin_comillas_tiene_la_pista_de_entrecomillarlo(tmp_path):
    carpeta = _copia(tmp_path, EJEMPLOS / "primaria-2025-2026")
    archivo = carpeta / "bitacora.yaml"
    lineas = archivo.read_text(encoding="utf-8").split("\n")
    n = next(i for i, l in enumerate(lineas) if l.strip() == "acuerdos:") + 1
    sangria = lineas[n][:len(lineas[n]) - len(lineas[n].lstrip())]
    lineas[n] = f'{sangria}- Lista de útiles: cuadernos y "lápices"'
    archivo.write_text("\n".join(lineas), encoding="utf-8")
    rm106 = [p for p in _problemas(carpeta, date(2026, 3, 1)) if p[0] == "RM106"]
    assert len(rm106) == 1
    codigo, nombre, linea, mensaje, pista = rm106[0]
    assert (nombre, linea) == ("bitacora.yaml", n + 1)
    assert mensaje.endswith("debe ser texto, pero tiene un mapa (claves con valores).")
    assert pista == ("Si es un texto con «: », ponlo entre comillas: `\"Lista de útiles: cuadernos y "
                     "'lápices'\"` (sin ellas, YAML lo lee como una clave con su valor).")


def test_un_numero_enorme_es_un_error_y_no_llega_a_la_exportacion(tmp_path, invocar):
    """«valor_meta: 1e400» pasaba como un porcentaje fuera de escala y tumbaba la exportación a
    Excel (un float infinito) con tracebacks de openpyxl en inglés."""
    carpeta = _copia(tmp_path, metas=("valor_meta: 60", "valor_meta: 1e400"))
    assert [p for p in _problemas(carpeta) if p[0] in ("RM106", "RM304")] == [
        ("RM106", "metas.yaml", 8, "Meta M1 (valor_meta): es demasiado grande (1e400).",
         "Revisa la cantidad: ¿sobran ceros o una «e»?")]
    r = invocar(["exportar", str(carpeta), "-o", str(tmp_path / "r.xlsx"), "--fecha", "2025-10-01"])
    assert r.exit_code == 1, r.output
    assert "Traceback" not in r.output and "problema interno" not in r.output


def test_un_numero_de_mas_de_15_cifras_va_al_libro_como_texto():
    from openpyxl import Workbook

    from rutamejora.intercambio.exportar_xlsx import _celda

    hoja = Workbook(write_only=True).create_sheet()
    assert _celda(hoja, "numero", "1e400") == "1e400"
    assert _celda(hoja, "numero", "12345678901234567") == "12345678901234567"
    assert _celda(hoja, "numero", "60") == 60 and _celda(hoja, "numero", "57.5") == 57.5


def test_una_fecha_con_hora_dice_su_valor_y_sugiere_la_fecha(tmp_path):
    """«inicio: 2025-09-08 10:00:00» salía como «`[teléfono]:00:00` no es una fecha» y además
    como un teléfono (RM504): un solo error, con el valor escrito y la fecha sin la hora."""
    carpeta = _copia(tmp_path, acciones=("inicio: 2025-09-08", "inicio: 2025-09-08 10:00:00"))
    problemas = [p for p in _problemas(carpeta) if p[1] == "acciones.yaml"]
    assert [p[0] for p in problemas] == ["RM108"]
    assert problemas[0][3:] == ("Acción A1 (inicio): `2025-09-08 10:00:00` no es una fecha AAAA-MM-DD.",
                                "Escribe solo la fecha, sin la hora: `2025-09-08`.")


@pytest.mark.parametrize("metas", ["metas: {}\n", "metas: &todas\n  - id: M1\n"])
def test_la_lista_de_un_archivo_que_no_es_lista_es_un_solo_error(tmp_path, metas):
    """«metas: {}» daba además un RM321 por cada objetivo («no tiene ninguna meta») y un ancla,
    decenas: el archivo se toma como ilegible y RM901 dice qué no se verificó."""
    carpeta = _copia(tmp_path, EJEMPLOS / "primaria-2025-2026")
    (carpeta / "metas.yaml").write_text(metas, encoding="utf-8")
    problemas = [p for p in _problemas(carpeta, date(2026, 3, 1)) if p[0] != "RM902"]
    assert [(p[0], p[1]) for p in problemas] == [
        ("RM106" if "{}" in metas else "RM003", "metas.yaml"), ("RM901", "metas.yaml")]
    assert problemas[1][3] == ("Como metas.yaml no se pudo leer, no se verificó lo que depende de "
                               "él: las metas que citan las acciones y la bitácora.")


def test_la_misma_accion_dos_veces_en_una_entrada_es_un_error(tmp_path):
    """«A1 en curso al 10 %» y «A1 realizada al 100 %» en la misma entrada pasaban; el
    seguimiento mostraba las dos. `bitacora agregar` ya lo rechazaba."""
    carpeta = _copia(tmp_path, EJEMPLOS / "primaria-2025-2026")
    bitacora = carpeta / "bitacora.yaml"
    lineas = bitacora.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lineas[35].strip() == "- accion: A3"
    lineas[35] = lineas[35].replace("A3", "A1")
    bitacora.write_text("".join(lineas), encoding="utf-8")
    assert [p for p in _problemas(carpeta, date(2026, 3, 1)) if p[0] == "RM208"] == [
        ("RM208", "bitacora.yaml", 36, "La entrada del 2025-09-26 registra la acción A1 dos veces.",
         "Deja un solo registro de A1 en esa entrada (el que vale).")]


def test_nan_en_un_numero_tiene_su_pista(tmp_path):
    carpeta = _copia(tmp_path, metas=("valor_meta: 60", "valor_meta: .nan"))
    assert [p[3:] for p in _problemas(carpeta) if p[0] == "RM106"] == [
        ("Meta M1 (valor_meta): debe ser un número, pero tiene el texto `.nan`.",
         "Escribe la cantidad como número (`1250.50`); si aún no se sabe, deja el campo vacío.")]


def test_una_linea_citada_no_tapa_las_particulas_de_un_nombre_de_otra_linea(tmp_path):
    """«de la» de «María de la Luz Hernández» (en la línea de arriba) tapaba el «de la» de
    «fuera de la escuela» en la línea citada de otro problema."""
    carpeta = _copia(tmp_path, EJEMPLOS / "primaria-2025-2026")
    bitacora = carpeta / "bitacora.yaml"
    texto = bitacora.read_text(encoding="utf-8")
    viejo = "      - accion: A3\n        estado: en_curso\n"
    assert viejo in texto
    bitacora.write_text(texto.replace(viejo, "      - accion: A3\n        nota: Se habló con la mamá de "
                                      "María de la Luz Hernández.\n        estado: fuera de la escuela\n", 1),
                        encoding="utf-8")
    resultado = validar(carpeta, date(2026, 3, 1), True)
    rm107 = [p for p in resultado.problemas if p.codigo == "RM107" and p.archivo == "bitacora.yaml"]
    assert [p.mensaje for p in rm107] == [
        "La entrada del 26 sep 2025 (sesión 1), acción A3: `fuera de la escuela` no es un valor "
        "válido de `estado`."]


def test_otra_lista_mal_escrita_no_deja_ilegible_el_archivo(tmp_path):
    """Solo la lista principal (metas:, acciones:…) vuelve ilegible un archivo: `fortalezas:`
    escrita como texto en el diagnóstico es su error y el resto del diagnóstico se lee."""
    carpeta = _copia(tmp_path, EJEMPLOS / "primaria-2025-2026")
    diagnostico = carpeta / "diagnostico.yaml"
    lineas = diagnostico.read_text(encoding="utf-8").split("\n")
    i = lineas.index("fortalezas:")
    j = i + 1
    while lineas[j].startswith("  ") or not lineas[j]:
        j += 1
    lineas[i:j] = ["fortalezas: La participación de las familias.", ""]
    diagnostico.write_text("\n".join(lineas), encoding="utf-8")
    problemas = [p for p in _problemas(carpeta, date(2026, 7, 15)) if p[0] not in ("RM902",)]
    assert [(p[0], p[1], p[2]) for p in problemas] == [("RM106", "diagnostico.yaml", i + 1)]


def test_una_fecha_imposible_con_hora_no_sugiere_la_fecha_imposible(tmp_path):
    carpeta = _copia(tmp_path, acciones=("inicio: 2025-09-08", "inicio: 2025-09-31 10:00"))
    assert [p[3:] for p in _problemas(carpeta) if p[0] == "RM108"] == [
        ("Acción A1 (inicio): `2025-09-31 10:00` no es una fecha AAAA-MM-DD.",
         "Escribe la fecha como AAAA-MM-DD, p. ej. `2025-09-26`.")]


def test_el_retorno_de_carro_es_un_caracter_de_control():
    from rutamejora.nucleo.textos import primer_control, sin_control

    assert primer_control("ok\rFALSO") == "\r" and primer_control("línea\notra\tcon tab") is None
    assert sin_control("ok\rFALSO") == "ok\ufffdFALSO"


def test_un_id_de_meta_que_no_se_parece_a_ninguno_lista_las_que_hay(tmp_path):
    # De una prueba como usuario nuevo: «Defínelo» de una meta, y sin decir cuáles hay.
    secundaria = Path(__file__).resolve().parents[2] / "ejemplos" / "secundaria-2025-2026"
    carpeta = _copia(tmp_path, secundaria, acciones=("metas: [M1]", "metas: [M9]"))
    assert [p for p in _problemas(carpeta) if p[0] == "RM202"] == [(
        "RM202", "acciones.yaml", 4, "Acción A1 (metas n.º 1): no hay ninguna meta con id `M9`.",
        "Defínela en metas.yaml o corrige el id. Las que hay: M1, M2, M3.")]
