"""Injertar una entrada en el texto de la bitácora: en orden de fecha, o unida a la de su fecha y sesión.

Es la parte pura de ``agregar_entrada``: recibe el texto y devuelve el texto nuevo, sin escribir
nada. Todo lo que no es lo agregado queda igual byte por byte.
"""

from __future__ import annotations

from datetime import date

from rutamejora.escritura.arbol_leido import arbol_leido
from rutamejora.escritura.candado import NoSeEscribio
from rutamejora.escritura.estilo_yaml import (Estilo, como_elemento, con_sangria, elementos_en_linea,
                                              estilo_de, lineas_de_elemento, volcar)
from rutamejora.escritura.texto_yaml import (Texto, columna_guion, componer, es_nodo, nodo_clave,
                                             ultima_linea, valor_de)
from rutamejora.nucleo.recolector import sin_recolector
from rutamejora.nucleo.registro import campo as campo_de_registro, registro

LISTAS = ("acciones", "mediciones", "acuerdos", "ajustes", "ingresos", "rasgos", "balance")
# Un registro con solo su id y ``nota`` es una nota para el registro que la entrada ya tiene
# (``bitacora agregar --nota-de A4=…``): no se agrega otro, se le pone la nota a ese.
_IDS = {"acciones": ("accion", "la acción"), "mediciones": ("meta", "la meta")}


class YaRegistrado(ValueError):
    """La entrada de esa fecha y sesión ya registra esa acción o esa meta, o no registra aquella
    a la que va una nota (un error de uso). ``pista`` es lo que se dice solo en la línea de
    comandos (una opción de ``bitacora agregar``); ``sin_pista``, lo que sirve en un borrador."""

    def __init__(self, mensaje: str, pista: str = ""):
        super().__init__(f"{mensaje}{pista}.")
        self.sin_pista = f"{mensaje}."


def es_nota(clave: str, elemento) -> bool:
    """¿Es ``elemento`` de la lista ``clave`` una nota para un registro ya escrito?"""
    return clave in _IDS and isinstance(elemento, dict) and set(elemento) == {_IDS[clave][0], "nota"}


def _cuando(entrada: dict) -> str:
    from rutamejora.vistas import fecha_corta

    return fecha_corta(entrada["fecha"]) + (f" (sesión {entrada['sesion']})" if entrada.get("sesion") else "")


def _sin_entrada_para_notas(entrada: dict) -> None:
    """Una nota para un registro ya escrito necesita la entrada de esa fecha y sesión."""
    for clave, (campo, que) in _IDS.items():
        for nuevo in entrada.get(clave) or []:
            if es_nota(clave, nuevo):
                raise YaRegistrado(f"no hay una entrada del {_cuando(entrada)}; da la --fecha y la "
                                   f"--sesion de la entrada que registra {que} {nuevo[campo]}")


def _fecha_de(nodo) -> date | None:
    v = valor_de(nodo, "fecha")
    try:
        return date.fromisoformat(v.value.strip()) if es_nodo(v, "ScalarNode") else None
    except ValueError:
        return None


def _sesion_de(nodo) -> int | None:
    v = valor_de(nodo, "sesion")
    try:
        return int(v.value) if es_nodo(v, "ScalarNode") and v.value.strip() not in ("", "~", "null") else None
    except ValueError:
        return None


@registro
class Cambio:
    """Qué se hizo: ``unida`` si se agregó a una entrada que ya existía; ``indice`` es la
    posición de esa entrada (o de la nueva) en ``entradas``; ``linea`` (desde 1), donde empieza
    lo agregado en el archivo."""

    unida: bool
    indice: int
    linea: int
    # Para ``comprobacion``: qué se cambió en el texto (``Texto.ediciones``) y el tramo del
    # archivo que lo contiene, que se vuelve a leer solo (``Ventana``). Sin ellos se comprueba
    # el archivo entero.
    ediciones: list | None = campo_de_registro(None, mostrar=False, compara=False)
    ventana: "Ventana | None" = campo_de_registro(None, mostrar=False, compara=False)
    # Lo que no se repitió porque otro lo escribió mientras tanto (``bitacora.guardar``).
    notas: list = campo_de_registro(fabrica=list, mostrar=False, compara=False)


@registro
class Ventana:
    """Un tramo de la lista ``entradas`` en bloque: de ``desde`` a ``hasta`` (posiciones en el
    texto leído, sin BOM) están enteras las entradas ``primera`` a ``primera + cuantas - 1`` con
    sus comentarios, y todo lo que se cambió. ``encabezado`` es la línea de ``entradas:``: con
    ella delante, el tramo se lee como se lee dentro del archivo."""

    desde: int
    hasta: int
    encabezado: str
    primera: int
    cuantas: int


