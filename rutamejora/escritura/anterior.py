"""Lo que una Ruta nueva hereda de la del ciclo pasado (``ruta nueva --desde``); se lee sin escribir nada."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from rutamejora.escritura.datos_escuela import Escuela, es_ciclo


@dataclass
class Anterior:
    """Lo que se hereda de la Ruta del ciclo pasado (solo lectura)."""

    carpeta: Path
    ciclo: str | None
    marco: str | None
    escuela: Escuela
    ciclos: list = field(default_factory=list)        # los de `ciclos:` (una Ruta de varios ciclos)
    colectivo: list = field(default_factory=list)     # [{id, nombre, funcion, grupo}]
    comunidad: list = field(default_factory=list)     # [{id, nombre, tipo}]
    fuentes: list = field(default_factory=list)       # [{id, nombre, monto}]
    validacion: dict = field(default_factory=dict)
    lineas_base: list = field(default_factory=list)   # metas medidas: su último valor
    sin_medicion: list = field(default_factory=list)  # metas que nunca se midieron
    no_logradas: list = field(default_factory=list)
    sin_terminar: list = field(default_factory=list)  # acciones no realizadas ni canceladas

    @property
    def ultimo_ciclo(self) -> str | None:
        """El último ciclo que abarca (el de ``ciclo`` o, si hay ``ciclos:``, el mayor)."""
        validos = [c for c in [self.ciclo, *self.ciclos] if c and es_ciclo(c)]
        return max(validos) if validos else self.ciclo


def _texto(valor) -> str | None:
    if valor is None:
        return None
    return " ".join(str(valor).split()) or None


def _revisar_lectura(carpeta: Path, problemas: list) -> None:
    """``NoEsRuta`` si el ``ruta.yaml`` anterior no se pudo leer: sin él no hay escuela que heredar,
    y preguntar por el nombre (o pedir ``--nombre``) escondería el problema verdadero."""
    from rutamejora.formato.carga import NoEsRuta

    for p in problemas:
        if p.archivo == "ruta.yaml" and p.codigo.startswith("RM0") and p.severidad == "error":
            raise NoEsRuta(f"la Ruta anterior ({carpeta}) no se puede leer: ruta.yaml, línea "
                           f"{p.linea}: {p.mensaje[:1].lower()}{p.mensaje[1:]} Corrígela "
                           f"(ruta validar {carpeta}) o no uses --desde.")


def leer_anterior(carpeta: Path) -> Anterior:
    """Lee la Ruta de ``carpeta`` (sin escribir nada). ``carga.NoEsRuta`` si no es una Ruta."""
    from rutamejora.formato.carga import cargar
    from rutamejora.vistas import (LOGRADA, avance_meta, numero, sin_datos_personales,
                                   situacion_accion)

    ruta, problemas = cargar(carpeta)
    _revisar_lectura(carpeta, problemas)
    # Lo heredado (metas, actividades) se escribe en la Ruta nueva: sin datos personales.
    sin_datos_personales(ruta)
    e = ruta.escuela
    escuela = Escuela(*(_texto(getattr(e, c, None)) if e is not None else None
                        for c in ("nombre", "cct", "nivel", "turno", "zona", "sector", "entidad",
                                  "municipio", "localidad", "plan_estudios")))
    anterior = Anterior(carpeta=carpeta, ciclo=ruta.ciclo, marco=ruta.datos.marco if ruta.datos else None,
                        escuela=escuela)
    if ruta.datos is not None and not ruta.datos.invalido("ciclos"):
        anterior.ciclos = [str(c) for c in ruta.datos.ciclos or []]
    anterior.colectivo = [{c: _texto(getattr(p, c)) for c in ("id", "nombre", "funcion", "grupo")}
                          for p in ruta.colectivo if p.id]
    anterior.comunidad = [{c: _texto(getattr(p, c)) for c in ("id", "nombre", "tipo")}
                          for p in ruta.comunidad if p.id]
    anterior.fuentes = [{"id": f.id, "nombre": _texto(f.nombre), "monto": f.monto} for f in ruta.fuentes]
    ajustes = ruta.datos.validacion if ruta.datos is not None else None
    if ajustes is not None:
        anterior.validacion = {c: getattr(ajustes, c) for c in ("estricto", "max_acciones_simultaneas", "reglas")
                               if getattr(ajustes, c) is not None}
    hoy = date.max
    for meta in ruta.metas:
        if not meta.id:
            continue
        avance = avance_meta(ruta, meta, hoy)
        indicador = meta.indicador
        # La línea base del ciclo nuevo es lo último que se midió, aunque sea posterior a la
        # fecha límite (que ya no cambia si la meta se logró: eso lo dice el estado).
        ultima = avance.mediciones[-1] if avance.mediciones else (None, None, None)
        datos = {"id": meta.id, "descripcion": _texto(meta.descripcion),
                 "indicador": _texto(indicador.nombre) if indicador is not None else None,
                 "unidad": indicador.unidad if indicador is not None else None,
                 "valor_meta": numero(meta.valor_meta), "linea_base": numero(meta.linea_base),
                 "ultimo": numero(ultima[1]), "fecha": ultima[0]}
        if not avance.mediciones:
            anterior.sin_medicion.append(datos)
            continue
        anterior.lineas_base.append(datos)
        if avance.estado != LOGRADA:
            anterior.no_logradas.append(datos)
    for accion in ruta.acciones:
        if not accion.id:
            continue
        situacion = situacion_accion(ruta, accion, hoy)
        if not situacion.cerrada:
            anterior.sin_terminar.append({
                "id": accion.id, "actividad": _texto(accion.actividad), "estado": situacion.nombre_estado,
                "avance": situacion.avance, "metas": ", ".join(accion.metas or [])})
    return anterior
