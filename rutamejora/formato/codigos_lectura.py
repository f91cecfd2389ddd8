"""Los códigos de la lectura (RM001–RM011): su nombre, su severidad y su documentación, la que
muestran ``ruta explicar`` y ``docs/``.

Se registran al importarse este módulo. Lo importan quienes producen estos problemas
(``lectura``, ``codificacion``, ``sintaxis`` y ``temporales``) y la lista de familias de ``reglas.registro``.
"""

from __future__ import annotations

from rutamejora.nucleo.codigos import definir
from rutamejora.nucleo.problemas import AVISO, ERROR

definir("RM001", "yaml-sintaxis", ERROR, "lectura", """
    El archivo no es YAML válido: sangría, `:`, comillas o corchetes fuera de lugar.

    Se informa una vez por archivo, en la línea donde el analizador se detuvo; las
    verificaciones que necesitan ese archivo se omiten y lo dicen (RM901). Una clave con un
    espacio de más o de menos que sus hermanas se dice como sangría: la columna donde empieza
    la clave, la de la clave anterior de su nivel y cuántos espacios mover.

    ✓ metas.yaml (completo)
        metas: []
    ✗ metas.yaml (completo)
        metas: [
""")

definir("RM002", "clave-duplicada", ERROR, "lectura", """
    Una clave aparece dos veces en el mismo mapa; YAML se quedaría con una sin avisar.

    ✓ ruta.yaml
        ciclo: 2025-2026
    ✗ ruta.yaml (completo)
        version: 1
        ciclo: 2025-2026
        ciclo: 2024-2025
""")

definir("RM003", "ancla-o-alias", ERROR, "lectura", """
    Las anclas y alias de YAML (`&x`, `*x`) no se aceptan.

    Obligan a saber YAML avanzado para leer la Ruta, y un alias anidado puede multiplicar
    el archivo hasta agotar la memoria (la "bomba de alias"): se rechaza al primero.

    ✓ metas.yaml (completo)
        metas: []
    ✗ metas.yaml (completo)
        base: &b []
        metas: *b
""")

definir("RM004", "etiqueta-yaml", ERROR, "lectura", """
    Las etiquetas de YAML (`!!binary`, `!!str`, `!algo`) no se aceptan.

    ✓ metas.yaml (completo)
        metas: []
    ✗ metas.yaml (completo)
        metas: !!binary aGk=
""")

definir("RM005", "varios-documentos", ERROR, "lectura", """
    Un archivo de la Ruta tiene un solo documento YAML; lo que sigue a un segundo `---` se ignora.

    ✓ metas.yaml (completo)
        ---
        metas: []
    ✗ metas.yaml (completo)
        metas: []
        ---
        metas: []
""")

definir("RM006", "codificacion", ERROR, "lectura", """
    El archivo no está en UTF-8 (se nombra la codificación probable: Latin-1, Windows-1252, UTF-16).

    La BOM de UTF-8 y los finales de línea CRLF de Windows sí se aceptan.

    ✓ metas.yaml (completo)
        metas: []
    ✗ metas.yaml (completo)
        metas: [] # línea base en español: \\xf1
""")

definir("RM007", "tabulador", ERROR, "lectura", """
    La sangría usa tabuladores; YAML solo admite espacios.

    ✓ metas.yaml (completo)
        metas:
          - id: M1
    ✗ metas.yaml (completo)
        metas:
        \\t- id: M1
""")

definir("RM008", "archivo-vacio", ERROR, "lectura", """
    El archivo está vacío o solo tiene comentarios.

    ✓ metas.yaml (completo)
        metas: []
    ✗ metas.yaml (completo)
        # por llenar
""")

definir("RM010", "anidamiento-excesivo", ERROR, "lectura", """
    El archivo anida más de 64 niveles de listas o mapas; no se analiza.

    Ninguna Ruta real lo necesita, y miles de niveles harían tardar horas al analizador.

    ✓ metas.yaml (completo)
        metas: [[[]]]
    ✗ metas.yaml (completo)
        metas: [[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]]
""")

definir("RM009", "archivo-demasiado-grande", ERROR, "lectura", """
    El archivo pasa del límite de 5 MB; una Ruta real pesa unos KB.

    El límite evita leer por error un archivo pegado en lugar de otro.
""")

definir("RM012", "archivo-inaccesible", ERROR, "lectura", """
    El archivo de la Ruta no se pudo abrir (sin permiso, o una carpeta o un enlace roto en su lugar).

    También una tubería (FIFO) o un dispositivo con su nombre.

    No es un error de lo escrito sino del equipo: `ruta validar` sale con 2 (como con una carpeta
    que no existe), no con 1. Se arregla con los permisos (`chmod u+r metas.yaml`) o poniendo
    en su lugar el archivo YAML.
""")

definir("RM011", "temporal-abandonado", AVISO, "lectura", """
    Quedó un archivo o una carpeta temporal de una escritura interrumpida.

    `ruta bitacora agregar` escribe primero `.bitacora.yaml.XXXXXXXX.tmp` y `ruta nueva` una
    carpeta `.<carpeta>.nueva-<equipo>-<proceso>-XXXXXXXX` junto a la Ruta; si el proceso se
    interrumpe (se apaga la computadora, se mata el proceso) pueden quedar. La Ruta está
    completa sin ellos: bórralos. El siguiente `agregar` quita solo los de la bitácora y el
    siguiente `nueva` en el mismo equipo, los suyos.
""")