def injertar(texto: str, entrada: dict, leido=None) -> tuple[str, Cambio]:
    """El texto de la bitácora con ``entrada`` agregada (o unida a la de su fecha y sesión).

    ``entrada`` es un dict en el orden del esquema (``fecha`` es ``date``); ``leido``, si lo
    hay, la lectura de bitacora.yaml que ya se hizo (``formato.Documento``): si leyó este mismo
    texto, el árbol sale de ella sin analizarlo otra vez (``arbol_leido``). No escribe nada: es
    la parte pura de ``agregar_entrada``. Lanza ``YaRegistrado`` si la entrada existente ya
    registra la misma acción o meta (o valora el mismo rasgo, o tiene el balance de la misma
    prioridad), y ``NoSeEscribio`` si el archivo no tiene la forma de una
    bitácora (la raíz no es un mapa, ``entradas`` no es una lista).
    """
    # Sin el recolector de ciclos (ver ``nucleo.recolector``); todo dentro de una función: sus
    # líneas y nodos se liberan antes de volver a encenderlo, que si no los recorrería una vez.
    with sin_recolector():
        return _injertar_texto(texto, entrada, leido)


def _injertar_texto(texto: str, entrada: dict, leido) -> tuple[str, Cambio]:
    doc = Texto.de(texto)
    arbol = arbol_leido(leido, doc)
    if arbol is None and doc.original.strip():
        arbol = componer(doc.original, doc.inicios)
    try:
        texto_nuevo, cambio = _injertar(doc, arbol.raiz if arbol is not None else None, entrada)
        cambio.ediciones = doc.ediciones()
        if arbol is not None and arbol.raiz is not None and not arbol.raro and cambio.ediciones:
            cambio.ventana = _ventana(doc, arbol.raiz, cambio)
    finally:
        if arbol is not None:
            arbol.soltar()
    return texto_nuevo, cambio


def _injertar(doc: Texto, raiz, entrada: dict) -> tuple[str, Cambio]:
    if raiz is not None and not es_nodo(raiz, "MappingNode"):
        raise NoSeEscribio("bitacora.yaml no empieza con `entradas:` (su raíz no es un mapa).")
    clave = nodo_clave(raiz, "entradas") if raiz is not None else None
    entradas = valor_de(raiz, "entradas") if raiz is not None else None
    estilo = estilo_de(entradas, doc.lineas)
    if clave is None:
        _sin_entrada_para_notas(entrada)
        return _sin_entradas(doc, entrada, estilo)
    if es_nodo(entradas, "ScalarNode") and entradas.value.strip() in ("", "~", "null", "Null", "NULL"):
        _sin_entrada_para_notas(entrada)
        return _lista_vacia(doc, clave, entradas, entrada, estilo)
    if not es_nodo(entradas, "SequenceNode"):
        raise NoSeEscribio("En bitacora.yaml, `entradas` no es una lista.")
    if entradas.flow_style and not entradas.value:
        _sin_entrada_para_notas(entrada)
        return _lista_vacia(doc, clave, entradas, entrada, estilo)
    for i in range(len(entradas.value) - 1, -1, -1):
        e = entradas.value[i]
        if es_nodo(e, "MappingNode") and _fecha_de(e) == entrada["fecha"] and \
                _sesion_de(e) == entrada.get("sesion"):
            return _unir(doc, e, i, entrada, estilo)
    _sin_entrada_para_notas(entrada)
    if entradas.flow_style:
        linea = entradas.end_mark.line + 1
        return _en_linea(doc, entradas, "entradas", [entrada], estilo), Cambio(False, len(entradas.value), linea)
    return _nueva(doc, clave, entradas, entrada, estilo)


