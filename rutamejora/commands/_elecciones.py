"""Las opciones con valores fijos (``--tipo rendicion``, ``-a comunidad``, ``-f json``) de todos
los comandos, con un solo tipo de Click: ``Eleccion``.

Quien escribe en español pone acentos y mayúsculas («rendición», «Comunidad»): se aceptan, porque
los valores se comparan sin ellos (``clave_de_eleccion``, que también usa el atajo de
``validar``, sin Click). Un valor que no es ninguno dice cuáles hay, en un renglón, y sugiere el
más parecido («¿Quisiste decir `rendicion`?»). ``_aplicacion`` hace que Typer cree este tipo
para cada opción de un ``Enum``: ningún comando tiene que pedirlo.
"""

from __future__ import annotations

from enum import Enum

import click

from rutamejora.commands._comun import clave_de_eleccion


def en_lista(valores) -> str:
    """«planeacion, seguimiento, rendicion o zona»."""
    valores = list(valores)
    if len(valores) < 2:
        return "".join(valores)
    return f"{', '.join(valores[:-1])} o {valores[-1]}"


class Eleccion(click.Choice):
    """Un ``click.Choice`` que acepta cada valor sin importar acentos ni mayúsculas y sugiere el
    más parecido al que no es ninguno. Los valores de un ``Enum`` se escriben con su valor, no
    con su nombre, como en el ``TyperChoice`` de Typer al que reemplaza."""

    def normalize_choice(self, choice, ctx) -> str:
        return str(choice.value) if isinstance(choice, Enum) else str(choice)

    def convert(self, value, param, ctx):
        buscada = clave_de_eleccion(self.normalize_choice(value, ctx))
        for original, escrita in self._normalized_mapping(ctx=ctx).items():
            if clave_de_eleccion(escrita) == buscada:
                return original
        self.fail(self.get_invalid_choice_message(value=value, ctx=ctx), param=param, ctx=ctx)

    def get_invalid_choice_message(self, value, ctx) -> str:
        validas = list(self._normalized_mapping(ctx=ctx).values())
        mensaje = f"«{value}» no es ninguna de las opciones: {en_lista(validas)}."
        # La misma sugerencia que `ruta validar` da para claves y valores (sin acentos ni mayúsculas).
        from rutamejora.formato import sugerir

        parecida = sugerir(str(value), validas)
        if parecida is not None:
            mensaje += f" ¿Quisiste decir `{parecida}`?"
        return mensaje

    def get_missing_message(self, param, ctx) -> str:
        return f"Elige entre: {en_lista(self._normalized_mapping(ctx=ctx).values())}."
