"""Renders one named screen offscreen: for `shot`, `selftest`, the tests and the docs."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QPixmap
from PySide6.QtWidgets import QApplication

from kiosk.ui.window import KioskWindow


class UnknownScreenError(ValueError):
    pass


SCREEN_HELP = (
    "slide:N (1 = first slide), controls:N (slide N with the visitor's controls), signs, signs:N (card N), "
    "signs-summary, contact, signs-summary:N and contact:N (page N, when large text goes on in pages), pin, "
    "staff:slides|contact|kiosk|status, closed, out-of-service"
)


def parse_size(text: str) -> QSize:
    try:
        width, height = (int(part) for part in text.lower().split("x"))
    except ValueError as err:
        raise ValueError(f"size must look like 1920x1080, not '{text}'") from err
    if not (200 <= width <= 8000 and 200 <= height <= 8000):
        raise ValueError(f"size {text} is out of range")
    return QSize(width, height)


def show_screen(window: KioskWindow, screen: str) -> None:
    """Put the window in the state a visitor would see on `screen`."""
    name, _, arg = screen.partition(":")
    if name in ("slide", "controls"):
        count = len(window.slideshow.slides())
        number = int(arg or "1") if (arg or "1").isdigit() else 0
        if not 1 <= number <= count:
            raise UnknownScreenError(f"there is no slide {arg}; this content has slides 1 to {count}")
        window.reset_to_loop()
        if name == "controls":
            window.take_over()
        window.slideshow.show_index(number - 1, animate=False)
    elif name in ("signs", "signs-summary", "contact"):
        window.reset_to_loop()
        window.show_signs() if name != "contact" else window.show_contact()
        if name == "signs-summary":
            for recognised in (True, False, True, False):  # an example: two of four recognised
                window.signs.answer(recognised)
        elif arg and name == "signs":
            for _ in range(int(arg) - 1 if arg.isdigit() else 0):
                window.signs.answer(False)
    elif name == "pin":
        window.reset_to_loop()
        window.staff.open_pad()
    elif name == "staff":
        window.reset_to_loop()
        window.staff.enter()
        tabs = window.staff.screen.tabs
        titles = ["slides", "contact", "kiosk", "status"]
        tabs.setCurrentIndex(titles.index(arg) if arg in titles else 0)
    elif name == "closed":
        window.pages.setCurrentWidget(window.closed)
    elif name == "out-of-service":
        window.pages.setCurrentWidget(window.out_of_service)
    else:
        raise UnknownScreenError(f"unknown screen '{screen}'; use {SCREEN_HELP}")


def _turn_to_page(window: KioskWindow, screen: str) -> None:
    """contact:N and signs-summary:N: page N of a screen that goes on in pages (as the text size makes it)."""
    name, _, arg = screen.partition(":")
    if name not in ("contact", "signs-summary") or not arg:
        return
    paged = window.contact if name == "contact" else window.signs
    if not arg.isdigit() or not 1 <= int(arg) <= len(paged.parts):
        raise UnknownScreenError(f"there is no page {arg} of {name}; it has pages 1 to {len(paged.parts)}")
    for _ in range(int(arg) - 1):
        paged.next_page()


def render(
    window: KioskWindow,
    screen: str,
    size: QSize,
    lang: str | None = None,
    large: bool = False,
    contrast: bool = False,
) -> QPixmap:
    """`large` and `contrast`: as a visitor's "A+" and "◐" would show it."""
    window.resize(size)
    window.show()
    QApplication.processEvents()
    show_screen(window, screen)
    if lang and lang != window.visit.language:
        window.set_language(lang)
    if large:
        window.set_large_text(True)
    if contrast:
        window.set_high_contrast(True)
    _turn_to_page(window, screen)
    window.slideshow.current_pixmap()  # rendered now: a picture of the screen does not wait for the worker
    QApplication.processEvents()
    return window.grab()