def _ventana(doc: Texto, raiz, cambio: Cambio) -> Ventana | None:
    """El tramo de ``entradas`` que contiene lo cambiado: la entrada unida o la anterior a la
    nueva, y la siguiente (que debe seguir igual). ``None`` si ``entradas`` no es una lista en
    bloque que empieza debajo de su clave en una raíz en bloque: entonces se comprueba todo."""
    if raiz.flow_style:
        return None
    pares = raiz.value
    i = next((i for i, (k, _) in enumerate(pares) if es_nodo(k, "ScalarNode") and k.value == "entradas"),
             None)
    if i is None:
        return None   # no tenía `entradas:` y se agregó al final: se comprueba todo
    clave, entradas = pares[i]
    if not es_nodo(entradas, "SequenceNode") or entradas.flow_style or not entradas.value or \
            clave.end_mark.line != clave.start_mark.line or \
            entradas.value[0].start_mark.line <= clave.start_mark.line:
        return None
    items, n = entradas.value, len(entradas.value)
    if cambio.unida:
        primera, ultima = cambio.indice, min(cambio.indice + 1, n - 1)
    else:
        primera, ultima = max(cambio.indice - 1, 0), min(cambio.indice, n - 1)
    inicio = ultima_linea(items[primera - 1], doc.lineas) + 1 if primera > 0 else clave.start_mark.line + 1
    if ultima < n - 1:
        fin = ultima_linea(items[ultima], doc.lineas) + 1
    elif i + 1 < len(pares):
        fin = pares[i + 1][0].start_mark.line
    else:
        fin = len(doc.inicios)
    encabezado = doc.original[doc.posicion(clave.start_mark.line):doc.posicion(clave.start_mark.line + 1)]
    return Ventana(doc.posicion(inicio), doc.posicion(fin), encabezado.rstrip("\r\n") + doc.salto,
                   primera, ultima - primera + 1)


def _lineas_de_entrada(entrada: dict, estilo: Estilo, guion: int, contenido: int) -> list[str]:
    return como_elemento(volcar(entrada, estilo), guion, contenido)


def _sin_entradas(doc: Texto, entrada: dict, estilo: Estilo):
    """Un archivo vacío, solo con comentarios o sin `entradas:`: se agrega al final."""
    s = estilo.sangria
    nuevas = ["entradas:"] + _lineas_de_entrada(entrada, estilo, s.guion, s.contenido)
    linea = len(doc.lineas)
    doc.insertar(linea, nuevas)
    return doc.texto(), Cambio(False, 0, linea + 1)


def _lista_vacia(doc: Texto, clave, valor, entrada: dict, estilo: Estilo):
    """`entradas:` o `entradas: []` → una lista en bloque con la entrada."""
    n = clave.start_mark.line
    contenido = doc.lineas[n][0]
    if valor.end_mark.line == n and valor.end_mark.column > valor.start_mark.column:
        contenido = contenido[:valor.start_mark.column].rstrip() + contenido[valor.end_mark.column:]
        doc.lineas[n][0] = contenido if "#" in contenido else contenido.rstrip()
    s = estilo.sangria
    col = clave.start_mark.column
    doc.insertar(n + 1, _lineas_de_entrada(entrada, estilo, col + s.guion, col + s.contenido))
    return doc.texto(), Cambio(False, 0, n + 2)


def _en_linea(doc: Texto, lista, clave: str, elementos: list, estilo: Estilo) -> str:
    """Agrega elementos antes del «]» de una lista escrita en línea."""
    n, col = lista.end_mark.line, lista.end_mark.column - 1
    contenido = doc.lineas[n][0]
    texto = elementos_en_linea(clave, elementos, estilo)
    doc.lineas[n][0] = contenido[:col] + (", " if lista.value else "") + texto + contenido[col:]
    return doc.texto()


def _nueva(doc: Texto, clave, entradas, entrada: dict, estilo: Estilo):
    """Una entrada nueva, después de la última con fecha igual o anterior."""
    items = list(entradas.value)
    anteriores = [i for i, e in enumerate(items) if (_fecha_de(e) or date.min) <= entrada["fecha"]]
    primero = items[0]
    nuevas = _lineas_de_entrada(entrada, estilo, columna_guion(primero, doc.lineas),
                                primero.start_mark.column)
    if anteriores:
        indice = ultima_linea(items[anteriores[-1]], doc.lineas) + 1
        separador = [""] if estilo.separador else []
        doc.insertar(indice, separador + nuevas)
        return doc.texto(), Cambio(False, anteriores[-1] + 1, indice + 1 + len(separador))
    # Va antes de la primera: también antes de los comentarios que la encabezan.
    indice = primero.start_mark.line
    while indice > clave.start_mark.line + 1 and doc.lineas[indice - 1][0].lstrip().startswith("#"):
        indice -= 1
    doc.insertar(indice, nuevas + ([""] if estilo.separador else []))
    return doc.texto(), Cambio(False, 0, indice + 1)


