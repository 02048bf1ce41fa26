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

**Record and replay.** With ``record: FILE`` every chat-completions request body and
what came back (the response body, or the failure: HTTP status, timeout, connection)
is appended to ``FILE`` as one JSON line; headers, and so the key, are never written.
With ``replay: FILE`` no connection is made: each request is answered from ``FILE``,
looked up by the SHA-256 of its canonical JSON (keys sorted, no spaces), and a
request asked again gets the next recorded answer for it (the last one once they
run out), so retries and repeated questions replay as they happened. A request the
file does not hold raises :class:`ReplayMissing`, which no policy falls back from.
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Mapping, TypeVar

from pydantic import BaseModel, ValidationError

from limitbench.retrievers.errors import ConfigError, LimitbenchError

from .budget import Meter
from .trace import TraceWriter

__all__ = ["LLMSettings", "LLMClient", "LLMFailure", "ReplayMissing", "request_key", "settings_from"]

T = TypeVar("T", bound=BaseModel)
_SETTINGS = (
    "base_url", "model", "api_key_env", "timeout", "max_retries", "backoff", "temperature", "max_tokens", "record", "replay",
)
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
    record: str | None = None  # append every request and response to this JSONL file
    replay: str | None = None  # answer every request from this JSONL file, offline


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
        if settings.record and settings.replay:
            raise ValueError("record and replay exclude each other")
    except (TypeError, ValueError) as error:
        raise ConfigError(f"agent option 'llm': {error}") from None
    return settings


class LLMFailure(Exception):
    """Every attempt failed (or no token budget was left); the message names no secret."""


class ReplayMissing(LimitbenchError):
    """The replay file holds no answer for a request: the run cannot be reproduced from it."""


class LLMClient:
    """A thin retrying, validating wrapper around ``openai.OpenAI``."""

    def __init__(self, settings: LLMSettings, *, api_key: str | None = None) -> None:
        import openai

        self.settings = settings
        key = api_key or os.environ.get(settings.api_key_env) or "EMPTY"  # local servers accept any key
        # retries are ours (they also cover invalid JSON), so the library's are off
        self._client = openai.OpenAI(base_url=settings.base_url, api_key=key, timeout=settings.timeout, max_retries=0)
        self._openai = openai
        self._tape = _Tape.load(settings.replay) if settings.replay else None

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
        if self._tape is not None:
            response = self._tape.answer(request, schema_name=request["response_format"]["json_schema"]["name"])
        elif self.settings.record:
            response = self._recorded_call(request)
        else:
            response = self._call(request)
        return self._read_reply(response, schema, meter)

    def _call(self, request: dict[str, Any]) -> Any:
        """One HTTP round trip; every failure becomes a :class:`_Retry` saying whether to try again."""
        openai = self._openai
        try:
            return self._client.chat.completions.create(**request)
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

    def _recorded_call(self, request: dict[str, Any]) -> Any:
        record: dict[str, Any] = {"key": request_key(request), "request": request}
        try:
            response = self._call(request)
        except _Retry as failure:
            record["failure"] = {"message": str(failure), "retryable": failure.retryable}
            _append(self.settings.record, record)
            raise
        record["response"] = response.model_dump(mode="json", exclude_unset=True)
        _append(self.settings.record, record)
        return response

    def _read_reply(self, response: Any, schema: type[T], meter: Meter) -> T:
        usage = getattr(response, "usage", None)
        meter.add(llm_calls=1, llm_tokens=getattr(usage, "total_tokens", 0) or 0)
        try:
            content = response.choices[0].message.content or ""
            return schema.model_validate_json(_unfence(content))
        except (IndexError, AttributeError):
            raise _Retry("reply without a message", retryable=True) from None
        except (ValidationError, ValueError, json.JSONDecodeError):
            raise _Retry("reply is not valid JSON for the schema", retryable=True) from None


def request_key(request: Mapping[str, Any]) -> str:
    """SHA-256 of the request body as canonical JSON: sorted keys, no spaces, UTF-8."""
    canonical = json.dumps(request, sort_keys=True, separators=(",", ":"), ensure_ascii=False)
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()


def _append(path: str, record: Mapping[str, Any]) -> None:
    # one write(2) per line on an O_APPEND file: parallel workers leave whole lines
    with TraceWriter(path) as writer:
        writer.write(record)


class _Tape:
    """Recorded answers by request key, handed out in the order they were recorded."""

    def __init__(self, path: str, answers: dict[str, list[dict[str, Any]]]) -> None:
        self.path = path
        self._answers = answers
        self._served: dict[str, int] = {}
        self._lock = threading.Lock()

    @classmethod
    def load(cls, path: str) -> "_Tape":
        answers: dict[str, list[dict[str, Any]]] = {}
        try:
            lines = Path(path).read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(f"llm replay file {path}: cannot read it ({type(error).__name__})") from None
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
                key = record["key"]
                if "response" not in record and "failure" not in record:
                    raise KeyError("response")
            except (json.JSONDecodeError, KeyError, TypeError) as error:
                raise ConfigError(f"llm replay file {path}, line {number}: not a recorded LLM call ({error})") from None
            answers.setdefault(key, []).append(record)
        return cls(path, answers)

    def answer(self, request: dict[str, Any], *, schema_name: str) -> Any:
        from openai.types.chat import ChatCompletion

        key = request_key(request)
        with self._lock:
            recorded = self._answers.get(key)
            if not recorded:
                raise ReplayMissing(
                    f"llm replay file {self.path} holds no answer for this {schema_name!r} request to model "
                    f"{request.get('model')!r} (key {key[:12]}); record the run again with --llm-record"
                )
            served = self._served.get(key, 0)
            self._served[key] = served + 1
            record = recorded[min(served, len(recorded) - 1)]
        if "failure" in record:
            raise _Retry(record["failure"]["message"], retryable=bool(record["failure"]["retryable"]))
        return ChatCompletion.model_validate(record["response"])


class _Retry(Exception):
    def __init__(self, message: str, *, retryable: bool) -> None:
        super().__init__(message)
        self.retryable = retryable


_FENCE = re.compile(r"^\s*```(?:json)?\s*(.*?)\s*```\s*$", re.DOTALL)


def _unfence(content: str) -> str:
    """Some servers wrap JSON in a Markdown code fence even in JSON mode."""
    match = _FENCE.match(content)
    return match.group(1) if match else content
