"""La fila de una escuela: lo que la zona muestra de una Ruta, calculado sin guardar el modelo.

``fila_de(carpeta, clave, hoy, fecha_explicita)`` valida la Ruta (``reglas.validar``), calcula sus números con las mismas funciones que
``ruta avance``, ``resumen`` y ``pendientes`` (``vistas.avance_meta``, el único estado de una
meta; ``vistas.dinero``; ``vistas.sesiones``; ``vistas.pendientes``) y devuelve una ``Fila``
pequeña, sin el modelo: es lo que viaja de vuelta desde un proceso del pool y lo único que la
zona guarda por escuela (la memoria no crece con la Ruta, solo con el número de escuelas).

Privacidad: cada texto de la Ruta que la fila lleva (la CCT, el nombre de la escuela, los
pendientes) pasa aquí por el detector con el destino de un informe (``[nombre]``, sin
iniciales) y **sin** eximir al personal: la zona no muestra nombres de personas, tampoco del
colectivo. El nombre de la escuela sí puede ser el de una persona («Carmen Serdán»): ahí no
cuentan los nombres, sí una CURP o un teléfono. Lo demás son números, fechas y nombres de
catálogo (marcos, ámbitos, tipos de responsable).

Una Ruta que no se puede leer (sin ``ruta.yaml`` legible, o una falla al leerla) es una fila
que lo dice (``legible`` falso y ``motivo``), nunca una excepción: una escuela rota no tumba
la vista de toda la zona.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from pathlib import Path

from rutamejora.nucleo.expresiones import compilar

ESTADOS_META = ("lograda", "no_lograda", "en_camino", "en_riesgo", "sin_datos")
ARCHIVOS_RUTA = ("ruta.yaml", "diagnostico.yaml", "prioridades.yaml", "objetivos.yaml",
                 "metas.yaml", "acciones.yaml", "bitacora.yaml")
# Cada cifra de la fila y los archivos de los que sale. Si uno no se pudo leer (o falta), la cifra
# no se sabe: sin la bitácora, el avance de una acción es desconocido, no «sin registro», y una
# acción no está vencida por eso. Una cifra desconocida es ``None`` (``?`` en el texto, ``null``
# en JSON) y no suma en la zona. El presupuesto y las sesiones celebradas salen de ruta.yaml,
# que una fila legible siempre tiene.
DEPENDE = {
    "metas": ("metas.yaml", "bitacora.yaml"),
    "acciones": ("acciones.yaml",),
    "acciones_vencidas": ("acciones.yaml", "bitacora.yaml"),
    "ultima_bitacora": ("bitacora.yaml",),
    "sesiones_registradas": ("bitacora.yaml",),
    "planeado": ("acciones.yaml",),
    "ejercido": ("acciones.yaml", "bitacora.yaml"),
    "grupos": ("prioridades.yaml",),
    "grupos_metas": ("metas.yaml", "bitacora.yaml", "objetivos.yaml", "prioridades.yaml"),
    "riesgo": ("diagnostico.yaml",),
    "responsables": ("acciones.yaml",),
}
# Cómo se nombra cada cifra desconocida en lo que lee una persona.
NOMBRES_CIFRA = {
    "metas": "el estado de las metas", "acciones": "las acciones",
    "acciones_vencidas": "las acciones vencidas", "ultima_bitacora": "la última entrada de la bitácora",
    "sesiones_registradas": "las sesiones registradas", "planeado": "el costo planeado",
    "ejercido": "lo ejercido", "grupos": "las prioridades que trabaja",
    "grupos_metas": "las metas por prioridad o ámbito", "riesgo": "los alumnos en riesgo",
    "responsables": "las acciones por tipo de responsable",
}
# Los pendientes que salen de una cifra (por el comienzo de su tipo): sin ella, no se listan.
_PENDIENTE_DE = {"accion_": "acciones_vencidas", "meta_": "metas"}


@dataclass
class Fila:
    """Una escuela de la zona. Los textos ya pasaron por el detector de datos personales."""

    clave: str                          # la carpeta relativa a la raíz de la zona
    legible: bool = True
    motivo: str | None = None           # por qué no se pudo leer (si no es legible)
    cct: str | None = None
    nombre: str | None = None           # el nombre corto de la escuela
    nivel: str | None = None
    marco: str | None = None            # la clave del marco (rme-2014, pmc-2024, pemc-2019)
    marco_siglas: str | None = None
    ciclo: str | None = None
    ciclos: list = field(default_factory=list)
    errores: int = 0
    avisos: int = 0
    ilegibles: list = field(default_factory=list)   # archivos de la Ruta que no se pudieron leer
    faltan: list = field(default_factory=list)      # de ellos, los que no existen (RM101)
    desconocidas: list = field(default_factory=list)  # las cifras que no se saben (``DEPENDE``)
    inaccesible: bool = False  # alguno no se pudo abrir (RM012: permisos…): la zona sale con 2
    # ``None``: no se sabe (``desconocidas``).
    metas: dict | None = field(default_factory=lambda: dict.fromkeys(ESTADOS_META, 0))
    acciones: int | None = 0
    acciones_vencidas: int | None = 0
    ultima_bitacora: date | None = None     # también ``None`` sin entradas: ver ``desconocidas``
    sesiones_registradas: int | None = 0
    sesiones_celebradas: int = 0
    sesiones_ciclo: int = 0
    presupuesto: Decimal = Decimal(0)
    planeado: Decimal | None = Decimal(0)
    ejercido: Decimal | None = Decimal(0)
    pendientes: list = field(default_factory=list)  # los tres primeros: [(tipo, id, texto)]
    # Para los agregados de la zona (solo conteos y nombres de catálogo, nunca personas):
    grupos_metas: list = field(default_factory=list)   # [(grupo, estado)] una por meta y grupo
    grupos: list = field(default_factory=list)         # los grupos que la escuela trabaja
    riesgo: dict = field(default_factory=dict)         # tipo de riesgo → alumnos
    responsables: dict = field(default_factory=dict)   # función o tipo → acciones
    version: object = None      # zona.version.VersionRuta (si se pidió y está en git), o None

    def sabe(self, cifra: str) -> bool:
        """¿Se sabe ``cifra`` (una clave de ``DEPENDE``)?"""
        return cifra not in self.desconocidas

    def metas_en(self, estado: str) -> int:
        """Las metas en ``estado``; 0 si no se sabe (para ordenar, nunca para mostrar)."""
        return self.metas[estado] if self.metas is not None else 0

    @property
    def metas_total(self) -> int | None:
        return sum(self.metas.values()) if self.metas is not None else None

    @property
    def sesiones_faltantes(self) -> int:
        """Las celebradas sin registro; 0 si la bitácora no se pudo leer (no se sabe)."""
        if self.sesiones_registradas is None:
            return 0
        return max(self.sesiones_celebradas - self.sesiones_registradas, 0)

    @property
    def sobregiro(self) -> Decimal:
        if not self.presupuesto or self.ejercido is None:
            return Decimal(0)
        return max(self.ejercido - self.presupuesto, Decimal(0))


def fila_de(carpeta: Path, clave: str, hoy: date, fecha_explicita: bool = False) -> Fila:
    """La fila de la Ruta de ``carpeta`` al día ``hoy``; nunca lanza por la Ruta. Su commit
    (``version``) lo pone ``vista_zona``, para toda la zona de una vez."""
    try:
        return _fila(carpeta, clave, hoy, fecha_explicita)
    except Exception as exc:  # noqa: BLE001 - una Ruta rota es una fila, no un fallo de la zona
        # Un archivo que no se pudo abrir es del equipo (permisos), como RM012: la zona sale con 2.
        return Fila(clave=clave, legible=False, inaccesible=isinstance(exc, OSError),
                    motivo=f"no se pudo leer ({_motivo_de(exc)}); revísala con `ruta validar`")


def _motivo_de(exc: Exception) -> str:
    from rutamejora.nucleo import razon

    if isinstance(exc, OSError):
        return razon(exc, leyendo=True)
    return f"error interno: {type(exc).__name__}"


def _fila(carpeta: Path, clave: str, hoy: date, fecha_explicita: bool) -> Fila:
    from rutamejora.nucleo import AVISO, ERROR
    from rutamejora.reglas import validar

    resultado = validar(carpeta, hoy, fecha_explicita)
    ruta = resultado.ruta
    cuenta = resultado.cuenta
    fila = Fila(clave=clave, errores=cuenta[ERROR], avisos=cuenta[AVISO],
                ilegibles=[a for a in ARCHIVOS_RUTA if a not in ruta.legibles],
                inaccesible=resultado.codigo_de_salida() == 2)
    fila.faltan = [a for a in fila.ilegibles
                   if any(p.codigo == "RM101" and p.archivo == a for p in resultado.problemas)]
    if "ruta.yaml" in fila.ilegibles or ruta.datos is None:
        fila.legible = False
        fila.motivo = "no se pudo leer ruta.yaml; revísala con `ruta validar`"
        return fila
    fila.desconocidas = [c for c, archivos in DEPENDE.items()
                         if any(a in fila.ilegibles for a in archivos)]
    _escuela(fila, ruta)
    _seguimiento(fila, ruta, hoy, resultado.problemas)
    _agregables(fila, ruta, hoy)
    _desconocer(fila)
    return fila


def _desconocer(fila: Fila) -> None:
    """Las cifras ``desconocidas`` (salen de un archivo que no se pudo leer) pasan a ``None``, o
    se vacían las listas que solo suman en la zona."""
    for cifra in fila.desconocidas:
        if cifra in ("grupos", "grupos_metas"):
            setattr(fila, cifra, [])
        elif cifra in ("riesgo", "responsables"):
            setattr(fila, cifra, {})
        else:
            setattr(fila, cifra, None)


def nombre_corto(nombre: str | None) -> str | None:
    """«Carmen Serdán Alatriste» de «Escuela Primaria "Carmen Serdán Alatriste"»: lo que va
    entre comillas; si no hay comillas, el nombre entero."""
    if not nombre:
        return None
    for abre, cierra in (('"', '"'), ("“", "”"), ("«", "»"), ("'", "'")):
        inicio = nombre.find(abre)
        fin = nombre.find(cierra, inicio + 1) if inicio >= 0 else -1
        if inicio >= 0 and fin > inicio + 1:
            return nombre[inicio + 1:fin].strip()
    return nombre.strip()


def _escuela(fila: Fila, ruta) -> None:
    escuela = ruta.escuela
    fila.cct = limpio(getattr(escuela, "cct", None))
    fila.nombre = limpio(nombre_corto(getattr(escuela, "nombre", None)), nombre_propio=True)
    fila.nivel = ruta.nivel
    fila.ciclo = ruta.ciclo
    fila.ciclos = list(ruta.ciclos or [])
    if ruta.marco is not None:
        fila.marco, fila.marco_siglas = ruta.marco.clave, ruta.marco.siglas


def _seguimiento(fila: Fila, ruta, hoy: date, problemas) -> None:
    from rutamejora.vistas import avance_de_metas, dinero, pendientes, sesiones, situacion_de_acciones

    for avance in avance_de_metas(ruta, hoy):
        fila.metas[avance.estado] += 1
    situaciones = situacion_de_acciones(ruta, hoy)
    fila.acciones = len(situaciones)
    fila.acciones_vencidas = sum(1 for s in situaciones if s.vencida)
    fechas = [e.fecha for e in ruta.entradas if e.fecha is not None and e.fecha <= hoy]
    fila.ultima_bitacora = max(fechas, default=None)
    calendario = sesiones(ruta)
    fila.sesiones_ciclo = len(calendario)
    fila.sesiones_celebradas = sum(1 for _, dia in calendario if dia <= hoy)
    fila.sesiones_registradas = len({e.sesion for e in ruta.entradas
                                     if e.sesion is not None and e.fecha is not None
                                     and e.fecha <= hoy})
    total = dinero(ruta, hoy)[-1]
    fila.presupuesto, fila.planeado, fila.ejercido = total.previsto, total.planeado, total.ejercido
    try:
        lista = pendientes(ruta, hoy, problemas=problemas).pendientes
    except ValueError:
        lista = []
    # Sin la bitácora, una acción no es «vencida, sin registro»: su registro no se pudo leer.
    lista = [p for p in lista if not any(p.tipo.startswith(inicio) and not fila.sabe(cifra)
                                         for inicio, cifra in _PENDIENTE_DE.items())]
    fila.pendientes = [(p.tipo, p.id, limpio(p.texto)) for p in lista[:3]]


# Un marcador con iniciales («[nombre: J. P. L.]», de los mensajes de ``ruta validar``) queda
# como en un informe: solo la clase.
_CON_INICIALES = compilar(r"\[([^\]:\[]+): [^\]\[]*\]")


def limpio(texto: str | None, nombre_propio: bool = False) -> str | None:
    """``texto`` sin datos personales, como en un informe; ``nombre_propio``: el nombre de la
    escuela, donde un nombre de persona no cuenta."""
    from rutamejora.privacidad import INFORME, NOMBRE, detectar, enmascarar

    if not texto:
        return texto
    hallazgos = detectar(texto)
    if nombre_propio:
        hallazgos = [h for h in hallazgos if h.clase != NOMBRE]
    if hallazgos:
        texto = enmascarar(texto, hallazgos, INFORME)
    return _CON_INICIALES.sub(r"[\1]", texto)


def _agregables(fila: Fila, ruta, hoy: date) -> None:
    from rutamejora.vistas import avance_de_metas

    grupos_de_prioridad = {p.id: _grupos(ruta, p) for p in ruta.prioridades if p.id}
    objetivos = {o.id: o for o in ruta.objetivos if o.id}
    for avance in avance_de_metas(ruta, hoy):
        objetivo = objetivos.get(avance.meta.objetivo)
        for grupo in grupos_de_prioridad.get(getattr(objetivo, "prioridad", None), []):
            fila.grupos_metas.append((grupo, avance.estado))
    fila.grupos = sorted({g for lista in grupos_de_prioridad.values() for g in lista})
    riesgo: Counter = Counter()
    diagnostico = ruta.diagnostico
    for r in (getattr(diagnostico, "alumnos_en_riesgo", None) or []):
        cantidad = r.cantidad if r.cantidad is not None else len(r.codigos or [])
        if r.tipo and cantidad:
            riesgo[r.tipo] += cantidad
    fila.riesgo = dict(riesgo)
    fila.responsables = dict(_responsables(ruta))


def _grupos(ruta, prioridad) -> list[str]:
    """Lo que la zona trabaja con esta prioridad, en palabras de su marco: el valor del catálogo
    de su agrupación («Prioridad (rme-2014): Convivencia escolar», «Ámbito (PEMC): Participación
    de la comunidad») y los ámbitos que la etiquetan (en el PMC, cuyas
    problemáticas son libres, son lo único que se puede sumar entre escuelas)."""
    marco = ruta.marco
    if marco is None:
        return []
    from rutamejora.nucleo import mayuscula

    # Las siglas del marco (PMC, PEMC) o, si el catálogo no las da, su clave (rme-2014).
    siglas = str(marco.datos.get("siglas") or marco.clave)
    grupos = []
    nombres = {v.get("clave"): v.get("nombre") for v in marco.valores("agrupacion")}
    if nombres and prioridad.prioridad in nombres:
        grupos.append(f"{mayuscula(marco.singular)} ({siglas}): {nombres[prioridad.prioridad]}")
    ambitos = {v.get("clave"): v.get("nombre") for v in marco.valores("ambitos")}
    for clave in getattr(prioridad, "ambitos", None) or []:
        if clave in ambitos and not (nombres and prioridad.prioridad == clave):
            grupos.append(f"Ámbito ({siglas}): {ambitos[clave]}")
    return grupos


_FUNCIONES = {"director": "dirección", "subdirector": "subdirección", "docente": "docentes",
              "docente_especial": "docentes de educación especial",
              "educacion_fisica": "educación física", "usaer": "USAER", "apoyo": "personal de apoyo",
              "administrativo": "personal administrativo", "supervisor": "supervisión",
              "atp": "ATP", "padres_de_familia": "madres y padres de familia",
              "asociacion_de_padres": "asociación de padres",
              "consejo_de_participacion": "consejo de participación social",
              "comite_planeacion_evaluacion": "comité de planeación y evaluación",
              "comite": "comités", "otro": "otros"}


def _responsables(ruta) -> Counter:
    """Acciones por tipo de responsable (la función o el tipo de órgano, nunca el nombre): una
    acción cuenta una vez por cada tipo distinto entre sus responsables."""
    tipo_de = {p.id: p.funcion for p in ruta.colectivo if p.id}
    tipo_de.update({p.id: p.tipo for p in ruta.comunidad if p.id})
    cuenta: Counter = Counter()
    for accion in ruta.acciones:
        tipos = {_FUNCIONES.get(tipo_de.get(r), "sin tipo") for r in accion.responsables or []}
        for tipo in tipos:
            cuenta[tipo] += 1
    return cuenta


__all__ = ["Fila", "fila_de", "nombre_corto", "limpio", "ESTADOS_META", "DEPENDE", "NOMBRES_CIFRA"]
