"""Leer de vuelta el borrador de ``ruta sesion``: del YAML editado a la entrada que se escribe.

Solo cuenta lo que cambió o se agregó (ver ``sesion``): una acción con el estado y el avance
que ya tenía el día de la sesión, sin nada más, no se registra; una meta sin valor no se mide.
Cada error dice dónde (la línea del borrador y el id) y qué escribir; ``leer_borrador`` los
junta todos.
"""

from __future__ import annotations

from rutamejora.escritura import bitacora as B
from rutamejora.escritura import pares as P
from rutamejora.escritura.sesion import CLAVES

_REGISTRO = ("accion", "estado", "avance", "evidencias", "gasto", "comprobante", "nota",
             "nuevo_inicio", "nuevo_fin")
_MEDICION = ("meta", "valor", "fuente", "nota")
_AJUSTE = ("descripcion", "acciones", "metas")
_INGRESO = ("fuente", "monto", "concepto")
_RASGO = ("anexo", "rasgo", "valoracion", "comentario")
# Lo que una entrada de la bitácora tiene y el borrador no registra: dónde se registra.
_EN_OTRO_LADO = {"balance": "--balance"}


class _Motivos(list):
    """Los motivos, cada uno con su línea del borrador. ``lugares`` guarda dónde está cada cosa
    leída (``(línea, lista, elemento)``; ``fecha`` y ``sesion`` en ``claves``) para decir
    también la línea de lo que encuentra la revisión contra la Ruta."""

    def __init__(self):
        super().__init__()
        self.lugares: list[tuple[str, str, object]] = []
        self.claves: dict[str, str] = {}

    def leer(self, donde: str, funcion, *args):
        try:
            return funcion(*args)
        except B.ValorInvalido as exc:
            self.extend(f"{donde}: {_sin_opciones(m)}" for m in exc.motivos)
            return None


def _cargar(texto: str):
    from ruamel.yaml import YAML
    from ruamel.yaml.error import MarkedYAMLError, YAMLError

    try:
        # Primero con libyaml: sus mensajes son los que `ruta validar` traduce (los del lector
        # de Python puro, que da las líneas de cada valor, dicen lo mismo con otras palabras).
        from ruamel.yaml.cyaml import CParser

        siguiente = CParser(texto).get_event
        while siguiente() is not None:
            pass
        return YAML(typ="rt", pure=True).load(texto), None
    except MarkedYAMLError as exc:
        from rutamejora.formato import traducir_error_yaml

        marca = exc.problem_mark or exc.context_mark
        linea = f"línea {marca.line + 1}: " if marca is not None else ""
        # En español, como `ruta validar` (libyaml y ruamel lo dicen en inglés).
        mensaje, pista = traducir_error_yaml(str(exc.problem or exc.context or ""))
        return None, f"{linea}el YAML no se puede leer: {mensaje[0].lower()}{mensaje[1:]} {pista}"
    except YAMLError as exc:
        return None, f"el YAML no se puede leer ({exc})."
    except ValueError:  # una fecha que no existe: ruamel la construye como ``date`` y falla
        return None, _fecha_imposible(texto)


PISTA_FECHA_IMPOSIBLE = "Escríbela como AAAA-MM-DD con un día que tenga ese mes."


def _fecha_imposible(texto: str) -> str:
    """El motivo para un borrador con una fecha que no existe («2026-02-30»), con su línea."""
    from rutamejora.nucleo.textos import fecha_imposible

    hallada = fecha_imposible(texto)
    if hallada is None:
        return "el borrador tiene un valor que no se puede leer como fecha."
    numero, escrita = hallada
    return f"línea {numero}: la fecha «{escrita}» no existe. {PISTA_FECHA_IMPOSIBLE}"


def _linea(contenedor, indice) -> str:
    try:
        return f"línea {contenedor.lc.item(indice)[0] + 1}"
    except (AttributeError, KeyError, IndexError, TypeError):
        return "el borrador"


def _texto(valor) -> str | None:
    return None if valor is None or str(valor).strip() == "" else str(valor)


