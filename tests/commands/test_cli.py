"""La línea de comandos: salidas texto/json/github, códigos de salida, ayuda en español."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora import __version__
from rutamejora.commands import app

MINIMA = Path(__file__).resolve().parents[1] / "datos" / "minima"
runner = CliRunner()


def correr(*args: str, **kw):
    return runner.invoke(app, list(args), **kw)


@pytest.fixture
def rota(tmp_path: Path) -> Path:
    """La Ruta mínima con dos errores y un aviso."""
    destino = tmp_path / "rota"
    shutil.copytree(MINIMA, destino)
    metas = destino / "metas.yaml"
    metas.write_text(metas.read_text(encoding="utf-8").replace("linea_base: 40", "línea_base: 40"),
                     encoding="utf-8")
    objetivos = destino / "objetivos.yaml"
    objetivos.write_text(objetivos.read_text(encoding="utf-8").replace("prioridad: P1", "prioridad: P9"),
                         encoding="utf-8")
    (destino / "notas.yaml").write_text("a: 1\n", encoding="utf-8")
    return destino


def test_version():
    r = correr("--version")
    assert r.exit_code == 0
    assert r.output == f"ruta {__version__}\n"


def test_ruta_limpia_sale_con_0():
    r = correr("validar", str(MINIMA), "--fecha", "2025-10-01")
    assert r.exit_code == 0
    assert r.output == "Todo en orden: 7 archivos revisados.  (marco rme-2014: Ruta de mejora escolar)\n"


def test_texto_agrupa_por_archivo_y_cita_la_linea(rota):
    r = correr("validar", str(rota), "--fecha", "2025-10-01")
    assert r.exit_code == 1
    esperado = """\
objetivos.yaml
     3:16  error  RM202  Objetivo O1: no hay ninguna prioridad con id `P9`.  [referencia-inexistente]
        3 │     prioridad: P9
          │                ^
           pista: ¿Quisiste decir `P1`?

metas.yaml
      7:5  error  RM104  Meta M1: la clave `línea_base` no existe aquí.  [clave-desconocida]
        7 │     línea_base: 40
          │     ^
           pista: ¿Quisiste decir `linea_base`? (se leyó como `linea_base`).

notas.yaml
        —  aviso  RM102  notas.yaml no es un archivo de una Ruta; se ignoró.  [archivo-desconocido]
           pista: Los archivos de una Ruta son: ruta.yaml, diagnostico.yaml, prioridades.yaml, objetivos.yaml, metas.yaml, acciones.yaml, bitacora.yaml.

