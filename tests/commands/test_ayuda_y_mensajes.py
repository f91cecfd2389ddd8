"""Lo que encontró una prueba como usuario nuevo en la ayuda y los mensajes de la línea de
comandos: qué Rutas valida ``ruta validar`` sin carpeta, sus códigos de salida, la minúscula
tras «ruta: ». Por los dos caminos de ``validar`` (el atajo sin Typer y el comando)."""

from __future__ import annotations

import ast
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import _atajo, app
from rutamejora.commands._comun import PALABRAS_COMUNES, linea_de_error, minuscula_inicial

RAIZ = Path(__file__).resolve().parents[2]
MINIMA = RAIZ / "tests" / "datos" / "minima"
FECHA = "2025-10-01"
runner = CliRunner()


def _plano(texto: str) -> str:
    """La salida sin el marco de Rich ni sus saltos de línea."""
    return " ".join(texto.replace("│", " ").split())


def _por_los_dos_caminos(argumentos: list[str], capsys) -> tuple[int, str, str]:
    """(salida, stdout, stderr) de ``ruta ARGUMENTOS``: iguales con el atajo y con Typer."""
    con_typer = runner.invoke(app, argumentos)
    esperado = (con_typer.exit_code, con_typer.stdout, con_typer.stderr)
    if os.name == "posix":
        codigo = _atajo.correr(argumentos)
        salida = capsys.readouterr()
        assert (codigo, salida.out, salida.err) == esperado
    return esperado


# --- 1. ruta validar sin carpeta ---------------------------------------------------------------


def test_sin_carpeta_con_una_ruta_debajo_dice_cual_valido(tmp_path, monkeypatch, capsys):
    shutil.copytree(MINIMA, tmp_path / "escuelas" / "21DPR0123T" / "2025-2026")
    monkeypatch.chdir(tmp_path)
    codigo, salida, error = _por_los_dos_caminos(["validar", "--fecha", FECHA], capsys)
    assert (codigo, salida) == (0, "Todo en orden: 7 archivos revisados.  (marco rme-2014: Ruta "
                                   "de mejora escolar)\n")
    assert error == "Se validó 1 Ruta bajo la carpeta actual: escuelas/21DPR0123T/2025-2026.\n"


def test_sin_carpeta_con_varias_rutas_las_encabeza_y_las_cuenta(tmp_path, monkeypatch, capsys):
    for ciclo in ("2025-2026", "2026-2027"):
        shutil.copytree(MINIMA, tmp_path / "escuelas" / "21DPR0123T" / ciclo)
    monkeypatch.chdir(tmp_path)
    codigo, salida, error = _por_los_dos_caminos(["validar", "--fecha", FECHA], capsys)
    assert codigo == 1
    # Cada Ruta con su carpeta de encabezado y un renglón en blanco antes de la siguiente (la
    # segunda es una copia de la primera: su carpeta no es de su ciclo).
    assert salida.startswith(
        "== escuelas/21DPR0123T/2025-2026 ==\n\n"
        "Todo en orden: 7 archivos revisados.  (marco rme-2014: Ruta de mejora escolar)\n\n"
        "== escuelas/21DPR0123T/2026-2027 ==\n\nruta.yaml\n")
    assert salida.endswith("escolar)\n\nEn total (2 Rutas): 1 error y 0 avisos en 14 archivos\n")
    assert error == "Se validaron 2 Rutas bajo la carpeta actual.\n"


def test_una_carpeta_con_varias_rutas_tambien_lo_dice(tmp_path, capsys):
    for cct in ("21DPR0487A", "21DPR0123T"):
        shutil.copytree(MINIMA, tmp_path / "zona" / cct / "2025-2026")
    _, _, error = _por_los_dos_caminos(["validar", str(tmp_path / "zona"), "--fecha", FECHA], capsys)
    assert error == f"Se validaron 2 Rutas bajo {tmp_path / 'zona'}.\n"


