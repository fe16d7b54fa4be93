"""The kiosk as the OS sees it: SIGTERM ends it cleanly; set-pin stores a hash, never the digits."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
import segno

from kiosk.__main__ import main
from kiosk.content import load_content
from kiosk.services.pin import pin_matches
from kiosk.services.qr import QUIET_ZONE, qr_modules
from tests.conftest import ROOT


def test_sigterm_ends_the_fullscreen_kiosk_cleanly(tmp_path: Path) -> None:
    env = {**os.environ, "KIOSK_LOG_DIR": str(tmp_path)}
    kiosk = subprocess.Popen(
        [sys.executable, "-m", "kiosk"], cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True
    )
    log = tmp_path / "kiosk.log"
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline and "running" not in (log.read_text() if log.exists() else ""):
        time.sleep(0.1)
    assert kiosk.poll() is None, "the kiosk stopped by itself"
    kiosk.send_signal(signal.SIGTERM)
    assert kiosk.wait(timeout=10) == 0
    assert "signal 15 received: closing" in log.read_text()
    assert "kiosk closing" in log.read_text()


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
