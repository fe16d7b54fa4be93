"""Slides are rendered on a worker thread: a huge photo being decoded never holds up the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.render import pictures
from kiosk.ui.window import KioskWindow
from tests.conftest import write_slide
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance, centre_of, wait_rendered

MakeKiosk = Callable[..., KioskWindow]


def huge_photo(path: Path) -> None:
    image = QImage(QSize(6000, 4000), QImage.Format.Format_RGB32)
    image.fill(QColor("#7a9"))
    assert image.save(str(path), quality=80)


def test_a_huge_picture_is_decoded_while_the_gui_thread_goes_on(
    qtbot: QtBot,
    make_kiosk: MakeKiosk,
    fake_clock: FakeClock,
    content_copy: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    kiosk = make_kiosk(content_copy)
    show = kiosk.slideshow
    wait_rendered(qtbot, show, 0, 1, -1)  # started, and nothing left for the worker to do
    decoding, may_finish = threading.Event(), threading.Event()
    read = pictures._read_raster

    def slow_read(path: Path, size: QSize) -> QImage | None:
        """The real decode, held until the test has seen the GUI thread at work meanwhile."""
        decoding.set()
        may_finish.wait(10)
        return read(path, size)

    monkeypatch.setattr(pictures, "_read_raster", slow_read)
    huge_photo(content_copy / "images" / "foto.jpg")
    write_slide(
        content_copy, "015-foto.nl.md", 'title = "Een foto"\nillustration = "foto.jpg"\nduration = 12'
    )
    with qtbot.waitSignal(kiosk.store.content_changed, timeout=10_000):
        kiosk.store.reload()
    assert show.slides()[1].id == "015-foto"
    wait_rendered(qtbot, show, 0)
    qtbot.waitUntil(decoding.is_set, timeout=10_000)  # the worker is inside the photo's decode now

    # Meanwhile the GUI thread takes a tap, pages and paints; the slide on screen stays until the photo is in.
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=centre_of(show))
    assert kiosk.visit.taken_over
    on_screen = show.grab().toImage()  # with the paging arrows a visitor's tap brings
    show.show_index(1)
    assert show.index() == 1 and not show.settled() and not show.is_rendered(1)
    assert show.grab().toImage() == on_screen
    assert not may_finish.is_set()

    may_finish.set()
    wait_rendered(qtbot, show, 1)
    advance(fake_clock, 2 * kiosk.content.site.kiosk.transition_ms / 1000)  # the fade it then makes
    assert show.settled() and show.grab().toImage() != on_screen
