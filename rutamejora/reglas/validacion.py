"""Validar una Ruta: cargar, correr las reglas por fases, aplicar los ajustes y decidir la salida.

Es lo que llama ``ruta validar`` (y lo que usarán los informes para negarse a una Ruta con
errores). Nada aquí escribe en la Ruta.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rutamejora.formato.carga import cargar
from rutamejora.nucleo.problemas import AVISO, DESACTIVADA, ERROR, INFO, Problema, contar
from rutamejora.reglas import Contexto, importar
from rutamejora.reglas.catalogo import definir, obtener, problema_de, registradas

# Qué archivos definen cada tipo de dato, para decir qué se omitió cuando uno no se pudo leer.
_QUE_SE_OMITE = {
    "ruta.yaml": "la escuela, la CCT, el calendario, el colectivo y el presupuesto",
    "diagnostico.yaml": "las necesidades que citan las prioridades",
    "prioridades.yaml": "las prioridades que citan los objetivos",
    "objetivos.yaml": "los objetivos que citan las metas",
    "metas.yaml": "las metas que citan las acciones y la bitácora",
    "acciones.yaml": "las acciones que cita la bitácora",
    "bitacora.yaml": "el seguimiento",
}


@dataclass
class Resultado:
    """El resultado de validar una Ruta."""

    carpeta: Path
    problemas: list = field(default_factory=list)
    ruta: object = None          # el modelo, para quien quiera mostrar algo más
    estricto: bool = False

    @property
    def cuenta(self) -> dict:
        return contar(self.problemas)

    @property
    def archivos_revisados(self) -> int:
        return len(self.ruta.documentos) if self.ruta is not None else 0

    def codigo_de_salida(self) -> int:
        """0 sin errores; 1 con errores (o avisos, en modo estricto)."""
        cuenta = self.cuenta
        if cuenta[ERROR] or (self.estricto and cuenta[AVISO]):
            return 1
        return 0


def validar(carpeta: Path, hoy: date, fecha_explicita: bool = False,
            estricto: bool = False) -> Resultado:
    """Valida la Ruta de ``carpeta`` tal como estaba el día ``hoy``.

    Lanza ``carga.NoEsRuta`` si la carpeta no existe o no es una Ruta (un error de uso).
    """
    ruta, problemas = cargar(carpeta, hoy if fecha_explicita else None)
    importar()
    ctx = Contexto(hoy=hoy, fecha_explicita=fecha_explicita)
    omitidos = _archivos_ilegibles(ruta)
    for regla_ in registradas():
        if regla_.funcion is None:
            continue
        if any(a in omitidos for a in regla_.requiere):
            continue
        ctx.regla = regla_
        for _ in regla_.funcion(ruta, ctx) or ():
            pass
    problemas.extend(ctx.problemas)
    problemas.extend(_omitidas(ruta, omitidos))
    if ruta.entradas_apartadas:
        n = len(ruta.entradas_apartadas)
        problemas.append(problema_de(
            "RM902", "bitacora.yaml", 0, 0, "entradas",
            f"{n} {'entrada' if n == 1 else 'entradas'} de la bitácora posterior{'' if n == 1 else 'es'} "
            f"al {hoy.isoformat()} se {'dejó' if n == 1 else 'dejaron'} fuera.",
            pista="Así se ve la Ruta como estaba ese día."))
    problemas = aplicar_supresiones(problemas, ruta)
    ajustes = ruta.datos.validacion if ruta.datos is not None else None
    problemas = _aplicar_ajustes(problemas, ajustes, ruta)
    estricto = estricto or bool(ajustes is not None and ajustes.estricto)
    problemas.sort(key=Problema.orden)
    return Resultado(carpeta=carpeta, problemas=problemas, ruta=ruta, estricto=estricto)


def _archivos_ilegibles(ruta) -> set[str]:
    return {nombre for nombre in ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml",
                                  "objetivos.yaml", "metas.yaml", "acciones.yaml", "bitacora.yaml")
            if nombre not in ruta.legibles}


def _omitidas(ruta, ilegibles: set[str]) -> list:
    """Un aviso informativo por archivo ilegible: qué verificaciones no se hicieron."""
    avisos = []
    for nombre in sorted(ilegibles):
        avisos.append(problema_de(
            "RM901", nombre, 0, 0, "",
            f"Como {nombre} no se pudo leer, no se verificó lo que depende de él: {_QUE_SE_OMITE[nombre]}.",
            pista="Corrige primero los errores de ese archivo."))
    return avisos


def _aplicar_ajustes(problemas: list, ajustes, ruta) -> list:
    """Aplica la severidad que ruta.yaml fija por código (``validacion.reglas``)."""
    if ajustes is None or not ajustes.reglas:
        return problemas
    severidades = {codigo.upper(): sev for codigo, sev in ajustes.reglas.items()}
    resultado = []
    for codigo in severidades:
        if obtener(codigo) is None:
            from rutamejora.reglas.catalogo import sugerir_codigo

            linea, columna, camino = ajustes.pos("reglas")
            cercano = sugerir_codigo(codigo)
            resultado.append(problema_de(
                "RM905", "ruta.yaml", linea, columna, camino,
                f"`validacion.reglas` nombra el código {codigo}, que no existe.",
                pista=f"¿Quisiste decir {cercano}?" if cercano else "`ruta reglas` lista los códigos."))
    for p in problemas:
        nueva = severidades.get(p.codigo)
        if nueva == DESACTIVADA:
            continue
        resultado.append(p.con(severidad=nueva) if nueva else p)
    return resultado


# --- Supresiones en línea: `# ruta: ignorar RM301 -- motivo` ---------------------------------

_SUPRESION = re.compile(r"(?:^|\s)#\s*ruta:\s*ignorar\b(?P<resto>.*)$")


@dataclass
class Supresion:
    archivo: str
    linea: int          # línea del comentario
    columna: int
    objetivo: int       # línea cuyos problemas calla
    codigos: tuple
    usada: bool = False


def supresiones(ruta) -> tuple[list[Supresion], list]:
    """Las supresiones de cada archivo y los problemas de las mal escritas (RM903).

    Un comentario al final de una línea calla esa línea; uno solo en su línea, la siguiente
    línea con contenido.
    """
    encontradas, problemas = [], []
    for nombre, doc in ruta.documentos.items():
        lineas = doc.lineas
        for i, linea in enumerate(lineas, start=1):
            m = _SUPRESION.search(linea)
            if not m:
                continue
            columna = linea.index("#", m.start()) + 1
            codigos_texto, _, motivo = m.group("resto").partition("--")
            codigos = tuple(c.upper() for c in re.findall(r"\b[Rr][Mm]\d{3}\b", codigos_texto))
            desconocidos = [c for c in codigos if obtener(c) is None]
            if not codigos or desconocidos:
                problemas.append(problema_de(
                    "RM903", nombre, i, columna, "",
                    "La supresión no nombra un código de regla válido"
                    + (f" ({', '.join(desconocidos)})." if desconocidos else "."),
                    pista="Escribe `# ruta: ignorar RM301 -- motivo` (el código es obligatorio; "
                          "`ruta reglas` los lista)."))
                continue
            objetivo = i
            if not linea[:columna - 1].strip():
                objetivo = next((j for j in range(i + 1, len(lineas) + 1)
                                 if lineas[j - 1].strip() and not lineas[j - 1].lstrip().startswith("#")), i)
            encontradas.append(Supresion(nombre, i, columna, objetivo, codigos))
    return encontradas, problemas


def aplicar_supresiones(problemas: list, ruta) -> list:
    """Quita los problemas suprimidos y avisa de las supresiones que no callan nada (RM904)."""
    lista, extra = supresiones(ruta)
    indice = {(s.archivo, s.objetivo): s for s in lista}
    resultado = []
    for p in problemas:
        s = indice.get((p.archivo, p.linea))
        if s is not None and p.codigo in s.codigos:
            s.usada = True
            continue
        resultado.append(p)
    for s in lista:
        if not s.usada:
            extra.append(problema_de(
                "RM904", s.archivo, s.linea, s.columna, "",
                f"La supresión de {', '.join(s.codigos)} no calla ningún problema.",
                pista="Bórrala: el problema ya no existe (o la supresión está en la línea equivocada)."))
    return resultado + extra


definir("RM903", "supresion-invalida", ERROR, "validacion", """
    Una supresión en línea (`# ruta: ignorar …`) no nombra un código de regla válido.

    El código es obligatorio: una supresión sin código callaría cualquier cosa. El motivo va
    después de `--`.

    ✓ metas.yaml (completo)
        metas: [] # ruta: ignorar RM901 -- archivo en construcción
    ✗ metas.yaml (completo)
        metas: [] # ruta: ignorar -- ya lo revisamos
