"""``ruta sesion``: el registro de una sesión del CTE como un borrador YAML que se edita de una vez.

El borrador trae, para la sesión: cada acción en marcha o vencida con su último estado y avance,
cada meta cuya medición toca (la de ``ruta pendientes`` para ese día) con su valor vacío,
acuerdos y ajustes vacíos (y los rasgos, si el marco tiene anexos), y lo que ``ruta pendientes``
dice, como comentarios arriba. Al leerlo de vuelta **solo cuenta lo que cambió o se agregó**:
una acción que quedó con el estado y el avance que ya tenía no se registra (registrarla callaría
la regla de acciones sin registro), una meta sin valor no se mide. Lo que queda se revisa como
``bitacora agregar`` y se escribe igual (``bitacora.guardar``: una entrada con la fecha de la
sesión, o unida a la que ya la registra, atómica, el resto del archivo byte por byte).
"""

from __future__ import annotations

from datetime import date

from rutamejora.escritura import bitacora as B
from rutamejora.escritura import pares as P
from rutamejora.nucleo.expresiones import compilar

CLAVES = ("fecha", "sesion", "tipo", "acciones", "mediciones", "acuerdos", "ajustes", "ingresos", "rasgos",
          "nota")
_DE_REGISTRO = ("accion", "estado", "avance", "evidencias", "gasto", "comprobante", "nota",
                "nuevo_inicio", "nuevo_fin")
_DE_MEDICION = ("meta", "valor", "fuente", "nota")
_ENCABEZADO_ERRORES = "# ERRORES: corrígelos y guarda (estas líneas se ignoran)."
_ENCABEZADO_COMENTARIOS = ("# COMENTARIOS: la bitácora no guarda los comentarios (#); pasa cada uno a "
                           "`nota:` y guarda (estas líneas se ignoran).")
_ENCABEZADOS = (_ENCABEZADO_ERRORES, _ENCABEZADO_COMENTARIOS)
# Los comentarios fijos que el borrador pone entre sus claves (los de arriba son un bloque aparte).
_NOTA_DE_SESION = "Una observación de la sesión:"
_SIN_ACCIONES = "Ninguna acción en marcha; agrega las que registres (- accion: A1 …)."
_SIN_METAS = "Ninguna meta por medir; agrega las que midieron (- meta: M1 …)."
_GUIA_ACUERDOS = "- Un acuerdo por línea"
_GUIA_AJUSTES = ("- descripcion: Qué se ajustó y por qué", "  acciones: [A1]")
_FIJOS = frozenset(c.strip() for c in (_NOTA_DE_SESION, _SIN_ACCIONES, _SIN_METAS, _GUIA_ACUERDOS, *_GUIA_AJUSTES))
ENCABEZADO_COMENTARIOS = _ENCABEZADO_COMENTARIOS


class SinSesion(ValueError):
    """No hay sesión que registrar: el ciclo no tiene calendario, o todas ya tienen entrada."""


def sesiones_registradas(ruta) -> set[int]:
    """Los números de sesión del ciclo en curso que ya tienen una entrada en la bitácora."""
    cal = ruta.calendario
    return {e.sesion for e in [*ruta.entradas, *ruta.entradas_apartadas]
            if e.sesion is not None and e.fecha is not None and (cal is None or cal.contiene(e.fecha))}


def sesion_que_toca(ruta, numero: int | None = None) -> tuple[int, date]:
    """(número, fecha) de la sesión: ``numero``, o la siguiente a la última que tiene entrada."""
    cal = ruta.calendario
    if cal is None or not cal.sesiones:
        raise SinSesion(f"el ciclo {ruta.ciclo or '?'} no tiene calendario de sesiones; da la fecha con "
                        "`ruta bitacora agregar --fecha`.")
    total = len(cal.sesiones)
    if numero is not None:
        if not 1 <= numero <= total:
            raise SinSesion(f"no existe la sesión {numero}; el calendario del ciclo tiene {total} "
                            f"sesiones ordinarias (1 a {total}).")
        return numero, cal.sesiones[numero - 1]
    hechas = sesiones_registradas(ruta)
    siguiente = max(hechas, default=0) + 1
    if siguiente > total:
        faltan = [str(n) for n in range(1, total + 1) if n not in hechas]
        if not faltan:
            raise SinSesion(f"las {total} sesiones del ciclo {ruta.ciclo} ya tienen entrada; para agregar "
                            "a una, usa --sesion N.")
        raise SinSesion(f"la última sesión del ciclo {ruta.ciclo} (la {total}) ya tiene entrada; para "
                        f"registrar otra, usa --sesion N (sin entrada: {', '.join(faltan)}).")
    return siguiente, cal.sesiones[siguiente - 1]


