"""A real X server (Xvfb), a real window manager (Openbox) and the real kiosk in its own process.

Everything is driven from outside, as the OS and a visitor would: xdotool and wmctrl send what a window
manager's keys and gestures send, xprop and xwininfo read back what the X server says is on screen. Waits
poll the X server with a deadline; none sleeps a fixed time.

The tools are Debian packages (`./dev.sh test` installs them). A missing one fails these tests: a display
test that skips on the machine that lacks the display proves nothing.
"""

from __future__ import annotations

import os
import re
import select
import shutil
import signal
import subprocess
import sys
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar

import pytest

from tests.conftest import DEFAULT_CONTENT, ROOT

SCREEN = (1920, 1080)
SCREEN_SPEC = f"{SCREEN[0]}x{SCREEN[1]}x24"
# The Debian package each command comes from; `./dev.sh test` installs them.
TOOLS = {
    "Xvfb": "xvfb",
    "openbox": "openbox",
    "xdotool": "xdotool",
    "wmctrl": "wmctrl",
    "xprop": "x11-utils",
    "xwininfo": "x11-utils",
    "xmessage": "x11-utils",
    "import": "imagemagick",
}
T = TypeVar("T")


def wait_for(what: str, probe: Callable[[], T | None], timeout: float = 10.0) -> T:
    """Polls `probe` until it returns something truthy; fails after `timeout` seconds saying `what`."""
    deadline = time.monotonic() + timeout
    while True:
        value = probe()
        if value:
            return value
        if time.monotonic() > deadline:
            pytest.fail(f"not within {timeout:g} s: {what}")
        time.sleep(0.05)


def _require_tools() -> None:
    missing = sorted({f"{cmd} ({pkg})" for cmd, pkg in TOOLS.items() if shutil.which(cmd) is None})
    if missing:
        needed = ", ".join(missing)
        pytest.fail(f"the display tests need {needed}: ./dev.sh test installs them", pytrace=False)


def spawn(
    command: list[str], env: dict[str, str] | None, log: Path, **options: Any
) -> subprocess.Popen[bytes]:
    """Starts a program with its output in a file (a pipe nobody reads fills up and blocks it)."""
    with log.open("wb") as out:
        return subprocess.Popen(command, env=env, stdout=out, stderr=subprocess.STDOUT, **options)


def _stop(process: subprocess.Popen[bytes] | subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(timeout=5)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=5)


@dataclass
class Display:
    """One X display (":N") and the tools that read and drive it."""

    name: str
    env: dict[str, str]

    def run(self, *command: str, check: bool = True) -> str:
        done = subprocess.run(command, env=self.env, capture_output=True, text=True, timeout=10)
        if check and done.returncode != 0:
            raise AssertionError(f"{' '.join(command)} failed ({done.returncode}): {done.stderr.strip()}")
        return done.stdout

    def root_windows(self, atom: str) -> list[int]:
        """A window-list property of the root window, e.g. _NET_CLIENT_LIST_STACKING (bottom to top)."""
        return [int(w, 16) for w in re.findall(r"0x[0-9a-f]+", self.run("xprop", "-root", atom))]

    def active_window(self) -> int | None:
        found = self.root_windows("_NET_ACTIVE_WINDOW")
        return found[0] if found and found[0] else None

    def stacking(self) -> list[int]:
        return self.root_windows("_NET_CLIENT_LIST_STACKING")

    def net_wm_state(self, window: int) -> str:
        return self.run("xprop", "-id", str(window), "_NET_WM_STATE", check=False)

    def window_info(self, window: int) -> dict[str, str]:
        """What xwininfo says: 'Absolute upper-left X', 'Width', 'Map State', ..."""
        out = self.run("xwininfo", "-id", str(window))
        return {k.strip(): v.strip() for k, v in re.findall(r"^\s*([^:\n]+):\s*(.*)$", out, re.MULTILINE)}

    def geometry(self, window: int) -> tuple[int, int, int, int]:
        info = self.window_info(window)
        return tuple(  # type: ignore[return-value]
            int(info[k]) for k in ("Absolute upper-left X", "Absolute upper-left Y", "Width", "Height")
        )

    def is_mapped(self, window: int) -> bool:
        return self.window_info(window).get("Map State") == "IsViewable"

    def windows_of(self, pid: int) -> list[int]:
        """The mapped top-level windows of a process (by _NET_WM_PID), window manager or not."""
        out = self.run("xdotool", "search", "--onlyvisible", "--pid", str(pid), check=False)
        return [int(w) for w in out.split()]

    def screenshot(self, path: Path) -> Path:
        self.run("import", "-window", "root", str(path))
        return path