""")

definir("RM904", "supresion-sin-efecto", AVISO, "validacion", """
    Una supresión en línea no calla ningún problema: sobra (o está en la línea equivocada).

    ✓ metas.yaml (completo)
        metas:
          - id: M1  # ruta: ignorar RM105 -- la meta se termina de redactar en la sesión 2
    ✗ metas.yaml (completo)
        metas: []  # ruta: ignorar RM301 -- ya no aplica
""")


definir("RM905", "ajuste-desconocido", AVISO, "validacion", """
    `validacion.reglas` en ruta.yaml cambia la severidad de un código que no existe.

    ✓ ruta.yaml
        validacion:
          reglas: {RM301: info}
    ✗ ruta.yaml
        validacion:
          reglas: {RM3O1: info}
""")


definir("RM901", "verificacion-omitida", INFO, "validacion", """
    Un archivo no se pudo leer, así que las verificaciones que lo necesitan no se hicieron.

    Así un solo error no se multiplica en decenas de problemas: al corregirlo, la siguiente
    validación revisa lo que faltó.
""")

definir("RM902", "entradas-apartadas", INFO, "validacion", """
    Con `--fecha`, las entradas de la bitácora posteriores a ese día se dejan fuera (se dice cuántas).
""")

__all__ = ["Resultado", "validar", "ERROR", "AVISO", "INFO"]