@pytest.mark.parametrize("argumentos", [
    ["validar", str(MINIMA), "--fecha", FECHA],                       # la Ruta misma
    ["validar", str(MINIMA / "metas.yaml"), "--fecha", FECHA],        # un archivo (pre-commit)
    ["validar", "{zona}", "-f", "json", "--fecha", FECHA],            # para programas
    ["validar", "{zona}", "-f", "github", "--fecha", FECHA],
], ids=["ruta", "archivo", "json", "github"])
def test_sin_nota_si_se_nombro_la_ruta_o_el_formato_es_para_programas(argumentos, tmp_path, capsys):
    shutil.copytree(MINIMA, tmp_path / "zona" / "a" / "2025-2026")
    argumentos = [a.format(zona=tmp_path / "zona") for a in argumentos]
    _, _, error = _por_los_dos_caminos(argumentos, capsys)
    assert error == ""


def test_sin_ninguna_ruta_dice_donde_busco_y_como_indicarla(tmp_path, monkeypatch, capsys):
    (tmp_path / "docs").mkdir()
    monkeypatch.chdir(tmp_path)
    codigo, salida, error = _por_los_dos_caminos(["validar"], capsys)
    assert (codigo, salida) == (2, "")
    assert error == (f"ruta: la carpeta actual ({tmp_path}) no contiene una Ruta: ni ella ni sus "
                     "subcarpetas tienen un ruta.yaml. Indica la carpeta de la Ruta (p. ej. "
                     "escuelas/<CCT>/<ciclo>) o crea una con `ruta nueva CARPETA`.\n")


def test_la_ayuda_dice_que_busca_debajo_de_la_carpeta():
    r = runner.invoke(app, ["validar", "--help"], env={"COLUMNS": "100"})
    assert r.exit_code == 0
    assert ("Sin CARPETA valida la carpeta actual; si no es una Ruta (no tiene ruta.yaml), busca "
            "las Rutas que haya en sus subcarpetas, a cualquier profundidad "
            "(escuelas/<cct>/<ciclo>/), las valida todas y dice en stderr cuántas halló "
            "(«Se validaron 3 Rutas bajo escuelas.»).") in _plano(r.output)


# --- 2. los códigos de salida ------------------------------------------------------------------


def test_la_ayuda_dice_los_codigos_de_salida():
    r = runner.invoke(app, ["validar", "--help"], env={"COLUMNS": "200"})
    lineas = [l.strip() for l in r.output.splitlines()]
    inicio = lineas.index("Códigos de salida:")
    assert lineas[inicio + 1:inicio + 4] == [
        "0  sin errores (puede haber avisos y notas);",
        "1  la Ruta tiene errores (o avisos, con --estricto; con --historia, la historia de git "
        "guarda algún dato personal);",
        "2  de uso o del entorno: una opción o un valor mal escritos, una carpeta que no existe o "
        "sin ninguna Ruta, un archivo de la Ruta que no se puede abrir (sin permiso de lectura)."]


@pytest.mark.parametrize("argumentos, codigo", [
    (["validar", str(MINIMA), "--fecha", FECHA], 0),
    (["validar", str(MINIMA), "--fecha", FECHA, "--formato", "xml"], 2),
    (["validar", "no-existe"], 2),
])
def test_los_codigos_de_salida_son_los_de_la_ayuda(argumentos, codigo):
    assert runner.invoke(app, argumentos).exit_code == codigo


def _sin_permiso_de_lectura() -> list[str] | None:
    """Cómo correr un proceso al que los permisos de archivo sí le aplican: uno normal, o root
    sin las capacidades que se saltan los permisos (``setpriv``, de util-linux). ``None`` si no
    se puede (Windows; root sin ``setpriv``)."""
    if os.name != "posix":
        return None
    if os.geteuid() != 0:
        return []
    if shutil.which("setpriv") is None:
        return None
    sin = "-dac_override,-dac_read_search"
    return ["setpriv", f"--inh-caps={sin}", f"--bounding-set={sin}"]


@pytest.mark.skipif(_sin_permiso_de_lectura() is None,
                    reason="los permisos de archivo no aplican: Windows, o root sin setpriv para "
                           "quitarse CAP_DAC_OVERRIDE")
