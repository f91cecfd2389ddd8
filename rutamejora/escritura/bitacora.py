"""Una entrada nueva de la bitácora: leer lo que escribe quien usa ``ruta``, revisarla y guardarla.

Lo usan las dos formas de ``ruta bitacora agregar`` (opciones y preguntas). Todo lo que se
revisa aquí se revisa **antes** de tocar el archivo: un id que no existe (con «¿quisiste decir
…?»), un avance fuera de 0–100, una fecha fuera del ciclo, un estado que no existe. Si algo no
sirve se lanza ``ValorInvalido`` con todos los motivos a la vez y el archivo queda intacto.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal, InvalidOperation

from rutamejora.formato.esquema import ESTADOS
from rutamejora.formato.pistas import sugerir
from rutamejora.nucleo.registro import campo, registro
from rutamejora.nucleo.textos import primer_control
from rutamejora.nucleo.expresiones import compilar

DINERO_MAXIMO = Decimal("1000000000")
NOMBRES_ESTADO = ", ".join(ESTADOS[:-1]) + " o " + ESTADOS[-1]


class ValorInvalido(ValueError):
    """Uno o más valores escritos por quien usa el comando no sirven (error de uso: salida 2).

    Los motivos citan lo que se escribió («`…` no es una fecha»): cada uno pasa por el detector
    de datos personales y sale enmascarado, sea cual sea el motivo (la terminal puede estar
    proyectada en la sesión)."""

    def __init__(self, motivos: list[str]):
        from rutamejora.privacidad import mensaje_sin_datos

        motivos = [mensaje_sin_datos(m) for m in motivos]
        super().__init__("; ".join(motivos))
        self.motivos = motivos


class RutaIlegible(Exception):
    """Falta un archivo de la Ruta que hace falta para revisar la entrada (salida 1)."""


# --- Leer lo que se escribió --------------------------------------------------------------------


def leer_fecha(texto: str, opcion: str = "--fecha") -> date:
    try:
        return date.fromisoformat(texto.strip())
    except ValueError:
        from rutamejora.vistas import fecha_imposible

        motivo = fecha_imposible(texto)
        if motivo is not None:  # «2026-02-30»: tiene la forma, pero ese día no existe
            raise ValorInvalido([f"{opcion}: {texto.strip()}: {motivo}."]) from None
        raise ValorInvalido([f"{opcion}: «{texto}» no es una fecha AAAA-MM-DD (p. ej. 2026-01-30)."]) from None


def leer_entero(texto, opcion: str, minimo: int, maximo: int | None = None) -> int:
    limites = f"entre {minimo} y {maximo}" if maximo is not None else f"de {minimo} o más"
    try:
        valor = int(str(texto).strip().rstrip("%").strip())
    except ValueError:
        raise ValorInvalido([f"{opcion}: «{texto}» no es un número entero {limites}."]) from None
    if valor < minimo or (maximo is not None and valor > maximo):
        raise ValorInvalido([f"{opcion}: {valor} está fuera de rango; va {limites}."])
    return valor


def leer_estado(texto: str) -> str:
    """«en curso», «En_Curso» → ``en_curso``; lo demás se rechaza con una sugerencia."""
    forma = sugerir(texto, ESTADOS, corte=1.0)
    if forma is not None:
        return forma
    cercano = sugerir(texto, ESTADOS)
    pista = f" ¿Quisiste decir {cercano}?" if cercano else f" Los estados son: {NOMBRES_ESTADO}."
    raise ValorInvalido([f"--estado: «{texto}» no es un estado.{pista}"])


_MILES = compilar(r"^\d{1,3}(,\d{3})+(\.\d+)?$")


def leer_dinero(texto: str, opcion: str = "--gasto") -> Decimal:
    """«1850», «1,850.00», «$1,850.5» → Decimal exacto; nunca pasa por ``float``."""
    limpio = str(texto).strip().lstrip("$").strip().replace(" ", "")
    if _MILES.match(limpio):
        limpio = limpio.replace(",", "")
    try:
        valor = Decimal(limpio)
    except InvalidOperation:
        valor = None
    if valor is None or not valor.is_finite() or "e" in limpio.lower():
        raise ValorInvalido([f"{opcion}: «{texto}» no es una cantidad en pesos (p. ej. 1850.00)."])
    if valor < 0:
        raise ValorInvalido([f"{opcion}: una cantidad en pesos se escribe en positivo ({texto})."])
    if valor >= DINERO_MAXIMO:
        raise ValorInvalido([f"{opcion}: {texto} es demasiado; revisa que no sobren ceros."])
    if valor != valor.quantize(Decimal("0.01")):
        raise ValorInvalido([f"{opcion}: {texto} tiene más de dos decimales; los pesos llevan centavos a lo más."])
    return valor.quantize(Decimal("0.01"))


def leer_numero(texto: str, opcion: str = "--valor") -> Decimal:
    limpio = str(texto).strip().rstrip("%").strip().replace(",", ".")
    try:
        valor = Decimal(limpio)
    except InvalidOperation:
        valor = None
    if valor is None or not valor.is_finite() or "e" in limpio.lower():
        raise ValorInvalido([f"{opcion}: «{texto}» no es un número (p. ej. 57 o 7.4)."])
    return valor


def leer_texto(texto: str, opcion: str) -> str:
    """Un texto se guarda tal cual (con `#`, `:` o comillas); se rechaza vacío o con caracteres
    de control (un ESC pegado de una terminal llegaría a los informes y colorearía o borraría la
    pantalla de quien los lee en una terminal)."""
    texto = str(texto)
    if not texto.strip():
        raise ValorInvalido([f"{opcion}: el texto está vacío."])
    control = primer_control(texto)
    if control is not None:
        raise ValorInvalido([f"{opcion}: el texto tiene un carácter de control (U+{ord(control):04X}); "
                             "escríbelo sin él (un salto de línea o un tabulador sí valen)."])
    return texto


# --- La entrada -----------------------------------------------------------------------------------


@registro
class RegistroNuevo:
    accion: str
    estado: str
    avance: int | None = None
    evidencias: list[str] = campo(fabrica=list)
    gasto: Decimal | None = None
    comprobante: str | None = None
    nota: str | None = None
    nuevo_inicio: date | None = None
    nuevo_fin: date | None = None

    def datos(self) -> dict:
        return _sin_vacios({"accion": self.accion, "estado": self.estado, "avance": self.avance,
                            "evidencias": list(self.evidencias), "gasto": self.gasto,
                            "comprobante": self.comprobante, "nota": self.nota,
                            "nuevo_inicio": self.nuevo_inicio, "nuevo_fin": self.nuevo_fin})


@registro
class MedicionNueva:
    meta: str
    valor: Decimal
    fuente: str | None = None
    nota: str | None = None

    def datos(self) -> dict:
        return _sin_vacios({"meta": self.meta, "valor": self.valor, "fuente": self.fuente,
                            "nota": self.nota})


@registro
class AjusteNuevo:
    descripcion: str
    acciones: list[str] = campo(fabrica=list)
    metas: list[str] = campo(fabrica=list)

    def datos(self) -> dict:
        return _sin_vacios({"descripcion": self.descripcion, "acciones": list(self.acciones),
                            "metas": list(self.metas)})


@registro
class EntradaNueva:
    """Lo que se agrega a la bitácora. ``ingresos``, ``rasgos``, ``balance`` y ``notas`` son de
    ``escritura.pares`` (cada uno con su ``datos()``); una nota va a un registro ya escrito de la
    entrada de esa fecha y sesión (``datos()`` la pone en ``acciones`` o en ``mediciones``)."""

    fecha: date
    sesion: int | None = None
    acciones: list[RegistroNuevo] = campo(fabrica=list)
    mediciones: list[MedicionNueva] = campo(fabrica=list)
    acuerdos: list[str] = campo(fabrica=list)
    ajustes: list[AjusteNuevo] = campo(fabrica=list)
    nota: str | None = None
    tipo: str | None = None
    ingresos: list = campo(fabrica=list)
    rasgos: list = campo(fabrica=list)
    balance: list = campo(fabrica=list)
    notas: list = campo(fabrica=list)

    @property
    def vacia(self) -> bool:
        return not (self.acciones or self.mediciones or self.acuerdos or self.ajustes or self.nota
                    or self.ingresos or self.rasgos or self.balance or self.notas)

    def datos(self) -> dict:
        """El mapa que se escribe, con las claves en el orden del esquema."""
        tipo = self.tipo or ("sesion_ordinaria" if self.sesion is not None else None)
        return _sin_vacios({
            "fecha": self.fecha, "sesion": self.sesion, "tipo": tipo,
            "acciones": [r.datos() for r in self.acciones] + [n.datos() for n in self.notas
                                                              if n.tipo == "accion"],
            "mediciones": [m.datos() for m in self.mediciones] + [n.datos() for n in self.notas
                                                                  if n.tipo == "meta"],
            "acuerdos": list(self.acuerdos),
            "ajustes": [a.datos() for a in self.ajustes],
            "ingresos": [i.datos() for i in self.ingresos],
            "rasgos": [r.datos() for r in self.rasgos],
            "balance": [b.datos() for b in self.balance],
            "nota": self.nota,
        })


def _sin_vacios(datos: dict) -> dict:
    return {k: v for k, v in datos.items() if v is not None and v != []}


# --- Revisar contra la Ruta -----------------------------------------------------------------------


def revisar_id(ruta, tipo: str, valor: str, opcion: str, archivo: str) -> str | None:
    """El id tal como está en la Ruta, o un motivo con «¿quisiste decir …?»."""
    if archivo not in ruta.legibles:
        raise RutaIlegible(f"{archivo} no se pudo leer, así que no se puede revisar {opcion} {valor}; "
                           "corrígelo primero (`ruta validar` dice dónde).")
    ids = list(ruta.por_id(tipo))
    if valor in ids:
        return None
    exacto = next((i for i in ids if i.lower() == valor.strip().lower()), None)
    cercano = exacto or sugerir(valor, ids)
    ninguna = {"accion": "ninguna acción", "meta": "ninguna meta", "fuente": "ninguna fuente"}.get(tipo)
    if ninguna is None:  # la agrupación, con la palabra del marco: «ningún ámbito»
        ninguna = ruta.marco.ninguno() if ruta.marco is not None else "ninguna prioridad"
    hay = "Las que hay" if ninguna.startswith("ninguna") else "Los que hay"
    pista = f" ¿Quisiste decir {cercano}?" if cercano else (
        f" {hay}: {', '.join(ids)}." if ids and len(ids) <= 12 else "")
    return f"{opcion}: no hay {ninguna} con id «{valor}».{pista}"


def fuera_del_ciclo(ruta, dia: date, opcion: str) -> str | None:
    """El motivo si ``dia`` cae fuera del ciclo (de la fase intensiva al último día de clases)."""
    cal = ruta.calendario
    if cal is None or cal.contiene(dia):
        return None
    from rutamejora.vistas import fecha_corta

    return (f"{opcion}: {dia.isoformat()} está fuera del ciclo {ruta.ciclo} "
            f"(del {fecha_corta(cal.inicio)} al {fecha_corta(cal.fin)}).")


def fecha_de_sesion(ruta, sesion: int) -> date | None:
    cal = ruta.calendario
    if cal is None or not 1 <= sesion <= len(cal.sesiones):
        return None
    return cal.sesiones[sesion - 1]


def revisar(entrada: EntradaNueva, ruta, motivos: list[str] | None = None) -> list[str]:
    """Revisa la entrada contra la Ruta. Lanza ``ValorInvalido`` con todos los motivos juntos.

    ``motivos`` son los que ya se encontraron al leer las opciones (se informan con los de
    aquí; lo que no se pudo leer vale ``None`` y no se revisa dos veces). Devuelve notas que no
    impiden guardar (p. ej. una fecha que no es la de su sesión).
    """
    motivos = list(motivos or [])
    if entrada.vacia and not motivos:
        motivos.append("no hay nada que registrar: usa --accion, --meta, --acuerdo, --ajuste o --nota.")
    motivo = fuera_del_ciclo(ruta, entrada.fecha, "--fecha") if entrada.fecha is not None else None
    if motivo:
        motivos.append(motivo)
    de_la_sesion, notas = revisar_sesion(entrada, ruta)
    motivos += de_la_sesion
    motivos += _revisar_acciones(entrada, ruta)
    motivos += _revisar_mediciones(entrada, ruta)
    for motivo in _revisar_ajustes(entrada, ruta):
        if motivo not in motivos:  # el mismo id ya dicho por --accion o --meta no se repite
            motivos.append(motivo)
    motivos += _revisar_privacidad(entrada, ruta)
    if motivos:
        raise ValorInvalido(motivos)
    return notas


def revisar_sesion(entrada: EntradaNueva, ruta) -> tuple[list[str], list[str]]:
    """(motivos, notas) de ``--sesion``: que exista y, si no es la fecha de la entrada, una nota."""
    if entrada.sesion is None:
        return [], []
    cal = ruta.calendario
    total = len(cal.sesiones) if cal is not None and cal.sesiones else None
    if entrada.sesion < 1 or (total is not None and entrada.sesion > total):
        return [f"--sesion: no existe la sesión {entrada.sesion}; el calendario del ciclo "
                f"tiene {total} sesiones ordinarias (1 a {total})." if total else
                f"--sesion: {entrada.sesion} no es un número de sesión (1, 2, …)."], []
    dia = fecha_de_sesion(ruta, entrada.sesion)
    if dia is not None and entrada.fecha is not None and dia != entrada.fecha:
        from rutamejora.vistas import fecha_corta

        return [], [f"la sesión {entrada.sesion} es el {fecha_corta(dia)} según el calendario; "
                    f"la entrada queda con fecha {fecha_corta(entrada.fecha)}."]
    return [], []


def _revisar_acciones(entrada: EntradaNueva, ruta) -> list[str]:
    """Cada acción registrada: que exista, que no esté dos veces y que su registro tenga sentido."""
    motivos: list[str] = []
    vistas_acciones: set[str] = set()
    for r in entrada.acciones:
        motivo = revisar_id(ruta, "accion", r.accion, "--accion", "acciones.yaml")
        if motivo:
            motivos.append(motivo)
        if r.accion in vistas_acciones:
            motivos.append(f"--accion: la acción {r.accion} está dos veces en la entrada.")
        vistas_acciones.add(r.accion)
        motivos += _revisar_registro(ruta, r)
    return motivos


def _revisar_mediciones(entrada: EntradaNueva, ruta) -> list[str]:
    """Cada medición: que la meta exista, que el valor quepa en su unidad y que no esté dos veces."""
    motivos: list[str] = []
    vistas_metas: set[str] = set()
    metas = ruta.por_id("meta") if "metas.yaml" in ruta.legibles else {}
    for m in entrada.mediciones:
        motivo = revisar_id(ruta, "meta", m.meta, "--meta", "metas.yaml")
        if motivo:
            motivos.append(motivo)
        elif m.meta in metas and m.valor is not None:
            motivos += _revisar_medicion(metas[m.meta], m)
        if m.meta in vistas_metas:
            motivos.append(f"--meta: la meta {m.meta} está dos veces en la entrada.")
        vistas_metas.add(m.meta)
    return motivos


def _revisar_ajustes(entrada: EntradaNueva, ruta) -> list[str]:
    """Los ids de las acciones y metas que nombra cada ajuste (pueden repetirse)."""
    motivos = []
    for a in entrada.ajustes:
        for accion in a.acciones:
            motivos.append(revisar_id(ruta, "accion", accion, "--ajuste", "acciones.yaml"))
        for meta in a.metas:
            motivos.append(revisar_id(ruta, "meta", meta, "--ajuste", "metas.yaml"))
    return [m for m in motivos if m]


def _textos_de(entrada: EntradaNueva):
    """(opción, texto) de cada texto libre de la entrada."""
    for r in entrada.acciones:
        for e in r.evidencias:
            yield "--evidencia", e
        for opcion, texto in (("--comprobante", r.comprobante), ("--nota", r.nota)):
            if texto:
                yield opcion, texto
    for m in entrada.mediciones:
        for opcion, texto in (("--fuente", m.fuente), ("--nota", m.nota)):
            if texto:
                yield opcion, texto
    for a in entrada.acuerdos:
        yield "--acuerdo", a
    for a in entrada.ajustes:
        yield "--ajuste", a.descripcion
    if entrada.nota:
        yield "--nota", entrada.nota
    for otro in (*entrada.ingresos, *entrada.rasgos, *entrada.balance, *entrada.notas):
        yield from otro.textos()


def _revisar_privacidad(entrada: EntradaNueva, ruta) -> list[str]:
    """Un dato personal no entra a la Ruta: se rechaza antes de escribir, con el mismo detector
    que ``ruta validar`` (y el personal de la Ruta, que sí puede nombrarse). Cuenta todo lo que
    el detector encuentra, también un detalle de salud de alumnos sin nombrar (que al validar
    es un aviso): una bitácora se escribe en el momento y lo escrito se queda en git. Salvo una
    calle con su número sin dueño dicho (un aviso de domicilio): suele ser una tienda o un lugar.

    El motivo cita el texto enmascarado, para que se vea qué palabras fueron."""
    from rutamejora.privacidad import TERMINAL, detectar, enmascarar
    from rutamejora.reglas import personal_de

    quien = personal_de(ruta)
    motivos = []
    for opcion, texto in _textos_de(entrada):
        # Una calle con su número sin nada que diga que es una casa (una tienda, el lugar de una
        # reunión) es un aviso al validar y no detiene la nota; se enmascara igual al imprimir.
        hallazgos = [h for h in detectar(texto, personal=quien)
                     if not (h.clase == "domicilio" and h.es_aviso)]
        if hallazgos:
            clases = list(dict.fromkeys(_QUE_ES[h.clase] for h in hallazgos))
            que = clases[0] if len(clases) == 1 else ", ".join(clases[:-1]) + " y " + clases[-1]
            motivos.append(f"{opcion}: el texto tiene {que} («{enmascarar(texto, hallazgos, TERMINAL)}»); "
                           "la Ruta guarda cantidades y códigos, nunca datos de personas.")
    return motivos


_QUE_ES = {"curp": "una CURP", "rfc": "un RFC", "telefono": "un teléfono",
           "correo": "un correo electrónico", "nombre": "un nombre de persona",
           "salud": "un dato de salud ligado a alumnos", "domicilio": "el domicilio de una persona"}


def _revisar_registro(ruta, r: RegistroNuevo) -> list[str]:
    motivos = []
    if r.estado and r.estado not in ESTADOS:
        motivos.append(f"--estado: «{r.estado}» no es un estado ({NOMBRES_ESTADO}).")
    if r.avance is not None and not 0 <= r.avance <= 100:
        motivos.append(f"--avance: {r.avance} está fuera de rango; va entre 0 y 100.")
    if r.estado == "realizada" and r.avance is not None and r.avance < 100:
        motivos.append(f"--avance: una acción realizada lleva avance 100 (no {r.avance}); "
                       "si no se terminó, su estado es en_curso.")
    if r.estado == "reprogramada" and r.nuevo_inicio is None and r.nuevo_fin is None:
        motivos.append("--estado reprogramada necesita sus nuevas fechas: --nuevo-inicio y/o --nuevo-fin.")
    for dia, opcion in ((r.nuevo_inicio, "--nuevo-inicio"), (r.nuevo_fin, "--nuevo-fin")):
        if dia is not None:
            motivo = fuera_del_ciclo(ruta, dia, opcion)
            if motivo:
                motivos.append(motivo)
    if r.nuevo_inicio and r.nuevo_fin and r.nuevo_inicio > r.nuevo_fin:
        motivos.append(f"--nuevo-fin: {r.nuevo_fin.isoformat()} es anterior a --nuevo-inicio "
                       f"{r.nuevo_inicio.isoformat()}.")
    return motivos


def _revisar_medicion(meta, m: MedicionNueva) -> list[str]:
    from rutamejora.reglas.compartido import fuera_de_rango

    unidad = meta.indicador.unidad if meta.indicador is not None else None
    rango = fuera_de_rango(m.valor, unidad)
    if rango:
        return [f"--valor: {m.valor} está fuera de rango para la meta {m.meta}: un {unidad} va {rango}."]
    return []


def con_la_sesion_de_su_fecha(entrada: EntradaNueva, ruta) -> None:
    """Sin sesión, la entrada toma la de la entrada que ya tiene su fecha (la última): así se une
    a ella, como con ``--sesion``, en vez de crear otra entrada del mismo día."""
    if entrada.sesion is not None or entrada.fecha is None:
        return
    misma = [e for e in [*ruta.entradas, *ruta.entradas_apartadas] if e.fecha == entrada.fecha]
    if misma and misma[-1].sesion is not None:
        entrada.sesion = misma[-1].sesion


def guardar(carpeta, entrada: EntradaNueva, espera: float | None = None, al_esperar=None,
            ruta=None, sin_repetir=None):
    """Escribe la entrada en ``carpeta/bitacora.yaml`` (ver ``escritura.agregar_entrada``);
    ``espera`` y ``al_esperar`` son los del candado. ``ruta``, la Ruta ya cargada: si su
    bitacora.yaml sigue igual, no se vuelve a analizar.

    ``sin_repetir(entrada, ruta)`` (la de ``escritura``) es para cuando otro ``agregar`` escribió
    en la bitácora entre la carga de ``ruta`` y el candado: con el candado tomado se vuelve a
    leer la bitácora y se quita de ``entrada`` lo que el otro ya escribió idéntico (dos órdenes
    iguales a la vez no se rechazan ni se duplican). Sus notas quedan en ``Cambio.notas``."""
    from rutamejora.escritura.candado import ESPERA
    from rutamejora.escritura.texto_bitacora import agregar_entrada

    archivo = carpeta / "bitacora.yaml"
    if espera is None:
        espera = ESPERA
    leido = ruta.documentos.get("bitacora.yaml") if ruta is not None else None
    notas: list[str] = []

    def de_nuevo(texto: str) -> tuple[dict, object]:
        from rutamejora.escritura.texto_yaml import sin_bom

        if leido is not None and sin_bom(texto)[1] == sin_bom(leido.texto)[1]:
            return entrada.datos(), leido   # nadie escribió desde la carga: ya se quitó lo repetido
        from rutamejora.formato.carga import cargar

        actual, _ = cargar(carpeta, solo=("ruta.yaml", "bitacora.yaml"))
        notas.extend(sin_repetir(entrada, actual))
        # La lectura de ahora le sirve también al injerto: la bitácora no se analiza otra vez.
        return entrada.datos(), actual.documentos.get("bitacora.yaml")

    cambio = agregar_entrada(archivo, entrada.datos(), espera, al_esperar, leido,
                             de_nuevo if sin_repetir is not None else None)
    cambio.notas = notas
    return cambio
