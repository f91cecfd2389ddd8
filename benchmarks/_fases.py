"""Corre ``ruta ARGUMENTOS…`` dentro de este proceso y mide su tiempo por fase (lo usa ``comparar.py``).

Se corre con el Python del entorno que se mide (el de la base o el del árbol de trabajo):

    python -X importtime benchmarks/_fases.py --resultado R.json -- validar CARPETA --fecha …
    python benchmarks/_fases.py --perfil --resultado R.json -- validar CARPETA --fecha …

Escribe en ``R.json`` el tiempo dentro del proceso (de importar el punto de entrada de ``ruta``
a que termina) y su código de salida. Antes y después escribe en stderr las marcas
``MARCA inicio`` y ``MARCA fin``: lo que ``-X importtime`` escribe entre ellas son las
importaciones de ``ruta``, no las del arranque de Python ni las de este script.

Con ``--perfil``, además, ``sys.setprofile`` reparte el tiempo en fases según el archivo de
cada función que corre (ver ``fase_de``). No usa ningún nombre interno de ``rutamejora``:
encuentra el comando por su punto de entrada instalado (``ruta``) y reconoce las fases por el
nombre final del archivo, así que sirve igual con ``rutamejora/lectura.py`` (módulos planos,
la base) que con ``rutamejora/formato/lectura.py`` (paquetes por capa).

Solo biblioteca estándar, y nada de ``benchmarks/`` (no debe importar ``rutamejora`` antes de
tiempo).
"""

from __future__ import annotations

import argparse
import importlib
import json
import sys
import time
from importlib.metadata import entry_points

MARCA = "@@ruta-banco"
RESTO = "otros"
IMPORTACIONES = "importaciones"

# Los módulos de reglas que no son una familia: el motor que las corre, el catálogo que las
# describe y las que deciden qué se informa (supresiones, ajustes, omisiones).
_MOTOR = {"__init__", "base", "registro", "validacion", "catalogo", "supresiones", "ajustes", "lote",
          "omisiones"}


def fase_de(archivo: str, funcion: str) -> tuple[str, bool] | None:
    """La fase de una función por el archivo donde vive: ``(fase, fija)`` o ``None`` (la hereda).

    Una fase *fija* se queda con todo lo que se llama debajo de ella (una familia de reglas
    paga lo que consulta del modelo; la salida, lo que dibuja Rich). Las demás ceden a la fase
    de lo que llaman (la carga llama a la lectura: eso es parseo, no estructura). Lo que no es
    de ``rutamejora`` (Typer, ruamel, la biblioteca estándar) y los módulos auxiliares (modelo,
    textos, problemas, núcleo) heredan la fase de quien los llama.
    """
    if archivo.startswith("<frozen importlib") or funcion == "<module>":
        return IMPORTACIONES, True
    archivo = archivo.replace("\\", "/")
    i = archivo.rfind("/rutamejora/")
    if i < 0:
        return None
    partes = archivo[i + len("/rutamejora/"):].split("/")
    nombre = partes[-1].rsplit(".", 1)[0]
    carpeta = partes[-2] if len(partes) > 1 else ""
    if carpeta == "reglas":
        return ("reglas: motor", False) if nombre in _MOTOR else (f"reglas: {nombre}", True)
    if nombre in _MOTOR - {"__init__", "base", "catalogo"}:   # la validación con módulos planos
        return "reglas: motor", False
    if carpeta == "catalogos" or nombre == "catalogos":
        return "catálogos", False
    if nombre == "lectura":
        return "parseo", False
    if nombre in ("carga", "estructura", "esquema"):
        return "estructura", False
    if carpeta == "salida":
        return "salida", True
    if carpeta == "commands":
        return "CLI: Typer, Click y comandos", False
    return None


def con_perfil(funcion) -> dict[str, float]:
    """Corre ``funcion()`` bajo ``sys.setprofile`` y devuelve los segundos de cada fase.

    Cada evento ``call`` apila la fase de la función que entra (o la de arriba, si esa hereda
    o si la de arriba es fija) y cada ``return`` la desapila; el tiempo entre dos eventos se
    cuenta para la fase de la cima. Las funciones en C no generan ``call``: su tiempo queda en
    la fase de quien las llamó (el analizador de ruamel.yaml.clib, en parseo).
    """
    acumulado: dict[str, float] = {}
    pila: list[tuple[str, bool]] = [(RESTO, False)]
    clasificadas: dict = {}
    reloj = time.perf_counter
    ultimo = [reloj()]

    def gancho(marco, evento, _arg):
        if evento == "call":
            ahora = reloj()
            fase, fija = pila[-1]
            acumulado[fase] = acumulado.get(fase, 0.0) + ahora - ultimo[0]
            ultimo[0] = ahora
            if not fija:
                codigo = marco.f_code
                nueva = clasificadas.get(codigo, False)
                if nueva is False:
                    nueva = clasificadas[codigo] = fase_de(codigo.co_filename, codigo.co_name)
                if nueva is not None:
                    fase, fija = nueva
            pila.append((fase, fija))
        elif evento == "return":
            ahora = reloj()
            fase = pila[-1][0]
            acumulado[fase] = acumulado.get(fase, 0.0) + ahora - ultimo[0]
            ultimo[0] = ahora
            if len(pila) > 1:
                pila.pop()

    sys.setprofile(gancho)
    try:
        funcion()
    finally:
        sys.setprofile(None)
    acumulado[pila[-1][0]] = acumulado.get(pila[-1][0], 0.0) + reloj() - ultimo[0]
    return acumulado


def main() -> int:
    analizador = argparse.ArgumentParser(description="Mide `ruta …` dentro de este proceso.")
    analizador.add_argument("--resultado", required=True, help="archivo JSON donde escribir")
    analizador.add_argument("--perfil", action="store_true", help="repartir el tiempo por fases")
    analizador.add_argument("argumentos", nargs=argparse.REMAINDER,
                            help="los de `ruta` (después de --)")
    args = analizador.parse_args()
    argumentos = args.argumentos[1:] if args.argumentos[:1] == ["--"] else args.argumentos
    # El punto de entrada se busca antes de empezar a contar (importlib.metadata cuesta).
    (punto,) = entry_points(group="console_scripts", name="ruta")
    modulo, _, atributo = punto.value.partition(":")

    codigo = [0]

    def correr():
        principal = getattr(importlib.import_module(modulo), atributo)
        try:
            principal()
        except SystemExit as exc:
            codigo[0] = exc.code if isinstance(exc.code, int) else (0 if exc.code is None else 1)

    sys.argv = ["ruta", *argumentos]
    print(f"{MARCA} inicio", file=sys.stderr, flush=True)
    inicio = time.perf_counter()
    fases = con_perfil(correr) if args.perfil else None
    if fases is None:
        correr()
    total = time.perf_counter() - inicio
    sys.stdout.flush()
    print(f"{MARCA} fin", file=sys.stderr, flush=True)
    resultado = {"total_ms": total * 1000, "codigo": codigo[0]}
    if fases is not None:
        resultado["fases_ms"] = {f: s * 1000 for f, s in sorted(fases.items())}
    with open(args.resultado, "w", encoding="utf-8") as archivo:
        json.dump(resultado, archivo, ensure_ascii=False, indent=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
