"""The crisis line: bold, at body size or larger, whole and inside the screen, on every screen where a
visitor in need may look, and never gone because a settings file broke."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import QRectF, QSize
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QApplication, QLabel

from kiosk.shots import show_screen
from kiosk.ui.window import KioskWindow
from tests.conftest import SITE_BREAKS, break_site
from tests.ui.conftest import SIZES

MakeKiosk = Callable[..., KioskWindow]
SCREENS = ["signs-summary", "signs-summary-none", "contact", "closed"]


def show(kiosk: KioskWindow, screen: str) -> None:
    if screen == "signs-summary-none":
        show_screen(kiosk, "signs")
        for _ in range(4):
            kiosk.signs.answer(False)
    else:
        show_screen(kiosk, screen)
    QApplication.processEvents()  # laid out, as a visitor sees it


def crisis_line(kiosk: KioskWindow, screen: str) -> tuple[str, QFont, float, QRectF, float]:
    """(text, font, body text size, frame in window coordinates, height the text needs) as shown."""
    if screen == "closed":
        placed = kiosk.closed.layout_notice()
        assert placed.urgent is not None
        doc, frame = placed.urgent
        return doc.toPlainText(), doc.defaultFont(), placed.body_px, frame, doc.size().height()
    page = kiosk.contact if screen == "contact" else kiosk.signs
    body: QLabel = kiosk.contact.offer if screen == "contact" else kiosk.signs.advice
    label = page.urgent
    assert label.isVisible()
    frame = QRectF(label.rect().translated(label.mapTo(kiosk, label.rect().topLeft())))
    needed = label.heightForWidth(label.width())
    return label.text(), label.font(), body.font().pixelSize(), frame, needed


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_the_crisis_line_is_bold_at_body_size_and_whole_on_every_screen(
    make_kiosk: MakeKiosk, size: QSize, screen: str
) -> None:
    kiosk = make_kiosk(size=size)
    show(kiosk, screen)
    text, font, body_px, frame, needed = crisis_line(kiosk, screen)
    assert text == kiosk.content.site.urgent.line("nl")
    assert "113" in text and "112" in text
    assert font.pixelSize() >= body_px > 0
    assert font.weight() >= QFont.Weight.Bold
    assert QRectF(kiosk.rect()).contains(frame), (frame, size)
    assert needed <= frame.height() + 1


@pytest.mark.parametrize("how", SITE_BREAKS)
def test_a_broken_site_file_never_takes_the_crisis_line_away(
    make_kiosk: MakeKiosk, content_copy: Path, how: str
) -> None:
    break_site(content_copy, how)
    kiosk = make_kiosk(content=content_copy)
    for screen in SCREENS:
        show(kiosk, screen)
        shown = crisis_line(kiosk, screen)[0]
        for part in ("113", "0800-0113", "huisartsenpost", "112"):
            assert part in shown, (how, screen, part)
