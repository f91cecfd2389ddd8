"""El texto libre: lo que un `#` cortó sin avisar (RM123) y los ciclos y fechas de otro tiempo
copiados de un plan viejo (RM352)."""

from __future__ import annotations

import re
import shutil
from datetime import date
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rutamejora.reglas import texto_libre
from rutamejora.reglas.texto_libre import menciones
from rutamejora.reglas.validacion import validar

DATOS = Path(__file__).resolve().parents[1] / "datos"
MINIMA = DATOS / "minima"
EJEMPLOS = Path(__file__).resolve().parents[2] / "ejemplos"
HOY = date(2025, 10, 1)


def _ruta(tmp_path: Path, base: Path = MINIMA, **cambios: tuple[str, str]) -> Path:
    destino = tmp_path / "ruta"
    shutil.copytree(base, destino)
    for nombre, (viejo, nuevo) in cambios.items():
        archivo = destino / f"{nombre}.yaml"
        texto = archivo.read_text(encoding="utf-8")
        assert viejo in texto, f"{viejo!r} no está en {archivo.name}"
        archivo.write_text(texto.replace(viejo, nuevo, 1), encoding="utf-8")
    return destino


def _de(carpeta: Path, codigo: str):
    problemas = validar(carpeta, HOY, True).problemas
    # Que el caso se pruebe de verdad: un YAML que no se pudo leer no tiene nada que revisar.
    assert not [p for p in problemas if p.codigo.startswith("RM0")], problemas
    return [p for p in problemas if p.codigo == codigo]


# --- RM123: nada se corta en silencio --------------------------------------------------------

ACTIVIDAD = "actividad: Círculo de lectura diario de 20 minutos"


def test_taller_con_numero_se_corta_y_se_avisa(tmp_path):
    carpeta = _ruta(tmp_path, acciones=(ACTIVIDAD, "actividad: Taller #2 con familias"))
    [p] = _de(carpeta, "RM123")
    assert (p.archivo, p.linea, p.columna, p.severidad) == ("acciones.yaml", 4, 23, "aviso")
    assert p.ruta_yaml == "acciones[0].actividad"
    assert p.mensaje == ("Acción A1: el texto de `actividad` se corta en «Taller»: YAML lee "
                         "`#2 con familias` como un comentario.")
    assert p.pista.startswith('Si es parte del texto, escríbelo entre comillas: '
                              '`actividad: "Taller #2 con familias"`.')


@pytest.mark.parametrize("escrito", [
    "Sesión #3 del CTE con familias",
    "Grupo #1",
    "Taller #familias",
    "Sesión # 3 de lectura",                     # un espacio y una cifra: sigue la oración
    "Revisión de boletas # del ciclo anterior",   # minúscula, sin punto antes
    "Círculo de lectura  # para todos los grupos",  # con dos espacios, igual
    "Taller #2 con familias # ruta: revisar",
])
def test_lo_que_se_lee_como_el_resto_del_valor_avisa(tmp_path, escrito):
    carpeta = _ruta(tmp_path, acciones=(ACTIVIDAD, f"actividad: {escrito}"))
    assert len(_de(carpeta, "RM123")) == 1


@pytest.mark.parametrize("escrito", [
    "Círculo de lectura. # revisar con la supervisión",   # corte de oración antes
    '"Círculo de lectura"  # propuesta de la supervisión',  # el texto entre comillas
    "Círculo de lectura # Pendiente de confirmar",        # empieza otra oración
    '"Taller #2 con familias"',                           # entre comillas: es texto
    "'Sesión #3'  # la tercera",
    "Taller#2 con familias",                              # sin espacio antes, `#` es texto
    "Círculo de lectura # ruta: ignorar RM311 -- los libros ya están",
    "Círculo de lectura #ruta: ignorar RM311 -- los libros ya están",
    "|\n      Taller #2 con familias",                    # un bloque literal lo guarda todo
])
def test_los_comentarios_de_verdad_no_avisan(tmp_path, escrito):
    carpeta = _ruta(tmp_path, acciones=(ACTIVIDAD, f"actividad: {escrito}"))
    assert _de(carpeta, "RM123") == []


def test_tras_un_id_o_una_clave_de_catalogo_un_espacio_basta(tmp_path):
    registro = "- {accion: A1, estado: en_curso, avance: 10, gasto: 500.00, comprobante: F-001}"
    carpeta = _ruta(tmp_path, acciones=("fuente: F1", "fuente: F1 # cuotas de las familias"),
                    bitacora=(registro, "- accion: A1 # el círculo de lectura\n        estado: en_curso # va lento"
                                        "\n        avance: 10\n        gasto: 500.00\n        comprobante: F-001"))
    problemas = validar(carpeta, HOY, True).problemas
    assert [p.codigo for p in problemas] == []


