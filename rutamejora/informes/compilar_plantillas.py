"""Genera ``_compiladas.py``: el código de cada plantilla incluida de ``ruta informe``.

Uso (desde la raíz del repositorio, después de cambiar una plantilla o el entorno de
``entorno``)::

    python -m rutamejora.informes.compilar_plantillas

Compila cada plantilla incluida en el entorno aislado de cada formato, con una caché de código
que solo graba, y escribe la tabla comprimida (``zlib`` + base64) con la versión de Python y de
Jinja. Ver ``compiladas`` y ``tests/informes/test_compiladas.py``.
"""

from __future__ import annotations

import base64
import zlib
from pathlib import Path

from rutamejora.informes.compiladas import Compiladas, clave_actual
from rutamejora.informes.entorno import _entorno, carpeta_de_plantillas

DESTINO = Path(__file__).with_name("_compiladas.py")
FORMATOS = ("html", "md")


class _Grabadora(Compiladas):
    """Junta el código de cada plantilla que compila el entorno (para generar la tabla): la
    caché de ``compiladas``, con las mismas llaves, que no entrega nada y lo graba todo."""

    def __init__(self, formato: str):
        super().__init__(formato)
        self.tabla: dict[str, bytes] = {}

    def load_bytecode(self, bucket) -> None:
        pass

    def dump_bytecode(self, bucket) -> None:
        # Con el nombre de la plantilla como archivo, no la ruta de quien generó la tabla.
        bucket.code = _con_archivo(bucket.code, bucket.key.split(":", 1)[1])
        self.tabla[bucket.key] = bucket.bytecode_to_string()


def _con_archivo(codigo, archivo: str):
    """``codigo`` (y el de cada función de adentro) con ``archivo`` como su archivo."""
    constantes = tuple(_con_archivo(c, archivo) if hasattr(c, "co_filename") else c
                       for c in codigo.co_consts)
    return codigo.replace(co_filename=archivo, co_consts=constantes)


def generar() -> dict[str, str]:
    """``{formato:nombre: código comprimido}`` de cada plantilla incluida, en orden."""
    tabla: dict[str, str] = {}
    for formato in FORMATOS:
        grabadora = _Grabadora(formato)
        env = _entorno(formato, None, cache=grabadora)
        for plantilla in sorted(carpeta_de_plantillas().glob(f"*.{formato}.j2")):
            env.get_template(plantilla.name)
        for clave in sorted(grabadora.tabla):
            tabla[clave] = base64.b64encode(zlib.compress(grabadora.tabla[clave], 9)).decode("ascii")
    return tabla


def texto_del_modulo(tabla: dict[str, str]) -> str:
    lineas = ["# Generado por `python -m rutamejora.informes.compilar_plantillas`. NO EDITAR A MANO: se cambia la",
              "# plantilla y se regenera (tests/informes/test_compiladas.py falla si quedó vieja).",
              '"""El código de las plantillas incluidas de ``ruta informe`` (ver ``compiladas``)."""',
              "", f"CLAVE = {clave_actual()!r}", "TABLA = {"]
    # Una línea por plantilla: son datos, no código que se lea.
    lineas.extend(f"    {clave!r}: {datos!r}," for clave, datos in tabla.items())
    lineas.append("}")
    return "\n".join(lineas) + "\n"


if __name__ == "__main__":
    _generada = generar()
    DESTINO.write_text(texto_del_modulo(_generada), encoding="utf-8")
    print(f"{DESTINO}: {len(_generada)} plantillas")
