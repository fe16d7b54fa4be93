"""The kiosk without its touch screen (EN 301 549 § 5.1.6): a keyboard or a USB audio keypad reaches and
presses every visitor control, the focus ring shows where the keys are (only while keys are used, ≥ 3:1
against the page and the control, ≥ 2 mm), and no key leaves the kiosk."""

from __future__ import annotations

import itertools
from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QSize, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractButton, QApplication, QWidget
from pytest import MonkeyPatch

from kiosk.render import theme
from kiosk.ui.reading import COUNTDOWN_S
from kiosk.ui.window import KioskWindow
from tests.fake_clock import FakeClock
from tests.ui.conftest import SIZES, advance
from tests.ui.test_contrast import contrast

MakeKiosk = Callable[..., KioskWindow]
K = Qt.Key


def press(
    kiosk: KioskWindow, key: Qt.Key, modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier
) -> None:
    """One key as a keyboard sends it: to the widget with the focus, else the window."""
    QTest.keyClick(kiosk.focusWidget() or kiosk, key, modifiers)
    QApplication.processEvents()


def ring_on(kiosk: KioskWindow) -> QWidget | None:
    """The control the visitor sees the focus ring around (None: no ring on screen)."""
    ring = kiosk.keys.ring
    return ring.target if ring.isVisible() and ring.target is not None and ring.target.isVisible() else None


def tab_to(kiosk: KioskWindow, control: QWidget, key: Qt.Key = K.Key_Tab) -> None:
    """Press Tab (or another moving key) until the ring is on `control`; fails when it never gets there."""
    for _ in range(20):
        if ring_on(kiosk) is control:
            return
        press(kiosk, key)
    raise AssertionError(f"{control.objectName()} cannot be reached with {key}")


def activate(kiosk: KioskWindow, control: QWidget, key: Qt.Key = K.Key_Return) -> None:
    tab_to(kiosk, control)
    press(kiosk, key)