def test_un_archivo_sin_permiso_de_lectura_sale_con_2(tmp_path):
    ruta = tmp_path / "ruta"
    shutil.copytree(MINIMA, ruta)
    (ruta / "metas.yaml").chmod(0)
    orden = [*_sin_permiso_de_lectura(), sys.executable, "-m", "rutamejora", "validar", str(ruta),
             "--fecha", FECHA]
    r = subprocess.run(orden, capture_output=True, text=True, timeout=120,
                       env=dict(os.environ, PYTHONPATH=str(RAIZ), NO_COLOR="1"))
    (ruta / "metas.yaml").chmod(0o644)
    assert r.returncode == 2, r.stdout + r.stderr
    assert r.stdout.startswith(
        "metas.yaml\n"
        "        —  error  RM012  No se pudo abrir el archivo: no hay permiso para leerlo.  "
        "[archivo-inaccesible]\n"
        "           pista: Dale permiso de lectura a tu usuario (en Linux o macOS: `chmod u+r "
        "metas.yaml`) o pide a quien lo creó que lo haga.\n")


# --- 7. la minúscula tras «ruta: » -------------------------------------------------------------


@pytest.mark.parametrize("mensaje, esperado", [
    ("La carpeta x no existe.", "la carpeta x no existe."),
    ("No se pudo escribir informe.html.", "no se pudo escribir informe.html."),
    ("Los años del ciclo no son consecutivos.", "los años del ciclo no son consecutivos."),
    ("Lenguajes ya tiene el resultado «Lectura».", "Lenguajes ya tiene el resultado «Lectura»."),
    ("Ruta anterior ilegible.", "Ruta anterior ilegible."),            # nombre propio
    ("CCT inválida.", "CCT inválida."),                                # siglas
    ("M1 no existe.", "M1 no existe."),
    ("«x» no es una fecha.", "«x» no es una fecha."),
    ("metas.yaml no se puede leer.", "metas.yaml no se puede leer."),
])
def test_minuscula_inicial(mensaje, esperado):
    assert minuscula_inicial(mensaje) == esperado
    assert linea_de_error(mensaje) == f"ruta: {esperado}"


def _mensajes_escritos() -> list[tuple[str, int, str]]:
    """(archivo, línea, texto) del principio escrito de cada mensaje que puede salir tras
    «ruta: »: el de cada ``raise Clase("…")`` de la biblioteca y cada ``fallar_uso("…")`` y
    ``linea_de_error("…")`` de los comandos (lo que va antes del primer ``{…}``)."""
    hallados = []
    for archivo in sorted((RAIZ / "rutamejora").rglob("*.py")):
        for nodo in ast.walk(ast.parse(archivo.read_text(encoding="utf-8"))):
            if isinstance(nodo, ast.Raise) and isinstance(nodo.exc, ast.Call) and nodo.exc.args:
                argumento = nodo.exc.args[0]
            elif (isinstance(nodo, ast.Call) and nodo.args
                  and getattr(nodo.func, "id", None) in ("fallar_uso", "linea_de_error")):
                argumento = nodo.args[0]
            else:
                continue
            if isinstance(argumento, ast.JoinedStr) and argumento.values:
                argumento = argumento.values[0]
            if isinstance(argumento, ast.Constant) and isinstance(argumento.value, str):
                hallados.append((archivo.relative_to(RAIZ).as_posix(), nodo.lineno, argumento.value))
    return hallados


def test_cada_mensaje_escrito_sigue_en_minuscula_tras_ruta():
    """Cada mensaje que el código escribe empieza con minúscula, un signo, un nombre propio o
    unas siglas, o con una palabra común que ``linea_de_error`` pasa a minúscula: nunca sale
    «ruta: Tal cosa» de un mensaje y «ruta: tal cosa» de otro."""
    mensajes = _mensajes_escritos()
    assert len(mensajes) > 100   # la búsqueda encuentra los mensajes
    malos = [(archivo, linea, texto) for archivo, linea, texto in mensajes
             if minuscula_inicial(texto)[:1].isupper() and texto.split(" ", 1)[0] not in PROPIOS
             and not _siglas(texto)]
    assert malos == []


