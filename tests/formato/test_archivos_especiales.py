"""Un archivo de la Ruta que no es un archivo normal, o que no es texto, se nombra por lo que es
(issue 16, punto 3): una carpeta, una FIFO, un dispositivo, un binario conocido, UTF-16 sin BOM.
Nunca «Falta el archivo», nunca «parece Windows-1252» para una imagen, nunca un cuelgue.
"""

from __future__ import annotations

import io
import os
import zipfile
from pathlib import Path

import pytest

from rutamejora.nucleo.archivos import DemasiadoGrande, NoEsRegular, abrir_regular, leer_con_tope, leer_regular

posix = pytest.mark.skipif(os.name == "nt", reason="FIFO y dispositivos: solo en POSIX")


def problemas_de(salida: dict, archivo: str) -> list[dict]:
    [ruta] = salida["rutas"]
    return [p for p in ruta["problemas"] if p["archivo"] == archivo and p["codigo"] != "RM901"]


def unico(salida: dict, archivo: str) -> dict:
    [p] = problemas_de(salida, archivo)
    return p


def _docx() -> bytes:
    memoria = io.BytesIO()
    with zipfile.ZipFile(memoria, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", "<w:document/>")
    return memoria.getvalue()


def _xlsx() -> bytes:
    memoria = io.BytesIO()
    with zipfile.ZipFile(memoria, "w") as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("xl/workbook.xml", "<workbook/>")
    return memoria.getvalue()


@pytest.mark.parametrize("datos,tipo", [
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "imagen PNG"),
    (b"\xff\xd8\xff\xe0\x00\x10JFIF\x00" + bytes(range(256)), "imagen JPEG"),
    (b"GIF89a\x01\x00\x01\x00\x80\x00\x00\xff\xff\xff", "imagen GIF"),
    (b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "documento PDF"),
    (_docx(), "documento de Word (.docx)"),
    (_xlsx(), "hoja de Excel (.xlsx)"),
    (b"PK\x03\x04" + b"\x00" * 40, "archivo ZIP"),
], ids=["png", "jpeg", "gif", "pdf", "docx", "xlsx", "zip"])
def test_un_binario_se_nombra_por_su_firma(ruta_minima, validar_json, datos, tipo):
    (ruta_minima / "metas.yaml").write_bytes(datos)
    codigo, salida = validar_json(ruta_minima)
    assert codigo == 1
    p = unico(salida, "metas.yaml")
    assert (p["codigo"], p["linea"], p["columna"]) == ("RM006", 1, 1)
    assert p["mensaje"] == f"El archivo no es texto: parece un archivo binario ({tipo})."
    # La pista no habla de UTF-8 (no arregla un binario): dice qué hacer con ese archivo.
    if tipo in ("documento de Word (.docx)", "hoja de Excel (.xlsx)"):
        assert p["pista"] == ("Si es tu plan en Word o Excel, pásalo a la Ruta con `ruta importar plan "
                              "ARCHIVO CARPETA` y guarda el documento fuera de la carpeta; metas.yaml "
                              "debe ser texto YAML.")
    else:
        assert p["pista"] == ("Mueve ese archivo fuera de la carpeta de la Ruta y vuelve a poner el "
                              "metas.yaml de texto (`git checkout -- metas.yaml` si está en git).")


@pytest.mark.parametrize("codificacion,nombre", [("utf-16-le", "UTF-16LE"), ("utf-16-be", "UTF-16BE")])
@pytest.mark.parametrize("texto", ["metas:\n  - id: M1\n    descripcion: Comprensión lectora en niños\n",
                                   "metas: []\n"], ids=["con-acentos", "ascii"])
def test_utf16_sin_bom_se_reconoce(ruta_minima, validar_json, codificacion, nombre, texto):
    (ruta_minima / "metas.yaml").write_bytes(texto.encode(codificacion))
    codigo, salida = validar_json(ruta_minima)
    assert codigo == 1
    p = unico(salida, "metas.yaml")
    assert p["codigo"] == "RM006"
    assert p["mensaje"] == f"El archivo está en {nombre} sin BOM, no en UTF-8."
    assert "Latin-1" not in p["mensaje"]


def test_latin1_sigue_siendo_latin1(ruta_minima, validar_json):
    (ruta_minima / "metas.yaml").write_bytes("metas:\n  - descripcion: niñas y niños\n".encode("latin-1"))
    _, salida = validar_json(ruta_minima)
    assert "Latin-1" in unico(salida, "metas.yaml")["mensaje"]


