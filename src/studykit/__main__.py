"""``python -m studykit`` runs the command-line interface."""

from studykit.cli import main

main()
