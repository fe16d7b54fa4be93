"""Time to finish reading (WCAG 2.2.1): before the idle reset a visitor still there is asked "Ben je nog aan
het lezen?" with a countdown of at least 20 s; any touch extends, as often as needed; nobody: the reset."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from kiosk.ui.reading import COUNTDOWN_S
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import advance, centre_of

MakeKiosk = Callable[..., KioskWindow]


def asked(kiosk: KioskWindow) -> bool:
    return kiosk.reading.isVisible()


def test_the_question_comes_20_seconds_before_the_reset_and_counts_down_each_second(
    make_kiosk: MakeKiosk, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk()
    timeout = kiosk.content.site.kiosk.idle_timeout_s
    assert COUNTDOWN_S >= 20
    kiosk.take_over()
    advance(fake_clock, timeout - COUNTDOWN_S - 0.5)
    assert not asked(kiosk)
    advance(fake_clock, 0.5)
    assert asked(kiosk)
    assert kiosk.reading.question.text() == "Ben je nog aan het lezen?"
    assert kiosk.reading.yes.text() == "Ja, verder lezen"
    assert "20 seconden" in kiosk.reading.countdown.text()
    for left in (19, 18, 17):
        advance(fake_clock, 1)
        assert f"{left} seconden" in kiosk.reading.countdown.text()
    # the button is large and in the middle of what the visitor sees
    m = kiosk.slideshow.renderer.look.mm_per_px
    assert kiosk.reading.yes.height() * m >= 15 and kiosk.reading.yes.width() * m >= 15
    assert kiosk.visit.taken_over  # nothing forgotten yet


def test_any_touch_extends_without_limit(make_kiosk: MakeKiosk, fake_clock: FakeClock) -> None:
    kiosk = make_kiosk()
    timeout = kiosk.content.site.kiosk.idle_timeout_s
    kiosk.take_over()
    kiosk.set_large_text(True)
    visit = kiosk.visit
    for _ in range(10):  # ten times in a row: no limit on how often
        advance(fake_clock, timeout - 1)
        assert asked(kiosk) and kiosk.visit is visit
        QTest.mouseClick(kiosk.reading, Qt.MouseButton.LeftButton, pos=centre_of(kiosk.reading, 0.1))
        assert not asked(kiosk)
    # and the big button does the same
    advance(fake_clock, timeout - 5)
    QTest.mouseClick(kiosk.reading.yes, Qt.MouseButton.LeftButton)
    assert not asked(kiosk)
    advance(fake_clock, timeout - 1)
    assert kiosk.visit is visit and kiosk.visit.large_text


def test_no_touch_resets_and_forgets(make_kiosk: MakeKiosk, fake_clock: FakeClock) -> None:
    kiosk = make_kiosk()
    timeout = kiosk.content.site.kiosk.idle_timeout_s
    kiosk.take_over()
    kiosk.set_large_text(True)
    kiosk.set_high_contrast(True)
    advance(fake_clock, timeout - 1)
    assert asked(kiosk)
    advance(fake_clock, 1)
    assert not asked(kiosk)
    assert not kiosk.visit.taken_over
    assert not kiosk.visit.large_text and not kiosk.visit.high_contrast
    assert not kiosk.bottom_bar.large_text.isChecked()
    assert kiosk.slideshow.renderer.look.large is False


def test_not_asked_in_the_loop_nor_in_staff_mode(make_kiosk: MakeKiosk, fake_clock: FakeClock) -> None:
    kiosk = make_kiosk()
    advance(fake_clock, 300)  # the loop plays on its own: nobody to ask
    assert not asked(kiosk)
    kiosk.staff.enter()
    advance(fake_clock, kiosk.content.site.staff.session_timeout_s - 5)
    assert not asked(kiosk)
