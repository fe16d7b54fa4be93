"""Every visitor screen in every language the default content ships, at the three screen sizes, in the
normal look, with large text and in high contrast: every text a visitor can see lies whole inside the
window, and no label is cut off at the bottom (its height holds its wrapped text)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import QAbstractButton, QLabel, QWidget

from kiosk.ui.window import KioskWindow
from tests.ui.conftest import SIZES
from tests.ui.test_accessible_names import every_visitor_screen
from tests.ui.test_staff import MakeKiosk

LANGUAGES = ("nl", "en", "tr", "ar", "pl", "uk")
LOOKS = {"normal": (False, False), "large": (True, False), "contrast": (False, True)}


def texts_cut_off(kiosk: KioskWindow) -> list[str]:
    window = kiosk.rect()
    wrong = []
    for widget in kiosk.findChildren(QWidget):
        if not widget.isVisible() or not isinstance(widget, QLabel | QAbstractButton) or not widget.text():
            continue
        placed = QRect(widget.mapTo(kiosk, widget.rect().topLeft()), widget.size())
        if not window.contains(placed):
            wrong.append(f"outside the window: {widget.text()[:30]!r} at {placed}")
        wraps = isinstance(widget, QLabel) and widget.wordWrap()
        if wraps and widget.height() < widget.heightForWidth(widget.width()) - 1:
            wrong.append(f"cut off at the bottom: {widget.text()[:30]!r}")
    return wrong


@pytest.mark.parametrize("lang", LANGUAGES)
@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s.width()}x{s.height()}")
def test_every_visitor_screen_fits_in_every_language_and_look(
    make_kiosk: MakeKiosk, size: QSize, lang: str
) -> None:
    kiosk = make_kiosk(size=size)
    assert lang in kiosk.content.visitor_languages()
    kiosk.take_over()
    kiosk.set_language(lang)
    problems = []
    for look, (large, contrast) in LOOKS.items():
        kiosk.set_large_text(large)
        kiosk.set_high_contrast(contrast)
        for name, show in every_visitor_screen(kiosk):
            show()
            problems += [f"{look} {name}: {problem}" for problem in texts_cut_off(kiosk)]
            kiosk.take_over()
    assert not problems, "\n".join(problems[:20])