def test_un_numero_con_comentario_no_es_texto_cortado(tmp_path):
    for i, escrito in enumerate(("42  # dato de SisAT", "42 # dato de SisAT", "42 #SisAT")):
        carpeta = _ruta(tmp_path / str(i), bitacora=("- {meta: M1, valor: 42}",
                                                     f"- meta: M1\n        valor: {escrito}"))
        assert _de(carpeta, "RM123") == [], escrito


def test_en_una_lista_y_al_final_de_un_texto_de_varias_lineas(tmp_path):
    carpeta = _ruta(tmp_path, acciones=("recursos: [Libros del rincón]",
                                        "recursos:\n      - Libros del rincón\n      - Cartulinas #3 por grupo"),
                    metas=("descripcion: Aumentar de 40 % a 60 % los alumnos de 1° que leen al nivel esperado",
                           "descripcion: Aumentar de 40 % a 60 % los alumnos de 1°\n      que leen al nivel #esperado"))
    lista, varias = sorted(_de(carpeta, "RM123"), key=lambda p: p.archivo)
    assert (lista.archivo, lista.linea, lista.columna) == ("acciones.yaml", 8, 20)
    assert "`- \"Cartulinas #3 por grupo\"`" in lista.pista
    assert (varias.archivo, varias.linea, varias.columna) == ("metas.yaml", 5, 25)
    assert "se corta en «Aumentar de 40 % a 60 % los alumnos de 1° que leen al nivel»" in varias.mensaje


def test_crlf_y_bom_no_mueven_la_posicion(tmp_path):
    carpeta = _ruta(tmp_path, acciones=(ACTIVIDAD, "actividad: Taller #2 con familias"))
    archivo = carpeta / "acciones.yaml"
    archivo.write_bytes(b"\xef\xbb\xbf" + archivo.read_bytes().replace(b"\n", b"\r\n"))
    [p] = _de(carpeta, "RM123")
    assert (p.linea, p.columna) == (4, 23)


def test_una_supresion_calla_el_texto_cortado(tmp_path):
    carpeta = _ruta(tmp_path, acciones=(
        ACTIVIDAD, "actividad: Taller #2 con familias # ruta: ignorar RM123 -- así lo escribimos"))
    codigos = [p.codigo for p in validar(carpeta, HOY, True).problemas]
    assert "RM123" not in codigos and "RM904" not in codigos


# --- RM352: años que no pertenecen ---------------------------------------------------------------

ACUERDO = "    mediciones:\n      - {meta: M1, valor: 42}\n"


def _con_acuerdo(tmp_path: Path, texto: str, **extra) -> Path:
    return _ruta(tmp_path, bitacora=(ACUERDO, ACUERDO + f"    acuerdos:\n      - {texto}\n"), **extra)


def test_ciclo_copiado_de_un_plan_viejo(tmp_path):
    carpeta = _con_acuerdo(tmp_path, "Aplicar el programa de lectura acordado para el ciclo 2019-2020")
    [p] = _de(carpeta, "RM352")
    assert (p.archivo, p.linea, p.columna, p.severidad) == ("bitacora.yaml", 9, 63, "aviso")
    assert p.mensaje == ("La entrada del 26 sep 2025 (sesión 1): el texto de `acuerdos` n.º 1 nombra el ciclo 2019-2020: no es el de "
                         "esta Ruta (2025-2026), ni el anterior, ni el siguiente.")
    assert "`# ruta: ignorar RM352 -- motivo`" in p.pista


@pytest.mark.parametrize("texto,avisa", [
    ("Retomar los resultados del ciclo 2024-2025", False),        # el anterior
    ("Preparar el diagnóstico del ciclo 2026-2027", False),       # el siguiente
    ("Comparar con los resultados del ciclo 2023-2024", True),
    ("Revisar lo acordado en el ciclo 2027-2028", True),
    ("Comparar con PLANEA 2018 y con la matrícula de 2019", False),  # años sueltos
    ("Alinear con el Programa Sectorial 2020-2024", False),        # no es un ciclo escolar
    ("Retomar el PEMC 2019-20 de la escuela", True),
    ("Retomar el plan del ciclo 2019 – 2020", True),
    ("Reunión con familias el 3 de mayo de 2019", True),
    ("Reunión con familias el 14 de noviembre de 2025", False),
    ("Entrega de boletas del 15/03/2024", True),                   # ciclo 2023-2024
    ("Entrega de boletas del 15/09/2024", False),                  # ciclo 2024-2025
    ("Oficio recibido el 2019-05-03", True),
    ("Oficio 2019-05-31 de la supervisión escolar", True),
    ("Fecha imposible 31/02/2019", False),
])
def test_ciclos_y_fechas_en_el_texto(tmp_path, texto, avisa):
    assert bool(_de(_con_acuerdo(tmp_path, texto), "RM352")) == avisa


