"""El contexto de un informe: la Ruta cargada → un contexto de datos → el texto del informe.

El **contexto** se arma una sola vez a partir del modelo y de ``vistas`` (que calcula avance,
estados y dinero): son diccionarios y listas con los textos y números ya formateados. Cada
informe (planeación, seguimiento, rendición de cuentas) es solo una vista de ese contexto; las
plantillas no suman, no deciden estados ni calculan porcentajes. Lo que una persona puede leer
lo decide la ``Voz`` de la audiencia (``voz``); cada sección la arma su módulo
(``secciones_*``); ``renderizar`` (``entorno``) lo vuelve texto.

**Reproducible.** Nada depende del reloj ni del sistema: la fecha de corte es ``hoy`` (la de
``--fecha``), y la única información externa es git: el commit de la Ruta (``version``) y, en
la rendición, su historia (``secciones_ajustes``).

Posee ``TIPOS``, ``FORMATOS``, ``AUDIENCIAS``, ``AUDIENCIA_POR_OMISION``, ``construir_contexto``
(con lo común a todo informe: portada, encabezado, escuela y personas) e ``informe`` (todo
junto: opciones, contexto y plantilla).
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from rutamejora.formato.modelo import Ruta
from rutamejora.informes.entorno import renderizar
from rutamejora.informes.errores import ErrorDeUso, RutaConErrores
from rutamejora.informes.formas import comillas, lista_y, mayuscula, plural
from rutamejora.informes.marco import (ciclo_de, datos_del_marco, horizonte_de, nombre_agrupacion,
                                       titulo_del_informe)
from rutamejora.informes.salida import MARCA
from rutamejora.informes.secciones_acciones import accion, acciones_resumen
from rutamejora.informes.secciones_ajustes import ajustes_del_ciclo, datos_del_ciclo
from rutamejora.informes.secciones_diagnostico import diagnostico
from rutamejora.informes.secciones_dinero import dinero
from rutamejora.informes.secciones_evaluacion import ajustes, cierre, intro_de_rasgos, rasgos, revisiones
from rutamejora.informes.secciones_graficas import graficas_del_informe
from rutamejora.informes.secciones_metas import SinVersion, meta, metas_por_ciclo, metas_resumen
from rutamejora.informes.secciones_prioridades import agrupaciones
from rutamejora.informes.secciones_seguimiento import seguimiento
from rutamejora.informes.version import Version, version_git
from rutamejora.informes.voz import Voz, rol
from rutamejora.nucleo.problemas import ERROR, enmascarar
from rutamejora.nucleo.recolector import sin_recolector
from rutamejora import vistas
from rutamejora.vistas import fecha_larga

TIPOS = ("planeacion", "seguimiento", "rendicion")
FORMATOS = ("md", "html")
AUDIENCIAS = ("comunidad", "autoridad")
# La rendición de cuentas se escribe para las familias; la planeación y el seguimiento, para
# el CTE y la supervisión.
AUDIENCIA_POR_OMISION = {"rendicion": "comunidad", "planeacion": "autoridad",
                         "seguimiento": "autoridad"}
_TURNOS = {"matutino": "Matutino", "vespertino": "Vespertino", "nocturno": "Nocturno",
           "discontinuo": "Discontinuo", "tiempo_completo": "Tiempo completo",
           "jornada_ampliada": "Jornada ampliada"}
_PARA = {"comunidad": "La comunidad escolar: madres, padres y tutores, APF y CEPS",
         "autoridad": "El Consejo Técnico Escolar y la supervisión escolar"}


def construir_contexto(ruta: Ruta, hoy: date, *, tipo: str = "rendicion",
                       audiencia: str | None = None, problemas=(), sesion: int | None = None,
                       version: Version | None = None) -> dict:
    """Todo lo que muestran los informes, calculado una vez. Solo datos (dict, list, str).

    ``hoy`` es la fecha de corte; ``sesion`` el número de la sesión del CTE de un seguimiento.
    """
    audiencia = audiencia or AUDIENCIA_POR_OMISION[tipo]
    voz = Voz(ruta, audiencia)
    marco = datos_del_marco(ruta)
    avances = vistas.avance_de_metas(ruta, hoy)
    situaciones = vistas.situacion_de_acciones(ruta, hoy)
    # La historia del ciclo (git y bitácora) se lee una vez y solo para la rendición: da la
    # sección de ajustes y los cambios que hicieron más fácil una meta ya vencida.
    ciclo = datos_del_ciclo(ruta, hoy) if tipo == "rendicion" else None
    tardios, sin_version = _tardios(ciclo, ruta)
    metas = [meta(ruta, a, voz, tardios.get(a.meta.id, ()), sin_version.get(a.meta.id))
             for a in avances]
    acciones = [accion(ruta, s, voz, marco, hoy) for s in situaciones]
    prioridades = agrupaciones(ruta, voz, marco, metas, acciones, avances, hoy)
    acciones_por_id = {a["id"]: a for a in acciones}
    anexos = rasgos(ruta, marco, hoy, voz)
    return voz.sanear({
        **_portada(ruta, hoy, tipo, voz, marco, problemas, version),
        **_personas(ruta, voz),
        "diagnostico": diagnostico(ruta, voz, marco),
        "prioridades": prioridades,
        "no_atendidas": [{"nombre": nombre_agrupacion(marco, n.prioridad),
                          "motivo": voz.texto(n.motivo)} for n in ruta.no_atendidas],
        "metas": metas,
        "metas_resumen": metas_resumen(avances, metas),
        "metas_por_ciclo": metas_por_ciclo(ruta, metas, avances),
        "acciones": acciones,
        "acciones_resumen": acciones_resumen(situaciones),
        "rasgos": anexos,
        "rasgos_intro": intro_de_rasgos(ruta, hoy, anexos),
        "dinero": dinero(ruta, hoy, situaciones, voz),
        "ajustes": ajustes(ruta, hoy, voz),
        "ajustes_del_ciclo": ajustes_del_ciclo(ruta, hoy, voz, ciclo) if ciclo is not None else None,
        "revisiones": revisiones(ruta, hoy, voz, marco, acciones_por_id, prioridades),
        "evaluacion": [p for p in prioridades if p["balances"]],
        "cierre": cierre(ruta, hoy, voz, frozenset(m["id"] for m in metas if m["solo_por_cambio"])),
        "seguimiento": seguimiento(ruta, hoy, sesion, voz, acciones_por_id, problemas),
        "graficas": graficas_del_informe(ruta, hoy, avances, situaciones, metas, voz),
        "herramienta": _herramienta(),
        "marca": MARCA,
    })


def _tardios(ciclo, ruta: Ruta) -> tuple[dict, dict]:
    """(``{id de meta: [CambioTardio]}``, ``{id de meta: SinVersion}``) de los ajustes del
    ciclo: lo que la hizo más fácil después de su fecha límite, y las que vencieron antes del
    commit más antiguo de la Ruta (vacíos fuera de la rendición o fuera de git)."""
    if ciclo is None or not ciclo.en_git:
        return {}, {}
    from rutamejora.historia import cambios_tardios, vencidas_antes_de_git

    tardios = cambios_tardios(ciclo.de_metas, ruta, ciclo.de_mediciones, ciclo.de_series,
                              ciclo.desde)
    vencidas = vencidas_antes_de_git(ciclo.de_metas, ruta, ciclo.desde)
    return tardios, {m: SinVersion(limite, ciclo.desde, ciclo.superficial)
                     for m, limite in vencidas.items()}


def _portada(ruta: Ruta, hoy: date, tipo: str, voz: Voz, marco: dict, problemas,
             version: Version | None) -> dict:
    """Qué informe es, para quién, de qué escuela, marco y ciclos, y su encabezado."""
    audiencia = "comunidad" if voz.publica else "autoridad"
    horizonte = horizonte_de(ruta)
    ciclo = ruta.ciclo or ""
    return {
        "tipo": tipo,
        "audiencia": audiencia,
        "publico": audiencia == "comunidad",
        "para": _PARA[audiencia],
        "marco": marco,
        "escuela": _escuela(ruta, voz),
        "ciclo": ciclo,
        # El ciclo en curso el día del informe (en una Ruta de varios ciclos, un informe de
        # julio de 2025 es del primero, aunque ruta.yaml ya diga el segundo).
        "ciclo_en_curso": ciclo_de(ruta, hoy) or ciclo,
        "horizonte": horizonte,
        "titulo": titulo_del_informe(tipo, marco, ciclo, horizonte),
        "encabezado": _encabezado(ruta, hoy, problemas, version, audiencia == "comunidad"),
    }


def _encabezado(ruta: Ruta, hoy: date, problemas, version: Version | None,
                publico: bool = False) -> dict:
    """La fecha de corte, la última entrada de la bitácora, la versión en git y los errores.

    La versión es el commit para la autoridad y, para las familias, una fecha en palabras: un
    id de commit no le dice nada a un padre."""
    ultima = vistas.ultima_entrada(ruta, hoy)
    version = version if version is not None else Version(en_git=False)
    errores = [p for p in problemas if p.severidad == ERROR]
    return {
        "fecha": fecha_larga(hoy),
        "fecha_iso": hoy.isoformat(),
        "ultima_entrada": fecha_larga(ultima) if ultima else "sin entradas",
        "ultima_entrada_iso": ultima.isoformat() if ultima else None,
        "version": version.en_palabras() if publico else version.texto,
        # Al pie, dentro de una frase: «(versión del 10 de julio de 2026)» o «(commit 5a3b481)».
        "version_pie": version.en_palabras("versión del") if publico else version.texto,
        "commit": None if publico else version.commit,
        "cambios_sin_confirmar": version.cambios,
        "con_errores": bool(errores),
        "errores": [_problema(p, publico) for p in errores],
        # Los archivos que no se pudieron leer: lo suyo falta en todo el informe («Ejercido:
        # $0.00» con una bitácora ilegible no es que no se gastara).
        "ilegibles": sorted(n for n in ruta.documentos if n not in ruta.legibles),
    }


def _personas(ruta: Ruta, voz: Voz) -> dict:
    """El colectivo (con nombres solo para la autoridad), la comunidad y los órganos del marco."""
    return {
        "colectivo": [] if voz.publica else [
            {"id": p.id, "nombre": voz.propio(p.nombre), "funcion": rol(p)}
            for p in ruta.colectivo if p.id],
        "colectivo_resumen": _colectivo_resumen(ruta),
        "comunidad": [{"id": p.id, "nombre": voz.propio(p.nombre)} for p in ruta.comunidad if p.id],
        "organos_del_marco": _organos_del_marco(ruta, voz),
    }


def _herramienta() -> str:
    from rutamejora import __version__

    return f"ruta {__version__}"


def _problema(p, publico: bool = False) -> dict:
    donde = p.archivo + (f":{p.linea}:{p.columna}" if p.linea else "")
    # Un informe no muestra ni las iniciales de un nombre: solo la clase del dato («[nombre]»).
    # El código de la regla, solo para quien corrige la Ruta: a una familia no le dice nada.
    return {"donde": donde, "codigo": None if publico else p.codigo,
            "mensaje": enmascarar(p.mensaje, p.secretos, informe=True)}


def _organos_del_marco(ruta: Ruta, voz: Voz) -> list:
    """Los órganos que el marco pide entre las personas (pmc-2024: el Comité de Planeación y
    Evaluación): cómo se registró en la Ruta y de qué acciones responde o da seguimiento."""
    if ruta.marco is None:
        return []
    resultado = []
    for requerido in ruta.marco.personas_requeridas():
        tipo = requerido.get("tipo")
        personas = [p for p in ruta.comunidad if p.tipo == tipo and p.id]
        ids = {p.id for p in personas}
        acciones = [a.id for a in ruta.acciones if a.id and (
            ids & set(a.responsables or []) or a.responsable_seguimiento in ids)]
        nombre = requerido.get("nombre") or tipo
        if personas:
            texto = "; ".join(f"Integrado{'' if p.nombre == nombre else f' como «{voz.propio(p.nombre)}»'} "
                              f"({p.id})" for p in personas)
            if acciones:
                texto += f"; responde por {lista_y(acciones)}"
        else:
            texto = "No está registrado entre las personas de la Ruta"
        resultado.append({"nombre": nombre, "texto": texto,
                          "registrado": [{"id": p.id, "nombre": voz.propio(p.nombre)} for p in personas],
                          "acciones": acciones})
    return resultado


def _escuela(ruta: Ruta, voz: Voz) -> dict:
    """Los datos de la escuela, cada uno por la voz del informe: lo que se escribe en
    ruta.yaml puede traer un teléfono o una CURP. El nombre de la escuela es un nombre propio
    (a menudo el de un personaje): ahí un nombre de persona no cuenta."""
    e = ruta.escuela
    campos = ("nombre", "cct", "nivel", "turno", "zona", "sector", "entidad", "municipio",
              "localidad")
    datos = {c: (getattr(e, c, None) if e is not None else None) for c in campos}
    datos = {c: voz.propio(v) if c == "nombre" else voz.dato(v) for c, v in datos.items()}
    # El nombre con comillas tipográficas: Escuela Primaria “Carmen Serdán Alatriste”.
    datos["nombre"] = comillas(datos["nombre"]) or "Escuela sin nombre"
    datos["cct"] = datos["cct"] or "—"
    datos["nivel_texto"] = mayuscula(datos["nivel"]) if datos["nivel"] else None
    datos["turno_texto"] = _TURNOS.get(datos["turno"] or "", datos["turno"])
    lugar = [x for x in (datos["localidad"], datos["municipio"], datos["entidad"]) if x]
    datos["lugar"] = ", ".join(dict.fromkeys(lugar)) or None
    datos["plan"] = voz.dato(ruta.plan)
    return datos


def _colectivo_resumen(ruta: Ruta) -> str:
    n = len(ruta.colectivo)
    if not n:
        return "Sin integrantes registrados"
    docentes = sum(1 for p in ruta.colectivo if p.funcion == "docente")
    partes = [plural(n, "integrante", "integrantes")]
    if docentes:
        partes.append(f"{plural(docentes, 'docente', 'docentes')} frente a grupo")
    return ", ".join(partes)


def informe(resultado, tipo: str, formato: str, hoy: date, *, audiencia: str | None = None,
            sesion: int | None = None, plantillas: Path | None = None,
            con_errores: bool = False) -> str:
    """El informe de una Ruta ya validada (``validacion.Resultado``) como texto.

    Lanza ``RutaConErrores`` si la Ruta tiene errores y no se pidió ``con_errores``, y
    ``ErrorDeUso``/``ErrorDePlantilla`` ante una opción o una plantilla imposibles.
    """
    if tipo not in TIPOS:
        raise ErrorDeUso(f"«{tipo}» no es un tipo de informe ({', '.join(TIPOS)}).")
    if formato not in FORMATOS:
        raise ErrorDeUso(f"«{formato}» no es un formato de informe ({', '.join(FORMATOS)}).")
    errores = resultado.cuenta[ERROR]
    if errores and not con_errores:
        raise RutaConErrores(errores)
    ruta = resultado.ruta
    # Sin el recolector de ciclos mientras se arma y se imprime (como al validar): con el modelo
    # entero vivo, cada pasada lo recorría y el informe de una Ruta grande crecía más que ella.
    with sin_recolector():
        contexto = construir_contexto(ruta, hoy, tipo=tipo, audiencia=audiencia,
                                      problemas=resultado.problemas, sesion=sesion,
                                      version=version_git(ruta))
        return renderizar(contexto, tipo, formato, plantillas)


def aviso_de_fecha(ruta: Ruta, tipo: str, hoy: date) -> str | None:
    """El aviso para quien pide un seguimiento o una rendición de un día anterior al ciclo: el
    informe diría «Datos al 1 de enero de 2024» y mostraría un diagnóstico de 2025 (la Ruta como
    está escrita, sin nada de seguimiento). La planeación sí se escribe antes (en vacaciones)."""
    tramo = ruta.horizonte if ruta is not None else None
    if tipo == "planeacion" or tramo is None or hoy >= tramo[0]:
        return None
    from rutamejora.vistas import fecha_larga

    ciclo = " a ".join(ruta.ciclos) or "de la Ruta"
    return (f"la fecha {hoy.isoformat()} es anterior al ciclo {ciclo}, que empieza el "
            f"{fecha_larga(tramo[0])}: el informe muestra la Ruta como está escrita, sin "
            "seguimiento. ¿Querías una fecha del ciclo?")