# Las palabras con mayúscula con que sí empieza un mensaje escrito: nombres propios, mensajes
# para quien desarrolla (no salen tras «ruta: ») y programas.
PROPIOS = {"Ruta", "Almacen"}


def _siglas(texto: str) -> bool:
    palabra = texto.split(" ", 1)[0]
    return len(palabra) > 1 and (palabra.isupper() or any(c.isdigit() for c in palabra))


def test_ningun_comando_escribe_ruta_dos_puntos_por_su_cuenta():
    """Todo «ruta: …» sale de ``linea_de_error`` (salvo el fallo interno de ``main``, que no
    importa nada más y ya empieza en minúscula)."""
    propios = []
    for archivo in sorted((RAIZ / "rutamejora" / "commands").glob("*.py")):
        for nodo in ast.walk(ast.parse(archivo.read_text(encoding="utf-8"))):
            # Las constantes sueltas y las de un f-string (que ``ast.walk`` también visita).
            if isinstance(nodo, ast.Constant) and isinstance(nodo.value, str) \
                    and nodo.value.startswith("ruta: "):
                propios.append((archivo.name, nodo.lineno, nodo.value[:40]))
    assert [(a, t) for a, _, t in propios] == [
        ("__init__.py", "ruta: problema interno ("), ("__init__.py", "ruta: el argumento «"),
        ("_comun.py", "ruta: ")]
    assert all(t[6].islower() for a, _, t in propios if a == "__init__.py")


def test_palabras_comunes_con_mayuscula_inicial():
    assert all(p[:1].isupper() and p[1:].islower() for p in PALABRAS_COMUNES if len(p) > 1)


# --- 4 y 5. las opciones de valores fijos ------------------------------------------------------


def _opciones_de_eleccion():
    """(comando, opción) de cada opción de valores fijos de todos los comandos."""
    import click
    import typer.main

    def recorrer(comando, nombre):
        for param in comando.params:
            if isinstance(param.type, click.Choice):
                yield nombre, param
        for sub, hijo in getattr(comando, "commands", {}).items():
            yield from recorrer(hijo, f"{nombre} {sub}".strip())

    return list(recorrer(typer.main.get_command(app), ""))


def test_todas_las_opciones_de_valores_fijos_usan_eleccion():
    from rutamejora.commands._elecciones import Eleccion

    opciones = _opciones_de_eleccion()
    assert len(opciones) >= 14
    assert [(c, p.name) for c, p in opciones if not isinstance(p.type, Eleccion)] == []


@pytest.mark.parametrize("argumentos", [
    ["informe", str(MINIMA), "-t", "rendición", "--fecha", "2026-07-15"],
    ["informe", str(MINIMA), "-t", "RENDICION", "--fecha", "2026-07-15"],
    ["informe", str(MINIMA), "-t", "Rendición", "-a", "Comunidad", "--fecha", "2026-07-15"],
], ids=lambda a: " ".join(a[2:-2]))
def test_acentos_y_mayusculas_se_aceptan(argumentos):
    r = runner.invoke(app, argumentos)
    esperado = runner.invoke(app, ["informe", str(MINIMA), "-t", "rendicion", "--fecha", "2026-07-15"])
    assert (r.exit_code, r.stdout) == (esperado.exit_code, esperado.stdout)
    assert esperado.exit_code == 0 and "# Rendición de cuentas 2025-2026" in esperado.stdout


def test_cada_opcion_de_valores_fijos_acepta_su_valor_con_mayusculas_y_acentos():
    from rutamejora.commands._elecciones import Eleccion

    for comando, param in _opciones_de_eleccion():
        for valor in param.type.choices:
            texto = str(getattr(valor, "value", valor))
            escrito = texto.upper().replace("A", "Á")
            assert param.type.convert(escrito, param, None) == valor, (comando, param.name)
        assert isinstance(param.type, Eleccion)


