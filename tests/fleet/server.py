"""A static web host for a TUF repository folder, on 127.0.0.1 in a thread, with faults to switch on.

As plain as nginx serving files (GET, Content-Length, keep-alive), plus what tests need: answer every request
with an HTTP error, stall or cut off the body of matching files, go down; and count requests and body bytes.
"""

from __future__ import annotations

import socket
import threading
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

STALL_CAP_S = 10  # a stalled answer gives up by itself, so a failing test cannot hang the run


@dataclass
class Faults:
    status: int | None = None  # answer every request with this HTTP status
    silent: str | None = None  # a request whose path contains this gets no answer at all
    stall: str | None = None  # ... sends half its body, then nothing
    cut: str | None = None  # ... sends half its body and closes the connection


@dataclass
class Counts:
    requests: list[str] = field(default_factory=list)  # paths asked for, in order
    body_bytes: int = 0


class RepoServer:
    def __init__(self, root: Path) -> None:
        self.root = root
        self.faults = Faults()
        self.counts = Counts()
        self._lock = threading.Lock()
        self._released = threading.Event()
        self._http = ThreadingHTTPServer(("127.0.0.1", 0), self._handler())
        self._http.daemon_threads = True
        self.url = f"http://127.0.0.1:{self._http.server_address[1]}"
        self._thread = threading.Thread(target=self._http.serve_forever, name="repo-server", daemon=True)
        self._thread.start()

    def reset_counts(self) -> Counts:
        """The counts so far; counting starts again from zero."""
        with self._lock:
            counts, self.counts = self.counts, Counts()
        return counts

    def stop(self) -> None:
        """Down: the port refuses connections from now on."""
        self._released.set()
        self._http.shutdown()
        self._http.server_close()

    def _count(self, path: str, sent: int) -> None:
        with self._lock:
            self.counts.requests.append(path)
            self.counts.body_bytes += sent

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def setup(self) -> None:
                super().setup()
                # As nginx does on keep-alive connections: headers and body written apart would otherwise
                # wait for the client's delayed ACK (40 ms a file).
                self.request.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

            def log_message(self, format: str, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                path = unquote(urlsplit(self.path).path)
                faults = server.faults
                # Counted before answering: a client may have read the whole answer before this thread
                # takes its next step, and the test then reads the counts.
                if faults.status is not None:
                    server._count(path, 0)
                    self._answer(faults.status, b"")
                    return
                if faults.silent and faults.silent in path:
                    server._count(path, 0)
                    server._released.wait(STALL_CAP_S)
                    self.close_connection = True
                    return
                file = (server.root / path.lstrip("/")).resolve()
                if not file.is_relative_to(server.root.resolve()) or not file.is_file():
                    server._count(path, 0)
                    self._answer(404, b"")
                    return
                body = file.read_bytes()
                if faults.stall and faults.stall in path:
                    self._partial(path, body)
                    server._released.wait(STALL_CAP_S)
                    self.close_connection = True
                elif faults.cut and faults.cut in path:
                    self._partial(path, body)
                    self.close_connection = True
                else:
                    server._count(path, len(body))
                    self._answer(200, body)

            def _answer(self, status: int, body: bytes) -> None:
                self.send_response(status)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def _partial(self, path: str, body: bytes) -> None:
                """Headers promising the whole body, then only its first half."""
                self.send_response(200)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                half = body[: len(body) // 2]
                server._count(path, len(half))
                self.wfile.write(half)
                self.wfile.flush()

        return Handler
