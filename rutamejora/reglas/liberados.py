"""Lo que una supresión de privacidad (``# ruta: ignorar RM502 -- motivo``) declara que no es un
dato personal.

Una supresión de RM5xx vale para la clase de dato de su código y solo en la línea que calla.
Dentro de esa línea:

- si su motivo nombra uno o más de esos datos («-- Gilda es la cuentacuentos»: una palabra del
  dato, o el dato entero, en el motivo), libera solo esos; los demás de la línea siguen
  contando: ``validar`` los señala y toda salida los enmascara;
- si no nombra ninguno, ``validar`` calla todos los de su clase en la línea, como calla
  cualquier supresión, pero un informe o una exportación imprime uno en claro solo si es el
  único de su clase en esa línea: con varios no se sabe de cuál habló la persona, y se
  enmascaran todos.

Así una supresión escrita para la cuentacuentos no deja pasar al alumno que la misma línea
nombra.
"""

from __future__ import annotations

from rutamejora.formato.lectura import ESCALAR, LISTA, MAPA
from rutamejora.privacidad.catalogo import PALABRA, PARTICULAS, plegar
from rutamejora.reglas.personales import _CLASES_DE_CODIGO, _lineas_de_fin, datos
from rutamejora.reglas.supresiones import supresiones


def suprimidas(ruta) -> dict[tuple[str, int], frozenset[str]]:
    """``{(archivo, línea): clases}``: las clases de dato que una supresión calla en esa línea
    (``# ruta: ignorar RM502 -- motivo`` → nombres)."""
    if "_clases_suprimidas" not in ruta.__dict__:
        resultado: dict[tuple[str, int], frozenset[str]] = {}
        for s in supresiones(ruta)[0]:
            clases = {c for codigo in s.codigos for c in _CLASES_DE_CODIGO.get(codigo, ())}
            if clases:
                llave = (s.archivo, s.objetivo)
                resultado[llave] = resultado.get(llave, frozenset()) | clases
        ruta.__dict__["_clases_suprimidas"] = resultado
    return ruta.__dict__["_clases_suprimidas"]


def liberados(ruta, informe: bool = False) -> frozenset[tuple[str, int, str, str]]:
    """(archivo, línea, clase, dato) de cada dato que una supresión declara no personal (el dato
    con un espacio entre palabras). ``informe``: lo que un informe o una exportación puede
    imprimir en claro (sin motivo que nombre, solo el único de su clase en la línea)."""
    llave = "_liberados_informe" if informe else "_liberados"
    if llave not in ruta.__dict__:
        ruta.__dict__[llave] = _liberados(ruta, informe)
    return ruta.__dict__[llave]


def _liberados(ruta, informe: bool) -> frozenset[tuple[str, int, str, str]]:
    lineas = suprimidas(ruta)
    if not lineas:
        return frozenset()
    en_linea: dict[tuple[str, int, str], set[str]] = {}
    for d in datos(ruta):
        if d.hallazgo.clase in lineas.get((d.archivo, d.linea), ()):
            en_linea.setdefault((d.archivo, d.linea, d.hallazgo.clase), set()).add(
                " ".join(d.hallazgo.texto.split()))
    motivos = _motivos(ruta)
    resultado = set()
    for (archivo, linea, clase), dichos in en_linea.items():
        motivo = motivos.get((archivo, linea), "")
        nombrados = {dato for dato in dichos if _nombra(motivo, dato)}
        if nombrados:
            elegidos = nombrados
        elif informe and len(dichos) > 1:
            elegidos = set()
        else:
            elegidos = dichos
        resultado.update((archivo, linea, clase, dato) for dato in elegidos)
    return frozenset(resultado)


def _motivos(ruta) -> dict[tuple[str, int], str]:
    """``{(archivo, línea callada): motivo plegado}`` (los de varias supresiones, juntos)."""
    motivos: dict[tuple[str, int], str] = {}
    for s in supresiones(ruta)[0]:
        llave = (s.archivo, s.objetivo)
        motivos[llave] = f"{motivos.get(llave, '')} {plegar(s.motivo)}"
    return motivos


