"""Mide el detector de privacidad sobre el corpus etiquetado de ``tests/datos/privacidad/``.

Imprime, para la mitad de desarrollo, la de reserva y el corpus completo, la exhaustividad
(recall) y la precisión por clase y en total, cuántos tramos coinciden exactos y cuántos
detalles de salud llevan la gravedad esperada; luego el costo por frase y el de detectar sobre
todos los textos (valores y comentarios) de la Ruta de ejemplo.

Cómo se cuenta (lo mismo afirman las pruebas de ``tests/privacidad/``):
- un dato etiquetado está **encontrado** si un hallazgo de su clase se le encima; uno de salud,
  además, con la gravedad esperada;
- un hallazgo es **correcto** si se le encima un dato etiquetado de su clase; si no, es una
  falsa alarma;
- un tramo es **exacto** si algún hallazgo empieza y termina donde el dato.

Uso:
    python benchmarks/privacidad.py [--repeticiones 20] [--errores]
    python benchmarks/privacidad.py --archivo OTRO.yaml   # solo ese archivo, con sus fallas
"""

from __future__ import annotations

import argparse
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

RAIZ = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(RAIZ))

from rutamejora.privacidad import CLASES, SALUD, detectar  # noqa: E402

CORPUS = RAIZ / "tests" / "datos" / "privacidad"
MITADES = ("desarrollo", "reserva")
EJEMPLO = RAIZ / "ejemplos" / "primaria-2025-2026"


@dataclass
class Frase:
    texto: str
    datos: list[tuple[str, int, int, str | None]]  # (clase, inicio, fin, gravedad)
    personal: tuple[str, ...]
    contexto: str | None
    origen: str = ""


def cargar(mitad: str | Path) -> list[Frase]:
    """Las frases de una mitad del corpus (o de otro archivo con la misma forma), con la
    posición de cada dato etiquetado."""
    from ruamel.yaml import YAML

    archivo = mitad if isinstance(mitad, Path) else CORPUS / f"{mitad}.yaml"
    datos = YAML(typ="safe").load(archivo.read_text(encoding="utf-8"))
    personal = tuple(datos.get("personal") or ())
    frases = []
    for f in datos["frases"]:
        texto = f["texto"]
        vistos: dict[str, int] = {}
        etiquetas = []
        for d in f.get("datos") or ():
            tramo = d["tramo"]
            inicio = -1
            for _ in range(vistos.get(tramo, 0) + 1):
                inicio = texto.index(tramo, inicio + 1)
            vistos[tramo] = vistos.get(tramo, 0) + 1
            etiquetas.append((d["clase"], inicio, inicio + len(tramo), d.get("gravedad")))
        frases.append(Frase(texto, etiquetas, tuple(f.get("personal") or personal),
                            f.get("contexto"), f.get("origen", "")))
    return frases


@dataclass
class Cuenta:
    datos: int = 0
    encontrados: int = 0
    hallazgos: int = 0
    correctos: int = 0
    exactos: int = 0
    gravedad_ok: int = 0

    @property
    def recall(self) -> float:
        return self.encontrados / self.datos if self.datos else 1.0

    @property
    def precision(self) -> float:
        return self.correctos / self.hallazgos if self.hallazgos else 1.0


@dataclass
class Resultado:
    por_clase: dict[str, Cuenta] = field(default_factory=lambda: {c: Cuenta() for c in CLASES})
    fallas: list[str] = field(default_factory=list)

    @property
    def total(self) -> Cuenta:
        t = Cuenta()
        for c in self.por_clase.values():
            for campo in ("datos", "encontrados", "hallazgos", "correctos", "exactos",
                          "gravedad_ok"):
                setattr(t, campo, getattr(t, campo) + getattr(c, campo))
        return t


def _encima(a0: int, a1: int, b0: int, b1: int) -> bool:
    return a0 < b1 and b0 < a1


def evaluar(frases: list[Frase]) -> Resultado:
    """Compara lo que detecta el detector con lo etiquetado, frase por frase."""
    r = Resultado()
    for f in frases:
        hallados = detectar(f.texto, personal=f.personal, contexto=f.contexto)
        for clase, inicio, fin, gravedad in f.datos:
            cuenta = r.por_clase[clase]
            cuenta.datos += 1
            suyos = [h for h in hallados if h.clase == clase and _encima(h.inicio, h.fin, inicio, fin)]
            if any(h.inicio == inicio and h.fin == fin for h in suyos):
                cuenta.exactos += 1
            if clase == SALUD and any(h.gravedad == gravedad for h in suyos):
                cuenta.gravedad_ok += 1
            if suyos and (clase != SALUD or any(h.gravedad == gravedad for h in suyos)):
                cuenta.encontrados += 1
            else:
                que = f"{suyos[0].gravedad} en vez de {gravedad}" if suyos else "no encontrado"
                r.fallas.append(f"falta {clase} «{f.texto[inicio:fin]}» ({que}) en: {f.texto}")
        for h in hallados:
            cuenta = r.por_clase[h.clase]
            cuenta.hallazgos += 1
            if any(c == h.clase and _encima(h.inicio, h.fin, i, j) for c, i, j, _ in f.datos):
                cuenta.correctos += 1
            else:
                r.fallas.append(f"falsa alarma {h.clase} «{h.texto}» en: {f.texto}")
    return r


