"""Widget tests build the real kiosk through the application factory, with time made fast."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QEvent, QPoint, QSize
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.app import build_kiosk, create_application
from kiosk.ui.window import KioskWindow
from tests.conftest import DEFAULT_CONTENT

FAST = 0.001  # a 12-second slide lasts 12 ms; the 60-second idle timeout lasts 60 ms


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture
def make_kiosk(qtbot: QtBot) -> Iterator[Callable[..., KioskWindow]]:
    """Builds kiosks; afterwards each is really closed and deleted, timers and all. (A kiosk-mode window
    refuses the close that pytest-qt's addWidget tries, and would loop on in the background.)"""
    made: list[KioskWindow] = []

    def make(
        content: Path = DEFAULT_CONTENT,
        time_scale: float = 1.0,
        windowed: bool = False,
        size: QSize | None = None,
        clock: Callable[[], dt.datetime] = dt.datetime.now,
        watch: bool = False,
    ) -> KioskWindow:
        create_application()
        window = build_kiosk(content, windowed=windowed, time_scale=time_scale, clock=clock, watch=watch)
        made.append(window)
        window.resize(size or QSize(1920, 1080))
        window.show()
        assert QTest.qWaitForWindowExposed(window)
        return window

    yield make
    for window in made:
        window.quit_cleanly()
        window.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)


def centre_of(widget: QWidget, x_fraction: float = 0.5) -> QPoint:
    return QPoint(round(widget.width() * x_fraction), widget.height() // 2)