def leer_borrador(texto: str, ruta) -> tuple[B.EntradaNueva | None, list[str]]:
    """(la entrada con lo que cambió, o ``None`` si nada; los motivos de lo que no sirve)."""
    datos, error = _cargar(texto)
    if error:
        return None, [error]
    if datos is None:
        return None, []
    if not isinstance(datos, dict):
        return None, ["el borrador no es un mapa (fecha:, sesion:, acciones:, …)."]
    entrada, motivos = _leer(datos, ruta)
    if motivos:
        return entrada, list(motivos)
    return (None if entrada.vacia else entrada), []


def _leer(datos: dict, ruta) -> tuple[B.EntradaNueva, _Motivos]:
    """La entrada del borrador ya cargado (con lo que se pudo leer) y los motivos, con sus lugares."""
    motivos = _Motivos()
    motivos.claves = {clave: _linea(datos, clave) for clave in ("fecha", "sesion", "tipo", "nota")}
    for clave in datos:
        if clave not in CLAVES:
            motivos.append(_no_se_registra(datos, clave))
    _sin_textos_que_no_son_texto(datos, motivos)
    dia = motivos.leer(_linea(datos, "fecha"), B.leer_fecha, str(datos.get("fecha") or ""), "fecha")
    numero = motivos.leer(_linea(datos, "sesion"), B.leer_entero, str(datos.get("sesion")), "sesion", 1) \
        if datos.get("sesion") is not None else None
    entrada = B.EntradaNueva(dia, numero, tipo=_texto(datos.get("tipo")))
    entrada.acciones = _acciones(datos.get("acciones"), ruta, dia, motivos)
    entrada.mediciones = _mediciones(datos.get("mediciones"), motivos)
    acuerdos = _lista(datos, "acuerdos", motivos)
    for i, acuerdo in enumerate(acuerdos):
        if _texto(acuerdo):
            entrada.acuerdos.append(_texto(acuerdo))
            motivos.lugares.append((_linea(acuerdos, i), "acuerdos", entrada.acuerdos[-1]))
    entrada.ajustes = _ajustes(datos, motivos)
    entrada.ingresos = _ingresos(datos.get("ingresos"), motivos)
    entrada.rasgos = _rasgos(datos.get("rasgos"), motivos)
    entrada.nota = _texto(datos.get("nota"))
    return entrada, motivos


# Las claves de un elemento que llevan una lista de textos o ids; las demás, un valor solo.
_CON_LISTA = {"evidencias", "acciones", "metas"}


def _sin_textos_que_no_son_texto(datos, motivos) -> None:
    """Un valor que va como texto (un acuerdo, una evidencia, una nota, un concepto…) y que YAML
    leyó como un mapa o una lista («- Reunión con familias: viernes», «- [a, b]», o un «#» que
    cortó el texto): es un error con su línea, y el valor se quita para no escribir su forma de
    Python («{'Reunión con familias': 'viernes'}»). Nada de lo escrito se ignora en silencio."""
    def revisar(contenedor, clave, que, lista_permitida=False):
        valor = contenedor[clave]
        if lista_permitida and isinstance(valor, list):
            for i in range(len(valor)):
                revisar(valor, i, que)
            return
        if isinstance(valor, (dict, list)):
            forma = "un mapa (por un «: »)" if isinstance(valor, dict) else "una lista (por un «[» o un «- »)"
            motivos.append(f"{_linea(contenedor, clave)}: {que} va como texto y se leyó como {forma}; "
                           "escríbelo entre comillas.")
            contenedor[clave] = None

    for clave in ("fecha", "sesion", "tipo", "nota"):
        if clave in datos:
            revisar(datos, clave, f"`{clave}`")
    if isinstance(datos.get("acuerdos"), list):
        for i in range(len(datos["acuerdos"])):
            revisar(datos["acuerdos"], i, "cada acuerdo")
    for lista in ("acciones", "mediciones", "ajustes", "ingresos", "rasgos"):
        for elemento in datos.get(lista) or [] if isinstance(datos.get(lista), list) else []:
            if isinstance(elemento, dict):
                for clave in list(elemento):
                    revisar(elemento, clave, f"`{clave}`", lista_permitida=clave in _CON_LISTA)


def _no_se_registra(datos, clave) -> str:
    """El motivo de una clave que el lector no sabe registrar: nada escrito se ignora en silencio."""
    from rutamejora.formato.pistas import sugerir

    donde = f"{_linea(datos, clave)}: `{clave}` no se registra desde el borrador; "
    if str(clave) in _EN_OTRO_LADO:
        opcion = _EN_OTRO_LADO[str(clave)]
        return donde + f"regístralo con `ruta bitacora agregar {opcion}` y quítalo del borrador."
    cercana = sugerir(str(clave), list(CLAVES))
    pista = f" ¿Quisiste decir {cercana}?" if cercana else ""
    return donde + f"las claves son {_y(list(CLAVES))}.{pista}"


