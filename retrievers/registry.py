"""Find a retriever by name — the retrievers' instance of :class:`~.plugins.Registry`.

Ways in, tried in this order:

1. ``register("name")`` — a decorator for classes defined in the running process;
2. the ``limitbench.retrievers`` entry-point group — how installed packages (and
   limitbench's own built-ins) announce retrievers;
3. ``"package.module:ClassName"`` — any importable class, e.g. from a YAML config.

Options are passed as keyword arguments; an option the class does not accept, or a
value that does not fit its annotated type, is a :class:`ConfigError` naming the
retriever (see :mod:`.plugins`).
"""

from __future__ import annotations

from typing import Any, Callable

from .errors import UnknownRetrieverError
from .plugins import Registry, accepted_options
from .protocol import Retriever

__all__ = [
    "ENTRY_POINT_GROUP",
    "RETRIEVERS",
    "register",
    "available_retrievers",
    "resolve_retriever_class",
    "check_retriever",
    "create_retriever",
    "accepted_options",
]

ENTRY_POINT_GROUP = "limitbench.retrievers"
# Built-ins come through the entry-point group, as a third-party package's would, so the
# plug-in path is exercised on every run.
RETRIEVERS: Registry[Retriever] = Registry("retriever", protocol=Retriever, group=ENTRY_POINT_GROUP)


class _UnknownName(UnknownRetrieverError):
    pass


def register(name: str) -> Callable[[Any], Any]:
    """Class decorator: make ``name`` resolve to the decorated retriever class."""
    return RETRIEVERS.register(name)


def available_retrievers() -> list[str]:
    """Names usable as ``--retriever`` (registered and entry points)."""
    return RETRIEVERS.names()


def resolve_retriever_class(name: str) -> Callable[..., Retriever]:
    """The class (or factory) behind ``name``."""
    try:
        return RETRIEVERS.resolve(name)
    except UnknownRetrieverError:
        raise
    except Exception as error:
        raise UnknownRetrieverError(str(error)) from None


def check_retriever(name: str, options: dict[str, Any]) -> Callable[..., Retriever]:
    """Resolve ``name`` and check ``options`` (names and types) without building it, so
    a run can reject a bad config before it loads any data."""
    resolve_retriever_class(name)
    return RETRIEVERS.check(name, options)


def create_retriever(name: str, **options: Any) -> Retriever:
    """Instantiate the retriever called ``name`` with ``options``; check it follows the protocol."""
    resolve_retriever_class(name)
    return RETRIEVERS.create(name, **options)
