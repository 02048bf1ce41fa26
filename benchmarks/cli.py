"""The ``limitbench`` command line.

Sub-commands live one per module in :mod:`limitbench.benchmarks.commands`; each
module defines ``register(app)``. They are discovered at start-up, so adding a
command never means editing this file.

Exit statuses, each with at most one line on stderr and no traceback: 2 for bad input
(every :class:`LimitbenchError`, and command-line usage errors such as ``--k abc``);
1 for a failure of the system around the run (an ``OSError``: disk full, a file
vanished); 130 for Ctrl-C and 143 for SIGTERM, after the run has removed its staging
folders. ``LIMITBENCH_TRACEBACK=1`` shows the traceback of an ``OSError`` instead.
"""

from __future__ import annotations

import importlib
import os
import pkgutil
import signal
import sys

import click
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


def _click_exceptions(name: str) -> tuple[type[BaseException], ...]:
    """Click's exception class ``name``, from click and from the copy typer vendors."""
    found = [getattr(click.exceptions, name)]
    try:
        from typer._click import exceptions as vendored  # typer >= 0.25 ships its own click
    except ImportError:
        vendored = None
    if vendored is not None and hasattr(vendored, name):
        found.append(getattr(vendored, name))
    return tuple(found)


_USAGE_ERRORS = _click_exceptions("UsageError")
_CLICK_ERRORS = _click_exceptions("ClickException")
_ABORTS = _click_exceptions("Abort")


class _Terminated(BaseException):
    """SIGTERM, raised in the main thread so that ``finally`` blocks clean up."""


def _on_sigterm(signum: int, frame: object) -> None:
    raise _Terminated()


def _fail(message: str, status: int) -> None:
    print(f"limitbench: {message}".replace("\n", " "), file=sys.stderr)
    raise SystemExit(status)


def main(argv: list[str] | None = None) -> None:
    if signal.getsignal(signal.SIGTERM) is signal.SIG_DFL:
        signal.signal(signal.SIGTERM, _on_sigterm)
    try:
        status = app(args=argv, standalone_mode=False)
    except LimitbenchError as error:
        _fail(f"error: {error}", 2)
    except _USAGE_ERRORS as error:
        if not error.format_message():  # no arguments at all: the help was shown
            raise SystemExit(2) from None
        context = getattr(error, "ctx", None)
        hint = f" (see '{context.command_path} --help')" if context is not None else ""
        _fail(f"error: {error.format_message()}{hint}", 2)
    except _CLICK_ERRORS as error:
        _fail(f"error: {error.format_message()}", 2)
    except (KeyboardInterrupt, *_ABORTS):
        _fail("interrupted", 130)
    except _Terminated:
        _fail("terminated", 143)
    except BrokenPipeError:  # `limitbench run | head`: the reader left; nothing more to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        raise SystemExit(0) from None
    except OSError as error:
        if os.environ.get("LIMITBENCH_TRACEBACK"):
            raise
        where = f": {error.filename}" if error.filename else ""
        _fail(f"error: {error.strerror or error}{where}", 1)
    if status == 130:  # typer turns Ctrl-C into this status
        _fail("interrupted", 130)
    raise SystemExit(status or 0)


if __name__ == "__main__":
    main()