def _lista(datos, clave: str, motivos) -> list:
    valor = datos.get(clave)
    if valor is None:
        return []
    if not isinstance(valor, list):
        motivos.append(f"{_linea(datos, clave)}: `{clave}` va como lista (cada elemento con «- »).")
        return []
    return valor


def _elementos(valor, clave: str, campos: tuple, motivos):
    """(línea, mapa) de cada elemento de una lista de mapas, con sus claves revisadas."""
    if valor is None:
        return
    if not isinstance(valor, list):
        motivos.append(f"`{clave}` va como lista (cada elemento con «- »).")
        return
    for i, x in enumerate(valor):
        donde = _linea(valor, i)
        if not isinstance(x, dict):
            motivos.append(f"{donde}: cada elemento de `{clave}` es un mapa ({campos[0]}: …).")
            continue
        extra = [k for k in x if k not in campos]
        if extra:
            motivos.append(f"{donde}: «{extra[0]}» no va en `{clave}` (van {', '.join(campos)}).")
        yield donde, x


def _acciones(valor, ruta, dia, motivos) -> list:
    from rutamejora.vistas import situacion_accion

    acciones = ruta.por_id("accion")
    registros = []
    for donde, x in _elementos(valor, "acciones", _REGISTRO, motivos):
        ident = _texto(x.get("accion"))
        if ident is None:
            motivos.append(f"{donde}: falta `accion: ID`.")
            continue
        donde = f"{donde}, acción {ident}"
        estado = motivos.leer(donde, B.leer_estado, str(x.get("estado") or "")) if _texto(x.get("estado")) else None
        avance = motivos.leer(donde, B.leer_entero, x.get("avance"), "avance", 0, 100) \
            if x.get("avance") is not None else None
        otros = {k: x.get(k) for k in _REGISTRO[3:] if x.get(k) not in (None, "", [])}
        previo = situacion_accion(ruta, acciones[ident], dia) if ident in acciones and dia else None
        if previo is not None and not otros and avance == previo.avance and \
                (estado or "pendiente") == (previo.estado or "pendiente"):
            continue  # quedó como estaba: no se registra
        if not _texto(x.get("estado")):
            motivos.append(f"{donde}: falta `estado` ({B.NOMBRES_ESTADO}).")
        registros.append(_registro(ident, estado or "", avance, otros, donde, motivos))
        motivos.lugares.append((donde, "acciones", registros[-1]))
    return registros


def _registro(ident, estado, avance, otros: dict, donde: str, motivos) -> B.RegistroNuevo:
    evidencias = otros.get("evidencias") or []
    if not isinstance(evidencias, list):
        evidencias = [evidencias]

    def fecha(clave):
        valor = otros.get(clave)
        return motivos.leer(donde, B.leer_fecha, str(valor), clave) if valor is not None else None

    gasto = motivos.leer(donde, B.leer_dinero, str(otros["gasto"]), "gasto") if "gasto" in otros else None
    return B.RegistroNuevo(ident, estado, avance, [str(e) for e in evidencias if _texto(e)], gasto,
                           _texto(otros.get("comprobante")), _texto(otros.get("nota")),
                           fecha("nuevo_inicio"), fecha("nuevo_fin"))


def _mediciones(valor, motivos) -> list:
    mediciones = []
    for donde, x in _elementos(valor, "mediciones", _MEDICION, motivos):
        ident = _texto(x.get("meta"))
        if ident is None:
            motivos.append(f"{donde}: falta `meta: ID`.")
            continue
        if _texto(x.get("valor")) is None:
            continue  # sin valor: no se midió
        numero = motivos.leer(f"{donde}, meta {ident}", B.leer_numero, str(x.get("valor")), "valor")
        mediciones.append(B.MedicionNueva(ident, numero, _texto(x.get("fuente")), _texto(x.get("nota"))))
        motivos.lugares.append((f"{donde}, meta {ident}", "mediciones", mediciones[-1]))
    return mediciones


