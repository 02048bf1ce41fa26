"""One registry mechanism for every kind of plug-in (retrievers, judges, policies ...).

A :class:`Registry` resolves a name to a factory (a class or function), in this order:

1. ``registry.register("name")`` — a decorator for factories defined in the running process;
2. the registry's built-ins — ``name -> "package.module:attr"``, imported only when used;
3. the entry-point group ``limitbench.<kind>s`` — how installed packages announce plug-ins;
4. ``"package.module:Attr"`` — any importable factory, e.g. from a YAML config.

Creating a plug-in checks its options *before any work*: unknown option names, and values
that do not fit the factory's annotated parameter types (checked by pydantic in lax mode,
so ``"2.0"`` from a command line is a float but ``"abc"`` is not). The created object is
checked against the registry's runtime-checkable Protocol. Every error is a
:class:`~.errors.ConfigError` naming the kind and the plug-in, so the CLI reports it as one
line. (The shape follows ir_measures' providers and MTEB's model registry: a name, a lazy
import, a clear message when it cannot be used.)
"""

from __future__ import annotations

import importlib
import inspect
import re
import typing
from importlib.metadata import entry_points
from typing import Any, Callable, Generic, Mapping, TypeVar

from .errors import ConfigError

__all__ = ["Registry", "accepted_options", "check_option_types"]

T = TypeVar("T")


class Registry(Generic[T]):
    """Named factories of one kind of plug-in (see the module docstring)."""

    def __init__(
        self,
        kind: str,
        *,
        protocol: type | None = None,
        builtins: Mapping[str, str] | None = None,
        group: str | None = None,
        error: type[ConfigError] = ConfigError,
    ) -> None:
        self.kind = kind
        self.protocol = protocol
        self.group = group or f"limitbench.{kind}s"
        self.error = error
        self._builtins = dict(builtins or {})
        self._registered: dict[str, Callable[..., T]] = {}

    # -- naming --------------------------------------------------------------------------
    def register(self, name: str) -> Callable[[Any], Any]:
        """Decorator: make ``name`` resolve to the decorated factory."""

        def decorate(factory: Any) -> Any:
            self._registered[name] = factory
            return factory

        return decorate

    def names(self) -> list[str]:
        """Every name this registry knows (registered, built-in, entry points)."""
        names = set(self._registered) | set(self._builtins)
        names.update(entry.name for entry in entry_points(group=self.group))
        return sorted(names)

    def resolve(self, name: str) -> Callable[..., T]:
        """The factory behind ``name``."""
        if not isinstance(name, str) or not name:
            raise self.error(f"{self.kind}: a name is required, got {name!r}")
        if name in self._registered:
            return self._registered[name]
        if name in self._builtins:
            return self._import(self._builtins[name], shown_as=name)
        for entry in entry_points(group=self.group):
            if entry.name == name:
                return self._import(entry.value, shown_as=name)
        if ":" in name:
            return self._import(name, shown_as=name)
        known = ", ".join(self.names()) or "none"
        raise self.error(f"unknown {self.kind} {name!r} (known: {known}; or use 'package.module:Class')")

    def _import(self, target: str, *, shown_as: str) -> Callable[..., T]:
        module_name, _, attribute = target.partition(":")
        try:
            module = importlib.import_module(module_name)
        except Exception as error:  # ImportError, SyntaxError, or anything the module raises on import
            reason = f"{type(error).__name__}: {error}".splitlines()[0]
            raise self.error(f"{self.kind} {shown_as!r}: cannot import module {module_name!r} ({reason})") from None
        try:
            factory = getattr(module, attribute)
        except AttributeError:
            raise self.error(f"{self.kind} {shown_as!r}: module {module_name!r} has no attribute {attribute!r}") from None
        if not callable(factory):
            raise self.error(f"{self.kind} {shown_as!r}: {target!r} is a {type(factory).__name__}, not a class or function")
        return factory

    # -- creating ------------------------------------------------------------------------
    def check(self, name: str, options: Mapping[str, Any]) -> Callable[..., T]:
        """Resolve ``name`` and check ``options`` (names and types) without creating it."""
        factory = self.resolve(name)
        accepted = accepted_options(factory)
        if accepted is not None:
            unknown = sorted(set(options) - set(accepted))
            if unknown:
                raise self.error(
                    f"{self.kind} {name!r}: unknown option(s) {', '.join(unknown)} (accepted: {', '.join(accepted) or 'none'})"
                )
        problem = check_option_types(factory, options)
        if problem is not None:
            raise self.error(f"{self.kind} {name!r}: {problem}")
        return factory

    def create(self, name: str, **options: Any) -> T:
        """A new plug-in ``name`` with ``options``, checked against the protocol."""
        factory = self.check(name, options)
        try:
            created = factory(**options)
        except ConfigError as error:
            message = str(error)
            raise self.error(message if name in message else f"{self.kind} {name!r}: {message}") from None
        except (TypeError, ValueError) as error:
            raise self.error(f"{self.kind} {name!r}: {error}") from None
        self.check_instance(created, name=name)
        return created

    def check_instance(self, obj: Any, *, name: str) -> None:
        if self.protocol is not None and not isinstance(obj, self.protocol):
            members = ", ".join(_protocol_members(self.protocol))
            raise self.error(f"{self.kind} {name!r}: {type(obj).__name__} does not implement {self.protocol.__name__} ({members})")


