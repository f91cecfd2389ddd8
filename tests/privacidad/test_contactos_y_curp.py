"""Contactos que se escapaban (correo sin dominio o disfrazado, teléfono junto a un familiar en
un recibo, teléfono dictado) y la CURP partida en sus cuatro pedazos: del detector a la salida
de ``bitacora agregar``, ``validar`` y ``exportar``.
"""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.nucleo import ERROR
from rutamejora.privacidad import detectar, enmascarar

runner = CliRunner()


def _hallados(texto: str) -> list[tuple[str, str]]:
    return [(h.clase, h.texto) for h in detectar(texto)]


@pytest.mark.parametrize("texto, esperado", [
    # Sin «.com»: así lo apunta quien toma el recado.
    ("Correo de la tutora: lupita.ramos84@hotmail", [("correo", "lupita.ramos84@hotmail")]),
    ("mandar boleta a kary_glz@gmail, ya lo pidió", [("correo", "kary_glz@gmail")]),
    # Con la arroba y los puntos entre espacios.
    ("lupita_ramos84 @ hotmail . com", [("correo", "lupita_ramos84 @ hotmail . com")]),
    ("Correo de la mamá: dany_mama84 @ hotmail . com", [("correo", "dany_mama84 @ hotmail . com")]),
    ("papá de 3°B: memo.hdz @ yahoo.com.mx", [("correo", "memo.hdz @ yahoo.com.mx")]),
    ("escribirle a beto77 @ hotmail", [("correo", "beto77 @ hotmail")]),
    # Con «(arroba)», «[arroba]» y «punto» en letra.
    ("jlopez77 (arroba) gmail.com", [("correo", "jlopez77 (arroba) gmail.com")]),
    ("Enviar a jlopez77 [arroba] gmail punto com", [("correo", "jlopez77 [arroba] gmail punto com")]),
    ("su correo es rosy.mtz arroba outlook", [("correo", "rosy.mtz arroba outlook")]),
])
def test_correos_sin_dominio_o_disfrazados(texto, esperado):
    assert _hallados(texto) == esperado


@pytest.mark.parametrize("texto", [
    "Se invitó a tod@s l@s alumn@s y a sus familias.",
    "Reunión con maestr@s de 5° y 6°",
    "Tarea @ casa . Se entrega el lunes",
    "Comentarios a direccion @ escuela",
    "Síguenos en @primariabenitojuarez",
])
def test_arrobas_que_no_son_correos(texto):
    assert detectar(texto) == []


@pytest.mark.parametrize("texto, telefono", [
    ("Recibo firmado por la abuela, 2221234567", "2221234567"),
    ("Ticket de la mamá 222 123 4567", "222 123 4567"),
    ("Recibo de inscripción, lo entregó el papá: 55-4812-9037", "55-4812-9037"),
    ("Folio APF-2025-0412; pagó la tía 2223 14 55 87", "2223 14 55 87"),
    ("Ticket firmado por el tutor (222) 314 5587", "(222) 314 5587"),
    # Dictado en letra o mezclado con cifras.
    ("Llamar a la mamá al dos dos dos, tres uno cuatro, cinco cinco ocho siete",
     "dos dos dos, tres uno cuatro, cinco cinco ocho siete"),
    ("Su número: dos dos dos tres uno cuatro cinco cinco ocho siete.",
     "dos dos dos tres uno cuatro cinco cinco ocho siete"),
    ("cel. 222 tres uno cuatro 55 87", "222 tres uno cuatro 55 87"),
    ("la abuela dejó cinco cinco, cuatro ocho uno dos, nueve cero tres siete",
     "cinco cinco, cuatro ocho uno dos, nueve cero tres siete"),
    # Por pares, como se dicta en México.
    ("tel de la abuelita: cuatro cuatro tres, dos uno cinco, ochenta y siete, noventa y uno",
     "cuatro cuatro tres, dos uno cinco, ochenta y siete, noventa y uno"),
    ("cel de la mamá: cincuenta y cinco, veintidós, treinta y uno, cuarenta y cuatro, dieciocho",
     "cincuenta y cinco, veintidós, treinta y uno, cuarenta y cuatro, dieciocho"),
])
def test_telefono_junto_a_un_familiar_o_dictado(texto, telefono):
    assert _hallados(texto) == [("telefono", telefono)]


@pytest.mark.parametrize("texto", [
    # El folio va antes del familiar, o la palabra de folio está más cerca que él.
    "Recibo 2221234567 firmado por la abuela",
    "Recibo de la mamá, folio 2221234567",
    "Ticket 2221234567 de la cooperativa",
    "Factura 2221234567 por 1,250.00",
    # Diez cifras sin lada de México: un folio, aunque no diga «folio».
    "Quedó registrado en la plataforma: 2101234567",
    "Comprobante 0012345678",
    "Oficio 1023456789 de la supervisión",
    # Contar en voz alta no es dictar un teléfono.
    "Cuentan en voz alta: uno, dos, tres, cuatro, cinco, seis, siete, ocho, nueve.",
    "Cuenta regresiva: nueve, ocho, siete, seis, cinco, cuatro, tres, dos, uno, cero",
    "Se formaron equipos de dos, tres, cuatro y cinco alumnos.",
    # Cantidades por pares, sin palabra de teléfono ni familiar: no se dicta nada.
    "Asistieron treinta y cinco, cuarenta y dos, veinte y quince padres a las cuatro sesiones",
    "Los grupos tienen veinte, veintidós, treinta y uno y dieciocho alumnos",
])
def test_folios_y_cuentas_no_son_telefonos(texto):
    assert detectar(texto) == []