def _ajustes(datos, motivos) -> list:
    ajustes = []
    for donde, x in _elementos(datos.get("ajustes"), "ajustes", _AJUSTE, motivos):
        descripcion = _texto(x.get("descripcion"))
        if descripcion is None:
            motivos.append(f"{donde}: falta `descripcion` (qué se ajustó y por qué).")
            continue
        ids = {}
        for clave in ("acciones", "metas"):
            valor = x.get(clave) or []
            ids[clave] = [str(v) for v in (valor if isinstance(valor, list) else [valor])]
        ajustes.append(B.AjusteNuevo(descripcion, ids["acciones"], ids["metas"]))
        motivos.lugares.append((donde, "ajustes", ajustes[-1]))
    return ajustes


def _ingresos(valor, motivos) -> list:
    """Los ingresos, como ``bitacora agregar --ingreso F1=MONTO:CONCEPTO`` (``pares.IngresoNuevo``)."""
    ingresos = []
    for donde, x in _elementos(valor, "ingresos", _INGRESO, motivos):
        fuente = _texto(x.get("fuente"))
        if fuente is None:
            motivos.append(f"{donde}: falta `fuente: ID` (la fuente del presupuesto que dio el dinero).")
            continue
        donde = f"{donde}, fuente {fuente}"
        if _texto(x.get("monto")) is None:
            motivos.append(f"{donde}: falta `monto` (lo recibido, en pesos; p. ej. 15000.00).")
            continue
        monto = motivos.leer(donde, B.leer_dinero, str(x.get("monto")), "monto")
        if monto is None:
            continue
        ingresos.append(P.IngresoNuevo(fuente, monto, _texto(x.get("concepto"))))
        motivos.lugares.append((donde, "ingresos", ingresos[-1]))
    return ingresos


def _rasgos(valor, motivos) -> list:
    """Los rasgos valorados, como ``bitacora agregar --rasgo ANEXO/RASGO=VALORACION:COMENTARIO``
    (``pares.RasgoNuevo``); que el anexo, el rasgo y la valoración existan lo revisa ``_revisar``."""
    rasgos = []
    for donde, x in _elementos(valor, "rasgos", _RASGO, motivos):
        faltan = [c for c in _RASGO[:3] if _texto(x.get(c)) is None]
        if faltan:
            motivos.append(f"{donde}: falta {', '.join(f'`{c}`' for c in faltan)} (p. ej. "
                           "{anexo: normalidad-minima, rasgo: 1, valoracion: logrado}).")
            continue
        rasgo = P.RasgoNuevo(_texto(x["anexo"]), _texto(x["rasgo"]), _texto(x["valoracion"]),
                             _texto(x.get("comentario")))
        rasgos.append(rasgo)
        motivos.lugares.append((f"{donde}, rasgo {rasgo.anexo}/{rasgo.rasgo}", "rasgos", rasgo))
    return rasgos


def _sin_opciones(motivo: str) -> str:
    """Un motivo de ``bitacora.revisar`` con el nombre del campo en vez de la opción (``--avance`` → ``avance``)."""
    return motivo[2:] if motivo.startswith("--") else motivo


def entrada_del_borrador(texto: str, ruta) -> tuple[B.EntradaNueva | None, list[str]]:
    """(la entrada revisada contra la Ruta, o ``None`` si nada cambió; sus notas). Lanza
    ``ValorInvalido`` con todos los motivos si algo no sirve, y ``YaAplicado`` si todo lo que
    trae ya está, idéntico, en la entrada de esa fecha y sesión."""
    datos, error = _cargar(texto)
    if error:
        raise B.ValorInvalido([error])
    if datos is None:
        return None, []
    if not isinstance(datos, dict):
        raise B.ValorInvalido(["el borrador no es un mapa (fecha:, sesion:, acciones:, …)."])
    entrada, motivos = _leer(datos, ruta)
    if not motivos and entrada.vacia:
        return None, []
    repetido = sin_repetir(entrada, ruta, "ese borrador ya se aplicó") if not motivos else []
    # Todos los problemas de una vez: los de la lectura y los de la revisión contra la Ruta.
    notas = _revisar(entrada, ruta, motivos)
    if motivos:
        raise B.ValorInvalido(sorted(motivos, key=_numero_de_linea))
    return entrada, repetido + notas


