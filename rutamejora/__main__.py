"""Permite ``python -m rutamejora``."""

from rutamejora.commands import main

main()
