"""Un cargo justo antes de un nombre: «la Mtra. Rosa», «el supervisor Ernesto», «San Judas».

Ahí el nombre es del personal, de un santo o de un lugar, no de un alumno (lo usa ``nombres``),
salvo que sea de un pariente del cargo («El sobrino de la directora, Diego…») o que el cargo
sea a quien se habla («Maestra, Sofía no va a ir»).

Entre el cargo y el nombre puede ir un tratamiento de adulto («El comisariado ejidal, Sr.
Anselmo Tun», «el delegado Don Porfirio») y, si lo hay, también el lugar del cargo («El agente
municipal de Chuchucaxtla, C. Porfirio Ramírez»): sigue siendo el cargo quien dice que es una
autoridad de la comunidad. Un tratamiento solo («Sr. Anselmo Tun») no exime: puede ser el papá
de un alumno, y ese nombre también se protege.
"""

from __future__ import annotations

from rutamejora.nucleo.expresiones import compilar
from rutamejora.privacidad.catalogo import palabras_en
from rutamejora.privacidad.conjuntos import Datos
from rutamejora.privacidad.tratamientos import ABREVIADOS, TITULOS

_CARGO_JUSTO_ANTES = compilar(r"[\s.,]*")
# Un tratamiento de adulto justo antes del nombre: los de ``tratamientos`` y, abreviados con su
# punto, «Srta.» y «C.» (ciudadano, en actas y oficios; sin punto, «c» no es nada).
_TRATAMIENTO_ANTES = compilar(r"(?<![a-z])(?:(?:" + "|".join(ABREVIADOS + ["srta", "c"]) + r")\.|(?:"
                              + "|".join(ABREVIADOS + TITULOS) + r"))[ \t]*$")
# El lugar del cargo, entre él y la coma del tratamiento: «de Chuchucaxtla», «de la Loma Alta».
_LUGAR_DEL_CARGO = compilar(r"(?<![a-z])del?[ \t]+(?:(?:la|el|los|las)[ \t]+)?[a-z]+(?:[ \t]+[a-z]+){0,2}"
                            r"[ \t]*,[ \t]*$")


def tras_cargo(d: Datos, plano: str, inicio: int, de_pila_solo: bool = False) -> bool:
    """Un cargo justo antes («la Mtra.», «el supervisor», «San»), quizá con un tratamiento en
    medio («el comisariado ejidal, Sr. …»): es personal, un santo o un lugar, no un alumno.
    ``de_pila_solo``: el nombre es una sola palabra; solo así un cargo con coma al abrir el
    mensaje es a quien se habla («Maestra, Sofía no va»; «Directora, Patricia Ramírez», con
    apellido, es un rótulo)."""
    if _cargo_justo_antes(d, plano, inicio, de_pila_solo):
        return True
    tratamiento = _TRATAMIENTO_ANTES.search(plano, max(0, inicio - 10), inicio)
    if tratamiento is None:
        return False
    # Con tratamiento nadie le habla al cargo («Maestra, Sr. …» no se dice): sin vocativo.
    antes = tratamiento.start()
    if _cargo_justo_antes(d, plano, antes):
        return True
    lugar = _LUGAR_DEL_CARGO.search(plano, max(0, antes - 40), antes)
    return lugar is not None and _cargo_justo_antes(d, plano, lugar.start())


def _cargo_justo_antes(d: Datos, plano: str, inicio: int, de_pila_solo: bool = False) -> bool:
    """El cargo pegado a ``inicio`` (con espacios, puntos o una coma en medio)."""
    palabras, lugares = palabras_en(plano, inicio - 40, inicio)
    if not palabras or not _CARGO_JUSTO_ANTES.fullmatch(plano, lugares[-1][1], inicio):
        return False
    if "." in plano[lugares[-1][1]:inicio] and palabras[-1] not in d.abreviaturas:
        return False  # «…con cada docente. Kevin Pérez faltó»: el punto cerró la oración
    n = len(palabras)
    k = next((k for k in range(max(0, n - 3), n) if d.cargo.en(palabras, k) == n - k), None)
    if k is None:
        return False
    con_coma = "," in plano[lugares[-1][1]:inicio]
    if con_coma and de_pila_solo and _VOCATIVO.search(plano, max(0, lugares[k][0] - 30), lugares[k][0]):
        return False  # «Maestra, Sofía no va a ir», «buenas tardes profe, Emily…»: a quien se habla
    return not _pariente_del_cargo(d, palabras, k, con_coma)


# Lo que va antes de un cargo que abre un mensaje: el comienzo, el fin de otra oración o un saludo.
_VOCATIVO = compilar(r"(?:^|[.!?¡¿\n])[ \t\"«]*(?:(?:hola|buen(?:os|as)?[ \t]+(?:dias|tardes|noches)"
                     r"|buen[ \t]+dia)[ \t,!.]*)?$")


# Palabras de [familiar] que nombran un papel, no a una persona: no vuelven pariente a nadie.
_PAPELES = frozenset({"familia", "caso", "casos", "expediente", "boleta", "citatorio"})


def _pariente_del_cargo(d: Datos, palabras: list[str], k: int, con_coma: bool) -> bool:
    """«Mamá: Ing. Sandra…» (un familiar justo antes del cargo) o «El sobrino de la directora,
    Diego…» (un familiar «de» el cargo, y una coma antes del nombre): el nombre es de un
    pariente, no del personal. «Los alumnos de la maestra Rosa» o «la mamá de la maestra Rosa»
    (sin coma) siguen siendo la maestra."""
    def pariente(j: int) -> bool:
        return j >= 0 and palabras[j] not in _PAPELES and bool(
            d.familiar.en(palabras, j) or d.alumno.en(palabras, j))
    if pariente(k - 1):
        return True
    if not con_coma:
        return False
    for articulo in (0, 1):  # «de la directora», «del síndico»
        j = k - 1 - articulo
        if j >= 1 and palabras[j] in ("de", "del") and (articulo == 0 or palabras[k - 1] in ("la", "el")):
            return pariente(j - 1)
    return False
