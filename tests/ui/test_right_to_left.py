"""Arabic lays out right to left: controls, dots, swipes and taps, slides, the contact details and the
handout mirror, pictures do not, and phone numbers keep their digits in order. On a small Arabic site
(tests/ui/arabic.py), so nothing here waits for the real translations."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import cast

import pytest
from PySide6.QtCore import QPoint, QSize, Qt, QTranslator
from PySide6.QtGui import QColor, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.app import create_application
from kiosk.content import Content, load_content
from kiosk.content.qr import qr_payload
from kiosk.render import theme
from kiosk.render.handout import handout_pdf
from kiosk.ui.window import KioskWindow
from tests.ui.arabic import arabic_content
from tests.ui.conftest import SIZES, centre_of
from tests.ui.test_handout import RENDER_DPI, poppler, qr_codes
from tests.ui.test_loop_and_touch import touch_swipe

MakeKiosk = Callable[..., KioskWindow]


@pytest.fixture
def arabic(tmp_path: Path) -> Path:
    return arabic_content(tmp_path / "content")


class _ArabicLabels(QTranslator):
    """The contact labels in Arabic, as the interface's translations will have them: a number after an
    Arabic label is where the bidi algorithm reverses its groups."""

    def translate(self, context: str, source: str, disambiguation: str | None = None, n: int = -1) -> str:
        return {"Telefoon": "الهاتف"}.get(source, source)


@pytest.fixture
def arabic_labels() -> Iterator[None]:
    app = create_application()
    translator = _ArabicLabels()
    app.installTranslator(translator)
    yield
    app.removeTranslator(translator)


def in_language(kiosk: KioskWindow, lang: str) -> KioskWindow:
    kiosk.set_language(lang)
    QApplication.processEvents()  # the layouts take the new direction
    return kiosk


def left_of(widget: QWidget) -> int:
    return widget.mapTo(widget.window(), QPoint(0, 0)).x()


def ink_columns(image: QImage, color: QColor, top: int = 0, bottom: int | None = None) -> list[int]:
    """The x of every column with a pixel of exactly `color` (a glyph's or dot's solid inside)."""
    rgb = color.rgb()
    rows = range(top, image.height() if bottom is None else bottom)
    return [x for x in range(image.width()) if any(image.pixel(x, y) == rgb for y in rows)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_in_arabic_next_sits_left_of_previous_and_the_bars_mirror(
    make_kiosk: MakeKiosk, arabic: Path, size: QSize
) -> None:
    kiosk = make_kiosk(arabic, size=size)
    kiosk.take_over()
    bottom, top = kiosk.bottom_bar, kiosk.top_bar
    assert left_of(bottom.previous) < left_of(bottom.next)  # Dutch: previous on the left
    assert left_of(bottom.large_text) < left_of(bottom.high_contrast) < left_of(bottom.language)
    in_language(kiosk, "ar")
    # the visitor's choices beside the language button, mirrored with it
    assert left_of(bottom.language) < left_of(bottom.high_contrast) < left_of(bottom.large_text)
    assert left_of(bottom.next) < left_of(bottom.dots) < left_of(bottom.previous)
    if top.name.isVisible():  # in portrait the name gives way to the buttons
        assert left_of(top.contact) < left_of(top.name)  # the clinic's name on the right
    assert left_of(top.contact) < left_of(top.signs)  # the row starts on the right
    in_language(kiosk, "nl")
    assert left_of(bottom.previous) < left_of(bottom.next)


def ink_runs(image: QImage) -> list[tuple[int, int]]:
    """The button's columns with ink (the globe, the letters) in its middle band, as runs left to right."""
    ground = image.pixelColor(image.width() // 2, image.height() // 8).lightness()
    band = range(image.height() // 4, image.height() * 3 // 4)

    def inked(x: int) -> bool:
        return any(abs(image.pixelColor(x, y).lightness() - ground) > 40 for y in band)

    runs: list[tuple[int, int]] = []
    for x in range(image.width()):
        if inked(x) and runs and runs[-1][1] == x:
            runs[-1] = (runs[-1][0], x + 1)
        elif inked(x):
            runs.append((x, x + 1))
    return runs


def test_the_language_button_keeps_the_same_space_between_globe_and_name_right_to_left(
    make_kiosk: MakeKiosk,
) -> None:
    """Left to right the globe stands left of the name, right to left on its right: the space between them
    stays, it does not move to the button's far side."""
    kiosk = make_kiosk()
    button = kiosk.bottom_bar.language
    side = button.iconSize().width()
    gaps = {}
    for lang in ("nl", "ar"):
        in_language(kiosk, lang)
        runs = [run for run in ink_runs(button.grab().toImage()) if run[0] > 0 and run[1] < button.width()]
        globe = next(run for run in runs if side * 0.8 <= run[1] - run[0] <= side)  # the ball's outline
        name = runs[runs.index(globe) + (1 if lang == "nl" else -1)]
        gaps[lang] = name[0] - globe[1] if lang == "nl" else globe[0] - name[1]
    assert gaps["ar"] >= side / 4 and abs(gaps["ar"] - gaps["nl"]) <= side / 6, gaps


def test_in_arabic_the_dots_run_right_to_left(make_kiosk: MakeKiosk, arabic: Path) -> None:
    kiosk = make_kiosk(arabic)
    kiosk.take_over()
    dots = kiosk.bottom_bar.dots

    def current_dot_centre() -> float:
        filled = ink_columns(dots.grab().toImage(), theme.ACCENT)
        return (min(filled) + max(filled)) / 2 / dots.width()

    assert current_dot_centre() < 0.2  # Dutch: the first slide's dot on the left
    in_language(kiosk, "ar")
    assert current_dot_centre() > 0.8
    kiosk.slideshow.show_index(len(kiosk.slideshow.slides()) - 1, animate=False)
    assert current_dot_centre() < 0.2


def test_in_arabic_a_swipe_to_the_right_and_a_tap_on_the_left_page_forward(
    make_kiosk: MakeKiosk, arabic: Path
) -> None:
    kiosk = in_language(make_kiosk(arabic), "ar")
    show = kiosk.slideshow
    touch_swipe(show, centre_of(show), centre_of(show))  # a tap with a finger: the visitor takes over
    assert kiosk.visit.taken_over and show.index() == 0
    touch_swipe(show, centre_of(show, 0.3), centre_of(show, 0.8))  # the finger moves right
    touch_swipe(show, centre_of(show, 0.3), centre_of(show, 0.8))
    assert show.index() == 2
    touch_swipe(show, centre_of(show, 0.8), centre_of(show, 0.3))
    assert show.index() == 1
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=centre_of(show, 0.2))
    assert show.index() == 2
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=centre_of(show, 0.8))
    assert show.index() == 1


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_an_arabic_slide_stands_right_aligned_with_its_picture_on_the_right(
    make_kiosk: MakeKiosk, arabic: Path, size: QSize
) -> None:
    kiosk = make_kiosk(arabic, size=size)
    show = kiosk.slideshow
    slide = show.slides()[0]
    for lang in ("nl", "ar"):
        layout = show.renderer.layout(slide, lang, size)
        image = show.renderer.render_image(slide, lang, size)
        title = ink_columns(image, theme.TITLE, round(layout.title.top()), round(layout.title.bottom()))
        body = ink_columns(image, theme.TEXT, round(layout.body.top()), round(layout.body.bottom()))
        slack = size.width() * 0.02
        if lang == "ar":
            right_gap, left_gap = layout.title.right() - max(title), min(title) - layout.title.left()
            assert right_gap < slack and right_gap < left_gap
            assert max(body) > layout.body.right() - slack  # the list's bullets stand on the right
            if size.width() > size.height():
                assert layout.picture.left() > layout.title.right()
        else:
            assert min(title) < layout.title.left() + slack
            if size.width() > size.height():
                assert layout.picture.right() < layout.title.left()


