"""User-facing errors.

Anything raised as :class:`LimitbenchError` is reported by the CLI as one line on
stderr with a non-zero exit and no traceback, so its message must name the file,
field or line at fault.
"""

from __future__ import annotations

__all__ = ["LimitbenchError", "DataError", "ConfigError", "OfflineError", "UnknownRetrieverError"]


class LimitbenchError(Exception):
    """Base class for errors whose message is meant for the user."""


class DataError(LimitbenchError):
    """A dataset file is missing, malformed or inconsistent."""


class ConfigError(LimitbenchError, ValueError):
    """A configuration value or option is invalid (a ValueError too, so pydantic validators can raise it)."""


class OfflineError(LimitbenchError):
    """A resource needs the network (model or dataset hub) and none is reachable."""


class UnknownRetrieverError(ConfigError):
    """No retriever is registered under the requested name."""
