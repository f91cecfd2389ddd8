"""La arquitectura es una prueba: capas, lo público de cada paquete, tamaños y la rueda.

``docs/arquitectura.md`` dibuja las capas; aquí se comprueba que el código las respeta:

- los contratos de import-linter de ``pyproject.toml`` (capas, sin ciclos, comandos que solo
  usan lo público) se cumplen, y un contrato al revés se rompe (la herramienta ve las
  importaciones, también las que están dentro de funciones);
- cada nombre que un comando importa de la biblioteca está en el ``__all__`` de su paquete, y
  cada nombre de ``__all__`` existe (y ningún submódulo lo tapa);
- ningún módulo de la biblioteca pasa de 500 líneas (``catalogos/`` aparte) y ninguna función de
  una pantalla (60 líneas) salvo con un comentario que diga por qué;
- la rueda construida lleva cada subpaquete, plantilla y catálogo, y docs/ (``ruta ayuda``).
"""

from __future__ import annotations

import ast
import importlib
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

RAIZ = Path(__file__).resolve().parents[1]
PAQUETE = RAIZ / "rutamejora"
LIMITE_MODULO = 500
LIMITE_FUNCION = 60
MARCA_LARGA = "# Larga a propósito:"


def _paquetes() -> list[str]:
    """Los subpaquetes de primer nivel de ``rutamejora`` (carpetas con ``__init__.py``)."""
    return sorted(p.parent.name for p in PAQUETE.glob("*/__init__.py"))


def _modulos() -> list[Path]:
    return sorted(p for p in PAQUETE.rglob("*.py") if "__pycache__" not in p.parts)


def _lint_imports() -> str | None:
    ejecutable = shutil.which("lint-imports", path=str(Path(sys.executable).parent))
    return ejecutable or shutil.which("lint-imports")


def _correr_lint(*argumentos: str) -> subprocess.CompletedProcess:
    ejecutable = _lint_imports()
    if ejecutable is None:
        pytest.skip("import-linter no está instalado (viene con `pip install '.[pruebas]'`)")
    return subprocess.run([ejecutable, "--no-cache", *argumentos], cwd=RAIZ, capture_output=True,
                          text=True, timeout=300)


def test_los_contratos_de_importacion_se_cumplen():
    r = _correr_lint()
    assert r.returncode == 0, r.stdout + r.stderr
    assert "3 kept, 0 broken" in r.stdout


def test_un_contrato_al_reves_se_rompe(tmp_path):
    """La herramienta ve las importaciones: con las capas invertidas, el contrato se rompe."""
    config = tmp_path / "invertido.ini"
    config.write_text(
        "[importlinter]\nroot_package = rutamejora\n\n"
        "[importlinter:contract:invertido]\nname = invertido\ntype = layers\n"
        "layers =\n    rutamejora.nucleo\n    rutamejora.formato\n    rutamejora.commands\n",
        encoding="utf-8")
    r = _correr_lint(str(config))
    assert r.returncode == 1, r.stdout + r.stderr
    assert "invertido BROKEN" in r.stdout


def test_cada_paquete_dice_lo_que_posee_y_lo_que_puede_importar():
    for nombre in _paquetes():
        modulo = importlib.import_module(f"rutamejora.{nombre}")
        doc = (modulo.__doc__ or "").strip()
        assert len(doc) > 80, f"rutamejora.{nombre} no tiene un docstring que diga qué posee"
        if nombre != "catalogos":
            assert isinstance(getattr(modulo, "__all__", None), (list, tuple)) and modulo.__all__, \
                f"rutamejora.{nombre} no declara su API pública (__all__)"


def test_cada_nombre_publico_existe_y_ningun_submodulo_lo_tapa():
    for nombre in _paquetes():
        paquete = importlib.import_module(f"rutamejora.{nombre}")
        publicos = getattr(paquete, "__all__", ())
        submodulos = {p.stem for p in (PAQUETE / nombre).glob("*.py")} | \
                     {p.parent.name for p in (PAQUETE / nombre).glob("*/__init__.py")}
        tapados = sorted(set(publicos) & submodulos)
        assert not tapados, f"rutamejora.{nombre}: el submódulo tapa el nombre público {tapados}"
        for publico in publicos:
            assert getattr(paquete, publico, None) is not None, f"rutamejora.{nombre}.{publico} no existe"


def _importaciones_de_la_biblioteca(arbol: ast.AST):
    """(paquete, nombre) de cada ``from rutamejora.X import nombre`` y de cada ``alias.nombre``
    donde ``alias`` es un paquete importado con ``from rutamejora import X``."""
    alias_de_paquete = {}
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.ImportFrom) and nodo.module and nodo.module.startswith("rutamejora"):
            partes = nodo.module.split(".")
            if partes[1:2] == ["commands"]:
                continue
            for a in nodo.names:
                if len(partes) == 1:
                    if a.name != "__version__":
                        alias_de_paquete[a.asname or a.name] = a.name
                else:
                    yield nodo.module, a.name
    for nodo in ast.walk(arbol):
        if isinstance(nodo, ast.Attribute) and isinstance(nodo.value, ast.Name) \
                and nodo.value.id in alias_de_paquete:
            yield f"rutamejora.{alias_de_paquete[nodo.value.id]}", nodo.attr


