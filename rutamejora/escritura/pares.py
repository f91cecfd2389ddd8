"""Lo que ``bitacora agregar`` escribe pegado a su id: ``--accion A1=en_curso:50``, ``--meta M1=57``.

Cada valor va junto al id al que pertenece, con ``=``, así que varias acciones y metas caben en
una orden sin que se confunda de quién es cada número:

- ``--accion A1=en_curso:50``: estado y avance, en cualquier orden (``A1=50:en_curso``); solo
  el estado (``A4=realizada``) o solo el avance (``A4=100``: con 100 queda ``realizada``, con
  menos ``en_curso``). ``--accion A1`` sola toma ``--estado``, ``--avance`` y las demás.
- ``--meta M1=57``: la medición (``--meta M1`` sola toma ``--valor``).
- ``--ingreso F1=15000:Concepto``, ``--rasgo normalidad-minima/1=logrado:Comentario``,
  ``--balance P1=en_proceso``, ``--logros P1=…``, ``--pendientes P1=…`` y ``--nota-de A4=…``
  (una nota para el registro de A4 que la entrada ya tiene).

Aquí se leen y se revisan contra la Ruta (ids, valoraciones, anexos); la privacidad de sus
textos la revisa ``bitacora.revisar`` con los demás.
"""

from __future__ import annotations

from decimal import Decimal

from rutamejora.escritura.bitacora import (ValorInvalido, leer_dinero, leer_entero, leer_estado,
                                           leer_numero, leer_texto, revisar_id)
from rutamejora.nucleo.registro import registro

TIPOS = ("sesion_ordinaria", "fase_intensiva", "registro", "revision_anual", "evaluacion_final")


def partir(texto: str, opcion: str, forma: str) -> tuple[str, str | None]:
    """«A1=en_curso:50» → («A1», «en_curso:50»); «A1» → («A1», None)."""
    ident, igual, resto = str(texto).partition("=")
    ident = ident.strip()
    if not ident:
        raise ValorInvalido([f"{opcion}: «{texto}» no empieza con un id; escríbelo así: {opcion} {forma}."])
    if igual and not resto.strip():
        raise ValorInvalido([f"{opcion}: «{texto}» no dice nada después del «=»; escríbelo así: "
                             f"{opcion} {forma}."])
    return ident, (resto.strip() if igual else None)


def leer_accion(texto: str) -> tuple[str, str | None, int | None]:
    """``--accion``: (id, estado, avance); lo que no se dio, ``None``."""
    ident, resto = partir(texto, "--accion", "A1=en_curso:50")
    if resto is None:
        return ident, None, None
    estado = avance = None
    for parte in (p.strip() for p in resto.split(":")):
        if parte.rstrip("%").strip().isdigit() and avance is None:
            avance = leer_entero(parte, f"--accion {ident}: el avance", 0, 100)
        elif estado is None and parte:
            try:
                estado = leer_estado(parte)
            except ValorInvalido as exc:
                motivo = exc.motivos[0].split(": ", 1)[-1]
                raise ValorInvalido([f"--accion {ident}: {motivo}"]) from None
        else:
            raise ValorInvalido([f"--accion: «{texto}» tiene de más; después del «=» van el estado "
                                 "y el avance, separados por «:» (A1=en_curso:50)."])
    if estado is None:
        estado = "realizada" if avance == 100 else "en_curso"
    return ident, estado, avance


def leer_meta(texto: str) -> tuple[str, Decimal | None]:
    """``--meta``: (id, valor medido o ``None``)."""
    ident, resto = partir(texto, "--meta", "M1=57")
    return ident, (leer_numero(resto, f"--meta {ident}") if resto is not None else None)


def _con_valor(texto: str, opcion: str, forma: str) -> tuple[str, str]:
    ident, resto = partir(texto, opcion, forma)
    if resto is None:
        raise ValorInvalido([f"{opcion}: a «{texto}» le falta su valor; escríbelo así: {opcion} {forma}."])
    return ident, resto


@registro
class IngresoNuevo:
    fuente: str
    monto: Decimal
    concepto: str | None = None

    def datos(self) -> dict:
        return {k: v for k, v in (("fuente", self.fuente), ("monto", self.monto),
                                  ("concepto", self.concepto)) if v is not None}

    def textos(self):
        if self.concepto:
            yield "--ingreso", self.concepto