def test_un_numero_sin_palabras_con_lada_sigue_siendo_telefono():
    assert _hallados("Recado: 222 314 5587") == [("telefono", "222 314 5587")]
    assert _hallados("2221234567") == [("telefono", "2221234567")]
    # Sin lada válida (210) y sin palabra que lo anuncie: no.
    assert detectar("2101234567") == []
    # Con «tel.» basta el número, sea cual sea su lada.
    assert _hallados("tel. 2101234567") == [("telefono", "2101234567")]


@pytest.mark.parametrize("texto, curp", [
    ("CURP OERJ 140506 MPLRZS 08", "OERJ 140506 MPLRZS 08"),
    ("GOML-120304-HPLMPR-A5", "GOML-120304-HPLMPR-A5"),
    ("curp: goml 120304 hplmpr a5 (falta acta)", "goml 120304 hplmpr a5"),
    ("OERJ140506 MPLRZS 08", "OERJ140506 MPLRZS 08"),
    ("GOML120304HPLMPRA5", "GOML120304HPLMPRA5"),
])
def test_curp_partida_es_curp_entera(texto, curp):
    assert [(h.clase, h.texto, h.gravedad) for h in detectar(texto)] == [("curp", curp, ERROR)]
    assert "[CURP]" in enmascarar(texto, detectar(texto)) and "MPLR" not in enmascarar(
        texto, detectar(texto)).upper()


def test_rfc_con_guiones_sigue_siendo_rfc():
    assert _hallados("RFC del proveedor: LOHG-880204-TZ5") == [("rfc", "LOHG-880204-TZ5")]


# --- De punta a punta ----------------------------------------------------------------------

NOTAS = {
    "Correo de la tutora: lupita.ramos84@hotmail": ("lupita.ramos84", "correo"),
    "Ticket de la mamá 222 123 4567": ("123 4567", "teléfono"),
    "Llamar a la abuela: dos dos dos, tres uno cuatro, cinco cinco ocho siete": ("cinco ocho", "teléfono"),
}


def _correr(*args) -> tuple[int, str]:
    r = runner.invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return r.exit_code, r.stdout + r.stderr


@pytest.mark.parametrize("nota", list(NOTAS))
def test_bitacora_agregar_rechaza_el_contacto(sembrar, tmp_path, nota):
    carpeta = sembrar(tmp_path / "ruta", ())
    antes = (carpeta / "bitacora.yaml").read_bytes()
    codigo, salida = _correr("bitacora", "agregar", carpeta, "--sesion", "4", "--nota", nota)
    en_claro, clase = NOTAS[nota]
    assert codigo == 2
    assert f"el texto tiene un {clase}" in salida
    assert en_claro not in salida
    assert (carpeta / "bitacora.yaml").read_bytes() == antes


_COMPROBANTES = (
    ("bitacora.yaml", "comprobante: APF-2025-0412", "comprobante: Recibo firmado por la abuela, 2221234567"),
    ("bitacora.yaml", "comprobante: APF-2025-0433", "comprobante: CURP OERJ 140506 MPLRZS 08"),
    ("bitacora.yaml", "comprobante: APF-2025-0434", "comprobante: 'Tutora: lupita_ramos84 @ hotmail . com'"),
)


def test_validar_y_exportar_con_comprobantes_con_contactos(sembrar, tmp_path):
    carpeta = sembrar(tmp_path / "ruta", _COMPROBANTES)
    codigo, salida = _correr("validar", carpeta, "--fecha", "2026-07-15", "-f", "json")
    assert codigo == 1
    problemas = [(p["codigo"], p["linea"]) for p in json.loads(salida)["rutas"][0]["problemas"]
                 if p["archivo"] == "bitacora.yaml" and p["codigo"].startswith("RM5")]
    assert problemas == [("RM504", 35), ("RM501", 86), ("RM504", 112)]
    _correr("exportar", carpeta, "-f", "csv", "-o", tmp_path / "csv")
    gastos = (tmp_path / "csv" / "gastos.csv").read_text(encoding="utf-8")
    for en_claro in ("2221234567", "OERJ", "MPLRZS", "lupita_ramos84", "hotmail"):
        assert en_claro not in salida and en_claro not in gastos, en_claro
    assert [f for f in gastos.splitlines() if "[" in f] == [
        'ruta,2,2025-09-26,1,A2,F2,21000,"Recibo firmado por la abuela, [teléfono]",1',
        "ruta,3,2025-10-31,2,A4,F2,25000,CURP [CURP],1",
        "ruta,3,2025-10-31,2,A12,F2,30000,Tutora: [correo],1",
    ]