def tabla(nombre: str, r: Resultado) -> str:
    renglones = [f"### {nombre}", "",
                 "| clase | datos | encontrados | recall | hallazgos | correctos | precisión | tramos exactos |",
                 "|---|---:|---:|---:|---:|---:|---:|---:|"]
    for clase, c in [*r.por_clase.items(), ("total", r.total)]:
        renglones.append(f"| {clase} | {c.datos} | {c.encontrados} | {c.recall:.3f} | "
                         f"{c.hallazgos} | {c.correctos} | {c.precision:.3f} | {c.exactos} |")
    salud = r.por_clase[SALUD]
    renglones += ["", f"Salud con la gravedad esperada: {salud.gravedad_ok} de {salud.datos}."]
    return "\n".join(renglones)


def textos_del_ejemplo(carpeta: Path = EJEMPLO) -> list[tuple[str, str | None]]:
    """(texto, contexto) de cada valor de texto y de cada comentario de los YAML de una Ruta."""
    import re

    from ruamel.yaml import YAML

    yaml = YAML(typ="safe", pure=False)
    textos: list[tuple[str, str | None]] = []

    def recorrer(nodo, clave=None):
        if isinstance(nodo, dict):
            for k, v in nodo.items():
                recorrer(v, str(k))
        elif isinstance(nodo, list):
            for v in nodo:
                recorrer(v, clave)
        elif isinstance(nodo, str) and nodo:
            textos.append((nodo, "codigos" if clave == "codigos" else None))

    for archivo in sorted(carpeta.glob("*.yaml")):
        crudo = archivo.read_text(encoding="utf-8")
        recorrer(yaml.load(crudo))
        textos += [(m.group(1), None) for m in re.finditer(r"(?:^|[ \t])#(.*)$", crudo, re.M)]
    return textos


def personal_del_ejemplo(carpeta: Path = EJEMPLO) -> tuple[str, ...]:
    """Los nombres del colectivo y de la comunidad de la Ruta (lo que una regla le pasaría)."""
    from ruamel.yaml import YAML

    ruta = YAML(typ="safe").load((carpeta / "ruta.yaml").read_text(encoding="utf-8"))
    return tuple(str(p["nombre"]) for p in (ruta.get("colectivo") or []) + (ruta.get("comunidad") or [])
                 if isinstance(p, dict) and p.get("nombre"))


def _cronometrar(llamadas, repeticiones: int) -> float:
    """El mínimo, en segundos de CPU del proceso, de ``repeticiones`` pasadas por todas las
    llamadas. Tiempo de CPU y no de pared: en una máquina compartida, el de pared mide también
    a los demás procesos."""
    mejor = float("inf")
    for _ in range(repeticiones):
        t0 = time.process_time()
        for texto, personal, contexto in llamadas:
            detectar(texto, personal=personal, contexto=contexto)
        mejor = min(mejor, time.process_time() - t0)
    return mejor


def main() -> int:
    argumentos = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    argumentos.add_argument("--repeticiones", type=int, default=20)
    argumentos.add_argument("--errores", action="store_true",
                            help="Lista cada dato no encontrado y cada falsa alarma.")
    argumentos.add_argument("--mitad", choices=MITADES, help="Solo esta mitad en --errores.")
    argumentos.add_argument("--archivo", type=Path,
                            help="Mide solo este archivo (la forma del corpus) y lista sus fallas.")
    opciones = argumentos.parse_args()
    if opciones.archivo:
        r = evaluar(cargar(opciones.archivo))
        print(tabla(str(opciones.archivo), r))
        print()
        print("\n".join(r.fallas) or "(sin fallas)")
        return 0

    t0 = time.process_time()
    detectar("Carga de catálogos: la primera llamada paga leerlos.")
    carga = time.process_time() - t0
    mitades = {m: cargar(m) for m in MITADES}
    todas = [f for m in MITADES for f in mitades[m]]
    for nombre, frases in [*mitades.items(), ("completo", todas)]:
        r = evaluar(frases)
        print(tabla(f"{nombre} ({len(frases)} frases, {sum(bool(f.datos) for f in frases)} con datos)", r))
        print()
        if opciones.errores and nombre == (opciones.mitad or nombre) and nombre != "completo":
            print("\n".join(r.fallas) or "(sin fallas)")
            print()

    llamadas = [(f.texto, f.personal, f.contexto) for f in todas]
    segundos = _cronometrar(llamadas, opciones.repeticiones)
    print(f"Costo por frase del corpus: {segundos / len(llamadas) * 1e6:.1f} µs "
          f"(mínimo de {opciones.repeticiones} pasadas por {len(llamadas)} frases).")
    ejemplo = [(t, personal_del_ejemplo(), c) for t, c in textos_del_ejemplo()]
    segundos = _cronometrar(ejemplo, opciones.repeticiones)
    print(f"Ruta de ejemplo ({EJEMPLO.relative_to(RAIZ)}): {len(ejemplo)} textos en "
          f"{segundos * 1e3:.2f} ms ({segundos / len(ejemplo) * 1e6:.1f} µs por texto).")
    print(f"Carga de los catálogos (una vez por proceso): {carga * 1e3:.1f} ms.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
