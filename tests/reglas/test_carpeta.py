"""La carpeta dice qué Ruta es (RM124): en ``escuelas/<CCT>/<ciclo>/`` la CCT y el ciclo deben ser
los de ``ruta.yaml``; un PEMC va en la carpeta de su tramo (``2025-2027``)."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.reglas.validacion import validar

DATOS = Path(__file__).resolve().parents[1] / "datos"
MINIMA = DATOS / "minima"
HOY = date(2025, 10, 1)


def _copia(destino: Path, ruta_yaml: tuple[str, str] | None = None) -> Path:
    shutil.copytree(MINIMA, destino)
    if ruta_yaml:
        archivo = destino / "ruta.yaml"
        archivo.write_text(archivo.read_text(encoding="utf-8").replace(*ruta_yaml), encoding="utf-8")
    return destino


def _de(carpeta: Path):
    return [p for p in validar(carpeta, HOY, True).problemas if p.codigo == "RM124"]


def test_una_ruta_copiada_a_otra_escuela_y_otro_ciclo(tmp_path):
    carpeta = _copia(tmp_path / "escuelas" / "15EJN0520Q" / "2026-2027")
    ciclo, cct = _de(carpeta)  # en orden de línea: `ciclo` va antes que `escuela`
    assert (cct.archivo, cct.linea, cct.columna, cct.severidad) == ("ruta.yaml", 7, 8, "error")
    assert cct.mensaje == "La carpeta `15EJN0520Q/2026-2027` es de la CCT 15EJN0520Q, pero `ruta.yaml` dice `21DPR0123T`."
    # Las dos pistas nombran la misma carpeta, la que corresponde a lo que dice ruta.yaml.
    assert cct.pista == ("¿Se copió la Ruta de otra escuela? Corrige `cct` o mueve la Ruta a "
                         "`21DPR0123T/2025-2026`.")
    assert (ciclo.linea, ciclo.columna) == (4, 8)
    assert ciclo.mensaje == ("La carpeta `15EJN0520Q/2026-2027` es del ciclo 2026-2027, pero `ruta.yaml` "
                             "dice `ciclo: 2025-2026`.")
    assert ciclo.pista == ("¿Se copió la Ruta de otro ciclo? Corrige `ciclo` o mueve la Ruta a la "
                           "carpeta `21DPR0123T/2025-2026` (para el ciclo siguiente: `ruta nueva --desde`).")


def test_la_carpeta_correcta_no_avisa(tmp_path):
    assert _de(_copia(tmp_path / "escuelas" / "21DPR0123T" / "2025-2026")) == []
    # Las mayúsculas de la carpeta no importan; fuera de `escuelas/` también vale la disposición.
    assert _de(_copia(tmp_path / "zona045" / "21dpr0123t" / "2025-2026")) == []


def test_solo_el_ciclo_o_solo_la_cct(tmp_path):
    [p] = _de(_copia(tmp_path / "escuelas" / "21DPR0123T" / "2024-2025"))
    assert "es del ciclo 2024-2025" in p.mensaje
    [p] = _de(_copia(tmp_path / "escuelas" / "21DPR0124S" / "2025-2026"))
    assert "es de la CCT 21DPR0124S" in p.mensaje


def test_fuera_de_la_disposicion_no_se_revisa(tmp_path):
    assert _de(_copia(tmp_path / "ejemplos" / "primaria-2026-2027")) == []
    assert _de(_copia(tmp_path / "escuelas" / "primaria-carmen-serdan" / "2026-2027")) == []
    assert _de(_copia(tmp_path / "15EJN0520Q")) == []


def test_validar_desde_dentro_de_la_carpeta(tmp_path, monkeypatch):
    carpeta = _copia(tmp_path / "escuelas" / "15EJN0520Q" / "2025-2026")
    monkeypatch.chdir(carpeta)
    r = CliRunner().invoke(app, ["validar", ".", "--fecha", "2025-10-01"])
    assert r.exit_code == 1
    assert "La carpeta `15EJN0520Q/2025-2026` es de la CCT 15EJN0520Q" in r.output


PEMC = ("ciclo: 2025-2026", "marco: pemc-2019\nciclo: 2025-2026\nciclos: [2025-2026, 2026-2027]")


def test_un_pemc_en_la_carpeta_de_su_tramo_o_de_su_ciclo_en_curso(tmp_path):
    ruta = ("marco: rme-2014\nciclo: 2025-2026", PEMC[1])
    assert _de(_copia(tmp_path / "a" / "21DPR0123T" / "2025-2027", ruta)) == []
    assert _de(_copia(tmp_path / "b" / "21DPR0123T" / "2025-2026", ruta)) == []
    [p] = _de(_copia(tmp_path / "c" / "21DPR0123T" / "2026-2027", ruta))
    assert p.mensaje == ("La carpeta `21DPR0123T/2026-2027` es del ciclo 2026-2027, pero `ruta.yaml` "
                         "dice `ciclos: [2025-2026, 2026-2027]`.")
    assert "carpeta `21DPR0123T/2025-2027`" in p.pista
    [p] = _de(_copia(tmp_path / "d" / "21DPR0123T" / "2024-2026", ruta))
    assert "es del ciclo 2024-2026" in p.mensaje


def test_el_pemc_del_readme_sigue_validando(tmp_path):
    # README: `ruta nueva escuelas/15EES0527T/2025-2027 --marco pemc-2019 --ciclos 2`
    destino = tmp_path / "escuelas" / "15EES0527T" / "2025-2027"
    r = CliRunner().invoke(app, ["nueva", str(destino), "--marco", "pemc-2019", "--ciclos", "2",
                                 "--nombre", "Escuela Secundaria", "--cct", "15EES0527T",
                                 "--nivel", "secundaria", "--ciclo", "2025-2026", "--sin-preguntas"])
    assert r.exit_code == 0, r.output
    resultado = validar(destino, HOY, True)
    assert [p for p in resultado.problemas if p.codigo == "RM124" or p.severidad == "error"] == []


def test_nueva_rechaza_un_dato_de_la_escuela_en_varias_lineas(tmp_path):
    """«--nombre $'X\\nmetas: []'» escribía otra clave en ruta.yaml: ahora es un error de uso y
    no se escribe nada."""
    destino = tmp_path / "n4"
    for opcion, valor in (("--nombre", "X\nmetas: []"), ("--zona", "045\t"), ("--sector", "0\x1b[31m")):
        r = CliRunner().invoke(app, ["nueva", str(destino), "--nombre", "Escuela", "--cct", "21DPR0487A",
                                     "--ciclo", "2025-2026", "--sin-preguntas", opcion, valor])
        assert r.exit_code == 2
        assert r.stderr == (f"ruta: {opcion} va en una sola línea, sin saltos de línea, tabuladores ni "
                            "caracteres de control.\n")
        assert not destino.exists()


def test_nueva_rechaza_el_separador_de_linea_de_unicode(tmp_path):
    """Mayús+Enter en Word pega U+2028: partía el comentario del encabezado de ruta.yaml."""
    destino = tmp_path / "n1"
    r = CliRunner().invoke(app, ["nueva", str(destino), "--nombre", "Escuela X\u2028metas: []", "--cct",
                                 "21DPR0487A", "--ciclo", "2025-2026", "--sin-preguntas"])
    assert r.exit_code == 2
    assert not destino.exists()


def test_nueva_dice_primero_la_cct_mal_escrita(tmp_path):
    """Sin --nivel, el nivel sale de la CCT: una CCT mal escrita no se esconde tras «hay que dar
    --nivel»."""
    destino = tmp_path / "jn2"
    r = CliRunner().invoke(app, ["nueva", str(destino), "--nombre", "Jardín", "--cct", "11DJN0041X",
                                 "--ciclo", "2025-2026", "--sin-preguntas"])
    assert r.exit_code == 2
    assert r.stderr == ("ruta: la CCT «11DJN0041X» no es válida: su carácter verificador no corresponde. "
                        "¿Quisiste decir 11DJN0041M?\n")
    assert not destino.exists()