def _numero_de_linea(motivo: str) -> int:
    """Para ordenar los motivos como el borrador: los que no dicen su línea, al final."""
    import re

    encontrado = re.match(r"línea (\d+)", motivo)
    return int(encontrado.group(1)) if encontrado else 1 << 30


def _revisar(entrada: B.EntradaNueva, ruta, motivos: _Motivos) -> list[str]:
    """Revisa contra la Ruta (``bitacora.revisar``) cada cosa leída por separado, para que cada
    motivo diga su línea del borrador; agrega los motivos a ``motivos`` y devuelve las notas."""
    if entrada.fecha is not None:
        motivo = B.fuera_del_ciclo(ruta, entrada.fecha, "fecha")
        if motivo:
            motivos.append(f"{motivos.claves['fecha']}: {motivo}")
    # El tipo, como `--tipo`: uno del catálogo (un texto libre ahí llegaba a bitacora.yaml
    # sin revisar, con lo que trajera) y que cuadre con la entrada a la que se une.
    motivos.extend(f"{motivos.claves['tipo']}: {_sin_opciones(m)}" for m in P.revisar_tipo(entrada, ruta))
    de_la_sesion, notas = B.revisar_sesion(entrada, ruta)
    motivos.extend(f"{motivos.claves['sesion']}: {_sin_opciones(m)}" for m in de_la_sesion)
    lugares = list(motivos.lugares)
    if entrada.nota:
        lugares.append((motivos.claves["nota"], "nota", entrada.nota))
    vistos: set[tuple[str, str]] = set()
    for donde, lista, elemento in lugares:
        # Una entrada sin fecha ni sesión con solo ese elemento: se revisa él y nada más.
        pieza = B.EntradaNueva(None)
        if lista == "nota":
            pieza.nota = elemento
        else:
            getattr(pieza, lista).append(elemento)
        try:
            B.revisar(pieza, ruta)
        except B.ValorInvalido as exc:
            motivos.extend(f"{donde}: {_sin_opciones(m)}" for m in exc.motivos)
        if lista == "ingresos":
            motivo = B.revisar_id(ruta, "fuente", elemento.fuente, "fuente", "ruta.yaml")
            if motivo:
                motivos.append(f"{donde}: {motivo}")
        if lista == "rasgos":   # el anexo, el rasgo y la valoración, los del marco
            motivos.extend(f"{donde}: {m.partition(': ')[2].replace('quita --rasgo', 'quita `rasgos`')}"
                           for m in P.revisar_pares(pieza, ruta))
        ident = getattr(elemento, "accion", None) or getattr(elemento, "meta", None)
        if lista in ("acciones", "mediciones") and ident:
            if (lista, ident) in vistos:
                que = "la acción" if lista == "acciones" else "la meta"
                motivos.append(f"{donde}: {que} {ident} está dos veces en el registro.")
            vistos.add((lista, ident))
    return notas


# --- Lo que ya está en la entrada de la sesión --------------------------------------------------


class YaAplicado(ValueError):
    """Todo lo que trae el borrador ya está en la entrada de su fecha y sesión (salida 2): aplicar
    dos veces el mismo borrador no debe duplicar acuerdos ni registros."""


def _cuando(entrada) -> str:
    from rutamejora.vistas import fecha_corta

    return fecha_corta(entrada.fecha) + (f" (sesión {entrada.sesion})" if entrada.sesion else "")


def _y(partes: list[str]) -> str:
    return partes[0] if len(partes) == 1 else ", ".join(partes[:-1]) + " y " + partes[-1]


def _la_entrada(ruta, entrada):
    """La entrada de la bitácora a la que se uniría ``entrada`` (la última con su fecha y sesión)."""
    return next((e for e in reversed(ruta.entradas)
                 if e.fecha == entrada.fecha and e.sesion == entrada.sesion), None)


def _registro_escrito(r) -> dict:
    """Un registro de acción de la bitácora con los campos de ``RegistroNuevo.datos()``."""
    return B.RegistroNuevo(r.accion, r.estado or "", r.avance, list(r.evidencias or []), r.gasto,
                           r.comprobante, r.nota, r.nuevo_inicio, r.nuevo_fin).datos()


def _quitar(nuevos: list, escritos: list, clave) -> tuple[list, int]:
    """(los nuevos que no están ya escritos, cuántos estaban): cada escrito cuenta una vez."""
    quedan, libres = [], [clave(x) for x in escritos]
    for x in nuevos:
        if clave(x) in libres:
            libres.remove(clave(x))
        else:
            quedan.append(x)
    return quedan, len(nuevos) - len(quedan)


