"""De un ``Libro`` de ``ruta exportar`` a los textos YAML de la Ruta (``importar_libro``).

Cada archivo se arma campo por campo desde las filas del libro (``libro_ruta``) y se escribe
con la escritura de ``ruta nueva`` (todo o nada, nunca sobre una Ruta sin ``forzar``). El
dinero sale en pesos con sus centavos exactos (``Decimal``), las fechas en ISO y los ids tal
como los trae el libro. Lo que el libro no lleva (nombres del personal y de los órganos, las
necesidades del diagnóstico) queda «por llenar» y el informe lo lista.
"""

from __future__ import annotations

import io
from datetime import date
from decimal import Decimal

from rutamejora.escritura.plantillas_nueva import comentario
from rutamejora.intercambio.escribir_plan import Nota
from rutamejora.intercambio.libro_ruta import POR_LLENAR, Libro, lista, partir_libres

_ENCABEZADO = "Importado del libro de `ruta exportar` ({archivo}) con `ruta importar plan`."


def _yaml(datos: dict, titulo: str) -> str:
    """``datos`` como YAML (dinero y números exactos, fechas ISO) bajo un comentario."""
    from ruamel.yaml import YAML

    yaml = YAML()
    yaml.width = 100
    yaml.indent(mapping=2, sequence=4, offset=2)
    yaml.representer.add_representer(
        Decimal, lambda r, d: r.represent_scalar("tag:yaml.org,2002:float"
                                                 if "." in format(d, "f") else "tag:yaml.org,2002:int",
                                                 format(d, "f")))
    salida = io.StringIO()
    yaml.dump(datos, salida)
    return comentario(titulo) + "\n" + salida.getvalue()


def _sin_vacios(datos: dict) -> dict:
    return {k: v for k, v in datos.items() if v not in (None, [], "")}


