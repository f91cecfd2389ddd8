"""Genera Rutas sintéticas N veces más grandes que una Ruta de origen (para medir la velocidad).

Uso:
    python benchmarks/generar.py ORIGEN DESTINO --factor 10
    python benchmarks/generar.py ORIGEN DESTINO --zona 20
    python benchmarks/generar.py ORIGEN DESTINO --bitacora 1000

Con ``--factor N``, cada lista con ids de la Ruta (necesidades del diagnóstico, prioridades,
objetivos, metas y acciones) se repite N veces con ids nuevos: la copia ``k`` (0, 1, …) suma
``k × mayor`` al número de cada id (con P1…P3 en el origen, la copia 1 tiene P4…P6). Las
referencias de cada copia (``necesidades`` de una prioridad, ``prioridad`` de un objetivo,
``objetivo`` de una meta, ``metas`` de una acción, ``accion``/``meta`` en la bitácora) se
reescriben con la misma regla, así que la Ruta escalada sigue sin errores. Los campos que son
ids o referencias se reconocen con ``rutamejora.formato.esquema`` (los tipos ``Id`` y ``Ref``), no por
su nombre.

La bitácora no cambia de entradas (mismas fechas, mismas sesiones): dentro de cada entrada se
repiten N veces los registros de acciones, las mediciones, los ajustes, los ingresos y los
acuerdos. Los montos de las fuentes del presupuesto se multiplican por N para que costos,
gastos e ingresos guarden la misma proporción que en el origen. Ninguna fecha cambia, así que
todas siguen dentro del ciclo. ``ruta.yaml`` y el resto del diagnóstico no se repiten (el
colectivo, la escuela y los aprendizajes son los mismos).

Con ``--zona N`` se arma un árbol de N escuelas, ``escuelas/<cct>/<ciclo>/``, cada una copia
exacta del origen con una CCT distinta (mismo tipo y entidad, otro consecutivo y su
verificador).

Con ``--bitacora N`` se copia el origen con una bitácora nueva de N entradas de tipo
``registro``, repartidas en orden entre la primera y la última fecha de la bitácora del origen
(varias por día si N pasa de los días): cada una registra una acción vigente ese día (en turno,
con un avance que solo sube) y un acuerdo.

El resultado es determinista: los mismos archivos de origen dan los mismos bytes. Se escribe
con ruamel.yaml en modo de ida y vuelta (conserva comentarios, comillas, estilos de bloque y
de flujo), y se comprueba que cada archivo quede bajo el límite de ``rutamejora.formato.lectura``.
"""

from __future__ import annotations

import argparse
import copy
import io
import re
import shutil
import sys
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

from ruamel.yaml import YAML

from rutamejora.formato import esquema as E
from rutamejora.nucleo.cct import verificador
from rutamejora.formato.lectura import LIMITE_BYTES

# Los tipos de objeto que se repiten, con el prefijo de su id.
PREFIJOS = {"necesidad": "N", "prioridad": "P", "objetivo": "O", "meta": "M", "accion": "A"}
_ID = re.compile(r"^([A-Z])(\d+)$")


def _yaml() -> YAML:
    """ruamel.yaml de ida y vuelta, con el estilo de los archivos del proyecto."""
    yaml = YAML()
    yaml.preserve_quotes = True
    yaml.width = 4096                      # nunca partir una línea larga
    yaml.indent(mapping=2, sequence=4, offset=2)
    # Los montos multiplicados se escriben como Decimal con dos decimales, sin comillas.
    yaml.representer.add_representer(
        Decimal, lambda r, d: r.represent_scalar("tag:yaml.org,2002:float", f"{d:.2f}"))
    return yaml


# --- Ids y referencias, guiados por el esquema ----------------------------------------------


def _recorrer(valor, tipo, visitar) -> None:
    """Recorre ``valor`` según su ``tipo`` del esquema; ``visitar(contenedor, clave, tipo)``
    se llama por cada escalar cuyo tipo es ``Id`` o ``Ref`` (lo puede reemplazar en su lugar)."""
    if isinstance(tipo, E.Objeto) and isinstance(valor, dict):
        for clave in list(valor):
            campo = tipo.campo(str(clave))
            if campo is not None:
                _visitar_campo(valor, clave, campo.tipo, visitar)
    elif isinstance(tipo, E.Lista) and isinstance(valor, list):
        for i in range(len(valor)):
            _visitar_campo(valor, i, tipo.elemento, visitar)
    elif isinstance(tipo, E.Mapa) and isinstance(valor, dict):
        for clave in list(valor):
            _visitar_campo(valor, clave, tipo.valor, visitar)
    elif isinstance(tipo, E.UnoDe):
        for alternativa in tipo.alternativas:
            _recorrer(valor, alternativa, visitar)


def _visitar_campo(contenedor, clave, tipo, visitar) -> None:
    if isinstance(tipo, (E.Id, E.Ref)):
        visitar(contenedor, clave, tipo)
    else:
        _recorrer(contenedor[clave], tipo, visitar)