def _start_xvfb(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    """Xvfb on the first free display number, which it picks itself and reports on a pipe (-displayfd):
    no guessing, no race with another X server starting at the same time."""
    reader, writer = os.pipe()
    try:
        xvfb = spawn(
            ["Xvfb", "-displayfd", str(writer), "-screen", "0", SCREEN_SPEC, "-nolisten", "tcp"],
            None,
            tmp / "xvfb.log",
            pass_fds=(writer,),
        )
        os.close(writer)
        writer = -1
        number = b""
        deadline = time.monotonic() + 15
        while not number.endswith(b"\n"):
            ready, _, _ = select.select([reader], [], [], max(0.0, deadline - time.monotonic()))
            chunk = os.read(reader, 16) if ready else b""
            if not chunk:
                _stop(xvfb)
                pytest.fail(f"Xvfb did not start: {(tmp / 'xvfb.log').read_text(errors='replace')[-2000:]}")
            number += chunk
    finally:
        os.close(reader)
        if writer >= 0:
            os.close(writer)
    return xvfb, f":{int(number)}"


@pytest.fixture
def bare_display(tmp_path: Path) -> Iterator[Display]:
    """A fresh Xvfb, 1920×1080×24, with no window manager."""
    _require_tools()
    xvfb, name = _start_xvfb(tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    env = {
        **os.environ,
        "DISPLAY": name,
        "HOME": str(home),
        "XDG_CONFIG_HOME": str(home / ".config"),
        "XDG_CACHE_HOME": str(home / ".cache"),
    }
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("XAUTHORITY", None)
    try:
        yield Display(name, env)
    finally:
        _stop(xvfb)


@pytest.fixture
def display(bare_display: Display, tmp_path: Path) -> Iterator[Display]:
    """A fresh Xvfb with Openbox managing it (its stock configuration: Alt+Tab, Alt+F4, Super+D...)."""
    wm = spawn(["openbox", "--sm-disable"], bare_display.env, tmp_path / "openbox.log")
    try:

        def wm_ready() -> bool:
            assert wm.poll() is None, f"openbox exited: {(tmp_path / 'openbox.log').read_text()[-2000:]}"
            return "_NET_SUPPORTING_WM_CHECK(WINDOW)" in bare_display.run(
                "xprop", "-root", "_NET_SUPPORTING_WM_CHECK", check=False
            )

        wait_for("openbox manages the display", wm_ready)
        yield bare_display
    finally:
        _stop(wm)


@dataclass
class Kiosk:
    process: subprocess.Popen[bytes]
    window: int
    log: Path

    def alive(self) -> bool:
        return self.process.poll() is None

    def log_count(self, text: str) -> int:
        return self.log.read_text(errors="replace").count(text) if self.log.exists() else 0


def frozen_bundle() -> Path | None:
    """The built kiosk folder: KIOSK_BUNDLE_DIR (CI sets it, and then it must exist), else dist/kiosk when
    it was built, else None (the frozen-bundle tests skip)."""
    wanted = os.environ.get("KIOSK_BUNDLE_DIR")
    folder = Path(wanted) if wanted else ROOT / "dist" / "kiosk"
    if (folder / "_internal").is_dir() and (folder / "kiosk").is_file():
        return folder
    if wanted:
        pytest.fail(f"KIOSK_BUNDLE_DIR={wanted} is not a built kiosk folder", pytrace=False)
    return None


@pytest.fixture
def bundle() -> Path:
    folder = frozen_bundle()
    if folder is None:
        pytest.skip("no built kiosk: run `pyinstaller --noconfirm build.spec` (or set KIOSK_BUNDLE_DIR)")
    return folder


def start_kiosk(
    display: Display,
    tmp: Path,
    bundle: Path | None = None,
    content: Path = DEFAULT_CONTENT,
    extra_env: dict[str, str] | None = None,
) -> Iterator[Kiosk]:
    """The kiosk on the xcb platform (`python -m kiosk`, or the frozen `bundle/kiosk`), with its own runtime
    and log folders; yields once the kiosk says it runs and its window is mapped; ends it with SIGTERM."""
    session = tmp / "session"
    session.mkdir(mode=0o700)
    env = {
        **display.env,
        "QT_QPA_PLATFORM": "xcb",  # the tests' own process runs offscreen
        "XDG_RUNTIME_DIR": str(session),
        "KIOSK_LOG_DIR": str(session),
        **(extra_env or {}),
    }
    program = [str(bundle / "kiosk")] if bundle else [sys.executable, "-m", "kiosk"]
    process = spawn([*program, "--content", str(content)], env, tmp / "kiosk.stderr", cwd=ROOT)
    kiosk = Kiosk(process, 0, session / "kiosk.log")
    try:

        def mapped_window() -> int | None:
            if not kiosk.alive():
                pytest.fail(f"the kiosk exited: {(tmp / 'kiosk.stderr').read_text(errors='replace')[-3000:]}")
            if not re.search(r"kiosk \S+ running", kiosk.log.read_text() if kiosk.log.exists() else ""):
                return None
            windows = display.windows_of(process.pid)
            return windows[0] if len(windows) == 1 else None

        kiosk.window = wait_for("the kiosk runs and has mapped its window", mapped_window, timeout=30)
        yield kiosk
    finally:
        _stop(process)


@pytest.fixture
def kiosk(display: Display, tmp_path: Path) -> Iterator[Kiosk]:
    """The kiosk under a window manager."""
    yield from start_kiosk(display, tmp_path)


@pytest.fixture
def kiosk_without_wm(bare_display: Display, tmp_path: Path) -> Iterator[Kiosk]:
    """The kiosk on a bare X server, as under a kiosk session with no window manager at all."""
    yield from start_kiosk(bare_display, tmp_path)