def test_fecha_escrita_en_texto_dice_su_ciclo(tmp_path):
    [p] = _de(_con_acuerdo(tmp_path, "Reunión con familias el 3 de mayo de 2019"), "RM352")
    assert p.mensaje == ("La entrada del 26 sep 2025 (sesión 1): el texto de `acuerdos` n.º 1 nombra la fecha «3 de mayo de 2019», del "
                         "ciclo 2018-2019: no es de esta Ruta (2025-2026), ni del ciclo anterior, ni del siguiente.")


def test_los_campos_de_fecha_no_son_texto_libre(tmp_path):
    # Una fecha fuera del ciclo en su campo ya es RM203; no se repite como RM352.
    carpeta = _ruta(tmp_path, metas=("fecha_limite: 2026-06-26", "fecha_limite: 2019-06-26"))
    assert _de(carpeta, "RM352") == []
    assert _de(carpeta, "RM203")


def test_pemc_acepta_todo_su_horizonte(tmp_path):
    pemc = EJEMPLOS / "pemc-secundaria-2024-2026"
    for texto, avisa in (("el ciclo 2023-2024", False), ("el ciclo 2026-2027", False),
                         ("el ciclo 2022-2023", True), ("el ciclo 2027-2028", True)):
        destino = tmp_path / texto[-9:]
        shutil.copytree(pemc, destino)
        archivo = destino / "prioridades.yaml"
        original = archivo.read_text(encoding="utf-8")
        archivo.write_text(original.replace("descripcion: ", f"descripcion: Como en {texto}, ", 1),
                           encoding="utf-8")
        assert bool(_de(destino, "RM352")) == avisa, texto


def test_menciones():
    assert menciones("Acuerdo para el ciclo 2019-2020 tomado el 3 de mayo de 2019") == [
        (22, "2019-2020", "2019-2020", False), (42, "3 de mayo de 2019", "2018-2019", True)]
    assert menciones("PLANEA 2018; sexenio 2018-2024; 1° de septiembre de 2025") == [
        (32, "1° de septiembre de 2025", "2025-2026", True)]
    # Varias fechas tapadas: el año de cada una no se lee como ciclo, y lo demás sigue en su lugar.
    assert menciones("Del 2019-05-03 al 2020-06-30 (ciclo 2019-2020); 2021-22 y 03/05/2018") == [
        (4, "2019-05-03", "2018-2019", True), (18, "2020-06-30", "2019-2020", True),
        (36, "2019-2020", "2019-2020", False), (48, "2021-22", "2021-2022", False),
        (58, "03/05/2018", "2017-2018", True)]


# --- Las expresiones de RM352, reescritas para que el motor salte de dígito en dígito ----------

_MESES_DEF = "|".join(texto_libre._MESES)
# Cómo se definen (la forma directa, con la condición sobre lo de antes al comienzo).
_FECHA_DEF = re.compile(
    r"(?<![\d-])(?P<a1>20\d\d)-(?P<m1>\d{1,2})-(?P<d1>\d{1,2})(?![\d-])"
    r"|(?<![\d/.-])(?P<d2>\d{1,2})[/.-](?P<m2>\d{1,2})[/.-](?P<a2>20\d\d)(?![\d/.-])"
    r"|\b(?P<d3>\d{1,2})[°º]?\s+de\s+(?P<m3>" + _MESES_DEF + r"|setiembre)\s+del?\s+(?P<a3>20\d\d)\b",
    re.IGNORECASE)
_CICLO_DEF = re.compile(r"(?<![\d-])(20\d\d)\s*[-–—/]\s*(20\d\d|\d\d)(?![\d]|[-/.]\d)")
_PIEZAS_FECHA = st.sampled_from(["2", "0", "1", "9", "5", "20", "2019", "12", "-", "/", ".", "–",
                                 " ", "de ", "mayo ", "Mayo ", "del ", "°", "a", "x", "_", "é"])


@settings(max_examples=3000, deadline=None)
@given(st.lists(_PIEZAS_FECHA, max_size=16).map("".join))
def test_fecha_y_ciclo_encuentran_lo_mismo_que_su_definicion(texto):
    for rapida, definicion in ((texto_libre._FECHA, _FECHA_DEF), (texto_libre._CICLO, _CICLO_DEF)):
        assert [(m.span(), m.groups()) for m in rapida.finditer(texto)] == \
            [(m.span(), m.groups()) for m in definicion.finditer(texto)]
