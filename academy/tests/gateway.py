"""A local HTTP SMS gateway for the tests: a real server in a thread, answering as scripted."""

import json
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:
        return None  # a client that gave up on a stalled answer


@dataclass
class Received:
    path: str
    headers: dict[str, str]
    body: bytes

    def fields(self) -> dict[str, str]:
        if self.headers.get("Content-Type", "").startswith("application/json"):
            return json.loads(self.body)
        return {key: values[0] for key, values in parse_qs(self.body.decode()).items()}


@dataclass
class Gateway:
    """Answers each POST with the next scripted status (the last one repeats); may stall first."""

    statuses: list[int] = field(default_factory=lambda: [200])
    stall_seconds: list[float] = field(default_factory=list)
    received: list[Received] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        host, port = self.server.server_address[:2]
        return f"http://{host}:{port}/api/sms"

    def start(self) -> "Gateway":
        gateway = self

        class Handler(BaseHTTPRequestHandler):
            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length", 0))
                gateway.received.append(
                    Received(self.path, dict(self.headers), self.rfile.read(length))
                )
                turn = len(gateway.received) - 1
                if turn < len(gateway.stall_seconds):
                    time.sleep(gateway.stall_seconds[turn])
                status = gateway.statuses[min(turn, len(gateway.statuses) - 1)]
                body = json.dumps({"accepted": status < 300}).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args) -> None:
                return None

        self.server = _QuietServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
