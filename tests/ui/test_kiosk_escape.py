"""Nothing a visitor's keyboard, fingers or window manager sends gets them out of the kiosk."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent, QKeySequence
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.window import KioskWindow

MakeKiosk = Callable[..., KioskWindow]
Mod = Qt.KeyboardModifier
# Escape, Tab, Enter and Space operate the kiosk (one step back, focus, press): tests/ui/test_keys.py.
ESCAPE_KEYS = [
    "Alt+F4",
    "Ctrl+Q",
    "Ctrl+W",
    "Ctrl+F4",
    "Alt+Tab",
    "Alt+Shift+Tab",
    "Alt+Esc",
    "Ctrl+Esc",
    "Ctrl+Shift+Esc",
    "Alt+Space",
    "Meta",
    "Meta+D",
    "Meta+Tab",
    "Ctrl+Alt+Del",
    "Ctrl+Alt+Backspace",
    "F11",
    "Alt+F2",
    "Ctrl+Alt+T",
    "Alt+Left",
    "Ctrl+Z",
    "Ctrl+S",
]


def visitor_screens(kiosk: KioskWindow) -> dict[str, Callable[[], None]]:
    return {
        "loop": kiosk.reset_to_loop,
        "paging": kiosk.take_over,
        "signs": kiosk.show_signs,
        "contact": kiosk.show_contact,
    }


def fullscreen_kiosk(make_kiosk: MakeKiosk) -> KioskWindow:
    kiosk = make_kiosk()
    kiosk.showFullScreen()
    kiosk.activateWindow()
    assert QTest.qWaitForWindowActive(kiosk)
    return kiosk


def press(combination: str) -> None:
    """The key combination as a keyboard sends it: to whatever has the focus, else the active window."""
    target = QApplication.focusWidget() or QApplication.activeWindow()
    assert target is not None, combination
    sequence = QKeySequence(combination)[0]  # type: ignore[index]
    QTest.keyClick(target, sequence.key(), sequence.keyboardModifiers())


def test_no_key_combination_closes_or_leaves_the_kiosk(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = fullscreen_kiosk(make_kiosk)
    quitting: list[bool] = []
    QApplication.instance().aboutToQuit.connect(lambda: quitting.append(True))  # type: ignore[union-attr]
    for name, show in visitor_screens(kiosk).items():
        show()
        screen = kiosk.pages.currentWidget()
        for combination in ESCAPE_KEYS:
            press(combination)
            assert kiosk.isVisible() and kiosk.isFullScreen(), f"{combination} on the {name} screen"
            assert not kiosk.staff.active
        assert kiosk.pages.currentWidget() is screen, f"a key moved the visitor off the {name} screen"
    assert not quitting


def test_close_requests_are_refused_on_every_screen(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    for show in visitor_screens(kiosk).values():
        show()
        assert not kiosk.close()  # what the window manager, Alt+F4 and a taskbar's "close" ask for
        assert kiosk.isVisible()


@pytest.mark.parametrize("fingers", [2, 3, 4, 5])
def test_many_finger_gestures_and_long_presses_open_nothing(make_kiosk: MakeKiosk, fingers: int) -> None:
    kiosk = make_kiosk()
    device = QTest.createTouchDevice()
    before = set(visible_windows())
    for show in visitor_screens(kiosk).values():
        show()
        screen = kiosk.pages.currentWidget()
        assert screen is not None
        centre = QPoint(screen.width() // 2, screen.height() // 2)
        points = [centre + QPoint(90 * i, 40 * i) for i in range(fingers)]
        touch = QTest.touchEvent(kiosk, device)
        for i, point in enumerate(points):
            touch.press(i, point, kiosk)
        touch.commit()
        for step in range(1, 6):  # a pinch, or a sweep of the whole hand
            touch = QTest.touchEvent(kiosk, device)
            for i, point in enumerate(points):
                touch.move(i, point + QPoint(-60 * step, (10 - 5 * i) * step), kiosk)
            touch.commit()
        touch = QTest.touchEvent(kiosk, device)
        for i, point in enumerate(points):
            touch.release(i, point + QPoint(-300, 0), kiosk)
        touch.commit()
        menu = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, centre, kiosk.mapToGlobal(centre))
        QApplication.sendEvent(screen.childAt(centre) or screen, menu)  # a long press, or a right click
        assert set(visible_windows()) == before, "a menu or window opened"
        assert kiosk.isVisible() and not kiosk.staff.active


def visible_windows() -> list[QWidget]:
    return [w for w in QApplication.topLevelWidgets() if w.isVisible()]


def test_the_kiosk_keeps_the_focus_while_it_builds_its_other_screens(
    make_kiosk: MakeKiosk, qtbot: QtBot
) -> None:
    """The signs, contact and other screens are built after the first slide: none of them may flash up as
    a window of its own, which took the focus from the kiosk (the signs screen's stack once did)."""
    windows: list[QWidget] = []
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    app.focusWindowChanged.connect(lambda window: windows.append(window))
    kiosk = make_kiosk()
    qtbot.waitUntil(kiosk.screens_ready, timeout=5000)
    QApplication.processEvents()
    assert QApplication.activeWindow() is kiosk
    assert all(window is kiosk.windowHandle() for window in windows), windows
