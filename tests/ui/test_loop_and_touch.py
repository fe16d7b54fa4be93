"""A visitor's first minute: the loop plays, a tap takes over, taps and swipes page, the idle timer resets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.gestures import Gesture, classify
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import FAST, centre_of

MakeKiosk = Callable[..., KioskWindow]


def test_loop_advances_on_each_slides_duration(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(time_scale=FAST)
    seen: list[int] = []
    kiosk.slideshow.slide_changed.connect(seen.append)
    qtbot.waitUntil(lambda: len(seen) >= 3, timeout=3000)
    assert seen[:3] == [1, 2, 3]
    assert not kiosk.bottom_bar.next.isVisible()
    assert kiosk.bottom_bar.hint.isVisible()


def test_loop_wraps_from_last_slide_to_first(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(time_scale=FAST)
    last = len(kiosk.slideshow.slides()) - 1
    kiosk.slideshow.show_index(last, animate=False)
    with qtbot.waitSignal(kiosk.slideshow.slide_changed, timeout=3000) as changed:
        pass
    assert changed.args == [0]


def test_first_tap_pauses_the_loop_and_shows_the_controls(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(time_scale=0.01)
    QTest.mouseClick(kiosk.slideshow, Qt.MouseButton.LeftButton, pos=centre_of(kiosk.slideshow, 0.8))
    assert kiosk.interactive
    assert kiosk.bottom_bar.next.isVisible() and kiosk.bottom_bar.previous.isVisible()
    assert kiosk.slideshow.index() == 0  # the first tap only stops the loop
    qtbot.wait(400)  # far longer than a (scaled) slide duration
    assert kiosk.slideshow.index() == 0


def test_taps_page_forward_on_the_right_and_back_on_the_left(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    show = kiosk.slideshow
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=centre_of(show, 0.8))
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=centre_of(show, 0.8))
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=centre_of(show, 0.8))
    assert show.index() == 2
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=centre_of(show, 0.2))
    assert show.index() == 1


def test_next_and_previous_buttons_page(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    QTest.mouseClick(kiosk.bottom_bar.next, Qt.MouseButton.LeftButton)
    QTest.mouseClick(kiosk.bottom_bar.next, Qt.MouseButton.LeftButton)
    QTest.mouseClick(kiosk.bottom_bar.previous, Qt.MouseButton.LeftButton)
    assert kiosk.slideshow.index() == 1
    assert kiosk.bottom_bar.dots.accessibleName() == f"2 / {len(kiosk.slideshow.slides())}"


def touch_swipe(widget: QWidget, start: QPoint, end: QPoint) -> None:
    device = QTest.createTouchDevice()
    QTest.touchEvent(widget, device).press(0, start, widget).commit()
    steps = 5
    for i in range(1, steps + 1):
        point = start + (end - start) * i / steps
        QTest.touchEvent(widget, device).move(0, point, widget).commit()
    QTest.touchEvent(widget, device).release(0, end, widget).commit()


def test_real_touch_tap_and_one_finger_swipes_page(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    show = kiosk.slideshow
    touch_swipe(show, centre_of(show), centre_of(show))  # a tap with a finger
    assert kiosk.interactive and show.index() == 0
    touch_swipe(show, centre_of(show, 0.8), centre_of(show, 0.3))
    touch_swipe(show, centre_of(show, 0.8), centre_of(show, 0.3))
    assert show.index() == 2
    touch_swipe(show, centre_of(show, 0.3), centre_of(show, 0.8))
    assert show.index() == 1


def test_mouse_drag_swipes_like_a_finger(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    show = kiosk.slideshow
    QTest.mousePress(show, Qt.MouseButton.LeftButton, pos=centre_of(show, 0.9))
    QTest.mouseRelease(show, Qt.MouseButton.LeftButton, pos=centre_of(show, 0.2), delay=50)
    assert kiosk.interactive
    assert show.index() == 1


def test_swipe_from_the_first_slide_backwards_shows_the_last(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    show = kiosk.slideshow
    touch_swipe(show, centre_of(show, 0.2), centre_of(show, 0.8))
    assert show.index() == len(show.slides()) - 1


def test_idle_timeout_returns_to_the_loop_and_forgets_the_visitor(
    qtbot: QtBot, make_kiosk: MakeKiosk
) -> None:
    kiosk = make_kiosk(time_scale=0.005)  # idle timeout 60 s → 300 ms
    kiosk.take_over()
    kiosk.slideshow.show_index(4, animate=False)
    with qtbot.waitSignal(kiosk.returned_to_loop, timeout=3000):
        pass
    assert not kiosk.interactive
    assert kiosk.slideshow.index() == 0
    assert kiosk.slideshow.is_playing()
    assert not kiosk.bottom_bar.next.isVisible()
    assert kiosk.language == kiosk.content.site.kiosk.default_language


def test_every_touch_restarts_the_idle_timer(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(time_scale=0.02)  # 1.2 s
    kiosk.take_over()
    for _ in range(5):
        qtbot.wait(300)
        QTest.mouseClick(kiosk.bottom_bar.next, Qt.MouseButton.LeftButton)
    assert kiosk.interactive  # 1.5 s passed, but never 1.2 s without a touch


def test_gesture_classifier() -> None:
    assert classify((500, 400), (505, 402), 0.1, 1920) is Gesture.TAP
    assert classify((900, 400), (500, 420), 0.3, 1920) is Gesture.SWIPE_LEFT
    assert classify((500, 400), (900, 380), 0.3, 1920) is Gesture.SWIPE_RIGHT
    assert classify((500, 400), (520, 700), 0.3, 1920) is Gesture.NONE  # mostly vertical
    assert classify((500, 400), (560, 400), 0.3, 1920) is Gesture.NONE  # too short to be a swipe
    assert classify((500, 400), (500, 400), 2.5, 1920) is Gesture.NONE  # a long press is not a tap
    assert classify(QPointF(0, 0), QPointF(-300, 10), 0.2, 1280) is Gesture.SWIPE_LEFT


def test_two_quick_taps_page_twice(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    show = kiosk.slideshow
    kiosk.take_over()
    right = centre_of(show, 0.8)
    QTest.mousePress(show, Qt.MouseButton.LeftButton, pos=right)
    QTest.mouseRelease(show, Qt.MouseButton.LeftButton, pos=right)
    QTest.mouseDClick(show, Qt.MouseButton.LeftButton, pos=right)  # the second press, as Qt reports it
    QTest.mouseRelease(show, Qt.MouseButton.LeftButton, pos=right)
    assert show.index() == 2
