"""Lo que comparten las pruebas de las vistas."""

from __future__ import annotations


def escribir_meta(carpeta, descripcion: str, sentido: str, base, meta, valor) -> None:
    """Deja M1 de la copia del ejemplo en ``carpeta`` con ese sentido, línea base y valor meta,
    y su medición de la bitácora (``{meta: M1, valor: 42}``) con ``valor``."""
    (carpeta / "metas.yaml").write_text(
        "metas:\n  - id: M1\n    objetivo: O1\n"
        f"    descripcion: {descripcion}\n"
        "    indicador: {nombre: Alumnos que abandonan, unidad: alumnos}\n"
        f"    sentido: {sentido}\n    linea_base: {base}\n    valor_meta: {meta}\n"
        "    fecha_limite: 2026-06-26\n", encoding="utf-8")
    bitacora = carpeta / "bitacora.yaml"
    bitacora.write_text(bitacora.read_text(encoding="utf-8").replace(
        "{meta: M1, valor: 42}", f"{{meta: M1, valor: {valor}}}"), encoding="utf-8")
