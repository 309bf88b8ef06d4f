"""A tiny OpenAI-compatible chat completions server for tests, on 127.0.0.1 (ephemeral port).

It answers a batch prompt (see `generator.translate.backends.batch_prompt`) with a JSON
array of "EN:<segment>" (or the text `answers` gives for a segment) and can be scripted
to fail, stall or answer badly.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

import pytest


@dataclass
class FakeEndpoint:
    """What the fake server should do with each request, and what it received."""

    url: str = ""
    # Actions consumed one per request; when empty, "ok". ok | plain | garbage | 503 | 401 | slow
    script: list[str] = field(default_factory=list)
    # Replies for given segments, instead of "EN:<segment>" (which `fill` rejects: mostly Chinese).
    answers: dict[str, str] = field(default_factory=dict)
    requests: list[dict[str, Any]] = field(default_factory=list)
    headers: list[dict[str, str]] = field(default_factory=list)
    lock: threading.Lock = field(default_factory=threading.Lock)

    def next_action(self) -> str:
        with self.lock:
            return self.script.pop(0) if self.script else "ok"


def segments_of(body: dict[str, Any]) -> list[str]:
    user = body["messages"][-1]["content"]
    segments: list[str] = json.loads(user.split("Segments:\n", 1)[1])
    return segments


def _handler(endpoint: FakeEndpoint) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, format: str, *args: Any) -> None:  # keep test output quiet
            pass

        def do_POST(self) -> None:
            body = json.loads(self.rfile.read(int(self.headers["Content-Length"])).decode("utf-8"))
            with endpoint.lock:
                endpoint.requests.append(body)
                endpoint.headers.append(dict(self.headers))
            action = endpoint.next_action()
            if self.path != "/v1/chat/completions":
                return self._send(404, {"error": "not found"})
            if action == "503":
                return self._send(503, {"error": "overloaded"})
            if action == "401":
                return self._send(401, {"error": "bad key"})
            if action == "slow":
                time.sleep(1.0)
            segments = segments_of(body)
            if action == "garbage":
                content = "Sure! Here are your translations."
            elif action == "plain":
                content = f"plain {segments[0]}"
            else:
                content = (
                    "```json\n"
                    + json.dumps([endpoint.answers.get(s, f"EN:{s}") for s in segments], ensure_ascii=False)
                    + "\n```"
                )
            self._send(200, {"choices": [{"message": {"role": "assistant", "content": content}}]})

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode("utf-8")
            try:
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (timeout test)

    return Handler


class QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: Any, client_address: Any) -> None:
        pass  # a client that timed out closes its socket: not a test failure


@pytest.fixture()
def endpoint() -> Iterator[FakeEndpoint]:
    """The fake server, running for one test."""
    state = FakeEndpoint()
    server = QuietServer(("127.0.0.1", 0), _handler(state))
    state.url = f"http://127.0.0.1:{server.server_address[1]}/v1"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield state
    finally:
        server.shutdown()
        server.server_close()