def _nombra(motivo: str, dato: str) -> bool:
    """Si ``motivo`` (plegado) nombra ``dato``: el dato entero o una de sus palabras de tres
    letras o más que no sea una partícula («Gilda» nombra a «Gilda Rincón»)."""
    if not motivo.strip():
        return False
    plano = plegar(dato)
    if plano in motivo:
        return True
    palabras_del_motivo = set(PALABRA.findall(motivo))
    return any(len(p) >= 3 and p not in PARTICULAS and p in palabras_del_motivo
               for p in PALABRA.findall(plano))


def calla(ruta):
    """Para ``supresiones.aplicar_supresiones``: si una supresión que nombra su código calla el
    problema ``p``. Uno de privacidad (RM501–RM505), solo si su dato quedó liberado."""
    libres = liberados(ruta)

    def callar(p) -> bool:
        clases = _CLASES_DE_CODIGO.get(p.codigo)
        if not clases or not p.secretos:
            return True
        dato = " ".join(p.secretos[0].texto.split())
        return any((p.archivo, p.linea, clase, dato) in libres for clase in clases)
    return callar


def citados_al_suprimir(ruta) -> set[tuple[str, int, str, str]]:
    """(archivo, línea, clase, dato) de lo que el motivo de una supresión escrita en su propia
    línea repite de la línea que calla («# ruta: ignorar RM502 -- Gilda Rincón es la
    cuentacuentos», sobre la línea que la nombra): ese dato ya se declaró no personal. Otro
    dato en el motivo (un nombre que no está liberado en la línea callada) sigue contando."""
    if "_citados_al_suprimir" in ruta.__dict__:  # cinco reglas (RM501–RM505) lo piden
        return ruta.__dict__["_citados_al_suprimir"]
    libres = liberados(ruta)
    resultado = set()
    propias = {(s.archivo, s.linea): s.objetivo for s in supresiones(ruta)[0]
               if s.objetivo != s.linea} if libres else {}
    for d in datos(ruta) if propias else ():
        objetivo = propias.get((d.archivo, d.linea))
        if objetivo is None:
            continue
        dato = " ".join(d.hallazgo.texto.split())
        # «Gilda» en el motivo cita a «Gilda Rincón», liberada en la línea que calla.
        if any((archivo, linea, clase) == (d.archivo, objetivo, d.hallazgo.clase)
               and _nombra(plegar(libre), dato) for archivo, linea, clase, libre in libres):
            resultado.add((d.archivo, d.linea, d.hallazgo.clase, dato))
    ruta.__dict__["_citados_al_suprimir"] = resultado
    return resultado


def textos_suprimidos(ruta) -> dict[str, frozenset[tuple[str, str]]]:
    """``{texto: {(clase, dato)}}``: en cada valor con una supresión de RM5xx en su línea, los
    datos que esa supresión deja imprimir (``liberados(…, informe=True)``), con los espacios
    como los deja un informe (uno entre palabras). Cualquier otro dato del mismo valor se
    enmascara."""
    callados: dict[tuple[str, int], set[tuple[str, str]]] = {}
    for archivo, linea, clase, dato in liberados(ruta, informe=True):
        callados.setdefault((archivo, linea), set()).add((clase, dato))
    resultado: dict[str, frozenset[tuple[str, str]]] = {}
    for archivo in {archivo for archivo, _ in callados}:
        doc = ruta.documentos.get(archivo)
        if doc is None or doc.raiz is None:
            continue
        fin_de = _lineas_de_fin(doc)
        pila = [doc.raiz]
        while pila:
            nodo = pila.pop()
            if nodo.tipo == MAPA:
                pila.extend(nodo.valor.values())
            elif nodo.tipo == LISTA:
                pila.extend(nodo.valor)
            elif nodo.tipo == ESCALAR and nodo.texto:
                # Las líneas que ocupa el valor, de la primera a la de su fin.
                ultima = fin_de(nodo.fin) if fin_de is not None and nodo.fin >= 0 else nodo.linea
                lugar = [(archivo, n) for n in range(nodo.linea, max(ultima, nodo.linea) + 1)
                         if (archivo, n) in callados]
                if lugar:
                    texto = " ".join(nodo.texto.split())
                    resultado[texto] = resultado.get(texto, frozenset()).union(
                        *(callados[llave] for llave in lugar))
    return resultado
