"""A visitor's first minute: the loop plays, a tap takes over, taps and swipes page, the idle timer resets."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QWidget
from pytestqt.qtbot import QtBot

from kiosk.ui.gestures import Gesture, classify
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance, centre_of, wait_rendered

MakeKiosk = Callable[..., KioskWindow]


def test_loop_advances_on_each_slides_duration(make_kiosk: MakeKiosk, fake_clock: FakeClock) -> None:
    kiosk = make_kiosk()
    show = kiosk.slideshow
    seen: list[int] = []
    show.slide_changed.connect(seen.append)
    first, second = show.slides()[0].duration_s, show.slides()[1].duration_s
    advance(fake_clock, first - 0.1)
    assert seen == []  # not a moment too soon
    advance(fake_clock, 0.2)
    assert seen == [1]
    advance(fake_clock, second)
    assert seen == [1, 2]
    assert not kiosk.bottom_bar.next.isVisible()
    assert kiosk.bottom_bar.hint.isVisible()


def test_a_slide_cross_fades_into_the_next(
    qtbot: QtBot, make_kiosk: MakeKiosk, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk()
    show = kiosk.slideshow
    wait_rendered(qtbot, show, 0, 1)  # the next slide is rendered ahead, on the worker thread
    advance(fake_clock, show.slides()[0].duration_s)
    assert show.in_transition() and show.fade_progress() < 0.1
    advance(fake_clock, kiosk.content.site.kiosk.transition_ms / 2000)
    assert show.in_transition() and 0.4 < show.fade_progress() < 0.6  # half-way: both slides show
    advance(fake_clock, kiosk.content.site.kiosk.transition_ms / 1000)
    assert not show.in_transition()


def test_loop_wraps_from_last_slide_to_first(make_kiosk: MakeKiosk, fake_clock: FakeClock) -> None:
    kiosk = make_kiosk()
    last = len(kiosk.slideshow.slides()) - 1
    kiosk.slideshow.show_index(last, animate=False)
    advance(fake_clock, kiosk.slideshow.slides()[last].duration_s)
    assert kiosk.slideshow.index() == 0


def test_first_tap_pauses_the_loop_and_shows_the_controls(
    make_kiosk: MakeKiosk, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk()
    QTest.mouseClick(kiosk.slideshow, Qt.MouseButton.LeftButton, pos=centre_of(kiosk.slideshow, 0.8))
    assert kiosk.visit.taken_over
    assert kiosk.bottom_bar.next.isVisible() and kiosk.bottom_bar.previous.isVisible()
    assert kiosk.slideshow.index() == 0  # the first tap only stops the loop
    advance(fake_clock, 50)  # far longer than a slide's duration, shorter than the idle timeout
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
    assert kiosk.visit.taken_over and show.index() == 0
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
    assert kiosk.visit.taken_over
    assert show.index() == 1


def test_swipe_from_the_first_slide_backwards_shows_the_last(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    show = kiosk.slideshow
    touch_swipe(show, centre_of(show, 0.2), centre_of(show, 0.8))
    assert show.index() == len(show.slides()) - 1


def test_idle_timeout_returns_to_the_loop_and_forgets_the_visitor(
    make_kiosk: MakeKiosk, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    kiosk.slideshow.show_index(4, animate=False)
    timeout = kiosk.content.site.kiosk.idle_timeout_s
    advance(fake_clock, timeout - 1)
    assert kiosk.visit.taken_over and kiosk.slideshow.index() == 4  # still reading
    advance(fake_clock, 1)
    assert not kiosk.visit.taken_over
    assert kiosk.slideshow.index() == 0
    assert kiosk.slideshow.is_playing()
    assert not kiosk.bottom_bar.next.isVisible()
    assert kiosk.visit.language == kiosk.content.site.kiosk.default_language


def test_every_touch_restarts_the_idle_timer(make_kiosk: MakeKiosk, fake_clock: FakeClock) -> None:
    kiosk = make_kiosk()
    kiosk.take_over()
    timeout = kiosk.content.site.kiosk.idle_timeout_s
    for _ in range(5):
        advance(fake_clock, timeout * 0.8)
        QTest.mouseClick(kiosk.bottom_bar.next, Qt.MouseButton.LeftButton)
    assert kiosk.visit.taken_over  # four timeouts passed, but never one without a touch


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


def test_a_slide_keeps_its_full_time_when_the_schedule_looks_in(
    make_kiosk: MakeKiosk, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk()
    show = kiosk.slideshow
    advance(fake_clock, show.slides()[0].duration_s - 2)
    kiosk.apply_schedule()  # what the kiosk does every 30 seconds
    advance(fake_clock, 2)
    assert show.index() == 1  # not two seconds plus a whole slide later