# --- El borrador ----------------------------------------------------------------------------------


def _linea(texto) -> str:
    """Un texto de la Ruta en una sola línea de comentario."""
    return " ".join(str(texto or "").split())


def _corto(texto, largo: int) -> str:
    """``_linea(texto)`` de a lo más ``largo`` caracteres, cortado entre palabras y nunca dentro de
    un marcador («[nombre: B. H.]»), con «…» si se cortó."""
    texto = _linea(texto)
    if len(texto) <= largo:
        return texto
    corte = texto.rfind(" ", 0, largo)
    corte = corte if corte > largo // 2 else largo
    abierto = texto.rfind("[", 0, corte)
    if abierto > texto.rfind("]", 0, corte):
        corte = abierto  # el marcador entero o nada
    return texto[:corte].rstrip(" ,;:") + "…"


def _comillas(texto: str) -> str:
    import json

    return json.dumps(texto, ensure_ascii=False)


def acciones_de_la_sesion(ruta, dia: date, numero: int) -> list:
    """Las acciones en marcha o vencidas el día de la sesión, sin cerrar ni registradas en ella."""
    from rutamejora.vistas import situacion_de_acciones

    ya = {r.accion for e in ruta.entradas if e.fecha == dia and e.sesion == numero for r in e.acciones or []}
    return [s for s in situacion_de_acciones(ruta, dia)
            if not s.cerrada and s.accion.id not in ya and (s.inicio is None or s.inicio <= dia)]


def metas_de_la_sesion(ruta, dia: date) -> list:
    """Los pendientes de medición de ``ruta pendientes`` para el día de la sesión."""
    from rutamejora.vistas import pendientes

    return [p for p in pendientes(ruta, dia).pendientes if p.tipo.startswith("meta_")]


def borrador_de_sesion(ruta, numero: int, dia: date, lista_pendientes=None) -> str:
    """El texto del borrador de la sesión ``numero`` (del día ``dia``)."""
    from rutamejora.vistas import TIPOS_PENDIENTE, fecha_larga

    nombre = ruta.escuela.nombre if ruta.escuela is not None and ruta.escuela.nombre else "La escuela"
    lineas = [f"# Sesión {numero} del CTE: {fecha_larga(dia)}. {_linea(nombre)}, ciclo {ruta.ciclo}.",
              "# Cambia el estado y el avance de las acciones, escribe el valor de las metas que",
              "# midieron y agrega acuerdos y ajustes. Solo se registra lo que cambies o agregues;",
              "# guarda y cierra el editor. Para no registrar nada, deja el archivo como está.",
              "# Los comentarios (#) no se guardan: escribe tus observaciones en `nota:` (la de",
              "# la sesión, abajo, o agrega `nota:` a una acción o a una meta).",
              "# Estados: " + B.NOMBRES_ESTADO + "."]
    if lista_pendientes is not None and lista_pendientes.pendientes:
        lineas += ["#", "# Pendientes (ruta pendientes):"]
        for tipo, grupo in lista_pendientes.grupos():
            titulo = TIPOS_PENDIENTE[tipo][1].replace("`", "")
            titulo = titulo.format(hasta=_fecha_o(lista_pendientes.hasta),
                                   anterior=_fecha_o(lista_pendientes.anterior[1] if lista_pendientes.anterior else None))
            lineas.append(f"#   {titulo}:")
            lineas += [f"#     {p.id}  {_corto(p.texto, 70)} ({_linea(p.detalle)})" for p in grupo]
    lineas += ["", f"fecha: {dia.isoformat()}", f"sesion: {numero}", f"# {_NOTA_DE_SESION}",
               "nota:", "", "acciones:"]
    acciones = acciones_de_la_sesion(ruta, dia, numero)
    for s in acciones:
        lineas.append(f"  # {s.accion.id}: {_corto(s.accion.actividad, 90)}"
                      + (f" (termina el {_fecha_o(s.fin)})" if s.fin else ""))
        lineas += [f"  - accion: {s.accion.id}", f"    estado: {s.estado or 'pendiente'}",
                   f"    avance: {'' if s.avance is None else s.avance}".rstrip()]
    if not acciones:
        lineas.append(f"  # {_SIN_ACCIONES}")
    lineas += ["", "mediciones:"]
    metas = metas_de_la_sesion(ruta, dia)
    for p in metas:
        lineas += [f"  # {p.id}: {_corto(p.texto, 90)} ({_linea(p.detalle)})",
                   f"  - meta: {p.id}", "    valor:", "    fuente:"]
    if not metas:
        lineas.append(f"  # {_SIN_METAS}")
    lineas += ["", "acuerdos:", f"  # {_GUIA_ACUERDOS}", "", "ajustes:",
               *(f"  # {guia}" for guia in _GUIA_AJUSTES), ""]
    lineas += _rasgos_del_marco(ruta)
    return "\n".join(lineas)


