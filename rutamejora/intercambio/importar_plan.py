"""``importar_de_documento``: un plan de Word o Excel como Ruta, y el informe de qué fue a dónde.

1. Lee el documento (``documento``) y reconoce su plan (``plan``).
2. Decide la escuela, la CCT, el ciclo y el marco: lo que se dio como opción manda; si no, lo
   que dice el documento; el marco, si nadie lo dice, por las columnas de sus tablas.
3. Escribe la Ruta como ``ruta nueva`` (todo o nada, nunca sobre una Ruta existente sin
   ``forzar``) con sus listas llenas por ``escribir_plan``.
4. La valida como ``ruta validar`` y arma el informe (``Importacion``): lo ubicado, lo
   interpretado, lo que quedó por llenar, los comentarios y los datos personales enmascarados.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rutamejora.catalogos import cargar_marco
from rutamejora.escritura import (MARCO_POR_OMISION, Escuela, FallaDeEscritura, NuevaInvalida,
                                  Pedido, calendario_para, ciclos_de, crear, entidad_de_cct,
                                  nivel_de_cct, ocupada, revisar_cct, revisar_ciclo, revisar_turno)
from rutamejora.escritura.plantillas_nueva import comentario
from rutamejora.intercambio.leer import leer_documento
from rutamejora.intercambio.escribir_plan import Escritor, Nota
from rutamejora.intercambio.plan import Plan, reconocer
from rutamejora.privacidad import (INFORME, TERMINAL, detectar, enmascarar, marcador,
                                   mensaje_sin_datos)


class ImportacionInvalida(Exception):
    """No se puede importar con estos datos (falta la CCT, la carpeta ya tiene una Ruta…): salida 2."""


@dataclass
class Dato:
    """Un dato personal hallado y enmascarado (``marcador``: como se muestra, nunca en claro)."""

    archivo: str
    donde: str
    clase: str
    marcador: str


@dataclass
class Importacion:
    """El informe de una importación."""

    documento: Path
    destino: Path
    marco: str
    marco_por: str
    escuela: dict[str, tuple[str, str]]              # campo → (valor, de dónde)
    cuentas: dict[str, int]
    ubicados: list[Nota]
    interpretados: list[Nota]
    por_llenar: list[Nota]
    comentarios: list[Nota]
    datos_personales: list[Dato]
    tablas: int = 0
    encabezados_repetidos: int = 0
    errores: int = 0
    avisos: int = 0
    problemas_de_error: list[str] = field(default_factory=list)
    por_repartir: list[Nota] = field(default_factory=list)   # un costo para varias acciones
    # (encabezado del documento, como se leyó, lugar): una columna mal escrita que se reconoció.
    encabezados_parecidos: list[tuple[str, str, str]] = field(default_factory=list)


class _Privado:
    """Cada texto que se escribe pasa por aquí: sale enmascarado y el hallazgo queda listado."""

    def __init__(self):
        self.datos: list[Dato] = []

    def limpio(self, texto: str, archivo: str, donde: str) -> str:
        hallazgos = detectar(texto)
        if not hallazgos:
            return texto
        for h in hallazgos:
            self.datos.append(Dato(archivo, donde, h.clase, marcador(h, TERMINAL)))
        return enmascarar(texto, hallazgos, INFORME)


def importar_de_documento(documento: Path, destino: Path, opciones: dict | None = None,
                  forzar: bool = False, hoy: date | None = None) -> Importacion:
    """Escribe en ``destino`` la Ruta del plan de ``documento`` y devuelve el informe.

    ``opciones``: ``nombre``, ``cct``, ``ciclo``, ``marco``, ``nivel``, ``turno``, ``zona``,
    ``sector`` (mandan sobre lo que dice el documento). Lanza ``DocumentoIlegible`` o
    ``ImportacionInvalida`` (errores de uso) y nunca deja una Ruta a medias.
    """
    opciones = {k: v for k, v in (opciones or {}).items() if v not in (None, "")}
    if not documento.is_file():
        raise ImportacionInvalida(f"no existe el archivo {documento}.")
    if ocupada(destino) and not forzar:
        raise ImportacionInvalida(f"la carpeta {destino} ya tiene archivos; para reemplazar la Ruta "
                                  "que haya usa --forzar.")
    from rutamejora.intercambio.libro_ruta import es_libro_de_ruta

    if es_libro_de_ruta(documento):
        # El libro de `ruta exportar` se lee exacto, por nombres de campo e ids, no por sinónimos.
        return _importar_libro(documento, destino, opciones, forzar, hoy)
    plan = reconocer(leer_documento(documento))
    if not (plan.agrupaciones or plan.objetivos or plan.metas or plan.acciones):
        raise ImportacionInvalida(
            f"{documento}: no se reconoció ninguna tabla de plan. Los encabezados deben decir, por "
            "ejemplo, «Acción | Responsables | Recursos | Costo | Tiempo» o «Ámbito | Objetivo | Meta | "
            "Acciones | Responsables | Periodo» (ver `ruta ayuda importar-exportar`).")
    escuela, origen, ciclo, n_ciclos, marco = _escuela_y_ciclo(plan, opciones, destino)
    pedido = Pedido(escuela=escuela, ciclo=ciclo, marco=marco, ciclos=n_ciclos)
    datos_marco = cargar_marco(marco, destino if destino.exists() else destino.parent)
    if datos_marco is None:
        raise ImportacionInvalida(f"no existe el marco «{marco}».")
    calendario = calendario_para(ciclo)
    limites = (calendario["inicio_clases"], calendario["fin_clases"])
    privado = _Privado()
    ciclos = ciclos_de(pedido, datos_marco)
    # Un marco de varios ciclos (pemc-2019) y un documento que nombra uno: `ruta nueva` le
    # agregaría el siguiente, que nadie dijo. `ciclos:` queda por llenar.
    supuestos = ciclos if n_ciclos is None and len(ciclos) > 1 else []
    escritor = Escritor(plan, datos_marco, ciclo, [ciclo] if supuestos else ciclos, limites, privado)
    if supuestos:
        escritor.escrito.por_llenar.append(Nota("ruta.yaml", "ciclos", origen["ciclo"][1]))
    procedencia = comentario(f"La escribió `ruta importar plan` el {(hoy or date.today()).isoformat()} desde "
                             f"«{privado.limpio(documento.name, 'ruta.yaml', 'procedencia')}»: lo que el "
                             "documento no dice quedó por llenar.")
    try:
        crear(pedido, destino, sobrescribir=forzar,
              cambiar=lambda textos: _de_la_importacion(_llenar(textos, escritor), procedencia, supuestos))
    except (NuevaInvalida, FallaDeEscritura) as exc:
        raise ImportacionInvalida(str(exc)) from None
    informe = _informe(documento, destino, plan, marco, origen, escritor, privado)
    _validar(informe, destino, hoy or limites[0])
    return informe


def _importar_libro(documento: Path, destino: Path, opciones: dict, forzar: bool,
                    hoy: date | None) -> Importacion:
    """La Ruta del libro de ``ruta exportar`` (``libro_ruta``), escrita como ``ruta nueva``.

    Los datos de la escuela que se den como opción (``nombre``, ``cct``, ``nivel``, ``turno``,
    ``zona``, ``sector``) mandan sobre los del libro; el ciclo y el marco son los del libro (sus
    fechas y sus claves dependen de ellos)."""
    from rutamejora.intercambio.escribir_libro import EscritorLibro
    from rutamejora.intercambio.libro_ruta import LibroInvalido, leer_libro, lista

    try:
        libro = leer_libro(documento)
    except LibroInvalido as exc:
        raise ImportacionInvalida(str(exc)) from None
    privado = _Privado()
    _limpiar_libro(libro, privado)
    e = libro.escuela
    e.update({c: v for c, v in opciones.items() if c in ("nombre", "cct", "nivel", "turno", "zona", "sector")})
    ciclos = lista(e.get("ciclos")) or [str(e.get("ciclo"))]
    marco = str(e.get("marco") or MARCO_POR_OMISION)
    datos_marco = cargar_marco(marco, destino if destino.exists() else destino.parent)
    if datos_marco is None:
        raise ImportacionInvalida(f"no existe el marco «{marco}».")
    escuela = Escuela(nombre=str(e.get("nombre") or ""), cct=str(e.get("cct") or ""),
                      nivel=e.get("nivel"), turno=e.get("turno"))
    pedido = Pedido(escuela=escuela, ciclo=ciclos[0], marco=marco, ciclos=len(ciclos) if len(ciclos) > 1 else None)
    escritor = EscritorLibro(libro, datos_marco, documento.name)

    def cambiar(textos: dict[str, str]) -> dict[str, str]:
        nuevos = {"ruta.yaml": escritor.ruta(), "prioridades.yaml": escritor.prioridades(),
                  "objetivos.yaml": escritor.objetivos(), "metas.yaml": escritor.metas(),
                  "acciones.yaml": escritor.acciones(), "bitacora.yaml": escritor.bitacora()}
        # Cada archivo conserva la primera línea de `ruta nueva` (el esquema para el editor).
        nuevos = {a: textos[a].split("\n", 1)[0] + "\n" + t for a, t in nuevos.items()}
        return {**textos, **nuevos, "diagnostico.yaml": escritor.necesidades(textos["diagnostico.yaml"])}

    try:
        crear(pedido, destino, sobrescribir=forzar, cambiar=cambiar)
    except (NuevaInvalida, FallaDeEscritura) as exc:
        raise ImportacionInvalida(str(exc)) from None
    t = libro.tablas
    cuentas = {"prioridades": len(t["prioridades"]), "objetivos": len(t["objetivos"]),
               "metas": len(t["metas"]), "acciones": len(t["acciones"]),
               "colectivo": sum(r.get("origen") != "comunidad" for r in t["responsables"]),
               "comunidad": sum(r.get("origen") == "comunidad" for r in t["responsables"]),
               "entradas": len(t["entradas"]), "comentarios": 0,
               "por_llenar": len(escritor.por_llenar), "datos_personales": len(privado.datos)}
    origen = {c: (str(e[c]), "el libro de `ruta exportar`") for c in ("nombre", "cct", "ciclo") if e.get(c)}
    informe = Importacion(documento=documento, destino=destino, marco=marco,
                          marco_por="el libro de `ruta exportar`", escuela=origen, cuentas=cuentas,
                          ubicados=[], interpretados=[], por_llenar=escritor.por_llenar, comentarios=[],
                          datos_personales=privado.datos, tablas=len([n for n in t if t[n]]))
    _validar(informe, destino, hoy or date.today())
    return informe


def _limpiar_libro(libro, privado: _Privado) -> None:
    """Cada texto del libro por el detector de datos personales, como los de un documento: el
    libro de `ruta exportar` ya sale limpio, pero uno editado a mano puede traer un nombre."""
    for tabla, filas in libro.tablas.items():
        archivo = {"responsables": "ruta.yaml", "fuentes": "ruta.yaml", "prioridades": "prioridades.yaml",
                   "no_atendidas": "prioridades.yaml", "objetivos": "objetivos.yaml", "metas": "metas.yaml",
                   "acciones": "acciones.yaml"}.get(tabla, "bitacora.yaml")
        for n, fila in enumerate(filas, start=2):
            for campo, valor in fila.items():
                if isinstance(valor, str) and campo != "nombre":
                    fila[campo] = privado.limpio(valor, archivo, f"hoja {tabla}, renglón {n}, {campo}")


def _escuela_y_ciclo(plan: Plan, opciones: dict, destino: Path):
    """La escuela, de dónde salió cada dato, el ciclo, cuántos ciclos y el marco."""
    origen: dict[str, tuple[str, str]] = {}
    valores = {}
    for campo in ("nombre", "cct", "ciclo", "turno", "zona", "sector", "nivel"):
        if campo in opciones:
            valores[campo], origen[campo] = str(opciones[campo]), (str(opciones[campo]), f"--{campo}")
        elif campo in plan.escuela:
            pieza = plan.escuela[campo]
            valores[campo], origen[campo] = pieza.texto, (pieza.texto, f"el documento ({pieza.lugar})")
    faltan = [f"--{c}" for c in ("nombre", "cct", "ciclo") if not valores.get(c)]
    if faltan:
        raise ImportacionInvalida("el documento no dice " + ", ".join(f[2:] for f in faltan)
                                  + " de la escuela: dalos con " + ", ".join(faltan) + ".")
    cct = revisar_cct(valores["cct"].strip())
    if cct.valor is None:
        extra = f" ¿Quisiste decir {cct.sugerencia}? Dala con --cct." if cct.sugerencia else " Dala con --cct."
        raise ImportacionInvalida(f"{cct.problema}{extra}")
    ciclo, n_ciclos = _ciclo(valores["ciclo"])
    nivel = valores.get("nivel") or nivel_de_cct(cct.valor)
    turno = revisar_turno(valores["turno"]).valor if valores.get("turno") else None
    escuela = Escuela(nombre=" ".join(valores["nombre"].split()), cct=cct.valor, nivel=nivel,
                      turno=turno or None, zona=_solo(valores.get("zona")), sector=_solo(valores.get("sector")),
                      entidad=entidad_de_cct(cct.valor))
    if "marco" in opciones:
        marco, origen["marco"] = opciones["marco"], (opciones["marco"], "--marco")
    elif plan.marco:
        marco, origen["marco"] = plan.marco, (plan.marco, plan.marco_por)
    else:
        marco, origen["marco"] = MARCO_POR_OMISION, (MARCO_POR_OMISION, "por omisión (nada lo dice)")
    return escuela, origen, ciclo, n_ciclos, marco


def _solo(texto: str | None) -> str | None:
    m = re.search(r"\d+", texto or "")
    return m.group(0) if m else (texto or None)


def _ciclo(texto: str) -> tuple[str, int | None]:
    """«2025-2026» → (2025-2026, None); «2024-2026» (un PEMC de dos ciclos) → (2024-2025, 2)."""
    m = re.search(r"(20\d\d)\s*[-–/]\s*(20\d\d)", texto)
    if m and int(m.group(2)) - int(m.group(1)) > 1:
        inicio = int(m.group(1))
        return f"{inicio}-{inicio + 1}", int(m.group(2)) - inicio
    revision = revisar_ciclo(texto.strip())
    if revision.valor is None:
        raise ImportacionInvalida(f"{revision.problema} Dalo con --ciclo AAAA-AAAA.")
    return revision.valor, None


def _reemplazar(texto: str, linea: str, bloque: str) -> str:
    """Cambia el renglón ``linea`` (``metas: []``) por ``bloque``; el resto, byte por byte."""
    patron = re.compile(rf"^{re.escape(linea)}$", re.MULTILINE)
    return patron.sub(lambda _: bloque, texto, count=1)


def _llenar(textos: dict[str, str], escritor: Escritor) -> dict[str, str]:
    """Los textos de la Ruta nueva con las listas del documento y sus comentarios."""
    m = escritor.marco
    prioridades, necesidades = escritor.prioridades()
    textos = dict(textos)
    textos["prioridades.yaml"] = _reemplazar(textos["prioridades.yaml"], f"{m.clave_lista}: []", prioridades)
    textos["diagnostico.yaml"] = _reemplazar(textos["diagnostico.yaml"], "necesidades: []", necesidades)
    textos["objetivos.yaml"] = _reemplazar(textos["objetivos.yaml"], "objetivos: []", escritor.objetivos())
    textos["metas.yaml"] = _reemplazar(textos["metas.yaml"], "metas: []", escritor.metas())
    textos["acciones.yaml"] = _reemplazar(textos["acciones.yaml"], "acciones: []", escritor.acciones())
    colectivo, comunidad = escritor.colectivo()
    ruta = _reemplazar(textos["ruta.yaml"], "colectivo: []", colectivo)
    if comunidad:
        ruta = _comunidad(ruta, comunidad)
    textos["ruta.yaml"] = ruta
    for archivo, comentarios in escritor.sueltos().items():
        textos[archivo] = textos[archivo].rstrip("\n") + "\n\n" + comentario(
            "Del documento importado, sin lugar en el formato (no se tiró nada):") + "\n" + \
            "\n".join(comentarios) + "\n"
    return textos


def _de_la_importacion(textos: dict[str, str], procedencia: str, supuestos: list[str]) -> dict[str, str]:
    """ruta.yaml dice de dónde salió (no «La hizo `ruta nueva`») y solo los ciclos que dijo el
    documento: si nombró uno y el marco abarca varios (``supuestos``: los que `ruta nueva`
    habría escrito), `ciclos:` queda por llenar y el título dice el ciclo."""
    textos = {**textos, "ruta.yaml": _reemplazar(textos["ruta.yaml"], "# La hizo `ruta nueva`.", procedencia)}
    if not supuestos:
        return textos
    ciclo, lista = supuestos[0], ", ".join(supuestos)
    # Las guías de `ruta nueva` que nombran los ciclos (un comentario puede partirse en renglones).
    cambios = {"ruta.yaml": [(f", ciclos {ciclo} a {supuestos[-1]}: ", f", ciclo {ciclo}: "),
                             (f"ciclos: [{lista}]", comentario(
                                 f"Por llenar: el documento nombra solo el ciclo {ciclo}; escribe los que "
                                 f"decidió el CTE, p. ej. [{lista}].") + "\nciclos:")],
               "metas.yaml": [(f"ruta.yaml ({lista})", "ruta.yaml (`ciclos:`)")],
               "bitacora.yaml": [(f"del ciclo {supuestos[-1]} es", "del último ciclo es")]}
    for archivo, pares in cambios.items():
        for antes, despues in pares:
            partido = re.escape(antes).replace(r"\ ", r"(?: |\n# )")
            textos[archivo] = re.sub(partido, lambda _: despues, textos[archivo], count=1)
    return textos


def _comunidad(ruta: str, bloque: str) -> str:
    """Agrega las entradas de ``comunidad`` (sin repetir un id que la Ruta nueva ya trae)."""
    existente = re.search(r"^comunidad:\s*\n(?:  .*\n)*", ruta, re.MULTILINE)
    if existente is None:  # después del bloque de colectivo
        fin = re.search(r"^colectivo:.*\n(?:  .*\n)*", ruta, re.MULTILINE)
        corte = fin.end() if fin else len(ruta)
        return ruta[:corte] + "\n" + bloque + "\n" + ruta[corte:]
    ids = set(re.findall(r"\bid:\s*([A-Za-z0-9_-]+)", existente.group(0)))
    nuevas = [e for e in bloque.splitlines()[1:]
              if re.search(r"\bid:\s*([A-Za-z0-9_-]+)", e).group(1) not in ids]
    return ruta[:existente.end()] + "".join(e + "\n" for e in nuevas) + ruta[existente.end():]


def _informe(documento, destino, plan: Plan, marco, origen, escritor: Escritor, privado) -> Importacion:
    e = escritor.escrito
    cuentas = {"prioridades": len(plan.agrupaciones), "objetivos": len(plan.objetivos),
               "metas": len(plan.metas), "acciones": len(plan.acciones),
               "colectivo": len(escritor.personas.colectivo), "comunidad": len(escritor.personas.comunidad),
               "comentarios": len(e.comentarios), "por_llenar": len(e.por_llenar),
               "datos_personales": len(privado.datos)}
    return Importacion(documento=documento, destino=destino, marco=marco, marco_por=origen["marco"][1],
                       escuela={k: v for k, v in origen.items() if k != "marco"}, cuentas=cuentas,
                       ubicados=e.ubicados, interpretados=e.interpretados, por_llenar=e.por_llenar,
                       comentarios=e.comentarios, datos_personales=privado.datos, tablas=plan.tablas,
                       encabezados_repetidos=plan.encabezados_repetidos, por_repartir=e.por_repartir,
                       encabezados_parecidos=plan.encabezados_parecidos)


def _validar(informe: Importacion, destino: Path, hoy: date) -> None:
    """Cuenta los errores y avisos de ``ruta validar`` sobre la Ruta escrita."""
    from rutamejora.nucleo import ERROR, AVISO
    from rutamejora.reglas import validar

    resultado = validar(destino, hoy, True)
    for p in resultado.problemas:
        if p.severidad == ERROR:
            informe.errores += 1
            informe.problemas_de_error.append(f"{p.archivo}:{p.linea} {p.codigo} {p.mensaje}")
        elif p.severidad == AVISO:
            informe.avisos += 1


def json_informe(informe: Importacion) -> str:
    """El informe como JSON (``--formato json``), sin ningún dato personal en claro."""
    def notas(lista):
        return [{"archivo": n.archivo, "que": n.que, "lugar": n.lugar, **({"texto": n.texto} if n.texto else {})}
                for n in lista]
    datos = {
        "documento": str(informe.documento), "ruta": str(informe.destino),
        "marco": {"clave": informe.marco, "de": informe.marco_por},
        "escuela": {k: {"valor": v, "de": de} for k, (v, de) in informe.escuela.items()},
        "cuentas": informe.cuentas, "tablas": informe.tablas,
        "encabezados_repetidos": informe.encabezados_repetidos,
        "encabezados_parecidos": [{"columna": original, "como": como, "lugar": lugar}
                                  for original, como, lugar in informe.encabezados_parecidos],
        "ubicados": notas(informe.ubicados), "interpretados": notas(informe.interpretados),
        "por_llenar": notas(informe.por_llenar), "por_repartir": notas(informe.por_repartir),
        "comentarios": notas(informe.comentarios),
        "datos_personales": [vars(d) for d in informe.datos_personales],
        "validacion": {"errores": informe.errores, "avisos": informe.avisos,
                       "problemas_de_error": informe.problemas_de_error},
    }
    return json.dumps(_a_la_vista(datos), ensure_ascii=False, indent=2)


def _a_la_vista(valor):
    """Lo que el informe muestra, sin datos personales: cita celdas («Tiempo: …»), nombres de
    hojas y de archivos y lo que se dio en las opciones, tal como venían en el documento."""
    if isinstance(valor, str):
        return mensaje_sin_datos(valor)
    if isinstance(valor, dict):
        return {clave: _a_la_vista(v) for clave, v in valor.items()}
    if isinstance(valor, list):
        return [_a_la_vista(v) for v in valor]
    return valor


def texto_informe(informe: Importacion, detalle: bool = True) -> str:
    """El informe para la terminal: qué se ubicó, qué se interpretó, qué falta y qué quedó comentado."""
    c = informe.cuentas
    lineas = [f"Ruta importada en {informe.destino} desde {informe.documento.name} "
              f"(marco {informe.marco}, por {informe.marco_por}).",
              "  Escuela: " + "; ".join(f"{k} {v} ({de})" for k, (v, de) in informe.escuela.items()) + ".",
              f"  {informe.tablas} {'tabla' if informe.tablas == 1 else 'tablas'} de plan"
              + (f" ({informe.encabezados_repetidos} encabezados repetidos saltados)" if informe.encabezados_repetidos else "")
              + f": {c['prioridades']} prioridades (prioridades.yaml), {c['objetivos']} objetivos (objetivos.yaml), "
              f"{c['metas']} metas (metas.yaml), {c['acciones']} acciones (acciones.yaml); "
              f"{c['colectivo']} en colectivo y {c['comunidad']} en comunidad (ruta.yaml), por función."]
    lineas += [f"  Se leyó la columna «{original}» como «{como}» ({lugar})."
               for original, como, lugar in informe.encabezados_parecidos]
    if detalle:
        for n in informe.ubicados:
            lineas.append(f"    {n.que:<14} ← {n.lugar}: {_corto(n.texto)}" if n.texto else f"    {n.que} ← {n.lugar}")
    if informe.interpretados and detalle:
        lineas.append(f"  Interpretado ({len(informe.interpretados)}):")
        lineas += [f"    {n.archivo} {n.que}" for n in informe.interpretados]
    lineas.append(f"  Por llenar ({len(informe.por_llenar)}, el documento no lo dice; `ruta validar` lo avisa):")
    por_campo: dict[str, int] = {}
    for n in informe.por_llenar:
        campo = f"{n.archivo} {n.que.split('.', 1)[1] if '.' in n.que else n.que}"
        por_campo[campo] = por_campo.get(campo, 0) + 1
    lineas += [f"    {campo}: {n}" for campo, n in por_campo.items()]
    if informe.por_repartir:
        lineas.append(f"  Costos por repartir ({len(informe.por_repartir)}: un costo escrito una vez para "
                      "varias acciones no se copió a cada una; repártelo entre ellas en acciones.yaml):")
        lineas += [f"    {n.que} ← {n.lugar}: {_corto(n.texto)}" for n in informe.por_repartir]
    lineas.append(f"  Comentarios ({len(informe.comentarios)}, lo que el formato no puede guardar):")
    lineas += [f"    {n.archivo} {n.que} ← {n.lugar}: {_corto(n.texto)}" for n in informe.comentarios]
    if informe.datos_personales:
        lineas.append(f"  Datos personales enmascarados ({len(informe.datos_personales)}):")
        lineas += [f"    {d.archivo} {d.donde}: {d.marcador}" for d in informe.datos_personales]
    else:
        lineas.append("  Datos personales: ninguno.")
    lineas.append(f"`ruta validar`: {informe.errores} errores y {informe.avisos} avisos.")
    lineas += [f"  {p}" for p in informe.problemas_de_error]
    return "\n".join(_a_la_vista(linea) for linea in lineas)


def _corto(texto: str, ancho: int = 70) -> str:
    texto = " ".join(texto.split())
    return texto if len(texto) <= ancho else texto[:ancho - 1] + "…"