def test_los_comandos_solo_usan_lo_publico_de_cada_paquete():
    malos = []
    for archivo in sorted((PAQUETE / "commands").glob("*.py")):
        arbol = ast.parse(archivo.read_text(encoding="utf-8"))
        for modulo, nombre in _importaciones_de_la_biblioteca(arbol):
            if modulo.count(".") != 1:
                malos.append(f"{archivo.name}: importa el módulo interno {modulo}")
                continue
            publicos = getattr(importlib.import_module(modulo), "__all__", None)
            if publicos is not None and nombre not in publicos:
                malos.append(f"{archivo.name}: {modulo}.{nombre} no está en __all__")
    assert not malos, "\n".join(malos)


def test_ningun_modulo_pasa_de_500_lineas():
    largos = [f"{p.relative_to(RAIZ)}: {n} líneas" for p in _modulos()
              if "catalogos" not in p.parts
              and (n := len(p.read_text(encoding="utf-8").splitlines())) > LIMITE_MODULO]
    assert not largos, "\n".join(largos)


def test_ninguna_funcion_pasa_de_una_pantalla_sin_decir_por_que():
    largas = []
    for p in _modulos():
        if "catalogos" in p.parts:
            continue
        texto = p.read_text(encoding="utf-8")
        lineas = texto.splitlines()
        for nodo in ast.walk(ast.parse(texto)):
            if not isinstance(nodo, (ast.FunctionDef, ast.AsyncFunctionDef)):
                continue
            if nodo.end_lineno - nodo.lineno + 1 <= LIMITE_FUNCION:
                continue
            inicio = min([nodo.lineno] + [d.lineno for d in nodo.decorator_list])
            encima = lineas[inicio - 2].strip() if inicio >= 2 else ""
            if not encima.startswith(MARCA_LARGA):
                largas.append(f"{p.relative_to(RAIZ)}:{nodo.lineno} {nodo.name} "
                              f"({nodo.end_lineno - nodo.lineno + 1} líneas)")
    assert not largas, "\n".join(largas)


@pytest.mark.lento
def test_la_rueda_lleva_cada_subpaquete_plantilla_y_catalogo(tmp_path):
    pytest.importorskip("hatchling", reason="hatchling no está instalado (viene con `pip install '.[pruebas]'`)")
    fuente = tmp_path / "fuente"
    # Una copia sin cachés ni entornos: pip wheel no debe dejar nada en la carpeta del proyecto.
    shutil.copytree(RAIZ, fuente, ignore=shutil.ignore_patterns(
        ".git", ".venv*", "venv", "__pycache__", "*.egg-info", ".pytest_cache", ".hypothesis", "build", "dist"))
    r = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                        "-q", "-w", str(tmp_path / "rueda"), str(fuente)],
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert not (fuente / "build").exists() and not list(fuente.glob("*.egg-info"))
    # `pip install .` tampoco: dos instalaciones a la vez chocaban en build/bdist… (issue 16).
    r = subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "--no-build-isolation", "-q",
                        "--target", str(tmp_path / "instalado"), "."], cwd=fuente,
                       capture_output=True, text=True, timeout=600)
    assert r.returncode == 0, r.stdout + r.stderr
    assert not (fuente / "build").exists() and not list(fuente.glob("*.egg-info"))
    assert (tmp_path / "instalado" / "rutamejora" / "plantillas" / "informe" / "base.html.j2").is_file()
    [rueda] = (tmp_path / "rueda").glob("rutamejora-*.whl")
    contenido = set(zipfile.ZipFile(rueda).namelist())

    esperados = {f"rutamejora/{p.relative_to(PAQUETE).as_posix()}" for p in PAQUETE.rglob("*")
                 if p.is_file() and "__pycache__" not in p.parts}
    esperados |= {f"rutamejora/plantillas/{p.relative_to(RAIZ / 'plantillas').as_posix()}"
                  for p in (RAIZ / "plantillas").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    faltan = sorted(esperados - contenido)
    assert not faltan, f"la rueda no lleva: {faltan}"
    for nombre in _paquetes():
        assert f"rutamejora/{nombre}/__init__.py" in contenido
    assert any(n.startswith("rutamejora/catalogos/marcos/") and n.endswith(".yaml") for n in contenido)
    # `ruta ayuda TEMA`: docs/ viaja dentro del paquete y el instalado la encuentra ahí.
    from rutamejora.salida import TEMAS, texto_de_tema

    esperados = {f"rutamejora/ayuda/{p.name}" for p in (RAIZ / "docs").glob("*.md")}
    assert {f"rutamejora/ayuda/{t}.md" for t in TEMAS} <= esperados
    assert sorted(esperados - contenido) == []
    r = subprocess.run([sys.executable, "-c", "from rutamejora.salida.ayuda import carpeta_ayuda, texto_de_tema; "
                        "print(carpeta_ayuda()); print(len(texto_de_tema('vistas')))"],
                       cwd=tmp_path, capture_output=True, text=True, timeout=60,
                       env={**os.environ, "PYTHONPATH": str(tmp_path / "instalado")})
    assert r.returncode == 0, r.stderr
    carpeta, largo = r.stdout.splitlines()
    assert Path(carpeta) == tmp_path / "instalado" / "rutamejora" / "ayuda"
    assert int(largo) == len(texto_de_tema("vistas"))
