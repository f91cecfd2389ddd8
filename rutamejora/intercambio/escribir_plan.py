"""El plan reconocido como texto YAML de la Ruta: cada cosa en su archivo, con su id.

Se parte de los siete archivos de una Ruta nueva (``escritura``: las preguntas, el calendario,
los campos del plan de estudios) y se reemplazan sus listas vacías por lo que dijo el
documento. Lo que el documento no dice queda vacío («por llenar»: ``ruta validar`` lo avisa
con RM120, nunca es un error) y lo que dice pero el formato no puede guardar (el seguimiento,
una frecuencia, una columna sin campo, un texto que no se entendió) va como comentario justo
encima de la entrada a la que pertenece. Todo texto pasa por el detector de datos personales
antes de escribirse (``Enmascarador``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from rutamejora.escritura.plantillas_nueva import comentario, escalar
from rutamejora.intercambio.lectura_escolar import (leer_costo, leer_meta, leer_tiempo,
                                                    partir_objetivo, renglones, semanas_y_meses)
from rutamejora.intercambio.personas import Personas
from rutamejora.intercambio.plan import Plan
from rutamejora.intercambio.sinonimos import plegar


@dataclass
class Nota:
    """Una línea del informe: qué (``que``), en qué archivo y de qué lugar del documento."""

    archivo: str
    que: str
    lugar: str
    texto: str = ""


@dataclass
class Escrito:
    """Lo que se escribió y lo que se dice de ello en el informe."""

    textos: dict[str, str] = field(default_factory=dict)      # archivo → YAML
    ubicados: list[Nota] = field(default_factory=list)
    comentarios: list[Nota] = field(default_factory=list)
    interpretados: list[Nota] = field(default_factory=list)
    por_llenar: list[Nota] = field(default_factory=list)
    cuentas: dict[str, int] = field(default_factory=dict)
    # Una celda con un solo costo para varias acciones (``que``: «A3 y A4»): el CTE lo reparte.
    por_repartir: list[Nota] = field(default_factory=list)


class Escritor:
    """Arma los bloques YAML de un plan con el marco y el calendario del ciclo."""

    def __init__(self, plan: Plan, marco, ciclo: str, ciclos: list[str], limites: tuple[date, date],
                 privado):
        self.plan, self.marco, self.ciclo, self.ciclos = plan, marco, ciclo, ciclos
        self.limites, self.privado = limites, privado
        self.personas = Personas()
        self.escrito = Escrito()
        self._comentarios: dict[str, list[str]] = {}

    # -- ayudas ----------------------------------------------------------------------------

    def texto(self, valor: str, archivo: str, donde: str) -> str:
        return self.privado.limpio(" ".join(str(valor).split()), archivo, donde)

    def comentar(self, archivo: str, donde: str, lugar: str, texto: str, que: str, destino: list) -> None:
        limpio = self.privado.limpio(" ".join(str(texto).split()), archivo, donde)
        destino.append(comentario(f"{que} ({lugar}): {limpio}", sangria="  # "))
        self.escrito.comentarios.append(Nota(archivo, f"{donde}: {que}", lugar, limpio))

    def falta(self, archivo: str, donde: str, campo: str, lugar: str) -> None:
        self.escrito.por_llenar.append(Nota(archivo, f"{donde}.{campo}", lugar))

    def estado(self, entidad: str, campo: str, requerido: bool) -> str:
        propio = self.marco.estado(entidad, campo)
        return propio or ("requerido" if requerido else "opcional")

    # -- prioridades y necesidades ---------------------------------------------------------------

    def _valor_del_marco(self, texto: str) -> str | None:
        plano = plegar(texto)
        if not plano:
            return None
        mejor = None
        for valor in self.marco.valores("agrupacion"):
            for nombre in [valor.get("clave", ""), valor.get("nombre", ""), *(valor.get("sinonimos") or [])]:
                n = plegar(nombre)
                if n and (n == plano or f" {n} " in f" {plano} " or (len(plano) > 8 and f" {plano} " in f" {n} ")):
                    if mejor is None or len(n) > mejor[0]:
                        mejor = (len(n), valor["clave"])
        return mejor[1] if mejor else None

    def prioridades(self) -> tuple[str, str]:
        """(bloque de prioridades.yaml, bloque de necesidades de diagnostico.yaml)."""
        m = self.marco
        lineas, necesidades = [f"{m.clave_lista}:"], ["necesidades:"]
        n_necesidad = 0
        for i, a in enumerate(self.plan.agrupaciones, start=1):
            pid = f"P{i}"
            lineas.append(f"  - id: {pid}")
            if self.marco.valores("agrupacion"):
                valor = self._valor_del_marco(a.texto)
                lineas.append(f"    {m.clave_valor}: {escalar(valor)}".rstrip())
                if valor is None:
                    self.falta("prioridades.yaml", pid, m.clave_valor, a.lugar)
                else:
                    self.escrito.interpretados.append(Nota("prioridades.yaml", f"{pid}: {m.clave_valor} {valor}",
                                                           a.lugar, a.texto))
            if self.estado("prioridad", "orden", False) == "requerido":
                # La jerarquía que pide el marco es el orden del documento: se dice, no se calla.
                lineas.append(f"    orden: {i}")
                self.escrito.interpretados.append(Nota("prioridades.yaml", f"{pid}.orden: {i} (su lugar en el "
                                                       "documento)", a.lugar))
            descripcion = self.texto(a.texto, "prioridades.yaml", pid) if a.texto else None
            lineas.append(f"    descripcion: {escalar(descripcion)}".rstrip())
            if descripcion is None:
                self.falta("prioridades.yaml", pid, "descripcion", a.lugar)
            if self.estado("prioridad", "ambitos", False) == "requerido":
                lineas.append("    ambitos:")
                self.falta("prioridades.yaml", pid, "ambitos", a.lugar)
            if descripcion:
                n_necesidad += 1
                lineas.append(f"    necesidades: [N{n_necesidad}]")
                necesidades.append(f"  - id: N{n_necesidad}")
                necesidades.append(f"    descripcion: {escalar(descripcion)}")
                self.escrito.interpretados.append(Nota("diagnostico.yaml", f"N{n_necesidad}: la necesidad que "
                                                       f"atiende {pid} (su texto)", a.lugar))
            else:
                lineas.append("    necesidades:")
                self.falta("prioridades.yaml", pid, "necesidades", a.lugar)
            self.escrito.ubicados.append(Nota("prioridades.yaml", pid, a.lugar, descripcion or ""))
        return ("\n".join(lineas) if len(lineas) > 1 else f"{m.clave_lista}: []",
                "\n".join(necesidades) if len(necesidades) > 1 else "necesidades: []")

    # -- objetivos ---------------------------------------------------------------------------------

    def objetivos(self) -> str:
        lineas = ["objetivos:"]
        for i, o in enumerate(self.plan.objetivos, start=1):
            oid = f"O{i}"
            que, para_que = partir_objetivo(o.texto)
            que = self.texto(que, "objetivos.yaml", oid) if que else None
            lineas += [f"  - id: {oid}", f"    {self.marco.clave_referencia}: P{o.agrupacion + 1}",
                       f"    que: {escalar(que)}".rstrip()]
            if que is None:
                self.falta("objetivos.yaml", oid, "que", o.lugar)
            if para_que:
                lineas.append(f"    para_que: {escalar(self.texto(para_que, 'objetivos.yaml', oid))}")
            else:
                lineas.append("    para_que:")
                self.falta("objetivos.yaml", oid, "para_que", o.lugar)
            if que is not None:
                self.escrito.ubicados.append(Nota("objetivos.yaml", oid, o.lugar, que))
        return "\n".join(lineas) if len(lineas) > 1 else "objetivos: []"

    # -- metas -------------------------------------------------------------------------------------

    # Larga a propósito: una meta tiene diez campos y cada uno se escribe o se deja por llenar aquí.
    def metas(self) -> str:
        lineas = ["metas:"]
        for i, m in enumerate(self.plan.metas, start=1):
            mid = f"M{i}"
            leida = leer_meta(m.texto, self.ciclo, self.limites[1])
            descripcion = self.texto(m.texto, "metas.yaml", mid) if m.texto else None
            lineas += [f"  - id: {mid}", f"    objetivo: {f'O{m.objetivo + 1}' if m.objetivo is not None else ''}".rstrip(),
                       f"    descripcion: {escalar(descripcion)}".rstrip(), "    indicador:"]
            if descripcion is None:
                self.falta("metas.yaml", mid, "descripcion", m.lugar)
            if m.objetivo is None:
                self.falta("metas.yaml", mid, "objetivo", m.lugar)
            indicador = self.texto(m.indicador, "metas.yaml", mid) if m.indicador else None
            formula = indicador if indicador and any(s in indicador for s in ("/", "÷", "×", "x 100", "*100")) else None
            nombre = re.split(r"\s*[/÷]\s*", formula)[0].strip() if formula else indicador
            lineas.append(f"      nombre: {escalar(nombre)}".rstrip())
            lineas.append(f"      unidad: {escalar(leida.unidad)}".rstrip())
            if indicador is None:
                self.falta("metas.yaml", mid, "indicador.nombre", m.lugar)
            if leida.unidad is None:
                self.falta("metas.yaml", mid, "indicador.unidad", m.lugar)
            if formula:
                lineas.append(f"      formula: {escalar(formula)}")
            elif self.estado("indicador", "formula", False) == "requerido":
                lineas.append("      formula:")
                self.falta("metas.yaml", mid, "indicador.formula", m.lugar)
            for campo, valor in (("sentido", leida.sentido), ("linea_base", leida.linea_base),
                                 ("valor_meta", leida.valor_meta), ("fecha_limite", leida.fecha_limite)):
                lineas.append(f"    {campo}: {escalar(valor)}".rstrip())
                if valor is None:
                    self.falta("metas.yaml", mid, campo, m.lugar)
                else:
                    self.escrito.interpretados.append(Nota("metas.yaml", f"{mid}.{campo}: {escalar(valor)}",
                                                           m.lugar))
            if self.estado("meta", "ciclo", False) == "requerido" or len(self.ciclos) > 1:
                ciclo = leida.ciclo if leida.ciclo in self.ciclos else self.ciclo
                lineas.append(f"    ciclo: {ciclo}")
            if descripcion is not None:
                self.escrito.ubicados.append(Nota("metas.yaml", mid, m.lugar, descripcion))
        return "\n".join(lineas) if len(lineas) > 1 else "metas: []"

    # -- acciones ----------------------------------------------------------------------------------

    # Larga a propósito: cada campo de una acción (responsables, recursos, costo, tiempos,
    # evidencia) se lee de su celda o se deja por llenar, con su comentario si no se entendió.
    def acciones(self) -> str:
        lineas = ["acciones:"]
        for i, a in enumerate(self.plan.acciones, start=1):
            aid, archivo, notas = f"A{i}", "acciones.yaml", []
            campos = a.campos
            tiempo = leer_tiempo(campos.get("tiempo", ""), self.ciclo, self.limites) \
                if campos.get("tiempo") else None
            actividad = self.texto(a.texto, archivo, aid)
            cuerpo = [f"    metas: [{', '.join(f'M{m + 1}' for m in a.metas)}]" if a.metas else "    metas:",
                      f"    actividad: {escalar(actividad)}"]
            if not a.metas:
                self.falta(archivo, aid, "metas", a.lugar)
            ids, sueltas = self.personas.responsables("\n".join(renglones(campos.get("responsables", ""))))
            cuerpo.append(f"    responsables: [{', '.join(ids)}]" if ids else "    responsables:")
            if not ids:
                self.falta(archivo, aid, "responsables", a.lugar)
            if sueltas:
                self.comentar(archivo, aid, a.lugar, ", ".join(sueltas), "Responsables sin función reconocida", notas)
            if self.estado("accion", "responsable_seguimiento", False) == "requerido":
                cuerpo.append("    responsable_seguimiento:")
                self.falta(archivo, aid, "responsable_seguimiento", a.lugar)
            recursos = [self.texto(r, archivo, aid) for r in renglones(campos.get("recursos", ""))]
            if recursos:
                cuerpo.append("    recursos:")
                cuerpo += [f"      - {escalar(r)}" for r in recursos]
            else:
                cuerpo.append("    recursos:")
                self.falta(archivo, aid, "recursos", a.lugar)
            cuerpo += self._costo(a, aid, tiempo, notas)
            cuerpo += self._tiempos(a, aid, tiempo, notas)
            if campos.get("evidencia"):
                cuerpo.append(f"    evidencia_esperada: {escalar(self.texto(campos['evidencia'], archivo, aid))}")
            elif self.estado("accion", "evidencia_esperada", False) == "requerido":
                cuerpo.append("    evidencia_esperada:")
                self.falta(archivo, aid, "evidencia_esperada", a.lugar)
            if campos.get("seguimiento"):
                self.comentar(archivo, aid, a.lugar, campos["seguimiento"], "Seguimiento", notas)
            if campos.get("ambito_accion"):
                self.comentar(archivo, aid, a.lugar, campos["ambito_accion"], "Ámbito de gestión", notas)
            for titulo, texto in a.otros:
                self.comentar(archivo, aid, a.lugar, texto, " ".join(titulo.split()), notas)
            lineas += notas + [f"  - id: {aid}"] + cuerpo
            self.escrito.ubicados.append(Nota(archivo, aid, a.lugar, actividad))
        return "\n".join(lineas) if len(lineas) > 1 else "acciones: []"

    def _costo(self, a, aid: str, tiempo, notas: list) -> list[str]:
        texto = a.campos.get("costo", "")
        requerido = self.estado("accion", "costo", True) == "requerido"
        if not texto:
            if requerido:
                self.falta("acciones.yaml", aid, "costo", a.lugar)
                return ["    costo:"]
            return []
        costo = leer_costo(texto)
        if costo is None:
            self.comentar("acciones.yaml", aid, a.lugar, texto, "Costo que no se entendió", notas)
            self.falta("acciones.yaml", aid, "costo", a.lugar)
            return ["    costo:"]
        if len(a.costo_con) > 1 and costo.total != 0:
            return self._costo_compartido(a, aid, texto, notas)
        if costo.total is not None:
            return [f"    costo: {costo.total}"]
        if tiempo is None:
            self.comentar("acciones.yaml", aid, a.lugar, texto, "Costo periódico sin tiempos para multiplicarlo", notas)
            self.falta("acciones.yaml", aid, "costo", a.lugar)
            return ["    costo:"]
        semanas, meses = semanas_y_meses(tiempo.periodos)
        if costo.por_semana is not None:
            self.escrito.interpretados.append(Nota("acciones.yaml", f"{aid}.costo: {costo.por_semana} por semana "
                                                   f"× {semanas} semanas (de sus tiempos)", a.lugar, texto))
            return [f"    costo: {{por_semana: {costo.por_semana}, semanas: {semanas}}}"]
        self.escrito.interpretados.append(Nota("acciones.yaml", f"{aid}.costo: {costo.por_mes} por mes "
                                               f"× {meses} meses (de sus tiempos)", a.lugar, texto))
        return [f"    costo: {{por_mes: {costo.por_mes}, meses: {meses}}}"]

    def _costo_compartido(self, a, aid: str, texto: str, notas: list) -> list[str]:
        """Un costo escrito una vez para varias acciones no es el de cada una: copiarlo lo
        contaría dos veces. Queda por llenar en cada una, con el texto de la celda y quiénes lo
        comparten, y el informe lo dice una vez para que el CTE lo reparta. («Sin costo» sí vale
        para todas: cero repartido es cero.)"""
        ids = [f"A{i}" for i, otra in enumerate(self.plan.acciones, start=1) if any(otra is x for x in a.costo_con)]
        juntas = ", ".join(ids[:-1]) + " y " + ids[-1]
        self.comentar("acciones.yaml", aid, a.lugar, texto, f"Costo de {juntas} juntas, por repartir", notas)
        self.falta("acciones.yaml", aid, "costo", a.lugar)
        if a is a.costo_con[0]:  # el texto ya enmascarado del comentario: un dato se lista una vez
            self.escrito.por_repartir.append(Nota("acciones.yaml", juntas, a.lugar, self.escrito.comentarios[-1].texto))
        return ["    costo:"]

    def _tiempos(self, a, aid: str, tiempo, notas: list) -> list[str]:
        texto = a.campos.get("tiempo", "")
        if tiempo is None:
            if texto:
                self.comentar("acciones.yaml", aid, a.lugar, texto, "Tiempo que no se entendió", notas)
            self.falta("acciones.yaml", aid, "inicio", a.lugar)
            return ["    inicio:", "    fin:"]
        if tiempo.frecuencia:
            self.comentar("acciones.yaml", aid, a.lugar, texto, f"Tiempo del documento (frecuencia: {tiempo.frecuencia})",
                          notas)
        rangos = ", ".join(f"{i.isoformat()} a {f.isoformat()}" for i, f in tiempo.periodos)
        self.escrito.interpretados.append(Nota("acciones.yaml", f"{aid}: «{' '.join(texto.split())}» → {rangos}", a.lugar))
        if len(tiempo.periodos) == 1:
            inicio, fin = tiempo.periodos[0]
            return [f"    inicio: {inicio.isoformat()}", f"    fin: {fin.isoformat()}"]
        return ["    periodos:"] + [f"      - {{inicio: {i.isoformat()}, fin: {f.isoformat()}}}" for i, f in tiempo.periodos]

    # -- personas ----------------------------------------------------------------------------------

    def colectivo(self) -> tuple[str, str | None]:
        """(bloque de ``colectivo``, bloque de ``comunidad`` o None) con las personas halladas."""
        lineas = ["colectivo:"]
        for p in self.personas.colectivo:
            grupo = f", grupo: {escalar(p.grupo, flujo=True)}" if p.grupo else ""
            lineas.append(f"  - {{id: {p.id}, nombre: {escalar(p.nombre, flujo=True)}, funcion: {p.funcion}{grupo}}}")
            self.escrito.ubicados.append(Nota("ruta.yaml", f"colectivo {p.id}", "responsables", p.nombre))
        comunidad = None
        if self.personas.comunidad:
            comunidad = "\n".join(["comunidad:"] + [
                f"  - {{id: {p.id}, nombre: {escalar(p.nombre, flujo=True)}, tipo: {p.tipo}}}"
                for p in self.personas.comunidad])
        return ("\n".join(lineas) if len(lineas) > 1 else "colectivo: []"), comunidad

    def sueltos(self) -> dict[str, list[str]]:
        """Los comentarios de texto suelto, por archivo (van al final de cada uno)."""
        por_archivo: dict[str, list[str]] = {}
        for s in self.plan.sueltos:
            limpio = self.privado.limpio(" ".join(s.texto.split()), s.archivo, "texto suelto")
            por_archivo.setdefault(s.archivo, []).append(comentario(f"({s.lugar}) {limpio}"))
            self.escrito.comentarios.append(Nota(s.archivo, "texto suelto", s.lugar, limpio))
        return por_archivo
