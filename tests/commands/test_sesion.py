"""``ruta sesion``: el registro de una sesión en el editor (con un editor de guion), el borrador
en un archivo (``--borrador``) y su aplicación (``--guardar``)."""

from __future__ import annotations

import hashlib
import json
import shutil
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from rutamejora.commands import app

RAIZ = Path(__file__).resolve().parents[2]
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"
runner = CliRunner()

# El editor de guion: cada vez que se abre aplica el paso siguiente (reemplazos de texto) y
# guarda una copia de lo que recibió, para ver qué se le mostró.
EDITOR = '''
import json, sys
from pathlib import Path
guion = Path(sys.argv[1]); archivo = Path(sys.argv[2])
pasos = json.loads(guion.read_text(encoding="utf-8"))
vez = len(list(guion.parent.glob("visto-*.yaml")))
texto = archivo.read_text(encoding="utf-8")
(guion.parent / f"visto-{vez}.yaml").write_text(texto, encoding="utf-8")
paso = pasos[vez]
if paso == "falla":
    sys.exit(3)
if paso == "borra":
    archivo.unlink()
    sys.exit(0)
if paso == "latin1":
    archivo.write_bytes(texto.encode("latin-1", "replace"))
    sys.exit(0)
for viejo, nuevo in paso:
    assert viejo in texto, viejo
    texto = texto.replace(viejo, nuevo, 1)
archivo.write_text(texto, encoding="utf-8")
'''


@pytest.fixture(autouse=True)
def con_terminal(monkeypatch):
    """CliRunner no tiene terminal; aquí el editor es un guion que no la necesita (la terminal de
    verdad está en test_terminal_real.py). ``sin_terminal`` devuelve la comprobación real."""
    from rutamejora.commands import _editor

    real = _editor.hay_terminal
    monkeypatch.setattr(_editor, "hay_terminal", lambda: True)
    return lambda: monkeypatch.setattr(_editor, "hay_terminal", real)


def huella(archivo: Path) -> str:
    return hashlib.sha256(archivo.read_bytes()).hexdigest()


@pytest.fixture
def ruta(tmp_path) -> Path:
    """El ejemplo con la bitácora hasta la sesión 4: la que toca es la 5 (27 feb 2026)."""
    destino = tmp_path / "primaria"
    shutil.copytree(EJEMPLO, destino)
    lineas = (EJEMPLO / "bitacora.yaml").read_text(encoding="utf-8").splitlines(True)
    (destino / "bitacora.yaml").write_text("".join(lineas[:279]), encoding="utf-8")
    return destino


def con_editor(tmp_path: Path, pasos: list) -> dict:
    carpeta = tmp_path / "editor"
    carpeta.mkdir()
    (carpeta / "editor.py").write_text(EDITOR, encoding="utf-8")
    (carpeta / "guion.json").write_text(json.dumps(pasos), encoding="utf-8")
    return {"VISUAL": f"{sys.executable} {carpeta / 'editor.py'} {carpeta / 'guion.json'}", "EDITOR": ""}


def visto(tmp_path: Path, vez: int) -> str:
    return (tmp_path / "editor" / f"visto-{vez}.yaml").read_text(encoding="utf-8")


def correr(*args, env=None, **kw):
    return runner.invoke(app, ["sesion", *args], env=env, **kw)


def test_el_borrador_trae_la_sesion_que_toca(ruta, tmp_path):
    r = correr(str(ruta), "--fecha", "2026-02-20", env=con_editor(tmp_path, [[]]))
    assert r.exit_code == 0, r.output
    assert r.stdout == "No cambiaste nada: no se escribió nada en bitacora.yaml.\n"
    texto = visto(tmp_path, 0)
    assert texto.startswith('# Sesión 5 del CTE: 27 de febrero de 2026. Escuela Primaria "Carmen Serdán '
                            'Alatriste", ciclo 2025-2026.\n')
    assert "# Pendientes (ruta pendientes):\n" in texto
    assert "\nfecha: 2026-02-27\nsesion: 5\n" in texto
    assert "  - accion: A1\n    estado: en_curso\n    avance: 50\n" in texto
    assert "mediciones:\n" in texto and "acuerdos:\n" in texto and "ajustes:\n" in texto
    assert (ruta / "bitacora.yaml").read_text(encoding="utf-8") == \
        "".join((EJEMPLO / "bitacora.yaml").read_text(encoding="utf-8").splitlines(True)[:279])


def test_solo_se_registra_lo_que_cambio(ruta, tmp_path):
    pasos = [[["  - accion: A1\n    estado: en_curso\n    avance: 50",
               "  - accion: A1\n    estado: en_curso\n    avance: 70"],
              ["  # - Un acuerdo por línea", "  - Traer las rúbricas a la sesión 6"]]]
    r = correr(str(ruta), env=con_editor(tmp_path, pasos))
    assert r.exit_code == 0, r.output
    assert r.stdout == ("Nueva entrada del 27 feb 2026 (sesión 5) en bitacora.yaml, línea 280: acción A1 "
                        "(en curso, 70 %), 1 acuerdo.\n")
    assert (ruta / "bitacora.yaml").read_text(encoding="utf-8").endswith(
        "  - fecha: 2026-02-27\n    sesion: 5\n    tipo: sesion_ordinaria\n    acciones:\n"
        "      - accion: A1\n        estado: en_curso\n        avance: 70\n    acuerdos:\n"
        "      - Traer las rúbricas a la sesión 6\n\n")
    assert not list(Path(visto.__globals__["__file__"]).parent.glob("ruta-sesion-*"))


