"""Fuzzing the app: whatever the loader accepts, the kiosk shows without an exception or a blank screen.

Each example builds a real kiosk window, so this runs a few dozen (HYPOTHESIS_PROFILE=long: hundreds).
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from PySide6.QtCore import QEvent, QSize
from PySide6.QtGui import QPixmap
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.exceptions import format_captured_exceptions
from pytestqt.logging import _QtMessageCapture as QtLog  # the qtlog fixture; pytest-qt names no public type
from pytestqt.qtbot import QtBot

from kiosk.app import build_kiosk, create_application
from kiosk.content import load_content
from kiosk.content.model import WEEKDAYS, Schedule
from kiosk.ui.window import KioskWindow
from tests.conftest import FIXTURES
from tests.content import strategies as fs
from tests.fake_clock import FakeClock

SCREEN = QSize(1280, 800)
HUGE_PICTURE = FIXTURES / "images" / "huge-20000x20000.png"
A_MONDAY = dt.date(2026, 3, 2)


def open_moment(schedule: Schedule) -> dt.datetime:
    """A moment in the site's opening hours, so that the slides (not the closed notice) are on screen."""
    for offset in range(len(WEEKDAYS)):
        moment = dt.datetime.combine(A_MONDAY + dt.timedelta(days=offset), schedule.opens or dt.time(12))
        if schedule.is_open(moment):
            return moment
    raise AssertionError(f"the loader accepted a schedule that never opens: {schedule}")


def assert_not_blank(pixmap: QPixmap | None, what: str) -> None:
    """One flat colour is what a paint that failed half-way, or a page left empty, looks like."""
    assert pixmap is not None and not pixmap.isNull(), f"{what} was not drawn"
    image = pixmap.toImage()
    colours = {image.pixel(x, y) for x in range(0, image.width(), 16) for y in range(0, image.height(), 16)}
    assert len(colours) > 1, f"{what} is one flat colour"


def visit(window: KioskWindow) -> None:
    """What a visitor (and the idle timeout) can do, with a look at the screen after every step."""
    assert_not_blank(window.grab(), "the first screen")
    for index in range(len(window.slideshow.slides())):
        window.slideshow.show_index(index, animate=False)
        assert_not_blank(window.slideshow.current_pixmap(), f"slide {index + 1}")
        assert_not_blank(window.grab(), f"the screen with slide {index + 1}")
    for lang in window.languages():
        window.set_language(lang)
        assert_not_blank(window.grab(), f"the screen in '{window.visit.language}'")
        window.show_signs()
        while window.pages.currentWidget() is window.signs and not window.signs.on_summary():
            window.signs.answer(recognised=True)
            assert_not_blank(window.grab(), "a sign")
        assert_not_blank(window.grab(), "the signs' summary")
        window.show_contact()
        assert_not_blank(window.grab(), "the contact screen")
        window.show_slides()
    window.reset_to_loop()
    assert_not_blank(window.grab(), "the screen after the idle timeout")


@settings(
    # A window per example: a twentieth of the profile's examples (tests/conftest.py), never fewer than 30.
    # Everything else (derandomized under "ci", no deadline, no timing health check) comes from the profile.
    max_examples=max(30, settings().max_examples // 20),
    # qtbot and qtlog only collect what each example's own window raises or logs
    suppress_health_check=[*settings().suppress_health_check, HealthCheck.function_scoped_fixture],
)
# What the fuzz found: Qt read (and tried to decode) any picture a slide's Markdown named by path.
@example(files={"slides/010-a.nl.md": f"+++\ntitle = 'a'\n+++\n![x]({HUGE_PICTURE})".encode()})
@given(st.one_of(fs.showable_folders(), fs.showable_folders(), fs.content_folders()))
def test_the_kiosk_shows_whatever_the_loader_accepts(qtbot: QtBot, qtlog: QtLog, files: fs.Folder) -> None:
    create_application()
    logged_before = len(qtlog.records)
    with tempfile.TemporaryDirectory() as tmp, qtbot.captureExceptions() as exceptions:
        folder = Path(tmp)
        fs.write_folder(folder, files)
        moment = open_moment(load_content(folder).site.schedule)
        window = build_kiosk(folder, windowed=True, clock=FakeClock(moment))
        try:
            window.resize(SCREEN)
            window.show()
            assert QTest.qWaitForWindowExposed(window)
            visit(window)
        finally:
            window.close()
            window.deleteLater()
            QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)
    assert not exceptions, format_captured_exceptions(exceptions)
    warnings = [r for r in qtlog.records[logged_before:] if r.matches_level("WARNING") and not r.ignored]
    assert not warnings, [r.message for r in warnings]