def _prefijo(tipo) -> str | None:
    """El prefijo de los ids que se renumeran, o ``None`` (fuentes y responsables no)."""
    if isinstance(tipo, E.Id):
        return tipo.prefijo if tipo.prefijo in PREFIJOS.values() else None
    return PREFIJOS.get(tipo.a)


def _mayores(datos: dict) -> dict[str, int]:
    """El número de id más alto de cada prefijo en la Ruta de origen."""
    mayores = {p: 0 for p in PREFIJOS.values()}

    def visitar(contenedor, clave, tipo):
        prefijo = _prefijo(tipo)
        m = _ID.match(str(contenedor[clave]))
        if isinstance(tipo, E.Id) and prefijo and m and m.group(1) == prefijo:
            mayores[prefijo] = max(mayores[prefijo], int(m.group(2)))

    for nombre, raiz in datos.items():
        _recorrer(raiz, E.ARCHIVOS[nombre], visitar)
    return mayores


def _renumerar(valor, tipo, k: int, mayores: dict[str, int]):
    """Una copia de ``valor`` con los ids y referencias de la copia número ``k``."""
    nuevo = copy.deepcopy(valor)
    if k == 0:
        return nuevo

    def visitar(contenedor, clave, tipo_):
        prefijo = _prefijo(tipo_)
        m = _ID.match(str(contenedor[clave]))
        if prefijo and m and m.group(1) == prefijo:
            contenedor[clave] = f"{prefijo}{int(m.group(2)) + k * mayores[prefijo]}"

    envoltura = [nuevo]
    _visitar_campo(envoltura, 0, tipo, visitar)
    return envoltura[0]


def _repetir(lista, tipo_elemento, factor: int, mayores: dict[str, int]) -> None:
    """Reemplaza en su lugar los elementos de ``lista`` por ``factor`` copias renumeradas."""
    originales = list(lista)
    del lista[:]
    for k in range(factor):
        for elemento in originales:
            lista.append(_renumerar(elemento, tipo_elemento, k, mayores))


# --- Escalar una Ruta -----------------------------------------------------------------------


def escalar(datos: dict, factor: int) -> dict:
    """Aplica el escalado a los árboles de ruamel de cada archivo (en su lugar) y los devuelve."""
    mayores = _mayores(datos)

    def lista(nombre, clave, tipo_elemento, contenedor=None):
        contenedor = datos.get(nombre) if contenedor is None else contenedor
        if isinstance(contenedor, dict) and isinstance(contenedor.get(clave), list):
            _repetir(contenedor[clave], tipo_elemento, factor, mayores)

    lista("diagnostico.yaml", "necesidades", E.NECESIDAD)
    lista("prioridades.yaml", "prioridades", E.PRIORIDAD)
    lista("objetivos.yaml", "objetivos", E.OBJETIVO)
    lista("metas.yaml", "metas", E.META)
    lista("acciones.yaml", "acciones", E.ACCION)
    bitacora = datos.get("bitacora.yaml")
    for entrada in (bitacora or {}).get("entradas") or []:
        for clave, tipo in (("acciones", E.REGISTRO_ACCION), ("mediciones", E.MEDICION),
                            ("ajustes", E.AJUSTE), ("ingresos", E.INGRESO), ("acuerdos", E.TEXTO)):
            lista("bitacora.yaml", clave, tipo, contenedor=entrada)
    ruta = datos.get("ruta.yaml") or {}
    for fuente in ((ruta.get("presupuesto") or {}).get("fuentes") or []):
        if fuente.get("monto") is not None:
            fuente["monto"] = Decimal(str(fuente["monto"])) * factor
    return datos


def generar(origen: Path, destino: Path, factor: int) -> dict[str, int]:
    """Escribe en ``destino`` la Ruta ``origen`` escalada ``factor`` veces; devuelve los bytes
    de cada archivo. Con ``factor`` 1 los archivos se copian tal cual."""
    destino.mkdir(parents=True, exist_ok=True)
    tamanos: dict[str, int] = {}
    if factor == 1:
        for nombre in E.ARCHIVOS:
            if (origen / nombre).is_file():
                shutil.copyfile(origen / nombre, destino / nombre)
                tamanos[nombre] = (destino / nombre).stat().st_size
        return tamanos
    yaml = _yaml()
    datos = {nombre: yaml.load((origen / nombre).read_text(encoding="utf-8"))
             for nombre in E.ARCHIVOS if (origen / nombre).is_file()}
    escalar(datos, factor)
    for nombre, raiz in datos.items():
        salida = io.StringIO()
        yaml.dump(raiz, salida)
        crudo = salida.getvalue().encode("utf-8")
        assert len(crudo) < LIMITE_BYTES, (
            f"{nombre} a {factor}× pesa {len(crudo)} bytes: pasa el límite de {LIMITE_BYTES}.")
        (destino / nombre).write_bytes(crudo)
        tamanos[nombre] = len(crudo)
    return tamanos


