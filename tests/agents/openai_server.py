"""A real HTTP server on 127.0.0.1 that answers like OpenAI's chat-completions API.

It is the only test double in the agent tests: the LLM client under test talks to
it over TCP exactly as it would to vLLM or Ollama. Replies are scripted: a queue of
:class:`Reply` objects (status, delay, raw body) consumed first, then a responder
function that reads the request the way a model would.
"""

from __future__ import annotations

import json
import re
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Callable


@dataclass
class Reply:
    content: str | None = None  # the assistant message text
    status: int = 200
    delay: float = 0.0
    raw_body: str | None = None  # send this body as is (e.g. broken JSON)
    prompt_tokens: int = 40
    completion_tokens: int = 10


Responder = Callable[[dict[str, Any]], Reply]


class ChatServer:
    def __init__(self, responder: Responder | None = None) -> None:
        self.responder = responder or keyword_responder
        self.queue: list[Reply] = []
        self.requests: list[dict[str, Any]] = []
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._server = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self._server.server_address[1]}/v1"

    def __enter__(self) -> "ChatServer":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()

    def script(self, *replies: Reply) -> None:
        with self._lock:
            self.queue.extend(replies)

    def _next(self, body: dict[str, Any]) -> Reply:
        with self._lock:
            if self.queue:
                return self.queue.pop(0)
        return self.responder(body)

    def _handler(self):
        server = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: Any) -> None:  # keep test output clean
                pass

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                body = json.loads(self.rfile.read(length) or b"{}")
                with server._lock:
                    server.requests.append(body)
                    server.headers.append({k.lower(): v for k, v in self.headers.items()})
                reply = server._next(body)
                if reply.delay:
                    time.sleep(reply.delay)
                if reply.raw_body is not None:
                    payload = reply.raw_body.encode()
                elif reply.status != 200:
                    payload = json.dumps({"error": {"message": "scripted failure", "type": "server_error"}}).encode()
                else:
                    payload = json.dumps(_completion(body, reply)).encode()
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                except (BrokenPipeError, ConnectionResetError):
                    pass  # the client gave up (timeout test)

        return Handler


def _completion(request: dict[str, Any], reply: Reply) -> dict[str, Any]:
    return {
        "id": "chatcmpl-test",
        "object": "chat.completion",
        "created": int(time.time()),
        "model": request.get("model", "test"),
        "choices": [{"index": 0, "message": {"role": "assistant", "content": reply.content}, "finish_reason": "stop"}],
        "usage": {
            "prompt_tokens": reply.prompt_tokens,
            "completion_tokens": reply.completion_tokens,
            "total_tokens": reply.prompt_tokens + reply.completion_tokens,
        },
    }


def schema_name(request: dict[str, Any]) -> str:
    return request["response_format"]["json_schema"]["name"]


def user_text(request: dict[str, Any]) -> str:
    return next(m["content"] for m in request["messages"] if m["role"] == "user")


def keyword_responder(request: dict[str, Any]) -> Reply:
    """Answers like a careful model would on "Who likes X?" questions, by reading."""
    name, user = schema_name(request), user_text(request)
    question = re.search(r"Question: (.*)", user).group(1) if "Question:" in user else ""
    wanted = re.sub(r"^.*?\blikes? ", "", question).rstrip("?").strip()
    if name == "analysis":
        tools = re.search(r"Tools: (.*)", user).group(1).split(", ")
        first = tools[0].split(" ")[0]
        answer = {"all_of": [wanted], "any_of": [], "none_of": [], "target": None, "search_queries": [wanted], "first_tool": first}
    elif name == "judgments":
        documents = re.findall(r"^\[(.+?)\] (.*)$", user, flags=re.MULTILINE)
        answer = {
            "judgments": [
                {"doc_id": doc_id, "relevant": wanted.lower() in _liked_items(text), "confidence": 0.9, "evidence": text[:40],
                 "reason": "read it"}
                for doc_id, text in documents
            ]
        }
    else:
        state = json.loads(user)
        if len(state["relevant_found"]) >= 2 or not state["suggested_queries"]:
            answer = {"action": "stop", "tool": None, "query": None, "read": None, "reason": "found two"}
        else:
            tool = state["tools"][0].split(" ")[0]
            answer = {"action": "retrieve", "tool": tool, "query": state["suggested_queries"][0], "read": 2, "reason": "look"}
    return Reply(content=json.dumps(answer))


def _liked_items(text: str) -> set[str]:
    body = text.split(" likes ", 1)[-1].rstrip(".")
    return {item.strip().lower() for item in re.split(r", | and ", body)}