def test_keys_alone_reach_and_press_every_visitor_control(
    make_kiosk: MakeKiosk, fake_clock: FakeClock, monkeypatch: MonkeyPatch
) -> None:
    kiosk = make_kiosk()
    printed: list[str] = []
    assert kiosk.printer is not None
    monkeypatch.setattr(kiosk.printer, "request_print", lambda _content, lang: printed.append(lang))
    top, bottom = kiosk.top_bar, kiosk.bottom_bar
    assert kiosk.slideshow.is_playing() and ring_on(kiosk) is None

    press(kiosk, K.Key_A)  # any key leaves the loop, like a tap
    assert kiosk.visit.taken_over and not kiosk.slideshow.is_playing()
    assert ring_on(kiosk) is bottom.next  # the ring shows where Enter goes
    press(kiosk, K.Key_Right)
    assert kiosk.slideshow.index() == 1
    press(kiosk, K.Key_Left)
    assert kiosk.slideshow.index() == 0
    press(kiosk, K.Key_Return)
    assert kiosk.slideshow.index() == 1
    activate(kiosk, bottom.previous, K.Key_Space)
    assert kiosk.slideshow.index() == 0

    activate(kiosk, bottom.large_text)
    assert kiosk.visit.large_text and bottom.large_text.isChecked()
    press(kiosk, K.Key_Return)
    assert not kiosk.visit.large_text
    activate(kiosk, bottom.high_contrast)
    assert kiosk.visit.high_contrast
    press(kiosk, K.Key_Space)
    assert not kiosk.visit.high_contrast

    # "Lees voor", and the volume beside it while it reads.
    speech = bottom.speech
    activate(kiosk, speech.speak)
    assert kiosk.read_aloud.speech.speaking
    volume = kiosk.read_aloud.speech.volume
    activate(kiosk, speech.louder)
    assert kiosk.read_aloud.speech.volume > volume
    activate(kiosk, speech.softer)
    assert kiosk.read_aloud.speech.volume == pytest.approx(volume)
    activate(kiosk, speech.speak)  # a second press stops it
    assert not kiosk.read_aloud.speech.speaking

    # The language picker: its panel opens on the current language; Escape closes it, Enter chooses.
    activate(kiosk, bottom.language)
    menu = kiosk.language_menu
    assert menu.isVisible() and ring_on(kiosk) is menu.buttons["nl"]
    press(kiosk, K.Key_Escape)
    assert not menu.isVisible() and kiosk.isVisible() and ring_on(kiosk) is bottom.language
    press(kiosk, K.Key_Return)
    activate(kiosk, menu.buttons["ar"])
    assert kiosk.visit.language == "ar" and kiosk.slideshow.isRightToLeft()
    assert ring_on(kiosk) is bottom.language  # back where the visitor was
    press(kiosk, K.Key_Left)  # Arabic reads right to left: the next slide lies to the left
    assert kiosk.slideshow.index() == 1
    press(kiosk, K.Key_Right)
    assert kiosk.slideshow.index() == 0
    press(kiosk, K.Key_Return)
    activate(kiosk, menu.buttons["nl"])
    assert kiosk.visit.language == "nl"

    # The warning signs: both answers of a card, then the summary's way to the contact screen.
    activate(kiosk, top.signs)
    signs = kiosk.signs
    assert kiosk.pages.currentWidget() is signs
    assert ring_on(kiosk) is signs.recognised
    press(kiosk, K.Key_Return)
    assert kiosk.visit.answers == {0: True}
    activate(kiosk, signs.next)
    assert kiosk.visit.answers == {0: True, 1: False}
    activate(kiosk, signs.back)  # back a card
    assert kiosk.visit.card == 1
    while not signs.on_summary():
        activate(kiosk, signs.next)
    activate(kiosk, signs.to_contact)
    assert kiosk.pages.currentWidget() is kiosk.contact

    # The contact screen: print, then Escape goes back one step (to the signs, where it was opened).
    activate(kiosk, kiosk.contact.print)
    assert printed == ["nl"] and kiosk.contact.status.text() == "Wordt afgedrukt…"
    press(kiosk, K.Key_Escape)
    assert kiosk.pages.currentWidget() is signs
    activate(kiosk, signs.done)
    assert kiosk.pages.currentWidget() is kiosk.loop_page

    activate(kiosk, top.contact)
    assert kiosk.pages.currentWidget() is kiosk.contact
    activate(kiosk, kiosk.contact.back)
    assert kiosk.pages.currentWidget() is kiosk.loop_page

    # The signs slide's own button.
    while kiosk.slideshow.current_slide().signs is None:
        press(kiosk, K.Key_Right)
    advance(fake_clock, 1)  # the cross-fade ends, the button comes
    activate(kiosk, kiosk.slideshow.signs_button)
    assert kiosk.pages.currentWidget() is signs
    press(kiosk, K.Key_Escape)  # the signs go back to the slides
    assert kiosk.pages.currentWidget() is kiosk.loop_page

    # "Ben je nog aan het lezen?": a key says "Ja, verder lezen" and the full time starts again.
    advance(fake_clock, kiosk.idle.timeout_ms() / 1000 - COUNTDOWN_S + 1)
    assert kiosk.reading.isVisible() and ring_on(kiosk) is kiosk.reading.yes
    press(kiosk, K.Key_Return)
    assert not kiosk.reading.isVisible() and kiosk.idle.remaining_ms() == kiosk.idle.timeout_ms()
    assert kiosk.visit.taken_over