def accepted_options(factory: Callable[..., Any]) -> list[str] | None:
    """Keyword options a factory accepts, or None if it takes ``**kwargs``."""
    try:
        parameters = inspect.signature(factory).parameters.values()
    except (TypeError, ValueError):
        return None
    if any(p.kind is inspect.Parameter.VAR_KEYWORD for p in parameters):
        return None
    return [p.name for p in parameters if p.kind in (p.KEYWORD_ONLY, p.POSITIONAL_OR_KEYWORD) and p.name != "self"]


def check_option_types(factory: Callable[..., Any], options: Mapping[str, Any]) -> str | None:
    """Why an option value does not fit its annotated type (None: all fit, or unannotated).

    Annotations pydantic cannot validate (a Protocol, an arbitrary class) are not checked."""
    hints = _type_hints(factory)
    for key, value in options.items():
        annotation = hints.get(key)
        if annotation is None or annotation is Any:
            continue
        adapter = _adapter(annotation)
        if adapter is None:
            continue
        try:
            adapter.validate_python(value)
        except Exception as error:  # pydantic.ValidationError
            expected = getattr(annotation, "__name__", None) or str(annotation).replace("typing.", "")
            lines = str(error).splitlines()
            detail = re.sub(r"\s*\[type=.*$", "", lines[1]).strip() if len(lines) > 1 else ""
            return f"option {key!r} must be {expected}, got {value!r}" + (f" ({detail})" if detail else "")
    return None


def _type_hints(factory: Callable[..., Any]) -> dict[str, Any]:
    target = factory.__init__ if inspect.isclass(factory) else factory
    try:
        return typing.get_type_hints(target)
    except Exception:  # an annotation naming something not importable here
        return {}


_ADAPTERS: dict[Any, Any] = {}


def _adapter(annotation: Any) -> Any:
    try:
        if annotation in _ADAPTERS:
            return _ADAPTERS[annotation]
    except TypeError:  # unhashable annotation
        return None
    try:
        from pydantic import TypeAdapter

        adapter = TypeAdapter(annotation)
    except Exception:
        adapter = None
    _ADAPTERS[annotation] = adapter
    return adapter


def _protocol_members(protocol: type) -> list[str]:
    names = getattr(protocol, "__protocol_attrs__", None)
    if names is None:
        names = [n for n in vars(protocol) if not n.startswith("_")]
    return sorted(names)