def leer_ingreso(texto: str) -> IngresoNuevo:
    ident, resto = _con_valor(texto, "--ingreso", "F1=15000.00:Concepto")
    monto, _, concepto = resto.partition(":")
    return IngresoNuevo(ident, leer_dinero(monto.strip(), f"--ingreso {ident}"), concepto.strip() or None)


@registro
class RasgoNuevo:
    anexo: str
    rasgo: str
    valoracion: str
    comentario: str | None = None

    def datos(self) -> dict:
        datos = {"anexo": self.anexo, "rasgo": self.rasgo, "valoracion": self.valoracion}
        return datos | ({"comentario": self.comentario} if self.comentario else {})

    def textos(self):
        if self.comentario:
            yield "--rasgo", self.comentario


def leer_rasgo(texto: str) -> RasgoNuevo:
    ident, resto = _con_valor(texto, "--rasgo", "normalidad-minima/1=logrado")
    anexo, barra, rasgo = ident.partition("/")
    if not barra or not anexo.strip() or not rasgo.strip():
        raise ValorInvalido([f"--rasgo: «{ident}» no dice anexo y rasgo; escríbelo así: "
                             "--rasgo normalidad-minima/1=logrado."])
    valoracion, _, comentario = resto.partition(":")
    return RasgoNuevo(anexo.strip(), rasgo.strip(), valoracion.strip(), comentario.strip() or None)


@registro
class BalanceNuevo:
    prioridad: str
    clave: str = "prioridad"          # la palabra del marco: ``ambito`` en el PEMC
    valoracion: str | None = None
    logros: str | None = None
    pendientes: str | None = None

    def datos(self) -> dict:
        return {k: v for k, v in ((self.clave, self.prioridad), ("valoracion", self.valoracion),
                                  ("logros", self.logros), ("pendientes", self.pendientes)) if v}

    def textos(self):
        for opcion, texto in (("--logros", self.logros), ("--pendientes", self.pendientes)):
            if texto:
                yield opcion, texto


def leer_balance(valoraciones: list[str], logros: list[str], pendientes: list[str],
                 clave: str = "prioridad") -> list[BalanceNuevo]:
    """Un balance por id, en el orden en que aparece en ``--balance``, ``--logros`` y ``--pendientes``."""
    por_id: dict[str, BalanceNuevo] = {}
    for opcion, lista, campo, forma in (("--balance", valoraciones, "valoracion", "P1=logrado"),
                                        ("--logros", logros, "logros", "P1=TEXTO"),
                                        ("--pendientes", pendientes, "pendientes", "P1=TEXTO")):
        for texto in lista or []:
            ident, resto = _con_valor(texto, opcion, forma)
            balance = por_id.setdefault(ident, BalanceNuevo(ident, clave))
            if getattr(balance, campo) is not None:
                raise ValorInvalido([f"{opcion}: {ident} está dos veces; deja uno."])
            setattr(balance, campo, resto if campo != "valoracion" else resto.strip())
    return list(por_id.values())


@registro
class NotaNueva:
    """Una nota para el registro de una acción o de una meta que la entrada ya tiene."""

    tipo: str           # accion o meta
    id: str
    nota: str

    def datos(self) -> dict:
        return {self.tipo: self.id, "nota": self.nota}

    def textos(self):
        yield "--nota-de", self.nota


def leer_nota_de(texto: str, ruta) -> NotaNueva:
    ident, resto = _con_valor(texto, "--nota-de", "A4=TEXTO")
    leer_texto(resto, f"--nota-de {ident}")
    tipo = "meta" if ident in ruta.por_id("meta") and ident not in ruta.por_id("accion") else "accion"
    return NotaNueva(tipo, ident, resto)


# --- Revisar contra la Ruta -----------------------------------------------------------------------


def revisar_pares(entrada, ruta) -> list[str]:
    """Los motivos por los que no se puede escribir lo de este módulo (ids, valoraciones, tipo)."""
    motivos = revisar_tipo(entrada, ruta)
    for i in entrada.ingresos:
        motivos.append(revisar_id(ruta, "fuente", i.fuente, "--ingreso", "ruta.yaml"))
    for b in entrada.balance:
        motivos.append(revisar_id(ruta, "prioridad", b.prioridad, "--balance", "prioridades.yaml"))
        motivos.append(_valoracion(ruta, b.valoracion, f"--balance {b.prioridad}"))
    motivos += [_rasgo(ruta, r) for r in entrada.rasgos]
    registradas = {r.accion for r in entrada.acciones} | {m.meta for m in entrada.mediciones}
    for n in entrada.notas:
        archivo = "acciones.yaml" if n.tipo == "accion" else "metas.yaml"
        motivos.append(revisar_id(ruta, n.tipo, n.id, "--nota-de", archivo))
        if n.id in registradas:
            motivos.append(f"--nota-de {n.id}: {n.id} se registra en esta misma orden; su nota va con --nota.")
    return [m for m in motivos if m]