def test_a_key_is_input_for_the_idle_timer_and_the_reset_forgets_the_focus(
    make_kiosk: MakeKiosk, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk()
    press(kiosk, K.Key_Space)
    timeout_s = kiosk.idle.timeout_ms() / 1000
    for _ in range(3):  # keys alone keep the visit going well past the timeout
        advance(fake_clock, timeout_s - COUNTDOWN_S - 1)
        press(kiosk, K.Key_Tab)
    assert kiosk.visit.taken_over and ring_on(kiosk) is not None
    advance(fake_clock, timeout_s + 1)
    assert not kiosk.visit.taken_over and ring_on(kiosk) is None
    assert kiosk.focusWidget() is None or not kiosk.focusWidget().isVisible()


def test_the_ring_shows_only_while_keys_are_used(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    QTest.mouseClick(kiosk.slideshow, Qt.MouseButton.LeftButton)
    QTest.mouseClick(kiosk.bottom_bar.large_text, Qt.MouseButton.LeftButton)
    assert kiosk.visit.large_text and ring_on(kiosk) is None  # a tap shows no ring, nor moves the focus
    press(kiosk, K.Key_Tab)
    assert ring_on(kiosk) is not None
    QTest.mouseClick(kiosk.slideshow, Qt.MouseButton.LeftButton, pos=QPoint(10, 10))
    assert ring_on(kiosk) is None


ESCAPES = [
    (K.Key_Escape, Qt.KeyboardModifier.NoModifier),
    (K.Key_F4, Qt.KeyboardModifier.AltModifier),
    (K.Key_Q, Qt.KeyboardModifier.ControlModifier),
    (K.Key_W, Qt.KeyboardModifier.ControlModifier),
]


def test_escape_alt_f4_ctrl_q_ctrl_w_never_close_the_kiosk(
    make_kiosk: MakeKiosk, fake_clock: FakeClock
) -> None:
    kiosk = make_kiosk()
    screens = {
        "loop": kiosk.reset_to_loop,
        "slides": kiosk.take_over,
        "signs": kiosk.show_signs,
        "contact": kiosk.show_contact,
        "languages": kiosk.open_languages,
        "reading question": lambda: advance(fake_clock, kiosk.idle.timeout_ms() / 1000 - COUNTDOWN_S + 1),
    }
    for name, show in screens.items():
        for key, modifiers in ESCAPES:
            kiosk.reset_to_loop()
            if name != "loop":
                kiosk.take_over()
            show()
            press(kiosk, K.Key_Tab)  # the focus on one of the screen's controls, as a keyboard user has it
            press(kiosk, key, modifiers)
            assert kiosk.isVisible() and not kiosk.close(), f"{key} on the {name} screen"
            assert kiosk.pages.currentWidget() in (kiosk.loop_page, kiosk.signs, kiosk.contact), name


def ring_pixels(kiosk: KioskWindow, control: QAbstractButton) -> tuple[QImage, QPoint, int, int]:
    image = kiosk.grab().toImage()
    top_middle = control.mapTo(kiosk, QPoint(control.width() // 2, 0))
    dark, light = kiosk.keys.ring.bands()
    return image, top_middle, dark, light


@pytest.mark.parametrize("high_contrast", [False, True], ids=["normal", "high-contrast"])
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_focus_ring_contrasts_with_page_and_control_and_is_2_mm(
    make_kiosk: MakeKiosk, size: QSize, high_contrast: bool
) -> None:
    """Measured on the rendered screen, above the middle of each kind of button: secondary, primary and
    a toggle that is on (its fill the darkest), each ring band against what it touches."""
    kiosk = make_kiosk(size=size)
    press(kiosk, K.Key_Space)
    kiosk.set_high_contrast(high_contrast)
    kiosk.set_large_text(True)
    mm = theme.Metrics.for_size(kiosk.size(), kiosk.look()).mm
    for control in (kiosk.bottom_bar.previous, kiosk.bottom_bar.next, kiosk.bottom_bar.large_text):
        tab_to(kiosk, control)
        image, top, dark, light = ring_pixels(kiosk, control)
        x = top.x()

        def at(y: int, x: int = x, image: QImage = image) -> QColor:
            return image.pixelColor(x, y)

        edge, gap, ring, page = (
            at(top.y() + 1),
            at(top.y() - light // 2 - 1),
            at(top.y() - light - dark // 2),
            at(top.y() - light - dark - 3),
        )
        inside = at(top.y() + control.height() // 4)
        name = f"{control.objectName()} at {size.width()}x{size.height()}"
        assert contrast(ring, page) >= 3, (name, ring.name(), page.name())
        assert contrast(gap, edge) >= 3, (name, gap.name(), edge.name())
        assert contrast(ring, gap) >= 3, name  # the two bands read as one ring around the control
        assert max(contrast(ring, inside), contrast(gap, inside)) >= 3, (name, inside.name())
        above = range(top.y() - light - dark - 6, top.y() - light)
        band = [y for y in above if contrast(at(y), page) >= 3]  # the dark band, pixels high
        assert mm(len(band)) >= 2.0, (name, len(band))


@pytest.mark.parametrize("lang", ["nl", "ar"])
def test_tab_moves_in_reading_order_right_to_left_in_arabic(make_kiosk: MakeKiosk, lang: str) -> None:
    kiosk = make_kiosk()
    kiosk.set_language(lang)
    press(kiosk, K.Key_Space)
    seen: list[QPoint] = []
    for _ in range(8):
        press(kiosk, K.Key_Tab)
        target = ring_on(kiosk)
        assert target is not None
        seen.append(target.mapTo(kiosk, target.rect().center()))
    in_rows = [(a, b) for a, b in itertools.pairwise(seen) if a.y() == b.y()]
    assert in_rows, "Tab never moved along a row"
    for a, b in in_rows:
        assert (b.x() < a.x()) if lang == "ar" else (b.x() > a.x()), (lang, a, b)
