"""A local register API for the tests: a real HTTP server in a thread, answering as scripted."""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PORTS = range(8500, 8600)


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        return None  # a client that gave up on a stalled answer


@dataclass
class Answer:
    status: int = 200
    body: object = None  # dict/list → JSON; bytes → as is
    stall: float = 0.0
    headers: dict = field(default_factory=dict)


@dataclass
class RegisterServer:
    """Answers each GET with the next scripted answer (the last one repeats)."""

    answers: list[Answer] = field(default_factory=list)
    requests: list[tuple[str, dict]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/api/v1"

    def start(self) -> "RegisterServer":
        register = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                register.requests.append((self.path, dict(self.headers)))
                turn = min(len(register.requests), len(register.answers)) - 1
                answer = register.answers[turn]
                time.sleep(answer.stall)
                body = answer.body
                if not isinstance(body, bytes):
                    body = json.dumps(body, ensure_ascii=False).encode()
                self.send_response(answer.status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                for name, value in answer.headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                return None

        for port in PORTS:
            try:
                self.server = _QuietServer(("127.0.0.1", port), Handler)
                break
            except OSError:
                continue
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
