"""Reading YAML configs into pydantic models, with errors that name the file, line or field."""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from limitbench.retrievers.errors import ConfigError

__all__ = ["read_yaml_mapping", "validate_config"]

M = TypeVar("M", bound=BaseModel)


def read_yaml_mapping(path: str | Path, *, what: str = "config") -> dict[str, Any]:
    """The YAML mapping in ``path`` (an empty file is an empty mapping)."""
    file = Path(path)
    try:
        raw = file.read_bytes()
        data = yaml.safe_load(raw.decode("utf-8"))
    except FileNotFoundError:
        raise ConfigError(f"{file}: {what} file not found") from None
    except UnicodeDecodeError as error:
        line = raw.count(b"\n", 0, error.start) + 1
        raise ConfigError(f"{file}:{line}: not UTF-8 (byte 0x{raw[error.start]:02x})") from None
    except OSError as error:
        raise ConfigError(f"{file}: cannot read {what} ({error.strerror or error})") from None
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        raise ConfigError(f"{file}{where}: invalid YAML ({getattr(error, 'problem', error)})") from None
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise ConfigError(f"{file}: a {what} must be a YAML mapping")
    return data


def validate_config(model: type[M], data: dict[str, Any], *, source: str) -> M:
    """``model.model_validate(data)``; the first error becomes ``source: field a.b: message``."""
    try:
        return model.model_validate(data)
    except ValidationError as error:
        first = error.errors()[0]
        location = ".".join(str(part) for part in first["loc"]) or "(top level)"
        message = first["msg"].removeprefix("Value error, ")
        raise ConfigError(f"{source}: field {location}: {message}") from None
