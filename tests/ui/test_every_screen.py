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


# Known, and open (issue 14): in Arabic the contact screen's text (a four-line crisis line in a taller
# script) needs more height than a landscape screen has at the smallest text size the kiosk allows; the
# last lines of the contact details are squeezed. Strict: the day it fits, these fail and must go.
TOO_TALL = {("ar", 1080), ("ar", 800)}


def cases() -> list[object]:
    return [
        pytest.param(
            size,
            lang,
            id=f"{size.width()}x{size.height()}-{lang}",
            marks=[pytest.mark.xfail(strict=True, reason="Arabic contact screen too tall")]
            if (lang, size.height()) in TOO_TALL
            else [],
        )
        for size in SIZES
        for lang in LANGUAGES
    ]


@pytest.mark.parametrize(("size", "lang"), cases())
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
