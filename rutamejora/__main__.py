"""Permite ``python -m rutamejora``."""

# La guarda importa: con ``spawn`` (Windows, macOS) cada proceso del pool de ``ruta validar``
# importa este módulo como ``__mp_main__`` y no debe volver a correr el comando.
if __name__ == "__main__":
    from rutamejora.commands import main

    main()
