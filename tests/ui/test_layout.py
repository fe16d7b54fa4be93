"""Every default slide at the three screen shapes a clinic uses: text inside the window, off the picture."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QImage, QTextDocument

from kiosk.render import theme
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import SIZES

MakeKiosk = Callable[..., KioskWindow]
# A glyph may overhang its line box a little (the hook of a J), antialiasing a pixel more: 8 px at 1080 lines.
# A line of text drawn below its measured box is far more than that.
OVERHANG = 8


def last_line_bottom(doc: QTextDocument) -> float:
    """Where the document's last laid-out line of text ends, from the top of the document."""
    doc.documentLayout()  # lays the document out, if nothing has yet
    block, bottom = doc.begin(), 0.0
    while block.isValid():
        lines = block.layout()  # its position is in the document; its lines' from the block's top
        if block.isVisible() and lines.lineCount():
            bottom = max(bottom, lines.position().y() + lines.lineAt(lines.lineCount() - 1).rect().bottom())
        block = block.next()
    return bottom


def has_ink(image: QImage, box: QRectF) -> bool:
    """Something other than the background is drawn in `box`."""
    part = image.copy(box.toAlignedRect()).convertToFormat(QImage.Format.Format_RGB32)
    return any(colour != theme.BACKGROUND.rgb() for colour in memoryview(part.constBits()).cast("I"))


def drawn_outside(image: QImage, boxes: list[QRectF], slack: float) -> list[tuple[int, int]]:
    """Pixels (the first in a row, at most five rows) that are not background yet lie outside every box."""
    image = image.convertToFormat(QImage.Format.Format_RGB32)
    width, height, stride = image.width(), image.height(), image.bytesPerLine()
    pixels = bytes(image.constBits())
    background = QImage(width, 1, QImage.Format.Format_RGB32)
    background.fill(theme.BACKGROUND)
    plain = bytes(background.constBits())[: width * 4]
    grown = [box.adjusted(-slack, -slack, slack, slack) for box in boxes]
    found: list[tuple[int, int]] = []
    for y in range(height):
        row = pixels[y * stride : y * stride + width * 4]
        spans = sorted(
            (max(0, int(b.left())), min(width, int(b.right()) + 1))
            for b in grown
            if b.top() <= y <= b.bottom()
        )
        x = 0
        for start, end in [*spans, (width, width)]:
            if x < start and row[x * 4 : start * 4] != plain[x * 4 : start * 4]:
                first = next(i for i in range(x, start) if row[i * 4 : i * 4 + 4] != plain[i * 4 : i * 4 + 4])
                found.append((first, y))
                break
            x = max(x, end)
        if len(found) >= 5:
            break
    return found


@pytest.mark.parametrize(
    ("lang", "large"), [("nl", False), ("ar", True), ("uk", True)], ids=["nl", "ar-A+", "uk-A+"]
)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_default_slide_fits_its_screen(
    make_kiosk: MakeKiosk, size: QSize, lang: str, large: bool
) -> None:
    """Normally, and with large text in the longest translations, where a slide may give up its picture and
    go on in a second part: every page checked as drawn."""
    kiosk = make_kiosk(size=size)
    kiosk.set_language(lang)
    kiosk.set_large_text(large)
    show = kiosk.slideshow
    assert {s.id for s in show.slides()} == {s.id for s in kiosk.content.slides}  # none skipped
    canvas = QRectF(0, 0, show.width(), show.height())
    renderer = show.renderer
    for index, slide in enumerate(show.slides()):
        show.show_index(index, animate=False)
        layout = renderer.layout(slide, lang, show.size(), show.current_part()[0])
        assert layout.fits, slide.id
        pictured = not layout.picture.isEmpty()  # large text may have taken its room
        second = [layout.second[0]] if layout.second else []  # large text's second column
        for part in (layout.title, layout.body, *second, *([layout.picture] if pictured else [])):
            assert canvas.contains(part), (slide.id, part, canvas)
        assert not layout.title.intersects(layout.picture), slide.id
        assert not layout.body.intersects(layout.picture), slide.id
        # the corner code and its caption have a corner of their own, away from text, picture and button
        assert (layout.corner is None) == (slide.kind == "contact" or not pictured), slide.id
        corner = [layout.corner.code, layout.corner.caption] if layout.corner else []
        action = [layout.action] if layout.action else []
        for part in corner:
            assert canvas.contains(part), (slide.id, part, canvas)
            for other in (layout.title, layout.body, layout.picture, *action):
                assert not part.intersects(other), (slide.id, part, other)
        for part in action:
            assert canvas.contains(part) and not part.intersects(layout.body), (slide.id, part)
        assert layout.title.bottom() <= layout.body.top(), slide.id
        # the last line of each text ends inside its box, and the boxes inside the screen
        assert layout.title.top() + last_line_bottom(layout.title_doc) <= layout.title.bottom() + 1, slide.id
        assert layout.body.top() + last_line_bottom(layout.body_doc) <= layout.body.bottom() + 1, slide.id
        # and on screen the text and picture are drawn in their boxes, nothing outside them
        shown = show.current_pixmap()
        assert shown is not None and shown.size() == show.size()
        image = shown.toImage()
        assert has_ink(image, layout.title) and (not pictured or has_ink(image, layout.picture)), slide.id
        assert has_ink(image, layout.body) or not layout.body.height(), slide.id
        slack = theme.Metrics.for_size(size).px(OVERHANG)
        stray = drawn_outside(image, [layout.title, layout.body, *second, layout.picture, *corner], slack)
        assert not stray, (
            slide.id,
            "drawn outside the title, text, picture and code boxes at (x, y):",
            stray,
        )


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_controls_are_finger_sized_and_inside_the_window(make_kiosk: MakeKiosk, size: QSize) -> None:
    kiosk = make_kiosk(size=size)
    kiosk.take_over()
    window = kiosk.rect()
    for button in (kiosk.bottom_bar.previous, kiosk.bottom_bar.next):
        rect = button.rect().translated(button.mapTo(kiosk, button.rect().topLeft()))
        assert window.contains(rect)
        assert button.height() >= 56 and button.width() >= 56
    assert kiosk.bottom_bar.previous.geometry().right() < kiosk.bottom_bar.next.geometry().left()