def test_un_valor_desconocido_sugiere_el_parecido():
    r = runner.invoke(app, ["informe", str(MINIMA), "-t", "rendicon"], env={"COLUMNS": "200"})
    assert r.exit_code == 2
    assert r.stdout == ""
    assert ("│ Valor no válido para '--tipo' / '-t': «rendicon» no es ninguna de las opciones: "
            "planeacion, seguimiento, rendicion o zona. ¿Quisiste decir `rendicion`?") in r.stderr


def test_sin_nada_parecido_no_sugiere():
    r = runner.invoke(app, ["informe", str(MINIMA), "-t", "xyz"], env={"COLUMNS": "200"})
    assert r.exit_code == 2
    assert [" ".join(l.strip("│ ").split()) for l in r.stderr.splitlines() if l.startswith("│")] == [
        "Valor no válido para '--tipo' / '-t': «xyz» no es ninguna de las opciones: planeacion, "
        "seguimiento, rendicion o zona."]


@pytest.mark.parametrize("argumentos, mensaje", [
    (["informe", str(MINIMA)], "Falta la opción '--tipo' / '-t'. Elige entre: planeacion, "
                               "seguimiento, rendicion o zona."),
    (["validar", str(MINIMA), "-f", "xml"], "Valor no válido para '--formato' / '-f': «xml» no es "
                                            "ninguna de las opciones: texto, json, github o md."),
    (["exportar", str(MINIMA), "-f", "xls"], "Valor no válido para '--formato' / '-f': «xls» no es "
                                             "ninguna de las opciones: sqlite, csv o xlsx. "
                                             "¿Quisiste decir `xlsx`?"),
    (["reglas", "-f", "jsno"], "Valor no válido para '--formato' / '-f': «jsno» no es ninguna de "
                               "las opciones: texto o json. ¿Quisiste decir `json`?"),
])
def test_la_lista_de_opciones_en_un_renglon(argumentos, mensaje):
    r = runner.invoke(app, argumentos, env={"COLUMNS": "300"})
    assert r.exit_code == 2
    problema = [l for l in r.stderr.splitlines() if l.startswith("│")]
    assert problema == [f"│ {mensaje}".ljust(len(problema[0]) - 1) + "│"]


@pytest.mark.skipif(os.name != "posix", reason="el atajo solo corre en POSIX")
@pytest.mark.parametrize("formato", ["JSON", "Texto", "GitHub"])
def test_el_atajo_tambien_acepta_mayusculas(formato, capsys):
    argumentos = ["validar", str(MINIMA), "-f", formato, "--fecha", FECHA]
    assert _atajo.leer(argumentos) is not None
    codigo, salida, _ = _por_los_dos_caminos(argumentos, capsys)
    assert (codigo, salida) == (0, runner.invoke(app, ["validar", str(MINIMA), "-f",
                                                       formato.lower(), "--fecha", FECHA]).stdout)


# --- 9. la ayuda de --audiencia -----------------------------------------------------------------


def test_la_ayuda_de_audiencia_dice_que_recibe_cada_una():
    import typer.main

    comando = typer.main.get_command(app).commands["informe"]
    audiencia = next(p for p in comando.params if p.name == "audiencia")
    assert audiencia.help == (
        "Para quién es el informe. comunidad: para madres, padres y tutores (APF, CEPS), en "
        "lenguaje sencillo («¿Se logró? Sí / No / Todavía no»); los docentes aparecen por su "
        "función («Docente de 3°A»), sin nombres, y de los alumnos en riesgo solo cuántos son. "
        "autoridad: para el CTE y la supervisión, con el detalle (estados, indicadores, "
        "fórmulas), los nombres del colectivo y los códigos de alumnos. Por omisión, comunidad "
        "en la rendición de cuentas y autoridad en la planeación y el seguimiento (la zona es "
        "siempre para la autoridad).")
    r = runner.invoke(app, ["informe", "--help"], env={"COLUMNS": "100"})
    assert r.exit_code == 0
    assert audiencia.help in _plano(r.output.replace("│", " "))
