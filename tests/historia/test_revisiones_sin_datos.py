"""El nombre de una rama, de una etiqueta o un id que alguien escribió sale sin datos personales
también cuando todo sale bien (los errores ya lo hacían con ``privacidad.mensaje_sin_datos``):
en ``ruta cambios``, ``ruta validar --cambios-desde`` y ``ruta historia --id``. Un nombre común
de rama o de revisión (``main``, ``v1.2``, ``HEAD~1``) queda como está."""

from __future__ import annotations

import json

import pytest

RAMA = "caso-kevin-perez-soto"
EN_CLARO = ("kevin", "perez", "soto")


def _sin_el_nombre(texto: str) -> None:
    assert [p for p in EN_CLARO if p in texto.lower()] == []


def _con_rama(repo) -> str:
    """Un commit en la rama ``caso-kevin-perez-soto`` (y la etiqueta ``v1.2`` en el primero)."""
    base = repo.git("rev-parse", "HEAD").strip()
    repo.git("tag", "v1.2")
    repo.git("checkout", "-q", "-b", RAMA)
    repo.reemplazar("metas.yaml", "valor_meta: 85", "valor_meta: 80")
    repo.commit("Sesión 2", "2025-10-31")
    return base


@pytest.mark.parametrize("formato", ["texto", "json", "md"])
def test_cambios_entre_ramas_con_nombre(repo, correr, formato):
    base = _con_rama(repo)
    r = correr("cambios", repo.carpeta, "--desde", f"{RAMA}~1", "--hasta", RAMA, "-f", formato)
    assert r.exit_code == 0
    _sin_el_nombre(r.stdout)
    punta = repo.git("rev-parse", "HEAD").strip()
    if formato == "json":
        datos = json.loads(r.stdout)
        assert (datos["antes"], datos["despues"]) == (
            f"caso-[nombre: K. P. S.]~1 ({base[:7]})", f"caso-[nombre: K. P. S.] ({punta[:7]})")
    else:
        assert "caso-" in r.stdout and "K. P. S." in r.stdout


def test_cambios_sin_desde_dice_el_padre_sin_el_nombre(repo, correr):
    base = _con_rama(repo)
    r = correr("cambios", repo.carpeta, "--hasta", RAMA, "-f", "json")
    assert json.loads(r.stdout)["antes"] == f"caso-[nombre: K. P. S.]^ ({base[:7]})"


def test_cambios_con_nombres_comunes_de_revision_quedan(repo, correr):
    base = _con_rama(repo)
    r = correr("cambios", repo.carpeta, "--desde", "v1.2", "--hasta", "HEAD", "-f", "json")
    punta = repo.git("rev-parse", "HEAD").strip()
    datos = json.loads(r.stdout)
    assert (datos["antes"], datos["despues"]) == (f"v1.2 ({base[:7]})", f"HEAD ({punta[:7]})")
    r = correr("cambios", repo.carpeta, "--desde", "main", "-f", "json")
    assert json.loads(r.stdout)["antes"] == f"main ({base[:7]})"


def test_validar_cambios_desde_una_rama_con_nombre(repo, correr):
    _con_rama(repo)
    repo.reemplazar("metas.yaml", "valor_meta: 80", "valor_meta: 75")
    r = correr("validar", repo.carpeta, "--cambios-desde", f"{RAMA}~1", "-f", "md",
               "--fecha", "2026-03-27")
    _sin_el_nombre(r.stdout)
    base = repo.git("rev-parse", f"{RAMA}~1").strip()
    assert f"Rutas cambiadas desde `caso-[nombre: K. P. S.]~1` ({base[:7]}): 1 Ruta." in r.stdout
    repo.commit("Sesión 3", "2025-11-28")
    nada = correr("validar", repo.carpeta, "--cambios-desde", RAMA)
    assert nada.stdout == ("Ninguna Ruta cambió desde caso-[nombre: K. P. S.]: no hay nada que "
                           "validar.\n")


@pytest.mark.parametrize("formato", ["texto", "json", "md"])
def test_historia_de_un_id_que_es_un_nombre(repo, correr, formato):
    r = correr("historia", repo.carpeta, "--id", "Kevin-Perez", "-f", formato)
    # No existe en ninguna versión (un error de uso), y el mensaje no lo repite en claro.
    assert (r.exit_code, r.stdout) == (2, "")
    _sin_el_nombre(r.stderr)
    assert r.stderr == ("ruta: [nombre: K. P.] no existe en su commit ni en el árbol de trabajo "
                        "de la Ruta.\n")


def test_historia_de_un_id_comun_queda(repo, correr):
    r = correr("historia", repo.carpeta, "--id", "X9")
    assert r.stderr == "ruta: X9 no existe en su commit ni en el árbol de trabajo de la Ruta.\n"
