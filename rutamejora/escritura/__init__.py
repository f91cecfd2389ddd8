"""Escribir en una Ruta sin perder nada: la bitácora (``bitacora agregar``, ``sesion``) y una Ruta nueva.

Posee lo que se registra en la bitácora y su revisión antes de escribir (``bitacora``; los
pares ``ID=VALOR``, ingresos, rasgos y balances en ``pares``; las opciones de ``bitacora
agregar`` en ``opciones``; el borrador de ``ruta sesion`` en ``sesion`` y ``borrador``), el
injerto de texto que deja el resto del archivo byte por byte (``texto_bitacora``, que junta
``injerto``, ``texto_yaml``, ``estilo_yaml`` y ``comprobacion``) con su candado (``candado``),
y la creación de una Ruta desde las plantillas (``nueva``, con ``datos_escuela``,
``calendario_nuevo``, ``anterior``, ``pedido``, ``eleccion_nueva`` (la carpeta y el marco) y
``plantillas_nueva``). Toda escritura pasa por ``nucleo.atomico``. Importa ``vistas``,
``reglas``, ``formato``, ``nucleo`` y ``catalogos``; solo ``commands`` la usa.
"""

from rutamejora.nucleo.perezoso import exportar

__all__, __getattr__ = exportar(__name__, {
    "bitacora": "AjusteNuevo EntradaNueva MedicionNueva RegistroNuevo NOMBRES_ESTADO RutaIlegible "
                "ValorInvalido con_la_sesion_de_su_fecha fecha_de_sesion fuera_del_ciclo guardar leer_dinero "
                "leer_entero leer_estado leer_fecha leer_numero leer_texto revisar revisar_id",
    "pares": "TIPOS IngresoNuevo RasgoNuevo BalanceNuevo NotaNueva leer_accion leer_meta leer_ingreso "
             "leer_rasgo leer_balance leer_nota_de revisar_pares tipo_al_unir",
    "opciones": "Opciones entrada_de_opciones sueltas",
    "sesion": "SinSesion sesion_que_toca borrador_de_sesion con_errores comentarios_propios "
              "ENCABEZADO_COMENTARIOS sesiones_registradas",
    "borrador": "YaAplicado leer_borrador entrada_del_borrador sin_lo_ya_registrado sin_repetir",
    "texto_bitacora": "vista_previa agregar_entrada",
    "candado": "NoSeEscribio FallaDeEscritura Ocupado ESPERA",
    "injerto": "YaRegistrado injertar",
    "comprobacion": "comprobar",
    "avisos": "avisos_despues",
    "nueva": "crear ocupada",
    "pedido": "MARCO_POR_OMISION NuevaInvalida Pedido ciclos_de texto_ciclos",
    "datos_escuela": "Escuela Revision TURNOS ciclo_de ciclo_siguiente entidad_de_cct nivel_de_cct "
                     "revisar_cct revisar_ciclo revisar_nivel revisar_turno",
    "calendario_nuevo": "calendario_para",
    "anterior": "leer_anterior",
    "eleccion_nueva": "ContradiceLaCarpeta DeLaCarpeta de_la_carpeta revisar_contra_la_carpeta marcos_vigentes "
                      "marco_por_omision por_que_no_hay_marco lista_de_marcos revisar_marco revisar_tramo",
})
