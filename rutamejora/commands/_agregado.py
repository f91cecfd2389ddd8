"""Lo que hace ``ruta bitacora agregar`` una vez leídas sus opciones, sin Typer ni Click.

Lo usan el comando (``bitacora.py``, con Typer) y su atajo (``_atajo_agregar``: las líneas de
comandos de siempre, sin importar Typer ni Click, como ``ruta validar``). Escribe con ``eco``
(lo mismo que ``click.echo``) y termina con ``SystemExit`` y el código de salida, que Typer deja
pasar tal cual. Lo que sí necesita Click (preguntar paso a paso, leer una hoja con ``--hoja``)
llega como funciones desde ``bitacora.py``.
"""

from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path

from rutamejora.commands._comun import cargar_para_escribir, eco, fallar_uso, linea_de_error


def registrar(carpeta: Path, o, formato: str, espera: float, preguntar=None, de_hoja=None) -> None:
    """Carga la Ruta, revisa y escribe la entrada de las opciones ``o`` (``escritura.Opciones``)
    e informa. ``preguntar(ruta, o)`` da la entrada si ``o`` no registra nada; ``de_hoja(ruta,
    o)``, si se dio ``--hoja``, completa ``o`` con la medición de la hoja.

    Sin el recolector de ciclos mientras vive la Ruta cargada, como en ``validar``: cada pasada
    la recorría entera (con 10 000 entradas en la bitácora, 0.2 s). La Ruta vive solo dentro de
    ``_registrar``: al volver a encenderlo ya no está.
    """
    from rutamejora.nucleo import sin_recolector

    with sin_recolector():
        _registrar(carpeta, o, formato, espera, preguntar, de_hoja)


def _registrar(carpeta: Path, o, formato: str, espera: float, preguntar, de_hoja) -> None:
    from rutamejora import escritura as B

    ruta = cargar_para_escribir(carpeta, "bitacora.yaml")
    if de_hoja is not None:
        de_hoja(ruta, o)
    with _sin_escribir_si_falla(formato):
        if not o.registra_algo:
            entrada, motivos = preguntar(ruta, o), []
        else:
            entrada, motivos = B.entrada_de_opciones(ruta, o)
        B.con_la_sesion_de_su_fecha(entrada, ruta)  # se une a la entrada que ya tiene esa fecha
        motivos += B.revisar_pares(entrada, ruta)
        # Repetir la orden no duplica: lo que esa entrada ya tiene idéntico no se vuelve a escribir.
        repetido = [] if motivos else B.sin_repetir(entrada, ruta)
        notas = repetido + B.revisar(entrada, ruta, motivos)
        avisos = B.avisos_despues(entrada, ruta)
        cambio = B.guardar(ruta.carpeta, entrada, espera, avisar_espera(espera), ruta=ruta,
                           sin_repetir=B.sin_repetir)
    informar(entrada, cambio, formato)
    if de_hoja is not None:
        from rutamejora.intercambio import AVISO_PRIVACIDAD

        eco(AVISO_PRIVACIDAD, err=True)
    for nota in notas + cambio.notas:
        eco(f"Nota: {nota}", err=True)
    for aviso in avisos:
        eco(f"Aviso: {aviso}", err=True)


@contextmanager
def _sin_escribir_si_falla(formato: str = "texto"):
    """Cada falla al revisar o escribir, con su mensaje y su código de salida (2 si es de uso).
    Con ``--formato json``, además, los motivos de lo que se rechazó van en stdout como JSON
    (``"escrito": false``): quien lee la salida con un programa sabe por qué."""
    from rutamejora import escritura as B

    try:
        yield
    except B.ValorInvalido as exc:
        for motivo in exc.motivos:
            eco(linea_de_error(motivo), err=True)
        eco(linea_de_error("no se escribió nada en bitacora.yaml."), err=True)
        if formato == "json":
            from rutamejora.vistas import rechazo_como_json

            eco(rechazo_como_json(exc.motivos))
        raise SystemExit(2) from None
    except B.RutaIlegible as exc:
        eco(linea_de_error(str(exc)), err=True)
        raise SystemExit(1) from None
    except (B.YaRegistrado, B.YaAplicado) as exc:
        # Ya registrado, o todo lo de la orden ya estaba: nada que escribir (error de uso).
        fallar_uso(str(exc))
    except B.NoSeEscribio as exc:  # 1 si es la Ruta; 2 si el sistema no dejó escribir
        eco(linea_de_error(str(exc)), err=True)
        raise SystemExit(exc.salida) from None


def avisar_espera(espera: float):
    """Lo que se dice (una vez, en stderr) cuando otro proceso tiene la bitácora más de 1 s."""
    def avisar(quien: str) -> None:
        eco(linea_de_error(f"{quien} está escribiendo en la bitácora; esperando su turno "
                           f"(hasta {espera:g} s)…"), err=True)
    return avisar


def informar(entrada, cambio, formato: str) -> None:
    """Lo que se agregó y dónde: una línea para personas o el JSON (``formato`` ``json``)."""
    from rutamejora.vistas import fecha_corta

    if formato == "json":
        from rutamejora.vistas import agregado_como_json

        eco(agregado_como_json(entrada.datos(), cambio))
        return
    cuando = f"del {fecha_corta(entrada.fecha)}" + (f" (sesión {entrada.sesion})" if entrada.sesion else "")
    que = "Agregado a la entrada" if cambio.unida else "Nueva entrada"
    eco(f"{que} {cuando} en bitacora.yaml, línea {cambio.linea}: {_contenido(entrada)}.")


def _contenido(entrada) -> str:
    partes = []
    for r in entrada.acciones:
        detalle = r.estado.replace("_", " ") + (f", {r.avance} %" if r.avance is not None else "")
        if getattr(r, "gasto", None) is not None:  # lo ejercido también se escribió: se dice
            detalle += f", gasto de ${r.gasto:,.2f}"
        partes.append(f"acción {r.accion} ({detalle})")
    for m in entrada.mediciones:
        from rutamejora.vistas import numero

        partes.append(f"medición de {m.meta} ({numero(m.valor)})")
    for n in entrada.notas:
        partes.append(f"nota para {n.id}")
    for lista, singular, plural in ((entrada.acuerdos, "acuerdo", "acuerdos"),
                                    (entrada.ajustes, "ajuste", "ajustes"),
                                    (entrada.ingresos, "ingreso", "ingresos"),
                                    (entrada.rasgos, "rasgo valorado", "rasgos valorados"),
                                    (entrada.balance, "balance", "balances")):
        if lista:
            partes.append(f"{len(lista)} {singular if len(lista) == 1 else plural}")
    if entrada.nota:
        partes.append("nota")
    return ", ".join(partes)