def _registros_de(destino, clave: str) -> dict:
    """``{id: nodo}`` de los registros de la lista ``clave`` (acciones o mediciones) de una entrada."""
    campo = _IDS[clave][0]
    existentes = valor_de(destino, clave)
    ya = {}
    for x in existentes.value if es_nodo(existentes, "SequenceNode") else []:
        v = valor_de(x, campo)
        if es_nodo(v, "ScalarNode"):
            ya.setdefault(v.value.strip(), x)
    return ya


def _ya_registrado(destino, entrada: dict, cuando: str) -> None:
    for clave, (campo, que) in _IDS.items():
        ya = _registros_de(destino, clave)
        for nuevo in entrada.get(clave) or []:
            if es_nota(clave, nuevo):
                if nuevo[campo] not in ya:
                    raise YaRegistrado(f"la entrada del {cuando} no registra {que} {nuevo[campo]}; "
                                       "da la --fecha y la --sesion de la entrada que sí la registra")
                if valor_de(ya[nuevo[campo]], "nota") is not None:
                    raise YaRegistrado(f"en la entrada del {cuando}, {que} {nuevo[campo]} ya tiene "
                                       "`nota`; cámbiala en bitacora.yaml")
            elif nuevo[campo] in ya:
                raise YaRegistrado(f"la entrada del {cuando} ya registra {que} {nuevo[campo]}; "
                                   "corrige ese registro en bitacora.yaml",
                                   f", o agrégale una nota con --nota-de {nuevo[campo]}=TEXTO")
    _ya_valorado(destino, entrada, cuando)
    if entrada.get("nota") and valor_de(destino, "nota") is not None:
        raise YaRegistrado(f"la entrada del {cuando} ya tiene `nota`; cámbiala en bitacora.yaml")


def _ya_valorado(destino, entrada: dict, cuando: str) -> None:
    """Un rasgo (su anexo y su número) o el balance de una prioridad que la entrada ya valora: uno
    idéntico ya se quitó antes (``sin_repetir``: repetir la orden no duplica); uno distinto
    contradiría lo escrito, y se corrige en el archivo."""
    def elementos(clave):
        lista = valor_de(destino, clave)
        return [x for x in (lista.value if es_nodo(lista, "SequenceNode") else []) if es_nodo(x, "MappingNode")]

    def texto(mapa, clave):
        v = valor_de(mapa, clave)
        return v.value.strip().lower() if es_nodo(v, "ScalarNode") else None

    valorados = {(texto(x, "anexo"), texto(x, "rasgo")) for x in elementos("rasgos")}
    for r in entrada.get("rasgos") or []:
        if (str(r["anexo"]).lower(), str(r["rasgo"]).lower()) in valorados:
            raise YaRegistrado(f"la entrada del {cuando} ya valora el rasgo {r['anexo']}/{r['rasgo']}; "
                               "cambia esa valoración en bitacora.yaml")
    for b in entrada.get("balance") or []:
        clave = next(iter(b))   # la palabra del marco: prioridad, ambito, problematica…
        if str(b[clave]).lower() in {texto(x, clave) for x in elementos("balance")}:
            raise YaRegistrado(f"la entrada del {cuando} ya tiene el balance de {b[clave]}; "
                               "cámbialo en bitacora.yaml")


def _notas_a_registros(doc: Texto, destino, entrada: dict, estilo: Estilo) -> list:
    """Las ediciones que ponen cada nota en su registro ya escrito (en bloque o en línea)."""
    ediciones = []
    for clave, (campo, _) in _IDS.items():
        ya = _registros_de(destino, clave)
        for nuevo in entrada.get(clave) or []:
            if not es_nota(clave, nuevo):
                continue
            registro = ya[nuevo[campo]]
            if registro.flow_style:
                texto = _pares_en_linea({"nota": nuevo["nota"]}, estilo)
                ediciones.append((registro.end_mark.line, -1,
                                  lambda r=registro, t=texto: _nota_en_linea(doc, r, t)))
            else:
                lineas = con_sangria(volcar({"nota": nuevo["nota"]}, estilo), registro.start_mark.column)
                indice = ultima_linea(registro, doc.lineas) + 1
                ediciones.append((indice, -1, lambda i=indice, m=lineas: doc.insertar(i, m)))
    return ediciones


def _pares_en_linea(pares: dict, estilo: Estilo) -> str:
    """«acuerdos: [Uno], nota: 'a, b'»: los pares para dentro de un mapa en línea (entre comillas lo
    que ahí las pida: una coma, un corchete)."""
    texto = elementos_en_linea("x", [pares], estilo).strip()
    return texto[1:-1].strip() if texto.startswith("{") else texto


