"""La ayuda viaja con la herramienta: ``ruta ayuda TEMA`` imprime la documentación instalada y
ningún texto que ve el usuario lo manda a ``docs/``, que quien instaló con pip no tiene."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import click
import pytest
import typer
from ruamel.yaml import YAML
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.escritura.plantillas_nueva import carpeta_plantillas
from rutamejora.salida import TEMAS, temas, texto_de_tema
from rutamejora.salida.ayuda import carpeta_ayuda, sin_enlaces_al_repositorio

RAIZ = Path(__file__).resolve().parents[2]
PAQUETE = RAIZ / "rutamejora"
runner = CliRunner()


def _es_regla(nodo) -> bool:
    """¿La función lleva ``@regla(…)``? Su docstring es lo que muestra ``ruta explicar``."""
    return any(isinstance(d, ast.Call) and getattr(d.func, "id", None) == "regla" for d in nodo.decorator_list)


def textos_del_codigo():
    """(archivo, línea, texto) de cada cadena del código que puede llegar al usuario: todas salvo
    los docstrings de módulos y clases y los de funciones que no son un comando ni una regla."""
    for archivo in sorted(PAQUETE.rglob("*.py")):
        relativo = archivo.relative_to(RAIZ).as_posix()
        arbol = ast.parse(archivo.read_text(encoding="utf-8"))
        internos = set()
        for nodo in ast.walk(arbol):
            if not isinstance(nodo, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            primero = nodo.body[0] if nodo.body else None
            if isinstance(primero, ast.Expr) and isinstance(primero.value, ast.Constant) \
                    and isinstance(primero.value.value, str):
                es_ayuda = isinstance(nodo, (ast.FunctionDef, ast.AsyncFunctionDef)) and (
                    relativo.startswith("rutamejora/commands/") or _es_regla(nodo))
                if not es_ayuda:
                    internos.add(id(primero.value))
        for nodo in ast.walk(arbol):
            if isinstance(nodo, ast.Constant) and isinstance(nodo.value, str) and id(nodo) not in internos:
                yield relativo, nodo.lineno, nodo.value


def test_ningun_mensaje_ni_ayuda_del_codigo_apunta_a_docs():
    malos = [f"{archivo}:{linea}: {texto!r}" for archivo, linea, texto in textos_del_codigo()
             if "docs/" in texto]
    assert malos == []


def _comandos(grupo: click.Group, camino=()):
    for nombre, comando in grupo.commands.items():
        yield (*camino, nombre)
        if isinstance(comando, click.Group):
            yield from _comandos(comando, (*camino, nombre))


def test_ninguna_ayuda_de_comando_apunta_a_docs():
    grupo = typer.main.get_command(app)
    vistos = []
    for camino in [(), *_comandos(grupo)]:
        r = runner.invoke(app, [*camino, "--help"], env={"COLUMNS": "200"})
        assert r.exit_code == 0, (camino, r.output)
        vistos.append(" ".join(camino))
        assert "docs/" not in r.output, camino
    assert {"nueva", "ayuda", "explicar", "bitacora agregar"} <= set(vistos)


def test_ninguna_plantilla_apunta_a_docs():
    archivos = [p for p in carpeta_plantillas().rglob("*") if p.is_file()]
    assert len(archivos) > 20
    assert [p.name for p in archivos if "docs/" in p.read_text(encoding="utf-8")] == []


def _cadenas(valor):
    if isinstance(valor, dict):
        for k, v in valor.items():
            yield from _cadenas(k)
            yield from _cadenas(v)
    elif isinstance(valor, list):
        for v in valor:
            yield from _cadenas(v)
    elif isinstance(valor, str):
        yield valor


def test_ningun_catalogo_apunta_a_docs():
    """Los textos de los catálogos (citas, pistas de las reglas suaves…) llegan a la Ruta y a los mensajes."""
    archivos = sorted((PAQUETE / "catalogos").rglob("*.yaml"))
    assert len(archivos) >= 10
    for archivo in archivos:
        datos = YAML(typ="safe").load(archivo.read_text(encoding="utf-8"))
        assert [t for t in _cadenas(datos) if "docs/" in t] == [], archivo.name


@pytest.mark.parametrize("tema", TEMAS)
def test_cada_tema_se_imprime_sin_enlaces_al_repositorio(tema):
    texto = texto_de_tema(tema)
    assert texto == sin_enlaces_al_repositorio((carpeta_ayuda() / f"{tema}.md").read_text(encoding="utf-8"))
    assert "docs/" not in texto
    assert re.search(r"\]\((?!https?://)[^)]*\)", texto) is None  # ningún enlace a un archivo
    r = runner.invoke(app, ["ayuda", tema])
    assert (r.exit_code, r.stdout) == (0, texto)


def test_los_enlaces_se_vuelven_ordenes_de_ruta():
    assert sin_enlaces_al_repositorio(
        "Ver [las vistas](vistas.md#ruta-avance), [privacidad.md](privacidad.md), [abajo](#rm401), "
        "[la arquitectura](arquitectura.md) y [Jinja](https://jinja.palletsprojects.com/).") == (
        "Ver las vistas (`ruta ayuda vistas`), `ruta ayuda privacidad`, abajo, la arquitectura y "
        "Jinja (https://jinja.palletsprojects.com/).")
    assert "`ruta ayuda integracion`" in texto_de_tema("historia")


def test_ayuda_sin_tema_lista_los_temas():
    r = runner.invoke(app, ["ayuda"])
    assert r.exit_code == 0
    lineas = r.stdout.splitlines()
    assert lineas[:2] == ["Temas de `ruta ayuda TEMA`:", ""]
    # Los títulos se alinean con el tema más largo («importar-exportar», 17 letras).
    assert lineas[2:2 + len(TEMAS)] == [f"  {t:<17}  {titulo}" for t, titulo in temas()]
    assert lineas[2] == "  nueva              Una Ruta nueva: ruta nueva"
    assert "  vistas             El seguimiento en la terminal" in lineas
    assert lineas[-1] == "Una regla: `ruta explicar RM104`. Un comando: `ruta COMANDO --help`."
    assert [t for t, _ in temas()] == list(TEMAS)


@pytest.mark.parametrize("escrito,mensaje", [
    ("vista", "ruta: no hay un tema «vista». ¿Quisiste decir vistas? `ruta ayuda` lista los temas.\n"),
    ("arquitectura", "ruta: no hay un tema «arquitectura». `ruta ayuda` lista los temas.\n"),
])
def test_un_tema_que_no_existe_es_error_de_uso(escrito, mensaje):
    r = runner.invoke(app, ["ayuda", escrito])
    assert (r.exit_code, r.stdout, r.stderr) == (2, "", mensaje)


def test_el_tema_sin_importar_mayusculas_ni_md():
    assert runner.invoke(app, ["ayuda", "Vistas.md"]).stdout == texto_de_tema("vistas")


def test_cada_tema_es_un_archivo_de_docs():
    """Los temas son archivos de docs/ (los que la rueda lleva como rutamejora/ayuda/)."""
    for tema in TEMAS:
        assert (RAIZ / "docs" / f"{tema}.md").is_file(), tema