def sin_lo_ya_registrado(entrada: B.EntradaNueva, ruta) -> list[str]:
    """Quita de ``entrada`` lo que la entrada de su fecha y sesión ya tiene idéntico (acuerdos,
    ajustes, registros, mediciones, ingresos, rasgos valorados, balances, la nota) y dice qué fue
    («1 acuerdo», «la acción A1»)."""
    escrita = _la_entrada(ruta, entrada)
    if escrita is None:
        return []
    dicho = []
    entrada.acciones, n = _quitar(entrada.acciones, [_registro_escrito(r) for r in escrita.acciones or []],
                                  lambda r: r.datos() if isinstance(r, B.RegistroNuevo) else r)
    dicho += [f"{n} {'registro de acción' if n == 1 else 'registros de acciones'}"] if n else []
    entrada.mediciones, n = _quitar(entrada.mediciones, escrita.mediciones or [],
                                    lambda m: (m.meta, m.valor, m.fuente, m.nota))
    dicho += [f"{n} {'medición' if n == 1 else 'mediciones'}"] if n else []
    entrada.acuerdos, n = _quitar(entrada.acuerdos, escrita.acuerdos or [], lambda a: str(a).strip())
    dicho += [f"{n} {'acuerdo' if n == 1 else 'acuerdos'}"] if n else []
    entrada.ajustes, n = _quitar(entrada.ajustes, escrita.ajustes or [],
                                 lambda a: (a.descripcion, list(a.acciones or []), list(a.metas or [])))
    dicho += [f"{n} {'ajuste' if n == 1 else 'ajustes'}"] if n else []
    entrada.ingresos, n = _quitar(entrada.ingresos, escrita.ingresos or [],
                                  lambda i: (i.fuente, i.monto, i.concepto))
    dicho += [f"{n} {'ingreso' if n == 1 else 'ingresos'}"] if n else []
    entrada.rasgos, n = _quitar(entrada.rasgos, escrita.rasgos or [],
                                lambda r: (r.anexo, str(r.rasgo).lower(), r.valoracion, r.comentario))
    dicho += [f"{n} {'rasgo valorado' if n == 1 else 'rasgos valorados'}"] if n else []
    entrada.balance, n = _quitar(entrada.balance, escrita.balance or [],
                                 lambda b: (b.prioridad, b.valoracion, b.logros, b.pendientes))
    dicho += [f"{n} {'balance' if n == 1 else 'balances'}"] if n else []
    # Una nota para un registro que ya tiene esa misma nota (``--nota-de A1=…`` otra vez).
    ya_con_nota = {("accion", r.accion, r.nota) for r in escrita.acciones or []} | \
        {("meta", m.meta, m.nota) for m in escrita.mediciones or []}
    antes = len(entrada.notas)
    entrada.notas = [n for n in entrada.notas if (n.tipo, n.id, n.nota) not in ya_con_nota]
    n = antes - len(entrada.notas)
    dicho += [f"{n} {'nota de un registro' if n == 1 else 'notas de registros'}"] if n else []
    if entrada.nota is not None and entrada.nota == escrita.nota:
        entrada.nota = None
        dicho.append("la nota")
    return dicho


def sin_repetir(entrada: B.EntradaNueva, ruta, ya: str = "ya está registrado") -> list[str]:
    """Quita de ``entrada`` lo ya registrado idéntico (``sin_lo_ya_registrado``) y devuelve la
    nota que lo dice. Si no queda nada, lanza ``YaAplicado`` (salida 2): repetir la misma orden
    o el mismo borrador no duplica acuerdos, ingresos ni registros. ``ya`` empieza el mensaje."""
    repetido = sin_lo_ya_registrado(entrada, ruta)
    if repetido and entrada.vacia:
        raise YaAplicado(f"{ya}: la entrada del {_cuando(entrada)} ya tiene {_y(repetido)}; no se "
                         "escribió nada en bitacora.yaml.")
    return [f"la entrada del {_cuando(entrada)} ya tenía {_y(repetido)}; eso no se repitió."] if repetido else []


__all__ = ["leer_borrador", "entrada_del_borrador", "sin_lo_ya_registrado", "sin_repetir", "YaAplicado"]
