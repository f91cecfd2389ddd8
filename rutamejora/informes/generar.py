"""Informes: la Ruta cargada → un contexto de datos → plantillas Jinja → Markdown o HTML.

El **contexto** se arma una sola vez a partir del modelo y de ``vistas`` (que calcula avance,
estados y dinero): son diccionarios y listas con los textos y números ya formateados. Cada
informe (planeación, seguimiento, rendición de cuentas) es solo una vista de ese contexto; las
plantillas no suman, no deciden estados ni calculan porcentajes.

**Privacidad.** La audiencia ``comunidad`` (madres, padres y tutores) no recibe datos de
personas: el contexto mismo ya no los trae, así que ninguna plantilla (tampoco una propia con
``--plantillas``) puede mostrarlos. Los responsables aparecen por su función («Docente de
3°A», «Dirección») o por su órgano (APF, CEPS); los alumnos, solo en cantidades; de los
textos libres se quitan los códigos de alumno, las CURP, los contactos y los nombres completos
que no son del colectivo, y un texto que junta un dato de salud con un alumno identificable se
omite entero. La audiencia ``autoridad`` (supervisión) lleva el detalle: nombres del colectivo
y códigos de alumnos en riesgo.

**Seguridad.** Las plantillas se ejecutan siempre en el entorno aislado de Jinja
(``ImmutableSandboxedEnvironment``); en HTML el escape automático está activo y en Markdown
cada valor pasa por ``escapar_md``. Las gráficas SVG se arman en ``graficas`` escapando cada
texto antes de marcarlas como seguras.

**Reproducible.** Nada depende del reloj ni del sistema: la fecha de corte es ``hoy`` (la de
``--fecha``), y la única información externa es el commit de git de la Ruta.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path

from rutamejora.informes import graficas
from rutamejora.vistas import numeros as vistas
from rutamejora.formato.modelo import Ruta, costo_total, periodos, registros
from rutamejora.nucleo.problemas import ERROR, enmascarar
from rutamejora.vistas.numeros import fecha_corta, fecha_larga, numero, pesos, porcentaje

TIPOS = ("planeacion", "seguimiento", "rendicion")
FORMATOS = ("md", "html")
AUDIENCIAS = ("comunidad", "autoridad")
# La rendición de cuentas se escribe para las familias; la planeación y el seguimiento, para
# el CTE y la supervisión.
AUDIENCIA_POR_OMISION = {"rendicion": "comunidad", "planeacion": "autoridad",
                         "seguimiento": "autoridad"}
EXTENSIONES = {".md": "md", ".markdown": "md", ".html": "html", ".htm": "html"}
# Marca de un archivo hecho por `ruta informe`: `-o` solo reemplaza archivos que la tienen.
MARCA = "Generado con «ruta informe»"
# Procesos del marco con los que se titula cada informe (la rendición usa `informe_final`).
_PROCESO = {"planeacion": "planeacion", "seguimiento": "seguimiento"}


class ErrorDeUso(Exception):
    """Una opción imposible o un archivo que no se puede usar: salida 2, mensaje en español."""


class ErrorDePlantilla(ErrorDeUso):
    """Una plantilla con un error o que intentó algo que el entorno aislado no permite."""


class RutaConErrores(Exception):
    """La Ruta tiene errores de validación y no se pidió ``--con-errores``: salida 1."""

    def __init__(self, errores: int):
        self.errores = errores
        super().__init__(f"{errores} errores")


# --- Formatos y fechas -----------------------------------------------------------------------


def formato_de_archivo(archivo: Path) -> str | None:
    """``informe.html`` → ``html``; ``None`` si la extensión no dice el formato."""
    return EXTENSIONES.get(archivo.suffix.lower())


def rango_fechas(inicio: date | None, fin: date | None) -> str:
    """«15–26 sep 2025», «8 sep – 12 dic 2025», «8 sep 2025 – 3 jul 2026»."""
    if inicio is None or fin is None:
        return fecha_corta(inicio or fin)
    if inicio == fin:
        return fecha_corta(inicio)
    mes_fin = vistas.MESES[fin.month - 1][:3]
    if inicio.year == fin.year and inicio.month == fin.month:
        return f"{inicio.day}–{fin.day} {mes_fin} {fin.year}"
    if inicio.year == fin.year:
        return f"{inicio.day} {vistas.MESES[inicio.month - 1][:3]} – {fin.day} {mes_fin} {fin.year}"
    return f"{fecha_corta(inicio)} – {fecha_corta(fin)}"


def fecha_de_sesion(ruta: Ruta, numero_sesion: int) -> date:
    """La fecha de la sesión ordinaria ``numero_sesion``: la de su entrada en la bitácora (el
    día en que de verdad se hizo) o, si aún no la tiene, la del calendario."""
    for e in ruta.entradas:
        if e.sesion == numero_sesion and e.fecha is not None:
            return e.fecha
    calendario = vistas.sesiones(ruta)
    for n, dia in calendario:
        if n == numero_sesion:
            return dia
    if not calendario:
        raise ErrorDeUso(f"la Ruta no tiene fechas de sesiones del CTE, así que no hay sesión "
                         f"{numero_sesion}. Usa --fecha AAAA-MM-DD.")
    raise ErrorDeUso(f"no hay sesión {numero_sesion}: el calendario del ciclo tiene "
                     f"{len(calendario)} sesiones ordinarias (de la 1 a la {len(calendario)}).")


# --- Git -------------------------------------------------------------------------------------


@dataclass
class Version:
    """El estado de la Ruta en git. ``commit`` es ``None`` fuera de un repositorio o sin commits."""

    en_git: bool
    commit: str | None = None
    cambios: bool = False

    @property
    def texto(self) -> str | None:
        if not self.en_git:
            return None
        base = f"commit {self.commit}" if self.commit else "sin commits todavía"
        return f"{base}, con cambios sin confirmar" if self.cambios else base


def _git(carpeta: Path, *args: str) -> str | None:
    entorno = dict(os.environ, LC_ALL="C", GIT_OPTIONAL_LOCKS="0", GIT_TERMINAL_PROMPT="0")
    try:
        hecho = subprocess.run(["git", "-C", str(carpeta), *args], capture_output=True, text=True,
                               timeout=15, env=entorno, stdin=subprocess.DEVNULL)
    except (OSError, subprocess.SubprocessError):
        return None
    return hecho.stdout if hecho.returncode == 0 else None


def version_git(ruta: Ruta) -> Version:
    """El commit de la Ruta y si sus archivos difieren de él (tolerante: sin git, sin versión).

    Solo cuentan los archivos de la Ruta: un informe escrito en su carpeta no la «ensucia».
    """
    carpeta = ruta.carpeta
    dentro = _git(carpeta, "rev-parse", "--is-inside-work-tree")
    if dentro is None or dentro.strip() != "true":
        return Version(en_git=False)
    commit = _git(carpeta, "rev-parse", "--short", "HEAD")
    nombres = sorted(set(ruta.documentos) | {d.ruta.name for d in ruta.documentos.values()}
                     | set(_ARCHIVOS_RUTA))
    estado = _git(carpeta, "status", "--porcelain", "--untracked-files=all", "--", *nombres)
    return Version(en_git=True, commit=commit.strip() if commit else None,
                   cambios=bool(estado and estado.strip()))


_ARCHIVOS_RUTA = ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml",
                  "metas.yaml", "acciones.yaml", "bitacora.yaml")


# --- Privacidad: la voz de cada audiencia ----------------------------------------------------

_FUNCIONES = {"director": "Dirección", "subdirector": "Subdirección", "docente": "Docente",
              "docente_especial": "Docente de educación especial",
              "educacion_fisica": "Educación física", "usaer": "USAER",
              "apoyo": "Personal de apoyo", "administrativo": "Personal administrativo",
              "supervisor": "Supervisión escolar", "atp": "Asesoría técnica pedagógica"}
_ALUMNO_NOMBRADO = re.compile(r"\b(el|la)\s+(alumn[oa]|niñ[oa]|estudiante)\s+[A-ZÁÉÍÓÚÑ]\w+")
OMITIDO = "[dato omitido]"
TEXTO_DE_SALUD_OMITIDO = "(Se omite este texto: habla de la salud de un alumno.)"


def rol(persona) -> str:
    """«Docente de 3°A», «Dirección»: la función pública de un integrante del colectivo."""
    base = _FUNCIONES.get(persona.funcion or "", "Integrante del colectivo")
    if persona.funcion == "docente" and persona.grupo:
        return f"{base} de {persona.grupo}"
    return base


def _patron_de_nombre(nombre: str) -> re.Pattern:
    """Cualquier tramo de dos o más palabras seguidas de ``nombre``, sin importar mayúsculas
    ni acentos; los tramos más largos primero."""
    from rutamejora.reglas.privacidad import sin_acentos

    palabras = nombre.split()
    tramos = sorted({tuple(palabras[i:j]) for i in range(len(palabras))
                     for j in range(i + 2, len(palabras) + 1)}, key=lambda t: -len(t))
    alternativas = [r"\s+".join(sin_acentos(p) for p in tramo) for tramo in tramos]
    return re.compile(r"(?<!\w)(?:" + "|".join(alternativas) + r")(?!\w)", re.IGNORECASE)


class Voz:
    """Cómo se nombra a las personas y qué texto libre puede salir para cada audiencia."""

    def __init__(self, ruta: Ruta, audiencia: str):
        from rutamejora.catalogos import datos_de, normalizar
        from rutamejora.reglas import privacidad

        self.publica = audiencia == "comunidad"
        self._normalizar = normalizar
        self._privacidad = privacidad
        self.roles = {p.id: rol(p) for p in ruta.colectivo if p.id}
        self.nombres = {p.id: p.nombre for p in ruta.colectivo if p.id and p.nombre}
        self.organos = {p.id: p.nombre for p in ruta.comunidad if p.id and p.nombre}
        riesgos = (ruta.diagnostico.alumnos_en_riesgo or []) if ruta.diagnostico is not None else []
        self.codigos = sorted({str(c) for r in riesgos for c in r.codigos or [] if c},
                              key=lambda c: (-len(c), c))
        permitidos = [p.nombre for p in ruta.colectivo + ruta.comunidad if p.nombre]
        if ruta.escuela is not None and ruta.escuela.nombre:
            permitidos.append(ruta.escuela.nombre)
        permitidos += list(datos_de("privacidad.yaml").get("personajes") or [])
        self._permitidos = [normalizar(n) for n in permitidos]
        # Nombres del colectivo → su función. Cuenta también una parte del nombre de dos o más
        # palabras seguidas, sin importar mayúsculas ni acentos («profr. Ramírez Ochoa»,
        # «ROSA ELENA MENDEZ»): así escribe la gente en las actas.
        self._nombres_a_rol = [(_patron_de_nombre(p.nombre), rol(p))
                               for p in sorted(ruta.colectivo, key=lambda p: -len(p.nombre or ""))
                               if p.nombre and len(p.nombre.split()) >= 2]
        # Las claves del colectivo (DIR, DOC3) en los textos → su función. Solo claves con una
        # mayúscula o un número: una clave en minúsculas («la») se confundiría con palabras.
        claves = sorted((i for i in self.roles if i != i.lower()), key=lambda i: (-len(i), i))
        self._ids = re.compile(r"\b(" + "|".join(map(re.escape, claves)) + r")\b") if claves else None

    def responsable(self, id_: str) -> str:
        """Quién responde por una acción, como lo puede leer esta audiencia."""
        if id_ in self.organos:
            return self.organos[id_]
        if id_ in self.roles:
            if self.publica:
                return self.roles[id_]
            return f"{self.nombres[id_]} ({_minuscula(self.roles[id_])})" if id_ in self.nombres \
                else self.roles[id_]
        return id_

    def texto(self, valor) -> str | None:
        """Un texto libre de la Ruta: tal cual para la autoridad; sin datos personales para la
        comunidad."""
        if valor is None:
            return None
        texto = " ".join(str(valor).split())
        if not self.publica or not texto:
            return texto
        return self._publico(texto)

    def textos(self, valores) -> list[str]:
        return [t for t in (self.texto(v) for v in valores or []) if t]

    def _publico(self, texto: str) -> str:
        priv = self._privacidad
        nombres_ajenos = [n for n in priv.nombres_completos(texto) if not self._permitido(n)]
        identificable = (any(self._hay_codigo(c, texto) for c in self.codigos) or nombres_ajenos
                         or _ALUMNO_NOMBRADO.search(texto) or priv.CURP.search(texto))
        if identificable and priv.termino_de_salud(texto):
            return TEXTO_DE_SALUD_OMITIDO
        texto = priv.CURP.sub(OMITIDO, texto)
        texto = priv.CORREO.sub(OMITIDO, texto)
        texto = priv.TELEFONO.sub(lambda m: OMITIDO if sum(c.isdigit() for c in m.group()) >= 10
                                  else m.group(), texto)
        for codigo in self.codigos:
            texto = re.sub(r"(?<![\w-])" + re.escape(codigo) + r"(?![\w-])", OMITIDO, texto)
        for nombre in nombres_ajenos:
            texto = texto.replace(nombre, "[nombre omitido]")
        for patron, funcion in self._nombres_a_rol:
            texto = patron.sub(_minuscula(funcion), texto)
        if self._ids is not None:
            texto = self._ids.sub(lambda m: _minuscula(self.roles[m.group()]), texto)
        return texto[:1].upper() + texto[1:]  # «dirección entrega…» empieza una oración

    def _hay_codigo(self, codigo: str, texto: str) -> bool:
        return re.search(r"(?<![\w-])" + re.escape(codigo) + r"(?![\w-])", texto) is not None

    def _permitido(self, nombre: str) -> bool:
        forma = self._normalizar(nombre)
        return any(forma == p or forma in p for p in self._permitidos)


# --- Valores con su unidad -------------------------------------------------------------------


def con_unidad(valor: Decimal | None, unidad: str | None) -> str:
    """46 → «46 %», 44 → «44 alumnos», 7.6 → «7.6»."""
    if valor is None:
        return "—"
    texto = numero(valor)
    if unidad == "porcentaje":
        return f"{texto} %"
    if unidad == "alumnos":
        return f"{texto} {'alumno' if valor == 1 else 'alumnos'}"
    if unidad == "nivel":
        return f"nivel {texto}"
    return texto


def _plural(n: int, singular: str, plural: str) -> str:
    return f"{n} {singular if n == 1 else plural}"


def _mayuscula(texto: str | None) -> str:
    return (texto[:1].upper() + texto[1:]) if texto else ""


def _minuscula(texto: str) -> str:
    """«Docente de 3°A» → «docente de 3°A»; una sigla («USAER») se queda como está."""
    if len(texto) > 1 and texto[1].isupper():
        return texto
    return texto[:1].lower() + texto[1:]


def _costo_texto(accion) -> tuple[str, str | None]:
    """(«$2,250.00», «$250.00 al mes × 9»): el total y, si se escribió por periodo, cómo."""
    total = costo_total(accion)
    costo = accion.costo
    if total is None:
        return "—", None
    if total == 0:
        return "Sin costo", None
    if costo is not None and not isinstance(costo, Decimal) and costo.total is None:
        if costo.por_semana is not None and costo.semanas:
            return pesos(total), f"{pesos(costo.por_semana)} por semana × {costo.semanas}"
        if costo.por_mes is not None and costo.meses:
            return pesos(total), f"{pesos(costo.por_mes)} al mes × {costo.meses}"
    return pesos(total), None


# --- El contexto -----------------------------------------------------------------------------

_LOGRO = {"lograda": "Sí", "no_lograda": "No", "en_camino": "Todavía no: va en camino",
          "en_riesgo": "Todavía no: va atrasada", "sin_datos": "Todavía no hay datos"}
_NOMBRES_RIESGO = {
    "no_alcanzar_aprendizajes": "En riesgo de no alcanzar los aprendizajes",
    "no_ser_promovido": "En riesgo de no ser promovidos",
    "abandono": "En riesgo de abandonar la escuela",
    "lengua_indigena": "Hablantes de una lengua indígena",
    "migrante": "Alumnos migrantes",
    "necesidades_educativas_especiales": "Con necesidades educativas especiales",
    "ausentismo": "Con ausentismo recurrente",
}
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
    marco = _marco(ruta)
    avances = vistas.avance_de_metas(ruta, hoy)
    situaciones = vistas.situacion_de_acciones(ruta, hoy)
    metas = [_meta(ruta, a, voz) for a in avances]
    acciones = [_accion(ruta, s, voz, marco, hoy) for s in situaciones]
    prioridades = _prioridades(ruta, voz, marco, metas, acciones, avances, hoy)
    horizonte = _horizonte(ruta)
    acciones_por_id = {a["id"]: a for a in acciones}
    ultima = vistas.ultima_entrada(ruta, hoy)
    version = version if version is not None else Version(en_git=False)
    errores = [p for p in problemas if p.severidad == ERROR]
    escuela = _escuela(ruta)
    ciclo = ruta.ciclo or ""
    contexto = {
        "tipo": tipo,
        "audiencia": audiencia,
        "publico": audiencia == "comunidad",
        "para": _PARA[audiencia],
        "marco": marco,
        "escuela": escuela,
        "ciclo": ciclo,
        "horizonte": horizonte,
        "titulo": _titulo(tipo, marco, ciclo, horizonte),
        "encabezado": {
            "fecha": fecha_larga(hoy),
            "fecha_iso": hoy.isoformat(),
            "ultima_entrada": fecha_larga(ultima) if ultima else "sin entradas",
            "ultima_entrada_iso": ultima.isoformat() if ultima else None,
            "version": version.texto,
            "commit": version.commit,
            "cambios_sin_confirmar": version.cambios,
            "con_errores": bool(errores),
            "errores": [_problema(p) for p in errores],
        },
        "colectivo": [] if voz.publica else [
            {"id": p.id, "nombre": p.nombre, "funcion": rol(p)} for p in ruta.colectivo if p.id],
        "colectivo_resumen": _colectivo_resumen(ruta),
        "comunidad": [{"id": p.id, "nombre": p.nombre} for p in ruta.comunidad if p.id],
        "organos_del_marco": _organos_del_marco(ruta),
        "diagnostico": _diagnostico(ruta, voz, marco),
        "prioridades": prioridades,
        "no_atendidas": [{"nombre": _nombre_agrupacion(marco, n.prioridad),
                          "motivo": voz.texto(n.motivo)} for n in ruta.no_atendidas],
        "metas": metas,
        "metas_resumen": _metas_resumen(avances),
        "metas_por_ciclo": _metas_por_ciclo(ruta, metas, avances),
        "acciones": acciones,
        "acciones_resumen": _acciones_resumen(situaciones),
        "rasgos": _rasgos(ruta, marco, hoy, voz),
        "dinero": _dinero(ruta, hoy, situaciones, voz),
        "ajustes": _ajustes(ruta, hoy, voz),
        "revisiones": _revisiones(ruta, hoy, voz, marco, acciones_por_id, prioridades),
        "evaluacion": [p for p in prioridades if p["balances"]],
        "cierre": _cierre(ruta, hoy, voz),
        "seguimiento": _seguimiento(ruta, hoy, sesion, voz, acciones_por_id),
        "graficas": _graficas(ruta, hoy, avances, situaciones, metas),
        "herramienta": _herramienta(),
        "marca": MARCA,
    }
    return contexto


def _herramienta() -> str:
    from rutamejora import __version__

    return f"ruta {__version__}"


def _problema(p) -> dict:
    donde = p.archivo + (f":{p.linea}:{p.columna}" if p.linea else "")
    return {"donde": donde, "codigo": p.codigo, "mensaje": enmascarar(p.mensaje, p.secretos)}


def _marco(ruta: Ruta) -> dict:
    m = ruta.marco
    if m is None:
        return {"clave": "", "nombre": "Ruta de mejora escolar", "siglas": "Ruta de mejora escolar",
                "singular": "prioridad", "plural": "prioridades", "Singular": "Prioridad",
                "Plural": "Prioridades", "el_singular": "la prioridad",
                "de_singular": "de la prioridad",
                "informe_final": "Rendición de cuentas", "procesos": {},
                "valores": {}, "anexos": [], "valoraciones": {}, "ambitos": {},
                "nombres": dict(_NOMBRES_POR_OMISION), "pide": [], "pide_verbo": False}
    agr = m.agrupacion
    singular, plural = agr.get("singular") or "prioridad", agr.get("plural") or "prioridades"
    final = (m.datos.get("informe_final") or {}).get("nombre") or "Rendición de cuentas"
    return {
        "clave": m.clave, "nombre": m.nombre, "singular": singular, "plural": plural,
        "Singular": _mayuscula(singular), "Plural": _mayuscula(plural),
        "informe_final": final,
        "procesos": {str(p.get("clave")): p.get("nombre") for p in m.valores("procesos")},
        "valores": {str(v.get("clave")): v.get("nombre") for v in m.valores("agrupacion")},
        "anexos": m.valores("anexos"),
        "valoraciones": {str(v.get("clave")): v.get("nombre") for v in m.valores("valoraciones")},
        "ambitos": {str(v.get("clave")): v.get("nombre") for v in m.valores("ambitos")},
        "siglas": m.siglas,
        "el_singular": m.el(),  # «la prioridad», «el ámbito», «la problemática»
        "de_singular": ("del " + m.el()[3:]) if m.el().startswith("el ") else "de " + m.el(),
        "nombres": {parte: m.nombre_de(parte, nombre) for parte, nombre in _NOMBRES_POR_OMISION.items()},
        # Los campos que el marco pide además del formato base («indicador.formula»…).
        "pide": sorted(str(k) for k, v in (m.datos.get("campos") or {}).items()
                       if str(v) == "requerido"),
        # El marco pide objetivos que empiecen con un verbo en infinitivo: el informe lo muestra.
        "pide_verbo": m.regla_suave("objetivo-sin-verbo") is not None,
    }


_NOMBRES_POR_OMISION = {"diagnostico": "Diagnóstico", "objetivos": "Objetivos", "metas": "Metas"}


def _horizonte(ruta: Ruta) -> dict:
    """Los ciclos que abarca la Ruta: uno, o varios en un marco de varios ciclos (pemc-2019)."""
    ciclos = ruta.ciclos or ([ruta.ciclo] if ruta.ciclo else [])
    varios = len(ciclos) > 1
    texto = f"{ciclos[0]} a {ciclos[-1]}" if varios else (ruta.ciclo or "")
    return {"ciclos": ciclos, "varios": varios, "texto": texto,
            "frase": f"de los ciclos escolares {texto}" if varios
            else f"del ciclo escolar {texto}".strip(),
            "periodo": f"los ciclos {texto}" if varios else "el ciclo"}


def _ciclo_de(ruta: Ruta, dia: date | None) -> str | None:
    """El ciclo del horizonte al que pertenece un día (el último que ya empezó)."""
    if dia is None:
        return ruta.ciclo
    candidatos = [c for c in ruta.ciclos
                  if ruta.calendarios.get(c) is not None and ruta.calendarios[c].inicio <= dia]
    return candidatos[-1] if candidatos else ruta.ciclo


def _titulo(tipo: str, marco: dict, ciclo: str, horizonte: dict) -> str:
    """«Rendición de cuentas 2025-2026»; la evaluación y la planeación de una Ruta de varios
    ciclos abarcan todo su horizonte («Evaluación del PEMC 2024-2025 a 2025-2026»)."""
    if tipo == "rendicion":
        nombre = marco["informe_final"]
    else:
        nombre = marco["procesos"].get(_PROCESO[tipo]) or {"planeacion": "Planeación",
                                                           "seguimiento": "Seguimiento"}[tipo]
    periodo = ciclo if tipo == "seguimiento" else (horizonte["texto"] or ciclo)
    return f"{nombre} {periodo}".strip()


def _nombre_agrupacion(marco: dict, clave: str | None) -> str:
    return marco["valores"].get(clave or "", clave or "—")


def _organos_del_marco(ruta: Ruta) -> list:
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
            texto = "; ".join(f"Integrado{'' if p.nombre == nombre else f' como «{p.nombre}»'} "
                              f"({p.id})" for p in personas)
            if acciones:
                texto += f"; responde por {_lista_y(acciones)}"
        else:
            texto = "No está registrado entre las personas de la Ruta"
        resultado.append({"nombre": nombre, "texto": texto,
                          "registrado": [{"id": p.id, "nombre": p.nombre} for p in personas],
                          "acciones": acciones})
    return resultado


def _escuela(ruta: Ruta) -> dict:
    e = ruta.escuela
    campos = ("nombre", "cct", "nivel", "turno", "zona", "sector", "entidad", "municipio",
              "localidad")
    datos = {c: (getattr(e, c, None) if e is not None else None) for c in campos}
    datos["nombre"] = datos["nombre"] or "Escuela sin nombre"
    datos["cct"] = datos["cct"] or "—"
    datos["nivel_texto"] = _mayuscula(datos["nivel"]) if datos["nivel"] else None
    datos["turno_texto"] = _TURNOS.get(datos["turno"] or "", datos["turno"])
    lugar = [x for x in (datos["localidad"], datos["municipio"], datos["entidad"]) if x]
    datos["lugar"] = ", ".join(dict.fromkeys(lugar)) or None
    datos["plan"] = ruta.plan
    return datos


def _colectivo_resumen(ruta: Ruta) -> str:
    n = len(ruta.colectivo)
    if not n:
        return "Sin integrantes registrados"
    docentes = sum(1 for p in ruta.colectivo if p.funcion == "docente")
    partes = [_plural(n, "integrante", "integrantes")]
    if docentes:
        partes.append(f"{_plural(docentes, 'docente', 'docentes')} frente a grupo")
    return ", ".join(partes)


def _diagnostico(ruta: Ruta, voz: Voz, marco: dict) -> dict:
    d = ruta.diagnostico
    if d is None:
        return {"fecha": None, "fuentes": [], "campos": [], "fortalezas": [], "practicas": None,
                "convivencia": None, "infraestructura": [], "necesidades": [], "riesgo": [],
                "indicadores": [], "contexto": None, "ambitos": []}
    campos = []
    for a in d.aprendizajes or []:
        campos.append({
            "campo": a.campo or "—",
            "necesidades": voz.texto(a.necesidades),
            "fortalezas": voz.texto(a.fortalezas),
            "resultados": [{"indicador": voz.texto(r.indicador), "valor": con_unidad(r.valor, r.unidad),
                            "grado": voz.texto(r.grado), "fuente": voz.texto(r.fuente)}
                           for r in a.resultados or []],
        })
    riesgo = []
    for r in d.alumnos_en_riesgo or []:
        cantidad = r.cantidad if r.cantidad is not None else (len(r.codigos) if r.codigos else None)
        riesgo.append({
            "tipo": r.tipo,
            "nombre": _NOMBRES_RIESGO.get(r.tipo or "", r.tipo or "—"),
            "cantidad": str(cantidad) if cantidad is not None else "—",
            # Para la comunidad, ni códigos ni grado: con cantidades pequeñas el grado identifica.
            "grado": None if voz.publica else r.grado,
            "codigos": [] if voz.publica else [str(c) for c in r.codigos or []],
            "apoyo": voz.texto(r.apoyo),
        })
    return {
        "fecha": fecha_larga(d.fecha) if d.fecha else None,
        "fuentes": voz.textos(d.fuentes),
        "campos": campos,
        "fortalezas": voz.textos(d.fortalezas),
        "practicas": voz.texto(d.practicas),
        "convivencia": voz.texto(d.convivencia),
        "infraestructura": voz.textos(d.infraestructura),
        "necesidades": [{"id": n.id, "descripcion": voz.texto(n.descripcion),
                         "evidencia": voz.texto(n.evidencia)} for n in d.necesidades or [] if n.id],
        "riesgo": riesgo,
        "indicadores": [{"nombre": voz.texto(i.nombre), "valor": con_unidad(i.valor, i.unidad)}
                        for i in d.indicadores or []],
        "contexto": voz.texto(d.contexto),
        "ambitos": [{"clave": a.ambito, "nombre": marco["ambitos"].get(a.ambito or "", a.ambito or "—"),
                     "situacion": voz.texto(a.situacion), "fortalezas": voz.texto(a.fortalezas),
                     "necesidades": voz.texto(a.necesidades)} for a in d.ambitos or []],
    }


def _meta(ruta: Ruta, a, voz: Voz) -> dict:
    m = a.meta
    ind = m.indicador
    unidad = ind.unidad if ind is not None else None
    return {
        "id": m.id,
        "objetivo": m.objetivo,
        "ciclo": m.ciclo,
        "descripcion": voz.texto(m.descripcion),
        "indicador": voz.texto(ind.nombre) if ind is not None else None,
        "unidad": unidad,
        "formula": voz.texto(ind.formula) if ind is not None else None,
        "fuente": voz.texto(ind.fuente) if ind is not None else None,
        "sentido": m.sentido,
        "de_que_manera": voz.texto(m.de_que_manera),
        "linea_base": con_unidad(a.linea_base, unidad),
        "valor_meta": con_unidad(a.valor_meta, unidad),
        "resultado": con_unidad(a.ultimo, unidad) if a.ultimo is not None else "Sin medición",
        "fecha_resultado": fecha_corta(a.fecha_ultimo) if a.fecha_ultimo else None,
        "fecha_limite": fecha_corta(m.fecha_limite) if m.fecha_limite else "—",
        "fecha_limite_larga": fecha_larga(m.fecha_limite) if m.fecha_limite else "—",
        "estado": a.estado,
        "nombre_estado": a.nombre_estado,
        "logro": _LOGRO[a.estado],
        "recorrido": porcentaje(a.recorrido) if a.recorrido is not None else "—",
        "tiempo": porcentaje(a.tiempo) if a.tiempo is not None else "—",
        "costo": pesos(m.costo) if m.costo is not None else None,
        "mediciones": [{"fecha": fecha_corta(f), "valor": con_unidad(v, unidad),
                        "fuente": voz.texto(fuente)} for f, v, fuente in a.mediciones],
        "barra": graficas.barra_texto(a.recorrido),
        "resumen": _resumen_meta(a, unidad),
    }


def _resumen_meta(a, unidad) -> str:
    resultado = con_unidad(a.ultimo, unidad) if a.ultimo is not None else "sin medición"
    return f"{con_unidad(a.linea_base, unidad)} → {resultado} (meta: {con_unidad(a.valor_meta, unidad)})"


def _metas_resumen(avances) -> dict:
    cuenta = {}
    for a in avances:
        cuenta[a.estado] = cuenta.get(a.estado, 0) + 1
    total = len(avances)
    logradas = cuenta.get("lograda", 0)
    partes = [f"{cuenta[k]} {_PLURALES_META[k][0] if cuenta[k] == 1 else _PLURALES_META[k][1]}"
              for k in _ORDEN_ESTADOS if cuenta.get(k) and k != "lograda"]
    return {"total": total, "logradas": logradas, "por_estado": cuenta,
            "texto": f"{logradas} de {total} metas logradas" if total else "Sin metas",
            "detalle": ", ".join(partes)}


def _metas_por_ciclo(ruta: Ruta, metas: list, avances) -> list:
    """Las metas agrupadas por su ``ciclo`` (una Ruta de varios ciclos), en el orden del
    horizonte; vacío si ninguna meta dice su ciclo."""
    if not any(m["ciclo"] for m in metas):
        return []
    orden = list(ruta.ciclos) + sorted({m["ciclo"] for m in metas if m["ciclo"]} - set(ruta.ciclos))
    grupos = []
    for ciclo in orden + [None]:
        pares = [(m, a) for m, a in zip(metas, avances) if m["ciclo"] == ciclo]
        if not pares:
            continue
        resumen = _metas_resumen([a for _, a in pares])
        grupos.append({"ciclo": ciclo or "sin ciclo", "metas": [m for m, _ in pares],
                       "texto": resumen["texto"], "detalle": resumen["detalle"],
                       "en_curso": ciclo == ruta.ciclo})
    return grupos


_ORDEN_ESTADOS = ("lograda", "en_camino", "en_riesgo", "sin_datos", "no_lograda")
_PLURALES_META = {"lograda": ("lograda", "logradas"), "en_camino": ("en camino", "en camino"),
                  "en_riesgo": ("en riesgo", "en riesgo"), "sin_datos": ("sin datos", "sin datos"),
                  "no_lograda": ("no lograda", "no logradas")}


def _tiempo(accion) -> str:
    if accion.periodos:
        return "; ".join(f"{p.nombre + ': ' if p.nombre else ''}{rango_fechas(p.inicio, p.fin)}"
                         for p in accion.periodos if p.inicio and p.fin)
    return rango_fechas(accion.inicio, accion.fin) if accion.inicio or accion.fin else "—"


def _accion(ruta: Ruta, s, voz: Voz, marco: dict, hoy: date) -> dict:
    a = s.accion
    fuentes = {f.id: f for f in ruta.fuentes if f.id}
    fuente = fuentes.get(a.fuente)
    return {
        "id": a.id,
        "actividad": voz.texto(a.actividad),
        "metas": [m for m in a.metas or [] if m],
        "ambito": marco["ambitos"].get(a.ambito or "", a.ambito),
        "responsables": [voz.responsable(r) for r in a.responsables or [] if r],
        "responsable_seguimiento": voz.responsable(a.responsable_seguimiento)
        if a.responsable_seguimiento else None,
        "participantes": voz.textos(a.participantes),
        "recursos": voz.textos(a.recursos),
        "costo": _costo_texto(a)[0],
        "costo_dado": a.costo is not None,
        "costo_detalle": _costo_texto(a)[1],
        "costo_total": pesos(s.costo) if s.costo is not None else "—",
        "tiene_costo": bool(s.costo),
        "fuente": a.fuente,
        "fuente_nombre": voz.texto(fuente.nombre) if fuente is not None else None,
        "tiempo": _tiempo(a),
        "tiempo_vigente": "; ".join(rango_fechas(i, f) for i, f, _ in vistas.tramos_vigentes(ruta, a, hoy))
        if s.reprogramada else _tiempo(a),
        "reprogramada": s.reprogramada,
        "estado": s.estado,
        "nombre_estado": _mayuscula(s.nombre_estado),
        "avance": f"{s.avance} %" if s.avance is not None else "—",
        "gasto": pesos(s.gasto),
        "tiene_gasto": bool(s.gasto),
        "comprobantes": voz.textos(s.comprobantes),
        "conclusion": voz.texto(s.conclusion),
        "vencida": s.vencida,
        "favorables": voz.texto(a.favorables),
        "obstaculos": voz.texto(a.obstaculos),
        "atenuacion": voz.texto(a.atenuacion),
        "evidencia_esperada": voz.texto(a.evidencia_esperada),
        # Lo que el seguimiento registró como evidencia hasta la fecha de corte, sin repetir.
        "evidencias": list(dict.fromkeys(
            t for e, r in registros(ruta, a.id) if _fecha(e) <= hoy for t in voz.textos(r.evidencias))),
    }


def _acciones_resumen(situaciones) -> dict:
    cuenta: dict = {}
    for s in situaciones:
        cuenta[s.estado] = cuenta.get(s.estado, 0) + 1
    orden = ("realizada", "en_curso", "pendiente", "reprogramada", "cancelada", None)
    plurales = {"realizada": ("realizada", "realizadas"), "en_curso": ("en curso", "en curso"),
                "pendiente": ("pendiente", "pendientes"),
                "reprogramada": ("reprogramada", "reprogramadas"),
                "cancelada": ("cancelada", "canceladas"), None: ("sin registro", "sin registro")}
    partes = [f"{cuenta[k]} {plurales[k][0] if cuenta[k] == 1 else plurales[k][1]}"
              for k in orden if cuenta.get(k)]
    total = len(situaciones)
    return {"total": total, "realizadas": cuenta.get("realizada", 0),
            "canceladas": cuenta.get("cancelada", 0),
            "texto": f"{_plural(total, 'acción', 'acciones')}: " + ", ".join(partes) if total
            else "Sin acciones"}


def _prioridades(ruta: Ruta, voz: Voz, marco: dict, todas_las_metas: list, acciones: list,
                 avances, hoy: date) -> list:
    """Las agrupaciones (prioridades, ámbitos, problemáticas) en el orden de la escuela
    (``orden`` si el marco las jerarquiza), con sus objetivos, metas, acciones y balances."""
    necesidades = {n.id: n for n in ruta.necesidades if n.id}
    avance_de = {a.meta.id: a for a in avances}
    balances = _balances(ruta, hoy, voz, marco)
    en_orden = sorted(ruta.prioridades, key=lambda p: p.orden if isinstance(p.orden, int) else 10**6)
    resultado = []
    for numero_p, p in enumerate(en_orden, start=1):
        objetivos = []
        ids_metas: list = []
        for o in ruta.objetivos:
            if o.prioridad != p.id or not p.id:
                continue
            metas = [m for m in todas_las_metas if m["objetivo"] == o.id and o.id]
            ids_metas += [m["id"] for m in metas]
            objetivos.append({"id": o.id, "que": voz.texto(o.que), "para_que": voz.texto(o.para_que),
                              "metas": metas, **_verbo(voz.texto(o.que), marco)})
        # Las acciones de la prioridad: las que sirven a alguna de sus metas, en su orden.
        propias = [a for a in acciones if any(m in ids_metas for m in a["metas"])]
        resultado.append({
            "id": p.id, "numero": numero_p, "clave": p.prioridad,
            "orden": p.orden if isinstance(p.orden, int) else None,
            # Una agrupación libre (las problemáticas del PMC) no tiene nombre del catálogo.
            "nombre": _nombre_agrupacion(marco, p.prioridad) if p.prioridad else None,
            "ambitos": [marco["ambitos"].get(a, a) for a in p.ambitos or [] if a],
            "descripcion": voz.texto(p.descripcion),
            "necesidades": [{"id": n, "descripcion": voz.texto(necesidades[n].descripcion)
                             if n in necesidades else None} for n in p.necesidades or [] if n],
            "objetivos": objetivos,
            "acciones": propias,
            "metas_texto": _metas_de_agrupacion(
                [avance_de[i] for i in ids_metas if i in avance_de]),
            "balances": balances.get(p.id, []),
        })
    return resultado


def _verbo(que: str | None, marco: dict) -> dict:
    """``verbo`` y ``resto`` del objetivo si el marco pide empezarlo con un verbo en infinitivo
    («Fortalecer» + « el cálculo mental…»); si no, vacíos."""
    from rutamejora.reglas.compartido import verbo_del_objetivo

    verbo = verbo_del_objetivo(que) if marco["pide_verbo"] and que else None
    if not verbo or not que.startswith(verbo + " "):
        return {"verbo": None, "resto": None}
    return {"verbo": verbo, "resto": que[len(verbo) + 1:]}


def _metas_de_agrupacion(avances) -> str | None:
    """«2 de 4 metas logradas (M2 y M4)»: las metas de una agrupación, en una frase."""
    if not avances:
        return None
    logradas = [a.meta.id for a in avances if a.estado == "lograda"]
    texto = f"{len(logradas)} de {_plural(len(avances), 'meta lograda', 'metas logradas')}"
    if logradas and len(logradas) < len(avances):
        texto += f" ({_lista_y(logradas)})"
    return texto


def _lista_y(elementos: list) -> str:
    if len(elementos) < 2:
        return "".join(elementos)
    return ", ".join(elementos[:-1]) + " y " + elementos[-1]


_MOMENTOS = {"revision_anual": "Revisión anual", "evaluacion_final": "Evaluación final",
             "sesion_ordinaria": "Sesión ordinaria", "fase_intensiva": "Fase intensiva",
             "registro": "Registro"}


def _momento(ruta: Ruta, e) -> str:
    """«Revisión anual 2024-2025», «Evaluación final»: qué entrada de la bitácora es."""
    nombre = _MOMENTOS.get(e.tipo or "", "Registro")
    if e.tipo == "sesion_ordinaria" and e.sesion:
        nombre = f"Sesión {e.sesion}"
    if len(ruta.ciclos) > 1:
        ciclo = _ciclo_de(ruta, e.fecha)
        if ciclo:
            nombre += f" {ciclo}"
    return nombre


def _balances(ruta: Ruta, hoy: date, voz: Voz, marco: dict) -> dict:
    """``{id de la agrupación: [balance, …]}`` en orden de fecha: lo que el CTE valoró de cada
    prioridad, ámbito o problemática en sus revisiones y en la evaluación final."""
    resultado: dict = {}
    valoraciones = marco["valoraciones"]
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                    key=lambda e: e.fecha):
        for b in e.balance or []:
            if not b.prioridad:
                continue
            resultado.setdefault(b.prioridad, []).append({
                "fecha": fecha_corta(e.fecha), "momento": _momento(ruta, e), "tipo": e.tipo,
                "valoracion": valoraciones.get(b.valoracion, b.valoracion) if b.valoracion else "—",
                "valoracion_clave": b.valoracion,
                "logros": voz.texto(b.logros), "pendientes": voz.texto(b.pendientes),
            })
    return resultado


def _rasgos(ruta: Ruta, marco: dict, hoy: date, voz: Voz) -> list:
    """Por anexo, cada rasgo valorado al inicio (diagnóstico) y al final (última valoración)."""
    inicio = {}
    if ruta.diagnostico is not None:
        for r in ruta.diagnostico.rasgos or []:
            inicio[(r.anexo, str(r.rasgo))] = r
    final = {}
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                    key=lambda e: e.fecha):
        for r in e.rasgos or []:
            final[(r.anexo, str(r.rasgo))] = r
    valoraciones = marco["valoraciones"]
    anexos = []
    for anexo in marco["anexos"]:
        clave = str(anexo.get("clave"))
        niveles = anexo.get("niveles")
        if niveles and ruta.nivel and ruta.nivel not in niveles:
            continue
        filas = []
        for rasgo in anexo.get("rasgos") or []:
            r_clave = str(rasgo.get("clave"))
            ini, fin = inicio.get((clave, r_clave)), final.get((clave, r_clave))
            filas.append({
                "clave": r_clave, "texto": rasgo.get("texto"),
                "inicio": valoraciones.get(ini.valoracion, ini.valoracion) if ini and ini.valoracion else "—",
                "final": valoraciones.get(fin.valoracion, fin.valoracion) if fin and fin.valoracion else "—",
                "inicio_clave": ini.valoracion if ini else None,
                "final_clave": fin.valoracion if fin else None,
                "comentario_inicio": voz.texto(ini.comentario) if ini else None,
                "comentario_final": voz.texto(fin.comentario) if fin else None,
            })
        if not any(f["inicio_clave"] or f["final_clave"] for f in filas):
            continue
        total = len(filas)
        logrados_ini = sum(1 for f in filas if f["inicio_clave"] == "logrado")
        logrados_fin = sum(1 for f in filas if f["final_clave"] == "logrado")
        hay_final = any(f["final_clave"] for f in filas)
        resumen = f"Logrados al inicio: {logrados_ini} de {total}"
        resumen += f"; al final: {logrados_fin} de {total}." if hay_final else \
            "; aún sin valoración final."
        anexos.append({"clave": clave, "titulo": anexo.get("titulo") or clave, "rasgos": filas,
                       "resumen": resumen, "hay_final": hay_final})
    return anexos


def _dinero(ruta: Ruta, hoy: date, situaciones, voz: Voz) -> dict:
    lineas = vistas.dinero(ruta, hoy)

    def linea(l) -> dict:
        return {"id": l.fuente.id if l.fuente is not None else None, "nombre": voz.texto(l.nombre),
                "previsto": pesos(l.previsto), "recibido": pesos(l.recibido),
                "planeado": pesos(l.planeado), "ejercido": pesos(l.ejercido),
                "saldo": pesos(l.saldo), "sin_ingresos": not l.recibido,
                "por_recibir": pesos(l.previsto - l.recibido) if l.previsto > l.recibido else None}

    ingresos = []
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                    key=lambda e: e.fecha):
        for i in e.ingresos or []:
            ingresos.append({"fecha": fecha_corta(e.fecha), "fuente": i.fuente,
                             "concepto": voz.texto(i.concepto), "monto": pesos(i.monto)})
    gastos = []
    for s in situaciones:
        if not s.costo and not s.gasto:
            continue
        a = s.accion
        diferencia = (s.gasto - s.costo) if s.costo is not None else None
        gastos.append({
            "accion": a.id, "actividad": voz.texto(a.actividad), "fuente": a.fuente or "—",
            "planeado": pesos(s.costo) if s.costo is not None else "—",
            "ejercido": pesos(s.gasto),
            "excedido": bool(diferencia is not None and diferencia > 0 and s.gasto),
            "excedente": pesos(diferencia) if diferencia is not None and diferencia > 0 else None,
            "comprobantes": voz.textos(s.comprobantes),
            "sin_comprobante": bool(s.gasto) and not s.comprobantes,
            "estado": _mayuscula(s.nombre_estado),
            "notas": [voz.texto(r.nota) for e, r in registros(ruta, a.id)
                      if r.nota and r.gasto is not None and _fecha(e) <= hoy],
        })
    *fuentes, total = lineas
    sin_comprobante = sum(1 for g in gastos if g["sin_comprobante"])
    return {"fuentes": [linea(l) for l in fuentes], "total": linea(total), "ingresos": ingresos,
            "gastos": gastos, "hay_dinero": bool(total.previsto or total.planeado or total.ejercido
                                                  or total.recibido),
            "gastos_sin_comprobante": sin_comprobante,
            "todos_con_comprobante": bool(gastos) and not sin_comprobante}


def _fecha(entrada) -> date:
    return entrada.fecha or date.min


def _ajustes(ruta: Ruta, hoy: date, voz: Voz) -> list:
    lista = []
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                    key=lambda e: e.fecha):
        for a in e.ajustes or []:
            lista.append({"fecha": fecha_corta(e.fecha), "descripcion": voz.texto(a.descripcion),
                          "acciones": [x for x in a.acciones or [] if x],
                          "metas": [x for x in a.metas or [] if x]})
    return lista


def _revisiones(ruta: Ruta, hoy: date, voz: Voz, marco: dict, acciones_por_id: dict,
                prioridades: list) -> list:
    """Las revisiones anuales de una Ruta de varios ciclos (``tipo: revision_anual``): qué metas
    se midieron y cómo quedaron ese día, cómo iban las acciones, qué se ajustó y qué se acordó."""
    metas = {m.id: m for m in ruta.metas if m.id}
    agrupaciones = {p["id"]: p for p in prioridades if p["id"]}
    lista = []
    for e in sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy
                     and e.tipo == "revision_anual"), key=lambda e: e.fecha):
        ciclo = _ciclo_de(ruta, e.fecha)
        medidas = []
        for m in e.mediciones or []:
            meta = metas.get(m.meta)
            if meta is None:
                continue
            unidad = meta.indicador.unidad if meta.indicador is not None else None
            avance = vistas.avance_meta(ruta, meta, e.fecha)
            estado = avance.estado
            # Una meta del ciclo que la revisión cierra (o ya vencida) se da por lograda o no.
            if (meta.ciclo == ciclo or (meta.fecha_limite and meta.fecha_limite <= e.fecha)) \
                    and estado != "lograda" and avance.ultimo is not None:
                estado = "no_lograda"
            medidas.append({
                "meta": meta.id, "ciclo": meta.ciclo, "descripcion": voz.texto(meta.descripcion),
                "linea_base": con_unidad(meta.linea_base, unidad),
                "valor": con_unidad(m.valor, unidad),
                "valor_meta": con_unidad(meta.valor_meta, unidad),
                "estado": estado, "logro": _LOGRO[estado],
                "fuente": voz.texto(m.fuente), "nota": voz.texto(m.nota),
            })
        acciones = []
        for r in e.acciones or []:
            a = acciones_por_id.get(r.accion)
            acciones.append({
                "accion": r.accion, "actividad": a["actividad"] if a else None,
                "estado": r.estado,
                "nombre_estado": _mayuscula(vistas.NOMBRES_ESTADO_ACCION.get(r.estado, r.estado or "—")),
                "avance": f"{r.avance} %" if r.avance is not None else "—",
                "conclusion": voz.texto(r.conclusion),
            })
        valoraciones = []
        for b in e.balance or []:
            p = agrupaciones.get(b.prioridad)
            valoraciones.append({
                "id": b.prioridad, "numero": p["numero"] if p is not None else b.prioridad,
                "nombre": p["nombre"] if p is not None else None,
                "valoracion": marco["valoraciones"].get(b.valoracion, b.valoracion)
                if b.valoracion else "—",
                "valoracion_clave": b.valoracion,
            })
        lista.append({
            "fecha": fecha_larga(e.fecha), "fecha_corta": fecha_corta(e.fecha),
            "ciclo": ciclo, "momento": _momento(ruta, e),
            "metas": medidas, "acciones": acciones, "valoraciones": valoraciones,
            "acuerdos": voz.textos(e.acuerdos),
            "ajustes": [{"descripcion": voz.texto(a.descripcion),
                         "acciones": [x for x in a.acciones or [] if x],
                         "metas": [x for x in a.metas or [] if x]} for a in e.ajustes or []],
            "nota": voz.texto(e.nota),
        })
    return lista


def _cierre(ruta: Ruta, hoy: date, voz: Voz) -> dict:
    """La evaluación final (si ya está) con sus acuerdos para el próximo ciclo."""
    entradas = sorted((e for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy),
                      key=lambda e: e.fecha)
    finales = [e for e in entradas if e.tipo == "evaluacion_final"]
    if finales:
        final = finales[-1]
        return {"hay_evaluacion": True, "fecha": fecha_larga(final.fecha),
                "acuerdos": voz.textos(final.acuerdos), "balance": voz.texto(final.nota)}
    con_acuerdos = [e for e in entradas if e.acuerdos]
    ultima = con_acuerdos[-1] if con_acuerdos else None
    return {"hay_evaluacion": False, "fecha": fecha_larga(ultima.fecha) if ultima else None,
            "acuerdos": voz.textos(ultima.acuerdos) if ultima else [], "balance": None}


# --- Seguimiento de una sesión ---------------------------------------------------------------


def _seguimiento(ruta: Ruta, hoy: date, sesion: int | None, voz: Voz,
                 acciones_por_id: dict) -> dict:
    todas = vistas.sesiones(ruta)
    esta = next(((n, d) for n, d in todas if n == sesion), None) if sesion else None
    if esta is None:
        esta = next(((n, d) for n, d in todas if d == hoy), None)
    if esta is None:
        numero_entrada = next((e.sesion for e in ruta.entradas if e.fecha == hoy and e.sesion), None)
        if numero_entrada:
            esta = (numero_entrada, hoy)
    anteriores = [(n, d) for n, d in todas if d < hoy and (esta is None or n < esta[0])]
    anterior = anteriores[-1] if anteriores else None
    siguiente = vistas.sesion_siguiente(ruta, hoy)
    inicio_ciclo = ruta.calendario.inicio if ruta.calendario is not None else None

    def en_periodo(e) -> bool:
        if e.fecha is None or e.fecha > hoy:
            return False
        if anterior is not None:
            return e.fecha > anterior[1]
        return inicio_ciclo is None or e.fecha >= inicio_ciclo

    entradas = sorted((e for e in ruta.entradas if en_periodo(e)), key=lambda e: e.fecha)
    hechos, acuerdos, ajustes, ingresos, mediciones = [], [], [], [], []
    for e in entradas:
        for r in e.acciones or []:
            a = acciones_por_id.get(r.accion)
            hechos.append({
                "fecha": fecha_corta(e.fecha), "accion": r.accion,
                "actividad": a["actividad"] if a else None,
                "estado": _mayuscula(vistas.NOMBRES_ESTADO_ACCION.get(r.estado, r.estado or "—")),
                "avance": f"{r.avance} %" if r.avance is not None else "—",
                "evidencias": voz.textos(r.evidencias),
                "gasto": pesos(r.gasto) if r.gasto is not None else None,
                "comprobante": voz.texto(r.comprobante),
                "conclusion": voz.texto(r.conclusion),
                "nota": voz.texto(r.nota),
                "reprogramada": rango_fechas(r.nuevo_inicio, r.nuevo_fin)
                if r.nuevo_inicio or r.nuevo_fin else None,
            })
        acuerdos += [{"fecha": fecha_corta(e.fecha), "texto": t} for t in voz.textos(e.acuerdos)]
        for aj in e.ajustes or []:
            ajustes.append({"fecha": fecha_corta(e.fecha), "descripcion": voz.texto(aj.descripcion)})
        for i in e.ingresos or []:
            ingresos.append({"fecha": fecha_corta(e.fecha), "fuente": i.fuente,
                             "concepto": voz.texto(i.concepto), "monto": pesos(i.monto)})
        for m in e.mediciones or []:
            mediciones.append({"fecha": fecha_corta(e.fecha), "meta": m.meta})
    return {
        "numero": esta[0] if esta else None,
        "fecha_sesion": fecha_larga(esta[1]) if esta else None,
        "anterior": {"numero": anterior[0], "fecha": fecha_larga(anterior[1])} if anterior else None,
        "siguiente": {"numero": siguiente[0], "fecha": fecha_larga(siguiente[1])} if siguiente else None,
        "desde": fecha_larga(anterior[1]) if anterior else (fecha_larga(inicio_ciclo) if inicio_ciclo else None),
        "hasta": fecha_larga(hoy),
        "entradas": len(entradas),
        "hechos": hechos,
        "acuerdos": acuerdos,
        "ajustes": ajustes,
        "ingresos": ingresos,
        "metas_medidas": sorted({m["meta"] for m in mediciones if m["meta"]},
                                key=lambda x: (len(x), x)),
        "pendientes": _pendientes(ruta, hoy, esta, voz),
    }


def _pendientes(ruta: Ruta, hoy: date, esta, voz: Voz) -> dict:
    """Lo pendiente, con la misma regla que ``ruta pendientes`` (``vistas.pendientes``): hasta la
    sesión siguiente a la del informe (o hasta la próxima sesión, o el fin de clases)."""
    siguiente = esta[0] + 1 if esta is not None else None
    if siguiente is not None and siguiente > len(vistas.sesiones(ruta)):
        siguiente = None
    try:
        p = vistas.pendientes(ruta, hoy, hasta_sesion=siguiente)
    except vistas.SesionInvalida:
        p = vistas.pendientes(ruta, hoy)
    hasta = f"la sesión {p.hasta_sesion[0]}" if p.hasta_sesion is not None \
        else f"el {fecha_corta(p.hasta)}"
    anterior = f"la sesión {p.anterior[0]} ({fecha_corta(p.anterior[1])})" if p.anterior else ""
    grupos = []
    for tipo, lista in p.grupos():
        grupos.append({
            "tipo": tipo,
            "titulo": vistas.TIPOS_PENDIENTE[tipo][1].format(hasta=hasta, anterior=anterior),
            "elementos": [{"id": x.id, "texto": voz.texto(x.texto), "detalle": x.detalle,
                           "estado": x.estado, "fecha": fecha_corta(x.fecha) if x.fecha else None}
                          for x in lista],
        })
    return {"hasta": fecha_larga(p.hasta),
            "hasta_sesion": {"numero": p.hasta_sesion[0], "fecha": fecha_larga(p.hasta_sesion[1])}
            if p.hasta_sesion is not None else None,
            "grupos": grupos}


# --- Gráficas --------------------------------------------------------------------------------


def _graficas(ruta: Ruta, hoy: date, avances, situaciones, metas: list) -> dict:
    barras = [graficas.BarraMeta(m["id"], a.recorrido, a.estado, a.nombre_estado, m["resumen"])
              for a, m in zip(avances, metas)]
    logradas = sum(1 for a in avances if a.estado == "lograda")
    desc_metas = (f"Avance de {_plural(len(avances), 'meta', 'metas')} de su línea base a su valor "
                  f"meta al {fecha_larga(hoy)}: {logradas} logradas. "
                  + "; ".join(f"{b.id}: {b.resumen}, {b.nombre_estado}" for b in barras) + ".")
    resultado = {"metas": {"svg": graficas.metas_svg(barras, "Avance de cada meta", desc_metas),
                           "texto": graficas.metas_texto(barras), "descripcion": desc_metas,
                           "hay": bool(barras)}}

    *fuentes, total = vistas.dinero(ruta, hoy)
    barras_dinero = [graficas.BarraDinero(
        l.fuente.id if l.fuente is not None else "Otra", l.nombre, l.previsto, l.recibido, l.ejercido,
        {"previsto": pesos(l.previsto), "recibido": pesos(l.recibido), "ejercido": pesos(l.ejercido)})
        for l in fuentes]
    desc_dinero = ("Por fuente: presupuesto, dinero recibido y dinero ejercido. "
                   + "; ".join(f"{b.etiqueta} ({b.nombre}): presupuesto {b.textos['previsto']}, "
                               f"recibido {b.textos['recibido']}, ejercido {b.textos['ejercido']}"
                               for b in barras_dinero)
                   + f". Total: presupuesto {pesos(total.previsto)}, recibido {pesos(total.recibido)}, "
                     f"ejercido {pesos(total.ejercido)}.")
    resultado["dinero"] = {"svg": graficas.dinero_svg(barras_dinero, "Presupuesto y gasto por fuente",
                                                      desc_dinero),
                           "texto": graficas.dinero_texto(barras_dinero), "descripcion": desc_dinero,
                           "hay": bool(barras_dinero)}

    cal = ruta.calendario
    filas_plan, filas_vigentes = [], []
    for s in situaciones:
        plan = periodos(s.accion)
        vigentes = [(i, f) for i, f, _ in vistas.tramos_vigentes(ruta, s.accion, hoy)]
        filas_plan.append(graficas.FilaCalendario(s.accion.id, plan, "planeada", "planeada"))
        filas_vigentes.append(graficas.FilaCalendario(s.accion.id, vigentes, s.estado,
                                                      s.nombre_estado))
    if cal is not None and (filas_plan or filas_vigentes):
        # Una Ruta de varios ciclos (pemc-2019) se dibuja en todo su horizonte, con las
        # sesiones y los recesos de cada ciclo.
        calendarios = [cal]
        if len(ruta.ciclos) > 1 and ruta.horizonte is not None:
            calendarios = [ruta.calendarios[c] for c in ruta.ciclos]
        inicio, fin = min(c.inicio for c in calendarios), max(c.fin for c in calendarios)
        sesiones = [d for c in calendarios for d in c.sesiones]
        etiquetas = [f"S{n}" for c in calendarios for n in range(1, len(c.sesiones) + 1)]
        recesos = [(i, f) for c in calendarios for _, i, f in c.recesos]
        rango = f"del {fecha_larga(inicio)} al {fecha_larga(fin)}"
        if len(calendarios) > 1:
            periodo = f"los ciclos {ruta.ciclos[0]} a {ruta.ciclos[-1]}"
            cuales = f"S1 a S{max(len(c.sesiones) for c in calendarios)} de cada ciclo"
        else:
            periodo, cuales = "el ciclo", f"S1 a S{len(sesiones)}"
        desc_plan = (f"Calendario de las {len(filas_plan)} acciones en {periodo}, {rango}, con las "
                     f"sesiones del CTE ({cuales}) y los recesos. "
                     + "; ".join(f"{f.id}: {_rango_tramos(f.tramos)}" for f in filas_plan) + ".")
        desc_vig = (f"Calendario de las {len(filas_vigentes)} acciones en {periodo}, {rango}, con su "
                    f"estado al {fecha_larga(hoy)}. "
                    + "; ".join(f"{f.id}: {_rango_tramos(f.tramos)}, {f.nombre_estado}"
                                for f in filas_vigentes) + ".")
        resultado["calendario_plan"] = {
            "svg": graficas.calendario_svg(filas_plan, inicio, fin, sesiones, recesos,
                                           "Calendario de las acciones", desc_plan, etiquetas),
            "texto": graficas.calendario_texto(filas_plan, inicio, fin), "descripcion": desc_plan,
            "hay": True}
        resultado["calendario"] = {
            "svg": graficas.calendario_svg(filas_vigentes, inicio, fin, sesiones, recesos,
                                           f"Las acciones en {periodo} y su estado", desc_vig,
                                           etiquetas),
            "texto": graficas.calendario_texto(filas_vigentes, inicio, fin), "descripcion": desc_vig,
            "hay": True}
    else:
        vacio = {"svg": "", "texto": "", "descripcion": "", "hay": False}
        resultado["calendario_plan"] = resultado["calendario"] = vacio
    return resultado


def _rango_tramos(tramos) -> str:
    return " y ".join(rango_fechas(i, f) for i, f in tramos) or "sin fechas"


# --- Markdown ---------------------------------------------------------------------------------

_MD_ESPECIALES = re.compile(r"([\\`*_\[\]<>|~])")
# Lo que al inicio de una línea se volvería título, lista o raya: «# », «- », «1. », «---».
_MD_INICIO = re.compile(r"^(#{1,6}(?=\s|$)|[-+](?=\s|$)|[-=]{3,}\s*$)")
_MD_LISTA = re.compile(r"^(\d{1,9})([.)])(?=\s|$)")
_MD_ENTIDAD = re.compile(r"&(?=#?\w+;)")


def escapar_md(texto: str) -> str:
    """Un texto de la Ruta como texto literal de Markdown, en una línea: nada se vuelve
    formato, enlace, HTML ni celda nueva de una tabla (``<script>`` sale como texto)."""
    texto = " ".join(str(texto).split())
    texto = _MD_ESPECIALES.sub(r"\\\1", texto)
    texto = _MD_ENTIDAD.sub(r"\\&", texto)
    texto = _MD_LISTA.sub(r"\1\\\2", texto)
    return _MD_INICIO.sub(r"\\\1", texto)


def _final_md(valor):
    from markupsafe import Markup

    if valor is None:
        return ""
    if isinstance(valor, Markup):
        return str(valor)
    if isinstance(valor, (bool, int, Decimal)):
        return str(valor)
    return escapar_md(str(valor))


def _final_html(valor):
    return "" if valor is None else valor


def texto_css(valor) -> str:
    """Un texto como cadena de CSS (``content: "…"``) dentro de ``<style>``: todo lo que no es
    letra, número o espacio va como escape hexadecimal, así que ni unas comillas ni un
    ``</style>`` pueden cerrar nada."""
    from markupsafe import Markup

    partes = []
    for c in " ".join(str(valor or "").split()):
        partes.append(c if c.isalnum() or c == " " else f"\\{ord(c):x} ")
    return Markup('"' + "".join(partes) + '"')


# --- Plantillas -------------------------------------------------------------------------------


def carpeta_de_plantillas() -> Path:
    """``plantillas/informe`` instalada dentro del paquete, o la del árbol de fuentes."""
    try:
        from importlib.resources import files

        instalada = Path(str(files("rutamejora").joinpath("plantillas", "informe")))
        if instalada.is_dir():
            return instalada
    except (ModuleNotFoundError, TypeError, ValueError):
        pass
    return Path(__file__).resolve().parents[2] / "plantillas" / "informe"


def nombre_de_plantilla(tipo: str, formato: str) -> str:
    return f"{tipo}.{formato}.j2"


def _entorno(formato: str, plantillas: Path | None):
    from jinja2 import ChoiceLoader, FileSystemLoader, StrictUndefined
    from jinja2.sandbox import ImmutableSandboxedEnvironment

    cargadores = []
    if plantillas is not None:
        cargadores.append(FileSystemLoader(str(plantillas)))
    cargadores.append(FileSystemLoader(str(carpeta_de_plantillas())))
    # Siempre aislado: las plantillas propias y las incluidas corren con las mismas reglas.
    env = ImmutableSandboxedEnvironment(
        loader=ChoiceLoader(cargadores), undefined=StrictUndefined, autoescape=formato == "html",
        finalize=_final_md if formato == "md" else _final_html,
        trim_blocks=True, lstrip_blocks=True, keep_trailing_newline=True, auto_reload=False)
    env.filters["css"] = texto_css
    return env


def renderizar(contexto: dict, tipo: str, formato: str, plantillas: Path | None = None) -> str:
    """El informe como texto. Lanza ``ErrorDePlantilla`` (en español) si una plantilla falla."""
    from jinja2 import TemplateError, TemplateNotFound, TemplateSyntaxError, UndefinedError
    from jinja2.exceptions import SecurityError

    if plantillas is not None and not plantillas.is_dir():
        raise ErrorDeUso(f"la carpeta de plantillas {plantillas} no existe.")
    nombre = nombre_de_plantilla(tipo, formato)
    env = _entorno(formato, plantillas)
    try:
        texto = env.get_template(nombre).render(contexto)
    except TemplateNotFound as exc:
        raise ErrorDePlantilla(f"no se encontró la plantilla {exc.name}.") from None
    except TemplateSyntaxError as exc:
        raise ErrorDePlantilla(
            f"la plantilla {exc.name or nombre} tiene un error de sintaxis en la línea {exc.lineno} "
            f"(Jinja dice: {exc.message}).") from None
    except SecurityError as exc:
        donde = _donde(exc, nombre)
        raise ErrorDePlantilla(
            f"la plantilla {donde} intentó algo que el entorno seguro de las plantillas no permite "
            f"({_que_se_intento(str(exc))}). Las plantillas solo pueden mostrar los datos del "
            "informe (ver docs/informes.md).") from None
    except UndefinedError as exc:
        donde = _donde(exc, nombre)
        raise ErrorDePlantilla(
            f"la plantilla {donde} usa un dato que no existe ({_dato_que_falta(str(exc))}). "
            "Los datos disponibles están en docs/informes.md.") from None
    except TemplateError as exc:
        raise ErrorDePlantilla(f"la plantilla {_donde(exc, nombre)} falló: {exc}.") from None
    except Exception as exc:  # noqa: BLE001 - una plantilla propia puede fallar de mil maneras
        if plantillas is None:
            raise
        raise ErrorDePlantilla(f"la plantilla {_donde(exc, nombre)} falló "
                               f"({type(exc).__name__}: {exc}).") from None
    return texto.rstrip("\n") + "\n"


def _donde(exc: BaseException, nombre: str) -> str:
    """«rendicion.html.j2, línea 12»: el último marco de plantilla del traceback."""
    archivo, linea = nombre, None
    tb = exc.__traceback__
    while tb is not None:
        codigo = tb.tb_frame.f_code.co_filename
        if codigo.endswith(".j2") or codigo.endswith(".html") or codigo.endswith(".md"):
            archivo, linea = Path(codigo).name, tb.tb_lineno
        tb = tb.tb_next
    return f"{archivo}, línea {linea}" if linea else archivo


_MODIFICADORES = {"append", "extend", "insert", "pop", "popitem", "remove", "reverse", "sort",
                  "clear", "update", "setdefault", "add", "discard", "difference_update",
                  "intersection_update", "symmetric_difference_update"}


def _que_se_intento(mensaje: str) -> str:
    m = re.search(r"access to attribute '([^']+)' of '([^']+)' object is unsafe", mensaje)
    if m:
        atributo = m.group(1)
        if atributo in _MODIFICADORES:
            return f"modificar los datos del informe con `{atributo}`"
        if atributo.startswith("_"):
            return f"leer el atributo interno `{atributo}`"
        return f"usar `{atributo}`"
    if "is not safely callable" in mensaje:
        return "llamar a una función no permitida"
    if "range too big" in mensaje:
        return "un rango demasiado grande"
    return "una operación no permitida"


def _dato_que_falta(mensaje: str) -> str:
    m = re.search(r"has no attribute '([^']+)'", mensaje)
    if m:
        return f"`{m.group(1)}`"
    m = re.search(r"'([^']+)' is undefined", mensaje)
    if m:
        return f"`{m.group(1)}`"
    return mensaje


# --- El archivo de salida ---------------------------------------------------------------------


def revisar_salida(salida: Path, carpeta: Path) -> None:
    """Que ``-o`` pueda escribirse: nunca un archivo de la Ruta, solo reemplaza un informe.

    Lanza ``ErrorDeUso`` con el motivo. Un informe es derivado (se rehace cuando se quiera), así
    que se reemplaza sin preguntar; cualquier otro archivo existente se respeta.
    """
    destino = salida.resolve()
    ruta = carpeta.resolve()
    if destino.parent == ruta and (destino.name.lower() in _ARCHIVOS_RUTA
                                   or (destino.suffix.lower() in (".yaml", ".yml")
                                       and destino.exists())):
        raise ErrorDeUso(f"{salida} es un archivo de la Ruta: un informe nunca lo reemplaza. "
                         "Escribe el informe en un archivo .md o .html.")
    if destino.suffix.lower() in (".yaml", ".yml"):
        raise ErrorDeUso(f"un informe no se escribe en un archivo .yaml ({salida}): usa .md o .html.")
    if salida.is_dir():
        raise ErrorDeUso(f"{salida} es una carpeta; -o necesita un archivo "
                         f"(p. ej. {salida / 'informe.html'}).")
    if not destino.parent.is_dir():
        raise ErrorDeUso(f"la carpeta {salida.parent} no existe.")
    if destino.is_file() and destino.stat().st_size and not _es_informe(destino):
        raise ErrorDeUso(f"{salida} ya existe y no es un informe hecho con `ruta informe`: no se "
                         "reemplaza. Bórralo o elige otro nombre.")


def _es_informe(archivo: Path) -> bool:
    try:
        with archivo.open("rb") as f:
            inicio = f.read(4096)
    except OSError:
        return False
    return MARCA.encode("utf-8") in inicio


def escribir(salida: Path, texto: str) -> None:
    """Escribe el informe de una vez (archivo temporal y renombrar): nunca queda a medias."""
    from rutamejora.nucleo.atomico import escribir_atomico

    escribir_atomico(salida, texto.encode("utf-8"))


# --- Todo junto -------------------------------------------------------------------------------


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
    contexto = construir_contexto(ruta, hoy, tipo=tipo, audiencia=audiencia,
                                  problemas=resultado.problemas, sesion=sesion,
                                  version=version_git(ruta))
    return renderizar(contexto, tipo, formato, plantillas)


__all__ = ["TIPOS", "FORMATOS", "AUDIENCIAS", "AUDIENCIA_POR_OMISION", "MARCA", "ErrorDeUso",
           "ErrorDePlantilla", "RutaConErrores", "Version", "Voz", "construir_contexto",
           "renderizar", "informe", "fecha_de_sesion", "formato_de_archivo", "version_git",
           "escapar_md", "carpeta_de_plantillas", "con_unidad", "rango_fechas", "revisar_salida",
           "escribir"]
