"""Clear invitations: the loop says, at reading size, what a tap does; once the controls show, arrows say that
a tap on either side pages; the signs slide has a real button; secondary buttons stand out from the page."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QPoint, QRect, QSize, Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from kiosk.render import theme
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import SIZES, centre_of
from tests.ui.test_contrast import contrast

MakeKiosk = Callable[..., KioskWindow]


def signs_index(kiosk: KioskWindow) -> int:
    return next(i for i, s in enumerate(kiosk.slideshow.slides()) if s.signs is not None)


def on_signs_slide(kiosk: KioskWindow) -> None:
    kiosk.slideshow.show_index(signs_index(kiosk), animate=False)
    kiosk.slideshow.current_pixmap()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_loops_invitation_is_body_sized_and_says_what_a_tap_does(
    make_kiosk: MakeKiosk, size: QSize
) -> None:
    kiosk = make_kiosk(size=size)
    hint = kiosk.bottom_bar.hint
    assert hint.isVisible() and hint.text() == "Tik op het scherm om zelf te bladeren"
    slide = kiosk.slideshow.slides()[0]
    body = kiosk.slideshow.renderer.layout(slide, "nl", kiosk.slideshow.size()).body_doc.defaultFont()
    assert hint.font().pixelSize() >= body.pixelSize()  # as large as the slide's own text
    assert hint.font().pixelSize() >= round(
        theme.Metrics.for_size(size).body_px
    )  # and the screens' body text
    placed = hint.rect().translated(hint.mapTo(kiosk, QPoint(0, 0)))
    assert kiosk.rect().contains(placed) and hint.height() >= hint.heightForWidth(hint.width())  # not cut off


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_with_the_controls_an_arrow_on_each_side_shows_where_a_tap_pages(
    make_kiosk: MakeKiosk, size: QSize
) -> None:
    kiosk = make_kiosk(size=size)
    show = kiosk.slideshow

    def inked(image: QImage, box: QRect) -> int:
        part = image.copy(box).convertToFormat(QImage.Format.Format_RGB32)
        return sum(colour == theme.ACCENT.rgb() for colour in memoryview(part.constBits()).cast("I"))

    boxes = [box.toAlignedRect() for box in show.arrow_boxes()]
    for slide in show.slides():  # in a margin, clear of every slide's text and code
        layout = show.renderer.layout(slide, "nl", show.size())
        parts = [layout.title, layout.body, layout.picture, *([layout.corner.code] if layout.corner else [])]
        assert not any(box.intersects(part.toAlignedRect()) for box in boxes for part in parts), slide.id
    show.current_pixmap()
    before = show.grab().toImage()
    assert [inked(before, box) for box in boxes] == [0, 0]  # the loop: no arrows
    kiosk.take_over()
    after = show.grab().toImage()
    assert all(inked(after, box) > 20 for box in boxes)
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=boxes[1].center())
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=boxes[1].center())
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=boxes[0].center())
    assert show.index() == 1


def test_the_signs_slides_button_opens_the_signs_with_a_finger(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    on_signs_slide(kiosk)
    button = kiosk.slideshow.signs_button
    assert button.isVisible() and button.text() == "Bekijk de signalen"
    assert button.height() >= theme.Metrics.for_size(kiosk.size()).touch_target
    show = kiosk.slideshow
    where = button.geometry().center()
    device = QTest.createTouchDevice()
    QTest.touchEvent(show, device).press(0, where, show).commit()
    QTest.touchEvent(show, device).release(0, where, show).commit()
    assert kiosk.pages.currentWidget() is kiosk.signs
    assert kiosk.signs.progress.text() == "Signaal 1 van 4"


def test_the_signs_slides_button_opens_the_signs_with_a_mouse(qtbot: QtBot, make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk(size=QSize(1080, 1920))
    on_signs_slide(kiosk)
    qtbot.mouseClick(kiosk.slideshow.signs_button, Qt.MouseButton.LeftButton)
    assert kiosk.pages.currentWidget() is kiosk.signs


def test_a_tap_beside_the_button_pages_like_on_any_slide(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    on_signs_slide(kiosk)
    show = kiosk.slideshow
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=centre_of(show, 0.95))  # takes over
    QTest.mouseClick(show, Qt.MouseButton.LeftButton, pos=centre_of(show, 0.95))
    assert kiosk.pages.currentWidget() is kiosk.loop_page and show.index() == signs_index(kiosk) + 1


def test_the_button_is_only_on_the_signs_slide_and_only_with_a_signs_flow(make_kiosk: MakeKiosk) -> None:
    kiosk = make_kiosk()
    show = kiosk.slideshow
    show.current_pixmap()
    assert not show.signs_button.isVisible()  # the first slide
    on_signs_slide(kiosk)
    assert show.signs_button.isVisible()
    show.set_signs_available(False)
    assert not show.signs_button.isVisible()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_secondary_buttons_have_an_outline_of_3_to_1_against_the_page(
    make_kiosk: MakeKiosk, size: QSize
) -> None:
    """Measured on the screen's pixels: the button's edge against the page beside it."""
    kiosk = make_kiosk(size=size)
    kiosk.take_over()
    kiosk.slideshow.current_pixmap()
    screen = kiosk.grab().toImage()
    for button in (kiosk.bottom_bar.previous, kiosk.top_bar.signs):
        assert button.isVisible() and not button.property("primary")
        box = button.rect().translated(button.mapTo(kiosk, QPoint(0, 0)))
        y = box.center().y()
        page = screen.pixelColor(box.left() - 4, y)
        assert page == theme.BACKGROUND
        edge = max(contrast(screen.pixelColor(x, y), page) for x in range(box.left(), box.left() + 6))
        assert edge >= 3.0, (button.text(), f"{edge:.2f}:1")
        fill = screen.pixelColor(box.center().x(), box.top() + box.height() // 4)
        assert fill == theme.ACCENT_SOFT and contrast(fill, page) < 3  # the fill alone would not do
