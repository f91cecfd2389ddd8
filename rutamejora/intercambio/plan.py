"""El plan que dicen las tablas de un documento: agrupaciones, objetivos, metas y acciones.

Se recorren los bloques del documento en orden con un contexto (la agrupación, el objetivo y
las metas en curso):

- un renglón cuyos textos son encabezados conocidos (``sinonimos``) abre una tabla; si es el
  mismo encabezado otra vez (Word lo repite en cada página), se salta;
- en una tabla, cada renglón da valores por campo. Una casilla vacía de agrupación, objetivo
  o meta hereda la de arriba (la escuela no repite, o combinó la celda); una con texto nuevo
  la cambia. Una celda de acciones o de metas con viñetas da una acción o una meta por viñeta;
- un renglón de una sola celda combinada a lo ancho («PRIORIDAD: Mejora de los aprendizajes»)
  o un párrafo «Etiqueta: texto» («Objetivo: …», «Meta 1: …») es ese campo en el contexto;
- lo demás es texto suelto: los datos de la escuela, o un comentario que nunca se tira.

No se interpreta ningún texto aquí (eso es ``lectura_escolar`` y ``escribir_plan``): solo se
ubica cada cosa y se guarda de dónde salió.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from rutamejora.intercambio.documento import Bloque, Documento
from rutamejora.intercambio.lectura_escolar import elementos
from rutamejora.intercambio.sinonimos import (campo_de_encabezado, catalogo, encabezado_parecido, marco_de_agrupacion,
                                              marco_de_columnas, marco_en_texto, plegar)
from rutamejora.nucleo.expresiones import compilar

# Los campos que se heredan hacia abajo y el orden en que uno nuevo reinicia a los de abajo.
JERARQUIA = ("agrupacion", "objetivo", "meta")


@dataclass
class Pieza:
    """Un texto del documento con el lugar de donde salió."""

    texto: str
    lugar: str


@dataclass
class Agrupacion(Pieza):
    pass


@dataclass
class Objetivo(Pieza):
    agrupacion: int = 0


@dataclass
class Meta(Pieza):
    objetivo: int | None = None
    agrupacion: int = 0
    indicador: str = ""


@dataclass
class Accion(Pieza):
    agrupacion: int | None = None
    objetivo: int | None = None
    metas: list[int] = field(default_factory=list)
    campos: dict[str, str] = field(default_factory=dict)     # responsables, recursos, costo…
    otros: list[tuple[str, str]] = field(default_factory=list)  # (encabezado, texto) sin campo
    # Las acciones que comparten su celda de costo (la misma lista en todas ellas; una sola si
    # la celda es de esta acción): varias acciones en una celda con un solo costo, o un costo
    # combinado a lo alto en varios renglones. Ese costo no es el de cada una.
    costo_con: list = field(default_factory=list)


@dataclass
class Suelto(Pieza):
    """Un texto que no es del plan; ``archivo`` dice dónde queda como comentario."""

    archivo: str = "ruta.yaml"


@dataclass
class Plan:
    marco: str | None = None
    marco_por: str = ""                 # «el documento», «los encabezados»…
    escuela: dict[str, Pieza] = field(default_factory=dict)
    agrupaciones: list[Agrupacion] = field(default_factory=list)
    objetivos: list[Objetivo] = field(default_factory=list)
    metas: list[Meta] = field(default_factory=list)
    acciones: list[Accion] = field(default_factory=list)
    sueltos: list[Suelto] = field(default_factory=list)
    tablas: int = 0
    encabezados_repetidos: int = 0
    columnas_sin_campo: list[str] = field(default_factory=list)
    # (encabezado del documento, como se leyó, lugar): «Resposables» leída como «Responsables».
    encabezados_parecidos: list[tuple[str, str, str]] = field(default_factory=list)


class _Recorrido:
    """El contexto mientras se recorren los bloques."""

    def __init__(self, plan: Plan):
        self.plan = plan
        self.agrupacion: int | None = None
        self.objetivo: int | None = None
        self.metas: list[int] = []
        self.encabezado: dict[int, str] | None = None
        self.titulos: dict[int, str] = {}
        self.campos_vistos: set[str] = set()
        self.costo_en_curso: list | None = None   # las acciones de la última celda de costo

    # -- lo que dice un renglón -------------------------------------------------------------

    def agrupacion_nueva(self, texto: str, lugar: str) -> None:
        plano = plegar(texto)
        for i, a in enumerate(self.plan.agrupaciones):
            if plegar(a.texto) == plano:
                self.agrupacion = i
                break
        else:
            self.plan.agrupaciones.append(Agrupacion(texto, lugar))
            self.agrupacion = len(self.plan.agrupaciones) - 1
        self.objetivo, self.metas = None, []

    def objetivo_nuevo(self, texto: str, lugar: str) -> None:
        grupo = self._agrupacion(lugar)
        plano = plegar(texto)
        for i, o in enumerate(self.plan.objetivos):
            if o.agrupacion == grupo and plegar(o.texto) == plano:
                self.objetivo = i
                break
        else:
            self.plan.objetivos.append(Objetivo(texto, lugar, agrupacion=grupo))
            self.objetivo = len(self.plan.objetivos) - 1
        self.metas = []

    def metas_nuevas(self, texto: str, lugar: str, indicador: str = "") -> None:
        grupo = self._agrupacion(lugar)
        indicadores = elementos(indicador) if indicador else []
        self.metas = []
        partes = elementos(texto)
        for n, parte in enumerate(partes):
            plano = plegar(parte)
            existente = next((i for i, m in enumerate(self.plan.metas)
                              if m.objetivo == self.objetivo and m.agrupacion == grupo
                              and plegar(m.texto) == plano), None)
            if existente is None:
                propio = indicadores[n] if len(indicadores) == len(partes) else " ".join(indicadores)
                self.plan.metas.append(Meta(parte, lugar, objetivo=self.objetivo, agrupacion=grupo,
                                            indicador=propio))
                existente = len(self.plan.metas) - 1
            self.metas.append(existente)

    def _agrupacion(self, lugar: str) -> int:
        if self.agrupacion is None:  # Un objetivo antes de cualquier agrupación: una sin texto.
            self.plan.agrupaciones.append(Agrupacion("", lugar))
            self.agrupacion = len(self.plan.agrupaciones) - 1
        return self.agrupacion

    def campo(self, campo: str, texto: str, lugar: str) -> None:
        """Un campo de la jerarquía dicho fuera de un renglón de acciones."""
        if campo == "agrupacion":
            self.agrupacion_nueva(texto, lugar)
        elif campo == "objetivo":
            self.objetivo_nuevo(texto, lugar)
        elif campo == "meta":
            self.metas_nuevas(texto, lugar)
        elif campo == "indicador" and self.metas:
            for i in self.metas:
                self.plan.metas[i].indicador = texto

    def renglon(self, valores: dict[str, str], otros: list[tuple[str, str]], lugar: str,
                costo_continua: bool = False) -> None:
        """Un renglón de datos de una tabla reconocida (``costo_continua``: su celda de costo es
        la de arriba, combinada a lo alto)."""
        if valores.get("agrupacion") and (self.agrupacion is None or plegar(valores["agrupacion"]) !=
                                          plegar(self.plan.agrupaciones[self.agrupacion].texto)):
            self.agrupacion_nueva(valores["agrupacion"], lugar)
        if valores.get("objetivo") and (self.objetivo is None or plegar(valores["objetivo"]) !=
                                        plegar(self.plan.objetivos[self.objetivo].texto)):
            self.objetivo_nuevo(valores["objetivo"], lugar)
        if valores.get("meta"):
            self.metas_nuevas(valores["meta"], lugar, valores.get("indicador", ""))
        elif valores.get("indicador") and self.metas:
            self.campo("indicador", valores["indicador"], lugar)
        if not valores.get("accion"):
            resto = {k: v for k, v in valores.items() if k not in (*JERARQUIA, "indicador") and v}
            for campo, texto in resto.items():
                self.plan.sueltos.append(Suelto(f"{self.titulos_de(campo)}: {texto}", lugar, "acciones.yaml"))
            for titulo, texto in otros:
                self.plan.sueltos.append(Suelto(f"{titulo}: {texto}", lugar, "acciones.yaml"))
            return
        campos = {k: v for k, v in valores.items() if k not in (*JERARQUIA, "indicador", "accion")}
        actividades = elementos(valores["accion"])
        # Tantos tiempos (o costos) como acciones en la celda, renglón por renglón: uno para cada una.
        parejas = {k: elementos(campos[k]) for k in ("tiempo", "costo") if campos.get(k)}
        parejas = {k: v for k, v in parejas.items() if len(actividades) > 1 and len(v) == len(actividades)}
        nuevas = []
        for n, actividad in enumerate(actividades):
            # Varias acciones en una celda comparten el renglón: lo que el formato no guarda (el
            # seguimiento, otras columnas) se comenta una vez, en la primera.
            propios = campos if n == 0 else {k: v for k, v in campos.items() if k != "seguimiento"}
            propios = {**propios, **{k: v[n] for k, v in parejas.items()}}
            nuevas.append(Accion(actividad, lugar, agrupacion=self.agrupacion, objetivo=self.objetivo,
                                 metas=list(self.metas), campos=dict(propios),
                                 otros=list(otros) if n == 0 else []))
        self.plan.acciones += nuevas
        self._celda_de_costo(nuevas, "costo" in campos and "costo" not in parejas, costo_continua)

    def _celda_de_costo(self, nuevas: list[Accion], una_celda: bool, continua: bool) -> None:
        """Quiénes comparten la celda de costo de ``nuevas`` (``una_celda``: un solo costo para
        todas ellas): ellas mismas, y las de arriba si la celda viene combinada desde allá."""
        if not una_celda:
            self.costo_en_curso = None  # cada una con su costo, o ninguna con costo
            for accion in nuevas:
                accion.costo_con = [accion]
            return
        if not (continua and self.costo_en_curso is not None):
            self.costo_en_curso = []
        self.costo_en_curso += nuevas
        for accion in nuevas:
            accion.costo_con = self.costo_en_curso

    def titulos_de(self, campo: str) -> str:
        return next((t for c, t in self.titulos.items() if self.encabezado and self.encabezado.get(c) == campo),
                    campo)


def reconocer(documento: Documento) -> Plan:
    """El plan de ``documento``: lo ubicado y lo que queda suelto, con sus lugares."""
    plan = Plan()
    recorrido = _Recorrido(plan)
    for bloque in documento.bloques:
        if bloque.tabla:
            _tabla(bloque, recorrido)
        else:
            _texto(bloque.filas[0][0], bloque.lugares[0], recorrido)
    _cerrar(plan)
    return plan


def _encabezado(fila: list[str]) -> tuple[dict[int, str], dict[int, str]] | None:
    """``({columna: campo}, {columna: encabezado leído})`` si el renglón es de encabezados (al
    menos dos campos distintos, uno de ellos la acción o la agrupación), si no ``None``. El
    segundo dice las columnas mal escritas que se leyeron como un encabezado conocido."""
    campos, parecidos = {}, {}
    for i, texto in enumerate(fila):
        campo = campo_de_encabezado(texto) if texto else None
        if texto and campo is None and (parecido := encabezado_parecido(texto)) is not None:
            campo, parecidos[i] = parecido
        if campo:
            campos[i] = campo
    distintos = set(campos.values())
    if len(distintos) >= 2 and distintos & {"accion", "agrupacion", "meta"}:
        return campos, parecidos
    return None


def _tabla(bloque: Bloque, recorrido: _Recorrido) -> None:
    plan = recorrido.plan
    recorrido.encabezado = None
    recorrido.costo_en_curso = None
    for n_fila, (fila, lugar) in enumerate(zip(bloque.filas, bloque.lugares)):
        if not any(fila):
            continue  # renglón vacío
        leido = _encabezado(fila)
        if leido is not None:
            encabezado, parecidos = leido
            vistos_antes = {original for original, _, _ in plan.encabezados_parecidos}
            plan.encabezados_parecidos += [(fila[i], como, lugar) for i, como in parecidos.items()
                                           if fila[i] not in vistos_antes]
            if recorrido.encabezado is not None and encabezado == recorrido.encabezado:
                plan.encabezados_repetidos += 1
            else:
                if recorrido.encabezado is None:
                    plan.tablas += 1
                recorrido.encabezado = encabezado
                recorrido.titulos = {i: fila[i] for i in range(len(fila))}
                recorrido.campos_vistos |= set(encabezado.values())
                _marco_por_encabezado(plan, fila, encabezado)
            continue
        distintos = list(dict.fromkeys(t for t in fila if t))
        if recorrido.encabezado is None or (len(distintos) == 1 and (sum(1 for t in fila if t) > 1
                                                                     or _etiquetado(distintos[0]))):
            _texto(_renglon_suelto(distintos), lugar, recorrido)
            continue
        if _es_firma(distintos[0]):
            plan.sueltos.append(Suelto(" · ".join(distintos), lugar, "ruta.yaml"))
            continue
        valores: dict[str, str] = {}
        otros: list[tuple[str, str]] = []
        vistos = set()
        for i, texto in enumerate(fila):
            if not texto or (texto in vistos and i > 0 and fila[i - 1] == texto):
                continue  # vacía, o la misma celda combinada a lo ancho
            vistos.add(texto)
            campo = recorrido.encabezado.get(i)
            if campo is None:
                titulo = recorrido.titulos.get(i) or f"columna {i + 1}"
                otros.append((titulo, texto))
                if titulo not in plan.columnas_sin_campo:
                    plan.columnas_sin_campo.append(titulo)
            elif campo in valores and texto not in valores[campo]:
                valores[campo] += "\n" + texto
            else:
                valores.setdefault(campo, texto)
        costo_continua = any(bloque.continua(n_fila, i) for i, c in recorrido.encabezado.items() if c == "costo")
        recorrido.renglon(valores, otros, lugar, costo_continua)


def _renglon_suelto(textos: list[str]) -> str:
    """Las celdas de un renglón fuera de una tabla de plan, como un texto. «CCT | 09DPR0133E»
    (una etiqueta de la escuela en su celda y el valor en la de junto) se lee «CCT: 09DPR0133E»."""
    etiquetas = {plegar(e) for valores in (catalogo().get("datos_escuela") or {}).values() for e in valores}
    partes = []
    for texto in textos:
        if partes and plegar(partes[-1]) in etiquetas and not partes[-1].rstrip().endswith(":"):
            partes[-1] += ":"
        partes.append(texto)
    return " ".join(partes)


_ETIQUETA = compilar(r"^\s*([^:\n]{2,40}?)\s*(?:\d{1,2}|[ivx]{1,3})?\s*[:.\-–]\s+(.+)$", re.DOTALL | re.IGNORECASE)


def _etiquetado(texto: str) -> tuple[str, str] | None:
    """«Prioridad 1: Mejora…» → (``agrupacion``, «Mejora…»); ``None`` si no empieza con un campo."""
    m = _ETIQUETA.match(texto)
    if not m:
        return None
    etiqueta = re.sub(r"\s*\d+$", "", m.group(1).strip())
    campo = campo_de_encabezado(etiqueta)
    if campo in ("agrupacion", "objetivo", "meta", "indicador"):
        return campo, m.group(2).strip()
    return None


def _texto(texto: str, lugar: str, recorrido: _Recorrido) -> None:
    """Un párrafo o un renglón de una sola celda: un campo etiquetado, un dato de la escuela o
    texto suelto."""
    plan = recorrido.plan
    etiquetado = _etiquetado(texto)
    if etiquetado is not None:
        campo, valor = etiquetado
        if campo == "agrupacion":
            _marco_por_palabra(plan, texto.split(":")[0])
        recorrido.campo(campo, valor, lugar)
        return
    if _dato_de_escuela(texto, lugar, plan):
        return
    if plan.marco is None:
        marco = marco_en_texto(texto)
        if marco:
            plan.marco, plan.marco_por = marco, f"el texto del documento ({lugar})"
            if len(plegar(texto)) <= 80:
                return  # el título del documento: ya se usó
    # Lo que habla del diagnóstico va con el diagnóstico; lo demás (títulos, firmas), con la escuela.
    archivo = "diagnostico.yaml" if "diagnost" in plegar(texto) else "ruta.yaml"
    plan.sueltos.append(Suelto(texto, lugar, archivo))


def _es_firma(texto: str) -> bool:
    plano = plegar(texto)
    return any(plano == plegar(f) or plano.startswith(plegar(f) + " ") for f in catalogo().get("firmas") or [])


_CCT = compilar(r"\b(\d{2}[A-Za-z]{3}\d{4}[A-Za-z0-9])\b")
_CICLO = compilar(r"\b(20\d\d)\s*[-–/]\s*(20\d\d)\b")


# Donde termina el nombre en un renglón que sigue con otros datos: «Escuela Primaria Benito
# Juárez   CCT 21DPR0487A   Ciclo 2025-2026».
_FIN_DEL_NOMBRE = compilar(r"\s{2,}|\t|\s+[-–|·]\s+|,?\s+(?:c\.?\s?c\.?\s?t\.?|clave|ciclo|turno|zona"
                           r"|sector)\b", re.IGNORECASE)


def _solo_el_nombre(parte: str) -> str:
    """El nombre de la escuela sin lo que lo sigue en su renglón (la CCT, el ciclo, el turno)."""
    nombre = _FIN_DEL_NOMBRE.split(parte.strip(), maxsplit=1)[0]
    for forma in (_CCT, _CICLO):
        m = forma.search(nombre)
        if m:
            nombre = nombre[:m.start()]
    return nombre.strip(" ,;:-–|·") or parte.strip()


def _dato_de_escuela(texto: str, lugar: str, plan: Plan) -> bool:
    """Si ``texto`` dice datos de la escuela, los guarda (los que aún no hay) y da True."""
    datos = catalogo().get("datos_escuela") or {}
    usado = False
    for parte in _partes_etiquetadas(texto, datos):
        m = re.match(r"^\s*([^:]{2,40}?)\s*:\s*(.+?)\s*$", parte)
        if m:
            etiqueta = plegar(m.group(1))
            for clave in ("cct", "ciclo", "zona", "sector", "turno", "nombre"):
                if etiqueta in {plegar(p) for p in datos.get(clave) or []}:
                    valor = m.group(2)
                    forma = {"cct": _CCT, "ciclo": _CICLO}.get(clave)
                    if forma is not None and forma.search(valor):  # «21DPR0487A (matutino)»
                        valor = forma.search(valor).group(0)
                    plan.escuela.setdefault(clave, Pieza(valor, lugar))
                    usado = True
                    break
            continue
        plano = plegar(parte)
        if any(plano.startswith(plegar(c) + " ") for c in datos.get("comienzos") or []) and len(plano) < 90:
            plan.escuela.setdefault("nombre", Pieza(_solo_el_nombre(parte), lugar))
            usado = True
    cct = _CCT.search(texto)
    if cct and "cct" not in plan.escuela and re.search(r"\d{2}[A-Z]{3}\d{4}", cct.group(1).upper()):
        plan.escuela["cct"] = Pieza(cct.group(1).upper(), lugar)
        usado = True
    ciclo = _CICLO.search(texto)
    if ciclo and "ciclo" not in plan.escuela:
        plan.escuela["ciclo"] = Pieza(f"{ciclo.group(1)}-{ciclo.group(2)}", lugar)
        usado = usado or len(plegar(texto)) < 80
    if usado and plan.marco is None:
        marco = marco_en_texto(texto)
        if marco:
            plan.marco, plan.marco_por = marco, f"el texto del documento ({lugar})"
    return usado


def _partes_etiquetadas(texto: str, datos: dict) -> list[str]:
    """«CCT: 21DPR0487A Turno: Matutino» → [«CCT: 21DPR0487A», «Turno: Matutino»]."""
    etiquetas = sorted({str(e) for clave in ("nombre", "cct", "ciclo", "zona", "sector", "turno")
                        for e in datos.get(clave) or []}, key=len, reverse=True)
    patron = "|".join(r"\s*".join(re.escape(p) for p in e.split()) for e in etiquetas)
    corte = re.compile(rf"(?:\s+|\s*[·|]\s*)(?=(?:{patron})\.?\s*:)", re.IGNORECASE)
    return [p for trozo in re.split(r"\s+[·|•]\s+|\t", texto) for p in corte.split(trozo) if p.strip()]


def _marco_por_palabra(plan: Plan, palabra: str) -> None:
    if plan.marco is None:
        marco = marco_de_agrupacion(palabra)
        if marco:
            plan.marco, plan.marco_por = marco, f"la palabra «{palabra.strip()}»"


def _marco_por_encabezado(plan: Plan, fila: list[str], encabezado: dict[int, str]) -> None:
    if plan.marco is not None:
        return
    for i, campo in encabezado.items():
        if campo == "agrupacion":
            _marco_por_palabra(plan, fila[i])
            if plan.marco:
                return
    marco = marco_de_columnas(set(encabezado.values()))
    if marco:
        plan.marco, plan.marco_por = marco, "las columnas de la tabla"


def _cerrar(plan: Plan) -> None:
    """Lo que cierra el recorrido: los pies sueltos y los huecos de la cadena."""
    _pies(plan)
    _huecos(plan)


def _huecos(plan: Plan) -> None:
    """La cadena agrupación → objetivo → meta → acción, con los eslabones que el documento no
    dice como entradas vacías (por llenar): una prioridad sin objetivo recibe uno sin texto, un
    objetivo sin meta, una meta sin texto, y una acción sin meta, las metas de su objetivo (o
    de su agrupación). Así la Ruta no tiene errores por lo que falta, solo avisos RM120."""
    for i, a in enumerate(plan.agrupaciones):
        if not any(o.agrupacion == i for o in plan.objetivos):
            plan.objetivos.append(Objetivo("", a.lugar, agrupacion=i))
    for j, o in enumerate(plan.objetivos):
        if not any(m.objetivo == j for m in plan.metas):
            plan.metas.append(Meta("", o.lugar, objetivo=j, agrupacion=o.agrupacion))
    for accion in plan.acciones:
        if accion.metas:
            continue
        objetivo = accion.objetivo
        if objetivo is None and accion.agrupacion is not None:
            objetivo = next((j for j, o in enumerate(plan.objetivos) if o.agrupacion == accion.agrupacion), None)
        accion.metas = [k for k, m in enumerate(plan.metas) if objetivo is not None and m.objetivo == objetivo]


def _pies(plan: Plan) -> None:
    """Una agrupación sin nada debajo que llegó después de la última acción es texto suelto
    (un pie de página o una firma que cayó en la columna de la agrupación)."""
    if not plan.acciones:
        return
    ultima = max(a.agrupacion for a in plan.acciones if a.agrupacion is not None) \
        if any(a.agrupacion is not None for a in plan.acciones) else -1
    usadas = {o.agrupacion for o in plan.objetivos} | {m.agrupacion for m in plan.metas} | \
             {a.agrupacion for a in plan.acciones}
    quitar = [i for i, a in enumerate(plan.agrupaciones) if i > ultima and i not in usadas]
    for i in reversed(quitar):
        a = plan.agrupaciones.pop(i)
        plan.sueltos.append(Suelto(a.texto, a.lugar, "ruta.yaml"))
