"""Sizes measured in millimetres on the glass (EN 301 549 § 5.1.4): body capitals of 6 mm, 9 mm with the
visitor's large text, touch targets of 15 × 15 mm with 2 mm between them, at the three screen shapes."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtGui import QFont, QFontMetricsF
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from kiosk.app import create_application
from kiosk.content import pick
from kiosk.render import theme
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import SIZES

MakeKiosk = Callable[..., KioskWindow]
ids = lambda s: f"{s.width()}x{s.height()}"  # noqa: E731


def cap_mm(font: QFont, mm_per_px: float) -> float:
    """How tall a capital of `font` stands on the glass, measured by the font itself."""
    return QFontMetricsF(font).capHeight() * mm_per_px


def test_the_cap_height_the_sizes_assume_is_the_bundled_fonts(qapp: QApplication) -> None:
    create_application()  # the bundled fonts
    assert QFontMetricsF(theme.font(200)).capHeight() / 200 == pytest.approx(theme.CAP_HEIGHT, abs=0.01)


def visitor_screens(kiosk: KioskWindow) -> list[tuple[str, Callable[[], None]]]:
    def card() -> None:
        kiosk.show_signs()

    def summary() -> None:
        kiosk.show_signs()
        for _ in range(len(kiosk.signs._signs.signs if kiosk.signs._signs else [])):
            kiosk.signs.answer(True)

    return [
        ("slides", kiosk.show_slides),
        ("signs", card),
        ("summary", summary),
        ("contact", kiosk.show_contact),
        ("question", kiosk._ask_if_reading),
    ]


def shown_labels(widget: QWidget) -> list[QLabel]:
    return [label for label in widget.findChildren(QLabel) if label.isVisible() and label.text()]


# Known, and open (issue 14): these slides' translations are too long to stand at 9 mm on that screen, so
# with large text they are shown at normal size (whole, never cut). Exact: a new gap, or one closed, fails.
LARGE_TEXT_GAPS = {
    1080: {("020-wat-is-oxytocine", "ar"), ("100-hulp", "ar"), ("100-hulp", "uk"), ("105-contact", "ar")},
    800: {("100-hulp", "ar"), ("100-hulp", "en"), ("100-hulp", "uk"), ("105-contact", "ar")},
    1920: {("105-contact", "ar")},
}


@pytest.mark.parametrize("large", [False, True], ids=["normal", "large"])
@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_body_capitals_stand_6_mm_and_9_mm_with_large_text(
    make_kiosk: MakeKiosk, size: QSize, large: bool
) -> None:
    kiosk = make_kiosk(size=size)
    kiosk.take_over()
    kiosk.set_large_text(large)
    floor = theme.LARGE_CAP_MM if large else theme.BODY_CAP_MM
    show = kiosk.slideshow
    mm = show.renderer.look.mm_per_px
    assert mm == pytest.approx(24 * 25.4 / (size.width() ** 2 + size.height() ** 2) ** 0.5)
    assert len(show.slides()) == len(kiosk.content.slides)  # none skipped
    short = set()
    for slide, lang in itertools.product(show.slides(), kiosk.content.site.kiosk.languages):
        layout = show.renderer.layout(slide, lang, show.size())
        assert layout.fits, slide.id
        docs = [layout.body_doc] if pick(slide.body, lang) else []
        if any(cap_mm(doc.defaultFont(), mm) < floor for doc in [layout.title_doc, *docs]):
            short.add((slide.id, lang))
    assert short == (LARGE_TEXT_GAPS[size.height()] if large else set()), sorted(short)
    # the visitor's own screens: every text but the small print (captions, hints, buttons) as body
    for name, go in visitor_screens(kiosk):
        go()
        page = kiosk.pages.currentWidget()
        assert page is not None
        for label in shown_labels(page) + shown_labels(kiosk.reading):
            small = label.property("role") in ("muted", "hint", "invite")
            at_least = theme.BODY_CAP_MM if small or not large else floor
            assert cap_mm(label.font(), mm) >= at_least - 0.05, (
                name,
                label.text()[:30],
                label.font().pixelSize(),
            )
        kiosk._still_reading()


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_large_text_is_about_half_as_large_again_and_cuts_nothing_off(
    make_kiosk: MakeKiosk, size: QSize
) -> None:
    kiosk = make_kiosk(size=size)
    kiosk.take_over()
    show = kiosk.slideshow
    normal = {
        s.id: show.renderer.layout(s, "nl", show.size()).body_doc.defaultFont().pixelSize()
        for s in show.slides()
    }
    kiosk.set_large_text(True)
    assert show.renderer.look.large
    for slide in show.slides():
        layout = show.renderer.layout(slide, "nl", show.size())
        assert layout.fits, slide.id
        if slide.kind != "contact":  # its QR code keeps its room: its text grows less (see LARGE_TEXT_GAPS)
            assert layout.body_doc.defaultFont().pixelSize() >= 1.2 * normal[slide.id], slide.id
        canvas = QRect(0, 0, show.width(), show.height())
        boxes = [layout.title, layout.body, *([layout.second[0]] if layout.second else [])]
        assert all(canvas.contains(box.toAlignedRect()) for box in boxes), slide.id
        assert layout.body.height() >= layout.body_doc.size().height() - 1, slide.id


def on_screen(widget: QWidget, window: QWidget) -> QRect:
    return QRect(widget.mapTo(window, widget.rect().topLeft()), widget.size())


def gap_px(a: QRect, b: QRect) -> float:
    dx = max(0, max(a.left(), b.left()) - min(a.right(), b.right()) - 1)
    dy = max(0, max(a.top(), b.top()) - min(a.bottom(), b.bottom()) - 1)
    return (dx**2 + dy**2) ** 0.5


@pytest.mark.parametrize("inches", [24, 15])
@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_every_visitor_target_is_15_mm_square_with_2_mm_between(
    make_kiosk: MakeKiosk, content_copy: Path, size: QSize, inches: int
) -> None:
    site = content_copy / "site.toml"
    site.write_text(site.read_text().replace("screen_inches = 24", f"screen_inches = {inches}"))
    kiosk = make_kiosk(content=content_copy, size=size)
    kiosk.take_over()
    mm = kiosk.look().mm_per_px
    assert mm == pytest.approx(inches * 25.4 / (size.width() ** 2 + size.height() ** 2) ** 0.5)
    for large in (False, True):
        kiosk.set_large_text(large)
        for name, go in visitor_screens(kiosk):
            go()
            buttons = [b for b in kiosk.findChildren(QPushButton) if b.isVisible()]
            if kiosk.reading.isVisible():  # the question covers the rest: only its button counts
                buttons = [kiosk.reading.yes]
            assert buttons, name
            rects = [on_screen(b, kiosk) for b in buttons]
            for button, rect in zip(buttons, rects, strict=True):
                assert kiosk.rect().contains(rect), (name, button.objectName())
                assert rect.width() * mm >= theme.TARGET_MM, (name, button.objectName(), rect.width() * mm)
                assert rect.height() * mm >= theme.TARGET_MM, (name, button.objectName(), rect.height() * mm)
            for (a, ra), (b, rb) in itertools.combinations(zip(buttons, rects, strict=True), 2):
                gap = gap_px(ra, rb) * mm
                assert gap >= theme.TARGET_GAP_MM, (name, a.objectName(), b.objectName(), gap)
            kiosk._still_reading()
