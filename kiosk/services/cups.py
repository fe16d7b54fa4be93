"""Talking to CUPS without ever waiting on it for long: `lp`, `lpstat` and `cancel` as subprocesses with a
hard time limit (killed when it runs out), and the state of one job or queue over IPP on a socket with a
timeout. Nothing here can hold the interpreter's lock while CUPS thinks: a hung or silent CUPS server costs
the calling thread the time limit, and every other thread keeps running.

Pure Python (no Qt): printing.py decides what each answer means for the visitor.
"""

from __future__ import annotations

import contextlib
import os
import re
import socket
import struct
import subprocess
from dataclasses import dataclass, field
from enum import IntEnum
from pathlib import Path

# IPP (RFC 8011) operations and value tags, only those used here.
_GET_JOB_ATTRIBUTES = 0x0009
_GET_PRINTER_ATTRIBUTES = 0x000B
_OPERATION_GROUP, _END = 0x01, 0x03
_INTEGER, _ENUM = 0x21, 0x23
_URI, _CHARSET, _LANGUAGE, _KEYWORD = 0x45, 0x47, 0x48, 0x44
_DEFAULT_SOCKET = Path("/run/cups/cups.sock")


class JobState(IntEnum):
    PENDING = 3
    HELD = 4
    PROCESSING = 5
    PROCESSING_STOPPED = 6
    CANCELED = 7
    ABORTED = 8
    COMPLETED = 9


class PrinterState(IntEnum):
    IDLE = 3
    PROCESSING = 4
    STOPPED = 5


@dataclass(frozen=True)
class Job:
    state: JobState
    reasons: frozenset[str] = field(default_factory=frozenset)
    message: str = ""
    tried: bool = False  # a backend has started on it (it may have failed and be waiting to retry)


@dataclass(frozen=True)
class Printer:
    state: PrinterState
    reasons: frozenset[str] = field(default_factory=frozenset)
    message: str = ""
    accepting: bool = True


class CupsError(Exception):
    """CUPS did not answer in time, or not in a way we understand."""


@dataclass(frozen=True)
class Submitted:
    """`lp` took the job: its id and the queue it went to (the default queue when none was named)."""

    job_id: int
    queue: str


@dataclass(frozen=True)
class NotSubmitted:
    """`lp` refused: its message (in English, whatever the locale), or that it ran out of time."""

    message: str
    timed_out: bool = False


