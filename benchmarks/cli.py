"""The ``limitbench`` command line.

Sub-commands live one per module in :mod:`limitbench.benchmarks.commands`; each
module defines ``register(app)``. They are discovered at start-up, so adding a
command never means editing this file. Every :class:`LimitbenchError` becomes one
line on stderr and exit status 2, without a traceback.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys

import typer

from limitbench.retrievers.errors import LimitbenchError

from . import commands

__all__ = ["app", "main"]

app = typer.Typer(
    name="limitbench",
    help="Compare dense, late-interaction, BM25 and agentic retrievers on LIMIT and numeric queries.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)


def _register_commands() -> None:
    for module_info in sorted(pkgutil.iter_modules(commands.__path__), key=lambda m: m.name):
        module = importlib.import_module(f"{commands.__name__}.{module_info.name}")
        register = getattr(module, "register", None)
        if callable(register):
            register(app)


_register_commands()


def main(argv: list[str] | None = None) -> None:
    try:
        app(args=argv, standalone_mode=True)
    except LimitbenchError as error:
        print(f"limitbench: error: {error}", file=sys.stderr)
        raise SystemExit(2) from None
    except KeyboardInterrupt:
        print("limitbench: interrupted", file=sys.stderr)
        raise SystemExit(130) from None


if __name__ == "__main__":
    main()