def test_con_errores_reabre_el_editor_con_lo_escrito(ruta, tmp_path):
    pasos = [[["  - accion: A1\n    estado: en_curso\n    avance: 50",
               "  - accion: A1\n    estado: en_cruso\n    avance: 140"]],
             [["estado: en_cruso\n    avance: 140", "estado: en_curso\n    avance: 60"]]]
    r = correr(str(ruta), env=con_editor(tmp_path, pasos), input="s\n")
    assert r.exit_code == 0, r.output
    n = visto(tmp_path, 0).split("\n").index("  - accion: A1") + 1
    assert (f"ruta: el registro tiene 2 errores:\n"
            f"  - línea {n}, acción A1: estado: «en_cruso» no es un estado. ¿Quisiste decir en_curso?\n"
            f"  - línea {n}, acción A1: avance: 140 está fuera de rango; va entre 0 y 100.\n"
            "¿Lo corriges en el editor? [S/n]: s\n") in r.stderr
    segunda = visto(tmp_path, 1)
    assert segunda.startswith("# ERRORES: corrígelos y guarda (estas líneas se ignoran).\n"
                              f"#   - línea {n}, acción A1: estado: «en_cruso» no es un estado.")
    assert "estado: en_cruso\n    avance: 140" in segunda      # lo escrito no se pierde
    assert r.stdout == ("Nueva entrada del 27 feb 2026 (sesión 5) en bitacora.yaml, línea 280: acción A1 "
                        "(en curso, 60 %).\n")