class Cups:
    """One CUPS server: the system's (CUPS_SERVER, client.conf, the local socket) or `server`
    ("host:port" or a socket path, as CUPS_SERVER takes it), for a test's stand-in."""

    def __init__(self, server: str | None = None) -> None:
        self.server = server

    # -- subprocesses ----------------------------------------------------------------------------
    def _env(self) -> dict[str, str]:
        env = dict(os.environ, LC_ALL="C", LANG="C")  # messages in English, for matching
        if self.server:
            env["CUPS_SERVER"] = self.server
        return env

    def run(self, args: list[str], timeout_s: float, stdin: bytes = b"") -> tuple[int, str, str]:
        """Run a CUPS command; on expiry it is killed and CupsError raised. Missing: CupsError too."""
        try:
            done = subprocess.run(
                args,
                input=stdin,
                capture_output=True,
                timeout=max(timeout_s, 0.05),
                env=self._env(),
                check=False,
            )
        except subprocess.TimeoutExpired as e:  # subprocess.run has killed it and reaped it
            raise CupsError(f"{args[0]}: no answer in {timeout_s:.1f} s") from e
        except OSError as e:
            raise CupsError(f"{args[0]}: {e}") from e
        return (
            done.returncode,
            done.stdout.decode("utf-8", "replace"),
            done.stderr.decode("utf-8", "replace").strip(),
        )

    def destinations(self, timeout_s: float) -> list[str]:
        """The queues (`lpstat -e`); empty when CUPS is missing, down or too slow."""
        try:
            code, out, _err = self.run(["lpstat", "-e"], timeout_s)
        except CupsError:
            return []
        return [line.strip() for line in out.splitlines() if line.strip()] if code == 0 else []

    def submit(self, pdf: bytes, queue: str, title: str, timeout_s: float) -> Submitted | NotSubmitted:
        """Hand a PDF to `lp` on stdin: A4, one copy, the queue's default when `queue` is empty."""
        args = ["lp", "-t", title, "-o", "media=A4", "-n", "1"]
        if queue:
            args[1:1] = ["-d", queue]
        try:
            code, out, err = self.run(args, timeout_s, stdin=pdf)
        except CupsError as e:
            return NotSubmitted(str(e), timed_out="no answer" in str(e))
        found = re.search(r"request id is (.+)-(\d+) \(", out)
        if code != 0 or found is None:
            return NotSubmitted(err or out.strip() or f"lp exited with {code}")
        return Submitted(int(found.group(2)), found.group(1))

    def cancel(self, job_id: int, timeout_s: float) -> bool:
        with contextlib.suppress(CupsError):
            return self.run(["cancel", str(job_id)], timeout_s)[0] == 0
        return False

    # -- IPP -------------------------------------------------------------------------------------
    def job(self, job_id: int, timeout_s: float) -> Job:
        attrs = self._ipp(
            _GET_JOB_ATTRIBUTES,
            (_URI, "job-uri", f"ipp://localhost/jobs/{job_id}"),
            ["job-state", "job-state-reasons", "job-printer-state-message", "time-at-processing"],
            timeout_s,
        )
        try:
            state = JobState(int(attrs["job-state"][0]))
        except (KeyError, ValueError) as e:
            raise CupsError(f"job {job_id}: no job-state in CUPS's answer") from e
        processing = attrs.get("time-at-processing", [0])[0]
        return Job(
            state,
            frozenset(str(r) for r in attrs.get("job-state-reasons", [])),
            str(attrs.get("job-printer-state-message", [""])[0]),
            tried=isinstance(processing, int) and processing > 0,
        )

    def printer(self, queue: str, timeout_s: float) -> Printer:
        attrs = self._ipp(
            _GET_PRINTER_ATTRIBUTES,
            (_URI, "printer-uri", f"ipp://localhost/printers/{queue}"),
            ["printer-state", "printer-state-reasons", "printer-state-message", "printer-is-accepting-jobs"],
            timeout_s,
        )
        try:
            state = PrinterState(int(attrs["printer-state"][0]))
        except (KeyError, ValueError) as e:
            raise CupsError(f"printer {queue}: no printer-state in CUPS's answer") from e
        return Printer(
            state,
            frozenset(str(r) for r in attrs.get("printer-state-reasons", [])) - {"none"},
            str(attrs.get("printer-state-message", [""])[0]),
            accepting=attrs.get("printer-is-accepting-jobs", [True])[0] is not False,
        )

    def _address(self) -> tuple[int, str | tuple[str, int]]:
        """Where libcups would connect: CUPS_SERVER, then client.conf's ServerName, then the socket."""
        server = self.server or os.environ.get("CUPS_SERVER", "")
        if not server:
            for conf in (Path.home() / ".cups" / "client.conf", Path("/etc/cups/client.conf")):
                with contextlib.suppress(OSError):
                    named = re.search(r"^\s*ServerName\s+(\S+)", conf.read_text(), re.MULTILINE)
                    if named:
                        server = named.group(1)
                        break
        if not server:
            server = str(_DEFAULT_SOCKET) if _DEFAULT_SOCKET.exists() else "localhost"
        if server.startswith("/"):
            return socket.AF_UNIX, server
        host, _, port = server.rpartition(":") if re.search(r":\d+$", server) else (server, "", "631")
        return socket.AF_INET, (host.strip("[]"), int(port))

    def _ipp(
        self,
        operation: int,
        target: tuple[int, str, str],
        wanted: list[str],
        timeout_s: float,
    ) -> dict[str, list[int | bool | str]]:
        body = struct.pack(">hhi", 0x0200, operation, 1) + bytes([_OPERATION_GROUP])
        body += _attribute(_CHARSET, "attributes-charset", "utf-8")
        body += _attribute(_LANGUAGE, "attributes-natural-language", "en")
        body += _attribute(*target)
        for i, name in enumerate(wanted):
            body += _attribute(_KEYWORD, "requested-attributes" if i == 0 else "", name)
        body += bytes([_END])
        request = (
            "POST / HTTP/1.0\r\nHost: localhost\r\nContent-Type: application/ipp\r\n"
            f"Content-Length: {len(body)}\r\n\r\n"
        ).encode() + body
        family, address = self._address()
        try:
            with socket.socket(family, socket.SOCK_STREAM) as conn:
                conn.settimeout(max(timeout_s, 0.05))  # each connect, send and receive; released GIL
                conn.connect(address)
                conn.sendall(request)
                chunks = []
                while chunk := conn.recv(65536):
                    chunks.append(chunk)
        except OSError as e:  # socket.timeout is an OSError
            raise CupsError(f"IPP: {e or 'no answer'}") from e
        return _parse_response(b"".join(chunks))


def _attribute(tag: int, name: str, value: str) -> bytes:
    raw, key = value.encode(), name.encode()
    return struct.pack(">bh", tag, len(key)) + key + struct.pack(">h", len(raw)) + raw


def _parse_response(data: bytes) -> dict[str, list[int | bool | str]]:
    head, _, body = data.partition(b"\r\n\r\n")
    status = head.split(b"\r\n", 1)[0]
    if b" 200 " not in status + b" ":
        raise CupsError(f"IPP: HTTP {status.decode('latin-1', 'replace')}")
    if b"chunked" in head.lower():
        body = _unchunk(body)
    if len(body) < 9:
        raise CupsError("IPP: short answer")
    code = struct.unpack(">h", body[2:4])[0]
    if code >= 0x0400:  # client-error-not-found and the like
        raise CupsError(f"IPP: status 0x{code:04x}")
    attrs: dict[str, list[int | bool | str]] = {}
    name, pos = "", 8
    try:
        while pos < len(body):
            tag = body[pos]
            pos += 1
            if tag == _END:
                break
            if tag < 0x10:  # the next attribute group
                continue
            (length,) = struct.unpack(">h", body[pos : pos + 2])
            name = body[pos + 2 : pos + 2 + length].decode() or name  # empty: one more value
            pos += 2 + length
            (length,) = struct.unpack(">h", body[pos : pos + 2])
            raw = body[pos + 2 : pos + 2 + length]
            pos += 2 + length
            value: int | bool | str
            if tag in (_INTEGER, _ENUM) and length == 4:
                value = struct.unpack(">i", raw)[0]
            elif tag == 0x22:  # boolean
                value = raw == b"\x01"
            else:
                value = raw.decode("utf-8", "replace")
            attrs.setdefault(name, []).append(value)
    except (struct.error, IndexError) as e:
        raise CupsError("IPP: malformed answer") from e
    return attrs


def _unchunk(body: bytes) -> bytes:
    out, pos = b"", 0
    while pos < len(body):
        line_end = body.find(b"\r\n", pos)
        size = int(body[pos:line_end].split(b";")[0] or b"0", 16)
        if size == 0:
            break
        out += body[line_end + 2 : line_end + 2 + size]
        pos = line_end + 2 + size + 2
    return out
