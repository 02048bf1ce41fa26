"""Find a retriever by name.

Three ways in, tried in this order:

1. ``register("name")`` — a decorator for classes defined in the running process;
2. the ``limitbench.retrievers`` entry-point group — how installed packages (and
   limitbench's own built-ins) announce retrievers;
3. ``"package.module:ClassName"`` — any importable class, e.g. from a YAML config.

Options are passed as keyword arguments; an option the class does not accept is a
:class:`ConfigError` naming the retriever and the options it does accept.
"""

from __future__ import annotations

import importlib
import inspect
from importlib.metadata import entry_points
from typing import Any, Callable, TypeVar

from .errors import ConfigError, UnknownRetrieverError
from .protocol import Retriever

__all__ = [
    "ENTRY_POINT_GROUP",
    "register",
    "available_retrievers",
    "resolve_retriever_class",
    "check_retriever",
    "create_retriever",
]

ENTRY_POINT_GROUP = "limitbench.retrievers"
_REGISTERED: dict[str, Callable[..., Retriever]] = {}
T = TypeVar("T")


def register(name: str) -> Callable[[T], T]:
    """Class decorator: make ``name`` resolve to the decorated retriever class."""

    def decorate(factory: T) -> T:
        _REGISTERED[name] = factory  # type: ignore[assignment]
        return factory

    return decorate


def available_retrievers() -> list[str]:
    """Names usable as ``--retriever`` (registered and entry points)."""
    names = set(_REGISTERED)
    names.update(ep.name for ep in entry_points(group=ENTRY_POINT_GROUP))
    return sorted(names)


def _import_target(target: str, *, shown_as: str) -> Callable[..., Retriever]:
    module_name, _, attribute = target.partition(":")
    try:
        module = importlib.import_module(module_name)
    except ImportError as error:
        raise UnknownRetrieverError(f"retriever {shown_as!r}: cannot import module {module_name!r} ({error})") from None
    try:
        return getattr(module, attribute)
    except AttributeError:
        raise UnknownRetrieverError(f"retriever {shown_as!r}: module {module_name!r} has no attribute {attribute!r}") from None


def resolve_retriever_class(name: str) -> Callable[..., Retriever]:
    """The class (or factory) behind ``name``."""
    if name in _REGISTERED:
        return _REGISTERED[name]
    for entry in entry_points(group=ENTRY_POINT_GROUP):
        if entry.name == name:
            return _import_target(entry.value, shown_as=name)
    if ":" in name:
        return _import_target(name, shown_as=name)
    known = ", ".join(available_retrievers())
    raise UnknownRetrieverError(f"unknown retriever {name!r} (known: {known}; or use 'package.module:Class')")


def accepted_options(factory: Callable[..., Any]) -> list[str] | None:
    """Keyword options a factory accepts, or None if it takes ``**kwargs``."""
    parameters = inspect.signature(factory).parameters.values()
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return None
    return [p.name for p in parameters if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name != "self"]


def check_retriever(name: str, options: dict[str, Any]) -> Callable[..., Retriever]:
    """Resolve ``name`` and check ``options`` against its signature, without building it
    (so a run can reject a bad config before it loads any data)."""
    factory = resolve_retriever_class(name)
    accepted = accepted_options(factory)
    if accepted is not None:
        unknown = sorted(set(options) - set(accepted))
        if unknown:
            raise ConfigError(
                f"retriever {name!r}: unknown option(s) {', '.join(unknown)} (accepted: {', '.join(accepted) or 'none'})"
            )
    return factory


def create_retriever(name: str, **options: Any) -> Retriever:
    """Instantiate the retriever called ``name`` with ``options``; check it follows the protocol."""
    factory = check_retriever(name, options)
    try:
        retriever = factory(**options)
    except (TypeError, ValueError) as error:
        raise ConfigError(f"retriever {name!r}: {error}") from None
    if not isinstance(retriever, Retriever):
        raise ConfigError(f"retriever {name!r}: {type(retriever).__name__} does not implement index()/search()/name")
    return retriever
