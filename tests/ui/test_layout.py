"""Every default slide at the three screen shapes a clinic uses: text inside the window, off the picture."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from PySide6.QtCore import QRectF, QSize

from kiosk.ui.window import KioskWindow

MakeKiosk = Callable[..., KioskWindow]
SIZES = [QSize(1920, 1080), QSize(1280, 800), QSize(1080, 1920)]


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_default_slide_fits_its_screen(make_kiosk: MakeKiosk, size: QSize) -> None:
    kiosk = make_kiosk(size=size)
    show = kiosk.slideshow
    assert len(show.slides()) == len(kiosk.content.slides)  # none skipped for not fitting
    canvas = QRectF(0, 0, show.width(), show.height())
    renderer = show.renderer
    for slide in show.slides():
        layout = renderer.layout(slide, "nl", show.size())
        assert layout.fits, slide.id
        for part in (layout.title, layout.body, layout.picture):
            assert canvas.contains(part), (slide.id, part, canvas)
        assert not layout.title.intersects(layout.picture), slide.id
        assert not layout.body.intersects(layout.picture), slide.id
        assert layout.title.bottom() <= layout.body.top(), slide.id
        # the text block really is as tall as its lines: nothing hidden below the measured box
        assert layout.body_doc.size().height() <= layout.body.height() + 1


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