def _cct_vecina(cct: str, i: int) -> str:
    """La CCT con el consecutivo desplazado ``i`` lugares y su verificador correcto."""
    base = f"{cct[:5]}{(int(cct[5:9]) + i) % 10000:04d}"
    return base + verificador(base)


def generar_zona(origen: Path, destino: Path, escuelas: int) -> list[Path]:
    """``escuelas`` copias de ``origen`` en ``destino/escuelas/<cct>/<ciclo>/``, cada una con su CCT."""
    texto_ruta = (origen / "ruta.yaml").read_text(encoding="utf-8")
    cct = re.search(r"^\s*cct:\s*\"?([0-9A-Z]{10})\"?\s*$", texto_ruta, re.M).group(1)
    ciclo = re.search(r"^ciclo:\s*\"?(\d{4}-\d{4})\"?\s*$", texto_ruta, re.M).group(1)
    carpetas = []
    for i in range(escuelas):
        nueva = _cct_vecina(cct, i)
        carpeta = destino / "escuelas" / nueva / ciclo
        generar(origen, carpeta, 1)
        (carpeta / "ruta.yaml").write_text(texto_ruta.replace(cct, nueva), encoding="utf-8")
        carpetas.append(carpeta)
    return carpetas


def _fecha(valor) -> date | None:
    return valor if isinstance(valor, date) else (date.fromisoformat(valor) if valor else None)


def generar_bitacora(origen: Path, destino: Path, entradas: int) -> int:
    """Copia ``origen`` en ``destino`` con una bitácora sintética de ``entradas`` entradas;
    devuelve los bytes de la bitácora."""
    generar(origen, destino, 1)
    yaml = YAML(typ="safe")
    acciones = (yaml.load((origen / "acciones.yaml").read_bytes()) or {}).get("acciones") or []
    fechas = [_fecha(e["fecha"]) for e in
              (yaml.load((origen / "bitacora.yaml").read_bytes()) or {}).get("entradas") or []]
    desde, hasta = min(fechas), max(fechas)
    dias = (hasta - desde).days + 1
    # Primero qué acción registra cada entrada, para que el avance de cada una solo suba.
    plan: list[tuple[date, str | None]] = []
    for i in range(entradas):
        dia = desde + timedelta(days=i * dias // entradas)
        vigentes = [a["id"] for a in acciones
                    if (_fecha(a.get("inicio")) or desde) <= dia <= (_fecha(a.get("fin")) or hasta)]
        plan.append((dia, vigentes[i % len(vigentes)] if vigentes else None))
    total = {a: sum(1 for _, b in plan if b == a) for _, a in plan if a}
    vistas: dict[str, int] = {}
    lineas = [f"# Bitácora sintética de {entradas} entradas (benchmarks/generar.py --bitacora).",
              "entradas:"]
    for i, (dia, accion) in enumerate(plan, 1):
        lineas += [f"  - fecha: {dia.isoformat()}", "    tipo: registro"]
        if accion:
            j = vistas[accion] = vistas.get(accion, -1) + 1
            lineas += ["    acciones:", f"      - accion: {accion}", "        estado: en_curso",
                       f"        avance: {1 + 98 * j // max(1, total[accion] - 1)}",
                       f"        evidencias: [Registro {i} del seguimiento]"]
        lineas += ["    acuerdos:", f"      - Acuerdo {i} del seguimiento de las acciones."]
    crudo = ("\n".join(lineas) + "\n").encode("utf-8")
    assert len(crudo) < LIMITE_BYTES, f"la bitácora de {entradas} entradas pasa el límite de lectura."
    (destino / "bitacora.yaml").write_bytes(crudo)
    return len(crudo)


def main(argv: list[str] | None = None) -> int:
    analizador = argparse.ArgumentParser(description="Genera una Ruta sintética escalada.")
    analizador.add_argument("origen", type=Path, help="carpeta de la Ruta de origen")
    analizador.add_argument("destino", type=Path, help="carpeta donde se escribe")
    grupo = analizador.add_mutually_exclusive_group()
    grupo.add_argument("--factor", type=int, default=1, help="cuántas veces repetir (1, 10, 50…)")
    grupo.add_argument("--zona", type=int, metavar="N", help="árbol de N escuelas en vez de una Ruta")
    grupo.add_argument("--bitacora", type=int, metavar="N",
                       help="la Ruta con una bitácora sintética de N entradas")
    args = analizador.parse_args(argv)
    if args.bitacora:
        n = generar_bitacora(args.origen, args.destino, args.bitacora)
        print(f"bitacora.yaml: {args.bitacora} entradas, {n / 1024:.1f} KB", file=sys.stderr)
        return 0
    if args.zona:
        carpetas = generar_zona(args.origen, args.destino, args.zona)
        print(f"{len(carpetas)} escuelas en {args.destino / 'escuelas'}", file=sys.stderr)
        return 0
    tamanos = generar(args.origen, args.destino, args.factor)
    for nombre, n in tamanos.items():
        print(f"{nombre:18} {n / 1024:10.1f} KB", file=sys.stderr)
    print(f"{'total':18} {sum(tamanos.values()) / 1024:10.1f} KB", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
