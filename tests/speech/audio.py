"""A speech system of one's own: a PulseAudio daemon whose only output is a null sink, and speech-dispatcher
(with its espeak-ng voices) speaking into it, both run as the caller's user in a folder of its own, so
nothing reaches a loudspeaker and nothing of the machine's audio or speech settings is touched. Used by
tests/speech and by the speech benchmark.

CI runs as root. PulseAudio started by root without `--system` warns ("not intended to be run as root") and
runs all the same: that is what is used here. `--system` would need the `pulse` user and group set up for
a machine-wide daemon, more than a test should change. The daemon loads only the two modules named on its
command line (`-n`): its socket (anonymous access, in the folder) and the null sink.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# command → the Debian package that has it (./dev.sh test installs them)
TOOLS = {
    "pulseaudio": "pulseaudio",
    "parec": "pulseaudio-utils",
    "pactl": "pulseaudio-utils",
    "speech-dispatcher": "speech-dispatcher",
}
SINK = "kiosk_speech_test"
RATE = 16000  # recorded mono, 16-bit


class SpeechSystemError(RuntimeError):
    """A tool is missing, or a daemon did not start; the message says which, and its log."""


@dataclass(frozen=True)
class SpeechSystem:
    folder: Path
    pulse_server: str  # PULSE_SERVER for clients
    speechd_address: str  # SPEECHD_ADDRESS for clients (libspeechd)

    def client_env(self) -> dict[str, str]:
        """What a client process needs in its environment to speak into this system."""
        return {"SPEECHD_ADDRESS": self.speechd_address, "PULSE_SERVER": self.pulse_server}

    def record(self, out: Path) -> subprocess.Popen[bytes]:
        """Start recording what reaches the null sink (its monitor) as raw 16-bit mono samples."""
        command = ["parec", f"--server={self.pulse_server}", "-d", f"{SINK}.monitor", "--format=s16le",
                   f"--rate={RATE}", "--channels=1", "--latency-msec=20", str(out)]  # fmt: skip
        return subprocess.Popen(command, stderr=subprocess.PIPE)

    def wait_until_recording(self) -> None:
        """Until the recorder is connected to the sink's monitor (a source output of the daemon)."""

        def connected() -> bool:
            command = ["pactl", f"--server={self.pulse_server}", "list", "short", "source-outputs"]
            return bool(subprocess.run(command, capture_output=True, text=True).stdout.strip())

        _wait_for("the recorder", connected, self.folder / "pulseaudio.log")


def missing_tools() -> list[str]:
    missing = sorted(f"{cmd} ({pkg})" for cmd, pkg in TOOLS.items() if shutil.which(cmd) is None)
    if not list(Path("/usr/lib").glob("**/speech-dispatcher-modules/sd_espeak-ng")):
        missing.append("the espeak-ng module (speech-dispatcher-espeak-ng)")
    return missing


def _wait_for(what: str, ready: Callable[[], bool], log: Path, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            text = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            raise SpeechSystemError(f"{what} did not start within {timeout:g} s: {text}")
        time.sleep(0.1)


@contextmanager
def speech_system(folder: Path) -> Iterator[SpeechSystem]:
    """PulseAudio with a null sink and speech-dispatcher against it, for as long as the block runs."""
    missing = missing_tools()
    if missing:
        raise SpeechSystemError(f"needs {', '.join(missing)}: ./dev.sh test installs them")
    env = {**os.environ, "HOME": str(folder), "XDG_RUNTIME_DIR": str(folder), "XDG_CONFIG_HOME": str(folder)}
    socket, speechd_socket = folder / "pulse.sock", folder / "speechd.sock"
    server = f"unix:{socket}"
    started: list[subprocess.Popen[bytes]] = []

    def start(command: list[str], log: Path, extra: dict[str, str]) -> None:
        with log.open("wb") as out:
            started.append(
                subprocess.Popen(command, env={**env, **extra}, stdout=out, stderr=subprocess.STDOUT)
            )

    def pulse_ready() -> bool:
        command = ["pactl", f"--server={server}", "list", "short", "sinks"]
        return SINK in subprocess.run(command, capture_output=True, text=True, env=env).stdout

    try:
        start(["pulseaudio", "-n", "--daemonize=no", "--exit-idle-time=-1", "--use-pid-file=no",
               "--disable-shm=yes", "-L", f"module-native-protocol-unix auth-anonymous=1 socket={socket}",
               "-L", f"module-null-sink sink_name={SINK} rate=22050"],
              folder / "pulseaudio.log", {})  # fmt: skip
        _wait_for("PulseAudio", pulse_ready, folder / "pulseaudio.log")
        start(["speech-dispatcher", "--run-single", "--timeout", "0", "--communication-method", "unix_socket",
               "--socket-path", str(speechd_socket), "--log-dir", str(folder),
               "--pid-file", str(folder / "speechd.pid")],
              folder / "speech-dispatcher.log", {"PULSE_SERVER": server})  # fmt: skip
        _wait_for("speech-dispatcher", speechd_socket.exists, folder / "speech-dispatcher.log")
        yield SpeechSystem(folder, server, f"unix_socket:{speechd_socket}")
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
