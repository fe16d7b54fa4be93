"""Widget tests build the real kiosk through the application factory, on a fake clock the test moves."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import build_kiosk, create_application
from kiosk.services.content_store import FolderWatch
from kiosk.ui.slideshow import SlideShow
from kiosk.ui.window import KioskWindow
from tests.conftest import DEFAULT_CONTENT
from tests.fake_clock import FakeClock

# The screens the kiosk is looked at on: landscape full HD, a small laptop-sized panel, and portrait.
SIZES = (QSize(1920, 1080), QSize(1280, 800), QSize(1080, 1920))


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture
def make_kiosk(qtbot: QtBot, fake_clock: FakeClock) -> Iterator[Callable[..., KioskWindow]]:
    """Builds kiosks on the test's fake clock (`fake_clock`); afterwards each is really closed and deleted.
    (A kiosk-mode window refuses the close that pytest-qt's addWidget tries.)"""
    made: list[KioskWindow] = []

    def make(
        content: Path = DEFAULT_CONTENT,
        windowed: bool = False,
        size: QSize | None = None,
        watch: bool = False,
    ) -> KioskWindow:
        create_application()
        window = build_kiosk(content, windowed=windowed, clock=fake_clock, watch=watch)
        made.append(window)
        window.resize(size or QSize(1920, 1080))
        window.show()
        assert QTest.qWaitForWindowExposed(window)
        speech_ready(qtbot, window)
        return window

    yield make
    for window in made:
        window.quit_cleanly()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def speech_ready(qtbot: QtBot, window: KioskWindow) -> None:
    """The speech engine (the silent mock, tests/conftest.py) has answered, as it has on a kiosk a few
    seconds after start: "Lees voor" shows where it would for a visitor. Waits on its thread, in real time."""
    speech = window.read_aloud.speech
    if speech.settings.enabled:
        speech.prepare()
        qtbot.waitUntil(lambda: bool(speech.available_languages()), timeout=10_000)


def centre_of(widget: QWidget, x_fraction: float = 0.5) -> QPoint:
    return QPoint(round(widget.width() * x_fraction), widget.height() // 2)


def wait_rendered(qtbot: QtBot, show: SlideShow, *indices: int) -> None:
    """Wait until the slideshow's worker thread has rendered these slides. This waits on that thread, in
    real time, not on the kiosk's timers: the fake clock does not move meanwhile."""
    qtbot.waitUntil(lambda: all(show.is_rendered(index) for index in indices), timeout=10_000)


def watching(qtbot: QtBot, kiosk: KioskWindow) -> FolderWatch:
    """The kiosk follows its content folder: it starts to once its first screen is painted."""
    qtbot.waitUntil(lambda: kiosk.store.folder_watch is not None, timeout=5000)
    assert kiosk.store.folder_watch is not None
    return kiosk.store.folder_watch


def advance(clock: FakeClock, seconds: float) -> None:
    """Let `seconds` pass on the kiosk's clock (every timer fires in turn), then let Qt deliver its events
    and paint once: a day of cross-fades costs the timers' work, not a hundred thousand repaints."""
    clock.advance(seconds)
    QApplication.processEvents()