def _nota_en_linea(doc: Texto, registro, par: str) -> None:
    """Pone ``par`` (``nota: …``) al final de un registro escrito en línea: antes de su «}», o,
    si es el mapa de un solo par sin llaves de una lista en línea (``[meta: M1]``), entre llaves
    nuevas (``[{meta: M1, nota: …}]``: sin ellas, serían dos mapas)."""
    inicio, fin = registro.start_mark, registro.end_mark
    if doc.lineas[inicio.line][0][inicio.column:inicio.column + 1] == "{":
        _antes_de(doc, fin.line, fin.column - 1, ", " + par)
    else:
        # Justo después de su valor (el fin del mapa es donde empieza lo que sigue, quizá en otra
        # línea); primero el fin, que así no corre el inicio.
        fin = registro.value[-1][1].end_mark if registro.value else fin
        _antes_de(doc, fin.line, fin.column, ", " + par + "}")
        _antes_de(doc, inicio.line, inicio.column, "{")


def _antes_de(doc: Texto, n: int, columna: int, texto: str) -> None:
    contenido = doc.lineas[n][0]
    doc.lineas[n][0] = contenido[:columna] + texto + contenido[columna:]


def _unir(doc: Texto, destino, posicion: int, entrada: dict, estilo: Estilo):
    """Agrega las listas de ``entrada`` a la entrada ``destino`` (misma fecha y sesión)."""
    cuando = _cuando(entrada)
    _ya_registrado(destino, entrada, cuando)
    # (línea, orden, función): se aplican de abajo hacia arriba; en la misma línea, primero el
    # orden mayor (la nota de un registro, -1, queda pegada a él, encima de lo que se agrega).
    ediciones = _notas_a_registros(doc, destino, entrada, estilo)
    faltan = {}
    for clave in [*LISTAS, "nota"]:
        nuevos = entrada.get(clave)
        if clave in _IDS and nuevos:
            nuevos = [n for n in nuevos if not es_nota(clave, n)]
        if not nuevos:
            continue
        actual = valor_de(destino, clave)
        if actual is None:
            faltan[clave] = nuevos
        elif es_nodo(actual, "SequenceNode") and actual.flow_style:
            ediciones.append((actual.end_mark.line, 1,
                              lambda a=actual, c=clave, n=nuevos: _en_linea(doc, a, c, n, estilo)))
        elif es_nodo(actual, "SequenceNode") and actual.value:
            primero = actual.value[0]
            guion, cont = columna_guion(primero, doc.lineas), primero.start_mark.column
            lineas = [l for v in nuevos for l in lineas_de_elemento(clave, v, estilo, guion, cont)]
            indice = ultima_linea(actual.value[-1], doc.lineas) + 1
            ediciones.append((indice, 0, lambda i=indice, m=lineas: doc.insertar(i, m)))
        elif es_nodo(actual, "ScalarNode") and not actual.value.strip() and not actual.style:
            nodo = nodo_clave(destino, clave)
            s = estilo.sangria
            col = nodo.start_mark.column
            lineas = [l for v in nuevos
                      for l in lineas_de_elemento(clave, v, estilo, col + s.guion, col + s.contenido)]
            indice = nodo.start_mark.line + 1
            ediciones.append((indice, 0, lambda i=indice, m=lineas: doc.insertar(i, m)))
        else:
            raise NoSeEscribio(f"En la entrada del {cuando}, `{clave}` no es una lista.")
    if faltan and destino.flow_style:
        # Una entrada escrita en línea ({fecha: …, acuerdos: […]}): lo que falta va antes de su «}».
        # Orden 3: en su línea, antes que lo que se agrega más a la izquierda (no lo corre).
        fin = destino.end_mark
        ediciones.append((fin.line, 3, lambda f=fin, d=destino, t=_pares_en_linea(faltan, estilo):
                          _antes_de(doc, f.line, f.column - 1, (", " if d.value else "") + t)))
    elif faltan:
        indice = ultima_linea(destino, doc.lineas) + 1
        lineas = con_sangria(volcar(faltan, estilo), destino.start_mark.column)
        # Orden 2: en la misma línea, lo que falta va debajo de lo que se agrega a otras listas.
        ediciones.append((indice, 2, lambda i=indice, m=lineas: doc.insertar(i, m)))
    primera = destino.start_mark.line
    for indice, _, editar in sorted(ediciones, key=lambda e: (e[0], e[1]), reverse=True):
        editar()
        primera = indice
    return doc.texto(), Cambio(True, posicion, primera + 1)
