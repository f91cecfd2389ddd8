"""Los códigos de la estructura (RM101–RM110 y RM120): su nombre, su severidad y su
documentación, la que muestran ``ruta explicar`` y ``docs/``.

Se registran al importarse este módulo. Lo importan quienes producen estos problemas
(``estructura``, que verifica campos y tipos, y ``carga``, que revisa los archivos de la
carpeta) y la lista de familias de ``reglas.registro``.
"""

from __future__ import annotations

from rutamejora.nucleo.codigos import definir
from rutamejora.nucleo.problemas import AVISO, ERROR

definir("RM120", "por-llenar", AVISO, "estructura", """
    Una sección que escribe el CTE está vacía: la Ruta está por llenar.

    Es un aviso, no un error: una Ruta recién creada con `ruta nueva` valida sin errores y
    dice qué falta escribir. Una clave que no está (en vez de vacía) sí es un error (RM105).

    ✓ metas.yaml
        metas:
          - id: M1
    ✗ metas.yaml (completo)
        metas: []
""")

definir("RM101", "archivo-faltante", ERROR, "estructura", """
    Falta uno de los siete archivos de la Ruta.

    Una Ruta es una carpeta con ruta.yaml, diagnostico.yaml, prioridades.yaml, objetivos.yaml,
    metas.yaml, acciones.yaml y bitacora.yaml; `ruta nueva` los crea todos.
""")

definir("RM102", "archivo-desconocido", AVISO, "estructura", """
    Hay un archivo YAML en la carpeta que no es parte de una Ruta; se ignora.
""")

definir("RM103", "nombre-de-archivo", ERROR, "estructura", """
    Un archivo de la Ruta tiene el nombre casi correcto (`diagnóstico.yaml`, `metas.yml`).

    Se lee como el archivo que quiso ser, pero debe renombrarse: los nombres con acentos
    fallan entre sistemas operativos.
""")

definir("RM104", "clave-desconocida", ERROR, "estructura", """
    Una clave no existe en el formato; si se parece a una válida se dice cuál y se lee como ella.

    ✓ metas.yaml
        metas:
          - id: M1
            linea_base: 40
    ✗ metas.yaml
        metas:
          - id: M1
            línea_base: 40
""")

definir("RM105", "campo-faltante", ERROR, "estructura", """
    Falta un campo obligatorio, o está vacío.

    ✓ ruta.yaml
        ciclo: 2025-2026
    ✗ ruta.yaml
        ciclo:
""")

definir("RM106", "tipo-incorrecto", ERROR, "estructura", """
    Un valor no es del tipo esperado (un texto donde va un número, una lista donde va un mapa…).

    ✓ acciones.yaml
        acciones:
          - id: A1
            costo: 1500
    ✗ acciones.yaml
        acciones:
          - id: A1
            costo: $60 semanales
""")

definir("RM107", "valor-fuera-de-catalogo", ERROR, "estructura", """
    Un valor no está entre los permitidos (nivel, prioridad del marco, campo formativo…); se sugiere el más cercano.

    ✓ metas.yaml
        metas:
          - id: M1
            sentido: aumentar
    ✗ metas.yaml
        metas:
          - id: M1
            sentido: subir
""")

definir("RM108", "fecha-invalida", ERROR, "estructura", """
    Una fecha no existe (`2026-02-30`) o no está escrita como AAAA-MM-DD.

    ✓ metas.yaml
        metas:
          - id: M1
            fecha_limite: 2026-06-26
    ✗ metas.yaml
        metas:
          - id: M1
            fecha_limite: 26/06/2026
""")

definir("RM109", "ciclo-invalido", ERROR, "estructura", """
    El ciclo no tiene la forma AAAA-AAAA (dos años de cuatro dígitos).

    ✓ ruta.yaml
        ciclo: 2025-2026
    ✗ ruta.yaml
        ciclo: 25-26
""")

definir("RM110", "id-invalido", ERROR, "estructura", """
    Un id no tiene la forma de su tipo: una letra (P, O, M, A, N, F) y un número.

    ✓ metas.yaml
        metas:
          - id: M1
    ✗ metas.yaml
        metas:
          - id: Meta 1
""")
