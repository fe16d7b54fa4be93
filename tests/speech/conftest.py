"""The real speech system for the end-to-end speech tests: a PulseAudio daemon whose only output is a null
sink, and speech-dispatcher (with its espeak-ng module) speaking into it, both started by the test as its own
user in a folder of its own, so nothing reaches a loudspeaker and nothing of the machine's audio is touched.

CI runs as root. PulseAudio started by root without `--system` warns ("not intended to be run as root") and
runs all the same: that is what is used here. `--system` would need the `pulse` user and group set up for
a machine-wide daemon, which is more than a test should change. The daemon loads only the two modules named
on its command line (`-n`): its socket (anonymous access, in the test's folder) and the null sink.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

# command → the Debian package that has it (./dev.sh test installs them)
TOOLS = {
    "pulseaudio": "pulseaudio",
    "parec": "pulseaudio-utils",
    "pactl": "pulseaudio-utils",
    "speech-dispatcher": "speech-dispatcher",
}
SINK = "kiosk_speech_test"
RATE = 16000  # recorded mono, 16-bit


@dataclass(frozen=True)
class SpeechSystem:
    folder: Path
    pulse_server: str  # PULSE_SERVER for clients
    speechd_address: str  # SPEECHD_ADDRESS for clients (libspeechd)

    def record(self, out: Path) -> subprocess.Popen[bytes]:
        """Start recording what reaches the null sink (its monitor) as raw 16-bit mono samples."""
        command = [
            "parec",
            f"--server={self.pulse_server}",
            "-d",
            f"{SINK}.monitor",
            "--format=s16le",
            f"--rate={RATE}",
            "--channels=1",
            "--latency-msec=20",
            str(out),
        ]
        return subprocess.Popen(command, stderr=subprocess.PIPE)

    def wait_until_recording(self) -> None:
        """Until the recorder is connected to the sink's monitor (a source output of the daemon)."""

        def connected() -> bool:
            outputs = subprocess.run(
                ["pactl", f"--server={self.pulse_server}", "list", "short", "source-outputs"],
                capture_output=True,
                text=True,
            )
            return bool(outputs.stdout.strip())

        _wait_for("the recorder", connected, self.folder / "pulseaudio.log")


def _wait_for(what: str, ready: Callable[[], bool], log: Path, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not ready():
        if time.monotonic() > deadline:
            text = log.read_text(errors="replace")[-2000:] if log.exists() else ""
            pytest.fail(f"{what} did not start within {timeout:g} s: {text}", pytrace=False)
        time.sleep(0.1)


def _require_tools() -> None:
    missing = sorted(f"{cmd} ({pkg})" for cmd, pkg in TOOLS.items() if shutil.which(cmd) is None)
    if not list(Path("/usr/lib").glob("**/speech-dispatcher-modules/sd_espeak-ng")):
        missing.append("the espeak-ng module (speech-dispatcher-espeak-ng)")
    if missing:
        # Never skipped: CI must prove the kiosk speaks. ./dev.sh test installs these.
        pytest.fail(f"the speech tests need {', '.join(missing)}: ./dev.sh test installs them", pytrace=False)


@pytest.fixture(scope="session")
def speech_system(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SpeechSystem]:
    _require_tools()
    folder = tmp_path_factory.mktemp("speech")
    env = {**os.environ, "HOME": str(folder), "XDG_RUNTIME_DIR": str(folder), "XDG_CONFIG_HOME": str(folder)}
    socket = folder / "pulse.sock"
    pulse_log, speechd_log = folder / "pulseaudio.log", folder / "speech-dispatcher.log"
    started: list[subprocess.Popen[bytes]] = []
    try:
        with pulse_log.open("wb") as log:
            started.append(
                subprocess.Popen(
                    [
                        "pulseaudio",
                        "-n",
                        "--daemonize=no",
                        "--exit-idle-time=-1",
                        "--use-pid-file=no",
                        "--disable-shm=yes",
                        "-L",
                        f"module-native-protocol-unix auth-anonymous=1 socket={socket}",
                        "-L",
                        f"module-null-sink sink_name={SINK} rate=22050",
                    ],
                    env=env,
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        server = f"unix:{socket}"

        def pulse_ready() -> bool:
            probe = subprocess.run(
                ["pactl", f"--server={server}", "list", "short", "sinks"],
                capture_output=True,
                text=True,
                env=env,
            )
            return SINK in probe.stdout

        _wait_for("PulseAudio", pulse_ready, pulse_log)
        speechd_socket = folder / "speechd.sock"
        with speechd_log.open("wb") as log:
            started.append(
                subprocess.Popen(
                    [
                        "speech-dispatcher",
                        "--run-single",
                        "--timeout",
                        "0",
                        "--communication-method",
                        "unix_socket",
                        "--socket-path",
                        str(speechd_socket),
                        "--log-dir",
                        str(folder),
                        "--pid-file",
                        str(folder / "speechd.pid"),
                    ],
                    env={**env, "PULSE_SERVER": server},
                    stdout=log,
                    stderr=subprocess.STDOUT,
                )
            )
        _wait_for("speech-dispatcher", speechd_socket.exists, speechd_log)
        yield SpeechSystem(folder, server, f"unix_socket:{speechd_socket}")
    finally:
        for process in reversed(started):
            process.terminate()
            try:
                process.wait(timeout=5)
            except subprocess.TimeoutExpired:
                process.kill()