def test_una_carpeta_en_lugar_del_archivo(ruta_minima, validar_json):
    (ruta_minima / "acciones.yaml").unlink()
    (ruta_minima / "acciones.yaml").mkdir()
    codigo, salida = validar_json(ruta_minima)
    # No es un error de lo escrito sino del equipo: salida 2, como una carpeta que no existe.
    assert codigo == 2
    assert salida["codigo_salida"] == 2
    p = unico(salida, "acciones.yaml")
    assert p["codigo"] == "RM012"
    assert p["mensaje"] == "No se pudo abrir el archivo: es una carpeta, no un archivo."
    assert p["pista"] == "Debe ser el archivo YAML de la Ruta, que se pueda leer."


@posix
def test_una_fifo_en_lugar_del_archivo(ruta_minima, validar_json):
    (ruta_minima / "metas.yaml").unlink()
    os.mkfifo(ruta_minima / "metas.yaml")
    codigo, salida = validar_json(ruta_minima, limite=10)
    assert codigo == 2
    assert unico(salida, "metas.yaml")["codigo"] == "RM012"
    assert unico(salida, "metas.yaml")["mensaje"] == ("No se pudo abrir el archivo: no es un archivo normal "
                                                      "(es una tubería, FIFO).")


@posix
def test_un_enlace_a_un_dispositivo(ruta_minima, validar_json):
    if not os.path.exists("/dev/zero"):
        pytest.skip("no hay /dev/zero")
    (ruta_minima / "bitacora.yaml").unlink()
    (ruta_minima / "bitacora.yaml").symlink_to("/dev/zero")
    codigo, salida = validar_json(ruta_minima, limite=10)
    assert codigo == 2
    assert unico(salida, "bitacora.yaml")["mensaje"] == ("No se pudo abrir el archivo: no es un archivo normal "
                                                         "(es un dispositivo).")


@pytest.mark.skipif(os.name == "nt", reason="enlaces simbólicos: en Windows piden permisos")
def test_un_enlace_roto(ruta_minima, validar_json):
    (ruta_minima / "metas.yaml").unlink()
    (ruta_minima / "metas.yaml").symlink_to(ruta_minima / "no-existe.yaml")
    codigo, salida = validar_json(ruta_minima)
    assert codigo == 2
    assert unico(salida, "metas.yaml")["mensaje"] == "No se pudo abrir el archivo: no existe."


def test_sin_permiso_de_lectura_pide_el_permiso(ruta_minima, monkeypatch):
    """Como root (la CI) ``chmod 000`` no impide leer: se simula el permiso negado."""
    from rutamejora.formato import lectura

    real = lectura.abrir_regular

    def negar(ruta):
        if Path(ruta).name == "metas.yaml":
            raise PermissionError(13, "no hay permiso", str(ruta))
        return real(ruta)

    monkeypatch.setattr(lectura, "abrir_regular", negar)
    doc = lectura.leer(ruta_minima / "metas.yaml", "metas.yaml")
    (p,) = doc.problemas
    assert (p.codigo, p.mensaje) == ("RM012", "No se pudo abrir el archivo: no hay permiso.")
    assert p.pista == ("Dale permiso de lectura a tu usuario (en Linux o macOS: `chmod u+r metas.yaml`) "
                       "o pide a quien lo creó que lo haga.")


def test_el_informe_no_se_hace_y_sale_con_2(ruta_minima, invocar):
    (ruta_minima / "metas.yaml").unlink()
    (ruta_minima / "metas.yaml").mkdir()
    resultado = invocar(["informe", str(ruta_minima), "--tipo", "planeacion", "--fecha", "2025-10-01"])
    assert resultado.exit_code == 2
    assert resultado.stdout == ""
    assert resultado.stderr == ("ruta: no se pudo abrir metas.yaml (es una carpeta, no un archivo), así que "
                                "no se hizo el informe. Debe ser el archivo YAML de la Ruta, que se pueda "
                                "leer.\n")


# --- nucleo.archivos ----------------------------------------------------------------------------


def test_leer_regular_con_tope(tmp_path):
    archivo = tmp_path / "a.yaml"
    archivo.write_bytes(b"x" * 100)
    assert leer_regular(archivo, 100) == b"x" * 100
    with pytest.raises(DemasiadoGrande) as exc:
        leer_regular(archivo, 99)
    assert exc.value.tamano == 100