def revisar_tipo(entrada, ruta) -> list[str]:
    """Lo que no sirve del tipo de la entrada (uno del catálogo, que cuadre con la sesión y con la
    entrada a la que se une), con ``--tipo`` delante."""
    if entrada.tipo is None:
        return []
    if entrada.tipo not in TIPOS:
        return [f"--tipo: «{entrada.tipo}» no es un tipo de entrada ({', '.join(TIPOS[:-1])} o {TIPOS[-1]})."]
    if entrada.tipo == "revision_anual" and len(ruta.ciclos) < 2:
        return ["--tipo revision_anual es de una Ruta de varios ciclos (`ciclos:` en ruta.yaml); al "
                "cerrar el ciclo de esta Ruta usa --tipo evaluacion_final."]
    if entrada.tipo == "sesion_ordinaria" and entrada.sesion is None:
        return ["--tipo sesion_ordinaria necesita --sesion N."]
    motivo = tipo_al_unir(entrada, ruta)
    return [f"--tipo: {motivo}"] if motivo else []


def tipo_al_unir(entrada, ruta) -> str | None:
    """Si lo nuevo se une a una entrada que ya existe (misma fecha y sesión) y pide otro tipo: su
    tipo no cambia al unirle algo, así que pedir otro sería callarlo."""
    if entrada.tipo is None or entrada.fecha is None:
        return None
    escrita = next((e for e in reversed(ruta.entradas) if e.fecha == entrada.fecha
                    and e.sesion == entrada.sesion), None)
    if escrita is None or (escrita.tipo or None) == entrada.tipo:
        return None
    from rutamejora.vistas import fecha_corta

    return (f"la entrada del {fecha_corta(entrada.fecha)} ya existe y es {escrita.tipo or 'sin tipo'}; lo "
            f"nuevo se une a ella y su tipo no cambia: cámbialo en bitacora.yaml o quita el tipo.")


def _valoracion(ruta, valoracion: str | None, opcion: str) -> str | None:
    if valoracion is None or ruta.marco is None:
        return None
    claves = [v.get("clave") for v in ruta.marco.valores("valoraciones")]
    if valoracion in claves:
        return None
    from rutamejora.formato.pistas import sugerir

    cercana = sugerir(valoracion, claves)
    pista = f"¿Quisiste decir {cercana}?" if cercana else f"Las valoraciones son: {', '.join(claves)}."
    return f"{opcion}: «{valoracion}» no es una valoración. {pista}"


def _rasgo(ruta, r: RasgoNuevo) -> str | None:
    anexos = {a.get("clave"): a for a in ruta.marco.valores("anexos")} if ruta.marco is not None else {}
    if not anexos:
        marco = ruta.marco.siglas if ruta.marco is not None else "de esta Ruta"
        return f"--rasgo: el marco {marco} no tiene anexos con rasgos que valorar; quita --rasgo."
    nivel = ruta.nivel
    del_nivel = [c for c, a in anexos.items() if not nivel or nivel in (a.get("niveles") or [nivel])]
    if r.anexo not in anexos:
        return f"--rasgo: «{r.anexo}» no es un anexo; los anexos son: {', '.join(del_nivel)}."
    if r.anexo not in del_nivel:
        return (f"--rasgo: el anexo {r.anexo} es de {' y '.join(anexos[r.anexo].get('niveles'))}, no de "
                f"{nivel}; los de {nivel} son: {', '.join(del_nivel)}.")
    rasgos = [str(x.get("clave")) for x in anexos[r.anexo].get("rasgos") or []]
    if r.rasgo.lower() not in rasgos:
        return f"--rasgo: el anexo {r.anexo} no tiene el rasgo «{r.rasgo}»; tiene {', '.join(rasgos)}."
    return _valoracion(ruta, r.valoracion, f"--rasgo {r.anexo}/{r.rasgo}")


__all__ = ["TIPOS", "IngresoNuevo", "RasgoNuevo", "BalanceNuevo", "NotaNueva", "leer_accion",
           "leer_meta", "leer_ingreso", "leer_rasgo", "leer_balance", "leer_nota_de", "revisar_pares",
           "tipo_al_unir", "revisar_tipo"]