class EscritorLibro:
    """Los textos de la Ruta de un ``Libro``, con el informe de lo por llenar."""

    def __init__(self, libro: Libro, marco, archivo: str):
        self.libro, self.marco, self.archivo = libro, marco, archivo
        self.t = libro.tablas
        self.por_llenar: list[Nota] = []
        self.ubicados: list[Nota] = []

    def titulo(self, parte: str) -> str:
        punto = "" if parte.endswith(("?", ".")) else "."
        return f"{parte}{punto} " + _ENCABEZADO.format(archivo=self.archivo)

    def ruta(self) -> str:
        """ruta.yaml: escuela, ciclo y marco del libro, colectivo y comunidad por clave y
        función (sin nombre: por llenar) y las fuentes del presupuesto."""
        e = self.libro.escuela
        ciclos = lista(e.get("ciclos"))
        datos: dict = {"version": 1, "marco": e.get("marco"), "ciclo": e.get("ciclo")}
        if len(ciclos) > 1:
            datos["ciclos"] = ciclos
        datos["escuela"] = _sin_vacios({c: _texto(e.get(c)) for c in (
            "nombre", "cct", "nivel", "turno", "zona", "sector", "entidad", "municipio", "localidad",
            "plan_estudios")})
        colectivo, comunidad = [], []
        for r in self.t["responsables"]:
            if r.get("origen") == "comunidad":
                comunidad.append({"id": r["id"], "nombre": POR_LLENAR, "tipo": r.get("funcion")})
            else:
                colectivo.append(_sin_vacios({"id": r["id"], "nombre": POR_LLENAR,
                                              "funcion": r.get("funcion"), "grupo": r.get("grupo")}))
            self.por_llenar.append(Nota("ruta.yaml", f"{r.get('origen')} {r['id']}.nombre", "Responsables"))
        datos["colectivo"] = colectivo
        if comunidad:
            datos["comunidad"] = comunidad
        if self.t["fuentes"]:
            datos["presupuesto"] = {"fuentes": [_sin_vacios({"id": f["id"], "nombre": f.get("nombre"),
                                                             "monto": f.get("monto_centavos")})
                                                for f in self.t["fuentes"]]}
        return _yaml(datos, self.titulo("¿Quiénes somos?"))

    def prioridades(self) -> str:
        m = self.marco
        filas = []
        for p in self.t["prioridades"]:
            fila = {"id": p["id"], "orden": p.get("orden"), m.clave_valor: p.get("prioridad"),
                    "ambitos": lista(p.get("ambitos")), "descripcion": p.get("descripcion"),
                    "necesidades": lista(p.get("necesidades"))}
            filas.append(_sin_vacios(fila))
        datos = {m.clave_lista: filas}
        if self.t["no_atendidas"]:
            datos["no_atendidas"] = [_sin_vacios({m.clave_valor: n.get("prioridad"), "motivo": n.get("motivo")})
                                     for n in self.t["no_atendidas"]]
        return _yaml(datos, self.titulo(m.nombre_de("prioridades", "Prioridades")))

    def necesidades(self, base: str) -> str:
        """diagnostico.yaml como lo escribe ``ruta nueva``, con cada necesidad citada por llenar."""
        ids = sorted({n for p in self.t["prioridades"] for n in lista(p.get("necesidades"))},
                     key=lambda n: (len(n), n))
        if not ids:
            return base
        for n in ids:
            self.por_llenar.append(Nota("diagnostico.yaml", f"necesidad {n}.descripcion", "Prioridades"))
        bloque = "necesidades:\n" + "".join(f"  - {{id: {n}, descripcion: {POR_LLENAR}}}\n" for n in ids)
        return base.replace("necesidades: []\n", bloque, 1)

    def objetivos(self) -> str:
        ref = self.marco.clave_referencia
        filas = [_sin_vacios({"id": o["id"], ref: o.get("prioridad"), "que": o.get("que"),
                              "para_que": o.get("para_que")}) for o in self.t["objetivos"]]
        return _yaml({"objetivos": filas}, self.titulo("Objetivos"))

    def metas(self) -> str:
        filas = []
        for m in self.t["metas"]:
            indicador = _sin_vacios({c: m.get(k) for c, k in (
                ("nombre", "indicador"), ("unidad", "unidad"), ("formula", "formula"), ("fuente", "fuente"))})
            filas.append(_sin_vacios({
                "id": m["id"], "objetivo": m.get("objetivo"), "descripcion": m.get("descripcion"),
                "indicador": indicador or None, "sentido": m.get("sentido"),
                "linea_base": m.get("linea_base"), "valor_meta": m.get("valor_meta"),
                "fecha_limite": m.get("fecha_limite"), "ciclo": m.get("ciclo"),
                "de_que_manera": m.get("de_que_manera"), "costo": m.get("costo_centavos")}))
        return _yaml({"metas": filas}, self.titulo("Metas"))

    def acciones(self) -> str:
        filas = []
        for a in self.t["acciones"]:
            tramos = [t.split("/") for t in lista(a.get("periodos"))]
            nombres = partir_libres(a.get("nombres_periodos"), vacios=True)
            filas.append(_sin_vacios({
                "id": a["id"], "metas": lista(a.get("metas")), "actividad": a.get("actividad"),
                "ambito": a.get("ambito"), "responsables": lista(a.get("responsables")),
                "responsable_seguimiento": a.get("responsable_seguimiento"),
                "participantes": partir_libres(a.get("participantes")),
                "recursos": partir_libres(a.get("recursos")), "costo": a.get("costo_centavos"),
                "fuente": a.get("fuente"),
                "inicio": None if tramos else a.get("inicio"), "fin": None if tramos else a.get("fin"),
                "periodos": [_periodo(n, i, f, nombres) for n, (i, f) in enumerate(tramos)],
                "evidencia_esperada": a.get("evidencia_esperada"),
                **{c: a.get(c) for c in ("favorables", "obstaculos", "atenuacion")}}))
        return _yaml({"acciones": filas}, self.titulo("Acciones y compromisos"))

    def bitacora(self) -> str:
        ref = self.marco.clave_referencia
        entradas = []
        for e in self.t["entradas"]:
            n = e["entrada"]
            de = {nombre: [f for f in self.t[nombre] if f.get("entrada") == n]
                  for nombre in ("avances", "mediciones", "acuerdos", "ajustes", "ingresos", "rasgos",
                                 "balances")}
            entradas.append(_sin_vacios({
                "fecha": e.get("fecha"), "sesion": e.get("sesion"), "tipo": e.get("tipo"),
                "acciones": [_registro(r) for r in de["avances"]],
                "mediciones": [_sin_vacios({"meta": m.get("meta"), "valor": m.get("valor"),
                                            "fuente": m.get("fuente"), "nota": m.get("nota")})
                               for m in de["mediciones"]],
                "acuerdos": [a.get("texto") for a in sorted(de["acuerdos"], key=lambda a: a.get("numero") or 0)],
                "ajustes": [_sin_vacios({"descripcion": a.get("descripcion"), "acciones": lista(a.get("acciones")),
                                         "metas": lista(a.get("metas"))}) for a in de["ajustes"]],
                "ingresos": [_sin_vacios({"fuente": i.get("fuente"), "monto": i.get("monto_centavos"),
                                          "concepto": i.get("concepto")}) for i in de["ingresos"]],
                "rasgos": [_sin_vacios({c: r.get(c) for c in ("anexo", "rasgo", "valoracion", "comentario")})
                           for r in de["rasgos"]],
                "balance": [_sin_vacios({ref: b.get("prioridad"), **{c: b.get(c) for c in (
                    "valoracion", "logros", "pendientes")}}) for b in de["balances"]],
                "nota": e.get("nota")}))
        return _yaml({"entradas": entradas}, self.titulo("Bitácora"))


def _periodo(n: int, inicio: str, fin: str, nombres: list[str]) -> dict:
    """Un periodo del libro, con su nombre si lo trae (en el mismo lugar de ``nombres_periodos``)."""
    nombre = nombres[n] if n < len(nombres) and nombres[n] else None
    return _sin_vacios({"nombre": nombre, "inicio": date.fromisoformat(inicio.strip()),
                        "fin": date.fromisoformat(fin.strip())})


def _registro(r: dict) -> dict:
    return _sin_vacios({
        "accion": r.get("accion"), "estado": r.get("estado"), "avance": r.get("avance"),
        "evidencias": partir_libres(r.get("evidencias")), "gasto": r.get("gasto_centavos"),
        "comprobante": r.get("comprobante"), "nota": r.get("nota"), "nuevo_inicio": r.get("nuevo_inicio"),
        "nuevo_fin": r.get("nuevo_fin"), "conclusion": r.get("conclusion")})


def _texto(valor) -> str | None:
    return None if valor is None else str(valor)

