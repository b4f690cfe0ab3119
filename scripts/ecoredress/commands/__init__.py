"""One module per CLI command.

Each module defines ``register(subparsers)``, which adds its parser and sets
``func`` to a function ``(args) -> int`` returning the exit code. Modules are
discovered by name, so adding a command never touches ``cli.py``. Keep heavy
imports inside the command function: every module is imported at start-up. A module whose name
starts with an underscore (``_arguments``) is a helper the commands share, not a command.
"""