def test_con_errores_y_sin_corregir_queda_el_borrador(ruta, tmp_path):
    antes = huella(ruta / "bitacora.yaml")
    pasos = [[["  - accion: A1\n    estado: en_curso", "  - accion: A99\n    estado: en_curso"]]]
    r = correr(str(ruta), env=con_editor(tmp_path, pasos), input="n\n")
    assert r.exit_code == 2
    n = visto(tmp_path, 0).split("\n").index("  - accion: A1") + 1
    assert (f"ruta: el registro tiene 1 error:\n  - línea {n}, acción A99: accion: no hay ninguna acción "
            "con id «A99». ¿Quisiste decir A9?\n") in r.stderr
    ultima = r.stderr.strip().splitlines()[-1]
    assert ultima.startswith("ruta: no se escribió nada en bitacora.yaml. Tu registro quedó en ")
    archivo = Path(ultima.split("quedó en ")[1].split(";")[0])
    assert archivo.parent != ruta and "accion: A99" in archivo.read_text(encoding="utf-8")
    assert huella(ruta / "bitacora.yaml") == antes
    archivo.write_text(archivo.read_text(encoding="utf-8").replace("A99", "A9"), encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Nueva entrada del 27 feb 2026 (sesión 5) en bitacora.yaml")


def test_un_editor_que_falla_no_pierde_nada(ruta, tmp_path):
    antes = huella(ruta / "bitacora.yaml")
    r = correr(str(ruta), env=con_editor(tmp_path, ["falla"]))
    assert r.exit_code == 2
    assert r.stderr.startswith("ruta: el editor «")
    assert "terminó con error (3). Tu registro quedó en " in r.stderr
    assert huella(ruta / "bitacora.yaml") == antes


def test_un_editor_que_borra_el_borrador(ruta, tmp_path):
    antes = huella(ruta / "bitacora.yaml")
    r = correr(str(ruta), env=con_editor(tmp_path, ["borra"]))
    assert r.exit_code == 2
    assert r.stderr.startswith("ruta: el editor borró o movió el borrador (")
    assert r.stderr.endswith("): no quedó nada que registrar y no se escribió nada en bitacora.yaml.\n")
    assert huella(ruta / "bitacora.yaml") == antes


def test_un_editor_que_guarda_en_latin1_no_pierde_nada(ruta, tmp_path):
    antes = huella(ruta / "bitacora.yaml")
    r = correr(str(ruta), env=con_editor(tmp_path, ["latin1"]))
    assert r.exit_code == 2
    assert r.stderr.startswith("ruta: el editor guardó el borrador en otra codificación, no en UTF-8: "
                               "ábrelo, guárdalo como UTF-8 y aplícalo. Tu registro quedó en ")
    borrador = Path(r.stderr.split("Tu registro quedó en ")[1].split(";")[0])
    assert borrador.read_bytes() == visto(tmp_path, 0).encode("latin-1", "replace")
    assert huella(ruta / "bitacora.yaml") == antes
    r = correr(str(ruta), "--guardar", str(borrador))
    assert r.exit_code == 2
    assert r.stderr == (f"ruta: --guardar: {borrador} no está en UTF-8; ábrelo en tu editor, guárdalo "
                        "como UTF-8 y vuelve a aplicarlo.\n")


def test_borrador_y_guardar(ruta, tmp_path):
    archivo = tmp_path / "sesion-5.yaml"
    r = correr(str(ruta), "--sesion", "5", "--borrador", str(archivo))
    assert r.exit_code == 0, r.output
    assert r.stdout == (f"Borrador de la sesión 5 en {archivo}. Edítalo y aplícalo con "
                        f"`ruta sesion --guardar {archivo}`.\n")
    texto = archivo.read_text(encoding="utf-8")
    archivo.write_text(texto.replace("mediciones:\n", "mediciones:\n  - {meta: M1, valor: 51}\n"), encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 0, r.output
    assert r.stdout == ("Nueva entrada del 27 feb 2026 (sesión 5) en bitacora.yaml, línea 280: medición de "
                        "M1 (51).\n")


def test_guardar_se_une_a_la_entrada_de_la_sesion(ruta, tmp_path):
    archivo = tmp_path / "s4.yaml"
    archivo.write_text("fecha: 2026-01-30\nsesion: 4\nacuerdos:\n  - Otro acuerdo\n", encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Agregado a la entrada del 30 ene 2026 (sesión 4) en bitacora.yaml")


def test_guardar_revisa_el_tipo_como_agregar(ruta, tmp_path):
    """«tipo:» del borrador se escribía sin revisar: un texto libre (con un nombre y un teléfono)
    llegaba a bitacora.yaml. Ahora es un tipo del catálogo, como `bitacora agregar --tipo`."""
    archivo = tmp_path / "s5.yaml"
    archivo.write_text("fecha: 2026-02-27\nsesion: 5\ntipo: visita de la mamá de Brayan López "
                       "5512345678\nnota: ok\n", encoding="utf-8")
    antes = huella(ruta / "bitacora.yaml")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 2
    assert ("  - línea 3: tipo: «visita de la mamá de [nombre: B. L.] [teléfono]» no es un tipo de "
            "entrada (sesion_ordinaria, fase_intensiva, registro, revision_anual o evaluacion_final).") \
        in r.stderr
    assert huella(ruta / "bitacora.yaml") == antes


@pytest.mark.parametrize("args,mensaje", [
    (["--sesion", "9"], "--sesion: no existe la sesión 9; el calendario del ciclo tiene 8 sesiones "
                        "ordinarias (1 a 8)."),
    (["--sesion", "cinco"], "--sesion: «cinco» no es un número de sesión (1, 2, …)."),
    (["--borrador", "{ruta}/sesion.yaml"], "--borrador: {ruta}/sesion.yaml está dentro de la Ruta y `ruta "
                                          "validar` lo leería; escríbelo fuera (p. ej. --borrador "
                                          "../sesion-5.yaml)."),
    (["--borrador", "{ruta}/ruta.yaml"], "--borrador: {ruta}/ruta.yaml está dentro de la Ruta y `ruta "
                                        "validar` lo leería; escríbelo fuera (p. ej. --borrador "
                                        "../sesion-5.yaml)."),
    (["--borrador", "a", "--guardar", "b"], "--borrador y --guardar no van juntas: escribe el borrador, "
                                            "edítalo y luego aplícalo con --guardar."),
    (["--sesion", "6", "--guardar", "b"], "--guardar aplica el borrador con la fecha y la sesión que él dice: "
                                          "quita --sesion (o cámbialo en b)."),
    (["--fecha", "2026-03-27", "--guardar", "b"], "--guardar aplica el borrador con la fecha y la sesión que "
                                                  "él dice: quita --fecha (o cámbialo en b)."),
])
def test_errores_de_uso(ruta, args, mensaje):
    antes = huella(ruta / "bitacora.yaml")
    r = correr(str(ruta), *[a.format(ruta=ruta) for a in args])
    assert r.exit_code == 2
    assert r.stderr == f"ruta: {mensaje.format(ruta=ruta)}\n"
    assert huella(ruta / "bitacora.yaml") == antes
    assert huella(ruta / "ruta.yaml") == huella(EJEMPLO / "ruta.yaml")


def test_borrador_no_sobrescribe(ruta, tmp_path):
    archivo = tmp_path / "ya.yaml"
    archivo.write_text("algo\n", encoding="utf-8")
    r = correr(str(ruta), "--borrador", str(archivo))
    assert r.exit_code == 2
    assert r.stderr == f"ruta: --borrador: {archivo} ya existe; elige otro nombre o agrega --forzar.\n"
    assert archivo.read_text(encoding="utf-8") == "algo\n"


@pytest.mark.parametrize("texto,motivo", [
    ("fecha: 2026-02-27\nsesion: 5\nacciones: [\n", "línea 4: el YAML no se puede leer: falta un valor donde "
                                                   "se esperaba uno. Revisa la puntuación (`-`, `:`, `,`) de esta línea."),
    ("fecha: 2026-02-27\nsesion: 5\nacuerdos: [a]\nacuerdos: [b]\n",
     "línea 4: el YAML no se puede leer: una clave está repetida en el mismo mapa. Deja una sola (si son dos "
     "cosas, van en una lista)."),
    ("fecha: 2026-02-27\nsesion: 5\nacuerdo: x\n",
     "línea 3: `acuerdo` no se registra desde el borrador; las claves son fecha, sesion, tipo, acciones, "
     "mediciones, acuerdos, ajustes, ingresos, rasgos y nota. ¿Quisiste decir acuerdos?"),
    ("fecha: 2026-02-27\nsesion: 5\nmediciones:\n  - meta: M1\n    valor: mucho\n",
     "línea 4, meta M1: valor: «mucho» no es un número (p. ej. 57 o 7.4)."),
    ("fecha: 2026-02-27\nsesion: 5\najustes:\n  - acciones: [A1]\n",
     "línea 4: falta `descripcion` (qué se ajustó y por qué)."),
    # Una fecha que no existe (antes, «problema interno (ValueError)»).
    ("fecha: 2026-02-30\nsesion: 5\n",
     "línea 1: la fecha «2026-02-30» no existe. Escríbela como AAAA-MM-DD con un día que tenga ese mes."),
    ("fecha: 2026-02-27\nsesion: 5\nnota: el oficio del 2025-13-45 sigue pendiente\najustes:\n"
     "  - descripcion: x\n    acciones: [A1]\n    nuevo_inicio: 2026-06-31\n",
     "línea 7: la fecha «2026-06-31» no existe. Escríbela como AAAA-MM-DD con un día que tenga ese mes."),
])
def test_guardar_un_borrador_con_errores(ruta, tmp_path, texto, motivo):
    antes = huella(ruta / "bitacora.yaml")
    archivo = tmp_path / "b.yaml"
    archivo.write_text(texto, encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 2
    assert motivo in r.stderr
    assert r.stderr.endswith(f"ruta: no se escribió nada en bitacora.yaml; corrige {archivo} y vuelve a "
                             "aplicarlo.\n")
    assert huella(ruta / "bitacora.yaml") == antes


@pytest.mark.parametrize("ejemplo,mensaje", [
    ("primaria-2025-2026", "las 8 sesiones del ciclo 2025-2026 ya tienen entrada; para agregar a una, usa "
                           "--sesion N."),
    # Un PEMC de dos ciclos: solo cuentan las sesiones del ciclo en curso (2025-2026).
    ("pemc-secundaria-2024-2026", "la última sesión del ciclo 2025-2026 (la 8) ya tiene entrada; para "
                                  "registrar otra, usa --sesion N (sin entrada: 1, 3, 4, 6, 7)."),
])
def test_sin_sesion_que_toque(tmp_path, ejemplo, mensaje):
    r = correr(str(RAIZ / "ejemplos" / ejemplo), "--borrador", str(tmp_path / "b.yaml"))
    assert r.exit_code == 2
    assert r.stderr == f"ruta: {mensaje}\n"
    assert not (tmp_path / "b.yaml").exists()


def test_pemc_sesion_del_ciclo_en_curso(tmp_path):
    archivo = tmp_path / "b.yaml"
    r = correr(str(RAIZ / "ejemplos" / "pemc-secundaria-2024-2026"), "--sesion", "3", "--borrador", str(archivo))
    assert r.exit_code == 0, r.output
    texto = archivo.read_text(encoding="utf-8")
    assert "\nfecha: 2025-11-28\nsesion: 3\n" in texto


def test_guardar_lo_ya_registrado_en_la_sesion_no_escribe(ruta, tmp_path):
    antes = huella(ruta / "bitacora.yaml")
    archivo = tmp_path / "s4.yaml"
    archivo.write_text("fecha: 2026-01-30\nsesion: 4\nacciones:\n  - {accion: A1, estado: realizada, avance: 100}\n",
                       encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 2
    assert r.stderr == ("ruta: el registro tiene 1 error:\n"
                        "  - la entrada del 30 ene 2026 (sesión 4) ya registra la acción A1; corrige ese "
                        "registro en bitacora.yaml.\n"
                        f"ruta: no se escribió nada en bitacora.yaml; corrige {archivo} y vuelve a aplicarlo.\n")
    assert huella(ruta / "bitacora.yaml") == antes


def test_el_borrador_de_una_sesion_con_entrada_no_repite_lo_registrado(ruta, tmp_path):
    archivo = tmp_path / "s4.yaml"
    r = correr(str(ruta), "--sesion", "4", "--borrador", str(archivo))
    assert r.exit_code == 0, r.output
    texto = archivo.read_text(encoding="utf-8")
    assert "\nfecha: 2026-01-30\nsesion: 4\n" in texto
    assert "  - accion: A1\n" not in texto     # la entrada de la sesión 4 ya registra A1
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 0, r.output
    assert r.stdout == "No cambiaste nada: no se escribió nada en bitacora.yaml.\n"


def test_el_editor_de_quien_usa_ruta(monkeypatch):
    from rutamejora.commands import _editor

    monkeypatch.setenv("VISUAL", "code --wait")
    monkeypatch.setenv("EDITOR", "vim")
    assert _editor.editor_del_usuario() == ["code", "--wait"]
    monkeypatch.setenv("VISUAL", "")
    assert _editor.editor_del_usuario() == ["vim"]
    monkeypatch.delenv("VISUAL")
    monkeypatch.delenv("EDITOR")
    monkeypatch.setattr(_editor.shutil, "which", lambda nombre: "/usr/bin/vi" if nombre == "vi" else None)
    assert _editor.editor_del_usuario() == ["vi"]
    monkeypatch.setattr(_editor.shutil, "which", lambda nombre: None)
    with pytest.raises(_editor.SinEditor, match="no encontré un editor: define la variable VISUAL o EDITOR"):
        _editor.editor_del_usuario()
    monkeypatch.setattr(_editor.os, "name", "nt")
    assert _editor.editor_del_usuario() == ["notepad"]


def test_aplicar_dos_veces_el_mismo_borrador_no_duplica(ruta, tmp_path):
    archivo = tmp_path / "s4.yaml"
    r = correr(str(ruta), "--sesion", "4", "--borrador", str(archivo))
    assert r.exit_code == 0, r.output
    archivo.write_text(archivo.read_text(encoding="utf-8").replace(
        "  # - Un acuerdo por línea", "  - Revisar las rúbricas en la sesión 5"), encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 0, r.output
    assert r.stdout.startswith("Agregado a la entrada del 30 ene 2026 (sesión 4) en bitacora.yaml, línea ")
    assert r.stdout.endswith(": 1 acuerdo.\n")
    despues = huella(ruta / "bitacora.yaml")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == ("ruta: ese borrador ya se aplicó: la entrada del 30 ene 2026 (sesión 4) ya tiene "
                        "1 acuerdo; no se escribió nada en bitacora.yaml.\n")
    assert huella(ruta / "bitacora.yaml") == despues
    assert (ruta / "bitacora.yaml").read_text(encoding="utf-8").count("Revisar las rúbricas en la sesión 5") == 1
    # Con algo nuevo, solo se agrega lo nuevo y se dice qué no se repitió.
    archivo.write_text(archivo.read_text(encoding="utf-8").replace(
        "  - Revisar las rúbricas en la sesión 5", "  - Revisar las rúbricas en la sesión 5\n  - Otro acuerdo"),
        encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 0, r.output
    assert r.stdout.endswith(": 1 acuerdo.\n")
    assert r.stderr == ("Nota: la entrada del 30 ene 2026 (sesión 4) ya tenía 1 acuerdo; eso no se "
                        "repitió.\n")
    texto = (ruta / "bitacora.yaml").read_text(encoding="utf-8")
    assert texto.count("Revisar las rúbricas en la sesión 5") == 1 and texto.count("- Otro acuerdo\n") == 1


SIN_TERMINAL = ("ruta: no hay una terminal para abrir el editor: usa --borrador ARCHIVO para escribir el "
                "registro y --guardar ARCHIVO para aplicarlo.\n")


def test_sin_terminal_no_abre_el_editor(ruta, tmp_path, con_terminal):
    con_terminal()  # la comprobación real: la entrada de CliRunner no es una terminal
    antes = huella(ruta / "bitacora.yaml")
    r = correr(str(ruta), "--sesion", "4", env=con_editor(tmp_path, [[]]))
    assert r.exit_code == 2
    assert r.stderr == SIN_TERMINAL
    assert not (tmp_path / "editor" / "visto-0.yaml").exists()   # el editor no se abrió
    assert huella(ruta / "bitacora.yaml") == antes
    # --borrador y --guardar no necesitan terminal.
    r = correr(str(ruta), "--sesion", "4", "--borrador", str(tmp_path / "b.yaml"))
    assert r.exit_code == 0, r.output


def test_sin_terminal_de_verdad(ruta, tmp_path):
    """Como en un script: la entrada de /dev/null y sin VISUAL ni EDITOR (antes abría vi)."""
    import os
    import subprocess

    entorno = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
    entorno["PYTHONPATH"] = str(RAIZ)
    with open(os.devnull, "rb") as nada:
        r = subprocess.run([sys.executable, "-m", "rutamejora", "sesion", str(ruta), "--sesion", "4"],
                           stdin=nada, capture_output=True, env=entorno, timeout=60)
    assert r.returncode == 2
    assert r.stdout == b""
    assert r.stderr.decode("utf-8") == SIN_TERMINAL


def test_todos_los_errores_del_borrador_de_una_vez_con_su_linea(ruta, tmp_path):
    """Los de la lectura y los de la revisión contra la Ruta juntos, cada uno con su línea y
    los datos personales enmascarados (antes salían de uno en uno, los segundos sin línea)."""
    antes = huella(ruta / "bitacora.yaml")
    archivo = tmp_path / "s5.yaml"
    archivo.write_text("fecha: 2026-02-27\nsesion: 5\nacciones:\n  - accion: A1\n    estado: en_curso\n"
                       "    avance: 150\nmediciones:\n  - meta: M99\n    valor: 3\nacuerdos:\n"
                       "  - Un acuerdo sin problemas\n"
                       "  - Hablar con la mamá de Juan Pérez López al 55 1234 5678\n"
                       "nota: Llamar al 55 8765 4321\n", encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == (
        "ruta: el registro tiene 4 errores:\n"
        "  - línea 4, acción A1: avance: 150 está fuera de rango; va entre 0 y 100.\n"
        "  - línea 8, meta M99: meta: no hay ninguna meta con id «M99». ¿Quisiste decir M9?\n"
        "  - línea 12: acuerdo: el texto tiene un nombre de persona y un teléfono («Hablar con la mamá de "
        "[nombre: J. P. L.] al [teléfono]»); la Ruta guarda cantidades y códigos, nunca datos de personas.\n"
        "  - línea 13: nota: el texto tiene un teléfono («Llamar al [teléfono]»); la Ruta guarda cantidades "
        "y códigos, nunca datos de personas.\n"
        f"ruta: no se escribió nada en bitacora.yaml; corrige {archivo} y vuelve a aplicarlo.\n")
    # Sin la carpeta temporal de pytest, que puede llevar esas cifras («pytest-1234»).
    sin_carpeta = r.stderr.replace(str(archivo), "")
    assert "Juan" not in sin_carpeta and "1234" not in sin_carpeta
    assert huella(ruta / "bitacora.yaml") == antes


def test_la_misma_accion_dos_veces_en_el_borrador(ruta, tmp_path):
    archivo = tmp_path / "s5.yaml"
    archivo.write_text("fecha: 2026-02-27\nsesion: 5\nacciones:\n  - {accion: A1, estado: en_curso, avance: 60}\n"
                       "  - {accion: A1, estado: en_curso, avance: 70}\n", encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 2
    assert r.stderr.startswith("ruta: el registro tiene 1 error:\n"
                               "  - línea 5, acción A1: la acción A1 está dos veces en el registro.\n")


def test_los_ingresos_del_borrador_se_escriben_como_con_bitacora_agregar(ruta, tmp_path):
    """Antes `ingresos:` se aceptaba y no se leía: lo escrito se perdía sin aviso."""
    otra = tmp_path / "otra"
    shutil.copytree(ruta, otra)
    archivo = tmp_path / "s5.yaml"
    r = correr(str(ruta), "--sesion", "5", "--borrador", str(archivo))
    assert r.exit_code == 0, r.output
    archivo.write_text(archivo.read_text(encoding="utf-8") + "\ningresos:\n"
                       "  - {fuente: F2, monto: 1500.5, concepto: Aportación de julio}\n"
                       "  - fuente: F1\n    monto: \"$55,000\"\n", encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 0, r.output
    assert r.stdout == "Nueva entrada del 27 feb 2026 (sesión 5) en bitacora.yaml, línea 280: 2 ingresos.\n"
    r = runner.invoke(app, ["bitacora", "agregar", str(otra), "--fecha", "2026-02-27", "--sesion", "5",
                            "--ingreso", "F2=1500.5:Aportación de julio", "--ingreso", "F1=$55,000"])
    assert r.exit_code == 0, r.output
    assert (ruta / "bitacora.yaml").read_bytes() == (otra / "bitacora.yaml").read_bytes()
    assert (ruta / "bitacora.yaml").read_text(encoding="utf-8").endswith(
        "    ingresos:\n      - {fuente: F2, monto: 1500.50, concepto: Aportación de julio}\n"
        "      - {fuente: F1, monto: 55000.00}\n\n")
    # Aplicarlo otra vez no duplica el dinero recibido.
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 2
    assert r.stderr == ("ruta: ese borrador ya se aplicó: la entrada del 27 feb 2026 (sesión 5) ya tiene "
                        "2 ingresos; no se escribió nada en bitacora.yaml.\n")
    assert (ruta / "bitacora.yaml").read_bytes() == (otra / "bitacora.yaml").read_bytes()


def test_los_ingresos_del_borrador_se_revisan_con_su_linea(ruta, tmp_path):
    antes = huella(ruta / "bitacora.yaml")
    archivo = tmp_path / "s5.yaml"
    archivo.write_text("fecha: 2026-02-27\nsesion: 5\ningresos:\n  - {fuente: F9, monto: 100}\n"
                       "  - {fuente: F1, monto: mucho}\n  - {fuente: F1, monto: 12.345}\n  - {monto: 3}\n"
                       "  - {fuente: F2}\n  - {fuente: F1, monto: 5, fecha: 2026-02-27}\n"
                       "  - {fuente: F3, monto: 10, concepto: Llamar al 55 1234 5678}\n", encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == (
        "ruta: el registro tiene 7 errores:\n"
        "  - línea 4, fuente F9: fuente: no hay ninguna fuente con id «F9». Las que hay: F1, F2, F3.\n"
        "  - línea 5, fuente F1: monto: «mucho» no es una cantidad en pesos (p. ej. 1850.00).\n"
        "  - línea 6, fuente F1: monto: 12.345 tiene más de dos decimales; los pesos llevan centavos a lo más.\n"
        "  - línea 7: falta `fuente: ID` (la fuente del presupuesto que dio el dinero).\n"
        "  - línea 8, fuente F2: falta `monto` (lo recibido, en pesos; p. ej. 15000.00).\n"
        "  - línea 9: «fecha» no va en `ingresos` (van fuente, monto, concepto).\n"
        "  - línea 10, fuente F3: ingreso: el texto tiene un teléfono («Llamar al [teléfono]»); la Ruta "
        "guarda cantidades y códigos, nunca datos de personas.\n"
        f"ruta: no se escribió nada en bitacora.yaml; corrige {archivo} y vuelve a aplicarlo.\n")
    assert huella(ruta / "bitacora.yaml") == antes


def _rechazado(ruta, archivo, texto: str) -> str:
    """Aplica el borrador ``texto`` (escrito en ``archivo``): debe rechazarse (salida 2) sin tocar
    la bitácora. Devuelve lo que se dijo en stderr."""
    antes = huella(ruta / "bitacora.yaml")
    archivo.write_text(texto, encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert (r.exit_code, r.stdout) == (2, "")
    assert huella(ruta / "bitacora.yaml") == antes
    return r.stderr


def test_los_rasgos_del_borrador_se_escriben_como_con_bitacora_agregar(ruta, tmp_path):
    """El borrador de una Ruta rme-2014 trae `rasgos:` con los anexos y las valoraciones del marco;
    lo escrito ahí se registra igual que con `bitacora agregar --rasgo`."""
    otra = tmp_path / "otra"
    shutil.copytree(ruta, otra)
    archivo = tmp_path / "s5.yaml"
    assert correr(str(ruta), "--sesion", "5", "--borrador", str(archivo)).exit_code == 0
    texto = archivo.read_text(encoding="utf-8")
    assert texto.endswith(
        "rasgos:\n  # Anexos: normalidad-minima, ausentismo, convivencia. "
        "Valoraciones: logrado, en_proceso, no_logrado.\n"
        "  # - {anexo: normalidad-minima, rasgo: 1, valoracion: logrado}\n")
    archivo.write_text(texto + "  - {anexo: normalidad-minima, rasgo: 2, valoracion: en_proceso, "
                               "comentario: Faltó un docente dos semanas}\n", encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 0, r.output
    assert r.stdout == "Nueva entrada del 27 feb 2026 (sesión 5) en bitacora.yaml, línea 280: 1 rasgo valorado.\n"
    r = runner.invoke(app, ["bitacora", "agregar", str(otra), "--fecha", "2026-02-27", "--sesion", "5",
                            "--rasgo", "normalidad-minima/2=en_proceso:Faltó un docente dos semanas"])
    assert r.exit_code == 0, r.output
    assert (ruta / "bitacora.yaml").read_bytes() == (otra / "bitacora.yaml").read_bytes()


def test_los_rasgos_del_borrador_se_revisan_con_su_linea(ruta, tmp_path):
    archivo = tmp_path / "s5.yaml"
    assert _rechazado(ruta, archivo, "fecha: 2026-02-27\nsesion: 5\nrasgos:\n"
                                     "  - {anexo: normalidad-minma, rasgo: 1, valoracion: logrado}\n"
                                     "  - {anexo: normalidad-minima, rasgo: 99, valoracion: logrado}\n"
                                     "  - {anexo: normalidad-minima, rasgo: 1, valoracion: lograda}\n"
                                     "  - {anexo: normalidad-minima, rasgo: 1}\n") == (
        "ruta: el registro tiene 4 errores:\n"
        "  - línea 4, rasgo normalidad-minma/1: «normalidad-minma» no es un anexo; los anexos son: "
        "normalidad-minima, ausentismo, convivencia.\n"
        "  - línea 5, rasgo normalidad-minima/99: el anexo normalidad-minima no tiene el rasgo «99»; "
        "tiene 1, 2, 3, 4, 5, 6, 7, 8.\n"
        "  - línea 6, rasgo normalidad-minima/1: «lograda» no es una valoración. ¿Quisiste decir logrado?\n"
        "  - línea 7: falta `valoracion` (p. ej. {anexo: normalidad-minima, rasgo: 1, valoracion: logrado}).\n"
        f"ruta: no se escribió nada en bitacora.yaml; corrige {archivo} y vuelve a aplicarlo.\n")


def test_el_tipo_de_una_entrada_que_ya_existe_no_cambia_desde_el_borrador(ruta, tmp_path):
    archivo = tmp_path / "s4.yaml"
    assert _rechazado(ruta, archivo, "fecha: 2026-01-30\nsesion: 4\ntipo: evaluacion_final\n"
                                     "acuerdos: [Uno más]\n") == (
        "ruta: el registro tiene 1 error:\n"
        "  - línea 3: tipo: la entrada del 30 ene 2026 ya existe y es sesion_ordinaria; lo nuevo se une a ella y "
        "su tipo no cambia: cámbialo en bitacora.yaml o quita el tipo.\n"
        f"ruta: no se escribió nada en bitacora.yaml; corrige {archivo} y vuelve a aplicarlo.\n")


def test_sin_anexos_el_borrador_no_trae_rasgos(tmp_path):
    destino = tmp_path / "pmc"
    shutil.copytree(RAIZ / "ejemplos" / "pmc-primaria-2025-2026", destino)
    archivo = tmp_path / "s5.yaml"
    r = correr(str(destino), "--sesion", "5", "--borrador", str(archivo))
    assert r.exit_code == 0, r.output
    assert "rasgos" not in archivo.read_text(encoding="utf-8")


def test_un_texto_que_yaml_lee_como_mapa_o_lista_es_un_error_con_su_linea(ruta, tmp_path):
    """«- Reunión con familias: viernes» es un mapa para YAML: antes se escribía su forma de Python
    («{'Reunión con familias': 'viernes'}») en la bitácora; ahora es un error con su línea."""
    archivo = tmp_path / "s5.yaml"
    assert _rechazado(ruta, archivo, "fecha: 2026-02-27\nsesion: 5\nacuerdos:\n  - Reunión con familias: "
                                     "viernes 13\n  - [a, b]\n  - Revisar el acuerdo #2\nacciones:\n"
                                     "  - accion: A1\n    estado: en_curso\n    avance: 70\n"
                                     "    evidencias: [Lista: 3, Fotos]\n    nota: {a: b}\nnota: [x]\n") == (
        "ruta: el registro tiene 5 errores:\n"
        "  - línea 4: cada acuerdo va como texto y se leyó como un mapa (por un «: »); escríbelo entre comillas.\n"
        "  - línea 5: cada acuerdo va como texto y se leyó como una lista (por un «[» o un «- »); escríbelo "
        "entre comillas.\n"
        "  - línea 11: `evidencias` va como texto y se leyó como un mapa (por un «: »); escríbelo entre comillas.\n"
        "  - línea 12: `nota` va como texto y se leyó como un mapa (por un «: »); escríbelo entre comillas.\n"
        "  - línea 13: `nota` va como texto y se leyó como una lista (por un «[» o un «- »); escríbelo entre "
        "comillas.\n"
        f"ruta: no se escribió nada en bitacora.yaml; corrige {archivo} y vuelve a aplicarlo.\n")


def test_una_clave_que_no_se_registra_es_un_error_con_su_linea(ruta, tmp_path):
    """Nada de lo escrito en el borrador se ignora en silencio."""
    antes = huella(ruta / "bitacora.yaml")
    archivo = tmp_path / "s5.yaml"
    r = correr(str(ruta), "--sesion", "5", "--borrador", str(archivo))
    assert r.exit_code == 0, r.output
    texto = archivo.read_text(encoding="utf-8")
    lineas = texto.count("\n")
    archivo.write_text(texto + "\nacuerdos_extra:\n  - Algo\nbalance:\n  - {prioridad: P1, valoracion: logrado}\n"
                       "xyz: 1\n", encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr == (
        "ruta: el registro tiene 3 errores:\n"
        f"  - línea {lineas + 2}: `acuerdos_extra` no se registra desde el borrador; las claves son fecha, "
        "sesion, tipo, acciones, mediciones, acuerdos, ajustes, ingresos, rasgos y nota. ¿Quisiste decir acuerdos?\n"
        f"  - línea {lineas + 4}: `balance` no se registra desde el borrador; regístralo con `ruta bitacora "
        "agregar --balance` y quítalo del borrador.\n"
        f"  - línea {lineas + 6}: `xyz` no se registra desde el borrador; las claves son fecha, sesion, "
        "tipo, acciones, mediciones, acuerdos, ajustes, ingresos, rasgos y nota.\n"
        f"ruta: no se escribió nada en bitacora.yaml; corrige {archivo} y vuelve a aplicarlo.\n")
    assert huella(ruta / "bitacora.yaml") == antes


@pytest.mark.parametrize("clave,texto", [
    ("tipo", "tipo: registro\nacuerdos: [Uno]\n"), ("acciones", "acciones:\n  - {accion: A1, estado: en_curso, avance: 99}\n"),
    ("mediciones", "mediciones:\n  - {meta: M1, valor: 51}\n"), ("acuerdos", "acuerdos: [Uno]\n"),
    ("ajustes", "ajustes:\n  - {descripcion: Uno}\n"), ("ingresos", "ingresos:\n  - {fuente: F1, monto: 1}\n"),
    ("rasgos", "rasgos:\n  - {anexo: normalidad-minima, rasgo: 2, valoracion: en_proceso}\n"),
    ("nota", "nota: Una nota\n"),
])
def test_cada_clave_del_borrador_se_registra(ruta, clave, texto):
    """Cada clave que el borrador acepta (``CLAVES``) llega a la entrada que se escribe."""
    from rutamejora.escritura.borrador import entrada_del_borrador
    from rutamejora.escritura.sesion import CLAVES
    from rutamejora.formato import cargar

    assert set(CLAVES) == {"fecha", "sesion", "tipo", "acciones", "mediciones", "acuerdos", "ajustes",
                           "ingresos", "rasgos", "nota"}
    entrada, _ = entrada_del_borrador("fecha: 2026-02-27\nsesion: 5\n" + texto, cargar(ruta)[0])
    assert clave in entrada.datos()


@pytest.mark.parametrize("texto, largo, esperado", [
    ("Círculo de lectura diario de 20 minutos en todos los grupos de la escuela", 40,
     "Círculo de lectura diario de 20 minutos…"),
    ("Habló la madre de [nombre: B. H.] sobre el caso", 24, "Habló la madre de…"),
    ("Corto", 40, "Corto"),
])
def test_los_comentarios_del_borrador_se_cortan_entre_palabras(texto, largo, esperado):
    """Antes se cortaban a media palabra y a media máscara («[nombre: B. H.»)."""
    from rutamejora.escritura.sesion import _corto

    assert _corto(texto, largo) == esperado


# --- Los comentarios que el CTE escribe en el borrador ------------------------------------------

_A1 = "  - accion: A1\n    estado: en_curso\n    avance: 50"
_A1_COMENTADA = "  - accion: A1\n    estado: en_curso\n    avance: 70  # subió por el club de lectura"


def _linea_de(texto: str, fragmento: str) -> int:
    return texto[:texto.index(fragmento)].count("\n") + 1


def test_un_comentario_del_cte_se_pasa_a_nota_en_el_editor(ruta, tmp_path):
    pasos = [[[_A1, _A1_COMENTADA]],
             [["avance: 70  # subió por el club de lectura", "avance: 70\n    nota: Subió por el club de lectura"]]]
    r = correr(str(ruta), env=con_editor(tmp_path, pasos), input="s\n")
    assert r.exit_code == 0, r.output
    n = _linea_de(visto(tmp_path, 0), "  - accion: A1") + 2
    assert r.stderr == ("ruta: tu comentario no se guarda en la bitácora (solo se registran los valores):\n"
                        f"  - línea {n}: «subió por el club de lectura»\n"
                        "  Para guardarlo, escríbelo en `nota:` de esa acción, de esa meta o de la sesión.\n"
                        "¿Los pasas a `nota:` en el editor? [S/n]: s\n")
    segunda = visto(tmp_path, 1)
    assert segunda.startswith("# COMENTARIOS: la bitácora no guarda los comentarios (#); pasa cada uno a "
                              f"`nota:` y guarda (estas líneas se ignoran).\n#   - línea {n}: «subió por el "
                              "club de lectura»\n\n# Sesión 5 del CTE")
    assert (ruta / "bitacora.yaml").read_text(encoding="utf-8").endswith(
        "      - accion: A1\n        estado: en_curso\n        avance: 70\n"
        "        nota: Subió por el club de lectura\n\n")


def test_un_comentario_que_se_deja_no_se_guarda_y_se_dice(ruta, tmp_path):
    r = correr(str(ruta), env=con_editor(tmp_path, [[[_A1, _A1_COMENTADA]]]), input="n\n")
    assert r.exit_code == 0, r.output
    n = _linea_de(visto(tmp_path, 0), "  - accion: A1") + 2
    assert r.stdout == ("Nueva entrada del 27 feb 2026 (sesión 5) en bitacora.yaml, línea 280: acción A1 "
                        "(en curso, 70 %).\n")
    assert r.stderr.endswith("¿Los pasas a `nota:` en el editor? [S/n]: n\n"
                             f"Nota: no se guardaron tus comentarios del borrador (línea {n}: «subió por el "
                             "club de lectura»). La bitácora guarda las observaciones en `nota:`.\n")
    assert "club de lectura" not in (ruta / "bitacora.yaml").read_text(encoding="utf-8")


def test_sin_respuesta_a_la_pregunta_se_cancela_con_130(ruta, tmp_path):
    antes = huella(ruta / "bitacora.yaml")
    r = correr(str(ruta), env=con_editor(tmp_path, [[[_A1, _A1_COMENTADA]]]), input="")
    assert r.exit_code == 130
    ultima = r.stderr.strip().splitlines()[-1]
    assert ultima.startswith("ruta: cancelado: no se escribió nada en bitacora.yaml. Tu registro quedó en ")
    archivo = Path(ultima.split("quedó en ")[1].split(";")[0])
    assert "# subió por el club de lectura" in archivo.read_text(encoding="utf-8")
    assert huella(ruta / "bitacora.yaml") == antes
    archivo.unlink()


def test_sin_respuesta_a_corregir_errores_se_cancela_con_130(ruta, tmp_path):
    antes = huella(ruta / "bitacora.yaml")
    pasos = [[["  - accion: A1\n    estado: en_curso", "  - accion: A99\n    estado: en_curso"]]]
    r = correr(str(ruta), env=con_editor(tmp_path, pasos), input="")
    assert r.exit_code == 130
    assert "¿Lo corriges en el editor? [S/n]: \nruta: cancelado: no se escribió nada en bitacora.yaml. " \
           "Tu registro quedó en " in r.stderr
    assert huella(ruta / "bitacora.yaml") == antes


def test_los_comentarios_del_borrador_y_los_errores_no_son_del_cte(ruta, tmp_path):
    """Quitar, dejar o mover los comentarios que trae el borrador (y los ERRORES de una vuelta
    anterior) no pregunta nada: solo los que el CTE escribió."""
    pasos = [[["  - accion: A1\n    estado: en_curso\n    avance: 50", "  - accion: A1\n    estado: en_cruso"],
              ["  # - Un acuerdo por línea", "  - Traer las rúbricas"]],
             [["estado: en_cruso", "estado: en_curso\n    avance: 60"]]]
    r = correr(str(ruta), env=con_editor(tmp_path, pasos), input="s\n")
    assert r.exit_code == 0, r.output
    assert "comentario" not in r.stderr and "Nota:" not in r.stderr


def test_un_comentario_con_un_nombre_no_se_muestra_en_claro(ruta, tmp_path):
    pasos = [[[_A1, "  - accion: A1\n    estado: en_curso\n    avance: 70  # Brayan López ya lee solo"]]]
    r = correr(str(ruta), env=con_editor(tmp_path, pasos), input="n\n")
    assert r.exit_code == 0, r.output
    assert "Brayan" not in r.stderr and "López" not in r.stderr
    assert "ya lee solo»" in r.stderr


def test_la_nota_de_la_sesion_se_escribe(ruta, tmp_path):
    pasos = [[["\nnota:\n", "\nnota: Faltaron dos docentes por comisión sindical.\n"]]]
    r = correr(str(ruta), env=con_editor(tmp_path, pasos))
    assert r.exit_code == 0, r.output
    texto = visto(tmp_path, 0)
    assert "# Los comentarios (#) no se guardan: escribe tus observaciones en `nota:` (la de\n" in texto
    assert "\nfecha: 2026-02-27\nsesion: 5\n# Una observación de la sesión:\nnota:\n\nacciones:\n" in texto
    assert (ruta / "bitacora.yaml").read_text(encoding="utf-8").endswith(
        "    nota: Faltaron dos docentes por comisión sindical.\n\n")


def test_guardar_un_borrador_con_comentarios_dice_que_no_se_guardan(ruta, tmp_path):
    """Con --guardar no hay a quién preguntar: se registra y una nota dice qué comentarios no
    llegaron a la bitácora (siguen en el borrador). Los del borrador mismo no cuentan, aunque
    sus pendientes ya hayan cambiado."""
    archivo = tmp_path / "s5.yaml"
    assert correr(str(ruta), "--sesion", "5", "--borrador", str(archivo)).exit_code == 0
    texto = archivo.read_text(encoding="utf-8")
    texto = texto.replace(_A1, _A1_COMENTADA).replace("acuerdos:\n", "acuerdos:\n  # Kevin Pérez sigue faltando\n")
    texto = texto.replace("# Pendientes (ruta pendientes):", "# Pendientes de otro día:")
    archivo.write_text(texto, encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 0, r.output
    n = _linea_de(texto, "avance: 70  #")
    k = _linea_de(texto, "  # Kevin")
    assert r.stderr == (f"Nota: no se guardaron tus comentarios del borrador (línea {n}: «subió por el club de "
                        f"lectura»; línea {k}: «[nombre: K. P.] sigue faltando»); siguen en {archivo}. La "
                        "bitácora guarda las observaciones en `nota:`.\n")
    assert archivo.read_text(encoding="utf-8") == texto


def test_guardar_el_borrador_sin_tocar_sus_comentarios_no_dice_nada(ruta, tmp_path):
    archivo = tmp_path / "s5.yaml"
    assert correr(str(ruta), "--sesion", "5", "--borrador", str(archivo)).exit_code == 0
    archivo.write_text(archivo.read_text(encoding="utf-8").replace(
        _A1, "  - accion: A1\n    estado: en_curso\n    avance: 70"), encoding="utf-8")
    r = correr(str(ruta), "--guardar", str(archivo))
    assert r.exit_code == 0, r.output
    assert r.stderr == ""