2 errores y 1 aviso en 7 archivos  (marco rme-2014: Ruta de mejora escolar)
"""
    assert r.output == esperado


def test_json_documentado(rota):
    r = correr("validar", str(rota), "--formato", "json", "--fecha", "2025-10-01")
    assert r.exit_code == 1
    datos = json.loads(r.output)
    assert datos["version"] == 2
    assert datos["codigo_salida"] == 1
    assert datos["herramienta"] == f"ruta {__version__}"
    (ruta,) = datos["rutas"]
    assert ruta["marco"] == "rme-2014"
    assert ruta["resumen"] == {"errores": 2, "avisos": 1, "info": 0, "archivos": 7, "codigo_salida": 1}
    assert ruta["problemas"][0] == {
        "codigo": "RM202", "nombre": "referencia-inexistente", "severidad": "error",
        "archivo": "objetivos.yaml", "linea": 3, "columna": 16, "ruta_yaml": "objetivos[0].prioridad",
        "lugar": "objetivo O1 (prioridad)",
        "mensaje": "Objetivo O1: no hay ninguna prioridad con id `P9`.", "pista": "¿Quisiste decir `P1`?"}


def test_github_anotaciones_con_rutas_relativas(rota, monkeypatch):
    monkeypatch.chdir(rota.parent)
    r = correr("validar", "rota", "--formato", "github", "--fecha", "2025-10-01")
    assert r.exit_code == 1
    lineas = r.output.splitlines()
    assert lineas[0] == ("::error file=rota/objetivos.yaml,line=3,col=16,title=RM202 referencia-inexistente::"
                         "Objetivo O1: no hay ninguna prioridad con id `P9`. ¿Quisiste decir `P1`?")
    assert lineas[1].startswith("::error file=rota/metas.yaml,line=7,col=5,title=RM104 clave-desconocida::")
    assert lineas[2].startswith("::warning file=rota/notas.yaml,title=RM102 archivo-desconocido::")
    assert lineas[3] == "rota: 2 errores y 1 aviso en 7 archivos"


def test_estricto_convierte_avisos_en_fallo(tmp_path):
    destino = tmp_path / "r"
    shutil.copytree(MINIMA, destino)
    (destino / "notas.yaml").write_text("a: 1\n", encoding="utf-8")
    assert correr("validar", str(destino), "--fecha", "2025-10-01").exit_code == 0
    assert correr("validar", str(destino), "--fecha", "2025-10-01", "--estricto").exit_code == 1


@pytest.mark.parametrize("formato", ["texto", "json", "github"])
def test_carpeta_inexistente_sale_con_2(tmp_path, formato):
    r = correr("validar", str(tmp_path / "no-existe"), "--formato", formato)
    assert r.exit_code == 2
    assert f"ruta: la carpeta {tmp_path / 'no-existe'} no existe." in r.output


def test_carpeta_sin_ruta_sale_con_2(tmp_path):
    r = correr("validar", str(tmp_path))
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: la carpeta {tmp_path} no contiene una Ruta: ni ella ni sus "
                        "subcarpetas tienen un ruta.yaml. Indica la carpeta de la Ruta (p. ej. "
                        "escuelas/<CCT>/<ciclo>) o crea una con `ruta nueva CARPETA`.\n")


def _plano(texto: str) -> str:
    """La salida sin el marco de Rich ni sus saltos de línea."""
    return " ".join(texto.replace("│", " ").split())


def test_fecha_mal_escrita_es_error_de_uso():
    r = correr("validar", str(MINIMA), "--fecha", "26/02/2026")
    assert r.exit_code == 2
    assert "«26/02/2026» no es una fecha AAAA-MM-DD (p. ej. 2026-03-27)." in _plano(r.output)


@pytest.mark.parametrize("comando, opciones", [
    ("validar", []), ("zona", []), ("exportar", ["-o", "x.csv"]), ("informe", ["-t", "rendicion"]),
    ("avance", []), ("sesion", []), ("nueva", [])])
def test_un_dia_que_no_existe_lo_dice(tmp_path, comando, opciones):
    carpeta = tmp_path / "nueva" if comando == "nueva" else MINIMA
    opciones = [str(tmp_path / o) if o == "x.csv" else o for o in opciones]
    r = correr(comando, str(carpeta), *opciones, "--fecha", "2026-02-30")
    assert r.exit_code == 2
    assert ("Valor no válido para '--fecha': 2026-02-30: febrero de 2026 no tiene día 30 "
            "(tiene 28 días).") in _plano(r.output)
    assert not (tmp_path / "nueva").exists() and not (tmp_path / "x.csv").exists()


@pytest.mark.parametrize("fecha, motivo", [
    ("2028-02-30", "febrero de 2028 no tiene día 30 (tiene 29 días)."),
    ("2026-04-31", "abril de 2026 no tiene día 31 (tiene 30 días)."),
    ("2026-13-01", "no hay mes 13 (los meses van del 01 al 12)."),
    ("2026-01-00", "enero de 2026 no tiene día 0 (tiene 31 días)."),
])
def test_fechas_imposibles(fecha, motivo):
    r = correr("validar", str(MINIMA), "--fecha", fecha)
    assert r.exit_code == 2
    assert f"{fecha}: {motivo}" in _plano(r.output)


def test_opcion_desconocida_es_error_de_uso():
    r = correr("validar", str(MINIMA), "--formatto", "json")
    assert r.exit_code == 2
    assert "No existe la opción" in r.output
    assert "--formato" in r.output


def test_formato_desconocido_es_error_de_uso():
    r = correr("validar", str(MINIMA), "--formato", "xml")
    assert r.exit_code == 2
    assert ("Valor no válido para '--formato' / '-f': «xml» no es ninguna de las opciones: texto, "
            "json, github o md.") in _plano(r.output)


def test_varias_rutas_en_un_repositorio(tmp_path):
    for cct, ciclo in (("21DPR0123T", "2025-2026"), ("21DPR0123T", "2024-2025")):
        shutil.copytree(MINIMA, tmp_path / "escuelas" / cct / ciclo)
    r = correr("validar", str(tmp_path), "--formato", "json", "--fecha", "2025-10-01")
    datos = json.loads(r.output)
    assert [Path(x["carpeta"]).relative_to(tmp_path).as_posix() for x in datos["rutas"]] == [
        "escuelas/21DPR0123T/2024-2025", "escuelas/21DPR0123T/2025-2026"]
    # Ambas son copias de una Ruta 2025-2026: la de la carpeta 2024-2025 no es de su ciclo (RM124).
    assert r.exit_code == 1
    assert [(Path(x["carpeta"]).name, p["codigo"]) for x in datos["rutas"] for p in x["problemas"]] == [
        ("2024-2025", "RM124")]


def test_no_color_y_sin_terminal_no_hay_ansi(rota, monkeypatch):
    monkeypatch.setenv("NO_COLOR", "1")
    r = correr("validar", str(rota), "--fecha", "2025-10-01")
    assert "\033[" not in r.output


def test_color_solo_en_terminal(monkeypatch):
    from rutamejora.commands import _comun

    class Terminal:
        def isatty(self):
            return True

    monkeypatch.setattr(_comun.sys, "stdout", Terminal())
    monkeypatch.delenv("NO_COLOR", raising=False)
    assert _comun.con_color() is True
    monkeypatch.setenv("NO_COLOR", "1")
    assert _comun.con_color() is False


# --- Ayuda en español -------------------------------------------------------------------------

INGLES = re.compile(r"\b(Usage|Options|Arguments|Commands|Error|Missing argument|Show this message|"
                    r"Try '|default:|required)\b")
COMANDOS = ["nueva", "validar", "reglas", "explicar", "esquema", "informe", "resumen", "avance", "pendientes",
            "calendario", "sesion", "bitacora", "cambios", "historia", "exportar"]


@pytest.mark.parametrize("args", [["--help"]] + [[c, "--help"] for c in COMANDOS])
def test_ayuda_en_espanol_con_ejemplo(args):
    r = correr(*args, env={"LANG": "C", "COLUMNS": "100"})
    assert r.exit_code == 0
    assert "Uso: ruta" in r.output
    assert "Ejemplo: ruta " in r.output
    assert not INGLES.search(r.output), INGLES.search(r.output)


def test_falta_argumento_en_espanol():
    r = correr("explicar", env={"LANG": "C"})
    assert r.exit_code == 2
    assert "Falta el argumento 'CÓDIGO'." in r.output
    assert not INGLES.search(r.output)


def test_comando_desconocido_en_espanol():
    r = correr("validr", env={"LANG": "C"})
    assert r.exit_code == 2
    assert "No existe el comando 'validr'." in r.output
    assert not INGLES.search(r.output)


def test_autocompletado_se_conserva():
    r = correr("--help")
    assert "--install-completion" in r.output
    assert "Instala el autocompletado" in r.output


# --- Catálogo de reglas -----------------------------------------------------------------------


def test_reglas_json():
    r = correr("reglas", "--formato", "json")
    assert r.exit_code == 0
    reglas = json.loads(r.output)
    assert set(reglas[0]) == {"codigo", "nombre", "severidad", "resumen"}
    codigos = [x["codigo"] for x in reglas]
    assert codigos == sorted(codigos) and len(codigos) == len(set(codigos))
    assert {"codigo": "RM104", "nombre": "clave-desconocida", "severidad": "error",
            "resumen": "Una clave no existe en el formato; si se parece a una válida se dice cuál y se lee como ella."} in reglas


def test_explicar_muestra_ejemplos():
    r = correr("explicar", "rm104")
    assert r.exit_code == 0
    assert r.output.startswith("RM104 clave-desconocida (error; fase: estructura)\n")
    assert "✓ metas.yaml" in r.output and "✗ metas.yaml" in r.output


def test_explicar_codigo_inexistente():
    r = correr("explicar", "RM1O4")
    assert r.exit_code == 2
    assert "no existe la regla «RM1O4». ¿Quisiste decir RM104?" in r.output


def test_solo_ruta_yaml_roto_cuenta_los_archivos_que_faltan(tmp_path):
    carpeta = tmp_path / "escuelas" / "21DPR0002X" / "2025-2026"
    carpeta.mkdir(parents=True)
    (carpeta / "ruta.yaml").write_text("escuela: {nombre: [\n", encoding="utf-8")
    r = correr("validar", str(carpeta), "--fecha", "2026-03-27")
    assert r.exit_code == 1
    lineas = r.stdout.splitlines()
    assert lineas[-1] == "7 errores, 0 avisos y 1 nota en 7 archivos"
    # La nota «no se pudo leer» es solo para ruta.yaml, que existe; no para los que faltan.
    omitidas = [l for l in lineas if "RM901" in l]
    assert len(omitidas) == 1 and "Como ruta.yaml no se pudo leer" in omitidas[0]
    assert sum("RM101" in l for l in lineas) == 6


@pytest.fixture
def terminal(monkeypatch):
    """La terminal que «detecta» shellingham: la de verdad depende de qué procesos corren la
    prueba (bash en la CI, python en un trabajador de pytest-xdist)."""
    import shellingham

    def fijar(nombre):
        def detectar():
            if nombre is None:
                raise shellingham.ShellDetectionFailure()
            return nombre, f"/bin/{nombre}"
        monkeypatch.setattr(shellingham, "detect_shell", detectar)
    return fijar


def test_instalar_el_autocompletado_lo_dice_en_espanol(tmp_path, terminal):
    """Typer escribe sus dos avisos en inglés, sin gettext («bash completion installed in…»)."""
    terminal("bash")
    r = CliRunner().invoke(app, ["--install-completion"], env={"HOME": str(tmp_path), "SHELL": "/bin/bash"})
    assert r.exit_code == 0, r.output
    assert r.stdout == (f"Autocompletado de bash instalado en {tmp_path / '.bash_completions' / 'ruta.sh'}.\n"
                        "Funcionará cuando vuelvas a abrir la terminal.\n")
    assert (tmp_path / ".bash_completions" / "ruta.sh").is_file()


@pytest.mark.parametrize("nombre, cual", [(None, "tu terminal"), ("tcsh", "«tcsh»")])
def test_instalar_el_autocompletado_sin_una_terminal_que_lo_admita(tmp_path, terminal, nombre, cual):
    """Typer decía «Shell None is not supported.» (en inglés, salida 1) sin tocar nada."""
    terminal(nombre)
    r = CliRunner().invoke(app, ["--install-completion"], env={"HOME": str(tmp_path)})
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == (f"ruta: el autocompletado no se puede instalar en {cual}: es para bash, zsh, fish y "
                        "PowerShell. Corre `ruta --install-completion` desde una de ellas.\n")
    assert not any(tmp_path.iterdir())


def test_un_error_de_uso_no_repite_un_dato_personal_que_se_escribio():
    """El mensaje de un error de uso cita lo que se escribió (una opción, un archivo, una clave
    de zona.yaml): sale enmascarado, como los problemas de `validar`."""
    r = CliRunner().invoke(app, ["explicar", "Kevin Pérez 5548129037"])
    assert r.exit_code == 2
    assert r.stderr == ("ruta: no existe la regla «[nombre: K. P.] [teléfono]». Usa `ruta reglas` "
                        "para verlas todas.\n")
