"""Shared test setup. Kept free of Qt so the content tests also run where PySide6 cannot be imported."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tests.fake_clock import FakeClock

# Offscreen, on a virtual 4K screen: Qt's default offscreen screen is 800×600 and drops touches outside it.
os.environ["QT_QPA_PLATFORM"] = (
    f"offscreen:configfile={Path(__file__).resolve().parent / 'offscreen-screen.json'}"
)

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEFAULT_CONTENT = ROOT / "resources" / "content"


@pytest.fixture(autouse=True)
def _logs_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path_factory.mktemp("logs")))


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the built-in content that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT, target)
    return target


def write_slide(folder: Path, name: str, front: str, body: str = "Een korte tekst.") -> Path:
    """A slide file as a content author would write it."""
    path = folder / "slides" / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"+++\n{front.strip()}\n+++\n{body}\n", encoding="utf-8")
    return path


@pytest.fixture
def fake_clock() -> FakeClock:
    """The kiosk's clock, moved only by the test: `fake_clock.advance(60)` fires a minute of timers at once.

    Imported here, not at the top: the content tests run where Qt cannot be imported.
    """
    from tests.fake_clock import FakeClock

    return FakeClock()