def digit_groups_x(text_x: Callable[[int], float], text: str, number: str) -> list[float]:
    """Where each digit group of `number` is drawn, in the order the groups are written."""
    start = text.index(number)
    return [text_x(start + group.start()) for group in re.finditer(r"\d+", number)]


@pytest.mark.usefixtures("arabic_labels")
def test_the_phone_number_on_an_arabic_contact_slide_reads_in_order(
    make_kiosk: MakeKiosk, arabic: Path
) -> None:
    kiosk = make_kiosk(arabic)
    show = kiosk.slideshow
    contact = next(s for s in show.slides() if s.kind == "contact")
    doc = show.renderer.layout(contact, "ar", QSize(1920, 1080)).body_doc
    phone = kiosk.content.site.clinic.phone
    block = doc.find(phone).block()

    def x_of(position: int) -> float:
        line = block.layout().lineForTextPosition(position)
        x, _ = cast(tuple[float, int], line.cursorToX(position))  # PySide6 types the pair as object
        return x

    xs = digit_groups_x(x_of, block.text(), phone)
    assert len(xs) == 4 and xs == sorted(xs), xs  # 020 123 45 67, not 67 45 123 020


def pdf_words(pdf: Path) -> list[tuple[str, float, float, float]]:
    """(word, xMin, xMax, yMin) of every word pdftotext finds, isolate marks left out."""
    html = poppler("pdftotext", "-bbox", str(pdf), "-")
    found = re.findall(
        r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)</word>', html
    )
    return [(w.strip("\u2066\u2068\u2069"), float(x0), float(x1), float(y0)) for x0, y0, x1, w in found]


@pytest.mark.usefixtures("arabic_labels")
def test_the_arabic_handout_is_right_aligned_with_its_qr_readable_and_phone_in_order(
    arabic: Path, tmp_path: Path
) -> None:
    create_application()
    content: Content = load_content(arabic)
    pdf = tmp_path / "handout-ar.pdf"
    pdf.write_bytes(handout_pdf(content, "ar"))
    words = pdf_words(pdf)
    page_pt = 595.0
    right_margin, left_margin = page_pt * (1 - 15 / 210), page_pt * 15 / 210
    letters = sorted(  # Arabic letters (pdftotext gives each shaped letter as a word)
        (y0, x0, x1) for word, x0, x1, y0 in words if re.search("[\u0600-\u06ff\ufb50-\ufeff]", word)
    )
    lines: list[list[tuple[float, float, float]]] = []
    for letter in letters:  # a letter more than 6 pt below the line's first starts a new line
        if not lines or letter[0] - lines[-1][0][0] > 6:
            lines.append([])
        lines[-1].append(letter)
    assert len(lines) >= 10
    for line in lines:  # no Arabic line starts on the left margin
        assert min(x0 for _, x0, _ in line) > left_margin + 5
    ends = [max(x1 for _, _, x1 in line) for line in lines]
    assert sum(1 for end in ends if end > right_margin - 20) >= len(ends) * 0.8, ends

    phone = content.site.clinic.phone.split()
    at = [next(x0 for word, x0, _, _ in words if word == group) for group in phone]
    assert at == sorted(at), at  # 020 123 45 67 left to right

    codes = qr_codes(pdf, tmp_path)
    assert [code.text for code in codes] == [qr_payload(content.site)]
    page_px = 210 / 25.4 * RENDER_DPI
    assert max(codes[0].position.top_right.x, codes[0].position.bottom_right.x) < page_px / 2  # on the left