def _rasgos_del_marco(ruta) -> list[str]:
    """Las líneas de ``rasgos:`` si el marco tiene anexos cuyos rasgos valora el CTE (rme-2014):
    la lista vacía, con los anexos y las valoraciones como comentarios."""
    if ruta.marco is None:
        return []
    anexos = [a.get("clave") for a in ruta.marco.valores("anexos")
              if not ruta.nivel or ruta.nivel in (a.get("niveles") or [ruta.nivel])]
    if not anexos:
        return []
    valoraciones = [str(v.get("clave")) for v in ruta.marco.valores("valoraciones")]
    return ["rasgos:", f"  # Anexos: {', '.join(anexos)}. Valoraciones: {', '.join(valoraciones)}.",
            f"  # - {{anexo: {anexos[0]}, rasgo: 1, valoracion: {valoraciones[0]}}}", ""]


def _fecha_o(dia) -> str:
    from rutamejora.vistas import fecha_corta

    return fecha_corta(dia) if dia else "?"


def con_errores(texto: str, motivos: list[str], encabezado: str = _ENCABEZADO_ERRORES) -> str:
    """El borrador con los errores (o los comentarios que no se guardan, con
    ``_ENCABEZADO_COMENTARIOS``) como comentarios arriba; los de una vuelta anterior, fuera."""
    lineas = _sin_encabezado(texto).split("\n")
    errores = [encabezado] + [f"#   - {_linea(m)}" for m in motivos] + [""]
    return "\n".join(errores + lineas)


def _sin_encabezado(texto: str) -> str:
    """El borrador sin las líneas que ``con_errores`` le puso arriba."""
    lineas = texto.split("\n")
    if lineas and lineas[0] in _ENCABEZADOS:
        fin = next((i for i, l in enumerate(lineas) if not l.startswith("#")), len(lineas))
        lineas = lineas[fin + 1:] if fin < len(lineas) and not lineas[fin] else lineas[fin:]
    return "\n".join(lineas)


def comentarios_propios(original: str | None, editado: str) -> list[str]:
    """Los comentarios que el CTE escribió en el borrador, cada uno como «línea N: «texto»». La
    bitácora se escribe con los valores, no con el texto del borrador: un comentario se perdería
    en silencio, así que ``ruta sesion`` los señala.

    Con ``original`` (el borrador que se abrió en el editor), son los que ``original`` no traía.
    Sin él (``--guardar`` de un borrador de otro día, cuyos pendientes ya cambiaron), se reconocen
    los del borrador por su forma: el bloque de arriba, los fijos y los que citan un id («A1: …»)
    o los anexos del marco."""
    from rutamejora.privacidad import mensaje_sin_datos
    from rutamejora.reglas.personales import comentarios

    editado_sin = _sin_encabezado(editado)
    # Las líneas que ``con_errores`` puso arriba son de ``ruta``, no del CTE.
    arriba = editado.count("\n") - editado_sin.count("\n")
    if original is not None:
        traidos = {c.strip() for _, c in comentarios(original)}
    else:
        bloque = next((i for i, l in enumerate(editado_sin.split("\n")) if not l.lstrip().startswith("#")), 0)
        arriba += bloque
        traidos = _FIJOS
    propios = []
    for inicio, comentario in comentarios(editado):
        linea = editado.count("\n", 0, inicio) + 1
        texto = comentario.strip()
        if linea <= arriba or not texto or texto in traidos or (original is None and _DEL_BORRADOR.match(texto)):
            continue
        # Se cita en la terminal: sin los datos personales que traiga.
        propios.append(f"línea {linea}: «{_corto(mensaje_sin_datos(texto), 80)}»")
    return propios


# Los comentarios del borrador que citan la Ruta: «A1: actividad…», «M2: indicador…», los anexos.
_DEL_BORRADOR = compilar(r"(?:[A-Za-z][\w-]*\d[\w-]*: |Anexos: |- \{anexo: )")


__all__ = ["SinSesion", "sesiones_registradas", "sesion_que_toca", "borrador_de_sesion", "con_errores",
           "comentarios_propios", "ENCABEZADO_COMENTARIOS",
           "acciones_de_la_sesion", "metas_de_la_sesion", "CLAVES"]
