"""The kiosk as the OS sees it: SIGTERM ends it cleanly; set-pin stores a hash, never the digits."""

from __future__ import annotations

import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import segno

from kiosk.__main__ import main
from kiosk.app import ALREADY_RUNNING_EXIT
from kiosk.content import load_content
from kiosk.render.qr import QUIET_ZONE, qr_modules
from kiosk.services.pin import pin_matches
from tests.conftest import ROOT


def start_kiosk(session: Path) -> subprocess.Popen[str]:
    """The fullscreen kiosk in its own process; `session` stands for the user's runtime and log folders."""
    env = {**os.environ, "KIOSK_LOG_DIR": str(session), "XDG_RUNTIME_DIR": str(session)}
    return subprocess.Popen(
        [sys.executable, "-m", "kiosk"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )


def wait_until_running(kiosk: subprocess.Popen[str], session: Path, times: int = 1) -> None:
    log = session / "kiosk.log"
    deadline = time.monotonic() + 30
    started = re.compile(r"kiosk \S+ running")
    while (
        time.monotonic() < deadline and len(started.findall(log.read_text() if log.exists() else "")) < times
    ):
        time.sleep(0.1)
    assert kiosk.poll() is None, "the kiosk stopped by itself"


def test_sigterm_ends_the_fullscreen_kiosk_cleanly(tmp_path: Path) -> None:
    kiosk = start_kiosk(tmp_path)
    wait_until_running(kiosk, tmp_path)
    kiosk.send_signal(signal.SIGTERM)
    assert kiosk.wait(timeout=10) == 0
    log = (tmp_path / "kiosk.log").read_text()
    assert "signal 15 received: closing" in log
    assert "kiosk closing" in log


def test_a_second_kiosk_refuses_to_start_and_says_so(tmp_path: Path) -> None:
    tmp_path.chmod(0o700)
    first = start_kiosk(tmp_path)
    try:
        wait_until_running(first, tmp_path)
        second = start_kiosk(tmp_path)
        _, said = second.communicate(timeout=30)
        assert second.returncode == ALREADY_RUNNING_EXIT
        assert "already running" in said
        assert f"process {first.pid}" in said
        assert first.poll() is None, "the first kiosk must keep running"
    finally:
        first.kill()  # no clean exit: the lock it leaves behind is stale
        first.wait(timeout=10)
    third = start_kiosk(tmp_path)  # e.g. systemd restarting the kiosk after a crash
    try:
        wait_until_running(third, tmp_path, times=2)
    finally:
        third.send_signal(signal.SIGTERM)
        assert third.wait(timeout=10) == 0


def test_set_pin_stores_only_a_salted_hash(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    answers = iter(["4826", "4826"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert main(["set-pin", "--content", str(content_copy)]) == 0
    site = (content_copy / "site.toml").read_text(encoding="utf-8")
    assert "4826" not in site
    assert pin_matches("4826", load_content(content_copy).site.staff.pin_hash)


def test_set_pin_refuses_a_short_or_mistyped_pin(content_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    before = (content_copy / "site.toml").read_text(encoding="utf-8")
    for answers in (["12", "12"], ["1234", "1243"]):
        replies = iter(answers)
        monkeypatch.setattr("getpass.getpass", lambda prompt="", r=replies: next(r))
        assert main(["set-pin", "--content", str(content_copy)]) == 2
    assert (content_copy / "site.toml").read_text(encoding="utf-8") == before


def test_the_qr_code_has_a_four_module_quiet_zone_and_at_least_medium_error_correction() -> None:
    payload = "https://example.org/moeders?utm_source=wachtkamer"
    modules = qr_modules(payload)
    for edge in (modules[:QUIET_ZONE], modules[-QUIET_ZONE:], [row[:QUIET_ZONE] for row in modules]):
        assert not any(any(row) for row in edge)
    assert QUIET_ZONE == 4
    assert segno.make_qr(payload, error="m", boost_error=True).error in ("M", "Q", "H")
