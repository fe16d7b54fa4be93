"""Shared test setup. Kept free of Qt so the content tests also run where PySide6 cannot be imported."""

from __future__ import annotations

import logging
import os
import re
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from hypothesis import HealthCheck, settings

if TYPE_CHECKING:
    from tests.fake_clock import FakeClock

# Offscreen, on a virtual 4K screen: Qt's default offscreen screen is 800×600 and drops touches outside it.
os.environ["QT_QPA_PLATFORM"] = (
    f"offscreen:configfile={Path(__file__).resolve().parent / 'offscreen-screen.json'}"
)

# "Lees voor" speaks through Qt's silent mock engine (kiosk.services.speech); the end-to-end test of real
# speech sets its own.
os.environ.setdefault("KIOSK_SPEECH_ENGINE", "mock")

# Hypothesis profiles, chosen with HYPOTHESIS_PROFILE; every fuzz test runs under the one loaded here.
#  ci   (the default, and what .ci/run sets): the same examples every run, so a verdict never depends on luck;
#       no example database, no deadline and no timing health check, so a slow or busy machine cannot fail it.
#  long (HYPOTHESIS_PROFILE=long): a deeper, random local exploration; failures are kept in .hypothesis/.
#       Turn what it finds into an @example next to the test, so that `ci` runs it from then on.
# The app fuzz (tests/ui/test_fuzz_app.py) builds a window per example and runs a twentieth of these.
_TIME_BASED = [HealthCheck.too_slow, HealthCheck.data_too_large]
settings.register_profile(
    "ci", max_examples=200, derandomize=True, database=None, deadline=None, suppress_health_check=_TIME_BASED
)
settings.register_profile("long", max_examples=5000, deadline=None, suppress_health_check=_TIME_BASED)
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
DEFAULT_CONTENT = ROOT / "resources" / "content"


@pytest.fixture(autouse=True)
def _logs_in_tmp(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Each test logs into its own folder; handlers a test's `main()` added (on a stderr that pytest closes
    after the test) are taken off again, so no later test writes to a closed stream."""
    monkeypatch.setenv("KIOSK_LOG_DIR", str(tmp_path_factory.mktemp("logs")))
    monkeypatch.setenv("KIOSK_STATE_DIR", os.environ["KIOSK_LOG_DIR"])  # and undone, should `main()` set it
    root = logging.getLogger()
    handlers, level = list(root.handlers), root.level
    yield
    for handler in [h for h in root.handlers if h not in handlers]:
        root.removeHandler(handler)
        handler.close()
    root.setLevel(level)


@pytest.fixture
def content_copy(tmp_path: Path) -> Path:
    """A private copy of the built-in content that a test may change."""
    target = tmp_path / "content"
    shutil.copytree(DEFAULT_CONTENT, target)
    return target


def edit_site(folder: Path, old: str, new: str, count: int = -1) -> Path:
    """`folder` with `old` in its site.toml replaced by `new`, as staff would edit it; `old` must be there,
    so that a changed example site cannot leave a test checking the default."""
    site = folder / "site.toml"
    text = site.read_text(encoding="utf-8")
    assert old in text, old
    site.write_text(text.replace(old, new, count), encoding="utf-8")
    return folder


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


SITE_BREAKS = ["a folder", "invalid TOML", "an empty crisis text"]


def break_site(folder: Path, how: str) -> None:
    """Break a content folder's site.toml the way it has happened on site (one of SITE_BREAKS)."""
    site = folder / "site.toml"
    text = site.read_text(encoding="utf-8")
    if how == "a folder":
        site.unlink()
        site.mkdir()
    elif how == "invalid TOML":
        site.write_text(text.replace("[urgent]", "[urgent"), encoding="utf-8")
    else:  # the crisis text blank in every language ([urgent.text] holds one per language)
        site.write_text(re.sub(r'(?m)^(\w+) = """[^"]*"""', r'\1 = "  "', text), encoding="utf-8")
