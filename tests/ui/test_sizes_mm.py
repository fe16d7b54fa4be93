"""Sizes measured in millimetres on the glass (EN 301 549 § 5.1.4): body capitals of 6 mm, 9 mm with the
visitor's large text, touch targets of 15 × 15 mm with 2 mm between them, at the three screen shapes."""

from __future__ import annotations

import itertools
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetricsF, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QLabel, QPushButton, QWidget

from kiosk.app import create_application
from kiosk.content import pick
from kiosk.content.qr import qr_payload
from kiosk.render import theme
from kiosk.render.slide import CONTACT_QR_SHARE, layout_slide
from kiosk.render.text import text_block
from kiosk.ui.slideshow import SlideShow
from kiosk.ui.window import KioskWindow
from tests.conftest import edit_site
from tests.fake_clock import FakeClock
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
    assert {s.id for s in show.slides()} == {s.id for s in kiosk.content.slides}  # none skipped
    short = set()
    for slide, lang in itertools.product(kiosk.content.slides, kiosk.content.site.kiosk.languages):
        for layout in show.renderer.layouts(slide, lang, show.size()):  # a long text: on two parts
            assert layout.fits, slide.id
            docs = [layout.body_doc] if pick(slide.body, lang) else []
            if any(cap_mm(doc.defaultFont(), mm) < floor for doc in [layout.title_doc, *docs]):
                short.add((slide.id, lang))
    assert not short, sorted(short)
    # the visitor's own screens, in every language: every text but the small print (captions, hints,
    # buttons) as body
    short = set()
    for lang in kiosk.content.site.kiosk.languages:
        kiosk.reset_to_loop()
        kiosk.take_over()
        kiosk.set_language(lang)
        kiosk.set_large_text(large)
        for name, go in visitor_screens(kiosk):
            go()
            page = kiosk.pages.currentWidget()
            assert page is not None
            under = [] if name == "question" else shown_labels(page)  # the question: over the contact screen
            for label in under + shown_labels(kiosk.reading):
                small = label.property("role") in ("muted", "hint", "invite")
                at_least = theme.BODY_CAP_MM if small or not large else floor
                if cap_mm(label.font(), mm) < at_least - 0.05:
                    short.add((lang, name))
            kiosk._still_reading()
    assert short == set(), " ".join(map(str, sorted(short)))


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
    for slide, layout in (
        (s, part) for s in kiosk.content.slides for part in show.renderer.layouts(s, "nl", show.size())
    ):
        assert layout.fits, slide.id
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
    edit_site(content_copy, "screen_inches = 24", f"screen_inches = {inches}")
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


def test_large_text_too_long_for_one_screen_continues_on_a_second_part_paged_like_a_slide(
    make_kiosk: MakeKiosk, fake_clock: FakeClock
) -> None:
    """The English help slide holds too much at 9 mm on a 1280×800 screen: it comes in two parts, "(1/2)"
    and "(2/2)", each a page with its own dot; together they say all of it, and the loop shows both."""
    kiosk = make_kiosk(size=QSize(1280, 800))
    kiosk.set_language("en")
    show = kiosk.slideshow
    assert [s.id for s in show.slides()].count("100-hulp") == 1  # normal text: one page
    kiosk.set_large_text(True)
    pages = [i for i, s in enumerate(show.slides()) if s.id == "100-hulp"]
    assert len(pages) == 2 and pages[1] == pages[0] + 1
    slide = show.slides()[pages[0]]
    parts = show.renderer.layouts(slide, "en", show.size())
    title = pick(slide.title, "en")
    assert [part.title_doc.toPlainText() for part in parts] == [f"{title} (1/2)", f"{title} (2/2)"]
    whole = text_block(pick(slide.body, "en"), theme.font(40), 2000, markdown=True).toPlainText()
    said = " ".join(part.body_doc.toPlainText() for part in parts)
    assert said.split() == whole.split()  # every word once, in order

    show.show_index(pages[0], animate=False)  # the loop plays both parts, each for the slide's time
    fake_clock.advance(slide.duration_s + 0.1)
    assert show.current_slide() is slide and show.current_part() == (1, 2)
    fake_clock.advance(slide.duration_s + 0.1)
    assert show.current_slide() is not slide

    kiosk.take_over()
    show.show_index(pages[0], animate=False)
    assert show.current_part() == (0, 2)
    assert kiosk.bottom_bar.dots.accessibleName() == f"{pages[0] + 1} / {len(show.slides())}"
    first = on_screen_now(show)
    QTest.mouseClick(kiosk.bottom_bar.next, Qt.MouseButton.LeftButton)  # the visitor pages on
    assert show.current_slide() is slide and show.current_part() == (1, 2)
    assert on_screen_now(show) != first


def on_screen_now(show: SlideShow) -> QImage:
    pixmap = show.current_pixmap()
    assert pixmap is not None
    return pixmap.toImage()


@pytest.mark.parametrize("size", SIZES, ids=ids)
def test_every_part_of_the_arabic_contact_slide_with_large_text_carries_a_qr_a_phone_reads(
    make_kiosk: MakeKiosk, size: QSize
) -> None:
    kiosk = make_kiosk(size=size)
    kiosk.take_over()
    kiosk.set_language("ar")
    kiosk.set_large_text(True)
    show = kiosk.slideshow
    pages = [i for i, s in enumerate(show.slides()) if s.kind == "contact"]
    assert len(pages) >= 1
    for page in pages:
        show.show_index(page, animate=False)
        image = on_screen_now(show)
        found = [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]
        assert found == [qr_payload(kiosk.content.site)], (page, show.current_part())
        code = show.renderer.layout(show.slides()[page], "ar", show.size(), show.current_part()[0]).picture
        side_mm = min(code.width(), code.height()) * CONTACT_QR_SHARE * show.renderer.look.mm_per_px
        assert side_mm >= 60, side_mm  # a phone reads it from arm's length


@pytest.mark.parametrize(
    ("title", "body"),
    [
        ("Een titel die niet ophoudt " * 30, ""),  # no text to share out
        ("Hulp", "Een zin zonder einde " * 200),  # one sentence, longer than the screen
        ("Hulp", "- " + "een punt dat niet ophoudt " * 200 + "\n- kort"),
    ],
    ids=["long-title", "endless-sentence", "endless-item"],
)
def test_large_text_that_cannot_stand_at_9_mm_even_in_parts_is_shown_whole_at_normal_size(
    qapp: QApplication, title: str, body: str
) -> None:
    create_application()
    size = QSize(1280, 800)
    look = theme.Look.for_screen(24, size, large=True)
    parts = layout_slide(title, body, size, look=look)
    normal = theme.Metrics.for_size(size, replace(look, large=False))
    assert len(parts) == 1 and parts[0].body_doc.defaultFont().pixelSize() >= normal.min_body_px
    assert parts[0].title_doc.toPlainText().strip() == title.strip()  # no "(1/2)": one part
