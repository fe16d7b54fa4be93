"""One kiosk per screen: on a machine with two screens, two kiosks run, one on each (site.toml's
`[kiosk] screen`), and a second one on the same screen still stops with status 3. A screen that is not
connected gives the primary one, and the log says so. (Qt's offscreen platform with two screens.)"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kiosk.app import ALREADY_RUNNING_EXIT
from tests.conftest import DEFAULT_CONTENT, ROOT, edit_site
from tests.ui.test_process import wait_for_log

SCREENS = [
    {"name": "left", "x": 0, "y": 0, "width": 1920, "height": 1080, "logicalDpi": 96, "logicalBaseDpi": 96},
    {
        "name": "right",
        "x": 1920,
        "y": 0,
        "width": 1280,
        "height": 800,
        "logicalDpi": 96,
        "logicalBaseDpi": 96,
    },
]


def kiosk_on(tmp: Path, name: str, screen: str | int) -> tuple[subprocess.Popen[str], Path]:
    """A kiosk process whose site.toml asks for `screen`; its own log folder, one shared runtime folder."""
    content = tmp / f"content-{name}"
    shutil.copytree(DEFAULT_CONTENT, content)
    edit_site(content, "transition_ms = 450\n", f"transition_ms = 450\nscreen = {json.dumps(screen)}\n")
    config = tmp / "screens.json"
    config.write_text(json.dumps({"screens": SCREENS}))
    runtime, logs = tmp / "runtime", tmp / f"logs-{name}"
    runtime.mkdir(mode=0o700, exist_ok=True)
    logs.mkdir()
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": f"offscreen:configfile={config}",
        "XDG_RUNTIME_DIR": str(runtime),
        "KIOSK_LOG_DIR": str(logs),
    }
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--content", str(content)],
        cwd=ROOT,
        env=env,
        stderr=subprocess.PIPE,
        text=True,
    )
    return process, logs


def test_two_kiosks_on_two_screens_and_one_per_screen(tmp_path: Path) -> None:
    left, left_logs = kiosk_on(tmp_path, "a", "left")
    right, right_logs = kiosk_on(tmp_path, "b", 2)  # by number: the second screen
    started = [left, right]
    try:
        assert "window 1920×1080, filling screen left" in wait_for_log(
            left, left_logs, r"filling screen left"
        )
        assert "window 1280×800, filling screen right" in wait_for_log(
            right, right_logs, r"filling screen right"
        )
        again, _ = kiosk_on(tmp_path, "c", "right")
        started.append(again)
        _, said = again.communicate(timeout=30)
        assert again.returncode == ALREADY_RUNNING_EXIT
        assert "already running on screen right" in said
        assert left.poll() is None and right.poll() is None
    finally:
        for process in started:
            process.kill()
            process.communicate(timeout=10)


def test_a_screen_that_is_not_connected_gives_the_primary_one(tmp_path: Path) -> None:
    kiosk, logs = kiosk_on(tmp_path, "a", "HDMI-9")
    try:
        log = wait_for_log(kiosk, logs, r"filling screen left")
        assert "screen 'HDMI-9' from site.toml is not connected" in log
        assert "using the primary screen left" in log
    finally:
        kiosk.kill()
        kiosk.communicate(timeout=10)