def test_leer_con_tope_sin_tamano_o_que_crece(tmp_path):
    """``leer_con_tope`` pide lo que dice el tamaño; si el archivo no lo dice (0) o crece
    mientras se lee, sigue hasta el tope y uno más."""
    archivo = tmp_path / "a.yaml"
    archivo.write_bytes(b"abc")
    with open(archivo, "rb") as f:
        assert leer_con_tope(f, 10) == b"abc"

    class Creciente(io.BytesIO):
        """Lo que se lee son 20 bytes; ``fstat`` dice el tamaño de ``archivo``."""

        def fileno(self):
            return descriptor

    with open(archivo, "rb") as f:
        descriptor = f.fileno()
        assert leer_con_tope(Creciente(b"x" * 20), 10) == b"x" * 11
    archivo.write_bytes(b"")
    with open(archivo, "rb") as f:
        descriptor = f.fileno()
        assert leer_con_tope(Creciente(b"y" * 20), 10) == b"y" * 11


def test_abrir_regular_rechaza_una_carpeta(tmp_path):
    with pytest.raises(NoEsRegular, match="es una carpeta"):
        abrir_regular(tmp_path)


@posix
def test_abrir_regular_no_se_cuelga_con_una_fifo(tmp_path):
    os.mkfifo(tmp_path / "f")
    with pytest.raises(NoEsRegular, match=r"es una tubería, FIFO"):
        abrir_regular(tmp_path / "f")


def test_abrir_regular_dice_en_espanol_que_no_existe(tmp_path):
    with pytest.raises(OSError) as exc:
        abrir_regular(tmp_path / "no")
    assert exc.value.strerror == "no existe"


@pytest.mark.skipif(os.name == "nt", reason="enlaces simbólicos: en Windows piden permisos")
def test_un_enlace_en_ciclo_en_formato_github(ruta_minima, invocar, monkeypatch):
    """La anotación nombra el enlace mismo, sin seguirlo (antes, «problema interno»)."""
    (ruta_minima / "metas.yaml").unlink()
    (ruta_minima / "metas.yaml").symlink_to("metas.yaml")
    monkeypatch.chdir(ruta_minima.parent)
    resultado = invocar(["validar", ruta_minima.name, "--formato", "github", "--fecha", "2025-10-01"])
    assert resultado.exit_code == 2
    assert (f"::error file={ruta_minima.name}/metas.yaml,title=RM012 archivo-inaccesible::No se pudo "
            "abrir el archivo: hay un ciclo de enlaces simbólicos. Debe ser el archivo YAML de la "
            "Ruta, que se pueda leer.") in resultado.stdout.splitlines()


def _zona_con_metas_inaccesible(tmp_path) -> Path:
    """Dos Rutas de ejemplo; en la primera (``a``), ``metas.yaml`` es una carpeta (RM012)."""
    import shutil

    ejemplos = Path(__file__).resolve().parents[2] / "ejemplos"
    zona = tmp_path / "zona"
    shutil.copytree(ejemplos / "primaria-2025-2026", zona / "a")
    shutil.copytree(ejemplos / "secundaria-2025-2026", zona / "b")
    (zona / "a" / "metas.yaml").unlink()
    (zona / "a" / "metas.yaml").mkdir()
    return zona


def test_zona_y_exportar_salen_con_2_si_un_archivo_no_se_abre(tmp_path, invocar):
    """Como `validar`: un archivo que no se puede abrir es del equipo (2), aunque la vista y la
    exportación salgan con lo demás."""
    zona = _zona_con_metas_inaccesible(tmp_path)
    assert invocar(["zona", str(zona), "--fecha", "2026-03-01"]).exit_code == 2
    r = invocar(["exportar", str(zona), "-f", "csv", "-o", str(tmp_path / "csv"), "--fecha", "2026-03-01"])
    assert r.exit_code == 2
    assert r.stderr.endswith("ruta: en a hay un archivo que no se pudo abrir (RM012); lo demás se exportó. "
                             "Revisa sus permisos con `ruta validar`.\n")
    assert (tmp_path / "csv" / "rutas.csv").exists()


def test_exportar_dice_tambien_las_rutas_con_errores(tmp_path, invocar):
    zona = _zona_con_metas_inaccesible(tmp_path)
    with (zona / "b" / "metas.yaml").open("a", encoding="utf-8") as f:
        f.write("  - [\n")
    r = invocar(["exportar", str(zona), "-f", "csv", "-o", str(tmp_path / "csv"), "--fecha", "2026-03-01"])
    assert r.exit_code == 2
    assert "ruta: en a hay un archivo que no se pudo abrir (RM012)" in r.stderr
    assert "ruta: 1 Ruta tiene errores o no se pudo leer (b)" in r.stderr
