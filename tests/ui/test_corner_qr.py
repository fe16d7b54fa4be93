"""Contact without touching: every slide of the loop carries the site's QR code, and a phone a metre away
reads it from the screen.

What the phone sees, estimated: a phone's main camera takes photos 4000 pixels wide over a field of view
of about 70°, so at 1 m it sees about 1.4 m across. A 24-inch 16:9 screen is 53 cm wide: about 1500
photo pixels; we take 1200 (a little further away, or a less sharp camera). So each render is scaled
until the screen's long side is 1200 pixels (1920×1080 and 1080×1920: 0.625; 1280×800, taken as the
same 24-inch panel: 0.94), smoothly, and blurred a little (QGraphicsBlurEffect, radius 2 photo pixels:
a hand that is not quite still, a lens not quite focused). zxing-cpp must then read exactly the site's
payload from the whole window: the corner code on every slide, the large code on the contact slide.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
import zxingcpp
from PySide6.QtCore import QRectF, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QGraphicsBlurEffect, QGraphicsScene

from kiosk.content.qr import qr_payload
from kiosk.ui.window import KioskWindow
from tests.ui.conftest import SIZES

MakeKiosk = Callable[..., KioskWindow]
SCREEN_IN_PHOTO_PX = 1200  # the screen's long side in a phone's photo taken 1 m away (see above)
BLUR_PX = 2.0


def phone_photo(screen: QImage) -> QImage:
    """The screen as a phone's photo from a metre away shows it: scaled down and slightly blurred."""
    factor = SCREEN_IN_PHOTO_PX / max(screen.width(), screen.height())
    size = QSize(round(screen.width() * factor), round(screen.height() * factor))
    small = screen.scaled(
        size, Qt.AspectRatioMode.IgnoreAspectRatio, Qt.TransformationMode.SmoothTransformation
    )
    scene = QGraphicsScene()
    item = scene.addPixmap(QPixmap.fromImage(small))
    blur = QGraphicsBlurEffect()
    blur.setBlurRadius(BLUR_PX)
    item.setGraphicsEffect(blur)
    photo = QImage(size, QImage.Format.Format_RGB32)
    photo.fill(QColor("white"))
    painter = QPainter(photo)
    scene.render(painter, QRectF(photo.rect()), QRectF(small.rect()))
    painter.end()
    return photo


def codes_in(image: QImage) -> list[str]:
    return [r.text for r in zxingcpp.read_barcodes(image) if r.format == zxingcpp.BarcodeFormat.QRCode]


def screen_on_slide(kiosk: KioskWindow, index: int) -> QImage:
    kiosk.slideshow.show_index(index, animate=False)
    kiosk.slideshow.current_pixmap()  # on screen now, not when the worker gets to it
    return kiosk.grab().toImage()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_slide_of_the_loop_shows_a_code_a_phone_reads_from_a_metre(
    make_kiosk: MakeKiosk, size: QSize
) -> None:
    kiosk = make_kiosk(size=size)
    payload = qr_payload(kiosk.content.site)
    assert payload == "https://example.org/moeders?utm_source=wachtkamer"
    slides = kiosk.slideshow.slides()
    assert "contact" in [s.kind for s in slides]
    for index, slide in enumerate(slides):
        photo = phone_photo(screen_on_slide(kiosk, index))
        assert codes_in(photo) == [payload], (slide.id, slide.kind)
    assert not kiosk.visit.taken_over  # the loop: nobody touched anything


def test_a_contact_card_in_the_corner_reads_from_a_metre_too(
    make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    site = content_copy / "site.toml"
    site.write_text(
        site.read_text(encoding="utf-8").replace('kind = "url"', 'kind = "vcard"'), encoding="utf-8"
    )
    kiosk = make_kiosk(content=content_copy)
    (card,) = codes_in(phone_photo(screen_on_slide(kiosk, 0)))
    assert card == qr_payload(kiosk.content.site) and card.startswith("BEGIN:VCARD")


def test_turning_the_corner_code_off_leaves_it_only_on_the_contact_slide(
    make_kiosk: MakeKiosk, content_copy: Path
) -> None:
    site = content_copy / "site.toml"
    text = site.read_text(encoding="utf-8")
    assert "corner_qr = true" in text
    site.write_text(text.replace("corner_qr = true", "corner_qr = false"), encoding="utf-8")
    kiosk = make_kiosk(content=content_copy)
    payload = qr_payload(kiosk.content.site)
    for index, slide in enumerate(kiosk.slideshow.slides()):
        shown = codes_in(screen_on_slide(kiosk, index))  # the sharp screen itself, not a photo
        assert shown == ([payload] if slide.kind == "contact" else []), slide.id
