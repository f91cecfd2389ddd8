"""`ruta informe`: encabezados, tablas reales, dinero exacto, privacidad, seguridad y bytes iguales.

Las Rutas se copian a una carpeta temporal fuera de git (``GIT_CEILING_DIRECTORIES``) para que
el encabezado no dependa del commit del proyecto; las pruebas de git arman su propio
repositorio.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import subprocess
from datetime import date
from pathlib import Path

import pytest
from markdown_it import MarkdownIt
from typer.testing import CliRunner

from rutamejora.commands import app
from rutamejora.vistas import fecha_larga

AQUI = Path(__file__).resolve().parents[1]
EJEMPLO = AQUI.parent / "ejemplos" / "primaria-2025-2026"
MINIMA = AQUI / "datos" / "minima"
DEFECTUOSA = AQUI / "datos" / "defectuosa"
MARCO_PROPIO = AQUI / "datos" / "marco-propio"
PEMC = AQUI.parent / "ejemplos" / "pemc-secundaria-2024-2026"
PMC = AQUI.parent / "ejemplos" / "pmc-primaria-2025-2026"
FECHA = "2026-07-15"
runner = CliRunner()
# Nombres del colectivo del ejemplo y códigos de sus alumnos en riesgo: nunca en la comunidad.
NOMBRES = ("Rosa Elena Méndez Guzmán", "Julián Herrera Campos", "Patricia Sánchez Rojas",
           "Laura Isabel Cortés Pineda", "Ernesto Vázquez Lima", "Guadalupe Morales Tepox",
           "Fernando Ramírez Ochoa", "Raúl Domínguez Flores", "Claudia Ortega Juárez")
CODIGOS = ("A-2025-003", "A-2025-009", "A-2025-017", "A-2025-026", "A-2025-014", "A-2025-021",
           "A-2025-037")


@pytest.fixture(autouse=True)
def _fuera_de_git(tmp_path, monkeypatch):
    """Ninguna Ruta copiada a tmp_path está dentro de un repositorio (salvo el que arme la prueba)."""
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))


@pytest.fixture
def ejemplo(tmp_path) -> Path:
    destino = tmp_path / "escuela" / "2025-2026"
    shutil.copytree(EJEMPLO, destino)
    return destino


def correr(*args: str):
    r = runner.invoke(app, [str(a) for a in args])
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        import traceback

        pytest.fail("".join(traceback.format_exception(*r.exc_info)))
    return r


def informe(carpeta: Path, *args: str) -> str:
    r = correr("informe", carpeta, *args)
    assert r.exit_code == 0, r.stderr
    return r.stdout


def reemplazar(archivo: Path, viejo: str, nuevo: str, veces: int = 1) -> None:
    texto = archivo.read_text(encoding="utf-8")
    assert texto.count(viejo) >= veces, f"{viejo!r} no está en {archivo.name}"
    archivo.write_text(texto.replace(viejo, nuevo), encoding="utf-8")


def tablas(markdown: str) -> int:
    return sum(1 for t in MarkdownIt("commonmark").enable("table").parse(markdown)
               if t.type == "table_open")


# --- Encabezado y cifras ---------------------------------------------------------------------


def test_rendicion_md_encabezado_exacto(ejemplo):
    texto = informe(ejemplo, "--tipo", "rendicion", "--fecha", FECHA)
    assert texto.splitlines()[:13] == [
        "<!-- Generado con «ruta informe» (ruta 0.1.0). Se reemplaza al volver a generarlo: "
        "no lo edites a mano. -->",
        "# Rendición de cuentas 2025-2026",
        "",
        '**Escuela Primaria “Carmen Serdán Alatriste”** · Ruta de mejora escolar',
        "",
        '- **Escuela:** Escuela Primaria “Carmen Serdán Alatriste”',
        "- **CCT:** 21DPR0487A",
        "- **Ciclo escolar:** 2025-2026",
        "- **Datos al:** 15 de julio de 2026",
        "- **Última entrada de la bitácora:** 10 de julio de 2026",
        "- **Para:** La comunidad escolar: madres, padres y tutores, APF y CEPS",
        "",
        "Este informe cuenta a las familias y a la comunidad lo que la escuela se propuso en su "
        "Ruta de mejora escolar del ciclo escolar 2025-2026, lo que hizo, lo que logró y cómo usó "
        "los recursos que recibió.",
    ]


def test_rendicion_md_metas_dinero_y_acuerdos(ejemplo):
    lineas = informe(ejemplo, "--tipo", "rendicion", "--fecha", FECHA).splitlines()
    assert "**8 de 9 metas logradas (1 no lograda).**" in lineas
    assert ("| **M1** Aumentar de 46 % a 60 % los alumnos de 3° a 6° que alcanzan el nivel "
            "esperado de comprensión lectora, a más tardar el 19 de junio de 2026. | 46 % | 57 % "
            "(19 jun 2026) | 60 % | No |") in lineas
    assert ("| **M3** Reducir de 44 a 25 los alumnos de 2° a 6° que el SisAT señala con necesidad "
            "de apoyo en producción de textos, a más tardar el 29 de mayo de 2026. | 44 alumnos | "
            "25 alumnos (29 may 2026) | 25 alumnos | Sí |") in lineas
    assert "M1  ████████████████░░░░  46 % → 57 % (meta: 60 %) · no lograda" in lineas
    assert "**19 acciones: 18 realizadas, 1 cancelada.**" in lineas
    # Dinero: presupuesto por fuente, ingresos, gasto por acción con comprobante y saldo.
    assert ("| F1. Programa La Escuela es Nuestra (administrado por el CEAP) | $55,000.00 | "
            "$55,000.00 | $52,030.00 | $2,970.00 |") in lineas
    assert ("| **Total** | **$87,000.00** | **$79,800.00** | **$68,550.00** | **$11,250.00** |"
            in lineas)
    assert "| **Total recibido** | | | **$79,800.00** |" in lineas
    assert "| **Total** | | **$76,100.00** | **$68,550.00** | |" in lineas
    assert any(l.startswith("| **A7** Adquirir material concreto") and
               l.endswith("| F1 | $14,500.00 | $14,180.00 | Factura C-2291 Didácticos de Puebla |")
               for l in lineas)
    assert any(l.startswith("| **A15** ") and "Se gastaron $680.00 más de lo previsto." in l
               for l in lineas)
    assert "Todos los gastos tienen su comprobante." in lineas
    # Normalidad mínima y convivencia al inicio y al final.
    assert "Logrados al inicio: 1 de 8; al final: 3 de 8." in lineas
    assert ("| 4. Todos nuestros alumnos asistieron puntualmente a todas las clases. | No logrado "
            "→ En proceso | 95 de cada 100 alumnos llegan a tiempo; falta sostenerlo después de "
            "vacaciones. |") in lineas
    # Lo que concluyó el CTE de cada acción y los acuerdos para el próximo ciclo.
    assert any(l.startswith("| **A10** ") and "| Cancelada, avance 0 % | — |" in l for l in lineas)
    assert ("- Retomar la comprensión lectora (M1) como primera prioridad de 2026-2027, con "
            "trabajo explícito de inferencia.") in lineas


def test_los_encabezados_usan_las_palabras_del_marco(tmp_path):
    destino = tmp_path / "marco-propio"
    shutil.copytree(MARCO_PROPIO, destino)
    texto = informe(destino / "escuela", "--tipo", "rendicion", "--fecha", "2025-10-01")
    assert "# Informe a la zona 2025-2026" in texto.splitlines()
    assert "## 3. Lo que nos propusimos: ejes y objetivos" in texto.splitlines()
    assert re.search(r"^### Eje 1: ", texto, re.M)
    assert "prioridad" not in texto.lower().replace("prioridades del", "")
    plan = informe(destino / "escuela", "--tipo", "planeacion", "--fecha", "2025-10-01")
    assert re.search(r"^## Eje 1: ", plan, re.M)


def test_seguimiento_de_una_sesion(ejemplo):
    texto = informe(ejemplo, "--tipo", "seguimiento", "--sesion", "5")
    lineas = texto.splitlines()
    assert lineas[1] == "# Seguimiento 2025-2026"
    assert "**Sesión ordinaria 5 del Consejo Técnico Escolar · 27 de febrero de 2026**" in lineas
    assert "- **Datos al:** 27 de febrero de 2026" in lineas
    assert "- **Última entrada de la bitácora:** 27 de febrero de 2026" in lineas
    assert ("Lo registrado en la bitácora desde la sesión 4 (30 de enero de 2026) hasta el 27 de "
            "febrero de 2026: 1 entrada.") in lineas
    assert any(l.startswith("| **A17** ") and "| 27 feb 2026 | Realizada | 100 % |" in l
               for l in lineas)
    assert "## 3. Lo pendiente para la sesión 6 (27 de marzo de 2026)" in lineas
    # Lo pendiente sigue la regla de `ruta pendientes` (vistas.pendientes).
    assert "### Acciones sin registro desde la sesión 4 (30 ene 2026) (2)" in lineas
    assert "### Metas en riesgo: revisar sus acciones (4)" in lineas
    assert any(l.startswith("| **M5** | Aumentar de 7.1 a 7.6") and
               l.endswith("| 20 % del camino y 59 % del tiempo; última medición: 28 nov 2025 |") for l in lineas)
    assert any(l.startswith("| **A13** | Registro diario de inasistencias") and
               l.endswith("| último registro: 26 sep 2025; en curso, 10 % |") for l in lineas)
    # Nada posterior a la sesión: la medición de marzo de M5 no cuenta todavía.
    assert "7.4" not in texto
    assert tablas(texto) >= 3


def test_seguimiento_hasta_una_fecha_lista_lo_pendiente(ejemplo):
    texto = informe(ejemplo, "--tipo", "seguimiento", "--fecha", "2025-11-15")
    assert "**Al 15 de noviembre de 2025, para la sesión 3 del 28 de noviembre de 2025**" in texto
    assert "desde la sesión 2 (31 de octubre de 2025)" in texto
    assert "### Acciones que terminan de aquí a la sesión 3 (1)" in texto.splitlines()
    assert re.search(r"^\| \*\*A7\*\* \| Adquirir material .*\| termina el 28 nov 2025; en curso, "
                     r"30 % \|$", texto, re.M)
    assert "| **M5** | Aumentar de 7.1 a 7.6 el promedio escolar del campo formativo Saberes y " \
           "pensamiento científico, a más tardar el 3 de julio de 2026. | nunca se ha medido |" \
        in texto.splitlines()


def test_planeacion_con_la_tabla_de_acciones(ejemplo):
    texto = informe(ejemplo, "--tipo", "planeacion", "--fecha", FECHA)
    lineas = texto.splitlines()
    assert lineas[1] == "# Planeación 2025-2026"
    assert "## Prioridad 1: Mejora de los aprendizajes" in lineas
    assert "### Objetivo O1" in lineas
    assert lineas.count("| Acción | Responsables | Recursos | Costo | Tiempo |") == 3
    assert ("| **A4** Mochila viajera de lectura: cada semana una familia de 1° y 2° se lleva a "
            "casa una mochila con tres libros y una bitácora para leer con su hijo y anotar lo que "
            "leyeron. (metas M2, M9) | Patricia Sánchez Rojas (docente de 2°A); Padres y madres de "
            "familia de 1° y 2° | Dos mochilas con libros de la biblioteca escolar; Bitácoras de "
            "lectura familiar; Reposición de libros dañados y de bitácoras | $2,250.00 ($250.00 al "
            "mes × 9), fuente F2 | 6 oct 2025 – 19 jun 2026 |") in lineas
    assert "| **Total** | **$87,000.00** | **$76,100.00** |" in lineas


@pytest.mark.parametrize("tipo", ["planeacion", "seguimiento", "rendicion"])
@pytest.mark.parametrize("audiencia", ["comunidad", "autoridad"])
def test_markdown_con_tablas_reales(ejemplo, tipo, audiencia):
    texto = informe(ejemplo, "--tipo", tipo, "--fecha", FECHA, "--audiencia", audiencia)
    assert tablas(texto) >= 3
    # Cada fila de una tabla tiene tantas celdas como su encabezado (ningún «|» suelto).
    for bloque in re.findall(r"(?:^\|.*\|\n)+", texto, re.M):
        filas = bloque.splitlines()
        columnas = len(re.split(r"(?<!\\)\|", filas[0]))
        assert all(len(re.split(r"(?<!\\)\|", f)) == columnas for f in filas), bloque


def test_html_autocontenido_con_graficas_y_tablas(ejemplo, tmp_path):
    salida = tmp_path / "rendicion.html"
    r = correr("informe", ejemplo, "--tipo", "rendicion", "--fecha", FECHA, "-o", salida)
    assert r.exit_code == 0, r.stderr
    assert r.stdout == ""
    html = salida.read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>\n<html lang=\"es-MX\">")
    assert "<script" not in html.lower()
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", html)
    assert "@import" not in html and "url(" not in html
    assert html.count("<svg") == 3
    assert html.count('role="img"') == 3 and html.count("<desc ") == 3
    assert "@page" in html and "size: letter" in html and "table-header-group" in html
    assert '<th scope="col">' in html
    assert "$68,550.00" in html
    assert "<dt>CCT</dt><dd>21DPR0487A</dd>" in html
    assert "<dt>Datos al</dt><dd>15 de julio de 2026</dd>" in html
    assert "<dt>Última entrada de la bitácora</dt><dd>10 de julio de 2026</dd>" in html
    assert "Versión de la Ruta" not in html  # fuera de git


def test_formato_por_extension_y_por_opcion(ejemplo, tmp_path):
    r = correr("informe", ejemplo, "--tipo", "planeacion", "--fecha", FECHA, "-o",
               tmp_path / "plan.md")
    assert r.exit_code == 0
    assert (tmp_path / "plan.md").read_text(encoding="utf-8").startswith("<!-- Generado")
    r = correr("informe", ejemplo, "--tipo", "planeacion", "--fecha", FECHA, "-f", "html")
    assert r.exit_code == 0 and r.stdout.startswith("<!DOCTYPE html>")
    r = correr("informe", ejemplo, "--tipo", "planeacion", "-o", tmp_path / "plan.txt")
    assert r.exit_code == 2
    assert "usa la extensión .md, .html o .pdf" in r.stderr


# --- Reproducible --------------------------------------------------------------------------


@pytest.mark.parametrize("tipo", ["planeacion", "seguimiento", "rendicion"])
@pytest.mark.parametrize("extension", ["md", "html"])
def test_mismos_bytes_en_dos_corridas(ejemplo, tmp_path, tipo, extension):
    hechos = []
    for i in range(2):
        salida = tmp_path / f"{i}.{extension}"
        r = correr("informe", ejemplo, "--tipo", tipo, "--fecha", "2026-03-27", "-o", salida)
        assert r.exit_code == 0, r.stderr
        hechos.append(salida.read_bytes())
    assert hechos[0] == hechos[1]
    # Sin reloj: la fecha de hoy no aparece si no es la de corte.
    hoy = date.today()
    from rutamejora.vistas import fecha_corta, fecha_larga

    if hoy != date(2026, 3, 27):
        texto = hechos[0].decode("utf-8")
        assert fecha_larga(hoy) not in texto and fecha_corta(hoy) not in texto
        assert hoy.isoformat() not in texto


def test_reemplaza_un_informe_anterior_pero_no_otros_archivos(ejemplo, tmp_path):
    salida = tmp_path / "informe.md"
    assert correr("informe", ejemplo, "-t", "rendicion", "--fecha", FECHA, "-o", salida).exit_code == 0
    assert correr("informe", ejemplo, "-t", "planeacion", "--fecha", FECHA, "-o", salida).exit_code == 0
    assert salida.read_text(encoding="utf-8").splitlines()[1] == "# Planeación 2025-2026"
    notas = tmp_path / "notas.md"
    notas.write_text("# Mis notas\n", encoding="utf-8")
    r = correr("informe", ejemplo, "-t", "rendicion", "-o", notas)
    assert r.exit_code == 2
    assert "no es un informe hecho con `ruta informe`" in r.stderr
    assert notas.read_text(encoding="utf-8") == "# Mis notas\n"


@pytest.mark.parametrize("nombre", ["metas.yaml", "bitacora.yaml", "ruta.yaml", "extra.yml"])
def test_nunca_escribe_sobre_un_archivo_de_la_ruta(ejemplo, nombre):
    (ejemplo / "extra.yml").write_text("a: 1\n", encoding="utf-8")
    antes = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in ejemplo.iterdir()}
    r = correr("informe", ejemplo, "--tipo", "rendicion", "--formato", "md", "-o", ejemplo / nombre)
    assert r.exit_code == 2
    assert "es un archivo de la Ruta: un informe nunca lo reemplaza" in r.stderr
    assert {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in ejemplo.iterdir()} == antes


# --- git -------------------------------------------------------------------------------------


def _git(carpeta: Path, *args: str) -> str:
    return subprocess.run(["git", "-C", str(carpeta), *args], check=True, capture_output=True,
                          text=True).stdout.strip()


@pytest.mark.skipif(shutil.which("git") is None, reason="git no está instalado")
def test_version_de_git_y_cambios_sin_confirmar(tmp_path, monkeypatch):
    repo = tmp_path / "repo"
    ruta = repo / "escuelas" / "21DPR0487A" / "2025-2026"
    shutil.copytree(EJEMPLO, ruta)
    monkeypatch.setenv("GIT_CEILING_DIRECTORIES", str(tmp_path))
    _git(repo, "init", "-q")
    _git(repo, "add", ".")
    _git(repo, "-c", "user.name=Prueba", "-c", "user.email=prueba@example.invalid", "commit",
         "-q", "-m", "Ruta")
    commit = _git(repo, "rev-parse", "--short", "HEAD")
    dia = date.fromisoformat(_git(repo, "log", "-1", "--format=%cd", "--date=short"))
    texto = informe(ruta, "-t", "rendicion", "--fecha", FECHA, "-a", "autoridad")
    assert f"- **Versión de la Ruta:** commit {commit}" in texto.splitlines()
    # Para las familias, la versión en palabras: la fecha del commit, nunca su id.
    texto = informe(ruta, "-t", "rendicion", "--fecha", FECHA)
    assert f"- **Versión de la Ruta:** La del {fecha_larga(dia)}" in texto.splitlines()
    assert commit not in texto
    # Un informe escrito en la carpeta de la Ruta no la vuelve «con cambios».
    salida = ruta / "rendicion.html"
    assert correr("informe", ruta, "-t", "rendicion", "--fecha", FECHA, "-o", salida).exit_code == 0
    primero = salida.read_bytes()
    assert correr("informe", ruta, "-t", "rendicion", "--fecha", FECHA, "-o", salida).exit_code == 0
    assert salida.read_bytes() == primero
    assert f"<dt>Versión de la Ruta</dt><dd>La del {fecha_larga(dia)}</dd>".encode() in primero
    assert commit.encode() not in primero
    # Un cambio en un archivo de la Ruta sí.
    reemplazar(ruta / "metas.yaml", "valor_meta: 60", "valor_meta: 58")
    texto = informe(ruta, "-t", "rendicion", "--fecha", FECHA, "-a", "autoridad")
    assert (f"- **Versión de la Ruta:** commit {commit}, con cambios sin confirmar"
            in texto.splitlines())
    texto = informe(ruta, "-t", "rendicion", "--fecha", FECHA)
    assert (f"- **Versión de la Ruta:** La del {fecha_larga(dia)}, con cambios posteriores"
            in texto.splitlines())


# --- Errores de validación -------------------------------------------------------------------


def test_ruta_con_errores_se_rechaza_salvo_con_errores(tmp_path):
    destino = tmp_path / "defectuosa"
    shutil.copytree(DEFECTUOSA, destino)
    r = correr("informe", destino, "--tipo", "rendicion", "--fecha", "2026-03-01")
    assert r.exit_code == 1
    assert r.stdout == ""
    assert "tiene 9 errores de validación, así que no se hizo el informe" in r.stderr
    assert "ruta validar" in r.stderr and "--con-errores" in r.stderr
    texto = informe(destino, "--tipo", "rendicion", "--fecha", "2026-03-01", "--con-errores")
    lineas = texto.splitlines()
    assert ("> **Informe con errores de validación.** La Ruta tiene 9 errores: los datos de este "
            "informe pueden estar incompletos o equivocados. Se corrigen con `ruta validar`."
            in lineas)
    # La rendición es de las familias: sin el código de la regla.
    assert any(l.startswith("> - ruta.yaml:7:8: La CCT") for l in lineas)
    # Los datos personales de los mensajes salen enmascarados, sin iniciales: solo la clase.
    assert "GOLM" not in texto and "Juan" not in texto and "J. P. L." not in texto
    assert ("> - diagnostico.yaml:21:12: Alumnos en riesgo n.º 2 (apoyo): «\\[nombre\\]» "
            "parece el nombre de un alumno o de su familia.") in lineas
    html = informe(destino, "--tipo", "rendicion", "--fecha", "2026-03-01", "--con-errores",
                   "-f", "html")
    assert "<strong>Informe con errores de validación.</strong>" in html


@pytest.mark.parametrize("carpeta", [MINIMA, DEFECTUOSA, EJEMPLO, PEMC, PMC],
                         ids=["minima", "defectuosa", "ejemplo", "pemc", "pmc"])
@pytest.mark.parametrize("tipo", ["planeacion", "seguimiento", "rendicion"])
@pytest.mark.parametrize("formato", ["md", "html"])
@pytest.mark.parametrize("fecha", ["2025-08-01", "2025-10-01", "2026-12-31"])
def test_cualquier_ruta_y_fecha_da_un_informe(tmp_path, carpeta, tipo, formato, fecha):
    destino = tmp_path / "r"
    shutil.copytree(carpeta, destino)
    for audiencia in ("comunidad", "autoridad"):
        r = correr("informe", destino, "-t", tipo, "-f", formato, "--fecha", fecha, "-a",
                   audiencia, "--con-errores")
        assert r.exit_code == 0, r.stderr
        assert r.stdout.endswith("\n") and not r.stdout.endswith("\n\n")


def test_uso_incorrecto_sale_con_2(ejemplo, tmp_path):
    casos = [
        (["--tipo", "rendicion", "--sesion", "3"], "--sesion solo sirve con --tipo seguimiento"),
        (["--tipo", "seguimiento", "--sesion", "3", "--fecha", FECHA], "usa --sesion o --fecha"),
        (["--tipo", "seguimiento", "--sesion", "9"], "no hay sesión 9: el calendario del ciclo tiene 8"),
        (["--tipo", "seguimiento", "--sesion", "0"], "no hay sesión 0"),
        (["--tipo", "rendicion", "--plantillas", str(tmp_path / "no-existe")],
         "la carpeta de plantillas"),
        (["--tipo", "rendicion", "-o", str(tmp_path / "no" / "x.md")], "no existe"),
    ]
    for args, mensaje in casos:
        r = correr("informe", ejemplo, *args)
        assert r.exit_code == 2, (args, r.output)
        assert mensaje in r.stderr, (args, r.stderr)
    r = correr("informe", tmp_path / "nada", "--tipo", "rendicion")
    assert r.exit_code == 2 and "no existe" in r.stderr
    r = correr("informe", ejemplo)
    assert r.exit_code == 2 and "Falta la opción" in r.output


# --- Seguridad: escape y entorno aislado ------------------------------------------------------

ATAQUE = "<script>alert(1)</script>"


@pytest.fixture
def con_script(ejemplo) -> Path:
    """El ejemplo con un `<script>` (y un cierre de `</style>`) en campos de cada archivo."""
    reemplazar(ejemplo / "ruta.yaml", 'nombre: Escuela Primaria "Carmen Serdán Alatriste"',
               f"nombre: 'Escuela </style>{ATAQUE} \"X\"'")
    reemplazar(ejemplo / "ruta.yaml", "nombre: Asociación de Padres de Familia",
               f"nombre: 'APF {ATAQUE}'")
    reemplazar(ejemplo / "ruta.yaml", "nombre: Programa La Escuela es Nuestra (administrado por el CEAP)",
               f"nombre: 'Programa {ATAQUE}'")
    reemplazar(ejemplo / "diagnostico.yaml", "descripcion: Mejorar la comprensión lectora de los alumnos de 3° a 6°.",
               f"descripcion: 'Mejorar {ATAQUE} | celda'")
    reemplazar(ejemplo / "prioridades.yaml", "      Mejorar la lectura, la escritura",
               f"      {ATAQUE} Mejorar la lectura, la escritura")
    reemplazar(ejemplo / "objetivos.yaml", "      Involucrar a madres", f"      {ATAQUE} Involucrar a madres")
    reemplazar(ejemplo / "metas.yaml", "      Aumentar de 46 % a 60 %", f"      {ATAQUE} Aumentar de 46 % a 60 %")
    reemplazar(ejemplo / "acciones.yaml", "      Lectura diaria de 20 minutos", f"      {ATAQUE} Lectura diaria de 20 minutos")
    reemplazar(ejemplo / "bitacora.yaml", "comprobante: Factura C-2291 Didácticos de Puebla",
               f"comprobante: 'Factura {ATAQUE}'")
    reemplazar(ejemplo / "bitacora.yaml", "      - Incluir en el presupuesto de 2026-2027",
               f"      - '{ATAQUE} [enlace](javascript:alert(1))' \n      - Incluir en el presupuesto de 2026-2027")
    return ejemplo


@pytest.mark.parametrize("tipo", ["planeacion", "seguimiento", "rendicion"])
@pytest.mark.parametrize("audiencia", ["comunidad", "autoridad"])
def test_un_script_en_la_ruta_sale_como_texto_en_html(con_script, tipo, audiencia):
    html = informe(con_script, "-t", tipo, "-a", audiencia, "-f", "html", "--fecha", FECHA,
                   "--con-errores")
    assert "<script" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert html.count("</style>") == 1  # solo el que cierra la hoja de estilo
    estilo = html[html.index("<style>"):html.index("</style>")]
    assert "<" not in estilo[len("<style>"):]


@pytest.mark.parametrize("tipo", ["planeacion", "rendicion"])
def test_un_script_en_la_ruta_sale_como_texto_en_markdown(con_script, tipo):
    texto = informe(con_script, "-t", tipo, "-a", "autoridad", "--fecha", FECHA, "--con-errores")
    assert "<script>" not in texto
    assert r"\<script\>alert(1)\</script\>" in texto
    html = MarkdownIt("commonmark", {"html": True}).enable("table").render(texto)
    assert "<script>" not in html
    assert 'href="javascript' not in html


def _plantillas(tmp_path: Path, contenido: str, nombre: str = "rendicion.md.j2") -> Path:
    carpeta = tmp_path / "plantillas"
    carpeta.mkdir(exist_ok=True)
    (carpeta / nombre).write_text(contenido, encoding="utf-8")
    return carpeta


def test_plantillas_propias(ejemplo, tmp_path):
    carpeta = _plantillas(tmp_path, "Escuela: {{ escuela.nombre }} ({{ escuela.cct }})\n"
                                    "{% for m in metas %}{{ m.id }} {{ m.logro }}\n{% endfor %}")
    texto = informe(ejemplo, "-t", "rendicion", "--fecha", FECHA, "--plantillas", carpeta)
    assert texto.splitlines()[:3] == ['Escuela: Escuela Primaria “Carmen Serdán Alatriste” '
                                      "(21DPR0487A)", "M1 No", "M2 Sí"]
    # Lo que la carpeta no tiene sale de las plantillas incluidas.
    plan = informe(ejemplo, "-t", "planeacion", "--fecha", FECHA, "--plantillas", carpeta)
    assert plan.splitlines()[1] == "# Planeación 2025-2026"
    # Una plantilla HTML propia también escapa.
    _plantillas(tmp_path, "<p>{{ escuela.nombre }}</p>", "rendicion.html.j2")
    reemplazar(ejemplo / "ruta.yaml", 'nombre: Escuela Primaria "Carmen Serdán Alatriste"',
               f"nombre: '{ATAQUE}'")
    html = informe(ejemplo, "-t", "rendicion", "-f", "html", "--plantillas", carpeta)
    assert html == "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>\n"


@pytest.mark.parametrize("contenido, mensaje", [
    ("{{ ''.__class__.__mro__ }}", "leer el atributo interno `__class__`"),
    ("{{ escuela.__class__ }}", "leer el atributo interno `__class__`"),
    ("{{ cycler.__init__.__globals__ }}", "leer el atributo interno"),
    ("{{ metas.append(1) }}", "modificar los datos del informe"),
    ("{{ escuela.update({'cct': 'x'}) }}", "modificar los datos del informe"),
])
def test_el_entorno_aislado_bloquea_y_explica(ejemplo, tmp_path, contenido, mensaje):
    carpeta = _plantillas(tmp_path, "línea 1\n" + contenido + "\n")
    r = correr("informe", ejemplo, "-t", "rendicion", "--fecha", FECHA, "--plantillas", carpeta)
    assert r.exit_code == 2
    assert r.stdout == ""
    assert r.stderr.startswith("ruta: la plantilla rendicion.md.j2")
    assert "entorno seguro de las plantillas no permite" in r.stderr
    assert mensaje in r.stderr


def test_plantilla_con_errores_se_explica(ejemplo, tmp_path):
    carpeta = _plantillas(tmp_path, "uno\n{% for m in metas %}\n")
    r = correr("informe", ejemplo, "-t", "rendicion", "--plantillas", carpeta)
    assert r.exit_code == 2
    assert "la plantilla rendicion.md.j2 tiene un error de sintaxis en la línea" in r.stderr
    carpeta = _plantillas(tmp_path, "{{ escuela.telefono }}")
    r = correr("informe", ejemplo, "-t", "rendicion", "--plantillas", carpeta)
    assert r.exit_code == 2
    assert "usa un dato que no existe (`telefono`)" in r.stderr


# --- Privacidad ------------------------------------------------------------------------------


@pytest.fixture
def con_datos_personales(ejemplo) -> Path:
    """El ejemplo (que ya tiene códigos de alumnos) con códigos, nombres y salud en textos libres."""
    reemplazar(ejemplo / "bitacora.yaml", "      - Incluir en el presupuesto de 2026-2027",
               "      - Dar seguimiento en septiembre a A-2025-014 y A-2025-021 con Laura Isabel "
               "Cortés Pineda.\n      - Incluir en el presupuesto de 2026-2027")
    reemplazar(ejemplo / "diagnostico.yaml",
               "apoyo: Plan de apoyo individual revisado con la familia cada trimestre.",
               "apoyo: Plan de apoyo individual; A-2025-009 toma medicamento para el TDAH.")
    reemplazar(ejemplo / "bitacora.yaml", "comentario: Se inscribió a todos los que lo solicitaron.",
               "comentario: Se inscribió a todos, también a la familia de Juan Pérez López.")
    return ejemplo


@pytest.mark.parametrize("tipo", ["planeacion", "seguimiento", "rendicion"])
@pytest.mark.parametrize("formato", ["md", "html"])
def test_comunidad_sin_datos_de_personas(con_datos_personales, tipo, formato):
    args = ["-t", tipo, "-f", formato, "-a", "comunidad", "--con-errores"]
    args += ["--sesion", "8"] if tipo == "seguimiento" else ["--fecha", FECHA]
    texto = informe(con_datos_personales, *args)
    for dato in CODIGOS + NOMBRES + ("Juan Pérez López", "TDAH", "medicamento"):
        assert dato not in texto, dato
    # Los responsables van por su función.
    if tipo != "seguimiento":
        assert "Docente de 3°A" in texto
    if tipo == "rendicion":
        assert "Dar seguimiento en septiembre a [código] y [código] con docente de 3°A." \
            in texto.replace("\\[", "[").replace("\\]", "]")


def test_autoridad_lleva_el_detalle(con_datos_personales):
    texto = informe(con_datos_personales, "-t", "rendicion", "-a", "autoridad", "--fecha", FECHA,
                    "--con-errores")
    assert "A-2025-014, A-2025-021, A-2025-037" in texto
    assert "| DIR | Rosa Elena Méndez Guzmán | Dirección |" in texto.splitlines()
    assert "Laura Isabel Cortés Pineda (docente de 3°A)" in texto


def test_la_rendicion_es_para_la_comunidad_por_omision(ejemplo):
    assert "- **Para:** La comunidad escolar" in informe(ejemplo, "-t", "rendicion")
    assert "- **Para:** El Consejo Técnico Escolar y la supervisión escolar" in informe(
        ejemplo, "-t", "planeacion")


def test_nombres_del_colectivo_escritos_a_medias_no_llegan_a_la_comunidad(ejemplo):
    # En las actas la gente escribe los nombres a su modo: en mayúsculas, sin acentos, solo
    # los apellidos. Para las familias, todos se vuelven la función.
    reemplazar(ejemplo / "bitacora.yaml", "Presentar el informe de rendición de cuentas a las familias",
               "ROSA ELENA MENDEZ y el profr. Ramírez Ochoa presentan el informe de rendición de cuentas a las familias")
    texto = informe(ejemplo, "--tipo", "rendicion", "--fecha", FECHA)
    assert "ROSA ELENA MENDEZ" not in texto and "Ramírez Ochoa" not in texto
    assert "- Dirección y el profr. docente de " in texto


# --- El informe final de cada marco ----------------------------------------------------------


def copia(tmp_path: Path, ejemplo: Path) -> Path:
    destino = tmp_path / ejemplo.name
    shutil.copytree(ejemplo, destino)
    return destino


def secciones(markdown: str) -> list[str]:
    return re.findall(r"^## (.+)$", markdown, re.M)


def test_pemc_evaluacion_por_ambito_en_su_horizonte(tmp_path):
    texto = informe(copia(tmp_path, PEMC), "--tipo", "rendicion", "--fecha", FECHA)
    lineas = texto.splitlines()
    # El título abarca los dos ciclos del PEMC; el encabezado dice cuál está en curso.
    assert lineas[1] == "# Evaluación del PEMC 2024-2025 a 2025-2026"
    assert "- **Ciclo escolar en curso:** 2025-2026" in lineas
    assert "- **Ciclos del PEMC:** 2024-2025 a 2025-2026" in lineas
    assert ("Este informe cuenta a las familias y a la comunidad lo que la escuela se propuso en "
            "su Programa Escolar de Mejora Continua de los ciclos escolares 2024-2025 a 2025-2026, "
            "lo que hizo, lo que logró y cómo usó los recursos que recibió.") in lineas
    # Sin anexos en el marco no hay sección de normalidad mínima; sí revisión y evaluación.
    assert secciones(texto) == [
        "1. La escuela", "2. De dónde partimos: el diagnóstico",
        "3. Lo que nos propusimos: ámbitos y objetivos", "4. Lo que logramos: las metas",
        "5. Lo que hicimos: las acciones",
        "6. La revisión anual: lo que se revisó y se ajustó al cerrar cada ciclo",
        "7. La evaluación de cada ámbito",
        "8. Los recursos: lo que recibimos, en qué se gastó y con qué se comprueba",
        "9. Lo que sigue: acuerdos para el próximo ciclo"]
    # El diagnóstico por ámbito y las metas de cada ciclo.
    assert ("| Participación de la comunidad | Solo 35 % de las familias asiste a la entrega de "
            "calificaciones. | Que las familias acompañen el aprendizaje y la asistencia. |") in lineas
    assert "### Metas del ciclo 2024-2025" in lineas and "### Metas del ciclo 2025-2026" in lineas
    assert "2 de 4 metas logradas (2 no logradas)." in lineas
    assert lineas.index("### Metas del ciclo 2024-2025") < lineas.index(
        "| **M1** Aumentar de 38 % a 48 % los alumnos que comprenden un texto expositivo de su "
        "grado, a más tardar el 27 de junio de 2025. | 38 % | 47 % (27 jun 2025) | 48 % | No |") < lineas.index(
        "### Metas del ciclo 2025-2026")
    # Quién implementa y quién da seguimiento a cada acción.
    assert any(l.startswith("| **A3** ") and "Responsables: Docente de De lo humano y lo "
               "comunitario (1° a 3°), Asociación de Padres de Familia. Seguimiento: Dirección. |"
               in l for l in lineas)
    # La revisión anual: qué metas se revisaron, cómo quedaron y qué se acordó.
    assert "### Revisión anual 2024-2025 (11 de julio de 2025)" in lineas
    assert ("| **M3** Reducir de 16 % a 11 % la reprobación en Saberes y pensamiento científico, a "
            "más tardar el 11 de julio de 2025. | 2024-2025 | 16 % | 12 % | 11 % | No |") in lineas
    assert "- Metas de 2025-2026 con las líneas base medidas hoy (M2, M4, M6 y M8)." in lineas
    # La evaluación de cada ámbito: la revisión anual y la evaluación final, con su balance.
    assert "**Sus metas:** 2 de 4 metas logradas (M2 y M4)." in lineas
    assert ("| Revisión anual 2024-2025 (11 jul 2025) | En proceso | La comprensión lectora subió "
            "de 38 % a 47 % y la reprobación bajó de 16 % a 12 %. | Las dos metas quedaron a un "
            "punto; se sostienen las acciones en 2025-2026. |") in lineas
    assert ("| Evaluación final 2025-2026 (10 jul 2026) | Logrado | La comprensión lectora llegó a "
            "59 % y la reprobación a 8 %. | — |") in lineas
    # El calendario abarca los dos ciclos (de agosto de 2024 a julio de 2026).
    assert "    A S O N D E F M A M J J A S O N D E F M A M J J" in lineas


def test_pemc_ambitos_en_el_orden_de_la_escuela(tmp_path):
    ruta = copia(tmp_path, PEMC)
    reemplazar(ruta / "prioridades.yaml", "orden: 1", "orden: 9")
    texto = informe(ruta, "--tipo", "rendicion", "--fecha", FECHA)
    titulos = re.findall(r"^### Ámbito (\d: .+)$", texto, re.M)
    assert titulos[:3] == ["1: Prácticas docentes y directivas", "2: Participación de la comunidad",
                           "3: Aprovechamiento académico y asistencia de los alumnos"]
    plan = informe(ruta, "--tipo", "planeacion", "--fecha", FECHA)
    assert re.findall(r"^## Ámbito (\d): ", plan, re.M) == ["1", "2", "3"]
    assert "## Ámbito 1: Prácticas docentes y directivas" in plan.splitlines()


def test_pmc_comunicacion_de_resultados(tmp_path):
    texto = informe(copia(tmp_path, PMC), "--tipo", "rendicion", "--fecha", FECHA)
    lineas = texto.splitlines()
    assert lineas[1] == "# Comunicación de resultados 2025-2026"
    assert secciones(texto) == [
        "1. La escuela", "2. De dónde partimos: el diagnóstico socioeducativo",
        "3. Lo que nos propusimos: problemáticas y objetivos", "4. Lo que logramos: las metas",
        "5. Lo que hicimos: las acciones", "6. Ajustes durante el ciclo",
        "7. La evaluación de cada problemática",
        "8. Los recursos: lo que recibimos, en qué se gastó y con qué se comprueba",
        "9. Lo que sigue: acuerdos para el próximo ciclo"]
    # El Comité de Planeación y Evaluación que pide el marco, y el contexto de la comunidad.
    assert "| Comité de Planeación y Evaluación | Integrado (CPE) |" in lineas
    assert "### La escuela y su comunidad" in lineas
    assert any(l.startswith("San José Xicohténcatl es una localidad semiurbana de Huamantla.")
               for l in lineas)
    # Problemáticas (sin nombre de catálogo) con sus ámbitos; objetivos con su verbo.
    assert "### Problemática 1" in lineas and "Problemática 1: " not in texto
    assert ("**Ámbitos:** Aprovechamiento académico y asistencia de los alumnos; Prácticas "
            "docentes y directivas; Avance de los planes y programas de estudio.") in lineas
    assert any(l.startswith("- **Objetivo O2.** **Fortalecer** el cálculo mental y la resolución")
               for l in lineas)
    # Cada meta con su indicador y su fórmula en el mismo renglón.
    assert ("| Meta | Indicador | Fórmula | Línea base | Resultado | Valor meta | ¿Se logró? |"
            in lineas)
    assert ("| **M1** Aumentar de 46 % a 60 % los alumnos de 3° a 6° que alcanzan el nivel esperado "
            "de comprensión lectora, a más tardar el 19 de junio de 2026. | Alumnos de 3° a 6° en "
            "nivel esperado de comprensión lectora | Alumnos de 3° a 6° en nivel esperado ÷ alumnos "
            "de 3° a 6° evaluados × 100 | 46 % | 57 % (19 jun 2026) | 60 % | No |") in lineas
    # Cada acción con la evidencia esperada y lo que se registró.
    a1 = next(l for l in lineas if l.startswith("| **A1** Lectura diaria"))
    assert ("Del 8 de septiembre de 2025 al 3 de julio de 2026; costo: Sin costo. Evidencia "
            "esperada: Registro de libros "
            "leídos por grupo y las respuestas de los alumnos en sus cuadernos. |") in a1
    assert "Evidencias: Registros de lectura de los cuatro grupos · " in a1
    # El balance de cada problemática en la evaluación final.
    assert ("| Evaluación final (10 jul 2026) | En proceso | Lectura y escritura en 2° (86 %), "
            "producción de textos y cálculo mental alcanzaron sus metas; la comprensión lectora "
            "subió de 46 % a 57 %. | La comprensión lectora no llegó a 60 %; falta trabajar la "
            "inferencia. |") in lineas
    assert "**Sus metas:** 4 de 5 metas logradas (M2, M3, M4 y M5)." in lineas
    assert "normalidad mínima" not in texto.lower().split("## 3.")[1]


def test_pmc_para_la_autoridad_la_formula_lleva_su_fuente(tmp_path):
    texto = informe(copia(tmp_path, PMC), "--tipo", "rendicion", "--fecha", FECHA, "-a",
                    "autoridad")
    assert ("| **M3** Reducir de 44 a 25 los alumnos de 2° a 6° que el SisAT señala con necesidad "
            "de apoyo en producción de textos, a más tardar el 29 de mayo de 2026. | Alumnos de 2° "
            "a 6° que requieren apoyo en producción de textos (SisAT) | conteo de alumnos con "
            "resultado «requiere apoyo» en producción de textos (fuente: SisAT (septiembre, enero "
            "y mayo)) | 44 alumnos | 25 alumnos (29 may 2026) | 25 alumnos | Sí |") in texto.splitlines()
    # La tabla aparte de indicadores sobra: ya están junto a cada meta.
    assert "| Meta | Indicador | Fórmula | Fuente del dato |" not in texto


@pytest.mark.parametrize("ejemplo_marco", [PEMC, PMC], ids=["pemc", "pmc"])
@pytest.mark.parametrize("tipo", ["planeacion", "seguimiento", "rendicion"])
@pytest.mark.parametrize("audiencia", ["comunidad", "autoridad"])
def test_markdown_de_cada_marco_con_tablas_reales(tmp_path, ejemplo_marco, tipo, audiencia):
    texto = informe(copia(tmp_path, ejemplo_marco), "--tipo", tipo, "--fecha", FECHA,
                    "--audiencia", audiencia)
    encabezados = re.findall(r"^\|.*\|\n\|(?:-+|:?-+:?)(?:\|[-:]+)*\|$", texto, re.M)
    assert tablas(texto) == len(encabezados) >= 3
    for bloque in re.findall(r"(?:^\|.*\|\n)+", texto, re.M):
        filas = bloque.splitlines()
        columnas = len(re.split(r"(?<!\\)\|", filas[0]))
        assert all(len(re.split(r"(?<!\\)\|", f)) == columnas for f in filas), bloque


@pytest.mark.parametrize("ejemplo_marco", [PEMC, PMC], ids=["pemc", "pmc"])
@pytest.mark.parametrize("extension", ["md", "html"])
def test_informe_de_cada_marco_mismos_bytes_en_dos_corridas(tmp_path, ejemplo_marco, extension):
    ruta = copia(tmp_path, ejemplo_marco)
    hechos = []
    for i in range(2):
        salida = tmp_path / f"{i}.{extension}"
        r = correr("informe", ruta, "--tipo", "rendicion", "--fecha", FECHA, "-o", salida)
        assert r.exit_code == 0, r.stderr
        hechos.append(salida.read_bytes())
    assert hechos[0] == hechos[1]


def test_html_de_cada_marco(tmp_path):
    pemc = informe(copia(tmp_path, PEMC), "-t", "rendicion", "-f", "html", "--fecha", FECHA)
    assert "<h1>Evaluación del PEMC 2024-2025 a 2025-2026</h1>" in pemc
    assert "<div><dt>Ciclos del PEMC</dt><dd>2024-2025 a 2025-2026</dd></div>" in pemc
    assert '<h2 id="t-revisiones">6. La revisión anual: ' in pemc
    assert '<h2 id="t-evaluacion">7. La evaluación de cada ámbito</h2>' in pemc
    assert 'id="t-rasgos"' not in pemc and 'href="#rasgos"' not in pemc
    assert "<h3>Metas del ciclo 2024-2025</h3>" in pemc
    assert '<div class="chico">Seguimiento: Subdirección</div>' in pemc
    assert ('<p class="balance-titulo"><span class="etiqueta">Revisión anual 2024-2025</span> '
            '<span class="chico">(11 jul 2025)</span> <span class="estado estado-en_proceso">En '
            'proceso</span></p>') in pemc
    assert "S8" in pemc and pemc.count("<svg") == 3
    pmc = informe(copia(tmp_path, PMC), "-t", "rendicion", "-f", "html", "--fecha", FECHA)
    assert "<h1>Comunicación de resultados 2025-2026</h1>" in pmc
    assert "<h3>Problemática 1</h3>" in pmc
    assert '<strong class="verbo">Fortalecer</strong> el cálculo mental' in pmc
    assert ('<th scope="col">Meta</th><th scope="col">Indicador</th><th scope="col">Fórmula</th>'
            in pmc)
    assert ('<td class="formula">Alumnos de 3° a 6° en nivel esperado ÷ alumnos de 3° a 6° '
            'evaluados × 100</td>') in pmc
    assert ('<span class="etiqueta">Evidencia esperada:</span> Registro de libros leídos por grupo '
            'y las respuestas de los alumnos en sus cuadernos.') in pmc
    assert ('<p><span class="etiqueta">Lo que queda pendiente:</span> La comprensión lectora no '
            'llegó a 60 %; falta trabajar la inferencia.</p>') in pmc
    assert "<tr><th scope=\"row\">Comité de Planeación y Evaluación</th><td>Integrado (CPE)</td></tr>" in pmc


def test_los_textos_nuevos_de_cada_marco_no_llevan_datos_de_personas(tmp_path):
    ruta = copia(tmp_path, PMC)
    reemplazar(ruta / "acciones.yaml", "evidencia_esperada: Registro de libros leídos por grupo",
               "evidencia_esperada: Registro de Adriana Muñoz Hernández de libros leídos por grupo")
    reemplazar(ruta / "bitacora.yaml", "pendientes: La comprensión lectora no llegó a 60 %",
               "pendientes: Irma Zempoalteca Ruiz y DOC3 dicen que la comprensión lectora no llegó a 60 %")
    reemplazar(ruta / "diagnostico.yaml", "La mayoría de las familias",
               "Juan Pérez López, vecino, dice que la mayoría de las familias")
    nombres = ("Adriana Muñoz Hernández", "Irma Zempoalteca Ruiz", "Juan Pérez López", "DOC3")
    for formato in ("md", "html"):
        texto = informe(ruta, "-t", "rendicion", "-f", formato, "--fecha", FECHA, "--con-errores")
        for nombre in nombres:
            assert nombre not in texto, nombre
        assert "Registro de docente de 3°A de libros leídos por grupo" in texto
        assert "Docente de 5°A y docente de 3°A dicen que la comprensión lectora" in texto
    autoridad = informe(ruta, "-t", "rendicion", "-a", "autoridad", "--fecha", FECHA,
                        "--con-errores")
    assert "Irma Zempoalteca Ruiz y DOC3 dicen" in autoridad
    # El responsable del seguimiento (PEMC) también va por su función.
    pemc = informe(copia(tmp_path, PEMC), "-t", "rendicion", "--fecha", FECHA)
    assert "Ricardo Peña Aguilar" not in pemc and "Seguimiento: Subdirección." in pemc
    pemc_autoridad = informe(tmp_path / PEMC.name, "-t", "rendicion", "-a", "autoridad",
                             "--fecha", FECHA)
    assert "Seguimiento: Ricardo Peña Aguilar (subdirección)." in pemc_autoridad


def test_planeacion_de_cada_marco(tmp_path):
    pemc = informe(copia(tmp_path, PEMC), "--tipo", "planeacion", "--fecha", FECHA).splitlines()
    assert pemc[1] == "# Planeación 2024-2025 a 2025-2026"
    assert ("Lo que el Consejo Técnico Escolar planeó en su Programa Escolar de Mejora Continua de "
            "los ciclos escolares 2024-2025 a 2025-2026: diagnóstico, ámbitos, objetivos, metas y "
            "acciones con sus responsables, recursos, costos y tiempos.") in pemc
    assert "### Acciones del ámbito 1" in pemc
    assert any(l.startswith("| **M2** (ciclo 2025-2026) Aumentar de 47 % a 58 %") for l in pemc)
    assert any(l.startswith("| **A1** Círculos de lectura") and "(1° a 3°)); seguimiento: "
               "Ricardo Peña Aguilar (subdirección) |" in l for l in pemc)
    pmc = informe(copia(tmp_path, PMC), "--tipo", "planeacion", "--fecha", FECHA).splitlines()
    assert "## Diagnóstico socioeducativo" in pmc and "## Problemática 1" in pmc
    assert "### Acciones de la problemática 1" in pmc
    assert ("- **¿Qué queremos lograr?** **Fortalecer** el cálculo mental y la resolución de "
            "problemas con material concreto y retos diarios en todos los grupos.") in pmc
    assert any(l.startswith("| **A1** Lectura diaria") and "(meta M1) Evidencia esperada: "
               "Registro de libros leídos por grupo y las respuestas de los alumnos en sus "
               "cuadernos. |" in l for l in pmc)


@pytest.mark.parametrize("tipo", ["rendicion", "seguimiento"])
def test_un_informe_de_antes_del_ciclo_lo_avisa(tipo):
    """«Datos al 1 de enero de 2024» con el diagnóstico de agosto de 2025 salía sin más: el
    informe se hace (la Ruta como está escrita) y stderr dice que la fecha es de antes del
    ciclo. La planeación sí puede ser de antes (se escribe en las vacaciones): sin aviso."""
    r = runner.invoke(app, ["informe", str(EJEMPLO), "-t", tipo, "--fecha", "2024-01-01"])
    assert r.exit_code == 0, r.output
    assert r.stderr == ("ruta: aviso: la fecha 2024-01-01 es anterior al ciclo 2025-2026, que "
                        "empieza el 25 de agosto de 2025: el informe muestra la Ruta como está "
                        "escrita, sin seguimiento. ¿Querías una fecha del ciclo?\n")
    planeacion = runner.invoke(app, ["informe", str(EJEMPLO), "-t", "planeacion", "--fecha", "2025-07-01"])
    assert planeacion.exit_code == 0 and planeacion.stderr == "", planeacion.output
