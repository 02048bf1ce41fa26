"""Structured calls to any OpenAI-compatible chat-completions endpoint.

Works with OpenAI, vLLM (``vllm serve MODEL`` -> ``http://HOST:8000/v1``) and Ollama
(``http://localhost:11434/v1``). Replies are requested as JSON matching a JSON Schema
(``response_format={"type": "json_schema", ...}``) and validated with pydantic; a
reply that is not valid JSON for the schema counts as a fault and is retried, as are
timeouts, connection errors, 5xx and 429. Retries wait ``backoff * 2**attempt``
seconds (exponential backoff). When every attempt failed, :class:`LLMFailure` is
raised and the policy falls back to its heuristic for that step.

Settings come from the ``llm`` option or the environment: ``base_url``
(``OPENAI_BASE_URL``), ``model`` (``LIMITBENCH_LLM_MODEL``) and the API key from the
variable named by ``api_key_env`` (default ``OPENAI_API_KEY``). The key itself is
never accepted in a config (configs are copied into results), and never appears in
traces, notes or logs: failures are reported by error type and status code only.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass
from typing import Any, Mapping, TypeVar

from pydantic import BaseModel, ValidationError

from limitbench.retrievers.errors import ConfigError

from .budget import Meter

__all__ = ["LLMSettings", "LLMClient", "LLMFailure", "settings_from"]

T = TypeVar("T", bound=BaseModel)
_SETTINGS = ("base_url", "model", "api_key_env", "timeout", "max_retries", "backoff", "temperature", "max_tokens")
_RETRYABLE_STATUS = {408, 409, 429}


@dataclass(frozen=True, slots=True)
class LLMSettings:
    model: str
    base_url: str | None = None
    api_key_env: str = "OPENAI_API_KEY"
    timeout: float = 30.0
    max_retries: int = 2
    backoff: float = 0.5
    temperature: float = 0.0
    max_tokens: int = 800


def settings_from(options: Mapping[str, Any] | None) -> LLMSettings:
    """Validated settings from the ``llm`` option, filled from the environment."""
    options = dict(options or {})
    if "api_key" in options:
        raise ConfigError(
            "agent option llm.api_key: put the key in an environment variable and name it with llm.api_key_env "
            "(configs are copied into results; keys must not be)"
        )
    unknown = sorted(set(options) - set(_SETTINGS))
    if unknown:
        raise ConfigError(f"agent option 'llm': unknown key(s) {', '.join(unknown)} (accepted: {', '.join(_SETTINGS)})")
    model = options.pop("model", None) or os.environ.get("LIMITBENCH_LLM_MODEL")
    if not model:
        raise ConfigError("agent policy 'llm' needs a model: set llm.model or $LIMITBENCH_LLM_MODEL")
    base_url = options.pop("base_url", None) or os.environ.get("OPENAI_BASE_URL") or None
    try:
        settings = LLMSettings(model=str(model), base_url=base_url, **options)
        if settings.timeout <= 0 or settings.max_retries < 0 or settings.backoff < 0:
            raise ValueError("timeout must be > 0, max_retries and backoff >= 0")
    except (TypeError, ValueError) as error:
        raise ConfigError(f"agent option 'llm': {error}") from None
    return settings


class LLMFailure(Exception):
    """Every attempt failed (or no token budget was left); the message names no secret."""


class LLMClient:
    """A thin retrying, validating wrapper around ``openai.OpenAI``."""

    def __init__(self, settings: LLMSettings, *, api_key: str | None = None) -> None:
        import openai

        self.settings = settings
        key = api_key or os.environ.get(settings.api_key_env) or "EMPTY"  # local servers accept any key
        # retries are ours (they also cover invalid JSON), so the library's are off
        self._client = openai.OpenAI(base_url=settings.base_url, api_key=key, timeout=settings.timeout, max_retries=0)
        self._openai = openai

    def __repr__(self) -> str:  # never show the key
        return f"LLMClient(model={self.settings.model!r}, base_url={self.settings.base_url!r})"

    def structured(self, *, schema: type[T], name: str, system: str, user: str, meter: Meter) -> T:
        """One validated reply of type ``schema``; spends tokens and counts faults in ``meter``."""
        request = {
            "model": self.settings.model,
            "messages": [{"role": "system", "content": system}, {"role": "user", "content": user}],
            "response_format": {
                "type": "json_schema",
                "json_schema": {"name": name, "schema": schema.model_json_schema(), "strict": True},
            },
            "temperature": self.settings.temperature,
            "max_tokens": self.settings.max_tokens,
        }
        last = "no attempt"
        for attempt in range(self.settings.max_retries + 1):
            if meter.tokens_left() <= 0:
                raise LLMFailure(f"{name}: LLM token budget spent")
            try:
                return self._attempt(request, schema, meter)
            except _Retry as problem:
                last = str(problem)
                meter.add(faults=1)
                meter.note(f"llm {name} attempt {attempt + 1}: {last}")
                if not problem.retryable:
                    break
                if attempt < self.settings.max_retries:
                    time.sleep(self.settings.backoff * 2**attempt)
        raise LLMFailure(f"{name}: {last}")

    def _attempt(self, request: dict[str, Any], schema: type[T], meter: Meter) -> T:
        openai = self._openai
        try:
            response = self._client.chat.completions.create(**request)
        except openai.APIStatusError as error:
            raise _Retry(f"HTTP {error.status_code}", retryable=error.status_code >= 500 or error.status_code in _RETRYABLE_STATUS) from None
        except openai.APITimeoutError:
            raise _Retry("timeout", retryable=True) from None
        except openai.APIConnectionError:
            raise _Retry("connection failed", retryable=True) from None
        except openai.OpenAIError as error:
            raise _Retry(type(error).__name__, retryable=True) from None
        except ValueError:  # the HTTP body itself is not JSON (a broken proxy or server)
            raise _Retry("response body is not JSON", retryable=True) from None
        usage = getattr(response, "usage", None)
        meter.add(llm_calls=1, llm_tokens=getattr(usage, "total_tokens", 0) or 0)
        try:
            content = response.choices[0].message.content or ""
            return schema.model_validate_json(_unfence(content))
        except (IndexError, AttributeError):
            raise _Retry("reply without a message", retryable=True) from None
        except (ValidationError, ValueError, json.JSONDecodeError):
            raise _Retry("reply is not valid JSON for the schema", retryable=True) from None


class _Retry(Exception):
    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


def _unfence(content: str) -> str:
    """Some servers wrap JSON in a Markdown code fence even in JSON mode."""
    match = _FENCE.match(content)
    return match.group(1) if match else content
