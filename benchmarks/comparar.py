"""Compara la velocidad de una versión fija de ``ruta`` (la base) con la del árbol de trabajo, lado a lado.

Uso (desde cualquier Python 3.10+; no hace falta tener ``rutamejora`` instalado):
    python benchmarks/comparar.py [--base a2805ce] [--rapido] [--solo validar,fases,…] [--json R.json]

Instala la base (un commit, por omisión ``a2805ce``) y una copia del árbol de trabajo en dos
entornos virtuales propios en ``~/.cache/ruta-bancos/`` (``_entornos.py``; se reutilizan entre
corridas) y mide, siempre intercalando las corridas (base, actual, base, actual… en orden
rotado) y tomando medianas:

- ``validar``: el tiempo de pared de ``ruta validar`` en cada ejemplo de ``ejemplos/``, junto al
  piso (``piso.py``: un CLI de Typer que lee los mismos archivos), como razón contra el piso.
- ``fases``: el tiempo dentro del proceso de ``ruta validar`` en el ejemplo de primaria, por fase
  (``_fases.py``): importaciones por paquete (``-X importtime``) y, con ``sys.setprofile``,
  catálogos, parseo, estructura, cada familia de reglas, salida y la CLI, agrupados por el
  nombre del archivo de cada función (sirve con módulos planos y con paquetes por capa). El
  perfilador infla el tiempo; de él se toma solo la proporción de cada fase, que se aplica al
  tiempo sin perfilador (el de la corrida con ``-X importtime``, menos sus importaciones).
- ``copias``: CPU (usuario + sistema) y memoria pico de ``ruta validar`` sobre una carpeta con
  100 y 1 000 copias del ejemplo de primaria (una zona, ``generar.py --zona``).
- ``agregar``: ``ruta bitacora agregar`` (un acuerdo) con bitácoras de 10, 1 000 y 10 000
  entradas (``generar.py --bitacora``); cada corrida sobre una copia nueva de la Ruta.
- ``informe``: ``ruta informe --tipo rendicion`` en HTML con el ejemplo a 1×, 10× y 100×
  (``generar.py --factor``); dice además si base y actual escriben el mismo archivo.

Imprime una tabla por parte en la terminal; con ``--json`` guarda además los números crudos de
cada corrida. ``--rapido`` hace menos rondas. No es una prueba: nada de esto corre en pytest ni
en la CI. Ver docs/rendimiento.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path

AQUI = Path(__file__).resolve().parent
sys.path.insert(0, str(AQUI))

import _entornos  # noqa: E402  (viven junto a este archivo)
from _comun import (FECHA, RAIZ, Medida, aviso, carga, correr, filas_importtime, kb,  # noqa: E402
                    total_importtime)
from _fases import IMPORTACIONES, MARCA  # noqa: E402

PARTES = ("validar", "fases", "copias", "agregar", "informe")
PRIMARIA = RAIZ / "ejemplos" / "primaria-2025-2026"
ACUERDO = "Acuerdo agregado por benchmarks/comparar.py."
FECHA_AGREGAR = "2026-06-30"

# Rondas por caso: (completo, --rapido). Los casos grandes tardan decenas de segundos cada uno.
RONDAS = {
    "calentamiento": (2, 1),
    "validar": (15, 5),
    "fases": (7, 3),
    "copias": ({100: 5, 1000: 3}, {100: 3, 1000: 1}),
    "agregar": ({10: 9, 1000: 5, 10000: 3}, {10: 3, 1000: 3, 10000: 1}),
    "informe": ({1: 9, 10: 5, 100: 3}, {1: 3, 10: 3, 100: 1}),
}

# En ``copias``: la versión actual con ``--procesos 1``.
UN_PROCESO = "actual con --procesos 1"

# Las importaciones, por el paquete de arriba de cada módulo (tiempo propio: sin contar doble).
_GRUPOS = {"typer": "Typer y Click", "click": "Typer y Click", "shellingham": "Typer y Click",
           "rich": "Rich", "pygments": "Rich", "markdown_it": "Rich", "mdurl": "Rich",
           "ruamel": "ruamel.yaml", "_ruamel_yaml": "ruamel.yaml",
           "jinja2": "Jinja2", "markupsafe": "Jinja2", "rutamejora": "rutamejora"}
_OTRAS = "biblioteca estándar y otras"


# --- Números y tablas -----------------------------------------------------------------------


def mediana(valores) -> float:
    valores = [v for v in valores if v is not None]
    return statistics.median(valores) if valores else float("nan")


def _ms(valor: float) -> str:
    if valor != valor:   # NaN: no hay dato
        return "—"
    if abs(valor) >= 1000:   # miles separados con un espacio, como se escriben en México
        return f"{valor:,.0f}".replace(",", " ")
    return f"{valor:.2f}" if abs(valor) < 10 else f"{valor:.1f}"


def _razon(a: float, b: float) -> str:
    return f"{a / b:.2f}×" if b and a == a and b == b else "—"


def tabla(titulo: str, encabezados: list[str], filas: list[list[str]], notas=()) -> str:
    """Una tabla de texto con columnas alineadas (la primera a la izquierda, las demás a la derecha)."""
    anchos = [max(len(str(f[i])) for f in [encabezados, *filas]) for i in range(len(encabezados))]

    def linea(celdas):
        return "  ".join(str(c).ljust(anchos[0]) if i == 0 else str(c).rjust(anchos[i])
                         for i, c in enumerate(celdas)).rstrip()

    separador = "  ".join("-" * a for a in anchos)
    return "\n".join([titulo, "", linea(encabezados), separador, *map(linea, filas), *notas])


def intercalar(programas: dict, rondas: int, calentamiento: int = 0) -> dict[str, list[Medida]]:
    """Corre cada programa (una función sin argumentos que devuelve una ``Medida``) ``rondas``
    veces, rotando el orden en cada ronda para que una racha de carga no caiga siempre sobre
    el mismo; antes, ``calentamiento`` corridas de cada uno que no cuentan."""
    nombres = list(programas)
    for _ in range(calentamiento):
        for nombre in nombres:
            programas[nombre]()
    medidas: dict[str, list[Medida]] = {n: [] for n in nombres}
    for ronda in range(rondas):
        k = ronda % len(nombres)
        for nombre in nombres[k:] + nombres[:k]:
            medidas[nombre].append(programas[nombre]())
    return medidas


# --- Las mediciones -------------------------------------------------------------------------


class Comparacion:
    """Las dos versiones instaladas, la carpeta temporal y lo que se va midiendo."""

    def __init__(self, base, actual, tmp: Path, rapido: bool):
        self.versiones = {"base": base, "actual": actual}
        self.tmp = tmp
        self.rondas = {clave: valores[1 if rapido else 0] for clave, valores in RONDAS.items()}
        self.env = _entornos.entorno_limpio()
        self.notas: list[str] = []

    def _ruta(self, nombre: str, *argumentos) -> Callable[[], Medida]:
        comando = [self.versiones[nombre].ruta, *map(str, argumentos)]
        return lambda: correr(comando, cwd=self.tmp, env=self.env)

    def _generar(self, destino: Path, *opciones) -> Path:
        """``generar.py`` con el Python del árbol de trabajo (importa su ``rutamejora``)."""
        shutil.rmtree(destino, ignore_errors=True)
        subprocess.run([self.versiones["actual"].python, str(AQUI / "generar.py"), str(PRIMARIA),
                        str(destino), *map(str, opciones)], check=True, env=self.env, cwd=self.tmp,
                       stderr=subprocess.DEVNULL)
        return destino

    def _revisar(self, que: str, medidas: dict[str, list[Medida]]) -> None:
        for nombre, lista in medidas.items():
            codigos = sorted({m.codigo for m in lista if m.codigo != 0})
            if codigos:
                self.notas.append(f"ojo: {que}: {nombre} salió con {codigos} en alguna corrida.")

    def _medir(self, que: str, programas: dict, rondas: int, calentamiento: int = 0) -> dict:
        aviso(f"midiendo {que} ({rondas} rondas)…")
        medidas = intercalar(programas, rondas, calentamiento)
        self._revisar(que, medidas)
        return medidas

    def validar(self) -> tuple[dict, str]:
        ejemplos = sorted(p for p in (RAIZ / "ejemplos").iterdir() if (p / "ruta.yaml").is_file())
        crudo, filas, filas_cpu = {}, [], []
        for ejemplo in ejemplos:
            programas = {n: self._ruta(n, "validar", ejemplo, "--fecha", FECHA) for n in self.versiones}
            piso = [self.versiones["actual"].python, str(AQUI / "piso.py"), str(ejemplo)]
            programas["piso"] = lambda: correr(piso, cwd=self.tmp, env=self.env)
            medidas = self._medir(f"validar {ejemplo.name}", programas, self.rondas["validar"],
                                  self.rondas["calentamiento"])
            crudo[ejemplo.name] = {n: [asdict(m) for m in ms] for n, ms in medidas.items()}
            p, b, a = (mediana(m.pared_ms for m in medidas[n]) for n in ("piso", "base", "actual"))
            filas.append([ejemplo.name, f"{kb(ejemplo):.0f}", _ms(p), _ms(b), _razon(b, p),
                          _ms(a), _razon(a, p), _razon(a, b)])
            if all(m.cpu_ms is not None for ms in medidas.values() for m in ms):
                p, b, a = (mediana(m.cpu_ms for m in medidas[n]) for n in ("piso", "base", "actual"))
                filas_cpu.append([ejemplo.name, f"{kb(ejemplo):.0f}", _ms(p), _ms(b), _razon(b, p),
                                  _ms(a), _razon(a, p), _razon(a, b)])
        columnas = ["ejemplo", "KB", "piso", "base", "base/piso", "actual", "actual/piso", "actual/base"]
        texto = tabla(f"a) ruta validar por ejemplo: ms de pared (mediana de {self.rondas['validar']}), "
                      "razón contra el piso", columnas, filas)
        if filas_cpu:
            # Con la máquina ocupada la pared sube y se vuelve ruidosa; la CPU del proceso mucho menos.
            texto += "\n\n" + tabla(f"a') lo mismo en CPU de usuario + sistema (ms, mediana de "
                                     f"{self.rondas['validar']})", columnas, filas_cpu)
        return crudo, texto

    def _en_proceso(self, nombre: str, perfil: bool) -> dict:
        """Una corrida de ``_fases.py`` con el Python de ``nombre``."""
        resultado = self.tmp / "fases.json"
        comando = [self.versiones[nombre].python, *([] if perfil else ["-X", "importtime"]),
                   str(AQUI / "_fases.py"), "--resultado", str(resultado),
                   *(["--perfil"] if perfil else []), "--", "validar", str(PRIMARIA), "--fecha", FECHA]
        inicio = time.perf_counter()
        r = subprocess.run(comando, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True,
                           env=self.env, cwd=self.tmp)
        pared = (time.perf_counter() - inicio) * 1000
        if r.returncode != 0 or not resultado.is_file():
            raise SystemExit(f"error: {' '.join(comando)} falló:\n{r.stderr[-3000:]}")
        datos = json.loads(resultado.read_text(encoding="utf-8"))
        resultado.unlink()
        datos["pared_ms"] = pared
        if not perfil:
            tramo = r.stderr.split(f"{MARCA} inicio", 1)[1].split(f"{MARCA} fin", 1)[0]
            filas = filas_importtime(tramo)
            datos["importaciones_ms"] = total_importtime(filas) / 1000
            grupos: dict[str, float] = {}
            for _, propio, modulo in filas:
                grupo = _GRUPOS.get(modulo.strip().split(".")[0], _OTRAS)
                grupos[grupo] = grupos.get(grupo, 0.0) + propio / 1000
            datos["importaciones_por_grupo_ms"] = grupos
        return datos

    @staticmethod
    def _filas_de_ronda(simple: dict, perfil: dict) -> dict[str, float]:
        """Los ms de cada fila de la tabla de fases en una ronda (una corrida de cada tipo)."""
        filas = {"importaciones": simple["importaciones_ms"]}
        filas.update({f"  {g}": ms for g, ms in simple["importaciones_por_grupo_ms"].items()})
        fases = {f: ms for f, ms in perfil["fases_ms"].items() if f != IMPORTACIONES}
        trabajo = sum(fases.values()) or 1.0
        resto = max(0.0, simple["total_ms"] - simple["importaciones_ms"])
        filas.update({f: ms / trabajo * resto for f, ms in fases.items()})
        filas["dentro del proceso (total)"] = simple["total_ms"]
        filas["proceso completo (pared, con -X importtime)"] = simple["pared_ms"]
        return filas

    def fases(self) -> tuple[dict, str]:
        rondas = self.rondas["fases"]
        aviso(f"midiendo fases de validar {PRIMARIA.name} ({rondas} rondas)…")
        crudo: dict[str, list] = {n: [] for n in self.versiones}
        for ronda in range(rondas):
            orden = list(self.versiones)[ronda % 2:] + list(self.versiones)[:ronda % 2]
            for nombre in orden:
                crudo[nombre].append({"importtime": self._en_proceso(nombre, False),
                                      "perfil": self._en_proceso(nombre, True)})
        por_ronda = {n: [self._filas_de_ronda(c["importtime"], c["perfil"]) for c in corridas]
                     for n, corridas in crudo.items()}
        filas_vistas = {f for lista in por_ronda.values() for r in lista for f in r}
        filas = []
        for fila in sorted(filas_vistas, key=_orden_de_fila):
            b, a = (mediana(r.get(fila, 0.0) for r in por_ronda[n]) for n in ("base", "actual"))
            filas.append([fila, _ms(b), _ms(a), _ms(a - b), _razon(a, b)])
        notas = ["", "Las fases de «catálogos» a «otros» reparten el tiempo sin perfilador (dentro del "
                 "proceso menos importaciones)", "según la proporción medida con sys.setprofile; "
                 "cada familia de reglas incluye lo que consulta del modelo."]
        texto = tabla(f"b) ruta validar {PRIMARIA.name} por fase: ms dentro del proceso "
                      f"(mediana de {rondas})", ["fase", "base", "actual", "actual−base", "actual/base"],
                      filas, notas)
        return crudo, texto

    def _tabla_recursos(self, titulo, caso, casos: list[tuple[str, str, dict]], notas=()) -> str:
        """Filas de pared, CPU y memoria pico de base y actual para cada caso."""
        filas = []
        for etiqueta, tamano, medidas in casos:
            fila = [etiqueta, tamano]
            valores = {}
            for nombre in ("base", "actual"):
                valores[nombre] = [mediana(getattr(m, campo) for m in medidas[nombre])
                                   for campo in ("pared_ms", "cpu_ms", "rss_mb")]
                fila += [_ms(valores[nombre][0]), _ms(valores[nombre][1]), f"{valores[nombre][2]:.0f}"]
            fila += [_razon(valores["actual"][1], valores["base"][1]),
                     _razon(valores["actual"][2], valores["base"][2])]
            filas.append(fila)
        return tabla(titulo, [caso, "KB", "base pared", "base CPU", "base MB", "actual pared",
                              "actual CPU", "actual MB", "CPU a/b", "MB a/b"], filas, notas)

    def copias(self) -> tuple[dict, str]:
        crudo, casos, notas = {}, [], [""]
        for n, rondas in self.rondas["copias"].items():
            zona = self._generar(self.tmp / f"zona-{n}", "--zona", n)
            programas = {v: self._ruta(v, "validar", zona, "--fecha", FECHA) for v in self.versiones}
            # La base lee las Rutas en un solo proceso; la actual, por omisión, en todos los
            # núcleos. La CPU del trabajo de cada Ruta, sin la del pool ni la de dos procesos que
            # se estorban en la misma máquina, es la de un proceso: se mide también.
            programas[UN_PROCESO] = self._ruta("actual", "validar", zona, "--fecha", FECHA, "--procesos", "1")
            medidas = self._medir(f"validar {n} copias", programas, rondas)
            crudo[n] = {v: [asdict(m) for m in ms] for v, ms in medidas.items()}
            casos.append((f"{n} copias", f"{kb(zona):.0f}", medidas))
            cpu = {v: mediana(m.cpu_ms for m in medidas[v]) / n for v in medidas}
            por_ruta = [f"{v} {cpu[v]:.1f}" for v in medidas]
            notas.append(f"CPU por Ruta con {n} copias (ms): {', '.join(por_ruta)} "
                         f"(mediana de {rondas}); {UN_PROCESO} / base: {_razon(cpu[UN_PROCESO], cpu['base'])}.")
            shutil.rmtree(zona, ignore_errors=True)
        if len(crudo) == 2:
            (n1, c1), (n2, c2) = crudo.items()

            def rss(corridas, v):
                return mediana(m["rss_mb"] for m in corridas[v])

            marginal = [f"{v} {(rss(c2, v) - rss(c1, v)) / (n2 - n1) * 1024:.0f}" for v in self.versiones]
            notas.append(f"Memoria pico por cada Ruta de más (de {n1} a {n2} copias, KB): "
                         f"{', '.join(marginal)}.")
        texto = self._tabla_recursos("c) ruta validar sobre N copias del ejemplo de primaria: pared "
                                     "y CPU en ms, memoria pico en MB (medianas)", "caso", casos, notas)
        return crudo, texto

    def agregar(self) -> tuple[dict, str]:
        crudo, casos, notas = {}, [], [""]
        for n, rondas in self.rondas["agregar"].items():
            plantilla = self._generar(self.tmp / f"bitacora-{n}", "--bitacora", n)

            def programa(nombre, plantilla=plantilla):
                copia = self.tmp / f"corrida-{nombre}"
                shutil.rmtree(copia, ignore_errors=True)
                shutil.copytree(plantilla, copia)   # una copia nueva por corrida: no acumula
                return self._ruta(nombre, "bitacora", "agregar", copia, "--fecha", FECHA_AGREGAR,
                                  "--acuerdo", ACUERDO)()

            programas = {v: (lambda v=v: programa(v)) for v in self.versiones}
            medidas = self._medir(f"bitacora agregar con {n} entradas", programas, rondas)
            crudo[n] = {v: [asdict(m) for m in ms] for v, ms in medidas.items()}
            casos.append((f"{n} entradas", f"{(plantilla / 'bitacora.yaml').stat().st_size / 1024:.0f}",
                          medidas))
            iguales = _iguales(*(self.tmp / f"corrida-{v}" / "bitacora.yaml" for v in self.versiones))
            notas.append(f"{n} entradas: base y actual escriben la misma bitácora: {iguales}.")
            shutil.rmtree(plantilla, ignore_errors=True)
        texto = self._tabla_recursos("d) ruta bitacora agregar (un acuerdo): pared y CPU en ms, "
                                     "memoria pico en MB (medianas; KB: la bitácora)", "bitácora",
                                     casos, notas)
        return crudo, texto

    def informe(self) -> tuple[dict, str]:
        crudo, casos, notas = {}, [], [""]
        for factor, rondas in self.rondas["informe"].items():
            carpeta = self._generar(self.tmp / f"x{factor}", "--factor", factor)
            programas = {v: self._ruta(v, "informe", carpeta, "--tipo", "rendicion", "--fecha", FECHA,
                                       "-o", self.tmp / f"informe-{v}.html") for v in self.versiones}
            medidas = self._medir(f"informe {factor}×", programas, rondas)
            crudo[factor] = {v: [asdict(m) for m in ms] for v, ms in medidas.items()}
            casos.append((f"{factor}×", f"{kb(carpeta):.0f}", medidas))
            iguales = _iguales(*(self.tmp / f"informe-{v}.html" for v in self.versiones))
            notas.append(f"{factor}×: base y actual escriben el mismo informe: {iguales}.")
            shutil.rmtree(carpeta, ignore_errors=True)
        texto = self._tabla_recursos("e) ruta informe --tipo rendicion (HTML): pared y CPU en ms, "
                                     "memoria pico en MB (medianas)", "tamaño", casos, notas)
        return crudo, texto


def _iguales(a: Path, b: Path) -> str:
    if not (a.is_file() and b.is_file()):
        return "no se pudo comparar"
    return "sí" if a.read_bytes() == b.read_bytes() else "NO"


def _orden_de_fila(fila: str) -> tuple:
    """Las filas de la tabla de fases en el orden en que ocurren."""
    orden = ["importaciones", "  ", "catálogos", "parseo", "estructura",
             "reglas: motor", "reglas: ", "salida", "CLI", "otros", "dentro del proceso", "proceso completo"]
    return next((i for i, prefijo in enumerate(orden) if fila.startswith(prefijo)), len(orden)), fila


# --- La corrida -----------------------------------------------------------------------------


def _encabezado(base, actual, args, carga_inicial: str) -> list[str]:
    lineas = ["Comparación de velocidad: base contra árbol de trabajo", "",
              f"base:   {base.descripcion}  ({base.venv})",
              f"actual: {actual.descripcion}  ({actual.venv})",
              f"Python {platform.python_version()}, {platform.system()} {platform.machine()}, "
              f"{os.cpu_count()} núcleos; carga media (1 min) al empezar: {carga_inicial}, "
              f"al terminar: {carga()}",
              f"rondas: {'--rapido' if args.rapido else 'completas'}; corridas intercaladas "
              "(base, actual… en orden rotado), medianas"]
    if base.versiones != actual.versiones:
        distintas = sorted(set(base.versiones.items()) ^ set(actual.versiones.items()))
        lineas.append(f"ojo: las dependencias difieren: {distintas}")
    else:
        lineas.append("dependencias: las mismas versiones en los dos entornos")
    return lineas


def _partes(texto: str) -> list[str]:
    partes = [p.strip() for p in texto.split(",") if p.strip()]
    desconocidas = [p for p in partes if p not in PARTES]
    if desconocidas or not partes:
        raise argparse.ArgumentTypeError(f"partes desconocidas: {', '.join(desconocidas) or '(ninguna)'}; "
                                         f"elige de {', '.join(PARTES)}")
    return partes


def main(argv: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(
        description="Compara la velocidad de `ruta` en un commit fijo (base) y en el árbol de trabajo.")
    analizador.add_argument("--base", default="a2805ce", metavar="COMMIT",
                            help="commit contra el que se compara (por omisión a2805ce)")
    analizador.add_argument("--rapido", action="store_true", help="menos rondas por caso")
    analizador.add_argument("--solo", type=_partes, default=list(PARTES), metavar="PARTES",
                            help=f"correr solo estas partes, separadas por comas ({','.join(PARTES)})")
    analizador.add_argument("--json", type=Path, metavar="ARCHIVO", help="guardar los números crudos")
    analizador.add_argument("--cache", type=Path, default=_entornos.cache_por_omision(), metavar="CARPETA",
                            help="dónde viven los entornos virtuales (por omisión ~/.cache/ruta-bancos)")
    args = analizador.parse_args(argv)

    carga_inicial = carga()
    args.cache.mkdir(parents=True, exist_ok=True)
    base = _entornos.preparar_base(args.base, args.cache)
    actual = _entornos.preparar_actual(args.cache, base)
    crudo: dict = {}
    textos: list[str] = []
    with tempfile.TemporaryDirectory(prefix="ruta-comparar-") as tmp:
        comparacion = Comparacion(base, actual, Path(tmp), args.rapido)
        for parte in PARTES:
            if parte in args.solo:
                crudo[parte], texto = getattr(comparacion, parte)()
                textos.append(texto)
    encabezado = _encabezado(base, actual, args, carga_inicial)
    salida = "\n\n".join(["\n".join(encabezado), *textos, *(["\n".join(comparacion.notas)]
                                                              if comparacion.notas else [])])
    print(salida)
    if args.json:
        datos = {"base": {"descripcion": base.descripcion, "versiones": base.versiones},
                 "actual": {"descripcion": actual.descripcion, "versiones": actual.versiones},
                 "fecha": FECHA, "rapido": args.rapido, "rondas": comparacion.rondas,
                 "carga": {"inicio": carga_inicial, "fin": carga()}, "partes": crudo}
        args.json.write_text(json.dumps(datos, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
